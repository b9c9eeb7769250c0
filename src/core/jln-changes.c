/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>
#include <json-glib/json-glib.h>

#include "jln-action.h"
#include "jln-action-item.h"
#include "jln-changes.h"
#include "jln-document-private.h"
#include "jln-indicator.h"
#include "jln-json.h"
#include "jln-measurement.h"
#include "jln-objective.h"

/* "What changed since the last review", read from the history table.
 * The rows of one record are merged: for each field, the value before
 * its first change and after its last one; a field back to where it was
 * has not changed, and a record added then removed was never there. */

G_DEFINE_BOXED_TYPE (JlnChange, jln_change, jln_change_copy, jln_change_free)

JlnChange *
jln_change_copy (const JlnChange *change)
{
  JlnChange *copy;

  g_return_val_if_fail (change != NULL, NULL);

  copy = g_new0 (JlnChange, 1);
  *copy = *change;
  copy->id = g_strdup (change->id);
  copy->number = g_strdup (change->number);
  copy->label = g_strdup (change->label);
  copy->objective_number = g_strdup (change->objective_number);
  copy->title.fr = g_strdup (change->title.fr);
  copy->title.en = g_strdup (change->title.en);
  copy->fields = g_strdupv (change->fields);
  copy->time = change->time != NULL ? g_date_time_ref (change->time) : NULL;
  copy->origin = g_strdup (change->origin);
  copy->date = g_strdup (change->date);
  return copy;
}

void
jln_change_free (JlnChange *change)
{
  if (change == NULL)
    return;
  g_free (change->id);
  g_free (change->number);
  g_free (change->label);
  g_free (change->objective_number);
  jln_text_clear (&change->title);
  g_strfreev (change->fields);
  g_clear_pointer (&change->time, g_date_time_unref);
  g_free (change->origin);
  g_free (change->date);
  g_free (change);
}

/**
 * jln_change_dup_number:
 *
 * Returns: (transfer full): the number as the plan shows it: "1.5" for an
 *   action, "1.8 a." for a sub-item, "" when unknown
 */
char *
jln_change_dup_number (const JlnChange *change)
{
  g_return_val_if_fail (change != NULL, NULL);

  if (change->label == NULL)
    return g_strdup (change->number != NULL ? change->number : "");
  if (change->number == NULL)
    return g_strdup_printf ("%s.", change->label);
  return g_strdup_printf ("%s %s.", change->number, change->label);
}

/* --- Merging the history rows of each record ----------------------------- */

typedef struct
{
  char *name;
  char *first_old;
  char *last_new;
} FieldChange;

typedef struct
{
  char      *id;
  JlnKind    kind;
  gboolean   existed_before;
  gboolean   exists_after;
  GPtrArray *fields;          /* FieldChange, in the order of their first change */
  char      *time;
  char      *origin;          /* the copy the last change was merged from */
  char      *parent;          /* a removed measurement's indicator, when the history says */
} Pending;

static void
field_change_free (FieldChange *change)
{
  g_free (change->name);
  g_free (change->first_old);
  g_free (change->last_new);
  g_free (change);
}

static void
pending_free (Pending *pending)
{
  g_free (pending->id);
  g_ptr_array_unref (pending->fields);
  g_free (pending->time);
  g_free (pending->origin);
  g_free (pending->parent);
  g_free (pending);
}

typedef struct
{
  JlnPlan    *plan;
  GHashTable *pending;       /* id → Pending */
  GPtrArray  *order;         /* Pending, in the order of their first row */
  GPtrArray  *nodes;         /* JsonNode: the parsed snapshots */
  GHashTable *snapshots;     /* id → JsonObject, the last copy of a record in the history */
  GHashTable *item_parents;  /* sub-item id → action id, from the copies of actions */
} Merge;

static void
merge_clear (Merge *merge)
{
  g_clear_pointer (&merge->pending, g_hash_table_unref);
  g_clear_pointer (&merge->order, g_ptr_array_unref);
  g_clear_pointer (&merge->snapshots, g_hash_table_unref);
  g_clear_pointer (&merge->item_parents, g_hash_table_unref);
  g_clear_pointer (&merge->nodes, g_ptr_array_unref);
}

