/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: jln_json_read_plan() on any bytes. A plan that reads
 * must also write, and what it writes must read back and write again to
 * the same bytes (the export is canonical). */
#include "config.h"

#include <string.h>

#include "jln-fuzz.h"
#include "jln-json.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  jln_fuzz_init ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JlnPlan) plan = NULL;
  g_autoptr(JlnPlan) again = NULL;
  g_autoptr(GBytes) written = NULL;
  g_autoptr(GBytes) rewritten = NULL;
  /* A copy of exactly @size bytes, so that reading past the end is caught. */
  g_autofree char *copy = g_memdup2 (data, size);

  plan = jln_json_read_plan (copy, size, "fuzz.json", &error);
  if (plan == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }
  g_assert_no_error (error);

  written = jln_json_write_plan (plan);
  again = jln_json_read_plan (g_bytes_get_data (written, NULL), g_bytes_get_size (written),
                              "written.json", &error);
  g_assert_no_error (error);
  g_assert_nonnull (again);
  rewritten = jln_json_write_plan (again);
  g_assert_true (g_bytes_equal (written, rewritten));
  return 0;
}
