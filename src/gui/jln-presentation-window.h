/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "jln-session.h"
#include "jln-timeline.h"

G_BEGIN_DECLS

#define JLN_TYPE_PRESENTATION_WINDOW (jln_presentation_window_get_type ())

G_DECLARE_FINAL_TYPE (JlnPresentationWindow, jln_presentation_window, JLN, PRESENTATION_WINDOW, AdwWindow)

/* The timeline of a session's plan, full screen, for a steering
 * committee: in slides of the screen's size, from the first, with every
 * sub-item; the presenter chooses the period shown and may hide the
 * actions done. */
GtkWidget   *jln_presentation_window_new           (JlnSession            *session,
                                                    GtkWindow             *parent);
JlnSession  *jln_presentation_window_get_session   (JlnPresentationWindow *self);
void         jln_presentation_window_set_session   (JlnPresentationWindow *self,
                                                    JlnSession            *session);
JlnTimeline *jln_presentation_window_get_timeline  (JlnPresentationWindow *self);
guint        jln_presentation_window_get_page      (JlnPresentationWindow *self,
                                                    guint                 *n_pages);
gboolean     jln_presentation_window_get_hide_done (JlnPresentationWindow *self);
void         jln_presentation_window_set_hide_done (JlnPresentationWindow *self,
                                                    gboolean               hide_done);
const char  *jln_presentation_window_get_period    (JlnPresentationWindow *self);
void         jln_presentation_window_set_period    (JlnPresentationWindow *self,
                                                    const char            *period);
void         jln_presentation_window_set_range     (JlnPresentationWindow *self,
                                                    JlnSemester            first,
                                                    JlnSemester            last);
void         jln_presentation_window_start         (JlnPresentationWindow *self);
gboolean     jln_presentation_window_get_slide_areas (JlnPresentationWindow *self,
                                                      graphene_rect_t       *axis,
                                                      graphene_rect_t       *legend);

G_END_DECLS
