/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include "jln-gettext.h"

#include "jln-enums.h"
#include "jln-i18n.h"
#include "jln-action-item.h"
#include "jln-completion.h"
#include "jln-objective.h"
#include "jln-principle.h"
#include "jln-query.h"
#include "jln-text.h"
#include "jln-unit.h"

/* In the order jln_query_match() tests them: the cheap ones first, so
 * that the substring search runs only on actions that passed the rest. */
typedef enum
{
  TERM_OVERDUE,
  TERM_STATUS,
  TERM_OBJECTIVE,
  TERM_PRINCIPLE,
  TERM_DUE,
  TERM_DONE,
  TERM_UNIT,
  TERM_WORD,
} TermKind;

typedef struct
{
  TermKind     kind;
  gboolean     negated;
  guint        position;     /* in the text, to keep sorting stable */
  guint        statuses;     /* status: one bit per JlnStatus */
  guint64      principles;   /* principle: bit n for principle n */
  JlnSemester  first;        /* due:, done: inclusive bounds */
  JlnSemester  last;
  char        *word;         /* a free word, folded */
  JlnFoldMatcher *matcher;   /* finds it */
  char       **values;       /* objective:, unit: folded alternatives */
  char        *source;       /* the term as typed, for messages */
} Term;

struct _JlnQuery
{
  char       *text;
  Term       *terms;
  guint       n_terms;
  GHashTable *only;    /* action ids: the actions a period kept, or NULL */
};

G_DEFINE_BOXED_TYPE (JlnQuery, jln_query, jln_query_ref, jln_query_unref)

#define PRINCIPLE_MAX 40

typedef struct
{
  const char *name;
  const char *name_fr;   /* as the French interface writes it */
  TermKind    kind;
  gboolean    is_list;   /* a comma separates alternatives */
  const char *example;   /* a value; NULL for a status */
} Key;

/* In the order of JlnQueryKey. */
static const Key keys[] = {
  { "objective", "objectif", TERM_OBJECTIVE, TRUE, "4" },
  { "unit", "unité", TERM_UNIT, TRUE, "RH" },
  { "status", "statut", TERM_STATUS, TRUE, NULL },
  { "due", "échéance", TERM_DUE, FALSE, "2022" },
  { "done", "réalisée", TERM_DONE, FALSE, "2019" },
  { "principle", "principe", TERM_PRINCIPLE, TRUE, "27" },
};

/* Other spellings a French user may type, folded. */
static const struct { const char *folded; JlnQueryKey key; } key_aliases[] = {
  { "realise", JLN_QUERY_KEY_DONE },
  { "realisation", JLN_QUERY_KEY_DONE },
  { "prevue", JLN_QUERY_KEY_DUE },
  { "prevu", JLN_QUERY_KEY_DUE },
};

static const char * const overdue_names[] = { "overdue", "en-retard" };

/* The status words, in the order of JlnStatus: English (the file
 * format's), then French. */
static const char * const status_names_fr[] = {
  "prévue", "en-cours", "réalisée", "réalisée-non-prévue", "revue", "remplacée", "abandonnée",
};

/* Other spellings, folded and with hyphens between words. */
static const struct { const char *folded; JlnStatus status; } status_aliases[] = {
  { "prevu", JLN_STATUS_PLANNED },
  { "planifiee", JLN_STATUS_PLANNED },
  { "realise", JLN_STATUS_DONE },
  { "faite", JLN_STATUS_DONE },
  { "fait", JLN_STATUS_DONE },
  { "realise-non-prevu", JLN_STATUS_DONE_NEW },
  { "revisee", JLN_STATUS_REVISED },
  { "revise", JLN_STATUS_REVISED },
  { "remplace", JLN_STATUS_SUPERSEDED },
  { "abandonne", JLN_STATUS_DROPPED },
  { "done-not-planned", JLN_STATUS_DONE_NEW },
};

/* @text folded, with a hyphen for each run of spaces, commas and other
 * signs: "Réalisée, non prévue" reads "realisee-non-prevue". */
static char *
fold_word (const char *text,
           gssize      len)
{
  g_autofree char *cut = len < 0 ? g_strdup (text) : g_strndup (text, len);
  g_autofree char *folded = jln_fold (cut);
  GString *out = g_string_new (NULL);
  gboolean gap = FALSE;

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        {
          if (gap && out->len > 0)
            g_string_append_c (out, '-');
          gap = FALSE;
          g_string_append_unichar (out, c);
        }
      else
        gap = TRUE;
    }
  return g_string_free (out, FALSE);
}

