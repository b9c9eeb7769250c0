/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A plan that may not be changed, in the window: a read-only file is
 * shown with every way to change it off and a banner saying why, and
 * nothing is written to it; a file replaced on disk stops editing until
 * the user reloads it. */
#include "config.h"

#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <adwaita.h>

#include "jln-action.h"
#include "jln-action-editor.h"
#include "jln-action-list.h"
#include "jln-chart-view.h"
#include "jln-indicators-page.h"
#include "jln-window.h"

#include "jln-test-gui-utils.h"

static JlnApplication *application;

static char *
make_plan (const char *name)
{
  g_autofree char *bundled = jln_application_dup_bundled_plan ();
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), name, NULL);
  char *path = g_build_filename (dir, "plan.jalons", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JlnDocument) document = NULL;

  g_mkdir_with_parents (dir, 0700);
  document = jln_document_import (bundled, path, &error);
  g_assert_no_error (error);
  return path;
}

static JlnWindow *
open_window (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  JlnWindow *window = jln_window_new (application);

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  jln_window_open_file (window, file);
  jln_test_wait_for_document (window);
  g_assert_nonnull (jln_window_get_document (window));
  return window;
}

static gboolean
is_named (GtkWidget     *widget,
          gconstpointer  name)
{
  return g_strcmp0 (gtk_widget_get_name (widget), name) == 0;
}

static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  GtkWidget *found = jln_test_find_widget (widget, is_named, name);

  if (found == NULL)
    g_error ("No widget named “%s”", name);
  return found;
}

/* Messages are checked in English, as the test suite runs; other
 * languages are for the pictures. */
static gboolean
in_english (void)
{
  const char *language = g_get_language_names ()[0];

  return g_str_has_prefix (language, "en") || g_str_equal (language, "C");
}

/* The text of the banner named @name, or NULL while it is hidden. */
static const char *
banner_text (JlnWindow  *window,
             const char *name)
{
  GtkWidget *banner = find_named (GTK_WIDGET (window), name);
  GtkWidget *label = jln_test_find_child_of_type (banner, GTK_TYPE_LABEL);

  if (!gtk_revealer_get_reveal_child (GTK_REVEALER (banner)))
    return NULL;
  return gtk_label_get_text (GTK_LABEL (label));
}

/* Whether the action @name (detailed: “name::target”) is on where
 * @widget is, as a button that names it there shows: activating it
 * would run it. */
static gboolean
action_enabled (GtkWidget  *widget,
                const char *name)
{
  GtkWidget *button = gtk_button_new ();
  gboolean enabled;

  gtk_actionable_set_detailed_action_name (GTK_ACTIONABLE (button), name);
  gtk_widget_set_parent (button, widget);
  enabled = gtk_widget_get_sensitive (button);
  gtk_widget_unparent (button);
  return enabled;
}

static const char * const editing_actions[] = {
  "win.add-action", "win.add-objective", "win.duplicate", "win.delete", "win.undo",
  "win.backups", "win.merge-copy", "win.merge-path::x",
};

static const char * const indicator_actions[] = {
  "indicators.add-indicator", "indicators.add-target::x", "indicators.add-measurement::x",
  "indicators.edit::x", "indicators.delete::x",
};

/* Whether the plan can be changed in @window, by any of its means. */
static void
assert_editable (JlnWindow *window,
                 gboolean   editable)
{
  GtkWidget *editor = jln_test_find_child_of_type (GTK_WIDGET (window), JLN_TYPE_ACTION_EDITOR);
  GtkWidget *indicators;
  GtkWidget *stack = jln_test_find_child_of_type (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK);
  g_autofree char *shown = g_strdup (adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (stack)));

  /* The indicators page is built when first shown. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.page", "s", "indicators"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.page", "s", shown));
  indicators = jln_test_find_child_of_type (GTK_WIDGET (window), JLN_TYPE_INDICATORS_PAGE);
  GtkWidget *list = jln_window_get_action_list (window);

  for (guint i = 0; i < G_N_ELEMENTS (editing_actions); i++)
    {
      /* Undo needs something to undo. */
      if (editable && g_str_equal (editing_actions[i], "win.undo"))
        continue;
      g_test_message ("%s", editing_actions[i]);
      g_assert_cmpint (action_enabled (list, editing_actions[i]), ==, editable);
    }
  for (guint i = 0; i < G_N_ELEMENTS (indicator_actions); i++)
    g_assert_cmpint (action_enabled (indicators, indicator_actions[i]), ==, editable);
  g_assert_cmpint (gtk_widget_is_sensitive (find_named (editor, "title-en")), ==, editable);
  g_assert_cmpint (gtk_widget_is_sensitive (find_named (editor, "item-add")), ==, editable);
  g_assert_cmpint (gtk_widget_is_sensitive (find_named (GTK_WIDGET (window), "add-button")), ==,
                   editable);
}

