/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include "jln-gettext.h"
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

/* Completions over time: actions done by each semester of the plan
 * against those due by then. */

static void
read_completions (JlnChart *self)
{
  GListModel *objectives = jln_plan_get_objectives (self->plan);
  JlnSemester today = jln_semester_today ();
  JlnSemester first = jln_plan_get_start (self->plan);
  JlnSemester last = jln_plan_get_end (self->plan);
  g_autoptr(GArray) dues = g_array_new (FALSE, FALSE, sizeof (JlnSemester));
  g_autoptr(GArray) dones = g_array_new (FALSE, FALSE, sizeof (JlnSemester));
  JlnSemester min_due = JLN_SEMESTER_NONE, max_due = JLN_SEMESTER_NONE;

  for (guint i = 0; i < g_list_model_get_n_items (objectives); i++)
    {
      g_autoptr(JlnObjective) objective = g_list_model_get_item (objectives, i);
      GListModel *actions = jln_objective_get_actions (objective);

      for (guint j = 0; j < g_list_model_get_n_items (actions); j++)
        {
          g_autoptr(JlnAction) action = g_list_model_get_item (actions, j);
          JlnSemester due = jln_action_get_due (action);

          if (!_jln_chart_action_counts (self, action, today))
            continue;
          if (due != JLN_SEMESTER_NONE)
            {
              g_array_append_val (dues, due);
              min_due = min_due == JLN_SEMESTER_NONE ? due : MIN (min_due, due);
              max_due = MAX (max_due, due);
            }
          if (jln_status_is_done (jln_action_get_status (action)))
            {
              JlnSemester done = jln_completion_get_last (jln_action_get_completion (action));

              g_array_append_val (dones, done);
            }
        }
    }

  if (first == JLN_SEMESTER_NONE)
    first = min_due;
  if (last == JLN_SEMESTER_NONE)
    last = max_due;
  if (first == JLN_SEMESTER_NONE || last == JLN_SEMESTER_NONE || last < first)
    first = last = today;
  self->first_semester = first;
  self->last_semester = last;

  /* Within the plan's period only: what was done or due before it would
   * make the plan look ahead from its first semester. Actions done before
   * are counted apart, and said. */
  self->n_done_before = 0;
  for (guint i = 0; i < dones->len; i++)
    {
      JlnSemester done = g_array_index (dones, JlnSemester, i);

      if (done != JLN_SEMESTER_NONE && done < first)
        self->n_done_before++;
    }
  for (JlnSemester s = first; s <= last; s++)
    {
      Item item = { 0 };

      item.kind = ITEM_SEMESTER;
      item.semester = s;
      for (guint i = 0; i < dues->len; i++)
        {
          JlnSemester due = g_array_index (dues, JlnSemester, i);

          if (due >= first && due <= s)
            item.planned++;
        }
      for (guint i = 0; i < dones->len; i++)
        {
          JlnSemester done = g_array_index (dones, JlnSemester, i);

          /* Done with no date: counted from the first semester. */
          if (done == JLN_SEMESTER_NONE || (done >= first && done <= s))
            item.value++;
        }
      self->max_value = MAX (self->max_value, MAX (item.planned, item.value));
      g_array_append_val (self->items, item);
    }
}

static void
completions_build_legend (JlnChart             *self,
                          const JlnRenderStyle *style)
{
  /* Translators: a line of a chart: actions due by each semester. */
  _jln_chart_add_legend (self, SYMBOL_PLANNED, 0, 0, _jln_chart_tr (style, N_("Planned (due by then)")));
  /* Translators: a line of a chart: actions completed by each semester. */
  _jln_chart_add_legend (self, SYMBOL_DONE, 0, 0, _jln_chart_tr (style, N_("Done")));
}

/* "12 actions done before 1st sem. 2021 are not counted." */
static char *
dup_done_before (JlnChart             *self,
                 const JlnRenderStyle *style)
{
  JlnLang lang = jln_render_style_get_lang (style);
  g_autofree char *first = jln_semester_format (self->first_semester, JLN_SEMESTER_STYLE_LONG, lang);

  return g_strdup_printf (jln_translate_plural (lang,
                                                /* Translators: %1$u is a number of actions, %2$s
                                                   the plan's first semester. */
                                                "%1$u action done before %2$s is not counted.",
                                                "%1$u actions done before %2$s are not counted.",
                                                self->n_done_before),
                          self->n_done_before, first);
}

