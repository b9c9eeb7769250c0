/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window's files: opening a plan in a thread, importing one, the
 * file choosers, saving copies and exporting the actions. */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "config.h"
#include "jln-action.h"
#include "jln-action-editor.h"
#include "jln-action-item.h"
#include "jln-action-list.h"
#include "jln-backups-window.h"
#include "jln-changes-window.h"
#include "jln-csv.h"
#include "jln-document-dialog.h"
#include "jln-export-dialog.h"
#include "jln-import-dialog.h"
#include "jln-plan-dialog.h"
#include "jln-indicators-page.h"
#include "jln-json.h"
#include "jln-merge-window.h"
#include "jln-objective.h"
#include "jln-plan-pages.h"
#include "jln-principles-page.h"
#include "jln-review-page.h"
#include "jln-session.h"
#include "jln-sheet.h"
#include "jln-print.h"
#include "jln-timeline-view.h"
#include "jln-window-private.h"

/* --- Opening, in a thread -------------------------------------------------- */

typedef enum
{
  LOAD_OPEN,        /* a .jalons file */
  LOAD_IMPORT,      /* a .json file into a new .jalons */
  LOAD_CREATE,      /* a new, empty plan */
  LOAD_SAVE_COPY,   /* the current plan into another file */
} LoadKind;

typedef struct
{
  LoadKind     kind;
  char        *source;
  char        *path;
  JlnPlan     *plan;
  JlnWindow   *window;
  gboolean     quiet;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_free (data->source);
  g_free (data->path);
  g_clear_object (&data->plan);
  g_clear_object (&data->window);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoadData, load_data_free)

/* A new plan file is written in a thread; opening and importing are the
 * core's (jln_document_open_async()). */
static void
create_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  LoadData *data = task_data;
  GError *error = NULL;
  JlnDocument *document;

  document = jln_document_create (data->path, data->plan, data->source, &error);
  if (document == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, document, g_object_unref);
}

static void
loaded (JlnWindow    *self,
        LoadData     *data,
        JlnDocument  *document,
        const GError *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  _jln_window_set_busy (self, NULL);
  if (document == NULL)
    {
      if (_jln_window_get_document (self) != NULL)
        {
          gtk_stack_set_visible_child_name (self->main_stack, "plan");
          _jln_window_show_error_toast (self, error);
        }
      else
        {
          /* The reason may quote the file: the description is markup. */
          g_autofree char *escaped = g_markup_escape_text (error->message, -1);

          adw_status_page_set_description (self->error_page, escaped);
          gtk_stack_set_visible_child_name (self->main_stack, "error");
        }
      return;
    }

  _jln_window_set_document (self, document);
  if (_jln_window_get_application (self) != NULL)
    jln_application_add_document (_jln_window_get_application (self), document);
  if ((data->kind == LOAD_IMPORT || (data->kind == LOAD_CREATE && data->source != NULL)) &&
      !data->quiet)
    {
      g_autofree char *name = g_path_get_basename (data->path);
      g_autofree char *message = g_strdup_printf (_("Imported into “%s”"), name);

      _jln_window_show_toast (self, message);
    }
  else if (data->kind == LOAD_SAVE_COPY)
    _jln_window_show_toast (self, _("The plan was saved under this name and is now open"));
}

static void
created_cb (GObject      *source_object,
            GAsyncResult *result,
            gpointer      user_data)
{
  JlnWindow *self = JLN_WINDOW (source_object);
  g_autoptr(GError) error = NULL;
  g_autoptr(JlnDocument) document = g_task_propagate_pointer (G_TASK (result), &error);

  loaded (self, g_task_get_task_data (G_TASK (result)), document, error);
}

static void
opened_cb (GObject      *source_object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(LoadData) data = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JlnDocument) document = NULL;

  if (data->kind == LOAD_IMPORT)
    document = jln_document_import_finish (result, &error);
  else
    document = jln_document_open_finish (result, &error);
  loaded (data->window, data, document, error);
}

