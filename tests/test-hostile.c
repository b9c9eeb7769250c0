/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>

#include "jln-document.h"
#include "jln-json.h"

#include "jln-test-process.h"
#include "jln-test-utils.h"

/* Hostile inputs: every file of tests/hostile/cases.ini goes to
 * jln_document_open(), jln_json_load_plan() and `jalons --check`, each in
 * a child process with a time limit, so that a crash or a hang is a
 * finding rather than the end of the test. Then every value of a small
 * valid plan is replaced, in turn, by values of every other JSON type. */

#define DEFAULT_TIMEOUT 20
#define NESTING         200000
#define BIG_TEXT        (30 * 1024 * 1024)

typedef enum
{
  WAY_OPEN,
  WAY_JSON,
  WAY_CHECK,
  N_WAYS
} Way;

static const char * const way_names[N_WAYS] = { "open", "json", "check" };

typedef struct
{
  char  *name;
  char  *what;
  char  *generate;
  char  *words[N_WAYS];     /* NULL: may accept */
  char  *bugs[N_WAYS];
  guint  timeout;

  char  *dir;
  char  *path;
  char  *checksum;          /* the last one taken */
} Case;

typedef struct
{
  Case *hostile;
  Way   way;
} Run;

static char *temp_root;
static char *source_plan;
static char *self_path;
static GPtrArray *cases;    /* Case */
static GPtrArray *runs;     /* Run */

static struct
{
  guint runs;
  guint passed;
  guint known_bugs;
  guint mutants;
  guint mutants_refused;
} figures;

/* --- The child, which reads one file one way ----------------------------- */

/* Prints REFUSED and the message, or ACCEPTED when the plan read also
 * exports to JSON that reads back, or ACCEPTED-BROKEN and why not. */
static int
run_load_child (const char *way,
                const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JlnDocument) document = NULL;
  g_autoptr(JlnPlan) plan = NULL;
  g_autoptr(GBytes) exported = NULL;
  g_autoptr(JlnPlan) again = NULL;
  const char *data;
  gsize length;

  if (g_str_equal (way, "open"))
    {
      document = jln_document_open (path, &error);
      if (document != NULL)
        plan = g_object_ref (jln_document_get_plan (document));
    }
  else
    plan = jln_json_load_plan (path, &error);

  if (plan == NULL)
    {
      g_print ("REFUSED\t%s\n", error->message);
      return 1;
    }

  exported = jln_json_write_plan (plan);
  data = g_bytes_get_data (exported, &length);
  if (!g_utf8_validate_len (data, length, NULL))
    g_print ("ACCEPTED-BROKEN\tits JSON export is not valid UTF-8\n");
  else if ((again = jln_json_read_plan (data, length, "export", &error)) == NULL)
    g_print ("ACCEPTED-BROKEN\t%s\n", error->message);
  else
    g_print ("ACCEPTED\n");
  return 0;
}

/* --- Generated inputs ------------------------------------------------------ */

static const char plan_prefix[] =
  "{\"format\": \"jalons-plan\", \"version\": 1, "
  "\"id\": \"6f1e3c2a-0d4b-4c1e-9a57-1b2c3d4e5f60\", \"title\": {\"fr\": \"Plan\"}, ";

static void
put_repeated (FILE       *file,
              const char *text,
              gsize       times)
{
  for (gsize i = 0; i < times; i++)
    fputs (text, file);
}

static FILE *
open_output (const char *path)
{
  FILE *file = g_fopen (path, "wb");

  g_assert_nonnull (file);
  return file;
}

static void
close_output (FILE *file)
{
  g_assert_cmpint (fclose (file), ==, 0);
}

static void
generate_deep (const char *path,
               const char *before,
               const char *open,
               const char *middle,
               const char *close,
               const char *after)
{
  FILE *file = open_output (path);

  fputs (before, file);
  put_repeated (file, open, NESTING);
  fputs (middle, file);
  put_repeated (file, close, NESTING);
  fputs (after, file);
  close_output (file);
}

static void
generate_deep_lists (const char *path)
{
  generate_deep (path, "", "[", "", "]", "\n");
}

static void
generate_deep_objects (const char *path)
{
  generate_deep (path, "", "{\"a\": ", "1", "}", "\n");
}

static void
generate_deep_in_plan (const char *path)
{
  g_autofree char *before = g_strconcat (plan_prefix, "\"notes\": ", NULL);

  generate_deep (path, before, "[", "", "]", "}\n");
}

static void
generate_deep_unknown_member (const char *path)
{
  g_autofree char *before = g_strconcat (plan_prefix, "\"surprise\": ", NULL);

  generate_deep (path, before, "{\"a\": ", "1", "}", "}\n");
}

static void
generate_deep_children (const char *path)
{
  g_autofree char *before = g_strconcat (plan_prefix, "\"objectives\": ", NULL);

  generate_deep (path, before, "[", "", "]", "}\n");
}

