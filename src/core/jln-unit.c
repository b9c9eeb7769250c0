/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "jln-enums.h"
#include "jln-unit.h"
#include "jln-record-private.h"

struct _JlnUnit
{
  JlnRecord parent_instance;

  char *code;
  JlnText name;
};

G_DEFINE_FINAL_TYPE (JlnUnit, jln_unit, JLN_TYPE_RECORD)

static const JlnField fields[] = {
  { "code", "code", JLN_FIELD_STRING, JLN_FIELD_OF (JlnUnit, code), .flags = JLN_FIELD_REQUIRED },
  { "name", "name", JLN_FIELD_TEXT, JLN_FIELD_OF (JlnUnit, name) },
};

const JlnKindInfo _jln_unit_info = {
  .kind = JLN_KIND_UNIT,
  .name = "unit",
  .table = "units",
  .list_key = "units",
  .get_type = jln_unit_get_type,
  .fields = fields,
  .n_fields = G_N_ELEMENTS (fields),
  .children = {  },
  .n_children = 0,
};

static void
jln_unit_class_init (JlnUnitClass *klass)
{
  _jln_record_class_install_fields (JLN_RECORD_CLASS (klass), &_jln_unit_info);
}

static void
jln_unit_init (JlnUnit *self)
{
}

const char *
jln_unit_get_code (JlnUnit *self)
{
  g_return_val_if_fail (JLN_IS_UNIT (self), NULL);
  return self->code;
}

const JlnText *
jln_unit_get_name (JlnUnit *self)
{
  g_return_val_if_fail (JLN_IS_UNIT (self), NULL);
  return &self->name;
}
