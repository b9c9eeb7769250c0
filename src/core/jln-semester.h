/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "jln-types.h"

G_BEGIN_DECLS

/* A half-year, as HRS4R plans are timed. The value is an ordinal,
 * year * 2 + (half - 1), so that semesters compare and subtract as
 * integers; 0 means "no semester". */
typedef guint JlnSemester;

#define JLN_SEMESTER_NONE ((JlnSemester) 0)
#define JLN_SEMESTER_MIN_YEAR 1900
#define JLN_SEMESTER_MAX_YEAR 2200

typedef enum
{
  JLN_SEMESTER_STYLE_ISO,    /* 2022-S2 */
  JLN_SEMESTER_STYLE_SHORT,  /* S2 2022 */
  JLN_SEMESTER_STYLE_LONG,   /* 2nd sem. 2022, 2e sem. 2022 */
} JlnSemesterStyle;

JlnSemester jln_semester_new        (guint             year,
                                     guint             half);
guint       jln_semester_get_year   (JlnSemester       semester);
guint       jln_semester_get_half   (JlnSemester       semester);
gboolean    jln_semester_parse      (const char       *text,
                                     JlnSemester      *semester,
                                     GError          **error);
char       *jln_semester_format     (JlnSemester       semester,
                                     JlnSemesterStyle  style,
                                     JlnLang           lang);
JlnSemester jln_semester_from_date  (GDateTime        *date);
JlnSemester jln_semester_today      (void);
gboolean    jln_date_parse          (const char  *text,
                                     int         *year,
                                     int         *month,
                                     int         *day);
gboolean    jln_semester_is_overdue (JlnSemester due,
                                     JlnStatus   status,
                                     JlnSemester today);

G_END_DECLS
