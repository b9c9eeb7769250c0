/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <string.h>
#include "jln-gettext.h"
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "jln-document-private.h"
#include "jln-edit-private.h"
#include "jln-json.h"
#include "jln-merge.h"
#include "jln-record-private.h"

/* How copies of a plan come back together.
 *
 * Every plan file has its own identity (the replica table) and keeps
 * every change in its history. A change is known everywhere by its
 * identity: a digest of its history row (time to the microsecond, the
 * object's UUID, the field, the old and new values), which is the same in
 * every copy that holds it, however the copy was made: Save a Copy, or a
 * file mailed or copied outside Jalons. A file also remembers the
 * identities of the other copies' changes it has taken in (seen_changes),
 * and for each copy it was made from or merged with, how far it has seen
 * that copy's history (sync_points).
 *
 * So the changes of theirs that mine has not seen are the rows of their
 * history whose identity mine neither holds nor has seen, and the other
 * way round. Their common base is where those rows start: the old value
 * of the first unseen change of a field is its value in the base; the
 * first unseen insertion or removal of an object tells whether the base
 * had it. When the copies share no history (JSON files, or plans made
 * apart), the base is given as a file and the sides are compared with it.
 *
 * Two files with the same identity are copies made outside Jalons: since
 * changes are not told apart by the file that made them, they merge like
 * any other copies, and the merge gives mine a new identity so that from
 * then on the two are told apart. */

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* --- Identities ---------------------------------------------------------- */

static void
add_part (GChecksum  *checksum,
          const char *text)
{
  /* A mark tells an absent value from an empty one. */
  g_checksum_update (checksum, (const guchar *) (text != NULL ? "+" : "-"), 1);
  if (text != NULL)
    g_checksum_update (checksum, (const guchar *) text, strlen (text));
  g_checksum_update (checksum, (const guchar *) "", 1);
}

/* A change merged in from another copy is a change of its own: it names
 * what it took in through seen_changes, which undoing the merge forgets. */
static char *
row_identity (const JlnHistoryRow *row,
              gboolean             merged)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA1);

  if (merged)
    add_part (checksum, "merged");
  add_part (checksum, row->time);
  add_part (checksum, row->op);
  add_part (checksum, row->kind);
  add_part (checksum, row->object);
  add_part (checksum, row->field);
  add_part (checksum, row->old_value);
  add_part (checksum, row->new_value);
  return g_strdup (g_checksum_get_string (checksum));
}

/* --- One side ------------------------------------------------------------ */

enum {
  EVIDENCE_PRESENT = 1,   /* the base had the object */
  EVIDENCE_ABSENT,        /* the side inserted it */
};

typedef struct
{
  char          *base;
  JlnHistoryRow *last;
} Touch;

typedef struct
{
  JlnPlan    *plan;
  char       *name;
  char       *replica;     /* NULL for a JSON file */
  GPtrArray  *rows;        /* JlnHistoryRow, NULL for a JSON file */
  GPtrArray  *row_ids;     /* char *, the identity of each row */
  GHashTable *seen;        /* char *: identities of its rows and of those it has taken in */

  /* Since the base. */
  GHashTable *evidence;    /* id → EVIDENCE_* */
  GHashTable *existence;   /* id → JlnHistoryRow: its insertion */
  GHashTable *touched;     /* "id field" → Touch */
  GHashTable *moved;       /* id → JlnHistoryRow or NULL */
  GHashTable *dirty;       /* ids changed, inserted or moved, and their ancestors */
} Side;

static void
touch_free (Touch *touch)
{
  g_free (touch->base);
  g_free (touch);
}

static void
side_init (Side *side)
{
  side->evidence = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  side->existence = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  side->touched = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) touch_free);
  side->moved = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  side->dirty = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  side->seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

static void
side_clear (Side *side)
{
  g_clear_object (&side->plan);
  g_clear_pointer (&side->name, g_free);
  g_clear_pointer (&side->replica, g_free);
  g_clear_pointer (&side->rows, g_ptr_array_unref);
  g_clear_pointer (&side->row_ids, g_ptr_array_unref);
  g_clear_pointer (&side->seen, g_hash_table_unref);
  g_clear_pointer (&side->evidence, g_hash_table_unref);
  g_clear_pointer (&side->existence, g_hash_table_unref);
  g_clear_pointer (&side->touched, g_hash_table_unref);
  g_clear_pointer (&side->moved, g_hash_table_unref);
  g_clear_pointer (&side->dirty, g_hash_table_unref);
}

static gboolean
side_read_store (Side      *side,
                 JlnStore  *store,
                 GError   **error)
{
  g_autoptr(GHashTable) merged = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  side->replica = jln_store_get_replica (store, error);
  if (side->replica == NULL)
    return FALSE;
  side->rows = jln_store_get_history (store, NULL, error);
  if (side->rows == NULL || !jln_store_get_seen (store, side->seen, error) ||
      !jln_store_get_merged_rows (store, merged, error))
    return FALSE;
  side->row_ids = g_ptr_array_new_full (side->rows->len, g_free);
  for (guint i = 0; i < side->rows->len; i++)
    {
      JlnHistoryRow *row = g_ptr_array_index (side->rows, i);
      char *id = row_identity (row, g_hash_table_contains (merged, &row->id));

      g_ptr_array_add (side->row_ids, id);
      g_hash_table_add (side->seen, g_strdup (id));
    }
  return TRUE;
}

static gboolean
is_plan_file (const char  *path,
              gboolean    *is_sqlite,
              GError     **error)
{
  char header[16] = { 0 };
  FILE *file;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT, _("%s: no such file"), path);
      return FALSE;
    }
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL, _("%s: this is not a regular file"), path);
      return FALSE;
    }
  file = g_fopen (path, "rb");
  if (file == NULL)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "%s: %s", path, g_strerror (saved_errno));
      return FALSE;
    }
  *is_sqlite = fread (header, 1, sizeof header, file) == sizeof header &&
               memcmp (header, "SQLite format 3", 16) == 0;
  fclose (file);
  return TRUE;
}

/* Copies a plan file with its write-ahead log, which may hold changes
 * not yet in the file itself while another program has it open. */
static gboolean
copy_plan_file (const char  *from,
                const char  *to,
                GError     **error)
{
  g_autoptr(GFile) source = g_file_new_for_path (from);
  g_autoptr(GFile) target = g_file_new_for_path (to);
  g_autofree char *from_wal = g_strconcat (from, "-wal", NULL);
  g_autofree char *to_wal = g_strconcat (to, "-wal", NULL);
  g_autoptr(GFile) source_wal = g_file_new_for_path (from_wal);
  g_autoptr(GFile) target_wal = g_file_new_for_path (to_wal);

  if (!g_file_copy (source, target, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, error))
    return FALSE;
  if (g_file_test (from_wal, G_FILE_TEST_IS_REGULAR) &&
      !g_file_copy (source_wal, target_wal, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, error))
    return FALSE;
  return TRUE;
}

/* Reads a plan file or a JSON plan. A plan file is opened read-only:
 * reading another copy leaves it, and what is beside it, as it was. */
static gboolean
side_load (Side        *side,
           const char  *path,
           gboolean     with_history,
           GError     **error)
{
  g_autoptr(JlnStore) store = NULL;
  gboolean is_sqlite = FALSE;

  side->name = g_path_get_basename (path);
  if (!is_plan_file (path, &is_sqlite, error))
    return FALSE;
  if (!is_sqlite)
    {
      side->plan = jln_json_load_plan (path, error);
      return side->plan != NULL;
    }

  store = jln_store_open_full (path, JLN_STORE_OPEN_READ_ONLY, error);
  if (store == NULL ||
      (side->plan = jln_store_load (store, error)) == NULL ||
      (with_history && !side_read_store (side, store, error)))
    {
      g_prefix_error (error, "%s: ", path);
      return FALSE;
    }
  return TRUE;
}

/* --- The merge ----------------------------------------------------------- */

typedef enum
{
  OP_SET,
  OP_INSERT,
  OP_REMOVE,
} OpKind;

typedef struct
{
  OpKind         kind;
  char          *id;
  char          *field;
  char          *value;
  JlnHistoryRow *row;        /* the change of theirs it takes in, if known */
  int            conflict;   /* applied only if it is decided for theirs; -1: always */
} Op;

struct _JlnMerge
{
  JlnDocument *document;
  Side         mine;
  Side         theirs;
  JlnPlan     *base;         /* given as a file, or NULL: from the histories */
  GHashTable  *candidates;   /* ids that either side changed */
  GPtrArray   *changes;      /* JlnMergeChange */
  GPtrArray   *conflicts;    /* JlnMergeConflict */
  GPtrArray   *ops;          /* Op */
  GHashTable  *move_conflicts; /* id → conflict index + 1 */
  guint        n_theirs_moves;
  guint        n_applied;    /* changes of theirs the last build took in */
};

static void
op_free (Op *op)
{
  g_free (op->id);
  g_free (op->field);
  g_free (op->value);
  g_free (op);
}

static void
change_free (JlnMergeChange *change)
{
  g_free (change->id);
  g_free (change->label);
  g_free (change->field);
  g_free (change->old_value);
  g_free (change->new_value);
  g_free (change);
}

static void
conflict_free (JlnMergeConflict *conflict)
{
  g_free (conflict->id);
  g_free (conflict->label);
  g_free (conflict->field);
  g_free (conflict->base);
  g_free (conflict->mine);
  g_free (conflict->theirs);
  g_free (conflict->edited);
  g_free (conflict);
}

void
jln_merge_free (JlnMerge *self)
{
  if (self == NULL)
    return;
  g_clear_object (&self->document);
  side_clear (&self->mine);
  side_clear (&self->theirs);
  g_clear_object (&self->base);
  g_clear_pointer (&self->candidates, g_hash_table_unref);
  g_clear_pointer (&self->changes, g_ptr_array_unref);
  g_clear_pointer (&self->conflicts, g_ptr_array_unref);
  g_clear_pointer (&self->ops, g_ptr_array_unref);
  g_clear_pointer (&self->move_conflicts, g_hash_table_unref);
  g_free (self);
}

/* --- Records and fields -------------------------------------------------- */

static JlnRecord *
lookup (JlnPlan    *plan,
        const char *id)
{
  return plan != NULL ? jln_plan_lookup (plan, id) : NULL;
}

static const char *
kind_label (JlnKind kind)
{
  switch (kind)
    {
    case JLN_KIND_PLAN: return _("plan");
    case JLN_KIND_UNIT: return _("unit");
    case JLN_KIND_PRINCIPLE: return _("principle");
    case JLN_KIND_MILESTONE: return _("milestone");
    case JLN_KIND_OBJECTIVE: return _("objective");
    case JLN_KIND_ACTION: return _("action");
    case JLN_KIND_ITEM: return _("sub-item");
    case JLN_KIND_INDICATOR: return _("indicator");
    case JLN_KIND_TARGET: return _("target");
    case JLN_KIND_MEASUREMENT: return _("measurement");
    case JLN_KIND_NOTE: return _("progress note");
    case JLN_KIND_ITEM_NOTE: return _("progress note");
    case JLN_KIND_SECTION: return _("section");
    case JLN_N_KINDS:
    default:
      return "";
    }
}

