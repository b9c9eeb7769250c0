/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>

#include "jln-action.h"
#include "jln-charts.h"
#include "jln-export.h"
#include "jln-indicator-report.h"
#include "jln-measurement.h"
#include "jln-objective.h"

#include "jln-test-utils.h"

/* The bundled plan with measurements entered as a user would: indicator 1
 * (targets 10 % in 2021, 30 % in 2022, 60 % in 2023) measured at 8 % at
 * the end of 2021 and 45 % at the end of 2022; indicator 2 measured for
 * each of its two populations. */

#define WIDTH 900.0
#define HEIGHT 420.0

typedef struct
{
  char        *dir;
  char        *path;
  JlnDocument *document;
  JlnPlan     *plan;
} Fixture;

static JlnIndicator *
find_indicator (JlnPlan    *plan,
                const char *number)
{
  JlnRecord *record = jln_test_find_record (jln_plan_get_indicators (plan), "number", number);

  g_assert_nonnull (record);
  return JLN_INDICATOR (record);
}

static void
add_measurement (JlnDocument *document,
                 const char  *number,
                 const char  *date,
                 const char  *value,
                 const char  *series_en,
                 const char  *series_fr)
{
  JlnIndicator *indicator = find_indicator (jln_document_get_plan (document), number);
  g_autoptr(JlnRecord) measurement = NULL;

  if (series_en != NULL)
    measurement = jln_record_new (JLN_KIND_MEASUREMENT, "date", date, "value", value,
                                  "series-en", series_en, "series-fr", series_fr,
                                  "source-en", "HR survey", NULL);
  else
    measurement = jln_record_new (JLN_KIND_MEASUREMENT, "date", date, "value", value, NULL);
  jln_test_apply (document,
                  jln_edit_new_insert (JLN_RECORD (indicator), measurement,
                                       g_list_model_get_n_items (jln_indicator_get_measurements (indicator))));
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  fixture->document = jln_test_import_plan (JLN_TEST_BUNDLED_PLAN, "jalons-charts-XXXXXX",
                                            &fixture->dir, &fixture->path);
  fixture->plan = jln_document_get_plan (fixture->document);
  add_measurement (fixture->document, "1", "2021-12-15", "8", NULL, NULL);
  add_measurement (fixture->document, "1", "2022-12-31", "45", NULL, NULL);
  add_measurement (fixture->document, "2", "2022-06-30", "100", "Directorate General",
                   "Direction générale");
  add_measurement (fixture->document, "2", "2022-12-31", "25", "Unit directors",
                   "Directeurs d'unité");
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_object (&fixture->document);
  jln_test_clear_plan_dir (&fixture->dir, &fixture->path);
}

static JlnChart *
indicator_chart (Fixture    *fixture,
                 const char *number)
{
  return jln_chart_new_indicator (fixture->plan, find_indicator (fixture->plan, number));
}

static cairo_surface_t *
draw_chart (JlnChart             *chart,
            const JlnRenderStyle *style)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);

  jln_render_style_set_source (style, cr, JLN_RENDER_COLOR_BACKGROUND);
  cairo_paint (cr);
  jln_chart_draw (chart, cr, style, WIDTH, HEIGHT);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* How many pixels of @area are close to @color. */
static guint
count_color (cairo_surface_t         *surface,
             const cairo_rectangle_t *area,
             const JlnRgba           *color)
{
  guchar *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint count = 0;

  for (int y = MAX (0, (int) area->y); y < MIN (HEIGHT, area->y + area->height); y++)
    for (int x = MAX (0, (int) area->x); x < MIN (WIDTH, area->x + area->width); x++)
      {
        guint32 pixel = *(guint32 *) (data + y * stride + x * 4);
        int r = (pixel >> 16) & 0xff, g = (pixel >> 8) & 0xff, b = pixel & 0xff;

        if (abs (r - (int) (color->red * 255)) < 12 && abs (g - (int) (color->green * 255)) < 12 &&
            abs (b - (int) (color->blue * 255)) < 12)
          count++;
      }
  return count;
}

/* The item whose text starts with @prefix. */
static guint
find_item (JlnChart             *chart,
           const JlnRenderStyle *style,
           const char           *prefix)
{
  for (guint i = 0; i < jln_chart_get_n_items (chart); i++)
    {
      g_autofree char *text = jln_chart_dup_item_text (chart, style, i);

      if (g_str_has_prefix (text, prefix))
        return i;
    }
  g_error ("no item starts with “%s”", prefix);
}

