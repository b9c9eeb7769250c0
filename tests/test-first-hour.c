/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "jln-action.h"
#include "jln-action-list.h"
#include "jln-objective.h"
#include "jln-timeline-canvas.h"
#include "jln-timeline-view.h"
#include "jln-window.h"

#include "jln-test-gui-utils.h"

/* What a new user meets in the first hour, on the bundled plan: each test
 * does what they did and checks what they should have seen. */

static JlnApplication *application;

typedef struct
{
  char            *path;
  JlnWindow       *window;
  JlnDocument     *document;
  JlnActionList   *list;
  JlnTimelineView *view;
} Fixture;

/* Runs the main loop until @done says so, for at most ten seconds;
 * returns what @done said last. */
typedef gboolean (*Condition) (Fixture *fixture);

static gboolean
wait_until (Fixture   *fixture,
            Condition  done)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!done (fixture) && g_get_monotonic_time () < deadline)
    jln_test_wait_ms (10);
  return done (fixture);
}

/* Runs the main loop until @widget's window has shown @n more frames. */
static void
wait_frames (GtkWidget *widget,
             guint      n)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  gint64 target = gdk_frame_clock_get_frame_counter (clock) + n;
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (gdk_frame_clock_get_frame_counter (clock) < target && g_get_monotonic_time () < deadline)
    {
      gtk_widget_queue_draw (widget);
      g_main_context_iteration (NULL, TRUE);
    }
  g_assert_cmpint (gdk_frame_clock_get_frame_counter (clock), >=, target);
}

static gboolean
list_settled (Fixture *fixture)
{
  return !jln_action_list_get_pending (fixture->list);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *bundled = jln_application_dup_bundled_plan ();
  g_autofree char *name = g_strdup_printf ("first-hour-%u.jalons", g_random_int ());
  g_autoptr(GFile) file = NULL;
  g_autoptr(JlnDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  fixture->path = g_build_filename (g_get_user_data_dir (), name, NULL);
  document = jln_document_import (bundled, fixture->path, &error);
  g_assert_no_error (error);
  g_clear_object (&document);

  fixture->window = jln_window_new (application);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1280, 800);
  gtk_window_present (GTK_WINDOW (fixture->window));
  file = g_file_new_for_path (fixture->path);
  jln_window_open_file (fixture->window, file);
  jln_test_wait_for_document (fixture->window);
  fixture->document = jln_window_get_document (fixture->window);
  g_assert_nonnull (fixture->document);
  fixture->list = JLN_ACTION_LIST (jln_window_get_action_list (fixture->window));
  fixture->view = JLN_TIMELINE_VIEW (jln_test_find_child_of_type (GTK_WIDGET (fixture->window),
                                                                  JLN_TYPE_TIMELINE_VIEW));
  g_assert_nonnull (fixture->view);
  g_assert_true (wait_until (fixture, list_settled));
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_remove (fixture->path);
  g_free (fixture->path);
}

static GtkEventController *
find_controller (GtkWidget  *widget,
                 const char *name)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) c = g_list_model_get_item (controllers, i);

      if (g_strcmp0 (gtk_event_controller_get_name (c), name) == 0)
        return c;
    }
  return NULL;
}

static void
press (GtkEventController *keys,
       guint               keyval)
{
  gboolean handled = FALSE;

  g_signal_emit_by_name (keys, "key-pressed", keyval, 0, 0, &handled);
  g_assert_true (handled);
}

static gboolean
timeline_shown (Fixture *fixture)
{
  return gtk_widget_get_mapped (GTK_WIDGET (fixture->view)) &&
         gtk_widget_get_width (GTK_WIDGET (fixture->view)) > 0;
}

static gboolean
presentation_shown (Fixture *fixture)
{
  GtkWindow *presentation = jln_timeline_view_get_presentation (fixture->view);

  return presentation != NULL && gtk_widget_get_mapped (GTK_WIDGET (presentation));
}

static gboolean
presentation_left (Fixture *fixture)
{
  return jln_timeline_view_get_presentation (fixture->view) == NULL;
}

/* Whether the timeline's search entry, zoom buttons and canvas are all on
 * screen with a size, that is, drawn. */
static gboolean
timeline_page_drawn (Fixture *fixture)
{
  GtkWidget *entry = jln_test_find_child_of_type (GTK_WIDGET (fixture->view), GTK_TYPE_SEARCH_ENTRY);
  GtkWidget *canvas = jln_test_find_child_of_type (GTK_WIDGET (fixture->view), JLN_TYPE_TIMELINE_CANVAS);
  GtkWidget *toggle = jln_test_find_child_of_type (GTK_WIDGET (fixture->view), GTK_TYPE_TOGGLE_BUTTON);
  GtkWidget *widgets[] = { GTK_WIDGET (fixture->view), entry, canvas, toggle };

  for (guint i = 0; i < G_N_ELEMENTS (widgets); i++)
    {
      graphene_rect_t bounds;

      if (widgets[i] == NULL || !gtk_widget_get_mapped (widgets[i]) ||
          !gtk_widget_compute_bounds (widgets[i], GTK_WIDGET (fixture->window), &bounds) ||
          bounds.size.width < 1 || bounds.size.height < 1)
        return FALSE;
    }
  return TRUE;
}

static gboolean
timeline_filtered (Fixture *fixture)
{
  JlnTimeline *timeline = jln_timeline_view_get_timeline (fixture->view);

  return timeline != NULL && jln_timeline_get_n_actions (timeline) > 0 &&
         jln_timeline_get_n_actions (timeline) < 112;
}

/* 2. The meeting: the timeline, F5, Esc, then a search in the timeline's
 * own entry. The page stays whole: search, zoom and canvas. */
static void
test_present_then_search (Fixture       *fixture,
                          gconstpointer  data)
{
  GtkWidget *entry;
  GtkEventController *keys;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.page", "s", "timeline"));
  g_assert_true (wait_until (fixture, timeline_shown));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.present", NULL));
  g_assert_true (wait_until (fixture, presentation_shown));
  keys = find_controller (GTK_WIDGET (jln_timeline_view_get_presentation (fixture->view)),
                          "jln-presentation-keys");
  g_assert_nonnull (keys);
  press (keys, GDK_KEY_Escape);
  g_assert_true (wait_until (fixture, presentation_left));

  entry = jln_test_find_child_of_type (GTK_WIDGET (fixture->view), GTK_TYPE_SEARCH_ENTRY);
  gtk_widget_grab_focus (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), "recrutement");
  g_assert_true (wait_until (fixture, timeline_filtered));
  g_assert_true (wait_until (fixture, timeline_page_drawn));
  /* A few frames later, it still is, and draws. */
  wait_frames (GTK_WIDGET (fixture->window), 5);
  g_assert_true (timeline_page_drawn (fixture));
  {
    g_autoptr(GdkTexture) texture = jln_test_render_widget (GTK_WIDGET (fixture->view));

    g_assert_nonnull (texture);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *home = g_dir_make_tmp ("jalons-first-hour-XXXXXX", NULL);
  g_autofree char *data_home = g_build_filename (home, "data", NULL);
  int status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, BUILD_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();
  jln_test_load_style ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  application = jln_application_new (G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (application), NULL, &error);
  g_assert_no_error (error);

#define ADD(path, func) \
  g_test_add ("/gui/first-hour/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("present-then-search", test_present_then_search);
#undef ADD

  status = g_test_run ();
  g_clear_object (&application);
  jln_test_remove_tree (home);
  return status;
}
