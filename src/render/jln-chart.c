/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include "jln-gettext.h"
#include <pango/pangocairo.h>

#include "jln-action.h"
#include "jln-action-item.h"
#include "jln-chart-private.h"
#include "jln-i18n.h"
#include "jln-semester-axis.h"
#include "jln-measurement.h"
#include "jln-objective.h"
#include "jln-target.h"
#include "jln-unit.h"

/* Chart labels follow the style's language, which may differ from the
 * interface's: jln_translate() reads the French catalogue whatever the
 * locale. */

G_DEFINE_ABSTRACT_TYPE (JlnChart, jln_chart, G_TYPE_OBJECT)

/* Registered so that a chart view's kind can be set in a template. */
G_DEFINE_ENUM_TYPE (JlnChartKind, jln_chart_kind,
  G_DEFINE_ENUM_VALUE (JLN_CHART_INDICATOR, "indicator"),
  G_DEFINE_ENUM_VALUE (JLN_CHART_STATUS, "status"),
  G_DEFINE_ENUM_VALUE (JLN_CHART_COMPLETIONS, "completions"),
  G_DEFINE_ENUM_VALUE (JLN_CHART_UNITS, "units"))

static void
item_clear (gpointer data)
{
  Item *item = data;

  g_free (item->date);
  g_free (item->measured_date);
  g_free (item->query);
  g_clear_object (&item->record);
  jln_text_clear (&item->text);
}

static void
legend_entry_clear (gpointer data)
{
  LegendEntry *entry = data;

  g_free (entry->label);
}

static void
axis_label_clear (gpointer data)
{
  AxisLabel *label = data;

  g_free (label->text);
}

static void
text_free (gpointer data)
{
  JlnText *text = data;

  jln_text_clear (text);
  g_free (text);
}

static void
jln_chart_finalize (GObject *object)
{
  JlnChart *self = JLN_CHART (object);

  g_clear_object (&self->plan);
  g_clear_object (&self->indicator);
  g_clear_pointer (&self->query, jln_query_unref);
  g_clear_pointer (&self->items, g_array_unref);
  g_clear_pointer (&self->series, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->legend, g_array_unref);
  g_clear_pointer (&self->axis_labels, g_array_unref);

  G_OBJECT_CLASS (jln_chart_parent_class)->finalize (object);
}

static void
jln_chart_class_init (JlnChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = jln_chart_finalize;
}

static void
jln_chart_init (JlnChart *self)
{
  self->items = g_array_new (FALSE, TRUE, sizeof (Item));
  g_array_set_clear_func (self->items, item_clear);
  self->series = g_ptr_array_new_with_free_func (text_free);
  self->rows = g_ptr_array_new_with_free_func (g_object_unref);
  self->legend = g_array_new (FALSE, TRUE, sizeof (LegendEntry));
  g_array_set_clear_func (self->legend, legend_entry_clear);
  self->axis_labels = g_array_new (FALSE, TRUE, sizeof (AxisLabel));
  g_array_set_clear_func (self->axis_labels, axis_label_clear);
}

/**
 * jln_chart_new_indicator:
 *
 * Returns: (transfer full): the chart of @indicator's targets and measurements
 */
JlnChart *
jln_chart_new_indicator (JlnPlan      *plan,
                         JlnIndicator *indicator)
{
  JlnChart *self;

  g_return_val_if_fail (JLN_IS_PLAN (plan), NULL);
  g_return_val_if_fail (JLN_IS_INDICATOR (indicator), NULL);

  self = g_object_new (JLN_TYPE_INDICATOR_CHART, NULL);
  self->kind = JLN_CHART_INDICATOR;
  self->plan = g_object_ref (plan);
  self->indicator = g_object_ref (indicator);
  return self;
}

/**
 * jln_chart_new:
 * @kind: a plan-wide chart
 * @query: (nullable): only the actions it matches are counted
 *
 * Returns: (transfer full): the chart
 */
JlnChart *
jln_chart_new (JlnChartKind  kind,
               JlnPlan      *plan,
               JlnQuery     *query)
{
  JlnChart *self;

  g_return_val_if_fail (kind != JLN_CHART_INDICATOR, NULL);
  g_return_val_if_fail (JLN_IS_PLAN (plan), NULL);

  self = g_object_new (kind == JLN_CHART_STATUS ? JLN_TYPE_STATUS_CHART :
                       kind == JLN_CHART_COMPLETIONS ? JLN_TYPE_COMPLETIONS_CHART :
                       JLN_TYPE_UNITS_CHART, NULL);
  self->kind = kind;
  self->plan = g_object_ref (plan);
  self->query = query != NULL && !jln_query_is_empty (query) ? jln_query_ref (query) : NULL;
  return self;
}

JlnChartKind
jln_chart_get_kind (JlnChart *self)
{
  g_return_val_if_fail (JLN_IS_CHART (self), JLN_CHART_INDICATOR);
  return self->kind;
}

/**
 * jln_chart_get_plan:
 *
 * Returns: (transfer none): the plan
 */
JlnPlan *
jln_chart_get_plan (JlnChart *self)
{
  g_return_val_if_fail (JLN_IS_CHART (self), NULL);
  return self->plan;
}

/**
 * jln_chart_get_indicator:
 *
 * Returns: (transfer none) (nullable): the indicator of an indicator chart
 */
JlnIndicator *
jln_chart_get_indicator (JlnChart *self)
{
  g_return_val_if_fail (JLN_IS_CHART (self), NULL);
  return self->indicator;
}

void
jln_chart_set_query (JlnChart *self,
                     JlnQuery *query)
{
  g_return_if_fail (JLN_IS_CHART (self));

  if (query != NULL && jln_query_is_empty (query))
    query = NULL;
  if (query == self->query)
    return;
  g_clear_pointer (&self->query, jln_query_unref);
  self->query = query != NULL ? jln_query_ref (query) : NULL;
  jln_chart_invalidate (self);
}

/* The plan changed: the chart reads it again when next drawn. */
void
jln_chart_invalidate (JlnChart *self)
{
  g_return_if_fail (JLN_IS_CHART (self));

  self->data_valid = FALSE;
  self->layout_valid = FALSE;
}

/* Numbers and words */

const char *
_jln_chart_tr (const JlnRenderStyle *style,
               const char           *msgid)
{
  return jln_translate (jln_render_style_get_lang (style), msgid);
}

const char *
_jln_chart_status_label (const JlnRenderStyle *style,
                         JlnStatus             status)
{
  JlnLang lang = jln_render_style_get_lang (style);

  if ((int) status == STATUS_OVERDUE)
    /* Translators: actions past their planned semester, in a chart. */
    return jln_translate_context (lang, "status", "Overdue");
  if (status > JLN_STATUS_DROPPED)
    status = JLN_STATUS_DROPPED;
  return jln_status_get_label_in (status, lang);
}