static void
test_met_and_behind (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(JlnChart) chart = indicator_chart (fixture, "1");
  g_autoptr(JlnRenderStyle) style = jln_render_style_new (JLN_RENDER_SCHEME_LIGHT, JLN_LANG_EN);
  cairo_surface_t *surface = draw_chart (chart, style);
  const JlnRgba *met = jln_render_style_get_color (style, JLN_RENDER_COLOR_MET);
  const JlnRgba *behind = jln_render_style_get_color (style, JLN_RENDER_COLOR_BEHIND);
  guint met_item = find_item (chart, style, "Target 2022: 30%");
  guint behind_item = find_item (chart, style, "Target 2021: 10%");
  guint unmeasured_item = find_item (chart, style, "Target 2023: 60%");
  g_autofree char *met_text = jln_chart_dup_item_text (chart, style, met_item);
  g_autofree char *behind_text = jln_chart_dup_item_text (chart, style, behind_item);
  g_autofree char *unmeasured_text = jln_chart_dup_item_text (chart, style, unmeasured_item);
  g_autofree char *description = jln_chart_dup_description (chart, style);
  cairo_rectangle_t area;

  g_assert_cmpstr (met_text, ==, "Target 2022: 30%; measured 45% on 31 Dec 2022: met");
  g_assert_cmpstr (behind_text, ==, "Target 2021: 10%; measured 8% on 15 Dec 2021: behind");
  g_assert_cmpstr (unmeasured_text, ==, "Target 2023: 60%; no measurement in 2023");
  g_assert_nonnull (strstr (description, "Target 2022: 30%; measured 45% on 31 Dec 2022: met"));
  g_assert_nonnull (strstr (description, "Measured on 31 Dec 2022: 45%"));

  /* The 2022 target is drawn with the filled green badge, the 2021 one
   * with the red outline, the 2023 one with neither. */
  g_assert_true (jln_chart_get_item_area (chart, style, WIDTH, HEIGHT, met_item, &area));
  g_assert_cmpuint (count_color (surface, &area, met), >, 60);
  g_assert_cmpuint (count_color (surface, &area, behind), ==, 0);
  g_assert_true (jln_chart_get_item_area (chart, style, WIDTH, HEIGHT, behind_item, &area));
  g_assert_cmpuint (count_color (surface, &area, behind), >, 20);
  g_assert_cmpuint (count_color (surface, &area, met), ==, 0);
  g_assert_true (jln_chart_get_item_area (chart, style, WIDTH, HEIGHT, unmeasured_item, &area));
  g_assert_cmpuint (count_color (surface, &area, met), ==, 0);
  g_assert_cmpuint (count_color (surface, &area, behind), ==, 0);

  if (g_getenv ("JALONS_SCREENSHOT_DIR") != NULL)
    {
      g_autofree char *path = g_build_filename (g_getenv ("JALONS_SCREENSHOT_DIR"),
                                                "chart-indicator-1.png", NULL);

      cairo_surface_write_to_png (surface, path);
    }
  cairo_surface_destroy (surface);
}

/* Populations are compared with their own targets. */
static void
test_series (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(JlnChart) chart = indicator_chart (fixture, "2");
  g_autoptr(JlnRenderStyle) style = jln_render_style_new (JLN_RENDER_SCHEME_LIGHT, JLN_LANG_EN);
  g_autofree char *general = NULL;
  g_autofree char *directors = NULL;

  general = jln_chart_dup_item_text (chart, style,
                                     find_item (chart, style, "Target 2022, Directorate General"));
  directors = jln_chart_dup_item_text (chart, style,
                                       find_item (chart, style, "Target 2022, Unit directors"));
  g_assert_cmpstr (general, ==,
                   "Target 2022, Directorate General: 100%; measured 100% on 30 Jun 2022: met");
  g_assert_cmpstr (directors, ==,
                   "Target 2022, Unit directors: 30%; measured 25% on 31 Dec 2022: behind");
}

