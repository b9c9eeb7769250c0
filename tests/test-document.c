/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <sqlite3.h>
#include <string.h>
#include <time.h>
#include <utime.h>
#include <glib/gstdio.h>

#include "jln-action.h"
#include "jln-action-item.h"
#include "jln-document.h"
#include "jln-json.h"
#include "jln-objective.h"
#include "jln-plan.h"
#include "jln-plan-edits.h"
#include "jln-record-private.h"

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
  fixture->document = jln_test_import_plan (JLN_TEST_BUNDLED_PLAN, "jalons-test-XXXXXX",
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
find_unit (JlnDocument *document,
           const char  *code)
{
  return jln_test_find_record (jln_plan_get_units (jln_document_get_plan (document)), "code", code);
}

static char *
export_json (JlnPlan *plan)
{
  g_autoptr(GBytes) bytes = jln_json_write_plan (plan);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* What the file holds, read back by a new document. */
static char *
reopen_and_export (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JlnDocument) document = jln_document_open (path, &error);

  g_assert_no_error (error);
  return export_json (jln_document_get_plan (document));
}

static gint64
sql_int (const char *path,
         const char *sql)
{
  sqlite3 *db;
  sqlite3_stmt *stmt;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static void
sql_exec (const char *path,
          const char *sql)
{
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
test_create (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *in_memory = export_json (jln_document_get_plan (fixture->document));
  g_autofree char *on_disk = reopen_and_export (fixture->path);

  g_assert_cmpint (sql_int (fixture->path, "PRAGMA user_version"), ==, JLN_STORE_SCHEMA_VERSION);
  g_assert_cmpint (sql_int (fixture->path, "PRAGMA application_id"), ==, JLN_STORE_APPLICATION_ID);
  g_assert_cmpint (sql_int (fixture->path, "SELECT count(*) FROM actions"), ==, 112);
  g_assert_cmpint (sql_int (fixture->path, "SELECT count(*) FROM history WHERE op = 'create'"), ==, 1);
  g_assert_cmpstr (in_memory, ==, on_disk);
}

static void
assert_last_history (const char *path,
                     const char *op,
                     const char *field,
                     const char *old_value,
                     const char *new_value)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JlnStore) store = jln_store_open (path, &error);
  g_autoptr(GPtrArray) rows = NULL;
  JlnHistoryRow *row;

  g_assert_no_error (error);
  rows = jln_store_get_history (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, >, 0);
  row = g_ptr_array_index (rows, rows->len - 1);
  g_assert_cmpstr (row->op, ==, op);
  g_assert_cmpstr (row->field, ==, field);
  if (old_value != NULL)
    g_assert_cmpstr (row->old_value, ==, old_value);
  if (new_value != NULL)
    g_assert_cmpstr (row->new_value, ==, new_value);
  g_assert_nonnull (row->time);
}

static void
test_set_and_history (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  JlnRecord *action = jln_test_find_action (fixture->document, "1.4");
  g_autoptr(JlnEdit) edit = jln_edit_new_set (action, "due", "1st sem. 2023");
  g_autoptr(JlnEdit) edit_units = NULL;
  g_autofree char *units = NULL;

  g_assert_true (jln_document_apply (fixture->document, edit, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (jln_action_get_due (JLN_ACTION (action)), ==, jln_semester_new (2023, 1));
  assert_last_history (fixture->path, "set", "due", "2022-S2", "2023-S1");
  g_assert_cmpint (sql_int (fixture->path, "SELECT due_semester FROM actions WHERE number = '1.4'"),
                   ==, jln_semester_new (2023, 1));

  /* References are written as a list of ids. */
  units = g_strdup_printf ("[\"%s\",\"%s\"]",
                           jln_record_get_id (find_unit (fixture->document, "DISC")),
                           jln_record_get_id (find_unit (fixture->document, "RH")));
  edit_units = jln_edit_new_set (action, "units", units);
  g_assert_true (jln_document_apply (fixture->document, edit_units, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (jln_action_get_units (JLN_ACTION (action))->len, ==, 2);
  assert_last_history (fixture->path, "set", "units", NULL, units);
  g_assert_cmpint (sql_int (fixture->path,
                            "SELECT count(*) FROM actions_units JOIN actions ON actions.id = owner"
                            " WHERE number = '1.4'"), ==, 2);
}

static void
notify_cb (GObject    *object,
           GParamSpec *pspec,
           guint      *count)
{
  (*count)++;
}

static void
test_invalid_edit (Fixture       *fixture,
                   gconstpointer  data)
{
  JlnRecord *action = jln_test_find_action (fixture->document, "1.4");
  g_autofree char *before = export_json (jln_document_get_plan (fixture->document));
  gint64 history_before = sql_int (fixture->path, "SELECT count(*) FROM history");
  const struct { const char *field; const char *value; } bad[] = {
    { "due", "2022-S3" },
    { "status", "finished" },
    { "completion", "2020-2019" },
    { "number", "" },
    { "units", "[\"00000000-0000-4000-8000-000000000000\"]" },
    { "no-such-field", "x" },
    { "title-fr", "\xff\xfe" },
  };
  guint notified = 0;

  g_signal_connect (action, "notify", G_CALLBACK (notify_cb), &notified);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JlnEdit) edit = jln_edit_new_set (action, bad[i].field, bad[i].value);

      g_assert_false (jln_document_apply (fixture->document, edit, &error));
      g_assert_error (error, JLN_ERROR, error->code);
      g_assert_nonnull (error->message);
    }
  g_signal_handlers_disconnect_by_func (action, notify_cb, &notified);

  {
    g_autofree char *after = export_json (jln_document_get_plan (fixture->document));
    g_autofree char *on_disk = reopen_and_export (fixture->path);

    g_assert_cmpstr (before, ==, after);
    g_assert_cmpstr (before, ==, on_disk);
  }
  g_assert_cmpuint (notified, ==, 0);
  g_assert_cmpint (sql_int (fixture->path, "SELECT count(*) FROM history"), ==, history_before);
  g_assert_false (jln_document_can_undo (fixture->document));
}

static void
test_undo_redo_remove (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = export_json (jln_document_get_plan (fixture->document));
  g_autofree char *after_remove = NULL;
  JlnRecord *action = jln_test_find_action (fixture->document, "1.8");
  JlnRecord *objective = jln_record_get_parent (action);
  g_autofree char *id = g_strdup (jln_record_get_id (action));
  g_autoptr(JlnEdit) edit = jln_edit_new_remove (action);
  guint n_actions = g_list_model_get_n_items (jln_objective_get_actions (JLN_OBJECTIVE (objective)));

  g_assert_true (jln_document_apply (fixture->document, edit, &error));
  g_assert_no_error (error);
  g_assert_null (jln_test_find_action (fixture->document, "1.8"));
  g_assert_null (jln_plan_lookup (jln_document_get_plan (fixture->document), id));
  g_assert_cmpuint (g_list_model_get_n_items (jln_objective_get_actions (JLN_OBJECTIVE (objective))),
                    ==, n_actions - 1);
  assert_last_history (fixture->path, "remove", NULL, NULL, NULL);
  g_assert_cmpint (sql_int (fixture->path, "SELECT count(*) FROM items WHERE label = 'a'"
                                           " AND parent NOT IN (SELECT id FROM actions)"), ==, 0);
  after_remove = reopen_and_export (fixture->path);
  g_assert_null (strstr (after_remove, id));

  /* Undo puts it back where it was, with its sub-items and id. */
  g_assert_true (jln_document_can_undo (fixture->document));
  g_assert_true (jln_document_undo (fixture->document, &error));
  g_assert_no_error (error);
  action = jln_test_find_action (fixture->document, "1.8");
  g_assert_nonnull (action);
  g_assert_cmpstr (jln_record_get_id (action), ==, id);
  g_assert_cmpuint (g_list_model_get_n_items (jln_action_get_items (JLN_ACTION (action))), ==, 2);
  {
    g_autofree char *restored = export_json (jln_document_get_plan (fixture->document));
    g_autofree char *on_disk = reopen_and_export (fixture->path);

    g_assert_cmpstr (restored, ==, before);
    g_assert_cmpstr (on_disk, ==, before);
  }

  /* Redo removes it again. */
  g_assert_true (jln_document_can_redo (fixture->document));
  g_assert_true (jln_document_redo (fixture->document, &error));
  g_assert_no_error (error);
  g_assert_null (jln_test_find_action (fixture->document, "1.8"));
  g_assert_false (jln_document_can_redo (fixture->document));
}

static gboolean
has_rare_texts (JlnAction *action)
{
  return !jln_text_is_empty (jln_action_get_theme (action)) ||
         !jln_text_is_empty (jln_action_get_description (action)) ||
         !jln_text_is_empty (jln_action_get_extension (action)) ||
         !jln_text_is_empty (jln_action_get_note (action)) ||
         !jln_text_is_empty (jln_action_get_actors (action)) ||
         !jln_text_is_empty (jln_action_get_follow_up (action)) ||
         !jln_text_is_empty (jln_action_get_schedule (action)) ||
         jln_action_get_references (action) != NULL;
}

/* The texts most actions leave empty (theme, schedule, references…) are
 * set, undone and read back from the file like any other, on an action
 * that had none of them, without touching the other actions. */
static void
test_rare_texts (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  JlnPlan *plan = jln_document_get_plan (fixture->document);
  GListModel *objectives = jln_plan_get_objectives (plan);
  g_autofree char *before = export_json (plan);
  g_autofree char *after = NULL;
  g_autofree char *reread = NULL;
  JlnAction *bare[2] = { NULL, NULL };
  g_autoptr(JlnEdit) group = jln_edit_new_group ("Rare texts");
  char *value = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (objectives) && bare[1] == NULL; i++)
    {
      g_autoptr(JlnObjective) objective = g_list_model_get_item (objectives, i);
      GListModel *actions = jln_objective_get_actions (objective);

      for (guint j = 0; j < g_list_model_get_n_items (actions) && bare[1] == NULL; j++)
        {
          g_autoptr(JlnAction) action = g_list_model_get_item (actions, j);

          if (!has_rare_texts (action))
            bare[bare[0] == NULL ? 0 : 1] = action;
        }
    }
  g_assert_nonnull (bare[1]);
  g_object_get (bare[0], "schedule-en", &value, NULL);
  g_assert_null (value);

  jln_edit_group_add (group, jln_edit_new_set (JLN_RECORD (bare[0]), "schedule-en", "Every spring"));
  jln_edit_group_add (group, jln_edit_new_set (JLN_RECORD (bare[0]), "theme-fr", "Carrières"));
  g_assert_true (jln_document_apply (fixture->document, group, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (jln_action_get_schedule (bare[0])->en, ==, "Every spring");
  g_assert_null (jln_action_get_schedule (bare[0])->fr);
  g_assert_cmpstr (jln_action_get_theme (bare[0])->fr, ==, "Carrières");
  g_object_get (bare[0], "schedule-en", &value, NULL);
  g_assert_cmpstr (value, ==, "Every spring");
  g_free (value);
  g_assert_false (has_rare_texts (bare[1]));

  after = export_json (plan);
  g_assert_nonnull (strstr (after, "Every spring"));
  reread = reopen_and_export (fixture->path);
  g_assert_cmpstr (reread, ==, after);
  g_clear_pointer (&reread, g_free);

  g_assert_true (jln_document_undo (fixture->document, &error));
  g_assert_no_error (error);
  g_assert_false (has_rare_texts (bare[0]));
  g_clear_pointer (&after, g_free);
  after = export_json (plan);
  g_assert_cmpstr (after, ==, before);
  reread = reopen_and_export (fixture->path);
  g_assert_cmpstr (reread, ==, before);
}

/* Numbers of actions and letters of sub-items of every length, each side
 * of the length kept inside the record, are read back, written to the
 * file and to JSON as they were set, and undone. */
static void
test_short_strings (Fixture       *fixture,
                    gconstpointer  data)
{
  const char *values[] = {
    "123456789012345",
    "1234567890123456",
    "3.4 bis, revised in the spring of 2024",
    "9",
    "12.345",
  };
  g_autoptr(GError) error = NULL;
  JlnPlan *plan = jln_document_get_plan (fixture->document);
  JlnRecord *action = jln_test_find_action (fixture->document, "3.4");
  g_autofree char *before = export_json (plan);
  g_autoptr(JlnEdit) add = NULL;
  g_autoptr(JlnActionItem) item = NULL;
  g_autofree char *label = NULL;

  g_assert_nonnull (action);
  add = jln_plan_edit_add_item (action, NULL);
  g_assert_true (jln_document_apply (fixture->document, add, &error));
  g_assert_no_error (error);
  item = g_list_model_get_item (jln_action_get_items (JLN_ACTION (action)), 0);
  label = g_strdup (jln_action_item_get_label (item));
  g_assert_nonnull (label);
  g_clear_pointer (&before, g_free);
  before = export_json (plan);

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autoptr(JlnEdit) group = jln_edit_new_group ("Numbers");
      g_autofree char *number = NULL;
      g_autofree char *letter = NULL;
      g_autofree char *after = NULL;
      g_autofree char *reread = NULL;

      jln_edit_group_add (group, jln_edit_new_set (action, "number", values[i]));
      jln_edit_group_add (group, jln_edit_new_set (JLN_RECORD (item), "label", values[i]));
      g_assert_true (jln_document_apply (fixture->document, group, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (jln_action_get_number (JLN_ACTION (action)), ==, values[i]);
      g_assert_cmpstr (jln_action_item_get_label (item), ==, values[i]);
      g_object_get (action, "number", &number, NULL);
      g_object_get (item, "label", &letter, NULL);
      g_assert_cmpstr (number, ==, values[i]);
      g_assert_cmpstr (letter, ==, values[i]);
      g_assert_true (jln_test_find_action (fixture->document, values[i]) == action);

      after = export_json (plan);
      g_assert_nonnull (strstr (after, values[i]));
      reread = reopen_and_export (fixture->path);
      g_assert_cmpstr (reread, ==, after);
    }

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_assert_true (jln_document_undo (fixture->document, &error));
      g_assert_no_error (error);
    }
  g_assert_cmpstr (jln_action_get_number (JLN_ACTION (action)), ==, "3.4");
  g_assert_cmpstr (jln_action_item_get_label (item), ==, label);
  {
    g_autofree char *after = export_json (plan);
    g_autofree char *reread = reopen_and_export (fixture->path);

    g_assert_cmpstr (after, ==, before);
    g_assert_cmpstr (reread, ==, before);
  }
}

static void
test_undo_set (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  JlnRecord *action = jln_test_find_action (fixture->document, "3.4");
  const char *original = jln_action_get_title (JLN_ACTION (action))->fr;
  g_autofree char *saved = g_strdup (original);
  g_autoptr(JlnEdit) edit = jln_edit_new_set (action, "title-fr", "Crèches <b>& %s</b>");

  g_assert_true (jln_document_apply (fixture->document, edit, &error));
  g_assert_cmpstr (jln_action_get_title (JLN_ACTION (action))->fr, ==, "Crèches <b>& %s</b>");
  assert_last_history (fixture->path, "set", "title-fr", saved, "Crèches <b>& %s</b>");

  g_assert_true (jln_document_undo (fixture->document, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (jln_action_get_title (JLN_ACTION (action))->fr, ==, saved);
  assert_last_history (fixture->path, "set", "title-fr", "Crèches <b>& %s</b>", saved);

  g_assert_true (jln_document_redo (fixture->document, &error));
  g_assert_cmpstr (jln_action_get_title (JLN_ACTION (action))->fr, ==, "Crèches <b>& %s</b>");
}

static void
test_insert_move_group (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  JlnRecord *objective = jln_record_get_parent (jln_test_find_action (fixture->document, "6.1"));
  GListModel *actions = jln_objective_get_actions (JLN_OBJECTIVE (objective));
  g_autoptr(JlnRecord) action = _jln_record_new (JLN_KIND_ACTION, NULL);
  g_autoptr(JlnEdit) group = jln_edit_new_group ("add 6.5");
  g_autoptr(JlnEdit) move = NULL;
  JlnFieldRef ref;

  g_assert_true (_jln_kind_find_field (_jln_kind_info (JLN_KIND_ACTION), "number", &ref));
  g_assert_true (_jln_record_field_from_string (action, &ref, "6.5", NULL, NULL, FALSE, NULL));

  jln_edit_group_add (group, jln_edit_new_insert (objective, action, 4));
  jln_edit_group_add (group, jln_edit_new_set (action, "title-en", "Open science training"));
  jln_edit_group_add (group, jln_edit_new_set (action, "due", "2024-S1"));
  g_assert_true (jln_document_apply (fixture->document, group, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (actions), ==, 5);
  g_assert_cmpint (sql_int (fixture->path, "SELECT count(DISTINCT batch) FROM history"
                                           " WHERE batch = (SELECT max(batch) FROM history)"), ==, 1);
  g_assert_cmpint (sql_int (fixture->path, "SELECT count(*) FROM history"
                                           " WHERE batch = (SELECT max(batch) FROM history)"), ==, 3);
  assert_last_history (fixture->path, "set", "due", "", "2024-S1");

  move = jln_edit_new_move (action, 0);
  g_assert_true (jln_document_apply (fixture->document, move, &error));
  g_assert_no_error (error);
  {
    g_autoptr(JlnAction) first = g_list_model_get_item (actions, 0);

    g_assert_true (JLN_RECORD (first) == action);
  }
  assert_last_history (fixture->path, "move", "position", "4", "0");
  g_assert_cmpint (sql_int (fixture->path, "SELECT position FROM actions WHERE number = '6.5'"), ==, 0);
  g_assert_cmpint (sql_int (fixture->path, "SELECT position FROM actions WHERE number = '6.4'"), ==, 4);

  /* One undo takes back the move, the next the whole group. */
  g_assert_true (jln_document_undo (fixture->document, &error));
  g_assert_true (jln_document_undo (fixture->document, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (actions), ==, 4);
  g_assert_cmpint (sql_int (fixture->path, "SELECT count(*) FROM actions WHERE number = '6.5'"), ==, 0);
}

typedef struct
{
  guint position, removed, added;
} Change;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  GArray     *changes)
{
  Change change = { position, removed, added };

  g_array_append_val (changes, change);
}

static void
assert_changes (GArray *changes,
                ...)
{
  va_list args;
  guint n = 0;

  va_start (args, changes);
  for (int position = va_arg (args, int); position >= 0; position = va_arg (args, int), n++)
    {
      guint removed = va_arg (args, guint), added = va_arg (args, guint);

      g_assert_cmpuint (n, <, changes->len);
      g_assert_cmpuint (g_array_index (changes, Change, n).position, ==, position);
      g_assert_cmpuint (g_array_index (changes, Change, n).removed, ==, removed);
      g_assert_cmpuint (g_array_index (changes, Change, n).added, ==, added);
    }
  va_end (args);
  g_assert_cmpuint (changes->len, ==, n);
  g_array_set_size (changes, 0);
}

static void
record_made_cb (JlnPlan   *plan,
                JlnRecord *record,
                GPtrArray *made)
{
  g_ptr_array_add (made, record);
}

/* An action that never had sub-items has no list of them: the plan says
 * when it makes one, once, before the first sub-item is put in, so that
 * a view watching only the lists that exist can watch the new one. */
typedef struct
{
  JlnRecord  *record;
  GListModel *store;
  GArray     *changes;
} Told;

static void
plan_children_changed_cb (JlnPlan    *plan,
                          JlnRecord  *record,
                          GListModel *store,
                          guint       position,
                          guint       removed,
                          guint       added,
                          Told       *told)
{
  Change change = { position, removed, added };

  told->record = record;
  told->store = store;
  g_array_append_val (told->changes, change);
}

/* The plan tells every change of a list of children, after the list:
 * the objectives, an objective's actions, an action's sub-items made or
 * emptied, and nothing once the action has left the plan. */
static void
test_children_changed (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (Change));
  Told told = { NULL, NULL, changes };
  JlnPlan *plan = jln_document_get_plan (fixture->document);
  JlnRecord *action = jln_test_find_action (fixture->document, "6.1");
  JlnRecord *objective = jln_record_get_parent (action);
  g_autoptr(JlnRecord) added = jln_record_new (JLN_KIND_ACTION, "number", "6.9", NULL);
  g_autoptr(JlnRecord) item = jln_record_new (JLN_KIND_ITEM, "label", "a", "title-en", "First", NULL);
  g_autoptr(JlnEdit) insert_action = jln_edit_new_insert (objective, added, 0);
  g_autoptr(JlnEdit) insert_item = jln_edit_new_insert (added, item, 0);
  g_autoptr(JlnEdit) remove_action = NULL;
  JlnRecord *new_objective = NULL;
  g_autoptr(JlnEdit) add_objective = jln_plan_edit_add_objective (plan, &new_objective);

  g_signal_connect (plan, "children-changed", G_CALLBACK (plan_children_changed_cb), &told);

  g_assert_true (jln_document_apply (fixture->document, insert_action, &error));
  g_assert_no_error (error);
  g_assert_true (told.record == objective);
  g_assert_true (told.store == jln_objective_get_actions (JLN_OBJECTIVE (objective)));
  assert_changes (changes, 0, 0, 1, -1);

  g_array_set_size (changes, 0);
  g_assert_true (jln_document_apply (fixture->document, insert_item, &error));
  g_assert_no_error (error);
  g_assert_true (told.record == added);
  g_assert_true (told.store == jln_action_peek_items (JLN_ACTION (added)));
  assert_changes (changes, 0, 0, 1, -1);

  g_array_set_size (changes, 0);
  g_assert_true (jln_document_undo (fixture->document, &error));
  g_assert_no_error (error);
  g_assert_true (told.record == added);
  assert_changes (changes, 0, 1, 0, -1);

  g_array_set_size (changes, 0);
  g_assert_true (jln_document_apply (fixture->document, add_objective, &error));
  g_assert_no_error (error);
  g_assert_true (told.record == JLN_RECORD (plan));
  g_assert_true (told.store == jln_plan_get_objectives (plan));
  g_assert_cmpuint (changes->len, ==, 1);

  /* Out of the plan, its list of sub-items no longer concerns the plan. */
  remove_action = jln_edit_new_remove (added);
  g_assert_true (jln_document_apply (fixture->document, remove_action, &error));
  g_assert_no_error (error);
  g_array_set_size (changes, 0);
  {
    g_autoptr(JlnRecord) other = jln_record_new (JLN_KIND_ITEM, "label", "b", NULL);

    _jln_children_insert (_jln_record_get_store (added, JLN_KIND_ITEM), 0, other);
  }
  g_assert_cmpuint (changes->len, ==, 0);

  g_signal_handlers_disconnect_by_func (plan, plan_children_changed_cb, &told);
}

static void
test_children_made (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) made = g_ptr_array_new ();
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (Change));
  JlnPlan *plan = jln_document_get_plan (fixture->document);
  JlnRecord *action = jln_test_find_action (fixture->document, "6.1");
  JlnRecord *objective = jln_record_get_parent (action);
  g_autoptr(JlnRecord) added = jln_record_new (JLN_KIND_ACTION, "number", "6.9", NULL);
  g_autoptr(JlnRecord) first = jln_record_new (JLN_KIND_ITEM, "label", "a", "title-en", "First", NULL);
  g_autoptr(JlnRecord) second = jln_record_new (JLN_KIND_ITEM, "label", "b", "title-en", "Second", NULL);
  g_autoptr(JlnEdit) insert_action = jln_edit_new_insert (objective, added, 0);
  g_autoptr(JlnEdit) insert_first = jln_edit_new_insert (added, first, 0);
  g_autoptr(JlnEdit) insert_second = jln_edit_new_insert (added, second, 1);

  g_signal_connect (plan, "children-made", G_CALLBACK (record_made_cb), made);

  g_assert_true (jln_document_apply (fixture->document, insert_action, &error));
  g_assert_no_error (error);
  g_assert_null (jln_action_peek_items (JLN_ACTION (added)));

  g_assert_true (jln_document_apply (fixture->document, insert_first, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (made->len, ==, 1);
  g_assert_true (g_ptr_array_index (made, 0) == added);
  g_assert_nonnull (jln_action_peek_items (JLN_ACTION (added)));
  g_assert_cmpuint (g_list_model_get_n_items (jln_action_peek_items (JLN_ACTION (added))), ==, 1);

  g_signal_connect (jln_action_peek_items (JLN_ACTION (added)), "items-changed",
                    G_CALLBACK (items_changed_cb), changes);
  g_assert_true (jln_document_apply (fixture->document, insert_second, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (made->len, ==, 1);
  assert_changes (changes, 1, 0, 1, -1);

  /* Asking for the list of an action without sub-items makes it, and
   * says so. */
  {
    GListModel *actions = jln_objective_get_actions (JLN_OBJECTIVE (objective));
    g_autoptr(JlnAction) bare = NULL;

    for (guint i = 0; bare == NULL && i < g_list_model_get_n_items (actions); i++)
      {
        g_autoptr(JlnAction) candidate = g_list_model_get_item (actions, i);

        if (jln_action_peek_items (candidate) == NULL)
          bare = g_steal_pointer (&candidate);
      }
    g_assert_nonnull (bare);
    g_assert_cmpuint (g_list_model_get_n_items (jln_action_get_items (bare)), ==, 0);
    g_assert_cmpuint (made->len, ==, 2);
    g_assert_true (g_ptr_array_index (made, 1) == (gpointer) bare);
    g_assert_nonnull (jln_action_peek_items (bare));
  }
  g_signal_handlers_disconnect_by_func (plan, record_made_cb, made);
}

/* Views follow the lists of children through their items-changed
 * signal: each edit tells exactly where the list changed, including
 * the list of sub-items of an action that had none when it was asked. */
static void
test_children_changes (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (Change));
  JlnRecord *action = jln_test_find_action (fixture->document, "6.1");
  JlnRecord *objective = jln_record_get_parent (action);
  GListModel *actions = jln_objective_get_actions (JLN_OBJECTIVE (objective));
  GListModel *items = NULL;
  g_autoptr(JlnRecord) added = jln_record_new (JLN_KIND_ACTION, "number", "6.9", NULL);
  g_autoptr(JlnRecord) item = jln_record_new (JLN_KIND_ITEM, "label", "a", "title-en", "Crèche places", NULL);
  g_autoptr(JlnEdit) insert_action = jln_edit_new_insert (objective, added, 1);
  g_autoptr(JlnEdit) insert_item = NULL;
  g_autoptr(JlnEdit) move = NULL;
  g_autoptr(JlnEdit) remove = NULL;
  guint n_actions = g_list_model_get_n_items (actions);

  g_assert_cmpuint (n_actions, >=, 3);
  g_assert_true (g_list_model_get_item_type (actions) == JLN_TYPE_ACTION);
  g_signal_connect (actions, "items-changed", G_CALLBACK (items_changed_cb), changes);

  g_assert_true (jln_document_apply (fixture->document, insert_action, &error));
  g_assert_no_error (error);
  assert_changes (changes, 1, 0, 1, -1);
  g_assert_cmpuint (g_list_model_get_n_items (actions), ==, n_actions + 1);
  {
    g_autoptr(JlnRecord) second = g_list_model_get_item (actions, 1);

    g_assert_true (second == added);
    g_assert_null (g_list_model_get_item (actions, n_actions + 1));
  }

  move = jln_edit_new_move (added, n_actions);
  g_assert_true (jln_document_apply (fixture->document, move, &error));
  g_assert_no_error (error);
  assert_changes (changes, 1, 1, 0, n_actions, 0, 1, -1);
  {
    g_autoptr(JlnRecord) last = g_list_model_get_item (actions, n_actions);
    g_autoptr(JlnRecord) second = g_list_model_get_item (actions, 1);

    g_assert_true (last == added);
    g_assert_true (second != added);
  }

  /* The new action has no sub-items yet; its list, asked for now, is
   * the one that shows the first. */
  items = jln_action_get_items (JLN_ACTION (added));
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 0);
  g_assert_true (g_list_model_get_item_type (items) == JLN_TYPE_ACTION_ITEM);
  g_signal_connect (items, "items-changed", G_CALLBACK (items_changed_cb), changes);
  insert_item = jln_edit_new_insert (added, item, 0);
  g_assert_true (jln_document_apply (fixture->document, insert_item, &error));
  g_assert_no_error (error);
  assert_changes (changes, 0, 0, 1, -1);
  g_assert_true (jln_action_get_items (JLN_ACTION (added)) == items);
  {
    g_autoptr(JlnRecord) first = g_list_model_get_item (items, 0);

    g_assert_true (first == item);
    g_assert_true (jln_record_get_parent (first) == added);
  }

  remove = jln_edit_new_remove (item);
  g_assert_true (jln_document_apply (fixture->document, remove, &error));
  g_assert_no_error (error);
  assert_changes (changes, 0, 1, 0, -1);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 0);
  g_assert_null (jln_record_get_parent (item));

  /* Undo brings the sub-item back where it was. */
  g_assert_true (jln_document_undo (fixture->document, &error));
  g_assert_no_error (error);
  assert_changes (changes, 0, 0, 1, -1);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 1);

  g_signal_handlers_disconnect_by_func (items, items_changed_cb, changes);
  g_signal_handlers_disconnect_by_func (actions, items_changed_cb, changes);
}

static void
test_remove_in_use (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JlnEdit) edit = jln_edit_new_remove (find_unit (fixture->document, "RH"));

  g_assert_false (jln_document_apply (fixture->document, edit, &error));
  g_assert_error (error, JLN_ERROR, JLN_ERROR_IN_USE);
  g_assert_nonnull (find_unit (fixture->document, "RH"));
  g_assert_cmpint (sql_int (fixture->path, "SELECT count(*) FROM units WHERE code = 'RH'"), ==, 1);
}

static char *
file_checksum (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

static void
assert_refused_unchanged (const char *path,
                          JlnError    code)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = file_checksum (path);
  g_autoptr(JlnDocument) document = jln_document_open (path, &error);
  g_autofree char *after = NULL;

  g_assert_null (document);
  g_assert_error (error, JLN_ERROR, (int) code);
  g_assert_true (g_str_has_prefix (error->message, path));
  after = file_checksum (path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_refuse (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *text = g_build_filename (fixture->dir, "notes.jalons", NULL);
  g_autofree char *other = g_build_filename (fixture->dir, "other.db", NULL);
  g_autofree char *newer = g_build_filename (fixture->dir, "newer.jalons", NULL);
  g_autofree char *truncated = g_build_filename (fixture->dir, "truncated.jalons", NULL);
  g_autofree char *contents = NULL;
  gsize length;

  g_clear_object (&fixture->document);

  g_assert_true (g_file_set_contents (text, "These are my notes, not a plan.\n", -1, NULL));
  assert_refused_unchanged (text, JLN_ERROR_NOT_A_PLAN);

  sql_exec (other, "CREATE TABLE songs (title TEXT); INSERT INTO songs VALUES ('x');");
  assert_refused_unchanged (other, JLN_ERROR_NOT_A_PLAN);

  g_assert_true (g_file_get_contents (fixture->path, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (newer, contents, length, NULL));
  sql_exec (newer, "PRAGMA user_version = 99;");
  assert_refused_unchanged (newer, JLN_ERROR_TOO_NEW);

  g_assert_true (g_file_set_contents (truncated, contents, length / 3, NULL));
  assert_refused_unchanged (truncated, JLN_ERROR_DAMAGED);
}

static void
test_save_copy (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *copy = g_build_filename (fixture->dir, "copy.jalons", NULL);
  JlnRecord *action = jln_test_find_action (fixture->document, "1.4");
  g_autoptr(JlnEdit) edit = jln_edit_new_set (action, "status", "done");
  g_autofree char *in_memory = NULL;
  g_autofree char *copied = NULL;

  g_assert_true (jln_document_apply (fixture->document, edit, &error));
  g_assert_true (jln_document_save_copy (fixture->document, copy, &error));
  g_assert_no_error (error);

  in_memory = export_json (jln_document_get_plan (fixture->document));
  copied = reopen_and_export (copy);
  g_assert_cmpstr (in_memory, ==, copied);
  /* The copy keeps the history. */
  g_assert_cmpint (sql_int (copy, "SELECT count(*) FROM history WHERE op = 'set' AND field = 'status'"), ==, 1);

  /* Never over an existing file. */
  g_assert_false (jln_document_save_copy (fixture->document, fixture->path, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_EXIST);
}

static void
test_migrate_v0 (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("jalons-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "empty.jalons", NULL);
  g_autoptr(JlnDocument) document = NULL;

  /* A new SQLite database: version 0, no tables. */
  sql_exec (path, "CREATE TABLE scratch (x); DROP TABLE scratch;");
  g_assert_cmpint (sql_int (path, "PRAGMA user_version"), ==, 0);

  document = jln_document_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
  g_assert_cmpint (sql_int (path, "PRAGMA user_version"), ==, JLN_STORE_SCHEMA_VERSION);
  g_assert_cmpint (sql_int (path, "SELECT count(*) FROM plan"), ==, 1);
  g_assert_cmpint (sql_int (path, "SELECT count(*) FROM sqlite_schema WHERE name = 'history'"), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (jln_plan_get_objectives (jln_document_get_plan (document))), ==, 0);
  g_assert_nonnull (jln_plan_get_title (jln_document_get_plan (document))->en);

  g_clear_object (&document);
  jln_test_remove_tree (dir);
}

static void
write_part (const char *path,
            gint64      age_seconds)
{
  struct utimbuf times;

  g_assert_true (g_file_set_contents (path, "SQLite format 3", -1, NULL));
  times.actime = times.modtime = time (NULL) - age_seconds;
  g_assert_cmpint (utime (path, &times), ==, 0);
}

/* A program killed while it wrote a new plan leaves a temporary file
 * beside it: the next file written at that name clears those nobody has
 * touched for an hour, and nothing else. */
static void
test_stale_parts (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *copy = g_build_filename (fixture->dir, "copy.jalons", NULL);
  g_autofree char *stale = g_build_filename (fixture->dir, ".copy.jalons.0badf00d.part", NULL);
  g_autofree char *stale_wal = g_build_filename (fixture->dir, ".copy.jalons.0badf00d.part-wal", NULL);
  g_autofree char *fresh = g_build_filename (fixture->dir, ".copy.jalons.12345678.part", NULL);
  g_autofree char *other = g_build_filename (fixture->dir, ".copy.jalons.notes.part", NULL);
  g_autofree char *other_plan = g_build_filename (fixture->dir, ".other.jalons.0badf00d.part", NULL);

  write_part (stale, 2 * 3600);
  write_part (stale_wal, 2 * 3600);
  write_part (fresh, 60);
  write_part (other, 2 * 3600);
  write_part (other_plan, 2 * 3600);

  g_assert_true (jln_document_save_copy (fixture->document, copy, &error));
  g_assert_no_error (error);

  g_assert_false (g_file_test (stale, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (stale_wal, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (fresh, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (other_plan, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (copy, G_FILE_TEST_EXISTS));
}

/* Opening in a thread: the same plan as opening in the caller's thread,
 * an error that says the file is not a plan, and a cancelled opening. */
static void
result_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static GAsyncResult *
wait_result (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *result;
}

static void
test_open_async (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(JlnDocument) document = NULL;
  JlnPlan *plan = jln_document_get_plan (fixture->document);
  JlnPlan *opened;

  jln_document_open_async (fixture->path, JLN_DOCUMENT_OPEN_DEFAULT, NULL, result_cb, &result);
  /* Nothing is returned before the main loop runs. */
  g_assert_null (result);
  document = jln_document_open_finish (wait_result (&result), &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
  g_assert_cmpstr (jln_document_get_path (document), ==, fixture->path);
  opened = jln_document_get_plan (document);
  g_assert_cmpstr (jln_plan_get_title (opened)->fr, ==, jln_plan_get_title (plan)->fr);
  g_assert_cmpuint (g_list_model_get_n_items (jln_plan_get_objectives (opened)), ==,
                    g_list_model_get_n_items (jln_plan_get_objectives (plan)));
  g_assert_nonnull (jln_test_find_action (document, "1.4"));

  /* The connection is the caller's now: an edit is written. */
  jln_test_set_field (document, "1.4", "title-en", "Opened in a thread");
  g_assert_true (jln_document_can_undo (document));
}

static void
test_open_async_refused (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *text = g_build_filename (fixture->dir, "notes.jalons", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(JlnDocument) document = NULL;

  g_assert_true (g_file_set_contents (text, "These are my notes, not a plan.\n", -1, NULL));
  jln_document_open_async (text, JLN_DOCUMENT_OPEN_DEFAULT, NULL, result_cb, &result);
  document = jln_document_open_finish (wait_result (&result), &error);
  g_assert_null (document);
  g_assert_error (error, JLN_ERROR, JLN_ERROR_NOT_A_PLAN);
  g_assert_true (g_str_has_prefix (error->message, text));
}

static void
test_open_async_cancelled (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(JlnDocument) document = NULL;

  jln_document_open_async (fixture->path, JLN_DOCUMENT_OPEN_DEFAULT, cancellable, result_cb, &result);
  g_cancellable_cancel (cancellable);
  document = jln_document_open_finish (wait_result (&result), &error);
  g_assert_null (document);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  /* The file is as it was: it opens again. */
  g_clear_error (&error);
  g_clear_object (&result);
  jln_document_open_async (fixture->path, JLN_DOCUMENT_OPEN_DEFAULT, NULL, result_cb, &result);
  document = jln_document_open_finish (wait_result (&result), &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
}

static void
test_import_async (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "imported.jalons", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(JlnDocument) document = NULL;

  jln_document_import_async (JLN_TEST_BUNDLED_PLAN, path, NULL, result_cb, &result);
  document = jln_document_import_finish (wait_result (&result), &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_nonnull (jln_test_find_action (document, "1.4"));
  g_clear_object (&document);
  g_assert_no_errno (g_unlink (path));
}

/* A record keeps its id whatever its length, and the index finds each
 * record by its id alone: the plan's UUIDs, and any other id. */
static void
test_record_ids (void)
{
  const char *ids[] = {
    "3f2b8c1e-0d4a-4c6b-9e21-7a5f0c3d8b96",
    "3f2b8c1e-0d4a-4c6b-9e21-7a5f0c3d8b96-and-more-than-a-uuid-holds",
    "3f2b8c1e-0d4a-4c6b-9e21-7a5f0c3d8b9",
    "x",
    "",
  };
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) index = _jln_record_index_new ();
  g_autoptr(JlnRecord) same = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      JlnRecord *record = _jln_record_new (JLN_KIND_ACTION, ids[i]);

      g_assert_cmpstr (jln_record_get_id (record), ==, ids[i]);
      g_assert_true (_jln_record_index_add (index, record));
      g_ptr_array_add (records, record);
    }
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autofree char *copy = g_strdup (ids[i]);

      g_assert_true (_jln_record_index_lookup (index, copy) == g_ptr_array_index (records, i));
    }
  g_assert_null (_jln_record_index_lookup (index, "3f2b8c1e"));

  /* A second record with an id taken is refused and takes its place. */
  same = _jln_record_new (JLN_KIND_ACTION, ids[1]);
  g_assert_false (_jln_record_index_add (index, same));
  g_assert_true (_jln_record_index_lookup (index, ids[1]) == same);
  g_assert_cmpuint (g_hash_table_size (index), ==, G_N_ELEMENTS (ids));

  _jln_record_index_remove (index, g_ptr_array_index (records, 0));
  g_assert_null (_jln_record_index_lookup (index, ids[0]));
  g_assert_true (_jln_record_index_lookup (index, ids[2]) == g_ptr_array_index (records, 2));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/core/document/create", test_create);
  ADD ("/core/document/set-and-history", test_set_and_history);
  ADD ("/core/document/invalid-edit", test_invalid_edit);
  ADD ("/core/document/undo-redo-remove", test_undo_redo_remove);
  ADD ("/core/document/undo-set", test_undo_set);
  ADD ("/core/document/rare-texts", test_rare_texts);
  ADD ("/core/document/short-strings", test_short_strings);
  ADD ("/core/document/insert-move-group", test_insert_move_group);
  ADD ("/core/document/children-changes", test_children_changes);
  ADD ("/core/document/children-made", test_children_made);
  ADD ("/core/document/children-changed", test_children_changed);
  ADD ("/core/document/remove-in-use", test_remove_in_use);
  ADD ("/core/document/save-copy", test_save_copy);
  ADD ("/core/document/stale-parts", test_stale_parts);
  ADD ("/core/store/refuse", test_refuse);
  ADD ("/core/document/open-async", test_open_async);
  ADD ("/core/document/open-async-refused", test_open_async_refused);
  ADD ("/core/document/open-async-cancelled", test_open_async_cancelled);
  ADD ("/core/document/import-async", test_import_async);
#undef ADD
  g_test_add_func ("/core/store/migrate-v0", test_migrate_v0);
  g_test_add_func ("/core/record/ids", test_record_ids);

  return g_test_run ();
}
