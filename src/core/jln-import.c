/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include "jln-gettext.h"

#include "jln-action.h"
#include "jln-action-item.h"
#include "jln-import-private.h"
#include "jln-indicator.h"
#include "jln-objective.h"
#include "jln-principle.h"
#include "jln-record-private.h"
#include "jln-text.h"
#include "jln-unit.h"

/* How many rows from the top of a table a header row is looked for in:
 * sheets often have a title and notes above their table. */
#define HEADER_SEARCH_ROWS 50
#define READ_CELL_LENGTH   40
#define READ_LENGTH        160

typedef enum
{
  ROLE_OBJECTIVE,
  ROLE_OBJECTIVE_TITLE,
  ROLE_NUMBER,
  ROLE_TITLE,
  ROLE_DONE,
  ROLE_DUE,
  ROLE_STATUS,
  ROLE_UNITS,
  ROLE_PRINCIPLES,
  ROLE_INDICATOR,
  ROLE_KIND,
  ROLE_THEME,
  N_ROLES,
} Role;

typedef struct
{
  const char *words;   /* folded, words separated by one space */
  Role        role;
  char        lang;    /* 'f', 'e', or 0 for both */
} HeaderWord;

/* In order: a longer header comes before the shorter one it starts with. */
static const HeaderWord header_words[] = {
  { "intitule de l objectif", ROLE_OBJECTIVE_TITLE, 'f' },
  { "titre de l objectif", ROLE_OBJECTIVE_TITLE, 'f' },
  { "objective title", ROLE_OBJECTIVE_TITLE, 'e' },
  { "objectifs", ROLE_OBJECTIVE, 'f' },
  { "objectif", ROLE_OBJECTIVE, 'f' },
  { "objectives", ROLE_OBJECTIVE, 'e' },
  { "objective", ROLE_OBJECTIVE, 'e' },
  { "axes", ROLE_OBJECTIVE, 'f' },
  { "axe", ROLE_OBJECTIVE, 'f' },
  { "axis", ROLE_OBJECTIVE, 'e' },
  { "realise quand", ROLE_DONE, 'f' },
  { "date de realisation", ROLE_DONE, 'f' },
  { "realisees", ROLE_DONE, 'f' },
  { "realisee", ROLE_DONE, 'f' },
  { "realise", ROLE_DONE, 'f' },
  { "completed", ROLE_DONE, 'e' },
  { "completion", ROLE_DONE, 'e' },
  { "done", ROLE_DONE, 'e' },
  { "a faire quand", ROLE_DUE, 'f' },
  { "to do when", ROLE_DUE, 'e' },
  { "a faire", ROLE_DUE, 'f' },
  { "prevue", ROLE_DUE, 'f' },
  { "prevu", ROLE_DUE, 'f' },
  { "planned", ROLE_DUE, 'e' },
  { "echeances", ROLE_DUE, 'f' },
  { "echeance", ROLE_DUE, 'f' },
  { "calendrier", ROLE_DUE, 'f' },
  { "delai", ROLE_DUE, 'f' },
  { "date prevue", ROLE_DUE, 'f' },
  { "quand", ROLE_DUE, 'f' },
  { "deadline", ROLE_DUE, 'e' },
  { "timing", ROLE_DUE, 'e' },
  { "timeline", ROLE_DUE, 'e' },
  { "timeframe", ROLE_DUE, 'e' },
  { "due date", ROLE_DUE, 'e' },
  { "due", ROLE_DUE, 'e' },
  { "when", ROLE_DUE, 'e' },
  { "date", ROLE_DUE, 0 },
  { "statut", ROLE_STATUS, 'f' },
  { "etat", ROLE_STATUS, 'f' },
  { "avancement", ROLE_STATUS, 'f' },
  { "status", ROLE_STATUS, 'e' },
  { "progress", ROLE_STATUS, 'e' },
  { "qui", ROLE_UNITS, 'f' },
  { "responsables", ROLE_UNITS, 'f' },
  { "responsable", ROLE_UNITS, 'f' },
  { "pilotes", ROLE_UNITS, 'f' },
  { "pilote", ROLE_UNITS, 'f' },
  { "porteur", ROLE_UNITS, 'f' },
  { "unites", ROLE_UNITS, 'f' },
  { "unite", ROLE_UNITS, 'f' },
  { "responsible", ROLE_UNITS, 'e' },
  { "responsibility", ROLE_UNITS, 'e' },
  { "who", ROLE_UNITS, 'e' },
  { "units", ROLE_UNITS, 'e' },
  { "unit", ROLE_UNITS, 'e' },
  { "lead", ROLE_UNITS, 'e' },
  { "owner", ROLE_UNITS, 'e' },
  { "gap principle", ROLE_PRINCIPLES, 'e' },
  { "principes", ROLE_PRINCIPLES, 'f' },
  { "principe", ROLE_PRINCIPLES, 'f' },
  { "principles", ROLE_PRINCIPLES, 'e' },
  { "principle", ROLE_PRINCIPLES, 'e' },
  { "indicateurs", ROLE_INDICATOR, 'f' },
  { "indicateur", ROLE_INDICATOR, 'f' },
  { "cibles", ROLE_INDICATOR, 'f' },
  { "cible", ROLE_INDICATOR, 'f' },
  { "indicators", ROLE_INDICATOR, 'e' },
  { "indicator", ROLE_INDICATOR, 'e' },
  { "targets", ROLE_INDICATOR, 'e' },
  { "target", ROLE_INDICATOR, 'e' },
  { "kpi", ROLE_INDICATOR, 0 },
  { "proposed actions", ROLE_TITLE, 'e' },
  { "actions", ROLE_TITLE, 0 },
  { "action", ROLE_TITLE, 0 },
  { "comment", ROLE_TITLE, 'f' },
  { "how", ROLE_TITLE, 'e' },
  { "intitule", ROLE_TITLE, 'f' },
  { "libelle", ROLE_TITLE, 'f' },
  { "mesures", ROLE_TITLE, 'f' },
  { "mesure", ROLE_TITLE, 'f' },
  { "titre", ROLE_TITLE, 'f' },
  { "title", ROLE_TITLE, 'e' },
  { "measures", ROLE_TITLE, 'e' },
  { "measure", ROLE_TITLE, 'e' },
  { "numero", ROLE_NUMBER, 'f' },
  { "number", ROLE_NUMBER, 'e' },
  { "num", ROLE_NUMBER, 0 },
  { "no", ROLE_NUMBER, 0 },
  { "n", ROLE_NUMBER, 0 },
  { "ref", ROLE_NUMBER, 0 },
  { "reference", ROLE_NUMBER, 0 },
  { "code", ROLE_NUMBER, 0 },
  { "id", ROLE_NUMBER, 0 },
  { "type", ROLE_KIND, 'f' },
  { "kind", ROLE_KIND, 'e' },
  { "themes", ROLE_THEME, 'f' },
  { "theme", ROLE_THEME, 0 },
  { "sous objectif", ROLE_THEME, 'f' },
};

struct _JlnImportReport
{
  GPtrArray *lines;
  char      *table;
  guint      n_rows;
  guint      n_objectives;
  guint      n_actions;
  guint      n_items;
  guint      n_units;
  guint      n_indicators;
  guint      n_warnings;
  char      *columns;   /* the role of each column, as --columns takes it */
  char     **headers;
};

typedef struct
{
  int     columns[N_ROLES];
  guint   header_row;         /* index in the table's rows; G_MAXUINT for none */
  int     fr;
  int     en;
  guint64 ignored;            /* columns given as "-": left out, not kept in the note */
} Layout;

/* The names of --columns, in the order of the roles. */
static const char * const role_names[N_ROLES] = {
  "objective", "objective-title", "number", "title", "done", "due", "status", "units",
  "principles", "indicator", "kind", "theme",
};

typedef struct
{
  const char      *filename;
  JlnImportReport *report;
  JlnPlan         *plan;
  JlnLang          lang;
  JlnLang          ui_lang;       /* of the report */
  Layout           layout;
  char           **headers;
  guint            n_headers;
  GHashTable      *units;          /* folded code or name → JlnRecord */
  GHashTable      *objectives;     /* number or folded title → JlnRecord */
  GHashTable      *actions;        /* number → JlnRecord */
  JlnRecord       *principles[JLN_IMPORT_N_PRINCIPLES + 1];
  JlnRecord       *objective;
  char            *theme;
  gboolean         numbered;       /* some rows have a number */
  JlnSemester      first;
  JlnSemester      last;
  /* The row being read. */
  GString         *made;
  GString         *note;
  gboolean         warning;
} Importer;

static void
line_free (gpointer data)
{
  JlnImportLine *line = data;

  g_free (line->read);
  g_free (line->made);
  g_free (line);
}

static JlnImportReport *
report_new (void)
{
  JlnImportReport *report = g_new0 (JlnImportReport, 1);

  report->lines = g_ptr_array_new_with_free_func (line_free);
  return report;
}

void
jln_import_report_free (JlnImportReport *report)
{
  if (report == NULL)
    return;
  g_ptr_array_unref (report->lines);
  g_free (report->table);
  g_free (report->columns);
  g_strfreev (report->headers);
  g_free (report);
}

/**
 * jln_import_report_get_lines:
 *
 * Returns: (transfer none) (element-type JlnImportLine): one line per row
 *   that was read, in order
 */
GPtrArray *
jln_import_report_get_lines (JlnImportReport *report)
{
  return report->lines;
}

guint
jln_import_report_get_n_warnings (JlnImportReport *report)
{
  return report->n_warnings;
}

/**
 * jln_import_report_get_table:
 *
 * Returns: the name of the sheet or table that was read
 */
const char *
jln_import_report_get_table (JlnImportReport *report)
{
  return report->table;
}

/**
 * jln_import_report_get_columns:
 *
 * Returns: the role of each column of the table read, as
 *   #JlnImportOptions.columns takes it: "objective,number,title,done,due,units"
 */
const char *
jln_import_report_get_columns (JlnImportReport *report)
{
  return report->columns;
}

/**
 * jln_import_report_get_headers:
 *
 * Returns: (transfer none): the header of each column of the table read
 */
const char * const *
jln_import_report_get_headers (JlnImportReport *report)
{
  return (const char * const *) report->headers;
}

/**
 * jln_import_report_get_summary:
 *
 * Returns: (transfer full): "104 rows → 8 objectives, 91 actions, 30
 *   sub-items, 17 units; 6 warnings"
 */