static void
test_axis_years (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(JlnChart) chart = indicator_chart (fixture, "1");
  g_autoptr(JlnRenderStyle) style = jln_render_style_new (JLN_RENDER_SCHEME_LIGHT, JLN_LANG_EN);
  const char *years[] = { "2021", "2022", "2023", "2024" };
  double previous = -1;

  /* The plan runs from 2021 to 2024: one label per year, left to right. */
  g_assert_cmpuint (jln_chart_get_n_axis_labels (chart, style, WIDTH, HEIGHT), ==, 4);
  for (guint i = 0; i < G_N_ELEMENTS (years); i++)
    {
      double x;
      const char *label = jln_chart_get_axis_label (chart, i, &x);

      g_assert_cmpstr (label, ==, years[i]);
      g_assert_cmpfloat (x, >, previous);
      g_assert_cmpfloat (x, <, WIDTH);
      previous = x;

      /* Each year's target lies above its label. */
      if (i < 3)
        {
          g_autofree char *prefix = g_strdup_printf ("Target %s", years[i]);
          guint item = find_item (chart, style, prefix);
          cairo_rectangle_t area;

          g_assert_true (jln_chart_get_item_area (chart, style, WIDTH, HEIGHT, item, &area));
          g_assert_cmpfloat (area.x, <, x);
          g_assert_cmpfloat (area.x + area.width, >, x);
          g_assert_cmpint (jln_chart_hit_test (chart, style, WIDTH, HEIGHT, x,
                                               area.y + area.height - 1), ==, item);
        }
    }

  /* The 2022 measurement is at the end of 2022: right of 2022's middle. */
  {
    guint item = find_item (chart, style, "Measured on 31 Dec 2022");
    cairo_rectangle_t area;
    double x2022, x2023;

    jln_chart_get_axis_label (chart, 1, &x2022);
    jln_chart_get_axis_label (chart, 2, &x2023);
    g_assert_true (jln_chart_get_item_area (chart, style, WIDTH, HEIGHT, item, &area));
    g_assert_cmpfloat (area.x + area.width / 2, >, x2022);
    g_assert_cmpfloat (area.x + area.width / 2, <, (x2022 + x2023) / 2);
    g_assert_cmpint (jln_chart_hit_test (chart, style, WIDTH, HEIGHT, area.x + area.width / 2,
                                         area.y + area.height / 2), ==, item);
  }
}

static void
test_languages (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(JlnChart) chart = indicator_chart (fixture, "1");
  g_autoptr(JlnRenderStyle) fr = jln_render_style_new (JLN_RENDER_SCHEME_LIGHT, JLN_LANG_FR);
  g_autoptr(JlnRenderStyle) en = jln_render_style_new (JLN_RENDER_SCHEME_LIGHT, JLN_LANG_EN);
  g_autofree char *title_fr = jln_chart_dup_title (chart, fr);
  g_autofree char *title_en = jln_chart_dup_title (chart, en);
  guint met = find_item (chart, fr, "Cible 2022");
  g_autofree char *met_fr = jln_chart_dup_item_text (chart, fr, met);
  g_autofree char *number_fr = jln_format_number (12.5, JLN_LANG_FR);
  g_autofree char *number_en = jln_format_number (12.5, JLN_LANG_EN);
  g_autofree char *percent_fr = jln_format_percent (45, JLN_LANG_FR);
  g_autofree char *percent_en = jln_format_percent (45, JLN_LANG_EN);

  g_assert_cmpstr (title_en, ==, "Indicator 1: Equality unit");
  g_assert_cmpstr (title_fr, ==, "Indicateur 1\u00a0: Cellule égalité");
  g_assert_cmpstr (met_fr, ==,
                   "Cible 2022\u00a0: 30\u00a0%\u00a0; mesuré 45\u00a0% le 31 déc. 2022\u00a0: atteinte");
  g_assert_cmpstr (number_fr, ==, "12,5");
  g_assert_cmpstr (number_en, ==, "12.5");
  g_assert_cmpstr (percent_fr, ==, "45\u00a0%");
  g_assert_cmpstr (percent_en, ==, "45%");

  /* The percentage axis reads 0 to 100 in the chart's language. */
  {
    g_autoptr(JlnChart) status = jln_chart_new (JLN_CHART_STATUS, fixture->plan, NULL);
    g_autofree char *status_fr = jln_chart_dup_description (status, fr);
    g_autofree char *status_en = jln_chart_dup_description (status, en);

    g_assert_true (g_str_has_prefix (status_en, "Actions by status for each objective."));
    g_assert_true (g_str_has_prefix (status_fr, "Actions par statut pour chaque objectif."));
    g_assert_nonnull (strstr (status_fr, "Réalisée"));
  }
}

static guint
count_matches (JlnPlan    *plan,
               const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JlnQuery) query = jln_query_parse (text, &error);
  GListModel *objectives = jln_plan_get_objectives (plan);
  guint count = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (objectives); i++)
    {
      g_autoptr(JlnObjective) objective = g_list_model_get_item (objectives, i);
      GListModel *actions = jln_objective_get_actions (objective);

      for (guint j = 0; j < g_list_model_get_n_items (actions); j++)
        {
          g_autoptr(JlnAction) action = g_list_model_get_item (actions, j);

          count += jln_query_match (query, action, jln_semester_today ());
        }
    }
  return count;
}

