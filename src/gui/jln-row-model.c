/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "jln-action.h"
#include "jln-action-item.h"
#include "jln-objective.h"
#include "jln-row-model.h"

/* The rows of the action list, as one flat GListModel.
 *
 * Behind the rows is a tree of JlnRow, one per objective, action and
 * sub-item of the plan, kept in step with the plan's stores: it holds
 * what each record's row remembers (expanded, whether the action matched
 * the last query, its children in the sorter's order). The shown rows
 * are computed from it in one pass, and compared with those shown
 * before: rows keep their identity, and the order of the rows is the
 * same across a refilter, so a merge finds what went and what came.
 *
 * GTK 4.8's GtkTreeListModel and incremental filter models cost tens of
 * milliseconds per keystroke on a large plan, in signal emissions and
 * tree nodes; this costs a test per action and a few linear walks. */

struct _JlnRow
{
  GObject      parent_instance;

  JlnRowModel *model;      /* unowned; NULL once the record left the plan */
  JlnRecord   *record;
  GListModel  *store;      /* the children's store: actions, sub-items */
  gulong       store_id;
  GPtrArray   *children;   /* JlnRow, in the store's order */
  GPtrArray   *sorted;     /* the same, in the sorter's order; NULL until asked */
  guint        mark;       /* the model's stamp when last shown */
  guint        depth : 2;
  guint        expanded : 1;
  guint        matched : 1;
  guint        shown : 1;
};

G_DEFINE_FINAL_TYPE (JlnRow, jln_row, G_TYPE_OBJECT)

enum {
  ROW_PROP_0,
  ROW_PROP_EXPANDED,
  ROW_PROP_EXPANDABLE,
  N_ROW_PROPS
};

static GParamSpec *row_properties[N_ROW_PROPS];

typedef enum
{
  RETEST_NONE,
  RETEST_ALL,
  RETEST_MATCHED,
  RETEST_UNMATCHED,
} Retest;

struct _JlnRowModel
{
  GObject         parent_instance;

  JlnRow         *root;
  JlnQueryFilter *filter;
  GtkSorter      *sorter;
  GPtrArray      *rows;       /* JlnRow, shown */
  guint           stamp;
  guint           n_shown;
  guint           n_total;

  /* On a large plan, a refilter tests the actions in slices between
   * frames, then shows the result at once. */
  guint           refilter_id;
  Retest          retest;
  guint           cursor_objective;
  guint           cursor_action;
  gboolean        tested;

  /* While changes are told one by one, the model reads as the new rows
   * up to split_new, then the old ones from split_old. */
  GPtrArray      *old_rows;
  guint           split_new;
  guint           split_old;
};

static void jln_row_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (JlnRowModel, jln_row_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      jln_row_model_list_model_init))

enum {
  PROP_0,
  PROP_N_SHOWN,
  PROP_N_TOTAL,
  PROP_PENDING,
  N_PROPS
};

/* Up to this many actions, a refilter is done at once; more are tested
 * in slices of this many milliseconds. */
#define SYNC_ACTIONS 5000
#define SLICE_MS 4

static GParamSpec *properties[N_PROPS];

static void rebuild (JlnRowModel *self,
                     Retest       retest,
                     gboolean     replace);

/* Rows */

static void
jln_row_finalize (GObject *object)
{
  JlnRow *self = JLN_ROW (object);

  g_assert (self->store_id == 0);
  g_clear_pointer (&self->sorted, g_ptr_array_unref);
  g_clear_pointer (&self->children, g_ptr_array_unref);
  g_clear_object (&self->store);
  g_clear_object (&self->record);

  G_OBJECT_CLASS (jln_row_parent_class)->finalize (object);
}

