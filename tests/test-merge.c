/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <sqlite3.h>
#ifdef HAVE_VALGRIND_H
#include <valgrind/valgrind.h>
#endif
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "jln-action.h"
#include "jln-changes.h"
#include "jln-check.h"
#include "jln-document-private.h"
#include "jln-json.h"
#include "jln-merge.h"
#include "jln-note.h"
#include "jln-plan.h"
#include "jln-record-private.h"

#include "jln-test-utils.h"

/* A base plan (the bundled one, with measurements added, since it has
 * none) in a temporary folder, from which copies are made. */
typedef struct
{
  char        *dir;
  char        *path;
  JlnDocument *base;
  guint        n_files;
} World;

/* The bundled plan, smaller: five actions at most per objective (those
 * the indicators name are among them) and short notes. */
static char *
write_small_plan (void)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;
  JsonObject *plan;
  JsonArray *objectives;
  char *path;
  int fd;

  g_assert_true (json_parser_load_from_file (parser, JLN_TEST_BUNDLED_PLAN, &error));
  g_assert_no_error (error);
  plan = json_node_get_object (json_parser_get_root (parser));
  json_object_set_object_member (plan, "notes", json_object_new ());
  json_object_set_string_member (json_object_get_object_member (plan, "notes"), "en", "Short notes");
  objectives = json_object_get_array_member (plan, "objectives");
  for (guint i = 0; i < json_array_get_length (objectives); i++)
    {
      JsonArray *actions = json_object_get_array_member (json_array_get_object_element (objectives, i),
                                                         "actions");

      while (json_array_get_length (actions) > 5)
        json_array_remove_element (actions, json_array_get_length (actions) - 1);
    }
  json_generator_set_root (generator, json_parser_get_root (parser));
  text = json_generator_to_data (generator, NULL);
  fd = g_file_open_tmp ("jalons-merge-plan-XXXXXX.json", &path, &error);
  g_assert_no_error (error);
  close (fd);
  g_assert_true (g_file_set_contents (path, text, -1, &error));
  g_assert_no_error (error);
  return path;
}

/* The first sub-item of the plan's actions. */
static JlnRecord *
first_item_of_plan (JlnPlan *plan)
{
  GListModel *objectives = jln_plan_get_objectives (plan);

  for (guint o = 0; o < g_list_model_get_n_items (objectives); o++)
    {
      g_autoptr(JlnObjective) objective = g_list_model_get_item (objectives, o);
      GListModel *actions = jln_objective_get_actions (objective);

      for (guint a = 0; a < g_list_model_get_n_items (actions); a++)
        {
          g_autoptr(JlnAction) action = g_list_model_get_item (actions, a);
          GListModel *items = jln_action_get_items (action);

          if (g_list_model_get_n_items (items) > 0)
            return g_list_model_get_item (items, 0);
        }
    }
  g_assert_not_reached ();
}

static void
world_setup (World         *world,
             gconstpointer  data)
{
  g_autofree char *small = write_small_plan ();
  JlnRecord *indicator;
  static const char * const dates[] = { "2021-12-31", "2022-06-30", "2022-12-31", "2023-06-30" };
  JlnRecord *milestone = jln_record_new (JLN_KIND_MILESTONE, "date", "2023-06", "kind", "other",
                                         "title-en", "Mid-term review", NULL);
  JlnPlan *plan;

  world->base = jln_test_import_plan (small, "jalons-merge-XXXXXX", &world->dir, &world->path);
  g_remove (small);
  plan = jln_document_get_plan (world->base);
  jln_test_apply (world->base, jln_edit_new_insert (JLN_RECORD (plan), milestone,
                                                    g_list_model_get_n_items (jln_plan_get_milestones (plan))));
  g_object_unref (milestone);
  indicator = jln_test_find_record (jln_plan_get_indicators (plan), "number", "1");
  g_assert_nonnull (indicator);
  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_autofree char *value = g_strdup_printf ("%u", 10 + 10 * i);
      JlnRecord *measurement = jln_record_new (JLN_KIND_MEASUREMENT, "date", dates[i], "value", value,
                                               "note-en", "measured", NULL);

      jln_test_apply (world->base, jln_edit_new_insert (indicator, measurement, i));
      g_object_unref (measurement);
    }

  /* Progress notes on an action and on a sub-item, and the sections of
   * the narrative, four of each. */
  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      JlnRecord *action = jln_test_find_action (world->base, "1.1");
      g_autoptr(JlnRecord) item = first_item_of_plan (plan);
      JlnRecord *records[] = {
        jln_record_new (JLN_KIND_NOTE, "date", dates[i], "text-en", "progress", NULL),
        jln_record_new (JLN_KIND_ITEM_NOTE, "date", dates[i], "author", "RH", NULL),
        jln_record_new (JLN_KIND_SECTION, "title-fr", "Section", "body-fr", "Texte", NULL),
      };
      JlnRecord *parents[] = { action, item, JLN_RECORD (plan) };

      for (guint r = 0; r < G_N_ELEMENTS (records); r++)
        {
          jln_test_apply (world->base, jln_edit_new_insert (parents[r], records[r], i));
          g_object_unref (records[r]);
        }
    }
}

static void
world_teardown (World         *world,
                gconstpointer  data)
{
  g_clear_object (&world->base);
  jln_test_clear_plan_dir (&world->dir, &world->path);
}

static char *
world_file (World      *world,
            const char *name)
{
  return g_strdup_printf ("%s/%u-%s", world->dir, world->n_files++, name);
}

/* A copy of @from made with Save a Copy, open. */
static JlnDocument *
save_copy (World       *world,
           JlnDocument *from,
           const char  *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = world_file (world, name);
  JlnDocument *copy;

  g_assert_true (jln_document_save_copy (from, path, &error));
  g_assert_no_error (error);
  copy = jln_document_open (path, &error);
  g_assert_no_error (error);
  return copy;
}