static char *
record_name (JlnRecord *record)
{
  static const char * const keys[] = { "number", "label", "code", "year", "date", "title-en", "title-fr" };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      JlnFieldRef ref;
      g_autofree char *value = NULL;

      if (!_jln_kind_find_field (_jln_record_get_info (record), keys[i], &ref))
        continue;
      value = _jln_record_field_to_string (record, &ref);
      if (value == NULL || value[0] == '\0')
        continue;
      if (jln_record_get_kind (record) == JLN_KIND_ITEM && jln_record_get_parent (record) != NULL)
        {
          g_autofree char *parent = record_name (jln_record_get_parent (record));

          return g_strdup_printf ("%s %s", parent, value);
        }
      if (g_str_has_prefix (keys[i], "title") && g_utf8_strlen (value, -1) > 40)
        {
          g_autofree char *start = g_utf8_substring (value, 0, 40);

          return g_strconcat (start, "…", NULL);
        }
      return g_steal_pointer (&value);
    }
  return g_strdup (jln_record_get_id (record));
}

static char *
record_label (JlnRecord *record)
{
  g_autofree char *name = record_name (record);

  if (jln_record_get_kind (record) == JLN_KIND_PLAN)
    return g_strdup (kind_label (JLN_KIND_PLAN));
  /* Translators: an object of a plan, like “action 1.4”. */
  return g_strdup_printf (C_("object", "%1$s %2$s"), kind_label (jln_record_get_kind (record)), name);
}

/* The fields of a kind as edits name them, a text once per language. */
typedef struct
{
  JlnFieldRef  ref;
  char        *name;
} FieldDesc;

static GArray *
kind_fields (JlnKind kind)
{
  static GArray *fields[JLN_N_KINDS];

  if (g_once_init_enter (&fields[kind]))
    {
      const JlnKindInfo *info = _jln_kind_info (kind);
      GArray *array = g_array_new (FALSE, FALSE, sizeof (FieldDesc));

      for (guint i = 0; i < info->n_fields; i++)
        {
          int n_langs = info->fields[i].type == JLN_FIELD_TEXT ? 2 : 1;

          for (int lang = 0; lang < n_langs; lang++)
            {
              FieldDesc desc = { { &info->fields[i], info->fields[i].type == JLN_FIELD_TEXT ? lang : -1 }, NULL };

              desc.name = _jln_field_ref_name (&desc.ref);
              g_array_append_val (array, desc);
            }
        }
      g_once_init_leave (&fields[kind], array);
    }
  return fields[kind];
}

static char *
field_value (JlnRecord       *record,
             const FieldDesc *desc)
{
  char *value = _jln_record_field_to_string (record, &desc->ref);

  return value != NULL ? value : g_strdup ("");
}

static char *
touch_key (const char *id,
           const char *field)
{
  return g_strconcat (id, " ", field, NULL);
}

/* --- Changes since the base, from the histories -------------------------- */

/* Every id in a record's JSON snapshot: the record and its descendants. */
static void
collect_snapshot_ids (JsonNode   *node,
                      GPtrArray  *ids,
                      guint       depth)
{
  if (node == NULL || depth > 16)
    return;
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      JsonNode *id = json_object_get_member (object, "id");
      g_autoptr(GList) members = json_object_get_values (object);

      if (id != NULL && JSON_NODE_HOLDS_VALUE (id) && json_node_get_value_type (id) == G_TYPE_STRING)
        g_ptr_array_add (ids, g_strdup (json_node_get_string (id)));
      for (GList *l = members; l != NULL; l = l->next)
        if (JSON_NODE_HOLDS_ARRAY ((JsonNode *) l->data))
          collect_snapshot_ids (l->data, ids, depth + 1);
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        collect_snapshot_ids (json_array_get_element (array, i), ids, depth + 1);
    }
}

/* json-glib reads nested arrays and objects recursively: a snapshot read
 * from another file is parsed only when its nesting is that of a record. */
static gboolean
nesting_is_sane (const char *json)
{
  gboolean in_string = FALSE;
  int depth = 0;

  for (const char *p = json; *p != '\0'; p++)
    {
      if (in_string)
        {
          if (*p == '\\' && p[1] != '\0')
            p++;
          else if (*p == '"')
            in_string = FALSE;
        }
      else if (*p == '"')
        in_string = TRUE;
      else if (*p == '[' || *p == '{')
        {
          if (++depth > 32)
            return FALSE;
        }
      else if (*p == ']' || *p == '}')
        depth--;
    }
  return TRUE;
}

static void
note_existence (Side          *side,
                JlnHistoryRow *row,
                const char    *snapshot,
                int            evidence)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);

  if (row->object != NULL)
    g_ptr_array_add (ids, g_strdup (row->object));
  if (snapshot != NULL && nesting_is_sane (snapshot) &&
      json_parser_load_from_data (parser, snapshot, -1, NULL))
    collect_snapshot_ids (json_parser_get_root (parser), ids, 0);

  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);

      if (!g_hash_table_contains (side->evidence, id))
        g_hash_table_insert (side->evidence, g_strdup (id), GINT_TO_POINTER (evidence));
      if (evidence == EVIDENCE_ABSENT)
        g_hash_table_insert (side->existence, g_strdup (id), row);
    }
}

/* The changes of @side that @other has not seen, oldest first. */
static void
read_unseen (Side *side,
             Side *other)
{
  for (guint i = 0; i < side->rows->len; i++)
    {
      JlnHistoryRow *row = g_ptr_array_index (side->rows, i);

      if (g_hash_table_contains (other->seen, g_ptr_array_index (side->row_ids, i)) ||
          row->op == NULL || row->object == NULL)
        continue;

      if (g_str_equal (row->op, "set") && row->field != NULL)
        {
          g_autofree char *key = touch_key (row->object, row->field);
          Touch *touch = g_hash_table_lookup (side->touched, key);

          if (touch == NULL)
            {
              touch = g_new0 (Touch, 1);
              touch->base = g_strdup (row->old_value != NULL ? row->old_value : "");
              g_hash_table_insert (side->touched, g_steal_pointer (&key), touch);
            }
          touch->last = row;
        }
      else if (g_str_equal (row->op, "insert"))
        note_existence (side, row, row->new_value, EVIDENCE_ABSENT);
      else if (g_str_equal (row->op, "remove"))
        note_existence (side, row, row->old_value, EVIDENCE_PRESENT);
      else if (g_str_equal (row->op, "move"))
        g_hash_table_insert (side->moved, g_strdup (row->object), row);
    }
}

/* --- Changes since the base, from a base plan ---------------------------- */

static void
walk_records (JlnRecord *record,
              GFunc      func,
              gpointer   data)
{
  const JlnKindInfo *info = _jln_record_get_info (record);

  func (record, data);
  for (guint i = 0; i < info->n_children; i++)
    {
      GListModel *children = _jln_record_peek_children (record, info->children[i]);
      guint n = children != NULL ? g_list_model_get_n_items (children) : 0;

      for (guint j = 0; j < n; j++)
        {
          g_autoptr(JlnRecord) child = g_list_model_get_item (children, j);

          walk_records (child, func, data);
        }
    }
}

static void
add_candidate_cb (gpointer record,
                  gpointer data)
{
  JlnMerge *self = data;

  g_hash_table_add (self->candidates, g_strdup (jln_record_get_id (record)));
}

/* The children of @record that the base also has under @record's id are
 * in place when they form the longest run in the base's order; the
 * others were moved. */
static void
find_moves_cb (gpointer data,
               gpointer user_data)
{
  JlnRecord *record = data;
  JlnMerge *self = ((gpointer *) user_data)[0];
  Side *side = ((gpointer *) user_data)[1];
  JlnRecord *base_record = lookup (self->base, jln_record_get_id (record));
  const JlnKindInfo *info = _jln_record_get_info (record);

  if (base_record == NULL)
    return;
  for (guint k = 0; k < info->n_children; k++)
    {
      GListModel *children = _jln_record_peek_children (record, info->children[k]);
      guint n = children != NULL ? g_list_model_get_n_items (children) : 0;
      g_autoptr(GArray) positions = g_array_new (FALSE, FALSE, sizeof (guint));
      g_autoptr(GPtrArray) members = g_ptr_array_new ();
      g_autofree guint *tails = NULL, *links = NULL, *tail_index = NULL;
      g_autofree gboolean *in_run = NULL;
      g_autoptr(GHashTable) base_positions = g_hash_table_new (g_str_hash, g_str_equal);
      GListModel *base_children = _jln_record_peek_children (base_record, info->children[k]);
      guint n_base = base_children != NULL ? g_list_model_get_n_items (base_children) : 0;
      guint length = 0;

      for (guint j = 0; j < n_base; j++)
        {
          JlnRecord *child = g_list_model_get_item (base_children, j);

          g_hash_table_insert (base_positions, (gpointer) jln_record_get_id (child), GUINT_TO_POINTER (j + 1));
          g_object_unref (child);
        }

      for (guint j = 0; j < n; j++)
        {
          JlnRecord *child = g_list_model_get_item (children, j);
          guint position = GPOINTER_TO_UINT (g_hash_table_lookup (base_positions, jln_record_get_id (child)));

          g_object_unref (child);
          if (position-- == 0)
            continue;
          g_array_append_val (positions, position);
          g_ptr_array_add (members, child);
        }
      if (members->len == 0)
        continue;

      /* Longest increasing run of base positions, in n log n. */
      tails = g_new (guint, members->len);
      tail_index = g_new (guint, members->len);
      links = g_new (guint, members->len);
      in_run = g_new0 (gboolean, members->len);
      for (guint j = 0; j < members->len; j++)
        {
          guint value = g_array_index (positions, guint, j);
          guint lo = 0, hi = length;

          while (lo < hi)
            {
              guint mid = (lo + hi) / 2;

              if (tails[mid] < value)
                lo = mid + 1;
              else
                hi = mid;
            }
          tails[lo] = value;
          tail_index[lo] = j;
          links[j] = lo > 0 ? tail_index[lo - 1] : G_MAXUINT;
          if (lo == length)
            length++;
        }
      for (guint j = tail_index[length - 1]; j != G_MAXUINT; j = links[j])
        in_run[j] = TRUE;
      for (guint j = 0; j < members->len; j++)
        if (!in_run[j])
          g_hash_table_insert (side->moved,
                               g_strdup (jln_record_get_id (g_ptr_array_index (members, j))), NULL);
    }
}

