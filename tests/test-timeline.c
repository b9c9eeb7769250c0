/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The timeline painter on the bundled plan, with no display: what it
 * lays out, and where it draws, read back from an image. */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <cairo-pdf.h>
#include <json-glib/json-glib.h>
#include <pango/pangocairo.h>

#include "jln-action-item.h"
#include "jln-json.h"
#include "jln-record-text.h"
#include "jln-timeline.h"

#include "jln-test-utils.h"

#define VIEW_WIDTH  1600
#define VIEW_HEIGHT 1000

typedef struct
{
  JlnPlan        *plan;
  JlnTimeline    *timeline;
  JlnRenderStyle *style;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) today = g_date_time_new_utc (2022, 9, 15, 12, 0, 0);

  fixture->plan = jln_json_load_plan (JLN_TEST_BUNDLED_PLAN, &error);
  g_assert_no_error (error);
  fixture->timeline = jln_timeline_new (fixture->plan);
  /* Today is the plan's second semester of 2022: actions due before are
   * overdue, whatever day the test runs. */
  jln_timeline_set_today (fixture->timeline, today);
  fixture->style = jln_render_style_new (JLN_RENDER_SCHEME_LIGHT, GPOINTER_TO_INT (data));
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_assert_finalize_object (fixture->timeline);
  g_clear_pointer (&fixture->style, jln_render_style_unref);
  g_clear_object (&fixture->plan);
}

static JlnRecord *
find_action (JlnPlan    *plan,
             const char *number)
{
  GListModel *objectives = jln_plan_get_objectives (plan);

  for (guint i = 0; i < g_list_model_get_n_items (objectives); i++)
    {
      g_autoptr(JlnObjective) objective = g_list_model_get_item (objectives, i);
      JlnRecord *found = jln_test_find_record (jln_objective_get_actions (objective), "number", number);

      if (found != NULL)
        return found;
    }
  g_assert_not_reached ();
  return NULL;
}

static cairo_surface_t *
draw_view (Fixture *fixture)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, VIEW_WIDTH, VIEW_HEIGHT);
  cairo_t *cr = cairo_create (surface);

  jln_timeline_draw_view (fixture->timeline, cr, fixture->style, 0, 0, VIEW_WIDTH, VIEW_HEIGHT);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static guint32
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  g_assert_cmpint (x, >=, 0);
  g_assert_cmpint (y, >=, 0);
  g_assert_cmpint (x, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint (y, <, cairo_image_surface_get_height (surface));
  return *(const guint32 *) (data + y * stride + x * 4) & 0xffffff;
}

static gboolean
is_color (guint32         pixel,
          JlnRenderStyle *style,
          JlnRenderColor  color)
{
  const JlnRgba *rgba = jln_render_style_get_color (style, color);
  int r = (pixel >> 16) & 0xff, g = (pixel >> 8) & 0xff, b = pixel & 0xff;

  return ABS (r - (int) round (rgba->red * 255)) <= 6 &&
         ABS (g - (int) round (rgba->green * 255)) <= 6 &&
         ABS (b - (int) round (rgba->blue * 255)) <= 6;
}

/* Where the middle of @semester is, and of the row of @record, on screen. */
static void
locate (Fixture     *fixture,
        JlnRecord   *record,
        JlnSemester  semester,
        int         *x,
        int         *y,
        double      *row_top,
        double      *row_height)
{
  double header = jln_timeline_get_header_height (fixture->timeline, fixture->style, VIEW_WIDTH);
  double label = jln_timeline_get_label_width (fixture->timeline, fixture->style, VIEW_WIDTH);
  double x0 = jln_timeline_get_semester_x (fixture->timeline, fixture->style, VIEW_WIDTH, semester);
  double x1 = jln_timeline_get_semester_x (fixture->timeline, fixture->style, VIEW_WIDTH, semester + 1);
  double top, height;
  guint row;

  g_assert_true (jln_timeline_find_row (fixture->timeline, record, &row));
  jln_timeline_get_row_extents (fixture->timeline, fixture->style, row, &top, &height);
  *x = (int) (label + (x0 + x1) / 2);
  *y = (int) (header + top + height / 2);
  if (row_top != NULL)
    *row_top = header + top;
  if (row_height != NULL)
    *row_height = height;
}

