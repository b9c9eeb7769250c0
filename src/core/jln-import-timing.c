/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "jln-import-private.h"
#include "jln-text.h"

/* Timings and statuses as action plans write them: "2017", "2019-2020",
 * "2 nd sem. 2022", "S1 2023", "Q3-Q4 2022", "T4 2021", "En cours",
 * "Done (2019)", "Mise à jour, cf. 4.9-4.10", "Prochain DuoDay : 2nd sem.
 * 2022", "chaque année". The text is folded first (no case, no accents). */

typedef struct
{
  const char *word;
  int         status;    /* a JlnStatus, or one of the marks below */
} Keyword;

enum
{
  MARK_YEARLY = 100,
  MARK_NEXT,
  MARK_REFERENCE,
  MARK_FILLER,
};

/* In order: the first that matches wins where they overlap. */
static const Keyword keywords[] = {
  { "plus a realiser", JLN_STATUS_DROPPED },
  { "no longer", JLN_STATUS_DROPPED },
  { "abandonnee", JLN_STATUS_DROPPED },
  { "abandonne", JLN_STATUS_DROPPED },
  { "abandon", JLN_STATUS_DROPPED },
  { "dropped", JLN_STATUS_DROPPED },
  { "cancelled", JLN_STATUS_DROPPED },
  { "canceled", JLN_STATUS_DROPPED },
  { "annulee", JLN_STATUS_DROPPED },
  { "annule", JLN_STATUS_DROPPED },
  { "withdrawn", JLN_STATUS_DROPPED },
  { "mise a jour", JLN_STATUS_SUPERSEDED },
  { "superseded", JLN_STATUS_SUPERSEDED },
  { "remplacee", JLN_STATUS_SUPERSEDED },
  { "remplace", JLN_STATUS_SUPERSEDED },
  { "replaced", JLN_STATUS_SUPERSEDED },
  { "updated", JLN_STATUS_SUPERSEDED },
  { "action revue", JLN_STATUS_REVISED },
  { "revue", JLN_STATUS_REVISED },
  { "revisee", JLN_STATUS_REVISED },
  { "revised", JLN_STATUS_REVISED },
  { "done-new", JLN_STATUS_DONE_NEW },
  { "non prevue", JLN_STATUS_DONE_NEW },
  { "not planned", JLN_STATUS_DONE_NEW },
  { "hors plan", JLN_STATUS_DONE_NEW },
  { "unplanned", JLN_STATUS_DONE_NEW },
  { "en cours", JLN_STATUS_IN_PROGRESS },
  { "in-progress", JLN_STATUS_IN_PROGRESS },
  { "in progress", JLN_STATUS_IN_PROGRESS },
  { "ongoing", JLN_STATUS_IN_PROGRESS },
  { "on going", JLN_STATUS_IN_PROGRESS },
  { "on-going", JLN_STATUS_IN_PROGRESS },
  { "started", JLN_STATUS_IN_PROGRESS },
  { "underway", JLN_STATUS_IN_PROGRESS },
  { "commencee", JLN_STATUS_IN_PROGRESS },
  { "a realiser", JLN_STATUS_PLANNED },
  { "a faire", JLN_STATUS_PLANNED },
  { "a venir", JLN_STATUS_PLANNED },
  { "not started", JLN_STATUS_PLANNED },
  { "to do", JLN_STATUS_PLANNED },
  { "prevues", JLN_STATUS_PLANNED },
  { "prevue", JLN_STATUS_PLANNED },
  { "prevu", JLN_STATUS_PLANNED },
  { "planned", JLN_STATUS_PLANNED },
  { "realisees", JLN_STATUS_DONE },
  { "realisee", JLN_STATUS_DONE },
  { "realises", JLN_STATUS_DONE },
  { "realise", JLN_STATUS_DONE },
  { "terminee", JLN_STATUS_DONE },
  { "termine", JLN_STATUS_DONE },
  { "achevee", JLN_STATUS_DONE },
  { "acheve", JLN_STATUS_DONE },
  { "faite", JLN_STATUS_DONE },
  { "fait", JLN_STATUS_DONE },
  { "done", JLN_STATUS_DONE },
  { "completed", JLN_STATUS_DONE },
  { "complete", JLN_STATUS_DONE },
  { "achieved", JLN_STATUS_DONE },
  { "implemented", JLN_STATUS_DONE },
  { "finished", JLN_STATUS_DONE },
  { "chaque annee", MARK_YEARLY },
  { "each year", MARK_YEARLY },
  { "every year", MARK_YEARLY },
  { "tous les ans", MARK_YEARLY },
  { "annuellement", MARK_YEARLY },
  { "annuelle", MARK_YEARLY },
  { "annuel", MARK_YEARLY },
  { "annually", MARK_YEARLY },
  { "yearly", MARK_YEARLY },
  { "annual", MARK_YEARLY },
  { "prochaine", MARK_NEXT },
  { "prochain", MARK_NEXT },
  { "next", MARK_NEXT },
  { "cf.", MARK_REFERENCE },
  { "cf", MARK_REFERENCE },
  { "see", MARK_REFERENCE },
  { "voir", MARK_REFERENCE },
  { "since", MARK_FILLER },
  { "depuis", MARK_FILLER },
  { "from", MARK_FILLER },
  { "until", MARK_FILLER },
  { "jusqu'a", MARK_FILLER },
  { "by", MARK_FILLER },
  { "in", MARK_FILLER },
  { "en", MARK_FILLER },
  { "au", MARK_FILLER },
  { "le", MARK_FILLER },
  { "la", MARK_FILLER },
  { "the", MARK_FILLER },
  { "et", MARK_FILLER },
  { "and", MARK_FILLER },
  { "to", MARK_FILLER },
  { "a", MARK_FILLER },
  { "de", MARK_FILLER },
  { "du", MARK_FILLER },
  { "of", MARK_FILLER },
  { "action", MARK_FILLER },
  { "actions", MARK_FILLER },
};

