/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "jln-action.h"
#include "jln-action-item.h"
#include "jln-objective.h"
#include "jln-plan.h"
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

/* The children of a row, apart: most rows (actions without sub-items,
 * sub-items) have none, and a large plan has many rows. */
typedef struct
{
  GListModel  *store;      /* the children's store: actions, sub-items */
  GPtrArray   *children;   /* JlnRow, in the store's order */
  GPtrArray   *sorted;     /* the same, in the sorter's order; NULL until asked */
} RowKids;

/* 48 bytes, a size the slice allocator serves as is: a large plan has
 * a row per action and sub-item. */
struct _JlnRow
{
  GObject      parent_instance;

  JlnRecord   *record;
  RowKids     *kids;       /* NULL for an action that never had sub-items */
  guint        mark;       /* the model's stamp when last shown */
  guint        n_bound : 26; /* widgets of a view that show the row */
  guint        in_tree : 1;  /* FALSE once the record left the plan */
  guint        depth : 2;
  guint        expanded : 1;
  guint        matched : 1;
  guint        shown : 1;
};

#define MAX_BOUND ((1u << 26) - 1)

G_STATIC_ASSERT (sizeof (JlnRow) == sizeof (GObject) + 2 * sizeof (gpointer) + 2 * sizeof (guint));

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

/* One pass over the tree, which may stop and go on between frames:
 * tests the actions and lists the rows to show. */
typedef struct
{
  GPtrArray *rows;
  Retest     retest;
  gboolean   active;
  guint      stamp;
  guint      objective;    /* the next objective, in the shown order */
  guint      action;       /* its next action */
  gboolean   started;      /* its row is listed */
  guint      start;        /* where its rows start */
  guint      n_matched;    /* its matching actions so far */
  guint      n_shown;
  guint      n_total;
} Pass;

/* A change to tell the view: the old rows from old_start to old_end
 * become the new ones from new_start to new_end. */
typedef struct
{
  guint    old_start;
  guint    old_end;
  guint    new_start;
  guint    new_end;
  gboolean hot;            /* among rows with widgets */
} Tell;

struct _JlnRowModel
{
  GObject         parent_instance;

  JlnRow         *root;
  JlnPlan        *plan;
  gulong          children_made_id;
  gulong          children_changed_id;
  JlnQueryFilter *filter;
  GtkSorter      *sorter;
  GPtrArray      *rows;       /* JlnRow, shown */
  guint           stamp;
  guint           n_shown;
  guint           n_total;

  /* On a large plan, a refilter runs in slices between frames: a pass
   * tests the actions and lists the rows, then, in a slice of its own,
   * the rows are compared with those shown, then the changes are told a
   * few at a time. */
  guint           refilter_id;
  Pass           *pass;
  gboolean        pass_done;

