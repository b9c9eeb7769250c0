/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The rows of the action list against a plain recomputation from the
 * plan, over random edits, queries, collapsed rows and reveals. No
 * display: the model and the filter are plain objects. */
#include "config.h"

#include <string.h>

#include "jln-action.h"
#include "jln-action-item.h"
#include "jln-document.h"
#include "jln-edit.h"
#include "jln-objective.h"
#include "jln-plan.h"
#include "jln-query-filter.h"
#include "jln-row-model.h"

#include "jln-test-utils.h"

/* Words of the bundled plan and of the generated one, in both languages,
 * with and without accents, and query terms in English and French. */
static const char * const words[] = {
  "recrutement", "egalite", "égalité", "carrière", "carriere", "formation", "chercheurs",
  "gender", "career", "training", "researchers", "mobilité", "handicap", "guide", "RH",
  "évaluation", "international", "1.4", "3.2", "site", "plateforme", "offres",
};
static const char * const terms[] = {
  "status:done", "status:in-progress", "status:planned", "-status:done", "statut:en-cours",
  "statut:réalisée", "unit:RH", "unit:U3", "unité:U7", "due:2022", "due:<2023", "due:2022-S2",
  "échéance:2023", "due:>=2024", "overdue", "en-retard", "objective:1", "objective:3",
  "objective:1,2", "objectif:2", "done:2019", "principle:27", "-recrutement", "-gender",
};
static const char * const statuses[] = {
  "planned", "in-progress", "done", "done-new", "revised", "superseded", "dropped",
};

typedef struct
{
  JlnDocument    *document;
  JlnPlan        *plan;
  JlnQueryFilter *filter;
  JlnRowModel    *model;
  GRand          *rand;
  GHashTable     *collapsed;  /* records whose row the test collapsed */
  GHashTable     *matched;    /* action → whether it matched when last tested */
  GHashTable     *watched;    /* stores whose changes are followed */
  GPtrArray      *mirror;     /* the rows as told by items-changed */
  GPtrArray      *bound;      /* rows "shown by widgets" */
  GString        *query;
  guint           next_number;
  gboolean        sorted;
} Fixture;

static gboolean
match_now (Fixture   *fixture,
           JlnRecord *action)
{
  JlnQuery *query = jln_query_filter_get_query (fixture->filter);

  return query == NULL || jln_query_is_empty (query) ||
         jln_query_filter_match_action (fixture->filter, JLN_ACTION (action));
}

static void watch_store (Fixture    *fixture,
                         GListModel *store);

/* A record added to a store has a new row: expanded, and its action
 * tested against the query in force. */
static void
store_changed_cb (GListModel *store,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Fixture    *fixture)
{
  for (guint i = 0; i < added; i++)
    {
      g_autoptr(JlnRecord) record = g_list_model_get_item (store, position + i);

      g_hash_table_remove (fixture->collapsed, record);
      if (JLN_IS_OBJECTIVE (record))
        watch_store (fixture, jln_objective_get_actions (JLN_OBJECTIVE (record)));
      if (!JLN_IS_ACTION (record))
        continue;
      g_hash_table_insert (fixture->matched, g_object_ref (record), GINT_TO_POINTER (match_now (fixture, record)));
      if (jln_action_peek_items (JLN_ACTION (record)) != NULL)
        watch_store (fixture, jln_action_peek_items (JLN_ACTION (record)));
    }
}

static void
watch_store (Fixture    *fixture,
             GListModel *store)
{
  if (g_hash_table_contains (fixture->watched, store))
    return;
  g_hash_table_add (fixture->watched, g_object_ref (store));
  g_signal_connect (store, "items-changed", G_CALLBACK (store_changed_cb), fixture);
  store_changed_cb (store, 0, 0, g_list_model_get_n_items (store), fixture);
}

static void
children_made_cb (JlnPlan   *plan,
                  JlnRecord *record,
                  Fixture   *fixture)
{
  if (JLN_IS_ACTION (record))
    watch_store (fixture, jln_action_peek_items (JLN_ACTION (record)));
}

/* The filter tells how the query changed: the actions that may have
 * changed are tested again, as the list promises. */
static void
filter_changed_cb (GtkFilter       *filter,
                   GtkFilterChange  change,
                   Fixture         *fixture)
{
  GHashTableIter iter;
  gpointer action, matched;
  JlnQuery *query = jln_query_filter_get_query (fixture->filter);
  gboolean active = query != NULL && !jln_query_is_empty (query);

  g_hash_table_iter_init (&iter, fixture->matched);
  while (g_hash_table_iter_next (&iter, &action, &matched))
    if (!active || change == GTK_FILTER_CHANGE_DIFFERENT ||
        (change == GTK_FILTER_CHANGE_MORE_STRICT && GPOINTER_TO_INT (matched)) ||
        (change == GTK_FILTER_CHANGE_LESS_STRICT && !GPOINTER_TO_INT (matched)))
      g_hash_table_iter_replace (&iter, GINT_TO_POINTER (match_now (fixture, action)));

  jln_row_model_refilter (fixture->model, change);
}

