/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "jln-export.h"
#include "jln-print.h"

/* Printing draws the pages as a PDF export does, with the same painter
 * and footer, on the printer's page. The printer and paper chosen are
 * kept for the rest of the session. */

/* A little space between the printer's margins and the picture. */
#define PRINT_MARGIN 12.0

static GtkPrintSettings *session_settings;
static GtkPageSetup *session_page_setup;

/* Laying out the pages of a large plan takes seconds: it runs in a
 * thread while GTK's progress window stays responsive and can cancel.
 * GTK asks "paginate" again and again until it is done; each time, the
 * main loop waits a little for the thread, so that asking costs no CPU. */
typedef struct
{
  gatomicrefcount  ref_count;
  JlnPicture      *picture;
  JlnRenderStyle  *style;
  double           width;
  double           height;
  guint            n_pages;
  GThread         *thread;
  GMutex           mutex;
  GCond            cond;
  gboolean         paginated;
} PrintJob;

static PrintJob *
print_job_ref (PrintJob *job)
{
  g_atomic_ref_count_inc (&job->ref_count);
  return job;
}

static void
print_job_unref (PrintJob *job)
{
  if (!g_atomic_ref_count_dec (&job->ref_count))
    return;
  g_clear_object (&job->picture);
  g_clear_pointer (&job->style, jln_render_style_unref);
  g_mutex_clear (&job->mutex);
  g_cond_clear (&job->cond);
  g_free (job);
}

static gpointer
paginate_thread (gpointer data)
{
  PrintJob *job = data;
  guint n_pages = jln_picture_paginate (job->picture, job->style, job->width, job->height);

  g_mutex_lock (&job->mutex);
  job->n_pages = n_pages;
  job->paginated = TRUE;
  g_cond_signal (&job->cond);
  g_mutex_unlock (&job->mutex);
  print_job_unref (job);
  return NULL;
}

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                PrintJob          *job)
{
  job->width = gtk_print_context_get_width (context) - 2 * PRINT_MARGIN;
  job->height = gtk_print_context_get_height (context) - 2 * PRINT_MARGIN -
                jln_export_get_footer_height (job->style);
  job->paginated = FALSE;
  job->thread = g_thread_new ("jalons-paginate", paginate_thread, print_job_ref (job));
}

static gboolean
paginate_cb (GtkPrintOperation *operation,
             GtkPrintContext   *context,
             PrintJob          *job)
{
  gint64 until = g_get_monotonic_time () + 15 * G_TIME_SPAN_MILLISECOND;
  gboolean paginated;

  g_mutex_lock (&job->mutex);
  while (!job->paginated)
    if (!g_cond_wait_until (&job->cond, &job->mutex, until))
      break;
  paginated = job->paginated;
  g_mutex_unlock (&job->mutex);

  if (!paginated)
    return FALSE;
  g_clear_pointer (&job->thread, g_thread_join);
  gtk_print_operation_set_n_pages (operation, MAX (job->n_pages, 1));
  return TRUE;
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              PrintJob          *job)
{
  jln_export_draw_page (job->picture, gtk_print_context_get_cairo_context (context), job->style,
                        page, job->n_pages,
                        gtk_print_context_get_width (context),
                        gtk_print_context_get_height (context),
                        PRINT_MARGIN);
}

/* A cancelled printing may end while the thread still lays out pages:
 * it is waited for, so that the picture is not drawn twice at once. */
static void
end_print_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              PrintJob          *job)
{
  g_clear_pointer (&job->thread, g_thread_join);
}

/* The printer, paper and options chosen serve the next printing of the
 * session. */
static void
remember_settings_cb (GtkPrintOperation       *operation,
                      GtkPrintOperationResult  result,
                      gpointer                 user_data)
{
  if (result != GTK_PRINT_OPERATION_RESULT_APPLY)
    return;
  g_set_object (&session_settings, gtk_print_operation_get_print_settings (operation));
  g_set_object (&session_page_setup, gtk_print_operation_get_default_page_setup (operation));
}