  /* While changes are told one by one, the model reads as the new rows
   * up to split_new, then the old ones from split_old. */
  GPtrArray      *old_rows;
  guint           split_new;
  guint           split_old;
  GArray         *tells;      /* Tell, those left to tell from next_tell */
  GPtrArray      *dead_rows;  /* GPtrArray of rows told, to let go of */
  guint           next_tell;
  gint64          hot_told_at;
  gboolean        telling;    /* in an emission */
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

static void rebuild     (JlnRowModel *self,
                         Retest       retest,
                         gboolean     replace);
static void flush_tells (JlnRowModel *self);

/* Rows */

static void
jln_row_finalize (GObject *object)
{
  JlnRow *self = JLN_ROW (object);

  if (self->kids != NULL)
    {
      g_clear_pointer (&self->kids->sorted, g_ptr_array_unref);
      g_clear_pointer (&self->kids->children, g_ptr_array_unref);
      g_clear_object (&self->kids->store);
      g_clear_pointer (&self->kids, g_free);
    }
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

static inline gboolean
row_has_children (JlnRow *row)
{
  return row->kids != NULL && row->kids->children != NULL && row->kids->children->len > 0;
}

/* Objectives always are, as their arrow tells where actions go; actions
 * are while they have sub-items. */
gboolean
jln_row_get_expandable (JlnRow *self)
{
  g_return_val_if_fail (JLN_IS_ROW (self), FALSE);

  if (self->record != NULL && JLN_IS_OBJECTIVE (self->record))
    return TRUE;
  return row_has_children (self);
}

/**
 * jln_row_bind:
 *
 * Tells that a widget of a view shows the row, until jln_row_unbind().
 * The model tells the changes around such rows in small steps, between
 * frames.
 */
void
jln_row_bind (JlnRow *self)
{
  g_return_if_fail (JLN_IS_ROW (self));
  g_return_if_fail (self->n_bound < MAX_BOUND);
  self->n_bound++;
}

void
jln_row_unbind (JlnRow *self)
{
  g_return_if_fail (JLN_IS_ROW (self));
  g_return_if_fail (self->n_bound > 0);
  self->n_bound--;
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

/* Leaves the tree: the row may still be shown until the next pass. */
static void
row_release (JlnRow *row)
{
  if (row->kids != NULL)
    {
      g_clear_pointer (&row->kids->sorted, g_ptr_array_unref);
      g_clear_pointer (&row->kids->children, g_ptr_array_unref);
    }
  row->in_tree = FALSE;
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
  /* Most actions have no sub-items: no list, no handler for them, until
   * the plan says they made one (children_made_cb). */
  if (JLN_IS_ACTION (record))
    return row_new (self, record, jln_action_peek_items (JLN_ACTION (record)), 1);
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
      g_autoptr(JlnRecord) record = g_list_model_get_item (row->kids->store, position + i);

      g_ptr_array_insert (row->kids->children, position + i, row_new_child (self, row, record));
    }
}

static JlnRow *
row_new (JlnRowModel *self,
         JlnRecord   *record,
         GListModel  *store,
         guint        depth)
{
  JlnRow *row = g_object_new (JLN_TYPE_ROW, NULL);

  row->in_tree = TRUE;
  row->record = record != NULL ? g_object_ref (record) : NULL;
  row->depth = depth;
  if (record != NULL && JLN_IS_ACTION (record))
    row_test (self, row);
  if (store != NULL)
    {
      guint n = g_list_model_get_n_items (store);

      row->kids = g_new0 (RowKids, 1);
      row->kids->store = g_object_ref (store);
      row->kids->children = g_ptr_array_new_full (n, (GDestroyNotify) row_release);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(JlnRecord) child = g_list_model_get_item (store, i);

          g_ptr_array_add (row->kids->children, row_new_child (self, row, child));
        }
    }
  return row;
}

/* The children of @row changed in its store. */
static void
row_store_changed (JlnRowModel *self,
                   JlnRow      *row,
                   guint        position,
                   guint        removed,
                   guint        added)
{
  gboolean was_expandable = jln_row_get_expandable (row);

  g_ptr_array_remove_range (row->kids->children, position, removed);
  row_insert_children (self, row, position, added);
  g_clear_pointer (&row->kids->sorted, g_ptr_array_unref);

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
    return row->kids->children;
  if (row->kids->sorted == NULL)
    {
      GPtrArray *children = row->kids->children;

      row->kids->sorted = g_ptr_array_new_full (children->len, NULL);
      for (guint i = 0; i < children->len; i++)
        g_ptr_array_add (row->kids->sorted, g_ptr_array_index (children, i));
      g_ptr_array_sort_with_data (row->kids->sorted, compare_rows_cb, self->sorter);
    }
  return row->kids->sorted;
}

static void
row_forget_order (JlnRow *row)
{
  if (row->kids == NULL || row->kids->children == NULL)
    return;
  g_clear_pointer (&row->kids->sorted, g_ptr_array_unref);
  for (guint i = 0; i < row->kids->children->len; i++)
    row_forget_order (g_ptr_array_index (row->kids->children, i));
}

/* The pass
 *
 * Objectives, their matching actions, the actions' sub-items, each under
 * an expanded parent. While a query is active, an objective with no
 * matching action is hidden. */

static Pass *
pass_new (JlnRowModel *self,
          Retest       retest)
{
  Pass *pass = g_new0 (Pass, 1);

  pass->rows = g_ptr_array_new_full (self->rows->len + 16, g_object_unref);
  pass->retest = retest;
  pass->active = query_is_active (self);
  pass->stamp = ++self->stamp;
  if (pass->stamp == 0)
    pass->stamp = ++self->stamp;
  return pass;
}

static void
pass_free (Pass *pass)
{
  g_clear_pointer (&pass->rows, g_ptr_array_unref);
  g_free (pass);
}

/* Goes on until done, or until @deadline (monotonic time) passed.
 * Returns whether the pass is done. */
static gboolean
pass_run (JlnRowModel *self,
          Pass        *pass,
          gint64       deadline)
{
  GPtrArray *objectives = self->root != NULL ? row_get_ordered (self, self->root) : NULL;
  guint n = 0;

  for (; objectives != NULL && pass->objective < objectives->len; pass->objective++)
    {
      JlnRow *objective = g_ptr_array_index (objectives, pass->objective);
      GPtrArray *actions = row_get_ordered (self, objective);

      if (!pass->started)
        {
          pass->started = TRUE;
          pass->start = pass->rows->len;
          pass->n_matched = 0;
          pass->n_total += actions->len;
          g_ptr_array_add (pass->rows, g_object_ref (objective));
        }
      for (; pass->action < actions->len; pass->action++)
        {
          JlnRow *action = g_ptr_array_index (actions, pass->action);

          if (++n % 256 == 0 && g_get_monotonic_time () > deadline)
            return FALSE;

          if (!pass->active)
            action->matched = TRUE;
          else if (pass->retest == RETEST_ALL ||
                   (pass->retest == RETEST_MATCHED && action->matched) ||
                   (pass->retest == RETEST_UNMATCHED && !action->matched))
            row_test (self, action);
          if (!action->matched)
            continue;

          pass->n_matched++;
          if (!objective->expanded)
            continue;
          action->mark = pass->stamp;
          g_ptr_array_add (pass->rows, g_object_ref (action));
          if (action->expanded && row_has_children (action))
            {
              GPtrArray *items = row_get_ordered (self, action);

              for (guint k = 0; k < items->len; k++)
                {
                  JlnRow *item = g_ptr_array_index (items, k);

                  item->mark = pass->stamp;
                  g_ptr_array_add (pass->rows, g_object_ref (item));
                }
            }
        }
      if (pass->active && pass->n_matched == 0)
        g_ptr_array_set_size (pass->rows, pass->start);
      else
        {
          objective->mark = pass->stamp;
          pass->n_shown += pass->n_matched;
        }
      pass->started = FALSE;
      pass->action = 0;
    }
  return TRUE;
}

/* Telling the changes
 *
 * The new rows are compared with those shown: rows that stay keep their
 * order, so a merge pairs them and finds, exactly, what went and what
 * came. Then the changes are told the view.
 *
 * GTK 4.8's view keeps widgets for about 200 rows around the viewport
 * (whatever its height) and pays for each emission by the widgets after
 * it, binding each of them again, and for each widget that a change
 * removes or adds; when a change removes a row that it tracks (the top
 * of the viewport, the selection, the focus), it looks for it among all
 * the rows that the change adds. Telling a whole new list in one
 * emission took tens of milliseconds. So the changes away from rows with
 * widgets are told together, as few large ones; those among rows with
 * widgets in one step that reaches HOT_REACH new rows past its start,
 * the rows the view gives widgets to, and the rest of the list after a
 * frame. Smaller steps cost more in all: each bound the widgets after it
 * again, gave widgets to old rows it brought into view only for the next
 * step to take them away, and had the whole list laid out again. */

#define HOT_ROWS 100
#define HOT_INTERVAL_MS 16
#define DEAD_SLICE 20000
/* Beyond this many rows added at one place, the rows are past the
 * widgets: the rest is told in one step. */
#define HOT_REACH 256

typedef struct
{
  guint old_end;
  guint new_end;
  guint removed;
  guint added;
} Change;

/* Whether a change of the rows from @start to @end removes a row with a
 * widget, or adds rows beside one. */
static gboolean
any_bound (GPtrArray *rows,
           guint      start,
           guint      end)
{
  start = start > 0 ? start - 1 : 0;
  end = MIN (end + 1, rows->len);
  for (guint k = start; k < end; k++)
    if (((JlnRow *) rows->pdata[k])->n_bound > 0)
      return TRUE;
  return FALSE;
}

static void
add_tell (GArray   *tells,
          guint     old_start,
          guint     old_end,
          guint     new_start,
          guint     new_end,
          gboolean  hot)
{
  Tell tell = { old_start, old_end, new_start, new_end, hot };

  if (old_start != old_end || new_start != new_end)
    g_array_append_val (tells, tell);
}

/* Tells the changes from @first to @last, among rows with widgets: in
 * one step up to HOT_REACH new rows past the start, then the rest. Only
 * @last may run past that: inside a change, the old rows are not among
 * the new ones and the new ones were not shown, so it may be cut
 * anywhere. */
static void
add_hot_tells (GArray       *tells,
               const Change *first,
               const Change *last)
{
  guint old_start = first->old_end - first->removed;
  guint new_start = first->new_end - first->added;
  guint cut = new_start + HOT_REACH;

  if (last->new_end <= cut)
    {
      add_tell (tells, old_start, last->old_end, new_start, last->new_end, TRUE);
      return;
    }
  add_tell (tells, old_start, last->old_end, new_start, cut, TRUE);
  /* Past the widgets: in one step. */
  add_tell (tells, last->old_end, last->old_end, cut, last->new_end, TRUE);
}

/* Makes @new_rows those of the model, and lists the changes to tell. */
static void
compare_rows (JlnRowModel *self,
              GPtrArray   *new_rows,
              guint        stamp,
              gboolean     replace)
{
  GPtrArray *old_rows = self->rows;
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (Change));
  GArray *tells = g_array_new (FALSE, FALSE, sizeof (Tell));
  guint i = 0, j = 0;

