/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "jln-action.h"
#include "jln-document.h"
#include "jln-objective.h"

#include "jln-test-process.h"
#include "jln-test-utils.h"

/* Crash safety. A child process edits a plan file through
 * jln_document_apply() and tells the test, on a pipe, each edit it is
 * about to make and each that was saved; the test kills it with SIGKILL
 * at a random moment and checks the file: SQLite finds it sound,
 * Jalons opens it, and every edit reported saved is in it. Then the
 * same for an import killed halfway. */

#define N_KILLS            200
#define KILLS_PER_FILE     25
#define IMPORT_ACTIONS     20000
#define N_IMPORT_KILLS     30
#define CHILD_TIMEOUT_USEC (30 * G_USEC_PER_SEC)

static const char * const statuses[] = {
  "planned", "in-progress", "done", "done-new", "revised", "superseded", "dropped",
};

/* --- The child that edits ------------------------------------------------ */

static void
say (const char *format,
     ...) G_GNUC_PRINTF (1, 2);

/* One write per line: a line is in the pipe whole, or not at all. */
static void
say (const char *format,
     ...)
{
  g_autofree char *line = NULL;
  va_list args;
  gsize done = 0, length;

  va_start (args, format);
  line = g_strdup_vprintf (format, args);
  va_end (args);
  length = strlen (line);
  g_assert_cmpuint (length, <, PIPE_BUF);
  while (done < length)
    {
      ssize_t n = write (STDOUT_FILENO, line + done, length - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        _exit (3);
      done += n;
    }
}

static GPtrArray *
list_actions (JlnDocument *document)
{
  GListModel *objectives = jln_plan_get_objectives (jln_document_get_plan (document));
  GPtrArray *actions = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (objectives); i++)
    {
      g_autoptr(JlnObjective) objective = g_list_model_get_item (objectives, i);
      GListModel *list = jln_objective_get_actions (objective);

      for (guint j = 0; j < g_list_model_get_n_items (list); j++)
        g_ptr_array_add (actions, g_list_model_get_item (list, j));
    }
  return actions;
}

/* Edits the plan at @path until killed: titles, due semesters, statuses,
 * new actions and removed ones, each applied alone. Before each edit it
 * writes "try" with what the edit does (and the value it replaces), and
 * after it "ok" with the number of history rows it wrote, or "fail". */
static int
run_edit_child (const char *path,
                guint32     seed)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JlnDocument) document = jln_document_open (path, &error);
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  GListModel *objectives;

  if (document == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  objectives = jln_plan_get_objectives (jln_document_get_plan (document));
  say ("ready\n");

  for (guint n = 1; ; n++)
    {
      g_autoptr(GPtrArray) actions = list_actions (document);
      g_autoptr(JlnEdit) edit = NULL;
      g_autoptr(JlnRecord) added = NULL;
      g_autofree char *old_value = NULL;
      g_autofree char *value = NULL;
      const char *field = NULL;
      JlnRecord *action;
      guint rows = 1;
      int pick = g_rand_int_range (rand, 0, 100);

      if (actions->len == 0)
        pick = 80;
      action = actions->len > 0
        ? g_ptr_array_index (actions, g_rand_int_range (rand, 0, actions->len)) : NULL;

      if (pick < 35)
        {
          field = pick % 2 == 0 ? "title-fr" : "title-en";
          /* Quotes and a format directive, which binding must keep as they are. */
          value = g_strdup_printf ("Titre « %%s » n°%u-%u 'à jour' ✓", seed, n);
        }
      else if (pick < 55)
        {
          field = "due";
          value = g_strdup_printf ("%d-S%d", g_rand_int_range (rand, 2019, 2027),
                                   g_rand_int_range (rand, 1, 3));
        }
      else if (pick < 75)
        {
          field = "status";
          value = g_strdup (statuses[g_rand_int_range (rand, 0, G_N_ELEMENTS (statuses))]);
        }

      if (field != NULL)
        {
          old_value = jln_record_dup_field (action, field);
          rows = g_strcmp0 (old_value, value) != 0 ? 1 : 0;
          say ("try\t%u\tset\t%s\t%s\t%s\t%s\n", n, jln_record_get_id (action), field, value,
               old_value != NULL ? old_value : "");
          edit = jln_edit_new_set (action, field, value);
        }
      else if (pick < 88)
        {
          guint o = g_rand_int_range (rand, 0, g_list_model_get_n_items (objectives));
          g_autoptr(JlnObjective) objective = g_list_model_get_item (objectives, o);
          guint n_actions = g_list_model_get_n_items (jln_objective_get_actions (objective));
          g_autofree char *number = g_strdup_printf ("K%u.%u", seed % 1000, n);

          added = jln_record_new (JLN_KIND_ACTION, "number", number,
                                  "title-fr", "Action ajoutée pendant l'essai",
                                  "status", "planned", NULL);
          say ("try\t%u\tinsert\t%s\t%s\t%s\n", n, jln_record_get_id (added),
               jln_record_get_id (JLN_RECORD (objective)), number);
          edit = jln_edit_new_insert (JLN_RECORD (objective), added,
                                      g_rand_int_range (rand, 0, n_actions + 1));
        }
      else
        {
          say ("try\t%u\tremove\t%s\n", n, jln_record_get_id (action));
          edit = jln_edit_new_remove (action);
        }

      if (jln_document_apply (document, edit, &error))
        say ("ok\t%u\t%u\n", n, rows);
      else
        {
          g_strdelimit (error->message, "\t\n", ' ');
          say ("fail\t%u\t%s\n", n, error->message);
          g_clear_error (&error);
        }
    }
  return 0;
}

