/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "jln-completion.h"
#include "jln-semester.h"
#include "jln-text.h"

#define NBSP "\xc2\xa0"
#define EN_DASH "\xe2\x80\x93"

/* A value no parse produces, to see that a failed parse leaves the
 * result alone. */
#define UNTOUCHED ((JlnSemester) 12345)

static void
assert_parses (const char *text,
               guint       year,
               guint       half)
{
  g_autoptr(GError) error = NULL;
  JlnSemester semester = UNTOUCHED;

  g_test_message ("parsing “%s”", text);
  g_assert_true (jln_semester_parse (text, &semester, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (jln_semester_get_year (semester), ==, year);
  g_assert_cmpuint (jln_semester_get_half (semester), ==, half);
  g_assert_cmpuint (semester, ==, jln_semester_new (year, half));
}

static void
test_semester_parse (void)
{
  /* The seed's own spellings, with its odd spacing. */
  assert_parses ("2nd sem. 2022", 2022, 2);
  assert_parses ("2 nd sem. 2022", 2022, 2);
  assert_parses ("1 st sem. 2022", 2022, 1);
  assert_parses ("1st sem. 2023", 2023, 1);
  assert_parses ("1st semester 2024", 2024, 1);
  assert_parses ("2nd semester 2021", 2021, 2);

  /* French. */
  assert_parses ("2e sem. 2022", 2022, 2);
  assert_parses ("1er sem. 2022", 2022, 1);
  assert_parses ("2ème semestre 2022", 2022, 2);
  assert_parses ("1er semestre 2020", 2020, 1);
  assert_parses ("1re sem. 2019", 2019, 1);
  assert_parses ("1ère sem. 2019", 2019, 1);

  /* Short and ISO. */
  assert_parses ("S2 2022", 2022, 2);
  assert_parses ("s1 2023", 2023, 1);
  assert_parses ("2022-S2", 2022, 2);
  assert_parses ("2022-s1", 2022, 1);
  assert_parses ("2022 S1", 2022, 1);

  /* Case, surrounding blanks and no-break spaces, as word processors
   * put them between a number and its unit. */
  assert_parses ("2ND SEM. 2022", 2022, 2);
  assert_parses ("  2022-S2\t", 2022, 2);
  assert_parses ("2nd" NBSP "sem." NBSP "2022", 2022, 2);
  assert_parses ("2e" NBSP "sem." NBSP "2022", 2022, 2);
  assert_parses ("S2" NBSP "2022", 2022, 2);
  assert_parses ("2022" NBSP "S1", 2022, 1);
  assert_parses (NBSP "2022-S1" NBSP, 2022, 1);

  /* The limits of the range. */
  assert_parses ("1900-S1", 1900, 1);
  assert_parses ("2200-S2", 2200, 2);
}

/* What word processors write in French: a narrow no-break space (U+202F)
 * where the seed has a space, and capitals with their accents. */
static void
test_semester_parse_typography (void)
{
  const struct {
    const char *text;
    guint year, half;
  } cases[] = {
    { "2e sem.\xe2\x80\xaf" "2022", 2022, 2 },
    { "S2\xe2\x80\xaf" "2022", 2022, 2 },
    { "2ÈME SEMESTRE 2022", 2022, 2 },
    { "1ÈRE SEM. 2021", 2021, 1 },
  };
  guint n_refused = 0;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      JlnSemester semester = UNTOUCHED;

      if (!jln_semester_parse (cases[i].text, &semester, &error))
        {
          g_test_message ("refused: %s", error->message);
          n_refused++;
          continue;
        }
      g_assert_cmpuint (semester, ==, jln_semester_new (cases[i].year, cases[i].half));
    }
  if (n_refused > 0)
    g_test_incomplete ("jln_semester_parse: U+202F is not a blank, and “ÈME”, “ÈRE” do not match "
                       "case-insensitively");
}

static void
assert_parse_fails (const char *text,
                    const char *quoted)
{
  g_autoptr(GError) error = NULL;
  JlnSemester semester = UNTOUCHED;

  g_assert_false (jln_semester_parse (text, &semester, &error));
  g_assert_error (error, JLN_ERROR, JLN_ERROR_INVALID);
  g_assert_cmpuint (semester, ==, UNTOUCHED);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_test_message ("“%s” → %s", quoted, error->message);
  if (strstr (error->message, quoted) == NULL)
    g_error ("the message “%s” does not quote the input %s", error->message, quoted);
}

static void
test_semester_parse_bad (void)
{
  assert_parse_fails ("2022-S3", "“2022-S3”");
  assert_parse_fails ("3rd sem. 2022", "“3rd sem. 2022”");
  assert_parse_fails ("", "“”");
  assert_parse_fails ("   ", "“   ”");
  assert_parse_fails ("sem. 2022", "“sem. 2022”");
  assert_parse_fails ("2022", "“2022”");
  assert_parse_fails ("S2", "“S2”");
  assert_parse_fails ("2022-S2x", "“2022-S2x”");
  assert_parse_fails ("2022-S2 2023", "“2022-S2 2023”");
  assert_parse_fails ("2nd sem.", "“2nd sem.”");
  assert_parse_fails ("2nd 2022", "“2nd 2022”");
  assert_parse_fails ("20222-S1", "“20222-S1”");
  assert_parse_fails ("2022--S1", "“2022--S1”");
  assert_parse_fails ("S0 2022", "“S0 2022”");
  /* Invalid UTF-8 is shown, replaced, in a message that stays valid. */
  assert_parse_fails ("\xff", "“\xef\xbf\xbd”");
  assert_parse_fails ("2022-S\xff", "“2022-S\xef\xbf\xbd”");
}

static void
test_semester_parse_out_of_range (void)
{
  const char *inputs[] = { "1800-S1", "2201-S1", "S2 0022", "1st sem. 1899" };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(GError) error = NULL;
      JlnSemester semester = UNTOUCHED;

      g_assert_false (jln_semester_parse (inputs[i], &semester, &error));
      g_assert_error (error, JLN_ERROR, JLN_ERROR_INVALID);
      g_assert_cmpuint (semester, ==, UNTOUCHED);
      g_test_message ("“%s” → %s", inputs[i], error->message);
      /* The message gives the accepted range. */
      g_assert_nonnull (strstr (error->message, "1900"));
      g_assert_nonnull (strstr (error->message, "2200"));
    }

  /* Every other parse error quotes what the user wrote; this one only
   * gives the year ("The year 1800 of a semester must lie between…"), so
   * that in a list of errors the user cannot find the value at fault. */
  {
    g_autoptr(GError) error = NULL;
    JlnSemester semester;

    g_assert_false (jln_semester_parse ("1800-S1", &semester, &error));
    g_assert_nonnull (strstr (error->message, "1800"));
    if (strstr (error->message, "“1800-S1”") == NULL)
      g_test_incomplete ("jln_semester_parse: the out-of-range message does not quote the input");
  }
}

