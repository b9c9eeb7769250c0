/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "jln-gettext.h"
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "jln-completion.h"
#include "jln-record-private.h"
#include "jln-store.h"

/* The SQL of a plan file is written from the field tables of the record
 * classes: identifiers come from those constant tables, and every value
 * is bound to a prepared statement. */

struct _JlnStore
{
  sqlite3    *db;
  char       *path;
  GHashTable *statements;   /* SQL text → sqlite3_stmt */
  char       *insert_sql[JLN_N_KINDS];
  GHashTable *link_statements;  /* JlnField → sqlite3_stmt that inserts a link */
  sqlite3_stmt *insert_stmt[JLN_N_KINDS];
  gint64      last_batch;
  gboolean    read_only;    /* nothing is ever written to the file */
  gboolean    in_memory;    /* read into memory: the file is not open */
  gboolean    have_identity;
  dev_t       dev;          /* the file opened, to notice another put at its path */
  ino_t       ino;
  gint64      deadline;     /* monotonic time after which a statement is stopped */
  GPtrArray  *notices;      /* what the user must be told about opening */
};

/* No statement of Jalons takes seconds on a sound plan: one that runs
 * longer was made to by the file, and is stopped. */
#define STATEMENT_TIME_LIMIT (30 * G_USEC_PER_SEC)

static const char sqlite_magic[16] = "SQLite format 3";

static gboolean
set_sqlite_error (JlnStore  *store,
                  int        code,
                  GError   **error)
{
  int primary = code & 0xff;
  /* SQLite quotes the file in its messages (a damaged schema's text):
   * make it valid UTF-8, like every message. */
  g_autofree char *detail = g_utf8_make_valid (store->db != NULL ? sqlite3_errmsg (store->db)
                                                                 : sqlite3_errstr (code), -1);

  if (primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB)
    g_set_error (error, JLN_ERROR, JLN_ERROR_DAMAGED,
                 /* Translators: %s is SQLite's own explanation. */
                 _("The plan file is damaged and cannot be read (%s)"), detail);
  else if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED)
    g_set_error_literal (error, JLN_ERROR, JLN_ERROR_IO,
                         _("The plan is being changed by another program; try again in a moment"));
  else if (primary == SQLITE_READONLY || primary == SQLITE_PERM || primary == SQLITE_CANTOPEN)
    g_set_error (error, JLN_ERROR, JLN_ERROR_IO,
                 _("The plan file cannot be written (%s)"), detail);
  else if (primary == SQLITE_FULL)
    g_set_error_literal (error, JLN_ERROR, JLN_ERROR_IO,
                         _("The disk is full: the change was not saved"));
  else if (primary == SQLITE_INTERRUPT)
    g_set_error_literal (error, JLN_ERROR, JLN_ERROR_DAMAGED,
                         _("Reading the plan file took too long and was stopped: "
                           "the file is damaged or was made to stall Jalons"));
  else if (primary == SQLITE_CONSTRAINT)
    g_set_error (error, JLN_ERROR, JLN_ERROR_INVALID,
                 _("The change would break the plan’s consistency (%s)"), detail);
  else
    g_set_error (error, JLN_ERROR, JLN_ERROR_IO,
                 _("The plan file could not be used (%s)"), detail);
  return FALSE;
}

static sqlite3_stmt *
prepare (JlnStore    *store,
         const char  *sql,
         GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (store->statements, sql);
  int rc;

  store->deadline = g_get_monotonic_time () + STATEMENT_TIME_LIMIT;
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (store->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (store, rc, error);
      return NULL;
    }
  g_hash_table_insert (store->statements, g_strdup (sql), stmt);
  return stmt;
}