/**
 * jln_query_key_from_name:
 * @name: a key as typed, in English or in French, in any case, with or
 *   without accents: "status", "Statut", "echeance"
 * @len: its length in bytes, or -1
 *
 * Returns: whether @name is a key of the query language, or the word
 *   "overdue" ("en-retard"), with @key set
 */
gboolean
jln_query_key_from_name (const char  *name,
                         gssize       len,
                         JlnQueryKey *key)
{
  g_autofree char *word = NULL;

  g_return_val_if_fail (name != NULL, FALSE);

  word = fold_word (name, len);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_autofree char *fr = fold_word (keys[i].name_fr, -1);

      if (g_str_equal (word, keys[i].name) || g_str_equal (word, fr))
        {
          *key = i;
          return TRUE;
        }
    }
  for (guint i = 0; i < G_N_ELEMENTS (key_aliases); i++)
    if (g_str_equal (word, key_aliases[i].folded))
      {
        *key = key_aliases[i].key;
        return TRUE;
      }
  for (guint i = 0; i < G_N_ELEMENTS (overdue_names); i++)
    if (g_str_equal (word, overdue_names[i]))
      {
        *key = JLN_QUERY_KEY_OVERDUE;
        return TRUE;
      }
  return FALSE;
}

/**
 * jln_query_key_get_name:
 *
 * Returns: @key as a query in @lang writes it: "status" or "statut",
 *   "overdue" or "en-retard"
 */
const char *
jln_query_key_get_name (JlnQueryKey key,
                        JlnLang     lang)
{
  if (key == JLN_QUERY_KEY_OVERDUE)
    return overdue_names[lang == JLN_LANG_FR ? 1 : 0];
  g_return_val_if_fail (key < G_N_ELEMENTS (keys), NULL);
  return lang == JLN_LANG_FR ? keys[key].name_fr : keys[key].name;
}

/**
 * jln_query_status_from_name:
 * @name: a status as typed: its English or French query word
 *   ("in-progress", "en-cours"), or its label in either language ("In
 *   progress", "Réalisée, non prévue"), in any case, accents or not
 *
 * Returns: whether @name is a status, with @status set
 */
gboolean
jln_query_status_from_name (const char *name,
                            JlnStatus  *status)
{
  g_autofree char *word = NULL;

  g_return_val_if_fail (name != NULL, FALSE);

  word = fold_word (name, -1);
  for (JlnStatus i = JLN_STATUS_PLANNED; i <= JLN_STATUS_DROPPED; i++)
    {
      g_autofree char *fr = fold_word (status_names_fr[i], -1);
      /* The statuses' labels, typed as shown, are accepted too. */
      g_autofree char *label_en = fold_word (jln_status_get_label_in (i, JLN_LANG_EN), -1);
      g_autofree char *label_fr = fold_word (jln_status_get_label_in (i, JLN_LANG_FR), -1);

      if (g_str_equal (word, jln_status_to_string (i)) || g_str_equal (word, fr) ||
          g_str_equal (word, label_en) || g_str_equal (word, label_fr))
        {
          *status = i;
          return TRUE;
        }
    }
  for (guint i = 0; i < G_N_ELEMENTS (status_aliases); i++)
    if (g_str_equal (word, status_aliases[i].folded))
      {
        *status = status_aliases[i].status;
        return TRUE;
      }
  return FALSE;
}

/**
 * jln_query_status_get_name:
 *
 * Returns: @status as a query in @lang writes it: "in-progress" or
 *   "en-cours"
 */
const char *
jln_query_status_get_name (JlnStatus status,
                           JlnLang   lang)
{
  g_return_val_if_fail (status <= JLN_STATUS_DROPPED, NULL);
  return lang == JLN_LANG_FR ? status_names_fr[status] : jln_status_to_string (status);
}

static void
term_clear (Term *term)
{
  g_clear_pointer (&term->word, g_free);
  g_clear_pointer (&term->matcher, jln_fold_matcher_free);
  g_clear_pointer (&term->values, g_strfreev);
  g_clear_pointer (&term->source, g_free);
}

static void
jln_query_clear (JlnQuery *self)
{
  for (guint i = 0; i < self->n_terms; i++)
    term_clear (&self->terms[i]);
  g_free (self->terms);
  g_free (self->text);
  g_clear_pointer (&self->only, g_hash_table_unref);
}

/**
 * jln_query_ref:
 *
 * Returns: (transfer full): @self
 */
JlnQuery *
jln_query_ref (JlnQuery *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return g_atomic_rc_box_acquire (self);
}

void
jln_query_unref (JlnQuery *self)
{
  g_return_if_fail (self != NULL);
  g_atomic_rc_box_release_full (self, (GDestroyNotify) jln_query_clear);
}

/* Parsing */

