/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "jln-action.h"
#include "jln-plan.h"
#include "jln-query.h"
#include "jln-record-private.h"

/* The semester the tests take as the current one. */
#define TODAY (jln_semester_new (2022, 1))

typedef struct
{
  JlnPlan   *plan;
  GPtrArray *actions;
} Fixture;

static void
set_field (gpointer    record,
           JlnPlan    *plan,
           const char *name,
           const char *value)
{
  g_autoptr(GError) error = NULL;
  JlnFieldRef ref;

  g_assert_true (_jln_kind_find_field (_jln_record_get_info (record), name, &ref));
  _jln_record_field_from_string (record, &ref, value, _jln_plan_resolve, plan, FALSE, &error);
  g_assert_no_error (error);
}

/* Returns: (transfer none): a new record of @kind, child of @parent. */
static gpointer
add_record (JlnPlan    *plan,
            gpointer    parent,
            JlnKind     kind,
            const char *id)
{
  g_autoptr(JlnRecord) record = _jln_record_new (kind, id);
  JlnChildren *siblings = _jln_record_get_store (parent, kind);

  _jln_children_insert (siblings, g_list_model_get_n_items (G_LIST_MODEL (siblings)), record);
  _jln_record_set_parent (record, parent);
  _jln_plan_index_add (plan, record);
  return record;
}

static void
add_unit (JlnPlan    *plan,
          const char *id,
          const char *code)
{
  set_field (add_record (plan, plan, JLN_KIND_UNIT, id), plan, "code", code);
}

static void
add_principle (JlnPlan    *plan,
               const char *id,
               const char *number)
{
  set_field (add_record (plan, plan, JLN_KIND_PRINCIPLE, id), plan, "number", number);
}

static gpointer
add_objective (JlnPlan    *plan,
               const char *id,
               const char *programme,
               const char *number)
{
  gpointer objective = add_record (plan, plan, JLN_KIND_OBJECTIVE, id);

  set_field (objective, plan, "programme", programme);
  set_field (objective, plan, "number", number);
  return objective;
}

/* @fields: pairs of field names and values, then NULL. */
static gpointer
add_action (Fixture    *fixture,
            gpointer    objective,
            const char *number,
            ...)
{
  gpointer action = add_record (fixture->plan, objective, JLN_KIND_ACTION, NULL);
  const char *name;
  va_list args;

  set_field (action, fixture->plan, "number", number);
  va_start (args, number);
  while ((name = va_arg (args, const char *)) != NULL)
    set_field (action, fixture->plan, name, va_arg (args, const char *));
  va_end (args);

  g_ptr_array_add (fixture->actions, action);
  return action;
}

/* Four HRS4R actions under objective 4 and two GEP ones under axis II;
 * action II.1 has a sub-item with its own due date, completion and unit. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  JlnPlan *plan = jln_plan_new ();
  gpointer objective_4, objective_ii, action, item;

  fixture->plan = plan;
  fixture->actions = g_ptr_array_new ();

  add_unit (plan, "unit-rh", "RH");
  add_unit (plan, "unit-daf", "DAF");
  add_unit (plan, "unit-pcn", "PCN EG");
  add_unit (plan, "unit-dred", "DRÉD");
  add_principle (plan, "principle-12", "12");
  add_principle (plan, "principle-27", "27");
  objective_4 = add_objective (plan, "objective-4", "hrs4r", "4");
  objective_ii = add_objective (plan, "objective-ii", "gep", "II");

  add_action (fixture, objective_4, "4.1",
              "title-fr", "Égalité des genres",
              "title-en", "Gender equality",
              "status", "in-progress",
              "due", "2022-S2",
              "units", "[\"unit-rh\"]",
              "principles", "[\"principle-27\"]",
              NULL);
  add_action (fixture, objective_4, "4.2",
              "title-fr", "Plan d’action handicap",
              "title-en", "Disability action plan",
              "status", "done",
              "completion", "2019",
              "due", "2020-S1",
              "units", "[\"unit-daf\"]",
              NULL);
  add_action (fixture, objective_4, "4.3",
              "title-fr", "Charte du recrutement",
              "status", "planned",
              "due", "2021-S1",
              "units", "[\"unit-rh\", \"unit-daf\"]",
              "principles", "[\"principle-12\", \"principle-27\"]",
              NULL);
  action = add_action (fixture, objective_ii, "II.1",
                       "title-en", "Recruitment training",
                       "status", "done-new",
                       "completion", "2022-S1",
                       "units", "[\"unit-pcn\"]",
                       NULL);
  item = add_record (plan, action, JLN_KIND_ITEM, NULL);
  set_field (item, plan, "label", "a");
  set_field (item, plan, "title-fr", "Formation des jurys");
  set_field (item, plan, "due", "2023-S1");
  set_field (item, plan, "completion", "2021");
  set_field (item, plan, "units", "[\"unit-dred\"]");
  add_action (fixture, objective_ii, "II.2",
              "title-fr", "Télétravail",
              "status", "dropped",
              "due", "2020-S2",
              NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_pointer (&fixture->actions, g_ptr_array_unref);
  g_assert_finalize_object (fixture->plan);
}

/* The numbers of the actions that @text matches, separated by spaces. */
static char *
dup_matching (Fixture     *fixture,
              const char  *text,
              JlnSemester  today)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JlnQuery) query = jln_query_parse (text, &error);
  GString *numbers = g_string_new (NULL);

  g_assert_no_error (error);
  g_assert_nonnull (query);
  for (guint i = 0; i < fixture->actions->len; i++)
    {
      JlnAction *action = g_ptr_array_index (fixture->actions, i);

      if (jln_query_match (query, action, today))
        g_string_append_printf (numbers, "%s%s", numbers->len > 0 ? " " : "",
                                jln_action_get_number (action));
    }
  return g_string_free (numbers, FALSE);
}

