/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "jln-gettext.h"

#include "jln-action.h"
#include "jln-action-item.h"
#include "jln-check.h"
#include "jln-indicator.h"
#include "jln-objective.h"
#include "jln-record-private.h"
#include "jln-target.h"
#include "jln-unit.h"

static void
count_missing_translations (JlnRecord *record,
                            guint     *missing)
{
  const JlnKindInfo *info = _jln_record_get_info (record);

  for (guint i = 0; i < info->n_fields; i++)
    if (info->fields[i].type == JLN_FIELD_TEXT)
      {
        const JlnText *text = _jln_record_field_ptr (record, &info->fields[i]);

        if ((text->fr == NULL) != (text->en == NULL))
          (*missing)++;
      }

  for (guint i = 0; i < info->n_children; i++)
    {
      GListModel *children = _jln_record_peek_children (record, info->children[i]);

      for (guint j = 0; children != NULL && j < g_list_model_get_n_items (children); j++)
        {
          g_autoptr(JlnRecord) child = g_list_model_get_item (children, j);

          count_missing_translations (child, missing);
        }
    }
}

void
jln_plan_count (JlnPlan       *plan,
                JlnPlanCounts *counts)
{
  GListModel *objectives = jln_plan_get_objectives (plan);
  GListModel *indicators = jln_plan_get_indicators (plan);

  g_return_if_fail (JLN_IS_PLAN (plan));

  memset (counts, 0, sizeof *counts);
  for (guint i = 0; i < g_list_model_get_n_items (objectives); i++)
    {
      g_autoptr(JlnObjective) objective = g_list_model_get_item (objectives, i);
      GListModel *actions = jln_objective_get_actions (objective);
      JlnProgramme programme = jln_objective_get_programme (objective);

      counts->objectives[programme]++;
      counts->actions[programme] += g_list_model_get_n_items (actions);
      for (guint j = 0; j < g_list_model_get_n_items (actions); j++)
        {
          g_autoptr(JlnAction) action = g_list_model_get_item (actions, j);

          guint n_items = _jln_action_get_n_items (action);

          counts->items += n_items;
          counts->notes += _jln_record_count_children (JLN_RECORD (action), JLN_KIND_NOTE);
          for (guint k = 0; k < n_items; k++)
            {
              g_autoptr(JlnRecord) item = g_list_model_get_item (jln_action_get_items (action), k);

              counts->notes += _jln_record_count_children (item, JLN_KIND_ITEM_NOTE);
            }
        }
    }
  counts->units = g_list_model_get_n_items (jln_plan_get_units (plan));
  counts->principles = g_list_model_get_n_items (jln_plan_get_principles (plan));
  counts->milestones = g_list_model_get_n_items (jln_plan_get_milestones (plan));
  counts->sections = g_list_model_get_n_items (jln_plan_get_sections (plan));
  counts->indicators = g_list_model_get_n_items (indicators);
  for (guint i = 0; i < counts->indicators; i++)
    {
      g_autoptr(JlnIndicator) indicator = g_list_model_get_item (indicators, i);

      counts->targets += g_list_model_get_n_items (jln_indicator_get_targets (indicator));
      counts->measurements += g_list_model_get_n_items (jln_indicator_get_measurements (indicator));
    }
  count_missing_translations (JLN_RECORD (plan), &counts->missing_translations);
}

/* "6.1-6.14" → prefix "6.", 1, 14. */
static gboolean
parse_range (const char  *reference,
             char       **prefix,
             guint       *first,
             guint       *last)
{
  const char *dash = strchr (reference, '-');
  const char *dot;
  g_autofree char *start = NULL;
  const char *end_dot;
  char *end;

  if (dash == NULL)
    return FALSE;
  start = g_strndup (reference, dash - reference);
  dot = strrchr (start, '.');
  end_dot = strrchr (dash + 1, '.');
  if (dot == NULL || end_dot == NULL ||
      (gsize) (dot - start) != (gsize) (end_dot - (dash + 1)) ||
      strncmp (start, dash + 1, dot - start) != 0)
    return FALSE;

  *first = strtoul (dot + 1, &end, 10);
  if (*end != '\0' || end == dot + 1)
    return FALSE;
  *last = strtoul (end_dot + 1, &end, 10);
  if (*end != '\0' || end == end_dot + 1 || *last < *first || *last - *first > 1000)
    return FALSE;
  *prefix = g_strndup (start, dot - start + 1);
  return TRUE;
}

