/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The presentation: the timeline full screen, for a steering committee. */
#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "jln-action.h"
#include "jln-action-editor.h"
#include "jln-action-list.h"
#include "jln-objective.h"
#include "jln-timeline-canvas.h"
#include "jln-presentation-window.h"
#include "jln-semester.h"
#include "jln-timeline-view.h"
#include "jln-window.h"

#include "jln-test-gui-utils.h"

static JlnApplication *application;

typedef JlnTestTimelineFixture Fixture;

static guint
count_presented (JlnTimeline *timeline,
                 JlnTimelineRowKind kind)
{
  guint n = 0;

  for (guint i = 0; i < jln_timeline_get_n_rows (timeline); i++)
    if (jln_timeline_get_row_kind (timeline, i) == kind)
      n++;
  return n;
}

static guint
count_items (JlnDocument *document)
{
  GListModel *objectives = jln_plan_get_objectives (jln_document_get_plan (document));
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (objectives); i++)
    {
      g_autoptr(JlnObjective) objective = g_list_model_get_item (objectives, i);
      GListModel *actions = jln_objective_get_actions (objective);

      for (guint j = 0; j < g_list_model_get_n_items (actions); j++)
        {
          g_autoptr(JlnAction) action = g_list_model_get_item (actions, j);

          n += g_list_model_get_n_items (jln_action_get_items (action));
        }
    }
  return n;
}


/* F5, and the presentation once it is on screen at its size. */
static JlnPresentationWindow *
start_presentation (Fixture *fixture)
{
  GtkWindow *window;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.present", NULL));
  JLN_TEST_WAIT_UNTIL (jln_timeline_view_get_presentation (fixture->view) != NULL);
  window = jln_timeline_view_get_presentation (fixture->view);
  g_assert_true (JLN_IS_PRESENTATION_WINDOW (window));
  jln_test_wait_for_mapped (GTK_WIDGET (window));
  jln_test_wait_for_allocation (GTK_WIDGET (window));
  jln_test_wait_for_idle (GTK_WIDGET (window));
  return JLN_PRESENTATION_WINDOW (window);
}

static gboolean
press (JlnPresentationWindow *presentation,
       guint                  keyval)
{
  GListModel *controllers = gtk_widget_observe_controllers (GTK_WIDGET (presentation));
  GtkEventController *keys = NULL;
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) c = g_list_model_get_item (controllers, i);

      if (g_strcmp0 (gtk_event_controller_get_name (c), "jln-presentation-keys") == 0)
        keys = c;
    }
  g_object_unref (controllers);
  g_assert_nonnull (keys);
  g_signal_emit_by_name (keys, "key-pressed", keyval, 0, 0, &handled);
  return handled;
}

static void
leave (Fixture               *fixture,
       JlnPresentationWindow *presentation)
{
  g_assert_true (press (presentation, GDK_KEY_Escape));
  JLN_TEST_WAIT_UNTIL (jln_timeline_view_get_presentation (fixture->view) == NULL);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->window)));
}

static GtkWidget *
find_with_class (GtkWidget  *widget,
                 GType       type,
                 const char *css_class)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) && gtk_widget_has_css_class (widget, css_class))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_with_class (child, type, css_class);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static const char *
counter_text (JlnPresentationWindow *presentation)
{
  GtkWidget *counter = find_with_class (GTK_WIDGET (presentation), GTK_TYPE_LABEL, "numeric");

  g_assert_nonnull (counter);
  return gtk_label_get_text (GTK_LABEL (counter));
}

/* F5 starts at the first slide whatever is selected, shows every action
 * and every sub-item, dated or not; Home returns to the first, Esc leaves. */
