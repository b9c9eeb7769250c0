/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "jln-render-style.h"

struct _JlnRenderStyle
{
  gatomicrefcount ref_count;
  JlnRenderScheme scheme;
  JlnLang lang;
  double font_size;
  char *font_family;
  JlnRgba colors[JLN_RENDER_N_COLORS];
  PangoFontDescription *fonts[JLN_RENDER_N_FONTS];
};

G_DEFINE_BOXED_TYPE (JlnRenderStyle, jln_render_style,
                     jln_render_style_ref, jln_render_style_unref)

#define RGB(hex) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0, 1.0 }

/* The GNOME palette. Light and dark follow libadwaita's view colours;
 * the contrast scheme is for projectors, which wash out pale tints:
 * black on white, and darker, saturated bars. */
static const JlnRgba palettes[3][JLN_RENDER_N_COLORS] = {
  [JLN_RENDER_SCHEME_LIGHT] = {
    [JLN_RENDER_COLOR_BACKGROUND] = RGB (0xffffff),
    [JLN_RENDER_COLOR_FOREGROUND] = RGB (0x241f31),
    [JLN_RENDER_COLOR_DIM] = RGB (0x5e5c64),
    [JLN_RENDER_COLOR_GRID] = RGB (0xdeddda),
    [JLN_RENDER_COLOR_HEADER] = RGB (0xf6f5f4),
    [JLN_RENDER_COLOR_BAND] = RGB (0xf6f5f4),
    [JLN_RENDER_COLOR_ACCENT] = RGB (0x1c71d8),
    [JLN_RENDER_COLOR_SELECTION] = { 0x35 / 255.0, 0x84 / 255.0, 0xe4 / 255.0, 0.22 },
    [JLN_RENDER_COLOR_TODAY] = RGB (0xe66100),
    [JLN_RENDER_COLOR_MILESTONE] = RGB (0x813d9c),
    [JLN_RENDER_COLOR_PLANNED] = RGB (0xffffff),
    [JLN_RENDER_COLOR_IN_PROGRESS] = RGB (0xffffff),
    [JLN_RENDER_COLOR_DONE] = RGB (0x9a9996),
    [JLN_RENDER_COLOR_DONE_NEW] = RGB (0x33d17a),
    [JLN_RENDER_COLOR_REVISED] = RGB (0xf5c211),
    [JLN_RENDER_COLOR_SUPERSEDED] = RGB (0xdc8add),
    [JLN_RENDER_COLOR_DROPPED] = RGB (0xc0bfbc),
    [JLN_RENDER_COLOR_OVERDUE] = RGB (0xe01b24),
    [JLN_RENDER_COLOR_MET] = RGB (0x26a269),
    [JLN_RENDER_COLOR_BEHIND] = RGB (0xc01c28),
    [JLN_RENDER_COLOR_TARGET] = RGB (0x1a5fb4),
    [JLN_RENDER_COLOR_MEASUREMENT] = RGB (0xc64600),
  },
  [JLN_RENDER_SCHEME_DARK] = {
    [JLN_RENDER_COLOR_BACKGROUND] = RGB (0x1e1e1e),
    [JLN_RENDER_COLOR_FOREGROUND] = RGB (0xffffff),
    [JLN_RENDER_COLOR_DIM] = RGB (0xc0bfbc),
    [JLN_RENDER_COLOR_GRID] = RGB (0x3d3846),
    [JLN_RENDER_COLOR_HEADER] = RGB (0x303030),
    [JLN_RENDER_COLOR_BAND] = RGB (0x272727),
    [JLN_RENDER_COLOR_ACCENT] = RGB (0x78aeed),
    [JLN_RENDER_COLOR_SELECTION] = { 0x35 / 255.0, 0x84 / 255.0, 0xe4 / 255.0, 0.35 },
    [JLN_RENDER_COLOR_TODAY] = RGB (0xffa348),
    [JLN_RENDER_COLOR_MILESTONE] = RGB (0xdc8add),
    [JLN_RENDER_COLOR_PLANNED] = RGB (0x3d3846),
    [JLN_RENDER_COLOR_IN_PROGRESS] = RGB (0x5e5c64),
    [JLN_RENDER_COLOR_DONE] = RGB (0x9a9996),
    [JLN_RENDER_COLOR_DONE_NEW] = RGB (0x2ec27e),
    [JLN_RENDER_COLOR_REVISED] = RGB (0xe5a50a),
    [JLN_RENDER_COLOR_SUPERSEDED] = RGB (0xc061cb),
    [JLN_RENDER_COLOR_DROPPED] = RGB (0x77767b),
    [JLN_RENDER_COLOR_OVERDUE] = RGB (0xff7b63),
    [JLN_RENDER_COLOR_MET] = RGB (0x57e389),
    [JLN_RENDER_COLOR_BEHIND] = RGB (0xff7b63),
    [JLN_RENDER_COLOR_TARGET] = RGB (0x99c1f1),
    [JLN_RENDER_COLOR_MEASUREMENT] = RGB (0xffa348),
  },
  [JLN_RENDER_SCHEME_CONTRAST] = {
    [JLN_RENDER_COLOR_BACKGROUND] = RGB (0xffffff),
    [JLN_RENDER_COLOR_FOREGROUND] = RGB (0x000000),
    [JLN_RENDER_COLOR_DIM] = RGB (0x241f31),
    [JLN_RENDER_COLOR_GRID] = RGB (0x77767b),
    [JLN_RENDER_COLOR_HEADER] = RGB (0xdeddda),
    [JLN_RENDER_COLOR_BAND] = RGB (0xebebeb),
    [JLN_RENDER_COLOR_ACCENT] = RGB (0x1a5fb4),
    [JLN_RENDER_COLOR_SELECTION] = { 0x1a / 255.0, 0x5f / 255.0, 0xb4 / 255.0, 0.30 },
    [JLN_RENDER_COLOR_TODAY] = RGB (0xc64600),
    [JLN_RENDER_COLOR_MILESTONE] = RGB (0x613583),
    [JLN_RENDER_COLOR_PLANNED] = RGB (0xffffff),
    [JLN_RENDER_COLOR_IN_PROGRESS] = RGB (0xffffff),
    [JLN_RENDER_COLOR_DONE] = RGB (0x5e5c64),
    [JLN_RENDER_COLOR_DONE_NEW] = RGB (0x1b7a3e),
    [JLN_RENDER_COLOR_REVISED] = RGB (0xc88800),
    [JLN_RENDER_COLOR_SUPERSEDED] = RGB (0x813d9c),
    [JLN_RENDER_COLOR_DROPPED] = RGB (0x9a9996),
    [JLN_RENDER_COLOR_OVERDUE] = RGB (0xa51d2d),
    [JLN_RENDER_COLOR_MET] = RGB (0x1b7a3e),
    [JLN_RENDER_COLOR_BEHIND] = RGB (0xa51d2d),
    [JLN_RENDER_COLOR_TARGET] = RGB (0x1a5fb4),
    [JLN_RENDER_COLOR_MEASUREMENT] = RGB (0x9c3800),
  },
};

