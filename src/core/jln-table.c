/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include "jln-gettext.h"
#include <gsf/gsf.h>
#include <libxml/xmlreader.h>

#include "jln-csv.h"
#include "jln-table.h"
#include "jln-types.h"

JlnTable *
jln_table_new (const char *name)
{
  JlnTable *table = g_new0 (JlnTable, 1);

  table->name = g_strdup (name);
  table->rows = g_ptr_array_new ();
  return table;
}

static void
row_free (JlnTableRow *row)
{
  g_strfreev (row->cells);
  g_free (row);
}

void
jln_table_free (JlnTable *table)
{
  if (table == NULL)
    return;
  for (guint i = 0; i < table->rows->len; i++)
    row_free (g_ptr_array_index (table->rows, i));
  g_ptr_array_unref (table->rows);
  g_free (table->name);
  g_free (table);
}

/* Takes @cells, an array of @n_cells strings followed by NULL. */
JlnTableRow *
jln_table_add_row (JlnTable  *table,
                   guint      number,
                   char     **cells,
                   guint      n_cells)
{
  JlnTableRow *row = g_new (JlnTableRow, 1);

  row->number = number;
  row->cells = cells;
  row->n_cells = n_cells;
  row->heading = -1;
  g_ptr_array_add (table->rows, row);
  return row;
}

/**
 * jln_table_row_get_cell:
 *
 * Returns: the text of a cell, "" when @column is past the row's end or -1
 */
const char *
jln_table_row_get_cell (const JlnTableRow *row,
                        int                column)
{
  if (column < 0 || (guint) column >= row->n_cells)
    return "";
  return row->cells[column];
}

/* The cells of the row being read, set in any order. */
typedef struct
{
  GPtrArray *cells;
  gboolean   any;
  int        spanning;   /* the last cell with text that spans columns, or -1 */
} RowBuilder;

static void
row_builder_init (RowBuilder *builder)
{
  builder->cells = g_ptr_array_new_with_free_func (g_free);
  builder->any = FALSE;
  builder->spanning = -1;
}

static void
row_builder_clear (RowBuilder *builder)
{
  g_ptr_array_set_size (builder->cells, 0);
  builder->any = FALSE;
  builder->spanning = -1;
}

static void
row_builder_free (RowBuilder *builder)
{
  g_clear_pointer (&builder->cells, g_ptr_array_unref);
}

static void
row_builder_set (RowBuilder *builder,
                 guint       column,
                 const char *text)
{
  while (builder->cells->len <= column)
    g_ptr_array_add (builder->cells, NULL);
  g_free (g_ptr_array_index (builder->cells, column));
  /* Whatever a reader let through, a cell is UTF-8. */
  g_ptr_array_index (builder->cells, column) = g_utf8_validate (text, -1, NULL) ? g_strdup (text)
                                                                                : g_utf8_make_valid (text, -1);
  if (text[0] != '\0')
    builder->any = TRUE;
}

static const char *
row_builder_get (RowBuilder *builder,
                 guint       column)
{
  const char *text = column < builder->cells->len ? g_ptr_array_index (builder->cells, column) : NULL;

  return text != NULL ? text : "";
}

/* Adds the row, without its empty cells at the end; an empty row is
 * left out. */
static gboolean
row_builder_emit (RowBuilder  *builder,
                  JlnTable    *table,
                  guint        number,
                  const char  *filename,
                  GError     **error)
{
  guint n = builder->cells->len;
  JlnTableRow *row;
  char **cells;

  while (n > 0 && row_builder_get (builder, n - 1)[0] == '\0')
    n--;
  if (n == 0)
    return TRUE;
  if (table->rows->len >= JLN_TABLE_MAX_ROWS)
    {
      g_set_error (error, JLN_ERROR, JLN_ERROR_INVALID,
                   /* Translators: %1$s is a file, %2$s a sheet or table, %3$u a row number. */
                   _("%1$s: %2$s, row %3$u: the table has more than %4$u rows, more than a plan "
                     "can have; split it into several files"),
                   filename, table->name, number, (guint) JLN_TABLE_MAX_ROWS);
      return FALSE;
    }
  cells = g_new (char *, n + 1);
  for (guint i = 0; i < n; i++)
    cells[i] = g_strdup (row_builder_get (builder, i));
  cells[n] = NULL;
  row = jln_table_add_row (table, number, cells, n);
  /* A cell that spans to the row's end, with the row's only text past
   * the cells merged down from the rows above: a sub-heading. */
  if (builder->spanning >= 0 && (guint) builder->spanning == n - 1)
    row->heading = builder->spanning;
  return TRUE;
}

static gboolean
check_column (guint        column,
              const char  *filename,
              JlnTable    *table,
              guint        row,
              GError     **error)
{
  if (column < JLN_TABLE_MAX_COLUMNS)
    return TRUE;
  g_set_error (error, JLN_ERROR, JLN_ERROR_INVALID,
               /* Translators: %1$s is a file, %2$s a sheet or table, %3$u a row number. */
               _("%1$s: %2$s, row %3$u: the row has more than %4$u columns"),
               filename, table->name, row, (guint) JLN_TABLE_MAX_COLUMNS);
  return FALSE;
}

static JlnTableRow *
find_row (JlnTable *table,
          guint     number)
{
  guint low = 0, high = table->rows->len;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;
      JlnTableRow *row = g_ptr_array_index (table->rows, middle);

      if (row->number == number)
        return row;
      if (row->number < number)
        low = middle + 1;
      else
        high = middle;
    }
  return NULL;
}

/* A cell merged over the rows below it: its text is given to the cells
 * it covers, so that each row reads whole. */
typedef struct
{
  guint  first_row;
  guint  last_row;
  guint  column;
  char  *text;
} Merge;

static void
merge_free (gpointer data)
{
  Merge *merge = data;

  g_free (merge->text);
  g_free (merge);
}

static void
apply_merges (JlnTable  *table,
              GPtrArray *merges)
{
  for (guint i = 0; i < merges->len; i++)
    {
      Merge *merge = g_ptr_array_index (merges, i);
      const char *text = merge->text;

      if (text != NULL && !g_utf8_validate (text, -1, NULL))
        {
          char *valid = g_utf8_make_valid (text, -1);

          g_free (merge->text);
          text = merge->text = valid;
        }

      if (text == NULL)
        {
          JlnTableRow *first = find_row (table, merge->first_row);

          text = first != NULL ? jln_table_row_get_cell (first, merge->column) : "";
        }
      if (text[0] == '\0')
        continue;
      for (guint number = merge->first_row + 1; number <= merge->last_row; number++)
        {
          JlnTableRow *row = find_row (table, number);

          if (row == NULL)
            continue;
          if (row->n_cells <= merge->column)
            {
              row->cells = g_renew (char *, row->cells, merge->column + 2);
              for (guint c = row->n_cells; c <= merge->column; c++)
                row->cells[c] = g_strdup ("");
              row->cells[merge->column + 1] = NULL;
              row->n_cells = merge->column + 1;
            }
          if (row->cells[merge->column][0] == '\0')
            {
              g_free (row->cells[merge->column]);
              row->cells[merge->column] = g_strdup (text);
            }
        }
    }
}

/* CSV and TSV */