char *
jln_import_report_get_summary (JlnImportReport *report)
{
  g_autofree char *rows = g_strdup_printf (dngettext (GETTEXT_PACKAGE, "%u row", "%u rows",
                                                      report->n_rows), report->n_rows);
  g_autofree char *objectives = g_strdup_printf (dngettext (GETTEXT_PACKAGE, "%u objective",
                                                            "%u objectives", report->n_objectives),
                                                 report->n_objectives);
  g_autofree char *actions = g_strdup_printf (dngettext (GETTEXT_PACKAGE, "%u action", "%u actions",
                                                         report->n_actions), report->n_actions);
  g_autofree char *items = g_strdup_printf (dngettext (GETTEXT_PACKAGE, "%u sub-item",
                                                       "%u sub-items", report->n_items),
                                            report->n_items);
  g_autofree char *units = g_strdup_printf (dngettext (GETTEXT_PACKAGE, "%u unit", "%u units",
                                                       report->n_units), report->n_units);
  g_autofree char *warnings = g_strdup_printf (dngettext (GETTEXT_PACKAGE, "%u warning",
                                                          "%u warnings", report->n_warnings),
                                               report->n_warnings);

  /* Translators: "104 rows → 8 objectives, 91 actions, 30 sub-items, 17 units; 6 warnings". */
  return g_strdup_printf (_("%1$s → %2$s, %3$s, %4$s, %5$s; %6$s"),
                          rows, objectives, actions, items, units, warnings);
}

/**
 * jln_import_report_format:
 *
 * Returns: (transfer full): the report as the command line prints it
 */
char *
jln_import_report_format (JlnImportReport *report)
{
  GString *out = g_string_new (NULL);
  g_autofree char *summary = jln_import_report_get_summary (report);

  if (report->table != NULL)
    {
      /* Translators: %s is the name of a sheet or of a table. */
      g_string_append_printf (out, _("Read from: %s"), report->table);
      g_string_append_c (out, '\n');
    }
  for (guint i = 0; i < report->lines->len; i++)
    {
      JlnImportLine *line = g_ptr_array_index (report->lines, i);

      if (line->warning)
        /* Translators: one line of the import report: a row number, what the
         * row says, what was made of it, with something to check. */
        g_string_append_printf (out, _("row %1$u, warning: %2$s → %3$s"), line->row, line->read,
                                line->made);
      else
        /* Translators: one line of the import report: a row number, what the
         * row says, what was made of it. */
        g_string_append_printf (out, _("row %1$u: %2$s → %3$s"), line->row, line->read, line->made);
      g_string_append_c (out, '\n');
    }
  g_string_append (out, summary);
  g_string_append_c (out, '\n');
  return g_string_free (out, FALSE);
}

/* Text as headers and names are compared: folded, punctuation as spaces,
 * single spaces. */
static char *
simplify (const char *text)
{
  g_autofree char *folded = jln_fold (text);
  GString *out = g_string_new (NULL);

  for (const char *p = folded; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (out, *p);
      else if (out->len > 0 && out->str[out->len - 1] != ' ')
        g_string_append_c (out, ' ');
    }
  while (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);
  return g_string_free (out, FALSE);
}

static int
header_role (const char *cell,
             char       *lang)
{
  g_autofree char *words = simplify (cell);
  gsize len = strlen (words);

  if (len == 0 || len > 80)
    return -1;
  for (guint i = 0; i < G_N_ELEMENTS (header_words); i++)
    {
      gsize n = strlen (header_words[i].words);

      if (strncmp (words, header_words[i].words, n) == 0 && (words[n] == '\0' || words[n] == ' '))
        {
          *lang = header_words[i].lang;
          return header_words[i].role;
        }
    }
  return -1;
}

/* A row is a header if it names the actions' column and another one. */
static gboolean
read_header (const JlnTableRow *row,
             Layout            *layout)
{
  guint n_roles = 0;

  for (guint i = 0; i < N_ROLES; i++)
    layout->columns[i] = -1;
  layout->fr = layout->en = 0;
  layout->ignored = 0;
  for (guint c = 0; c < row->n_cells; c++)
    {
      char lang = 0;
      int role = header_role (row->cells[c], &lang);

      if (role < 0 || layout->columns[role] >= 0)
        continue;
      layout->columns[role] = c;
      n_roles++;
      if (lang == 'f')
        layout->fr++;
      else if (lang == 'e')
        layout->en++;
    }
  return layout->columns[ROLE_TITLE] >= 0 && n_roles >= 2;
}

static gboolean
find_header (JlnTable *table,
             Layout   *layout)
{
  for (guint r = 0; r < table->rows->len && r < HEADER_SEARCH_ROWS; r++)
    if (read_header (g_ptr_array_index (table->rows, r), layout))
      {
        layout->header_row = r;
        return TRUE;
      }
  return FALSE;
}

static gboolean
same_layout (const Layout *a,
             const Layout *b)
{
  return memcmp (a->columns, b->columns, sizeof a->columns) == 0;
}

static const char *
cell (Importer          *importer,
      const JlnTableRow *row,
      Role               role)
{
  return jln_table_row_get_cell (row, importer->layout.columns[role]);
}

static char *
clean (const char *text)
{
  char *copy = g_strdup (text);

  /* Non-breaking spaces count as spaces at the ends. */
  g_strstrip (copy);
  while (g_str_has_prefix (copy, "\xc2\xa0"))
    memmove (copy, copy + 2, strlen (copy) - 1);
  while (g_str_has_suffix (copy, "\xc2\xa0"))
    copy[strlen (copy) - 2] = '\0';
  return g_strstrip (copy);
}

static char *
describe_row (const JlnTableRow *row)
{
  GString *out = g_string_new (NULL);
  glong shown = 0;

  for (guint c = 0; c < row->n_cells; c++)
    {
      g_autofree char *text = clean (row->cells[c]);
      glong len;

      if (text[0] == '\0')
        continue;
      if (out->len > 0)
        {
          g_string_append (out, " | ");
          shown += 3;
        }
      g_strdelimit (text, "\n\r\t", ' ');
      len = g_utf8_strlen (text, READ_CELL_LENGTH * 4 + 4);
      if (len > READ_CELL_LENGTH)
        {
          g_string_append_len (out, text, g_utf8_offset_to_pointer (text, READ_CELL_LENGTH - 1) - text);
          g_string_append (out, "…");
          shown += READ_CELL_LENGTH;
        }
      else
        {
          g_string_append (out, text);
          shown += len;
        }
      if (shown > READ_LENGTH)
        {
          g_string_append (out, " …");
          break;
        }
    }
  return g_string_free (out, FALSE);
}

static void G_GNUC_PRINTF (3, 4)
made (Importer   *importer,
      gboolean    warning,
      const char *format,
      ...)
{
  va_list args;

  if (importer->made->len > 0)
    /* Translators: between the things made of one row in the import report. */
    g_string_append (importer->made, _("; "));
  va_start (args, format);
  g_string_append_vprintf (importer->made, format, args);
  va_end (args);
  if (warning)
    importer->warning = TRUE;
}

/* Nothing read from a file reaches a terminal as a control sequence. */
static char *
printable (char *text)
{
  for (char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x20 || c == 0x7F)
        *p = ' ';
      else if (c >= 0x80 && c < 0xA0)
        memset (p, ' ', g_utf8_next_char (p) - p);
    }
  return text;
}

static void
finish_line (Importer          *importer,
             const JlnTableRow *row)
{
  JlnImportLine *line = g_new0 (JlnImportLine, 1);

  line->row = row != NULL ? row->number : 0;
  line->read = printable (row != NULL ? describe_row (row) : g_strdup (""));
  line->made = printable (g_strdup (importer->made->str));
  line->warning = importer->warning;
  if (line->warning)
    importer->report->n_warnings++;
  g_ptr_array_add (importer->report->lines, line);
  g_string_truncate (importer->made, 0);
  g_string_truncate (importer->note, 0);
  importer->warning = FALSE;
}

static gboolean
set_field (JlnRecord  *record,
           const char *name,
           const char *value)
{
  g_autoptr(GError) error = NULL;
  JlnFieldRef ref;

  if (value == NULL || value[0] == '\0')
    return TRUE;
  if (!_jln_kind_find_field (_jln_record_get_info (record), name, &ref))
    g_return_val_if_reached (FALSE);
  return _jln_record_field_from_string (record, &ref, value, NULL, NULL, FALSE, &error);
}

static void
set_text (Importer   *importer,
          JlnRecord  *record,
          const char *field,
          const char *value)
{
  g_autofree char *text = NULL;

  if (value == NULL)
    return;
  text = clean (value);
  if (text[0] == '\0')
    return;
  /* Longer text than a plan keeps is cut, with a warning. */
  if (strlen (text) > JLN_MAX_TEXT_LENGTH)
    {
      text[g_utf8_find_prev_char (text, text + JLN_MAX_TEXT_LENGTH) - text] = '\0';
      made (importer, TRUE, _("a text was cut to 1 MB"));
    }
  {
    /* "title-fr": the field in the language of the import. Imports run
     * in threads: no static buffer. */
    g_autofree char *name = g_strdup_printf ("%s-%s", field, jln_lang_to_string (importer->lang));

    set_field (record, name, text);
  }
}

static void
add_ref (JlnRecord  *record,
         const char *field,
         JlnRecord  *target)
{
  JlnFieldRef ref;
  GPtrArray *refs;

  if (!_jln_kind_find_field (_jln_record_get_info (record), field, &ref))
    g_return_if_reached ();
  refs = _jln_record_refs_for_adding (record, ref.field);
  for (guint i = 0; i < refs->len; i++)
    if (g_ptr_array_index (refs, i) == target)
      return;
  g_ptr_array_add (refs, g_object_ref (target));
}

static void
append_child (JlnRecord *parent,
              JlnRecord *child)
{
  JlnChildren *store = _jln_record_get_store (parent, jln_record_get_kind (child));

  _jln_children_insert (store, g_list_model_get_n_items (G_LIST_MODEL (store)), child);
  _jln_record_set_parent (child, parent);
}

static void
widen_period (Importer    *importer,
              JlnSemester  semester)
{
  if (semester == JLN_SEMESTER_NONE)
    return;
  if (importer->first == JLN_SEMESTER_NONE || semester < importer->first)
    importer->first = semester;
  if (semester > importer->last)
    importer->last = semester;
}

/* Objectives */

static JlnRecord *
find_or_add_objective (Importer   *importer,
                       const char *number,
                       const char *title)
{
  g_autofree char *key = number != NULL && number[0] != '\0' ? g_strdup (number) : simplify (title);
  g_autofree char *own_number = NULL;
  JlnRecord *objective = g_hash_table_lookup (importer->objectives, key);

  if (objective != NULL)
    {
      if (jln_text_is_empty (jln_record_get_text (objective, "title")) && title != NULL)
        set_text (importer, objective, "title", title);
      return objective;
    }

  if (number == NULL || number[0] == '\0')
    number = own_number = g_strdup_printf ("%u", importer->report->n_objectives + 1);
  objective = jln_record_new (JLN_KIND_OBJECTIVE, "number", number, "programme", "hrs4r", NULL);
  set_text (importer, objective, "title", title);
  append_child (JLN_RECORD (importer->plan), objective);
  g_object_unref (objective);
  g_hash_table_insert (importer->objectives, g_steal_pointer (&key), objective);
  importer->report->n_objectives++;
  /* Translators: %1$s is an objective's number, %2$s its title. */
  made (importer, FALSE, _("new objective %1$s “%2$s”"), number, title != NULL ? title : "");
  return objective;
}

