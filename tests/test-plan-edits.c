/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "jln-action.h"
#include "jln-action-item.h"
#include "jln-document.h"
#include "jln-json.h"
#include "jln-note.h"
#include "jln-objective.h"
#include "jln-plan.h"
#include "jln-plan-edits.h"

#include "jln-test-utils.h"

/* The changes people make to a plan, by intent, on the bundled plan:
 * where new records go, how they are numbered, and that one undo puts
 * the plan back exactly as it was. */

typedef struct
{
  char        *dir;
  char        *path;
  JlnDocument *document;
  JlnPlan     *plan;
  char        *before;
} Fixture;

static char *
export_json (JlnPlan *plan)
{
  g_autoptr(GBytes) bytes = jln_json_write_plan (plan);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  fixture->document = jln_test_import_plan (JLN_TEST_BUNDLED_PLAN, "jalons-plan-edits-XXXXXX",
                                            &fixture->dir, &fixture->path);
  fixture->plan = jln_document_get_plan (fixture->document);
  fixture->before = export_json (fixture->plan);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_pointer (&fixture->before, g_free);
  g_clear_object (&fixture->document);
  jln_test_clear_plan_dir (&fixture->dir, &fixture->path);
}

/* Undoes @n steps and checks that the plan is the one loaded. */
static void
assert_undo_restores (Fixture *fixture,
                      guint    n)
{
  g_autofree char *after = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_true (jln_document_undo (fixture->document, &error));
      g_assert_no_error (error);
    }
  after = export_json (fixture->plan);
  g_assert_cmpstr (after, ==, fixture->before);
}

static guint
position_of (JlnRecord *record)
{
  guint position = G_MAXUINT;

  g_assert_true (jln_record_get_position (record, &position));
  return position;
}

static JlnRecord *
item_of (JlnRecord *action,
         guint      position)
{
  g_autoptr(JlnRecord) item = g_list_model_get_item (jln_action_get_items (JLN_ACTION (action)),
                                                     position);

  return item;
}

static const char *
number_at (JlnRecord *objective,
           guint      position)
{
  GListModel *actions = jln_objective_get_actions (JLN_OBJECTIVE (objective));
  g_autoptr(JlnAction) action = g_list_model_get_item (actions, position);

  return jln_action_get_number (action);
}

static void
test_add_objective (Fixture       *fixture,
                    gconstpointer  data)
{
  GListModel *objectives = jln_plan_get_objectives (fixture->plan);
  guint n = g_list_model_get_n_items (objectives);
  JlnRecord *objective = NULL;
  JlnRecord *action = NULL;

  jln_test_apply (fixture->document, jln_plan_edit_add_objective (fixture->plan, &objective));
  g_assert_cmpuint (g_list_model_get_n_items (objectives), ==, n + 1);
  g_assert_cmpuint (position_of (objective), ==, n);
  g_assert_cmpstr (jln_objective_get_number (JLN_OBJECTIVE (objective)), ==, "14");

  /* An objective with no action yet: its first action is N.1. */
  jln_test_apply (fixture->document, jln_plan_edit_add_action (fixture->plan, objective, &action));
  g_assert_true (jln_record_get_parent (action) == objective);
  g_assert_cmpstr (jln_action_get_number (JLN_ACTION (action)), ==, "14.1");
  g_assert_cmpint (jln_action_get_status (JLN_ACTION (action)), ==, JLN_STATUS_PLANNED);
  g_assert_cmpstr (jln_text_get (jln_action_get_title (JLN_ACTION (action)), JLN_LANG_FR), ==,
                   "Nouvelle action");

  assert_undo_restores (fixture, 2);
}

