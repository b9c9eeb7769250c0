/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jln-completion.h"
#include "jln-record.h"
#include "jln-semester.h"

G_BEGIN_DECLS

#define JLN_TYPE_ACTION (jln_action_get_type ())

G_DECLARE_FINAL_TYPE (JlnAction, jln_action, JLN, ACTION, JlnRecord)

const char *         jln_action_get_number (JlnAction *self);
const JlnText *      jln_action_get_title (JlnAction *self);
const JlnText *      jln_action_get_theme (JlnAction *self);
const JlnText *      jln_action_get_description (JlnAction *self);
JlnStatus             jln_action_get_status (JlnAction *self);
const JlnCompletion *jln_action_get_completion (JlnAction *self);
JlnSemester           jln_action_get_start (JlnAction *self);
JlnSemester           jln_action_get_due (JlnAction *self);
JlnRecurrence         jln_action_get_recurrence (JlnAction *self);
JlnSemester           jln_action_get_next (JlnAction *self);
const char * const * jln_action_get_references (JlnAction *self);
const JlnText *      jln_action_get_extension (JlnAction *self);
const JlnText *      jln_action_get_note (JlnAction *self);
const JlnText *      jln_action_get_actors (JlnAction *self);
const JlnText *      jln_action_get_follow_up (JlnAction *self);
const JlnText *      jln_action_get_schedule (JlnAction *self);
GPtrArray *          jln_action_get_units (JlnAction *self);
GPtrArray *          jln_action_get_principles (JlnAction *self);
GListModel *         jln_action_get_items (JlnAction *self);
GListModel *         jln_action_peek_items (JlnAction *self);

typedef struct _JlnObjective JlnObjective;

JlnObjective        *jln_action_get_objective (JlnAction *self);

/* For the core only. */
gboolean             _jln_action_contains    (JlnAction            *self,
                                              const JlnFoldMatcher *word);
guint                _jln_action_get_n_items (JlnAction            *self);

G_END_DECLS