static GRegex *
objective_regex (void)
{
  static GRegex *regex;
  static gsize once;

  if (g_once_init_enter (&once))
    {
      regex = g_regex_new ("^(?:(?:objectif|objective|axe|axis)\\s+)?([0-9]{1,3}|[IVXL]{1,6}|[A-Z])"
                           "\\s*[.):–-]\\s*(.*)$",
                           G_REGEX_CASELESS | G_REGEX_DOTALL, 0, NULL);
      g_once_init_leave (&once, 1);
    }
  return regex;
}

static GRegex *
part_regex (void)
{
  static GRegex *regex;
  static gsize once;

  if (g_once_init_enter (&once))
    {
      regex = g_regex_new ("\\s*\\(\\s*\\d+\\s*/\\s*\\d+\\s*\\)\\s*$", 0, 0, NULL);
      g_once_init_leave (&once, 1);
    }
  return regex;
}

/* "4. Egalité des genres (1/2) * PCN EG: …" → "4", "Egalité des genres" */
static void
split_objective (const char  *text,
                 char       **number,
                 char       **title)
{
  g_autoptr(GMatchInfo) info = NULL;
  g_autofree char *rest = NULL;
  char *cut;

  if (g_regex_match (objective_regex (), text, 0, &info))
    {
      *number = g_match_info_fetch (info, 1);
      rest = g_match_info_fetch (info, 2);
    }
  else
    {
      *number = NULL;
      rest = g_strdup (text);
    }
  /* A part number ("(1/2)") and a footnote ("* PCN EG: …") are not the title. */
  if ((cut = strstr (rest, " * ")) != NULL || (cut = strstr (rest, "\n")) != NULL)
    *cut = '\0';
  *title = g_regex_replace (part_regex (), rest, -1, 0, "", 0, NULL);
  g_strstrip (*title);
}

/* Units */

static void
index_unit (Importer  *importer,
            JlnRecord *unit)
{
  const JlnText *name = jln_unit_get_name (JLN_UNIT (unit));
  const char *texts[] = { jln_unit_get_code (JLN_UNIT (unit)), name->fr, name->en };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    if (texts[i] != NULL)
      {
        char *key = simplify (texts[i]);

        if (key[0] != '\0' && !g_hash_table_contains (importer->units, key))
          g_hash_table_insert (importer->units, key, unit);
        else
          g_free (key);
      }
}

/* A name cut off by a narrow column or a copy: it ends on a word that
 * cannot end one, on a dash, or with a parenthesis left open. */
static gboolean
looks_cut_off (const char *name)
{
  static const char * const endings[] = {
    "de", "des", "du", "d", "l", "la", "le", "les", "et", "a", "au", "aux", "pour", "en",
    "of", "the", "and", "for", "to", "in", "&", NULL,
  };
  g_autofree char *words = simplify (name);
  const char *last = strrchr (words, ' ');
  guint open = 0, close = 0;

  last = last != NULL ? last + 1 : words;
  for (const char *p = name; *p != '\0'; p++)
    {
      open += *p == '(';
      close += *p == ')';
    }
  if (open > close || g_str_has_suffix (name, "-") || g_str_has_suffix (name, "…") ||
      g_str_has_suffix (name, "..."))
    return TRUE;
  if (strchr (name, ' ') == NULL)
    return FALSE;
  return g_strv_contains (endings, last) || g_str_has_suffix (name, "'") ||
         g_str_has_suffix (name, "’");
}

static JlnRecord *
find_or_add_unit (Importer   *importer,
                  const char *text)
{
  g_autofree char *key = simplify (text);
  g_autofree char *code = NULL;
  JlnRecord *unit;

  if (key[0] == '\0')
    return NULL;
  unit = g_hash_table_lookup (importer->units, key);
  if (unit != NULL)
    return unit;

  /* The text is the code, as plans use their own abbreviations; a long
   * name gets its initials. */
  if (g_utf8_strlen (text, -1) <= 40)
    code = g_strdup (text);
  else
    {
      GString *initials = g_string_new (NULL);
      g_auto(GStrv) words = g_strsplit (text, " ", 0);

      for (guint i = 0; words[i] != NULL && initials->len < 12; i++)
        if (g_unichar_isupper (g_utf8_get_char (words[i])))
          g_string_append_unichar (initials, g_utf8_get_char (words[i]));
      if (initials->len < 2)
        g_string_assign (initials, key),
        g_string_truncate (initials, 12);
      code = g_string_free (initials, FALSE);
    }
  unit = jln_record_new (JLN_KIND_UNIT, "code", code, NULL);
  set_text (importer, unit, "name", text);
  append_child (JLN_RECORD (importer->plan), unit);
  g_object_unref (unit);
  index_unit (importer, unit);
  importer->report->n_units++;
  made (importer, FALSE, _("new unit “%s”"), code);
  if (looks_cut_off (text))
    made (importer, TRUE, _("the unit name “%s” looks cut off"), text);
  return unit;
}

static GRegex *
parenthesis_regex (void)
{
  static GRegex *regex;
  static gsize once;

  if (g_once_init_enter (&once))
    {
      regex = g_regex_new ("^(.+?)\\s*\\(([^()]+)\\)$", 0, 0, NULL);
      g_once_init_leave (&once, 1);
    }
  return regex;
}

static GRegex *
unit_separator_regex (void)
{
  static GRegex *regex;
  static gsize once;

  if (g_once_init_enter (&once))
    {
      regex = g_regex_new ("\\s*[,;/+\\n]\\s*", 0, 0, NULL);
      g_once_init_leave (&once, 1);
    }
  return regex;
}

static GRegex *
principle_separator_regex (void)
{
  static GRegex *regex;
  static gsize once;

  if (g_once_init_enter (&once))
    {
      regex = g_regex_new ("\\s*[,;\\n]\\s*", 0, 0, NULL);
      g_once_init_leave (&once, 1);
    }
  return regex;
}

/* "RH, DISC", "HR Department / International Office", "Délégations
 * régionales (RH)", "PCN EG*" */
static void
read_units (Importer   *importer,
            JlnRecord  *record,
            const char *text)
{
  g_auto(GStrv) parts = NULL;
  g_autoptr(GString) codes = g_string_new (NULL);

  if (text[0] == '\0')
    return;
  parts = g_regex_split (unit_separator_regex (), text, 0);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *part = clean (parts[i]);
      g_autoptr(GMatchInfo) info = NULL;
      g_autofree char *inner = NULL;
      const char *names[2] = { part, NULL };

      while (g_str_has_suffix (part, "*"))
        part[strlen (part) - 1] = '\0';
      g_strstrip (part);
      if (part[0] == '\0' || g_str_equal (part, "-"))
        continue;

      /* "Délégations régionales (RH)": two units when the parenthesis names one. */
      if (g_regex_match (parenthesis_regex (), part, 0, &info))
        {
          g_autofree char *simple = NULL;

          inner = g_match_info_fetch (info, 2);
          simple = simplify (inner);
          if (g_hash_table_contains (importer->units, simple))
            {
              char *outer = g_match_info_fetch (info, 1);

              g_free (part);
              part = outer;
              names[0] = part;
              names[1] = inner;
            }
        }

      for (guint n = 0; n < G_N_ELEMENTS (names) && names[n] != NULL; n++)
        {
          JlnRecord *unit = find_or_add_unit (importer, names[n]);

          if (unit == NULL)
            continue;
          add_ref (record, "units", unit);
          if (codes->len > 0)
            g_string_append (codes, ", ");
          g_string_append (codes, jln_unit_get_code (JLN_UNIT (unit)));
        }
    }
  if (codes->len > 0)
    made (importer, FALSE, _("units %s"), codes->str);
}

/* Principles: "28", "28. Career development", "12, 13", "12; 13", or a
 * name in either language. */
static void
read_principles (Importer   *importer,
                 JlnRecord  *action,
                 const char *text)
{
  g_auto(GStrv) parts = NULL;
  g_autoptr(GString) numbers = g_string_new (NULL);

  if (text[0] == '\0')
    return;
  parts = g_regex_split (principle_separator_regex (), text, 0);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *part = clean (parts[i]);
      g_autofree char *words = simplify (part);
      int number = 0;

      if (words[0] == '\0')
        continue;
      if (g_ascii_isdigit (words[0]))
        {
          number = (int) g_ascii_strtoll (words, NULL, 10);
          if (number < 1 || number > JLN_IMPORT_N_PRINCIPLES)
            number = 0;
        }
      else
        for (guint p = 0; p < JLN_IMPORT_N_PRINCIPLES && number == 0; p++)
          {
            g_autofree char *fr = simplify (_jln_import_principles[p].fr);
            g_autofree char *en = simplify (_jln_import_principles[p].en);

            if (g_str_equal (words, fr) || g_str_equal (words, en) ||
                (strlen (words) >= 6 && (g_str_has_prefix (fr, words) || g_str_has_prefix (en, words))))
              number = _jln_import_principles[p].number;
          }

      if (number == 0)
        {
          made (importer, TRUE, _("“%s” is not one of the 40 principles: kept in the note"), part);
          if (importer->note->len > 0)
            g_string_append_c (importer->note, '\n');
          g_string_append (importer->note, part);
          continue;
        }
      add_ref (action, "principles", importer->principles[number]);
      if (numbers->len > 0)
        g_string_append (numbers, ", ");
      g_string_append_printf (numbers, "%d", number);
    }
  if (numbers->len > 0)
    made (importer, FALSE, _("principles %s"), numbers->str);
}

/* Sub-items: "a. … b. …" inside a cell. */

typedef struct
{
  char label;
  int  start;    /* of the marker */
  int  text;     /* of what follows it */
} Marker;

static gboolean
marker_at (const char *text,
           int         i,
           char        label)
{
  if (text[i] != label || (text[i + 1] != '.' && text[i + 1] != ')'))
    return FALSE;
  if (text[i + 2] != ' ' && text[i + 2] != '\t' && text[i + 2] != '\n' &&
      !((guchar) text[i + 2] == 0xC2 && (guchar) text[i + 3] == 0xA0))
    return FALSE;
  return i == 0 || text[i - 1] == ' ' || text[i - 1] == '\n' || text[i - 1] == '\t' ||
         text[i - 1] == ':' || text[i - 1] == ';' || (guchar) text[i - 1] == 0xA0;
}

