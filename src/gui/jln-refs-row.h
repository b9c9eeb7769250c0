/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "jln-session.h"
#include "jln-types.h"

G_BEGIN_DECLS

#define JLN_TYPE_REFS_ROW (jln_refs_row_get_type ())

G_DECLARE_FINAL_TYPE (JlnRefsRow, jln_refs_row, JLN, REFS_ROW, AdwPreferencesRow)

JlnSession   *jln_refs_row_get_session (JlnRefsRow   *self);
void          jln_refs_row_set_session (JlnRefsRow   *self,
                                        JlnSession   *session);
JlnRecord    *jln_refs_row_get_record  (JlnRefsRow   *self);
void          jln_refs_row_set_record  (JlnRefsRow   *self,
                                        JlnRecord    *record);
JlnPlanField  jln_refs_row_get_field   (JlnRefsRow   *self);
void          jln_refs_row_set_field   (JlnRefsRow   *self,
                                        JlnPlanField  field);

G_END_DECLS
