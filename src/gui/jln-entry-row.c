/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "jln-entry-row.h"
#include "jln-enums.h"
#include "jln-field-binding.h"
#include "jln-plan-edits.h"

/* One value of a record typed in one line: a number, a label, a
 * completion (checked by jln_completion_parse()) or references (numbers
 * separated by commas). It commits on Enter or when the focus leaves it,
 * Escape gives back what is stored, and a refused value is kept in the
 * error property for the error row below, while the row shows what is
 * stored again. */
struct _JlnEntryRow
{
  AdwEntryRow      parent_instance;

  JlnFieldBinding *binding;
  char            *error;
};

G_DEFINE_FINAL_TYPE (JlnEntryRow, jln_entry_row, ADW_TYPE_ENTRY_ROW)

enum {
  PROP_0,
  PROP_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];
static guint changed_signal;

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
  JlnRecord *record = jln_field_binding_get_record (self->binding);
  const char *name = jln_field_binding_get_name (self->binding);

  if (record == NULL)
    return g_strdup ("");

  if (jln_field_binding_get_field (self->binding) == JLN_PLAN_FIELD_REFERENCES)
    {
      g_auto(GStrv) references = NULL;

      g_object_get (record, name, &references, NULL);
      return references != NULL ? g_strjoinv (", ", references) : g_strdup ("");
    }
  return jln_record_dup_field (record, name);
}

/* Puts @value in the row. AdwEntryRow answers every change of its text
 * by playing its title's move between placeholder and heading: 150 ms
 * of frames that lay out and draw the row again, even when the text was
 * not empty before and is not empty after, and nothing moves. When the
 * row shows another record's value, and the user is not typing in it,
 * the new value is shown at once:
 * - if the text stays empty, or stays not empty, the row's own handler
 *   of the change is held back, and the row is told of the change;
 * - otherwise the row is taken off screen while its text changes, so
 *   that its title goes to its place without frames in between (an
 *   animation of a widget that is not mapped is skipped). */
static void
set_shown_text (JlnEntryRow *self,
                const char  *value)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkEditable *delegate = gtk_editable_get_delegate (GTK_EDITABLE (self));
  const char *before = gtk_editable_get_text (GTK_EDITABLE (self));
  guint blocked;

  if (!gtk_widget_get_mapped (widget) || has_focus_in (widget))
    {
      gtk_editable_set_text (GTK_EDITABLE (self), value);
      return;
    }
  if ((before[0] == '\0') != (value[0] == '\0'))
    {
      gtk_widget_set_child_visible (widget, FALSE);
      gtk_editable_set_text (GTK_EDITABLE (self), value);
      gtk_widget_set_child_visible (widget, TRUE);
      return;
    }
  blocked = g_signal_handlers_block_matched (delegate, G_SIGNAL_MATCH_ID | G_SIGNAL_MATCH_DATA,
                                             changed_signal, 0, NULL, NULL, self);
  gtk_editable_set_text (GTK_EDITABLE (self), value);
  if (blocked == 0)
    return;
  g_signal_handlers_unblock_matched (delegate, G_SIGNAL_MATCH_ID | G_SIGNAL_MATCH_DATA,
                                     changed_signal, 0, NULL, NULL, self);
  g_signal_emit (self, changed_signal, 0);
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
    set_shown_text (self, value);
}

/* Applies @edit (transfer full). Leaving a field unchanged keeps the
 * message of a refused value in view: it goes when a value is accepted. */
