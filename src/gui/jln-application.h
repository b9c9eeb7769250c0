/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "jln-document.h"

G_BEGIN_DECLS

#define JLN_TYPE_APPLICATION (jln_application_get_type ())

G_DECLARE_FINAL_TYPE (JlnApplication, jln_application, JLN, APPLICATION, AdwApplication)

JlnApplication *jln_application_new             (GApplicationFlags  flags);
GSettings      *jln_application_get_settings    (JlnApplication    *self);
char           *jln_application_dup_bundled_plan (void);
char           *jln_application_dup_debug_info  (void);
char           *jln_application_dup_example_path (void);
JlnDocument    *jln_application_lookup_document (JlnApplication    *self,
                                                 const char        *path);
void            jln_application_add_document    (JlnApplication    *self,
                                                 JlnDocument       *document);

G_END_DECLS
