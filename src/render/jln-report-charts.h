/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jln-report.h"

G_BEGIN_DECLS

/* The plan-wide charts (actions by status with the overdue ones,
 * completions over time, actions per unit) as PNG pictures for the
 * documents: a JlnReportChartsFunc. */
GPtrArray *jln_report_charts_draw (JlnPlan  *plan,
                                   JlnLang   lang,
                                   double    width_mm,
                                   gpointer  user_data);

/* The chart of each indicator: for the Gender Equality Plan's summary. */
GPtrArray *jln_report_charts_draw_indicators (JlnPlan  *plan,
                                              JlnLang   lang,
                                              double    width_mm);

G_END_DECLS
