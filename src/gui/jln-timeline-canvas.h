/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "jln-render-style.h"
#include "jln-timeline.h"

G_BEGIN_DECLS

#define JLN_TYPE_TIMELINE_CANVAS (jln_timeline_canvas_get_type ())

G_DECLARE_FINAL_TYPE (JlnTimelineCanvas, jln_timeline_canvas, JLN, TIMELINE_CANVAS, GtkWidget)

/* Where a JlnTimeline is drawn on screen: a GtkScrollable whose header
 * and labels stay while the rows and semesters scroll, with clicks,
 * keys, tooltips and zoom. Only what is visible is drawn. */
GtkWidget       *jln_timeline_canvas_new            (void);
JlnTimeline     *jln_timeline_canvas_get_timeline   (JlnTimelineCanvas    *self);
void             jln_timeline_canvas_set_timeline   (JlnTimelineCanvas    *self,
                                                     JlnTimeline          *timeline);
JlnRenderStyle  *jln_timeline_canvas_get_style      (JlnTimelineCanvas    *self);
void             jln_timeline_canvas_set_style      (JlnTimelineCanvas    *self,
                                                     JlnRenderStyle       *style);
JlnTimelineZoom  jln_timeline_canvas_get_zoom       (JlnTimelineCanvas    *self);
void             jln_timeline_canvas_set_zoom       (JlnTimelineCanvas    *self,
                                                     JlnTimelineZoom       zoom);
double           jln_timeline_canvas_get_title_width (JlnTimelineCanvas   *self);
void             jln_timeline_canvas_set_title_width (JlnTimelineCanvas   *self,
                                                     double                width);
JlnRecord       *jln_timeline_canvas_get_selected   (JlnTimelineCanvas    *self);
void             jln_timeline_canvas_select         (JlnTimelineCanvas    *self,
                                                     JlnRecord            *record);
void             jln_timeline_canvas_scroll_to_selected (JlnTimelineCanvas *self);
void             jln_timeline_canvas_move_selection (JlnTimelineCanvas    *self,
                                                     int                   direction);
/* The timeline changed what it shows: lay out and draw again. */
void             jln_timeline_canvas_relayout       (JlnTimelineCanvas    *self);

G_END_DECLS
