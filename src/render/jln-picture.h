/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>
#include <cairo.h>

#include "jln-render-style.h"

G_BEGIN_DECLS

#define JLN_TYPE_PICTURE (jln_picture_get_type ())

G_DECLARE_INTERFACE (JlnPicture, jln_picture, JLN, PICTURE, GObject)

/* A picture a painter draws: the timeline, the indicator charts. The
 * same picture is drawn by its widget, exported to PDF, SVG and PNG and
 * printed, so what the user sees is what the committee gets.
 *
 * Lengths are in user units: pixels on screen, points (1/72 inch) on
 * paper. Painters measure everything from the style's em. */
struct _JlnPictureInterface
{
  GTypeInterface parent_iface;

  /* The whole picture at its natural size. */
  void     (*get_size)   (JlnPicture           *self,
                          const JlnRenderStyle *style,
                          double               *width,
                          double               *height);
  void     (*draw)       (JlnPicture           *self,
                          cairo_t              *cr,
                          const JlnRenderStyle *style);

  /* Lays the picture out on pages of width × height and returns how many
   * pages it needs. Pictures that cut themselves into pages repeat their
   * headers on each page and never cut a row. Optional: by default the
   * whole picture is scaled down to fit one page. */
  guint    (*paginate)   (JlnPicture           *self,
                          const JlnRenderStyle *style,
                          double                width,
                          double                height);
  void     (*draw_page)  (JlnPicture           *self,
                          cairo_t              *cr,
                          const JlnRenderStyle *style,
                          guint                 page,
                          double                width,
                          double                height);

  /* A title for the picture (page headers, window titles), in the
   * style's language. Optional. */
  char *   (*dup_title)  (JlnPicture           *self,
                          const JlnRenderStyle *style);
};

void   jln_picture_get_size  (JlnPicture           *self,
                              const JlnRenderStyle *style,
                              double               *width,
                              double               *height);
void   jln_picture_draw      (JlnPicture           *self,
                              cairo_t              *cr,
                              const JlnRenderStyle *style);
guint  jln_picture_paginate  (JlnPicture           *self,
                              const JlnRenderStyle *style,
                              double                width,
                              double                height);
void   jln_picture_draw_page (JlnPicture           *self,
                              cairo_t              *cr,
                              const JlnRenderStyle *style,
                              guint                 page,
                              double                width,
                              double                height);
char  *jln_picture_dup_title (JlnPicture           *self,
                              const JlnRenderStyle *style);

G_END_DECLS
