/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <gsf/gsf.h>
#include <libxml/parser.h>

#include "jln-doc.h"
#include "jln-json.h"
#include "jln-plan-doc.h"
#include "jln-sheet.h"
#include "jln-unit.h"

#include "jln-test-utils.h"

/* The bytes of a member of a zip file. */
static GBytes *
read_member (const char *path,
             const char *name)
{
  g_autoptr(GError) error = NULL;
  GsfInput *input = gsf_input_stdio_new (path, &error);
  GsfInfile *zip = NULL;
  GsfInput *member = NULL;
  GBytes *bytes;
  gsize size;

  g_assert_no_error (error);
  zip = gsf_infile_zip_new (input, &error);
  g_assert_no_error (error);
  {
    g_auto(GStrv) names = g_strsplit (name, "/", -1);

    member = gsf_infile_child_by_aname (zip, (const char **) names);
  }
  g_assert_nonnull (member);
  size = gsf_input_size (member);
  bytes = g_bytes_new (gsf_input_read (member, size, NULL), size);
  g_object_unref (member);
  g_object_unref (zip);
  g_object_unref (input);
  return bytes;
}

static xmlDocPtr
parse_member (const char *path,
              const char *name)
{
  g_autoptr(GBytes) bytes = read_member (path, name);
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  xmlDocPtr doc = xmlReadMemory (data, size, name, "UTF-8", XML_PARSE_NONET);

  g_assert_nonnull (doc);
  return doc;
}

static guint
count_elements (xmlNodePtr  node,
                const char *name)
{
  guint n = 0;

  for (; node != NULL; node = node->next)
    {
      if (node->type == XML_ELEMENT_NODE && g_str_equal ((const char *) node->name, name))
        n++;
      n += count_elements (node->children, name);
    }
  return n;
}

static char *
document_text (xmlDocPtr doc)
{
  xmlChar *text = xmlNodeGetContent (xmlDocGetRootElement (doc));
  char *copy = g_strdup ((const char *) text);

  xmlFree (text);
  return copy;
}

/* A table with a cell spanning rows, another spanning columns, hostile
 * text: well-formed XML, every grid position accounted for. */
static void
write_sample (JlnDoc *doc)
{
  static const double widths[] = { 0.2, 0.3, 0.5 };

  jln_doc_begin (doc, "Title <&>", JLN_LANG_FR, TRUE);
  jln_doc_paragraph (doc, JLN_DOC_STYLE_TITLE, "A & B < C \"quoted\"\x01 bell", 0);
  jln_doc_table_begin (doc, 3, widths);
  jln_doc_header_begin (doc);
  jln_doc_row_begin (doc);
  jln_doc_cell (doc, JLN_DOC_SHADE_HEADER, JLN_DOC_STYLE_CELL_HEADER, "H1", 0);
  jln_doc_cell (doc, JLN_DOC_SHADE_HEADER, JLN_DOC_STYLE_CELL_HEADER, "H2", 0);
  jln_doc_cell (doc, JLN_DOC_SHADE_HEADER, JLN_DOC_STYLE_CELL_HEADER, "H3", 0);
  jln_doc_row_end (doc);
  jln_doc_header_end (doc);
  jln_doc_row_begin (doc);
  jln_doc_cell_begin (doc, JLN_DOC_SHADE_NONE, 1, 3);
  jln_doc_paragraph (doc, JLN_DOC_STYLE_CELL, "spans three rows", JLN_DOC_EMPHASIS_BOLD);
  jln_doc_cell_end (doc);
  jln_doc_cell_begin (doc, JLN_DOC_SHADE_DONE, 2, 1);
  jln_doc_paragraph (doc, JLN_DOC_STYLE_CELL, "spans two columns", JLN_DOC_EMPHASIS_ITALIC);
  jln_doc_cell_end (doc);
  jln_doc_row_end (doc);
  jln_doc_row_begin (doc);
  jln_doc_cell (doc, JLN_DOC_SHADE_DONE_NEW, JLN_DOC_STYLE_CELL, "line one\nline  two", JLN_DOC_EMPHASIS_UNDERLINE);
  /* The last cell is left out: it is written empty. */
  jln_doc_row_end (doc);
  jln_doc_row_begin (doc);
  jln_doc_cell (doc, JLN_DOC_SHADE_NONE, JLN_DOC_STYLE_CELL, "b", 0);
  jln_doc_cell (doc, JLN_DOC_SHADE_NONE, JLN_DOC_STYLE_CELL, "c", 0);
  jln_doc_row_end (doc);
  jln_doc_table_end (doc);
}

