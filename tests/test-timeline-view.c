/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "jln-action.h"
#include "jln-action-editor.h"
#include "jln-action-list.h"
#include "jln-filter-bar.h"
#include "jln-objective.h"
#include "jln-timeline-canvas.h"
#include "jln-timeline-view.h"
#include "jln-window.h"

#include "jln-test-gui-utils.h"

static JlnApplication *application;

typedef JlnTestTimelineFixture Fixture;

static guint
count_shown_actions (Fixture *fixture)
{
  return jln_timeline_get_n_actions (jln_timeline_view_get_timeline (fixture->view));
}

/* The window's filter decides what both views show, whichever sets it. */
static void
test_filter (Fixture       *fixture,
             gconstpointer  data)
{
  JlnQueryFilter *filter = jln_window_get_filter (fixture->window);
  GtkEditable *entry;
  GtkWidget *list_bar, *view_bar;
  JlnTimeline *timeline;

  jln_test_timeline_fixture_show_timeline (fixture);
  g_assert_cmpuint (count_shown_actions (fixture), ==, 112);

  /* Set in the window (the list's search bar writes it so): the timeline follows. */
  jln_query_filter_set_text (filter, "unit:RH");
  jln_test_timeline_fixture_wait_for_list (fixture);
  g_assert_cmpuint (jln_action_list_get_n_shown (fixture->list), <, 112);
  g_assert_cmpuint (count_shown_actions (fixture), ==, jln_action_list_get_n_shown (fixture->list));
  entry = GTK_EDITABLE (jln_test_find_child_of_type (GTK_WIDGET (fixture->view), GTK_TYPE_SEARCH_ENTRY));
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "unit:RH");

  /* Typed in the timeline's search entry: the window's filter, and so the list, follow. */
  gtk_editable_set_text (entry, "objective:4");
  JLN_TEST_WAIT_UNTIL (g_strcmp0 (jln_query_filter_get_text (filter), "objective:4") == 0);
  jln_test_timeline_fixture_wait_for_list (fixture);
  g_assert_cmpstr (jln_query_filter_get_text (filter), ==, "objective:4");
  g_assert_cmpuint (jln_action_list_get_n_shown (fixture->list), ==, 22);
  g_assert_cmpuint (count_shown_actions (fixture), ==, 22);

  /* The timeline's filter bar and the list's are two of one kind on the
   * same filter: the list's shows what was typed here, and a button of
   * the timeline's narrows the list too. */
  list_bar = jln_test_find_child_of_type (GTK_WIDGET (fixture->list), JLN_TYPE_FILTER_BAR);
  view_bar = jln_test_find_child_of_type (GTK_WIDGET (fixture->view), JLN_TYPE_FILTER_BAR);
  g_assert_nonnull (list_bar);
  g_assert_nonnull (view_bar);
  g_assert_true (list_bar != view_bar);
  g_assert_cmpstr (gtk_editable_get_text (jln_filter_bar_get_search_entry (JLN_FILTER_BAR (list_bar))),
                   ==, "objective:4");
  g_assert_true (gtk_widget_activate_action (view_bar, "filter.status", "s", "done"));
  g_assert_cmpstr (jln_query_filter_get_text (filter), ==, "objective:4 status:done");
  jln_test_timeline_fixture_wait_for_list (fixture);
  g_assert_cmpuint (jln_action_list_get_n_shown (fixture->list), <, 22);
  g_assert_cmpuint (count_shown_actions (fixture), ==, jln_action_list_get_n_shown (fixture->list));
  g_assert_cmpstr (gtk_editable_get_text (jln_filter_bar_get_search_entry (JLN_FILTER_BAR (list_bar))),
                   ==, "objective:4 status:done");
  jln_query_filter_set_text (filter, "objective:4");
  jln_test_timeline_fixture_wait_for_list (fixture);

  /* Every action shown is one the filter matches, under one heading. */
  timeline = jln_timeline_view_get_timeline (fixture->view);
  for (guint i = 0; i < jln_timeline_get_n_rows (timeline); i++)
    {
      JlnRecord *record = jln_timeline_get_row_record (timeline, i);

      if (JLN_IS_ACTION (record))
        g_assert_true (jln_query_filter_match_action (filter, JLN_ACTION (record)));
      else if (JLN_IS_OBJECTIVE (record))
        g_assert_cmpstr (jln_objective_get_number (JLN_OBJECTIVE (record)), ==, "4");
    }

  /* Nothing matches: the empty state says so, and shows all again. */
  jln_query_filter_set_text (filter, "xyzzy-nothing");
  jln_test_timeline_fixture_wait_for_list (fixture);
  g_assert_cmpuint (count_shown_actions (fixture), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (jln_test_find_child_of_type (GTK_WIDGET (fixture->view), GTK_TYPE_STACK))),
                   ==, "empty");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "timeline.show-all", NULL));
  jln_test_timeline_fixture_wait_for_list (fixture);
  g_assert_cmpstr (jln_query_filter_get_text (filter), ==, "");
  g_assert_cmpuint (count_shown_actions (fixture), ==, 112);
}

