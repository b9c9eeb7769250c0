/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the filter buttons write into the query: one term per button, in
 * the interface's language, the rest of the text as the user typed it. */
#include "config.h"

#include "jln-query.h"

static void
assert_values (const char          *text,
               JlnQueryKey          key,
               gboolean             negated,
               JlnQueryBound        bound,
               const char * const  *expected)
{
  g_auto(GStrv) values = jln_query_terms_get_values (text, key, negated, bound);

  if (expected == NULL)
    {
      g_assert_null (values);
      return;
    }
  g_assert_nonnull (values);
  g_assert_cmpstrv (values, expected);
}

static void
assert_set (const char         *text,
            JlnQueryKey         key,
            gboolean            negated,
            JlnQueryBound       bound,
            const char * const *values,
            JlnLang             lang,
            const char         *expected)
{
  g_autofree char *result = jln_query_terms_set_values (text, key, negated, bound, values, lang);
  g_autoptr(GError) error = NULL;
  g_autoptr(JlnQuery) query = NULL;

  g_assert_cmpstr (result, ==, expected);
  /* What a button writes always parses. */
  query = jln_query_parse (result, &error);
  g_assert_no_error (error);
}

static void
test_split (void)
{
  g_auto(GStrv) terms = jln_query_terms_split ("  unit:\"DRH Paris\"  parity\tstatus:done ");
  const char *expected[] = { "unit:\"DRH Paris\"", "parity", "status:done", NULL };
  g_auto(GStrv) none = jln_query_terms_split (NULL);

  g_assert_cmpstrv (terms, expected);
  g_assert_cmpuint (g_strv_length (none), ==, 0);
}

static void
test_get_values (void)
{
  const char *one_two[] = { "1", "2", NULL };
  const char *units[] = { "DRH, Paris", "DSI", NULL };
  const char *done[] = { "done", NULL };
  const char *from[] = { "2022-S1", NULL };
  const char *empty[] = { NULL };

  assert_values ("parity objective:1,2", JLN_QUERY_KEY_OBJECTIVE, FALSE, JLN_QUERY_BOUND_NONE, one_two);
  /* French keys are read too. */
  assert_values ("objectif:1,2", JLN_QUERY_KEY_OBJECTIVE, FALSE, JLN_QUERY_BOUND_NONE, one_two);
  assert_values ("unité:\"DRH, Paris\",DSI", JLN_QUERY_KEY_UNIT, FALSE, JLN_QUERY_BOUND_NONE, units);
  /* A negated term is another slot than the plain one. */
  assert_values ("-status:done", JLN_QUERY_KEY_STATUS, TRUE, JLN_QUERY_BOUND_NONE, done);
  assert_values ("-status:done", JLN_QUERY_KEY_STATUS, FALSE, JLN_QUERY_BOUND_NONE, NULL);
  /* Bounds of the due semester stand apart. */
  assert_values ("due:>=2022-S1 due:<=2023-S2", JLN_QUERY_KEY_DUE, FALSE, JLN_QUERY_BOUND_FROM, from);
  assert_values ("due:<=2023-S2", JLN_QUERY_KEY_DUE, FALSE, JLN_QUERY_BOUND_FROM, NULL);
  assert_values ("parity en-retard", JLN_QUERY_KEY_OVERDUE, FALSE, JLN_QUERY_BOUND_NONE, empty);
  assert_values ("parity", JLN_QUERY_KEY_OVERDUE, FALSE, JLN_QUERY_BOUND_NONE, NULL);
  /* A quoted word that reads "overdue" is a word, not the flag. */
  assert_values ("\"overdue\"", JLN_QUERY_KEY_OVERDUE, FALSE, JLN_QUERY_BOUND_NONE, NULL);
}

static void
test_set_values (void)
{
  const char *one_two[] = { "1", "2", NULL };
  const char *three[] = { "3", NULL };
  const char *unit[] = { "DRH Paris", NULL };
  const char *done_en[] = { "done", NULL };
  const char *in_progress_fr[] = { "en-cours", NULL };
  const char *blank[] = { "", NULL };
  const char *semester[] = { "2022-S1", NULL };

  /* Added at the end, in the interface's language. */
  assert_set ("parity", JLN_QUERY_KEY_OBJECTIVE, FALSE, JLN_QUERY_BOUND_NONE, one_two,
              JLN_LANG_EN, "parity objective:1,2");
  assert_set ("parity", JLN_QUERY_KEY_OBJECTIVE, FALSE, JLN_QUERY_BOUND_NONE, one_two,
              JLN_LANG_FR, "parity objectif:1,2");
  /* Replaced where it was, whatever language it was typed in. */
  assert_set ("objectif:1 parity", JLN_QUERY_KEY_OBJECTIVE, FALSE, JLN_QUERY_BOUND_NONE, three,
              JLN_LANG_EN, "objective:3 parity");
  /* Two terms of the same slot become one. */
  assert_set ("objective:1 parity objective:2", JLN_QUERY_KEY_OBJECTIVE, FALSE,
              JLN_QUERY_BOUND_NONE, three, JLN_LANG_EN, "objective:3 parity");
  /* Removed, with nothing else touched. */
  assert_set ("unit:DSI  \"equal pay\"", JLN_QUERY_KEY_UNIT, FALSE, JLN_QUERY_BOUND_NONE, NULL,
              JLN_LANG_EN, "\"equal pay\"");
  assert_set ("unit:DSI parity", JLN_QUERY_KEY_UNIT, FALSE, JLN_QUERY_BOUND_NONE, blank,
              JLN_LANG_EN, "parity");
  /* Values with spaces are quoted. */
  assert_set ("", JLN_QUERY_KEY_UNIT, FALSE, JLN_QUERY_BOUND_NONE, unit,
              JLN_LANG_EN, "unit:\"DRH Paris\"");
  /* Statuses are written in the query's language. */
  assert_set ("", JLN_QUERY_KEY_STATUS, TRUE, JLN_QUERY_BOUND_NONE, done_en,
              JLN_LANG_FR, "-statut:réalisée");
  assert_set ("status:done", JLN_QUERY_KEY_STATUS, FALSE, JLN_QUERY_BOUND_NONE, in_progress_fr,
              JLN_LANG_EN, "status:in-progress");
  /* Hiding done actions keeps a status filter the user typed. */
  assert_set ("status:planned", JLN_QUERY_KEY_STATUS, TRUE, JLN_QUERY_BOUND_NONE, done_en,
              JLN_LANG_EN, "status:planned -status:done");
  /* Bounds. */
  assert_set ("due:<=2023-S2", JLN_QUERY_KEY_DUE, FALSE, JLN_QUERY_BOUND_FROM, semester,
              JLN_LANG_EN, "due:<=2023-S2 due:>=2022-S1");
  assert_set ("échéance:>=2021-S1 due:<=2023-S2", JLN_QUERY_KEY_DUE, FALSE, JLN_QUERY_BOUND_FROM,
              semester, JLN_LANG_FR, "échéance:>=2022-S1 due:<=2023-S2");
  /* The overdue word. */
  assert_set ("parity", JLN_QUERY_KEY_OVERDUE, FALSE, JLN_QUERY_BOUND_NONE, blank,
              JLN_LANG_FR, "parity en-retard");
  assert_set ("overdue parity", JLN_QUERY_KEY_OVERDUE, FALSE, JLN_QUERY_BOUND_NONE, NULL,
              JLN_LANG_FR, "parity");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/query-terms/split", test_split);
  g_test_add_func ("/query-terms/get-values", test_get_values);
  g_test_add_func ("/query-terms/set-values", test_set_values);

  return g_test_run ();
}
