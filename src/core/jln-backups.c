/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>

#include "jln-backups.h"

G_DEFINE_BOXED_TYPE (JlnBackup, jln_backup, jln_backup_copy, jln_backup_free)

#define BACKUP_SUFFIX ".jalons"

JlnBackup *
jln_backup_copy (const JlnBackup *self)
{
  JlnBackup *copy = g_new0 (JlnBackup, 1);

  copy->date = g_strdup (self->date);
  copy->path = g_strdup (self->path);
  copy->size = self->size;
  return copy;
}

void
jln_backup_free (JlnBackup *self)
{
  if (self == NULL)
    return;
  g_free (self->date);
  g_free (self->path);
  g_free (self);
}

/**
 * jln_backup_dup_date:
 *
 * Returns: (transfer full) (nullable): the day of the backup, at midnight local time
 */
GDateTime *
jln_backup_dup_date (const JlnBackup *self)
{
  int year, month, day;

  if (sscanf (self->date, "%4d-%2d-%2d", &year, &month, &day) != 3)
    return NULL;
  return g_date_time_new_local (year, month, day, 0, 0, 0);
}

static gboolean
is_backup_name (const char *name)
{
  int year, month, day;
  char rest[16] = "";

  return strlen (name) == strlen ("YYYY-MM-DD" BACKUP_SUFFIX) &&
         sscanf (name, "%4d-%2d-%2d%15s", &year, &month, &day, rest) == 4 &&
         strcmp (rest, BACKUP_SUFFIX) == 0 &&
         g_date_valid_dmy (day, month, year);
}

/**
 * jln_backups_get_dir:
 *
 * The folder of @document's backups: the plan's file name and a digest
 * of its id, so that two plans of the same name keep their backups
 * apart. Nothing read from the file becomes part of a path: the digest
 * is hexadecimal whatever the id holds.
 *
 * Returns: (transfer full): a path
 */
char *
jln_backups_get_dir (JlnDocument *document)
{
  g_autofree char *base = NULL;
  g_autofree char *digest = NULL;
  g_autofree char *name = NULL;
  g_autofree char *dir = NULL;
  const char *id;
  JlnPlan *plan;

  g_return_val_if_fail (JLN_IS_DOCUMENT (document), NULL);

  plan = jln_document_get_plan (document);
  id = jln_record_get_id (JLN_RECORD (plan));
  base = g_path_get_basename (jln_document_get_path (document));
  digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, id, -1);
  digest[32] = '\0';
  name = g_strdup_printf ("%s-%s", base, digest);
  dir = g_build_filename (g_get_user_data_dir (), "jalons", "backups", name, NULL);

  /* Earlier versions named the folder after the id itself. */
  if (jln_id_is_valid (id) && !g_file_test (dir, G_FILE_TEST_EXISTS))
    {
      g_autofree char *old_name = g_strdup_printf ("%s-%s", base, id);
      g_autofree char *old_dir = g_build_filename (g_get_user_data_dir (), "jalons", "backups",
                                                   old_name, NULL);

      if (g_file_test (old_dir, G_FILE_TEST_IS_DIR) && !g_file_test (old_dir, G_FILE_TEST_IS_SYMLINK))
        g_rename (old_dir, dir);
    }
  return g_steal_pointer (&dir);
}

static int
compare_backups_newest_first (gconstpointer a,
                              gconstpointer b)
{
  const JlnBackup *backup_a = *(JlnBackup **) a, *backup_b = *(JlnBackup **) b;

  return -strcmp (backup_a->date, backup_b->date);
}

static GPtrArray *
list_dir (const char *dir_path)
{
  GPtrArray *backups = g_ptr_array_new_with_free_func ((GDestroyNotify) jln_backup_free);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      JlnBackup *backup;
      GStatBuf buf;

      if (!is_backup_name (name))
        continue;
      backup = g_new0 (JlnBackup, 1);
      backup->date = g_strndup (name, strlen ("YYYY-MM-DD"));
      backup->path = g_build_filename (dir_path, name, NULL);
      backup->size = g_stat (backup->path, &buf) == 0 ? (goffset) buf.st_size : 0;
      g_ptr_array_add (backups, backup);
    }
  g_ptr_array_sort (backups, compare_backups_newest_first);
  return backups;
}

/**
 * jln_backups_list:
 *
 * Returns: (transfer full) (element-type JlnBackup): @document's
 *   backups, newest first
 */
GPtrArray *
jln_backups_list (JlnDocument *document)
{
  g_autofree char *dir = NULL;

  g_return_val_if_fail (JLN_IS_DOCUMENT (document), NULL);

  dir = jln_backups_get_dir (document);
  return list_dir (dir);
}

/**
 * jln_backups_make_daily:
 * @today: (nullable): the day as YYYY-MM-DD, %NULL for today in local time
 *
 * Copies the plan into its backups folder unless a copy of @today is
 * already there, then removes the oldest copies beyond JLN_BACKUPS_KEEP.
 */
gboolean
jln_backups_make_daily (JlnDocument  *document,
                        const char   *today,
                        GError      **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *date = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) backups = NULL;

  g_return_val_if_fail (JLN_IS_DOCUMENT (document), FALSE);

  if (today != NULL)
    date = g_strdup (today);
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      date = g_date_time_format (now, "%Y-%m-%d");
    }

  dir = jln_backups_get_dir (document);
  name = g_strconcat (date, BACKUP_SUFFIX, NULL);
  g_return_val_if_fail (is_backup_name (name), FALSE);
  path = g_build_filename (dir, name, NULL);
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return TRUE;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "%s: %s", dir, g_strerror (saved_errno));
      return FALSE;
    }

  /* The copy is written under another name and renamed once complete. */
  if (!jln_document_save_copy (document, path, error))
    return FALSE;

  backups = list_dir (dir);
  for (guint i = JLN_BACKUPS_KEEP; i < backups->len; i++)
    {
      JlnBackup *backup = g_ptr_array_index (backups, i);

      g_remove (backup->path);
    }
  return TRUE;
}
