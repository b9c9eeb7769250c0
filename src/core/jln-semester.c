/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include "jln-gettext.h"

#include "jln-semester.h"
#include "jln-text.h"

JlnSemester
jln_semester_new (guint year,
                  guint half)
{
  g_return_val_if_fail (year >= JLN_SEMESTER_MIN_YEAR && year <= JLN_SEMESTER_MAX_YEAR,
                        JLN_SEMESTER_NONE);
  g_return_val_if_fail (half == 1 || half == 2, JLN_SEMESTER_NONE);

  return year * 2 + (half - 1);
}

guint
jln_semester_get_year (JlnSemester semester)
{
  return semester / 2;
}

guint
jln_semester_get_half (JlnSemester semester)
{
  return semester == JLN_SEMESTER_NONE ? 0 : semester % 2 + 1;
}

static gboolean
skip_word (const char **p,
           const char  *word)
{
  gsize len = strlen (word);

  if (g_ascii_strncasecmp (*p, word, len) != 0)
    return FALSE;
  *p += len;
  return TRUE;
}

static void
skip_blanks (const char **p)
{
  while (**p == ' ' || **p == '\t' || **p == '\n' || **p == '\r' ||
         ((guchar) (*p)[0] == 0xC2 && (guchar) (*p)[1] == 0xA0))
    *p += (**p == ' ' || **p == '\t' || **p == '\n' || **p == '\r') ? 1 : 2;
}

static gboolean
read_number (const char **p,
             guint        max_digits,
             guint       *out)
{
  guint value = 0, n = 0;

  while (g_ascii_isdigit (**p) && n < max_digits + 1)
    {
      value = value * 10 + (**p - '0');
      (*p)++;
      n++;
    }
  if (n == 0 || n > max_digits)
    return FALSE;
  *out = value;
  return TRUE;
}

/* "1", "2", optionally followed by an ordinal suffix in either language. */
static gboolean
read_ordinal (const char **p,
              guint       *half)
{
  /* The text is folded: "ème" reads "eme", "1ÈRE" reads "1ere". */
  static const char * const suffixes[] = {
    "ere", "eme", "st", "nd", "er", "re", "e", NULL,
  };

  if (**p != '1' && **p != '2')
    return FALSE;
  *half = **p - '0';
  (*p)++;
  skip_blanks (p);
  for (guint i = 0; suffixes[i] != NULL; i++)
    if (skip_word (p, suffixes[i]))
      break;
  return TRUE;
}

static gboolean
read_semester_word (const char **p)
{
  static const char * const words[] = {
    "semestre", "semester", "sem.", "sem", NULL,
  };

  for (guint i = 0; words[i] != NULL; i++)
    if (skip_word (p, words[i]))
      return TRUE;
  return FALSE;
}

static gboolean
parse_forms (const char *p,
             guint      *year,
             guint      *half)
{
  const char *start = p;

  /* 2022-S2, 2022 S2 */
  if (read_number (&p, 4, year) && p - start == 4)
    {
      skip_blanks (&p);
      if (*p == '-')
        p++;
      skip_blanks (&p);
      if ((*p == 'S' || *p == 's' || *p == 'H' || *p == 'h') && (p[1] == '1' || p[1] == '2'))
        {
          *half = p[1] - '0';
          p += 2;
          skip_blanks (&p);
          return *p == '\0';
        }
      return FALSE;
    }

  p = start;
  /* S2 2022 */
  if ((*p == 'S' || *p == 's' || *p == 'H' || *p == 'h') && (p[1] == '1' || p[1] == '2'))
    {
      *half = p[1] - '0';
      p += 2;
      skip_blanks (&p);
      if (*p == '-')
        p++;
      skip_blanks (&p);
      if (!read_number (&p, 4, year))
        return FALSE;
      skip_blanks (&p);
      return *p == '\0';
    }

  /* 2nd sem. 2022, 2 nd sem. 2022, 2e sem. 2022, 1er semestre 2022 */
  if (read_ordinal (&p, half))
    {
      skip_blanks (&p);
      if (!read_semester_word (&p))
        return FALSE;
      skip_blanks (&p);
      if (!read_number (&p, 4, year))
        return FALSE;
      skip_blanks (&p);
      return *p == '\0';
    }

  return FALSE;
}

