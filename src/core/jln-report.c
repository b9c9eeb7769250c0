/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "jln-action.h"
#include "jln-action-item.h"
#include "jln-changes.h"
#include "jln-enums.h"
#include "jln-i18n.h"
#include "jln-indicator.h"
#include "jln-measurement.h"
#include "jln-milestone.h"
#include "jln-note.h"
#include "jln-objective.h"
#include "jln-plan.h"
#include "jln-report.h"
#include "jln-target.h"

#define T(msgid) jln_translate (lang, msgid)

struct _JlnReport
{
  JlnPlan   *plan;
  GDateTime *since;
  GDateTime *until;           /* NULL: up to now */
  GPtrArray *lists[JLN_REPORT_N_LISTS];
  JlnReportChartsFunc charts_func;
  gpointer   charts_data;
};

static void
entry_free (JlnReportEntry *entry)
{
  g_free (entry->objective_number);
  g_free (entry->number);
  jln_text_clear (&entry->title);
  g_free (entry->date);
  g_free (entry->author);
  jln_text_clear (&entry->text);
  g_free (entry);
}

static JlnReportEntry *
entry_new (void)
{
  JlnReportEntry *entry = g_new0 (JlnReportEntry, 1);

  entry->value = NAN;
  entry->target = NAN;
  return entry;
}

static void
copy_text (JlnText       *to,
           const JlnText *from)
{
  to->fr = g_strdup (from->fr);
  to->en = g_strdup (from->en);
}

void
jln_report_free (JlnReport *self)
{
  if (self == NULL)
    return;
  g_clear_object (&self->plan);
  g_clear_pointer (&self->since, g_date_time_unref);
  g_clear_pointer (&self->until, g_date_time_unref);
  for (guint i = 0; i < JLN_REPORT_N_LISTS; i++)
    g_clear_pointer (&self->lists[i], g_ptr_array_unref);
  g_free (self);
}

/**
 * jln_report_period_query:
 * @since: the start of the period, as jln_report_parse_period() reads it
 * @until: (nullable): its end, included
 * @filter: (nullable): a query the actions must match too
 *
 * The actions of the plan changed in the period, read from the history
 * as the report reads it (a sub-item changed is its action changed).
 *
 * Returns: (transfer full) (nullable): a query that keeps only them, or
 *   NULL with @error set
 */
