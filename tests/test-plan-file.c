/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Plan files as people handle them: copied and mailed while Jalons has
 * them open, saved over by an office's newer copy, left with a journal by
 * a program that stopped, archived read-only, edited from two windows. */
#include "config.h"

#include <string.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "jln-action.h"
#include "jln-changes.h"
#include "jln-edit.h"
#include "jln-objective.h"
#include "jln-plan.h"
#include "jln-test-utils.h"
#include "jln-text.h"
#include "jln-types.h"

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
  fixture->document = jln_test_import_plan (JLN_TEST_BUNDLED_PLAN, "jalons-plan-file-XXXXXX",
                                            &fixture->dir, &fixture->path);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_object (&fixture->document);
  /* Folders made read-only by a test are writable again for removal. */
  g_chmod (fixture->dir, 0700);
  jln_test_clear_plan_dir (&fixture->dir, &fixture->path);
}

static char *
side_path (const char *path,
           const char *suffix)
{
  return g_strconcat (path, suffix, NULL);
}

static void
sql_exec (sqlite3    *db,
          const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

static sqlite3 *
sql_open (const char *path)
{
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL),
                   ==, SQLITE_OK);
  return db;
}

/* Sets the time a file was last written to @age seconds ago. */
static void
make_older (const char *path,
            int         age)
{
  struct timespec times[2];

  clock_gettime (CLOCK_REALTIME, &times[0]);
  times[0].tv_sec -= age;
  times[1] = times[0];
  g_assert_cmpint (utimensat (AT_FDCWD, path, times, 0), ==, 0);
}

static const char *
action_title (JlnDocument *document,
              const char  *number)
{
  JlnRecord *action = jln_test_find_action (document, number);

  g_assert_nonnull (action);
  return jln_text_get (jln_action_get_title (JLN_ACTION (action)), JLN_LANG_FR);
}

static void
set_title (JlnDocument *document,
           const char  *number,
           const char  *title)
{
  jln_test_set_field (document, number, "title-fr", title);
}

static guint
count_files_with_prefix (const char *dir,
                         const char *prefix)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    n += g_str_has_prefix (name, prefix);
  return n;
}

/* --- The file alone holds every saved edit ---------------------------------- */

static void
test_copy_while_open (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *wal = side_path (fixture->path, "-wal");
  g_autofree char *journal = side_path (fixture->path, "-journal");
  g_autofree char *copy = g_build_filename (fixture->dir, "mailed.jalons", NULL);
  g_autoptr(JlnDocument) mailed = NULL;
  g_autoptr(GError) error = NULL;

  set_title (fixture->document, "1.4", "Titre modifié avant l’envoi");

  /* Nothing beside the file: the edit is in it. */
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));

  /* The file as a mail program attaches it, while the window is open. */
  jln_test_copy_file (fixture->path, copy);
  mailed = jln_document_open (copy, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (action_title (mailed, "1.4"), ==, "Titre modifié avant l’envoi");
}

/* Every new plan file, edited for the first time, with nobody else
 * writing: no reload, the undo history kept. */
static void
test_first_edit_not_outdated (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "new.jalons", NULL);
  g_autoptr(JlnDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  JlnPlan *plan;

  g_assert_false (jln_document_is_outdated (fixture->document));
  set_title (fixture->document, "1.4", "Premier changement");
  g_assert_false (jln_document_is_outdated (fixture->document));
  g_assert_true (jln_document_can_undo (fixture->document));

  plan = jln_plan_new ();
  document = jln_document_create (path, plan, NULL, &error);
  g_object_unref (plan);
  g_assert_no_error (error);
  jln_test_apply (document, jln_edit_new_set (JLN_RECORD (jln_document_get_plan (document)),
                                              "title-fr", "Mon plan"));
  g_assert_false (jln_document_is_outdated (document));
  g_assert_true (jln_document_can_undo (document));
}

/* --- A file saved over the open one ------------------------------------------ */