/* A bar's query selects exactly the actions it counts. */
static void
test_bar_queries (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(JlnRenderStyle) style = jln_render_style_new (JLN_RENDER_SCHEME_LIGHT, JLN_LANG_EN);
  JlnChartKind kinds[] = { JLN_CHART_STATUS, JLN_CHART_UNITS };
  gboolean quoted = FALSE;
  guint total = 0;

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autoptr(JlnChart) chart = jln_chart_new (kinds[k], fixture->plan, NULL);

      g_assert_cmpuint (jln_chart_get_n_items (chart), >, 5);
      for (guint i = 0; i < jln_chart_get_n_items (chart); i++)
        {
          const char *query = jln_chart_get_item_query (chart, i);
          g_autofree char *text = jln_chart_dup_item_text (chart, style, i);
          g_autofree char *count = NULL;
          guint n = count_matches (fixture->plan, query);

          g_assert_nonnull (query);
          count = g_strdup_printf (": %u action", n);
          g_assert_nonnull (strstr (text, count));
          if (kinds[k] == JLN_CHART_STATUS)
            total += n;
          if (g_str_equal (query, "unit:\"PCN EG\""))
            quoted = TRUE;
        }
    }
  g_assert_true (quoted);
  g_assert_cmpuint (total, ==, count_matches (fixture->plan, ""));

  {
    g_autoptr(JlnChart) chart = jln_chart_new (JLN_CHART_STATUS, fixture->plan, NULL);
    guint item = find_item (chart, style, "Objective 4, ");
    g_assert_true (g_str_has_prefix (jln_chart_get_item_query (chart, item), "objective:4 "));
  }

  /* With a query, only the actions it matches are counted. */
  {
    g_autoptr(JlnQuery) query = jln_query_parse ("unit:RH", NULL);
    g_autoptr(JlnChart) chart = jln_chart_new (JLN_CHART_STATUS, fixture->plan, query);
    guint sum = 0;

    for (guint i = 0; i < jln_chart_get_n_items (chart); i++)
      {
        g_autofree char *text = jln_chart_dup_item_text (chart, style, i);
        const char *colon = strrchr (text, ':');

        sum += atoi (colon + 1);
      }
    g_assert_cmpuint (sum, ==, count_matches (fixture->plan, "unit:RH"));
  }
}

/* The status chart counts the overdue actions apart, the figure a
 * committee asks for, and draws each status as the timeline draws its
 * bars: in progress filled with the accent, overdue in its own colour. */
static void
test_status_overdue (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(JlnChart) chart = jln_chart_new (JLN_CHART_STATUS, fixture->plan, NULL);
  g_autoptr(JlnRenderStyle) style = jln_render_style_new (JLN_RENDER_SCHEME_LIGHT, JLN_LANG_EN);
  g_autofree char *description = NULL;
  cairo_surface_t *surface;
  guint overdue = 0, n_overdue_items = 0;

  surface = draw_chart (chart, style);
  for (guint i = 0; i < jln_chart_get_n_items (chart); i++)
    {
      g_autofree char *text = jln_chart_dup_item_text (chart, style, i);
      const char *query = jln_chart_get_item_query (chart, i);
      cairo_rectangle_t area;
      guint n = count_matches (fixture->plan, query);

      if (!jln_chart_get_item_area (chart, style, WIDTH, HEIGHT, i, &area) || area.width < 4)
        continue;
      if (strstr (text, " — Overdue: ") != NULL)
        {
          g_assert_true (g_str_has_suffix (query, " overdue"));
          overdue += n;
          n_overdue_items++;
          g_assert_cmpuint (count_color (surface, &area,
                                         jln_render_style_get_color (style, JLN_RENDER_COLOR_OVERDUE)),
                            >, area.width);
        }
      else if (strstr (text, " — In progress: ") != NULL)
        {
          g_assert_cmpuint (count_color (surface, &area,
                                         jln_render_style_get_color (style, JLN_RENDER_COLOR_ACCENT)),
                            >, area.width * area.height / 2);
        }
    }
  cairo_surface_destroy (surface);
  g_assert_cmpuint (n_overdue_items, >, 0);
  g_assert_cmpuint (overdue, ==, count_matches (fixture->plan, "overdue"));
  description = jln_chart_dup_description (chart, style);
  g_assert_nonnull (strstr (description, "Overdue"));
}

