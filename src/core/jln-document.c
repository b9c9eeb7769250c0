/* SPDX-License-Identifier: GPL-3.0-or-later */
#define _GNU_SOURCE  /* renameat2 */
#include "config.h"

#include "jln-gettext.h"
#include <errno.h>
#include <stdio.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "jln-action.h"
#include "jln-action-item.h"
#include "jln-backups.h"
#include "jln-document-private.h"
#include "jln-edit-private.h"
#include "jln-indicator-check.h"
#include "jln-json.h"
#include "jln-measurement.h"
#include "jln-merge.h"
#include "jln-objective.h"
#include "jln-record-private.h"

/* A plan file open for editing: the in-memory plan, its SQLite store and
 * the undo and redo stacks. jln_document_apply() is the one way a plan
 * changes: it writes to SQLite in a transaction, records the change in
 * the history table, updates the records (whose notify and items-changed
 * signals drive the views) and keeps the inverse edit for undo. */
struct _JlnDocument
{
  GObject    parent_instance;

  JlnStore  *store;
  JlnPlan   *plan;
  GPtrArray *undo_stack;   /* JlnEdit: the inverses of applied edits */
  GPtrArray *redo_stack;

  /* What this connection last saw of the file, to notice the commits of
   * other windows and programs. */
  gint64      data_version;
  gint64      history_id;
  GHashTable *own_batches;  /* gint64: written here since history_id */
};

