/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "jln-action.h"
#include "jln-application.h"
#include "jln-merge-window.h"
#include "jln-window.h"

#include "jln-test-gui-utils.h"

/* Two offices, each with a copy of the bundled plan open in a window,
 * brought together through "Merge a Copy". */

static JlnApplication *application;

typedef struct
{
  char *dir;
  char *path;
  char *office_path;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *bundled = jln_application_dup_bundled_plan ();
  g_autoptr(JlnDocument) document = jln_test_import_plan (bundled, "jalons-merge-window-XXXXXX",
                                                          &fixture->dir, &fixture->path);
  g_autoptr(GError) error = NULL;

  /* Headquarters' Save a Copy for an Office. */
  fixture->office_path = g_build_filename (fixture->dir, "office-east.jalons", NULL);
  g_assert_true (jln_document_save_copy (document, fixture->office_path, &error));
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_free (fixture->office_path);
  jln_test_clear_plan_dir (&fixture->dir, &fixture->path);
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

static JlnMergeWindow *
find_merge_window (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (JLN_IS_MERGE_WINDOW (l->data))
      return l->data;
  return NULL;
}

static char *
field_of (JlnWindow  *window,
          const char *number,
          const char *field)
{
  return jln_record_dup_field (jln_test_find_action (jln_window_get_document (window), number), field);
}

static void
set_in_window (JlnWindow  *window,
               const char *number,
               const char *field,
               const char *value)
{
  jln_test_set_field (jln_window_get_document (window), number, field, value);
}

static gboolean
is_check_labelled (GtkWidget     *widget,
                   gconstpointer  data)
{
  return GTK_IS_CHECK_BUTTON (widget) &&
         g_str_has_prefix (gtk_widget_get_tooltip_text (widget) ? gtk_widget_get_tooltip_text (widget) : "",
                           data);
}

static gboolean
is_other_choice (GtkWidget     *widget,
                 gconstpointer  data)
{
  GtkWidget *label;

  if (!GTK_IS_CHECK_BUTTON (widget))
    return FALSE;
  label = gtk_check_button_get_child (GTK_CHECK_BUTTON (widget));
  return gtk_check_button_get_label (GTK_CHECK_BUTTON (widget)) != NULL &&
         g_str_equal (gtk_check_button_get_label (GTK_CHECK_BUTTON (widget)), _("Other:")) &&
         label == NULL;
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
test_two_offices (Fixture       *fixture,
                  gconstpointer  data)
{
  JlnWindow *hq = open_window (fixture->path);
  JlnWindow *office = open_window (fixture->office_path);
  JlnMergeWindow *merge_window;
  GtkWidget *theirs_choice;
  g_autofree char *value = NULL;
  g_autofree char *theirs_label = NULL;
  g_autofree char *mine_label = NULL;

  /* Different actions on each side. */
  set_in_window (office, "1.4", "status", "done");
  set_in_window (hq, "1.5", "title-en", "Headquarters' wording");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (hq), "win.merge-path", "s", fixture->office_path));
  merge_window = find_merge_window ();
  g_assert_nonnull (merge_window);
  g_assert_cmpuint (jln_merge_get_n_conflicts (jln_merge_window_get_merge (merge_window)), ==, 0);
  g_assert_true (jln_merge_window_can_merge (merge_window));
  /* Nothing is written before Merge. */
  value = field_of (hq, "1.4", "status");
  g_assert_cmpstr (value, !=, "done");
  g_clear_pointer (&value, g_free);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (merge_window), "merge.apply", NULL));
  JLN_TEST_WAIT_UNTIL (find_merge_window () == NULL);
  g_assert_null (find_merge_window ());
  value = field_of (hq, "1.4", "status");
  g_assert_cmpstr (value, ==, "done");
  g_clear_pointer (&value, g_free);
  value = field_of (hq, "1.5", "title-en");
  g_assert_cmpstr (value, ==, "Headquarters' wording");
  g_clear_pointer (&value, g_free);

  /* One step of the history: undone at once. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (hq), "win.undo", NULL));
  value = field_of (hq, "1.4", "status");
  g_assert_cmpstr (value, !=, "done");
  g_clear_pointer (&value, g_free);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (hq), "win.redo", NULL));

  /* Then the same field, changed differently. */
  set_in_window (office, "1.6", "title-en", "The office's title");
  set_in_window (hq, "1.6", "title-en", "Headquarters' title");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (hq), "win.merge-path", "s", fixture->office_path));
  merge_window = find_merge_window ();
  g_assert_nonnull (merge_window);
  g_assert_cmpuint (jln_merge_get_n_conflicts (jln_merge_window_get_merge (merge_window)), ==, 1);
  g_assert_false (jln_merge_window_can_merge (merge_window));
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (merge_window), "merge.apply", NULL) &&
                  find_merge_window () == NULL);

  /* The conflict shows both values; choosing theirs allows the merge. */
  theirs_label = g_strdup_printf (_("Theirs: %s"), "The office's title");
  mine_label = g_strdup_printf (_("Mine: %s"), "Headquarters' title");
  theirs_choice = jln_test_find_widget (GTK_WIDGET (merge_window), is_check_labelled, theirs_label);
  g_assert_nonnull (theirs_choice);
  g_assert_nonnull (jln_test_find_widget (GTK_WIDGET (merge_window), is_check_labelled, mine_label));
  save_screenshot (GTK_WIDGET (merge_window), "merge-window-conflict");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (theirs_choice), TRUE);
  g_assert_true (jln_merge_window_can_merge (merge_window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (merge_window), "merge.apply", NULL));
  JLN_TEST_WAIT_UNTIL (find_merge_window () == NULL);
  g_assert_null (find_merge_window ());
  value = field_of (hq, "1.6", "title-en");
  g_assert_cmpstr (value, ==, "The office's title");
  g_clear_pointer (&value, g_free);

  /* Or a text written anew, from both. */
  set_in_window (office, "1.7", "title-en", "The office's other title");
  set_in_window (hq, "1.7", "title-en", "Headquarters' other title");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (hq), "win.merge-path", "s", fixture->office_path));
  merge_window = find_merge_window ();
  g_assert_nonnull (merge_window);
  {
    GtkWidget *other = jln_test_find_widget (GTK_WIDGET (merge_window), is_other_choice, NULL);
    GtkWidget *entry = jln_test_find_child_of_type (gtk_widget_get_parent (other), GTK_TYPE_ENTRY);

    g_assert_nonnull (entry);
    g_assert_false (gtk_widget_get_sensitive (entry));
    gtk_check_button_set_active (GTK_CHECK_BUTTON (other), TRUE);
    g_assert_true (gtk_widget_get_sensitive (entry));
    gtk_editable_set_text (GTK_EDITABLE (entry), "The title both agreed on");
  }
  g_assert_true (jln_merge_window_can_merge (merge_window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (merge_window), "merge.apply", NULL));
  JLN_TEST_WAIT_UNTIL (find_merge_window () == NULL);
  value = field_of (hq, "1.7", "title-en");
  g_assert_cmpstr (value, ==, "The title both agreed on");
  g_clear_pointer (&value, g_free);

  gtk_window_destroy (GTK_WINDOW (office));
  gtk_window_destroy (GTK_WINDOW (hq));
}

