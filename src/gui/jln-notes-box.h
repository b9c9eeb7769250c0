/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "jln-document.h"

G_BEGIN_DECLS

#define JLN_TYPE_NOTES_BOX (jln_notes_box_get_type ())

G_DECLARE_FINAL_TYPE (JlnNotesBox, jln_notes_box, JLN, NOTES_BOX, GtkWidget)

GtkWidget *jln_notes_box_new                  (JlnDocument *document,
                                               JlnRecord   *owner,
                                               JlnLang      content_language);
void       jln_notes_box_set_content_language (JlnNotesBox *self,
                                               JlnLang      content_language);

G_END_DECLS
