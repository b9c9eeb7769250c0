/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "jln-section.h"
#include "jln-record-private.h"

struct _JlnSection
{
  JlnRecord parent_instance;

  JlnText title;
  JlnText body;
};

G_DEFINE_FINAL_TYPE (JlnSection, jln_section, JLN_TYPE_RECORD)

static const JlnField fields[] = {
  { "title", "title", JLN_FIELD_TEXT, JLN_FIELD_OF (JlnSection, title) },
  { "body", "body", JLN_FIELD_TEXT, JLN_FIELD_OF (JlnSection, body) },
};

const JlnKindInfo _jln_section_info = {
  .kind = JLN_KIND_SECTION,
  .name = "section",
  .table = "sections",
  .list_key = "sections",
  .get_type = jln_section_get_type,
  .fields = fields,
  .n_fields = G_N_ELEMENTS (fields),
  .children = {  },
  .n_children = 0,
};

static void
jln_section_class_init (JlnSectionClass *klass)
{
  _jln_record_class_install_fields (JLN_RECORD_CLASS (klass), &_jln_section_info);
}

static void
jln_section_init (JlnSection *self)
{
}

const JlnText *
jln_section_get_title (JlnSection *self)
{
  g_return_val_if_fail (JLN_IS_SECTION (self), NULL);
  return &self->title;
}

const JlnText *
jln_section_get_body (JlnSection *self)
{
  g_return_val_if_fail (JLN_IS_SECTION (self), NULL);
  return &self->body;
}
