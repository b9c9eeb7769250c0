/* SPDX-License-Identifier: GPL-3.0-or-later */
/* When JALONS_BENCH_REPORT is set, a window tells a benchmark that
 * watches it from outside what it has put on screen, one line on
 * standard output per event, once the frame that shows it is painted:
 *
 *   shown N      the list's first rows, N actions in the plan
 *   count N      the count of the actions shown changed to N
 *   complete N   the count changed, or a long update began, and the list
 *                has finished updating: N actions shown
 *
 * Nothing else reads the variable, and without it nothing is watched. */
#include "config.h"

#include <stdio.h>

#include "jln-action-list.h"
#include "jln-bench-report.h"

typedef struct
{
  GtkWidget *list;
  gboolean   shown;
  gboolean   count_changed;
  gboolean   completed;
  gulong     paint_id;
} Report;

static void
print_event (const char *event,
             guint       n)
{
  printf ("%s %u\n", event, n);
  fflush (stdout);
}

static void
after_paint_cb (GdkFrameClock *clock,
                Report        *report)
{
  JlnActionList *list = JLN_ACTION_LIST (report->list);

  if (!report->shown)
    {
      if (!gtk_widget_get_mapped (report->list) || jln_action_list_get_n_shown (list) == 0)
        return;
      report->shown = TRUE;
      report->count_changed = FALSE;
      print_event ("shown", jln_action_list_get_n_total (list));
    }
  if (report->count_changed)
    {
      report->count_changed = FALSE;
      print_event ("count", jln_action_list_get_n_shown (list));
    }
  if (report->completed && !jln_action_list_get_pending (list))
    {
      report->completed = FALSE;
      print_event ("complete", jln_action_list_get_n_shown (list));
    }
}

static void
queue_report (Report *report)
{
  gtk_widget_queue_draw (report->list);
}

static void
n_shown_changed_cb (GtkWidget  *list,
                    GParamSpec *pspec,
                    Report     *report)
{
  report->count_changed = TRUE;
  report->completed = report->shown;
  queue_report (report);
}

static void
pending_changed_cb (GtkWidget  *list,
                    GParamSpec *pspec,
                    Report     *report)
{
  if (jln_action_list_get_pending (JLN_ACTION_LIST (list)))
    report->completed = report->shown;
  else
    queue_report (report);
}

static void
realize_cb (GtkWidget *window,
            Report    *report)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  report->paint_id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), report);
}

static void
unrealize_cb (GtkWidget *window,
              Report    *report)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  if (clock != NULL)
    g_clear_signal_handler (&report->paint_id, clock);
}

void
jln_bench_report_watch (GtkWindow *window,
                        GtkWidget *list)
{
  Report *report;

  g_return_if_fail (GTK_IS_WINDOW (window));
  g_return_if_fail (GTK_IS_WIDGET (list));

  if (g_getenv ("JALONS_BENCH_REPORT") == NULL)
    return;

  report = g_new0 (Report, 1);
  report->list = list;
  g_signal_connect (report->list, "notify::n-shown", G_CALLBACK (n_shown_changed_cb), report);
  g_signal_connect (report->list, "notify::pending", G_CALLBACK (pending_changed_cb), report);
  g_signal_connect (window, "realize", G_CALLBACK (realize_cb), report);
  g_signal_connect (window, "unrealize", G_CALLBACK (unrealize_cb), report);
  if (gtk_widget_get_realized (GTK_WIDGET (window)))
    realize_cb (GTK_WIDGET (window), report);
  g_object_set_data_full (G_OBJECT (window), "jln-bench-report", report, g_free);
}
