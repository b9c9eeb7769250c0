/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "jln-enums.h"
#include "jln-principle.h"
#include "jln-record-private.h"

struct _JlnPrinciple
{
  JlnRecord parent_instance;

  int number;
  JlnPrincipleArea area;
  JlnText name;
};

G_DEFINE_FINAL_TYPE (JlnPrinciple, jln_principle, JLN_TYPE_RECORD)

static const JlnField fields[] = {
  { "number", "number", JLN_FIELD_INT, JLN_FIELD_OF (JlnPrinciple, number), .flags = JLN_FIELD_REQUIRED, .min = 1, .max = 40 },
  { "area", "area", JLN_FIELD_ENUM, JLN_FIELD_OF (JlnPrinciple, area), .enum_type = jln_principle_area_get_type },
  { "name", "name", JLN_FIELD_TEXT, JLN_FIELD_OF (JlnPrinciple, name) },
};

const JlnKindInfo _jln_principle_info = {
  .kind = JLN_KIND_PRINCIPLE,
  .name = "principle",
  .table = "principles",
  .list_key = "principles",
  .get_type = jln_principle_get_type,
  .fields = fields,
  .n_fields = G_N_ELEMENTS (fields),
  .children = {  },
  .n_children = 0,
};

static void
jln_principle_class_init (JlnPrincipleClass *klass)
{
  _jln_record_class_install_fields (JLN_RECORD_CLASS (klass), &_jln_principle_info);
}

static void
jln_principle_init (JlnPrinciple *self)
{
}

int
jln_principle_get_number (JlnPrinciple *self)
{
  g_return_val_if_fail (JLN_IS_PRINCIPLE (self), 0);
  return self->number;
}

JlnPrincipleArea
jln_principle_get_area (JlnPrinciple *self)
{
  g_return_val_if_fail (JLN_IS_PRINCIPLE (self), 0);
  return self->area;
}

const JlnText *
jln_principle_get_name (JlnPrinciple *self)
{
  g_return_val_if_fail (JLN_IS_PRINCIPLE (self), NULL);
  return &self->name;
}