/* Objectives, their actions, and the sub-items that have a date. */
static void
test_rows (Fixture       *fixture,
           gconstpointer  data)
{
  JlnTimeline *timeline = fixture->timeline;
  JlnSemester first, last;
  guint headings = 0, actions = 0, items = 0;

  for (guint i = 0; i < jln_timeline_get_n_rows (timeline); i++)
    switch (jln_timeline_get_row_kind (timeline, i))
      {
      case JLN_TIMELINE_ROW_HEADING:
        g_assert_true (JLN_IS_OBJECTIVE (jln_timeline_get_row_record (timeline, i)));
        headings++;
        break;
      case JLN_TIMELINE_ROW_ACTION:
        actions++;
        break;
      case JLN_TIMELINE_ROW_ITEM:
        {
          JlnActionItem *item = JLN_ACTION_ITEM (jln_timeline_get_row_record (timeline, i));

          g_assert_true (jln_action_item_get_due (item) != JLN_SEMESTER_NONE ||
                         jln_completion_is_set (jln_action_item_get_completion (item)));
          items++;
        }
        break;
      default:
        g_assert_not_reached ();
      }
  g_assert_cmpuint (headings, ==, 13);
  g_assert_cmpuint (actions, ==, 112);
  g_assert_cmpuint (jln_timeline_get_n_actions (timeline), ==, 112);
  g_assert_cmpuint (items, >, 0);
  g_assert_cmpuint (items, <, 32);
  g_assert_cmpint (jln_timeline_get_row_kind (timeline, 0), ==, JLN_TIMELINE_ROW_HEADING);

  /* 1.8 a and b have dates; 1.2 a to d have none. */
  {
    g_autoptr(JlnRecord) dated = g_list_model_get_item (jln_action_get_items (JLN_ACTION (find_action (fixture->plan, "1.8"))), 0);
    g_autoptr(JlnRecord) undated = g_list_model_get_item (jln_action_get_items (JLN_ACTION (find_action (fixture->plan, "1.2"))), 0);

    g_assert_true (jln_timeline_find_row (timeline, dated, NULL));
    g_assert_false (jln_timeline_find_row (timeline, undated, NULL));
  }

  /* From the plan's start to its end. */
  jln_timeline_get_range (timeline, &first, &last);
  g_assert_cmpuint (first, ==, jln_semester_new (2021, 1));
  g_assert_cmpuint (last, ==, jln_semester_new (2024, 2));
  jln_timeline_set_start (timeline, JLN_TIMELINE_START_EARLIEST);
  jln_timeline_get_range (timeline, &first, &last);
  g_assert_cmpuint (first, ==, jln_semester_new (2017, 1));
  jln_timeline_set_start (timeline, JLN_TIMELINE_START_CURRENT);
  jln_timeline_get_range (timeline, &first, &last);
  g_assert_cmpuint (first, ==, jln_semester_new (2022, 2));
}

/* A filtered timeline shows the actions the query matches, under their
 * objectives, and no objective without one. */
