/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "jln-json.h"
#include "jln-narrative.h"
#include "jln-plan.h"
#include "jln-section.h"

#include "jln-test-utils.h"

/* The narrative's syntax, and the bundled plan's sections against the
 * texts they come from (tests/sources: the sections 1 to 4 of the 2022
 * internal review, in French; the Gender Equality Plan's introduction
 * and principles, in English), word for word but for the French
 * typography of the plan. */

#define SOURCES_DIR SOURCE_DATADIR "/../tests/sources"

static GPtrArray *
parse (const char *body)
{
  return jln_narrative_parse (body);
}

static const JlnRun *
run_at (GPtrArray *blocks,
        guint      b,
        guint      r)
{
  JlnBlock *block = g_ptr_array_index (blocks, b);

  g_assert_cmpuint (r, <, block->runs->len);
  return g_ptr_array_index (block->runs, r);
}

static void
test_syntax (void)
{
  g_autoptr(GPtrArray) blocks = parse ("First line\nsame paragraph.\n\n"
                                       "- one *item*\n"
                                       "  continued\n"
                                       "  - inner **strong** end\n"
                                       "- two\n\n\n"
                                       "Last \\*not emphasis\\* and 2 * 3 * 4, *open");
  JlnBlock *block;

  g_assert_cmpuint (blocks->len, ==, 5);
  block = g_ptr_array_index (blocks, 0);
  g_assert_cmpint (block->kind, ==, JLN_BLOCK_PARAGRAPH);
  g_assert_cmpuint (block->runs->len, ==, 1);
  g_assert_cmpstr (run_at (blocks, 0, 0)->text, ==, "First line same paragraph.");

  block = g_ptr_array_index (blocks, 1);
  g_assert_cmpint (block->kind, ==, JLN_BLOCK_ITEM);
  g_assert_cmpuint (block->level, ==, 1);
  g_assert_cmpuint (block->runs->len, ==, 3);
  g_assert_cmpstr (run_at (blocks, 1, 0)->text, ==, "one ");
  g_assert_cmpint (run_at (blocks, 1, 1)->style, ==, JLN_RUN_EMPHASIS);
  g_assert_cmpstr (run_at (blocks, 1, 1)->text, ==, "item");
  g_assert_cmpstr (run_at (blocks, 1, 2)->text, ==, " continued");

  block = g_ptr_array_index (blocks, 2);
  g_assert_cmpint (block->kind, ==, JLN_BLOCK_ITEM);
  g_assert_cmpuint (block->level, ==, 2);
  g_assert_cmpint (run_at (blocks, 2, 1)->style, ==, JLN_RUN_STRONG);
  g_assert_cmpstr (run_at (blocks, 2, 1)->text, ==, "strong");

  block = g_ptr_array_index (blocks, 3);
  g_assert_cmpuint (block->level, ==, 1);
  g_assert_cmpstr (run_at (blocks, 3, 0)->text, ==, "two");

  /* Escaped, spaced or unclosed asterisks are asterisks. */
  block = g_ptr_array_index (blocks, 4);
  g_assert_cmpint (block->kind, ==, JLN_BLOCK_PARAGRAPH);
  g_assert_cmpuint (block->runs->len, ==, 1);
  g_assert_cmpstr (run_at (blocks, 4, 0)->text, ==, "Last *not emphasis* and 2 * 3 * 4, *open");

  g_clear_pointer (&blocks, g_ptr_array_unref);
  blocks = parse (NULL);
  g_assert_cmpuint (blocks->len, ==, 0);
  g_clear_pointer (&blocks, g_ptr_array_unref);
  blocks = parse ("\n \n\t\n");
  g_assert_cmpuint (blocks->len, ==, 0);
}

/* Markup, links and escapes of every format are text: the runs hold
 * them as they were written, for each writer to escape. */
