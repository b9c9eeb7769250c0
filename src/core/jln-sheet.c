/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "jln-gettext.h"

#include "jln-doc-private.h"
#include "jln-i18n.h"
#include "jln-principle.h"
#include "jln-sheet.h"
#include "jln-unit.h"

/* The fields */

typedef enum
{
  F_KIND,
  F_NUMBER,
  F_OBJECTIVE,
  F_OBJECTIVE_TITLE,
  F_TITLE,
  F_STATUS,
  F_COMPLETED,
  F_PLANNED,
  F_UNITS,
  F_TITLE_FR,
  F_TITLE_EN,
  F_THEME_FR,
  F_THEME_EN,
  F_DESCRIPTION_FR,
  F_DESCRIPTION_EN,
  F_EXTENSION_FR,
  F_EXTENSION_EN,
  F_NOTE_FR,
  F_NOTE_EN,
  F_REFERENCES,
  F_ACTORS_FR,
  F_ACTORS_EN,
  F_FOLLOW_UP_FR,
  F_FOLLOW_UP_EN,
  F_SCHEDULE_FR,
  F_SCHEDULE_EN,
  F_STATUS_CODE,
  F_COMPLETED_FROM,
  F_COMPLETED_BY,
  F_START,
  F_DUE,
  F_DUE_BY,
  F_RECURRENCE,
  F_NEXT,
  F_PRINCIPLES,
  F_OVERDUE,
  N_FIELDS,
} Field;

/* The first nine are the columns of the short CSV, with its words. */
static const char *field_titles[N_FIELDS] = {
  [F_KIND] = N_("Kind"),
  [F_NUMBER] = N_("Number"),
  [F_OBJECTIVE] = N_("Objective"),
  [F_OBJECTIVE_TITLE] = N_("Objective title"),
  [F_TITLE] = N_("Title"),
  [F_STATUS] = N_("Status"),
  [F_COMPLETED] = N_("Completed"),
  [F_PLANNED] = N_("Planned"),
  [F_UNITS] = N_("Units"),
  [F_TITLE_FR] = N_("Title (French)"),
  [F_TITLE_EN] = N_("Title (English)"),
  [F_THEME_FR] = N_("Theme (French)"),
  [F_THEME_EN] = N_("Theme (English)"),
  [F_DESCRIPTION_FR] = N_("Description (French)"),
  [F_DESCRIPTION_EN] = N_("Description (English)"),
  [F_EXTENSION_FR] = N_("Extension (French)"),
  [F_EXTENSION_EN] = N_("Extension (English)"),
  [F_NOTE_FR] = N_("Note (French)"),
  [F_NOTE_EN] = N_("Note (English)"),
  [F_REFERENCES] = N_("References"),
  [F_ACTORS_FR] = N_("Actors (French)"),
  [F_ACTORS_EN] = N_("Actors (English)"),
  [F_FOLLOW_UP_FR] = N_("Follow-up (French)"),
  [F_FOLLOW_UP_EN] = N_("Follow-up (English)"),
  [F_SCHEDULE_FR] = N_("Schedule (French)"),
  [F_SCHEDULE_EN] = N_("Schedule (English)"),
  [F_STATUS_CODE] = N_("Status code"),
  [F_COMPLETED_FROM] = N_("Completed from"),
  [F_COMPLETED_BY] = N_("Completed by"),
  [F_START] = N_("Start semester"),
  [F_DUE] = N_("Due semester"),
  [F_DUE_BY] = N_("Due by"),
  [F_RECURRENCE] = N_("Recurrence"),
  [F_NEXT] = N_("Next semester"),
  [F_PRINCIPLES] = N_("Principles"),
  [F_OVERDUE] = N_("Overdue"),
};

guint
jln_sheet_get_n_fields (void)
{
  return N_FIELDS;
}

const char *
jln_sheet_get_field_title (guint   field,
                           JlnLang lang)
{
  g_return_val_if_fail (field < N_FIELDS, NULL);
  return jln_translate (lang, field_titles[field]);
}

