/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The command line with files as careless users and attackers give them:
 * an export over the plan it reads, a private file exported over, two
 * imports racing to one name, partial files of a killed export, escape
 * sequences in a plan's texts, and --check on files it must not touch. */
#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "jln-test-process.h"
#include "jln-test-utils.h"

static char *temp_root;
static char *plan_path;   /* the bundled plan as a plan file */

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
run_jalons (Run        *run,
            const char *first,
            ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(JlnTestChild) child = NULL;
  g_autoptr(GError) error = NULL;
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, (gpointer) JALONS_PROGRAM);
  va_start (args, first);
  for (arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  child = jln_test_child_spawn ((const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_assert_true (jln_test_child_wait_until (child, g_get_monotonic_time () + 60 * G_USEC_PER_SEC, NULL));
  run->status = WIFEXITED (child->wait_status) ? WEXITSTATUS (child->wait_status) : -1;
  run->out = g_strdup (child->out->str);
  run->err = jln_test_child_errors (child);
}

static char *
new_dir (void)
{
  static guint n;
  char *dir = g_strdup_printf ("%s/case-%u", temp_root, ++n);

  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  return dir;
}

static char *
copy_plan_to (const char *dir,
              const char *name)
{
  g_autofree char *contents = NULL;
  char *path = g_build_filename (dir, name, NULL);
  gsize length;

  g_assert_true (g_file_get_contents (plan_path, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  return path;
}

static guint
count_entries (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (listing != NULL && g_dir_read_name (listing) != NULL)
    n++;
  return n;
}

static void
sql_exec (const char *path,
          const char *sql)
{
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

/* --- Exports ---------------------------------------------------------------- */

static void
test_export_over_input (void)
{
  g_autofree char *dir = new_dir ();
  g_autofree char *plan = copy_plan_to (dir, "plan.csv");
  g_autofree char *link = g_build_filename (dir, "link.json", NULL);
  g_autofree char *before = jln_test_checksum_file (plan);
  g_autofree char *option = g_strconcat ("--export=", plan, NULL);
  g_autofree char *link_option = g_strconcat ("--export=", link, NULL);
  g_auto(Run) run = { 0 };
  g_auto(Run) via_link = { 0 };
  g_autofree char *after = NULL;
  g_autofree char *after_link = NULL;

  /* A plan file named like a CSV, exported to itself. */
  run_jalons (&run, option, plan, NULL);
  g_assert_cmpint (run.status, !=, 0);
  g_assert_nonnull (strstr (run.err, "this is the plan being exported"));
  after = jln_test_checksum_file (plan);
  g_assert_cmpstr (before, ==, after);

  /* Through a symbolic link. */
  g_assert_cmpint (symlink (plan, link), ==, 0);
  run_jalons (&via_link, link_option, plan, NULL);
  g_assert_cmpint (via_link.status, !=, 0);
  after_link = jln_test_checksum_file (plan);
  g_assert_cmpstr (before, ==, after_link);
}

static void
test_export_keeps_mode (void)
{
  g_autofree char *dir = new_dir ();
  g_autofree char *out = g_build_filename (dir, "private.csv", NULL);
  g_autofree char *option = g_strconcat ("--export=", out, NULL);
  g_auto(Run) run = { 0 };
  GStatBuf st;

  g_assert_true (g_file_set_contents (out, "old", -1, NULL));
  g_assert_cmpint (g_chmod (out, 0600), ==, 0);
  run_jalons (&run, option, plan_path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpint (g_stat (out, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (st.st_size, >, 1000);
}

/* What a killed export left is removed when Jalons next writes there;
 * what a running one writes is not. */
static void
test_partial_files (void)
{
  g_autofree char *dir = new_dir ();
  g_autofree char *out = g_build_filename (dir, "actions.csv", NULL);
  g_autofree char *dead = g_build_filename (dir, ".actions.csv.99999999-0badcafe.part", NULL);
  g_autofree char *live_name = g_strdup_printf (".actions.csv.%d-0000beef.part", (int) getpid ());
  g_autofree char *live = g_build_filename (dir, live_name, NULL);
  g_autofree char *option = g_strconcat ("--export=", out, NULL);
  g_auto(Run) run = { 0 };

  g_assert_true (g_file_set_contents (dead, "half an export", -1, NULL));
  g_assert_true (g_file_set_contents (live, "being written", -1, NULL));
  run_jalons (&run, option, plan_path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_false (g_file_test (dead, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (live, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (out, G_FILE_TEST_EXISTS));
}

/* --- Imports racing to one name ------------------------------------------------ */

static void
test_import_race (void)
{
  g_autofree char *dir = new_dir ();
  g_autofree char *out = g_build_filename (dir, "race.jalons", NULL);
  g_autofree char *output = g_strconcat ("--output=", out, NULL);
  const char *argv[] = { JALONS_PROGRAM, "--import=" JLN_TEST_BUNDLED_PLAN, output, NULL };
  guint successes = 0, refusals = 0;

  for (guint round = 0; round < 5; round++)
    {
      g_autoptr(JlnTestChild) first = NULL;
      g_autoptr(JlnTestChild) second = NULL;
      JlnTestChild *children[2];

      g_remove (out);
      first = jln_test_child_spawn (argv, NULL);
      second = jln_test_child_spawn (argv, NULL);
      children[0] = first;
      children[1] = second;
      for (guint i = 0; i < 2; i++)
        {
          g_assert_true (jln_test_child_wait_until (children[i], g_get_monotonic_time () + 60 * G_USEC_PER_SEC, NULL));
          if (WIFEXITED (children[i]->wait_status) && WEXITSTATUS (children[i]->wait_status) == 0)
            successes++;
          else
            {
              g_assert_nonnull (strstr (children[i]->err->str, "already exists"));
              refusals++;
            }
        }
      /* One plan, whole, and nothing else beside it. */
      {
        g_auto(Run) check = { 0 };

        run_jalons (&check, "--check", out, NULL);
        g_assert_cmpint (check.status, ==, 0);
      }
      g_assert_cmpuint (count_entries (dir), ==, 1);
    }
  g_assert_cmpuint (successes, ==, 5);
  g_assert_cmpuint (refusals, ==, 5);
}

/* --- Terminal output --------------------------------------------------------------- */

static void
assert_no_control (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if ((guchar) *p < 0x20 && *p != '\n' && *p != '\t')
      g_error ("control character 0x%02x in output: %s", (guchar) *p, text);
  g_assert_null (strstr (text, "\xe2\x80\xae"));   /* U+202E */
  g_assert_null (strstr (text, "\xc2\x9b"));       /* CSI */
}

static void
test_terminal_escapes (void)
{
  g_autofree char *dir = new_dir ();
  g_autofree char *plan = copy_plan_to (dir, "escapes.jalons");
  g_autofree char *bad = copy_plan_to (dir, "bad-status.jalons");
  g_auto(Run) check = { 0 };
  g_auto(Run) refused = { 0 };
  g_auto(GStrv) lines = NULL;
  guint title_lines = 0;

  /* OSC (retitle the terminal), a screen clear, a fake line, an override. */
  sql_exec (plan, "UPDATE plan SET title_fr = 'Plan' || char(27) || ']0;pwned' || char(7) ||"
                  " char(27) || '[2J' || char(10) || 'escapes.jalons: a valid plan, fake' ||"
                  " char(13) || char(0x202e) || 'txet' || char(0x9b) || '31m',"
                  " title_en = title_fr");
  run_jalons (&check, "--check", "--lang=fr", plan, NULL);
  g_assert_cmpint (check.status, ==, 0);
  assert_no_control (check.out);
  g_assert_nonnull (strstr (check.out, "\\x1b]0;pwned\\x07"));
  g_assert_nonnull (strstr (check.out, "\\u202e"));
  lines = g_strsplit (check.out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    title_lines += strstr (lines[i], "a valid plan") != NULL;
  g_assert_cmpuint (title_lines, ==, 1);

  /* In an error message too. */
  sql_exec (bad, "UPDATE actions SET status = 'bo' || char(27) || '[2J' || char(10) || 'gus'"
                 " WHERE rowid = (SELECT min(rowid) FROM actions)");
  run_jalons (&refused, "--check", bad, NULL);
  g_assert_cmpint (refused.status, !=, 0);
  assert_no_control (refused.err);
  g_assert_nonnull (strstr (refused.err, "bo\\x1b[2J\\x0agus"));
}

/* --- --check reads and writes nothing ------------------------------------------------ */

static void
test_check_never_writes (void)
{
  g_autofree char *dir = new_dir ();
  g_autofree char *plan = copy_plan_to (dir, "archived.jalons");
  g_autofree char *legacy = copy_plan_to (dir, "legacy.jalons");
  g_autofree char *empty = g_build_filename (dir, "empty.jalons", NULL);
  g_autofree char *backup = g_strconcat (empty, ".v0.bak", NULL);
  g_autofree char *before_plan = NULL, *before_legacy = NULL, *before_empty = NULL;
  g_autofree char *after_plan = NULL, *after_legacy = NULL, *after_empty = NULL;
  g_autofree char *kept = NULL;
  g_auto(Run) check_plan = { 0 };
  g_auto(Run) check_legacy = { 0 };
  g_auto(Run) check_empty = { 0 };
  g_autofree char *export_option = g_strdup_printf ("--export=%s/out.json", dir);
  g_auto(Run) export_legacy = { 0 };
  guint n_entries;

  /* A file in write-ahead log mode, as older versions left them. */
  sql_exec (legacy, "PRAGMA journal_mode = WAL;");
  /* An empty database (format version 0), with an older backup beside. */
  sql_exec (empty, "PRAGMA page_size = 4096; VACUUM;");
  g_assert_true (g_file_set_contents (backup, "an older backup", -1, NULL));

  before_plan = jln_test_checksum_file (plan);
  before_legacy = jln_test_checksum_file (legacy);
  before_empty = jln_test_checksum_file (empty);
  n_entries = count_entries (dir);

  run_jalons (&check_plan, "--check", plan, NULL);
  run_jalons (&check_legacy, "--check", legacy, NULL);
  run_jalons (&check_empty, "--check", empty, NULL);
  run_jalons (&export_legacy, export_option, legacy, NULL);
  g_assert_cmpint (check_plan.status, ==, 0);
  g_assert_cmpint (check_legacy.status, ==, 0);
  g_assert_cmpint (check_empty.status, ==, 0);
  g_assert_cmpint (export_legacy.status, ==, 0);

  after_plan = jln_test_checksum_file (plan);
  after_legacy = jln_test_checksum_file (legacy);
  after_empty = jln_test_checksum_file (empty);
  g_assert_cmpstr (before_plan, ==, after_plan);
  g_assert_cmpstr (before_legacy, ==, after_legacy);
  g_assert_cmpstr (before_empty, ==, after_empty);
  g_assert_true (g_file_get_contents (backup, &kept, NULL, NULL));
  g_assert_cmpstr (kept, ==, "an older backup");
  /* Only the export's own file is new. */
  g_assert_cmpuint (count_entries (dir), ==, n_entries + 1);
}

/* A read-only plan is checked and exported like any other. */
static void
test_read_only_plan (void)
{
  g_autofree char *dir = new_dir ();
  g_autofree char *plan = copy_plan_to (dir, "archive.jalons");
  g_autofree char *out_dir = new_dir ();
  g_autofree char *option = g_strdup_printf ("--export=%s/archive.csv", out_dir);
  g_autofree char *before = NULL, *after = NULL;
  g_auto(Run) check = { 0 };
  g_auto(Run) export = { 0 };

  g_assert_cmpint (g_chmod (plan, 0444), ==, 0);
  g_assert_cmpint (g_chmod (dir, 0555), ==, 0);
  before = jln_test_checksum_file (plan);
  run_jalons (&check, "--check", plan, NULL);
  run_jalons (&export, option, plan, NULL);
  g_assert_cmpint (g_chmod (dir, 0700), ==, 0);
  g_assert_cmpint (check.status, ==, 0);
  g_assert_cmpint (export.status, ==, 0);
  after = jln_test_checksum_file (plan);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (count_entries (dir), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JlnDocument) document = NULL;
  g_autofree char *plan_dir = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  temp_root = g_dir_make_tmp ("jalons-cli-files-XXXXXX", &error);
  g_assert_no_error (error);
  document = jln_test_import_plan (JLN_TEST_BUNDLED_PLAN, "jalons-cli-plan-XXXXXX", &plan_dir, &plan_path);
  g_clear_object (&document);

  g_test_add_func ("/cli/files/export-over-input", test_export_over_input);
  g_test_add_func ("/cli/files/export-keeps-mode", test_export_keeps_mode);
  g_test_add_func ("/cli/files/partial-files", test_partial_files);
  g_test_add_func ("/cli/files/import-race", test_import_race);
  g_test_add_func ("/cli/files/terminal-escapes", test_terminal_escapes);
  g_test_add_func ("/cli/files/check-never-writes", test_check_never_writes);
  g_test_add_func ("/cli/files/read-only-plan", test_read_only_plan);

  status = g_test_run ();
  jln_test_remove_tree (temp_root);
  jln_test_clear_plan_dir (&plan_dir, &plan_path);
  g_free (temp_root);
  return status;
}
