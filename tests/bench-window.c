/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The speed of the window on a large plan: how long until the list of
 * 100 000 actions is on screen, how long each keystroke in the search
 * bar takes to update it, and the Indicators page; with the peak memory
 * after each. Run under a display (xvfb-run). */
#include "config.h"

#include <sys/resource.h>
#include <glib/gstdio.h>

#include "jln-action-list.h"
#include "jln-window.h"

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
  gint64 start, shown;
  double worst_frame = 0, worst_full = 0;

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
  shown = wait_for_frame (g_get_monotonic_time ());
  g_print ("window shows the list of %u actions  %8.1f ms  (target <= 1000 ms)  peak %.1f MB\n",
           jln_action_list_get_n_total (list), (shown - start) / 1000.0, peak_mb ());

  /* The first query builds every action's search text: type it once. */
  jln_query_filter_set_text (jln_window_get_filter (window), "x");
  while (jln_action_list_get_pending (list))
    g_main_context_iteration (NULL, TRUE);
  jln_query_filter_set_text (jln_window_get_filter (window), "");
  while (jln_action_list_get_pending (list))
    g_main_context_iteration (NULL, TRUE);

  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      gint64 key = g_get_monotonic_time (), frame, done;

      jln_query_filter_set_text (jln_window_get_filter (window), typed[i]);
      frame = wait_for_frame (key);
      while (jln_action_list_get_pending (list))
        g_main_context_iteration (NULL, TRUE);
      done = g_get_monotonic_time ();
      g_print ("keystroke \"%s\": next frame %6.1f ms, list complete %6.1f ms (%u shown)\n",
               typed[i], (frame - key) / 1000.0, (done - key) / 1000.0, jln_action_list_get_n_shown (list));
      worst_frame = MAX (worst_frame, (frame - key) / 1000.0);
      worst_full = MAX (worst_full, (done - key) / 1000.0);
    }
  g_print ("keystroke: worst time to next frame %.1f ms (target <= 16 ms), worst until complete %.1f ms\n",
           worst_frame, worst_full);
  /* Searching keeps the folded text of every action. */
  g_print ("after searching %36s  peak %.1f MB\n", "", peak_mb ());

  jln_query_filter_set_text (jln_window_get_filter (window), "");
  while (jln_action_list_get_pending (list))
    g_main_context_iteration (NULL, TRUE);
  start = g_get_monotonic_time ();
  gtk_widget_activate_action (GTK_WIDGET (window), "win.page", "s", "indicators");
  shown = wait_for_frame (start);
  g_print ("switch to the indicators page %18.1f ms  peak %.1f MB\n", (shown - start) / 1000.0, peak_mb ());

  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