static void
model_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Fixture    *fixture)
{
  g_assert_cmpuint (position + removed, <=, fixture->mirror->len);
  g_ptr_array_remove_range (fixture->mirror, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (fixture->mirror, position + i, g_list_model_get_item (model, position + i));
  g_assert_cmpuint (fixture->mirror->len, ==, g_list_model_get_n_items (model));
}

/* Objectives by number, actions by number, sub-items by label, each
 * backwards: the plan's order shows where sorting went wrong. */
static int
compare_backwards_cb (gconstpointer a,
                      gconstpointer b,
                      gpointer      user_data)
{
  const char *field = JLN_IS_ACTION_ITEM ((gpointer) a) ? "label" : "number";
  g_autofree char *text_a = jln_record_dup_field ((JlnRecord *) a, field);
  g_autofree char *text_b = jln_record_dup_field ((JlnRecord *) b, field);

  return -g_strcmp0 (text_a, text_b);
}

static int
compare_records_cb (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  return compare_backwards_cb (*(gpointer *) a, *(gpointer *) b, user_data);
}

static GPtrArray *
ordered (Fixture    *fixture,
         GListModel *store)
{
  GPtrArray *records = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; store != NULL && i < g_list_model_get_n_items (store); i++)
    g_ptr_array_add (records, g_list_model_get_item (store, i));
  if (fixture->sorted)
    g_ptr_array_sort_with_data (records, compare_records_cb, NULL);
  return records;
}

/* The rows, computed plainly: each objective, its matching actions and
 * their sub-items under expanded parents; while a query is active, an
 * objective with no matching action is left out. */
static GPtrArray *
expected_rows (Fixture *fixture,
               guint   *n_shown,
               guint   *n_total)
{
  GPtrArray *rows = g_ptr_array_new ();
  JlnQuery *query = jln_query_filter_get_query (fixture->filter);
  gboolean active = query != NULL && !jln_query_is_empty (query);
  g_autoptr(GPtrArray) objectives = ordered (fixture, jln_plan_get_objectives (fixture->plan));

  *n_shown = *n_total = 0;
  for (guint i = 0; i < objectives->len; i++)
    {
      JlnObjective *objective = g_ptr_array_index (objectives, i);
      g_autoptr(GPtrArray) actions = ordered (fixture, jln_objective_get_actions (objective));
      guint start = rows->len, n_matched = 0;

      *n_total += actions->len;
      g_ptr_array_add (rows, objective);
      for (guint j = 0; j < actions->len; j++)
        {
          JlnAction *action = g_ptr_array_index (actions, j);
          g_autoptr(GPtrArray) items = NULL;

          g_assert_true (g_hash_table_contains (fixture->matched, action));
          if (!GPOINTER_TO_INT (g_hash_table_lookup (fixture->matched, action)))
            continue;
          n_matched++;
          if (g_hash_table_contains (fixture->collapsed, objective))
            continue;
          g_ptr_array_add (rows, action);
          if (g_hash_table_contains (fixture->collapsed, action))
            continue;
          items = ordered (fixture, jln_action_peek_items (action));
          for (guint k = 0; k < items->len; k++)
            g_ptr_array_add (rows, g_ptr_array_index (items, k));
        }
      if (active && n_matched == 0)
        g_ptr_array_set_size (rows, start);
      *n_shown += n_matched;
    }
  return rows;
}

static void
drain (Fixture *fixture)
{
  while (jln_row_model_get_pending (fixture->model))
    g_main_context_iteration (NULL, TRUE);
}

