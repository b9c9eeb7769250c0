/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include "jln-gettext.h"
#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <pango/pangocairo.h>

#include "jln-export.h"
#include "jln-i18n.h"
#include "jln-json.h"

/* cairo's image surfaces stop at 32 767 pixels a side. */
#define MAX_PNG_SIDE 32767.0

gboolean
jln_export_format_from_path (const char      *path,
                             JlnExportFormat *format)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  if (g_str_has_suffix (lower, ".pdf"))
    *format = JLN_EXPORT_PDF;
  else if (g_str_has_suffix (lower, ".svg"))
    *format = JLN_EXPORT_SVG;
  else if (g_str_has_suffix (lower, ".png"))
    *format = JLN_EXPORT_PNG;
  else
    return FALSE;
  return TRUE;
}

static const struct
{
  const char *name;
  double width, height, margin, font_size;
} pages[] = {
  [JLN_PAGE_A4] = { "a4", 841.89, 595.28, 28.35, 9.0 },
  [JLN_PAGE_A3] = { "a3", 1190.55, 841.89, 34.0, 10.0 },
  [JLN_PAGE_SLIDE] = { "slide", 960.0, 540.0, 24.0, 14.0 },
};

gboolean
jln_page_format_from_string (const char    *text,
                             JlnPageFormat *page)
{
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    if (g_ascii_strcasecmp (text, pages[i].name) == 0)
      {
        *page = i;
        return TRUE;
      }
  return FALSE;
}

const char *
jln_page_format_to_string (JlnPageFormat page)
{
  g_return_val_if_fail (page < G_N_ELEMENTS (pages), NULL);
  return pages[page].name;
}

void
jln_page_format_get_size (JlnPageFormat  page,
                          double        *width,
                          double        *height)
{
  g_return_if_fail (page < G_N_ELEMENTS (pages));
  *width = pages[page].width;
  *height = pages[page].height;
}

double
jln_page_format_get_margin (JlnPageFormat page)
{
  g_return_val_if_fail (page < G_N_ELEMENTS (pages), 0);
  return pages[page].margin;
}

double
jln_page_format_get_font_size (JlnPageFormat page)
{
  g_return_val_if_fail (page < G_N_ELEMENTS (pages), 10);
  return pages[page].font_size;
}

static double
footer_height (const JlnRenderStyle *style)
{
  return jln_render_style_get_em (style) * 1.8;
}

/* The height jln_export_draw_page() keeps below the picture for its
 * footer: what is left of a page for the picture's own pagination. */
double
jln_export_get_footer_height (const JlnRenderStyle *style)
{
  g_return_val_if_fail (style != NULL, 0);
  return footer_height (style);
}