/* Finds "a.", "b.", … in order; with @labels, only those letters, in the
 * order given, the first at the start of the text. */
static GArray *
find_markers (const char *text,
              const char *labels)
{
  GArray *markers = g_array_new (FALSE, FALSE, sizeof (Marker));
  char next = labels != NULL ? 0 : 'a';
  guint l = 0;

  for (int i = 0; text[i] != '\0'; i++)
    {
      if (labels != NULL)
        {
          gboolean found = FALSE;

          for (guint k = l; labels[k] != '\0'; k++)
            if (marker_at (text, i, labels[k]))
              {
                found = TRUE;
                l = k + 1;
                break;
              }
          if (!found)
            continue;
        }
      else if (!marker_at (text, i, next))
        continue;
      else
        next++;

      {
        Marker marker = { text[i], i, i + 2 };

        while (text[marker.text] == ' ' || text[marker.text] == '\n' || text[marker.text] == '\t')
          marker.text++;
        g_array_append_val (markers, marker);
      }
    }
  return markers;
}

static char *
segment (const char *text,
         GArray     *markers,
         guint       i)
{
  Marker *marker = &g_array_index (markers, Marker, i);
  int end = i + 1 < markers->len ? g_array_index (markers, Marker, i + 1).start : (int) strlen (text);
  g_autofree char *part = g_strndup (text + marker->text, MAX (end - marker->text, 0));

  return clean (part);
}

/* "2019 2019 En cours": as many values as sub-items, one after the other. */
static GPtrArray *
split_values (const char *text,
              guint       n)
{
  static GRegex *regex;
  static gsize once;
  g_autoptr(GMatchInfo) info = NULL;
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *folded = jln_fold (text);
  int position = 0;

  if (g_once_init_enter (&once))
    {
      regex = g_regex_new ("\\s*([12]\\s*(?:st|nd|er|re|eme|e)?\\s*sem(?:estre|ester)?\\.?\\s*\\d{4}"
                           "|[sq][1-4]\\s*\\d{4}|\\d{4}\\s*-\\s*\\d{4}|\\d{4}"
                           "|en cours|ongoing|in progress|action revue|plus a realiser|dropped"
                           "|realisee?|done|revised|planned|prevue?)\\s*",
                           0, 0, NULL);
      g_once_init_leave (&once, 1);
    }
  /* Folding keeps ASCII offsets only where the text is ASCII. */
  if (strlen (folded) != strlen (text))
    return NULL;
  g_regex_match (regex, folded, 0, &info);
  while (g_match_info_matches (info))
    {
      int start, end, value_start, value_end;

      g_match_info_fetch_pos (info, 0, &start, &end);
      g_match_info_fetch_pos (info, 1, &value_start, &value_end);
      if (start != position)
        return NULL;
      g_ptr_array_add (values, g_strndup (text + value_start, value_end - value_start));
      position = end;
      g_match_info_next (info, NULL);
    }
  if (folded[position] != '\0' || values->len != n)
    return NULL;
  return g_steal_pointer (&values);
}

/* Timings */

static char *
format_completion (Importer            *importer,
                   const JlnCompletion *completion)
{
  return jln_completion_format (completion, importer->ui_lang);
}

static char *
format_semester (Importer    *importer,
                 JlnSemester  semester)
{
  return jln_semester_format (semester, JLN_SEMESTER_STYLE_LONG, importer->ui_lang);
}

static void
set_semester (JlnRecord   *record,
              const char  *field,
              JlnSemester  semester)
{
  g_autofree char *text = NULL;

  if (semester == JLN_SEMESTER_NONE)
    return;
  text = jln_semester_format (semester, JLN_SEMESTER_STYLE_ISO, JLN_LANG_EN);
  set_field (record, field, text);
}

static void
set_completion (JlnRecord           *record,
                const JlnCompletion *completion)
{
  g_autofree char *text = NULL;

  if (!jln_completion_is_set (completion))
    return;
  text = jln_completion_to_string (completion);
  set_field (record, "completion", text);
}

static void
keep_in_note (Importer   *importer,
              const char *header,
              const char *text)
{
  if (importer->note->len > 0)
    g_string_append_c (importer->note, '\n');
  if (header != NULL && header[0] != '\0')
    g_string_append_printf (importer->note, "%s : ", header);
  g_string_append (importer->note, text);
}

/* Reads a timing cell; what is not understood is kept in the note. */
static void
read_timing (Importer   *importer,
             const char *text,
             Role        role,
             JlnTiming  *timing)
{
  g_autofree char *cleaned = clean (text != NULL ? text : "");

  _jln_timing_parse (cleaned, role == ROLE_DONE, timing);
  if (cleaned[0] == '\0')
    return;
  if (!timing->understood)
    {
      /* Translators: %s is the text of a cell, like “Prochain DuoDay : 2nd sem. 2022”. */
      made (importer, TRUE, _("“%s” is not fully understood: kept in the note"), cleaned);
      keep_in_note (importer, NULL, cleaned);
    }
  else if (timing->has_status && (timing->status == JLN_STATUS_REVISED ||
                                  timing->status == JLN_STATUS_SUPERSEDED ||
                                  timing->status == JLN_STATUS_DROPPED))
    keep_in_note (importer, NULL, cleaned);
}

typedef struct
{
  gboolean      has_status;
  JlnStatus     status;
  JlnCompletion completion;
  JlnSemester   start;
  JlnSemester   due;
  gboolean      yearly;
  JlnSemester   next;
  char        **references;
} Timing;

static void
merge_timings (Timing    *out,
               JlnTiming *parts[],
               guint      n)
{
  memset (out, 0, sizeof *out);
  for (guint i = 0; i < n; i++)
    {
      JlnTiming *t = parts[i];

      if (t == NULL)
        continue;
      if (t->has_status && !out->has_status)
        {
          out->has_status = TRUE;
          out->status = t->status;
        }
      if (!jln_completion_is_set (&out->completion))
        out->completion = t->completion;
      if (out->due == JLN_SEMESTER_NONE)
        {
          out->due = t->due;
          out->start = t->start;
        }
      out->yearly = out->yearly || t->yearly;
      if (out->next == JLN_SEMESTER_NONE)
        out->next = t->next;
      if (out->references == NULL && t->references != NULL)
        out->references = g_strdupv (t->references);
    }
  if (!out->has_status)
    {
      out->has_status = TRUE;
      out->status = jln_completion_is_set (&out->completion) ? JLN_STATUS_DONE : JLN_STATUS_PLANNED;
    }
}

static void
apply_timing (Importer  *importer,
              JlnRecord *record,
              Timing    *timing,
              gboolean   report)
{
  gboolean is_action = JLN_IS_ACTION (record);

  set_field (record, "status", jln_status_to_string (timing->status));
  set_completion (record, &timing->completion);
  set_semester (record, "due", timing->due);
  if (is_action)
    {
      set_semester (record, "start", timing->start);
      if (timing->yearly)
        set_field (record, "recurrence", "yearly");
      set_semester (record, "next", timing->next);
      if (timing->references != NULL)
        {
          JlnFieldRef ref;
          char ***slot;

          _jln_kind_find_field (_jln_record_get_info (record), "references", &ref);
          slot = _jln_record_field_ptr_for_writing (record, ref.field);
          g_strfreev (*slot);
          *slot = g_strdupv (timing->references);
        }
    }
  widen_period (importer, timing->start);
  widen_period (importer, timing->due);
  widen_period (importer, timing->next);
  if (jln_completion_is_set (&timing->completion))
    {
      widen_period (importer, jln_completion_get_first (&timing->completion));
      widen_period (importer, jln_completion_get_last (&timing->completion));
    }

  if (!report)
    return;
  made (importer, FALSE, "%s", jln_status_get_label (timing->status));
  if (jln_completion_is_set (&timing->completion))
    {
      g_autofree char *text = format_completion (importer, &timing->completion);

      /* Translators: %s is a year, a range of years or a semester. */
      made (importer, FALSE, _("done %s"), text);
    }
  if (timing->start != JLN_SEMESTER_NONE)
    {
      g_autofree char *text = format_semester (importer, timing->start);

      /* Translators: %s is a semester. */
      made (importer, FALSE, _("from %s"), text);
    }
  if (timing->due != JLN_SEMESTER_NONE)
    {
      g_autofree char *text = format_semester (importer, timing->due);

      /* Translators: %s is a semester. */
      made (importer, FALSE, _("due %s"), text);
    }
  if (timing->yearly)
    made (importer, FALSE, _("every year"));
  if (timing->next != JLN_SEMESTER_NONE)
    {
      g_autofree char *text = format_semester (importer, timing->next);

      /* Translators: %s is a semester. */
      made (importer, FALSE, _("next %s"), text);
    }
  if (timing->references != NULL)
    {
      g_autofree char *text = g_strjoinv (", ", timing->references);

      /* Translators: %s lists action numbers, like “4.9-4.10”. */
      made (importer, FALSE, _("see %s"), text);
    }
}

/* The texts a cell gives each sub-item: "a. 2017 b. plus à réaliser",
 * "c. 2 nd sem. 2022", "2019 2019 En cours" (unless @labelled_only). */
static char **
per_item_texts (const char *text,
                const char *labels,
                gboolean    labelled_only)
{
  guint n = strlen (labels);
  g_autofree char *cleaned = clean (text);
  g_autoptr(GArray) markers = NULL;
  char **texts;

  if (cleaned[0] == '\0' || n < 1)
    return NULL;
  markers = find_markers (cleaned, labels);
  if (markers->len > 0 && g_array_index (markers, Marker, 0).start == 0)
    {
      texts = g_new0 (char *, n + 1);
      for (guint i = 0; i < markers->len; i++)
        {
          const char *label = strchr (labels, g_array_index (markers, Marker, i).label);

          g_free (texts[label - labels]);
          texts[label - labels] = segment (cleaned, markers, i);
        }
      for (guint i = 0; i < n; i++)
        if (texts[i] == NULL)
          texts[i] = g_strdup ("");
      return texts;
    }
  if (n >= 2 && !labelled_only)
    {
      g_autoptr(GPtrArray) values = split_values (cleaned, n);

      if (values != NULL)
        {
          g_ptr_array_add (values, NULL);
          return (char **) g_ptr_array_free (g_steal_pointer (&values), FALSE);
        }
    }
  return NULL;
}

/* Rows */

static GRegex *
leading_number_regex (void)
{
  static GRegex *regex;
  static gsize once;

  if (g_once_init_enter (&once))
    {
      regex = g_regex_new ("^\\s*(\\d{1,3}(?:\\.\\d{1,3})+)\\.?\\s+(.*)$",
                           G_REGEX_DOTALL, 0, NULL);
      g_once_init_leave (&once, 1);
    }
  return regex;
}