JlnQuery *
jln_report_period_query (JlnDocument  *document,
                         const char   *since,
                         const char   *until,
                         const char   *filter,
                         GError      **error)
{
  JlnPlan *plan = jln_document_get_plan (document);
  g_autoptr(GDateTime) since_time = NULL;
  g_autoptr(GDateTime) until_time = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *label = NULL;

  g_return_val_if_fail (JLN_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (since != NULL, NULL);

  if (!jln_report_parse_period (plan, since, until, &since_time, &until_time, error))
    return NULL;
  changes = jln_document_get_changes_between (document, since_time, until_time, error);
  if (changes == NULL)
    return NULL;
  for (guint i = 0; i < changes->len; i++)
    {
      const JlnChange *change = g_ptr_array_index (changes, i);
      JlnRecord *record = change->id != NULL ? jln_plan_lookup (plan, change->id) : NULL;

      if (record != NULL && JLN_IS_ACTION_ITEM (record))
        record = jln_record_get_parent (record);
      if (record != NULL && JLN_IS_ACTION (record))
        g_hash_table_add (ids, g_strdup (jln_record_get_id (record)));
    }
  if (until != NULL)
    /* Translators: after the query of a document made of the actions changed in a period. */
    label = g_strdup_printf (_("(changed from %1$s to %2$s)"), since, until);
  else
    /* Translators: after the query of a document made of the actions changed since a day. */
    label = g_strdup_printf (_("(changed since %s)"), since);
  return jln_query_parse_restricted (filter, ids, label, error);
}

void
jln_report_picture_free (JlnReportPicture *picture)
{
  if (picture == NULL)
    return;
  g_clear_pointer (&picture->png, g_bytes_unref);
  g_free (picture->title);
  g_free (picture->alt_text);
  g_free (picture);
}

/**
 * jln_report_set_charts_func:
 *
 * Gives the report the plan-wide charts that @func draws, in a section
 * of their own.
 */
void
jln_report_set_charts_func (JlnReport          *self,
                            JlnReportChartsFunc func,
                            gpointer            user_data)
{
  g_return_if_fail (self != NULL);
  self->charts_func = func;
  self->charts_data = user_data;
}

static void
write_charts (JlnReport *self,
              JlnDoc    *doc,
              JlnLang    lang)
{
  g_autoptr(GPtrArray) pictures = NULL;

  if (self->charts_func == NULL)
    return;
  pictures = self->charts_func (self->plan, lang, jln_doc_get_text_width_mm (doc), self->charts_data);
  if (pictures == NULL || pictures->len == 0)
    return;
  /* Translators: a heading of the report to a steering committee. */
  jln_doc_paragraph (doc, JLN_DOC_STYLE_HEADING, T (N_("The plan as it stands")), 0);
  for (guint i = 0; i < pictures->len; i++)
    {
      JlnReportPicture *picture = g_ptr_array_index (pictures, i);

      if (picture->title != NULL)
        jln_doc_paragraph (doc, JLN_DOC_STYLE_SUBHEADING, picture->title, 0);
      jln_doc_picture (doc, picture->png, picture->width_mm, picture->height_mm, picture->alt_text);
    }
}

GPtrArray *
jln_report_get_list (JlnReport     *self,
                     JlnReportList  list)
{
  g_return_val_if_fail (self != NULL && list < JLN_REPORT_N_LISTS, NULL);
  return self->lists[list];
}

/* --- The period ----------------------------------------------------------- */

static GDateTime *
semester_start (JlnSemester semester)
{
  return g_date_time_new_local (jln_semester_get_year (semester),
                                jln_semester_get_half (semester) == 1 ? 1 : 7, 1, 0, 0, 0);
}

/* The start of @text as a date, a semester or a milestone of @plan (its
 * kind, "evaluation", or words of its title); @end is the start of the
 * day, semester or month after it. */
static gboolean
parse_point (JlnPlan     *plan,
             const char  *text,
             GDateTime  **start,
             GDateTime  **end,
             GError     **error)
{
  JlnSemester semester;
  int year, month, day;

  if (jln_date_parse (text, &year, &month, &day))
    {
      *start = g_date_time_new_local (year, month, day > 0 ? day : 1, 0, 0, 0);
      *end = day > 0 ? g_date_time_add_days (*start, 1) : g_date_time_add_months (*start, 1);
      return TRUE;
    }
  if (jln_semester_parse (text, &semester, NULL))
    {
      *start = semester_start (semester);
      *end = g_date_time_add_months (*start, 6);
      return TRUE;
    }

  /* The latest milestone of that kind, or whose title has these words. */
  {
    GListModel *milestones = jln_plan_get_milestones (plan);
    g_autofree char *folded = jln_fold (text);
    JlnMilestone *best = NULL;

    for (guint i = 0; i < g_list_model_get_n_items (milestones); i++)
      {
        g_autoptr(JlnMilestone) milestone = g_list_model_get_item (milestones, i);
        const JlnText *title = jln_milestone_get_title (milestone);
        g_autofree char *fr = title->fr != NULL ? jln_fold (title->fr) : NULL;
        g_autofree char *en = title->en != NULL ? jln_fold (title->en) : NULL;
        GEnumClass *kinds = g_type_class_ref (jln_milestone_kind_get_type ());
        GEnumValue *kind = g_enum_get_value (kinds, jln_milestone_get_kind (milestone));
        gboolean match = (kind != NULL && g_ascii_strcasecmp (kind->value_nick, text) == 0) ||
                         (folded[0] != '\0' && ((fr != NULL && strstr (fr, folded) != NULL) ||
                                                (en != NULL && strstr (en, folded) != NULL)));

        g_type_class_unref (kinds);
        if (match && jln_milestone_get_date (milestone) != NULL &&
            (best == NULL || g_strcmp0 (jln_milestone_get_date (milestone), jln_milestone_get_date (best)) > 0))
          best = milestone;
      }
    if (best != NULL && jln_date_parse (jln_milestone_get_date (best), &year, &month, &day))
      {
        *start = g_date_time_new_local (year, month, day > 0 ? day : 1, 0, 0, 0);
        *end = day > 0 ? g_date_time_add_days (*start, 1) : g_date_time_add_months (*start, 1);
        return TRUE;
      }
  }

  g_set_error (error, JLN_ERROR, JLN_ERROR_INVALID,
               _("“%s” is not a date (2024-01-31), a semester (2024-S1) or a milestone of the plan"),
               text);
  return FALSE;
}

/**
 * jln_report_parse_period:
 * @since: a date, a semester or a milestone
 * @until: (nullable): a date or a semester, included; without it, a
 *   semester is the period and otherwise the period runs up to now
 * @until_out: (out) (transfer full) (nullable): the end, excluded, or
 *   %NULL for now
 */
gboolean
jln_report_parse_period (JlnPlan     *plan,
                         const char  *since,
                         const char  *until,
                         GDateTime  **since_out,
                         GDateTime  **until_out,
                         GError     **error)
{
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) start_end = NULL;
  g_autoptr(GDateTime) end_start = NULL;
  g_autoptr(GDateTime) end = NULL;
  JlnSemester semester;

  g_return_val_if_fail (JLN_IS_PLAN (plan) && since != NULL, FALSE);

  if (!parse_point (plan, since, &start, &start_end, error))
    return FALSE;
  if (until != NULL)
    {
      if (!parse_point (plan, until, &end_start, &end, error))
        return FALSE;
    }
  else if (jln_semester_parse (since, &semester, NULL))
    end = g_steal_pointer (&start_end);
  if (end != NULL && g_date_time_compare (end, start) <= 0)
    {
      g_set_error (error, JLN_ERROR, JLN_ERROR_INVALID,
                   _("The period ends before it begins (%s to %s)"), since, until);
      return FALSE;
    }
  *since_out = g_steal_pointer (&start);
  *until_out = g_steal_pointer (&end);
  return TRUE;
}

