/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>
#include <adwaita.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>

#include "jln-export-dialog.h"
#include "jln-preferences-window.h"
#include "jln-print.h"

#include "jln-test-gui-utils.h"

/* A picture of three rows of boxes with text, one row a page, that can be
 * slowed down so that an export is still running when the test cancels. */
#define TEST_TYPE_PICTURE (test_picture_get_type ())
G_DECLARE_FINAL_TYPE (TestPicture, test_picture, TEST, PICTURE, GObject)

struct _TestPicture
{
  GObject parent_instance;
  guint   page_delay_ms;
  guint   paginate_delay_ms;
  guint  *ticks;              /* counted by the main loop, read while paginating */
  guint   ticks_while_paginating;
};

static void test_picture_iface_init (JlnPictureInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TestPicture, test_picture, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (JLN_TYPE_PICTURE, test_picture_iface_init))

#define N_ROWS 3

static void
test_picture_get_size (JlnPicture           *picture,
                       const JlnRenderStyle *style,
                       double               *width,
                       double               *height)
{
  *width = 600;
  *height = 100 * N_ROWS;
}

static void
draw_row (cairo_t              *cr,
          const JlnRenderStyle *style,
          guint                 row)
{
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  static const JlnRenderColor colors[N_ROWS] = {
    JLN_RENDER_COLOR_ACCENT, JLN_RENDER_COLOR_DONE, JLN_RENDER_COLOR_OVERDUE,
  };
  g_autofree char *text = g_strdup_printf ("Row %u", row + 1);

  jln_render_style_set_source (style, cr, colors[row]);
  cairo_rectangle (cr, 100 + 50 * row, 20, 300, 60);
  cairo_fill (cr);
  jln_render_style_set_source (style, cr, JLN_RENDER_COLOR_FOREGROUND);
  pango_layout_set_font_description (layout, jln_render_style_get_font (style, JLN_RENDER_FONT_BODY));
  pango_layout_set_text (layout, text, -1);
  cairo_move_to (cr, 10, 40);
  pango_cairo_show_layout (cr, layout);
}

static void
test_picture_draw (JlnPicture           *picture,
                   cairo_t              *cr,
                   const JlnRenderStyle *style)
{
  for (guint row = 0; row < N_ROWS; row++)
    {
      cairo_save (cr);
      cairo_translate (cr, 0, 100 * row);
      draw_row (cr, style, row);
      cairo_restore (cr);
    }
}

static guint
test_picture_paginate (JlnPicture           *picture,
                       const JlnRenderStyle *style,
                       double                width,
                       double                height)
{
  TestPicture *self = TEST_PICTURE (picture);

  g_assert_cmpfloat (width, >, 300);
  g_assert_cmpfloat (width, >, height);
  if (self->paginate_delay_ms > 0)
    {
      guint before = g_atomic_int_get (self->ticks);

      g_usleep (self->paginate_delay_ms * 1000);
      self->ticks_while_paginating = g_atomic_int_get (self->ticks) - before;
    }
  return N_ROWS;
}

static void
test_picture_draw_page (JlnPicture           *picture,
                        cairo_t              *cr,
                        const JlnRenderStyle *style,
                        guint                 page,
                        double                width,
                        double                height)
{
  g_assert_cmpuint (page, <, N_ROWS);
  /* A slow page: the delay is the point, so that the export is seen in
   * progress, and cancelled or destroyed, while its thread draws. */
  if (TEST_PICTURE (picture)->page_delay_ms > 0)
    g_usleep (TEST_PICTURE (picture)->page_delay_ms * 1000);
  draw_row (cr, style, page);
}

static char *
test_picture_dup_title (JlnPicture           *picture,
                        const JlnRenderStyle *style)
{
  return g_strdup ("Test picture");
}

static void
test_picture_iface_init (JlnPictureInterface *iface)
{
  iface->get_size = test_picture_get_size;
  iface->draw = test_picture_draw;
  iface->paginate = test_picture_paginate;
  iface->draw_page = test_picture_draw_page;
  iface->dup_title = test_picture_dup_title;
}

static void
test_picture_class_init (TestPictureClass *klass)
{
}

static void
test_picture_init (TestPicture *self)
{
}

/* --- Helpers --------------------------------------------------------------- */