static char *
export_json (JlnDocument *document)
{
  g_autoptr(GBytes) bytes = jln_json_write_plan (jln_document_get_plan (document));

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static char *
export_json_file (World       *world,
                  JlnDocument *document,
                  const char  *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *json = export_json (document);
  char *path = world_file (world, name);

  g_assert_true (g_file_set_contents (path, json, -1, &error));
  g_assert_no_error (error);
  return path;
}

/* Equal plans; on failure, says where they differ rather than print both. */
#define assert_same_plan(a, b) assert_same_plan_at (__FILE__, __LINE__, a, b)

static void
assert_same_plan_at (const char *file,
                     int         line,
                     const char *a,
                     const char *b)
{
  g_auto(GStrv) lines_a = NULL;
  g_auto(GStrv) lines_b = NULL;

  if (g_strcmp0 (a, b) == 0)
    return;
  lines_a = g_strsplit (a, "\n", -1);
  lines_b = g_strsplit (b, "\n", -1);
  for (guint i = 0; lines_a[i] != NULL || lines_b[i] != NULL; i++)
    if (lines_a[i] == NULL || lines_b[i] == NULL || !g_str_equal (lines_a[i], lines_b[i]))
      {
        g_autofree char *message = g_strdup_printf ("plans differ at line %u:\n  %s\n  %s", i + 1,
                                                    lines_a[i] ? lines_a[i] : "(end)",
                                                    lines_b[i] ? lines_b[i] : "(end)");

        g_assertion_message (G_LOG_DOMAIN, file, line, "assert_same_plan", message);
        return;
      }
}

static gint64
sql_int (const char *path,
         const char *sql)
{
  sqlite3 *db;
  sqlite3_stmt *stmt;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static JlnMerge *
merge_new (JlnDocument *mine,
           JlnDocument *theirs,
           const char  *base)
{
  g_autoptr(GError) error = NULL;
  JlnMerge *merge = jln_merge_new (mine, jln_document_get_path (theirs), base, &error);

  g_assert_no_error (error);
  g_assert_nonnull (merge);
  return merge;
}

static void
merge_apply (JlnMerge *merge)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (jln_merge_apply (merge, NULL, &error));
  g_assert_no_error (error);
}

/* Merges @theirs into @mine, which must not conflict. */
static void
merge_clean (JlnDocument *mine,
             JlnDocument *theirs)
{
  g_autoptr(JlnMerge) merge = merge_new (mine, theirs, NULL);

  g_assert_cmpuint (jln_merge_get_n_conflicts (merge), ==, 0);
  merge_apply (merge);
}

/* --- Copies and their identity ------------------------------------------- */

static char *
replica_of (JlnDocument *document)
{
  g_autoptr(GError) error = NULL;
  char *replica = jln_store_get_replica (_jln_document_get_store (document), &error);

  g_assert_no_error (error);
  return replica;
}

static void
test_replica (World         *world,
              gconstpointer  data)
{
  g_autoptr(JlnDocument) copy = save_copy (world, world->base, "office.jalons");
  g_autofree char *base_replica = replica_of (world->base);
  g_autofree char *copy_replica = replica_of (copy);
  g_autoptr(GPtrArray) points = NULL;
  g_autoptr(GError) error = NULL;
  JlnSyncPoint *point;

  g_assert_true (g_uuid_string_is_valid (base_replica));
  g_assert_true (g_uuid_string_is_valid (copy_replica));
  g_assert_cmpstr (base_replica, !=, copy_replica);

  /* The copy knows which file it comes from, and how far it has seen its history. */
  points = jln_store_get_sync_points (_jln_document_get_store (copy), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (points->len, ==, 1);
  point = g_ptr_array_index (points, 0);
  g_assert_cmpstr (point->replica, ==, base_replica);
  g_assert_cmpstr (point->name, ==, "plan.jalons");
  g_assert_cmpint (point->seen, ==, sql_int (world->path, "SELECT count(*) FROM history"));
  g_assert_nonnull (point->last_change);
}

/* Removes the objects a version 1 file cannot hold: the notes and the
 * sections world_setup() added. */
static void
remove_review_records (JlnDocument *document)
{
  JlnPlan *plan = jln_document_get_plan (document);
  g_autoptr(JlnRecord) item = first_item_of_plan (plan);
  GListModel *lists[] = {
    jln_record_get_notes (jln_test_find_action (document, "1.1")),
    jln_record_get_notes (item),
    jln_plan_get_sections (plan),
  };

  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    while (g_list_model_get_n_items (lists[i]) > 0)
      {
        g_autoptr(JlnRecord) record = g_list_model_get_item (lists[i], 0);

        jln_test_apply (document, jln_edit_new_remove (record));
      }
}

/* A plan file of the format before copies had an identity opens, is
 * copied aside first, and gets one. */
static void
test_migrate (World         *world,
              gconstpointer  data)
{
  g_autoptr(JlnDocument) copy = save_copy (world, world->base, "old.jalons");
  g_autofree char *path = g_strdup (jln_document_get_path (copy));
  g_autofree char *backup = g_strconcat (path, ".v1.bak", NULL);
  g_autofree char *before = (remove_review_records (copy), export_json (copy));
  g_autofree char *after = NULL;
  g_autofree char *replica = NULL;
  g_autoptr(JlnDocument) reopened = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db;

  g_clear_object (&copy);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "DROP TABLE replica; DROP TABLE sync_points; DROP TABLE seen_changes;"
                                 " DROP TABLE history_origin; DROP TABLE notes; DROP TABLE item_notes;"
                                 " DROP TABLE sections; PRAGMA user_version = 1;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  reopened = jln_document_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sql_int (path, "PRAGMA user_version"), ==, JLN_STORE_SCHEMA_VERSION);
  g_assert_cmpint (sql_int (path, "SELECT count(*) FROM replica"), ==, 1);
  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (sql_int (backup, "PRAGMA user_version"), ==, 1);
  after = export_json (reopened);
  assert_same_plan (before, after);
  replica = replica_of (reopened);
  g_assert_true (g_uuid_string_is_valid (replica));
}

/* A copy in the format before copies had an identity merges, and is left
 * in its format. */
static void
test_old_format_theirs (World         *world,
                        gconstpointer  data)
{
  g_autoptr(JlnDocument) mine = save_copy (world, world->base, "hq.jalons");
  g_autoptr(JlnDocument) theirs = save_copy (world, world->base, "old-east.jalons");
  g_autofree char *path = g_strdup (jln_document_get_path (theirs));
  g_autoptr(JlnMerge) merge = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *status = NULL;
  sqlite3 *db;

  remove_review_records (mine);
  remove_review_records (theirs);
  jln_test_set_field (theirs, "1.4", "status", "done");
  g_clear_object (&theirs);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "DROP TABLE replica; DROP TABLE sync_points; DROP TABLE seen_changes;"
                                 " DROP TABLE history_origin; DROP TABLE notes; DROP TABLE item_notes;"
                                 " DROP TABLE sections; PRAGMA user_version = 1;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  merge = jln_merge_new (mine, path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (jln_merge_get_n_conflicts (merge), ==, 0);
  merge_apply (merge);
  status = jln_record_dup_field (jln_test_find_action (mine, "1.4"), "status");
  g_assert_cmpstr (status, ==, "done");
  g_assert_cmpint (sql_int (path, "PRAGMA user_version"), ==, 1);
}

/* --- The scenario matrix ------------------------------------------------- */

typedef enum
{
  OP_SET,
  OP_INSERT,
  OP_REMOVE,
  OP_MOVE_FIRST,
  OP_MOVE_LAST,
} Op;

typedef struct
{
  JlnKind     kind;
  const char *field;   /* a text field to set */
} KindCase;

static const KindCase kinds[] = {
  { JLN_KIND_UNIT, "name-en" },
  { JLN_KIND_PRINCIPLE, "name-en" },
  { JLN_KIND_MILESTONE, "title-en" },
  { JLN_KIND_OBJECTIVE, "title-en" },
  { JLN_KIND_ACTION, "title-en" },
  { JLN_KIND_ITEM, "title-en" },
  { JLN_KIND_INDICATOR, "title-en" },
  { JLN_KIND_TARGET, "series-en" },
  { JLN_KIND_MEASUREMENT, "note-en" },
  { JLN_KIND_NOTE, "text-en" },
  { JLN_KIND_ITEM_NOTE, "text-en" },
  { JLN_KIND_SECTION, "body-fr" },
};

typedef struct
{
  JlnRecord *best_parent;
  guint      best_count;
  JlnKind    kind;
} FindParent;

static void
find_parent_cb (gpointer data,
                gpointer user_data)
{
  JlnRecord *record = data;
  FindParent *find = user_data;
  const JlnKindInfo *info = _jln_record_get_info (record);

  for (guint i = 0; i < info->n_children; i++)
    if (info->children[i] == find->kind)
      {
        guint n = g_list_model_get_n_items (jln_record_get_children (record, find->kind));

        if (n > find->best_count)
          {
            find->best_count = n;
            find->best_parent = record;
          }
      }
}

static void
walk (JlnRecord *record,
      GFunc      func,
      gpointer   data)
{
  const JlnKindInfo *info = _jln_record_get_info (record);

  func (record, data);
  for (guint i = 0; i < info->n_children; i++)
    {
      GListModel *children = jln_record_get_children (record, info->children[i]);

      for (guint j = 0; j < g_list_model_get_n_items (children); j++)
        {
          g_autoptr(JlnRecord) child = g_list_model_get_item (children, j);

          walk (child, func, data);
        }
    }
}

/* Nothing refers to @record any more, so that it can be removed. */
static void
drop_references (JlnDocument *document,
                 JlnRecord   *record)
{
  g_autoptr(GPtrArray) referrers = g_ptr_array_new ();
  JlnPlan *plan = jln_document_get_plan (document);

  _jln_plan_count_referrers (plan, record, referrers);
  for (guint i = 0; i < referrers->len; i++)
    {
      JlnRecord *referrer = g_ptr_array_index (referrers, i);
      const JlnKindInfo *info = _jln_record_get_info (referrer);

      for (guint f = 0; f < info->n_fields; f++)
        {
          GPtrArray *refs;
          g_autoptr(GString) value = g_string_new ("[");
          gboolean found = FALSE;

          if (info->fields[f].type != JLN_FIELD_REFS)
            continue;
          refs = jln_record_get_refs (referrer, info->fields[f].name);
          for (guint r = 0; r < refs->len; r++)
            {
              if (g_ptr_array_index (refs, r) == record)
                {
                  found = TRUE;
                  continue;
                }
              g_string_append_printf (value, "%s\"%s\"", value->len > 1 ? "," : "",
                                      jln_record_get_id (g_ptr_array_index (refs, r)));
            }
          g_string_append (value, "]");
          if (found)
            jln_test_apply (document, jln_edit_new_set (referrer, info->fields[f].name, value->str));
        }
    }
}

/* Two objects of @kind among at least four siblings, that nothing refers
 * to: then a move of one is told from a move of the others, even by
 * comparing a copy with its base. */
static void
pick (World      *world,
      JlnKind     kind,
      char      **first,
      char      **second)
{
  FindParent find = { NULL, 0, kind };
  GListModel *children;
  g_autoptr(JlnRecord) one = NULL;
  g_autoptr(JlnRecord) two = NULL;

  walk (JLN_RECORD (jln_document_get_plan (world->base)), find_parent_cb, &find);
  g_assert_nonnull (find.best_parent);
  g_assert_cmpuint (find.best_count, >=, 4);
  children = jln_record_get_children (find.best_parent, kind);
  one = g_list_model_get_item (children, 1);
  two = g_list_model_get_item (children, 2);
  drop_references (world->base, one);
  drop_references (world->base, two);
  *first = g_strdup (jln_record_get_id (one));
  *second = g_strdup (jln_record_get_id (two));
}

/* @snapshot: for an insertion, the record to insert as JSON, or where
 * to keep the one made, so that another copy can insert the same. */
static void
do_op (JlnDocument    *document,
       const KindCase *kc,
       const char     *id,
       Op              op,
       const char     *value,
       char          **snapshot)
{
  JlnRecord *record = jln_plan_lookup (jln_document_get_plan (document), id);
  JlnRecord *parent;
  guint position, n;

  g_assert_nonnull (record);
  parent = jln_record_get_parent (record);
  g_assert_true (jln_record_get_position (record, &position));
  n = g_list_model_get_n_items (jln_record_get_children (parent, kc->kind));

  switch (op)
    {
    case OP_SET:
      jln_test_apply (document, jln_edit_new_set (record, kc->field, value));
      break;
    case OP_INSERT:
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(JlnRecord) copy = NULL;

        if (*snapshot != NULL)
          copy = jln_json_read_record (jln_document_get_plan (document), *snapshot, kc->kind, &error);
        else
          {
            copy = jln_record_copy (record);
            *snapshot = jln_json_write_record (copy);
          }
        g_assert_no_error (error);
        jln_test_apply (document, jln_edit_new_insert (parent, copy, position + 1));
        jln_test_apply (document, jln_edit_new_set (copy, kc->field, value));
        /* Numbered objects get the same new number on both sides. */
        if (kc->kind == JLN_KIND_ACTION || kc->kind == JLN_KIND_OBJECTIVE)
          jln_test_apply (document, jln_edit_new_set (copy, "number",
                                                      kc->kind == JLN_KIND_ACTION ? "9.99" : "99"));
        else if (kc->kind == JLN_KIND_ITEM)
          jln_test_apply (document, jln_edit_new_set (copy, "label", "x"));
        break;
      }
    case OP_REMOVE:
      jln_test_apply (document, jln_edit_new_remove (record));
      break;
    case OP_MOVE_FIRST:
      jln_test_apply (document, jln_edit_new_move (record, 0));
      break;
    case OP_MOVE_LAST:
      jln_test_apply (document, jln_edit_new_move (record, n - 1));
      break;
    default:
      g_assert_not_reached ();
    }
}

typedef struct
{
  const char *name;
  Op          mine_op;     /* -1: none */
  int         mine_on;     /* 1: the first object, 2: the second */
  Op          theirs_op;
  int         theirs_on;
  gboolean    conflict;    /* one conflict; then the sides made only that change */
} Scenario;

#define NONE ((Op) -1)

static const Scenario scenarios[] = {
  { "set-theirs", NONE, 0, OP_SET, 1, FALSE },
  { "set-mine", OP_SET, 1, NONE, 0, FALSE },
  { "set-both", OP_SET, 1, OP_SET, 2, FALSE },
  { "set-both-same", OP_SET, 1, OP_SET, 1, TRUE },       /* different values */
  { "insert-theirs", NONE, 0, OP_INSERT, 1, FALSE },
  { "insert-mine", OP_INSERT, 1, NONE, 0, FALSE },
  { "insert-both", OP_INSERT, 1, OP_INSERT, 2, FALSE },
  { "remove-theirs", NONE, 0, OP_REMOVE, 1, FALSE },
  { "remove-mine", OP_REMOVE, 1, NONE, 0, FALSE },
  { "remove-both", OP_REMOVE, 1, OP_REMOVE, 2, FALSE },
  { "remove-both-same", OP_REMOVE, 1, OP_REMOVE, 1, FALSE },
  { "set-mine-remove-theirs", OP_SET, 1, OP_REMOVE, 1, TRUE },
  { "remove-mine-set-theirs", OP_REMOVE, 1, OP_SET, 1, TRUE },
  { "move-theirs", NONE, 0, OP_MOVE_FIRST, 2, FALSE },
  { "move-mine", OP_MOVE_LAST, 1, NONE, 0, FALSE },
  { "move-both", OP_MOVE_LAST, 1, OP_MOVE_FIRST, 2, FALSE },
  { "move-both-same", OP_MOVE_FIRST, 2, OP_MOVE_FIRST, 2, FALSE },
  { "move-both-apart", OP_MOVE_FIRST, 1, OP_MOVE_LAST, 1, TRUE },
};

typedef struct
{
  const KindCase *kind;
  const Scenario *scenario;
  gboolean        json;       /* JSON copies with a base given */
} MatrixCase;

static void
apply_side (JlnDocument    *document,
            const KindCase *kc,
            Op              op,
            int             on,
            const char     *first,
            const char     *second,
            const char     *value,
            char          **snapshot)
{
  if (op == NONE)
    return;
  do_op (document, kc, on == 1 ? first : second, op, value, snapshot);
}

/* What a person expects of the merged plan: both sides' changes. */
static void
check_numbers_unique (JlnDocument *document,
                      JlnKind      kind)
{
  FindParent find = { NULL, 0, kind };
  const char *field = kind == JLN_KIND_ITEM ? "label" : "number";
  g_autoptr(GHashTable) numbers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GListModel *children;

  if (kind != JLN_KIND_ACTION && kind != JLN_KIND_ITEM && kind != JLN_KIND_OBJECTIVE)
    return;
  walk (JLN_RECORD (jln_document_get_plan (document)), find_parent_cb, &find);
  children = jln_record_get_children (find.best_parent, kind);
  for (guint i = 0; i < g_list_model_get_n_items (children); i++)
    {
      g_autoptr(JlnRecord) child = g_list_model_get_item (children, i);
      char *number = jln_record_dup_field (child, field);

      g_assert_false (g_hash_table_contains (numbers, number));
      g_hash_table_add (numbers, number);
    }
}

static void
run_matrix_case (World            *world,
                 const MatrixCase *mc)
{
  const KindCase *kc = mc->kind;
  const Scenario *sc = mc->scenario;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autoptr(JlnDocument) mine = NULL;
  g_autoptr(JlnDocument) theirs = NULL;
  g_autoptr(JlnDocument) expected = NULL;
  g_autoptr(JlnDocument) merged = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected_json = NULL;
  g_autofree char *merged_json = NULL;
  g_autofree char *base_json = NULL;
  gboolean both_inserted = sc->mine_op == OP_INSERT && sc->theirs_op == OP_INSERT;
  g_autofree char *mine_snapshot = NULL;
  g_autofree char *theirs_snapshot = NULL;

  pick (world, kc->kind, &first, &second);
  mine = save_copy (world, world->base, "mine.jalons");
  theirs = save_copy (world, world->base, "theirs.jalons");
  expected = save_copy (world, world->base, "expected.jalons");
  if (mc->json)
    base_json = export_json_file (world, world->base, "base.json");

  apply_side (mine, kc, sc->mine_op, sc->mine_on, first, second, "Changed in mine", &mine_snapshot);
  apply_side (theirs, kc, sc->theirs_op, sc->theirs_on, first, second, "Changed in theirs",
              &theirs_snapshot);
  if (!sc->conflict)
    {
      apply_side (expected, kc, sc->mine_op, sc->mine_on, first, second, "Changed in mine",
                  &mine_snapshot);
      if (sc->theirs_op != sc->mine_op || sc->theirs_on != sc->mine_on)
        apply_side (expected, kc, sc->theirs_op, sc->theirs_on, first, second, "Changed in theirs",
                    &theirs_snapshot);
    }

  for (int prefer = sc->conflict ? 0 : 1; prefer < 3; prefer++)
    {
      JlnMergeCommand command = { 0 };
      g_autoptr(GString) out = g_string_new (NULL);
      g_autofree char *output = world_file (world, "merged.jalons");
      g_autofree char *mine_path = NULL;
      g_autofree char *theirs_path = NULL;
      int status;

      if (prefer == 0 && !sc->conflict)
        continue;
      if (mc->json)
        {
          mine_path = export_json_file (world, mine, "mine.json");
          theirs_path = export_json_file (world, theirs, "theirs.json");
        }
      command.mine = mc->json ? mine_path : jln_document_get_path (mine);
      command.theirs = mc->json ? theirs_path : jln_document_get_path (theirs);
      command.base = base_json;
      command.output = output;
      command.prefer = prefer == 0 ? NULL : prefer == 1 ? "theirs" : "mine";
      status = jln_merge_run_command (&command, out, &error);
      g_assert_no_error (error);

      if (prefer == 0)
        {
          /* Conflicts and no choice: nothing is written, each conflict is told. */
          g_assert_cmpint (status, ==, JLN_MERGE_EXIT_CONFLICTS);
          g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));
          g_assert_nonnull (strstr (out->str, "1 conflict"));
          continue;
        }
      g_assert_cmpint (status, ==, 0);
      g_assert_nonnull (strstr (out->str, "merged into"));
      merged = jln_document_open (output, &error);
      g_assert_no_error (error);
      merged_json = export_json (merged);
      g_clear_object (&merged);

      if (sc->conflict)
        expected_json = export_json (prefer == 1 ? theirs : mine);
      else
        expected_json = export_json (expected);

      if (both_inserted)
        {
          /* Both insertions kept, one after each object, numbers told apart. */
          g_autoptr(JlnDocument) reopened = jln_document_open (output, &error);

          g_assert_no_error (error);
          g_assert_cmpuint (jln_plan_get_n_records (jln_document_get_plan (reopened)), ==,
                            jln_plan_get_n_records (jln_document_get_plan (expected)));
          check_numbers_unique (reopened, kc->kind);
        }
      else
        assert_same_plan (merged_json, expected_json);
      g_clear_pointer (&merged_json, g_free);
      g_clear_pointer (&expected_json, g_free);
      if (!sc->conflict)
        break;
    }
}

