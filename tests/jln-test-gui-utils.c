/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "jln-test-gui-utils.h"

/* Runs the main loop for @ms milliseconds, for what GTK does in idle
 * callbacks and on the next frames. */
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

/* @widget as it is drawn now, or NULL while it has nothing to draw
 * (before its first allocation, for instance). */
GdkTexture *
jln_test_render_widget (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autoptr(GskRenderNode) node = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  if (node == NULL)
    return NULL;
  return gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
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
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while ((jln_window_is_busy (window) || jln_window_get_document (window) == NULL) &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}