static void
test_semester_format (void)
{
  struct {
    guint year, half;
    JlnSemesterStyle style;
    JlnLang lang;
    const char *expected;
  } cases[] = {
    { 2022, 1, JLN_SEMESTER_STYLE_LONG, JLN_LANG_FR, "1er sem. 2022" },
    { 2022, 2, JLN_SEMESTER_STYLE_LONG, JLN_LANG_FR, "2e sem. 2022" },
    { 2022, 1, JLN_SEMESTER_STYLE_LONG, JLN_LANG_EN, "1st sem. 2022" },
    { 2022, 2, JLN_SEMESTER_STYLE_LONG, JLN_LANG_EN, "2nd sem. 2022" },
    { 2022, 1, JLN_SEMESTER_STYLE_SHORT, JLN_LANG_FR, "S1 2022" },
    { 2022, 1, JLN_SEMESTER_STYLE_SHORT, JLN_LANG_EN, "S1 2022" },
    { 2024, 2, JLN_SEMESTER_STYLE_SHORT, JLN_LANG_EN, "S2 2024" },
    { 2022, 1, JLN_SEMESTER_STYLE_ISO, JLN_LANG_FR, "2022-S1" },
    { 2022, 1, JLN_SEMESTER_STYLE_ISO, JLN_LANG_EN, "2022-S1" },
    { 1900, 2, JLN_SEMESTER_STYLE_ISO, JLN_LANG_EN, "1900-S2" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = jln_semester_format (jln_semester_new (cases[i].year, cases[i].half),
                                                   cases[i].style, cases[i].lang);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }

  /* No semester is an empty text, in every style. */
  for (int style = JLN_SEMESTER_STYLE_ISO; style <= JLN_SEMESTER_STYLE_LONG; style++)
    {
      g_autofree char *text = jln_semester_format (JLN_SEMESTER_NONE, style, JLN_LANG_FR);

      g_assert_cmpstr (text, ==, "");
    }

  /* Whatever is written reads back the same, over the whole range. */
  for (guint year = JLN_SEMESTER_MIN_YEAR; year <= JLN_SEMESTER_MAX_YEAR; year++)
    for (guint half = 1; half <= 2; half++)
      for (int style = JLN_SEMESTER_STYLE_ISO; style <= JLN_SEMESTER_STYLE_LONG; style++)
        for (int lang = JLN_LANG_FR; lang <= JLN_LANG_EN; lang++)
          {
            JlnSemester semester = jln_semester_new (year, half), parsed = JLN_SEMESTER_NONE;
            g_autofree char *text = jln_semester_format (semester, style, lang);
            g_autoptr(GError) error = NULL;

            g_assert_true (jln_semester_parse (text, &parsed, &error));
            g_assert_no_error (error);
            g_assert_cmpuint (parsed, ==, semester);
          }
}

static void
test_semester_order (void)
{
  JlnSemester s2021_2 = jln_semester_new (2021, 2);
  JlnSemester s2022_1 = jln_semester_new (2022, 1);
  JlnSemester s2022_2 = jln_semester_new (2022, 2);
  JlnSemester parsed = JLN_SEMESTER_NONE;

  g_assert_cmpuint (s2022_2, >, s2022_1);
  g_assert_cmpuint (s2022_1, >, s2021_2);
  g_assert_cmpuint (s2021_2, >, JLN_SEMESTER_NONE);
  /* Consecutive semesters are one apart, across a new year too. */
  g_assert_cmpuint (s2022_2 - s2022_1, ==, 1);
  g_assert_cmpuint (s2022_1 - s2021_2, ==, 1);
  g_assert_cmpuint (jln_semester_new (2024, 2) - jln_semester_new (2022, 1), ==, 5);

  g_assert_true (jln_semester_parse ("2nd sem. 2021", &parsed, NULL));
  g_assert_cmpuint (parsed, ==, s2021_2);
  g_assert_cmpuint (parsed, <, s2022_1);

  g_assert_cmpuint (jln_semester_get_year (JLN_SEMESTER_NONE), ==, 0);
  g_assert_cmpuint (jln_semester_get_half (JLN_SEMESTER_NONE), ==, 0);
}

static void
test_semester_from_date (void)
{
  struct {
    int year, month, day, hour, minute;
    guint half;
  } cases[] = {
    { 2022, 1, 1, 0, 0, 1 },
    { 2022, 6, 30, 23, 59, 1 },
    { 2022, 7, 1, 0, 0, 2 },
    { 2022, 12, 31, 23, 59, 2 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GDateTime) date = g_date_time_new_utc (cases[i].year, cases[i].month, cases[i].day,
                                                       cases[i].hour, cases[i].minute, 0);
      JlnSemester semester = jln_semester_from_date (date);

      g_assert_cmpuint (semester, ==, jln_semester_new (cases[i].year, cases[i].half));
    }

  /* Today is the semester of the local date. */
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();

    g_assert_cmpuint (jln_semester_today (), ==, jln_semester_from_date (now));
  }
}

