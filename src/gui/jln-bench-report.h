/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Reports how long @list, in @window, takes to show and filter. */
void jln_bench_report_watch (GtkWindow *window,
                             GtkWidget *list);

G_END_DECLS