static gboolean
kind_from_name (const char *name,
                JlnKind    *kind)
{
  if (g_strcmp0 (name, "action") == 0)
    *kind = JLN_KIND_ACTION;
  else if (g_strcmp0 (name, "action item") == 0)
    *kind = JLN_KIND_ITEM;
  else if (g_strcmp0 (name, "measurement") == 0)
    *kind = JLN_KIND_MEASUREMENT;
  else
    return FALSE;
  return TRUE;
}

static const char *
object_get_string (JsonObject *object,
                   const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/* Keeps the copy of a record that an insert or a remove wrote, and those
 * of its sub-items, so that a removed record still has a number and a
 * title. A copy that cannot be read is only less to show. */
#define JLN_SNAPSHOT_MAX_DEPTH 32

static void
keep_snapshot (Merge      *merge,
               const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;
  JsonObject *object;
  JsonNode *items;
  const char *id;

  /* A history row is read from the file, like the rest: json-glib has no
   * limit of depth, and a snapshot is a record with its sub-items, a few
   * levels deep. */
  if (json == NULL || !jln_json_is_shallow (json, JLN_SNAPSHOT_MAX_DEPTH) ||
      !json_parser_load_from_data (parser, json, -1, NULL))
    return;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return;

  root = json_node_copy (root);
  g_ptr_array_add (merge->nodes, root);
  object = json_node_get_object (root);
  id = object_get_string (object, "id");
  if (id == NULL)
    return;
  g_hash_table_replace (merge->snapshots, g_strdup (id), object);

  items = json_object_get_member (object, "items");
  if (items == NULL || !JSON_NODE_HOLDS_ARRAY (items))
    return;
  for (guint i = 0; i < json_array_get_length (json_node_get_array (items)); i++)
    {
      JsonNode *item = json_array_get_element (json_node_get_array (items), i);
      const char *item_id;

      if (!JSON_NODE_HOLDS_OBJECT (item))
        continue;
      item_id = object_get_string (json_node_get_object (item), "id");
      if (item_id == NULL)
        continue;
      g_hash_table_replace (merge->snapshots, g_strdup (item_id), json_node_get_object (item));
      g_hash_table_replace (merge->item_parents, g_strdup (item_id), g_strdup (id));
    }
}

static void
note_field (Pending    *pending,
            const char *name,
            const char *old_value,
            const char *new_value)
{
  FieldChange *change = NULL;

  for (guint i = 0; i < pending->fields->len; i++)
    {
      FieldChange *candidate = g_ptr_array_index (pending->fields, i);

      if (g_str_equal (candidate->name, name))
        {
          change = candidate;
          break;
        }
    }

  if (change == NULL)
    {
      change = g_new0 (FieldChange, 1);
      change->name = g_strdup (name);
      change->first_old = g_strdup (old_value != NULL ? old_value : "");
      g_ptr_array_add (pending->fields, change);
    }
  g_free (change->last_new);
  change->last_new = g_strdup (new_value != NULL ? new_value : "");
}

static void
merge_row (Merge         *merge,
           JlnHistoryRow *row,
           const char    *origin)
{
  Pending *pending;
  JlnKind kind;

  if (!kind_from_name (row->kind, &kind) || row->object == NULL || row->op == NULL)
    return;

  pending = g_hash_table_lookup (merge->pending, row->object);
  if (pending == NULL)
    {
      pending = g_new0 (Pending, 1);
      pending->id = g_strdup (row->object);
      pending->kind = kind;
      pending->existed_before = !g_str_equal (row->op, "insert");
      pending->fields = g_ptr_array_new_with_free_func ((GDestroyNotify) field_change_free);
      g_hash_table_insert (merge->pending, pending->id, pending);
      g_ptr_array_add (merge->order, pending);
    }

  if (g_str_equal (row->op, "insert"))
    {
      pending->exists_after = TRUE;
      keep_snapshot (merge, row->new_value);
    }
  else if (g_str_equal (row->op, "remove"))
    {
      pending->exists_after = FALSE;
      keep_snapshot (merge, row->old_value);
      if (kind == JLN_KIND_MEASUREMENT && row->field != NULL)
        {
          g_free (pending->parent);
          pending->parent = g_strdup (row->field);
        }
    }
  else if ((g_str_equal (row->op, "set") || g_str_equal (row->op, "move")) && row->field != NULL)
    {
      pending->exists_after = TRUE;
      note_field (pending, row->field, row->old_value, row->new_value);
    }
  else
    return;

  g_free (pending->time);
  pending->time = g_strdup (row->time);
  g_free (pending->origin);
  pending->origin = g_strdup (origin);
}

/* --- Describing each change ---------------------------------------------- */

static JlnSemester
parse_semester (const char *text)
{
  JlnSemester semester = JLN_SEMESTER_NONE;

  if (text == NULL || *text == '\0' || !jln_semester_parse (text, &semester, NULL))
    return JLN_SEMESTER_NONE;
  return semester;
}

static gboolean
is_done_text (const char *text)
{
  JlnStatus status;

  return text != NULL && jln_status_from_string (text, &status) && jln_status_is_done (status);
}

/* Sets the flags of @change from the fields of @pending; FALSE when
 * every change was undone. */
static gboolean
classify (Pending   *pending,
          JlnChange *change)
{
  g_autoptr(GStrvBuilder) edited = g_strv_builder_new ();
  const FieldChange *completion = NULL;
  gboolean any_edited = FALSE;

  if (!pending->existed_before && !pending->exists_after)
    return FALSE;
  if (!pending->existed_before)
    {
      change->flags = pending->kind == JLN_KIND_MEASUREMENT ? JLN_CHANGE_MEASURED : JLN_CHANGE_ADDED;
      return TRUE;
    }
  if (!pending->exists_after)
    {
      change->flags = JLN_CHANGE_REMOVED;
      return TRUE;
    }
  if (pending->kind == JLN_KIND_MEASUREMENT)
    {
      for (guint i = 0; i < pending->fields->len; i++)
        {
          const FieldChange *field = g_ptr_array_index (pending->fields, i);

          if (g_strcmp0 (field->first_old, field->last_new) != 0 && !g_str_equal (field->name, "position"))
            {
              change->flags = JLN_CHANGE_MEASURED;
              return TRUE;
            }
        }
      return FALSE;
    }

  for (guint i = 0; i < pending->fields->len; i++)
    {
      const FieldChange *field = g_ptr_array_index (pending->fields, i);

      if (g_strcmp0 (field->first_old, field->last_new) == 0)
        continue;

      if (g_str_equal (field->name, "due"))
        {
          change->flags |= JLN_CHANGE_REPLANNED;
          change->old_due = parse_semester (field->first_old);
          change->new_due = parse_semester (field->last_new);
          if (change->old_due != JLN_SEMESTER_NONE && change->new_due != JLN_SEMESTER_NONE)
            change->shift = (int) change->new_due - (int) change->old_due;
        }
      else if (g_str_equal (field->name, "status") &&
               !is_done_text (field->first_old) && is_done_text (field->last_new))
        change->flags |= JLN_CHANGE_COMPLETED;
      else if (g_str_equal (field->name, "completion"))
        completion = field;
      else
        {
          g_strv_builder_add (edited, field->name);
          any_edited = TRUE;
        }
    }

  /* A completion given is a completion; one changed belongs with the
   * status that went to done, or else is an edit. */
  if (completion != NULL)
    {
      if (*completion->first_old == '\0' || (change->flags & JLN_CHANGE_COMPLETED))
        change->flags |= JLN_CHANGE_COMPLETED;
      else
        {
          g_strv_builder_add (edited, completion->name);
          any_edited = TRUE;
        }
    }

  if (any_edited)
    {
      change->flags |= JLN_CHANGE_EDITED;
      change->fields = g_strv_builder_end (edited);
    }
  return change->flags != 0;
}

static void
copy_text (JlnText       *to,
           const JlnText *from)
{
  to->fr = g_strdup (from->fr);
  to->en = g_strdup (from->en);
}

static void
read_snapshot (JsonObject *object,
               JlnChange  *change)
{
  JsonNode *title = json_object_get_member (object, "title");
  const char *status = object_get_string (object, "status");
  const char *completion = object_get_string (object, "completion");

  if (change->kind == JLN_KIND_ACTION)
    change->number = g_strdup (object_get_string (object, "number"));
  else
    change->label = g_strdup (object_get_string (object, "label"));

  if (title != NULL && JSON_NODE_HOLDS_OBJECT (title))
    {
      change->title.fr = g_strdup (object_get_string (json_node_get_object (title), "fr"));
      change->title.en = g_strdup (object_get_string (json_node_get_object (title), "en"));
    }
  if (status != NULL)
    jln_status_from_string (status, &change->status);
  if (completion != NULL)
    jln_completion_parse (completion, &change->completion, NULL);
}

/* The objective of a removed action, which the history does not keep:
 * the one whose number starts the action's number ("3" for "3.14"). */
static char *
guess_objective_number (JlnPlan    *plan,
                        const char *number)
{
  GListModel *objectives = jln_plan_get_objectives (plan);
  const char *dot = number != NULL ? strchr (number, '.') : NULL;

  if (dot == NULL)
    return NULL;
  for (guint i = 0; i < g_list_model_get_n_items (objectives); i++)
    {
      g_autoptr(JlnObjective) objective = g_list_model_get_item (objectives, i);
      const char *objective_number = jln_objective_get_number (objective);

      if (objective_number != NULL &&
          strlen (objective_number) == (gsize) (dot - number) &&
          strncmp (objective_number, number, dot - number) == 0)
        return g_strdup (objective_number);
    }
  return NULL;
}

static void
describe_action (JlnAction *action,
                 JlnChange *change)
{
  JlnObjective *objective = jln_action_get_objective (action);

  change->number = g_strdup (jln_action_get_number (action));
  if (objective != NULL)
    change->objective_number = g_strdup (jln_objective_get_number (objective));
}

/* The id of the action a sub-item is part of, or NULL when unknown. */
static const char *
find_item_parent (Merge      *merge,
                  const char *item_id)
{
  JlnRecord *record = jln_plan_lookup (merge->plan, item_id);

  if (record != NULL && JLN_IS_ACTION_ITEM (record) && jln_record_get_parent (record) != NULL)
    return jln_record_get_id (jln_record_get_parent (record));
  return g_hash_table_lookup (merge->item_parents, item_id);
}

static void
describe (Merge     *merge,
          Pending   *pending,
          JlnChange *change)
{
  JlnRecord *record = jln_plan_lookup (merge->plan, pending->id);

  change->value = NAN;
  if (pending->kind == JLN_KIND_MEASUREMENT)
    {
      JlnRecord *indicator = record != NULL ? jln_record_get_parent (record) : NULL;
      JsonObject *snapshot = g_hash_table_lookup (merge->snapshots, pending->id);

      if (record != NULL && JLN_IS_MEASUREMENT (record))
        {
          change->date = g_strdup (jln_measurement_get_date (JLN_MEASUREMENT (record)));
          change->value = jln_measurement_get_value (JLN_MEASUREMENT (record));
        }
      else if (snapshot != NULL)
        {
          JsonNode *value = json_object_get_member (snapshot, "value");

          change->date = g_strdup (object_get_string (snapshot, "date"));
          if (value != NULL && JSON_NODE_HOLDS_VALUE (value) &&
              (json_node_get_value_type (value) == G_TYPE_DOUBLE ||
               json_node_get_value_type (value) == G_TYPE_INT64))
            change->value = json_node_get_double (value);
        }
      /* A removed measurement: its indicator, as the history names it. */
      if (indicator == NULL && pending->parent != NULL)
        indicator = jln_plan_lookup (merge->plan, pending->parent);
      if (indicator != NULL && JLN_IS_INDICATOR (indicator))
        {
          change->number = g_strdup_printf ("%d", jln_indicator_get_number (JLN_INDICATOR (indicator)));
          copy_text (&change->title, jln_indicator_get_title (JLN_INDICATOR (indicator)));
        }
      return;
    }

  if (pending->kind == JLN_KIND_ACTION && record != NULL && JLN_IS_ACTION (record))
    {
      JlnAction *action = JLN_ACTION (record);

      describe_action (action, change);
      copy_text (&change->title, jln_action_get_title (action));
      change->status = jln_action_get_status (action);
      change->completion = *jln_action_get_completion (action);
      return;
    }
  if (pending->kind == JLN_KIND_ITEM && record != NULL && JLN_IS_ACTION_ITEM (record))
    {
      JlnActionItem *item = JLN_ACTION_ITEM (record);
      JlnRecord *parent = jln_record_get_parent (record);

      change->label = g_strdup (jln_action_item_get_label (item));
      copy_text (&change->title, jln_action_item_get_title (item));
      change->status = jln_action_item_get_status (item);
      change->completion = *jln_action_item_get_completion (item);
      if (parent != NULL && JLN_IS_ACTION (parent))
        describe_action (JLN_ACTION (parent), change);
      return;
    }

  /* No longer in the plan: what the history kept of it. */
  {
    JsonObject *snapshot = g_hash_table_lookup (merge->snapshots, pending->id);

    if (snapshot != NULL)
      read_snapshot (snapshot, change);
    if (pending->kind == JLN_KIND_ITEM)
      {
        const char *parent_id = find_item_parent (merge, pending->id);
        JlnRecord *parent = parent_id != NULL ? jln_plan_lookup (merge->plan, parent_id) : NULL;
        JsonObject *parent_snapshot = parent_id != NULL ?
          g_hash_table_lookup (merge->snapshots, parent_id) : NULL;

        if (parent != NULL && JLN_IS_ACTION (parent))
          describe_action (JLN_ACTION (parent), change);
        else if (parent_snapshot != NULL)
          change->number = g_strdup (object_get_string (parent_snapshot, "number"));
      }
    if (change->objective_number == NULL)
      change->objective_number = guess_objective_number (merge->plan, change->number);
  }
}

/* A sub-item of an action added or removed is part of that change. */
static gboolean
is_part_of_parent_change (Merge     *merge,
                          Pending   *pending)
{
  const char *parent_id;
  Pending *parent;

  if (pending->kind != JLN_KIND_ITEM)
    return FALSE;
  parent_id = find_item_parent (merge, pending->id);
  parent = parent_id != NULL ? g_hash_table_lookup (merge->pending, parent_id) : NULL;
  return parent != NULL && parent->existed_before != parent->exists_after;
}

/* Compares "1.10" after "1.9": runs of digits by value, the rest by byte. */
static int
compare_numbers (const char *a,
                 const char *b)
{
  if (a == NULL || b == NULL)
    return (a == NULL) - (b == NULL);

  while (*a != '\0' && *b != '\0')
    {
      if (g_ascii_isdigit (*a) && g_ascii_isdigit (*b))
        {
          const char *start_a, *start_b;
          gsize len_a, len_b;
          int cmp;

          while (*a == '0' && g_ascii_isdigit (a[1]))
            a++;
          while (*b == '0' && g_ascii_isdigit (b[1]))
            b++;
          for (start_a = a; g_ascii_isdigit (*a); a++)
            ;
          for (start_b = b; g_ascii_isdigit (*b); b++)
            ;
          len_a = a - start_a;
          len_b = b - start_b;
          if (len_a != len_b)
            return len_a < len_b ? -1 : 1;
          cmp = strncmp (start_a, start_b, len_a);
          if (cmp != 0)
            return cmp;
          continue;
        }
      if (*a != *b)
        return (guchar) *a < (guchar) *b ? -1 : 1;
      a++;
      b++;
    }
  return (*a != '\0') - (*b != '\0');
}

static int
compare_changes (gconstpointer a,
                 gconstpointer b)
{
  const JlnChange *change_a = *(const JlnChange **) a;
  const JlnChange *change_b = *(const JlnChange **) b;
  int cmp;

  /* The measurements of the indicators after the actions, by date. */
  if ((change_a->kind == JLN_KIND_MEASUREMENT) != (change_b->kind == JLN_KIND_MEASUREMENT))
    return change_a->kind == JLN_KIND_MEASUREMENT ? 1 : -1;
  if (change_a->kind == JLN_KIND_MEASUREMENT)
    {
      cmp = compare_numbers (change_a->number, change_b->number);
      if (cmp == 0)
        cmp = g_strcmp0 (change_a->date, change_b->date);
      if (cmp != 0)
        return cmp;
      return g_strcmp0 (change_a->id, change_b->id);
    }
  cmp = compare_numbers (change_a->number, change_b->number);
  if (cmp != 0)
    return cmp;
  /* An action before its sub-items. */
  if ((change_a->label == NULL) != (change_b->label == NULL))
    return change_a->label == NULL ? -1 : 1;
  cmp = compare_numbers (change_a->label, change_b->label);
  if (cmp != 0)
    return cmp;
  return g_strcmp0 (change_a->id, change_b->id);
}

/**
 * jln_document_get_changes:
 * @since: from when; changes at or after this time are counted
 *
 * Tells what happened to the actions and sub-items of the plan since
 * @since: one change for each action or sub-item, merged over all its
 * history rows. Changes that cancelled out (an edit then its undo, an
 * insert then a remove) are left out; the sub-items of an action added
 * or removed are part of that change. The measurements of indicators
 * entered or corrected are reported too (%JLN_CHANGE_MEASURED); other
 * kinds of objects are not.
 *
 * Returns: (transfer full) (element-type JlnChange): the changes, in the
 *   order of the action numbers, or %NULL with @error
 */
GPtrArray *
jln_document_get_changes (JlnDocument  *document,
                          GDateTime    *since,
                          GError      **error)
{
  return jln_document_get_changes_between (document, since, NULL, error);
}

/**
 * jln_document_get_changes_between:
 * @since: from when; changes at or after this time are counted
 * @until: (nullable): to when; changes at or after this time are not
 *
 * As jln_document_get_changes(), over a period.
 */
GPtrArray *
jln_document_get_changes_between (JlnDocument  *document,
                                  GDateTime    *since,
                                  GDateTime    *until,
                                  GError      **error)
{
  g_autoptr(GDateTime) since_utc = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autofree char *since_text = NULL;
  Merge merge = { 0 };

  g_return_val_if_fail (JLN_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (since != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* History times are ISO 8601 UTC, with microseconds when there are
   * some; the store compares them as text. Ask from the start of the
   * second, which sorts before any time within it, and compare exactly
   * below. */
  since_utc = g_date_time_to_utc (since);
  since_text = g_date_time_format (since_utc, "%Y-%m-%dT%H:%M:%S");
  rows = jln_document_get_history (document, since_text, error);
  if (rows == NULL)
    return NULL;

  merge.plan = jln_document_get_plan (document);
  merge.pending = g_hash_table_new_full (g_str_hash, g_str_equal,
                                         NULL, (GDestroyNotify) pending_free);
  merge.order = g_ptr_array_new ();
  merge.nodes = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  merge.snapshots = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  merge.item_parents = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; i < rows->len; i++)
    {
      JlnHistoryRow *row = g_ptr_array_index (rows, i);
      g_autoptr(GDateTime) time = row->time != NULL ?
        g_date_time_new_from_iso8601 (row->time, NULL) : NULL;
      g_autofree char *origin = NULL;
      g_autofree char *replica = NULL;

      if (time != NULL && g_date_time_compare (time, since_utc) < 0)
        continue;
      if (until != NULL && time != NULL && g_date_time_compare (time, until) >= 0)
        continue;
      /* A change merged from another copy names it. */
      replica = jln_store_get_history_origin (_jln_document_get_store (document), row->id, &origin);
      merge_row (&merge, row, replica != NULL ? origin : NULL);
    }

  changes = g_ptr_array_new_with_free_func ((GDestroyNotify) jln_change_free);
  for (guint i = 0; i < merge.order->len; i++)
    {
      Pending *pending = g_ptr_array_index (merge.order, i);
      g_autoptr(JlnChange) change = g_new0 (JlnChange, 1);

      change->kind = pending->kind;
      change->id = g_strdup (pending->id);
      if (!classify (pending, change) || is_part_of_parent_change (&merge, pending))
        continue;
      describe (&merge, pending, change);
      if (pending->time != NULL)
        change->time = g_date_time_new_from_iso8601 (pending->time, NULL);
      change->origin = g_strdup (pending->origin);
      g_ptr_array_add (changes, g_steal_pointer (&change));
    }
  g_ptr_array_sort (changes, compare_changes);

  merge_clear (&merge);
  return g_steal_pointer (&changes);
}

/**
 * jln_changes_count:
 * @changes: (element-type JlnChange): what jln_document_get_changes() returned
 * @counts: (out caller-allocates): how many changes of each kind; a change
 *   completed and re-planned counts in both
 */
void
jln_changes_count (GPtrArray       *changes,
                   JlnChangeCounts *counts)
{
  g_return_if_fail (changes != NULL);
  g_return_if_fail (counts != NULL);

  memset (counts, 0, sizeof *counts);
  for (guint i = 0; i < changes->len; i++)
    {
      const JlnChange *change = g_ptr_array_index (changes, i);

      counts->added += (change->flags & JLN_CHANGE_ADDED) != 0;
      counts->removed += (change->flags & JLN_CHANGE_REMOVED) != 0;
      counts->completed += (change->flags & JLN_CHANGE_COMPLETED) != 0;
      counts->replanned += (change->flags & JLN_CHANGE_REPLANNED) != 0;
      counts->edited += (change->flags & JLN_CHANGE_EDITED) != 0;
      counts->measured += (change->flags & JLN_CHANGE_MEASURED) != 0;
    }
}