  g_assert (self->tells == NULL && self->old_rows == NULL);

  /* A row of the old list that is not marked went, one of the new list
   * not shown before came. Anything else (a new order) is one change. */
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
          if (i < old_rows->len && ((JlnRow *) old_rows->pdata[i])->mark != stamp)
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
      if (change.removed == 0 && change.added == 0)
        {
          replace = TRUE;
          break;
        }
      change.old_end = i;
      change.new_end = j;
      g_array_append_val (changes, change);
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
      add_tell (tells, prefix, old_rows->len - suffix, prefix, new_rows->len - suffix, FALSE);
    }

  for (guint k = 0; k < changes->len;)
    {
      Change *first = &g_array_index (changes, Change, k);
      guint old_start = first->old_end - first->removed;
      guint new_start = first->new_end - first->added;
      guint last = k;
      Change *end;

      if (any_bound (old_rows, old_start, first->old_end))
        {
          /* Those that begin within reach are told in the same step. */
          while (last + 1 < changes->len)
            {
              Change *next = &g_array_index (changes, Change, last + 1);

              if (next->new_end - next->added >= new_start + HOT_REACH)
                break;
              last++;
            }
          add_hot_tells (tells, first, &g_array_index (changes, Change, last));
        }
      else
        {
          /* Those with no widget between them are told as one. */
          while (last + 1 < changes->len)
            {
              Change *next = &g_array_index (changes, Change, last + 1);

              if (any_bound (old_rows, g_array_index (changes, Change, last).old_end, next->old_end))
                break;
              last++;
            }
          end = &g_array_index (changes, Change, last);
          add_tell (tells, old_start, end->old_end, new_start, end->new_end, FALSE);
        }
      k = last + 1;
    }

  self->rows = new_rows;
  self->old_rows = old_rows;
  self->split_new = 0;
  self->split_old = 0;
  self->tells = tells;
  self->next_tell = 0;
  if (tells->len == 0)
    flush_tells (self);
}