static void
test_slides (Fixture       *fixture,
             gconstpointer  data)
{
  JlnPresentationWindow *presentation;
  JlnTimeline *timeline;
  guint n_pages = 0;

  jln_action_list_select (fixture->list, jln_test_find_action (fixture->document, "4.3"));
  jln_test_timeline_fixture_wait_for_list (fixture);
  presentation = start_presentation (fixture);
  g_assert_true (jln_presentation_window_get_session (presentation) == jln_window_get_session (fixture->window));
  timeline = jln_presentation_window_get_timeline (presentation);
  g_assert_nonnull (timeline);

  g_assert_cmpuint (jln_presentation_window_get_page (presentation, &n_pages), ==, 0);
  g_assert_cmpuint (n_pages, >, 1);
  g_assert_cmpuint (jln_timeline_get_n_actions (timeline), ==, 112);
  g_assert_cmpuint (count_presented (timeline, JLN_TIMELINE_ROW_ITEM), ==, count_items (fixture->document));
  {
    g_autofree char *counter = g_strdup_printf ("1 / %u", n_pages);

    g_assert_cmpstr (counter_text (presentation), ==, counter);
  }

  g_assert_true (press (presentation, GDK_KEY_Page_Down));
  g_assert_cmpuint (jln_presentation_window_get_page (presentation, NULL), ==, 1);
  g_assert_true (press (presentation, GDK_KEY_End));
  g_assert_cmpuint (jln_presentation_window_get_page (presentation, NULL), ==, n_pages - 1);
  g_assert_true (press (presentation, GDK_KEY_Page_Down));
  g_assert_cmpuint (jln_presentation_window_get_page (presentation, NULL), ==, n_pages - 1);
  g_assert_true (press (presentation, GDK_KEY_Home));
  g_assert_cmpuint (jln_presentation_window_get_page (presentation, NULL), ==, 0);

  if (g_getenv ("JALONS_SCREENSHOT_DIR") != NULL)
    {
      const char *lang = g_str_has_prefix (g_getenv ("LANGUAGE") ? g_getenv ("LANGUAGE") : "", "fr") ? "fr" : "en";
      g_autoptr(GdkTexture) texture = NULL;
      g_autoptr(GdkTexture) hiding = NULL;
      g_autoptr(GdkTexture) years = NULL;

      gtk_widget_set_size_request (GTK_WIDGET (presentation), 1280, 720);
      press (presentation, GDK_KEY_Page_Down);
      jln_test_wait_for_idle (GTK_WIDGET (presentation));
      texture = jln_test_render_widget (GTK_WIDGET (presentation));
      jln_test_save_screenshot (texture, "timeline-presentation", lang);
      press (presentation, GDK_KEY_d);
      jln_test_wait_for_idle (GTK_WIDGET (presentation));
      hiding = jln_test_render_widget (GTK_WIDGET (presentation));
      jln_test_save_screenshot (hiding, "timeline-presentation-hiding-done", lang);
      press (presentation, GDK_KEY_d);
      gtk_widget_activate_action (GTK_WIDGET (presentation), "presentation.period", "s", "years");
      jln_test_wait_for_idle (GTK_WIDGET (presentation));
      years = jln_test_render_widget (GTK_WIDGET (presentation));
      jln_test_save_screenshot (years, "timeline-presentation-years", lang);
      gtk_widget_activate_action (GTK_WIDGET (presentation), "presentation.period", "s", "plan");
      press (presentation, GDK_KEY_Home);
    }

  leave (fixture, presentation);
}

/* D, or the Hide Done Actions button, leaves the actions done out of the
 * slides, and the counter says how many are shown of how many. */