static void
test_filtered_rows (Fixture       *fixture,
                    gconstpointer  data)
{
  JlnTimeline *timeline = fixture->timeline;
  g_autoptr(GError) error = NULL;
  g_autoptr(JlnQuery) query = jln_query_parse ("unit:RH status:in-progress", &error);
  guint n = 0, expected = 0;
  GListModel *objectives = jln_plan_get_objectives (fixture->plan);

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (objectives); i++)
    {
      g_autoptr(JlnObjective) objective = g_list_model_get_item (objectives, i);
      GListModel *actions = jln_objective_get_actions (objective);

      for (guint j = 0; j < g_list_model_get_n_items (actions); j++)
        {
          g_autoptr(JlnAction) action = g_list_model_get_item (actions, j);

          expected += jln_query_match (query, action, jln_semester_new (2022, 2));
        }
    }
  g_assert_cmpuint (expected, >, 0);
  g_assert_cmpuint (expected, <, 112);

  jln_timeline_set_query (timeline, query);
  g_assert_cmpuint (jln_timeline_get_n_actions (timeline), ==, expected);
  for (guint i = 0; i < jln_timeline_get_n_rows (timeline); i++)
    {
      JlnRecord *record = jln_timeline_get_row_record (timeline, i);

      if (JLN_IS_ACTION (record))
        {
          g_assert_true (jln_query_match (query, JLN_ACTION (record), jln_semester_new (2022, 2)));
          n++;
        }
      else if (JLN_IS_OBJECTIVE (record))
        {
          g_assert_cmpuint (i + 1, <, jln_timeline_get_n_rows (timeline));
          g_assert_cmpint (jln_timeline_get_row_kind (timeline, i + 1), ==, JLN_TIMELINE_ROW_ACTION);
        }
    }
  g_assert_cmpuint (n, ==, expected);

  /* One objective, as a presentation shows it. */
  {
    JlnRecord *objective = jln_record_get_parent (find_action (fixture->plan, "3.5"));

    jln_timeline_set_query (timeline, NULL);
    jln_timeline_set_objective (timeline, JLN_OBJECTIVE (objective));
    g_assert_cmpuint (jln_timeline_get_n_actions (timeline), ==, 17);
    g_assert_true (jln_timeline_get_row_record (timeline, 0) == objective);
  }
}

/* An in-progress action's bar covers its semesters, from the plan's start
 * to its due semester, and no others. */
static void
test_bar_pixels (Fixture       *fixture,
                 gconstpointer  data)
{
  cairo_surface_t *surface;
  JlnRecord *a14 = find_action (fixture->plan, "1.4");     /* in progress, due 2022-S2 */
  JlnRecord *a29 = find_action (fixture->plan, "2.9");     /* done in 2021 */
  int x, y;

  surface = draw_view (fixture);
  for (guint half = 0; half < 4; half++)
    {
      locate (fixture, a14, jln_semester_new (2021, 1) + half, &x, &y, NULL, NULL);
      g_assert_true (is_color (pixel_at (surface, x, y), fixture->style, JLN_RENDER_COLOR_ACCENT));
    }
  for (JlnSemester s = jln_semester_new (2023, 1); s <= jln_semester_new (2024, 2); s++)
    {
      locate (fixture, a14, s, &x, &y, NULL, NULL);
      g_assert_false (is_color (pixel_at (surface, x, y), fixture->style, JLN_RENDER_COLOR_ACCENT));
    }

  /* Done in 2021: both its semesters, in the done colour. */
  locate (fixture, a29, jln_semester_new (2021, 1), &x, &y, NULL, NULL);
  g_assert_true (is_color (pixel_at (surface, x, y), fixture->style, JLN_RENDER_COLOR_DONE));
  locate (fixture, a29, jln_semester_new (2022, 1), &x, &y, NULL, NULL);
  g_assert_false (is_color (pixel_at (surface, x, y), fixture->style, JLN_RENDER_COLOR_DONE));

  /* Hit-testing finds the bar where it is drawn. */
  {
    double label = jln_timeline_get_label_width (fixture->timeline, fixture->style, VIEW_WIDTH);
    double header = jln_timeline_get_header_height (fixture->timeline, fixture->style, VIEW_WIDTH);

    locate (fixture, a14, jln_semester_new (2021, 2), &x, &y, NULL, NULL);
    g_assert_true (jln_timeline_bar_at (fixture->timeline, fixture->style, VIEW_WIDTH,
                                        x - label, y - header) == a14);
    locate (fixture, a14, jln_semester_new (2024, 1), &x, &y, NULL, NULL);
    g_assert_null (jln_timeline_bar_at (fixture->timeline, fixture->style, VIEW_WIDTH,
                                        x - label, y - header));
  }
  cairo_surface_destroy (surface);
}

