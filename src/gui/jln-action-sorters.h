/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "jln-action-grid.h"

G_BEGIN_DECLS

/* The collation keys of the titles and units while one sort runs. */
typedef struct _JlnActionSortKeys JlnActionSortKeys;

JlnActionSortKeys *jln_action_sort_keys_new   (void);
void               jln_action_sort_keys_free  (JlnActionSortKeys *keys);
void               jln_action_sort_keys_clear (JlnActionSortKeys *keys,
                                               JlnLang            content_language);

GtkSorter *jln_action_sorter_new (JlnActionColumn    column,
                                  JlnActionSortKeys *keys);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JlnActionSortKeys, jln_action_sort_keys_free)

G_END_DECLS
