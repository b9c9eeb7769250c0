/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "jln-import-dialog.h"
#include "jln-objective.h"
#include "jln-window.h"

#include "jln-test-gui-utils.h"

static JlnApplication *application;

static char *
corpus (const char *name)
{
  return g_build_filename (IMPORT_DIR, name, NULL);
}

static void
wait_ready (JlnImportDialog *dialog)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (!jln_import_dialog_is_ready (dialog) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_true (jln_import_dialog_is_ready (dialog));
}

static gboolean
is_label_with_prefix (GtkWidget     *widget,
                      gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), data);
}

/* The report's list, not the one in the tables' drop-down. */
static gboolean
is_report_list (GtkWidget     *widget,
                gconstpointer  data)
{
  return GTK_IS_LIST_VIEW (widget) && gtk_widget_get_ancestor (widget, GTK_TYPE_POPOVER) == NULL;
}

static gboolean
is_button_with_label (GtkWidget     *widget,
                      gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), data) == 0;
}

static guint
count_actions (JlnPlan *plan)
{
  GListModel *objectives = jln_plan_get_objectives (plan);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (objectives); i++)
    {
      g_autoptr(JlnObjective) objective = g_list_model_get_item (objectives, i);

      n += g_list_model_get_n_items (jln_objective_get_actions (objective));
    }
  return n;
}

static JlnImportDialog *
find_dialog (void)
{
  GList *toplevels = gtk_window_list_toplevels ();
  JlnImportDialog *found = NULL;

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (JLN_IS_IMPORT_DIALOG (l->data))
      found = l->data;
  g_list_free (toplevels);
  return found;
}

static void
import_cb (JlnImportDialog *dialog,
           JlnPlan         *plan,
           const char      *path,
           gpointer         user_data)
{
  JlnPlan **imported = user_data;

  g_set_object (imported, plan);
}

/* The report is shown before anything is written; another table can be
 * chosen; Cancel writes nothing. */
static void
test_report (void)
{
  g_autofree char *path = corpus ("seed.odt");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  JlnImportDialog *dialog = jln_import_dialog_new (NULL, file);
  g_autoptr(JlnPlan) imported = NULL;
  GtkWidget *summary;
  GtkListView *view;
  GListModel *rows;
  g_autoptr(GtkStringObject) row = NULL;
  GPtrArray *lines;

  g_signal_connect (dialog, "import", G_CALLBACK (import_cb), &imported);
  gtk_window_present (GTK_WINDOW (dialog));
  wait_ready (dialog);

  summary = jln_test_find_widget (GTK_WIDGET (dialog), is_label_with_prefix, "106 rows → 8 objectives, 91 actions");
  g_assert_nonnull (summary);
  g_assert_true (strstr (gtk_label_get_text (GTK_LABEL (summary)), "from “Table1 and the 8 tables after it”") != NULL);
  g_assert_true (gtk_widget_is_visible (summary));

  view = GTK_LIST_VIEW (jln_test_find_widget (GTK_WIDGET (dialog), is_report_list, NULL));
  rows = G_LIST_MODEL (gtk_list_view_get_model (view));
  lines = jln_import_report_get_lines (jln_import_dialog_get_report (dialog));
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, lines->len);
  row = g_list_model_get_item (rows, 1);
  g_assert_cmpstr (gtk_string_object_get_string (row), ==,
                   "Row 2: 1. Recrutement | 1.1. | Augmenter la diffusion des offres d'emp… | 2017 | RH, DISC, DESP\n"
                   "→ new objective 1 “Recrutement”; action 1.1; Done; done 2017; new unit “RH”; "
                   "new unit “DISC”; new unit “DESP”; units RH, DISC, DESP");

  /* The fourth table of the document: objective 4, its first part. */
  jln_import_dialog_set_table (dialog, 4);
  wait_ready (dialog);
  g_assert_cmpuint (count_actions (jln_import_dialog_get_plan (dialog)), ==, 13);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.cancel", NULL));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_null (imported);
}

/* A broken file: the reason, and no way to import. */
static void
test_broken (void)
{
  g_autofree char *path = corpus ("hostile/entities.docx");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  JlnImportDialog *dialog = jln_import_dialog_new (NULL, file);
  AdwStatusPage *page;

  gtk_window_present (GTK_WINDOW (dialog));
  wait_ready (dialog);
  page = ADW_STATUS_PAGE (jln_test_find_child_of_type (GTK_WIDGET (dialog), ADW_TYPE_STATUS_PAGE));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (page)));
  g_assert_true (g_str_has_suffix (adw_status_page_get_description (page),
                                   "entities.docx: part “word/document.xml”: the XML declares a "
                                   "document type or entities, which office files never do; it is refused"));
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.import", NULL) &&
                  jln_import_dialog_get_plan (dialog) != NULL);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* Opening a spreadsheet in the window: the report, then Import makes a
 * plan file beside it and opens it. */
