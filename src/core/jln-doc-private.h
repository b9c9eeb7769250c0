/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gsf/gsf.h>
#include <libxml/xmlwriter.h>

#include "jln-doc.h"

G_BEGIN_DECLS

/* What a writer of documents implements. jln-doc.c keeps the state that
 * all writers share (the error, the table's columns and spans) and calls
 * these only while no error has happened. */
typedef struct
{
  void     (*begin)           (JlnDoc *doc);
  void     (*paragraph_begin) (JlnDoc *doc, JlnDocStyle style);
  void     (*text)            (JlnDoc *doc, const char *text, JlnDocEmphasis emphasis);
  void     (*line_break)      (JlnDoc *doc);
  void     (*paragraph_end)   (JlnDoc *doc);
  void     (*table_begin)     (JlnDoc *doc);
  void     (*header_begin)    (JlnDoc *doc);
  void     (*header_end)      (JlnDoc *doc);
  void     (*row_begin)       (JlnDoc *doc);
  void     (*cell_begin)      (JlnDoc *doc, JlnDocShade shade, guint column_span, guint row_span);
  /* A grid position covered by a cell above (@vertical) or to the left. */
  void     (*covered_cell)    (JlnDoc *doc, gboolean vertical);
  void     (*cell_end)        (JlnDoc *doc);
  void     (*row_end)         (JlnDoc *doc);
  void     (*table_end)       (JlnDoc *doc);
  /* The picture jln_doc_picture() adds as doc->pictures' @index-th, from 1. */
  void     (*picture)         (JlnDoc *doc, guint index, double width_mm, double height_mm,
                               const char *alt_text);
  gboolean (*finish)          (JlnDoc *doc, GError **error);
  void     (*free)            (JlnDoc *doc);
} JlnDocClass;

struct _JlnDoc
{
  const JlnDocClass *klass;
  char              *path;
  char              *title;
  JlnLang            lang;
  gboolean           landscape;
  GError            *error;
  GCancellable      *cancellable;
  JlnDocProgress     progress;
  gpointer           progress_data;
  guint              rows;            /* written so far, to check cancellation now and then */
  GPtrArray         *pictures;        /* GBytes: the PNG images, in order */

  /* The table being written. */
  guint              n_columns;
  double            *widths;
  guint             *rows_below;      /* per column: rows still covered by a cell above */
  gboolean          *covered;         /* per column: covered in the current row */
  guint              column;          /* the next column of the current row */
  gboolean           in_header;
  gboolean           in_cell;
  guint              cell_paragraphs;
  guint              cell_columns;    /* the span of the open cell */
  gboolean           in_paragraph;
};

void     _jln_doc_init        (JlnDoc            *doc,
                               const JlnDocClass *klass,
                               const char        *path);
void     _jln_doc_fail        (JlnDoc            *doc,
                               GError            *error);
double   _jln_doc_text_width_cm (JlnDoc          *doc);

/* A zip container written through a temporary file beside the path. */
typedef struct
{
  char        *path;
  char        *temp_path;
  FILE        *file;
  GsfOutput   *sink;
  GsfOutfile  *zip;
} JlnZipOutput;

gboolean          _jln_zip_output_open   (JlnZipOutput  *zip,
                                          const char    *path,
                                          GError       **error);
GsfOutput        *_jln_zip_output_add    (JlnZipOutput  *zip,
                                          const char    *name,
                                          gboolean       compress,
                                          GError       **error);
gboolean          _jln_zip_output_commit (JlnZipOutput  *zip,
                                          GError       **error);
void              _jln_zip_output_abort  (JlnZipOutput  *zip);
/* Adds doc->pictures as @folder/image1.png, image2.png… */
gboolean          _jln_doc_add_picture_files (JlnDoc     *doc,
                                          JlnZipOutput  *zip,
                                          const char    *folder);

/* An XML writer over a member of a zip container; write errors go to
 * @doc. Free with _jln_xml_close(). */
xmlTextWriterPtr  _jln_xml_open          (GsfOutput     *member,
                                          JlnDoc        *doc);
gboolean          _jln_xml_close         (xmlTextWriterPtr writer,
                                          GsfOutput     *member,
                                          JlnDoc        *doc);
/* A document written as a zip container of XML parts (ODT, DOCX): the
 * container, and the part streamed as the document is described. The
 * writers' structures start with it. */
typedef struct
{
  JlnDoc           parent;
  JlnZipOutput     zip;
  gboolean         open;
  GsfOutput       *member;
  xmlTextWriterPtr xml;
} JlnZipDoc;

typedef char *(*JlnZipDocPartFunc) (JlnDoc *doc);

JlnDoc           *_jln_zip_doc_new        (gsize              size,
                                           const JlnDocClass *klass,
                                           const char        *path,
                                           GError           **error);
gboolean          _jln_zip_doc_begin_part (JlnZipDoc         *self,
                                           const char        *name);
gboolean          _jln_zip_doc_finish     (JlnZipDoc         *self,
                                           const char        *pictures_folder,
                                           const char        *index_name,
                                           JlnZipDocPartFunc  index_xml,
                                           GError           **error);
void              _jln_zip_doc_free       (JlnDoc            *doc);

/* Writes a whole small member. */
gboolean          _jln_zip_output_add_text (JlnZipOutput *zip,
                                          const char    *name,
                                          const char    *text,
                                          gboolean       compress,
                                          JlnDoc        *doc);

G_END_DECLS