static void
test_add_action (Fixture       *fixture,
                 gconstpointer  data)
{
  JlnRecord *first = jln_test_find_objective (fixture->document, "1");
  JlnRecord *last_objective = jln_test_find_objective (fixture->document, "A");
  JlnRecord *after = jln_test_find_action (fixture->document, "1.4");
  JlnRecord *last = jln_test_find_action (fixture->document, "1.11");
  JlnRecord *with_items = jln_test_find_action (fixture->document, "1.2");
  JlnRecord *action = NULL;

  /* After an action: right after it, numbered after the highest. */
  jln_test_apply (fixture->document, jln_plan_edit_add_action (fixture->plan, after, &action));
  g_assert_cmpuint (position_of (action), ==, 4);
  g_assert_cmpstr (jln_action_get_number (JLN_ACTION (action)), ==, "1.12");
  g_assert_cmpstr (number_at (first, 3), ==, "1.4");
  g_assert_cmpstr (number_at (first, 5), ==, "1.5");

  /* After the last action: at the end, and the numbers go on. */
  jln_test_apply (fixture->document, jln_plan_edit_add_action (fixture->plan, last, &action));
  g_assert_cmpuint (position_of (action), ==, 12);
  g_assert_cmpstr (jln_action_get_number (JLN_ACTION (action)), ==, "1.13");

  /* From a sub-item: after its action. */
  jln_test_apply (fixture->document,
                  jln_plan_edit_add_action (fixture->plan, item_of (with_items, 2), &action));
  g_assert_cmpuint (position_of (action), ==, 2);
  g_assert_cmpstr (jln_action_get_number (JLN_ACTION (action)), ==, "1.14");

  /* From an objective: at its end. */
  jln_test_apply (fixture->document, jln_plan_edit_add_action (fixture->plan, first, &action));
  g_assert_cmpuint (position_of (action), ==, 14);
  g_assert_cmpstr (jln_action_get_number (JLN_ACTION (action)), ==, "1.15");

  /* From nothing: at the end of the last objective. */
  jln_test_apply (fixture->document, jln_plan_edit_add_action (fixture->plan, NULL, &action));
  g_assert_true (jln_record_get_parent (action) == last_objective);
  g_assert_cmpuint (position_of (action), ==, 5);
  g_assert_cmpstr (jln_action_get_number (JLN_ACTION (action)), ==, "A.6");

  assert_undo_restores (fixture, 5);
}

static void
test_add_action_numbers (Fixture       *fixture,
                         gconstpointer  data)
{
  JlnRecord *lettered = jln_test_find_objective (fixture->document, "I");
  JlnRecord *action = NULL;

  /* Numbers with letters count as many as there are actions. */
  jln_test_apply (fixture->document, jln_plan_edit_add_action (fixture->plan, lettered, &action));
  g_assert_cmpstr (jln_action_get_number (JLN_ACTION (action)), ==, "I.5");
  assert_undo_restores (fixture, 1);
}

static void
test_add_action_no_objective (void)
{
  g_autoptr(JlnPlan) plan = jln_plan_new ();
  JlnRecord *action = (JlnRecord *) 0x1;

  g_assert_null (jln_plan_edit_add_action (JLN_PLAN (plan), NULL, &action));
  g_assert_null (action);
}

static void
test_add_item (Fixture       *fixture,
               gconstpointer  data)
{
  JlnRecord *with_items = jln_test_find_action (fixture->document, "1.2");
  JlnRecord *without = jln_test_find_action (fixture->document, "1.4");
  JlnRecord *item = NULL;
  guint steps = 0;

  jln_test_apply (fixture->document, jln_plan_edit_add_item (with_items, &item));
  steps++;
  g_assert_cmpstr (jln_action_item_get_label (JLN_ACTION_ITEM (item)), ==, "e");
  g_assert_cmpuint (position_of (item), ==, 4);

  /* A removed letter is given again. */
  jln_test_apply (fixture->document, jln_plan_edit_delete (item_of (with_items, 1)));
  steps++;
  jln_test_apply (fixture->document, jln_plan_edit_add_item (with_items, &item));
  steps++;
  g_assert_cmpstr (jln_action_item_get_label (JLN_ACTION_ITEM (item)), ==, "b");
  g_assert_cmpuint (position_of (item), ==, 4);

  /* a to z, then aa. */
  for (guint i = 0; i < 26; i++, steps++)
    {
      g_autofree char *expected = g_strdup_printf ("%c", 'a' + i);

      jln_test_apply (fixture->document, jln_plan_edit_add_item (without, &item));
      g_assert_cmpstr (jln_action_item_get_label (JLN_ACTION_ITEM (item)), ==, expected);
    }
  jln_test_apply (fixture->document, jln_plan_edit_add_item (without, &item));
  steps++;
  g_assert_cmpstr (jln_action_item_get_label (JLN_ACTION_ITEM (item)), ==, "aa");
  g_assert_cmpuint (position_of (item), ==, 26);

  assert_undo_restores (fixture, steps);
}

