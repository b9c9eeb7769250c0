/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "jln-action-list.h"
#include "jln-application.h"
#include "jln-bench-report.h"
#include "jln-preferences-window.h"
#include "jln-renderer.h"
#include "jln-window.h"

struct _JlnApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  GHashTable     *documents;   /* canonical path → GWeakRef of a JlnDocument */
};

G_DEFINE_FINAL_TYPE (JlnApplication, jln_application, ADW_TYPE_APPLICATION)

/* libadwaita turns CSS transitions off while it loads its stylesheet, so
 * that its colours do not animate into place, and back on a quarter of a
 * second later, from a timeout of the display's style manager. Turning
 * them on restyles every widget on screen: when the first window has
 * shown its plan before that, the window is styled, measured and drawn
 * again 0.1 s later, from scratch. Once the plan is on screen there is
 * nothing left to animate into place: transitions are turned on then,
 * with the window's next frame rather than after it has gone idle. */
typedef struct
{
  GtkWidget *list;
  gulong     paint_id;
} FirstShown;

static void
first_shown_paint_cb (GdkFrameClock *clock,
                      FirstShown    *first)
{
  AdwStyleManager *style = adw_style_manager_get_for_display (gtk_widget_get_display (first->list));
  GSource *transitions;

  if (!gtk_widget_get_mapped (first->list) ||
      jln_action_list_get_n_shown (JLN_ACTION_LIST (first->list)) == 0)
    return;

  g_clear_signal_handler (&first->paint_id, clock);
  transitions = g_main_context_find_source_by_user_data (NULL, style);
  if (transitions != NULL)
    g_source_set_ready_time (transitions, 0);
}

static void
first_realize_cb (GtkWidget  *window,
                  FirstShown *first)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  g_signal_handlers_disconnect_by_func (window, first_realize_cb, first);
  first->paint_id = g_signal_connect (clock, "after-paint", G_CALLBACK (first_shown_paint_cb),
                                      first);
}

static void
first_unrealize_cb (GtkWidget  *window,
                    FirstShown *first)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  if (clock != NULL)
    g_clear_signal_handler (&first->paint_id, clock);
}

/* A new window, not shown yet: its caller starts loading the plan first,
 * so that the loading thread reads it while the window is shown. */
static JlnWindow *
new_window (JlnApplication *self)
{
  JlnWindow *window = jln_window_new (self);
  static gboolean first_made;

  jln_bench_report_watch (GTK_WINDOW (window), jln_window_get_action_list (window));
  if (!first_made)
    {
      FirstShown *first = g_new0 (FirstShown, 1);

      first_made = TRUE;
      first->list = jln_window_get_action_list (window);
      g_signal_connect (window, "realize", G_CALLBACK (first_realize_cb), first);
      g_signal_connect (window, "unrealize", G_CALLBACK (first_unrealize_cb), first);
      g_object_set_data_full (G_OBJECT (window), "jln-first-shown", first, g_free);
    }
  return window;
}

static void
open_last_in_new_window (JlnApplication *self)
{
  JlnWindow *window = new_window (self);

  jln_window_open_last (window);
  gtk_window_present (GTK_WINDOW (window));
}

static void
jln_application_activate (GApplication *application)
{
  JlnApplication *self = JLN_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }
  open_last_in_new_window (self);
}

static void
jln_application_open (GApplication  *application,
                      GFile        **files,
                      int            n_files,
                      const char    *hint)
{
  JlnApplication *self = JLN_APPLICATION (application);

  for (int i = 0; i < n_files; i++)
    {
      JlnWindow *window = new_window (self);

      jln_window_open_file (window, files[i]);
      gtk_window_present (GTK_WINDOW (window));
    }
}

/**
 * jln_application_dup_debug_info:
 *
 * What a support desk asks first, for the About window's "Troubleshooting"
 * page: the versions of Jalons and of the libraries it runs on, and how the
 * window is drawn. Never plan content or file names.
 */
char *
jln_application_dup_debug_info (void)
{
  GString *info = g_string_new (NULL);
  const char *renderer = g_getenv ("GSK_RENDERER");
  const char *gdk_debug = g_getenv ("GDK_DEBUG");

  g_string_append_printf (info, "Jalons %s\n", PACKAGE_VERSION);
  g_string_append_printf (info, "GTK %u.%u.%u\n", gtk_get_major_version (),
                          gtk_get_minor_version (), gtk_get_micro_version ());
  g_string_append_printf (info, "libadwaita %u.%u.%u\n", adw_get_major_version (),
                          adw_get_minor_version (), adw_get_micro_version ());
  g_string_append_printf (info, "GLib %u.%u.%u\n", glib_major_version, glib_minor_version,
                          glib_micro_version);
  g_string_append_printf (info, "SQLite %s\n", jln_store_get_sqlite_version ());
  g_string_append_printf (info, "GSK_RENDERER=%s\n", renderer != NULL ? renderer : "");
  g_string_append_printf (info, "GDK_DEBUG=%s\n", gdk_debug != NULL ? gdk_debug : "");
  for (const char * const *names = g_get_language_names (); *names != NULL; names++)
    if (strchr (*names, '.') == NULL && strchr (*names, '@') == NULL)
      {
        g_string_append_printf (info, "Language %s\n", *names);
        break;
      }
  return g_string_free (info, FALSE);
}