static void
update_fonts (JlnRenderStyle *self)
{
  static const struct { double scale; PangoWeight weight; } fonts[JLN_RENDER_N_FONTS] = {
    [JLN_RENDER_FONT_BODY] = { 1.0, PANGO_WEIGHT_NORMAL },
    [JLN_RENDER_FONT_SMALL] = { 0.85, PANGO_WEIGHT_NORMAL },
    [JLN_RENDER_FONT_BOLD] = { 1.0, PANGO_WEIGHT_BOLD },
    [JLN_RENDER_FONT_HEADING] = { 1.2, PANGO_WEIGHT_BOLD },
    [JLN_RENDER_FONT_TITLE] = { 1.6, PANGO_WEIGHT_BOLD },
  };

  for (guint i = 0; i < JLN_RENDER_N_FONTS; i++)
    {
      g_clear_pointer (&self->fonts[i], pango_font_description_free);
      self->fonts[i] = pango_font_description_new ();
      pango_font_description_set_family (self->fonts[i], self->font_family);
      pango_font_description_set_weight (self->fonts[i], fonts[i].weight);
      /* Absolute size in user units (points on paper, pixels on screen),
       * so that a layout measures the same on every surface. */
      pango_font_description_set_absolute_size (self->fonts[i],
                                                self->font_size * fonts[i].scale * PANGO_SCALE);
    }
}

JlnRenderStyle *
jln_render_style_new (JlnRenderScheme scheme,
                      JlnLang         lang)
{
  JlnRenderStyle *self = g_new0 (JlnRenderStyle, 1);

  g_return_val_if_fail (scheme <= JLN_RENDER_SCHEME_CONTRAST, NULL);

  g_atomic_ref_count_init (&self->ref_count);
  self->scheme = scheme;
  self->lang = lang;
  self->font_size = 10.0;
  self->font_family = g_strdup ("Cantarell, Noto Sans, DejaVu Sans, sans-serif");
  memcpy (self->colors, palettes[scheme], sizeof self->colors);
  update_fonts (self);
  return self;
}

