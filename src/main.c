/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "jln-check.h"
#include "jln-csv.h"
#include "jln-document.h"
#include "jln-import.h"
#include "jln-json.h"
#include "jln-merge.h"
#include "jln-query.h"
#include "jln-report.h"
#include "jln-report-charts.h"
#include "jln-export.h"
#include "jln-indicator-report.h"
#include "jln-plan-doc.h"
#include "jln-plan-pages.h"
#include "jln-sheet.h"
#include "jln-timeline.h"
#include "jln-application.h"
#include "jln-renderer.h"

static char *opt_import;
static char *opt_output;
static char *opt_export;
static char *opt_view;
static char *opt_since;
static char *opt_until;
static char *opt_filter;
static char *opt_lang;
static int opt_table;
static char *opt_columns;
static char *opt_page;
static char *opt_separator;
static double opt_scale;
static char *opt_merge;
static char *opt_compare;
static char *opt_base;
static char *opt_prefer;
static gboolean opt_check;
static gboolean opt_version;
static char **opt_files;

static const GOptionEntry entries[] = {
  { "import", 0, 0, G_OPTION_ARG_FILENAME, &opt_import,
    N_("Import a plan (JSON, CSV, TSV, ODS, XLSX, ODT or DOCX) into a new plan file given by "
       "--output"), N_("IN") },
  { "table", 0, 0, G_OPTION_ARG_INT, &opt_table,
    N_("The table or sheet of --import to read, from 1 (default: the first that looks like an "
       "action plan)"), N_("N") },
  { "columns", 0, 0, G_OPTION_ARG_STRING, &opt_columns,
    N_("The role of each column of --import, when its headers are not understood: "
       "number,title,done,due,units…"), N_("ROLES") },
  { "output", 0, 0, G_OPTION_ARG_FILENAME, &opt_output,
    N_("The plan file that --import creates"), N_("OUT.jalons") },
  { "export", 0, 0, G_OPTION_ARG_FILENAME, &opt_export,
    N_("Export FILE as JSON, CSV, ODS, XLSX, ODT, DOCX, PDF, SVG or PNG, after the extension of OUT"), N_("OUT") },
  { "view", 0, 0, G_OPTION_ARG_STRING, &opt_view,
    N_("What to export: actions, ec, gep, principles, review, report (documents), timeline or indicators"), N_("VIEW") },
  { "since", 0, 0, G_OPTION_ARG_STRING, &opt_since,
    N_("The start of the period of --view=report, or of the actions changed that --view=actions, ec or gep "
       "keep: a date (2024-01-01), a semester (2024-S1) or a milestone"),
    N_("WHEN") },
  { "until", 0, 0, G_OPTION_ARG_STRING, &opt_until,
    N_("The end of the period of --since, included: a date or a semester"), N_("WHEN") },
  { "filter", 0, 0, G_OPTION_ARG_STRING, &opt_filter,
    N_("Export only the actions that match QUERY"), N_("QUERY") },
  { "lang", 0, 0, G_OPTION_ARG_STRING, &opt_lang,
    N_("The language of the export: fr or en"), N_("LANG") },
  { "separator", 0, 0, G_OPTION_ARG_STRING, &opt_separator,
    N_("The separator of a CSV export: “,” (the default), “;” as French Excel reads, or “tab”"), N_("SEP") },
  { "page", 0, 0, G_OPTION_ARG_STRING, &opt_page,
    N_("The pages of a PDF export: a4, a3 or slide (16:9)"), N_("PAGE") },
  { "scale", 0, 0, G_OPTION_ARG_DOUBLE, &opt_scale,
    N_("The pixels per point of a PNG export (default 2)"), N_("SCALE") },
  { "merge", 0, 0, G_OPTION_ARG_FILENAME, &opt_merge,
    N_("Merge the copy THEIRS into FILE, writing the result to --output"), N_("THEIRS") },
  { "compare", 0, 0, G_OPTION_ARG_FILENAME, &opt_compare,
    N_("Print what FILE and the copy THEIRS changed since their common base"), N_("THEIRS") },
  { "base", 0, 0, G_OPTION_ARG_FILENAME, &opt_base,
    N_("The copy both started from, for copies that share no history"), N_("BASE") },
  { "prefer", 0, 0, G_OPTION_ARG_STRING, &opt_prefer,
    N_("Decide every conflict of --merge for mine or theirs"), N_("SIDE") },
  { "check", 0, 0, G_OPTION_ARG_NONE, &opt_check,
    N_("Check FILE and print what it holds"), NULL },
  { "version", 0, 0, G_OPTION_ARG_NONE, &opt_version,
    N_("Print the version and exit"), NULL },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &opt_files, NULL, N_("[FILE]") },
  { NULL }
};

