/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include "jln-gettext.h"
#include <glib/gstdio.h>

#include "jln-doc-private.h"
#include "jln-json.h"

/* Cancellation is checked every so many rows. */
#define CHECK_EVERY 256

static const char *shade_rgb[JLN_DOC_N_SHADES] = {
  [JLN_DOC_SHADE_NONE] = "FFFFFF",
  [JLN_DOC_SHADE_HEADER] = "DCE3EC",
  [JLN_DOC_SHADE_DONE] = "D9D9D9",
  [JLN_DOC_SHADE_DONE_NEW] = "C6E0B4",
  [JLN_DOC_SHADE_ALERT] = "F8CBAD",
};

const char *
jln_doc_shade_get_rgb (JlnDocShade shade)
{
  g_return_val_if_fail (shade < JLN_DOC_N_SHADES, "FFFFFF");
  return shade_rgb[shade];
}

JlnDocShade
jln_doc_shade_for_status (JlnStatus status)
{
  switch (status)
    {
    case JLN_STATUS_DONE:
      return JLN_DOC_SHADE_DONE;
    case JLN_STATUS_DONE_NEW:
      return JLN_DOC_SHADE_DONE_NEW;
    case JLN_STATUS_PLANNED:
    case JLN_STATUS_IN_PROGRESS:
    case JLN_STATUS_REVISED:
    case JLN_STATUS_SUPERSEDED:
    case JLN_STATUS_DROPPED:
    default:
      return JLN_DOC_SHADE_NONE;
    }
}

gboolean
jln_doc_format_from_path (const char *path)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  return g_str_has_suffix (lower, ".odt") || g_str_has_suffix (lower, ".docx");
}

JlnDoc *
jln_doc_new_for_path (const char  *path,
                      GError     **error)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  if (g_str_has_suffix (lower, ".odt"))
    return jln_doc_new_odt (path, error);
  if (g_str_has_suffix (lower, ".docx"))
    return jln_doc_new_docx (path, error);
  g_set_error (error, JLN_ERROR, JLN_ERROR_INVALID,
               _("%s: unknown document format: use .odt, .docx or .pdf"), path);
  return NULL;
}

void
_jln_doc_init (JlnDoc            *doc,
               const JlnDocClass *klass,
               const char        *path)
{
  doc->klass = klass;
  doc->path = g_strdup (path);
  doc->lang = JLN_LANG_EN;
}

void
_jln_doc_fail (JlnDoc *doc,
               GError *error)
{
  if (doc->error == NULL)
    doc->error = error;
  else
    g_error_free (error);
}

/* The width of the text on the page: A4 with margins of 1.5 cm. */
double
_jln_doc_text_width_cm (JlnDoc *doc)
{
  return (doc->landscape ? 29.7 : 21.0) - 2 * 1.5;
}

gboolean
jln_doc_has_failed (JlnDoc *self)
{
  return self->error != NULL;
}

void
jln_doc_set_cancellable (JlnDoc       *self,
                         GCancellable *cancellable)
{
  g_set_object (&self->cancellable, cancellable);
}

void
jln_doc_set_progress (JlnDoc         *self,
                      JlnDocProgress  progress,
                      gpointer        user_data)
{
  self->progress = progress;
  self->progress_data = user_data;
}

void
jln_doc_report_progress (JlnDoc *self,
                         guint   done,
                         guint   total)
{
  if (self->progress != NULL)
    self->progress (done, total, self->progress_data);
}

/* XML 1.0 has no place for most control characters: they become spaces. */
static char *
clean_text (const char *text)
{
  char *valid = g_utf8_make_valid (text, -1);

  for (char *p = valid; *p != '\0'; p++)
    if ((guchar) *p < 0x20 && *p != '\n' && *p != '\t')
      *p = ' ';
  return valid;
}

#define RETURN_IF_FAILED(self) G_STMT_START { if ((self)->error != NULL) return; } G_STMT_END