static GRegex *
extension_regex (void)
{
  static GRegex *regex;
  static gsize once;

  if (g_once_init_enter (&once))
    {
      regex = g_regex_new ("(?:^|\\s)extension\\s*:\\s*", G_REGEX_CASELESS, 0, NULL);
      g_once_init_leave (&once, 1);
    }
  return regex;
}

static GRegex *
item_number_regex (void)
{
  static GRegex *regex;
  static gsize once;

  if (g_once_init_enter (&once))
    {
      regex = g_regex_new ("^(\\S+?)\\.?\\s+([a-z])\\.?$", 0, 0, NULL);
      g_once_init_leave (&once, 1);
    }
  return regex;
}

/* "1.1." → "1.1" */
static char *
clean_number (const char *text)
{
  char *number = clean (text);
  gsize len = strlen (number);

  while (len > 0 && (number[len - 1] == '.' || number[len - 1] == ' '))
    number[--len] = '\0';
  return number;
}

static JlnRecord *
current_objective (Importer   *importer,
                   const char *number)
{
  g_autofree char *prefix = NULL;
  const char *dot;

  if (importer->objective != NULL)
    return importer->objective;
  /* No objective column: actions "3.2" go under objective 3. */
  if (number != NULL && (dot = strchr (number, '.')) != NULL && dot > number)
    {
      JlnRecord *objective;

      prefix = g_strndup (number, dot - number);
      objective = g_hash_table_lookup (importer->objectives, prefix);
      if (objective == NULL)
        {
          g_autofree char *title = g_strdup_printf (importer->lang == JLN_LANG_FR ? "Objectif %s"
                                                                                 : "Objective %s",
                                                    prefix);

          objective = find_or_add_objective (importer, prefix, title);
        }
      return objective;
    }
  importer->objective = find_or_add_objective (importer, NULL, "Actions");
  return importer->objective;
}

static void
keep_other_columns (Importer          *importer,
                    const JlnTableRow *row)
{
  g_autoptr(GString) kept = g_string_new (NULL);

  for (guint c = 0; c < row->n_cells; c++)
    {
      g_autofree char *text = NULL;
      gboolean known = FALSE;

      for (guint r = 0; r < N_ROLES; r++)
        known = known || importer->layout.columns[r] == (int) c;
      if (known || (c < 64 && (importer->layout.ignored & (G_GUINT64_CONSTANT (1) << c)) != 0))
        continue;
      text = clean (row->cells[c]);
      if (text[0] == '\0')
        continue;
      keep_in_note (importer, c < importer->n_headers ? importer->headers[c] : NULL, text);
      if (kept->len > 0)
        g_string_append (kept, ", ");
      g_string_append_printf (kept, "“%s”", c < importer->n_headers && importer->headers[c][0] != '\0'
                                            ? importer->headers[c] : "?");
    }
  if (kept->len > 0)
    /* Translators: %s lists column headers, like “Budget”, “Comments”. */
    made (importer, FALSE, _("%s kept in the note"), kept->str);
}

static void
add_indicator (Importer   *importer,
               JlnRecord  *action,
               const char *text)
{
  g_autofree char *cleaned = clean (text);
  g_autofree char *number = NULL;
  JlnRecord *indicator;

  if (cleaned[0] == '\0')
    return;
  set_text (importer, action, "follow_up", cleaned);
  if (importer->report->n_indicators >= 9999)
    return;
  number = g_strdup_printf ("%u", importer->report->n_indicators + 1);
  indicator = jln_record_new (JLN_KIND_INDICATOR, "number", number, "kind", "text", NULL);
  set_text (importer, indicator, "title", cleaned);
  add_ref (indicator, "actions", action);
  append_child (JLN_RECORD (importer->plan), indicator);
  g_object_unref (indicator);
  importer->report->n_indicators++;
  /* Translators: %s is an indicator's number. */
  made (importer, FALSE, _("indicator %s"), number);
}

static void
read_item_row (Importer          *importer,
               const JlnTableRow *row,
               JlnRecord         *action,
               const char        *label)
{
  g_autoptr(JlnRecord) item = jln_record_new (JLN_KIND_ITEM, "label", label, NULL);
  JlnTiming done, due, status;
  JlnTiming *parts[] = { &status, &done, &due };
  Timing timing;
  g_autoptr(JlnRecord) scratch = jln_record_new (JLN_KIND_ITEM, "label", label, NULL);

  /* Translators: %1$s is a sub-item's letter, %2$s an action's number. */
  made (importer, FALSE, _("sub-item %1$s of action %2$s"), label, jln_action_get_number (JLN_ACTION (action)));
  set_text (importer, item, "title", cell (importer, row, ROLE_TITLE));
  read_timing (importer, cell (importer, row, ROLE_STATUS), ROLE_STATUS, &status);
  read_timing (importer, cell (importer, row, ROLE_DONE), ROLE_DONE, &done);
  read_timing (importer, cell (importer, row, ROLE_DUE), ROLE_DUE, &due);
  merge_timings (&timing, parts, G_N_ELEMENTS (parts));
  apply_timing (importer, item, &timing, TRUE);

  /* Units are the sub-item's own only where they differ from its action's. */
  read_units (importer, scratch, cell (importer, row, ROLE_UNITS));
  {
    GPtrArray *mine = jln_action_item_get_units (JLN_ACTION_ITEM (scratch));
    GPtrArray *theirs = jln_action_get_units (JLN_ACTION (action));
    gboolean same = mine->len == theirs->len;

    for (guint i = 0; same && i < mine->len; i++)
      same = g_ptr_array_index (mine, i) == g_ptr_array_index (theirs, i);
    for (guint i = 0; !same && i < mine->len; i++)
      add_ref (item, "units", g_ptr_array_index (mine, i));
  }
  append_child (action, item);
  importer->report->n_items++;
  g_strfreev (timing.references);
  _jln_timing_clear (&done);
  _jln_timing_clear (&due);
  _jln_timing_clear (&status);
}

static void
read_action_row (Importer          *importer,
                 const JlnTableRow *row,
                 const char        *given_number,
                 const char        *title_text)
{
  g_autofree char *title = clean (title_text);
  g_autofree char *extension = NULL;
  g_autofree char *number = g_strdup (given_number);
  g_autoptr(GArray) markers = NULL;
  g_autoptr(GMatchInfo) info = NULL;
  g_autoptr(JlnRecord) action = NULL;
  g_autoptr(GString) labels = g_string_new (NULL);
  g_auto(GStrv) item_done = NULL;
  g_auto(GStrv) item_due = NULL;
  g_auto(GStrv) item_units = NULL;
  JlnTiming done = { 0 }, due = { 0 }, status = { 0 };
  JlnTiming *parts[] = { &status, &done, &due };
  Timing timing;
  JlnRecord *objective = current_objective (importer, number);
  GListModel *items_model;

  if (number == NULL || number[0] == '\0')
    {
      g_free (number);
      number = g_strdup_printf ("%s.%u", jln_objective_get_number (JLN_OBJECTIVE (objective)),
                                g_list_model_get_n_items (jln_objective_get_actions (JLN_OBJECTIVE (objective))) + 1);
      /* Translators: %s is the number given to an action. */
      made (importer, TRUE, _("no number: numbered %s in order"), number);
    }
  else if (g_hash_table_contains (importer->actions, number))
    /* Translators: %s is an action's number. */
    made (importer, TRUE, _("the number %s is given twice"), number);

  action = jln_record_new (JLN_KIND_ACTION, "number", number, NULL);
  /* Translators: %s is an action's number. */
  made (importer, FALSE, _("action %s"), number);

  if (g_regex_match (extension_regex (), title, 0, &info))
    {
      int start, end;

      g_match_info_fetch_pos (info, 0, &start, &end);
      extension = clean (title + end);
      title[start] = '\0';
      made (importer, FALSE, _("extension"));
    }

  markers = find_markers (title, NULL);
  if (markers->len >= 2)
    {
      g_autofree char *head = g_strndup (title, g_array_index (markers, Marker, 0).start);

      set_text (importer, action, "title", head);
      for (guint i = 0; i < markers->len; i++)
        g_string_append_c (labels, g_array_index (markers, Marker, i).label);
      item_done = per_item_texts (cell (importer, row, ROLE_DONE), labels->str, FALSE);
      item_due = per_item_texts (cell (importer, row, ROLE_DUE), labels->str, FALSE);
      /* "a. DESP, RH b. RH": each sub-item's units, the action has them all. */
      item_units = per_item_texts (cell (importer, row, ROLE_UNITS), labels->str, TRUE);
    }
  else
    set_text (importer, action, "title", title);
  set_text (importer, action, "extension", extension);
  if (importer->layout.columns[ROLE_THEME] >= 0)
    set_text (importer, action, "theme", cell (importer, row, ROLE_THEME));
  else
    set_text (importer, action, "theme", importer->theme);

  read_timing (importer, cell (importer, row, ROLE_STATUS), ROLE_STATUS, &status);
  if (item_done == NULL)
    read_timing (importer, cell (importer, row, ROLE_DONE), ROLE_DONE, &done);
  if (item_due == NULL)
    read_timing (importer, cell (importer, row, ROLE_DUE), ROLE_DUE, &due);
  merge_timings (&timing, parts, G_N_ELEMENTS (parts));

  /* Sub-items, each with its own status and dates when the cells list them. */
  if (labels->len > 0)
    {
      gboolean any_done = FALSE, any_open = FALSE;
      guint first_year = 0, last_year = 0;
      JlnSemester latest = JLN_SEMESTER_NONE;

      for (guint i = 0; i < labels->len; i++)
        {
          char label[2] = { labels->str[i], '\0' };
          g_autoptr(JlnRecord) item = jln_record_new (JLN_KIND_ITEM, "label", label, NULL);
          g_autofree char *item_title = segment (title, markers, i);
          JlnTiming item_done_timing = { 0 }, item_due_timing = { 0 };
          JlnTiming *item_parts[] = { &item_done_timing, &item_due_timing };
          Timing item_timing;

          set_text (importer, item, "title", item_title);
          if (item_done != NULL)
            read_timing (importer, item_done[i], ROLE_DONE, &item_done_timing);
          if (item_due != NULL)
            read_timing (importer, item_due[i], ROLE_DUE, &item_due_timing);
          merge_timings (&item_timing, item_parts, G_N_ELEMENTS (item_parts));
          if (!item_done_timing.has_status && !item_due_timing.has_status &&
              !jln_completion_is_set (&item_timing.completion))
            item_timing.status = timing.status;
          apply_timing (importer, item, &item_timing, FALSE);
          if (item_units != NULL)
            read_units (importer, item, item_units[i]);
          append_child (action, item);
          importer->report->n_items++;

          any_done = any_done || jln_status_is_done (item_timing.status);
          any_open = any_open || !jln_status_is_closed (item_timing.status);
          if (jln_completion_is_set (&item_timing.completion))
            {
              guint first = item_timing.completion.first_year, last = item_timing.completion.last_year;

              first_year = first_year == 0 ? first : MIN (first_year, first);
              last_year = MAX (last_year, last);
            }
          latest = MAX (latest, item_timing.due);
          g_strfreev (item_timing.references);
          _jln_timing_clear (&item_done_timing);
          _jln_timing_clear (&item_due_timing);
        }

      /* The action as its sub-items stand, unless a column says. */
      if (item_done != NULL && !status.has_status)
        {
          timing.status = any_open ? (any_done || latest != JLN_SEMESTER_NONE ? JLN_STATUS_IN_PROGRESS
                                                                               : timing.status)
                                   : any_done ? JLN_STATUS_DONE : timing.status;
          if (timing.status == JLN_STATUS_DONE && first_year != 0)
            {
              timing.completion.first_year = first_year;
              timing.completion.last_year = last_year;
              timing.completion.semester = JLN_SEMESTER_NONE;
            }
        }
      if (timing.due == JLN_SEMESTER_NONE)
        timing.due = latest;
      items_model = jln_action_get_items (JLN_ACTION (action));
      made (importer, FALSE, dngettext (GETTEXT_PACKAGE, "%u sub-item", "%u sub-items",
                                        g_list_model_get_n_items (items_model)),
            g_list_model_get_n_items (items_model));
    }
  apply_timing (importer, action, &timing, TRUE);
  g_strfreev (timing.references);
  _jln_timing_clear (&done);
  _jln_timing_clear (&due);
  _jln_timing_clear (&status);

  if (item_units != NULL)
    for (guint i = 0; item_units[i] != NULL; i++)
      read_units (importer, action, item_units[i]);
  else
    read_units (importer, action, cell (importer, row, ROLE_UNITS));
  read_principles (importer, action, cell (importer, row, ROLE_PRINCIPLES));
  add_indicator (importer, action, cell (importer, row, ROLE_INDICATOR));
  keep_other_columns (importer, row);
  set_text (importer, action, "note", importer->note->str);

  append_child (objective, action);
  g_hash_table_insert (importer->actions, g_strdup (number), action);
  importer->report->n_actions++;
}

