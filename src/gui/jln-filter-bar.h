/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "jln-session.h"

G_BEGIN_DECLS

#define JLN_TYPE_FILTER_BAR (jln_filter_bar_get_type ())

G_DECLARE_FINAL_TYPE (JlnFilterBar, jln_filter_bar, JLN, FILTER_BAR, GtkBox)

GtkWidget   *jln_filter_bar_new              (void);
JlnSession  *jln_filter_bar_get_session      (JlnFilterBar *self);
void         jln_filter_bar_set_session      (JlnFilterBar *self,
                                              JlnSession   *session);
GtkEditable *jln_filter_bar_get_search_entry (JlnFilterBar *self);

G_END_DECLS
