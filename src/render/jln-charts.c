/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <glib/gi18n-lib.h>
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

static const char *tr (const JlnRenderStyle *style,
                       const char           *msgid) G_GNUC_FORMAT (2);

static const char *
tr (const JlnRenderStyle *style,
    const char           *msgid)
{
  return jln_translate (jln_render_style_get_lang (style), msgid);
}

static const char *
status_label (const JlnRenderStyle *style,
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

static gboolean
is_percentage (JlnChart *self)
{
  return self->indicator != NULL &&
         jln_indicator_get_kind (self->indicator) == JLN_INDICATOR_KIND_PERCENTAGE;
}

static char *
format_value (JlnChart             *self,
              const JlnRenderStyle *style,
              double                value)
{
  if (is_percentage (self))
    return jln_format_percent (value, jln_render_style_get_lang (style));
  return jln_format_number (value, jln_render_style_get_lang (style));
}

static const char *
text_in (const JlnText        *text,
         const JlnRenderStyle *style)
{
  const char *value = jln_text_get_fallback (text, jln_render_style_get_lang (style), NULL);

  return value != NULL ? value : "";
}

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

static gboolean
action_counts (JlnChart  *self,
               JlnAction *action,
               JlnSemester today)
{
  return self->query == NULL || jln_query_match (self->query, action, today);
}

/* A query value, quoted when it holds a space, a comma or a quote. */
static char *
query_value (const char *value)
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

static char *
segment_query (JlnObjective *objective,
               JlnStatus     status)
{
  g_autofree char *number = query_value (jln_objective_get_number (objective));

  if (status == STATUS_OVERDUE)
    return g_strdup_printf ("objective:%s overdue", number);
  if (status == JLN_STATUS_PLANNED || status == JLN_STATUS_IN_PROGRESS)
    return g_strdup_printf ("objective:%s status:%s -overdue", number, jln_status_to_string (status));
  if (status == JLN_STATUS_DONE)
    return g_strdup_printf ("objective:%s status:done -status:done-new", number);
  return g_strdup_printf ("objective:%s status:%s", number, jln_status_to_string (status));
}

static void
read_status (JlnChart *self)
{
  GListModel *objectives = jln_plan_get_objectives (self->plan);
  JlnSemester today = jln_semester_today ();

  for (guint i = 0; i < g_list_model_get_n_items (objectives); i++)
    {
      g_autoptr(JlnObjective) objective = g_list_model_get_item (objectives, i);
      GListModel *actions = jln_objective_get_actions (objective);
      guint counts[STATUS_OVERDUE + 1] = { 0 };
      guint total = 0;

      for (guint j = 0; j < g_list_model_get_n_items (actions); j++)
        {
          g_autoptr(JlnAction) action = g_list_model_get_item (actions, j);
          JlnStatus status = jln_action_get_status (action);

          if (!action_counts (self, action, today))
            continue;
          /* Overdue, the figure a committee asks for, apart. */
          if (jln_semester_is_overdue (jln_action_get_due (action), status, today))
            status = STATUS_OVERDUE;
          counts[status]++;
          total++;
        }
      if (total == 0)
        continue;

      g_ptr_array_add (self->rows, g_object_ref (objective));
      for (guint k = 0; k < G_N_ELEMENTS (segment_order); k++)
        {
          JlnStatus s = segment_order[k];
          Item item = { 0 };

          if (counts[s] == 0)
            continue;
          item.kind = ITEM_SEGMENT;
          item.row = self->rows->len - 1;
          item.status = s;
          item.value = counts[s];
          item.query = segment_query (objective, s);
          g_array_append_val (self->items, item);
        }
      self->max_value = MAX (self->max_value, total);
    }
}

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

          if (!action_counts (self, action, today))
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

static int
compare_unit_items (gconstpointer a,
                    gconstpointer b)
{
  const Item *x = a;
  const Item *y = b;

  if (x->value != y->value)
    return x->value > y->value ? -1 : 1;
  return x->row < y->row ? -1 : x->row > y->row;
}

static void
count_units (GHashTable *seen,
             GPtrArray  *units)
{
  for (guint i = 0; units != NULL && i < units->len; i++)
    g_hash_table_add (seen, g_ptr_array_index (units, i));
}

static void
read_units (JlnChart *self)
{
  GListModel *units = jln_plan_get_units (self->plan);
  GListModel *objectives = jln_plan_get_objectives (self->plan);
  JlnSemester today = jln_semester_today ();
  g_autoptr(GHashTable) counts = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

  /* An action counts for the units of the action and of its sub-items,
   * as unit: queries match them, so that a click on a bar lists exactly
   * the actions it stands for. */
  for (guint i = 0; i < g_list_model_get_n_items (objectives); i++)
    {
      g_autoptr(JlnObjective) objective = g_list_model_get_item (objectives, i);
      GListModel *actions = jln_objective_get_actions (objective);

      for (guint j = 0; j < g_list_model_get_n_items (actions); j++)
        {
          g_autoptr(JlnAction) action = g_list_model_get_item (actions, j);
          /* Most actions have no sub-items: no empty list is made for them. */
          GListModel *items = _jln_action_get_n_items (action) > 0 ? jln_action_get_items (action) : NULL;
          GHashTableIter iter;
          gpointer unit;

          if (!action_counts (self, action, today))
            continue;
          g_hash_table_remove_all (seen);
          count_units (seen, jln_action_get_units (action));
          for (guint k = 0; items != NULL && k < g_list_model_get_n_items (items); k++)
            {
              g_autoptr(JlnActionItem) item = g_list_model_get_item (items, k);

              count_units (seen, jln_action_item_get_units (item));
            }
          g_hash_table_iter_init (&iter, seen);
          while (g_hash_table_iter_next (&iter, &unit, NULL))
            {
              guint count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, unit));

              g_hash_table_insert (counts, unit, GUINT_TO_POINTER (count + 1));
            }
        }
    }

  for (guint k = 0; k < g_list_model_get_n_items (units); k++)
    {
      g_autoptr(JlnUnit) unit = g_list_model_get_item (units, k);
      guint count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, unit));
      g_autofree char *code = NULL;
      Item item = { 0 };

      if (count == 0 || jln_unit_get_code (unit) == NULL)
        continue;
      code = query_value (jln_unit_get_code (unit));
      g_ptr_array_add (self->rows, g_object_ref (unit));
      item.kind = ITEM_UNIT;
      item.row = self->rows->len - 1;
      item.value = count;
      item.query = g_strdup_printf ("unit:%s", code);
      self->max_value = MAX (self->max_value, count);
      g_array_append_val (self->items, item);
    }

  /* The most used units first: rows follow the sorted bars. */
  g_array_sort (self->items, compare_unit_items);
  {
    g_autoptr(GPtrArray) sorted = g_ptr_array_new_with_free_func (g_object_unref);

    for (guint i = 0; i < self->items->len; i++)
      {
        Item *item = &g_array_index (self->items, Item, i);

        g_ptr_array_add (sorted, g_object_ref (g_ptr_array_index (self->rows, item->row)));
        item->row = i;
      }
    g_ptr_array_set_size (self->rows, 0);
    g_ptr_array_extend_and_steal (self->rows, g_steal_pointer (&sorted));
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

static PangoLayout *
make_layout (cairo_t              *cr,
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

static void
text_size (cairo_t              *cr,
           const JlnRenderStyle *style,
           JlnRenderFont         font,
           const char           *text,
           double                width,
           double               *text_width,
           double               *text_height)
{
  g_autoptr(PangoLayout) layout = make_layout (cr, style, font, text, width);
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
static double
draw_text (cairo_t              *cr,
           const JlnRenderStyle *style,
           JlnRenderFont         font,
           JlnRenderColor        color,
           const char           *text,
           double                x,
           double                y,
           PangoAlignment        align,
           double                max_width)
{
  g_autoptr(PangoLayout) layout = make_layout (cr, style, font, text, -1);
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

static void
add_legend (JlnChart   *self,
            Symbol      symbol,
            guint       series,
            JlnStatus   status,
            const char *label)
{
  LegendEntry entry = { symbol, series, status, g_strdup (label), 0, 0 };

  g_array_append_val (self->legend, entry);
}

static const char *
series_name (JlnChart             *self,
             const JlnRenderStyle *style,
             guint                 series)
{
  if (series >= self->series->len)
    return "";
  return text_in (g_ptr_array_index (self->series, series), style);
}

static gboolean
has_named_series (JlnChart *self)
{
  for (guint i = 0; i < self->series->len; i++)
    if (!jln_text_is_empty (g_ptr_array_index (self->series, i)))
      return TRUE;
  return FALSE;
}

static void
indicator_build_legend (JlnChart             *self,
                        const JlnRenderStyle *style)
{
  if (jln_indicator_get_kind (self->indicator) == JLN_INDICATOR_KIND_TEXT)
    return;
  if (has_named_series (self))
    for (guint i = 0; i < self->series->len; i++)
      {
        g_autofree char *target = NULL;

        /* Translators: the target line of one population, like “Target: Unit directors”. */
        target = g_strdup_printf (tr (style, N_("Target: %s")), series_name (self, style, i));
        add_legend (self, SYMBOL_TARGET, i, 0, target);
      }
  else
    add_legend (self, SYMBOL_TARGET, 0, 0, tr (style, N_("Target")));
  if (has_named_series (self))
    for (guint i = 0; i < self->series->len; i++)
      {
        g_autofree char *measured = NULL;

        /* Translators: the measurements of one population, like “Measured: Unit directors”. */
        measured = g_strdup_printf (tr (style, N_("Measured: %s")),
                                    series_name (self, style, i));
        add_legend (self, SYMBOL_MEASUREMENT, i, 0, measured);
      }
  else
    add_legend (self, SYMBOL_MEASUREMENT, 0, 0, tr (style, N_("Measured")));
  /* Translators: a target reached, in a chart legend. */
  add_legend (self, SYMBOL_MET, 0, 0, tr (style, N_("met")));
  /* Translators: a target not reached, in a chart legend. */
  add_legend (self, SYMBOL_BEHIND, 0, 0, tr (style, N_("behind")));
}

static void
status_build_legend (JlnChart             *self,
                     const JlnRenderStyle *style)
{
  for (guint k = 0; k < G_N_ELEMENTS (segment_order); k++)
    for (guint i = 0; i < self->items->len; i++)
      if (g_array_index (self->items, Item, i).status == segment_order[k])
        {
          add_legend (self, SYMBOL_STATUS, 0, segment_order[k],
                      status_label (style, segment_order[k]));
          break;
        }
}

static void
completions_build_legend (JlnChart             *self,
                          const JlnRenderStyle *style)
{
  /* Translators: a line of a chart: actions due by each semester. */
  add_legend (self, SYMBOL_PLANNED, 0, 0, tr (style, N_("Planned (due by then)")));
  /* Translators: a line of a chart: actions completed by each semester. */
  add_legend (self, SYMBOL_DONE, 0, 0, tr (style, N_("Done")));
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

      text_size (cr, style, JLN_RENDER_FONT_SMALL, entry->label, -1, &w, NULL);
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

static double
nice_step (double max,
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

static char *
format_axis_value (JlnChart             *self,
                   const JlnRenderStyle *style,
                   double                value)
{
  if (self->kind == JLN_CHART_INDICATOR)
    return format_value (self, style, value);
  return jln_format_number (value, jln_render_style_get_lang (style));
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

static double
value_y (JlnChart *self,
         double    value)
{
  return self->plot_y + self->plot_h - value / self->y_max * self->plot_h;
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
add_axis_label (JlnChart   *self,
                const char *text,
                double      x)
{
  AxisLabel label = { g_strdup (text), x };

  g_array_append_val (self->axis_labels, label);
}

static gboolean
is_text_indicator (JlnChart *self)
{
  return self->indicator != NULL &&
         jln_indicator_get_kind (self->indicator) == JLN_INDICATOR_KIND_TEXT;
}

/* “3. Working conditions”: plan text isolated, so that a title cannot
 * reorder its number. */
static char *
dup_objective_label (JlnObjective         *objective,
                     const JlnRenderStyle *style)
{
  g_autofree char *number = jln_text_isolate (jln_objective_get_number (objective));
  g_autofree char *title = jln_text_isolate (text_in (jln_objective_get_title (objective), style));

  return g_strdup_printf ("%s. %s", number, title);
}

static char *
text_target_line (JlnChart             *self,
                  const JlnRenderStyle *style,
                  const Item           *item)
{
  if (item->kind == ITEM_TEXT_TARGET)
    return g_strdup_printf ("%d — %s", item->year, text_in (&item->text, style));
  {
    g_autofree char *value = format_value (self, style, item->value);
    const char *note = text_in (&item->text, style);

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

  text_size (cr, style, JLN_RENDER_FONT_BOLD, tr (style, N_("Targets in words")), width,
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
      text_size (cr, style, JLN_RENDER_FONT_SMALL, line, width, NULL, &h);
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
  return tr (style, N_("No measurement yet."));
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

  if (is_percentage (self))
    {
      self->y_max = 100;
      self->y_step = 20;
    }
  else
    {
      self->y_step = nice_step (self->max_value * 1.1, 5);
      self->y_max = MAX (self->y_step, ceil (self->max_value * 1.1 / self->y_step) * self->y_step);
    }

  {
    g_autofree char *widest = format_axis_value (self, style, self->y_max);

    text_size (cr, style, JLN_RENDER_FONT_SMALL, widest, -1, &axis_w, &axis_h);
  }

  self->side_w = self->n_text_targets > 0 ? MIN (16 * em, width * 0.3) : 0;
  self->side_x = width - self->side_w;

  /* Room on the right for the last values and the populations' names. */
  self->right_w = 5 * em;
  if (has_named_series (self))
    for (guint i = 0; i < self->series->len; i++)
      {
        double w;

        text_size (cr, style, JLN_RENDER_FONT_SMALL, series_name (self, style, i), -1, &w, NULL);
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
      text_size (cr, style, JLN_RENDER_FONT_BODY, empty_note (style), self->plot_w, NULL,
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

      add_axis_label (self, year, year_x (self, self->first_year + i + 0.5));
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
          item->py = value_y (self, item->value) - 1.1 * em;
          item->y = item->py - 0.7 * em;
          item->h = value_y (self, item->value) + 0.5 * em - item->y;
          break;
        case ITEM_MEASUREMENT:
          item->px = year_x (self, date_position (item->date));
          item->py = value_y (self, isnan (item->value) ? 0 : item->value);
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

static void
layout_bars (JlnChart             *self,
             cairo_t              *cr,
             const JlnRenderStyle *style,
             double                width,
             double                height)
{
  double em = jln_render_style_get_em (style);
  double widest = 0, count_w;
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
      text_size (cr, style, JLN_RENDER_FONT_SMALL, label, -1, &w, NULL);
      widest = MAX (widest, w);
    }
  text_size (cr, style, JLN_RENDER_FONT_SMALL, max_text, -1, &count_w, NULL);

  self->label_w = MIN (widest + 0.6 * em, width * 0.38);
  self->row_h = 1.9 * em;
  self->rows_shown = self->rows->len;
  /* Given more room, as on a page of its own, the bars grow a little;
   * given less, they get thinner, and what still does not fit is left
   * out and counted under the last bar. */
  if (height > 0 && self->rows->len > 0)
    {
      double room = height - self->legend_height - 0.5 * em;

      self->row_h = CLAMP (room / self->rows->len, 1.4 * em, 3.0 * em);
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
      item->y = self->plot_y + item->row * self->row_h + 0.25 * em;
      item->h = self->row_h - 0.5 * em;
    }
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

  self->y_step = nice_step (self->max_value * 1.05, 5);
  self->y_max = MAX (self->y_step, ceil (self->max_value * 1.05 / self->y_step) * self->y_step);
  {
    g_autofree char *widest = jln_format_number (self->y_max, lang);

    text_size (cr, style, JLN_RENDER_FONT_SMALL, widest, -1, &axis_w, &axis_h);
  }
  self->plot_x = axis_w + 0.6 * em;
  self->plot_y = self->legend_height + 0.8 * em;
  self->plot_w = MAX (4 * em, width - self->plot_x - 7 * em);
  self->plot_h = MAX (3 * em, height - self->plot_y - axis_h - 1.0 * em);

  for (JlnSemester s = self->first_semester; s <= self->last_semester; s++)
    {
      g_autofree char *text = jln_semester_format (s, JLN_SEMESTER_STYLE_SHORT, lang);
      double w;

      text_size (cr, style, JLN_RENDER_FONT_SMALL, text, -1, &w, NULL);
      label_w = MAX (label_w, w + 0.8 * em);
    }
  while (every < n && label_w * n / every > self->plot_w)
    every++;
  for (JlnSemester s = self->first_semester; s <= self->last_semester; s++)
    if ((s - self->first_semester) % every == 0)
      {
        g_autofree char *text = jln_semester_format (s, JLN_SEMESTER_STYLE_SHORT, lang);

        add_axis_label (self, text, semester_x (self, s));
      }

  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = &g_array_index (self->items, Item, i);

      item->px = semester_x (self, item->semester);
      item->py = value_y (self, item->value);
      item->x = item->px - self->plot_w / n / 2;
      item->w = self->plot_w / n;
      item->y = self->plot_y;
      item->h = self->plot_h;
    }
}

static void
ensure_layout (JlnChart             *self,
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

static double
bars_measure (JlnChart             *self,
              const JlnRenderStyle *style,
              double                width)
{
  double em = jln_render_style_get_em (style);

  ensure_layout (self, style, width, 0);
  return self->legend_height + MAX (1, self->rows->len) * self->row_h + 0.5 * em;
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

      ensure_layout (self, style, width, 0);
      for (guint i = 0; i < self->items->len; i++)
        {
          Item *item = &g_array_index (self->items, Item, i);

          if (item->h > 0)
            bottom = MAX (bottom, item->y + item->h);
        }
      return MAX (bottom, self->legend_height + 3 * em) + 0.5 * em;
    }

  ensure_layout (self, style, width, plot_h + 6 * em);
  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = &g_array_index (self->items, Item, i);

      if (item->kind == ITEM_TEXT_TARGET)
        side_bottom = MAX (side_bottom, item->y + item->h);
    }
  return MAX (self->legend_height + self->note_h + plot_h + 4.5 * em, side_bottom + 0.5 * em);
}

static double
completions_measure (JlnChart             *self,
                     const JlnRenderStyle *style,
                     double                width)
{
  double em = jln_render_style_get_em (style);

  ensure_layout (self, style, width, 0);
  return self->legend_height + CLAMP (width * 0.3, 12 * em, 18 * em) + 3 * em;
}

/* Drawing */

static void
set_dash (cairo_t *cr,
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
static void
draw_marker (cairo_t              *cr,
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
static void
draw_badge (cairo_t              *cr,
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
          set_dash (cr, entry->series, em);
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
            draw_marker (cr, style, entry->series, sx + em, cy, 0.34 * em);
          break;
        case SYMBOL_MET:
        case SYMBOL_BEHIND:
          draw_badge (cr, style, entry->symbol == SYMBOL_MET ? STATE_MET : STATE_BEHIND,
                      sx + em, cy, 0.5 * em);
          break;
        case SYMBOL_STATUS:
        default:
          draw_status_box (cr, style, entry->status, sx + 0.3 * em, cy - 0.45 * em,
                           1.4 * em, 0.9 * em, em);
          break;
        }
      cairo_restore (cr);
      draw_text (cr, style, JLN_RENDER_FONT_SMALL, JLN_RENDER_COLOR_FOREGROUND, entry->label,
                 sx + 2.4 * em, entry->y + 0.15 * em, PANGO_ALIGN_LEFT, -1);
    }
}

static void
draw_value_axis (JlnChart             *self,
                 cairo_t              *cr,
                 const JlnRenderStyle *style)
{
  double em = jln_render_style_get_em (style);

  for (double v = 0; v <= self->y_max + 1e-9; v += self->y_step)
    {
      g_autofree char *label = format_axis_value (self, style, v);
      double y = round (value_y (self, v)) + 0.5;
      double h;

      jln_render_style_set_source (style, cr,
                                   v == 0 ? JLN_RENDER_COLOR_DIM : JLN_RENDER_COLOR_GRID);
      cairo_set_line_width (cr, v == 0 ? 0.08 * em : 0.05 * em);
      cairo_move_to (cr, self->plot_x, y);
      cairo_line_to (cr, self->plot_x + self->plot_w, y);
      cairo_stroke (cr);
      text_size (cr, style, JLN_RENDER_FONT_SMALL, label, -1, NULL, &h);
      draw_text (cr, style, JLN_RENDER_FONT_SMALL, JLN_RENDER_COLOR_DIM, label,
                 self->plot_x - 0.4 * em, y - h / 2, PANGO_ALIGN_RIGHT, -1);
    }

  for (guint i = 0; i < self->axis_labels->len; i++)
    {
      AxisLabel *label = &g_array_index (self->axis_labels, AxisLabel, i);

      draw_text (cr, style, JLN_RENDER_FONT_SMALL, JLN_RENDER_COLOR_FOREGROUND, label->text,
                 label->x, self->plot_y + self->plot_h + 0.3 * em, PANGO_ALIGN_CENTER, -1);
    }
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

          text_size (cr, style, JLN_RENDER_FONT_BOLD, tr (style, N_("Targets in words")),
                     self->side_w, NULL, &heading_h);
          draw_text (cr, style, JLN_RENDER_FONT_BOLD, JLN_RENDER_COLOR_FOREGROUND,
                     tr (style, N_("Targets in words")), item->x, item->y - heading_h - 0.3 * em,
                     PANGO_ALIGN_LEFT, self->side_w);
          any = TRUE;
        }
      line = text_target_line (self, style, item);
      layout = make_layout (cr, style, JLN_RENDER_FONT_SMALL, line, item->w);
      jln_render_style_set_source (style, cr, item->kind == ITEM_MEASUREMENT
                                              ? JLN_RENDER_COLOR_MEASUREMENT
                                              : JLN_RENDER_COLOR_FOREGROUND);
      cairo_move_to (cr, item->x, item->y);
      pango_cairo_show_layout (cr, layout);
    }

  if (!any && is_text_indicator (self))
    draw_text (cr, style, JLN_RENDER_FONT_BODY, JLN_RENDER_COLOR_DIM,
               tr (style, N_("No target yet.")), 0, self->legend_height, PANGO_ALIGN_LEFT, -1);
}

static void
draw_empty_note (JlnChart             *self,
                 cairo_t              *cr,
                 const JlnRenderStyle *style)
{
  g_autoptr(PangoLayout) layout = make_layout (cr, style, JLN_RENDER_FONT_BODY,
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
  draw_value_axis (self, cr, style);

  /* Targets, as steps. */
  for (guint s = 0; s < self->series->len; s++)
    {
      gboolean started = FALSE;
      double last_x = 0, last_y = 0;
      int last_year = 0;

      cairo_save (cr);
      jln_render_style_set_source (style, cr, JLN_RENDER_COLOR_TARGET);
      cairo_set_line_width (cr, 0.2 * em);
      set_dash (cr, s, em);
      for (guint i = 0; i < self->items->len; i++)
        {
          Item *item = &g_array_index (self->items, Item, i);
          double y;

          if (item->kind != ITEM_TARGET || item->series != s)
            continue;
          y = value_y (self, item->value);
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

      if (started && has_named_series (self))
        draw_text (cr, style, JLN_RENDER_FONT_SMALL, JLN_RENDER_COLOR_TARGET,
                   series_name (self, style, s), last_x + 0.3 * em, last_y - 0.7 * em,
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
      value = format_value (self, style, item->value);
      line_y = value_y (self, item->value);
      draw_text (cr, style, JLN_RENDER_FONT_SMALL, JLN_RENDER_COLOR_TARGET, value,
                 item->x + 0.3 * em, line_y + 0.2 * em, PANGO_ALIGN_LEFT, -1);
      if (item->state != STATE_NONE)
        {
          const char *word = item->state == STATE_MET ? tr (style, N_("met"))
                                                      : tr (style, N_("behind"));
          double word_w;

          text_size (cr, style, JLN_RENDER_FONT_BOLD, word, -1, &word_w, NULL);
          draw_badge (cr, style, item->state, item->px - word_w / 2 - 0.2 * em, item->py,
                      0.55 * em);
          draw_text (cr, style, JLN_RENDER_FONT_BOLD,
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
            draw_marker (cr, style, s, item->px, item->py, 0.45 * em);
        }

      if (last != NULL)
        {
          g_autofree char *value = format_value (self, style, last->value);
          double w, h;

          text_size (cr, style, JLN_RENDER_FONT_BOLD, value, -1, &w, &h);
          cairo_rectangle (cr, last->px + 0.55 * em, last->py - h / 2, w + 0.3 * em, h);
          jln_render_style_set_source_alpha (style, cr, JLN_RENDER_COLOR_BACKGROUND, 0.85);
          cairo_fill (cr);
          draw_text (cr, style, JLN_RENDER_FONT_BOLD, JLN_RENDER_COLOR_MEASUREMENT, value,
                     last->px + 0.7 * em, last->py - h / 2, PANGO_ALIGN_LEFT, -1);
        }
    }

  if (self->n_measurements == 0)
    draw_empty_note (self, cr, style);
  if (self->side_w > 0)
    draw_side_list (self, cr, style);
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
      draw_text (cr, style, JLN_RENDER_FONT_BODY, JLN_RENDER_COLOR_DIM,
                 tr (style, N_("No action to count.")), 0, self->legend_height,
                 PANGO_ALIGN_LEFT, -1);
      return;
    }

  for (guint row = 0; row < self->rows_shown; row++)
    {
      g_autofree char *owned = NULL;
      const char *label = row_label (self, style, row, &owned);
      double y = self->plot_y + row * self->row_h;
      double h;

      text_size (cr, style, JLN_RENDER_FONT_SMALL, label, -1, NULL, &h);
      draw_text (cr, style, JLN_RENDER_FONT_SMALL, JLN_RENDER_COLOR_FOREGROUND, label,
                 0, y + (self->row_h - h) / 2, PANGO_ALIGN_LEFT, self->label_w);
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
      text_size (cr, style, JLN_RENDER_FONT_SMALL, count, -1, &w, &h);
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
              draw_text (cr, style, JLN_RENDER_FONT_SMALL, text_color, count,
                         item->x + item->w / 2, item->y + (item->h - h) / 2,
                         PANGO_ALIGN_CENTER, -1);
            }
        }
      else
        {
          cairo_rectangle (cr, item->x, item->y, item->w, item->h);
          jln_render_style_set_source (style, cr, JLN_RENDER_COLOR_ACCENT);
          cairo_fill (cr);
          draw_text (cr, style, JLN_RENDER_FONT_SMALL, JLN_RENDER_COLOR_FOREGROUND, count,
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
        text_size (cr, style, JLN_RENDER_FONT_BOLD, text, -1, NULL, &h);
        draw_text (cr, style, JLN_RENDER_FONT_BOLD, JLN_RENDER_COLOR_FOREGROUND, text,
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
  draw_text (cr, style, JLN_RENDER_FONT_SMALL, JLN_RENDER_COLOR_DIM, text, 0,
             self->plot_y + self->plot_h + 0.2 * jln_render_style_get_em (style),
             PANGO_ALIGN_LEFT, -1);
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

static void
draw_completions (JlnChart             *self,
                  cairo_t              *cr,
                  const JlnRenderStyle *style)
{
  double em = jln_render_style_get_em (style);
  JlnLang lang = jln_render_style_get_lang (style);
  JlnSemester today = jln_semester_today ();
  Item *last = NULL;

  draw_value_axis (self, cr, style);

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
      draw_text (cr, style, JLN_RENDER_FONT_SMALL, JLN_RENDER_COLOR_TODAY,
                 tr (style, N_("today")), x + 0.2 * em, self->plot_y - 0.9 * em,
                 PANGO_ALIGN_LEFT, -1);
    }

  for (int line = 0; line < 2; line++)
    {
      cairo_save (cr);
      jln_render_style_set_source (style, cr,
                                   line == 0 ? JLN_RENDER_COLOR_TARGET : JLN_RENDER_COLOR_MET);
      cairo_set_line_width (cr, (line == 0 ? 0.2 : 0.18) * em);
      if (line == 0)
        set_dash (cr, 0, em);
      cairo_new_path (cr);
      for (guint i = 0; i < self->items->len; i++)
        {
          Item *item = &g_array_index (self->items, Item, i);
          double y = value_y (self, line == 0 ? item->planned : item->value);

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
          double y = value_y (self, line == 0 ? item->planned : item->value);

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

      draw_text (cr, style, JLN_RENDER_FONT_SMALL, JLN_RENDER_COLOR_DIM, before,
                 self->plot_x + 0.4 * em, self->plot_y + 0.2 * em, PANGO_ALIGN_LEFT,
                 self->plot_w * 0.6);
    }

  if (last != NULL)
    {
      g_autofree char *planned = jln_format_number (last->planned, lang);
      g_autofree char *done = jln_format_number (last->value, lang);
      double py = value_y (self, last->planned), dy = value_y (self, last->value);

      if (fabs (py - dy) < 1.3 * em)
        {
          py -= 0.7 * em;
          dy += 0.7 * em;
        }
      draw_text (cr, style, JLN_RENDER_FONT_BOLD, JLN_RENDER_COLOR_TARGET, planned,
                 last->px + 0.6 * em, py - 0.7 * em, PANGO_ALIGN_LEFT, -1);
      draw_text (cr, style, JLN_RENDER_FONT_BOLD, JLN_RENDER_COLOR_MET, done,
                 last->px + 0.6 * em, dy - 0.7 * em, PANGO_ALIGN_LEFT, -1);
    }
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

  ensure_layout (self, style, width, height);
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

  ensure_layout (self, style, width, height);
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

  ensure_layout (self, style, width, height);
  if (index >= self->items->len)
    return FALSE;
  item = &g_array_index (self->items, Item, index);
  area->x = item->x;
  area->y = item->y;
  area->width = item->w;
  area->height = item->h;
  return item->w > 0 && item->h > 0;
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
        g_autofree char *value = format_value (self, style, item->value);
        g_autofree char *head = NULL;
        g_autofree char *tail = NULL;

        if (has_named_series (self))
          /* Translators: %1$d is a year, %2$s a population, %3$s a value like “30 %”. */
          head = g_strdup_printf (tr (style, N_("Target %1$d, %2$s: %3$s")), item->year,
                                  series_name (self, style, item->series), value);
        else
          /* Translators: %1$d is a year, %2$s a value like “30 %”. */
          head = g_strdup_printf (tr (style, N_("Target %1$d: %2$s")), item->year, value);

        if (item->state == STATE_NONE)
          /* Translators: %d is a year. */
          tail = g_strdup_printf (tr (style, N_("no measurement in %d")), item->year);
        else
          {
            g_autofree char *measured = format_value (self, style, item->measured);
            g_autofree char *measured_date = jln_format_date (item->measured_date, lang);

            tail = g_strdup_printf (item->state == STATE_MET
                                    /* Translators: %1$s is a value like “45 %”, %2$s a date. */
                                    ? tr (style, N_("measured %1$s on %2$s: met"))
                                    /* Translators: %1$s is a value like “25 %”, %2$s a date. */
                                    : tr (style, N_("measured %1$s on %2$s: behind")),
                                    measured, measured_date);
          }
        /* Translators: a target and how it stands, like “Target 2022: 30 %” and
         * “measured 45 % on 2022-12-31: met”. */
        return g_strdup_printf (tr (style, N_("%1$s; %2$s")), head, tail);
      }
    case ITEM_MEASUREMENT:
      {
        g_autofree char *value = format_value (self, style, item->value);
        g_autofree char *date = jln_format_date (item->date, lang);
        g_autofree char *text = NULL;
        const char *note = text_in (&item->text, style);

        if (has_named_series (self))
          /* Translators: %1$s is a date, %2$s a population, %3$s a value like “45 %”. */
          text = g_strdup_printf (tr (style, N_("Measured on %1$s, %2$s: %3$s")), date,
                                  series_name (self, style, item->series), value);
        else
          /* Translators: %1$s is a date, %2$s a value like “45 %”. */
          text = g_strdup_printf (tr (style, N_("Measured on %1$s: %2$s")), date, value);
        if (*note != '\0')
          return g_strdup_printf ("%s (%s)", text, note);
        return g_steal_pointer (&text);
      }
    case ITEM_TEXT_TARGET:
      /* Translators: %1$d is a year, %2$s a target in words. */
      return g_strdup_printf (tr (style, N_("Target %1$d: %2$s")), item->year,
                              text_in (&item->text, style));
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
                                text_in (jln_objective_get_title (objective), style),
                                status_label (style, item->status), (guint) item->value);
      }
    case ITEM_SEMESTER:
      {
        g_autofree char *semester = jln_semester_format (item->semester, JLN_SEMESTER_STYLE_LONG,
                                                         lang);

        /* Translators: %1$s is a semester, %2$u and %3$u counts of actions. */
        return g_strdup_printf (tr (style, N_("%1$s — done: %2$u, planned: %3$u")),
                                semester, (guint) item->value, (guint) item->planned);
      }
    case ITEM_UNIT:
      {
        JlnUnit *unit = g_ptr_array_index (self->rows, item->row);
        const char *name = text_in (jln_unit_get_name (unit), style);

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
    g_string_append (out, tr (style, N_("No action to count.")));

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

  ensure_layout (self, style, width, height);
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

static void
bars_paint (JlnChart             *self,
            cairo_t              *cr,
            const JlnRenderStyle *style)
{
  draw_bars (self, cr, style);
  draw_rows_left_out (self, cr, style);
}

static char *
indicator_dup_title (JlnChart             *self,
                     const JlnRenderStyle *style)
{
  /* Translators: %1$d is the indicator's number, %2$s its title. */
  return g_strdup_printf (tr (style, N_("Indicator %1$d: %2$s")),
                          jln_indicator_get_number (self->indicator),
                          text_in (jln_indicator_get_title (self->indicator), style));
}

static void
indicator_describe (JlnChart             *self,
                    const JlnRenderStyle *style,
                    GString              *out)
{
  const char *measure = text_in (jln_indicator_get_measure (self->indicator), style);

  if (*measure != '\0')
    {
      g_string_append (out, measure);
      g_string_append (out, ". ");
    }
  if (self->n_measurements == 0)
    {
      g_string_append (out, tr (style, N_("No measurement yet.")));
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

static char *
status_dup_title (JlnChart             *self,
                  const JlnRenderStyle *style)
{
  return g_strdup (tr (style, N_("Actions by status for each objective")));
}

struct _JlnStatusChart
{
  JlnChart parent_instance;
};

G_DEFINE_FINAL_TYPE (JlnStatusChart, jln_status_chart, JLN_TYPE_CHART)

static void
jln_status_chart_class_init (JlnStatusChartClass *klass)
{
  JlnChartClass *chart_class = JLN_CHART_CLASS (klass);

  chart_class->read = read_status;
  chart_class->build_legend = status_build_legend;
  chart_class->layout = layout_bars;
  chart_class->measure = bars_measure;
  chart_class->paint = bars_paint;
  chart_class->dup_title = status_dup_title;
}

static void
jln_status_chart_init (JlnStatusChart *self)
{
}

static char *
completions_dup_title (JlnChart             *self,
                       const JlnRenderStyle *style)
{
  return g_strdup (tr (style, N_("Actions done over time, against those planned")));
}

static void
completions_describe (JlnChart             *self,
                      const JlnRenderStyle *style,
                      GString              *out)
{
  if (self->items->len == 0)
    g_string_append (out, tr (style, N_("No action to count.")));
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

static char *
units_dup_title (JlnChart             *self,
                 const JlnRenderStyle *style)
{
  return g_strdup (tr (style, N_("Actions per responsible unit")));
}

struct _JlnUnitsChart
{
  JlnChart parent_instance;
};

G_DEFINE_FINAL_TYPE (JlnUnitsChart, jln_units_chart, JLN_TYPE_CHART)

static void
jln_units_chart_class_init (JlnUnitsChartClass *klass)
{
  JlnChartClass *chart_class = JLN_CHART_CLASS (klass);

  chart_class->read = read_units;
  chart_class->layout = layout_bars;
  chart_class->measure = bars_measure;
  chart_class->paint = bars_paint;
  chart_class->dup_title = units_dup_title;
}

static void
jln_units_chart_init (JlnUnitsChart *self)
{
}