/* Shows the query with the result when they differ. */
#define assert_matches_on(fixture, text, today, expected) \
  G_STMT_START { \
    g_autofree char *found = dup_matching ((fixture), (text), (today)); \
    g_autofree char *got = g_strdup_printf ("%s -> %s", (text), found); \
    g_autofree char *wanted = g_strdup_printf ("%s -> %s", (text), (expected)); \
    g_assert_cmpstr (got, ==, wanted); \
  } G_STMT_END

#define assert_matches(fixture, text, expected) \
  assert_matches_on ((fixture), (text), TODAY, (expected))

#define ALL "4.1 4.2 4.3 II.1 II.2"

static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  const char * const blanks[] = { NULL, "", "   ", " \t ", "-", " - ", "\"\"" };

  for (guint i = 0; i < G_N_ELEMENTS (blanks); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JlnQuery) query = jln_query_parse (blanks[i], &error);

      g_assert_no_error (error);
      g_assert_true (jln_query_is_empty (query));
      g_assert_cmpstr (jln_query_get_text (query), ==, blanks[i] != NULL ? blanks[i] : "");
      assert_matches (fixture, blanks[i], ALL);
    }
}

static void
test_boxed (void)
{
  g_autoptr(JlnQuery) query = jln_query_parse ("unit:RH egalite", NULL);
  JlnQuery *copy;

  g_assert_true (G_TYPE_IS_BOXED (JLN_TYPE_QUERY));
  copy = g_boxed_copy (JLN_TYPE_QUERY, query);
  g_assert_true (copy == query);
  g_boxed_free (JLN_TYPE_QUERY, copy);
  g_assert_cmpstr (jln_query_get_text (query), ==, "unit:RH egalite");
  g_assert_false (jln_query_is_empty (query));
}

static void
test_words (Fixture       *fixture,
            gconstpointer  data)
{
  assert_matches (fixture, "egalite", "4.1");
  assert_matches (fixture, "EGALITE", "4.1");
  assert_matches (fixture, "Égalité", "4.1");
  assert_matches (fixture, "ÉGALITÉ", "4.1");
  assert_matches (fixture, "gender", "4.1");
  assert_matches (fixture, "teletravail", "II.2");
  assert_matches (fixture, "recru", "4.3 II.1");
  /* All words must be found, anywhere. */
  assert_matches (fixture, "recru charte", "4.3");
  assert_matches (fixture, "handicap plan", "4.2");
  /* Numbers and unit codes are searched too. */
  assert_matches (fixture, "4.3", "4.3");
  assert_matches (fixture, "daf", "4.2 4.3");
  /* So are the titles and units of sub-items. */
  assert_matches (fixture, "jurys", "II.1");
  assert_matches (fixture, "dred", "II.1");
  assert_matches (fixture, "nowhere", "");
}

