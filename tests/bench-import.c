/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <glib/gstdio.h>
#include <gsf/gsf.h>

#include "jln-import.h"

/* meson test --benchmark: importing a generated 100 000-row table, as CSV
 * and as XLSX, into a new plan file. Each import runs in a process of its
 * own, so that its peak memory is its own. Targets: 3 s and 300 MB. */

#define N_OBJECTIVES 100
#define N_ACTIONS    1000

static const char * const header[] = {
  "Objectifs", "N°", "Comment ?", "Réalisé Quand ?", "A faire Quand ?", "Qui ?",
};

static void
row_cells (guint        objective,
           guint        action,
           char        *cells[6])
{
  cells[0] = action == 1 ? g_strdup_printf ("%u. Objectif numéro %u", objective, objective) : g_strdup ("");
  cells[1] = g_strdup_printf ("%u.%u.", objective, action);
  if (action % 10 == 0)
    cells[2] = g_strdup_printf ("Mettre en place l’action %u de l’objectif %u :\n"
                                "a. informer les équipes\nb. former les référents", action, objective);
  else
    cells[2] = g_strdup_printf ("Mettre en place l’action %u de l’objectif %u afin d’améliorer "
                                "les conditions d’accueil des chercheurs", action, objective);
  cells[3] = g_strdup (action % 3 == 0 ? "2019" : action % 3 == 1 ? "En cours" : "");
  cells[4] = g_strdup (action % 3 == 0 ? "" : action % 2 ? "2 nd sem. 2023" : "Q3 2024");
  cells[5] = g_strdup (action % 4 == 0 ? "RH, DISC" : action % 4 == 1 ? "RH" : "Délégations régionales (RH)");
}

static void
append_csv_field (GString    *out,
                  const char *text,
                  gboolean    last)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append (out, last ? "\"\r\n" : "\";");
}

static void
write_csv (const char *path)
{
  GString *out = g_string_new ("\xef\xbb\xbf");
  g_autoptr(GError) error = NULL;

  for (guint c = 0; c < 6; c++)
    append_csv_field (out, header[c], c == 5);
  for (guint o = 1; o <= N_OBJECTIVES; o++)
    for (guint a = 1; a <= N_ACTIONS; a++)
      {
        char *cells[6];

        row_cells (o, a, cells);
        for (guint c = 0; c < 6; c++)
          {
            append_csv_field (out, cells[c], c == 5);
            g_free (cells[c]);
          }
      }
  if (!g_file_set_contents (path, out->str, out->len, &error))
    g_error ("%s", error->message);
  g_string_free (out, TRUE);
}

static void
put (GsfOutfile *zip,
     const char *name,
     const char *text,
     gssize      length)
{
  GsfOutput *child = gsf_outfile_new_child_full (zip, name, FALSE, "compression-level", GSF_ZIP_DEFLATED, NULL);

  gsf_output_write (child, length < 0 ? strlen (text) : (gsize) length, (const guint8 *) text);
  gsf_output_close (child);
  g_object_unref (child);
}

static void
append_xml_text (GString    *out,
                 const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  g_string_append (out, escaped);
}

