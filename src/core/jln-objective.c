/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "jln-enums.h"
#include "jln-objective.h"
#include "jln-record-private.h"

struct _JlnObjective
{
  JlnRecord parent_instance;

  JlnProgramme programme;
  char *number;
  JlnText title;
  JlnText description;
};

G_DEFINE_FINAL_TYPE (JlnObjective, jln_objective, JLN_TYPE_RECORD)

static const JlnField fields[] = {
  { "programme", "programme", JLN_FIELD_ENUM, JLN_FIELD_OF (JlnObjective, programme), .enum_type = jln_programme_get_type },
  { "number", "number", JLN_FIELD_STRING, JLN_FIELD_OF (JlnObjective, number), .flags = JLN_FIELD_REQUIRED },
  { "title", "title", JLN_FIELD_TEXT, JLN_FIELD_OF (JlnObjective, title) },
  { "description", "description", JLN_FIELD_TEXT, JLN_FIELD_OF (JlnObjective, description) },
};

const JlnKindInfo _jln_objective_info = {
  .kind = JLN_KIND_OBJECTIVE,
  .name = "objective",
  .table = "objectives",
  .list_key = "objectives",
  .get_type = jln_objective_get_type,
  .fields = fields,
  .n_fields = G_N_ELEMENTS (fields),
  .children = { JLN_KIND_ACTION },
  .n_children = 1,
};

static void
jln_objective_class_init (JlnObjectiveClass *klass)
{
  _jln_record_class_install_fields (JLN_RECORD_CLASS (klass), &_jln_objective_info);
}

static void
jln_objective_init (JlnObjective *self)
{
}

JlnProgramme
jln_objective_get_programme (JlnObjective *self)
{
  g_return_val_if_fail (JLN_IS_OBJECTIVE (self), 0);
  return self->programme;
}

const char *
jln_objective_get_number (JlnObjective *self)
{
  g_return_val_if_fail (JLN_IS_OBJECTIVE (self), NULL);
  return self->number;
}

const JlnText *
jln_objective_get_title (JlnObjective *self)
{
  g_return_val_if_fail (JLN_IS_OBJECTIVE (self), NULL);
  return &self->title;
}

const JlnText *
jln_objective_get_description (JlnObjective *self)
{
  g_return_val_if_fail (JLN_IS_OBJECTIVE (self), NULL);
  return &self->description;
}

GListModel *
jln_objective_get_actions (JlnObjective *self)
{
  g_return_val_if_fail (JLN_IS_OBJECTIVE (self), NULL);
  return jln_record_get_children (JLN_RECORD (self), JLN_KIND_ACTION);
}