static void
test_matrix (World         *world,
             gconstpointer  data)
{
  const KindCase *kc = data;

  for (guint s = 0; s < G_N_ELEMENTS (scenarios); s++)
    for (int json = 0; json < 2; json++)
      {
        MatrixCase mc = { kc, &scenarios[s], json };

        g_test_message ("%s, %s", scenarios[s].name, json ? "JSON with a base" : "plan files");
        run_matrix_case (world, &mc);
      }
}

/* --- History, undo, same copy twice -------------------------------------- */

static JlnHistoryRow *
last_history_row (JlnDocument *document,
                  GPtrArray  **rows_out)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *rows = jln_document_get_history (document, NULL, &error);

  g_assert_no_error (error);
  *rows_out = rows;
  return rows->len > 0 ? g_ptr_array_index (rows, rows->len - 1) : NULL;
}

static void
test_history (World         *world,
              gconstpointer  data)
{
  g_autoptr(JlnDocument) mine = save_copy (world, world->base, "hq.jalons");
  g_autoptr(JlnDocument) theirs = save_copy (world, world->base, "east.jalons");
  g_autoptr(GPtrArray) theirs_rows = NULL;
  g_autoptr(GPtrArray) mine_rows = NULL;
  g_autoptr(GPtrArray) again_rows = NULL;
  g_autofree char *theirs_time = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after_once = NULL;
  g_autofree char *after_twice = NULL;
  g_autofree char *origin = NULL;
  g_autofree char *origin_name = NULL;
  g_autofree char *theirs_replica = replica_of (theirs);
  g_autoptr(GError) error = NULL;
  JlnHistoryRow *row;
  gint64 n_rows;

  jln_test_set_field (theirs, "1.4", "status", "done");
  theirs_time = g_strdup (last_history_row (theirs, &theirs_rows)->time);
  jln_test_set_field (mine, "2.1", "title-en", "Headquarters' title");
  before = export_json (mine);

  merge_clean (mine, theirs);
  after_once = export_json (mine);
  g_assert_cmpstr (before, !=, after_once);
  {
    g_autofree char *status = jln_record_dup_field (jln_test_find_action (mine, "1.4"), "status");

    g_assert_cmpstr (status, ==, "done");
  }

  /* The merged change keeps its time and names the copy it comes from. */
  row = last_history_row (mine, &mine_rows);
  g_assert_cmpstr (row->field, ==, "status");
  g_assert_cmpstr (row->time, ==, theirs_time);
  origin = jln_store_get_history_origin (_jln_document_get_store (mine), row->id, &origin_name);
  g_assert_cmpstr (origin, ==, theirs_replica);
  {
    g_autofree char *theirs_name = g_path_get_basename (jln_document_get_path (theirs));

    g_assert_cmpstr (origin_name, ==, theirs_name);
  }

  /* "Changes since…" says where the merged change comes from. */
  {
    g_autoptr(GDateTime) since = g_date_time_new_from_iso8601 ("2000-01-01T00:00:00Z", NULL);
    g_autoptr(GPtrArray) changes = jln_document_get_changes (mine, since, &error);
    g_autofree char *theirs_name = g_path_get_basename (jln_document_get_path (theirs));
    gboolean found = FALSE;

    g_assert_no_error (error);
    for (guint i = 0; i < changes->len; i++)
      {
        JlnChange *change = g_ptr_array_index (changes, i);

        if (g_strcmp0 (change->number, "1.4") == 0)
          {
            g_assert_cmpstr (change->origin, ==, theirs_name);
            found = TRUE;
          }
        else if (g_strcmp0 (change->number, "2.1") == 0)
          g_assert_null (change->origin);
      }
    g_assert_true (found);
  }

  /* Merging the same copy again changes nothing. */
  n_rows = mine_rows->len;
  merge_clean (mine, theirs);
  after_twice = export_json (mine);
  assert_same_plan (after_once, after_twice);
  last_history_row (mine, &again_rows);
  g_assert_cmpint (again_rows->len, ==, n_rows);

  /* The merge is one step: undone at once, and then it can be merged again. */
  g_assert_true (jln_document_undo (mine, &error));
  g_assert_no_error (error);
  {
    g_autofree char *undone = export_json (mine);

    assert_same_plan (undone, before);
  }
  merge_clean (mine, theirs);
  {
    g_autofree char *redone = export_json (mine);

    assert_same_plan (redone, after_once);
  }
}

