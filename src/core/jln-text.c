/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "jln-text.h"

/* The most bytes that one character folds to. */
#define FOLD_CHAR_MAX (G_UNICHAR_MAX_DECOMPOSITION_LENGTH * 6)

const char *
jln_text_get (const JlnText *text,
              JlnLang        lang)
{
  return lang == JLN_LANG_FR ? text->fr : text->en;
}

/* The text in @lang, or else in the other language, telling which. */
const char *
jln_text_get_fallback (const JlnText *text,
                       JlnLang        lang,
                       gboolean      *is_fallback)
{
  const char *wanted = jln_text_get (text, lang);
  const char *other = jln_text_get (text, lang == JLN_LANG_FR ? JLN_LANG_EN : JLN_LANG_FR);

  if (is_fallback != NULL)
    *is_fallback = wanted == NULL && other != NULL;
  return wanted != NULL ? wanted : other;
}

/* g_set_str() arrives with GLib 2.76. */
gboolean
jln_set_str (char       **slot,
             const char  *value)
{
  if (g_strcmp0 (*slot, value) == 0)
    return FALSE;
  g_free (*slot);
  *slot = g_strdup (value);
  return TRUE;
}

gboolean
jln_text_is_empty (const JlnText *text)
{
  return text->fr == NULL && text->en == NULL;
}

void
jln_text_clear (JlnText *text)
{
  g_clear_pointer (&text->fr, g_free);
  g_clear_pointer (&text->en, g_free);
}

/* The folded form of the character at *@p, which is not ASCII, into
 * @buf; moves *@p past it. Invalid bytes fold to nothing. */
