/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "jln-gettext.h"
#include <pango/pangocairo.h>

#include "jln-indicator-report.h"
#include "jln-i18n.h"


typedef struct
{
  JlnChart *chart;
  double    heading_h;     /* title and details */
  double    chart_h;       /* at its natural height */
} Block;

typedef struct
{
  guint  block;
  guint  page;
  double y;
  double chart_h;          /* as drawn: less than natural on a short page */
} Placement;

struct _JlnIndicatorReport
{
  GObject parent_instance;

  JlnPlan  *plan;
  JlnQuery *query;
  GArray   *blocks;        /* Block */

  GArray   *placements;    /* Placement, from the last paginate */
  guint     n_pages;
  double    title_h;
};

static void jln_indicator_report_picture_init (JlnPictureInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (JlnIndicatorReport, jln_indicator_report, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (JLN_TYPE_PICTURE,
                                                      jln_indicator_report_picture_init))

static void
block_clear (gpointer data)
{
  Block *block = data;

  g_clear_object (&block->chart);
}

static const char *tr (const JlnRenderStyle *style,
                       const char           *msgid) G_GNUC_FORMAT (2);

/* Labels follow the style's language, as in the charts. */
static const char *
tr (const JlnRenderStyle *style,
    const char           *msgid)
{
  return jln_translate (jln_render_style_get_lang (style), msgid);
}

static void
build_blocks (JlnIndicatorReport *self)
{
  GListModel *indicators = jln_plan_get_indicators (self->plan);
  JlnChartKind kinds[] = { JLN_CHART_STATUS, JLN_CHART_COMPLETIONS, JLN_CHART_UNITS };

  g_array_set_size (self->blocks, 0);
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      Block block = { jln_chart_new (kinds[i], self->plan, self->query), 0, 0 };

      g_array_append_val (self->blocks, block);
    }
  for (guint i = 0; i < g_list_model_get_n_items (indicators); i++)
    {
      g_autoptr(JlnIndicator) indicator = g_list_model_get_item (indicators, i);
      Block block = { jln_chart_new_indicator (self->plan, indicator), 0, 0 };

      g_array_append_val (self->blocks, block);
    }
}

static void
jln_indicator_report_finalize (GObject *object)
{
  JlnIndicatorReport *self = JLN_INDICATOR_REPORT (object);

  g_clear_pointer (&self->blocks, g_array_unref);
  g_clear_pointer (&self->placements, g_array_unref);
  g_clear_pointer (&self->query, jln_query_unref);
  g_clear_object (&self->plan);

  G_OBJECT_CLASS (jln_indicator_report_parent_class)->finalize (object);
}

static void
jln_indicator_report_class_init (JlnIndicatorReportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = jln_indicator_report_finalize;
}

static void
jln_indicator_report_init (JlnIndicatorReport *self)
{
  self->blocks = g_array_new (FALSE, TRUE, sizeof (Block));
  g_array_set_clear_func (self->blocks, block_clear);
  self->placements = g_array_new (FALSE, TRUE, sizeof (Placement));
}

/**
 * jln_indicator_report_new:
 *
 * Returns: (transfer full): the report of @plan's indicators
 */
JlnIndicatorReport *
jln_indicator_report_new (JlnPlan *plan)
{
  JlnIndicatorReport *self;

  g_return_val_if_fail (JLN_IS_PLAN (plan), NULL);

  self = g_object_new (JLN_TYPE_INDICATOR_REPORT, NULL);
  self->plan = g_object_ref (plan);
  build_blocks (self);
  return self;
}

/**
 * jln_indicator_report_set_query:
 * @query: (nullable): the actions the plan-wide charts count
 */
