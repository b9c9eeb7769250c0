/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jln-doc.h"
#include "jln-plan.h"
#include "jln-query.h"

G_BEGIN_DECLS

/* The documents a plan must produce. */
typedef enum
{
  JLN_PLAN_DOC_ACTIONS,     /* the action-plan table of the internal review */
  JLN_PLAN_DOC_EC,          /* the European Commission's action-plan template */
  JLN_PLAN_DOC_GEP,         /* the Gender Equality Plan with its indicators */
  JLN_PLAN_DOC_PRINCIPLES,  /* the Charter & Code principles and their actions */
  JLN_PLAN_DOC_REVIEW,      /* the internal review: cover, narrative, action table,
                             * principles' coverage and indicators */
} JlnPlanDocKind;

gboolean    jln_plan_doc_kind_from_string (const char     *text,
                                           JlnPlanDocKind *kind);
const char *jln_plan_doc_kind_to_string   (JlnPlanDocKind  kind);

/* Describes the document to @doc, from jln_doc_begin() to its last
 * table; the caller then calls jln_doc_finish(). @query (nullable) keeps
 * only the actions it matches, as of @today. */
void        jln_plan_doc_write            (JlnDoc         *doc,
                                           JlnPlan        *plan,
                                           JlnPlanDocKind  kind,
                                           JlnQuery       *query,
                                           JlnLang         lang,
                                           JlnSemester     today);

/* Writes the document to @path as ODT or DOCX, after its extension. */
gboolean    jln_plan_doc_export           (JlnPlan        *plan,
                                           JlnPlanDocKind  kind,
                                           JlnQuery       *query,
                                           JlnLang         lang,
                                           const char     *path,
                                           JlnDocProgress  progress,
                                           gpointer        user_data,
                                           GCancellable   *cancellable,
                                           GError        **error);

/* The codes of the units the actions matched by @query and their
 * sub-items name, in the order of the plan's units. */
GPtrArray  *jln_plan_doc_get_used_units   (JlnPlan        *plan,
                                           JlnPlanDocKind  kind,
                                           JlnQuery       *query,
                                           JlnSemester     today);

/* The actions that serve each principle. */
GHashTable *jln_plan_doc_index_principles (JlnPlan        *plan,
                                           JlnQuery       *query,
                                           JlnSemester     today);
const char *jln_plan_doc_get_area_title   (JlnPrincipleArea area,
                                           JlnLang          lang);

G_END_DECLS