static void
check_rows (Fixture    *fixture,
            guint       step,
            const char *what)
{
  guint n_shown, n_total;
  g_autoptr(GPtrArray) expected = NULL;
  GListModel *model = G_LIST_MODEL (fixture->model);

  drain (fixture);
  expected = expected_rows (fixture, &n_shown, &n_total);

  if (g_list_model_get_n_items (model) != expected->len)
    g_error ("step %u (%s, query '%s'): %u rows, expected %u", step, what,
             jln_query_filter_get_text (fixture->filter), g_list_model_get_n_items (model),
             expected->len);
  g_assert_cmpuint (fixture->mirror->len, ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    {
      g_autoptr(JlnRow) row = g_list_model_get_item (model, i);
      JlnRecord *record = g_ptr_array_index (expected, i);
      guint depth = JLN_IS_OBJECTIVE (record) ? 0 : JLN_IS_ACTION (record) ? 1 : 2;
      GListModel *items;

      if (jln_row_get_record (row) != record)
        {
          g_autofree char *got = jln_record_dup_field (jln_row_get_record (row), "number");
          g_autofree char *want = jln_record_dup_field (record, "number");

          g_error ("step %u (%s, query '%s'): row %u is %s '%s', expected %s '%s'", step, what,
                   jln_query_filter_get_text (fixture->filter), i,
                   jln_record_get_kind_name (jln_row_get_record (row)), got ? got : "",
                   jln_record_get_kind_name (record), want ? want : "");
        }
      g_assert_true (g_ptr_array_index (fixture->mirror, i) == row);
      g_assert_cmpuint (jln_row_get_depth (row), ==, depth);
      if (depth < 2)
        g_assert_cmpint (jln_row_get_expanded (row), ==,
                         !g_hash_table_contains (fixture->collapsed, record));
      items = depth == 1 ? jln_action_peek_items (JLN_ACTION (record)) : NULL;
      g_assert_cmpint (jln_row_get_expandable (row), ==,
                       depth == 0 || (items != NULL && g_list_model_get_n_items (items) > 0));
    }
  g_assert_cmpuint (jln_row_model_get_n_shown (fixture->model), ==, n_shown);
  g_assert_cmpuint (jln_row_model_get_n_total (fixture->model), ==, n_total);
}

/* Random choices */

static JlnRecord *
random_action (Fixture *fixture)
{
  GListModel *objectives = jln_plan_get_objectives (fixture->plan);
  guint n_objectives = g_list_model_get_n_items (objectives);

  for (guint tries = 0; tries < 20; tries++)
    {
      g_autoptr(JlnObjective) objective =
        g_list_model_get_item (objectives, g_rand_int_range (fixture->rand, 0, n_objectives));
      GListModel *actions = jln_objective_get_actions (objective);
      guint n = g_list_model_get_n_items (actions);

      if (n > 0)
        {
          g_autoptr(JlnRecord) action = g_list_model_get_item (actions,
                                                               g_rand_int_range (fixture->rand, 0, n));

          return action;   /* the plan holds it */
        }
    }
  return NULL;
}

static JlnRecord *
random_item (Fixture *fixture)
{
  for (guint tries = 0; tries < 50; tries++)
    {
      JlnRecord *action = random_action (fixture);
      GListModel *items = action != NULL ? jln_action_peek_items (JLN_ACTION (action)) : NULL;
      guint n = items != NULL ? g_list_model_get_n_items (items) : 0;

      if (n > 0)
        {
          g_autoptr(JlnRecord) item = g_list_model_get_item (items, g_rand_int_range (fixture->rand, 0, n));

          return item;
        }
    }
  return NULL;
}

static char *
random_sentence (Fixture *fixture)
{
  GString *out = g_string_new (NULL);
  guint n = g_rand_int_range (fixture->rand, 1, 6);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (out, "%s%s", i > 0 ? " " : "",
                            words[g_rand_int_range (fixture->rand, 0, G_N_ELEMENTS (words))]);
  return g_string_free (out, FALSE);
}

static char *
random_semester (Fixture *fixture)
{
  return g_strdup_printf ("%d-S%d", g_rand_int_range (fixture->rand, 2018, 2027),
                          g_rand_int_range (fixture->rand, 1, 3));
}

static void
apply (Fixture    *fixture,
       JlnEdit    *edit,
       GString    *what)
{
  g_autoptr(JlnEdit) owned = edit;
  g_autoptr(GError) error = NULL;

  /* A plan may refuse an edit (a record others refer to): nothing
   * changes then, and the rows must not either. */
  if (!jln_document_apply (fixture->document, owned, &error))
    g_string_append_printf (what, " (refused: %s)", error->message);
}

/* One random change to the plan, the query or the rows shown. */
static void
random_step (Fixture *fixture,
             GString *what)
{
  guint choice = g_rand_int_range (fixture->rand, 0, 100);
  JlnRecord *action = random_action (fixture);
  g_autoptr(GError) error = NULL;

  if (choice < 25)
    {
      /* Typing: a letter more or less, a word or a term more or less,
       * or a new query. */
      guint how = g_rand_int_range (fixture->rand, 0, 6);

      if (fixture->query->len > 24)
        how = 4;

      if (how == 0 && fixture->query->len > 0)
        g_string_truncate (fixture->query, fixture->query->len - 1);
      else if (how == 1)
        g_string_append_printf (fixture->query, "%s%s", fixture->query->len > 0 ? " " : "",
                                words[g_rand_int_range (fixture->rand, 0, G_N_ELEMENTS (words))]);
      else if (how == 2)
        g_string_append_printf (fixture->query, "%s%s", fixture->query->len > 0 ? " " : "",
                                terms[g_rand_int_range (fixture->rand, 0, G_N_ELEMENTS (terms))]);
      else if (how == 3)
        g_string_truncate (fixture->query, 0);
      else if (how == 4 && fixture->query->len > 0)
        {
          const char *space = strrchr (fixture->query->str, ' ');

          g_string_truncate (fixture->query, space != NULL ? (gsize) (space - fixture->query->str) : 0);
        }
      else
        g_string_append_c (fixture->query, "aeioust:-"[g_rand_int_range (fixture->rand, 0, 9)]);
      if (!g_utf8_validate (fixture->query->str, -1, NULL))
        g_string_truncate (fixture->query, 0);
      g_string_printf (what, "query '%s'", fixture->query->str);
      jln_query_filter_set_text (fixture->filter, fixture->query->str);
    }
  else if (choice < 35 && action != NULL)
    {
      g_autofree char *title = random_sentence (fixture);
      const char *field = g_rand_boolean (fixture->rand) ? "title-fr" : "title-en";

      g_string_printf (what, "set %s of %s to '%s'", field,
                       jln_action_get_number (JLN_ACTION (action)), title);
      apply (fixture, jln_edit_new_set (action, field, title), what);
    }
  else if (choice < 42 && action != NULL)
    {
      const char *status = statuses[g_rand_int_range (fixture->rand, 0, G_N_ELEMENTS (statuses))];

      g_string_printf (what, "set status of %s to %s", jln_action_get_number (JLN_ACTION (action)), status);
      apply (fixture, jln_edit_new_set (action, "status", status), what);
    }
  else if (choice < 48 && action != NULL)
    {
      g_autofree char *semester = random_semester (fixture);
      const char *field = g_rand_boolean (fixture->rand) ? "due" : "start";

      g_string_printf (what, "set %s of %s to %s", field,
                       jln_action_get_number (JLN_ACTION (action)), semester);
      apply (fixture, jln_edit_new_set (action, field, semester), what);
    }
  else if (choice < 54 && action != NULL)
    {
      JlnRecord *objective = jln_record_get_parent (action);
      guint n = g_list_model_get_n_items (jln_objective_get_actions (JLN_OBJECTIVE (objective)));
      g_autofree char *number = g_strdup_printf ("%s.%u", jln_objective_get_number (JLN_OBJECTIVE (objective)),
                                                 fixture->next_number++);
      g_autofree char *title_fr = random_sentence (fixture);
      g_autofree char *title_en = random_sentence (fixture);
      g_autoptr(JlnRecord) added = jln_record_new (JLN_KIND_ACTION, "number", number,
                                                   "title-fr", title_fr, "title-en", title_en,
                                                   "status", statuses[g_rand_int_range (fixture->rand, 0, 3)],
                                                   NULL);
      guint position = g_rand_int_range (fixture->rand, 0, n + 1);

      g_string_printf (what, "insert action %s at %u", number, position);
      apply (fixture, jln_edit_new_insert (objective, added, position), what);
    }
  else if (choice < 60 && action != NULL)
    {
      g_autofree char *title = random_sentence (fixture);
      GListModel *items = jln_action_peek_items (JLN_ACTION (action));
      guint n = items != NULL ? g_list_model_get_n_items (items) : 0;
      g_autofree char *label = g_strdup_printf ("%c", 'a' + n % 26);
      g_autoptr(JlnRecord) item = jln_record_new (JLN_KIND_ITEM, "label", label, "title-en", title, NULL);
      guint position = g_rand_int_range (fixture->rand, 0, n + 1);

      g_string_printf (what, "insert sub-item %s under %s at %u", label,
                       jln_action_get_number (JLN_ACTION (action)), position);
      apply (fixture, jln_edit_new_insert (action, item, position), what);
    }
  else if (choice < 65 && action != NULL)
    {
      g_string_printf (what, "remove action %s", jln_action_get_number (JLN_ACTION (action)));
      apply (fixture, jln_edit_new_remove (action), what);
    }
  else if (choice < 68)
    {
      JlnRecord *item = random_item (fixture);

      g_string_printf (what, "remove a sub-item");
      if (item != NULL)
        apply (fixture, jln_edit_new_remove (item), what);
    }
  else if (choice < 74 && action != NULL)
    {
      JlnRecord *objective = jln_record_get_parent (action);
      guint n = g_list_model_get_n_items (jln_objective_get_actions (JLN_OBJECTIVE (objective)));
      guint position = g_rand_int_range (fixture->rand, 0, n);

      g_string_printf (what, "move action %s to %u", jln_action_get_number (JLN_ACTION (action)), position);
      apply (fixture, jln_edit_new_move (action, position), what);
    }
  else if (choice < 76)
    {
      JlnRecord *item = random_item (fixture);

      g_string_printf (what, "move a sub-item");
      if (item != NULL)
        {
          GListModel *items = jln_action_peek_items (JLN_ACTION (jln_record_get_parent (item)));

          apply (fixture, jln_edit_new_move (item, g_rand_int_range (fixture->rand, 0,
                                                                      g_list_model_get_n_items (items))),
                 what);
        }
    }
  else if (choice < 82)
    {
      g_string_printf (what, "undo");
      if (jln_document_can_undo (fixture->document))
        {
          g_assert_true (jln_document_undo (fixture->document, &error));
          g_assert_no_error (error);
        }
    }
  else if (choice < 86)
    {
      g_string_printf (what, "redo");
      if (jln_document_can_redo (fixture->document))
        {
          g_assert_true (jln_document_redo (fixture->document, &error));
          g_assert_no_error (error);
        }
    }
  else if (choice < 95)
    {
      /* Collapsing or expanding a row the user sees. */
      guint n = g_list_model_get_n_items (G_LIST_MODEL (fixture->model));
      g_autoptr(JlnRow) row = n > 0 ? g_list_model_get_item (G_LIST_MODEL (fixture->model),
                                                             g_rand_int_range (fixture->rand, 0, n))
                                    : NULL;
      gboolean expanded = g_rand_int_range (fixture->rand, 0, 3) == 0;

      g_string_printf (what, "%s a row", expanded ? "expand" : "collapse");
      if (row != NULL && jln_row_get_depth (row) < 2)
        {
          if (expanded)
            g_hash_table_remove (fixture->collapsed, jln_row_get_record (row));
          else
            g_hash_table_add (fixture->collapsed, jln_row_get_record (row));
          jln_row_model_set_expanded (fixture->model, row, expanded);
        }
    }
  else
    {
      /* Going to a record, as a search result or a link does. */
      JlnRecord *record = g_rand_boolean (fixture->rand) ? random_item (fixture) : action;
      JlnRecord *owner = record != NULL && JLN_IS_ACTION_ITEM (record) ? jln_record_get_parent (record)
                                                                       : record;
      gboolean found, matched;
      guint position = G_MAXUINT, expected_position;
      g_autoptr(GPtrArray) rows = NULL;
      guint n_shown, n_total;

      g_string_printf (what, "reveal a record");
      if (record == NULL)
        return;
      drain (fixture);
      matched = GPOINTER_TO_INT (g_hash_table_lookup (fixture->matched, owner));
      found = jln_row_model_reveal (fixture->model, record, &position);
      if (matched)
        {
          g_hash_table_remove (fixture->collapsed, jln_record_get_parent (owner));
          if (owner != record)
            g_hash_table_remove (fixture->collapsed, owner);
        }
      rows = expected_rows (fixture, &n_shown, &n_total);
      g_assert_cmpint (found, ==, matched && g_ptr_array_find (rows, record, &expected_position));
      if (found)
        g_assert_cmpuint (position, ==, expected_position);
    }
}

/* A view shows some rows: the model tells changes around them in steps. */
static void
move_viewport (Fixture *fixture)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (fixture->model));
  guint start = n > 0 ? g_rand_int_range (fixture->rand, 0, n) : 0;

  for (guint i = 0; i < fixture->bound->len; i++)
    jln_row_unbind (g_ptr_array_index (fixture->bound, i));
  g_ptr_array_set_size (fixture->bound, 0);
  for (guint i = start; i < MIN (n, start + 30); i++)
    {
      JlnRow *row = g_list_model_get_item (G_LIST_MODEL (fixture->model), i);

      jln_row_bind (row);
      g_ptr_array_add (fixture->bound, row);
    }
}

