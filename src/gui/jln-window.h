/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "jln-application.h"
#include "jln-document.h"
#include "jln-query-filter.h"
#include "jln-session.h"

G_BEGIN_DECLS

#define JLN_TYPE_WINDOW (jln_window_get_type ())

G_DECLARE_FINAL_TYPE (JlnWindow, jln_window, JLN, WINDOW, AdwApplicationWindow)

JlnWindow      *jln_window_new                  (JlnApplication *application);
void            jln_window_open_file            (JlnWindow      *self,
                                                 GFile          *file);
void            jln_window_open_last            (JlnWindow      *self);
JlnSession     *jln_window_get_session          (JlnWindow      *self);
JlnDocument    *jln_window_get_document         (JlnWindow      *self);
JlnQueryFilter *jln_window_get_filter           (JlnWindow      *self);
JlnLang         jln_window_get_content_language (JlnWindow      *self);
gboolean        jln_window_is_busy              (JlnWindow      *self);
GtkWidget      *jln_window_get_action_list      (JlnWindow      *self);

G_END_DECLS