G_DEFINE_FINAL_TYPE (JlnDocument, jln_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PLAN,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
jln_document_finalize (GObject *object)
{
  JlnDocument *self = JLN_DOCUMENT (object);

  g_clear_pointer (&self->undo_stack, g_ptr_array_unref);
  g_clear_pointer (&self->redo_stack, g_ptr_array_unref);
  g_clear_pointer (&self->own_batches, g_hash_table_unref);
  g_clear_object (&self->plan);
  g_clear_pointer (&self->store, jln_store_free);

  G_OBJECT_CLASS (jln_document_parent_class)->finalize (object);
}

static void
jln_document_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  JlnDocument *self = JLN_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, jln_document_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, jln_document_can_redo (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jln_document_class_init (JlnDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = jln_document_finalize;
  object_class->get_property = jln_document_get_property;

  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL, JLN_TYPE_PLAN,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
jln_document_init (JlnDocument *self)
{
  self->undo_stack = g_ptr_array_new_with_free_func ((GDestroyNotify) jln_edit_unref);
  self->redo_stack = g_ptr_array_new_with_free_func ((GDestroyNotify) jln_edit_unref);
  self->own_batches = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

static void
remember_file_state (JlnDocument *self)
{
  self->data_version = jln_store_get_data_version (self->store);
  self->history_id = jln_store_get_last_history_id (self->store);
  g_hash_table_remove_all (self->own_batches);
}

static JlnDocument *
document_new (JlnStore *store,
              JlnPlan  *plan)
{
  JlnDocument *self = g_object_new (JLN_TYPE_DOCUMENT, NULL);

  self->store = store;
  self->plan = plan;
  remember_file_state (self);
  return self;
}

static void
prefix_path (GError     **error,
             const char  *path)
{
  g_prefix_error (error, "%s: ", path);
}

/**
 * jln_document_open:
 *
 * Opens the plan file at @path and reads it into memory.
 *
 * Returns: (transfer full): the document, or %NULL with @error
 */
static JlnDocument *
document_open (const char         *path,
               JlnStoreOpenFlags   flags,
               GError            **error)
{
  g_autoptr(JlnStore) store = NULL;
  JlnPlan *plan;

  g_return_val_if_fail (path != NULL, NULL);

  store = jln_store_open_full (path, flags, error);
  if (store == NULL)
    {
      prefix_path (error, path);
      return NULL;
    }
  plan = jln_store_load (store, error);
  /* Only a file read whole and found sound is written to, even to change
   * its journal. */
  if (plan == NULL || !jln_store_use_rollback_journal (store, error))
    {
      g_clear_object (&plan);
      prefix_path (error, path);
      return NULL;
    }
  /* What reading needed only while it read goes back to the system. */
  if (_jln_plan_is_large (plan))
    _jln_plan_release_free_memory ();
  return document_new (g_steal_pointer (&store), plan);
}

/**
 * jln_document_open:
 *
 * Opens the plan file at @path and reads it into memory. A file that may
 * not be written is opened read-only (see jln_document_is_read_only()).
 *
 * Returns: (transfer full): the document, or %NULL with @error
 */
JlnDocument *
jln_document_open (const char  *path,
                   GError     **error)
{
  return document_open (path, JLN_STORE_OPEN_DEFAULT, error);
}

/**
 * jln_document_open_read_only:
 *
 * Opens the plan file at @path without ever writing to it or beside it:
 * no journal is applied or made, and a file of an older format is
 * brought forward in memory only. Every edit is refused.
 *
 * Returns: (transfer full): the document, or %NULL with @error
 */
JlnDocument *
jln_document_open_read_only (const char  *path,
                             GError     **error)
{
  return document_open (path, JLN_STORE_OPEN_READ_ONLY, error);
}

/* Opening and importing in a thread. The SQLite connection is opened
 * without its own mutex: it is used by the thread that opened it until
 * the task returns, and by the thread that calls finish after; the task's
 * completion orders the two. A document opened after the task was
 * cancelled is closed in the thread that opened it. */
typedef struct
{
  char                 *source;   /* the JSON file imported, or NULL */
  char                 *path;
  JlnDocumentOpenFlags  flags;
} OpenData;

static void
open_data_free (OpenData *data)
{
  g_free (data->source);
  g_free (data->path);
  g_free (data);
}

static void
open_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  OpenData *data = task_data;
  g_autoptr(JlnDocument) document = NULL;
  GError *error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;

  if (data->source != NULL)
    document = jln_document_import (data->source, data->path, &error);
  else
    document = jln_document_open (data->path, &error);
  if (document == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  if ((data->flags & JLN_DOCUMENT_OPEN_DAILY_BACKUP) != 0)
    {
      g_autoptr(GError) backup_error = NULL;

      /* Failing to keep a copy must not keep the plan from opening. */
      if (!jln_backups_make_daily (document, NULL, &backup_error))
        g_debug ("%s: no daily backup: %s", data->path, backup_error->message);
    }

  if (g_task_return_error_if_cancelled (task))
    return;
  g_task_return_pointer (task, g_steal_pointer (&document), g_object_unref);
}

static void
run_open_task (OpenData            *data,
               gpointer             source_tag,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, data, (GDestroyNotify) open_data_free);
  g_task_run_in_thread (task, open_thread);
}

/**
 * jln_document_open_async:
 * @path: the plan file
 * @flags: whether to keep the day's backup once open
 * @cancellable: (nullable): to stop waiting; the file is left unchanged
 *
 * Opens the plan file at @path in a thread, as jln_document_open() does,
 * and calls @callback in the thread-default main context of the caller.
 */
void
jln_document_open_async (const char           *path,
                         JlnDocumentOpenFlags  flags,
                         GCancellable         *cancellable,
                         GAsyncReadyCallback   callback,
                         gpointer              user_data)
{
  OpenData *data;

  g_return_if_fail (path != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  data = g_new0 (OpenData, 1);
  data->path = g_strdup (path);
  data->flags = flags;
  run_open_task (data, jln_document_open_async, cancellable, callback, user_data);
}

/**
 * jln_document_open_finish:
 *
 * Returns: (transfer full): the document, or %NULL with @error
 *   (%G_IO_ERROR_CANCELLED when cancelled)
 */
JlnDocument *
jln_document_open_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == jln_document_open_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * jln_document_is_read_only:
 *
 * Returns: %TRUE when the plan was opened read-only: every edit is then
 *   refused with %JLN_ERROR_READ_ONLY
 */
gboolean
jln_document_is_read_only (JlnDocument *self)
{
  g_return_val_if_fail (JLN_IS_DOCUMENT (self), TRUE);
  return jln_store_is_read_only (self->store);
}

/**
 * jln_document_is_replaced:
 *
 * Returns: %TRUE when another file was put at the plan's path since it
 *   was opened (an attachment saved over it): edits are then refused
 *   with %JLN_ERROR_REPLACED until jln_document_reload() reads the new
 *   file
 */
gboolean
jln_document_is_replaced (JlnDocument *self)
{
  g_return_val_if_fail (JLN_IS_DOCUMENT (self), FALSE);
  return jln_store_is_replaced (self->store);
}

/**
 * jln_document_get_notices:
 *
 * Returns: (transfer none) (element-type utf8): what the user must be
 *   told about how the file was opened, such as a journal left by
 *   another file that was moved aside
 */
GPtrArray *
jln_document_get_notices (JlnDocument *self)
{
  g_return_val_if_fail (JLN_IS_DOCUMENT (self), NULL);
  return jln_store_get_notices (self->store);
}

static gboolean
sync_file (const char  *path,
           GError     **error)
{
  int fd = g_open (path, O_RDONLY, 0);

  if (fd < 0 || g_fsync (fd) != 0)
    {
      int saved_errno = errno;

      if (fd >= 0)
        close (fd);
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "%s", g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);
  return TRUE;
}


/* New plan files are written under a temporary name beside their final
 * path, and renamed into place only once complete and on disk, so that a
 * failure or a crash never leaves a partial plan at that path. */
static char *
temp_path_beside (const char *path)
{
  return jln_partial_path_new (path);
}

/* A program killed while it wrote a new plan leaves its temporary file
 * behind. Those of the same name untouched for an hour belong to no
 * running program: remove them when a new file of that name is written. */
#define STALE_PART_AGE (G_TIME_SPAN_HOUR)

static void
remove_stale_parts (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *prefix = g_strconcat (".", base, ".", NULL);
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  gint64 now = g_get_real_time ();
  const char *name;

  /* Those of writers no longer running, whatever their age. */
  jln_remove_dead_partials (dir);
  if (listing == NULL)
    return;
  /* Those of earlier versions, named without their writer. */
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *full = NULL;
      GStatBuf st;
      const char *rest;

      if (!g_str_has_prefix (name, prefix))
        continue;
      rest = name + strlen (prefix);
      /* 8 hex digits, ".part", then nothing or a SQLite side file. */
      if (strlen (rest) < 13 || strspn (rest, "0123456789abcdef") != 8 ||
          !g_str_has_prefix (rest + 8, ".part"))
        continue;
      if (rest[13] != '\0' && !g_str_equal (rest + 13, "-wal") &&
          !g_str_equal (rest + 13, "-shm") && !g_str_equal (rest + 13, "-journal"))
        continue;
      full = g_build_filename (dir, name, NULL);
      if (g_lstat (full, &st) == 0 && S_ISREG (st.st_mode) &&
          now - (gint64) st.st_mtime * G_USEC_PER_SEC > STALE_PART_AGE)
        g_remove (full);
    }
}

/* Puts a new file at @path only if there is none: two imports racing to
 * one name, the second is told the file exists, and nothing is lost. */
static gboolean
move_into_place (const char  *temp_path,
                 const char  *path,
                 GError     **error)
{
  int saved_errno;

  if (!sync_file (temp_path, error))
    return FALSE;
  if (renameat2 (AT_FDCWD, temp_path, AT_FDCWD, path, RENAME_NOREPLACE) == 0)
    return TRUE;
  saved_errno = errno;
  /* File systems that cannot rename without replacing can still link. */
  if (saved_errno == EINVAL || saved_errno == ENOSYS || saved_errno == ENOTSUP)
    {
      if (link (temp_path, path) == 0)
        {
          g_remove (temp_path);
          return TRUE;
        }
      saved_errno = errno;
    }
  if (saved_errno == EEXIST)
    g_set_error_literal (error, G_FILE_ERROR, G_FILE_ERROR_EXIST,
                         _("the file already exists; choose another name"));
  else
    g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                 "%s", g_strerror (saved_errno));
  return FALSE;
}

typedef struct
{
  char     *path;
  char     *temp_path;
  JlnStore *store;
  gint64    batch;
} NewFile;

static void
new_file_abort (NewFile *file)
{
  g_clear_pointer (&file->store, jln_store_free);
  if (file->temp_path != NULL)
    {
      g_autofree char *wal = g_strconcat (file->temp_path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (file->temp_path, "-shm", NULL);

      g_remove (file->temp_path);
      g_remove (wal);
      g_remove (shm);
    }
  g_clear_pointer (&file->temp_path, g_free);
  g_clear_pointer (&file->path, g_free);
}

static gboolean
new_file_begin (NewFile     *file,
                const char  *path,
                GError     **error)
{
  memset (file, 0, sizeof *file);
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_EXIST,
                   _("%s: the file already exists; choose another name"), path);
      return FALSE;
    }

  remove_stale_parts (path);
  file->path = g_strdup (path);
  file->temp_path = temp_path_beside (path);
  file->store = jln_store_create (file->temp_path, error);
  if (file->store == NULL || !jln_store_begin (file->store, error))
    {
      prefix_path (error, path);
      new_file_abort (file);
      return FALSE;
    }
  file->batch = jln_store_next_batch (file->store);
  return TRUE;
}

static JlnDocument *
new_file_finish (NewFile     *file,
                 JlnPlan     *plan,
                 const char  *origin,
                 GError     **error)
{
  g_autoptr(JlnStore) store = NULL;

  if (!jln_store_add_history (file->store, file->batch, "create", JLN_RECORD (plan),
                              NULL, NULL, origin, error) ||
      !jln_store_finish_create (file->store, error) ||
      !jln_store_commit (file->store, error))
    goto failed;

  /* The new file was written without a journal: make it durable before
   * it takes its name. */
  g_clear_pointer (&file->store, jln_store_free);
  if (!move_into_place (file->temp_path, file->path, error))
    goto failed;

  store = jln_store_open (file->path, error);
  if (store == NULL)
    goto failed;
  g_clear_pointer (&file->temp_path, g_free);
  g_clear_pointer (&file->path, g_free);
  return document_new (g_steal_pointer (&store), g_object_ref (plan));

failed:
  prefix_path (error, file->path);
  new_file_abort (file);
  return NULL;
}

/**
 * jln_document_create:
 * @plan: (transfer none): the plan to write; the document takes a reference
 * @origin: (nullable): where the plan comes from, for the history
 *
 * Writes @plan into a new plan file at @path, which must not exist.
 *
 * Returns: (transfer full): the document, or %NULL with @error
 */
JlnDocument *
jln_document_create (const char  *path,
                     JlnPlan     *plan,
                     const char  *origin,
                     GError     **error)
{
  NewFile file;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (JLN_IS_PLAN (plan), NULL);

  if (!new_file_begin (&file, path, error))
    return NULL;
  if (!jln_store_insert (file.store, JLN_RECORD (plan), 0, error))
    {
      prefix_path (error, path);
      new_file_abort (&file);
      return NULL;
    }
  return new_file_finish (&file, plan, origin, error);
}

/* Importing writes records in a second thread while the first reads the
 * JSON: the two take about as long, and a plan file is made in little
 * more time than the JSON takes to read. */
typedef struct
{
  JlnRecord *record;
  JlnRecord *parent;     /* kept alive while the record waits, even if reading fails */
  guint      position;
} QueuedRecord;

typedef struct
{
  GAsyncQueue *queue;
  JlnStore    *store;
  GError      *error;
} Writer;

static QueuedRecord end_of_records;

static gpointer
writer_thread (gpointer data)
{
  Writer *writer = data;
  QueuedRecord *queued;

  while ((queued = g_async_queue_pop (writer->queue)) != &end_of_records)
    {
      if (writer->error == NULL)
        jln_store_insert_one (writer->store, queued->record, queued->position, &writer->error);
      g_object_unref (queued->record);
      g_clear_object (&queued->parent);
      g_free (queued);
    }
  return NULL;
}

static void
record_read_cb (JlnRecord *record,
                guint      position,
                gpointer   user_data)
{
  Writer *writer = user_data;
  QueuedRecord *queued = g_new (QueuedRecord, 1);

  queued->record = g_object_ref (record);
  queued->parent = jln_record_get_parent (record) != NULL ? g_object_ref (jln_record_get_parent (record)) : NULL;
  queued->position = position;
  g_async_queue_push (writer->queue, queued);
}

/**
 * jln_document_import:
 *
 * Reads the JSON plan at @json_path and writes it into a new plan file
 * at @path. Nothing is left at @path unless the whole JSON file is valid.
 *
 * Returns: (transfer full): the document, or %NULL with @error
 */
JlnDocument *
jln_document_import (const char  *json_path,
                     const char  *path,
                     GError     **error)
{
  g_autoptr(JlnPlan) plan = NULL;
  g_autofree char *origin = NULL;
  Writer writer = { 0 };
  GThread *thread;
  NewFile file;

  g_return_val_if_fail (json_path != NULL, NULL);
  g_return_val_if_fail (path != NULL, NULL);

  if (!new_file_begin (&file, path, error))
    return NULL;

  writer.queue = g_async_queue_new ();
  writer.store = file.store;
  thread = g_thread_new ("jalons-import", writer_thread, &writer);
  plan = jln_json_load_plan_full (json_path, record_read_cb, &writer, error);
  g_async_queue_push (writer.queue, &end_of_records);
  g_thread_join (thread);
  g_async_queue_unref (writer.queue);

  if (plan == NULL || writer.error != NULL)
    {
      if (plan != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&writer.error));
          prefix_path (error, path);
        }
      g_clear_error (&writer.error);
      new_file_abort (&file);
      return NULL;
    }

  /* References are known once the whole JSON is read. */
  if (!jln_store_insert_links (file.store, JLN_RECORD (plan), error))
    {
      prefix_path (error, path);
      new_file_abort (&file);
      return NULL;
    }

  origin = g_path_get_basename (json_path);
  return new_file_finish (&file, plan, origin, error);
}