static void
test_completions (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(JlnChart) chart = jln_chart_new (JLN_CHART_COMPLETIONS, fixture->plan, NULL);
  g_autoptr(JlnRenderStyle) style = jln_render_style_new (JLN_RENDER_SCHEME_LIGHT, JLN_LANG_EN);
  guint n = jln_chart_get_n_items (chart);
  guint previous_done = 0, previous_planned = 0;
  g_autofree char *last = NULL;
  g_autofree char *expected = NULL;

  /* One point per semester of the plan, 2021-S1 to 2024-S2. */
  g_assert_cmpuint (n, ==, 8);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = jln_chart_dup_item_text (chart, style, i);
      guint done, planned;

      g_assert_cmpint (sscanf (strstr (text, "done:"), "done: %u, planned: %u",
                               &done, &planned), ==, 2);
      g_assert_cmpuint (done, >=, previous_done);
      g_assert_cmpuint (planned, >=, previous_planned);
      previous_done = done;
      previous_planned = planned;
    }
  last = jln_chart_dup_item_text (chart, style, n - 1);
  g_assert_true (g_str_has_prefix (last, "2nd sem. 2024 — "));
  /* By the end of the plan, every action due within it was planned, and
   * what was done within it counted; what was done before its period
   * (2017–2020 in the seed) is not, and is said apart. */
  g_assert_cmpuint (previous_planned, ==, count_matches (fixture->plan, "due:2021..2024"));
  g_assert_cmpuint (previous_done, ==, count_matches (fixture->plan, "status:done done:>=2021"));
  {
    guint before = count_matches (fixture->plan, "status:done") - previous_done;
    g_autofree char *description = jln_chart_dup_description (chart, style);
    g_autofree char *said = g_strdup_printf ("%u actions done before 1st sem. 2021 are not counted.",
                                             before);

    g_assert_cmpuint (before, >, 0);
    g_assert_nonnull (strstr (description, said));
  }
  /* So the plan does not look ahead in its first semester. */
  {
    g_autofree char *first = jln_chart_dup_item_text (chart, style, 0);
    guint done, planned;

    g_assert_cmpint (sscanf (strstr (first, "done:"), "done: %u, planned: %u", &done, &planned), ==, 2);
    g_assert_cmpuint (done, <=, count_matches (fixture->plan, "status:done done:2021-S1"));
  }
}

/* The status chart writes each objective's name whole, wrapped on three
 * lines at most, left of its bar and within its row, in the window and
 * at the width of a PDF page's chart, in both languages. */
static void
test_status_labels_whole (Fixture       *fixture,
                          gconstpointer  data)
{
  static const double widths[] = { WIDTH, 160.0 * 72.0 / 25.4 };
  GListModel *objectives = jln_plan_get_objectives (fixture->plan);

  for (JlnLang lang = JLN_LANG_FR; lang <= JLN_LANG_EN; lang++)
    for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
      {
        g_autoptr(JlnChart) chart = jln_chart_new (JLN_CHART_STATUS, fixture->plan, NULL);
        g_autoptr(JlnRenderStyle) style = jln_render_style_new (JLN_RENDER_SCHEME_LIGHT, lang);
        double width = widths[w];
        double height = jln_chart_get_height_for_width (chart, style, width);
        cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
        cairo_t *cr = cairo_create (surface);
        cairo_rectangle_t plot, previous = { 0, 0, 0, 0 };
        guint rows = 0, wrapped = 0;

        g_assert_true (jln_chart_get_plot_area (chart, style, width, height, &plot));
        for (guint i = 0; i < g_list_model_get_n_items (objectives); i++)
          {
            g_autoptr(JlnObjective) objective = g_list_model_get_item (objectives, i);
            const JlnText *title = jln_objective_get_title (objective);
            g_autofree char *label = g_strdup_printf ("%s. %s",
                                                      jln_objective_get_number (objective),
                                                      lang == JLN_LANG_FR ? title->fr : title->en);
            g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
            cairo_rectangle_t area;
            int text_h;

            g_assert_true (jln_chart_get_row_label_area (chart, style, width, height, rows, &area));
            /* The whole name, wrapped at the label's width, fits its area. */
            const PangoFontDescription *font = jln_render_style_get_font (style,
                                                                          JLN_RENDER_FONT_SMALL);

            pango_layout_set_font_description (layout, font);
            pango_layout_set_text (layout, label, -1);
            pango_layout_set_width (layout, (int) ceil ((area.width + 1) * PANGO_SCALE));
            pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
            pango_layout_get_size (layout, NULL, &text_h);
            g_assert_cmpfloat ((double) text_h / PANGO_SCALE, <=, area.height + 0.5);
            g_assert_cmpint (pango_layout_get_line_count (layout), <=, 3);
            wrapped += pango_layout_get_line_count (layout) > 1;
            /* Left of the bars, below the row above, within the plot's rows. */
            g_assert_cmpfloat (area.x + area.width, <=, plot.x);
            g_assert_cmpfloat (area.y, >=, previous.y + previous.height);
            g_assert_cmpfloat (area.y, >=, plot.y);
            g_assert_cmpfloat (area.y + area.height, <=, plot.y + plot.height);
            previous = area;
            rows++;
          }
        g_assert_false (jln_chart_get_row_label_area (chart, style, width, height, rows,
                                                      &previous));
        g_assert_cmpuint (rows, ==, g_list_model_get_n_items (objectives));
        g_assert_cmpuint (wrapped, >, 0);
        cairo_destroy (cr);
        cairo_surface_destroy (surface);
      }
}