static void
generate_big (const char *path,
              const char *before,
              const char *unit,
              const char *after)
{
  FILE *file = open_output (path);
  g_autoptr(GString) block = g_string_new (NULL);

  while (block->len < 1024 * 1024)
    g_string_append (block, unit);
  fputs (before, file);
  for (gsize written = 0; written < BIG_TEXT; written += block->len)
    fwrite (block->str, 1, block->len, file);
  fputs (after, file);
  close_output (file);
}

static void
generate_string_30mb (const char *path)
{
  g_autofree char *before = g_strconcat (plan_prefix, "\"notes\": {\"fr\": \"", NULL);

  generate_big (path, before, "a", "\"}}\n");
}

static void
generate_escapes_30mb (const char *path)
{
  g_autofree char *before = g_strconcat (plan_prefix, "\"notes\": {\"fr\": \"", NULL);

  generate_big (path, before, "\\u00e9", "\"}}\n");
}

static void
generate_key_30mb (const char *path)
{
  g_autofree char *before = g_strconcat (plan_prefix, "\"", NULL);

  generate_big (path, before, "k", "\": 1}\n");
}

static void
generate_number_30mb (const char *path)
{
  g_autofree char *before =
    g_strconcat (plan_prefix, "\"principles\": [{\"id\": \"d4c3b2a1-f6e5-4d7c-9b8a-5f4e3d2c1b0a\", "
                              "\"number\": ", NULL);

  generate_big (path, before, "9", "}]}\n");
}

static void
generate_larger_than_256mb (const char *path)
{
  FILE *file = open_output (path);

  /* Sparse: it takes no room on the disk. */
  g_assert_cmpint (ftruncate (fileno (file), 300 * 1024 * 1024), ==, 0);
  close_output (file);
}

static void
generate_fifo (const char *path)
{
  g_assert_cmpint (mkfifo (path, 0600), ==, 0);
}

static void
generate_directory (const char *path)
{
  g_assert_cmpint (g_mkdir (path, 0700), ==, 0);
}

/* The bundled plan as a plan file of the current schema, made once. */
static const char *
get_source_plan (void)
{
  if (source_plan == NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *dir = g_build_filename (temp_root, "source", NULL);
      g_autoptr(JlnDocument) document = NULL;

      g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
      source_plan = g_build_filename (dir, "plan.jalons", NULL);
      document = jln_document_import (JLN_TEST_BUNDLED_PLAN, source_plan, &error);
      g_assert_no_error (error);
    }
  return source_plan;
}

static void
copy_file (const char *from,
           const char *to,
           gsize       length)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize full;

  g_file_get_contents (from, &contents, &full, &error);
  g_assert_no_error (error);
  g_file_set_contents (to, contents, MIN (length, full), &error);
  g_assert_no_error (error);
}

static void
sql_exec (const char *path,
          const char *sql)
{
  sqlite3 *db;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

static gint64
sql_int (const char *path,
         const char *sql)
{
  sqlite3 *db;
  sqlite3_stmt *stmt;
  gint64 value;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

/* A copy of the source plan changed by @sql. */
static void
generate_changed_plan (const char *path,
                       const char *sql)
{
  copy_file (get_source_plan (), path, G_MAXSIZE);
  sql_exec (path, sql);
}

#define FIRST_ACTION "(SELECT min(rowid) FROM actions)"

static void
generate_sqlite_truncated_third (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (get_source_plan (), &st), ==, 0);
  copy_file (get_source_plan (), path, st.st_size / 3);
}

static void
generate_sqlite_newer (const char *path)
{
  generate_changed_plan (path, "PRAGMA user_version = 99;");
}

static void
generate_sqlite_bad_status (const char *path)
{
  generate_changed_plan (path, "UPDATE actions SET status = 'bogus' WHERE rowid = " FIRST_ACTION);
}

static void
generate_sqlite_orphan (const char *path)
{
  generate_changed_plan (path, "UPDATE actions SET parent = 'nowhere' WHERE rowid = " FIRST_ACTION);
}

static void
generate_sqlite_invalid_utf8 (const char *path)
{
  /* "Titre", then 0xFF and a lone lead byte. */
  generate_changed_plan (path, "UPDATE actions SET title_fr = CAST (X'5469747265FF20C328' AS TEXT)"
                               " WHERE rowid = " FIRST_ACTION);
}

static void
generate_sqlite_missing_number (const char *path)
{
  generate_changed_plan (path, "UPDATE actions SET number = NULL WHERE rowid = " FIRST_ACTION);
}

static void
generate_sqlite_huge_semester (const char *path)
{
  generate_changed_plan (path, "UPDATE actions SET due_semester = 9223372036854775807"
                               " WHERE rowid = " FIRST_ACTION);
}

static void
generate_sqlite_huge_integer (const char *path)
{
  generate_changed_plan (path, "UPDATE principles SET number = 1099511627776"
                               " WHERE rowid = (SELECT min(rowid) FROM principles)");
}

static void
generate_sqlite_text_30mb (const char *path)
{
  generate_changed_plan (path, "UPDATE actions SET title_fr ="
                               " replace (hex (zeroblob (15728640)), '0', 'a')"
                               " WHERE rowid = " FIRST_ACTION);
}

static void
generate_sqlite_nul_text (const char *path)
{
  /* "A NUL", a NUL byte, " byte!" */
  generate_changed_plan (path, "UPDATE actions SET title_fr ="
                               " CAST (X'41204E554C00206279746521' AS TEXT)"
                               " WHERE rowid = " FIRST_ACTION);
}

/* Overwrites the root page of the actions table, which jln_store_load()
 * reads after the plan, its units, principles, milestones and objectives. */
static void
damage_actions (const char *path)
{
  gint64 root = sql_int (path, "SELECT rootpage FROM sqlite_schema WHERE name = 'actions'");
  gint64 page_size = sql_int (path, "PRAGMA page_size");
  g_autofree char *garbage = g_malloc (page_size);
  FILE *file = g_fopen (path, "r+b");

  for (gint64 i = 0; i < page_size; i++)
    garbage[i] = i % 2 == 0 ? (char) 0xde : (char) 0xad;
  g_assert_nonnull (file);
  g_assert_cmpint (fseek (file, (root - 1) * page_size, SEEK_SET), ==, 0);
  g_assert_cmpuint (fwrite (garbage, 1, page_size, file), ==, page_size);
  close_output (file);
}

static void
generate_sqlite_damaged_wal (const char *path)
{
  copy_file (get_source_plan (), path, G_MAXSIZE);
  damage_actions (path);
}

static void
generate_sqlite_damaged_copy (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JlnDocument) document = jln_document_open (get_source_plan (), &error);

  g_assert_no_error (error);
  g_assert_true (jln_document_save_copy (document, path, &error));
  g_assert_no_error (error);
  damage_actions (path);
}

