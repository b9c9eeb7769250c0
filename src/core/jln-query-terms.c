/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Editing a query's text term by term, as the filter buttons of the list
 * and the timeline do: each button owns one kind of term (a key, maybe
 * negated, maybe a lower or upper bound) and writes it in the
 * interface's language, while the rest of what the user typed is kept as
 * it was. Terms are split as jln_query_parse() splits them: at spaces
 * outside double quotes. */
#include "config.h"

#include <string.h>

#include "jln-query.h"

char **
jln_query_terms_split (const char *text)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  const char *p = text != NULL ? text : "";

  while (TRUE)
    {
      const char *start;
      gboolean quoted = FALSE;

      while (*p != '\0' && g_unichar_isspace (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (*p == '\0')
        break;
      for (start = p; *p != '\0' && (quoted || !g_unichar_isspace (g_utf8_get_char (p)));
           p = g_utf8_next_char (p))
        if (*p == '"')
          quoted = !quoted;
      {
        g_autofree char *term = g_strndup (start, p - start);

        g_strv_builder_add (builder, term);
      }
    }
  return g_strv_builder_end (builder);
}

/* Which slot @term fills; FALSE for a free word or an unknown key. On
 * success @value points after the colon and the bound, or to "" for the
 * word "overdue". */
static gboolean
term_get_slot (const char     *term,
               JlnQueryKey    *key,
               gboolean       *negated,
               JlnQueryBound  *bound,
               const char    **value)
{
  const char *body = term;
  const char *p;

  *negated = body[0] == '-';
  if (*negated)
    body++;
  *bound = JLN_QUERY_BOUND_NONE;

  /* Keys may be French, with accents: "unité:", "échéance:". */
  for (p = body; *p != '\0' && g_unichar_isalpha (g_utf8_get_char (p)); p = g_utf8_next_char (p))
    ;
  if (*p != ':' || p == body)
    {
      /* "overdue" and "en-retard" are words, with a hyphen in French. */
      if (strchr (body, '"') != NULL || !jln_query_key_from_name (body, -1, key) ||
          *key != JLN_QUERY_KEY_OVERDUE)
        return FALSE;
      *value = "";
      return TRUE;
    }
  if (!jln_query_key_from_name (body, p - body, key) || *key == JLN_QUERY_KEY_OVERDUE)
    return FALSE;

  p++;
  if ((*key == JLN_QUERY_KEY_DUE || *key == JLN_QUERY_KEY_DONE) && (*p == '>' || *p == '<'))
    {
      *bound = *p == '>' ? JLN_QUERY_BOUND_FROM : JLN_QUERY_BOUND_UNTIL;
      p += p[1] == '=' ? 2 : 1;
    }
  *value = p;
  return TRUE;
}

static gboolean
term_has_slot (const char    *term,
               JlnQueryKey    key,
               gboolean       negated,
               JlnQueryBound  bound,
               const char   **value)
{
  JlnQueryKey term_key;
  gboolean term_negated;
  JlnQueryBound term_bound;
  const char *term_value;

  if (!term_get_slot (term, &term_key, &term_negated, &term_bound, &term_value) ||
      term_key != key || term_negated != negated || term_bound != bound)
    return FALSE;
  if (value != NULL)
    *value = term_value;
  return TRUE;
}

/* The alternatives of a value, without quotes: "1,2" gives 1 and 2,
 * "\"A, B\",C" gives "A, B" and C. */
static char **
split_alternatives (const char *value)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GString) piece = g_string_new (NULL);
  gboolean quoted = FALSE;

  for (const char *p = value; ; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (*p == '\0' || (*p == ',' && !quoted))
        {
          if (piece->len > 0)
            g_strv_builder_add (builder, piece->str);
          g_string_truncate (piece, 0);
          if (*p == '\0')
            break;
        }
      else
        g_string_append_c (piece, *p);
    }
  return g_strv_builder_end (builder);
}

/**
 * jln_query_terms_get_values:
 * @text: a query as typed
 *
 * The values of the first term of @text that fills the slot (@key,
 * @negated, @bound), without quotes, one per alternative; an empty
 * vector for the word "overdue"; %NULL when no term fills it.
 */
