/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include "jln-gettext.h"
#include <pango/pangocairo.h>

#include "jln-action-item.h"
#include "jln-action.h"
#include "jln-chart-private.h"
#include "jln-i18n.h"
#include "jln-measurement.h"
#include "jln-objective.h"
#include "jln-semester-axis.h"
#include "jln-target.h"
#include "jln-unit.h"

/* Actions per responsible unit: one bar per unit, a segment per status. */

static int
compare_unit_items (gconstpointer a,
                    gconstpointer b)
{
  const Item *x = a;
  const Item *y = b;

  if (x->value != y->value)
    return x->value > y->value ? -1 : 1;
  return x->row < y->row ? -1 : x->row > y->row;
}

static void
count_units (GHashTable *seen,
             GPtrArray  *units)
{
  for (guint i = 0; units != NULL && i < units->len; i++)
    g_hash_table_add (seen, g_ptr_array_index (units, i));
}

static void
read_units (JlnChart *self)
{
  GListModel *units = jln_plan_get_units (self->plan);
  GListModel *objectives = jln_plan_get_objectives (self->plan);
  JlnSemester today = jln_semester_today ();
  g_autoptr(GHashTable) counts = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

  /* An action counts for the units of the action and of its sub-items,
   * as unit: queries match them, so that a click on a bar lists exactly
   * the actions it stands for. */
  for (guint i = 0; i < g_list_model_get_n_items (objectives); i++)
    {
      g_autoptr(JlnObjective) objective = g_list_model_get_item (objectives, i);
      GListModel *actions = jln_objective_get_actions (objective);

      for (guint j = 0; j < g_list_model_get_n_items (actions); j++)
        {
          g_autoptr(JlnAction) action = g_list_model_get_item (actions, j);
          /* Most actions have no sub-items: no empty list is made for them. */
          GListModel *items = _jln_action_get_n_items (action) > 0 ? jln_action_get_items (action) : NULL;
          GHashTableIter iter;
          gpointer unit;

          if (!_jln_chart_action_counts (self, action, today))
            continue;
          g_hash_table_remove_all (seen);
          count_units (seen, jln_action_get_units (action));
          for (guint k = 0; items != NULL && k < g_list_model_get_n_items (items); k++)
            {
              g_autoptr(JlnActionItem) item = g_list_model_get_item (items, k);

              count_units (seen, jln_action_item_get_units (item));
            }
          g_hash_table_iter_init (&iter, seen);
          while (g_hash_table_iter_next (&iter, &unit, NULL))
            {
              guint count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, unit));

              g_hash_table_insert (counts, unit, GUINT_TO_POINTER (count + 1));
            }
        }
    }

  for (guint k = 0; k < g_list_model_get_n_items (units); k++)
    {
      g_autoptr(JlnUnit) unit = g_list_model_get_item (units, k);
      guint count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, unit));
      g_autofree char *code = NULL;
      Item item = { 0 };

      if (count == 0 || jln_unit_get_code (unit) == NULL)
        continue;
      code = _jln_chart_query_value (jln_unit_get_code (unit));
      g_ptr_array_add (self->rows, g_object_ref (unit));
      item.kind = ITEM_UNIT;
      item.row = self->rows->len - 1;
      item.value = count;
      item.query = g_strdup_printf ("unit:%s", code);
      self->max_value = MAX (self->max_value, count);
      g_array_append_val (self->items, item);
    }

  /* The most used units first: rows follow the sorted bars. */
  g_array_sort (self->items, compare_unit_items);
  {
    g_autoptr(GPtrArray) sorted = g_ptr_array_new_with_free_func (g_object_unref);

    for (guint i = 0; i < self->items->len; i++)
      {
        Item *item = &g_array_index (self->items, Item, i);

        g_ptr_array_add (sorted, g_object_ref (g_ptr_array_index (self->rows, item->row)));
        item->row = i;
      }
    g_ptr_array_set_size (self->rows, 0);
    g_ptr_array_extend_and_steal (self->rows, g_steal_pointer (&sorted));
  }
}

static char *
units_dup_title (JlnChart             *self,
                 const JlnRenderStyle *style)
{
  return g_strdup (_jln_chart_tr (style, N_("Actions per responsible unit")));
}

struct _JlnUnitsChart
{
  JlnChart parent_instance;
};

G_DEFINE_FINAL_TYPE (JlnUnitsChart, jln_units_chart, JLN_TYPE_CHART)

static void
jln_units_chart_class_init (JlnUnitsChartClass *klass)
{
  JlnChartClass *chart_class = JLN_CHART_CLASS (klass);

  chart_class->read = read_units;
  chart_class->layout = _jln_chart_layout_bars;
  chart_class->measure = _jln_chart_bars_measure;
  chart_class->paint = _jln_chart_bars_paint;
  chart_class->dup_title = units_dup_title;
}

static void
jln_units_chart_init (JlnUnitsChart *self)
{
}
