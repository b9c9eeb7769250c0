/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "jln-document-dialog.h"
#include "jln-plan-pages.h"
#include "jln-progress-group.h"
#include "jln-session.h"

/* Asks which document of the plan to export and in which format, asks
 * where, then writes it in a thread while showing the progress, with
 * Cancel. The file is written whole or not at all; on success the dialog
 * closes and emits ::exported. */
struct _JlnDocumentDialog
{
  AdwWindow       parent_instance;

  JlnSession     *session;
  JlnPlan        *plan;        /* the session's, its query and language, when opened */
  JlnQuery       *query;
  JlnLang         lang;
  JlnPageFormat   page;        /* of a PDF: the preference of PDF exports */
  char           *name;

  /* Template widgets */
  GtkButton           *export_button;
  AdwPreferencesGroup *options_group;
  AdwComboRow         *kind_row;
  AdwComboRow         *format_row;
  AdwActionRow        *filter_row;
  JlnProgressGroup    *progress_group;
};

G_DEFINE_FINAL_TYPE (JlnDocumentDialog, jln_document_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  EXPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const struct
{
  const char *extension;
  const char *pattern;
  const char *mime_type;
} formats[] = {
  [JLN_DOCUMENT_FORMAT_PDF] = { ".pdf", "*.pdf", "application/pdf" },
  [JLN_DOCUMENT_FORMAT_ODT] = { ".odt", "*.odt", "application/vnd.oasis.opendocument.text" },
  [JLN_DOCUMENT_FORMAT_DOCX] = { ".docx", "*.docx",
                                 "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
};

static void
set_running (JlnDocumentDialog *self,
             gboolean           running)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->options_group), !running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "document.choose", !running);
}

/* --- The export, in a thread ----------------------------------------------- */

typedef struct
{
  JlnPlan           *plan;
  JlnQuery          *query;
  JlnPlanDocKind     kind;
  JlnLang            lang;
  JlnPageFormat      page;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_clear_object (&job->plan);
  g_clear_pointer (&job->query, jln_query_unref);
  g_free (job);
}

static gboolean
export_job_write (gpointer         data,
                  const char      *path,
                  JlnProgressFunc  progress,
                  gpointer         progress_data,
                  GCancellable    *cancellable,
                  GError         **error)
{
  ExportJob *job = data;

  return jln_plan_pages_export (job->plan, job->kind, job->query, job->lang, job->page, path,
                                progress, progress_data, cancellable, error);
}

static void
export_done_cb (GObject      *source_object,
                GAsyncResult *result,
                gpointer      user_data)
{
  JlnDocumentDialog *self = user_data;
  g_autoptr(GFile) file = NULL;

  set_running (self, FALSE);
  file = jln_progress_group_write_finish (self->progress_group, result, GTK_WINDOW (self),
                                          GTK_WIDGET (self->export_button));
  if (file != NULL)
    {
      g_signal_emit (self, signals[EXPORTED], 0, file);
      gtk_window_destroy (GTK_WINDOW (self));
    }
}

/**
 * jln_document_dialog_export_to:
 *
 * Writes the document chosen to @file, in a thread; the dialog shows the
 * progress and lets the user cancel.
 */
