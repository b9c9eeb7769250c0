/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "jln-json.h"
#include "jln-record-private.h"

/* Limits that keep a hostile or broken file from exhausting memory or
 * the stack; real plans are far below them. */
#define MAX_FILE_SIZE   (256 * 1024 * 1024)

/* --- Writing ------------------------------------------------------------- */

/* The export is written by hand rather than through JsonGenerator: it is
 * the canonical form (fixed key order, texts on one line), so that
 * export → import → export gives the same bytes, and it streams a large
 * plan without building a tree of it first. */

static void
write_string (GString    *out,
              const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = *p;

      switch (c)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        default:
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, c);
        }
    }
  g_string_append_c (out, '"');
}

static void
write_double (GString *out,
              double   value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  /* The shortest form that reads back to the same number. */
  for (int precision = 15; precision <= 17; precision++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", precision);
      g_ascii_formatd (buf, sizeof buf, format, value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }
  g_string_append (out, buf);
}

static void
indent (GString *out,
        guint    depth)
{
  g_string_append_c (out, '\n');
  for (guint i = 0; i < depth; i++)
    g_string_append (out, "  ");
}

static void
write_text (GString       *out,
            const JlnText *text)
{
  g_string_append_c (out, '{');
  if (text->fr != NULL)
    {
      g_string_append (out, "\"fr\": ");
      write_string (out, text->fr);
    }
  if (text->en != NULL)
    {
      g_string_append (out, text->fr != NULL ? ", \"en\": " : "\"en\": ");
      write_string (out, text->en);
    }
  g_string_append_c (out, '}');
}

static void
write_field_value (GString        *out,
                   JlnRecord      *record,
                   const JlnField *field)
{
  gpointer ptr = _jln_record_field_ptr (record, field);
  JlnFieldRef ref = { field, -1 };

  switch (field->type)
    {
    case JLN_FIELD_TEXT:
      write_text (out, ptr);
      break;
    case JLN_FIELD_INT:
      g_string_append_printf (out, "%d", *(int *) ptr);
      break;
    case JLN_FIELD_DOUBLE:
      write_double (out, *(double *) ptr);
      break;
    case JLN_FIELD_STRV:
      {
        char **strv = *(char ***) ptr;

        g_string_append_c (out, '[');
        for (guint i = 0; strv[i] != NULL; i++)
          {
            if (i > 0)
              g_string_append (out, ", ");
            write_string (out, strv[i]);
          }
        g_string_append_c (out, ']');
        break;
      }
    case JLN_FIELD_REFS:
      {
        GPtrArray *refs = *(GPtrArray **) ptr;

        g_string_append_c (out, '[');
        for (guint i = 0; i < refs->len; i++)
          {
            if (i > 0)
              g_string_append (out, ", ");
            write_string (out, jln_record_get_id (g_ptr_array_index (refs, i)));
          }
        g_string_append_c (out, ']');
        break;
      }
    default:
      {
        g_autofree char *text = _jln_record_field_to_string (record, &ref);

        write_string (out, text);
        break;
      }
    }
}

static void
write_record (GString   *out,
              JlnRecord *record,
              guint      depth)
{
  const JlnKindInfo *info = _jln_record_get_info (record);

  g_string_append_c (out, '{');
  indent (out, depth + 1);
  if (info->kind == JLN_KIND_PLAN)
    {
      g_string_append (out, "\"format\": \"" JLN_JSON_FORMAT "\",");
      indent (out, depth + 1);
      g_string_append_printf (out, "\"version\": %d,", JLN_JSON_VERSION);
      indent (out, depth + 1);
    }
  g_string_append (out, "\"id\": ");
  write_string (out, jln_record_get_id (record));

  for (guint i = 0; i < info->n_fields; i++)
    {
      const JlnField *field = &info->fields[i];

      if (!_jln_field_is_set (record, field))
        continue;
      g_string_append_c (out, ',');
      indent (out, depth + 1);
      write_string (out, field->name);
      g_string_append (out, ": ");
      write_field_value (out, record, field);
    }

  for (guint i = 0; i < info->n_children; i++)
    {
      GListModel *children = _jln_record_peek_children (record, info->children[i]);
      guint n = children != NULL ? g_list_model_get_n_items (children) : 0;

      if (n == 0)
        continue;
      g_string_append_c (out, ',');
      indent (out, depth + 1);
      write_string (out, _jln_kind_info (info->children[i])->list_key);
      g_string_append (out, ": [");
      for (guint j = 0; j < n; j++)
        {
          g_autoptr(JlnRecord) child = g_list_model_get_item (children, j);

          if (j > 0)
            g_string_append_c (out, ',');
          indent (out, depth + 2);
          write_record (out, child, depth + 2);
        }
      indent (out, depth + 1);
      g_string_append_c (out, ']');
    }
  indent (out, depth);
  g_string_append_c (out, '}');
}

/**
 * jln_json_write_plan:
 *
 * Returns: (transfer full): the plan in the `jalons-plan` interchange format
 */
GBytes *
jln_json_write_plan (JlnPlan *plan)
{
  GString *out = g_string_sized_new (64 * 1024);

  g_return_val_if_fail (JLN_IS_PLAN (plan), NULL);

  write_record (out, JLN_RECORD (plan), 0);
  g_string_append_c (out, '\n');
  return g_string_free_to_bytes (out);
}

char *
jln_json_write_record (JlnRecord *record)
{
  GString *out = g_string_new (NULL);

  write_record (out, record, 0);
  return g_string_free (out, FALSE);
}

/* --- Reading ------------------------------------------------------------- */

/* The reader is a small streaming JSON parser driven by the field tables:
 * it builds records as it reads, with no tree of the document in between,
 * so that a large plan reads in one pass and in little more memory than
 * the records themselves. Nesting is bounded by the format, so hostile
 * input cannot exhaust the stack. Every error names the file, the line
 * and column, and the JSON path. */

typedef struct
{
  JlnRecord      *record;
  const JlnField *field;
  GPtrArray      *ids;      /* char * */
  char           *path;
  guint           line;
  const char     *line_start;
  const char     *at;
} PendingRef;

typedef struct
{
  const char  *start;
  const char  *p;
  const char  *end;
  const char  *filename;
  guint        line;
  const char  *line_start;
  GString     *path;
  GString     *scratch;
  GHashTable  *seen;          /* id → record read from this input */
  JlnPlan     *plan;          /* where references may also point */
  GPtrArray   *pending_refs;  /* PendingRef */
  GError     **error;
  gboolean     failed;
  gboolean     fresh_ids;     /* give every record read a new id */
  JlnRecordReadFunc record_read;
  gpointer     record_read_data;
  gboolean     mapped;        /* data is a read-only map of a file */
  const char  *released;      /* the part before has been given back */
} Reader;

/* A large file is read once, front to back: the pages already read of a
 * mapped file are given back as reading goes on, so that importing does
 * not hold the whole file in memory on top of the plan. Should an error
 * message need them again, they are read again from the file. */
static void
release_read_pages (Reader *reader)
{
#ifdef MADV_DONTNEED
  const gsize chunk = 16 * 1024 * 1024;
  gsize page = sysconf (_SC_PAGESIZE);
  guintptr from, to;

  if (!reader->mapped || reader->p - reader->released < (gssize) (2 * chunk))
    return;

  from = ((guintptr) reader->released + page - 1) & ~(guintptr) (page - 1);
  to = ((guintptr) reader->p - chunk) & ~(guintptr) (page - 1);
  if (to > from && madvise ((void *) from, to - from, MADV_DONTNEED) == 0)
    reader->released = (const char *) to;
#endif
}

static void
pending_ref_free (PendingRef *ref)
{
  g_ptr_array_unref (ref->ids);
  g_free (ref->path);
  g_free (ref);
}

static guint
reader_column (Reader     *reader,
               const char *at)
{
  return g_utf8_strlen (reader->line_start, at - reader->line_start) + 1;
}

static gboolean G_GNUC_PRINTF (3, 4)
reader_fail_at (Reader     *reader,
                const char *at,
                const char *format,
                ...)
{
  g_autofree char *message = NULL;
  va_list args;

  if (reader->failed)
    return FALSE;
  reader->failed = TRUE;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (reader->error, JLN_ERROR, JLN_ERROR_INVALID, "%s:%u:%u: %s: %s",
               reader->filename, reader->line, reader->line_start <= at ? reader_column (reader, at) : 1,
               reader->path->len > 0 ? reader->path->str : "$", message);
  return FALSE;
}

#define reader_fail(reader, ...) reader_fail_at ((reader), (reader)->p, __VA_ARGS__)

static void
skip_blanks (Reader *reader)
{
  while (reader->p < reader->end)
    {
      char c = *reader->p;

      if (c == '\n')
        {
          reader->line++;
          reader->line_start = reader->p + 1;
        }
      else if (c != ' ' && c != '\t' && c != '\r')
        return;
      reader->p++;
    }
}

static char
peek (Reader *reader)
{
  skip_blanks (reader);
  return reader->p < reader->end ? *reader->p : '\0';
}

static const char *
describe_next (Reader *reader)
{
  switch (peek (reader))
    {
    case '{':
      return _("an object");
    case '[':
      return _("a list");
    case '"':
      return _("a text");
    case 't':
    case 'f':
      return _("true or false");
    case 'n':
      return _("null");
    case '\0':
      return reader->p < reader->end ? _("a NUL byte") : _("the end of the file");
    default:
      if (*reader->p == '-' || g_ascii_isdigit (*reader->p))
        return _("a number");
      return _("an unexpected character");
    }
}

static gboolean
expect_type (Reader     *reader,
             char        c,
             const char *expected)
{
  if (peek (reader) == c)
    return TRUE;
  /* Translators: “expected” is like “a text”, the second %s like “a number”. */
  return reader_fail (reader, _("expected %s, found %s"), _(expected), describe_next (reader));
}

static gboolean
expect_char (Reader *reader,
             char    c)
{
  if (peek (reader) == c)
    {
      reader->p++;
      return TRUE;
    }
  if (reader->p >= reader->end)
    return reader_fail (reader, _("the file ends too early: “%c” is missing"), c);
  return reader_fail (reader, _("expected “%c”, found %s"), c, describe_next (reader));
}

/* Reads a string into reader->scratch. */
static gboolean
read_string (Reader *reader)
{
  const char *p;

  if (!expect_type (reader, '"', N_("a text")))
    return FALSE;
  g_string_truncate (reader->scratch, 0);
  p = ++reader->p;

  while (TRUE)
    {
      const char *run = p;

      while (p < reader->end && *p != '"' && *p != '\\' && (guchar) *p >= 0x20)
        p++;
      if (p > run)
        {
          const char *invalid;

          if (!g_utf8_validate_len (run, p - run, &invalid))
            return reader_fail_at (reader, invalid, _("the text is not valid UTF-8"));
          g_string_append_len (reader->scratch, run, p - run);
        }
      if (reader->scratch->len > JLN_MAX_TEXT_LENGTH)
        return reader_fail_at (reader, run, _("the text is longer than a plan can hold (1 MB)"));

      if (p >= reader->end)
        {
          reader->p = p;
          return reader_fail (reader, _("the file ends inside a text"));
        }
      if (*p == '"')
        {
          reader->p = p + 1;
          return TRUE;
        }
      if (*p != '\\')
        return reader_fail_at (reader, p, *p == '\0' ? _("the file contains a NUL byte")
                                                       : _("a text contains a raw control character"));

      p++;
      if (p >= reader->end)
        continue;
      switch (*p)
        {
        case '"': case '\\': case '/':
          g_string_append_c (reader->scratch, *p);
          break;
        case 'b':
          g_string_append_c (reader->scratch, '\b');
          break;
        case 'f':
          g_string_append_c (reader->scratch, '\f');
          break;
        case 'n':
          g_string_append_c (reader->scratch, '\n');
          break;
        case 'r':
          g_string_append_c (reader->scratch, '\r');
          break;
        case 't':
          g_string_append_c (reader->scratch, '\t');
          break;
        case 'u':
          {
            gunichar c = 0;

            for (int round = 0; round < 2; round++)
              {
                guint value = 0;

                if (reader->end - p < 5)
                  return reader_fail_at (reader, p, _("a \\u escape is cut short"));
                for (int i = 1; i <= 4; i++)
                  {
                    int digit = g_ascii_xdigit_value (p[i]);

                    if (digit < 0)
                      return reader_fail_at (reader, p, _("a \\u escape needs four hexadecimal digits"));
                    value = value * 16 + digit;
                  }
                p += 4;
                if (round == 0 && value >= 0xD800 && value < 0xDC00)
                  {
                    c = value;
                    if (reader->end - p < 3 || p[1] != '\\' || p[2] != 'u')
                      return reader_fail_at (reader, p, _("a \\u escape is half a surrogate pair"));
                    p += 2;
                    continue;
                  }
                if (round == 1)
                  {
                    if (value < 0xDC00 || value > 0xDFFF)
                      return reader_fail_at (reader, p, _("a \\u escape is half a surrogate pair"));
                    c = 0x10000 + ((c - 0xD800) << 10) + (value - 0xDC00);
                  }
                else
                  c = value;
                break;
              }
            if (c == 0)
              return reader_fail_at (reader, p, _("the file contains a NUL byte"));
            if ((c >= 0xDC00 && c <= 0xDFFF))
              return reader_fail_at (reader, p, _("a \\u escape is half a surrogate pair"));
            g_string_append_unichar (reader->scratch, c);
            break;
          }
        default:
          {
            /* The character after the backslash, whole: a byte of it
             * would make the message itself invalid UTF-8. */
            char shown[8] = { 0, };
            gunichar c = g_utf8_get_char_validated (p, reader->end - p);

            if (c == (gunichar) -1 || c == (gunichar) -2)
              return reader_fail_at (reader, p, _("the text is not valid UTF-8"));
            g_unichar_to_utf8 (c, shown);
            return reader_fail_at (reader, p, _("unknown escape “\\%s” in a text"), shown);
          }
        }
      p++;
    }
}

/* Reads a JSON number. is_integer tells whether it had no fraction and
 * no exponent. */
static gboolean
read_number (Reader   *reader,
             double   *value,
             gint64   *integer,
             gboolean *is_integer)
{
  const char *p, *start;
  char buffer[64];

  skip_blanks (reader);
  p = start = reader->p;
  *is_integer = TRUE;
  if (p < reader->end && *p == '-')
    p++;
  if (p >= reader->end || !g_ascii_isdigit (*p))
    return reader_fail (reader, _("expected %s, found %s"), _("a number"), describe_next (reader));
  if (*p == '0')
    p++;
  else
    while (p < reader->end && g_ascii_isdigit (*p))
      p++;
  if (p < reader->end && *p == '.')
    {
      *is_integer = FALSE;
      p++;
      if (p >= reader->end || !g_ascii_isdigit (*p))
        return reader_fail_at (reader, p, _("a number is malformed"));
      while (p < reader->end && g_ascii_isdigit (*p))
        p++;
    }
  if (p < reader->end && (*p == 'e' || *p == 'E'))
    {
      *is_integer = FALSE;
      p++;
      if (p < reader->end && (*p == '+' || *p == '-'))
        p++;
      if (p >= reader->end || !g_ascii_isdigit (*p))
        return reader_fail_at (reader, p, _("a number is malformed"));
      while (p < reader->end && g_ascii_isdigit (*p))
        p++;
    }
  if ((gsize) (p - start) >= sizeof buffer)
    return reader_fail (reader, _("the number is too large"));

  memcpy (buffer, start, p - start);
  buffer[p - start] = '\0';
  *value = g_ascii_strtod (buffer, NULL);
  if (!isfinite (*value) || fabs (*value) > JLN_MAX_NUMBER)
    return reader_fail (reader, _("the number is too large"));
  if (*is_integer && !g_ascii_string_to_signed (buffer, 10, G_MININT64, G_MAXINT64, integer, NULL))
    return reader_fail (reader, _("the number is too large"));
  reader->p = p;
  return TRUE;
}

static void
push_key (Reader     *reader,
          const char *key)
{
  g_string_append_c (reader->path, '.');
  g_string_append (reader->path, key);
}

static void
push_index (Reader *reader,
            guint   index)
{
  g_string_append_printf (reader->path, "[%u]", index);
}

/* Calls @member for each "key": value of an object; the value is read
 * by the callback. */
typedef gboolean (*MemberFunc) (Reader     *reader,
                                const char *key,
                                const char *key_at,
                                gpointer    data);

static gboolean
read_object (Reader     *reader,
             const char *expected,
             MemberFunc  member,
             gpointer    data)
{
  gboolean first = TRUE;

  if (!expect_type (reader, '{', expected))
    return FALSE;
  reader->p++;

  while (TRUE)
    {
      g_autofree char *key = NULL;
      const char *key_at;
      gsize path_len = reader->path->len;

      if (peek (reader) == '}' && first)
        {
          reader->p++;
          return TRUE;
        }
      key_at = reader->p;
      if (!read_string (reader))
        return FALSE;
      key = g_strdup (reader->scratch->str);
      if (!expect_char (reader, ':'))
        return FALSE;
      push_key (reader, key);
      if (!member (reader, key, key_at, data))
        return FALSE;
      g_string_truncate (reader->path, path_len);

      if (peek (reader) == ',')
        {
          reader->p++;
          first = FALSE;
          continue;
        }
      return expect_char (reader, '}');
    }
}

typedef gboolean (*ElementFunc) (Reader   *reader,
                                 guint     index,
                                 gpointer  data);

static gboolean
read_array (Reader      *reader,
            ElementFunc  element,
            gpointer     data)
{
  guint index = 0;

  if (!expect_type (reader, '[', N_("a list")))
    return FALSE;
  reader->p++;
  if (peek (reader) == ']')
    {
      reader->p++;
      return TRUE;
    }

  while (TRUE)
    {
      gsize path_len = reader->path->len;

      push_index (reader, index);
      if (!element (reader, index++, data))
        return FALSE;
      g_string_truncate (reader->path, path_len);

      if (peek (reader) == ',')
        {
          reader->p++;
          continue;
        }
      return expect_char (reader, ']');
    }
}

static gboolean
text_member (Reader     *reader,
             const char *key,
             const char *key_at,
             gpointer    data)
{
  JlnText *text = data;
  char **slot;

  if (strcmp (key, "fr") == 0)
    slot = &text->fr;
  else if (strcmp (key, "en") == 0)
    slot = &text->en;
  else
    return reader_fail_at (reader, key_at, _("only the languages “fr” and “en” are known"));
  if (*slot != NULL)
    return reader_fail_at (reader, key_at, _("“%s” is given twice"), key);

  if (!read_string (reader))
    return FALSE;
  jln_set_str (slot, reader->scratch->len > 0 ? reader->scratch->str : NULL);
  return TRUE;
}

static gboolean
string_element (Reader   *reader,
                guint     index,
                gpointer  data)
{
  if (!read_string (reader))
    return FALSE;
  g_ptr_array_add (data, g_strdup (reader->scratch->str));
  return TRUE;
}

typedef struct
{
  JlnRecord         *parent;
  const JlnKindInfo *info;
  GPtrArray         *children;
} ChildrenData;

static JlnRecord *read_record (Reader            *reader,
                               const JlnKindInfo *info);

static gboolean
child_element (Reader   *reader,
               guint     index,
               gpointer  data)
{
  ChildrenData *children = data;
  JlnRecord *child = read_record (reader, children->info);

  if (child == NULL)
    return FALSE;
  _jln_record_set_parent (child, children->parent);
  g_ptr_array_add (children->children, child);
  if (reader->record_read != NULL)
    reader->record_read (child, index, reader->record_read_data);
  return TRUE;
}

static gboolean
read_field (Reader         *reader,
            JlnRecord      *record,
            const JlnField *field)
{
  JlnFieldRef ref = { field, -1 };
  g_autoptr(GError) local_error = NULL;
  const char *value_at;

  peek (reader);
  value_at = reader->p;

  switch (field->type)
    {
    case JLN_FIELD_TEXT:
      return read_object (reader, N_("an object like {\"fr\": …, \"en\": …}"), text_member,
                          _jln_record_field_ptr_for_writing (record, field));

    case JLN_FIELD_INT:
    case JLN_FIELD_DOUBLE:
      {
        double value;
        gint64 integer = 0;
        gboolean is_integer;
        char buf[G_ASCII_DTOSTR_BUF_SIZE];

        if (peek (reader) != '-' && !g_ascii_isdigit (peek (reader)))
          return reader_fail (reader, _("expected %s, found %s"),
                              field->type == JLN_FIELD_INT ? _("a whole number") : _("a number"),
                              describe_next (reader));
        if (!read_number (reader, &value, &integer, &is_integer))
          return FALSE;
        if (field->type == JLN_FIELD_DOUBLE)
          {
            *(double *) _jln_record_field_ptr_for_writing (record, field) = value;
            return TRUE;
          }
        if (!is_integer)
          return reader_fail_at (reader, value_at, _("expected %s, found %s"), _("a whole number"),
                                 g_ascii_dtostr (buf, sizeof buf, value));
        if (integer < field->min || integer > field->max)
          {
            g_autofree char *shown = g_strdup_printf ("%" G_GINT64_FORMAT, integer);

            /* Translators: the first %s is a number. */
            return reader_fail_at (reader, value_at, _("%s is not between %d and %d"),
                                   shown, field->min, field->max);
          }
        *(int *) _jln_record_field_ptr_for_writing (record, field) = integer;
        return TRUE;
      }

    case JLN_FIELD_STRV:
      {
        g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
        char ***slot = _jln_record_field_ptr_for_writing (record, field);

        if (!read_array (reader, string_element, strings))
          return FALSE;
        g_strfreev (*slot);
        *slot = NULL;
        if (strings->len > 0)
          {
            g_ptr_array_add (strings, NULL);
            *slot = (char **) g_ptr_array_steal (strings, NULL);
          }
        return TRUE;
      }

    case JLN_FIELD_REFS:
      {
        PendingRef *pending = g_new0 (PendingRef, 1);

        pending->record = record;
        pending->field = field;
        pending->ids = g_ptr_array_new_with_free_func (g_free);
        pending->path = g_strdup (reader->path->str);
        pending->line = reader->line;
        pending->line_start = reader->line_start;
        pending->at = value_at;
        g_ptr_array_add (reader->pending_refs, pending);
        /* Resolved once every record of the input is known. */
        return read_array (reader, string_element, pending->ids);
      }

    default:
      if (!read_string (reader))
        return FALSE;
      if (!_jln_record_field_from_string (record, &ref, reader->scratch->str, NULL, NULL, FALSE, &local_error))
        return reader_fail_at (reader, value_at, "%s", local_error->message);
      return TRUE;
    }
}

typedef struct
{
  JlnRecord         *record;
  const JlnKindInfo *info;
  guint64            given;   /* the fields read, by index */
} RecordData;

static gboolean
record_member (Reader     *reader,
               const char *key,
               const char *key_at,
               gpointer    data)
{
  RecordData *record_data = data;
  const JlnKindInfo *info = record_data->info;

  if (strcmp (key, "id") == 0)
    return reader_fail_at (reader, key_at, _("“id” must come first"));

  if (info->kind == JLN_KIND_PLAN && (strcmp (key, "format") == 0 || strcmp (key, "version") == 0))
    return reader_fail_at (reader, key_at, _("“format” and “version” must come first"));

  for (guint i = 0; i < info->n_fields; i++)
    if (strcmp (info->fields[i].name, key) == 0)
      {
        if (record_data->given & (G_GUINT64_CONSTANT (1) << i))
          return reader_fail_at (reader, key_at, _("“%s” is given twice"), key);
        record_data->given |= G_GUINT64_CONSTANT (1) << i;
        return read_field (reader, record_data->record, &info->fields[i]);
      }

  for (guint i = 0; i < info->n_children; i++)
    {
      const JlnKindInfo *child_info = _jln_kind_info (info->children[i]);

      if (strcmp (child_info->list_key, key) == 0)
        {
          g_autoptr(GPtrArray) children = g_ptr_array_new_with_free_func (g_object_unref);
          ChildrenData children_data = { record_data->record, child_info, children };
          JlnChildren *store = _jln_record_get_store (record_data->record, child_info->kind);

          if (record_data->given & (G_GUINT64_CONSTANT (1) << (info->n_fields + i)))
            return reader_fail_at (reader, key_at, _("“%s” is given twice"), key);
          record_data->given |= G_GUINT64_CONSTANT (1) << (info->n_fields + i);
          if (!read_array (reader, child_element, &children_data))
            return FALSE;
          _jln_children_splice (store, 0, 0, children->pdata, children->len);
          return TRUE;
        }
    }

  return reader_fail_at (reader, key_at, _("unknown member “%s”"), key);
}

static JlnRecord *
resolve (Reader     *reader,
         const char *id)
{
  JlnRecord *record;
  char lower[40];

  if (strlen (id) < sizeof lower)
    {
      for (gsize i = 0; (lower[i] = g_ascii_tolower (id[i])) != '\0'; i++)
        ;
      id = lower;
    }
  record = _jln_record_index_lookup (reader->seen, id);

  if (record == NULL && reader->plan != NULL)
    record = jln_plan_lookup (reader->plan, id);
  return record;
}

/* A record is an object whose first member is its "id" (after "format"
 * and "version" for the plan), so that it can be created before its
 * other members are read. */
static JlnRecord *
read_record (Reader            *reader,
             const JlnKindInfo *info)
{
  g_autoptr(JlnRecord) record = NULL;
  RecordData data = { NULL, info, 0 };
  const char *at;
  gsize path_len = reader->path->len;

  if (!expect_type (reader, '{', N_("an object")))
    return NULL;
  reader->p++;
  release_read_pages (reader);

  if (info->kind == JLN_KIND_PLAN)
    {
      double value;
      gint64 version;
      gboolean is_integer;

      at = (peek (reader), reader->p);
      if (!read_string (reader) || strcmp (reader->scratch->str, "format") != 0 ||
          !expect_char (reader, ':') || !read_string (reader) ||
          strcmp (reader->scratch->str, JLN_JSON_FORMAT) != 0)
        {
          if (!reader->failed)
            reader_fail_at (reader, at, _("this is not a Jalons plan: it must begin with "
                                          "\"format\": \"%s\""), JLN_JSON_FORMAT);
          return NULL;
        }
      if (!expect_char (reader, ','))
        return NULL;
      at = (peek (reader), reader->p);
      if (!read_string (reader) || strcmp (reader->scratch->str, "version") != 0 ||
          !expect_char (reader, ':') ||
          !read_number (reader, &value, &version, &is_integer) || !is_integer)
        {
          if (!reader->failed)
            reader_fail_at (reader, at, _("“version” must follow “format”, as a whole number"));
          return NULL;
        }
      if (version != JLN_JSON_VERSION)
        {
          g_autofree char *shown = g_strdup_printf ("%" G_GINT64_FORMAT, version);

          reader_fail_at (reader, at, _("format version %s is not known to this "
                                        "version of Jalons, which reads version %d"),
                          shown, JLN_JSON_VERSION);
          if (version > JLN_JSON_VERSION && reader->error != NULL && *reader->error != NULL)
            (*reader->error)->code = JLN_ERROR_TOO_NEW;
          return NULL;
        }
      if (!expect_char (reader, ','))
        return NULL;
    }

  at = (peek (reader), reader->p);
  push_key (reader, "id");
  if (!read_string (reader) || strcmp (reader->scratch->str, "id") != 0)
    {
      if (!reader->failed)
        reader_fail_at (reader, at, _("an object of the plan must begin with its “id”"));
      return NULL;
    }
  if (!expect_char (reader, ':'))
    return NULL;
  at = (peek (reader), reader->p);
  if (!read_string (reader))
    return NULL;
  if (!g_uuid_string_is_valid (reader->scratch->str))
    {
      reader_fail_at (reader, at, _("“%s” is not a UUID like “3f2b8c1e-…”"), reader->scratch->str);
      return NULL;
    }
  /* Ids are compared as written in lower case, as g_uuid_string_random() makes them. */
  for (gsize i = 0; i < reader->scratch->len; i++)
    reader->scratch->str[i] = g_ascii_tolower (reader->scratch->str[i]);
  if (!reader->fresh_ids && resolve (reader, reader->scratch->str) != NULL)
    {
      reader_fail_at (reader, at, _("the id “%s” is used twice"), reader->scratch->str);
      return NULL;
    }
  g_string_truncate (reader->path, path_len);

  if (info->kind == JLN_KIND_PLAN)
    record = JLN_RECORD (_jln_plan_new_with_id (reader->scratch->str));
  else
    record = _jln_record_new (info->kind, reader->fresh_ids ? NULL : reader->scratch->str);
  _jln_record_index_add (reader->seen, record);
  data.record = record;

  if (peek (reader) == ',')
    {
      /* The rest of the members, as an object whose "{" was the record's. */
      reader->p++;
      while (TRUE)
        {
          g_autofree char *key = NULL;
          const char *key_at = (peek (reader), reader->p);

          if (!read_string (reader))
            return NULL;
          key = g_strdup (reader->scratch->str);
          if (!expect_char (reader, ':'))
            return NULL;
          push_key (reader, key);
          if (!record_member (reader, key, key_at, &data))
            return NULL;
          g_string_truncate (reader->path, path_len);
          if (peek (reader) != ',')
            break;
          reader->p++;
        }
    }
  at = (peek (reader), reader->p);
  if (!expect_char (reader, '}'))
    return NULL;

  for (guint i = 0; i < info->n_fields; i++)
    if ((info->fields[i].flags & JLN_FIELD_REQUIRED) &&
        (info->fields[i].type == JLN_FIELD_INT || info->fields[i].type == JLN_FIELD_ENUM) &&
        !(data.given & (G_GUINT64_CONSTANT (1) << i)))
      {
        reader_fail_at (reader, at, _("the field “%s” is missing"), info->fields[i].name);
        return NULL;
      }

  {
    g_autoptr(GError) local_error = NULL;

    if (!_jln_record_check_required (record, &local_error))
      {
        reader_fail_at (reader, at, "%s", local_error->message);
        return NULL;
      }
  }
  return g_steal_pointer (&record);
}

static gboolean
resolve_refs (Reader *reader)
{
  for (guint i = 0; i < reader->pending_refs->len; i++)
    {
      PendingRef *pending = g_ptr_array_index (reader->pending_refs, i);
      GPtrArray *refs = _jln_record_refs_for_adding (pending->record, pending->field);

      for (guint j = 0; j < pending->ids->len; j++)
        {
          const char *id = g_ptr_array_index (pending->ids, j);
          JlnRecord *target = resolve (reader, id);
          g_autofree char *message = NULL;

          if (target == NULL || jln_record_get_kind (target) != pending->field->ref_kind)
            message = g_strdup_printf (_("there is no %s with the id “%s”"),
                                       _jln_kind_info (pending->field->ref_kind)->name, id);
          else
            for (guint k = 0; k < refs->len && message == NULL; k++)
              if (g_ptr_array_index (refs, k) == target)
                message = g_strdup_printf (_("“%s” is listed twice"), id);

          if (message != NULL)
            {
              g_set_error (reader->error, JLN_ERROR, JLN_ERROR_INVALID, "%s:%u:%ld: %s[%u]: %s",
                           reader->filename, pending->line,
                           g_utf8_strlen (pending->line_start, pending->at - pending->line_start) + 1,
                           pending->path, j, message);
              return FALSE;
            }
          g_ptr_array_add (refs, g_object_ref (target));
        }
    }
  return TRUE;
}

static void
reader_init (Reader      *reader,
             const char  *data,
             gsize        length,
             const char  *filename,
             JlnPlan     *plan,
             GError     **error)
{
  memset (reader, 0, sizeof *reader);
  reader->start = reader->p = reader->line_start = reader->released = data;
  reader->end = data + length;
  reader->filename = filename;
  reader->line = 1;
  reader->path = g_string_new ("$");
  reader->scratch = g_string_sized_new (256);
  reader->seen = _jln_record_index_new ();
  reader->plan = plan;
  reader->pending_refs = g_ptr_array_new_with_free_func ((GDestroyNotify) pending_ref_free);
  reader->error = error;
}

static void
reader_clear (Reader *reader)
{
  g_string_free (reader->path, TRUE);
  g_string_free (reader->scratch, TRUE);
  g_clear_pointer (&reader->seen, g_hash_table_unref);
  g_ptr_array_unref (reader->pending_refs);
}

static JlnRecord *
read_document (Reader            *reader,
               const JlnKindInfo *info)
{
  g_autoptr(JlnRecord) record = NULL;

  if (reader->start == reader->end)
    {
      reader_fail (reader, _("the file is empty"));
      return NULL;
    }
  if (peek (reader) != '{')
    {
      reader_fail (reader, _("this is not a Jalons plan: expected an object, found %s"),
                   describe_next (reader));
      return NULL;
    }

  record = read_record (reader, info);
  if (record == NULL || !resolve_refs (reader))
    return NULL;
  skip_blanks (reader);
  if (reader->p < reader->end)
    {
      if (*reader->p == '\0')
        reader_fail (reader, _("the file contains a NUL byte"));
      else
        reader_fail (reader, _("unexpected data after the end of the plan"));
      return NULL;
    }
  return g_steal_pointer (&record);
}

static JlnPlan *read_plan (const char         *data,
                           gsize               length,
                           const char         *filename,
                           gboolean            mapped,
                           JlnRecordReadFunc   func,
                           gpointer            user_data,
                           GError            **error);

/**
 * jln_json_read_plan:
 * @filename: the name to give in messages
 *
 * Reads and checks a whole plan in the `jalons-plan` format.
 *
 * Returns: (transfer full): the plan, or %NULL with @error naming the
 *   file, the line and column, and the JSON path of the problem
 */
JlnPlan *
jln_json_read_plan (const char  *data,
                    gsize        length,
                    const char  *filename,
                    GError     **error)
{
  return read_plan (data, length, filename, FALSE, NULL, NULL, error);
}

static JlnPlan *
read_plan (const char         *data,
           gsize               length,
           const char         *filename,
           gboolean            mapped,
           JlnRecordReadFunc   func,
           gpointer            user_data,
           GError            **error)
{
  Reader reader;
  JlnRecord *record;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (filename != NULL, NULL);

  if (length > MAX_FILE_SIZE)
    {
      g_set_error (error, JLN_ERROR, JLN_ERROR_INVALID,
                   _("%s: the file is larger than a plan can be (256 MB)"), filename);
      return NULL;
    }

  /* NULL + 0, as reader_init() would compute, is undefined behaviour. */
  if (data == NULL)
    data = "";
  reader_init (&reader, data, length, filename, NULL, error);
  reader.record_read = func;
  reader.record_read_data = user_data;
  reader.mapped = mapped;
  record = read_document (&reader, _jln_kind_info (JLN_KIND_PLAN));

  if (record != NULL)
    {
      /* What was read is the index of the plan. */
      _jln_plan_take_index (JLN_PLAN (record), g_steal_pointer (&reader.seen));
      if (func != NULL)
        func (record, 0, user_data);
    }
  reader_clear (&reader);
  return (JlnPlan *) record;
}

/**
 * jln_json_load_plan:
 *
 * Returns: (transfer full): the plan read from the file at @path
 */
JlnPlan *
jln_json_load_plan (const char  *path,
                    GError     **error)
{
  return jln_json_load_plan_full (path, NULL, NULL, error);
}

/**
 * jln_json_load_plan_full:
 * @func: (nullable): called with each record as soon as it is read whole
 *   (with its children, but before references are resolved), and last
 *   with the plan itself
 *
 * Reads a plan file, passing its records on as they are read: a new plan
 * file can be written while the rest of the JSON is still being read.
 *
 * Returns: (transfer full): the plan read from the file at @path
 */
JlnPlan *
jln_json_load_plan_full (const char         *path,
                         JlnRecordReadFunc   func,
                         gpointer            user_data,
                         GError            **error)
{
  g_autoptr(GMappedFile) file = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *contents;

  /* A FIFO would block opening, a folder is no plan. */
  if (g_file_test (path, G_FILE_TEST_EXISTS) && !g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, JLN_ERROR, JLN_ERROR_INVALID,
                   g_file_test (path, G_FILE_TEST_IS_DIR) ? _("%s: this is a folder, not a plan")
                                                          : _("%s: this is not a regular file"),
                   path);
      return NULL;
    }

  file = g_mapped_file_new (path, FALSE, &local_error);
  if (file == NULL)
    {
      g_set_error (error, JLN_ERROR, JLN_ERROR_IO, "%s: %s", path, local_error->message);
      return NULL;
    }
  contents = g_mapped_file_get_contents (file);
  return read_plan (contents != NULL ? contents : "", g_mapped_file_get_length (file),
                    path, contents != NULL, func, user_data, error);
}