static guint
count_color (cairo_surface_t *surface,
             JlnRenderStyle  *style,
             JlnRenderColor   color,
             int              x0,
             int              x1,
             int              y0,
             int              y1)
{
  guint n = 0;

  for (int y = y0; y < y1; y++)
    for (int x = x0; x < x1; x++)
      n += is_color (pixel_at (surface, x, y), style, color);
  return n;
}

/* An overdue bar stands out: the overdue colour round it, a mark at its
 * end and its overrun up to today; a bar on time has none of it. */
static void
test_overdue (Fixture       *fixture,
              gconstpointer  data)
{
  cairo_surface_t *surface;
  JlnRecord *late = find_action (fixture->plan, "1.10");    /* in progress, due 2022-S1 */
  JlnRecord *on_time = find_action (fixture->plan, "1.4");  /* due 2022-S2 */
  double top, height;
  int x, y, x_due_end, y_unused;

  surface = draw_view (fixture);

  locate (fixture, late, jln_semester_new (2021, 2), &x, &y, &top, &height);
  g_assert_true (is_color (pixel_at (surface, x, y), fixture->style, JLN_RENDER_COLOR_ACCENT));
  g_assert_cmpuint (count_color (surface, fixture->style, JLN_RENDER_COLOR_OVERDUE,
                                 x, x + 1, (int) top, (int) (top + height)), >=, 2);
  /* Overrun, in the semester after the due one, before today. */
  locate (fixture, late, jln_semester_new (2022, 2), &x_due_end, &y_unused, NULL, NULL);
  {
    double s_start = jln_timeline_get_label_width (fixture->timeline, fixture->style, VIEW_WIDTH) +
                     jln_timeline_get_semester_x (fixture->timeline, fixture->style, VIEW_WIDTH,
                                                  jln_semester_new (2022, 2));

    g_assert_cmpuint (count_color (surface, fixture->style, JLN_RENDER_COLOR_OVERDUE,
                                   (int) s_start + 12, (int) s_start + 30, (int) top, (int) (top + height)),
                      >, 0);
  }

  locate (fixture, on_time, jln_semester_new (2021, 2), &x, &y, &top, &height);
  g_assert_cmpuint (count_color (surface, fixture->style, JLN_RENDER_COLOR_OVERDUE,
                                 x - 20, x + 20, (int) top, (int) (top + height)), ==, 0);
  g_assert_cmpuint (jln_timeline_get_n_overdue (fixture->timeline), >, 0);
  cairo_surface_destroy (surface);
}

/* The semesters are named in the timeline's language, as long as the
 * columns let them. */