/* The prefix the program is installed in, found from where it runs, so
 * that an installed tree works wherever it is put (installed with
 * DESTDIR and unpacked elsewhere, or moved). NULL when the program is not
 * in PREFIX/BINDIR. */
static char *
find_prefix (const char *exe)
{
  g_autofree char *dir = g_path_get_dirname (exe);
  g_auto(GStrv) parts = NULL;

  if (g_path_is_absolute (BINDIR_IN_PREFIX))
    return NULL;
  parts = g_strsplit (BINDIR_IN_PREFIX, "/", -1);
  for (int i = (int) g_strv_length (parts) - 1; i >= 0; i--)
    {
      g_autofree char *base = NULL;
      char *parent;

      if (parts[i][0] == '\0' || g_str_equal (parts[i], "."))
        continue;
      base = g_path_get_basename (dir);
      if (!g_str_equal (base, parts[i]))
        return NULL;
      parent = g_path_get_dirname (dir);
      g_free (dir);
      dir = parent;
    }
  return g_steal_pointer (&dir);
}

static char *
in_prefix (const char *prefix,
           const char *path)
{
  if (prefix == NULL || g_path_is_absolute (path))
    return g_strdup (path);
  return g_build_filename (prefix, path, NULL);
}

/* Whether GSettings looks for schemas under @datadir by itself. */
static gboolean
is_data_dir (const char *datadir)
{
  const char * const *dirs = g_get_system_data_dirs ();
  g_autofree char *wanted = g_canonicalize_filename (datadir, NULL);

  for (guint i = 0; dirs[i] != NULL; i++)
    {
      g_autofree char *dir = g_canonicalize_filename (dirs[i], NULL);

      if (g_str_equal (dir, wanted))
        return TRUE;
    }
  return FALSE;
}

/* Installed, the program finds its translations, its bundled plan and its
 * settings schema under the prefix it runs from; uninstalled, in the
 * build and source trees. */
static void
init_paths (void)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *prefix = NULL;
  g_autofree char *localedir = NULL;

  if (exe != NULL && g_str_has_prefix (exe, BUILD_ROOT "/"))
    {
      localedir = g_strdup (BUILD_LOCALEDIR);
      g_setenv ("GSETTINGS_SCHEMA_DIR", BUILD_ROOT "/data", FALSE);
      g_setenv ("JALONS_DATADIR", SOURCE_DATADIR, FALSE);
    }
  else if (exe != NULL && (prefix = find_prefix (exe)) != NULL)
    {
      g_autofree char *datadir = in_prefix (prefix, DATADIR_IN_PREFIX);
      g_autofree char *pkgdatadir = g_build_filename (datadir, GETTEXT_PACKAGE, NULL);
      /* Jalons' own compiled schema, for where GSettings does not look. */
      g_autofree char *schemadir = g_build_filename (pkgdatadir, "schemas", NULL);
      g_autofree char *compiled = g_build_filename (schemadir, "gschemas.compiled", NULL);

      localedir = in_prefix (prefix, LOCALEDIR_IN_PREFIX);
      if (g_file_test (pkgdatadir, G_FILE_TEST_IS_DIR))
        g_setenv ("JALONS_DATADIR", pkgdatadir, FALSE);
      if (g_file_test (compiled, G_FILE_TEST_IS_REGULAR) && !is_data_dir (datadir))
        {
          const char *others = g_getenv ("GSETTINGS_SCHEMA_DIR");
          g_autofree char *dirs = others != NULL && others[0] != '\0'
                                  ? g_strjoin (G_SEARCHPATH_SEPARATOR_S, schemadir, others, NULL)
                                  : g_strdup (schemadir);

          g_setenv ("GSETTINGS_SCHEMA_DIR", dirs, TRUE);
        }
    }
  else
    localedir = g_strdup (LOCALEDIR);

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