static void
fixture_init (Fixture     *fixture,
              JlnDocument *document,
              guint32      seed,
              gboolean     sorted)
{
  fixture->document = document;
  fixture->plan = jln_document_get_plan (document);
  fixture->rand = g_rand_new_with_seed (seed);
  fixture->collapsed = g_hash_table_new (NULL, NULL);
  fixture->matched = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  fixture->watched = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  fixture->mirror = g_ptr_array_new_with_free_func (g_object_unref);
  fixture->bound = g_ptr_array_new_with_free_func (g_object_unref);
  fixture->query = g_string_new (NULL);
  fixture->next_number = 900;
  fixture->sorted = sorted;
  fixture->filter = jln_query_filter_new ();

  fixture->model = jln_row_model_new (fixture->plan, fixture->filter);
  watch_store (fixture, jln_plan_get_objectives (fixture->plan));
  g_signal_connect (fixture->plan, "children-made", G_CALLBACK (children_made_cb), fixture);
  g_signal_connect (fixture->filter, "changed", G_CALLBACK (filter_changed_cb), fixture);
  if (sorted)
    {
      g_autoptr(GtkSorter) sorter = GTK_SORTER (gtk_custom_sorter_new (compare_backwards_cb,
                                                                       NULL, NULL));

      jln_row_model_set_sorter (fixture->model, sorter);
    }
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (fixture->model)); i++)
    g_ptr_array_add (fixture->mirror, g_list_model_get_item (G_LIST_MODEL (fixture->model), i));
  g_signal_connect (fixture->model, "items-changed", G_CALLBACK (model_changed_cb), fixture);
}

