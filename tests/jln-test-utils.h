/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jln-action.h"
#include "jln-document.h"
#include "jln-objective.h"

G_BEGIN_DECLS

/* The example plan in the source tree; SOURCE_DATADIR comes from config.h. */
#define JLN_TEST_BUNDLED_PLAN SOURCE_DATADIR "/plans/inserm-hrs4r-2022.json"

gboolean     jln_test_remove_tree    (const char   *path);
char        *jln_test_checksum_file  (const char   *path);
void         jln_test_copy_file      (const char   *from,
                                      const char   *to);
JlnDocument *jln_test_import_plan    (const char   *json_path,
                                      const char   *dir_template,
                                      char        **dir,
                                      char        **path);
void         jln_test_clear_plan_dir (char        **dir,
                                      char        **path);
JlnRecord   *jln_test_find_record    (GListModel   *records,
                                      const char   *field,
                                      const char   *value);
JlnRecord   *jln_test_find_action    (JlnDocument  *document,
                                      const char   *number);
JlnRecord   *jln_test_find_objective (JlnDocument  *document,
                                      const char   *number);
void         jln_test_apply          (JlnDocument  *document,
                                      JlnEdit      *edit);
void         jln_test_set_field      (JlnDocument  *document,
                                      const char   *number,
                                      const char   *field,
                                      const char   *value);
GDateTime   *jln_test_now_between    (void);
void         jln_test_set_language   (const char   *language);

G_END_DECLS
