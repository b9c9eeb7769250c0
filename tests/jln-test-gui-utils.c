/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "jln-test-gui-utils.h"

/* Runs the main loop for @ms milliseconds. Only for tests where the time
 * itself is the point (a delay that must pass, or something that must not
 * happen within a period): to wait for something, wait for it with
 * JLN_TEST_WAIT_UNTIL() or the functions below. */
void
jln_test_wait_ms (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      while (g_main_context_pending (NULL))
        g_main_context_iteration (NULL, FALSE);
      g_usleep (5000);
    }
}

static gboolean
woken_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* One iteration of the main context: blocks until something is dispatched,
 * but at most a few milliseconds, so that conditions that change in other
 * threads or processes are seen soon. */
void
jln_test_iterate (void)
{
  gboolean woken = FALSE;
  guint id = g_timeout_add (5, woken_cb, &woken);

  g_main_context_iteration (NULL, TRUE);
  if (!woken)
    g_source_remove (id);
}

/* jln_test_iterate(), or fails the test, naming @what, once @deadline
 * (monotonic time) has passed. */
void
jln_test_iterate_before (gint64      deadline,
                         const char *what,
                         const char *file,
                         int         line,
                         const char *func)
{
  if (g_get_monotonic_time () > deadline)
    {
      g_autofree char *message = g_strdup_printf ("timed out waiting for: %s", what);

      g_assertion_message (G_LOG_DOMAIN, file, line, func, message);
      return;
    }
  jln_test_iterate ();
}

/* Use jln_test_wait_until(). */
void
jln_test_wait_until_full (JlnTestCondition  condition,
                          gconstpointer     data,
                          guint             timeout_ms,
                          const char       *what,
                          const char       *file,
                          int               line,
                          const char       *func)
{
  gint64 deadline = g_get_monotonic_time () + timeout_ms * G_GINT64_CONSTANT (1000);

  while (!condition (data))
    jln_test_iterate_before (deadline, what, file, line, func);
}

/* Dispatches what is ready now (idle callbacks, events), and what that
 * makes ready, a bounded number of times so that an animation does not
 * keep it going. */
static void
drain (void)
{
  for (guint i = 0; i < 10000 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
}

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       data)
{
  *(gboolean *) data = TRUE;
}

/* Waits until the window of @widget has been through a frame after
 * everything that was queued so far (layout, styles, idle callbacks), then
 * for what that frame set off: "the UI settled". With @widget NULL, or not mapped, only
 * runs what is ready. */
void
jln_test_wait_for_idle (GtkWidget *widget)
{
  GdkFrameClock *clock;
  gboolean painted = FALSE;
  gulong handler;

  drain ();
  if (widget == NULL || !gtk_widget_get_mapped (widget) ||
      (clock = gtk_widget_get_frame_clock (widget)) == NULL)
    return;
  g_object_ref (clock);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &painted);
  /* A frame, which lays out and draws what changed, without drawing
   * again what did not. */
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_AFTER_PAINT);
  JLN_TEST_WAIT_UNTIL (painted);
  g_signal_handler_disconnect (clock, handler);
  g_object_unref (clock);
  drain ();
}

/* Pops up a menu button's popover, or a popover, and waits until it is
 * mapped; returns the popover. The tests share one X server: a popover
 * whose pointer grab another test's window holds at that moment closes
 * at once, so it is asked again every half second. */
GtkWidget *
jln_test_popup (GtkWidget *button_or_popover)
{
  GtkWidget *popover;
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  gint64 again = 0;

  for (;;)
    {
      if (g_get_monotonic_time () >= again)
        {
          if (GTK_IS_MENU_BUTTON (button_or_popover))
            gtk_menu_button_popup (GTK_MENU_BUTTON (button_or_popover));
          else
            gtk_popover_popup (GTK_POPOVER (button_or_popover));
          again = g_get_monotonic_time () + G_USEC_PER_SEC / 2;
        }
      /* A menu button may make its popover when first asked. */
      if (GTK_IS_MENU_BUTTON (button_or_popover))
        popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button_or_popover)));
      else
        popover = button_or_popover;
      g_assert_true (GTK_IS_POPOVER (popover));
      if (gtk_widget_get_mapped (popover))
        return popover;
      if (g_get_monotonic_time () >= deadline)
        g_error ("timed out waiting for a popover to show");
      g_main_context_iteration (NULL, FALSE);
    }
}