static void
test_phrases (Fixture       *fixture,
              gconstpointer  data)
{
  /* The plan has a typographic apostrophe, the search a straight one. */
  assert_matches (fixture, "\"plan d'action\"", "4.2");
  assert_matches (fixture, "\"Plan d’action\"", "4.2");
  assert_matches (fixture, "\"des genres\"", "4.1");
  assert_matches (fixture, "\"genres des\"", "");
  assert_matches (fixture, "\"action plan\"", "4.2");
  /* A quoted keyword is a word. */
  assert_matches (fixture, "\"overdue\"", "");
}

static void
test_objective (Fixture       *fixture,
                gconstpointer  data)
{
  assert_matches (fixture, "objective:4", "4.1 4.2 4.3");
  assert_matches (fixture, "objective:II", "II.1 II.2");
  assert_matches (fixture, "objective:ii", "II.1 II.2");
  assert_matches (fixture, "OBJECTIVE:ii", "II.1 II.2");
  assert_matches (fixture, "objective:I", "");
  assert_matches (fixture, "objective:1,ii", "II.1 II.2");
  assert_matches (fixture, "objective:4,II", ALL);
  /* A trailing comma, as while typing, is no alternative. */
  assert_matches (fixture, "objective:4,", "4.1 4.2 4.3");
}

static void
test_unit (Fixture       *fixture,
           gconstpointer  data)
{
  assert_matches (fixture, "unit:RH", "4.1 4.3");
  assert_matches (fixture, "unit:rh", "4.1 4.3");
  assert_matches (fixture, "unit:R", "");
  assert_matches (fixture, "unit:rh,daf", "4.1 4.2 4.3");
  assert_matches (fixture, "unit:\"PCN EG\"", "II.1");
  assert_matches (fixture, "unit:\"pcn eg\"", "II.1");
  assert_matches (fixture, "unit:pcn", "");
  /* The unit of a sub-item, accents folded. */
  assert_matches (fixture, "unit:dred", "II.1");
  assert_matches (fixture, "unit:DRÉD", "II.1");
  assert_matches (fixture, "unit:dréd,rh", "4.1 4.3 II.1");
}

static void
test_status (Fixture       *fixture,
             gconstpointer  data)
{
  assert_matches (fixture, "status:in-progress", "4.1");
  assert_matches (fixture, "status:planned", "4.3");
  /* Done though not planned is done too. */
  assert_matches (fixture, "status:done", "4.2 II.1");
  assert_matches (fixture, "status:DONE", "4.2 II.1");
  assert_matches (fixture, "status:done-new", "II.1");
  assert_matches (fixture, "status:planned,dropped", "4.3 II.2");
  assert_matches (fixture, "status:revised", "");
  assert_matches (fixture, "status:superseded", "");
}

static void
test_due (Fixture       *fixture,
          gconstpointer  data)
{
  /* Due: 4.1 2022-S2, 4.2 2020-S1, 4.3 2021-S1, II.1 none but its
   * sub-item 2023-S1, II.2 2020-S2. */
  assert_matches (fixture, "due:2022", "4.1");
  assert_matches (fixture, "due:2022-S2", "4.1");
  assert_matches (fixture, "due:S2-2022", "4.1");
  assert_matches (fixture, "due:s2-2022", "4.1");
  assert_matches (fixture, "due:2022-S1", "");
  assert_matches (fixture, "due:2023", "II.1");
  assert_matches (fixture, "due:<2021", "4.2 II.2");
  assert_matches (fixture, "due:<=2021", "4.2 4.3 II.2");
  assert_matches (fixture, "due:<2020-S2", "4.2");
  assert_matches (fixture, "due:>2022", "II.1");
  assert_matches (fixture, "due:>=2022-S2", "4.1 II.1");
  assert_matches (fixture, "due:>2020-S1", "4.1 4.3 II.1 II.2");
  assert_matches (fixture, "due:2021..2022", "4.1 4.3");
  assert_matches (fixture, "due:2020-S2..2021-S1", "4.3 II.2");
  assert_matches (fixture, "due:2022..", "4.1 II.1");
  assert_matches (fixture, "due:..2020", "4.2 II.2");
  assert_matches (fixture, "due:2020-2021", "4.2 4.3 II.2");
  assert_matches (fixture, "due:\"S2 2022\"", "4.1");
}

