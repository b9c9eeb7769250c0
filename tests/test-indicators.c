/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include "jln-document.h"
#include "jln-indicator.h"
#include "jln-json.h"
#include "jln-measurement.h"
#include "jln-target.h"

#include "jln-test-utils.h"

/* Targets and measurements are checked as they are entered: the plan
 * runs from 2021-S1 to 2024-S2; indicator 1 is a percentage. */

typedef struct
{
  char        *dir;
  char        *path;
  JlnDocument *document;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  fixture->document = jln_test_import_plan (JLN_TEST_BUNDLED_PLAN, "jalons-indicators-XXXXXX",
                                            &fixture->dir, &fixture->path);
  g_assert_nonnull (fixture->document);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_object (&fixture->document);
  jln_test_clear_plan_dir (&fixture->dir, &fixture->path);
}

static JlnIndicator *
find_indicator (JlnDocument *document,
                const char  *number)
{
  JlnPlan *plan = jln_document_get_plan (document);
  JlnRecord *record = jln_test_find_record (jln_plan_get_indicators (plan), "number", number);

  g_assert_nonnull (record);
  return JLN_INDICATOR (record);
}

static char *
plan_json (JlnDocument *document)
{
  g_autoptr(GBytes) bytes = jln_json_write_plan (jln_document_get_plan (document));

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static char *
file_json (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JlnDocument) document = jln_document_open (path, &error);

  g_assert_no_error (error);
  return plan_json (document);
}

/* Applies @edit, expects it refused with a message containing each of
 * @words, and checks that neither the plan nor its file changed. */
static void
assert_refused (Fixture    *fixture,
                JlnEdit    *edit,
                const char *first_word,
                ...)
{
  g_autoptr(JlnEdit) owned = edit;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = plan_json (fixture->document);
  g_autofree char *file_before = file_json (fixture->path);
  g_autofree char *after = NULL;
  g_autofree char *file_after = NULL;
  gboolean could_undo = jln_document_can_undo (fixture->document);
  va_list args;

  g_assert_false (jln_document_apply (fixture->document, owned, &error));
  g_assert_error (error, JLN_ERROR, JLN_ERROR_INVALID);
  va_start (args, first_word);
  for (const char *word = first_word; word != NULL; word = va_arg (args, const char *))
    if (strstr (error->message, word) == NULL)
      g_error ("“%s” is not in the message “%s”", word, error->message);
  va_end (args);

  after = plan_json (fixture->document);
  file_after = file_json (fixture->path);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpstr (file_before, ==, file_after);
  g_assert_cmpint (could_undo, ==, jln_document_can_undo (fixture->document));
}

static JlnRecord *
add_measurement (Fixture      *fixture,
                 JlnIndicator *indicator,
                 const char   *date,
                 const char   *value)
{
  g_autoptr(JlnRecord) measurement = jln_record_new (JLN_KIND_MEASUREMENT,
                                                     "date", date, "value", value, NULL);
  GListModel *measurements = jln_indicator_get_measurements (indicator);

  jln_test_apply (fixture->document,
                  jln_edit_new_insert (JLN_RECORD (indicator), measurement,
                                       g_list_model_get_n_items (measurements)));
  return measurement;
}

static void
test_percentage_range (Fixture       *fixture,
                       gconstpointer  data)
{
  JlnIndicator *indicator = find_indicator (fixture->document, "1");
  g_autoptr(JlnRecord) high = jln_record_new (JLN_KIND_MEASUREMENT, "date", "2022-06-30",
                                              "value", "120", NULL);
  g_autoptr(JlnRecord) low = jln_record_new (JLN_KIND_MEASUREMENT, "date", "2022-06-30",
                                             "value", "-1", NULL);
  g_autoptr(JlnRecord) target = jln_record_new (JLN_KIND_TARGET, "year", "2024",
                                                "value", "100.5", NULL);
  JlnRecord *measurement;
  JlnRecord *first_target;

  assert_refused (fixture, jln_edit_new_insert (JLN_RECORD (indicator), high, 0),
                  "Measured value", "120", "0 to 100", NULL);
  assert_refused (fixture, jln_edit_new_insert (JLN_RECORD (indicator), low, 0),
                  "Measured value", "-1", NULL);
  assert_refused (fixture, jln_edit_new_insert (JLN_RECORD (indicator), target, 0),
                  "Target value", "100.5", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (jln_indicator_get_measurements (indicator)), ==, 0);

  /* The bounds themselves are percentages. */
  measurement = add_measurement (fixture, indicator, "2022-06-30", "100");
  jln_test_apply (fixture->document, jln_edit_new_set (measurement, "value", "0"));
  assert_refused (fixture, jln_edit_new_set (measurement, "value", "101"),
                  "Measured value", "101", NULL);
  g_assert_cmpfloat (jln_measurement_get_value (JLN_MEASUREMENT (measurement)), ==, 0);

  first_target = g_list_model_get_item (jln_indicator_get_targets (indicator), 0);
  assert_refused (fixture, jln_edit_new_set (first_target, "value", "250"),
                  "Target value", "250", NULL);
  g_assert_cmpfloat (jln_target_get_value (JLN_TARGET (first_target)), ==, 10);
  g_object_unref (first_target);
}