/* A filter set while the timeline is hidden shows when it comes back. */
static void
test_filter_while_hidden (Fixture       *fixture,
                          gconstpointer  data)
{
  jln_test_timeline_fixture_show_timeline (fixture);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.page", "s", "actions"));
  jln_test_wait_for_unmapped (GTK_WIDGET (fixture->view));
  jln_query_filter_set_text (jln_window_get_filter (fixture->window), "status:done");
  jln_test_timeline_fixture_wait_for_list (fixture);
  jln_test_timeline_fixture_show_timeline (fixture);
  g_assert_cmpuint (count_shown_actions (fixture), ==, jln_action_list_get_n_shown (fixture->list));
}

/* Selecting in either view selects in the other. */
static void
test_selection (Fixture       *fixture,
                gconstpointer  data)
{
  JlnRecord *a18 = jln_test_find_action (fixture->document, "1.8");
  JlnRecord *a19 = jln_test_find_action (fixture->document, "1.9");
  JlnRecord *a24 = jln_test_find_action (fixture->document, "2.4");

  jln_test_timeline_fixture_show_timeline (fixture);

  /* The list to the timeline. */
  jln_action_list_select (fixture->list, a18);
  jln_test_timeline_fixture_wait_for_list (fixture);
  g_assert_true (jln_timeline_canvas_get_selected (fixture->canvas) == a18);

  /* The timeline to the list: Down goes to the next action, past the sub-items. */
  gtk_widget_grab_focus (GTK_WIDGET (fixture->canvas));
  jln_timeline_canvas_move_selection (fixture->canvas, 1);
  jln_test_timeline_fixture_wait_for_list (fixture);
  g_assert_true (jln_timeline_canvas_get_selected (fixture->canvas) == a19);
  g_assert_true (jln_action_list_get_selected (fixture->list) == a19);

  jln_timeline_canvas_move_selection (fixture->canvas, -1);
  jln_test_timeline_fixture_wait_for_list (fixture);
  g_assert_true (jln_action_list_get_selected (fixture->list) == a18);

  /* A click on a row. */
  jln_timeline_canvas_select (fixture->canvas, a24);
  g_assert_true (jln_timeline_canvas_get_selected (fixture->canvas) == a24);
  jln_action_list_select (fixture->list, a19);
  jln_test_timeline_fixture_wait_for_list (fixture);
  g_assert_true (jln_timeline_canvas_get_selected (fixture->canvas) == a19);
}