/* --- What the test expects of the file ----------------------------------- */

typedef struct
{
  GHashTable *values;     /* "id\tfield" → the last value reported saved */
  GHashTable *inserted;   /* id → "objective-id\tnumber" */
  GHashTable *removed;    /* id → NULL */
  gint64      history;    /* rows of the history table at the last check */

  /* Figures. */
  guint       kills;
  guint       kills_before_ready;
  guint       edits_saved;
  guint       sets_saved;
  guint       inserts_saved;
  guint       removes_saved;
  guint       edits_refused;
  guint       in_flight_kept;
  guint       in_flight_lost;
  guint       values_checked;
  guint       files;
  GHashTable *refusals;   /* message → count */
} Expected;

typedef struct
{
  guint  n;
  char **fields;          /* "try", n, op, ... */
} Try;

static void
expected_clear (Expected *expected)
{
  g_clear_pointer (&expected->values, g_hash_table_unref);
  g_clear_pointer (&expected->inserted, g_hash_table_unref);
  g_clear_pointer (&expected->removed, g_hash_table_unref);
}

static void
expected_reset (Expected *expected)
{
  expected_clear (expected);
  expected->values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  expected->inserted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  expected->removed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

static gboolean
key_of_record (gpointer key,
               gpointer value,
               gpointer id)
{
  gsize length = strlen (id);

  return strncmp (key, id, length) == 0 && ((char *) key)[length] == '\t';
}

/* Records the effect of a saved edit. */
static void
expected_apply (Expected *expected,
                char    **fields)
{
  const char *op = fields[2];
  const char *id = fields[3];

  if (g_str_equal (op, "set"))
    g_hash_table_replace (expected->values, g_strconcat (id, "\t", fields[4], NULL),
                          g_strdup (fields[5]));
  else if (g_str_equal (op, "insert"))
    g_hash_table_replace (expected->inserted, g_strdup (id),
                          g_strconcat (fields[4], "\t", fields[5], NULL));
  else
    {
      g_hash_table_foreach_remove (expected->values, key_of_record, (gpointer) id);
      g_hash_table_remove (expected->inserted, id);
      g_hash_table_add (expected->removed, g_strdup (id));
    }
}

/* --- Checking a file ----------------------------------------------------- */

static char *
sql_text (sqlite3    *db,
          const char *sql)
{
  sqlite3_stmt *stmt;
  GString *text = g_string_new (NULL);

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      if (text->len > 0)
        g_string_append_c (text, '\n');
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        g_string_append_printf (text, "%s%s", i > 0 ? "|" : "",
                                (const char *) sqlite3_column_text (stmt, i));
    }
  sqlite3_finalize (stmt);
  return g_string_free (text, FALSE);
}

