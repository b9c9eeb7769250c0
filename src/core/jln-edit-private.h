/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jln-edit.h"

G_BEGIN_DECLS

#define JLN_EDIT_GROUP ((JlnEditKind) (JLN_EDIT_MOVE + 1))

struct _JlnEdit
{
  gatomicrefcount  ref_count;
  JlnEditKind      kind;
  JlnRecord       *record;     /* the record set, inserted, removed or moved */
  JlnRecord       *parent;     /* insert: where to */
  char            *field;      /* set */
  char            *value;      /* set: the canonical text of the new value */
  char            *snapshot;   /* insert from undo: the removed record as JSON */
  JlnKind          snapshot_kind;
  guint            position;   /* insert, move: where to */
  char            *label;      /* group */
  GPtrArray       *edits;      /* group */
};

JlnEdit *_jln_edit_new_insert_snapshot (JlnRecord  *parent,
                                        const char *snapshot,
                                        JlnKind     kind,
                                        guint       position);

G_END_DECLS