/* Semesters, quarters, ranges and years, in the folded text. */
static GRegex *
timing_regex (void)
{
  static GRegex *regex;
  static gsize once;

  if (g_once_init_enter (&once))
    {
      GRegex *compiled = g_regex_new (
        "(?<h1>[12])\\s*(?:st|nd|er|re|eme|e)?\\s*sem(?:estre|ester)?\\.?\\s*(?<y1>\\d{4})"
        "|(?<w>first|second|premier|deuxieme|second)\\s+sem(?:estre|ester)?\\.?\\s*(?<y7>\\d{4})"
        "|\\b[sh](?<h2>[12])\\s*-?\\s*(?<y2>\\d{4})\\b"
        "|\\b(?<y3>\\d{4})\\s*-?\\s*[sh](?<h3>[12])\\b"
        "|\\b[qt](?<q1>[1-4])(?:\\s*(?:-|/|a|to)\\s*[qt](?<q2>[1-4]))?\\s*(?<y4>\\d{4})\\b"
        "|\\b(?<q3>[1-4])\\s*(?:st|nd|rd|th|er|e|eme)?\\s*(?:trimestre|quarter)\\s*(?<y5>\\d{4})\\b"
        "|\\b(?<r1>\\d{4})\\s*(?:-|/|a|to)\\s*(?<r2>\\d{4})\\b"
        "|\\b(?<y6>\\d{4})\\b",
        0, 0, NULL);

      regex = compiled;
      g_once_init_leave (&once, 1);
    }
  return regex;
}

typedef struct
{
  JlnSemester first;
  JlnSemester last;
  guint       first_year;
  guint       last_year;
  gboolean    years_only;
} Span;

static guint
fetch_number (GMatchInfo *info,
              const char *name)
{
  g_autofree char *text = g_match_info_fetch_named (info, name);

  return text != NULL && text[0] != '\0' ? (guint) g_ascii_strtoull (text, NULL, 10) : 0;
}

static gboolean
valid_year (guint year)
{
  return year >= 1950 && year <= 2150;
}

