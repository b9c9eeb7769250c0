/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "jln-test-utils.h"

/* The SHA-256 of a file's bytes, to tell that a file was left as it was. */
char *
jln_test_checksum_file (const char *path)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (guchar *) contents, length);
}

void
jln_test_copy_file (const char *from,
                    const char *to)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_file_get_contents (from, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (to, contents, length, &error);
  g_assert_no_error (error);
}

/* Deletes @path and everything under it; FALSE if anything stayed. */
gboolean
jln_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;
  gboolean removed = TRUE;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        removed &= jln_test_remove_tree (child);
      else
        removed &= g_remove (child) == 0;
    }
  return g_rmdir (path) == 0 && removed;
}

/* Imports the JSON plan at @json_path into a new plan.jalons, in a new
 * temporary directory made from @dir_template; @dir and @path are set
 * to the directory and the file, which jln_test_clear_plan_dir() deletes. */
JlnDocument *
jln_test_import_plan (const char  *json_path,
                      const char  *dir_template,
                      char       **dir,
                      char       **path)
{
  g_autoptr(GError) error = NULL;
  JlnDocument *document;

  *dir = g_dir_make_tmp (dir_template, &error);
  g_assert_no_error (error);
  *path = g_build_filename (*dir, "plan.jalons", NULL);
  document = jln_document_import (json_path, *path, &error);
  g_assert_no_error (error);
  return document;
}

/* Deletes what jln_test_import_plan() made, and frees @dir and @path. */
void
jln_test_clear_plan_dir (char **dir,
                         char **path)
{
  jln_test_remove_tree (*dir);
  g_clear_pointer (dir, g_free);
  g_clear_pointer (path, g_free);
}

/* The record of @records whose @field reads @value, or NULL; @records
 * holds the reference. */
JlnRecord *
jln_test_find_record (GListModel *records,
                      const char *field,
                      const char *value)
{
  for (guint i = 0; i < g_list_model_get_n_items (records); i++)
    {
      g_autoptr(JlnRecord) record = g_list_model_get_item (records, i);
      g_autofree char *text = jln_record_dup_field (record, field);

      if (g_strcmp0 (text, value) == 0)
        return record;
    }
  return NULL;
}

/* The action numbered @number, or NULL; the plan holds the reference. */
JlnRecord *
jln_test_find_action (JlnDocument *document,
                      const char  *number)
{
  GListModel *objectives = jln_plan_get_objectives (jln_document_get_plan (document));
  JlnRecord *action = NULL;

  for (guint i = 0; action == NULL && i < g_list_model_get_n_items (objectives); i++)
    {
      g_autoptr(JlnObjective) objective = g_list_model_get_item (objectives, i);

      action = jln_test_find_record (jln_objective_get_actions (objective), "number", number);
    }
  return action;
}

/* The objective numbered @number, or NULL; the plan holds the reference. */
JlnRecord *
jln_test_find_objective (JlnDocument *document,
                         const char  *number)
{
  GListModel *objectives = jln_plan_get_objectives (jln_document_get_plan (document));

  return jln_test_find_record (objectives, "number", number);
}

/* Applies @edit, which it takes, and asserts that it succeeded. */
void
jln_test_apply (JlnDocument *document,
                JlnEdit     *edit)
{
  g_autoptr(JlnEdit) owned = edit;
  g_autoptr(GError) error = NULL;

  g_assert_true (jln_document_apply (document, owned, &error));
  g_assert_no_error (error);
}

/* Sets @field of the action numbered @number to @value. */
void
jln_test_set_field (JlnDocument *document,
                    const char  *number,
                    const char  *field,
                    const char  *value)
{
  JlnRecord *action = jln_test_find_action (document, number);

  g_assert_nonnull (action);
  jln_test_apply (document, jln_edit_new_set (action, field, value));
}

/* A moment strictly between what came before and what comes after. */
GDateTime *
jln_test_now_between (void)
{
  GDateTime *now;

  g_usleep (2000);
  now = g_date_time_new_now_utc ();
  g_usleep (2000);
  return now;
}

/**
 * jln_test_set_language:
 * @language: a value of LANGUAGE, such as "fr" or "en"
 *
 * Shows the interface in @language from now on, as a program started
 * with LANGUAGE=@language would. Setting the variable alone is not
 * enough: gettext keeps the translations it has looked up, so strings
 * seen in one language would keep it in the next (telling it the
 * default domain again is how it is told that the environment changed).
 */
void
jln_test_set_language (const char *language)
{
  g_setenv ("LANGUAGE", language, TRUE);
  textdomain (textdomain (NULL));
}
