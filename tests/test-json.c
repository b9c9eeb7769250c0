/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "jln-action.h"
#include "jln-document.h"
#include "jln-indicator.h"
#include "jln-json.h"
#include "jln-objective.h"
#include "jln-plan.h"
#include "jln-target.h"
#include "jln-unit.h"

#include "jln-test-utils.h"

#define PLAN_ID      "6f1e3c2a-0d4b-4c1e-9a57-1b2c3d4e5f60"
#define OBJECTIVE_ID "0b7d8e21-5a43-4f6c-8d2e-3c4b5a697801"
#define ACTION_ID    "a3c5e7f9-1b2d-4e6f-8a0c-2e4f6a8c0e12"
#define UNIT_ID      "c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f"
#define PRINCIPLE_ID "d4c3b2a1-f6e5-4d7c-9b8a-5f4e3d2c1b0a"
#define MILESTONE_ID "e5f6a7b8-c9d0-4e1f-a2b3-c4d5e6f7a8b9"
#define INDICATOR_ID "f0e1d2c3-b4a5-4968-8776-655443322110"
#define TARGET_ID    "9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d"
#define OTHER_ID     "12345678-9abc-4def-8123-456789abcdef"

/* The smallest valid plan: one objective with one action. */
static const char minimal_plan[] =
  "{\"format\":\"jalons-plan\",\"version\":1,\"id\":\"" PLAN_ID "\","
  "\"title\":{\"fr\":\"Plan\",\"en\":\"Plan\"},"
  "\"objectives\":[{\"id\":\"" OBJECTIVE_ID "\",\"programme\":\"hrs4r\",\"number\":\"1\","
  "\"title\":{\"fr\":\"A\",\"en\":\"A\"},"
  "\"actions\":[{\"id\":\"" ACTION_ID "\",\"number\":\"1.1\",\"title\":{\"fr\":\"x\",\"en\":\"x\"},"
  "\"status\":\"planned\",\"due\":\"2022-S2\"}]}]}";

/* A plan with one object of every kind that others refer to, so that
 * references, numbers and dates can be broken. */
static const char full_plan[] =
  "{\"format\":\"jalons-plan\",\"version\":1,\"id\":\"" PLAN_ID "\","
  "\"title\":{\"fr\":\"Plan\",\"en\":\"Plan\"},"
  "\"units\":[{\"id\":\"" UNIT_ID "\",\"code\":\"RH\","
  "\"name\":{\"fr\":\"Ressources humaines\",\"en\":\"Human resources\"}}],"
  "\"principles\":[{\"id\":\"" PRINCIPLE_ID "\",\"number\":27,\"area\":\"conditions\","
  "\"name\":{\"fr\":\"Équilibre entre les sexes\",\"en\":\"Gender balance\"}}],"
  "\"milestones\":[{\"id\":\"" MILESTONE_ID "\",\"date\":\"2022-03\",\"kind\":\"renewal\","
  "\"title\":{\"fr\":\"Renouvellement\",\"en\":\"Renewal\"}}],"
  "\"objectives\":[{\"id\":\"" OBJECTIVE_ID "\",\"programme\":\"hrs4r\",\"number\":\"1\","
  "\"title\":{\"fr\":\"A\",\"en\":\"A\"},"
  "\"actions\":[{\"id\":\"" ACTION_ID "\",\"number\":\"1.1\",\"title\":{\"fr\":\"x\",\"en\":\"x\"},"
  "\"status\":\"planned\",\"due\":\"2022-S2\","
  "\"units\":[\"" UNIT_ID "\"],\"principles\":[\"" PRINCIPLE_ID "\"]}]}],"
  "\"indicators\":[{\"id\":\"" INDICATOR_ID "\",\"number\":1,"
  "\"title\":{\"fr\":\"Cellule\",\"en\":\"Unit\"},\"kind\":\"percentage\","
  "\"actions\":[\"" ACTION_ID "\"],"
  "\"targets\":[{\"id\":\"" TARGET_ID "\",\"year\":2021,\"value\":10}]}]}";

#define ACTION_PATH "$.objectives[0].actions[0]"
#define TARGET_PATH "$.indicators[0].targets[0]"