/* --- Gathering ------------------------------------------------------------ */

static gboolean
has_field (const JlnChange *change,
           const char      *name)
{
  return change->fields != NULL && g_strv_contains ((const char * const *) change->fields, name);
}

static JlnReportEntry *
entry_for_change (const JlnChange *change)
{
  JlnReportEntry *entry = entry_new ();

  entry->objective_number = g_strdup (change->objective_number);
  entry->number = jln_change_dup_number (change);
  copy_text (&entry->title, &change->title);
  entry->status = change->status;
  entry->old_due = change->old_due;
  entry->due = change->new_due;
  return entry;
}

static void
add_changes (JlnReport *self,
             GPtrArray *changes)
{
  for (guint i = 0; i < changes->len; i++)
    {
      const JlnChange *change = g_ptr_array_index (changes, i);

      if (change->kind == JLN_KIND_MEASUREMENT)
        continue;
      if (change->flags & JLN_CHANGE_ADDED)
        {
          if (change->kind == JLN_KIND_ACTION)
            g_ptr_array_add (self->lists[JLN_REPORT_NEW], entry_for_change (change));
          continue;
        }
      if (change->flags & JLN_CHANGE_COMPLETED)
        g_ptr_array_add (self->lists[JLN_REPORT_DONE], entry_for_change (change));
      if (change->flags & JLN_CHANGE_REPLANNED)
        g_ptr_array_add (self->lists[JLN_REPORT_REPLANNED], entry_for_change (change));
      if (has_field (change, "status"))
        {
          if (change->status == JLN_STATUS_IN_PROGRESS)
            g_ptr_array_add (self->lists[JLN_REPORT_STARTED], entry_for_change (change));
          else if (change->status == JLN_STATUS_DROPPED || change->status == JLN_STATUS_SUPERSEDED)
            g_ptr_array_add (self->lists[JLN_REPORT_DROPPED], entry_for_change (change));
        }
    }
}

/* The target of the measurement's year and series, NAN when none. */
static double
find_target (JlnIndicator   *indicator,
             JlnMeasurement *measurement)
{
  GListModel *targets = jln_indicator_get_targets (indicator);
  const JlnText *series = jln_measurement_get_series (measurement);
  int year = 0, month, day;

  if (!jln_date_parse (jln_measurement_get_date (measurement), &year, &month, &day))
    return NAN;
  for (guint i = 0; i < g_list_model_get_n_items (targets); i++)
    {
      g_autoptr(JlnTarget) target = g_list_model_get_item (targets, i);
      const JlnText *target_series = jln_target_get_series (target);
      gboolean empty_a = jln_text_is_empty (series), empty_b = jln_text_is_empty (target_series);
      gboolean same = (empty_a || empty_b) ? empty_a == empty_b
                      : g_strcmp0 (series->fr, target_series->fr) == 0 ||
                        g_strcmp0 (series->en, target_series->en) == 0;

      if (jln_target_get_year (target) == year && same)
        return jln_target_get_value (target);
    }
  return NAN;
}