static void
jln_row_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  JlnRow *self = JLN_ROW (object);

  switch (prop_id)
    {
    case ROW_PROP_EXPANDED:
      g_value_set_boolean (value, self->expanded);
      break;
    case ROW_PROP_EXPANDABLE:
      g_value_set_boolean (value, jln_row_get_expandable (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jln_row_class_init (JlnRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = jln_row_finalize;
  object_class->get_property = jln_row_get_property;

  row_properties[ROW_PROP_EXPANDED] =
    g_param_spec_boolean ("expanded", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  row_properties[ROW_PROP_EXPANDABLE] =
    g_param_spec_boolean ("expandable", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_ROW_PROPS, row_properties);
}

static void
jln_row_init (JlnRow *self)
{
  self->expanded = TRUE;
  self->matched = TRUE;
}

/**
 * jln_row_get_record:
 *
 * Returns: (transfer none): the objective, action or sub-item of the row
 */
JlnRecord *
jln_row_get_record (JlnRow *self)
{
  g_return_val_if_fail (JLN_IS_ROW (self), NULL);
  return self->record;
}

/* 0 for an objective, 1 for an action, 2 for a sub-item. */
guint
jln_row_get_depth (JlnRow *self)
{
  g_return_val_if_fail (JLN_IS_ROW (self), 0);
  return self->depth;
}

gboolean
jln_row_get_expanded (JlnRow *self)
{
  g_return_val_if_fail (JLN_IS_ROW (self), FALSE);
  return self->expanded;
}

/* Objectives always are, as their arrow tells where actions go; actions
 * are while they have sub-items. */
gboolean
jln_row_get_expandable (JlnRow *self)
{
  g_return_val_if_fail (JLN_IS_ROW (self), FALSE);

  if (self->record != NULL && JLN_IS_OBJECTIVE (self->record))
    return TRUE;
  return self->children != NULL && self->children->len > 0;
}

static gboolean
query_is_active (JlnRowModel *self)
{
  JlnQuery *query;

  if (self->filter == NULL)
    return FALSE;
  query = jln_query_filter_get_query (self->filter);
  return query != NULL && !jln_query_is_empty (query);
}

static void
row_test (JlnRowModel *self,
          JlnRow      *row)
{
  row->matched = !query_is_active (self) ||
                 jln_query_filter_match_action (self->filter, JLN_ACTION (row->record));
}

static void row_store_changed_cb (GListModel *store,
                                  guint       position,
                                  guint       removed,
                                  guint       added,
                                  JlnRow     *row);

/* Leaves the tree: the row may still be shown until the next pass. */
static void
row_release (JlnRow *row)
{
  if (row->store_id != 0)
    g_clear_signal_handler (&row->store_id, row->store);
  g_clear_pointer (&row->sorted, g_ptr_array_unref);
  g_clear_pointer (&row->children, g_ptr_array_unref);
  row->model = NULL;
  g_object_unref (row);
}

static JlnRow *row_new (JlnRowModel *self,
                        JlnRecord   *record,
                        GListModel  *store,
                        guint        depth);

static JlnRow *
row_new_child (JlnRowModel *self,
               JlnRow      *parent,
               JlnRecord   *record)
{
  if (JLN_IS_OBJECTIVE (record))
    return row_new (self, record, jln_objective_get_actions (JLN_OBJECTIVE (record)), 0);
  if (JLN_IS_ACTION (record))
    return row_new (self, record, jln_action_get_items (JLN_ACTION (record)), 1);
  return row_new (self, record, NULL, parent->depth + 1);
}

static void
row_insert_children (JlnRowModel *self,
                     JlnRow      *row,
                     guint        position,
                     guint        added)
{
  for (guint i = 0; i < added; i++)
    {
      g_autoptr(JlnRecord) record = g_list_model_get_item (row->store, position + i);

      g_ptr_array_insert (row->children, position + i, row_new_child (self, row, record));
    }
}

static JlnRow *
row_new (JlnRowModel *self,
         JlnRecord   *record,
         GListModel  *store,
         guint        depth)
{
  JlnRow *row = g_object_new (JLN_TYPE_ROW, NULL);

  row->model = self;
  row->record = record != NULL ? g_object_ref (record) : NULL;
  row->depth = depth;
  if (record != NULL && JLN_IS_ACTION (record))
    row_test (self, row);
  if (store != NULL)
    {
      guint n = g_list_model_get_n_items (store);

      row->store = g_object_ref (store);
      row->children = g_ptr_array_new_full (n, (GDestroyNotify) row_release);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(JlnRecord) child = g_list_model_get_item (store, i);

          g_ptr_array_add (row->children, row_new_child (self, row, child));
        }
      row->store_id = g_signal_connect (store, "items-changed",
                                        G_CALLBACK (row_store_changed_cb), row);
    }
  return row;
}

static void
row_store_changed_cb (GListModel *store,
                      guint       position,
                      guint       removed,
                      guint       added,
                      JlnRow     *row)
{
  JlnRowModel *self = row->model;
  gboolean was_expandable = jln_row_get_expandable (row);

  g_ptr_array_remove_range (row->children, position, removed);
  row_insert_children (self, row, position, added);
  g_clear_pointer (&row->sorted, g_ptr_array_unref);
  /* Indices into the rows changed: a refilter under way starts again. */
  self->cursor_objective = 0;
  self->cursor_action = 0;

  if (was_expandable != jln_row_get_expandable (row))
    g_object_notify_by_pspec (G_OBJECT (row), row_properties[ROW_PROP_EXPANDABLE]);
  rebuild (self, RETEST_NONE, FALSE);
}

static int
compare_rows_cb (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  JlnRow *row_a = *(JlnRow **) a;
  JlnRow *row_b = *(JlnRow **) b;

  return gtk_sorter_compare (user_data, row_a->record, row_b->record);
}

/* The children of @row in the order they show in. Sorting is stable:
 * rows that compare equal keep the plan's order. */
static GPtrArray *
row_get_ordered (JlnRowModel *self,
                 JlnRow      *row)
{
  if (self->sorter == NULL)
    return row->children;
  if (row->sorted == NULL)
    {
      row->sorted = g_ptr_array_new_full (row->children->len, NULL);
      for (guint i = 0; i < row->children->len; i++)
        g_ptr_array_add (row->sorted, g_ptr_array_index (row->children, i));
      g_ptr_array_sort_with_data (row->sorted, compare_rows_cb, self->sorter);
    }
  return row->sorted;
}

static void
row_forget_order (JlnRow *row)
{
  if (row->children == NULL)
    return;
  g_clear_pointer (&row->sorted, g_ptr_array_unref);
  for (guint i = 0; i < row->children->len; i++)
    row_forget_order (g_ptr_array_index (row->children, i));
}

/* Telling the changes
 *
 * Each emission costs the view some work, and GTK 4.8's view takes a
 * change that it keeps rows in about as well whether it is small or
 * large: a few changes are told one by one, more as one, from the first
 * row that differs to the last. The view keeps the widgets of the rows
 * that are in both. */

#define MAX_CHANGES 16

typedef struct
{
  guint old_end;
  guint new_end;
  guint removed;
  guint added;
} Change;

static void
emit_changes (JlnRowModel *self,
              GPtrArray   *new_rows,
              gboolean     replace)
{
  g_autoptr(GPtrArray) old_rows = self->rows;
  Change changes[MAX_CHANGES];
  guint n_changes = 0;
  guint i = 0, j = 0;

  /* Rows that stay keep their order, so a merge pairs them; a row of the
   * old list that is not marked went, one of the new list not shown
   * before came. Anything else (a new order) is one change. */
  while (!replace && (i < old_rows->len || j < new_rows->len))
    {
      Change change = { 0, };

      if (i < old_rows->len && j < new_rows->len &&
          old_rows->pdata[i] == new_rows->pdata[j])
        {
          i++;
          j++;
          continue;
        }
      while (TRUE)
        {
          if (i < old_rows->len && ((JlnRow *) old_rows->pdata[i])->mark != self->stamp)
            {
              change.removed++;
              i++;
            }
          else if (j < new_rows->len && !((JlnRow *) new_rows->pdata[j])->shown)
            {
              change.added++;
              j++;
            }
          else
            break;
        }
      if ((change.removed == 0 && change.added == 0) || n_changes == MAX_CHANGES)
        {
          replace = TRUE;
          break;
        }
      change.old_end = i;
      change.new_end = j;
      changes[n_changes++] = change;
    }

  for (guint k = 0; k < old_rows->len; k++)
    ((JlnRow *) old_rows->pdata[k])->shown = FALSE;
  for (guint k = 0; k < new_rows->len; k++)
    ((JlnRow *) new_rows->pdata[k])->shown = TRUE;

  if (replace)
    {
      guint prefix = 0, suffix = 0;
      guint shortest = MIN (old_rows->len, new_rows->len);

      while (prefix < shortest && old_rows->pdata[prefix] == new_rows->pdata[prefix])
        prefix++;
      while (suffix < shortest - prefix &&
             old_rows->pdata[old_rows->len - 1 - suffix] ==
             new_rows->pdata[new_rows->len - 1 - suffix])
        suffix++;

      self->rows = new_rows;
      if (old_rows->len != prefix + suffix || new_rows->len != prefix + suffix)
        g_list_model_items_changed (G_LIST_MODEL (self), prefix,
                                    old_rows->len - prefix - suffix,
                                    new_rows->len - prefix - suffix);
      return;
    }

  /* One change at a time, the model reading as it would after it. */
  self->old_rows = old_rows;
  self->rows = new_rows;
  for (guint k = 0; k < n_changes; k++)
    {
      self->split_new = changes[k].new_end;
      self->split_old = changes[k].old_end;
      g_list_model_items_changed (G_LIST_MODEL (self), changes[k].new_end - changes[k].added,
                                  changes[k].removed, changes[k].added);
    }
  self->old_rows = NULL;
}

/* The one pass: objectives, their matching actions, the actions'
 * sub-items, each under an expanded parent. While a query is active, an
 * objective with no matching action is hidden. */
static void
rebuild (JlnRowModel *self,
         Retest       retest,
         gboolean     replace)
{
  GPtrArray *rows = g_ptr_array_new_full (self->rows->len + 16, g_object_unref);
  gboolean active = query_is_active (self);
  GPtrArray *objectives;
  guint n_shown = 0, n_total = 0;
  guint stamp;

  if (self->old_rows != NULL)
    {
      /* Asked for from an items-changed handler: the next pass will do. */
      g_ptr_array_unref (rows);
      return;
    }

  stamp = ++self->stamp;
  if (stamp == 0)
    stamp = ++self->stamp;

  objectives = self->root != NULL ? row_get_ordered (self, self->root) : NULL;
  for (guint o = 0; objectives != NULL && o < objectives->len; o++)
    {
      JlnRow *objective = g_ptr_array_index (objectives, o);
      GPtrArray *actions = row_get_ordered (self, objective);
      guint start = rows->len;
      guint n_matched = 0;

      n_total += actions->len;
      g_ptr_array_add (rows, g_object_ref (objective));
      for (guint a = 0; a < actions->len; a++)
        {
          JlnRow *action = g_ptr_array_index (actions, a);

          if (!active)
            action->matched = TRUE;
          else if (retest == RETEST_ALL ||
                   (retest == RETEST_MATCHED && action->matched) ||
                   (retest == RETEST_UNMATCHED && !action->matched))
            row_test (self, action);
          if (!action->matched)
            continue;

          n_matched++;
          if (!objective->expanded)
            continue;
          action->mark = stamp;
          g_ptr_array_add (rows, g_object_ref (action));
          if (action->expanded && action->children->len > 0)
            {
              GPtrArray *items = row_get_ordered (self, action);

              for (guint k = 0; k < items->len; k++)
                {
                  JlnRow *item = g_ptr_array_index (items, k);

                  item->mark = stamp;
                  g_ptr_array_add (rows, g_object_ref (item));
                }
            }
        }
      if (active && n_matched == 0)
        {
          g_ptr_array_set_size (rows, start);
          continue;
        }
      objective->mark = stamp;
      n_shown += n_matched;
    }

  emit_changes (self, rows, replace);

  g_object_freeze_notify (G_OBJECT (self));
  if (self->n_shown != n_shown)
    {
      self->n_shown = n_shown;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_SHOWN]);
    }
  if (self->n_total != n_total)
    {
      self->n_total = n_total;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_TOTAL]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

/* GListModel */

static GType
jln_row_model_get_item_type (GListModel *model)
{
  return JLN_TYPE_ROW;
}

static guint
jln_row_model_get_n_items (GListModel *model)
{
  JlnRowModel *self = JLN_ROW_MODEL (model);

  if (self->old_rows != NULL)
    return self->split_new + self->old_rows->len - self->split_old;
  return self->rows->len;
}

static gpointer
jln_row_model_get_item (GListModel *model,
                        guint       position)
{
  JlnRowModel *self = JLN_ROW_MODEL (model);

  if (self->old_rows != NULL && position >= self->split_new)
    {
      position = position - self->split_new + self->split_old;
      return position < self->old_rows->len ? g_object_ref (self->old_rows->pdata[position])
                                            : NULL;
    }
  return position < self->rows->len ? g_object_ref (self->rows->pdata[position]) : NULL;
}

static void
jln_row_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = jln_row_model_get_item_type;
  iface->get_n_items = jln_row_model_get_n_items;
  iface->get_item = jln_row_model_get_item;
}

/* GObject */

static void
jln_row_model_dispose (GObject *object)
{
  JlnRowModel *self = JLN_ROW_MODEL (object);

  g_clear_handle_id (&self->refilter_id, g_source_remove);
  if (self->root != NULL)
    row_release (g_steal_pointer (&self->root));
  g_clear_object (&self->filter);
  g_clear_object (&self->sorter);

  G_OBJECT_CLASS (jln_row_model_parent_class)->dispose (object);
}

static void
jln_row_model_finalize (GObject *object)
{
  JlnRowModel *self = JLN_ROW_MODEL (object);

  g_ptr_array_unref (self->rows);

  G_OBJECT_CLASS (jln_row_model_parent_class)->finalize (object);
}

static void
jln_row_model_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  JlnRowModel *self = JLN_ROW_MODEL (object);

  switch (prop_id)
    {
    case PROP_N_SHOWN:
      g_value_set_uint (value, self->n_shown);
      break;
    case PROP_N_TOTAL:
      g_value_set_uint (value, self->n_total);
      break;
    case PROP_PENDING:
      g_value_set_boolean (value, self->refilter_id != 0);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jln_row_model_class_init (JlnRowModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = jln_row_model_dispose;
  object_class->finalize = jln_row_model_finalize;
  object_class->get_property = jln_row_model_get_property;

  /**
   * JlnRowModel:n-shown:
   *
   * How many actions match the filter, shown or under a collapsed row.
   */
  properties[PROP_N_SHOWN] =
    g_param_spec_uint ("n-shown", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_N_TOTAL] =
    g_param_spec_uint ("n-total", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /**
   * JlnRowModel:pending:
   *
   * Whether a refilter is under way: the rows are those of the query
   * before.
   */
  properties[PROP_PENDING] =
    g_param_spec_boolean ("pending", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
jln_row_model_init (JlnRowModel *self)
{
  self->rows = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * jln_row_model_new:
 * @objectives: the plan's objectives store
 * @filter: (nullable): what actions to show; %NULL for all
 */
JlnRowModel *
jln_row_model_new (GListModel     *objectives,
                   JlnQueryFilter *filter)
{
  JlnRowModel *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (objectives), NULL);
  g_return_val_if_fail (filter == NULL || JLN_IS_QUERY_FILTER (filter), NULL);

  self = g_object_new (JLN_TYPE_ROW_MODEL, NULL);
  g_set_object (&self->filter, filter);
  self->root = row_new (self, NULL, objectives, 0);
  rebuild (self, RETEST_NONE, TRUE);
  return self;
}

void
jln_row_model_set_filter (JlnRowModel    *self,
                          JlnQueryFilter *filter)
{
  g_return_if_fail (JLN_IS_ROW_MODEL (self));
  g_return_if_fail (filter == NULL || JLN_IS_QUERY_FILTER (filter));

  if (g_set_object (&self->filter, filter))
    rebuild (self, RETEST_ALL, FALSE);
}

static gboolean
refilter_cb (gpointer data)
{
  JlnRowModel *self = data;
  gboolean active = query_is_active (self);
  gint64 deadline = g_get_monotonic_time () + SLICE_MS * 1000;
  GPtrArray *objectives = self->root->children;
  guint n = 0;

  /* The last slice tested the last actions: the rows change in a slice
   * of their own, after a frame. */
  if (self->tested)
    {
      self->refilter_id = 0;
      self->tested = FALSE;
      rebuild (self, RETEST_NONE, FALSE);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
      return G_SOURCE_REMOVE;
    }

  for (; self->cursor_objective < objectives->len; self->cursor_objective++)
    {
      JlnRow *objective = g_ptr_array_index (objectives, self->cursor_objective);

      for (; self->cursor_action < objective->children->len; self->cursor_action++)
        {
          JlnRow *action = g_ptr_array_index (objective->children, self->cursor_action);

          if (!active)
            action->matched = TRUE;
          else if (self->retest == RETEST_ALL ||
                   (self->retest == RETEST_MATCHED && action->matched) ||
                   (self->retest == RETEST_UNMATCHED && !action->matched))
            row_test (self, action);
          if (++n % 256 == 0 && g_get_monotonic_time () > deadline)
            {
              self->cursor_action++;
              return G_SOURCE_CONTINUE;
            }
        }
      self->cursor_action = 0;
    }
  self->tested = TRUE;
  return G_SOURCE_CONTINUE;
}

/* The filter's query changed by @change: only the actions that may have
 * changed are tested again. */
void
jln_row_model_refilter (JlnRowModel     *self,
                        GtkFilterChange  change)
{
  Retest retest;

  g_return_if_fail (JLN_IS_ROW_MODEL (self));

  if (change == GTK_FILTER_CHANGE_MORE_STRICT)
    retest = RETEST_MATCHED;
  else if (change == GTK_FILTER_CHANGE_LESS_STRICT)
    retest = RETEST_UNMATCHED;
  else
    retest = RETEST_ALL;

  if (self->refilter_id != 0)
    {
      /* The actions not tested yet hold the query before the last: two
       * changes the same way add up, others do not. */
      if (self->retest != retest)
        retest = RETEST_ALL;
      g_clear_handle_id (&self->refilter_id, g_source_remove);
    }
  else if (self->n_total <= SYNC_ACTIONS)
    {
      rebuild (self, retest, FALSE);
      return;
    }

  self->retest = retest;
  self->cursor_objective = 0;
  self->cursor_action = 0;
  self->tested = FALSE;
  /* Below the priority of redrawing: frames come between slices. */
  self->refilter_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, refilter_cb, self, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
}

gboolean
jln_row_model_get_pending (JlnRowModel *self)
{
  g_return_val_if_fail (JLN_IS_ROW_MODEL (self), FALSE);
  return self->refilter_id != 0;
}

/**
 * jln_row_model_set_sorter:
 * @sorter: (nullable): how to sort the rows among siblings; %NULL for the
 *   plan's order
 *
 * Sorts the rows again, even when @sorter is the one already set, as
 * after it changed.
 */
void
jln_row_model_set_sorter (JlnRowModel *self,
                          GtkSorter   *sorter)
{
  g_return_if_fail (JLN_IS_ROW_MODEL (self));
  g_return_if_fail (sorter == NULL || GTK_IS_SORTER (sorter));

  g_set_object (&self->sorter, sorter);
  if (self->root != NULL)
    row_forget_order (self->root);
  rebuild (self, RETEST_NONE, TRUE);
}

void
jln_row_model_set_expanded (JlnRowModel *self,
                            JlnRow      *row,
                            gboolean     expanded)
{
  g_return_if_fail (JLN_IS_ROW_MODEL (self));
  g_return_if_fail (JLN_IS_ROW (row));

  expanded = !!expanded;
  if (row->model != self || row->expanded == (guint) expanded)
    return;
  row->expanded = expanded;
  g_object_notify_by_pspec (G_OBJECT (row), row_properties[ROW_PROP_EXPANDED]);
  rebuild (self, RETEST_NONE, FALSE);
}

static JlnRow *
find_child (JlnRow    *row,
            JlnRecord *record)
{
  for (guint i = 0; row->children != NULL && i < row->children->len; i++)
    {
      JlnRow *child = g_ptr_array_index (row->children, i);

      if (child->record == record)
        return child;
    }
  return NULL;
}

/**
 * jln_row_model_reveal:
 * @record: an objective, action or sub-item
 * @position: (out): where its row is
 *
 * Expands the rows above @record's so that it shows.
 *
 * Returns: whether @record has a row, that is whether it is in the plan
 *   and its action matches the filter
 */
gboolean
jln_row_model_reveal (JlnRowModel *self,
                      JlnRecord   *record,
                      guint       *position)
{
  JlnRecord *chain[3];
  guint depth = 0;
  JlnRow *row, *parents[3];
  gboolean changed = FALSE;

  g_return_val_if_fail (JLN_IS_ROW_MODEL (self), FALSE);
  g_return_val_if_fail (JLN_IS_RECORD (record), FALSE);

  for (JlnRecord *r = record; r != NULL && !JLN_IS_PLAN (r); r = jln_record_get_parent (r))
    {
      if (depth == G_N_ELEMENTS (chain))
        return FALSE;
      chain[depth++] = r;
    }
  if (depth == 0 || self->root == NULL)
    return FALSE;

  row = self->root;
  for (guint i = depth; i-- > 0;)
    {
      row = find_child (row, chain[i]);
      if (row == NULL || (JLN_IS_ACTION (row->record) && !row->matched))
        return FALSE;
      parents[i] = row;
    }
  for (guint i = 1; i < depth; i++)
    if (!parents[i]->expanded)
      {
        parents[i]->expanded = TRUE;
        g_object_notify_by_pspec (G_OBJECT (parents[i]), row_properties[ROW_PROP_EXPANDED]);
        changed = TRUE;
      }
  if (changed)
    rebuild (self, RETEST_NONE, FALSE);

  return row->shown && g_ptr_array_find (self->rows, row, position);
}

guint
jln_row_model_get_n_shown (JlnRowModel *self)
{
  g_return_val_if_fail (JLN_IS_ROW_MODEL (self), 0);
  return self->n_shown;
}

guint
jln_row_model_get_n_total (JlnRowModel *self)
{
  g_return_val_if_fail (JLN_IS_ROW_MODEL (self), 0);
  return self->n_total;
}