static gboolean
exec (JlnStore    *store,
      const char  *sql,
      GError     **error)
{
  int rc;

  store->deadline = g_get_monotonic_time () + STATEMENT_TIME_LIMIT;
  rc = sqlite3_exec (store->db, sql, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    return set_sqlite_error (store, rc, error);
  return TRUE;
}

static gboolean
step_done (JlnStore      *store,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return set_sqlite_error (store, rc, error);
  return TRUE;
}

/* Reads the one number of @sql. Any number is a value, negative ones
 * too: failure is only ever told by the return value. */
static gboolean
query_int (JlnStore    *store,
           const char  *sql,
           gint64      *value,
           GError     **error)
{
  sqlite3_stmt *stmt = prepare (store, sql, error);
  int rc;

  *value = 0;
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *value = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return set_sqlite_error (store, rc, error);
  return TRUE;
}

static gint64
query_int_or (JlnStore   *store,
              const char *sql,
              gint64      fallback)
{
  gint64 value;

  return query_int (store, sql, &value, NULL) ? value : fallback;
}

/* --- SQL written from the field tables --------------------------------- */

static JlnKind
parent_kind (const JlnKindInfo *info)
{
  for (guint k = 0; k < JLN_N_KINDS; k++)
    {
      const JlnKindInfo *other = _jln_kind_info (k);

      for (guint i = 0; i < other->n_children; i++)
        if (other->children[i] == info->kind)
          return k;
    }
  return JLN_N_KINDS;
}

static const char *
column_type (JlnFieldType type)
{
  switch (type)
    {
    case JLN_FIELD_INT:
    case JLN_FIELD_SEMESTER:
      return "INTEGER";
    case JLN_FIELD_DOUBLE:
      return "REAL";
    default:
      return "TEXT";
    }
}

static void
append_columns (GString           *sql,
                const JlnKindInfo *info,
                gboolean           with_types)
{
  for (guint i = 0; i < info->n_fields; i++)
    {
      const JlnField *field = &info->fields[i];

      if (field->type == JLN_FIELD_REFS)
        continue;
      if (field->type == JLN_FIELD_TEXT)
        {
          g_string_append_printf (sql, ", %s_fr%s, %s_en%s",
                                  field->column, with_types ? " TEXT" : "",
                                  field->column, with_types ? " TEXT" : "");
        }
      else
        {
          g_string_append_printf (sql, ", %s%s%s", field->column,
                                  with_types ? " " : "",
                                  with_types ? column_type (field->type) : "");
        }
    }
}

static char *
link_table (const JlnKindInfo *info,
            const JlnField    *field)
{
  return g_strconcat (info->table, "_", field->column, NULL);
}

/* The tables, and apart from them their indexes, which a new file gets
 * after its records: building an index once is faster than keeping it
 * up to date through a hundred thousand inserts. Those of the kinds from
 * @first to before @end, and with the first kind the history. */
static void
append_schema_sql (GString *tables,
                   GString *indexes,
                   JlnKind  first,
                   JlnKind  end)
{
  for (guint k = first; k < end; k++)
    {
      const JlnKindInfo *info = _jln_kind_info (k);
      JlnKind parent = parent_kind (info);

      g_string_append_printf (tables, "CREATE TABLE %s (id TEXT PRIMARY KEY NOT NULL", info->table);
      if (parent != JLN_N_KINDS)
        g_string_append_printf (tables,
                                ", parent TEXT NOT NULL REFERENCES %s (id) ON DELETE CASCADE"
                                ", position INTEGER NOT NULL",
                                _jln_kind_info (parent)->table);
      append_columns (tables, info, TRUE);
      g_string_append (tables, ");\n");
      if (parent != JLN_N_KINDS)
        g_string_append_printf (indexes, "CREATE INDEX %s_by_parent ON %s (parent, position);\n",
                                info->table, info->table);

      for (guint i = 0; i < info->n_fields; i++)
        {
          const JlnField *field = &info->fields[i];
          g_autofree char *links = NULL;

          if (field->type != JLN_FIELD_REFS)
            continue;
          links = link_table (info, field);
          g_string_append_printf (tables,
                                  "CREATE TABLE %s ("
                                  "owner TEXT NOT NULL REFERENCES %s (id) ON DELETE CASCADE, "
                                  "target TEXT NOT NULL REFERENCES %s (id), "
                                  "position INTEGER NOT NULL, "
                                  "PRIMARY KEY (owner, position));\n",
                                  links, info->table, _jln_kind_info (field->ref_kind)->table);
          g_string_append_printf (indexes, "CREATE INDEX %s_by_target ON %s (target);\n",
                                  links, links);
        }
    }

  if (first != 0)
    return;
  g_string_append (tables,
                   "CREATE TABLE history ("
                   "id INTEGER PRIMARY KEY, "
                   "time TEXT NOT NULL, "
                   "batch INTEGER NOT NULL, "
                   "op TEXT NOT NULL, "
                   "kind TEXT NOT NULL, "
                   "object TEXT NOT NULL, "
                   "field TEXT, "
                   "old_value TEXT, "
                   "new_value TEXT);\n");
  g_string_append (indexes,
                   "CREATE INDEX history_by_time ON history (time);\n"
                   "CREATE INDEX history_by_object ON history (object);\n");
}

/* The kinds a version 1 file has; those after came with version 3. */
#define FIRST_KIND_OF_VERSION_3 JLN_KIND_NOTE

/* --- Opening ------------------------------------------------------------ */

typedef gboolean (*MigrateFunc) (JlnStore *store, GError **error);

static gboolean
migrate_0_to_1 (JlnStore  *store,
                GError   **error)
{
  g_autoptr(GString) tables = g_string_new (NULL);
  g_autoptr(GString) indexes = g_string_new (NULL);
  g_autofree char *id = g_uuid_string_random ();
  sqlite3_stmt *stmt;

  append_schema_sql (tables, indexes, 0, FIRST_KIND_OF_VERSION_3);
  if (!exec (store, tables->str, error) ||
      !exec (store, indexes->str, error))
    return FALSE;

  /* A version 0 file is an empty database: it becomes an empty plan,
   * titled in both content languages. */
  stmt = prepare (store, "INSERT INTO plan (id, title_fr, title_en) VALUES (?1, ?2, ?3)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, JLN_PLAN_UNTITLED_FR, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, JLN_PLAN_UNTITLED_EN, -1, SQLITE_STATIC);
  return step_done (store, stmt, error);
}

/* Version 2: the file's own identity among the copies of a plan, and
 * what it has taken in from the others (see jln-merge.c). */
static gboolean
insert_replica (JlnStore  *store,
                GError   **error)
{
  g_autofree char *id = g_uuid_string_random ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *time = g_date_time_format_iso8601 (now);
  sqlite3_stmt *stmt = prepare (store, "INSERT INTO replica (id, created) VALUES (?1, ?2)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, time, -1, SQLITE_STATIC);
  return step_done (store, stmt, error);
}

/* The file's identity, the points of other copies' histories it has
 * seen, the changes of theirs it has taken in, and where merged history
 * rows come from. */
#define REPLICA_TABLES_SQL \
  "CREATE TABLE replica (id TEXT PRIMARY KEY NOT NULL, created TEXT NOT NULL);\n" \
  "CREATE TABLE sync_points (" \
  "replica TEXT PRIMARY KEY NOT NULL, " \
  "name TEXT NOT NULL, " \
  "seen INTEGER NOT NULL, " \
  "last_change TEXT, " \
  "time TEXT NOT NULL);\n" \
  "CREATE TABLE seen_changes (change TEXT PRIMARY KEY NOT NULL, batch INTEGER NOT NULL);\n" \
  "CREATE TABLE history_origin (" \
  "row INTEGER PRIMARY KEY NOT NULL, replica TEXT NOT NULL, name TEXT);\n"

static gboolean
create_replica_tables (JlnStore  *store,
                       GError   **error)
{
  return exec (store, REPLICA_TABLES_SQL, error) &&
         insert_replica (store, error);
}

static gboolean
migrate_1_to_2 (JlnStore  *store,
                GError   **error)
{
  return create_replica_tables (store, error);
}

/* Version 3: the progress notes of actions and sub-items, and the
 * sections of the plan's narrative, in tables of their own. */
static gboolean
migrate_2_to_3 (JlnStore  *store,
                GError   **error)
{
  g_autoptr(GString) tables = g_string_new (NULL);
  g_autoptr(GString) indexes = g_string_new (NULL);

  append_schema_sql (tables, indexes, FIRST_KIND_OF_VERSION_3, JLN_N_KINDS);
  return exec (store, tables->str, error) &&
         exec (store, indexes->str, error);
}

/* migrations[n] brings a file from version n to n + 1. */
static const MigrateFunc migrations[] = {
  migrate_0_to_1,
  migrate_1_to_2,
  migrate_2_to_3,
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == JLN_STORE_SCHEMA_VERSION);

static int
progress_cb (void *data)
{
  JlnStore *store = data;

  /* Non-zero stops the statement with SQLITE_INTERRUPT. */
  return store->deadline != 0 && g_get_monotonic_time () > store->deadline;
}

/* A plan file is a document that people copy, mail and save over older
 * copies: nothing it holds but its rows is trusted. No trigger, view or
 * function stored in it ever runs, and no statement runs for long. */
static void
make_defensive (JlnStore *store)
{
  sqlite3_db_config (store->db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
  sqlite3_db_config (store->db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
  sqlite3_db_config (store->db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, NULL);
  sqlite3_db_config (store->db, SQLITE_DBCONFIG_ENABLE_VIEW, 0, NULL);
  sqlite3_db_config (store->db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, NULL);
  sqlite3_progress_handler (store->db, 1000, progress_cb, store);
  sqlite3_extended_result_codes (store->db, TRUE);
  sqlite3_busy_timeout (store->db, 5000);
}

static gboolean
configure (JlnStore  *store,
           GError   **error)
{
  return exec (store, "PRAGMA foreign_keys = ON;", error);
}

static void
finalize_statement (gpointer data)
{
  sqlite3_finalize (data);
}

static JlnStore *
store_new (const char *path)
{
  JlnStore *store = g_new0 (JlnStore, 1);

  store->path = g_strdup (path);
  store->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
  store->link_statements = g_hash_table_new (NULL, NULL);
  store->notices = g_ptr_array_new_with_free_func (g_free);
  return store;
}

static gboolean
check_header (const char  *path,
              GError     **error)
{
  char header[16] = { 0 };
  FILE *file;
  gsize n;

  /* A FIFO would block opening, a folder is no plan. */
  if (g_file_test (path, G_FILE_TEST_EXISTS) && !g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error_literal (error, JLN_ERROR, JLN_ERROR_NOT_A_PLAN,
                           g_file_test (path, G_FILE_TEST_IS_DIR)
                           ? _("This is a folder, not a Jalons plan")
                           : _("This is not a regular file: it is not a Jalons plan"));
      return FALSE;
    }
  file = g_fopen (path, "rb");

  if (file == NULL)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "%s", g_strerror (saved_errno));
      return FALSE;
    }
  n = fread (header, 1, sizeof header, file);
  fclose (file);

  if (n == 0)
    {
      g_set_error_literal (error, JLN_ERROR, JLN_ERROR_NOT_A_PLAN,
                           _("This file is empty: it is not a Jalons plan"));
      return FALSE;
    }
  if (n < sizeof header || memcmp (header, sqlite_magic, sizeof header) != 0)
    {
      g_set_error_literal (error, JLN_ERROR, JLN_ERROR_NOT_A_PLAN,
                           _("This file is not a Jalons plan"));
      return FALSE;
    }
  return TRUE;
}

/* Whether the file, or its folder (where SQLite writes its journal), may
 * not be written: by the permissions, or by its mode alone, so that a
 * file its owner marked read-only (an archived plan) stays as it is even
 * for a user who could write it anyway. */
static gboolean
is_read_only_file (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  GStatBuf st, dir_st;

  if (g_stat (path, &st) != 0 || g_stat (dir, &dir_st) != 0)
    return TRUE;
  return (st.st_mode & S_IWUSR) == 0 || (dir_st.st_mode & S_IWUSR) == 0 ||
         g_access (path, W_OK) != 0 || g_access (dir, W_OK) != 0;
}

/* Whether another process holds a lock on @path, as a SQLite connection
 * does on a plan file while it writes (at the lock bytes from 1 GiB), or
 * on a -shm file while it has a write-ahead log open. */
static gboolean
is_locked_by_another (const char *path,
                      off_t       start,
                      off_t       length)
{
  struct flock lock = { 0 };
  int fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW, 0);
  gboolean locked;

  if (fd < 0)
    return FALSE;
  lock.l_type = F_WRLCK;
  lock.l_whence = SEEK_SET;
  lock.l_start = start;
  lock.l_len = length;
  locked = fcntl (fd, F_GETLK, &lock) == 0 && lock.l_type != F_UNLCK;
  close (fd);
  return locked;
}

/* A journal or log may be older than the file by no more than this: they
 * are written together, a commit's pages a moment after its journal. */
#define LEFTOVER_SLACK (2 * G_USEC_PER_SEC)

static gint64
stat_time (const struct timespec *time)
{
  return (gint64) time->tv_sec * G_USEC_PER_SEC + time->tv_nsec / 1000;
}

typedef enum
{
  LEFTOVER_NONE,      /* nothing beside the file */
  LEFTOVER_LIVE,      /* a running program is writing the file */
  LEFTOVER_OWN,       /* left by a program that stopped while it wrote this file */
  LEFTOVER_FOREIGN,   /* older than the file: it was written for another file */
} Leftover;

/* What is beside @path that SQLite would apply to it: a rollback journal
 * or a write-ahead log. A program that stopped while it wrote leaves one
 * behind; if the plan file was replaced since (an office's newer copy
 * saved at the same path), that leftover belongs to the file it replaced
 * and must not be played onto the new one, which SQLite cannot tell. */
static Leftover
examine_leftover (const char *path,
                  const char *suffix)
{
  g_autofree char *side = g_strconcat (path, suffix, NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  GStatBuf st, side_st;

  if (g_lstat (side, &side_st) != 0 || (S_ISREG (side_st.st_mode) && side_st.st_size == 0))
    return LEFTOVER_NONE;
  if (!S_ISREG (side_st.st_mode))
    return LEFTOVER_FOREIGN;
  if (is_locked_by_another (path, 0x40000000, 512) ||
      (g_str_equal (suffix, "-wal") && is_locked_by_another (shm, 0, 0)))
    return LEFTOVER_LIVE;
  if (g_stat (path, &st) != 0)
    return LEFTOVER_NONE;
  if (stat_time (&side_st.st_mtim) + LEFTOVER_SLACK < stat_time (&st.st_ctim))
    return LEFTOVER_FOREIGN;
  return LEFTOVER_OWN;
}

/* Renames a leftover that does not belong to the file out of SQLite's
 * way, keeping it, and tells the user. */
static gboolean
move_leftover_aside (JlnStore    *store,
                     const char  *suffix,
                     GError     **error)
{
  g_autofree char *side = g_strconcat (store->path, suffix, NULL);
  g_autofree char *shm = g_strconcat (store->path, "-shm", NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *aside = g_strdup_printf ("%s%s.not-applied-%s", store->path, suffix, stamp);
  g_autofree char *side_name = g_path_get_basename (side);
  g_autofree char *aside_name = g_path_get_basename (aside);

  if (g_rename (side, aside) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, JLN_ERROR, JLN_ERROR_IO,
                   _("“%s” beside the plan belongs to another file and could not be moved "
                     "aside (%s)"), side_name, g_strerror (saved_errno));
      return FALSE;
    }
  /* The index of a log is made again from the log; without it, nothing. */
  if (g_str_equal (suffix, "-wal"))
    g_remove (shm);
  g_ptr_array_add (store->notices,
                   g_strdup_printf (_("“%s”, left beside the plan by a program that stopped, "
                                      "was written for an older file at this place: it was not "
                                      "applied to the plan, and is kept as “%s”"),
                                    side_name, aside_name));
  return TRUE;
}

/* The header of a SQLite file says at bytes 18 and 19 whether it is in
 * write-ahead log mode (2) or uses a rollback journal (1). */
static gboolean
file_uses_wal (const char *path)
{
  guchar header[20] = { 0 };
  FILE *file = g_fopen (path, "rb");
  gboolean wal;

  if (file == NULL)
    return FALSE;
  wal = fread (header, 1, sizeof header, file) == sizeof header && (header[18] == 2 || header[19] == 2);
  fclose (file);
  return wal;
}

/* Reads the file into memory, as it is on disk, without its journal or
 * log: for reading a file that must not be written, or whose leftovers
 * must not be applied. */
static gboolean
open_in_memory (JlnStore  *store,
                GError   **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  unsigned char *image;
  gsize length;
  int rc;

  if (!g_file_get_contents (store->path, &contents, &length, &local_error))
    {
      g_set_error (error, JLN_ERROR, JLN_ERROR_IO, "%s", local_error->message);
      return FALSE;
    }
  if (length < 100 || length > G_MAXINT32)
    {
      g_set_error_literal (error, JLN_ERROR, JLN_ERROR_DAMAGED,
                           _("The plan file is damaged and cannot be read (file is too short)"));
      return FALSE;
    }
  /* A file in memory has no log: it is read as a rollback-journal file. */
  contents[18] = contents[19] = 1;

  rc = sqlite3_open_v2 (":memory:", &store->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    return set_sqlite_error (store, rc, error);
  make_defensive (store);
  image = sqlite3_malloc64 (length);
  if (image == NULL)
    return set_sqlite_error (store, SQLITE_NOMEM, error);
  memcpy (image, contents, length);
  rc = sqlite3_deserialize (store->db, "main", image, length, length,
                            SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_RESIZEABLE);
  if (rc != SQLITE_OK)
    return set_sqlite_error (store, rc, error);
  store->in_memory = TRUE;
  return TRUE;
}

/* A copy of the file as it was before a migration, beside it, under a
 * name no other file has: an older backup is never written over. */
static gboolean
backup_before_migration (JlnStore  *store,
                         gint64     version,
                         GError   **error)
{
  g_autofree char *backup_path = g_strdup_printf ("%s.v%" G_GINT64_FORMAT ".bak", store->path, version);
  sqlite3_stmt *stmt;
  int rc;

  for (guint i = 1; g_file_test (backup_path, G_FILE_TEST_EXISTS) || g_file_test (backup_path, G_FILE_TEST_IS_SYMLINK); i++)
    {
      g_free (backup_path);
      backup_path = g_strdup_printf ("%s.v%" G_GINT64_FORMAT "-%u.bak", store->path, version, i);
    }
  rc = sqlite3_prepare_v2 (store->db, "VACUUM INTO ?1", -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return set_sqlite_error (store, rc, error);
  sqlite3_bind_text (stmt, 1, backup_path, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return set_sqlite_error (store, rc, error);
  return TRUE;
}

/* --- The schema a plan file must have ------------------------------------ */

static void
describe_rows (sqlite3    *db,
               const char *sql,
               const char *name,
               GString    *out)
{
  sqlite3_stmt *stmt;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      g_string_append (out, "?\n");
      return;
    }
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_string_append_c (out, ' ');
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        {
          const char *text = (const char *) sqlite3_column_text (stmt, i);

          g_string_append_printf (out, "%s|", text != NULL ? text : "NULL");
        }
      g_string_append_c (out, '\n');
    }
  sqlite3_finalize (stmt);
}

/* Whether @sql, the text that made a table, declares a CHECK constraint
 * or a generated column: SQLite's pragmas do not show them, and Jalons
 * writes neither. Quoted text is skipped. */
static gboolean
has_hidden_clause (const char *definition)
{
  g_autoptr(GString) words = g_string_new (NULL);
  char quote = 0;

  for (const char *p = definition; *p != '\0'; p++)
    {
      if (quote != 0)
        {
          if (*p == quote)
            quote = 0;
          continue;
        }
      if (*p == '\'' || *p == '"' || *p == '`')
        quote = *p;
      else if (*p == '[')
        quote = ']';
      else
        g_string_append_c (words, g_ascii_isalnum (*p) || *p == '_' ? g_ascii_toupper (*p) : ' ');
    }
  g_string_prepend_c (words, ' ');
  g_string_append_c (words, ' ');
  return strstr (words->str, " CHECK ") != NULL || strstr (words->str, " GENERATED ") != NULL ||
         strstr (words->str, " AS ") != NULL;
}

/* Everything SQLite keeps of a schema that could change what a statement
 * of Jalons does: each object's type and name, each table's columns with
 * their types, defaults, keys and hidden columns, its foreign keys, each
 * index's columns, uniqueness and condition. */
static char *
describe_schema (sqlite3 *db)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;

  if (sqlite3_prepare_v2 (db, "SELECT type, name, tbl_name, sql FROM main.sqlite_schema"
                              " ORDER BY type, name", -1, &stmt, NULL) != SQLITE_OK)
    return NULL;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *type = (const char *) sqlite3_column_text (stmt, 0);
      const char *name = (const char *) sqlite3_column_text (stmt, 1);
      const char *table = (const char *) sqlite3_column_text (stmt, 2);
      const char *made_by = (const char *) sqlite3_column_text (stmt, 3);

      g_string_append_printf (out, "%s %s on %s\n", type ? type : "?", name ? name : "?",
                              table ? table : "?");
      if (type != NULL && name != NULL && g_str_equal (type, "table"))
        {
          if (made_by != NULL && has_hidden_clause (made_by))
            g_string_append (out, " hidden clause\n");
          g_ptr_array_add (tables, g_strdup (name));
        }
    }
  sqlite3_finalize (stmt);

  for (guint i = 0; i < tables->len; i++)
    {
      const char *name = g_ptr_array_index (tables, i);

      g_string_append_printf (out, "columns of %s\n", name);
      describe_rows (db, "SELECT cid, name, type, \"notnull\", dflt_value, pk, hidden"
                         " FROM pragma_table_xinfo (?1)", name, out);
      describe_rows (db, "SELECT id, seq, \"table\", \"from\", \"to\", on_update, on_delete, match"
                         " FROM pragma_foreign_key_list (?1)", name, out);
      describe_rows (db, "SELECT name, \"unique\", origin, partial FROM pragma_index_list (?1)"
                         " ORDER BY name", name, out);
    }
  if (sqlite3_prepare_v2 (db, "SELECT name FROM main.sqlite_schema WHERE type = 'index'"
                              " ORDER BY name", -1, &stmt, NULL) != SQLITE_OK)
    return NULL;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (stmt, 0);

      g_string_append_printf (out, "index %s\n", name ? name : "?");
      describe_rows (db, "SELECT seqno, cid, name, \"desc\", coll, key FROM pragma_index_xinfo (?1)",
                     name, out);
    }
  sqlite3_finalize (stmt);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The schema this version of Jalons writes, described once. */
static const char *
expected_schema (void)
{
  static char *description;

  if (g_once_init_enter (&description))
    {
      g_autoptr(GString) tables = g_string_new (NULL);
      g_autoptr(GString) indexes = g_string_new (NULL);
      sqlite3 *db = NULL;
      char *made;

      append_schema_sql (tables, indexes, 0, JLN_N_KINDS);
      if (sqlite3_open_v2 (":memory:", &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK ||
          sqlite3_exec (db, tables->str, NULL, NULL, NULL) != SQLITE_OK ||
          sqlite3_exec (db, indexes->str, NULL, NULL, NULL) != SQLITE_OK ||
          sqlite3_exec (db, REPLICA_TABLES_SQL, NULL, NULL, NULL) != SQLITE_OK)
        g_error ("The schema of plan files cannot be made: %s", sqlite3_errmsg (db));
      made = describe_schema (db);
      sqlite3_close (db);
      g_once_init_leave (&description, made);
    }
  return description;
}

/* Refuses a file whose schema is not, object for object, the one this
 * version writes: an extra trigger, view, table, index or column, or a
 * changed one, could make Jalons' statements do something else. */
static gboolean
check_schema (JlnStore  *store,
              GError   **error)
{
  g_autofree char *found = describe_schema (store->db);

  if (found == NULL)
    return set_sqlite_error (store, sqlite3_errcode (store->db), error);
  if (!g_str_equal (found, expected_schema ()))
    {
      g_set_error_literal (error, JLN_ERROR, JLN_ERROR_DAMAGED,
                           _("The plan file is damaged or was altered: its tables are not those "
                             "of a Jalons plan (it holds other tables, columns, indexes, "
                             "triggers or views), so it is not opened"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
migrate (JlnStore  *store,
         gint64     version,
         gint64     n_tables,
         GError   **error)
{
  g_autofree char *set_version = NULL;

  if (!store->in_memory && n_tables > 0 && !backup_before_migration (store, version, error))
    return FALSE;
  if (!exec (store, "PRAGMA foreign_keys = OFF;", error) ||
      !exec (store, "BEGIN IMMEDIATE;", error))
    return FALSE;
  for (gint64 v = version; v < JLN_STORE_SCHEMA_VERSION; v++)
    if (!migrations[v] (store, error))
      {
        jln_store_rollback (store);
        return FALSE;
      }
  /* PRAGMA takes no parameters; the values are compile-time constants. */
  set_version = g_strdup_printf ("PRAGMA user_version = %d; PRAGMA application_id = %d;",
                                 JLN_STORE_SCHEMA_VERSION, JLN_STORE_APPLICATION_ID);
  if (!exec (store, set_version, error) ||
      !exec (store, "COMMIT;", error))
    {
      jln_store_rollback (store);
      return FALSE;
    }
  return TRUE;
}

static gboolean
open_file (JlnStore  *store,
           GError   **error)
{
  int rc = sqlite3_open_v2 (store->path, &store->db,
                            (store->read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) |
                            SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_NOFOLLOW, NULL);

  if (rc != SQLITE_OK)
    return set_sqlite_error (store, rc, error);
  make_defensive (store);
  return TRUE;
}

static void
remember_identity (JlnStore *store)
{
  GStatBuf st;

  if (g_stat (store->path, &st) != 0)
    return;
  store->dev = st.st_dev;
  store->ino = st.st_ino;
  store->have_identity = TRUE;
}

/**
 * jln_store_open_full:
 * @flags: %JLN_STORE_OPEN_READ_ONLY to never write to the file
 *
 * Opens an existing plan file. A file that is not a plan, is damaged,
 * altered or was written by a newer version is refused and left as it
 * was; an older plan is copied aside and migrated forward in one
 * transaction (in memory only, when read-only). A file that may not be
 * written is opened read-only whatever @flags say.
 */
JlnStore *
jln_store_open_full (const char       *path,
                     JlnStoreOpenFlags flags,
                     GError          **error)
{
  g_autoptr(JlnStore) store = NULL;
  gint64 version, app_id, n_tables;
  gboolean in_memory = FALSE;
  static const char * const suffixes[] = { "-journal", "-wal" };

  g_return_val_if_fail (path != NULL, NULL);

  if (!check_header (path, error))
    return NULL;

  store = store_new (path);
  store->read_only = (flags & JLN_STORE_OPEN_READ_ONLY) != 0 || is_read_only_file (path);

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    switch (examine_leftover (path, suffixes[i]))
      {
      case LEFTOVER_FOREIGN:
        if (store->read_only)
          {
            g_autofree char *name = g_path_get_basename (path);

            /* Read what the file holds, as it is, and leave everything be. */
            in_memory = TRUE;
            g_ptr_array_add (store->notices,
                             g_strdup_printf (_("A journal left beside “%s” was written for an older "
                                                "file at this place: it was not applied"), name));
          }
        else if (!move_leftover_aside (store, suffixes[i], error))
          return NULL;
        break;
      case LEFTOVER_OWN:
        if (store->read_only && g_str_equal (suffixes[i], "-journal"))
          {
            g_set_error_literal (error, JLN_ERROR, JLN_ERROR_IO,
                                 _("The program that was saving this plan stopped before it had "
                                   "finished: open the plan where it can be written, so that its "
                                   "last saved state is restored"));
            return NULL;
          }
        break;
      case LEFTOVER_NONE:
        /* A read-only connection cannot make the log of a file in
         * write-ahead log mode beside it: read the file from memory. */
        if (store->read_only && g_str_equal (suffixes[i], "-wal") && file_uses_wal (path))
          in_memory = TRUE;
        break;
      case LEFTOVER_LIVE:
      default:
        break;
      }

  if (in_memory ? !open_in_memory (store, error) : !open_file (store, error))
    return NULL;

  /* Read before writing anything, so that a refused file is untouched. */
  if (!query_int (store, "PRAGMA application_id", &app_id, error) ||
      !query_int (store, "PRAGMA user_version", &version, error) ||
      !query_int (store, "SELECT count(*) FROM sqlite_schema", &n_tables, error))
    return NULL;

  if (app_id != JLN_STORE_APPLICATION_ID && !(app_id == 0 && version == 0 && n_tables == 0))
    {
      g_set_error_literal (error, JLN_ERROR, JLN_ERROR_NOT_A_PLAN,
                           _("This file is a database, but not a Jalons plan"));
      return NULL;
    }
  if (version > JLN_STORE_SCHEMA_VERSION)
    {
      g_autofree char *shown = g_strdup_printf ("%" G_GINT64_FORMAT, version);

      g_set_error (error, JLN_ERROR, JLN_ERROR_TOO_NEW,
                   _("This plan was written by a newer version of Jalons (format %s); "
                     "update Jalons to open it"), shown);
      return NULL;
    }
  if (version < 0 || (version == 0 && n_tables > 0))
    {
      g_set_error_literal (error, JLN_ERROR, JLN_ERROR_DAMAGED,
                           _("The plan file is damaged: its format version is not valid"));
      return NULL;
    }

  if (version < JLN_STORE_SCHEMA_VERSION)
    {
      /* Reading never writes: a read-only file is migrated in memory. */
      if (store->read_only && !store->in_memory)
        {
          /* The statements first: a connection with statements left is not closed. */
          g_hash_table_remove_all (store->statements);
          sqlite3_close (store->db);
          store->db = NULL;
          if (!open_in_memory (store, error))
            return NULL;
        }
      if (!migrate (store, version, n_tables, error))
        return NULL;
    }

  if (!check_schema (store, error) ||
      !configure (store, error))
    return NULL;

  if (!store->in_memory)
    remember_identity (store);

  return g_steal_pointer (&store);
}

JlnStore *
jln_store_open (const char  *path,
                GError     **error)
{
  return jln_store_open_full (path, JLN_STORE_OPEN_DEFAULT, error);
}

/**
 * jln_store_create:
 *
 * Creates a new, empty plan file at @path, which must not exist.
 */
JlnStore *
jln_store_create (const char  *path,
                  GError     **error)
{
  g_autoptr(JlnStore) store = NULL;
  g_autoptr(GString) tables = g_string_new ("BEGIN;\n");
  g_autoptr(GString) indexes = g_string_new (NULL);
  g_autofree char *set_version = NULL;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error_literal (error, G_FILE_ERROR, G_FILE_ERROR_EXIST, _("The file already exists"));
      return NULL;
    }

  store = store_new (path);
  rc = sqlite3_open_v2 (path, &store->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (store, rc, error);
      return NULL;
    }
  make_defensive (store);

  append_schema_sql (tables, indexes, 0, JLN_N_KINDS);
  g_string_append (tables, "COMMIT;\n");
  set_version = g_strdup_printf ("PRAGMA user_version = %d; PRAGMA application_id = %d;",
                                 JLN_STORE_SCHEMA_VERSION, JLN_STORE_APPLICATION_ID);
  /* A new file is written under a temporary name and renamed into place
   * by its caller once complete, so it needs no journal until then. */
  if (!exec (store, tables->str, error) ||
      !exec (store, set_version, error) ||
      !exec (store, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;"
                    " PRAGMA cache_size = -32768;", error))
    return NULL;
  if (!create_replica_tables (store, error))
    return NULL;

  return g_steal_pointer (&store);
}

/**
 * jln_store_finish_create:
 *
 * Builds the indexes of a file made by jln_store_create(), once its
 * records are written, in the same transaction.
 */
gboolean
jln_store_finish_create (JlnStore  *store,
                         GError   **error)
{
  g_autoptr(GString) tables = g_string_new (NULL);
  g_autoptr(GString) indexes = g_string_new (NULL);

  append_schema_sql (tables, indexes, 0, JLN_N_KINDS);
  if (!exec (store, indexes->str, error))
    return FALSE;

  /* Foreign keys are not checked while a new file is written: its
   * records come from a plan that was checked whole in memory, where
   * every parent and every reference is an object of the plan. They are
   * checked on every later change. */
  return TRUE;
}

void
jln_store_free (JlnStore *store)
{
  if (store == NULL)
    return;

  g_clear_pointer (&store->link_statements, g_hash_table_unref);
  g_clear_pointer (&store->statements, g_hash_table_unref);
  g_clear_pointer (&store->notices, g_ptr_array_unref);
  for (guint k = 0; k < JLN_N_KINDS; k++)
    g_free (store->insert_sql[k]);
  if (store->db != NULL)
    sqlite3_close (store->db);
  g_free (store->path);
  g_free (store);
}

const char *
jln_store_get_path (JlnStore *store)
{
  return store->path;
}

/**
 * jln_store_copy_to:
 *
 * Writes a copy of the whole file, history included, to @path, which
 * must not exist.
 */
gboolean
jln_store_copy_to (JlnStore    *store,
                   const char  *path,
                   GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  rc = sqlite3_prepare_v2 (store->db, "VACUUM INTO ?1", -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return set_sqlite_error (store, rc, error);
  sqlite3_bind_text (stmt, 1, path, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return set_sqlite_error (store, rc, error);
  return TRUE;
}

/**
 * jln_store_get_data_version:
 *
 * Returns: a number that changes when another connection commits to the
 *   file, or -1 when it cannot be read
 */
gint64
jln_store_get_data_version (JlnStore *store)
{
  return query_int_or (store, "PRAGMA data_version", -1);
}

/**
 * jln_store_get_last_history_id:
 *
 * Returns: the id of the newest history row, 0 when there is none
 */
gint64
jln_store_get_last_history_id (JlnStore *store)
{
  return MAX (0, query_int_or (store, "SELECT coalesce(max(id), 0) FROM history", 0));
}

/**
 * jln_store_changed_since:
 * @ids: (element-type utf8): the objects to look for
 * @own_batches: (element-type gint64): batches to ignore, written by this connection
 *
 * Returns: %TRUE when a history row newer than @history_id, of a batch
 *   not in @own_batches, names one of @ids
 */
gboolean
jln_store_changed_since (JlnStore   *store,
                         gint64      history_id,
                         GHashTable *ids,
                         GHashTable *own_batches)
{
  sqlite3_stmt *stmt = prepare (store, "SELECT batch, object FROM history WHERE id > ?1", NULL);
  gboolean changed = FALSE;

  if (stmt == NULL)
    return TRUE;
  sqlite3_bind_int64 (stmt, 1, history_id);
  while (!changed && sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 batch = sqlite3_column_int64 (stmt, 0);
      const char *object = (const char *) sqlite3_column_text (stmt, 1);

      if (own_batches != NULL && g_hash_table_contains (own_batches, &batch))
        continue;
      changed = object != NULL && g_hash_table_contains (ids, object);
    }
  sqlite3_reset (stmt);
  return changed;
}

/* Batches are numbered from the file, which another process may have
 * written to since this connection last looked. */
void
jln_store_forget_batch (JlnStore *store)
{
  store->last_batch = 0;
}

/* --- Transactions -------------------------------------------------------- */

/**
 * jln_store_use_rollback_journal:
 *
 * Makes the file keep every committed change in itself: a rollback
 * journal, which exists only while a change is written, and full
 * synchronisation. A file left in write-ahead log mode by an older
 * version is checkpointed and changed back. Called once a file was read
 * whole and found sound, so that a refused file is left as it was.
 */
gboolean
jln_store_use_rollback_journal (JlnStore  *store,
                                GError   **error)
{
  if (store->read_only)
    return TRUE;
  if (!exec (store, "PRAGMA synchronous = FULL;", error))
    return FALSE;
  /* Another program may still have the file open in write-ahead log
   * mode; it stays so until the last of them closes it. */
  sqlite3_exec (store->db, "PRAGMA journal_mode = DELETE;", NULL, NULL, NULL);
  return TRUE;
}

/**
 * jln_store_is_read_only:
 *
 * Returns: %TRUE when the store never writes to its file
 */
gboolean
jln_store_is_read_only (JlnStore *store)
{
  return store->read_only;
}

/**
 * jln_store_is_replaced:
 *
 * Returns: %TRUE when the file at the store's path is no longer the one
 *   it opened: another was saved over it, or it was removed
 */
gboolean
jln_store_is_replaced (JlnStore *store)
{
  GStatBuf st;

  if (!store->have_identity)
    return FALSE;
  if (g_stat (store->path, &st) != 0)
    return TRUE;
  return st.st_dev != store->dev || st.st_ino != store->ino;
}

/**
 * jln_store_get_notices:
 *
 * Returns: (transfer none) (element-type utf8): what the user must be
 *   told about how the file was opened
 */
GPtrArray *
jln_store_get_notices (JlnStore *store)
{
  return store->notices;
}

gboolean
jln_store_begin (JlnStore  *store,
                 GError   **error)
{
  if (store->read_only)
    {
      g_set_error_literal (error, JLN_ERROR, JLN_ERROR_READ_ONLY,
                           _("This plan is read-only: the change was not saved"));
      return FALSE;
    }
  if (jln_store_is_replaced (store))
    {
      g_set_error_literal (error, JLN_ERROR, JLN_ERROR_REPLACED,
                           _("Another file was saved in place of this plan since it was opened: "
                             "the change was not saved; reload the plan to see the new file"));
      return FALSE;
    }
  return exec (store, "BEGIN IMMEDIATE;", error);
}

gboolean
jln_store_commit (JlnStore  *store,
                  GError   **error)
{
  if (!exec (store, "COMMIT;", error))
    {
      jln_store_rollback (store);
      return FALSE;
    }
  return TRUE;
}

void
jln_store_rollback (JlnStore *store)
{
  if (!sqlite3_get_autocommit (store->db))
    sqlite3_exec (store->db, "ROLLBACK;", NULL, NULL, NULL);
}

/* --- Reading ------------------------------------------------------------- */

/* Texts are checked as the JSON reader checks them, so that whatever
 * opens can be exported and imported again. */
static gboolean
peek_column (sqlite3_stmt  *stmt,
             int            column,
             const char   **out)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);
  int length = sqlite3_column_bytes (stmt, column);

  *out = NULL;
  if (text == NULL || text[0] == '\0')
    return TRUE;
  if (length > JLN_MAX_TEXT_LENGTH || !g_utf8_validate_len (text, length, NULL) ||
      (gsize) length != strlen (text))
    return FALSE;
  *out = text;
  return TRUE;
}

static gboolean
dup_column (sqlite3_stmt  *stmt,
            int            column,
            char         **out)
{
  const char *text;

  *out = NULL;
  if (!peek_column (stmt, column, &text))
    return FALSE;
  *out = g_strdup (text);
  return TRUE;
}

static gboolean
read_field (JlnStore       *store,
            JlnRecord      *record,
            const JlnField *field,
            sqlite3_stmt   *stmt,
            int            *column,
            GError        **error)
{
  int col = (*column)++;
  gpointer ptr;

  /* An optional field left empty, as most are, makes no block for it. */
  if ((field->flags & JLN_FIELD_OPTIONAL) && sqlite3_column_type (stmt, col) == SQLITE_NULL &&
      (field->type != JLN_FIELD_TEXT || sqlite3_column_type (stmt, col + 1) == SQLITE_NULL))
    {
      *column += field->type == JLN_FIELD_TEXT;
      return TRUE;
    }
  ptr = _jln_record_field_ptr_for_writing (record, field);
  switch (field->type)
    {
    case JLN_FIELD_TEXT:
      if (!dup_column (stmt, col, &((JlnText *) ptr)->fr) ||
          !dup_column (stmt, (*column)++, &((JlnText *) ptr)->en))
        goto damaged;
      return TRUE;
    case JLN_FIELD_STRING:
    case JLN_FIELD_DATE:
      {
        const char *text;

        if (!peek_column (stmt, col, &text) ||
            (field->type == JLN_FIELD_DATE && text != NULL && !_jln_validate_date (text)))
          goto damaged;
        _jln_field_set_string (field, ptr, text);
        return TRUE;
      }
    case JLN_FIELD_INT:
      {
        gint64 value = sqlite3_column_int64 (stmt, col);

        /* A text or a real in a number's column is no number, not 0. */
        if (sqlite3_column_type (stmt, col) != SQLITE_INTEGER &&
            sqlite3_column_type (stmt, col) != SQLITE_NULL)
          goto damaged;
        if (value < field->min || value > field->max)
          goto damaged;
        *(int *) ptr = value;
        return TRUE;
      }
    case JLN_FIELD_DOUBLE:
      switch (sqlite3_column_type (stmt, col))
        {
        case SQLITE_NULL:
          return TRUE;
        case SQLITE_INTEGER:
        case SQLITE_FLOAT:
          {
            double value = sqlite3_column_double (stmt, col);

            /* The bounds of the JSON reader, so that what opens exports. */
            if (!isfinite (value) || fabs (value) > JLN_MAX_NUMBER)
              goto damaged;
            *(double *) ptr = value;
            return TRUE;
          }
        default:
          goto damaged;
        }
    case JLN_FIELD_SEMESTER:
      {
        gint64 value = sqlite3_column_int64 (stmt, col);

        if (sqlite3_column_type (stmt, col) != SQLITE_NULL &&
            sqlite3_column_type (stmt, col) != SQLITE_INTEGER)
          goto damaged;
        if (sqlite3_column_type (stmt, col) != SQLITE_NULL &&
            (value < JLN_SEMESTER_MIN_YEAR * 2 || value > JLN_SEMESTER_MAX_YEAR * 2 + 1))
          goto damaged;
        *(JlnSemester *) ptr = sqlite3_column_type (stmt, col) == SQLITE_NULL ? JLN_SEMESTER_NONE : value;
        return TRUE;
      }
    case JLN_FIELD_ENUM:
    case JLN_FIELD_COMPLETION:
    case JLN_FIELD_STRV:
      {
        /* Stored as their canonical text; parsing also checks them. */
        const char *text = (const char *) sqlite3_column_text (stmt, col);
        JlnFieldRef ref = { field, -1 };
        g_autoptr(GError) local_error = NULL;

        if (text == NULL || text[0] == '\0')
          return TRUE;
        if (field->type == JLN_FIELD_COMPLETION)
          return jln_completion_parse (text, ptr, error) || (g_prefix_error (error, "%s: ", field->name), FALSE);
        if (!_jln_record_field_from_string (record, &ref, text, NULL, NULL, FALSE, &local_error))
          {
            g_set_error (error, JLN_ERROR, JLN_ERROR_DAMAGED,
                         _("The plan file is damaged: %s of %s %s: %s"),
                         field->name, _jln_record_get_info (record)->name,
                         jln_record_get_id (record), local_error->message);
            return FALSE;
          }
        return TRUE;
      }
    case JLN_FIELD_REFS:
    default:
      g_return_val_if_reached (FALSE);
    }

damaged:
  g_set_error (error, JLN_ERROR, JLN_ERROR_DAMAGED,
               /* Translators: the first %s is a field name, the second a kind of object, the third its id. */
               _("The plan file is damaged: the %s of %s %s is not valid"),
               field->name, _jln_record_get_info (record)->name, jln_record_get_id (record));
  return FALSE;
}

typedef struct
{
  JlnRecord *record;
  JlnRecord *parent;
  gint64     position;
  guint      order;      /* in the file, to keep sorting stable */
} LoadedRow;

static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  const LoadedRow *row_a = a, *row_b = b;

  if (row_a->parent != row_b->parent)
    return row_a->parent < row_b->parent ? -1 : 1;
  if (row_a->position != row_b->position)
    return row_a->position < row_b->position ? -1 : 1;
  return row_a->order < row_b->order ? -1 : row_a->order > row_b->order;
}

/* Rows are read in the order of the file, which is fast, and sorted by
 * parent and position in memory, which is faster than reading them in
 * index order. Each parent then gets its children in one splice, so that
 * a large plan loads without an items-changed per row. */
static gboolean
load_kind (JlnStore          *store,
           JlnPlan          **plan_out,
           const JlnKindInfo *info,
           GError           **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT id");
  gboolean has_parent = parent_kind (info) != JLN_N_KINDS;
  JlnPlan *plan = *plan_out;
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (LoadedRow));
  g_autoptr(GPtrArray) batch = g_ptr_array_new ();
  JlnRecord *last_parent = NULL;
  sqlite3_stmt *stmt;
  gboolean ok = FALSE;
  int rc;

  if (has_parent)
    g_string_append (sql, ", parent, position");
  append_columns (sql, info, FALSE);
  g_string_append (sql, " FROM ");
  g_string_append (sql, info->table);

  stmt = prepare (store, sql->str, error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *id = (const char *) sqlite3_column_text (stmt, 0);
      g_autoptr(JlnRecord) record = NULL;
      JlnRecord *parent = NULL;
      int column = has_parent ? 3 : 1;

      /* Ids are UUIDs, in lower case as Jalons writes them: never a
       * path, never anything the JSON reader would refuse. */
      if (!jln_id_is_valid (id))
        {
          g_set_error (error, JLN_ERROR, JLN_ERROR_DAMAGED,
                       _("The plan file is damaged: a %s has an id that is not a UUID"), info->name);
          goto failed;
        }

      if (!has_parent)
        {
          /* The one row of the plan table is the plan itself. */
          if (plan != NULL)
            goto damaged;
          *plan_out = plan = _jln_plan_new_with_id (id);
          record = g_object_ref (JLN_RECORD (plan));
        }
      else
        {
          const char *parent_id = (const char *) sqlite3_column_text (stmt, 1);

          /* Rows that belong to a plan, in a file whose plan table is
           * empty: nothing to attach them to. */
          if (plan == NULL)
            {
              g_set_error_literal (error, JLN_ERROR, JLN_ERROR_DAMAGED,
                                   _("The plan file is damaged: it holds no plan"));
              goto failed;
            }
          /* Most rows have the parent of the row before. */
          if (last_parent != NULL && parent_id != NULL &&
              strcmp (parent_id, jln_record_get_id (last_parent)) == 0)
            parent = last_parent;
          else
            parent = parent_id != NULL ? jln_plan_lookup (plan, parent_id) : NULL;
          if (parent == NULL || _jln_kind_info (parent_kind (info)) != _jln_record_get_info (parent))
            goto damaged;
          last_parent = parent;
          record = _jln_record_new (info->kind, id);
        }

      for (guint i = 0; i < info->n_fields; i++)
        if (info->fields[i].type != JLN_FIELD_REFS &&
            !read_field (store, record, &info->fields[i], stmt, &column, error))
          goto failed;
      for (guint i = 0; i < info->n_fields; i++)
        if ((info->fields[i].flags & JLN_FIELD_REQUIRED) &&
            info->fields[i].type != JLN_FIELD_INT &&
            !_jln_field_is_set (record, &info->fields[i]))
          goto damaged;

      if (!has_parent)
        continue;

      _jln_record_set_parent (record, parent);
      if (!_jln_plan_index_insert (plan, record))
        goto damaged;
      {
        LoadedRow row = { g_steal_pointer (&record), parent, sqlite3_column_int64 (stmt, 2), rows->len };

        g_array_append_val (rows, row);
      }
    }
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (store, rc, error);
      goto failed;
    }

  g_array_sort (rows, compare_rows);
  for (guint i = 0; i < rows->len; i++)
    {
      LoadedRow *row = &g_array_index (rows, LoadedRow, i);

      g_ptr_array_add (batch, row->record);
      if (i + 1 == rows->len || g_array_index (rows, LoadedRow, i + 1).parent != row->parent)
        {
          _jln_children_splice (_jln_record_get_store (row->parent, info->kind), 0, 0,
                                batch->pdata, batch->len);
          g_ptr_array_set_size (batch, 0);
        }
    }
  ok = TRUE;
  goto done;

damaged:
  g_set_error (error, JLN_ERROR, JLN_ERROR_DAMAGED,
               _("The plan file is damaged: a %s is out of place"), info->name);
failed:
  /* Records not yet in a parent's list leave the index with the plan. */
done:
  sqlite3_reset (stmt);
  for (guint i = 0; i < rows->len; i++)
    g_object_unref (g_array_index (rows, LoadedRow, i).record);
  return ok;
}

/* Links by owner, then target; "parent" is the owner and "record" the
 * target in a row of links. */
static int
compare_links (gconstpointer a,
               gconstpointer b)
{
  const LoadedRow *row_a = a, *row_b = b;

  if (row_a->parent != row_b->parent)
    return row_a->parent < row_b->parent ? -1 : 1;
  if (row_a->record != row_b->record)
    return row_a->record < row_b->record ? -1 : 1;
  return 0;
}

static gboolean
set_broken_link (const JlnKindInfo *info,
                 const JlnField    *field,
                 GError           **error)
{
  g_set_error (error, JLN_ERROR, JLN_ERROR_DAMAGED,
               _("The plan file is damaged: a link of %s %s is broken"),
               info->name, field->name);
  return FALSE;
}

/* Links too are read in the order of the file and sorted in memory. */
static gboolean
load_links (JlnStore          *store,
            JlnPlan           *plan,
            const JlnKindInfo *info,
            const JlnField    *field,
            GError           **error)
{
  g_autofree char *links = link_table (info, field);
  g_autofree char *sql = g_strconcat ("SELECT owner, target, position FROM ", links, NULL);
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (LoadedRow));
  sqlite3_stmt *stmt = prepare (store, sql, error);
  JlnRecord *owner = NULL;
  int rc;

  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *owner_id = (const char *) sqlite3_column_text (stmt, 0);
      const char *target_id = (const char *) sqlite3_column_text (stmt, 1);
      JlnRecord *target = target_id ? jln_plan_lookup (plan, target_id) : NULL;

      /* Most rows have the owner of the row before. */
      if (owner == NULL || owner_id == NULL || strcmp (owner_id, jln_record_get_id (owner)) != 0)
        owner = owner_id ? jln_plan_lookup (plan, owner_id) : NULL;

      if (owner == NULL || target == NULL ||
          _jln_record_get_info (owner)->kind != info->kind ||
          _jln_record_get_info (target)->kind != field->ref_kind)
        {
          sqlite3_reset (stmt);
          return set_broken_link (info, field, error);
        }
      {
        /* "parent" is the owner and "record" the target here. */
        LoadedRow row = { target, owner, sqlite3_column_int64 (stmt, 2), rows->len };

        g_array_append_val (rows, row);
      }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return set_sqlite_error (store, rc, error);

  /* A unit listed twice for one action is no plan the JSON reader reads.
   * Sorted by owner and target, a pair listed twice is two rows side by
   * side: no table of every pair's ids while a large plan loads. */
  g_array_sort (rows, compare_links);
  for (guint i = 1; i < rows->len; i++)
    if (compare_links (&g_array_index (rows, LoadedRow, i - 1),
                       &g_array_index (rows, LoadedRow, i)) == 0)
      return set_broken_link (info, field, error);

  g_array_sort (rows, compare_rows);
  for (guint i = 0; i < rows->len; i++)
    {
      LoadedRow *row = &g_array_index (rows, LoadedRow, i);

      g_ptr_array_add (_jln_record_refs_for_adding (row->parent, field),
                       g_object_ref (row->record));
    }
  return TRUE;
}

/**
 * jln_store_load:
 *
 * Reads the whole plan into memory.
 *
 * Returns: (transfer full): the plan
 */
JlnPlan *
jln_store_load (JlnStore  *store,
                GError   **error)
{
  g_autoptr(JlnPlan) plan = NULL;

  /* One read transaction gives a consistent picture of the file even
   * while another process writes to it. */
  if (!exec (store, "BEGIN;", error))
    return NULL;

  for (guint k = 0; k < JLN_N_KINDS; k++)
    if (!load_kind (store, &plan, _jln_kind_info (k), error))
      goto failed;

  if (plan == NULL)
    {
      g_set_error_literal (error, JLN_ERROR, JLN_ERROR_DAMAGED,
                           _("The plan file is damaged: it holds no plan"));
      goto failed;
    }

  for (guint k = 0; k < JLN_N_KINDS; k++)
    {
      const JlnKindInfo *info = _jln_kind_info (k);

      for (guint i = 0; i < info->n_fields; i++)
        if (info->fields[i].type == JLN_FIELD_REFS &&
            !load_links (store, plan, info, &info->fields[i], error))
          goto failed;
    }

  exec (store, "COMMIT;", NULL);
  return g_steal_pointer (&plan);

failed:
  jln_store_rollback (store);
  return NULL;
}

/* --- Writing ------------------------------------------------------------- */

static void
bind_field (sqlite3_stmt   *stmt,
            JlnRecord      *record,
            const JlnField *field,
            int            *column)
{
  gpointer ptr = _jln_record_field_ptr (record, field);
  int col = (*column)++;

  switch (field->type)
    {
    case JLN_FIELD_TEXT:
      sqlite3_bind_text (stmt, col, ((JlnText *) ptr)->fr, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, (*column)++, ((JlnText *) ptr)->en, -1, SQLITE_STATIC);
      break;
    case JLN_FIELD_STRING:
    case JLN_FIELD_DATE:
      sqlite3_bind_text (stmt, col, _jln_field_get_string (field, ptr), -1, SQLITE_STATIC);
      break;
    case JLN_FIELD_INT:
      sqlite3_bind_int (stmt, col, *(int *) ptr);
      break;
    case JLN_FIELD_DOUBLE:
      if (_jln_field_is_set (record, field))
        sqlite3_bind_double (stmt, col, *(double *) ptr);
      else
        sqlite3_bind_null (stmt, col);
      break;
    case JLN_FIELD_SEMESTER:
      if (*(JlnSemester *) ptr != JLN_SEMESTER_NONE)
        sqlite3_bind_int64 (stmt, col, *(JlnSemester *) ptr);
      else
        sqlite3_bind_null (stmt, col);
      break;
    case JLN_FIELD_ENUM:
    case JLN_FIELD_COMPLETION:
    case JLN_FIELD_STRV:
      {
        JlnFieldRef ref = { field, -1 };
        char *text = NULL;

        if (_jln_field_is_set (record, field))
          text = _jln_record_field_to_string (record, &ref);
        sqlite3_bind_text (stmt, col, text, -1, g_free);
        break;
      }
    case JLN_FIELD_REFS:
    default:
      g_return_if_reached ();
    }
}

static gboolean
write_links (JlnStore          *store,
             JlnRecord         *record,
             const JlnField    *field,
             gboolean           is_new,
             GError           **error)
{
  const JlnKindInfo *info = _jln_record_get_info (record);
  g_autofree char *links = link_table (info, field);
  g_autofree char *delete_sql = g_strconcat ("DELETE FROM ", links, " WHERE owner = ?1", NULL);
  g_autofree char *insert_sql = g_strconcat ("INSERT INTO ", links,
                                             " (owner, target, position) VALUES (?1, ?2, ?3)", NULL);
  GPtrArray *refs = *(GPtrArray **) _jln_record_field_ptr (record, field);
  sqlite3_stmt *stmt;

  if (!is_new)
    {
      if ((stmt = prepare (store, delete_sql, error)) == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, jln_record_get_id (record), -1, SQLITE_STATIC);
      if (!step_done (store, stmt, error))
        return FALSE;
    }

  for (guint i = 0; i < refs->len; i++)
    {
      /* Looked up by field rather than by SQL text: a new plan writes
       * links by the hundred thousand. */
      stmt = g_hash_table_lookup (store->link_statements, field);
      if (stmt != NULL)
        {
          sqlite3_reset (stmt);
          sqlite3_clear_bindings (stmt);
        }
      else if ((stmt = prepare (store, insert_sql, error)) == NULL)
        return FALSE;
      else
        g_hash_table_insert (store->link_statements, (gpointer) field, stmt);
      sqlite3_bind_text (stmt, 1, jln_record_get_id (record), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, jln_record_get_id (g_ptr_array_index (refs, i)), -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 3, i);
      if (!step_done (store, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static const char *
insert_sql (JlnStore          *store,
            const JlnKindInfo *info)
{
  GString *sql;
  guint n_values = 1;

  if (store->insert_sql[info->kind] != NULL)
    return store->insert_sql[info->kind];

  sql = g_string_new ("INSERT INTO ");
  g_string_append (sql, info->table);
  g_string_append (sql, " (id");
  if (parent_kind (info) != JLN_N_KINDS)
    {
      g_string_append (sql, ", parent, position");
      n_values += 2;
    }
  append_columns (sql, info, FALSE);
  for (guint i = 0; i < info->n_fields; i++)
    if (info->fields[i].type != JLN_FIELD_REFS)
      n_values += info->fields[i].type == JLN_FIELD_TEXT ? 2 : 1;
  g_string_append (sql, ") VALUES (");
  for (guint i = 1; i <= n_values; i++)
    g_string_append_printf (sql, "%s?%u", i > 1 ? ", " : "", i);
  g_string_append (sql, ")");

  store->insert_sql[info->kind] = g_string_free (sql, FALSE);
  return store->insert_sql[info->kind];
}

static gboolean
insert_one (JlnStore   *store,
            JlnRecord  *record,
            guint       position,
            GError    **error)
{
  const JlnKindInfo *info = _jln_record_get_info (record);
  gboolean has_parent = parent_kind (info) != JLN_N_KINDS;
  sqlite3_stmt *stmt;
  int column = 1;

  stmt = store->insert_stmt[info->kind];
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
    }
  else if ((stmt = prepare (store, insert_sql (store, info), error)) == NULL)
    return FALSE;
  else
    store->insert_stmt[info->kind] = stmt;

  sqlite3_bind_text (stmt, column++, jln_record_get_id (record), -1, SQLITE_STATIC);
  if (has_parent)
    {
      sqlite3_bind_text (stmt, column++, jln_record_get_id (jln_record_get_parent (record)),
                         -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, column++, position);
    }
  for (guint i = 0; i < info->n_fields; i++)
    if (info->fields[i].type != JLN_FIELD_REFS)
      bind_field (stmt, record, &info->fields[i], &column);

  return step_done (store, stmt, error);
}

/* Inserts the records of a subtree, children after their parents. */
static gboolean
insert_tree (JlnStore   *store,
             JlnRecord  *record,
             guint       position,
             GError    **error)
{
  const JlnKindInfo *info = _jln_record_get_info (record);

  if (!insert_one (store, record, position, error))
    return FALSE;

  for (guint i = 0; i < info->n_children; i++)
    {
      guint n = _jln_record_count_children (record, info->children[i]);
      GListModel *children = n > 0 ? jln_record_get_children (record, info->children[i]) : NULL;

      for (guint j = 0; j < n; j++)
        {
          g_autoptr(JlnRecord) child = g_list_model_get_item (children, j);

          if (!insert_tree (store, child, j, error))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
shift_positions (JlnStore   *store,
                 JlnRecord  *record,
                 guint       from,
                 int         delta,
                 GError    **error)
{
  const JlnKindInfo *info = _jln_record_get_info (record);
  g_autofree char *sql = g_strconcat ("UPDATE ", info->table,
                                      " SET position = position + ?3"
                                      " WHERE parent = ?1 AND position >= ?2", NULL);
  sqlite3_stmt *stmt = prepare (store, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, jln_record_get_id (jln_record_get_parent (record)), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, from);
  sqlite3_bind_int (stmt, 3, delta);
  return step_done (store, stmt, error);
}

/**
 * jln_store_insert_one:
 *
 * Writes @record alone, at @position among its parent's children, but
 * not its links nor its children: for writing a new file record by
 * record, in any order, while foreign keys are not yet checked.
 */
gboolean
jln_store_insert_one (JlnStore   *store,
                      JlnRecord  *record,
                      guint       position,
                      GError    **error)
{
  return insert_one (store, record, position, error);
}

/**
 * jln_store_insert_links:
 *
 * Writes the links of @record and of all its descendants, which are new.
 */
gboolean
jln_store_insert_links (JlnStore   *store,
                        JlnRecord  *record,
                        GError    **error)
{
  const JlnKindInfo *info = _jln_record_get_info (record);

  for (guint i = 0; i < info->n_fields; i++)
    if (info->fields[i].type == JLN_FIELD_REFS &&
        _jln_field_is_set (record, &info->fields[i]) &&
        !write_links (store, record, &info->fields[i], TRUE, error))
      return FALSE;

  for (guint i = 0; i < info->n_children; i++)
    {
      guint n = _jln_record_count_children (record, info->children[i]);
      GListModel *children = n > 0 ? jln_record_get_children (record, info->children[i]) : NULL;

      for (guint j = 0; j < n; j++)
        {
          g_autoptr(JlnRecord) child = g_list_model_get_item (children, j);

          if (!jln_store_insert_links (store, child, error))
            return FALSE;
        }
    }
  return TRUE;
}

/**
 * jln_store_insert:
 *
 * Writes @record, already attached to its parent at @position, with all
 * its children. The plan itself is inserted with @position 0.
 */
gboolean
jln_store_insert (JlnStore   *store,
                  JlnRecord  *record,
                  guint       position,
                  GError    **error)
{
  if (jln_record_get_parent (record) != NULL &&
      !shift_positions (store, record, position, 1, error))
    return FALSE;

  /* Links after all the records, since a link may point into the subtree. */
  return insert_tree (store, record, position, error) &&
         jln_store_insert_links (store, record, error);
}

/**
 * jln_store_delete:
 *
 * Deletes @record and, through the schema's cascades, its children and
 * their links. Its position must still be the one it has in the file.
 */
gboolean
jln_store_delete (JlnStore   *store,
                  JlnRecord  *record,
                  GError    **error)
{
  const JlnKindInfo *info = _jln_record_get_info (record);
  g_autofree char *sql = g_strconcat ("DELETE FROM ", info->table, " WHERE id = ?1", NULL);
  g_autofree char *position_sql = g_strconcat ("SELECT position FROM ", info->table,
                                               " WHERE id = ?1", NULL);
  sqlite3_stmt *stmt;
  int position = -1;

  if ((stmt = prepare (store, position_sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, jln_record_get_id (record), -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    position = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);

  if ((stmt = prepare (store, sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, jln_record_get_id (record), -1, SQLITE_STATIC);
  if (!step_done (store, stmt, error))
    return FALSE;
  if (sqlite3_changes (store->db) != 1)
    {
      g_set_error (error, JLN_ERROR, JLN_ERROR_NOT_FOUND,
                   _("The %s to remove is no longer in the plan file"), info->name);
      return FALSE;
    }

  if (position >= 0 && jln_record_get_parent (record) != NULL)
    return shift_positions (store, record, position + 1, -1, error);
  return TRUE;
}

/**
 * jln_store_update:
 * @field: a field name as edits name them ("title-fr", "due", "units")
 *
 * Writes the current value of one field of @record.
 */
gboolean
jln_store_update (JlnStore    *store,
                  JlnRecord   *record,
                  const char  *field,
                  GError     **error)
{
  const JlnKindInfo *info = _jln_record_get_info (record);
  JlnFieldRef ref;
  g_autoptr(GString) sql = g_string_new (NULL);
  sqlite3_stmt *stmt;
  int column = 1;

  if (!_jln_kind_find_field (info, field, &ref))
    g_return_val_if_reached (FALSE);

  if (ref.field->type == JLN_FIELD_REFS)
    return write_links (store, record, ref.field, FALSE, error);

  g_string_append_printf (sql, "UPDATE %s SET ", info->table);
  if (ref.field->type == JLN_FIELD_TEXT)
    g_string_append_printf (sql, "%s_fr = ?1, %s_en = ?2", ref.field->column, ref.field->column);
  else
    g_string_append_printf (sql, "%s = ?1", ref.field->column);
  g_string_append_printf (sql, " WHERE id = ?%d", ref.field->type == JLN_FIELD_TEXT ? 3 : 2);

  if ((stmt = prepare (store, sql->str, error)) == NULL)
    return FALSE;
  bind_field (stmt, record, ref.field, &column);
  sqlite3_bind_text (stmt, column, jln_record_get_id (record), -1, SQLITE_STATIC);
  if (!step_done (store, stmt, error))
    return FALSE;
  if (sqlite3_changes (store->db) != 1)
    {
      g_set_error (error, JLN_ERROR, JLN_ERROR_NOT_FOUND,
                   _("The %s to change is no longer in the plan file"), info->name);
      return FALSE;
    }
  return TRUE;
}

/**
 * jln_store_move:
 *
 * Moves @record from position @from to @to among its siblings.
 */
gboolean
jln_store_move (JlnStore   *store,
                JlnRecord  *record,
                guint       from,
                guint       to,
                GError    **error)
{
  const JlnKindInfo *info = _jln_record_get_info (record);
  g_autofree char *sql = g_strconcat ("UPDATE ", info->table,
                                      " SET position = CASE"
                                      " WHEN id = ?2 THEN ?4"
                                      " WHEN ?3 < ?4 AND position > ?3 AND position <= ?4 THEN position - 1"
                                      " WHEN ?3 > ?4 AND position >= ?4 AND position < ?3 THEN position + 1"
                                      " ELSE position END"
                                      " WHERE parent = ?1 AND position BETWEEN min (?3, ?4) AND max (?3, ?4)",
                                      NULL);
  sqlite3_stmt *stmt = prepare (store, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, jln_record_get_id (jln_record_get_parent (record)), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, jln_record_get_id (record), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, from);
  sqlite3_bind_int (stmt, 4, to);
  return step_done (store, stmt, error);
}

/* --- History ------------------------------------------------------------- */

gint64
jln_store_next_batch (JlnStore *store)
{
  if (store->last_batch == 0)
    store->last_batch = MAX (0, query_int_or (store, "SELECT max(batch) FROM history", 0));
  return ++store->last_batch;
}

gboolean
jln_store_add_history (JlnStore    *store,
                       gint64       batch,
                       const char  *op,
                       JlnRecord   *record,
                       const char  *field,
                       const char  *old_value,
                       const char  *new_value,
                       GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *time = g_date_time_format_iso8601 (now);
  sqlite3_stmt *stmt = prepare (store,
                                "INSERT INTO history (time, batch, op, kind, object, field, old_value, new_value)"
                                " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, time, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, batch);
  sqlite3_bind_text (stmt, 3, op, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, jln_record_get_kind_name (record), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, jln_record_get_id (record), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, field, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, old_value, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, new_value, -1, SQLITE_STATIC);
  return step_done (store, stmt, error);
}

void
jln_history_row_free (JlnHistoryRow *row)
{
  g_free (row->time);
  g_free (row->op);
  g_free (row->kind);
  g_free (row->object);
  g_free (row->field);
  g_free (row->old_value);
  g_free (row->new_value);
  g_free (row);
}

/**
 * jln_store_get_history:
 * @since: (nullable): an ISO 8601 time; only later changes are returned
 *
 * Returns: (transfer full) (element-type JlnHistoryRow): the changes, oldest first
 */
GPtrArray *
jln_store_get_history (JlnStore    *store,
                       const char  *since,
                       GError     **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) jln_history_row_free);
  sqlite3_stmt *stmt = prepare (store,
                                "SELECT id, batch, time, op, kind, object, field, old_value, new_value"
                                " FROM history WHERE time >= ?1 ORDER BY id", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, since != NULL ? since : "", -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      JlnHistoryRow *row = g_new0 (JlnHistoryRow, 1);

      row->id = sqlite3_column_int64 (stmt, 0);
      row->batch = sqlite3_column_int64 (stmt, 1);
      row->time = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      row->op = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      row->kind = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      row->object = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
      row->field = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
      row->old_value = g_strdup ((const char *) sqlite3_column_text (stmt, 7));
      row->new_value = g_strdup ((const char *) sqlite3_column_text (stmt, 8));
      g_ptr_array_add (rows, row);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (store, rc, error);
      return NULL;
    }
  return g_steal_pointer (&rows);
}

/* --- Copies of a plan ---------------------------------------------------- */

/**
 * jln_store_get_replica:
 *
 * Returns: (transfer full): the id of this file among the copies of its
 *   plan, or %NULL with @error when the file holds none that is valid
 */
char *
jln_store_get_replica (JlnStore  *store,
                       GError   **error)
{
  sqlite3_stmt *stmt = prepare (store, "SELECT id FROM replica LIMIT 1", error);
  char *id = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      const char *text = (const char *) sqlite3_column_text (stmt, 0);

      if (text != NULL && g_uuid_string_is_valid (text))
        id = g_strdup (text);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      set_sqlite_error (store, rc, error);
      return NULL;
    }
  if (id == NULL)
    g_set_error_literal (error, JLN_ERROR, JLN_ERROR_DAMAGED,
                         _("The plan file is damaged: its copy identity is missing or not valid"));
  return id;
}

/**
 * jln_store_set_replica:
 *
 * Gives the file a new identity among the copies of its plan, in the
 * current transaction.
 */
gboolean
jln_store_set_replica (JlnStore    *store,
                       const char  *id,
                       GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *time = g_date_time_format_iso8601 (now);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (id != NULL && g_uuid_string_is_valid (id), FALSE);

  if ((stmt = prepare (store, "DELETE FROM replica", error)) == NULL ||
      !step_done (store, stmt, error))
    return FALSE;
  if ((stmt = prepare (store, "INSERT INTO replica (id, created) VALUES (?1, ?2)", error)) == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, time, -1, SQLITE_STATIC);
  return step_done (store, stmt, error);
}

/**
 * jln_store_set_sync_point:
 * @replica: the other copy's id
 * @name: the other copy's file name, for people
 * @seen: how many rows of the other copy's history this file has seen
 * @last_change: (nullable): the identity of the last of them
 *
 * Records, in the current transaction, how far this file has seen the
 * history of another copy of its plan.
 */
gboolean
jln_store_set_sync_point (JlnStore    *store,
                          const char  *replica,
                          const char  *name,
                          gint64       seen,
                          const char  *last_change,
                          GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *time = g_date_time_format_iso8601 (now);
  sqlite3_stmt *stmt = prepare (store,
                                "INSERT OR REPLACE INTO sync_points (replica, name, seen, last_change, time)"
                                " VALUES (?1, ?2, ?3, ?4, ?5)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, replica, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, seen);
  sqlite3_bind_text (stmt, 4, last_change, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, time, -1, SQLITE_STATIC);
  return step_done (store, stmt, error);
}

void
jln_sync_point_free (JlnSyncPoint *point)
{
  g_free (point->replica);
  g_free (point->name);
  g_free (point->last_change);
  g_free (point->time);
  g_free (point);
}

/**
 * jln_store_get_sync_points:
 *
 * Returns: (transfer full) (element-type JlnSyncPoint): the copies this
 *   file was made from or merged with, oldest sync first
 */
GPtrArray *
jln_store_get_sync_points (JlnStore  *store,
                           GError   **error)
{
  g_autoptr(GPtrArray) points = g_ptr_array_new_with_free_func ((GDestroyNotify) jln_sync_point_free);
  sqlite3_stmt *stmt = prepare (store,
                                "SELECT replica, name, seen, last_change, time FROM sync_points"
                                " ORDER BY time", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      JlnSyncPoint *point = g_new0 (JlnSyncPoint, 1);

      point->replica = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      point->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      point->seen = sqlite3_column_int64 (stmt, 2);
      point->last_change = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      point->time = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      g_ptr_array_add (points, point);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (store, rc, error);
      return NULL;
    }
  return g_steal_pointer (&points);
}

/**
 * jln_store_add_seen:
 * @change: the identity of a change of another copy
 * @batch: the batch of the merge that took it in
 *
 * Records, in the current transaction, that this file has taken in a
 * change made in another copy.
 */
gboolean
jln_store_add_seen (JlnStore    *store,
                    const char  *change,
                    gint64       batch,
                    GError     **error)
{
  sqlite3_stmt *stmt = prepare (store,
                                "INSERT OR IGNORE INTO seen_changes (change, batch) VALUES (?1, ?2)",
                                error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, change, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, batch);
  return step_done (store, stmt, error);
}

/* Undoing a merge forgets what it took in, so that it can be merged again. */
gboolean
jln_store_forget_seen (JlnStore  *store,
                       gint64     batch,
                       GError   **error)
{
  sqlite3_stmt *stmt = prepare (store, "DELETE FROM seen_changes WHERE batch = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, batch);
  return step_done (store, stmt, error);
}

/**
 * jln_store_get_seen:
 * @seen: (element-type utf8 utf8): a set that receives the identities
 *   of the other copies' changes this file has taken in
 */
gboolean
jln_store_get_seen (JlnStore    *store,
                    GHashTable  *seen,
                    GError     **error)
{
  sqlite3_stmt *stmt = prepare (store, "SELECT change FROM seen_changes", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *change = (const char *) sqlite3_column_text (stmt, 0);

      if (change != NULL && strlen (change) <= 64)
        g_hash_table_add (seen, g_strdup (change));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return set_sqlite_error (store, rc, error);
  return TRUE;
}

/**
 * jln_store_add_history_from:
 * @time: the time the change was made, in the copy it comes from
 * @replica: (nullable): the copy it comes from
 * @name: (nullable): that copy's file name, for people
 *
 * Like jln_store_add_history(), for a change merged from another copy:
 * it keeps its time and its origin.
 */
gboolean
jln_store_add_history_from (JlnStore    *store,
                            gint64       batch,
                            const char  *op,
                            JlnRecord   *record,
                            const char  *field,
                            const char  *old_value,
                            const char  *new_value,
                            const char  *time,
                            const char  *replica,
                            const char  *name,
                            GError     **error)
{
  sqlite3_stmt *stmt = prepare (store,
                                "INSERT INTO history (time, batch, op, kind, object, field, old_value, new_value)"
                                " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, time, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, batch);
  sqlite3_bind_text (stmt, 3, op, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, jln_record_get_kind_name (record), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, jln_record_get_id (record), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, field, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, old_value, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, new_value, -1, SQLITE_STATIC);
  if (!step_done (store, stmt, error))
    return FALSE;
  if (replica == NULL)
    return TRUE;

  stmt = prepare (store, "INSERT INTO history_origin (row, replica, name) VALUES (?1, ?2, ?3)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, sqlite3_last_insert_rowid (store->db));
  sqlite3_bind_text (stmt, 2, replica, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, name, -1, SQLITE_STATIC);
  return step_done (store, stmt, error);
}

/**
 * jln_store_get_history_origin:
 * @row: the id of a history row
 * @name: (out) (optional): the file name of the copy it comes from
 *
 * Returns: (transfer full) (nullable): the copy a merged history row
 *   comes from, %NULL for a change made in this file
 */
char *
jln_store_get_history_origin (JlnStore  *store,
                              gint64     row,
                              char     **name)
{
  sqlite3_stmt *stmt = prepare (store, "SELECT replica, name FROM history_origin WHERE row = ?1", NULL);
  char *replica = NULL;

  if (name != NULL)
    *name = NULL;
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, row);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      replica = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      if (name != NULL)
        *name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
    }
  sqlite3_reset (stmt);
  return replica;
}

/**
 * jln_store_get_merged_rows:
 * @rows: (element-type gint64): a set that receives the ids of the
 *   history rows merged from other copies
 */
gboolean
jln_store_get_merged_rows (JlnStore    *store,
                           GHashTable  *rows,
                           GError     **error)
{
  sqlite3_stmt *stmt = prepare (store, "SELECT row FROM history_origin", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 row = sqlite3_column_int64 (stmt, 0);

      g_hash_table_add (rows, g_memdup2 (&row, sizeof row));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return set_sqlite_error (store, rc, error);
  return TRUE;
}

/* The SQLite the program runs with, for the About window's troubleshooting
 * page. */
const char *
jln_store_get_sqlite_version (void)
{
  return sqlite3_libversion ();
}
