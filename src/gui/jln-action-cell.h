/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "jln-row-model.h"
#include "jln-semester.h"
#include "jln-types.h"

G_BEGIN_DECLS

/* The columns of the action list, in their order on screen. */
typedef enum
{
  JLN_ACTION_COLUMN_NUMBER,
  JLN_ACTION_COLUMN_TITLE,
  JLN_ACTION_COLUMN_STATUS,
  JLN_ACTION_COLUMN_COMPLETION,
  JLN_ACTION_COLUMN_DUE,
  JLN_ACTION_COLUMN_UNITS,
  JLN_N_ACTION_COLUMNS
} JlnActionColumn;

/* What every cell of one list shows its row with, owned by the list and
 * shared by its cells. After changing the language or today, the list
 * calls jln_action_cell_context_update(). */
typedef struct
{
  JlnRowModel *row_model;         /* the rows' model, for the arrows; may be NULL */
  JlnLang      content_language;
  JlnSemester  today;
  GQueue       bound;             /* the cells bound to a row */

  /* As the cells were last allocated: the width of each column's cells,
   * and of the column (the cell with its padding). */
  int          widths[JLN_N_ACTION_COLUMNS];
  int          column_widths[JLN_N_ACTION_COLUMNS];
  guint        resize_id;
} JlnActionCellContext;

void jln_action_cell_context_update (JlnActionCellContext *context);
void jln_action_cell_context_clear  (JlnActionCellContext *context);

#define JLN_TYPE_ACTION_CELL (jln_action_cell_get_type ())

G_DECLARE_FINAL_TYPE (JlnActionCell, jln_action_cell, JLN, ACTION_CELL, GtkWidget)

GtkWidget  *jln_action_cell_new        (JlnActionColumn       column,
                                        JlnActionCellContext *context);
void        jln_action_cell_bind       (JlnActionCell        *self,
                                        JlnRow               *row);
void        jln_action_cell_unbind     (JlnActionCell        *self);
JlnRecord  *jln_action_cell_get_record (JlnActionCell        *self);
const char *jln_action_cell_get_text   (JlnActionCell        *self);

G_END_DECLS
