/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "jln-action-item.h"
#include "jln-action.h"
#include "jln-chart-private.h"
#include "jln-i18n.h"
#include "jln-measurement.h"
#include "jln-objective.h"
#include "jln-semester-axis.h"
#include "jln-target.h"
#include "jln-unit.h"

/* An indicator's chart: its targets by year against its measurements,
 * one line per population, or its text targets listed beside the plot. */

/* Data */

static gboolean
same_series (const JlnText *a,
             const JlnText *b)
{
  if (jln_text_is_empty (a) || jln_text_is_empty (b))
    return jln_text_is_empty (a) && jln_text_is_empty (b);
  return (a->fr != NULL && g_strcmp0 (a->fr, b->fr) == 0) ||
         (a->en != NULL && g_strcmp0 (a->en, b->en) == 0);
}

static guint
find_series (JlnChart      *self,
             const JlnText *name)
{
  JlnText *copy;

  for (guint i = 0; i < self->series->len; i++)
    if (same_series (g_ptr_array_index (self->series, i), name))
      return i;

  copy = g_new0 (JlnText, 1);
  copy->fr = g_strdup (name->fr);
  copy->en = g_strdup (name->en);
  g_ptr_array_add (self->series, copy);
  return self->series->len - 1;
}

static gboolean
parse_date (const char *date,
            int        *year,
            int        *month,
            int        *day)
{
  if (!jln_date_parse (date, year, month, day) || *month == 0)
    return FALSE;
  if (*day == 0)
    *day = 1;
  return TRUE;
}

/* A date as a fraction of years, to place it on the axis. */
static double
date_position (const char *date)
{
  int year, month, day;

  if (!parse_date (date, &year, &month, &day))
    return NAN;
  return year + ((month - 1) + (day - 0.5) / 31.0) / 12.0;
}

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  const Item *x = a;
  const Item *y = b;

  if (x->kind != y->kind)
    return x->kind < y->kind ? -1 : 1;
  if (x->series != y->series)
    return x->series < y->series ? -1 : 1;
  if (x->kind == ITEM_MEASUREMENT)
    return g_strcmp0 (x->date, y->date);
  return x->year < y->year ? -1 : x->year > y->year;
}

static void
read_indicator (JlnChart *self)
{
  GListModel *targets = jln_indicator_get_targets (self->indicator);
  GListModel *measurements = jln_indicator_get_measurements (self->indicator);
  JlnSemester start = jln_plan_get_start (self->plan);
  JlnSemester end = jln_plan_get_end (self->plan);
  int first = G_MAXINT, last = G_MININT;

  for (guint i = 0; i < g_list_model_get_n_items (targets); i++)
    {
      g_autoptr(JlnTarget) target = g_list_model_get_item (targets, i);
      Item item = { 0 };
      const JlnText *text = jln_target_get_text (target);

      item.year = jln_target_get_year (target);
      item.value = jln_target_get_value (target);
      item.measured = NAN;
      if (isnan (item.value))
        {
          if (jln_text_is_empty (text))
            continue;
          item.kind = ITEM_TEXT_TARGET;
          item.text.fr = g_strdup (text->fr);
          item.text.en = g_strdup (text->en);
          self->n_text_targets++;
        }
      else
        {
          item.kind = ITEM_TARGET;
          item.series = find_series (self, jln_target_get_series (target));
          self->max_value = MAX (self->max_value, item.value);
        }
      item.record = g_object_ref (JLN_RECORD (target));
      first = MIN (first, item.year);
      last = MAX (last, item.year);
      g_array_append_val (self->items, item);
    }

  for (guint i = 0; i < g_list_model_get_n_items (measurements); i++)
    {
      g_autoptr(JlnMeasurement) measurement = g_list_model_get_item (measurements, i);
      const JlnText *note = jln_measurement_get_note (measurement);
      Item item = { 0 };
      int year, month, day;

      if (!parse_date (jln_measurement_get_date (measurement), &year, &month, &day))
        continue;
      item.kind = ITEM_MEASUREMENT;
      item.record = g_object_ref (JLN_RECORD (measurement));
      item.date = g_strdup (jln_measurement_get_date (measurement));
      item.year = year;
      item.value = jln_measurement_get_value (measurement);
      item.series = find_series (self, jln_measurement_get_series (measurement));
      item.text.fr = g_strdup (note->fr);
      item.text.en = g_strdup (note->en);
      item.measured = NAN;
      if (!isnan (item.value))
        self->max_value = MAX (self->max_value, item.value);
      first = MIN (first, year);
      last = MAX (last, year);
      self->n_measurements++;
      g_array_append_val (self->items, item);
    }

  if (start != JLN_SEMESTER_NONE)
    first = MIN (first, (int) jln_semester_get_year (start));
  if (end != JLN_SEMESTER_NONE)
    last = MAX (last, (int) jln_semester_get_year (end));
  if (first > last)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      first = last = g_date_time_get_year (now);
    }
  self->first_year = first;
  self->last_year = last;

  g_array_sort (self->items, compare_items);

  /* A target is met when the last measurement of its year, for the same
   * population, reaches it. */
  for (guint i = 0; i < self->items->len; i++)
    {
      Item *target = &g_array_index (self->items, Item, i);

      if (target->kind != ITEM_TARGET)
        continue;
      for (guint j = 0; j < self->items->len; j++)
        {
          Item *m = &g_array_index (self->items, Item, j);

          if (m->kind != ITEM_MEASUREMENT || m->series != target->series ||
              m->year != target->year || isnan (m->value))
            continue;
          if (target->measured_date == NULL || g_strcmp0 (m->date, target->measured_date) >= 0)
            {
              g_free (target->measured_date);
              target->measured_date = g_strdup (m->date);
              target->measured = m->value;
            }
        }
      if (target->measured_date != NULL)
        target->state = target->measured >= target->value - 1e-9 ? STATE_MET : STATE_BEHIND;
    }
}