/* --- Questions about the base -------------------------------------------- */

static gboolean
base_has (JlnMerge   *self,
          const char *id)
{
  int evidence_mine, evidence_theirs;

  if (self->base != NULL)
    return lookup (self->base, id) != NULL;

  evidence_mine = GPOINTER_TO_INT (g_hash_table_lookup (self->mine.evidence, id));
  evidence_theirs = GPOINTER_TO_INT (g_hash_table_lookup (self->theirs.evidence, id));
  if (evidence_mine == EVIDENCE_PRESENT || evidence_theirs == EVIDENCE_PRESENT)
    return TRUE;
  if (evidence_mine == EVIDENCE_ABSENT || evidence_theirs == EVIDENCE_ABSENT)
    return FALSE;
  /* Neither changed whether it exists. */
  return lookup (self->mine.plan, id) != NULL || lookup (self->theirs.plan, id) != NULL;
}

/* Whether @side changed a field of @record, which the base has, and the
 * field's value in the base. */
static gboolean
side_changed (JlnMerge         *self,
              Side             *side,
              JlnRecord        *record,
              const FieldDesc  *desc,
              const char       *value,
              char            **base_value)
{
  *base_value = NULL;
  if (self->base != NULL)
    {
      JlnRecord *base_record = lookup (self->base, jln_record_get_id (record));

      if (base_record == NULL)
        return FALSE;
      *base_value = field_value (base_record, desc);
    }
  else
    {
      g_autofree char *key = touch_key (jln_record_get_id (record), desc->name);
      Touch *touch = g_hash_table_lookup (side->touched, key);

      if (touch == NULL)
        return FALSE;
      *base_value = g_strdup (touch->base);
    }
  return g_strcmp0 (*base_value, value) != 0;
}

static gboolean
side_touched (JlnMerge   *self,
              Side       *side,
              const char *id,
              const char *field)
{
  g_autofree char *key = touch_key (id, field);

  return self->base == NULL && g_hash_table_contains (side->touched, key);
}

static JlnHistoryRow *
last_row (Side       *side,
          const char *id,
          const char *field)
{
  g_autofree char *key = touch_key (id, field);
  Touch *touch = g_hash_table_lookup (side->touched, key);

  return touch != NULL ? touch->last : NULL;
}

static void
mark_dirty (Side      *side,
            JlnRecord *record)
{
  for (; record != NULL; record = jln_record_get_parent (record))
    {
      if (g_hash_table_contains (side->dirty, jln_record_get_id (record)))
        return;
      g_hash_table_add (side->dirty, g_strdup (jln_record_get_id (record)));
    }
}

/* Marks the objects @side changed, inserted or moved, and their ancestors. */
static void
find_dirty (JlnMerge *self,
            Side     *side)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, self->candidates);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      JlnRecord *record = lookup (side->plan, key);
      GArray *fields;

      if (record == NULL)
        continue;
      if (!base_has (self, key) || g_hash_table_contains (side->moved, key))
        {
          mark_dirty (side, record);
          continue;
        }
      fields = kind_fields (jln_record_get_kind (record));
      for (guint i = 0; i < fields->len; i++)
        {
          const FieldDesc *desc = &g_array_index (fields, FieldDesc, i);
          g_autofree char *value = NULL;
          g_autofree char *base_value = NULL;

          if (self->base == NULL && !side_touched (self, side, key, desc->name))
            continue;
          value = field_value (record, desc);
          if (side_changed (self, side, record, desc, value, &base_value))
            {
              mark_dirty (side, record);
              break;
            }
        }
    }
}

/* --- Analysis ------------------------------------------------------------ */

static void
add_change (JlnMerge     *self,
            JlnMergeSide  side,
            JlnEditKind   op,
            JlnRecord    *record,
            const char   *field,
            const char   *old_value,
            const char   *new_value)
{
  JlnMergeChange *change = g_new0 (JlnMergeChange, 1);

  change->side = side;
  change->op = op;
  change->kind = jln_record_get_kind (record);
  change->id = g_strdup (jln_record_get_id (record));
  change->label = record_label (record);
  change->field = g_strdup (field);
  change->old_value = g_strdup (old_value);
  change->new_value = g_strdup (new_value);
  g_ptr_array_add (self->changes, change);
}

static int
add_conflict (JlnMerge   *self,
              JlnRecord  *record,
              const char *field,
              const char *base,
              const char *mine,
              const char *theirs)
{
  JlnMergeConflict *conflict = g_new0 (JlnMergeConflict, 1);

  conflict->kind = jln_record_get_kind (record);
  conflict->id = g_strdup (jln_record_get_id (record));
  conflict->label = record_label (record);
  conflict->field = g_strdup (field);
  conflict->base = g_strdup (base);
  conflict->mine = g_strdup (mine);
  conflict->theirs = g_strdup (theirs);
  g_ptr_array_add (self->conflicts, conflict);
  return self->conflicts->len - 1;
}

static Op *
add_op (JlnMerge      *self,
        OpKind         kind,
        const char    *id,
        const char    *field,
        const char    *value,
        JlnHistoryRow *row,
        int            conflict)
{
  Op *op = g_new0 (Op, 1);

  op->kind = kind;
  op->id = g_strdup (id);
  op->field = g_strdup (field);
  op->value = g_strdup (value);
  op->row = row;
  op->conflict = conflict;
  g_ptr_array_add (self->ops, op);
  return op;
}

/* The ids a reference field's value names. */
static char **
ref_ids (const char *value)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  JsonNode *root;

  if (value == NULL || value[0] == '\0' || !json_parser_load_from_data (parser, value, -1, NULL))
    return g_new0 (char *, 1);
  root = json_parser_get_root (parser);
  if (root != NULL && JSON_NODE_HOLDS_ARRAY (root))
    {
      JsonArray *array = json_node_get_array (root);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          const char *id = json_array_get_string_element (array, i);

          if (id != NULL)
            g_ptr_array_add (ids, g_strdup (id));
        }
    }
  g_ptr_array_add (ids, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&ids), FALSE);
}

/* Whether the merged plan will have @id: mine has it and theirs did not
 * remove it, or theirs inserted it. */
static gboolean
will_exist (JlnMerge   *self,
            const char *id)
{
  gboolean in_mine = lookup (self->mine.plan, id) != NULL;
  gboolean in_theirs = lookup (self->theirs.plan, id) != NULL;

  if (in_mine)
    return in_theirs || !base_has (self, id);
  return in_theirs && !base_has (self, id);
}

static void
merge_fields (JlnMerge  *self,
              JlnRecord *mine,
              JlnRecord *theirs,
              gboolean   in_base)
{
  GArray *fields = kind_fields (jln_record_get_kind (mine));
  const char *id = jln_record_get_id (mine);

  for (guint i = 0; i < fields->len; i++)
    {
      const FieldDesc *desc = &g_array_index (fields, FieldDesc, i);
      g_autofree char *mine_value = NULL;
      g_autofree char *theirs_value = NULL;
      g_autofree char *base_mine = NULL;
      g_autofree char *base_theirs = NULL;
      gboolean mine_changed, theirs_changed;
      const char *base_value;
      int conflict = -1;

      if (self->base == NULL && !side_touched (self, &self->mine, id, desc->name) &&
          !side_touched (self, &self->theirs, id, desc->name) && in_base)
        continue;

      mine_value = field_value (mine, desc);
      theirs_value = field_value (theirs, desc);
      if (in_base)
        {
          mine_changed = side_changed (self, &self->mine, mine, desc, mine_value, &base_mine);
          theirs_changed = side_changed (self, &self->theirs, theirs, desc, theirs_value, &base_theirs);
          base_value = base_mine != NULL ? base_mine : base_theirs != NULL ? base_theirs : mine_value;
        }
      else
        {
          /* Both inserted it, in copies of one insertion: what differs was
           * changed by the side that has history for it, or by both. */
          gboolean differ = g_strcmp0 (mine_value, theirs_value) != 0;
          gboolean mine_touched = side_touched (self, &self->mine, id, desc->name);
          gboolean theirs_touched = side_touched (self, &self->theirs, id, desc->name);

          mine_changed = differ && (mine_touched || !theirs_touched);
          theirs_changed = differ && (theirs_touched || !mine_touched);
          base_value = NULL;
        }

      /* What both sides have is no difference between them. */
      if (mine_changed && g_strcmp0 (mine_value, theirs_value) != 0)
        add_change (self, JLN_MERGE_MINE, JLN_EDIT_SET, mine, desc->name, base_value, mine_value);
      if (theirs_changed && g_strcmp0 (mine_value, theirs_value) != 0)
        add_change (self, JLN_MERGE_THEIRS, JLN_EDIT_SET, theirs, desc->name, base_value, theirs_value);
      if (!theirs_changed || g_strcmp0 (mine_value, theirs_value) == 0)
        continue;

      if (mine_changed)
        conflict = add_conflict (self, mine, desc->name, base_value, mine_value, theirs_value);
      else if (desc->ref.field->type == JLN_FIELD_REFS)
        {
          /* Theirs refers to an object mine removed. */
          g_auto(GStrv) ids = ref_ids (theirs_value);

          for (guint j = 0; ids[j] != NULL; j++)
            if (!will_exist (self, ids[j]))
              {
                conflict = add_conflict (self, mine, desc->name, base_value, mine_value, theirs_value);
                break;
              }
        }
      add_op (self, OP_SET, id, desc->name, theirs_value,
              last_row (&self->theirs, id, desc->name), conflict);
    }
}

/* Whether the merged plan would still refer to @record, which theirs
 * removed: a reference that mine keeps from outside its subtree. */
static gboolean
still_referred_to (JlnMerge  *self,
                   JlnRecord *record)
{
  g_autoptr(GPtrArray) referrers = g_ptr_array_new ();
  const char *id = jln_record_get_id (record);

  _jln_plan_count_referrers (self->mine.plan, record, referrers);
  for (guint i = 0; i < referrers->len; i++)
    {
      JlnRecord *referrer = g_ptr_array_index (referrers, i);
      JlnRecord *theirs = lookup (self->theirs.plan, jln_record_get_id (referrer));
      const JlnKindInfo *info = _jln_record_get_info (referrer);
      JlnRecord *r;

      for (r = referrer; r != NULL && r != record; r = jln_record_get_parent (r))
        ;
      if (r != NULL || !will_exist (self, jln_record_get_id (referrer)))
        continue;
      for (guint f = 0; f < info->n_fields; f++)
        {
          const FieldDesc desc = { { &info->fields[f], -1 }, (char *) info->fields[f].name };
          g_autofree char *mine_value = NULL;
          g_autofree char *theirs_value = NULL;
          g_autofree char *base_value = NULL;

          if (info->fields[f].type != JLN_FIELD_REFS)
            continue;
          mine_value = field_value (referrer, &desc);
          if (strstr (mine_value, id) == NULL)
            continue;
          /* Theirs dropped the reference, and mine did not touch it. */
          if (theirs != NULL)
            {
              g_autofree char *mine_base = NULL;

              theirs_value = field_value (theirs, &desc);
              if (side_changed (self, &self->theirs, theirs, &desc, theirs_value, &base_value) &&
                  !side_changed (self, &self->mine, referrer, &desc, mine_value, &mine_base) &&
                  strstr (theirs_value, id) == NULL)
                continue;
            }
          return TRUE;
        }
    }
  return FALSE;
}