static void
test_duplicate (Fixture       *fixture,
                gconstpointer  data)
{
  JlnRecord *action = jln_test_find_action (fixture->document, "1.4");
  JlnRecord *objective = jln_test_find_objective (fixture->document, "2");
  JlnRecord *with_items = jln_test_find_action (fixture->document, "1.2");
  JlnRecord *copy = NULL;

  jln_test_apply (fixture->document, jln_plan_edit_duplicate (fixture->plan, action, &copy));
  g_assert_true (copy != action);
  g_assert_cmpstr (jln_record_get_id (copy), !=, jln_record_get_id (action));
  g_assert_cmpuint (position_of (copy), ==, 4);
  g_assert_cmpstr (jln_action_get_number (JLN_ACTION (copy)), ==, "1.12");
  g_assert_cmpstr (jln_text_get (jln_action_get_title (JLN_ACTION (copy)), JLN_LANG_FR), ==,
                   jln_text_get (jln_action_get_title (JLN_ACTION (action)), JLN_LANG_FR));

  jln_test_apply (fixture->document, jln_plan_edit_duplicate (fixture->plan, objective, &copy));
  g_assert_cmpuint (position_of (copy), ==, 2);
  g_assert_cmpstr (jln_objective_get_number (JLN_OBJECTIVE (copy)), ==, "14");
  g_assert_cmpuint (g_list_model_get_n_items (jln_objective_get_actions (JLN_OBJECTIVE (copy))), ==,
                    11);

  /* A sub-item's copy comes right after it, with its label. */
  jln_test_apply (fixture->document,
                  jln_plan_edit_duplicate (fixture->plan, item_of (with_items, 1), &copy));
  g_assert_cmpuint (position_of (copy), ==, 2);
  g_assert_true (jln_record_get_parent (copy) == with_items);
  g_assert_cmpstr (jln_action_item_get_label (JLN_ACTION_ITEM (copy)), ==, "b");
  g_assert_cmpuint (g_list_model_get_n_items (jln_action_get_items (JLN_ACTION (with_items))),
                    ==, 5);

  assert_undo_restores (fixture, 3);
}

static void
test_delete_move (Fixture       *fixture,
                  gconstpointer  data)
{
  JlnRecord *first = jln_test_find_objective (fixture->document, "1");
  JlnRecord *action = jln_test_find_action (fixture->document, "1.4");
  JlnRecord *with_items = jln_test_find_action (fixture->document, "1.2");
  JlnRecord *last = jln_test_find_action (fixture->document, "1.11");
  g_autoptr(JlnRecord) first_item = g_object_ref (item_of (with_items, 0));

  jln_test_apply (fixture->document, jln_plan_edit_move_by (action, -1));
  g_assert_cmpuint (position_of (action), ==, 2);
  g_assert_cmpstr (number_at (first, 3), ==, "1.3");
  jln_test_apply (fixture->document, jln_plan_edit_move_by (first_item, 1));
  g_assert_cmpuint (position_of (first_item), ==, 1);
  g_assert_cmpstr (jln_action_item_get_label (JLN_ACTION_ITEM (item_of (with_items, 0))), ==, "b");

  /* Nowhere to go. */
  g_assert_null (jln_plan_edit_move_by (jln_test_find_action (fixture->document, "1.1"), -1));
  g_assert_null (jln_plan_edit_move_by (last, 1));

  jln_test_apply (fixture->document, jln_plan_edit_delete (with_items));
  g_assert_null (jln_test_find_action (fixture->document, "1.2"));
  g_assert_cmpuint (g_list_model_get_n_items (jln_objective_get_actions (JLN_OBJECTIVE (first))),
                    ==, 10);

  assert_undo_restores (fixture, 3);
  g_assert_nonnull (jln_test_find_action (fixture->document, "1.2"));
}