void
jln_indicator_report_set_query (JlnIndicatorReport *self,
                                JlnQuery           *query)
{
  g_return_if_fail (JLN_IS_INDICATOR_REPORT (self));

  g_clear_pointer (&self->query, jln_query_unref);
  self->query = query != NULL && !jln_query_is_empty (query) ? jln_query_ref (query) : NULL;
  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *block = &g_array_index (self->blocks, Block, i);

      if (jln_chart_get_kind (block->chart) != JLN_CHART_INDICATOR)
        jln_chart_set_query (block->chart, self->query);
    }
}

/**
 * jln_indicator_report_get_plan:
 *
 * Returns: (transfer none): the plan
 */
JlnPlan *
jln_indicator_report_get_plan (JlnIndicatorReport *self)
{
  g_return_val_if_fail (JLN_IS_INDICATOR_REPORT (self), NULL);
  return self->plan;
}

/* Text */

static PangoLayout *
make_layout (cairo_t              *cr,
             const JlnRenderStyle *style,
             JlnRenderFont         font,
             const char           *text,
             double                width)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);

  pango_layout_set_font_description (layout, jln_render_style_get_font (style, font));
  pango_layout_set_text (layout, text, -1);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int w, h;

  pango_layout_get_size (layout, &w, &h);
  return (double) h / PANGO_SCALE;
}

static const char *
text_in (const JlnText        *text,
         const JlnRenderStyle *style)
{
  const char *value = jln_text_get_fallback (text, jln_render_style_get_lang (style), NULL);

  return value != NULL ? value : "";
}

/* The lines under a chart's title: what an indicator measures, who
 * acts and how it is followed up; the query of plan-wide charts. */
static char *
dup_details (JlnIndicatorReport   *self,
             JlnChart             *chart,
             const JlnRenderStyle *style)
{
  JlnIndicator *indicator = jln_chart_get_indicator (chart);
  g_autoptr(GString) out = g_string_new (NULL);

  if (indicator == NULL)
    {
      if (self->query != NULL)
        /* Translators: %s is a search, like “unit:RH”. */
        g_string_printf (out, tr (style, N_("Actions matching “%s”")),
                         jln_query_get_text (self->query));
      return g_string_free (g_steal_pointer (&out), FALSE);
    }

  {
    const char *measure = text_in (jln_indicator_get_measure (indicator), style);
    const char *actors = text_in (jln_indicator_get_actors (indicator), style);
    const char *follow_up = text_in (jln_indicator_get_follow_up (indicator), style);
    const char *remark = text_in (jln_indicator_get_remark (indicator), style);

    if (*measure != '\0')
      /* Translators: %s is what an indicator measures, like “% cells”. */
      g_string_append_printf (out, tr (style, N_("Measure: %s")), measure);
    if (*actors != '\0')
      {
        if (out->len > 0)
          g_string_append (out, " · ");
        /* Translators: %s is who acts on an indicator. */
        g_string_append_printf (out, tr (style, N_("Actors: %s")), actors);
      }
    if (*follow_up != '\0')
      {
        if (out->len > 0)
          g_string_append_c (out, '\n');
        /* Translators: %s is how an indicator is followed up. */
        g_string_append_printf (out, tr (style, N_("Follow-up: %s")), follow_up);
      }
    if (*remark != '\0')
      {
        if (out->len > 0)
          g_string_append_c (out, '\n');
        g_string_append (out, remark);
      }
  }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static cairo_t *
measuring_context (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (surface);

  cairo_surface_destroy (surface);
  return cr;
}

static char *
dup_report_title (JlnIndicatorReport   *self,
                  const JlnRenderStyle *style)
{
  /* Translators: %s is the plan's title. */
  return g_strdup_printf (tr (style, N_("%s — Indicators")),
                          text_in (jln_plan_get_title (self->plan), style));
}

static void
measure_blocks (JlnIndicatorReport   *self,
                const JlnRenderStyle *style,
                double                width)
{
  cairo_t *cr = measuring_context ();
  double em = jln_render_style_get_em (style);

  {
    g_autofree char *title = dup_report_title (self, style);
    g_autoptr(PangoLayout) layout = make_layout (cr, style, JLN_RENDER_FONT_TITLE, title, width);

    self->title_h = layout_height (layout) + 1.2 * em;
  }

  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *block = &g_array_index (self->blocks, Block, i);
      g_autofree char *title = jln_chart_dup_title (block->chart, style);
      g_autofree char *details = dup_details (self, block->chart, style);
      g_autoptr(PangoLayout) heading = make_layout (cr, style, JLN_RENDER_FONT_HEADING, title,
                                                    width);

      block->heading_h = layout_height (heading) + 0.4 * em;
      if (*details != '\0')
        {
          g_autoptr(PangoLayout) lines = make_layout (cr, style, JLN_RENDER_FONT_SMALL, details,
                                                      width);

          block->heading_h += layout_height (lines) + 0.6 * em;
        }
      block->chart_h = jln_chart_get_height_for_width (block->chart, style, width);
    }
  cairo_destroy (cr);
}

