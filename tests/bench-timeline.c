/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The speed of the timeline on a large plan: laying 100 000 actions out,
 * a full redraw of a 1600×1000 view at scroll positions through the plan
 * (target: 8 ms), and frames while the window's timeline scrolls. Run
 * under a display (xvfb-run), through bench-window.sh. */
#include "config.h"

#include <sys/resource.h>

#include "jln-timeline.h"
#include "jln-timeline-canvas.h"
#include "jln-window.h"

#define WIDTH  1600
#define HEIGHT 1000

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

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static void
report (const char *what,
        GArray     *times,
        double      target)
{
  double median, max;

  g_array_sort (times, compare_doubles);
  median = g_array_index (times, double, times->len / 2);
  max = g_array_index (times, double, times->len - 1);
  g_print ("%-44s median %6.2f ms  max %6.2f ms  (%u, target <= %.0f ms)  %s\n",
           what, median, max, times->len, target, max <= target ? "ok" : "SLOW");
}

/* The painter alone, on an image surface as the cairo renderer has. */
static void
bench_painter (JlnPlan *plan)
{
  g_autoptr(JlnTimeline) timeline = jln_timeline_new (plan);
  g_autoptr(JlnRenderStyle) style = jln_render_style_new (JLN_RENDER_SCHEME_LIGHT, JLN_LANG_EN);
  g_autoptr(GArray) cold = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) warm = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) sideways = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;
  g_autoptr(JlnQuery) query = NULL;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);
  double content_w, content_h;
  gint64 start;

  jln_render_style_set_font_size (style, 14.67);
  start = g_get_monotonic_time ();
  jln_timeline_get_n_rows (timeline);
  g_print ("lay out %u rows of %u actions %18.1f ms  peak %.1f MB\n",
           jln_timeline_get_n_rows (timeline), jln_timeline_get_n_actions (timeline),
           since_ms (start), peak_mb ());

  /* The first draw ever loads the fonts. */
  start = g_get_monotonic_time ();
  jln_timeline_draw_view (timeline, cr, style, 0, 0, WIDTH, HEIGHT);
  cairo_surface_flush (surface);
  g_print ("first draw, loading the fonts %22.1f ms\n", since_ms (start));

  jln_timeline_get_content_size (timeline, style, WIDTH, &content_w, &content_h);
  for (guint i = 1; i <= 21; i++)
    {
      double y = (content_h - HEIGHT) * i / 21.0;
      double t;

      start = g_get_monotonic_time ();
      jln_timeline_draw_view (timeline, cr, style, 0, y, WIDTH, HEIGHT);
      cairo_surface_flush (surface);
      t = since_ms (start);
      g_array_append_val (cold, t);

      start = g_get_monotonic_time ();
      jln_timeline_draw_view (timeline, cr, style, 0, y, WIDTH, HEIGHT);
      cairo_surface_flush (surface);
      t = since_ms (start);
      g_array_append_val (warm, t);
    }
  report ("draw 1600x1000, first time at a position", cold, 8);
  report ("draw 1600x1000, again (texts kept)", warm, 8);

  jln_timeline_set_zoom (timeline, JLN_TIMELINE_ZOOM_QUARTER);
  jln_timeline_get_content_size (timeline, style, WIDTH, &content_w, &content_h);
  for (guint i = 0; i <= 10; i++)
    {
      double t;

      start = g_get_monotonic_time ();
      jln_timeline_draw_view (timeline, cr, style, (content_w - WIDTH) * i / 10.0, content_h / 2,
                              WIDTH, HEIGHT);
      cairo_surface_flush (surface);
      t = since_ms (start);
      g_array_append_val (sideways, t);
    }
  report ("draw 1600x1000, quarters, scrolled sideways", sideways, 8);

  query = jln_query_parse ("unit:U7 status:in-progress", &error);
  g_assert_no_error (error);
  jln_timeline_set_query (timeline, query);
  start = g_get_monotonic_time ();
  jln_timeline_get_n_rows (timeline);
  g_print ("lay out again, filtered (%u actions) %14.1f ms\n",
           jln_timeline_get_n_actions (timeline), since_ms (start));

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static gint64 painted_at;
static gint64 layout_at;
static double frame_work_ms;