static void
test_headers (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(JlnRenderStyle) fr = jln_render_style_new (JLN_RENDER_SCHEME_LIGHT, JLN_LANG_FR);
  g_autoptr(JlnRenderStyle) en = jln_render_style_new (JLN_RENDER_SCHEME_LIGHT, JLN_LANG_EN);
  JlnSemester s = jln_semester_new (2022, 1);
  g_autofree char *long_fr = jln_timeline_dup_semester_label (fixture->timeline, fr, VIEW_WIDTH, s);
  g_autofree char *long_en = jln_timeline_dup_semester_label (fixture->timeline, en, VIEW_WIDTH, s);
  g_autofree char *title_fr = jln_picture_dup_title (JLN_PICTURE (fixture->timeline), fr);
  g_autofree char *title_en = jln_picture_dup_title (JLN_PICTURE (fixture->timeline), en);
  g_autofree char *narrow = NULL;
  g_autofree char *forced = NULL;

  g_assert_cmpstr (long_fr, ==, "1er sem. 2022");
  g_assert_cmpstr (long_en, ==, "1st sem. 2022");
  jln_timeline_set_zoom (fixture->timeline, JLN_TIMELINE_ZOOM_YEAR);
  narrow = jln_timeline_dup_semester_label (fixture->timeline, en, 620, s);
  g_assert_cmpstr (narrow, ==, "S1 2022");

  /* Zoomed to quarters, the quarters are named. */
  jln_timeline_set_zoom (fixture->timeline, JLN_TIMELINE_ZOOM_QUARTER);
  {
    JlnSemester s2 = jln_semester_new (2022, 2);
    g_autofree char *q3_en = jln_timeline_dup_quarter_label (fixture->timeline, en, VIEW_WIDTH, s2, 0);
    g_autofree char *q4_en = jln_timeline_dup_quarter_label (fixture->timeline, en, VIEW_WIDTH, s2, 1);
    g_autofree char *q3_fr = jln_timeline_dup_quarter_label (fixture->timeline, fr, VIEW_WIDTH, s2, 0);

    g_assert_cmpstr (q3_en, ==, "Q3 2022");
    g_assert_cmpstr (q4_en, ==, "Q4 2022");
    g_assert_cmpstr (q3_fr, ==, "T3 2022");
  }

  g_assert_true (g_str_has_prefix (title_fr, "La HRS4R à l’Inserm"));
  g_assert_true (g_str_has_suffix (title_fr, " — Chronologie"));
  g_assert_true (g_str_has_suffix (title_en, " — Timeline"));

  /* The timeline's own language wins over the style's. */
  jln_timeline_set_zoom (fixture->timeline, JLN_TIMELINE_ZOOM_SEMESTER);
  jln_timeline_set_language (fixture->timeline, JLN_LANG_FR);
  forced = jln_timeline_dup_semester_label (fixture->timeline, en, VIEW_WIDTH, s);
  g_assert_cmpstr (forced, ==, "1er sem. 2022");
}

static void
test_tooltip (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *late = jln_timeline_dup_tooltip (fixture->timeline, find_action (fixture->plan, "1.10"),
                                                    JLN_LANG_EN);
  g_autofree char *superseded = jln_timeline_dup_tooltip (fixture->timeline, find_action (fixture->plan, "4.5"),
                                                          JLN_LANG_FR);

  g_assert_true (g_str_has_prefix (late, "1.10 Introduce a new recruitment route"));
  g_assert_nonnull (strstr (late, "Overdue"));
  g_assert_nonnull (strstr (late, "Due: 1st sem. 2022"));
  g_assert_nonnull (strstr (late, "Units: "));
  g_assert_nonnull (strstr (superseded, "cf. 4.9-4.10"));
}

/* A sub-item labelled with a right-to-left override: drawn as a tooltip
 * shows it, the title after the label still reads left to right. */
static void
test_tooltip_bidi (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(JlnRecord) item = jln_record_new (JLN_KIND_ITEM, "label", "\u202Ea",
                                              "title-en", "for CRCN", NULL);
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  PangoLayout *layout = pango_layout_new (context);
  g_autofree char *tooltip = NULL;
  const char *text, *title;
  int previous = G_MININT;

  tooltip = jln_timeline_dup_tooltip (fixture->timeline, item, JLN_LANG_EN);
  *strchr (tooltip, '\n') = '\0';
  g_assert_nonnull (strstr (tooltip, "\u202Ea"));
  pango_layout_set_text (layout, tooltip, -1);
  text = pango_layout_get_text (layout);
  title = strstr (text, "for CRCN");
  g_assert_nonnull (title);
  for (gsize i = 0; i < strlen ("for CRCN"); i++)
    {
      PangoRectangle pos;

      pango_layout_index_to_pos (layout, (int) (title - text + i), &pos);
      g_assert_cmpint (pos.width, >, 0);
      g_assert_cmpint (pos.x, >, previous);
      previous = pos.x;
    }
  g_object_unref (layout);
  g_object_unref (context);
}