/**
 * jln_document_import_async:
 * @json_path: the JSON plan
 * @path: the plan file to write, which must not exist
 * @cancellable: (nullable): to stop waiting
 *
 * Imports @json_path into a new plan file at @path in a thread, as
 * jln_document_import() does.
 */
void
jln_document_import_async (const char          *json_path,
                           const char          *path,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  OpenData *data;

  g_return_if_fail (json_path != NULL);
  g_return_if_fail (path != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  data = g_new0 (OpenData, 1);
  data->source = g_strdup (json_path);
  data->path = g_strdup (path);
  run_open_task (data, jln_document_import_async, cancellable, callback, user_data);
}

/**
 * jln_document_import_finish:
 *
 * Returns: (transfer full): the document, or %NULL with @error
 */
JlnDocument *
jln_document_import_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == jln_document_import_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * jln_document_save_copy:
 *
 * Writes a copy of the plan file, with its whole history, to @path, which
 * must not exist. The copy is written under another name and renamed into
 * place once complete.
 */
gboolean
jln_document_save_copy (JlnDocument  *self,
                        const char   *path,
                        GError      **error)
{
  g_autofree char *temp_path = NULL;

  g_return_val_if_fail (JLN_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_EXIST,
                   _("%s: the file already exists; choose another name"), path);
      return FALSE;
    }

  remove_stale_parts (path);
  temp_path = temp_path_beside (path);
  if (!jln_store_copy_to (self->store, temp_path, error) ||
      !_jln_merge_mark_copy (self->store, jln_store_get_path (self->store), temp_path, error) ||
      !move_into_place (temp_path, path, error))
    {
      g_remove (temp_path);
      prefix_path (error, path);
      return FALSE;
    }
  return TRUE;
}

