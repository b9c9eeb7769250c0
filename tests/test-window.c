/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "jln-action.h"
#include "jln-action-grid.h"
#include "jln-action-list.h"
#include "jln-backups-window.h"
#include "jln-changes-window.h"
#include "jln-import-dialog.h"
#include "jln-merge-window.h"
#include "jln-objective.h"
#include "jln-session.h"
#include "jln-window.h"

#include "jln-test-gui-utils.h"

static JlnApplication *application;

static void
wait_idle (JlnWindow *window)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (jln_window_is_busy (window) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static guint
count_actions (JlnDocument *document)
{
  GListModel *objectives = jln_plan_get_objectives (jln_document_get_plan (document));
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (objectives); i++)
    {
      g_autoptr(JlnObjective) objective = g_list_model_get_item (objectives, i);

      n += g_list_model_get_n_items (jln_objective_get_actions (objective));
    }
  return n;
}

static gboolean
count_plan_writes_cb (GSettings *settings,
                      GQuark    *keys,
                      int        n_keys,
                      guint     *n_writes)
{
  for (int i = 0; i < n_keys; i++)
    if (keys[i] == g_quark_from_string ("last-plan") || keys[i] == g_quark_from_string ("recent-plans"))
      {
        (*n_writes)++;
        break;
      }
  return FALSE;
}

/* The first start: the user's own copy of the example plan, with a banner
 * saying what it is; then every later start reopens the last plan. The
 * plan is remembered in one write of the settings, and a start that
 * reopens the last plan writes none. */
static void
test_first_run_and_reopen (void)
{
  g_autofree char *example = jln_application_dup_example_path ();
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  JlnWindow *window;
  GtkRevealer *banner;
  JlnAction *action;
  g_autofree char *last = NULL;
  guint n_writes = 0;

  g_settings_set_string (settings, "last-plan", "");
  g_assert_false (g_file_test (example, G_FILE_TEST_EXISTS));
  g_signal_connect (settings, "change-event", G_CALLBACK (count_plan_writes_cb), &n_writes);

  window = jln_window_new (application);
  jln_window_open_last (window);
  gtk_window_present (GTK_WINDOW (window));
  jln_test_wait_for_document (window);

  g_assert_nonnull (jln_window_get_document (window));
  g_assert_cmpstr (jln_document_get_path (jln_window_get_document (window)), ==, example);
  g_assert_true (g_file_test (example, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_actions (jln_window_get_document (window)), ==, 112);
  banner = GTK_REVEALER (jln_test_find_child_of_type (GTK_WIDGET (window), GTK_TYPE_REVEALER));
  g_assert_true (gtk_revealer_get_reveal_child (banner));
  last = g_settings_get_string (settings, "last-plan");
  g_assert_cmpstr (last, ==, example);
  g_assert_cmpuint (n_writes, ==, 1);

  /* An edit, then a new window: it reopens the same plan, with the edit. */
  {
    JlnRecord *record = jln_test_find_action (jln_window_get_document (window), "1.4");
    g_autoptr(JlnEdit) edit = jln_edit_new_set (record, "title-en", "Edited title");
    g_autoptr(GError) error = NULL;

    g_assert_true (jln_document_apply (jln_window_get_document (window), edit, &error));
    g_assert_no_error (error);
  }
  gtk_window_destroy (GTK_WINDOW (window));

  n_writes = 0;
  window = jln_window_new (application);
  jln_window_open_last (window);
  jln_test_wait_for_document (window);
  g_assert_cmpstr (jln_document_get_path (jln_window_get_document (window)), ==, example);
  g_assert_cmpuint (n_writes, ==, 0);
  action = JLN_ACTION (jln_test_find_action (jln_window_get_document (window), "1.4"));
  g_assert_cmpstr (jln_action_get_title (action)->en, ==, "Edited title");
  gtk_window_destroy (GTK_WINDOW (window));
  g_signal_handlers_disconnect_by_data (settings, &n_writes);
}

static char *
make_plan (const char *name)
{
  g_autofree char *bundled = jln_application_dup_bundled_plan ();
  char *path = g_build_filename (g_get_user_data_dir (), name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JlnDocument) document = NULL;

  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  document = jln_document_import (bundled, path, &error);
  g_assert_no_error (error);
  return path;
}

typedef struct
{
  GtkWindow *window;
  gboolean   mapped;
  gboolean   loading_when_shown;
} Shown;

static void
window_mapped_cb (GtkWidget *window,
                  Shown     *shown)
{
  shown->mapped = TRUE;
  shown->loading_when_shown = jln_window_is_busy (JLN_WINDOW (window)) ||
                              jln_window_get_document (JLN_WINDOW (window)) != NULL;
}

static void
window_added_cb (GtkApplication *app,
                 GtkWindow      *window,
                 Shown          *shown)
{
  shown->window = window;
  g_signal_connect (window, "map", G_CALLBACK (window_mapped_cb), shown);
}

/* A plan opened from the command line is being read when its window
 * first shows: the window's first frame is the loading page, not an
 * empty window drawn before the plan is asked for. */
static void
test_open_loads_before_shown (void)
{
  g_autofree char *path = make_plan ("shown.jalons");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  Shown shown = { NULL, FALSE, FALSE };

  g_signal_connect (application, "window-added", G_CALLBACK (window_added_cb), &shown);
  g_application_open (G_APPLICATION (application), &file, 1, "");
  g_signal_handlers_disconnect_by_data (application, &shown);

  g_assert_nonnull (shown.window);
  g_assert_true (shown.mapped);
  g_assert_true (shown.loading_when_shown);
  jln_test_wait_for_document (JLN_WINDOW (shown.window));
  g_assert_cmpstr (jln_document_get_path (jln_window_get_document (JLN_WINDOW (shown.window))), ==, path);
  g_signal_handlers_disconnect_by_data (shown.window, &shown);
  gtk_window_destroy (shown.window);
}

static void
test_undo_redo_actions (void)
{
  g_autofree char *path = make_plan ("undo.jalons");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  JlnWindow *window = jln_window_new (application);
  JlnDocument *document;
  JlnAction *action;
  g_autofree char *before = NULL;
  g_autoptr(JlnEdit) edit = NULL;
  g_autoptr(GError) error = NULL;

  jln_window_open_file (window, file);
  jln_test_wait_for_document (window);
  document = jln_window_get_document (window);
  action = JLN_ACTION (jln_test_find_action (document, "3.4"));
  before = g_strdup (jln_action_get_title (action)->fr);

  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL) &&
                  jln_document_can_redo (document));

  edit = jln_edit_new_set (JLN_RECORD (action), "due", "2024-S1");
  g_assert_true (jln_document_apply (document, edit, &error));
  g_assert_cmpuint (jln_action_get_due (action), ==, jln_semester_new (2024, 1));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpuint (jln_action_get_due (action), ==, jln_semester_new (2022, 1));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  g_assert_cmpuint (jln_action_get_due (action), ==, jln_semester_new (2024, 1));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A JSON file opens as a new plan file beside it. */