static void
write_xlsx (const char *path)
{
  g_autoptr(GError) error = NULL;
  GsfOutput *file = gsf_output_stdio_new (path, &error);
  GsfOutfile *zip;
  GsfOutfile *xl, *rels, *worksheets;
  GString *sheet = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<worksheet xmlns=\""
                                 "http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
  guint row = 0;
  static const char columns[] = "ABCDEF";

  if (file == NULL)
    g_error ("%s", error->message);
  zip = gsf_outfile_zip_new (file, &error);
  if (zip == NULL)
    g_error ("%s", error->message);

  for (guint o = 0; o <= N_OBJECTIVES; o++)
    for (guint a = o == 0 ? 0 : 1; a <= (o == 0 ? 0 : N_ACTIONS); a++)
      {
        char *cells[6];

        row++;
        if (o == 0)
          for (guint c = 0; c < 6; c++)
            cells[c] = g_strdup (header[c]);
        else
          row_cells (o, a, cells);
        g_string_append_printf (sheet, "<row r=\"%u\">", row);
        for (guint c = 0; c < 6; c++)
          {
            if (cells[c][0] != '\0')
              {
                g_string_append_printf (sheet, "<c r=\"%c%u\" t=\"inlineStr\"><is><t>", columns[c], row);
                append_xml_text (sheet, cells[c]);
                g_string_append (sheet, "</t></is></c>");
              }
            g_free (cells[c]);
          }
        g_string_append (sheet, "</row>");
      }
  g_string_append (sheet, "</sheetData></worksheet>");

  xl = GSF_OUTFILE (gsf_outfile_new_child (zip, "xl", TRUE));
  put (xl, "workbook.xml",
       "<?xml version=\"1.0\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
       "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
       "<sheet name=\"Plan\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>", -1);
  rels = GSF_OUTFILE (gsf_outfile_new_child (xl, "_rels", TRUE));
  {
    static const char text[] = "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/"
                               "package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas."
                               "openxmlformats.org/officeDocument/2006/relationships/worksheet\" "
                               "Target=\"worksheets/sheet1.xml\"/></Relationships>";

    put (rels, "workbook.xml.rels", text, sizeof text - 1);
  }
  gsf_output_close (GSF_OUTPUT (rels));
  g_object_unref (rels);
  worksheets = GSF_OUTFILE (gsf_outfile_new_child (xl, "worksheets", TRUE));
  put (worksheets, "sheet1.xml", sheet->str, sheet->len);
  gsf_output_close (GSF_OUTPUT (worksheets));
  g_object_unref (worksheets);
  gsf_output_close (GSF_OUTPUT (xl));
  g_object_unref (xl);
  gsf_output_close (GSF_OUTPUT (zip));
  g_object_unref (zip);
  g_object_unref (file);
  g_string_free (sheet, TRUE);
}

static int
measure (const char *path,
         const char *output)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JlnImportReport) report = NULL;
  g_autoptr(JlnDocument) document = NULL;
  g_autoptr(GPtrArray) tables = NULL;
  g_autoptr(JlnPlan) plan = NULL;
  g_autofree char *summary = NULL;
  gint64 start = g_get_monotonic_time (), read, interpreted;
  struct rusage usage;

  tables = jln_table_read_file (path, &error);
  read = g_get_monotonic_time ();
  if (tables != NULL)
    plan = jln_import_read_tables (tables, path, NULL, &report, &error);
  g_clear_pointer (&tables, g_ptr_array_unref);
  interpreted = g_get_monotonic_time ();
  if (plan != NULL)
    document = jln_document_create (output, plan, "bench", &error);
  if (document == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  getrusage (RUSAGE_SELF, &usage);
  summary = jln_import_report_get_summary (report);
  g_print ("%s: %.2f s (reading %.2f s, interpreting %.2f s, writing %.2f s), CPU %.2f s, "
           "peak %.0f MB; %s\n",
           strrchr (path, '.') + 1, (g_get_monotonic_time () - start) / 1e6, (read - start) / 1e6,
           (interpreted - read) / 1e6, (g_get_monotonic_time () - interpreted) / 1e6,
           usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 +
           usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6,
           usage.ru_maxrss / 1024.0, summary);
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  const char *formats[] = { "csv", "xlsx" };
  int status = 0;

  setlocale (LC_ALL, "");
  if (argc == 4 && g_str_equal (argv[1], "--measure"))
    return measure (argv[2], argv[3]);

  dir = g_dir_make_tmp ("jalons-bench-import-XXXXXX", &error);
  if (dir == NULL)
    g_error ("%s", error->message);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *name = g_strdup_printf ("plan.%s", formats[i]);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *output = g_build_filename (dir, "plan.jalons", NULL);
      const char *child[] = { argv[0], "--measure", path, output, NULL };
      int wait_status;

      if (i == 0)
        write_csv (path);
      else
        write_xlsx (path);
      if (!g_spawn_sync (NULL, (char **) child, NULL, G_SPAWN_CHILD_INHERITS_STDIN, NULL, NULL,
                         NULL, NULL, &wait_status, &error) ||
          !g_spawn_check_wait_status (wait_status, &error))
        {
          g_printerr ("%s: %s\n", formats[i], error->message);
          g_clear_error (&error);
          status = 1;
        }
      g_remove (path);
      g_remove (output);
    }
  g_rmdir (dir);
  return status;
}
