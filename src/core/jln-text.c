/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "jln-text.h"

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

/* Search folds case and accents: "Égalité" and "egalite" are the same
 * word. ASCII, which is most of any text, takes the fast path. */
void
jln_fold_append (GString    *out,
                 const char *text)
{
  const char *p = text;

  while (*p != '\0')
    {
      guchar c = *p;
      gunichar uc, decomposed[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
      gsize n;

      if (c < 0x80)
        {
          g_string_append_c (out, g_ascii_tolower (c));
          p++;
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
        case 0x0152: case 0x0153:   /* Œ œ */
          g_string_append (out, "oe");
          continue;
        case 0x00C6: case 0x00E6:   /* Æ æ */
          g_string_append (out, "ae");
          continue;
        case 0x00DF:                /* ß */
          g_string_append (out, "ss");
          continue;
        case 0x00A0: case 0x202F:   /* no-break spaces */
          g_string_append_c (out, ' ');
          continue;
        case 0x2019: case 0x2018:   /* typographic apostrophes */
          g_string_append_c (out, '\'');
          continue;
        default:
          break;
        }

      n = g_unichar_fully_decompose (uc, FALSE, decomposed, G_N_ELEMENTS (decomposed));
      for (gsize i = 0; i < n; i++)
        {
          if (g_unichar_ismark (decomposed[i]))
            continue;
          g_string_append_unichar (out, g_unichar_tolower (decomposed[i]));
        }
    }
}

char *
jln_fold (const char *text)
{
  GString *out = g_string_sized_new (text != NULL ? strlen (text) : 0);

  if (text != NULL)
    jln_fold_append (out, text);
  return g_string_free (out, FALSE);
}
