/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "jln-entry-row.h"
#include "jln-enums.h"
#include "jln-plan-edits.h"

/* One value of a record typed in one line: a number, a label, a
 * completion (checked by jln_completion_parse()) or references (numbers
 * separated by commas). It commits on Enter or when the focus leaves it,
 * Escape gives back what is stored, and a refused value is kept in the
 * error property for the error row below, while the row shows what is
 * stored again. */
struct _JlnEntryRow
{
  AdwEntryRow   parent_instance;

  JlnSession   *session;
  JlnRecord    *record;
  gulong        notify_id;
  JlnPlanField  field;
  char         *name;          /* of the field, as the record's properties spell it */
  char         *error;
};

G_DEFINE_FINAL_TYPE (JlnEntryRow, jln_entry_row, ADW_TYPE_ENTRY_ROW)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_RECORD,
  PROP_FIELD,
  PROP_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
has_focus_in (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static void
set_description (GtkWidget  *widget,
                 const char *text)
{
  if (text == NULL)
    gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
  else
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                    -1);
}

static void
set_error (JlnEntryRow *self,
           const char  *message)
{
  if (g_strcmp0 (self->error, message) == 0)
    return;
  g_free (self->error);
  self->error = g_strdup (message);
  if (message != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "error");
  set_description (GTK_WIDGET (self), message);
  set_description (GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (self))), message);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

static char *
dup_value (JlnEntryRow *self)
{
  if (self->record == NULL)
    return g_strdup ("");

  if (self->field == JLN_PLAN_FIELD_REFERENCES)
    {
      g_auto(GStrv) references = NULL;

      g_object_get (self->record, self->name, &references, NULL);
      return references != NULL ? g_strjoinv (", ", references) : g_strdup ("");
    }
  return jln_record_dup_field (self->record, self->name);
}

/* Shows the stored value. A row the user is typing in keeps what they
 * typed, unless @force. */
static void
refresh (JlnEntryRow *self,
         gboolean     force)
{
  g_autofree char *value = NULL;

  if (!force && has_focus_in (GTK_WIDGET (self)))
    return;
  value = dup_value (self);
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self)), value) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self), value);
}

/* Applies @edit (transfer full). Leaving a field unchanged keeps the
 * message of a refused value in view: it goes when a value is accepted. */
static void
apply (JlnEntryRow *self,
       JlnEdit     *edit)
{
  g_autoptr(JlnEdit) owned = edit;
  g_autoptr(GError) error = NULL;
  JlnDocument *document = self->session != NULL ? jln_session_get_document (self->session) : NULL;
  gboolean applied;

  if (owned == NULL || document == NULL || jln_plan_edit_is_unchanged (owned))
    {
      refresh (self, TRUE);
      return;
    }

  /* Applying may take the row away from its editor. */
  g_object_ref (self);
  applied = jln_document_apply (document, owned, &error);
  if (self->record != NULL)
    {
      set_error (self, applied ? NULL : error->message);
      refresh (self, TRUE);
    }
  g_object_unref (self);
}

static void
commit (JlnEntryRow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self));

  if (self->record == NULL)
    return;

  if (self->field == JLN_PLAN_FIELD_COMPLETION)
    {
      g_autoptr(GError) error = NULL;
      JlnCompletion completion;

      if (!jln_completion_parse (text, &completion, &error))
        {
          set_error (self, error->message);
          refresh (self, TRUE);
          return;
        }
      apply (self, jln_plan_edit_set_completion (self->record, &completion));
    }
  else if (self->field == JLN_PLAN_FIELD_REFERENCES)
    {
      g_auto(GStrv) parts = g_regex_split_simple ("[,;]", text, 0, 0);
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) references = NULL;

      for (guint i = 0; parts[i] != NULL; i++)
        {
          g_strstrip (parts[i]);
          if (parts[i][0] != '\0')
            g_strv_builder_add (builder, parts[i]);
        }
      references = g_strv_builder_end (builder);
      apply (self, jln_plan_edit_set_strv (self->record, self->field,
                                           (const char * const *) references));
    }
  else
    apply (self, jln_plan_edit_set_value (self->record, self->field, -1, text));
}

static void
entry_activated_cb (JlnEntryRow *self)
{
  commit (self);
}

static void
focus_leave_cb (GtkEventControllerFocus *controller,
                JlnEntryRow             *self)
{
  commit (self);
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                JlnEntryRow           *self)
{
  g_autofree char *before = NULL;

  if (keyval != GDK_KEY_Escape || self->record == NULL)
    return FALSE;

  /* Escape gives back what is stored, if the user changed it. */
  before = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self)));
  refresh (self, TRUE);
  return g_strcmp0 (before, gtk_editable_get_text (GTK_EDITABLE (self))) != 0;
}

static void
record_notify_cb (JlnRecord   *record,
                  GParamSpec  *pspec,
                  JlnEntryRow *self)
{
  if (g_str_equal (pspec->name, self->name))
    refresh (self, FALSE);
}

static void
title_changed_cb (JlnEntryRow *self)
{
  const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_editable_get_delegate (GTK_EDITABLE (self))),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);
}

static void
set_name (JlnEntryRow *self)
{
  g_free (self->name);
  self->name = g_strdelimit (g_strdup (jln_plan_field_get_name (self->field)), "_", '-');
  gtk_widget_set_name (GTK_WIDGET (self), self->name);
}

static void
jln_entry_row_dispose (GObject *object)
{
  JlnEntryRow *self = JLN_ENTRY_ROW (object);

  if (self->record != NULL)
    g_clear_signal_handler (&self->notify_id, self->record);
  g_clear_object (&self->record);
  g_clear_object (&self->session);
  gtk_widget_dispose_template (GTK_WIDGET (self), JLN_TYPE_ENTRY_ROW);

  G_OBJECT_CLASS (jln_entry_row_parent_class)->dispose (object);
}

