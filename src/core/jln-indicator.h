/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jln-completion.h"
#include "jln-record.h"
#include "jln-semester.h"

G_BEGIN_DECLS

#define JLN_TYPE_INDICATOR (jln_indicator_get_type ())

G_DECLARE_FINAL_TYPE (JlnIndicator, jln_indicator, JLN, INDICATOR, JlnRecord)

int              jln_indicator_get_number (JlnIndicator *self);
const JlnText * jln_indicator_get_title (JlnIndicator *self);
JlnIndicatorKind jln_indicator_get_kind (JlnIndicator *self);
const JlnText * jln_indicator_get_measure (JlnIndicator *self);
const JlnText * jln_indicator_get_actors (JlnIndicator *self);
const JlnText * jln_indicator_get_follow_up (JlnIndicator *self);
const JlnText * jln_indicator_get_remark (JlnIndicator *self);
GPtrArray *     jln_indicator_get_actions (JlnIndicator *self);
GListModel *    jln_indicator_get_targets (JlnIndicator *self);
GListModel *    jln_indicator_get_measurements (JlnIndicator *self);

G_END_DECLS