static GtkPageSetup *
default_page_setup (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  GtkPageSetup *setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) paper = NULL;

  /* The paper of exports; slides print on the default paper. */
  switch (g_settings_get_enum (settings, "export-page"))
    {
    case JLN_PAGE_A3:
      paper = gtk_paper_size_new (GTK_PAPER_NAME_A3);
      break;
    case JLN_PAGE_A4:
      paper = gtk_paper_size_new (GTK_PAPER_NAME_A4);
      break;
    default:
      break;
    }
  if (paper != NULL)
    gtk_page_setup_set_paper_size_and_default_margins (setup, paper);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_LANDSCAPE);
  return setup;
}

/**
 * jln_print_operation_new:
 *
 * Returns: (transfer full): a print operation for the pages of @picture,
 *   landscape, with the settings of the session's last printing
 */
GtkPrintOperation *
jln_print_operation_new (JlnPicture           *picture,
                         const JlnRenderStyle *style)
{
  GtkPrintOperation *operation;
  g_autoptr(GtkPageSetup) setup = NULL;
  g_autofree char *title = NULL;
  PrintJob *job;

  g_return_val_if_fail (JLN_IS_PICTURE (picture), NULL);
  g_return_val_if_fail (style != NULL, NULL);

  job = g_new0 (PrintJob, 1);
  g_atomic_ref_count_init (&job->ref_count);
  g_mutex_init (&job->mutex);
  g_cond_init (&job->cond);
  job->picture = g_object_ref (picture);
  job->style = jln_render_style_copy (style);
  title = jln_picture_dup_title (picture, style);

  operation = gtk_print_operation_new ();
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  if (title != NULL)
    gtk_print_operation_set_job_name (operation, title);
  if (session_settings != NULL)
    gtk_print_operation_set_print_settings (operation, session_settings);
  setup = session_page_setup != NULL ? g_object_ref (session_page_setup) : default_page_setup ();
  gtk_print_operation_set_default_page_setup (operation, setup);

  g_signal_connect (operation, "done", G_CALLBACK (remember_settings_cb), NULL);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), job);
  g_signal_connect (operation, "paginate", G_CALLBACK (paginate_cb), job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), job);
  g_signal_connect (operation, "end-print", G_CALLBACK (end_print_cb), job);
  /* Pages are laid out in a thread: GTK's progress window shows meanwhile. */
  gtk_print_operation_set_show_progress (operation, TRUE);
  g_object_set_data_full (G_OBJECT (operation), "jln-print-job", job, (GDestroyNotify) print_job_unref);
  return operation;
}

static void
release_parent (gpointer  data,
                GClosure *closure)
{
  if (data != NULL)
    g_object_unref (data);
}

static void
done_cb (GtkPrintOperation       *operation,
         GtkPrintOperationResult  result,
         GtkWindow               *parent)
{
  g_autoptr(GError) error = NULL;

  /* The window may have been closed while the printer worked. */
  if (parent != NULL && !gtk_widget_get_visible (GTK_WIDGET (parent)))
    parent = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      GtkWidget *dialog;

      gtk_print_operation_get_error (operation, &error);
      dialog = adw_message_dialog_new (parent, _("Printing Failed"), NULL);
      adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog),
                                   error != NULL ? error->message : _("The printer reported an error."));
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
  g_object_unref (operation);
}

/**
 * jln_print_picture:
 *
 * Shows the print dialog for @picture and prints it, without blocking.
 */
void
jln_print_picture (GtkWindow            *parent,
                   JlnPicture           *picture,
                   const JlnRenderStyle *style)
{
  GtkPrintOperation *operation = jln_print_operation_new (picture, style);

  g_return_if_fail (operation != NULL);

  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect_data (operation, "done", G_CALLBACK (done_cb),
                         parent != NULL ? g_object_ref (parent) : NULL, release_parent, 0);
  gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, NULL);
}
