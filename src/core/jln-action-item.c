/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "jln-enums.h"
#include "jln-action-item.h"
#include "jln-record-private.h"

struct _JlnActionItem
{
  JlnRecord parent_instance;

  JlnInlineString label;
  JlnText title;
  JlnStatus status;
  JlnCompletion completion;
  JlnSemester due;
  GPtrArray *units;
};

G_DEFINE_FINAL_TYPE (JlnActionItem, jln_action_item, JLN_TYPE_RECORD)

static const JlnField fields[] = {
  { "label", "label", JLN_FIELD_STRING, JLN_FIELD_OF (JlnActionItem, label), .flags = JLN_FIELD_REQUIRED | JLN_FIELD_INLINE },
  { "title", "title", JLN_FIELD_TEXT, JLN_FIELD_OF (JlnActionItem, title) },
  { "status", "status", JLN_FIELD_ENUM, JLN_FIELD_OF (JlnActionItem, status), .enum_type = jln_status_get_type },
  { "completion", "completion", JLN_FIELD_COMPLETION, JLN_FIELD_OF (JlnActionItem, completion) },
  { "due", "due_semester", JLN_FIELD_SEMESTER, JLN_FIELD_OF (JlnActionItem, due) },
  { "units", "units", JLN_FIELD_REFS, JLN_FIELD_OF (JlnActionItem, units), .ref_kind = JLN_KIND_UNIT },
};

const JlnKindInfo _jln_action_item_info = {
  .kind = JLN_KIND_ITEM,
  .name = "action item",
  .table = "items",
  .list_key = "items",
  .get_type = jln_action_item_get_type,
  .fields = fields,
  .n_fields = G_N_ELEMENTS (fields),
  .children = { JLN_KIND_ITEM_NOTE },
  .n_children = 1,
};

static void
jln_action_item_class_init (JlnActionItemClass *klass)
{
  _jln_record_class_install_fields (JLN_RECORD_CLASS (klass), &_jln_action_item_info);
}

static void
jln_action_item_init (JlnActionItem *self)
{
}

const char *
jln_action_item_get_label (JlnActionItem *self)
{
  g_return_val_if_fail (JLN_IS_ACTION_ITEM (self), NULL);
  return _jln_inline_string_get (&self->label);
}

const JlnText *
jln_action_item_get_title (JlnActionItem *self)
{
  g_return_val_if_fail (JLN_IS_ACTION_ITEM (self), NULL);
  return &self->title;
}

JlnStatus
jln_action_item_get_status (JlnActionItem *self)
{
  g_return_val_if_fail (JLN_IS_ACTION_ITEM (self), 0);
  return self->status;
}

const JlnCompletion *
jln_action_item_get_completion (JlnActionItem *self)
{
  g_return_val_if_fail (JLN_IS_ACTION_ITEM (self), NULL);
  return &self->completion;
}

JlnSemester
jln_action_item_get_due (JlnActionItem *self)
{
  g_return_val_if_fail (JLN_IS_ACTION_ITEM (self), JLN_SEMESTER_NONE);
  return self->due;
}

GPtrArray *
jln_action_item_get_units (JlnActionItem *self)
{
  g_return_val_if_fail (JLN_IS_ACTION_ITEM (self), NULL);
  return self->units;
}