static void
add_measurements (JlnReport *self,
                  GPtrArray *changes)
{
  for (guint i = 0; i < changes->len; i++)
    {
      const JlnChange *change = g_ptr_array_index (changes, i);
      JlnRecord *record;
      JlnRecord *indicator;
      JlnReportEntry *entry;

      if (change->kind != JLN_KIND_MEASUREMENT)
        continue;
      /* A measurement removed: said so, under its indicator's number. */
      if (change->flags & JLN_CHANGE_REMOVED)
        {
          if (change->number == NULL)
            continue;
          entry = entry_new ();
          entry->number = g_strdup (change->number);
          copy_text (&entry->title, &change->title);
          entry->date = g_strdup (change->date);
          entry->value = change->value;
          entry->removed = TRUE;
          g_ptr_array_add (self->lists[JLN_REPORT_MEASUREMENTS], entry);
          continue;
        }
      if (!(change->flags & JLN_CHANGE_MEASURED))
        continue;
      record = jln_plan_lookup (self->plan, change->id);
      indicator = record != NULL ? jln_record_get_parent (record) : NULL;
      if (record == NULL || indicator == NULL || !JLN_IS_INDICATOR (indicator))
        continue;
      entry = entry_new ();
      entry->number = g_strdup (change->number);
      copy_text (&entry->title, &change->title);
      entry->date = g_strdup (change->date);
      if (jln_indicator_get_kind (JLN_INDICATOR (indicator)) != JLN_INDICATOR_KIND_TEXT)
        {
          entry->value = change->value;
          entry->target = find_target (JLN_INDICATOR (indicator), JLN_MEASUREMENT (record));
        }
      g_ptr_array_add (self->lists[JLN_REPORT_MEASUREMENTS], entry);
    }
}

static gboolean
in_period (JlnReport  *self,
           const char *date)
{
  int year, month, day;
  g_autoptr(GDateTime) time = NULL;

  if (date == NULL || !jln_date_parse (date, &year, &month, &day))
    return FALSE;
  time = g_date_time_new_local (year, month, day > 0 ? day : 1, 0, 0, 0);
  /* A note dated to the day, or to the month, counts in the period that
   * day or month overlaps. */
  {
    g_autoptr(GDateTime) end = day > 0 ? g_date_time_add_days (time, 1) : g_date_time_add_months (time, 1);

    return g_date_time_compare (end, self->since) > 0 &&
           (self->until == NULL || g_date_time_compare (time, self->until) < 0);
  }
}

static void
add_notes_of (JlnReport  *self,
              JlnRecord  *owner,
              const char *objective_number,
              const char *number)
{
  GListModel *notes = jln_record_get_notes (owner);

  for (guint i = 0; i < g_list_model_get_n_items (notes); i++)
    {
      g_autoptr(JlnRecord) note = g_list_model_get_item (notes, i);
      JlnReportEntry *entry;

      if (!in_period (self, jln_note_get_date (note)))
        continue;
      entry = entry_new ();
      entry->objective_number = g_strdup (objective_number);
      entry->number = g_strdup (number);
      entry->date = g_strdup (jln_note_get_date (note));
      entry->author = g_strdup (jln_note_get_author (note));
      copy_text (&entry->text, jln_note_get_text (note));
      g_ptr_array_add (self->lists[JLN_REPORT_NOTES], entry);
    }
}

static void
add_overdue (JlnReport   *self,
             JlnRecord   *record,
             const char  *objective_number,
             const char  *number,
             JlnSemester  today)
{
  JlnSemester due;
  JlnStatus status;
  JlnReportEntry *entry;

  if (JLN_IS_ACTION (record))
    due = jln_action_get_due (JLN_ACTION (record)), status = jln_action_get_status (JLN_ACTION (record));
  else
    due = jln_action_item_get_due (JLN_ACTION_ITEM (record)),
    status = jln_action_item_get_status (JLN_ACTION_ITEM (record));
  if (!jln_semester_is_overdue (due, status, today))
    return;
  entry = entry_new ();
  entry->objective_number = g_strdup (objective_number);
  entry->number = g_strdup (number);
  copy_text (&entry->title, JLN_IS_ACTION (record) ? jln_action_get_title (JLN_ACTION (record))
                                                   : jln_action_item_get_title (JLN_ACTION_ITEM (record)));
  entry->status = status;
  entry->due = due;
  g_ptr_array_add (self->lists[JLN_REPORT_OVERDUE], entry);
}

