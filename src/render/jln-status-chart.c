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

/* Actions by status for each objective: one bar per objective, a segment
 * per status, the overdue apart from the other open actions. */

static char *
segment_query (JlnObjective *objective,
               JlnStatus     status)
{
  g_autofree char *number = _jln_chart_query_value (jln_objective_get_number (objective));

  if (status == STATUS_OVERDUE)
    return g_strdup_printf ("objective:%s overdue", number);
  if (status == JLN_STATUS_PLANNED || status == JLN_STATUS_IN_PROGRESS)
    return g_strdup_printf ("objective:%s status:%s -overdue", number, jln_status_to_string (status));
  if (status == JLN_STATUS_DONE)
    return g_strdup_printf ("objective:%s status:done -status:done-new", number);
  return g_strdup_printf ("objective:%s status:%s", number, jln_status_to_string (status));
}

static void
read_status (JlnChart *self)
{
  GListModel *objectives = jln_plan_get_objectives (self->plan);
  JlnSemester today = jln_semester_today ();

  for (guint i = 0; i < g_list_model_get_n_items (objectives); i++)
    {
      g_autoptr(JlnObjective) objective = g_list_model_get_item (objectives, i);
      GListModel *actions = jln_objective_get_actions (objective);
      guint counts[STATUS_OVERDUE + 1] = { 0 };
      guint total = 0;

      for (guint j = 0; j < g_list_model_get_n_items (actions); j++)
        {
          g_autoptr(JlnAction) action = g_list_model_get_item (actions, j);
          JlnStatus status = jln_action_get_status (action);

          if (!_jln_chart_action_counts (self, action, today))
            continue;
          /* Overdue, the figure a committee asks for, apart. */
          if (jln_semester_is_overdue (jln_action_get_due (action), status, today))
            status = STATUS_OVERDUE;
          counts[status]++;
          total++;
        }
      if (total == 0)
        continue;

      g_ptr_array_add (self->rows, g_object_ref (objective));
      for (guint k = 0; k < G_N_ELEMENTS (segment_order); k++)
        {
          JlnStatus s = segment_order[k];
          Item item = { 0 };

          if (counts[s] == 0)
            continue;
          item.kind = ITEM_SEGMENT;
          item.row = self->rows->len - 1;
          item.status = s;
          item.value = counts[s];
          item.query = segment_query (objective, s);
          g_array_append_val (self->items, item);
        }
      self->max_value = MAX (self->max_value, total);
    }
}

static void
status_build_legend (JlnChart             *self,
                     const JlnRenderStyle *style)
{
  for (guint k = 0; k < G_N_ELEMENTS (segment_order); k++)
    for (guint i = 0; i < self->items->len; i++)
      if (g_array_index (self->items, Item, i).status == segment_order[k])
        {
          _jln_chart_add_legend (self, SYMBOL_STATUS, 0, segment_order[k],
                      _jln_chart_status_label (style, segment_order[k]));
          break;
        }
}

static char *
status_dup_title (JlnChart             *self,
                  const JlnRenderStyle *style)
{
  return g_strdup (_jln_chart_tr (style, N_("Actions by status for each objective")));
}

struct _JlnStatusChart
{
  JlnChart parent_instance;
};

G_DEFINE_FINAL_TYPE (JlnStatusChart, jln_status_chart, JLN_TYPE_CHART)

static void
jln_status_chart_class_init (JlnStatusChartClass *klass)
{
  JlnChartClass *chart_class = JLN_CHART_CLASS (klass);

  chart_class->read = read_status;
  chart_class->build_legend = status_build_legend;
  chart_class->layout = _jln_chart_layout_bars;
  chart_class->measure = _jln_chart_bars_measure;
  chart_class->paint = _jln_chart_bars_paint;
  chart_class->dup_title = status_dup_title;
}

static void
jln_status_chart_init (JlnStatusChart *self)
{
}
