/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "jln-render-style.h"

G_BEGIN_DECLS

JlnRenderStyle *jln_screen_style_new   (GtkWidget *widget,
                                        JlnLang    lang);
void            jln_screen_style_watch (gpointer   object,
                                        GCallback  changed);

G_END_DECLS