static void
test_open_json (void)
{
  g_autofree char *bundled = jln_application_dup_bundled_plan ();
  g_autofree char *json = g_build_filename (g_get_user_data_dir (), "mailed-plan.json", NULL);
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "mailed-plan.jalons", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GFile) file = NULL;
  JlnWindow *window;
  gsize length;

  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  g_assert_true (g_file_get_contents (bundled, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (json, contents, length, NULL));
  file = g_file_new_for_path (json);

  window = jln_window_new (application);
  jln_window_open_file (window, file);
  jln_test_wait_for_document (window);
  g_assert_cmpstr (jln_document_get_path (jln_window_get_document (window)), ==, expected);
  g_assert_cmpuint (count_actions (jln_window_get_document (window)), ==, 112);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A file that is not a plan is refused with its reason, and left alone. */
static void
test_open_bad_file (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "notes.jalons", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *after = NULL;
  JlnWindow *window;
  AdwStatusPage *page;

  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  g_assert_true (g_file_set_contents (path, "Meeting notes, not a plan.\n", -1, NULL));

  window = jln_window_new (application);
  jln_window_open_file (window, file);
  wait_idle (window);
  g_assert_null (jln_window_get_document (window));
  page = ADW_STATUS_PAGE (jln_test_find_child_of_type (GTK_WIDGET (window), ADW_TYPE_STATUS_PAGE));
  g_assert_nonnull (strstr (adw_status_page_get_description (page), "not a Jalons plan"));
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, "Meeting notes, not a plan.\n");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Adding an action, then deleting it, both undoable. */
static void
test_add_action (void)
{
  g_autofree char *path = make_plan ("add.jalons");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  JlnWindow *window = jln_window_new (application);
  JlnDocument *document;

  jln_window_open_file (window, file);
  jln_test_wait_for_document (window);
  document = jln_window_get_document (window);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-objective", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-action", NULL));
  g_assert_cmpuint (count_actions (document), ==, 113);
  g_assert_nonnull (jln_test_find_action (document, "14.1"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpuint (count_actions (document), ==, 112);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (jln_plan_get_objectives (jln_document_get_plan (document))), ==, 13);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Deleting the selected action, then undoing it. */
static void
test_delete_and_undo (void)
{
  g_autofree char *path = make_plan ("delete.jalons");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  JlnWindow *window = jln_window_new (application);
  JlnActionList *list;
  JlnDocument *document;
  g_autofree char *id = NULL;

  gtk_window_present (GTK_WINDOW (window));
  jln_window_open_file (window, file);
  jln_test_wait_for_document (window);
  document = jln_window_get_document (window);
  list = JLN_ACTION_LIST (jln_window_get_action_list (window));

  jln_action_list_select (list, jln_test_find_action (document, "2.7"));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_true (jln_action_list_get_selected (list) == jln_test_find_action (document, "2.7"));
  id = g_strdup (jln_record_get_id (jln_action_list_get_selected (list)));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.delete", NULL));
  g_assert_null (jln_test_find_action (document, "2.7"));
  g_assert_cmpuint (count_actions (document), ==, 111);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_nonnull (jln_test_find_action (document, "2.7"));
  g_assert_cmpstr (jln_record_get_id (jln_test_find_action (document, "2.7")), ==, id);
  g_assert_cmpuint (count_actions (document), ==, 112);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
save_window (GtkWidget  *widget,
             const char *name)
{
  const char * const *languages = g_get_language_names ();
  g_autoptr(GdkTexture) texture = jln_test_render_widget (widget);

  jln_test_save_screenshot (texture, name, g_str_has_prefix (languages[0], "fr") ? "fr" : "en");
}

/* Screenshots of the whole window at 1280×800, to look at. */
static void
test_screenshots (void)
{
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  JlnWindow *window;
  JlnActionList *list;

  if (g_getenv ("JALONS_SCREENSHOT_DIR") == NULL)
    {
      g_test_skip ("set JALONS_SCREENSHOT_DIR to save screenshots");
      return;
    }

  path = make_plan ("screens.jalons");
  file = g_file_new_for_path (path);
  window = jln_window_new (application);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  jln_window_open_file (window, file);
  jln_test_wait_for_document (window);
  list = JLN_ACTION_LIST (jln_window_get_action_list (window));

  jln_action_list_select (list, jln_test_find_action (jln_window_get_document (window), "1.8"));
  jln_test_wait_for_idle (GTK_WIDGET (window));
  save_window (GTK_WIDGET (window), "window-list-editor");

  jln_query_filter_set_text (jln_window_get_filter (window), "egalite unit:RH");
  JLN_TEST_WAIT_UNTIL (!jln_action_list_get_pending (list));
  jln_test_wait_for_idle (GTK_WIDGET (window));
  save_window (GTK_WIDGET (window), "window-filtered");

  {
    JlnRecord *record = jln_test_find_action (jln_window_get_document (window), "4.3");
    g_autoptr(JlnEdit) edit = jln_edit_new_set (record, "due", "2023-S2");

    g_assert_true (jln_document_apply (jln_window_get_document (window), edit, NULL));
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.changes", NULL));
  JLN_TEST_WAIT_UNTIL (jln_test_find_transient (GTK_WINDOW (window)) != NULL);
  jln_test_wait_for_idle (GTK_WIDGET (jln_test_find_transient (GTK_WINDOW (window))));
  {
    GList *toplevels = gtk_window_list_toplevels ();

    for (GList *l = toplevels; l != NULL; l = l->next)
      if (l->data != (gpointer) window && gtk_widget_get_visible (l->data) &&
          gtk_window_get_transient_for (l->data) == GTK_WINDOW (window))
        {
          save_window (l->data, "window-changes");
          gtk_window_destroy (l->data);
        }
    g_list_free (toplevels);
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
svg_library_loaded (void)
{
  g_autofree char *maps = NULL;

  g_assert_true (g_file_get_contents ("/proc/self/maps", &maps, NULL, NULL));
  return strstr (maps, "librsvg") != NULL;
}

static void
assert_icon_drawn_beforehand (const char *name,
                              int         size,
                              int         scale)
{
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());
  g_autoptr(GtkIconPaintable) icon = gtk_icon_theme_lookup_icon (theme, name, NULL, size, scale,
                                                                  GTK_TEXT_DIR_NONE, 0);
  g_autoptr(GFile) file = gtk_icon_paintable_get_file (icon);
  g_autofree char *uri = file != NULL ? g_file_get_uri (file) : NULL;

  g_assert_nonnull (uri);
  g_assert_true (g_str_has_prefix (uri, "resource:///org/jalons/Jalons/icons/"));
  g_assert_true (g_str_has_suffix (uri, ".symbolic.png"));
  g_assert_true (gtk_icon_paintable_is_symbolic (icon));
}

/* The window shows its own icons (the Indicators page's chart, the search
 * that finds nothing, the plan that cannot be opened, the spinner of a
 * long opening, the editor's expander) from pictures drawn
 * beforehand: showing a plan reads no SVG file, which would load an SVG
 * library of several megabytes for a few icons. Runs first, while nothing
 * else in this process has drawn an icon. */
/* The first window the application opens is not styled, measured and
 * laid out again once it has shown its plan, as libadwaita turns CSS
 * transitions back on (a quarter of a second after it loaded its
 * stylesheet, which a change of colours does again). */
static void
test_first_window_laid_out_once (void)
{
  g_autofree char *path = make_plan ("first-window.jalons");
  GFile *file = g_file_new_for_path (path);
  AdwStyleManager *style = adw_style_manager_get_default ();
  GtkWindow *window;
  JlnActionGrid *grid;
  guint n_laid_out;

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  g_application_open (G_APPLICATION (application), &file, 1, "");
  g_object_unref (file);
  window = gtk_application_get_active_window (GTK_APPLICATION (application));
  g_assert_nonnull (window);
  jln_test_wait_for_document (JLN_WINDOW (window));
  grid = JLN_ACTION_GRID (jln_test_find_child_of_type (GTK_WIDGET (window), JLN_TYPE_ACTION_GRID));
  JLN_TEST_WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (grid)) &&
                       jln_action_grid_get_n_laid_out (grid) > 0);
  jln_test_wait_for_idle (GTK_WIDGET (window));
  n_laid_out = jln_action_grid_get_n_laid_out (grid);

  /* A fixed wait, to see that nothing happens in it: longer than the
   * quarter of a second after which libadwaita turns transitions on. */
  g_usleep (400 * 1000);
  jln_test_wait_for_idle (GTK_WIDGET (window));
  g_assert_cmpuint (jln_action_grid_get_n_laid_out (grid), ==, n_laid_out);

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  gtk_window_destroy (window);
}

static void
count_theme_changes_cb (GtkIconTheme *theme,
                        guint        *n_changes)
{
  (*n_changes)++;
}

/* The icon theme does not change under a window that has shown its
 * icons: the whole window would look up, load and lay out every icon
 * again. Run first, while the theme is as the application left it. */
static void
test_icons_loaded_once (void)
{
  g_autofree char *path = make_plan ("icons-once.jalons");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());
  guint n_changes = 0;
  gulong handler;
  JlnWindow *window;
  JlnActionList *list;

  handler = g_signal_connect (theme, "changed", G_CALLBACK (count_theme_changes_cb), &n_changes);
  window = jln_window_new (application);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  jln_window_open_file (window, file);
  gtk_window_present (GTK_WINDOW (window));
  jln_test_wait_for_document (window);
  jln_test_wait_for_idle (GTK_WIDGET (window));
  list = JLN_ACTION_LIST (jln_window_get_action_list (window));
  g_assert_cmpuint (jln_action_list_get_n_shown (list), >, 0);
  g_assert_cmpuint (n_changes, ==, 0);

  g_signal_handler_disconnect (theme, handler);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_icons_without_svg (void)
{
  g_autofree char *path = make_plan ("icons.jalons");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  JlnWindow *window;
  JlnActionList *list;

  g_assert_false (svg_library_loaded ());
  window = jln_window_new (application);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  jln_window_open_file (window, file);
  jln_test_wait_for_document (window);
  list = JLN_ACTION_LIST (jln_window_get_action_list (window));
  jln_test_wait_for_idle (GTK_WIDGET (window));
  g_assert_false (svg_library_loaded ());

  /* An action selected shows the editor, with libadwaita's rows. */
  jln_action_list_select (list, jln_test_find_action (jln_window_get_document (window), "1.8"));
  jln_test_wait_for_idle (GTK_WIDGET (window));
  g_assert_false (svg_library_loaded ());

  /* A search that finds nothing shows its status page's icon. */
  jln_query_filter_set_text (jln_window_get_filter (window), "zyxwvut");
  JLN_TEST_WAIT_UNTIL (!jln_action_list_get_pending (list));
  jln_test_wait_for_idle (GTK_WIDGET (window));
  g_assert_cmpuint (jln_action_list_get_n_shown (list), ==, 0);
  if (g_getenv ("JALONS_SCREENSHOT_DIR") != NULL)
    save_window (GTK_WIDGET (window), "window-no-match");
  g_assert_false (svg_library_loaded ());

  /* A long opening shows a spinner. */
  {
    GtkWidget *spinning = gtk_window_new ();
    GtkWidget *spinner = gtk_spinner_new ();
    g_autoptr(GdkTexture) texture = NULL;

    gtk_window_set_child (GTK_WINDOW (spinning), spinner);
    gtk_spinner_start (GTK_SPINNER (spinner));
    gtk_window_present (GTK_WINDOW (spinning));
    jln_test_wait_for_mapped (spinner);
    jln_test_wait_for_allocation (spinner);
    texture = jln_test_render_widget (spinner);
    g_assert_nonnull (texture);
    if (g_getenv ("JALONS_SCREENSHOT_DIR") != NULL)
      save_window (spinning, "spinner");
    gtk_window_destroy (GTK_WINDOW (spinning));
  }
  g_assert_false (svg_library_loaded ());

  /* The windows opened from the main one: the backups of a plan that has
   * none, the changes, a merge with an identical copy, and a file that
   * cannot be imported. */
  {
    g_autofree char *bundled = jln_application_dup_bundled_plan ();
    g_autofree char *dir = NULL;
    g_autofree char *fresh = NULL;
    g_autofree char *copy = g_build_filename (g_get_user_data_dir (), "icons-copy.jalons", NULL);
    g_autofree char *broken = g_build_filename (g_get_user_data_dir (), "icons-broken.csv", NULL);
    g_autoptr(GFile) broken_file = g_file_new_for_path (broken);
    g_autoptr(JlnDocument) document = jln_test_import_plan (bundled, "jalons-icons-XXXXXX",
                                                            &dir, &fresh);
    g_autoptr(JlnSession) session = jln_session_new ();
    g_autoptr(GError) error = NULL;
    GtkWidget *other;
    JlnImportDialog *dialog;

    jln_session_set_document (session, document);
    other = jln_backups_window_new (GTK_WINDOW (window), session);
    g_assert_cmpuint (jln_backups_window_get_n_backups (JLN_BACKUPS_WINDOW (other)), ==, 0);
    gtk_window_present (GTK_WINDOW (other));
    jln_test_wait_for_idle (other);
    gtk_window_destroy (GTK_WINDOW (other));
    g_assert_false (svg_library_loaded ());

    other = jln_changes_window_new (GTK_WINDOW (window), session);
    gtk_window_present (GTK_WINDOW (other));
    jln_test_wait_for_idle (other);
    gtk_window_destroy (GTK_WINDOW (other));
    g_assert_false (svg_library_loaded ());

    g_assert_true (g_file_set_contents (broken, "\x01\x02 not a table\n", -1, &error));
    g_assert_no_error (error);
    dialog = jln_import_dialog_new (GTK_WINDOW (window), broken_file);
    gtk_window_present (GTK_WINDOW (dialog));
    JLN_TEST_WAIT_UNTIL (jln_import_dialog_is_ready (dialog));
    jln_test_wait_for_idle (GTK_WIDGET (dialog));
    gtk_window_destroy (GTK_WINDOW (dialog));
    g_assert_false (svg_library_loaded ());

    g_clear_object (&session);
    g_clear_object (&document);
    {
      g_autoptr(GFile) source = g_file_new_for_path (path);
      g_autoptr(GFile) target = g_file_new_for_path (copy);

      g_assert_true (g_file_copy (source, target, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error));
      g_assert_no_error (error);
    }
    other = jln_merge_window_new (GTK_WINDOW (window), jln_window_get_session (window), copy,
                                  TRUE, &error);
    g_assert_no_error (error);
    gtk_window_present (GTK_WINDOW (other));
    jln_test_wait_for_idle (other);
    gtk_window_destroy (GTK_WINDOW (other));
    g_assert_false (svg_library_loaded ());

    g_unlink (copy);
    g_unlink (broken);
    jln_test_clear_plan_dir (&dir, &fresh);
  }

  for (int scale = 1; scale <= 2; scale++)
    {
      assert_icon_drawn_beforehand ("jln-process-working-symbolic", 16, scale);
      assert_icon_drawn_beforehand ("adw-expander-arrow-symbolic", 16, scale);
      assert_icon_drawn_beforehand ("adw-entry-apply-symbolic", 16, scale);
      assert_icon_drawn_beforehand ("jln-chart-symbolic", 16, scale);
      assert_icon_drawn_beforehand ("jln-chart-symbolic", 128, scale);
      assert_icon_drawn_beforehand ("jln-edit-find-symbolic", 128, scale);
      assert_icon_drawn_beforehand ("jln-dialog-error-symbolic", 128, scale);
      assert_icon_drawn_beforehand ("jln-x-office-calendar-symbolic", 128, scale);
      assert_icon_drawn_beforehand ("jln-document-open-recent-symbolic", 128, scale);
      assert_icon_drawn_beforehand ("jln-emblem-ok-symbolic", 128, scale);
      assert_icon_drawn_beforehand ("jln-dialog-warning-symbolic", 128, scale);
      assert_icon_drawn_beforehand ("jln-dialog-warning-symbolic", 16, scale);
      assert_icon_drawn_beforehand ("jln-document-save-as-symbolic", 16, scale);
      assert_icon_drawn_beforehand ("jln-printer-symbolic", 16, scale);
      assert_icon_drawn_beforehand ("jln-object-select-symbolic", 16, scale);
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
count_reload_cb (int *reloads)
{
  (*reloads)++;
}

/* The first edit of a new plan file, with nobody else writing to it: no
 * reload, the undo history kept, and the focus left where it was. */
static void
test_first_edit_no_reload (void)
{
  g_autofree char *path = make_plan ("first-edit.jalons");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  JlnWindow *window = jln_window_new (application);
  JlnDocument *document;
  JlnPlan *plan;
  GtkWidget *focus;
  g_autoptr(JlnEdit) edit = NULL;
  g_autoptr(GError) error = NULL;

  jln_window_open_file (window, file);
  gtk_window_present (GTK_WINDOW (window));
  jln_test_wait_for_document (window);
  document = jln_window_get_document (window);
  plan = jln_document_get_plan (document);
  focus = gtk_root_get_focus (GTK_ROOT (window));

  edit = jln_edit_new_set (jln_test_find_action (document, "1.4"), "title-fr", "Premier changement");
  g_assert_true (jln_document_apply (document, edit, &error));
  g_assert_no_error (error);

  /* The window looks at the file every second: give it three looks. */
  /* A period, not a condition: nothing may happen during it. */
  jln_test_wait_ms (3200);
  g_assert_false (jln_document_is_outdated (document));
  g_assert_true (jln_document_get_plan (document) == plan);
  g_assert_true (jln_document_can_undo (document));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == focus);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpstr (jln_action_get_title (JLN_ACTION (jln_test_find_action (document, "1.4")))->fr,
                   !=, "Premier changement");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Another program commits to the plan while the user is in the action
 * list: the window reloads without taking the focus into a field, keeps
 * the selected action, and its own earlier edit can still be undone. */
static void
test_reload_keeps_focus_and_undo (void)
{
  g_autofree char *path = make_plan ("reload-focus.jalons");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  JlnWindow *window = jln_window_new (application);
  g_autoptr(JlnDocument) other = NULL;
  g_autoptr(JlnEdit) edit = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *selected_id = NULL;
  JlnDocument *document;
  JlnSession *session;
  GtkWidget *list, *grid, *focus;
  int reloads = 0;

  jln_window_open_file (window, file);
  gtk_window_present (GTK_WINDOW (window));
  jln_test_wait_for_document (window);
  document = jln_window_get_document (window);
  session = jln_window_get_session (window);
  g_signal_connect_swapped (session, "reloaded", G_CALLBACK (count_reload_cb), &reloads);

  /* The window's own edit, then the user selects an action in the list. */
  edit = jln_edit_new_set (jln_test_find_action (document, "1.4"), "title-fr", "Changé ici");
  g_assert_true (jln_document_apply (document, edit, &error));
  g_assert_no_error (error);
  jln_session_set_selected (session, jln_test_find_action (document, "1.1"));
  selected_id = g_strdup (jln_record_get_id (jln_session_get_selected (session)));
  list = jln_window_get_action_list (window);
  grid = jln_test_find_child_of_type (list, JLN_TYPE_ACTION_GRID);
  g_assert_nonnull (grid);
  gtk_widget_grab_focus (grid);
  JLN_TEST_WAIT_UNTIL (gtk_root_get_focus (GTK_ROOT (window)) != NULL &&
                       gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), grid));

  /* Another window or program changes another action. */
  other = jln_document_open (path, &error);
  g_assert_no_error (error);
  jln_test_set_field (other, "1.2", "title-en", "Changed elsewhere");
  JLN_TEST_WAIT_UNTIL (reloads > 0);
  jln_test_wait_for_idle (GTK_WIDGET (window));

  g_assert_cmpstr (jln_action_get_title (JLN_ACTION (jln_test_find_action (document, "1.2")))->en,
                   ==, "Changed elsewhere");
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, grid));
  g_assert_false (GTK_IS_EDITABLE (focus) || GTK_IS_TEXT_VIEW (focus));
  g_assert_nonnull (jln_session_get_selected (session));
  g_assert_cmpstr (jln_record_get_id (jln_session_get_selected (session)), ==, selected_id);

  /* The edit made here is still undoable; the other one stays. */
  g_assert_true (jln_document_can_undo (document));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  JLN_TEST_WAIT_UNTIL (g_strcmp0 (jln_action_get_title (JLN_ACTION (jln_test_find_action (document, "1.4")))->fr,
                                  "Changé ici") != 0);
  g_assert_cmpstr (jln_action_get_title (JLN_ACTION (jln_test_find_action (document, "1.2")))->en,
                   ==, "Changed elsewhere");

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  /* Not G_TEST_OPTION_ISOLATE_DIRS: it hides the system's MIME database,
   * which GTK needs to load its icons. Only the user's data moves. */
  g_autofree char *home = g_dir_make_tmp ("jalons-window-XXXXXX", NULL);
  g_autofree char *data_home = g_build_filename (home, "data", NULL);

  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  /* The copy of the example goes to the Documents folder of this home. */
  g_setenv ("HOME", home, TRUE);
  g_setenv ("XDG_CONFIG_HOME", data_home, TRUE);
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

  application = jln_application_new (G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (application), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/gui/window/icons-loaded-once", test_icons_loaded_once);
  g_test_add_func ("/gui/window/first-window-laid-out-once", test_first_window_laid_out_once);
  g_test_add_func ("/gui/window/icons-without-svg", test_icons_without_svg);
  g_test_add_func ("/gui/window/first-run-and-reopen", test_first_run_and_reopen);
  g_test_add_func ("/gui/window/open-loads-before-shown", test_open_loads_before_shown);
  g_test_add_func ("/gui/window/undo-redo-actions", test_undo_redo_actions);
  g_test_add_func ("/gui/window/open-json", test_open_json);
  g_test_add_func ("/gui/window/first-edit-no-reload", test_first_edit_no_reload);
  g_test_add_func ("/gui/window/reload-keeps-focus-and-undo", test_reload_keeps_focus_and_undo);
  g_test_add_func ("/gui/window/open-bad-file", test_open_bad_file);
  g_test_add_func ("/gui/window/add-action", test_add_action);
  g_test_add_func ("/gui/window/delete-and-undo", test_delete_and_undo);
  g_test_add_func ("/gui/window/screenshots", test_screenshots);

  status = g_test_run ();
  g_clear_object (&application);
  jln_test_remove_tree (home);
  return status;
}
