/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The speed of the window on a large plan: how long until the list of
 * 100 000 actions is on screen, how long each keystroke in the search
 * bar takes to update it, and the Indicators page; with the peak memory
 * after each. Run under a display (xvfb-run). */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <glib/gstdio.h>

#include "jln-action-list.h"
#include "jln-window.h"

#define ROUNDS 5
/* The word typed, erased, and the empty query again. */
#define N_TYPED 8
#define N_KEYS (2 * N_TYPED)

static gint64 painted_at;

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  painted_at = g_get_monotonic_time ();
}

/* Iterates until the next frame is painted, and returns when it was. */
static gint64
wait_for_frame (gint64 since)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (painted_at <= since && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  return painted_at;
}

/* The main loop is never blocked for long if a timeout asked for every
 * millisecond is never late by much: the longest delay is the longest
 * that a frame could have had to wait. */
static gint64 tick_expected;
static gint64 longest_stall;

static gboolean
tick_cb (gpointer user_data)
{
  gint64 now = g_get_monotonic_time ();

  longest_stall = MAX (longest_stall, now - tick_expected);
  tick_expected = now + 1000;
  return G_SOURCE_CONTINUE;
}

static void
reset_stall (void)
{
  tick_expected = g_get_monotonic_time () + 1000;
  longest_stall = 0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (double *values,
        guint   n)
{
  double sorted[n];

  memcpy (sorted, values, n * sizeof (double));
  qsort (sorted, n, sizeof (double), compare_doubles);
  return n % 2 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
}

static double
worst (double *values,
       guint   n)
{
  double w = 0;

  for (guint i = 0; i < n; i++)
    w = MAX (w, values[i]);
  return w;
}

static double
peak_mb (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(JlnApplication) application = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  static const char * const typed[] = { "r", "re", "rec", "recr", "recru", "recrut", "recrute", "recrutem" };
  JlnActionList *list;
  JlnWindow *window;
  GdkFrameClock *clock;
  gint64 start, shown_at;
  double worst_frame = 0, worst_stall = 0, worst_full = 0;
  double frames[N_KEYS][ROUNDS], stalls[N_KEYS][ROUNDS], fulls[N_KEYS][ROUNDS];
  guint shown[N_KEYS];

  G_STATIC_ASSERT (G_N_ELEMENTS (typed) == N_TYPED);

  if (argc != 2)
    {
      g_printerr ("usage: bench-window PLAN.jalons (a generated plan: bench-plan --generate, jalons --import)\n");
      return 77;
    }

  gtk_init ();
  adw_init ();
  application = jln_application_new (G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (application), NULL, &error);
  g_assert_no_error (error);

  window = jln_window_new (application);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  list = JLN_ACTION_LIST (jln_window_get_action_list (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), NULL);

  file = g_file_new_for_path (argv[1]);
  start = g_get_monotonic_time ();
  jln_window_open_file (window, file);
  while (jln_window_get_document (window) == NULL && g_get_monotonic_time () - start < 60 * G_USEC_PER_SEC)
    g_main_context_iteration (NULL, TRUE);
  shown_at = wait_for_frame (g_get_monotonic_time ());
  g_print ("window shows the list of %u actions  %8.1f ms  (target <= 1000 ms)  peak %.1f MB\n",
           jln_action_list_get_n_total (list), (shown_at - start) / 1000.0, peak_mb ());

  /* The first query builds every action's search text: type it once. */
  jln_query_filter_set_text (jln_window_get_filter (window), "x");
  while (jln_action_list_get_pending (list))
    g_main_context_iteration (NULL, TRUE);
  jln_query_filter_set_text (jln_window_get_filter (window), "");
  while (jln_action_list_get_pending (list))
    g_main_context_iteration (NULL, TRUE);

  /* Each round types the word, then erases it a letter at a time. Each
   * keystroke comes once the list is complete and painted after the one
   * before, as when one types at a human pace: it measures the time to
   * the next frame, the longest time the main loop was busy until the
   * list was complete and painted (any frame would have waited as
   * long), and the time until the list was complete. */
  g_timeout_add_full (G_PRIORITY_HIGH, 1, tick_cb, NULL, NULL);
  for (guint round = 0; round < ROUNDS; round++)
    for (guint k = 0; k < N_KEYS; k++)
      {
        const char *text = k < G_N_ELEMENTS (typed) ? typed[k] : k + 1 == N_KEYS ? ""
                           : typed[N_KEYS - 2 - k];
        gint64 key, frame, done;

        reset_stall ();
        key = g_get_monotonic_time ();
        jln_query_filter_set_text (jln_window_get_filter (window), text);
        frame = wait_for_frame (key);
        while (jln_action_list_get_pending (list))
          g_main_context_iteration (NULL, TRUE);
        done = g_get_monotonic_time ();
        wait_for_frame (done);
        frames[k][round] = (frame - key) / 1000.0;
        stalls[k][round] = longest_stall / 1000.0;
        fulls[k][round] = (done - key) / 1000.0;
        shown[k] = jln_action_list_get_n_shown (list);
        if (g_getenv ("JALONS_BENCH_VERBOSE") != NULL)
          g_print ("round %u \"%s\": next frame %6.1f ms, longest stall %6.1f ms, complete %6.1f ms\n",
                   round, text, frames[k][round], stalls[k][round], fulls[k][round]);
        /* A breath between keys, as between a person's keystrokes. */
        reset_stall ();
        key = g_get_monotonic_time ();
        while (g_get_monotonic_time () - key < 30 * 1000)
          g_main_context_iteration (NULL, TRUE);
      }

  g_print ("keystroke (median / worst of %u rounds, ms)   next frame   longest stall   list complete   shown\n",
           ROUNDS);
  for (guint k = 0; k < N_KEYS; k++)
    {
      const char *text = k < G_N_ELEMENTS (typed) ? typed[k] : k + 1 == N_KEYS ? ""
                         : typed[N_KEYS - 2 - k];
      g_autofree char *quoted = g_strdup_printf ("\"%s\"%s", text,
                                                 k < G_N_ELEMENTS (typed) ? "" : " (erasing)");

      g_print ("  %-32s %6.1f / %6.1f   %6.1f / %6.1f   %6.1f / %6.1f   %6u\n", quoted,
               median (frames[k], ROUNDS), worst (frames[k], ROUNDS),
               median (stalls[k], ROUNDS), worst (stalls[k], ROUNDS),
               median (fulls[k], ROUNDS), worst (fulls[k], ROUNDS), shown[k]);
      worst_frame = MAX (worst_frame, worst (frames[k], ROUNDS));
      worst_stall = MAX (worst_stall, worst (stalls[k], ROUNDS));
      worst_full = MAX (worst_full, worst (fulls[k], ROUNDS));
    }
  g_print ("keystroke: worst time to next frame %.1f ms, longest stall %.1f ms (target <= 16 ms), "
           "worst until complete %.1f ms\n",
           worst_frame, worst_stall, worst_full);
  /* Searching keeps the folded text of every action. */
  g_print ("after searching %36s  peak %.1f MB\n", "", peak_mb ());

  jln_query_filter_set_text (jln_window_get_filter (window), "");
  while (jln_action_list_get_pending (list))
    g_main_context_iteration (NULL, TRUE);
  {
    gint64 start = g_get_monotonic_time (), page_shown;

    gtk_widget_activate_action (GTK_WIDGET (window), "win.page", "s", "indicators");
    page_shown = wait_for_frame (start);
    g_print ("switch to the indicators page %18.1f ms  peak %.1f MB\n", (page_shown - start) / 1000.0, peak_mb ());
  }

  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
