/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "jln-session.h"
#include "jln-types.h"

G_BEGIN_DECLS

#define JLN_TYPE_CHOICE_ROW (jln_choice_row_get_type ())

G_DECLARE_FINAL_TYPE (JlnChoiceRow, jln_choice_row, JLN, CHOICE_ROW, AdwComboRow)

JlnSession   *jln_choice_row_get_session (JlnChoiceRow *self);
void          jln_choice_row_set_session (JlnChoiceRow *self,
                                          JlnSession   *session);
JlnRecord    *jln_choice_row_get_record  (JlnChoiceRow *self);
void          jln_choice_row_set_record  (JlnChoiceRow *self,
                                          JlnRecord    *record);
JlnPlanField  jln_choice_row_get_field   (JlnChoiceRow *self);
void          jln_choice_row_set_field   (JlnChoiceRow *self,
                                          JlnPlanField  field);
const char   *jln_choice_row_get_error   (JlnChoiceRow *self);

G_END_DECLS