/* What SQLite itself says of the file. Returns the rows of history. */
static gint64
check_sqlite (const char *path)
{
  sqlite3 *db = NULL;
  g_autofree char *integrity = NULL;
  g_autofree char *foreign = NULL;
  g_autofree char *positions = NULL;
  g_autofree char *history = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  integrity = sql_text (db, "PRAGMA integrity_check");
  g_assert_cmpstr (integrity, ==, "ok");
  foreign = sql_text (db, "PRAGMA foreign_key_check");
  g_assert_cmpstr (foreign, ==, "");
  /* Positions among siblings stay 0, 1, 2… through inserts and removes. */
  positions = sql_text (db, "SELECT parent FROM actions GROUP BY parent"
                            " HAVING min(position) != 0 OR max(position) + 1 != count(*)"
                            " OR count(DISTINCT position) != count(*)");
  g_assert_cmpstr (positions, ==, "");
  history = sql_text (db, "SELECT count(*) FROM history");
  sqlite3_close (db);
  return g_ascii_strtoll (history, NULL, 10);
}

static void
check_inserted (JlnPlan    *plan,
                const char *id,
                const char *where)
{
  JlnRecord *action = jln_plan_lookup (plan, id);
  g_auto(GStrv) parts = g_strsplit (where, "\t", 2);

  if (action == NULL)
    g_error ("the action %s inserted and reported saved is not in the file", id);
  g_assert_cmpstr (jln_record_get_id (jln_record_get_parent (action)), ==, parts[0]);
  g_assert_cmpstr (jln_action_get_number (JLN_ACTION (action)), ==, parts[1]);
}

/* Checks the file after a kill, and brings @expected in line with the
 * edit that was under way, which may or may not have been committed. */
static void
check_file (Expected   *expected,
            const char *path,
            Try        *in_flight,
            guint       rows_saved)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JlnDocument) document = NULL;
  GHashTableIter iter;
  gpointer key, value;
  JlnPlan *plan;
  gint64 history;
  guint rows_in_flight = 0;

  history = check_sqlite (path);

  document = jln_document_open (path, &error);
  g_assert_no_error (error);
  plan = jln_document_get_plan (document);

  /* The edit under way is in the file whole, or not at all. */
  if (in_flight != NULL)
    {
      char **fields = in_flight->fields;
      const char *op = fields[2];
      const char *id = fields[3];
      JlnRecord *record = jln_plan_lookup (plan, id);
      gboolean kept;

      if (g_str_equal (op, "set"))
        {
          g_autofree char *actual = NULL;

          if (record == NULL)
            g_error ("the action %s, being edited when killed, is not in the file", id);
          actual = jln_record_dup_field (record, fields[4]);
          kept = g_strcmp0 (actual, fields[5]) == 0;
          if (!kept)
            g_assert_cmpstr (actual != NULL ? actual : "", ==, fields[6]);
          if (kept && g_strcmp0 (fields[5], fields[6]) != 0)
            rows_in_flight = 1;
        }
      else
        {
          kept = g_str_equal (op, "insert") ? record != NULL : record == NULL;
          rows_in_flight = kept ? 1 : 0;
        }

      if (kept)
        {
          expected_apply (expected, fields);
          expected->in_flight_kept++;
        }
      else
        expected->in_flight_lost++;
    }

  /* The history is written in the same transaction as the change. */
  g_assert_cmpint (history, ==, expected->history + rows_saved + rows_in_flight);
  expected->history = history;

  g_hash_table_iter_init (&iter, expected->values);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_auto(GStrv) parts = g_strsplit (key, "\t", 2);
      JlnRecord *record = jln_plan_lookup (plan, parts[0]);
      g_autofree char *actual = NULL;

      if (record == NULL)
        g_error ("the action %s, edited and reported saved, is not in the file", parts[0]);
      actual = jln_record_dup_field (record, parts[1]);
      if (g_strcmp0 (actual, value) != 0)
        g_error ("%s of action %s: %s was reported saved, the file has %s",
                 parts[1], parts[0], (const char *) value, actual);
      expected->values_checked++;
    }

  g_hash_table_iter_init (&iter, expected->inserted);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      check_inserted (plan, key, value);
      expected->values_checked++;
    }

  g_hash_table_iter_init (&iter, expected->removed);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      if (jln_plan_lookup (plan, key) != NULL)
        g_error ("the action %s, removed and reported saved, is still in the file", (char *) key);
      expected->values_checked++;
    }
}

