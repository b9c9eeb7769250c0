/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "jln-picture.h"

G_BEGIN_DECLS

GtkPrintOperation *jln_print_operation_new (JlnPicture           *picture,
                                            const JlnRenderStyle *style);
void               jln_print_picture       (GtkWindow            *parent,
                                            JlnPicture           *picture,
                                            const JlnRenderStyle *style);

G_END_DECLS