/* The note on the actions done before the plan has its own lines above
 * the plot: it does not touch the plot's top line. */
static void
test_completions_note_apart (Fixture       *fixture,
                             gconstpointer  data)
{
  for (JlnLang lang = JLN_LANG_FR; lang <= JLN_LANG_EN; lang++)
    {
      g_autoptr(JlnChart) chart = jln_chart_new (JLN_CHART_COMPLETIONS, fixture->plan, NULL);
      g_autoptr(JlnRenderStyle) style = jln_render_style_new (JLN_RENDER_SCHEME_LIGHT, lang);
      double em = jln_render_style_get_em (style);
      cairo_rectangle_t note, plot;
      cairo_surface_t *surface;
      guint inked = 0;

      g_assert_true (jln_chart_get_note_area (chart, style, WIDTH, HEIGHT, &note));
      g_assert_true (jln_chart_get_plot_area (chart, style, WIDTH, HEIGHT, &plot));
      g_assert_cmpfloat (note.height, >, 0);
      g_assert_cmpfloat (note.y + note.height + 0.3 * em, <=, plot.y);
      g_assert_cmpfloat (note.x + note.width, <=, WIDTH);
      /* The note is drawn where it is said to be. */
      surface = draw_chart (chart, style);
      {
        const JlnRgba *background = jln_render_style_get_color (style, JLN_RENDER_COLOR_BACKGROUND);
        cairo_rectangle_t all = note;

        inked = (guint) (all.width * all.height) - count_color (surface, &all, background);
      }
      cairo_surface_destroy (surface);
      g_assert_cmpuint (inked, >, 20);
    }
}

static void
test_empty_indicator (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(JlnChart) chart = indicator_chart (fixture, "5");
  g_autoptr(JlnRenderStyle) style = jln_render_style_new (JLN_RENDER_SCHEME_DARK, JLN_LANG_EN);
  g_autofree char *description = jln_chart_dup_description (chart, style);
  cairo_surface_t *surface = draw_chart (chart, style);
  cairo_rectangle_t all = { 0, 0, WIDTH, HEIGHT };

  g_assert_nonnull (strstr (description, "No measurement yet."));
  g_assert_nonnull (strstr (description, "Target 2023: 90%; no measurement in 2023"));
  /* The targets are drawn all the same. */
  g_assert_cmpuint (count_color (surface, &all,
                                 jln_render_style_get_color (style, JLN_RENDER_COLOR_TARGET)),
                    >, 200);
  cairo_surface_destroy (surface);
}

/* A bar chart given less room than its bars need stays within it, and
 * says how many it left out; the most used units come first. */
static void
test_bars_fit (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(JlnChart) chart = jln_chart_new (JLN_CHART_UNITS, fixture->plan, NULL);
  g_autoptr(JlnRenderStyle) style = jln_render_style_new (JLN_RENDER_SCHEME_LIGHT, JLN_LANG_EN);
  cairo_surface_t *recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (recording);
  double x0, y0, w, h, previous = G_MAXDOUBLE;
  guint shown = 0, n = jln_chart_get_n_items (chart);

  g_assert_cmpuint (n, ==, 15);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = jln_chart_dup_item_text (chart, style, i);
      const char *colon = strrchr (text, ':');
      double count = atof (colon + 1);
      cairo_rectangle_t area;

      g_assert_cmpfloat (count, <=, previous);
      previous = count;
      if (jln_chart_get_item_area (chart, style, WIDTH, 160, i, &area))
        {
          g_assert_cmpfloat (area.y + area.height, <=, 160);
          shown++;
        }
    }
  g_assert_cmpuint (shown, >, 3);
  g_assert_cmpuint (shown, <, n);

  jln_chart_draw (chart, cr, style, WIDTH, 160);
  cairo_destroy (cr);
  cairo_recording_surface_ink_extents (recording, &x0, &y0, &w, &h);
  g_assert_cmpfloat (y0 + h, <=, 160 + 1);
  cairo_surface_destroy (recording);
}