static void
layout_cb (GdkFrameClock *clock,
           gpointer       user_data)
{
  layout_at = g_get_monotonic_time ();
}

/* The work of the frame: allocation, drawing and rendering, not the
 * wait for the next vertical blank. */
static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  painted_at = g_get_monotonic_time ();
  frame_work_ms = (painted_at - layout_at) / 1000.0;
}

static gint64
wait_for_frame (gint64 since)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (painted_at <= since && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  return painted_at;
}

static GtkWidget *
find_canvas (GtkWidget *widget)
{
  if (JLN_IS_TIMELINE_CANVAS (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_canvas (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The window's timeline, scrolled a screenful at a time and a little at
 * a time: from a change of the adjustment to the frame painted. */
static void
bench_window (const char *path)
{
  g_autoptr(JlnApplication) application = jln_application_new (G_APPLICATION_NON_UNIQUE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GArray) pages = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) steps = g_array_new (FALSE, FALSE, sizeof (double));
  JlnWindow *window;
  GtkWidget *canvas;
  GtkAdjustment *vadjustment;
  gint64 start, shown;

  g_application_register (G_APPLICATION (application), NULL, &error);
  g_assert_no_error (error);
  window = jln_window_new (application);
  gtk_window_set_default_size (GTK_WINDOW (window), WIDTH, HEIGHT + 100);
  gtk_window_present (GTK_WINDOW (window));
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "layout",
                    G_CALLBACK (layout_cb), NULL);
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                    G_CALLBACK (after_paint_cb), NULL);

  jln_window_open_file (window, file);
  while (jln_window_get_document (window) == NULL || jln_window_is_busy (window))
    g_main_context_iteration (NULL, TRUE);
  wait_for_frame (g_get_monotonic_time ());

  start = g_get_monotonic_time ();
  gtk_widget_activate_action (GTK_WIDGET (window), "win.page", "s", "timeline");
  shown = wait_for_frame (start);
  g_print ("switch to the timeline page %24.1f ms  peak %.1f MB\n", (shown - start) / 1000.0, peak_mb ());

  canvas = find_canvas (GTK_WIDGET (window));
  g_assert_nonnull (canvas);
  vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (canvas));
  g_print ("the canvas is %dx%d, %.0f px of rows\n", gtk_widget_get_width (canvas),
           gtk_widget_get_height (canvas), gtk_adjustment_get_upper (vadjustment));

  for (guint i = 1; i <= 30; i++)
    {
      double upper = gtk_adjustment_get_upper (vadjustment) - gtk_adjustment_get_page_size (vadjustment);
      double t;

      start = g_get_monotonic_time ();
      gtk_adjustment_set_value (vadjustment, upper * ((i * 7919) % 30) / 30.0);
      wait_for_frame (start);
      t = frame_work_ms;
      if (g_getenv ("JALONS_BENCH_VERBOSE") != NULL)
        g_print ("  jump %u: %.1f ms\n", i, t);
      g_array_append_val (pages, t);
    }
  report ("scroll: jump anywhere, frame work", pages, 16);

  for (guint i = 1; i <= 60; i++)
    {
      double t;

      start = g_get_monotonic_time ();
      gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_value (vadjustment) + 40);
      wait_for_frame (start);
      t = frame_work_ms;
      g_array_append_val (steps, t);
    }
  report ("scroll: 40 px at a time, frame work", steps, 16);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JlnDocument) document = NULL;
  gint64 start;

  if (argc != 2)
    {
      g_printerr ("usage: bench-timeline PLAN.jalons (a generated plan: bench-plan --generate, jalons --import)\n");
      return 77;
    }

  gtk_init ();
  adw_init ();

  start = g_get_monotonic_time ();
  document = jln_document_open (argv[1], &error);
  g_assert_no_error (error);
  g_print ("open the plan %38.1f ms\n", since_ms (start));
  bench_painter (jln_document_get_plan (document));
  g_clear_object (&document);

  bench_window (argv[1]);
  return 0;
}