static void
about_cb (GSimpleAction *action,
          GVariant      *parameter,
          gpointer       user_data)
{
  GtkApplication *application = user_data;
  const char *developers[] = { _("The Jalons developers"), NULL };
  g_autofree char *debug_info = jln_application_dup_debug_info ();

  GtkWindow *parent = gtk_application_get_active_window (application);
  AdwAboutWindow *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                         "debug-info", debug_info,
                         "debug-info-filename", "jalons-debug-info.txt",
                         "application-name", _("Jalons"),
                         "application-icon", APPLICATION_ID,
                         "version", PACKAGE_VERSION,
                         "comments", _("Follow an HRS4R action plan and a Gender Equality Plan: "
                                       "actions, semesters and indicators."),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "developers", developers,
                         /* Translators: your names, one per line. */
                         "translator-credits", _("translator-credits"),
                         NULL);
  /* The page about Jalons and where to report problems are the
   * institution's own; a build without them shows no link. */
  if (PACKAGE_WEBSITE[0] != '\0')
    adw_about_window_set_website (about, PACKAGE_WEBSITE);
  if (PACKAGE_ISSUE_URL[0] != '\0')
    adw_about_window_set_issue_url (about, PACKAGE_ISSUE_URL);
  if (parent != NULL)
    {
      gtk_window_set_transient_for (GTK_WINDOW (about), parent);
      gtk_window_set_modal (GTK_WINDOW (about), TRUE);
    }
  gtk_window_set_application (GTK_WINDOW (about), application);
  gtk_window_present (GTK_WINDOW (about));
}

static void
quit_cb (GSimpleAction *action,
         GVariant      *parameter,
         gpointer       user_data)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (user_data));

  /* Every edit is already saved: closing loses nothing. */
  while (windows != NULL)
    {
      GtkWindow *window = windows->data;

      windows = windows->next;
      gtk_window_destroy (window);
    }
}

static void
new_window_cb (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  open_last_in_new_window (user_data);
}

static void
preferences_cb (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  gtk_window_present (GTK_WINDOW (jln_preferences_window_new (parent)));
}

/* The style chosen in the preferences, for every window. */
static void
color_scheme_changed_cb (JlnApplication *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();

  switch (g_settings_get_enum (self->settings, "color-scheme"))
    {
    case 1:
      adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
      break;
    case 2:
      adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
      break;
    default:
      adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
      break;
    }
}

static const GActionEntry app_entries[] = {
  { "about", about_cb },
  { "preferences", preferences_cb },
  { "quit", quit_cb },
  { "new-window", new_window_cb },
};

static void
icon_theme_changed_cb (gboolean *changed)
{
  *changed = TRUE;
}

/* GtkApplication and libadwaita add their icons to the icon theme as
 * they start up, and the theme tells every widget of it in an idle.
 * Left for later, that idle comes once the first window has measured
 * itself and loaded its icons: every icon of the window would be looked
 * up, decoded and laid out again. It is let run now, while there is no
 * window yet. */
static void
settle_icon_theme (void)
{
  GdkDisplay *display = gdk_display_get_default ();
  GtkIconTheme *theme;
  gboolean changed = FALSE;
  gulong handler;

  if (display == NULL)
    return;
  theme = gtk_icon_theme_get_for_display (display);
  handler = g_signal_connect_swapped (theme, "changed", G_CALLBACK (icon_theme_changed_cb),
                                      &changed);
  while (!changed && g_main_context_iteration (NULL, FALSE))
    ;
  g_signal_handler_disconnect (theme, handler);
}