/* Whether what theirs keeps of its plan refers to @record, which mine removed. */
static gboolean
used_by_theirs (JlnMerge  *self,
                JlnRecord *record)
{
  g_autoptr(GPtrArray) referrers = g_ptr_array_new ();

  _jln_plan_count_referrers (self->theirs.plan, record, referrers);
  for (guint i = 0; i < referrers->len; i++)
    {
      JlnRecord *referrer = g_ptr_array_index (referrers, i);
      const char *id = jln_record_get_id (referrer);

      if (lookup (self->mine.plan, id) == NULL && base_has (self, id))
        continue;   /* removed in mine too */
      if (!base_has (self, id) || g_hash_table_contains (self->theirs.dirty, id))
        return TRUE;
    }
  return FALSE;
}

static gboolean
is_referable (JlnKind kind)
{
  for (guint k = 0; k < JLN_N_KINDS; k++)
    {
      const JlnKindInfo *info = _jln_kind_info (k);

      for (guint i = 0; i < info->n_fields; i++)
        if (info->fields[i].type == JLN_FIELD_REFS && info->fields[i].ref_kind == kind)
          return TRUE;
    }
  return FALSE;
}

static int
compare_candidates (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  JlnMerge *self = user_data;
  const char *id_a = *(const char **) a, *id_b = *(const char **) b;
  JlnRecord *ra = lookup (self->mine.plan, id_a) ? lookup (self->mine.plan, id_a) : lookup (self->theirs.plan, id_a);
  JlnRecord *rb = lookup (self->mine.plan, id_b) ? lookup (self->mine.plan, id_b) : lookup (self->theirs.plan, id_b);
  int kind_a = ra != NULL ? (int) jln_record_get_kind (ra) : JLN_N_KINDS;
  int kind_b = rb != NULL ? (int) jln_record_get_kind (rb) : JLN_N_KINDS;

  if (kind_a != kind_b)
    return kind_a - kind_b;
  return strcmp (id_a, id_b);
}

static JlnRecord *
sibling_before (JlnRecord *record)
{
  JlnRecord *parent = jln_record_get_parent (record);
  guint position;

  if (parent == NULL || !jln_record_get_position (record, &position) || position == 0)
    return NULL;
  return g_list_model_get_item (jln_record_get_children (parent, jln_record_get_kind (record)),
                                position - 1);
}

static void
analyse (JlnMerge *self)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;

  find_dirty (self, &self->mine);
  find_dirty (self, &self->theirs);

  g_hash_table_iter_init (&iter, self->candidates);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (ids, key);
  g_ptr_array_sort_with_data (ids, compare_candidates, self);

  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);
      JlnRecord *mine = lookup (self->mine.plan, id);
      JlnRecord *theirs = lookup (self->theirs.plan, id);
      gboolean in_base = base_has (self, id);

      if (mine != NULL && theirs != NULL)
        {
          merge_fields (self, mine, theirs, in_base);
          if (in_base && g_hash_table_contains (self->theirs.moved, id))
            {
              g_autoptr(JlnRecord) before_mine = sibling_before (mine);
              g_autoptr(JlnRecord) before_theirs = sibling_before (theirs);
              const char *id_mine = before_mine ? jln_record_get_id (before_mine) : "";
              const char *id_theirs = before_theirs ? jln_record_get_id (before_theirs) : "";

              add_change (self, JLN_MERGE_THEIRS, JLN_EDIT_MOVE, theirs, NULL, NULL, NULL);
              self->n_theirs_moves++;
              if (g_hash_table_contains (self->mine.moved, id) && !g_str_equal (id_mine, id_theirs))
                {
                  g_autofree char *after_mine = before_mine ? record_label (before_mine) : g_strdup (_("first"));
                  g_autofree char *after_theirs = before_theirs ? record_label (before_theirs) : g_strdup (_("first"));
                  int conflict = add_conflict (self, mine, "position", NULL, after_mine, after_theirs);

                  g_hash_table_insert (self->move_conflicts, g_strdup (id), GINT_TO_POINTER (conflict + 1));
                }
            }
          if (in_base && g_hash_table_contains (self->mine.moved, id))
            add_change (self, JLN_MERGE_MINE, JLN_EDIT_MOVE, mine, NULL, NULL, NULL);
        }
      else if (mine != NULL && in_base)
        {
          JlnRecord *parent = jln_record_get_parent (mine);
          int conflict = -1;

          /* Theirs removed it; only the topmost of what it removed counts. */
          if (parent != NULL && lookup (self->theirs.plan, jln_record_get_id (parent)) == NULL)
            continue;
          add_change (self, JLN_MERGE_THEIRS, JLN_EDIT_REMOVE, mine, NULL, NULL, NULL);
          if (g_hash_table_contains (self->mine.dirty, id) ||
              (is_referable (jln_record_get_kind (mine)) && still_referred_to (self, mine)))
            {
              g_autofree char *label = record_label (mine);

              conflict = add_conflict (self, mine, NULL, label, _("changed"), NULL);
            }
          add_op (self, OP_REMOVE, id, NULL, NULL,
                  g_hash_table_lookup (self->theirs.existence, id), conflict);
        }
      else if (theirs != NULL && in_base)
        {
          JlnRecord *parent = jln_record_get_parent (theirs);
          int conflict;

          /* Mine removed it. */
          if (parent != NULL && lookup (self->mine.plan, jln_record_get_id (parent)) == NULL)
            continue;
          add_change (self, JLN_MERGE_MINE, JLN_EDIT_REMOVE, theirs, NULL, NULL, NULL);
          if (g_hash_table_contains (self->theirs.dirty, id) ||
              (is_referable (jln_record_get_kind (theirs)) && used_by_theirs (self, theirs)))
            {
              g_autofree char *label = record_label (theirs);

              conflict = add_conflict (self, theirs, NULL, label, NULL, _("changed"));
              add_op (self, OP_INSERT, id, NULL, NULL, NULL, conflict);
            }
        }
      else if (theirs != NULL)
        {
          JlnRecord *parent = jln_record_get_parent (theirs);

          /* Theirs inserted it, with its descendants. */
          if (parent != NULL && !base_has (self, jln_record_get_id (parent)))
            continue;
          add_change (self, JLN_MERGE_THEIRS, JLN_EDIT_INSERT, theirs, NULL, NULL, NULL);
          if (parent != NULL && lookup (self->mine.plan, jln_record_get_id (parent)) != NULL)
            add_op (self, OP_INSERT, id, NULL, NULL, g_hash_table_lookup (self->theirs.existence, id), -1);
        }
      else if (mine != NULL)
        {
          JlnRecord *parent = jln_record_get_parent (mine);

          if (parent != NULL && !base_has (self, jln_record_get_id (parent)))
            continue;
          add_change (self, JLN_MERGE_MINE, JLN_EDIT_INSERT, mine, NULL, NULL, NULL);
        }
    }
}

/* --- Creating a merge ---------------------------------------------------- */

/* An object is the same kind of object, under the same parent, in every
 * copy that has it: a file where it is not was not made by Jalons. */
static gboolean
check_same_objects (JlnMerge    *self,
                    const char  *theirs_path,
                    GError     **error)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, self->candidates);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      JlnRecord *records[3] = {
        lookup (self->mine.plan, key), lookup (self->theirs.plan, key), lookup (self->base, key),
      };
      JlnRecord *first = NULL;

      for (guint i = 0; i < G_N_ELEMENTS (records); i++)
        {
          JlnRecord *parent, *first_parent;

          if (records[i] == NULL)
            continue;
          if (first == NULL)
            {
              first = records[i];
              continue;
            }
          parent = jln_record_get_parent (records[i]);
          first_parent = jln_record_get_parent (first);
          if (jln_record_get_kind (records[i]) != jln_record_get_kind (first) ||
              (parent == NULL) != (first_parent == NULL) ||
              (parent != NULL && (jln_record_get_kind (parent) != jln_record_get_kind (first_parent) ||
                                  !g_str_equal (jln_record_get_id (parent), jln_record_get_id (first_parent)))))
            {
              g_autofree char *label = record_label (first);

              g_set_error (error, JLN_ERROR, JLN_ERROR_INVALID,
                           /* Translators: %1$s is a file, %2$s an object, like “action 1.4”. */
                           _("%1$s: %2$s is not the same object there: another kind of object, or "
                             "under another one; these copies cannot be merged"),
                           theirs_path, label);
              return FALSE;
            }
        }

      /* Where theirs puts a new object must be the same kind of object here. */
      if (records[1] != NULL && records[0] == NULL && jln_record_get_parent (records[1]) != NULL)
        {
          JlnRecord *parent = jln_record_get_parent (records[1]);
          JlnRecord *here = lookup (self->mine.plan, jln_record_get_id (parent));

          if (here != NULL && jln_record_get_kind (here) != jln_record_get_kind (parent))
            {
              g_autofree char *label = record_label (parent);

              g_set_error (error, JLN_ERROR, JLN_ERROR_INVALID,
                           _("%1$s: %2$s is not the same object there: another kind of object, or "
                             "under another one; these copies cannot be merged"),
                           theirs_path, label);
              return FALSE;
            }
        }
    }
  return TRUE;
}

static gboolean
share_history (Side *mine,
               Side *theirs)
{
  for (guint i = 0; i < theirs->row_ids->len; i++)
    if (g_hash_table_contains (mine->seen, g_ptr_array_index (theirs->row_ids, i)))
      return TRUE;
  return FALSE;
}

static void
add_touched_candidates (JlnMerge *self,
                        Side     *side)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, side->touched);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_hash_table_add (self->candidates, g_strndup (key, strcspn (key, " ")));
  g_hash_table_iter_init (&iter, side->evidence);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_hash_table_add (self->candidates, g_strdup (key));
  g_hash_table_iter_init (&iter, side->moved);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_hash_table_add (self->candidates, g_strdup (key));
}

/**
 * jln_merge_new:
 * @mine: the document the other copy is merged into
 * @theirs_path: the other copy: a plan file or a JSON plan
 * @base_path: (nullable): their common base, when their histories do not
 *   tell it: a plan file or a JSON plan
 *
 * Reads the other copy and finds what each side changed since their
 * common base, what merges and what conflicts. Nothing is written.
 *
 * Returns: (transfer full): the merge, or %NULL with @error
 */