static void
test_status (Fixture       *fixture,
             gconstpointer  data)
{
  JlnSemester today = jln_semester_new (2023, 2);
  JlnRecord *action = NULL;
  JlnRecord *item = NULL;
  g_autofree char *completion = NULL;
  g_autofree char *before_done = NULL;
  guint steps = 0;

  jln_test_apply (fixture->document, jln_plan_edit_add_action (fixture->plan, NULL, &action));
  steps++;
  completion = jln_plan_field_dup_value (action, JLN_PLAN_FIELD_COMPLETION, -1);
  g_assert_true (completion == NULL || completion[0] == '\0');
  g_clear_pointer (&completion, g_free);
  before_done = export_json (fixture->plan);

  /* Done, with no completion: today's semester is proposed, in one step. */
  jln_test_apply (fixture->document, jln_plan_edit_set_status (action, JLN_STATUS_DONE, today));
  g_assert_cmpint (jln_action_get_status (JLN_ACTION (action)), ==, JLN_STATUS_DONE);
  completion = jln_plan_field_dup_value (action, JLN_PLAN_FIELD_COMPLETION, -1);
  g_assert_cmpstr (completion, ==, "2023-S2");
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *undone = NULL;

    g_assert_true (jln_document_undo (fixture->document, &error));
    undone = export_json (fixture->plan);
    g_assert_cmpstr (undone, ==, before_done);
    g_assert_true (jln_document_redo (fixture->document, &error));
    g_assert_no_error (error);
  }
  steps++;

  /* Reopened: the completion stays as it was; done again, it is kept. */
  jln_test_apply (fixture->document,
                  jln_plan_edit_set_status (action, JLN_STATUS_IN_PROGRESS, today));
  steps++;
  g_clear_pointer (&completion, g_free);
  completion = jln_plan_field_dup_value (action, JLN_PLAN_FIELD_COMPLETION, -1);
  g_assert_cmpstr (completion, ==, "2023-S2");
  jln_test_apply (fixture->document,
                  jln_plan_edit_set_status (action, JLN_STATUS_DONE_NEW,
                                            jln_semester_new (2024, 1)));
  steps++;
  g_clear_pointer (&completion, g_free);
  completion = jln_plan_field_dup_value (action, JLN_PLAN_FIELD_COMPLETION, -1);
  g_assert_cmpstr (completion, ==, "2023-S2");

  /* A sub-item too. */
  jln_test_apply (fixture->document, jln_plan_edit_add_item (action, &item));
  steps++;
  jln_test_apply (fixture->document, jln_plan_edit_set_status (item, JLN_STATUS_DONE_NEW, today));
  steps++;
  g_assert_cmpint (jln_action_item_get_status (JLN_ACTION_ITEM (item)), ==, JLN_STATUS_DONE_NEW);
  g_clear_pointer (&completion, g_free);
  completion = jln_plan_field_dup_value (item, JLN_PLAN_FIELD_COMPLETION, -1);
  g_assert_cmpstr (completion, ==, "2023-S2");

  assert_undo_restores (fixture, steps);
}

static void
test_fields (Fixture       *fixture,
             gconstpointer  data)
{
  JlnRecord *action = jln_test_find_action (fixture->document, "1.4");
  GListModel *units = jln_plan_get_units (fixture->plan);
  g_autoptr(GPtrArray) chosen = g_ptr_array_new_with_free_func (g_object_unref);
  const char *references[] = { "4.9", "4.10", NULL };
  g_autoptr(JlnEdit) unchanged = jln_edit_new_group ("unchanged");
  JlnRecord *unit = NULL;
  GPtrArray *refs;
  guint steps = 0;

  jln_test_apply (fixture->document,
                  jln_plan_edit_set_text (action, JLN_PLAN_FIELD_TITLE, JLN_LANG_EN, "Software"));
  steps++;
  g_assert_cmpstr (jln_text_get (jln_action_get_title (JLN_ACTION (action)), JLN_LANG_EN), ==,
                   "Software");
  jln_test_apply (fixture->document,
                  jln_plan_edit_set_semester (action, JLN_PLAN_FIELD_DUE,
                                              jln_semester_new (2024, 1)));
  steps++;
  g_assert_cmpuint (jln_action_get_due (JLN_ACTION (action)), ==, jln_semester_new (2024, 1));
  jln_test_apply (fixture->document,
                  jln_plan_edit_set_enum (action, JLN_PLAN_FIELD_RECURRENCE,
                                          JLN_RECURRENCE_YEARLY));
  steps++;
  g_assert_cmpint (jln_action_get_recurrence (JLN_ACTION (action)), ==, JLN_RECURRENCE_YEARLY);
  jln_test_apply (fixture->document,
                  jln_plan_edit_set_strv (action, JLN_PLAN_FIELD_REFERENCES, references));
  steps++;
  g_assert_cmpstrv (jln_action_get_references (JLN_ACTION (action)), references);

  g_ptr_array_add (chosen, g_list_model_get_item (units, 1));
  g_ptr_array_add (chosen, g_list_model_get_item (units, 0));
  jln_test_apply (fixture->document, jln_plan_edit_set_refs (action, JLN_PLAN_FIELD_UNITS, chosen));
  steps++;
  refs = jln_action_get_units (JLN_ACTION (action));
  g_assert_cmpuint (refs->len, ==, 2);
  g_assert_true (g_ptr_array_index (refs, 0) == g_ptr_array_index (chosen, 1) ||
                 g_ptr_array_index (refs, 0) == g_ptr_array_index (chosen, 0));

  jln_test_apply (fixture->document,
                  jln_plan_edit_add_unit_chosen (fixture->plan, action, "NEWU", &unit));
  steps++;
  refs = jln_action_get_units (JLN_ACTION (action));
  g_assert_cmpuint (refs->len, ==, 3);
  g_assert_true (g_ptr_array_index (refs, 2) == unit);

  /* What is already so is not changed again. */
  jln_plan_edit_group_set_changed (unchanged, action, JLN_PLAN_FIELD_TITLE, JLN_LANG_EN,
                                   "Software");
  jln_plan_edit_group_set_changed (unchanged, action, JLN_PLAN_FIELD_NUMBER, -1, "1.4");
  g_assert_false (jln_document_can_redo (fixture->document));
  jln_test_apply (fixture->document, jln_edit_ref (unchanged));
  jln_plan_edit_group_set_changed (unchanged, action, JLN_PLAN_FIELD_NUMBER, -1, "1.40");

  assert_undo_restores (fixture, steps + 1);
}