void
jln_sheet_value_clear (JlnSheetValue *value)
{
  g_clear_pointer (&value->text, g_free);
  value->type = JLN_SHEET_EMPTY;
}

static void
set_string (JlnSheetValue *value,
            const char    *text)
{
  if (text == NULL || text[0] == '\0')
    return;
  value->type = JLN_SHEET_STRING;
  value->text = g_strdup (text);
}

static void
take_string (JlnSheetValue *value,
             char          *text)
{
  set_string (value, text);
  g_free (text);
}

static void
set_date (JlnSheetValue *value,
          int            year,
          int            month,
          int            day)
{
  if (year <= 0)
    return;
  value->type = JLN_SHEET_DATE;
  value->year = year;
  value->month = month;
  value->day = day;
  value->text = g_strdup_printf ("%04d-%02d-%02d", year, month, day);
}

static void
set_semester_end (JlnSheetValue *value,
                  JlnSemester    semester)
{
  if (semester == JLN_SEMESTER_NONE)
    return;
  if (jln_semester_get_half (semester) == 1)
    set_date (value, jln_semester_get_year (semester), 6, 30);
  else
    set_date (value, jln_semester_get_year (semester), 12, 31);
}

static void
set_semester_start (JlnSheetValue *value,
                    JlnSemester    semester)
{
  if (semester == JLN_SEMESTER_NONE)
    return;
  set_date (value, jln_semester_get_year (semester), jln_semester_get_half (semester) == 1 ? 1 : 7, 1);
}

static void
set_iso_semester (JlnSheetValue *value,
                  JlnSemester    semester)
{
  take_string (value, jln_semester_format (semester, JLN_SEMESTER_STYLE_ISO, JLN_LANG_EN));
}

static char *
join_units (GPtrArray *units)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; units != NULL && i < units->len; i++)
    {
      if (i > 0)
        g_string_append (out, ", ");
      g_string_append (out, jln_unit_get_code (g_ptr_array_index (units, i)));
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
join_principles (GPtrArray *principles)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; principles != NULL && i < principles->len; i++)
    {
      if (i > 0)
        g_string_append (out, ", ");
      g_string_append_printf (out, "%d", jln_principle_get_number (g_ptr_array_index (principles, i)));
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}


