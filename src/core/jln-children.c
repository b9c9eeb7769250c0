/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "jln-children.h"
#include "jln-record-private.h"

/* A list of children in one array of pointers, made when the first child
 * comes. A plan has a list of sub-items for each of its many actions,
 * most of them empty: an empty list is the object alone, a few tens of
 * bytes, where a GListStore with its sequence is four times that; a full
 * one costs a pointer per child rather than a node of a tree, and finds
 * the item at a position at once. */
struct _JlnChildren
{
  GObject   parent_instance;

  JlnRecord *parent;     /* unowned: the record whose children these are */
  GType     item_type;
  gpointer *items;       /* owned references; NULL while empty */
  guint     n_items;
  guint     allocated;
};

static void jln_children_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (JlnChildren, jln_children, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, jln_children_list_model_init))

static GType
jln_children_get_item_type (GListModel *model)
{
  return JLN_CHILDREN (model)->item_type;
}

static guint
jln_children_get_n_items (GListModel *model)
{
  return JLN_CHILDREN (model)->n_items;
}

static gpointer
jln_children_get_item (GListModel *model,
                       guint       position)
{
  JlnChildren *self = JLN_CHILDREN (model);

  if (position >= self->n_items)
    return NULL;
  return g_object_ref (self->items[position]);
}

static void
jln_children_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = jln_children_get_item_type;
  iface->get_n_items = jln_children_get_n_items;
  iface->get_item = jln_children_get_item;
}

static void
jln_children_finalize (GObject *object)
{
  JlnChildren *self = JLN_CHILDREN (object);

  for (guint i = 0; i < self->n_items; i++)
    g_object_unref (self->items[i]);
  g_free (self->items);

  G_OBJECT_CLASS (jln_children_parent_class)->finalize (object);
}

static void
jln_children_class_init (JlnChildrenClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = jln_children_finalize;
}

static void
jln_children_init (JlnChildren *self)
{
}

/* The record whose children these are, or NULL once it is gone. */
void
_jln_children_set_parent (JlnChildren *self,
                          gpointer     parent)
{
  g_return_if_fail (JLN_IS_CHILDREN (self));
  self->parent = parent;
}

JlnChildren *
_jln_children_new (GType item_type)
{
  JlnChildren *self;

  g_return_val_if_fail (g_type_is_a (item_type, G_TYPE_OBJECT), NULL);

  self = g_object_new (JLN_TYPE_CHILDREN, NULL);
  self->item_type = item_type;
  return self;
}

/* Room for @n_items, growing by half so that appending one by one stays
 * linear, and fitting exactly when a list is read in one splice. */
static void
ensure_room (JlnChildren *self,
             guint        n_items)
{
  guint allocated;

  if (n_items <= self->allocated)
    return;
  allocated = self->n_items == 0 ? n_items : MAX (n_items, self->allocated + self->allocated / 2 + 4);
  self->items = g_renew (gpointer, self->items, allocated);
  self->allocated = allocated;
}

/* As g_list_store_splice(): removes @n_removals items at @position, puts
 * @additions there, then tells once what changed. */
void
_jln_children_splice (JlnChildren *self,
                      guint        position,
                      guint        n_removals,
                      gpointer    *additions,
                      guint        n_additions)
{
  g_autofree gpointer *removed = NULL;
  guint n_after;

  g_return_if_fail (JLN_IS_CHILDREN (self));
  g_return_if_fail (position <= self->n_items && n_removals <= self->n_items - position);

  for (guint i = 0; i < n_additions; i++)
    g_return_if_fail (g_type_is_a (G_OBJECT_TYPE (additions[i]), self->item_type));

  /* The removed items are let go once the list is whole again. */
  if (n_removals > 0)
    removed = g_memdup2 (self->items + position, n_removals * sizeof (gpointer));

  ensure_room (self, self->n_items - n_removals + n_additions);
  n_after = self->n_items - position - n_removals;
  if (n_after > 0 && n_removals != n_additions)
    memmove (self->items + position + n_additions, self->items + position + n_removals,
             n_after * sizeof (gpointer));
  for (guint i = 0; i < n_additions; i++)
    self->items[position + i] = g_object_ref (additions[i]);
  self->n_items = self->n_items - n_removals + n_additions;

  if (self->n_items == 0)
    {
      g_clear_pointer (&self->items, g_free);
      self->allocated = 0;
    }

  if (n_removals > 0 || n_additions > 0)
    {
      g_list_model_items_changed (G_LIST_MODEL (self), position, n_removals, n_additions);
      if (self->parent != NULL)
        _jln_record_children_changed (self->parent, G_LIST_MODEL (self),
                                      position, n_removals, n_additions);
    }
  for (guint i = 0; i < n_removals; i++)
    g_object_unref (removed[i]);
}

void
_jln_children_insert (JlnChildren *self,
                      guint        position,
                      gpointer     item)
{
  _jln_children_splice (self, position, 0, &item, 1);
}

void
_jln_children_remove (JlnChildren *self,
                      guint        position)
{
  _jln_children_splice (self, position, 1, NULL, 0);
}

gboolean
_jln_children_find (JlnChildren *self,
                    gpointer     item,
                    guint       *position)
{
  g_return_val_if_fail (JLN_IS_CHILDREN (self), FALSE);

  for (guint i = 0; i < self->n_items; i++)
    if (self->items[i] == item)
      {
        if (position != NULL)
          *position = i;
        return TRUE;
      }
  return FALSE;
}