static GBytes *
read_bundled_bytes (void)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (JLN_TEST_BUNDLED_PLAN, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

/* Returns: @doc with the one occurrence of @from replaced by @to. */
static char *
mutate (const char *doc,
        const char *from,
        const char *to)
{
  const char *at = strstr (doc, from);
  GString *out;

  if (at == NULL || strstr (at + 1, from) != NULL)
    g_error ("“%s” should occur exactly once in the document", from);

  out = g_string_new_len (doc, at - doc);
  g_string_append (out, to);
  g_string_append (out, at + strlen (from));
  return g_string_free (out, FALSE);
}

static void
assert_same_bytes (GBytes     *actual,
                   GBytes     *expected,
                   const char *what)
{
  gsize actual_length, expected_length, i;
  const char *a = g_bytes_get_data (actual, &actual_length);
  const char *e = g_bytes_get_data (expected, &expected_length);

  if (g_bytes_equal (actual, expected))
    return;

  for (i = 0; i < MIN (actual_length, expected_length) && a[i] == e[i]; i++)
    ;
  g_test_message ("%s: first difference at byte %" G_GSIZE_FORMAT " of %" G_GSIZE_FORMAT
                  " / %" G_GSIZE_FORMAT ":\n  got      «%.60s»\n  expected «%.60s»",
                  what, i, actual_length, expected_length,
                  a + MIN (i, actual_length), e + MIN (i, expected_length));
  g_assert_cmpmem (a, actual_length, e, expected_length);
}

/* Whether @message gives the JSON path @path, or a path inside it:
 * "$.a.units" is found in "…: $.a.units[0]: …". */
static gboolean
message_has_path (const char *message,
                  const char *path)
{
  for (const char *at = strstr (message, path); at != NULL; at = strstr (at + 1, path))
    {
      char next = at[strlen (path)];

      if (at > message && at[-1] == ' ' && (next == ':' || next == '[' || next == '.'))
        return TRUE;
    }
  return FALSE;
}

/* Splits "bad.json:LINE:COLUMN: PATH: what" into its parts. */
static gboolean
split_location (const char  *message,
                guint64     *line,
                guint64     *column,
                char       **path)
{
  const char *p = message + strlen ("bad.json:");
  const char *path_end;
  char *end;

  if (!g_str_has_prefix (message, "bad.json:") || !g_ascii_isdigit (*p))
    return FALSE;
  *line = g_ascii_strtoull (p, &end, 10);
  if (*end != ':' || !g_ascii_isdigit (end[1]))
    return FALSE;
  *column = g_ascii_strtoull (end + 1, &end, 10);
  if (!g_str_has_prefix (end, ": $"))
    return FALSE;
  path_end = strstr (end + 2, ": ");
  if (path_end == NULL)
    return FALSE;
  *path = g_strndup (end + 2, path_end - (end + 2));
  return TRUE;
}

/* Reads @data as bad.json and checks that it is refused with @code, a
 * message that names the file and @where, and that contains @what (what
 * is wrong, or the value at fault). @where is either the beginning of the
 * message with the line and column ("bad.json:2:23:") or a JSON path.
 *
 * A message may instead give a line and column between @first_column and
 * @last_column, on line 1, with a path that leads to @where: this is the
 * case of a problem that the reader sees before it has entered the member
 * at fault. */
static void
assert_rejected_near (const char *data,
                      gsize       length,
                      JlnError    code,
                      const char *where,
                      const char *what,
                      guint64     first_column,
                      guint64     last_column)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JlnPlan) plan = NULL;

  plan = jln_json_read_plan (data, length, "bad.json", &error);
  g_assert_null (plan);
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_error (error, JLN_ERROR, (int) code);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  if (!g_str_has_prefix (error->message, "bad.json:"))
    g_error ("“%s” does not name the file", error->message);

  if (where[0] != '$')
    {
      if (!g_str_has_prefix (error->message, where))
        g_error ("“%s” does not say where: %s", error->message, where);
    }
  else if (!message_has_path (error->message, where))
    {
      g_autofree char *path = NULL;
      guint64 line, column;
      gsize path_length;

      if (last_column == 0 || !split_location (error->message, &line, &column, &path))
        g_error ("“%s” does not say where: %s", error->message, where);
      path_length = strlen (path);
      if (line != 1 || column < first_column || column > last_column ||
          strncmp (where, path, path_length) != 0 ||
          (where[path_length] != '\0' && where[path_length] != '.' && where[path_length] != '['))
        g_error ("“%s” does not say where: %s, or line 1, columns %" G_GUINT64_FORMAT
                 "–%" G_GUINT64_FORMAT, error->message, where, first_column, last_column);
    }

  if (what != NULL && strstr (error->message, what) == NULL)
    g_error ("“%s” does not say “%s”", error->message, what);
}

static void
assert_rejected_len (const char *data,
                     gsize       length,
                     JlnError    code,
                     const char *where,
                     const char *what)
{
  assert_rejected_near (data, length, code, where, what, 0, 0);
}

static void
assert_rejected (const char *data,
                 const char *where,
                 const char *what)
{
  assert_rejected_len (data, strlen (data), JLN_ERROR_INVALID, where, what);
}

/* Returns: the column of the error in a message "bad.json:LINE:COLUMN: …". */
static guint64
error_column (const char *data,
              gsize       length,
              guint64     line)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JlnPlan) plan = jln_json_read_plan (data, length, "bad.json", &error);
  g_autofree char *prefix = g_strdup_printf ("bad.json:%" G_GUINT64_FORMAT ":", line);
  guint64 column = 0;
  char *end = NULL;

  g_assert_null (plan);
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, prefix));
  column = g_ascii_strtoull (error->message + strlen (prefix), &end, 10);
  g_assert_true (end != NULL && *end == ':');
  return column;
}

static JlnPlan *
read_ok (const char *data,
         gsize       length)
{
  g_autoptr(GError) error = NULL;
  JlnPlan *plan = jln_json_read_plan (data, length, "good.json", &error);

  g_assert_no_error (error);
  g_assert_nonnull (plan);
  return plan;
}

/* --- Valid input --------------------------------------------------------- */

static void
test_json_minimal (void)
{
  g_autoptr(JlnPlan) plan = read_ok (minimal_plan, strlen (minimal_plan));
  g_autoptr(JlnObjective) objective = NULL;
  g_autoptr(JlnAction) action = NULL;

  g_assert_cmpstr (jln_record_get_id (JLN_RECORD (plan)), ==, PLAN_ID);
  g_assert_cmpstr (jln_plan_get_title (plan)->fr, ==, "Plan");
  g_assert_cmpuint (g_list_model_get_n_items (jln_plan_get_objectives (plan)), ==, 1);
  objective = g_list_model_get_item (jln_plan_get_objectives (plan), 0);
  g_assert_cmpstr (jln_objective_get_number (objective), ==, "1");
  g_assert_cmpint (jln_objective_get_programme (objective), ==, JLN_PROGRAMME_HRS4R);
  g_assert_cmpuint (g_list_model_get_n_items (jln_objective_get_actions (objective)), ==, 1);
  action = g_list_model_get_item (jln_objective_get_actions (objective), 0);
  g_assert_cmpstr (jln_record_get_id (JLN_RECORD (action)), ==, ACTION_ID);
  g_assert_cmpstr (jln_action_get_number (action), ==, "1.1");
  g_assert_cmpstr (jln_action_get_title (action)->en, ==, "x");
  g_assert_cmpint (jln_action_get_status (action), ==, JLN_STATUS_PLANNED);
  g_assert_cmpuint (jln_action_get_due (action), ==, jln_semester_new (2022, 2));
  g_assert_true (jln_action_get_objective (action) == objective);
  g_assert_true (jln_plan_lookup (plan, ACTION_ID) == JLN_RECORD (action));
  g_assert_cmpuint (jln_plan_get_n_records (plan), ==, 3);
}

