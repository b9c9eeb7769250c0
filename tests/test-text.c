/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "jln-text.h"

#define FSI "\u2068"
#define PDI "\u2069"
#define RLO "\u202E"
#define RLI "\u2067"
#define LRE "\u202A"

static void
assert_isolated (const char *text,
                 const char *expected)
{
  g_autofree char *isolated = jln_text_isolate (text);

  g_assert_cmpstr (isolated, ==, expected);
  g_assert_true (g_utf8_validate (isolated, -1, NULL));
}

/* Plan text becomes one run of its own, whatever it holds. */
static void
test_isolate (void)
{
  assert_isolated (NULL, "");
  assert_isolated ("", "");

  /* Left-to-right text cannot move anything: it stays as it is. */
  assert_isolated ("1.4", "1.4");
  assert_isolated ("Égalité professionnelle « 2022–2024 » : 30 %",
                   "Égalité professionnelle « 2022–2024 » : 30 %");
  assert_isolated ("Ελληνικά, 日本語, русский", "Ελληνικά, 日本語, русский");
  assert_isolated ("é", "é");

  /* Text written from right to left is isolated. */
  assert_isolated ("שלום abc", FSI "שלום abc" PDI);
  assert_isolated ("1.4 مرحبا", FSI "1.4 مرحبا" PDI);
  assert_isolated ("a‏", FSI "a‏" PDI);

  /* An override or an embedding ends with the run: the pop that closes
   * an isolate closes what was opened inside it. */
  assert_isolated (RLO "txt.exe", FSI RLO "txt.exe" PDI);
  assert_isolated (LRE RLO "x", FSI LRE RLO "x" PDI);

  /* A pop with no opening would close the run early: it goes. */
  assert_isolated ("a" PDI RLO "b", FSI "a" RLO "b" PDI);
  assert_isolated (PDI PDI PDI, FSI PDI);

  /* An isolate the text opens is closed before the run ends. */
  assert_isolated ("a" RLI "b", FSI "a" RLI "b" PDI PDI);
  assert_isolated ("a" RLI "b" PDI "c", FSI "a" RLI "b" PDI "c" PDI);
  assert_isolated (FSI FSI FSI, FSI FSI FSI FSI PDI PDI PDI PDI);

  /* Isolates end with their paragraph: each line is a run. */
  assert_isolated ("a" RLO "b\nc", FSI "a" RLO "b" PDI "\n" FSI "c" PDI);
  assert_isolated ("a" RLI "b\u2029c" PDI, FSI "a" RLI "b" PDI PDI "\u2029" FSI "c" PDI);

  /* A combining mark at the start stays after the isolate mark, away
   * from whatever comes before the run. */
  assert_isolated ("\u0301\u0301abc", FSI "\u0301\u0301abc" PDI);

  /* Text that is not UTF-8 comes out as valid UTF-8. */
  {
    g_autofree char *isolated = jln_text_isolate ("ab\xff" RLO "c");

    g_assert_true (g_utf8_validate (isolated, -1, NULL));
    g_assert_true (g_str_has_prefix (isolated, FSI "ab"));
    g_assert_true (g_str_has_suffix (isolated, "c" PDI));
  }
}

/* A search finds a word in plan text whatever its case and accents, as
 * if the text had been folded first, even inside what one character
 * folds to ("œ" to "oe"). */
static void
test_fold_contains (void)
{
  static const char * const texts[] = {
    "Égalité professionnelle", "ŒUVRE de l’Inserm", "Straße", "Cœur\u00A0: RH",
    "PCN EG", "1.4", "naïve façade", "a\xff\xfe" "b", "", "Ǆemal", "ﬁnance",
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (1905);

  g_assert_true (jln_fold_contains ("Égalité", "egalite"));
  g_assert_true (jln_fold_contains ("Égalité", "galit"));
  g_assert_true (jln_fold_contains ("ŒUVRE", "e"));
  g_assert_true (jln_fold_contains ("Cœur", "oeu"));
  g_assert_true (jln_fold_contains ("Straße", "asse"));
  g_assert_true (jln_fold_contains ("l’Inserm", "l'inserm"));
  g_assert_false (jln_fold_contains ("Égalité", "egalites"));
  g_assert_false (jln_fold_contains (NULL, "a"));

  /* Every piece of every folded text is found, and what is not in it is
   * not. */
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *folded = jln_fold (texts[i]);
      gsize len = strlen (folded);

      for (gsize start = 0; start < len; start++)
        for (gsize end = start + 1; end <= len; end++)
          {
            g_autofree char *piece = g_strndup (folded + start, end - start);

            g_assert_true (jln_fold_contains (texts[i], piece));
          }
      for (guint k = 0; k < 200; k++)
        {
          char word[4] = { 0, };

          for (guint j = 0; j < 3; j++)
            word[j] = "aeoirsuz' :."[g_rand_int_range (rand, 0, 12)];
          g_assert_cmpint (jln_fold_contains (texts[i], word), ==, strstr (folded, word) != NULL);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/text/isolate", test_isolate);
  g_test_add_func ("/core/text/fold-contains", test_fold_contains);
  return g_test_run ();
}
