/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jln-completion.h"
#include "jln-record.h"
#include "jln-semester.h"

G_BEGIN_DECLS

#define JLN_TYPE_OBJECTIVE (jln_objective_get_type ())

G_DECLARE_FINAL_TYPE (JlnObjective, jln_objective, JLN, OBJECTIVE, JlnRecord)

JlnProgramme    jln_objective_get_programme (JlnObjective *self);
const char *   jln_objective_get_number (JlnObjective *self);
const JlnText *jln_objective_get_title (JlnObjective *self);
const JlnText *jln_objective_get_description (JlnObjective *self);
GListModel *   jln_objective_get_actions (JlnObjective *self);

G_END_DECLS
