/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The semester axis that the timeline and the charts share. */
#include "config.h"

#include <locale.h>
#include <glib/gi18n-lib.h>

#include "jln-semester-axis.h"

/* Semesters side by side from x, years and dates where they fall, and
 * back from x to the semester under it. */
static void
test_positions (void)
{
  JlnSemester s21 = jln_semester_new (2021, 1), s24 = jln_semester_new (2024, 2);
  JlnSemesterAxis axis;

  jln_semester_axis_init (&axis, s21, s24, 100, 50);
  g_assert_cmpuint (jln_semester_axis_get_n_semesters (&axis), ==, 8);
  g_assert_cmpfloat_with_epsilon (jln_semester_axis_get_x (&axis, s21), 100, 1e-9);
  g_assert_cmpfloat_with_epsilon (jln_semester_axis_get_x (&axis, jln_semester_new (2022, 2)), 250, 1e-9);
  g_assert_cmpfloat_with_epsilon (jln_semester_axis_get_center_x (&axis, s21), 125, 1e-9);
  /* 1 July 2022 is where its second semester starts; a year is two columns. */
  g_assert_cmpfloat_with_epsilon (jln_semester_axis_get_year_x (&axis, 2022.5), 250, 1e-9);
  g_assert_cmpfloat_with_epsilon (jln_semester_axis_get_year_x (&axis, 2023) -
                                  jln_semester_axis_get_year_x (&axis, 2022), 100, 1e-9);

  g_assert_cmpuint (jln_semester_axis_get_semester_at (&axis, 100), ==, s21);
  g_assert_cmpuint (jln_semester_axis_get_semester_at (&axis, 249.9), ==, jln_semester_new (2022, 1));
  g_assert_cmpuint (jln_semester_axis_get_semester_at (&axis, 250), ==, jln_semester_new (2022, 2));
  /* Outside, the nearest end. */
  g_assert_cmpuint (jln_semester_axis_get_semester_at (&axis, -500), ==, s21);
  g_assert_cmpuint (jln_semester_axis_get_semester_at (&axis, 5000), ==, s24);

  /* Spread over a width, as a chart's plot. */
  jln_semester_axis_init_span (&axis, s21, s24, 0, 400);
  g_assert_cmpfloat_with_epsilon (axis.semester_width, 50, 1e-9);
  g_assert_cmpfloat_with_epsilon (jln_semester_axis_get_year_x (&axis, 2025), 400, 1e-9);
}

/* The header's labels at each zoom, in each language. */
static void
test_labels (void)
{
  JlnSemester s = jln_semester_new (2022, 2);
  g_autofree char *half = jln_semester_axis_dup_label (s, JLN_SEMESTER_LABEL_HALF, JLN_LANG_EN);
  g_autofree char *short_en = jln_semester_axis_dup_label (s, JLN_SEMESTER_LABEL_SHORT, JLN_LANG_EN);
  g_autofree char *none = jln_semester_axis_dup_label (s, JLN_SEMESTER_LABEL_NONE, JLN_LANG_EN);
  g_autofree char *q3_en = jln_semester_axis_dup_quarter_label (s, 0, TRUE, JLN_LANG_EN);
  g_autofree char *q4_en = jln_semester_axis_dup_quarter_label (s, 1, FALSE, JLN_LANG_EN);
  g_autofree char *q3_fr = jln_semester_axis_dup_quarter_label (s, 0, TRUE, JLN_LANG_FR);
  g_autofree char *q1_fr = jln_semester_axis_dup_quarter_label (jln_semester_new (2023, 1), 0, FALSE,
                                                                JLN_LANG_FR);

  g_assert_cmpstr (half, ==, "S2");
  g_assert_cmpstr (short_en, ==, "S2 2022");
  g_assert_cmpstr (none, ==, "");
  g_assert_cmpstr (q3_en, ==, "Q3 2022");
  g_assert_cmpstr (q4_en, ==, "Q4");
  g_assert_cmpstr (q3_fr, ==, "T3 2022");
  g_assert_cmpstr (q1_fr, ==, "T1");
}

int
main (int   argc,
      char *argv[])
{
  /* French labels come from the built catalogue. */
  setlocale (LC_ALL, "C.UTF-8");
  bindtextdomain (GETTEXT_PACKAGE, BUILD_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/render/semester-axis/positions", test_positions);
  g_test_add_func ("/render/semester-axis/labels", test_labels);
  return g_test_run ();
}
