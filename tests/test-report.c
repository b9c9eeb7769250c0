/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>

#include "jln-action.h"
#include "jln-changes.h"
#include "jln-indicator.h"
#include "jln-json.h"
#include "jln-note.h"
#include "jln-plan.h"
#include "jln-plan-pages.h"
#include "jln-query.h"
#include "jln-unit.h"
#include "jln-report.h"

#include "jln-test-utils.h"

/* The report to a steering committee, on the bundled plan with a
 * scripted set of edits: each list holds exactly the expected actions. */

typedef struct
{
  char        *dir;
  char        *path;
  JlnDocument *document;
  GDateTime   *since;
} Fixture;

static JlnRecord *
find_indicator (JlnDocument *document,
                const char  *number)
{
  return jln_test_find_record (jln_plan_get_indicators (jln_document_get_plan (document)), "number", number);
}

static void
add_record (JlnDocument *document,
            JlnRecord   *parent,
            JlnRecord   *record)
{
  guint n = g_list_model_get_n_items (jln_record_get_children (parent, jln_record_get_kind (record)));

  jln_test_apply (document, jln_edit_new_insert (parent, record, n));
  g_object_unref (record);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  JlnDocument *document;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  JlnRecord *objective;

  fixture->document = document = jln_test_import_plan (JLN_TEST_BUNDLED_PLAN, "jalons-report-XXXXXX",
                                                       &fixture->dir, &fixture->path);
  /* Before the period: not reported. */
  jln_test_set_field (document, "2.6", "status", "done");
  jln_test_set_field (document, "6.4", "due", "2023-S2");
  fixture->since = jln_test_now_between ();

  /* Done, the second with its completion. */
  jln_test_set_field (document, "1.4", "status", "done");
  jln_test_set_field (document, "4.9", "status", "done");
  jln_test_set_field (document, "4.9", "completion", "2024-S1");
  /* Started. */
  jln_test_set_field (document, "I.a", "status", "in-progress");
  jln_test_set_field (document, "I.b", "status", "in-progress");
  /* Replanned, one twice: the first and last semesters are reported. */
  jln_test_set_field (document, "3.5", "due", "2024-S2");
  jln_test_set_field (document, "3.5", "due", "2031-S1");
  /* Dropped and superseded. */
  jln_test_set_field (document, "4.3", "status", "dropped");
  jln_test_set_field (document, "1.5", "status", "superseded");
  /* Edited, but none of the above. */
  jln_test_set_field (document, "1.9", "title-en", "A new allowance");
  /* Started, then back: no change. */
  jln_test_set_field (document, "I.c", "status", "in-progress");
  jln_test_set_field (document, "I.c", "status", "planned");
  /* New. */
  objective = jln_test_find_objective (document, "6");
  add_record (document, objective, jln_record_new (JLN_KIND_ACTION, "number", "6.5", "title-en",
                                                   "Publish the integrity guide", "due", "2031-S2", NULL));
  /* Measurements: met, behind, with no target that year. */
  add_record (document, find_indicator (document, "1"),
              jln_record_new (JLN_KIND_MEASUREMENT, "date", "2022-12-31", "value", "35", NULL));
  add_record (document, find_indicator (document, "3"),
              jln_record_new (JLN_KIND_MEASUREMENT, "date", "2022-12-31", "value", "12.5", NULL));
  add_record (document, find_indicator (document, "5"),
              jln_record_new (JLN_KIND_MEASUREMENT, "date", "2024-06-30", "value", "95", NULL));
  /* Notes: two of the period, one dated long before. */
  add_record (document, jln_test_find_action (document, "1.4"),
              jln_record_new (JLN_KIND_NOTE, "date", today, "author", "DRH",
                              "text-fr", "Logiciel choisi", "text-en", "Software chosen", NULL));
  add_record (document, jln_test_find_action (document, "2.7"),
              jln_record_new (JLN_KIND_NOTE, "date", today, "text-en", "Two workshops held", NULL));
  add_record (document, jln_test_find_action (document, "2.7"),
              jln_record_new (JLN_KIND_NOTE, "date", "2020-03-01", "text-en", "Long ago", NULL));
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_object (&fixture->document);
  jln_test_clear_plan_dir (&fixture->dir, &fixture->path);
  g_clear_pointer (&fixture->since, g_date_time_unref);
}