static void
test_hide_done (Fixture       *fixture,
                gconstpointer  data)
{
  JlnPresentationWindow *presentation = start_presentation (fixture);
  JlnTimeline *timeline = jln_presentation_window_get_timeline (presentation);
  guint shown;
  g_autofree char *says = NULL;

  g_assert_true (press (presentation, GDK_KEY_Page_Down));
  g_assert_true (press (presentation, GDK_KEY_d));
  g_assert_true (jln_presentation_window_get_hide_done (presentation));
  g_assert_cmpuint (jln_presentation_window_get_page (presentation, NULL), ==, 0);
  shown = jln_timeline_get_n_actions (timeline);
  g_assert_cmpuint (shown, <, 112);
  g_assert_cmpuint (shown, >, 0);
  for (guint i = 0; i < jln_timeline_get_n_rows (timeline); i++)
    if (jln_timeline_get_row_kind (timeline, i) == JLN_TIMELINE_ROW_ACTION)
      g_assert_false (jln_status_is_done (jln_action_get_status (JLN_ACTION (jln_timeline_get_row_record (timeline, i)))));
  says = g_strdup_printf ("%u of 112 actions shown", shown);
  g_assert_nonnull (strstr (counter_text (presentation), says));

  /* The button in the presentation's controls does the same. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (presentation), "presentation.hide-done", NULL));
  g_assert_false (jln_presentation_window_get_hide_done (presentation));
  g_assert_cmpuint (jln_timeline_get_n_actions (timeline), ==, 112);
  g_assert_null (strstr (counter_text (presentation), "shown"));
  leave (fixture, presentation);
}

static char *
dup_column_label (JlnTimeline *timeline,
                  gboolean     last)
{
  g_autoptr(JlnRenderStyle) style = jln_render_style_new (JLN_RENDER_SCHEME_CONTRAST, JLN_LANG_EN);
  JlnSemester first_s, last_s;

  jln_timeline_get_range (timeline, &first_s, &last_s);
  return jln_timeline_dup_semester_label (timeline, style, 1600, last ? last_s : first_s);
}

/* The period chosen is the semesters shown, from the first to the last
 * column; the plan's rows stay. */
static void
test_period (Fixture       *fixture,
             gconstpointer  data)
{
  JlnPresentationWindow *presentation;
  JlnTimeline *timeline;
  JlnSemester first, last, plan_first, plan_last;
  g_autofree char *first_label = NULL;
  g_autofree char *last_label = NULL;

  jln_session_set_today (jln_window_get_session (fixture->window), jln_semester_new (2024, 1));
  presentation = start_presentation (fixture);
  timeline = jln_presentation_window_get_timeline (presentation);
  g_assert_cmpstr (jln_presentation_window_get_period (presentation), ==, "plan");
  jln_timeline_get_range (timeline, &plan_first, &plan_last);
  g_assert_cmpuint (plan_first, ==, jln_plan_get_start (jln_document_get_plan (fixture->document)));

  /* This year, with the years before and after. */
  g_assert_true (press (presentation, GDK_KEY_Page_Down));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (presentation), "presentation.period", "s", "years"));
  g_assert_cmpuint (jln_presentation_window_get_page (presentation, NULL), ==, 0);
  jln_timeline_get_range (timeline, &first, &last);
  g_assert_cmpuint (first, ==, jln_semester_new (2023, 1));
  g_assert_cmpuint (last, ==, jln_semester_new (2025, 2));
  first_label = dup_column_label (timeline, FALSE);
  last_label = dup_column_label (timeline, TRUE);
  g_assert_nonnull (strstr (first_label, "2023"));
  g_assert_nonnull (strstr (last_label, "2025"));
  g_assert_cmpuint (jln_timeline_get_n_actions (timeline), ==, 112);

  /* A range, chosen in the period's drop-downs. */
  {
    GtkWidget *popover = jln_test_find_child_of_type (GTK_WIDGET (presentation), GTK_TYPE_POPOVER);
    GtkWidget *first_dropdown = jln_test_find_child_of_type (popover, GTK_TYPE_DROP_DOWN);
    GtkWidget *last_dropdown = gtk_widget_get_last_child (gtk_widget_get_parent (first_dropdown));
    guint selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (first_dropdown));

    g_assert_true (GTK_IS_DROP_DOWN (last_dropdown));
    gtk_drop_down_set_selected (GTK_DROP_DOWN (first_dropdown), selected + 2);
    g_assert_cmpstr (jln_presentation_window_get_period (presentation), ==, "range");
    jln_timeline_get_range (timeline, &first, &last);
    g_assert_cmpuint (first, ==, plan_first + 2);
    gtk_drop_down_set_selected (GTK_DROP_DOWN (last_dropdown), selected + 4);
    jln_timeline_get_range (timeline, &first, &last);
    g_assert_cmpuint (first, ==, plan_first + 2);
    g_assert_cmpuint (last, ==, plan_first + 4);
    g_clear_pointer (&first_label, g_free);
    first_label = dup_column_label (timeline, FALSE);
    {
      g_autofree char *expected = jln_semester_format (plan_first + 2, JLN_SEMESTER_STYLE_SHORT, JLN_LANG_EN);
      g_autofree char *year = g_strdup_printf ("%u", jln_semester_get_year (plan_first + 2));

      g_assert_nonnull (strstr (first_label, year));
      g_assert_nonnull (expected);
    }
  }

  /* And the whole plan again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (presentation), "presentation.period", "s", "plan"));
  jln_timeline_get_range (timeline, &first, &last);
  g_assert_cmpuint (first, ==, plan_first);
  g_assert_cmpuint (last, ==, plan_last);
  leave (fixture, presentation);
}

static gboolean
has_tooltip (GtkWidget     *widget,
             gconstpointer  data)
{
  return gtk_widget_get_has_tooltip (widget) && gtk_widget_get_mapped (widget);
}

/* No tooltip shows over the slides: none in the presentation, and the
 * timeline's own stay away until the presentation is left. */