/* Reads what the child said, in order, into @expected; returns the
 * edit under way when it was killed, if any. */
static Try *
read_reports (Expected   *expected,
              const char *output,
              guint      *rows_saved,
              gboolean   *ready)
{
  g_auto(GStrv) lines = g_strsplit (output, "\n", -1);
  Try *pending = NULL;

  *rows_saved = 0;
  *ready = FALSE;
  /* Every line is written whole. */
  g_assert_true (output[0] == '\0' || g_str_has_suffix (output, "\n"));

  for (guint i = 0; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", -1);
      guint n = fields[1] != NULL ? (guint) g_ascii_strtoull (fields[1], NULL, 10) : 0;

      if (g_str_equal (fields[0], "ready"))
        *ready = TRUE;
      else if (g_str_equal (fields[0], "try"))
        {
          g_assert_null (pending);
          pending = g_new0 (Try, 1);
          pending->n = n;
          pending->fields = g_steal_pointer (&fields);
        }
      else if (g_str_equal (fields[0], "ok") || g_str_equal (fields[0], "fail"))
        {
          g_assert_nonnull (pending);
          g_assert_cmpuint (pending->n, ==, n);
          if (g_str_equal (fields[0], "ok"))
            {
              const char *op = pending->fields[2];

              expected_apply (expected, pending->fields);
              expected->edits_saved++;
              if (g_str_equal (op, "set"))
                expected->sets_saved++;
              else if (g_str_equal (op, "insert"))
                expected->inserts_saved++;
              else
                expected->removes_saved++;
              *rows_saved += g_ascii_strtoull (fields[2], NULL, 10);
            }
          else
            {
              guint count = GPOINTER_TO_UINT (g_hash_table_lookup (expected->refusals, fields[2]));

              g_hash_table_replace (expected->refusals, g_strdup (fields[2]),
                                    GUINT_TO_POINTER (count + 1));
              expected->edits_refused++;
            }
          g_strfreev (pending->fields);
          g_clear_pointer (&pending, g_free);
        }
      else
        g_error ("unexpected line from the child: %s", lines[i]);
    }
  return pending;
}

static void
import_bundled (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JlnDocument) document = jln_document_import (JLN_TEST_BUNDLED_PLAN, path, &error);

  g_assert_no_error (error);
}