static gboolean
read_span (GMatchInfo *info,
           Span       *span)
{
  guint year, half, q1, q2;

  memset (span, 0, sizeof *span);
  if ((year = fetch_number (info, "y1")) != 0 && (half = fetch_number (info, "h1")) != 0)
    ;
  else if ((year = fetch_number (info, "y7")) != 0)
    {
      g_autofree char *word = g_match_info_fetch_named (info, "w");

      half = g_str_equal (word, "first") || g_str_equal (word, "premier") ? 1 : 2;
    }
  else if ((year = fetch_number (info, "y2")) != 0)
    half = fetch_number (info, "h2");
  else if ((year = fetch_number (info, "y3")) != 0)
    half = fetch_number (info, "h3");
  else if ((year = fetch_number (info, "y4")) != 0)
    {
      /* A quarter is read as the semester it falls in. */
      q1 = fetch_number (info, "q1");
      q2 = fetch_number (info, "q2");
      if (!valid_year (year))
        return FALSE;
      span->first = jln_semester_new (year, q1 <= 2 ? 1 : 2);
      span->last = jln_semester_new (year, (q2 != 0 ? q2 : q1) <= 2 ? 1 : 2);
      span->first_year = span->last_year = year;
      return TRUE;
    }
  else if ((year = fetch_number (info, "y5")) != 0)
    half = fetch_number (info, "q3") <= 2 ? 1 : 2;
  else if ((year = fetch_number (info, "r1")) != 0)
    {
      guint last = fetch_number (info, "r2");

      if (!valid_year (year) || !valid_year (last) || last < year)
        return FALSE;
      span->first = jln_semester_new (year, 1);
      span->last = jln_semester_new (last, 2);
      span->first_year = year;
      span->last_year = last;
      span->years_only = TRUE;
      return TRUE;
    }
  else if ((year = fetch_number (info, "y6")) != 0)
    {
      if (!valid_year (year))
        return FALSE;
      span->first = jln_semester_new (year, 1);
      span->last = jln_semester_new (year, 2);
      span->first_year = span->last_year = year;
      span->years_only = TRUE;
      return TRUE;
    }
  else
    return FALSE;

  if (!valid_year (year) || (half != 1 && half != 2))
    return FALSE;
  span->first = span->last = jln_semester_new (year, half);
  span->first_year = span->last_year = year;
  return TRUE;
}

static gboolean
is_word_char (char c)
{
  return g_ascii_isalnum (c) || (guchar) c >= 0x80;
}

/* Blanks out @len bytes at @p, so that what is left can be checked. */
static void
consume (char  *p,
         gsize  len)
{
  memset (p, ' ', len);
}

static char *
normalise (const char *text)
{
  g_autofree char *folded = jln_fold (text);
  GString *out = g_string_new (NULL);

  for (const char *p = folded; *p != '\0';)
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0x00A0 || c == 0x202F || c == 0x2009 || c == '\n' || c == '\t' || c == '\r')
        g_string_append_c (out, ' ');
      else if (c == 0x2013 || c == 0x2014 || c == 0x2212)
        g_string_append_c (out, '-');
      else if (c == 0x2019)
        g_string_append_c (out, '\'');
      else
        g_string_append_unichar (out, c);
      p = g_utf8_next_char (p);
    }
  return g_string_free (out, FALSE);
}

void
_jln_timing_clear (JlnTiming *timing)
{
  g_clear_pointer (&timing->references, g_strfreev);
}

/**
 * _jln_timing_parse:
 * @done_column: the text is under a "done when" header, where a year
 *   alone means done that year
 */
