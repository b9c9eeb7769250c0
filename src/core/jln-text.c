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

/* Whether the folded text from @p on begins with @folded, @skip bytes of
 * the folded form of its first character left out. */
static gboolean
fold_has_prefix (const char *p,
                 gsize       skip,
                 const char *folded)
{
  const char *q = folded;

  while (*q != '\0')
    {
      char buf[FOLD_CHAR_MAX];
      gsize len;

      if (*p == '\0')
        return FALSE;
      if ((guchar) *p < 0x80)
        {
          if (g_ascii_tolower (*p) != *q)
            return FALSE;
          p++;
          q++;
          skip = 0;
          continue;
        }
      len = fold_char (&p, buf);
      for (gsize i = skip; i < len && *q != '\0'; i++, q++)
        if (buf[i] != *q)
          return FALSE;
      skip = 0;
    }
  return TRUE;
}

/**
 * jln_fold_contains:
 * @text: (nullable): text as written
 * @folded: a word folded by jln_fold(), not empty
 *
 * Whether jln_fold (@text) contains @folded, without folding @text into
 * a copy: searching tests every action on every keystroke, and a folded
 * copy of every text would stay in memory for the next one.
 */
gboolean
jln_fold_contains (const char *text,
                   const char *folded)
{
  guchar first = folded[0];
  guchar upper = g_ascii_toupper (first);

  if (text == NULL)
    return FALSE;
  if (first == '\0')
    return TRUE;

  for (const char *p = text; *p != '\0';)
    {
      guchar c = *p;
      char buf[FOLD_CHAR_MAX];
      const char *start;
      gsize len;

      if (c < 0x80)
        {
          if ((c == first || c == upper) && fold_has_prefix (p, 0, folded))
            return TRUE;
          p++;
          continue;
        }
      /* A word may begin inside the folded form of a character: "e" in
       * "œ", folded "oe". */
      start = p;
      len = fold_char (&p, buf);
      for (gsize i = 0; i < len; i++)
        if ((guchar) buf[i] == first && fold_has_prefix (start, i, folded))
          return TRUE;
    }
  return FALSE;
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