/* Enter opens the selected action in the editor, on the Actions page. */
static void
test_activate (Fixture       *fixture,
               gconstpointer  data)
{
  JlnRecord *a35 = jln_test_find_action (fixture->document, "3.5");
  AdwViewStack *stack = ADW_VIEW_STACK (jln_test_find_child_of_type (GTK_WIDGET (fixture->window), ADW_TYPE_VIEW_STACK));
  JlnActionEditor *editor = JLN_ACTION_EDITOR (jln_test_find_child_of_type (GTK_WIDGET (fixture->window),
                                                                            JLN_TYPE_ACTION_EDITOR));

  jln_test_timeline_fixture_show_timeline (fixture);
  jln_action_list_select (fixture->list, a35);
  jln_test_timeline_fixture_wait_for_list (fixture);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "timeline");
  g_signal_emit_by_name (fixture->canvas, "activate-record", a35);
  JLN_TEST_WAIT_UNTIL (g_strcmp0 (adw_view_stack_get_visible_child_name (stack), "actions") == 0 &&
                       jln_action_editor_get_record (editor) == a35);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "actions");
  g_assert_true (jln_action_editor_get_record (editor) == a35);
}

/* An edit made elsewhere shows in the timeline. */
static void
test_plan_changes (Fixture       *fixture,
                   gconstpointer  data)
{
  JlnRecord *objective = jln_test_find_objective (fixture->document, "1");
  g_autoptr(JlnRecord) action = jln_record_new (JLN_KIND_ACTION, "number", "1.99",
                                                "title-en", "New action", "status", "planned",
                                                "due", "2025-S2", NULL);

  jln_test_timeline_fixture_show_timeline (fixture);
  g_assert_cmpuint (count_shown_actions (fixture), ==, 112);
  jln_test_apply (fixture->document, jln_edit_new_insert (objective, action, 0));
  JLN_TEST_WAIT_UNTIL (count_shown_actions (fixture) == 113);
  g_assert_cmpuint (count_shown_actions (fixture), ==, 113);
  g_assert_true (jln_timeline_find_row (jln_timeline_view_get_timeline (fixture->view), action, NULL));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  JLN_TEST_WAIT_UNTIL (count_shown_actions (fixture) == 112);
  g_assert_cmpuint (count_shown_actions (fixture), ==, 112);
}

/* Zoom: the buttons' action, Ctrl+minus, and what the painter uses. */
static void
test_zoom (Fixture       *fixture,
           gconstpointer  data)
{
  JlnTimeline *timeline;

  jln_test_timeline_fixture_show_timeline (fixture);
  timeline = jln_timeline_view_get_timeline (fixture->view);
  g_assert_cmpint (jln_timeline_get_zoom (timeline), ==, JLN_TIMELINE_ZOOM_SEMESTER);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "timeline.zoom", "s", "year"));
  g_assert_cmpint (jln_timeline_get_zoom (timeline), ==, JLN_TIMELINE_ZOOM_YEAR);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "timeline.zoom-in", NULL));
  g_assert_cmpint (jln_timeline_get_zoom (timeline), ==, JLN_TIMELINE_ZOOM_SEMESTER);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "timeline.zoom-in", NULL));
  g_assert_cmpint (jln_timeline_get_zoom (timeline), ==, JLN_TIMELINE_ZOOM_QUARTER);
}

/* The title column: titles wrap and their rows grow to fit; dragged
 * wider, the column is what the painter uses, long titles need fewer
 * lines, and the width is remembered. */
