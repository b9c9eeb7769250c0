/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "jln-progress-group.h"

/* The progress of a file an export dialog writes in a thread: the bar
 * that follows it, the cancellable that stops it, and the message shown
 * when it fails. Hidden while nothing is written. Once its window is
 * destroyed, a write is cancelled and its callback never called. */
struct _JlnProgressGroup
{
  AdwPreferencesGroup parent_instance;

  GCancellable   *cancellable;
  GFile          *file;        /* the last one written */
  guint           progress_id;
  gboolean        pages;
  gboolean        closed;

  /* Written by the writing thread, read by progress_cb. */
  guint           done;
  guint           total;

  /* Template widgets */
  GtkProgressBar *progress_bar;
};

G_DEFINE_FINAL_TYPE (JlnProgressGroup, jln_progress_group, ADW_TYPE_PREFERENCES_GROUP)

enum {
  PROP_0,
  PROP_PAGES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  JlnProgressWriteFunc  write;
  gpointer              job;
  GDestroyNotify        job_free;
  GFile                *file;
  char                 *path;
  GAsyncReadyCallback   callback;
  GObject              *owner;
} WriteData;

static void
write_data_free (WriteData *data)
{
  if (data->job_free != NULL)
    data->job_free (data->job);
  g_clear_object (&data->file);
  g_clear_object (&data->owner);
  g_free (data->path);
  g_free (data);
}

static gboolean
progress_cb (gpointer user_data)
{
  JlnProgressGroup *self = user_data;
  guint done = g_atomic_int_get (&self->done);
  guint total = g_atomic_int_get (&self->total);

  if (total == 0)
    gtk_progress_bar_pulse (self->progress_bar);
  else
    {
      gtk_progress_bar_set_fraction (self->progress_bar, (double) MIN (done, total) / total);
      if (self->pages)
        {
          /* Translators: the progress of a PDF export, “Page 2 of 5”. */
          g_autofree char *text = g_strdup_printf (_("Page %1$u of %2$u"),
                                                   MIN (done + 1, total), total);

          gtk_progress_bar_set_text (self->progress_bar, text);
        }
    }
  return G_SOURCE_CONTINUE;
}

static void
progress_thread_cb (guint    done,
                    guint    total,
                    gpointer user_data)
{
  JlnProgressGroup *self = user_data;

  g_atomic_int_set (&self->total, total);
  g_atomic_int_set (&self->done, done);
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  WriteData *data = task_data;
  GError *error = NULL;

  if (data->write (data->job, data->path, progress_thread_cb, source_object, cancellable, &error))
    g_task_return_pointer (task, g_object_ref (data->file), g_object_unref);
  else
    g_task_return_error (task, error);
}

static void
write_done_cb (GObject      *source_object,
               GAsyncResult *result,
               gpointer      user_data)
{
  JlnProgressGroup *self = JLN_PROGRESS_GROUP (source_object);
  WriteData *data = g_task_get_task_data (G_TASK (result));

  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->progress_id, g_source_remove);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  /* Destroyed meanwhile (its window closed, the application quit): the
   * write was cancelled and there is nothing left to show. */
  if (self->closed)
    return;
  data->callback (source_object, result, data->owner);
}

/**
 * jln_progress_group_write_async:
 * @write: called in a thread with @job and the path of @file; it reports
 *   its progress and stops when its cancellable is cancelled
 * @callback: called with @owner when @write has returned, unless the
 *   group's window was destroyed meanwhile
 * @owner: (type GObject): the dialog, kept alive until @write has returned
 *
 * Writes @file with @write in a thread, showing its progress. A file that
 * is not local is refused with an error, without a thread.
 */
void
jln_progress_group_write_async (JlnProgressGroup     *self,
                                GFile                *file,
                                JlnProgressWriteFunc  write,
                                gpointer              job,
                                GDestroyNotify        job_free,
                                GAsyncReadyCallback   callback,
                                gpointer              owner)
{
  g_autoptr(GTask) task = NULL;
  WriteData *data;

  g_return_if_fail (JLN_IS_PROGRESS_GROUP (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (write != NULL && callback != NULL);
  g_return_if_fail (G_IS_OBJECT (owner));
  g_return_if_fail (self->cancellable == NULL);

  g_set_object (&self->file, file);
  data = g_new0 (WriteData, 1);
  data->write = write;
  data->job = job;
  data->job_free = job_free;
  data->file = g_object_ref (file);
  data->path = g_file_get_path (file);
  data->callback = callback;
  data->owner = g_object_ref (owner);

  if (data->path == NULL)
    {
      task = g_task_new (self, NULL, write_done_cb, NULL);
      g_task_set_source_tag (task, jln_progress_group_write_async);
      g_task_set_task_data (task, data, (GDestroyNotify) write_data_free);
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "%s",
                               _("Only local files can be written"));
      return;
    }

  g_atomic_int_set (&self->done, 0);
  g_atomic_int_set (&self->total, 0);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_progress_bar_set_text (self->progress_bar, _("Exporting…"));
  gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
  self->progress_id = g_timeout_add (100, progress_cb, self);
  self->cancellable = g_cancellable_new ();

  task = g_task_new (self, self->cancellable, write_done_cb, NULL);
  g_task_set_source_tag (task, jln_progress_group_write_async);
  g_task_set_task_data (task, data, (GDestroyNotify) write_data_free);
  g_task_run_in_thread (task, write_thread);
}

static void
error_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   GtkWidget        *focus)
{
  gtk_widget_grab_focus (focus);
}