/* Pages: the rows go down the pages; fewer actions, fewer pages. */
static void
test_pages (Fixture       *fixture,
            gconstpointer  data)
{
  JlnPicture *picture = JLN_PICTURE (fixture->timeline);
  g_autoptr(GError) error = NULL;
  g_autoptr(JlnQuery) query = jln_query_parse ("objective:4", &error);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 842, 595);
  cairo_t *cr = cairo_create (surface);
  guint all, filtered;
  double width, height;

  jln_render_style_set_font_size (fixture->style, 9);
  all = jln_picture_paginate (picture, fixture->style, 785, 515);
  g_assert_cmpuint (all, >, 3);
  for (guint page = 0; page < all; page++)
    jln_picture_draw_page (picture, cr, fixture->style, page, 785, 515);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);

  jln_timeline_set_query (fixture->timeline, query);
  filtered = jln_picture_paginate (picture, fixture->style, 785, 515);
  g_assert_cmpuint (filtered, >=, 1);
  g_assert_cmpuint (filtered, <, all);

  jln_picture_get_size (picture, fixture->style, &width, &height);
  g_assert_cmpfloat (width, >, 0);
  g_assert_cmpfloat (height, >, 0);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* Adds the words of @text to @words: casefolded, split at what is not a
 * letter or a digit, compound words whole (a line may break at their
 * hyphen), without the marks that isolate plan text. */
static void
add_words (GHashTable *words,
           const char *text)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);
  GString *word = g_string_new (NULL);

  for (const char *p = folded; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '-' || c == 0x2010 || c == 0xad || (c >= 0x2066 && c <= 0x2069))
        continue;
      if (c != 0 && g_unichar_isalnum (c))
        {
          g_string_append_unichar (word, c);
          continue;
        }
      if (word->len > 0)
        g_hash_table_add (words, g_strdup (word->str));
      g_string_truncate (word, 0);
      if (c == 0)
        break;
    }
  g_string_free (word, TRUE);
}

static char *
unescape (const char *text)
{
  GString *out = g_string_new (NULL);
  static const struct { const char *entity, *text; } entities[] = {
    { "&amp;", "&" }, { "&lt;", "<" }, { "&gt;", ">" }, { "&quot;", "\"" }, { "&apos;", "'" },
  };

  while (*text != '\0')
    {
      gboolean done = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (entities) && !done; i++)
        if (g_str_has_prefix (text, entities[i].entity))
          {
            g_string_append (out, entities[i].text);
            text += strlen (entities[i].entity);
            done = TRUE;
          }
      if (!done)
        g_string_append_c (out, *text++);
    }
  return g_string_free (out, FALSE);
}

/* The words drawn in the PDF at @path, as pdftotext reads them: words
 * under an ellipsis are not words a reader sees; a word broken at a
 * hyphen at the end of a line is whole again. */
