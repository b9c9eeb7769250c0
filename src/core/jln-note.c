/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "jln-note.h"
#include "jln-record-private.h"

/* Both kinds of note share this layout, so that one set of getters
 * reads either. */
typedef struct
{
  JlnRecord parent_instance;

  char *date;
  char *author;
  JlnText text;
} NoteFields;

struct _JlnNote
{
  NoteFields f;
};

struct _JlnItemNote
{
  NoteFields f;
};

G_DEFINE_FINAL_TYPE (JlnNote, jln_note, JLN_TYPE_RECORD)
G_DEFINE_FINAL_TYPE (JlnItemNote, jln_item_note, JLN_TYPE_RECORD)

static const JlnField fields[] = {
  { "date", "note_date", JLN_FIELD_DATE, JLN_FIELD_OF (NoteFields, date), .flags = JLN_FIELD_REQUIRED },
  { "author", "author", JLN_FIELD_STRING, JLN_FIELD_OF (NoteFields, author) },
  { "text", "note_text", JLN_FIELD_TEXT, JLN_FIELD_OF (NoteFields, text) },
};

const JlnKindInfo _jln_note_info = {
  .kind = JLN_KIND_NOTE,
  .name = "note",
  .table = "notes",
  .list_key = "progress_notes",
  .get_type = jln_note_get_type,
  .fields = fields,
  .n_fields = G_N_ELEMENTS (fields),
  .children = {  },
  .n_children = 0,
};

const JlnKindInfo _jln_item_note_info = {
  .kind = JLN_KIND_ITEM_NOTE,
  .name = "item note",
  .table = "item_notes",
  .list_key = "progress_notes",
  .get_type = jln_item_note_get_type,
  .fields = fields,
  .n_fields = G_N_ELEMENTS (fields),
  .children = {  },
  .n_children = 0,
};

static void
jln_note_class_init (JlnNoteClass *klass)
{
  _jln_record_class_install_fields (JLN_RECORD_CLASS (klass), &_jln_note_info);
}

static void
jln_note_init (JlnNote *self)
{
}

static void
jln_item_note_class_init (JlnItemNoteClass *klass)
{
  _jln_record_class_install_fields (JLN_RECORD_CLASS (klass), &_jln_item_note_info);
}

static void
jln_item_note_init (JlnItemNote *self)
{
}

gboolean
jln_record_is_note (JlnRecord *record)
{
  return JLN_IS_NOTE (record) || JLN_IS_ITEM_NOTE (record);
}

static NoteFields *
note_fields (JlnRecord *note)
{
  return (NoteFields *) note;
}

const char *
jln_note_get_date (JlnRecord *note)
{
  g_return_val_if_fail (jln_record_is_note (note), NULL);
  return note_fields (note)->date;
}

const char *
jln_note_get_author (JlnRecord *note)
{
  g_return_val_if_fail (jln_record_is_note (note), NULL);
  return note_fields (note)->author;
}

const JlnText *
jln_note_get_text (JlnRecord *note)
{
  g_return_val_if_fail (jln_record_is_note (note), NULL);
  return &note_fields (note)->text;
}

JlnKind
jln_note_kind_for (JlnRecord *owner)
{
  switch (jln_record_get_kind (owner))
    {
    case JLN_KIND_ACTION:
      return JLN_KIND_NOTE;
    case JLN_KIND_ITEM:
      return JLN_KIND_ITEM_NOTE;
    default:
      return JLN_N_KINDS;
    }
}

GListModel *
jln_record_get_notes (JlnRecord *owner)
{
  JlnKind kind = jln_note_kind_for (owner);

  g_return_val_if_fail (kind != JLN_N_KINDS, NULL);
  return jln_record_get_children (owner, kind);
}