JlnPlan *
jln_document_get_plan (JlnDocument *self)
{
  g_return_val_if_fail (JLN_IS_DOCUMENT (self), NULL);
  return self->plan;
}

JlnStore *
_jln_document_get_store (JlnDocument *self)
{
  return self->store;
}

const char *
jln_document_get_path (JlnDocument *self)
{
  g_return_val_if_fail (JLN_IS_DOCUMENT (self), NULL);
  return jln_store_get_path (self->store);
}

/* --- Applying edits ------------------------------------------------------ */

static gboolean
is_in_plan (JlnDocument *self,
            JlnRecord   *record)
{
  return record != NULL && jln_plan_lookup (self->plan, jln_record_get_id (record)) == record;
}

/* The record of the plan with the id of @record: after an undone removal
 * the plan holds a new object for it, which older edits still name by
 * the one they were made on. */
static JlnRecord *
current_record (JlnDocument *self,
                JlnRecord   *record)
{
  return record != NULL ? jln_plan_lookup (self->plan, jln_record_get_id (record)) : NULL;
}

static gboolean
refuse (GError     **error,
        JlnError     code,
        const char  *message)
{
  g_set_error_literal (error, JLN_ERROR, code, message);
  return FALSE;
}

/* Whether any field of any kind can refer to a @kind. */
static gboolean
kind_is_referred_to (JlnKind kind)
{
  for (guint k = 0; k < JLN_N_KINDS; k++)
    {
      const JlnKindInfo *info = _jln_kind_info (k);

      for (guint i = 0; i < info->n_fields; i++)
        if (info->fields[i].type == JLN_FIELD_REFS && info->fields[i].ref_kind == kind)
          return TRUE;
    }
  return FALSE;
}

/* Counts references from outside the subtree of @record into it. */
static guint
count_outside_referrers (JlnDocument *self,
                         JlnRecord   *record,
                         JlnRecord   *root,
                         JlnRecord  **example)
{
  const JlnKindInfo *info = _jln_record_get_info (record);
  g_autoptr(GPtrArray) referrers = g_ptr_array_new ();
  guint count = 0;

  /* Looking through the plan is for kinds that can be referred to. */
  if (kind_is_referred_to (info->kind))
    _jln_plan_count_referrers (self->plan, record, referrers);
  for (guint i = 0; i < referrers->len; i++)
    {
      JlnRecord *referrer = g_ptr_array_index (referrers, i);
      JlnRecord *r;

      for (r = referrer; r != NULL && r != root; r = jln_record_get_parent (r))
        ;
      if (r == NULL)
        {
          count++;
          *example = referrer;
        }
    }

  for (guint i = 0; i < info->n_children; i++)
    {
      GListModel *children = _jln_record_peek_children (record, info->children[i]);

      for (guint j = 0; children != NULL && j < g_list_model_get_n_items (children); j++)
        {
          g_autoptr(JlnRecord) child = g_list_model_get_item (children, j);

          count += count_outside_referrers (self, child, root, example);
        }
    }
  return count;
}

static const char *
record_label (JlnRecord *record)
{
  if (jln_record_has_field (record, "number") && JLN_IS_ACTION (record))
    return jln_action_get_number (JLN_ACTION (record));
  if (JLN_IS_OBJECTIVE (record))
    return jln_objective_get_number (JLN_OBJECTIVE (record));
  return jln_record_get_id (record);
}

/* Targets and measurements are checked against their indicator's kind
 * and the plan's period as they are set or inserted. */
static gboolean
check_indicator_record (JlnDocument  *self,
                        JlnRecord    *parent,
                        JlnRecord    *record,
                        GError      **error)
{
  return jln_indicator_check_record (self->plan,
                                     JLN_IS_INDICATOR (parent) ? JLN_INDICATOR (parent) : NULL,
                                     record, error);
}

/* The history row of one part of an edit; a change merged from another
 * copy keeps its time and origin. */
static gboolean
add_history (JlnDocument  *self,
             JlnEdit      *edit,
             gint64        batch,
             const char   *op,
             JlnRecord    *record,
             const char   *field,
             const char   *old_value,
             const char   *new_value,
             GError      **error)
{
  if (edit->time != NULL)
    return jln_store_add_history_from (self->store, batch, op, record, field, old_value, new_value,
                                       edit->time, edit->origin, edit->origin_name, error);
  return jln_store_add_history (self->store, batch, op, record, field, old_value, new_value, error);
}

static gboolean apply_one (JlnDocument  *self,
                           JlnEdit      *edit,
                           gint64        batch,
                           gboolean      memory_only,
                           GPtrArray    *inverses,
                           GError      **error);

static gboolean
apply_set (JlnDocument  *self,
           JlnEdit      *edit,
           gint64        batch,
           gboolean      memory_only,
           GPtrArray    *inverses,
           GError      **error)
{
  JlnFieldRef ref;
  g_autofree char *old_value = NULL;
  g_autofree char *new_value = NULL;
  g_autoptr(GError) local_error = NULL;
  JlnRecord *current = current_record (self, edit->record);

  if (current == NULL || jln_record_get_kind (current) != jln_record_get_kind (edit->record))
    return refuse (error, JLN_ERROR_NOT_FOUND, _("This object is no longer part of the plan"));
  if (current != edit->record)
    g_set_object (&edit->record, current);
  if (!_jln_kind_find_field (_jln_record_get_info (edit->record), edit->field, &ref))
    {
      g_set_error (error, JLN_ERROR, JLN_ERROR_INVALID,
                   /* Translators: the first %s is a kind of object, the second a field name. */
                   _("A %s has no field “%s”"), jln_record_get_kind_name (edit->record), edit->field);
      return FALSE;
    }

  old_value = _jln_record_field_to_string (edit->record, &ref);
  if (!_jln_record_field_from_string (edit->record, &ref, edit->value,
                                      _jln_plan_resolve, self->plan, FALSE, &local_error))
    {
      g_autofree char *name = _jln_field_ref_name (&ref);

      /* Translators: the first %s is a field name, the second says what is wrong. */
      g_set_error (error, JLN_ERROR, JLN_ERROR_INVALID, _("%s: %s"), name, local_error->message);
      return FALSE;
    }
  if ((ref.field->flags & JLN_FIELD_REQUIRED) && !_jln_field_is_set (edit->record, ref.field))
    {
      _jln_record_field_from_string (edit->record, &ref, old_value, _jln_plan_resolve, self->plan, FALSE, NULL);
      return refuse (error, JLN_ERROR_INVALID, _("This field cannot be empty"));
    }
  if (!check_indicator_record (self, jln_record_get_parent (edit->record), edit->record, error))
    {
      _jln_record_field_from_string (edit->record, &ref, old_value, _jln_plan_resolve, self->plan, FALSE, NULL);
      return FALSE;
    }
  new_value = _jln_record_field_to_string (edit->record, &ref);
  if (g_strcmp0 (old_value, new_value) == 0)
    return TRUE;

  if (!memory_only)
    {
      g_autofree char *name = _jln_field_ref_name (&ref);

      if (!jln_store_update (self->store, edit->record, name, error) ||
          !add_history (self, edit, batch, "set", edit->record, name,
                        old_value, new_value, error))
        {
          _jln_record_field_from_string (edit->record, &ref, old_value, _jln_plan_resolve, self->plan, FALSE, NULL);
          return FALSE;
        }
    }

  _jln_record_notify_field (edit->record, &ref);
  g_ptr_array_add (inverses, jln_edit_new_set (edit->record, edit->field, old_value));
  return TRUE;
}

