/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "jln-session.h"
#include "jln-types.h"

G_BEGIN_DECLS

#define JLN_TYPE_TEXT_ROW (jln_text_row_get_type ())

G_DECLARE_FINAL_TYPE (JlnTextRow, jln_text_row, JLN, TEXT_ROW, AdwPreferencesRow)

GtkWidget    *jln_text_row_new           (void);
JlnSession   *jln_text_row_get_session   (JlnTextRow   *self);
void          jln_text_row_set_session   (JlnTextRow   *self,
                                          JlnSession   *session);
JlnRecord    *jln_text_row_get_record    (JlnTextRow   *self);
void          jln_text_row_set_record    (JlnTextRow   *self,
                                          JlnRecord    *record);
JlnPlanField  jln_text_row_get_field     (JlnTextRow   *self);
void          jln_text_row_set_field     (JlnTextRow   *self,
                                          JlnPlanField  field);
gboolean      jln_text_row_get_multiline (JlnTextRow   *self);
void          jln_text_row_set_multiline (JlnTextRow   *self,
                                          gboolean      multiline);
GtkWidget    *jln_text_row_get_view      (JlnTextRow   *self,
                                          JlnLang       lang);
void          jln_text_row_commit        (JlnTextRow   *self);

G_END_DECLS
