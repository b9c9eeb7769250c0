/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "jln-preferences-window.h"

/* Every row is bound to its settings key: a change is saved at once, and
 * whoever reads the key (windows, the timeline, exports, the style)
 * follows it. */
struct _JlnPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;

  /* Template widgets */
  AdwComboRow          *content_language_row;
  AdwComboRow          *export_page_row;
  GtkSpinButton        *png_scale_spin;
  AdwComboRow          *timeline_start_row;
  AdwComboRow          *timeline_zoom_row;
  AdwComboRow          *color_scheme_row;
};

G_DEFINE_FINAL_TYPE (JlnPreferencesWindow, jln_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* The nicks of each enumerated key, in the order of its row's items. */
static const char * const content_language_nicks[] = { "auto", "fr", "en", NULL };
static const char * const export_page_nicks[] = { "a4", "a3", "slide", NULL };
static const char * const timeline_start_nicks[] = { "plan", "earliest", "current", NULL };
static const char * const timeline_zoom_nicks[] = { "quarter", "semester", "year", NULL };
static const char * const color_scheme_nicks[] = { "system", "light", "dark", NULL };

static gboolean
nick_to_index (GValue   *value,
               GVariant *variant,
               gpointer  user_data)
{
  const char * const *nicks = user_data;
  const char *nick = g_variant_get_string (variant, NULL);

  for (guint i = 0; nicks[i] != NULL; i++)
    if (g_str_equal (nicks[i], nick))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  return FALSE;
}

static GVariant *
index_to_nick (const GValue       *value,
               const GVariantType *expected_type,
               gpointer            user_data)
{
  const char * const *nicks = user_data;
  guint index = g_value_get_uint (value);

  if (index >= g_strv_length ((char **) nicks))
    return NULL;
  return g_variant_new_string (nicks[index]);
}

static void
bind_combo_row (JlnPreferencesWindow *self,
                const char           *key,
                AdwComboRow          *row,
                const char * const   *nicks)
{
  g_settings_bind_with_mapping (self->settings, key, row, "selected", G_SETTINGS_BIND_DEFAULT,
                                nick_to_index, index_to_nick, (gpointer) nicks, NULL);
}

static void
jln_preferences_window_dispose (GObject *object)
{
  JlnPreferencesWindow *self = JLN_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), JLN_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (jln_preferences_window_parent_class)->dispose (object);
}

static void
jln_preferences_window_class_init (JlnPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jln_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/jalons/Jalons/jln-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, JlnPreferencesWindow, content_language_row);
  gtk_widget_class_bind_template_child (widget_class, JlnPreferencesWindow, export_page_row);
  gtk_widget_class_bind_template_child (widget_class, JlnPreferencesWindow, png_scale_spin);
  gtk_widget_class_bind_template_child (widget_class, JlnPreferencesWindow, timeline_start_row);
  gtk_widget_class_bind_template_child (widget_class, JlnPreferencesWindow, timeline_zoom_row);
  gtk_widget_class_bind_template_child (widget_class, JlnPreferencesWindow, color_scheme_row);
}

static void
jln_preferences_window_init (JlnPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APPLICATION_ID);
  bind_combo_row (self, "content-language", self->content_language_row, content_language_nicks);
  bind_combo_row (self, "export-page", self->export_page_row, export_page_nicks);
  bind_combo_row (self, "timeline-start", self->timeline_start_row, timeline_start_nicks);
  bind_combo_row (self, "timeline-zoom", self->timeline_zoom_row, timeline_zoom_nicks);
  bind_combo_row (self, "color-scheme", self->color_scheme_row, color_scheme_nicks);
  g_settings_bind (self->settings, "png-scale", self->png_scale_spin, "value", G_SETTINGS_BIND_DEFAULT);
}

JlnPreferencesWindow *
jln_preferences_window_new (GtkWindow *parent)
{
  return g_object_new (JLN_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       NULL);
}
