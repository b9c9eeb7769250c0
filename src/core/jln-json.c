/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "jln-json.h"
#include "jln-record-private.h"

/* Limits that keep a hostile or broken file from exhausting memory or
 * the stack; real plans are far below them. */
#define MAX_FILE_SIZE   (256 * 1024 * 1024)
#define MAX_DEPTH       32
#define MAX_TEXT_LENGTH (1024 * 1024)

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
      GListModel *children = jln_record_get_children (record, info->children[i]);
      guint n = g_list_model_get_n_items (children);

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

typedef struct
{
  JlnPlan    *plan;          /* where references may also point; NULL while reading a plan */
  const char *filename;
  GPtrArray  *pending_refs;  /* PendingRef */
  GHashTable *seen;          /* id → record read from this input */
} ReadContext;

static JlnRecord *
resolve_in_context (const char *id,
                    gpointer    user_data)
{
  ReadContext *ctx = user_data;
  JlnRecord *record = g_hash_table_lookup (ctx->seen, id);

  if (record == NULL && ctx->plan != NULL)
    record = jln_plan_lookup (ctx->plan, id);
  return record;
}

typedef struct
{
  JlnRecord      *record;
  const JlnField *field;
  char           *ids;       /* canonical JSON array text */
  char           *path;
} PendingRef;

static void
pending_ref_free (PendingRef *ref)
{
  g_free (ref->ids);
  g_free (ref->path);
  g_free (ref);
}

static gboolean
fail (ReadContext  *ctx,
      const char   *path,
      GError      **error,
      const char   *message)
{
  g_set_error (error, JLN_ERROR, JLN_ERROR_INVALID, "%s: %s: %s",
               ctx->filename, path, message);
  return FALSE;
}

static const char *
node_type_name (JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      return _("an object");
    case JSON_NODE_ARRAY:
      return _("a list");
    case JSON_NODE_NULL:
      return _("null");
    case JSON_NODE_VALUE:
    default:
      if (json_node_get_value_type (node) == G_TYPE_STRING)
        return _("a text");
      if (json_node_get_value_type (node) == G_TYPE_BOOLEAN)
        return _("true or false");
      return _("a number");
    }
}

static gboolean
fail_type (ReadContext  *ctx,
           const char   *path,
           JsonNode     *node,
           const char   *expected,
           GError      **error)
{
  /* Translators: “expected” is like “a text”, the second %s like “a number”. */
  g_autofree char *message = g_strdup_printf (_("expected %s, found %s"), expected, node_type_name (node));

  return fail (ctx, path, error, message);
}

static gboolean
is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

static gboolean
check_string (ReadContext  *ctx,
              const char   *path,
              JsonNode     *node,
              GError      **error)
{
  if (!is_string (node))
    return fail_type (ctx, path, node, _("a text"), error);
  if (strlen (json_node_get_string (node)) > MAX_TEXT_LENGTH)
    return fail (ctx, path, error, _("the text is longer than a plan can hold (1 MB)"));
  return TRUE;
}

static gboolean
read_text (ReadContext  *ctx,
           const char   *path,
           JsonNode     *node,
           JlnText      *text,
           GError      **error)
{
  JsonObject *object;
  g_autoptr(GList) members = NULL;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail_type (ctx, path, node, _("an object like {\"fr\": …, \"en\": …}"), error);

  object = json_node_get_object (node);
  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *lang = l->data;
      JsonNode *value = json_object_get_member (object, lang);
      g_autofree char *sub = g_strdup_printf ("%s.%s", path, lang);
      char **slot;

      if (strcmp (lang, "fr") == 0)
        slot = &text->fr;
      else if (strcmp (lang, "en") == 0)
        slot = &text->en;
      else
        return fail (ctx, sub, error, _("only the languages “fr” and “en” are known"));
      if (!check_string (ctx, sub, value, error))
        return FALSE;
      jln_set_str (slot, json_node_get_string (value)[0] != '\0' ? json_node_get_string (value) : NULL);
    }
  return TRUE;
}

static char *
string_array_to_canonical (ReadContext  *ctx,
                           const char   *path,
                           JsonNode     *node,
                           GError      **error)
{
  g_autoptr(JsonGenerator) generator = NULL;
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      fail_type (ctx, path, node, _("a list"), error);
      return NULL;
    }
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *sub = g_strdup_printf ("%s[%u]", path, i);

      if (!check_string (ctx, sub, json_array_get_element (array, i), error))
        return NULL;
    }
  generator = json_generator_new ();
  json_generator_set_root (generator, node);
  return json_generator_to_data (generator, NULL);
}

