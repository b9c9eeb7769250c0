/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib/gi18n.h>
#include <adwaita.h>
#include <gsf/gsf.h>

#include "jln-application.h"
#include "jln-document-dialog.h"
#include "jln-json.h"
#include "jln-plan-pages.h"
#include "jln-print.h"
#include "jln-principle.h"
#include "jln-principles-page.h"
#include "jln-query-filter.h"
#include "jln-session.h"

#include "jln-test-gui-utils.h"

static JlnApplication *application;
static char *tmp_dir;

static void
wait_destroyed (GtkWidget  **widget,
                const char  *what)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (*widget != NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  if (*widget != NULL)
    g_error ("%s: still open after 60 s", what);
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

static void
exported_cb (JlnDocumentDialog  *dialog,
             GFile              *file,
             char              **path)
{
  *path = g_file_get_path (file);
}

static char *
read_member (const char *path,
             const char *name)
{
  g_autoptr(GError) error = NULL;
  GsfInput *input = gsf_input_stdio_new (path, &error);
  GsfInfile *zip;
  GsfInput *member;
  char *text;
  gsize size;

  g_assert_no_error (error);
  zip = gsf_infile_zip_new (input, &error);
  g_assert_no_error (error);
  member = gsf_infile_child_by_name (zip, name);
  g_assert_nonnull (member);
  size = gsf_input_size (member);
  text = g_strndup ((const char *) gsf_input_read (member, size, NULL), size);
  g_object_unref (member);
  g_object_unref (zip);
  g_object_unref (input);
  return text;
}

static char *
pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-raw", path, "-", NULL };
  g_autoptr(GError) error = NULL;
  char *output = NULL;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &output, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return output;
}

/* A session on a new plan file made of the bundled plan, in @lang,
 * searching @search (or nothing). */
static JlnSession *
create_session (const char *file_name,
                JlnLang     lang,
                const char *search)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JlnPlan) plan = jln_json_load_plan (JLN_TEST_BUNDLED_PLAN, &error);
  g_autofree char *path = g_build_filename (tmp_dir, file_name, NULL);
  g_autoptr(JlnDocument) document = NULL;
  JlnSession *session = jln_session_new ();

  g_assert_no_error (error);
  document = jln_document_create (path, plan, NULL, &error);
  g_assert_no_error (error);
  jln_session_set_document (session, document);
  jln_session_set_content_language (session, lang);
  if (search != NULL)
    jln_query_filter_set_text (jln_session_get_filter (session), search);
  return session;
}

/* The EC template as ODT: the dialog writes it in a thread, says which
 * file it wrote and closes; the file holds the template's columns. */
static void
test_export_odt (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JlnSession) session = create_session ("ec.jalons", JLN_LANG_EN, NULL);
  g_autofree char *path = g_build_filename (tmp_dir, "ec.odt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *exported = NULL;
  g_autofree char *content = NULL;
  g_autofree char *name = NULL;
  JlnDocumentDialog *dialog;

  g_assert_no_error (error);
  dialog = jln_document_dialog_new (NULL, session, "Plan/2022");
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_cmpint (jln_document_dialog_get_kind (dialog), ==, JLN_PLAN_DOC_ACTIONS);
  g_assert_cmpint (jln_document_dialog_get_format (dialog), ==, JLN_DOCUMENT_FORMAT_PDF);
  jln_document_dialog_set_kind (dialog, JLN_PLAN_DOC_EC);
  jln_document_dialog_set_format (dialog, JLN_DOCUMENT_FORMAT_ODT);
  name = jln_document_dialog_dup_suggested_name (dialog);
  maybe_save_screenshot (GTK_WIDGET (dialog), "document-dialog");
  g_assert_true (g_str_has_prefix (name, "Plan-2022 – "));
  g_assert_true (g_str_has_suffix (name, ".odt"));

  g_signal_connect (dialog, "exported", G_CALLBACK (exported_cb), &exported);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  jln_document_dialog_export_to (dialog, file);
  g_assert_true (jln_document_dialog_is_running (dialog));
  g_assert_true (gtk_widget_is_visible (jln_test_find_child_of_type (GTK_WIDGET (dialog),
                                                                     GTK_TYPE_PROGRESS_BAR)));
  wait_destroyed ((GtkWidget **) &dialog, "ODT export");

  g_assert_cmpstr (exported, ==, path);
  content = read_member (path, "content.xml");
  g_assert_nonnull (strstr (content, "Proposed actions"));
  g_assert_nonnull (strstr (content, "GAP principle(s)"));
}

