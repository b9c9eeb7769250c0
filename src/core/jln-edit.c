/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "jln-edit-private.h"

G_DEFINE_BOXED_TYPE (JlnEdit, jln_edit, jln_edit_ref, jln_edit_unref)

static JlnEdit *
edit_new (JlnEditKind  kind,
          JlnRecord   *record)
{
  JlnEdit *self = g_new0 (JlnEdit, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->kind = kind;
  self->record = record != NULL ? g_object_ref (record) : NULL;
  return self;
}

/**
 * jln_edit_new_set:
 * @field: the field as properties name it: "title-fr", "due", "units"
 * @value: the canonical text of the value ("" to clear): "2022-S2" for
 *   a semester, "in-progress" for a status, a JSON list of ids for references
 *
 * Returns: (transfer full): an edit that sets one field of @record
 */
JlnEdit *
jln_edit_new_set (JlnRecord  *record,
                  const char *field,
                  const char *value)
{
  JlnEdit *self;

  g_return_val_if_fail (JLN_IS_RECORD (record), NULL);
  g_return_val_if_fail (field != NULL, NULL);
  g_return_val_if_fail (value != NULL, NULL);

  self = edit_new (JLN_EDIT_SET, record);
  self->field = g_strdup (field);
  self->value = g_strdup (value);
  return self;
}

/**
 * jln_edit_new_insert:
 * @record: a new record, not part of any plan, possibly with children
 *
 * Returns: (transfer full): an edit that inserts @record among the
 *   children of @parent at @position
 */
JlnEdit *
jln_edit_new_insert (JlnRecord *parent,
                     JlnRecord *record,
                     guint      position)
{
  JlnEdit *self;

  g_return_val_if_fail (JLN_IS_RECORD (parent), NULL);
  g_return_val_if_fail (JLN_IS_RECORD (record), NULL);
  g_return_val_if_fail (jln_record_get_parent (record) == NULL, NULL);

  self = edit_new (JLN_EDIT_INSERT, record);
  self->parent = g_object_ref (parent);
  self->position = position;
  return self;
}

JlnEdit *
_jln_edit_new_insert_snapshot (JlnRecord  *parent,
                               const char *snapshot,
                               JlnKind     kind,
                               guint       position)
{
  JlnEdit *self = edit_new (JLN_EDIT_INSERT, NULL);

  self->parent = g_object_ref (parent);
  self->snapshot = g_strdup (snapshot);
  self->snapshot_kind = kind;
  self->position = position;
  return self;
}

/**
 * jln_edit_new_remove:
 *
 * Returns: (transfer full): an edit that removes @record and its children
 */
JlnEdit *
jln_edit_new_remove (JlnRecord *record)
{
  g_return_val_if_fail (JLN_IS_RECORD (record), NULL);

  return edit_new (JLN_EDIT_REMOVE, record);
}

/**
 * jln_edit_new_move:
 *
 * Returns: (transfer full): an edit that moves @record to @position
 *   among its siblings
 */
JlnEdit *
jln_edit_new_move (JlnRecord *record,
                   guint      position)
{
  JlnEdit *self;

  g_return_val_if_fail (JLN_IS_RECORD (record), NULL);

  self = edit_new (JLN_EDIT_MOVE, record);
  self->position = position;
  return self;
}

/**
 * jln_edit_new_group:
 * @label: (nullable): what the group does, for an undo menu
 *
 * Returns: (transfer full): an edit whose parts are applied, and undone,
 *   together or not at all
 */
JlnEdit *
jln_edit_new_group (const char *label)
{
  JlnEdit *self = edit_new (JLN_EDIT_GROUP, NULL);

  self->label = g_strdup (label);
  self->edits = g_ptr_array_new_with_free_func ((GDestroyNotify) jln_edit_unref);
  return self;
}

/**
 * jln_edit_group_add:
 * @edit: (transfer full): the part to add
 */
void
jln_edit_group_add (JlnEdit *group,
                    JlnEdit *edit)
{
  g_return_if_fail (group != NULL && group->kind == JLN_EDIT_GROUP);
  g_return_if_fail (edit != NULL);

  g_ptr_array_add (group->edits, edit);
}

JlnEdit *
jln_edit_ref (JlnEdit *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
jln_edit_unref (JlnEdit *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_clear_object (&self->record);
  g_clear_object (&self->parent);
  g_free (self->field);
  g_free (self->value);
  g_free (self->snapshot);
  g_free (self->label);
  g_clear_pointer (&self->edits, g_ptr_array_unref);
  g_free (self->time);
  g_free (self->origin);
  g_free (self->origin_name);
  if (self->mark_data != NULL)
    g_rc_box_release_full (self->mark_data, self->mark_clear);
  g_free (self);
}

JlnEditKind
jln_edit_get_kind (JlnEdit *self)
{
  return self->kind;
}

/**
 * jln_edit_get_record:
 *
 * Returns: (transfer none) (nullable): the record the edit changes
 */
JlnRecord *
jln_edit_get_record (JlnEdit *self)
{
  return self->record;
}

const char *
jln_edit_get_field (JlnEdit *self)
{
  return self->field;
}

const char *
jln_edit_get_label (JlnEdit *self)
{
  return self->label;
}

/* A change merged from another copy keeps its time and its origin in the
 * history. */
void
_jln_edit_set_origin (JlnEdit    *edit,
                      const char *time,
                      const char *origin,
                      const char *origin_name)
{
  g_free (edit->time);
  g_free (edit->origin);
  g_free (edit->origin_name);
  edit->time = g_strdup (time);
  edit->origin = g_strdup (origin);
  edit->origin_name = g_strdup (origin_name);
}

/**
 * _jln_edit_set_mark:
 * @rc_data: (transfer none): data allocated with g_rc_box_new(), shared
 *   with the inverse of @group
 */
void
_jln_edit_set_mark (JlnEdit         *group,
                    JlnEditMarkFunc  func,
                    gpointer         rc_data,
                    GDestroyNotify   clear,
                    gboolean         forget)
{
  g_return_if_fail (group != NULL && group->kind == JLN_EDIT_GROUP);

  if (group->mark_data != NULL)
    g_rc_box_release_full (group->mark_data, group->mark_clear);
  group->mark_func = func;
  group->mark_data = g_rc_box_acquire (rc_data);
  group->mark_clear = clear;
  group->mark_forget = forget;
}
