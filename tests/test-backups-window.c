/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "jln-action.h"
#include "jln-action-list.h"
#include "jln-application.h"
#include "jln-backups.h"
#include "jln-backups-window.h"
#include "jln-session.h"
#include "jln-window.h"

#include "jln-test-gui-utils.h"

static JlnApplication *application;

typedef struct
{
  char        *dir;
  char        *path;
  JlnDocument *document;
  JlnSession  *session;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *bundled = jln_application_dup_bundled_plan ();

  fixture->document = jln_test_import_plan (bundled, "jalons-backups-window-XXXXXX",
                                            &fixture->dir, &fixture->path);
  fixture->session = jln_session_new ();
  jln_session_set_document (fixture->session, fixture->document);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *backups = jln_backups_get_dir (fixture->document);

  jln_test_remove_tree (backups);
  g_clear_object (&fixture->session);
  g_clear_object (&fixture->document);
  jln_test_clear_plan_dir (&fixture->dir, &fixture->path);
}

static const char *
title_of (JlnDocument *document,
          const char  *number)
{
  return jln_action_get_title (JLN_ACTION (jln_test_find_action (document, number)))->en;
}

static void
make_backup (JlnDocument *document,
             const char  *date)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (jln_backups_make_daily (document, date, &error));
  g_assert_no_error (error);
}

static gboolean
is_action_row (GtkWidget     *widget,
               gconstpointer  data)
{
  return ADW_IS_ACTION_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), data) == 0;
}

static void
save_screenshot (GtkWidget  *window,
                 const char *name)
{
  const char *language = g_getenv ("LANGUAGE");
  g_autoptr(GdkTexture) texture = NULL;

  if (g_getenv ("JALONS_SCREENSHOT_DIR") == NULL)
    return;

  gtk_window_present (GTK_WINDOW (window));
  jln_test_wait_for_mapped (window);
  jln_test_wait_for_idle (window);
  texture = jln_test_render_widget (window);
  g_assert_nonnull (texture);
  jln_test_save_screenshot (texture, name, language != NULL ? language : "C");
}

static void
restored_cb (JlnBackupsWindow *window,
             const char       *date,
             char            **out)
{
  g_free (*out);
  *out = g_strdup (date);
}

static void
test_format_date (void)
{
  g_autofree char *date = jln_backups_window_format_date ("2030-03-07");
  g_autofree char *bad = jln_backups_window_format_date ("someday");

  if (!g_str_has_prefix (g_get_language_names ()[0], "en"))
    {
      g_test_skip ("dates are checked in English");
      return;
    }

  g_assert_cmpstr (date, ==, "March 7, 2030");
  g_assert_cmpstr (bad, ==, "someday");
}

static void
test_list_and_restore (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *original = g_strdup (title_of (fixture->document, "1.4"));
  g_autofree char *restored = NULL;
  /* Rows as the interface language writes dates; see test_format_date. */
  g_autofree char *newest = jln_backups_window_format_date ("2030-03-07");
  g_autofree char *oldest_date = jln_backups_window_format_date ("2030-03-05");
  g_autoptr(GPtrArray) backups = NULL;
  GtkWidget *window;
  GtkWidget *row;
  GtkWidget *button;
  GVariant *target;
  JlnBackup *oldest;

  make_backup (fixture->document, "2030-03-05");
  jln_test_set_field (fixture->document, "1.4", "title-en", "Second day");
  make_backup (fixture->document, "2030-03-06");
  jln_test_set_field (fixture->document, "1.4", "title-en", "Third day");
  make_backup (fixture->document, "2030-03-07");
  jln_test_set_field (fixture->document, "1.4", "title-en", "Edited since");

  window = jln_backups_window_new (NULL, fixture->session);
  g_object_ref_sink (window);
  g_signal_connect (window, "restored", G_CALLBACK (restored_cb), &restored);
  g_assert_cmpuint (jln_backups_window_get_n_backups (JLN_BACKUPS_WINDOW (window)), ==, 3);
  g_assert_nonnull (jln_test_find_widget (window, is_action_row, newest));
  row = jln_test_find_widget (window, is_action_row, oldest_date);
  g_assert_nonnull (row);
  save_screenshot (window, "backups-window");

  /* The Restore button of the oldest copy. */
  button = jln_test_find_child_of_type (row, GTK_TYPE_BUTTON);
  g_assert_nonnull (button);
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "backups.restore");
  backups = jln_backups_list (fixture->document);
  oldest = g_ptr_array_index (backups, 2);
  target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (button));
  g_assert_cmpstr (g_variant_get_string (target, NULL), ==, oldest->path);
  g_assert_true (gtk_widget_activate_action (window, "backups.restore", "s", oldest->path));
  g_assert_cmpstr (restored, ==, oldest_date);
  g_assert_cmpstr (title_of (fixture->document, "1.4"), ==, original);

  /* One undo for the whole restore. */
  g_assert_true (jln_document_undo (fixture->document, NULL));
  g_assert_cmpstr (title_of (fixture->document, "1.4"), ==, "Edited since");

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  GtkWidget *window = jln_backups_window_new (NULL, fixture->session);
  GtkStack *stack;

  g_object_ref_sink (window);
  g_assert_cmpuint (jln_backups_window_get_n_backups (JLN_BACKUPS_WINDOW (window)), ==, 0);
  stack = GTK_STACK (jln_test_find_child_of_type (window, GTK_TYPE_STACK));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  save_screenshot (window, "backups-window-empty");
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

