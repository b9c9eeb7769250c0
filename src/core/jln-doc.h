/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "jln-types.h"

G_BEGIN_DECLS

/* A document described as it is written, from top to bottom: headings,
 * paragraphs of text runs, tables whose header rows repeat on each page.
 * Each call goes straight to a writer (ODT, DOCX, the PDF painter), so a
 * document of 100 000 actions is never held whole in memory.
 *
 * Writing never fails half-way for the caller: the first error is kept,
 * later calls do nothing, and jln_doc_finish() reports it. Text is plain
 * text; newlines become line breaks. */
typedef struct _JlnDoc JlnDoc;

typedef enum
{
  JLN_DOC_STYLE_BODY,
  JLN_DOC_STYLE_TITLE,
  JLN_DOC_STYLE_HEADING,      /* a section */
  JLN_DOC_STYLE_SUBHEADING,
  JLN_DOC_STYLE_BULLET,       /* an item of a list */
  JLN_DOC_STYLE_CELL,         /* text in a table */
  JLN_DOC_STYLE_CELL_HEADER,  /* text in a table's header row */
  JLN_DOC_N_STYLES,
} JlnDocStyle;

typedef enum
{
  JLN_DOC_EMPHASIS_NONE      = 0,
  JLN_DOC_EMPHASIS_ITALIC    = 1 << 0,
  JLN_DOC_EMPHASIS_BOLD      = 1 << 1,
  JLN_DOC_EMPHASIS_UNDERLINE = 1 << 2,
} JlnDocEmphasis;

#define JLN_DOC_N_EMPHASES 8

/* The background of a cell. The status shades follow the legend of HRS4R
 * action plans: grey for done, green for done though not planned, white
 * for the rest. */
typedef enum
{
  JLN_DOC_SHADE_NONE,
  JLN_DOC_SHADE_HEADER,
  JLN_DOC_SHADE_DONE,
  JLN_DOC_SHADE_DONE_NEW,
  JLN_DOC_SHADE_ALERT,        /* what must stand out: a principle no action covers */
  JLN_DOC_N_SHADES,
} JlnDocShade;

/* Colours of the shades, as "RRGGBB". */
const char *jln_doc_shade_get_rgb   (JlnDocShade shade);
JlnDocShade jln_doc_shade_for_status (JlnStatus  status);

/* Describes a whole document to @doc, from jln_doc_begin() on, in @lang. */
typedef void (*JlnDocWriteFunc) (JlnDoc   *doc,
                                 JlnLang   lang,
                                 gpointer  user_data);

/* Called now and then while a document is written. */
typedef void (*JlnDocProgress) (guint    done,
                                guint    total,
                                gpointer user_data);

JlnDoc   *jln_doc_new_odt        (const char    *path,
                                  GError       **error);
JlnDoc   *jln_doc_new_docx       (const char    *path,
                                  GError       **error);
/* The writer for the extension of @path (.odt or .docx), or NULL. */
JlnDoc   *jln_doc_new_for_path   (const char    *path,
                                  GError       **error);
gboolean  jln_doc_format_from_path (const char  *path);

void      jln_doc_set_cancellable (JlnDoc       *self,
                                  GCancellable  *cancellable);
void      jln_doc_set_progress   (JlnDoc        *self,
                                  JlnDocProgress progress,
                                  gpointer       user_data);
void      jln_doc_report_progress (JlnDoc       *self,
                                  guint          done,
                                  guint          total);

void      jln_doc_begin          (JlnDoc        *self,
                                  const char    *title,
                                  JlnLang        lang,
                                  gboolean       landscape);
JlnLang   jln_doc_get_lang       (JlnDoc        *self);
gboolean  jln_doc_has_failed     (JlnDoc        *self);

void      jln_doc_paragraph_begin (JlnDoc       *self,
                                  JlnDocStyle    style);
void      jln_doc_text           (JlnDoc        *self,
                                  const char    *text,
                                  JlnDocEmphasis emphasis);
void      jln_doc_line_break     (JlnDoc        *self);
void      jln_doc_paragraph_end  (JlnDoc        *self);
/* A paragraph of one run. */
void      jln_doc_paragraph      (JlnDoc        *self,
                                  JlnDocStyle    style,
                                  const char    *text,
                                  JlnDocEmphasis emphasis);

/* A picture on its own line, outside tables: @png the bytes of a PNG
 * image, shown @width_mm by @height_mm, described by @alt_text for those
 * who do not see it. Bytes that are not a PNG image are left out. */
void      jln_doc_picture        (JlnDoc        *self,
                                  GBytes        *png,
                                  double         width_mm,
                                  double         height_mm,
                                  const char    *alt_text);
/* The width of the text on the page, in millimetres: the widest picture. */
double    jln_doc_get_text_width_mm (JlnDoc     *self);

/* @widths: the share of each column, summing to 1. */
void      jln_doc_table_begin    (JlnDoc        *self,
                                  guint          n_columns,
                                  const double  *widths);
/* Rows between these two are the header, repeated on each page. */
void      jln_doc_header_begin   (JlnDoc        *self);
void      jln_doc_header_end     (JlnDoc        *self);
void      jln_doc_row_begin      (JlnDoc        *self);
/* The next cell that is not covered by a cell spanning rows above. */
void      jln_doc_cell_begin     (JlnDoc        *self,
                                  JlnDocShade    shade,
                                  guint          column_span,
                                  guint          row_span);
void      jln_doc_cell_end       (JlnDoc        *self);
/* A cell of one paragraph of one run. */
void      jln_doc_cell           (JlnDoc        *self,
                                  JlnDocShade    shade,
                                  JlnDocStyle    style,
                                  const char    *text,
                                  JlnDocEmphasis emphasis);
void      jln_doc_row_end        (JlnDoc        *self);
void      jln_doc_table_end      (JlnDoc        *self);

/* Completes the document: the file appears at its path, whole, or not at
 * all. Frees @self. */
gboolean  jln_doc_finish         (JlnDoc        *self,
                                  GError       **error);
/* Frees @self and removes what it wrote. */
void      jln_doc_abort          (JlnDoc        *self);

G_END_DECLS