static void
test_json_full (void)
{
  g_autoptr(JlnPlan) plan = read_ok (full_plan, strlen (full_plan));
  JlnAction *action = JLN_ACTION (jln_plan_lookup (plan, ACTION_ID));
  JlnIndicator *indicator = JLN_INDICATOR (jln_plan_lookup (plan, INDICATOR_ID));
  JlnTarget *target = JLN_TARGET (jln_plan_lookup (plan, TARGET_ID));
  GPtrArray *units, *principles, *actions;

  g_assert_nonnull (action);
  units = jln_action_get_units (action);
  g_assert_cmpuint (units->len, ==, 1);
  g_assert_cmpstr (jln_unit_get_code (g_ptr_array_index (units, 0)), ==, "RH");
  principles = jln_action_get_principles (action);
  g_assert_cmpuint (principles->len, ==, 1);
  g_assert_true (g_ptr_array_index (principles, 0) == jln_plan_lookup (plan, PRINCIPLE_ID));

  g_assert_nonnull (indicator);
  g_assert_cmpint (jln_indicator_get_number (indicator), ==, 1);
  actions = jln_indicator_get_actions (indicator);
  g_assert_cmpuint (actions->len, ==, 1);
  g_assert_true (g_ptr_array_index (actions, 0) == (gpointer) action);
  g_assert_nonnull (target);
  g_assert_cmpint (jln_target_get_year (target), ==, 2021);
  g_assert_cmpfloat (jln_target_get_value (target), ==, 10.0);
  g_assert_true (jln_record_get_parent (JLN_RECORD (target)) == JLN_RECORD (indicator));
  g_assert_cmpuint (jln_plan_get_n_records (plan), ==, 8);
}

/* --- Round trips --------------------------------------------------------- */

static void
test_json_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bundled = read_bundled_bytes ();
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  JlnPlan *plan, *again;

  plan = jln_json_load_plan (JLN_TEST_BUNDLED_PLAN, &error);
  g_assert_no_error (error);
  g_assert_nonnull (plan);
  first = jln_json_write_plan (plan);

  again = jln_json_read_plan (g_bytes_get_data (first, NULL), g_bytes_get_size (first),
                              "export.json", &error);
  g_assert_no_error (error);
  g_assert_nonnull (again);
  second = jln_json_write_plan (again);

  g_assert_cmpuint (jln_plan_get_n_records (again), ==, jln_plan_get_n_records (plan));
  assert_same_bytes (second, first, "export → import → export");
  assert_same_bytes (first, bundled, "the bundled file is in canonical form");

  /* Nothing else holds on to the plans. */
  g_assert_finalize_object (plan);
  g_assert_finalize_object (again);
}

static void
test_json_round_trip_escapes (void)
{
  /* Quotes, backslashes, control characters, non-ASCII and a slash
   * survive export and import. */
  const char *title = "« Dire \"non\" » \\ a/b\n\ttab\x01 \xe2\x80\x93 \xf0\x9f\x8e\x93 end";
  g_autofree char *doc = NULL;
  g_autoptr(JlnPlan) plan = NULL;
  g_autoptr(JlnPlan) again = NULL;
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  JlnAction *action;

  doc = mutate (full_plan, "{\"fr\":\"x\",\"en\":\"x\"}",
                "{\"fr\":\"\\u00ab Dire \\\"non\\\" \\u00bb \\\\ a\\/b\\n\\ttab\\u0001 "
                "\xe2\x80\x93 \\ud83c\\udf93 end\",\"en\":\"x\"}");
  plan = read_ok (doc, strlen (doc));
  action = JLN_ACTION (jln_plan_lookup (plan, ACTION_ID));
  g_assert_cmpstr (jln_action_get_title (action)->fr, ==, title);

  first = jln_json_write_plan (plan);
  again = read_ok (g_bytes_get_data (first, NULL), g_bytes_get_size (first));
  action = JLN_ACTION (jln_plan_lookup (again, ACTION_ID));
  g_assert_cmpstr (jln_action_get_title (action)->fr, ==, title);
  second = jln_json_write_plan (again);
  assert_same_bytes (second, first, "escapes");
}

/* --- Refused input ------------------------------------------------------- */

typedef struct
{
  const char *name;
  const char *base;       /* minimal_plan or full_plan */
  const char *from;
  const char *to;
  JlnError    code;
  const char *where;      /* the JSON path of the problem */
  const char *what;
} Mutation;