/**
 * jln_json_read_record:
 *
 * Reads a record written by jln_json_write_record(), with its children,
 * resolving its references in @plan. The record is not attached.
 *
 * Returns: (transfer full): the record
 */
JlnRecord *
jln_json_read_record (JlnPlan     *plan,
                      const char  *json,
                      JlnKind      kind,
                      GError     **error)
{
  Reader reader;
  JlnRecord *record;

  reader_init (&reader, json, strlen (json), "record", plan, error);
  record = read_document (&reader, _jln_kind_info (kind));
  reader_clear (&reader);
  return record;
}

/**
 * jln_json_is_shallow:
 * @max_depth: the deepest nesting of arrays and objects allowed
 *
 * Tells, without parsing, whether @json nests arrays and objects no
 * deeper than @max_depth and is at most JLN_JSON_MAX_SNAPSHOT bytes long:
 * a JSON text from a file (a snapshot in a plan's history) is given to a
 * parser without a depth limit only then.
 */
gboolean
jln_json_is_shallow (const char *json,
                     guint       max_depth)
{
  gboolean in_string = FALSE;
  guint depth = 0;
  gsize length = 0;

  for (const char *p = json; *p != '\0'; p++, length++)
    {
      if (length > JLN_JSON_MAX_SNAPSHOT)
        return FALSE;
      if (in_string)
        {
          if (*p == '\\' && p[1] != '\0')
            p++, length++;
          else if (*p == '"')
            in_string = FALSE;
          continue;
        }
      if (*p == '"')
        in_string = TRUE;
      else if (*p == '[' || *p == '{')
        {
          if (++depth > max_depth)
            return FALSE;
        }
      else if ((*p == ']' || *p == '}') && depth > 0)
        depth--;
    }
  return TRUE;
}