JlnMerge *
jln_merge_new (JlnDocument  *mine,
               const char   *theirs_path,
               const char   *base_path,
               GError      **error)
{
  g_autoptr(JlnMerge) self = g_new0 (JlnMerge, 1);
  const char *plan_id;

  g_return_val_if_fail (JLN_IS_DOCUMENT (mine), NULL);
  g_return_val_if_fail (theirs_path != NULL, NULL);

  self->document = g_object_ref (mine);
  side_init (&self->mine);
  side_init (&self->theirs);
  self->candidates = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->changes = g_ptr_array_new_with_free_func ((GDestroyNotify) change_free);
  self->conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) conflict_free);
  self->ops = g_ptr_array_new_with_free_func ((GDestroyNotify) op_free);
  self->move_conflicts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  self->mine.plan = g_object_ref (jln_document_get_plan (mine));
  self->mine.name = g_path_get_basename (jln_document_get_path (mine));
  if (!side_read_store (&self->mine, _jln_document_get_store (mine), error))
    {
      g_prefix_error (error, "%s: ", jln_document_get_path (mine));
      return NULL;
    }
  if (!side_load (&self->theirs, theirs_path, base_path == NULL, error))
    return NULL;

  plan_id = jln_record_get_id (JLN_RECORD (self->mine.plan));
  if (g_strcmp0 (plan_id, jln_record_get_id (JLN_RECORD (self->theirs.plan))) != 0)
    {
      g_set_error (error, JLN_ERROR, JLN_ERROR_INVALID,
                   _("%s: this is not a copy of the same plan (another plan id)"), theirs_path);
      return NULL;
    }

  if (base_path != NULL)
    {
      Side base = { 0 };
      gpointer data[2];

      side_init (&base);
      if (!side_load (&base, base_path, FALSE, error))
        {
          side_clear (&base);
          return NULL;
        }
      self->base = g_steal_pointer (&base.plan);
      side_clear (&base);
      if (g_strcmp0 (plan_id, jln_record_get_id (JLN_RECORD (self->base))) != 0)
        {
          g_set_error (error, JLN_ERROR, JLN_ERROR_INVALID,
                       _("%s: this is not a copy of the same plan (another plan id)"), base_path);
          return NULL;
        }
      walk_records (JLN_RECORD (self->mine.plan), add_candidate_cb, self);
      walk_records (JLN_RECORD (self->theirs.plan), add_candidate_cb, self);
      walk_records (JLN_RECORD (self->base), add_candidate_cb, self);
      if (!check_same_objects (self, theirs_path, error))
        return NULL;
      data[0] = self;
      data[1] = &self->mine;
      walk_records (JLN_RECORD (self->mine.plan), find_moves_cb, data);
      data[1] = &self->theirs;
      walk_records (JLN_RECORD (self->theirs.plan), find_moves_cb, data);
    }
  else
    {
      if (self->theirs.rows == NULL)
        {
          g_set_error (error, JLN_ERROR, JLN_ERROR_INVALID,
                       _("%s: a JSON plan has no history: give the copy both started from with --base"),
                       theirs_path);
          return NULL;
        }
      if (!share_history (&self->mine, &self->theirs))
        {
          g_set_error (error, JLN_ERROR, JLN_ERROR_INVALID,
                       _("%s: these copies share no history: give the copy both started from with --base"),
                       theirs_path);
          return NULL;
        }
      read_unseen (&self->mine, &self->theirs);
      read_unseen (&self->theirs, &self->mine);
      add_touched_candidates (self, &self->mine);
      add_touched_candidates (self, &self->theirs);
      if (!check_same_objects (self, theirs_path, error))
        return NULL;
    }

  analyse (self);
  return g_steal_pointer (&self);
}

const char *
jln_merge_get_theirs_name (JlnMerge *self)
{
  return self->theirs.name;
}

/**
 * jln_merge_get_changes:
 *
 * Returns: (transfer none) (element-type JlnMergeChange): what each side
 *   changed since the base
 */
GPtrArray *
jln_merge_get_changes (JlnMerge *self)
{
  return self->changes;
}

guint
jln_merge_count_changes (JlnMerge     *self,
                         JlnMergeSide  side)
{
  guint count = 0;

  for (guint i = 0; i < self->changes->len; i++)
    if (((JlnMergeChange *) g_ptr_array_index (self->changes, i))->side == side)
      count++;
  return count;
}

guint
jln_merge_get_n_conflicts (JlnMerge *self)
{
  return self->conflicts->len;
}

const JlnMergeConflict *
jln_merge_get_conflict (JlnMerge *self,
                        guint     index)
{
  g_return_val_if_fail (index < self->conflicts->len, NULL);
  return g_ptr_array_index (self->conflicts, index);
}

void
jln_merge_decide (JlnMerge     *self,
                  guint         index,
                  JlnMergeSide  choice)
{
  JlnMergeConflict *conflict;

  g_return_if_fail (index < self->conflicts->len);
  conflict = g_ptr_array_index (self->conflicts, index);
  conflict->decided = TRUE;
  conflict->choice = choice;
  g_clear_pointer (&conflict->edited, g_free);
}

/**
 * jln_merge_decide_value:
 * @value: the canonical text of the value to keep, as jln_edit_new_set()
 *   takes it
 *
 * Decides a conflict of a field for a value other than mine or theirs.
 */
void
jln_merge_decide_value (JlnMerge   *self,
                        guint       index,
                        const char *value)
{
  JlnMergeConflict *conflict;

  g_return_if_fail (index < self->conflicts->len);
  g_return_if_fail (value != NULL);
  conflict = g_ptr_array_index (self->conflicts, index);
  g_return_if_fail (conflict->field != NULL && !g_str_equal (conflict->field, "position"));

  conflict->decided = TRUE;
  conflict->choice = JLN_MERGE_THEIRS;
  g_free (conflict->edited);
  conflict->edited = g_strdup (value);
}

void
jln_merge_decide_all (JlnMerge     *self,
                      JlnMergeSide  choice)
{
  for (guint i = 0; i < self->conflicts->len; i++)
    jln_merge_decide (self, i, choice);
}

/* --- Applying ------------------------------------------------------------ */

static gboolean
takes_theirs (JlnMerge *self,
              int       conflict)
{
  JlnMergeConflict *c;

  if (conflict < 0)
    return TRUE;
  c = g_ptr_array_index (self->conflicts, conflict);
  return c->decided && (c->choice == JLN_MERGE_THEIRS || c->edited != NULL);
}

typedef struct
{
  char      *replica;
  char      *name;
  gint64     seen;
  char      *last_change;
  GPtrArray *changes;      /* char *: identities taken in */
  char      *new_replica;  /* mine was a copy made outside Jalons */
  gint64     batch;
} Mark;

static void
mark_clear (gpointer data)
{
  Mark *mark = data;

  g_free (mark->replica);
  g_free (mark->name);
  g_free (mark->last_change);
  g_clear_pointer (&mark->changes, g_ptr_array_unref);
  g_free (mark->new_replica);
}

static gboolean
write_mark (JlnStore  *store,
            gint64     batch,
            gboolean   forget,
            gpointer   data,
            GError   **error)
{
  Mark *mark = data;

  if (forget)
    return jln_store_forget_seen (store, mark->batch, error);

  mark->batch = batch;
  for (guint i = 0; i < mark->changes->len; i++)
    if (!jln_store_add_seen (store, g_ptr_array_index (mark->changes, i), batch, error))
      return FALSE;
  if (mark->new_replica != NULL &&
      !jln_store_set_replica (store, mark->new_replica, error))
    return FALSE;
  return mark->replica == NULL ||
         jln_store_set_sync_point (store, mark->replica, mark->name, mark->seen,
                                   mark->last_change, error);
}

static JlnEdit *
edit_with_origin (JlnMerge      *self,
                  JlnEdit       *edit,
                  JlnHistoryRow *row)
{
  if (row != NULL && row->time != NULL)
    _jln_edit_set_origin (edit, row->time, self->theirs.replica != NULL ? self->theirs.replica : "",
                          self->theirs.name);
  return edit;
}

static int
index_of (GPtrArray  *ids,
          const char *id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_str_equal (g_ptr_array_index (ids, i), id))
      return i;
  return -1;
}

static GPtrArray *
child_ids (JlnRecord *parent,
           JlnKind    kind)
{
  GListModel *children = _jln_record_peek_children (parent, kind);
  guint n = children != NULL ? g_list_model_get_n_items (children) : 0;
  GPtrArray *ids = g_ptr_array_new_full (n, NULL);

  for (guint i = 0; i < n; i++)
    {
      JlnRecord *child = g_list_model_get_item (children, i);

      /* The plan holds a reference while the merge runs. */
      g_ptr_array_add (ids, (gpointer) jln_record_get_id (child));
      g_object_unref (child);
    }
  return ids;
}

/* The order of one list of the merged plan. The objects that stay where
 * the base had them, relative to each other, keep their order, which is
 * the same on both sides; what a side inserted or moved follows the
 * object it follows on that side. What both sides put after one object
 * is ordered by id, so that merging A into B or B into A gives one order. */