static void
test_indicators (Fixture       *fixture,
                 gconstpointer  data)
{
  GListModel *indicators = jln_plan_get_indicators (fixture->plan);
  g_autoptr(JlnRecord) indicator = g_list_model_get_item (indicators, 0);
  guint n_indicators = g_list_model_get_n_items (jln_plan_get_indicators (fixture->plan));
  guint n_targets = g_list_model_get_n_items (jln_record_get_children (JLN_RECORD (indicator),
                                                                       JLN_KIND_TARGET));
  guint n_measurements = g_list_model_get_n_items (jln_record_get_children (JLN_RECORD (indicator),
                                                                            JLN_KIND_MEASUREMENT));
  JlnEdit *group = jln_edit_new_group ("Add");
  JlnRecord *target, *measurement, *created;
  g_autofree char *year = NULL;
  g_autofree char *date = NULL;
  g_autofree char *value = NULL;

  target = jln_plan_edit_group_add_target (group, fixture->plan, JLN_RECORD (indicator));
  jln_plan_edit_group_set_changed (group, target, JLN_PLAN_FIELD_VALUE, -1, "30");
  measurement = jln_plan_edit_group_add_measurement (group, fixture->plan, JLN_RECORD (indicator));
  jln_plan_edit_group_set_changed (group, measurement, JLN_PLAN_FIELD_DATE, -1, "2022-12-31");
  jln_plan_edit_group_set_changed (group, measurement, JLN_PLAN_FIELD_NOTE, JLN_LANG_FR, "relevé");
  created = jln_plan_edit_group_add_indicator (group, fixture->plan);
  jln_test_apply (fixture->document, group);

  g_assert_cmpuint (position_of (target), ==, n_targets);
  g_assert_cmpuint (position_of (measurement), ==, n_measurements);
  g_assert_cmpuint (position_of (created), ==, n_indicators);
  /* The plan starts in 2021: a new target is for that year. */
  year = jln_plan_field_dup_value (target, JLN_PLAN_FIELD_YEAR, -1);
  g_assert_cmpstr (year, ==, "2021");
  value = jln_plan_field_dup_value (target, JLN_PLAN_FIELD_VALUE, -1);
  g_assert_cmpstr (value, ==, "30");
  date = jln_plan_field_dup_value (measurement, JLN_PLAN_FIELD_DATE, -1);
  g_assert_cmpstr (date, ==, "2022-12-31");

  jln_test_apply (fixture->document, jln_plan_edit_delete (measurement));
  assert_undo_restores (fixture, 2);
}