static gboolean
read_field (ReadContext     *ctx,
            const char      *path,
            JlnRecord       *record,
            const JlnField  *field,
            JsonNode        *node,
            GError         **error)
{
  JlnFieldRef ref = { field, -1 };
  g_autofree char *canonical = NULL;
  g_autoptr(GError) local_error = NULL;

  switch (field->type)
    {
    case JLN_FIELD_TEXT:
      return read_text (ctx, path, node, _jln_record_field_ptr (record, field), error);

    case JLN_FIELD_INT:
      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
        return fail_type (ctx, path, node, _("a whole number"), error);
      if (json_node_get_int (node) < field->min || json_node_get_int (node) > field->max)
        {
          g_autofree char *message = g_strdup_printf (_("%" G_GINT64_FORMAT " is not between %d and %d"),
                                                      json_node_get_int (node), field->min, field->max);
          return fail (ctx, path, error, message);
        }
      canonical = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
      break;

    case JLN_FIELD_DOUBLE:
      {
        char buf[G_ASCII_DTOSTR_BUF_SIZE];
        double value;

        if (!JSON_NODE_HOLDS_VALUE (node) ||
            (json_node_get_value_type (node) != G_TYPE_INT64 &&
             json_node_get_value_type (node) != G_TYPE_DOUBLE))
          return fail_type (ctx, path, node, _("a number"), error);
        value = json_node_get_double (node);
        if (!isfinite (value) || fabs (value) > 1e15)
          return fail (ctx, path, error, _("the number is too large"));
        canonical = g_strdup (g_ascii_dtostr (buf, sizeof buf, value));
        break;
      }

    case JLN_FIELD_STRV:
    case JLN_FIELD_REFS:
      canonical = string_array_to_canonical (ctx, path, node, error);
      if (canonical == NULL)
        return FALSE;
      if (field->type == JLN_FIELD_REFS)
        {
          /* Resolved once every record of the file is known. */
          PendingRef *pending = g_new0 (PendingRef, 1);

          pending->record = record;
          pending->field = field;
          pending->ids = g_steal_pointer (&canonical);
          pending->path = g_strdup (path);
          g_ptr_array_add (ctx->pending_refs, pending);
          return TRUE;
        }
      break;

    default:
      if (!check_string (ctx, path, node, error))
        return FALSE;
      canonical = g_strdup (json_node_get_string (node));
      break;
    }

  if (!_jln_record_field_from_string (record, &ref, canonical, NULL, NULL, FALSE, &local_error))
    return fail (ctx, path, error, local_error->message);
  return TRUE;
}

static JlnRecord *
read_record (ReadContext        *ctx,
             const char         *path,
             JsonNode           *node,
             const JlnKindInfo  *info,
             guint               depth,
             GError            **error);

static gboolean
read_children (ReadContext        *ctx,
               const char         *path,
               JlnRecord          *parent,
               JsonNode           *node,
               const JlnKindInfo  *info,
               guint               depth,
               GError            **error)
{
  g_autoptr(GPtrArray) children = g_ptr_array_new_with_free_func (g_object_unref);
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail_type (ctx, path, node, _("a list"), error);

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *sub = g_strdup_printf ("%s[%u]", path, i);
      JlnRecord *child = read_record (ctx, sub, json_array_get_element (array, i), info, depth + 1, error);

      if (child == NULL)
        return FALSE;
      _jln_record_set_parent (child, parent);
      g_ptr_array_add (children, child);
    }
  g_list_store_splice (_jln_record_get_store (parent, info->kind), 0, 0,
                       children->pdata, children->len);
  return TRUE;
}