/* The window's Actions page prints and exports the action table: the
 * actions are enabled there, and Export View… offers the documents. */
static void
test_actions_page (void)
{
  g_autofree char *bundled = jln_application_dup_bundled_plan ();
  g_autofree char *path = g_build_filename (tmp_dir, "plan.jalons", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(JlnDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *toplevels = gtk_window_get_toplevels ();
  JlnWindow *window;
  GtkWidget *dialog = NULL;

  document = jln_document_import (bundled, path, &error);
  g_assert_no_error (error);
  window = jln_window_new (application);
  gtk_window_present (GTK_WINDOW (window));
  jln_window_open_file (window, file);
  jln_test_wait_for_document (window);

  g_assert_true (gtk_widget_get_visible (jln_window_get_action_list (window)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-view", NULL));
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) toplevel = g_list_model_get_item (toplevels, i);

      if (JLN_IS_DOCUMENT_DIALOG (toplevel))
        dialog = toplevel;
    }
  g_assert_nonnull (dialog);
  g_assert_cmpint (jln_document_dialog_get_kind (JLN_DOCUMENT_DIALOG (dialog)), ==, JLN_PLAN_DOC_ACTIONS);
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The Principles page: the 40 principles, those with no action counted
 * and marked; activating one shows its actions in the list. */
static void
test_principles_page (void)
{
  g_autofree char *bundled = jln_application_dup_bundled_plan ();
  g_autofree char *path = g_build_filename (tmp_dir, "principles.jalons", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(JlnDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) linked = NULL;
  JlnWindow *window;
  GtkWidget *page, *row;
  JlnPlan *plan;
  guint uncovered = 0, rows = 0;

  document = jln_document_import (bundled, path, &error);
  g_assert_no_error (error);
  window = jln_window_new (application);
  gtk_window_present (GTK_WINDOW (window));
  jln_window_open_file (window, file);
  jln_test_wait_for_document (window);
  plan = jln_document_get_plan (jln_window_get_document (window));
  linked = jln_plan_doc_index_principles (plan, NULL, jln_semester_today ());
  for (guint i = 0; i < g_list_model_get_n_items (jln_plan_get_principles (plan)); i++)
    {
      g_autoptr(JlnPrinciple) principle = g_list_model_get_item (jln_plan_get_principles (plan), i);

      uncovered += !g_hash_table_contains (linked, principle);
    }
  g_assert_cmpuint (uncovered, >, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.page", "s", "principles"));
  jln_test_wait_for_mapped (jln_test_find_child_of_type (GTK_WIDGET (window), JLN_TYPE_PRINCIPLES_PAGE));
  jln_test_wait_for_idle (GTK_WIDGET (window));
  page = jln_test_find_child_of_type (GTK_WIDGET (window), JLN_TYPE_PRINCIPLES_PAGE);
  g_assert_true (gtk_widget_get_mapped (page));
  g_assert_cmpuint (jln_principles_page_get_n_uncovered (JLN_PRINCIPLES_PAGE (page)), ==, uncovered);
  for (row = jln_test_find_child_of_type (page, ADW_TYPE_ACTION_ROW); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    rows += ADW_IS_ACTION_ROW (row);
  g_assert_cmpuint (rows, >, 0);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  maybe_save_screenshot (GTK_WIDGET (window), "principles-page");

  /* The first principle, “Research freedom”, opens its actions. */
  row = jln_test_find_child_of_type (page, ADW_TYPE_ACTION_ROW);
  adw_action_row_activate (ADW_ACTION_ROW (row));
  g_assert_cmpstr (jln_query_filter_get_text (jln_window_get_filter (window)), ==, "principle:1");
  g_assert_true (gtk_widget_get_mapped (jln_window_get_action_list (window)));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Printing the Actions page prints the action table on landscape pages,
 * its header on each. */
static void
test_print_actions (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JlnPlan) plan = jln_json_load_plan (JLN_TEST_BUNDLED_PLAN, &error);
  g_autoptr(JlnPicture) picture = NULL;
  g_autoptr(JlnRenderStyle) style = jln_render_style_new (JLN_RENDER_SCHEME_LIGHT, JLN_LANG_EN);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autofree char *path = g_build_filename (tmp_dir, "printed.pdf", NULL);
  g_autofree char *text = NULL;
  g_auto(GStrv) pages = NULL;

  g_assert_no_error (error);
  picture = JLN_PICTURE (jln_plan_pages_new (plan, JLN_PLAN_DOC_ACTIONS, NULL));
  operation = jln_print_operation_new (picture, style);
  gtk_print_operation_set_export_filename (operation, path);
  g_assert_cmpint (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error),
                   ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);

  text = pdf_text (path);
  pages = g_strsplit (text, "\f", -1);
  g_assert_cmpuint (g_strv_length (pages), >, 3);
  for (guint i = 0; pages[i + 1] != NULL; i++)
    g_assert_nonnull (strstr (pages[i], "To do when?"));
  g_assert_nonnull (strstr (text, "8.3."));
}

/* A filtered document as PDF: the actions of the search only. */
static void
test_export_filtered_pdf (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JlnSession) session = create_session ("filtered.jalons", JLN_LANG_FR, "objective:6");
  g_autofree char *path = g_build_filename (tmp_dir, "filtered.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *text = NULL;
  JlnDocumentDialog *dialog;

  g_assert_no_error (error);
  dialog = jln_document_dialog_new (NULL, session, "Plan");
  gtk_window_present (GTK_WINDOW (dialog));
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  jln_document_dialog_export_to (dialog, file);
  wait_destroyed ((GtkWidget **) &dialog, "PDF export");

  text = pdf_text (path);
  g_assert_nonnull (strstr (text, "Objectifs"));
  g_assert_nonnull (strstr (text, "Réalisé Quand"));
  g_assert_nonnull (strstr (text, "6.1."));
  g_assert_nonnull (strstr (text, "6.4."));
  g_assert_null (strstr (text, "1.1."));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *home = g_dir_make_tmp ("jalons-documents-XXXXXX", NULL);
  g_autofree char *data_home = g_build_filename (home, "data", NULL);
  int status;

  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_test_init (&argc, &argv, NULL);
  /* LANGUAGE=fr shows the windows in French, for screenshots. */
  setlocale (LC_ALL, "");
  textdomain (GETTEXT_PACKAGE);
  /* The words of a French document come from the build's catalogue. */
  bindtextdomain (GETTEXT_PACKAGE, BUILD_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  gtk_init ();
  adw_init ();
  tmp_dir = home;

  application = jln_application_new (G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (application), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/gui/document-dialog/odt", test_export_odt);
  g_test_add_func ("/gui/document-dialog/filtered-pdf", test_export_filtered_pdf);
  g_test_add_func ("/gui/document-dialog/actions-page", test_actions_page);
  g_test_add_func ("/gui/principles-page/coverage", test_principles_page);
  g_test_add_func ("/gui/print/actions", test_print_actions);

  status = g_test_run ();
  g_clear_object (&application);
  jln_test_remove_tree (home);
  return status;
}