static void
test_count_not_negative (Fixture       *fixture,
                         gconstpointer  data)
{
  JlnIndicator *indicator = find_indicator (fixture->document, "1");
  JlnRecord *measurement;

  jln_test_apply (fixture->document, jln_edit_new_set (JLN_RECORD (indicator), "kind", "count"));
  measurement = add_measurement (fixture, indicator, "2023-01-15", "250");
  g_assert_cmpfloat (jln_measurement_get_value (JLN_MEASUREMENT (measurement)), ==, 250);
  assert_refused (fixture, jln_edit_new_set (measurement, "value", "-3"),
                  "Measured value", "-3", "count", NULL);
}

static void
test_measurement_date (Fixture       *fixture,
                       gconstpointer  data)
{
  JlnIndicator *indicator = find_indicator (fixture->document, "5");
  g_autoptr(JlnRecord) early = jln_record_new (JLN_KIND_MEASUREMENT, "date", "2020-12-31",
                                               "value", "10", NULL);
  g_autoptr(JlnRecord) late = jln_record_new (JLN_KIND_MEASUREMENT, "date", "2025-01-01",
                                              "value", "10", NULL);
  JlnRecord *measurement;

  assert_refused (fixture, jln_edit_new_insert (JLN_RECORD (indicator), early, 0),
                  "Date of measurement", "2020-12-31", "2021-01", "2024-12", NULL);
  assert_refused (fixture, jln_edit_new_insert (JLN_RECORD (indicator), late, 0),
                  "Date of measurement", "2025-01-01", NULL);

  /* The first and last days of the plan are in it. */
  measurement = add_measurement (fixture, indicator, "2021-01-01", "10");
  jln_test_apply (fixture->document, jln_edit_new_set (measurement, "date", "2024-12-31"));
  assert_refused (fixture, jln_edit_new_set (measurement, "date", "2022-02-30"),
                  "not a date", NULL);
  assert_refused (fixture, jln_edit_new_set (measurement, "date", "June 2022"),
                  "not a date", NULL);
  assert_refused (fixture, jln_edit_new_set (measurement, "date", "2019-06-01"),
                  "Date of measurement", "2019-06-01", NULL);
  g_assert_cmpstr (jln_measurement_get_date (JLN_MEASUREMENT (measurement)), ==, "2024-12-31");
}

static void
test_target_year (Fixture       *fixture,
                  gconstpointer  data)
{
  JlnIndicator *indicator = find_indicator (fixture->document, "2");
  g_autoptr(JlnRecord) target = jln_record_new (JLN_KIND_TARGET, "year", "2030", "value", "50",
                                                NULL);
  g_autoptr(JlnRecord) good = jln_record_new (JLN_KIND_TARGET, "year", "2024", "value", "90",
                                              "series-en", "Unit directors", NULL);
  JlnRecord *first;

  assert_refused (fixture, jln_edit_new_insert (JLN_RECORD (indicator), target, 0),
                  "Target year", "2030", "2021", "2024", NULL);
  jln_test_apply (fixture->document, jln_edit_new_insert (JLN_RECORD (indicator), good, 4));
  g_assert_cmpuint (g_list_model_get_n_items (jln_indicator_get_targets (indicator)), ==, 5);

  first = g_list_model_get_item (jln_indicator_get_targets (indicator), 0);
  assert_refused (fixture, jln_edit_new_set (first, "year", "2020"), "Target year", "2020", NULL);
  g_assert_cmpint (jln_target_get_year (JLN_TARGET (first)), ==, 2021);
  g_object_unref (first);
}

/* A measurement entered, changed and deleted is undone step by step, in
 * memory and in the file. */
static void
test_undo (Fixture       *fixture,
           gconstpointer  data)
{
  JlnIndicator *indicator = find_indicator (fixture->document, "1");
  GListModel *measurements = jln_indicator_get_measurements (indicator);
  g_autofree char *original = plan_json (fixture->document);
  g_autofree char *with_45 = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JlnRecord) measurement = NULL;

  measurement = g_object_ref (add_measurement (fixture, indicator, "2022-12-31", "45"));
  with_45 = plan_json (fixture->document);
  jln_test_apply (fixture->document, jln_edit_new_set (measurement, "value", "55"));
  jln_test_apply (fixture->document, jln_edit_new_remove (measurement));
  g_assert_cmpuint (g_list_model_get_n_items (measurements), ==, 0);

  g_assert_true (jln_document_undo (fixture->document, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (measurements), ==, 1);
  g_assert_true (jln_document_undo (fixture->document, &error));
  text = plan_json (fixture->document);
  g_assert_cmpstr (text, ==, with_45);
  g_clear_pointer (&text, g_free);
  text = file_json (fixture->path);
  g_assert_cmpstr (text, ==, with_45);
  g_clear_pointer (&text, g_free);

  g_assert_true (jln_document_undo (fixture->document, &error));
  g_assert_cmpuint (g_list_model_get_n_items (measurements), ==, 0);
  text = file_json (fixture->path);
  g_assert_cmpstr (text, ==, original);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/core/indicators/percentage-range", Fixture, NULL,
              fixture_setup, test_percentage_range, fixture_teardown);
  g_test_add ("/core/indicators/count-not-negative", Fixture, NULL,
              fixture_setup, test_count_not_negative, fixture_teardown);
  g_test_add ("/core/indicators/measurement-date", Fixture, NULL,
              fixture_setup, test_measurement_date, fixture_teardown);
  g_test_add ("/core/indicators/target-year", Fixture, NULL,
              fixture_setup, test_target_year, fixture_teardown);
  g_test_add ("/core/indicators/undo", Fixture, NULL,
              fixture_setup, test_undo, fixture_teardown);

  return g_test_run ();
}
