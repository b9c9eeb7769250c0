/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "jln-backups.h"
#include "jln-document.h"
#include "jln-json.h"

#include "jln-test-utils.h"

typedef struct
{
  char        *dir;
  char        *path;
  JlnDocument *document;
} Fixture;

/* The plan reopened with jln_document_open(), as the window opens it. */
static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JlnDocument) imported = NULL;

  imported = jln_test_import_plan (JLN_TEST_BUNDLED_PLAN, "jalons-test-XXXXXX",
                                   &fixture->dir, &fixture->path);
  g_assert_nonnull (imported);
  g_clear_object (&imported);
  fixture->document = jln_document_open (fixture->path, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *backups = jln_backups_get_dir (fixture->document);

  g_assert_finalize_object (fixture->document);
  jln_test_remove_tree (backups);
  jln_test_clear_plan_dir (&fixture->dir, &fixture->path);
}

static char *
export_json (JlnDocument *document)
{
  g_autoptr(GBytes) bytes = jln_json_write_plan (jln_document_get_plan (document));

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static char *
export_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *copy = g_strconcat (path, ".copy.jalons", NULL);
  g_autoptr(GFile) source = g_file_new_for_path (path);
  g_autoptr(GFile) target = g_file_new_for_path (copy);
  g_autoptr(JlnDocument) document = NULL;
  g_autofree char *backups = NULL;
  char *json;

  /* Opened as a copy, so that the backup itself stays untouched. */
  g_assert_true (g_file_copy (source, target, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error));
  document = jln_document_open (copy, &error);
  g_assert_no_error (error);
  json = export_json (document);
  backups = jln_backups_get_dir (document);
  g_clear_object (&document);
  jln_test_remove_tree (backups);
  g_remove (copy);
  return json;
}

/* What the plan file holds, read by another connection. */
static char *
reopen_and_export (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JlnDocument) document = jln_document_open (path, &error);

  g_assert_no_error (error);
  return export_json (document);
}