static GHashTable *
pdf_words (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  const char *argv[] = { "pdftotext", "-bbox", path, "-", NULL };
  g_autoptr(GRegex) regex = g_regex_new ("<word [^>]*>(.*?)</word>", G_REGEX_DOTALL, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  GHashTable *words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *previous = NULL;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL,
                               G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
  g_regex_match (regex, out, 0, &match);
  for (; g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      g_autofree char *raw = g_match_info_fetch (match, 1);
      g_autofree char *word = unescape (raw);

      if (strstr (word, "\u2026") != NULL)
        {
          g_clear_pointer (&previous, g_free);
          continue;
        }
      add_words (words, word);
      if (previous != NULL)
        {
          g_autofree char *joined = g_strconcat (previous, word, NULL);

          add_words (words, joined);
          g_clear_pointer (&previous, g_free);
        }
      if (g_str_has_suffix (word, "-") || g_str_has_suffix (word, "\u2010") ||
          g_str_has_suffix (word, "\u00ad"))
        previous = g_strdup (word);
    }
  return words;
}

/* Slides as the presentation shows them on a laptop, an old screen and
 * a projector: the whole period of the plan on every slide (one long
 * title does not widen the titles so much that the semesters go on over
 * a second column of slides), slides of several rows, and every word of
 * every title drawn, in both languages. */
static void
test_slides (Fixture       *fixture,
             gconstpointer  data)
{
  static const struct { int width, height; double rows; } screens[] = {
    { 1024, 768, 3.5 }, { 1280, 800, 5.0 }, { 1920, 1080, 6.0 },
  };
  JlnPicture *picture = JLN_PICTURE (fixture->timeline);
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *dir = NULL;

  if (pdftotext == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }
  dir = g_dir_make_tmp ("jalons-slides-XXXXXX", NULL);
  jln_timeline_set_all_items (fixture->timeline, TRUE);
  for (JlnLang lang = JLN_LANG_FR; lang <= JLN_LANG_EN; lang++)
    for (guint i = 0; i < G_N_ELEMENTS (screens); i++)
      {
        /* A slide as the presentation window gives it: type a fortieth
         * of the screen's height, the strips of its keys and counter
         * above and a margin round it. */
        double em = CLAMP (screens[i].height / 40.0, 16, 30);
        double width = screens[i].width - 2 * em, height = screens[i].height - 3.5 * em;
        g_autoptr(JlnRenderStyle) style = jln_render_style_new (JLN_RENDER_SCHEME_CONTRAST, lang);
        g_autofree char *path = g_build_filename (dir, "slides.pdf", NULL);
        g_autoptr(GHashTable) drawn = NULL;
        g_autoptr(GHashTable) titles = NULL;
        JlnSemester first, last;
        cairo_surface_t *surface;
        cairo_t *cr;
        guint n, rows = 0;
        GHashTableIter iter;
        const char *word;

        titles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
        jln_render_style_set_font_size (style, em);
        jln_timeline_set_language (fixture->timeline, lang);
        jln_timeline_get_range (fixture->timeline, &first, &last);
        n = jln_picture_paginate (picture, style, width, height);
        surface = cairo_pdf_surface_create (path, width, height);
        cr = cairo_create (surface);
        for (guint page = 0; page < n; page++)
          {
            JlnSemester page_first, page_last;
            guint first_row, end_row;

            jln_timeline_get_page_range (fixture->timeline, style, page, width, height,
                                         &first_row, &end_row, &page_first, &page_last);
            g_assert_cmpint (page_first, ==, first);
            g_assert_cmpint (page_last, ==, last);
            g_assert_cmpuint (end_row, >, first_row);
            rows += end_row - first_row;
            jln_picture_draw_page (picture, cr, style, page, width, height);
            cairo_show_page (cr);
          }
        g_assert_cmpuint (rows, ==, jln_timeline_get_n_rows (fixture->timeline));
        if ((double) rows / n < screens[i].rows)
          g_error ("%d × %d, %s: %u slides of %.1f rows on average, fewer than %.1f",
                   screens[i].width, screens[i].height, lang == JLN_LANG_FR ? "fr" : "en",
                   n, (double) rows / n, screens[i].rows);
        cairo_destroy (cr);
        cairo_surface_finish (surface);
        g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
        cairo_surface_destroy (surface);

        for (guint row = 0; row < jln_timeline_get_n_rows (fixture->timeline); row++)
          {
            JlnRecord *record = jln_timeline_get_row_record (fixture->timeline, row);
            const char *title = jln_record_get_title_text (record, lang, NULL);

            if (title != NULL)
              add_words (titles, title);
          }
        drawn = pdf_words (path);
        g_hash_table_iter_init (&iter, titles);
        while (g_hash_table_iter_next (&iter, (gpointer *) &word, NULL))
          if (!g_hash_table_contains (drawn, word))
            g_error ("%d × %d, %s: “%s” is in a title but on no slide",
                     screens[i].width, screens[i].height, lang == JLN_LANG_FR ? "fr" : "en", word);
        g_unlink (path);
      }
  g_rmdir (dir);
}

/* One title twice as long as 1.1's, the longest of the plan: on a laptop
 * and a projector it takes more lines, with the titles at most as wide
 * as leaves the semesters their room, rather than widening the titles of
 * every slide so much that the period goes on over a second column of
 * slides. */
static void
test_slides_long_title (void)
{
  static const int screens[][2] = { { 1280, 800 }, { 1920, 1080 } };
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *dir = g_dir_make_tmp ("jalons-slides-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "long.json", NULL);
  g_autoptr(JlnPlan) plan = NULL;
  g_autoptr(JlnTimeline) timeline = NULL;
  /* Late in the plan, its period and the years since: twelve semesters. */
  g_autoptr(GDateTime) today = g_date_time_new_utc (2026, 11, 15, 12, 0, 0);
  JsonArray *objectives, *actions;
  JsonObject *title;
  g_autofree char *twice = NULL;

  json_parser_load_from_file (parser, JLN_TEST_BUNDLED_PLAN, &error);
  g_assert_no_error (error);
  objectives = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                            "objectives");
  actions = json_object_get_array_member (json_array_get_object_element (objectives, 0), "actions");
  title = json_object_get_object_member (json_array_get_object_element (actions, 0), "title");
  twice = g_strdup_printf ("%s %s", json_object_get_string_member (title, "en"),
                           json_object_get_string_member (title, "en"));
  json_object_set_string_member (title, "en", twice);
  json_generator_set_root (generator, json_parser_get_root (parser));
  json_generator_to_file (generator, path, &error);
  g_assert_no_error (error);
  plan = jln_json_load_plan (path, &error);
  g_assert_no_error (error);
  timeline = jln_timeline_new (plan);
  jln_timeline_set_today (timeline, today);
  jln_timeline_set_all_items (timeline, TRUE);

  for (guint i = 0; i < G_N_ELEMENTS (screens); i++)
    {
      double em = CLAMP (screens[i][1] / 40.0, 16, 30);
      double width = screens[i][0] - 2 * em, height = screens[i][1] - 3.5 * em;
      g_autoptr(JlnRenderStyle) style = NULL;
      JlnSemester first, last, page_first, page_last;
      guint n;

      style = jln_render_style_new (JLN_RENDER_SCHEME_CONTRAST, JLN_LANG_EN);
      jln_render_style_set_font_size (style, em);
      jln_timeline_get_range (timeline, &first, &last);
      n = jln_picture_paginate (JLN_PICTURE (timeline), style, width, height);
      for (guint page = 0; page < n; page++)
        {
          jln_timeline_get_page_range (timeline, style, page, width, height,
                                       NULL, NULL, &page_first, &page_last);
          g_assert_cmpint (page_first, ==, first);
          g_assert_cmpint (page_last, ==, last);
        }
    }
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  /* French words come from the catalogue of the build tree. */
  bindtextdomain (GETTEXT_PACKAGE, BUILD_LOCALEDIR);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/render/timeline/" path, Fixture, GINT_TO_POINTER (JLN_LANG_EN), \
              fixture_setup, func, fixture_teardown)
  ADD ("rows", test_rows);
  ADD ("filtered-rows", test_filtered_rows);
  ADD ("bar-pixels", test_bar_pixels);
  ADD ("overdue", test_overdue);
  ADD ("headers", test_headers);
  ADD ("tooltip", test_tooltip);
  ADD ("tooltip-bidi", test_tooltip_bidi);
  ADD ("pages", test_pages);
  ADD ("slides", test_slides);
#undef ADD
  g_test_add_func ("/render/timeline/slides-long-title", test_slides_long_title);

  return g_test_run ();
}