static void
test_never_markup (void)
{
  static const char * const hostile[] = {
    "<b>bold</b> &amp; <a href=\"https://example.org\">link</a>",
    "[a link](https://example.org) and <https://example.org>",
    "<span foreground=\"red\">x</span> <text:p>y</text:p> <w:t>z</w:t>",
    "\x1b]8;;https://example.org\x07link\x1b]8;;\x07 \x1b[31mred",
    "# not a heading",
    "1. not a numbered list",
    "> not a quote",
    "`code` _under_ ~strike~",
  };

  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      g_autoptr(GPtrArray) blocks = parse (hostile[i]);
      g_autofree char *text = NULL;
      JlnBlock *block;

      g_assert_cmpuint (blocks->len, ==, 1);
      block = g_ptr_array_index (blocks, 0);
      g_assert_cmpint (block->kind, ==, JLN_BLOCK_PARAGRAPH);
      g_assert_cmpuint (block->runs->len, ==, 1);
      g_assert_cmpint (run_at (blocks, 0, 0)->style, ==, JLN_RUN_PLAIN);
      text = jln_block_dup_text (block);
      g_assert_cmpstr (text, ==, hostile[i]);
    }

  /* Emphasised markup is emphasised text, still text. */
  {
    g_autoptr(GPtrArray) blocks = parse ("*<i>x</i>* **<a href=\"u\">y</a>**");

    g_assert_cmpstr (run_at (blocks, 0, 0)->text, ==, "<i>x</i>");
    g_assert_cmpint (run_at (blocks, 0, 0)->style, ==, JLN_RUN_EMPHASIS);
    g_assert_cmpstr (run_at (blocks, 0, 2)->text, ==, "<a href=\"u\">y</a>");
    g_assert_cmpint (run_at (blocks, 0, 2)->style, ==, JLN_RUN_STRONG);
  }
}

/* French as the bundled plan writes it, after the interface: the
 * typographic apostrophe, accented capitals ("Établir") and a no-break
 * space before ":", ";", "?", "!" and "»" and after "«". */
static char *
as_french_is_written (const char *text)
{
  g_autoptr(GRegex) capitals = g_regex_new ("(?<!\\w)E(galit|valuat|tabli|tant|crire|largir)", 0, 0, NULL);
  g_autoptr(GRegex) before = g_regex_new (" ([:;?!»])", 0, 0, NULL);
  g_autoptr(GRegex) after = g_regex_new ("« ", 0, 0, NULL);
  g_auto(GStrv) parts = g_strsplit (text, "'", -1);
  g_autofree char *apostrophes = g_strjoinv ("’", parts);
  g_autofree char *accented = g_regex_replace (capitals, apostrophes, -1, 0, "É\\1", 0, NULL);
  g_autofree char *spaced = g_regex_replace (before, accented, -1, 0, "\u00a0\\1", 0, NULL);

  return g_regex_replace (after, spaced, -1, 0, "«\u00a0", 0, NULL);
}

/* English as the bundled plan writes it: typographic apostrophes and
 * quotation marks, and the accent on the French names' capitals. */
static char *
as_english_is_written (const char *text)
{
  g_auto(GStrv) accented = g_strsplit (text, "Egalit", -1);
  g_autofree char *french = g_strjoinv ("Égalit", accented);
  g_auto(GStrv) parts = g_strsplit (french, "'", -1);
  g_autofree char *apostrophes = g_strjoinv ("’", parts);
  g_auto(GStrv) quoted = g_strsplit (apostrophes, "\"", -1);
  GString *out = g_string_new (quoted[0]);

  for (guint i = 1; quoted[i] != NULL; i++)
    {
      g_string_append (out, i % 2 == 1 ? "“" : "”");
      g_string_append (out, quoted[i]);
    }
  return g_string_free (out, FALSE);
}

/* A source's line as the narrative shows it: list markers and the
 * signs of emphasis gone, a superscript written inline; French and
 * English as the plan writes them. */
static char *
source_text (const char *line,
             gboolean    french,
             guint      *level)
{
  g_autoptr(GString) text = g_string_new (NULL);
  const char *p = line;

  *level = 0;
  if (g_str_has_prefix (p, " - › "))
    *level = 2, p += strlen (" - › ");
  else if (g_str_has_prefix (p, " - "))
    *level = 2, p += strlen (" - ");
  else if (g_str_has_prefix (p, "- "))
    *level = 1, p += strlen ("- ");
  for (; *p != '\0'; p++)
    if (*p != '*' && *p != '^' && *p != '{' && *p != '}')
      g_string_append_c (text, *p);
  g_strchomp (text->str);
  if (french)
    return as_french_is_written (text->str);
  return as_english_is_written (text->str);
}

static JlnPlan *
load_bundled (void)
{
  g_autoptr(GError) error = NULL;
  JlnPlan *plan = jln_json_load_plan (JLN_TEST_BUNDLED_PLAN, &error);

  g_assert_no_error (error);
  return plan;
}

/* Compares the blocks of @body with the lines of a source, from
 * @first to before @end. */
static void
assert_body_is_source (const char  *body,
                       gboolean     french,
                       char       **lines,
                       guint        first,
                       guint        end)
{
  g_autoptr(GPtrArray) blocks = parse (body);
  guint b = 0;

  for (guint i = first; i < end; i++)
    {
      guint level;
      g_autofree char *expected = source_text (lines[i], french, &level);
      g_autofree char *found = NULL;
      JlnBlock *block;

      if (expected[0] == '\0' || g_str_equal (expected, "---"))
        continue;
      g_assert_cmpuint (b, <, blocks->len);
      block = g_ptr_array_index (blocks, b++);
      found = jln_block_dup_text (block);
      g_assert_cmpstr (found, ==, expected);
      g_assert_cmpuint (block->level, ==, level);
    }
  g_assert_cmpuint (b, ==, blocks->len);
}

