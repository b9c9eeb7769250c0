/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "jln-gettext.h"

#include "jln-doc-private.h"

/* Office Open XML (WordprocessingML): the package parts, the styles,
 * and word/document.xml streamed as the document is described. Lengths
 * are in twentieths of a point. */

#define NS_W "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define NS_R "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define NS_PKG_RELS "http://schemas.openxmlformats.org/package/2006/relationships"
#define NS_CT "http://schemas.openxmlformats.org/package/2006/content-types"
#define NS_CP "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
#define NS_DC "http://purl.org/dc/elements/1.1/"
#define NS_WP "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
#define NS_A "http://schemas.openxmlformats.org/drawingml/2006/main"
#define NS_PIC "http://schemas.openxmlformats.org/drawingml/2006/picture"
#define EMU_PER_MM 36000.0

#define TWIPS_PER_CM 566.93
#define MARGIN_TWIPS 850

typedef struct
{
  JlnZipDoc        base;
  guint            grid[64];
  gboolean         in_header_row;
  JlnDocStyle      style;
} JlnDocDocx;

static const char *style_ids[JLN_DOC_N_STYLES] = {
  [JLN_DOC_STYLE_BODY] = "BodyText",
  [JLN_DOC_STYLE_TITLE] = "Title",
  [JLN_DOC_STYLE_HEADING] = "Heading1",
  [JLN_DOC_STYLE_SUBHEADING] = "Heading2",
  [JLN_DOC_STYLE_BULLET] = "ListBullet",
  [JLN_DOC_STYLE_CELL] = "TableContents",
  [JLN_DOC_STYLE_CELL_HEADER] = "TableHeading",
};

static void
start (JlnDocDocx *self,
       const char *name)
{
  xmlTextWriterStartElement (self->base.xml, BAD_CAST name);
}

static void
attr (JlnDocDocx *self,
      const char *name,
      const char *value)
{
  xmlTextWriterWriteAttribute (self->base.xml, BAD_CAST name, BAD_CAST value);
}

static void
end (JlnDocDocx *self)
{
  xmlTextWriterEndElement (self->base.xml);
}

/* <name w:val="value"/> */
static void
element_val (JlnDocDocx *self,
             const char *name,
             const char *value)
{
  start (self, name);
  if (value != NULL)
    attr (self, "w:val", value);
  end (self);
}

