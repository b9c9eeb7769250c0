/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jln-completion.h"
#include "jln-record.h"
#include "jln-semester.h"

G_BEGIN_DECLS

#define JLN_TYPE_TARGET (jln_target_get_type ())

G_DECLARE_FINAL_TYPE (JlnTarget, jln_target, JLN, TARGET, JlnRecord)

int             jln_target_get_year (JlnTarget *self);
const JlnText *jln_target_get_series (JlnTarget *self);
double          jln_target_get_value (JlnTarget *self);
const JlnText *jln_target_get_text (JlnTarget *self);

G_END_DECLS
