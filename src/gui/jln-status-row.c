/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "jln-combo-value.h"
#include "jln-field-binding.h"
#include "jln-plan-edits.h"
#include "jln-status-row.h"

/* The status of an action or a sub-item, chosen among the statuses.
 * Choosing Done for a record with no completion yet also sets the
 * current semester as its completion, in one step that can be undone. */
struct _JlnStatusRow
{
  AdwComboRow      parent_instance;

  JlnFieldBinding *binding;
  char            *error;
  gboolean         updating;     /* set while the row shows the stored status */
};

G_DEFINE_FINAL_TYPE (JlnStatusRow, jln_status_row, ADW_TYPE_COMBO_ROW)

enum {
  PROP_0,
  PROP_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_error (JlnStatusRow *self,
           const char   *message)
{
  if (g_strcmp0 (self->error, message) == 0)
    return;
  g_free (self->error);
  self->error = g_strdup (message);
  if (message != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self), "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                      -1);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self), "error");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

static void
refresh (JlnStatusRow *self)
{
  JlnRecord *record = jln_field_binding_get_record (self->binding);
  JlnStatus status = JLN_STATUS_PLANNED;

  if (record != NULL)
    g_object_get (record, "status", &status, NULL);
  self->updating = TRUE;
  adw_combo_row_set_selected (ADW_COMBO_ROW (self), status);
  self->updating = FALSE;
  jln_combo_value_update (ADW_COMBO_ROW (self));
}

/* Applies @edit (transfer full); returns whether it was. */
static gboolean
apply (JlnStatusRow *self,
       JlnEdit      *edit,
       gboolean      show_error)
{
  g_autoptr(JlnEdit) owned = edit;
  g_autoptr(GError) error = NULL;
  JlnDocument *document = jln_field_binding_get_document (self->binding);
  gboolean applied;

  if (owned == NULL || document == NULL || jln_plan_edit_is_unchanged (owned))
    {
      refresh (self);
      return TRUE;
    }

  /* Applying may take the row away from its editor. */
  g_object_ref (self);
  applied = jln_document_apply (document, owned, &error);
  if (jln_field_binding_get_record (self->binding) != NULL && (applied || show_error))
    {
      set_error (self, applied ? NULL : error->message);
      refresh (self);
    }
  g_object_unref (self);
  return applied;
}

static void
selected_changed_cb (JlnStatusRow *self)
{
  guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (self));
  JlnRecord *record = jln_field_binding_get_record (self->binding);
  g_autoptr(JlnEdit) edit = NULL;

  if (self->updating || record == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;

  /* Done with no completion yet: the current semester comes with it, in
   * one step; if that is refused, the status alone, as before. */
  edit = jln_plan_edit_set_status (record, selected, jln_semester_today ());
  if (edit != NULL && jln_edit_get_label (edit) != NULL &&
      apply (self, g_steal_pointer (&edit), FALSE))
    return;
  /* The record may have gone while the first edit was applied. */
  record = jln_field_binding_get_record (self->binding);
  if (record != NULL)
    apply (self, jln_plan_edit_set_enum (record, JLN_PLAN_FIELD_STATUS, selected), TRUE);
}

static void
title_changed_cb (JlnStatusRow *self)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self)),
                                  -1);
}

static void
binding_changed_cb (gpointer       owner,
                    JlnFieldChange change)
{
  JlnStatusRow *self = owner;

  if (change == JLN_FIELD_CHANGE_RECORD)
    set_error (self, NULL);
  if (change != JLN_FIELD_CHANGE_SESSION)
    refresh (self);
}

static void
jln_status_row_dispose (GObject *object)
{
  JlnStatusRow *self = JLN_STATUS_ROW (object);

  jln_field_binding_unbind (self->binding);
  gtk_widget_dispose_template (GTK_WIDGET (self), JLN_TYPE_STATUS_ROW);

  G_OBJECT_CLASS (jln_status_row_parent_class)->dispose (object);
}

static void
jln_status_row_finalize (GObject *object)
{
  g_free (JLN_STATUS_ROW (object)->error);

  G_OBJECT_CLASS (jln_status_row_parent_class)->finalize (object);
}

static void
jln_status_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  JlnStatusRow *self = JLN_STATUS_ROW (object);

  if (prop_id == PROP_ERROR)
    g_value_set_string (value, self->error);
  else if (!jln_field_binding_get_property (self->binding, pspec, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
jln_status_row_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  if (!jln_field_binding_set_property (JLN_STATUS_ROW (object)->binding, pspec, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
jln_status_row_class_init (JlnStatusRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jln_status_row_dispose;
  object_class->finalize = jln_status_row_finalize;
  object_class->get_property = jln_status_row_get_property;
  object_class->set_property = jln_status_row_set_property;

  /**
   * JlnStatusRow:error:
   *
   * Why the status chosen last was refused, or %NULL.
   */
  properties[PROP_ERROR] =
    g_param_spec_string ("error", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  /* "record" is an action or a sub-item. */
  jln_field_binding_install_properties (object_class, N_PROPS, JLN_FIELD_BINDING_NO_FIELD);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/jalons/Jalons/jln-status-row.ui");
  gtk_widget_class_bind_template_callback (widget_class, selected_changed_cb);
}

static void
jln_status_row_init (JlnStatusRow *self)
{
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);

  self->binding = jln_field_binding_new (self, JLN_PLAN_FIELD_STATUS, binding_changed_cb);
  gtk_widget_init_template (GTK_WIDGET (self));

  for (JlnStatus status = JLN_STATUS_PLANNED; status <= JLN_STATUS_DROPPED; status++)
    gtk_string_list_append (statuses, jln_status_get_label (status));
  self->updating = TRUE;
  adw_combo_row_set_model (ADW_COMBO_ROW (self), G_LIST_MODEL (statuses));
  self->updating = FALSE;
  jln_combo_value_install (ADW_COMBO_ROW (self));
  g_signal_connect (self, "notify::title", G_CALLBACK (title_changed_cb), NULL);
  title_changed_cb (self);
}

/**
 * jln_status_row_get_session:
 *
 * Returns: (transfer none) (nullable): the session edits go to
 */
JlnSession *
jln_status_row_get_session (JlnStatusRow *self)
{
  g_return_val_if_fail (JLN_IS_STATUS_ROW (self), NULL);
  return jln_field_binding_get_session (self->binding);
}

void
jln_status_row_set_session (JlnStatusRow *self,
                            JlnSession   *session)
{
  g_return_if_fail (JLN_IS_STATUS_ROW (self));
  jln_field_binding_set_session (self->binding, session);
}

/**
 * jln_status_row_get_record:
 *
 * Returns: (transfer none) (nullable): the record shown
 */
JlnRecord *
jln_status_row_get_record (JlnStatusRow *self)
{
  g_return_val_if_fail (JLN_IS_STATUS_ROW (self), NULL);
  return jln_field_binding_get_record (self->binding);
}

/**
 * jln_status_row_set_record:
 * @record: (nullable): an action or a sub-item
 *
 * Shows the status of @record and forgets the message of a refused one.
 */
void
jln_status_row_set_record (JlnStatusRow *self,
                           JlnRecord    *record)
{
  g_return_if_fail (JLN_IS_STATUS_ROW (self));
  jln_field_binding_set_record (self->binding, record);
}

const char *
jln_status_row_get_error (JlnStatusRow *self)
{
  g_return_val_if_fail (JLN_IS_STATUS_ROW (self), NULL);
  return self->error;
}
