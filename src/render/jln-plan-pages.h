/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jln-doc.h"
#include "jln-export.h"
#include "jln-picture.h"
#include "jln-plan-doc.h"

G_BEGIN_DECLS

#define JLN_TYPE_PLAN_PAGES (jln_plan_pages_get_type ())

G_DECLARE_FINAL_TYPE (JlnPlanPages, jln_plan_pages, JLN, PLAN_PAGES, GObject)

/* A document of the plan (the action-plan table, the EC template, the
 * Gender Equality Plan, the principles' coverage) as a picture: laid out
 * on pages with each table's header repeated and no row cut across two
 * pages where it fits on one. The document is the one written to ODT and
 * DOCX, in the style's language. */
JlnPlanPages *jln_plan_pages_new    (JlnPlan        *plan,
                                     JlnPlanDocKind  kind,
                                     JlnQuery       *query);

/* Writes the document to @path as ODT, DOCX or PDF, after its extension;
 * @page is the paper of a PDF. */
gboolean      jln_plan_pages_export (JlnPlan        *plan,
                                     JlnPlanDocKind  kind,
                                     JlnQuery       *query,
                                     JlnLang         lang,
                                     JlnPageFormat   page,
                                     const char     *path,
                                     JlnDocProgress  progress,
                                     gpointer        user_data,
                                     GCancellable   *cancellable,
                                     GError        **error);

JlnPlanPages *jln_plan_pages_new_for_writer (JlnPlan         *plan,
                                             JlnDocWriteFunc  write,
                                             gpointer         data,
                                             GDestroyNotify   destroy);
gboolean      jln_plan_pages_export_writer  (JlnPlan         *plan,
                                             JlnDocWriteFunc  write,
                                             gpointer         data,
                                             JlnLang          lang,
                                             JlnPageFormat    page,
                                             const char      *path,
                                             GError         **error);

G_END_DECLS