static double
semester_x (JlnChart    *self,
            JlnSemester  semester)
{
  JlnSemesterAxis axis;

  jln_semester_axis_init_span (&axis, self->first_semester, self->last_semester,
                               self->plot_x, self->plot_w);
  return jln_semester_axis_get_center_x (&axis, semester);
}

static void
layout_completions (JlnChart             *self,
                    cairo_t              *cr,
                    const JlnRenderStyle *style,
                    double                width,
                    double                height)
{
  double em = jln_render_style_get_em (style);
  JlnLang lang = jln_render_style_get_lang (style);
  double axis_w, axis_h, label_w = 0;
  guint n = self->last_semester - self->first_semester + 1;
  guint every = 1;

  self->y_step = _jln_chart_nice_step (self->max_value * 1.05, 5);
  self->y_max = MAX (self->y_step, ceil (self->max_value * 1.05 / self->y_step) * self->y_step);
  {
    g_autofree char *widest = jln_format_number (self->y_max, lang);

    _jln_chart_text_size (cr, style, JLN_RENDER_FONT_SMALL, widest, -1, &axis_w, &axis_h);
  }
  self->plot_x = axis_w + 0.6 * em;
  self->plot_w = MAX (4 * em, width - self->plot_x - 7 * em);
  /* What was done before the plan's period is said on lines of their
   * own above the plot, clear of its top line and of "today". */
  self->note_h = 0;
  if (self->n_done_before > 0)
    {
      g_autofree char *before = dup_done_before (self, style);

      self->note_x = self->plot_x;
      self->note_w = self->plot_w;
      self->note_y = self->legend_height + 0.2 * em;
      _jln_chart_text_size (cr, style, JLN_RENDER_FONT_SMALL, before, self->note_w,
                            NULL, &self->note_h);
    }
  self->plot_y = self->legend_height + (self->note_h > 0 ? self->note_h + 0.4 * em : 0) + 0.8 * em;
  self->plot_h = MAX (3 * em, height - self->plot_y - axis_h - 1.0 * em);

  for (JlnSemester s = self->first_semester; s <= self->last_semester; s++)
    {
      g_autofree char *text = jln_semester_format (s, JLN_SEMESTER_STYLE_SHORT, lang);
      double w;

      _jln_chart_text_size (cr, style, JLN_RENDER_FONT_SMALL, text, -1, &w, NULL);
      label_w = MAX (label_w, w + 0.8 * em);
    }
  while (every < n && label_w * n / every > self->plot_w)
    every++;
  for (JlnSemester s = self->first_semester; s <= self->last_semester; s++)
    if ((s - self->first_semester) % every == 0)
      {
        g_autofree char *text = jln_semester_format (s, JLN_SEMESTER_STYLE_SHORT, lang);

        _jln_chart_add_axis_label (self, text, semester_x (self, s));
      }

  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = &g_array_index (self->items, Item, i);

      item->px = semester_x (self, item->semester);
      item->py = _jln_chart_value_y (self, item->value);
      item->x = item->px - self->plot_w / n / 2;
      item->w = self->plot_w / n;
      item->y = self->plot_y;
      item->h = self->plot_h;
    }
}

static double
completions_measure (JlnChart             *self,
                     const JlnRenderStyle *style,
                     double                width)
{
  double em = jln_render_style_get_em (style);

  _jln_chart_ensure_layout (self, style, width, 0);
  return self->legend_height + (self->note_h > 0 ? self->note_h + 0.4 * em : 0) +
         CLAMP (width * 0.3, 12 * em, 18 * em) + 3 * em;
}