static void
test_no_tooltips (Fixture       *fixture,
                  gconstpointer  data)
{
  JlnPresentationWindow *presentation;

  jln_test_timeline_fixture_show_timeline (fixture);
  g_assert_true (gtk_widget_get_has_tooltip (GTK_WIDGET (fixture->canvas)));
  presentation = start_presentation (fixture);
  g_assert_null (jln_test_find_widget (GTK_WIDGET (presentation), has_tooltip, NULL));
  g_assert_false (gtk_widget_get_has_tooltip (GTK_WIDGET (fixture->canvas)));
  leave (fixture, presentation);
  g_assert_true (gtk_widget_get_has_tooltip (GTK_WIDGET (fixture->canvas)));
}

static void
move_pointer (JlnPresentationWindow *presentation)
{
  GListModel *controllers = gtk_widget_observe_controllers (GTK_WIDGET (presentation));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) c = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_MOTION (c))
        g_signal_emit_by_name (c, "motion", 10.0, 10.0);
    }
  g_object_unref (controllers);
}

static void
assert_apart (JlnPresentationWindow *presentation,
              GtkWidget             *widget,
              const graphene_rect_t *area,
              const char            *what)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_get_mapped (widget));
  g_assert_true (gtk_widget_compute_bounds (widget, GTK_WIDGET (presentation), &bounds));
  if (graphene_rect_intersection (&bounds, area, NULL))
    g_error ("at %d × %d, the %s at %g,%g %g × %g covers the %s at %g,%g %g × %g",
             gtk_widget_get_width (GTK_WIDGET (presentation)),
             gtk_widget_get_height (GTK_WIDGET (presentation)),
             G_OBJECT_TYPE_NAME (widget), bounds.origin.x, bounds.origin.y,
             bounds.size.width, bounds.size.height, what, area->origin.x, area->origin.y,
             area->size.width, area->size.height);
}

/* While the keys and the controls are shown, on a laptop, a projector
 * and an old screen, they cover neither the semesters' axis nor the
 * legend of any slide: they have strips of their own. */