char *
jln_format_number (double  value,
                   JlnLang lang)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  char *text;

  if (isnan (value))
    return g_strdup ("–");
  if (fabs (value - round (value)) < 0.05)
    g_ascii_formatd (buffer, sizeof buffer, "%.0f", round (value) == 0 ? 0 : value);
  else
    g_ascii_formatd (buffer, sizeof buffer, "%.1f", value);

  text = g_strdup (buffer);
  if (lang == JLN_LANG_FR)
    g_strdelimit (text, ".", ',');
  return text;
}

char *
jln_format_percent (double  value,
                    JlnLang lang)
{
  g_autofree char *number = jln_format_number (value, lang);

  /* French puts a no-break space before the sign. */
  return g_strconcat (number, lang == JLN_LANG_FR ? "\u00a0%" : "%", NULL);
}

gboolean
_jln_chart_is_percentage (JlnChart *self)
{
  return self->indicator != NULL &&
         jln_indicator_get_kind (self->indicator) == JLN_INDICATOR_KIND_PERCENTAGE;
}

char *
_jln_chart_format_value (JlnChart             *self,
                         const JlnRenderStyle *style,
                         double                value)
{
  if (_jln_chart_is_percentage (self))
    return jln_format_percent (value, jln_render_style_get_lang (style));
  return jln_format_number (value, jln_render_style_get_lang (style));
}

const char *
_jln_chart_text_in (const JlnText        *text,
                    const JlnRenderStyle *style)
{
  const char *value = jln_text_get_fallback (text, jln_render_style_get_lang (style), NULL);

  return value != NULL ? value : "";
}

gboolean
_jln_chart_action_counts (JlnChart  *self,
                          JlnAction *action,
                          JlnSemester today)
{
  return self->query == NULL || jln_query_match (self->query, action, today);
}

/* A query value, quoted when it holds a space, a comma or a quote. */
char *
_jln_chart_query_value (const char *value)
{
  if (strpbrk (value, " \t,\"") == NULL && *value != '\0')
    return g_strdup (value);
  {
    g_autoptr(GString) out = g_string_new ("\"");

    for (const char *p = value; *p != '\0'; p++)
      if (*p != '"')
        g_string_append_c (out, *p);
    g_string_append_c (out, '"');
    return g_string_free (g_steal_pointer (&out), FALSE);
  }
}

static void
ensure_data (JlnChart *self)
{
  if (self->data_valid)
    return;

  g_array_set_size (self->items, 0);
  g_ptr_array_set_size (self->series, 0);
  g_ptr_array_set_size (self->rows, 0);
  self->max_value = 0;
  self->n_measurements = 0;
  self->n_text_targets = 0;
  self->layout_valid = FALSE;

  JLN_CHART_GET_CLASS (self)->read (self);
  self->data_valid = TRUE;
}

/* Text */

PangoLayout *
_jln_chart_make_layout (cairo_t              *cr,
                        const JlnRenderStyle *style,
                        JlnRenderFont         font,
                        const char           *text,
                        double                width)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);

  pango_layout_set_font_description (layout, jln_render_style_get_font (style, font));
  pango_layout_set_text (layout, text, -1);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  return layout;
}

void
_jln_chart_text_size (cairo_t              *cr,
                      const JlnRenderStyle *style,
                      JlnRenderFont         font,
                      const char           *text,
                      double                width,
                      double               *text_width,
                      double               *text_height)
{
  g_autoptr(PangoLayout) layout = _jln_chart_make_layout (cr, style, font, text, width);
  int w, h;

  pango_layout_get_size (layout, &w, &h);
  if (text_width != NULL)
    *text_width = (double) w / PANGO_SCALE;
  if (text_height != NULL)
    *text_height = (double) h / PANGO_SCALE;
}

/* Draws @text at x, y (its top left corner, or its top right with
 * PANGO_ALIGN_RIGHT, or its top centre with PANGO_ALIGN_CENTER), on one
 * line cut with an ellipsis at @max_width when that is positive. */
