/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "jln-document.h"
#include "jln-session.h"

G_BEGIN_DECLS

#define JLN_TYPE_CHANGES_WINDOW (jln_changes_window_get_type ())

G_DECLARE_FINAL_TYPE (JlnChangesWindow, jln_changes_window, JLN, CHANGES_WINDOW, AdwWindow)

GtkWidget   *jln_changes_window_new                  (GtkWindow        *parent,
                                                      JlnSession       *session);
JlnDocument *jln_changes_window_get_document         (JlnChangesWindow *self);
JlnLang      jln_changes_window_get_content_language (JlnChangesWindow *self);
GDateTime   *jln_changes_window_get_since            (JlnChangesWindow *self);
void         jln_changes_window_set_since            (JlnChangesWindow *self,
                                                      GDateTime        *since);
const char  *jln_changes_window_get_summary          (JlnChangesWindow *self);

G_END_DECLS