static void
test_both_ways (World         *world,
                gconstpointer  data)
{
  g_autoptr(JlnDocument) a = save_copy (world, world->base, "a.jalons");
  g_autoptr(JlnDocument) b = save_copy (world, world->base, "b.jalons");
  g_autofree char *json_a = NULL;
  g_autofree char *json_b = NULL;
  JlnRecord *objective = jln_test_find_objective (a, "3");
  g_autoptr(JlnRecord) new_a = jln_record_new (JLN_KIND_ACTION, "number", "3.14", "title-en", "From A", NULL);
  g_autoptr(JlnRecord) new_b = jln_record_new (JLN_KIND_ACTION, "number", "3.14", "title-en", "From B", NULL);
  guint n = g_list_model_get_n_items (jln_record_get_children (objective, JLN_KIND_ACTION));

  /* Both offices add an action to one objective, with the same number. */
  jln_test_apply (a, jln_edit_new_insert (objective, new_a, n));
  jln_test_apply (b, jln_edit_new_insert (jln_test_find_objective (b, "3"), new_b, n));
  jln_test_set_field (a, "1.4", "status", "done");
  jln_test_set_field (b, "1.5", "note-en", "Seen in B");

  merge_clean (b, a);
  merge_clean (a, b);
  json_a = export_json (a);
  json_b = export_json (b);
  assert_same_plan (json_a, json_b);

  /* Both kept, numbers not duplicated. */
  g_assert_cmpuint (g_list_model_get_n_items (jln_record_get_children (jln_test_find_objective (a, "3"),
                                                                        JLN_KIND_ACTION)), ==, n + 2);
  g_assert_nonnull (jln_test_find_action (a, "3.14"));
  g_assert_nonnull (jln_test_find_action (a, "3.15"));
  check_numbers_unique (a, JLN_KIND_ACTION);
}