/* Not a check: a picture to look at, when JALONS_SCREENSHOT_DIR is set. */
static void
save_window (JlnWindow  *window,
             const char *name)
{
  const char * const *languages = g_get_language_names ();
  g_autoptr(GdkTexture) texture = NULL;

  if (g_getenv ("JALONS_SCREENSHOT_DIR") == NULL)
    return;
  jln_test_wait_for_idle (GTK_WIDGET (window));
  texture = jln_test_render_widget (GTK_WIDGET (window));
  g_assert_nonnull (texture);
  jln_test_save_screenshot (texture, name, g_str_has_prefix (languages[0], "fr") ? "fr" : "en");
}

static gboolean
is_indicator_chart (GtkWidget     *widget,
                    gconstpointer  data)
{
  JlnChart *chart;

  if (!JLN_IS_CHART_VIEW (widget))
    return FALSE;
  chart = jln_chart_view_get_chart (JLN_CHART_VIEW (widget));
  for (guint i = 0; chart != NULL && jln_chart_get_indicator (chart) != NULL &&
                    i < jln_chart_get_n_items (chart); i++)
    if (jln_chart_get_item_record (chart, i) != NULL)
      return TRUE;
  return FALSE;
}

/* Clicks a target or a measurement in an indicator's chart, which opens
 * it for a correction; returns whether a window opened for it. */
static gboolean
chart_item_opens (JlnWindow *window)
{
  GtkWidget *view;
  JlnChart *chart;
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint before = g_list_model_get_n_items (toplevels), after;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.page", "s", "indicators"));
  jln_test_wait_for_mapped (jln_test_find_child_of_type (GTK_WIDGET (window), JLN_TYPE_INDICATORS_PAGE));
  jln_test_wait_for_idle (GTK_WIDGET (window));
  view = jln_test_find_widget (GTK_WIDGET (window), is_indicator_chart, NULL);
  g_assert_nonnull (view);
  chart = jln_chart_view_get_chart (JLN_CHART_VIEW (view));
  for (guint i = 0; i < jln_chart_get_n_items (chart); i++)
    if (jln_chart_get_item_record (chart, i) != NULL)
      {
        g_signal_emit_by_name (view, "item-activated", i);
        break;
      }
  jln_test_wait_for_idle (GTK_WIDGET (window));
  after = g_list_model_get_n_items (toplevels);
  for (guint i = before; i < after; i++)
    {
      g_autoptr(GtkWindow) opened = g_list_model_get_item (toplevels, i);

      gtk_window_destroy (opened);
    }
  gtk_widget_activate_action (GTK_WIDGET (window), "win.page", "s", "actions");
  return after > before;
}

static void
select_action (JlnWindow  *window,
               const char *number)
{
  JlnActionList *list = JLN_ACTION_LIST (jln_window_get_action_list (window));
  JlnRecord *action = jln_test_find_action (jln_window_get_document (window), number);

  jln_action_list_select (list, action);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_true (jln_action_list_get_selected (list) == action);
}

/* A plan archived read-only opens, says so, offers a copy, and can be
 * changed by none of the window's means; its file stays as it was. */
static void
test_read_only_file (void)
{
  g_autofree char *path = make_plan ("read-only");
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  JlnWindow *window;
  GtkWidget *banner, *button;
  const char *text;

  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  before = jln_test_checksum_file (path);

  window = open_window (path);
  g_assert_true (jln_document_is_read_only (jln_window_get_document (window)));
  text = banner_text (window, "read-only-banner");
  g_assert_nonnull (text);
  if (in_english ())
    g_assert_true (g_str_has_prefix (text, "This plan is read-only: "));
  g_assert_null (banner_text (window, "replaced-banner"));
  banner = find_named (GTK_WIDGET (window), "read-only-banner");
  button = jln_test_find_child_of_type (banner, GTK_TYPE_BUTTON);
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "win.save-copy");
  g_assert_true (action_enabled (jln_window_get_action_list (window), "win.save-copy"));

  select_action (window, "1.8");
  assert_editable (window, FALSE);
  save_window (window, "window-read-only");

  /* Nor does a target of a chart open for a correction. */
  g_assert_false (chart_item_opens (window));

  /* Activating what is off does nothing; nothing is written. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.delete", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.add-action", NULL);
  g_assert_nonnull (jln_test_find_action (jln_window_get_document (window), "1.8"));
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;

  after = jln_test_checksum_file (path);
  g_assert_cmpstr (before, ==, after);
  {
    g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (listing)) != NULL)
      g_assert_cmpstr (name, ==, "plan.jalons");
  }
  g_chmod (path, 0644);
}

/* Another file saved over the open plan: editing stops and a banner
 * offers to reload, which shows the new file, editable again. */