static void
generate_sqlite_trigger_wipe (const char *path)
{
  generate_changed_plan (path, "CREATE TRIGGER wipe AFTER UPDATE ON actions BEGIN DELETE FROM actions; DELETE FROM history; END;");
}

static void
generate_sqlite_trigger_rewrite (const char *path)
{
  generate_changed_plan (path, "CREATE TRIGGER rewrite AFTER INSERT ON history BEGIN UPDATE actions SET title_fr = 'pwned'; END;");
}

static void
generate_sqlite_view_endless (const char *path)
{
  generate_changed_plan (path, "CREATE VIEW endless AS WITH RECURSIVE c (x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT x FROM c;");
}

static void
generate_sqlite_extra_table (const char *path)
{
  generate_changed_plan (path, "CREATE TABLE scratch (x TEXT); INSERT INTO scratch VALUES ('kept');");
}

static void
generate_sqlite_extra_index (const char *path)
{
  generate_changed_plan (path, "CREATE INDEX evil ON actions (title_fr);");
}

static void
generate_sqlite_partial_index (const char *path)
{
  generate_changed_plan (path, "DROP INDEX actions_by_parent; CREATE INDEX actions_by_parent ON actions (parent, position) WHERE number > 'z';");
}

static void
generate_sqlite_extra_column (const char *path)
{
  generate_changed_plan (path, "ALTER TABLE actions ADD COLUMN extra TEXT;");
}

static void
generate_sqlite_generated_column (const char *path)
{
  generate_changed_plan (path, "ALTER TABLE actions ADD COLUMN shadow TEXT GENERATED ALWAYS AS (upper (title_fr)) VIRTUAL;");
}

static void
generate_sqlite_stat1 (const char *path)
{
  generate_changed_plan (path, "ANALYZE;");
}

static void
generate_sqlite_app_id_negative (const char *path)
{
  generate_changed_plan (path, "PRAGMA application_id = -1;");
}

static void
generate_sqlite_app_id_high (const char *path)
{
  generate_changed_plan (path, "PRAGMA application_id = 2147483648;");
}

static void
generate_sqlite_version_negative (const char *path)
{
  generate_changed_plan (path, "PRAGMA user_version = -1;");
}

static void
generate_sqlite_version_max (const char *path)
{
  generate_changed_plan (path, "PRAGMA user_version = 2147483647;");
}

static void
generate_sqlite_version_zero (const char *path)
{
  generate_changed_plan (path, "PRAGMA user_version = 0;");
}

static void
generate_sqlite_path_id (const char *path)
{
  generate_changed_plan (path, "UPDATE plan SET id = '../../../../victim';");
}

static void
generate_sqlite_id_not_uuid (const char *path)
{
  generate_changed_plan (path, "UPDATE actions SET id = 'not-a-uuid' WHERE rowid = " FIRST_ACTION ";");
}

