/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Plan text is never markup: text from a plan file or typed by the user
 * (markup, entities, links) shows as it is written wherever the window
 * composes a message with it. */
#include "config.h"

#include <string.h>
#include <sqlite3.h>
#include <adwaita.h>

#include "jln-action-list.h"
#include "jln-query-filter.h"
#include "jln-timeline-view.h"
#include "jln-window.h"

#include "jln-test-gui-utils.h"

static JlnApplication *application;

/* Markup, entities and links, each alone and all together. */
static const char * const corpus[] = {
  "<a href=\"http://x\">x</a>",
  "&amp;",
  "&",
  "<b>bold</b>",
  "<span foreground=\"red\">red</span>",
  "1 < 2 && 3 > 2 &lt;i&gt;",
  "<a href=\"http://x\">x</a> &amp; & <b>bold</b> <span foreground=\"red\">red</span>",
};

static void
wait_idle (JlnWindow *window)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (jln_window_is_busy (window) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_iteration (NULL, FALSE))
    ;
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

static gboolean
is_description (GtkWidget     *widget,
                gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "description");
}

/* What a status page's description shows, markup taken out. */
static const char *
shown_description (GtkWidget *page)
{
  GtkWidget *label = jln_test_find_widget (page, is_description, NULL);

  g_assert_nonnull (label);
  return gtk_label_get_text (GTK_LABEL (label));
}