static void
test_units_milestones (Fixture       *fixture,
                       gconstpointer  data)
{
  GListModel *units = jln_plan_get_units (fixture->plan);
  GListModel *milestones = jln_plan_get_milestones (fixture->plan);
  guint n_units = g_list_model_get_n_items (units);
  guint n_milestones = g_list_model_get_n_items (milestones);
  JlnEdit *group = jln_edit_new_group ("Plan");
  JlnRecord *first, *second, *milestone;

  /* Several added in one step keep the order they were added in. */
  first = jln_plan_edit_group_add_unit (group, fixture->plan, "U1");
  second = jln_plan_edit_group_add_unit (group, fixture->plan, "U2");
  milestone = jln_plan_edit_group_add_milestone (group, fixture->plan);
  jln_plan_edit_group_set_changed (group, milestone, JLN_PLAN_FIELD_DATE, -1, "2024-03");
  jln_plan_edit_group_set_changed (group, milestone, JLN_PLAN_FIELD_TITLE, JLN_LANG_EN, "Renewal");
  jln_plan_edit_group_set_changed (group, JLN_RECORD (fixture->plan), JLN_PLAN_FIELD_END, -1,
                                   "2025-S2");
  jln_test_apply (fixture->document, group);

  g_assert_cmpuint (position_of (first), ==, n_units);
  g_assert_cmpuint (position_of (second), ==, n_units + 1);
  g_assert_cmpuint (position_of (milestone), ==, n_milestones);
  g_assert_cmpuint (jln_plan_get_end (fixture->plan), ==, jln_semester_new (2025, 2));
  assert_undo_restores (fixture, 1);
}

static void
test_review (Fixture       *fixture,
             gconstpointer  data)
{
  JlnRecord *action = jln_test_find_action (fixture->document, "1.4");
  GListModel *notes = jln_record_get_notes (action);
  GListModel *sections = jln_record_get_children (JLN_RECORD (fixture->plan), JLN_KIND_SECTION);
  guint n_notes = g_list_model_get_n_items (notes);
  guint n_sections = g_list_model_get_n_items (sections);
  JlnRecord *note = NULL;
  JlnRecord *section = NULL;
  g_autofree char *author = NULL;

  jln_test_apply (fixture->document,
                  jln_plan_edit_add_note (action, "2023-03-01", JLN_LANG_EN, "Tender sent", "",
                                          &note));
  g_assert_cmpuint (g_list_model_get_n_items (notes), ==, n_notes + 1);
  g_assert_cmpuint (position_of (note), ==, n_notes);
  g_assert_cmpstr (jln_text_get (jln_note_get_text (note), JLN_LANG_EN), ==, "Tender sent");
  author = jln_plan_field_dup_value (note, JLN_PLAN_FIELD_AUTHOR, -1);
  g_assert_true (author == NULL || author[0] == '\0');
  jln_test_apply (fixture->document,
                  jln_plan_edit_set_text (note, JLN_PLAN_FIELD_TEXT, JLN_LANG_EN, "Tender signed"));
  g_assert_cmpstr (jln_text_get (jln_note_get_text (note), JLN_LANG_EN), ==, "Tender signed");

  jln_test_apply (fixture->document,
                  jln_plan_edit_add_section (fixture->plan, JLN_LANG_FR, "Bilan", &section));
  g_assert_cmpuint (position_of (section), ==, n_sections);
  jln_test_apply (fixture->document,
                  jln_plan_edit_set_text (section, JLN_PLAN_FIELD_BODY, JLN_LANG_FR, "Texte"));
  jln_test_apply (fixture->document, jln_plan_edit_move_by (section, -1));
  g_assert_cmpuint (position_of (section), ==, n_sections - 1);
  g_assert_null (jln_plan_edit_move_by (section, 2));
  jln_test_apply (fixture->document, jln_plan_edit_delete (note));

  assert_undo_restores (fixture, 6);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/core/plan-edits/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("add-objective", test_add_objective);
  ADD ("add-action", test_add_action);
  ADD ("add-action-numbers", test_add_action_numbers);
  g_test_add_func ("/core/plan-edits/add-action-no-objective", test_add_action_no_objective);
  ADD ("add-item", test_add_item);
  ADD ("duplicate", test_duplicate);
  ADD ("delete-move", test_delete_move);
  ADD ("status", test_status);
  ADD ("fields", test_fields);
  ADD ("indicators", test_indicators);
  ADD ("units-milestones", test_units_milestones);
  ADD ("review", test_review);
#undef ADD

  return g_test_run ();
}
