/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jln-completion.h"
#include "jln-record.h"
#include "jln-semester.h"

G_BEGIN_DECLS

#define JLN_TYPE_MILESTONE (jln_milestone_get_type ())

G_DECLARE_FINAL_TYPE (JlnMilestone, jln_milestone, JLN, MILESTONE, JlnRecord)

const char *    jln_milestone_get_date (JlnMilestone *self);
JlnMilestoneKind jln_milestone_get_kind (JlnMilestone *self);
const JlnText * jln_milestone_get_title (JlnMilestone *self);

G_END_DECLS