static double
block_gap (const JlnRenderStyle *style)
{
  return 2.0 * jln_render_style_get_em (style);
}

static void
draw_block (JlnIndicatorReport   *self,
            cairo_t              *cr,
            const JlnRenderStyle *style,
            Block                *block,
            double                y,
            double                width,
            double                chart_h)
{
  double em = jln_render_style_get_em (style);
  g_autofree char *title = jln_chart_dup_title (block->chart, style);
  g_autofree char *details = dup_details (self, block->chart, style);
  g_autoptr(PangoLayout) heading = make_layout (cr, style, JLN_RENDER_FONT_HEADING, title, width);

  jln_render_style_set_source (style, cr, JLN_RENDER_COLOR_FOREGROUND);
  cairo_move_to (cr, 0, y);
  pango_cairo_show_layout (cr, heading);
  y += layout_height (heading) + 0.4 * em;
  if (*details != '\0')
    {
      g_autoptr(PangoLayout) lines = make_layout (cr, style, JLN_RENDER_FONT_SMALL, details, width);

      jln_render_style_set_source (style, cr, JLN_RENDER_COLOR_DIM);
      cairo_move_to (cr, 0, y);
      pango_cairo_show_layout (cr, lines);
      y += layout_height (lines) + 0.6 * em;
    }

  cairo_save (cr);
  cairo_translate (cr, 0, y);
  jln_chart_draw (block->chart, cr, style, width, chart_h);
  cairo_restore (cr);
}

static void
draw_title (JlnIndicatorReport   *self,
            cairo_t              *cr,
            const JlnRenderStyle *style,
            double                width)
{
  g_autofree char *title = dup_report_title (self, style);
  g_autoptr(PangoLayout) layout = make_layout (cr, style, JLN_RENDER_FONT_TITLE, title, width);

  jln_render_style_set_source (style, cr, JLN_RENDER_COLOR_FOREGROUND);
  cairo_move_to (cr, 0, 0);
  pango_cairo_show_layout (cr, layout);
}

/* JlnPicture */

static double
natural_width (const JlnRenderStyle *style)
{
  return 60 * jln_render_style_get_em (style);
}

static void
jln_indicator_report_get_size (JlnPicture           *picture,
                               const JlnRenderStyle *style,
                               double               *width,
                               double               *height)
{
  JlnIndicatorReport *self = JLN_INDICATOR_REPORT (picture);
  double em = jln_render_style_get_em (style);
  double w = natural_width (style);
  double h;

  measure_blocks (self, style, w - 2 * em);
  h = em + self->title_h;
  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *block = &g_array_index (self->blocks, Block, i);

      h += block->heading_h + block->chart_h + block_gap (style);
    }
  *width = w;
  *height = h;
}

