/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "jln-document.h"
#include "jln-plan.h"
#include "jln-query-filter.h"
#include "jln-record.h"
#include "jln-semester.h"

G_BEGIN_DECLS

#define JLN_TYPE_SESSION (jln_session_get_type ())

G_DECLARE_FINAL_TYPE (JlnSession, jln_session, JLN, SESSION, GObject)

/* What one window shows: its document and the plan read from it, the
 * filter of its views, the language plan text is shown in, the record
 * selected and the semester that counts as today. Every page and dialog
 * of the window gets the session through its "session" property and
 * follows these properties; none of them asks the window.
 *
 * "plan" changes when a document is set and when the document reads its
 * file again (another window or program committed to it): that is the
 * one path for reloads. The selection then moves to the record of the
 * same id in the new plan, or to none. */
JlnSession     *jln_session_new                  (void);

JlnDocument    *jln_session_get_document         (JlnSession  *self);
void            jln_session_set_document         (JlnSession  *self,
                                                  JlnDocument *document);
JlnPlan        *jln_session_get_plan             (JlnSession  *self);
JlnQueryFilter *jln_session_get_filter           (JlnSession  *self);
JlnLang         jln_session_get_content_language (JlnSession  *self);
void            jln_session_set_content_language (JlnSession  *self,
                                                  JlnLang      lang);
JlnRecord      *jln_session_get_selected         (JlnSession  *self);
void            jln_session_set_selected         (JlnSession  *self,
                                                  JlnRecord   *record);
JlnSemester     jln_session_get_today            (JlnSession  *self);
void            jln_session_set_today            (JlnSession  *self,
                                                  JlnSemester  today);
gboolean        jln_session_get_editable         (JlnSession  *self);
gboolean        jln_session_get_replaced         (JlnSession  *self);
gboolean        jln_session_check_file           (JlnSession  *self,
                                                  GError     **error);

#define JLN_TYPE_SESSION_BINDING (jln_session_binding_get_type ())

G_DECLARE_FINAL_TYPE (JlnSessionBinding, jln_session_binding, JLN, SESSION_BINDING, GObject)

/* How a page or dialog follows its session: it makes a binding once, in
 * its init, with the handlers it wants on the session and on the
 * session's filter, and its set_session moves the binding to the new
 * session. Handlers are called with the owner as their first argument.
 * The binding belongs to its owner; it does not hold the session, and
 * disconnects when the session or the owner goes away. */
JlnSessionBinding *jln_session_binding_new            (gpointer            owner);
void               jln_session_binding_connect        (JlnSessionBinding *self,
                                                       const char        *detailed_signal,
                                                       GCallback          callback);
void               jln_session_binding_connect_filter (JlnSessionBinding *self,
                                                       const char        *detailed_signal,
                                                       GCallback          callback);
JlnSession        *jln_session_binding_get_session    (JlnSessionBinding *self);
void               jln_session_binding_set_session    (JlnSessionBinding *self,
                                                       JlnSession        *session);

G_END_DECLS
