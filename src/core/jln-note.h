/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jln-record.h"

G_BEGIN_DECLS

/* A dated progress note: what happened to an action (JlnNote) or to
 * one of its sub-items (JlnItemNote), written by an office or a person.
 * The two kinds have the same fields; the getters take either. */
#define JLN_TYPE_NOTE (jln_note_get_type ())
#define JLN_TYPE_ITEM_NOTE (jln_item_note_get_type ())

G_DECLARE_FINAL_TYPE (JlnNote, jln_note, JLN, NOTE, JlnRecord)
G_DECLARE_FINAL_TYPE (JlnItemNote, jln_item_note, JLN, ITEM_NOTE, JlnRecord)

gboolean       jln_record_is_note     (JlnRecord *record);
const char    *jln_note_get_date      (JlnRecord *note);
const char    *jln_note_get_author    (JlnRecord *note);
const JlnText *jln_note_get_text      (JlnRecord *note);

/* The notes of an action or a sub-item, as they are kept (oldest
 * first), and the kind of note it takes. */
GListModel    *jln_record_get_notes   (JlnRecord *owner);
JlnKind        jln_note_kind_for      (JlnRecord *owner);

G_END_DECLS