static void
test_done (Fixture       *fixture,
           gconstpointer  data)
{
  /* Completion: 4.2 2019, II.1 2022-S1 and its sub-item 2021. */
  assert_matches (fixture, "done:2019", "4.2");
  assert_matches (fixture, "done:2019-S2", "4.2");
  assert_matches (fixture, "done:2022", "II.1");
  assert_matches (fixture, "done:2022-S1", "II.1");
  assert_matches (fixture, "done:2022-S2", "");
  assert_matches (fixture, "done:2021", "II.1");
  assert_matches (fixture, "done:<2020", "4.2");
  assert_matches (fixture, "done:>=2020", "II.1");
  assert_matches (fixture, "done:2019-2021", "4.2 II.1");
  assert_matches (fixture, "done:2020", "");
}

static void
test_principle (Fixture       *fixture,
                gconstpointer  data)
{
  assert_matches (fixture, "principle:27", "4.1 4.3");
  assert_matches (fixture, "principle:12", "4.3");
  assert_matches (fixture, "principle:12,27", "4.1 4.3");
  assert_matches (fixture, "principle:1", "");
  assert_matches (fixture, "principle:40", "");
}

static void
test_overdue (Fixture       *fixture,
              gconstpointer  data)
{
  /* Only 4.3 (planned, due 2021-S1) is open and late in 2022-S1: 4.2 is
   * done, II.2 dropped, II.1 has no due date, 4.1 is due later. */
  assert_matches (fixture, "overdue", "4.3");
  assert_matches (fixture, "Overdue", "4.3");
  assert_matches_on (fixture, "overdue", jln_semester_new (2023, 1), "4.1 4.3");
  /* Due this very semester is not late yet. */
  assert_matches_on (fixture, "overdue", jln_semester_new (2021, 1), "");
  assert_matches_on (fixture, "overdue", jln_semester_new (2021, 2), "4.3");
}

static void
test_negation (Fixture       *fixture,
               gconstpointer  data)
{
  assert_matches (fixture, "-egalite", "4.2 4.3 II.1 II.2");
  assert_matches (fixture, "-\"des genres\"", "4.2 4.3 II.1 II.2");
  assert_matches (fixture, "-status:done", "4.1 4.3 II.2");
  assert_matches (fixture, "-overdue", "4.1 4.2 II.1 II.2");
  assert_matches (fixture, "-unit:RH", "4.2 II.1 II.2");
  assert_matches (fixture, "-objective:4", "II.1 II.2");
  /* Actions without a due date are not due in 2022. */
  assert_matches (fixture, "-due:2022", "4.2 4.3 II.1 II.2");
  assert_matches (fixture, "-principle:27", "4.2 II.1 II.2");
  /* A lone dash is ignored while the next word is typed. */
  assert_matches (fixture, "egalite -", "4.1");
}

static void
test_combined (Fixture       *fixture,
               gconstpointer  data)
{
  assert_matches (fixture, "objective:4 status:done", "4.2");
  assert_matches (fixture, "unit:rh recrutement", "4.3");
  assert_matches (fixture, "objective:4 -unit:daf", "4.1");
  assert_matches (fixture, "status:in-progress,planned due:<2022", "4.3");
  assert_matches (fixture, "  unit:rh    principle:12  ", "4.3");
  assert_matches (fixture, "overdue -principle:12", "");
}

/* The same language in French, as the French interface writes it, and
 * semesters as they are shown; the English forms still hold. */
