/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib/gi18n.h>
#include <adwaita.h>

#include "jln-application.h"
#include "jln-preferences-window.h"

#include "jln-test-gui-utils.h"

static JlnApplication *application;

static gboolean
is_row_titled (GtkWidget     *widget,
               gconstpointer  title)
{
  return ADW_IS_PREFERENCES_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static GtkWidget *
find_row (GtkWidget  *window,
          const char *title)
{
  GtkWidget *row = jln_test_find_widget (window, is_row_titled, title);

  if (row == NULL)
    g_error ("no row titled “%s” in the preferences", title);
  return row;
}

/* Choosing an item of each row writes its key, and a key changed
 * elsewhere moves the row. */
static void
test_rows_write_keys (void)
{
  static const struct
  {
    const char *title;
    const char *key;
    guint       item;
    const char *nick;
  } cases[] = {
    { "Plan _language", "content-language", 1, "fr" },
    { "Plan _language", "content-language", 2, "en" },
    { "_Pages", "export-page", 1, "a3" },
    { "_Pages", "export-page", 2, "slide" },
    { "S_tarts at", "timeline-start", 2, "current" },
    { "One _column per", "timeline-zoom", 2, "year" },
    { "One _column per", "timeline-zoom", 0, "quarter" },
    { "_Style", "color-scheme", 2, "dark" },
  };
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  JlnPreferencesWindow *window = jln_preferences_window_new (NULL);
  GtkSpinButton *spin;

  gtk_window_present (GTK_WINDOW (window));
  jln_test_wait_for_mapped (GTK_WIDGET (window));
  if (g_getenv ("JALONS_SCREENSHOT_DIR") != NULL)
    {
      const char * const *languages = g_get_language_names ();
      g_autoptr(GdkTexture) texture = NULL;

      jln_test_wait_for_idle (GTK_WIDGET (window));
      texture = jln_test_render_widget (GTK_WIDGET (window));
      jln_test_save_screenshot (texture, "preferences", g_str_has_prefix (languages[0], "fr") ? "fr" : "en");
    }

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      AdwComboRow *row = ADW_COMBO_ROW (find_row (GTK_WIDGET (window), cases[i].title));
      g_autofree char *value = NULL;

      adw_combo_row_set_selected (row, cases[i].item);
      value = g_settings_get_string (settings, cases[i].key);
      g_assert_cmpstr (value, ==, cases[i].nick);
    }

  g_settings_set_string (settings, "export-page", "a4");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (find_row (GTK_WIDGET (window), "_Pages"))),
                    ==, 0);

  spin = GTK_SPIN_BUTTON (jln_test_find_child_of_type (GTK_WIDGET (window), GTK_TYPE_SPIN_BUTTON));
  gtk_spin_button_set_value (spin, 4.5);
  g_assert_cmpfloat (g_settings_get_double (settings, "png-scale"), ==, 4.5);

  gtk_window_destroy (GTK_WINDOW (window));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_settings_reset (settings, cases[i].key);
  g_settings_reset (settings, "png-scale");
}

/* The style row sets the style of the whole application. */
static void
test_style (void)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  JlnPreferencesWindow *window = jln_preferences_window_new (NULL);
  AdwComboRow *row;

  gtk_window_present (GTK_WINDOW (window));
  jln_test_wait_for_mapped (GTK_WIDGET (window));
  row = ADW_COMBO_ROW (find_row (GTK_WIDGET (window), "_Style"));

  adw_combo_row_set_selected (row, 2);
  g_assert_cmpint (adw_style_manager_get_color_scheme (manager), ==, ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_true (adw_style_manager_get_dark (manager));
  adw_combo_row_set_selected (row, 1);
  g_assert_cmpint (adw_style_manager_get_color_scheme (manager), ==, ADW_COLOR_SCHEME_FORCE_LIGHT);
  g_assert_false (adw_style_manager_get_dark (manager));
  adw_combo_row_set_selected (row, 0);
  g_assert_cmpint (adw_style_manager_get_color_scheme (manager), ==, ADW_COLOR_SCHEME_DEFAULT);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The application opens the preferences from its app.preferences action. */
static void
test_action (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  JlnPreferencesWindow *found = NULL;
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (application),
                                                                "app.preferences");

  g_assert_cmpstr (accels[0], ==, "<Control>comma");
  g_action_group_activate_action (G_ACTION_GROUP (application), "preferences", NULL);
  JLN_TEST_WAIT_UNTIL (jln_test_find_window (JLN_TYPE_PREFERENCES_WINDOW) != NULL);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (JLN_IS_PREFERENCES_WINDOW (window))
        found = JLN_PREFERENCES_WINDOW (window);
    }
  g_assert_nonnull (found);
  gtk_window_destroy (GTK_WINDOW (found));
}