/* What the program writes to a terminal is plain text: a control
 * character or a direction override read from a file (an escape sequence
 * that retitles the window, clears the screen or fakes a line) is shown
 * escaped, never sent as it is. */
static char *
escape_for_terminal (const char *text,
                     gboolean    keep_newlines)
{
  GString *out = g_string_sized_new (strlen (text));
  const char *p = text;

  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          g_string_append_printf (out, "\\x%02x", (guchar) *p);
          p++;
          continue;
        }
      if ((c == '\n' && keep_newlines) || c == '\t')
        g_string_append_unichar (out, c);
      else if (c < 0x20 || c == 0x7f)
        g_string_append_printf (out, "\\x%02x", c);
      else if ((c >= 0x80 && c < 0xa0) || (c >= 0x202a && c <= 0x202e) ||
               (c >= 0x2066 && c <= 0x2069) || c == 0x200e || c == 0x200f || c == 0x061c)
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_unichar (out, c);
      p = g_utf8_next_char (p);
    }
  return g_string_free (out, FALSE);
}

static void
print_escaped (const char *text)
{
  g_autofree char *escaped = escape_for_terminal (text, TRUE);

  fputs (escaped, stdout);
  fflush (stdout);
}

static void
printerr_escaped (const char *text)
{
  g_autofree char *escaped = escape_for_terminal (text, TRUE);

  fputs (escaped, stderr);
  fflush (stderr);
}

/* An error is one line, even when a file put a line break in it. */
static int
fail (GError *error)
{
  g_autofree char *line = escape_for_terminal (error->message, FALSE);

  g_printerr ("%s\n", line);
  g_error_free (error);
  return EXIT_FAILURE;
}

static int
fail_message (const char *message)
{
  g_printerr ("jalons: %s\n", message);
  return EXIT_FAILURE;
}

/* A plan file or a JSON plan, told apart by their content. */
static JlnPlan *
load_plan (const char  *path,
           GError     **error)
{
  g_autoptr(JlnDocument) document = NULL;
  char header[16] = { 0 };
  FILE *file;

  if (g_file_test (path, G_FILE_TEST_EXISTS) && !g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                   g_file_test (path, G_FILE_TEST_IS_DIR) ? _("%s: this is a folder, not a plan")
                                                          : _("%s: this is not a regular file"),
                   path);
      return NULL;
    }
  file = fopen (path, "rb");

  if (file == NULL)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT, "%s: %s", path, g_strerror (errno));
      return NULL;
    }
  if (fread (header, 1, sizeof header, file) != sizeof header)
    header[0] = '\0';
  fclose (file);

  if (memcmp (header, "SQLite format 3", 16) != 0)
    return jln_json_load_plan (path, error);

  /* Checking and exporting never write to the plan, nor beside it. */
  document = jln_document_open_read_only (path, error);
  if (document == NULL)
    return NULL;
  for (guint i = 0; i < jln_document_get_notices (document)->len; i++)
    g_printerr ("%s: %s\n", path, (const char *) g_ptr_array_index (jln_document_get_notices (document), i));
  return g_object_ref (jln_document_get_plan (document));
}

static void
print_count (const char *label,
             guint       count)
{
  /* Translators: a line of the --check report, like “actions: 91”. */
  g_print (_("  %s: %u\n"), label, count);
}

