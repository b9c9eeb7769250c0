/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "jln-test-utils.h"
#include "jln-window.h"

G_BEGIN_DECLS

typedef gboolean (*JlnTestWidgetMatch) (GtkWidget     *widget,
                                        gconstpointer  data);

void        jln_test_wait_ms            (guint               ms);
GtkWidget  *jln_test_find_widget        (GtkWidget          *widget,
                                         JlnTestWidgetMatch  match,
                                         gconstpointer       data);
GtkWidget  *jln_test_find_child_of_type (GtkWidget          *widget,
                                         GType               type);
GdkTexture *jln_test_render_widget      (GtkWidget          *widget);
void        jln_test_save_screenshot    (GdkTexture         *texture,
                                         const char         *name,
                                         const char         *language);
void        jln_test_load_style         (void);
void        jln_test_wait_for_document  (JlnWindow          *window);

G_END_DECLS
