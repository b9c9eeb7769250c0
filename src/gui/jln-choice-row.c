/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "jln-choice-row.h"
#include "jln-enums.h"
#include "jln-combo-value.h"
#include "jln-field-binding.h"
#include "jln-plan-edits.h"

/* A value of a record chosen among those of an enum: the programme of an
 * objective, the recurrence of an action. The row is named after its
 * field. */
struct _JlnChoiceRow
{
  AdwComboRow      parent_instance;

  JlnFieldBinding *binding;
  char            *error;
  gboolean         updating;      /* set while the row shows the stored value */
};

G_DEFINE_FINAL_TYPE (JlnChoiceRow, jln_choice_row, ADW_TYPE_COMBO_ROW)

enum {
  PROP_0,
  PROP_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
choice_label (JlnPlanField field,
              int          value)
{
  if (field == JLN_PLAN_FIELD_PROGRAMME)
    return value == JLN_PROGRAMME_GEP ? _("Gender Equality Plan") : C_("programme", "HRS4R");
  return value == JLN_RECURRENCE_YEARLY ? C_("recurrence", "Yearly") : C_("recurrence", "None");
}

/* The values of the field's enum, in their order: a value is its
 * position in the list. */
static void
field_changed (JlnChoiceRow *self)
{
  JlnPlanField field = jln_field_binding_get_field (self->binding);
  GType type = field == JLN_PLAN_FIELD_PROGRAMME ? JLN_TYPE_PROGRAMME : JLN_TYPE_RECURRENCE;
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);

  for (guint i = 0; i < klass->n_values; i++)
    gtk_string_list_append (list, choice_label (field, klass->values[i].value));
  self->updating = TRUE;
  adw_combo_row_set_model (ADW_COMBO_ROW (self), G_LIST_MODEL (list));
  self->updating = FALSE;
}

static void
refresh (JlnChoiceRow *self)
{
  JlnRecord *record = jln_field_binding_get_record (self->binding);
  int value = 0;

  if (record != NULL)
    g_object_get (record, jln_field_binding_get_name (self->binding), &value, NULL);
  self->updating = TRUE;
  adw_combo_row_set_selected (ADW_COMBO_ROW (self), value);
  self->updating = FALSE;
  jln_combo_value_update (ADW_COMBO_ROW (self));
}

static void
set_error (JlnChoiceRow *self,
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

/* Applies @edit (transfer full). */
static void
apply (JlnChoiceRow *self,
       JlnEdit      *edit)
{
  g_autoptr(JlnEdit) owned = edit;
  g_autoptr(GError) error = NULL;
  JlnDocument *document = jln_field_binding_get_document (self->binding);
  gboolean applied;

  if (owned == NULL || document == NULL || jln_plan_edit_is_unchanged (owned))
    {
      refresh (self);
      return;
    }

  /* Applying may take the row away from its editor. */
  g_object_ref (self);
  applied = jln_document_apply (document, owned, &error);
  if (jln_field_binding_get_record (self->binding) != NULL)
    {
      set_error (self, applied ? NULL : error->message);
      refresh (self);
    }
  g_object_unref (self);
}

static void
title_changed_cb (JlnChoiceRow *self)
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
  JlnChoiceRow *self = owner;

  if (change == JLN_FIELD_CHANGE_FIELD)
    {
      gtk_widget_set_name (GTK_WIDGET (self), jln_field_binding_get_name (self->binding));
      field_changed (self);
    }
  else if (change == JLN_FIELD_CHANGE_RECORD)
    set_error (self, NULL);
  refresh (self);
}

static void
jln_choice_row_dispose (GObject *object)
{
  JlnChoiceRow *self = JLN_CHOICE_ROW (object);

  jln_field_binding_unbind (self->binding);
  gtk_widget_dispose_template (GTK_WIDGET (self), JLN_TYPE_CHOICE_ROW);

  G_OBJECT_CLASS (jln_choice_row_parent_class)->dispose (object);
}

static void
jln_choice_row_finalize (GObject *object)
{
  g_free (JLN_CHOICE_ROW (object)->error);

  G_OBJECT_CLASS (jln_choice_row_parent_class)->finalize (object);
}

