/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "jln-edit.h"
#include "jln-plan.h"
#include "jln-store.h"

G_BEGIN_DECLS

#define JLN_TYPE_DOCUMENT (jln_document_get_type ())

G_DECLARE_FINAL_TYPE (JlnDocument, jln_document, JLN, DOCUMENT, GObject)

/* How jln_document_open_async() opens a plan. */
typedef enum
{
  JLN_DOCUMENT_OPEN_DEFAULT      = 0,
  JLN_DOCUMENT_OPEN_DAILY_BACKUP = 1 << 0,   /* the day's first opening keeps a copy */
} JlnDocumentOpenFlags;

JlnDocument *jln_document_open          (const char   *path,
                                         GError      **error);
JlnDocument *jln_document_open_read_only (const char *path,
                                          GError    **error);
void         jln_document_open_async    (const char           *path,
                                         JlnDocumentOpenFlags  flags,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);
JlnDocument *jln_document_open_finish   (GAsyncResult         *result,
                                         GError              **error);
gboolean     jln_document_is_read_only  (JlnDocument  *self);
gboolean     jln_document_is_replaced   (JlnDocument  *self);
GPtrArray   *jln_document_get_notices   (JlnDocument  *self);
JlnDocument *jln_document_create        (const char   *path,
                                         JlnPlan      *plan,
                                         const char   *origin,
                                         GError      **error);
JlnDocument *jln_document_import        (const char   *json_path,
                                         const char   *path,
                                         GError      **error);
void         jln_document_import_async  (const char           *json_path,
                                         const char           *path,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);
JlnDocument *jln_document_import_finish (GAsyncResult         *result,
                                         GError              **error);
gboolean     jln_document_save_copy     (JlnDocument  *self,
                                         const char   *path,
                                         GError      **error);
JlnPlan     *jln_document_get_plan      (JlnDocument  *self);
const char  *jln_document_get_path      (JlnDocument  *self);
gboolean     jln_document_apply         (JlnDocument  *self,
                                         JlnEdit      *edit,
                                         GError      **error);
gboolean     jln_document_can_undo      (JlnDocument  *self);
gboolean     jln_document_can_redo      (JlnDocument  *self);
gboolean     jln_document_undo          (JlnDocument  *self,
                                         GError      **error);
gboolean     jln_document_redo          (JlnDocument  *self,
                                         GError      **error);
gboolean     jln_document_is_outdated   (JlnDocument  *self);
gboolean     jln_document_reload        (JlnDocument  *self,
                                         GError      **error);
gboolean     jln_document_restore_backup (JlnDocument *self,
                                         const char   *backup_path,
                                         GError      **error);
GPtrArray   *jln_document_get_history   (JlnDocument  *self,
                                         const char   *since,
                                         GError      **error);

G_END_DECLS
