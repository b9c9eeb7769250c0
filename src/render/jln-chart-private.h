/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <pango/pangocairo.h>

#include "jln-charts.h"

G_BEGIN_DECLS

/* What a chart base and its kinds share: the items, legend and layout
 * that hit-testing, tooltips and descriptions read, and the kinds'
 * vfuncs. */

typedef enum
{
  ITEM_TARGET,
  ITEM_MEASUREMENT,
  ITEM_TEXT_TARGET,
  ITEM_SEGMENT,
  ITEM_SEMESTER,
  ITEM_UNIT,
} ItemKind;

typedef enum
{
  STATE_NONE,
  STATE_MET,
  STATE_BEHIND,
} TargetState;

typedef struct
{
  ItemKind     kind;
  guint        series;         /* indicator charts */
  guint        row;            /* status and unit charts */
  int          year;
  double       value;          /* target, measurement, count, done */
  double       planned;        /* completions */
  char        *date;           /* a measurement's */
  JlnText      text;           /* a text target, or a measurement's note */
  double       measured;       /* a target: the measurement it is compared with */
  char        *measured_date;
  TargetState  state;
  JlnStatus    status;
  JlnSemester  semester;
  char        *query;
  JlnRecord   *record;         /* the target or measurement */

  /* Layout: the area that hit-testing uses, and a point for markers. */
  double x, y, w, h;
  double px, py;
} Item;

typedef enum
{
  SYMBOL_TARGET,
  SYMBOL_MEASUREMENT,
  SYMBOL_MET,
  SYMBOL_BEHIND,
  SYMBOL_STATUS,
  SYMBOL_PLANNED,
  SYMBOL_DONE,
} Symbol;

typedef struct
{
  Symbol     symbol;
  guint      series;
  JlnStatus  status;
  char      *label;
  double     x, y;
} LegendEntry;

typedef struct
{
  char   *text;
  double  x;
} AxisLabel;

struct _JlnChart
{
  GObject parent_instance;

  JlnChartKind  kind;
  JlnPlan      *plan;
  JlnIndicator *indicator;
  JlnQuery     *query;

  /* Data, read from the plan. */
  gboolean   data_valid;
  GArray    *items;          /* Item */
  GPtrArray *series;         /* JlnText *: populations of an indicator */
  GPtrArray *rows;           /* JlnRecord: objectives or units */
  int        first_year, last_year;
  JlnSemester first_semester, last_semester;
  guint        n_done_before;  /* completions: done before the plan's period */
  double     max_value;
  guint      n_measurements;
  guint      n_text_targets;

  /* Layout, for one size, em and language. */
  gboolean   layout_valid;
  double     layout_width, layout_height, layout_em;
  JlnLang    layout_lang;
  GArray    *legend;         /* LegendEntry */
  GArray    *axis_labels;    /* AxisLabel */
  double     legend_height;
  double     plot_x, plot_y, plot_w, plot_h;
  double     side_x, side_w;
  double     label_w;        /* bar charts: the row label column */
  guint      rows_shown;     /* bar charts: the rows that fit */
  double     right_w;        /* indicator charts: labels right of the plot */
  double     note_y, note_h; /* indicator charts with no measurement: how to begin;
                              * the completions chart: what was done before */
  double     note_x, note_w;
  double     row_h;
  double     y_max, y_step;
};

struct _JlnChartClass
{
  GObjectClass parent_class;

  /* Reads the plan into items, series and rows. */
  void    (*read)         (JlnChart             *self);
  void    (*build_legend) (JlnChart             *self,
                           const JlnRenderStyle *style);
  /* Places the plot, the items and the axis labels in width × height. */
  void    (*layout)       (JlnChart             *self,
                           cairo_t              *cr,
                           const JlnRenderStyle *style,
                           double                width,
                           double                height);
  double  (*measure)      (JlnChart             *self,
                           const JlnRenderStyle *style,
                           double                width);
  void    (*paint)        (JlnChart             *self,
                           cairo_t              *cr,
                           const JlnRenderStyle *style);
  char   *(*dup_title)    (JlnChart             *self,
                           const JlnRenderStyle *style);
  /* What the description says before the items. */
  void    (*describe)     (JlnChart             *self,
                           const JlnRenderStyle *style,
                           GString              *out);
};

/* The status chart's segments: the statuses, and the open actions past
 * their date apart from the other open ones, in this order. */
#define STATUS_OVERDUE ((JlnStatus) (JLN_STATUS_DROPPED + 1))

