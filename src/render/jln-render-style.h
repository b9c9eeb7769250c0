/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "jln-types.h"

G_BEGIN_DECLS

/* How a picture is coloured: the light or dark style of the desktop, or
 * the high contrast of a projector. */
typedef enum
{
  JLN_RENDER_SCHEME_LIGHT,
  JLN_RENDER_SCHEME_DARK,
  JLN_RENDER_SCHEME_CONTRAST,
} JlnRenderScheme;

/* The colours painters use. Status colours follow the legend of HRS4R
 * action plans: grey for done, green for done though not planned. */
typedef enum
{
  JLN_RENDER_COLOR_BACKGROUND,
  JLN_RENDER_COLOR_FOREGROUND,
  JLN_RENDER_COLOR_DIM,           /* secondary text */
  JLN_RENDER_COLOR_GRID,
  JLN_RENDER_COLOR_HEADER,        /* background of sticky headers */
  JLN_RENDER_COLOR_BAND,          /* every other year */
  JLN_RENDER_COLOR_ACCENT,
  JLN_RENDER_COLOR_SELECTION,
  JLN_RENDER_COLOR_TODAY,
  JLN_RENDER_COLOR_MILESTONE,
  JLN_RENDER_COLOR_PLANNED,
  JLN_RENDER_COLOR_IN_PROGRESS,
  JLN_RENDER_COLOR_DONE,
  JLN_RENDER_COLOR_DONE_NEW,
  JLN_RENDER_COLOR_REVISED,
  JLN_RENDER_COLOR_SUPERSEDED,
  JLN_RENDER_COLOR_DROPPED,
  JLN_RENDER_COLOR_OVERDUE,
  JLN_RENDER_COLOR_MET,           /* a target reached */
  JLN_RENDER_COLOR_BEHIND,        /* a target missed */
  JLN_RENDER_COLOR_TARGET,
  JLN_RENDER_COLOR_MEASUREMENT,
  JLN_RENDER_N_COLORS,
} JlnRenderColor;

typedef enum
{
  JLN_RENDER_FONT_BODY,
  JLN_RENDER_FONT_SMALL,
  JLN_RENDER_FONT_BOLD,
  JLN_RENDER_FONT_HEADING,
  JLN_RENDER_FONT_TITLE,
  JLN_RENDER_N_FONTS,
} JlnRenderFont;

typedef struct
{
  double red, green, blue, alpha;
} JlnRgba;

typedef struct _JlnRenderStyle JlnRenderStyle;

#define JLN_TYPE_RENDER_STYLE (jln_render_style_get_type ())

GType                 jln_render_style_get_type      (void) G_GNUC_CONST;
JlnRenderStyle       *jln_render_style_new           (JlnRenderScheme        scheme,
                                                      JlnLang                lang);
JlnRenderStyle       *jln_render_style_copy          (const JlnRenderStyle  *self);
JlnRenderStyle       *jln_render_style_ref           (JlnRenderStyle        *self);
void                  jln_render_style_unref         (JlnRenderStyle        *self);

JlnRenderScheme       jln_render_style_get_scheme    (const JlnRenderStyle  *self);
JlnLang               jln_render_style_get_lang      (const JlnRenderStyle  *self);
void                  jln_render_style_set_lang      (JlnRenderStyle        *self,
                                                      JlnLang                lang);
/* The size of body text in points (10 on screen and paper; larger on a
 * projector). Every font and every length of a painter follows it. */
double                jln_render_style_get_font_size (const JlnRenderStyle  *self);
void                  jln_render_style_set_font_size (JlnRenderStyle        *self,
                                                      double                 points);
const char           *jln_render_style_get_font_family (const JlnRenderStyle *self);
void                  jln_render_style_set_font_family (JlnRenderStyle      *self,
                                                      const char            *family);
/* One "em" of body text, in user units: the unit painters measure in. */
double                jln_render_style_get_em        (const JlnRenderStyle  *self);

const JlnRgba        *jln_render_style_get_color     (const JlnRenderStyle  *self,
                                                      JlnRenderColor         color);
void                  jln_render_style_set_color     (JlnRenderStyle        *self,
                                                      JlnRenderColor         color,
                                                      const JlnRgba         *rgba);
JlnRenderColor        jln_render_color_for_status    (JlnStatus              status);
void                  jln_render_style_set_source    (const JlnRenderStyle  *self,
                                                      cairo_t               *cr,
                                                      JlnRenderColor         color);
void                  jln_render_style_set_source_alpha (const JlnRenderStyle *self,
                                                      cairo_t               *cr,
                                                      JlnRenderColor         color,
                                                      double                 alpha);
/* Owned by the style; do not free. */
const PangoFontDescription *jln_render_style_get_font (const JlnRenderStyle *self,
                                                      JlnRenderFont          font);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JlnRenderStyle, jln_render_style_unref)

G_END_DECLS