static void
test_kill_while_editing (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *self = jln_test_self_path ();
  g_autofree char *dir = g_dir_make_tmp ("jalons-crash-XXXXXX", &error);
  g_autofree char *path = NULL;
  Expected expected = { 0 };
  g_autoptr(GString) refusals = g_string_new (NULL);
  GHashTableIter iter;
  gpointer key, value;
  gint64 started = g_get_monotonic_time ();

  g_assert_no_error (error);
  expected.refusals = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint kill = 0; kill < N_KILLS; kill++)
    {
      g_autoptr(JlnTestChild) child = NULL;
      g_autofree char *seed = g_strdup_printf ("%u", g_test_rand_int ());
      g_autofree char *description = NULL;
      const char *argv[] = { self, "--edit-child", NULL, seed, NULL };
      gboolean before_ready = g_test_rand_int_range (0, 100) < 15;
      gboolean ready;
      guint rows_saved;
      Try *in_flight;

      if (kill % KILLS_PER_FILE == 0)
        {
          g_free (path);
          path = g_strdup_printf ("%s/plan-%u.jalons", dir, kill / KILLS_PER_FILE);
          import_bundled (path);
          expected_reset (&expected);
          expected.history = check_sqlite (path);
          expected.files++;
        }
      argv[2] = path;

      child = jln_test_child_spawn (argv, &error);
      g_assert_no_error (error);
      if (before_ready)
        {
          /* Sometimes while it opens the file, or just after. */
          jln_test_child_wait_until (child, g_get_monotonic_time () +
                                     g_test_rand_int_range (0, 12000), NULL);
        }
      else
        {
          if (!jln_test_child_wait_until (child, g_get_monotonic_time () + CHILD_TIMEOUT_USEC,
                                          "ready\n"))
            {
              description = jln_test_child_describe (child);
              g_error ("the editing child did not start: %s", description);
            }
          jln_test_child_wait_until (child, g_get_monotonic_time () +
                                     g_test_rand_int_range (0, 80000), NULL);
        }
      if (child->exited)
        {
          description = jln_test_child_describe (child);
          g_error ("the editing child ended before it was killed: %s", description);
        }
      jln_test_child_kill (child);
      g_assert_true (WIFSIGNALED (child->wait_status));
      g_assert_cmpint (WTERMSIG (child->wait_status), ==, SIGKILL);
      {
        g_autofree char *errors = jln_test_child_errors (child);

        if (errors[0] != '\0')
          g_error ("the editing child wrote to stderr: %s", errors);
      }

      in_flight = read_reports (&expected, child->out->str, &rows_saved, &ready);
      if (!ready)
        expected.kills_before_ready++;
      check_file (&expected, path, in_flight, rows_saved);
      expected.kills++;
      if (in_flight != NULL)
        {
          g_strfreev (in_flight->fields);
          g_free (in_flight);
        }
    }

  g_hash_table_iter_init (&iter, expected.refusals);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_string_append_printf (refusals, "\n    %u x %s", GPOINTER_TO_UINT (value), (char *) key);

  g_test_message ("kills survived: %u (%u before the child had opened the plan), "
                  "on %u plan files, in %.1f s",
                  expected.kills, expected.kills_before_ready, expected.files,
                  (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC);
  g_test_message ("edits verified: %u reported saved and found in the file "
                  "(%u fields set, %u actions inserted, %u removed); "
                  "%u values checked over all the checks",
                  expected.edits_saved, expected.sets_saved, expected.inserts_saved,
                  expected.removes_saved, expected.values_checked);
  g_test_message ("edits under way at the kill: %u found committed, %u rolled back",
                  expected.in_flight_kept, expected.in_flight_lost);
  g_test_message ("edits refused by the document (not saved, not expected): %u%s",
                  expected.edits_refused, refusals->str);

  /* The stream must have done real work for the figures to mean anything
   * (some hundred edits a kill here; fewer under a sanitizer or valgrind). */
  g_assert_cmpuint (expected.edits_saved, >, N_KILLS);
  g_assert_cmpuint (expected.inserts_saved, >, 0);
  g_assert_cmpuint (expected.removes_saved, >, 0);

  expected_clear (&expected);
  g_hash_table_unref (expected.refusals);
  g_assert_true (jln_test_remove_tree (dir));
}

/* --- An import killed halfway ------------------------------------------- */

static int
run_import_child (const char *json_path,
                  const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JlnDocument) document = jln_document_import (json_path, path, &error);

  if (document == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  say ("done\n");
  return 0;
}

static void
append_uuid (GString    *out,
             const char *kind,
             guint       n)
{
  g_string_append_printf (out, "\"%08x-%04x-4000-8000-%012x\"", g_str_hash (kind), 0, n);
}

