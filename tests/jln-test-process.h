/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A child process whose output is read as it comes, so that it never
 * blocks on a full pipe, and which can be waited for with a deadline or
 * killed at a chosen moment. */
typedef struct
{
  GPid     pid;
  int      out_fd;
  int      err_fd;
  GString *out;
  GString *err;
  gboolean exited;
  int      wait_status;   /* from waitpid(), once exited */
} JlnTestChild;

JlnTestChild *jln_test_child_spawn      (const char * const *argv,
                                         GError            **error);
gboolean      jln_test_child_wait_until (JlnTestChild       *child,
                                         gint64              deadline,
                                         const char         *until_output);
void          jln_test_child_kill       (JlnTestChild       *child);
char         *jln_test_child_describe   (JlnTestChild       *child);
char         *jln_test_child_errors     (JlnTestChild       *child);
void          jln_test_child_free       (JlnTestChild       *child);

char         *jln_test_self_path        (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JlnTestChild, jln_test_child_free)

G_END_DECLS