/* Tells changes until done or until @deadline passed, one at least, and
 * one among rows with widgets at most: the view lays the new widgets out
 * in the next frame. The model reads as it would after each. */
static void
tell_until (JlnRowModel *self,
            gint64       deadline)
{
  gboolean paced = deadline != G_MAXINT64;

  while (self->tells != NULL && self->next_tell < self->tells->len)
    {
      Tell *tell = &g_array_index (self->tells, Tell, self->next_tell);
      Tell step = *tell;
      gboolean touched;

      /* The steps before gave widgets to the old rows that came into
       * view: those are told in steps too. */
      if (paced && !tell->hot &&
          any_bound (self->old_rows, tell->old_start,
                     MIN (tell->old_end, tell->old_start + HOT_REACH)))
        {
          step.old_end = MIN (tell->old_end, tell->old_start + HOT_ROWS);
          step.new_end = MIN (tell->new_end, tell->new_start + HOT_ROWS);
          step.hot = TRUE;
          tell->old_start = step.old_end;
          tell->new_start = step.new_end;
          if (tell->old_start == tell->old_end && tell->new_start == tell->new_end)
            self->next_tell++;
        }
      else
        self->next_tell++;

      /* Only a step that removes or adds rows among widgets asks for a
       * frame before the next. */
      touched = FALSE;
      for (guint k = step.old_start; step.hot && !touched && k < step.old_end; k++)
        touched = ((JlnRow *) self->old_rows->pdata[k])->n_bound > 0;
      if (step.hot && step.new_start > 0)
        touched |= ((JlnRow *) self->rows->pdata[step.new_start - 1])->n_bound > 0;
      if (step.hot && step.old_end < self->old_rows->len)
        touched |= ((JlnRow *) self->old_rows->pdata[step.old_end])->n_bound > 0;

      self->split_new = step.new_end;
      self->split_old = step.old_end;
      self->telling = TRUE;
      g_list_model_items_changed (G_LIST_MODEL (self), step.new_start,
                                  step.old_end - step.old_start,
                                  step.new_end - step.new_start);
      self->telling = FALSE;
      if (touched && paced)
        {
          self->hot_told_at = g_get_monotonic_time ();
          break;
        }
      if (g_get_monotonic_time () > deadline)
        break;
    }
  if (self->tells != NULL && self->next_tell == self->tells->len)
    {
      g_clear_pointer (&self->tells, g_array_unref);
      /* Letting go of 100 000 rows takes milliseconds: in slices too. */
      if (paced)
        {
          if (self->dead_rows == NULL)
            self->dead_rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
          g_ptr_array_add (self->dead_rows, g_steal_pointer (&self->old_rows));
        }
      else
        g_clear_pointer (&self->old_rows, g_ptr_array_unref);
    }
}

