/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "jln-record.h"
#include "jln-session.h"
#include "jln-types.h"

G_BEGIN_DECLS

/* What changed, as the binding tells its owner. */
typedef enum
{
  JLN_FIELD_CHANGE_VALUE,    /* the record's field: a notify of the record */
  JLN_FIELD_CHANGE_RECORD,   /* the record shown */
  JLN_FIELD_CHANGE_FIELD,    /* the field shown */
  JLN_FIELD_CHANGE_SESSION,  /* the session edits go to */
} JlnFieldChange;

/* A row that has no "field" property, or follows every property of its
 * record. */
#define JLN_FIELD_BINDING_NO_FIELD (-1)

typedef void (*JlnFieldChangedFunc) (gpointer       owner,
                                     JlnFieldChange change);

#define JLN_TYPE_FIELD_BINDING (jln_field_binding_get_type ())

G_DECLARE_FINAL_TYPE (JlnFieldBinding, jln_field_binding, JLN, FIELD_BINDING, GObject)

/* How an editor's row follows the session, the record and the field it
 * is bound to. The rows derive from different libadwaita rows; each has
 * the properties "session", "record" and, but for a row of one field,
 * "field", installed by jln_field_binding_install_properties() and
 * handled by a binding that the row makes in its init: the binding holds
 * the session and the record, listens to the record's notify signal and
 * calls the row back with what changed. */
void             jln_field_binding_install_properties (GObjectClass        *klass,
                                                       guint                first_prop_id,
                                                       int                  default_field);
JlnFieldBinding *jln_field_binding_new                (gpointer             owner,
                                                       int                  field,
                                                       JlnFieldChangedFunc  changed);
void             jln_field_binding_watch              (JlnFieldBinding     *self,
                                                       const char          *property);
void             jln_field_binding_connect_session    (JlnFieldBinding     *self,
                                                       const char          *detailed_signal,
                                                       GCallback            callback);
void             jln_field_binding_unbind             (JlnFieldBinding     *self);
gboolean         jln_field_binding_get_property       (JlnFieldBinding     *self,
                                                       GParamSpec          *pspec,
                                                       GValue              *value);
gboolean         jln_field_binding_set_property       (JlnFieldBinding     *self,
                                                       GParamSpec          *pspec,
                                                       const GValue        *value);
JlnSession      *jln_field_binding_get_session        (JlnFieldBinding     *self);
void             jln_field_binding_set_session        (JlnFieldBinding     *self,
                                                       JlnSession          *session);
JlnDocument     *jln_field_binding_get_document       (JlnFieldBinding     *self);
JlnRecord       *jln_field_binding_get_record         (JlnFieldBinding     *self);
void             jln_field_binding_set_record         (JlnFieldBinding     *self,
                                                       JlnRecord           *record);
JlnPlanField     jln_field_binding_get_field          (JlnFieldBinding     *self);
void             jln_field_binding_set_field          (JlnFieldBinding     *self,
                                                       JlnPlanField         field);
const char      *jln_field_binding_get_name           (JlnFieldBinding     *self);

G_END_DECLS
