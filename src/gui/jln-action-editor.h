/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "jln-document.h"
#include "jln-query-filter.h"
#include "jln-session.h"

G_BEGIN_DECLS

#define JLN_TYPE_ACTION_EDITOR (jln_action_editor_get_type ())

G_DECLARE_FINAL_TYPE (JlnActionEditor, jln_action_editor, JLN, ACTION_EDITOR, GtkWidget)

GtkWidget   *jln_action_editor_new                  (void);
JlnDocument *jln_action_editor_get_document         (JlnActionEditor *self);
void         jln_action_editor_set_editable         (JlnActionEditor *self,
                                                     gboolean         editable);
JlnLang      jln_action_editor_get_content_language (JlnActionEditor *self);
JlnSession  *jln_action_editor_get_session          (JlnActionEditor *self);
void         jln_action_editor_set_session          (JlnActionEditor *self,
                                                     JlnSession      *session);
JlnRecord   *jln_action_editor_get_record           (JlnActionEditor *self);
void         jln_action_editor_set_record           (JlnActionEditor *self,
                                                     JlnRecord       *record);

G_END_DECLS