static const JlnStatus segment_order[] = {
  JLN_STATUS_PLANNED, JLN_STATUS_IN_PROGRESS, STATUS_OVERDUE, JLN_STATUS_DONE,
  JLN_STATUS_DONE_NEW, JLN_STATUS_REVISED, JLN_STATUS_SUPERSEDED, JLN_STATUS_DROPPED,
};

#define JLN_TYPE_INDICATOR_CHART (jln_indicator_chart_get_type ())
G_DECLARE_FINAL_TYPE (JlnIndicatorChart, jln_indicator_chart, JLN, INDICATOR_CHART, JlnChart)
#define JLN_TYPE_STATUS_CHART (jln_status_chart_get_type ())
G_DECLARE_FINAL_TYPE (JlnStatusChart, jln_status_chart, JLN, STATUS_CHART, JlnChart)
#define JLN_TYPE_COMPLETIONS_CHART (jln_completions_chart_get_type ())
G_DECLARE_FINAL_TYPE (JlnCompletionsChart, jln_completions_chart, JLN, COMPLETIONS_CHART, JlnChart)
#define JLN_TYPE_UNITS_CHART (jln_units_chart_get_type ())
G_DECLARE_FINAL_TYPE (JlnUnitsChart, jln_units_chart, JLN, UNITS_CHART, JlnChart)

/* Helpers the kinds share, in jln-chart.c. */
const char *_jln_chart_tr (const JlnRenderStyle *style,
                           const char           *msgid) G_GNUC_FORMAT (2);

const char *_jln_chart_status_label (const JlnRenderStyle *style,
                                     JlnStatus             status);

gboolean _jln_chart_is_percentage (JlnChart *self);

char *_jln_chart_format_value (JlnChart             *self,
                               const JlnRenderStyle *style,
                               double                value);

const char *_jln_chart_text_in (const JlnText        *text,
                                const JlnRenderStyle *style);

gboolean _jln_chart_action_counts (JlnChart  *self,
                                   JlnAction *action,
                                   JlnSemester today);

char *_jln_chart_query_value (const char *value);

PangoLayout *_jln_chart_make_layout (cairo_t              *cr,
                                     const JlnRenderStyle *style,
                                     JlnRenderFont         font,
                                     const char           *text,
                                     double                width);

void _jln_chart_text_size (cairo_t              *cr,
                           const JlnRenderStyle *style,
                           JlnRenderFont         font,
                           const char           *text,
                           double                width,
                           double               *text_width,
                           double               *text_height);

double _jln_chart_draw_text (cairo_t              *cr,
                             const JlnRenderStyle *style,
                             JlnRenderFont         font,
                             JlnRenderColor        color,
                             const char           *text,
                             double                x,
                             double                y,
                             PangoAlignment        align,
                             double                max_width);

void _jln_chart_add_legend (JlnChart   *self,
                            Symbol      symbol,
                            guint       series,
                            JlnStatus   status,
                            const char *label);

const char *_jln_chart_series_name (JlnChart             *self,
                                    const JlnRenderStyle *style,
                                    guint                 series);

gboolean _jln_chart_has_named_series (JlnChart *self);

double _jln_chart_nice_step (double max,
                             guint  n);

char *_jln_chart_format_axis_value (JlnChart             *self,
                                    const JlnRenderStyle *style,
                                    double                value);

double _jln_chart_value_y (JlnChart *self,
                           double    value);

void _jln_chart_add_axis_label (JlnChart   *self,
                                const char *text,
                                double      x);

void _jln_chart_layout_bars (JlnChart             *self,
                             cairo_t              *cr,
                             const JlnRenderStyle *style,
                             double                width,
                             double                height);

void _jln_chart_ensure_layout (JlnChart             *self,
                               const JlnRenderStyle *style,
                               double                width,
                               double                height);

double _jln_chart_bars_measure (JlnChart             *self,
                                const JlnRenderStyle *style,
                                double                width);

void _jln_chart_set_dash (cairo_t *cr,
                          guint    series,
                          double   em);

void _jln_chart_draw_marker (cairo_t              *cr,
                             const JlnRenderStyle *style,
                             guint                 series,
                             double                x,
                             double                y,
                             double                r);

void _jln_chart_draw_badge (cairo_t              *cr,
                            const JlnRenderStyle *style,
                            TargetState           state,
                            double                x,
                            double                y,
                            double                r);

void _jln_chart_draw_value_axis (JlnChart             *self,
                                 cairo_t              *cr,
                                 const JlnRenderStyle *style);

void _jln_chart_bars_paint (JlnChart             *self,
                            cairo_t              *cr,
                            const JlnRenderStyle *style);

G_END_DECLS
