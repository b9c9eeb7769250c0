/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "jln-picture.h"
#include "jln-session.h"
#include "jln-timeline.h"

G_BEGIN_DECLS

#define JLN_TYPE_TIMELINE_VIEW (jln_timeline_view_get_type ())

G_DECLARE_FINAL_TYPE (JlnTimelineView, jln_timeline_view, JLN, TIMELINE_VIEW, GtkWidget)

/* The Timeline page of a window: the semester timeline of the session's
 * plan, with its filter, selected record and content language; it opens
 * the presentation for meetings. The window adds win.present (F5). */
GtkWidget   *jln_timeline_view_new            (void);
JlnSession  *jln_timeline_view_get_session    (JlnTimelineView *self);
void         jln_timeline_view_set_session    (JlnTimelineView *self,
                                               JlnSession      *session);
JlnTimeline *jln_timeline_view_get_timeline   (JlnTimelineView *self);
JlnPicture  *jln_timeline_view_create_picture (JlnTimelineView *self);
void         jln_timeline_view_present        (JlnTimelineView *self);
GtkWindow   *jln_timeline_view_get_presentation (JlnTimelineView *self);

G_END_DECLS