static gboolean
is_repeated_header (Importer          *importer,
                    const JlnTableRow *row)
{
  Layout layout;
  char lang;

  /* Most rows are not: their title cell is not a header. */
  if (header_role (cell (importer, row, ROLE_TITLE), &lang) != ROLE_TITLE)
    return FALSE;
  return read_header (row, &layout) && same_layout (&layout, &importer->layout);
}

/* A row whose only text, past the objective's columns, is a cell that
 * spans to the row's end: "3.2 | a title across the columns" is not. */
static gboolean
is_heading_row (Importer          *importer,
                const JlnTableRow *row)
{
  if (row->heading < 0 || row->heading == importer->layout.columns[ROLE_OBJECTIVE] ||
      row->heading == importer->layout.columns[ROLE_OBJECTIVE_TITLE])
    return FALSE;
  for (guint c = 0; c < row->n_cells; c++)
    {
      g_autofree char *text = NULL;

      if ((int) c == row->heading || (int) c == importer->layout.columns[ROLE_OBJECTIVE] ||
          (int) c == importer->layout.columns[ROLE_OBJECTIVE_TITLE])
        continue;
      text = clean (row->cells[c]);
      if (text[0] != '\0')
        return FALSE;
    }
  return TRUE;
}

static void
read_row (Importer          *importer,
          const JlnTableRow *row)
{
  g_autofree char *objective = clean (cell (importer, row, ROLE_OBJECTIVE));
  g_autofree char *objective_title = clean (cell (importer, row, ROLE_OBJECTIVE_TITLE));
  g_autofree char *number = clean_number (cell (importer, row, ROLE_NUMBER));
  g_autofree char *title = clean (cell (importer, row, ROLE_TITLE));
  g_autofree char *kind = simplify (cell (importer, row, ROLE_KIND));
  g_autoptr(GMatchInfo) info = NULL;
  gboolean has_values = FALSE;
  gboolean heading = FALSE;

  if (is_repeated_header (importer, row))
    {
      made (importer, FALSE, _("the header row again: skipped"));
      finish_line (importer, row);
      return;
    }

  if (objective[0] != '\0' || objective_title[0] != '\0')
    {
      g_autofree char *objective_number = NULL;
      g_autofree char *name = NULL;
      JlnRecord *record;

      if (objective_title[0] != '\0')
        {
          objective_number = g_strdup (objective);
          name = g_strdup (objective_title);
        }
      else
        split_objective (objective, &objective_number, &name);

      if (objective_number == NULL && g_utf8_strlen (name, -1) > 150)
        {
          made (importer, TRUE, _("not an action: a note in the objectives’ column; left out"));
          finish_line (importer, row);
          return;
        }
      record = find_or_add_objective (importer, objective_number, name);
      if (record != importer->objective)
        {
          importer->objective = record;
          g_clear_pointer (&importer->theme, g_free);
        }
    }

  if (number[0] == '\0' && g_regex_match (leading_number_regex (), title, 0, &info))
    {
      char *rest = g_match_info_fetch (info, 2);

      g_free (number);
      number = g_match_info_fetch (info, 1);
      g_free (title);
      title = rest;
    }

  for (Role role = ROLE_DONE; role <= ROLE_INDICATOR; role++)
    {
      g_autofree char *text = clean (cell (importer, row, role));

      has_values = has_values || text[0] != '\0';
    }

  /* A cell spanning the row to its end, past the objective: a theme,
   * whichever column it starts in (Jalons' own action table). */
  if (is_heading_row (importer, row))
    {
      g_free (title);
      title = clean (jln_table_row_get_cell (row, row->heading));
      g_free (number);
      number = g_strdup ("");
      has_values = FALSE;
      heading = TRUE;
    }

  if (title[0] == '\0' && number[0] == '\0')
    {
      if (objective[0] == '\0' && objective_title[0] == '\0')
        made (importer, TRUE, _("not an action: it has no title; left out"));
      finish_line (importer, row);
      return;
    }

  /* A row with a title only, among numbered rows, is a heading. */
  if (heading || (number[0] == '\0' && !has_values && importer->numbered &&
                  importer->layout.columns[ROLE_THEME] < 0))
    {
      g_autofree char *objective_number = NULL;
      g_autofree char *name = NULL;

      split_objective (title, &objective_number, &name);
      if (objective_number != NULL && objective[0] == '\0' && g_ascii_isdigit (objective_number[0]))
        {
          importer->objective = find_or_add_objective (importer, objective_number, name);
          g_clear_pointer (&importer->theme, g_free);
        }
      else
        {
          g_free (importer->theme);
          importer->theme = g_strdup (title);
          /* Translators: %s is a theme, a heading inside an objective. */
          made (importer, FALSE, _("theme “%s” for the actions below"), title);
        }
      finish_line (importer, row);
      return;
    }

  /* "1.2 a", or a row the kind column calls a sub-item. */
  {
    g_autoptr(GMatchInfo) item_info = NULL;

    if (g_regex_match (item_number_regex (), number, 0, &item_info))
      {
        g_autofree char *parent_number = g_match_info_fetch (item_info, 1);
        g_autofree char *label = g_match_info_fetch (item_info, 2);
        JlnRecord *parent = g_hash_table_lookup (importer->actions, parent_number);

        if (parent != NULL || g_str_has_prefix (kind, "sub") || g_str_has_prefix (kind, "sous"))
          {
            if (parent != NULL)
              {
                read_item_row (importer, row, parent, label);
                finish_line (importer, row);
                return;
              }
            /* Translators: %s is an action's number. */
            made (importer, TRUE, _("a sub-item of action %s, which is not above it: read as an action"),
                  parent_number);
          }
      }
  }

  read_action_row (importer, row, number, title);
  finish_line (importer, row);
}

/* Tables */

static void
importer_add_principles (Importer *importer)
{
  for (guint i = 0; i < JLN_IMPORT_N_PRINCIPLES; i++)
    {
      const JlnImportPrinciple *principle = &_jln_import_principles[i];
      g_autofree char *number = g_strdup_printf ("%d", principle->number);
      JlnRecord *record = jln_record_new (JLN_KIND_PRINCIPLE, "number", number,
                                          "area", principle->area,
                                          "name-fr", principle->fr,
                                          "name-en", principle->en,
                                          NULL);

      append_child (JLN_RECORD (importer->plan), record);
      g_object_unref (record);
      importer->principles[principle->number] = record;
    }
}

static gboolean
table_is_numbered (Importer *importer,
                   JlnTable *table,
                   guint     from)
{
  for (guint r = from; r < table->rows->len; r++)
    {
      JlnTableRow *row = g_ptr_array_index (table->rows, r);
      g_autofree char *number = clean (cell (importer, row, ROLE_NUMBER));
      g_autoptr(GMatchInfo) info = NULL;

      if (number[0] != '\0' && !is_repeated_header (importer, row))
        return TRUE;
      if (g_regex_match (leading_number_regex (), cell (importer, row, ROLE_TITLE), 0, &info))
        return TRUE;
    }
  return FALSE;
}

static void
read_table (Importer *importer,
            JlnTable *table,
            guint     header_row)
{
  for (guint r = 0; r < table->rows->len; r++)
    {
      JlnTableRow *row = g_ptr_array_index (table->rows, r);

      importer->report->n_rows++;
      if (header_row == G_MAXUINT)
        read_row (importer, row);
      else if (r < header_row)
        {
          made (importer, FALSE, _("above the table: not read"));
          finish_line (importer, row);
        }
      else if (r == header_row)
        {
          made (importer, FALSE, _("the header row"));
          finish_line (importer, row);
        }
      else
        read_row (importer, row);
    }
}

static char *
title_from_filename (const char *filename)
{
  g_autofree char *base = g_path_get_basename (filename);
  char *dot = strrchr (base, '.');

  if (dot != NULL && dot != base)
    *dot = '\0';
  return g_steal_pointer (&base);
}

/* "number,title,-,due,units": the role of each column, for a table whose
 * header Jalons does not read; "note" keeps a column in the note, "-"
 * leaves it out. */
