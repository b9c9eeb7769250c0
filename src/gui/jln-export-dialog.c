/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "jln-export-dialog.h"
#include "jln-progress-group.h"
#include "jln-session.h"

/* Asks how to export the picture of a view, asks where, then writes the
 * file in a thread while showing the progress. The file is written whole
 * or not at all; on success the dialog closes and emits ::exported. */
struct _JlnExportDialog
{
  AdwWindow       parent_instance;

  JlnSession     *session;
  JlnPicture     *picture;
  JlnLang         lang;        /* the session's when opened */
  char           *name;
  GSettings      *settings;

  /* Template widgets */
  GtkButton           *export_button;
  AdwPreferencesGroup *options_group;
  AdwComboRow         *format_row;
  AdwComboRow         *page_row;
  AdwActionRow        *scale_row;
  GtkSpinButton       *scale_spin;
  JlnProgressGroup    *progress_group;
};

G_DEFINE_FINAL_TYPE (JlnExportDialog, jln_export_dialog, ADW_TYPE_WINDOW)

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

static const char *
format_extension (JlnExportFormat format)
{
  switch (format)
    {
    case JLN_EXPORT_PDF:
      return ".pdf";
    case JLN_EXPORT_SVG:
      return ".svg";
    case JLN_EXPORT_PNG:
    default:
      return ".png";
    }
}

static void
update_rows (JlnExportDialog *self)
{
  JlnExportFormat format = jln_export_dialog_get_format (self);

  gtk_widget_set_sensitive (GTK_WIDGET (self->page_row), format == JLN_EXPORT_PDF);
  gtk_widget_set_sensitive (GTK_WIDGET (self->scale_row), format == JLN_EXPORT_PNG);
}

static void
set_running (JlnExportDialog *self,
             gboolean         running)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->options_group), !running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.choose", !running);
}

/* --- The export, in a thread ----------------------------------------------- */

typedef struct
{
  JlnPicture       *picture;
  JlnRenderStyle   *style;
  JlnExportOptions  options;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_clear_object (&job->picture);
  g_clear_pointer (&job->style, jln_render_style_unref);
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

  return jln_export_picture (job->picture, job->style, &job->options, path,
                             progress, progress_data, cancellable, error);
}

