/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: any bytes as a plan file, opened read-only and for
 * editing through the SQLite reader. A file that opens is a plan whose
 * JSON export reads back; one that does not is refused with a message,
 * and opening read-only never changed its bytes. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gstdio.h>

#include "jln-document.h"
#include "jln-fuzz.h"
#include "jln-json.h"

static char *dir;

static void remove_beside (const char *path);

static void
remove_dir (void)
{
  g_autofree char *path = g_build_filename (dir, "fuzz.jalons", NULL);

  remove_beside (path);
  g_rmdir (dir);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  jln_fuzz_init ();
  dir = g_dir_make_tmp ("jalons-fuzz-plan-file-XXXXXX", NULL);
  g_assert_nonnull (dir);
  atexit (remove_dir);
  return 0;
}

static void
remove_beside (const char *path)
{
  static const char * const suffixes[] = { "", "-journal", "-wal", "-shm", ".v0.bak" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *side = g_strconcat (path, suffixes[i], NULL);

      g_remove (side);
    }
}

static void
check_opened (JlnDocument *document,
              GError      *error)
{
  g_autoptr(GBytes) written = NULL;
  g_autoptr(JlnPlan) again = NULL;
  g_autoptr(GError) local_error = NULL;

  if (document == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      return;
    }
  g_assert_no_error (error);
  written = jln_json_write_plan (jln_document_get_plan (document));
  again = jln_json_read_plan (g_bytes_get_data (written, NULL), g_bytes_get_size (written),
                              "written.json", &local_error);
  g_assert_no_error (local_error);
  g_assert_nonnull (again);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) rw_error = NULL;
  g_autoptr(JlnDocument) document = NULL;
  g_autoptr(JlnDocument) editable = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  if (dir == NULL)
    LLVMFuzzerInitialize (NULL, NULL);
  path = g_build_filename (dir, "fuzz.jalons", NULL);
  remove_beside (path);
  g_assert_true (g_file_set_contents (path, (const char *) data, size, NULL));
  before = g_compute_checksum_for_data (G_CHECKSUM_SHA256, data, size);

  document = jln_document_open_read_only (path, &error);
  check_opened (document, error);
  g_clear_object (&document);
  {
    g_autofree char *contents = NULL;
    gsize length;

    g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
    after = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (guchar *) contents, length);
    g_assert_cmpstr (before, ==, after);
  }

  editable = jln_document_open (path, &rw_error);
  check_opened (editable, rw_error);
  g_clear_object (&editable);
  remove_beside (path);
  return 0;
}
