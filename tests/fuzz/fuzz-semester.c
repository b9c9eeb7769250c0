/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: jln_semester_parse() and jln_completion_parse() on
 * any text. What parses must format to a text that parses back to the
 * same value. */
#include "config.h"

#include "jln-completion.h"
#include "jln-fuzz.h"
#include "jln-semester.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  jln_fuzz_init ();
  return 0;
}

static void
check_semester (const char *text)
{
  g_autoptr(GError) error = NULL;
  JlnSemester semester = JLN_SEMESTER_NONE;
  JlnSemester again = JLN_SEMESTER_NONE;

  if (!jln_semester_parse (text, &semester, &error))
    {
      g_assert_nonnull (error);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      return;
    }
  g_assert_no_error (error);
  g_assert_cmpuint (semester, !=, JLN_SEMESTER_NONE);

  for (JlnSemesterStyle style = JLN_SEMESTER_STYLE_ISO; style <= JLN_SEMESTER_STYLE_LONG; style++)
    for (JlnLang lang = JLN_LANG_FR; lang <= JLN_LANG_EN; lang++)
      {
        g_autofree char *formatted = jln_semester_format (semester, style, lang);

        g_assert_true (jln_semester_parse (formatted, &again, &error));
        g_assert_no_error (error);
        g_assert_cmpuint (again, ==, semester);
      }
}

static void
check_completion (const char *text)
{
  g_autoptr(GError) error = NULL;
  JlnCompletion completion, again;
  g_autofree char *formatted = NULL;

  if (!jln_completion_parse (text, &completion, &error))
    {
      g_assert_nonnull (error);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      return;
    }
  g_assert_no_error (error);

  formatted = jln_completion_to_string (&completion);
  g_assert_true (jln_completion_parse (formatted, &again, &error));
  g_assert_no_error (error);
  g_assert_true (jln_completion_equal (&completion, &again));
  if (jln_completion_is_set (&completion))
    g_assert_cmpuint (jln_completion_get_first (&completion), <=,
                      jln_completion_get_last (&completion));
  g_free (jln_completion_format (&completion, JLN_LANG_FR));
  g_free (jln_completion_format (&completion, JLN_LANG_EN));
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);

  check_semester (text);
  check_completion (text);
  return 0;
}