static void
export_done_cb (GObject      *source_object,
                GAsyncResult *result,
                gpointer      user_data)
{
  JlnExportDialog *self = user_data;
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
 * jln_export_dialog_export_to:
 *
 * Exports the picture to @file with the options shown, in a thread; the
 * dialog shows the progress and lets the user cancel.
 */
void
jln_export_dialog_export_to (JlnExportDialog *self,
                             GFile           *file)
{
  ExportJob *job;

  g_return_if_fail (JLN_IS_EXPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (!jln_progress_group_is_running (self->progress_group));

  job = g_new0 (ExportJob, 1);
  job->picture = g_object_ref (self->picture);
  job->style = jln_render_style_new (JLN_RENDER_SCHEME_LIGHT, self->lang);
  job->options.format = jln_export_dialog_get_format (self);
  job->options.page = jln_export_dialog_get_page (self);
  job->options.scale = jln_export_dialog_get_scale (self);
  if (job->options.format == JLN_EXPORT_PDF)
    jln_render_style_set_font_size (job->style, jln_page_format_get_font_size (job->options.page));
  jln_progress_group_write_async (self->progress_group, file, export_job_write,
                                  job, (GDestroyNotify) export_job_free, export_done_cb, self);
  set_running (self, jln_progress_group_is_running (self->progress_group));
}

gboolean
jln_export_dialog_is_running (JlnExportDialog *self)
{
  g_return_val_if_fail (JLN_IS_EXPORT_DIALOG (self), FALSE);
  return jln_progress_group_is_running (self->progress_group);
}

/* --- Choosing the file ----------------------------------------------------- */

/**
 * jln_export_dialog_dup_suggested_name:
 *
 * Returns: the file name offered: the name given to the dialog (the plan's
 *   title and the view), today's date and the format's extension
 */
char *
jln_export_dialog_dup_suggested_name (JlnExportDialog *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *name = NULL;

  g_return_val_if_fail (JLN_IS_EXPORT_DIALOG (self), NULL);

  /* Long titles make unwieldy file names; slashes make folders. */
  name = g_utf8_substring (self->name, 0, MIN (g_utf8_strlen (self->name, -1), 80));
  g_strdelimit (name, "/\\:", '-');
  return g_strdup_printf ("%s %s%s", g_strstrip (name), date,
                          format_extension (jln_export_dialog_get_format (self)));
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     JlnExportDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      const char *extension = format_extension (jln_export_dialog_get_format (self));
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
        jln_export_dialog_export_to (self, file);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
choose_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  JlnExportDialog *self = JLN_EXPORT_DIALOG (widget);
  g_autofree char *name = jln_export_dialog_dup_suggested_name (self);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;
  static const char *patterns[] = { "*.pdf", "*.svg", "*.png" };
  static const char *mime_types[] = { "application/pdf", "image/svg+xml", "image/png" };
  JlnExportFormat format = jln_export_dialog_get_format (self);

  if (jln_progress_group_is_running (self->progress_group))
    return;

  chooser = gtk_file_chooser_native_new (_("Export to"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_file_filter_set_name (filter, gtk_string_object_get_string (
                              adw_combo_row_get_selected_item (self->format_row)));
  gtk_file_filter_add_pattern (filter, patterns[format]);
  gtk_file_filter_add_mime_type (filter, mime_types[format]);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect_object (chooser, "response", G_CALLBACK (chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  JlnExportDialog *self = JLN_EXPORT_DIALOG (widget);

  /* A running export stops, leaving no file, and then the dialog closes. */
  if (!jln_progress_group_cancel (self->progress_group))
    gtk_window_destroy (GTK_WINDOW (self));
}

static gboolean
jln_export_dialog_close_request (GtkWindow *window)
{
  JlnExportDialog *self = JLN_EXPORT_DIALOG (window);

  return jln_progress_group_cancel (self->progress_group);
}

/* --- Options --------------------------------------------------------------- */

JlnExportFormat
jln_export_dialog_get_format (JlnExportDialog *self)
{
  guint selected;

  g_return_val_if_fail (JLN_IS_EXPORT_DIALOG (self), JLN_EXPORT_PDF);
  selected = adw_combo_row_get_selected (self->format_row);
  return selected <= JLN_EXPORT_PNG ? (JlnExportFormat) selected : JLN_EXPORT_PDF;
}

void
jln_export_dialog_set_format (JlnExportDialog *self,
                              JlnExportFormat  format)
{
  g_return_if_fail (JLN_IS_EXPORT_DIALOG (self));
  g_return_if_fail (format <= JLN_EXPORT_PNG);
  adw_combo_row_set_selected (self->format_row, format);
}

JlnPageFormat
jln_export_dialog_get_page (JlnExportDialog *self)
{
  guint selected;

  g_return_val_if_fail (JLN_IS_EXPORT_DIALOG (self), JLN_PAGE_A4);
  selected = adw_combo_row_get_selected (self->page_row);
  return selected <= JLN_PAGE_SLIDE ? (JlnPageFormat) selected : JLN_PAGE_A4;
}

void
jln_export_dialog_set_page (JlnExportDialog *self,
                            JlnPageFormat    page)
{
  g_return_if_fail (JLN_IS_EXPORT_DIALOG (self));
  g_return_if_fail (page <= JLN_PAGE_SLIDE);
  adw_combo_row_set_selected (self->page_row, page);
}

double
jln_export_dialog_get_scale (JlnExportDialog *self)
{
  g_return_val_if_fail (JLN_IS_EXPORT_DIALOG (self), 1);
  return gtk_spin_button_get_value (self->scale_spin);
}

void
jln_export_dialog_set_scale (JlnExportDialog *self,
                             double           scale)
{
  g_return_if_fail (JLN_IS_EXPORT_DIALOG (self));
  gtk_spin_button_set_value (self->scale_spin, scale);
}

/* --- Object ---------------------------------------------------------------- */

static void
jln_export_dialog_dispose (GObject *object)
{
  JlnExportDialog *self = JLN_EXPORT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), JLN_TYPE_EXPORT_DIALOG);

  G_OBJECT_CLASS (jln_export_dialog_parent_class)->dispose (object);
}

static void
jln_export_dialog_finalize (GObject *object)
{
  JlnExportDialog *self = JLN_EXPORT_DIALOG (object);

  g_clear_object (&self->session);
  g_clear_object (&self->picture);
  g_clear_object (&self->settings);
  g_free (self->name);

  G_OBJECT_CLASS (jln_export_dialog_parent_class)->finalize (object);
}

static void
jln_export_dialog_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  JlnExportDialog *self = JLN_EXPORT_DIALOG (object);

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
jln_export_dialog_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  JlnExportDialog *self = JLN_EXPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      if (self->session != NULL)
        self->lang = jln_session_get_content_language (self->session);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jln_export_dialog_class_init (JlnExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = jln_export_dialog_dispose;
  object_class->finalize = jln_export_dialog_finalize;
  object_class->get_property = jln_export_dialog_get_property;
  object_class->set_property = jln_export_dialog_set_property;

  /**
   * JlnExportDialog:session:
   *
   * The session of the window it was opened from: the plan's texts are
   * written in its content language of when the dialog opened.
   */
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, JLN_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  window_class->close_request = jln_export_dialog_close_request;

  /**
   * JlnExportDialog::exported:
   * @file: the file written
   *
   * The export is complete; the dialog is closing.
   */
  signals[EXPORTED] = g_signal_new ("exported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_FILE);

  g_type_ensure (JLN_TYPE_PROGRESS_GROUP);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/jalons/Jalons/jln-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, JlnExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, JlnExportDialog, options_group);
  gtk_widget_class_bind_template_child (widget_class, JlnExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, JlnExportDialog, page_row);
  gtk_widget_class_bind_template_child (widget_class, JlnExportDialog, scale_row);
  gtk_widget_class_bind_template_child (widget_class, JlnExportDialog, scale_spin);
  gtk_widget_class_bind_template_child (widget_class, JlnExportDialog, progress_group);

  gtk_widget_class_install_action (widget_class, "export.choose", NULL, choose_action);
  gtk_widget_class_install_action (widget_class, "export.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "export.cancel", NULL);
}

static void
jln_export_dialog_init (JlnExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APPLICATION_ID);
  adw_combo_row_set_selected (self->page_row, g_settings_get_enum (self->settings, "export-page"));
  gtk_spin_button_set_value (self->scale_spin, g_settings_get_double (self->settings, "png-scale"));
  g_signal_connect_object (self->format_row, "notify::selected",
                           G_CALLBACK (update_rows), self, G_CONNECT_SWAPPED);
  update_rows (self);
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->export_button));
}

/**
 * jln_export_dialog_new:
 * @parent: the window of the view
 * @session: the session of the view, whose content language is written
 * @picture: the picture of the view
 * @name: the start of the suggested file name, such as the plan's title
 *   and the view
 */
JlnExportDialog *
jln_export_dialog_new (GtkWindow  *parent,
                       JlnSession *session,
                       JlnPicture *picture,
                       const char *name)
{
  JlnExportDialog *self;

  g_return_val_if_fail (JLN_IS_SESSION (session), NULL);
  g_return_val_if_fail (JLN_IS_PICTURE (picture), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  self = g_object_new (JLN_TYPE_EXPORT_DIALOG,
                       "transient-for", parent,
                       "session", session,
                       NULL);
  self->picture = g_object_ref (picture);
  self->name = g_strdup (name);
  return self;
}