static void
generate_sqlite_unit_twice (const char *path)
{
  generate_changed_plan (path, "INSERT INTO actions_units (owner, target, position) SELECT owner, target, position + 1000 FROM actions_units LIMIT 1;");
}

static void
generate_sqlite_huge_target (const char *path)
{
  generate_changed_plan (path, "UPDATE targets SET target_value = 1e308 WHERE rowid = (SELECT min (rowid) FROM targets WHERE target_value IS NOT NULL);");
}

static void
generate_sqlite_text_in_number (const char *path)
{
  generate_changed_plan (path, "UPDATE principles SET number = 'twelve' WHERE rowid = (SELECT min (rowid) FROM principles);");
}

static void
generate_sqlite_text_in_semester (const char *path)
{
  generate_changed_plan (path, "UPDATE actions SET due_semester = '2022-S2' WHERE rowid = " FIRST_ACTION ";");
}

static void
generate_sqlite_deep_references (const char *path)
{
  generate_changed_plan (path, "UPDATE actions SET cf_references ="
                               " replace (hex (zeroblob (100000)), '00', '[[')"
                               " WHERE rowid = " FIRST_ACTION);
}

static const struct
{
  const char *name;
  void      (*generate) (const char *path);
} generators[] = {
  { "deep-lists", generate_deep_lists },
  { "deep-objects", generate_deep_objects },
  { "deep-in-plan", generate_deep_in_plan },
  { "deep-unknown-member", generate_deep_unknown_member },
  { "deep-children", generate_deep_children },
  { "string-30mb", generate_string_30mb },
  { "escapes-30mb", generate_escapes_30mb },
  { "key-30mb", generate_key_30mb },
  { "number-30mb", generate_number_30mb },
  { "larger-than-256mb", generate_larger_than_256mb },
  { "fifo", generate_fifo },
  { "directory", generate_directory },
  { "sqlite-truncated-third", generate_sqlite_truncated_third },
  { "sqlite-newer", generate_sqlite_newer },
  { "sqlite-bad-status", generate_sqlite_bad_status },
  { "sqlite-orphan", generate_sqlite_orphan },
  { "sqlite-invalid-utf8", generate_sqlite_invalid_utf8 },
  { "sqlite-missing-number", generate_sqlite_missing_number },
  { "sqlite-huge-semester", generate_sqlite_huge_semester },
  { "sqlite-huge-integer", generate_sqlite_huge_integer },
  { "sqlite-text-30mb", generate_sqlite_text_30mb },
  { "sqlite-nul-text", generate_sqlite_nul_text },
  { "sqlite-damaged-wal", generate_sqlite_damaged_wal },
  { "sqlite-damaged-copy", generate_sqlite_damaged_copy },
  { "sqlite-deep-references", generate_sqlite_deep_references },
  { "sqlite-trigger-wipe", generate_sqlite_trigger_wipe },
  { "sqlite-trigger-rewrite", generate_sqlite_trigger_rewrite },
  { "sqlite-view-endless", generate_sqlite_view_endless },
  { "sqlite-extra-table", generate_sqlite_extra_table },
  { "sqlite-extra-index", generate_sqlite_extra_index },
  { "sqlite-partial-index", generate_sqlite_partial_index },
  { "sqlite-extra-column", generate_sqlite_extra_column },
  { "sqlite-generated-column", generate_sqlite_generated_column },
  { "sqlite-stat1", generate_sqlite_stat1 },
  { "sqlite-app-id-negative", generate_sqlite_app_id_negative },
  { "sqlite-app-id-high", generate_sqlite_app_id_high },
  { "sqlite-version-negative", generate_sqlite_version_negative },
  { "sqlite-version-max", generate_sqlite_version_max },
  { "sqlite-version-zero", generate_sqlite_version_zero },
  { "sqlite-path-id", generate_sqlite_path_id },
  { "sqlite-id-not-uuid", generate_sqlite_id_not_uuid },
  { "sqlite-unit-twice", generate_sqlite_unit_twice },
  { "sqlite-huge-target", generate_sqlite_huge_target },
  { "sqlite-text-in-number", generate_sqlite_text_in_number },
  { "sqlite-text-in-semester", generate_sqlite_text_in_semester },
};

/* --- Running a case -------------------------------------------------------- */

/* A SHA-256 of a regular file's bytes; the kind of anything else. */
static char *
checksum_file (const char *path)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree guchar *buffer = NULL;
  GStatBuf st;
  FILE *file;
  gsize n;

  if (g_lstat (path, &st) != 0)
    return g_strdup_printf ("missing (%s)", g_strerror (errno));
  if (!S_ISREG (st.st_mode))
    return g_strdup_printf ("not a regular file, of mode %o", (guint) st.st_mode);

  file = g_fopen (path, "rb");
  g_assert_nonnull (file);
  buffer = g_malloc (1024 * 1024);
  while ((n = fread (buffer, 1, 1024 * 1024, file)) > 0)
    g_checksum_update (checksum, buffer, n);
  fclose (file);
  return g_strdup_printf ("%" G_GINT64_FORMAT " bytes, sha256 %s",
                          (gint64) st.st_size, g_checksum_get_string (checksum));
}

