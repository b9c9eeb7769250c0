/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "jln-document.h"
#include "jln-session.h"

G_BEGIN_DECLS

#define JLN_TYPE_REVIEW_PAGE (jln_review_page_get_type ())

G_DECLARE_FINAL_TYPE (JlnReviewPage, jln_review_page, JLN, REVIEW_PAGE, AdwBin)

/* The narrative of the internal review: the plan's sections in order,
 * each a title and a body in the content language, added, edited,
 * moved and removed through edits of the document, undone as any other. */
GtkWidget *jln_review_page_new                  (void);
void       jln_review_page_set_session          (JlnReviewPage *self,
                                                 JlnSession    *session);
void       jln_review_page_set_editable         (JlnReviewPage *self,
                                                 gboolean       editable);

G_END_DECLS