void
jln_doc_begin (JlnDoc     *self,
               const char *title,
               JlnLang     lang,
               gboolean    landscape)
{
  RETURN_IF_FAILED (self);
  g_free (self->title);
  self->title = title != NULL ? clean_text (title) : NULL;
  for (char *p = self->title; p != NULL && *p != '\0'; p++)
    if (*p == '\n' || *p == '\t')
      *p = ' ';
  self->lang = lang;
  self->landscape = landscape;
  self->klass->begin (self);
}

JlnLang
jln_doc_get_lang (JlnDoc *self)
{
  return self->lang;
}

void
jln_doc_paragraph_begin (JlnDoc      *self,
                         JlnDocStyle  style)
{
  RETURN_IF_FAILED (self);
  g_return_if_fail (!self->in_paragraph);
  self->in_paragraph = TRUE;
  if (self->in_cell)
    self->cell_paragraphs++;
  self->klass->paragraph_begin (self, style);
}

void
jln_doc_text (JlnDoc         *self,
              const char     *text,
              JlnDocEmphasis  emphasis)
{
  g_autofree char *clean = NULL;
  g_auto(GStrv) lines = NULL;

  RETURN_IF_FAILED (self);
  g_return_if_fail (self->in_paragraph);
  if (text == NULL || text[0] == '\0')
    return;
  clean = clean_text (text);
  lines = g_strsplit (clean, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (i > 0)
        self->klass->line_break (self);
      if (lines[i][0] != '\0')
        self->klass->text (self, lines[i], emphasis);
    }
}

void
jln_doc_line_break (JlnDoc *self)
{
  RETURN_IF_FAILED (self);
  g_return_if_fail (self->in_paragraph);
  self->klass->line_break (self);
}

void
jln_doc_paragraph_end (JlnDoc *self)
{
  RETURN_IF_FAILED (self);
  g_return_if_fail (self->in_paragraph);
  self->in_paragraph = FALSE;
  self->klass->paragraph_end (self);
}

void
jln_doc_paragraph (JlnDoc         *self,
                   JlnDocStyle     style,
                   const char     *text,
                   JlnDocEmphasis  emphasis)
{
  jln_doc_paragraph_begin (self, style);
  jln_doc_text (self, text, emphasis);
  jln_doc_paragraph_end (self);
}

void
jln_doc_table_begin (JlnDoc       *self,
                     guint         n_columns,
                     const double *widths)
{
  RETURN_IF_FAILED (self);
  g_return_if_fail (self->n_columns == 0 && n_columns > 0);
  self->n_columns = n_columns;
  self->widths = g_memdup2 (widths, n_columns * sizeof (double));
  self->rows_below = g_new0 (guint, n_columns);
  self->covered = g_new0 (gboolean, n_columns);
  self->klass->table_begin (self);
}

void
jln_doc_header_begin (JlnDoc *self)
{
  RETURN_IF_FAILED (self);
  self->in_header = TRUE;
  self->klass->header_begin (self);
}

void
jln_doc_header_end (JlnDoc *self)
{
  RETURN_IF_FAILED (self);
  self->in_header = FALSE;
  self->klass->header_end (self);
}

void
jln_doc_row_begin (JlnDoc *self)
{
  RETURN_IF_FAILED (self);
  g_return_if_fail (self->n_columns > 0);
  self->column = 0;
  for (guint i = 0; i < self->n_columns; i++)
    {
      self->covered[i] = self->rows_below[i] > 0;
      if (self->covered[i])
        self->rows_below[i]--;
    }
  self->klass->row_begin (self);
}

static void
skip_covered (JlnDoc *self)
{
  while (self->column < self->n_columns && self->covered[self->column])
    {
      self->klass->covered_cell (self, TRUE);
      self->column++;
    }
}

