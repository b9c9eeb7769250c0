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

#define JLN_TYPE_ACTION_GRID (jln_action_grid_get_type ())

G_DECLARE_FINAL_TYPE (JlnActionGrid, jln_action_grid, JLN, ACTION_GRID, GtkWidget)

GtkWidget          *jln_action_grid_new                  (void);
void                jln_action_grid_set_model            (JlnActionGrid      *self,
                                                          GtkSingleSelection *model);
GtkSingleSelection *jln_action_grid_get_model            (JlnActionGrid      *self);
void                jln_action_grid_set_content_language (JlnActionGrid      *self,
                                                          JlnLang             lang);
void                jln_action_grid_set_today            (JlnActionGrid      *self,
                                                          JlnSemester         today);
void                jln_action_grid_set_column_title     (JlnActionGrid      *self,
                                                          JlnActionColumn     column,
                                                          const char         *title);
void                jln_action_grid_set_column_width     (JlnActionGrid      *self,
                                                          JlnActionColumn     column,
                                                          int                 width);
int                 jln_action_grid_get_column_width     (JlnActionGrid      *self,
                                                          JlnActionColumn     column);
GVariant           *jln_action_grid_dup_column_widths    (JlnActionGrid      *self);
void                jln_action_grid_set_column_widths    (JlnActionGrid      *self,
                                                          GVariant           *widths);
void                jln_action_grid_sort_by_column       (JlnActionGrid      *self,
                                                          int                 column,
                                                          GtkSortType         order);
int                 jln_action_grid_get_sort_column      (JlnActionGrid      *self);
GtkSortType         jln_action_grid_get_sort_order       (JlnActionGrid      *self);
void                jln_action_grid_scroll_to            (JlnActionGrid      *self,
                                                          guint               position);
void                jln_action_grid_focus_cursor         (JlnActionGrid      *self);

/* What a user sees of a row shown on screen; %NULL or %FALSE for a row
 * scrolled out of view. */
char               *jln_action_grid_dup_cell_text        (JlnActionGrid      *self,
                                                          guint               position,
                                                          JlnActionColumn     column);
const char         *jln_action_grid_get_title_tag        (JlnActionGrid      *self,
                                                          guint               position);
gboolean            jln_action_grid_row_has_style        (JlnActionGrid      *self,
                                                          guint               position,
                                                          const char         *style_class);
gboolean            jln_action_grid_get_row_area         (JlnActionGrid      *self,
                                                          guint               position,
                                                          GdkRectangle       *area);
gboolean            jln_action_grid_get_cell_area        (JlnActionGrid      *self,
                                                          guint               position,
                                                          JlnActionColumn     column,
                                                          GdkRectangle       *area);
PangoLayout        *jln_action_grid_get_cell_layout      (JlnActionGrid      *self,
                                                          guint               position,
                                                          JlnActionColumn     column);
gboolean            jln_action_grid_get_expander_area    (JlnActionGrid      *self,
                                                          guint               position,
                                                          GdkRectangle       *area);
GtkWidget          *jln_action_grid_get_row_widget       (JlnActionGrid      *self,
                                                          guint               position);
int                 jln_action_grid_find_shown           (JlnActionGrid      *self,
                                                          JlnActionColumn     column,
                                                          const char         *text);
guint               jln_action_grid_get_n_laid_out       (JlnActionGrid      *self);

G_END_DECLS