static void
indicator_build_legend (JlnChart             *self,
                        const JlnRenderStyle *style)
{
  if (jln_indicator_get_kind (self->indicator) == JLN_INDICATOR_KIND_TEXT)
    return;
  if (_jln_chart_has_named_series (self))
    for (guint i = 0; i < self->series->len; i++)
      {
        g_autofree char *target = NULL;

        /* Translators: the target line of one population, like “Target: Unit directors”. */
        target = g_strdup_printf (_jln_chart_tr (style, N_("Target: %s")), _jln_chart_series_name (self, style, i));
        _jln_chart_add_legend (self, SYMBOL_TARGET, i, 0, target);
      }
  else
    _jln_chart_add_legend (self, SYMBOL_TARGET, 0, 0, _jln_chart_tr (style, N_("Target")));
  if (_jln_chart_has_named_series (self))
    for (guint i = 0; i < self->series->len; i++)
      {
        g_autofree char *measured = NULL;

        /* Translators: the measurements of one population, like “Measured: Unit directors”. */
        measured = g_strdup_printf (_jln_chart_tr (style, N_("Measured: %s")),
                                    _jln_chart_series_name (self, style, i));
        _jln_chart_add_legend (self, SYMBOL_MEASUREMENT, i, 0, measured);
      }
  else
    _jln_chart_add_legend (self, SYMBOL_MEASUREMENT, 0, 0, _jln_chart_tr (style, N_("Measured")));
  /* Translators: a target reached, in a chart legend. */
  _jln_chart_add_legend (self, SYMBOL_MET, 0, 0, _jln_chart_tr (style, N_("met")));
  /* Translators: a target not reached, in a chart legend. */
  _jln_chart_add_legend (self, SYMBOL_BEHIND, 0, 0, _jln_chart_tr (style, N_("behind")));
}

/* The years of an indicator, or the semesters of completions, along the
 * plot's width: the same axis as the timeline's. */
static double
year_x (JlnChart *self,
        double    year)
{
  int first = CLAMP (self->first_year, JLN_SEMESTER_MIN_YEAR, JLN_SEMESTER_MAX_YEAR);
  int last = CLAMP (self->last_year, first, JLN_SEMESTER_MAX_YEAR);
  JlnSemesterAxis axis;

  jln_semester_axis_init_span (&axis, jln_semester_new (first, 1), jln_semester_new (last, 2),
                               self->plot_x, self->plot_w);
  return jln_semester_axis_get_year_x (&axis, year - self->first_year + first);
}

