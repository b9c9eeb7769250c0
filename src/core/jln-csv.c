/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "jln-gettext.h"

#include "jln-action.h"
#include "jln-action-item.h"
#include "jln-csv.h"
#include "jln-objective.h"
#include "jln-sheet.h"
#include "jln-unit.h"

/* RFC 4180: every field quoted, quotes doubled, CRLF between records.
 * A leading byte order mark lets spreadsheets recognise UTF-8. */

/**
 * jln_csv_is_formula_start:
 *
 * Returns: %TRUE when a spreadsheet would take a cell beginning with @c
 *   for a formula: = + - @, a tab or a carriage return
 */
gboolean
jln_csv_is_formula_start (char c)
{
  return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

static void
append_field (GString    *out,
              const char *value,
              gboolean    last)
{
  g_string_append_c (out, '"');
  /* A text of the plan that a spreadsheet would evaluate (a formula that
   * sends cells away, say) is written as text: after an apostrophe, as
   * OWASP recommends, which spreadsheets do not show. */
  if (value != NULL && jln_csv_is_formula_start (value[0]))
    g_string_append_c (out, '\'');
  for (const char *p = value != NULL ? value : ""; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
  g_string_append (out, last ? "\r\n" : ",");
}

static char *
join_units (GPtrArray *units)
{
  g_autoptr(GString) codes = g_string_new (NULL);

  for (guint i = 0; i < units->len; i++)
    {
      if (i > 0)
        g_string_append (codes, ", ");
      g_string_append (codes, jln_unit_get_code (g_ptr_array_index (units, i)));
    }
  return g_string_free (g_steal_pointer (&codes), FALSE);
}

static void
append_row (GString             *out,
            const char          *kind,
            const char          *number,
            JlnObjective        *objective,
            const JlnText       *title,
            JlnStatus            status,
            const JlnCompletion *completion,
            JlnSemester          due,
            GPtrArray           *units,
            JlnLang              lang)
{
  g_autofree char *completion_text = jln_completion_format (completion, lang);
  g_autofree char *due_text = jln_semester_format (due, JLN_SEMESTER_STYLE_LONG, lang);
  g_autofree char *unit_codes = join_units (units);

  append_field (out, kind, FALSE);
  append_field (out, number, FALSE);
  append_field (out, jln_objective_get_number (objective), FALSE);
  append_field (out, jln_text_get_fallback (jln_objective_get_title (objective), lang, NULL), FALSE);
  append_field (out, jln_text_get_fallback (title, lang, NULL), FALSE);
  append_field (out, jln_status_get_label (status), FALSE);
  append_field (out, completion_text, FALSE);
  append_field (out, due_text, FALSE);
  append_field (out, unit_codes, TRUE);
}

/**
 * jln_csv_write_actions:
 * @query: (nullable): only the actions it matches
 * @lang: the language of the texts
 *
 * Writes one row per action and per sub-item, for spreadsheets. Status
 * names are in the interface language.
 *
 * Returns: (transfer full): the CSV text
 */
GBytes *
jln_csv_write_actions (JlnPlan  *plan,
                       JlnQuery *query,
                       JlnLang   lang)
{
  GString *out = g_string_new ("\xef\xbb\xbf");
  GListModel *objectives = jln_plan_get_objectives (plan);
  JlnSemester today = jln_semester_today ();

  g_return_val_if_fail (JLN_IS_PLAN (plan), NULL);

  append_field (out, _("Kind"), FALSE);
  append_field (out, _("Number"), FALSE);
  append_field (out, _("Objective"), FALSE);
  append_field (out, _("Objective title"), FALSE);
  append_field (out, _("Title"), FALSE);
  append_field (out, _("Status"), FALSE);
  append_field (out, _("Completed"), FALSE);
  append_field (out, _("Planned"), FALSE);
  append_field (out, _("Units"), TRUE);

  for (guint i = 0; i < g_list_model_get_n_items (objectives); i++)
    {
      g_autoptr(JlnObjective) objective = g_list_model_get_item (objectives, i);
      GListModel *actions = jln_objective_get_actions (objective);

      for (guint j = 0; j < g_list_model_get_n_items (actions); j++)
        {
          g_autoptr(JlnAction) action = g_list_model_get_item (actions, j);
          /* Most actions have no sub-items: no empty list is made for them. */
          GListModel *items = _jln_action_get_n_items (action) > 0 ? jln_action_get_items (action) : NULL;

          if (query != NULL && !jln_query_match (query, action, today))
            continue;

          append_row (out, C_("csv kind", "action"), jln_action_get_number (action), objective,
                      jln_action_get_title (action), jln_action_get_status (action),
                      jln_action_get_completion (action), jln_action_get_due (action),
                      jln_action_get_units (action), lang);

          for (guint k = 0; items != NULL && k < g_list_model_get_n_items (items); k++)
            {
              g_autoptr(JlnActionItem) item = g_list_model_get_item (items, k);
              g_autofree char *number = g_strdup_printf ("%s %s", jln_action_get_number (action),
                                                         jln_action_item_get_label (item));
              GPtrArray *units = jln_action_item_get_units (item);

              append_row (out, C_("csv kind", "sub-item"), number, objective,
                          jln_action_item_get_title (item), jln_action_item_get_status (item),
                          jln_action_item_get_completion (item), jln_action_item_get_due (item),
                          units->len > 0 ? units : jln_action_get_units (action), lang);
            }
        }
    }
  return g_string_free_to_bytes (out);
}

typedef struct
{
  GString *out;
} FullCsv;

static void
append_full_row_cb (const JlnSheetRow *row,
                    gpointer           user_data)
{
  FullCsv *csv = user_data;
  guint n = jln_sheet_get_n_fields ();

  for (guint i = 0; i < n; i++)
    {
      JlnSheetValue value;

      jln_sheet_get_value (i, row, &value);
      if (value.type == JLN_SHEET_BOOLEAN)
        append_field (csv->out, value.number != 0 ? "1" : "0", i + 1 == n);
      else
        append_field (csv->out, value.text, i + 1 == n);
      jln_sheet_value_clear (&value);
    }
}

/* Every field is quoted, so the separators are the commas outside quotes. */
static void
use_separator (GString *out,
               char     separator)
{
  gboolean quoted = FALSE;

  if (separator == ',')
    return;
  for (gsize i = 0; i < out->len; i++)
    {
      if (out->str[i] == '"')
        quoted = !quoted;
      else if (out->str[i] == ',' && !quoted)
        out->str[i] = separator;
    }
}

/**
 * jln_csv_write_actions_full:
 * @query: (nullable): only the actions it matches
 * @lang: the language of the headers and of the columns in one language
 * @separator: ',' for most spreadsheets, ';' for Excel in French, or '\t'
 *
 * Writes one row per action and per sub-item with every field: the nine
 * columns of jln_csv_write_actions() first, then the texts in both
 * languages, the semesters as "2022-S2", the dates as "2022-12-31" and
 * the overdue flag as 1 or 0.
 *
 * Returns: (transfer full): the CSV text
 */
GBytes *
jln_csv_write_actions_full (JlnPlan  *plan,
                            JlnQuery *query,
                            JlnLang   lang,
                            char      separator)
{
  FullCsv csv = { g_string_new ("\xef\xbb\xbf") };
  guint n = jln_sheet_get_n_fields ();

  g_return_val_if_fail (JLN_IS_PLAN (plan), NULL);
  g_return_val_if_fail (separator == ',' || separator == ';' || separator == '\t', NULL);

  for (guint i = 0; i < n; i++)
    append_field (csv.out, jln_sheet_get_field_title (i, lang), i + 1 == n);
  jln_sheet_foreach_row (plan, query != NULL && jln_query_is_empty (query) ? NULL : query, lang,
                         jln_semester_today (), append_full_row_cb, &csv);
  use_separator (csv.out, separator);
  return g_string_free_to_bytes (csv.out);
}
