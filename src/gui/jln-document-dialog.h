/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "jln-plan-doc.h"
#include "jln-session.h"

G_BEGIN_DECLS

#define JLN_TYPE_DOCUMENT_DIALOG (jln_document_dialog_get_type ())

G_DECLARE_FINAL_TYPE (JlnDocumentDialog, jln_document_dialog, JLN, DOCUMENT_DIALOG, AdwWindow)

typedef enum
{
  JLN_DOCUMENT_FORMAT_PDF,
  JLN_DOCUMENT_FORMAT_ODT,
  JLN_DOCUMENT_FORMAT_DOCX,
} JlnDocumentFormat;

JlnDocumentDialog *jln_document_dialog_new        (GtkWindow          *parent,
                                                   JlnSession         *session,
                                                   const char         *name);
JlnPlanDocKind     jln_document_dialog_get_kind   (JlnDocumentDialog  *self);
void               jln_document_dialog_set_kind   (JlnDocumentDialog  *self,
                                                   JlnPlanDocKind      kind);
JlnDocumentFormat  jln_document_dialog_get_format (JlnDocumentDialog  *self);
void               jln_document_dialog_set_format (JlnDocumentDialog  *self,
                                                   JlnDocumentFormat   format);
char              *jln_document_dialog_dup_suggested_name (JlnDocumentDialog *self);
void               jln_document_dialog_export_to  (JlnDocumentDialog  *self,
                                                   GFile              *file);
gboolean           jln_document_dialog_is_running (JlnDocumentDialog  *self);

G_END_DECLS