/* Overdue actions and sub-items, and the notes of the period, in the
 * order of the plan. */
static void
walk_plan (JlnReport   *self,
           JlnSemester  today)
{
  GListModel *objectives = jln_plan_get_objectives (self->plan);

  for (guint o = 0; o < g_list_model_get_n_items (objectives); o++)
    {
      g_autoptr(JlnObjective) objective = g_list_model_get_item (objectives, o);
      const char *objective_number = jln_objective_get_number (objective);
      GListModel *actions = jln_objective_get_actions (objective);

      for (guint a = 0; a < g_list_model_get_n_items (actions); a++)
        {
          g_autoptr(JlnAction) action = g_list_model_get_item (actions, a);
          const char *number = jln_action_get_number (action);
          GListModel *items = jln_action_get_items (action);

          add_overdue (self, JLN_RECORD (action), objective_number, number, today);
          add_notes_of (self, JLN_RECORD (action), objective_number, number);
          for (guint i = 0; i < g_list_model_get_n_items (items); i++)
            {
              g_autoptr(JlnActionItem) item = g_list_model_get_item (items, i);
              g_autofree char *item_number = g_strdup_printf ("%s %s.", number,
                                                              jln_action_item_get_label (item));

              /* A sub-item is late on its own only when its action is not. */
              if (!jln_semester_is_overdue (jln_action_get_due (action), jln_action_get_status (action), today))
                add_overdue (self, JLN_RECORD (item), objective_number, item_number, today);
              add_notes_of (self, JLN_RECORD (item), objective_number, item_number);
            }
        }
    }
}

/**
 * jln_report_new:
 * @until: (nullable): the end of the period, excluded; %NULL for now
 *
 * Returns: (transfer full): the report of @document over the period, or
 *   %NULL with @error when the history cannot be read
 */
JlnReport *
jln_report_new (JlnDocument *document,
                GDateTime   *since,
                GDateTime   *until,
                GError     **error)
{
  g_autoptr(JlnReport) self = g_new0 (JlnReport, 1);
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GDateTime) last = NULL;
  JlnSemester today;

  g_return_val_if_fail (JLN_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (since != NULL, NULL);

  changes = jln_document_get_changes_between (document, since, until, error);
  if (changes == NULL)
    return NULL;
  self->plan = g_object_ref (jln_document_get_plan (document));
  self->since = g_date_time_ref (since);
  self->until = until != NULL ? g_date_time_ref (until) : NULL;
  for (guint i = 0; i < JLN_REPORT_N_LISTS; i++)
    self->lists[i] = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);

  add_changes (self, changes);
  add_measurements (self, changes);
  /* Overdue at the end of the period: past the semester before the one
   * of its last day. */
  last = until != NULL ? g_date_time_add_seconds (until, -1) : g_date_time_new_now_local ();
  today = jln_semester_from_date (last);
  walk_plan (self, today);
  return g_steal_pointer (&self);
}

/* --- Writing -------------------------------------------------------------- */

const char *
jln_report_list_get_title (JlnReportList list,
                           JlnLang       lang)
{
  static const char * const titles[] = {
    [JLN_REPORT_DONE] = N_("Actions done"),
    [JLN_REPORT_STARTED] = N_("Actions started"),
    [JLN_REPORT_REPLANNED] = N_("Actions replanned"),
    [JLN_REPORT_OVERDUE] = N_("Actions overdue"),
    [JLN_REPORT_DROPPED] = N_("Actions dropped or superseded"),
    [JLN_REPORT_NEW] = N_("New actions"),
    [JLN_REPORT_MEASUREMENTS] = N_("Indicator measurements"),
    [JLN_REPORT_NOTES] = N_("Progress notes"),
  };

  g_return_val_if_fail (list < JLN_REPORT_N_LISTS, NULL);
  return jln_translate (lang, titles[list]);
}

