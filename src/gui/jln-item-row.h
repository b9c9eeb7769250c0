/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "jln-session.h"

G_BEGIN_DECLS

#define JLN_TYPE_ITEM_ROW (jln_item_row_get_type ())

G_DECLARE_FINAL_TYPE (JlnItemRow, jln_item_row, JLN, ITEM_ROW, AdwExpanderRow)

/* What to give the focus to in a sub-item's row. */
typedef enum
{
  JLN_ITEM_ROW_FOCUS_ROW,
  JLN_ITEM_ROW_FOCUS_TITLE,
  JLN_ITEM_ROW_FOCUS_UP,
  JLN_ITEM_ROW_FOCUS_DOWN,
} JlnItemRowFocus;

GtkWidget  *jln_item_row_new          (void);
JlnSession *jln_item_row_get_session  (JlnItemRow      *self);
void        jln_item_row_set_session  (JlnItemRow      *self,
                                       JlnSession      *session);
JlnRecord  *jln_item_row_get_record   (JlnItemRow      *self);
void        jln_item_row_set_record   (JlnItemRow      *self,
                                       JlnRecord       *record);
void        jln_item_row_set_position (JlnItemRow      *self,
                                       guint            position,
                                       guint            n_items);
void        jln_item_row_focus        (JlnItemRow      *self,
                                       JlnItemRowFocus  target);

G_END_DECLS
