/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "jln-picture.h"

G_BEGIN_DECLS

typedef enum
{
  JLN_EXPORT_PDF,
  JLN_EXPORT_SVG,
  JLN_EXPORT_PNG,
} JlnExportFormat;

/* Paper and slides, all landscape. */
typedef enum
{
  JLN_PAGE_A4,
  JLN_PAGE_A3,
  JLN_PAGE_SLIDE,   /* 16:9, 13.33 × 7.5 inches like presentation software */
} JlnPageFormat;

typedef struct
{
  JlnExportFormat format;
  JlnPageFormat page;      /* PDF only */
  double scale;            /* PNG only: pixels per point; 1 when 0 */
} JlnExportOptions;

/* Called from the exporting thread after each page. */
typedef void (*JlnExportProgress) (guint    done,
                                   guint    total,
                                   gpointer user_data);

gboolean     jln_export_format_from_path (const char        *path,
                                          JlnExportFormat   *format);
gboolean     jln_page_format_from_string (const char        *text,
                                          JlnPageFormat     *page);
const char  *jln_page_format_to_string   (JlnPageFormat      page);
void         jln_page_format_get_size    (JlnPageFormat      page,
                                          double            *width,
                                          double            *height);
double       jln_page_format_get_margin  (JlnPageFormat      page);
/* The body text size that suits the page: larger on slides. */
double       jln_page_format_get_font_size (JlnPageFormat    page);

/* Writes the picture to path, as a whole file or not at all: a file
 * already there is replaced only once the new one is complete. PDF is
 * cut into pages by the picture, with a footer giving the title, the
 * page number and the date; SVG and PNG hold the whole picture. */
gboolean     jln_export_picture          (JlnPicture              *picture,
                                          const JlnRenderStyle    *style,
                                          const JlnExportOptions  *options,
                                          const char              *path,
                                          JlnExportProgress        progress,
                                          gpointer                 user_data,
                                          GCancellable            *cancellable,
                                          GError                 **error);

/* Draws one page as export and printing do: margins, the picture's page,
 * the footer. Used by GtkPrintOperation. */
void         jln_export_draw_page        (JlnPicture              *picture,
                                          cairo_t                 *cr,
                                          const JlnRenderStyle    *style,
                                          guint                    page,
                                          guint                    n_pages,
                                          double                   width,
                                          double                   height,
                                          double                   margin);
double       jln_export_get_footer_height (const JlnRenderStyle   *style);

G_END_DECLS
