/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "jln-session.h"

G_BEGIN_DECLS

#define JLN_TYPE_NOTES_BOX (jln_notes_box_get_type ())

G_DECLARE_FINAL_TYPE (JlnNotesBox, jln_notes_box, JLN, NOTES_BOX, GtkWidget)

/* The progress notes of @owner, added to the session's document and
 * shown in its content language. */
GtkWidget  *jln_notes_box_new         (JlnSession  *session,
                                       JlnRecord   *owner);
void        jln_notes_box_set_owner   (JlnNotesBox *self,
                                       JlnRecord   *owner);
JlnSession *jln_notes_box_get_session (JlnNotesBox *self);
void        jln_notes_box_set_session (JlnNotesBox *self,
                                       JlnSession  *session);

G_END_DECLS