static gboolean
parse_columns (const char  *spec,
               Layout      *layout,
               GError     **error)
{
  g_auto(GStrv) names = g_strsplit (spec, ",", 0);

  for (guint i = 0; i < N_ROLES; i++)
    layout->columns[i] = -1;
  layout->fr = layout->en = 0;
  layout->ignored = 0;
  layout->header_row = G_MAXUINT;
  for (guint c = 0; names[c] != NULL; c++)
    {
      const char *name = g_strstrip (names[c]);
      gboolean found = FALSE;

      if (g_str_equal (name, "note"))
        continue;
      if (g_str_equal (name, "-") || name[0] == '\0')
        {
          if (c < 64)
            layout->ignored |= G_GUINT64_CONSTANT (1) << c;
          continue;
        }
      for (guint r = 0; r < N_ROLES && !found; r++)
        if (g_str_equal (name, role_names[r]))
          {
            found = TRUE;
            if (layout->columns[r] < 0)
              layout->columns[r] = c;
          }
      if (!found)
        {
          g_autoptr(GString) known = g_string_new (NULL);

          for (guint r = 0; r < N_ROLES; r++)
            g_string_append_printf (known, "%s, ", role_names[r]);
          g_string_truncate (known, known->len - 2);

          g_set_error (error, JLN_ERROR, JLN_ERROR_INVALID,
                       /* Translators: %1$s is what was given, %2$s the list of column names. */
                       _("--columns: “%1$s” is not a column: use %2$s, note or -"), name, known->str);
          return FALSE;
        }
    }
  if (layout->columns[ROLE_TITLE] < 0)
    {
      g_set_error (error, JLN_ERROR, JLN_ERROR_INVALID,
                   _("--columns: one column must be the actions’ title"));
      return FALSE;
    }
  return TRUE;
}

/**
 * jln_import_read_tables:
 * @tables: (element-type JlnTable): tables as jln_table_read_file() reads them
 * @filename: the file they come from, for messages and the plan's title
 * @report: (out) (optional): what was made of each row
 *
 * Makes a new plan of the first table that looks like an action plan
 * (and the tables after it that have the same columns, as a Word table
 * split over pages), or of the table @options names.
 *
 * Returns: (transfer full): the plan, or %NULL with @error set
 */
JlnPlan *
jln_import_read_tables (GPtrArray               *tables,
                        const char              *filename,
                        const JlnImportOptions  *options,
                        JlnImportReport        **report,
                        GError                 **error)
{
  static const JlnImportOptions defaults = JLN_IMPORT_OPTIONS_INIT;
  g_autoptr(JlnImportReport) own_report = report_new ();
  g_autoptr(JlnPlan) plan = NULL;
  g_autofree char *title = NULL;
  Importer importer = { 0 };
  Layout layout;
  guint chosen = G_MAXUINT, last;

  g_return_val_if_fail (tables != NULL, NULL);
  g_return_val_if_fail (filename != NULL, NULL);

  if (options == NULL)
    options = &defaults;

  if (options->columns != NULL)
    {
      Layout found;
      guint index = options->table > 0 ? options->table - 1 : 0;

      if (!parse_columns (options->columns, &layout, error))
        return NULL;
      if (index >= tables->len)
        {
          g_set_error (error, JLN_ERROR, JLN_ERROR_INVALID,
                       dngettext (GETTEXT_PACKAGE,
                                  "%s: there is no table %u: the file has %u table",
                                  "%s: there is no table %u: the file has %u tables", tables->len),
                       filename, index + 1, tables->len);
          return NULL;
        }
      /* A header row Jalons reads is still skipped, with what is above it. */
      if (find_header (g_ptr_array_index (tables, index), &found))
        layout.header_row = found.header_row;
      else if (options->first_row_is_header)
        layout.header_row = 0;
      chosen = last = index;
    }
  else if (options->table > 0)
    {
      JlnTable *table;

      if (options->table > tables->len)
        {
          g_set_error (error, JLN_ERROR, JLN_ERROR_INVALID,
                       dngettext (GETTEXT_PACKAGE,
                                  "%s: there is no table %u: the file has %u table",
                                  "%s: there is no table %u: the file has %u tables", tables->len),
                       filename, options->table, tables->len);
          return NULL;
        }
      table = g_ptr_array_index (tables, options->table - 1);
      if (!find_header (table, &layout))
        {
          g_set_error (error, JLN_ERROR, JLN_ERROR_INVALID,
                       /* Translators: %1$s is a file, %2$s a sheet or table. */
                       _("%1$s: %2$s: no header row names the actions’ column (“Action”, “Intitulé”, "
                         "“Comment ?”…) and another one (number, objective, deadline, responsible…)"),
                       filename, table->name);
          return NULL;
        }
      chosen = last = options->table - 1;
    }
  else
    {
      for (guint t = 0; t < tables->len && chosen == G_MAXUINT; t++)
        if (find_header (g_ptr_array_index (tables, t), &layout))
          chosen = t;
      if (chosen == G_MAXUINT)
        {
          g_set_error (error, JLN_ERROR, JLN_ERROR_INVALID,
                       _("%s: no table looks like an action plan: a header row must name the "
                         "actions’ column (“Action”, “Intitulé”, “Comment ?”…) and another one "
                         "(number, objective, deadline, responsible…)"),
                       filename);
          return NULL;
        }
      /* A Word table split over pages, each part with its header. */
      last = chosen;
      while (last + 1 < tables->len)
        {
          Layout next;

          if (!find_header (g_ptr_array_index (tables, last + 1), &next) || !same_layout (&next, &layout))
            break;
          last++;
        }
    }

  plan = jln_plan_new ();
  importer.filename = filename;
  importer.report = own_report;
  importer.plan = plan;
  importer.layout = layout;
  importer.lang = options->lang >= 0 ? (JlnLang) options->lang
                  : layout.fr > layout.en ? JLN_LANG_FR
                  : layout.en > layout.fr ? JLN_LANG_EN : jln_lang_from_locale ();
  importer.ui_lang = jln_lang_from_locale ();
  importer.units = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  importer.objectives = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  importer.actions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  importer.made = g_string_new (NULL);
  importer.note = g_string_new (NULL);

  title = title_from_filename (filename);
  set_field (JLN_RECORD (plan), importer.lang == JLN_LANG_FR ? "title-fr" : "title-en", title);
  importer_add_principles (&importer);

  {
    JlnTable *first = g_ptr_array_index (tables, chosen);

    if (layout.header_row != G_MAXUINT)
      {
        JlnTableRow *header = g_ptr_array_index (first->rows, layout.header_row);

        importer.headers = g_new0 (char *, header->n_cells + 1);
        for (guint c = 0; c < header->n_cells; c++)
          importer.headers[c] = clean (header->cells[c]);
        importer.n_headers = header->n_cells;
      }
    else
      {
        guint n = 0;

        for (guint r = 0; r < first->rows->len; r++)
          n = MAX (n, ((JlnTableRow *) g_ptr_array_index (first->rows, r))->n_cells);
        importer.headers = g_new0 (char *, n + 1);
        for (guint c = 0; c < n; c++)
          /* Translators: a column with no header; %u is its number. */
          importer.headers[c] = g_strdup_printf (_("Column %u"), c + 1);
        importer.n_headers = n;
      }
    {
      GString *spec = g_string_new (NULL);

      for (guint c = 0; c < importer.n_headers; c++)
        {
          const char *role = "note";

          for (guint r = 0; r < N_ROLES; r++)
            if (layout.columns[r] == (int) c)
              role = role_names[r];
          if (c < 64 && (layout.ignored & (G_GUINT64_CONSTANT (1) << c)) != 0)
            role = "-";
          g_string_append_printf (spec, c > 0 ? ",%s" : "%s", role);
        }
      own_report->columns = g_string_free (spec, FALSE);
      own_report->headers = g_strdupv (importer.headers);
    }
    if (last > chosen)
      /* Translators: %1$s is the name of a table; %2$u how many tables follow it. */
      own_report->table = g_strdup_printf (dngettext (GETTEXT_PACKAGE,
                                                      "%1$s and the %2$u table after it",
                                                      "%1$s and the %2$u tables after it",
                                                      last - chosen),
                                           first->name, last - chosen);
    else
      own_report->table = g_strdup (first->name);
  }

  for (guint t = chosen; t <= last; t++)
    {
      JlnTable *table = g_ptr_array_index (tables, t);
      Layout own = { .header_row = G_MAXUINT };

      if (options->columns != NULL)
        own.header_row = layout.header_row;
      else
        find_header (table, &own);
      importer.numbered = table_is_numbered (&importer, table,
                                             own.header_row == G_MAXUINT ? 0 : own.header_row + 1);
      read_table (&importer, table, own.header_row);
    }

  g_hash_table_unref (importer.units);
  g_hash_table_unref (importer.objectives);
  g_hash_table_unref (importer.actions);
  g_string_free (importer.made, TRUE);
  g_string_free (importer.note, TRUE);
  g_strfreev (importer.headers);
  g_free (importer.theme);

  if (own_report->n_actions == 0)
    {
      g_set_error (error, JLN_ERROR, JLN_ERROR_INVALID,
                   /* Translators: %1$s is a file, %2$s a sheet or table. */
                   _("%1$s: %2$s: no row could be read as an action"), filename, own_report->table);
      return NULL;
    }

  if (importer.first != JLN_SEMESTER_NONE)
    {
      set_semester (JLN_RECORD (plan), "start", importer.first);
      set_semester (JLN_RECORD (plan), "end", importer.last);
    }
  _jln_plan_index_add (plan, JLN_RECORD (plan));

  if (report != NULL)
    *report = g_steal_pointer (&own_report);
  return g_steal_pointer (&plan);
}

/**
 * jln_import_read_file:
 *
 * Returns: (transfer full): the plan read from the tables of the file at
 *   @path, or %NULL with @error set
 */
JlnPlan *
jln_import_read_file (const char              *path,
                      const JlnImportOptions  *options,
                      JlnImportReport        **report,
                      GError                 **error)
{
  g_autoptr(GPtrArray) tables = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  tables = jln_table_read_file (path, error);
  if (tables == NULL)
    return NULL;
  return jln_import_read_tables (tables, path, options, report, error);
}

/**
 * jln_import_file:
 *
 * Reads the tables of the file at @path and writes the plan made of them
 * into a new plan file at @output, which must not exist. Nothing is
 * written unless the whole file could be read.
 *
 * Returns: (transfer full): the new document, or %NULL with @error set
 */
JlnDocument *
jln_import_file (const char              *path,
                 const char              *output,
                 const JlnImportOptions  *options,
                 JlnImportReport        **report,
                 GError                 **error)
{
  g_autoptr(JlnPlan) plan = NULL;
  g_autofree char *origin = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (output != NULL, NULL);

  plan = jln_import_read_file (path, options, report, error);
  if (plan == NULL)
    return NULL;
  origin = g_path_get_basename (path);
  return jln_document_create (output, plan, origin, error);
}

/**
 * jln_import_handles:
 *
 * Returns: whether @path names a file of tables that jln_import_file() reads
 */
