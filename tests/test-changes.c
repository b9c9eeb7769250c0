/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "jln-action.h"
#include "jln-changes.h"
#include "jln-document.h"
#include "jln-objective.h"

#include "jln-test-utils.h"

typedef struct
{
  char        *dir;
  char        *path;
  JlnDocument *document;
  GDateTime   *since;   /* after the edits made by the setup, before those of the test */
} Fixture;

static JlnRecord *
find_item (JlnDocument *document,
           const char  *number,
           const char  *label)
{
  GListModel *items = jln_action_get_items (JLN_ACTION (jln_test_find_action (document, number)));

  return jln_test_find_record (items, "label", label);
}

static JlnRecord *
add_action (JlnDocument *document,
            const char  *objective_number,
            const char  *number,
            const char  *title)
{
  JlnRecord *objective = jln_test_find_objective (document, objective_number);
  g_autoptr(JlnRecord) action = jln_record_new (JLN_KIND_ACTION,
                                                "number", number,
                                                "title-en", title,
                                                NULL);
  guint n = g_list_model_get_n_items (jln_objective_get_actions (JLN_OBJECTIVE (objective)));

  jln_test_apply (document, jln_edit_new_insert (objective, action, n));
  return action;
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  fixture->document = jln_test_import_plan (JLN_TEST_BUNDLED_PLAN, "jalons-changes-XXXXXX",
                                            &fixture->dir, &fixture->path);

  /* Before the chosen time: must not be reported. */
  jln_test_set_field (fixture->document, "2.1", "title-en", "Changed before the review");
  jln_test_set_field (fixture->document, "3.5", "due", "2024-S1");

  fixture->since = jln_test_now_between ();
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_object (&fixture->document);
  jln_test_clear_plan_dir (&fixture->dir, &fixture->path);
  g_clear_pointer (&fixture->since, g_date_time_unref);
}

static GPtrArray *
get_changes (Fixture   *fixture,
             GDateTime *since)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *changes = jln_document_get_changes (fixture->document, since, &error);

  g_assert_no_error (error);
  g_assert_nonnull (changes);
  for (guint i = 0; i < changes->len; i++)
    {
      const JlnChange *change = g_ptr_array_index (changes, i);
      g_autofree char *number = jln_change_dup_number (change);

      g_test_message ("%s flags=%#x shift=%d", number, change->flags, change->shift);
    }
  return changes;
}

static const JlnChange *
find_change (GPtrArray  *changes,
             const char *number,
             const char *label)
{
  for (guint i = 0; i < changes->len; i++)
    {
      const JlnChange *change = g_ptr_array_index (changes, i);

      if (g_strcmp0 (change->number, number) == 0 && g_strcmp0 (change->label, label) == 0)
        return change;
    }
  return NULL;
}