static void
test_title_width (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  JlnRecord *a11 = jln_test_find_action (fixture->document, "1.1");   /* a long title */
  JlnRecord *a15 = jln_test_find_action (fixture->document, "1.5");   /* a short one */
  JlnTimeline *timeline;
  JlnRenderStyle *style;
  double width, before, y, long_h, short_h, wide_h;
  guint row;

  jln_test_timeline_fixture_show_timeline (fixture);
  timeline = jln_timeline_view_get_timeline (fixture->view);
  style = jln_timeline_canvas_get_style (fixture->canvas);
  width = gtk_widget_get_width (GTK_WIDGET (fixture->canvas));
  before = jln_timeline_get_label_width (timeline, style, width);

  g_assert_true (jln_timeline_find_row (timeline, a11, &row));
  jln_timeline_get_row_extents (timeline, style, row, &y, &long_h);
  g_assert_true (jln_timeline_find_row (timeline, a15, &row));
  jln_timeline_get_row_extents (timeline, style, row, &y, &short_h);
  g_assert_cmpfloat (long_h, >, 2 * short_h);

  /* What dragging the column's edge does. */
  jln_timeline_canvas_set_title_width (fixture->canvas, before + 240);
  g_assert_cmpfloat (jln_timeline_get_label_width (timeline, style, width), ==, before + 240);
  g_assert_cmpfloat (g_settings_get_double (settings, "timeline-title-width"), ==, before + 240);
  g_assert_true (jln_timeline_find_row (timeline, a11, &row));
  jln_timeline_get_row_extents (timeline, style, row, &y, &wide_h);
  g_assert_cmpfloat (wide_h, <, long_h);

  /* A window opened later takes the width remembered. */
  g_settings_set_double (settings, "timeline-title-width", before + 120);
  g_assert_cmpfloat (jln_timeline_canvas_get_title_width (fixture->canvas), ==, before + 120);
  g_assert_cmpfloat (jln_timeline_get_label_width (timeline, style, width), ==, before + 120);
  g_settings_reset (settings, "timeline-title-width");
  g_assert_cmpfloat (jln_timeline_get_label_width (timeline, style, width), ==, before);
}

/* The picture for Export… and Print is the view's. */
static void
test_create_picture (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(JlnPicture) picture = NULL;
  g_autoptr(JlnRenderStyle) style = jln_render_style_new (JLN_RENDER_SCHEME_LIGHT, JLN_LANG_EN);
  g_autofree char *title = NULL;
  JlnTimeline *timeline;

  jln_test_timeline_fixture_show_timeline (fixture);
  jln_query_filter_set_text (jln_window_get_filter (fixture->window), "objective:3");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "timeline.zoom", "s", "year"));
  jln_test_timeline_fixture_wait_for_list (fixture);

  picture = jln_timeline_view_create_picture (fixture->view);
  g_assert_true (JLN_IS_TIMELINE (picture));
  timeline = JLN_TIMELINE (picture);
  g_assert_cmpuint (jln_timeline_get_n_actions (timeline), ==, count_shown_actions (fixture));
  g_assert_cmpuint (jln_timeline_get_n_actions (timeline), ==, 17);
  g_assert_cmpint (jln_timeline_get_zoom (timeline), ==, JLN_TIMELINE_ZOOM_YEAR);
  g_assert_null (jln_timeline_get_selected (timeline));
  /* In the plan's language, whatever the style's. */
  title = jln_picture_dup_title (picture, style);
  g_assert_true (g_str_has_suffix (title, jln_window_get_content_language (fixture->window) == JLN_LANG_FR
                                          ? "Chronologie" : "Timeline"));
}

/* What assistive technologies are told. */
static void
test_accessible (Fixture       *fixture,
                 gconstpointer  data)
{
  JlnRecord *a14 = jln_test_find_action (fixture->document, "1.4");

  jln_test_timeline_fixture_show_timeline (fixture);
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (fixture->canvas)), ==,
                   GTK_ACCESSIBLE_ROLE_IMG);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (fixture->canvas), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       _("Timeline"));
  jln_action_list_select (fixture->list, a14);
  jln_test_timeline_fixture_wait_for_list (fixture);
  g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (fixture->canvas),
                                                   GTK_ACCESSIBLE_PROPERTY_DESCRIPTION));
}

static void
save_screenshot (Fixture    *fixture,
                 const char *name,
                 const char *lang)
{
  g_autoptr(GdkTexture) texture = jln_test_render_widget (GTK_WIDGET (fixture->window));

  jln_test_save_screenshot (texture, name, lang);
}

/* The pixel rows of @data (ARGB32, @stride bytes a line) between @y0
 * and @y1 with text in them, across [@x0, @x1): a set of dark pixels. */