static gboolean
is_space_at (const char *p)
{
  return g_unichar_isspace (g_utf8_get_char (p));
}

/* The alternatives of a value, without their quotes. Commas inside
 * quotes belong to the value; empty alternatives, as while typing
 * "objective:1,", are left out. */
static char **
split_value (const char *raw,
             gboolean    is_list)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GString) piece = g_string_new (NULL);
  gboolean quoted = FALSE;

  for (const char *p = raw; ; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (*p == '\0' || (*p == ',' && is_list && !quoted))
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

/* A year ("2022"), a range of years ("2019-2020", as completions are
 * written) or a semester in any form jln_semester_parse() accepts. */
static gboolean
parse_period (const char  *text,
              JlnSemester *first,
              JlnSemester *last)
{
  gsize len = strlen (text);
  guint year, end_year;
  JlnSemester semester;

  if (parse_year (text, len, &year))
    {
      *first = jln_semester_new (year, 1);
      *last = jln_semester_new (year, 2);
      return TRUE;
    }
  if (len == 9 && text[4] == '-' &&
      parse_year (text, 4, &year) && parse_year (text + 5, 4, &end_year))
    {
      *first = jln_semester_new (year, 1);
      *last = jln_semester_new (end_year, 2);
      return TRUE;
    }
  if (jln_semester_parse (text, &semester, NULL))
    {
      *first = *last = semester;
      return TRUE;
    }
  return FALSE;
}

static gboolean
parse_period_value (Term        *term,
                    const char  *key,
                    const char  *value,
                    GError     **error)
{
  JlnSemester first, last;
  const char *range;

  term->first = 0;
  term->last = G_MAXUINT;

  if (g_str_has_prefix (value, "<=") && parse_period (value + 2, &first, &last))
    term->last = last;
  else if (g_str_has_prefix (value, ">=") && parse_period (value + 2, &first, &last))
    term->first = first;
  else if (value[0] == '<' && parse_period (value + 1, &first, &last))
    term->last = first - 1;
  else if (value[0] == '>' && parse_period (value + 1, &first, &last))
    term->first = last + 1;
  else if ((range = strstr (value, "..")) != NULL && range[2] != '.')
    {
      g_autofree char *start = g_strndup (value, range - value);
      const char *end = range + 2;

      /* "2022.." and "..2023" leave one side open. */
      if ((start[0] == '\0' && end[0] == '\0') ||
          (start[0] != '\0' && !parse_period (start, &term->first, &last)) ||
          (end[0] != '\0' && !parse_period (end, &first, &term->last)))
        goto malformed;
      if (term->first > term->last)
        {
          g_set_error (error, JLN_ERROR, JLN_ERROR_INVALID,
                       /* Translators: %s is a search term, like “due:2023..2022”. */
                       _("The period in “%s” ends before it starts"), term->source);
          return FALSE;
        }
    }
  else if (parse_period (value, &first, &last))
    {
      term->first = first;
      term->last = last;
    }
  else
    goto malformed;
  return TRUE;

malformed:
  g_set_error (error, JLN_ERROR, JLN_ERROR_INVALID,
               /* Translators: %1$s is a search term, like “due:2022-S3”; %2$s is its
                  key, “due” or “done”, which must not be translated. */
               _("“%1$s” is not a period: write a year or a semester, as in %2$s:2022, "
                 "%2$s:2022-S2, %2$s:<2023 or %2$s:2022..2023"),
               term->source, key);
  return FALSE;
}

/* The status words in the interface's language. */
static char *
dup_status_list (void)
{
  JlnLang lang = jln_lang_from_locale ();
  GString *list = g_string_new (NULL);

  for (JlnStatus i = JLN_STATUS_PLANNED; i <= JLN_STATUS_DROPPED; i++)
    g_string_append_printf (list, "%s%s", i > 0 ? ", " : "", jln_query_status_get_name (i, lang));
  return g_string_free (list, FALSE);
}

static gboolean
parse_statuses (Term        *term,
                char       **values,
                GError     **error)
{
  for (guint i = 0; values[i] != NULL; i++)
    {
      JlnStatus status;

      if (!jln_query_status_from_name (values[i], &status))
        {
          g_autofree char *allowed = dup_status_list ();

          g_set_error (error, JLN_ERROR, JLN_ERROR_INVALID,
                       /* Translators: %1$s is a status as typed, %2$s the search term,
                          %3$s the list of statuses as a query in the interface's
                          language writes them. */
                       _("Unknown status “%1$s” in “%2$s”: use one of %3$s"),
                       values[i], term->source, allowed);
          return FALSE;
        }
      term->statuses |= 1u << status;
      /* An action carried out though it was not planned is done too. */
      if (status == JLN_STATUS_DONE)
        term->statuses |= 1u << JLN_STATUS_DONE_NEW;
    }
  return TRUE;
}

static gboolean
parse_principles (Term        *term,
                  char       **values,
                  GError     **error)
{
  for (guint i = 0; values[i] != NULL; i++)
    {
      guint64 number;

      if (!g_ascii_string_to_unsigned (values[i], 10, 1, PRINCIPLE_MAX, &number, NULL))
        {
          g_set_error (error, JLN_ERROR, JLN_ERROR_INVALID,
                       /* Translators: %1$s is a search term, like “principle:99”. */
                       _("“%1$s” is not valid: principles are numbered from 1 to %2$d"),
                       term->source, PRINCIPLE_MAX);
          return FALSE;
        }
      term->principles |= G_GUINT64_CONSTANT (1) << number;
    }
  return TRUE;
}

static char **
fold_values (char **values)
{
  for (guint i = 0; values[i] != NULL; i++)
    {
      char *folded = jln_fold (values[i]);

      g_free (values[i]);
      values[i] = folded;
    }
  return values;
}

/* @raw is one term as typed, quotes included. Returns FALSE with @error
 * when it is not valid; TRUE with @term->source unset when there is
 * nothing to search for, as with a lone "-" or "". */
static gboolean
parse_term (const char  *raw,
            Term        *term,
            GError     **error)
{
  const char *body = raw;
  const char *p;
  const Key *key = NULL;
  g_auto(GStrv) values = NULL;

  if (body[0] == '-')
    {
      term->negated = TRUE;
      body++;
    }
  if (body[0] == '\0')
    return TRUE;

  /* A key is a word of letters followed by a colon, before any quote. */
  for (p = body; *p != '\0' && g_unichar_isalpha (g_utf8_get_char (p)); p = g_utf8_next_char (p))
    ;
  if (*p != ':' || p == body)
    {
      JlnQueryKey overdue;

      if (jln_query_key_from_name (body, -1, &overdue) && overdue == JLN_QUERY_KEY_OVERDUE &&
          strchr (body, '"') == NULL)
        {
          term->kind = TERM_OVERDUE;
          term->source = g_strdup (raw);
          return TRUE;
        }

      values = split_value (body, FALSE);
      if (values[0] == NULL)
        return TRUE;
      term->kind = TERM_WORD;
      term->word = jln_fold (values[0]);
      if (term->word[0] == '\0')
        {
          g_clear_pointer (&term->word, g_free);
          return TRUE;
        }
      term->matcher = jln_fold_matcher_new (term->word);
      term->source = g_strdup (raw);
      return TRUE;
    }

  term->source = g_strdup (raw);
  {
    JlnQueryKey found;

    if (jln_query_key_from_name (body, p - body, &found) && found != JLN_QUERY_KEY_OVERDUE)
      key = &keys[found];
  }
  if (key == NULL)
    {
      g_set_error (error, JLN_ERROR, JLN_ERROR_INVALID,
                   /* Translators: %s is a search term, like “colour:red”. Give the
                      keys as a query in your language writes them (both languages'
                      keys are accepted): objective:, unit:, status:, due:, done:,
                      principle: and the word overdue. */
                   _("Unknown filter “%s”: use objective:, unit:, status:, due:, done:, "
                     "principle: or overdue"),
                   raw);
      return FALSE;
    }

  term->kind = key->kind;
  values = split_value (p + 1, key->is_list);
  if (values[0] == NULL)
    {
      JlnLang lang = jln_lang_from_locale ();
      g_autofree char *example =
        g_strdup_printf ("%s:%s", jln_query_key_get_name (key - keys, lang),
                         key->example != NULL ? key->example
                                              : jln_query_status_get_name (JLN_STATUS_IN_PROGRESS, lang));

      g_set_error (error, JLN_ERROR, JLN_ERROR_INVALID,
                   /* Translators: %1$s is a search term with nothing after the colon,
                      like “unit:”; %2$s an example, like “unit:RH”. */
                   _("The filter “%1$s” needs a value, as in “%2$s”"),
                   raw, example);
      return FALSE;
    }

  switch (key->kind)
    {
    case TERM_OBJECTIVE:
    case TERM_UNIT:
      term->values = fold_values (g_steal_pointer (&values));
      return TRUE;
    case TERM_STATUS:
      return parse_statuses (term, values, error);
    case TERM_PRINCIPLE:
      return parse_principles (term, values, error);
    case TERM_DUE:
    case TERM_DONE:
      return parse_period_value (term, jln_query_key_get_name (key - keys, jln_lang_from_locale ()),
                                 values[0], error);
    case TERM_OVERDUE:
    case TERM_WORD:
    default:
      g_return_val_if_reached (FALSE);
    }
}

static int
compare_terms (gconstpointer a,
               gconstpointer b)
{
  const Term *term_a = a, *term_b = b;

  if (term_a->kind != term_b->kind)
    return term_a->kind < term_b->kind ? -1 : 1;
  return term_a->position < term_b->position ? -1 : term_a->position > term_b->position;
}

/* The next term after @p, unquoted, or NULL; @end is set after it. */
static char *
next_word (const char  *p,
           const char **end)
{
  const char *start;

  while (*p != '\0' && is_space_at (p))
    p = g_utf8_next_char (p);
  if (*p == '\0' || *p == '"')
    return NULL;
  for (start = p; *p != '\0' && !is_space_at (p) && *p != '"'; p = g_utf8_next_char (p))
    ;
  if (*p == '"')
    return NULL;
  *end = p;
  return g_strndup (start, p - start);
}

/* When @raw is a due: or done: term whose value starts a semester written
 * in words, reads the one or two words after it (at *@p) that end it,
 * into @term, and moves *@p past them. */
static gboolean
join_period_words (const char  *raw,
                   const char **p,
                   Term        *term)
{
  const char *body = raw[0] == '-' ? raw + 1 : raw;
  const char *colon = strchr (body, ':');
  JlnQueryKey key;
  g_autoptr(GString) joined = g_string_new (raw);
  const char *end = *p;

  if (colon == NULL || strchr (raw, '"') != NULL ||
      !jln_query_key_from_name (body, colon - body, &key) ||
      (key != JLN_QUERY_KEY_DUE && key != JLN_QUERY_KEY_DONE))
    return FALSE;
  for (guint n = 0; n < 2; n++)
    {
      g_autofree char *word = next_word (end, &end);
      Term candidate = { 0, };

      if (word == NULL)
        return FALSE;
      g_string_append_printf (joined, " %s", word);
      candidate.position = term->position;
      if (parse_term (joined->str, &candidate, NULL))
        {
          term_clear (term);
          *term = candidate;
          *p = end;
          return TRUE;
        }
      term_clear (&candidate);
    }
  return FALSE;
}

/**
 * jln_query_parse:
 * @text: (nullable): what the user typed
 *
 * Parses a search. %NULL or a blank @text gives a query that matches
 * every action.
 *
 * Returns: (transfer full) (nullable): the query, or %NULL with @error
 *   naming the term that is not valid.
 */
JlnQuery *
jln_query_parse (const char  *text,
                 GError     **error)
{
  g_autoptr(GArray) terms = g_array_new (FALSE, TRUE, sizeof (Term));
  JlnQuery *self;
  const char *p;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (text == NULL)
    text = "";
  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error_literal (error, JLN_ERROR, JLN_ERROR_INVALID,
                           _("The search is not valid UTF-8 text"));
      return NULL;
    }

  g_array_set_clear_func (terms, (GDestroyNotify) term_clear);
  p = text;
  while (TRUE)
    {
      g_autofree char *raw = NULL;
      const char *start;
      gboolean quoted = FALSE;
      Term term = { 0, };

      while (*p != '\0' && is_space_at (p))
        p = g_utf8_next_char (p);
      if (*p == '\0')
        break;

      /* Spaces between double quotes belong to the term. */
      for (start = p; *p != '\0' && (quoted || !is_space_at (p)); p = g_utf8_next_char (p))
        if (*p == '"')
          quoted = !quoted;
      raw = g_strndup (start, p - start);

      if (quoted)
        {
          g_set_error (error, JLN_ERROR, JLN_ERROR_INVALID,
                       /* Translators: %s is a search term, like “"plan d'action”. */
                       _("The quotation mark in “%s” is not closed"), raw);
          return NULL;
        }

      term.position = start - text;
      if (!parse_term (raw, &term, error))
        {
          /* A semester typed as it is shown, without quotes:
           * "échéance:2e sem. 2022" reads the next words too. */
          if (!join_period_words (raw, &p, &term))
            {
              term_clear (&term);
              return NULL;
            }
          g_clear_error (error);
        }
      if (term.source != NULL)
        g_array_append_val (terms, term);
    }

  g_array_sort (terms, compare_terms);

  self = g_atomic_rc_box_new0 (JlnQuery);
  self->text = g_strdup (text);
  self->n_terms = terms->len;
  g_array_set_clear_func (terms, NULL);
  self->terms = (Term *) (gpointer) g_array_free (g_steal_pointer (&terms), FALSE);
  return self;
}

