/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jln-completion.h"
#include "jln-record.h"
#include "jln-semester.h"

G_BEGIN_DECLS

#define JLN_TYPE_PRINCIPLE (jln_principle_get_type ())

G_DECLARE_FINAL_TYPE (JlnPrinciple, jln_principle, JLN, PRINCIPLE, JlnRecord)

int              jln_principle_get_number (JlnPrinciple *self);
JlnPrincipleArea jln_principle_get_area (JlnPrinciple *self);
const JlnText * jln_principle_get_name (JlnPrinciple *self);

G_END_DECLS
