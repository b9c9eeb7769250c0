/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include "jln-gettext.h"

#include "jln-i18n.h"
#include "jln-semester-axis.h"

void
jln_semester_axis_init (JlnSemesterAxis *axis,
                        JlnSemester      first,
                        JlnSemester      last,
                        double           x,
                        double           semester_width)
{
  g_return_if_fail (axis != NULL);

  axis->first = first;
  axis->last = MAX (first, last);
  axis->x = x;
  axis->semester_width = semester_width;
}

/* Semesters [first, last] over @width from @x. */
void
jln_semester_axis_init_span (JlnSemesterAxis *axis,
                             JlnSemester      first,
                             JlnSemester      last,
                             double           x,
                             double           width)
{
  g_return_if_fail (axis != NULL);

  jln_semester_axis_init (axis, first, last, x, 0);
  axis->semester_width = width / jln_semester_axis_get_n_semesters (axis);
}

guint
jln_semester_axis_get_n_semesters (const JlnSemesterAxis *axis)
{
  return axis->last - axis->first + 1;
}

/* The left edge of @semester's column. */
double
jln_semester_axis_get_x (const JlnSemesterAxis *axis,
                         JlnSemester            semester)
{
  return jln_semester_axis_get_fraction_x (axis, semester);
}

double
jln_semester_axis_get_center_x (const JlnSemesterAxis *axis,
                                JlnSemester            semester)
{
  return jln_semester_axis_get_fraction_x (axis, semester + 0.5);
}

/* A point in time counted in semesters, as JlnSemester counts them, with
 * a fraction for how far into its semester it is. */
double
jln_semester_axis_get_fraction_x (const JlnSemesterAxis *axis,
                                  double                 semesters)
{
  return axis->x + (semesters - (double) axis->first) * axis->semester_width;
}

/* A point in time counted in years: 2022.5 is 1 July 2022. */
double
jln_semester_axis_get_year_x (const JlnSemesterAxis *axis,
                              double                 year)
{
  /* Counted from the axis's first semester, for years out of the range
   * a JlnSemester holds. */
  double first_year = jln_semester_get_year (axis->first) + (jln_semester_get_half (axis->first) - 1) / 2.0;

  return jln_semester_axis_get_fraction_x (axis, axis->first + 2 * (year - first_year));
}

JlnSemester
jln_semester_axis_get_semester_at (const JlnSemesterAxis *axis,
                                   double                 x)
{
  double s;

  if (axis->semester_width <= 0)
    return axis->first;
  s = floor ((x - axis->x) / axis->semester_width);
  return axis->first + (JlnSemester) CLAMP (s, 0, axis->last - axis->first);
}

char *
jln_semester_axis_dup_label (JlnSemester      semester,
                             JlnSemesterLabel form,
                             JlnLang          lang)
{
  switch (form)
    {
    case JLN_SEMESTER_LABEL_LONG:
      return jln_semester_format (semester, JLN_SEMESTER_STYLE_LONG, lang);
    case JLN_SEMESTER_LABEL_SHORT:
      return jln_semester_format (semester, JLN_SEMESTER_STYLE_SHORT, lang);
    case JLN_SEMESTER_LABEL_HALF:
      /* The year is right above. */
      return g_strdup_printf ("S%u", jln_semester_get_half (semester));
    case JLN_SEMESTER_LABEL_NONE:
    default:
      return g_strdup ("");
    }
}

char *
jln_semester_axis_dup_quarter_label (JlnSemester semester,
                                     guint       quarter,
                                     gboolean    with_year,
                                     JlnLang     lang)
{
  guint n = (jln_semester_get_half (semester) - 1) * 2 + quarter + 1;
  /* Translators: a quarter of a year in a timeline's header, like “Q3”;
     in French “T3” (trimestre). */
  g_autofree char *name = g_strdup_printf (jln_translate (lang, N_("Q%u")), n);

  if (!with_year)
    return g_steal_pointer (&name);
  return g_strdup_printf ("%s %u", name, jln_semester_get_year (semester));
}
