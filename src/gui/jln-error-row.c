/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "jln-enums.h"
#include "jln-error-row.h"
#include "jln-plan-edits.h"

/* The row under an entry or a combo row that shows why the value typed
 * or chosen was refused: those rows cannot hold a label of their own. It
 * is shown only while there is a message; its label is named after the
 * field, like “due-error”. */
struct _JlnErrorRow
{
  AdwPreferencesRow  parent_instance;

  JlnPlanField       field;
  char              *message;

  /* Template widgets */
  GtkLabel          *label;
};

G_DEFINE_FINAL_TYPE (JlnErrorRow, jln_error_row, ADW_TYPE_PREFERENCES_ROW)

enum {
  PROP_0,
  PROP_FIELD,
  PROP_MESSAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_name (JlnErrorRow *self)
{
  g_autofree char *name = g_strconcat (jln_plan_field_get_name (self->field), "-error", NULL);

  gtk_widget_set_name (GTK_WIDGET (self->label), g_strdelimit (name, "_", '-'));
}

static void
jln_error_row_finalize (GObject *object)
{
  JlnErrorRow *self = JLN_ERROR_ROW (object);

  g_free (self->message);

  G_OBJECT_CLASS (jln_error_row_parent_class)->finalize (object);
}

static void
jln_error_row_dispose (GObject *object)
{
  /* The label is the row's child: the row lets go of it first, so that
   * it does not unparent it again. */
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), JLN_TYPE_ERROR_ROW);

  G_OBJECT_CLASS (jln_error_row_parent_class)->dispose (object);
}

static void
jln_error_row_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  JlnErrorRow *self = JLN_ERROR_ROW (object);

  switch (prop_id)
    {
    case PROP_FIELD:
      g_value_set_enum (value, self->field);
      break;
    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jln_error_row_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  JlnErrorRow *self = JLN_ERROR_ROW (object);

  switch (prop_id)
    {
    case PROP_FIELD:
      jln_error_row_set_field (self, g_value_get_enum (value));
      break;
    case PROP_MESSAGE:
      jln_error_row_set_message (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jln_error_row_class_init (JlnErrorRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jln_error_row_dispose;
  object_class->finalize = jln_error_row_finalize;
  object_class->get_property = jln_error_row_get_property;
  object_class->set_property = jln_error_row_set_property;

  /**
   * JlnErrorRow:field:
   *
   * The field whose refused value the row explains.
   */
  properties[PROP_FIELD] =
    g_param_spec_enum ("field", NULL, NULL, JLN_TYPE_PLAN_FIELD, JLN_PLAN_FIELD_NUMBER,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /**
   * JlnErrorRow:message:
   *
   * Why the value was refused, or %NULL: the row is then hidden.
   */
  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/jalons/Jalons/jln-error-row.ui");
  gtk_widget_class_bind_template_child (widget_class, JlnErrorRow, label);
}

static void
jln_error_row_init (JlnErrorRow *self)
{
  self->field = JLN_PLAN_FIELD_NUMBER;
  gtk_widget_init_template (GTK_WIDGET (self));
  update_name (self);
}

const char *
jln_error_row_get_message (JlnErrorRow *self)
{
  g_return_val_if_fail (JLN_IS_ERROR_ROW (self), NULL);
  return self->message;
}

void
jln_error_row_set_message (JlnErrorRow *self,
                           const char  *message)
{
  g_return_if_fail (JLN_IS_ERROR_ROW (self));

  if (message != NULL && message[0] == '\0')
    message = NULL;
  if (g_strcmp0 (self->message, message) == 0)
    return;
  g_free (self->message);
  self->message = g_strdup (message);
  gtk_label_set_text (self->label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self), message != NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MESSAGE]);
}

JlnPlanField
jln_error_row_get_field (JlnErrorRow *self)
{
  g_return_val_if_fail (JLN_IS_ERROR_ROW (self), JLN_PLAN_FIELD_NUMBER);
  return self->field;
}

void
jln_error_row_set_field (JlnErrorRow  *self,
                         JlnPlanField  field)
{
  g_return_if_fail (JLN_IS_ERROR_ROW (self));

  if (self->field == field)
    return;
  self->field = field;
  update_name (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIELD]);
}