static int
run_check (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JlnPlan) plan = load_plan (path, &error);
  g_autoptr(GPtrArray) warnings = NULL;
  g_autofree char *basename = g_path_get_basename (path);
  JlnPlanCounts counts;
  JlnLang lang = opt_lang != NULL && g_str_equal (opt_lang, "fr") ? JLN_LANG_FR : jln_lang_from_locale ();

  if (plan == NULL)
    return fail (g_steal_pointer (&error));

  jln_plan_count (plan, &counts);
  warnings = jln_plan_check (plan);

  {
    /* A title is one line, whatever the file put in it. */
    g_autofree char *title = escape_for_terminal (jln_text_get_fallback (jln_plan_get_title (plan), lang, NULL),
                                                  FALSE);

    /* Translators: %1$s is a file name, %2$s the title of the plan. */
    g_print (_("%1$s: a valid plan, “%2$s”\n"), basename, title);
  }
  {
    g_autofree char *hrs4r_actions = g_strdup_printf (dngettext (GETTEXT_PACKAGE, "%u action", "%u actions",
                                                                 counts.actions[JLN_PROGRAMME_HRS4R]),
                                                      counts.actions[JLN_PROGRAMME_HRS4R]);
    g_autofree char *hrs4r_objectives = g_strdup_printf (dngettext (GETTEXT_PACKAGE, "%u objective", "%u objectives",
                                                                    counts.objectives[JLN_PROGRAMME_HRS4R]),
                                                         counts.objectives[JLN_PROGRAMME_HRS4R]);
    g_autofree char *gep_actions = g_strdup_printf (dngettext (GETTEXT_PACKAGE, "%u action", "%u actions",
                                                               counts.actions[JLN_PROGRAMME_GEP]),
                                                    counts.actions[JLN_PROGRAMME_GEP]);
    g_autofree char *gep_axes = g_strdup_printf (dngettext (GETTEXT_PACKAGE, "%u axis", "%u axes",
                                                            counts.objectives[JLN_PROGRAMME_GEP]),
                                                 counts.objectives[JLN_PROGRAMME_GEP]);

    /* Translators: “HRS4R action plan: 91 actions in 8 objectives”. */
    g_print (_("HRS4R action plan: %1$s in %2$s\n"), hrs4r_actions, hrs4r_objectives);
    /* Translators: “Gender Equality Plan: 21 actions in 5 axes”. */
    g_print (_("Gender Equality Plan: %1$s in %2$s\n"), gep_actions, gep_axes);
  }
  print_count (_("objectives"), counts.objectives[0] + counts.objectives[1]);
  print_count (_("actions"), counts.actions[0] + counts.actions[1]);
  print_count (_("sub-items"), counts.items);
  print_count (_("units"), counts.units);
  print_count (_("principles"), counts.principles);
  print_count (_("indicators"), counts.indicators);
  print_count (_("targets"), counts.targets);
  print_count (_("measurements"), counts.measurements);
  print_count (_("milestones"), counts.milestones);
  print_count (_("progress notes"), counts.notes);
  print_count (_("sections"), counts.sections);

  for (guint i = 0; i < warnings->len; i++)
    {
      g_autofree char *warning = escape_for_terminal (g_ptr_array_index (warnings, i), FALSE);

      /* Translators: %1$s is a file name, %2$s what looks wrong in it. */
      g_print (_("%1$s: warning: %2$s\n"), basename, warning);
    }

  return EXIT_SUCCESS;
}

static int
run_import (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JlnDocument) document = NULL;

  if (opt_output == NULL)
    return fail_message (_("--import needs --output=OUT.jalons"));

  if (jln_import_handles (opt_import))
    {
      g_autofree char *report = NULL;

      document = jln_import_command (opt_import, opt_output, opt_table, opt_lang, opt_columns,
                                     &report, &error);
      if (report != NULL)
        g_print ("%s", report);
    }
  else
    document = jln_document_import (opt_import, opt_output, &error);
  if (document == NULL)
    return fail (g_steal_pointer (&error));
  return EXIT_SUCCESS;
}

/* The picture of a view, drawn by its painter in src/render. */
static JlnPicture *
create_picture (const char  *view,
                JlnPlan     *plan,
                JlnQuery    *query,
                GError     **error)
{
  if (g_str_equal (view, "indicators"))
    {
      JlnIndicatorReport *report = jln_indicator_report_new (plan);

      jln_indicator_report_set_query (report, query);
      return JLN_PICTURE (report);
    }
  if (g_str_equal (view, "timeline"))
    {
      JlnTimeline *timeline = jln_timeline_new (plan);

      jln_timeline_set_query (timeline, query);
      jln_timeline_set_today (timeline, NULL);
      return JLN_PICTURE (timeline);
    }

  /* run_export_picture() accepts no other view. */
  g_return_val_if_reached (NULL);
}