static void
fixture_clear (Fixture *fixture)
{
  for (guint i = 0; i < fixture->bound->len; i++)
    jln_row_unbind (g_ptr_array_index (fixture->bound, i));
  g_signal_handlers_disconnect_by_data (fixture->plan, fixture);
  g_signal_handlers_disconnect_by_data (fixture->filter, fixture);
  g_signal_handlers_disconnect_by_data (fixture->model, fixture);
  {
    GHashTableIter iter;
    gpointer store;

    g_hash_table_iter_init (&iter, fixture->watched);
    while (g_hash_table_iter_next (&iter, &store, NULL))
      g_signal_handlers_disconnect_by_data (store, fixture);
  }
  g_ptr_array_unref (fixture->bound);
  g_ptr_array_unref (fixture->mirror);
  g_assert_finalize_object (fixture->model);
  g_object_unref (fixture->filter);
  g_hash_table_unref (fixture->watched);
  g_hash_table_unref (fixture->matched);
  g_hash_table_unref (fixture->collapsed);
  g_string_free (fixture->query, TRUE);
  g_rand_free (fixture->rand);
}

static void
run_random_steps (JlnDocument *document,
                  guint32      seed,
                  guint        n_steps,
                  gboolean     sorted,
                  gboolean     viewport)
{
  Fixture fixture = { 0, };
  g_autoptr(GString) what = g_string_new (NULL);

  g_test_message ("seed %u, %u steps%s", seed, n_steps, sorted ? ", sorted backwards" : "");

  fixture_init (&fixture, document, seed, sorted);
  check_rows (&fixture, 0, "start");

  for (guint step = 1; step <= n_steps; step++)
    {
      if (viewport)
        move_viewport (&fixture);
      random_step (&fixture, what);
      check_rows (&fixture, step, what->str);
    }

  fixture_clear (&fixture);
}