static GPtrArray *
merged_order (JlnMerge   *self,
              JlnRecord  *mine_parent,
              JlnRecord  *theirs_parent,
              JlnKind     kind,
              GHashTable *removed,
              GHashTable *placed)
{
  g_autoptr(GPtrArray) mine = child_ids (mine_parent, kind);
  g_autoptr(GPtrArray) theirs = child_ids (theirs_parent, kind);
  g_autoptr(GHashTable) stable = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) mine_blocks = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                             (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GHashTable) theirs_blocks = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                               (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) anchors = g_ptr_array_new ();
  g_autoptr(GHashTable) mine_positions = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) theirs_positions = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *order = g_ptr_array_new ();
  const char *anchor = "";

  for (guint i = 0; i < mine->len; i++)
    {
      const char *id = g_ptr_array_index (mine, i);

      if (!g_hash_table_contains (removed, id) && !g_hash_table_contains (placed, id) &&
          base_has (self, id) && !g_hash_table_contains (self->mine.moved, id))
        g_hash_table_add (stable, (gpointer) id);
    }

  g_ptr_array_add (anchors, (gpointer) "");
  for (guint i = 0; i < mine->len; i++)
    {
      const char *id = g_ptr_array_index (mine, i);
      GPtrArray *block;

      if (g_hash_table_contains (stable, id))
        {
          anchor = id;
          g_ptr_array_add (anchors, (gpointer) id);
          continue;
        }
      if (g_hash_table_contains (removed, id) || g_hash_table_contains (placed, id))
        continue;
      if ((block = g_hash_table_lookup (mine_blocks, anchor)) == NULL)
        g_hash_table_insert (mine_blocks, (gpointer) anchor, (block = g_ptr_array_new ()));
      g_ptr_array_add (block, (gpointer) id);
    }

  anchor = "";
  for (guint i = 0; i < theirs->len; i++)
    {
      const char *id = g_ptr_array_index (theirs, i);
      GPtrArray *block;

      if (g_hash_table_contains (stable, id))
        anchor = id;
      else if (g_hash_table_contains (placed, id))
        {
          if ((block = g_hash_table_lookup (theirs_blocks, anchor)) == NULL)
            g_hash_table_insert (theirs_blocks, (gpointer) anchor, (block = g_ptr_array_new ()));
          g_ptr_array_add (block, (gpointer) id);
        }
    }

  for (guint i = 0; i < mine->len; i++)
    g_hash_table_insert (mine_positions, g_ptr_array_index (mine, i), GUINT_TO_POINTER (i + 1));
  for (guint i = 0; i < theirs->len; i++)
    g_hash_table_insert (theirs_positions, g_ptr_array_index (theirs, i), GUINT_TO_POINTER (i + 1));

  for (guint a = 0; a < anchors->len; a++)
    {
      const char *at = g_ptr_array_index (anchors, a);
      GPtrArray *m = g_hash_table_lookup (mine_blocks, at);
      GPtrArray *t = g_hash_table_lookup (theirs_blocks, at);
      guint i = 0, j = 0;

      if (at[0] != '\0')
        g_ptr_array_add (order, (gpointer) at);
      /* Two runs after one object: in the order the lists that hold both
       * give them, else by id. */
      while ((m != NULL && i < m->len) || (t != NULL && j < t->len))
        {
          gboolean mine_first;

          if (m == NULL || i == m->len)
            mine_first = FALSE;
          else if (t == NULL || j == t->len)
            mine_first = TRUE;
          else
            {
              const char *x = g_ptr_array_index (m, i), *y = g_ptr_array_index (t, j);
              guint mx = GPOINTER_TO_UINT (g_hash_table_lookup (mine_positions, x));
              guint my = GPOINTER_TO_UINT (g_hash_table_lookup (mine_positions, y));
              guint tx = GPOINTER_TO_UINT (g_hash_table_lookup (theirs_positions, x));
              guint ty = GPOINTER_TO_UINT (g_hash_table_lookup (theirs_positions, y));
              gboolean in_mine = mx > 0 && my > 0, in_theirs = tx > 0 && ty > 0;

              if (in_mine && in_theirs && (mx < my) == (tx < ty))
                mine_first = mx < my;
              else if (in_mine && !in_theirs)
                mine_first = mx < my;
              else if (in_theirs && !in_mine)
                mine_first = tx < ty;
              else
                mine_first = strcmp (g_ptr_array_index (m, 0), g_ptr_array_index (t, 0)) < 0;
            }
          if (mine_first)
            g_ptr_array_add (order, g_ptr_array_index (m, i++));
          else
            g_ptr_array_add (order, g_ptr_array_index (t, j++));
        }
    }
  return order;
}

/* The field that numbers a kind of object among its siblings. */
static const char *
number_field (JlnKind kind)
{
  switch (kind)
    {
    case JLN_KIND_OBJECTIVE:
    case JLN_KIND_ACTION:
      return "number";
    case JLN_KIND_ITEM:
      return "label";
    default:
      return NULL;
    }
}

static char *
next_free_number (const char *number,
                  GHashTable *used)
{
  gsize len = strlen (number), digits = 0;

  while (digits < len && g_ascii_isdigit (number[len - digits - 1]))
    digits++;
  if (digits > 0 && digits < 9)
    {
      g_autofree char *prefix = g_strndup (number, len - digits);
      guint64 n = g_ascii_strtoull (number + len - digits, NULL, 10);

      for (;;)
        {
          g_autofree char *candidate = g_strdup_printf ("%s%" G_GUINT64_FORMAT, prefix, ++n);

          if (!g_hash_table_contains (used, candidate))
            return g_steal_pointer (&candidate);
        }
    }
  if (len == 1 && g_ascii_isalpha (number[0]))
    for (char c = number[0] + 1; g_ascii_isalpha (c); c++)
      {
        char candidate[2] = { c, '\0' };

        if (!g_hash_table_contains (used, candidate))
          return g_strdup (candidate);
      }
  for (guint n = 2;; n++)
    {
      g_autofree char *candidate = g_strdup_printf ("%s (%u)", number, n);

      if (!g_hash_table_contains (used, candidate))
        return g_steal_pointer (&candidate);
    }
}

static int
compare_for_numbers (gconstpointer a,
                     gconstpointer b,
                     gpointer      user_data)
{
  JlnMerge *self = user_data;
  const char *id_a = *(const char * const *) a, *id_b = *(const char * const *) b;
  gboolean base_a = base_has (self, id_a), base_b = base_has (self, id_b);

  if (base_a != base_b)
    return base_a ? -1 : 1;
  return base_a ? 0 : strcmp (id_a, id_b);
}

/* Numbers of one list that both sides gave to new objects: the object
 * the base had, or else the one of smallest id, keeps it. */
static void
renumber (JlnMerge  *self,
          GPtrArray *order,
          JlnKind    kind,
          JlnEdit   *group)
{
  const char *field = number_field (kind);
  g_autoptr(GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) sorted = NULL;
  JlnFieldRef ref;

  if (field == NULL || !_jln_kind_find_field (_jln_kind_info (kind), field, &ref))
    return;

  /* Objects of the base first, then new ones by id. */
  sorted = g_ptr_array_copy (order, NULL, NULL);
  g_ptr_array_sort_with_data (sorted, compare_for_numbers, self);

  for (guint i = 0; i < sorted->len; i++)
    {
      const char *id = g_ptr_array_index (sorted, i);
      JlnRecord *in_mine = lookup (self->mine.plan, id);
      JlnRecord *record = in_mine != NULL ? in_mine : lookup (self->theirs.plan, id);
      g_autofree char *number = _jln_record_field_to_string (record, &ref);
      /* 1: the base has it, 2: new in mine, 3: new in theirs. */
      int side = base_has (self, id) ? 1 : in_mine != NULL ? 2 : 3;
      int holder;

      if (number == NULL)
        continue;
      holder = GPOINTER_TO_INT (g_hash_table_lookup (used, number));
      /* Only a number that the other side gave to a new object too. */
      if (side > 1 && holder > 1 && holder != side)
        {
          g_autofree char *free_number = next_free_number (number, used);

          jln_edit_group_add (group, jln_edit_new_set (record, field, free_number));
          g_hash_table_insert (used, g_steal_pointer (&free_number), GINT_TO_POINTER (side));
        }
      else if (holder == 0)
        g_hash_table_insert (used, g_steal_pointer (&number), GINT_TO_POINTER (side));
    }
}

/* The moves that make @after, the list as it will be, into @order: the
 * objects outside the longest run that is in order on both move, each
 * after the object it follows in @order, in that order. */
static void
add_moves (JlnMerge  *self,
           GPtrArray *after,
           GPtrArray *order,
           GPtrArray *moves)
{
  g_autoptr(GHashTable) positions = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) in_run = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree guint *tails = g_new (guint, order->len + 1);
  g_autofree guint *tail_index = g_new (guint, order->len + 1);
  g_autofree guint *links = g_new (guint, order->len + 1);
  g_autofree guint *values = g_new (guint, order->len + 1);
  guint length = 0;

  if (after->len != order->len)
    return;
  for (guint i = 0; i < after->len; i++)
    g_hash_table_insert (positions, g_ptr_array_index (after, i), GUINT_TO_POINTER (i));
  for (guint i = 0; i < order->len; i++)
    {
      guint value = GPOINTER_TO_UINT (g_hash_table_lookup (positions, g_ptr_array_index (order, i)));
      guint lo = 0, hi = length;

      values[i] = value;
      while (lo < hi)
        {
          guint mid = (lo + hi) / 2;

          if (tails[mid] < value)
            lo = mid + 1;
          else
            hi = mid;
        }
      tails[lo] = value;
      tail_index[lo] = i;
      links[i] = lo > 0 ? tail_index[lo - 1] : G_MAXUINT;
      if (lo == length)
        length++;
    }
  for (guint i = length > 0 ? tail_index[length - 1] : G_MAXUINT; i != G_MAXUINT; i = links[i])
    g_hash_table_add (in_run, g_ptr_array_index (order, i));

  for (guint i = 0; i < order->len; i++)
    {
      const char *id = g_ptr_array_index (order, i);
      guint from = 0, to = 0;
      JlnRecord *record;

      if (g_hash_table_contains (in_run, id))
        continue;
      while (from < after->len && !g_str_equal (g_ptr_array_index (after, from), id))
        from++;
      g_ptr_array_remove_index (after, from);
      if (i > 0)
        {
          const char *before = g_ptr_array_index (order, i - 1);

          while (to < after->len && !g_str_equal (g_ptr_array_index (after, to), before))
            to++;
          to++;
        }
      g_ptr_array_insert (after, to, (gpointer) id);
      record = lookup (self->mine.plan, id) ? lookup (self->mine.plan, id) : lookup (self->theirs.plan, id);
      g_ptr_array_add (moves, jln_edit_new_move (record, to));
    }
}

