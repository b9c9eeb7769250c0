/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "jln-action.h"
#include "jln-action-item.h"
#include "jln-objective.h"
#include "jln-plan.h"
#include "jln-query.h"

G_BEGIN_DECLS

/* The actions of a plan as a spreadsheet: one row per action and per
 * sub-item, one column per field, texts in both languages, typed cells
 * (dates as dates, semesters as sortable "2022-S2", the overdue flag as
 * a boolean). The first nine columns are those of the short CSV. */

typedef enum
{
  JLN_SHEET_EMPTY,
  JLN_SHEET_STRING,
  JLN_SHEET_NUMBER,
  JLN_SHEET_DATE,
  JLN_SHEET_BOOLEAN,
} JlnSheetType;

typedef struct
{
  JlnSheetType type;
  char        *text;      /* STRING; also DATE as "2022-12-31" */
  double       number;    /* NUMBER; BOOLEAN as 0 or 1 */
  int          year, month, day;
} JlnSheetValue;

typedef struct
{
  JlnObjective  *objective;
  JlnAction     *action;
  JlnActionItem *item;      /* NULL for the action's own row */
  JlnLang        lang;
  JlnSemester    today;
} JlnSheetRow;

guint       jln_sheet_get_n_fields   (void);
const char *jln_sheet_get_field_title (guint              field,
                                      JlnLang            lang);
void        jln_sheet_get_value      (guint              field,
                                      const JlnSheetRow *row,
                                      JlnSheetValue     *value);
void        jln_sheet_value_clear    (JlnSheetValue     *value);

/* Calls @func for each row the query keeps, in the plan's order. */
typedef void (*JlnSheetRowFunc) (const JlnSheetRow *row,
                                 gpointer           user_data);
void        jln_sheet_foreach_row    (JlnPlan           *plan,
                                      JlnQuery          *query,
                                      JlnLang            lang,
                                      JlnSemester        today,
                                      JlnSheetRowFunc    func,
                                      gpointer           user_data);

gboolean    jln_sheet_format_from_path (const char      *path);
/* Writes the actions to @path as ODS or XLSX, after its extension. */
gboolean    jln_sheet_write_actions  (JlnPlan           *plan,
                                      JlnQuery          *query,
                                      JlnLang            lang,
                                      const char        *path,
                                      GCancellable      *cancellable,
                                      GError           **error);

G_END_DECLS