static void
collect_toast_labels (GtkWidget *widget,
                      gboolean   in_toast,
                      GString   *shown)
{
  in_toast = in_toast || g_str_equal (G_OBJECT_TYPE_NAME (widget), "AdwToastWidget");
  if (in_toast && GTK_IS_LABEL (widget))
    {
      g_string_append (shown, gtk_label_get_text (GTK_LABEL (widget)));
      g_string_append_c (shown, '\n');
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_toast_labels (child, in_toast, shown);
}

/* The text of the toasts on screen, one label a line. */
static char *
shown_toasts (JlnWindow *window)
{
  GString *shown = g_string_new (NULL);

  collect_toast_labels (GTK_WIDGET (window), FALSE, shown);
  return g_string_free (shown, FALSE);
}

/* A status value that is no status, in a plan file: the page that says
 * the file could not be opened quotes it as it is, not as a link. */
static void
test_open_error (void)
{
  g_autofree char *source = make_plan ("bad-status.jalons");
  g_autoptr(GFile) source_file = g_file_new_for_path (source);

  for (guint i = 0; i < G_N_ELEMENTS (corpus); i++)
    {
      g_autofree char *name = g_strdup_printf ("bad-status-%u.jalons", i);
      g_autofree char *path = g_build_filename (g_get_user_data_dir (), name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      char *sql = sqlite3_mprintf ("UPDATE actions SET status = %Q"
                                   " WHERE rowid = (SELECT min(rowid) FROM actions)",
                                   corpus[i]);
      sqlite3 *db = NULL;
      JlnWindow *window;
      GtkWidget *page;

      g_file_copy (source_file, file, G_FILE_COPY_NONE, NULL, NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
      sqlite3_close (db);
      sqlite3_free (sql);

      window = jln_window_new (application);
      gtk_window_present (GTK_WINDOW (window));
      jln_window_open_file (window, file);
      wait_idle (window);
      g_assert_null (jln_window_get_document (window));
      page = jln_test_find_child_of_type (GTK_WIDGET (window), ADW_TYPE_STATUS_PAGE);
      g_test_message ("shown: %s", shown_description (page));
      g_assert_nonnull (strstr (shown_description (page), corpus[i]));
      gtk_window_destroy (GTK_WINDOW (window));
    }
}

static gboolean
is_toast_close_button (GtkWidget     *widget,
                       gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (widget)), "window-close-symbolic") == 0 &&
         gtk_widget_get_ancestor (widget, g_type_from_name ("AdwToastWidget")) != NULL;
}

/* Actions numbered with markup: the toast that says one was deleted
 * shows its number as it is, never blank. */
static void
test_delete_toast (void)
{
  g_autofree char *path = make_plan ("delete-toast.jalons");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  JlnWindow *window = jln_window_new (application);
  JlnDocument *document;
  JlnActionList *list;

  gtk_window_present (GTK_WINDOW (window));
  jln_window_open_file (window, file);
  jln_test_wait_for_document (window);
  document = jln_window_get_document (window);
  list = JLN_ACTION_LIST (jln_window_get_action_list (window));

  for (guint i = 0; i < G_N_ELEMENTS (corpus); i++)
    {
      g_autofree char *number = g_strdup_printf ("1.%u", i + 1);
      g_autofree char *toasts = NULL;
      gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
      JlnRecord *action;
      GtkWidget *close;

      jln_test_set_field (document, number, "number", corpus[i]);
      action = jln_test_find_action (document, corpus[i]);
      jln_action_list_select (list, action);
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_assert_true (jln_action_list_get_selected (list) == action);
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.delete", NULL));
      for (;;)
        {
          g_free (toasts);
          toasts = shown_toasts (window);
          if (strstr (toasts, corpus[i]) != NULL || g_get_monotonic_time () > deadline)
            break;
          g_main_context_iteration (NULL, TRUE);
        }
      g_test_message ("toasts: %s", toasts);
      g_assert_nonnull (strstr (toasts, corpus[i]));

      /* A toast waits for the one before it to go. */
      close = jln_test_find_widget (GTK_WIDGET (window), is_toast_close_button, NULL);
      g_assert_nonnull (close);
      g_signal_emit_by_name (close, "clicked");
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
is_deleted_toast_label (GtkWidget     *widget,
                        gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), " deleted") &&
         gtk_widget_get_ancestor (widget, g_type_from_name ("AdwToastWidget")) != NULL;
}

/* Where the letters of @word are drawn in @label, left to right. */
static void
assert_drawn_in_order (GtkWidget  *label,
                       const char *word)
{
  PangoLayout *layout = gtk_label_get_layout (GTK_LABEL (label));
  const char *text = pango_layout_get_text (layout);
  const char *found = strstr (text, word);
  int previous = G_MININT;

  g_assert_nonnull (found);
  for (gsize i = 0; word[i] != '\0'; i++)
    {
      PangoRectangle pos;

      pango_layout_index_to_pos (layout, (int) (found - text + i), &pos);
      g_assert_cmpint (pos.width, >, 0);
      g_assert_cmpint (pos.x, >, previous);
      previous = pos.x;
    }
}

/* A number holding a right-to-left override, or starting with a
 * combining mark: the rest of the toast is still drawn left to right,
 * and the mark sits on no letter of it. */
static void
test_bidi_toast (void)
{
  static const char * const numbers[] = {
    "\u202E1.4", "\u202Etxt.exe", "\u2069\u202E1.4", "\u05D0\u05D1 1.4", "\u0301\u0301\u0301",
  };
  g_autofree char *path = make_plan ("bidi-toast.jalons");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  JlnWindow *window = jln_window_new (application);
  JlnDocument *document;
  JlnActionList *list;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  jln_window_open_file (window, file);
  jln_test_wait_for_document (window);
  document = jln_window_get_document (window);
  list = JLN_ACTION_LIST (jln_window_get_action_list (window));

  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      g_autofree char *number = g_strdup_printf ("1.%u", i + 1);
      gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
      GtkWidget *label = NULL;
      JlnRecord *action;

      jln_test_set_field (document, number, "number", numbers[i]);
      action = jln_test_find_action (document, numbers[i]);
      jln_action_list_select (list, action);
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.delete", NULL));
      while ((label = jln_test_find_widget (GTK_WIDGET (window), is_deleted_toast_label,
                                            NULL)) == NULL &&
             g_get_monotonic_time () < deadline)
        g_main_context_iteration (NULL, TRUE);
      g_assert_nonnull (label);
      /* Drawn in full, not yet ellipsized in a toast still growing. */
      while (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (label))) &&
             g_get_monotonic_time () < deadline)
        g_main_context_iteration (NULL, TRUE);
      g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (label))));
      assert_drawn_in_order (label, "Action ");
      assert_drawn_in_order (label, " deleted");
      /* The text shown is the number as it is, but for a pop that
       * would end its isolation early. */
      g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)),
                                numbers[i] + (g_str_has_prefix (numbers[i], "\u2069") ? 3 : 0)));

      g_signal_emit_by_name (jln_test_find_widget (GTK_WIDGET (window), is_toast_close_button,
                                                   NULL), "clicked");
      deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
      while (jln_test_find_widget (GTK_WIDGET (window), is_deleted_toast_label, NULL) != NULL &&
             g_get_monotonic_time () < deadline)
        g_main_context_iteration (NULL, TRUE);
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A search that matches nothing: the timeline says so, quoting the
 * search as it was typed. */
