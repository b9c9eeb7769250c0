/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jln-completion.h"
#include "jln-record.h"
#include "jln-semester.h"

G_BEGIN_DECLS

#define JLN_TYPE_UNIT (jln_unit_get_type ())

G_DECLARE_FINAL_TYPE (JlnUnit, jln_unit, JLN, UNIT, JlnRecord)

const char *   jln_unit_get_code (JlnUnit *self);
const JlnText *jln_unit_get_name (JlnUnit *self);

G_END_DECLS