gboolean
jln_import_handles (const char *path)
{
  static const char * const suffixes[] = { ".csv", ".tsv", ".txt", ".ods", ".xlsx", ".odt", ".docx" };
  g_autofree char *lower = g_ascii_strdown (path, -1);

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    if (g_str_has_suffix (lower, suffixes[i]))
      return TRUE;
  return FALSE;
}

/**
 * jln_import_command:
 * @table: the table to read, from 1; 0 for the first that looks like a plan
 * @lang: (nullable): "fr" or "en", the language of the plan's text
 * @report_text: (out): the report, as the command line prints it
 *
 * What `jalons --import=IN --output=OUT [--table=N] [--lang=fr|en]` does
 * with a file of tables.
 *
 * Returns: (transfer full): the new document, or %NULL with @error set
 */
JlnDocument *
jln_import_command (const char  *path,
                    const char  *output,
                    int          table,
                    const char  *lang,
                    const char  *columns,
                    char       **report_text,
                    GError     **error)
{
  JlnImportOptions options = JLN_IMPORT_OPTIONS_INIT;
  g_autoptr(JlnImportReport) report = NULL;
  JlnDocument *document;
  JlnLang content_lang;

  if (lang != NULL)
    {
      if (!jln_lang_from_string (lang, &content_lang))
        {
          g_set_error (error, JLN_ERROR, JLN_ERROR_INVALID, _("--lang takes fr or en"));
          return NULL;
        }
      options.lang = content_lang;
    }
  if (table < 0)
    {
      g_set_error (error, JLN_ERROR, JLN_ERROR_INVALID, _("--table takes a number from 1"));
      return NULL;
    }
  options.table = table;
  options.columns = columns;
  document = jln_import_file (path, output, &options, &report, error);
  if (report != NULL)
    *report_text = jln_import_report_format (report);
  return document;
}

/* Into an open plan */

static void
remap_refs (JlnRecord  *record,
            GHashTable *map)
{
  const JlnKindInfo *info = _jln_record_get_info (record);

  for (guint i = 0; i < info->n_fields; i++)
    {
      GPtrArray *refs;

      if (info->fields[i].type != JLN_FIELD_REFS)
        continue;
      refs = *(GPtrArray **) _jln_record_field_ptr (record, &info->fields[i]);
      for (guint r = 0; r < refs->len; r++)
        {
          JlnRecord *target = g_hash_table_lookup (map, g_ptr_array_index (refs, r));

          if (target == NULL)
            continue;
          g_object_unref (g_ptr_array_index (refs, r));
          g_ptr_array_index (refs, r) = g_object_ref (target);
        }
    }
}

/* Maps each record of @original's tree to its copy's, and gives the copy
 * the target plan's records in its references. */
static void
map_copy (JlnRecord  *original,
          JlnRecord  *copy,
          GHashTable *map,
          GPtrArray  *copies)
{
  const JlnKindInfo *info = _jln_record_get_info (original);

  g_hash_table_insert (map, original, copy);
  g_ptr_array_add (copies, g_object_ref (copy));
  for (guint i = 0; i < info->n_children; i++)
    {
      GListModel *a = _jln_record_peek_children (original, info->children[i]);
      GListModel *b = _jln_record_peek_children (copy, info->children[i]);

      for (guint j = 0; a != NULL && b != NULL && j < g_list_model_get_n_items (a); j++)
        {
          g_autoptr(JlnRecord) child_a = g_list_model_get_item (a, j);
          g_autoptr(JlnRecord) child_b = g_list_model_get_item (b, j);

          map_copy (child_a, child_b, map, copies);
        }
    }
}

static gboolean
principle_is_used (JlnPlan      *plan,
                   JlnPrinciple *principle)
{
  GListModel *objectives = jln_plan_get_objectives (plan);

  for (guint i = 0; i < g_list_model_get_n_items (objectives); i++)
    {
      g_autoptr(JlnObjective) objective = g_list_model_get_item (objectives, i);
      GListModel *actions = jln_objective_get_actions (objective);

      for (guint j = 0; j < g_list_model_get_n_items (actions); j++)
        {
          g_autoptr(JlnAction) action = g_list_model_get_item (actions, j);
          GPtrArray *refs = jln_action_get_principles (action);

          for (guint r = 0; r < refs->len; r++)
            if (g_ptr_array_index (refs, r) == (gpointer) principle)
              return TRUE;
        }
    }
  return FALSE;
}

static JlnRecord *
find_unit_in (JlnPlan   *plan,
              JlnUnit   *unit)
{
  GListModel *units = jln_plan_get_units (plan);
  g_autofree char *code = simplify (jln_unit_get_code (unit));

  for (guint i = 0; i < g_list_model_get_n_items (units); i++)
    {
      g_autoptr(JlnUnit) candidate = g_list_model_get_item (units, i);
      const JlnText *name = jln_unit_get_name (candidate);
      const char *texts[] = { jln_unit_get_code (candidate), name->fr, name->en };

      for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
        {
          g_autofree char *key = texts[t] != NULL ? simplify (texts[t]) : NULL;

          if (key != NULL && g_str_equal (key, code))
            return JLN_RECORD (candidate);
        }
    }
  return NULL;
}

/**
 * jln_import_edit_into:
 * @imported: a plan made by jln_import_read_tables()
 * @target: the plan it goes into
 * @label: the name of the step, for undo
 *
 * One edit that adds what @imported holds to @target: its actions under
 * the objectives of the same number (new objectives otherwise), its units
 * where @target has none of that code or name, its indicators. Applied
 * with jln_document_apply(), it is one step that undo removes.
 *
 * Returns: (transfer full): the edit
 */
JlnEdit *
jln_import_edit_into (JlnPlan    *imported,
                      JlnPlan    *target,
                      const char *label)
{
  g_autoptr(GHashTable) map = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) copies = g_ptr_array_new_with_free_func (g_object_unref);
  JlnEdit *group = jln_edit_new_group (label);
  GListModel *units = jln_plan_get_units (imported);
  GListModel *principles = jln_plan_get_principles (imported);
  GListModel *objectives = jln_plan_get_objectives (imported);
  GListModel *indicators = jln_plan_get_indicators (imported);
  GListModel *target_principles = jln_plan_get_principles (target);
  guint n_units = g_list_model_get_n_items (jln_plan_get_units (target));
  guint n_principles = g_list_model_get_n_items (target_principles);
  guint n_objectives = g_list_model_get_n_items (jln_plan_get_objectives (target));
  guint n_indicators = g_list_model_get_n_items (jln_plan_get_indicators (target));
  guint next_indicator = 1;

  g_return_val_if_fail (JLN_IS_PLAN (imported), NULL);
  g_return_val_if_fail (JLN_IS_PLAN (target), NULL);

  for (guint i = 0; i < g_list_model_get_n_items (units); i++)
    {
      g_autoptr(JlnUnit) unit = g_list_model_get_item (units, i);
      JlnRecord *existing = find_unit_in (target, unit);

      if (existing != NULL)
        g_hash_table_insert (map, unit, existing);
      else
        {
          g_autoptr(JlnRecord) copy = jln_record_copy (JLN_RECORD (unit));

          map_copy (JLN_RECORD (unit), copy, map, copies);
          jln_edit_group_add (group, jln_edit_new_insert (JLN_RECORD (target), copy, n_units++));
        }
    }

  for (guint i = 0; i < g_list_model_get_n_items (principles); i++)
    {
      g_autoptr(JlnPrinciple) principle = g_list_model_get_item (principles, i);
      JlnRecord *existing = NULL;

      for (guint j = 0; j < n_principles && existing == NULL; j++)
        {
          g_autoptr(JlnPrinciple) candidate = g_list_model_get_item (target_principles, j);

          if (jln_principle_get_number (candidate) == jln_principle_get_number (principle))
            existing = JLN_RECORD (candidate);
        }
      if (existing != NULL)
        g_hash_table_insert (map, principle, existing);
      else if (principle_is_used (imported, principle))
        {
          g_autoptr(JlnRecord) copy = jln_record_copy (JLN_RECORD (principle));

          map_copy (JLN_RECORD (principle), copy, map, copies);
          jln_edit_group_add (group, jln_edit_new_insert (JLN_RECORD (target), copy,
                                                          g_list_model_get_n_items (target_principles)));
        }
    }

  for (guint i = 0; i < g_list_model_get_n_items (objectives); i++)
    {
      g_autoptr(JlnObjective) objective = g_list_model_get_item (objectives, i);
      GListModel *target_objectives = jln_plan_get_objectives (target);
      JlnRecord *existing = NULL;

      for (guint j = 0; j < g_list_model_get_n_items (target_objectives) && existing == NULL; j++)
        {
          g_autoptr(JlnObjective) candidate = g_list_model_get_item (target_objectives, j);

          if (g_strcmp0 (jln_objective_get_number (candidate), jln_objective_get_number (objective)) == 0)
            existing = JLN_RECORD (candidate);
        }

      if (existing == NULL)
        {
          g_autoptr(JlnRecord) copy = jln_record_copy (JLN_RECORD (objective));

          map_copy (JLN_RECORD (objective), copy, map, copies);
          jln_edit_group_add (group, jln_edit_new_insert (JLN_RECORD (target), copy, n_objectives++));
        }
      else
        {
          GListModel *actions = jln_objective_get_actions (objective);
          guint position = g_list_model_get_n_items (jln_objective_get_actions (JLN_OBJECTIVE (existing)));

          for (guint a = 0; a < g_list_model_get_n_items (actions); a++)
            {
              g_autoptr(JlnRecord) action = g_list_model_get_item (actions, a);
              g_autoptr(JlnRecord) copy = jln_record_copy (action);

              map_copy (action, copy, map, copies);
              jln_edit_group_add (group, jln_edit_new_insert (existing, copy, position++));
            }
        }
    }

  /* Indicators are numbered after the plan's own. */
  for (guint i = 0; i < n_indicators; i++)
    {
      g_autoptr(JlnIndicator) indicator = g_list_model_get_item (jln_plan_get_indicators (target), i);

      next_indicator = MAX (next_indicator, (guint) jln_indicator_get_number (indicator) + 1);
    }
  for (guint i = 0; i < g_list_model_get_n_items (indicators) && next_indicator <= 9999; i++)
    {
      g_autoptr(JlnRecord) indicator = g_list_model_get_item (indicators, i);
      g_autoptr(JlnRecord) copy = jln_record_copy (indicator);
      g_autofree char *number = g_strdup_printf ("%u", next_indicator++);

      map_copy (indicator, copy, map, copies);
      set_field (copy, "number", number);
      jln_edit_group_add (group, jln_edit_new_insert (JLN_RECORD (target), copy, n_indicators++));
    }

  for (guint i = 0; i < copies->len; i++)
    remap_refs (g_ptr_array_index (copies, i), map);
  return group;
}