static void
test_timeline_no_match (void)
{
  g_autofree char *path = make_plan ("timeline.jalons");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  JlnWindow *window = jln_window_new (application);
  static const char * const searches[] = {
    "<b>bold</b>", "&amp;", "&", "<span foreground=\"red\">red</span>", "&lt;i&gt; &",
  };
  GtkWidget *timeline, *page;

  gtk_window_present (GTK_WINDOW (window));
  jln_window_open_file (window, file);
  jln_test_wait_for_document (window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.page", "s", "timeline"));
  timeline = jln_test_find_child_of_type (GTK_WIDGET (window), JLN_TYPE_TIMELINE_VIEW);
  g_assert_nonnull (timeline);
  page = jln_test_find_child_of_type (timeline, ADW_TYPE_STATUS_PAGE);

  for (guint i = 0; i < G_N_ELEMENTS (searches); i++)
    {
      gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

      jln_query_filter_set_text (jln_window_get_filter (window), searches[i]);
      while (strstr (shown_description (page), searches[i]) == NULL &&
             g_get_monotonic_time () < deadline)
        g_main_context_iteration (NULL, TRUE);
      wait_idle (window);
      g_test_message ("shown: %s", shown_description (page));
      g_assert_nonnull (strstr (shown_description (page), searches[i]));
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
is_main_menu_button (GtkWidget     *widget,
                     gconstpointer  data)
{
  return GTK_IS_MENU_BUTTON (widget) &&
         g_strcmp0 (gtk_widget_get_tooltip_text (widget), "Main Menu") == 0;
}

static gboolean
is_label_with_text (GtkWidget     *widget,
                    gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && g_str_equal (gtk_label_get_text (GTK_LABEL (widget)), text);
}

/* A plan whose file name holds underscores, markup and entities: the
 * menu of recent plans names it as it is. */
static void
test_recent_menu (void)
{
  const char *name = "plan_2022 <b>&amp; & x_.jalons";
  g_autofree char *path = make_plan (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  JlnWindow *window = jln_window_new (application);
  GtkWidget *button, *popover;

  gtk_window_present (GTK_WINDOW (window));
  jln_window_open_file (window, file);
  jln_test_wait_for_document (window);

  button = jln_test_find_widget (GTK_WIDGET (window), is_main_menu_button, NULL);
  g_assert_nonnull (button);
  popover = jln_test_popup (button);
  JLN_TEST_WAIT_UNTIL (jln_test_find_widget (popover, is_label_with_text, name) != NULL);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
  jln_test_wait_for_unmapped (popover);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *home = g_dir_make_tmp ("jalons-plain-text-XXXXXX", NULL);
  g_autofree char *data_home = g_build_filename (home, "data", NULL);
  int status;

  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();
  /* Toasts come and go at once. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  application = jln_application_new (G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (application), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/gui/plain-text/open-error", test_open_error);
  g_test_add_func ("/gui/plain-text/delete-toast", test_delete_toast);
  g_test_add_func ("/gui/plain-text/timeline-no-match", test_timeline_no_match);
  g_test_add_func ("/gui/plain-text/bidi-toast", test_bidi_toast);
  g_test_add_func ("/gui/plain-text/recent-menu", test_recent_menu);

  status = g_test_run ();
  g_clear_object (&application);
  jln_test_remove_tree (home);
  return status;
}