/* --- Completion ---------------------------------------------------------- */

static void
assert_completion (const char        *text,
                   JlnCompletionKind  kind,
                   const char        *canonical,
                   JlnSemester        first,
                   JlnSemester        last)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *string = NULL;
  JlnCompletion completion, again;

  g_test_message ("completion “%s”", text);
  g_assert_true (jln_completion_parse (text, &completion, &error));
  g_assert_no_error (error);
  g_assert_cmpint (jln_completion_get_kind (&completion), ==, kind);
  g_assert_cmpint (jln_completion_is_set (&completion), ==, kind != JLN_COMPLETION_NONE);
  string = jln_completion_to_string (&completion);
  g_assert_cmpstr (string, ==, canonical);
  g_assert_cmpuint (jln_completion_get_first (&completion), ==, first);
  g_assert_cmpuint (jln_completion_get_last (&completion), ==, last);

  /* The canonical form reads back to the same completion. */
  g_assert_true (jln_completion_parse (string, &again, &error));
  g_assert_no_error (error);
  g_assert_true (jln_completion_equal (&completion, &again));
}

static void
test_completion_parse (void)
{
  assert_completion ("2017", JLN_COMPLETION_YEAR, "2017",
                     jln_semester_new (2017, 1), jln_semester_new (2017, 2));
  assert_completion (" 2017 ", JLN_COMPLETION_YEAR, "2017",
                     jln_semester_new (2017, 1), jln_semester_new (2017, 2));
  assert_completion ("2019-2020", JLN_COMPLETION_RANGE, "2019-2020",
                     jln_semester_new (2019, 1), jln_semester_new (2020, 2));
  assert_completion ("2019" EN_DASH "2020", JLN_COMPLETION_RANGE, "2019-2020",
                     jln_semester_new (2019, 1), jln_semester_new (2020, 2));
  assert_completion ("2022-S1", JLN_COMPLETION_SEMESTER, "2022-S1",
                     jln_semester_new (2022, 1), jln_semester_new (2022, 1));
  assert_completion ("2nd sem. 2022", JLN_COMPLETION_SEMESTER, "2022-S2",
                     jln_semester_new (2022, 2), jln_semester_new (2022, 2));
  assert_completion ("1er sem. 2021", JLN_COMPLETION_SEMESTER, "2021-S1",
                     jln_semester_new (2021, 1), jln_semester_new (2021, 1));
  assert_completion ("", JLN_COMPLETION_NONE, "", JLN_SEMESTER_NONE, JLN_SEMESTER_NONE);
  assert_completion ("  ", JLN_COMPLETION_NONE, "", JLN_SEMESTER_NONE, JLN_SEMESTER_NONE);
}