void
jln_doc_cell_begin (JlnDoc      *self,
                    JlnDocShade  shade,
                    guint        column_span,
                    guint        row_span)
{
  RETURN_IF_FAILED (self);
  g_return_if_fail (!self->in_cell);
  skip_covered (self);
  column_span = CLAMP (column_span, 1, self->n_columns - MIN (self->column, self->n_columns - 1));
  g_return_if_fail (self->column < self->n_columns);
  for (guint i = 0; i < column_span; i++)
    self->rows_below[self->column + i] = MAX (row_span, 1) - 1;
  self->in_cell = TRUE;
  self->cell_paragraphs = 0;
  self->cell_columns = column_span;
  self->klass->cell_begin (self, shade, column_span, MAX (row_span, 1));
  self->column += column_span;
}

void
jln_doc_cell_end (JlnDoc *self)
{
  RETURN_IF_FAILED (self);
  g_return_if_fail (self->in_cell);
  if (self->cell_paragraphs == 0)
    {
      jln_doc_paragraph_begin (self, JLN_DOC_STYLE_CELL);
      jln_doc_paragraph_end (self);
      RETURN_IF_FAILED (self);
    }
  self->in_cell = FALSE;
  self->klass->cell_end (self);
  /* The columns to the right that the cell covers. */
  for (guint i = 1; i < self->cell_columns; i++)
    self->klass->covered_cell (self, FALSE);
}

void
jln_doc_cell (JlnDoc         *self,
              JlnDocShade     shade,
              JlnDocStyle     style,
              const char     *text,
              JlnDocEmphasis  emphasis)
{
  jln_doc_cell_begin (self, shade, 1, 1);
  jln_doc_paragraph (self, style, text, emphasis);
  jln_doc_cell_end (self);
}

void
jln_doc_row_end (JlnDoc *self)
{
  RETURN_IF_FAILED (self);
  /* Cells left out at the end of a row are written empty, so that every
   * row has its columns. */
  while (self->column < self->n_columns)
    {
      if (self->covered[self->column])
        skip_covered (self);
      else
        {
          jln_doc_cell_begin (self, JLN_DOC_SHADE_NONE, 1, 1);
          jln_doc_cell_end (self);
        }
      RETURN_IF_FAILED (self);
    }
  self->klass->row_end (self);
  if (++self->rows % CHECK_EVERY == 0 && self->cancellable != NULL)
    {
      GError *error = NULL;

      if (g_cancellable_set_error_if_cancelled (self->cancellable, &error))
        _jln_doc_fail (self, error);
    }
}

void
jln_doc_table_end (JlnDoc *self)
{
  RETURN_IF_FAILED (self);
  self->klass->table_end (self);
  self->n_columns = 0;
  g_clear_pointer (&self->widths, g_free);
  g_clear_pointer (&self->rows_below, g_free);
  g_clear_pointer (&self->covered, g_free);
}

static void
doc_free (JlnDoc *self)
{
  g_autofree char *path = self->path;
  g_autofree char *title = self->title;
  g_autofree double *widths = self->widths;
  g_autofree guint *rows_below = self->rows_below;
  g_autofree gboolean *covered = self->covered;

  g_clear_error (&self->error);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->pictures, g_ptr_array_unref);
  self->klass->free (self);
}

gboolean
jln_doc_finish (JlnDoc  *self,
                GError **error)
{
  gboolean ok;

  g_return_val_if_fail (self != NULL, FALSE);
  if (self->error == NULL)
    {
      GError *cancel = NULL;

      if (g_cancellable_set_error_if_cancelled (self->cancellable, &cancel))
        _jln_doc_fail (self, cancel);
    }
  if (self->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&self->error));
      jln_doc_abort (self);
      return FALSE;
    }
  ok = self->klass->finish (self, error);
  doc_free (self);
  return ok;
}

void
jln_doc_abort (JlnDoc *self)
{
  if (self == NULL)
    return;
  /* A writer that was not finished removes what it wrote when freed. */
  doc_free (self);
}