static gboolean
apply_insert (JlnDocument  *self,
              JlnEdit      *edit,
              gint64        batch,
              gboolean      memory_only,
              GPtrArray    *inverses,
              GError      **error)
{
  g_autoptr(JlnRecord) record = NULL;
  JlnChildren *siblings;
  g_autofree char *snapshot = NULL;
  /* After a reload the parent is the new plan's object of the same id. */
  JlnRecord *parent = current_record (self, edit->parent);

  if (!is_in_plan (self, parent))
    return refuse (error, JLN_ERROR_NOT_FOUND, _("This object is no longer part of the plan"));

  if (edit->snapshot != NULL)
    {
      record = jln_json_read_record (self->plan, edit->snapshot, edit->snapshot_kind, error);
      if (record == NULL)
        return FALSE;
    }
  else
    {
      record = g_object_ref (edit->record);
      if (jln_record_get_parent (record) != NULL ||
          jln_plan_lookup (self->plan, jln_record_get_id (record)) != NULL)
        return refuse (error, JLN_ERROR_INVALID, _("This object is already part of the plan"));
      if (!_jln_record_check_required (record, error))
        return FALSE;
      if (!check_indicator_record (self, parent, record, error))
        return FALSE;
    }

  siblings = _jln_record_get_store (parent, jln_record_get_kind (record));
  if (siblings == NULL)
    {
      g_set_error (error, JLN_ERROR, JLN_ERROR_INVALID,
                   /* Translators: both %s are kinds of objects, like “action” and “objective”. */
                   _("A %s cannot be put in a %s"),
                   jln_record_get_kind_name (record), jln_record_get_kind_name (parent));
      return FALSE;
    }
  if (edit->position > g_list_model_get_n_items (G_LIST_MODEL (siblings)))
    return refuse (error, JLN_ERROR_INVALID, _("The position is outside the list"));

  _jln_record_set_parent (record, parent);
  if (!memory_only)
    {
      snapshot = jln_json_write_record (record);
      if (!jln_store_insert (self->store, record, edit->position, error) ||
          !add_history (self, edit, batch, "insert", record, NULL, NULL, snapshot, error))
        {
          _jln_record_set_parent (record, NULL);
          return FALSE;
        }
    }

  _jln_plan_index_add (self->plan, record);
  _jln_children_insert (siblings, edit->position, record);
  g_ptr_array_add (inverses, jln_edit_new_remove (record));
  return TRUE;
}

static gboolean
apply_remove (JlnDocument  *self,
              JlnEdit      *edit,
              gint64        batch,
              gboolean      memory_only,
              GPtrArray    *inverses,
              GError      **error)
{
  JlnRecord *record = current_record (self, edit->record);
  JlnRecord *parent = record != NULL ? jln_record_get_parent (record) : NULL;
  JlnRecord *referrer = NULL;
  g_autofree char *snapshot = NULL;
  guint position, n_referrers;

  if (!is_in_plan (self, record) || parent == NULL || !jln_record_get_position (record, &position))
    return refuse (error, JLN_ERROR_NOT_FOUND, _("This object is no longer part of the plan"));

  n_referrers = count_outside_referrers (self, record, record, &referrer);
  if (n_referrers > 0)
    {
      g_set_error (error, JLN_ERROR, JLN_ERROR_IN_USE,
                   dngettext (GETTEXT_PACKAGE,
                              /* Translators: %1$s is a kind of object, %2$u a count, %3$s a kind, %4$s its number. */
                              "This %1$s cannot be removed: %2$u other object refers to it (%3$s %4$s)",
                              "This %1$s cannot be removed: %2$u other objects refer to it (for example %3$s %4$s)",
                              n_referrers),
                   jln_record_get_kind_name (record), n_referrers,
                   jln_record_get_kind_name (referrer), record_label (referrer));
      return FALSE;
    }

  snapshot = jln_json_write_record (record);
  /* A measurement's copy does not say its indicator: the row does, for
   * "Changes since…" and the report to tell which one lost it. */
  if (!memory_only &&
      (!jln_store_delete (self->store, record, error) ||
       !add_history (self, edit, batch, "remove", record,
                     JLN_IS_MEASUREMENT (record) ? jln_record_get_id (parent) : NULL,
                     snapshot, NULL, error)))
    return FALSE;

  g_object_ref (record);
  _jln_children_remove (_jln_record_get_store (parent, jln_record_get_kind (record)), position);
  _jln_plan_index_remove (self->plan, record);
  _jln_record_set_parent (record, NULL);
  g_ptr_array_add (inverses,
                   _jln_edit_new_insert_snapshot (parent, snapshot, jln_record_get_kind (record), position));
  g_object_unref (record);
  return TRUE;
}