static const Mutation mutations[] = {
  { "format-missing", minimal_plan, "\"format\":\"jalons-plan\",", "",
    JLN_ERROR_INVALID, "$.format", "jalons-plan" },
  { "format-wrong", minimal_plan, "\"jalons-plan\"", "\"jalons-list\"",
    JLN_ERROR_INVALID, "$.format", "not a Jalons plan" },
  { "format-number", minimal_plan, "\"jalons-plan\"", "1",
    JLN_ERROR_INVALID, "$.format", NULL },
  { "version-missing", minimal_plan, "\"version\":1,", "",
    JLN_ERROR_INVALID, "$.version", "whole number" },
  { "version-string", minimal_plan, "\"version\":1,", "\"version\":\"1\",",
    JLN_ERROR_INVALID, "$.version", "number" },
  { "version-2", minimal_plan, "\"version\":1,", "\"version\":2,",
    JLN_ERROR_TOO_NEW, "$.version", "version 2" },
  { "version-0", minimal_plan, "\"version\":1,", "\"version\":0,",
    JLN_ERROR_INVALID, "$.version", "version 0" },
  { "title-number", minimal_plan, "\"title\":{\"fr\":\"x\",\"en\":\"x\"}", "\"title\":7",
    JLN_ERROR_INVALID, ACTION_PATH ".title", "found a number" },
  { "title-language", minimal_plan, "{\"fr\":\"x\",\"en\":\"x\"}", "{\"fr\":\"x\",\"de\":\"x\"}",
    JLN_ERROR_INVALID, ACTION_PATH ".title", "“fr” and “en”" },
  { "title-language-number", minimal_plan, "{\"fr\":\"x\",\"en\":\"x\"}", "{\"fr\":\"x\",\"en\":1}",
    JLN_ERROR_INVALID, ACTION_PATH ".title", "expected a text, found a number" },
  { "status-number", minimal_plan, "\"status\":\"planned\"", "\"status\":1",
    JLN_ERROR_INVALID, ACTION_PATH ".status", "expected a text, found a number" },
  { "units-string", full_plan, "\"units\":[\"" UNIT_ID "\"]", "\"units\":\"" UNIT_ID "\"",
    JLN_ERROR_INVALID, ACTION_PATH ".units", "expected a list, found a text" },
  { "units-number", full_plan, "\"units\":[\"" UNIT_ID "\"]", "\"units\":[42]",
    JLN_ERROR_INVALID, ACTION_PATH ".units", "expected a text" },
  { "number-object", minimal_plan, "\"number\":\"1\",", "\"number\":{\"n\":\"1\"},",
    JLN_ERROR_INVALID, "$.objectives[0].number", "found an object" },
  { "number-missing", minimal_plan, "\"number\":\"1.1\",", "",
    JLN_ERROR_INVALID, ACTION_PATH, "“number”" },
  { "year-string", full_plan, "\"year\":2021", "\"year\":\"2021\"",
    JLN_ERROR_INVALID, TARGET_PATH ".year", "expected a whole number, found a text" },
  { "year-fraction", full_plan, "\"year\":2021", "\"year\":2021.5",
    JLN_ERROR_INVALID, TARGET_PATH ".year", "whole number" },
  { "year-out-of-range", full_plan, "\"year\":2021", "\"year\":1021",
    JLN_ERROR_INVALID, TARGET_PATH ".year", "1021" },
  { "value-string", full_plan, "\"value\":10", "\"value\":\"10\"",
    JLN_ERROR_INVALID, TARGET_PATH ".value", "expected a number, found a text" },
  { "value-huge", full_plan, "\"value\":10", "\"value\":1e400",
    JLN_ERROR_INVALID, TARGET_PATH ".value", "too large" },
  { "value-negative-huge", full_plan, "\"value\":10", "\"value\":-1e400",
    JLN_ERROR_INVALID, TARGET_PATH ".value", "too large" },
  { "principle-out-of-range", full_plan, "\"number\":27", "\"number\":41",
    JLN_ERROR_INVALID, "$.principles[0].number", "41" },
  { "unknown-member", minimal_plan, "\"status\":\"planned\"",
    "\"colour\":\"red\",\"status\":\"planned\"",
    JLN_ERROR_INVALID, ACTION_PATH ".colour", "“colour”" },
  { "unknown-plan-member", minimal_plan, "\"title\":{\"fr\":\"Plan\",\"en\":\"Plan\"},",
    "\"title\":{\"fr\":\"Plan\",\"en\":\"Plan\"},\"objective\":[],",
    JLN_ERROR_INVALID, "$.objective", "“objective”" },
  { "unknown-status", minimal_plan, "\"planned\"", "\"finished\"",
    JLN_ERROR_INVALID, ACTION_PATH ".status", "“finished”" },
  { "unknown-programme", minimal_plan, "\"hrs4r\"", "\"hrs5r\"",
    JLN_ERROR_INVALID, "$.objectives[0].programme", "“hrs5r”" },
  { "unknown-semester", minimal_plan, "\"2022-S2\"", "\"2022-S3\"",
    JLN_ERROR_INVALID, ACTION_PATH ".due", "“2022-S3”" },
  { "bad-completion", minimal_plan, "\"status\":\"planned\"",
    "\"status\":\"done\",\"completion\":\"20x7\"",
    JLN_ERROR_INVALID, ACTION_PATH ".completion", "“20x7”" },
  { "bad-date", full_plan, "\"2022-03\"", "\"2022-13\"",
    JLN_ERROR_INVALID, "$.milestones[0].date", "“2022-13”" },
  { "references-number", minimal_plan, "\"status\":\"planned\"",
    "\"status\":\"superseded\",\"references\":[4]",
    JLN_ERROR_INVALID, ACTION_PATH ".references", "expected a text" },
  { "duplicate-id", minimal_plan, "\"id\":\"" ACTION_ID "\"", "\"id\":\"" OBJECTIVE_ID "\"",
    JLN_ERROR_INVALID, ACTION_PATH ".id", "“" OBJECTIVE_ID "” is used twice" },
  { "duplicate-plan-id", minimal_plan, "\"id\":\"" ACTION_ID "\"", "\"id\":\"" PLAN_ID "\"",
    JLN_ERROR_INVALID, ACTION_PATH ".id", "used twice" },
  { "id-not-uuid", minimal_plan, "\"id\":\"" ACTION_ID "\"", "\"id\":\"action-1\"",
    JLN_ERROR_INVALID, ACTION_PATH ".id", "UUID" },
  { "id-number", minimal_plan, "\"id\":\"" ACTION_ID "\"", "\"id\":11",
    JLN_ERROR_INVALID, ACTION_PATH ".id", NULL },
  { "id-missing", minimal_plan, "\"id\":\"" ACTION_ID "\",", "",
    JLN_ERROR_INVALID, ACTION_PATH, "“id”" },
  { "unknown-unit", full_plan, "\"units\":[\"" UNIT_ID "\"]", "\"units\":[\"" OTHER_ID "\"]",
    JLN_ERROR_INVALID, ACTION_PATH ".units", "no unit with the id “" OTHER_ID "”" },
  { "wrong-kind", full_plan, "\"units\":[\"" UNIT_ID "\"]", "\"units\":[\"" PRINCIPLE_ID "\"]",
    JLN_ERROR_INVALID, ACTION_PATH ".units", "no unit with the id “" PRINCIPLE_ID "”" },
  { "unit-twice", full_plan, "\"units\":[\"" UNIT_ID "\"]",
    "\"units\":[\"" UNIT_ID "\",\"" UNIT_ID "\"]",
    JLN_ERROR_INVALID, ACTION_PATH ".units", "twice" },
  { "indicator-action-unknown", full_plan, "\"actions\":[\"" ACTION_ID "\"]",
    "\"actions\":[\"" OTHER_ID "\"]",
    JLN_ERROR_INVALID, "$.indicators[0].actions", OTHER_ID },
  { "children-not-list", minimal_plan,
    "\"actions\":[{\"id\":\"" ACTION_ID "\",\"number\":\"1.1\","
    "\"title\":{\"fr\":\"x\",\"en\":\"x\"},"
    "\"status\":\"planned\",\"due\":\"2022-S2\"}]", "\"actions\":{}",
    JLN_ERROR_INVALID, "$.objectives[0].actions", "expected a list, found an object" },
  { "child-not-object", full_plan, "\"targets\":[{", "\"targets\":[3,{",
    JLN_ERROR_INVALID, "$.indicators[0].targets[0]", "expected an object, found a number" },
};