static void
test_replaced_file (void)
{
  g_autofree char *path = make_plan ("replaced");
  g_autofree char *incoming = make_plan ("incoming");
  g_autofree char *before = NULL;
  JlnWindow *window;
  gint64 deadline;

  /* The file that will arrive differs from the open one. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(JlnDocument) other = jln_document_open (incoming, &error);

    g_assert_no_error (error);
    jln_test_set_field (other, "1.4", "title-en", "The title of the incoming file");
  }

  window = open_window (path);
  select_action (window, "1.8");
  assert_editable (window, TRUE);
  g_assert_null (banner_text (window, "replaced-banner"));

  /* As saving a mail attachment over the plan does. */
  g_assert_cmpint (g_rename (incoming, path), ==, 0);
  before = jln_test_checksum_file (path);
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (banner_text (window, "replaced-banner") == NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (banner_text (window, "replaced-banner"));
  if (in_english ())
    g_assert_true (g_str_has_prefix (banner_text (window, "replaced-banner"),
                                     "Another file was saved in place of this plan"));
  assert_editable (window, FALSE);
  g_assert_true (action_enabled (jln_window_get_action_list (window), "win.reload"));
  save_window (window, "window-replaced");
  g_assert_false (chart_item_opens (window));

  /* Nothing is written to the new file meanwhile. */
  /* A period, not a condition: nothing may happen during it, while the
   * window looks at its file every second. */
  jln_test_wait_ms (1500);
  {
    g_autofree char *now = jln_test_checksum_file (path);

    g_assert_cmpstr (now, ==, before);
  }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.reload", NULL));
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (banner_text (window, "replaced-banner") != NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (banner_text (window, "replaced-banner"));
  g_assert_false (jln_document_is_replaced (jln_window_get_document (window)));
  {
    JlnAction *action = JLN_ACTION (jln_test_find_action (jln_window_get_document (window), "1.4"));

    g_assert_cmpstr (jln_action_get_title (action)->en, ==, "The title of the incoming file");
  }
  /* The views follow the new plan once they are bound to it. */
  jln_test_wait_for_idle (GTK_WIDGET (window));
  select_action (window, "1.8");
  assert_editable (window, TRUE);
  g_assert_true (chart_item_opens (window));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A journal that another file left at the plan's place is set aside,
 * and the window says so. */
static void
test_notices (void)
{
  g_autofree char *path = make_plan ("notices");
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  g_autoptr(GError) error = NULL;
  JlnWindow *window;
  gint64 deadline;
  GString *shown = g_string_new (NULL);
  struct timespec times[2] = { { 0 } };
  const char *notice;

  g_assert_true (g_file_set_contents (journal, "\xd9\xd5\x05\xf9\x20\xa1\x63\xd7 rest of a journal",
                                      -1, NULL));
  /* Older than the plan, as a journal left behind. */
  times[0].tv_sec = times[1].tv_sec = 1000000000;
  g_assert_cmpint (utimensat (AT_FDCWD, journal, times, 0), ==, 0);

  window = open_window (path);
  g_assert_cmpuint (jln_document_get_notices (jln_window_get_document (window))->len, ==, 1);
  notice = g_ptr_array_index (jln_document_get_notices (jln_window_get_document (window)), 0);
  deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  for (;;)
    {
      GtkWidget *toast = jln_test_find_child_of_type (GTK_WIDGET (window),
                                                      g_type_from_name ("AdwToastWidget"));

      g_string_truncate (shown, 0);
      if (toast != NULL)
        g_string_append (shown, gtk_label_get_text (GTK_LABEL (
          jln_test_find_child_of_type (toast, GTK_TYPE_LABEL))));
      if (strstr (shown->str, notice) != NULL || g_get_monotonic_time () > deadline)
        break;
      g_main_context_iteration (NULL, TRUE);
    }
  g_test_message ("toast: %s", shown->str);
  g_assert_nonnull (strstr (shown->str, notice));
  g_string_free (shown, TRUE);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *home = g_dir_make_tmp ("jalons-read-only-XXXXXX", NULL);
  g_autofree char *data_home = g_build_filename (home, "data", NULL);
  int status;

  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  /* LANGUAGE=fr shows the window in French, for the pictures. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("JALONS_LOCALEDIR") ?: BUILD_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  application = jln_application_new (G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (application), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/gui/read-only/file", test_read_only_file);
  g_test_add_func ("/gui/read-only/replaced-file", test_replaced_file);
  g_test_add_func ("/gui/read-only/notices", test_notices);

  status = g_test_run ();
  g_clear_object (&application);
  jln_test_remove_tree (home);
  return status;
}
