/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "jln-document.h"
#include "jln-session.h"

G_BEGIN_DECLS

#define JLN_TYPE_BACKUPS_WINDOW (jln_backups_window_get_type ())

G_DECLARE_FINAL_TYPE (JlnBackupsWindow, jln_backups_window, JLN, BACKUPS_WINDOW, AdwWindow)

GtkWidget   *jln_backups_window_new          (GtkWindow        *parent,
                                              JlnSession       *session);
JlnDocument *jln_backups_window_get_document (JlnBackupsWindow *self);
guint        jln_backups_window_get_n_backups (JlnBackupsWindow *self);
char        *jln_backups_window_format_date  (const char       *date);

G_END_DECLS
