/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: any bytes as a table (HTML when they start with "<",
 * CSV or TSV otherwise) read into a plan. A table that reads makes a plan
 * or is refused with a message; the report is valid UTF-8 with no control
 * character, whatever the cells held. */
#include "config.h"

#include <string.h>

#include "jln-fuzz.h"
#include "jln-import.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  jln_fuzz_init ();
  return 0;
}

static void
check_text (const char *text)
{
  g_assert_true (g_utf8_validate (text, -1, NULL));
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      g_assert_true (c >= 0x20 && c != 0x7F && (c < 0x80 || c >= 0xA0));
    }
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) tables = NULL;
  g_autoptr(JlnPlan) plan = NULL;
  g_autoptr(JlnImportReport) report = NULL;
  /* A copy of exactly @size bytes, so that reading past the end is caught. */
  g_autofree char *copy = g_memdup2 (data, size);

  if (size > 0 && data[0] == '<')
    tables = jln_table_read_html (copy, size, "fuzz.html", &error);
  else
    tables = jln_table_read_text (copy, size, "fuzz.csv", '\0', &error);
  if (tables == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }

  plan = jln_import_read_tables (tables, "fuzz.csv", NULL, &report, &error);
  if (plan == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }
  for (guint i = 0; i < jln_import_report_get_lines (report)->len; i++)
    {
      JlnImportLine *line = g_ptr_array_index (jln_import_report_get_lines (report), i);

      check_text (line->read);
      check_text (line->made);
    }
  return 0;
}
