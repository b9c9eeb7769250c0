/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "jln-gettext.h"

#include "jln-doc-private.h"

/* OpenDocument text (ODF 1.3): mimetype first and stored, then the
 * manifest, the styles, the metadata, and content.xml streamed as the
 * document is described. Column widths are shares of the text width,
 * rounded to whole percents, each with its automatic style. */

#define NS_OFFICE "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
#define NS_STYLE "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
#define NS_TEXT "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
#define NS_TABLE "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
#define NS_FO "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
#define NS_META "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
#define NS_DC "http://purl.org/dc/elements/1.1/"
#define NS_MANIFEST "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"
#define NS_DRAW "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
#define NS_SVG "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
#define NS_XLINK "http://www.w3.org/1999/xlink"

typedef struct
{
  JlnZipDoc        base;
  guint            n_tables;
} JlnDocOdt;

static const char *style_names[JLN_DOC_N_STYLES] = {
  [JLN_DOC_STYLE_BODY] = "Text_20_body",
  [JLN_DOC_STYLE_TITLE] = "Title",
  [JLN_DOC_STYLE_HEADING] = "Heading_20_1",
  [JLN_DOC_STYLE_SUBHEADING] = "Heading_20_2",
  [JLN_DOC_STYLE_BULLET] = "List_20_Bullet",
  [JLN_DOC_STYLE_CELL] = "Table_20_Contents",
  [JLN_DOC_STYLE_CELL_HEADER] = "Table_20_Heading",
};

static void
start (JlnDocOdt  *self,
       const char *name)
{
  xmlTextWriterStartElement (self->base.xml, BAD_CAST name);
}

static void
attr (JlnDocOdt  *self,
      const char *name,
      const char *value)
{
  xmlTextWriterWriteAttribute (self->base.xml, BAD_CAST name, BAD_CAST value);
}

static void
end (JlnDocOdt *self)
{
  xmlTextWriterEndElement (self->base.xml);
}