void
jln_doc_picture (JlnDoc     *self,
                 GBytes     *png,
                 double      width_mm,
                 double      height_mm,
                 const char *alt_text)
{
  static const guint8 signature[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  g_autofree char *alt = NULL;
  gsize size = 0;
  const guint8 *data;

  RETURN_IF_FAILED (self);
  g_return_if_fail (png != NULL);
  g_return_if_fail (!self->in_paragraph && self->n_columns == 0);
  data = g_bytes_get_data (png, &size);
  if (size < sizeof signature || memcmp (data, signature, sizeof signature) != 0)
    return;
  if (!(width_mm > 0) || !(height_mm > 0))
    return;
  /* No wider than the text: a picture keeps its proportions. */
  if (width_mm > jln_doc_get_text_width_mm (self))
    {
      height_mm *= jln_doc_get_text_width_mm (self) / width_mm;
      width_mm = jln_doc_get_text_width_mm (self);
    }
  if (self->pictures == NULL)
    self->pictures = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  g_ptr_array_add (self->pictures, g_bytes_ref (png));
  alt = clean_text (alt_text != NULL ? alt_text : "");
  if (self->klass->picture != NULL)
    self->klass->picture (self, self->pictures->len, width_mm, height_mm, alt);
}

double
jln_doc_get_text_width_mm (JlnDoc *self)
{
  return _jln_doc_text_width_cm (self) * 10.0;
}

/* Writes the pictures as @folder/image1.png, image2.png… */
gboolean
_jln_doc_add_picture_files (JlnDoc       *doc,
                            JlnZipOutput *zip,
                            const char   *folder)
{
  for (guint i = 0; doc->pictures != NULL && i < doc->pictures->len; i++)
    {
      GBytes *png = g_ptr_array_index (doc->pictures, i);
      g_autofree char *name = g_strdup_printf ("%s/image%u.png", folder, i + 1);
      GError *error = NULL;
      GsfOutput *member = _jln_zip_output_add (zip, name, FALSE, &error);
      gsize size;
      const guint8 *data;

      if (member == NULL)
        {
          _jln_doc_fail (doc, error);
          return FALSE;
        }
      data = g_bytes_get_data (png, &size);
      if (!gsf_output_write (member, size, data) || !gsf_output_close (member))
        {
          g_object_unref (member);
          _jln_doc_fail (doc, g_error_new (JLN_ERROR, JLN_ERROR_IO, _("%s: cannot write the document: %s"),
                                           doc->path, name));
          return FALSE;
        }
      g_object_unref (member);
    }
  return TRUE;
}

/* Zip containers */

static void
set_io_error (GError     **error,
              const char  *path,
              const char  *what)
{
  g_set_error (error, JLN_ERROR, JLN_ERROR_IO, _("%s: cannot write the document: %s"), path, what);
}

gboolean
_jln_zip_output_open (JlnZipOutput  *zip,
                      const char    *path,
                      GError       **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  GError *gsf_error = NULL;
  int fd;

  memset (zip, 0, sizeof *zip);
  /* A partial file as every export writes one: named after its writer,
   * removed by the next export once its writer is gone. */
  jln_remove_dead_partials (dir);
  zip->path = g_strdup (path);
  zip->temp_path = jln_partial_path_new (path);
  fd = g_open (zip->temp_path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0666);
  if (fd < 0)
    {
      int saved = errno;

      g_clear_pointer (&zip->temp_path, g_free);
      set_io_error (error, path, g_strerror (saved));
      _jln_zip_output_abort (zip);
      return FALSE;
    }
  zip->file = fdopen (fd, "w+b");
  if (zip->file == NULL)
    {
      set_io_error (error, path, g_strerror (errno));
      close (fd);
      _jln_zip_output_abort (zip);
      return FALSE;
    }
  zip->sink = gsf_output_stdio_new_FILE (zip->temp_path, zip->file, TRUE);
  zip->zip = gsf_outfile_zip_new (zip->sink, &gsf_error);
  if (zip->zip == NULL)
    {
      set_io_error (error, path, gsf_error != NULL ? gsf_error->message : "zip");
      g_clear_error (&gsf_error);
      _jln_zip_output_abort (zip);
      return FALSE;
    }
  return TRUE;
}

GsfOutput *
_jln_zip_output_add (JlnZipOutput  *zip,
                     const char    *name,
                     gboolean       compress,
                     GError       **error)
{
  GsfOutput *member = gsf_outfile_new_child_full (zip->zip, name, FALSE,
                                                  "compression-level",
                                                  compress ? GSF_ZIP_DEFLATED : GSF_ZIP_STORED,
                                                  NULL);

  if (member == NULL)
    set_io_error (error, zip->path, name);
  return member;
}

gboolean
_jln_zip_output_commit (JlnZipOutput  *zip,
                        GError       **error)
{
  gboolean ok = gsf_output_close (GSF_OUTPUT (zip->zip));

  ok = gsf_output_close (zip->sink) && ok;
  if (!ok)
    {
      const GError *gsf_error = gsf_output_error (zip->sink);

      set_io_error (error, zip->path, gsf_error != NULL ? gsf_error->message : g_strerror (EIO));
      _jln_zip_output_abort (zip);
      return FALSE;
    }
  /* A file written over keeps who may read it: a private export stays
   * private. */
  {
    GStatBuf st;

    if (g_stat (zip->path, &st) == 0 && S_ISREG (st.st_mode))
      fchmod (fileno (zip->file), st.st_mode & 07777);
  }
  if (fflush (zip->file) != 0 || fsync (fileno (zip->file)) != 0)
    {
      set_io_error (error, zip->path, g_strerror (errno));
      _jln_zip_output_abort (zip);
      return FALSE;
    }
  if (fclose (zip->file) != 0)
    {
      zip->file = NULL;
      set_io_error (error, zip->path, g_strerror (errno));
      _jln_zip_output_abort (zip);
      return FALSE;
    }
  zip->file = NULL;
  if (g_rename (zip->temp_path, zip->path) != 0)
    {
      set_io_error (error, zip->path, g_strerror (errno));
      _jln_zip_output_abort (zip);
      return FALSE;
    }
  g_clear_pointer (&zip->temp_path, g_free);
  _jln_zip_output_abort (zip);
  return TRUE;
}

/* Frees what @zip holds and removes its temporary file, if any. */
void
_jln_zip_output_abort (JlnZipOutput *zip)
{
  if (zip->zip != NULL && !gsf_output_is_closed (GSF_OUTPUT (zip->zip)))
    gsf_output_close (GSF_OUTPUT (zip->zip));
  g_clear_object (&zip->zip);
  if (zip->sink != NULL && !gsf_output_is_closed (zip->sink))
    gsf_output_close (zip->sink);
  g_clear_object (&zip->sink);
  if (zip->file != NULL)
    fclose (zip->file);
  zip->file = NULL;
  if (zip->temp_path != NULL)
    g_remove (zip->temp_path);
  g_clear_pointer (&zip->temp_path, g_free);
  g_clear_pointer (&zip->path, g_free);
}

/* Zip documents */

/**
 * _jln_zip_doc_new:
 * @size: the size of the writer's structure, which starts with a JlnZipDoc
 *
 * Returns: (nullable): a document of @klass written to @path through a
 *   temporary file beside it, or NULL when that file cannot be created
 */
JlnDoc *
_jln_zip_doc_new (gsize              size,
                  const JlnDocClass *klass,
                  const char        *path,
                  GError           **error)
{
  JlnZipDoc *self;

  g_return_val_if_fail (size >= sizeof (JlnZipDoc), NULL);

  self = g_malloc0 (size);
  _jln_doc_init (&self->parent, klass, path);
  if (!_jln_zip_output_open (&self->zip, path, error))
    {
      g_free (self->parent.path);
      g_free (self);
      return NULL;
    }
  self->open = TRUE;
  return &self->parent;
}

/* Starts the part @name, streamed through self->xml until
 * _jln_zip_doc_finish(). */
gboolean
_jln_zip_doc_begin_part (JlnZipDoc  *self,
                         const char *name)
{
  GError *error = NULL;

  self->member = _jln_zip_output_add (&self->zip, name, TRUE, &error);
  if (self->member == NULL)
    {
      _jln_doc_fail (&self->parent, error);
      return FALSE;
    }
  self->xml = _jln_xml_open (self->member, &self->parent);
  return TRUE;
}

/* Ends the streamed part, adds the pictures in @pictures_folder and the
 * part @index_name that lists them, then puts the file in place. */
gboolean
_jln_zip_doc_finish (JlnZipDoc          *self,
                     const char         *pictures_folder,
                     const char         *index_name,
                     JlnZipDocPartFunc   index_xml,
                     GError            **error)
{
  JlnDoc *doc = &self->parent;

  _jln_xml_close (g_steal_pointer (&self->xml), g_steal_pointer (&self->member), doc);
  if (doc->error == NULL && _jln_doc_add_picture_files (doc, &self->zip, pictures_folder))
    {
      g_autofree char *index = index_xml (doc);

      _jln_zip_output_add_text (&self->zip, index_name, index, TRUE, doc);
    }
  if (doc->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&doc->error));
      return FALSE;
    }
  self->open = FALSE;
  return _jln_zip_output_commit (&self->zip, error);
}

