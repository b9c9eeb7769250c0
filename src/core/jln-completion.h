/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "jln-semester.h"

G_BEGIN_DECLS

/* When an action was carried out: a year ("2017"), a range of years
 * ("2019-2020") or a semester ("2022-S1"). All zero means "not done". */
typedef struct
{
  guint16     first_year;
  guint16     last_year;
  JlnSemester semester;
} JlnCompletion;

typedef enum
{
  JLN_COMPLETION_NONE,
  JLN_COMPLETION_YEAR,
  JLN_COMPLETION_RANGE,
  JLN_COMPLETION_SEMESTER,
} JlnCompletionKind;

JlnCompletionKind jln_completion_get_kind       (const JlnCompletion *completion);
gboolean          jln_completion_is_set         (const JlnCompletion *completion);
gboolean          jln_completion_parse          (const char          *text,
                                                 JlnCompletion       *completion,
                                                 GError             **error);
char             *jln_completion_to_string      (const JlnCompletion *completion);
char             *jln_completion_format         (const JlnCompletion *completion,
                                                 JlnLang              lang);
JlnSemester       jln_completion_get_first      (const JlnCompletion *completion);
JlnSemester       jln_completion_get_last       (const JlnCompletion *completion);
gboolean          jln_completion_equal          (const JlnCompletion *a,
                                                 const JlnCompletion *b);

G_END_DECLS