/* Waits until @widget is mapped: shown, and so are its ancestors. */
void
jln_test_wait_for_mapped (GtkWidget *widget)
{
  JLN_TEST_WAIT_UNTIL (gtk_widget_get_mapped (widget));
}

/* Waits until @widget is not mapped any more (hidden, closed). */
void
jln_test_wait_for_unmapped (GtkWidget *widget)
{
  JLN_TEST_WAIT_UNTIL (!gtk_widget_get_mapped (widget));
}

/* Waits until @widget is mapped and has a size. */
void
jln_test_wait_for_allocation (GtkWidget *widget)
{
  JLN_TEST_WAIT_UNTIL (gtk_widget_get_mapped (widget) &&
                       gtk_widget_get_width (widget) > 0 &&
                       gtk_widget_get_height (widget) > 0);
}

/* Waits until the last reference to @object is gone (a window destroyed,
 * a dialog closed). */
void
jln_test_wait_for_finalized (gpointer object)
{
  GObject *weak = object;

  g_object_add_weak_pointer (weak, (gpointer *) &weak);
  JLN_TEST_WAIT_UNTIL (weak == NULL);
}

static gboolean
string_property_is (GObject    *object,
                    const char *name,
                    const char *expected)
{
  g_autofree char *value = NULL;

  g_object_get (object, name, &value, NULL);
  return g_strcmp0 (value, expected) == 0;
}

/* Waits until the string property @name of @object is @expected. */
void
jln_test_wait_for_string_property (gpointer    object,
                                   const char *name,
                                   const char *expected)
{
  JLN_TEST_WAIT_UNTIL (string_property_is (object, name, expected));
}

/* The first widget at or under @widget, depth first, that @match accepts. */
GtkWidget *
jln_test_find_widget (GtkWidget          *widget,
                      JlnTestWidgetMatch  match,
                      gconstpointer       data)
{
  if (match (widget, data))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = jln_test_find_widget (child, match, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
is_of_type (GtkWidget     *widget,
            gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

/* The first widget of @type at or under @widget, depth first. */
GtkWidget *
jln_test_find_child_of_type (GtkWidget *widget,
                             GType      type)
{
  return jln_test_find_widget (widget, is_of_type, GSIZE_TO_POINTER (type));
}

/* A visible window transient for @parent (a dialog it opened), or NULL. */
GtkWindow *
jln_test_find_transient (GtkWindow *parent)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (l->data != (gpointer) parent && gtk_widget_get_visible (l->data) &&
        gtk_window_get_transient_for (l->data) == parent)
      return l->data;
  return NULL;
}

/* A visible toplevel window of @type, or NULL. */
GtkWindow *
jln_test_find_window (GType type)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

/* @widget as it is drawn now, at its own size, or NULL while it has
 * nothing to draw (before its first allocation, for instance). A
 * widget's paintable is as large as what the widget draws, which for a
 * window includes its shadow: drawn into the window's size, it would be
 * shrunk, dropping rows of pixels, so that lines of text seem to run into
 * each other. It is drawn at its own size, and the window's area cut out. */
GdkTexture *
jln_test_render_widget (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autoptr(GskRenderNode) node = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  graphene_rect_t bounds;

  if (!gtk_widget_compute_bounds (widget, widget, &bounds))
    bounds = GRAPHENE_RECT_INIT (0, 0, width, height);
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot),
                          gdk_paintable_get_intrinsic_width (paintable),
                          gdk_paintable_get_intrinsic_height (paintable));
  node = gtk_snapshot_free_to_node (snapshot);
  if (node == NULL)
    return NULL;
  /* The paintable starts where the bounds do. */
  return gsk_renderer_render_texture (renderer, node,
                                      &GRAPHENE_RECT_INIT (-bounds.origin.x, -bounds.origin.y, width, height));
}