static JlnRecord *
read_record (ReadContext        *ctx,
             const char         *path,
             JsonNode           *node,
             const JlnKindInfo  *info,
             guint               depth,
             GError            **error)
{
  g_autoptr(JlnRecord) record = NULL;
  g_autoptr(GList) members = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonObject *object;
  JsonNode *id_node;
  const char *id;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      fail_type (ctx, path, node, _("an object"), error);
      return NULL;
    }
  object = json_node_get_object (node);

  id_node = json_object_get_member (object, "id");
  if (id_node == NULL)
    {
      fail (ctx, path, error, _("the member “id” is missing"));
      return NULL;
    }
  if (!is_string (id_node) || !g_uuid_string_is_valid (json_node_get_string (id_node)))
    {
      g_autofree char *sub = g_strdup_printf ("%s.id", path);

      fail (ctx, sub, error, _("an id must be a UUID like “3f2b…-…”"));
      return NULL;
    }
  id = json_node_get_string (id_node);
  if (resolve_in_context (id, ctx) != NULL)
    {
      g_autofree char *sub = g_strdup_printf ("%s.id", path);
      g_autofree char *message = g_strdup_printf (_("the id “%s” is used twice"), id);

      fail (ctx, sub, error, message);
      return NULL;
    }

  if (info->kind == JLN_KIND_PLAN)
    record = JLN_RECORD (_jln_plan_new_with_id (id));
  else
    record = _jln_record_new (info->kind, id);
  /* The key is the record's own id, which lives as long as the record. */
  g_hash_table_insert (ctx->seen, (gpointer) jln_record_get_id (record), record);

  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *name = l->data;
      JsonNode *value = json_object_get_member (object, name);
      g_autofree char *sub = g_strdup_printf ("%s.%s", path, name);
      const JlnKindInfo *child_info = NULL;
      gboolean found = FALSE;

      if (strcmp (name, "id") == 0)
        continue;
      if (info->kind == JLN_KIND_PLAN && (strcmp (name, "format") == 0 || strcmp (name, "version") == 0))
        continue;

      for (guint i = 0; i < info->n_fields && !found; i++)
        if (strcmp (info->fields[i].name, name) == 0)
          {
            if (!read_field (ctx, sub, record, &info->fields[i], value, error))
              return NULL;
            found = TRUE;
          }

      for (guint i = 0; i < info->n_children && !found; i++)
        {
          child_info = _jln_kind_info (info->children[i]);
          if (strcmp (child_info->list_key, name) == 0)
            {
              if (!read_children (ctx, sub, record, value, child_info, depth, error))
                return NULL;
              found = TRUE;
            }
        }

      if (!found)
        {
          g_autofree char *message = g_strdup_printf (_("a %s has no member “%s”"), info->name, name);

          fail (ctx, sub, error, message);
          return NULL;
        }
    }

  if (!_jln_record_check_required (record, &local_error))
    {
      fail (ctx, path, error, local_error->message);
      return NULL;
    }

  return g_steal_pointer (&record);
}

static gboolean
resolve_refs (ReadContext  *ctx,
              GError      **error)
{
  for (guint i = 0; i < ctx->pending_refs->len; i++)
    {
      PendingRef *pending = g_ptr_array_index (ctx->pending_refs, i);
      JlnFieldRef ref = { pending->field, -1 };
      g_autoptr(GError) local_error = NULL;

      if (!_jln_record_field_from_string (pending->record, &ref, pending->ids,
                                          resolve_in_context, ctx, FALSE, &local_error))
        return fail (ctx, pending->path, error, local_error->message);
    }
  return TRUE;
}

/* json-glib parses recursively: refuse deep nesting before it does, and
 * find invalid UTF-8 and NUL bytes with their line and column. */
static gboolean
precheck (const char  *data,
          gsize        length,
          const char  *filename,
          GError     **error)
{
  const char *end;
  guint line = 1, column = 1, depth = 0;
  gboolean in_string = FALSE, escaped = FALSE;

  if (length > MAX_FILE_SIZE)
    {
      g_set_error (error, JLN_ERROR, JLN_ERROR_INVALID,
                   _("%s: the file is larger than a plan can be (256 MB)"), filename);
      return FALSE;
    }

  if (!g_utf8_validate_len (data, length, &end))
    {
      for (const char *p = data; p < end; p++)
        {
          if (*p == '\n')
            {
              line++;
              column = 1;
            }
          else if (((guchar) *p & 0xC0) != 0x80)
            column++;
        }
      g_set_error (error, JLN_ERROR, JLN_ERROR_INVALID,
                   *end == '\0' ? _("%s:%u:%u: the file contains a NUL byte")
                                : _("%s:%u:%u: the text is not valid UTF-8"),
                   filename, line, column);
      return FALSE;
    }

  line = 1;
  column = 1;
  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (c == '\n')
        {
          line++;
          column = 1;
          continue;
        }
      column++;
      if (in_string)
        {
          if (escaped)
            escaped = FALSE;
          else if (c == '\\')
            escaped = TRUE;
          else if (c == '"')
            in_string = FALSE;
          continue;
        }
      if (c == '"')
        in_string = TRUE;
      else if (c == '{' || c == '[')
        {
          if (++depth > MAX_DEPTH)
            {
              g_set_error (error, JLN_ERROR, JLN_ERROR_INVALID,
                           _("%s:%u:%u: the data is nested too deeply to be a plan"),
                           filename, line, column - 1);
              return FALSE;
            }
        }
      else if ((c == '}' || c == ']') && depth > 0)
        depth--;
    }
  return TRUE;
}