/**
 * jln_query_get_text:
 *
 * Returns: the text the query was parsed from, "" for %NULL.
 */
const char *
jln_query_get_text (JlnQuery *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->text;
}

/* Whether the query matches every action. */
gboolean
jln_query_is_empty (JlnQuery *self)
{
  g_return_val_if_fail (self != NULL, TRUE);
  return self->n_terms == 0 && self->only == NULL;
}

/**
 * jln_query_parse_restricted:
 * @text: a query, as jln_query_parse() reads it
 * @action_ids: (element-type utf8 utf8): the ids of the actions to keep
 * @label: what the restriction is, as the query's text shows it
 *
 * A query that keeps, of the actions @text matches, only those of
 * @action_ids: the actions changed in a period, which the history of a
 * plan file tells and a query alone cannot.
 *
 * Returns: (transfer full) (nullable): the query, or NULL with @error set
 */
JlnQuery *
jln_query_parse_restricted (const char  *text,
                            GHashTable  *action_ids,
                            const char  *label,
                            GError     **error)
{
  JlnQuery *self;
  char *joined;

  g_return_val_if_fail (action_ids != NULL, NULL);
  self = jln_query_parse (text, error);
  if (self == NULL)
    return NULL;
  self->only = g_hash_table_ref (action_ids);
  if (label != NULL && label[0] != '\0')
    {
      joined = self->text[0] != '\0' ? g_strdup_printf ("%s %s", self->text, label) : g_strdup (label);
      g_free (self->text);
      self->text = joined;
    }
  return self;
}