static char *tmp_dir;

static char *
tmp_path (const char *name)
{
  return g_build_filename (tmp_dir, name, NULL);
}

static void
wait_destroyed (GtkWidget **widget,
                const char *what)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (*widget != NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  if (*widget != NULL)
    g_error ("%s: still open after 20 s", what);
}

/* pdfinfo's "Pages:" and "Page size:" lines. */
static void
read_pdf_info (const char *path,
               guint      *pages,
               double     *width,
               double     *height)
{
  g_autofree char *command = g_strdup_printf ("pdfinfo '%s'", path);
  g_autofree char *output = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  int status;

  g_assert_true (g_spawn_command_line_sync (command, &output, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
  *pages = 0;
  *width = *height = 0;
  lines = g_strsplit (output, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "Pages:"))
      *pages = (guint) g_ascii_strtoull (lines[i] + strlen ("Pages:"), NULL, 10);
    else if (g_str_has_prefix (lines[i], "Page size:"))
      g_assert_cmpint (sscanf (lines[i], "Page size: %lf x %lf", width, height), ==, 2);
}

static JlnExportDialog *
new_dialog (JlnPicture *picture)
{
  g_autoptr(JlnSession) session = jln_session_new ();
  JlnExportDialog *dialog;

  jln_session_set_content_language (session, JLN_LANG_EN);
  dialog = jln_export_dialog_new (NULL, session, picture, "Plan/2022 – Timeline");
  gtk_window_present (GTK_WINDOW (dialog));
  jln_test_wait_for_mapped (GTK_WIDGET (dialog));
  return dialog;
}

static void
exported_cb (JlnExportDialog  *dialog,
             GFile            *file,
             char            **path)
{
  *path = g_file_get_path (file);
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (d != NULL && g_dir_read_name (d) != NULL)
    n++;
  return n;
}

/* With $JALONS_SCREENSHOT_DIR set, a picture of the dialog to look at. */
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

/* --- Tests ----------------------------------------------------------------- */

/* The options start from the preferences; the rows that do not apply to
 * the format are insensitive; the suggested name follows the format. */
static void
test_defaults (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(JlnPicture) picture = g_object_new (TEST_TYPE_PICTURE, NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *expected_pdf = g_strdup_printf ("Plan-2022 – Timeline %s.pdf", date);
  g_autofree char *expected_png = g_strdup_printf ("Plan-2022 – Timeline %s.png", date);
  g_autofree char *name = NULL;
  JlnExportDialog *dialog;
  GtkWidget *page_row, *scale_row;

  g_settings_set_enum (settings, "export-page", JLN_PAGE_SLIDE);
  g_settings_set_double (settings, "png-scale", 3.5);
  dialog = new_dialog (picture);

  g_assert_cmpint (jln_export_dialog_get_format (dialog), ==, JLN_EXPORT_PDF);
  g_assert_cmpint (jln_export_dialog_get_page (dialog), ==, JLN_PAGE_SLIDE);
  g_assert_cmpfloat (jln_export_dialog_get_scale (dialog), ==, 3.5);
  name = jln_export_dialog_dup_suggested_name (dialog);
  g_assert_cmpstr (name, ==, expected_pdf);
  maybe_save_screenshot (GTK_WIDGET (dialog), "export-dialog");

  page_row = jln_test_find_child_of_type (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW);
  page_row = gtk_widget_get_next_sibling (page_row);
  scale_row = gtk_widget_get_next_sibling (page_row);
  g_assert_true (gtk_widget_get_sensitive (page_row));
  g_assert_false (gtk_widget_get_sensitive (scale_row));

  jln_export_dialog_set_format (dialog, JLN_EXPORT_PNG);
  g_assert_false (gtk_widget_get_sensitive (page_row));
  g_assert_true (gtk_widget_get_sensitive (scale_row));
  g_free (name);
  name = jln_export_dialog_dup_suggested_name (dialog);
  g_assert_cmpstr (name, ==, expected_png);

  gtk_window_destroy (GTK_WINDOW (dialog));
  g_settings_reset (settings, "export-page");
  g_settings_reset (settings, "png-scale");
}

/* A PDF on A3 pages, one page for each of the picture's pages; the
 * dialog closes and says which file it wrote. */
static void
test_export_pdf (void)
{
  g_autoptr(JlnPicture) picture = g_object_new (TEST_TYPE_PICTURE, NULL);
  g_autofree char *path = tmp_path ("timeline.pdf");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *exported = NULL;
  JlnExportDialog *dialog = new_dialog (picture);
  guint pages;
  double width, height;

  jln_export_dialog_set_format (dialog, JLN_EXPORT_PDF);
  jln_export_dialog_set_page (dialog, JLN_PAGE_A3);
  g_signal_connect (dialog, "exported", G_CALLBACK (exported_cb), &exported);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  jln_export_dialog_export_to (dialog, file);
  g_assert_true (jln_export_dialog_is_running (dialog));
  wait_destroyed ((GtkWidget **) &dialog, "PDF export");

  g_assert_cmpstr (exported, ==, path);
  read_pdf_info (path, &pages, &width, &height);
  g_assert_cmpuint (pages, ==, N_ROWS);
  g_assert_cmpfloat_with_epsilon (width, 1190.55, 1);
  g_assert_cmpfloat_with_epsilon (height, 841.89, 1);
}

/* A PNG at the chosen scale: the picture's size times the scale. */
static void
test_export_png (void)
{
  g_autoptr(JlnPicture) picture = g_object_new (TEST_TYPE_PICTURE, NULL);
  g_autofree char *path = tmp_path ("timeline.png");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  JlnExportDialog *dialog = new_dialog (picture);

  jln_export_dialog_set_format (dialog, JLN_EXPORT_PNG);
  jln_export_dialog_set_scale (dialog, 1.5);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  jln_export_dialog_export_to (dialog, file);
  wait_destroyed ((GtkWidget **) &dialog, "PNG export");

  texture = gdk_texture_new_from_filename (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, 900);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, 450);
}

/* Cancel while the pages are drawn: no file at all, not even a
 * temporary one, and the dialog closes. */
static void
test_cancel (void)
{
  g_autoptr(JlnPicture) picture = g_object_new (TEST_TYPE_PICTURE, NULL);
  g_autofree char *dir = tmp_path ("cancel");
  g_autofree char *path = g_build_filename (dir, "cancelled.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *exported = NULL;
  JlnExportDialog *dialog;
  GtkProgressBar *progress;

  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  TEST_PICTURE (picture)->page_delay_ms = 300;
  dialog = new_dialog (picture);
  g_signal_connect (dialog, "exported", G_CALLBACK (exported_cb), &exported);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  jln_export_dialog_export_to (dialog, file);

  progress = GTK_PROGRESS_BAR (jln_test_find_child_of_type (GTK_WIDGET (dialog), GTK_TYPE_PROGRESS_BAR));
  g_assert_true (gtk_widget_is_visible (GTK_WIDGET (progress)));
  JLN_TEST_WAIT_UNTIL (gtk_progress_bar_get_fraction (progress) > 0);
  g_assert_cmpfloat (gtk_progress_bar_get_fraction (progress), >, 0);
  maybe_save_screenshot (GTK_WIDGET (dialog), "export-dialog-progress");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "export.cancel", NULL));
  wait_destroyed ((GtkWidget **) &dialog, "cancelled export");

  g_assert_null (exported);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_files (dir), ==, 0);
}