static char *
decode_text (const char  *data,
             gsize        length,
             const char  *filename,
             gsize       *out_length,
             GError     **error)
{
  const char *from = NULL;
  char *text;
  gsize written = 0;

  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      length -= 3;
    }
  else if (length >= 2 && memcmp (data, "\xff\xfe", 2) == 0)
    from = "UTF-16LE";
  else if (length >= 2 && memcmp (data, "\xfe\xff", 2) == 0)
    from = "UTF-16BE";

  if (from != NULL)
    {
      text = g_convert (data + 2, length - 2, "UTF-8", from, NULL, &written, NULL);
      if (text == NULL || memchr (text, '\0', written) != NULL)
        {
          g_free (text);
          g_set_error (error, JLN_ERROR, JLN_ERROR_INVALID,
                       _("%s: the text is marked as UTF-16 but cannot be read as such"), filename);
          return NULL;
        }
      *out_length = written;
      return text;
    }

  if (memchr (data, '\0', length) != NULL)
    {
      g_set_error (error, JLN_ERROR, JLN_ERROR_INVALID,
                   _("%s: this is not a text file (CSV or TSV), nor a spreadsheet or document "
                     "Jalons reads"), filename);
      return NULL;
    }
  if (g_utf8_validate (data, length, NULL))
    {
      *out_length = length;
      return g_strndup (data, length);
    }

  /* French Excel writes Windows-1252; what it cannot read is Latin-1. */
  text = g_convert (data, length, "UTF-8", "WINDOWS-1252", NULL, &written, NULL);
  if (text == NULL)
    text = g_convert (data, length, "UTF-8", "ISO-8859-1", NULL, &written, NULL);
  if (text == NULL)
    {
      g_set_error (error, JLN_ERROR, JLN_ERROR_INVALID,
                   _("%s: the text is neither UTF-8 nor Windows-1252"), filename);
      return NULL;
    }
  *out_length = written;
  return text;
}

typedef struct
{
  const char *p;
  const char *end;
  char        separator;
  guint       line;       /* of p, from 1 */
} CsvScanner;

/* Reads one record into @builder; FALSE at the end of the text. */
static gboolean
csv_next_record (CsvScanner  *scanner,
                 RowBuilder  *builder,
                 guint       *first_line,
                 gboolean    *unclosed,
                 GString     *cell)
{
  guint column = 0;

  row_builder_clear (builder);
  *unclosed = FALSE;
  if (scanner->p >= scanner->end)
    return FALSE;
  *first_line = scanner->line;

  while (TRUE)
    {
      g_string_truncate (cell, 0);
      if (scanner->p < scanner->end && *scanner->p == '"')
        {
          scanner->p++;
          while (TRUE)
            {
              if (scanner->p >= scanner->end)
                {
                  *unclosed = TRUE;
                  break;
                }
              if (*scanner->p == '"')
                {
                  if (scanner->p + 1 < scanner->end && scanner->p[1] == '"')
                    {
                      g_string_append_c (cell, '"');
                      scanner->p += 2;
                      continue;
                    }
                  scanner->p++;
                  break;
                }
              if (*scanner->p == '\r' && scanner->p + 1 < scanner->end && scanner->p[1] == '\n')
                scanner->p++;
              if (*scanner->p == '\n' || *scanner->p == '\r')
                {
                  scanner->line++;
                  g_string_append_c (cell, '\n');
                  scanner->p++;
                  continue;
                }
              g_string_append_c (cell, *scanner->p++);
              if (cell->len > JLN_TABLE_MAX_CELL)
                {
                  *unclosed = TRUE;
                  break;
                }
            }
        }
      /* Text after a closing quote is kept, as spreadsheets do. */
      while (scanner->p < scanner->end && *scanner->p != scanner->separator &&
             *scanner->p != '\n' && *scanner->p != '\r')
        g_string_append_c (cell, *scanner->p++);

      /* Jalons' CSV writes a cell a spreadsheet would take for a formula
       * after an apostrophe (jln-csv.c): the text is what follows it. */
      if (column < JLN_TABLE_MAX_COLUMNS)
        row_builder_set (builder, column,
                         cell->str[0] == '\'' && jln_csv_is_formula_start (cell->str[1])
                         ? cell->str + 1 : cell->str);
      column++;

      if (*unclosed || scanner->p >= scanner->end)
        break;
      if (*scanner->p == scanner->separator)
        {
          scanner->p++;
          continue;
        }
      if (*scanner->p == '\r')
        scanner->p++;
      if (scanner->p < scanner->end && *scanner->p == '\n')
        scanner->p++;
      scanner->line++;
      break;
    }
  return TRUE;
}

/* The separator that splits the first records into the same number of
 * cells most often. */
static char
guess_separator (const char *text,
                 gsize       length,
                 char        preferred)
{
  static const char candidates[] = { '\t', ';', ',' };
  g_autoptr(GString) cell = g_string_new (NULL);
  RowBuilder builder;
  char best = preferred != '\0' ? preferred : ',';
  guint best_score = 0, best_width = 0;

  row_builder_init (&builder);
  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      CsvScanner scanner = { text, text + MIN (length, 256 * 1024), candidates[i], 1 };
      g_autoptr(GHashTable) widths = g_hash_table_new (NULL, NULL);
      guint first_line, records = 0, score = 0, width = 0;
      gboolean unclosed;
      GHashTableIter iter;
      gpointer key, value;

      while (records < 40 && csv_next_record (&scanner, &builder, &first_line, &unclosed, cell))
        {
          guint n = builder.cells->len;

          while (n > 0 && row_builder_get (&builder, n - 1)[0] == '\0')
            n--;
          if (n < 2)
            continue;
          records++;
          g_hash_table_insert (widths, GUINT_TO_POINTER (n),
                               GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (widths, GUINT_TO_POINTER (n))) + 1));
        }
      g_hash_table_iter_init (&iter, widths);
      while (g_hash_table_iter_next (&iter, &key, &value))
        if (GPOINTER_TO_UINT (value) > score ||
            (GPOINTER_TO_UINT (value) == score && GPOINTER_TO_UINT (key) > width))
          {
            score = GPOINTER_TO_UINT (value);
            width = GPOINTER_TO_UINT (key);
          }
      if (score > best_score || (score == best_score && score > 0 && width > best_width) ||
          (score == best_score && score > 0 && width == best_width && candidates[i] == preferred))
        {
          best = candidates[i];
          best_score = score;
          best_width = width;
        }
    }
  row_builder_free (&builder);
  return best;
}

/**
 * jln_table_read_text:
 * @separator: the separator, or '\0' to find it
 *
 * Reads CSV or TSV text in UTF-8 (with or without a byte order mark),
 * UTF-16 with a byte order mark, Windows-1252 or Latin-1.
 *
 * Returns: (transfer full) (element-type JlnTable): one table
 */