static void
test_json_bad_mutation (gconstpointer data)
{
  const Mutation *m = data;
  g_autofree char *doc = mutate (m->base, m->from, m->to);
  const char *at = strstr (m->base, m->from);
  /* Columns count characters, from 1; the error may be given at the key
   * of the member or at the end of the object that holds it. */
  guint64 column = g_utf8_strlen (m->base, at - m->base) + 1;
  guint64 first = column > 32 ? column - 32 : 1;
  guint64 last = column + g_utf8_strlen (m->to, -1) + 64;

  assert_rejected_near (doc, strlen (doc), m->code, m->where, m->what, first, last);
}

static void
test_json_bad_malformed (void)
{
  g_autoptr(GBytes) bundled = read_bundled_bytes ();
  g_autofree char *doc = NULL;

  /* Without the comma that ends line 3, the parser stops on line 4. */
  doc = mutate (g_bytes_get_data (bundled, NULL), "\"version\": 1,\n", "\"version\": 1\n");
  assert_rejected (doc, "bad.json:4:", NULL);

  /* The same on one line. */
  g_clear_pointer (&doc, g_free);
  doc = mutate (minimal_plan, "\"version\":1,", "\"version\":1");
  assert_rejected (doc, "bad.json:1:", NULL);

  /* A trailing comma. */
  g_clear_pointer (&doc, g_free);
  doc = mutate (minimal_plan, "\"due\":\"2022-S2\"}", "\"due\":\"2022-S2\",}");
  assert_rejected (doc, "bad.json:1:", NULL);
}

static guint
count_lines (const char *data,
             gsize       length)
{
  guint lines = 1;

  for (gsize i = 0; i < length; i++)
    if (data[i] == '\n')
      lines++;
  return lines;
}

static void
test_json_bad_truncated (void)
{
  g_autoptr(GBytes) bundled = read_bundled_bytes ();
  gsize length;
  const char *data = g_bytes_get_data (bundled, &length);
  g_autofree char *prefix = NULL;
  const char *accent;

  /* The error is where the data ends, at its last line. */
  prefix = g_strdup_printf ("bad.json:%u:", count_lines (data, length / 2));
  assert_rejected_len (data, length / 2, JLN_ERROR_INVALID, prefix, NULL);

  /* Cut in the middle of a character, the file is not valid UTF-8 where
   * it ends. */
  accent = strstr (data, "\xc3\xa0");   /* the à of "La HRS4R à l'Inserm" */
  g_assert_nonnull (accent);
  g_clear_pointer (&prefix, g_free);
  prefix = g_strdup_printf ("bad.json:%u:", count_lines (data, accent - data));
  assert_rejected_len (data, accent + 1 - data, JLN_ERROR_INVALID, prefix, "UTF-8");

  /* Only the opening brace. */
  assert_rejected_len ("{", 1, JLN_ERROR_INVALID, "bad.json:1:", NULL);
}

static void
test_json_bad_empty (void)
{
  assert_rejected_len ("", 0, JLN_ERROR_INVALID, "bad.json:", NULL);
  assert_rejected (" \n\t\n", "bad.json:", NULL);
}

static void
test_json_bad_top_level (void)
{
  g_autofree char *array = g_strdup_printf ("[%s]", minimal_plan);

  assert_rejected (array, "bad.json:", "not a Jalons plan");
  assert_rejected ("\"jalons-plan\"", "bad.json:", "not a Jalons plan");
  assert_rejected ("42", "bad.json:", "not a Jalons plan");
  assert_rejected ("null", "bad.json:", "not a Jalons plan");
}