static void
jln_indicator_report_draw (JlnPicture           *picture,
                           cairo_t              *cr,
                           const JlnRenderStyle *style)
{
  JlnIndicatorReport *self = JLN_INDICATOR_REPORT (picture);
  double em = jln_render_style_get_em (style);
  double width = natural_width (style) - 2 * em;
  double y;

  measure_blocks (self, style, width);
  cairo_translate (cr, em, em);
  draw_title (self, cr, style, width);
  y = self->title_h;
  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *block = &g_array_index (self->blocks, Block, i);

      draw_block (self, cr, style, block, y, width, block->chart_h);
      y += block->heading_h + block->chart_h + block_gap (style);
    }
}

static guint
jln_indicator_report_paginate (JlnPicture           *picture,
                               const JlnRenderStyle *style,
                               double                width,
                               double                height)
{
  JlnIndicatorReport *self = JLN_INDICATOR_REPORT (picture);
  guint page = 0;
  double y;

  measure_blocks (self, style, width);
  g_array_set_size (self->placements, 0);
  y = self->title_h;
  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *block = &g_array_index (self->blocks, Block, i);
      Placement placement = { i, 0, 0, block->chart_h };

      double left = height - y - block->heading_h;

      /* A chart that does not fit what is left of the page, even a
       * quarter shorter, starts the next one; a chart taller than a page
       * is drawn shorter. */
      if (y > 0 && left < block->chart_h)
        {
          if (left >= block->chart_h * 0.75)
            placement.chart_h = left;
          else
            {
              page++;
              y = 0;
            }
        }
      placement.chart_h = MIN (placement.chart_h, height - y - block->heading_h);
      placement.page = page;
      placement.y = y;
      g_array_append_val (self->placements, placement);
      y += block->heading_h + placement.chart_h + block_gap (style);
    }
  self->n_pages = page + 1;

  /* What a page leaves free goes to its charts, up to almost twice their
   * height, so that a chart alone on its page is drawn large. */
  for (guint p = 0; p < self->n_pages; p++)
    {
      double bottom = 0;
      guint n = 0;

      for (guint i = 0; i < self->placements->len; i++)
        {
          Placement *placement = &g_array_index (self->placements, Placement, i);
          Block *block = &g_array_index (self->blocks, Block, placement->block);

          if (placement->page != p)
            continue;
          bottom = placement->y + block->heading_h + placement->chart_h;
          n++;
        }
      if (n > 0 && bottom < height)
        {
          double extra = (height - bottom) / n;
          double shift = 0;

          for (guint i = 0; i < self->placements->len; i++)
            {
              Placement *placement = &g_array_index (self->placements, Placement, i);
              double grow;

              if (placement->page != p)
                continue;
              grow = MIN (extra, placement->chart_h * 0.8);
              placement->y += shift;
              placement->chart_h += grow;
              shift += grow;
            }
        }
    }
  return self->n_pages;
}

static void
jln_indicator_report_draw_page (JlnPicture           *picture,
                                cairo_t              *cr,
                                const JlnRenderStyle *style,
                                guint                 page,
                                double                width,
                                double                height)
{
  JlnIndicatorReport *self = JLN_INDICATOR_REPORT (picture);

  if (self->placements->len == 0)
    jln_indicator_report_paginate (picture, style, width, height);
  if (page == 0)
    draw_title (self, cr, style, width);
  for (guint i = 0; i < self->placements->len; i++)
    {
      Placement *placement = &g_array_index (self->placements, Placement, i);

      if (placement->page == page)
        draw_block (self, cr, style, &g_array_index (self->blocks, Block, placement->block),
                    placement->y, width, placement->chart_h);
    }
}

static char *
jln_indicator_report_dup_title (JlnPicture           *picture,
                                const JlnRenderStyle *style)
{
  return dup_report_title (JLN_INDICATOR_REPORT (picture), style);
}

static void
jln_indicator_report_picture_init (JlnPictureInterface *iface)
{
  iface->get_size = jln_indicator_report_get_size;
  iface->draw = jln_indicator_report_draw;
  iface->paginate = jln_indicator_report_paginate;
  iface->draw_page = jln_indicator_report_draw_page;
  iface->dup_title = jln_indicator_report_dup_title;
}
