/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jln-completion.h"
#include "jln-edit.h"
#include "jln-plan.h"
#include "jln-semester.h"

G_BEGIN_DECLS

/* The changes people make to a plan, by intent. Each function builds an
 * edit ready for jln_document_apply(); the numbering of new objectives,
 * actions and sub-items is decided here and nowhere else. A new record
 * is returned in @out_record (transfer none: the edit holds it), so that
 * the caller can select it once the edit is applied. @lang is a JlnLang
 * for a text field and -1 for any other. */

const char *jln_plan_field_get_name        (JlnPlanField   field);
char       *jln_plan_field_dup_value       (JlnRecord     *record,
                                            JlnPlanField   field,
                                            int            lang);

gboolean    jln_plan_edit_is_unchanged     (JlnEdit       *edit);
JlnEdit    *jln_plan_edit_set_value        (JlnRecord     *record,
                                            JlnPlanField   field,
                                            int            lang,
                                            const char    *value);
void        jln_plan_edit_group_set_changed (JlnEdit      *group,
                                            JlnRecord     *record,
                                            JlnPlanField   field,
                                            int            lang,
                                            const char    *value);
JlnEdit    *jln_plan_edit_set_text         (JlnRecord     *record,
                                            JlnPlanField   field,
                                            JlnLang        lang,
                                            const char    *text);
JlnEdit    *jln_plan_edit_set_semester     (JlnRecord     *record,
                                            JlnPlanField   field,
                                            JlnSemester    semester);
JlnEdit    *jln_plan_edit_set_completion   (JlnRecord     *record,
                                            const JlnCompletion *completion);
JlnEdit    *jln_plan_edit_set_enum         (JlnRecord     *record,
                                            JlnPlanField   field,
                                            int            value);
JlnEdit    *jln_plan_edit_set_strv         (JlnRecord     *record,
                                            JlnPlanField   field,
                                            const char * const *values);
JlnEdit    *jln_plan_edit_set_refs         (JlnRecord     *record,
                                            JlnPlanField   field,
                                            GPtrArray     *records);
JlnEdit    *jln_plan_edit_set_status       (JlnRecord     *record,
                                            JlnStatus      status,
                                            JlnSemester    today);

JlnEdit    *jln_plan_edit_add_objective    (JlnPlan       *plan,
                                            JlnRecord    **out_record);
JlnEdit    *jln_plan_edit_add_action       (JlnPlan       *plan,
                                            JlnRecord     *near,
                                            JlnRecord    **out_record);
JlnEdit    *jln_plan_edit_add_item         (JlnRecord     *action,
                                            JlnRecord    **out_record);
JlnEdit    *jln_plan_edit_duplicate        (JlnPlan       *plan,
                                            JlnRecord     *record,
                                            JlnRecord    **out_record);
JlnEdit    *jln_plan_edit_delete           (JlnRecord     *record);
JlnEdit    *jln_plan_edit_move_by          (JlnRecord     *record,
                                            int            delta);
JlnEdit    *jln_plan_edit_add_unit_chosen  (JlnPlan       *plan,
                                            JlnRecord     *record,
                                            const char    *code,
                                            JlnRecord    **out_record);

JlnRecord  *jln_plan_edit_group_add_unit        (JlnEdit   *group,
                                                JlnPlan   *plan,
                                                const char *code);
JlnRecord  *jln_plan_edit_group_add_milestone   (JlnEdit   *group,
                                                JlnPlan   *plan);
JlnRecord  *jln_plan_edit_group_add_indicator   (JlnEdit   *group,
                                                JlnPlan   *plan);
JlnRecord  *jln_plan_edit_group_add_target      (JlnEdit   *group,
                                                JlnPlan   *plan,
                                                JlnRecord *indicator);
JlnRecord  *jln_plan_edit_group_add_measurement (JlnEdit   *group,
                                                JlnPlan   *plan,
                                                JlnRecord *indicator);
JlnEdit    *jln_plan_edit_add_note         (JlnRecord     *owner,
                                            const char    *date,
                                            JlnLang        lang,
                                            const char    *text,
                                            const char    *author,
                                            JlnRecord    **out_record);
JlnEdit    *jln_plan_edit_add_section      (JlnPlan       *plan,
                                            JlnLang        lang,
                                            const char    *title,
                                            JlnRecord    **out_record);

char       *jln_plan_next_action_number    (JlnRecord     *objective);
char       *jln_plan_next_item_label       (JlnRecord     *action);

G_END_DECLS