static const char content_types_xml[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
  "<Types xmlns=\"" NS_CT "\">"
  "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
  "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
  "<Default Extension=\"png\" ContentType=\"image/png\"/>"
  "<Override PartName=\"/word/document.xml\""
  " ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
  "<Override PartName=\"/word/styles.xml\""
  " ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
  "<Override PartName=\"/word/footer1.xml\""
  " ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>"
  "<Override PartName=\"/docProps/core.xml\""
  " ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
  "</Types>\n";

static const char package_rels_xml[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
  "<Relationships xmlns=\"" NS_PKG_RELS "\">"
  "<Relationship Id=\"rId1\""
  " Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\""
  " Target=\"word/document.xml\"/>"
  "<Relationship Id=\"rId2\""
  " Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\""
  " Target=\"docProps/core.xml\"/>"
  "</Relationships>\n";

static const char document_rels_start[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
  "<Relationships xmlns=\"" NS_PKG_RELS "\">"
  "<Relationship Id=\"rId1\""
  " Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\""
  " Target=\"styles.xml\"/>"
  "<Relationship Id=\"rId2\""
  " Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer\""
  " Target=\"footer1.xml\"/>";

/* The document's relationships, to its pictures too: written last. */
static char *
document_rels_xml (JlnDoc *doc)
{
  GString *xml = g_string_new (document_rels_start);

  for (guint i = 0; doc->pictures != NULL && i < doc->pictures->len; i++)
    g_string_append_printf (xml, "<Relationship Id=\"rIdImage%u\""
                                 " Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\""
                                 " Target=\"media/image%u.png\"/>", i + 1, i + 1);
  g_string_append (xml, "</Relationships>\n");
  return g_string_free (xml, FALSE);
}

#define PARA_STYLE(id, name, based, ppr, rpr) \
  "<w:style w:type=\"paragraph\" w:styleId=\"" id "\"><w:name w:val=\"" name "\"/>" \
  "<w:basedOn w:val=\"" based "\"/><w:qFormat/><w:pPr>" ppr "</w:pPr><w:rPr>" rpr "</w:rPr></w:style>"

static char *
styles_xml (JlnDoc *doc)
{
  return g_strdup_printf (
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<w:styles xmlns:w=\"" NS_W "\">"
    "<w:docDefaults><w:rPrDefault><w:rPr>"
    "<w:rFonts w:ascii=\"Arial\" w:hAnsi=\"Arial\" w:cs=\"Arial\" w:eastAsia=\"Arial\"/>"
    "<w:sz w:val=\"20\"/><w:szCs w:val=\"20\"/><w:lang w:val=\"%s\"/>"
    "</w:rPr></w:rPrDefault>"
    "<w:pPrDefault><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault>"
    "</w:docDefaults>"
    "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>"
    PARA_STYLE ("BodyText", "Body Text", "Normal", "<w:spacing w:after=\"120\"/>", "")
    PARA_STYLE ("Title", "Title", "Normal", "<w:spacing w:after=\"240\"/><w:jc w:val=\"center\"/>",
                "<w:b/><w:sz w:val=\"36\"/>")
    PARA_STYLE ("Heading1", "heading 1", "Normal",
                "<w:keepNext/><w:spacing w:before=\"240\" w:after=\"120\"/><w:outlineLvl w:val=\"0\"/>",
                "<w:b/><w:sz w:val=\"28\"/>")
    PARA_STYLE ("Heading2", "heading 2", "Normal",
                "<w:keepNext/><w:spacing w:before=\"180\" w:after=\"80\"/><w:outlineLvl w:val=\"1\"/>",
                "<w:b/><w:sz w:val=\"24\"/>")
    PARA_STYLE ("ListBullet", "List Bullet", "Normal",
                "<w:spacing w:after=\"60\"/><w:ind w:left=\"340\" w:hanging=\"227\"/>", "")
    PARA_STYLE ("TableContents", "Table Contents", "Normal", "", "<w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/>")
    PARA_STYLE ("TableHeading", "Table Heading", "TableContents", "<w:jc w:val=\"center\"/>", "<w:b/>")
    "<w:style w:type=\"table\" w:styleId=\"PlanTable\"><w:name w:val=\"Plan Table\"/>"
    "<w:tblPr><w:tblBorders>"
    "<w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
    "<w:left w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
    "<w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
    "<w:right w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
    "<w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
    "<w:insideV w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
    "</w:tblBorders><w:tblCellMar><w:top w:w=\"40\" w:type=\"dxa\"/><w:left w:w=\"60\" w:type=\"dxa\"/>"
    "<w:bottom w:w=\"40\" w:type=\"dxa\"/><w:right w:w=\"60\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr>"
    "</w:style>"
    "</w:styles>\n",
    doc->lang == JLN_LANG_FR ? "fr-FR" : "en-GB");
}

static void
write_core (JlnDocDocx *self)
{
  JlnDoc *doc = &self->base.parent;
  GError *error = NULL;
  GsfOutput *member = _jln_zip_output_add (&self->base.zip, "docProps/core.xml", TRUE, &error);
  xmlTextWriterPtr xml;

  if (member == NULL)
    {
      _jln_doc_fail (doc, error);
      return;
    }
  xml = _jln_xml_open (member, doc);
  xmlTextWriterStartElement (xml, BAD_CAST "cp:coreProperties");
  xmlTextWriterWriteAttribute (xml, BAD_CAST "xmlns:cp", BAD_CAST NS_CP);
  xmlTextWriterWriteAttribute (xml, BAD_CAST "xmlns:dc", BAD_CAST NS_DC);
  if (doc->title != NULL)
    xmlTextWriterWriteElement (xml, BAD_CAST "dc:title", BAD_CAST doc->title);
  xmlTextWriterWriteElement (xml, BAD_CAST "dc:creator", BAD_CAST "Jalons");
  xmlTextWriterWriteElement (xml, BAD_CAST "dc:language",
                             BAD_CAST (doc->lang == JLN_LANG_FR ? "fr-FR" : "en-GB"));
  xmlTextWriterEndElement (xml);
  _jln_xml_close (xml, member, doc);
}

static void
footer_run (xmlTextWriterPtr  xml,
            const char       *text)
{
  xmlTextWriterStartElement (xml, BAD_CAST "w:r");
  xmlTextWriterStartElement (xml, BAD_CAST "w:t");
  xmlTextWriterWriteAttribute (xml, BAD_CAST "xml:space", BAD_CAST "preserve");
  xmlTextWriterWriteString (xml, BAD_CAST text);
  xmlTextWriterEndElement (xml);
  xmlTextWriterEndElement (xml);
}

/* A field Word fills in: the page number, the number of pages. */
static void
footer_field (xmlTextWriterPtr  xml,
              const char       *instruction)
{
  xmlTextWriterStartElement (xml, BAD_CAST "w:fldSimple");
  xmlTextWriterWriteAttribute (xml, BAD_CAST "w:instr", BAD_CAST instruction);
  footer_run (xml, "1");
  xmlTextWriterEndElement (xml);
}

/* The title and "page N / M" at the foot of each page, in small type. */
static void
write_footer (JlnDocDocx *self)
{
  JlnDoc *doc = &self->base.parent;
  GError *error = NULL;
  GsfOutput *member = _jln_zip_output_add (&self->base.zip, "word/footer1.xml", TRUE, &error);
  xmlTextWriterPtr xml;

  if (member == NULL)
    {
      _jln_doc_fail (doc, error);
      return;
    }
  xml = _jln_xml_open (member, doc);
  xmlTextWriterStartElement (xml, BAD_CAST "w:ftr");
  xmlTextWriterWriteAttribute (xml, BAD_CAST "xmlns:w", BAD_CAST NS_W);
  xmlTextWriterStartElement (xml, BAD_CAST "w:p");
  xmlTextWriterStartElement (xml, BAD_CAST "w:pPr");
  xmlTextWriterStartElement (xml, BAD_CAST "w:jc");
  xmlTextWriterWriteAttribute (xml, BAD_CAST "w:val", BAD_CAST "center");
  xmlTextWriterEndElement (xml);
  xmlTextWriterStartElement (xml, BAD_CAST "w:rPr");
  xmlTextWriterStartElement (xml, BAD_CAST "w:sz");
  xmlTextWriterWriteAttribute (xml, BAD_CAST "w:val", BAD_CAST "16");
  xmlTextWriterEndElement (xml);
  xmlTextWriterEndElement (xml);
  xmlTextWriterEndElement (xml);
  if (doc->title != NULL && doc->title[0] != '\0')
    {
      g_autofree char *title = g_strconcat (doc->title, " — ", NULL);

      footer_run (xml, title);
    }
  footer_field (xml, " PAGE ");
  footer_run (xml, " / ");
  footer_field (xml, " NUMPAGES ");
  xmlTextWriterEndElement (xml);
  xmlTextWriterEndElement (xml);
  _jln_xml_close (xml, member, doc);
}

static void
docx_begin (JlnDoc *doc)
{
  JlnDocDocx *self = (JlnDocDocx *) doc;
  g_autofree char *styles = styles_xml (doc);

  if (!_jln_zip_output_add_text (&self->base.zip, "[Content_Types].xml", content_types_xml, TRUE,
                                 doc)
      || !_jln_zip_output_add_text (&self->base.zip, "_rels/.rels", package_rels_xml, TRUE, doc)
      || !_jln_zip_output_add_text (&self->base.zip, "word/styles.xml", styles, TRUE, doc))
    return;
  write_core (self);
  write_footer (self);
  if (doc->error != NULL)
    return;

  if (!_jln_zip_doc_begin_part (&self->base, "word/document.xml"))
    return;
  start (self, "w:document");
  attr (self, "xmlns:w", NS_W);
  attr (self, "xmlns:r", NS_R);
  attr (self, "xmlns:wp", NS_WP);
  attr (self, "xmlns:a", NS_A);
  attr (self, "xmlns:pic", NS_PIC);
  start (self, "w:body");
}

static void
docx_paragraph_begin (JlnDoc      *doc,
                      JlnDocStyle  style)
{
  JlnDocDocx *self = (JlnDocDocx *) doc;

  self->style = style;
  start (self, "w:p");
  start (self, "w:pPr");
  element_val (self, "w:pStyle", style_ids[style]);
  end (self);
  if (style == JLN_DOC_STYLE_BULLET)
    {
      start (self, "w:r");
      start (self, "w:t");
      attr (self, "xml:space", "preserve");
      xmlTextWriterWriteString (self->base.xml, BAD_CAST "•\t");
      end (self);
      end (self);
    }
}

static void
docx_text (JlnDoc         *doc,
           const char     *text,
           JlnDocEmphasis  emphasis)
{
  JlnDocDocx *self = (JlnDocDocx *) doc;
  g_auto(GStrv) parts = g_strsplit (text, "\t", -1);

  start (self, "w:r");
  if (emphasis != 0)
    {
      start (self, "w:rPr");
      if (emphasis & JLN_DOC_EMPHASIS_BOLD)
        element_val (self, "w:b", NULL);
      if (emphasis & JLN_DOC_EMPHASIS_ITALIC)
        element_val (self, "w:i", NULL);
      if (emphasis & JLN_DOC_EMPHASIS_UNDERLINE)
        element_val (self, "w:u", "single");
      end (self);
    }
  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (i > 0)
        element_val (self, "w:tab", NULL);
      if (parts[i][0] == '\0')
        continue;
      start (self, "w:t");
      attr (self, "xml:space", "preserve");
      xmlTextWriterWriteString (self->base.xml, BAD_CAST parts[i]);
      end (self);
    }
  end (self);
}

static void
docx_line_break (JlnDoc *doc)
{
  JlnDocDocx *self = (JlnDocDocx *) doc;

  start (self, "w:r");
  element_val (self, "w:br", NULL);
  end (self);
}

static void
docx_end_element (JlnDoc *doc)
{
  end ((JlnDocDocx *) doc);
}

/* Word joins tables that follow each other: a paragraph keeps them apart. */
static void
docx_table_end (JlnDoc *doc)
{
  JlnDocDocx *self = (JlnDocDocx *) doc;

  end (self);
  start (self, "w:p");
  end (self);
}

static void
docx_table_begin (JlnDoc *doc)
{
  JlnDocDocx *self = (JlnDocDocx *) doc;
  double text_width = _jln_doc_text_width_cm (doc) * TWIPS_PER_CM;
  guint total = 0;

  start (self, "w:tbl");
  start (self, "w:tblPr");
  element_val (self, "w:tblStyle", "PlanTable");
  start (self, "w:tblW");
  xmlTextWriterWriteFormatAttribute (self->base.xml, BAD_CAST "w:w", "%u", (guint) text_width);
  attr (self, "w:type", "dxa");
  end (self);
  element_val (self, "w:tblLayout", NULL);
  xmlTextWriterStartElement (self->base.xml, BAD_CAST "w:tblLook");
  attr (self, "w:val", "04A0");
  end (self);
  end (self);
  start (self, "w:tblGrid");
  for (guint i = 0; i < doc->n_columns && i < G_N_ELEMENTS (self->grid); i++)
    {
      self->grid[i] = (guint) (doc->widths[i] * text_width);
      total += self->grid[i];
      start (self, "w:gridCol");
      xmlTextWriterWriteFormatAttribute (self->base.xml, BAD_CAST "w:w", "%u", self->grid[i]);
      end (self);
    }
  end (self);
}

static void
docx_header_begin (JlnDoc *doc)
{
  ((JlnDocDocx *) doc)->in_header_row = TRUE;
}

static void
docx_header_end (JlnDoc *doc)
{
  ((JlnDocDocx *) doc)->in_header_row = FALSE;
}

static void
docx_row_begin (JlnDoc *doc)
{
  JlnDocDocx *self = (JlnDocDocx *) doc;

  start (self, "w:tr");
  start (self, "w:trPr");
  element_val (self, "w:cantSplit", NULL);
  if (self->in_header_row)
    element_val (self, "w:tblHeader", NULL);
  end (self);
}

/* Where a cell spans rows, which of its borders across the column are
 * left out: Word's vertical merges are not used, as LibreOffice leaves
 * out the rows after one that crosses a page. */
typedef enum
{
  OPEN_NONE   = 0,
  OPEN_TOP    = 1 << 0,
  OPEN_BOTTOM = 1 << 1,
} OpenSides;

static void
cell_properties (JlnDocDocx  *self,
                 JlnDocShade  shade,
                 guint        column_span,
                 OpenSides    open)
{
  JlnDoc *doc = &self->base.parent;
  guint width = 0;

  for (guint i = doc->column; i < doc->column + column_span && i < G_N_ELEMENTS (self->grid); i++)
    width += self->grid[i];
  start (self, "w:tcPr");
  start (self, "w:tcW");
  xmlTextWriterWriteFormatAttribute (self->base.xml, BAD_CAST "w:w", "%u", width);
  attr (self, "w:type", "dxa");
  end (self);
  if (column_span > 1)
    {
      start (self, "w:gridSpan");
      xmlTextWriterWriteFormatAttribute (self->base.xml, BAD_CAST "w:val", "%u", column_span);
      end (self);
    }
  if (open != OPEN_NONE)
    {
      start (self, "w:tcBorders");
      if (open & OPEN_TOP)
        element_val (self, "w:top", "nil");
      if (open & OPEN_BOTTOM)
        element_val (self, "w:bottom", "nil");
      end (self);
    }
  if (shade != JLN_DOC_SHADE_NONE)
    {
      start (self, "w:shd");
      attr (self, "w:val", "clear");
      attr (self, "w:color", "auto");
      attr (self, "w:fill", jln_doc_shade_get_rgb (shade));
      end (self);
    }
  end (self);
}

static void
docx_cell_begin (JlnDoc      *doc,
                 JlnDocShade  shade,
                 guint        column_span,
                 guint        row_span)
{
  JlnDocDocx *self = (JlnDocDocx *) doc;

  start (self, "w:tc");
  cell_properties (self, shade, column_span, row_span > 1 ? OPEN_BOTTOM : OPEN_NONE);
}

/* A cell spanning rows is its text in the first row and an empty cell
 * in each of the others, with no border between them; cells covered to
 * the right are left out (the left one spans them). */
static void
docx_covered_cell (JlnDoc   *doc,
                   gboolean  vertical)
{
  JlnDocDocx *self = (JlnDocDocx *) doc;
  gboolean last = doc->column >= doc->n_columns || doc->rows_below[doc->column] == 0;

  if (!vertical)
    return;
  start (self, "w:tc");
  cell_properties (self, JLN_DOC_SHADE_NONE, 1, last ? OPEN_TOP : OPEN_TOP | OPEN_BOTTOM);
  start (self, "w:p");
  end (self);
  end (self);
}

static gboolean
docx_finish (JlnDoc  *doc,
             GError **error)
{
  JlnDocDocx *self = (JlnDocDocx *) doc;

  if (self->base.xml == NULL)
    docx_begin (doc);
  if (doc->error == NULL)
    {
      double width = (doc->landscape ? 29.7 : 21.0) * TWIPS_PER_CM;
      double height = (doc->landscape ? 21.0 : 29.7) * TWIPS_PER_CM;

      start (self, "w:sectPr");
      start (self, "w:footerReference");
      attr (self, "w:type", "default");
      attr (self, "r:id", "rId2");
      end (self);
      start (self, "w:pgSz");
      xmlTextWriterWriteFormatAttribute (self->base.xml, BAD_CAST "w:w", "%u", (guint) width);
      xmlTextWriterWriteFormatAttribute (self->base.xml, BAD_CAST "w:h", "%u", (guint) height);
      if (doc->landscape)
        attr (self, "w:orient", "landscape");
      end (self);
      start (self, "w:pgMar");
      for (guint i = 0; i < 4; i++)
        {
          static const char *sides[] = { "w:top", "w:right", "w:bottom", "w:left" };
          xmlTextWriterWriteFormatAttribute (self->base.xml, BAD_CAST sides[i], "%u", MARGIN_TWIPS);
        }
      attr (self, "w:header", "425");
      attr (self, "w:footer", "425");
      attr (self, "w:gutter", "0");
      end (self);
      end (self);
      end (self);   /* w:body */
      end (self);   /* w:document */
    }
  return _jln_zip_doc_finish (&self->base, "word/media", "word/_rels/document.xml.rels",
                              document_rels_xml, error);
}

static void
extent (JlnDocDocx *self,
        const char *name,
        double      width_mm,
        double      height_mm)
{
  start (self, name);
  xmlTextWriterWriteFormatAttribute (self->base.xml, BAD_CAST "cx", "%.0f", width_mm * EMU_PER_MM);
  xmlTextWriterWriteFormatAttribute (self->base.xml, BAD_CAST "cy", "%.0f", height_mm * EMU_PER_MM);
  end (self);
}

/* A picture inline in its own centred paragraph, described by the
 * drawing's descr. */
static void
docx_picture (JlnDoc     *doc,
              guint       index,
              double      width_mm,
              double      height_mm,
              const char *alt_text)
{
  JlnDocDocx *self = (JlnDocDocx *) doc;
  g_autofree char *id = g_strdup_printf ("%u", index);
  g_autofree char *name = g_strdup_printf ("Picture %u", index);
  g_autofree char *file = g_strdup_printf ("image%u.png", index);
  g_autofree char *rel = g_strdup_printf ("rIdImage%u", index);

  start (self, "w:p");
  start (self, "w:pPr");
  element_val (self, "w:pStyle", style_ids[JLN_DOC_STYLE_BODY]);
  element_val (self, "w:jc", "center");
  end (self);
  start (self, "w:r");
  start (self, "w:drawing");
  start (self, "wp:inline");
  attr (self, "distT", "0");
  attr (self, "distB", "0");
  attr (self, "distL", "0");
  attr (self, "distR", "0");
  extent (self, "wp:extent", width_mm, height_mm);
  start (self, "wp:docPr");
  attr (self, "id", id);
  attr (self, "name", name);
  attr (self, "descr", alt_text);
  end (self);
  start (self, "wp:cNvGraphicFramePr");
  start (self, "a:graphicFrameLocks");
  attr (self, "noChangeAspect", "1");
  end (self);
  end (self);
  start (self, "a:graphic");
  start (self, "a:graphicData");
  attr (self, "uri", NS_PIC);
  start (self, "pic:pic");
  start (self, "pic:nvPicPr");
  start (self, "pic:cNvPr");
  attr (self, "id", id);
  attr (self, "name", file);
  attr (self, "descr", alt_text);
  end (self);
  start (self, "pic:cNvPicPr");
  end (self);
  end (self);   /* pic:nvPicPr */
  start (self, "pic:blipFill");
  start (self, "a:blip");
  attr (self, "r:embed", rel);
  end (self);
  start (self, "a:stretch");
  start (self, "a:fillRect");
  end (self);
  end (self);
  end (self);   /* pic:blipFill */
  start (self, "pic:spPr");
  start (self, "a:xfrm");
  start (self, "a:off");
  attr (self, "x", "0");
  attr (self, "y", "0");
  end (self);
  extent (self, "a:ext", width_mm, height_mm);
  end (self);   /* a:xfrm */
  start (self, "a:prstGeom");
  attr (self, "prst", "rect");
  start (self, "a:avLst");
  end (self);
  end (self);
  end (self);   /* pic:spPr */
  end (self);   /* pic:pic */
  end (self);   /* a:graphicData */
  end (self);   /* a:graphic */
  end (self);   /* wp:inline */
  end (self);   /* w:drawing */
  end (self);   /* w:r */
  end (self);   /* w:p */
}

static const JlnDocClass docx_class = {
  .begin = docx_begin,
  .paragraph_begin = docx_paragraph_begin,
  .text = docx_text,
  .line_break = docx_line_break,
  .paragraph_end = docx_end_element,
  .table_begin = docx_table_begin,
  .header_begin = docx_header_begin,
  .header_end = docx_header_end,
  .row_begin = docx_row_begin,
  .cell_begin = docx_cell_begin,
  .covered_cell = docx_covered_cell,
  .cell_end = docx_end_element,
  .row_end = docx_end_element,
  .table_end = docx_table_end,
  .picture = docx_picture,
  .finish = docx_finish,
  .free = _jln_zip_doc_free,
};

/**
 * jln_doc_new_docx:
 *
 * A document written as a Word document (DOCX) to @path, through a
 * temporary file beside it.
 *
 * Returns: (transfer full) (nullable): the document, or NULL when the
 *   file cannot be created
 */
JlnDoc *
jln_doc_new_docx (const char  *path,
                  GError     **error)
{
  return _jln_zip_doc_new (sizeof (JlnDocDocx), &docx_class, path, error);
}
