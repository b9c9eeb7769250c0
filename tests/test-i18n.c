/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <glib/gi18n-lib.h>

#include "jln-i18n.h"

/* Words drawn with a plan follow the plan's language, read from the
 * French catalogue even when the interface is in English or the locale
 * is C. */
static void
test_french_whatever_the_locale (void)
{
  g_assert_cmpstr (jln_translate (JLN_LANG_FR, "Today"), ==, "Aujourd’hui");
  g_assert_cmpstr (jln_translate (JLN_LANG_EN, "Today"), ==, "Today");
  /* The interface itself stays in the locale's language. */
  g_assert_cmpstr (_("Today"), ==, "Today");
}

static void
test_context_and_plural (void)
{
  g_assert_cmpstr (jln_translate_context (JLN_LANG_FR, "status", "Done"), ==, "Réalisée");
  g_assert_cmpstr (jln_translate_context (JLN_LANG_EN, "status", "Done"), ==, "Done");

  g_assert_cmpstr (jln_translate_plural (JLN_LANG_FR, "%u of %u actions", "%u of %u actions", 0),
                   ==, "%u action sur %u");
  g_assert_cmpstr (jln_translate_plural (JLN_LANG_FR, "%u of %u actions", "%u of %u actions", 1),
                   ==, "%u action sur %u");
  g_assert_cmpstr (jln_translate_plural (JLN_LANG_FR, "%u of %u actions", "%u of %u actions", 2),
                   ==, "%u actions sur %u");
  g_assert_cmpstr (jln_translate_plural (JLN_LANG_EN, "%u action", "%u actions", 1), ==, "%u action");
  g_assert_cmpstr (jln_translate_plural (JLN_LANG_EN, "%u action", "%u actions", 0), ==, "%u actions");
}

static void
test_unknown_word (void)
{
  g_assert_cmpstr (jln_translate (JLN_LANG_FR, "No such message in the catalogue"), ==,
                   "No such message in the catalogue");
  g_assert_cmpstr (jln_translate_context (JLN_LANG_FR, "no-such-context", "Done"), ==, "Done");
  g_assert_cmpstr (jln_translate_plural (JLN_LANG_FR, "%u thing", "%u things", 3), ==, "%u things");
}

/* Dates read as people write them in each language. */
static void
test_dates (void)
{
  g_autoptr(GDateTime) time = g_date_time_new_utc (2026, 11, 23, 10, 0, 0);
  g_autofree char *fr = jln_format_date ("2022-12-31", JLN_LANG_FR);
  g_autofree char *en = jln_format_date ("2022-12-31", JLN_LANG_EN);
  g_autofree char *month_fr = jln_format_date ("2022-02", JLN_LANG_FR);
  g_autofree char *month_en = jln_format_date ("2022-02", JLN_LANG_EN);
  g_autofree char *today = jln_format_date_time (time, JLN_LANG_FR);
  g_autofree char *bad = jln_format_date ("2022-02-30", JLN_LANG_FR);
  g_autofree char *words = jln_format_date ("soon", JLN_LANG_EN);

  g_assert_cmpstr (fr, ==, "31 déc. 2022");
  g_assert_cmpstr (en, ==, "31 Dec 2022");
  g_assert_cmpstr (month_fr, ==, "févr. 2022");
  g_assert_cmpstr (month_en, ==, "Feb 2022");
  g_assert_cmpstr (today, ==, "23 nov. 2026");
  g_assert_cmpstr (bad, ==, "2022-02-30");
  g_assert_cmpstr (words, ==, "soon");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C");
  bindtextdomain (GETTEXT_PACKAGE, BUILD_LOCALEDIR);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/i18n/french-whatever-the-locale", test_french_whatever_the_locale);
  g_test_add_func ("/core/i18n/context-and-plural", test_context_and_plural);
  g_test_add_func ("/core/i18n/unknown-word", test_unknown_word);
  g_test_add_func ("/core/i18n/dates", test_dates);

  return g_test_run ();
}
