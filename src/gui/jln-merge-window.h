/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "jln-document.h"
#include "jln-merge.h"
#include "jln-session.h"

G_BEGIN_DECLS

#define JLN_TYPE_MERGE_WINDOW (jln_merge_window_get_type ())

G_DECLARE_FINAL_TYPE (JlnMergeWindow, jln_merge_window, JLN, MERGE_WINDOW, AdwWindow)

GtkWidget *jln_merge_window_new          (GtkWindow       *parent,
                                          JlnSession      *session,
                                          const char      *theirs_path,
                                          gboolean         compare_only,
                                          GError         **error);
JlnMerge  *jln_merge_window_get_merge    (JlnMergeWindow  *self);
gboolean   jln_merge_window_can_merge    (JlnMergeWindow  *self);

G_END_DECLS