static gboolean
apply_move (JlnDocument  *self,
            JlnEdit      *edit,
            gint64        batch,
            gboolean      memory_only,
            GPtrArray    *inverses,
            GError      **error)
{
  JlnRecord *record = current_record (self, edit->record);
  JlnChildren *siblings;
  guint from;

  if (!is_in_plan (self, record) || !jln_record_get_position (record, &from))
    return refuse (error, JLN_ERROR_NOT_FOUND, _("This object is no longer part of the plan"));
  siblings = _jln_record_get_store (jln_record_get_parent (record), jln_record_get_kind (record));
  if (edit->position >= g_list_model_get_n_items (G_LIST_MODEL (siblings)))
    return refuse (error, JLN_ERROR_INVALID, _("The position is outside the list"));
  if (from == edit->position)
    return TRUE;

  if (!memory_only)
    {
      g_autofree char *old_value = g_strdup_printf ("%u", from);
      g_autofree char *new_value = g_strdup_printf ("%u", edit->position);

      if (!jln_store_move (self->store, record, from, edit->position, error) ||
          !add_history (self, edit, batch, "move", record, "position",
                        old_value, new_value, error))
        return FALSE;
    }

  g_object_ref (record);
  _jln_children_remove (siblings, from);
  _jln_children_insert (siblings, edit->position, record);
  g_object_unref (record);
  g_ptr_array_add (inverses, jln_edit_new_move (record, from));
  return TRUE;
}

static gboolean
apply_one (JlnDocument  *self,
           JlnEdit      *edit,
           gint64        batch,
           gboolean      memory_only,
           GPtrArray    *inverses,
           GError      **error)
{
  switch ((int) edit->kind)
    {
    case JLN_EDIT_SET:
      return apply_set (self, edit, batch, memory_only, inverses, error);
    case JLN_EDIT_INSERT:
      return apply_insert (self, edit, batch, memory_only, inverses, error);
    case JLN_EDIT_REMOVE:
      return apply_remove (self, edit, batch, memory_only, inverses, error);
    case JLN_EDIT_MOVE:
      return apply_move (self, edit, batch, memory_only, inverses, error);
    case JLN_EDIT_GROUP:
      for (guint i = 0; i < edit->edits->len; i++)
        if (!apply_one (self, g_ptr_array_index (edit->edits, i), batch, memory_only, inverses, error))
          return FALSE;
      return TRUE;
    default:
      g_return_val_if_reached (FALSE);
    }
}

static void
collect_record_ids (JlnRecord  *record,
                    GHashTable *ids)
{
  const JlnKindInfo *info = _jln_record_get_info (record);

  g_hash_table_add (ids, (gpointer) jln_record_get_id (record));
  for (guint i = 0; i < info->n_children; i++)
    {
      GListModel *children = _jln_record_peek_children (record, info->children[i]);

      for (guint j = 0; children != NULL && j < g_list_model_get_n_items (children); j++)
        {
          g_autoptr(JlnRecord) child = g_list_model_get_item (children, j);

          collect_record_ids (child, ids);
        }
    }
}

/* @record and its ancestors: the history names a removed or restored
 * record, not each of its descendants. */
static void
collect_ancestor_ids (JlnRecord  *record,
                      GHashTable *ids)
{
  g_hash_table_add (ids, (gpointer) jln_record_get_id (record));
  /* Not the plan: its history rows are changes of its own fields. */
  for (record = jln_record_get_parent (record);
       record != NULL && !JLN_IS_PLAN (record);
       record = jln_record_get_parent (record))
    g_hash_table_add (ids, (gpointer) jln_record_get_id (record));
}

/* The records beside @record in its parent's list: their positions and
 * its own are one state, which an insert, a remove or a move elsewhere
 * changes (two processes moving and removing in one objective must not
 * leave two records at one position). */
static void
collect_sibling_ids (JlnRecord  *parent,
                     JlnKind     kind,
                     GHashTable *ids)
{
  GListModel *siblings;

  if (parent == NULL)
    return;
  siblings = _jln_record_peek_children (parent, kind);
  for (guint i = 0; siblings != NULL && i < g_list_model_get_n_items (siblings); i++)
    {
      g_autoptr(JlnRecord) sibling = g_list_model_get_item (siblings, i);

      g_hash_table_add (ids, (gpointer) jln_record_get_id (sibling));
    }
}

/* The records whose state in the file @edit depends on. */
static void
collect_ids (JlnEdit    *edit,
             GHashTable *ids)
{
  switch ((int) edit->kind)
    {
    case JLN_EDIT_SET:
      collect_ancestor_ids (edit->record, ids);
      break;
    case JLN_EDIT_MOVE:
      collect_ancestor_ids (edit->record, ids);
      collect_sibling_ids (jln_record_get_parent (edit->record),
                           _jln_record_get_info (edit->record)->kind, ids);
      break;
    case JLN_EDIT_REMOVE:
      collect_record_ids (edit->record, ids);
      collect_ancestor_ids (edit->record, ids);
      collect_sibling_ids (jln_record_get_parent (edit->record),
                           _jln_record_get_info (edit->record)->kind, ids);
      break;
    case JLN_EDIT_INSERT:
      collect_ancestor_ids (edit->parent, ids);
      collect_sibling_ids (edit->parent,
                           edit->record != NULL ? _jln_record_get_info (edit->record)->kind
                                                : edit->snapshot_kind, ids);
      break;
    case JLN_EDIT_GROUP:
      for (guint i = 0; i < edit->edits->len; i++)
        collect_ids (g_ptr_array_index (edit->edits, i), ids);
      break;
    default:
      break;
    }
}

/* Applies @edit in one transaction, and returns its inverse. On failure
 * the file and the records are as they were. */
static JlnEdit *
apply (JlnDocument  *self,
       JlnEdit      *edit,
       GError      **error)
{
  g_autoptr(GPtrArray) inverses = g_ptr_array_new_with_free_func ((GDestroyNotify) jln_edit_unref);
  JlnEdit *inverse;
  gint64 batch, version;
  gboolean outdated;

  if (!jln_store_begin (self->store, error))
    return NULL;

  /* Another window or program committed since this plan was read: an
   * edit of what it changed would revert its work with stale values. */
  version = jln_store_get_data_version (self->store);
  outdated = version != self->data_version;
  if (outdated)
    {
      g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);

      collect_ids (edit, ids);
      jln_store_forget_batch (self->store);
      if (jln_store_changed_since (self->store, self->history_id, ids, self->own_batches))
        {
          jln_store_rollback (self->store);
          g_set_error_literal (error, JLN_ERROR, JLN_ERROR_CHANGED,
                               _("This action was changed elsewhere; the plan has been reloaded"));
          jln_document_reload (self, NULL);
          return NULL;
        }
    }

  batch = jln_store_next_batch (self->store);
  if (!apply_one (self, edit, batch, FALSE, inverses, error) ||
      (edit->mark_func != NULL &&
       !edit->mark_func (self->store, batch, edit->mark_forget, edit->mark_data, error)) ||
      !jln_store_commit (self->store, error))
    {
      jln_store_rollback (self->store);
      /* Undo in memory what was done before the failure. */
      for (guint i = inverses->len; i > 0; i--)
        {
          g_autoptr(GPtrArray) ignored = g_ptr_array_new_with_free_func ((GDestroyNotify) jln_edit_unref);

          apply_one (self, g_ptr_array_index (inverses, i - 1), batch, TRUE, ignored, NULL);
        }
      return NULL;
    }

  if (outdated)
    g_hash_table_add (self->own_batches, g_memdup2 (&batch, sizeof batch));
  else
    self->history_id = jln_store_get_last_history_id (self->store);

  inverse = jln_edit_new_group (edit->kind == JLN_EDIT_GROUP ? edit->label : NULL);
  for (guint i = inverses->len; i > 0; i--)
    jln_edit_group_add (inverse, jln_edit_ref (g_ptr_array_index (inverses, i - 1)));
  if (edit->mark_func != NULL)
    _jln_edit_set_mark (inverse, edit->mark_func, edit->mark_data, edit->mark_clear, !edit->mark_forget);
  return inverse;
}