/* Matching */

/* Whether @text folds to @folded, as jln_fold() would fold it, without
 * allocating: this runs for every action on every keystroke. It must
 * follow jln_fold_append(). */
static gboolean
fold_equal (const char *text,
            const char *folded)
{
  const char *p = text;
  const char *q = folded;

  if (text == NULL)
    return FALSE;

  while (*p != '\0')
    {
      guchar c = *p;
      gunichar uc, decomposed[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
      const char *replacement = NULL;
      gsize n;

      if (c < 0x80)
        {
          if (*q != g_ascii_tolower (c))
            return FALSE;
          p++;
          q++;
          continue;
        }

      uc = g_utf8_get_char_validated (p, -1);
      if (uc == (gunichar) -1 || uc == (gunichar) -2)
        {
          p++;
          continue;
        }
      p = g_utf8_next_char (p);

      switch (uc)
        {
        case 0x0152: case 0x0153:
          replacement = "oe";
          break;
        case 0x00C6: case 0x00E6:
          replacement = "ae";
          break;
        case 0x00DF:
          replacement = "ss";
          break;
        case 0x00A0: case 0x202F:
          replacement = " ";
          break;
        case 0x2019: case 0x2018:
          replacement = "'";
          break;
        default:
          break;
        }
      if (replacement != NULL)
        {
          gsize len = strlen (replacement);

          if (strncmp (q, replacement, len) != 0)
            return FALSE;
          q += len;
          continue;
        }

      n = g_unichar_fully_decompose (uc, FALSE, decomposed, G_N_ELEMENTS (decomposed));
      for (gsize i = 0; i < n; i++)
        {
          char buf[6];
          int len;

          if (g_unichar_ismark (decomposed[i]))
            continue;
          len = g_unichar_to_utf8 (g_unichar_tolower (decomposed[i]), buf);
          if (strncmp (q, buf, len) != 0)
            return FALSE;
          q += len;
        }
    }
  return *q == '\0';
}

static gboolean
fold_equal_any (const char  *text,
                char       **values)
{
  for (guint i = 0; values[i] != NULL; i++)
    if (fold_equal (text, values[i]))
      return TRUE;
  return FALSE;
}

static gboolean
units_match (GPtrArray  *units,
             char      **codes)
{
  for (guint i = 0; i < units->len; i++)
    if (fold_equal_any (jln_unit_get_code (g_ptr_array_index (units, i)), codes))
      return TRUE;
  return FALSE;
}

static inline gboolean
semester_in (const Term  *term,
             JlnSemester  semester)
{
  return semester != JLN_SEMESTER_NONE && semester >= term->first && semester <= term->last;
}

static inline gboolean
completion_in (const Term          *term,
               const JlnCompletion *completion)
{
  return jln_completion_is_set (completion) &&
         jln_completion_get_first (completion) <= term->last &&
         jln_completion_get_last (completion) >= term->first;
}

/* Whether the action or one of its sub-items matches a due:, done: or
 * unit: term. */
static gboolean
items_match (const Term *term,
             JlnAction  *action)
{
  GListModel *items;
  guint n = _jln_action_get_n_items (action);

  if (n == 0)
    return FALSE;
  items = jln_action_get_items (action);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JlnActionItem) item = g_list_model_get_item (items, i);
      gboolean found;

      if (term->kind == TERM_DUE)
        found = semester_in (term, jln_action_item_get_due (item));
      else if (term->kind == TERM_DONE)
        found = completion_in (term, jln_action_item_get_completion (item));
      else
        found = units_match (jln_action_item_get_units (item), term->values);
      if (found)
        return TRUE;
    }
  return FALSE;
}

