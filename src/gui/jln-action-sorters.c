/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "jln-action.h"
#include "jln-action-sorters.h"
#include "jln-record-text.h"

/* The sorters of the action list's columns. The row model applies them
 * among siblings: actions within their objective, sub-items within their
 * action. */

struct _JlnActionSortKeys
{
  GHashTable *keys;               /* JlnRecord → collation key */
  JlnLang     content_language;
};

JlnActionSortKeys *
jln_action_sort_keys_new (void)
{
  JlnActionSortKeys *keys = g_new0 (JlnActionSortKeys, 1);

  keys->keys = g_hash_table_new_full (NULL, NULL, g_object_unref, g_free);
  keys->content_language = JLN_LANG_FR;
  return keys;
}

void
jln_action_sort_keys_free (JlnActionSortKeys *keys)
{
  if (keys == NULL)
    return;
  g_hash_table_unref (keys->keys);
  g_free (keys);
}

/* Keys are made again for each sort, as titles and the content language
 * change. */
void
jln_action_sort_keys_clear (JlnActionSortKeys *keys,
                            JlnLang            content_language)
{
  g_return_if_fail (keys != NULL);
  g_hash_table_remove_all (keys->keys);
  keys->content_language = content_language;
}

/* "1.2" < "1.10": runs of digits compare as numbers. */
static int
compare_natural (const char *a,
                 const char *b)
{
  if (a == NULL || b == NULL)
    return (a != NULL) - (b != NULL);

  while (*a != '\0' && *b != '\0')
    {
      if (g_ascii_isdigit (*a) && g_ascii_isdigit (*b))
        {
          const char *end_a, *end_b;
          int cmp;

          while (*a == '0' && g_ascii_isdigit (a[1]))
            a++;
          while (*b == '0' && g_ascii_isdigit (b[1]))
            b++;
          for (end_a = a; g_ascii_isdigit (*end_a); end_a++)
            ;
          for (end_b = b; g_ascii_isdigit (*end_b); end_b++)
            ;
          if (end_a - a != end_b - b)
            return end_a - a < end_b - b ? -1 : 1;
          cmp = strncmp (a, b, end_a - a);
          if (cmp != 0)
            return cmp < 0 ? -1 : 1;
          a = end_a;
          b = end_b;
        }
      else
        {
          char ca = g_ascii_tolower (*a);
          char cb = g_ascii_tolower (*b);

          if (ca != cb)
            return (guchar) ca < (guchar) cb ? -1 : 1;
          a++;
          b++;
        }
    }
  return (*a != '\0') - (*b != '\0');
}

static int
compare_numbers_cb (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  return compare_natural (jln_record_get_number ((JlnRecord *) a),
                          jln_record_get_number ((JlnRecord *) b));
}

static int
status_key (JlnRecord *record)
{
  JlnStatus status;

  return jln_record_get_status (record, &status) ? (int) status : -1;
}

/* Undated rows sort last. */
static guint
due_key (JlnRecord *record)
{
  JlnSemester due = jln_record_get_due (record);

  if (due == JLN_SEMESTER_NONE && JLN_IS_ACTION (record))
    due = jln_action_get_next (JLN_ACTION (record));
  return due != JLN_SEMESTER_NONE ? due : G_MAXUINT;
}

static guint
completion_key (JlnRecord *record)
{
  const JlnCompletion *completion = jln_record_get_completion (record);

  if (completion == NULL || !jln_completion_is_set (completion))
    return G_MAXUINT;
  return jln_completion_get_first (completion);
}

/* Numeric keys are compared by calling their function directly: an
 * expression's closure costs more than the comparison. */
static int
compare_status_cb (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  int key_a = status_key ((JlnRecord *) a);
  int key_b = status_key ((JlnRecord *) b);

  return (key_a > key_b) - (key_a < key_b);
}

static int
compare_completion_cb (gconstpointer a,
                       gconstpointer b,
                       gpointer      user_data)
{
  guint key_a = completion_key ((JlnRecord *) a);
  guint key_b = completion_key ((JlnRecord *) b);

  return (key_a > key_b) - (key_a < key_b);
}

static int
compare_due_cb (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  guint key_a = due_key ((JlnRecord *) a);
  guint key_b = due_key ((JlnRecord *) b);

  return (key_a > key_b) - (key_a < key_b);
}

/* A string sorter folds and collates both strings on every comparison,
 * and GtkColumnViewSorter has no keys that a sort could keep: on a large
 * plan, sorting by title took seconds. The keys of a sort are kept until
 * it is done. */
static const char *
lookup_key (JlnActionSortKeys *keys,
            JlnRecord         *record,
            JlnActionColumn    column)
{
  char *key = g_hash_table_lookup (keys->keys, record);

  if (key == NULL)
    {
      gboolean is_fallback;
      g_autofree char *text = column == JLN_ACTION_COLUMN_TITLE
                              ? g_strdup (jln_record_get_title_text (record,
                                                                     keys->content_language,
                                                                     &is_fallback))
                              : jln_record_dup_units_text (record);
      g_autofree char *folded = g_utf8_casefold (text, -1);

      key = g_utf8_collate_key (folded, -1);
      g_hash_table_insert (keys->keys, g_object_ref (record), key);
    }
  return key;
}

static int
compare_keys (JlnActionSortKeys *keys,
              JlnRecord         *a,
              JlnRecord         *b,
              JlnActionColumn    column)
{
  int cmp = strcmp (lookup_key (keys, a, column), lookup_key (keys, b, column));

  return (cmp > 0) - (cmp < 0);
}

static int
compare_titles_cb (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  return compare_keys (user_data, (JlnRecord *) a, (JlnRecord *) b, JLN_ACTION_COLUMN_TITLE);
}

static int
compare_units_cb (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  return compare_keys (user_data, (JlnRecord *) a, (JlnRecord *) b, JLN_ACTION_COLUMN_UNITS);
}

/**
 * jln_action_sorter_new:
 * @column: the column the sorter sorts by
 * @keys: (transfer none): the list's keys, which must outlive the sorter;
 *   used by the title and units sorters
 *
 * Returns: (transfer full): a sorter of #JlnRecord
 */
GtkSorter *
jln_action_sorter_new (JlnActionColumn    column,
                       JlnActionSortKeys *keys)
{
  GCompareDataFunc compare = NULL;

  switch (column)
    {
    case JLN_ACTION_COLUMN_NUMBER:
      compare = compare_numbers_cb;
      break;
    case JLN_ACTION_COLUMN_TITLE:
      compare = compare_titles_cb;
      break;
    case JLN_ACTION_COLUMN_STATUS:
      compare = compare_status_cb;
      break;
    case JLN_ACTION_COLUMN_COMPLETION:
      compare = compare_completion_cb;
      break;
    case JLN_ACTION_COLUMN_DUE:
      compare = compare_due_cb;
      break;
    case JLN_ACTION_COLUMN_UNITS:
      compare = compare_units_cb;
      break;
    case JLN_N_ACTION_COLUMNS:
    default:
      g_return_val_if_reached (NULL);
    }
  return GTK_SORTER (gtk_custom_sorter_new (compare, keys, NULL));
}