static void
jln_choice_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  JlnChoiceRow *self = JLN_CHOICE_ROW (object);

  if (prop_id == PROP_ERROR)
    g_value_set_string (value, self->error);
  else if (!jln_field_binding_get_property (self->binding, pspec, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
jln_choice_row_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  if (!jln_field_binding_set_property (JLN_CHOICE_ROW (object)->binding, pspec, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
install_properties (GObjectClass *object_class)
{
  object_class->dispose = jln_choice_row_dispose;
  object_class->finalize = jln_choice_row_finalize;
  object_class->get_property = jln_choice_row_get_property;
  object_class->set_property = jln_choice_row_set_property;

  /**
   * JlnChoiceRow:error:
   *
   * Why the value chosen last was refused, or %NULL.
   */
  properties[PROP_ERROR] =
    g_param_spec_string ("error", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  /* The value shown and chosen, like %JLN_PLAN_FIELD_PROGRAMME. */
  jln_field_binding_install_properties (object_class, N_PROPS, JLN_PLAN_FIELD_PROGRAMME);
}

/**
 * jln_choice_row_get_session:
 *
 * Returns: (transfer none) (nullable): the session edits go to
 */
JlnSession *
jln_choice_row_get_session (JlnChoiceRow *self)
{
  g_return_val_if_fail (JLN_IS_CHOICE_ROW (self), NULL);
  return jln_field_binding_get_session (self->binding);
}

void
jln_choice_row_set_session (JlnChoiceRow *self,
                            JlnSession   *session)
{
  g_return_if_fail (JLN_IS_CHOICE_ROW (self));
  jln_field_binding_set_session (self->binding, session);
}

/**
 * jln_choice_row_get_record:
 *
 * Returns: (transfer none) (nullable): the record shown
 */
JlnRecord *
jln_choice_row_get_record (JlnChoiceRow *self)
{
  g_return_val_if_fail (JLN_IS_CHOICE_ROW (self), NULL);
  return jln_field_binding_get_record (self->binding);
}

/**
 * jln_choice_row_set_record:
 * @record: (nullable): the record whose value to show
 *
 * Shows the value of @record and forgets the message of a refused one.
 */
void
jln_choice_row_set_record (JlnChoiceRow *self,
                           JlnRecord    *record)
{
  g_return_if_fail (JLN_IS_CHOICE_ROW (self));
  jln_field_binding_set_record (self->binding, record);
}

JlnPlanField
jln_choice_row_get_field (JlnChoiceRow *self)
{
  g_return_val_if_fail (JLN_IS_CHOICE_ROW (self), JLN_PLAN_FIELD_PROGRAMME);
  return jln_field_binding_get_field (self->binding);
}

void
jln_choice_row_set_field (JlnChoiceRow *self,
                          JlnPlanField  field)
{
  g_return_if_fail (JLN_IS_CHOICE_ROW (self));
  jln_field_binding_set_field (self->binding, field);
}

const char *
jln_choice_row_get_error (JlnChoiceRow *self)
{
  g_return_val_if_fail (JLN_IS_CHOICE_ROW (self), NULL);
  return self->error;
}

static void
selected_changed_cb (JlnChoiceRow *self)
{
  guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (self));
  JlnRecord *record = jln_field_binding_get_record (self->binding);

  if (self->updating || record == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;
  apply (self, jln_plan_edit_set_enum (record, jln_field_binding_get_field (self->binding),
                                       selected));
}

static void
jln_choice_row_class_init (JlnChoiceRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  install_properties (G_OBJECT_CLASS (klass));
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/jalons/Jalons/jln-choice-row.ui");
  gtk_widget_class_bind_template_callback (widget_class, selected_changed_cb);
}

static void
jln_choice_row_init (JlnChoiceRow *self)
{
  self->binding = jln_field_binding_new (self, JLN_PLAN_FIELD_PROGRAMME, binding_changed_cb);
  gtk_widget_init_template (GTK_WIDGET (self));
  jln_combo_value_install (ADW_COMBO_ROW (self));
  binding_changed_cb (self, JLN_FIELD_CHANGE_FIELD);
  g_signal_connect (self, "notify::title", G_CALLBACK (title_changed_cb), NULL);
}
