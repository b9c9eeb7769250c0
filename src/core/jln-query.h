/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "jln-action.h"
#include "jln-plan.h"
#include "jln-semester.h"

G_BEGIN_DECLS

#define JLN_TYPE_QUERY (jln_query_get_type ())

/* A parsed search, as typed in the action list, the timeline, the charts
 * and on the command line (see DESIGN.md, "Query language"). Immutable
 * and reference-counted, so that a filter can keep the one it runs. */
typedef struct _JlnQuery JlnQuery;

/* How the actions matched by a query changed from those of another, so
 * that a GtkFilter can tell GTK what to test again. */
typedef enum
{
  JLN_QUERY_CHANGE_DIFFERENT,
  JLN_QUERY_CHANGE_MORE_STRICT,
  JLN_QUERY_CHANGE_LESS_STRICT,
  JLN_QUERY_CHANGE_SAME,
} JlnQueryChange;

/* The keys of the query language, and the word "overdue". Each has an
 * English and a French name; both are read whatever the interface's
 * language, and the interface writes its own. */
typedef enum
{
  JLN_QUERY_KEY_OBJECTIVE,
  JLN_QUERY_KEY_UNIT,
  JLN_QUERY_KEY_STATUS,
  JLN_QUERY_KEY_DUE,
  JLN_QUERY_KEY_DONE,
  JLN_QUERY_KEY_PRINCIPLE,
  JLN_QUERY_KEY_OVERDUE,
} JlnQueryKey;

GType           jln_query_get_type (void) G_GNUC_CONST;

JlnQuery       *jln_query_parse    (const char  *text,
                                    GError     **error);
JlnQuery       *jln_query_parse_restricted (const char *text,
                                            GHashTable *action_ids,
                                            const char *label,
                                            GError    **error);
JlnQuery       *jln_query_ref      (JlnQuery    *self);
void            jln_query_unref    (JlnQuery    *self);

const char     *jln_query_get_text (JlnQuery    *self);
gboolean        jln_query_is_empty (JlnQuery    *self);
gboolean        jln_query_match    (JlnQuery    *self,
                                    JlnAction   *action,
                                    JlnSemester  today);
gboolean        jln_query_check    (JlnQuery    *self,
                                    JlnPlan     *plan,
                                    GError     **error);
JlnQueryChange  jln_query_compare  (JlnQuery    *old_query,
                                    JlnQuery    *new_query);

gboolean        jln_query_key_from_name    (const char  *name,
                                            gssize       len,
                                            JlnQueryKey *key);
const char     *jln_query_key_get_name     (JlnQueryKey  key,
                                            JlnLang      lang);
gboolean        jln_query_status_from_name (const char  *name,
                                            JlnStatus   *status);
const char     *jln_query_status_get_name  (JlnStatus    status,
                                            JlnLang      lang);

/* Editing a query's text term by term (jln-query-terms.c): each filter
 * button owns one slot, a key that may be negated ("-status:done") or a
 * bound ("due:>=2022-S1"), and rewrites only its own term. */
typedef enum
{
  JLN_QUERY_BOUND_NONE,
  JLN_QUERY_BOUND_FROM,   /* key:>=value */
  JLN_QUERY_BOUND_UNTIL,  /* key:<=value */
} JlnQueryBound;

char          **jln_query_terms_split      (const char         *text);
char          **jln_query_terms_get_values (const char         *text,
                                            JlnQueryKey         key,
                                            gboolean            negated,
                                            JlnQueryBound       bound);
char           *jln_query_terms_set_values (const char         *text,
                                            JlnQueryKey         key,
                                            gboolean            negated,
                                            JlnQueryBound       bound,
                                            const char * const *values,
                                            JlnLang             lang);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JlnQuery, jln_query_unref)

G_END_DECLS
