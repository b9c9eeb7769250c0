/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "jln-enums.h"
#include "jln-field-binding.h"
#include "jln-plan-edits.h"

struct _JlnFieldBinding
{
  GObject              parent_instance;

  GObject             *owner;      /* unowned: the owner holds the binding till it is finalized */
  JlnFieldChangedFunc  changed;
  JlnSession          *session;
  JlnRecord           *record;
  gulong               notify_id;
  int                  field;      /* a JlnPlanField, or JLN_FIELD_BINDING_NO_FIELD */
  char                *name;       /* of the field, as the record's properties spell it */
  GPtrArray           *watched;    /* more properties of the record, interned */
  GSignalGroup        *session_signals;
};

G_DEFINE_FINAL_TYPE (JlnFieldBinding, jln_field_binding, G_TYPE_OBJECT)

static void
jln_field_binding_dispose (GObject *object)
{
  jln_field_binding_unbind (JLN_FIELD_BINDING (object));

  G_OBJECT_CLASS (jln_field_binding_parent_class)->dispose (object);
}

static void
jln_field_binding_finalize (GObject *object)
{
  JlnFieldBinding *self = JLN_FIELD_BINDING (object);

  g_free (self->name);
  g_clear_pointer (&self->watched, g_ptr_array_unref);

  G_OBJECT_CLASS (jln_field_binding_parent_class)->finalize (object);
}

static void
jln_field_binding_class_init (JlnFieldBindingClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = jln_field_binding_dispose;
  G_OBJECT_CLASS (klass)->finalize = jln_field_binding_finalize;
}

static void
jln_field_binding_init (JlnFieldBinding *self)
{
  self->field = JLN_FIELD_BINDING_NO_FIELD;
}

/* The field's text in both languages is notified as "NAME-fr" and
 * "NAME-en". */
static gboolean
is_field_property (JlnFieldBinding *self,
                   const char      *property)
{
  gsize len;

  if (self->name == NULL)
    return TRUE;
  len = strlen (self->name);
  if (strncmp (property, self->name, len) == 0 &&
      (property[len] == '\0' ||
       g_str_equal (property + len, "-fr") || g_str_equal (property + len, "-en")))
    return TRUE;
  for (guint i = 0; self->watched != NULL && i < self->watched->len; i++)
    if (g_str_equal (property, g_ptr_array_index (self->watched, i)))
      return TRUE;
  return FALSE;
}

static void
record_notify_cb (JlnRecord       *record,
                  GParamSpec      *pspec,
                  JlnFieldBinding *self)
{
  if (self->owner != NULL && is_field_property (self, pspec->name))
    self->changed (self->owner, JLN_FIELD_CHANGE_VALUE);
}

static void
notify_owner (JlnFieldBinding *self,
              const char      *property)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (self->owner), property);

  g_object_notify_by_pspec (self->owner, pspec);
}

/**
 * jln_field_binding_install_properties:
 * @klass: the class of a row
 * @first_prop_id: the id of "session", followed by "record" and "field"
 * @default_field: the default of "field", or %JLN_FIELD_BINDING_NO_FIELD
 *   for a row without that property
 *
 * Installs the properties handled by jln_field_binding_get_property()
 * and jln_field_binding_set_property().
 */
void
jln_field_binding_install_properties (GObjectClass *klass,
                                      guint         first_prop_id,
                                      int           default_field)
{
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  /* The window's session: edits are applied to its document. */
  g_object_class_install_property (klass, first_prop_id,
                                   g_param_spec_object ("session", NULL, NULL,
                                                        JLN_TYPE_SESSION, flags));
  /* The record whose field is shown, or %NULL. */
  g_object_class_install_property (klass, first_prop_id + 1,
                                   g_param_spec_object ("record", NULL, NULL,
                                                        JLN_TYPE_RECORD, flags));
  /* The field shown and edited, like %JLN_PLAN_FIELD_TITLE. */
  if (default_field != JLN_FIELD_BINDING_NO_FIELD)
    g_object_class_install_property (klass, first_prop_id + 2,
                                     g_param_spec_enum ("field", NULL, NULL,
                                                        JLN_TYPE_PLAN_FIELD, default_field,
                                                        flags));
}

