/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "jln-session.h"
#include "jln-types.h"

G_BEGIN_DECLS

#define JLN_TYPE_SEMESTER_ROW (jln_semester_row_get_type ())

G_DECLARE_FINAL_TYPE (JlnSemesterRow, jln_semester_row, JLN, SEMESTER_ROW, AdwComboRow)

JlnSession   *jln_semester_row_get_session (JlnSemesterRow *self);
void          jln_semester_row_set_session (JlnSemesterRow *self,
                                            JlnSession     *session);
JlnRecord    *jln_semester_row_get_record  (JlnSemesterRow *self);
void          jln_semester_row_set_record  (JlnSemesterRow *self,
                                            JlnRecord      *record);
JlnPlanField  jln_semester_row_get_field   (JlnSemesterRow *self);
void          jln_semester_row_set_field   (JlnSemesterRow *self,
                                            JlnPlanField    field);
const char   *jln_semester_row_get_error   (JlnSemesterRow *self);

G_END_DECLS
