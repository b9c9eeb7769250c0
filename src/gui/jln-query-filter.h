/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "jln-query.h"

G_BEGIN_DECLS

#define JLN_TYPE_QUERY_FILTER (jln_query_filter_get_type ())

G_DECLARE_FINAL_TYPE (JlnQueryFilter, jln_query_filter, JLN, QUERY_FILTER, GtkFilter)

/* The one filter state of a window, shared by the list, the timeline and
 * the charts: the query text, what it parses to, and why it does not
 * parse. Setting the text tells GTK whether the filter became stricter or
 * looser, so that views re-test only what they must. Items that are not
 * actions (objectives, sub-items) always match. */
JlnQueryFilter *jln_query_filter_new          (void);
const char     *jln_query_filter_get_text     (JlnQueryFilter *self);
void            jln_query_filter_set_text     (JlnQueryFilter *self,
                                               const char     *text);
JlnQuery       *jln_query_filter_get_query    (JlnQueryFilter *self);
const char     *jln_query_filter_get_error    (JlnQueryFilter *self);
gboolean        jln_query_filter_match_action (JlnQueryFilter *self,
                                               JlnAction      *action);

G_END_DECLS