static gsize
fold_char (const char **p,
           char         buf[FOLD_CHAR_MAX])
{
  gunichar uc, decomposed[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
  const char *replacement = NULL;
  gsize n, len = 0;

  uc = g_utf8_get_char_validated (*p, -1);
  if (uc == (gunichar) -1 || uc == (gunichar) -2)
    {
      (*p)++;
      return 0;
    }
  *p = g_utf8_next_char (*p);

  switch (uc)
    {
    case 0x0152: case 0x0153:   /* Œ œ */
      replacement = "oe";
      break;
    case 0x00C6: case 0x00E6:   /* Æ æ */
      replacement = "ae";
      break;
    case 0x00DF:                /* ß */
      replacement = "ss";
      break;
    case 0x00A0: case 0x202F:   /* no-break spaces */
      replacement = " ";
      break;
    case 0x2019: case 0x2018:   /* typographic apostrophes */
      replacement = "'";
      break;
    default:
      break;
    }
  if (replacement != NULL)
    {
      len = strlen (replacement);
      memcpy (buf, replacement, len);
      return len;
    }

  n = g_unichar_fully_decompose (uc, FALSE, decomposed, G_N_ELEMENTS (decomposed));
  for (gsize i = 0; i < n; i++)
    if (!g_unichar_ismark (decomposed[i]))
      len += g_unichar_to_utf8 (g_unichar_tolower (decomposed[i]), buf + len);
  return len;
}

/* What each character of two bytes in UTF-8 (U+0080 to U+07FF: Latin,
 * Greek, Cyrillic…) folds to, computed once: most of the non-ASCII text
 * a plan holds, folded without a look-up in Unicode's tables. */
typedef struct
{
  guint8 len;
  char   bytes[7];
} FoldedPair;

static const FoldedPair *
get_pair_table (void)
{
  static FoldedPair *table;

  if (g_once_init_enter (&table))
    {
      FoldedPair *made = g_new0 (FoldedPair, 0x800);

      for (gunichar c = 0x80; c < 0x800; c++)
        {
          char in[8], buf[FOLD_CHAR_MAX];
          const char *p = in;
          gsize len;

          in[g_unichar_to_utf8 (c, in)] = '\0';
          len = fold_char (&p, buf);
          g_assert (len <= sizeof made[c].bytes);
          made[c].len = len;
          memcpy (made[c].bytes, buf, len);
        }
      g_once_init_leave (&table, made);
    }
  return table;
}

/* fold_char(), through the table for characters of two bytes: sets
 * *@folded to the folded bytes, in the table or in @buf. */
static inline gsize
fold_char_fast (const FoldedPair  *table,
                const char       **p,
                char               buf[FOLD_CHAR_MAX],
                const char       **folded)
{
  guchar lead = (*p)[0], next = (*p)[1];

  if (lead >= 0xC2 && lead <= 0xDF && (next & 0xC0) == 0x80)
    {
      const FoldedPair *pair = &table[((lead & 0x1F) << 6) | (next & 0x3F)];

      *p += 2;
      *folded = pair->bytes;
      return pair->len;
    }
  *folded = buf;
  return fold_char (p, buf);
}

/* Search folds case and accents: "Égalité" and "egalite" are the same
 * word. ASCII, which is most of any text, takes the fast path. */
void
jln_fold_append (GString    *out,
                 const char *text)
{
  const char *p = text;

  while (*p != '\0')
    {
      char buf[FOLD_CHAR_MAX];
      gsize len;

      if ((guchar) *p < 0x80)
        {
          g_string_append_c (out, g_ascii_tolower (*p));
          p++;
          continue;
        }
      len = fold_char (&p, buf);
      g_string_append_len (out, buf, len);
    }
}

static inline char
ascii_tolower (char c)
{
  return c >= 'A' && c <= 'Z' ? c + 'a' - 'A' : c;
}

/* Whether the folded text from @p on begins with @folded, @skip bytes of
 * the folded form of its first character left out. */
static gboolean
fold_has_prefix (const FoldedPair *table,
                 const char       *p,
                 gsize             skip,
                 const char       *folded)
{
  const char *q = folded;

  while (*q != '\0')
    {
      char buf[FOLD_CHAR_MAX];
      const char *bytes;
      gsize len;

      if (*p == '\0')
        return FALSE;
      if ((guchar) *p < 0x80)
        {
          if (ascii_tolower (*p) != *q)
            return FALSE;
          p++;
          q++;
          skip = 0;
          continue;
        }
      len = fold_char_fast (table, &p, buf, &bytes);
      for (gsize i = skip; i < len && *q != '\0'; i++, q++)
        if (bytes[i] != *q)
          return FALSE;
      skip = 0;
    }
  return TRUE;
}

struct _JlnFoldMatcher
{
  char   *folded;
  /* The bytes where a match may begin: the word's first byte in either
   * case, and the first bytes of characters that may fold to it; 0
   * stops too, at the end of the text. */
  guint8  stops[256];
};

/**
 * jln_fold_matcher_new:
 * @folded: a word folded by jln_fold(), not empty
 *
 * Finds @folded in texts as written, folding them on the way
 * (jln_fold_matcher_find()): searching tests every action on every
 * keystroke, and a folded copy of every text would stay in memory for
 * the next one.
 */
JlnFoldMatcher *
jln_fold_matcher_new (const char *folded)
{
  const FoldedPair *table = get_pair_table ();
  JlnFoldMatcher *self = g_new0 (JlnFoldMatcher, 1);
  guchar first = folded[0];

  self->folded = g_strdup (folded);
  self->stops['\0'] = 1;
  if (first >= 0x80)
    {
      /* Not an ASCII byte: every character is looked at. */
      for (guint c = 0xC0; c < 0x100; c++)
        self->stops[c] = 1;
      return self;
    }
  self->stops[first] = 1;
  self->stops[(guchar) g_ascii_toupper (first)] = 1;
  for (guint c = 0x80; c < 0x800; c++)
    if (memchr (table[c].bytes, first, table[c].len) != NULL)
      self->stops[0xC0 | (c >> 6)] = 1;
  /* Characters of three and four bytes fold without the table. */
  for (guint c = 0xE0; c < 0x100; c++)
    self->stops[c] = 1;
  /* Bytes that are not UTF-8 are skipped, as jln_fold() does. */
  self->stops[0xC0] = self->stops[0xC1] = 1;
  return self;
}

void
jln_fold_matcher_free (JlnFoldMatcher *self)
{
  g_free (self->folded);
  g_free (self);
}

const char *
jln_fold_matcher_get_folded (JlnFoldMatcher *self)
{
  return self->folded;
}

/**
 * jln_fold_matcher_find:
 * @text: (nullable): text as written
 *
 * Returns: whether jln_fold (@text) contains the matcher's word
 */
gboolean
jln_fold_matcher_find (const JlnFoldMatcher *self,
                       const char           *text)
{
  const FoldedPair *table = get_pair_table ();
  const guint8 *stops = self->stops;
  const char *folded = self->folded;
  guchar first = folded[0];
  const guchar *p = (const guchar *) text;
  const guchar *end;

  if (text == NULL)
    return FALSE;
  end = p + strlen (text);

  while (TRUE)
    {
      char buf[FOLD_CHAR_MAX];
      const char *start, *bytes;
      gsize len;

      /* Most bytes cannot begin a match: they are passed eight at a time. */
      while (p + 8 <= end &&
             (stops[p[0]] | stops[p[1]] | stops[p[2]] | stops[p[3]] |
              stops[p[4]] | stops[p[5]] | stops[p[6]] | stops[p[7]]) == 0)
        p += 8;
      while (!stops[*p])
        p++;
      if (*p == '\0')
        return FALSE;
      if (*p < 0x80)
        {
          if (fold_has_prefix (table, (const char *) p, 0, folded))
            return TRUE;
          p++;
          continue;
        }
      /* A word may begin inside the folded form of a character: "e" in
       * "œ", folded "oe". */
      start = (const char *) p;
      len = fold_char_fast (table, &start, buf, &bytes);
      for (gsize i = 0; i < len; i++)
        if ((guchar) bytes[i] == first && fold_has_prefix (table, (const char *) p, i, folded))
          return TRUE;
      p = (const guchar *) start;
    }
}

/* Whether jln_fold (@text) contains @folded, a word folded by jln_fold(). */
gboolean
jln_fold_contains (const char *text,
                   const char *folded)
{
  g_autoptr(JlnFoldMatcher) matcher = NULL;

  if (folded[0] == '\0')
    return TRUE;
  matcher = jln_fold_matcher_new (folded);
  return jln_fold_matcher_find (matcher, text);
}

char *
jln_fold (const char *text)
{
  GString *out = g_string_sized_new (text != NULL ? strlen (text) : 0);

  if (text != NULL)
    jln_fold_append (out, text);
  return g_string_free (out, FALSE);
}

#define FIRST_STRONG_ISOLATE   0x2068
#define POP_DIRECTIONAL_ISOLATE 0x2069

static gboolean
is_isolate_initiator (gunichar c)
{
  return c == 0x2066 || c == 0x2067 || c == FIRST_STRONG_ISOLATE;
}

/* What ends a paragraph for the bidirectional algorithm (class B):
 * isolates and overrides end there, so each paragraph is isolated. */
static gboolean
is_paragraph_separator (gunichar c)
{
  return c == '\n' || c == '\r' || (c >= 0x1C && c <= 0x1E) || c == 0x85 || c == 0x2029;
}

/* A character that can reorder a line of left-to-right text, or be
 * reordered in it: explicit directional formatting, and the blocks of
 * the scripts written from right to left (their unassigned points are
 * right-to-left too). */
static gboolean
may_reorder (gunichar c)
{
  return (c >= 0x0590 && c <= 0x08FF) ||   /* Hebrew to Arabic Extended-A */
         c == 0x061C || c == 0x200F ||     /* Arabic letter mark, right-to-left mark */
         (c >= 0x202A && c <= 0x202E) ||   /* embeddings and overrides */
         (c >= 0x2066 && c <= 0x2069) ||   /* isolates */
         (c >= 0xFB1D && c <= 0xFDFF) ||   /* Hebrew and Arabic presentation forms */
         (c >= 0xFE70 && c <= 0xFEFF) ||
         (c >= 0x10800 && c <= 0x10FFF) || /* historic right-to-left scripts */
         (c >= 0x1E800 && c <= 0x1EFFF);   /* Mende Kikakui, Adlam, Arabic letters */
}

/* Text of left-to-right letters, digits and punctuation cannot move
 * anything in a left-to-right line: it is shown as it is. */
static gboolean
needs_isolation (const char *text)
{
  if (g_unichar_ismark (g_utf8_get_char (text)))
    return TRUE;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      if ((guchar) *p < 0x80)
        continue;
      if (may_reorder (g_utf8_get_char (p)))
        return TRUE;
    }
  return FALSE;
}

