/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "jln-document.h"
#include "jln-query-filter.h"
#include "jln-session.h"

G_BEGIN_DECLS

#define JLN_TYPE_ACTION_LIST (jln_action_list_get_type ())

G_DECLARE_FINAL_TYPE (JlnActionList, jln_action_list, JLN, ACTION_LIST, GtkWidget)

GtkWidget      *jln_action_list_new                  (void);
JlnDocument    *jln_action_list_get_document         (JlnActionList  *self);
JlnLang         jln_action_list_get_content_language (JlnActionList  *self);
JlnQueryFilter *jln_action_list_get_filter           (JlnActionList  *self);
JlnSession     *jln_action_list_get_session          (JlnActionList  *self);
void            jln_action_list_set_session          (JlnActionList  *self,
                                                      JlnSession     *session);
JlnRecord      *jln_action_list_get_selected         (JlnActionList  *self);
void            jln_action_list_select               (JlnActionList  *self,
                                                      JlnRecord      *record);
void            jln_action_list_focus_search         (JlnActionList  *self);
guint           jln_action_list_get_n_shown          (JlnActionList  *self);
guint           jln_action_list_get_n_total          (JlnActionList  *self);
gboolean        jln_action_list_get_pending          (JlnActionList  *self);

G_END_DECLS
