/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "jln-gettext.h"
#include <pango/pangocairo.h>

#include "jln-doc-private.h"
#include "jln-export.h"
#include "jln-i18n.h"
#include "jln-plan-pages.h"
#include "jln-report-charts.h"
#include "jln-text.h"

/* The document is recorded compactly (one buffer of text, small records
 * for runs, cells and rows) and laid out on pages; each page lays out
 * only its own rows again when it is drawn. */

#define MAX_COLUMNS 16
#define NO_ROW G_MAXUINT32

typedef struct
{
  guint32 offset;
  guint32 length;
  guint8  emphasis;
  guint8  style;
  guint8  starts_paragraph;
} Run;

typedef struct
{
  guint32 first_run;
  guint32 n_runs;
  guint32 row_span;
  guint8  shade;
  guint8  column;
  guint8  column_span;
} Cell;

typedef struct
{
  guint32 first_cell;
  guint32 n_cells;
  guint32 table;        /* NO_ROW: a paragraph outside tables */
  guint32 span_origin;  /* the row of a cell spanning down over this one, or NO_ROW */
  float   height;
  float   y;            /* on its page */
  guint8  header;
  guint8  style;        /* of a paragraph outside tables */
  guint8  keep;         /* a sub-heading across the table: stays with the next row */
} Row;

typedef struct
{
  guint  n_columns;
  double widths[MAX_COLUMNS];
  guint  first_header;
  guint  n_headers;
  float  header_height;
} Table;

typedef struct
{
  GString *text;
  GArray  *runs;     /* Run */
  GArray  *cells;    /* Cell */
  GArray  *rows;     /* Row */
  GArray  *tables;   /* Table */
  GPtrArray *pictures; /* Picture */
  char    *title;
} Recording;

/* A picture of the document: a row of its own, its first_cell the
 * picture's index, its style PICTURE_STYLE. */
#define PICTURE_STYLE 0xff

typedef struct
{
  cairo_surface_t *surface;   /* NULL when the PNG image could not be read */
  double           width;     /* in points */
  double           height;
} Picture;

static void
picture_free (Picture *picture)
{
  g_clear_pointer (&picture->surface, cairo_surface_destroy);
  g_free (picture);
}

/* Where a page starts: a row, or the rest of a row too tall for one page. */
typedef struct
{
  guint  row;
  double offset;   /* the height of the row already on earlier pages */
} Page;

struct _JlnPlanPages
{
  GObject parent_instance;

  JlnPlan        *plan;
  JlnPlanDocKind  kind;
  JlnQuery       *query;
  JlnSemester     today;
  JlnDocWriteFunc write;        /* another document than a kind's, or NULL */
  gpointer        write_data;
  GDestroyNotify  write_destroy;

  Recording      *recording;
  JlnLang         recorded_lang;
  PangoContext   *context;

  GArray         *page_starts;  /* Page: where each page starts */
  double          page_width;
  double          page_height;
  double          font_size;
};

