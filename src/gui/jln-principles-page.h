/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "jln-document.h"
#include "jln-session.h"

G_BEGIN_DECLS

#define JLN_TYPE_PRINCIPLES_PAGE (jln_principles_page_get_type ())

G_DECLARE_FINAL_TYPE (JlnPrinciplesPage, jln_principles_page, JLN, PRINCIPLES_PAGE, AdwBin)

/* The Charter & Code coverage: the 40 principles in their four areas,
 * each with the actions that serve it and their status; a principle no
 * action serves stands out. Activating a principle emits
 * ::principle-activated with its number, for the window to show its
 * actions. */
GtkWidget *jln_principles_page_new                  (void);
void       jln_principles_page_set_session          (JlnPrinciplesPage *self,
                                                     JlnSession        *session);
guint      jln_principles_page_get_n_uncovered      (JlnPrinciplesPage *self);

G_END_DECLS