GPtrArray *
jln_table_read_text (const char  *data,
                     gsize        length,
                     const char  *filename,
                     char         separator,
                     GError     **error)
{
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func ((GDestroyNotify) jln_table_free);
  g_autoptr(GString) cell = g_string_new (NULL);
  g_autofree char *text = NULL;
  g_autofree char *base = g_path_get_basename (filename);
  JlnTable *table;
  CsvScanner scanner;
  RowBuilder builder;
  gsize text_length = 0;
  guint first_line;
  gboolean unclosed, ok = TRUE;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  text = decode_text (data != NULL ? data : "", length, filename, &text_length, error);
  if (text == NULL)
    return NULL;
  if (separator == '\0')
    separator = guess_separator (text, text_length, '\0');

  table = jln_table_new (base);
  g_ptr_array_add (tables, table);
  scanner = (CsvScanner) { text, text + text_length, separator, 1 };
  row_builder_init (&builder);
  while (ok && csv_next_record (&scanner, &builder, &first_line, &unclosed, cell))
    {
      if (unclosed)
        {
          g_set_error (error, JLN_ERROR, JLN_ERROR_INVALID,
                       /* Translators: %1$s is a file, %2$u a line number. */
                       _("%1$s: line %2$u: a quoted cell is not closed before the end of the file"),
                       filename, first_line);
          ok = FALSE;
          break;
        }
      if (builder.cells->len > JLN_TABLE_MAX_COLUMNS)
        ok = check_column (builder.cells->len, filename, table, first_line, error);
      else
        ok = row_builder_emit (&builder, table, first_line, filename, error);
    }
  row_builder_free (&builder);
  if (!ok)
    return NULL;
  if (table->rows->len == 0)
    {
      g_set_error (error, JLN_ERROR, JLN_ERROR_INVALID, _("%s: the file has no rows"), filename);
      return NULL;
    }
  return g_steal_pointer (&tables);
}

/* Zip containers of XML: ODS, XLSX, ODT, DOCX */

typedef struct
{
  const char      *filename;
  const char      *name;
  GsfInput        *input;
  gsize            read;
  gsize            limit;
  gboolean         too_big;
  xmlTextReaderPtr reader;
  char            *xml_error;
  int              xml_error_line;
  gboolean         skip;
  /* The prolog, watched for a document type declaration before the
   * parser sees it. */
  gboolean         prolog_done;
  gboolean         declares;
  char             window[10];
} Part;

static gboolean
watch_prolog (Part       *part,
              const char *data,
              gsize       n)
{
  for (gsize i = 0; i < n && !part->prolog_done; i++)
    {
      memmove (part->window, part->window + 1, sizeof part->window - 2);
      part->window[sizeof part->window - 2] = data[i];
      part->window[sizeof part->window - 1] = '\0';
      if (g_str_has_suffix (part->window, "<!DOCTYPE") || g_str_has_suffix (part->window, "<!ENTITY"))
        {
          part->declares = TRUE;
          return FALSE;
        }
      if (part->window[sizeof part->window - 3] == '<' && g_ascii_isalpha (data[i]))
        part->prolog_done = TRUE;
    }
  return TRUE;
}

static int
part_read_cb (void *context,
              char *buffer,
              int   len)
{
  Part *part = context;
  gsf_off_t remaining = gsf_input_remaining (part->input);
  gsize n = MIN ((gsize) len, (gsize) MAX (remaining, 0));

  if (n == 0)
    return 0;
  if (part->read + n > part->limit)
    {
      part->too_big = TRUE;
      return -1;
    }
  if (gsf_input_read (part->input, n, (guint8 *) buffer) == NULL)
    return -1;
  if (!watch_prolog (part, buffer, n))
    return -1;
  part->read += n;
  return (int) n;
}

static int
part_close_cb (void *context)
{
  return 0;
}

static void
part_error_cb (void                   *arg,
               const char             *msg,
               xmlParserSeverities     severity,
               xmlTextReaderLocatorPtr locator)
{
  Part *part = arg;

  if (part->xml_error != NULL ||
      (severity != XML_PARSER_SEVERITY_ERROR && severity != XML_PARSER_SEVERITY_VALIDITY_ERROR))
    return;
  part->xml_error = g_strchomp (g_utf8_make_valid (msg, MIN (strlen (msg), 200)));
  part->xml_error_line = xmlTextReaderLocatorLineNumber (locator);
}

static void
part_clear (Part *part)
{
  g_clear_pointer (&part->reader, xmlFreeTextReader);
  g_clear_object (&part->input);
  g_clear_pointer (&part->xml_error, g_free);
}

static GsfInput *
open_child (GsfInfile  *zip,
            const char *name)
{
  g_auto(GStrv) names = g_strsplit (name, "/", 0);

  return gsf_infile_child_by_aname (zip, (const char **) names);
}

/* Opens @name of @zip for reading; FALSE with @error set if it is not
 * there and @required, or if it is larger than a plan's file can be. */
static gboolean
part_open (Part        *part,
           GsfInfile   *zip,
           gsize        zip_size,
           const char  *filename,
           const char  *name,
           gboolean     required,
           GError     **error)
{
  gsf_off_t size;

  memset (part, 0, sizeof *part);
  part->filename = filename;
  part->name = name;
  part->input = open_child (zip, name);
  if (part->input == NULL)
    {
      if (required)
        g_set_error (error, JLN_ERROR, JLN_ERROR_INVALID,
                     /* Translators: %1$s is a file, %2$s the name of a part inside it. */
                     _("%1$s: the part “%2$s” is missing: the file is damaged or is not what its "
                       "name says"),
                     filename, name);
      return FALSE;
    }

  /* A zip bomb: little data that unpacks to a great deal. The declared
   * size is checked first, and what is actually read as it is read. */
  part->limit = MIN ((gsize) JLN_TABLE_MAX_PART,
                     MAX ((gsize) 16 * 1024 * 1024, zip_size * JLN_TABLE_MAX_RATIO));
  size = gsf_input_size (part->input);
  if (size < 0 || (gsize) size > part->limit)
    {
      g_set_error (error, JLN_ERROR, JLN_ERROR_INVALID,
                   /* Translators: %1$s is a file, %2$s the name of a part inside it. */
                   _("%1$s: the part “%2$s” unpacks to far more data than such a file holds; "
                     "it is refused"),
                   filename, name);
      g_clear_object (&part->input);
      return FALSE;
    }

  /* No network, no external entity, no DTD loaded; a document type
   * declaration is refused when it is met. */
  part->reader = xmlReaderForIO (part_read_cb, part_close_cb, part, NULL, NULL,
                                 XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                                 XML_PARSE_NOCDATA | XML_PARSE_COMPACT);
  if (part->reader == NULL)
    {
      g_set_error (error, JLN_ERROR, JLN_ERROR_INVALID,
                   /* Translators: %1$s is a file, %2$s the name of a part inside it. */
                   _("%1$s: the part “%2$s” cannot be read"), filename, name);
      g_clear_object (&part->input);
      return FALSE;
    }
  xmlTextReaderSetErrorHandler (part->reader, part_error_cb, part);
  return TRUE;
}

/* Moves to the next node (past the current element's contents after
 * part_skip()): 1, 0 at the end, -1 with @error set. */
