/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jln-action.h"
#include "jln-objective.h"
#include "jln-plan.h"
#include "jln-query.h"
#include "jln-picture.h"

G_BEGIN_DECLS

/* The values of the GSettings keys timeline-zoom and timeline-start. */
typedef enum
{
  JLN_TIMELINE_ZOOM_QUARTER,
  JLN_TIMELINE_ZOOM_SEMESTER,
  JLN_TIMELINE_ZOOM_YEAR,
} JlnTimelineZoom;

typedef enum
{
  JLN_TIMELINE_START_PLAN,       /* the plan's first semester */
  JLN_TIMELINE_START_EARLIEST,   /* the earliest action shown */
  JLN_TIMELINE_START_CURRENT,    /* today's semester */
} JlnTimelineStart;

/* What a row of the timeline shows. */
typedef enum
{
  JLN_TIMELINE_ROW_HEADING,      /* an objective */
  JLN_TIMELINE_ROW_ACTION,
  JLN_TIMELINE_ROW_ITEM,         /* a sub-item (with a date, unless all are shown) */
} JlnTimelineRowKind;

typedef gboolean (*JlnTimelineMatchFunc) (JlnAction *action,
                                          gpointer   user_data);

#define JLN_TYPE_TIMELINE (jln_timeline_get_type ())

G_DECLARE_FINAL_TYPE (JlnTimeline, jln_timeline, JLN, TIMELINE, GObject)

/* The semester timeline of a plan: a Gantt chart with one column per
 * semester, a row per objective, action and dated sub-item, the plan's
 * milestones and today. The rows are laid out once, in ems, whenever
 * what is shown changes; drawing reads the actions' dates as they are
 * and draws only the rows and semesters that meet the clip.
 *
 * Coordinates of the "content" are relative to the top of the first row
 * and the left edge of the first semester, in the style's user units. */
JlnTimeline     *jln_timeline_new                (JlnPlan              *plan);
JlnPlan         *jln_timeline_get_plan           (JlnTimeline          *self);

void             jln_timeline_set_query          (JlnTimeline          *self,
                                                  JlnQuery             *query);
void             jln_timeline_set_match_func     (JlnTimeline          *self,
                                                  JlnTimelineMatchFunc  func,
                                                  gpointer              user_data,
                                                  GDestroyNotify        destroy);
void             jln_timeline_set_zoom           (JlnTimeline          *self,
                                                  JlnTimelineZoom       zoom);
JlnTimelineZoom  jln_timeline_get_zoom           (JlnTimeline          *self);
void             jln_timeline_set_start          (JlnTimeline          *self,
                                                  JlnTimelineStart      start);
JlnTimelineStart jln_timeline_get_start          (JlnTimeline          *self);
void             jln_timeline_set_period         (JlnTimeline          *self,
                                                  JlnSemester           first,
                                                  JlnSemester           last);
void             jln_timeline_set_today          (JlnTimeline          *self,
                                                  GDateTime            *today);
void             jln_timeline_set_language       (JlnTimeline          *self,
                                                  int                   lang);
void             jln_timeline_set_objective      (JlnTimeline          *self,
                                                  JlnObjective         *objective);
JlnObjective    *jln_timeline_get_objective      (JlnTimeline          *self);
void             jln_timeline_set_selected       (JlnTimeline          *self,
                                                  JlnRecord            *record);
JlnRecord       *jln_timeline_get_selected       (JlnTimeline          *self);
/* In the view, titles wrap and their rows grow to fit (as they always do
 * on paper), for plans of up to a thousand rows. */
void             jln_timeline_set_wrap           (JlnTimeline          *self,
                                                  gboolean              wrap);
void             jln_timeline_set_label_width    (JlnTimeline          *self,
                                                  double                width);
double           jln_timeline_get_min_label_width (JlnTimeline         *self,
                                                  const JlnRenderStyle *style);
void             jln_timeline_set_fit_width      (JlnTimeline          *self,
                                                  gboolean              fit);
void             jln_timeline_set_all_items      (JlnTimeline          *self,
                                                  gboolean              all_items);

/* The plan changed: what is shown is laid out again when next needed. */
void             jln_timeline_invalidate         (JlnTimeline          *self);

