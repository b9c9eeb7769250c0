/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jln-completion.h"
#include "jln-document.h"
#include "jln-semester.h"
#include "jln-text.h"

G_BEGIN_DECLS

/* What happened to an action or a sub-item since a date, read from the
 * history of the plan file. A change can be completed, re-planned and
 * edited at once; added and removed stand alone. */
typedef enum
{
  JLN_CHANGE_ADDED     = 1 << 0,
  JLN_CHANGE_REMOVED   = 1 << 1,
  JLN_CHANGE_COMPLETED = 1 << 2,
  JLN_CHANGE_REPLANNED = 1 << 3,
  JLN_CHANGE_EDITED    = 1 << 4,
  JLN_CHANGE_MEASURED  = 1 << 5,   /* a measurement of an indicator entered or corrected */
} JlnChangeFlags;

typedef struct
{
  JlnChangeFlags  flags;
  JlnKind         kind;              /* JLN_KIND_ACTION, JLN_KIND_ITEM or JLN_KIND_MEASUREMENT */
  char           *id;                /* the record's id */
  char           *number;            /* the action's number ("1.8"), also for a sub-item;
                                      * NULL when unknown */
  char           *label;             /* a sub-item's label ("a"), NULL for an action */
  char           *objective_number;  /* NULL when unknown */
  JlnText         title;             /* from the plan, or from the last copy kept in the history */
  JlnStatus       status;            /* now, or when removed */
  JlnCompletion   completion;        /* now, or when removed */
  JlnSemester     old_due;           /* REPLANNED: the due semester before the first change */
  JlnSemester     new_due;           /* REPLANNED: after the last change */
  int             shift;             /* REPLANNED: new_due - old_due in semesters, positive
                                      * when later; 0 unless both are set */
  char          **fields;            /* EDITED: the other fields changed, as the history names
                                      * them ("title-en", "units", "position"), in order */
  GDateTime      *time;              /* the last change */
  char           *origin;            /* the file name of the copy the last change was merged
                                      * from, NULL for a change made in this plan */
  /* A measurement: "number" and "title" are its indicator's, "date"
   * and "value" its own (NAN for a text indicator). */
  char           *date;
  double          value;
} JlnChange;

typedef struct
{
  guint added;
  guint removed;
  guint completed;
  guint replanned;
  guint edited;
  guint measured;
} JlnChangeCounts;

#define JLN_TYPE_CHANGE (jln_change_get_type ())

GType      jln_change_get_type      (void) G_GNUC_CONST;
JlnChange *jln_change_copy          (const JlnChange *change);
void       jln_change_free          (JlnChange       *change);
char      *jln_change_dup_number    (const JlnChange *change);

GPtrArray *jln_document_get_changes (JlnDocument     *document,
                                     GDateTime       *since,
                                     GError         **error);
GPtrArray *jln_document_get_changes_between (JlnDocument *document,
                                             GDateTime   *since,
                                             GDateTime   *until,
                                             GError     **error);
void       jln_changes_count        (GPtrArray       *changes,
                                     JlnChangeCounts *counts);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JlnChange, jln_change_free)

G_END_DECLS
