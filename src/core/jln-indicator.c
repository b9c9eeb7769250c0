/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "jln-enums.h"
#include "jln-indicator.h"
#include "jln-record-private.h"

struct _JlnIndicator
{
  JlnRecord parent_instance;

  int number;
  JlnText title;
  JlnIndicatorKind kind;
  JlnText measure;
  JlnText actors;
  JlnText follow_up;
  JlnText remark;
  GPtrArray *actions;
};

G_DEFINE_FINAL_TYPE (JlnIndicator, jln_indicator, JLN_TYPE_RECORD)

static const JlnField fields[] = {
  { "number", "number", JLN_FIELD_INT, JLN_FIELD_OF (JlnIndicator, number), .flags = JLN_FIELD_REQUIRED, .min = 1, .max = 9999 },
  { "title", "title", JLN_FIELD_TEXT, JLN_FIELD_OF (JlnIndicator, title) },
  { "kind", "kind", JLN_FIELD_ENUM, JLN_FIELD_OF (JlnIndicator, kind), .enum_type = jln_indicator_kind_get_type },
  { "measure", "measure", JLN_FIELD_TEXT, JLN_FIELD_OF (JlnIndicator, measure) },
  { "actors", "actors", JLN_FIELD_TEXT, JLN_FIELD_OF (JlnIndicator, actors) },
  { "follow_up", "follow_up", JLN_FIELD_TEXT, JLN_FIELD_OF (JlnIndicator, follow_up) },
  { "remark", "remark", JLN_FIELD_TEXT, JLN_FIELD_OF (JlnIndicator, remark) },
  { "actions", "actions", JLN_FIELD_REFS, JLN_FIELD_OF (JlnIndicator, actions), .ref_kind = JLN_KIND_ACTION },
};

const JlnKindInfo _jln_indicator_info = {
  .kind = JLN_KIND_INDICATOR,
  .name = "indicator",
  .table = "indicators",
  .list_key = "indicators",
  .get_type = jln_indicator_get_type,
  .fields = fields,
  .n_fields = G_N_ELEMENTS (fields),
  .children = { JLN_KIND_TARGET, JLN_KIND_MEASUREMENT },
  .n_children = 2,
};

static void
jln_indicator_class_init (JlnIndicatorClass *klass)
{
  _jln_record_class_install_fields (JLN_RECORD_CLASS (klass), &_jln_indicator_info);
}

static void
jln_indicator_init (JlnIndicator *self)
{
}

int
jln_indicator_get_number (JlnIndicator *self)
{
  g_return_val_if_fail (JLN_IS_INDICATOR (self), 0);
  return self->number;
}

const JlnText *
jln_indicator_get_title (JlnIndicator *self)
{
  g_return_val_if_fail (JLN_IS_INDICATOR (self), NULL);
  return &self->title;
}

JlnIndicatorKind
jln_indicator_get_kind (JlnIndicator *self)
{
  g_return_val_if_fail (JLN_IS_INDICATOR (self), 0);
  return self->kind;
}

const JlnText *
jln_indicator_get_measure (JlnIndicator *self)
{
  g_return_val_if_fail (JLN_IS_INDICATOR (self), NULL);
  return &self->measure;
}

const JlnText *
jln_indicator_get_actors (JlnIndicator *self)
{
  g_return_val_if_fail (JLN_IS_INDICATOR (self), NULL);
  return &self->actors;
}

const JlnText *
jln_indicator_get_follow_up (JlnIndicator *self)
{
  g_return_val_if_fail (JLN_IS_INDICATOR (self), NULL);
  return &self->follow_up;
}

const JlnText *
jln_indicator_get_remark (JlnIndicator *self)
{
  g_return_val_if_fail (JLN_IS_INDICATOR (self), NULL);
  return &self->remark;
}

GPtrArray *
jln_indicator_get_actions (JlnIndicator *self)
{
  g_return_val_if_fail (JLN_IS_INDICATOR (self), NULL);
  return self->actions;
}

GListModel *
jln_indicator_get_targets (JlnIndicator *self)
{
  g_return_val_if_fail (JLN_IS_INDICATOR (self), NULL);
  return jln_record_get_children (JLN_RECORD (self), JLN_KIND_TARGET);
}

GListModel *
jln_indicator_get_measurements (JlnIndicator *self)
{
  g_return_val_if_fail (JLN_IS_INDICATOR (self), NULL);
  return jln_record_get_children (JLN_RECORD (self), JLN_KIND_MEASUREMENT);
}