/* Saves @texture as NAME-LANGUAGE.png in $JALONS_SCREENSHOT_DIR. */
void
jln_test_save_screenshot (GdkTexture *texture,
                          const char *name,
                          const char *language)
{
  g_autofree char *file = g_strdup_printf ("%s-%s.png", name, language);
  g_autofree char *path = g_build_filename (g_getenv ("JALONS_SCREENSHOT_DIR"), file, NULL);

  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("saved %s", path);
}

/* The application's style sheet, which the widgets under test expect. */
void
jln_test_load_style (void)
{
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

  gtk_css_provider_load_from_resource (provider, "/org/jalons/Jalons/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

/* Waits until @window has opened its plan, and for what that set off. */
void
jln_test_wait_for_document (JlnWindow *window)
{
  JLN_TEST_WAIT_UNTIL (!jln_window_is_busy (window) && jln_window_get_document (window) != NULL);
  drain ();
}

/* Until the list has shown what its filter keeps. */
void
jln_test_timeline_fixture_wait_for_list (JlnTestTimelineFixture *fixture)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (g_main_context_iteration (NULL, FALSE))
    ;
  while (jln_action_list_get_pending (fixture->list) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  jln_test_wait_for_idle (GTK_WIDGET (fixture->window));
}

/* A window of the default application, presented at 1280×800, on a new
 * copy of the bundled plan in the user data folder, whose path goes to
 * @path (to remove at the end). */
static JlnWindow *
open_bundled_copy (const char  *prefix,
                   char       **path)
{
  JlnApplication *application = JLN_APPLICATION (g_application_get_default ());
  g_autofree char *bundled = jln_application_dup_bundled_plan ();
  g_autofree char *name = g_strdup_printf ("%s-%u.jalons", prefix, g_random_int ());
  g_autoptr(GFile) file = NULL;
  g_autoptr(JlnDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  JlnWindow *window;

  g_assert_nonnull (application);
  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  *path = g_build_filename (g_get_user_data_dir (), name, NULL);
  document = jln_document_import (bundled, *path, &error);
  g_assert_no_error (error);
  g_clear_object (&document);

  window = jln_window_new (application);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  file = g_file_new_for_path (*path);
  jln_window_open_file (window, file);
  jln_test_wait_for_document (window);
  g_assert_nonnull (jln_window_get_document (window));
  return window;
}

void
jln_test_timeline_fixture_setup (JlnTestTimelineFixture *fixture,
                                 gconstpointer           data)
{
  fixture->window = open_bundled_copy ("timeline", &fixture->path);
  fixture->document = jln_window_get_document (fixture->window);
  fixture->list = JLN_ACTION_LIST (jln_window_get_action_list (fixture->window));
  /* The timeline is built when first shown; the list stays in front. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.page", "s", "timeline"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.page", "s", "actions"));
  fixture->view = JLN_TIMELINE_VIEW (jln_test_find_child_of_type (GTK_WIDGET (fixture->window),
                                                                  JLN_TYPE_TIMELINE_VIEW));
  g_assert_nonnull (fixture->view);
  fixture->canvas = JLN_TIMELINE_CANVAS (jln_test_find_child_of_type (GTK_WIDGET (fixture->view),
                                                                      JLN_TYPE_TIMELINE_CANVAS));
  g_assert_nonnull (fixture->canvas);
  jln_test_timeline_fixture_wait_for_list (fixture);
}

void
jln_test_timeline_fixture_teardown (JlnTestTimelineFixture *fixture,
                                    gconstpointer           data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_remove (fixture->path);
  g_free (fixture->path);
}

/* The timeline page in front, drawn. */
void
jln_test_timeline_fixture_show_timeline (JlnTestTimelineFixture *fixture)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.page", "s", "timeline"));
  jln_test_wait_for_mapped (GTK_WIDGET (fixture->view));
  jln_test_wait_for_idle (GTK_WIDGET (fixture->view));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (fixture->view)));
}