static gboolean
term_match (const Term  *term,
            JlnAction   *action,
            JlnSemester  today)
{
  switch (term->kind)
    {
    case TERM_OVERDUE:
      return jln_semester_is_overdue (jln_action_get_due (action),
                                      jln_action_get_status (action), today);
    case TERM_STATUS:
      return (term->statuses & (1u << jln_action_get_status (action))) != 0;
    case TERM_OBJECTIVE:
      {
        JlnObjective *objective = jln_action_get_objective (action);

        return objective != NULL &&
               fold_equal_any (jln_objective_get_number (objective), term->values);
      }
    case TERM_PRINCIPLE:
      {
        GPtrArray *principles = jln_action_get_principles (action);

        for (guint i = 0; i < principles->len; i++)
          {
            int number = jln_principle_get_number (g_ptr_array_index (principles, i));

            if (number > 0 && number < 64 &&
                (term->principles & (G_GUINT64_CONSTANT (1) << number)) != 0)
              return TRUE;
          }
        return FALSE;
      }
    case TERM_DUE:
      return semester_in (term, jln_action_get_due (action)) || items_match (term, action);
    case TERM_DONE:
      return completion_in (term, jln_action_get_completion (action)) ||
             items_match (term, action);
    case TERM_UNIT:
      return units_match (jln_action_get_units (action), term->values) ||
             items_match (term, action);
    case TERM_WORD:
      return _jln_action_contains (action, term->matcher);
    default:
      g_return_val_if_reached (FALSE);
    }
}