void
jln_sheet_get_value (guint              field,
                     const JlnSheetRow *row,
                     JlnSheetValue     *value)
{
  JlnAction *action = row->action;
  JlnActionItem *item = row->item;
  const JlnText *title = item != NULL ? jln_action_item_get_title (item) : jln_action_get_title (action);
  JlnStatus status = item != NULL ? jln_action_item_get_status (item) : jln_action_get_status (action);
  const JlnCompletion *completion = item != NULL ? jln_action_item_get_completion (item)
                                                 : jln_action_get_completion (action);
  JlnSemester due = item != NULL && jln_action_item_get_due (item) != JLN_SEMESTER_NONE
                    ? jln_action_item_get_due (item) : jln_action_get_due (action);
  JlnLang lang = row->lang;

  memset (value, 0, sizeof *value);
  switch ((Field) field)
    {
    case F_KIND:
      set_string (value, item != NULL ? C_("csv kind", "sub-item") : C_("csv kind", "action"));
      break;
    case F_NUMBER:
      if (item != NULL)
        take_string (value, g_strdup_printf ("%s %s", jln_action_get_number (action),
                                             jln_action_item_get_label (item)));
      else
        set_string (value, jln_action_get_number (action));
      break;
    case F_OBJECTIVE:
      set_string (value, jln_objective_get_number (row->objective));
      break;
    case F_OBJECTIVE_TITLE:
      set_string (value, jln_text_get_fallback (jln_objective_get_title (row->objective), lang, NULL));
      break;
    case F_TITLE:
      set_string (value, jln_text_get_fallback (title, lang, NULL));
      break;
    case F_STATUS:
      set_string (value, jln_status_get_label_in (status, lang));
      break;
    case F_COMPLETED:
      take_string (value, jln_completion_format (completion, lang));
      break;
    case F_PLANNED:
      take_string (value, jln_semester_format (due, JLN_SEMESTER_STYLE_LONG, lang));
      break;
    case F_UNITS:
      {
        GPtrArray *units = item != NULL ? jln_action_item_get_units (item) : NULL;

        if (units == NULL || units->len == 0)
          units = jln_action_get_units (action);
        take_string (value, join_units (units));
      }
      break;
    case F_TITLE_FR:
      set_string (value, title->fr);
      break;
    case F_TITLE_EN:
      set_string (value, title->en);
      break;
    case F_THEME_FR:
      set_string (value, jln_action_get_theme (action)->fr);
      break;
    case F_THEME_EN:
      set_string (value, jln_action_get_theme (action)->en);
      break;
    case F_DESCRIPTION_FR:
      if (item == NULL)
        set_string (value, jln_action_get_description (action)->fr);
      break;
    case F_DESCRIPTION_EN:
      if (item == NULL)
        set_string (value, jln_action_get_description (action)->en);
      break;
    case F_EXTENSION_FR:
      if (item == NULL)
        set_string (value, jln_action_get_extension (action)->fr);
      break;
    case F_EXTENSION_EN:
      if (item == NULL)
        set_string (value, jln_action_get_extension (action)->en);
      break;
    case F_NOTE_FR:
      if (item == NULL)
        set_string (value, jln_action_get_note (action)->fr);
      break;
    case F_NOTE_EN:
      if (item == NULL)
        set_string (value, jln_action_get_note (action)->en);
      break;
    case F_REFERENCES:
      if (item == NULL && jln_action_get_references (action) != NULL)
        take_string (value, g_strjoinv (", ", (char **) jln_action_get_references (action)));
      break;
    case F_ACTORS_FR:
      if (item == NULL)
        set_string (value, jln_action_get_actors (action)->fr);
      break;
    case F_ACTORS_EN:
      if (item == NULL)
        set_string (value, jln_action_get_actors (action)->en);
      break;
    case F_FOLLOW_UP_FR:
      if (item == NULL)
        set_string (value, jln_action_get_follow_up (action)->fr);
      break;
    case F_FOLLOW_UP_EN:
      if (item == NULL)
        set_string (value, jln_action_get_follow_up (action)->en);
      break;
    case F_SCHEDULE_FR:
      if (item == NULL)
        set_string (value, jln_action_get_schedule (action)->fr);
      break;
    case F_SCHEDULE_EN:
      if (item == NULL)
        set_string (value, jln_action_get_schedule (action)->en);
      break;
    case F_STATUS_CODE:
      set_string (value, jln_status_to_string (status));
      break;
    case F_COMPLETED_FROM:
      set_semester_start (value, jln_completion_get_first (completion));
      break;
    case F_COMPLETED_BY:
      set_semester_end (value, jln_completion_get_last (completion));
      break;
    case F_START:
      if (item == NULL)
        set_iso_semester (value, jln_action_get_start (action));
      break;
    case F_DUE:
      set_iso_semester (value, due);
      break;
    case F_DUE_BY:
      set_semester_end (value, due);
      break;
    case F_RECURRENCE:
      if (item == NULL && jln_action_get_recurrence (action) == JLN_RECURRENCE_YEARLY)
        set_string (value, jln_translate (lang, N_("yearly")));
      break;
    case F_NEXT:
      if (item == NULL)
        set_iso_semester (value, jln_action_get_next (action));
      break;
    case F_PRINCIPLES:
      if (item == NULL)
        take_string (value, join_principles (jln_action_get_principles (action)));
      break;
    case F_OVERDUE:
      value->type = JLN_SHEET_BOOLEAN;
      value->number = jln_semester_is_overdue (due, status, row->today) ? 1 : 0;
      break;
    case N_FIELDS:
    default:
      g_return_if_reached ();
    }
}