static void jln_plan_pages_picture_init (JlnPictureInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (JlnPlanPages, jln_plan_pages, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (JLN_TYPE_PICTURE, jln_plan_pages_picture_init))

static void
recording_free (Recording *rec)
{
  if (rec == NULL)
    return;
  g_string_free (rec->text, TRUE);
  g_array_unref (rec->runs);
  g_array_unref (rec->cells);
  g_array_unref (rec->rows);
  g_array_unref (rec->tables);
  g_ptr_array_unref (rec->pictures);
  g_free (rec->title);
  g_free (rec);
}

/* The recording writer */

typedef struct
{
  JlnDoc     parent;
  Recording *rec;
  guint32    origin[MAX_COLUMNS];   /* per column: the row of the cell spanning down from it */
  guint32    table;
} JlnDocRecord;

static Row *
current_row (Recording *rec)
{
  return &g_array_index (rec->rows, Row, rec->rows->len - 1);
}

static Cell *
current_cell (Recording *rec)
{
  return &g_array_index (rec->cells, Cell, rec->cells->len - 1);
}

static void
record_begin (JlnDoc *doc)
{
  JlnDocRecord *self = (JlnDocRecord *) doc;

  g_free (self->rec->title);
  self->rec->title = g_strdup (doc->title);
}

static void
record_paragraph_begin (JlnDoc      *doc,
                        JlnDocStyle  style)
{
  JlnDocRecord *self = (JlnDocRecord *) doc;
  Recording *rec = self->rec;
  Run run = { rec->text->len, 0, 0, style, TRUE };

  if (!doc->in_cell)
    {
      Row row = { rec->cells->len, 1, NO_ROW, NO_ROW, 0, 0, FALSE, style, FALSE };
      Cell cell = { rec->runs->len, 0, 1, JLN_DOC_SHADE_NONE, 0, 1 };

      g_array_append_val (rec->rows, row);
      g_array_append_val (rec->cells, cell);
    }
  if (style == JLN_DOC_STYLE_BULLET)
    {
      g_string_append (rec->text, "•\u00a0");
      run.length = rec->text->len - run.offset;
    }
  g_array_append_val (rec->runs, run);
  current_cell (rec)->n_runs++;
}

static void
record_text (JlnDoc         *doc,
             const char     *text,
             JlnDocEmphasis  emphasis)
{
  JlnDocRecord *self = (JlnDocRecord *) doc;
  Recording *rec = self->rec;
  Run *last = &g_array_index (rec->runs, Run, rec->runs->len - 1);
  Run run = { rec->text->len, strlen (text), emphasis, last->style, FALSE };

  g_string_append (rec->text, text);
  g_array_append_val (rec->runs, run);
  current_cell (rec)->n_runs++;
}

static void
record_line_break (JlnDoc *doc)
{
  record_text (doc, "\u2028", 0);
}

static void
record_nothing (JlnDoc *doc)
{
}

static void
record_table_begin (JlnDoc *doc)
{
  JlnDocRecord *self = (JlnDocRecord *) doc;
  Table table = { MIN (doc->n_columns, MAX_COLUMNS), { 0 }, 0, 0, 0 };

  for (guint i = 0; i < table.n_columns; i++)
    table.widths[i] = doc->widths[i];
  self->table = self->rec->tables->len;
  g_array_append_val (self->rec->tables, table);
}

static void
record_row_begin (JlnDoc *doc)
{
  JlnDocRecord *self = (JlnDocRecord *) doc;
  Recording *rec = self->rec;
  Row row = { rec->cells->len, 0, self->table, NO_ROW, 0, 0, doc->in_header, JLN_DOC_STYLE_CELL, FALSE };
  Table *table = &g_array_index (rec->tables, Table, self->table);

  for (guint i = 0; i < doc->n_columns && i < MAX_COLUMNS; i++)
    if (doc->covered[i])
      {
        row.span_origin = self->origin[i];
        break;
      }
  if (doc->in_header)
    {
      if (table->n_headers == 0)
        table->first_header = rec->rows->len;
      table->n_headers++;
    }
  g_array_append_val (rec->rows, row);
}

static void
record_cell_begin (JlnDoc      *doc,
                   JlnDocShade  shade,
                   guint        column_span,
                   guint        row_span)
{
  JlnDocRecord *self = (JlnDocRecord *) doc;
  Recording *rec = self->rec;
  Cell cell = { rec->runs->len, 0, row_span, shade, MIN (doc->column, MAX_COLUMNS - 1), column_span };

  if (row_span > 1)
    for (guint i = doc->column; i < doc->column + column_span && i < MAX_COLUMNS; i++)
      self->origin[i] = rec->rows->len - 1;
  if (column_span > 1 && !doc->in_header)
    current_row (rec)->keep = TRUE;
  g_array_append_val (rec->cells, cell);
  current_row (rec)->n_cells++;
}

static void
record_covered_cell (JlnDoc   *doc,
                     gboolean  vertical)
{
}

static gboolean
record_finish (JlnDoc  *doc,
               GError **error)
{
  return TRUE;
}

static void
record_free (JlnDoc *doc)
{
  g_free (doc);
}

typedef struct
{
  const guint8 *data;
  gsize         length;
} PngReader;

static cairo_status_t
read_png_cb (void          *closure,
             unsigned char *data,
             unsigned int   length)
{
  PngReader *reader = closure;

  if (length > reader->length)
    return CAIRO_STATUS_READ_ERROR;
  memcpy (data, reader->data, length);
  reader->data += length;
  reader->length -= length;
  return CAIRO_STATUS_SUCCESS;
}

static void
record_picture (JlnDoc     *doc,
                guint       index,
                double      width_mm,
                double      height_mm,
                const char *alt_text)
{
  JlnDocRecord *self = (JlnDocRecord *) doc;
  Recording *rec = self->rec;
  GBytes *png = g_ptr_array_index (doc->pictures, index - 1);
  PngReader reader = { NULL, 0 };
  Picture *picture = g_new0 (Picture, 1);
  Row row = { rec->pictures->len, 0, NO_ROW, NO_ROW, 0, 0, FALSE, PICTURE_STYLE, FALSE };

  reader.data = g_bytes_get_data (png, &reader.length);
  picture->surface = cairo_image_surface_create_from_png_stream (read_png_cb, &reader);
  if (cairo_surface_status (picture->surface) != CAIRO_STATUS_SUCCESS)
    g_clear_pointer (&picture->surface, cairo_surface_destroy);
  picture->width = width_mm * 72.0 / 25.4;
  picture->height = height_mm * 72.0 / 25.4;
  g_ptr_array_add (rec->pictures, picture);
  g_array_append_val (rec->rows, row);
}

static const JlnDocClass record_class = {
  .begin = record_begin,
  .paragraph_begin = record_paragraph_begin,
  .text = record_text,
  .line_break = record_line_break,
  .paragraph_end = record_nothing,
  .table_begin = record_table_begin,
  .header_begin = record_nothing,
  .header_end = record_nothing,
  .row_begin = record_row_begin,
  .cell_begin = record_cell_begin,
  .covered_cell = record_covered_cell,
  .cell_end = record_nothing,
  .row_end = record_nothing,
  .table_end = record_nothing,
  .picture = record_picture,
  .finish = record_finish,
  .free = record_free,
};

/* The Gender Equality Plan ends with the charts of its indicators, which
 * the core, drawing nothing, leaves to the render layer. */
static void
write_document (JlnDoc         *doc,
                JlnPlan        *plan,
                JlnPlanDocKind  kind,
                JlnQuery       *query,
                JlnLang         lang,
                JlnSemester     today)
{
  g_autoptr(GPtrArray) pictures = NULL;

  jln_plan_doc_write (doc, plan, kind, query, lang, today);
  if (kind != JLN_PLAN_DOC_GEP || jln_doc_has_failed (doc))
    return;
  pictures = jln_report_charts_draw_indicators (plan, lang, jln_doc_get_text_width_mm (doc));
  if (pictures->len == 0)
    return;
  jln_doc_paragraph (doc, JLN_DOC_STYLE_HEADING, jln_translate (lang, N_("Charts of the indicators")), 0);
  for (guint i = 0; i < pictures->len; i++)
    {
      JlnReportPicture *picture = g_ptr_array_index (pictures, i);

      if (picture->title != NULL)
        jln_doc_paragraph (doc, JLN_DOC_STYLE_SUBHEADING, picture->title, 0);
      jln_doc_picture (doc, picture->png, picture->width_mm, picture->height_mm, picture->alt_text);
    }
}

static Recording *
record (JlnPlanPages *self,
        JlnLang       lang)
{
  JlnDocRecord *writer = g_new0 (JlnDocRecord, 1);
  Recording *rec = g_new0 (Recording, 1);

  rec->text = g_string_new (NULL);
  rec->runs = g_array_new (FALSE, FALSE, sizeof (Run));
  rec->cells = g_array_new (FALSE, FALSE, sizeof (Cell));
  rec->rows = g_array_new (FALSE, FALSE, sizeof (Row));
  rec->tables = g_array_new (FALSE, FALSE, sizeof (Table));
  rec->pictures = g_ptr_array_new_with_free_func ((GDestroyNotify) picture_free);
  writer->rec = rec;
  _jln_doc_init (&writer->parent, &record_class, NULL);
  if (self->write != NULL)
    self->write (&writer->parent, lang, self->write_data);
  else
    write_document (&writer->parent, self->plan, self->kind, self->query, lang, self->today);
  jln_doc_finish (&writer->parent, NULL);
  return rec;
}

/* Layout */

static void
check_recording (JlnPlanPages         *self,
                 const JlnRenderStyle *style)
{
  JlnLang lang = jln_render_style_get_lang (style);

  if (self->context == NULL)
    {
      cairo_font_options_t *options = cairo_font_options_create ();

      self->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
      /* The same metrics in PDF, on screen and on paper. */
      cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
      cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
      pango_cairo_context_set_font_options (self->context, options);
      pango_context_set_round_glyph_positions (self->context, FALSE);
      cairo_font_options_destroy (options);
    }
  if (self->recording != NULL && self->recorded_lang == lang)
    return;
  g_clear_pointer (&self->recording, recording_free);
  g_array_set_size (self->page_starts, 0);
  self->recording = record (self, lang);
  self->recorded_lang = lang;
  pango_context_set_language (self->context,
                              pango_language_from_string (lang == JLN_LANG_FR ? "fr" : "en"));
}

static JlnRenderFont
font_for_style (guint8 style)
{
  switch (style)
    {
    case JLN_DOC_STYLE_TITLE:
      return JLN_RENDER_FONT_TITLE;
    case JLN_DOC_STYLE_HEADING:
      return JLN_RENDER_FONT_HEADING;
    case JLN_DOC_STYLE_SUBHEADING:
      return JLN_RENDER_FONT_BOLD;
    case JLN_DOC_STYLE_CELL:
    case JLN_DOC_STYLE_CELL_HEADER:
      return JLN_RENDER_FONT_SMALL;
    case JLN_DOC_STYLE_BODY:
    case JLN_DOC_STYLE_BULLET:
    default:
      return JLN_RENDER_FONT_BODY;
    }
}

static PangoLayout *
cell_layout (JlnPlanPages         *self,
             const JlnRenderStyle *style,
             const Cell           *cell,
             double                width)
{
  Recording *rec = self->recording;
  PangoLayout *layout = pango_layout_new (self->context);
  PangoAttrList *attrs = pango_attr_list_new ();
  g_autoptr(GString) text = g_string_new (NULL);
  guint para_start = 0;
  guint8 para_style = JLN_DOC_STYLE_CELL;

  for (guint i = 0; i < cell->n_runs; i++)
    {
      const Run *run = &g_array_index (rec->runs, Run, cell->first_run + i);
      guint start;

      if (run->starts_paragraph)
        {
          if (text->len > 0 && para_style == JLN_DOC_STYLE_CELL_HEADER)
            {
              PangoAttribute *bold = pango_attr_weight_new (PANGO_WEIGHT_BOLD);

              bold->start_index = para_start;
              bold->end_index = text->len;
              pango_attr_list_insert (attrs, bold);
            }
          if (text->len > 0)
            g_string_append_c (text, '\n');
          para_start = text->len;
          para_style = run->style;
          if (i == 0)
            pango_layout_set_font_description (layout,
                                               jln_render_style_get_font (style, font_for_style (run->style)));
          if (run->style == JLN_DOC_STYLE_CELL_HEADER)
            pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
        }
      start = text->len;
      {
        /* Each run of plan text is isolated: a direction override in a
         * title cannot reorder the text around it. */
        g_autofree char *piece = g_strndup (rec->text->str + run->offset, run->length);
        g_autofree char *isolated = jln_text_isolate (piece);

        g_string_append (text, isolated);
      }
      if (run->emphasis & JLN_DOC_EMPHASIS_ITALIC)
        {
          PangoAttribute *a = pango_attr_style_new (PANGO_STYLE_ITALIC);
          a->start_index = start;
          a->end_index = text->len;
          pango_attr_list_insert (attrs, a);
        }
      if (run->emphasis & JLN_DOC_EMPHASIS_BOLD)
        {
          PangoAttribute *a = pango_attr_weight_new (PANGO_WEIGHT_BOLD);
          a->start_index = start;
          a->end_index = text->len;
          pango_attr_list_insert (attrs, a);
        }
      if (run->emphasis & JLN_DOC_EMPHASIS_UNDERLINE)
        {
          PangoAttribute *a = pango_attr_underline_new (PANGO_UNDERLINE_SINGLE);
          a->start_index = start;
          a->end_index = text->len;
          pango_attr_list_insert (attrs, a);
        }
    }
  if (text->len > 0 && para_style == JLN_DOC_STYLE_CELL_HEADER)
    {
      PangoAttribute *bold = pango_attr_weight_new (PANGO_WEIGHT_BOLD);

      bold->start_index = para_start;
      bold->end_index = text->len;
      pango_attr_list_insert (attrs, bold);
    }
  /* A word cut at the end of a line gets no hyphen: plan text is searched
   * and copied from the PDF as it was typed. */
  pango_attr_list_insert_before (attrs, pango_attr_insert_hyphens_new (FALSE));
  pango_layout_set_text (layout, text->str, text->len);
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  pango_layout_set_width (layout, (int) (MAX (width, 1) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  return layout;
}

typedef struct
{
  double em;
  double pad;
} Metrics;

static void
get_metrics (const JlnRenderStyle *style,
             Metrics              *m)
{
  m->em = jln_render_style_get_em (style);
  m->pad = m->em * 0.3;
}

static void
cell_geometry (const Table *table,
               const Cell  *cell,
               double       width,
               double      *x,
               double      *w)
{
  double left = 0, span = 0;

  for (guint i = 0; i < table->n_columns; i++)
    {
      if (i < cell->column)
        left += table->widths[i];
      else if (i < (guint) cell->column + cell->column_span)
        span += table->widths[i];
    }
  /* Half a line inside, so that the outer borders are not clipped. */
  *x = 0.5 + left * (width - 1);
  *w = span * (width - 1);
}

static double
paragraph_space (guint8       style,
                 const Metrics *m)
{
  switch (style)
    {
    case JLN_DOC_STYLE_TITLE:
      return m->em * 1.0;
    case JLN_DOC_STYLE_HEADING:
    case JLN_DOC_STYLE_SUBHEADING:
      return m->em * 0.8;
    case JLN_DOC_STYLE_BULLET:
      return m->em * 0.15;
    default:
      return m->em * 0.4;
    }
}

/* The space above a heading. */
static double
heading_space (guint8         style,
               const Metrics *m)
{
  return style == JLN_DOC_STYLE_HEADING || style == JLN_DOC_STYLE_SUBHEADING ? m->em * 0.6 : 0;
}

/* A picture no wider than the page. */
static double
picture_scale (const Picture *picture,
               double         width)
{
  return picture->width > width ? width / picture->width : 1.0;
}

static double
measure_row (JlnPlanPages         *self,
             const JlnRenderStyle *style,
             const Row            *row,
             double                width,
             const Metrics        *m)
{
  Recording *rec = self->recording;
  double height = 0;

  if (row->table == NO_ROW && row->style == PICTURE_STYLE)
    {
      const Picture *picture = g_ptr_array_index (rec->pictures, row->first_cell);

      return picture_scale (picture, width) * picture->height + 2 * paragraph_space (JLN_DOC_STYLE_BODY, m);
    }
  if (row->table == NO_ROW)
    {
      const Cell *cell = &g_array_index (rec->cells, Cell, row->first_cell);
      g_autoptr(PangoLayout) layout = cell_layout (self, style, cell, width);
      int w, h;

      if (row->style == JLN_DOC_STYLE_TITLE)
        pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
      pango_layout_get_pixel_size (layout, &w, &h);
      return h + paragraph_space (row->style, m) + heading_space (row->style, m);
    }
  for (guint i = 0; i < row->n_cells; i++)
    {
      const Cell *cell = &g_array_index (rec->cells, Cell, row->first_cell + i);
      const Table *table = &g_array_index (rec->tables, Table, row->table);
      g_autoptr(PangoLayout) layout = NULL;
      double x, w;
      PangoRectangle logical;

      if (cell->row_span > 1 || cell->n_runs == 0)
        continue;
      cell_geometry (table, cell, width, &x, &w);
      layout = cell_layout (self, style, cell, w - 2 * m->pad);
      pango_layout_get_extents (layout, NULL, &logical);
      height = MAX (height, logical.height / (double) PANGO_SCALE);
    }
  return height + 2 * m->pad;
}

/* The height of a cell spanning down: its rows are made tall enough. */
static double
measure_cell (JlnPlanPages         *self,
              const JlnRenderStyle *style,
              const Table          *table,
              const Cell           *cell,
              double                width,
              const Metrics        *m)
{
  g_autoptr(PangoLayout) layout = NULL;
  PangoRectangle logical;
  double x, w;

  cell_geometry (table, cell, width, &x, &w);
  layout = cell_layout (self, style, cell, w - 2 * m->pad);
  pango_layout_get_extents (layout, NULL, &logical);
  return logical.height / (double) PANGO_SCALE + 2 * m->pad;
}

/* Where to cut a row taller than a page, at most @limit below its top:
 * between two lines of each of its cells, so that no line is cut in two. */
static double
row_break (JlnPlanPages         *self,
           const JlnRenderStyle *style,
           const Row            *row,
           double                width,
           double                from,
           double                limit,
           const Metrics        *m)
{
  Recording *rec = self->recording;
  double cut = limit;

  for (guint pass = 0; pass < 3; pass++)
    for (guint c = 0; c < row->n_cells; c++)
      {
        const Cell *cell = &g_array_index (rec->cells, Cell, row->first_cell + c);
        g_autoptr(PangoLayout) layout = NULL;
        PangoLayoutIter *iter;
        double x, w, pad = row->table != NO_ROW ? m->pad : 0;

        if (cell->row_span > 1 || cell->n_runs == 0)
          continue;
        if (row->table != NO_ROW)
          cell_geometry (&g_array_index (rec->tables, Table, row->table), cell, width, &x, &w);
        else
          w = width + 2 * pad;
        layout = cell_layout (self, style, cell, w - 2 * pad);
        iter = pango_layout_get_iter (layout);
        do
          {
            int y0, y1;
            double top, bottom;

            pango_layout_iter_get_line_yrange (iter, &y0, &y1);
            top = pad + y0 / (double) PANGO_SCALE;
            bottom = pad + y1 / (double) PANGO_SCALE;
            if (top < cut && cut < bottom && top > from)
              cut = top;
          }
        while (pango_layout_iter_next_line (iter));
        pango_layout_iter_free (iter);
      }
  /* A single line taller than the page is cut all the same. */
  return cut > from + 1 ? cut : limit;
}

static guint
jln_plan_pages_paginate (JlnPicture           *picture,
                         const JlnRenderStyle *style,
                         double                width,
                         double                height)
{
  JlnPlanPages *self = JLN_PLAN_PAGES (picture);
  Recording *rec;
  Metrics m;
  double y = 0;

  check_recording (self, style);
  rec = self->recording;
  get_metrics (style, &m);
  if (self->page_starts->len > 0 && self->page_width == width && self->page_height == height
      && self->font_size == jln_render_style_get_font_size (style))
    return self->page_starts->len;
  self->page_width = width;
  self->page_height = height;
  self->font_size = jln_render_style_get_font_size (style);
  g_array_set_size (self->page_starts, 0);

  /* Heights, then the cells spanning rows make their last row taller. */
  for (guint i = 0; i < rec->rows->len; i++)
    {
      Row *row = &g_array_index (rec->rows, Row, i);

      row->height = measure_row (self, style, row, width, &m);
    }
  for (guint i = 0; i < rec->rows->len; i++)
    {
      Row *row = &g_array_index (rec->rows, Row, i);

      for (guint c = 0; row->table != NO_ROW && c < row->n_cells; c++)
        {
          const Cell *cell = &g_array_index (rec->cells, Cell, row->first_cell + c);
          const Table *table = &g_array_index (rec->tables, Table, row->table);
          double needed, total = 0;
          guint last = MIN (i + cell->row_span, rec->rows->len) - 1;

          if (cell->row_span <= 1)
            continue;
          needed = measure_cell (self, style, table, cell, width, &m);
          for (guint r = i; r <= last; r++)
            total += g_array_index (rec->rows, Row, r).height;
          if (total < needed)
            g_array_index (rec->rows, Row, last).height += needed - total;
        }
    }
  for (guint t = 0; t < rec->tables->len; t++)
    {
      Table *table = &g_array_index (rec->tables, Table, t);

      table->header_height = 0;
      for (guint r = 0; r < table->n_headers; r++)
        table->header_height += g_array_index (rec->rows, Row, table->first_header + r).height;
    }

  if (rec->rows->len > 0)
    {
      Page first = { 0, 0 };
      g_array_append_val (self->page_starts, first);
    }
  for (guint i = 0; i < rec->rows->len; i++)
    {
      Row *row = &g_array_index (rec->rows, Row, i);
      const Table *table = row->table != NO_ROW ? &g_array_index (rec->tables, Table, row->table) : NULL;
      double need = row->height;
      gboolean page_start = g_array_index (self->page_starts, Page, self->page_starts->len - 1).row == i;
      double top;

      /* A heading stays with what follows, so does a sub-heading across a
       * table (a theme); a table's header with its first row. */
      if (i + 1 < rec->rows->len &&
          (row->keep || (row->table == NO_ROW && (row->style == JLN_DOC_STYLE_HEADING ||
                                                  row->style == JLN_DOC_STYLE_SUBHEADING))))
        {
          const Row *next = &g_array_index (rec->rows, Row, i + 1);

          /* A picture is not cut: its title goes with all of it. */
          if (next->table == NO_ROW && next->style == PICTURE_STYLE && next->height <= height - row->height)
            need += next->height;
          else
            need += MIN (next->height, height / 4);
        }
      else if (table != NULL && row->header && i == table->first_header
               && i + table->n_headers < rec->rows->len)
        need = table->header_height
               + MIN (g_array_index (rec->rows, Row, i + table->n_headers).height, height / 4);

      if (!page_start && y + need > height)
        {
          Page next = { i, 0 };

          g_array_append_val (self->page_starts, next);
          y = 0;
          page_start = TRUE;
        }
      /* A table's header is drawn again at the top of each page it goes on to. */
      top = table != NULL && !row->header && table->n_headers > 0 ? table->header_height : 0;
      if (page_start)
        y = MAX (y, top);
      row->y = y;
      if (y + row->height <= height || height - top < 1)
        {
          y += row->height;
          continue;
        }
      /* A row taller than a page goes on over the next ones, under the
       * header, cut between lines. */
      {
        double shown = row_break (self, style, row, width, 0, height - y, &m);

        while (row->height - shown > 0)
          {
            Page next = { i, shown };

            g_array_append_val (self->page_starts, next);
            y = top + (row->height - shown);
            shown = row_break (self, style, row, width, shown, shown + height - top, &m);
          }
      }
    }
  return MAX (self->page_starts->len, 1);
}

static void
fill_shade (cairo_t     *cr,
            JlnDocShade  shade,
            double       x,
            double       y,
            double       w,
            double       h)
{
  const char *rgb = jln_doc_shade_get_rgb (shade);
  guint value = (guint) g_ascii_strtoull (rgb, NULL, 16);

  if (shade == JLN_DOC_SHADE_NONE)
    return;
  cairo_set_source_rgb (cr, ((value >> 16) & 0xff) / 255.0, ((value >> 8) & 0xff) / 255.0,
                        (value & 0xff) / 255.0);
  cairo_rectangle (cr, x, y, w, h);
  cairo_fill (cr);
}

static void
draw_cell (JlnPlanPages         *self,
           cairo_t              *cr,
           const JlnRenderStyle *style,
           const Table          *table,
           const Cell           *cell,
           double                width,
           double                y,
           double                h,
           const Metrics        *m)
{
  double x, w;

  cell_geometry (table, cell, width, &x, &w);
  fill_shade (cr, cell->shade, x, y, w, h);
  if (cell->n_runs > 0)
    {
      g_autoptr(PangoLayout) layout = cell_layout (self, style, cell, w - 2 * m->pad);

      cairo_save (cr);
      cairo_rectangle (cr, x, y, w, h);
      cairo_clip (cr);
      jln_render_style_set_source (style, cr, JLN_RENDER_COLOR_FOREGROUND);
      cairo_move_to (cr, x + m->pad, y + m->pad);
      pango_cairo_show_layout (cr, layout);
      cairo_restore (cr);
    }
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_line_width (cr, 0.5);
  cairo_rectangle (cr, x, y, w, h);
  cairo_stroke (cr);
}

/* The bottom of a cell spanning down from @origin, on the page whose rows
 * end before @end. */
static double
span_bottom (Recording  *rec,
             guint       origin,
             const Cell *cell,
             guint       end)
{
  guint last = MIN (origin + cell->row_span, end) - 1;
  const Row *row = &g_array_index (rec->rows, Row, last);

  return row->y + row->height;
}

static void
draw_row (JlnPlanPages         *self,
          cairo_t              *cr,
          const JlnRenderStyle *style,
          guint                 index,
          double                y,
          guint                 end,
          double                width,
          const Metrics        *m)
{
  Recording *rec = self->recording;
  const Row *row = &g_array_index (rec->rows, Row, index);

  if (row->table == NO_ROW && row->style == PICTURE_STYLE)
    {
      const Picture *picture = g_ptr_array_index (rec->pictures, row->first_cell);
      double scale = picture_scale (picture, width);
      double w = picture->width * scale, h = picture->height * scale;
      double x = (width - w) / 2, top = y + paragraph_space (JLN_DOC_STYLE_BODY, m);

      if (picture->surface == NULL)
        return;
      cairo_save (cr);
      cairo_translate (cr, x, top);
      cairo_scale (cr, w / cairo_image_surface_get_width (picture->surface),
                   h / cairo_image_surface_get_height (picture->surface));
      cairo_set_source_surface (cr, picture->surface, 0, 0);
      cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
      cairo_paint (cr);
      cairo_restore (cr);
      return;
    }
  if (row->table == NO_ROW)
    {
      const Cell *cell = &g_array_index (rec->cells, Cell, row->first_cell);
      g_autoptr(PangoLayout) layout = cell_layout (self, style, cell, width);
      double top = heading_space (row->style, m);

      if (row->style == JLN_DOC_STYLE_TITLE)
        pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
      jln_render_style_set_source (style, cr, JLN_RENDER_COLOR_FOREGROUND);
      cairo_move_to (cr, 0, y + top);
      pango_cairo_show_layout (cr, layout);
      return;
    }
  for (guint c = 0; c < row->n_cells; c++)
    {
      const Cell *cell = &g_array_index (rec->cells, Cell, row->first_cell + c);
      const Table *table = &g_array_index (rec->tables, Table, row->table);
      double h = cell->row_span > 1 ? span_bottom (rec, index, cell, end) - y : row->height;

      draw_cell (self, cr, style, table, cell, width, y, h, m);
    }
}

static void
jln_plan_pages_draw_page (JlnPicture           *picture,
                          cairo_t              *cr,
                          const JlnRenderStyle *style,
                          guint                 page,
                          double                width,
                          double                height)
{
  JlnPlanPages *self = JLN_PLAN_PAGES (picture);
  Recording *rec;
  guint start, end;
  double offset, first_y;
  Metrics m;

  jln_plan_pages_paginate (picture, style, width, height);
  rec = self->recording;
  if (page >= self->page_starts->len)
    return;
  get_metrics (style, &m);
  {
    const Page *this_page = &g_array_index (self->page_starts, Page, page);
    const Page *next_page = page + 1 < self->page_starts->len
                            ? &g_array_index (self->page_starts, Page, page + 1) : NULL;

    start = this_page->row;
    offset = this_page->offset;
    end = next_page == NULL ? rec->rows->len
          : next_page->offset > 0 ? next_page->row + 1 : next_page->row;
  }

  {
    const Row *first = &g_array_index (rec->rows, Row, start);

    first_y = first->y;
    /* The header of a table that goes on from the page before. */
    if (first->table != NO_ROW && !first->header)
      {
        const Table *table = &g_array_index (rec->tables, Table, first->table);
        double y = 0;

        if (offset > 0)
          first_y = table->header_height - offset;

        for (guint r = 0; r < table->n_headers; r++)
          {
            guint index = table->first_header + r;

            draw_row (self, cr, style, index, y, index + 1, width, &m);
            y += g_array_index (rec->rows, Row, index).height;
          }
      }
    /* A cell spanning down from the page before is drawn again, whole. */
    if (first->span_origin != NO_ROW && first->span_origin < start)
      {
        const Row *origin = &g_array_index (rec->rows, Row, first->span_origin);

        for (guint c = 0; c < origin->n_cells; c++)
          {
            const Cell *cell = &g_array_index (rec->cells, Cell, origin->first_cell + c);
            const Table *table = &g_array_index (rec->tables, Table, origin->table);
            guint span_end = first->span_origin + cell->row_span;
            double bottom;

            if (cell->row_span <= 1 || span_end <= start)
              continue;
            bottom = span_bottom (rec, first->span_origin, cell, MIN (span_end, end));
            draw_cell (self, cr, style, table, cell, width, MAX (first_y, 0),
                       bottom - MAX (first_y, 0), &m);
          }
      }
    if (offset > 0 && first->table == NO_ROW)
      first_y = -offset;
  }
  for (guint i = start; i < end; i++)
    {
      const Row *row = &g_array_index (rec->rows, Row, i);

      if (i == start && offset > 0)
        {
          /* The rest of a tall row, below the header drawn again. */
          double top = first_y + offset;

          cairo_save (cr);
          cairo_rectangle (cr, 0, top, width, height - top);
          cairo_clip (cr);
          draw_row (self, cr, style, i, first_y, end, width, &m);
          cairo_restore (cr);
        }
      else
        draw_row (self, cr, style, i, row->y, end, width, &m);
    }
}

#define NATURAL_WIDTH 770.0

static void
jln_plan_pages_get_size (JlnPicture           *picture,
                         const JlnRenderStyle *style,
                         double               *width,
                         double               *height)
{
  JlnPlanPages *self = JLN_PLAN_PAGES (picture);
  Recording *rec;

  jln_plan_pages_paginate (picture, style, NATURAL_WIDTH, G_MAXFLOAT);
  rec = self->recording;
  *width = NATURAL_WIDTH;
  *height = 0;
  if (rec->rows->len > 0)
    {
      const Row *last = &g_array_index (rec->rows, Row, rec->rows->len - 1);
      *height = last->y + last->height;
    }
}

static void
jln_plan_pages_draw (JlnPicture           *picture,
                     cairo_t              *cr,
                     const JlnRenderStyle *style)
{
  jln_plan_pages_draw_page (picture, cr, style, 0, NATURAL_WIDTH, G_MAXFLOAT);
}

static char *
jln_plan_pages_dup_title (JlnPicture           *picture,
                          const JlnRenderStyle *style)
{
  JlnPlanPages *self = JLN_PLAN_PAGES (picture);
  const char *title = jln_text_get_fallback (jln_plan_get_title (self->plan),
                                            jln_render_style_get_lang (style), NULL);

  return g_strdup (title);
}

static void
jln_plan_pages_picture_init (JlnPictureInterface *iface)
{
  iface->get_size = jln_plan_pages_get_size;
  iface->draw = jln_plan_pages_draw;
  iface->paginate = jln_plan_pages_paginate;
  iface->draw_page = jln_plan_pages_draw_page;
  iface->dup_title = jln_plan_pages_dup_title;
}

static void
jln_plan_pages_finalize (GObject *object)
{
  JlnPlanPages *self = JLN_PLAN_PAGES (object);

  g_clear_object (&self->plan);
  g_clear_pointer (&self->query, jln_query_unref);
  if (self->write_destroy != NULL)
    self->write_destroy (self->write_data);
  g_clear_pointer (&self->recording, recording_free);
  g_clear_object (&self->context);
  g_clear_pointer (&self->page_starts, g_array_unref);
  G_OBJECT_CLASS (jln_plan_pages_parent_class)->finalize (object);
}

static void
jln_plan_pages_class_init (JlnPlanPagesClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = jln_plan_pages_finalize;
}

static void
jln_plan_pages_init (JlnPlanPages *self)
{
  self->page_starts = g_array_new (FALSE, FALSE, sizeof (Page));
  self->today = jln_semester_today ();
}

JlnPlanPages *
jln_plan_pages_new (JlnPlan        *plan,
                    JlnPlanDocKind  kind,
                    JlnQuery       *query)
{
  JlnPlanPages *self;

  g_return_val_if_fail (JLN_IS_PLAN (plan), NULL);

  self = g_object_new (JLN_TYPE_PLAN_PAGES, NULL);
  self->plan = g_object_ref (plan);
  self->kind = kind;
  self->query = query != NULL ? jln_query_ref (query) : NULL;
  return self;
}

gboolean
jln_plan_pages_export (JlnPlan         *plan,
                       JlnPlanDocKind   kind,
                       JlnQuery        *query,
                       JlnLang          lang,
                       JlnPageFormat    page,
                       const char      *path,
                       JlnDocProgress   progress,
                       gpointer         user_data,
                       GCancellable    *cancellable,
                       GError         **error)
{
  g_autoptr(JlnPlanPages) pages = NULL;
  g_autoptr(JlnRenderStyle) style = NULL;
  JlnExportOptions options = { .format = JLN_EXPORT_PDF, .page = page, .scale = 1.0 };
  JlnExportFormat format;

  g_return_val_if_fail (JLN_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (jln_doc_format_from_path (path))
    {
      JlnDoc *doc = jln_doc_new_for_path (path, error);

      if (doc == NULL)
        return FALSE;
      jln_doc_set_cancellable (doc, cancellable);
      jln_doc_set_progress (doc, progress, user_data);
      write_document (doc, plan, kind, query, lang, jln_semester_today ());
      return jln_doc_finish (doc, error);
    }
  if (!jln_export_format_from_path (path, &format) || format != JLN_EXPORT_PDF)
    {
      g_set_error (error, JLN_ERROR, JLN_ERROR_INVALID,
                   _("%s: unknown document format: use .odt, .docx or .pdf"), path);
      return FALSE;
    }
  pages = jln_plan_pages_new (plan, kind, query);
  style = jln_render_style_new (JLN_RENDER_SCHEME_LIGHT, lang);
  jln_render_style_set_font_size (style, jln_page_format_get_font_size (options.page));
  return jln_export_picture (JLN_PICTURE (pages), style, &options, path, progress, user_data,
                             cancellable, error);
}

/**
 * jln_plan_pages_new_for_writer:
 * @write: describes the document to a writer, in a language
 *
 * Pages of a document that is not one of the kinds of jln_plan_doc_write():
 * the report to a steering committee, the internal review.
 */
JlnPlanPages *
jln_plan_pages_new_for_writer (JlnPlan         *plan,
                               JlnDocWriteFunc  write,
                               gpointer         data,
                               GDestroyNotify   destroy)
{
  JlnPlanPages *self;

  g_return_val_if_fail (JLN_IS_PLAN (plan), NULL);
  g_return_val_if_fail (write != NULL, NULL);

  self = g_object_new (JLN_TYPE_PLAN_PAGES, NULL);
  self->plan = g_object_ref (plan);
  self->write = write;
  self->write_data = data;
  self->write_destroy = destroy;
  return self;
}

/**
 * jln_plan_pages_export_writer:
 *
 * Writes the document @write describes to @path as ODT, DOCX or PDF,
 * after its extension; @page is the paper of a PDF.
 */
gboolean
jln_plan_pages_export_writer (JlnPlan         *plan,
                              JlnDocWriteFunc  write,
                              gpointer         data,
                              JlnLang          lang,
                              JlnPageFormat    page,
                              const char      *path,
                              GError         **error)
{
  g_autoptr(JlnPlanPages) pages = NULL;
  g_autoptr(JlnRenderStyle) style = NULL;
  JlnExportOptions options = { .format = JLN_EXPORT_PDF, .page = page, .scale = 1.0 };
  JlnExportFormat format;

  g_return_val_if_fail (JLN_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (jln_doc_format_from_path (path))
    {
      JlnDoc *doc = jln_doc_new_for_path (path, error);

      if (doc == NULL)
        return FALSE;
      write (doc, lang, data);
      return jln_doc_finish (doc, error);
    }
  if (!jln_export_format_from_path (path, &format) || format != JLN_EXPORT_PDF)
    {
      g_set_error (error, JLN_ERROR, JLN_ERROR_INVALID,
                   _("%s: unknown document format: use .odt, .docx or .pdf"), path);
      return FALSE;
    }
  pages = jln_plan_pages_new_for_writer (plan, write, data, NULL);
  style = jln_render_style_new (JLN_RENDER_SCHEME_LIGHT, lang);
  jln_render_style_set_font_size (style, jln_page_format_get_font_size (options.page));
  return jln_export_picture (JLN_PICTURE (pages), style, &options, path, NULL, NULL, NULL, error);
}