/* --- Files written into place ------------------------------------------------ */

/* A file is written under a hidden name beside its final one, which says
 * which process writes it, and renamed into place once complete:
 * “.NAME.PID-RANDOM.part”. What a killed program left is removed the next
 * time Jalons writes into that folder; the name is never a plan's. */
#define PARTIAL_SUFFIX ".part"
#define PARTIAL_MAX_AGE (24 * G_TIME_SPAN_HOUR)

/**
 * jln_partial_path_new:
 *
 * Returns: (transfer full): a new name to write @path under until it is
 *   complete, in the same folder
 */
char *
jln_partial_path_new (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);

  return g_strdup_printf ("%s/.%s.%d-%08x" PARTIAL_SUFFIX, dir, base, (int) getpid (), g_random_int ());
}

/* The process that writes a partial file, from its name; 0 when the name
 * is not one of jln_partial_path_new(). */
static pid_t
partial_writer (const char *name)
{
  const char *end, *dot, *dash;
  gsize length = strlen (name);
  guint64 pid;
  char *after;

  if (name[0] != '.' || length < strlen (PARTIAL_SUFFIX) + 12)
    return 0;
  /* The SQLite side files of a partial plan go with it. */
  end = g_strrstr (name, PARTIAL_SUFFIX);
  if (end == NULL || (end[strlen (PARTIAL_SUFFIX)] != '\0' &&
                      !g_str_equal (end + strlen (PARTIAL_SUFFIX), "-journal") &&
                      !g_str_equal (end + strlen (PARTIAL_SUFFIX), "-wal") &&
                      !g_str_equal (end + strlen (PARTIAL_SUFFIX), "-shm")))
    return 0;
  dash = end - 9;
  if (dash <= name || *dash != '-' || strspn (dash + 1, "0123456789abcdef") != 8)
    return 0;
  for (dot = dash; dot > name && *dot != '.'; dot--)
    ;
  if (dot == name)
    return 0;
  pid = g_ascii_strtoull (dot + 1, &after, 10);
  if (after != dash || pid == 0 || pid > G_MAXINT32)
    return 0;
  return (pid_t) pid;
}