/* A conflict decided for a value of one's own: a change made now, here. */
static void
test_decide_value (World         *world,
                   gconstpointer  data)
{
  g_autoptr(JlnDocument) mine = save_copy (world, world->base, "hq.jalons");
  g_autoptr(JlnDocument) theirs = save_copy (world, world->base, "east.jalons");
  g_autoptr(JlnMerge) merge = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *title = NULL;
  g_autofree char *origin = NULL;
  JlnHistoryRow *row;

  jln_test_set_field (theirs, "1.4", "title-en", "East");
  jln_test_set_field (mine, "1.4", "title-en", "Headquarters");
  merge = merge_new (mine, theirs, NULL);
  g_assert_cmpuint (jln_merge_get_n_conflicts (merge), ==, 1);
  g_assert_cmpstr (jln_merge_get_conflict (merge, 0)->field, ==, "title-en");
  jln_merge_decide_value (merge, 0, "Agreed");
  merge_apply (merge);
  title = jln_record_dup_field (jln_test_find_action (mine, "1.4"), "title-en");
  g_assert_cmpstr (title, ==, "Agreed");
  row = last_history_row (mine, &rows);
  g_assert_cmpstr (row->new_value, ==, "Agreed");
  origin = jln_store_get_history_origin (_jln_document_get_store (mine), row->id, NULL);
  g_assert_null (origin);
}

/* A file copied outside Jalons (by mail): same identity, diverged histories. */
static void
test_mailed_copy (World         *world,
                  gconstpointer  data)
{
  g_autoptr(JlnDocument) mine = save_copy (world, world->base, "hq.jalons");
  g_autofree char *mailed = world_file (world, "mailed.jalons");
  g_autoptr(JlnDocument) theirs = NULL;
  g_autofree char *replica_before = replica_of (mine);
  g_autofree char *replica_after = NULL;
  g_autofree char *theirs_replica = NULL;
  g_autoptr(GError) error = NULL;

  {
    g_autofree char *hq = g_strdup (jln_document_get_path (mine));
    g_autofree char *contents = NULL;
    gsize length;

    g_clear_object (&mine);
    g_assert_true (g_file_get_contents (hq, &contents, &length, NULL));
    g_assert_true (g_file_set_contents (mailed, contents, length, NULL));
    mine = jln_document_open (hq, &error);
    g_assert_no_error (error);
  }
  theirs = jln_document_open (mailed, &error);
  g_assert_no_error (error);
  theirs_replica = replica_of (theirs);
  g_assert_cmpstr (theirs_replica, ==, replica_before);

  jln_test_set_field (theirs, "1.4", "status", "done");
  jln_test_set_field (mine, "1.5", "status", "done");
  merge_clean (mine, theirs);
  {
    g_autofree char *status = jln_record_dup_field (jln_test_find_action (mine, "1.4"), "status");

    g_assert_cmpstr (status, ==, "done");
  }
  /* From now on the two are told apart. */
  replica_after = replica_of (mine);
  g_assert_cmpstr (replica_after, !=, replica_before);
}

/* --- Properties over random edit streams -------------------------------- */

typedef struct
{
  GRand     *rand;
  GPtrArray *records;   /* JlnRecord of the plan */
} Picker;

static void
collect_cb (gpointer data,
            gpointer user_data)
{
  if (!JLN_IS_PLAN (data))
    g_ptr_array_add (user_data, data);
}

