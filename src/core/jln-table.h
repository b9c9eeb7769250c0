/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Tables read from the files people keep their plans in: CSV and TSV
 * text, the sheets of ODS and XLSX workbooks, the tables of ODT and DOCX
 * documents. A table is its rows of text cells; empty rows are left out
 * but every row keeps the number it has in its sheet or file, so that
 * what is said about it can be found there. */

/* Limits past which a file is refused rather than read. */
#define JLN_TABLE_MAX_ROWS       200000
#define JLN_TABLE_MAX_COLUMNS    1024
#define JLN_TABLE_MAX_CELL       (1024 * 1024)
#define JLN_TABLE_MAX_FILE       (256 * 1024 * 1024)
#define JLN_TABLE_MAX_PART       (256 * 1024 * 1024)
#define JLN_TABLE_MAX_RATIO      200

typedef struct
{
  guint   number;    /* the row's number in its sheet, table or file, from 1 */
  guint   n_cells;
  char  **cells;     /* n_cells texts, "" when empty, NULL-terminated */
  int     heading;   /* the column of the row's only text when its cell spans
                      * the columns to the row's end (a sub-heading), or -1 */
} JlnTableRow;

typedef struct
{
  char      *name;   /* the sheet's name, or "Table 2" */
  GPtrArray *rows;   /* of JlnTableRow */
} JlnTable;

JlnTable    *jln_table_new          (const char   *name);
void         jln_table_free         (JlnTable     *table);
JlnTableRow *jln_table_add_row      (JlnTable     *table,
                                     guint         number,
                                     char        **cells,
                                     guint         n_cells);
const char  *jln_table_row_get_cell (const JlnTableRow *row,
                                     int                column);

GPtrArray   *jln_table_read_file    (const char   *path,
                                     GError      **error);
GPtrArray   *jln_table_read_text    (const char   *data,
                                     gsize         length,
                                     const char   *filename,
                                     char          separator,
                                     GError      **error);
GPtrArray   *jln_table_read_html    (const char   *data,
                                     gsize         length,
                                     const char   *filename,
                                     GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JlnTable, jln_table_free)

G_END_DECLS
