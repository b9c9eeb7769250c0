/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the list, the timeline and the exports show of a row, on the
 * bundled plan. */
#include "config.h"

#include "jln-action.h"
#include "jln-action-item.h"
#include "jln-objective.h"
#include "jln-plan.h"
#include "jln-record-text.h"

#include "jln-test-utils.h"

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
  fixture->document = jln_test_import_plan (JLN_TEST_BUNDLED_PLAN, "jalons-record-text-XXXXXX",
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

static JlnRecord *
first_item (JlnRecord *action)
{
  GListModel *items = jln_action_get_items (JLN_ACTION (action));

  g_assert_cmpuint (g_list_model_get_n_items (items), >, 0);
  return JLN_RECORD (g_list_model_get_item (items, 0));
}

static void
test_numbers (Fixture       *fixture,
              gconstpointer  data)
{
  JlnRecord *action = jln_test_find_action (fixture->document, "1.8");
  g_autoptr(JlnRecord) item = first_item (action);
  JlnRecord *objective = jln_test_find_objective (fixture->document, "1");
  g_autofree char *action_number = jln_record_dup_number_text (action);
  g_autofree char *item_number = jln_record_dup_number_text (item);
  g_autofree char *objective_number = jln_record_dup_number_text (objective);

  g_assert_cmpstr (action_number, ==, "1.8");
  /* Sub-items are lettered as in the plans. */
  g_assert_cmpstr (item_number, ==, "a.");
  g_assert_cmpstr (objective_number, ==, "1");
}

static void
test_status_and_dates (Fixture       *fixture,
                       gconstpointer  data)
{
  JlnRecord *superseded = jln_test_find_action (fixture->document, "2.5");
  JlnRecord *yearly = jln_test_find_action (fixture->document, "5.3");
  JlnRecord *due = jln_test_find_action (fixture->document, "1.4");
  JlnRecord *objective = jln_test_find_objective (fixture->document, "1");
  g_autofree char *superseded_text = jln_record_dup_status_text (superseded);
  g_autofree char *objective_status = jln_record_dup_status_text (objective);
  g_autofree char *yearly_due = jln_record_dup_due_text (yearly, JLN_LANG_EN);
  g_autofree char *due_en = jln_record_dup_due_text (due, JLN_LANG_EN);
  g_autofree char *due_fr = jln_record_dup_due_text (due, JLN_LANG_FR);
  JlnStatus status;

  /* A superseded action names what replaces it. */
  g_assert_cmpstr (superseded_text, ==, "Superseded, cf. 6.1-6.14");
  g_assert_false (jln_record_get_status (objective, &status));
  g_assert_cmpstr (objective_status, ==, "");
  /* A yearly action shows when it comes round again. */
  g_assert_cmpstr (yearly_due, ==, "next 2nd sem. 2022");
  g_assert_cmpstr (due_en, ==, "2nd sem. 2022");
  g_assert_cmpstr (due_fr, ==, "2e sem. 2022");
}

static void
test_overdue (Fixture       *fixture,
              gconstpointer  data)
{
  JlnRecord *in_progress = jln_test_find_action (fixture->document, "1.4");   /* due 2022-S2 */
  JlnRecord *done = jln_test_find_action (fixture->document, "1.1");

  g_assert_false (jln_record_is_overdue (in_progress, jln_semester_new (2022, 2)));
  g_assert_true (jln_record_is_overdue (in_progress, jln_semester_new (2023, 1)));
  g_assert_false (jln_record_is_overdue (done, jln_semester_new (2030, 1)));
}

static void
test_units_and_titles (Fixture       *fixture,
                       gconstpointer  data)
{
  JlnRecord *action = jln_test_find_action (fixture->document, "1.3");
  g_autofree char *units = jln_record_dup_units_text (action);
  gboolean fallback = TRUE;
  const char *title_fr = jln_record_get_title_text (action, JLN_LANG_FR, &fallback);

  g_assert_false (fallback);
  g_assert_cmpuint (strlen (title_fr), >, 10);
  /* Two units, by their codes, in the plan's order. */
  g_assert_nonnull (strstr (units, ", "));
  g_assert_null (strstr (units, ", ,"));
}

static void
test_spoken_label (Fixture       *fixture,
                   gconstpointer  data)
{
  JlnRecord *action = jln_test_find_action (fixture->document, "1.4");
  JlnRecord *objective = jln_test_find_objective (fixture->document, "1");
  JlnRecord *axis = jln_test_find_objective (fixture->document, "I");
  const char *title = jln_record_get_title_text (action, JLN_LANG_FR, NULL);
  g_autofree char *label = jln_record_dup_spoken_label (action, JLN_LANG_FR, JLN_LANG_EN,
                                                        jln_semester_new (2023, 1));
  g_autofree char *expected = g_strdup_printf ("1.4, %s, In progress, due 2nd sem. 2022, overdue", title);
  g_autofree char *objective_label = jln_record_dup_spoken_label (objective, JLN_LANG_FR, JLN_LANG_EN, 0);
  g_autofree char *axis_label = jln_record_dup_spoken_label (axis, JLN_LANG_EN, JLN_LANG_EN, 0);

  g_assert_cmpstr (label, ==, expected);
  g_assert_true (g_str_has_prefix (objective_label, "Objective 1, "));
  g_assert_true (g_str_has_prefix (axis_label, "Equality plan axis I, "));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/record-text/numbers", test_numbers);
  ADD ("/record-text/status-and-dates", test_status_and_dates);
  ADD ("/record-text/overdue", test_overdue);
  ADD ("/record-text/units-and-titles", test_units_and_titles);
  ADD ("/record-text/spoken-label", test_spoken_label);
#undef ADD

  return g_test_run ();
}
