/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "jln-session.h"
#include "jln-types.h"

G_BEGIN_DECLS

#define JLN_TYPE_ENTRY_ROW (jln_entry_row_get_type ())

G_DECLARE_FINAL_TYPE (JlnEntryRow, jln_entry_row, JLN, ENTRY_ROW, AdwEntryRow)

JlnSession   *jln_entry_row_get_session (JlnEntryRow  *self);
void          jln_entry_row_set_session (JlnEntryRow  *self,
                                         JlnSession   *session);
JlnRecord    *jln_entry_row_get_record  (JlnEntryRow  *self);
void          jln_entry_row_set_record  (JlnEntryRow  *self,
                                         JlnRecord    *record);
JlnPlanField  jln_entry_row_get_field   (JlnEntryRow  *self);
void          jln_entry_row_set_field   (JlnEntryRow  *self,
                                         JlnPlanField  field);
const char   *jln_entry_row_get_error   (JlnEntryRow  *self);
void          jln_entry_row_commit      (JlnEntryRow  *self);

G_END_DECLS
