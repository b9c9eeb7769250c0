/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "jln-text.h"
#include "jln-types.h"

G_BEGIN_DECLS

#define JLN_TYPE_RECORD (jln_record_get_type ())

G_DECLARE_DERIVABLE_TYPE (JlnRecord, jln_record, JLN, RECORD, GObject)

typedef struct _JlnKindInfo JlnKindInfo;

/* Every object of a plan is a record: it has a UUID, a parent, ordered
 * lists of children, and typed fields described once (jln-record-private.h)
 * so that properties, the SQLite store, JSON, history and undo all share
 * one description. Fields are read-only properties: changes go through
 * JlnDocument, which records and notifies them. */
struct _JlnRecordClass
{
  GObjectClass parent_class;

  /*< private >*/
  const JlnKindInfo  *info;
  GParamSpec        **field_pspecs;
};

JlnRecord  *jln_record_new              (JlnKind      kind,
                                         const char  *first_field,
                                         ...) G_GNUC_NULL_TERMINATED;
JlnRecord  *jln_record_copy             (JlnRecord   *self);
const char *jln_record_get_id           (JlnRecord   *self);
JlnKind     jln_record_get_kind         (JlnRecord   *self);
const char *jln_record_get_kind_name    (JlnRecord   *self);
JlnRecord  *jln_record_get_parent       (JlnRecord   *self);
GListModel *jln_record_get_children     (JlnRecord   *self,
                                         JlnKind      kind);
gboolean    jln_record_get_position     (JlnRecord   *self,
                                         guint       *position);
gboolean    jln_record_has_field        (JlnRecord   *self,
                                         const char  *field);
char       *jln_record_dup_field        (JlnRecord   *self,
                                         const char  *field);
const JlnText *
            jln_record_get_text         (JlnRecord   *self,
                                         const char  *field);
GPtrArray  *jln_record_get_refs         (JlnRecord   *self,
                                         const char  *field);

G_END_DECLS
