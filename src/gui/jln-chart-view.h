/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "jln-charts.h"
#include "jln-session.h"

G_BEGIN_DECLS

#define JLN_TYPE_CHART_VIEW (jln_chart_view_get_type ())

G_DECLARE_FINAL_TYPE (JlnChartView, jln_chart_view, JLN, CHART_VIEW, GtkWidget)

/* Shows one chart painter: tooltips with the values under the pointer,
 * arrow keys to move between bars and points, Enter or a click to
 * activate one, the light or dark style, and the painter's description
 * for screen readers. */
GtkWidget            *jln_chart_view_new                  (JlnChart     *chart);
JlnChart             *jln_chart_view_get_chart            (JlnChartView *self);
void                  jln_chart_view_set_chart            (JlnChartView *self,
                                                           JlnChart     *chart);
JlnChartKind          jln_chart_view_get_kind             (JlnChartView *self);
void                  jln_chart_view_set_kind             (JlnChartView *self,
                                                           JlnChartKind  kind);
const char           *jln_chart_view_get_title            (JlnChartView *self);
JlnSession           *jln_chart_view_get_session          (JlnChartView *self);
void                  jln_chart_view_set_session          (JlnChartView *self,
                                                           JlnSession   *session);
/* The chart's data changed: read it again and redraw. */
void                  jln_chart_view_refresh              (JlnChartView *self);
const JlnRenderStyle *jln_chart_view_get_style            (JlnChartView *self);
int                   jln_chart_view_get_focus_item       (JlnChartView *self);
void                  jln_chart_view_set_focus_item       (JlnChartView *self,
                                                           int           index);
void                  jln_chart_view_activate_item        (JlnChartView *self,
                                                           guint         index);

G_END_DECLS