static void
test_bundled (gconstpointer data)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(JlnDocument) document = jln_test_import_plan (JLN_TEST_BUNDLED_PLAN,
                                                          "jalons-row-model-XXXXXX", &dir, &path);

  run_random_steps (document, GPOINTER_TO_UINT (data), 400, FALSE, FALSE);
  g_clear_object (&document);
  jln_test_clear_plan_dir (&dir, &path);
}

static void
test_bundled_sorted (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(JlnDocument) document = jln_test_import_plan (JLN_TEST_BUNDLED_PLAN,
                                                          "jalons-row-model-XXXXXX", &dir, &path);

  run_random_steps (document, 4242, 300, TRUE, FALSE);
  g_clear_object (&document);
  jln_test_clear_plan_dir (&dir, &path);
}

/* A plan larger than what the model refilters at once: the rows are
 * computed in slices between frames, and told in steps around the rows
 * that widgets show. */
static char *
generate_plan (guint n_actions)
{
  GString *out = g_string_new (NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (2022);
  guint n_objectives = 6, n_units = 10;

  g_autofree char *plan_id = g_uuid_string_random ();

  g_string_append_printf (out, "{\"format\": \"jalons-plan\", \"version\": 1, \"id\": \"%s\", "
                        "\"title\": {\"fr\": \"Plan généré\", \"en\": \"Generated plan\"}, \"units\": [",
                          plan_id);
  for (guint u = 0; u < n_units; u++)
    {
      g_autofree char *id = g_uuid_string_random ();

      g_string_append_printf (out, "%s{\"id\": \"%s\", \"code\": \"U%u\", \"name\": {\"en\": \"Unit %u\"}}",
                              u > 0 ? ", " : "", id, u + 1, u + 1);
    }
  g_string_append (out, "], \"objectives\": [");
  for (guint o = 0; o < n_objectives; o++)
    {
      g_autofree char *id = g_uuid_string_random ();

      g_string_append_printf (out, "%s{\"id\": \"%s\", \"programme\": \"hrs4r\", \"number\": \"%u\", "
                                   "\"title\": {\"en\": \"Objective %u\"}, \"actions\": [",
                              o > 0 ? ", " : "", id, o + 1, o + 1);
      for (guint a = 0; a < n_actions / n_objectives; a++)
        {
          g_autofree char *action_id = g_uuid_string_random ();

          g_string_append_printf (out, "%s{\"id\": \"%s\", \"number\": \"%u.%u\", \"title\": "
                                       "{\"fr\": \"%s %s\", \"en\": \"%s\"}, \"status\": \"%s\", "
                                       "\"due\": \"%d-S%d\"",
                                  a > 0 ? ", " : "", action_id, o + 1, a + 1,
                                  words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))],
                                  words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))],
                                  words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))],
                                  statuses[g_rand_int_range (rand, 0, G_N_ELEMENTS (statuses))],
                                  g_rand_int_range (rand, 2018, 2027), g_rand_int_range (rand, 1, 3));
          if (a % 7 == 0)
            {
              g_autofree char *item_id = g_uuid_string_random ();

              g_string_append_printf (out, ", \"items\": [{\"id\": \"%s\", \"label\": \"a\", "
                                           "\"title\": {\"en\": \"%s\"}}]",
                                      item_id, words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
            }
          g_string_append_c (out, '}');
        }
      g_string_append (out, "]}");
    }
  g_string_append (out, "]}\n");
  return g_string_free (out, FALSE);
}

