/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include "jln-gettext.h"

#include "jln-completion.h"

JlnCompletionKind
jln_completion_get_kind (const JlnCompletion *completion)
{
  if (completion->semester != JLN_SEMESTER_NONE)
    return JLN_COMPLETION_SEMESTER;
  if (completion->first_year == 0)
    return JLN_COMPLETION_NONE;
  if (completion->first_year == completion->last_year)
    return JLN_COMPLETION_YEAR;
  return JLN_COMPLETION_RANGE;
}

gboolean
jln_completion_is_set (const JlnCompletion *completion)
{
  return jln_completion_get_kind (completion) != JLN_COMPLETION_NONE;
}

static gboolean
parse_year (const char *text,
            gsize       len,
            guint      *year)
{
  guint value = 0;

  if (len != 4)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      value = value * 10 + (text[i] - '0');
    }
  if (value < JLN_SEMESTER_MIN_YEAR || value > JLN_SEMESTER_MAX_YEAR)
    return FALSE;
  *year = value;
  return TRUE;
}

gboolean
jln_completion_parse (const char     *text,
                      JlnCompletion  *completion,
                      GError        **error)
{
  g_autofree char *copy = NULL;
  const char *dash;
  guint first, last;
  JlnSemester semester;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (completion != NULL, FALSE);

  copy = g_strstrip (g_strdup (text));
  memset (completion, 0, sizeof *completion);
  if (copy[0] == '\0')
    return TRUE;

  if (parse_year (copy, strlen (copy), &first))
    {
      completion->first_year = completion->last_year = first;
      return TRUE;
    }

  /* A range: 2019-2020, or with an en dash as typographers write it. */
  dash = strstr (copy, "\xe2\x80\x93");
  if (dash == NULL)
    dash = strchr (copy, '-');
  if (dash != NULL && parse_year (copy, dash - copy, &first))
    {
      const char *rest = dash + (*dash == '-' ? 1 : 3);

      if (parse_year (rest, strlen (rest), &last))
        {
          if (last <= first)
            {
              g_set_error (error, JLN_ERROR, JLN_ERROR_INVALID,
                           _("The range “%s” must end after it starts"), copy);
              return FALSE;
            }
          completion->first_year = first;
          completion->last_year = last;
          return TRUE;
        }
    }

  if (jln_semester_parse (copy, &semester, NULL))
    {
      completion->semester = semester;
      completion->first_year = completion->last_year = jln_semester_get_year (semester);
      return TRUE;
    }

  if (g_utf8_validate (copy, -1, NULL))
    g_set_error (error, JLN_ERROR, JLN_ERROR_INVALID,
                 /* Translators: %s is what the user typed. */
                 _("“%s” is not a completion date: write a year (2017), "
                   "a range (2019-2020) or a semester (2022-S1)"), copy);
  else
    g_set_error_literal (error, JLN_ERROR, JLN_ERROR_INVALID,
                         _("A completion date is not valid UTF-8 text"));
  return FALSE;
}

char *
jln_completion_to_string (const JlnCompletion *completion)
{
  switch (jln_completion_get_kind (completion))
    {
    case JLN_COMPLETION_YEAR:
      return g_strdup_printf ("%u", completion->first_year);
    case JLN_COMPLETION_RANGE:
      return g_strdup_printf ("%u-%u", completion->first_year, completion->last_year);
    case JLN_COMPLETION_SEMESTER:
      return jln_semester_format (completion->semester, JLN_SEMESTER_STYLE_ISO, JLN_LANG_EN);
    case JLN_COMPLETION_NONE:
    default:
      return g_strdup ("");
    }
}

char *
jln_completion_format (const JlnCompletion *completion,
                       JlnLang              lang)
{
  if (jln_completion_get_kind (completion) == JLN_COMPLETION_SEMESTER)
    return jln_semester_format (completion->semester, JLN_SEMESTER_STYLE_LONG, lang);
  if (jln_completion_get_kind (completion) == JLN_COMPLETION_RANGE)
    return g_strdup_printf ("%u–%u", completion->first_year, completion->last_year);
  return jln_completion_to_string (completion);
}

JlnSemester
jln_completion_get_first (const JlnCompletion *completion)
{
  switch (jln_completion_get_kind (completion))
    {
    case JLN_COMPLETION_SEMESTER:
      return completion->semester;
    case JLN_COMPLETION_YEAR:
    case JLN_COMPLETION_RANGE:
      return jln_semester_new (completion->first_year, 1);
    case JLN_COMPLETION_NONE:
    default:
      return JLN_SEMESTER_NONE;
    }
}

JlnSemester
jln_completion_get_last (const JlnCompletion *completion)
{
  switch (jln_completion_get_kind (completion))
    {
    case JLN_COMPLETION_SEMESTER:
      return completion->semester;
    case JLN_COMPLETION_YEAR:
    case JLN_COMPLETION_RANGE:
      return jln_semester_new (completion->last_year, 2);
    case JLN_COMPLETION_NONE:
    default:
      return JLN_SEMESTER_NONE;
    }
}

gboolean
jln_completion_equal (const JlnCompletion *a,
                      const JlnCompletion *b)
{
  return a->first_year == b->first_year &&
         a->last_year == b->last_year &&
         a->semester == b->semester;
}