static char *
styles_xml (JlnDoc *doc)
{
  const char *width = doc->landscape ? "29.7cm" : "21cm";
  const char *height = doc->landscape ? "21cm" : "29.7cm";
  /* The title is plan text: escaped, as the rest of this file is fixed. */
  g_autofree char *title = g_markup_escape_text (doc->title != NULL ? doc->title : "", -1);

  return g_strdup_printf (
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<office:document-styles xmlns:office=\"" NS_OFFICE "\" xmlns:style=\"" NS_STYLE "\""
    " xmlns:text=\"" NS_TEXT "\" xmlns:table=\"" NS_TABLE "\" xmlns:fo=\"" NS_FO "\""
    " office:version=\"1.3\">"
    "<office:font-face-decls/>"
    "<office:styles>"
    "<style:default-style style:family=\"paragraph\">"
    "<style:paragraph-properties fo:hyphenation-ladder-count=\"no-limit\"/>"
    "<style:text-properties fo:font-family=\"Arial\" fo:font-size=\"10pt\" fo:language=\"%s\""
    " fo:country=\"%s\" fo:hyphenate=\"false\"/>"
    "</style:default-style>"
    "<style:style style:name=\"Standard\" style:family=\"paragraph\" style:class=\"text\"/>"
    "<style:style style:name=\"Text_20_body\" style:display-name=\"Text body\" style:family=\"paragraph\""
    " style:parent-style-name=\"Standard\" style:class=\"text\">"
    "<style:paragraph-properties fo:margin-top=\"0cm\" fo:margin-bottom=\"0.2cm\"/></style:style>"
    "<style:style style:name=\"Title\" style:family=\"paragraph\" style:parent-style-name=\"Standard\""
    " style:class=\"chapter\"><style:paragraph-properties fo:text-align=\"center\" fo:margin-bottom=\"0.4cm\"/>"
    "<style:text-properties fo:font-size=\"18pt\" fo:font-weight=\"bold\"/></style:style>"
    "<style:style style:name=\"Heading_20_1\" style:display-name=\"Heading 1\" style:family=\"paragraph\""
    " style:parent-style-name=\"Standard\" style:default-outline-level=\"1\" style:class=\"text\">"
    "<style:paragraph-properties fo:margin-top=\"0.4cm\" fo:margin-bottom=\"0.2cm\" fo:keep-with-next=\"always\"/>"
    "<style:text-properties fo:font-size=\"14pt\" fo:font-weight=\"bold\"/></style:style>"
    "<style:style style:name=\"Heading_20_2\" style:display-name=\"Heading 2\" style:family=\"paragraph\""
    " style:parent-style-name=\"Standard\" style:default-outline-level=\"2\" style:class=\"text\">"
    "<style:paragraph-properties fo:margin-top=\"0.3cm\" fo:margin-bottom=\"0.15cm\" fo:keep-with-next=\"always\"/>"
    "<style:text-properties fo:font-size=\"12pt\" fo:font-weight=\"bold\"/></style:style>"
    "<style:style style:name=\"List_20_Bullet\" style:display-name=\"List Bullet\" style:family=\"paragraph\""
    " style:parent-style-name=\"Standard\" style:class=\"list\">"
    "<style:paragraph-properties fo:margin-left=\"0.6cm\" fo:text-indent=\"-0.4cm\" fo:margin-bottom=\"0.1cm\"/>"
    "</style:style>"
    "<style:style style:name=\"Table_20_Contents\" style:display-name=\"Table Contents\" style:family=\"paragraph\""
    " style:parent-style-name=\"Standard\" style:class=\"extra\">"
    "<style:text-properties fo:font-size=\"9pt\"/></style:style>"
    "<style:style style:name=\"Footer\" style:family=\"paragraph\" style:parent-style-name=\"Standard\""
    " style:class=\"extra\"><style:paragraph-properties fo:text-align=\"center\"/>"
    "<style:text-properties fo:font-size=\"8pt\"/></style:style>"
    "<style:style style:name=\"Table_20_Heading\" style:display-name=\"Table Heading\" style:family=\"paragraph\""
    " style:parent-style-name=\"Table_20_Contents\" style:class=\"extra\">"
    "<style:paragraph-properties fo:text-align=\"center\"/>"
    "<style:text-properties fo:font-weight=\"bold\"/></style:style>"
    "</office:styles>"
    "<office:automatic-styles>"
    "<style:page-layout style:name=\"pm1\"><style:page-layout-properties fo:page-width=\"%s\""
    " fo:page-height=\"%s\" style:print-orientation=\"%s\" fo:margin-top=\"1.5cm\""
    " fo:margin-bottom=\"1cm\" fo:margin-left=\"1.5cm\" fo:margin-right=\"1.5cm\"/>"
    "<style:footer-style><style:header-footer-properties fo:min-height=\"0cm\" fo:margin-top=\"0.3cm\"/>"
    "</style:footer-style></style:page-layout>"
    "</office:automatic-styles>"
    "<office:master-styles><style:master-page style:name=\"Standard\" style:page-layout-name=\"pm1\">"
    "<style:footer><text:p text:style-name=\"Footer\">%s%s<text:page-number text:select-page=\"current\">1"
    "</text:page-number> / <text:page-count>1</text:page-count></text:p></style:footer>"
    "</style:master-page></office:master-styles>"
    "</office:document-styles>\n",
    doc->lang == JLN_LANG_FR ? "fr" : "en", doc->lang == JLN_LANG_FR ? "FR" : "GB",
    width, height, doc->landscape ? "landscape" : "portrait",
    title, title[0] != '\0' ? " — " : "");
}