static void
draw_completions (JlnChart             *self,
                  cairo_t              *cr,
                  const JlnRenderStyle *style)
{
  double em = jln_render_style_get_em (style);
  JlnLang lang = jln_render_style_get_lang (style);
  JlnSemester today = jln_semester_today ();
  Item *last = NULL;

  _jln_chart_draw_value_axis (self, cr, style);

  if (today >= self->first_semester && today <= self->last_semester)
    {
      double x = semester_x (self, today);

      cairo_save (cr);
      jln_render_style_set_source (style, cr, JLN_RENDER_COLOR_TODAY);
      cairo_set_line_width (cr, 0.08 * em);
      cairo_move_to (cr, x, self->plot_y);
      cairo_line_to (cr, x, self->plot_y + self->plot_h);
      cairo_stroke (cr);
      cairo_restore (cr);
      _jln_chart_draw_text (cr, style, JLN_RENDER_FONT_SMALL, JLN_RENDER_COLOR_TODAY,
                 _jln_chart_tr (style, N_("today")), x + 0.2 * em, self->plot_y - 0.9 * em,
                 PANGO_ALIGN_LEFT, -1);
    }

  for (int line = 0; line < 2; line++)
    {
      cairo_save (cr);
      jln_render_style_set_source (style, cr,
                                   line == 0 ? JLN_RENDER_COLOR_TARGET : JLN_RENDER_COLOR_MET);
      cairo_set_line_width (cr, (line == 0 ? 0.2 : 0.18) * em);
      if (line == 0)
        _jln_chart_set_dash (cr, 0, em);
      cairo_new_path (cr);
      for (guint i = 0; i < self->items->len; i++)
        {
          Item *item = &g_array_index (self->items, Item, i);
          double y = _jln_chart_value_y (self, line == 0 ? item->planned : item->value);

          if (i == 0)
            cairo_move_to (cr, item->px, y);
          else
            cairo_line_to (cr, item->px, y);
        }
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      for (guint i = 0; i < self->items->len; i++)
        {
          Item *item = &g_array_index (self->items, Item, i);
          double y = _jln_chart_value_y (self, line == 0 ? item->planned : item->value);

          if (line == 0)
            cairo_rectangle (cr, item->px - 0.3 * em, y - 0.3 * em, 0.6 * em, 0.6 * em);
          else
            {
              cairo_new_sub_path (cr);
              cairo_arc (cr, item->px, y, 0.32 * em, 0, 2 * G_PI);
            }
          cairo_fill (cr);
          last = item;
        }
      cairo_restore (cr);
    }

  if (self->n_done_before > 0)
    {
      g_autofree char *before = dup_done_before (self, style);

      g_autoptr(PangoLayout) layout = _jln_chart_make_layout (cr, style, JLN_RENDER_FONT_SMALL,
                                                              before, self->note_w);

      jln_render_style_set_source (style, cr, JLN_RENDER_COLOR_DIM);
      cairo_move_to (cr, self->note_x, self->note_y);
      pango_cairo_show_layout (cr, layout);
    }

  if (last != NULL)
    {
      g_autofree char *planned = jln_format_number (last->planned, lang);
      g_autofree char *done = jln_format_number (last->value, lang);
      double py = _jln_chart_value_y (self, last->planned), dy = _jln_chart_value_y (self, last->value);

      if (fabs (py - dy) < 1.3 * em)
        {
          py -= 0.7 * em;
          dy += 0.7 * em;
        }
      _jln_chart_draw_text (cr, style, JLN_RENDER_FONT_BOLD, JLN_RENDER_COLOR_TARGET, planned,
                 last->px + 0.6 * em, py - 0.7 * em, PANGO_ALIGN_LEFT, -1);
      _jln_chart_draw_text (cr, style, JLN_RENDER_FONT_BOLD, JLN_RENDER_COLOR_MET, done,
                 last->px + 0.6 * em, dy - 0.7 * em, PANGO_ALIGN_LEFT, -1);
    }
}

static char *
completions_dup_title (JlnChart             *self,
                       const JlnRenderStyle *style)
{
  return g_strdup (_jln_chart_tr (style, N_("Actions done over time, against those planned")));
}

static void
completions_describe (JlnChart             *self,
                      const JlnRenderStyle *style,
                      GString              *out)
{
  if (self->items->len == 0)
    g_string_append (out, _jln_chart_tr (style, N_("No action to count.")));
  if (self->n_done_before > 0)
    {
      g_autofree char *before = dup_done_before (self, style);

      g_string_append (out, before);
      g_string_append_c (out, ' ');
    }
}

struct _JlnCompletionsChart
{
  JlnChart parent_instance;
};

G_DEFINE_FINAL_TYPE (JlnCompletionsChart, jln_completions_chart, JLN_TYPE_CHART)

static void
jln_completions_chart_class_init (JlnCompletionsChartClass *klass)
{
  JlnChartClass *chart_class = JLN_CHART_CLASS (klass);

  chart_class->read = read_completions;
  chart_class->build_legend = completions_build_legend;
  chart_class->layout = layout_completions;
  chart_class->measure = completions_measure;
  chart_class->paint = draw_completions;
  chart_class->dup_title = completions_dup_title;
  chart_class->describe = completions_describe;
}

static void
jln_completions_chart_init (JlnCompletionsChart *self)
{
}