static JlnRecord *
random_record (GRand       *rand,
               JlnDocument *document,
               JlnKind      kind)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new ();
  g_autoptr(GPtrArray) of_kind = g_ptr_array_new ();

  walk (JLN_RECORD (jln_document_get_plan (document)), collect_cb, records);
  for (guint i = 0; i < records->len; i++)
    if (jln_record_get_kind (g_ptr_array_index (records, i)) == kind)
      g_ptr_array_add (of_kind, g_ptr_array_index (records, i));
  if (of_kind->len == 0)
    return NULL;
  return g_ptr_array_index (of_kind, g_rand_int_range (rand, 0, of_kind->len));
}

/* One random change of the kinds people make, through the edit path. */
static void
random_edit (GRand       *rand,
             JlnDocument *document)
{
  static const JlnKind edit_kinds[] = {
    JLN_KIND_ACTION, JLN_KIND_ACTION, JLN_KIND_ITEM, JLN_KIND_MILESTONE, JLN_KIND_TARGET,
    JLN_KIND_MEASUREMENT, JLN_KIND_OBJECTIVE, JLN_KIND_UNIT,
  };
  static const char * const words[] = { "alpha", "beta", "gamma" };
  static const char * const statuses[] = { "planned", "in-progress", "done", "dropped" };
  JlnKind kind = edit_kinds[g_rand_int_range (rand, 0, G_N_ELEMENTS (edit_kinds))];
  JlnRecord *record = random_record (rand, document, kind);
  JlnRecord *parent;
  g_autoptr(GError) error = NULL;
  guint position, n;
  int what = g_rand_int_range (rand, 0, 10);

  if (record == NULL)
    return;
  parent = jln_record_get_parent (record);
  jln_record_get_position (record, &position);
  n = g_list_model_get_n_items (jln_record_get_children (parent, kind));

  if (what < 5)
    {
      const char *field = kind == JLN_KIND_UNIT ? "name-en" : kind == JLN_KIND_TARGET ? "series-en"
                          : kind == JLN_KIND_MEASUREMENT ? "note-en" : "title-en";

      if (kind == JLN_KIND_ACTION && what == 0)
        jln_test_apply (document, jln_edit_new_set (record, "status",
                                                    statuses[g_rand_int_range (rand, 0, 4)]));
      else
        jln_test_apply (document, jln_edit_new_set (record, field,
                                                    words[g_rand_int_range (rand, 0, 3)]));
    }
  else if (what < 7)
    {
      g_autoptr(JlnRecord) copy = NULL;

      if (kind == JLN_KIND_UNIT || kind == JLN_KIND_OBJECTIVE)
        return;
      copy = jln_record_copy (record);
      jln_test_apply (document, jln_edit_new_insert (parent, copy, g_rand_int_range (rand, 0, n + 1)));
    }
  else if (what < 8)
    {
      /* What is referred to stays. */
      g_autoptr(GPtrArray) referrers = g_ptr_array_new ();

      if (kind == JLN_KIND_OBJECTIVE || kind == JLN_KIND_UNIT ||
          _jln_plan_count_referrers (jln_document_get_plan (document), record, referrers) > 0)
        return;
      if (kind == JLN_KIND_ACTION)
        return;
      jln_test_apply (document, jln_edit_new_remove (record));
    }
  else if (n > 1)
    jln_test_apply (document, jln_edit_new_move (record, g_rand_int_range (rand, 0, n)));
}

/* Every change of either side, not in conflict, is in the merged plan. */
static void
assert_nothing_lost (JlnMerge    *merge,
                     JlnDocument *result)
{
  GPtrArray *changes = jln_merge_get_changes (merge);
  JlnPlan *plan = jln_document_get_plan (result);

  for (guint i = 0; i < changes->len; i++)
    {
      JlnMergeChange *change = g_ptr_array_index (changes, i);
      JlnRecord *record = jln_plan_lookup (plan, change->id);
      gboolean in_conflict = FALSE;

      for (guint c = 0; c < jln_merge_get_n_conflicts (merge); c++)
        in_conflict |= g_str_equal (jln_merge_get_conflict (merge, c)->id, change->id);
      if (in_conflict)
        continue;
      if (change->op == JLN_EDIT_SET)
        {
          g_autofree char *value = NULL;

          g_assert_nonnull (record);
          value = jln_record_dup_field (record, change->field);
          if (g_str_has_suffix (change->field, "-en") || g_str_has_suffix (change->field, "-fr") ||
              g_str_equal (change->field, "status"))
            g_assert_cmpstr (value, ==, change->new_value);
        }
      else if (change->op == JLN_EDIT_INSERT)
        g_assert_nonnull (record);
      else if (change->op == JLN_EDIT_REMOVE)
        g_assert_null (record);
    }
}

/* The plan in memory is valid (it reads back from JSON the same) and, when
 * @reopen, what its file holds. */
static void
assert_round_trip (JlnDocument *document,
                   gboolean     reopen)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *json = export_json (document);
  g_autofree char *again = NULL;
  g_autoptr(JlnPlan) read_back = NULL;
  g_autoptr(GBytes) bytes = NULL;

  if (reopen)
    {
      g_autoptr(JlnDocument) reopened = jln_document_open (jln_document_get_path (document), &error);
      g_autofree char *on_disk = NULL;

      g_assert_no_error (error);
      on_disk = export_json (reopened);
      assert_same_plan (on_disk, json);
    }
  read_back = jln_json_read_plan (json, strlen (json), "merged.json", &error);
  g_assert_no_error (error);
  bytes = jln_json_write_plan (read_back);
  again = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  assert_same_plan (json, again);
}

/* Hundreds of streams; fewer under a sanitizer or valgrind, which run
 * every file operation many times slower. */
#if defined(__SANITIZE_ADDRESS__)
#define N_SEEDS 30
#else
#define N_SEEDS 200
#endif

static guint
n_seeds (void)
{
#ifdef HAVE_VALGRIND_H
  if (RUNNING_ON_VALGRIND)
    return 20;
#endif
  return N_SEEDS;
}

