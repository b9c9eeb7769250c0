/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jln-completion.h"
#include "jln-record.h"
#include "jln-semester.h"
#include "jln-text.h"

G_BEGIN_DECLS

/* What the list, the timeline and the exports show of a row, whatever
 * its kind (objective, action or sub-item): the fields the kinds share,
 * and their texts. @ui_lang is the language of the interface's own words
 * (semesters, statuses); plan text comes in @lang. */
const char          *jln_record_get_number          (JlnRecord     *record);
const JlnText       *jln_record_get_title           (JlnRecord     *record);
const char          *jln_record_get_title_text      (JlnRecord     *record,
                                                     JlnLang        lang,
                                                     gboolean      *is_fallback);
gboolean             jln_record_get_status          (JlnRecord     *record,
                                                     JlnStatus     *status);
JlnSemester          jln_record_get_due             (JlnRecord     *record);
JlnSemester          jln_record_get_start           (JlnRecord     *record);
const JlnCompletion *jln_record_get_completion      (JlnRecord     *record);
GPtrArray           *jln_record_get_units           (JlnRecord     *record);
gboolean             jln_record_is_overdue          (JlnRecord     *record,
                                                     JlnSemester    today);

char                *jln_record_dup_number_text     (JlnRecord     *record);
char                *jln_record_dup_status_text     (JlnRecord     *record);
char                *jln_record_dup_due_text        (JlnRecord     *record,
                                                     JlnLang        ui_lang);
char                *jln_record_dup_completion_text (JlnRecord     *record,
                                                     JlnLang        ui_lang);
char                *jln_record_dup_units_text      (JlnRecord     *record);
char                *jln_record_dup_spoken_label    (JlnRecord     *record,
                                                     JlnLang        lang,
                                                     JlnLang        ui_lang,
                                                     JlnSemester    today);
char                *jln_record_dup_spoken_label_for (JlnRecord   *record,
                                                      const char  *title,
                                                      JlnLang      ui_lang,
                                                      JlnSemester  today);

G_END_DECLS