static int
run_export_picture (JlnPlan         *plan,
                    JlnQuery        *query,
                    JlnLang          lang,
                    JlnExportFormat  format)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JlnPicture) picture = NULL;
  g_autoptr(JlnRenderStyle) style = jln_render_style_new (JLN_RENDER_SCHEME_LIGHT, lang);
  JlnExportOptions options = { .format = format, .page = JLN_PAGE_A4, .scale = 2.0 };

  if (opt_view == NULL || g_str_equal (opt_view, "actions"))
    return fail_message (_("a PDF, SVG or PNG export needs --view=timeline or --view=indicators"));
  if (!g_str_equal (opt_view, "timeline") && !g_str_equal (opt_view, "indicators"))
    {
      g_printerr (_("--view=%s: unknown view; use actions, timeline or indicators\n"), opt_view);
      return EXIT_FAILURE;
    }
  if (opt_page != NULL && !jln_page_format_from_string (opt_page, &options.page))
    {
      g_printerr (_("--page=%s: use a4, a3 or slide\n"), opt_page);
      return EXIT_FAILURE;
    }
  if (opt_scale != 0)
    {
      if (opt_scale < 0.1 || opt_scale > 16)
        return fail_message (_("--scale takes a number from 0.1 to 16"));
      options.scale = opt_scale;
    }
  if (format == JLN_EXPORT_PDF)
    jln_render_style_set_font_size (style, jln_page_format_get_font_size (options.page));

  picture = create_picture (opt_view, plan, query, &error);
  if (picture == NULL)
    return fail (g_steal_pointer (&error));
  if (!jln_export_picture (picture, style, &options, opt_export, NULL, NULL, NULL, &error))
    return fail (g_steal_pointer (&error));
  return EXIT_SUCCESS;
}

static void
write_report (JlnDoc   *doc,
              JlnLang   lang,
              gpointer  data)
{
  jln_report_write (data, doc, lang);
}

/* A report or a period reads the history that only a plan file keeps. */
static gboolean
check_plan_file (const char *path)
{
  char header[16] = { 0 };
  FILE *file;

  file = g_file_test (path, G_FILE_TEST_IS_REGULAR) ? fopen (path, "rb") : NULL;
  if (file != NULL)
    {
      if (fread (header, 1, sizeof header, file) != sizeof header)
        header[0] = '\0';
      fclose (file);
      if (memcmp (header, "SQLite format 3", 16) != 0)
        {
          g_printerr (_("%s: a report reads the history of a plan file (.jalons); import this file first\n"),
                      path);
          return FALSE;
        }
    }
  return TRUE;
}

/* The report to a steering committee: it reads the plan file's history. */
static int
run_export_report (const char *path,
                   JlnLang     lang,
                   JlnPageFormat page)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JlnDocument) document = NULL;
  g_autoptr(JlnReport) report = NULL;
  g_autoptr(GDateTime) since = NULL;
  g_autoptr(GDateTime) until = NULL;

  if (opt_since == NULL)
    return fail_message (_("--view=report needs --since: a date (2024-01-01), a semester (2024-S1) or a milestone"));
  if (!jln_doc_format_from_path (opt_export) && !g_str_has_suffix (opt_export, ".pdf"))
    return fail_message (_("--view=report exports as ODT, DOCX or PDF"));

  if (!check_plan_file (path))
    return EXIT_FAILURE;
  document = jln_document_open_read_only (path, &error);
  if (document == NULL)
    return fail (g_steal_pointer (&error));
  if (!jln_report_parse_period (jln_document_get_plan (document), opt_since, opt_until, &since, &until, &error))
    return fail (g_steal_pointer (&error));
  report = jln_report_new (document, since, until, &error);
  if (report == NULL)
    return fail (g_steal_pointer (&error));
  jln_report_set_charts_func (report, jln_report_charts_draw, NULL);
  if (!jln_plan_pages_export_writer (jln_document_get_plan (document), write_report, report, lang, page,
                                     opt_export, &error))
    return fail (g_steal_pointer (&error));
  return EXIT_SUCCESS;
}