static void
test_replaced (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *dir = NULL;
  g_autofree char *incoming = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(JlnDocument) other = NULL;
  g_autoptr(JlnDocument) reopened = NULL;
  g_autoptr(JlnEdit) edit = NULL;
  g_autoptr(GError) error = NULL;
  JlnRecord *action;

  /* Another office's copy, with its own change, saved over the plan. */
  other = jln_test_import_plan (JLN_TEST_BUNDLED_PLAN, "jalons-incoming-XXXXXX", &dir, &incoming);
  set_title (other, "2.1", "Changé par l’autre bureau");
  g_clear_object (&other);
  g_assert_cmpint (g_rename (incoming, fixture->path), ==, 0);
  before = jln_test_checksum_file (fixture->path);

  g_assert_true (jln_document_is_replaced (fixture->document));
  action = jln_test_find_action (fixture->document, "1.4");
  edit = jln_edit_new_set (action, "title-fr", "Perdu ?");
  g_assert_false (jln_document_apply (fixture->document, edit, &error));
  g_assert_error (error, JLN_ERROR, JLN_ERROR_REPLACED);
  g_clear_error (&error);
  after = jln_test_checksum_file (fixture->path);
  g_assert_cmpstr (before, ==, after);

  /* Reloading reads the new file, and edits go to it. */
  g_assert_true (jln_document_reload (fixture->document, &error));
  g_assert_no_error (error);
  g_assert_false (jln_document_is_replaced (fixture->document));
  g_assert_cmpstr (action_title (fixture->document, "2.1"), ==, "Changé par l’autre bureau");
  set_title (fixture->document, "1.4", "Après le rechargement");
  reopened = jln_document_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (action_title (reopened, "1.4"), ==, "Après le rechargement");
  g_assert_cmpstr (action_title (reopened, "2.1"), ==, "Changé par l’autre bureau");

  jln_test_remove_tree (dir);
}

/* --- Journals and logs left behind ------------------------------------------- */

/* A write-ahead log of @path holding a committed, not checkpointed change
 * of the title of action 1.4, copied to @wal_copy as a program that
 * stopped would have left it. */
static void
make_wal_of (const char *path,
             const char *title,
             const char *wal_copy,
             const char *db_copy)
{
  g_autofree char *wal = side_path (path, "-wal");
  g_autofree char *sql = NULL;
  sqlite3 *db = sql_open (path);

  sql_exec (db, "PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0;");
  sql = sqlite3_mprintf ("UPDATE actions SET title_fr = %Q WHERE number = '1.4'", title);
  sql_exec (db, sql);
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  if (db_copy != NULL)
    jln_test_copy_file (path, db_copy);
  jln_test_copy_file (wal, wal_copy);
  sqlite3_free (g_steal_pointer (&sql));
  sqlite3_close (db);
}