static int
part_next (Part    *part,
           GError **error)
{
  int ret, type;

  ret = part->skip ? xmlTextReaderNext (part->reader) : xmlTextReaderRead (part->reader);
  part->skip = FALSE;
  if (ret < 0 || part->too_big)
    {
      if (part->too_big)
        g_set_error (error, JLN_ERROR, JLN_ERROR_INVALID,
                     /* Translators: %1$s is a file, %2$s the name of a part inside it. */
                     _("%1$s: the part “%2$s” unpacks to far more data than such a file holds; "
                       "it is refused"),
                     part->filename, part->name);
      else if (part->declares)
        g_set_error (error, JLN_ERROR, JLN_ERROR_INVALID,
                     /* Translators: %1$s is a file, %2$s the name of a part inside it. */
                     _("%1$s: part “%2$s”: the XML declares a document type or entities, which "
                       "office files never do; it is refused"),
                     part->filename, part->name);
      else
        g_set_error (error, JLN_ERROR, JLN_ERROR_INVALID,
                     /* Translators: %1$s is a file, %2$s the name of a part inside it,
                      * %3$d a line number, %4$s what the XML parser said (in English). */
                     _("%1$s: part “%2$s”, line %3$d: the XML is damaged (%4$s)"),
                     part->filename, part->name,
                     part->xml_error_line > 0 ? part->xml_error_line
                                              : xmlTextReaderGetParserLineNumber (part->reader),
                     part->xml_error != NULL ? part->xml_error : "?");
      return -1;
    }
  if (ret == 0)
    return 0;

  type = xmlTextReaderNodeType (part->reader);
  if (type == XML_READER_TYPE_DOCUMENT_TYPE || type == XML_READER_TYPE_ENTITY_REFERENCE ||
      type == XML_READER_TYPE_ENTITY)
    {
      g_set_error (error, JLN_ERROR, JLN_ERROR_INVALID,
                   /* Translators: %1$s is a file, %2$s the name of a part inside it. */
                   _("%1$s: part “%2$s”: the XML declares a document type or entities, which "
                     "office files never do; it is refused"),
                   part->filename, part->name);
      return -1;
    }
  return 1;
}

static void
part_skip (Part *part)
{
  part->skip = TRUE;
}

static gboolean
is_element (Part       *part,
            const char *name)
{
  return strcmp ((const char *) xmlTextReaderConstLocalName (part->reader), name) == 0;
}

/* An attribute by its local name, whatever its namespace prefix. */
static char *
get_attribute (Part       *part,
               const char *local_name)
{
  char *value = NULL;

  if (xmlTextReaderMoveToFirstAttribute (part->reader) != 1)
    return NULL;
  do
    {
      if (strcmp ((const char *) xmlTextReaderConstLocalName (part->reader), local_name) == 0)
        {
          value = g_strdup ((const char *) xmlTextReaderConstValue (part->reader));
          break;
        }
    }
  while (xmlTextReaderMoveToNextAttribute (part->reader) == 1);
  xmlTextReaderMoveToElement (part->reader);
  return value;
}

static guint
get_count_attribute (Part       *part,
                     const char *local_name,
                     guint       fallback,
                     guint       max)
{
  g_autofree char *value = get_attribute (part, local_name);
  guint64 number;

  if (value == NULL || !g_ascii_string_to_unsigned (value, 10, 1, G_MAXUINT32, &number, NULL))
    return fallback;
  return (guint) MIN (number, max);
}

static gboolean
cell_text_append (GString     *cell,
                  const char  *text,
                  Part        *part,
                  GError     **error)
{
  g_string_append (cell, text);
  if (cell->len <= JLN_TABLE_MAX_CELL)
    return TRUE;
  g_set_error (error, JLN_ERROR, JLN_ERROR_INVALID,
               /* Translators: %1$s is a file, %2$s the name of a part inside it, %3$d a line. */
               _("%1$s: part “%2$s”, line %3$d: a cell holds more text than a plan can (1 MB)"),
               part->filename, part->name, xmlTextReaderGetParserLineNumber (part->reader));
  return FALSE;
}

static gboolean
is_text_node (int type)
{
  return type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE ||
         type == XML_READER_TYPE_CDATA || type == XML_READER_TYPE_WHITESPACE;
}

/* ODF (ODS and ODT): tables anywhere in content.xml. Text inside a
 * nested table is read as text of the cell that holds it. */
static gboolean
read_odf (GsfInfile  *zip,
          gsize       zip_size,
          const char *filename,
          GPtrArray  *tables,
          GError    **error)
{
  g_autoptr(GString) cell = g_string_new (NULL);
  g_autoptr(GPtrArray) merges = g_ptr_array_new_with_free_func (merge_free);
  RowBuilder builder;
  JlnTable *table = NULL;
  guint depth = 0, row = 0, row_repeat = 1, column = 0, column_repeat = 1, row_span = 1, column_span = 1;
  guint n_paragraphs = 0, n_tables = 0;
  gboolean in_cell = FALSE;
  gboolean ok = TRUE;
  Part part;
  int ret;

  if (!part_open (&part, zip, zip_size, filename, "content.xml", TRUE, error))
    return FALSE;
  row_builder_init (&builder);

  while (ok && (ret = part_next (&part, error)) == 1)
    {
      int type = xmlTextReaderNodeType (part.reader);
      gboolean empty = xmlTextReaderIsEmptyElement (part.reader);
      gboolean start = type == XML_READER_TYPE_ELEMENT;
      gboolean end = type == XML_READER_TYPE_END_ELEMENT || (start && empty);

      if (start && (is_element (&part, "annotation") || is_element (&part, "tracked-changes") ||
                    is_element (&part, "note-citation")))
        {
          part_skip (&part);
          continue;
        }

      if (start && is_element (&part, "table"))
        {
          if (depth == 0)
            {
              g_autofree char *name = get_attribute (&part, "name");
              g_autofree char *fallback = NULL;

              n_tables++;
              /* Translators: the name of a table that has none; %u is its number. */
              fallback = g_strdup_printf (_("Table %u"), n_tables);
              table = jln_table_new (name != NULL ? name : fallback);
              g_ptr_array_add (tables, table);
              row = 0;
              g_ptr_array_set_size (merges, 0);
            }
          if (!empty)
            depth++;
          continue;
        }
      if (type == XML_READER_TYPE_END_ELEMENT && is_element (&part, "table") && depth > 0)
        {
          if (--depth == 0)
            apply_merges (table, merges);
          continue;
        }
      if (depth == 0)
        continue;

      if (depth == 1 && is_element (&part, "table-row") && (start || end))
        {
          if (start)
            {
              row_repeat = get_count_attribute (&part, "number-rows-repeated", 1, G_MAXUINT32);
              row_builder_clear (&builder);
              column = 0;
            }
          if (end)
            {
              if (!builder.any)
                row = row + row_repeat > row ? row + row_repeat : G_MAXUINT32;
              for (guint i = 0; builder.any && ok && i < row_repeat; i++)
                ok = row_builder_emit (&builder, table, ++row, filename, error);
            }
          continue;
        }

      if (depth == 1 && (is_element (&part, "table-cell") || is_element (&part, "covered-table-cell")))
        {
          if (start)
            {
              column_repeat = get_count_attribute (&part, "number-columns-repeated", 1, G_MAXUINT32);
              column_span = get_count_attribute (&part, "number-columns-spanned", 1, JLN_TABLE_MAX_COLUMNS);
              row_span = get_count_attribute (&part, "number-rows-spanned", 1, JLN_TABLE_MAX_ROWS);
              g_string_truncate (cell, 0);
              n_paragraphs = 0;
              in_cell = TRUE;
            }
          if (end)
            {
              in_cell = FALSE;
              if (cell->len > 0)
                {
                  for (guint i = 0; ok && i < column_repeat; i++)
                    {
                      ok = check_column (column, filename, table, row + 1, error);
                      if (!ok)
                        break;
                      row_builder_set (&builder, column + i, cell->str);
                      if (column_span > 1 && column_repeat == 1)
                        builder.spanning = column;
                      if (row_span > 1 && i == 0)
                        {
                          Merge *merge = g_new0 (Merge, 1);

                          merge->first_row = row + 1;
                          merge->last_row = row + row_span;
                          merge->column = column;
                          merge->text = g_strdup (cell->str);
                          g_ptr_array_add (merges, merge);
                        }
                      if (column + i + 1 >= JLN_TABLE_MAX_COLUMNS && i + 1 < column_repeat)
                        ok = check_column (column + i + 1, filename, table, row + 1, error);
                    }
                }
              column = column + column_repeat > column ? column + column_repeat : G_MAXUINT32;
            }
          continue;
        }

      if (!in_cell)
        continue;
      if (start && (is_element (&part, "p") || is_element (&part, "h")))
        {
          if (n_paragraphs++ > 0)
            ok = cell_text_append (cell, "\n", &part, error);
        }
      else if (start && is_element (&part, "s"))
        {
          guint n = get_count_attribute (&part, "c", 1, 1000);

          for (guint i = 0; i < n; i++)
            g_string_append_c (cell, ' ');
        }
      else if (start && is_element (&part, "tab"))
        ok = cell_text_append (cell, "\t", &part, error);
      else if (start && is_element (&part, "line-break"))
        ok = cell_text_append (cell, "\n", &part, error);
      else if (is_text_node (type))
        {
          /* In ODF text, white space other than text:s is one space. */
          g_autofree char *text = g_strdup ((const char *) xmlTextReaderConstValue (part.reader));

          g_strdelimit (text, "\n\r\t", ' ');
          if (type != XML_READER_TYPE_WHITESPACE)
            ok = cell_text_append (cell, text, &part, error);
        }
    }
  if (ret < 0)
    ok = FALSE;
  row_builder_free (&builder);
  part_clear (&part);
  return ok;
}

