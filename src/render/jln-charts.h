/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>
#include <cairo.h>

#include "jln-indicator.h"
#include "jln-plan.h"
#include "jln-query.h"
#include "jln-render-style.h"

G_BEGIN_DECLS

typedef enum
{
  JLN_CHART_INDICATOR,     /* one indicator: targets by year against measurements */
  JLN_CHART_STATUS,        /* actions by status for each objective */
  JLN_CHART_COMPLETIONS,   /* completions over time against what was planned */
  JLN_CHART_UNITS,         /* actions per responsible unit */
} JlnChartKind;

#define JLN_TYPE_CHART_KIND (jln_chart_kind_get_type ())
GType jln_chart_kind_get_type (void) G_GNUC_CONST;

#define JLN_TYPE_CHART (jln_chart_get_type ())

typedef struct _JlnChart JlnChart;
typedef struct _JlnChartClass JlnChartClass;

/* A derivable type whose instance and class structures are private to
 * the painters: one subclass per kind of chart. */
GType jln_chart_get_type (void) G_GNUC_CONST;
#define JLN_CHART(obj) (G_TYPE_CHECK_INSTANCE_CAST ((obj), JLN_TYPE_CHART, JlnChart))
#define JLN_IS_CHART(obj) (G_TYPE_CHECK_INSTANCE_TYPE ((obj), JLN_TYPE_CHART))
#define JLN_CHART_CLASS(klass) (G_TYPE_CHECK_CLASS_CAST ((klass), JLN_TYPE_CHART, JlnChartClass))
#define JLN_CHART_GET_CLASS(obj) (G_TYPE_INSTANCE_GET_CLASS ((obj), JLN_TYPE_CHART, JlnChartClass))
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JlnChart, g_object_unref)

/* The painter of one chart, drawn at the size its caller gives. A chart
 * is a list of items (a target, a measurement, a bar, a semester) that
 * hit-testing, tooltips, keyboard focus and the accessible description
 * share. It reads the plan when first drawn and again after
 * jln_chart_invalidate(). */
JlnChart     *jln_chart_new_indicator     (JlnPlan              *plan,
                                           JlnIndicator         *indicator);
JlnChart     *jln_chart_new               (JlnChartKind          kind,
                                           JlnPlan              *plan,
                                           JlnQuery             *query);
JlnChartKind  jln_chart_get_kind          (JlnChart             *self);
JlnPlan      *jln_chart_get_plan          (JlnChart             *self);
JlnIndicator *jln_chart_get_indicator     (JlnChart             *self);
void          jln_chart_set_query         (JlnChart             *self,
                                           JlnQuery             *query);
void          jln_chart_invalidate        (JlnChart             *self);

double        jln_chart_get_height_for_width (JlnChart          *self,
                                           const JlnRenderStyle *style,
                                           double                width);
void          jln_chart_draw              (JlnChart             *self,
                                           cairo_t              *cr,
                                           const JlnRenderStyle *style,
                                           double                width,
                                           double                height);

guint         jln_chart_get_n_items       (JlnChart             *self);
int           jln_chart_hit_test          (JlnChart             *self,
                                           const JlnRenderStyle *style,
                                           double                width,
                                           double                height,
                                           double                x,
                                           double                y);
gboolean      jln_chart_get_item_area     (JlnChart             *self,
                                           const JlnRenderStyle *style,
                                           double                width,
                                           double                height,
                                           guint                 index,
                                           cairo_rectangle_t    *area);
char         *jln_chart_dup_item_text     (JlnChart             *self,
                                           const JlnRenderStyle *style,
                                           guint                 index);
const char   *jln_chart_get_item_query    (JlnChart             *self,
                                           guint                 index);
JlnRecord    *jln_chart_get_item_record   (JlnChart             *self,
                                           guint                 index);
char         *jln_chart_dup_title         (JlnChart             *self,
                                           const JlnRenderStyle *style);
char         *jln_chart_dup_description   (JlnChart             *self,
                                           const JlnRenderStyle *style);

/* Where the plot, a bar's label and the completions chart's note are
 * drawn: for tests and for readers of the layout. */
gboolean      jln_chart_get_plot_area     (JlnChart             *self,
                                           const JlnRenderStyle *style,
                                           double                width,
                                           double                height,
                                           cairo_rectangle_t    *area);
gboolean      jln_chart_get_row_label_area (JlnChart            *self,
                                           const JlnRenderStyle *style,
                                           double                width,
                                           double                height,
                                           guint                 row,
                                           cairo_rectangle_t    *area);
gboolean      jln_chart_get_note_area     (JlnChart             *self,
                                           const JlnRenderStyle *style,
                                           double                width,
                                           double                height,
                                           cairo_rectangle_t    *area);
/* Year labels along the x axis of an indicator or completions chart, as
 * drawn: for tests and for readers of the layout. */
guint         jln_chart_get_n_axis_labels (JlnChart             *self,
                                           const JlnRenderStyle *style,
                                           double                width,
                                           double                height);
const char   *jln_chart_get_axis_label    (JlnChart             *self,
                                           guint                 index,
                                           double               *x);

/* Numbers as the content language writes them: "12,5" and "45 %" (with
 * a no-break space) in French, "12.5" and "45%" in English. */
char         *jln_format_number           (double                value,
                                           JlnLang               lang);
char         *jln_format_percent          (double                value,
                                           JlnLang               lang);

G_END_DECLS