static GArray *
ink_rows (const guchar *data,
          int           stride,
          int           x0,
          int           x1,
          int           y0,
          int           y1)
{
  GArray *rows = g_array_new (FALSE, FALSE, sizeof (int));

  for (int y = y0; y < y1; y++)
    for (int x = x0; x < x1; x++)
      {
        guint32 pixel = *(const guint32 *) (data + y * stride + x * 4);
        int lum = (((pixel >> 16) & 0xff) * 3 + ((pixel >> 8) & 0xff) * 6 + (pixel & 0xff)) / 10;

        if (lum < 110)
          {
            g_array_append_val (rows, y);
            break;
          }
      }
  return rows;
}

/* The lines of text in @rows: runs of consecutive pixel rows. */
static guint
count_lines (GArray *rows)
{
  guint n = 0;

  for (guint i = 0; i < rows->len; i++)
    if (i == 0 || g_array_index (rows, int, i) != g_array_index (rows, int, i - 1) + 1)
      n++;
  return n;
}

/* The window as a screenshot shows it, against the timeline drawn by its
 * painter at the canvas's size and scroll: the titles' lines of every
 * row in view are on the same rows of pixels, each line inside its row.
 * Returns the most lines a row in view has. */
static guint
check_titles_on_screen (Fixture *fixture)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  GtkWidget *canvas = GTK_WIDGET (fixture->canvas);
  JlnTimeline *timeline = jln_timeline_view_get_timeline (fixture->view);
  JlnRenderStyle *style = jln_timeline_canvas_get_style (fixture->canvas);
  g_autoptr(GdkTexture) texture = jln_test_render_widget (window);
  int width = gtk_widget_get_width (canvas), height = gtk_widget_get_height (canvas);
  double scroll_x = gtk_adjustment_get_value (gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (canvas)));
  double scroll_y = gtk_adjustment_get_value (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (canvas)));
  double header = jln_timeline_get_header_height (timeline, style, width);
  double label_w = jln_timeline_get_label_width (timeline, style, width);
  double em = jln_render_style_get_em (style);
  cairo_surface_t *drawn = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (drawn);
  g_autofree guchar *shot = NULL;
  graphene_point_t origin;
  int shot_stride, x0, x1;
  guint most = 0, checked = 0;

  g_assert_nonnull (texture);
  /* A screenshot of the window is as large as the window. */
  g_assert_cmpint (gdk_texture_get_width (texture), ==, gtk_widget_get_width (window));
  g_assert_cmpint (gdk_texture_get_height (texture), ==, gtk_widget_get_height (window));
  shot_stride = gdk_texture_get_width (texture) * 4;
  shot = g_malloc (shot_stride * gdk_texture_get_height (texture));
  gdk_texture_download (texture, shot, shot_stride);
  g_assert_true (gtk_widget_compute_point (canvas, window, &GRAPHENE_POINT_INIT (0, 0), &origin));
  g_assert_cmpfloat (origin.x + width, <=, gtk_widget_get_width (window));
  g_assert_cmpfloat (origin.y + height, <=, gtk_widget_get_height (window));

  jln_timeline_draw_view (timeline, cr, style, scroll_x, scroll_y, width, height);
  cairo_destroy (cr);
  cairo_surface_flush (drawn);

  /* The titles, right of the overdue marks and the selection's edge. */
  x0 = (int) ceil (1.2 * em);
  x1 = (int) floor (label_w) - 2;
  for (guint row = 0; row < jln_timeline_get_n_rows (timeline); row++)
    {
      g_autoptr(GArray) painted = NULL;
      g_autoptr(GArray) shown = NULL;
      double y, h;
      int top, bottom;

      if (jln_timeline_get_row_kind (timeline, row) == JLN_TIMELINE_ROW_HEADING)
        continue;
      jln_timeline_get_row_extents (timeline, style, row, &y, &h);
      top = (int) ceil (header + y - scroll_y);
      bottom = (int) floor (header + y + h - scroll_y);
      if (top < header || bottom > height)
        continue;

      painted = ink_rows (cairo_image_surface_get_data (drawn), cairo_image_surface_get_stride (drawn),
                          x0, x1, top, bottom);
      shown = ink_rows (shot + (int) origin.y * shot_stride + (int) origin.x * 4, shot_stride,
                        x0, x1, top, bottom);
      g_assert_cmpuint (painted->len, >, 0);
      /* Inside its row: no text on the row's first and last lines. */
      g_assert_cmpint (g_array_index (painted, int, 0), >, top);
      g_assert_cmpint (g_array_index (painted, int, painted->len - 1), <, bottom - 1);
      /* On screen as painted: no line moved onto the one before. */
      g_assert_cmpuint (shown->len, ==, painted->len);
      for (guint i = 0; i < painted->len; i++)
        g_assert_cmpint (g_array_index (shown, int, i), ==, g_array_index (painted, int, i));
      most = MAX (most, count_lines (shown));
      checked++;
    }
  g_assert_cmpuint (checked, >, 3);
  cairo_surface_destroy (drawn);
  return most;
}

