/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "jln-action.h"
#include "jln-document.h"
#include "jln-json.h"
#include "jln-merge.h"
#include "jln-note.h"
#include "jln-plan.h"
#include "jln-query.h"
#include "jln-record-private.h"
#include "jln-store.h"

#include "jln-test-utils.h"

/* Progress notes of actions and sub-items: edited like every other
 * object, searched by the query, carried in JSON, in the history and
 * through a merge. */

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
  fixture->document = jln_test_import_plan (JLN_TEST_BUNDLED_PLAN, "jalons-notes-XXXXXX",
                                            &fixture->dir, &fixture->path);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_object (&fixture->document);
  jln_test_clear_plan_dir (&fixture->dir, &fixture->path);
}

/* Sets a field of a record not yet in a plan, when @value is not NULL. */
static void
set_if (JlnRecord  *record,
        const char *name,
        const char *value)
{
  g_autoptr(GError) error = NULL;
  JlnFieldRef ref;

  if (value == NULL)
    return;
  g_assert_true (_jln_kind_find_field (_jln_record_get_info (record), name, &ref));
  g_assert_true (_jln_record_field_from_string (record, &ref, value, NULL, NULL, FALSE, &error));
  g_assert_no_error (error);
}

static JlnRecord *
add_note (JlnDocument *document,
          JlnRecord   *owner,
          const char  *date,
          const char  *author,
          const char  *text_fr,
          const char  *text_en)
{
  g_autoptr(JlnRecord) note = jln_record_new (jln_note_kind_for (owner), "date", date, NULL);
  guint n = g_list_model_get_n_items (jln_record_get_notes (owner));

  set_if (note, "author", author);
  set_if (note, "text-fr", text_fr);
  set_if (note, "text-en", text_en);
  jln_test_apply (document, jln_edit_new_insert (owner, note, n));
  return note;
}

static gboolean
matches (JlnDocument *document,
         const char  *query_text,
         const char  *number)
{
  g_autoptr(GError) error = NULL;
  JlnQuery *query = jln_query_parse (query_text, &error);
  gboolean result;

  g_assert_no_error (error);
  result = jln_query_match (query, JLN_ACTION (jln_test_find_action (document, number)),
                            jln_semester_new (2024, 1));
  jln_query_unref (query);
  return result;
}

static JlnRecord *
first_item (JlnDocument *document,
            const char  *number)
{
  GListModel *items = jln_action_get_items (JLN_ACTION (jln_test_find_action (document, number)));
  g_autoptr(JlnRecord) item = g_list_model_get_item (items, 0);

  g_assert_nonnull (item);
  return item;
}

