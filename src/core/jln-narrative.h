/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The text of a narrative section (JlnSection's body) is plain text in a
 * small syntax, read by jln_narrative_parse() into blocks of runs that
 * the window, the painters and the document writers show each in their
 * way. Nothing else is read from it: no markup, no link, no escape of
 * a terminal or of a document format has any meaning in it.
 *
 * - Lines end with "\n". An empty line (or one of spaces only) ends a
 *   paragraph or a list item.
 * - A line beginning with "- " starts an item of a bulleted list; one
 *   beginning with two spaces or more before "- " an item of a list
 *   within it.
 * - Other lines make paragraphs; the lines of one paragraph, or those
 *   after an item's first line, are joined with a space.
 * - Within a paragraph or an item, *words* between single asterisks are
 *   emphasised, **words** between double asterisks strong. An asterisk
 *   that opens nothing closed later in the block is an asterisk, and so
 *   is "\*".
 */

typedef enum
{
  JLN_RUN_PLAIN,
  JLN_RUN_EMPHASIS,
  JLN_RUN_STRONG,
} JlnRunStyle;

typedef struct
{
  JlnRunStyle  style;
  char        *text;
} JlnRun;

typedef enum
{
  JLN_BLOCK_PARAGRAPH,
  JLN_BLOCK_ITEM,        /* of a bulleted list */
} JlnBlockKind;

typedef struct
{
  JlnBlockKind  kind;
  guint         level;   /* 0 for a paragraph, 1 or 2 for a list item */
  GPtrArray    *runs;    /* of JlnRun */
} JlnBlock;

GPtrArray *jln_narrative_parse      (const char     *body);
char      *jln_block_dup_text       (const JlnBlock *block);
void       jln_block_free           (JlnBlock       *block);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JlnBlock, jln_block_free)

G_END_DECLS