static int
run_export (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JlnPlan) plan = NULL;
  g_autoptr(JlnQuery) query = NULL;
  g_autoptr(GBytes) bytes = NULL;
  JlnLang lang = jln_lang_from_locale ();
  JlnExportFormat picture_format;
  gboolean is_picture = jln_export_format_from_path (opt_export, &picture_format);
  JlnPlanDocKind doc_kind = JLN_PLAN_DOC_ACTIONS;
  JlnPageFormat page = JLN_PAGE_A4;
  gboolean is_document_pdf;
  /* The documents a plan must produce: ODT, DOCX, or PDF of a document view. */
  gboolean is_document = jln_doc_format_from_path (opt_export)
                         || (is_picture && picture_format == JLN_EXPORT_PDF && opt_view != NULL
                             && jln_plan_doc_kind_from_string (opt_view, &doc_kind));

  if (opt_lang != NULL && !jln_lang_from_string (opt_lang, &lang))
    return fail_message (_("--lang takes fr or en"));
  if ((opt_since != NULL || opt_until != NULL) && g_strcmp0 (opt_view, "report") != 0 &&
      !(is_document && (opt_view == NULL || g_str_equal (opt_view, "actions") || g_str_equal (opt_view, "ec") ||
                        g_str_equal (opt_view, "gep"))))
    return fail_message (_("--since and --until apply to the documents of --view=report, actions, ec and gep"));
  if (opt_until != NULL && opt_since == NULL && g_strcmp0 (opt_view, "report") != 0)
    return fail_message (_("--until needs --since"));
  if (g_strcmp0 (opt_view, "report") == 0)
    {
      if (opt_page != NULL && !jln_page_format_from_string (opt_page, &page))
        {
          g_printerr (_("--page=%s: use a4, a3 or slide\n"), opt_page);
          return EXIT_FAILURE;
        }
      if (opt_filter != NULL)
        return fail_message (_("--filter does not apply to --view=report"));
      return run_export_report (path, lang, page);
    }
  if (is_document && opt_view != NULL && !jln_plan_doc_kind_from_string (opt_view, &doc_kind))
    {
      g_printerr (_("--view=%s: unknown document; use actions, ec, gep, principles, review or report\n"), opt_view);
      return EXIT_FAILURE;
    }
  is_document_pdf = is_document && is_picture;
  if (is_document)
    is_picture = FALSE;
  else if (!is_picture && opt_view != NULL && !g_str_equal (opt_view, "actions"))
    {
      g_printerr (_("%s: --view=%s exports as PDF, SVG or PNG\n"), opt_export, opt_view);
      return EXIT_FAILURE;
    }
  /* A document as PDF takes its paper from --page. */
  if (!is_picture && (opt_scale != 0 || (opt_page != NULL && !is_document_pdf)))
    return fail_message (_("--page and --scale apply to PDF, SVG and PNG exports"));
  if (opt_page != NULL && !jln_page_format_from_string (opt_page, &page))
    {
      g_printerr (_("--page=%s: use a4, a3 or slide\n"), opt_page);
      return EXIT_FAILURE;
    }

  if (opt_filter != NULL)
    {
      query = jln_query_parse (opt_filter, &error);
      if (query == NULL)
        {
          g_printerr ("--filter: %s\n", error->message);
          return EXIT_FAILURE;
        }
    }

  /* An export never takes the place of what it reads, whatever its
   * extension, through a link or not. */
  {
    GStatBuf in_st, out_st;

    if (g_stat (path, &in_st) == 0 && g_stat (opt_export, &out_st) == 0 &&
        in_st.st_dev == out_st.st_dev && in_st.st_ino == out_st.st_ino)
      {
        g_printerr (_("%s: this is the plan being exported; choose another file to export to\n"),
                    opt_export);
        return EXIT_FAILURE;
      }
  }

  if (is_document && opt_since != NULL)
    {
      g_autoptr(JlnDocument) document = NULL;

      if (!check_plan_file (path))
        return EXIT_FAILURE;
      document = jln_document_open_read_only (path, &error);
      if (document == NULL)
        return fail (g_steal_pointer (&error));
      g_clear_pointer (&query, jln_query_unref);
      query = jln_report_period_query (document, opt_since, opt_until, opt_filter, &error);
      if (query == NULL)
        return fail (g_steal_pointer (&error));
      plan = g_object_ref (jln_document_get_plan (document));
    }
  else
    plan = load_plan (path, &error);
  if (plan == NULL)
    return fail (g_steal_pointer (&error));

  if (is_picture)
    return run_export_picture (plan, query, lang, picture_format);
  if (is_document)
    {
      if (!jln_plan_pages_export (plan, doc_kind, query, lang, page, opt_export, NULL, NULL, NULL, &error))
        return fail (g_steal_pointer (&error));
      return EXIT_SUCCESS;
    }

  if (g_str_has_suffix (opt_export, ".json"))
    {
      if (query != NULL)
        return fail_message (_("--filter applies to CSV exports; a JSON export holds the whole plan"));
      bytes = jln_json_write_plan (plan);
    }
  else if (g_str_has_suffix (opt_export, ".csv"))
    {
      char separator = ',';

      if (g_strcmp0 (opt_separator, ";") == 0)
        separator = ';';
      else if (g_strcmp0 (opt_separator, "tab") == 0 || g_strcmp0 (opt_separator, "\t") == 0)
        separator = '\t';
      else if (opt_separator != NULL && g_strcmp0 (opt_separator, ",") != 0)
        return fail_message (_("--separator takes “,”, “;” or “tab”"));
      bytes = jln_csv_write_actions_full (plan, query, lang, separator);
    }
  else if (jln_sheet_format_from_path (opt_export))
    {
      if (!jln_sheet_write_actions (plan, query, lang, opt_export, NULL, &error))
        return fail (g_steal_pointer (&error));
      return EXIT_SUCCESS;
    }
  else
    {
      g_printerr (_("%s: unknown export format: use .json, .csv, .ods, .xlsx, .odt, .docx, .pdf, .svg or .png\n"), opt_export);
      return EXIT_FAILURE;
    }

  if (!jln_write_file_atomically (opt_export, g_bytes_get_data (bytes, NULL),
                                  g_bytes_get_size (bytes), &error))
    return fail (g_steal_pointer (&error));
  return EXIT_SUCCESS;
}

