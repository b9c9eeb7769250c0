/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "jln-plan.h"

G_BEGIN_DECLS

#define JLN_JSON_FORMAT  "jalons-plan"
#define JLN_JSON_VERSION 1

typedef void (*JlnRecordReadFunc) (JlnRecord *record,
                                   guint      position,
                                   gpointer   user_data);

JlnPlan   *jln_json_load_plan_full  (const char         *path,
                                     JlnRecordReadFunc   func,
                                     gpointer            user_data,
                                     GError            **error);
JlnPlan   *jln_json_read_plan       (const char  *data,
                                     gsize        length,
                                     const char  *filename,
                                     GError     **error);
JlnPlan   *jln_json_load_plan       (const char  *path,
                                     GError     **error);
GBytes    *jln_json_write_plan      (JlnPlan     *plan);
char      *jln_json_write_record    (JlnRecord   *record);
JlnRecord *jln_json_read_record     (JlnPlan     *plan,
                                     const char  *json,
                                     JlnKind      kind,
                                     GError     **error);
/* A snapshot of a record in the history is far smaller than this. */
#define JLN_JSON_MAX_SNAPSHOT (64 * 1024 * 1024)

gboolean   jln_json_is_shallow       (const char  *json,
                                      guint        max_depth);
char      *jln_partial_path_new      (const char  *path);
void       jln_remove_dead_partials  (const char  *dir);
gboolean   jln_write_file_atomically (const char  *path,
                                      const char  *data,
                                      gsize        length,
                                      GError     **error);

/* A file written in pieces that appears at its path only once complete:
 * the pieces go to a temporary file beside it, renamed into place by
 * jln_output_file_commit(), removed by jln_output_file_abort(). */
typedef struct _JlnOutputFile JlnOutputFile;

JlnOutputFile *jln_output_file_new    (const char     *path,
                                       GError        **error);
gboolean       jln_output_file_write  (JlnOutputFile  *self,
                                       const void     *data,
                                       gsize           length,
                                       GError        **error);
gboolean       jln_output_file_commit (JlnOutputFile  *self,
                                       GError        **error);
void           jln_output_file_abort  (JlnOutputFile  *self);

G_END_DECLS