static void
test_bundled_review (void)
{
  g_autoptr(JlnPlan) plan = load_bundled ();
  GListModel *sections = jln_plan_get_sections (plan);
  g_autoptr(GError) error = NULL;
  g_autofree char *source = NULL;
  g_auto(GStrv) lines = NULL;
  guint heads[5], n_heads = 0;

  g_assert_true (g_file_get_contents (SOURCES_DIR "/review-2022-sections-1-4.fr.txt", &source, NULL, &error));
  g_assert_no_error (error);
  lines = g_strsplit (source, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_ascii_isdigit (lines[i][0]) && g_str_has_prefix (lines[i] + 1, ". "))
      heads[n_heads++] = i;
  heads[n_heads] = g_strv_length (lines);
  g_assert_cmpuint (n_heads, ==, 4);
  g_assert_cmpuint (g_list_model_get_n_items (sections), >=, 4);

  for (guint s = 0; s < 4; s++)
    {
      g_autoptr(JlnSection) section = g_list_model_get_item (sections, s);
      g_autofree char *heading = as_french_is_written (lines[heads[s]]);

      g_test_message ("%s", lines[heads[s]]);
      g_assert_cmpstr (jln_section_get_title (section)->fr, ==, heading);
      assert_body_is_source (jln_section_get_body (section)->fr, TRUE, lines, heads[s] + 1, heads[s + 1]);
    }
}

static void
test_bundled_gep (void)
{
  g_autoptr(JlnPlan) plan = load_bundled ();
  GListModel *sections = jln_plan_get_sections (plan);
  g_autoptr(GError) error = NULL;
  g_autofree char *source = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(JlnSection) introduction = g_list_model_get_item (sections, 4);
  g_autoptr(JlnSection) principles = g_list_model_get_item (sections, 5);
  g_autofree char *both = NULL;
  guint principles_line = 0;

  g_assert_true (g_file_get_contents (SOURCES_DIR "/gep-2021-introduction.en.txt", &source, NULL, &error));
  g_assert_no_error (error);
  lines = g_strsplit (source, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "The principles for implementing"))
      principles_line = i;
  g_assert_cmpuint (principles_line, >, 0);

  g_assert_nonnull (introduction);
  g_assert_nonnull (principles);
  g_assert_true (g_str_has_prefix (jln_section_get_title (introduction)->en, lines[0] + strlen ("## ")));
  assert_body_is_source (jln_section_get_body (introduction)->en, FALSE, lines, 1, principles_line);
  assert_body_is_source (jln_section_get_body (principles)->en, FALSE, lines, principles_line,
                         g_strv_length (lines));
}

/* Each section in both languages, with as many blocks, of the same
 * kinds, in each. */
static void
test_bundled_both_languages (void)
{
  g_autoptr(JlnPlan) plan = load_bundled ();
  GListModel *sections = jln_plan_get_sections (plan);

  g_assert_cmpuint (g_list_model_get_n_items (sections), ==, 6);
  for (guint s = 0; s < g_list_model_get_n_items (sections); s++)
    {
      g_autoptr(JlnSection) section = g_list_model_get_item (sections, s);
      g_autoptr(GPtrArray) fr = parse (jln_section_get_body (section)->fr);
      g_autoptr(GPtrArray) en = parse (jln_section_get_body (section)->en);

      g_assert_nonnull (jln_section_get_title (section)->fr);
      g_assert_nonnull (jln_section_get_title (section)->en);
      g_assert_cmpuint (fr->len, >, 0);
      g_assert_cmpuint (fr->len, ==, en->len);
      for (guint b = 0; b < fr->len; b++)
        {
          JlnBlock *a = g_ptr_array_index (fr, b), *c = g_ptr_array_index (en, b);
          g_autofree char *text_fr = jln_block_dup_text (a);
          g_autofree char *text_en = jln_block_dup_text (c);

          g_assert_cmpint (a->kind, ==, c->kind);
          g_assert_cmpuint (a->level, ==, c->level);
          g_assert_cmpstr (text_fr, !=, text_en);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/narrative/syntax", test_syntax);
  g_test_add_func ("/core/narrative/never-markup", test_never_markup);
  g_test_add_func ("/core/narrative/bundled-review", test_bundled_review);
  g_test_add_func ("/core/narrative/bundled-gep", test_bundled_gep);
  g_test_add_func ("/core/narrative/bundled-both-languages", test_bundled_both_languages);

  return g_test_run ();
}