static void
test_foreign_wal (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *old_path = g_build_filename (fixture->dir, "old.jalons", NULL);
  g_autofree char *wal = side_path (fixture->path, "-wal");
  g_autoptr(JlnDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *base = g_path_get_basename (fixture->path);
  g_autofree char *aside_prefix = g_strconcat (base, "-wal.not-applied-", NULL);
  GPtrArray *notices;
  sqlite3 *db;

  /* The older file, left with a log by a program that stopped, an hour
   * before a newer copy of the plan (itself in write-ahead log mode, as
   * older versions of Jalons left files) was saved at its path. */
  jln_test_copy_file (fixture->path, old_path);
  g_clear_object (&fixture->document);
  db = sql_open (fixture->path);
  sql_exec (db, "PRAGMA journal_mode = WAL;");
  sqlite3_close (db);
  make_wal_of (old_path, "Titre de l’ancien fichier", wal, NULL);
  make_older (wal, 3600);

  document = jln_document_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (action_title (document, "1.4"), !=, "Titre de l’ancien fichier");
  notices = jln_document_get_notices (document);
  g_assert_cmpuint (notices->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (notices, 0), "not applied"));
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_files_with_prefix (fixture->dir, aside_prefix), ==, 1);

  /* And the plan is in rollback-journal mode from now on. */
  set_title (document, "1.4", "Nouveau");
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static void
test_own_wal_recovered (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *crashed = g_build_filename (fixture->dir, "crashed.jalons", NULL);
  g_autofree char *crashed_wal = side_path (crashed, "-wal");
  g_autoptr(JlnDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  /* A file and its log as a program that stopped left them. */
  g_clear_object (&fixture->document);
  make_wal_of (fixture->path, "Sauvé dans le journal", crashed_wal, crashed);

  document = jln_document_open (crashed, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (action_title (document, "1.4"), ==, "Sauvé dans le journal");
  g_assert_cmpuint (jln_document_get_notices (document)->len, ==, 0);
}

static void
test_foreign_journal (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *journal = side_path (fixture->path, "-journal");
  g_autofree char *base = g_path_get_basename (fixture->path);
  g_autofree char *aside_prefix = g_strconcat (base, "-journal.not-applied-", NULL);
  g_autoptr(JlnDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;

  g_clear_object (&fixture->document);
  before = jln_test_checksum_file (fixture->path);
  g_assert_true (g_file_set_contents (journal, "\xd9\xd5\x05\xf9\x20\xa1\x63\xd7 rest of a journal",
                                      -1, NULL));
  make_older (journal, 600);

  document = jln_document_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_files_with_prefix (fixture->dir, aside_prefix), ==, 1);
  g_assert_cmpuint (jln_document_get_notices (document)->len, ==, 1);
  g_assert_nonnull (jln_test_find_action (document, "1.4"));
}

/* Read-only, a foreign journal is neither applied nor moved. */
static void
test_foreign_journal_read_only (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autofree char *journal = side_path (fixture->path, "-journal");
  g_autoptr(JlnDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_clear_object (&fixture->document);
  before = jln_test_checksum_file (fixture->path);
  g_assert_true (g_file_set_contents (journal, "not a journal of this file", -1, NULL));
  make_older (journal, 600);

  document = jln_document_open_read_only (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_true (jln_document_is_read_only (document));
  g_assert_true (g_file_test (journal, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (jln_document_get_notices (document)->len, ==, 1);
  after = jln_test_checksum_file (fixture->path);
  g_assert_cmpstr (before, ==, after);
}

/* --- Read-only plans ----------------------------------------------------------- */

static void
assert_refuses_edits (JlnDocument *document)
{
  g_autoptr(JlnEdit) edit = jln_edit_new_set (jln_test_find_action (document, "1.4"),
                                              "title-fr", "Interdit");
  g_autoptr(GError) error = NULL;

  g_assert_true (jln_document_is_read_only (document));
  g_assert_false (jln_document_apply (document, edit, &error));
  g_assert_error (error, JLN_ERROR, JLN_ERROR_READ_ONLY);
  g_assert_cmpstr (action_title (document, "1.4"), !=, "Interdit");
}

static guint
count_files (const char *dir)
{
  return count_files_with_prefix (dir, "");
}

static void
test_read_only_file (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(JlnDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  guint n_files;

  g_clear_object (&fixture->document);
  g_assert_cmpint (g_chmod (fixture->path, 0444), ==, 0);
  before = jln_test_checksum_file (fixture->path);
  n_files = count_files (fixture->dir);

  document = jln_document_open (fixture->path, &error);
  g_assert_no_error (error);
  assert_refuses_edits (document);
  g_clear_object (&document);

  after = jln_test_checksum_file (fixture->path);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (count_files (fixture->dir), ==, n_files);
}

static void
test_read_only_folder (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(JlnDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_clear_object (&fixture->document);
  before = jln_test_checksum_file (fixture->path);
  g_assert_cmpint (g_chmod (fixture->dir, 0555), ==, 0);

  document = jln_document_open (fixture->path, &error);
  g_assert_no_error (error);
  assert_refuses_edits (document);
  g_clear_object (&document);

  after = jln_test_checksum_file (fixture->path);
  g_assert_cmpstr (before, ==, after);
}

/* A database of format version 0 (empty) becomes an empty plan: in memory
 * when read-only; beside a backup that is never written over otherwise. */
static void
test_read_only_migration (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *empty = g_build_filename (fixture->dir, "empty.jalons", NULL);
  g_autofree char *backup = g_strconcat (empty, ".v0.bak", NULL);
  g_autofree char *second_backup = g_strconcat (empty, ".v0-1.bak", NULL);
  g_autoptr(JlnDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  sqlite3 *db = sql_open (empty);

  sql_exec (db, "PRAGMA page_size = 4096; VACUUM;");
  sqlite3_close (db);
  g_assert_true (g_file_set_contents (backup, "an older backup, kept", -1, NULL));
  before = jln_test_checksum_file (empty);

  document = jln_document_open_read_only (empty, &error);
  g_assert_no_error (error);
  g_assert_true (jln_document_is_read_only (document));
  g_assert_nonnull (jln_document_get_plan (document));
  g_clear_object (&document);
  after = jln_test_checksum_file (empty);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (g_file_test (second_backup, G_FILE_TEST_EXISTS));

  /* Writable, it is migrated in place; the older backup stays as it was. */
  document = jln_document_open (empty, &error);
  g_assert_no_error (error);
  g_assert_false (jln_document_is_read_only (document));
  {
    g_autofree char *kept = NULL;

    g_assert_true (g_file_get_contents (backup, &kept, NULL, NULL));
    g_assert_cmpstr (kept, ==, "an older backup, kept");
  }
}

/* --- Two windows changing one objective's order --------------------------------- */

static void
assert_positions_sound (const char *path)
{
  sqlite3 *db;
  sqlite3_stmt *stmt;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM (SELECT parent, position FROM actions"
                                           " GROUP BY parent, position HAVING count(*) > 1)",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

static guint
position_of (JlnRecord *record)
{
  GListModel *siblings = jln_record_get_children (jln_record_get_parent (record),
                                                  JLN_KIND_ACTION);

  for (guint i = 0; i < g_list_model_get_n_items (siblings); i++)
    {
      g_autoptr(JlnRecord) sibling = g_list_model_get_item (siblings, i);

      if (sibling == record)
        return i;
    }
  g_assert_not_reached ();
}

static void
test_concurrent_structure (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(JlnDocument) other = NULL;
  g_autoptr(JlnDocument) reread = NULL;
  g_autoptr(JlnEdit) move = NULL;
  g_autoptr(JlnEdit) remove = NULL;
  g_autoptr(GError) error = NULL;
  JlnRecord *first, *third;

  other = jln_document_open (fixture->path, &error);
  g_assert_no_error (error);

  /* One window removes the first action of objective 1… */
  first = jln_test_find_action (fixture->document, "1.1");
  jln_test_apply (fixture->document, jln_edit_new_remove (first));

  /* …the other, which has not seen it, moves the third to the top. */
  third = jln_test_find_action (other, "1.3");
  g_assert_cmpuint (position_of (third), ==, 2);
  move = jln_edit_new_move (third, 0);
  g_assert_false (jln_document_apply (other, move, &error));
  g_assert_error (error, JLN_ERROR, JLN_ERROR_CHANGED);
  g_clear_error (&error);
  assert_positions_sound (fixture->path);

  /* The other way round: a move, then a stale removal. */
  third = jln_test_find_action (fixture->document, "1.3");
  jln_test_apply (fixture->document, jln_edit_new_move (third, 0));
  g_clear_object (&other);
  other = jln_document_open (fixture->path, &error);
  g_assert_no_error (error);
  jln_test_apply (fixture->document, jln_edit_new_move (jln_test_find_action (fixture->document, "1.2"), 0));
  remove = jln_edit_new_remove (jln_test_find_action (other, "1.4"));
  g_assert_false (jln_document_apply (other, remove, &error));
  g_assert_error (error, JLN_ERROR, JLN_ERROR_CHANGED);
  assert_positions_sound (fixture->path);

  reread = jln_document_open (fixture->path, NULL);
  g_assert_nonnull (reread);
  g_assert_cmpuint (position_of (jln_test_find_action (reread, "1.2")), ==, 0);
  g_assert_cmpuint (position_of (jln_test_find_action (reread, "1.3")), ==, 1);
  g_assert_nonnull (jln_test_find_action (reread, "1.4"));
  g_assert_null (jln_test_find_action (reread, "1.1"));
}

/* --- History rows are read as hostile as the rest ------------------------------ */

static void
test_deep_history (Fixture       *fixture,
                   gconstpointer  data)
{
  const gsize depth = 100000;
  g_autoptr(GString) deep = g_string_new ("{\"id\": \"00000000-0000-4000-8000-00000000abcd\", \"x\": ");
  g_autoptr(JlnDocument) document = NULL;
  g_autoptr(GDateTime) since = g_date_time_new_from_iso8601 ("2000-01-01T00:00:00Z", NULL);
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;
  sqlite3 *db;

  for (gsize i = 0; i < depth; i++)
    g_string_append_c (deep, '[');
  for (gsize i = 0; i < depth; i++)
    g_string_append_c (deep, ']');
  g_string_append_c (deep, '}');

  g_clear_object (&fixture->document);
  db = sql_open (fixture->path);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "INSERT INTO history (time, batch, op, kind, object, old_value)"
                                           " VALUES ('2026-01-01T00:00:00Z', 999999, 'remove', 'action',"
                                           " '00000000-0000-4000-8000-00000000abcd', ?1)",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, deep->str, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  document = jln_document_open (fixture->path, &error);
  g_assert_no_error (error);
  changes = jln_document_get_changes (document, since, &error);
  g_assert_no_error (error);
  g_assert_nonnull (changes);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/core/plan-file/copy-while-open", test_copy_while_open);
  ADD ("/core/plan-file/first-edit-not-outdated", test_first_edit_not_outdated);
  ADD ("/core/plan-file/replaced", test_replaced);
  ADD ("/core/plan-file/foreign-wal", test_foreign_wal);
  ADD ("/core/plan-file/own-wal-recovered", test_own_wal_recovered);
  ADD ("/core/plan-file/foreign-journal", test_foreign_journal);
  ADD ("/core/plan-file/foreign-journal-read-only", test_foreign_journal_read_only);
  ADD ("/core/plan-file/read-only-file", test_read_only_file);
  ADD ("/core/plan-file/read-only-folder", test_read_only_folder);
  ADD ("/core/plan-file/read-only-migration", test_read_only_migration);
  ADD ("/core/plan-file/concurrent-structure", test_concurrent_structure);
  ADD ("/core/plan-file/deep-history", test_deep_history);
#undef ADD

  return g_test_run ();
}