void
jln_sheet_foreach_row (JlnPlan         *plan,
                       JlnQuery        *query,
                       JlnLang          lang,
                       JlnSemester      today,
                       JlnSheetRowFunc  func,
                       gpointer         user_data)
{
  GListModel *objectives = jln_plan_get_objectives (plan);

  for (guint i = 0; i < g_list_model_get_n_items (objectives); i++)
    {
      g_autoptr(JlnObjective) objective = g_list_model_get_item (objectives, i);
      GListModel *actions = jln_objective_get_actions (objective);

      for (guint j = 0; j < g_list_model_get_n_items (actions); j++)
        {
          g_autoptr(JlnAction) action = g_list_model_get_item (actions, j);
          GListModel *items = _jln_action_get_n_items (action) > 0 ? jln_action_get_items (action) : NULL;
          JlnSheetRow row = { objective, action, NULL, lang, today };

          if (query != NULL && !jln_query_match (query, action, today))
            continue;
          func (&row, user_data);
          for (guint k = 0; items != NULL && k < g_list_model_get_n_items (items); k++)
            {
              g_autoptr(JlnActionItem) item = g_list_model_get_item (items, k);

              row.item = item;
              func (&row, user_data);
            }
        }
    }
}

/* The writers */

typedef struct
{
  JlnDoc           doc;     /* for the path and the first error only */
  JlnZipOutput     zip;
  gboolean         open;
  gboolean         xlsx;
  GsfOutput       *member;
  xmlTextWriterPtr xml;
  GCancellable    *cancellable;
  guint            row;
} Sheet;

static const JlnDocClass no_class = { NULL };

#define NS_OFFICE "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
#define NS_STYLE "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
#define NS_TEXT "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
#define NS_TABLE "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
#define NS_FO "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
#define NS_NUMBER "urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"
#define NS_MAIN "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
#define NS_R "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define NS_PKG_RELS "http://schemas.openxmlformats.org/package/2006/relationships"
#define NS_CT "http://schemas.openxmlformats.org/package/2006/content-types"