/* A plan of @n_actions actions in 20 objectives, with units and sub-items. */
static void
write_large_plan (const char *json_path,
                  guint       n_actions)
{
  g_autoptr(GString) out = g_string_new ("{\"format\": \"jalons-plan\", \"version\": 1, \"id\": ");
  g_autoptr(GError) error = NULL;
  guint per_objective = n_actions / 20;

  append_uuid (out, "plan", 0);
  g_string_append (out, ",\n\"title\": {\"fr\": \"Plan généré\", \"en\": \"Generated plan\"},\n"
                        "\"units\": [");
  for (guint u = 0; u < 10; u++)
    {
      g_string_append_printf (out, "%s{\"id\": ", u > 0 ? ", " : "");
      append_uuid (out, "unit", u);
      g_string_append_printf (out, ", \"code\": \"U%u\"}", u);
    }
  g_string_append (out, "],\n\"objectives\": [");
  for (guint o = 0; o < 20; o++)
    {
      g_string_append_printf (out, "%s\n{\"id\": ", o > 0 ? "," : "");
      append_uuid (out, "objective", o);
      g_string_append_printf (out, ", \"programme\": \"hrs4r\", \"number\": \"%u\","
                                   " \"title\": {\"fr\": \"Objectif %u\"}, \"actions\": [",
                              o + 1, o + 1);
      for (guint a = 0; a < per_objective; a++)
        {
          guint n = o * per_objective + a;

          g_string_append_printf (out, "%s\n{\"id\": ", a > 0 ? "," : "");
          append_uuid (out, "action", n);
          g_string_append_printf (out, ", \"number\": \"%u.%u\", \"title\": {\"fr\": \"Action %u, "
                                       "améliorer le recrutement\", \"en\": \"Action %u\"},"
                                       " \"status\": \"%s\", \"due\": \"%u-S%u\", \"units\": [",
                                  o + 1, a + 1, n, n, statuses[n % G_N_ELEMENTS (statuses)],
                                  2020 + n % 6, 1 + n % 2);
          append_uuid (out, "unit", n % 10);
          g_string_append (out, "]");
          if (n % 10 == 0)
            {
              g_string_append (out, ", \"items\": [{\"id\": ");
              append_uuid (out, "item", n);
              g_string_append (out, ", \"label\": \"a\", \"title\": {\"fr\": \"Sous-action\"}}]");
            }
          g_string_append (out, "}");
        }
      g_string_append (out, "]}");
    }
  g_string_append (out, "]}\n");
  g_file_set_contents (json_path, out->str, out->len, &error);
  g_assert_no_error (error);
}

static guint
count_actions (JlnPlan *plan)
{
  GListModel *objectives = jln_plan_get_objectives (plan);
  guint count = 0;

  for (guint i = 0; i < g_list_model_get_n_items (objectives); i++)
    {
      g_autoptr(JlnObjective) objective = g_list_model_get_item (objectives, i);

      count += g_list_model_get_n_items (jln_objective_get_actions (objective));
    }
  return count;
}

static gboolean
strv_contains_line (const char *lines,
                    const char *line)
{
  g_auto(GStrv) list = g_strsplit (lines, "\n", -1);

  return g_strv_contains ((const char * const *) list, line);
}

/* Deletes the files of @dir and counts them; their names, with the
 * random part of temporary names as XXXXXXXX, and their sizes are added
 * to @names and @size. */
static guint
clear_dir (const char *dir,
           GString    *names,
           goffset    *size)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;
  guint count = 0;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      GStatBuf st;

      if (g_stat (path, &st) == 0 && names != NULL)
        {
          g_autoptr(GRegex) random_part = g_regex_new ("\\.[0-9a-f]{8}\\.", 0, 0, NULL);
          g_autofree char *pattern = g_regex_replace_literal (random_part, name, -1, 0,
                                                              ".XXXXXXXX.", 0, NULL);

          if (!strv_contains_line (names->str, pattern))
            g_string_append_printf (names, "%s%s", names->len > 0 ? "\n" : "", pattern);
          *size += st.st_size;
        }
      g_assert_cmpint (g_remove (path), ==, 0);
      count++;
    }
  return count;
}

static void
check_imported (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JlnDocument) document = NULL;

  check_sqlite (path);
  document = jln_document_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_actions (jln_document_get_plan (document)), ==, IMPORT_ACTIONS);
}

