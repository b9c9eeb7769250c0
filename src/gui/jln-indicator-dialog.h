/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "jln-document.h"
#include "jln-indicator.h"
#include "jln-session.h"

G_BEGIN_DECLS

#define JLN_TYPE_INDICATOR_DIALOG (jln_indicator_dialog_get_type ())

G_DECLARE_FINAL_TYPE (JlnIndicatorDialog, jln_indicator_dialog, JLN, INDICATOR_DIALOG, AdwWindow)

/* Enters, in the session's document and content language, a new
 * indicator, or a new target or measurement of @indicator,
 * or changes one: @kind is JLN_KIND_INDICATOR (and @indicator NULL),
 * JLN_KIND_TARGET or JLN_KIND_MEASUREMENT, and @record the one changed,
 * or NULL for a new one. Saving applies one undoable edit; a
 * value the plan refuses is explained under the fields and the dialog
 * stays open. */
JlnIndicatorDialog *jln_indicator_dialog_new      (GtkWindow          *parent,
                                                   JlnSession         *session,
                                                   JlnIndicator       *indicator,
                                                   JlnKind             kind,
                                                   JlnRecord          *record);
/* Sets the text of a field, as typing does: "date", "year", "value",
 * "note", "source", "text", "series"; "number", "title", "kind" (a
 * nick), "measure", "actors", "follow-up"; for tests and prefilling. */
void                jln_indicator_dialog_set_text (JlnIndicatorDialog *self,
                                                   const char         *field,
                                                   const char         *text);
const char         *jln_indicator_dialog_get_error (JlnIndicatorDialog *self);
gboolean            jln_indicator_dialog_save     (JlnIndicatorDialog *self);

G_END_DECLS