static void
test_properties (World         *world,
                 gconstpointer  data)
{
  guint n_clean = 0, n = n_seeds ();

  for (guint seed = 0; seed < n; seed++)
    {
      g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
      g_autoptr(JlnDocument) a = save_copy (world, world->base, "a.jalons");
      g_autoptr(JlnDocument) b = save_copy (world, world->base, "b.jalons");
      g_autoptr(JlnDocument) a_b = NULL;
      g_autoptr(JlnMerge) merge = NULL;
      g_autofree char *json_ab = NULL;
      g_autofree char *json_ba = NULL;
      g_autofree char *json_back = NULL;
      gboolean conflicted;
      guint n_edits = g_rand_int_range (rand, 1, 8);

      g_test_message ("seed %u", seed);
      for (guint i = 0; i < n_edits; i++)
        random_edit (rand, a);
      n_edits = g_rand_int_range (rand, 1, 8);
      for (guint i = 0; i < n_edits; i++)
        random_edit (rand, b);

      /* B into A, in a copy of A: nothing either changed is lost, and the
       * result reads back the same from its file and through JSON. */
      a_b = save_copy (world, a, "a-b.jalons");
      merge = merge_new (a_b, b, NULL);
      conflicted = jln_merge_get_n_conflicts (merge) > 0;
      jln_merge_decide_all (merge, JLN_MERGE_THEIRS);
      merge_apply (merge);
      assert_nothing_lost (merge, a_b);
      assert_round_trip (a_b, seed % 10 == 0);
      g_clear_pointer (&merge, jln_merge_free);

      /* Merging the same copy again changes nothing. */
      json_ab = export_json (a_b);
      merge = merge_new (a_b, b, NULL);
      g_assert_cmpuint (jln_merge_count_changes (merge, JLN_MERGE_THEIRS), ==, 0);
      g_assert_cmpuint (jln_merge_get_n_conflicts (merge), ==, 0);
      merge_apply (merge);
      {
        g_autofree char *again = export_json (a_b);

        assert_same_plan (json_ab, again);
      }
      g_clear_pointer (&merge, jln_merge_free);

      /* A into B: the same plan as B into A when nothing conflicted. */
      merge = merge_new (b, a, NULL);
      g_assert_cmpint (jln_merge_get_n_conflicts (merge) > 0, ==, conflicted);
      jln_merge_decide_all (merge, JLN_MERGE_THEIRS);
      merge_apply (merge);
      g_clear_pointer (&merge, jln_merge_free);
      json_ba = export_json (b);
      if (!conflicted)
        {
          assert_same_plan (json_ab, json_ba);
          n_clean++;
        }

      /* Then B into A: both are the same plan. */
      merge = merge_new (a, b, NULL);
      jln_merge_decide_all (merge, JLN_MERGE_THEIRS);
      merge_apply (merge);
      json_back = export_json (a);
      assert_same_plan (json_back, json_ba);
    }
  /* The streams are random, but most of them must merge cleanly. */
  g_assert_cmpuint (n_clean, >, n / 2);
}

/* --- Command line and hostile input -------------------------------------- */

static void
test_command (World         *world,
              gconstpointer  data)
{
  g_autoptr(JlnDocument) mine = save_copy (world, world->base, "hq.jalons");
  g_autoptr(JlnDocument) theirs = save_copy (world, world->base, "east.jalons");
  g_autofree char *output = world_file (world, "out.jalons");
  g_autofree char *mine_before = NULL;
  g_autofree char *theirs_path = g_strdup (jln_document_get_path (theirs));
  g_autofree char *theirs_sum = NULL;
  g_autofree char *theirs_after = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  JlnMergeCommand command = { 0 };
  int status;

  jln_test_set_field (theirs, "1.4", "status", "done");
  jln_test_set_field (mine, "1.4", "status", "dropped");
  jln_test_set_field (theirs, "1.5", "due", "2024-S1");
  mine_before = export_json (mine);

  command.mine = jln_document_get_path (mine);
  command.theirs = theirs_path;
  command.compare = TRUE;
  g_clear_object (&theirs);
  theirs_sum = jln_test_checksum_file (command.theirs);
  status = jln_merge_run_command (&command, out, &error);
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
  /* Theirs is read, never written, nor anything put beside it. */
  theirs_after = jln_test_checksum_file (command.theirs);
  g_assert_cmpstr (theirs_sum, ==, theirs_after);
  {
    g_autofree char *journal = g_strconcat (command.theirs, "-journal", NULL);
    g_autofree char *wal = g_strconcat (command.theirs, "-wal", NULL);

    g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
    g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  }
  g_assert_nonnull (strstr (out->str, "action 1.5: due: 2022-S2 → 2024-S1"));
  g_assert_nonnull (strstr (out->str, "action 1.4: status: in-progress → dropped (mine) / done (theirs)"));

  g_string_truncate (out, 0);
  command.compare = FALSE;
  command.output = output;
  status = jln_merge_run_command (&command, out, &error);
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, JLN_MERGE_EXIT_CONFLICTS);
  g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));
  g_assert_nonnull (strstr (out->str, "action 1.4: status: in-progress → dropped (mine) / done (theirs)"));

  g_string_truncate (out, 0);
  command.prefer = "mine";
  status = jln_merge_run_command (&command, out, &error);
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out->str, "1 change from theirs, 1 kept from mine"));
  {
    g_autoptr(JlnDocument) merged = jln_document_open (output, &error);
    g_autofree char *status_value = NULL;
    g_autofree char *due = NULL;
    g_autofree char *mine_after = export_json (mine);

    g_assert_no_error (error);
    status_value = jln_record_dup_field (jln_test_find_action (merged, "1.4"), "status");
    due = jln_record_dup_field (jln_test_find_action (merged, "1.5"), "due");
    g_assert_cmpstr (status_value, ==, "dropped");
    g_assert_cmpstr (due, ==, "2024-S1");
    /* MINE itself is left as it was. */
    assert_same_plan (mine_before, mine_after);
  }

  /* An existing output is never overwritten. */
  g_string_truncate (out, 0);
  status = jln_merge_run_command (&command, out, &error);
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_EXIST);
  g_assert_cmpint (status, ==, 1);
}

static void
test_hostile (World         *world,
              gconstpointer  data)
{
  g_autoptr(JlnDocument) mine = save_copy (world, world->base, "hq.jalons");
  g_autofree char *garbage = world_file (world, "garbage.jalons");
  g_autofree char *other = world_file (world, "other.json");
  g_autofree char *output = world_file (world, "out.jalons");
  g_autoptr(GError) error = NULL;
  g_autoptr(JlnMerge) merge = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) leftovers = NULL;
  JlnMergeCommand command = { 0 };
  g_autofree char *json = NULL;

  g_assert_true (g_file_set_contents (garbage, "SQLite format 3\0garbage garbage garbage", 40, NULL));
  merge = jln_merge_new (mine, garbage, NULL, &error);
  g_assert_null (merge);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, garbage));
  g_clear_error (&error);

  /* A copy of another plan. */
  json = export_json (mine);
  memcpy (strstr (json, "d745095d"), "00000000", 8);
  g_assert_true (g_file_set_contents (other, json, -1, NULL));
  merge = jln_merge_new (mine, other, other, &error);
  g_assert_error (error, JLN_ERROR, JLN_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "not a copy of the same plan"));
  g_clear_error (&error);

  /* An object put under another parent behind Jalons' back. */
  {
    g_autoptr(JlnDocument) theirs = save_copy (world, world->base, "moved.jalons");
    g_autofree char *path = g_strdup (jln_document_get_path (theirs));
    JlnRecord *action = jln_test_find_action (theirs, "1.4");
    JlnRecord *objective = jln_test_find_objective (theirs, "2");
    sqlite3 *db;
    sqlite3_stmt *stmt;

    jln_test_set_field (theirs, "1.4", "status", "done");
    g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_prepare_v2 (db, "UPDATE actions SET parent = ?1, position = 99 WHERE id = ?2",
                                         -1, &stmt, NULL), ==, SQLITE_OK);
    sqlite3_bind_text (stmt, 1, jln_record_get_id (objective), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text (stmt, 2, jln_record_get_id (action), -1, SQLITE_TRANSIENT);
    g_clear_object (&theirs);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
    sqlite3_finalize (stmt);
    sqlite3_close (db);

    merge = jln_merge_new (mine, path, NULL, &error);
    g_assert_null (merge);
    g_assert_error (error, JLN_ERROR, JLN_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "action 1.4 is not the same object there"));
    g_clear_error (&error);
  }

  /* A JSON copy without a base. */
  merge = jln_merge_new (mine, other, NULL, &error);
  g_assert_nonnull (error);
  g_clear_error (&error);

  command.mine = jln_document_get_path (mine);
  command.theirs = garbage;
  command.output = output;
  g_assert_cmpint (jln_merge_run_command (&command, out, &error), ==, 1);
  g_assert_nonnull (error);
  g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* Text from another copy never reaches the terminal as an escape, and
   * a history row nested beyond any record is not followed. */
  {
    g_autoptr(JlnDocument) theirs = save_copy (world, world->base, "east.jalons");
    g_autoptr(GString) nested = g_string_new (NULL);
    sqlite3 *db;
    sqlite3_stmt *stmt;

    jln_test_set_field (theirs, "1.4", "title-en", "\033[31mRed\033[0m\nsecond line");
    for (guint i = 0; i < 100000; i++)
      g_string_append_c (nested, '[');
    g_assert_cmpint (sqlite3_open (jln_document_get_path (theirs), &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_prepare_v2 (db, "INSERT INTO history (time, batch, op, kind, object, new_value)"
                                             " VALUES ('2030-01-01T00:00:00Z', 999, 'insert', 'action', ?1, ?2)",
                                         -1, &stmt, NULL), ==, SQLITE_OK);
    sqlite3_bind_text (stmt, 1, "not-an-id", -1, SQLITE_STATIC);
    sqlite3_bind_text (stmt, 2, nested->str, -1, SQLITE_STATIC);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
    sqlite3_finalize (stmt);
    sqlite3_close (db);

    g_string_truncate (out, 0);
    command.theirs = jln_document_get_path (theirs);
    command.output = NULL;
    command.compare = TRUE;
    g_assert_cmpint (jln_merge_run_command (&command, out, &error), ==, 0);
    g_assert_no_error (error);
    g_assert_nonnull (strstr (out->str, "[31mRed[0m second line"));
    g_assert_null (strchr (out->str, '\033'));
    command.compare = FALSE;
    command.output = output;
  }

  /* No half-written file is left beside the output. */
  leftovers = jln_merge_find_conflict_copies (output);
  {
    g_autoptr(GDir) dir = g_dir_open (world->dir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (dir)) != NULL)
      g_assert_false (g_str_has_suffix (name, ".part"));
  }
}