static const char *
text_in (const JlnText *text,
         JlnLang        lang)
{
  const char *value = jln_text_get_fallback (text, lang, NULL);

  return value != NULL ? value : "";
}

static char *
format_day (GDateTime *time,
            JlnLang    lang)
{
  return g_date_time_format (time, "%Y-%m-%d");
}

static char *
format_number (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.4g", value));
}

static void
write_entry (JlnReportList   list,
             JlnReportEntry *entry,
             JlnDoc         *doc,
             JlnLang         lang)
{
  jln_doc_paragraph_begin (doc, JLN_DOC_STYLE_BULLET);
  if (entry->number != NULL && entry->number[0] != '\0')
    {
      jln_doc_text (doc, entry->number, JLN_DOC_EMPHASIS_BOLD);
      jln_doc_text (doc, " ", 0);
    }
  switch (list)
    {
    case JLN_REPORT_REPLANNED:
      {
        g_autofree char *old_due = jln_semester_format (entry->old_due, JLN_SEMESTER_STYLE_LONG, lang);
        g_autofree char *new_due = jln_semester_format (entry->due, JLN_SEMESTER_STYLE_LONG, lang);

        jln_doc_text (doc, text_in (&entry->title, lang), 0);
        jln_doc_text (doc, " — ", 0);
        jln_doc_text (doc, old_due != NULL ? old_due : "?", 0);
        jln_doc_text (doc, " → ", 0);
        jln_doc_text (doc, new_due != NULL ? new_due : "?", JLN_DOC_EMPHASIS_BOLD);
        break;
      }
    case JLN_REPORT_OVERDUE:
      {
        g_autofree char *due = jln_semester_format (entry->due, JLN_SEMESTER_STYLE_LONG, lang);

        jln_doc_text (doc, text_in (&entry->title, lang), 0);
        jln_doc_text (doc, " — ", 0);
        /* Translators: an overdue action's planned semester, "planned for 2nd sem. 2023". */
        jln_doc_text (doc, T (N_("planned for ")), 0);
        jln_doc_text (doc, due != NULL ? due : "", 0);
        break;
      }
    case JLN_REPORT_MEASUREMENTS:
      {
        g_autofree char *value = isnan (entry->value) ? NULL : format_number (entry->value);
        g_autofree char *target = isnan (entry->target) ? NULL : format_number (entry->target);

        jln_doc_text (doc, text_in (&entry->title, lang), 0);
        jln_doc_text (doc, " — ", 0);
        jln_doc_text (doc, entry->date != NULL ? entry->date : "", 0);
        if (entry->removed)
          {
            if (value != NULL)
              {
                jln_doc_text (doc, T (N_(": ")), 0);
                jln_doc_text (doc, value, 0);
              }
            jln_doc_text (doc, " (", 0);
            /* Translators: in the report, a measurement of an indicator removed in the period. */
            jln_doc_text (doc, T (N_("measurement removed")), JLN_DOC_EMPHASIS_BOLD);
            jln_doc_text (doc, ")", 0);
            break;
          }
        if (value != NULL)
          {
            jln_doc_text (doc, T (N_(": ")), 0);
            jln_doc_text (doc, value, JLN_DOC_EMPHASIS_BOLD);
          }
        if (value != NULL && target != NULL)
          {
            jln_doc_text (doc, " (", 0);
            jln_doc_text (doc, T (N_("target ")), 0);
            jln_doc_text (doc, target, 0);
            jln_doc_text (doc, T (N_(": ")), 0);
            jln_doc_text (doc, entry->value >= entry->target ? T (N_("met")) : T (N_("behind")),
                          JLN_DOC_EMPHASIS_BOLD);
            jln_doc_text (doc, ")", 0);
          }
        else if (value != NULL)
          {
            jln_doc_text (doc, " (", 0);
            jln_doc_text (doc, T (N_("no target this year")), 0);
            jln_doc_text (doc, ")", 0);
          }
        break;
      }
    case JLN_REPORT_NOTES:
      jln_doc_text (doc, entry->date != NULL ? entry->date : "", JLN_DOC_EMPHASIS_ITALIC);
      if (entry->author != NULL)
        {
          jln_doc_text (doc, ", ", JLN_DOC_EMPHASIS_ITALIC);
          jln_doc_text (doc, entry->author, JLN_DOC_EMPHASIS_ITALIC);
        }
      jln_doc_text (doc, T (N_(": ")), 0);
      jln_doc_text (doc, text_in (&entry->text, lang), 0);
      break;
    case JLN_REPORT_DONE:
    case JLN_REPORT_STARTED:
    case JLN_REPORT_DROPPED:
    case JLN_REPORT_NEW:
    default:
      jln_doc_text (doc, text_in (&entry->title, lang), 0);
      if (list == JLN_REPORT_DROPPED)
        {
          jln_doc_text (doc, " — ", 0);
          jln_doc_text (doc, entry->status == JLN_STATUS_DROPPED
                             ? jln_status_get_label_in (JLN_STATUS_DROPPED, lang)
                             : jln_status_get_label_in (JLN_STATUS_SUPERSEDED, lang), 0);
        }
      break;
    }
  jln_doc_paragraph_end (doc);
}

