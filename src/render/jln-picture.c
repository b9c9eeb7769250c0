/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "jln-picture.h"

G_DEFINE_INTERFACE (JlnPicture, jln_picture, G_TYPE_OBJECT)

static guint
jln_picture_real_paginate (JlnPicture           *self,
                           const JlnRenderStyle *style,
                           double                width,
                           double                height)
{
  return 1;
}

/* By default the whole picture is scaled down (never up) to fit the page
 * and centred on it. */
static void
jln_picture_real_draw_page (JlnPicture           *self,
                            cairo_t              *cr,
                            const JlnRenderStyle *style,
                            guint                 page,
                            double                width,
                            double                height)
{
  double w = 0, h = 0, scale = 1.0;

  jln_picture_get_size (self, style, &w, &h);
  if (w <= 0 || h <= 0)
    return;
  scale = MIN (1.0, MIN (width / w, height / h));
  cairo_save (cr);
  cairo_translate (cr, (width - w * scale) / 2, 0);
  cairo_scale (cr, scale, scale);
  cairo_rectangle (cr, 0, 0, w, h);
  cairo_clip (cr);
  jln_picture_draw (self, cr, style);
  cairo_restore (cr);
}

static void
jln_picture_default_init (JlnPictureInterface *iface)
{
  iface->paginate = jln_picture_real_paginate;
  iface->draw_page = jln_picture_real_draw_page;
}

void
jln_picture_get_size (JlnPicture           *self,
                      const JlnRenderStyle *style,
                      double               *width,
                      double               *height)
{
  double w = 0, h = 0;

  g_return_if_fail (JLN_IS_PICTURE (self));
  JLN_PICTURE_GET_IFACE (self)->get_size (self, style, &w, &h);
  if (width != NULL)
    *width = w;
  if (height != NULL)
    *height = h;
}

void
jln_picture_draw (JlnPicture           *self,
                  cairo_t              *cr,
                  const JlnRenderStyle *style)
{
  g_return_if_fail (JLN_IS_PICTURE (self));
  cairo_save (cr);
  JLN_PICTURE_GET_IFACE (self)->draw (self, cr, style);
  cairo_restore (cr);
}

guint
jln_picture_paginate (JlnPicture           *self,
                      const JlnRenderStyle *style,
                      double                width,
                      double                height)
{
  g_return_val_if_fail (JLN_IS_PICTURE (self), 0);
  return JLN_PICTURE_GET_IFACE (self)->paginate (self, style, width, height);
}

void
jln_picture_draw_page (JlnPicture           *self,
                       cairo_t              *cr,
                       const JlnRenderStyle *style,
                       guint                 page,
                       double                width,
                       double                height)
{
  g_return_if_fail (JLN_IS_PICTURE (self));
  cairo_save (cr);
  JLN_PICTURE_GET_IFACE (self)->draw_page (self, cr, style, page, width, height);
  cairo_restore (cr);
}

char *
jln_picture_dup_title (JlnPicture           *self,
                       const JlnRenderStyle *style)
{
  g_return_val_if_fail (JLN_IS_PICTURE (self), NULL);
  if (JLN_PICTURE_GET_IFACE (self)->dup_title == NULL)
    return NULL;
  return JLN_PICTURE_GET_IFACE (self)->dup_title (self, style);
}