/**
 * jln_query_match:
 * @today: the current semester, jln_semester_today() but for tests;
 *   it decides which actions are overdue
 *
 * Whether @action satisfies every term of the query. Does not allocate.
 */
gboolean
jln_query_match (JlnQuery    *self,
                 JlnAction   *action,
                 JlnSemester  today)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (JLN_IS_ACTION (action), FALSE);

  if (self->only != NULL && !g_hash_table_contains (self->only, jln_record_get_id (JLN_RECORD (action))))
    return FALSE;
  for (guint i = 0; i < self->n_terms; i++)
    {
      const Term *term = &self->terms[i];

      if (term_match (term, action, today) == term->negated)
        return FALSE;
    }
  return TRUE;
}

/* Checking against a plan */

static gboolean
plan_has_value (GListModel *model,
                const char *folded)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) record = g_list_model_get_item (model, i);
      const char *name;

      if (JLN_IS_UNIT (record))
        name = jln_unit_get_code (JLN_UNIT (record));
      else
        name = jln_objective_get_number (JLN_OBJECTIVE (record));
      if (fold_equal (name, folded))
        return TRUE;
    }
  return FALSE;
}

static gboolean
plan_has_principle (JlnPlan *plan,
                    guint    number)
{
  GListModel *principles = jln_plan_get_principles (plan);
  guint n = g_list_model_get_n_items (principles);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JlnPrinciple) principle = g_list_model_get_item (principles, i);

      if ((guint) jln_principle_get_number (principle) == number)
        return TRUE;
    }
  return FALSE;
}

/**
 * jln_query_check:
 *
 * Checks that the units, objectives and principles the query names
 * exist in @plan, so that a mistyped code is reported rather than
 * giving an empty list.
 *
 * Returns: %FALSE with @error naming the first that does not.
 */
