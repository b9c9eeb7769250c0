/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include "jln-gettext.h"

#include "jln-i18n.h"
#include "jln-semester.h"

/* The French catalogue, read from the compiled .mo file of the folder
 * GETTEXT_PACKAGE is bound to. A .mo file holds a table of original
 * strings, sorted, and a table of their translations, each entry a
 * length and an offset (GNU gettext's format). */
typedef struct
{
  GMappedFile *file;
  const char  *data;
  gsize        size;
  gboolean     swapped;
  guint32      n;
  guint32      originals;
  guint32      translations;
} Catalogue;

static guint32
read_u32 (const Catalogue *cat,
          gsize            offset)
{
  guint32 value;

  memcpy (&value, cat->data + offset, sizeof value);
  return cat->swapped ? GUINT32_SWAP_LE_BE (value) : value;
}

/* The string of entry @i of the table at @table, or NULL when the file
 * is damaged. @length is set to its length (plurals hold NULs). */
static const char *
entry (const Catalogue *cat,
       guint32          table,
       guint32          i,
       guint32         *length)
{
  gsize at = (gsize) table + (gsize) i * 8;
  guint32 len, offset;

  if (at + 8 > cat->size)
    return NULL;
  len = read_u32 (cat, at);
  offset = read_u32 (cat, at + 4);
  if ((gsize) offset + len >= cat->size || cat->data[offset + len] != '\0')
    return NULL;
  *length = len;
  return cat->data + offset;
}

static Catalogue *
load_french (void)
{
  const char *dir = bindtextdomain (GETTEXT_PACKAGE, NULL);
  g_autofree char *path = NULL;
  Catalogue *cat = g_new0 (Catalogue, 1);
  guint32 magic;

  if (dir == NULL)
    return cat;
  path = g_build_filename (dir, "fr", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  cat->file = g_mapped_file_new (path, FALSE, NULL);
  if (cat->file == NULL)
    return cat;
  cat->data = g_mapped_file_get_contents (cat->file);
  cat->size = g_mapped_file_get_length (cat->file);
  if (cat->size < 28)
    goto damaged;
  memcpy (&magic, cat->data, sizeof magic);
  if (magic == 0xde120495)
    cat->swapped = TRUE;
  else if (magic != 0x950412de)
    goto damaged;
  cat->n = read_u32 (cat, 8);
  cat->originals = read_u32 (cat, 12);
  cat->translations = read_u32 (cat, 16);
  return cat;

damaged:
  g_warning ("%s: not a message catalogue", path);
  cat->n = 0;
  return cat;
}

static const Catalogue *
get_french (void)
{
  static gsize loaded;
  static Catalogue *french;

  if (g_once_init_enter (&loaded))
    {
      french = load_french ();
      g_once_init_leave (&loaded, 1);
    }
  return french;
}

/* The translation of @key (for plurals, the singular), with its length,
 * or NULL. The originals are sorted: a binary search finds it. */
static const char *
lookup (const char *key,
        guint32    *length)
{
  const Catalogue *cat = get_french ();
  guint32 low = 0, high = cat->n;

  while (low < high)
    {
      guint32 mid = low + (high - low) / 2, len;
      const char *original = entry (cat, cat->originals, mid, &len);
      int cmp;

      if (original == NULL)
        return NULL;
      cmp = strcmp (key, original);
      if (cmp == 0)
        {
          const char *translation = entry (cat, cat->translations, mid, length);

          return translation != NULL && *length > 0 ? translation : NULL;
        }
      if (cmp < 0)
        high = mid;
      else
        low = mid + 1;
    }
  return NULL;
}

const char *
jln_translate (JlnLang     lang,
               const char *msgid)
{
  const char *translation;
  guint32 length;

  g_return_val_if_fail (msgid != NULL, NULL);
  if (lang != JLN_LANG_FR)
    return msgid;
  translation = lookup (msgid, &length);
  return translation != NULL ? translation : msgid;
}

const char *
jln_translate_context (JlnLang     lang,
                       const char *context,
                       const char *msgid)
{
  g_autofree char *key = NULL;
  const char *translation;
  guint32 length;

  g_return_val_if_fail (context != NULL && msgid != NULL, NULL);
  if (lang != JLN_LANG_FR)
    return msgid;
  /* gettext keys a message with a context as CONTEXT EOT MSGID. */
  key = g_strconcat (context, "\004", msgid, NULL);
  translation = lookup (key, &length);
  return translation != NULL ? translation : msgid;
}

const char *
jln_translate_plural (JlnLang     lang,
                      const char *singular,
                      const char *plural,
                      gulong      n)
{
  const char *translation;
  guint32 length;

  if (lang != JLN_LANG_FR)
    return n == 1 ? singular : plural;
  translation = lookup (singular, &length);
  if (translation == NULL)
    return n > 1 ? plural : singular;
  /* French: "Plural-Forms: nplurals=2; plural=(n > 1);" */
  if (n > 1)
    {
      gsize first = strlen (translation);

      if (first < length)
        return translation + first + 1;
    }
  return translation;
}

/* C_(): the translation of CONTEXT EOT MSGID, or MSGID, which starts at
 * @msgid_offset. See jln-gettext.h for why not g_dpgettext(). */
const char *
jln_pgettext (const char *context_id,
              gsize       msgid_offset)
{
  const char *translation = dgettext (GETTEXT_PACKAGE, context_id);

  return translation == context_id ? context_id + msgid_offset : translation;
}

const char *
jln_pgettext2 (const char *context,
               const char *msgid)
{
  gsize context_len = strlen (context) + 1;
  gsize msgid_len = strlen (msgid) + 1;
  char *key = g_alloca (context_len + msgid_len);
  const char *translation;

  memcpy (key, context, context_len - 1);
  key[context_len - 1] = '\004';
  memcpy (key + context_len, msgid, msgid_len);
  translation = dgettext (GETTEXT_PACKAGE, key);
  return translation == key ? msgid : translation;
}

static const char * const months[12] = {
  NC_("month", "Jan"), NC_("month", "Feb"), NC_("month", "Mar"), NC_("month", "Apr"),
  NC_("month", "May"), NC_("month", "Jun"), NC_("month", "Jul"), NC_("month", "Aug"),
  NC_("month", "Sep"), NC_("month", "Oct"), NC_("month", "Nov"), NC_("month", "Dec"),
};

char *
jln_format_date (const char *iso,
                 JlnLang     lang)
{
  int year, month, day;
  const char *month_name;

  g_return_val_if_fail (iso != NULL, NULL);
  if (!jln_date_parse (iso, &year, &month, &day) || month == 0)
    return g_strdup (iso);

  month_name = jln_translate_context (lang, "month", months[month - 1]);
  if (day == 0)
    return g_strdup_printf ("%s %d", month_name, year);
  return g_strdup_printf ("%d %s %d", day, month_name, year);
}

char *
jln_format_date_time (GDateTime *date,
                      JlnLang    lang)
{
  g_autofree char *iso = NULL;

  g_return_val_if_fail (date != NULL, NULL);
  iso = g_date_time_format (date, "%Y-%m-%d");
  return jln_format_date (iso, lang);
}

const char *
jln_status_get_label_in (JlnStatus status,
                         JlnLang   lang)
{
  const char *msgid = jln_status_get_msgid (status);

  g_return_val_if_fail (msgid != NULL, NULL);
  return jln_translate_context (lang, "status", msgid);
}
