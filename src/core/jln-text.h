/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "jln-types.h"

G_BEGIN_DECLS

/* A text kept in both content languages. A language that is missing is
 * NULL, never "". */
typedef struct
{
  char *fr;
  char *en;
} JlnText;

const char *jln_text_get          (const JlnText *text,
                                   JlnLang        lang);
const char *jln_text_get_fallback (const JlnText *text,
                                   JlnLang        lang,
                                   gboolean      *is_fallback);
gboolean    jln_text_is_empty     (const JlnText *text);
void        jln_text_clear        (JlnText       *text);

gboolean    jln_set_str           (char         **slot,
                                   const char    *value);

char       *jln_fold              (const char    *text);
char       *jln_text_isolate      (const char    *text);
void        jln_fold_append       (GString       *out,
                                   const char    *text);
gboolean    jln_fold_contains     (const char    *text,
                                   const char    *folded);

typedef struct _JlnFoldMatcher JlnFoldMatcher;

JlnFoldMatcher *jln_fold_matcher_new        (const char           *folded);
void            jln_fold_matcher_free       (JlnFoldMatcher       *self);
const char     *jln_fold_matcher_get_folded (JlnFoldMatcher       *self);
gboolean        jln_fold_matcher_find       (const JlnFoldMatcher *self,
                                             const char           *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JlnFoldMatcher, jln_fold_matcher_free)

G_END_DECLS