/**
 * jln_json_read_plan:
 * @filename: the name to give in messages
 *
 * Reads and checks a whole plan in the `jalons-plan` format.
 *
 * Returns: (transfer full): the plan, or %NULL with @error naming the
 *   file and the line and column or the JSON path of the problem
 */
JlnPlan *
jln_json_read_plan (const char  *data,
                    gsize        length,
                    const char  *filename,
                    GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(JlnRecord) record = NULL;
  g_autoptr(GPtrArray) pending = g_ptr_array_new_with_free_func ((GDestroyNotify) pending_ref_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  ReadContext ctx = { NULL, filename, pending, seen };
  JsonObject *root;
  JsonNode *format, *version;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (filename != NULL, NULL);

  if (!precheck (data, length, filename, error))
    return NULL;

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      /* json-glib says "<data>:LINE:COLUMN: Parse error: …" */
      const char *message = local_error->message;

      if (g_str_has_prefix (message, "<data>"))
        message += strlen ("<data>");
      else
        message = g_strconcat (": ", message, NULL);
      g_set_error (error, JLN_ERROR, JLN_ERROR_INVALID, "%s%s", filename, message);
      if (message != local_error->message + strlen ("<data>"))
        g_free ((char *) message);
      return NULL;
    }

  if (json_parser_get_root (parser) == NULL || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_set_error (error, JLN_ERROR, JLN_ERROR_INVALID,
                   _("%s: this is not a Jalons plan: the file holds no JSON object"), filename);
      return NULL;
    }
  root = json_node_get_object (json_parser_get_root (parser));
  format = json_object_get_member (root, "format");
  version = json_object_get_member (root, "version");
  if (format == NULL || !is_string (format) || strcmp (json_node_get_string (format), JLN_JSON_FORMAT) != 0)
    {
      g_set_error (error, JLN_ERROR, JLN_ERROR_INVALID,
                   _("%s: $.format: this is not a Jalons plan (“format” must be “%s”)"),
                   filename, JLN_JSON_FORMAT);
      return NULL;
    }
  if (version == NULL || !JSON_NODE_HOLDS_VALUE (version) || json_node_get_value_type (version) != G_TYPE_INT64)
    {
      g_set_error (error, JLN_ERROR, JLN_ERROR_INVALID,
                   _("%s: $.version: the format version must be a whole number"), filename);
      return NULL;
    }
  if (json_node_get_int (version) > JLN_JSON_VERSION || json_node_get_int (version) < 1)
    {
      g_set_error (error, JLN_ERROR, JLN_ERROR_TOO_NEW,
                   _("%s: $.version: format version %" G_GINT64_FORMAT " is not known to this "
                     "version of Jalons, which reads version %d"),
                   filename, json_node_get_int (version), JLN_JSON_VERSION);
      return NULL;
    }

  record = read_record (&ctx, "$", json_parser_get_root (parser), _jln_kind_info (JLN_KIND_PLAN), 0, error);
  if (record == NULL || !resolve_refs (&ctx, error))
    return NULL;

  /* The plan indexed itself when created; now the rest of it. */
  _jln_plan_index_add (JLN_PLAN (record), record);
  return JLN_PLAN (g_steal_pointer (&record));
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
  g_autoptr(GMappedFile) file = NULL;
  g_autoptr(GError) local_error = NULL;

  file = g_mapped_file_new (path, FALSE, &local_error);
  if (file == NULL)
    {
      g_set_error (error, JLN_ERROR, JLN_ERROR_IO, "%s: %s", path, local_error->message);
      return NULL;
    }
  return jln_json_read_plan (g_mapped_file_get_contents (file) ? g_mapped_file_get_contents (file) : "",
                             g_mapped_file_get_length (file), path, error);
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
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GPtrArray) pending = g_ptr_array_new_with_free_func ((GDestroyNotify) pending_ref_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(JlnRecord) record = NULL;
  ReadContext ctx = { plan, "record", pending, seen };

  if (!json_parser_load_from_data (parser, json, -1, error))
    return NULL;

  record = read_record (&ctx, "$", json_parser_get_root (parser), _jln_kind_info (kind), 0, error);
  if (record == NULL || !resolve_refs (&ctx, error))
    return NULL;
  return g_steal_pointer (&record);
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
  g_autoptr(GError) local_error = NULL;

  if (!g_file_set_contents_full (path, data, length,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0644, &local_error))
    {
      g_set_error (error, JLN_ERROR, JLN_ERROR_IO, "%s: %s", path, local_error->message);
      return FALSE;
    }
  return TRUE;
}