static void
test_controls_apart (Fixture       *fixture,
                     gconstpointer  data)
{
  static const int sizes[][2] = { { 1280, 800 }, { 1920, 1080 }, { 1024, 768 } };
  const char *lang = g_str_has_prefix (g_getenv ("LANGUAGE") ? g_getenv ("LANGUAGE") : "", "fr") ? "fr" : "en";

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      int width = sizes[i][0], height = sizes[i][1];
      JlnPresentationWindow *presentation;
      GtkWidget *content, *controls, *hint, *counter;

      /* A window of the screen's size, as the presentation's is once
       * full screen. */
      presentation = JLN_PRESENTATION_WINDOW (jln_presentation_window_new (jln_window_get_session (fixture->window),
                                                                           NULL));
      content = adw_window_get_content (ADW_WINDOW (presentation));
      gtk_widget_set_size_request (content, width, height);
      gtk_window_present (GTK_WINDOW (presentation));
      JLN_TEST_WAIT_UNTIL (gtk_widget_get_width (content) == width &&
                           gtk_widget_get_height (content) == height);
      jln_test_wait_for_idle (GTK_WIDGET (presentation));

      controls = find_with_class (GTK_WIDGET (presentation), GTK_TYPE_MENU_BUTTON, "osd");
      hint = find_with_class (GTK_WIDGET (presentation), GTK_TYPE_LABEL, "jln-presentation-hint");
      counter = find_with_class (GTK_WIDGET (presentation), GTK_TYPE_LABEL, "numeric");
      g_assert_nonnull (controls);
      g_assert_nonnull (hint);
      g_assert_nonnull (counter);
      /* The controls are the period's button and those beside it. */
      controls = gtk_widget_get_parent (controls);
      /* Run with LANGUAGE=fr, the keys are said in French, as French
       * keyboards name them. */
      if (g_str_equal (lang, "fr"))
        {
          g_assert_null (strstr (gtk_label_get_text (GTK_LABEL (hint)), "Page Down"));
          g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (hint)), "Pg suiv"));
        }

      /* The first slide and the last, which may end in fewer semesters. */
      for (guint page = 0; page < 2; page++)
        {
          graphene_rect_t axis, legend;

          g_assert_true (press (presentation, page == 0 ? GDK_KEY_Home : GDK_KEY_End));
          /* Moving the pointer shows the controls and the keys. */
          move_pointer (presentation);
          jln_test_wait_for_idle (GTK_WIDGET (presentation));
          g_assert_true (jln_presentation_window_get_slide_areas (presentation, &axis, &legend));
          g_assert_cmpfloat (axis.size.width, >, 0);
          g_assert_cmpfloat (legend.size.height, >, 0);
          assert_apart (presentation, controls, &axis, "semesters' axis");
          assert_apart (presentation, controls, &legend, "legend");
          assert_apart (presentation, hint, &axis, "semesters' axis");
          assert_apart (presentation, hint, &legend, "legend");
          assert_apart (presentation, counter, &axis, "semesters' axis");
          assert_apart (presentation, counter, &legend, "legend");
        }

      if (g_getenv ("JALONS_SCREENSHOT_DIR") != NULL)
        {
          g_autoptr(GdkTexture) texture = NULL;
          g_autofree char *name = g_strdup_printf ("timeline-presentation-controls-%dx%d", width, height);

          g_assert_true (press (presentation, GDK_KEY_Home));
          move_pointer (presentation);
          jln_test_wait_for_idle (GTK_WIDGET (presentation));
          texture = jln_test_render_widget (GTK_WIDGET (presentation));
          jln_test_save_screenshot (texture, name, lang);
        }
      gtk_window_destroy (GTK_WINDOW (presentation));
    }
}

/* In the presentation's controls, Space and the arrows are theirs; P
 * opens the period's choices, and the slides' keys come back after. */
static void
test_controls_keys (Fixture       *fixture,
                    gconstpointer  data)
{
  JlnPresentationWindow *presentation = start_presentation (fixture);
  GtkWidget *popover = jln_test_find_child_of_type (GTK_WIDGET (presentation), GTK_TYPE_POPOVER);
  GtkWidget *button = gtk_widget_get_parent (popover);

  g_assert_true (press (presentation, GDK_KEY_p));
  JLN_TEST_WAIT_UNTIL (gtk_widget_get_visible (popover));
  g_assert_false (press (presentation, GDK_KEY_space));
  g_assert_false (press (presentation, GDK_KEY_Escape));
  gtk_popover_popdown (GTK_POPOVER (popover));
  JLN_TEST_WAIT_UNTIL (!gtk_widget_get_visible (popover));
  gtk_widget_grab_focus (button);
  g_assert_false (press (presentation, GDK_KEY_Right));
  g_assert_cmpuint (jln_presentation_window_get_page (presentation, NULL), ==, 0);
  g_assert_true (press (presentation, GDK_KEY_Page_Down));
  g_assert_cmpuint (jln_presentation_window_get_page (presentation, NULL), ==, 1);
  leave (fixture, presentation);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *home = g_dir_make_tmp ("jalons-presentation-XXXXXX", NULL);
  g_autofree char *data_home = g_build_filename (home, "data", NULL);
  int status;

  /* LANGUAGE=fr shows the interface in French. */
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
  g_test_add ("/gui/presentation/" path, Fixture, NULL, \
              jln_test_timeline_fixture_setup, func, jln_test_timeline_fixture_teardown)
  ADD ("slides", test_slides);
  ADD ("hide-done", test_hide_done);
  ADD ("period", test_period);
  ADD ("no-tooltips", test_no_tooltips);
  ADD ("controls-keys", test_controls_keys);
  ADD ("controls-apart", test_controls_apart);
#undef ADD

  status = g_test_run ();
  g_clear_object (&application);
  jln_test_remove_tree (home);
  return status;
}
