/* SPDX-License-Identifier: GPL-3.0-or-later */
/* On a machine without a GPU, GTK 4 draws with OpenGL all the same, through
 * Mesa's software rasteriser (llvmpipe): loading it costs about 130 MB and
 * 0.2 s before the window shows, and every frame is drawn by the CPU, so
 * that a blinking text cursor keeps most of a core busy. Drawing with cairo
 * costs a fraction of that. So when nothing can draw GL in hardware, the
 * window is drawn without GL; where a GPU is there, GTK chooses as ever,
 * and what a user sets in GTK's own variables always wins. */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include <gtk/gtk.h>

#include "jln-renderer.h"

/* Kernel DRM drivers that offer a render node but no 3D hardware. */
static const char * const software_drivers[] = {
  "vgem", "vkms", NULL,
};

static gboolean
is_set (const char *value)
{
  return value != NULL && value[0] != '\0';
}

static gboolean
is_true (const char *value)
{
  return is_set (value) && !g_str_equal (value, "0") && g_ascii_strcasecmp (value, "false") != 0;
}

/**
 * jln_renderer_is_software:
 *
 * Returns: whether GL on this machine can only be drawn by the CPU: no
 *   render node of a driver with 3D hardware and no NVIDIA device, or Mesa
 *   told to draw in software
 */
gboolean
jln_renderer_is_software (const JlnRendererProbe *probe)
{
  g_return_val_if_fail (probe != NULL, FALSE);

  if (is_true (probe->libgl_always_software))
    return TRUE;
  if (probe->gallium_driver != NULL
      && (g_str_equal (probe->gallium_driver, "llvmpipe")
          || g_str_equal (probe->gallium_driver, "softpipe")
          || g_str_equal (probe->gallium_driver, "swr")))
    return TRUE;
  if (probe->nvidia_device)
    return FALSE;
  for (guint i = 0; probe->render_node_drivers != NULL && probe->render_node_drivers[i] != NULL; i++)
    if (!g_strv_contains (software_drivers, probe->render_node_drivers[i]))
      return FALSE;
  return TRUE;
}

/**
 * jln_renderer_choose:
 *
 * Decides how the window is drawn on the machine that @probe describes.
 * Any of GTK's variables set by the user (GSK_RENDERER, GDK_DEBUG,
 * GDK_GL) keeps GTK's choice untouched.
 */
JlnRendererChoice
jln_renderer_choose (const JlnRendererProbe *probe)
{
  g_return_val_if_fail (probe != NULL, JLN_RENDERER_KEEP);

  if (is_set (probe->gsk_renderer) || is_set (probe->gdk_debug) || is_set (probe->gdk_gl))
    return JLN_RENDERER_KEEP;
  return jln_renderer_is_software (probe) ? JLN_RENDERER_WITHOUT_GL : JLN_RENDERER_KEEP;
}

/* The kernel driver of each DRI render node, by name. */
static GStrv
dup_render_node_drivers (void)
{
  g_autoptr(GStrvBuilder) drivers = g_strv_builder_new ();
  g_autoptr(GDir) dir = g_dir_open ("/dev/dri", 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *link = NULL;
      g_autofree char *driver = NULL;

      if (!g_str_has_prefix (name, "renderD"))
        continue;
      link = g_strdup_printf ("/sys/class/drm/%s/device/driver", name);
      driver = g_file_read_link (link, NULL);
      if (driver != NULL)
        {
          g_autofree char *base = g_path_get_basename (driver);

          g_strv_builder_add (drivers, base);
        }
      else
        g_strv_builder_add (drivers, "unknown");
    }
  return g_strv_builder_end (drivers);
}

static gboolean set_gdk_debug;
static gboolean software;

/**
 * jln_renderer_apply:
 *
 * Probes the machine and, when it has no hardware GL, tells GDK not to
 * use GL. Call before GTK initialises, and jln_renderer_after_init()
 * after.
 *
 * Returns: how the window is drawn
 */
JlnRendererChoice
jln_renderer_apply (void)
{
  g_auto(GStrv) drivers = dup_render_node_drivers ();
  JlnRendererProbe probe = {
    .render_node_drivers = (const char * const *) drivers,
    .nvidia_device = g_file_test ("/dev/nvidiactl", G_FILE_TEST_EXISTS),
    .gsk_renderer = g_getenv ("GSK_RENDERER"),
    .gdk_debug = g_getenv ("GDK_DEBUG"),
    .gdk_gl = g_getenv ("GDK_GL"),
    .libgl_always_software = g_getenv ("LIBGL_ALWAYS_SOFTWARE"),
    .gallium_driver = g_getenv ("GALLIUM_DRIVER"),
  };

  software = jln_renderer_is_software (&probe);
  if (jln_renderer_choose (&probe) != JLN_RENDERER_WITHOUT_GL)
    return JLN_RENDERER_KEEP;
  g_debug ("No hardware GL: the window is drawn without GL");
  g_setenv ("GDK_DEBUG", "gl-disable", TRUE);
  set_gdk_debug = TRUE;
  return JLN_RENDERER_WITHOUT_GL;
}

/**
 * jln_renderer_after_init:
 *
 * Once GTK has read it, takes back what jln_renderer_apply() set, so
 * that programs started from the window make their own choice. Where
 * the CPU draws every frame, the text cursor does not blink: each blink
 * would be a frame drawn for nothing.
 */
void
jln_renderer_after_init (void)
{
  if (set_gdk_debug)
    g_unsetenv ("GDK_DEBUG");
  set_gdk_debug = FALSE;
  if (software)
    g_object_set (gtk_settings_get_default (), "gtk-cursor-blink", FALSE, NULL);
}