static gboolean
is_text_indicator (JlnChart *self)
{
  return self->indicator != NULL &&
         jln_indicator_get_kind (self->indicator) == JLN_INDICATOR_KIND_TEXT;
}

static char *
text_target_line (JlnChart             *self,
                  const JlnRenderStyle *style,
                  const Item           *item)
{
  if (item->kind == ITEM_TEXT_TARGET)
    return g_strdup_printf ("%d — %s", item->year, _jln_chart_text_in (&item->text, style));
  {
    g_autofree char *value = _jln_chart_format_value (self, style, item->value);
    const char *note = _jln_chart_text_in (&item->text, style);

    g_autofree char *date = jln_format_date (item->date, jln_render_style_get_lang (style));

    if (isnan (item->value))
      return g_strdup_printf ("%s — %s", date, note);
    if (*note != '\0')
      return g_strdup_printf ("%s — %s (%s)", date, value, note);
    return g_strdup_printf ("%s — %s", date, value);
  }
}

/* The list of text targets (and, for a text indicator, of measurements)
 * beside or instead of the plot. */
static double
layout_side_list (JlnChart             *self,
                  cairo_t              *cr,
                  const JlnRenderStyle *style,
                  double                x,
                  double                y,
                  double                width)
{
  double em = jln_render_style_get_em (style);
  double heading_h;

  _jln_chart_text_size (cr, style, JLN_RENDER_FONT_BOLD, _jln_chart_tr (style, N_("Targets in words")), width,
             NULL, &heading_h);
  y += heading_h + 0.3 * em;
  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = &g_array_index (self->items, Item, i);
      g_autofree char *line = NULL;
      double h;

      if (item->kind != ITEM_TEXT_TARGET &&
          !(is_text_indicator (self) && item->kind == ITEM_MEASUREMENT))
        continue;
      line = text_target_line (self, style, item);
      _jln_chart_text_size (cr, style, JLN_RENDER_FONT_SMALL, line, width, NULL, &h);
      item->x = x;
      item->y = y;
      item->w = width;
      item->h = h;
      y += h + 0.3 * em;
    }
  return y;
}

static const char *
empty_note (const JlnRenderStyle *style)
{
  /* Printed and exported too: nothing about buttons of the window, which
   * the Indicators page says beside the chart. */
  return _jln_chart_tr (style, N_("No measurement yet."));
}

static void
layout_indicator (JlnChart             *self,
                  cairo_t              *cr,
                  const JlnRenderStyle *style,
                  double                width,
                  double                height)
{
  double em = jln_render_style_get_em (style);
  double axis_w, axis_h, top;
  guint n_years;

  if (is_text_indicator (self))
    {
      self->note_h = 0;
      self->plot_w = 0;
      self->side_x = 0;
      self->side_w = width;
      layout_side_list (self, cr, style, 0, self->legend_height, width);
      return;
    }

  if (_jln_chart_is_percentage (self))
    {
      self->y_max = 100;
      self->y_step = 20;
    }
  else
    {
      self->y_step = _jln_chart_nice_step (self->max_value * 1.1, 5);
      self->y_max = MAX (self->y_step, ceil (self->max_value * 1.1 / self->y_step) * self->y_step);
    }

  {
    g_autofree char *widest = _jln_chart_format_axis_value (self, style, self->y_max);

    _jln_chart_text_size (cr, style, JLN_RENDER_FONT_SMALL, widest, -1, &axis_w, &axis_h);
  }

  self->side_w = self->n_text_targets > 0 ? MIN (16 * em, width * 0.3) : 0;
  self->side_x = width - self->side_w;

  /* Room on the right for the last values and the populations' names. */
  self->right_w = 5 * em;
  if (_jln_chart_has_named_series (self))
    for (guint i = 0; i < self->series->len; i++)
      {
        double w;

        _jln_chart_text_size (cr, style, JLN_RENDER_FONT_SMALL, _jln_chart_series_name (self, style, i), -1, &w, NULL);
        self->right_w = MAX (self->right_w, MIN (w + 0.8 * em, 14 * em));
      }
  top = self->legend_height;
  self->plot_x = axis_w + 0.6 * em;
  self->plot_w = MAX (4 * em, width - self->side_w - (self->side_w > 0 ? 1.5 * em : 0)
                              - self->plot_x - self->right_w);

  /* With nothing measured, how to begin, above the plot: never over a target. */
  self->note_h = 0;
  if (self->n_measurements == 0)
    {
      _jln_chart_text_size (cr, style, JLN_RENDER_FONT_BODY, empty_note (style), self->plot_w, NULL,
                 &self->note_h);
      self->note_y = top;
      top += self->note_h + 0.6 * em;
    }
  top += 1.8 * em;   /* room for badges above the highest target */
  self->plot_y = top;
  self->plot_h = MAX (3 * em, height - top - axis_h - 1.0 * em);

  n_years = self->last_year - self->first_year + 1;
  for (guint i = 0; i < n_years; i++)
    {
      g_autofree char *year = g_strdup_printf ("%d", self->first_year + (int) i);

      _jln_chart_add_axis_label (self, year, year_x (self, self->first_year + i + 0.5));
    }

  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = &g_array_index (self->items, Item, i);

      switch (item->kind)
        {
        case ITEM_TARGET:
          item->x = year_x (self, item->year);
          item->w = year_x (self, item->year + 1) - item->x;
          item->px = item->x + item->w / 2;
          item->py = _jln_chart_value_y (self, item->value) - 1.1 * em;
          item->y = item->py - 0.7 * em;
          item->h = _jln_chart_value_y (self, item->value) + 0.5 * em - item->y;
          break;
        case ITEM_MEASUREMENT:
          item->px = year_x (self, date_position (item->date));
          item->py = _jln_chart_value_y (self, isnan (item->value) ? 0 : item->value);
          item->x = item->px - 0.7 * em;
          item->y = item->py - 0.7 * em;
          item->w = item->h = 1.4 * em;
          break;
        default:
          break;
        }
    }

  if (self->side_w > 0)
    layout_side_list (self, cr, style, self->side_x, self->plot_y, self->side_w);
}

