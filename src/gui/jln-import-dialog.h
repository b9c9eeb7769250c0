/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "jln-import.h"

G_BEGIN_DECLS

#define JLN_TYPE_IMPORT_DIALOG (jln_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (JlnImportDialog, jln_import_dialog, JLN, IMPORT_DIALOG, AdwWindow)

JlnImportDialog *jln_import_dialog_new         (GtkWindow        *parent,
                                                GFile            *file);
JlnImportDialog *jln_import_dialog_new_for_tables (GtkWindow     *parent,
                                                   GPtrArray     *tables,
                                                   const char    *name);
void             jln_import_dialog_new_for_clipboard_async  (GdkClipboard         *clipboard,
                                                             GCancellable         *cancellable,
                                                             GAsyncReadyCallback   callback,
                                                             gpointer              user_data);
JlnImportDialog *jln_import_dialog_new_for_clipboard_finish (GAsyncResult         *result,
                                                             GtkWindow            *parent,
                                                             GError              **error);
gboolean         jln_import_dialog_is_ready    (JlnImportDialog  *self);
JlnPlan         *jln_import_dialog_get_plan    (JlnImportDialog  *self);
JlnImportReport *jln_import_dialog_get_report  (JlnImportDialog  *self);
void             jln_import_dialog_set_can_add (JlnImportDialog  *self,
                                                gboolean          can_add);
void             jln_import_dialog_set_table   (JlnImportDialog  *self,
                                                guint             table);

G_END_DECLS