/* DOCX: the tables of word/document.xml. */
static gboolean
read_docx (GsfInfile  *zip,
           gsize       zip_size,
           const char *filename,
           GPtrArray  *tables,
           GError    **error)
{
  g_autoptr(GString) cell = g_string_new (NULL);
  g_autoptr(GPtrArray) above = g_ptr_array_new_with_free_func (g_free);
  RowBuilder builder;
  JlnTable *table = NULL;
  guint depth = 0, row = 0, column = 0, span = 1, n_paragraphs = 0, n_tables = 0;
  gboolean in_cell = FALSE, in_text = FALSE, continued = FALSE;
  gboolean ok = TRUE;
  Part part;
  int ret;

  if (!part_open (&part, zip, zip_size, filename, "word/document.xml", TRUE, error))
    return FALSE;
  row_builder_init (&builder);

  while (ok && (ret = part_next (&part, error)) == 1)
    {
      int type = xmlTextReaderNodeType (part.reader);
      gboolean empty = xmlTextReaderIsEmptyElement (part.reader);
      gboolean start = type == XML_READER_TYPE_ELEMENT;
      gboolean end = type == XML_READER_TYPE_END_ELEMENT || (start && empty);

      /* Paragraph and run properties hold tab stops, not text; a
       * fallback repeats what its alternative already says. */
      if (start && (is_element (&part, "pPr") || is_element (&part, "rPr") ||
                    is_element (&part, "Fallback") || is_element (&part, "tblPr") ||
                    is_element (&part, "tblGrid") || is_element (&part, "sectPr")))
        {
          part_skip (&part);
          continue;
        }

      if (is_element (&part, "tbl"))
        {
          if (start && !empty && depth++ == 0)
            {
              n_tables++;
              table = jln_table_new (NULL);
              table->name = g_strdup_printf (_("Table %u"), n_tables);
              g_ptr_array_add (tables, table);
              row = 0;
              g_ptr_array_set_size (above, 0);
            }
          else if (type == XML_READER_TYPE_END_ELEMENT && depth > 0)
            depth--;
          continue;
        }
      if (depth == 0)
        continue;

      if (depth == 1 && is_element (&part, "tr"))
        {
          if (start)
            {
              row++;
              row_builder_clear (&builder);
              column = 0;
            }
          if (end)
            {
              for (guint i = 0; i < builder.cells->len; i++)
                {
                  while (above->len <= i)
                    g_ptr_array_add (above, NULL);
                  g_free (g_ptr_array_index (above, i));
                  g_ptr_array_index (above, i) = g_strdup (row_builder_get (&builder, i));
                }
              ok = row_builder_emit (&builder, table, row, filename, error);
            }
          continue;
        }
      if (depth == 1 && start && is_element (&part, "gridBefore"))
        {
          column = get_count_attribute (&part, "val", 0, JLN_TABLE_MAX_COLUMNS);
          continue;
        }

      if (depth == 1 && is_element (&part, "tc"))
        {
          if (start)
            {
              g_string_truncate (cell, 0);
              n_paragraphs = 0;
              span = 1;
              continued = FALSE;
              in_cell = TRUE;
            }
          if (end)
            {
              const char *text = cell->str;

              in_cell = FALSE;
              ok = check_column (column, filename, table, row, error);
              if (!ok)
                break;
              /* A cell merged with the one above it reads as that one. */
              if (continued && cell->len == 0 && column < above->len &&
                  g_ptr_array_index (above, column) != NULL)
                text = g_ptr_array_index (above, column);
              row_builder_set (&builder, column, text);
              if (span > 1 && text[0] != '\0')
                builder.spanning = column;
              column += span;
            }
          continue;
        }
      if (!in_cell)
        continue;

      if (depth == 1 && start && is_element (&part, "gridSpan"))
        span = get_count_attribute (&part, "val", 1, JLN_TABLE_MAX_COLUMNS);
      else if (depth == 1 && start && is_element (&part, "vMerge"))
        {
          g_autofree char *value = get_attribute (&part, "val");

          continued = value == NULL || g_strcmp0 (value, "continue") == 0;
        }
      else if (start && is_element (&part, "p"))
        {
          if (n_paragraphs++ > 0)
            ok = cell_text_append (cell, "\n", &part, error);
        }
      else if (is_element (&part, "t"))
        in_text = start && !empty;
      else if (start && is_element (&part, "tab"))
        ok = cell_text_append (cell, "\t", &part, error);
      else if (start && (is_element (&part, "br") || is_element (&part, "cr")))
        ok = cell_text_append (cell, "\n", &part, error);
      else if (start && is_element (&part, "noBreakHyphen"))
        ok = cell_text_append (cell, "-", &part, error);
      else if (in_text && is_text_node (type))
        ok = cell_text_append (cell, (const char *) xmlTextReaderConstValue (part.reader), &part, error);
    }
  if (ret < 0)
    ok = FALSE;
  row_builder_free (&builder);
  part_clear (&part);
  return ok;
}

/* XLSX: the sheets named in xl/workbook.xml, their text in
 * xl/sharedStrings.xml. */
typedef struct
{
  char *name;
  char *id;
  char *target;
} Sheet;

static void
sheet_free (gpointer data)
{
  Sheet *sheet = data;

  g_free (sheet->name);
  g_free (sheet->id);
  g_free (sheet->target);
  g_free (sheet);
}