static double
indicator_measure (JlnChart             *self,
                   const JlnRenderStyle *style,
                   double                width)
{
  double em = jln_render_style_get_em (style);
  double plot_h = CLAMP (width * 0.32, 12 * em, 20 * em);
  double side_bottom = 0;

  if (is_text_indicator (self))
    {
      double bottom = 0;

      _jln_chart_ensure_layout (self, style, width, 0);
      for (guint i = 0; i < self->items->len; i++)
        {
          Item *item = &g_array_index (self->items, Item, i);

          if (item->h > 0)
            bottom = MAX (bottom, item->y + item->h);
        }
      return MAX (bottom, self->legend_height + 3 * em) + 0.5 * em;
    }

  _jln_chart_ensure_layout (self, style, width, plot_h + 6 * em);
  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = &g_array_index (self->items, Item, i);

      if (item->kind == ITEM_TEXT_TARGET)
        side_bottom = MAX (side_bottom, item->y + item->h);
    }
  return MAX (self->legend_height + self->note_h + plot_h + 4.5 * em, side_bottom + 0.5 * em);
}

static void
draw_side_list (JlnChart             *self,
                cairo_t              *cr,
                const JlnRenderStyle *style)
{
  double em = jln_render_style_get_em (style);
  gboolean any = FALSE;

  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = &g_array_index (self->items, Item, i);
      g_autofree char *line = NULL;
      g_autoptr(PangoLayout) layout = NULL;

      if (item->kind != ITEM_TEXT_TARGET &&
          !(is_text_indicator (self) && item->kind == ITEM_MEASUREMENT))
        continue;
      if (!any)
        {
          double heading_h;

          _jln_chart_text_size (cr, style, JLN_RENDER_FONT_BOLD, _jln_chart_tr (style, N_("Targets in words")),
                     self->side_w, NULL, &heading_h);
          _jln_chart_draw_text (cr, style, JLN_RENDER_FONT_BOLD, JLN_RENDER_COLOR_FOREGROUND,
                     _jln_chart_tr (style, N_("Targets in words")), item->x, item->y - heading_h - 0.3 * em,
                     PANGO_ALIGN_LEFT, self->side_w);
          any = TRUE;
        }
      line = text_target_line (self, style, item);
      layout = _jln_chart_make_layout (cr, style, JLN_RENDER_FONT_SMALL, line, item->w);
      jln_render_style_set_source (style, cr, item->kind == ITEM_MEASUREMENT
                                              ? JLN_RENDER_COLOR_MEASUREMENT
                                              : JLN_RENDER_COLOR_FOREGROUND);
      cairo_move_to (cr, item->x, item->y);
      pango_cairo_show_layout (cr, layout);
    }

  if (!any && is_text_indicator (self))
    _jln_chart_draw_text (cr, style, JLN_RENDER_FONT_BODY, JLN_RENDER_COLOR_DIM,
               _jln_chart_tr (style, N_("No target yet.")), 0, self->legend_height, PANGO_ALIGN_LEFT, -1);
}