/* --- In the main window ------------------------------------------------------ */

static JlnBackupsWindow *
find_backups_window (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (JLN_IS_BACKUPS_WINDOW (l->data))
      return l->data;
  return NULL;
}

static JlnWindow *
open_window (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  JlnWindow *window = jln_window_new (application);

  /* Not presented: other widget tests share the display and its focus. */
  jln_window_open_file (window, file);
  jln_test_wait_for_document (window);
  g_assert_nonnull (jln_window_get_document (window));
  return window;
}

static void
test_window_menu (Fixture       *fixture,
                  gconstpointer  data)
{
  JlnWindow *window;
  JlnDocument *document;
  JlnBackupsWindow *backups_window;
  g_autoptr(GPtrArray) backups = NULL;

  g_clear_object (&fixture->document);
  window = open_window (fixture->path);
  document = jln_window_get_document (window);
  fixture->document = g_object_ref (document);

  /* Opening made today's copy. */
  backups = jln_backups_list (document);
  g_assert_cmpuint (backups->len, ==, 1);
  jln_test_set_field (document, "1.4", "title-en", "Edited today");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.backups", NULL));
  backups_window = find_backups_window ();
  g_assert_nonnull (backups_window);
  g_assert_true (jln_backups_window_get_document (backups_window) == document);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (backups_window), "backups.restore", "s",
                                             ((JlnBackup *) g_ptr_array_index (backups, 0))->path));
  JLN_TEST_WAIT_UNTIL (find_backups_window () == NULL);
  g_assert_null (find_backups_window ());
  g_assert_cmpstr (title_of (document, "1.4"), !=, "Edited today");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpstr (title_of (document, "1.4"), ==, "Edited today");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Two windows on one file share a document; a change by another program
 * is seen within a second or two, and the selection is kept. */
static void
test_shared_and_reloaded (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JlnDocument) elsewhere = NULL;
  JlnWindow *first, *second;
  JlnDocument *document;
  JlnActionList *list;
  JlnPlan *old_plan;
  gint64 deadline;

  g_clear_object (&fixture->document);
  first = open_window (fixture->path);
  second = open_window (fixture->path);
  document = jln_window_get_document (first);
  fixture->document = g_object_ref (document);
  g_assert_true (jln_window_get_document (second) == document);

  list = JLN_ACTION_LIST (jln_window_get_action_list (first));
  jln_action_list_select (list, jln_test_find_action (document, "2.1"));

  /* Another program: its own connection to the file. */
  elsewhere = jln_document_open (fixture->path, &error);
  g_assert_no_error (error);
  jln_test_set_field (elsewhere, "1.4", "title-en", "Changed by another program");

  old_plan = jln_document_get_plan (document);
  deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while (jln_document_get_plan (document) == old_plan && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpstr (title_of (document, "1.4"), ==, "Changed by another program");
  g_assert_true (jln_action_list_get_selected (list) == jln_test_find_action (document, "2.1"));

  gtk_window_destroy (GTK_WINDOW (second));
  gtk_window_destroy (GTK_WINDOW (first));
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("JALONS_LOCALEDIR");
  g_autoptr(GError) error = NULL;
  int status;

  /* Not G_TEST_OPTION_ISOLATE_DIRS: it hides the system's MIME database,
   * which GTK needs to load its icons. Only the user's data moves. */
  g_autofree char *home = g_dir_make_tmp ("jalons-backups-window-XXXXXX", NULL);
  g_autofree char *data_home = g_build_filename (home, "data", NULL);

  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : BUILD_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  application = jln_application_new (G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (application), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/gui/backups-window/format-date", test_format_date);
  g_test_add ("/gui/backups-window/list-and-restore", Fixture, NULL,
              fixture_setup, test_list_and_restore, fixture_teardown);
  g_test_add ("/gui/backups-window/empty", Fixture, NULL,
              fixture_setup, test_empty, fixture_teardown);
  g_test_add ("/gui/backups-window/window-menu", Fixture, NULL,
              fixture_setup, test_window_menu, fixture_teardown);
  g_test_add ("/gui/backups-window/shared-and-reloaded", Fixture, NULL,
              fixture_setup, test_shared_and_reloaded, fixture_teardown);

  status = g_test_run ();
  g_clear_object (&application);
  jln_test_remove_tree (home);
  return status;
}