static gboolean
read_workbook (GsfInfile  *zip,
               gsize       zip_size,
               const char *filename,
               GPtrArray  *sheets,
               GError    **error)
{
  Part part;
  int ret;

  if (!part_open (&part, zip, zip_size, filename, "xl/workbook.xml", TRUE, error))
    return FALSE;
  while ((ret = part_next (&part, error)) == 1)
    if (xmlTextReaderNodeType (part.reader) == XML_READER_TYPE_ELEMENT && is_element (&part, "sheet"))
      {
        Sheet *sheet = g_new0 (Sheet, 1);

        sheet->name = get_attribute (&part, "name");
        sheet->id = get_attribute (&part, "id");
        g_ptr_array_add (sheets, sheet);
      }
  part_clear (&part);
  if (ret < 0)
    return FALSE;

  if (part_open (&part, zip, zip_size, filename, "xl/_rels/workbook.xml.rels", FALSE, NULL))
    {
      while ((ret = part_next (&part, error)) == 1)
        if (xmlTextReaderNodeType (part.reader) == XML_READER_TYPE_ELEMENT &&
            is_element (&part, "Relationship"))
          {
            g_autofree char *id = get_attribute (&part, "Id");
            g_autofree char *target = get_attribute (&part, "Target");

            for (guint i = 0; id != NULL && target != NULL && i < sheets->len; i++)
              {
                Sheet *sheet = g_ptr_array_index (sheets, i);

                if (g_strcmp0 (sheet->id, id) != 0)
                  continue;
                g_free (sheet->target);
                /* Only a part of the workbook, never a path outside it. */
                if (strstr (target, "..") != NULL || strstr (target, "://") != NULL)
                  sheet->target = NULL;
                else if (target[0] == '/')
                  sheet->target = g_strdup (target + 1);
                else
                  sheet->target = g_strconcat ("xl/", target, NULL);
              }
          }
      part_clear (&part);
      if (ret < 0)
        return FALSE;
    }

  for (guint i = 0; i < sheets->len; i++)
    {
      Sheet *sheet = g_ptr_array_index (sheets, i);

      if (sheet->target == NULL)
        sheet->target = g_strdup_printf ("xl/worksheets/sheet%u.xml", i + 1);
      if (sheet->name == NULL)
        sheet->name = g_strdup_printf (_("Sheet %u"), i + 1);
    }
  return TRUE;
}

static gboolean
read_shared_strings (GsfInfile  *zip,
                     gsize       zip_size,
                     const char *filename,
                     GPtrArray  *strings,
                     GError    **error)
{
  g_autoptr(GString) text = g_string_new (NULL);
  gboolean in_text = FALSE, ok = TRUE;
  Part part;
  int ret;

  if (!part_open (&part, zip, zip_size, filename, "xl/sharedStrings.xml", FALSE, error))
    return error == NULL || *error == NULL;

  while (ok && (ret = part_next (&part, error)) == 1)
    {
      int type = xmlTextReaderNodeType (part.reader);
      gboolean start = type == XML_READER_TYPE_ELEMENT;

      if (start && is_element (&part, "rPh"))
        part_skip (&part);
      else if (is_element (&part, "si"))
        {
          if (start)
            g_string_truncate (text, 0);
          if (type == XML_READER_TYPE_END_ELEMENT || (start && xmlTextReaderIsEmptyElement (part.reader)))
            g_ptr_array_add (strings, g_strdup (text->str));
        }
      else if (is_element (&part, "t"))
        in_text = start && !xmlTextReaderIsEmptyElement (part.reader);
      else if (in_text && is_text_node (type))
        ok = cell_text_append (text, (const char *) xmlTextReaderConstValue (part.reader), &part, error);
    }
  part_clear (&part);
  return ok && ret >= 0;
}

/* "B12" → column 1 */
static gboolean
parse_cell_reference (const char *reference,
                      guint      *column,
                      guint      *row)
{
  guint c = 0, r = 0;
  const char *p = reference;

  while (g_ascii_isalpha (*p) && c < 100000)
    c = c * 26 + (g_ascii_toupper (*p++) - 'A' + 1);
  if (c == 0)
    return FALSE;
  while (g_ascii_isdigit (*p) && r < 100000000)
    r = r * 10 + (*p++ - '0');
  *column = c - 1;
  if (row != NULL)
    *row = r;
  return TRUE;
}

static void
format_number (const char *value,
               GString    *out)
{
  char *end = NULL;
  double number = g_ascii_strtod (value, &end);
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (end == value || *end != '\0')
    {
      g_string_append (out, value);
      return;
    }
  g_string_append (out, g_ascii_formatd (buffer, sizeof buffer, "%.15g", number));
}

static gboolean
read_sheet (GsfInfile  *zip,
            gsize       zip_size,
            const char *filename,
            Sheet      *sheet,
            GPtrArray  *strings,
            GPtrArray  *tables,
            GError    **error)
{
  g_autoptr(GString) value = g_string_new (NULL);
  g_autoptr(GPtrArray) merges = g_ptr_array_new_with_free_func (merge_free);
  g_autofree char *cell_type = NULL;
  RowBuilder builder;
  JlnTable *table;
  guint row = 0, column = 0;
  gboolean in_value = FALSE, in_cell = FALSE, ok = TRUE;
  Part part;
  int ret;

  if (!part_open (&part, zip, zip_size, filename, sheet->target, TRUE, error))
    return FALSE;
  table = jln_table_new (sheet->name);
  g_ptr_array_add (tables, table);
  row_builder_init (&builder);

  while (ok && (ret = part_next (&part, error)) == 1)
    {
      int type = xmlTextReaderNodeType (part.reader);
      gboolean empty = xmlTextReaderIsEmptyElement (part.reader);
      gboolean start = type == XML_READER_TYPE_ELEMENT;
      gboolean end = type == XML_READER_TYPE_END_ELEMENT || (start && empty);

      if (start && is_element (&part, "rPh"))
        part_skip (&part);
      else if (is_element (&part, "row"))
        {
          if (start)
            {
              guint number = get_count_attribute (&part, "r", row + 1, G_MAXUINT32);

              /* Rows come in order; one that does not is read as the next. */
              row = number > row ? number : row + 1;
              row_builder_clear (&builder);
              column = 0;
            }
          if (end)
            ok = row_builder_emit (&builder, table, row, filename, error);
        }
      else if (is_element (&part, "c"))
        {
          if (start)
            {
              g_autofree char *reference = get_attribute (&part, "r");
              guint c;

              if (reference != NULL && parse_cell_reference (reference, &c, NULL))
                column = c;
              g_free (cell_type);
              cell_type = get_attribute (&part, "t");
              g_string_truncate (value, 0);
              in_cell = TRUE;
            }
          if (end)
            {
              g_autoptr(GString) text = g_string_new (NULL);

              in_cell = FALSE;
              if (g_strcmp0 (cell_type, "s") == 0)
                {
                  guint64 index;

                  if (g_ascii_string_to_unsigned (value->str, 10, 0, G_MAXUINT32, &index, NULL) &&
                      index < strings->len)
                    g_string_append (text, g_ptr_array_index (strings, index));
                }
              else if (g_strcmp0 (cell_type, "b") == 0)
                g_string_append (text, strcmp (value->str, "1") == 0 ? "TRUE" : "FALSE");
              else if (cell_type == NULL || g_strcmp0 (cell_type, "n") == 0)
                format_number (value->str, text);
              else
                g_string_append (text, value->str);

              if (text->len > 0)
                {
                  ok = check_column (column, filename, table, row, error);
                  if (ok)
                    row_builder_set (&builder, column, text->str);
                }
              column++;
            }
        }
      else if (in_cell && (is_element (&part, "v") || is_element (&part, "t")))
        in_value = start && !empty;
      else if (in_cell && in_value && is_text_node (type))
        ok = cell_text_append (value, (const char *) xmlTextReaderConstValue (part.reader), &part, error);
      else if (start && is_element (&part, "mergeCell"))
        {
          g_autofree char *reference = get_attribute (&part, "ref");
          g_auto(GStrv) corners = reference != NULL ? g_strsplit (reference, ":", 2) : NULL;
          guint c1, r1, c2, r2;

          if (corners != NULL && corners[0] != NULL && corners[1] != NULL &&
              parse_cell_reference (corners[0], &c1, &r1) &&
              parse_cell_reference (corners[1], &c2, &r2) && r2 > r1 && c1 < JLN_TABLE_MAX_COLUMNS)
            {
              Merge *merge = g_new0 (Merge, 1);

              merge->first_row = r1;
              merge->last_row = r2;
              merge->column = c1;
              g_ptr_array_add (merges, merge);
            }
        }
    }
  if (ret < 0)
    ok = FALSE;
  if (ok)
    apply_merges (table, merges);
  row_builder_free (&builder);
  part_clear (&part);
  return ok;
}