gboolean
jln_query_check (JlnQuery  *self,
                 JlnPlan   *plan,
                 GError   **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (JLN_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (guint i = 0; i < self->n_terms; i++)
    {
      const Term *term = &self->terms[i];

      if (term->kind == TERM_UNIT || term->kind == TERM_OBJECTIVE)
        {
          gboolean is_unit = term->kind == TERM_UNIT;
          GListModel *model = is_unit ? jln_plan_get_units (plan)
                                      : jln_plan_get_objectives (plan);

          for (guint j = 0; term->values[j] != NULL; j++)
            {
              if (plan_has_value (model, term->values[j]))
                continue;
              if (is_unit)
                g_set_error (error, JLN_ERROR, JLN_ERROR_NOT_FOUND,
                             /* Translators: %1$s is a unit code, folded to lower case;
                                %2$s the search term, like “unit:rhx”. */
                             _("There is no unit “%1$s” in this plan (in “%2$s”)"),
                             term->values[j], term->source);
              else
                g_set_error (error, JLN_ERROR, JLN_ERROR_NOT_FOUND,
                             /* Translators: %1$s is an objective number; %2$s the
                                search term, like “objective:9”. */
                             _("There is no objective “%1$s” in this plan (in “%2$s”)"),
                             term->values[j], term->source);
              return FALSE;
            }
        }
      else if (term->kind == TERM_PRINCIPLE)
        {
          for (guint number = 1; number <= PRINCIPLE_MAX; number++)
            {
              if ((term->principles & (G_GUINT64_CONSTANT (1) << number)) == 0 ||
                  plan_has_principle (plan, number))
                continue;
              g_set_error (error, JLN_ERROR, JLN_ERROR_NOT_FOUND,
                           /* Translators: %1$u is a principle number; %2$s the search
                              term, like “principle:27”. */
                           _("There is no principle %1$u in this plan (in “%2$s”)"),
                           number, term->source);
              return FALSE;
            }
        }
    }
  return TRUE;
}

/* Comparing */

static gboolean
values_included (char **values,
                 char **in)
{
  for (guint i = 0; values[i] != NULL; i++)
    if (!g_strv_contains ((const char * const *) in, values[i]))
      return FALSE;
  return TRUE;
}

/* Whether every action that @a matches, leaving negation aside, is
 * matched by @b too. FALSE when unsure. */
static gboolean
positive_term_implies (const Term *a,
                       const Term *b)
{
  switch (a->kind)
    {
    case TERM_OVERDUE:
      return TRUE;
    case TERM_STATUS:
      return (a->statuses & ~b->statuses) == 0;
    case TERM_PRINCIPLE:
      return (a->principles & ~b->principles) == 0;
    case TERM_OBJECTIVE:
    case TERM_UNIT:
      return values_included (a->values, b->values);
    case TERM_DUE:
    case TERM_DONE:
      return a->first >= b->first && a->last <= b->last;
    case TERM_WORD:
      return strstr (a->word, b->word) != NULL;
    default:
      return FALSE;
    }
}

/* Whether every action that @a matches is matched by @b. Not matching
 * @a implies not matching @b when @b implies @a. */
static gboolean
term_implies (const Term *a,
              const Term *b)
{
  if (a->kind != b->kind || a->negated != b->negated)
    return FALSE;
  if (a->negated)
    return positive_term_implies (b, a);
  return positive_term_implies (a, b);
}

/* Whether every action that @a matches is matched by @b: each term of
 * @b follows from one of @a's. */
static gboolean
query_implies (JlnQuery *a,
               JlnQuery *b)
{
  for (guint i = 0; i < b->n_terms; i++)
    {
      gboolean implied = FALSE;

      for (guint j = 0; j < a->n_terms && !implied; j++)
        implied = term_implies (&a->terms[j], &b->terms[i]);
      if (!implied)
        return FALSE;
    }
  return TRUE;
}

/**
 * jln_query_compare:
 * @old_query: (nullable): the query a list was filtered with; %NULL
 *   matches everything
 * @new_query: (nullable): the query it is now filtered with
 *
 * Tells how the actions @new_query matches relate to those @old_query
 * matched, assuming the same plan and the same day: typing one more
 * letter of a word gives %JLN_QUERY_CHANGE_MORE_STRICT, deleting one
 * %JLN_QUERY_CHANGE_LESS_STRICT. The answer errs towards
 * %JLN_QUERY_CHANGE_DIFFERENT.
 */
JlnQueryChange
jln_query_compare (JlnQuery *old_query,
                   JlnQuery *new_query)
{
  static JlnQuery empty = { (char *) "", NULL, 0, NULL };
  gboolean stricter, looser;

  if (old_query == NULL)
    old_query = &empty;
  if (new_query == NULL)
    new_query = &empty;

  if (old_query == new_query)
    return JLN_QUERY_CHANGE_SAME;
  /* A period's actions are a set of their own. */
  if (old_query->only != NULL || new_query->only != NULL)
    return JLN_QUERY_CHANGE_DIFFERENT;
  if (g_strcmp0 (old_query->text, new_query->text) == 0)
    return JLN_QUERY_CHANGE_SAME;

  stricter = query_implies (new_query, old_query);
  looser = query_implies (old_query, new_query);
  if (stricter && looser)
    return JLN_QUERY_CHANGE_SAME;
  if (stricter)
    return JLN_QUERY_CHANGE_MORE_STRICT;
  if (looser)
    return JLN_QUERY_CHANGE_LESS_STRICT;
  return JLN_QUERY_CHANGE_DIFFERENT;
}
