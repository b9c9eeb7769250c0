/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>

#include "jln-backups.h"
#include "jln-backups-window.h"
#include "jln-session.h"

/* "Restore a Backup…": the daily copies of the plan, newest first, each
 * with a button that makes the plan equal to it, as one undoable edit. */
struct _JlnBackupsWindow
{
  AdwWindow        parent_instance;

  JlnSession      *session;
  JlnDocument     *document;   /* the session's when opened */
  GPtrArray       *backups;   /* JlnBackup */

  AdwToastOverlay *toast_overlay;
  GtkStack        *stack;
  GtkListBox      *list_box;
};

G_DEFINE_FINAL_TYPE (JlnBackupsWindow, jln_backups_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  RESTORED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
month_name (int month)
{
  static const char * const months[] = {
    NC_("month", "January"),
    NC_("month", "February"),
    NC_("month", "March"),
    NC_("month", "April"),
    NC_("month", "May"),
    NC_("month", "June"),
    NC_("month", "July"),
    NC_("month", "August"),
    NC_("month", "September"),
    NC_("month", "October"),
    NC_("month", "November"),
    NC_("month", "December"),
  };

  g_return_val_if_fail (month >= 1 && month <= 12, "");
  return g_dpgettext2 (NULL, "month", months[month - 1]);
}

/**
 * jln_backups_window_format_date:
 * @date: a day as YYYY-MM-DD
 *
 * Returns: (transfer full): @date as the interface language writes it,
 *   whatever the locale's formats
 */
char *
jln_backups_window_format_date (const char *date)
{
  int year, month, day;

  g_return_val_if_fail (date != NULL, NULL);

  if (sscanf (date, "%4d-%2d-%2d", &year, &month, &day) != 3 || month < 1 || month > 12)
    return g_strdup (date);
  /* Translators: a day: %1$d is the day of the month, %2$s the month's
   * name, %3$d the year, as in “March 7, 2030”. */
  return g_strdup_printf (C_("backup date", "%2$s %1$d, %3$d"), day, month_name (month), year);
}

static GtkWidget *
create_row (JlnBackup *backup)
{
  g_autofree char *title = jln_backups_window_format_date (backup->date);
  g_autofree char *size = g_format_size (backup->size);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Restore"));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), size);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Make the plan as it was in this copy"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "backups.restore");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", backup->path);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

static void
reload_list (JlnBackupsWindow *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
    gtk_list_box_remove (self->list_box, child);
  g_clear_pointer (&self->backups, g_ptr_array_unref);

  if (self->document != NULL)
    self->backups = jln_backups_list (self->document);
  for (guint i = 0; self->backups != NULL && i < self->backups->len; i++)
    gtk_list_box_append (self->list_box, create_row (g_ptr_array_index (self->backups, i)));

  gtk_stack_set_visible_child_name (self->stack,
                                    jln_backups_window_get_n_backups (self) > 0 ? "list" : "empty");
}

static void
restore_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  JlnBackupsWindow *self = JLN_BACKUPS_WINDOW (widget);
  const char *path = g_variant_get_string (parameter, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  JlnBackup *backup = NULL;

  for (guint i = 0; self->backups != NULL && i < self->backups->len; i++)
    if (g_strcmp0 (((JlnBackup *) g_ptr_array_index (self->backups, i))->path, path) == 0)
      backup = g_ptr_array_index (self->backups, i);
  if (self->document == NULL || backup == NULL)
    return;

  if (!jln_document_restore_backup (self->document, path, &error))
    {
      /* A toast's title is markup in libadwaita 1.2. */
      g_autofree char *escaped = g_markup_escape_text (error->message, -1);
      AdwToast *toast = adw_toast_new (escaped);

      adw_toast_set_timeout (toast, 0);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
      return;
    }

  label = jln_backups_window_format_date (backup->date);
  g_signal_emit (self, signals[RESTORED], 0, label);
  gtk_window_close (GTK_WINDOW (self));
}

static void
jln_backups_window_dispose (GObject *object)
{
  JlnBackupsWindow *self = JLN_BACKUPS_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), JLN_TYPE_BACKUPS_WINDOW);
  g_clear_object (&self->document);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (jln_backups_window_parent_class)->dispose (object);
}

static void
jln_backups_window_finalize (GObject *object)
{
  JlnBackupsWindow *self = JLN_BACKUPS_WINDOW (object);

  g_clear_pointer (&self->backups, g_ptr_array_unref);

  G_OBJECT_CLASS (jln_backups_window_parent_class)->finalize (object);
}

static void
jln_backups_window_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  JlnBackupsWindow *self = JLN_BACKUPS_WINDOW (object);

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
jln_backups_window_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  JlnBackupsWindow *self = JLN_BACKUPS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      if (self->session != NULL)
        g_set_object (&self->document, jln_session_get_document (self->session));
      reload_list (self);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jln_backups_window_class_init (JlnBackupsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jln_backups_window_dispose;
  object_class->finalize = jln_backups_window_finalize;
  object_class->get_property = jln_backups_window_get_property;
  object_class->set_property = jln_backups_window_set_property;

  /**
   * JlnBackupsWindow:session:
   *
   * The session of the window it was opened from: the backups of its
   * document are listed, and restoring one changes that document.
   */
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, JLN_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * JlnBackupsWindow::restored:
   * @date: the day of the restored copy, as the interface writes it
   *
   * The plan was made equal to a backup; the edit can be undone.
   */
  signals[RESTORED] =
    g_signal_new ("restored", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/jalons/Jalons/jln-backups-window.ui");
  gtk_widget_class_bind_template_child (widget_class, JlnBackupsWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, JlnBackupsWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, JlnBackupsWindow, list_box);

  gtk_widget_class_install_action (widget_class, "backups.restore", "s", restore_action);
}

static void
jln_backups_window_init (JlnBackupsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
jln_backups_window_new (GtkWindow  *parent,
                        JlnSession *session)
{
  g_return_val_if_fail (JLN_IS_SESSION (session), NULL);
  g_return_val_if_fail (JLN_IS_DOCUMENT (jln_session_get_document (session)), NULL);

  return g_object_new (JLN_TYPE_BACKUPS_WINDOW,
                       "transient-for", parent,
                       "session", session,
                       NULL);
}

JlnDocument *
jln_backups_window_get_document (JlnBackupsWindow *self)
{
  g_return_val_if_fail (JLN_IS_BACKUPS_WINDOW (self), NULL);
  return self->document;
}

guint
jln_backups_window_get_n_backups (JlnBackupsWindow *self)
{
  g_return_val_if_fail (JLN_IS_BACKUPS_WINDOW (self), 0);
  return self->backups != NULL ? self->backups->len : 0;
}