/* The numbers of a list, joined with spaces. */
static char *
numbers_of (JlnReport     *report,
            JlnReportList  list)
{
  GPtrArray *entries = jln_report_get_list (report, list);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < entries->len; i++)
    {
      JlnReportEntry *entry = g_ptr_array_index (entries, i);

      g_string_append_printf (out, "%s%s", i > 0 ? " " : "", entry->number);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static JlnReport *
make_report (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  JlnReport *report = jln_report_new (fixture->document, fixture->since, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

static void
test_lists (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(JlnReport) report = make_report (fixture);
  GPtrArray *entries;
  JlnReportEntry *entry;
  char *numbers;

#define ASSERT_LIST(list, expected) \
  numbers = numbers_of (report, list); \
  g_assert_cmpstr (numbers, ==, expected); \
  g_free (numbers)

  ASSERT_LIST (JLN_REPORT_DONE, "1.4 4.9");
  ASSERT_LIST (JLN_REPORT_STARTED, "I.a I.b");
  ASSERT_LIST (JLN_REPORT_REPLANNED, "3.5");
  ASSERT_LIST (JLN_REPORT_DROPPED, "1.5 4.3");
  ASSERT_LIST (JLN_REPORT_NEW, "6.5");
  ASSERT_LIST (JLN_REPORT_MEASUREMENTS, "1 3 5");
  ASSERT_LIST (JLN_REPORT_NOTES, "1.4 2.7");
#undef ASSERT_LIST

  entry = g_ptr_array_index (jln_report_get_list (report, JLN_REPORT_REPLANNED), 0);
  g_assert_cmpuint (entry->old_due, ==, jln_semester_new (2022, 2));
  g_assert_cmpuint (entry->due, ==, jln_semester_new (2031, 1));
  g_assert_cmpstr (entry->objective_number, ==, "3");

  entries = jln_report_get_list (report, JLN_REPORT_MEASUREMENTS);
  entry = g_ptr_array_index (entries, 0);
  g_assert_cmpfloat (entry->value, ==, 35);
  g_assert_cmpfloat (entry->target, ==, 30);
  entry = g_ptr_array_index (entries, 1);
  g_assert_cmpfloat (entry->value, ==, 12.5);
  g_assert_cmpfloat (entry->target, ==, 20);
  entry = g_ptr_array_index (entries, 2);
  g_assert_true (isnan (entry->target));

  entry = g_ptr_array_index (jln_report_get_list (report, JLN_REPORT_NOTES), 0);
  g_assert_cmpstr (entry->author, ==, "DRH");
  g_assert_cmpstr (entry->text.fr, ==, "Logiciel choisi");
}

/* Overdue: exactly the actions the query "overdue" finds today, with the
 * sub-items late on their own. */
static void
test_overdue (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(JlnReport) report = make_report (fixture);
  g_autoptr(JlnQuery) query = jln_query_parse ("overdue", NULL);
  GPtrArray *entries = jln_report_get_list (report, JLN_REPORT_OVERDUE);
  GListModel *objectives = jln_plan_get_objectives (jln_document_get_plan (fixture->document));
  g_autoptr(GString) expected = g_string_new (NULL);
  g_autoptr(GString) found = g_string_new (NULL);

  for (guint o = 0; o < g_list_model_get_n_items (objectives); o++)
    {
      g_autoptr(JlnObjective) objective = g_list_model_get_item (objectives, o);
      GListModel *actions = jln_objective_get_actions (objective);

      for (guint a = 0; a < g_list_model_get_n_items (actions); a++)
        {
          g_autoptr(JlnAction) action = g_list_model_get_item (actions, a);

          if (jln_query_match (query, action, jln_semester_today ()))
            g_string_append_printf (expected, "%s ", jln_action_get_number (action));
        }
    }
  for (guint i = 0; i < entries->len; i++)
    {
      JlnReportEntry *entry = g_ptr_array_index (entries, i);

      if (strchr (entry->number, ' ') == NULL)
        g_string_append_printf (found, "%s ", entry->number);
    }
  g_assert_cmpstr (found->str, ==, expected->str);
  g_assert_null (strstr (found->str, "1.4 "));
  g_assert_null (strstr (found->str, "4.3 "));
  g_assert_null (strstr (found->str, "3.5 "));
  g_assert_nonnull (strstr (found->str, "1.9 "));
}

/* A period that ends before the edits has none of them. */
static void
test_period (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) since = NULL;
  g_autoptr(GDateTime) until = NULL;
  g_autoptr(JlnReport) report = NULL;
  JlnPlan *plan = jln_document_get_plan (fixture->document);

  g_assert_true (jln_report_parse_period (plan, "2020-S1", NULL, &since, &until, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_date_time_get_year (since), ==, 2020);
  g_assert_cmpint (g_date_time_get_month (until), ==, 7);
  report = jln_report_new (fixture->document, since, until, &error);
  g_assert_no_error (error);
  for (JlnReportList l = 0; l < JLN_REPORT_N_LISTS; l++)
    if (l != JLN_REPORT_OVERDUE && l != JLN_REPORT_NOTES)
      g_assert_cmpuint (jln_report_get_list (report, l)->len, ==, 0);
  g_assert_cmpuint (jln_report_get_list (report, JLN_REPORT_NOTES)->len, ==, 1);
  g_clear_pointer (&since, g_date_time_unref);
  g_clear_pointer (&until, g_date_time_unref);

  /* A date and a milestone. */
  g_assert_true (jln_report_parse_period (plan, "2022-03-15", "2022-S2", &since, &until, &error));
  g_assert_cmpint (g_date_time_get_day_of_month (since), ==, 15);
  g_assert_cmpint (g_date_time_get_year (until), ==, 2023);
  g_clear_pointer (&since, g_date_time_unref);
  g_clear_pointer (&until, g_date_time_unref);
  g_assert_true (jln_report_parse_period (plan, "renewal", NULL, &since, &until, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_date_time_get_year (since), ==, 2022);
  g_assert_null (until);
  g_clear_pointer (&since, g_date_time_unref);

  g_assert_false (jln_report_parse_period (plan, "yesterday-ish", NULL, &since, &until, &error));
  g_assert_error (error, JLN_ERROR, JLN_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (jln_report_parse_period (plan, "2024-S2", "2024-S1", &since, &until, &error));
  g_assert_error (error, JLN_ERROR, JLN_ERROR_INVALID);
}

static void
write_cb (JlnDoc   *doc,
          JlnLang   lang,
          gpointer  data)
{
  jln_report_write (data, doc, lang);
}

/* The PDF in each language has every section, and the lists' actions. */
static void
test_documents (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(JlnReport) report = make_report (fixture);
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  static const char * const extensions[] = { "odt", "docx", "pdf" };

  for (JlnLang lang = JLN_LANG_FR; lang <= JLN_LANG_EN; lang++)
    for (guint e = 0; e < G_N_ELEMENTS (extensions); e++)
      {
        g_autofree char *path = g_strdup_printf ("%s/report-%s.%s", fixture->dir,
                                                 jln_lang_to_string (lang), extensions[e]);
        g_autoptr(GError) error = NULL;
        g_autofree char *text = NULL;
        const char *argv[] = { pdftotext, "-layout", path, "-", NULL };

        g_assert_true (jln_plan_pages_export_writer (jln_document_get_plan (fixture->document), write_cb, report,
                                                     lang, JLN_PAGE_A4, path, &error));
        g_assert_no_error (error);
        g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
        if (e != 2 || pdftotext == NULL)
          continue;
        g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                                     &text, NULL, NULL, &error));
        g_assert_no_error (error);
        for (JlnReportList l = 0; l < JLN_REPORT_N_LISTS; l++)
          g_assert_nonnull (strstr (text, jln_report_list_get_title (l, lang)));
        g_assert_nonnull (strstr (text, lang == JLN_LANG_FR ? "Logiciel choisi" : "Software chosen"));
        g_assert_nonnull (strstr (text, "6.5"));
        g_assert_nonnull (strstr (text, lang == JLN_LANG_FR ? "Rapport au comité de pilotage"
                                                            : "Report to the steering committee"));
      }
}

/* "Changes since…" tells the measurements entered. */
static void
test_changes_measured (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) changes = jln_document_get_changes (fixture->document, fixture->since, &error);
  JlnChangeCounts counts;

  g_assert_no_error (error);
  jln_changes_count (changes, &counts);
  g_assert_cmpuint (counts.measured, ==, 3);
  g_assert_cmpuint (counts.added, ==, 1);
}

static char *pdf_text (const char *path);

/* The documents of a period: the actions changed in it, from the
 * history, and of those the ones --filter keeps. */
static void
test_period_documents (Fixture       *fixture,
                       gconstpointer  data)
{
  JlnPlan *plan = jln_document_get_plan (fixture->document);
  JlnSemester today = jln_semester_today ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JlnQuery) query = jln_report_period_query (fixture->document, "2020-01-01", NULL, NULL, &error);
  g_autoptr(JlnQuery) filtered = NULL;
  g_autoptr(JlnQuery) later = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "period.odt", NULL);
  g_autofree char *pdf = g_build_filename (fixture->dir, "period.pdf", NULL);
  g_autofree char *text = NULL;
  static const char * const changed[] = { "1.4", "4.9", "I.a", "3.5", "4.3", "1.5", "1.9", "2.6", "6.5" };
  static const char * const unchanged[] = { "1.1", "7.3", "I.c", "A.2" };

  g_assert_no_error (error);
  g_assert_false (jln_query_is_empty (query));
  g_assert_nonnull (strstr (jln_query_get_text (query), "2020-01-01"));
  for (guint i = 0; i < G_N_ELEMENTS (changed); i++)
    g_assert_true (jln_query_match (query, JLN_ACTION (jln_test_find_action (fixture->document, changed[i])), today));
  for (guint i = 0; i < G_N_ELEMENTS (unchanged); i++)
    g_assert_false (jln_query_match (query, JLN_ACTION (jln_test_find_action (fixture->document, unchanged[i])),
                                     today));

  filtered = jln_report_period_query (fixture->document, "2020-S1", "2030-S2", "objective:1", &error);
  g_assert_no_error (error);
  g_assert_true (jln_query_match (filtered, JLN_ACTION (jln_test_find_action (fixture->document, "1.4")), today));
  g_assert_false (jln_query_match (filtered, JLN_ACTION (jln_test_find_action (fixture->document, "4.9")), today));

  /* A period before every change keeps no action. */
  later = jln_report_period_query (fixture->document, "2020-S1", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (jln_query_match (later, JLN_ACTION (jln_test_find_action (fixture->document, "1.4")), today));

  /* The action table of the period holds the changed actions only. */
  g_assert_true (jln_plan_pages_export (plan, JLN_PLAN_DOC_ACTIONS, filtered, JLN_LANG_EN, JLN_PAGE_A4, pdf,
                                        NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  text = pdf_text (pdf);
  if (text != NULL)
    {
      g_assert_nonnull (strstr (text, "1.4."));
      g_assert_nonnull (strstr (text, "1.5."));
      g_assert_null (strstr (text, "1.1."));
      g_assert_null (strstr (text, "4.9."));
    }
}



/* A measurement removed in the period is reported as such, under its
 * indicator, in the list and in the document. */
static void
test_measurement_removed (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(JlnDocument) document = jln_test_import_plan (JLN_TEST_BUNDLED_PLAN, "jalons-report-XXXXXX",
                                                          &dir, &path);
  g_autoptr(GDateTime) since = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JlnReport) report = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  JlnRecord *indicator = find_indicator (document, "2");
  JlnRecord *measurement = jln_record_new (JLN_KIND_MEASUREMENT, "date", "2022-12-31", "value", "40", NULL);
  GPtrArray *entries;
  JlnReportEntry *entry;
  JlnChangeCounts counts;

  add_record (document, indicator, measurement);
  since = jln_test_now_between ();
  jln_test_apply (document, jln_edit_new_remove (measurement));

  changes = jln_document_get_changes (document, since, &error);
  g_assert_no_error (error);
  jln_changes_count (changes, &counts);
  g_assert_cmpuint (counts.removed, ==, 1);
  g_assert_cmpuint (counts.measured, ==, 0);

  report = jln_report_new (document, since, NULL, &error);
  g_assert_no_error (error);
  entries = jln_report_get_list (report, JLN_REPORT_MEASUREMENTS);
  g_assert_cmpuint (entries->len, ==, 1);
  entry = g_ptr_array_index (entries, 0);
  g_assert_true (entry->removed);
  g_assert_cmpstr (entry->number, ==, "2");
  g_assert_cmpstr (entry->date, ==, "2022-12-31");
  g_assert_cmpfloat (entry->value, ==, 40);

  for (JlnLang lang = JLN_LANG_FR; lang <= JLN_LANG_EN; lang++)
    {
      g_autofree char *pdf = g_strdup_printf ("%s/report-%s.pdf", dir, jln_lang_to_string (lang));
      g_autofree char *text = NULL;

      g_assert_true (jln_plan_pages_export_writer (jln_document_get_plan (document), write_cb, report,
                                                   lang, JLN_PAGE_A4, pdf, &error));
      g_assert_no_error (error);
      text = pdf_text (pdf);
      if (text != NULL)
        g_assert_nonnull (strstr (text, lang == JLN_LANG_FR ? "mesure supprimée" : "measurement removed"));
    }
  g_clear_object (&document);
  jln_test_clear_plan_dir (&dir, &path);
}

/* Text of a PDF, or NULL where pdftotext is not installed. */
static char *
pdf_text (const char *path)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  const char *argv[] = { pdftotext, "-layout", path, "-", NULL };
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  if (pdftotext == NULL)
    return NULL;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                               &text, NULL, NULL, &error));
  g_assert_no_error (error);
  return text;
}

