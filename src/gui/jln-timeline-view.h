/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "jln-picture.h"
#include "jln-timeline.h"

G_BEGIN_DECLS

#define JLN_TYPE_TIMELINE_VIEW (jln_timeline_view_get_type ())

G_DECLARE_FINAL_TYPE (JlnTimelineView, jln_timeline_view, JLN, TIMELINE_VIEW, GtkWidget)

typedef struct _JlnWindow JlnWindow;

/* The Timeline page of a window: the semester timeline of the window's
 * plan, with the window's filter, selection and content language, and
 * a presentation mode for meetings. */
GtkWidget   *jln_timeline_view_new            (void);
void         jln_timeline_view_set_window     (JlnTimelineView *self,
                                               JlnWindow       *window);
JlnTimeline *jln_timeline_view_get_timeline   (JlnTimelineView *self);
JlnPicture  *jln_timeline_view_create_picture (JlnTimelineView *self);
void         jln_timeline_view_present        (JlnTimelineView *self);
GtkWindow   *jln_timeline_view_get_presentation (JlnTimelineView *self);
guint        jln_timeline_view_get_presentation_page (JlnTimelineView *self,
                                                      guint           *n_pages);
JlnTimeline *jln_timeline_view_get_presentation_timeline (JlnTimelineView *self);

G_END_DECLS