static void
start_load (JlnWindow  *self,
            LoadData   *data,
            const char *message)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(JlnDocument) shared = NULL;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  /* Another window has the plan open: share its document. */
  if (data->kind == LOAD_OPEN && _jln_window_get_application (self) != NULL &&
      (shared = jln_application_lookup_document (_jln_window_get_application (self), data->path)) != NULL)
    {
      load_data_free (data);
      _jln_window_set_busy (self, NULL);
      _jln_window_set_document (self, shared);
      return;
    }

  _jln_window_set_busy (self, message);
  switch (data->kind)
    {
    case LOAD_OPEN:
      /* The day's first opening keeps a copy. */
      data->window = g_object_ref (self);
      jln_document_open_async (data->path, JLN_DOCUMENT_OPEN_DAILY_BACKUP, self->cancellable,
                               opened_cb, data);
      break;
    case LOAD_SAVE_COPY:
      data->window = g_object_ref (self);
      jln_document_open_async (data->path, JLN_DOCUMENT_OPEN_DEFAULT, self->cancellable,
                               opened_cb, data);
      break;
    case LOAD_IMPORT:
      data->window = g_object_ref (self);
      jln_document_import_async (data->source, data->path, self->cancellable, opened_cb, data);
      break;
    case LOAD_CREATE:
      task = g_task_new (self, self->cancellable, created_cb, NULL);
      g_task_set_source_tag (task, start_load);
      g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
      g_task_run_in_thread (task, create_thread);
      break;
    default:
      g_assert_not_reached ();
    }
}

static gboolean
is_json (const char *path)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  return g_str_has_suffix (lower, ".json");
}

/* NAME.jalons beside NAME.json, or NAME-2.jalons… if it is taken. */
static char *
free_plan_path_for (const char *json_path)
{
  g_autofree char *dir = g_path_get_dirname (json_path);
  g_autofree char *base = g_path_get_basename (json_path);
  char *dot = strrchr (base, '.');

  if (dot != NULL)
    *dot = '\0';
  for (guint i = 1; i < 1000; i++)
    {
      g_autofree char *name = i == 1 ? g_strdup_printf ("%s.jalons", base)
                                     : g_strdup_printf ("%s-%u.jalons", base, i);
      char *path = g_build_filename (dir, name, NULL);

      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        return path;
      g_free (path);
    }
  return NULL;
}

static void
import_plan_cb (JlnImportDialog *dialog,
                JlnPlan         *plan,
                const char      *source,
                JlnWindow       *self)
{
  g_autofree char *name = g_path_get_basename (source);
  g_autofree char *message = g_strdup_printf (_("Importing “%s”…"), name);
  LoadData *data = g_new0 (LoadData, 1);

  data->kind = LOAD_CREATE;
  data->plan = g_object_ref (plan);
  data->source = g_strdup (name);
  data->path = free_plan_path_for (source);
  if (data->path == NULL)
    {
      g_autoptr(GError) error = g_error_new (G_FILE_ERROR, G_FILE_ERROR_EXIST,
                                             _("No free name for a plan beside “%s”"), name);

      load_data_free (data);
      _jln_window_show_error_toast (self, error);
      return;
    }
  start_load (self, data, message);
}

static void
add_plan_cb (JlnImportDialog *dialog,
             JlnPlan         *plan,
             const char      *source,
             JlnWindow       *self)
{
  g_autofree char *name = g_path_get_basename (source);
  g_autofree char *label = NULL;
  g_autofree char *message = NULL;
  g_autoptr(JlnEdit) edit = NULL;
  g_autoptr(GError) error = NULL;

  if (_jln_window_get_document (self) == NULL)
    return;
  /* Translators: the name of an undoable step; %s is a file name. */
  label = g_strdup_printf (_("Import “%s”"), name);
  edit = jln_import_edit_into (plan, jln_document_get_plan (_jln_window_get_document (self)), label);
  if (!jln_document_apply (_jln_window_get_document (self), edit, &error))
    {
      _jln_window_show_error_toast (self, error);
      return;
    }
  /* Translators: %s is a file name. */
  message = g_strdup_printf (_("The actions of “%s” were added; Undo removes them"), name);
  _jln_window_show_toast (self, message);
}