/* The merge as one group edit. */
static JlnEdit *
build_edit (JlnMerge *self)
{
  JlnEdit *group = jln_edit_new_group (_("Merge a copy"));
  g_autoptr(GHashTable) insert_ops = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) sets = g_ptr_array_new ();
  g_autoptr(GPtrArray) removes = g_ptr_array_new ();
  g_autoptr(GHashTable) removed = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) placed = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) parents = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) moves = g_ptr_array_new_with_free_func ((GDestroyNotify) jln_edit_unref);
  g_autoptr(GPtrArray) renumbers = g_ptr_array_new_with_free_func ((GDestroyNotify) jln_edit_unref);
  g_autoptr(JlnEdit) renumber_group = jln_edit_new_group (NULL);
  g_autoptr(GPtrArray) group_keys = NULL;
  GHashTableIter iter;
  gpointer key;

  self->n_applied = 0;
  for (guint i = 0; i < self->ops->len; i++)
    {
      Op *op = g_ptr_array_index (self->ops, i);

      if (!takes_theirs (self, op->conflict))
        continue;
      self->n_applied++;
      if (op->kind == OP_SET)
        g_ptr_array_add (sets, op);
      else if (op->kind == OP_REMOVE)
        {
          g_ptr_array_add (removes, op);
          g_hash_table_add (removed, op->id);
        }
      else
        {
          g_hash_table_insert (insert_ops, op->id, op);
          g_hash_table_add (placed, op->id);
        }
    }

  /* What theirs moved, where mine did not move it too (unless decided so). */
  g_hash_table_iter_init (&iter, self->theirs.moved);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      int conflict = GPOINTER_TO_INT (g_hash_table_lookup (self->move_conflicts, key)) - 1;

      if (lookup (self->mine.plan, key) == NULL || lookup (self->theirs.plan, key) == NULL ||
          !base_has (self, key) || g_hash_table_contains (removed, key))
        continue;
      if (g_hash_table_contains (self->mine.moved, key) && !(conflict >= 0 && takes_theirs (self, conflict)))
        continue;
      g_hash_table_add (placed, key);
      self->n_applied++;
    }

  /* The lists to order: those where theirs placed something. */
  g_hash_table_iter_init (&iter, placed);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      JlnRecord *theirs = lookup (self->theirs.plan, key);
      JlnRecord *parent = theirs != NULL ? jln_record_get_parent (theirs) : NULL;

      if (parent != NULL && lookup (self->mine.plan, jln_record_get_id (parent)) != NULL)
        g_hash_table_insert (parents,
                             g_strdup_printf ("%c%s", 'A' + jln_record_get_kind (theirs),
                                              jln_record_get_id (parent)),
                             parent);
    }
  group_keys = g_ptr_array_new ();
  g_hash_table_iter_init (&iter, parents);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (group_keys, key);
  g_ptr_array_sort (group_keys, compare_paths);

  for (guint g = 0; g < group_keys->len; g++)
    {
      const char *group_key = g_ptr_array_index (group_keys, g);
      JlnKind kind = group_key[0] - 'A';
      JlnRecord *theirs_parent = g_hash_table_lookup (parents, group_key);
      JlnRecord *mine_parent = lookup (self->mine.plan, jln_record_get_id (theirs_parent));
      g_autoptr(GPtrArray) current = child_ids (mine_parent, kind);
      g_autoptr(GPtrArray) order = merged_order (self, mine_parent, theirs_parent, kind, removed, placed);
      g_autoptr(GPtrArray) after = g_ptr_array_new ();
      g_autoptr(GHashTable) in_current = g_hash_table_new (g_str_hash, g_str_equal);

      /* Insertions, each after what precedes it in the merged order. */
      for (guint i = 0; i < current->len; i++)
        g_hash_table_add (in_current, g_ptr_array_index (current, i));
      for (guint i = 0; i < order->len; i++)
        {
          const char *id = g_ptr_array_index (order, i);
          JlnRecord *theirs;
          g_autofree char *snapshot = NULL;
          int position = 0;
          JlnEdit *edit;
          Op *op;

          if (g_hash_table_contains (in_current, id))
            continue;
          for (int j = i - 1; j >= 0; j--)
            if (g_hash_table_contains (in_current, g_ptr_array_index (order, j)))
              {
                position = index_of (current, g_ptr_array_index (order, j)) + 1;
                break;
              }
          theirs = lookup (self->theirs.plan, id);
          snapshot = jln_json_write_record (theirs);
          edit = _jln_edit_new_insert_snapshot (mine_parent, snapshot, kind, position);
          if ((op = g_hash_table_lookup (insert_ops, id)) != NULL)
            edit_with_origin (self, edit, op->row);
          jln_edit_group_add (group, edit);
          g_ptr_array_insert (current, position, (gpointer) id);
          g_hash_table_add (in_current, (gpointer) id);
        }

      /* Then, once removals are done, the fewest moves that give the
       * merged order: what keeps its order (the longest run) stays. */
      for (guint i = 0; i < current->len; i++)
        if (!g_hash_table_contains (removed, g_ptr_array_index (current, i)))
          g_ptr_array_add (after, g_ptr_array_index (current, i));
      add_moves (self, after, order, moves);
      renumber (self, order, kind, renumber_group);
    }

  for (guint i = 0; i < sets->len; i++)
    {
      Op *op = g_ptr_array_index (sets, i);
      JlnRecord *record = lookup (self->mine.plan, op->id);

      JlnMergeConflict *conflict = op->conflict >= 0 ? g_ptr_array_index (self->conflicts, op->conflict) : NULL;

      if (record == NULL)
        continue;
      /* A value a person wrote is a change of this plan, made now. */
      if (conflict != NULL && conflict->edited != NULL)
        jln_edit_group_add (group, jln_edit_new_set (record, op->field, conflict->edited));
      else
        jln_edit_group_add (group, edit_with_origin (self, jln_edit_new_set (record, op->field, op->value),
                                                     op->row));
    }

  /* Removals: what refers to others first, and only the topmost. */
  for (int k = JLN_N_KINDS - 1; k >= 0; k--)
    for (guint i = 0; i < removes->len; i++)
      {
        Op *op = g_ptr_array_index (removes, i);
        JlnRecord *record = lookup (self->mine.plan, op->id);
        JlnRecord *ancestor;

        if (record == NULL || (int) jln_record_get_kind (record) != k)
          continue;
        for (ancestor = jln_record_get_parent (record);
             ancestor != NULL && !g_hash_table_contains (removed, jln_record_get_id (ancestor));
             ancestor = jln_record_get_parent (ancestor))
          ;
        if (ancestor == NULL)
          jln_edit_group_add (group, edit_with_origin (self, jln_edit_new_remove (record), op->row));
      }

  for (guint i = 0; i < moves->len; i++)
    jln_edit_group_add (group, jln_edit_ref (g_ptr_array_index (moves, i)));
  for (guint i = 0; i < renumber_group->edits->len; i++)
    jln_edit_group_add (group, jln_edit_ref (g_ptr_array_index (renumber_group->edits, i)));
  return group;
}

/**
 * jln_merge_apply:
 * @n_applied: (out) (optional): how many changes of theirs were taken in
 *
 * Applies the merge to the document as one edit, undoable, recorded in
 * the history with the time and origin of each change taken from
 * theirs. Every conflict must be decided first.
 */
gboolean
jln_merge_apply (JlnMerge  *self,
                 guint     *n_applied,
                 GError   **error)
{
  g_autoptr(JlnEdit) edit = NULL;
  Mark *mark;
  GHashTableIter iter;
  gpointer key;

  for (guint i = 0; i < self->conflicts->len; i++)
    if (!((JlnMergeConflict *) g_ptr_array_index (self->conflicts, i))->decided)
      {
        g_set_error_literal (error, JLN_ERROR, JLN_ERROR_INVALID,
                             _("Some conflicts are not decided: nothing was merged"));
        return FALSE;
      }

  edit = build_edit (self);

  mark = g_rc_box_new0 (Mark);
  mark->replica = g_strdup (self->theirs.replica);
  mark->name = g_strdup (self->theirs.name);
  mark->changes = g_ptr_array_new_with_free_func (g_free);
  if (self->theirs.rows != NULL)
    {
      mark->seen = self->theirs.rows->len;
      if (self->theirs.row_ids->len > 0)
        mark->last_change = g_strdup (g_ptr_array_index (self->theirs.row_ids,
                                                         self->theirs.row_ids->len - 1));
      g_hash_table_iter_init (&iter, self->theirs.seen);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        if (!g_hash_table_contains (self->mine.seen, key))
          g_ptr_array_add (mark->changes, g_strdup (key));
      if (g_strcmp0 (self->mine.replica, self->theirs.replica) == 0)
        mark->new_replica = g_uuid_string_random ();
    }
  _jln_edit_set_mark (edit, write_mark, mark, mark_clear, FALSE);
  g_rc_box_release_full (mark, mark_clear);

  if (n_applied != NULL)
    *n_applied = self->n_applied;
  return jln_document_apply (self->document, edit, error);
}

/* --- Save a Copy --------------------------------------------------------- */

/* The copy at @copy_path, just written from @source, gets its own
 * identity and records how far it has seen the history of @source. */
gboolean
_jln_merge_mark_copy (JlnStore    *source,
                      const char  *source_path,
                      const char  *copy_path,
                      GError     **error)
{
  g_autoptr(JlnStore) copy = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *replica = NULL;
  g_autofree char *new_replica = g_uuid_string_random ();
  g_autofree char *name = g_path_get_basename (source_path);
  g_autofree char *last = NULL;

  replica = jln_store_get_replica (source, error);
  if (replica == NULL)
    return FALSE;
  rows = jln_store_get_history (source, NULL, error);
  if (rows == NULL)
    return FALSE;
  if (rows->len > 0)
    {
      g_autoptr(GHashTable) merged = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      JlnHistoryRow *row = g_ptr_array_index (rows, rows->len - 1);

      if (!jln_store_get_merged_rows (source, merged, error))
        return FALSE;
      last = row_identity (row, g_hash_table_contains (merged, &row->id));
    }

  copy = jln_store_open (copy_path, error);
  if (copy == NULL ||
      !jln_store_begin (copy, error) ||
      !jln_store_set_replica (copy, new_replica, error) ||
      !jln_store_set_sync_point (copy, replica, name, rows->len, last, error) ||
      !jln_store_commit (copy, error))
    return FALSE;
  return TRUE;
}

/* --- Values for people --------------------------------------------------- */

/**
 * jln_merge_describe_value:
 *
 * Returns: (transfer full): @value as the command line prints it: “—”
 *   when empty, on one line, without control characters
 */
char *
jln_merge_describe_value (const char *value)
{
  GString *out;

  if (value == NULL || value[0] == '\0')
    return g_strdup ("—");
  out = g_string_new (NULL);
  for (const char *p = value; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        break;
      if (c == '\n' || c == '\t' || c == '\r')
        g_string_append_c (out, ' ');
      else if (!g_unichar_iscntrl (c) && g_unichar_type (c) != G_UNICODE_FORMAT)
        g_string_append_unichar (out, c);
      if (out->len > 200)
        {
          g_string_append (out, "…");
          break;
        }
    }
  return g_string_free (out, FALSE);
}

/* --- The command line ---------------------------------------------------- */

static const char *
op_word (JlnEditKind op)
{
  switch (op)
    {
    case JLN_EDIT_INSERT: return _("added");
    case JLN_EDIT_REMOVE: return _("removed");
    case JLN_EDIT_MOVE: return _("moved");
    case JLN_EDIT_SET:
    default:
      return "";
    }
}

static void
print_change (GString              *out,
              const JlnMergeChange *change)
{
  g_autofree char *label = jln_merge_describe_value (change->label);

  if (change->op == JLN_EDIT_SET)
    {
      g_autofree char *old_value = jln_merge_describe_value (change->old_value);
      g_autofree char *new_value = jln_merge_describe_value (change->new_value);

      /* Translators: “action 1.4: status: planned → done”. */
      g_string_append_printf (out, _("  %1$s: %2$s: %3$s → %4$s\n"),
                              label, change->field, old_value, new_value);
    }
  else
    /* Translators: “action 1.9: added”. */
    g_string_append_printf (out, _("  %1$s: %2$s\n"), label, op_word (change->op));
}