JlnRenderStyle *
jln_render_style_copy (const JlnRenderStyle *self)
{
  JlnRenderStyle *copy = jln_render_style_new (self->scheme, self->lang);

  memcpy (copy->colors, self->colors, sizeof copy->colors);
  jln_render_style_set_font_family (copy, self->font_family);
  jln_render_style_set_font_size (copy, self->font_size);
  return copy;
}

JlnRenderStyle *
jln_render_style_ref (JlnRenderStyle *self)
{
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
jln_render_style_unref (JlnRenderStyle *self)
{
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  for (guint i = 0; i < JLN_RENDER_N_FONTS; i++)
    g_clear_pointer (&self->fonts[i], pango_font_description_free);
  g_free (self->font_family);
  g_free (self);
}

JlnRenderScheme
jln_render_style_get_scheme (const JlnRenderStyle *self)
{
  return self->scheme;
}

JlnLang
jln_render_style_get_lang (const JlnRenderStyle *self)
{
  return self->lang;
}

void
jln_render_style_set_lang (JlnRenderStyle *self,
                           JlnLang         lang)
{
  self->lang = lang;
}

double
jln_render_style_get_font_size (const JlnRenderStyle *self)
{
  return self->font_size;
}

void
jln_render_style_set_font_size (JlnRenderStyle *self,
                                double          points)
{
  g_return_if_fail (points > 0);
  self->font_size = points;
  update_fonts (self);
}

const char *
jln_render_style_get_font_family (const JlnRenderStyle *self)
{
  return self->font_family;
}

void
jln_render_style_set_font_family (JlnRenderStyle *self,
                                  const char     *family)
{
  g_return_if_fail (family != NULL);
  g_free (self->font_family);
  self->font_family = g_strdup (family);
  update_fonts (self);
}

double
jln_render_style_get_em (const JlnRenderStyle *self)
{
  return self->font_size;
}

const JlnRgba *
jln_render_style_get_color (const JlnRenderStyle *self,
                            JlnRenderColor        color)
{
  g_return_val_if_fail (color < JLN_RENDER_N_COLORS, &self->colors[0]);
  return &self->colors[color];
}

void
jln_render_style_set_color (JlnRenderStyle *self,
                            JlnRenderColor  color,
                            const JlnRgba  *rgba)
{
  g_return_if_fail (color < JLN_RENDER_N_COLORS);
  self->colors[color] = *rgba;
}

JlnRenderColor
jln_render_color_for_status (JlnStatus status)
{
  switch (status)
    {
    case JLN_STATUS_PLANNED: return JLN_RENDER_COLOR_PLANNED;
    case JLN_STATUS_IN_PROGRESS: return JLN_RENDER_COLOR_IN_PROGRESS;
    case JLN_STATUS_DONE: return JLN_RENDER_COLOR_DONE;
    case JLN_STATUS_DONE_NEW: return JLN_RENDER_COLOR_DONE_NEW;
    case JLN_STATUS_REVISED: return JLN_RENDER_COLOR_REVISED;
    case JLN_STATUS_SUPERSEDED: return JLN_RENDER_COLOR_SUPERSEDED;
    case JLN_STATUS_DROPPED: return JLN_RENDER_COLOR_DROPPED;
    default: return JLN_RENDER_COLOR_PLANNED;
    }
}

void
jln_render_style_set_source (const JlnRenderStyle *self,
                             cairo_t              *cr,
                             JlnRenderColor        color)
{
  jln_render_style_set_source_alpha (self, cr, color, 1.0);
}

void
jln_render_style_set_source_alpha (const JlnRenderStyle *self,
                                   cairo_t              *cr,
                                   JlnRenderColor        color,
                                   double                alpha)
{
  const JlnRgba *c = jln_render_style_get_color (self, color);

  cairo_set_source_rgba (cr, c->red, c->green, c->blue, c->alpha * alpha);
}

const PangoFontDescription *
jln_render_style_get_font (const JlnRenderStyle *self,
                           JlnRenderFont         font)
{
  g_return_val_if_fail (font < JLN_RENDER_N_FONTS, self->fonts[0]);
  return self->fonts[font];
}