/* No page cuts a chart: whatever each page draws lies within it. */
static void
test_report_pages (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(JlnIndicatorReport) report = jln_indicator_report_new (fixture->plan);
  g_autoptr(JlnRenderStyle) style = jln_render_style_new (JLN_RENDER_SCHEME_LIGHT, JLN_LANG_EN);
  g_autofree char *title = jln_picture_dup_title (JLN_PICTURE (report), style);
  JlnPageFormat pages[] = { JLN_PAGE_A4, JLN_PAGE_A3, JLN_PAGE_SLIDE };

  g_assert_cmpstr (title, ==,
                   "HRS4R at Inserm — Action plan 2022–2024 and Gender Equality Plan 2021–2023 — Indicators");
  for (guint p = 0; p < G_N_ELEMENTS (pages); p++)
    {
      double width, height, margin = jln_page_format_get_margin (pages[p]);
      guint n;

      jln_page_format_get_size (pages[p], &width, &height);
      width -= 2 * margin;
      height -= 3 * margin;
      jln_render_style_set_font_size (style, jln_page_format_get_font_size (pages[p]));
      n = jln_picture_paginate (JLN_PICTURE (report), style, width, height);
      g_assert_cmpuint (n, >=, 2);
      for (guint page = 0; page < n; page++)
        {
          cairo_surface_t *recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA,
                                                                       NULL);
          cairo_t *cr = cairo_create (recording);
          double x0, y0, w, h;

          jln_picture_draw_page (JLN_PICTURE (report), cr, style, page, width, height);
          cairo_destroy (cr);
          cairo_recording_surface_ink_extents (recording, &x0, &y0, &w, &h);
          g_assert_cmpfloat (w, >, 0);
          g_assert_cmpfloat (y0, >=, -1);
          g_assert_cmpfloat (y0 + h, <=, height + 1);
          g_assert_cmpfloat (x0 + w, <=, width + 1);
          cairo_surface_destroy (recording);
        }
    }
}

/* Exports through the program */

static char *
export (Fixture    *fixture,
        const char *name,
        const char *lang,
        const char *extra)
{
  g_autofree char *out = g_build_filename (fixture->dir, name, NULL);
  g_autofree char *export_arg = g_strdup_printf ("--export=%s", out);
  g_autofree char *lang_arg = g_strdup_printf ("--lang=%s", lang);
  g_autofree char *err = NULL;
  g_auto(GStrv) env = g_get_environ ();
  const char *argv[] = { JALONS_PROGRAM, export_arg, "--view=indicators", lang_arg,
                         extra != NULL ? extra : fixture->path, extra != NULL ? fixture->path : NULL,
                         NULL };
  g_autoptr(GError) error = NULL;
  int status;

  /* The interface's words follow the language of the export. */
  env = g_environ_setenv (env, "LANGUAGE", lang, TRUE);
  env = g_environ_setenv (env, "LC_ALL", "C.UTF-8", TRUE);
  g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, &err,
                &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("jalons --export failed: %s", err);
  g_assert_true (g_file_test (out, G_FILE_TEST_IS_REGULAR));
  return g_steal_pointer (&out);
}

