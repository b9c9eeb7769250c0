/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jln-completion.h"
#include "jln-record.h"
#include "jln-semester.h"

G_BEGIN_DECLS

#define JLN_TYPE_ACTION_ITEM (jln_action_item_get_type ())

G_DECLARE_FINAL_TYPE (JlnActionItem, jln_action_item, JLN, ACTION_ITEM, JlnRecord)

const char *         jln_action_item_get_label (JlnActionItem *self);
const JlnText *      jln_action_item_get_title (JlnActionItem *self);
JlnStatus             jln_action_item_get_status (JlnActionItem *self);
const JlnCompletion *jln_action_item_get_completion (JlnActionItem *self);
JlnSemester           jln_action_item_get_due (JlnActionItem *self);
GPtrArray *          jln_action_item_get_units (JlnActionItem *self);

G_END_DECLS