static void
test_generated (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("jalons-row-model-XXXXXX", &error);
  g_autofree char *json_path = g_build_filename (dir, "generated.json", NULL);
  g_autofree char *path = g_build_filename (dir, "plan.jalons", NULL);
  g_autofree char *json = generate_plan (6000);
  g_autoptr(JlnDocument) document = NULL;

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (json_path, json, -1, &error));
  g_assert_no_error (error);
  document = jln_document_import (json_path, path, &error);
  g_assert_no_error (error);

  run_random_steps (document, 1789, 200, FALSE, TRUE);
  g_clear_object (&document);
  jln_test_remove_tree (dir);
}

/* A keystroke on a large plan, as GTK 4.8's list sees it: it keeps
 * widgets for the first rows of its model, and binds each widget after a
 * change again. The rows with widgets are told in one change, and no row
 * gets a widget only to lose it before the rows are complete. */

#define WIDGET_ROWS 200

typedef struct
{
  Fixture    *fixture;
  GHashTable *widgets;      /* rows with a widget: the model's first WIDGET_ROWS */
  GHashTable *given;        /* rows given a widget since the key */
  guint       n_hot;        /* changes among the rows with widgets since the key */
} View;

static void
view_update (View *view)
{
  GListModel *model = G_LIST_MODEL (view->fixture->model);
  guint n = MIN (g_list_model_get_n_items (model), WIDGET_ROWS);
  g_autoptr(GHashTable) widgets = g_hash_table_new_full (NULL, NULL, NULL,
                                                         (GDestroyNotify) jln_row_unbind);
  GHashTableIter iter;
  gpointer row;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JlnRow) item = g_list_model_get_item (model, i);

      /* Each row once in the list, even halfway through telling it. */
      g_assert_false (g_hash_table_contains (widgets, item));
      if (!g_hash_table_steal (view->widgets, item))
        {
          jln_row_bind (item);
          g_hash_table_add (view->given, item);
        }
      g_hash_table_add (widgets, item);
    }
  g_hash_table_iter_init (&iter, view->widgets);
  while (g_hash_table_iter_next (&iter, &row, NULL))
    jln_row_unbind (row);
  g_hash_table_steal_all (view->widgets);
  g_hash_table_iter_init (&iter, widgets);
  while (g_hash_table_iter_next (&iter, &row, NULL))
    g_hash_table_add (view->widgets, row);
  g_hash_table_steal_all (widgets);
}

static void
view_changed_cb (GListModel *model,
                 guint       position,
                 guint       removed,
                 guint       added,
                 View       *view)
{
  if (position < WIDGET_ROWS)
    view->n_hot++;
  view_update (view);
}

static void
test_keystroke_widgets (void)
{
  static const char * const typed[] = {
    "formation", "", "site", "", "status:done", "", "g", "ge", "gender", "ge", "",
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("jalons-row-model-XXXXXX", &error);
  g_autofree char *json_path = g_build_filename (dir, "generated.json", NULL);
  g_autofree char *path = g_build_filename (dir, "plan.jalons", NULL);
  g_autofree char *json = generate_plan (12000);
  g_autoptr(JlnDocument) document = NULL;
  Fixture fixture = { 0, };
  View view = { &fixture, };

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (json_path, json, -1, &error));
  g_assert_no_error (error);
  document = jln_document_import (json_path, path, &error);
  g_assert_no_error (error);

  fixture_init (&fixture, document, 1, FALSE);
  view.widgets = g_hash_table_new (NULL, NULL);
  view.given = g_hash_table_new (NULL, NULL);
  view_update (&view);
  g_signal_connect (fixture.model, "items-changed", G_CALLBACK (view_changed_cb), &view);

  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      GHashTableIter iter;
      gpointer row;

      g_hash_table_remove_all (view.given);
      view.n_hot = 0;
      jln_query_filter_set_text (fixture.filter, typed[i]);
      g_assert_true (jln_row_model_get_pending (fixture.model));
      check_rows (&fixture, i, typed[i]);

      g_test_message ("'%s': %u changes among widgets, %u rows given one", typed[i],
                      view.n_hot, g_hash_table_size (view.given));
      g_assert_cmpuint (view.n_hot, <=, 1);
      g_hash_table_iter_init (&iter, view.given);
      while (g_hash_table_iter_next (&iter, &row, NULL))
        g_assert_true (g_hash_table_contains (view.widgets, row));
    }

  g_signal_handlers_disconnect_by_data (fixture.model, &view);
  {
    GHashTableIter iter;
    gpointer row;

    g_hash_table_iter_init (&iter, view.widgets);
    while (g_hash_table_iter_next (&iter, &row, NULL))
      jln_row_unbind (row);
  }
  g_hash_table_unref (view.widgets);
  g_hash_table_unref (view.given);
  fixture_clear (&fixture);
  g_clear_object (&document);
  jln_test_remove_tree (dir);
}