/* The titles in a screenshot of the timeline are as the painter drew
 * them: the lines of a long wrapped title, such as 1.1's, each where it
 * belongs, none over the one before, in both languages, at each zoom,
 * with the title column at its own width and dragged narrower or wider. */
static void
test_titles_on_screen (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  JlnRecord *a11 = jln_test_find_action (fixture->document, "1.1");
  static const char * const langs[] = { "en", "fr" };
  static const char * const zooms[] = { "quarter", "semester", "year" };
  static const double widths[] = { 0, -80, 200 };
  double own;

  jln_test_timeline_fixture_show_timeline (fixture);
  own = jln_timeline_get_label_width (jln_timeline_view_get_timeline (fixture->view),
                                      jln_timeline_canvas_get_style (fixture->canvas),
                                      gtk_widget_get_width (GTK_WIDGET (fixture->canvas)));
  for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
    for (guint z = 0; z < G_N_ELEMENTS (zooms); z++)
      for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
        {
          g_settings_set_string (settings, "content-language", langs[l]);
          g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "timeline.zoom", "s", zooms[z]));
          jln_timeline_canvas_set_title_width (fixture->canvas, widths[w] != 0 ? own + widths[w] : 0);
          jln_action_list_select (fixture->list, NULL);
          jln_action_list_select (fixture->list, a11);
          jln_test_timeline_fixture_wait_for_list (fixture);
          jln_test_wait_for_idle (GTK_WIDGET (fixture->window));
          g_assert_true (jln_timeline_canvas_get_selected (fixture->canvas) == a11);
          /* 1.1 is in view, on many lines. */
          g_assert_cmpuint (check_titles_on_screen (fixture), >=, 4);
        }
  jln_timeline_canvas_set_title_width (fixture->canvas, 0);
  g_settings_reset (settings, "timeline-title-width");
  g_settings_reset (settings, "content-language");
}

/* The content language and the desktop style changing one after the
 * other, as when the screenshots are taken: the timeline is laid out
 * again and drawn each time, never left without its size (which would
 * show an empty page and, in tests, stop on GTK's warning). */
static void
test_style_changes (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  AdwStyleManager *manager = adw_style_manager_get_default ();
  static const struct { const char *lang; AdwColorScheme scheme; } steps[] = {
    { "en", ADW_COLOR_SCHEME_DEFAULT },
    { "fr", ADW_COLOR_SCHEME_DEFAULT },
    { "fr", ADW_COLOR_SCHEME_FORCE_DARK },
    { "en", ADW_COLOR_SCHEME_FORCE_DARK },
    { "en", ADW_COLOR_SCHEME_DEFAULT },
  };

  jln_test_timeline_fixture_show_timeline (fixture);
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_autoptr(GdkTexture) texture = NULL;

      g_settings_set_string (settings, "content-language", steps[i].lang);
      adw_style_manager_set_color_scheme (manager, steps[i].scheme);
      jln_test_wait_for_idle (GTK_WIDGET (fixture->window));
      g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->canvas)), >, 0);
      g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (fixture->canvas)), >, 0);
      texture = jln_test_render_widget (GTK_WIDGET (fixture->window));
      g_assert_nonnull (texture);
    }
  g_settings_reset (settings, "content-language");
}

