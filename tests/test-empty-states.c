/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <adwaita.h>

#include "jln-action-editor.h"
#include "jln-action-list.h"
#include "jln-document.h"
#include "jln-objective.h"

#include "jln-test-gui-utils.h"

/* What the list and the editor say when there is nothing to show. */

static void
wait_for_list (JlnActionList *list)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (jln_action_list_get_pending (list) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  jln_test_wait_for_idle (GTK_WIDGET (list));
  g_assert_false (jln_action_list_get_pending (list));
}

static AdwStatusPage *
visible_status_page (GtkWidget *list)
{
  GtkStack *stack = GTK_STACK (jln_test_find_child_of_type (list, GTK_TYPE_STACK));
  GtkWidget *child = gtk_stack_get_visible_child (stack);

  return ADW_IS_STATUS_PAGE (child) ? ADW_STATUS_PAGE (child) : NULL;
}

/* A session of @document, in French as the widgets were by default. */
static JlnSession *
new_session (JlnDocument *document)
{
  JlnSession *session = jln_session_new ();

  jln_session_set_content_language (session, JLN_LANG_FR);
  jln_session_set_document (session, document);
  return session;
}

static GtkWidget *
show_list (JlnSession      *session,
           JlnActionList  **list)
{
  GtkWidget *window = gtk_window_new ();

  *list = JLN_ACTION_LIST (jln_action_list_new ());
  jln_action_list_set_session (*list, session);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (*list));
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 600);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_list (*list);
  return window;
}

/* With $JALONS_SCREENSHOT_DIR set, a picture of the widget to look at. */
static void
maybe_save_screenshot (GtkWidget  *widget,
                       const char *name)
{
  const char * const *languages = g_get_language_names ();
  g_autoptr(GdkTexture) texture = NULL;

  if (g_getenv ("JALONS_SCREENSHOT_DIR") == NULL)
    return;
  jln_test_wait_for_idle (widget);
  texture = jln_test_render_widget (widget);
  jln_test_save_screenshot (texture, name, g_str_has_prefix (languages[0], "fr") ? "fr" : "en");
}

/* A search that finds nothing says so, with help on searching and a
 * button that clears the search and shows every action again. */
static void
test_no_match (void)
{
  g_autofree char *json = g_build_filename (g_getenv ("JALONS_DATADIR"), "plans",
                                            "inserm-hrs4r-2022.json", NULL);
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(JlnDocument) document = jln_test_import_plan (json, "jalons-empty-XXXXXX", &dir, &path);
  g_autoptr(JlnSession) session = new_session (document);
  JlnQueryFilter *filter = jln_session_get_filter (session);
  JlnActionList *list;
  GtkWidget *window = show_list (session, &list);
  AdwStatusPage *page;
  GtkButton *button;

  g_assert_null (visible_status_page (GTK_WIDGET (list)));

  jln_query_filter_set_text (filter, "zyxwvut");
  wait_for_list (list);
  g_assert_cmpuint (jln_action_list_get_n_shown (list), ==, 0);
  page = visible_status_page (GTK_WIDGET (list));
  g_assert_nonnull (page);
  g_assert_cmpstr (adw_status_page_get_title (page), ==, "No Matching Actions");
  g_assert_nonnull (strstr (adw_status_page_get_description (page), "unit:RH"));
  maybe_save_screenshot (window, "list-no-match");

  button = GTK_BUTTON (adw_status_page_get_child (page));
  g_assert_cmpstr (gtk_button_get_label (button), ==, "_Clear the Search");
  g_signal_emit_by_name (button, "clicked");
  wait_for_list (list);
  g_assert_cmpstr (jln_query_filter_get_text (filter), ==, "");
  g_assert_cmpuint (jln_action_list_get_n_shown (list), ==, 112);
  g_assert_null (visible_status_page (GTK_WIDGET (list)));

  gtk_window_destroy (GTK_WINDOW (window));
  jln_test_clear_plan_dir (&dir, &path);
}

/* A new plan has no actions: the list says how to start. */
static void
test_empty_plan (void)
{
  g_autofree char *dir = g_dir_make_tmp ("jalons-empty-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "new.jalons", NULL);
  g_autoptr(JlnPlan) plan = jln_plan_new_untitled ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JlnDocument) document = jln_document_create (path, plan, NULL, &error);
  g_autoptr(JlnSession) session = new_session (document);
  JlnActionList *list;
  GtkWidget *window;
  AdwStatusPage *page;
  GtkButton *button;

  g_assert_no_error (error);
  window = show_list (session, &list);
  page = visible_status_page (GTK_WIDGET (list));
  g_assert_nonnull (page);
  g_assert_cmpstr (adw_status_page_get_title (page), ==, "No Actions Yet");
  maybe_save_screenshot (window, "list-empty-plan");
  button = GTK_BUTTON (adw_status_page_get_child (page));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "win.add-objective");

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&session);
  g_clear_object (&document);
  jln_test_clear_plan_dir (&dir, &path);
}

static gboolean
is_visible_hint (GtkWidget     *widget,
                 gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget) &&
         strstr (gtk_label_get_text (GTK_LABEL (widget)), "no actions yet") != NULL;
}

/* An objective with no actions says, in the editor, how to add one; an
 * objective with actions does not. */
static void
test_empty_objective (void)
{
  g_autofree char *dir = g_dir_make_tmp ("jalons-empty-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "new.jalons", NULL);
  g_autoptr(JlnPlan) plan = jln_plan_new_untitled ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JlnDocument) document = jln_document_create (path, plan, NULL, &error);
  g_autoptr(JlnRecord) objective = jln_record_new (JLN_KIND_OBJECTIVE, "number", "1",
                                                   "programme", "hrs4r",
                                                   "title-en", "Recruitment", NULL);
  g_autoptr(JlnRecord) action = jln_record_new (JLN_KIND_ACTION, "number", "1.1",
                                                "title-en", "Publish the offers",
                                                "status", "planned", NULL);
  GtkWidget *window = gtk_window_new ();
  JlnActionEditor *editor = JLN_ACTION_EDITOR (jln_action_editor_new ());
  g_autoptr(JlnSession) session = NULL;

  g_assert_no_error (error);
  jln_test_apply (document, jln_edit_new_insert (JLN_RECORD (jln_document_get_plan (document)),
                                                 objective, 0));
  session = new_session (document);
  jln_action_editor_set_session (editor, session);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (editor));
  gtk_window_present (GTK_WINDOW (window));

  jln_action_editor_set_record (editor, objective);
  JLN_TEST_WAIT_UNTIL (jln_test_find_widget (GTK_WIDGET (editor), is_visible_hint, NULL) != NULL);
  g_assert_nonnull (jln_test_find_widget (GTK_WIDGET (editor), is_visible_hint, NULL));
  maybe_save_screenshot (window, "editor-empty-objective");

  jln_test_apply (document, jln_edit_new_insert (objective, action, 0));
  jln_action_editor_set_record (editor, NULL);
  jln_action_editor_set_record (editor, objective);
  JLN_TEST_WAIT_UNTIL (jln_test_find_widget (GTK_WIDGET (editor), is_visible_hint, NULL) == NULL);
  g_assert_null (jln_test_find_widget (GTK_WIDGET (editor), is_visible_hint, NULL));

  gtk_window_destroy (GTK_WINDOW (window));
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

  g_test_add_func ("/gui/empty-states/no-match", test_no_match);
  g_test_add_func ("/gui/empty-states/empty-plan", test_empty_plan);
  g_test_add_func ("/gui/empty-states/empty-objective", test_empty_objective);

  return g_test_run ();
}
