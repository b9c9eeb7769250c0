/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "jln-action.h"
#include "jln-action-editor.h"
#include "jln-milestone.h"
#include "jln-plan-dialog.h"
#include "jln-unit.h"

#include "jln-test-gui-utils.h"

static gboolean
is_entry_row (GtkWidget     *widget,
              gconstpointer  data)
{
  return ADW_IS_ENTRY_ROW (widget) && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), data) == 0;
}

static gboolean
is_button (GtkWidget     *widget,
           gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), data) == 0;
}

/* An empty entry whose placeholder is @data: the row just added. */
static gboolean
is_empty_entry (GtkWidget     *widget,
                gconstpointer  data)
{
  return GTK_IS_ENTRY (widget) && gtk_widget_get_visible (widget) &&
         g_strcmp0 (gtk_entry_get_placeholder_text (GTK_ENTRY (widget)), data) == 0 &&
         gtk_editable_get_text (GTK_EDITABLE (widget))[0] == '\0';
}

static void
set_text (GtkWidget  *dialog,
          JlnTestWidgetMatch match,
          const char *key,
          const char *text)
{
  GtkWidget *widget = jln_test_find_widget (dialog, match, key);

  g_assert_nonnull (widget);
  gtk_editable_set_text (GTK_EDITABLE (widget), text);
}

static gboolean
is_error_label (GtkWidget     *widget,
                gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "error");
}

