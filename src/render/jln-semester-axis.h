/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jln-semester.h"
#include "jln-types.h"

G_BEGIN_DECLS

/* How a semester's column is labelled, from the widest form down. */
typedef enum
{
  JLN_SEMESTER_LABEL_NONE,
  JLN_SEMESTER_LABEL_HALF,     /* S2, under its year */
  JLN_SEMESTER_LABEL_SHORT,    /* S2 2022 */
  JLN_SEMESTER_LABEL_LONG,     /* 2nd sem. 2022, 2e sem. 2022 */
} JlnSemesterLabel;

/* The one mapping of semesters to x that the timeline, its window and
 * the charts share: semesters [first, last], each semester_width wide,
 * the first starting at x. A value, set up where a layout is known. */
typedef struct
{
  JlnSemester first;
  JlnSemester last;
  double      x;
  double      semester_width;
} JlnSemesterAxis;

void        jln_semester_axis_init           (JlnSemesterAxis       *axis,
                                              JlnSemester            first,
                                              JlnSemester            last,
                                              double                 x,
                                              double                 semester_width);
void        jln_semester_axis_init_span      (JlnSemesterAxis       *axis,
                                              JlnSemester            first,
                                              JlnSemester            last,
                                              double                 x,
                                              double                 width);
guint       jln_semester_axis_get_n_semesters (const JlnSemesterAxis *axis);
double      jln_semester_axis_get_x          (const JlnSemesterAxis *axis,
                                              JlnSemester            semester);
double      jln_semester_axis_get_center_x   (const JlnSemesterAxis *axis,
                                              JlnSemester            semester);
double      jln_semester_axis_get_fraction_x (const JlnSemesterAxis *axis,
                                              double                 semesters);
double      jln_semester_axis_get_year_x     (const JlnSemesterAxis *axis,
                                              double                 year);
JlnSemester jln_semester_axis_get_semester_at (const JlnSemesterAxis *axis,
                                              double                 x);

/* Tick labels: a semester in a form, a quarter (0 or 1) of a semester
 * ("Q3 2022", or "Q3" under its year; "T3" in French). */
char       *jln_semester_axis_dup_label      (JlnSemester            semester,
                                              JlnSemesterLabel       form,
                                              JlnLang                lang);
char       *jln_semester_axis_dup_quarter_label (JlnSemester         semester,
                                              guint                  quarter,
                                              gboolean               with_year,
                                              JlnLang                lang);

G_END_DECLS