void
jln_export_draw_page (JlnPicture           *picture,
                      cairo_t              *cr,
                      const JlnRenderStyle *style,
                      guint                 page,
                      guint                 n_pages,
                      double                width,
                      double                height,
                      double                margin)
{
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  g_autofree char *title = jln_picture_dup_title (picture, style);
  g_autofree char *number = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = jln_format_date_time (now, jln_render_style_get_lang (style));
  double inner_w = width - 2 * margin;
  double inner_h = height - 2 * margin - footer_height (style);
  int tw, th;

  jln_render_style_set_source (style, cr, JLN_RENDER_COLOR_BACKGROUND);
  cairo_paint (cr);

  cairo_save (cr);
  cairo_translate (cr, margin, margin);
  cairo_rectangle (cr, 0, 0, inner_w, inner_h);
  cairo_clip (cr);
  jln_picture_draw_page (picture, cr, style, page, inner_w, inner_h);
  cairo_restore (cr);

  /* Footer: title and date on the left, page number on the right. */
  pango_layout_set_font_description (layout, jln_render_style_get_font (style, JLN_RENDER_FONT_SMALL));
  jln_render_style_set_source (style, cr, JLN_RENDER_COLOR_DIM);
  pango_layout_set_text (layout, title != NULL ? title : "", -1);
  if (title != NULL)
    {
      g_autofree char *text = g_strdup_printf ("%s — %s", title, date);
      pango_layout_set_text (layout, text, -1);
    }
  else
    pango_layout_set_text (layout, date, -1);
  pango_layout_set_width (layout, (int) (inner_w * 0.75 * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_get_pixel_size (layout, &tw, &th);
  cairo_move_to (cr, margin, height - margin - th);
  pango_cairo_show_layout (cr, layout);

  /* Translators: page number in the footer of an exported PDF: "3 / 12" */
  number = g_strdup_printf (_("%u / %u"), page + 1, n_pages);
  pango_layout_set_width (layout, -1);
  pango_layout_set_text (layout, number, -1);
  pango_layout_get_pixel_size (layout, &tw, &th);
  cairo_move_to (cr, width - margin - tw, height - margin - th);
  pango_cairo_show_layout (cr, layout);
}

/* Where cairo's streams go: the file being written, page by page, so
 * that a long PDF is never held whole in memory. */
typedef struct
{
  JlnOutputFile *file;
  GError        *error;
} Output;

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  Output *out = closure;

  if (out->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;
  if (!jln_output_file_write (out->file, data, length, &out->error))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

static gboolean
check_surface (cairo_surface_t  *surface,
               Output           *out,
               const char       *path,
               GError          **error)
{
  cairo_status_t status = cairo_surface_status (surface);

  if (out->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&out->error));
      return FALSE;
    }
  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;
  g_set_error (error, JLN_ERROR, JLN_ERROR_IO, _("%s: cannot draw the export: %s"),
               path, cairo_status_to_string (status));
  return FALSE;
}

static gboolean
cancelled (GCancellable  *cancellable,
           GError       **error)
{
  return g_cancellable_set_error_if_cancelled (cancellable, error);
}

static gboolean
export_pdf (JlnPicture             *picture,
            const JlnRenderStyle   *style,
            const JlnExportOptions *options,
            const char             *path,
            Output                 *out,
            JlnExportProgress       progress,
            gpointer                user_data,
            GCancellable           *cancellable,
            GError                **error)
{
  double width, height, margin = jln_page_format_get_margin (options->page);
  cairo_surface_t *surface;
  cairo_t *cr;
  guint n_pages;
  gboolean ok = TRUE;
  g_autofree char *title = jln_picture_dup_title (picture, style);

  jln_page_format_get_size (options->page, &width, &height);
  n_pages = jln_picture_paginate (picture, style, width - 2 * margin,
                                  height - 2 * margin - footer_height (style));
  surface = cairo_pdf_surface_create_for_stream (append_bytes, out, width, height);
  if (title != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Jalons " PACKAGE_VERSION);
  cr = cairo_create (surface);
  for (guint page = 0; page < n_pages && ok; page++)
    {
      if (cancelled (cancellable, error))
        ok = FALSE;
      else
        {
          jln_export_draw_page (picture, cr, style, page, n_pages, width, height, margin);
          cairo_show_page (cr);
          if (progress != NULL)
            progress (page + 1, n_pages, user_data);
        }
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  ok = ok && check_surface (surface, out, path, error);
  cairo_surface_destroy (surface);
  return ok;
}

static gboolean
export_svg (JlnPicture           *picture,
            const JlnRenderStyle *style,
            const char           *path,
            Output               *out,
            GError              **error)
{
  double width, height;
  cairo_surface_t *surface;
  cairo_t *cr;
  gboolean ok;

  jln_picture_get_size (picture, style, &width, &height);
  surface = cairo_svg_surface_create_for_stream (append_bytes, out, MAX (width, 1), MAX (height, 1));
  cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PT);
  cr = cairo_create (surface);
  jln_render_style_set_source (style, cr, JLN_RENDER_COLOR_BACKGROUND);
  cairo_paint (cr);
  jln_picture_draw (picture, cr, style);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  ok = check_surface (surface, out, path, error);
  cairo_surface_destroy (surface);
  return ok;
}

static gboolean
export_png (JlnPicture             *picture,
            const JlnRenderStyle   *style,
            const JlnExportOptions *options,
            const char             *path,
            Output                 *out,
            GError                **error)
{
  double width, height, scale = options->scale > 0 ? options->scale : 1.0;
  cairo_surface_t *surface;
  cairo_t *cr;
  gboolean ok;

  jln_picture_get_size (picture, style, &width, &height);
  if (ceil (width * scale) > MAX_PNG_SIDE || ceil (height * scale) > MAX_PNG_SIDE)
    {
      g_set_error (error, JLN_ERROR, JLN_ERROR_INVALID,
                   _("%s: the picture would be %.0f × %.0f pixels, more than a PNG image can hold (%.0f a side); export fewer actions with --filter, a smaller --scale, or a PDF"),
                   path, ceil (width * scale), ceil (height * scale), MAX_PNG_SIDE);
      return FALSE;
    }
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                        MAX (1, (int) ceil (width * scale)),
                                        MAX (1, (int) ceil (height * scale)));
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  jln_render_style_set_source (style, cr, JLN_RENDER_COLOR_BACKGROUND);
  cairo_paint (cr);
  jln_picture_draw (picture, cr, style);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  ok = check_surface (surface, out, path, error);
  if (ok)
    {
      cairo_status_t status = cairo_surface_write_to_png_stream (surface, append_bytes, out);
      if (status != CAIRO_STATUS_SUCCESS && out->error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&out->error));
          ok = FALSE;
        }
      else if (status != CAIRO_STATUS_SUCCESS)
        {
          g_set_error (error, JLN_ERROR, JLN_ERROR_IO, _("%s: cannot write the PNG image: %s"),
                       path, cairo_status_to_string (status));
          ok = FALSE;
        }
    }
  cairo_surface_destroy (surface);
  return ok;
}

gboolean
jln_export_picture (JlnPicture              *picture,
                    const JlnRenderStyle    *style,
                    const JlnExportOptions  *options,
                    const char              *path,
                    JlnExportProgress        progress,
                    gpointer                 user_data,
                    GCancellable            *cancellable,
                    GError                 **error)
{
  Output out = { NULL, NULL };
  gboolean ok = FALSE;

  g_return_val_if_fail (JLN_IS_PICTURE (picture), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  out.file = jln_output_file_new (path, error);
  if (out.file == NULL)
    return FALSE;

  switch (options->format)
    {
    case JLN_EXPORT_PDF:
      ok = export_pdf (picture, style, options, path, &out, progress, user_data, cancellable, error);
      break;
    case JLN_EXPORT_SVG:
      ok = export_svg (picture, style, path, &out, error);
      break;
    case JLN_EXPORT_PNG:
      ok = export_png (picture, style, options, path, &out, error);
      break;
    default:
      g_assert_not_reached ();
    }
  g_clear_error (&out.error);
  if (ok && options->format != JLN_EXPORT_PDF && progress != NULL)
    progress (1, 1, user_data);
  if (!ok || cancelled (cancellable, error))
    {
      jln_output_file_abort (out.file);
      return FALSE;
    }
  return jln_output_file_commit (out.file, error);
}