/**
 * jln_field_binding_new:
 * @owner: (type GObject): the row
 * @field: the field shown first, or %JLN_FIELD_BINDING_NO_FIELD for a
 *   row that hears every property of its record
 * @changed: called with @owner when the session, the record, the field
 *   or the record's field change
 *
 * Makes the binding of @owner, which belongs to @owner: it lives as long
 * as @owner, whose dispose only has to call jln_field_binding_unbind().
 *
 * Returns: (transfer none): the binding
 */
JlnFieldBinding *
jln_field_binding_new (gpointer            owner,
                       int                 field,
                       JlnFieldChangedFunc changed)
{
  JlnFieldBinding *self;

  g_return_val_if_fail (G_IS_OBJECT (owner), NULL);
  g_return_val_if_fail (changed != NULL, NULL);

  self = g_object_new (JLN_TYPE_FIELD_BINDING, NULL);
  self->owner = owner;
  self->changed = changed;
  self->field = field;
  if (field != JLN_FIELD_BINDING_NO_FIELD)
    self->name = g_strdelimit (g_strdup (jln_plan_field_get_name (field)), "_", '-');
  g_object_set_data_full (owner, "jln-field-binding", self, g_object_unref);
  return self;
}

/**
 * jln_field_binding_watch:
 * @property: another property of the record that the row shows
 *
 * Calls the owner back when @property of the record changes too.
 */
void
jln_field_binding_watch (JlnFieldBinding *self,
                         const char      *property)
{
  g_return_if_fail (JLN_IS_FIELD_BINDING (self));

  if (self->watched == NULL)
    self->watched = g_ptr_array_new ();
  g_ptr_array_add (self->watched, (gpointer) g_intern_string (property));
}

/**
 * jln_field_binding_connect_session:
 * @callback: called with the owner as its first argument, as with
 *   %G_CONNECT_SWAPPED
 *
 * Connects @callback to @detailed_signal of whichever session the row is
 * given, now and later.
 */
void
jln_field_binding_connect_session (JlnFieldBinding *self,
                                   const char      *detailed_signal,
                                   GCallback        callback)
{
  g_return_if_fail (JLN_IS_FIELD_BINDING (self));
  g_return_if_fail (self->owner != NULL);

  if (self->session_signals == NULL)
    {
      self->session_signals = g_signal_group_new (JLN_TYPE_SESSION);
      g_signal_group_set_target (self->session_signals, self->session);
    }
  g_signal_group_connect_object (self->session_signals, detailed_signal, callback,
                                 self->owner, G_CONNECT_SWAPPED);
}

/**
 * jln_field_binding_unbind:
 *
 * Lets the record and the session go, without calling the owner back:
 * from the owner's dispose.
 */
void
jln_field_binding_unbind (JlnFieldBinding *self)
{
  g_return_if_fail (JLN_IS_FIELD_BINDING (self));

  if (self->record != NULL)
    g_clear_signal_handler (&self->notify_id, self->record);
  g_clear_object (&self->record);
  g_clear_object (&self->session);
  g_clear_object (&self->session_signals);
  self->owner = NULL;
}

/**
 * jln_field_binding_get_property:
 *
 * Returns: whether @pspec is one of the binding's properties, whose value
 *   is then in @value
 */
gboolean
jln_field_binding_get_property (JlnFieldBinding *self,
                                GParamSpec      *pspec,
                                GValue          *value)
{
  if (g_str_equal (pspec->name, "session"))
    g_value_set_object (value, self->session);
  else if (g_str_equal (pspec->name, "record"))
    g_value_set_object (value, self->record);
  else if (g_str_equal (pspec->name, "field"))
    g_value_set_enum (value, self->field);
  else
    return FALSE;
  return TRUE;
}

/**
 * jln_field_binding_set_property:
 *
 * Returns: whether @pspec is one of the binding's properties, now set to
 *   @value
 */