static void
test_french (Fixture       *fixture,
             gconstpointer  data)
{
  assert_matches (fixture, "objectif:4", "4.1 4.2 4.3");
  assert_matches (fixture, "Objectif:II", "II.1 II.2");
  assert_matches (fixture, "unité:rh", "4.1 4.3");
  assert_matches (fixture, "unite:\"PCN EG\"", "II.1");
  assert_matches (fixture, "statut:en-cours", "4.1");
  assert_matches (fixture, "statut:\"en cours\"", "4.1");
  assert_matches (fixture, "statut:prévue,abandonnée", "4.3 II.2");
  assert_matches (fixture, "statut:réalisée", "4.2 II.1");
  assert_matches (fixture, "statut:realisee-non-prevue", "II.1");
  assert_matches (fixture, "statut:\"Réalisée, non prévue\"", "II.1");
  /* French values behind English keys, and the labels as shown. */
  assert_matches (fixture, "status:réalisée", "4.2 II.1");
  assert_matches (fixture, "status:\"In progress\"", "4.1");
  assert_matches (fixture, "échéance:2022", "4.1");
  assert_matches (fixture, "echeance:<2021", "4.2 II.2");
  assert_matches (fixture, "échéance:\"2e sem. 2022\"", "4.1");
  assert_matches (fixture, "échéance:2e sem. 2022", "4.1");
  assert_matches (fixture, "due:2nd sem. 2022 unit:rh", "4.1");
  assert_matches (fixture, "échéance:>=1er semestre 2022", "4.1 II.1");
  assert_matches (fixture, "échéance:\"1er sem. 2022\"..\"2e sem. 2022\"", "4.1");
  assert_matches (fixture, "réalisée:2019", "4.2");
  assert_matches (fixture, "realisee:2019-2021", "4.2 II.1");
  assert_matches (fixture, "principe:27", "4.1 4.3");
  assert_matches (fixture, "en-retard", "4.3");
  assert_matches (fixture, "-en-retard", "4.1 4.2 II.1 II.2");
  assert_matches (fixture, "EN-RETARD objectif:4", "4.3");
  /* Quoted, it is a word. */
  assert_matches (fixture, "\"en-retard\"", "");

  /* The names the interface writes. */
  g_assert_cmpstr (jln_query_key_get_name (JLN_QUERY_KEY_STATUS, JLN_LANG_FR), ==, "statut");
  g_assert_cmpstr (jln_query_key_get_name (JLN_QUERY_KEY_STATUS, JLN_LANG_EN), ==, "status");
  g_assert_cmpstr (jln_query_key_get_name (JLN_QUERY_KEY_OVERDUE, JLN_LANG_FR), ==, "en-retard");
  g_assert_cmpstr (jln_query_status_get_name (JLN_STATUS_IN_PROGRESS, JLN_LANG_FR), ==, "en-cours");
  /* Every name written in either language reads back. */
  for (JlnQueryKey key = JLN_QUERY_KEY_OBJECTIVE; key <= JLN_QUERY_KEY_OVERDUE; key++)
    for (JlnLang lang = JLN_LANG_FR; lang <= JLN_LANG_EN; lang++)
      {
        JlnQueryKey read;

        g_assert_true (jln_query_key_from_name (jln_query_key_get_name (key, lang), -1, &read));
        g_assert_cmpint (read, ==, key);
      }
  for (JlnStatus status = JLN_STATUS_PLANNED; status <= JLN_STATUS_DROPPED; status++)
    for (JlnLang lang = JLN_LANG_FR; lang <= JLN_LANG_EN; lang++)
      {
        JlnStatus read;

        g_assert_true (jln_query_status_from_name (jln_query_status_get_name (status, lang), &read));
        g_assert_cmpint (read, ==, status);
      }
}

static void
assert_parse_error (const char *text,
                    const char *named)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JlnQuery) query = jln_query_parse (text, &error);
  g_autofree char *quoted = g_strdup_printf ("“%s”", named);

  g_assert_null (query);
  g_assert_error (error, JLN_ERROR, JLN_ERROR_INVALID);
  if (strstr (error->message, quoted) == NULL)
    g_error ("The error for %s does not name %s: %s", text, quoted, error->message);
}