static int
run_merge (const char *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  JlnMergeCommand command = {
    .mine = file, .theirs = opt_merge != NULL ? opt_merge : opt_compare, .base = opt_base,
    .output = opt_output, .prefer = opt_prefer, .compare = opt_merge == NULL,
  };
  int status;

  if (file == NULL || (opt_files != NULL && g_strv_length (opt_files) > 1))
    return fail_message (_("--merge and --compare need one plan file: MINE"));
  status = jln_merge_run_command (&command, out, &error);
  g_print ("%s", out->str);
  if (error != NULL)
    return fail (g_steal_pointer (&error));
  return status;
}

static int
run_window (const char *program)
{
  g_autoptr(JlnApplication) application = NULL;
  g_autoptr(GPtrArray) args = g_ptr_array_new ();

  /* Before GTK reads its environment: only the window draws. */
  jln_renderer_apply ();
  application = jln_application_new (G_APPLICATION_DEFAULT_FLAGS);
  g_set_application_name (_("Jalons"));
  g_ptr_array_add (args, (gpointer) program);
  for (guint i = 0; opt_files != NULL && opt_files[i] != NULL; i++)
    g_ptr_array_add (args, opt_files[i]);
  g_ptr_array_add (args, NULL);

  return g_application_run (G_APPLICATION (application), args->len - 1, (char **) args->pdata);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  const char *file;

  /* --lang also sets the language of the words Jalons adds to an export. */
  for (int i = 1; i < argc; i++)
    if (g_str_has_prefix (argv[i], "--lang="))
      g_setenv ("LANGUAGE", argv[i] + strlen ("--lang="), TRUE);

  init_paths ();
  g_set_print_handler (print_escaped);
  g_set_printerr_handler (printerr_escaped);

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, _("Follow an HRS4R action plan and a Gender Equality Plan."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("jalons: %s\n", error->message);
      return EXIT_FAILURE;
    }

  if (opt_version)
    {
      g_print ("jalons %s\n", PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }

  if (opt_import != NULL)
    return run_import ();

  file = opt_files != NULL ? opt_files[0] : NULL;
  if (opt_merge != NULL || opt_compare != NULL)
    return run_merge (file);
  if ((opt_check || opt_export != NULL) && opt_files != NULL && g_strv_length (opt_files) > 1)
    return fail_message (_("give one plan file at a time"));

  if (opt_check)
    {
      if (file == NULL)
        return fail_message (_("--check needs a FILE"));
      return run_check (file);
    }

  if (opt_export != NULL)
    {
      if (file == NULL)
        return fail_message (_("--export needs a FILE to export"));
      return run_export (file);
    }

  return run_window (argv[0]);
}
