/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "jln-action-item.h"
#include "jln-csv.h"
#include "jln-import-private.h"
#include "jln-indicator.h"
#include "jln-json.h"
#include "jln-objective.h"
#include "jln-principle.h"
#include "jln-test-utils.h"
#include "jln-unit.h"

static char *
corpus (const char *name)
{
  return g_build_filename (IMPORT_DIR, name, NULL);
}

static JlnAction *
find_action (JlnPlan    *plan,
             const char *number)
{
  GListModel *objectives = jln_plan_get_objectives (plan);

  for (guint i = 0; i < g_list_model_get_n_items (objectives); i++)
    {
      g_autoptr(JlnObjective) objective = g_list_model_get_item (objectives, i);
      GListModel *actions = jln_objective_get_actions (objective);

      for (guint j = 0; j < g_list_model_get_n_items (actions); j++)
        {
          g_autoptr(JlnAction) action = g_list_model_get_item (actions, j);

          if (g_strcmp0 (jln_action_get_number (action), number) == 0)
            return action;
        }
    }
  return NULL;
}

static char *
unit_codes (GPtrArray *units)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < units->len; i++)
    {
      if (i > 0)
        g_string_append (out, ", ");
      g_string_append (out, jln_unit_get_code (g_ptr_array_index (units, i)));
    }
  return g_string_free (out, FALSE);
}

static char *
describe_completion (const JlnCompletion *completion)
{
  return jln_completion_to_string (completion);
}

/* What a user checks of an action after an import: its number, status,
 * completion, planned semester and units, and the same of its sub-items.
 * A spreadsheet has no colours: "done, not planned" (the seed's green
 * rows) reads as done when @statuses_exact is FALSE. */
static void
assert_same_action (JlnAction *expected,
                    JlnAction *actual,
                    gboolean   statuses_exact,
                    gboolean   with_recurrence)
{
  const char *number = jln_action_get_number (expected);
  JlnStatus expected_status = jln_action_get_status (expected);
  g_autofree char *expected_completion = describe_completion (jln_action_get_completion (expected));
  g_autofree char *actual_completion = describe_completion (jln_action_get_completion (actual));
  g_autofree char *expected_units = unit_codes (jln_action_get_units (expected));
  g_autofree char *actual_units = unit_codes (jln_action_get_units (actual));
  GListModel *expected_items = jln_action_get_items (expected);
  GListModel *actual_items = jln_action_get_items (actual);

  if (!statuses_exact && expected_status == JLN_STATUS_DONE_NEW)
    expected_status = JLN_STATUS_DONE;

  g_test_message ("action %s", number);
  g_assert_cmpstr (jln_action_get_number (actual), ==, number);
  g_assert_cmpstr (jln_status_to_string (jln_action_get_status (actual)), ==,
                   jln_status_to_string (expected_status));
  g_assert_cmpstr (actual_completion, ==, expected_completion);
  g_assert_cmpuint (jln_action_get_due (actual), ==, jln_action_get_due (expected));
  g_assert_cmpstr (actual_units, ==, expected_units);
  if (with_recurrence)
    {
      g_assert_cmpint (jln_action_get_recurrence (actual), ==, jln_action_get_recurrence (expected));
      g_assert_cmpuint (jln_action_get_next (actual), ==, jln_action_get_next (expected));
    }

  g_assert_cmpuint (g_list_model_get_n_items (actual_items), ==, g_list_model_get_n_items (expected_items));
  for (guint i = 0; i < g_list_model_get_n_items (expected_items); i++)
    {
      g_autoptr(JlnActionItem) a = g_list_model_get_item (expected_items, i);
      g_autoptr(JlnActionItem) b = g_list_model_get_item (actual_items, i);
      g_autofree char *ca = describe_completion (jln_action_item_get_completion (a));
      g_autofree char *cb = describe_completion (jln_action_item_get_completion (b));

      g_assert_cmpstr (jln_action_item_get_label (b), ==, jln_action_item_get_label (a));
      g_assert_cmpstr (jln_status_to_string (jln_action_item_get_status (b)), ==,
                       jln_status_to_string (jln_action_item_get_status (a)));
      g_assert_cmpstr (cb, ==, ca);
      g_assert_cmpuint (jln_action_item_get_due (b), ==, jln_action_item_get_due (a));
    }
}

/* The seed's action table, as a spreadsheet user types it, gives the
 * bundled plan's 91 HRS4R actions, whatever the file. */
/* The same text as a person types it: the spreadsheets of the corpus were
 * typed as the source document is written, with straight apostrophes and
 * unaccented capitals, where the bundled plan has ’ and É. */
static void
assert_same_typed_text (const char *actual,
                        const char *expected)
{
  g_autofree char *folded_actual = jln_fold (actual);
  g_autofree char *folded_expected = jln_fold (expected);
  g_auto(GStrv) actual_parts = g_strsplit (folded_actual, "\u2019", -1);
  g_auto(GStrv) expected_parts = g_strsplit (folded_expected, "\u2019", -1);
  g_autofree char *plain_actual = g_strjoinv ("'", actual_parts);
  g_autofree char *plain_expected = g_strjoinv ("'", expected_parts);

  g_assert_cmpstr (plain_actual, ==, plain_expected);
}