static void
prepare_case (Case *hostile)
{
  if (hostile->path != NULL)
    return;

  hostile->dir = g_build_filename (temp_root, hostile->name, NULL);
  g_assert_cmpint (g_mkdir (hostile->dir, 0700), ==, 0);
  hostile->path = g_build_filename (hostile->dir, hostile->name, NULL);

  if (hostile->generate != NULL)
    {
      guint i;

      for (i = 0; i < G_N_ELEMENTS (generators); i++)
        if (g_str_equal (generators[i].name, hostile->generate))
          break;
      if (i == G_N_ELEMENTS (generators))
        g_error ("%s: no generator “%s”", hostile->name, hostile->generate);
      generators[i].generate (hostile->path);
    }
  else
    {
      g_autofree char *corpus = g_build_filename (HOSTILE_DIR, hostile->name, NULL);

      copy_file (corpus, hostile->path, G_MAXSIZE);
    }
  hostile->checksum = checksum_file (hostile->path);
}

static void
clear_case (Case *hostile)
{
  if (hostile->dir != NULL)
    g_assert_true (jln_test_remove_tree (hostile->dir));
  g_clear_pointer (&hostile->dir, g_free);
  g_clear_pointer (&hostile->path, g_free);
  g_clear_pointer (&hostile->checksum, g_free);
}

static void
reset_case (Case *hostile)
{
  clear_case (hostile);
  prepare_case (hostile);
}

/* What is in the case's folder besides the file itself. */
static char *
list_others (Case *hostile)
{
  g_autoptr(GDir) dir = g_dir_open (hostile->dir, 0, NULL);
  g_autoptr(GString) others = g_string_new (NULL);
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    if (!g_str_equal (name, hostile->name))
      g_string_append_printf (others, "%s%s", others->len > 0 ? ", " : "", name);
  return g_string_free (g_steal_pointer (&others), FALSE);
}

static gboolean
contains_words (const char  *message,
                const char  *words,
                GString     *problems)
{
  g_autofree char *folded = g_ascii_strdown (message, -1);
  g_auto(GStrv) list = g_strsplit (words, ";", -1);
  gboolean all = TRUE;

  for (guint i = 0; list[i] != NULL; i++)
    {
      g_autofree char *word = g_ascii_strdown (g_strstrip (list[i]), -1);

      if (strstr (folded, word) == NULL)
        {
          g_string_append_printf (problems, "; the message lacks “%s”", list[i]);
          all = FALSE;
        }
    }
  return all;
}

static gboolean
child_stderr_empty (JlnTestChild *child)
{
  g_autofree char *errors = jln_test_child_errors (child);

  return errors[0] == '\0';
}

