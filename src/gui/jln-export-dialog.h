/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "jln-export.h"
#include "jln-picture.h"
#include "jln-session.h"

G_BEGIN_DECLS

#define JLN_TYPE_EXPORT_DIALOG (jln_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (JlnExportDialog, jln_export_dialog, JLN, EXPORT_DIALOG, AdwWindow)

JlnExportDialog *jln_export_dialog_new           (GtkWindow        *parent,
                                                  JlnSession       *session,
                                                  JlnPicture       *picture,
                                                  const char       *name);
JlnExportFormat  jln_export_dialog_get_format    (JlnExportDialog  *self);
void             jln_export_dialog_set_format    (JlnExportDialog  *self,
                                                  JlnExportFormat   format);
JlnPageFormat    jln_export_dialog_get_page      (JlnExportDialog  *self);
void             jln_export_dialog_set_page      (JlnExportDialog  *self,
                                                  JlnPageFormat     page);
double           jln_export_dialog_get_scale     (JlnExportDialog  *self);
void             jln_export_dialog_set_scale     (JlnExportDialog  *self,
                                                  double            scale);
char            *jln_export_dialog_dup_suggested_name (JlnExportDialog *self);
void             jln_export_dialog_export_to     (JlnExportDialog  *self,
                                                  GFile            *file);
gboolean         jln_export_dialog_is_running    (JlnExportDialog  *self);

G_END_DECLS
