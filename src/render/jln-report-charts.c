/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include "jln-charts.h"
#include "jln-report-charts.h"

/* Pixels per point of the pictures: sharp on paper and on a projector. */
#define SCALE 2.5
#define POINTS_PER_MM (72.0 / 25.4)
/* Pictures narrower than the page read better beside the text. */
#define MAX_WIDTH_MM 160.0

static cairo_status_t
append_bytes_cb (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static JlnReportPicture *
draw_chart (JlnChart             *chart,
            const JlnRenderStyle *style,
            double                width_mm)
{
  double width = width_mm * POINTS_PER_MM;
  double height = jln_chart_get_height_for_width (chart, style, width);
  g_autoptr(GByteArray) png = g_byte_array_new ();
  JlnReportPicture *picture;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  if (!(height > 0))
    return NULL;
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (width * SCALE),
                                        (int) ceil (height * SCALE));
  cr = cairo_create (surface);
  cairo_scale (cr, SCALE, SCALE);
  jln_render_style_set_source (style, cr, JLN_RENDER_COLOR_BACKGROUND);
  cairo_paint (cr);
  jln_chart_draw (chart, cr, style, width, height);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  status = cairo_surface_status (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_write_to_png_stream (surface, append_bytes_cb, png);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_warning ("A chart of the report could not be drawn: %s", cairo_status_to_string (status));
      return NULL;
    }
  picture = g_new0 (JlnReportPicture, 1);
  picture->png = g_byte_array_free_to_bytes (g_steal_pointer (&png));
  picture->width_mm = width_mm;
  picture->height_mm = height / POINTS_PER_MM;
  picture->title = jln_chart_dup_title (chart, style);
  picture->alt_text = jln_chart_dup_description (chart, style);
  return picture;
}

/**
 * jln_report_charts_draw:
 *
 * Returns: (transfer full): the plan-wide charts of @plan, a GPtrArray of
 *   JlnReportPicture
 */
GPtrArray *
jln_report_charts_draw (JlnPlan  *plan,
                        JlnLang   lang,
                        double    width_mm,
                        gpointer  user_data)
{
  static const JlnChartKind kinds[] = { JLN_CHART_STATUS, JLN_CHART_COMPLETIONS, JLN_CHART_UNITS };
  g_autoptr(JlnRenderStyle) style = jln_render_style_new (JLN_RENDER_SCHEME_LIGHT, lang);
  GPtrArray *pictures = g_ptr_array_new_with_free_func ((GDestroyNotify) jln_report_picture_free);

  g_return_val_if_fail (JLN_IS_PLAN (plan), pictures);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autoptr(JlnChart) chart = jln_chart_new (kinds[i], plan, NULL);
      JlnReportPicture *picture = draw_chart (chart, style, MIN (width_mm, MAX_WIDTH_MM));

      if (picture != NULL)
        g_ptr_array_add (pictures, picture);
    }
  return pictures;
}

/**
 * jln_report_charts_draw_indicators:
 *
 * Returns: (transfer full): the chart of each indicator of @plan, its
 *   targets by year against its measurements, a GPtrArray of
 *   JlnReportPicture
 */
GPtrArray *
jln_report_charts_draw_indicators (JlnPlan *plan,
                                   JlnLang  lang,
                                   double   width_mm)
{
  g_autoptr(JlnRenderStyle) style = jln_render_style_new (JLN_RENDER_SCHEME_LIGHT, lang);
  GPtrArray *pictures = g_ptr_array_new_with_free_func ((GDestroyNotify) jln_report_picture_free);
  GListModel *indicators;

  g_return_val_if_fail (JLN_IS_PLAN (plan), pictures);

  indicators = jln_plan_get_indicators (plan);
  for (guint i = 0; i < g_list_model_get_n_items (indicators); i++)
    {
      g_autoptr(JlnIndicator) indicator = g_list_model_get_item (indicators, i);
      g_autoptr(JlnChart) chart = jln_chart_new_indicator (plan, indicator);
      JlnReportPicture *picture = draw_chart (chart, style, MIN (width_mm, MAX_WIDTH_MM));

      if (picture != NULL)
        g_ptr_array_add (pictures, picture);
    }
  return pictures;
}
