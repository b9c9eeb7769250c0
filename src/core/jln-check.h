/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jln-plan.h"

G_BEGIN_DECLS

typedef struct
{
  guint objectives[2];     /* by JlnProgramme */
  guint actions[2];
  guint items;
  guint units;
  guint principles;
  guint milestones;
  guint indicators;
  guint targets;
  guint measurements;
  guint missing_translations;
  guint notes;             /* progress notes of actions and sub-items */
  guint sections;          /* of the narrative */
} JlnPlanCounts;

void       jln_plan_count       (JlnPlan       *plan,
                                 JlnPlanCounts *counts);
GPtrArray *jln_plan_check       (JlnPlan       *plan);

G_END_DECLS