static void
test_doc_odt (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("jalons-doc-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "sample.odt", NULL);
  g_autoptr(GBytes) mimetype = NULL;
  g_autofree char *text = NULL;
  JlnDoc *doc = jln_doc_new_odt (path, &error);
  xmlDocPtr xml;

  g_assert_no_error (error);
  write_sample (doc);
  g_assert_true (jln_doc_finish (doc, &error));
  g_assert_no_error (error);

  mimetype = read_member (path, "mimetype");
  g_assert_cmpmem (g_bytes_get_data (mimetype, NULL), g_bytes_get_size (mimetype),
                   "application/vnd.oasis.opendocument.text", 39);
  {
    /* The first member, stored: its name at offset 30, method 0 at 8. */
    g_autofree char *data = NULL;
    gsize length;

    g_assert_true (g_file_get_contents (path, &data, &length, NULL));
    g_assert_cmpmem (data + 30, 8, "mimetype", 8);
    g_assert_cmpint (data[8], ==, 0);
  }

  xml = parse_member (path, "content.xml");
  text = document_text (xml);
  /* The control character became a space; two spaces are kept as an element. */
  g_assert_nonnull (strstr (text, "A & B < C \"quoted\" bell"));
  g_assert_cmpuint (count_elements (xmlDocGetRootElement (xml), "s"), >=, 2);
  g_assert_nonnull (strstr (text, "spans three rows"));
  g_assert_cmpuint (count_elements (xmlDocGetRootElement (xml), "table-row"), ==, 4);
  /* Three columns in each row: cells and covered cells. */
  g_assert_cmpuint (count_elements (xmlDocGetRootElement (xml), "table-cell") +
                    count_elements (xmlDocGetRootElement (xml), "covered-table-cell"), ==, 12);
  g_assert_cmpuint (count_elements (xmlDocGetRootElement (xml), "covered-table-cell"), ==, 3);
  g_assert_cmpuint (count_elements (xmlDocGetRootElement (xml), "table-header-rows"), ==, 1);
  xmlFreeDoc (xml);

  /* Each page's foot: the title and the page number. */
  xml = parse_member (path, "styles.xml");
  g_free (text);
  text = document_text (xml);
  g_assert_nonnull (strstr (text, "Title <&>"));
  g_assert_cmpuint (count_elements (xmlDocGetRootElement (xml), "page-number"), ==, 1);
  xmlFreeDoc (xml);

  g_assert_true (jln_test_remove_tree (dir));
}

static void
test_doc_docx (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("jalons-doc-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "sample.docx", NULL);
  g_autofree char *text = NULL;
  JlnDoc *doc = jln_doc_new_docx (path, &error);
  xmlDocPtr xml;
  xmlNodePtr root;

  g_assert_no_error (error);
  write_sample (doc);
  g_assert_true (jln_doc_finish (doc, &error));
  g_assert_no_error (error);

  xml = parse_member (path, "word/document.xml");
  root = xmlDocGetRootElement (xml);
  text = document_text (xml);
  g_assert_nonnull (strstr (text, "A & B < C \"quoted\"  bell"));
  g_assert_nonnull (strstr (text, "line  two"));
  g_assert_cmpuint (count_elements (root, "br"), ==, 1);
  g_assert_cmpuint (count_elements (root, "tr"), ==, 4);
  /* Word: a cell per row for a span down, with no border between them
   * and no vertical merge (LibreOffice loses rows after one that crosses
   * a page); none for a span across. */
  g_assert_cmpuint (count_elements (root, "tc"), ==, 11);
  g_assert_cmpuint (count_elements (root, "vMerge"), ==, 0);
  g_assert_cmpuint (count_elements (root, "tcBorders"), ==, 3);
  g_assert_cmpuint (count_elements (root, "top"), ==, 2);
  g_assert_cmpuint (count_elements (root, "bottom"), ==, 2);
  g_assert_cmpuint (count_elements (root, "gridSpan"), ==, 1);
  g_assert_cmpuint (count_elements (root, "tblHeader"), ==, 1);
  xmlFreeDoc (xml);
  xml = parse_member (path, "word/footer1.xml");
  g_free (text);
  text = document_text (xml);
  g_assert_nonnull (strstr (text, "Title <&>"));
  g_assert_cmpuint (count_elements (xmlDocGetRootElement (xml), "fldSimple"), ==, 2);
  xmlFreeDoc (xml);
  xmlFreeDoc (parse_member (path, "[Content_Types].xml"));
  xmlFreeDoc (parse_member (path, "word/styles.xml"));

  g_assert_true (jln_test_remove_tree (dir));
}

/* A 1 × 1 PNG image. */
static const guint8 tiny_png[] = {
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
  0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4,
  0x89, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0x00, 0x01, 0x00, 0x00,
  0x05, 0x00, 0x01, 0x0d, 0x0a, 0x2d, 0xb4, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae,
  0x42, 0x60, 0x82,
};

/* Two pictures, one of bytes that are not a PNG image: left out. */
static void
write_pictures (JlnDoc *doc)
{
  g_autoptr(GBytes) png = g_bytes_new_static (tiny_png, sizeof tiny_png);
  g_autoptr(GBytes) gif = g_bytes_new_static ("GIF89a....", 10);

  jln_doc_begin (doc, "Pictures", JLN_LANG_EN, FALSE);
  jln_doc_paragraph (doc, JLN_DOC_STYLE_HEADING, "Charts", 0);
  jln_doc_picture (doc, gif, 50, 50, "not a PNG image");
  jln_doc_picture (doc, png, 100, 50, "Bars <&> \"for\" each objective");
  /* Wider than the page: as wide as the text, in proportion. */
  jln_doc_picture (doc, png, 1000, 100, "wide");
}

static gboolean
member_is_png (const char *path,
               const char *name)
{
  g_autoptr(GBytes) bytes = read_member (path, name);

  return g_bytes_get_size (bytes) == sizeof tiny_png
         && memcmp (g_bytes_get_data (bytes, NULL), tiny_png, sizeof tiny_png) == 0;
}

static char *
find_attribute (xmlNodePtr  node,
                const char *element,
                const char *attribute,
                guint       nth)
{
  for (; node != NULL; node = node->next)
    {
      if (node->type == XML_ELEMENT_NODE && g_str_equal ((const char *) node->name, element))
        {
          if (nth == 0)
            {
              xmlChar *value = xmlGetProp (node, BAD_CAST attribute);
              char *copy = g_strdup ((const char *) value);

              xmlFree (value);
              return copy;
            }
          nth--;
        }
      {
        guint below = count_elements (node->children, element);

        if (nth < below)
          return find_attribute (node->children, element, attribute, nth);
        nth -= below;
      }
    }
  return NULL;
}

static void
test_doc_pictures (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("jalons-doc-XXXXXX", &error);
  g_autofree char *odt = g_build_filename (dir, "pictures.odt", NULL);
  g_autofree char *docx = g_build_filename (dir, "pictures.docx", NULL);
  g_autofree char *text = NULL;
  g_autofree char *value = NULL;
  JlnDoc *doc;
  xmlDocPtr xml;
  xmlNodePtr root;

  g_assert_no_error (error);
  doc = jln_doc_new_odt (odt, &error);
  g_assert_no_error (error);
  write_pictures (doc);
  g_assert_true (jln_doc_finish (doc, &error));
  g_assert_no_error (error);
  xml = parse_member (odt, "content.xml");
  root = xmlDocGetRootElement (xml);
  g_assert_cmpuint (count_elements (root, "frame"), ==, 2);
  g_assert_cmpuint (count_elements (root, "image"), ==, 2);
  text = document_text (xml);
  g_assert_nonnull (strstr (text, "Bars <&> \"for\" each objective"));
  g_assert_null (strstr (text, "not a PNG image"));
  value = find_attribute (root, "image", "href", 0);
  g_assert_cmpstr (value, ==, "Pictures/image1.png");
  g_free (value);
  value = find_attribute (root, "frame", "width", 1);
  g_assert_cmpstr (value, ==, "180.0mm");
  g_free (value);
  value = find_attribute (root, "frame", "height", 1);
  g_assert_cmpstr (value, ==, "18.0mm");
  xmlFreeDoc (xml);
  g_assert_true (member_is_png (odt, "Pictures/image1.png"));
  g_assert_true (member_is_png (odt, "Pictures/image2.png"));
  xml = parse_member (odt, "META-INF/manifest.xml");
  g_free (value);
  value = find_attribute (xmlDocGetRootElement (xml), "file-entry", "full-path", 4);
  g_assert_cmpstr (value, ==, "Pictures/image1.png");
  g_free (value);
  value = find_attribute (xmlDocGetRootElement (xml), "file-entry", "media-type", 4);
  g_assert_cmpstr (value, ==, "image/png");
  xmlFreeDoc (xml);

  doc = jln_doc_new_docx (docx, &error);
  g_assert_no_error (error);
  write_pictures (doc);
  g_assert_true (jln_doc_finish (doc, &error));
  g_assert_no_error (error);
  xml = parse_member (docx, "word/document.xml");
  root = xmlDocGetRootElement (xml);
  g_assert_cmpuint (count_elements (root, "drawing"), ==, 2);
  g_free (value);
  value = find_attribute (root, "docPr", "descr", 0);
  g_assert_cmpstr (value, ==, "Bars <&> \"for\" each objective");
  g_free (value);
  value = find_attribute (root, "blip", "embed", 1);
  g_assert_cmpstr (value, ==, "rIdImage2");
  g_free (value);
  value = find_attribute (root, "extent", "cx", 1);
  g_assert_cmpstr (value, ==, "6480000");
  xmlFreeDoc (xml);
  g_assert_true (member_is_png (docx, "word/media/image1.png"));
  g_assert_true (member_is_png (docx, "word/media/image2.png"));
  xml = parse_member (docx, "word/_rels/document.xml.rels");
  g_free (value);
  value = find_attribute (xmlDocGetRootElement (xml), "Relationship", "Target", 3);
  g_assert_cmpstr (value, ==, "media/image2.png");
  xmlFreeDoc (xml);
  xml = parse_member (docx, "[Content_Types].xml");
  g_free (value);
  value = find_attribute (xmlDocGetRootElement (xml), "Default", "ContentType", 2);
  g_assert_cmpstr (value, ==, "image/png");
  xmlFreeDoc (xml);

  g_assert_true (jln_test_remove_tree (dir));
}

/* A cancelled export and one that cannot be written leave nothing. */
static void
test_doc_no_half_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JlnPlan) plan = jln_json_load_plan (JLN_TEST_BUNDLED_PLAN, &error);
  g_autofree char *dir = g_dir_make_tmp ("jalons-doc-XXXXXX", &error);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  const char *names[] = { "a.odt", "a.docx", "a.ods", "a.xlsx" };

  g_assert_no_error (error);
  g_cancellable_cancel (cancellable);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);
      g_autofree char *missing = g_build_filename (dir, "none", names[i], NULL);
      g_autoptr(GDir) listing = NULL;
      gboolean ok;

      if (jln_sheet_format_from_path (path))
        ok = jln_sheet_write_actions (plan, NULL, JLN_LANG_FR, path, cancellable, &error);
      else
        ok = jln_plan_doc_export (plan, JLN_PLAN_DOC_ACTIONS, NULL, JLN_LANG_FR, path, NULL, NULL,
                                  cancellable, &error);
      g_assert_false (ok);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      g_clear_error (&error);
      listing = g_dir_open (dir, 0, NULL);
      g_assert_null (g_dir_read_name (listing));

      if (jln_sheet_format_from_path (path))
        ok = jln_sheet_write_actions (plan, NULL, JLN_LANG_FR, missing, NULL, &error);
      else
        ok = jln_plan_doc_export (plan, JLN_PLAN_DOC_ACTIONS, NULL, JLN_LANG_FR, missing, NULL, NULL,
                                  NULL, &error);
      g_assert_false (ok);
      g_assert_error (error, JLN_ERROR, JLN_ERROR_IO);
      g_assert_nonnull (strstr (error->message, missing));
      g_clear_error (&error);
    }
  g_assert_true (jln_test_remove_tree (dir));
}

