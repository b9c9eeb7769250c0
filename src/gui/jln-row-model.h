/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "jln-query-filter.h"
#include "jln-record.h"

G_BEGIN_DECLS

#define JLN_TYPE_ROW (jln_row_get_type ())

G_DECLARE_FINAL_TYPE (JlnRow, jln_row, JLN, ROW, GObject)

JlnRecord *jln_row_get_record     (JlnRow *self);
guint      jln_row_get_depth      (JlnRow *self);
gboolean   jln_row_get_expanded   (JlnRow *self);
gboolean   jln_row_get_expandable (JlnRow *self);
void       jln_row_bind           (JlnRow *self);
void       jln_row_unbind         (JlnRow *self);

#define JLN_TYPE_ROW_MODEL (jln_row_model_get_type ())

G_DECLARE_FINAL_TYPE (JlnRowModel, jln_row_model, JLN, ROW_MODEL, GObject)

/* The rows of the action list, flat: objectives, their matching actions
 * and the actions' sub-items, each under its expanded parent. One pass
 * over the plan computes them, on a large plan in slices between frames
 * (JlnRowModel:pending holds until done), and the changes are told in
 * steps. A view tells which rows its widgets show with jln_row_bind(). */
JlnRowModel *jln_row_model_new          (JlnPlan         *plan,
                                         JlnQueryFilter  *filter);
void         jln_row_model_set_filter   (JlnRowModel     *self,
                                         JlnQueryFilter  *filter);
void         jln_row_model_refilter     (JlnRowModel     *self,
                                         GtkFilterChange  change);
void         jln_row_model_set_sorter   (JlnRowModel     *self,
                                         GtkSorter       *sorter);
void         jln_row_model_set_expanded (JlnRowModel     *self,
                                         JlnRow          *row,
                                         gboolean         expanded);
gboolean     jln_row_model_reveal       (JlnRowModel     *self,
                                         JlnRecord       *record,
                                         guint           *position);
guint        jln_row_model_get_n_shown  (JlnRowModel     *self);
guint        jln_row_model_get_n_total  (JlnRowModel     *self);
gboolean     jln_row_model_get_pending  (JlnRowModel     *self);

G_END_DECLS