static void
test_case (gconstpointer data)
{
  const Run *run = data;
  Case *hostile = run->hostile;
  const char *words = hostile->words[run->way];
  const char *bug = hostile->bugs[run->way];
  g_autoptr(GString) problems = g_string_new (NULL);
  g_autoptr(JlnTestChild) child = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *after = NULL;
  g_autofree char *others = NULL;
  g_autofree char *message = NULL;
  const char *argv[5] = { NULL };
  gboolean refused = FALSE, accepted = FALSE;
  gint64 start;

  prepare_case (hostile);
  basename = g_path_get_basename (hostile->path);

  if (run->way == WAY_CHECK)
    {
      argv[0] = JALONS_PROGRAM;
      argv[1] = "--check";
      argv[2] = hostile->path;
    }
  else
    {
      argv[0] = self_path;
      argv[1] = "--load";
      argv[2] = way_names[run->way];
      argv[3] = hostile->path;
    }

  start = g_get_monotonic_time ();
  child = jln_test_child_spawn (argv, &error);
  g_assert_no_error (error);
  if (!jln_test_child_wait_until (child, start + hostile->timeout * G_USEC_PER_SEC, NULL))
    {
      jln_test_child_kill (child);
      g_string_append_printf (problems, "; no answer within %u s: it hangs", hostile->timeout);
    }
  else if (WIFSIGNALED (child->wait_status))
    {
      g_autofree char *description = jln_test_child_describe (child);

      g_string_append_printf (problems, "; it crashed: %s", description);
    }
  else if (run->way == WAY_CHECK)
    {
      int status = WEXITSTATUS (child->wait_status);

      refused = status == 1;
      accepted = status == 0;
      message = jln_test_child_errors (child);
      g_strchomp (message);
      if (!refused && !accepted)
        g_string_append_printf (problems, "; `jalons --check` exited with %d: %s", status, message);
    }
  else
    {
      char **lines = NULL;

      message = g_strdup (child->out->str);
      g_strchomp (message);
      lines = g_strsplit (message, "\t", 2);
      refused = WEXITSTATUS (child->wait_status) == 1 && g_strcmp0 (lines[0], "REFUSED") == 0;
      accepted = WEXITSTATUS (child->wait_status) == 0 && lines[0] != NULL &&
                 g_str_has_prefix (lines[0], "ACCEPTED");
      if (refused)
        {
          g_free (message);
          message = g_strdup (lines[1] != NULL ? lines[1] : "");
        }
      else if (!accepted || !child_stderr_empty (child))
        {
          g_autofree char *description = jln_test_child_describe (child);

          g_string_append_printf (problems, "; the child %s, saying: %s", description, message);
        }
      else if (g_str_equal (lines[0], "ACCEPTED-BROKEN"))
        g_string_append_printf (problems, "; accepted, but what was read does not export to "
                                          "JSON that reads back: %s", lines[1]);
      g_strfreev (lines);
    }

  if (refused)
    {
      /* The message names the file: the path given, or at least its name. */
      if (strstr (message, run->way == WAY_CHECK ? basename : hostile->path) == NULL)
        g_string_append_printf (problems, "; the message does not name the file: %s", message);
      if (words != NULL && !contains_words (message, words, problems))
        g_string_append_printf (problems, " (the message: %s)", message);
    }
  else if (accepted && words != NULL)
    g_string_append_printf (problems, "; accepted, where the user should be told: %s", words);

  /* Untouched, and nothing left beside it. */
  after = checksum_file (hostile->path);
  if (!g_str_equal (after, hostile->checksum))
    g_string_append_printf (problems, "; the file was changed: %s before, %s after",
                            hostile->checksum, after);
  others = list_others (hostile);
  if (others[0] != '\0')
    g_string_append_printf (problems, "; left beside it: %s", others);
  /* The next way in gets the file as it was. */
  if (!g_str_equal (after, hostile->checksum) || others[0] != '\0')
    reset_case (hostile);

  g_test_message ("%s (%s) through %s, in %.2f s: %s", hostile->name, hostile->what,
                  way_names[run->way], (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC,
                  message != NULL ? message : "(no message)");
  /* Big generated files go once the last way in is done. */
  if (run->way == N_WAYS - 1)
    clear_case (hostile);
  figures.runs++;
  if (problems->len == 0)
    {
      figures.passed++;
      if (bug != NULL)
        g_test_message ("the known bug noted for %s (%s) is no longer seen: remove it "
                        "from tests/hostile/cases.ini", hostile->name, way_names[run->way]);
      return;
    }

  if (bug != NULL)
    {
      g_autofree char *note = g_strdup_printf ("known bug: %s — seen%s", bug, problems->str + 1);

      figures.known_bugs++;
      g_test_incomplete (note);
      return;
    }
  g_test_fail_printf ("%s through %s:%s", hostile->name, way_names[run->way], problems->str + 1);
}

/* --- Every value of a valid plan, of every wrong type ---------------------- */

typedef enum
{
  KIND_STRING,
  KIND_NUMBER,
  KIND_BOOLEAN,
  KIND_NULL,
  KIND_OBJECT,
  KIND_ARRAY,
} ValueKind;

static const struct
{
  const char *json;
  ValueKind   kind;
  int         element;    /* of an array: the kind of its elements, or -1 */
} wrong_values[] = {
  { "\"x\"", KIND_STRING, -1 },
  { "7", KIND_NUMBER, -1 },
  { "-1", KIND_NUMBER, -1 },
  { "2.5", KIND_NUMBER, -1 },
  { "1e300", KIND_NUMBER, -1 },
  { "true", KIND_BOOLEAN, -1 },
  { "null", KIND_NULL, -1 },
  { "{}", KIND_OBJECT, -1 },
  { "{\"x\": 1}", KIND_OBJECT, -1 },
  { "[]", KIND_ARRAY, -1 },
  { "[7]", KIND_ARRAY, KIND_NUMBER },
  { "[\"x\"]", KIND_ARRAY, KIND_STRING },
  { "[{}]", KIND_ARRAY, KIND_OBJECT },
};

static ValueKind
node_kind (JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      return KIND_OBJECT;
    case JSON_NODE_ARRAY:
      return KIND_ARRAY;
    case JSON_NODE_NULL:
      return KIND_NULL;
    default:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING:
          return KIND_STRING;
        case G_TYPE_BOOLEAN:
          return KIND_BOOLEAN;
        default:
          return KIND_NUMBER;
        }
    }
}

/* Whether @value is of another type than @node, so that it must be refused:
 * another kind, or a list of other elements; an object that has members
 * no record or text has; a record without its id. */