static void
check_references (JlnAction  *action,
                  GHashTable *numbers,
                  GPtrArray  *warnings)
{
  const char * const *references = jln_action_get_references (action);

  for (guint i = 0; references != NULL && references[i] != NULL; i++)
    {
      g_autofree char *prefix = NULL;
      g_autoptr(GString) missing = g_string_new (NULL);
      guint first, last, n_missing = 0;

      if (!parse_range (references[i], &prefix, &first, &last))
        {
          if (!g_hash_table_contains (numbers, references[i]))
            g_ptr_array_add (warnings,
                             /* Translators: action 2.5 refers to 6.9, which is not an action of the plan */
                             g_strdup_printf (_("action %s refers to %s, which is not an action of the plan"),
                                              jln_action_get_number (action), references[i]));
          continue;
        }

      for (guint n = first; n <= last; n++)
        {
          g_autofree char *number = g_strdup_printf ("%s%u", prefix, n);

          if (!g_hash_table_contains (numbers, number))
            {
              if (n_missing++ > 0)
                g_string_append (missing, ", ");
              g_string_append (missing, number);
            }
        }
      if (n_missing > 0)
        g_ptr_array_add (warnings,
                         g_strdup_printf (dngettext (GETTEXT_PACKAGE,
                                                     "action %s refers to %s, but %s is not an action of the plan",
                                                     "action %s refers to %s, but %s are not actions of the plan",
                                                     n_missing),
                                          jln_action_get_number (action), references[i], missing->str));
    }
}

static void
mark_units (GPtrArray  *units,
            GHashTable *used)
{
  for (guint i = 0; i < units->len; i++)
    g_hash_table_add (used, g_ptr_array_index (units, i));
}

/**
 * jln_plan_check:
 *
 * Looks for what is probably wrong in a valid plan: references to
 * actions that do not exist, units without a name or without actions,
 * repeated numbers, dates that contradict a status.
 *
 * Returns: (transfer full) (element-type utf8): the warnings, one sentence each
 */
GPtrArray *
jln_plan_check (JlnPlan *plan)
{
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) numbers = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) used_units = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) all_actions = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *objectives = jln_plan_get_objectives (plan);
  GListModel *units = jln_plan_get_units (plan);
  GListModel *indicators = jln_plan_get_indicators (plan);
  JlnPlanCounts counts;

  g_return_val_if_fail (JLN_IS_PLAN (plan), NULL);

  for (guint i = 0; i < g_list_model_get_n_items (objectives); i++)
    {
      g_autoptr(JlnObjective) objective = g_list_model_get_item (objectives, i);
      GListModel *actions = jln_objective_get_actions (objective);

      for (guint j = 0; j < g_list_model_get_n_items (actions); j++)
        {
          JlnAction *action = g_list_model_get_item (actions, j);
          GListModel *items = _jln_record_peek_children (JLN_RECORD (action), JLN_KIND_ITEM);
          const char *number = jln_action_get_number (action);
          JlnStatus status = jln_action_get_status (action);

          g_ptr_array_add (all_actions, action);
          if (!g_hash_table_add (numbers, (gpointer) number))
            g_ptr_array_add (warnings,
                             g_strdup_printf (_("the number %s is given to more than one action"), number));

          mark_units (jln_action_get_units (action), used_units);
          for (guint k = 0; items != NULL && k < g_list_model_get_n_items (items); k++)
            {
              g_autoptr(JlnActionItem) item = g_list_model_get_item (items, k);

              mark_units (jln_action_item_get_units (item), used_units);
            }

          if (jln_status_is_done (status) && !jln_completion_is_set (jln_action_get_completion (action)))
            g_ptr_array_add (warnings,
                             g_strdup_printf (_("action %s is done but has no completion date"), number));
          if (status == JLN_STATUS_SUPERSEDED && jln_action_get_references (action) == NULL)
            g_ptr_array_add (warnings,
                             g_strdup_printf (_("action %s is superseded but does not say by which actions"), number));
        }
    }

  for (guint i = 0; i < all_actions->len; i++)
    check_references (g_ptr_array_index (all_actions, i), numbers, warnings);

  for (guint i = 0; i < g_list_model_get_n_items (units); i++)
    {
      g_autoptr(JlnUnit) unit = g_list_model_get_item (units, i);

      if (jln_text_is_empty (jln_unit_get_name (unit)))
        g_ptr_array_add (warnings,
                         g_strdup_printf (_("unit %s has no full name"), jln_unit_get_code (unit)));
      if (!g_hash_table_contains (used_units, unit))
        g_ptr_array_add (warnings,
                         g_strdup_printf (_("unit %s is responsible for no action"), jln_unit_get_code (unit)));
    }

  for (guint i = 0; i < g_list_model_get_n_items (indicators); i++)
    {
      g_autoptr(JlnIndicator) indicator = g_list_model_get_item (indicators, i);
      GListModel *targets = jln_indicator_get_targets (indicator);

      if (jln_indicator_get_kind (indicator) != JLN_INDICATOR_KIND_PERCENTAGE)
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (targets); j++)
        {
          g_autoptr(JlnTarget) target = g_list_model_get_item (targets, j);
          double value = jln_target_get_value (target);

          if (!isnan (value) && (value < 0 || value > 100))
            g_ptr_array_add (warnings,
                             g_strdup_printf (_("indicator %d has a target of %g %% for %d, outside 0–100 %%"),
                                              jln_indicator_get_number (indicator), value,
                                              jln_target_get_year (target)));
        }
    }

  jln_plan_count (plan, &counts);
  if (counts.missing_translations > 0)
    g_ptr_array_add (warnings,
                     g_strdup_printf (dngettext (GETTEXT_PACKAGE,
                                                 "%u text is written in one language only",
                                                 "%u texts are written in one language only",
                                                 counts.missing_translations),
                                      counts.missing_translations));

  return g_steal_pointer (&warnings);
}