static void
draw_empty_note (JlnChart             *self,
                 cairo_t              *cr,
                 const JlnRenderStyle *style)
{
  g_autoptr(PangoLayout) layout = _jln_chart_make_layout (cr, style, JLN_RENDER_FONT_BODY,
                                               empty_note (style), self->plot_w);

  jln_render_style_set_source (style, cr, JLN_RENDER_COLOR_DIM);
  cairo_move_to (cr, self->plot_x, self->note_y);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_indicator (JlnChart             *self,
                cairo_t              *cr,
                const JlnRenderStyle *style)
{
  double em = jln_render_style_get_em (style);

  if (is_text_indicator (self))
    {
      draw_side_list (self, cr, style);
      return;
    }

  /* Bands for every other year. */
  for (int year = self->first_year; year <= self->last_year; year++)
    if ((year - self->first_year) % 2 == 1)
      {
        jln_render_style_set_source (style, cr, JLN_RENDER_COLOR_BAND);
        cairo_rectangle (cr, year_x (self, year), self->plot_y,
                         year_x (self, year + 1) - year_x (self, year), self->plot_h);
        cairo_fill (cr);
      }
  _jln_chart_draw_value_axis (self, cr, style);

  /* Targets, as steps. */
  for (guint s = 0; s < self->series->len; s++)
    {
      gboolean started = FALSE;
      double last_x = 0, last_y = 0;
      int last_year = 0;

      cairo_save (cr);
      jln_render_style_set_source (style, cr, JLN_RENDER_COLOR_TARGET);
      cairo_set_line_width (cr, 0.2 * em);
      _jln_chart_set_dash (cr, s, em);
      for (guint i = 0; i < self->items->len; i++)
        {
          Item *item = &g_array_index (self->items, Item, i);
          double y;

          if (item->kind != ITEM_TARGET || item->series != s)
            continue;
          y = _jln_chart_value_y (self, item->value);
          if (started && item->year == last_year + 1)
            cairo_line_to (cr, last_x, y);
          else
            cairo_move_to (cr, item->x, y);
          cairo_line_to (cr, item->x + item->w, y);
          started = TRUE;
          last_x = item->x + item->w;
          last_y = y;
          last_year = item->year;
        }
      cairo_stroke (cr);
      cairo_restore (cr);

      if (started && _jln_chart_has_named_series (self))
        _jln_chart_draw_text (cr, style, JLN_RENDER_FONT_SMALL, JLN_RENDER_COLOR_TARGET,
                   _jln_chart_series_name (self, style, s), last_x + 0.3 * em, last_y - 0.7 * em,
                   PANGO_ALIGN_LEFT, self->right_w - 0.4 * em);
    }

  /* Target values and, where measured, whether they are met. */
  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = &g_array_index (self->items, Item, i);
      g_autofree char *value = NULL;
      double line_y;

      if (item->kind != ITEM_TARGET)
        continue;
      value = _jln_chart_format_value (self, style, item->value);
      line_y = _jln_chart_value_y (self, item->value);
      _jln_chart_draw_text (cr, style, JLN_RENDER_FONT_SMALL, JLN_RENDER_COLOR_TARGET, value,
                 item->x + 0.3 * em, line_y + 0.2 * em, PANGO_ALIGN_LEFT, -1);
      if (item->state != STATE_NONE)
        {
          const char *word = item->state == STATE_MET ? _jln_chart_tr (style, N_("met"))
                                                      : _jln_chart_tr (style, N_("behind"));
          double word_w;

          _jln_chart_text_size (cr, style, JLN_RENDER_FONT_BOLD, word, -1, &word_w, NULL);
          _jln_chart_draw_badge (cr, style, item->state, item->px - word_w / 2 - 0.2 * em, item->py,
                      0.55 * em);
          _jln_chart_draw_text (cr, style, JLN_RENDER_FONT_BOLD,
                     item->state == STATE_MET ? JLN_RENDER_COLOR_MET : JLN_RENDER_COLOR_BEHIND,
                     word, item->px + 0.55 * em - word_w / 2, item->py - 0.65 * em,
                     PANGO_ALIGN_LEFT, -1);
        }
    }

  /* Measurements, as a line with points, the last value labelled. */
  for (guint s = 0; s < self->series->len; s++)
    {
      Item *last = NULL;

      cairo_save (cr);
      jln_render_style_set_source (style, cr, JLN_RENDER_COLOR_MEASUREMENT);
      cairo_set_line_width (cr, 0.16 * em);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      cairo_new_path (cr);
      for (guint i = 0; i < self->items->len; i++)
        {
          Item *item = &g_array_index (self->items, Item, i);

          if (item->kind != ITEM_MEASUREMENT || item->series != s || isnan (item->value))
            continue;
          if (last == NULL)
            cairo_move_to (cr, item->px, item->py);
          else
            cairo_line_to (cr, item->px, item->py);
          last = item;
        }
      cairo_stroke (cr);
      cairo_restore (cr);

      for (guint i = 0; i < self->items->len; i++)
        {
          Item *item = &g_array_index (self->items, Item, i);

          if (item->kind == ITEM_MEASUREMENT && item->series == s && !isnan (item->value))
            _jln_chart_draw_marker (cr, style, s, item->px, item->py, 0.45 * em);
        }

      if (last != NULL)
        {
          g_autofree char *value = _jln_chart_format_value (self, style, last->value);
          double w, h;

          _jln_chart_text_size (cr, style, JLN_RENDER_FONT_BOLD, value, -1, &w, &h);
          cairo_rectangle (cr, last->px + 0.55 * em, last->py - h / 2, w + 0.3 * em, h);
          jln_render_style_set_source_alpha (style, cr, JLN_RENDER_COLOR_BACKGROUND, 0.85);
          cairo_fill (cr);
          _jln_chart_draw_text (cr, style, JLN_RENDER_FONT_BOLD, JLN_RENDER_COLOR_MEASUREMENT, value,
                     last->px + 0.7 * em, last->py - h / 2, PANGO_ALIGN_LEFT, -1);
        }
    }

  if (self->n_measurements == 0)
    draw_empty_note (self, cr, style);
  if (self->side_w > 0)
    draw_side_list (self, cr, style);
}

