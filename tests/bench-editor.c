/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The speed of the action editor on an action with 100 000 sub-items:
 * how long from choosing the action until the pane is painted. Run
 * under a display (xvfb-run). */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <adwaita.h>

#include "jln-action.h"
#include "jln-action-editor.h"

#include "jln-test-gui-utils.h"

#define N_ITEMS 100000
#define ROUNDS 7

static gint64 painted_at;

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  painted_at = g_get_monotonic_time ();
}

/* Iterates until a frame is painted after @since, and returns when. */
static gint64
wait_for_frame (GtkWidget *widget,
                gint64     since)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  gtk_widget_queue_draw (widget);
  while (painted_at <= since && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  return painted_at;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* The processor time of this process, in ms: on a busy machine, the
 * time until the frame also counts what others ran meanwhile. */
static double
cpu_ms (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec * 1000.0 + usage.ru_utime.tv_usec / 1000.0 +
         usage.ru_stime.tv_sec * 1000.0 + usage.ru_stime.tv_usec / 1000.0;
}

static double
peak_mb (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;
}

/* A plan of three actions: 1.1 with @n_items sub-items, 1.2 and 1.3 with
 * three. */
static void
write_plan (const char *path,
            guint       n_items)
{
  g_autoptr(GString) json = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  g_string_append (json,
                   "{\"format\": \"jalons-plan\", \"version\": 1,"
                   " \"id\": \"6f1c1a52-0000-4000-8000-000000000001\","
                   " \"title\": {\"en\": \"Many sub-items\"},"
                   " \"objectives\": [{\"id\": \"6f1c1a52-0000-4000-8000-000000000002\","
                   " \"programme\": \"hrs4r\", \"number\": \"1\", \"title\": {\"en\": \"One\"},"
                   " \"actions\": [");
  for (guint a = 1; a <= 3; a++)
    {
      guint n = a == 1 ? n_items : 3;

      g_string_append_printf (json,
                              "%s{\"id\": \"6f1c1a52-0000-4000-8000-00000000001%u\","
                              " \"number\": \"1.%u\", \"title\": {\"en\": \"Action %u\"},"
                              " \"status\": \"in-progress\", \"due\": \"2023-S2\", \"items\": [",
                              a > 1 ? ", " : "", a, a, a);
      for (guint i = 1; i <= n; i++)
        g_string_append_printf (json,
                                "%s\n{\"id\": \"6f1c1a52-000%u-4000-8000-%012x\","
                                " \"label\": \"i%u\","
                                " \"title\": {\"fr\": \"Sous-action %u\", \"en\": \"Sub-item %u\"},"
                                " \"status\": \"planned\", \"due\": \"2023-S1\"}",
                                i > 1 ? "," : "", a, i, i, i, i);
      g_string_append (json, "]}");
    }
  g_string_append (json, "]}]}\n");
  g_file_set_contents (path, json->str, json->len, &error);
  g_assert_no_error (error);
}

/* Shows @action in @editor, from an empty pane, @ROUNDS times; prints
 * the median and the worst time until the pane is painted. */
static double
measure (GtkWidget       *window,
         JlnActionEditor *editor,
         JlnRecord       *action,
         const char      *what)
{
  double times[ROUNDS], cpu[ROUNDS];

  for (guint round = 0; round < ROUNDS; round++)
    {
      gint64 start;
      double cpu_start;

      jln_action_editor_set_record (editor, NULL);
      wait_for_frame (window, g_get_monotonic_time ());
      start = g_get_monotonic_time ();
      cpu_start = cpu_ms ();
      jln_action_editor_set_record (editor, action);
      times[round] = (wait_for_frame (window, start) - start) / 1000.0;
      cpu[round] = cpu_ms () - cpu_start;
    }
  qsort (times, ROUNDS, sizeof (double), compare_doubles);
  qsort (cpu, ROUNDS, sizeof (double), compare_doubles);
  g_print ("editor shows %-36s median %7.1f ms, worst %7.1f ms (processor %6.1f ms)"
           "  peak %.1f MB\n",
           what, times[ROUNDS / 2], times[ROUNDS - 1], cpu[ROUNDS / 2], peak_mb ());
  return times[ROUNDS / 2];
}

/* Moves the selection from @from to @to and back, like Page Down in the
 * list, @ROUNDS times each way; prints the median processor time of the
 * editor taking in the new record and of the frame that shows it. */
static void
measure_switch (GtkWidget       *window,
                JlnActionEditor *editor,
                JlnRecord       *from,
                JlnRecord       *to,
                const char      *what)
{
  double set[2 * ROUNDS], cpu[2 * ROUNDS];

  jln_action_editor_set_record (editor, from);
  wait_for_frame (window, g_get_monotonic_time ());
  for (guint round = 0; round < 2 * ROUNDS; round++)
    {
      gint64 start = g_get_monotonic_time ();
      double cpu_start = cpu_ms ();

      jln_action_editor_set_record (editor, round % 2 == 0 ? to : from);
      set[round] = cpu_ms () - cpu_start;
      wait_for_frame (window, start);
      cpu[round] = cpu_ms () - cpu_start;
    }
  qsort (set, 2 * ROUNDS, sizeof (double), compare_doubles);
  qsort (cpu, 2 * ROUNDS, sizeof (double), compare_doubles);
  g_print ("editor switches %-33s median %7.1f ms to take the record in, "
           "%7.1f ms with its frame (processor)\n",
           what, set[ROUNDS], cpu[ROUNDS]);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JlnDocument) document = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *json = NULL;
  g_autofree char *path = NULL;
  JlnRecord *many, *few;
  GtkWidget *window;
  JlnActionEditor *editor;
  g_autoptr(JlnSession) session = NULL;
  GdkFrameClock *clock;
  gint64 start;
  double shown;
  /* Another number of sub-items can be given, to see how time grows. */
  guint n_items = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : N_ITEMS;

  if (n_items == 0)
    {
      g_printerr ("usage: bench-editor [NUMBER-OF-SUB-ITEMS]\n");
      return 2;
    }
  gtk_init ();
  adw_init ();
  jln_test_load_style ();

  dir = g_dir_make_tmp ("jalons-bench-editor-XXXXXX", &error);
  g_assert_no_error (error);
  json = g_build_filename (dir, "plan.json", NULL);
  path = g_build_filename (dir, "plan.jalons", NULL);
  write_plan (json, n_items);
  start = g_get_monotonic_time ();
  document = jln_document_import (json, path, &error);
  g_assert_no_error (error);
  g_print ("plan of an action with %u sub-items imported in %.1f ms\n", n_items,
           (g_get_monotonic_time () - start) / 1000.0);
  many = jln_test_find_action (document, "1.1");
  few = jln_test_find_action (document, "1.2");
  g_assert_cmpuint (g_list_model_get_n_items (jln_action_get_items (JLN_ACTION (many))), ==,
                    n_items);

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 420, 800);
  session = jln_session_new ();
  jln_session_set_document (session, document);
  jln_session_set_content_language (session, JLN_LANG_EN);
  editor = JLN_ACTION_EDITOR (g_object_new (JLN_TYPE_ACTION_EDITOR, "session", session, NULL));
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (editor));
  gtk_window_present (GTK_WINDOW (window));
  clock = gtk_widget_get_frame_clock (window);
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), NULL);
  wait_for_frame (window, g_get_monotonic_time ());

  measure (window, editor, few, "an action with 3 sub-items");
  {
    g_autofree char *what = g_strdup_printf ("an action with %u sub-items", n_items);

    shown = measure (window, editor, many, what);
  }
  g_print ("action with %u sub-items: %.1f ms (target <= 100 ms)\n", n_items, shown);
  measure_switch (window, editor, few, jln_test_find_action (document, "1.3"),
                  "between two actions");

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_object (&session);
  g_clear_object (&document);
  jln_test_remove_tree (dir);
  return 0;
}