double
_jln_chart_draw_text (cairo_t              *cr,
                      const JlnRenderStyle *style,
                      JlnRenderFont         font,
                      JlnRenderColor        color,
                      const char           *text,
                      double                x,
                      double                y,
                      PangoAlignment        align,
                      double                max_width)
{
  g_autoptr(PangoLayout) layout = _jln_chart_make_layout (cr, style, font, text, -1);
  int w, h;

  if (max_width > 0)
    {
      pango_layout_set_width (layout, (int) (max_width * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  pango_layout_get_size (layout, &w, &h);
  if (align == PANGO_ALIGN_RIGHT)
    x -= (double) w / PANGO_SCALE;
  else if (align == PANGO_ALIGN_CENTER)
    x -= (double) w / PANGO_SCALE / 2;

  jln_render_style_set_source (style, cr, color);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  return (double) h / PANGO_SCALE;
}

static cairo_t *
measuring_context (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (surface);

  cairo_surface_destroy (surface);
  return cr;
}

/* Layout */

void
_jln_chart_add_legend (JlnChart   *self,
                       Symbol      symbol,
                       guint       series,
                       JlnStatus   status,
                       const char *label)
{
  LegendEntry entry = { symbol, series, status, g_strdup (label), 0, 0 };

  g_array_append_val (self->legend, entry);
}

const char *
_jln_chart_series_name (JlnChart             *self,
                        const JlnRenderStyle *style,
                        guint                 series)
{
  if (series >= self->series->len)
    return "";
  return _jln_chart_text_in (g_ptr_array_index (self->series, series), style);
}

gboolean
_jln_chart_has_named_series (JlnChart *self)
{
  for (guint i = 0; i < self->series->len; i++)
    if (!jln_text_is_empty (g_ptr_array_index (self->series, i)))
      return TRUE;
  return FALSE;
}

static void
build_legend (JlnChart             *self,
              const JlnRenderStyle *style)
{
  JlnChartClass *klass = JLN_CHART_GET_CLASS (self);

  g_array_set_size (self->legend, 0);
  if (klass->build_legend != NULL)
    klass->build_legend (self, style);
}

/* Places the legend entries in rows across @width and returns its height. */
static double
place_legend (JlnChart             *self,
              cairo_t              *cr,
              const JlnRenderStyle *style,
              double                width)
{
  double em = jln_render_style_get_em (style);
  double x = 0, y = 0, line = 1.6 * em;

  if (self->legend->len == 0)
    return 0;

  for (guint i = 0; i < self->legend->len; i++)
    {
      LegendEntry *entry = &g_array_index (self->legend, LegendEntry, i);
      double w;

      _jln_chart_text_size (cr, style, JLN_RENDER_FONT_SMALL, entry->label, -1, &w, NULL);
      w += 2.6 * em;
      if (x > 0 && x + w > width)
        {
          x = 0;
          y += line;
        }
      entry->x = x;
      entry->y = y;
      x += w + 1.2 * em;
    }
  return y + line + 0.4 * em;
}

double
_jln_chart_nice_step (double max,
                      guint  n)
{
  double raw = MAX (max, 1) / n;
  double magnitude = pow (10, floor (log10 (raw)));
  double fraction = raw / magnitude;

  if (fraction <= 1)
    return magnitude;
  if (fraction <= 2)
    return 2 * magnitude;
  if (fraction <= 5)
    return 5 * magnitude;
  return 10 * magnitude;
}

char *
_jln_chart_format_axis_value (JlnChart             *self,
                              const JlnRenderStyle *style,
                              double                value)
{
  if (self->kind == JLN_CHART_INDICATOR)
    return _jln_chart_format_value (self, style, value);
  return jln_format_number (value, jln_render_style_get_lang (style));
}

double
_jln_chart_value_y (JlnChart *self,
                    double    value)
{
  return self->plot_y + self->plot_h - value / self->y_max * self->plot_h;
}

void
_jln_chart_add_axis_label (JlnChart   *self,
                           const char *text,
                           double      x)
{
  AxisLabel label = { g_strdup (text), x };

  g_array_append_val (self->axis_labels, label);
}

/* “3. Working conditions”: plan text isolated, so that a title cannot
 * reorder its number. */
static char *
dup_objective_label (JlnObjective         *objective,
                     const JlnRenderStyle *style)
{
  g_autofree char *number = jln_text_isolate (jln_objective_get_number (objective));
  g_autofree char *title = jln_text_isolate (_jln_chart_text_in (jln_objective_get_title (objective), style));

  return g_strdup_printf ("%s. %s", number, title);
}

static const char *row_label (JlnChart             *self,
                              const JlnRenderStyle *style,
                              guint                 row,
                              char                **owned);

/* A row's label as drawn: wrapped at the label column's width. */
static PangoLayout *
make_row_label_layout (JlnChart             *self,
                       cairo_t              *cr,
                       const JlnRenderStyle *style,
                       guint                 row)
{
  g_autofree char *owned = NULL;
  const char *label = row_label (self, style, row, &owned);

  return _jln_chart_make_layout (cr, style, JLN_RENDER_FONT_SMALL, label, self->label_w);
}

static double
tallest_row_label (JlnChart             *self,
                   cairo_t              *cr,
                   const JlnRenderStyle *style,
                   guint                *lines)
{
  double tallest = 0;

  *lines = 0;
  for (guint i = 0; i < self->rows->len; i++)
    {
      g_autoptr(PangoLayout) layout = make_row_label_layout (self, cr, style, i);
      int h;

      pango_layout_get_size (layout, NULL, &h);
      tallest = MAX (tallest, (double) h / PANGO_SCALE);
      *lines = MAX (*lines, (guint) pango_layout_get_line_count (layout));
    }
  return tallest;
}

void
_jln_chart_layout_bars (JlnChart             *self,
                        cairo_t              *cr,
                        const JlnRenderStyle *style,
                        double                width,
                        double                height)
{
  double em = jln_render_style_get_em (style);
  double widest = 0, count_w, tallest, min_row_h;
  guint lines;
  g_autofree char *max_text = jln_format_number (self->max_value,
                                                 jln_render_style_get_lang (style));

  for (guint i = 0; i < self->rows->len; i++)
    {
      JlnRecord *row = g_ptr_array_index (self->rows, i);
      g_autofree char *label = NULL;
      double w;

      if (JLN_IS_OBJECTIVE (row))
        label = dup_objective_label (JLN_OBJECTIVE (row), style);
      else
        label = g_strdup (jln_unit_get_code (JLN_UNIT (row)));
      _jln_chart_text_size (cr, style, JLN_RENDER_FONT_SMALL, label, -1, &w, NULL);
      widest = MAX (widest, w);
    }
  _jln_chart_text_size (cr, style, JLN_RENDER_FONT_SMALL, max_text, -1, &count_w, NULL);

  /* Long names wrap, on three lines at most: given more room if they
   * would need more, and never cut. */
  self->label_w = MIN (widest + 0.6 * em, width * 0.38);
  tallest = tallest_row_label (self, cr, style, &lines);
  if (lines > 3 && self->label_w < MIN (widest + 0.6 * em, width * 0.5))
    {
      self->label_w = MIN (widest + 0.6 * em, width * 0.5);
      tallest = tallest_row_label (self, cr, style, &lines);
    }
  min_row_h = MAX (1.4 * em, tallest + 0.4 * em);
  self->row_h = MAX (1.9 * em, min_row_h);
  self->rows_shown = self->rows->len;
  /* Given more room, as on a page of its own, the bars grow a little;
   * given less, they get thinner, and what still does not fit is left
   * out and counted under the last bar. */
  if (height > 0 && self->rows->len > 0)
    {
      double room = height - self->legend_height - 0.5 * em;

      self->row_h = CLAMP (room / self->rows->len, min_row_h, MAX (3.0 * em, min_row_h));
      if (self->rows->len * self->row_h > room)
        self->rows_shown = MAX (1, (int) floor (room / self->row_h) - 1);
    }
  self->plot_x = self->label_w + 0.4 * em;
  self->plot_y = self->legend_height;
  self->plot_w = MAX (4 * em, width - self->plot_x - count_w - 1.2 * em);
  self->plot_h = self->rows_shown * self->row_h;
  self->y_max = MAX (1, self->max_value);

  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = &g_array_index (self->items, Item, i);
      double before = 0;

      if (self->kind == JLN_CHART_STATUS)
        for (guint j = 0; j < i; j++)
          {
            Item *other = &g_array_index (self->items, Item, j);

            if (other->row == item->row)
              before += other->value;
          }
      if (item->row >= self->rows_shown)
        {
          item->w = item->h = 0;
          continue;
        }
      item->x = self->plot_x + before / self->y_max * self->plot_w;
      item->w = item->value / self->y_max * self->plot_w;
      /* Rows made taller by their labels keep bars of the usual width. */
      item->h = MIN (self->row_h - 0.5 * em, 2.0 * em);
      item->y = self->plot_y + item->row * self->row_h + (self->row_h - item->h) / 2;
    }
}

void
_jln_chart_ensure_layout (JlnChart             *self,
                          const JlnRenderStyle *style,
                          double                width,
                          double                height)
{
  double em = jln_render_style_get_em (style);
  JlnLang lang = jln_render_style_get_lang (style);
  cairo_t *cr;

  ensure_data (self);
  if (self->layout_valid && self->layout_width == width && self->layout_height == height &&
      self->layout_em == em && self->layout_lang == lang)
    return;

  cr = measuring_context ();
  g_array_set_size (self->axis_labels, 0);
  build_legend (self, style);
  self->legend_height = place_legend (self, cr, style, width);
  self->side_w = 0;
  self->plot_w = self->plot_h = 0;

  JLN_CHART_GET_CLASS (self)->layout (self, cr, style, width, height);
  cairo_destroy (cr);

  self->layout_width = width;
  self->layout_height = height;
  self->layout_em = em;
  self->layout_lang = lang;
  self->layout_valid = TRUE;
}

/**
 * jln_chart_get_height_for_width:
 *
 * Returns: the height the chart reads best at, for @width
 */
double
jln_chart_get_height_for_width (JlnChart             *self,
                                const JlnRenderStyle *style,
                                double                width)
{
  g_return_val_if_fail (JLN_IS_CHART (self), 0);

  ensure_data (self);
  return JLN_CHART_GET_CLASS (self)->measure (self, style, width);
}

double
_jln_chart_bars_measure (JlnChart             *self,
                         const JlnRenderStyle *style,
                         double                width)
{
  double em = jln_render_style_get_em (style);

  _jln_chart_ensure_layout (self, style, width, 0);
  return self->legend_height + MAX (1, self->rows->len) * self->row_h + 0.5 * em;
}

/* Drawing */

void
_jln_chart_set_dash (cairo_t *cr,
                     guint    series,
                     double   em)
{
  double dashes[3][2] = {
    { 0.7 * em, 0.3 * em },
    { 0.25 * em, 0.25 * em },
    { 1.2 * em, 0.3 * em },
  };

  cairo_set_dash (cr, dashes[series % 3], 2, 0);
}

/* Each population has its own marker shape, so that series are told
 * apart without colour. */
void
_jln_chart_draw_marker (cairo_t              *cr,
                        const JlnRenderStyle *style,
                        guint                 series,
                        double                x,
                        double                y,
                        double                r)
{
  cairo_new_path (cr);
  switch (series % 3)
    {
    case 0:
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
      break;
    case 1:
      cairo_rectangle (cr, x - r * 0.9, y - r * 0.9, 1.8 * r * 0.9, 1.8 * r * 0.9);
      break;
    default:
      cairo_move_to (cr, x, y - r * 1.2);
      cairo_line_to (cr, x + r * 1.2, y);
      cairo_line_to (cr, x, y + r * 1.2);
      cairo_line_to (cr, x - r * 1.2, y);
      cairo_close_path (cr);
      break;
    }
  jln_render_style_set_source (style, cr, JLN_RENDER_COLOR_MEASUREMENT);
  cairo_fill_preserve (cr);
  jln_render_style_set_source (style, cr, JLN_RENDER_COLOR_BACKGROUND);
  cairo_set_line_width (cr, r * 0.35);
  cairo_stroke (cr);
}

/* Met: a filled disc with a check mark. Behind: a hollow triangle
 * pointing down. The shapes say it as well as the colours. */
void
_jln_chart_draw_badge (cairo_t              *cr,
                       const JlnRenderStyle *style,
                       TargetState           state,
                       double                x,
                       double                y,
                       double                r)
{
  cairo_new_path (cr);
  if (state == STATE_MET)
    {
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
      jln_render_style_set_source (style, cr, JLN_RENDER_COLOR_MET);
      cairo_fill (cr);
      cairo_move_to (cr, x - r * 0.5, y + r * 0.02);
      cairo_line_to (cr, x - r * 0.12, y + r * 0.42);
      cairo_line_to (cr, x + r * 0.55, y - r * 0.4);
      jln_render_style_set_source (style, cr, JLN_RENDER_COLOR_BACKGROUND);
      cairo_set_line_width (cr, r * 0.3);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      cairo_stroke (cr);
    }
  else
    {
      cairo_move_to (cr, x - r, y - r * 0.75);
      cairo_line_to (cr, x + r, y - r * 0.75);
      cairo_line_to (cr, x, y + r * 0.95);
      cairo_close_path (cr);
      jln_render_style_set_source (style, cr, JLN_RENDER_COLOR_BACKGROUND);
      cairo_fill_preserve (cr);
      jln_render_style_set_source (style, cr, JLN_RENDER_COLOR_BEHIND);
      cairo_set_line_width (cr, r * 0.3);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      cairo_stroke (cr);
    }
}

static gboolean
is_light (const JlnRgba *rgba)
{
  return 0.2126 * rgba->red + 0.7152 * rgba->green + 0.0722 * rgba->blue > 0.5;
}

/* The colour a status segment is filled with, for the text on it. */
static JlnRenderColor
status_fill (JlnStatus status)
{
  switch ((int) status)
    {
    case JLN_STATUS_IN_PROGRESS:
      return JLN_RENDER_COLOR_ACCENT;
    case JLN_STATUS_PLANNED:
    case JLN_STATUS_REVISED:
    case JLN_STATUS_SUPERSEDED:
    case STATUS_OVERDUE:
      return JLN_RENDER_COLOR_BACKGROUND;
    default:
      return jln_render_color_for_status (status);
    }
}

static void
hatch_box (cairo_t              *cr,
           const JlnRenderStyle *style,
           JlnRenderColor        color,
           double                x,
           double                y,
           double                w,
           double                h,
           double                em)
{
  cairo_save (cr);
  cairo_rectangle (cr, x, y, w, h);
  cairo_clip (cr);
  jln_render_style_set_source_alpha (style, cr, color, 0.7);
  cairo_set_line_width (cr, 0.08 * em);
  for (double d = -h; d < w; d += 0.45 * em)
    {
      cairo_move_to (cr, x + d, y + h);
      cairo_line_to (cr, x + d + h, y);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* A status segment, drawn as the timeline draws a bar of that status:
 * in progress filled with the accent, planned outlined in it, done
 * filled, revised hatched, superseded dashed, dropped struck through;
 * overdue outlined, hatched and marked "!" in the overdue colour. */
static void
draw_status_box (cairo_t              *cr,
                 const JlnRenderStyle *style,
                 JlnStatus             status,
                 double                x,
                 double                y,
                 double                w,
                 double                h,
                 double                em)
{
  JlnRenderColor color = (int) status == STATUS_OVERDUE ? JLN_RENDER_COLOR_OVERDUE
                                                         : jln_render_color_for_status (status);
  double lw = 0.1 * em;

  cairo_save (cr);
  cairo_rectangle (cr, x, y, w, h);
  switch ((int) status)
    {
    case JLN_STATUS_IN_PROGRESS:
      jln_render_style_set_source (style, cr, JLN_RENDER_COLOR_ACCENT);
      cairo_fill (cr);
      break;
    case JLN_STATUS_PLANNED:
      jln_render_style_set_source (style, cr, JLN_RENDER_COLOR_BACKGROUND);
      cairo_fill_preserve (cr);
      jln_render_style_set_source_alpha (style, cr, JLN_RENDER_COLOR_ACCENT, 0.18);
      cairo_fill (cr);
      cairo_rectangle (cr, x + lw / 2, y + lw / 2, w - lw, h - lw);
      cairo_set_line_width (cr, lw);
      jln_render_style_set_source (style, cr, JLN_RENDER_COLOR_ACCENT);
      cairo_stroke (cr);
      break;
    case STATUS_OVERDUE:
      jln_render_style_set_source (style, cr, JLN_RENDER_COLOR_BACKGROUND);
      cairo_fill (cr);
      hatch_box (cr, style, color, x, y, w, h, em);
      cairo_rectangle (cr, x + lw, y + lw, w - 2 * lw, h - 2 * lw);
      cairo_set_line_width (cr, 2 * lw);
      jln_render_style_set_source (style, cr, color);
      cairo_stroke (cr);
      break;
    case JLN_STATUS_REVISED:
      jln_render_style_set_source_alpha (style, cr, color, 0.25);
      cairo_fill (cr);
      hatch_box (cr, style, color, x, y, w, h, em);
      cairo_rectangle (cr, x + lw / 2, y + lw / 2, w - lw, h - lw);
      cairo_set_line_width (cr, lw);
      jln_render_style_set_source (style, cr, color);
      cairo_stroke (cr);
      break;
    case JLN_STATUS_SUPERSEDED:
      {
        double dash = 0.35 * em;

        jln_render_style_set_source_alpha (style, cr, color, 0.18);
        cairo_fill (cr);
        cairo_rectangle (cr, x + lw / 2, y + lw / 2, w - lw, h - lw);
        cairo_set_dash (cr, &dash, 1, 0);
        cairo_set_line_width (cr, lw * 1.3);
        jln_render_style_set_source (style, cr, color);
        cairo_stroke (cr);
      }
      break;
    case JLN_STATUS_DROPPED:
      jln_render_style_set_source_alpha (style, cr, color, 0.45);
      cairo_fill (cr);
      cairo_move_to (cr, x, y + h / 2);
      cairo_line_to (cr, x + w, y + h / 2);
      cairo_set_line_width (cr, lw);
      jln_render_style_set_source (style, cr, JLN_RENDER_COLOR_FOREGROUND);
      cairo_stroke (cr);
      break;
    case JLN_STATUS_DONE:
    case JLN_STATUS_DONE_NEW:
    default:
      jln_render_style_set_source (style, cr, color);
      cairo_fill (cr);
      break;
    }
  cairo_restore (cr);
}

static void
draw_legend (JlnChart             *self,
             cairo_t              *cr,
             const JlnRenderStyle *style)
{
  double em = jln_render_style_get_em (style);

  for (guint i = 0; i < self->legend->len; i++)
    {
      LegendEntry *entry = &g_array_index (self->legend, LegendEntry, i);
      double cy = entry->y + 0.7 * em;
      double sx = entry->x;

      cairo_save (cr);
      switch (entry->symbol)
        {
        case SYMBOL_TARGET:
        case SYMBOL_PLANNED:
          jln_render_style_set_source (style, cr, JLN_RENDER_COLOR_TARGET);
          cairo_set_line_width (cr, 0.2 * em);
          _jln_chart_set_dash (cr, entry->series, em);
          cairo_move_to (cr, sx, cy);
          cairo_line_to (cr, sx + 2 * em, cy);
          cairo_stroke (cr);
          if (entry->symbol == SYMBOL_PLANNED)
            {
              cairo_set_dash (cr, NULL, 0, 0);
              cairo_rectangle (cr, sx + 0.7 * em, cy - 0.3 * em, 0.6 * em, 0.6 * em);
              cairo_fill (cr);
            }
          break;
        case SYMBOL_MEASUREMENT:
        case SYMBOL_DONE:
          jln_render_style_set_source (style, cr, entry->symbol == SYMBOL_DONE
                                                  ? JLN_RENDER_COLOR_MET
                                                  : JLN_RENDER_COLOR_MEASUREMENT);
          cairo_set_line_width (cr, 0.16 * em);
          cairo_move_to (cr, sx, cy);
          cairo_line_to (cr, sx + 2 * em, cy);
          cairo_stroke (cr);
          if (entry->symbol == SYMBOL_DONE)
            {
              cairo_arc (cr, sx + em, cy, 0.32 * em, 0, 2 * G_PI);
              cairo_fill (cr);
            }
          else
            _jln_chart_draw_marker (cr, style, entry->series, sx + em, cy, 0.34 * em);
          break;
        case SYMBOL_MET:
        case SYMBOL_BEHIND:
          _jln_chart_draw_badge (cr, style, entry->symbol == SYMBOL_MET ? STATE_MET : STATE_BEHIND,
                      sx + em, cy, 0.5 * em);
          break;
        case SYMBOL_STATUS:
        default:
          draw_status_box (cr, style, entry->status, sx + 0.3 * em, cy - 0.45 * em,
                           1.4 * em, 0.9 * em, em);
          break;
        }
      cairo_restore (cr);
      _jln_chart_draw_text (cr, style, JLN_RENDER_FONT_SMALL, JLN_RENDER_COLOR_FOREGROUND, entry->label,
                 sx + 2.4 * em, entry->y + 0.15 * em, PANGO_ALIGN_LEFT, -1);
    }
}

void
_jln_chart_draw_value_axis (JlnChart             *self,
                            cairo_t              *cr,
                            const JlnRenderStyle *style)
{
  double em = jln_render_style_get_em (style);

  for (double v = 0; v <= self->y_max + 1e-9; v += self->y_step)
    {
      g_autofree char *label = _jln_chart_format_axis_value (self, style, v);
      double y = round (_jln_chart_value_y (self, v)) + 0.5;
      double h;

      jln_render_style_set_source (style, cr,
                                   v == 0 ? JLN_RENDER_COLOR_DIM : JLN_RENDER_COLOR_GRID);
      cairo_set_line_width (cr, v == 0 ? 0.08 * em : 0.05 * em);
      cairo_move_to (cr, self->plot_x, y);
      cairo_line_to (cr, self->plot_x + self->plot_w, y);
      cairo_stroke (cr);
      _jln_chart_text_size (cr, style, JLN_RENDER_FONT_SMALL, label, -1, NULL, &h);
      _jln_chart_draw_text (cr, style, JLN_RENDER_FONT_SMALL, JLN_RENDER_COLOR_DIM, label,
                 self->plot_x - 0.4 * em, y - h / 2, PANGO_ALIGN_RIGHT, -1);
    }

  for (guint i = 0; i < self->axis_labels->len; i++)
    {
      AxisLabel *label = &g_array_index (self->axis_labels, AxisLabel, i);

      _jln_chart_draw_text (cr, style, JLN_RENDER_FONT_SMALL, JLN_RENDER_COLOR_FOREGROUND, label->text,
                 label->x, self->plot_y + self->plot_h + 0.3 * em, PANGO_ALIGN_CENTER, -1);
    }
}

static const char *
row_label (JlnChart             *self,
           const JlnRenderStyle *style,
           guint                 row,
           char                **owned)
{
  JlnRecord *record = g_ptr_array_index (self->rows, row);

  if (JLN_IS_OBJECTIVE (record))
    {
      *owned = dup_objective_label (JLN_OBJECTIVE (record), style);
      return *owned;
    }
  return jln_unit_get_code (JLN_UNIT (record));
}

static void
draw_bars (JlnChart             *self,
           cairo_t              *cr,
           const JlnRenderStyle *style)
{
  double em = jln_render_style_get_em (style);
  JlnLang lang = jln_render_style_get_lang (style);

  if (self->rows->len == 0)
    {
      _jln_chart_draw_text (cr, style, JLN_RENDER_FONT_BODY, JLN_RENDER_COLOR_DIM,
                 _jln_chart_tr (style, N_("No action to count.")), 0, self->legend_height,
                 PANGO_ALIGN_LEFT, -1);
      return;
    }

  for (guint row = 0; row < self->rows_shown; row++)
    {
      g_autoptr(PangoLayout) layout = make_row_label_layout (self, cr, style, row);
      double y = self->plot_y + row * self->row_h;
      int h;

      pango_layout_get_size (layout, NULL, &h);
      jln_render_style_set_source (style, cr, JLN_RENDER_COLOR_FOREGROUND);
      cairo_move_to (cr, 0, y + (self->row_h - (double) h / PANGO_SCALE) / 2);
      pango_cairo_show_layout (cr, layout);
    }

  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = &g_array_index (self->items, Item, i);
      g_autofree char *count = jln_format_number (item->value, lang);
      double w, h;

      if (item->row >= self->rows_shown)
        continue;
      /* Overdue is marked otherwise than by colour, as on the timeline. */
      if (self->kind == JLN_CHART_STATUS && (int) item->status == STATUS_OVERDUE)
        {
          char *marked = g_strconcat ("!\u2009", count, NULL);

          g_free (count);
          count = marked;
        }
      _jln_chart_text_size (cr, style, JLN_RENDER_FONT_SMALL, count, -1, &w, &h);
      if (self->kind == JLN_CHART_STATUS)
        {
          JlnRenderColor color = status_fill (item->status);

          draw_status_box (cr, style, item->status, item->x, item->y, item->w, item->h, em);
          if (w + 0.4 * em <= item->w)
            {
              const JlnRgba *fill = jln_render_style_get_color (style, color);
              const JlnRgba *background = jln_render_style_get_color (style,
                                                                      JLN_RENDER_COLOR_BACKGROUND);
              /* Dark text on a light fill, light text on a dark one, in either scheme. */
              JlnRenderColor text_color = is_light (fill) == is_light (background)
                                          ? JLN_RENDER_COLOR_FOREGROUND
                                          : JLN_RENDER_COLOR_BACKGROUND;

              /* The numbers stand on a plain patch over hatching. */
              if ((int) item->status == STATUS_OVERDUE || item->status == JLN_STATUS_REVISED)
                {
                  cairo_rectangle (cr, item->x + item->w / 2 - w / 2 - 0.15 * em,
                                   item->y + (item->h - h) / 2, w + 0.3 * em, h);
                  jln_render_style_set_source (style, cr, color);
                  cairo_fill (cr);
                }
              _jln_chart_draw_text (cr, style, JLN_RENDER_FONT_SMALL, text_color, count,
                         item->x + item->w / 2, item->y + (item->h - h) / 2,
                         PANGO_ALIGN_CENTER, -1);
            }
        }
      else
        {
          cairo_rectangle (cr, item->x, item->y, item->w, item->h);
          jln_render_style_set_source (style, cr, JLN_RENDER_COLOR_ACCENT);
          cairo_fill (cr);
          _jln_chart_draw_text (cr, style, JLN_RENDER_FONT_SMALL, JLN_RENDER_COLOR_FOREGROUND, count,
                     item->x + item->w + 0.3 * em, item->y + (item->h - h) / 2,
                     PANGO_ALIGN_LEFT, -1);
        }
    }

  /* Totals at the end of each stacked bar. */
  if (self->kind == JLN_CHART_STATUS)
    for (guint row = 0; row < self->rows_shown; row++)
      {
        double total = 0, end = self->plot_x, h;
        g_autofree char *text = NULL;

        for (guint i = 0; i < self->items->len; i++)
          {
            Item *item = &g_array_index (self->items, Item, i);

            if (item->row == row)
              {
                total += item->value;
                end = item->x + item->w;
              }
          }
        text = jln_format_number (total, lang);
        _jln_chart_text_size (cr, style, JLN_RENDER_FONT_BOLD, text, -1, NULL, &h);
        _jln_chart_draw_text (cr, style, JLN_RENDER_FONT_BOLD, JLN_RENDER_COLOR_FOREGROUND, text,
                   end + 0.3 * em, self->plot_y + row * self->row_h + (self->row_h - h) / 2,
                   PANGO_ALIGN_LEFT, -1);
      }
}

static void
draw_rows_left_out (JlnChart             *self,
                    cairo_t              *cr,
                    const JlnRenderStyle *style)
{
  guint n = self->rows->len - self->rows_shown;
  g_autofree char *text = NULL;

  if (n == 0)
    return;
  text = g_strdup_printf (jln_translate_plural (jln_render_style_get_lang (style),
                                       /* Translators: under a bar chart cut to fit its page. */
                                       "and %u more, left out for lack of room",
                                       "and %u more, left out for lack of room", n), n);
  _jln_chart_draw_text (cr, style, JLN_RENDER_FONT_SMALL, JLN_RENDER_COLOR_DIM, text, 0,
             self->plot_y + self->plot_h + 0.2 * jln_render_style_get_em (style),
             PANGO_ALIGN_LEFT, -1);
}

/**
 * jln_chart_draw:
 *
 * Draws the chart in the rectangle (0, 0, @width, @height) of @cr, on
 * whatever is already there: the caller paints the background.
 */
void
jln_chart_draw (JlnChart             *self,
                cairo_t              *cr,
                const JlnRenderStyle *style,
                double                width,
                double                height)
{
  g_return_if_fail (JLN_IS_CHART (self));

  _jln_chart_ensure_layout (self, style, width, height);
  cairo_save (cr);
  draw_legend (self, cr, style);
  JLN_CHART_GET_CLASS (self)->paint (self, cr, style);
  cairo_restore (cr);
}

/* Items */

guint
jln_chart_get_n_items (JlnChart *self)
{
  g_return_val_if_fail (JLN_IS_CHART (self), 0);

  ensure_data (self);
  return self->items->len;
}

/**
 * jln_chart_hit_test:
 *
 * Returns: the index of the item under (@x, @y), or -1
 */
int
jln_chart_hit_test (JlnChart             *self,
                    const JlnRenderStyle *style,
                    double                width,
                    double                height,
                    double                x,
                    double                y)
{
  int found = -1;

  g_return_val_if_fail (JLN_IS_CHART (self), -1);

  _jln_chart_ensure_layout (self, style, width, height);
  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = &g_array_index (self->items, Item, i);

      if (item->w <= 0 || item->h <= 0)
        continue;
      if (x >= item->x && x < item->x + item->w && y >= item->y && y < item->y + item->h)
        {
          /* Points lie over the target steps: they win. */
          if (found < 0 || item->kind == ITEM_MEASUREMENT)
            found = i;
        }
    }
  return found;
}

gboolean
jln_chart_get_item_area (JlnChart             *self,
                         const JlnRenderStyle *style,
                         double                width,
                         double                height,
                         guint                 index,
                         cairo_rectangle_t    *area)
{
  Item *item;

  g_return_val_if_fail (JLN_IS_CHART (self), FALSE);

  _jln_chart_ensure_layout (self, style, width, height);
  if (index >= self->items->len)
    return FALSE;
  item = &g_array_index (self->items, Item, index);
  area->x = item->x;
  area->y = item->y;
  area->width = item->w;
  area->height = item->h;
  return item->w > 0 && item->h > 0;
}

/**
 * jln_chart_get_plot_area:
 *
 * Returns: whether the chart has a plot, whose area is set in @area
 */
gboolean
jln_chart_get_plot_area (JlnChart             *self,
                         const JlnRenderStyle *style,
                         double                width,
                         double                height,
                         cairo_rectangle_t    *area)
{
  g_return_val_if_fail (JLN_IS_CHART (self), FALSE);

  _jln_chart_ensure_layout (self, style, width, height);
  *area = (cairo_rectangle_t) { self->plot_x, self->plot_y, self->plot_w, self->plot_h };
  return self->plot_w > 0 && self->plot_h > 0;
}

/**
 * jln_chart_get_row_label_area:
 *
 * Where a bar chart writes the label of its @row-th bar, whole.
 *
 * Returns: whether the row is shown
 */
gboolean
jln_chart_get_row_label_area (JlnChart             *self,
                              const JlnRenderStyle *style,
                              double                width,
                              double                height,
                              guint                 row,
                              cairo_rectangle_t    *area)
{
  g_autoptr(PangoLayout) layout = NULL;
  cairo_t *cr;
  int w, h;

  g_return_val_if_fail (JLN_IS_CHART (self), FALSE);

  _jln_chart_ensure_layout (self, style, width, height);
  if ((self->kind != JLN_CHART_STATUS && self->kind != JLN_CHART_UNITS) || row >= self->rows_shown)
    return FALSE;
  cr = measuring_context ();
  layout = make_row_label_layout (self, cr, style, row);
  cairo_destroy (cr);
  pango_layout_get_size (layout, &w, &h);
  area->x = 0;
  area->width = (double) w / PANGO_SCALE;
  area->height = (double) h / PANGO_SCALE;
  area->y = self->plot_y + row * self->row_h + (self->row_h - area->height) / 2;
  return TRUE;
}

/**
 * jln_chart_get_note_area:
 *
 * Where the completions chart says how many actions done before the
 * plan's period it leaves out.
 *
 * Returns: whether the chart has such a note
 */
gboolean
jln_chart_get_note_area (JlnChart             *self,
                         const JlnRenderStyle *style,
                         double                width,
                         double                height,
                         cairo_rectangle_t    *area)
{
  g_return_val_if_fail (JLN_IS_CHART (self), FALSE);

  _jln_chart_ensure_layout (self, style, width, height);
  if (self->kind != JLN_CHART_COMPLETIONS || self->note_h <= 0)
    return FALSE;
  *area = (cairo_rectangle_t) { self->note_x, self->note_y, self->note_w, self->note_h };
  return TRUE;
}

static char *
item_text (JlnChart             *self,
           const JlnRenderStyle *style,
           const Item           *item)
{
  JlnLang lang = jln_render_style_get_lang (style);

  switch (item->kind)
    {
    case ITEM_TARGET:
      {
        g_autofree char *value = _jln_chart_format_value (self, style, item->value);
        g_autofree char *head = NULL;
        g_autofree char *tail = NULL;

        if (_jln_chart_has_named_series (self))
          /* Translators: %1$d is a year, %2$s a population, %3$s a value like “30 %”. */
          head = g_strdup_printf (_jln_chart_tr (style, N_("Target %1$d, %2$s: %3$s")), item->year,
                                  _jln_chart_series_name (self, style, item->series), value);
        else
          /* Translators: %1$d is a year, %2$s a value like “30 %”. */
          head = g_strdup_printf (_jln_chart_tr (style, N_("Target %1$d: %2$s")), item->year, value);

        if (item->state == STATE_NONE)
          /* Translators: %d is a year. */
          tail = g_strdup_printf (_jln_chart_tr (style, N_("no measurement in %d")), item->year);
        else
          {
            g_autofree char *measured = _jln_chart_format_value (self, style, item->measured);
            g_autofree char *measured_date = jln_format_date (item->measured_date, lang);

            tail = g_strdup_printf (item->state == STATE_MET
                                    /* Translators: %1$s is a value like “45 %”, %2$s a date. */
                                    ? _jln_chart_tr (style, N_("measured %1$s on %2$s: met"))
                                    /* Translators: %1$s is a value like “25 %”, %2$s a date. */
                                    : _jln_chart_tr (style, N_("measured %1$s on %2$s: behind")),
                                    measured, measured_date);
          }
        /* Translators: a target and how it stands, like “Target 2022: 30 %” and
         * “measured 45 % on 2022-12-31: met”. */
        return g_strdup_printf (_jln_chart_tr (style, N_("%1$s; %2$s")), head, tail);
      }
    case ITEM_MEASUREMENT:
      {
        g_autofree char *value = _jln_chart_format_value (self, style, item->value);
        g_autofree char *date = jln_format_date (item->date, lang);
        g_autofree char *text = NULL;
        const char *note = _jln_chart_text_in (&item->text, style);

        if (_jln_chart_has_named_series (self))
          /* Translators: %1$s is a date, %2$s a population, %3$s a value like “45 %”. */
          text = g_strdup_printf (_jln_chart_tr (style, N_("Measured on %1$s, %2$s: %3$s")), date,
                                  _jln_chart_series_name (self, style, item->series), value);
        else
          /* Translators: %1$s is a date, %2$s a value like “45 %”. */
          text = g_strdup_printf (_jln_chart_tr (style, N_("Measured on %1$s: %2$s")), date, value);
        if (*note != '\0')
          return g_strdup_printf ("%s (%s)", text, note);
        return g_steal_pointer (&text);
      }
    case ITEM_TEXT_TARGET:
      /* Translators: %1$d is a year, %2$s a target in words. */
      return g_strdup_printf (_jln_chart_tr (style, N_("Target %1$d: %2$s")), item->year,
                              _jln_chart_text_in (&item->text, style));
    case ITEM_SEGMENT:
      {
        JlnObjective *objective = g_ptr_array_index (self->rows, item->row);

        return g_strdup_printf (jln_translate_plural (lang,
                                             /* Translators: %1$s is an objective number, %2$s
                                                its title, %3$s a status, %4$u a count. */
                                             "Objective %1$s, %2$s — %3$s: %4$u action",
                                             "Objective %1$s, %2$s — %3$s: %4$u actions",
                                             (gulong) item->value),
                                jln_objective_get_number (objective),
                                _jln_chart_text_in (jln_objective_get_title (objective), style),
                                _jln_chart_status_label (style, item->status), (guint) item->value);
      }
    case ITEM_SEMESTER:
      {
        g_autofree char *semester = jln_semester_format (item->semester, JLN_SEMESTER_STYLE_LONG,
                                                         lang);

        /* Translators: %1$s is a semester, %2$u and %3$u counts of actions. */
        return g_strdup_printf (_jln_chart_tr (style, N_("%1$s — done: %2$u, planned: %3$u")),
                                semester, (guint) item->value, (guint) item->planned);
      }
    case ITEM_UNIT:
      {
        JlnUnit *unit = g_ptr_array_index (self->rows, item->row);
        const char *name = _jln_chart_text_in (jln_unit_get_name (unit), style);

        if (*name == '\0' || g_strcmp0 (name, jln_unit_get_code (unit)) == 0)
          return g_strdup_printf (jln_translate_plural (lang,
                                               /* Translators: %1$s is a unit code, %2$u a count. */
                                               "%1$s: %2$u action", "%1$s: %2$u actions",
                                               (gulong) item->value),
                                  jln_unit_get_code (unit), (guint) item->value);
        return g_strdup_printf (jln_translate_plural (lang,
                                             /* Translators: %1$s is a unit code, %2$s its name,
                                                %3$u a count. */
                                             "%1$s (%2$s): %3$u action", "%1$s (%2$s): %3$u actions",
                                             (gulong) item->value),
                                jln_unit_get_code (unit), name, (guint) item->value);
      }
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * jln_chart_dup_item_text:
 *
 * Returns: (transfer full): what item @index stands for, with its values,
 *   as a tooltip or a screen reader says it
 */
char *
jln_chart_dup_item_text (JlnChart             *self,
                         const JlnRenderStyle *style,
                         guint                 index)
{
  g_return_val_if_fail (JLN_IS_CHART (self), NULL);

  ensure_data (self);
  g_return_val_if_fail (index < self->items->len, NULL);
  return item_text (self, style, &g_array_index (self->items, Item, index));
}

/**
 * jln_chart_get_item_query:
 *
 * Returns: (nullable): the query that selects the actions of a bar, or
 *   %NULL for an item that does not stand for actions
 */
const char *
jln_chart_get_item_query (JlnChart *self,
                          guint     index)
{
  g_return_val_if_fail (JLN_IS_CHART (self), NULL);

  ensure_data (self);
  g_return_val_if_fail (index < self->items->len, NULL);
  return g_array_index (self->items, Item, index).query;
}

/**
 * jln_chart_get_item_record:
 *
 * Returns: (transfer none) (nullable): the target or measurement that
 *   item @index of an indicator chart stands for
 */
JlnRecord *
jln_chart_get_item_record (JlnChart *self,
                           guint     index)
{
  g_return_val_if_fail (JLN_IS_CHART (self), NULL);

  ensure_data (self);
  g_return_val_if_fail (index < self->items->len, NULL);
  return g_array_index (self->items, Item, index).record;
}

/**
 * jln_chart_dup_title:
 *
 * Returns: (transfer full): the chart's title, in the style's language
 */
char *
jln_chart_dup_title (JlnChart             *self,
                     const JlnRenderStyle *style)
{
  g_return_val_if_fail (JLN_IS_CHART (self), NULL);

  return JLN_CHART_GET_CLASS (self)->dup_title (self, style);
}

/**
 * jln_chart_dup_description:
 *
 * Returns: (transfer full): the chart in words, with all its numbers,
 *   for screen readers
 */
char *
jln_chart_dup_description (JlnChart             *self,
                           const JlnRenderStyle *style)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *title = NULL;

  g_return_val_if_fail (JLN_IS_CHART (self), NULL);

  ensure_data (self);
  title = jln_chart_dup_title (self, style);
  g_string_append (out, title);
  g_string_append (out, ". ");

  if (JLN_CHART_GET_CLASS (self)->describe != NULL)
    JLN_CHART_GET_CLASS (self)->describe (self, style, out);
  else if (self->items->len == 0)
    g_string_append (out, _jln_chart_tr (style, N_("No action to count.")));

  for (guint i = 0; i < self->items->len; i++)
    {
      g_autofree char *text = item_text (self, style, &g_array_index (self->items, Item, i));

      g_string_append (out, text);
      g_string_append (out, i + 1 < self->items->len ? ". " : ".");
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

guint
jln_chart_get_n_axis_labels (JlnChart             *self,
                             const JlnRenderStyle *style,
                             double                width,
                             double                height)
{
  g_return_val_if_fail (JLN_IS_CHART (self), 0);

  _jln_chart_ensure_layout (self, style, width, height);
  return self->axis_labels->len;
}

/**
 * jln_chart_get_axis_label:
 * @x: (out) (optional): the centre of the label
 *
 * Returns: a label of the x axis, from the last layout
 */
const char *
jln_chart_get_axis_label (JlnChart *self,
                          guint     index,
                          double   *x)
{
  AxisLabel *label;

  g_return_val_if_fail (JLN_IS_CHART (self), NULL);
  g_return_val_if_fail (index < self->axis_labels->len, NULL);

  label = &g_array_index (self->axis_labels, AxisLabel, index);
  if (x != NULL)
    *x = label->x;
  return label->text;
}

/* The kinds of chart */

void
_jln_chart_bars_paint (JlnChart             *self,
                       cairo_t              *cr,
                       const JlnRenderStyle *style)
{
  draw_bars (self, cr, style);
  draw_rows_left_out (self, cr, style);
}