static void
test_daily_once (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *dir = jln_backups_get_dir (fixture->document);
  g_autofree char *dir_name = g_path_get_basename (dir);
  g_autofree char *plan_name = g_path_get_basename (fixture->path);
  JlnPlan *plan = jln_document_get_plan (fixture->document);
  JlnBackup *backup;

  /* The first opening of the day (the window's) makes today's copy, in a
   * folder named after the plan and a digest of its id: the id comes
   * from the file, which must never steer a path. */
  backups = jln_backups_list (fixture->document);
  g_assert_cmpuint (backups->len, ==, 0);
  g_clear_pointer (&backups, g_ptr_array_unref);
  g_assert_true (jln_backups_make_daily (fixture->document, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (dir, g_get_user_data_dir ()));
  g_assert_true (g_str_has_prefix (dir_name, plan_name));
  {
    g_autofree char *digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256,
                                                             jln_record_get_id (JLN_RECORD (plan)), -1);

    digest[32] = '\0';
    g_assert_true (g_str_has_suffix (dir_name, digest));
    g_assert_null (strstr (dir_name, jln_record_get_id (JLN_RECORD (plan))));
  }
  backups = jln_backups_list (fixture->document);
  g_assert_cmpuint (backups->len, ==, 1);
  backup = g_ptr_array_index (backups, 0);
  g_assert_cmpstr (backup->date, ==, today);
  g_assert_cmpint (backup->size, >, 0);
  g_clear_pointer (&backups, g_ptr_array_unref);

  /* Again the same day, even after an edit: nothing new. */
  jln_test_set_field (fixture->document, "1.4", "due", "2023-S1");
  g_assert_true (jln_backups_make_daily (fixture->document, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (jln_backups_make_daily (fixture->document, "2030-01-02", &error));
  g_assert_true (jln_backups_make_daily (fixture->document, "2030-01-02", &error));
  g_assert_no_error (error);
  backups = jln_backups_list (fixture->document);
  g_assert_cmpuint (backups->len, ==, 2);
  g_assert_cmpstr (((JlnBackup *) g_ptr_array_index (backups, 0))->date, ==, "2030-01-02");
  g_assert_cmpstr (((JlnBackup *) g_ptr_array_index (backups, 1))->date, ==, today);
}

static void
test_bound (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) backups = NULL;

  for (guint day = 1; day <= 20; day++)
    {
      g_autofree char *date = g_strdup_printf ("2030-03-%02u", day);

      g_assert_true (jln_backups_make_daily (fixture->document, date, &error));
      g_assert_no_error (error);
    }

  backups = jln_backups_list (fixture->document);
  g_assert_cmpuint (backups->len, ==, JLN_BACKUPS_KEEP);
  g_assert_cmpstr (((JlnBackup *) g_ptr_array_index (backups, 0))->date, ==, "2030-03-20");
  g_assert_cmpstr (((JlnBackup *) g_ptr_array_index (backups, JLN_BACKUPS_KEEP - 1))->date,
                   ==, "2030-03-07");
  for (guint i = 1; i < backups->len; i++)
    g_assert_cmpstr (((JlnBackup *) g_ptr_array_index (backups, i - 1))->date, >,
                     ((JlnBackup *) g_ptr_array_index (backups, i))->date);
}

static void
test_valid_plan (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autofree char *original = export_json (fixture->document);
  g_autofree char *copied = NULL;
  sqlite3 *db;
  sqlite3_stmt *stmt;
  JlnBackup *backup;

  g_assert_true (jln_backups_make_daily (fixture->document, "2030-05-01", &error));
  g_assert_no_error (error);
  backups = jln_backups_list (fixture->document);
  backup = g_ptr_array_index (backups, 0);
  g_assert_cmpstr (backup->date, ==, "2030-05-01");

  g_assert_cmpint (sqlite3_open_v2 (backup->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  copied = export_file (backup->path);
  g_assert_cmpstr (copied, ==, original);
}

static void
test_restore_and_undo (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autofree char *before_edits = export_json (fixture->document);
  g_autofree char *edited = NULL;
  g_autofree char *restored = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *on_disk = NULL;
  JlnBackup *backup;

  g_assert_true (jln_backups_make_daily (fixture->document, "2030-06-01", &error));
  g_assert_no_error (error);
  backups = jln_backups_list (fixture->document);
  backup = g_ptr_array_index (backups, 0);

  jln_test_set_field (fixture->document, "1.4", "due", "2024-S2");
  jln_test_set_field (fixture->document, "2.1", "title-en", "Changed after the backup");
  jln_test_apply (fixture->document,
                  jln_edit_new_remove (jln_test_find_action (fixture->document, "1.5")));
  jln_test_apply (fixture->document,
                  jln_edit_new_set (JLN_RECORD (jln_document_get_plan (fixture->document)),
                                    "title-en", "Another title"));
  edited = export_json (fixture->document);
  g_assert_cmpstr (edited, !=, before_edits);

  g_assert_true (jln_document_restore_backup (fixture->document, backup->path, &error));
  g_assert_no_error (error);
  restored = export_json (fixture->document);
  g_assert_cmpstr (restored, ==, before_edits);
  on_disk = reopen_and_export (fixture->path);
  g_assert_cmpstr (on_disk, ==, before_edits);
  history = jln_document_get_history (fixture->document, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, >, 4);

  /* One undo brings back the state before the restore. */
  g_assert_true (jln_document_can_undo (fixture->document));
  g_assert_true (jln_document_undo (fixture->document, &error));
  g_assert_no_error (error);
  undone = export_json (fixture->document);
  g_assert_cmpstr (undone, ==, edited);
  g_clear_pointer (&on_disk, g_free);
  on_disk = reopen_and_export (fixture->path);
  g_assert_cmpstr (on_disk, ==, edited);
}

static void
test_restore_other_plan (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(JlnPlan) plan = jln_plan_new_untitled ();
  g_autoptr(JlnDocument) other = NULL;
  g_autofree char *before = export_json (fixture->document);
  g_autofree char *after = NULL;

  dir = g_dir_make_tmp ("jalons-test-XXXXXX", &error);
  path = g_build_filename (dir, "other.jalons", NULL);
  other = jln_document_create (path, plan, NULL, &error);
  g_assert_no_error (error);

  g_assert_false (jln_document_restore_backup (fixture->document, path, &error));
  g_assert_error (error, JLN_ERROR, JLN_ERROR_INVALID);
  after = export_json (fixture->document);
  g_assert_cmpstr (after, ==, before);
  g_clear_object (&other);
  jln_test_clear_plan_dir (&dir, &path);
}

/* --- Two documents on one file -------------------------------------------- */

static void
test_reload_on_change (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JlnDocument) second = jln_document_open (fixture->path, &error);
  JlnPlan *old_plan;
  g_autofree char *first_json = NULL;
  g_autofree char *second_json = NULL;

  g_assert_no_error (error);
  g_assert_false (jln_document_is_outdated (fixture->document));
  g_assert_false (jln_document_is_outdated (second));

  jln_test_set_field (fixture->document, "1.4", "due", "2025-S1");
  g_assert_false (jln_document_is_outdated (fixture->document));
  g_assert_true (jln_document_is_outdated (second));

  old_plan = g_object_ref (jln_document_get_plan (second));
  g_assert_true (jln_document_reload (second, &error));
  g_assert_no_error (error);
  g_assert_true (jln_document_get_plan (second) != old_plan);
  g_assert_finalize_object (old_plan);
  g_assert_false (jln_document_is_outdated (second));
  g_assert_cmpint (jln_action_get_due (JLN_ACTION (jln_test_find_action (second, "1.4"))), ==,
                   jln_semester_new (2025, 1));
  first_json = export_json (fixture->document);
  second_json = export_json (second);
  g_assert_cmpstr (first_json, ==, second_json);
}

static void
test_stale_edit_refused (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JlnDocument) second = jln_document_open (fixture->path, &error);
  g_autoptr(JlnEdit) stale = NULL;
  g_autofree char *on_disk = NULL;
  g_autofree char *first_json = NULL;
  g_autofree char *second_json = NULL;

  g_assert_no_error (error);
  jln_test_set_field (fixture->document, "1.4", "title-en", "Written by the first window");

  /* The second still holds the old title: its edit of 1.4 is refused. */
  stale = jln_edit_new_set (jln_test_find_action (second, "1.4"), "due", "2026-S2");
  g_assert_false (jln_document_apply (second, stale, &error));
  g_assert_error (error, JLN_ERROR, JLN_ERROR_CHANGED);
  g_assert_cmpstr (error->message, ==,
                   "This action was changed elsewhere; the plan has been reloaded");
  g_clear_error (&error);
  g_assert_false (jln_document_is_outdated (second));
  g_assert_cmpstr (jln_action_get_title (JLN_ACTION (jln_test_find_action (second, "1.4")))->en,
                   ==, "Written by the first window");

  /* An edit of another action goes through, and both are kept. */
  jln_test_set_field (fixture->document, "1.4", "due", "2025-S2");
  jln_test_set_field (second, "2.1", "due", "2026-S1");
  jln_test_set_field (fixture->document, "1.4", "due", "2027-S1");

  on_disk = reopen_and_export (fixture->path);
  g_assert_true (jln_document_reload (fixture->document, &error));
  g_assert_true (jln_document_reload (second, &error));
  g_assert_no_error (error);
  first_json = export_json (fixture->document);
  second_json = export_json (second);
  g_assert_cmpstr (first_json, ==, on_disk);
  g_assert_cmpstr (second_json, ==, on_disk);
  g_assert_cmpint (jln_action_get_due (JLN_ACTION (jln_test_find_action (second, "1.4"))), ==,
                   jln_semester_new (2027, 1));
  g_assert_cmpint (jln_action_get_due (JLN_ACTION (jln_test_find_action (second, "2.1"))), ==,
                   jln_semester_new (2026, 1));
  g_assert_cmpstr (jln_action_get_title (JLN_ACTION (jln_test_find_action (second, "1.4")))->en,
                   ==, "Written by the first window");
}

/* A restore elsewhere replaces whole objectives: an edit of one of their
 * actions, on the values read before, is refused too. */
static void
test_stale_after_restore_elsewhere (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JlnDocument) second = jln_document_open (fixture->path, &error);
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(JlnEdit) stale = NULL;

  g_assert_no_error (error);
  g_assert_true (jln_backups_make_daily (fixture->document, "2030-07-01", &error));
  backups = jln_backups_list (fixture->document);
  jln_test_set_field (fixture->document, "1.4", "title-en", "Before the restore");
  g_assert_true (jln_document_reload (second, &error));
  g_assert_true (jln_document_restore_backup (fixture->document,
                                              ((JlnBackup *) g_ptr_array_index (backups, 0))->path,
                                              &error));
  g_assert_no_error (error);

  stale = jln_edit_new_set (jln_test_find_action (second, "1.4"), "due", "2026-S2");
  g_assert_false (jln_document_apply (second, stale, &error));
  g_assert_error (error, JLN_ERROR, JLN_ERROR_CHANGED);
  g_assert_cmpstr (jln_action_get_title (JLN_ACTION (jln_test_find_action (second, "1.4")))->en,
                   !=, "Before the restore");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/core/backups/daily-once", test_daily_once);
  ADD ("/core/backups/bound", test_bound);
  ADD ("/core/backups/valid-plan", test_valid_plan);
  ADD ("/core/backups/restore-and-undo", test_restore_and_undo);
  ADD ("/core/backups/restore-other-plan", test_restore_other_plan);
  ADD ("/core/document/reload-on-change", test_reload_on_change);
  ADD ("/core/document/stale-edit-refused", test_stale_edit_refused);
  ADD ("/core/document/stale-after-restore-elsewhere", test_stale_after_restore_elsewhere);
#undef ADD

  return g_test_run ();
}