/**
 * jln_remove_dead_partials:
 *
 * Removes from @dir the partial files of writers that are no longer
 * running (or that are a day old): what an export, an import or a copy
 * killed on its way left behind.
 */
void
jln_remove_dead_partials (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  gint64 now = g_get_real_time ();
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *full = NULL;
      pid_t pid = partial_writer (name);
      GStatBuf st;

      if (pid == 0)
        continue;
      full = g_build_filename (dir, name, NULL);
      if (g_lstat (full, &st) != 0 || !S_ISREG (st.st_mode))
        continue;
      if ((pid != getpid () && kill (pid, 0) != 0 && errno == ESRCH) ||
          now - (gint64) st.st_mtime * G_USEC_PER_SEC > PARTIAL_MAX_AGE)
        g_remove (full);
    }
}

/**
 * jln_write_file_atomically:
 *
 * Writes @data to a temporary file beside @path and renames it over
 * @path, so that no reader ever sees a half-written file.
 */
gboolean
jln_write_file_atomically (const char  *path,
                           const char  *data,
                           gsize        length,
                           GError     **error)
{
  JlnOutputFile *file = jln_output_file_new (path, error);

  if (file == NULL)
    return FALSE;
  if (!jln_output_file_write (file, data, length, error))
    {
      jln_output_file_abort (file);
      return FALSE;
    }
  return jln_output_file_commit (file, error);
}