void
jln_document_dialog_export_to (JlnDocumentDialog *self,
                               GFile             *file)
{
  ExportJob *job;

  g_return_if_fail (JLN_IS_DOCUMENT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (!jln_progress_group_is_running (self->progress_group));

  job = g_new0 (ExportJob, 1);
  job->plan = g_object_ref (self->plan);
  job->query = self->query != NULL ? jln_query_ref (self->query) : NULL;
  job->kind = jln_document_dialog_get_kind (self);
  job->lang = self->lang;
  job->page = self->page;
  jln_progress_group_write_async (self->progress_group, file, export_job_write,
                                  job, (GDestroyNotify) export_job_free, export_done_cb, self);
  set_running (self, jln_progress_group_is_running (self->progress_group));
}

gboolean
jln_document_dialog_is_running (JlnDocumentDialog *self)
{
  g_return_val_if_fail (JLN_IS_DOCUMENT_DIALOG (self), FALSE);
  return jln_progress_group_is_running (self->progress_group);
}

/* --- Choosing the file ----------------------------------------------------- */

/**
 * jln_document_dialog_dup_suggested_name:
 *
 * Returns: the file name offered: the name given to the dialog, the
 *   document, today's date and the format's extension
 */
char *
jln_document_dialog_dup_suggested_name (JlnDocumentDialog *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *name = NULL;
  const char *kind;

  g_return_val_if_fail (JLN_IS_DOCUMENT_DIALOG (self), NULL);

  kind = gtk_string_object_get_string (adw_combo_row_get_selected_item (self->kind_row));
  /* Long titles make unwieldy file names; slashes make folders. */
  name = g_utf8_substring (self->name, 0, MIN (g_utf8_strlen (self->name, -1), 60));
  g_strdelimit (name, "/\\:", '-');
  return g_strdup_printf ("%s – %s %s%s", g_strstrip (name), kind, date,
                          formats[jln_document_dialog_get_format (self)].extension);
}

static void
chooser_response_cb (GtkNativeDialog   *chooser,
                     int                response,
                     JlnDocumentDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      const char *extension = formats[jln_document_dialog_get_format (self)].extension;
      g_autofree char *basename = file != NULL ? g_file_get_basename (file) : NULL;
      g_autofree char *lower = basename != NULL ? g_ascii_strdown (basename, -1) : NULL;

      /* The format chosen in the dialog decides the extension. */
      if (lower != NULL && !g_str_has_suffix (lower, extension))
        {
          g_autoptr(GFile) parent = g_file_get_parent (file);
          g_autofree char *fixed = g_strconcat (basename, extension, NULL);

          g_object_unref (file);
          file = g_file_get_child (parent, fixed);
        }
      if (file != NULL)
        jln_document_dialog_export_to (self, file);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
choose_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  JlnDocumentDialog *self = JLN_DOCUMENT_DIALOG (widget);
  g_autofree char *name = jln_document_dialog_dup_suggested_name (self);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  JlnDocumentFormat format = jln_document_dialog_get_format (self);
  GtkFileChooserNative *chooser;

  if (jln_progress_group_is_running (self->progress_group))
    return;

  chooser = gtk_file_chooser_native_new (_("Export to"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_file_filter_set_name (filter, gtk_string_object_get_string (
                              adw_combo_row_get_selected_item (self->format_row)));
  gtk_file_filter_add_pattern (filter, formats[format].pattern);
  gtk_file_filter_add_mime_type (filter, formats[format].mime_type);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect_object (chooser, "response", G_CALLBACK (chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  JlnDocumentDialog *self = JLN_DOCUMENT_DIALOG (widget);

  /* A running export stops, leaving no file, and then the dialog closes. */
  if (!jln_progress_group_cancel (self->progress_group))
    gtk_window_destroy (GTK_WINDOW (self));
}

static gboolean
jln_document_dialog_close_request (GtkWindow *window)
{
  JlnDocumentDialog *self = JLN_DOCUMENT_DIALOG (window);

  return jln_progress_group_cancel (self->progress_group);
}

/* --- Options --------------------------------------------------------------- */

JlnPlanDocKind
jln_document_dialog_get_kind (JlnDocumentDialog *self)
{
  guint selected;

  g_return_val_if_fail (JLN_IS_DOCUMENT_DIALOG (self), JLN_PLAN_DOC_ACTIONS);
  selected = adw_combo_row_get_selected (self->kind_row);
  return selected <= JLN_PLAN_DOC_PRINCIPLES ? (JlnPlanDocKind) selected : JLN_PLAN_DOC_ACTIONS;
}

void
jln_document_dialog_set_kind (JlnDocumentDialog *self,
                              JlnPlanDocKind     kind)
{
  g_return_if_fail (JLN_IS_DOCUMENT_DIALOG (self));
  g_return_if_fail (kind <= JLN_PLAN_DOC_PRINCIPLES);
  adw_combo_row_set_selected (self->kind_row, kind);
}

JlnDocumentFormat
jln_document_dialog_get_format (JlnDocumentDialog *self)
{
  guint selected;

  g_return_val_if_fail (JLN_IS_DOCUMENT_DIALOG (self), JLN_DOCUMENT_FORMAT_PDF);
  selected = adw_combo_row_get_selected (self->format_row);
  return selected <= JLN_DOCUMENT_FORMAT_DOCX ? (JlnDocumentFormat) selected : JLN_DOCUMENT_FORMAT_PDF;
}

void
jln_document_dialog_set_format (JlnDocumentDialog *self,
                                JlnDocumentFormat  format)
{
  g_return_if_fail (JLN_IS_DOCUMENT_DIALOG (self));
  g_return_if_fail (format <= JLN_DOCUMENT_FORMAT_DOCX);
  adw_combo_row_set_selected (self->format_row, format);
}

/* --- Object ---------------------------------------------------------------- */

static void
jln_document_dialog_dispose (GObject *object)
{
  JlnDocumentDialog *self = JLN_DOCUMENT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), JLN_TYPE_DOCUMENT_DIALOG);

  G_OBJECT_CLASS (jln_document_dialog_parent_class)->dispose (object);
}

static void
jln_document_dialog_finalize (GObject *object)
{
  JlnDocumentDialog *self = JLN_DOCUMENT_DIALOG (object);

  g_clear_object (&self->session);
  g_clear_object (&self->plan);
  g_clear_pointer (&self->query, jln_query_unref);
  g_free (self->name);

  G_OBJECT_CLASS (jln_document_dialog_parent_class)->finalize (object);
}

static void
jln_document_dialog_constructed (GObject *object)
{
  JlnDocumentDialog *self = JLN_DOCUMENT_DIALOG (object);
  JlnQuery *query;

  G_OBJECT_CLASS (jln_document_dialog_parent_class)->constructed (object);

  g_return_if_fail (JLN_IS_SESSION (self->session));
  g_return_if_fail (JLN_IS_PLAN (jln_session_get_plan (self->session)));

  self->plan = g_object_ref (jln_session_get_plan (self->session));
  query = jln_query_filter_get_query (jln_session_get_filter (self->session));
  self->query = query != NULL && !jln_query_is_empty (query) ? jln_query_ref (query) : NULL;
  self->lang = jln_session_get_content_language (self->session);
  if (self->query != NULL)
    {
      /* Translators: in the document dialog, the search the document follows. */
      g_autofree char *text = g_strdup_printf (_("Only those that match “%s”"),
                                               jln_query_get_text (self->query));

      adw_action_row_set_subtitle (self->filter_row, text);
    }
  else
    adw_action_row_set_subtitle (self->filter_row, _("All the actions of the plan"));
}

static void
jln_document_dialog_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  JlnDocumentDialog *self = JLN_DOCUMENT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jln_document_dialog_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  JlnDocumentDialog *self = JLN_DOCUMENT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jln_document_dialog_class_init (JlnDocumentDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = jln_document_dialog_constructed;
  object_class->dispose = jln_document_dialog_dispose;
  object_class->finalize = jln_document_dialog_finalize;
  object_class->get_property = jln_document_dialog_get_property;
  object_class->set_property = jln_document_dialog_set_property;
  window_class->close_request = jln_document_dialog_close_request;

  /**
   * JlnDocumentDialog:session:
   *
   * The session of the window it was opened from: the document is made
   * of its plan, with the actions its filter matches, in its content
   * language, as they were when the dialog opened.
   */
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, JLN_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * JlnDocumentDialog::exported:
   * @file: the file written
   *
   * The export is complete; the dialog is closing.
   */
  signals[EXPORTED] = g_signal_new ("exported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_FILE);

  g_type_ensure (JLN_TYPE_PROGRESS_GROUP);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/jalons/Jalons/jln-document-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, JlnDocumentDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, JlnDocumentDialog, options_group);
  gtk_widget_class_bind_template_child (widget_class, JlnDocumentDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, JlnDocumentDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, JlnDocumentDialog, filter_row);
  gtk_widget_class_bind_template_child (widget_class, JlnDocumentDialog, progress_group);

  gtk_widget_class_install_action (widget_class, "document.choose", NULL, choose_action);
  gtk_widget_class_install_action (widget_class, "document.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "document.cancel", NULL);
}

static void
jln_document_dialog_init (JlnDocumentDialog *self)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->page = g_settings_get_enum (settings, "export-page");
  /* The subtitle may quote the search: plain text. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->filter_row), FALSE);
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->export_button));
}

/**
 * jln_document_dialog_new:
 * @parent: the window
 * @session: the session whose plan, search and content language the
 *   document follows
 * @name: the start of the suggested file name, such as the plan's title
 */
JlnDocumentDialog *
jln_document_dialog_new (GtkWindow  *parent,
                         JlnSession *session,
                         const char *name)
{
  JlnDocumentDialog *self;

  g_return_val_if_fail (JLN_IS_SESSION (session), NULL);
  g_return_val_if_fail (JLN_IS_PLAN (jln_session_get_plan (session)), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  self = g_object_new (JLN_TYPE_DOCUMENT_DIALOG,
                       "transient-for", parent,
                       "session", session,
                       NULL);
  self->name = g_strdup (name);
  return self;
}
