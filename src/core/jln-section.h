/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jln-record.h"

G_BEGIN_DECLS

/* A section of the plan's narrative (the internal review's "1. The
 * institution"…): a title and a body in both languages. The body is
 * plain text in the small syntax of jln-narrative.h. */
#define JLN_TYPE_SECTION (jln_section_get_type ())

G_DECLARE_FINAL_TYPE (JlnSection, jln_section, JLN, SECTION, JlnRecord)

const JlnText *jln_section_get_title (JlnSection *self);
const JlnText *jln_section_get_body  (JlnSection *self);

G_END_DECLS
