/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define JLN_TYPE_PROGRESS_GROUP (jln_progress_group_get_type ())

G_DECLARE_FINAL_TYPE (JlnProgressGroup, jln_progress_group, JLN, PROGRESS_GROUP, AdwPreferencesGroup)

typedef void     (*JlnProgressFunc)      (guint           done,
                                          guint           total,
                                          gpointer        user_data);
typedef gboolean (*JlnProgressWriteFunc) (gpointer        job,
                                          const char     *path,
                                          JlnProgressFunc progress,
                                          gpointer        progress_data,
                                          GCancellable   *cancellable,
                                          GError        **error);

void      jln_progress_group_write_async  (JlnProgressGroup     *self,
                                           GFile                *file,
                                           JlnProgressWriteFunc  write,
                                           gpointer              job,
                                           GDestroyNotify        job_free,
                                           GAsyncReadyCallback   callback,
                                           gpointer              owner);
GFile    *jln_progress_group_write_finish (JlnProgressGroup     *self,
                                           GAsyncResult         *result,
                                           GtkWindow            *window,
                                           GtkWidget            *focus);
gboolean  jln_progress_group_is_running   (JlnProgressGroup     *self);
gboolean  jln_progress_group_cancel       (JlnProgressGroup     *self);

G_END_DECLS