static char *
indicator_dup_title (JlnChart             *self,
                     const JlnRenderStyle *style)
{
  /* Translators: %1$d is the indicator's number, %2$s its title. */
  return g_strdup_printf (_jln_chart_tr (style, N_("Indicator %1$d: %2$s")),
                          jln_indicator_get_number (self->indicator),
                          _jln_chart_text_in (jln_indicator_get_title (self->indicator), style));
}

static void
indicator_describe (JlnChart             *self,
                    const JlnRenderStyle *style,
                    GString              *out)
{
  const char *measure = _jln_chart_text_in (jln_indicator_get_measure (self->indicator), style);

  if (*measure != '\0')
    {
      g_string_append (out, measure);
      g_string_append (out, ". ");
    }
  if (self->n_measurements == 0)
    {
      g_string_append (out, _jln_chart_tr (style, N_("No measurement yet.")));
      g_string_append_c (out, ' ');
    }
}

struct _JlnIndicatorChart
{
  JlnChart parent_instance;
};

G_DEFINE_FINAL_TYPE (JlnIndicatorChart, jln_indicator_chart, JLN_TYPE_CHART)

static void
jln_indicator_chart_class_init (JlnIndicatorChartClass *klass)
{
  JlnChartClass *chart_class = JLN_CHART_CLASS (klass);

  chart_class->read = read_indicator;
  chart_class->build_legend = indicator_build_legend;
  chart_class->layout = layout_indicator;
  chart_class->measure = indicator_measure;
  chart_class->paint = draw_indicator;
  chart_class->dup_title = indicator_dup_title;
  chart_class->describe = indicator_describe;
}

static void
jln_indicator_chart_init (JlnIndicatorChart *self)
{
}