static void
test_window_import (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("jalons-import-dialog-XXXXXX", &error);
  g_autofree char *source = corpus ("seed-cp1252.csv");
  g_autofree char *path = g_build_filename (dir, "plan d'action.csv", NULL);
  g_autofree char *expected = g_build_filename (dir, "plan d'action.jalons", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GFile) file = NULL;
  gsize length;
  JlnWindow *window = jln_window_new (application);
  JlnImportDialog *dialog;
  JlnDocument *document;

  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (source, &contents, &length, &error));
  g_assert_true (g_file_set_contents (path, contents, length, &error));
  file = g_file_new_for_path (path);

  gtk_window_present (GTK_WINDOW (window));
  jln_window_open_file (window, file);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  wait_ready (dialog);
  g_assert_false (g_file_test (expected, G_FILE_TEST_EXISTS));

  if (g_getenv ("JALONS_SCREENSHOT_DIR") != NULL)
    {
      g_autoptr(GdkTexture) texture = NULL;

      jln_test_wait_for_idle (GTK_WIDGET (dialog));
      texture = jln_test_render_widget (GTK_WIDGET (dialog));
      jln_test_save_screenshot (texture, "import-dialog", g_getenv ("LANGUAGE"));
    }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.import", NULL));
  jln_test_wait_for_document (window);
  document = jln_window_get_document (window);
  g_assert_nonnull (document);
  g_assert_cmpstr (jln_document_get_path (document), ==, expected);
  g_assert_cmpuint (count_actions (jln_document_get_plan (document)), ==, 91);
  g_assert_nonnull (jln_test_find_action (document, "7.1"));
  g_assert_null (find_dialog ());

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  jln_test_remove_tree (dir);
}