static gboolean
read_xlsx (GsfInfile  *zip,
           gsize       zip_size,
           const char *filename,
           GPtrArray  *tables,
           GError    **error)
{
  g_autoptr(GPtrArray) sheets = g_ptr_array_new_with_free_func (sheet_free);
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);

  if (!read_workbook (zip, zip_size, filename, sheets, error) ||
      !read_shared_strings (zip, zip_size, filename, strings, error))
    return FALSE;
  for (guint i = 0; i < sheets->len; i++)
    if (!read_sheet (zip, zip_size, filename, g_ptr_array_index (sheets, i), strings, tables, error))
      return FALSE;
  return TRUE;
}

static gboolean
has_suffix (const char *path,
            const char *suffix)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  return g_str_has_suffix (lower, suffix);
}

static GPtrArray *
read_zip (const char  *path,
          GError     **error)
{
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func ((GDestroyNotify) jln_table_free);
  GsfInput *input;
  GsfInfile *zip;
  g_autoptr(GError) local_error = NULL;
  gsize zip_size;
  gboolean ok;

  input = gsf_input_stdio_new (path, &local_error);
  if (input == NULL)
    {
      g_set_error (error, JLN_ERROR, JLN_ERROR_IO, "%s: %s", path, local_error->message);
      return NULL;
    }
  zip_size = (gsize) MAX (gsf_input_size (input), 0);
  zip = gsf_infile_zip_new (input, &local_error);
  g_object_unref (input);
  if (zip == NULL)
    {
      g_set_error (error, JLN_ERROR, JLN_ERROR_INVALID,
                   _("%s: the file is not a valid office document (it is not a zip container)"),
                   path);
      return NULL;
    }

  if (has_suffix (path, ".xlsx"))
    ok = read_xlsx (zip, zip_size, path, tables, error);
  else if (has_suffix (path, ".docx"))
    ok = read_docx (zip, zip_size, path, tables, error);
  else
    ok = read_odf (zip, zip_size, path, tables, error);
  g_object_unref (zip);
  if (!ok)
    return NULL;

  for (guint i = tables->len; i > 0; i--)
    if (((JlnTable *) g_ptr_array_index (tables, i - 1))->rows->len == 0)
      g_ptr_array_remove_index (tables, i - 1);
  if (tables->len == 0)
    {
      g_set_error (error, JLN_ERROR, JLN_ERROR_INVALID,
                   _("%s: the file holds no table, or only empty ones"), path);
      return NULL;
    }
  return g_steal_pointer (&tables);
}

/**
 * jln_table_read_file:
 *
 * Reads the tables of a file, chosen by its name: .csv and .tsv (and
 * .txt) as text, .ods and .xlsx sheet by sheet, .odt and .docx table by
 * table. Hostile files are refused with a message that names the file
 * and the row or part.
 *
 * Returns: (transfer full) (element-type JlnTable): the tables that have
 *   rows, at least one
 */
GPtrArray *
jln_table_read_file (const char  *path,
                     GError     **error)
{
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  if (has_suffix (path, ".ods") || has_suffix (path, ".xlsx") ||
      has_suffix (path, ".odt") || has_suffix (path, ".docx"))
    return read_zip (path, error);

  if (!has_suffix (path, ".csv") && !has_suffix (path, ".tsv") && !has_suffix (path, ".txt"))
    {
      g_set_error (error, JLN_ERROR, JLN_ERROR_INVALID,
                   _("%s: unknown kind of file: use .csv, .tsv, .ods, .xlsx, .odt or .docx"), path);
      return NULL;
    }

  mapped = g_mapped_file_new (path, FALSE, &local_error);
  if (mapped == NULL)
    {
      g_set_error (error, JLN_ERROR, JLN_ERROR_IO, "%s", local_error->message);
      return NULL;
    }
  if (g_mapped_file_get_length (mapped) > JLN_TABLE_MAX_FILE)
    {
      g_set_error (error, JLN_ERROR, JLN_ERROR_INVALID,
                   _("%s: the file is larger than a plan can be (256 MB)"), path);
      return NULL;
    }
  return jln_table_read_text (g_mapped_file_get_contents (mapped),
                              g_mapped_file_get_length (mapped), path,
                              has_suffix (path, ".tsv") ? '\t' : '\0', error);
}

/* HTML: the tables a word processor or a spreadsheet puts on the
 * clipboard when rows are copied. */

#include <libxml/HTMLparser.h>

typedef struct
{
  const char  *filename;
  GPtrArray   *tables;
  GError     **error;
  gboolean     failed;
} HtmlReader;

static void
html_text (xmlNode *node,
           GString *out)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE)
        {
          /* HTML white space is one space; line breaks are elements. */
          for (const char *p = (const char *) child->content; p != NULL && *p != '\0'; p++)
            {
              char c = *p == '\n' || *p == '\r' || *p == '\t' ? ' ' : *p;

              if (c == ' ' && (out->len == 0 || out->str[out->len - 1] == ' ' ||
                               out->str[out->len - 1] == '\n'))
                continue;
              g_string_append_c (out, c);
            }
        }
      else if (child->type == XML_ELEMENT_NODE)
        {
          const char *name = (const char *) child->name;
          gboolean block = g_ascii_strcasecmp (name, "p") == 0 || g_ascii_strcasecmp (name, "div") == 0 ||
                           g_ascii_strcasecmp (name, "li") == 0 || g_ascii_strcasecmp (name, "tr") == 0;

          if (g_ascii_strcasecmp (name, "style") == 0 || g_ascii_strcasecmp (name, "script") == 0 ||
              g_ascii_strcasecmp (name, "head") == 0)
            continue;
          if (g_ascii_strcasecmp (name, "br") == 0)
            {
              while (out->len > 0 && out->str[out->len - 1] == ' ')
                g_string_truncate (out, out->len - 1);
              g_string_append_c (out, '\n');
              continue;
            }
          if (block && out->len > 0 && out->str[out->len - 1] != '\n')
            {
              while (out->len > 0 && out->str[out->len - 1] == ' ')
                g_string_truncate (out, out->len - 1);
              g_string_append_c (out, '\n');
            }
          html_text (child, out);
          if (out->len > JLN_TABLE_MAX_CELL)
            return;
        }
    }
}