/* Rows and hit-testing */
guint            jln_timeline_get_n_rows         (JlnTimeline          *self);
guint            jln_timeline_get_n_actions      (JlnTimeline          *self);
guint            jln_timeline_get_n_overdue      (JlnTimeline          *self);
JlnRecord       *jln_timeline_get_row_record     (JlnTimeline          *self,
                                                  guint                 row);
JlnTimelineRowKind jln_timeline_get_row_kind     (JlnTimeline          *self,
                                                  guint                 row);
gboolean         jln_timeline_find_row           (JlnTimeline          *self,
                                                  JlnRecord            *record,
                                                  guint                *row);
void             jln_timeline_get_range          (JlnTimeline          *self,
                                                  JlnSemester          *first,
                                                  JlnSemester          *last);

/* Geometry of the view, for a viewport @width wide. */
double           jln_timeline_get_header_height  (JlnTimeline          *self,
                                                  const JlnRenderStyle *style,
                                                  double                width);
double           jln_timeline_get_label_width    (JlnTimeline          *self,
                                                  const JlnRenderStyle *style,
                                                  double                width);
void             jln_timeline_get_content_size   (JlnTimeline          *self,
                                                  const JlnRenderStyle *style,
                                                  double                width,
                                                  double               *content_width,
                                                  double               *content_height);
double           jln_timeline_get_semester_x     (JlnTimeline          *self,
                                                  const JlnRenderStyle *style,
                                                  double                width,
                                                  JlnSemester           semester);
char            *jln_timeline_dup_quarter_label  (JlnTimeline          *self,
                                                  const JlnRenderStyle *style,
                                                  double                width,
                                                  JlnSemester           semester,
                                                  guint                 quarter);
char            *jln_timeline_dup_semester_label (JlnTimeline          *self,
                                                  const JlnRenderStyle *style,
                                                  double                width,
                                                  JlnSemester           semester);
void             jln_timeline_get_row_extents    (JlnTimeline          *self,
                                                  const JlnRenderStyle *style,
                                                  guint                 row,
                                                  double               *y,
                                                  double               *height);
gboolean         jln_timeline_row_at             (JlnTimeline          *self,
                                                  const JlnRenderStyle *style,
                                                  double                y,
                                                  guint                *row);
JlnRecord       *jln_timeline_bar_at             (JlnTimeline          *self,
                                                  const JlnRenderStyle *style,
                                                  double                width,
                                                  double                x,
                                                  double                y);

/* The view: the rows from @scroll_y and the semesters from @scroll_x,
 * under the semester header and right of the row labels, which stay. */
void             jln_timeline_draw_view          (JlnTimeline          *self,
                                                  cairo_t              *cr,
                                                  const JlnRenderStyle *style,
                                                  double                scroll_x,
                                                  double                scroll_y,
                                                  double                width,
                                                  double                height);
double           jln_timeline_get_legend_height  (JlnTimeline          *self,
                                                  const JlnRenderStyle *style,
                                                  double                width);
void             jln_timeline_draw_legend        (JlnTimeline          *self,
                                                  cairo_t              *cr,
                                                  const JlnRenderStyle *style,
                                                  double                width);

void             jln_timeline_get_page_areas     (JlnTimeline          *self,
                                                  const JlnRenderStyle *style,
                                                  guint                 page_number,
                                                  double                width,
                                                  double                height,
                                                  cairo_rectangle_t    *axis,
                                                  cairo_rectangle_t    *legend);

void             jln_timeline_get_page_range     (JlnTimeline          *self,
                                                  const JlnRenderStyle *style,
                                                  guint                 page_number,
                                                  double                width,
                                                  double                height,
                                                  guint                *first_row,
                                                  guint                *end_row,
                                                  JlnSemester          *first_semester,
                                                  JlnSemester          *last_semester);

char            *jln_timeline_dup_tooltip        (JlnTimeline          *self,
                                                  JlnRecord            *record,
                                                  JlnLang               lang);
char            *jln_timeline_dup_description    (JlnTimeline          *self,
                                                  JlnLang               lang);

G_END_DECLS