static void
test_completion_parse_bad (void)
{
  struct {
    const char *text;
    const char *quoted;
  } cases[] = {
    { "2020-2019", "“2020-2019”" },
    { "2019-2019", "“2019-2019”" },
    { "20x7", "“20x7”" },
    { "2019-", "“2019-”" },
    { "-2019", "“-2019”" },
    { "201", "“201”" },
    { "20170", "“20170”" },
    { "1800", "“1800”" },
    { "2019-2020-2021", "“2019-2020-2021”" },
    { "2022-S3", "“2022-S3”" },
    { "soon", "“soon”" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      JlnCompletion completion;

      g_assert_false (jln_completion_parse (cases[i].text, &completion, &error));
      g_assert_error (error, JLN_ERROR, JLN_ERROR_INVALID);
      g_test_message ("%s → %s", cases[i].quoted, error->message);
      if (strstr (error->message, cases[i].quoted) == NULL)
        g_error ("the message “%s” does not quote the input %s",
                 error->message, cases[i].quoted);
    }

  /* Invalid UTF-8 fails with a message that is itself valid. */
  {
    g_autoptr(GError) error = NULL;
    JlnCompletion completion;

    g_assert_false (jln_completion_parse ("20\xff" "17", &completion, &error));
    g_assert_error (error, JLN_ERROR, JLN_ERROR_INVALID);
    g_assert_true (g_utf8_validate (error->message, -1, NULL));
  }
}

static void
test_completion_format (void)
{
  struct {
    const char *text;
    JlnLang lang;
    const char *expected;
  } cases[] = {
    { "2017", JLN_LANG_FR, "2017" },
    { "2019-2020", JLN_LANG_EN, "2019" EN_DASH "2020" },
    { "2022-S1", JLN_LANG_FR, "1er sem. 2022" },
    { "2022-S2", JLN_LANG_EN, "2nd sem. 2022" },
    { "", JLN_LANG_EN, "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      JlnCompletion completion;
      g_autofree char *text = NULL;

      g_assert_true (jln_completion_parse (cases[i].text, &completion, NULL));
      text = jln_completion_format (&completion, cases[i].lang);
      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

static void
test_completion_equal (void)
{
  JlnCompletion year, range, range_dash, semester, semester_long;

  g_assert_true (jln_completion_parse ("2019", &year, NULL));
  g_assert_true (jln_completion_parse ("2019-2020", &range, NULL));
  g_assert_true (jln_completion_parse ("2019" EN_DASH "2020", &range_dash, NULL));
  g_assert_true (jln_completion_parse ("2019-S2", &semester, NULL));
  g_assert_true (jln_completion_parse ("2nd sem. 2019", &semester_long, NULL));

  g_assert_true (jln_completion_equal (&range, &range_dash));
  g_assert_true (jln_completion_equal (&semester, &semester_long));
  g_assert_false (jln_completion_equal (&year, &range));
  /* A semester of 2019 is not the year 2019. */
  g_assert_false (jln_completion_equal (&year, &semester));
}

/* --- Folding ------------------------------------------------------------- */

static void
assert_folds (const char *text,
              const char *expected)
{
  g_autofree char *folded = jln_fold (text);

  g_assert_cmpstr (folded, ==, expected);
}

static void
test_text_fold (void)
{
  assert_folds ("Égalité", "egalite");
  assert_folds ("ÉGALITÉ des genres", "egalite des genres");
  assert_folds ("ŒUVRE", "oeuvre");
  assert_folds ("mise en œuvre", "mise en oeuvre");
  assert_folds ("L\xe2\x80\x99Inserm", "l'inserm");
  assert_folds ("L'Inserm", "l'inserm");
  assert_folds ("HRS4R Action Plan 2022", "hrs4r action plan 2022");
  assert_folds ("Délégations régionales (RH)", "delegations regionales (rh)");
  assert_folds ("Évaluation à l’Inserm — 2ème", "evaluation a l'inserm — 2eme");
  assert_folds ("Marie Skłodowska-Curie", "marie skłodowska-curie");
  assert_folds ("1er" NBSP "sem.", "1er sem.");
  assert_folds ("Straße", "strasse");
  assert_folds ("", "");
  assert_folds (NULL, "");

  /* Folding is idempotent. */
  {
    g_autofree char *once = jln_fold ("Égalité professionnelle à l’Inserm");
    g_autofree char *twice = jln_fold (once);

    g_assert_cmpstr (once, ==, twice);
  }

  /* jln_fold_append() appends. */
  {
    g_autoptr(GString) out = g_string_new ("x ");

    jln_fold_append (out, "Égal");
    g_assert_cmpstr (out->str, ==, "x egal");
  }
}

static void
test_text_fallback (void)
{
  JlnText both = { (char *) "Égalité", (char *) "Equality" };
  JlnText only_fr = { (char *) "Égalité", NULL };
  JlnText none = { NULL, NULL };
  gboolean is_fallback = TRUE;

  g_assert_cmpstr (jln_text_get (&both, JLN_LANG_FR), ==, "Égalité");
  g_assert_cmpstr (jln_text_get (&both, JLN_LANG_EN), ==, "Equality");
  g_assert_cmpstr (jln_text_get_fallback (&both, JLN_LANG_EN, &is_fallback), ==, "Equality");
  g_assert_false (is_fallback);
  g_assert_cmpstr (jln_text_get_fallback (&only_fr, JLN_LANG_EN, &is_fallback), ==, "Égalité");
  g_assert_true (is_fallback);
  g_assert_null (jln_text_get_fallback (&none, JLN_LANG_EN, &is_fallback));
  g_assert_false (is_fallback);
  g_assert_true (jln_text_is_empty (&none));
  g_assert_false (jln_text_is_empty (&only_fr));
}

/* Plan dates as stored: a year, a month or a day, nothing else. */
static void
test_date_parse (void)
{
  int year, month, day;

  g_assert_true (jln_date_parse ("2022-12-31", &year, &month, &day));
  g_assert_cmpint (year, ==, 2022);
  g_assert_cmpint (month, ==, 12);
  g_assert_cmpint (day, ==, 31);
  g_assert_true (jln_date_parse ("2022-03", &year, &month, &day));
  g_assert_cmpint (month, ==, 3);
  g_assert_cmpint (day, ==, 0);
  g_assert_true (jln_date_parse ("2016", &year, &month, &day));
  g_assert_cmpint (year, ==, 2016);
  g_assert_cmpint (month, ==, 0);

  g_assert_false (jln_date_parse ("2022-02-30", &year, &month, &day));
  g_assert_false (jln_date_parse ("2022-13", &year, &month, &day));
  g_assert_false (jln_date_parse ("2022-1", &year, &month, &day));
  g_assert_false (jln_date_parse ("2022-12-31T10:00", &year, &month, &day));
  g_assert_false (jln_date_parse ("31/12/2022", &year, &month, &day));
  g_assert_false (jln_date_parse ("", &year, &month, &day));
  g_assert_false (jln_date_parse (NULL, &year, &month, &day));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/semester/parse", test_semester_parse);
  g_test_add_func ("/core/semester/parse-typography", test_semester_parse_typography);
  g_test_add_func ("/core/semester/parse-bad", test_semester_parse_bad);
  g_test_add_func ("/core/semester/parse-out-of-range", test_semester_parse_out_of_range);
  g_test_add_func ("/core/semester/format", test_semester_format);
  g_test_add_func ("/core/semester/order", test_semester_order);
  g_test_add_func ("/core/semester/from-date", test_semester_from_date);
  g_test_add_func ("/core/completion/parse", test_completion_parse);
  g_test_add_func ("/core/completion/parse-bad", test_completion_parse_bad);
  g_test_add_func ("/core/completion/format", test_completion_format);
  g_test_add_func ("/core/completion/equal", test_completion_equal);
  g_test_add_func ("/core/text/fold", test_text_fold);
  g_test_add_func ("/core/text/fallback", test_text_fallback);
  g_test_add_func ("/core/semester/date-parse", test_date_parse);

  return g_test_run ();
}