void
_jln_zip_doc_free (JlnDoc *doc)
{
  JlnZipDoc *self = (JlnZipDoc *) doc;

  if (self->xml != NULL)
    xmlFreeTextWriter (self->xml);
  /* The zip container closes only once its members are. */
  if (self->member != NULL && !gsf_output_is_closed (self->member))
    gsf_output_close (self->member);
  g_clear_object (&self->member);
  if (self->open)
    _jln_zip_output_abort (&self->zip);
  g_free (self);
}

typedef struct
{
  GsfOutput *member;
  JlnDoc    *doc;
} XmlSink;

static int
xml_write_cb (void       *context,
              const char *buffer,
              int         len)
{
  XmlSink *sink = context;

  if (len > 0 && !gsf_output_write (sink->member, len, (const guint8 *) buffer))
    {
      const GError *gsf_error = gsf_output_error (sink->member);
      GError *error = NULL;

      set_io_error (&error, sink->doc->path, gsf_error != NULL ? gsf_error->message : g_strerror (EIO));
      _jln_doc_fail (sink->doc, error);
      return -1;
    }
  return len;
}

static int
xml_close_cb (void *context)
{
  g_free (context);
  return 0;
}

xmlTextWriterPtr
_jln_xml_open (GsfOutput *member,
               JlnDoc    *doc)
{
  XmlSink *sink = g_new0 (XmlSink, 1);
  xmlOutputBufferPtr buffer;
  xmlTextWriterPtr writer;

  sink->member = member;
  sink->doc = doc;
  buffer = xmlOutputBufferCreateIO (xml_write_cb, xml_close_cb, sink, NULL);
  writer = xmlNewTextWriter (buffer);
  xmlTextWriterStartDocument (writer, NULL, "UTF-8", "yes");
  return writer;
}