/* The model hears the plan's lists of children through the plan alone:
 * none of the many lists has a handler of its own, and a sub-item added
 * to an action that had none, then removed, shows and goes. */
static void
test_plan_handlers (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JlnDocument) document = jln_test_import_plan (JLN_TEST_BUNDLED_PLAN,
                                                          "jalons-row-model-XXXXXX", &dir, &path);
  JlnPlan *plan = jln_document_get_plan (document);
  GListModel *objectives = jln_plan_get_objectives (plan);
  guint items_changed = g_signal_lookup ("items-changed", G_TYPE_LIST_MODEL);
  g_autoptr(JlnRowModel) model = jln_row_model_new (plan, NULL);
  g_autoptr(JlnAction) bare = NULL;
  g_autoptr(JlnRecord) item = NULL;
  g_autoptr(JlnEdit) insert = NULL;
  guint n_rows = g_list_model_get_n_items (G_LIST_MODEL (model));
  guint n_stores = 0;

  g_assert_false (g_signal_has_handler_pending (objectives, items_changed, 0, FALSE));
  for (guint i = 0; i < g_list_model_get_n_items (objectives); i++)
    {
      g_autoptr(JlnObjective) objective = g_list_model_get_item (objectives, i);
      GListModel *actions = jln_objective_get_actions (objective);

      g_assert_false (g_signal_has_handler_pending (actions, items_changed, 0, FALSE));
      for (guint j = 0; j < g_list_model_get_n_items (actions); j++)
        {
          g_autoptr(JlnAction) action = g_list_model_get_item (actions, j);
          GListModel *items = jln_action_peek_items (action);

          if (items != NULL)
            {
              g_assert_false (g_signal_has_handler_pending (items, items_changed, 0, FALSE));
              n_stores++;
            }
          else if (bare == NULL)
            bare = g_object_ref (action);
        }
    }
  g_assert_cmpuint (n_stores, >, 0);
  g_assert_nonnull (bare);

  item = jln_record_new (JLN_KIND_ITEM, "label", "a", "title-en", "Added", NULL);
  insert = jln_edit_new_insert (JLN_RECORD (bare), item, 0);
  g_assert_true (jln_document_apply (document, insert, &error));
  g_assert_no_error (error);
  /* A small plan is done at once. */
  g_assert_false (jln_row_model_get_pending (model));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, n_rows + 1);
  g_assert_false (g_signal_has_handler_pending (jln_action_peek_items (bare), items_changed, 0, FALSE));
  for (guint i = 0; i < n_rows + 1; i++)
    {
      g_autoptr(JlnRow) row = g_list_model_get_item (G_LIST_MODEL (model), i);

      if (jln_row_get_record (row) == item)
        break;
      g_assert_cmpuint (i, <, n_rows);
    }

  g_assert_true (jln_document_undo (document, &error));
  g_assert_no_error (error);
  g_assert_false (jln_row_model_get_pending (model));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, n_rows);
  g_assert_finalize_object (g_steal_pointer (&model));
  g_clear_object (&document);
  jln_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/gui/row-model/random/bundled/1", GUINT_TO_POINTER (20221), test_bundled);
  g_test_add_data_func ("/gui/row-model/random/bundled/2", GUINT_TO_POINTER (20241), test_bundled);
  g_test_add_func ("/gui/row-model/random/bundled-sorted", test_bundled_sorted);
  g_test_add_func ("/gui/row-model/random/generated", test_generated);
  g_test_add_func ("/gui/row-model/keystroke-widgets", test_keystroke_widgets);
  g_test_add_func ("/gui/row-model/plan-handlers", test_plan_handlers);

  return g_test_run ();
}