static void
test_changes_review (Fixture       *fixture,
                     gconstpointer  data)
{
  JlnDocument *document = fixture->document;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GDateTime) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *removed_id =
    g_strdup (jln_record_get_id (jln_test_find_action (document, "8.1")));
  JlnRecord *temporary;
  const JlnChange *change;
  JlnChangeCounts counts;

  /* Added. */
  add_action (document, "6", "6.5", "x");
  /* Completed. */
  jln_test_set_field (document, "1.4", "status", "done");
  jln_test_set_field (document, "1.4", "completion", "2022");
  /* Re-planned twice: the first old due and the last new one count. */
  jln_test_set_field (document, "1.5", "due", "2023-S1");
  jln_test_set_field (document, "1.5", "due", "2023-S2");
  /* Re-planned earlier. */
  jln_test_set_field (document, "3.3", "due", "2023-S1");
  /* Edited. */
  jln_test_set_field (document, "3.3", "title-en", "Recognise family carers");
  jln_test_set_field (document, "3.3", "title-en", "Recognise the status of family carers");
  /* Removed. */
  jln_test_apply (document, jln_edit_new_remove (jln_test_find_action (document, "8.1")));
  /* Edited, then undone: nothing happened. */
  jln_test_set_field (document, "3.14", "title-en", "Something else");
  g_assert_true (jln_document_undo (document, &error));
  g_assert_no_error (error);
  /* Edited, then edited back by hand: nothing happened either. */
  jln_test_set_field (document, "2.2", "status", "dropped");
  jln_test_set_field (document, "2.2", "status", "done");
  /* Added, then removed: never there. */
  temporary = add_action (document, "7", "7.9", "Temporary");
  jln_test_apply (document, jln_edit_new_remove (temporary));
  /* A sub-item completed. */
  jln_test_apply (document, jln_edit_new_set (find_item (document, "1.8", "a"), "status", "done"));

  after = jln_test_now_between ();
  changes = get_changes (fixture, fixture->since);
  g_assert_cmpuint (changes->len, ==, 6);

  change = find_change (changes, "6.5", NULL);
  g_assert_nonnull (change);
  g_assert_cmpint (change->flags, ==, JLN_CHANGE_ADDED);
  g_assert_cmpint (change->kind, ==, JLN_KIND_ACTION);
  g_assert_cmpstr (change->title.en, ==, "x");
  g_assert_null (change->title.fr);
  g_assert_cmpstr (change->objective_number, ==, "6");

  change = find_change (changes, "1.4", NULL);
  g_assert_nonnull (change);
  g_assert_cmpint (change->flags, ==, JLN_CHANGE_COMPLETED);
  g_assert_cmpint (change->status, ==, JLN_STATUS_DONE);
  g_assert_cmpuint (jln_completion_get_kind (&change->completion), ==, JLN_COMPLETION_YEAR);
  g_assert_cmpuint (change->completion.first_year, ==, 2022);
  g_assert_cmpstr (change->objective_number, ==, "1");
  g_assert_true (g_str_has_prefix (change->title.en, "Acquire software"));
  g_assert_true (g_str_has_prefix (change->title.fr, "Obtenir un logiciel"));

  change = find_change (changes, "1.5", NULL);
  g_assert_nonnull (change);
  g_assert_cmpint (change->flags, ==, JLN_CHANGE_REPLANNED);
  g_assert_cmpuint (change->old_due, ==, jln_semester_new (2022, 2));
  g_assert_cmpuint (change->new_due, ==, jln_semester_new (2023, 2));
  g_assert_cmpint (change->shift, ==, 2);
  g_assert_null (change->fields);

  change = find_change (changes, "3.3", NULL);
  g_assert_nonnull (change);
  g_assert_cmpint (change->flags, ==, JLN_CHANGE_REPLANNED | JLN_CHANGE_EDITED);
  g_assert_cmpint (change->shift, ==, -1);
  g_assert_nonnull (change->fields);
  g_assert_cmpstrv (change->fields, ((const char * const[]) { "title-en", NULL }));
  g_assert_cmpstr (change->title.en, ==, "Recognise the status of family carers");

  change = find_change (changes, "8.1", NULL);
  g_assert_nonnull (change);
  g_assert_cmpint (change->flags, ==, JLN_CHANGE_REMOVED);
  g_assert_cmpstr (change->title.en, ==, "Carry out a self-assessment every two years");
  g_assert_cmpstr (change->title.fr, ==, "Mettre en place une auto-évaluation tous les deux ans");
  g_assert_cmpstr (change->objective_number, ==, "8");
  g_assert_cmpint (change->status, ==, JLN_STATUS_DONE);
  g_assert_cmpstr (change->id, ==, removed_id);

  change = find_change (changes, "1.8", "a");
  g_assert_nonnull (change);
  g_assert_cmpint (change->kind, ==, JLN_KIND_ITEM);
  g_assert_cmpint (change->flags, ==, JLN_CHANGE_COMPLETED);
  g_assert_cmpstr (change->title.en, ==, "for CRCN (research scientists, normal class)");
  {
    g_autofree char *number = jln_change_dup_number (change);

    g_assert_cmpstr (number, ==, "1.8 a.");
  }

  /* Cancelled out, or before the chosen time. */
  g_assert_null (find_change (changes, "3.14", NULL));
  g_assert_null (find_change (changes, "2.2", NULL));
  g_assert_null (find_change (changes, "7.9", NULL));
  g_assert_null (find_change (changes, "2.1", NULL));
  g_assert_null (find_change (changes, "3.5", NULL));

  /* In the order of the numbers, an action before its sub-items. */
  {
    const char *expected[] = { "1.4", "1.5", "1.8 a.", "3.3", "6.5", "8.1" };

    for (guint i = 0; i < changes->len; i++)
      {
        g_autofree char *number = jln_change_dup_number (g_ptr_array_index (changes, i));

        g_assert_cmpstr (number, ==, expected[i]);
      }
  }

  /* Every change is timed within the window. */
  for (guint i = 0; i < changes->len; i++)
    {
      change = g_ptr_array_index (changes, i);
      g_assert_nonnull (change->time);
      g_assert_cmpint (g_date_time_compare (change->time, fixture->since), >=, 0);
      g_assert_cmpint (g_date_time_compare (change->time, after), <=, 0);
    }

  jln_changes_count (changes, &counts);
  g_assert_cmpuint (counts.added, ==, 1);
  g_assert_cmpuint (counts.removed, ==, 1);
  g_assert_cmpuint (counts.completed, ==, 2);
  g_assert_cmpuint (counts.replanned, ==, 2);
  g_assert_cmpuint (counts.edited, ==, 1);

  /* Nothing since afterwards. */
  g_clear_pointer (&changes, g_ptr_array_unref);
  changes = get_changes (fixture, after);
  g_assert_cmpuint (changes->len, ==, 0);
}