/* With a plan open: its actions added to it, in one step that undo removes. */
static void
test_window_add (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *bundled = jln_application_dup_bundled_plan ();
  g_autofree char *dir = g_dir_make_tmp ("jalons-import-dialog-XXXXXX", &error);
  g_autofree char *plan_path = g_build_filename (dir, "plan.jalons", NULL);
  g_autofree char *source = corpus ("ec-template.xlsx");
  g_autoptr(GFile) plan_file = g_file_new_for_path (plan_path);
  g_autoptr(GFile) file = g_file_new_for_path (source);
  g_autoptr(JlnDocument) made = jln_document_import (bundled, plan_path, &error);
  JlnWindow *window = jln_window_new (application);
  JlnImportDialog *dialog;
  JlnDocument *document;
  GtkWidget *add_button;

  g_assert_no_error (error);
  g_clear_object (&made);
  gtk_window_present (GTK_WINDOW (window));
  jln_window_open_file (window, plan_file);
  jln_test_wait_for_document (window);
  document = jln_window_get_document (window);
  g_assert_cmpuint (count_actions (jln_document_get_plan (document)), ==, 112);

  jln_window_open_file (window, file);
  dialog = find_dialog ();
  wait_ready (dialog);
  add_button = jln_test_find_widget (GTK_WIDGET (dialog), is_button_with_label, "_Add to the Open Plan");
  g_assert_nonnull (add_button);
  g_assert_true (gtk_widget_get_visible (add_button));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.add", NULL));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_true (jln_window_get_document (window) == document);
  g_assert_cmpuint (count_actions (jln_document_get_plan (document)), ==, 121);
  g_assert_nonnull (jln_test_find_action (document, "8ACT"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpuint (count_actions (jln_document_get_plan (document)), ==, 112);
  g_assert_null (jln_test_find_action (document, "8ACT"));

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  jln_test_remove_tree (dir);
}


/* Rows copied from a spreadsheet, pasted into the open plan: the same
 * report, then one step that undo removes. */
static void
test_paste (void)
{
  static const char rows[] = "Objectifs\tN°\tComment ?\tA faire Quand ?\tQui ?\n"
                             "9. Nouvel objectif\t9.1\tRecruter mieux\tQ3 2024\tRH\n"
                             "\t9.2\tFormer les jurys\tEn cours\tDRH Paris\n";
  g_autoptr(GError) error = NULL;
  g_autofree char *bundled = jln_application_dup_bundled_plan ();
  g_autofree char *dir = g_dir_make_tmp ("jalons-import-dialog-XXXXXX", &error);
  g_autofree char *plan_path = g_build_filename (dir, "plan.jalons", NULL);
  g_autoptr(GFile) plan_file = g_file_new_for_path (plan_path);
  g_autoptr(JlnDocument) made = jln_document_import (bundled, plan_path, &error);
  g_autoptr(GBytes) bytes = g_bytes_new_static (rows, sizeof rows - 1);
  g_autoptr(GdkContentProvider) content = gdk_content_provider_new_for_bytes ("text/plain;charset=utf-8", bytes);
  JlnWindow *window = jln_window_new (application);
  JlnImportDialog *dialog = NULL;
  JlnDocument *document;
  gint64 deadline;

  g_assert_no_error (error);
  g_clear_object (&made);
  gtk_window_present (GTK_WINDOW (window));
  jln_window_open_file (window, plan_file);
  jln_test_wait_for_document (window);
  document = jln_window_get_document (window);

  g_assert_true (gdk_clipboard_set_content (gtk_widget_get_clipboard (GTK_WIDGET (window)), content));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.paste-rows", NULL));
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while ((dialog = find_dialog ()) == NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (dialog);
  wait_ready (dialog);
  g_assert_nonnull (jln_test_find_widget (GTK_WIDGET (dialog), is_label_with_prefix,
                                          "3 rows → 1 objective, 2 actions, 0 sub-items, 2 units; 0 warnings"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.add", NULL));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (count_actions (jln_document_get_plan (document)), ==, 114);
  g_assert_nonnull (jln_test_find_action (document, "9.2"));
  g_assert_nonnull (jln_test_find_objective (document, "9"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpuint (count_actions (jln_document_get_plan (document)), ==, 112);
  g_assert_null (jln_test_find_objective (document, "9"));

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  jln_test_remove_tree (dir);
}


static void
collect_dropdowns (GtkWidget *widget,
                   GPtrArray *found)
{
  if (GTK_IS_DROP_DOWN (widget) && gtk_widget_get_ancestor (widget, GTK_TYPE_EXPANDER) != NULL)
    g_ptr_array_add (found, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_dropdowns (child, found);
}

/* A table whose headers say nothing Jalons knows: the user says what each
 * column holds, and the report follows. */
static void
test_mapping (void)
{
  static const char text[] = "Clé;Texte;Pour quand;Service\n"
                             "1.1;Publier les offres;Q3 2022;RH\n"
                             "1.2;Former les jurys;En cours;RH, DISC\n";
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("jalons-import-dialog-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "mesures.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) dropdowns = g_ptr_array_new ();
  JlnImportDialog *dialog;
  JlnPlan *plan;

  g_assert_true (g_file_set_contents (path, text, -1, &error));
  dialog = jln_import_dialog_new (NULL, file);
  gtk_window_present (GTK_WINDOW (dialog));
  wait_ready (dialog);
  g_assert_null (jln_import_dialog_get_plan (dialog));
  {
    g_autofree char *message = g_strconcat (path, ": no table looks like an action plan", NULL);

    g_assert_nonnull (jln_test_find_widget (GTK_WIDGET (dialog), is_label_with_prefix, message));
  }
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.import", NULL) &&
                  jln_import_dialog_get_plan (dialog) != NULL);

  collect_dropdowns (GTK_WIDGET (dialog), dropdowns);
  g_assert_cmpuint (dropdowns->len, ==, 4);
  /* Keep in the note, Leave out, Objective, Objective's title, Number, Action, Done when,
   * Planned for, Status, Responsible units… */
  gtk_drop_down_set_selected (g_ptr_array_index (dropdowns, 0), 4);
  gtk_drop_down_set_selected (g_ptr_array_index (dropdowns, 1), 5);
  wait_ready (dialog);
  gtk_drop_down_set_selected (g_ptr_array_index (dropdowns, 2), 7);
  wait_ready (dialog);
  gtk_drop_down_set_selected (g_ptr_array_index (dropdowns, 3), 9);
  wait_ready (dialog);

  plan = jln_import_dialog_get_plan (dialog);
  g_assert_nonnull (plan);
  g_assert_cmpuint (count_actions (plan), ==, 2);
  if (g_getenv ("JALONS_SCREENSHOT_DIR") != NULL)
    {
      g_autoptr(GdkTexture) texture = NULL;

      jln_test_wait_for_idle (GTK_WIDGET (dialog));
      texture = jln_test_render_widget (GTK_WIDGET (dialog));
      jln_test_save_screenshot (texture, "import-mapping", g_getenv ("LANGUAGE"));
    }
  g_assert_nonnull (jln_test_find_widget (GTK_WIDGET (dialog), is_label_with_prefix,
                                          "3 rows → 1 objective, 2 actions, 0 sub-items, 2 units; 0 warnings"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  jln_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *home = g_dir_make_tmp ("jalons-import-dialog-XXXXXX", NULL);
  g_autofree char *data_home = g_build_filename (home, "data", NULL);
  int status;

  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, BUILD_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

  application = jln_application_new (G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (application), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/gui/import-dialog/report", test_report);
  g_test_add_func ("/gui/import-dialog/broken", test_broken);
  g_test_add_func ("/gui/import-dialog/window", test_window_import);
  g_test_add_func ("/gui/import-dialog/window-add", test_window_add);
  g_test_add_func ("/gui/import-dialog/paste", test_paste);
  g_test_add_func ("/gui/import-dialog/mapping", test_mapping);

  status = g_test_run ();
  g_clear_object (&application);
  jln_test_remove_tree (home);
  return status;
}
