/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "jln-document.h"
#include "jln-picture.h"
#include "jln-session.h"

G_BEGIN_DECLS

#define JLN_TYPE_INDICATORS_PAGE (jln_indicators_page_get_type ())

G_DECLARE_FINAL_TYPE (JlnIndicatorsPage, jln_indicators_page, JLN, INDICATORS_PAGE, GtkWidget)

/* The Indicators page of a window: the plan-wide charts, and for each
 * indicator its details, its chart, its targets and its measurements,
 * which can be added, changed and deleted. It follows the plan and the
 * content language of its session. */
GtkWidget   *jln_indicators_page_new            (void);
JlnDocument *jln_indicators_page_get_document   (JlnIndicatorsPage *self);
void         jln_indicators_page_set_session    (JlnIndicatorsPage *self,
                                                 JlnSession        *session);
/* The charts as shown, for Export… and Print. NULL with no plan. */
JlnPicture  *jln_indicators_page_create_picture (JlnIndicatorsPage *self);

G_END_DECLS