static const char manifest_start[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<manifest:manifest xmlns:manifest=\"" NS_MANIFEST "\" manifest:version=\"1.3\">"
  "<manifest:file-entry manifest:full-path=\"/\" manifest:version=\"1.3\""
  " manifest:media-type=\"application/vnd.oasis.opendocument.text\"/>"
  "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>"
  "<manifest:file-entry manifest:full-path=\"styles.xml\" manifest:media-type=\"text/xml\"/>"
  "<manifest:file-entry manifest:full-path=\"meta.xml\" manifest:media-type=\"text/xml\"/>";

/* The manifest lists every member, the pictures too: written last. */
static char *
manifest_xml (JlnDoc *doc)
{
  GString *xml = g_string_new (manifest_start);

  for (guint i = 0; doc->pictures != NULL && i < doc->pictures->len; i++)
    g_string_append_printf (xml, "<manifest:file-entry manifest:full-path=\"Pictures/image%u.png\""
                                 " manifest:media-type=\"image/png\"/>", i + 1);
  g_string_append (xml, "</manifest:manifest>\n");
  return g_string_free (xml, FALSE);
}

static void
write_meta (JlnDocOdt *self)
{
  JlnDoc *doc = &self->base.parent;
  GError *error = NULL;
  GsfOutput *member = _jln_zip_output_add (&self->base.zip, "meta.xml", TRUE, &error);
  xmlTextWriterPtr xml;

  if (member == NULL)
    {
      _jln_doc_fail (doc, error);
      return;
    }
  xml = _jln_xml_open (member, doc);
  xmlTextWriterStartElement (xml, BAD_CAST "office:document-meta");
  xmlTextWriterWriteAttribute (xml, BAD_CAST "xmlns:office", BAD_CAST NS_OFFICE);
  xmlTextWriterWriteAttribute (xml, BAD_CAST "xmlns:meta", BAD_CAST NS_META);
  xmlTextWriterWriteAttribute (xml, BAD_CAST "xmlns:dc", BAD_CAST NS_DC);
  xmlTextWriterWriteAttribute (xml, BAD_CAST "office:version", BAD_CAST "1.3");
  xmlTextWriterStartElement (xml, BAD_CAST "office:meta");
  xmlTextWriterWriteElement (xml, BAD_CAST "meta:generator", BAD_CAST "Jalons/" PACKAGE_VERSION);
  if (doc->title != NULL)
    xmlTextWriterWriteElement (xml, BAD_CAST "dc:title", BAD_CAST doc->title);
  xmlTextWriterWriteElement (xml, BAD_CAST "dc:language",
                             BAD_CAST (doc->lang == JLN_LANG_FR ? "fr-FR" : "en-GB"));
  xmlTextWriterEndElement (xml);
  xmlTextWriterEndElement (xml);
  _jln_xml_close (xml, member, doc);
}

static void
write_automatic_styles (JlnDocOdt *self)
{
  JlnDoc *doc = &self->base.parent;
  double text_width = _jln_doc_text_width_cm (doc);

  start (self, "office:automatic-styles");

  start (self, "style:style");
  attr (self, "style:name", "Table");
  attr (self, "style:family", "table");
  start (self, "style:table-properties");
  {
    g_autofree char *width = g_strdup_printf ("%.2fcm", text_width);
    attr (self, "style:width", width);
  }
  attr (self, "table:align", "margins");
  attr (self, "table:border-model", "collapsing");
  attr (self, "fo:margin-top", "0.2cm");
  attr (self, "fo:margin-bottom", "0.3cm");
  end (self);
  end (self);

  for (guint p = 1; p <= 100; p++)
    {
      g_autofree char *name = g_strdup_printf ("Col%u", p);
      g_autofree char *width = g_strdup_printf ("%.2fcm", text_width * p / 100.0);
      g_autofree char *rel = g_strdup_printf ("%u*", p * 100);

      start (self, "style:style");
      attr (self, "style:name", name);
      attr (self, "style:family", "table-column");
      start (self, "style:table-column-properties");
      attr (self, "style:column-width", width);
      attr (self, "style:rel-column-width", rel);
      end (self);
      end (self);
    }

  /* A picture's paragraph: centred, away from the text around it. */
  start (self, "style:style");
  attr (self, "style:name", "Picture");
  attr (self, "style:family", "paragraph");
  attr (self, "style:parent-style-name", "Text_20_body");
  start (self, "style:paragraph-properties");
  attr (self, "fo:text-align", "center");
  attr (self, "fo:margin-top", "0.2cm");
  attr (self, "fo:margin-bottom", "0.3cm");
  end (self);
  end (self);

  /* Rows are not cut across pages. */
  start (self, "style:style");
  attr (self, "style:name", "Row");
  attr (self, "style:family", "table-row");
  start (self, "style:table-row-properties");
  attr (self, "fo:keep-together", "always");
  end (self);
  end (self);

  for (guint shade = 0; shade < JLN_DOC_N_SHADES; shade++)
    {
      g_autofree char *name = g_strdup_printf ("Cell%u", shade);
      g_autofree char *colour = g_strdup_printf ("#%s", jln_doc_shade_get_rgb (shade));

      start (self, "style:style");
      attr (self, "style:name", name);
      attr (self, "style:family", "table-cell");
      start (self, "style:table-cell-properties");
      attr (self, "fo:background-color", shade == JLN_DOC_SHADE_NONE ? "transparent" : colour);
      attr (self, "fo:border", "0.5pt solid #000000");
      attr (self, "fo:padding", "0.08cm");
      attr (self, "style:vertical-align", "top");
      end (self);
      end (self);
    }

  for (guint emphasis = 1; emphasis < JLN_DOC_N_EMPHASES; emphasis++)
    {
      g_autofree char *name = g_strdup_printf ("T%u", emphasis);

      start (self, "style:style");
      attr (self, "style:name", name);
      attr (self, "style:family", "text");
      start (self, "style:text-properties");
      if (emphasis & JLN_DOC_EMPHASIS_ITALIC)
        attr (self, "fo:font-style", "italic");
      if (emphasis & JLN_DOC_EMPHASIS_BOLD)
        attr (self, "fo:font-weight", "bold");
      if (emphasis & JLN_DOC_EMPHASIS_UNDERLINE)
        {
          attr (self, "style:text-underline-style", "solid");
          attr (self, "style:text-underline-width", "auto");
          attr (self, "style:text-underline-color", "font-color");
        }
      end (self);
      end (self);
    }

  end (self);
}

static void
odt_begin (JlnDoc *doc)
{
  JlnDocOdt *self = (JlnDocOdt *) doc;
  g_autofree char *styles = styles_xml (doc);

  if (!_jln_zip_output_add_text (&self->base.zip, "mimetype",
                                 "application/vnd.oasis.opendocument.text", FALSE, doc)
      || !_jln_zip_output_add_text (&self->base.zip, "styles.xml", styles, TRUE, doc))
    return;
  write_meta (self);
  if (doc->error != NULL)
    return;

  if (!_jln_zip_doc_begin_part (&self->base, "content.xml"))
    return;
  start (self, "office:document-content");
  attr (self, "xmlns:office", NS_OFFICE);
  attr (self, "xmlns:style", NS_STYLE);
  attr (self, "xmlns:text", NS_TEXT);
  attr (self, "xmlns:table", NS_TABLE);
  attr (self, "xmlns:fo", NS_FO);
  attr (self, "xmlns:draw", NS_DRAW);
  attr (self, "xmlns:svg", NS_SVG);
  attr (self, "xmlns:xlink", NS_XLINK);
  attr (self, "office:version", "1.3");
  write_automatic_styles (self);
  start (self, "office:body");
  start (self, "office:text");
}

static void
odt_paragraph_begin (JlnDoc      *doc,
                     JlnDocStyle  style)
{
  JlnDocOdt *self = (JlnDocOdt *) doc;

  if (style == JLN_DOC_STYLE_HEADING || style == JLN_DOC_STYLE_SUBHEADING)
    {
      start (self, "text:h");
      attr (self, "text:style-name", style_names[style]);
      attr (self, "text:outline-level", style == JLN_DOC_STYLE_HEADING ? "1" : "2");
    }
  else
    {
      start (self, "text:p");
      attr (self, "text:style-name", style_names[style]);
      if (style == JLN_DOC_STYLE_BULLET)
        xmlTextWriterWriteString (self->base.xml, BAD_CAST "• ");
    }
}

static void
odt_text (JlnDoc         *doc,
          const char     *text,
          JlnDocEmphasis  emphasis)
{
  JlnDocOdt *self = (JlnDocOdt *) doc;
  g_autofree char *style = emphasis != 0 ? g_strdup_printf ("T%u", emphasis) : NULL;
  const char *p = text;

  if (style != NULL)
    {
      start (self, "text:span");
      attr (self, "text:style-name", style);
    }
  /* Runs of spaces and tabs are elements in ODF, else they collapse. */
  while (*p != '\0')
    {
      const char *q = p;

      while (*q != '\0' && *q != '\t' && !(q[0] == ' ' && (q == text || q[1] == ' ' || q[1] == '\0')))
        q++;
      if (q > p)
        xmlTextWriterWriteFormatString (self->base.xml, "%.*s", (int) (q - p), p);
      if (*q == '\t')
        {
          start (self, "text:tab");
          end (self);
          q++;
        }
      else if (*q == ' ')
        {
          start (self, "text:s");
          end (self);
          q++;
        }
      p = q;
    }
  if (style != NULL)
    end (self);
}

static void
odt_line_break (JlnDoc *doc)
{
  JlnDocOdt *self = (JlnDocOdt *) doc;

  start (self, "text:line-break");
  end (self);
}

static void
odt_end_element (JlnDoc *doc)
{
  end ((JlnDocOdt *) doc);
}

static void
odt_table_begin (JlnDoc *doc)
{
  JlnDocOdt *self = (JlnDocOdt *) doc;
  g_autofree char *name = g_strdup_printf ("Table%u", ++self->n_tables);

  start (self, "table:table");
  attr (self, "table:name", name);
  attr (self, "table:style-name", "Table");
  for (guint i = 0; i < doc->n_columns; i++)
    {
      g_autofree char *style = g_strdup_printf ("Col%u", (guint) CLAMP (doc->widths[i] * 100 + 0.5, 1, 100));

      start (self, "table:table-column");
      attr (self, "table:style-name", style);
      end (self);
    }
}

static void
odt_header_begin (JlnDoc *doc)
{
  start ((JlnDocOdt *) doc, "table:table-header-rows");
}

static void
odt_row_begin (JlnDoc *doc)
{
  JlnDocOdt *self = (JlnDocOdt *) doc;

  start (self, "table:table-row");
  attr (self, "table:style-name", "Row");
}

static void
odt_cell_begin (JlnDoc      *doc,
                JlnDocShade  shade,
                guint        column_span,
                guint        row_span)
{
  JlnDocOdt *self = (JlnDocOdt *) doc;
  g_autofree char *style = g_strdup_printf ("Cell%u", shade);

  start (self, "table:table-cell");
  attr (self, "table:style-name", style);
  attr (self, "office:value-type", "string");
  if (column_span > 1)
    xmlTextWriterWriteFormatAttribute (self->base.xml, BAD_CAST "table:number-columns-spanned", "%u", column_span);
  if (row_span > 1)
    xmlTextWriterWriteFormatAttribute (self->base.xml, BAD_CAST "table:number-rows-spanned", "%u", row_span);
}

static void
odt_covered_cell (JlnDoc   *doc,
                  gboolean  vertical)
{
  JlnDocOdt *self = (JlnDocOdt *) doc;

  start (self, "table:covered-table-cell");
  end (self);
}

static gboolean
odt_finish (JlnDoc  *doc,
            GError **error)
{
  JlnDocOdt *self = (JlnDocOdt *) doc;

  if (self->base.xml == NULL)
    odt_begin (doc);
  if (doc->error == NULL)
    {
      end (self);   /* office:text */
      end (self);   /* office:body */
      end (self);   /* office:document-content */
    }
  return _jln_zip_doc_finish (&self->base, "Pictures", "META-INF/manifest.xml", manifest_xml,
                              error);
}

/* A picture as a character of its own centred paragraph, described by
 * svg:desc. */
static void
odt_picture (JlnDoc     *doc,
             guint       index,
             double      width_mm,
             double      height_mm,
             const char *alt_text)
{
  JlnDocOdt *self = (JlnDocOdt *) doc;
  g_autofree char *name = g_strdup_printf ("Picture%u", index);
  g_autofree char *href = g_strdup_printf ("Pictures/image%u.png", index);
  char width[G_ASCII_DTOSTR_BUF_SIZE], height[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *width_text = NULL, *height_text = NULL;

  width_text = g_strconcat (g_ascii_formatd (width, sizeof width, "%.1f", width_mm), "mm", NULL);
  height_text = g_strconcat (g_ascii_formatd (height, sizeof height, "%.1f", height_mm), "mm", NULL);
  start (self, "text:p");
  attr (self, "text:style-name", "Picture");
  start (self, "draw:frame");
  attr (self, "draw:name", name);
  attr (self, "text:anchor-type", "as-char");
  attr (self, "svg:width", width_text);
  attr (self, "svg:height", height_text);
  start (self, "draw:image");
  attr (self, "xlink:href", href);
  attr (self, "xlink:type", "simple");
  attr (self, "xlink:show", "embed");
  attr (self, "xlink:actuate", "onLoad");
  attr (self, "draw:mime-type", "image/png");
  end (self);
  if (alt_text[0] != '\0')
    {
      start (self, "svg:desc");
      xmlTextWriterWriteString (self->base.xml, BAD_CAST alt_text);
      end (self);
    }
  end (self);   /* draw:frame */
  end (self);   /* text:p */
}

static const JlnDocClass odt_class = {
  .begin = odt_begin,
  .paragraph_begin = odt_paragraph_begin,
  .text = odt_text,
  .line_break = odt_line_break,
  .paragraph_end = odt_end_element,
  .table_begin = odt_table_begin,
  .header_begin = odt_header_begin,
  .header_end = odt_end_element,
  .row_begin = odt_row_begin,
  .cell_begin = odt_cell_begin,
  .covered_cell = odt_covered_cell,
  .cell_end = odt_end_element,
  .row_end = odt_end_element,
  .table_end = odt_end_element,
  .picture = odt_picture,
  .finish = odt_finish,
  .free = _jln_zip_doc_free,
};

/**
 * jln_doc_new_odt:
 *
 * A document written as OpenDocument text to @path, through a temporary
 * file beside it.
 *
 * Returns: (transfer full) (nullable): the document, or NULL when the
 *   file cannot be created
 */
JlnDoc *
jln_doc_new_odt (const char  *path,
                 GError     **error)
{
  return _jln_zip_doc_new (sizeof (JlnDocOdt), &odt_class, path, error);
}