static void
apply (JlnEntryRow *self,
       JlnEdit     *edit)
{
  g_autoptr(JlnEdit) owned = edit;
  g_autoptr(GError) error = NULL;
  JlnDocument *document = jln_field_binding_get_document (self->binding);
  gboolean applied;

  if (owned == NULL || document == NULL || jln_plan_edit_is_unchanged (owned))
    {
      refresh (self, TRUE);
      return;
    }

  /* Applying may take the row away from its editor. */
  g_object_ref (self);
  applied = jln_document_apply (document, owned, &error);
  if (jln_field_binding_get_record (self->binding) != NULL)
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
  JlnRecord *record = jln_field_binding_get_record (self->binding);
  JlnPlanField field = jln_field_binding_get_field (self->binding);

  if (record == NULL)
    return;

  if (field == JLN_PLAN_FIELD_COMPLETION)
    {
      g_autoptr(GError) error = NULL;
      JlnCompletion completion;

      if (!jln_completion_parse (text, &completion, &error))
        {
          set_error (self, error->message);
          refresh (self, TRUE);
          return;
        }
      apply (self, jln_plan_edit_set_completion (record, &completion));
    }
  else if (field == JLN_PLAN_FIELD_REFERENCES)
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
      apply (self, jln_plan_edit_set_strv (record, field, (const char * const *) references));
    }
  else
    apply (self, jln_plan_edit_set_value (record, field, -1, text));
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

  if (keyval != GDK_KEY_Escape || jln_field_binding_get_record (self->binding) == NULL)
    return FALSE;

  /* Escape gives back what is stored, if the user changed it. */
  before = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self)));
  refresh (self, TRUE);
  return g_strcmp0 (before, gtk_editable_get_text (GTK_EDITABLE (self))) != 0;
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
binding_changed_cb (gpointer       owner,
                    JlnFieldChange change)
{
  JlnEntryRow *self = owner;

  if (change == JLN_FIELD_CHANGE_FIELD)
    gtk_widget_set_name (GTK_WIDGET (self), jln_field_binding_get_name (self->binding));
  else if (change == JLN_FIELD_CHANGE_RECORD)
    set_error (self, NULL);
  if (change != JLN_FIELD_CHANGE_SESSION)
    refresh (self, change != JLN_FIELD_CHANGE_VALUE);
}

static void
jln_entry_row_dispose (GObject *object)
{
  JlnEntryRow *self = JLN_ENTRY_ROW (object);

  jln_field_binding_unbind (self->binding);
  gtk_widget_dispose_template (GTK_WIDGET (self), JLN_TYPE_ENTRY_ROW);

  G_OBJECT_CLASS (jln_entry_row_parent_class)->dispose (object);
}

static void
jln_entry_row_finalize (GObject *object)
{
  g_free (JLN_ENTRY_ROW (object)->error);

  G_OBJECT_CLASS (jln_entry_row_parent_class)->finalize (object);
}

static void
jln_entry_row_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  JlnEntryRow *self = JLN_ENTRY_ROW (object);

  if (prop_id == PROP_ERROR)
    g_value_set_string (value, self->error);
  else if (!jln_field_binding_get_property (self->binding, pspec, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
jln_entry_row_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  if (!jln_field_binding_set_property (JLN_ENTRY_ROW (object)->binding, pspec, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
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

  changed_signal = g_signal_lookup ("changed", GTK_TYPE_EDITABLE);

  /**
   * JlnEntryRow:error:
   *
   * Why the last value typed was refused, or %NULL.
   */
  properties[PROP_ERROR] =
    g_param_spec_string ("error", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  /* The value shown and edited: %JLN_PLAN_FIELD_NUMBER, %JLN_PLAN_FIELD_LABEL,
   * %JLN_PLAN_FIELD_COMPLETION or %JLN_PLAN_FIELD_REFERENCES. */
  jln_field_binding_install_properties (object_class, N_PROPS, JLN_PLAN_FIELD_NUMBER);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/jalons/Jalons/jln-entry-row.ui");
  gtk_widget_class_bind_template_callback (widget_class, entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, focus_leave_cb);
  gtk_widget_class_bind_template_callback (widget_class, key_pressed_cb);
}

static void
jln_entry_row_init (JlnEntryRow *self)
{
  self->binding = jln_field_binding_new (self, JLN_PLAN_FIELD_NUMBER, binding_changed_cb);
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_name (GTK_WIDGET (self), jln_field_binding_get_name (self->binding));
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
  return jln_field_binding_get_session (self->binding);
}

void
jln_entry_row_set_session (JlnEntryRow *self,
                           JlnSession  *session)
{
  g_return_if_fail (JLN_IS_ENTRY_ROW (self));
  jln_field_binding_set_session (self->binding, session);
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
  return jln_field_binding_get_record (self->binding);
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
  jln_field_binding_set_record (self->binding, record);
}

JlnPlanField
jln_entry_row_get_field (JlnEntryRow *self)
{
  g_return_val_if_fail (JLN_IS_ENTRY_ROW (self), JLN_PLAN_FIELD_NUMBER);
  return jln_field_binding_get_field (self->binding);
}

void
jln_entry_row_set_field (JlnEntryRow  *self,
                         JlnPlanField  field)
{
  g_return_if_fail (JLN_IS_ENTRY_ROW (self));
  jln_field_binding_set_field (self->binding, field);
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

  if (jln_field_binding_get_record (self->binding) != NULL && has_focus_in (GTK_WIDGET (self)))
    commit (self);
}