/* Closing everything during an export, as quitting does, stops it and
 * leaves no file. */
static void
test_destroy_while_running (void)
{
  g_autoptr(JlnPicture) picture = g_object_new (TEST_TYPE_PICTURE, NULL);
  g_autofree char *dir = tmp_path ("destroyed");
  g_autofree char *path = g_build_filename (dir, "destroyed.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  JlnExportDialog *dialog;

  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  TEST_PICTURE (picture)->page_delay_ms = 200;
  dialog = new_dialog (picture);
  jln_export_dialog_export_to (dialog, file);
  JLN_TEST_WAIT_UNTIL (jln_export_dialog_is_running (dialog));
  /* Destroyed while it exports: it is gone once its thread is done. */
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_window_destroy (GTK_WINDOW (dialog));
  wait_destroyed ((GtkWidget **) &dialog, "destroyed export");

  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_files (dir), ==, 0);
}

static gboolean
is_message_dialog (GtkWindow **found)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        {
          *found = window;
          return TRUE;
        }
    }
  return FALSE;
}

/* A folder that does not exist: a dialog says what failed and where, and
 * the export dialog stays open to try elsewhere. */
static void
test_error (void)
{
  g_autoptr(JlnPicture) picture = g_object_new (TEST_TYPE_PICTURE, NULL);
  g_autofree char *path = tmp_path ("missing-folder/timeline.svg");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  JlnExportDialog *dialog = new_dialog (picture);
  GtkWindow *message = NULL;
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  const char *body;

  jln_export_dialog_set_format (dialog, JLN_EXPORT_SVG);
  jln_export_dialog_export_to (dialog, file);
  while (!is_message_dialog (&message) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (message);

  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (message)), ==, "Export Failed");
  body = adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (message));
  g_assert_nonnull (strstr (body, "“timeline.svg”"));
  g_assert_nonnull (strstr (body, "missing-folder"));
  g_assert_false (jln_export_dialog_is_running (dialog));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  gtk_window_destroy (message);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static gboolean
