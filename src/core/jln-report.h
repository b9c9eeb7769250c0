/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jln-doc.h"
#include "jln-document.h"
#include "jln-query.h"
#include "jln-semester.h"
#include "jln-text.h"

G_BEGIN_DECLS

/* The report for a steering committee: what happened over a period, read
 * from the plan's history (the same changes as "Changes since…") and from
 * the plan as it stands, grouped by objective. */
typedef enum
{
  JLN_REPORT_DONE,          /* actions and sub-items completed */
  JLN_REPORT_STARTED,       /* now in progress, from another status */
  JLN_REPORT_REPLANNED,     /* the planned semester moved: old → new */
  JLN_REPORT_OVERDUE,       /* at the end of the period, past their semester */
  JLN_REPORT_DROPPED,       /* now dropped or superseded */
  JLN_REPORT_NEW,           /* actions added */
  JLN_REPORT_MEASUREMENTS,  /* indicator measurements entered, against their target */
  JLN_REPORT_NOTES,         /* progress notes dated in the period */
  JLN_REPORT_N_LISTS,
} JlnReportList;

typedef struct
{
  char        *objective_number;  /* NULL when unknown, and for a measurement */
  char        *number;            /* "1.4", "1.8 a."; an indicator's number for a measurement */
  JlnText      title;
  JlnStatus    status;
  JlnSemester  old_due;           /* REPLANNED */
  JlnSemester  due;               /* REPLANNED: the new one; OVERDUE: the planned semester */
  char        *date;              /* a measurement's or a note's */
  double       value;             /* a measurement's, NAN when none */
  double       target;            /* the target of its year and series, NAN when none */
  char        *author;            /* a note's office or author */
  JlnText      text;              /* a note's text */
  gboolean     removed;           /* MEASUREMENTS: a measurement removed in the period */
} JlnReportEntry;

typedef struct _JlnReport JlnReport;

gboolean    jln_report_parse_period (JlnPlan     *plan,
                                     const char  *since,
                                     const char  *until,
                                     GDateTime  **since_out,
                                     GDateTime  **until_out,
                                     GError     **error);
/* The actions changed in the period, from the history, and matched by
 * @filter (nullable): for the documents of a period. */
JlnQuery   *jln_report_period_query (JlnDocument *document,
                                     const char  *since,
                                     const char  *until,
                                     const char  *filter,
                                     GError     **error);
JlnReport  *jln_report_new          (JlnDocument *document,
                                     GDateTime   *since,
                                     GDateTime   *until,
                                     GError     **error);
void        jln_report_free         (JlnReport   *self);
GPtrArray  *jln_report_get_list     (JlnReport   *self,
                                     JlnReportList list);
const char *jln_report_list_get_title (JlnReportList list,
                                       JlnLang       lang);
/* A chart of the report as a picture: drawn by the render layer, which
 * the core does not depend on, through a JlnReportChartsFunc. */
typedef struct
{
  GBytes *png;
  double  width_mm;
  double  height_mm;
  char   *title;
  char   *alt_text;
} JlnReportPicture;

void        jln_report_picture_free (JlnReportPicture *picture);

/* The plan-wide charts of @plan in @lang, at most @width_mm wide: a
 * GPtrArray of JlnReportPicture that frees them. */
typedef GPtrArray *(*JlnReportChartsFunc) (JlnPlan  *plan,
                                          JlnLang   lang,
                                          double    width_mm,
                                          gpointer  user_data);

/* The report then has a section of the plan-wide charts. */
void        jln_report_set_charts_func (JlnReport          *self,
                                        JlnReportChartsFunc func,
                                        gpointer            user_data);

/* Describes the report to @doc, from jln_doc_begin() on. */
void        jln_report_write        (JlnReport   *self,
                                     JlnDoc      *doc,
                                     JlnLang      lang);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JlnReport, jln_report_free)

G_END_DECLS