/* Closes @depth isolates the text opened, then the run's own. */
static void
close_isolates (GString *out,
                guint    depth)
{
  for (guint i = 0; i <= depth; i++)
    g_string_append_unichar (out, POP_DIRECTIONAL_ISOLATE);
}

/**
 * jln_text_isolate:
 * @text: (nullable): plan text, to be shown among other text
 *
 * Plan text as one run of its own, for a label or a layout that
 * composes it with other text (“Action %s deleted”, “1.4 title”): each
 * paragraph of @text between FIRST STRONG ISOLATE and POP DIRECTIONAL
 * ISOLATE, so that its direction, and any override or embedding it
 * holds (U+202E), cannot reorder the text around it, and a combining
 * mark at its start cannot join the character before it. Isolates that
 * @text opens are closed at the end of their paragraph, and pops it has
 * no opening for are left out: the run ends where it should.
 *
 * Text that holds nothing written from right to left, no directional
 * formatting and no combining mark at its start cannot reorder a line of
 * the interface (French or English): it comes back as it is, so that
 * what most plans hold stays the same for screen readers and searches.
 *
 * Returns: (transfer full): the text to show, "" for %NULL
 */
char *
jln_text_isolate (const char *text)
{
  g_autofree char *valid = NULL;
  GString *out;
  guint depth = 0;

  if (text == NULL || text[0] == '\0')
    return g_strdup ("");
  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);
  if (!needs_isolation (text))
    return g_strdup (text);

  out = g_string_sized_new (strlen (text) + 8);
  g_string_append_unichar (out, FIRST_STRONG_ISOLATE);
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_paragraph_separator (c))
        {
          close_isolates (out, depth);
          depth = 0;
          g_string_append_unichar (out, c);
          g_string_append_unichar (out, FIRST_STRONG_ISOLATE);
          continue;
        }
      if (c == POP_DIRECTIONAL_ISOLATE)
        {
          if (depth == 0)
            continue;
          depth--;
        }
      else if (is_isolate_initiator (c))
        depth++;
      g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }
  close_isolates (out, depth);
  return g_string_free (out, FALSE);
}