static void
test_errors (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JlnQuery) query = jln_query_parse ("egalite colour:red", &error);

  g_assert_null (query);
  g_assert_error (error, JLN_ERROR, JLN_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "Unknown filter “colour:red”: use objective:, unit:, status:, due:, done:, "
                   "principle: or overdue");

  assert_parse_error ("http://example.org", "http://example.org");
  assert_parse_error ("-colour:red", "-colour:red");
  assert_parse_error ("égal:1", "égal:1");
  /* Empty values. */
  assert_parse_error ("egalite unit:", "unit:");
  assert_parse_error ("-status:", "-status:");
  assert_parse_error ("objective:,", "objective:,");
  assert_parse_error ("unit:\"\"", "unit:\"\"");
  assert_parse_error ("due:", "due:");
  /* Malformed values. */
  assert_parse_error ("due:2022-S3", "due:2022-S3");
  assert_parse_error ("due:22", "due:22");
  assert_parse_error ("due:<", "due:<");
  assert_parse_error ("due:1800", "due:1800");
  assert_parse_error ("due:..", "due:..");
  assert_parse_error ("due:2022,2023", "due:2022,2023");
  assert_parse_error ("done:abc", "done:abc");
  assert_parse_error ("due:2023..2022", "due:2023..2022");
  assert_parse_error ("principle:abc", "principle:abc");
  assert_parse_error ("principle:99", "principle:99");
  assert_parse_error ("principle:0", "principle:0");
  assert_parse_error ("principle:12,x", "principle:12,x");
  assert_parse_error ("status:finished", "status:finished");
  assert_parse_error ("status:done,finished", "finished");
  /* Unterminated quotes. */
  assert_parse_error ("egalite \"plan d'action", "\"plan d'action");
  assert_parse_error ("unit:\"PCN EG", "unit:\"PCN EG");

  g_clear_error (&error);
  query = jln_query_parse ("status:finished", &error);
  g_assert_error (error, JLN_ERROR, JLN_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "in-progress"));
  g_assert_nonnull (strstr (error->message, "done-new"));

  g_clear_error (&error);
  query = jln_query_parse ("principle:99", &error);
  g_assert_error (error, JLN_ERROR, JLN_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "1 to 40"));

  /* Words with a colon that is not after a key are plain words. */
  g_clear_error (&error);
  query = jln_query_parse ("12:30 \"note:x\" :x", &error);
  g_assert_no_error (error);
  g_assert_false (jln_query_is_empty (query));
}

static void
assert_check (JlnPlan    *plan,
              const char *text,
              const char *named)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JlnQuery) query = jln_query_parse (text, &error);

  g_assert_no_error (error);
  if (named == NULL)
    {
      g_assert_true (jln_query_check (query, plan, &error));
      g_assert_no_error (error);
      return;
    }
  g_assert_false (jln_query_check (query, plan, &error));
  g_assert_error (error, JLN_ERROR, JLN_ERROR_NOT_FOUND);
  if (strstr (error->message, named) == NULL)
    g_error ("The error for %s does not name %s: %s", text, named, error->message);
}

static void
test_check (Fixture       *fixture,
            gconstpointer  data)
{
  assert_check (fixture->plan, "unit:rh,\"PCN EG\" unit:dréd objective:ii,4 principle:27 x", NULL);
  assert_check (fixture->plan, "-unit:RHX", "“-unit:RHX”");
  assert_check (fixture->plan, "unit:rh,daff", "“daff”");
  assert_check (fixture->plan, "objective:9", "“objective:9”");
  assert_check (fixture->plan, "principle:12,5", "principle 5");
}

static JlnQueryChange
compare (const char *old_text,
         const char *new_text)
{
  g_autoptr(JlnQuery) old_query = jln_query_parse (old_text, NULL);
  g_autoptr(JlnQuery) new_query = jln_query_parse (new_text, NULL);

  g_assert_nonnull (old_query);
  g_assert_nonnull (new_query);
  return jln_query_compare (old_query, new_query);
}