char **
jln_query_terms_get_values (const char    *text,
                            JlnQueryKey    key,
                            gboolean       negated,
                            JlnQueryBound  bound)
{
  g_auto(GStrv) terms = jln_query_terms_split (text);

  for (guint i = 0; terms[i] != NULL; i++)
    {
      const char *value;

      if (term_has_slot (terms[i], key, negated, bound, &value))
        return split_alternatives (value);
    }
  return NULL;
}

/* A value as the query language reads it: quoted when it has a space, a
 * comma or a quote. Quotes inside cannot be written, so they are left
 * out. */
static void
append_value (GString    *term,
              const char *value)
{
  if (strpbrk (value, " ,\"\t") == NULL && g_utf8_strchr (value, -1, 0x00A0) == NULL)
    {
      g_string_append (term, value);
      return;
    }
  g_string_append_c (term, '"');
  for (const char *p = value; *p != '\0'; p++)
    if (*p != '"')
      g_string_append_c (term, *p);
  g_string_append_c (term, '"');
}

static char *
write_term (JlnQueryKey         key,
            gboolean            negated,
            JlnQueryBound       bound,
            const char * const *values,
            JlnLang             lang)
{
  GString *term = g_string_new (negated ? "-" : "");
  gboolean first = TRUE;

  g_string_append (term, jln_query_key_get_name (key, lang));
  if (key == JLN_QUERY_KEY_OVERDUE)
    return g_string_free (term, FALSE);

  g_string_append_c (term, ':');
  if (bound == JLN_QUERY_BOUND_FROM)
    g_string_append (term, ">=");
  else if (bound == JLN_QUERY_BOUND_UNTIL)
    g_string_append (term, "<=");

  for (guint i = 0; values[i] != NULL; i++)
    {
      JlnStatus status;

      if (values[i][0] == '\0')
        continue;
      if (!first)
        g_string_append_c (term, ',');
      first = FALSE;
      /* A status is written in the query's language, whichever it came in. */
      if (key == JLN_QUERY_KEY_STATUS && jln_query_status_from_name (values[i], &status))
        g_string_append (term, jln_query_status_get_name (status, lang));
      else
        append_value (term, values[i]);
    }
  if (first)
    {
      g_string_free (term, TRUE);
      return NULL;
    }
  return g_string_free (term, FALSE);
}

/**
 * jln_query_terms_set_values:
 * @text: a query as typed
 * @values: (nullable): the alternatives, or %NULL to remove the term
 * @lang: the language the new term is written in
 *
 * Returns @text with the terms filling the slot (@key, @negated, @bound)
 * replaced by one term with @values, where the first of them was or at
 * the end. Removes them when @values is %NULL or holds no non-empty
 * value; for %JLN_QUERY_KEY_OVERDUE, any non-%NULL @values writes the
 * word. Every other term is kept as it was typed.
 */
char *
jln_query_terms_set_values (const char         *text,
                            JlnQueryKey         key,
                            gboolean            negated,
                            JlnQueryBound       bound,
                            const char * const *values,
                            JlnLang             lang)
{
  g_auto(GStrv) terms = jln_query_terms_split (text);
  g_autofree char *new_term = NULL;
  GString *result = g_string_new (NULL);
  gboolean placed = FALSE;

  if (values != NULL)
    new_term = write_term (key, negated, bound, values, lang);

  for (guint i = 0; terms[i] != NULL; i++)
    {
      const char *term = terms[i];

      if (term_has_slot (term, key, negated, bound, NULL))
        {
          if (placed || new_term == NULL)
            continue;
          term = new_term;
          placed = TRUE;
        }
      if (result->len > 0)
        g_string_append_c (result, ' ');
      g_string_append (result, term);
    }
  if (!placed && new_term != NULL)
    {
      if (result->len > 0)
        g_string_append_c (result, ' ');
      g_string_append (result, new_term);
    }
  return g_string_free (result, FALSE);
}