/* The jalons program: the exit status and what it prints. */
static int
run_program (const char * const  *argv,
             char               **out)
{
  g_autoptr(GError) error = NULL;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               out, NULL, &status, &error));
  g_assert_no_error (error);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

static void
test_program (World         *world,
              gconstpointer  data)
{
  g_autoptr(JlnDocument) mine = save_copy (world, world->base, "hq.jalons");
  g_autoptr(JlnDocument) theirs = save_copy (world, world->base, "east.jalons");
  g_autofree char *output = world_file (world, "out.jalons");
  g_autofree char *merge_arg = NULL;
  g_autofree char *output_arg = g_strconcat ("--output=", output, NULL);
  g_autofree char *out = NULL;

  jln_test_set_field (theirs, "1.4", "status", "done");
  jln_test_set_field (mine, "1.4", "status", "dropped");
  merge_arg = g_strconcat ("--merge=", jln_document_get_path (theirs), NULL);

  {
    const char *argv[] = { JALONS_PROGRAM, merge_arg, output_arg, jln_document_get_path (mine), NULL };

    g_assert_cmpint (run_program (argv, &out), ==, 3);
    g_assert_nonnull (strstr (out, "action 1.4: status: in-progress → dropped (mine) / done (theirs)"));
    g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));
    g_clear_pointer (&out, g_free);
  }
  {
    const char *argv[] = { JALONS_PROGRAM, merge_arg, output_arg, "--prefer=theirs",
                           jln_document_get_path (mine), NULL };

    g_assert_cmpint (run_program (argv, &out), ==, 0);
    g_assert_nonnull (strstr (out, "1 change from theirs"));
    g_assert_true (g_file_test (output, G_FILE_TEST_IS_REGULAR));
    g_clear_pointer (&out, g_free);
  }
  {
    g_autofree char *compare_arg = g_strconcat ("--compare=", jln_document_get_path (theirs), NULL);
    const char *argv[] = { JALONS_PROGRAM, compare_arg, output, NULL };

    /* The merged file has taken in theirs: nothing more to compare. */
    g_assert_cmpint (run_program (argv, &out), ==, 0);
    g_assert_nonnull (strstr (out, "since the common base"));
    g_assert_null (strstr (out, "action 1.4"));
  }
}

/* --- Synced folders ------------------------------------------------------ */

static void
test_conflict_copies (World         *world,
                      gconstpointer  data)
{
  static const char * const copies[] = {
    "plan (conflicted copy 2026-03-02).jalons",
    "plan (Marie's conflicted copy 2026-03-02 101112).jalons",
    "plan.sync-conflict-20260302-101112-ABCDEFG.jalons",
    "plan_conflict-20260302-101112.jalons",
  };
  static const char * const others[] = {
    "plan.jalons.v1.bak", "plan2.jalons", "other (conflicted copy 2026-03-02).jalons",
    "plan (conflicted copy 2026-03-02).json", "plan (copy).jalons",
  };
  g_autoptr(GPtrArray) found = NULL;
  g_autofree char *folder = g_build_filename (world->dir, "plan (conflicted copy 2026-03-03).jalons", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (copies); i++)
    {
      g_autofree char *path = g_build_filename (world->dir, copies[i], NULL);

      g_assert_true (g_file_set_contents (path, "", 0, NULL));
    }
  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    {
      g_autofree char *path = g_build_filename (world->dir, others[i], NULL);

      g_assert_true (g_file_set_contents (path, "", 0, NULL));
    }
  /* A folder of that name is no copy. */
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);

  found = jln_merge_find_conflict_copies (world->path);
  g_assert_cmpuint (found->len, ==, G_N_ELEMENTS (copies));
  for (guint i = 0; i < G_N_ELEMENTS (copies); i++)
    {
      gboolean seen = FALSE;

      for (guint j = 0; j < found->len; j++)
        seen |= g_str_has_suffix (g_ptr_array_index (found, j), copies[i]);
      g_assert_true (seen);
    }
}

int
main (int   argc,
      char *argv[])
{
  /* Copies are many and small: in memory when the system allows, since
   * every new plan file is synced to disk before it takes its name. */
  if (g_access ("/dev/shm", W_OK) == 0 && g_file_test ("/dev/shm", G_FILE_TEST_IS_DIR))
    g_setenv ("TMPDIR", "/dev/shm", TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, World, NULL, world_setup, func, world_teardown)
  ADD ("/core/merge/replica", test_replica);
  ADD ("/core/merge/migrate", test_migrate);
  ADD ("/core/merge/old-format-theirs", test_old_format_theirs);
  ADD ("/core/merge/history", test_history);
  ADD ("/core/merge/both-ways", test_both_ways);
  ADD ("/core/merge/mailed-copy", test_mailed_copy);
  ADD ("/core/merge/decide-value", test_decide_value);
  ADD ("/core/merge/command", test_command);
  ADD ("/core/merge/hostile", test_hostile);
  ADD ("/core/merge/program", test_program);
  ADD ("/core/merge/conflict-copies", test_conflict_copies);
  ADD ("/core/merge/properties", test_properties);
#undef ADD
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autofree char *path = g_strdup_printf ("/core/merge/matrix/%s",
                                               _jln_kind_info (kinds[k].kind)->name);

      g_strdelimit (path, " ", '-');
      g_test_add (path, World, &kinds[k], world_setup, test_matrix, world_teardown);
    }

  return g_test_run ();
}