static void
test_edit_undo (Fixture       *fixture,
                gconstpointer  data)
{
  JlnDocument *document = fixture->document;
  JlnRecord *action = jln_test_find_action (document, "1.4");
  GListModel *notes = jln_record_get_notes (action);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  JlnRecord *note;

  g_assert_cmpuint (g_list_model_get_n_items (notes), ==, 0);
  note = add_note (document, action, "2024-03-15", "RH", "S1 2024 : cahier des charges rédigé",
                   "S1 2024: specification written");
  id = g_strdup (jln_record_get_id (note));
  g_assert_cmpuint (g_list_model_get_n_items (notes), ==, 1);
  g_assert_cmpstr (jln_note_get_date (note), ==, "2024-03-15");
  g_assert_cmpstr (jln_note_get_author (note), ==, "RH");
  g_assert_cmpstr (jln_note_get_text (note)->en, ==, "S1 2024: specification written");

  /* Edit, then undo the edit. */
  jln_test_apply (document, jln_edit_new_set (note, "text-en", "S1 2024: specification approved"));
  g_assert_cmpstr (jln_note_get_text (note)->en, ==, "S1 2024: specification approved");
  g_assert_true (jln_document_undo (document, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (jln_note_get_text (note)->en, ==, "S1 2024: specification written");

  /* A date that is not one is refused. */
  {
    g_autoptr(JlnEdit) bad_date = jln_edit_new_set (note, "date", "2024-13-01");

    g_assert_false (jln_document_apply (document, bad_date, &error));
    g_assert_nonnull (error);
    g_clear_error (&error);
  }

  /* Delete, undo brings it back with its id, redo removes it again. */
  jln_test_apply (document, jln_edit_new_remove (note));
  g_assert_cmpuint (g_list_model_get_n_items (notes), ==, 0);
  g_assert_true (jln_document_undo (document, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (notes), ==, 1);
  {
    g_autoptr(JlnRecord) back = g_list_model_get_item (notes, 0);

    g_assert_cmpstr (jln_record_get_id (back), ==, id);
    g_assert_cmpstr (jln_note_get_text (back)->fr, ==, "S1 2024 : cahier des charges rédigé");
  }
  g_assert_true (jln_document_redo (document, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (notes), ==, 0);

  /* Undo of the insertion itself. */
  g_assert_true (jln_document_undo (document, &error));
  g_assert_true (jln_document_undo (document, &error));
  g_assert_true (jln_document_undo (document, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (notes), ==, 0);

  /* What was written is what a reopened file holds. */
  add_note (document, action, "2024-06-30", "DR Paris", NULL, "Call published");
  g_clear_object (&fixture->document);
  fixture->document = jln_document_open (fixture->path, &error);
  g_assert_no_error (error);
  notes = jln_record_get_notes (jln_test_find_action (fixture->document, "1.4"));
  g_assert_cmpuint (g_list_model_get_n_items (notes), ==, 1);
  {
    g_autoptr(JlnRecord) kept = g_list_model_get_item (notes, 0);

    g_assert_cmpstr (jln_note_get_author (kept), ==, "DR Paris");
    g_assert_null (jln_note_get_text (kept)->fr);
  }
}

static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  JlnDocument *document = fixture->document;
  JlnRecord *item = first_item (document, "1.8");
  JlnRecord *note;

  g_assert_false (matches (document, "quadrilatere", "1.4"));
  note = add_note (document, jln_test_find_action (document, "1.4"), "2024-02", "DRH",
                   "Réunion au Quadrilatère", NULL);
  /* Free words, folded, in either language; the author too. */
  g_assert_true (matches (document, "quadrilatere", "1.4"));
  g_assert_true (matches (document, "drh quadrilatère", "1.4"));
  g_assert_false (matches (document, "quadrilatere", "1.5"));
  g_assert_false (matches (document, "-quadrilatere", "1.4"));

  /* An edit of the note is seen by the next search. */
  jln_test_apply (document, jln_edit_new_set (note, "text-fr", "Réunion annulée"));
  g_assert_false (matches (document, "quadrilatere", "1.4"));
  g_assert_true (matches (document, "annulee", "1.4"));
  jln_test_apply (document, jln_edit_new_remove (note));
  g_assert_false (matches (document, "annulee", "1.4"));

  /* A sub-item's note finds its action. */
  g_assert_false (matches (document, "vivier", "1.8"));
  add_note (document, item, "2024-05", NULL, NULL, "Talent pool drawn up (vivier)");
  g_assert_true (matches (document, "vivier", "1.8"));
  g_assert_true (matches (document, "talent pool", "1.8"));
}

static char *
export (JlnDocument *document)
{
  g_autoptr(GBytes) bytes = jln_json_write_plan (jln_document_get_plan (document));

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static void
test_json (Fixture       *fixture,
           gconstpointer  data)
{
  JlnDocument *document = fixture->document;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *again = NULL;
  g_autofree char *json_path = g_build_filename (fixture->dir, "notes.json", NULL);
  g_autofree char *plan_path = g_build_filename (fixture->dir, "notes.jalons", NULL);
  g_autoptr(JlnDocument) imported = NULL;
  GListModel *notes;

  add_note (document, jln_test_find_action (document, "2.1"), "2024-01-10", "RH",
            "Premier « point d'étape »", "First progress point");
  add_note (document, jln_test_find_action (document, "2.1"), "2024-06-30", NULL,
            "Ligne 1\nLigne 2", NULL);
  add_note (document, first_item (document, "1.8"), "2024-04", "DR Grand-Ouest", NULL, "Done for CRCN");
  json = export (document);
  g_assert_nonnull (strstr (json, "\"progress_notes\": ["));
  g_assert_nonnull (strstr (json, "\"author\": \"DR Grand-Ouest\""));

  g_assert_true (g_file_set_contents (json_path, json, -1, &error));
  imported = jln_document_import (json_path, plan_path, &error);
  g_assert_no_error (error);
  again = export (imported);
  g_assert_cmpstr (json, ==, again);

  notes = jln_record_get_notes (jln_test_find_action (imported, "2.1"));
  g_assert_cmpuint (g_list_model_get_n_items (notes), ==, 2);
  {
    g_autoptr(JlnRecord) second = g_list_model_get_item (notes, 1);

    g_assert_cmpstr (jln_note_get_text (second)->fr, ==, "Ligne 1\nLigne 2");
  }
  g_assert_cmpuint (g_list_model_get_n_items (jln_record_get_notes (first_item (imported, "1.8"))), ==, 1);
}

static void
test_history (Fixture       *fixture,
              gconstpointer  data)
{
  JlnDocument *document = fixture->document;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *id = NULL;
  JlnRecord *note;
  guint insert = 0, set = 0, removed = 0;

  note = add_note (document, jln_test_find_action (document, "3.1"), "2024-02-01", "RH", NULL, "Started");
  id = g_strdup (jln_record_get_id (note));
  jln_test_apply (document, jln_edit_new_set (note, "text-en", "Started in February"));
  jln_test_apply (document, jln_edit_new_remove (note));

  rows = jln_document_get_history (document, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < rows->len; i++)
    {
      JlnHistoryRow *row = g_ptr_array_index (rows, i);

      if (g_strcmp0 (row->object, id) != 0)
        continue;
      g_assert_cmpstr (row->kind, ==, "note");
      if (g_str_equal (row->op, "insert"))
        {
          insert++;
          g_assert_nonnull (strstr (row->new_value, "Started"));
        }
      else if (g_str_equal (row->op, "set"))
        {
          set++;
          g_assert_cmpstr (row->field, ==, "text-en");
          g_assert_cmpstr (row->old_value, ==, "Started");
          g_assert_cmpstr (row->new_value, ==, "Started in February");
        }
      else if (g_str_equal (row->op, "remove"))
        removed++;
    }
  g_assert_cmpuint (insert, ==, 1);
  g_assert_cmpuint (set, ==, 1);
  g_assert_cmpuint (removed, ==, 1);
}

/* Two offices each add a note to the same action in their copies; the
 * merge keeps both, in date order of their addition, with no conflict. */
static void
test_merge (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *theirs_path = g_build_filename (fixture->dir, "regional.jalons", NULL);
  g_autoptr(JlnDocument) theirs = NULL;
  JlnMerge *merge;
  GListModel *notes;
  gboolean seen_hq = FALSE, seen_region = FALSE;

  g_assert_true (jln_document_save_copy (fixture->document, theirs_path, &error));
  g_assert_no_error (error);
  theirs = jln_document_open (theirs_path, &error);
  g_assert_no_error (error);

  add_note (fixture->document, jln_test_find_action (fixture->document, "4.2"), "2024-03-01", "Siège",
            "Note du siège", NULL);
  add_note (theirs, jln_test_find_action (theirs, "4.2"), "2024-03-02", "DR Sud",
            "Note de la délégation", NULL);
  add_note (theirs, first_item (theirs, "1.8"), "2024-03-03", "DR Sud", NULL, "Item note");
  g_clear_object (&theirs);

  merge = jln_merge_new (fixture->document, theirs_path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (jln_merge_get_n_conflicts (merge), ==, 0);
  g_assert_true (jln_merge_apply (merge, NULL, &error));
  g_assert_no_error (error);
  jln_merge_free (merge);

  notes = jln_record_get_notes (jln_test_find_action (fixture->document, "4.2"));
  g_assert_cmpuint (g_list_model_get_n_items (notes), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(JlnRecord) note = g_list_model_get_item (notes, i);

      seen_hq |= g_strcmp0 (jln_note_get_author (note), "Siège") == 0;
      seen_region |= g_strcmp0 (jln_note_get_author (note), "DR Sud") == 0;
    }
  g_assert_true (seen_hq && seen_region);
  g_assert_cmpuint (g_list_model_get_n_items (jln_record_get_notes (first_item (fixture->document, "1.8"))),
                    ==, 1);
}

/* A file of version 2, before notes and sections, is migrated forward,
 * a copy of it kept aside, and then takes notes. */
static void
test_migrate (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = g_strconcat (fixture->path, ".v2.bak", NULL);
  GListModel *sections = jln_plan_get_sections (jln_document_get_plan (fixture->document));
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  sqlite3 *db;
  sqlite3_stmt *stmt;

  /* A file of version 2 has no sections. */
  while (g_list_model_get_n_items (sections) > 0)
    {
      g_autoptr(JlnRecord) section = g_list_model_get_item (sections, 0);

      jln_test_apply (fixture->document, jln_edit_new_remove (section));
    }
  before = export (fixture->document);
  g_clear_object (&fixture->document);
  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "DROP TABLE notes; DROP TABLE item_notes; DROP TABLE sections;"
                                     " PRAGMA user_version = 2;", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  fixture->document = jln_document_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));
  after = export (fixture->document);
  g_assert_cmpstr (before, ==, after);
  add_note (fixture->document, jln_test_find_action (fixture->document, "1.4"), "2024-06", NULL, NULL, "x");

  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT (SELECT user_version FROM pragma_user_version),"
                                           " (SELECT count(*) FROM notes)", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, JLN_STORE_SCHEMA_VERSION);
  g_assert_cmpint (sqlite3_column_int (stmt, 1), ==, 1);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/core/notes/edit-undo", test_edit_undo);
  ADD ("/core/notes/search", test_search);
  ADD ("/core/notes/json", test_json);
  ADD ("/core/notes/history", test_history);
  ADD ("/core/notes/merge", test_merge);
  ADD ("/core/notes/migrate", test_migrate);
#undef ADD

  return g_test_run ();
}