gboolean
_jln_xml_close (xmlTextWriterPtr  writer,
                GsfOutput        *member,
                JlnDoc           *doc)
{
  gboolean ok = xmlTextWriterEndDocument (writer) >= 0;

  xmlFreeTextWriter (writer);
  ok = gsf_output_close (member) && ok;
  g_object_unref (member);
  if (!ok && doc->error == NULL)
    {
      GError *error = NULL;

      set_io_error (&error, doc->path, g_strerror (EIO));
      _jln_doc_fail (doc, error);
    }
  return ok && doc->error == NULL;
}

gboolean
_jln_zip_output_add_text (JlnZipOutput *zip,
                          const char   *name,
                          const char   *text,
                          gboolean      compress,
                          JlnDoc       *doc)
{
  GError *error = NULL;
  GsfOutput *member = _jln_zip_output_add (zip, name, compress, &error);
  gboolean ok;

  if (member == NULL)
    {
      _jln_doc_fail (doc, error);
      return FALSE;
    }
  ok = gsf_output_write (member, strlen (text), (const guint8 *) text);
  ok = gsf_output_close (member) && ok;
  g_object_unref (member);
  if (!ok)
    {
      set_io_error (&error, doc->path, name);
      _jln_doc_fail (doc, error);
    }
  return ok;
}
