/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "jln-plan.h"

G_BEGIN_DECLS

/* The SQLite side of a plan file. Only JlnDocument writes through it. */
typedef struct _JlnStore JlnStore;

#define JLN_STORE_SCHEMA_VERSION 3
#define JLN_STORE_APPLICATION_ID 0x4A4C4E53  /* "JLNS" */

typedef enum
{
  JLN_STORE_OPEN_DEFAULT   = 0,
  JLN_STORE_OPEN_READ_ONLY = 1 << 0,
} JlnStoreOpenFlags;

JlnStore *jln_store_open            (const char   *path,
                                     GError      **error);
JlnStore *jln_store_open_full       (const char   *path,
                                     JlnStoreOpenFlags flags,
                                     GError      **error);
gboolean  jln_store_is_read_only    (JlnStore     *store);
gboolean  jln_store_is_replaced     (JlnStore     *store);
GPtrArray *jln_store_get_notices    (JlnStore     *store);
gboolean  jln_store_use_rollback_journal (JlnStore *store,
                                     GError      **error);
JlnStore *jln_store_create          (const char   *path,
                                     GError      **error);
gboolean  jln_store_finish_create   (JlnStore     *store,
                                     GError      **error);
void      jln_store_free            (JlnStore     *store);
const char *jln_store_get_path      (JlnStore     *store);
JlnPlan  *jln_store_load            (JlnStore     *store,
                                     GError      **error);

gboolean  jln_store_copy_to         (JlnStore     *store,
                                     const char   *path,
                                     GError      **error);
gint64    jln_store_get_data_version (JlnStore  *store);
gint64    jln_store_get_last_history_id (JlnStore *store);
gboolean  jln_store_changed_since   (JlnStore     *store,
                                     gint64        history_id,
                                     GHashTable   *ids,
                                     GHashTable   *own_batches);
void      jln_store_forget_batch    (JlnStore     *store);
gboolean  jln_store_begin           (JlnStore     *store,
                                     GError      **error);
gboolean  jln_store_commit          (JlnStore     *store,
                                     GError      **error);
void      jln_store_rollback        (JlnStore     *store);

gboolean  jln_store_insert          (JlnStore     *store,
                                     JlnRecord    *record,
                                     guint         position,
                                     GError      **error);
gboolean  jln_store_insert_one      (JlnStore     *store,
                                     JlnRecord    *record,
                                     guint         position,
                                     GError      **error);
gboolean  jln_store_insert_links    (JlnStore     *store,
                                     JlnRecord    *record,
                                     GError      **error);
gboolean  jln_store_delete          (JlnStore     *store,
                                     JlnRecord    *record,
                                     GError      **error);
gboolean  jln_store_update          (JlnStore     *store,
                                     JlnRecord    *record,
                                     const char   *field,
                                     GError      **error);
gboolean  jln_store_move            (JlnStore     *store,
                                     JlnRecord    *record,
                                     guint         from,
                                     guint         to,
                                     GError      **error);
gboolean  jln_store_add_history     (JlnStore     *store,
                                     gint64        batch,
                                     const char   *op,
                                     JlnRecord    *record,
                                     const char   *field,
                                     const char   *old_value,
                                     const char   *new_value,
                                     GError      **error);
gint64    jln_store_next_batch      (JlnStore     *store);

typedef struct
{
  gint64  id;
  gint64  batch;
  char   *time;
  char   *op;
  char   *kind;
  char   *object;
  char   *field;
  char   *old_value;
  char   *new_value;
} JlnHistoryRow;

void       jln_history_row_free     (JlnHistoryRow *row);
GPtrArray *jln_store_get_history    (JlnStore     *store,
                                     const char   *since,
                                     GError      **error);

/* Copies of a plan: see jln-merge.c. */
typedef struct
{
  char   *replica;
  char   *name;
  gint64  seen;
  char   *last_change;
  char   *time;
} JlnSyncPoint;

char      *jln_store_get_replica    (JlnStore     *store,
                                     GError      **error);
gboolean   jln_store_set_replica    (JlnStore     *store,
                                     const char   *id,
                                     GError      **error);
gboolean   jln_store_set_sync_point (JlnStore     *store,
                                     const char   *replica,
                                     const char   *name,
                                     gint64        seen,
                                     const char   *last_change,
                                     GError      **error);
void       jln_sync_point_free      (JlnSyncPoint *point);
GPtrArray *jln_store_get_sync_points (JlnStore    *store,
                                     GError      **error);
gboolean   jln_store_add_seen       (JlnStore     *store,
                                     const char   *change,
                                     gint64        batch,
                                     GError      **error);
gboolean   jln_store_forget_seen    (JlnStore     *store,
                                     gint64        batch,
                                     GError      **error);
gboolean   jln_store_get_seen       (JlnStore     *store,
                                     GHashTable   *seen,
                                     GError      **error);
gboolean   jln_store_add_history_from (JlnStore   *store,
                                     gint64        batch,
                                     const char   *op,
                                     JlnRecord    *record,
                                     const char   *field,
                                     const char   *old_value,
                                     const char   *new_value,
                                     const char   *time,
                                     const char   *replica,
                                     const char   *name,
                                     GError      **error);
gboolean   jln_store_get_merged_rows (JlnStore    *store,
                                     GHashTable   *rows,
                                     GError      **error);
char      *jln_store_get_history_origin (JlnStore *store,
                                     gint64        row,
                                     char        **name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JlnStore, jln_store_free)

const char *jln_store_get_sqlite_version (void);

G_END_DECLS
