/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jln-edit.h"
#include "jln-store.h"

G_BEGIN_DECLS

#define JLN_EDIT_GROUP ((JlnEditKind) (JLN_EDIT_MOVE + 1))

/* Written in the transaction of a group, after its parts: what a merge
 * records of the copy it took in. @forget is set on the inverse, when
 * the group is undone. */
typedef gboolean (*JlnEditMarkFunc) (JlnStore  *store,
                                     gint64     batch,
                                     gboolean   forget,
                                     gpointer   data,
                                     GError   **error);

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
  char            *time;       /* a merged change: when and where it was made */
  char            *origin;
  char            *origin_name;
  JlnEditMarkFunc  mark_func;  /* group */
  gpointer         mark_data;  /* a GRcBox */
  GDestroyNotify   mark_clear;
  gboolean         mark_forget;
};

JlnEdit *_jln_edit_new_insert_snapshot (JlnRecord  *parent,
                                        const char *snapshot,
                                        JlnKind     kind,
                                        guint       position);

void     _jln_edit_set_origin          (JlnEdit         *edit,
                                        const char      *time,
                                        const char      *origin,
                                        const char      *origin_name);
void     _jln_edit_set_mark            (JlnEdit         *group,
                                        JlnEditMarkFunc  func,
                                        gpointer         rc_data,
                                        GDestroyNotify   clear,
                                        gboolean         forget);

G_END_DECLS