static const char ods_manifest[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\""
  " manifest:version=\"1.3\">"
  "<manifest:file-entry manifest:full-path=\"/\" manifest:version=\"1.3\""
  " manifest:media-type=\"application/vnd.oasis.opendocument.spreadsheet\"/>"
  "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>"
  "<manifest:file-entry manifest:full-path=\"styles.xml\" manifest:media-type=\"text/xml\"/>"
  "</manifest:manifest>\n";

static const char ods_styles[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<office:document-styles xmlns:office=\"" NS_OFFICE "\" xmlns:style=\"" NS_STYLE "\""
  " xmlns:fo=\"" NS_FO "\" office:version=\"1.3\"><office:styles>"
  "<style:default-style style:family=\"table-cell\"><style:text-properties fo:font-size=\"10pt\"/>"
  "</style:default-style></office:styles></office:document-styles>\n";

static const char xlsx_content_types[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
  "<Types xmlns=\"" NS_CT "\">"
  "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
  "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
  "<Override PartName=\"/xl/workbook.xml\""
  " ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
  "<Override PartName=\"/xl/worksheets/sheet1.xml\""
  " ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
  "<Override PartName=\"/xl/styles.xml\""
  " ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
  "</Types>\n";

static const char xlsx_rels[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
  "<Relationships xmlns=\"" NS_PKG_RELS "\"><Relationship Id=\"rId1\""
  " Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\""
  " Target=\"xl/workbook.xml\"/></Relationships>\n";

static const char xlsx_workbook_rels[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
  "<Relationships xmlns=\"" NS_PKG_RELS "\">"
  "<Relationship Id=\"rId1\""
  " Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\""
  " Target=\"worksheets/sheet1.xml\"/>"
  "<Relationship Id=\"rId2\""
  " Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\""
  " Target=\"styles.xml\"/></Relationships>\n";

/* Style 1: a date, shown as 2022-12-31; style 2: bold, for the header. */
static const char xlsx_styles[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
  "<styleSheet xmlns=\"" NS_MAIN "\">"
  "<numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"yyyy\\-mm\\-dd\"/></numFmts>"
  "<fonts count=\"2\"><font><sz val=\"10\"/><name val=\"Arial\"/></font>"
  "<font><b/><sz val=\"10\"/><name val=\"Arial\"/></font></fonts>"
  "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill>"
  "<fill><patternFill patternType=\"gray125\"/></fill></fills>"
  "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
  "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
  "<cellXfs count=\"3\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
  "<xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
  "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/></cellXfs>"
  "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
  "</styleSheet>\n";

static void
start (Sheet      *self,
       const char *name)
{
  xmlTextWriterStartElement (self->xml, BAD_CAST name);
}

static void
attr (Sheet      *self,
      const char *name,
      const char *value)
{
  xmlTextWriterWriteAttribute (self->xml, BAD_CAST name, BAD_CAST value);
}

static void
end (Sheet *self)
{
  xmlTextWriterEndElement (self->xml);
}

static void
open_member (Sheet      *self,
             const char *name)
{
  GError *error = NULL;

  self->member = _jln_zip_output_add (&self->zip, name, TRUE, &error);
  if (self->member == NULL)
    {
      _jln_doc_fail (&self->doc, error);
      return;
    }
  self->xml = _jln_xml_open (self->member, &self->doc);
}

static void
begin (Sheet      *self,
       const char *sheet_name)
{
  JlnDoc *doc = &self->doc;

  if (self->xlsx)
    {
      g_autofree char *workbook = NULL;
      xmlTextWriterPtr xml;
      GError *error = NULL;
      GsfOutput *member;

      if (!_jln_zip_output_add_text (&self->zip, "[Content_Types].xml", xlsx_content_types, TRUE, doc)
          || !_jln_zip_output_add_text (&self->zip, "_rels/.rels", xlsx_rels, TRUE, doc)
          || !_jln_zip_output_add_text (&self->zip, "xl/_rels/workbook.xml.rels", xlsx_workbook_rels,
                                        TRUE, doc)
          || !_jln_zip_output_add_text (&self->zip, "xl/styles.xml", xlsx_styles, TRUE, doc))
        return;
      member = _jln_zip_output_add (&self->zip, "xl/workbook.xml", TRUE, &error);
      if (member == NULL)
        {
          _jln_doc_fail (doc, error);
          return;
        }
      xml = _jln_xml_open (member, doc);
      xmlTextWriterStartElement (xml, BAD_CAST "workbook");
      xmlTextWriterWriteAttribute (xml, BAD_CAST "xmlns", BAD_CAST NS_MAIN);
      xmlTextWriterWriteAttribute (xml, BAD_CAST "xmlns:r", BAD_CAST NS_R);
      xmlTextWriterStartElement (xml, BAD_CAST "sheets");
      xmlTextWriterStartElement (xml, BAD_CAST "sheet");
      xmlTextWriterWriteAttribute (xml, BAD_CAST "name", BAD_CAST sheet_name);
      xmlTextWriterWriteAttribute (xml, BAD_CAST "sheetId", BAD_CAST "1");
      xmlTextWriterWriteAttribute (xml, BAD_CAST "r:id", BAD_CAST "rId1");
      xmlTextWriterEndElement (xml);
      xmlTextWriterEndElement (xml);
      xmlTextWriterEndElement (xml);
      if (!_jln_xml_close (xml, member, doc))
        return;

      open_member (self, "xl/worksheets/sheet1.xml");
      if (doc->error != NULL)
        return;
      start (self, "worksheet");
      attr (self, "xmlns", NS_MAIN);
      attr (self, "xmlns:r", NS_R);
      /* The header row stays in view. */
      start (self, "sheetViews");
      start (self, "sheetView");
      attr (self, "workbookViewId", "0");
      start (self, "pane");
      attr (self, "ySplit", "1");
      attr (self, "topLeftCell", "A2");
      attr (self, "activePane", "bottomLeft");
      attr (self, "state", "frozen");
      end (self);
      end (self);
      end (self);
      start (self, "sheetData");
      return;
    }

  if (!_jln_zip_output_add_text (&self->zip, "mimetype", "application/vnd.oasis.opendocument.spreadsheet",
                                 FALSE, doc)
      || !_jln_zip_output_add_text (&self->zip, "META-INF/manifest.xml", ods_manifest, TRUE, doc)
      || !_jln_zip_output_add_text (&self->zip, "styles.xml", ods_styles, TRUE, doc))
    return;
  open_member (self, "content.xml");
  if (doc->error != NULL)
    return;
  start (self, "office:document-content");
  attr (self, "xmlns:office", NS_OFFICE);
  attr (self, "xmlns:style", NS_STYLE);
  attr (self, "xmlns:text", NS_TEXT);
  attr (self, "xmlns:table", NS_TABLE);
  attr (self, "xmlns:fo", NS_FO);
  attr (self, "xmlns:number", NS_NUMBER);
  attr (self, "office:version", "1.3");
  start (self, "office:automatic-styles");
  /* Dates shown as 2022-12-31. */
  start (self, "number:date-style");
  attr (self, "style:name", "N1");
  start (self, "number:year");
  attr (self, "number:style", "long");
  end (self);
  xmlTextWriterWriteElement (self->xml, BAD_CAST "number:text", BAD_CAST "-");
  start (self, "number:month");
  attr (self, "number:style", "long");
  end (self);
  xmlTextWriterWriteElement (self->xml, BAD_CAST "number:text", BAD_CAST "-");
  start (self, "number:day");
  attr (self, "number:style", "long");
  end (self);
  end (self);
  start (self, "style:style");
  attr (self, "style:name", "Date");
  attr (self, "style:family", "table-cell");
  attr (self, "style:data-style-name", "N1");
  end (self);
  /* Booleans shown as TRUE and FALSE, as spreadsheets name them. */
  start (self, "number:boolean-style");
  attr (self, "style:name", "N2");
  start (self, "number:boolean");
  end (self);
  end (self);
  start (self, "style:style");
  attr (self, "style:name", "Boolean");
  attr (self, "style:family", "table-cell");
  attr (self, "style:data-style-name", "N2");
  end (self);
  start (self, "style:style");
  attr (self, "style:name", "Header");
  attr (self, "style:family", "table-cell");
  start (self, "style:text-properties");
  attr (self, "fo:font-weight", "bold");
  end (self);
  end (self);
  end (self);
  start (self, "office:body");
  start (self, "office:spreadsheet");
  start (self, "table:table");
  attr (self, "table:name", sheet_name);
  start (self, "table:table-header-rows");
}

/* Excel's cell reference of column @column, row @row (from 0). */
static char *
cell_ref (guint column,
          guint row)
{
  char letters[8];
  int n = 0;

  column++;
  while (column > 0 && n < (int) sizeof letters)
    {
      letters[n++] = 'A' + (column - 1) % 26;
      column = (column - 1) / 26;
    }
  {
    g_autoptr(GString) out = g_string_new (NULL);

    while (n > 0)
      g_string_append_c (out, letters[--n]);
    g_string_append_printf (out, "%u", row + 1);
    return g_string_free (g_steal_pointer (&out), FALSE);
  }
}

/* Days since 1899-12-30, as spreadsheets count dates. */
static int
serial_date (int year,
             int month,
             int day)
{
  GDate date, epoch;

  g_date_clear (&date, 1);
  g_date_clear (&epoch, 1);
  g_date_set_dmy (&date, day, month, year);
  g_date_set_dmy (&epoch, 30, 12, 1899);
  return g_date_days_between (&epoch, &date);
}

static void
write_cell (Sheet               *self,
            guint                column,
            const JlnSheetValue *value,
            gboolean             header)
{
  g_autofree char *clean = value->text != NULL ? g_utf8_make_valid (value->text, -1) : NULL;

  for (char *p = clean; p != NULL && *p != '\0'; p++)
    if ((guchar) *p < 0x20 && *p != '\n' && *p != '\t')
      *p = ' ';

  if (self->xlsx)
    {
      g_autofree char *ref = cell_ref (column, self->row);

      if (value->type == JLN_SHEET_EMPTY)
        return;
      start (self, "c");
      attr (self, "r", ref);
      switch (value->type)
        {
        case JLN_SHEET_STRING:
          attr (self, "t", "inlineStr");
          if (header)
            attr (self, "s", "2");
          start (self, "is");
          start (self, "t");
          attr (self, "xml:space", "preserve");
          xmlTextWriterWriteString (self->xml, BAD_CAST clean);
          end (self);
          end (self);
          break;
        case JLN_SHEET_NUMBER:
          xmlTextWriterWriteFormatElement (self->xml, BAD_CAST "v", "%.15g", value->number);
          break;
        case JLN_SHEET_DATE:
          attr (self, "s", "1");
          xmlTextWriterWriteFormatElement (self->xml, BAD_CAST "v", "%d",
                                           serial_date (value->year, value->month, value->day));
          break;
        case JLN_SHEET_BOOLEAN:
          attr (self, "t", "b");
          xmlTextWriterWriteFormatElement (self->xml, BAD_CAST "v", "%d", value->number != 0);
          break;
        case JLN_SHEET_EMPTY:
        default:
          break;
        }
      end (self);
      return;
    }

  start (self, "table:table-cell");
  switch (value->type)
    {
    case JLN_SHEET_STRING:
      attr (self, "office:value-type", "string");
      if (header)
        attr (self, "table:style-name", "Header");
      {
        g_auto(GStrv) lines = g_strsplit (clean, "\n", -1);

        for (guint i = 0; lines[i] != NULL; i++)
          xmlTextWriterWriteElement (self->xml, BAD_CAST "text:p", BAD_CAST lines[i]);
      }
      break;
    case JLN_SHEET_NUMBER:
      attr (self, "office:value-type", "float");
      xmlTextWriterWriteFormatAttribute (self->xml, BAD_CAST "office:value", "%.15g", value->number);
      xmlTextWriterWriteFormatElement (self->xml, BAD_CAST "text:p", "%.15g", value->number);
      break;
    case JLN_SHEET_DATE:
      attr (self, "office:value-type", "date");
      attr (self, "table:style-name", "Date");
      attr (self, "office:date-value", value->text);
      xmlTextWriterWriteElement (self->xml, BAD_CAST "text:p", BAD_CAST value->text);
      break;
    case JLN_SHEET_BOOLEAN:
      attr (self, "office:value-type", "boolean");
      attr (self, "table:style-name", "Boolean");
      attr (self, "office:boolean-value", value->number != 0 ? "true" : "false");
      xmlTextWriterWriteElement (self->xml, BAD_CAST "text:p",
                                 BAD_CAST (value->number != 0 ? "TRUE" : "FALSE"));
      break;
    case JLN_SHEET_EMPTY:
    default:
      break;
    }
  end (self);
}

static void
row_begin (Sheet *self)
{
  if (self->xlsx)
    {
      start (self, "row");
      xmlTextWriterWriteFormatAttribute (self->xml, BAD_CAST "r", "%u", self->row + 1);
    }
  else
    start (self, "table:table-row");
}

static void
row_end (Sheet *self)
{
  end (self);
  self->row++;
  if (self->row % 256 == 0 && self->cancellable != NULL && self->doc.error == NULL)
    {
      GError *error = NULL;

      if (g_cancellable_set_error_if_cancelled (self->cancellable, &error))
        _jln_doc_fail (&self->doc, error);
    }
}

static void
write_header (Sheet   *self,
              JlnLang  lang)
{
  row_begin (self);
  for (guint i = 0; i < N_FIELDS; i++)
    {
      JlnSheetValue value = { JLN_SHEET_STRING, (char *) jln_sheet_get_field_title (i, lang) };

      write_cell (self, i, &value, TRUE);
    }
  row_end (self);
  if (!self->xlsx)
    end (self);   /* table:table-header-rows */
}

static void
write_row_cb (const JlnSheetRow *row,
              gpointer           user_data)
{
  Sheet *self = user_data;

  if (self->doc.error != NULL)
    return;
  row_begin (self);
  for (guint i = 0; i < N_FIELDS; i++)
    {
      JlnSheetValue value;

      jln_sheet_get_value (i, row, &value);
      write_cell (self, i, &value, FALSE);
      jln_sheet_value_clear (&value);
    }
  row_end (self);
}

static gboolean
finish (Sheet   *self,
        GError **error)
{
  if (self->doc.error == NULL)
    {
      if (self->xlsx)
        {
          end (self);   /* sheetData */
          end (self);   /* worksheet */
        }
      else
        {
          end (self);   /* table:table */
          end (self);   /* office:spreadsheet */
          end (self);   /* office:body */
          end (self);   /* office:document-content */
        }
    }
  if (self->xml != NULL)
    _jln_xml_close (g_steal_pointer (&self->xml), g_steal_pointer (&self->member), &self->doc);
  if (self->doc.error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&self->doc.error));
      return FALSE;
    }
  self->open = FALSE;
  return _jln_zip_output_commit (&self->zip, error);
}

gboolean
jln_sheet_format_from_path (const char *path)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  return g_str_has_suffix (lower, ".ods") || g_str_has_suffix (lower, ".xlsx");
}

/**
 * jln_sheet_write_actions:
 * @query: (nullable): only the actions it matches
 * @lang: the language of the headers and of the columns in one language
 *
 * Writes one row per action and per sub-item, through a temporary file
 * beside @path: the file appears whole, or not at all.
 */
gboolean
jln_sheet_write_actions (JlnPlan       *plan,
                         JlnQuery      *query,
                         JlnLang        lang,
                         const char    *path,
                         GCancellable  *cancellable,
                         GError       **error)
{
  Sheet self = { { 0 } };
  g_autofree char *lower = g_ascii_strdown (path, -1);
  gboolean ok;

  g_return_val_if_fail (JLN_IS_PLAN (plan), FALSE);

  if (!jln_sheet_format_from_path (path))
    {
      g_set_error (error, JLN_ERROR, JLN_ERROR_INVALID,
                   _("%s: unknown spreadsheet format: use .ods, .xlsx or .csv"), path);
      return FALSE;
    }
  _jln_doc_init (&self.doc, &no_class, path);
  self.xlsx = g_str_has_suffix (lower, ".xlsx");
  self.cancellable = cancellable;
  if (!_jln_zip_output_open (&self.zip, path, error))
    {
      g_free (self.doc.path);
      return FALSE;
    }
  self.open = TRUE;
  begin (&self, jln_translate (lang, N_("Actions")));
  if (self.doc.error == NULL)
    write_header (&self, lang);
  if (self.doc.error == NULL)
    jln_sheet_foreach_row (plan, query != NULL && jln_query_is_empty (query) ? NULL : query, lang,
                           jln_semester_today (), write_row_cb, &self);
  if (self.doc.error == NULL && cancellable != NULL)
    {
      GError *cancel = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, &cancel))
        _jln_doc_fail (&self.doc, cancel);
    }
  ok = finish (&self, error);
  if (self.xml != NULL)
    xmlFreeTextWriter (self.xml);
  if (self.member != NULL && !gsf_output_is_closed (self.member))
    gsf_output_close (self.member);
  g_clear_object (&self.member);
  if (self.open)
    _jln_zip_output_abort (&self.zip);
  g_clear_error (&self.doc.error);
  g_free (self.doc.path);
  return ok;
}
