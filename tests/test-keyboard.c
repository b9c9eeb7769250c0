/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <adwaita.h>

#include "jln-action-grid.h"
#include "jln-action-list.h"
#include "jln-backups-window.h"
#include "jln-changes-window.h"
#include "jln-window.h"

#include "jln-test-gui-utils.h"

/* Every control of the windows can be reached with the keyboard. */

static JlnApplication *application;

/* The kind of a widget as GTK knows it: the editor's status row is the
 * combo row it derives from. */
static const char *
widget_kind (GtkWidget *widget)
{
  GType type = G_OBJECT_TYPE (widget);

  while (g_str_has_prefix (g_type_name (type), "Jln") && g_type_parent (type) != G_TYPE_INVALID)
    type = g_type_parent (type);
  return g_type_name (type);
}

/* What a screen reader would say for the focused widget. */
static char *
describe (GtkWidget *widget)
{
  GString *text = g_string_new (widget_kind (widget));
  GtkWidget *ancestor;

  /* A row of the action list, read as its texts. */
  if (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget)) == GTK_ACCESSIBLE_ROLE_ROW)
    g_string_append (text, " row");

  for (ancestor = widget; ancestor != NULL; ancestor = gtk_widget_get_parent (ancestor))
    {
      const char *tooltip = gtk_widget_get_tooltip_text (ancestor);

      if (GTK_IS_BUTTON (ancestor) && gtk_button_get_label (GTK_BUTTON (ancestor)) != NULL)
        {
          g_string_append_printf (text, " “%s”", gtk_button_get_label (GTK_BUTTON (ancestor)));
          break;
        }
      if (ADW_IS_PREFERENCES_ROW (ancestor))
        {
          g_string_append_printf (text, " “%s”",
                                  adw_preferences_row_get_title (ADW_PREFERENCES_ROW (ancestor)));
          break;
        }
      if (tooltip != NULL)
        {
          g_string_append_printf (text, " “%s”", tooltip);
          break;
        }
    }
  return g_string_free (text, FALSE);
}

/* Presses Tab until focus comes back where it started, recording what
 * it visits; fails if focus is stuck or never comes back. */
static GPtrArray *
tab_through (GtkWindow *window,
             guint      max_steps)
{
  GPtrArray *visited = g_ptr_array_new_with_free_func (g_free);
  GtkWidget *first = NULL;

  for (guint step = 0; step < max_steps; step++)
    {
      GtkWidget *focus;

      if (!gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD))
        /* Past the last widget: GTK wraps to the first, as a key press does. */
        g_assert_true (gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD));
      while (g_main_context_iteration (NULL, FALSE))
        ;
      focus = gtk_root_get_focus (GTK_ROOT (window));
      g_assert_nonnull (focus);
      if (focus == first)
        return visited;
      if (first == NULL)
        first = focus;
      g_ptr_array_add (visited, describe (focus));
      g_test_message ("Tab %u: %s", step + 1, (char *) g_ptr_array_index (visited, visited->len - 1));
    }
  g_error ("focus did not come back to the first widget within %u presses of Tab", max_steps);
  return NULL;
}

static gboolean
was_visited (GPtrArray  *visited,
             const char *what)
{
  for (guint i = 0; i < visited->len; i++)
    if (strstr (g_ptr_array_index (visited, i), what) != NULL)
      return TRUE;
  return FALSE;
}

static void
assert_visited (GPtrArray  *visited,
                const char *what)
{
  if (!was_visited (visited, what))
    g_error ("Tab never reaches %s", what);
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

static JlnWindow *
open_window (const char *name)
{
  g_autofree char *path = make_plan (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  JlnWindow *window = jln_window_new (application);

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  jln_window_open_file (window, file);
  jln_test_wait_for_document (window);
  jln_test_wait_for_idle (GTK_WIDGET (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL));
  jln_action_list_select (JLN_ACTION_LIST (jln_window_get_action_list (window)),
                          jln_test_find_action (jln_window_get_document (window), "1.8"));
  /* On a loaded machine the list may still be filling: Tab must go
   * round the window as the user finds it once it is complete. */
  {
    JlnActionList *list = JLN_ACTION_LIST (jln_window_get_action_list (window));
    gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

    while (jln_action_list_get_pending (list) && g_get_monotonic_time () < deadline)
      g_main_context_iteration (NULL, TRUE);
    g_assert_false (jln_action_list_get_pending (list));
  }
  jln_test_wait_for_idle (GTK_WIDGET (window));
  return window;
}

/* Tab goes round every part of the window: the header bar, the page
 * switcher, the search and its filters, the list, its footer and every
 * field of the editor, and comes back to where it started. */
static void
test_window (void)
{
  JlnWindow *window = open_window ("keyboard.jalons");
  g_autoptr(GPtrArray) visited = NULL;
  static const char *controls[] = {
    "“Add”", "AdwViewSwitcherButton", "“Search”", "“Main Menu”", "GtkText",
    "“Show the actions of the objectives you choose”",
    "“Show the actions of the responsible units you choose”",
    "“Overdue”", "“Hide Done”", "GtkWidget row", "“Legend”",
    "“Number”", "AdwComboRow “Status”", "GtkTextView “Title”", "AdwComboRow “Due”",
    "“Responsible Units”", "“Principles”", "“Add Sub-item”",
    "AdwActionRow “a. for CRCN (research scientists, normal class)”",
  };

  /* A window still settling (a popover closing, rows being bound) can
   * lend focus elsewhere for a moment: a control counts as unreachable
   * only if three walks, each once the window has settled, all miss it. */
  for (guint attempt = 0; attempt < 3; attempt++)
    {
      gboolean all = TRUE;

      g_clear_pointer (&visited, g_ptr_array_unref);
      visited = tab_through (GTK_WINDOW (window), 400);
      for (guint i = 0; i < G_N_ELEMENTS (controls) && all; i++)
        all = was_visited (visited, controls[i]);
      if (all)
        break;
      g_test_message ("walk %u missed a control; walking again", attempt + 1);
      jln_test_wait_for_idle (GTK_WIDGET (window));
    }
  for (guint i = 0; i < G_N_ELEMENTS (controls); i++)
    assert_visited (visited, controls[i]);
  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkEventController *
find_key_controller (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller) &&
          gtk_event_controller_get_propagation_phase (controller) == GTK_PHASE_CAPTURE)
        return controller;
    }
  return NULL;
}