struct _JlnOutputFile
{
  char *path;
  char *temp_path;
  int   fd;
};

static void
output_file_error (GError     **error,
                   const char  *path,
                   int          saved_errno)
{
  g_set_error (error, JLN_ERROR, JLN_ERROR_IO, "%s: %s", path, g_strerror (saved_errno));
}

JlnOutputFile *
jln_output_file_new (const char  *path,
                     GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  JlnOutputFile *self = g_new0 (JlnOutputFile, 1);

  jln_remove_dead_partials (dir);
  self->path = g_strdup (path);
  self->temp_path = jln_partial_path_new (path);
  self->fd = g_open (self->temp_path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0666);
  if (self->fd < 0)
    {
      output_file_error (error, path, errno);
      g_clear_pointer (&self->temp_path, g_free);
      jln_output_file_abort (self);
      return NULL;
    }
  return self;
}

gboolean
jln_output_file_write (JlnOutputFile  *self,
                       const void     *data,
                       gsize           length,
                       GError        **error)
{
  const char *bytes = data;

  while (length > 0)
    {
      gssize written = write (self->fd, bytes, length);

      if (written < 0 && errno == EINTR)
        continue;
      if (written < 0)
        {
          output_file_error (error, self->path, errno);
          return FALSE;
        }
      bytes += written;
      length -= written;
    }
  return TRUE;
}

