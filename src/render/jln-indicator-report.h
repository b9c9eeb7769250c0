/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jln-charts.h"
#include "jln-picture.h"

G_BEGIN_DECLS

#define JLN_TYPE_INDICATOR_REPORT (jln_indicator_report_get_type ())

G_DECLARE_FINAL_TYPE (JlnIndicatorReport, jln_indicator_report, JLN, INDICATOR_REPORT, GObject)

/* The indicators of a plan as a picture for export and printing: the
 * plan-wide charts, then one chart per indicator with its actors and
 * follow-up, laid out on pages so that no chart is cut. */
JlnIndicatorReport *jln_indicator_report_new       (JlnPlan            *plan);
void                jln_indicator_report_set_query (JlnIndicatorReport *self,
                                                    JlnQuery           *query);
JlnPlan            *jln_indicator_report_get_plan  (JlnIndicatorReport *self);

G_END_DECLS
