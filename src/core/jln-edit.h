/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jln-record.h"

G_BEGIN_DECLS

/* One change to a plan: set a field, insert, remove or move a record,
 * or a group of such changes applied together. Edits are applied by
 * jln_document_apply(), the only way a plan changes. */
typedef struct _JlnEdit JlnEdit;

#define JLN_TYPE_EDIT (jln_edit_get_type ())

GType        jln_edit_get_type      (void) G_GNUC_CONST;
JlnEdit     *jln_edit_new_set       (JlnRecord   *record,
                                     const char  *field,
                                     const char  *value);
JlnEdit     *jln_edit_new_insert    (JlnRecord   *parent,
                                     JlnRecord   *record,
                                     guint        position);
JlnEdit     *jln_edit_new_remove    (JlnRecord   *record);
JlnEdit     *jln_edit_new_move      (JlnRecord   *record,
                                     guint        position);
JlnEdit     *jln_edit_new_group     (const char  *label);
void         jln_edit_group_add     (JlnEdit     *group,
                                     JlnEdit     *edit);
JlnEdit     *jln_edit_ref           (JlnEdit     *self);
void         jln_edit_unref         (JlnEdit     *self);
JlnEditKind  jln_edit_get_kind      (JlnEdit     *self);
JlnRecord   *jln_edit_get_record    (JlnEdit     *self);
const char  *jln_edit_get_field     (JlnEdit     *self);
const char  *jln_edit_get_label     (JlnEdit     *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JlnEdit, jln_edit_unref)

G_END_DECLS