static void
test_json_bad_deep_nesting (void)
{
  const gsize depth = 200000;
  g_autoptr(GString) arrays = g_string_sized_new (2 * depth);
  g_autoptr(GString) objects = g_string_new (NULL);
  g_autofree char *in_plan = NULL;
  g_autofree char *in_text = NULL;
  gsize nesting_starts;

  /* The reader gives up near the first brackets, not at the end of the
   * data (nor in a stack overflow). */
  for (gsize i = 0; i < depth; i++)
    g_string_append_c (arrays, '[');
  for (gsize i = 0; i < depth; i++)
    g_string_append_c (arrays, ']');
  g_assert_cmpuint (error_column (arrays->str, arrays->len, 1), <=, 64);
  /* Unclosed. */
  g_assert_cmpuint (error_column (arrays->str, depth, 1), <=, 64);

  /* Objects, inside an otherwise valid plan, after brackets in a string
   * that do not count. */
  g_string_append (objects, "\"note\":{\"fr\":\"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\"},");
  g_string_append (objects, "\"x\":");
  for (gsize i = 0; i < depth; i++)
    g_string_append (objects, "{\"a\":");
  g_string_append (objects, "1");
  for (gsize i = 0; i < depth; i++)
    g_string_append_c (objects, '}');
  g_string_append (objects, ",\"status\"");
  in_plan = mutate (minimal_plan, "\"status\"", objects->str);
  nesting_starts = strstr (in_plan, "\"x\":") - in_plan;
  g_assert_cmpuint (error_column (in_plan, strlen (in_plan), 1), <=, nesting_starts + 64);

  /* Nesting where a text is expected. */
  g_string_truncate (objects, 0);
  for (gsize i = 0; i < depth; i++)
    g_string_append (objects, "{\"fr\":");
  in_text = mutate (minimal_plan, "{\"fr\":\"Plan\"", objects->str);
  g_assert_cmpuint (error_column (in_text, strlen (in_text), 1), <=, 128);

  /* A real plan stays readable with texts full of brackets. */
  {
    g_autofree char *brackets = mutate (minimal_plan, "{\"fr\":\"x\"",
                                        "{\"fr\":\"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\\\""
                                        "{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{\"");
    g_autoptr(JlnPlan) plan = read_ok (brackets, strlen (brackets));
    JlnAction *action = JLN_ACTION (jln_plan_lookup (plan, ACTION_ID));

    const char *title = jln_action_get_title (action)->fr;

    g_assert_true (g_str_has_prefix (title, "[[[["));
    g_assert_nonnull (strstr (title, "[\"{"));
    g_assert_true (g_str_has_suffix (title, "{{{{"));
  }
}

static void
test_json_bad_long_string (void)
{
  const gsize length = 2 * 1024 * 1024;
  g_autofree char *long_text = g_malloc (length + 1);
  g_autofree char *replacement = NULL;
  g_autofree char *doc = NULL;

  memset (long_text, 'a', length);
  long_text[length] = '\0';
  replacement = g_strdup_printf ("\"fr\":\"%s\"", long_text);
  doc = mutate (minimal_plan, "\"fr\":\"Plan\"", replacement);
  assert_rejected (doc, "$.title.fr", "longer");

  /* A long list of references is refused at its element. */
  g_clear_pointer (&replacement, g_free);
  g_clear_pointer (&doc, g_free);
  replacement = g_strdup_printf ("\"status\":\"superseded\",\"references\":[\"1.1\",\"%s\"]",
                                 long_text);
  doc = mutate (minimal_plan, "\"status\":\"planned\"", replacement);
  assert_rejected (doc, ACTION_PATH ".references", "longer");
}

/* Line 2 of the document starts with: "title":{"fr":"Égalité, 22
 * characters (24 bytes); the 23rd character is the bad byte. */
static GString *
document_with_byte_at_line_2 (char byte)
{
  const char *at = strstr (minimal_plan, "\"title\":{\"fr\":\"Plan\"");
  GString *doc = g_string_new_len (minimal_plan, at - minimal_plan);

  g_string_append (doc, "\n\"title\":{\"fr\":\"Égalité");
  g_string_append_c (doc, byte);
  g_string_append (doc, "\",\"en\":\"Plan\"");
  g_string_append (doc, at + strlen ("\"title\":{\"fr\":\"Plan\",\"en\":\"Plan\""));
  return doc;
}

static void
test_json_bad_utf8 (void)
{
  g_autoptr(GString) doc = document_with_byte_at_line_2 ('\xff');
  g_autoptr(GString) valid = document_with_byte_at_line_2 ('!');

  g_autoptr(JlnPlan) plan = NULL;

  assert_rejected_len (doc->str, doc->len, JLN_ERROR_INVALID, "bad.json:2:23: ", "UTF-8");
  /* The same document with a good byte is accepted. */
  plan = read_ok (valid->str, valid->len);

  /* An overlong encoding of "/" and a lone surrogate are invalid too. */
  {
    g_autofree char *overlong = mutate (minimal_plan, "\"fr\":\"x\"", "\"fr\":\"\xc0\xaf\"");
    g_autofree char *surrogate = mutate (minimal_plan, "\"fr\":\"x\"", "\"fr\":\"\xed\xa0\x80\"");

    assert_rejected (overlong, "bad.json:1:", "UTF-8");
    assert_rejected (surrogate, "bad.json:1:", "UTF-8");
  }
}

static void
test_json_bad_nul (void)
{
  g_autoptr(GString) doc = document_with_byte_at_line_2 ('\0');
#define TAIL(s) { s, sizeof s - 1 }
  const struct { const char *data; gsize length; } tails[] = {
    TAIL ("\0"), TAIL ("\0\0\0\0"), TAIL ("\0{\"anything\": ["), TAIL ("\n\0garbage"),
  };
#undef TAIL

  assert_rejected_len (doc->str, doc->len, JLN_ERROR_INVALID, "bad.json:2:23: ", "NUL");

  /* Data after a NUL that follows the plan is data too: the length given
   * is the length of the file. */
  for (guint i = 0; i < G_N_ELEMENTS (tails); i++)
    {
      g_autoptr(GString) trailing = g_string_new (minimal_plan);
      g_autoptr(GError) error = NULL;
      g_autoptr(JlnPlan) plan = NULL;

      g_string_append_len (trailing, tails[i].data, tails[i].length);
      plan = jln_json_read_plan (trailing->str, trailing->len, "bad.json", &error);
      if (plan != NULL)
        {
          /* jln-json.c:read_plan() takes peek () == '\0' for the end of
           * the data, so a NUL byte after the plan hides whatever follows. */
          g_test_incomplete ("a NUL byte after the plan, and anything after it, is accepted");
          continue;
        }
      g_test_message ("%s", error->message);
      g_assert_error (error, JLN_ERROR, JLN_ERROR_INVALID);
      g_assert_true (g_str_has_prefix (error->message, "bad.json:"));
    }
}