static void
test_changes_earlier (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GDateTime) epoch = g_date_time_new_utc (2018, 12, 1, 0, 0, 0);
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  const JlnChange *change;

  /* Since a date before the file: the setup's edits count, merged with
   * the test's. */
  jln_test_set_field (fixture->document, "3.5", "due", "2022-S1");
  changes = get_changes (fixture, epoch);
  g_assert_cmpuint (changes->len, ==, 2);

  change = find_change (changes, "2.1", NULL);
  g_assert_nonnull (change);
  g_assert_cmpint (change->flags, ==, JLN_CHANGE_EDITED);
  g_assert_cmpstrv (change->fields, ((const char * const[]) { "title-en", NULL }));

  change = find_change (changes, "3.5", NULL);
  g_assert_nonnull (change);
  g_assert_cmpint (change->flags, ==, JLN_CHANGE_REPLANNED);
  g_assert_cmpuint (change->old_due, ==, jln_semester_new (2022, 2));
  g_assert_cmpuint (change->new_due, ==, jln_semester_new (2022, 1));
  g_assert_cmpint (change->shift, ==, -1);

  /* A time in another zone is the same moment. */
  g_clear_pointer (&changes, g_ptr_array_unref);
  {
    g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("+05:30");

    g_assert_nonnull (zone);
    local = g_date_time_to_timezone (fixture->since, zone);
  }
  changes = get_changes (fixture, local);
  g_assert_cmpuint (changes->len, ==, 1);
  g_assert_nonnull (find_change (changes, "3.5", NULL));
}

static void
test_changes_undo_all (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GError) error = NULL;
  JlnRecord *removed = jln_test_find_action (fixture->document, "8.1");

  /* A removal undone and a re-planning undone: nothing changed. */
  jln_test_apply (fixture->document, jln_edit_new_remove (removed));
  jln_test_set_field (fixture->document, "1.5", "due", "2023-S2");
  g_assert_true (jln_document_undo (fixture->document, &error));
  g_assert_true (jln_document_undo (fixture->document, &error));
  g_assert_no_error (error);

  changes = get_changes (fixture, fixture->since);
  g_assert_cmpuint (changes->len, ==, 0);
}

static void
test_changes_removed_item (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GPtrArray) changes = NULL;
  JlnRecord *item = find_item (fixture->document, "1.8", "b");
  const JlnChange *change;

  /* A sub-item edited and then removed with its action is part of the
   * action's removal. */
  jln_test_apply (fixture->document, jln_edit_new_set (item, "due", "2023-S1"));
  jln_test_apply (fixture->document,
                  jln_edit_new_remove (jln_test_find_action (fixture->document, "1.8")));

  changes = get_changes (fixture, fixture->since);
  g_assert_cmpuint (changes->len, ==, 1);
  change = find_change (changes, "1.8", NULL);
  g_assert_nonnull (change);
  g_assert_cmpint (change->flags, ==, JLN_CHANGE_REMOVED);
}

static void
test_changes_boxed (void)
{
  g_autoptr(JlnChange) change = g_new0 (JlnChange, 1);
  g_autoptr(JlnChange) copy = NULL;
  g_autofree char *number = NULL;

  change->flags = JLN_CHANGE_EDITED | JLN_CHANGE_REPLANNED;
  change->id = g_strdup ("id");
  change->number = g_strdup ("4.12");
  change->title.fr = g_strdup ("titre");
  change->fields = g_strsplit ("title-fr,units", ",", -1);
  change->time = g_date_time_new_now_utc ();
  change->shift = -3;

  copy = g_boxed_copy (JLN_TYPE_CHANGE, change);
  g_assert_true (copy != change);
  g_assert_cmpint (copy->flags, ==, change->flags);
  g_assert_cmpstr (copy->title.fr, ==, "titre");
  g_assert_null (copy->title.en);
  g_assert_cmpstrv (copy->fields, change->fields);
  g_assert_cmpint (copy->shift, ==, -3);
  g_assert_true (copy->time == change->time);
  number = jln_change_dup_number (copy);
  g_assert_cmpstr (number, ==, "4.12");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/core/changes/review", Fixture, NULL,
              fixture_setup, test_changes_review, fixture_teardown);
  g_test_add ("/core/changes/earlier", Fixture, NULL,
              fixture_setup, test_changes_earlier, fixture_teardown);
  g_test_add ("/core/changes/undo-all", Fixture, NULL,
              fixture_setup, test_changes_undo_all, fixture_teardown);
  g_test_add ("/core/changes/removed-item", Fixture, NULL,
              fixture_setup, test_changes_removed_item, fixture_teardown);
  g_test_add_func ("/core/changes/boxed", test_changes_boxed);

  return g_test_run ();
}