static void
print_conflict (GString                *out,
                const JlnMergeConflict *conflict)
{
  g_autofree char *label = jln_merge_describe_value (conflict->label);

  if (conflict->field == NULL && conflict->mine == NULL)
    /* Translators: %s is an object, like “action 1.4”. */
    g_string_append_printf (out, _("  %s: removed in mine, changed in theirs\n"), label);
  else if (conflict->field == NULL)
    g_string_append_printf (out, _("  %s: changed in mine, removed in theirs\n"), label);
  else if (g_str_equal (conflict->field, "position"))
    {
      g_autofree char *mine = jln_merge_describe_value (conflict->mine);
      g_autofree char *theirs = jln_merge_describe_value (conflict->theirs);

      /* Translators: “action 1.4: moved after action 1.2 in mine, after action 1.7 in theirs”. */
      g_string_append_printf (out, _("  %1$s: moved after %2$s in mine, after %3$s in theirs\n"),
                              label, mine, theirs);
    }
  else
    {
      g_autofree char *base = jln_merge_describe_value (conflict->base);
      g_autofree char *mine = jln_merge_describe_value (conflict->mine);
      g_autofree char *theirs = jln_merge_describe_value (conflict->theirs);

      /* Translators: “action 1.4: status: planned → done (mine) / dropped (theirs)”. */
      g_string_append_printf (out, _("  %1$s: %2$s: %3$s → %4$s (mine) / %5$s (theirs)\n"),
                              label, conflict->field, base, mine, theirs);
    }
}

static void
print_changes (GString      *out,
               JlnMerge     *merge,
               JlnMergeSide  side)
{
  for (guint i = 0; i < merge->changes->len; i++)
    {
      JlnMergeChange *change = g_ptr_array_index (merge->changes, i);

      if (change->side == side)
        print_change (out, change);
    }
}

static void
print_conflicts (GString  *out,
                 JlnMerge *merge)
{
  for (guint i = 0; i < merge->conflicts->len; i++)
    print_conflict (out, g_ptr_array_index (merge->conflicts, i));
}

static void
remove_plan_file (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_remove (path);
  g_remove (wal);
  g_remove (shm);
}

static gboolean
sync_and_rename (const char  *from,
                 const char  *to,
                 GError     **error)
{
  int fd = g_open (from, O_RDONLY, 0);
  int saved_errno;

  if (fd >= 0 && g_fsync (fd) == 0 && close (fd) == 0)
    {
      fd = -1;
      if (!g_file_test (to, G_FILE_TEST_EXISTS) && g_rename (from, to) == 0)
        return TRUE;
      if (g_file_test (to, G_FILE_TEST_EXISTS))
        {
          g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_EXIST,
                       _("%s: the file already exists; choose another name"), to);
          return FALSE;
        }
    }
  saved_errno = errno;
  if (fd >= 0)
    close (fd);
  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
               "%s: %s", to, g_strerror (saved_errno));
  return FALSE;
}

/* MINE as a plan file to merge into, at @work_path: a copy of a plan
 * file, with its own identity, or a JSON plan imported. */
static JlnDocument *
open_work_copy (const char  *mine,
                const char  *work_path,
                GError     **error)
{
  g_autoptr(JlnStore) store = NULL;
  gboolean is_sqlite = FALSE;

  if (!is_plan_file (mine, &is_sqlite, error))
    return NULL;
  if (!is_sqlite)
    return jln_document_import (mine, work_path, error);

  if (!copy_plan_file (mine, work_path, error))
    {
      g_prefix_error (error, "%s: ", mine);
      return NULL;
    }
  store = jln_store_open (work_path, error);
  if (store == NULL || !_jln_merge_mark_copy (store, mine, work_path, error))
    {
      g_prefix_error (error, "%s: ", mine);
      return NULL;
    }
  g_clear_pointer (&store, jln_store_free);
  return jln_document_open (work_path, error);
}

/**
 * jln_merge_run_command:
 * @out: receives what the command prints
 *
 * `jalons --merge=THEIRS --output=OUT [--base=BASE] [--prefer=mine|theirs] MINE`
 * and `jalons --compare=THEIRS [--base=BASE] MINE`. MINE is never changed:
 * a merge is written to OUT, and only when it succeeds.
 *
 * Returns: the exit status: 0, %JLN_MERGE_EXIT_CONFLICTS when conflicts
 *   are left undecided (nothing is written), or 1 with @error
 */
int
jln_merge_run_command (const JlnMergeCommand  *command,
                       GString                *out,
                       GError                **error)
{
  g_autoptr(JlnDocument) document = NULL;
  g_autoptr(JlnMerge) merge = NULL;
  g_autofree char *work_dir = NULL;
  g_autofree char *work_path = NULL;
  JlnMergeSide prefer = JLN_MERGE_MINE;
  guint n_applied = 0, n_kept;
  int status = 1;

  g_return_val_if_fail (command->mine != NULL && command->theirs != NULL, 1);

  if (command->prefer != NULL)
    {
      if (g_str_equal (command->prefer, "theirs"))
        prefer = JLN_MERGE_THEIRS;
      else if (!g_str_equal (command->prefer, "mine"))
        {
          g_set_error (error, JLN_ERROR, JLN_ERROR_INVALID,
                       _("--prefer=%s: use mine or theirs"), command->prefer);
          return 1;
        }
    }

  if (command->compare)
    {
      work_dir = g_dir_make_tmp ("jalons-compare-XXXXXX", error);
      if (work_dir == NULL)
        return 1;
      work_path = g_build_filename (work_dir, "mine.jalons", NULL);
    }
  else
    {
      g_autofree char *dir = NULL;
      g_autofree char *base = NULL;

      if (command->output == NULL)
        {
          g_set_error_literal (error, JLN_ERROR, JLN_ERROR_INVALID,
                               _("--merge needs --output=OUT.jalons"));
          return 1;
        }
      if (g_file_test (command->output, G_FILE_TEST_EXISTS))
        {
          g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_EXIST,
                       _("%s: the file already exists; choose another name"), command->output);
          return 1;
        }
      dir = g_path_get_dirname (command->output);
      base = g_path_get_basename (command->output);
      work_path = g_strdup_printf ("%s/.%s.%08x.part", dir, base, g_random_int ());
    }

  document = open_work_copy (command->mine, work_path, error);
  if (document == NULL)
    goto out;
  merge = jln_merge_new (document, command->theirs, command->base, error);
  if (merge == NULL)
    goto out;

  if (command->compare)
    {
      /* Translators: %s is a file name. */
      g_string_append_printf (out, _("Changes in %s (mine) since the common base:\n"),
                              command->mine);
      print_changes (out, merge, JLN_MERGE_MINE);
      g_string_append_printf (out, _("Changes in %s (theirs) since the common base:\n"), command->theirs);
      print_changes (out, merge, JLN_MERGE_THEIRS);
      if (merge->conflicts->len > 0)
        {
          g_string_append (out, _("Conflicts:\n"));
          print_conflicts (out, merge);
        }
      status = 0;
      goto out;
    }

  if (merge->conflicts->len > 0 && command->prefer == NULL)
    {
      g_string_append_printf (out,
                              dngettext (GETTEXT_PACKAGE,
                                         "%u conflict: nothing was written; decide with --prefer=mine or --prefer=theirs\n",
                                         "%u conflicts: nothing was written; decide with --prefer=mine or --prefer=theirs\n",
                                         merge->conflicts->len),
                              merge->conflicts->len);
      print_conflicts (out, merge);
      status = JLN_MERGE_EXIT_CONFLICTS;
      goto out;
    }
  jln_merge_decide_all (merge, prefer);
  if (!jln_merge_apply (merge, &n_applied, error))
    goto out;

  n_kept = jln_merge_count_changes (merge, JLN_MERGE_MINE);
  g_clear_pointer (&merge, jln_merge_free);
  g_clear_object (&document);
  if (!sync_and_rename (work_path, command->output, error))
    goto out;
  g_clear_pointer (&work_path, g_free);

  {
    g_autofree char *from_theirs = g_strdup_printf (dngettext (GETTEXT_PACKAGE, "%u change from theirs",
                                                               "%u changes from theirs", n_applied),
                                                    n_applied);

    /* Translators: “plan-east.jalons merged into out.jalons: 3 changes from theirs, 2 kept from mine”. */
    g_string_append_printf (out, _("%1$s merged into %2$s: %3$s, %4$u kept from mine\n"),
                            command->theirs, command->output, from_theirs, n_kept);
  }
  status = 0;

out:
  if (work_path != NULL)
    {
      g_clear_pointer (&merge, jln_merge_free);
      g_clear_object (&document);
      remove_plan_file (work_path);
    }
  if (work_dir != NULL)
    g_rmdir (work_dir);
  return status;
}

/* --- Synced folders ------------------------------------------------------ */

static gboolean
is_conflict_copy_name (const char *name,
                       const char *stem,
                       const char *extension)
{
  gsize stem_len = strlen (stem);
  const char *rest;

  if (!g_str_has_prefix (name, stem) || !g_str_has_suffix (name, extension))
    return FALSE;
  rest = name + stem_len;
  /* Nextcloud, ownCloud, Dropbox: “plan (conflicted copy 2026-03-02 101112).jalons”,
   * “plan (Marie's conflicted copy 2026-03-02).jalons”. */
  if (g_str_has_prefix (rest, " (") && strstr (rest, "conflicted copy") != NULL)
    return TRUE;
  /* Syncthing: “plan.sync-conflict-20260302-101112-ABCDEFG.jalons”. */
  if (g_str_has_prefix (rest, ".sync-conflict-"))
    return TRUE;
  /* ownCloud's older clients: “plan_conflict-20260302-101112.jalons”. */
  if (g_str_has_prefix (rest, "_conflict-"))
    return TRUE;
  return FALSE;
}

/**
 * jln_merge_find_conflict_copies:
 *
 * Returns: (transfer full) (element-type filename): the conflict copies
 *   of the plan at @path that a file-sync service left beside it, by name
 */
GPtrArray *
jln_merge_find_conflict_copies (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  const char *dot = strrchr (base, '.');
  g_autofree char *stem = dot != NULL && dot != base ? g_strndup (base, dot - base) : g_strdup (base);
  const char *extension = dot != NULL && dot != base ? dot : "";
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  GPtrArray *copies = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (listing == NULL)
    return copies;
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *full = NULL;

      if (g_str_equal (name, base) || !is_conflict_copy_name (name, stem, extension))
        continue;
      full = g_build_filename (dir, name, NULL);
      if (g_file_test (full, G_FILE_TEST_IS_REGULAR) && !g_file_test (full, G_FILE_TEST_IS_SYMLINK))
        g_ptr_array_add (copies, g_steal_pointer (&full));
    }
  g_ptr_array_sort (copies, compare_paths);
  return copies;
}
