/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jln-document.h"

G_BEGIN_DECLS

/* Daily copies of a plan, kept in the user's data folder: one a day of
 * use, the last JLN_BACKUPS_KEEP of them. */
#define JLN_BACKUPS_KEEP 14

typedef struct
{
  char    *date;     /* YYYY-MM-DD, local time */
  char    *path;
  goffset  size;
} JlnBackup;

#define JLN_TYPE_BACKUP (jln_backup_get_type ())

GType       jln_backup_get_type     (void) G_GNUC_CONST;
JlnBackup  *jln_backup_copy         (const JlnBackup *self);
void        jln_backup_free         (JlnBackup       *self);
GDateTime  *jln_backup_dup_date     (const JlnBackup *self);

char       *jln_backups_get_dir     (JlnDocument     *document);
gboolean    jln_backups_make_daily  (JlnDocument     *document,
                                     const char      *today,
                                     GError         **error);
GPtrArray  *jln_backups_list        (JlnDocument     *document);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JlnBackup, jln_backup_free)

G_END_DECLS
