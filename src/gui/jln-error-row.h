/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "jln-types.h"

G_BEGIN_DECLS

#define JLN_TYPE_ERROR_ROW (jln_error_row_get_type ())

G_DECLARE_FINAL_TYPE (JlnErrorRow, jln_error_row, JLN, ERROR_ROW, AdwPreferencesRow)

const char   *jln_error_row_get_message (JlnErrorRow  *self);
void          jln_error_row_set_message (JlnErrorRow  *self,
                                         const char   *message);
JlnPlanField  jln_error_row_get_field   (JlnErrorRow  *self);
void          jln_error_row_set_field   (JlnErrorRow  *self,
                                         JlnPlanField  field);

G_END_DECLS
