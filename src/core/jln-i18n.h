/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jln-types.h"

G_BEGIN_DECLS

/* Words that belong with a plan's content — the labels drawn in a
 * timeline or a chart, the headings of an export — follow the language
 * of that content, which may differ from the interface's. They are marked
 * with N_() and looked up here, in the same catalogue as the interface
 * (po/fr.po), whatever the locale. English is the source language. */
const char *jln_translate        (JlnLang     lang,
                                  const char *msgid) G_GNUC_FORMAT (2);
const char *jln_translate_context (JlnLang    lang,
                                  const char *context,
                                  const char *msgid) G_GNUC_FORMAT (3);
const char *jln_translate_plural (JlnLang     lang,
                                  const char *singular,
                                  const char *plural,
                                  gulong      n) G_GNUC_FORMAT (2) G_GNUC_FORMAT (3);

/* A status's label in a plan's language. */
const char *jln_status_get_label_in (JlnStatus  status,
                                     JlnLang    lang);

/* "23 nov. 2026" / "23 Nov 2026" for 2026-11-23, "nov. 2026" / "Nov 2026"
 * for 2026-11; anything else is returned as it is. */
char       *jln_format_date      (const char *iso,
                                  JlnLang     lang);
char       *jln_format_date_time (GDateTime  *date,
                                  JlnLang     lang);

G_END_DECLS
