/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "jln-screen-style.h"

/* The timeline and the charts on screen look like the desktop: light or
 * dark, the contrast scheme when high contrast is asked for in the light
 * style, and body text as large as the interface's. */

static JlnRenderScheme
desktop_scheme (void)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();

  if (adw_style_manager_get_dark (manager))
    return JLN_RENDER_SCHEME_DARK;
  if (adw_style_manager_get_high_contrast (manager))
    return JLN_RENDER_SCHEME_CONTRAST;
  return JLN_RENDER_SCHEME_LIGHT;
}

/* Body text as large as the desktop's, in pixels. */
static double
desktop_font_size (GtkWidget *widget)
{
  GtkSettings *settings = gtk_widget_get_settings (widget);
  g_autofree char *name = NULL;
  g_autoptr(PangoFontDescription) font = NULL;
  int dpi = 0;
  double points = 11;

  g_object_get (settings, "gtk-font-name", &name, "gtk-xft-dpi", &dpi, NULL);
  if (name != NULL)
    font = pango_font_description_from_string (name);
  if (font != NULL && pango_font_description_get_size (font) > 0)
    points = pango_font_description_get_size (font) / (double) PANGO_SCALE;
  return CLAMP (points * (dpi > 0 ? dpi / 1024.0 : 96.0) / 72.0, 9, 40);
}

JlnRenderStyle *
jln_screen_style_new (GtkWidget *widget,
                      JlnLang    lang)
{
  JlnRenderStyle *style = jln_render_style_new (desktop_scheme (), lang);

  jln_render_style_set_font_size (style, desktop_font_size (widget));
  return style;
}

/* Calls @changed on @object (as its only argument) whenever the desktop
 * style changes, for as long as @object lives. */
void
jln_screen_style_watch (gpointer  object,
                        GCallback changed)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();

  g_signal_connect_object (manager, "notify::dark", changed, object, G_CONNECT_SWAPPED);
  g_signal_connect_object (manager, "notify::high-contrast", changed, object, G_CONNECT_SWAPPED);
}
