/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "jln-narrative.h"

/* See jln-narrative.h for the syntax. */

static void
run_free (gpointer data)
{
  JlnRun *run = data;

  g_free (run->text);
  g_free (run);
}

void
jln_block_free (JlnBlock *block)
{
  if (block == NULL)
    return;
  g_ptr_array_unref (block->runs);
  g_free (block);
}

static void
add_run (GPtrArray   *runs,
         JlnRunStyle  style,
         const char  *text,
         gsize        len)
{
  JlnRun *last = runs->len > 0 ? g_ptr_array_index (runs, runs->len - 1) : NULL;

  if (len == 0)
    return;
  if (last != NULL && last->style == style)
    {
      char *joined = g_malloc (strlen (last->text) + len + 1);

      memcpy (joined, last->text, strlen (last->text));
      memcpy (joined + strlen (last->text), text, len);
      joined[strlen (last->text) + len] = '\0';
      g_free (last->text);
      last->text = joined;
      return;
    }
  last = g_new0 (JlnRun, 1);
  last->style = style;
  last->text = g_strndup (text, len);
  g_ptr_array_add (runs, last);
}

/* Where the closing @marker of a run opened just before @from is, or
 * NULL: the run must not be empty, nor begin or end with a space. */
static const char *
find_close (const char *from,
            const char *marker)
{
  gsize mlen = strlen (marker);

  if (*from == '\0' || *from == ' ')
    return NULL;
  for (const char *p = from + 1; *p != '\0'; p++)
    {
      if (*p == '\\' && p[1] == '*')
        {
          p++;
          continue;
        }
      if (strncmp (p, marker, mlen) == 0 && p[-1] != ' ' &&
          /* "*" does not close on the first star of "**". */
          (mlen == 2 || p[1] != '*'))
        return p;
    }
  return NULL;
}

/* Text with "\*" as "*", appended as a run of @style. */
static void
add_unescaped (GPtrArray   *runs,
               JlnRunStyle  style,
               const char  *text,
               gsize        len)
{
  g_autoptr(GString) plain = g_string_sized_new (len);

  for (gsize i = 0; i < len; i++)
    {
      if (text[i] == '\\' && i + 1 < len && text[i + 1] == '*')
        i++;
      g_string_append_c (plain, text[i]);
    }
  add_run (runs, style, plain->str, plain->len);
}

static GPtrArray *
parse_runs (const char *text)
{
  GPtrArray *runs = g_ptr_array_new_with_free_func (run_free);
  const char *start = text;
  const char *p = text;

  while (*p != '\0')
    {
      if (*p == '\\' && p[1] == '*')
        {
          p += 2;
          continue;
        }
      if (*p == '*')
        {
          gboolean strong = p[1] == '*';
          const char *marker = strong ? "**" : "*";
          const char *inner = p + strlen (marker);
          const char *close = find_close (inner, marker);

          if (close != NULL)
            {
              add_unescaped (runs, JLN_RUN_PLAIN, start, p - start);
              add_unescaped (runs, strong ? JLN_RUN_STRONG : JLN_RUN_EMPHASIS, inner, close - inner);
              p = close + strlen (marker);
              start = p;
              continue;
            }
          p += strlen (marker);
          continue;
        }
      p++;
    }
  add_unescaped (runs, JLN_RUN_PLAIN, start, p - start);
  return runs;
}

static void
finish_block (GPtrArray  *blocks,
              GString    *text,
              JlnBlockKind kind,
              guint       level)
{
  JlnBlock *block;

  if (text->len == 0)
    return;
  block = g_new0 (JlnBlock, 1);
  block->kind = kind;
  block->level = level;
  block->runs = parse_runs (text->str);
  g_ptr_array_add (blocks, block);
  g_string_truncate (text, 0);
}

/**
 * jln_narrative_parse:
 * @body: (nullable): a section's body
 *
 * Returns: (transfer full): the blocks of @body, in order
 */
GPtrArray *
jln_narrative_parse (const char *body)
{
  GPtrArray *blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) jln_block_free);
  g_autoptr(GString) text = g_string_new (NULL);
  g_auto(GStrv) lines = NULL;
  JlnBlockKind kind = JLN_BLOCK_PARAGRAPH;
  guint level = 0;

  if (body == NULL)
    return blocks;
  lines = g_strsplit (body, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];
      gsize indent = strspn (line, " \t");
      g_autofree char *content = NULL;

      if (line[indent] == '\0' || (line[indent] == '\r' && line[indent + 1] == '\0'))
        {
          finish_block (blocks, text, kind, level);
          kind = JLN_BLOCK_PARAGRAPH;
          level = 0;
          continue;
        }
      if (line[indent] == '-' && line[indent + 1] == ' ')
        {
          finish_block (blocks, text, kind, level);
          kind = JLN_BLOCK_ITEM;
          level = indent >= 2 ? 2 : 1;
          indent += 2;
        }
      content = g_strstrip (g_strdup (line + indent));
      if (content[0] == '\0')
        continue;
      if (text->len > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, content);
    }
  finish_block (blocks, text, kind, level);
  return blocks;
}

/**
 * jln_block_dup_text:
 *
 * Returns: (transfer full): the text of @block, without its styles
 */
char *
jln_block_dup_text (const JlnBlock *block)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < block->runs->len; i++)
    g_string_append (text, ((JlnRun *) g_ptr_array_index (block->runs, i))->text);
  return g_string_free (text, FALSE);
}