/* The internal review of the bundled plan: the seed's section titles,
 * every HRS4R action and the abbreviations. */
static void
test_review_document (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JlnPlan) plan = jln_json_load_plan (JLN_TEST_BUNDLED_PLAN, &error);
  g_autofree char *dir = g_dir_make_tmp ("jalons-review-doc-XXXXXX", &error);
  g_autofree char *pdf = g_build_filename (dir, "review.pdf", NULL);
  g_autofree char *odt = g_build_filename (dir, "review.odt", NULL);
  g_autofree char *docx = g_build_filename (dir, "review.docx", NULL);
  g_autofree char *source = NULL;
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GPtrArray) units = NULL;
  const char *abbreviations;
  GListModel *objectives;
  guint n_actions = 0, n_titles = 0;

  g_assert_no_error (error);
  g_assert_true (jln_plan_pages_export (plan, JLN_PLAN_DOC_REVIEW, NULL, JLN_LANG_FR, JLN_PAGE_A4, pdf,
                                        NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (jln_plan_pages_export (plan, JLN_PLAN_DOC_REVIEW, NULL, JLN_LANG_FR, JLN_PAGE_A4, odt,
                                        NULL, NULL, NULL, &error));
  g_assert_true (jln_plan_pages_export (plan, JLN_PLAN_DOC_REVIEW, NULL, JLN_LANG_EN, JLN_PAGE_A4, docx,
                                        NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  text = pdf_text (pdf);
  if (text == NULL)
    {
      g_test_skip ("pdftotext is not installed");
      jln_test_remove_tree (dir);
      return;
    }
  /* Lines joined, runs of spaces as one: a title may wrap. */
  {
    g_autoptr(GRegex) spaces = g_regex_new ("\\s+", 0, 0, NULL);

    flat = g_regex_replace_literal (spaces, text, -1, 0, " ", 0, NULL);
  }

  g_assert_true (g_file_get_contents (SOURCE_DATADIR "/../tests/sources/review-2022-sections-1-4.fr.txt",
                                      &source, NULL, &error));
  lines = g_strsplit (source, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_ascii_isdigit (lines[i][0]) && g_str_has_prefix (lines[i] + 1, ". "))
      {
        /* With the plan's typographic apostrophe. */
        g_auto(GStrv) parts = g_strsplit (lines[i], "'", -1);
        g_autofree char *title = g_strjoinv ("’", parts);

        g_test_message ("%s", title);
        g_assert_nonnull (strstr (flat, title));
        n_titles++;
      }
  g_assert_cmpuint (n_titles, ==, 4);

  objectives = jln_plan_get_objectives (plan);
  for (guint o = 0; o < g_list_model_get_n_items (objectives); o++)
    {
      g_autoptr(JlnObjective) objective = g_list_model_get_item (objectives, o);
      GListModel *actions = jln_objective_get_actions (objective);

      if (jln_objective_get_programme (objective) != JLN_PROGRAMME_HRS4R)
        continue;
      for (guint a = 0; a < g_list_model_get_n_items (actions); a++)
        {
          g_autoptr(JlnAction) action = g_list_model_get_item (actions, a);
          g_autofree char *cell = g_strdup_printf (" %s. ", jln_action_get_number (action));

          if (strstr (flat, cell) == NULL)
            g_error ("action %s is not in the review", jln_action_get_number (action));
          n_actions++;
        }
    }
  g_assert_cmpuint (n_actions, ==, 91);

  /* The abbreviations, each code with what it stands for. */
  abbreviations = strstr (flat, "Abréviations utilisées");
  g_assert_nonnull (abbreviations);
  units = jln_plan_doc_get_used_units (plan, JLN_PLAN_DOC_ACTIONS, NULL, jln_semester_today ());
  g_assert_cmpuint (units->len, >, 5);
  for (guint i = 0; i < units->len; i++)
    {
      JlnUnit *unit = g_ptr_array_index (units, i);
      const char *name = jln_unit_get_name (unit)->fr;
      g_autofree char *code = g_strdup_printf (" %s ", jln_unit_get_code (unit));

      g_assert_nonnull (strstr (abbreviations, code));
      if (name != NULL && g_strcmp0 (name, jln_unit_get_code (unit)) != 0)
        g_assert_nonnull (strstr (abbreviations, name));
    }
  g_assert_nonnull (strstr (flat, "Évaluation interne"));
  g_assert_nonnull (strstr (flat, "Mars 2022 | Renouvellement du label"));
  g_assert_nonnull (strstr (flat, "Charte européenne du chercheur"));
  jln_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "en", TRUE);
  g_test_init (&argc, &argv, NULL);
  /* The French of the documents comes from the catalogue of the build. */
  bindtextdomain (GETTEXT_PACKAGE, BUILD_LOCALEDIR);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/render/report/lists", test_lists);
  ADD ("/render/report/overdue", test_overdue);
  ADD ("/render/report/period", test_period);
  ADD ("/render/report/documents", test_documents);
  ADD ("/render/report/changes-measured", test_changes_measured);
  ADD ("/render/report/period-documents", test_period_documents);
#undef ADD
  g_test_add_func ("/render/review/document", test_review_document);
  g_test_add_func ("/render/report/measurement-removed", test_measurement_removed);

  return g_test_run ();
}