static gboolean
is_wrong_for (JsonNode *node,
              guint     value)
{
  ValueKind kind = node_kind (node);

  if (wrong_values[value].kind != kind)
    return TRUE;
  if (kind == KIND_OBJECT)
    return g_str_equal (wrong_values[value].json, "{\"x\": 1}");
  if (kind == KIND_ARRAY && wrong_values[value].element >= 0)
    {
      JsonArray *array = json_node_get_array (node);
      ValueKind element;

      if (json_array_get_length (array) == 0)
        return FALSE;
      element = node_kind (json_array_get_element (array, 0));
      return (int) element != wrong_values[value].element || element == KIND_OBJECT;
    }
  return FALSE;
}

static void
write_string (GString    *out,
              const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_c (out, '\\');
      if ((guchar) *p < 0x20)
        g_string_append_printf (out, "\\u%04x", (guint) (guchar) *p);
      else
        g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/* Writes @node as JSON, members in their order, with @replacement in
 * place of @target. */
static void
write_node (GString    *out,
            JsonNode   *node,
            JsonNode   *target,
            const char *replacement)
{
  if (node == target)
    {
      g_string_append (out, replacement);
      return;
    }

  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (node);
        g_autoptr(GList) members = json_object_get_members (object);

        g_string_append_c (out, '{');
        for (GList *l = members; l != NULL; l = l->next)
          {
            if (l != members)
              g_string_append (out, ", ");
            write_string (out, l->data);
            g_string_append (out, ": ");
            write_node (out, json_object_get_member (object, l->data), target, replacement);
          }
        g_string_append_c (out, '}');
        break;
      }
    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);

        g_string_append_c (out, '[');
        for (guint i = 0; i < json_array_get_length (array); i++)
          {
            if (i > 0)
              g_string_append (out, ", ");
            write_node (out, json_array_get_element (array, i), target, replacement);
          }
        g_string_append_c (out, ']');
        break;
      }
    case JSON_NODE_NULL:
      g_string_append (out, "null");
      break;
    default:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING:
          write_string (out, json_node_get_string (node));
          break;
        case G_TYPE_BOOLEAN:
          g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
          break;
        case G_TYPE_INT64:
          g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
          break;
        default:
          {
            char buffer[G_ASCII_DTOSTR_BUF_SIZE];
            double value = json_node_get_double (node);

            g_string_append (out, g_ascii_dtostr (buffer, sizeof buffer, value));
          }
        }
    }
}

typedef struct
{
  JsonNode   *root;
  const char *path;
  GString    *examples;
} Mutation;

/* Without the fsync() of g_file_set_contents(): there are many. */
static void
write_text (const char *path,
            GString    *text)
{
  FILE *file = open_output (path);

  g_assert_cmpuint (fwrite (text->str, 1, text->len, file), ==, text->len);
  close_output (file);
}

static void
try_wrong_values (Mutation   *mutation,
                  JsonNode   *node,
                  const char *json_path,
                  const char *reported_path)
{
  for (guint v = 0; v < G_N_ELEMENTS (wrong_values); v++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(JlnPlan) plan = NULL;

      if (!is_wrong_for (node, v))
        continue;
      write_node (text, mutation->root, node, wrong_values[v].json);
      write_text (mutation->path, text);

      figures.mutants++;
      plan = jln_json_load_plan (mutation->path, &error);
      if (plan != NULL)
        g_error ("%s = %s: accepted", json_path, wrong_values[v].json);
      g_assert_error (error, JLN_ERROR, error->code);
      if (!g_str_has_prefix (error->message, mutation->path) ||
          strstr (error->message, reported_path) == NULL)
        g_error ("%s = %s: the message does not name the file and the place: %s",
                 json_path, wrong_values[v].json, error->message);
      figures.mutants_refused++;
      if (v == 6 && mutation->examples->len < 2000)
        g_string_append_printf (mutation->examples, "\n    %s = null: %s", json_path,
                                error->message + strlen (mutation->path));
    }
}

static void
mutate_all (Mutation   *mutation,
            JsonNode   *node,
            const char *json_path)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      g_autoptr(GList) members = json_object_get_members (object);

      for (GList *l = members; l != NULL; l = l->next)
        {
          JsonNode *member = json_object_get_member (object, l->data);
          g_autofree char *path = g_strdup_printf ("%s.%s", json_path, (char *) l->data);
          /* The plan's format and version are reported at the plan. */
          gboolean at_plan = node == mutation->root &&
                             (g_str_equal (l->data, "format") || g_str_equal (l->data, "version"));

          try_wrong_values (mutation, member, path, at_plan ? "$: " : path);
          mutate_all (mutation, member, path);
        }
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);
          g_autofree char *path = g_strdup_printf ("%s[%u]", json_path, i);

          try_wrong_values (mutation, element, path, path);
          mutate_all (mutation, element, path);
        }
    }
}

