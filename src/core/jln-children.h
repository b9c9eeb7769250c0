/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define JLN_TYPE_CHILDREN (jln_children_get_type ())

G_DECLARE_FINAL_TYPE (JlnChildren, jln_children, JLN, CHILDREN, GObject)

/* For the core only: the ordered children of one kind of a record, as
 * the record's children lists hand them out. */
JlnChildren *_jln_children_new    (GType         item_type);
void         _jln_children_set_parent (JlnChildren *self,
                                       gpointer     parent);
void         _jln_children_splice (JlnChildren  *self,
                                   guint         position,
                                   guint         n_removals,
                                   gpointer     *additions,
                                   guint         n_additions);
void         _jln_children_insert (JlnChildren  *self,
                                   guint         position,
                                   gpointer      item);
void         _jln_children_remove (JlnChildren  *self,
                                   guint         position);
gboolean     _jln_children_find   (JlnChildren  *self,
                                   gpointer      item,
                                   guint        *position);

G_END_DECLS
