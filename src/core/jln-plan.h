/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jln-completion.h"
#include "jln-record.h"
#include "jln-semester.h"

G_BEGIN_DECLS

#define JLN_TYPE_PLAN (jln_plan_get_type ())

G_DECLARE_FINAL_TYPE (JlnPlan, jln_plan, JLN, PLAN, JlnRecord)

const JlnText *jln_plan_get_title (JlnPlan *self);
JlnSemester     jln_plan_get_start (JlnPlan *self);
JlnSemester     jln_plan_get_end (JlnPlan *self);
const JlnText *jln_plan_get_notes (JlnPlan *self);
GListModel *   jln_plan_get_units (JlnPlan *self);
GListModel *   jln_plan_get_principles (JlnPlan *self);
GListModel *   jln_plan_get_milestones (JlnPlan *self);
GListModel *   jln_plan_get_objectives (JlnPlan *self);
GListModel *   jln_plan_get_indicators (JlnPlan *self);
GListModel *   jln_plan_get_sections (JlnPlan *self);

/* Plan content is kept in both languages, whatever the interface's. */
#define JLN_PLAN_UNTITLED_FR "Nouveau plan"
#define JLN_PLAN_UNTITLED_EN "New plan"

JlnPlan     *jln_plan_new             (void);
JlnPlan     *jln_plan_new_untitled    (void);
JlnRecord   *jln_plan_lookup          (JlnPlan    *self,
                                       const char *id);
guint        jln_plan_get_n_records   (JlnPlan    *self);

/* For the core only. */
JlnPlan     *_jln_plan_new_with_id    (const char *id);
JlnRecord   *_jln_plan_resolve        (const char *id,
                                       gpointer    user_data);
void         _jln_plan_index_add      (JlnPlan    *self,
                                       JlnRecord  *record);
gboolean     _jln_plan_index_insert   (JlnPlan    *self,
                                       JlnRecord  *record);
void         _jln_plan_index_remove   (JlnPlan    *self,
                                       JlnRecord  *record);
void         _jln_plan_take_index     (JlnPlan    *self,
                                       GHashTable *index);
gboolean     _jln_plan_is_large       (JlnPlan    *self);
void         _jln_plan_children_changed (JlnPlan    *self,
                                         JlnRecord  *record,
                                         GListModel *store,
                                         guint       position,
                                         guint       removed,
                                         guint       added);
void         _jln_plan_children_made  (JlnPlan    *self,
                                       JlnRecord  *record);
void         _jln_plan_release_free_memory (void);
guint        _jln_plan_count_referrers (JlnPlan   *self,
                                        JlnRecord *target,
                                        GPtrArray *referrers);

G_END_DECLS
