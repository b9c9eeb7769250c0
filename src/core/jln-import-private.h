/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jln-completion.h"
#include "jln-import.h"

G_BEGIN_DECLS

#define JLN_IMPORT_N_PRINCIPLES 40

typedef struct
{
  int         number;
  const char *area;
  const char *fr;
  const char *en;
} JlnImportPrinciple;

extern const JlnImportPrinciple _jln_import_principles[JLN_IMPORT_N_PRINCIPLES];

/* What a timing or status cell says. */
typedef struct
{
  gboolean      has_status;
  JlnStatus     status;
  JlnCompletion completion;
  JlnSemester   start;
  JlnSemester   due;
  gboolean      yearly;
  JlnSemester   next;
  char        **references;
  gboolean      understood;    /* FALSE: some of the text was not read */
} JlnTiming;

void     _jln_timing_parse (const char *text,
                            gboolean    done_column,
                            JlnTiming  *timing);
void     _jln_timing_clear (JlnTiming  *timing);

G_END_DECLS
