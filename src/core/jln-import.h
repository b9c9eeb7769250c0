/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jln-document.h"
#include "jln-plan.h"
#include "jln-table.h"

G_BEGIN_DECLS

/* Plans brought in from the tables people keep them in: the columns are
 * recognised by their headers, the values read as institutions write
 * them, and every row that needed reading is reported. */

typedef struct
{
  guint     row;       /* the row's number in its sheet or file; 0 for the whole file */
  char     *read;      /* what the row says, shortened */
  char     *made;      /* what was made of it */
  gboolean  warning;   /* something was guessed, kept as text or left out */
} JlnImportLine;

typedef struct _JlnImportReport JlnImportReport;

typedef struct
{
  guint table;         /* 0: the first table that looks like an action plan; else from 1 */
  int   lang;          /* a JlnLang, or -1 to follow the headers */
  const char *columns; /* the role of each column, "number,title,-,due", or NULL for the headers' */
  gboolean first_row_is_header;  /* with columns: the first row is not read as an action */
} JlnImportOptions;

#define JLN_IMPORT_OPTIONS_INIT { 0, -1, NULL, FALSE }

JlnPlan         *jln_import_read_tables         (GPtrArray               *tables,
                                                 const char              *filename,
                                                 const JlnImportOptions  *options,
                                                 JlnImportReport        **report,
                                                 GError                 **error);
JlnPlan         *jln_import_read_file           (const char              *path,
                                                 const JlnImportOptions  *options,
                                                 JlnImportReport        **report,
                                                 GError                 **error);
JlnDocument     *jln_import_file                (const char              *path,
                                                 const char              *output,
                                                 const JlnImportOptions  *options,
                                                 JlnImportReport        **report,
                                                 GError                 **error);
JlnEdit         *jln_import_edit_into           (JlnPlan                 *imported,
                                                 JlnPlan                 *target,
                                                 const char              *label);
gboolean         jln_import_handles             (const char              *path);
JlnDocument     *jln_import_command             (const char              *path,
                                                 const char              *output,
                                                 int                      table,
                                                 const char              *lang,
                                                 const char              *columns,
                                                 char                   **report_text,
                                                 GError                 **error);

GPtrArray       *jln_import_report_get_lines    (JlnImportReport         *report);
char            *jln_import_report_get_summary  (JlnImportReport         *report);
const char      *jln_import_report_get_columns  (JlnImportReport         *report);
const char * const *
                 jln_import_report_get_headers  (JlnImportReport         *report);
guint            jln_import_report_get_n_warnings (JlnImportReport       *report);
const char      *jln_import_report_get_table    (JlnImportReport         *report);
char            *jln_import_report_format       (JlnImportReport         *report);
void             jln_import_report_free         (JlnImportReport         *report);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JlnImportReport, jln_import_report_free)

G_END_DECLS
