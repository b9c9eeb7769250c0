/* SPDX-License-Identifier: GPL-3.0-or-later */
/* How the window is drawn, decided from what the machine offers. */
#include "config.h"

#include "jln-renderer.h"

static const char * const no_nodes[] = { NULL };
static const char * const intel[] = { "i915", NULL };
static const char * const amd_and_vgem[] = { "vgem", "amdgpu", NULL };
static const char * const vgem[] = { "vgem", NULL };
static const char * const virtio[] = { "virtio_gpu", NULL };

static void
test_renderer_no_gpu (void)
{
  JlnRendererProbe probe = { .render_node_drivers = no_nodes };

  /* No render node: Mesa would draw GL with the CPU. */
  g_assert_true (jln_renderer_is_software (&probe));
  g_assert_cmpint (jln_renderer_choose (&probe), ==, JLN_RENDERER_WITHOUT_GL);

  /* No /dev/dri at all. */
  probe.render_node_drivers = NULL;
  g_assert_cmpint (jln_renderer_choose (&probe), ==, JLN_RENDERER_WITHOUT_GL);

  /* Only a virtual device with no 3D behind it. */
  probe.render_node_drivers = vgem;
  g_assert_true (jln_renderer_is_software (&probe));
  g_assert_cmpint (jln_renderer_choose (&probe), ==, JLN_RENDERER_WITHOUT_GL);
}

static void
test_renderer_gpu (void)
{
  JlnRendererProbe probe = { .render_node_drivers = intel };

  g_assert_false (jln_renderer_is_software (&probe));
  g_assert_cmpint (jln_renderer_choose (&probe), ==, JLN_RENDERER_KEEP);

  probe.render_node_drivers = amd_and_vgem;
  g_assert_cmpint (jln_renderer_choose (&probe), ==, JLN_RENDERER_KEEP);

  /* A virtual machine's GPU may pass GL through to the host's. */
  probe.render_node_drivers = virtio;
  g_assert_cmpint (jln_renderer_choose (&probe), ==, JLN_RENDERER_KEEP);

  /* NVIDIA's own driver may have no render node. */
  probe.render_node_drivers = no_nodes;
  probe.nvidia_device = TRUE;
  g_assert_false (jln_renderer_is_software (&probe));
  g_assert_cmpint (jln_renderer_choose (&probe), ==, JLN_RENDERER_KEEP);
}

static void
test_renderer_forced_software (void)
{
  JlnRendererProbe probe = { .render_node_drivers = intel, .libgl_always_software = "1" };

  /* A GPU that Mesa is told not to use. */
  g_assert_true (jln_renderer_is_software (&probe));
  g_assert_cmpint (jln_renderer_choose (&probe), ==, JLN_RENDERER_WITHOUT_GL);

  probe.libgl_always_software = "0";
  g_assert_cmpint (jln_renderer_choose (&probe), ==, JLN_RENDERER_KEEP);
  probe.libgl_always_software = "";
  g_assert_cmpint (jln_renderer_choose (&probe), ==, JLN_RENDERER_KEEP);

  probe.gallium_driver = "llvmpipe";
  g_assert_cmpint (jln_renderer_choose (&probe), ==, JLN_RENDERER_WITHOUT_GL);
  probe.gallium_driver = "softpipe";
  g_assert_cmpint (jln_renderer_choose (&probe), ==, JLN_RENDERER_WITHOUT_GL);
  probe.gallium_driver = "radeonsi";
  g_assert_cmpint (jln_renderer_choose (&probe), ==, JLN_RENDERER_KEEP);
}

static void
test_renderer_user_wins (void)
{
  JlnRendererProbe probe = { .render_node_drivers = no_nodes };

  /* Whatever the user sets in GTK's own variables is kept, even on a
   * machine without a GPU. */
  probe.gsk_renderer = "gl";
  g_assert_cmpint (jln_renderer_choose (&probe), ==, JLN_RENDERER_KEEP);
  probe.gsk_renderer = "cairo";
  g_assert_cmpint (jln_renderer_choose (&probe), ==, JLN_RENDERER_KEEP);
  probe.gsk_renderer = NULL;

  probe.gdk_debug = "gl-glx";
  g_assert_cmpint (jln_renderer_choose (&probe), ==, JLN_RENDERER_KEEP);
  probe.gdk_debug = NULL;

  probe.gdk_gl = "gles";
  g_assert_cmpint (jln_renderer_choose (&probe), ==, JLN_RENDERER_KEEP);

  /* An empty variable says nothing. */
  probe.gdk_gl = "";
  probe.gsk_renderer = "";
  g_assert_cmpint (jln_renderer_choose (&probe), ==, JLN_RENDERER_WITHOUT_GL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gui/renderer/no-gpu", test_renderer_no_gpu);
  g_test_add_func ("/gui/renderer/gpu", test_renderer_gpu);
  g_test_add_func ("/gui/renderer/forced-software", test_renderer_forced_software);
  g_test_add_func ("/gui/renderer/user-wins", test_renderer_user_wins);

  return g_test_run ();
}
