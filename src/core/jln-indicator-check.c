/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "jln-gettext.h"
#include <math.h>
#include <stdio.h>

#include "jln-indicator-check.h"
#include "jln-measurement.h"
#include "jln-target.h"

static gboolean
check_value (JlnIndicator  *indicator,
             double         value,
             gboolean       is_target,
             GError       **error)
{
  if (isnan (value))
    return TRUE;

  switch (jln_indicator_get_kind (indicator))
    {
    case JLN_INDICATOR_KIND_PERCENTAGE:
      if (value < 0 || value > 100)
        {
          g_set_error (error, JLN_ERROR, JLN_ERROR_INVALID,
                       is_target
                       /* Translators: %g is the value typed, like 120. */
                       ? _("Target value: %g is not a percentage; write a number from 0 to 100")
                       /* Translators: %g is the value typed, like 120. */
                       : _("Measured value: %g is not a percentage; write a number from 0 to 100"),
                       value);
          return FALSE;
        }
      return TRUE;
    case JLN_INDICATOR_KIND_COUNT:
      if (value < 0)
        {
          g_set_error (error, JLN_ERROR, JLN_ERROR_INVALID,
                       is_target
                       /* Translators: %g is the value typed, like -3. */
                       ? _("Target value: %g is negative; a count is 0 or more")
                       /* Translators: %g is the value typed, like -3. */
                       : _("Measured value: %g is negative; a count is 0 or more"),
                       value);
          return FALSE;
        }
      return TRUE;
    case JLN_INDICATOR_KIND_TEXT:
    default:
      return TRUE;
    }
}

static gboolean
check_target (JlnPlan       *plan,
              JlnIndicator  *indicator,
              JlnTarget     *target,
              GError       **error)
{
  JlnSemester start = jln_plan_get_start (plan);
  JlnSemester end = jln_plan_get_end (plan);
  int year = jln_target_get_year (target);

  if (start != JLN_SEMESTER_NONE && end != JLN_SEMESTER_NONE &&
      (year < (int) jln_semester_get_year (start) || year > (int) jln_semester_get_year (end)))
    {
      g_set_error (error, JLN_ERROR, JLN_ERROR_INVALID,
                   /* Translators: %1$d is the year typed, %2$u and %3$u the plan's first and
                      last years. */
                   _("Target year: %1$d lies outside the plan, which runs from %2$u to %3$u"),
                   year, jln_semester_get_year (start), jln_semester_get_year (end));
      return FALSE;
    }
  return check_value (indicator, jln_target_get_value (target), TRUE, error);
}

static gboolean
check_measurement (JlnPlan         *plan,
                   JlnIndicator    *indicator,
                   JlnMeasurement  *measurement,
                   GError         **error)
{
  JlnSemester start = jln_plan_get_start (plan);
  JlnSemester end = jln_plan_get_end (plan);
  const char *date = jln_measurement_get_date (measurement);
  int year, month, day;

  if (!jln_date_parse (date, &year, &month, &day) || month == 0)
    {
      g_set_error (error, JLN_ERROR, JLN_ERROR_INVALID,
                   /* Translators: %s is the date typed. */
                   _("Date of measurement: “%s” is not a date; write it as YYYY-MM-DD"),
                   date != NULL ? date : "");
      return FALSE;
    }

  if (start != JLN_SEMESTER_NONE && end != JLN_SEMESTER_NONE)
    {
      JlnSemester semester = jln_semester_new (year, month <= 6 ? 1 : 2);

      if (semester < start || semester > end)
        {
          guint start_month = jln_semester_get_half (start) == 1 ? 1 : 7;
          guint end_month = jln_semester_get_half (end) == 1 ? 6 : 12;

          g_set_error (error, JLN_ERROR, JLN_ERROR_INVALID,
                       /* Translators: %1$s is the date typed; %2$u-%3$02u and %4$u-%5$02u
                        * the first and last months of the plan, as in 2021-01 and 2024-12. */
                       _("Date of measurement: %1$s lies outside the plan, which runs from "
                         "%2$u-%3$02u to %4$u-%5$02u"),
                       date, jln_semester_get_year (start), start_month,
                       jln_semester_get_year (end), end_month);
          return FALSE;
        }
    }
  return check_value (indicator, jln_measurement_get_value (measurement), FALSE, error);
}

gboolean
jln_indicator_check_record (JlnPlan       *plan,
                            JlnIndicator  *indicator,
                            JlnRecord     *record,
                            GError       **error)
{
  g_return_val_if_fail (JLN_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (JLN_IS_RECORD (record), FALSE);

  if (JLN_IS_TARGET (record) && indicator != NULL)
    return check_target (plan, indicator, JLN_TARGET (record), error);
  if (JLN_IS_MEASUREMENT (record) && indicator != NULL)
    return check_measurement (plan, indicator, JLN_MEASUREMENT (record), error);
  if (JLN_IS_INDICATOR (record))
    {
      for (JlnKind kind = JLN_KIND_TARGET; kind <= JLN_KIND_MEASUREMENT; kind++)
        {
          GListModel *children = jln_record_get_children (record, kind);

          for (guint i = 0; i < g_list_model_get_n_items (children); i++)
            {
              g_autoptr(JlnRecord) child = g_list_model_get_item (children, i);

              if (!jln_indicator_check_record (plan, JLN_INDICATOR (record), child, error))
                return FALSE;
            }
        }
    }
  return TRUE;
}