focus_reaches (GtkWindow *window,
               GtkWidget *target)
{
  GtkWidget *first = NULL;

  for (guint step = 0; step < 50; step++)
    {
      GtkWidget *focus;

      if (!gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD))
        gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD);
      focus = gtk_root_get_focus (GTK_ROOT (window));
      if (focus != NULL && (focus == target || gtk_widget_is_ancestor (focus, target)))
        return TRUE;
      if (focus == first)
        return FALSE;
      if (first == NULL)
        first = focus;
    }
  return FALSE;
}

/* Every option, Cancel and Export are reached with Tab; Enter exports,
 * as the default button is Export. */
static void
test_keyboard (void)
{
  g_autoptr(JlnPicture) picture = g_object_new (TEST_TYPE_PICTURE, NULL);
  JlnExportDialog *dialog = new_dialog (picture);
  GtkWidget *format_row = jln_test_find_child_of_type (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW);
  GtkWidget *page_row = gtk_widget_get_next_sibling (format_row);
  GtkWidget *spin = jln_test_find_child_of_type (GTK_WIDGET (dialog), GTK_TYPE_SPIN_BUTTON);
  GtkWidget *header = jln_test_find_child_of_type (GTK_WIDGET (dialog), ADW_TYPE_HEADER_BAR);
  GtkWidget *export_button = gtk_window_get_default_widget (GTK_WINDOW (dialog));
  GtkWidget *cancel_button;

  g_assert_true (GTK_IS_BUTTON (export_button));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (export_button)), ==, "_Export…");
  cancel_button = jln_test_find_child_of_type (header, GTK_TYPE_BUTTON);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (cancel_button)), ==, "_Cancel");

  g_assert_true (focus_reaches (GTK_WINDOW (dialog), format_row));
  g_assert_true (focus_reaches (GTK_WINDOW (dialog), page_row));
  g_assert_true (focus_reaches (GTK_WINDOW (dialog), cancel_button));
  g_assert_true (focus_reaches (GTK_WINDOW (dialog), export_button));
  g_assert_false (focus_reaches (GTK_WINDOW (dialog), spin));
  jln_export_dialog_set_format (dialog, JLN_EXPORT_PNG);
  g_assert_true (focus_reaches (GTK_WINDOW (dialog), spin));
  g_assert_false (focus_reaches (GTK_WINDOW (dialog), page_row));

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "export.cancel", NULL));
  wait_destroyed ((GtkWidget **) &dialog, "cancelled dialog");
}

/* Printing lays the picture out on landscape pages with the same painter:
 * printed to a PDF file, it has the picture's three pages. */
static void
test_print (void)
{
  g_autoptr(JlnPicture) picture = g_object_new (TEST_TYPE_PICTURE, NULL);
  g_autoptr(JlnRenderStyle) style = jln_render_style_new (JLN_RENDER_SCHEME_LIGHT, JLN_LANG_EN);
  g_autoptr(GtkPrintOperation) operation = jln_print_operation_new (picture, style);
  g_autofree char *path = tmp_path ("printed.pdf");
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;
  GtkPageSetup *setup;
  guint pages;
  double width, height;

  setup = gtk_print_operation_get_default_page_setup (operation);
  g_assert_nonnull (setup);
  g_assert_cmpint (gtk_page_setup_get_orientation (setup), ==, GTK_PAGE_ORIENTATION_LANDSCAPE);

  gtk_print_operation_set_export_filename (operation, path);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);

  read_pdf_info (path, &pages, &width, &height);
  g_assert_cmpuint (pages, ==, N_ROWS);
  g_assert_cmpfloat (width, >, height);
  g_assert_cmpfloat_with_epsilon (width, 841.89, 1);
}

