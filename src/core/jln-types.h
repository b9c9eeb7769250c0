/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Content languages. The interface language follows the locale;
 * plan content is kept in both and shown in the one chosen. */
typedef enum
{
  JLN_LANG_FR,
  JLN_LANG_EN,
} JlnLang;

typedef enum
{
  JLN_STATUS_PLANNED,
  JLN_STATUS_IN_PROGRESS,
  JLN_STATUS_DONE,
  JLN_STATUS_DONE_NEW,
  JLN_STATUS_REVISED,
  JLN_STATUS_SUPERSEDED,
  JLN_STATUS_DROPPED,
} JlnStatus;

typedef enum
{
  JLN_PROGRAMME_HRS4R,
  JLN_PROGRAMME_GEP,
} JlnProgramme;

typedef enum
{
  JLN_INDICATOR_KIND_PERCENTAGE,
  JLN_INDICATOR_KIND_COUNT,
  JLN_INDICATOR_KIND_TEXT,
} JlnIndicatorKind;

typedef enum
{
  JLN_MILESTONE_KIND_SUBMISSION,
  JLN_MILESTONE_KIND_EVALUATION,
  JLN_MILESTONE_KIND_RENEWAL,
  JLN_MILESTONE_KIND_OTHER,
} JlnMilestoneKind;

typedef enum
{
  JLN_PRINCIPLE_AREA_ETHICS,
  JLN_PRINCIPLE_AREA_RECRUITMENT,
  JLN_PRINCIPLE_AREA_CONDITIONS,
  JLN_PRINCIPLE_AREA_TRAINING,
} JlnPrincipleArea;

typedef enum
{
  JLN_RECURRENCE_NONE,
  JLN_RECURRENCE_YEARLY,
} JlnRecurrence;

/* The kinds of objects a plan is made of, in the order in which they
 * are loaded, saved and exported: an object only refers to kinds that
 * come before it, or to its parent. */
typedef enum
{
  JLN_KIND_PLAN,
  JLN_KIND_UNIT,
  JLN_KIND_PRINCIPLE,
  JLN_KIND_MILESTONE,
  JLN_KIND_OBJECTIVE,
  JLN_KIND_ACTION,
  JLN_KIND_ITEM,
  JLN_KIND_INDICATOR,
  JLN_KIND_TARGET,
  JLN_KIND_MEASUREMENT,
  JLN_KIND_NOTE,
  JLN_KIND_ITEM_NOTE,
  JLN_KIND_SECTION,
  JLN_N_KINDS,
} JlnKind;

/* The fields that edits change, named once for every widget: an edit
 * command takes one of these, never a field's name. */
typedef enum
{
  JLN_PLAN_FIELD_NUMBER,
  JLN_PLAN_FIELD_LABEL,
  JLN_PLAN_FIELD_PROGRAMME,
  JLN_PLAN_FIELD_STATUS,
  JLN_PLAN_FIELD_TITLE,
  JLN_PLAN_FIELD_THEME,
  JLN_PLAN_FIELD_DESCRIPTION,
  JLN_PLAN_FIELD_START,
  JLN_PLAN_FIELD_DUE,
  JLN_PLAN_FIELD_NEXT,
  JLN_PLAN_FIELD_COMPLETION,
  JLN_PLAN_FIELD_RECURRENCE,
  JLN_PLAN_FIELD_REFERENCES,
  JLN_PLAN_FIELD_UNITS,
  JLN_PLAN_FIELD_PRINCIPLES,
  JLN_PLAN_FIELD_ACTORS,
  JLN_PLAN_FIELD_FOLLOW_UP,
  JLN_PLAN_FIELD_SCHEDULE,
  JLN_PLAN_FIELD_EXTENSION,
  JLN_PLAN_FIELD_NOTE,
  JLN_PLAN_FIELD_KIND,
  JLN_PLAN_FIELD_MEASURE,
  JLN_PLAN_FIELD_YEAR,
  JLN_PLAN_FIELD_VALUE,
  JLN_PLAN_FIELD_SERIES,
  JLN_PLAN_FIELD_TEXT,
  JLN_PLAN_FIELD_DATE,
  JLN_PLAN_FIELD_SOURCE,
  JLN_PLAN_FIELD_AUTHOR,
  JLN_PLAN_FIELD_BODY,
  JLN_PLAN_FIELD_END,
  JLN_PLAN_FIELD_NOTES,
  JLN_PLAN_FIELD_CODE,
  JLN_PLAN_FIELD_NAME,
} JlnPlanField;

typedef enum
{
  JLN_EDIT_SET,
  JLN_EDIT_INSERT,
  JLN_EDIT_REMOVE,
  JLN_EDIT_MOVE,
} JlnEditKind;

#define JLN_ERROR (jln_error_quark ())

typedef enum
{
  JLN_ERROR_INVALID,       /* a value, a file or a query is not what it should be */
  JLN_ERROR_NOT_A_PLAN,    /* the file is not a Jalons plan */
  JLN_ERROR_DAMAGED,       /* the file is a plan but cannot be read */
  JLN_ERROR_TOO_NEW,       /* the file was written by a newer version */
  JLN_ERROR_IN_USE,        /* an object cannot be removed while others refer to it */
  JLN_ERROR_NOT_FOUND,
  JLN_ERROR_IO,
  JLN_ERROR_CHANGED,       /* another window or program changed what an edit would change */
  JLN_ERROR_READ_ONLY,     /* the plan was opened read-only: nothing is written */
  JLN_ERROR_REPLACED,      /* another file was put at the plan's path since it was opened */
  JLN_ERROR_EXIST,         /* an output file already exists */
} JlnError;

GQuark      jln_error_quark             (void);

gboolean    jln_id_is_valid             (const char *id);

const char *jln_status_to_string        (JlnStatus     status);
gboolean    jln_status_from_string      (const char   *text,
                                         JlnStatus    *status);
const char *jln_status_get_label        (JlnStatus     status);
const char *jln_status_get_msgid        (JlnStatus     status);
gboolean    jln_status_is_done          (JlnStatus     status);
gboolean    jln_status_is_closed        (JlnStatus     status);

const char *jln_lang_to_string          (JlnLang       lang);
JlnLang     jln_lang_from_locale        (void);
gboolean    jln_lang_from_string        (const char   *text,
                                         JlnLang      *lang);

G_END_DECLS