gboolean
jln_field_binding_set_property (JlnFieldBinding *self,
                                GParamSpec      *pspec,
                                const GValue    *value)
{
  if (g_str_equal (pspec->name, "session"))
    jln_field_binding_set_session (self, g_value_get_object (value));
  else if (g_str_equal (pspec->name, "record"))
    jln_field_binding_set_record (self, g_value_get_object (value));
  else if (g_str_equal (pspec->name, "field"))
    jln_field_binding_set_field (self, g_value_get_enum (value));
  else
    return FALSE;
  return TRUE;
}

/**
 * jln_field_binding_get_session:
 *
 * Returns: (transfer none) (nullable): the session edits go to
 */
JlnSession *
jln_field_binding_get_session (JlnFieldBinding *self)
{
  g_return_val_if_fail (JLN_IS_FIELD_BINDING (self), NULL);
  return self->session;
}

void
jln_field_binding_set_session (JlnFieldBinding *self,
                               JlnSession      *session)
{
  g_return_if_fail (JLN_IS_FIELD_BINDING (self));
  g_return_if_fail (session == NULL || JLN_IS_SESSION (session));

  if (self->owner == NULL || !g_set_object (&self->session, session))
    return;
  if (self->session_signals != NULL)
    g_signal_group_set_target (self->session_signals, session);
  self->changed (self->owner, JLN_FIELD_CHANGE_SESSION);
  notify_owner (self, "session");
}

/**
 * jln_field_binding_get_document:
 *
 * Returns: (transfer none) (nullable): the document of the session
 */
JlnDocument *
jln_field_binding_get_document (JlnFieldBinding *self)
{
  g_return_val_if_fail (JLN_IS_FIELD_BINDING (self), NULL);
  return self->session != NULL ? jln_session_get_document (self->session) : NULL;
}

/**
 * jln_field_binding_get_record:
 *
 * Returns: (transfer none) (nullable): the record shown
 */
JlnRecord *
jln_field_binding_get_record (JlnFieldBinding *self)
{
  g_return_val_if_fail (JLN_IS_FIELD_BINDING (self), NULL);
  return self->record;
}

/**
 * jln_field_binding_set_record:
 * @record: (nullable): the record to show
 *
 * Stops hearing the record shown until now and hears @record.
 */
void
jln_field_binding_set_record (JlnFieldBinding *self,
                              JlnRecord       *record)
{
  g_return_if_fail (JLN_IS_FIELD_BINDING (self));
  g_return_if_fail (record == NULL || JLN_IS_RECORD (record));

  if (self->owner == NULL || self->record == record)
    return;

  if (self->record != NULL)
    g_clear_signal_handler (&self->notify_id, self->record);
  g_set_object (&self->record, record);
  if (record != NULL)
    self->notify_id = g_signal_connect (record, "notify", G_CALLBACK (record_notify_cb), self);
  self->changed (self->owner, JLN_FIELD_CHANGE_RECORD);
  notify_owner (self, "record");
}

JlnPlanField
jln_field_binding_get_field (JlnFieldBinding *self)
{
  g_return_val_if_fail (JLN_IS_FIELD_BINDING (self), 0);
  return self->field;
}

void
jln_field_binding_set_field (JlnFieldBinding *self,
                             JlnPlanField     field)
{
  g_return_if_fail (JLN_IS_FIELD_BINDING (self));

  if (self->owner == NULL || self->field == (int) field)
    return;
  self->field = field;
  g_free (self->name);
  self->name = g_strdelimit (g_strdup (jln_plan_field_get_name (field)), "_", '-');
  self->changed (self->owner, JLN_FIELD_CHANGE_FIELD);
  notify_owner (self, "field");
}

/**
 * jln_field_binding_get_name:
 *
 * Returns: (nullable): the name of the field as the record's properties
 *   spell it, like "follow-up"; the row's widgets are named after it
 */
const char *
jln_field_binding_get_name (JlnFieldBinding *self)
{
  g_return_val_if_fail (JLN_IS_FIELD_BINDING (self), NULL);
  return self->name;
}