static char *
run_tool (const char *tool,
          const char *arg,
          const char *path)
{
  const char *argv[] = { tool, arg, path, "-", NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (g_str_equal (tool, "pdfinfo"))
    argv[1] = path, argv[2] = NULL;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_steal_pointer (&out);
}

static void
test_export_pdf (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *pdf_en = NULL;
  g_autofree char *pdf_fr = NULL;
  g_autofree char *info = NULL;
  g_autofree char *text_en = NULL;
  g_autofree char *text_fr = NULL;
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  guint pages = 0;

  if (pdfinfo == NULL || pdftotext == NULL)
    {
      g_test_skip ("pdfinfo and pdftotext (poppler-utils) are needed");
      return;
    }

  pdf_en = export (fixture, "indicators-en.pdf", "en", NULL);
  pdf_fr = export (fixture, "indicators-fr.pdf", "fr", NULL);
  info = run_tool ("pdfinfo", NULL, pdf_en);
  g_assert_nonnull (strstr (info, "841.89 x 595.28 pts (A4)"));
  g_assert_cmpint (sscanf (strstr (info, "Pages:"), "Pages: %u", &pages), ==, 1);
  g_assert_cmpuint (pages, >=, 3);

  text_en = run_tool ("pdftotext", "-layout", pdf_en);
  text_fr = run_tool ("pdftotext", "-layout", pdf_fr);
  g_assert_nonnull (strstr (text_en, "Indicator 1: Equality unit"));
  g_assert_nonnull (strstr (text_en, "Actions by status for each objective"));
  g_assert_nonnull (strstr (text_en, "met"));
  g_assert_nonnull (strstr (text_en, "45%"));
  /* pdftotext gives no-break spaces as spaces. */
  g_assert_nonnull (strstr (text_fr, "Indicateur 1 : Cellule égalité"));
  g_assert_nonnull (strstr (text_fr, "Actions par statut pour chaque objectif"));
  g_assert_nonnull (strstr (text_fr, "atteinte"));
  g_assert_nonnull (strstr (text_fr, "45 %"));
  g_assert_null (strstr (text_fr, "Equality unit"));
  /* An indicator not measured yet says so, and nothing about the window's
   * buttons: the PDF goes to a committee. */
  g_assert_nonnull (strstr (text_en, "No measurement yet"));
  g_assert_nonnull (strstr (text_fr, "Aucune mesure"));
  g_assert_null (strstr (text_en, "Measurement”"));
  g_assert_null (strstr (text_en, "Indicators page"));
  g_assert_null (strstr (text_fr, "page Indicateurs"));
}

static void
test_export_png_svg (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *png = export (fixture, "indicators.png", "en", "--scale=1");
  g_autofree char *png2 = export (fixture, "indicators-2.png", "en", "--scale=2");
  g_autofree char *svg = export (fixture, "indicators.svg", "fr", NULL);
  g_autoptr(JlnIndicatorReport) report = jln_indicator_report_new (fixture->plan);
  g_autoptr(JlnRenderStyle) style = jln_render_style_new (JLN_RENDER_SCHEME_LIGHT, JLN_LANG_EN);
  cairo_surface_t *image = cairo_image_surface_create_from_png (png);
  cairo_surface_t *image2 = cairo_image_surface_create_from_png (png2);
  const char *argv[] = { "python3", "-c",
                         "import sys, xml.dom.minidom as m; d = m.parse(sys.argv[1]); "
                         "print(d.documentElement.tagName)", svg, NULL };
  g_autofree char *out = NULL;
  g_autofree char *contents = NULL;
  double width, height;
  int status;

  jln_picture_get_size (JLN_PICTURE (report), style, &width, &height);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, (int) ceil (width));
  g_assert_cmpint (abs (cairo_image_surface_get_height (image) - (int) ceil (height)), <=, 1);
  g_assert_cmpint (abs (cairo_image_surface_get_width (image2) - 2 * (int) ceil (width)), <=, 2);
  cairo_surface_destroy (image);
  cairo_surface_destroy (image2);

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, NULL, &status, NULL));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_cmpstr (g_strstrip (out), ==, "svg");
  g_assert_true (g_file_get_contents (svg, &contents, NULL, NULL));
  g_assert_cmpuint (strlen (contents), >, 10000);
}

int
main (int   argc,
      char *argv[])
{
  /* French labels come from the built catalogue, English ones from the source. */
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("LANGUAGE", "fr", TRUE);
  bindtextdomain (GETTEXT_PACKAGE, BUILD_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/render/charts/status-overdue", test_status_overdue);
  ADD ("/render/charts/met-and-behind", test_met_and_behind);
  ADD ("/render/charts/series", test_series);
  ADD ("/render/charts/axis-years", test_axis_years);
  ADD ("/render/charts/languages", test_languages);
  ADD ("/render/charts/bar-queries", test_bar_queries);
  ADD ("/render/charts/completions", test_completions);
  ADD ("/render/charts/empty-indicator", test_empty_indicator);
  ADD ("/render/charts/bars-fit", test_bars_fit);
  ADD ("/render/charts/status-labels-whole", test_status_labels_whole);
  ADD ("/render/charts/completions-note-apart", test_completions_note_apart);
  ADD ("/render/report/pages", test_report_pages);
  ADD ("/render/report/export-pdf", test_export_pdf);
  ADD ("/render/report/export-png-svg", test_export_png_svg);
#undef ADD

  return g_test_run ();
}