static void
test_seed (gconstpointer data)
{
  const char *name = data;
  g_autofree char *path = corpus (name);
  g_autoptr(GError) error = NULL;
  g_autoptr(JlnImportReport) report = NULL;
  g_autoptr(JlnPlan) bundled = jln_json_load_plan (JLN_TEST_BUNDLED_PLAN, &error);
  g_autoptr(JlnPlan) plan = NULL;
  GListModel *objectives;
  guint n_actions = 0;
  g_autofree char *summary = NULL;

  g_assert_no_error (error);
  plan = jln_import_read_file (path, NULL, &report, &error);
  g_assert_no_error (error);
  g_assert_nonnull (plan);

  objectives = jln_plan_get_objectives (bundled);
  for (guint i = 0; i < g_list_model_get_n_items (objectives); i++)
    {
      g_autoptr(JlnObjective) objective = g_list_model_get_item (objectives, i);
      GListModel *actions = jln_objective_get_actions (objective);
      JlnObjective *imported_objective;

      if (jln_objective_get_programme (objective) != JLN_PROGRAMME_HRS4R)
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (actions); j++)
        {
          g_autoptr(JlnAction) expected = g_list_model_get_item (actions, j);
          JlnAction *actual = find_action (plan, jln_action_get_number (expected));

          g_assert_nonnull (actual);
          assert_same_action (expected, actual, FALSE, TRUE);
          imported_objective = jln_action_get_objective (actual);
          g_assert_cmpstr (jln_objective_get_number (imported_objective), ==,
                           jln_objective_get_number (objective));
          assert_same_typed_text (jln_text_get (jln_objective_get_title (imported_objective), JLN_LANG_FR),
                                  jln_text_get (jln_objective_get_title (objective), JLN_LANG_FR));
          n_actions++;
        }
    }
  g_assert_cmpuint (n_actions, ==, 91);
  g_assert_cmpuint (g_list_model_get_n_items (jln_plan_get_objectives (plan)), ==, 8);

  /* Themes, titles and the extension, in French as the table is. */
  g_assert_cmpstr (jln_text_get (jln_action_get_theme (find_action (plan, "1.6")), JLN_LANG_FR), ==,
                   "Rendre plus attractives les perspectives de carrière");
  assert_same_typed_text (jln_text_get (jln_action_get_title (find_action (plan, "1.4")), JLN_LANG_FR),
                          jln_text_get (jln_action_get_title (find_action (bundled, "1.4")), JLN_LANG_FR));
  g_assert_cmpstr (jln_text_get (jln_action_get_extension (find_action (plan, "1.3")), JLN_LANG_FR), ==,
                   "Homogénéiser les pratiques régionales (cf. action 7.2)");
  g_assert_cmpstr (jln_action_get_references (find_action (plan, "4.5"))[0], ==, "4.9-4.10");
  g_assert_cmpint (g_list_model_get_n_items (jln_plan_get_principles (plan)), ==, 40);

  summary = jln_import_report_get_summary (report);
  g_assert_true (strstr (summary, "91 actions, 30 sub-items, 11 units") != NULL);
  /* The one thing not understood, kept in the note: "Prochain DuoDay : …". */
  g_assert_cmpuint (jln_import_report_get_n_warnings (report), ==, 1);
  g_assert_cmpstr (jln_text_get (jln_action_get_note (find_action (plan, "5.3")), JLN_LANG_FR), ==,
                   "Prochain DuoDay : 2 nd sem. 2022");
}