static void
jln_entry_row_finalize (GObject *object)
{
  JlnEntryRow *self = JLN_ENTRY_ROW (object);

  g_free (self->name);
  g_free (self->error);

  G_OBJECT_CLASS (jln_entry_row_parent_class)->finalize (object);
}

static void
jln_entry_row_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  JlnEntryRow *self = JLN_ENTRY_ROW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_RECORD:
      g_value_set_object (value, self->record);
      break;
    case PROP_FIELD:
      g_value_set_enum (value, self->field);
      break;
    case PROP_ERROR:
      g_value_set_string (value, self->error);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jln_entry_row_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  JlnEntryRow *self = JLN_ENTRY_ROW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      jln_entry_row_set_session (self, g_value_get_object (value));
      break;
    case PROP_RECORD:
      jln_entry_row_set_record (self, g_value_get_object (value));
      break;
    case PROP_FIELD:
      jln_entry_row_set_field (self, g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jln_entry_row_class_init (JlnEntryRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jln_entry_row_dispose;
  object_class->finalize = jln_entry_row_finalize;
  object_class->get_property = jln_entry_row_get_property;
  object_class->set_property = jln_entry_row_set_property;

  /**
   * JlnEntryRow:session:
   *
   * The window's session: edits are applied to its document.
   */
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, JLN_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /**
   * JlnEntryRow:record:
   *
   * The record whose value is shown, or %NULL.
   */
  properties[PROP_RECORD] =
    g_param_spec_object ("record", NULL, NULL, JLN_TYPE_RECORD,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /**
   * JlnEntryRow:field:
   *
   * The value shown and edited: %JLN_PLAN_FIELD_NUMBER, %JLN_PLAN_FIELD_LABEL,
   * %JLN_PLAN_FIELD_COMPLETION or %JLN_PLAN_FIELD_REFERENCES.
   */
  properties[PROP_FIELD] =
    g_param_spec_enum ("field", NULL, NULL, JLN_TYPE_PLAN_FIELD, JLN_PLAN_FIELD_NUMBER,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /**
   * JlnEntryRow:error:
   *
   * Why the last value typed was refused, or %NULL.
   */
  properties[PROP_ERROR] =
    g_param_spec_string ("error", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/jalons/Jalons/jln-entry-row.ui");
  gtk_widget_class_bind_template_callback (widget_class, entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, focus_leave_cb);
  gtk_widget_class_bind_template_callback (widget_class, key_pressed_cb);
}

static void
jln_entry_row_init (JlnEntryRow *self)
{
  self->field = JLN_PLAN_FIELD_NUMBER;
  gtk_widget_init_template (GTK_WIDGET (self));
  set_name (self);
  g_signal_connect (self, "notify::title", G_CALLBACK (title_changed_cb), NULL);
}

/**
 * jln_entry_row_get_session:
 *
 * Returns: (transfer none) (nullable): the session edits go to
 */
JlnSession *
jln_entry_row_get_session (JlnEntryRow *self)
{
  g_return_val_if_fail (JLN_IS_ENTRY_ROW (self), NULL);
  return self->session;
}

void
jln_entry_row_set_session (JlnEntryRow *self,
                           JlnSession  *session)
{
  g_return_if_fail (JLN_IS_ENTRY_ROW (self));
  g_return_if_fail (session == NULL || JLN_IS_SESSION (session));

  if (g_set_object (&self->session, session))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

/**
 * jln_entry_row_get_record:
 *
 * Returns: (transfer none) (nullable): the record shown
 */
JlnRecord *
jln_entry_row_get_record (JlnEntryRow *self)
{
  g_return_val_if_fail (JLN_IS_ENTRY_ROW (self), NULL);
  return self->record;
}

/**
 * jln_entry_row_set_record:
 * @record: (nullable): the record whose value to show
 *
 * Shows the value of @record, in place of what was shown, and forgets
 * the message of a refused value.
 */
void
jln_entry_row_set_record (JlnEntryRow *self,
                          JlnRecord   *record)
{
  g_return_if_fail (JLN_IS_ENTRY_ROW (self));
  g_return_if_fail (record == NULL || JLN_IS_RECORD (record));

  if (self->record == record)
    return;

  if (self->record != NULL)
    g_clear_signal_handler (&self->notify_id, self->record);
  g_set_object (&self->record, record);
  if (record != NULL)
    self->notify_id = g_signal_connect (record, "notify", G_CALLBACK (record_notify_cb), self);
  set_error (self, NULL);
  refresh (self, TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECORD]);
}

JlnPlanField
jln_entry_row_get_field (JlnEntryRow *self)
{
  g_return_val_if_fail (JLN_IS_ENTRY_ROW (self), JLN_PLAN_FIELD_NUMBER);
  return self->field;
}

void
jln_entry_row_set_field (JlnEntryRow  *self,
                         JlnPlanField  field)
{
  g_return_if_fail (JLN_IS_ENTRY_ROW (self));

  if (self->field == field)
    return;
  self->field = field;
  set_name (self);
  refresh (self, TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIELD]);
}

const char *
jln_entry_row_get_error (JlnEntryRow *self)
{
  g_return_val_if_fail (JLN_IS_ENTRY_ROW (self), NULL);
  return self->error;
}

/**
 * jln_entry_row_commit:
 *
 * Commits what the user is typing in the row, if the focus is in it:
 * before the row shows another record.
 */
void
jln_entry_row_commit (JlnEntryRow *self)
{
  g_return_if_fail (JLN_IS_ENTRY_ROW (self));

  if (self->record != NULL && has_focus_in (GTK_WIDGET (self)))
    commit (self);
}