static void
flush_tells (JlnRowModel *self)
{
  tell_until (self, G_MAXINT64);
}

static void
update_counts (JlnRowModel *self,
               guint        n_shown,
               guint        n_total)
{
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

/* The pass at once, and the changes told at once. A refilter under way
 * starts again, as the tree may have changed. */
static void
rebuild (JlnRowModel *self,
         Retest       retest,
         gboolean     replace)
{
  Pass *pass;

  /* Asked for from an items-changed handler: the next pass will do. */
  if (self->telling)
    return;

  flush_tells (self);
  pass = pass_new (self, retest);
  pass_run (self, pass, G_MAXINT64);
  compare_rows (self, g_steal_pointer (&pass->rows), pass->stamp, replace);
  flush_tells (self);
  update_counts (self, pass->n_shown, pass->n_total);
  pass_free (pass);

  if (self->pass != NULL)
    {
      retest = self->pass->retest;
      pass_free (self->pass);
      self->pass = pass_new (self, retest);
      self->pass_done = FALSE;
    }
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
  g_clear_pointer (&self->pass, pass_free);
  g_clear_pointer (&self->tells, g_array_unref);
  g_clear_pointer (&self->old_rows, g_ptr_array_unref);
  g_clear_pointer (&self->dead_rows, g_ptr_array_unref);
  if (self->root != NULL)
    row_release (g_steal_pointer (&self->root));
  if (self->plan != NULL)
    {
      g_clear_signal_handler (&self->children_made_id, self->plan);
      g_clear_signal_handler (&self->children_changed_id, self->plan);
    }
  g_clear_object (&self->plan);
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

static JlnRow *find_child (JlnRow    *row,
                           JlnRecord *record);

/* A list of children in the plan changed: the plan tells it once for all
 * the lists, rather than each row with children watching its own. */
static void
children_changed_cb (JlnPlan     *plan,
                     JlnRecord   *record,
                     GListModel  *store,
                     guint        position,
                     guint        removed,
                     guint        added,
                     JlnRowModel *self)
{
  JlnRow *row = NULL;

  if (self->root == NULL)
    return;
  if (record == JLN_RECORD (plan))
    row = self->root;
  else if (JLN_IS_OBJECTIVE (record))
    row = find_child (self->root, record);
  else if (JLN_IS_ACTION (record) && jln_record_get_parent (record) != NULL)
    {
      JlnRow *objective_row = find_child (self->root, jln_record_get_parent (record));

      row = objective_row != NULL ? find_child (objective_row, record) : NULL;
    }
  if (row != NULL && row->kids != NULL && row->kids->store == store)
    row_store_changed (self, row, position, removed, added);
}

/* An action of the plan got its list of sub-items: its row has them from
 * now on. */
static void
children_made_cb (JlnPlan     *plan,
                  JlnRecord   *record,
                  JlnRowModel *self)
{
  JlnRecord *objective;
  GListModel *items;

  if (!JLN_IS_ACTION (record) || self->root == NULL
      || (objective = jln_record_get_parent (record)) == NULL)
    return;
  items = jln_action_peek_items (JLN_ACTION (record));
  for (guint i = 0; i < self->root->kids->children->len; i++)
    {
      JlnRow *objective_row = g_ptr_array_index (self->root->kids->children, i);

      if (objective_row->record != objective)
        continue;
      for (guint j = 0; j < objective_row->kids->children->len; j++)
        {
          JlnRow *row = g_ptr_array_index (objective_row->kids->children, j);

          if (row->record != record || row->kids != NULL)
            continue;
          row->kids = g_new0 (RowKids, 1);
          row->kids->store = g_object_ref (items);
          row->kids->children = g_ptr_array_new_with_free_func ((GDestroyNotify) row_release);
          if (g_list_model_get_n_items (items) > 0)
            row_store_changed (self, row, 0, 0, g_list_model_get_n_items (items));
          return;
        }
      return;
    }
}

/**
 * jln_row_model_new:
 * @plan: the plan whose objectives, actions and sub-items are the rows
 * @filter: (nullable): what actions to show; %NULL for all
 */
JlnRowModel *
jln_row_model_new (JlnPlan        *plan,
                   JlnQueryFilter *filter)
{
  JlnRowModel *self;

  g_return_val_if_fail (JLN_IS_PLAN (plan), NULL);
  g_return_val_if_fail (filter == NULL || JLN_IS_QUERY_FILTER (filter), NULL);

  self = g_object_new (JLN_TYPE_ROW_MODEL, NULL);
  g_set_object (&self->filter, filter);
  self->plan = g_object_ref (plan);
  self->children_made_id = g_signal_connect (plan, "children-made",
                                             G_CALLBACK (children_made_cb), self);
  self->children_changed_id = g_signal_connect (plan, "children-changed",
                                                G_CALLBACK (children_changed_cb), self);
  self->root = row_new (self, NULL, jln_plan_get_objectives (plan), 0);
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

static gboolean refilter_cb (gpointer data);

/* After a wait for a frame, the slices go on as fast as frames allow. */
static gboolean
wait_done_cb (gpointer data)
{
  JlnRowModel *self = data;

  self->refilter_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, refilter_cb, self, NULL);
  return G_SOURCE_REMOVE;
}

static gboolean
refilter_cb (gpointer data)
{
  JlnRowModel *self = data;
  gint64 deadline = g_get_monotonic_time () + SLICE_MS * 1000;

  if (self->dead_rows != NULL && self->dead_rows->len > 0)
    {
      GPtrArray *dead = g_ptr_array_index (self->dead_rows, self->dead_rows->len - 1);

      g_ptr_array_set_size (dead, dead->len - MIN (dead->len, DEAD_SLICE));
      if (dead->len == 0)
        g_ptr_array_set_size (self->dead_rows, self->dead_rows->len - 1);
    }
  else if (self->tells != NULL)
    {
      gint64 wait = self->hot_told_at + HOT_INTERVAL_MS * 1000 - g_get_monotonic_time ();

      /* A frame comes after each step among rows with widgets. */
      if (wait > 0)
        {
          self->refilter_id = g_timeout_add_full (G_PRIORITY_DEFAULT_IDLE, wait / 1000 + 1,
                                                  wait_done_cb, self, NULL);
          return G_SOURCE_REMOVE;
        }
      tell_until (self, deadline);
    }
  else if (self->pass != NULL && !self->pass_done)
    self->pass_done = pass_run (self, self->pass, deadline);
  else if (self->pass != NULL)
    {
      /* The last slice listed the last rows: they are compared in a
       * slice of their own, and the first changes told in the next. */
      Pass *pass = g_steal_pointer (&self->pass);

      compare_rows (self, g_steal_pointer (&pass->rows), pass->stamp, FALSE);
      update_counts (self, pass->n_shown, pass->n_total);
      pass_free (pass);
      /* The new count is shown in a frame of its own, before the rows
       * change: telling them takes longer than a frame. */
      self->hot_told_at = g_get_monotonic_time ();
    }

  if (self->tells != NULL || self->pass != NULL ||
      (self->dead_rows != NULL && self->dead_rows->len > 0))
    return G_SOURCE_CONTINUE;

  self->refilter_id = 0;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
  return G_SOURCE_REMOVE;
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

  if (self->pass != NULL)
    {
      /* The actions not tested yet hold the query before the last: two
       * changes the same way add up, others do not. */
      if (!self->pass_done && self->pass->retest != retest)
        retest = RETEST_ALL;
      g_clear_pointer (&self->pass, pass_free);
    }
  else if (self->refilter_id == 0 && self->n_total <= SYNC_ACTIONS)
    {
      rebuild (self, retest, FALSE);
      return;
    }

  self->pass = pass_new (self, retest);
  self->pass_done = FALSE;
  if (self->refilter_id != 0)
    return;
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
  /* A row whose record left the plan is no longer in the tree; rows are
   * given to the views of the model that made them only. */
  if (!row->in_tree || row->expanded == (guint) expanded)
    return;
  row->expanded = expanded;
  g_object_notify_by_pspec (G_OBJECT (row), row_properties[ROW_PROP_EXPANDED]);
  rebuild (self, RETEST_NONE, FALSE);
}

static JlnRow *
find_child (JlnRow    *row,
            JlnRecord *record)
{
  GPtrArray *children = row->kids != NULL ? row->kids->children : NULL;

  for (guint i = 0; children != NULL && i < children->len; i++)
    {
      JlnRow *child = g_ptr_array_index (children, i);

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

  if (!self->telling)
    flush_tells (self);
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