static void
test_kill_while_importing (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *self = jln_test_self_path ();
  g_autofree char *dir = g_dir_make_tmp ("jalons-crash-import-XXXXXX", &error);
  g_autofree char *json_path = g_build_filename (dir, "large.json", NULL);
  g_autofree char *out_dir = g_build_filename (dir, "out", NULL);
  g_autofree char *path = g_build_filename (out_dir, "large.jalons", NULL);
  const char *argv[] = { self, "--import-child", json_path, path, NULL };
  g_autoptr(GString) leftovers = g_string_new (NULL);
  guint no_output = 0, complete = 0, with_leftovers = 0, n_leftovers = 0;
  goffset leftover_size = 0;
  gint64 duration;

  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir (out_dir, 0700), ==, 0);
  write_large_plan (json_path, IMPORT_ACTIONS);

  /* How long a whole import takes, to kill the next ones within it. */
  {
    g_autoptr(JlnTestChild) child = jln_test_child_spawn (argv, &error);
    gint64 start = g_get_monotonic_time ();
    g_autofree char *description = NULL;

    g_assert_no_error (error);
    g_assert_true (jln_test_child_wait_until (child, start + CHILD_TIMEOUT_USEC, NULL));
    duration = g_get_monotonic_time () - start;
    description = jln_test_child_describe (child);
    if (!WIFEXITED (child->wait_status) || WEXITSTATUS (child->wait_status) != 0)
      g_error ("the import of %u actions failed: %s", IMPORT_ACTIONS, description);
    check_imported (path);
    g_assert_cmpuint (clear_dir (out_dir, NULL, NULL), ==, 1);
  }

  for (guint i = 0; i < N_IMPORT_KILLS; i++)
    {
      g_autoptr(JlnTestChild) child = jln_test_child_spawn (argv, &error);
      guint n;

      g_assert_no_error (error);
      jln_test_child_wait_until (child, g_get_monotonic_time () +
                                 g_test_rand_int_range (0, duration * 6 / 5), NULL);
      jln_test_child_kill (child);
      /* Killed, or done before the kill: nothing else. */
      if (WIFEXITED (child->wait_status))
        g_assert_cmpint (WEXITSTATUS (child->wait_status), ==, 0);
      else
        g_assert_cmpint (WTERMSIG (child->wait_status), ==, SIGKILL);
      {
        g_autofree char *errors = jln_test_child_errors (child);

        g_assert_cmpstr (errors, ==, "");
      }

      /* Either nothing at the path, or the whole plan. */
      if (g_file_test (path, G_FILE_TEST_EXISTS))
        {
          check_imported (path);
          g_assert_cmpint (g_remove (path), ==, 0);
          complete++;
        }
      else
        no_output++;

      /* Anything else beside it was left by the killed import. */
      n = clear_dir (out_dir, leftovers, &leftover_size);
      if (n > 0)
        {
          with_leftovers++;
          n_leftovers += n;
        }
    }

  g_test_message ("import kills: %u imports of %u actions (%.2f s each) killed at random: "
                  "%u left no plan, %u a complete one that opens with all its actions, "
                  "none a partial file at the output path",
                  N_IMPORT_KILLS, IMPORT_ACTIONS, duration / (double) G_USEC_PER_SEC,
                  no_output, complete);
  g_strdelimit (leftovers->str, "\n", ' ');
  g_test_message ("temporary files left beside the output: after %u of %u kills, "
                  "%u files, %.1f MB in all, named: %s",
                  with_leftovers, N_IMPORT_KILLS, n_leftovers, leftover_size / 1e6,
                  leftovers->len > 0 ? leftovers->str : "none");
  g_assert_true (jln_test_remove_tree (dir));
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 4 && g_str_equal (argv[1], "--edit-child"))
    return run_edit_child (argv[2], (guint32) g_ascii_strtoull (argv[3], NULL, 10));
  if (argc == 4 && g_str_equal (argv[1], "--import-child"))
    return run_import_child (argv[2], argv[3]);

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/crash/kill-while-editing", test_kill_while_editing);
  g_test_add_func ("/crash/kill-while-importing", test_kill_while_importing);
  return g_test_run ();
}
