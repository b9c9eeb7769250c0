/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What the machine offers to draw the window with, as found before GTK
 * starts: the kernel drivers of the DRI render nodes (/dev/dri/renderD*),
 * whether NVIDIA's own driver is there, and the environment variables
 * that choose GTK's renderer or force Mesa to draw in software. */
typedef struct
{
  const char * const *render_node_drivers;   /* NULL-terminated, may be NULL */
  gboolean            nvidia_device;
  const char         *gsk_renderer;          /* GSK_RENDERER, or NULL */
  const char         *gdk_debug;             /* GDK_DEBUG, or NULL */
  const char         *gdk_gl;                /* GDK_GL, or NULL */
  const char         *libgl_always_software; /* LIBGL_ALWAYS_SOFTWARE, or NULL */
  const char         *gallium_driver;        /* GALLIUM_DRIVER, or NULL */
} JlnRendererProbe;

typedef enum
{
  JLN_RENDERER_KEEP,        /* GTK's own choice, or the user's */
  JLN_RENDERER_WITHOUT_GL,  /* no hardware GL: draw with cairo, load no GL at all */
} JlnRendererChoice;

JlnRendererChoice jln_renderer_choose     (const JlnRendererProbe *probe);
gboolean          jln_renderer_is_software (const JlnRendererProbe *probe);
JlnRendererChoice jln_renderer_apply       (void);
void              jln_renderer_after_init  (void);

G_END_DECLS