static gboolean
tick_cb (gpointer data)
{
  g_atomic_int_inc ((guint *) data);
  return G_SOURCE_CONTINUE;
}

/* Laying out the pages of a large plan takes time: the window goes on
 * (here, a timeout of the main loop keeps firing) while it is done, and
 * the pages come out the same. */
static void
test_print_paginates_aside (void)
{
  g_autoptr(JlnPicture) picture = g_object_new (TEST_TYPE_PICTURE, NULL);
  g_autoptr(JlnRenderStyle) style = jln_render_style_new (JLN_RENDER_SCHEME_LIGHT, JLN_LANG_EN);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autofree char *path = tmp_path ("printed-slowly.pdf");
  g_autoptr(GError) error = NULL;
  guint ticks = 0;
  guint tick_id;
  guint pages;
  double width, height;

  TEST_PICTURE (picture)->paginate_delay_ms = 400;
  TEST_PICTURE (picture)->ticks = &ticks;
  operation = jln_print_operation_new (picture, style);
  tick_id = g_timeout_add (10, tick_cb, &ticks);

  gtk_print_operation_set_export_filename (operation, path);
  g_assert_cmpint (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error),
                   ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);
  g_source_remove (tick_id);

  /* 400 ms of layout: the main loop ran meanwhile. */
  g_assert_cmpuint (TEST_PICTURE (picture)->ticks_while_paginating, >=, 5);
  read_pdf_info (path, &pages, &width, &height);
  g_assert_cmpuint (pages, ==, N_ROWS);
}

/* The settings of one printing are those of the next, for the session. */
static void
test_print_settings_kept (void)
{
  g_autoptr(JlnPicture) picture = g_object_new (TEST_TYPE_PICTURE, NULL);
  g_autoptr(JlnRenderStyle) style = jln_render_style_new (JLN_RENDER_SCHEME_LIGHT, JLN_LANG_EN);
  g_autoptr(GtkPrintOperation) first = jln_print_operation_new (picture, style);
  g_autoptr(GtkPrintOperation) second = NULL;
  g_autoptr(GtkPrintSettings) settings = gtk_print_settings_new ();
  g_autofree char *path = tmp_path ("printed-twice.pdf");
  g_autoptr(GError) error = NULL;
  GtkPrintSettings *kept;

  gtk_print_settings_set_n_copies (settings, 3);
  gtk_print_operation_set_print_settings (first, settings);
  gtk_print_operation_set_export_filename (first, path);
  g_assert_cmpint (gtk_print_operation_run (first, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error),
                   ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);

  second = jln_print_operation_new (picture, style);
  kept = gtk_print_operation_get_print_settings (second);
  g_assert_nonnull (kept);
  g_assert_cmpint (gtk_print_settings_get_n_copies (kept), ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  /* LANGUAGE=fr shows the windows in French, for screenshots. */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, BUILD_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  gtk_init ();
  adw_init ();
  tmp_dir = g_dir_make_tmp ("jalons-export-XXXXXX", NULL);

  g_test_add_func ("/gui/export-dialog/defaults", test_defaults);
  g_test_add_func ("/gui/export-dialog/pdf", test_export_pdf);
  g_test_add_func ("/gui/export-dialog/png", test_export_png);
  g_test_add_func ("/gui/export-dialog/cancel", test_cancel);
  g_test_add_func ("/gui/export-dialog/destroy-while-running", test_destroy_while_running);
  g_test_add_func ("/gui/export-dialog/error", test_error);
  g_test_add_func ("/gui/export-dialog/keyboard", test_keyboard);
  g_test_add_func ("/gui/print/pdf", test_print);
  g_test_add_func ("/gui/print/settings-kept", test_print_settings_kept);
  g_test_add_func ("/gui/print/paginates-aside", test_print_paginates_aside);

  status = g_test_run ();
  jln_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  return status;
}
