/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: jln_query_parse() on any text. The input is two
 * searches, the old one and the new one, on lines of their own; each that
 * parses is matched against the actions of a small plan, and what
 * jln_query_compare() says of the pair must hold there, since the action
 * list relies on it to filter only what may have changed. */
#include "config.h"

#include <string.h>

#include "jln-fuzz.h"
#include "jln-json.h"
#include "jln-objective.h"
#include "jln-query.h"

static JlnPlan *plan;
static GPtrArray *actions;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(GError) error = NULL;
  GListModel *objectives;

  jln_fuzz_init ();
  plan = jln_json_load_plan (FUZZ_PLAN, &error);
  g_assert_no_error (error);

  actions = g_ptr_array_new_with_free_func (g_object_unref);
  objectives = jln_plan_get_objectives (plan);
  for (guint i = 0; i < g_list_model_get_n_items (objectives); i++)
    {
      g_autoptr(JlnObjective) objective = g_list_model_get_item (objectives, i);
      GListModel *list = jln_objective_get_actions (objective);

      for (guint j = 0; j < g_list_model_get_n_items (list); j++)
        g_ptr_array_add (actions, g_list_model_get_item (list, j));
    }
  g_assert_cmpuint (actions->len, >, 0);
  return 0;
}

static JlnQuery *
parse_query (const char *text)
{
  g_autoptr(GError) error = NULL;
  JlnQuery *query = jln_query_parse (text, &error);

  if (query == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      return NULL;
    }
  g_assert_no_error (error);
  g_assert_cmpstr (jln_query_get_text (query), ==, text);
  jln_query_is_empty (query);
  if (!jln_query_check (query, plan, &error))
    g_assert_nonnull (error);
  return query;
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autoptr(JlnQuery) old_query = NULL;
  g_autoptr(JlnQuery) new_query = NULL;
  JlnSemester today = jln_semester_new (2023, 1);
  JlnQueryChange change;
  char *newline;

  newline = strchr (text, '\n');
  if (newline != NULL)
    *newline = '\0';
  old_query = parse_query (text);
  new_query = parse_query (newline != NULL ? newline + 1 : "");
  if (old_query == NULL || new_query == NULL)
    return 0;

  g_assert_cmpint (jln_query_compare (old_query, old_query), ==, JLN_QUERY_CHANGE_SAME);
  change = jln_query_compare (old_query, new_query);
  for (guint i = 0; i < actions->len; i++)
    {
      JlnAction *action = g_ptr_array_index (actions, i);
      gboolean old_match = jln_query_match (old_query, action, today);
      gboolean new_match = jln_query_match (new_query, action, today);

      switch (change)
        {
        case JLN_QUERY_CHANGE_SAME:
          g_assert_cmpint (old_match, ==, new_match);
          break;
        case JLN_QUERY_CHANGE_MORE_STRICT:
          g_assert_true (!new_match || old_match);
          break;
        case JLN_QUERY_CHANGE_LESS_STRICT:
          g_assert_true (!old_match || new_match);
          break;
        case JLN_QUERY_CHANGE_DIFFERENT:
        default:
          break;
        }
    }
  return 0;
}