static void
pasted_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(JlnWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  JlnImportDialog *dialog = jln_import_dialog_new_for_clipboard_finish (result, GTK_WINDOW (self), &error);

  if (dialog == NULL)
    {
      _jln_window_show_error_toast (self, error);
      return;
    }
  g_signal_connect_object (dialog, "add", G_CALLBACK (add_plan_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Rows copied from a spreadsheet or a Word table, pasted into the plan. */
static void
paste_rows_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  JlnWindow *self = JLN_WINDOW (widget);

  if (_jln_window_get_document (self) == NULL)
    return;
  jln_import_dialog_new_for_clipboard_async (gtk_widget_get_clipboard (widget), NULL, pasted_cb,
                                             g_object_ref (self));
}

/* A spreadsheet or a Word table: its report first, then a new plan, or
 * its actions added to the open plan. */
static void
show_import_dialog (JlnWindow *self,
                    GFile     *file)
{
  JlnImportDialog *dialog = jln_import_dialog_new (GTK_WINDOW (self), file);

  /* Its parent first, when the window is new. */
  if (!gtk_widget_get_visible (GTK_WIDGET (self)))
    gtk_window_present (GTK_WINDOW (self));
  jln_import_dialog_set_can_add (dialog, _jln_window_get_document (self) != NULL);
  g_signal_connect_object (dialog, "import", G_CALLBACK (import_plan_cb), self, 0);
  g_signal_connect_object (dialog, "add", G_CALLBACK (add_plan_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * jln_window_open_file:
 *
 * Opens a plan file, or imports a JSON plan into a new plan file beside it.
 */
void
jln_window_open_file (JlnWindow *self,
                      GFile     *file)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *message = NULL;
  LoadData *data = g_new0 (LoadData, 1);

  g_return_if_fail (JLN_IS_WINDOW (self));

  if (path != NULL && jln_import_handles (path))
    {
      load_data_free (data);
      show_import_dialog (self, file);
      return;
    }
  if (path != NULL && is_json (path))
    {
      data->kind = LOAD_IMPORT;
      data->source = g_strdup (path);
      data->path = free_plan_path_for (path);
      message = g_strdup_printf (_("Importing “%s”…"), name);
    }
  else
    {
      data->kind = LOAD_OPEN;
      data->path = g_strdup (path);
      message = g_strdup_printf (_("Opening “%s”…"), name);
    }

  if (data->path == NULL)
    {
      g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                                                     _("Only local files can be opened"));
      load_data_free (data);
      _jln_window_show_error_toast (self, error);
      return;
    }
  start_load (self, data, message);
}

/**
 * jln_window_open_last:
 *
 * Reopens the plan opened last; on the very first run, the user's own
 * copy of the example plan, made from the bundled one.
 */
void
jln_window_open_last (JlnWindow *self)
{
  g_autofree char *last = g_settings_get_string (_jln_window_get_settings (self), "last-plan");
  g_autofree char *example = jln_application_dup_example_path ();
  LoadData *data;

  if (last[0] != '\0' && g_file_test (last, G_FILE_TEST_EXISTS))
    {
      g_autoptr(GFile) file = g_file_new_for_path (last);

      jln_window_open_file (self, file);
      return;
    }

  data = g_new0 (LoadData, 1);
  data->path = g_strdup (example);
  if (g_file_test (example, G_FILE_TEST_EXISTS))
    data->kind = LOAD_OPEN;
  else
    {
      g_autofree char *dir = g_path_get_dirname (example);

      g_mkdir_with_parents (dir, 0700);
      data->kind = LOAD_IMPORT;
      data->quiet = TRUE;
      data->source = jln_application_dup_bundled_plan ();
    }
  start_load (self, data, _("Opening the example plan…"));
}

/* --- File choosers --------------------------------------------------------- */

static void
chooser_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     JlnWindow       *self)
{
  JlnWindowChosenFunc func = g_object_get_data (G_OBJECT (dialog), "jln-chosen");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (file != NULL)
        func (self, file);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
add_filter (GtkFileChooser *chooser,
            const char     *name,
            const char     *pattern)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  g_auto(GStrv) patterns = g_strsplit (pattern, ";", 0);

  gtk_file_filter_set_name (filter, name);
  for (guint i = 0; patterns[i] != NULL; i++)
    gtk_file_filter_add_pattern (filter, patterns[i]);
  gtk_file_chooser_add_filter (chooser, filter);
}

void
_jln_window_choose_file (JlnWindow            *self,
                         GtkFileChooserAction  action,
                         const char           *title,
                         const char           *accept,
                         const char           *suggested_name,
                         const char           *filter_name,
                         const char           *pattern,
                         JlnWindowChosenFunc   func)
{
  GtkFileChooserNative *dialog = gtk_file_chooser_native_new (title, GTK_WINDOW (self), action,
                                                              accept, _("_Cancel"));

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  if (suggested_name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), suggested_name);
  if (filter_name != NULL)
    add_filter (GTK_FILE_CHOOSER (dialog), filter_name, pattern);
  if (filter_name != NULL && g_str_equal (pattern, "*.jalons"))
    {
      /* Opening takes plans and JSON plans alike. */
      GListModel *filters = gtk_file_chooser_get_filters (GTK_FILE_CHOOSER (dialog));
      g_autoptr(GtkFileFilter) first = g_list_model_get_item (filters, 0);

      gtk_file_filter_add_pattern (first, "*.json");
      g_object_unref (filters);
    }
  g_object_set_data (G_OBJECT (dialog), "jln-chosen", func);
  g_signal_connect (dialog, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static char *
with_suffix (GFile      *file,
             const char *suffix)
{
  g_autofree char *path = g_file_get_path (file);

  if (path == NULL || g_str_has_suffix (path, suffix))
    return g_steal_pointer (&path);
  return g_strconcat (path, suffix, NULL);
}

static void
open_chosen (JlnWindow *self,
             GFile     *file)
{
  jln_window_open_file (self, file);
}

static void
new_plan_chosen (JlnWindow *self,
                 GFile     *file)
{
  LoadData *data = g_new0 (LoadData, 1);
  JlnPlan *plan = jln_plan_new_untitled ();
  g_autoptr(GError) error = NULL;

  data->kind = LOAD_CREATE;
  data->path = with_suffix (file, ".jalons");
  data->plan = plan;
  if (g_file_test (data->path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *name = g_path_get_basename (data->path);

      error = g_error_new (G_FILE_ERROR, G_FILE_ERROR_EXIST,
                           _("“%s” already exists: choose another name"), name);
      _jln_window_show_error_toast (self, error);
      load_data_free (data);
      return;
    }
  start_load (self, data, _("Creating the plan…"));
}

static void
import_chosen (JlnWindow *self,
               GFile     *file)
{
  jln_window_open_file (self, file);
}

static void
save_copy_chosen (JlnWindow *self,
                  GFile     *file)
{
  LoadData *data = g_new0 (LoadData, 1);
  g_autoptr(GError) error = NULL;

  data->kind = LOAD_SAVE_COPY;
  data->path = with_suffix (file, ".jalons");
  if (g_file_test (data->path, G_FILE_TEST_EXISTS))
    {
      g_set_error_literal (&error, G_FILE_ERROR, G_FILE_ERROR_EXIST,
                           _("A file of that name already exists: choose another name"));
      _jln_window_show_error_toast (self, error);
      load_data_free (data);
      return;
    }

  /* The copy is made here rather than in the loading thread: the plan's
   * connection may be shared with other windows, which may write to it
   * meanwhile. Only the copy is then opened in the thread. */
  if (!jln_document_save_copy (_jln_window_get_document (self), data->path, &error))
    {
      _jln_window_show_error_toast (self, error);
      load_data_free (data);
      return;
    }
  start_load (self, data, _("Opening the copy…"));
}

typedef struct
{
  JlnPlan  *plan;
  JlnQuery *query;
  JlnLang   lang;
  gboolean  csv;
  char     *path;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_clear_object (&data->plan);
  g_clear_pointer (&data->query, jln_query_unref);
  g_free (data->path);
  g_free (data);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportData *data = task_data;
  g_autoptr(GBytes) bytes = NULL;
  GError *error = NULL;

  if (jln_sheet_format_from_path (data->path))
    {
      if (jln_sheet_write_actions (data->plan, data->query, data->lang, data->path, cancellable, &error))
        g_task_return_boolean (task, TRUE);
      else
        g_task_return_error (task, error);
      return;
    }
  if (data->csv)
    bytes = jln_csv_write_actions_full (data->plan, data->query, data->lang, ',');
  else
    bytes = jln_json_write_plan (data->plan);

  if (jln_write_file_atomically (data->path, g_bytes_get_data (bytes, NULL),
                                 g_bytes_get_size (bytes), &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
export_done_cb (GObject      *source_object,
                GAsyncResult *result,
                gpointer      user_data)
{
  JlnWindow *self = JLN_WINDOW (source_object);
  ExportData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  _jln_window_set_busy (self, NULL);
  gtk_stack_set_visible_child_name (self->main_stack, "plan");
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      _jln_window_show_error_toast (self, error);
      return;
    }
  name = g_path_get_basename (data->path);
  message = g_strdup_printf (_("Exported to “%s”"), name);
  _jln_window_show_toast (self, message);
}

/* Exporting reads the plan in a thread; the plan is not shown, and so
 * cannot be changed, until it is done. */
static void
export_chosen (JlnWindow *self,
               GFile     *file)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *lower = NULL;
  g_autoptr(GTask) task = NULL;
  JlnQuery *query;
  ExportData *data;

  if (path == NULL || _jln_window_get_document (self) == NULL)
    return;

  lower = g_ascii_strdown (path, -1);
  if (!g_str_has_suffix (lower, ".csv") && !g_str_has_suffix (lower, ".json")
      && !jln_sheet_format_from_path (lower))
    {
      _jln_window_show_toast (self, _("Choose a name ending in .csv, .ods, .xlsx or .json"));
      return;
    }

  data = g_new0 (ExportData, 1);
  data->plan = g_object_ref (jln_document_get_plan (_jln_window_get_document (self)));
  query = jln_query_filter_get_query (jln_session_get_filter (self->session));
  data->query = query != NULL ? jln_query_ref (query) : NULL;
  data->lang = jln_session_get_content_language (self->session);
  data->csv = g_str_has_suffix (lower, ".csv");
  data->path = g_steal_pointer (&path);

  _jln_window_set_busy (self, _("Exporting…"));
  task = g_task_new (self, NULL, export_done_cb, NULL);
  g_task_set_source_tag (task, export_chosen);
  g_task_set_task_data (task, data, (GDestroyNotify) export_data_free);
  g_task_run_in_thread (task, export_thread);
}

/* --- Actions --------------------------------------------------------------- */

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  _jln_window_choose_file (JLN_WINDOW (widget), GTK_FILE_CHOOSER_ACTION_OPEN, _("Open a Plan"), _("_Open"),
               NULL, _("Plans and JSON plans"), "*.jalons", open_chosen);
}

static void
open_recent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  g_autoptr(GFile) file = g_file_new_for_path (g_variant_get_string (parameter, NULL));

  jln_window_open_file (JLN_WINDOW (widget), file);
}

static void
new_plan_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  _jln_window_choose_file (JLN_WINDOW (widget), GTK_FILE_CHOOSER_ACTION_SAVE, _("New Plan"), _("_Create"),
               _("New plan.jalons"), NULL, NULL, new_plan_chosen);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  _jln_window_choose_file (JLN_WINDOW (widget), GTK_FILE_CHOOSER_ACTION_OPEN, _("Import a Plan"), _("_Import"),
               NULL, _("Plans in JSON, spreadsheets and documents"),
               "*.json;*.csv;*.tsv;*.ods;*.xlsx;*.odt;*.docx", import_chosen);
}

static void
save_copy_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  JlnWindow *self = JLN_WINDOW (widget);
  g_autofree char *name = NULL;

  if (_jln_window_get_document (self) == NULL)
    return;
  name = g_path_get_basename (jln_document_get_path (_jln_window_get_document (self)));
  _jln_window_choose_file (self, GTK_FILE_CHOOSER_ACTION_SAVE, _("Save As"), _("_Save"), name,
               NULL, NULL, save_copy_chosen);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  JlnWindow *self = JLN_WINDOW (widget);

  if (_jln_window_get_document (self) == NULL)
    return;
  _jln_window_choose_file (self, GTK_FILE_CHOOSER_ACTION_SAVE, _("Export the Actions"), _("_Export"),
               /* Translators: the suggested name of an export; keep the .csv. */
               _("actions.csv"), NULL, NULL, export_chosen);
}

static void
save_copy_office_chosen (JlnWindow *self,
                         GFile     *file)
{
  g_autofree char *path = with_suffix (file, ".jalons");
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *escaped = g_markup_escape_text (name, -1);
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;

  if (!jln_document_save_copy (_jln_window_get_document (self), path, &error))
    {
      _jln_window_show_error_toast (self, error);
      return;
    }
  /* Translators: %s is a file name. */
  message = g_strdup_printf (_("Copy saved as %s: merge it back with Merge a Copy"), escaped);
  _jln_window_show_toast (self, message);
}

static void
save_copy_office_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  JlnWindow *self = JLN_WINDOW (widget);

  if (_jln_window_get_document (self) != NULL)
    _jln_window_choose_file (self, GTK_FILE_CHOOSER_ACTION_SAVE, _("Save a Copy for an Office"), _("_Save"),
                 /* Translators: the suggested name of an office's copy; keep the .jalons. */
                 _("plan for an office.jalons"), NULL, NULL, save_copy_office_chosen);
}

void
_jln_window_class_add_file_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.new-plan", NULL, new_plan_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.paste-rows", NULL, paste_rows_action);
  gtk_widget_class_install_action (widget_class, "win.save-copy", NULL, save_copy_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.save-copy-office", NULL, save_copy_office_action);
}