static const char *
objective_title (JlnPlan    *plan,
                 const char *number,
                 JlnLang     lang)
{
  GListModel *objectives = jln_plan_get_objectives (plan);

  for (guint i = 0; number != NULL && i < g_list_model_get_n_items (objectives); i++)
    {
      g_autoptr(JlnObjective) objective = g_list_model_get_item (objectives, i);

      if (g_strcmp0 (jln_objective_get_number (objective), number) == 0)
        return text_in (jln_objective_get_title (objective), lang);
    }
  return NULL;
}

/**
 * jln_report_write:
 *
 * The report: its period, then each list with its entries grouped by
 * objective; a list with nothing says so.
 */
void
jln_report_write (JlnReport *self,
                  JlnDoc    *doc,
                  JlnLang    lang)
{
  g_autofree char *since = format_day (self->since, lang);
  g_autofree char *until = NULL;
  g_autofree char *period = NULL;
  const char *plan_title = text_in (jln_plan_get_title (self->plan), lang);

  if (self->until != NULL)
    {
      g_autoptr(GDateTime) last = g_date_time_add_days (self->until, -1);

      until = format_day (last, lang);
      /* Translators: the period of a steering committee's report. */
      period = g_strdup_printf (jln_translate (lang, N_("From %1$s to %2$s")), since, until);
    }
  else
    /* Translators: the period of a steering committee's report, up to today. */
    period = g_strdup_printf (jln_translate (lang, N_("Since %s")), since);

  jln_doc_begin (doc, plan_title, lang, FALSE);
  jln_doc_paragraph (doc, JLN_DOC_STYLE_TITLE, T (N_("Report to the steering committee")), 0);
  jln_doc_paragraph (doc, JLN_DOC_STYLE_BODY, plan_title, JLN_DOC_EMPHASIS_BOLD);
  jln_doc_paragraph (doc, JLN_DOC_STYLE_BODY, period, 0);
  write_charts (self, doc, lang);

  for (guint l = 0; l < JLN_REPORT_N_LISTS; l++)
    {
      GPtrArray *entries = self->lists[l];
      const char *last_objective = "";

      jln_doc_paragraph (doc, JLN_DOC_STYLE_HEADING, jln_report_list_get_title (l, lang), 0);
      if (entries->len == 0)
        {
          jln_doc_paragraph (doc, JLN_DOC_STYLE_BODY, T (N_("None in this period.")), JLN_DOC_EMPHASIS_ITALIC);
          continue;
        }
      for (guint i = 0; i < entries->len; i++)
        {
          JlnReportEntry *entry = g_ptr_array_index (entries, i);

          if (l != JLN_REPORT_MEASUREMENTS && g_strcmp0 (entry->objective_number, last_objective) != 0)
            {
              const char *title = objective_title (self->plan, entry->objective_number, lang);
              g_autofree char *heading = entry->objective_number == NULL ? g_strdup (T (N_("Other")))
                                         : title != NULL && title[0] != '\0'
                                         ? g_strdup_printf ("%s. %s", entry->objective_number, title)
                                         : g_strdup (entry->objective_number);

              jln_doc_paragraph (doc, JLN_DOC_STYLE_SUBHEADING, heading, 0);
              last_objective = entry->objective_number;
            }
          write_entry (l, entry, doc, lang);
        }
    }
}
