/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "jln-enums.h"
#include "jln-milestone.h"
#include "jln-record-private.h"

struct _JlnMilestone
{
  JlnRecord parent_instance;

  char *date;
  JlnMilestoneKind kind;
  JlnText title;
};

G_DEFINE_FINAL_TYPE (JlnMilestone, jln_milestone, JLN_TYPE_RECORD)

static const JlnField fields[] = {
  { "date", "milestone_date", JLN_FIELD_DATE, JLN_FIELD_OF (JlnMilestone, date), .flags = JLN_FIELD_REQUIRED },
  { "kind", "kind", JLN_FIELD_ENUM, JLN_FIELD_OF (JlnMilestone, kind), .enum_type = jln_milestone_kind_get_type },
  { "title", "title", JLN_FIELD_TEXT, JLN_FIELD_OF (JlnMilestone, title) },
};

const JlnKindInfo _jln_milestone_info = {
  .kind = JLN_KIND_MILESTONE,
  .name = "milestone",
  .table = "milestones",
  .list_key = "milestones",
  .get_type = jln_milestone_get_type,
  .fields = fields,
  .n_fields = G_N_ELEMENTS (fields),
  .children = {  },
  .n_children = 0,
};

static void
jln_milestone_class_init (JlnMilestoneClass *klass)
{
  _jln_record_class_install_fields (JLN_RECORD_CLASS (klass), &_jln_milestone_info);
}

static void
jln_milestone_init (JlnMilestone *self)
{
}

const char *
jln_milestone_get_date (JlnMilestone *self)
{
  g_return_val_if_fail (JLN_IS_MILESTONE (self), NULL);
  return self->date;
}

JlnMilestoneKind
jln_milestone_get_kind (JlnMilestone *self)
{
  g_return_val_if_fail (JLN_IS_MILESTONE (self), 0);
  return self->kind;
}

const JlnText *
jln_milestone_get_title (JlnMilestone *self)
{
  g_return_val_if_fail (JLN_IS_MILESTONE (self), NULL);
  return &self->title;
}