gboolean
jln_output_file_commit (JlnOutputFile  *self,
                        GError        **error)
{
  int fd = self->fd;
  GStatBuf st;

  self->fd = -1;
  /* A file written over keeps who may read it: a private export stays
   * private. */
  if (g_stat (self->path, &st) == 0 && S_ISREG (st.st_mode))
    fchmod (fd, st.st_mode & 07777);
  if (fsync (fd) != 0 || close (fd) != 0)
    {
      output_file_error (error, self->path, errno);
      jln_output_file_abort (self);
      return FALSE;
    }
  if (g_rename (self->temp_path, self->path) != 0)
    {
      output_file_error (error, self->path, errno);
      jln_output_file_abort (self);
      return FALSE;
    }
  g_clear_pointer (&self->temp_path, g_free);
  jln_output_file_abort (self);
  return TRUE;
}

/* Frees @self, and removes what it wrote unless it was committed. */
void
jln_output_file_abort (JlnOutputFile *self)
{
  if (self->fd >= 0)
    close (self->fd);
  if (self->temp_path != NULL)
    g_remove (self->temp_path);
  g_free (self->temp_path);
  g_free (self->path);
  g_free (self);
}

/**
 * jln_record_copy:
 *
 * Copies a record of a plan with all its children, giving each copy a
 * new id. References to other records of the plan are kept. The copy is
 * not part of the plan: insert it with jln_edit_new_insert().
 *
 * Returns: (transfer full): the copy
 */
JlnRecord *
jln_record_copy (JlnRecord *self)
{
  g_autofree char *json = NULL;
  JlnRecord *root = self;
  g_autoptr(GError) error = NULL;
  JlnRecord *copy;
  Reader reader;

  g_return_val_if_fail (JLN_IS_RECORD (self), NULL);
  g_return_val_if_fail (!JLN_IS_PLAN (self), NULL);

  while (jln_record_get_parent (root) != NULL)
    root = jln_record_get_parent (root);
  g_return_val_if_fail (JLN_IS_PLAN (root), NULL);

  json = jln_json_write_record (self);
  reader_init (&reader, json, strlen (json), "copy", JLN_PLAN (root), &error);
  reader.fresh_ids = TRUE;
  copy = read_document (&reader, _jln_record_get_info (self));
  reader_clear (&reader);
  if (copy == NULL)
    g_critical ("jln_record_copy: %s", error->message);
  return copy;
}