gboolean
jln_semester_parse (const char   *text,
                    JlnSemester  *semester,
                    GError      **error)
{
  guint year = 0, half = 0;
  g_autofree char *folded = NULL;
  const char *p;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (semester != NULL, FALSE);

  /* Case, accents and the kinds of spaces French typography uses do not
   * matter. */
  if (g_utf8_validate (text, -1, NULL))
    folded = jln_fold (text);
  p = folded != NULL ? folded : "";
  skip_blanks (&p);
  if (folded == NULL || !parse_forms (p, &year, &half))
    {
      g_autofree char *shown = NULL;

      if (error == NULL)
        return FALSE;
      shown = g_utf8_make_valid (text, MIN (strlen (text), 40));
      g_set_error (error, JLN_ERROR, JLN_ERROR_INVALID,
                   /* Translators: %s is what the user typed. */
                   _("“%s” is not a semester: write it like “2022-S2” or “2nd sem. 2022”"),
                   shown);
      return FALSE;
    }
  if (year < JLN_SEMESTER_MIN_YEAR || year > JLN_SEMESTER_MAX_YEAR)
    {
      g_set_error (error, JLN_ERROR, JLN_ERROR_INVALID,
                   /* Translators: %s is what the user typed. */
                   _("“%s” is not a semester: its year must lie between %d and %d"),
                   text, JLN_SEMESTER_MIN_YEAR, JLN_SEMESTER_MAX_YEAR);
      return FALSE;
    }

  *semester = jln_semester_new (year, half);
  return TRUE;
}

char *
jln_semester_format (JlnSemester      semester,
                     JlnSemesterStyle style,
                     JlnLang          lang)
{
  guint year = jln_semester_get_year (semester);
  guint half = jln_semester_get_half (semester);

  if (semester == JLN_SEMESTER_NONE)
    return g_strdup ("");

  /* Semesters follow the content language, which may differ from the
   * interface language, so both forms are spelled out here. */
  switch (style)
    {
    case JLN_SEMESTER_STYLE_ISO:
      return g_strdup_printf ("%u-S%u", year, half);
    case JLN_SEMESTER_STYLE_SHORT:
      return g_strdup_printf ("S%u %u", half, year);
    case JLN_SEMESTER_STYLE_LONG:
    default:
      if (lang == JLN_LANG_FR)
        return g_strdup_printf (half == 1 ? "1er sem. %u" : "2e sem. %u", year);
      return g_strdup_printf (half == 1 ? "1st sem. %u" : "2nd sem. %u", year);
    }
}

JlnSemester
jln_semester_from_date (GDateTime *date)
{
  g_return_val_if_fail (date != NULL, JLN_SEMESTER_NONE);

  return jln_semester_new (g_date_time_get_year (date),
                           g_date_time_get_month (date) <= 6 ? 1 : 2);
}

JlnSemester
jln_semester_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return jln_semester_from_date (now);
}

/**
 * jln_semester_is_overdue:
 *
 * The one rule for "overdue", shared by the query language, the list and
 * the timeline: planned for a semester before @today and not closed.
 */
gboolean
jln_semester_is_overdue (JlnSemester due,
                         JlnStatus   status,
                         JlnSemester today)
{
  return !jln_status_is_closed (status) && due != JLN_SEMESTER_NONE && due < today;
}

/**
 * jln_date_parse:
 *
 * Reads a date of a plan as it is stored: "2022", "2022-12" or
 * "2022-12-31", nothing before or after. The parts not given are set to 0.
 *
 * Returns: whether @text is such a date, with a month from 1 to 12 and a
 *   day that month has
 */
gboolean
jln_date_parse (const char *text,
                int        *year,
                int        *month,
                int        *day)
{
  int y = 0, m = 0, d = 0, consumed = 0, n;

  *year = *month = *day = 0;
  if (text == NULL || !g_ascii_isdigit (text[0]))
    return FALSE;
  n = sscanf (text, "%4d%n-%2d%n-%2d%n", &y, &consumed, &m, &consumed, &d, &consumed);
  if (n < 1 || text[consumed] != '\0' || consumed != (n == 1 ? 4 : n == 2 ? 7 : 10))
    return FALSE;
  if (n >= 2 && (m < 1 || m > 12))
    return FALSE;
  if (n == 3 && !g_date_valid_dmy (d, m, y))
    return FALSE;
  *year = y;
  *month = m;
  *day = d;
  return TRUE;
}