#define assert_change(old_text, new_text, change) \
  g_assert_cmpint (compare ((old_text), (new_text)), ==, JLN_QUERY_CHANGE_##change)

static void
test_compare (void)
{
  g_autoptr(JlnQuery) query = jln_query_parse ("ega", NULL);

  /* Typing one more letter, deleting one. */
  assert_change ("ega", "egal", MORE_STRICT);
  assert_change ("egal", "ega", LESS_STRICT);
  assert_change ("", "e", MORE_STRICT);
  assert_change ("e", "", LESS_STRICT);
  assert_change ("unit:rh ega", "unit:rh egal", MORE_STRICT);
  assert_change ("\"plan d\"", "\"plan d'a\"", MORE_STRICT);
  /* A space, a lone dash or reordering changes nothing. */
  assert_change ("ega", "ega ", SAME);
  assert_change ("ega", "ega -", SAME);
  assert_change ("ega unit:rh", "unit:RH  Ega", SAME);
  /* Adding a term, removing one. */
  assert_change ("ega", "ega s", MORE_STRICT);
  assert_change ("ega", "ega status:done", MORE_STRICT);
  assert_change ("ega status:done", "ega", LESS_STRICT);
  assert_change ("ega", "-x ega", MORE_STRICT);
  /* One word containing two. */
  assert_change ("ab cd", "abcd", MORE_STRICT);
  /* Changing a word. */
  assert_change ("ega", "egb", DIFFERENT);
  assert_change ("ega", "-ega", DIFFERENT);
  assert_change ("ega unit:rh", "egal unit:daf", DIFFERENT);
  /* Negated words work the other way round. */
  assert_change ("-ega", "-egal", LESS_STRICT);
  assert_change ("-egal", "-ega", MORE_STRICT);
  /* Alternatives and periods. */
  assert_change ("status:done", "status:done-new", MORE_STRICT);
  assert_change ("status:done", "status:done,planned", LESS_STRICT);
  assert_change ("status:done", "status:done,done-new", SAME);
  assert_change ("objective:4", "objective:4,ii", LESS_STRICT);
  assert_change ("unit:rh,daf", "unit:RH", MORE_STRICT);
  assert_change ("principle:2", "principle:27", DIFFERENT);
  assert_change ("due:2022", "due:2022-S2", MORE_STRICT);
  assert_change ("due:2022", "due:2022-S1..2022-S2", SAME);
  assert_change ("done:<2020", "done:<2021", LESS_STRICT);
  assert_change ("-due:2022", "-due:2022-S2", LESS_STRICT);
  assert_change ("due:2022", "done:2022", DIFFERENT);
  assert_change ("overdue", "overdue ega", MORE_STRICT);

  /* NULL stands for no query. */
  g_assert_cmpint (jln_query_compare (NULL, query), ==, JLN_QUERY_CHANGE_MORE_STRICT);
  g_assert_cmpint (jln_query_compare (query, NULL), ==, JLN_QUERY_CHANGE_LESS_STRICT);
  g_assert_cmpint (jln_query_compare (query, query), ==, JLN_QUERY_CHANGE_SAME);
  g_assert_cmpint (jln_query_compare (NULL, NULL), ==, JLN_QUERY_CHANGE_SAME);
}

/* Run with -m perf: the list filters this many actions per keystroke. */
static void
test_speed (void)
{
  g_autoptr(JlnPlan) plan = jln_plan_new ();
  g_autoptr(GPtrArray) actions = g_ptr_array_new ();
  g_autoptr(JlnQuery) query = jln_query_parse ("objective:4 -status:dropped due:>=2020 recrutement",
                                               NULL);
  gpointer objective;
  guint n_matched = 0;
  gint64 start, elapsed;

  add_unit (plan, "unit-rh", "RH");
  objective = add_objective (plan, "objective-4", "hrs4r", "4");
  for (guint i = 0; i < 100000; i++)
    {
      gpointer action = add_record (plan, objective, JLN_KIND_ACTION, NULL);
      g_autofree char *number = g_strdup_printf ("4.%u", i);

      set_field (action, plan, "number", number);
      set_field (action, plan, "title-fr", i % 3 == 0 ? "Charte du recrutement ouvert"
                                                      : "Égalité professionnelle et salariale");
      set_field (action, plan, "status", i % 7 == 0 ? "dropped" : "in-progress");
      set_field (action, plan, "due", i % 2 == 0 ? "2021-S2" : "2019-S1");
      set_field (action, plan, "units", "[\"unit-rh\"]");
      g_ptr_array_add (actions, action);
    }

  start = g_get_monotonic_time ();
  for (guint i = 0; i < actions->len; i++)
    n_matched += jln_query_match (query, g_ptr_array_index (actions, i), TODAY);
  elapsed = g_get_monotonic_time () - start;

  g_test_minimized_result (elapsed / 1000.0, "%.2f ms for 100 000 actions", elapsed / 1000.0);
  g_assert_cmpuint (n_matched, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/core/query/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("empty", test_empty);
  ADD ("words", test_words);
  ADD ("phrases", test_phrases);
  ADD ("objective", test_objective);
  ADD ("unit", test_unit);
  ADD ("status", test_status);
  ADD ("due", test_due);
  ADD ("done", test_done);
  ADD ("principle", test_principle);
  ADD ("overdue", test_overdue);
  ADD ("negation", test_negation);
  ADD ("combined", test_combined);
  ADD ("check", test_check);
  ADD ("french", test_french);
#undef ADD
  g_test_add_func ("/core/query/boxed", test_boxed);
  g_test_add_func ("/core/query/errors", test_errors);
  g_test_add_func ("/core/query/compare", test_compare);
  if (g_test_perf ())
    g_test_add_func ("/core/query/speed", test_speed);

  return g_test_run ();
}