static void
test_compare (Fixture       *fixture,
              gconstpointer  data)
{
  JlnWindow *hq = open_window (fixture->path);
  JlnWindow *office = open_window (fixture->office_path);
  g_autoptr(GError) error = NULL;
  GtkWidget *window;
  g_autofree char *value = NULL;

  set_in_window (office, "1.4", "status", "done");
  window = jln_merge_window_new (GTK_WINDOW (hq), jln_window_get_session (hq), fixture->office_path,
                                 TRUE, &error);
  g_assert_no_error (error);
  g_object_ref_sink (window);
  g_assert_cmpuint (jln_merge_count_changes (jln_merge_window_get_merge (JLN_MERGE_WINDOW (window)),
                                             JLN_MERGE_THEIRS), ==, 1);
  /* Read-only: no way to merge from there. */
  gtk_widget_activate_action (window, "merge.apply", NULL);
  value = field_of (hq, "1.4", "status");
  g_assert_cmpstr (value, !=, "done");

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
  gtk_window_destroy (GTK_WINDOW (office));
  gtk_window_destroy (GTK_WINDOW (hq));
}

/* A file-sync service left a conflict copy beside the plan: merged, then removed. */
static void
test_conflict_copy (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *conflict = g_build_filename (fixture->dir, "plan (conflicted copy 2026-03-02).jalons", NULL);
  g_autofree char *value = NULL;
  JlnWindow *hq;

  g_assert_cmpint (g_rename (fixture->office_path, conflict), ==, 0);
  {
    JlnWindow *office = open_window (conflict);

    set_in_window (office, "1.4", "status", "dropped");
    gtk_window_destroy (GTK_WINDOW (office));
  }

  hq = open_window (fixture->path);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (hq), "win.merge-path", "s", conflict));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (find_merge_window ()), "merge.apply", NULL));
  JLN_TEST_WAIT_UNTIL (find_merge_window () == NULL);
  value = field_of (hq, "1.4", "status");
  g_assert_cmpstr (value, ==, "dropped");

  /* Only a conflict copy of this plan is ever removed. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (hq), "win.remove-conflict-copy", "s", fixture->path));
  g_assert_true (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (hq), "win.remove-conflict-copy", "s", conflict));
  g_assert_false (g_file_test (conflict, G_FILE_TEST_EXISTS));
  gtk_window_destroy (GTK_WINDOW (hq));
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("JALONS_LOCALEDIR");
  g_autoptr(GError) error = NULL;
  g_autofree char *home = g_dir_make_tmp ("jalons-merge-window-XXXXXX", NULL);
  g_autofree char *data_home = g_build_filename (home, "data", NULL);
  int status;

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

  g_test_add ("/gui/merge-window/two-offices", Fixture, NULL, fixture_setup, test_two_offices, fixture_teardown);
  g_test_add ("/gui/merge-window/compare", Fixture, NULL, fixture_setup, test_compare, fixture_teardown);
  g_test_add ("/gui/merge-window/conflict-copy", Fixture, NULL, fixture_setup, test_conflict_copy,
              fixture_teardown);

  status = g_test_run ();
  g_clear_object (&application);
  jln_test_remove_tree (home);
  return status;
}