/* Every row that was read is in the report, with its number in the file. */
static void
test_report (void)
{
  g_autofree char *path = corpus ("seed-cp1252.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(JlnImportReport) report = NULL;
  g_autoptr(JlnPlan) plan = jln_import_read_file (path, NULL, &report, &error);
  GPtrArray *lines;
  g_autofree char *text = NULL;
  gboolean seen_theme = FALSE, seen_header = FALSE, seen_note = FALSE;

  g_assert_no_error (error);
  lines = jln_import_report_get_lines (report);
  for (guint i = 0; i < lines->len; i++)
    {
      JlnImportLine *line = g_ptr_array_index (lines, i);

      g_assert_cmpuint (line->row, >, 0);
      if (line->row == 1)
        {
          g_assert_true (strstr (line->made, "above the table") != NULL);
          seen_note = TRUE;
        }
      if (line->row == 15)
        {
          g_assert_cmpstr (line->read, ==, "Rendre plus attractives les perspective…");
          g_assert_true (strstr (line->made, "theme") != NULL);
          seen_theme = TRUE;
        }
      if (line->row == 25)
        {
          g_assert_cmpstr (line->made, ==, "the header row again: skipped");
          seen_header = TRUE;
        }
      if (line->row == 18)
        g_assert_cmpstr (line->made, ==, "action 1.8; 2 sub-items; In progress; due 2nd sem. 2022; "
                                         "units RH");
    }
  g_assert_true (seen_theme && seen_header && seen_note);

  text = jln_import_report_format (report);
  g_assert_true (g_str_has_prefix (text, "Read from: seed-cp1252.csv\n"));
  g_assert_true (strstr (text, "\nrow 5: 1. Recrutement | 1.1. | Augmenter") != NULL);
  g_assert_true (strstr (text, "\n108 rows → 8 objectives, 91 actions, 30 sub-items, 11 units; "
                               "1 warning\n") != NULL);
}

/* The European Commission's template, as another institution fills it. */
static void
test_ec_template (void)
{
  g_autofree char *path = corpus ("ec-template.xlsx");
  g_autoptr(GError) error = NULL;
  g_autoptr(JlnImportReport) report = NULL;
  g_autoptr(JlnPlan) plan = jln_import_read_file (path, NULL, &report, &error);
  JlnAction *action;
  GListModel *indicators;
  g_autofree char *units = NULL;
  GPtrArray *lines;
  guint cut_off = 0;

  g_assert_no_error (error);
  g_assert_cmpstr (jln_text_get (jln_plan_get_title (plan), JLN_LANG_EN), ==, "ec-template");

  action = find_action (plan, "1ACC");
  g_assert_nonnull (action);
  g_assert_cmpstr (jln_text_get (jln_action_get_title (action), JLN_LANG_EN), ==,
                   "Publish all research vacancies on EURAXESS");
  g_assert_cmpint (jln_action_get_status (action), ==, JLN_STATUS_PLANNED);
  g_assert_cmpuint (jln_action_get_due (action), ==, jln_semester_new (2022, 2));
  units = unit_codes (jln_action_get_units (action));
  g_assert_cmpstr (units, ==, "HR Department, International Office");
  g_assert_cmpuint (jln_action_get_principles (action)->len, ==, 2);
  g_assert_cmpint (jln_principle_get_number (g_ptr_array_index (jln_action_get_principles (action), 0)), ==, 12);
  g_assert_cmpstr (jln_text_get (jln_action_get_note (action), JLN_LANG_EN), ==, "Budget : 5 000 €");
  g_assert_cmpstr (jln_text_get (jln_action_get_follow_up (action), JLN_LANG_EN), ==,
                   "Share of vacancies published on EURAXESS: 100 %");

  /* Quarters, ranges of semesters, French quarters. */
  g_assert_cmpuint (jln_action_get_due (find_action (plan, "2ACC")), ==, jln_semester_new (2022, 2));
  g_assert_cmpuint (jln_action_get_start (find_action (plan, "3ACT")), ==, jln_semester_new (2021, 2));
  g_assert_cmpuint (jln_action_get_due (find_action (plan, "3ACT")), ==, jln_semester_new (2022, 1));
  g_assert_cmpint (jln_principle_get_number (g_ptr_array_index (jln_action_get_principles (find_action (plan, "3ACT")), 0)), ==, 28);

  /* No number: numbered in order, its principle given by name. */
  action = find_action (plan, "1.4");
  g_assert_nonnull (action);
  g_assert_cmpuint (jln_action_get_due (action), ==, jln_semester_new (2021, 2));
  g_assert_cmpint (jln_principle_get_number (g_ptr_array_index (jln_action_get_principles (action), 0)), ==, 27);

  g_assert_cmpint (jln_action_get_recurrence (find_action (plan, "4ACT")), ==, JLN_RECURRENCE_YEARLY);
  action = find_action (plan, "5ACT");
  g_assert_cmpint (jln_action_get_status (action), ==, JLN_STATUS_DONE);
  g_free (units);
  units = jln_completion_to_string (jln_action_get_completion (action));
  g_assert_cmpstr (units, ==, "2019");
  g_assert_cmpint (jln_action_get_status (find_action (plan, "6ACT")), ==, JLN_STATUS_IN_PROGRESS);
  g_assert_cmpuint (jln_action_get_due (find_action (plan, "7ACT")), ==, jln_semester_new (2023, 2));
  g_assert_cmpint (jln_principle_get_number (g_ptr_array_index (jln_action_get_principles (find_action (plan, "7ACT")), 0)), ==, 30);

  /* "HR department" is the unit "HR Department"; an unknown principle is kept. */
  action = find_action (plan, "8ACT");
  units = (g_free (units), unit_codes (jln_action_get_units (action)));
  g_assert_cmpstr (units, ==, "HR Department");
  g_assert_cmpuint (jln_action_get_start (action), ==, jln_semester_new (2019, 1));
  g_assert_cmpuint (jln_action_get_due (action), ==, jln_semester_new (2020, 2));
  g_assert_cmpstr (jln_text_get (jln_action_get_note (action), JLN_LANG_EN), ==, "Happiness");

  /* Cut-off unit names are created, with a warning each. */
  lines = jln_import_report_get_lines (report);
  for (guint i = 0; i < lines->len; i++)
    {
      JlnImportLine *line = g_ptr_array_index (lines, i);

      if (strstr (line->made, "looks cut off") != NULL)
        {
          g_assert_true (line->warning);
          cut_off++;
        }
    }
  g_assert_cmpuint (cut_off, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (jln_plan_get_units (plan)), ==, 6);

  indicators = jln_plan_get_indicators (plan);
  g_assert_cmpuint (g_list_model_get_n_items (indicators), ==, 5);
}

/* Jalons' own CSV reads back: the same actions, statuses, dates, units and
 * sub-items, in both languages. */
static void
test_round_trip (gconstpointer data)
{
  JlnLang lang = GPOINTER_TO_INT (data);
  g_autoptr(GError) error = NULL;
  g_autoptr(JlnPlan) bundled = jln_json_load_plan (JLN_TEST_BUNDLED_PLAN, &error);
  g_autoptr(GBytes) csv = NULL;
  g_autofree char *dir = g_dir_make_tmp ("jalons-import-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "plan.csv", NULL);
  g_autoptr(JlnPlan) plan = NULL;
  g_autoptr(JlnImportReport) report = NULL;
  JlnImportOptions options = JLN_IMPORT_OPTIONS_INIT;
  GListModel *objectives;
  guint n = 0;

  g_assert_no_error (error);
  csv = jln_csv_write_actions (bundled, NULL, lang);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (csv, NULL), g_bytes_get_size (csv), &error));
  options.lang = lang;
  plan = jln_import_read_file (path, &options, &report, &error);
  g_assert_no_error (error);

  objectives = jln_plan_get_objectives (bundled);
  for (guint i = 0; i < g_list_model_get_n_items (objectives); i++)
    {
      g_autoptr(JlnObjective) objective = g_list_model_get_item (objectives, i);
      GListModel *actions = jln_objective_get_actions (objective);

      for (guint j = 0; j < g_list_model_get_n_items (actions); j++)
        {
          g_autoptr(JlnAction) expected = g_list_model_get_item (actions, j);
          JlnAction *actual = find_action (plan, jln_action_get_number (expected));

          g_assert_nonnull (actual);
          assert_same_action (expected, actual, TRUE, FALSE);
          g_assert_cmpstr (jln_text_get (jln_action_get_title (actual), lang), ==,
                           jln_text_get_fallback (jln_action_get_title (expected), lang, NULL));
          g_assert_cmpstr (jln_objective_get_number (jln_action_get_objective (actual)), ==,
                           jln_objective_get_number (objective));
          n++;
        }
    }
  g_assert_cmpuint (n, ==, 112);
  g_assert_cmpuint (jln_import_report_get_n_warnings (report), ==, 0);

  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* Timings and statuses as institutions write them. */
static void
test_timing (void)
{
  static const struct
  {
    const char *text;
    gboolean    done_column;
    const char *status;
    const char *completion;
    const char *start;
    const char *due;
    gboolean    yearly;
    gboolean    understood;
  } cases[] = {
    { "2017", TRUE, "done", "2017", NULL, NULL, FALSE, TRUE },
    { "2019-2020", TRUE, "done", "2019-2020", NULL, NULL, FALSE, TRUE },
    { "2019–2020", TRUE, "done", "2019-2020", NULL, NULL, FALSE, TRUE },
    { "En cours", TRUE, "in-progress", NULL, NULL, NULL, FALSE, TRUE },
    { "Ongoing", FALSE, "in-progress", NULL, NULL, NULL, FALSE, TRUE },
    { "Done (2019)", FALSE, "done", "2019", NULL, NULL, FALSE, TRUE },
    { "Réalisé", FALSE, "done", NULL, NULL, NULL, FALSE, TRUE },
    { "Réalisée, non prévue", FALSE, "done-new", NULL, NULL, NULL, FALSE, TRUE },
    { "Action revue", TRUE, "revised", NULL, NULL, NULL, FALSE, TRUE },
    { "plus à réaliser", TRUE, "dropped", NULL, NULL, NULL, FALSE, TRUE },
    { "2 nd sem. 2024", FALSE, NULL, NULL, NULL, "2024-S2", FALSE, TRUE },
    { "1er semestre 2022", FALSE, NULL, NULL, NULL, "2022-S1", FALSE, TRUE },
    { "S1 2023", FALSE, NULL, NULL, NULL, "2023-S1", FALSE, TRUE },
    { "2023-S2", FALSE, NULL, NULL, NULL, "2023-S2", FALSE, TRUE },
    { "Q3 2022", FALSE, NULL, NULL, NULL, "2022-S2", FALSE, TRUE },
    { "Q1-Q4 2022", FALSE, NULL, NULL, "2022-S1", "2022-S2", FALSE, TRUE },
    { "T4 2021", FALSE, NULL, NULL, NULL, "2021-S2", FALSE, TRUE },
    { "2nd semester 2021 – 1st semester 2022", FALSE, NULL, NULL, "2021-S2", "2022-S1", FALSE, TRUE },
    { "2023", FALSE, NULL, NULL, NULL, "2023-S2", FALSE, TRUE },
    { "2021-2022", FALSE, NULL, NULL, "2021-S1", "2022-S2", FALSE, TRUE },
    { "each year", FALSE, NULL, NULL, NULL, NULL, TRUE, TRUE },
    { "Chaque année", FALSE, NULL, NULL, NULL, NULL, TRUE, TRUE },
    { "1 st sem. 2022", TRUE, "done", "2022-S1", NULL, NULL, FALSE, TRUE },
    { "bientôt", FALSE, NULL, NULL, NULL, NULL, FALSE, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      JlnTiming timing;
      g_autofree char *completion = NULL;
      g_autofree char *start = NULL;
      g_autofree char *due = NULL;

      g_test_message ("“%s”", cases[i].text);
      _jln_timing_parse (cases[i].text, cases[i].done_column, &timing);
      g_assert_cmpstr (timing.has_status ? jln_status_to_string (timing.status) : NULL, ==, cases[i].status);
      completion = jln_completion_is_set (&timing.completion) ? jln_completion_to_string (&timing.completion) : NULL;
      g_assert_cmpstr (completion, ==, cases[i].completion);
      start = timing.start ? jln_semester_format (timing.start, JLN_SEMESTER_STYLE_ISO, JLN_LANG_EN) : NULL;
      due = timing.due ? jln_semester_format (timing.due, JLN_SEMESTER_STYLE_ISO, JLN_LANG_EN) : NULL;
      g_assert_cmpstr (start, ==, cases[i].start);
      g_assert_cmpstr (due, ==, cases[i].due);
      g_assert_cmpint (timing.yearly, ==, cases[i].yearly);
      g_assert_cmpint (timing.understood, ==, cases[i].understood);
      _jln_timing_clear (&timing);
    }
}

static JlnTable *
read_one (const char *text,
          const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) tables = jln_table_read_text (text, strlen (text), name, '\0', &error);

  g_assert_no_error (error);
  g_assert_cmpuint (tables->len, ==, 1);
  return g_ptr_array_steal_index (tables, 0);
}

/* CSV as people have it. */
static void
test_csv (void)
{
  g_autoptr(JlnTable) comma = read_one ("\xef\xbb\xbf" "Action,Qui\r\n\"Publier, diffuser\",RH\r\n", "a.csv");
  g_autoptr(JlnTable) semicolon = read_one ("Action;Qui;Quand\n\"Former\nles DU\";RH, DISC;2022\n\n"
                                            "Publier;RH;2023\n", "b.csv");
  g_autoptr(JlnTable) tab = read_one ("Action\tQui\nA, B; C\tRH\n", "c.csv");
  g_autoptr(JlnTable) latin = read_one ("Intitul\xe9;Pilote\n\xc9galit\xe9 \x96 suivi;RH\n", "d.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) tables = NULL;
  JlnTableRow *row;
  static const char utf16[] = "\xff\xfe" "A\0c\0t\0i\0o\0n\0\t\0Q\0u\0i\0\n\0X\0\t\0R\0H\0\n\0";

  row = g_ptr_array_index (comma->rows, 0);
  g_assert_cmpstr (row->cells[0], ==, "Action");
  row = g_ptr_array_index (comma->rows, 1);
  g_assert_cmpstr (row->cells[0], ==, "Publier, diffuser");
  g_assert_cmpuint (row->number, ==, 2);

  g_assert_cmpuint (semicolon->rows->len, ==, 3);
  row = g_ptr_array_index (semicolon->rows, 1);
  g_assert_cmpstr (row->cells[0], ==, "Former\nles DU");
  g_assert_cmpstr (row->cells[1], ==, "RH, DISC");
  row = g_ptr_array_index (semicolon->rows, 2);
  /* Its line in the file, after the line break in a cell and the empty line. */
  g_assert_cmpuint (row->number, ==, 5);

  row = g_ptr_array_index (tab->rows, 1);
  g_assert_cmpstr (row->cells[0], ==, "A, B; C");

  row = g_ptr_array_index (latin->rows, 0);
  g_assert_cmpstr (row->cells[0], ==, "Intitulé");
  row = g_ptr_array_index (latin->rows, 1);
  g_assert_cmpstr (row->cells[0], ==, "Égalité – suivi");

  tables = jln_table_read_text (utf16, sizeof utf16 - 1, "e.txt", '\0', &error);
  g_assert_no_error (error);
  row = g_ptr_array_index (((JlnTable *) g_ptr_array_index (tables, 0))->rows, 1);
  g_assert_cmpstr (row->cells[1], ==, "RH");
  g_clear_pointer (&tables, g_ptr_array_unref);

  tables = jln_table_read_text ("Action,Qui\n\"not closed,RH\n", 25, "f.csv", '\0', &error);
  g_assert_null (tables);
  g_assert_error (error, JLN_ERROR, JLN_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "f.csv: line 2: a quoted cell is not closed before the end of the file");
  g_clear_error (&error);

  tables = jln_table_read_text ("", 0, "g.csv", '\0', &error);
  g_assert_null (tables);
  g_assert_cmpstr (error->message, ==, "g.csv: the file has no rows");
}

/* A million rows is more than a plan has: refused, naming the row. */
static void
test_million_rows (void)
{
  GString *text = g_string_new ("Action;Qui\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) tables = NULL;

  for (guint i = 0; i < 1000000; i++)
    g_string_append (text, "A;RH\n");
  tables = jln_table_read_text (text->str, text->len, "big.csv", '\0', &error);
  g_string_free (text, TRUE);
  g_assert_null (tables);
  g_assert_cmpstr (error->message, ==, "big.csv: big.csv, row 200001: the table has more than 200000 "
                                       "rows, more than a plan can have; split it into several files");
}

/* Broken and hostile files are refused with a message naming the file
 * and the part or row, and nothing is created. */
static void
test_hostile (void)
{
  static const struct
  {
    const char *name;
    const char *message;
  } cases[] = {
    { "not-a-zip.xlsx", "not-a-zip.xlsx: the file is not a valid office document (it is not a zip container)" },
    { "bomb.ods", "bomb.ods: the part “content.xml” unpacks to far more data than such a file holds; it is refused" },
    { "entities.docx", "entities.docx: part “word/document.xml”: the XML declares a document type or entities, which office files never do; it is refused" },
    { "external-dtd.ods", "external-dtd.ods: part “content.xml”: the XML declares a document type or entities, which office files never do; it is refused" },
    { "empty.ods", "empty.ods: the file holds no table, or only empty ones" },
    { "million-rows.ods", "million-rows.ods: Actions, row 200001: the table has more than 200000 rows, more than a plan can have; split it into several files" },
    { "cut-sheet.xlsx", "cut-sheet.xlsx: part “xl/worksheets/sheet1.xml”, line 5: the XML is damaged" },
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("jalons-import-XXXXXX", &error);
  g_autofree char *output = g_build_filename (dir, "out.jalons", NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = g_build_filename ("hostile", cases[i].name, NULL);
      g_autofree char *path = corpus (name);
      g_autoptr(JlnDocument) document = NULL;
      g_autoptr(JlnImportReport) report = NULL;

      g_test_message ("%s", cases[i].name);
      document = jln_import_file (path, output, NULL, &report, &error);
      g_assert_null (document);
      g_assert_error (error, JLN_ERROR, JLN_ERROR_INVALID);
      g_assert_true (g_str_has_prefix (error->message, path));
      g_assert_true (g_str_has_prefix (error->message + strlen (path) - strlen (cases[i].name),
                                       cases[i].message));
      g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));
      g_clear_error (&error);
    }
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* A table chosen by number, and a table that is not a plan. */
static void
test_choose_table (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = corpus ("seed.odt");
  JlnImportOptions options = JLN_IMPORT_OPTIONS_INIT;
  g_autoptr(JlnPlan) plan = NULL;
  g_autoptr(JlnImportReport) report = NULL;
  g_autoptr(GPtrArray) tables = NULL;
  g_autoptr(JlnTable) notes = read_one ("Date,Lieu\n2022,Paris\n", "notes.csv");

  /* The Word document has one table per objective: the third is objective 3. */
  options.table = 3;
  plan = jln_import_read_file (path, &options, &report, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (jln_plan_get_objectives (plan)), ==, 1);
  g_assert_nonnull (find_action (plan, "3.17"));
  g_assert_null (find_action (plan, "1.1"));
  g_assert_cmpstr (jln_import_report_get_table (report), ==, "Table3");

  options.table = 12;
  g_clear_object (&plan);
  plan = jln_import_read_file (path, &options, NULL, &error);
  g_assert_null (plan);
  g_assert_true (g_str_has_suffix (error->message, ": there is no table 12: the file has 9 tables"));
  g_clear_error (&error);

  tables = g_ptr_array_new_with_free_func ((GDestroyNotify) jln_table_free);
  g_ptr_array_add (tables, g_steal_pointer (&notes));
  plan = jln_import_read_tables (tables, "notes.csv", NULL, NULL, &error);
  g_assert_null (plan);
  g_assert_true (g_str_has_prefix (error->message, "notes.csv: no table looks like an action plan"));
}

/* The command line prints the report and creates the plan; on a broken
 * file it says why, and creates nothing; it never writes over a file. */
static void
test_command_line (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("jalons-import-XXXXXX", &error);
  g_autofree char *output = g_build_filename (dir, "plan.jalons", NULL);
  g_autofree char *output_arg = g_strconcat ("--output=", output, NULL);
  g_autofree char *seed = corpus ("seed.xlsx");
  g_autofree char *seed_arg = g_strconcat ("--import=", seed, NULL);
  g_autofree char *bomb = corpus ("hostile/bomb.ods");
  g_autofree char *bomb_arg = g_strconcat ("--import=", bomb, NULL);
  const char *ok_argv[] = { JALONS_PROGRAM, seed_arg, output_arg, NULL };
  const char *bad_argv[] = { JALONS_PROGRAM, bomb_arg, output_arg, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JlnDocument) document = NULL;
  g_auto(GStrv) env = g_environ_setenv (g_get_environ (), "LC_ALL", "C.UTF-8", TRUE);
  int status;

  g_assert_no_error (error);
  g_assert_true (g_spawn_sync (NULL, (char **) ok_argv, env, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_true (strstr (out, "row 13: 1.8. | Augmenter le nombre de possibilités de … | "
                              "a. En cours b. En cours | a. 1 st sem. 2022 b. 2 nd sem. 2022 | RH → "
                              "action 1.8; 2 sub-items; In progress; due 2nd sem. 2022; units RH\n") != NULL);
  g_assert_true (g_str_has_suffix (out, "108 rows → 8 objectives, 91 actions, 30 sub-items, 11 units; "
                                        "1 warning\n"));
  document = jln_document_open (output, &error);
  g_assert_no_error (error);
  g_assert_nonnull (jln_test_find_action (document, "7.1"));
  g_clear_object (&document);

  /* Not over an existing file. */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_true (g_spawn_sync (NULL, (char **) ok_argv, env, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_false (g_spawn_check_wait_status (status, NULL));
  g_assert_cmpint (g_remove (output), ==, 0);

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_true (g_spawn_sync (NULL, (char **) bad_argv, env, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_false (g_spawn_check_wait_status (status, NULL));
  g_assert_true (strstr (err, "bomb.ods: the part “content.xml” unpacks") != NULL);
  g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}


/* Into an open plan: one step, which undo removes; the plan's own units
 * are used where they match. */
static void
test_into_open_plan (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *source = corpus ("ec-template.xlsx");
  g_autoptr(JlnDocument) document = jln_test_import_plan (JLN_TEST_BUNDLED_PLAN, "jalons-import-XXXXXX", &dir, &path);
  g_autoptr(GError) error = NULL;
  g_autoptr(JlnPlan) imported = NULL;
  g_autoptr(JlnEdit) edit = NULL;
  g_autoptr(JlnDocument) reopened = NULL;
  JlnPlan *plan = jln_document_get_plan (document);
  guint n_units = g_list_model_get_n_items (jln_plan_get_units (plan));
  guint n_indicators = g_list_model_get_n_items (jln_plan_get_indicators (plan));
  guint n_objectives = g_list_model_get_n_items (jln_plan_get_objectives (plan));
  JlnAction *action;
  JlnRecord *unit;

  imported = jln_import_read_file (source, NULL, NULL, &error);
  g_assert_no_error (error);
  edit = jln_import_edit_into (imported, plan, "Import");
  g_assert_true (jln_document_apply (document, edit, &error));
  g_assert_no_error (error);

  action = JLN_ACTION (jln_test_find_action (document, "1ACC"));
  g_assert_nonnull (action);
  g_assert_cmpstr (jln_objective_get_number (jln_action_get_objective (action)), ==, "1");
  unit = g_ptr_array_index (jln_action_get_units (action), 0);
  g_assert_true (jln_plan_lookup (plan, jln_record_get_id (unit)) == unit);
  g_assert_cmpint (jln_principle_get_number (g_ptr_array_index (jln_action_get_principles (action), 0)), ==, 12);
  g_assert_true (jln_plan_lookup (plan, jln_record_get_id (g_ptr_array_index (jln_action_get_principles (action), 0))) != NULL);
  g_assert_cmpuint (g_list_model_get_n_items (jln_plan_get_units (plan)), ==, n_units + 6);
  g_assert_cmpuint (g_list_model_get_n_items (jln_plan_get_indicators (plan)), ==, n_indicators + 5);
  g_assert_cmpuint (g_list_model_get_n_items (jln_plan_get_objectives (plan)), ==, n_objectives);

  /* Written to the file. */
  reopened = jln_document_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (jln_test_find_action (reopened, "8ACT"));
  g_clear_object (&reopened);

  g_assert_true (jln_document_undo (document, &error));
  g_assert_no_error (error);
  g_assert_null (jln_test_find_action (document, "1ACC"));
  g_assert_cmpuint (g_list_model_get_n_items (jln_plan_get_units (plan)), ==, n_units);
  g_assert_cmpuint (g_list_model_get_n_items (jln_plan_get_indicators (plan)), ==, n_indicators);

  /* The seed's table names the plan's own units, by their codes. */
  g_clear_object (&imported);
  g_clear_pointer (&edit, jln_edit_unref);
  g_free (source);
  source = corpus ("seed-utf8.csv");
  imported = jln_import_read_file (source, NULL, NULL, &error);
  g_assert_no_error (error);
  edit = jln_import_edit_into (imported, plan, "Import");
  g_assert_true (jln_document_apply (document, edit, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (jln_plan_get_units (plan)), ==, n_units);
  g_assert_cmpuint (g_list_model_get_n_items (jln_plan_get_objectives (plan)), ==, n_objectives);

  g_clear_object (&document);
  jln_test_clear_plan_dir (&dir, &path);
}


/* Rows copied from a Word table: the clipboard's HTML. */
static const char word_html[] =
  "<html><head><style>p { margin: 0 }</style></head><body>"
  "<p>Plan d'action</p>"
  "<table><tr><td><p>Objectifs</p></td><td><p>N°</p></td><td><p>Comment ?</p></td>"
  "<td><p>A faire Quand ?</p></td><td><p>Qui ?</p></td></tr>"
  "<tr><td rowspan=\"2\"><p>1. Recrutement</p></td><td>1.1.</td>"
  "<td><p>Publier&nbsp;les offres :</p><p>a. sur Euraxess</p><p>b. sur LinkedIn</p></td>"
  "<td>a. T1 2023 b. T3 2023</td><td>RH</td></tr>"
  "<tr><td>1.2.</td><td>Former<br>les jurys</td><td colspan=\"1\">En cours</td><td>RH, DISC</td></tr>"
  "</table></body></html>";

static void
test_html (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) tables = jln_table_read_html (word_html, sizeof word_html - 1, "Pasted rows", &error);
  g_autoptr(JlnPlan) plan = NULL;
  JlnTable *table;
  JlnTableRow *row;
  JlnAction *action;
  GListModel *items;

  g_assert_no_error (error);
  g_assert_cmpuint (tables->len, ==, 1);
  table = g_ptr_array_index (tables, 0);
  g_assert_cmpuint (table->rows->len, ==, 3);
  row = g_ptr_array_index (table->rows, 2);
  g_assert_cmpuint (row->number, ==, 3);
  g_assert_cmpstr (row->cells[0], ==, "1. Recrutement");
  g_assert_cmpstr (row->cells[1], ==, "1.2.");
  g_assert_cmpstr (row->cells[2], ==, "Former\nles jurys");
  g_assert_cmpstr (row->cells[4], ==, "RH, DISC");
  row = g_ptr_array_index (table->rows, 1);
  g_assert_cmpstr (row->cells[2], ==, "Publier\xc2\xa0les offres :\na. sur Euraxess\nb. sur LinkedIn");

  plan = jln_import_read_tables (tables, "Pasted rows", NULL, NULL, &error);
  g_assert_no_error (error);
  action = find_action (plan, "1.1");
  items = jln_action_get_items (action);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 2);
  g_assert_cmpuint (jln_action_get_due (action), ==, jln_semester_new (2023, 2));
  action = find_action (plan, "1.2");
  g_assert_cmpint (jln_action_get_status (action), ==, JLN_STATUS_IN_PROGRESS);
  g_assert_cmpstr (jln_objective_get_number (jln_action_get_objective (action)), ==, "1");

  g_clear_pointer (&tables, g_ptr_array_unref);
  tables = jln_table_read_html ("<p>no table</p>", 15, "Pasted rows", &error);
  g_assert_null (tables);
  g_assert_cmpstr (error->message, ==, "Pasted rows: the file holds no table, or only empty ones");
}


static JlnTableRow *
add_row (JlnTable    *table,
         guint        number,
         const char  *cells)
{
  char **split = g_strsplit (cells, "|", -1);

  return jln_table_add_row (table, number, split, g_strv_length (split));
}

/* A cell spanning the row to its end, with no other text past the
 * objective, is a theme (Jalons' own action table writes its italic
 * themes so); a numbered row whose title spans is an action. */
static void
test_spanning_theme (void)
{
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func ((GDestroyNotify) jln_table_free);
  JlnTable *table = jln_table_new ("Tableau 1");
  g_autoptr(GError) error = NULL;
  g_autoptr(JlnPlan) plan = NULL;
  g_autoptr(JlnObjective) objective = NULL;
  JlnAction *action;

  g_ptr_array_add (tables, table);
  add_row (table, 1, "Objectifs|N°|Comment ?|Réalisé Quand ?|A faire Quand ?|Qui ?");
  add_row (table, 2, "1. Recrutement|1.1.|Publier les offres|2017||RH");
  add_row (table, 3, "1. Recrutement|Rendre plus attractives les carrières")->heading = 1;
  add_row (table, 4, "1. Recrutement|1.2.|Former les jurys, un titre sur toute la ligne")->heading = 2;
  add_row (table, 5, "1. Recrutement|1.3.|Créer un grade|2018||RH");

  plan = jln_import_read_tables (tables, "actions.docx", NULL, NULL, &error);
  g_assert_no_error (error);
  objective = g_list_model_get_item (jln_plan_get_objectives (plan), 0);
  g_assert_cmpuint (g_list_model_get_n_items (jln_objective_get_actions (objective)), ==, 3);
  g_assert_null (jln_action_get_theme (find_action (plan, "1.1"))->fr);
  action = find_action (plan, "1.2");
  g_assert_cmpstr (jln_action_get_title (action)->fr, ==, "Former les jurys, un titre sur toute la ligne");
  g_assert_cmpstr (jln_action_get_theme (action)->fr, ==, "Rendre plus attractives les carrières");
  g_assert_cmpstr (jln_action_get_theme (find_action (plan, "1.3"))->fr, ==, "Rendre plus attractives les carrières");
}

/* A table whose headers are not understood, or that has none: the role
 * of each column is given. */
static void
test_columns (void)
{
  static const char text[] = "1.1;Publier les offres;Q3 2022;RH;5 k€;x\n"
                             "1.2;Former les jurys;En cours;RH, DISC;;y\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(JlnTable) table = read_one (text, "rows.csv");
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func ((GDestroyNotify) jln_table_free);
  JlnImportOptions options = JLN_IMPORT_OPTIONS_INIT;
  g_autoptr(JlnPlan) plan = NULL;
  g_autoptr(JlnImportReport) report = NULL;
  JlnAction *action;

  g_ptr_array_add (tables, g_steal_pointer (&table));
  plan = jln_import_read_tables (tables, "rows.csv", NULL, NULL, &error);
  g_assert_null (plan);
  g_assert_true (g_str_has_prefix (error->message, "rows.csv: no table looks like an action plan"));
  g_clear_error (&error);

  options.columns = "number,titel";
  plan = jln_import_read_tables (tables, "rows.csv", &options, NULL, &error);
  g_assert_null (plan);
  g_assert_true (g_str_has_prefix (error->message, "--columns: “titel” is not a column: use objective, "));
  g_clear_error (&error);

  options.columns = "number,title,due,units,note,-";
  options.lang = JLN_LANG_FR;
  plan = jln_import_read_tables (tables, "rows.csv", &options, &report, &error);
  g_assert_no_error (error);
  action = find_action (plan, "1.1");
  g_assert_cmpstr (jln_text_get (jln_action_get_title (action), JLN_LANG_FR), ==, "Publier les offres");
  g_assert_cmpuint (jln_action_get_due (action), ==, jln_semester_new (2022, 2));
  g_assert_cmpstr (jln_text_get (jln_action_get_note (action), JLN_LANG_FR), ==, "Column 5 : 5 k€");
  action = find_action (plan, "1.2");
  g_assert_cmpint (jln_action_get_status (action), ==, JLN_STATUS_IN_PROGRESS);
  g_assert_cmpuint (jln_action_get_units (action)->len, ==, 2);
  g_assert_null (jln_text_get (jln_action_get_note (action), JLN_LANG_FR));
  g_assert_cmpuint (jln_import_report_get_lines (report)->len, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  static const char * const seeds[] = {
    "seed-utf8.csv", "seed-cp1252.csv", "seed.ods", "seed.xlsx", "seed.odt", "seed.docx",
  };

  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (seeds); i++)
    {
      g_autofree char *name = g_strdup_printf ("/core/import/seed/%s", seeds[i]);

      g_test_add_data_func (name, seeds[i], test_seed);
    }
  g_test_add_func ("/core/import/report", test_report);
  g_test_add_func ("/core/import/ec-template", test_ec_template);
  g_test_add_data_func ("/core/import/round-trip/fr", GINT_TO_POINTER (JLN_LANG_FR), test_round_trip);
  g_test_add_data_func ("/core/import/round-trip/en", GINT_TO_POINTER (JLN_LANG_EN), test_round_trip);
  g_test_add_func ("/core/import/timing", test_timing);
  g_test_add_func ("/core/import/csv", test_csv);
  g_test_add_func ("/core/import/html", test_html);
  g_test_add_func ("/core/import/columns", test_columns);
  g_test_add_func ("/core/import/million-rows", test_million_rows);
  g_test_add_func ("/core/import/hostile", test_hostile);
  g_test_add_func ("/core/import/choose-table", test_choose_table);
  g_test_add_func ("/core/import/spanning-theme", test_spanning_theme);
  g_test_add_func ("/core/import/command-line", test_command_line);
  g_test_add_func ("/core/import/into-open-plan", test_into_open_plan);

  return g_test_run ();
}
