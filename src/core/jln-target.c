/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "jln-enums.h"
#include "jln-target.h"
#include "jln-record-private.h"

struct _JlnTarget
{
  JlnRecord parent_instance;

  int year;
  JlnText series;
  double value;
  JlnText text;
};

G_DEFINE_FINAL_TYPE (JlnTarget, jln_target, JLN_TYPE_RECORD)

static const JlnField fields[] = {
  { "year", "target_year", JLN_FIELD_INT, JLN_FIELD_OF (JlnTarget, year), .flags = JLN_FIELD_REQUIRED, .min = 1900, .max = 2200 },
  { "series", "series", JLN_FIELD_TEXT, JLN_FIELD_OF (JlnTarget, series) },
  { "value", "target_value", JLN_FIELD_DOUBLE, JLN_FIELD_OF (JlnTarget, value) },
  { "text", "target_text", JLN_FIELD_TEXT, JLN_FIELD_OF (JlnTarget, text) },
};

const JlnKindInfo _jln_target_info = {
  .kind = JLN_KIND_TARGET,
  .name = "target",
  .table = "targets",
  .list_key = "targets",
  .get_type = jln_target_get_type,
  .fields = fields,
  .n_fields = G_N_ELEMENTS (fields),
  .children = {  },
  .n_children = 0,
};

static void
jln_target_class_init (JlnTargetClass *klass)
{
  _jln_record_class_install_fields (JLN_RECORD_CLASS (klass), &_jln_target_info);
}

static void
jln_target_init (JlnTarget *self)
{
}

int
jln_target_get_year (JlnTarget *self)
{
  g_return_val_if_fail (JLN_IS_TARGET (self), 0);
  return self->year;
}

const JlnText *
jln_target_get_series (JlnTarget *self)
{
  g_return_val_if_fail (JLN_IS_TARGET (self), NULL);
  return &self->series;
}

double
jln_target_get_value (JlnTarget *self)
{
  g_return_val_if_fail (JLN_IS_TARGET (self), 0);
  return self->value;
}

const JlnText *
jln_target_get_text (JlnTarget *self)
{
  g_return_val_if_fail (JLN_IS_TARGET (self), NULL);
  return &self->text;
}