static gboolean
press (GtkEventController *controller,
       guint               keyval,
       GdkModifierType     state)
{
  gboolean handled = FALSE;

  g_signal_emit_by_name (controller, "key-pressed", keyval, 0, state, &handled);
  jln_test_wait_for_idle (gtk_event_controller_get_widget (controller));
  return handled;
}

/* In the list, Tab leaves it for the next part of the window instead of
 * visiting every row, and Shift+Tab for its headings, then the previous
 * part. */
static void
test_list_tab_out (void)
{
  JlnWindow *window = open_window ("keyboard-list.jalons");
  GtkWidget *view = jln_test_find_child_of_type (jln_window_get_action_list (window),
                                                 JLN_TYPE_ACTION_GRID);
  GtkEventController *controller = find_key_controller (view);
  GtkWidget *focus, *row;
  g_autofree char *after = NULL;
  g_autofree char *before = NULL;

  g_assert_nonnull (controller);
  g_assert_true (gtk_widget_child_focus (view, GTK_DIR_TAB_FORWARD));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), view));

  g_assert_true (press (controller, GDK_KEY_Tab, 0));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  after = describe (focus);
  g_assert_false (gtk_widget_is_ancestor (focus, view));
  g_assert_nonnull (strstr (after, "“Legend”"));
  g_assert_true (gtk_widget_get_can_focus (view));

  g_assert_true (gtk_widget_child_focus (view, GTK_DIR_TAB_FORWARD));
  row = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (row)), ==,
                   GTK_ACCESSIBLE_ROLE_ROW);
  /* Shift+Tab: the headings, then the previous part; Tab from the
   * headings goes back to the row. */
  g_assert_true (press (controller, GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (gtk_widget_is_ancestor (focus, view));
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (focus)), ==,
                   GTK_ACCESSIBLE_ROLE_COLUMN_HEADER);
  g_assert_true (press (controller, GDK_KEY_Tab, 0));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == row);
  g_assert_true (press (controller, GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK));
  g_assert_true (press (controller, GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  before = describe (focus);
  g_assert_false (gtk_widget_is_ancestor (focus, view));
  g_assert_nonnull (strstr (before, "“Hide Done”"));

  /* Other keys are the list's: arrows move between rows. */
  g_assert_false (press (controller, GDK_KEY_Down, 0));
  g_assert_false (press (controller, GDK_KEY_Tab, GDK_CONTROL_MASK));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The changes and backups windows: every control in reach, no trap. */
static void
test_dialogs (void)
{
  JlnWindow *window = open_window ("keyboard-dialogs.jalons");
  GtkWidget *dialog;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GPtrArray) backups = NULL;

  dialog = jln_changes_window_new (GTK_WINDOW (window), jln_window_get_session (window));
  gtk_window_present (GTK_WINDOW (dialog));
  jln_test_wait_for_mapped (dialog);
  jln_test_wait_for_idle (dialog);
  changes = tab_through (GTK_WINDOW (dialog), 100);
  assert_visited (changes, "AdwComboRow “Period”");
  gtk_window_destroy (GTK_WINDOW (dialog));

  dialog = jln_backups_window_new (GTK_WINDOW (window), jln_window_get_session (window));
  gtk_window_present (GTK_WINDOW (dialog));
  jln_test_wait_for_mapped (dialog);
  jln_test_wait_for_idle (dialog);
  backups = tab_through (GTK_WINDOW (dialog), 100);
  assert_visited (backups, "GtkButton “_Restore”");
  assert_visited (backups, "AdwActionRow");
  gtk_window_destroy (GTK_WINDOW (dialog));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *home = g_dir_make_tmp ("jalons-keyboard-XXXXXX", NULL);
  g_autofree char *data_home = g_build_filename (home, "data", NULL);
  int status;

  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

  application = jln_application_new (G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (application), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/gui/keyboard/window", test_window);
  g_test_add_func ("/gui/keyboard/list-tab-out", test_list_tab_out);
  g_test_add_func ("/gui/keyboard/dialogs", test_dialogs);

  status = g_test_run ();
  g_clear_object (&application);
  jln_test_remove_tree (home);
  return status;
}