static void
test_json_bad_huge_int (void)
{
  g_autofree char *doc = mutate (full_plan, "\"year\":2021", "\"year\":99999999999999999999");
  g_autofree char *version = mutate (minimal_plan, "\"version\":1,",
                                     "\"version\":99999999999999999999,");
  g_autoptr(GError) error = NULL;
  g_autoptr(JlnPlan) plan = NULL;

  assert_rejected (doc, TARGET_PATH ".year", NULL);

  /* The message does not talk about another number (json-glib wrapped
   * integers beyond 64 bits to -1). */
  plan = jln_json_read_plan (doc, strlen (doc), "bad.json", &error);
  g_assert_null (plan);
  g_assert_nonnull (error);
  g_assert_null (strstr (error->message, "-1 "));
  g_assert_true (strstr (error->message, "99999999999999999999") != NULL ||
                 strstr (error->message, "too large") != NULL);
  g_clear_error (&error);

  /* Refused as too new or as invalid, at the version. */
  plan = jln_json_read_plan (version, strlen (version), "bad.json", &error);
  g_assert_null (plan);
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_true (g_error_matches (error, JLN_ERROR, JLN_ERROR_TOO_NEW) ||
                 g_error_matches (error, JLN_ERROR, JLN_ERROR_INVALID));
  g_assert_true (g_str_has_prefix (error->message, "bad.json:1:") ||
                 message_has_path (error->message, "$.version"));
}

static void
test_json_bad_missing_int (void)
{
  /* A required whole number (the indicator's number, here) that is left
   * out must be refused like any other required field: read as 0, it is
   * written back as "number": 0, which no reader then accepts. */
  g_autofree char *doc = mutate (full_plan, "\"number\":1,", "");
  g_autoptr(GError) error = NULL;
  g_autoptr(JlnPlan) plan = jln_json_read_plan (doc, strlen (doc), "bad.json", &error);

  if (plan != NULL)
    {
      g_autoptr(GBytes) bytes = jln_json_write_plan (plan);
      g_autoptr(GError) again_error = NULL;
      g_autoptr(JlnPlan) again = jln_json_read_plan (g_bytes_get_data (bytes, NULL),
                                                     g_bytes_get_size (bytes),
                                                     "export.json", &again_error);

      g_test_message ("accepted; its export is refused: %s",
                      again_error != NULL ? again_error->message : "(no)");
      g_test_incomplete ("a plan without a required whole number is accepted, "
                         "and its export is refused");
      return;
    }
  g_assert_error (error, JLN_ERROR, JLN_ERROR_INVALID);
  g_assert_true (message_has_path (error->message, "$.indicators[0]"));
  g_assert_nonnull (strstr (error->message, "number"));
}

static void
test_json_bad_duplicate_language (void)
{
  /* A member given twice is refused ("title" is given twice); so should
   * a language be, rather than one of the two texts be dropped. */
  g_autofree char *doc = mutate (minimal_plan, "{\"fr\":\"x\",\"en\":\"x\"}",
                                 "{\"fr\":\"x\",\"fr\":\"y\",\"en\":\"x\"}");
  g_autofree char *field = mutate (minimal_plan, "\"status\":\"planned\"",
                                   "\"status\":\"planned\",\"status\":\"done\"");
  g_autoptr(GError) error = NULL;
  g_autoptr(JlnPlan) plan = NULL;

  assert_rejected (field, ACTION_PATH ".status", "“status”");

  plan = jln_json_read_plan (doc, strlen (doc), "bad.json", &error);
  if (plan != NULL)
    {
      g_test_message ("accepted, the title is “%s”",
                      jln_action_get_title (JLN_ACTION (jln_plan_lookup (plan, ACTION_ID)))->fr);
      g_test_incomplete ("a language given twice in a text is accepted, and one text dropped");
      return;
    }
  g_test_message ("%s", error->message);
  g_assert_error (error, JLN_ERROR, JLN_ERROR_INVALID);
  g_assert_true (message_has_path (error->message, ACTION_PATH ".title"));
}

static void
test_json_load_missing (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JlnPlan) plan = jln_json_load_plan ("/nonexistent/plan.json", &error);

  g_assert_null (plan);
  g_assert_error (error, JLN_ERROR, JLN_ERROR_IO);
  g_assert_true (g_str_has_prefix (error->message, "/nonexistent/plan.json: "));
}

/* --- Import into a plan file --------------------------------------------- */

static char **
list_dir (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = g_dir_open (path, 0, &error);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  const char *name;

  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_strv_builder_add (builder, name);
  return g_strv_builder_end (builder);
}

typedef struct
{
  char *in_dir;    /* the JSON files */
  char *out_dir;   /* where the plan file goes: checked for leftovers */
  char *bad_json;
  char *out_path;
} ImportFixture;

static void
import_set_up (ImportFixture *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *bad = mutate (full_plan, "\"units\":[\"" UNIT_ID "\"]",
                                 "\"units\":[\"" OTHER_ID "\"]");

  f->in_dir = g_dir_make_tmp ("jalons-json-in-XXXXXX", &error);
  g_assert_no_error (error);
  f->out_dir = g_dir_make_tmp ("jalons-json-out-XXXXXX", &error);
  g_assert_no_error (error);
  f->bad_json = g_build_filename (f->in_dir, "bad.json", NULL);
  f->out_path = g_build_filename (f->out_dir, "OUT.jalons", NULL);
  g_file_set_contents (f->bad_json, bad, -1, &error);
  g_assert_no_error (error);
}

static void
import_tear_down (ImportFixture *f,
                  gconstpointer  data)
{
  g_assert_true (jln_test_remove_tree (f->in_dir));
  g_assert_true (jln_test_remove_tree (f->out_dir));
  g_free (f->in_dir);
  g_free (f->out_dir);
  g_free (f->bad_json);
  g_free (f->out_path);
}

static void
assert_dir_holds (const char *dir,
                  const char *only)
{
  g_auto(GStrv) names = list_dir (dir);

  if (only == NULL)
    {
      if (names[0] != NULL)
        g_error ("%s should be empty but holds %s", dir, names[0]);
    }
  else
    {
      g_assert_cmpstr (names[0], ==, only);
      g_assert_null (names[1]);
    }
}