/* The abbreviations list the units that the chosen actions name. */
static void
test_doc_used_units (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JlnPlan) plan = jln_json_load_plan (JLN_TEST_BUNDLED_PLAN, &error);
  g_autoptr(JlnQuery) query = jln_query_parse ("objective:6", &error);
  g_autoptr(GPtrArray) units = NULL;
  g_autoptr(GString) codes = g_string_new (NULL);

  g_assert_no_error (error);
  units = jln_plan_doc_get_used_units (plan, JLN_PLAN_DOC_ACTIONS, query, jln_semester_today ());
  for (guint i = 0; i < units->len; i++)
    g_string_append_printf (codes, "%s;", jln_unit_get_code (g_ptr_array_index (units, i)));
  /* 6.1 RH; 6.2 DISC, DIS; 6.3 DISC, DIS, US48-Lorier; 6.4 DIS, RH, US48-Lorier;
   * in the order of the plan's list of units. */
  g_assert_cmpstr (codes->str, ==, "RH;DISC;DIS;US48-Lorier;");
}

/* Every field of a sub-item: its own, or its action's. */
static void
test_sheet_values (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JlnPlan) plan = jln_json_load_plan (JLN_TEST_BUNDLED_PLAN, &error);
  GListModel *objectives = jln_plan_get_objectives (plan);
  g_autoptr(JlnObjective) objective = g_list_model_get_item (objectives, 0);
  g_autoptr(JlnAction) action = g_list_model_get_item (jln_objective_get_actions (objective), 7);
  g_autoptr(JlnActionItem) item = g_list_model_get_item (jln_action_get_items (action), 0);
  JlnSheetRow row = { objective, action, item, JLN_LANG_EN, jln_semester_new (2026, 2) };
  JlnSheetValue value;
  guint due_by = G_MAXUINT, overdue = G_MAXUINT, number = G_MAXUINT;

  g_assert_no_error (error);
  g_assert_cmpstr (jln_action_get_number (action), ==, "1.8");
  for (guint i = 0; i < jln_sheet_get_n_fields (); i++)
    {
      const char *title = jln_sheet_get_field_title (i, JLN_LANG_EN);

      if (g_str_equal (title, "Due by"))
        due_by = i;
      else if (g_str_equal (title, "Overdue"))
        overdue = i;
      else if (g_str_equal (title, "Number"))
        number = i;
    }
  jln_sheet_get_value (number, &row, &value);
  g_assert_cmpstr (value.text, ==, "1.8 a");
  jln_sheet_value_clear (&value);
  /* 1.8 a is due in the first semester of 2022, 1.8 in the second. */
  jln_sheet_get_value (due_by, &row, &value);
  g_assert_cmpint (value.type, ==, JLN_SHEET_DATE);
  g_assert_cmpstr (value.text, ==, "2022-06-30");
  jln_sheet_value_clear (&value);
  jln_sheet_get_value (overdue, &row, &value);
  g_assert_cmpint (value.type, ==, JLN_SHEET_BOOLEAN);
  g_assert_cmpfloat (value.number, ==, 1);
  jln_sheet_value_clear (&value);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/doc/odt", test_doc_odt);
  g_test_add_func ("/core/doc/docx", test_doc_docx);
  g_test_add_func ("/core/doc/no-half-file", test_doc_no_half_file);
  g_test_add_func ("/core/doc/pictures", test_doc_pictures);
  g_test_add_func ("/core/doc/used-units", test_doc_used_units);
  g_test_add_func ("/core/sheet/values", test_sheet_values);

  return g_test_run ();
}
