/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "jln-session.h"

G_BEGIN_DECLS

#define JLN_TYPE_STATUS_ROW (jln_status_row_get_type ())

G_DECLARE_FINAL_TYPE (JlnStatusRow, jln_status_row, JLN, STATUS_ROW, AdwComboRow)

JlnSession *jln_status_row_get_session (JlnStatusRow *self);
void        jln_status_row_set_session (JlnStatusRow *self,
                                        JlnSession   *session);
JlnRecord  *jln_status_row_get_record  (JlnStatusRow *self);
void        jln_status_row_set_record  (JlnStatusRow *self,
                                        JlnRecord    *record);
const char *jln_status_row_get_error   (JlnStatusRow *self);

G_END_DECLS