static void
test_json_import_atomic (ImportFixture *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JlnDocument) document = NULL;

  document = jln_document_import (f->bad_json, f->out_path, &error);
  g_assert_null (document);
  g_assert_error (error, JLN_ERROR, JLN_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "bad.json"));
  g_assert_nonnull (strstr (error->message, ACTION_PATH ".units"));
  g_assert_false (g_file_test (f->out_path, G_FILE_TEST_EXISTS));
  assert_dir_holds (f->out_dir, NULL);
  g_clear_error (&error);

  /* The same JSON, repaired, is imported. */
  g_file_set_contents (f->bad_json, full_plan, -1, &error);
  g_assert_no_error (error);
  document = jln_document_import (f->bad_json, f->out_path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
  g_assert_nonnull (jln_plan_lookup (jln_document_get_plan (document), TARGET_ID));
  g_clear_object (&document);
  g_assert_true (g_file_test (f->out_path, G_FILE_TEST_IS_REGULAR));
}

static void
test_json_import_existing (ImportFixture *f,
                           gconstpointer  data)
{
  static const char precious[] = "not a plan, but someone's file\0with a NUL\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(JlnDocument) document = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_file_set_contents (f->out_path, precious, sizeof precious, &error);
  g_assert_no_error (error);

  /* A valid plan does not overwrite it… */
  document = jln_document_import (JLN_TEST_BUNDLED_PLAN, f->out_path, &error);
  g_assert_null (document);
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, f->out_path));
  g_clear_error (&error);

  /* …nor does an invalid one. */
  document = jln_document_import (f->bad_json, f->out_path, &error);
  g_assert_null (document);
  g_assert_nonnull (error);
  g_clear_error (&error);

  g_file_get_contents (f->out_path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (contents, length, precious, sizeof precious);
  assert_dir_holds (f->out_dir, "OUT.jalons");
}

/* The same through the program, when it has been built. */
static gboolean
run_jalons (const char  *arg1,
            const char  *arg2,
            char       **err)
{
  g_autofree char *program = g_test_build_filename (G_TEST_BUILT, "..", "src", "jalons", NULL);
  const char *argv[] = { program, arg1, arg2, NULL };
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                NULL, err, &status, &error);
  g_assert_no_error (error);
  return g_spawn_check_wait_status (status, NULL);
}

static void
test_json_import_program (ImportFixture *f,
                          gconstpointer  data)
{
  static const char precious[] = "someone's file";
  g_autofree char *program = g_test_build_filename (G_TEST_BUILT, "..", "src", "jalons", NULL);
  g_autofree char *import = NULL;
  g_autofree char *import_good = NULL;
  g_autofree char *output = NULL;
  g_autofree char *err = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;

  if (!g_file_test (program, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("the jalons program is not built");
      return;
    }

  import = g_strconcat ("--import=", f->bad_json, NULL);
  import_good = g_strconcat ("--import=", JLN_TEST_BUNDLED_PLAN, NULL);
  output = g_strconcat ("--output=", f->out_path, NULL);

  g_assert_false (run_jalons (import, output, &err));
  g_test_message ("%s", err);
  g_assert_nonnull (strstr (err, "bad.json"));
  g_assert_nonnull (strstr (err, ACTION_PATH ".units"));
  assert_dir_holds (f->out_dir, NULL);

  g_file_set_contents (f->out_path, precious, sizeof precious, &error);
  g_assert_no_error (error);
  g_clear_pointer (&err, g_free);
  g_assert_false (run_jalons (import_good, output, &err));
  g_test_message ("%s", err);
  g_assert_nonnull (strstr (err, f->out_path));
  g_file_get_contents (f->out_path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (contents, length, precious, sizeof precious);
  assert_dir_holds (f->out_dir, "OUT.jalons");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/json/minimal", test_json_minimal);
  g_test_add_func ("/core/json/full", test_json_full);
  g_test_add_func ("/core/json/round-trip", test_json_round_trip);
  g_test_add_func ("/core/json/round-trip-escapes", test_json_round_trip_escapes);
  g_test_add_func ("/core/json/load-missing", test_json_load_missing);

  g_test_add_func ("/core/json/bad/malformed", test_json_bad_malformed);
  g_test_add_func ("/core/json/bad/truncated", test_json_bad_truncated);
  g_test_add_func ("/core/json/bad/empty", test_json_bad_empty);
  g_test_add_func ("/core/json/bad/top-level", test_json_bad_top_level);
  g_test_add_func ("/core/json/bad/deep-nesting", test_json_bad_deep_nesting);
  g_test_add_func ("/core/json/bad/long-string", test_json_bad_long_string);
  g_test_add_func ("/core/json/bad/invalid-utf8", test_json_bad_utf8);
  g_test_add_func ("/core/json/bad/nul-byte", test_json_bad_nul);
  g_test_add_func ("/core/json/bad/huge-int", test_json_bad_huge_int);
  g_test_add_func ("/core/json/bad/missing-int", test_json_bad_missing_int);
  g_test_add_func ("/core/json/bad/duplicate-language", test_json_bad_duplicate_language);
  for (guint i = 0; i < G_N_ELEMENTS (mutations); i++)
    {
      g_autofree char *path = g_strconcat ("/core/json/bad/", mutations[i].name, NULL);

      g_test_add_data_func (path, &mutations[i], test_json_bad_mutation);
    }

  g_test_add ("/core/json/import-atomic", ImportFixture, NULL,
              import_set_up, test_json_import_atomic, import_tear_down);
  g_test_add ("/core/json/import-existing", ImportFixture, NULL,
              import_set_up, test_json_import_existing, import_tear_down);
  g_test_add ("/core/json/import-program", ImportFixture, NULL,
              import_set_up, test_json_import_program, import_tear_down);

  return g_test_run ();
}