static void
flush (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* A plan set up from nothing: title, period, a milestone and a unit, saved
 * as one step that undo removes. */
static void
test_set_up (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("jalons-plan-dialog-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "new.jalons", NULL);
  g_autoptr(JlnPlan) empty = jln_plan_new_untitled ();
  g_autoptr(JlnDocument) document = jln_document_create (path, empty, NULL, &error);
  g_autoptr(JlnSession) session = jln_session_new ();
  JlnPlan *plan;
  GtkWidget *dialog;
  JlnUnit *unit;
  JlnMilestone *milestone;
  GtkWidget *label;

  g_assert_no_error (error);
  plan = jln_document_get_plan (document);
  jln_session_set_document (session, document);
  dialog = GTK_WIDGET (jln_plan_dialog_new (NULL, session));
  gtk_window_present (GTK_WINDOW (dialog));
  flush ();

  set_text (dialog, is_entry_row, "Title in English", "HRS4R action plan 2023–2026");
  set_text (dialog, is_entry_row, "Title in French", "Plan d’action HRS4R 2023–2026");
  set_text (dialog, is_entry_row, "First semester (2022-S1 or 1st sem. 2022)", "1er sem. 2023");
  set_text (dialog, is_entry_row, "Last semester", "2026-S2");
  g_signal_emit_by_name (jln_test_find_widget (dialog, is_button, "Add a _Unit"), "clicked");
  set_text (dialog, is_empty_entry, "Code", "DRH");
  set_text (dialog, is_empty_entry, "Name in French", "Direction des ressources humaines");
  g_signal_emit_by_name (jln_test_find_widget (dialog, is_button, "Add a _Milestone"), "clicked");
  set_text (dialog, is_empty_entry, "Date (2022-03)", "2023-05");
  set_text (dialog, is_empty_entry, "Name in English", "Submission");

  if (g_getenv ("JALONS_SCREENSHOT_DIR") != NULL)
    {
      g_autoptr(GdkTexture) texture = NULL;

      jln_test_wait_for_idle (dialog);
      texture = jln_test_render_widget (dialog);
      jln_test_save_screenshot (texture, "plan-dialog", g_getenv ("LANGUAGE"));
    }

  g_object_ref (dialog);
  g_assert_true (gtk_widget_activate_action (dialog, "plan.save", NULL));
  flush ();
  g_assert_false (gtk_widget_get_visible (dialog));
  g_object_unref (dialog);

  g_assert_cmpstr (jln_plan_get_title (plan)->en, ==, "HRS4R action plan 2023–2026");
  g_assert_cmpuint (jln_plan_get_start (plan), ==, jln_semester_new (2023, 1));
  g_assert_cmpuint (jln_plan_get_end (plan), ==, jln_semester_new (2026, 2));
  g_assert_cmpuint (g_list_model_get_n_items (jln_plan_get_units (plan)), ==, 1);
  unit = g_list_model_get_item (jln_plan_get_units (plan), 0);
  g_assert_cmpstr (jln_unit_get_code (unit), ==, "DRH");
  g_assert_cmpstr (jln_unit_get_name (unit)->fr, ==, "Direction des ressources humaines");
  g_object_unref (unit);
  milestone = g_list_model_get_item (jln_plan_get_milestones (plan), 0);
  g_assert_cmpstr (jln_milestone_get_date (milestone), ==, "2023-05");
  g_assert_cmpstr (jln_milestone_get_title (milestone)->en, ==, "Submission");
  g_object_unref (milestone);

  /* One step. */
  g_assert_true (jln_document_undo (document, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (jln_plan_get_title (plan)->en, ==, JLN_PLAN_UNTITLED_EN);
  g_assert_cmpuint (g_list_model_get_n_items (jln_plan_get_units (plan)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (jln_plan_get_milestones (plan)), ==, 0);

  /* A wrong semester is said, and nothing is saved. */
  dialog = GTK_WIDGET (jln_plan_dialog_new (NULL, session));
  gtk_window_present (GTK_WINDOW (dialog));
  flush ();
  set_text (dialog, is_entry_row, "Last semester", "bientôt");
  g_assert_true (gtk_widget_activate_action (dialog, "plan.save", NULL));
  flush ();
  label = jln_test_find_widget (dialog, is_error_label, NULL);
  g_assert_true (gtk_widget_get_visible (dialog));
  g_assert_true (gtk_widget_get_visible (label));
  g_assert_true (strstr (gtk_label_get_text (GTK_LABEL (label)), "“bientôt” is not a semester") != NULL);
  g_assert_false (jln_document_can_undo (document));
  gtk_window_destroy (GTK_WINDOW (dialog));

  g_clear_object (&session);
  g_clear_object (&document);
  jln_test_remove_tree (dir);
}


static gboolean
is_named (GtkWidget     *widget,
          gconstpointer  data)
{
  return g_strcmp0 (gtk_widget_get_name (widget), data) == 0;
}

/* A unit created from the units picker by typing its code: chosen for the
 * action at once, in one step that undo removes. */
static void
test_new_unit_from_picker (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(JlnDocument) document = jln_test_import_plan (JLN_TEST_BUNDLED_PLAN, "jalons-plan-dialog-XXXXXX",
                                                          &dir, &path);
  g_autoptr(GError) error = NULL;
  g_autoptr(JlnSession) session = jln_session_new ();
  JlnActionEditor *editor = JLN_ACTION_EDITOR (jln_action_editor_new ());
  GtkWidget *window = gtk_window_new ();
  JlnAction *action = JLN_ACTION (jln_test_find_action (document, "1.4"));
  JlnPlan *plan = jln_document_get_plan (document);
  guint n_units = g_list_model_get_n_items (jln_plan_get_units (plan));
  GtkWidget *button;
  GtkPopover *popover;
  GtkWidget *search;
  GPtrArray *units;

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (editor));
  jln_session_set_content_language (session, JLN_LANG_FR);
  jln_session_set_document (session, document);
  jln_action_editor_set_session (editor, session);
  jln_action_editor_set_record (editor, JLN_RECORD (action));
  gtk_window_present (GTK_WINDOW (window));
  flush ();

  button = jln_test_find_widget (GTK_WIDGET (editor), is_named, "units");
  g_assert_nonnull (button);
  /* The picker's search entry, as the user types in it: the popover is
   * not popped up, which needs a monitor the test may not have. */
  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));
  search = jln_test_find_child_of_type (GTK_WIDGET (popover), GTK_TYPE_SEARCH_ENTRY);
  gtk_editable_set_text (GTK_EDITABLE (search), "Cellule Europe");
  g_signal_emit_by_name (search, "activate");
  flush ();

  g_assert_cmpuint (g_list_model_get_n_items (jln_plan_get_units (plan)), ==, n_units + 1);
  units = jln_action_get_units (action);
  g_assert_cmpuint (units->len, ==, 2);
  g_assert_cmpstr (jln_unit_get_code (g_ptr_array_index (units, 0)), ==, "RH");
  g_assert_cmpstr (jln_unit_get_code (g_ptr_array_index (units, 1)), ==, "Cellule Europe");

  g_assert_true (jln_document_undo (document, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (jln_plan_get_units (plan)), ==, n_units);
  g_assert_cmpuint (jln_action_get_units (action)->len, ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
  flush ();
  g_clear_object (&session);
  g_clear_object (&document);
  jln_test_clear_plan_dir (&dir, &path);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();
  g_test_add_func ("/gui/plan-dialog/set-up", test_set_up);
  g_test_add_func ("/gui/plan-dialog/new-unit-from-picker", test_new_unit_from_picker);
  return g_test_run ();
}
