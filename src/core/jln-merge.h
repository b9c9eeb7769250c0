/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jln-document.h"

G_BEGIN_DECLS

/* Bringing copies of a plan back together: a three-way merge by UUID of
 * another copy ("theirs") into an open document ("mine"), over the base
 * they share, found from their histories or given as a file. */
typedef struct _JlnMerge JlnMerge;

typedef enum
{
  JLN_MERGE_MINE,
  JLN_MERGE_THEIRS,
} JlnMergeSide;

/* What one side changed since the base. */
typedef struct
{
  JlnMergeSide  side;
  JlnEditKind   op;
  JlnKind       kind;
  char         *id;
  char         *label;      /* the object for people: “action 1.4” */
  char         *field;      /* JLN_EDIT_SET: the field as edits name it */
  char         *old_value;  /* JLN_EDIT_SET: in the base */
  char         *new_value;  /* JLN_EDIT_SET: on that side */
} JlnMergeChange;

/* The same field changed differently on both sides, or an object changed
 * on one side and removed on the other (@field is then %NULL, and the
 * side that removed it has a %NULL value). */
typedef struct
{
  JlnKind       kind;
  char         *id;
  char         *label;
  char         *field;
  char         *base;
  char         *mine;
  char         *theirs;
  gboolean      decided;
  JlnMergeSide  choice;
} JlnMergeConflict;

JlnMerge   *jln_merge_new               (JlnDocument   *mine,
                                         const char    *theirs_path,
                                         const char    *base_path,
                                         GError       **error);
void        jln_merge_free              (JlnMerge      *self);
const char *jln_merge_get_theirs_name   (JlnMerge      *self);
GPtrArray  *jln_merge_get_changes       (JlnMerge      *self);
guint       jln_merge_count_changes     (JlnMerge      *self,
                                         JlnMergeSide   side);
guint       jln_merge_get_n_conflicts   (JlnMerge      *self);
const JlnMergeConflict *
            jln_merge_get_conflict      (JlnMerge      *self,
                                         guint          index);
void        jln_merge_decide            (JlnMerge      *self,
                                         guint          index,
                                         JlnMergeSide   choice);
void        jln_merge_decide_all        (JlnMerge      *self,
                                         JlnMergeSide   choice);
gboolean    jln_merge_apply             (JlnMerge      *self,
                                         guint         *n_applied,
                                         GError       **error);

char       *jln_merge_describe_value    (const char    *value);

/* The command line: --merge and --compare. */
typedef struct
{
  const char *mine;
  const char *theirs;
  const char *base;     /* nullable */
  const char *output;   /* nullable with compare */
  const char *prefer;   /* nullable: "mine" or "theirs" */
  gboolean    compare;
} JlnMergeCommand;

#define JLN_MERGE_EXIT_CONFLICTS 3

int         jln_merge_run_command       (const JlnMergeCommand *command,
                                         GString               *out,
                                         GError               **error);

/* Save a Copy: the copy gets its own identity and knows where it comes from. */
gboolean    _jln_merge_mark_copy        (JlnStore      *source,
                                         const char    *source_path,
                                         const char    *copy_path,
                                         GError       **error);

/* Synced folders: the conflict copies a file-sync service left beside @path. */
GPtrArray  *jln_merge_find_conflict_copies (const char *path);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JlnMerge, jln_merge_free)

G_END_DECLS
