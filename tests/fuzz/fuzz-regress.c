/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Runs a fuzz target, built without libFuzzer, over the inputs that once
 * made it crash and over its seed corpus: one GTest case per file, so
 * that what the fuzzer found stays fixed in every build. */
#include "config.h"

#include <string.h>

#include "jln-fuzz.h"

static void
run_file_cb (gconstpointer data)
{
  const char *path = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  LLVMFuzzerTestOneInput ((const guint8 *) contents, length);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

static void
add_dir (const char *kind,
         const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) handle = g_dir_open (dir, 0, &error);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_no_error (error);
  while ((name = g_dir_read_name (handle)) != NULL)
    if (name[0] != '.')
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      const char *file = g_ptr_array_index (names, i);
      g_autofree char *test_path = g_strdup_printf ("/fuzz/%s/%s/%s", FUZZ_TARGET, kind, file);

      g_test_add_data_func_full (test_path, g_build_filename (dir, file, NULL),
                                 run_file_cb, g_free);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  LLVMFuzzerInitialize (&argc, &argv);

  add_dir ("regressions", FUZZ_REGRESSIONS);
  add_dir ("corpus", FUZZ_CORPUS);
  return g_test_run ();
}
