/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Merging two copies of a large plan: the 100 000-action plan of
 * bench-plan, copied twice with Save a Copy, each copy then changed in
 * 10 000 places (fields of actions and sub-items, new sub-items, removed
 * sub-items, actions moved by up to 50 places), a hundred of them the same fields changed
 * differently. The merge runs in a process of its own, so that the peak
 * memory printed is the merge's alone.
 *
 * Usage: bench-merge BENCH-PLAN */
#include "config.h"

#include <stdlib.h>
#include <sys/resource.h>
#include <glib/gstdio.h>

#include "jln-action.h"
#include "jln-document.h"
#include "jln-merge.h"
#include "jln-objective.h"

#define N_CHANGES 10000

static double
peak_mb (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;
}

static double
since_ms (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static GPtrArray *
all_actions (JlnDocument *document)
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

/* 10 000 changes of one office, as one edit. Office 0 works on actions
 * 0, 2, 4…, office 1 on actions 1, 3, 5…; both change the due semester
 * of the first hundred actions of objective 1, each its own way. */
static void
change_copy (JlnDocument *document,
             guint        office)
{
  static const char * const statuses[] = { "planned", "in-progress", "done", "dropped" };
  g_autoptr(GPtrArray) actions = all_actions (document);
  g_autoptr(JlnEdit) group = jln_edit_new_group (NULL);
  g_autoptr(GError) error = NULL;
  guint n = 0;

  for (guint i = 0; i < 100; i++, n++)
    jln_edit_group_add (group, jln_edit_new_set (g_ptr_array_index (actions, i * 2), "due",
                                                 office == 0 ? "2025-S1" : "2025-S2"));
  for (guint i = 0; n < N_CHANGES - 1000; i++, n++)
    {
      JlnRecord *action = g_ptr_array_index (actions, (1000 + i * 9) * 2 % actions->len + office);
      g_autofree char *title = g_strdup_printf ("Office %u, change %u", office, n);

      if (i % 2 == 0)
        jln_edit_group_add (group, jln_edit_new_set (action, "title-en", title));
      else
        jln_edit_group_add (group, jln_edit_new_set (action, "status", statuses[(i / 2) % 4]));
    }
  /* Sub-items: 500 added, 300 removed; actions with items are every tenth. */
  for (guint i = 0; i < 500; i++, n++)
    {
      JlnRecord *action = g_ptr_array_index (actions, (i * 20 + office * 10) % actions->len);
      g_autoptr(JlnRecord) item = jln_record_new (JLN_KIND_ITEM, "label", office == 0 ? "x" : "y",
                                                  "title-en", "New sub-item", NULL);

      jln_edit_group_add (group, jln_edit_new_insert (action, item, 0));
    }
  for (guint i = 0; i < 300; i++, n++)
    {
      JlnRecord *action = g_ptr_array_index (actions, (50000 + i * 20 + office * 10) % actions->len);
      g_autoptr(JlnRecord) item = g_list_model_get_item (jln_record_get_children (action, JLN_KIND_ITEM), 2);

      jln_edit_group_add (group, jln_edit_new_remove (item));
    }
  /* 200 actions moved up within their objective, by 1 to 50 places, as
   * people reorder a list. */
  for (guint i = 0; i < 200; i++, n++)
    {
      JlnRecord *action = g_ptr_array_index (actions, 90000 + i * 20 + office);
      guint position;

      g_assert_true (jln_record_get_position (action, &position));
      jln_edit_group_add (group, jln_edit_new_move (action, position - 1 - i % 50));
    }

  if (!jln_document_apply (document, group, &error))
    g_error ("changing a copy: %s", error->message);
}

static int
run_merge (const char *dir)
{
  g_autofree char *mine_path = g_build_filename (dir, "mine.jalons", NULL);
  g_autofree char *theirs_path = g_build_filename (dir, "theirs.jalons", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JlnDocument) mine = NULL;
  g_autoptr(JlnMerge) merge = NULL;
  guint n_applied = 0;
  gint64 start;
  double open_ms, read_ms, apply_ms;

  start = g_get_monotonic_time ();
  mine = jln_document_open (mine_path, &error);
  g_assert_no_error (error);
  open_ms = since_ms (start);

  start = g_get_monotonic_time ();
  merge = jln_merge_new (mine, theirs_path, NULL, &error);
  g_assert_no_error (error);
  read_ms = since_ms (start);

  start = g_get_monotonic_time ();
  jln_merge_decide_all (merge, JLN_MERGE_MINE);
  if (!jln_merge_apply (merge, &n_applied, &error))
    g_error ("merge: %s", error->message);
  apply_ms = since_ms (start);

  g_print ("open mine (not part of the merge)   %8.1f ms\n", open_ms);
  g_print ("read theirs, find changes, conflicts %7.1f ms  (%u changes in mine, %u in theirs, %u conflicts)\n",
           read_ms, jln_merge_count_changes (merge, JLN_MERGE_MINE),
           jln_merge_count_changes (merge, JLN_MERGE_THEIRS), jln_merge_get_n_conflicts (merge));
  g_print ("apply as one step (%u from theirs)   %8.1f ms\n", n_applied, apply_ms);
  g_print ("%-34s %9.1f ms  (target <= 2000 ms)  peak %6.1f MB (target <= 300 MB)  %s\n",
           "merge 10 000 changes into 10 000", read_ms + apply_ms, peak_mb (),
           read_ms + apply_ms <= 2000 && peak_mb () <= 300 ? "ok" : "SLOW");
  return EXIT_SUCCESS;
}

static void
spawn (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_CHILD_INHERITS_STDIN,
                     NULL, NULL, NULL, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    g_error ("%s failed: %s", argv[0], error->message);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *json = NULL;
  g_autofree char *base_path = NULL;
  g_autofree char *mine_path = NULL;
  g_autofree char *theirs_path = NULL;
  gint64 start;

  if (argc == 3 && g_str_equal (argv[1], "--merge"))
    return run_merge (argv[2]);
  if (argc != 2)
    {
      g_printerr ("usage: bench-merge BENCH-PLAN\n");
      return EXIT_FAILURE;
    }

  dir = g_dir_make_tmp ("jalons-bench-merge-XXXXXX", &error);
  g_assert_no_error (error);
  json = g_build_filename (dir, "plan.json", NULL);
  base_path = g_build_filename (dir, "base.jalons", NULL);
  mine_path = g_build_filename (dir, "mine.jalons", NULL);
  theirs_path = g_build_filename (dir, "theirs.jalons", NULL);

  start = g_get_monotonic_time ();
  {
    const char *generate[] = { argv[1], "--generate", json, NULL };
    g_autoptr(JlnDocument) base = NULL;
    g_autoptr(JlnDocument) mine = NULL;
    g_autoptr(JlnDocument) theirs = NULL;

    spawn (generate);
    base = jln_document_import (json, base_path, &error);
    g_assert_no_error (error);
    g_assert_true (jln_document_save_copy (base, mine_path, &error));
    g_assert_true (jln_document_save_copy (base, theirs_path, &error));
    g_assert_no_error (error);
    g_clear_object (&base);

    mine = jln_document_open (mine_path, &error);
    g_assert_no_error (error);
    change_copy (mine, 0);
    g_clear_object (&mine);
    theirs = jln_document_open (theirs_path, &error);
    g_assert_no_error (error);
    change_copy (theirs, 1);
  }
  g_print ("two copies of a 100 000-action plan, %u changes each: made in %.0f ms\n",
           N_CHANGES, since_ms (start));

  if (g_getenv ("JALONS_BENCH_KEEP") == NULL)
    {
      const char *merge[] = { argv[0], "--merge", dir, NULL };

      spawn (merge);
    }

  if (g_getenv ("JALONS_BENCH_KEEP") != NULL)
    {
      g_print ("kept in %s\n", dir);
      return EXIT_SUCCESS;
    }
  {
    const char *names[] = { "plan.json", "base.jalons", "mine.jalons", "theirs.jalons",
                            "mine.jalons-wal", "mine.jalons-shm", "theirs.jalons-wal",
                            "theirs.jalons-shm", NULL };

    for (guint i = 0; names[i] != NULL; i++)
      {
        g_autofree char *file = g_build_filename (dir, names[i], NULL);

        g_remove (file);
      }
    g_rmdir (dir);
  }
  return EXIT_SUCCESS;
}