void
_jln_timing_parse (const char *text,
                   gboolean    done_column,
                   JlnTiming  *timing)
{
  g_autofree char *folded = normalise (text);
  g_autoptr(GMatchInfo) info = NULL;
  g_autoptr(GArray) spans = g_array_new (FALSE, TRUE, sizeof (Span));
  gboolean next = FALSE, done, has_words = FALSE;
  char *reference = NULL;

  memset (timing, 0, sizeof *timing);
  timing->understood = TRUE;
  if (folded[0] == '\0')
    return;

  /* References run from "cf." to the end: "cf. 6.1-6.14, 4.9". */
  for (char *p = folded; *p != '\0'; p++)
    if ((p == folded || !is_word_char (p[-1])) &&
        (g_str_has_prefix (p, "cf") || g_str_has_prefix (p, "see ") || g_str_has_prefix (p, "voir ")))
      {
        char *q = p + (p[0] == 'c' ? 2 : p[0] == 's' ? 4 : 5);

        if (p[0] == 'c' && is_word_char (*q))
          continue;
        while (*q == '.' || *q == ' ' || *q == ':')
          q++;
        if (!g_ascii_isdigit (*q) && !g_str_has_prefix (q, "action"))
          continue;
        reference = g_strdup (q);
        *p = '\0';
        break;
      }
  if (reference != NULL)
    {
      g_autoptr(GPtrArray) refs = g_ptr_array_new ();
      g_auto(GStrv) parts = NULL;
      g_autofree char *owned = reference;
      g_autofree char *cleaned = NULL;

      if (g_str_has_prefix (reference, "actions "))
        reference += 8;
      else if (g_str_has_prefix (reference, "action "))
        reference += 7;
      cleaned = g_strdup (reference);
      parts = g_regex_split_simple ("\\s*(?:,|;|\\bet\\b|\\band\\b)\\s*", cleaned, 0, 0);
      for (guint i = 0; parts[i] != NULL; i++)
        {
          g_strstrip (parts[i]);
          if (parts[i][0] != '\0')
            g_ptr_array_add (refs, g_strdup (parts[i]));
        }
      g_ptr_array_add (refs, NULL);
      timing->references = (char **) g_ptr_array_free (g_steal_pointer (&refs), FALSE);
      if (!timing->has_status)
        {
          timing->has_status = TRUE;
          timing->status = JLN_STATUS_SUPERSEDED;
        }
    }

  g_regex_match (timing_regex (), folded, 0, &info);
  while (g_match_info_matches (info))
    {
      Span span;
      int start, end;

      g_match_info_fetch_pos (info, 0, &start, &end);
      if (read_span (info, &span))
        {
          g_array_append_val (spans, span);
          consume (folded + start, end - start);
        }
      g_match_info_next (info, NULL);
    }

  /* Dates alone: no word to look for. */
  for (const char *p = folded; *p != '\0' && !has_words; p++)
    has_words = g_ascii_isalpha (*p) || (guchar) *p >= 0x80;
  for (guint i = 0; has_words && i < G_N_ELEMENTS (keywords); i++)
    {
      gsize len = strlen (keywords[i].word);

      for (char *p = strstr (folded, keywords[i].word); p != NULL; p = strstr (p + 1, keywords[i].word))
        {
          if ((p > folded && is_word_char (p[-1])) || is_word_char (p[len]))
            continue;
          if (keywords[i].status == MARK_YEARLY)
            timing->yearly = TRUE;
          else if (keywords[i].status == MARK_NEXT)
            next = TRUE;
          else if (keywords[i].status < MARK_YEARLY && !timing->has_status)
            {
              timing->has_status = TRUE;
              timing->status = keywords[i].status;
            }
          else if (keywords[i].status < MARK_YEARLY && timing->status == JLN_STATUS_DONE &&
                   keywords[i].status == JLN_STATUS_DONE_NEW)
            timing->status = JLN_STATUS_DONE_NEW;
          consume (p, len);
        }
    }

  /* Whatever is left besides punctuation was not understood. */
  for (const char *p = folded; *p != '\0'; p++)
    if (is_word_char (*p))
      {
        timing->understood = FALSE;
        break;
      }

  if (spans->len == 0)
    return;

  {
    Span *first = &g_array_index (spans, Span, 0);
    Span *last = &g_array_index (spans, Span, spans->len - 1);
    JlnSemester from = first->first, to = last->last;
    guint first_year = first->first_year, last_year = last->last_year;
    gboolean years_only = TRUE;

    for (guint i = 0; i < spans->len; i++)
      {
        Span *span = &g_array_index (spans, Span, i);

        from = MIN (from, span->first);
        to = MAX (to, span->last);
        first_year = MIN (first_year, span->first_year);
        last_year = MAX (last_year, span->last_year);
        years_only = years_only && span->years_only;
      }

    if (next)
      {
        timing->yearly = TRUE;
        timing->next = to;
        return;
      }

    done = timing->has_status ? jln_status_is_done (timing->status) : done_column;
    if (done)
      {
        if (!timing->has_status)
          {
            timing->has_status = TRUE;
            timing->status = JLN_STATUS_DONE;
          }
        if (!years_only && spans->len == 1)
          {
            timing->completion.semester = to;
            timing->completion.first_year = timing->completion.last_year = jln_semester_get_year (to);
          }
        else
          {
            timing->completion.first_year = first_year;
            timing->completion.last_year = last_year;
          }
        return;
      }

    timing->due = to;
    if (from < to && (spans->len > 1 || first->first != first->last) &&
        !(spans->len == 1 && years_only && first_year == last_year))
      timing->start = from;
  }
}