static void
test_wrong_types (void)
{
  g_autofree char *base = g_build_filename (HOSTILE_DIR, "base.json", NULL);
  g_autofree char *dir = g_build_filename (temp_root, "wrong-types", NULL);
  g_autofree char *path = g_build_filename (dir, "plan.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) examples = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JlnPlan) plan = NULL;
  Mutation mutation = { NULL, path, examples };

  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  json_parser_load_from_file (parser, base, &error);
  g_assert_no_error (error);
  mutation.root = json_parser_get_root (parser);

  /* As written back, unchanged, the plan reads. */
  write_node (text, mutation.root, NULL, NULL);
  write_text (path, text);
  plan = jln_json_load_plan (path, &error);
  g_assert_no_error (error);

  alarm (120);   /* a hang ends the test */
  mutate_all (&mutation, mutation.root, "$");
  alarm (0);

  g_test_message ("wrong types: %u values of base.json replaced by a value of another type, "
                  "%u refused with the file and the place named; for example:%s",
                  figures.mutants, figures.mutants_refused, examples->str);
  g_assert_cmpuint (figures.mutants, >, 500);
}

static void
test_summary (void)
{
  guint generated = 0;

  for (guint i = 0; i < cases->len; i++)
    if (((Case *) g_ptr_array_index (cases, i))->generate != NULL)
      generated++;
  g_test_message ("hostile inputs tried: %u files (%u in tests/hostile, %u generated) "
                  "x 3 ways in = %u runs, %u as expected, %u known bugs of src/; "
                  "and %u wrong-type variants of base.json",
                  cases->len, cases->len - generated, generated, figures.runs, figures.passed,
                  figures.known_bugs, figures.mutants);
}

/* --- Setting up ---------------------------------------------------------- */

static void
case_free (Case *hostile)
{
  g_free (hostile->name);
  g_free (hostile->what);
  g_free (hostile->generate);
  for (guint i = 0; i < N_WAYS; i++)
    {
      g_free (hostile->words[i]);
      g_free (hostile->bugs[i]);
    }
  g_free (hostile->dir);
  g_free (hostile->path);
  g_free (hostile->checksum);
  g_free (hostile);
}

static void
load_cases (void)
{
  g_autofree char *path = g_build_filename (HOSTILE_DIR, "cases.ini", NULL);
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) groups = NULL;

  g_key_file_load_from_file (key_file, path, G_KEY_FILE_NONE, &error);
  g_assert_no_error (error);
  groups = g_key_file_get_groups (key_file, NULL);
  cases = g_ptr_array_new_with_free_func ((GDestroyNotify) case_free);
  runs = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; groups[i] != NULL; i++)
    {
      Case *hostile = g_new0 (Case, 1);
      g_autofree char *bug = g_key_file_get_string (key_file, groups[i], "bug", NULL);

      hostile->name = g_strdup (groups[i]);
      hostile->what = g_key_file_get_string (key_file, groups[i], "what", &error);
      g_assert_no_error (error);
      hostile->generate = g_key_file_get_string (key_file, groups[i], "generate", NULL);
      hostile->timeout = g_key_file_has_key (key_file, groups[i], "timeout", NULL)
        ? (guint) g_key_file_get_integer (key_file, groups[i], "timeout", NULL) : DEFAULT_TIMEOUT;
      for (guint w = 0; w < N_WAYS; w++)
        {
          g_autofree char *bug_key = g_strconcat ("bug-", way_names[w], NULL);

          hostile->words[w] = g_key_file_get_string (key_file, groups[i], way_names[w], NULL);
          hostile->bugs[w] = g_key_file_get_string (key_file, groups[i], bug_key, NULL);
          if (hostile->bugs[w] == NULL)
            hostile->bugs[w] = g_strdup (bug);
        }
      g_ptr_array_add (cases, hostile);

      for (guint w = 0; w < N_WAYS; w++)
        {
          Run *run = g_new0 (Run, 1);
          g_autofree char *test_path = g_strdup_printf ("/hostile/file/%s/%s", hostile->name,
                                                        way_names[w]);

          run->hostile = hostile;
          run->way = w;
          g_ptr_array_add (runs, run);
          g_test_add_data_func (test_path, run, test_case);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  /* Messages keep their quotation marks in the test log. */
  setlocale (LC_ALL, "C.UTF-8");
  if (argc == 4 && g_str_equal (argv[1], "--load"))
    return run_load_child (argv[2], argv[3]);

  g_test_init (&argc, &argv, NULL);
  self_path = jln_test_self_path ();
  temp_root = g_dir_make_tmp ("jalons-hostile-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/hostile/wrong-types", test_wrong_types);
  load_cases ();
  g_test_add_func ("/hostile/summary/figures", test_summary);
  status = g_test_run ();

  jln_test_remove_tree (temp_root);
  g_clear_pointer (&runs, g_ptr_array_unref);
  g_clear_pointer (&cases, g_ptr_array_unref);
  g_free (source_plan);
  g_free (temp_root);
  g_free (self_path);
  return status;
}