/* The timeline page in both languages, light and dark, to look at. */
static void
test_screenshots (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  AdwStyleManager *manager = adw_style_manager_get_default ();

  if (g_getenv ("JALONS_SCREENSHOT_DIR") == NULL)
    {
      g_test_skip ("set JALONS_SCREENSHOT_DIR to save screenshots");
      return;
    }

  jln_test_timeline_fixture_show_timeline (fixture);
  jln_action_list_select (fixture->list, jln_test_find_action (fixture->document, "2.8"));
  jln_test_timeline_fixture_wait_for_list (fixture);

  g_settings_set_string (settings, "content-language", "en");
  jln_test_wait_for_idle (GTK_WIDGET (fixture->window));
  save_screenshot (fixture, "timeline-light", "en");
  {
    GtkMenuButton *legend = GTK_MENU_BUTTON (jln_test_find_child_of_type (GTK_WIDGET (fixture->view),
                                                                         GTK_TYPE_MENU_BUTTON));
    g_autoptr(GdkTexture) texture = NULL;

    jln_test_popup (GTK_WIDGET (legend));
    jln_test_wait_for_idle (GTK_WIDGET (gtk_menu_button_get_popover (legend)));
    texture = jln_test_render_widget (GTK_WIDGET (gtk_menu_button_get_popover (legend)));
    jln_test_save_screenshot (texture, "timeline-legend", "en");
    gtk_menu_button_popdown (legend);
  }
  g_settings_set_string (settings, "content-language", "fr");
  jln_test_wait_for_idle (GTK_WIDGET (fixture->window));
  save_screenshot (fixture, "timeline-light", "fr");

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  jln_test_wait_for_idle (GTK_WIDGET (fixture->window));
  save_screenshot (fixture, "timeline-dark", "fr");
  g_settings_set_string (settings, "content-language", "en");
  jln_test_wait_for_idle (GTK_WIDGET (fixture->window));
  save_screenshot (fixture, "timeline-dark", "en");
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "timeline.zoom", "s", "year"));
  jln_query_filter_set_text (jln_window_get_filter (fixture->window), "egalite");
  jln_test_timeline_fixture_wait_for_list (fixture);
  jln_test_wait_for_idle (GTK_WIDGET (fixture->window));
  save_screenshot (fixture, "timeline-years-filtered", "en");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "timeline.zoom", "s", "quarter"));
  jln_query_filter_set_text (jln_window_get_filter (fixture->window), "");
  jln_test_timeline_fixture_wait_for_list (fixture);
  jln_test_wait_for_idle (GTK_WIDGET (fixture->window));
  save_screenshot (fixture, "timeline-quarters", "en");

  jln_query_filter_set_text (jln_window_get_filter (fixture->window), "xyzzy");
  jln_test_timeline_fixture_wait_for_list (fixture);
  jln_test_wait_for_idle (GTK_WIDGET (fixture->window));
  save_screenshot (fixture, "timeline-empty", "en");
  g_settings_reset (settings, "content-language");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *home = g_dir_make_tmp ("jalons-timeline-XXXXXX", NULL);
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
  g_test_add ("/gui/timeline-view/" path, Fixture, NULL, \
              jln_test_timeline_fixture_setup, func, jln_test_timeline_fixture_teardown)
  ADD ("filter", test_filter);
  ADD ("filter-while-hidden", test_filter_while_hidden);
  ADD ("selection", test_selection);
  ADD ("activate", test_activate);
  ADD ("plan-changes", test_plan_changes);
  ADD ("zoom", test_zoom);
  ADD ("title-width", test_title_width);
  ADD ("create-picture", test_create_picture);
  ADD ("accessible", test_accessible);
  ADD ("style-changes", test_style_changes);
  ADD ("titles-on-screen", test_titles_on_screen);
  ADD ("screenshots", test_screenshots);
#undef ADD

  status = g_test_run ();
  g_clear_object (&application);
  jln_test_remove_tree (home);
  return status;
}