static void
jln_application_startup (GApplication *application)
{
  JlnApplication *self = JLN_APPLICATION (application);
  static const struct { const char *action; const char *accels[3]; } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.new-window", { "<Control><Shift>n", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "win.open", { "<Control>o", NULL } },
    { "win.new-plan", { "<Control>n", NULL } },
    { "win.save-copy", { "<Control><Shift>s", NULL } },
    { "win.import", { "<Control>i", NULL } },
    { "win.paste-rows", { "<Control><Shift>v", NULL } },
    { "win.export", { "<Control>e", NULL } },
    { "win.export-view", { "<Control><Shift>e", NULL } },
    { "win.print", { "<Control>p", NULL } },
    { "win.undo", { "<Control>z", NULL } },
    { "win.redo", { "<Control><Shift>z", "<Control>y", NULL } },
    { "win.search", { "<Control>f", NULL } },
    { "win.changes", { "<Control>h", NULL } },
    { "win.add-action", { "<Control><Shift>a", NULL } },
    { "win.duplicate", { "<Control>d", NULL } },
    { "win.page::actions", { "<Alt>1", NULL } },
    { "win.page::timeline", { "<Alt>2", NULL } },
    { "win.page::indicators", { "<Alt>3", NULL } },
    { "win.page::principles", { "<Alt>4", NULL } },
    { "win.page::review", { "<Alt>5", NULL } },
    { "window.close", { "<Control>w", NULL } },
  };

  G_APPLICATION_CLASS (jln_application_parent_class)->startup (application);
  jln_renderer_after_init ();

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_entries, G_N_ELEMENTS (app_entries), self);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), accels[i].action, accels[i].accels);

  g_signal_connect_object (self->settings, "changed::color-scheme",
                           G_CALLBACK (color_scheme_changed_cb), self, G_CONNECT_SWAPPED);
  color_scheme_changed_cb (self);
  settle_icon_theme ();
}

static void
free_weak_ref (gpointer data)
{
  g_weak_ref_clear (data);
  g_free (data);
}

static void
jln_application_finalize (GObject *object)
{
  JlnApplication *self = JLN_APPLICATION (object);

  g_clear_object (&self->settings);
  g_clear_pointer (&self->documents, g_hash_table_unref);

  G_OBJECT_CLASS (jln_application_parent_class)->finalize (object);
}

static void
jln_application_class_init (JlnApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = jln_application_finalize;
  app_class->activate = jln_application_activate;
  app_class->open = jln_application_open;
  app_class->startup = jln_application_startup;
}

static void
jln_application_init (JlnApplication *self)
{
  self->settings = g_settings_new (APPLICATION_ID);
  self->documents = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, free_weak_ref);
}

JlnApplication *
jln_application_new (GApplicationFlags flags)
{
  return g_object_new (JLN_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "resource-base-path", "/org/jalons/Jalons",
                       "flags", flags | G_APPLICATION_HANDLES_OPEN,
                       NULL);
}

GSettings *
jln_application_get_settings (JlnApplication *self)
{
  g_return_val_if_fail (JLN_IS_APPLICATION (self), NULL);
  return self->settings;
}

/* The example plan that Jalons ships, read-only. */
char *
jln_application_dup_bundled_plan (void)
{
  const char *override = g_getenv ("JALONS_DATADIR");

  return g_build_filename (override != NULL ? override : PKGDATADIR, "plans",
                           "inserm-hrs4r-2022.json", NULL);
}

/* The user's own editable copy of the example plan. */
char *
jln_application_dup_example_path (void)
{
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  g_autofree char *fallback = NULL;
  g_autofree char *name = NULL;

  /* The user's working copy of the example, where they see it, under a
   * name that says what it is. */
  if (documents == NULL || g_strcmp0 (documents, g_get_home_dir ()) == 0)
    documents = fallback = g_build_filename (g_get_home_dir (), "Documents", NULL);
  /* Translators: the file name of the user's copy of the example plan,
     in their Documents folder; keep it short, without a slash. */
  name = g_strconcat (_("Inserm HRS4R action plan"), ".jalons", NULL);
  return g_build_filename (documents, name, NULL);
}

/**
 * jln_application_lookup_document:
 *
 * Windows of one process on the same plan file share one document, so
 * that an edit in one is seen at once in the others.
 *
 * Returns: (transfer full) (nullable): the open document of the plan
 *   file at @path
 */
JlnDocument *
jln_application_lookup_document (JlnApplication *self,
                                 const char     *path)
{
  g_autofree char *key = NULL;
  GWeakRef *ref;
  JlnDocument *document;

  g_return_val_if_fail (JLN_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  key = g_canonicalize_filename (path, NULL);
  ref = g_hash_table_lookup (self->documents, key);
  if (ref == NULL)
    return NULL;
  document = g_weak_ref_get (ref);
  if (document == NULL)
    g_hash_table_remove (self->documents, key);
  return document;
}

/**
 * jln_application_add_document:
 *
 * Makes @document the one that later windows opening its file share.
 * The application does not keep it alive.
 */
void
jln_application_add_document (JlnApplication *self,
                              JlnDocument    *document)
{
  GWeakRef *ref;

  g_return_if_fail (JLN_IS_APPLICATION (self));
  g_return_if_fail (JLN_IS_DOCUMENT (document));

  ref = g_new0 (GWeakRef, 1);
  g_weak_ref_init (ref, document);
  g_hash_table_replace (self->documents,
                        g_canonicalize_filename (jln_document_get_path (document), NULL), ref);
}