static gboolean
is_about_window (GtkWidget     *widget,
                 gconstpointer  data)
{
  return ADW_IS_ABOUT_WINDOW (widget);
}

/* The About window: what a support desk asks first is there to copy, with
 * versions and how the window is drawn, and nothing of the user's plans. */
static void
test_about (void)
{
  g_autofree char *info = jln_application_dup_debug_info ();
  g_autofree char *gtk_line = g_strdup_printf ("GTK %u.%u.", gtk_get_major_version (),
                                               gtk_get_minor_version ());
  AdwAboutWindow *about = NULL;
  GtkWindow *parent = GTK_WINDOW (gtk_window_new ());
  const char *website;
  const char *issue_url;

  g_assert_true (g_str_has_prefix (info, "Jalons " PACKAGE_VERSION "\n"));
  g_assert_nonnull (strstr (info, gtk_line));
  g_assert_nonnull (strstr (info, "libadwaita "));
  g_assert_nonnull (strstr (info, "SQLite 3."));
  g_assert_nonnull (strstr (info, "GSK_RENDERER="));

  gtk_window_set_application (parent, GTK_APPLICATION (application));
  gtk_window_present (parent);
  g_action_group_activate_action (G_ACTION_GROUP (application), "about", NULL);
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (application)); l != NULL; l = l->next)
    if (ADW_IS_ABOUT_WINDOW (l->data))
      about = l->data;
  if (about == NULL)
    {
      GListModel *toplevels = gtk_window_get_toplevels ();

      for (guint i = 0; i < g_list_model_get_n_items (toplevels) && about == NULL; i++)
        {
          g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

          if (is_about_window (window, NULL))
            about = ADW_ABOUT_WINDOW (window);
        }
    }
  g_assert_nonnull (about);
  g_assert_cmpstr (adw_about_window_get_debug_info (about), ==, info);
  g_assert_cmpstr (adw_about_window_get_version (about), ==, PACKAGE_VERSION);
  /* The links are the build's: none unless it was given them. */
  website = adw_about_window_get_website (about);
  issue_url = adw_about_window_get_issue_url (about);
  g_assert_cmpstr (website != NULL ? website : "", ==, PACKAGE_WEBSITE);
  g_assert_cmpstr (issue_url != NULL ? issue_url : "", ==, PACKAGE_ISSUE_URL);
  gtk_window_destroy (GTK_WINDOW (about));
  gtk_window_destroy (parent);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettings) settings = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  /* LANGUAGE=fr shows the windows in French, for screenshots. */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, BUILD_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  gtk_init ();
  adw_init ();

  /* The style is applied from the start. */
  settings = g_settings_new (APPLICATION_ID);
  g_settings_set_string (settings, "color-scheme", "dark");
  application = jln_application_new (G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (application), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (adw_style_manager_get_color_scheme (adw_style_manager_get_default ()), ==,
                   ADW_COLOR_SCHEME_FORCE_DARK);
  g_settings_reset (settings, "color-scheme");

  g_test_add_func ("/gui/preferences/rows-write-keys", test_rows_write_keys);
  g_test_add_func ("/gui/preferences/style", test_style);
  g_test_add_func ("/gui/preferences/action", test_action);
  g_test_add_func ("/gui/about", test_about);

  status = g_test_run ();
  g_clear_object (&application);
  return status;
}