static gboolean
is_html_element (xmlNode    *node,
                 const char *name)
{
  return node->type == XML_ELEMENT_NODE && g_ascii_strcasecmp ((const char *) node->name, name) == 0;
}

static void html_find_tables (HtmlReader *reader,
                              xmlNode    *node);

static void
html_rows (HtmlReader *reader,
           xmlNode    *node,
           JlnTable   *table,
           RowBuilder *builder,
           GPtrArray  *merges,
           GArray     *covered,
           guint      *row)
{
  for (xmlNode *child = node->children; child != NULL && !reader->failed; child = child->next)
    {
      guint column = 0;

      if (is_html_element (child, "thead") || is_html_element (child, "tbody") ||
          is_html_element (child, "tfoot"))
        {
          html_rows (reader, child, table, builder, merges, covered, row);
          continue;
        }
      if (!is_html_element (child, "tr"))
        continue;

      (*row)++;
      row_builder_clear (builder);
      /* The columns that cells of the rows above span over. */
      for (guint i = 0; i < covered->len; i++)
        if (g_array_index (covered, guint, i) >= *row)
          row_builder_set (builder, i, "");
      for (xmlNode *cell = child->children; cell != NULL && !reader->failed; cell = cell->next)
        {
          g_autoptr(GString) text = NULL;
          g_autofree char *span = NULL;
          g_autofree char *rows = NULL;
          guint64 columns_spanned = 1, rows_spanned = 1;

          if (!is_html_element (cell, "td") && !is_html_element (cell, "th"))
            continue;
          /* A cell that rows above cover comes first. */
          while (column < builder->cells->len && g_ptr_array_index (builder->cells, column) != NULL)
            column++;
          text = g_string_new (NULL);
          html_text (cell, text);
          g_strstrip (text->str);
          text->len = strlen (text->str);
          if (text->len > JLN_TABLE_MAX_CELL || !check_column (column, reader->filename, table, *row, reader->error))
            {
              if (text->len > JLN_TABLE_MAX_CELL)
                g_set_error (reader->error, JLN_ERROR, JLN_ERROR_INVALID,
                             /* Translators: %1$s is a file, %2$s a sheet or table, %3$u a row number. */
                             _("%1$s: %2$s, row %3$u: a cell holds more text than a plan can (1 MB)"),
                             reader->filename, table->name, *row);
              reader->failed = TRUE;
              return;
            }
          row_builder_set (builder, column, text->str);
          span = (char *) xmlGetProp (cell, (const xmlChar *) "colspan");
          rows = (char *) xmlGetProp (cell, (const xmlChar *) "rowspan");
          if (span != NULL)
            g_ascii_string_to_unsigned (g_strstrip (span), 10, 1, JLN_TABLE_MAX_COLUMNS, &columns_spanned, NULL);
          if (rows != NULL)
            g_ascii_string_to_unsigned (g_strstrip (rows), 10, 1, JLN_TABLE_MAX_ROWS, &rows_spanned, NULL);
          if (rows_spanned > 1)
            for (guint i = 0; i < columns_spanned && column + i < JLN_TABLE_MAX_COLUMNS; i++)
              {
                guint until = *row + rows_spanned - 1;

                if (covered->len <= column + i)
                  g_array_set_size (covered, column + i + 1);
                g_array_index (covered, guint, column + i) = until;
              }
          if (rows_spanned > 1 && text->len > 0)
            {
              Merge *merge = g_new0 (Merge, 1);

              merge->first_row = *row;
              merge->last_row = *row + rows_spanned - 1;
              merge->column = column;
              merge->text = g_strdup (text->str);
              g_ptr_array_add (merges, merge);
            }
          for (guint i = 1; i < columns_spanned; i++)
            row_builder_set (builder, column + i, "");
          column += columns_spanned;
          /* Nested tables are read as text of their cell only. */
        }
      /* Cells covered from above are empty in this row's builder. */
      for (guint i = 0; i < builder->cells->len; i++)
        if (g_ptr_array_index (builder->cells, i) == NULL)
          g_ptr_array_index (builder->cells, i) = g_strdup ("");
      if (!row_builder_emit (builder, table, *row, reader->filename, reader->error))
        reader->failed = TRUE;
    }
}

static void
html_find_tables (HtmlReader *reader,
                  xmlNode    *node)
{
  for (xmlNode *child = node; child != NULL && !reader->failed; child = child->next)
    {
      if (is_html_element (child, "table"))
        {
          g_autoptr(GPtrArray) merges = g_ptr_array_new_with_free_func (merge_free);
          g_autofree char *name = g_strdup_printf (_("Table %u"), reader->tables->len + 1);
          JlnTable *table = jln_table_new (name);
          g_autoptr(GArray) covered = g_array_new (FALSE, TRUE, sizeof (guint));
          RowBuilder builder;
          guint row = 0;

          g_ptr_array_add (reader->tables, table);
          row_builder_init (&builder);
          html_rows (reader, child, table, &builder, merges, covered, &row);
          row_builder_free (&builder);
          if (!reader->failed)
            apply_merges (table, merges);
          continue;
        }
      if (child->children != NULL)
        html_find_tables (reader, child->children);
    }
}

/**
 * jln_table_read_html:
 * @filename: what to call the text in messages
 *
 * Reads the tables of HTML text, as word processors and spreadsheets
 * put rows on the clipboard. Nothing is fetched from the network.
 *
 * Returns: (transfer full) (element-type JlnTable): the tables that have
 *   rows, at least one
 */
GPtrArray *
jln_table_read_html (const char  *data,
                     gsize        length,
                     const char  *filename,
                     GError     **error)
{
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func ((GDestroyNotify) jln_table_free);
  HtmlReader reader = { filename, tables, error, FALSE };
  htmlDocPtr document;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (length > JLN_TABLE_MAX_FILE || length > G_MAXINT)
    {
      g_set_error (error, JLN_ERROR, JLN_ERROR_INVALID,
                   _("%s: the file is larger than a plan can be (256 MB)"), filename);
      return NULL;
    }
  document = htmlReadMemory (data != NULL ? data : "", (int) length, NULL, "UTF-8",
                             HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                             HTML_PARSE_NOBLANKS);
  if (document != NULL)
    html_find_tables (&reader, xmlDocGetRootElement (document));
  if (document != NULL)
    xmlFreeDoc (document);
  if (reader.failed)
    return NULL;

  for (guint i = tables->len; i > 0; i--)
    if (((JlnTable *) g_ptr_array_index (tables, i - 1))->rows->len == 0)
      g_ptr_array_remove_index (tables, i - 1);
  if (tables->len == 0)
    {
      g_set_error (error, JLN_ERROR, JLN_ERROR_INVALID,
                   _("%s: the file holds no table, or only empty ones"), filename);
      return NULL;
    }
  return g_steal_pointer (&tables);
}