/* Says that the file could not be written, and why. */
static void
show_error (JlnProgressGroup *self,
            GtkWindow        *parent,
            const GError     *error,
            GtkWidget        *focus)
{
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  path = g_file_get_path (self->file);
  if (path == NULL)
    path = g_file_get_uri (self->file);
  name = g_path_get_basename (path);
  folder = g_path_get_dirname (path);
  /* Translators: %1$s is a file name, %2$s its folder, %3$s the reason. */
  body = g_strdup_printf (_("“%1$s” could not be written in the folder “%2$s”.\n\n%3$s"),
                          name, folder, error->message);
  dialog = adw_message_dialog_new (parent, _("Export Failed"), NULL);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  g_signal_connect_object (dialog, "response", G_CALLBACK (error_response_cb), focus, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * jln_progress_group_write_finish:
 * @window: the group's window
 * @focus: the widget that has the focus back after a failure
 *
 * Ends a write. When it was cancelled, @window is destroyed; when it
 * failed, a message over @window says why.
 *
 * Returns: (transfer full) (nullable): the file written, or %NULL
 */
GFile *
jln_progress_group_write_finish (JlnProgressGroup *self,
                                 GAsyncResult     *result,
                                 GtkWindow        *window,
                                 GtkWidget        *focus)
{
  g_autoptr(GError) error = NULL;
  GFile *file;

  g_return_val_if_fail (JLN_IS_PROGRESS_GROUP (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  file = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    gtk_window_destroy (window);
  else if (error != NULL)
    show_error (self, window, error, focus);
  return file;
}

gboolean
jln_progress_group_is_running (JlnProgressGroup *self)
{
  g_return_val_if_fail (JLN_IS_PROGRESS_GROUP (self), FALSE);

  return self->cancellable != NULL;
}

/**
 * jln_progress_group_cancel:
 *
 * Stops the write running, which leaves no file.
 *
 * Returns: whether a write was running
 */
gboolean
jln_progress_group_cancel (JlnProgressGroup *self)
{
  g_return_val_if_fail (JLN_IS_PROGRESS_GROUP (self), FALSE);

  if (self->cancellable == NULL)
    return FALSE;
  g_cancellable_cancel (self->cancellable);
  return TRUE;
}

static void
stop (JlnProgressGroup *self)
{
  self->closed = TRUE;
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->progress_id, g_source_remove);
}

static void
jln_progress_group_dispose (GObject *object)
{
  JlnProgressGroup *self = JLN_PROGRESS_GROUP (object);

  stop (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), JLN_TYPE_PROGRESS_GROUP);

  G_OBJECT_CLASS (jln_progress_group_parent_class)->dispose (object);
}

/* Destroying the window stops its write. */
static void
jln_progress_group_unrealize (GtkWidget *widget)
{
  stop (JLN_PROGRESS_GROUP (widget));

  GTK_WIDGET_CLASS (jln_progress_group_parent_class)->unrealize (widget);
}

static void
jln_progress_group_finalize (GObject *object)
{
  JlnProgressGroup *self = JLN_PROGRESS_GROUP (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (jln_progress_group_parent_class)->finalize (object);
}

static void
jln_progress_group_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  JlnProgressGroup *self = JLN_PROGRESS_GROUP (object);

  switch (prop_id)
    {
    case PROP_PAGES:
      g_value_set_boolean (value, self->pages);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jln_progress_group_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  JlnProgressGroup *self = JLN_PROGRESS_GROUP (object);

  switch (prop_id)
    {
    case PROP_PAGES:
      if (self->pages != g_value_get_boolean (value))
        {
          self->pages = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jln_progress_group_class_init (JlnProgressGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jln_progress_group_dispose;
  object_class->finalize = jln_progress_group_finalize;
  object_class->get_property = jln_progress_group_get_property;
  object_class->set_property = jln_progress_group_set_property;
  widget_class->unrealize = jln_progress_group_unrealize;

  /**
   * JlnProgressGroup:pages:
   *
   * Whether the bar says which page is written (“Page 2 of 5”) rather
   * than “Exporting…”.
   */
  properties[PROP_PAGES] =
    g_param_spec_boolean ("pages", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/jalons/Jalons/jln-progress-group.ui");
  gtk_widget_class_bind_template_child (widget_class, JlnProgressGroup, progress_bar);
}

static void
jln_progress_group_init (JlnProgressGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