static void
notify_stacks (JlnDocument *self,
               gboolean     could_undo,
               gboolean     could_redo)
{
  if (could_undo != jln_document_can_undo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (could_redo != jln_document_can_redo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

/**
 * jln_document_apply:
 *
 * Applies @edit: writes it to the plan file in one transaction, records
 * it in the history, updates the plan in memory and makes it undoable.
 * When it fails, nothing has changed.
 */
gboolean
jln_document_apply (JlnDocument  *self,
                    JlnEdit      *edit,
                    GError      **error)
{
  gboolean could_undo, could_redo;
  JlnEdit *inverse;

  g_return_val_if_fail (JLN_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (edit != NULL, FALSE);

  could_undo = jln_document_can_undo (self);
  could_redo = jln_document_can_redo (self);

  inverse = apply (self, edit, error);
  if (inverse == NULL)
    return FALSE;

  if (inverse->edits->len > 0)
    {
      g_ptr_array_add (self->undo_stack, inverse);
      g_ptr_array_set_size (self->redo_stack, 0);
    }
  else
    jln_edit_unref (inverse);

  notify_stacks (self, could_undo, could_redo);
  return TRUE;
}

gboolean
jln_document_can_undo (JlnDocument *self)
{
  g_return_val_if_fail (JLN_IS_DOCUMENT (self), FALSE);
  return self->undo_stack->len > 0;
}

gboolean
jln_document_can_redo (JlnDocument *self)
{
  g_return_val_if_fail (JLN_IS_DOCUMENT (self), FALSE);
  return self->redo_stack->len > 0;
}

static gboolean
replay (JlnDocument  *self,
        GPtrArray    *from,
        GPtrArray    *to,
        GError      **error)
{
  gboolean could_undo = jln_document_can_undo (self);
  gboolean could_redo = jln_document_can_redo (self);
  JlnEdit *edit, *inverse;

  if (from->len == 0)
    return TRUE;

  edit = g_ptr_array_index (from, from->len - 1);
  inverse = apply (self, edit, error);
  if (inverse == NULL)
    return FALSE;

  g_ptr_array_remove_index (from, from->len - 1);
  g_ptr_array_add (to, inverse);
  notify_stacks (self, could_undo, could_redo);
  return TRUE;
}

gboolean
jln_document_undo (JlnDocument  *self,
                   GError      **error)
{
  g_return_val_if_fail (JLN_IS_DOCUMENT (self), FALSE);
  return replay (self, self->undo_stack, self->redo_stack, error);
}

gboolean
jln_document_redo (JlnDocument  *self,
                   GError      **error)
{
  g_return_val_if_fail (JLN_IS_DOCUMENT (self), FALSE);
  return replay (self, self->redo_stack, self->undo_stack, error);
}

/**
 * jln_document_get_history:
 * @since: (nullable): an ISO 8601 UTC time
 *
 * Returns: (transfer full) (element-type JlnHistoryRow): the recorded
 *   changes since @since, oldest first
 */
GPtrArray *
jln_document_get_history (JlnDocument  *self,
                          const char   *since,
                          GError      **error)
{
  g_return_val_if_fail (JLN_IS_DOCUMENT (self), NULL);
  return jln_store_get_history (self->store, since, error);
}

/**
 * jln_document_is_outdated:
 *
 * Returns: %TRUE when another window or program changed the plan file
 *   since this document read it or last reloaded
 */
gboolean
jln_document_is_outdated (JlnDocument *self)
{
  gint64 version;

  g_return_val_if_fail (JLN_IS_DOCUMENT (self), FALSE);

  version = jln_store_get_data_version (self->store);
  return version >= 0 && version != self->data_version;
}

/* Keeps, from the newest down, the edits of @stack that touch nothing
 * another writer changed since this plan was read: undoing them names
 * records by id and writes no stale value over another's work. The
 * first one that does, and every older one, goes. */
static void
drop_stale_edits (JlnDocument *self,
                  GPtrArray   *stack)
{
  guint n = stack->len;

  while (n > 0)
    {
      g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);

      collect_ids (g_ptr_array_index (stack, n - 1), ids);
      if (jln_store_changed_since (self->store, self->history_id, ids, self->own_batches))
        break;
      n--;
    }
  g_ptr_array_remove_range (stack, 0, n);
}

/**
 * jln_document_reload:
 *
 * Reads the plan file again, into a new plan: the #JlnDocument:plan
 * property changes. The undo and redo stacks keep the edits that touch
 * nothing changed elsewhere since the plan was last read; the others,
 * and every edit when another file was saved at the path, are dropped.
 */
gboolean
jln_document_reload (JlnDocument  *self,
                     GError      **error)
{
  gboolean could_undo, could_redo;
  gboolean replaced;
  gint64 version, history_id;
  JlnPlan *plan, *old_plan;

  g_return_val_if_fail (JLN_IS_DOCUMENT (self), FALSE);

  could_undo = jln_document_can_undo (self);
  could_redo = jln_document_can_redo (self);

  /* Another file at the path: read that one, through a connection of
   * its own; the old one only ever reached the file that was replaced. */
  replaced = jln_store_is_replaced (self->store);
  if (replaced)
    {
      const char *path = jln_store_get_path (self->store);
      JlnStore *store = jln_store_open_full (path, jln_store_is_read_only (self->store)
                                                   ? JLN_STORE_OPEN_READ_ONLY
                                                   : JLN_STORE_OPEN_DEFAULT, error);

      if (store == NULL)
        {
          prefix_path (error, path);
          return FALSE;
        }
      jln_store_free (self->store);
      self->store = store;
    }

  /* Read the state markers first: a commit that lands in between makes
   * the document look outdated once more, never up to date by mistake. */
  version = jln_store_get_data_version (self->store);
  history_id = jln_store_get_last_history_id (self->store);
  plan = jln_store_load (self->store, error);
  if (plan == NULL || !jln_store_use_rollback_journal (self->store, error))
    {
      g_clear_object (&plan);
      prefix_path (error, jln_store_get_path (self->store));
      return FALSE;
    }

  if (replaced)
    {
      g_ptr_array_set_size (self->undo_stack, 0);
      g_ptr_array_set_size (self->redo_stack, 0);
    }
  else
    {
      drop_stale_edits (self, self->undo_stack);
      drop_stale_edits (self, self->redo_stack);
    }
  old_plan = g_steal_pointer (&self->plan);
  self->plan = plan;
  self->data_version = version;
  self->history_id = history_id;
  g_hash_table_remove_all (self->own_batches);
  jln_store_forget_batch (self->store);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN]);
  notify_stacks (self, could_undo, could_redo);
  g_object_unref (old_plan);
  return TRUE;
}

static char *
snapshot_children (JlnRecord *record,
                   JlnKind    kind)
{
  GListModel *children = jln_record_get_children (record, kind);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (children); i++)
    {
      g_autoptr(JlnRecord) child = g_list_model_get_item (children, i);
      g_autofree char *snapshot = jln_json_write_record (child);

      g_string_append (text, snapshot);
      g_string_append_c (text, '\n');
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The edit that makes the current plan equal to @target. Records keep
 * their ids, so references stay valid. Top-level lists are replaced
 * whole, in an order where nothing removed is still referred to
 * (indicators refer to actions, actions to units and principles). */
static JlnEdit *
edit_to_match (JlnDocument *self,
               JlnPlan     *target)
{
  static const JlnKind remove_order[] = {
    JLN_KIND_INDICATOR, JLN_KIND_OBJECTIVE, JLN_KIND_MILESTONE, JLN_KIND_PRINCIPLE, JLN_KIND_UNIT,
  };
  JlnRecord *plan = JLN_RECORD (self->plan);
  const JlnKindInfo *info = _jln_record_get_info (plan);
  JlnEdit *group = jln_edit_new_group (_("Restore a backup"));
  gboolean same = TRUE;

  for (guint k = 0; k < G_N_ELEMENTS (remove_order) && same; k++)
    {
      g_autofree char *current = snapshot_children (plan, remove_order[k]);
      g_autofree char *wanted = snapshot_children (JLN_RECORD (target), remove_order[k]);

      same = g_strcmp0 (current, wanted) == 0;
    }

  if (!same)
    {
      for (guint k = 0; k < G_N_ELEMENTS (remove_order); k++)
        {
          GListModel *children = jln_record_get_children (plan, remove_order[k]);

          for (guint i = g_list_model_get_n_items (children); i > 0; i--)
            {
              g_autoptr(JlnRecord) child = g_list_model_get_item (children, i - 1);

              jln_edit_group_add (group, jln_edit_new_remove (child));
            }
        }
      for (guint k = G_N_ELEMENTS (remove_order); k > 0; k--)
        {
          GListModel *children = jln_record_get_children (JLN_RECORD (target), remove_order[k - 1]);

          for (guint i = 0; i < g_list_model_get_n_items (children); i++)
            {
              g_autoptr(JlnRecord) child = g_list_model_get_item (children, i);
              g_autofree char *snapshot = jln_json_write_record (child);

              jln_edit_group_add (group, _jln_edit_new_insert_snapshot (plan, snapshot,
                                                                         remove_order[k - 1], i));
            }
        }
    }

  for (guint i = 0; i < info->n_fields; i++)
    {
      const JlnField *field = &info->fields[i];
      int n_langs = field->type == JLN_FIELD_TEXT ? 2 : 1;

      for (int lang = 0; lang < n_langs; lang++)
        {
          JlnFieldRef ref = { field, field->type == JLN_FIELD_TEXT ? lang : -1 };
          g_autofree char *name = _jln_field_ref_name (&ref);
          g_autofree char *value = _jln_record_field_to_string (JLN_RECORD (target), &ref);

          jln_edit_group_add (group, jln_edit_new_set (plan, name, value != NULL ? value : ""));
        }
    }
  return group;
}

static JlnPlan *
load_copy_of (const char  *path,
              GError     **error)
{
  g_autoptr(GFile) source = g_file_new_for_path (path);
  g_autoptr(GFile) temp = NULL;
  g_autoptr(GFileIOStream) stream = NULL;
  g_autofree char *temp_path = NULL;
  g_autofree char *wal = NULL;
  g_autofree char *shm = NULL;
  JlnStore *store;
  JlnPlan *plan = NULL;

  /* Opening a file may change it (journal mode, migration): work on a copy. */
  temp = g_file_new_tmp ("jalons-backup-XXXXXX.jalons", &stream, error);
  if (temp == NULL)
    return NULL;
  g_io_stream_close (G_IO_STREAM (stream), NULL, NULL);
  temp_path = g_file_get_path (temp);
  wal = g_strconcat (temp_path, "-wal", NULL);
  shm = g_strconcat (temp_path, "-shm", NULL);

  if (g_file_copy (source, temp, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, error) &&
      (store = jln_store_open (temp_path, error)) != NULL)
    {
      plan = jln_store_load (store, error);
      jln_store_free (store);
    }
  g_remove (temp_path);
  g_remove (wal);
  g_remove (shm);
  if (plan == NULL)
    prefix_path (error, path);
  return plan;
}

/**
 * jln_document_restore_backup:
 *
 * Makes the plan equal to the one in the plan file at @backup_path, as
 * one edit: it is recorded in the history and undone as a whole.
 */
gboolean
jln_document_restore_backup (JlnDocument  *self,
                             const char   *backup_path,
                             GError      **error)
{
  g_autoptr(JlnPlan) target = NULL;
  g_autoptr(JlnEdit) edit = NULL;

  g_return_val_if_fail (JLN_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (backup_path != NULL, FALSE);

  target = load_copy_of (backup_path, error);
  if (target == NULL)
    return FALSE;
  if (g_strcmp0 (jln_record_get_id (JLN_RECORD (target)),
                 jln_record_get_id (JLN_RECORD (self->plan))) != 0)
    {
      g_set_error_literal (error, JLN_ERROR, JLN_ERROR_INVALID,
                           _("This backup is of another plan"));
      return FALSE;
    }
  edit = edit_to_match (self, target);
  return jln_document_apply (self, edit, error);
}
