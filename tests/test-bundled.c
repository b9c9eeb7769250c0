/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The bundled plan against its two source documents: Inserm's 2022
 * HRS4R action plan (the tables of its section 5) and its Plan for
 * Professional Equality 2021–2023. */

#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "jln-action.h"
#include "jln-action-item.h"
#include "jln-check.h"
#include "jln-indicator.h"
#include "jln-json.h"
#include "jln-milestone.h"
#include "jln-objective.h"
#include "jln-plan.h"
#include "jln-principle.h"
#include "jln-query.h"
#include "jln-record-private.h"
#include "jln-target.h"
#include "jln-unit.h"

#include "jln-test-utils.h"

typedef struct
{
  JlnPlan    *plan;
  GHashTable *actions;   /* number → JlnAction, not owned */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GListModel *objectives;

  f->plan = jln_json_load_plan (JLN_TEST_BUNDLED_PLAN, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->plan);

  f->actions = g_hash_table_new (g_str_hash, g_str_equal);
  objectives = jln_plan_get_objectives (f->plan);
  for (guint i = 0; i < g_list_model_get_n_items (objectives); i++)
    {
      g_autoptr(JlnObjective) objective = g_list_model_get_item (objectives, i);
      GListModel *actions = jln_objective_get_actions (objective);

      for (guint j = 0; j < g_list_model_get_n_items (actions); j++)
        {
          g_autoptr(JlnAction) action = g_list_model_get_item (actions, j);

          /* Numbers are unique across the plan. */
          g_assert_true (g_hash_table_insert (f->actions,
                                              (gpointer) jln_action_get_number (action), action));
        }
    }
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_pointer (&f->actions, g_hash_table_unref);
  g_assert_finalize_object (f->plan);
}

static JlnAction *
get_action (Fixture    *f,
            const char *number)
{
  JlnAction *action = g_hash_table_lookup (f->actions, number);

  if (action == NULL)
    g_error ("the plan has no action %s", number);
  return action;
}

static JlnObjective *
get_objective (Fixture *f,
               guint    position)
{
  GListModel *objectives = jln_plan_get_objectives (f->plan);
  g_autoptr(JlnObjective) objective = NULL;

  g_assert_cmpuint (position, <, g_list_model_get_n_items (objectives));
  objective = g_list_model_get_item (objectives, position);
  /* The plan holds a reference. */
  return objective;
}

static JlnSemester
semester (const char *text)
{
  g_autoptr(GError) error = NULL;
  JlnSemester value = JLN_SEMESTER_NONE;

  g_assert_true (jln_semester_parse (text, &value, &error));
  g_assert_no_error (error);
  return value;
}

/* Asserts that @units are the units with the codes given, in order. */
static void
assert_unit_codes (GPtrArray          *units,
                   const char * const *codes)
{
  guint n = g_strv_length ((char **) codes);

  g_assert_cmpuint (units->len, ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (jln_unit_get_code (g_ptr_array_index (units, i)), ==, codes[i]);
}

static void
assert_references (JlnAction  *action,
                   const char *only)
{
  const char * const *references = jln_action_get_references (action);

  g_assert_nonnull (references);
  g_assert_cmpstr (references[0], ==, only);
  g_assert_null (references[1]);
}

static void
assert_completion (const JlnCompletion *completion,
                   const char          *expected)
{
  g_autofree char *text = jln_completion_to_string (completion);

  g_assert_cmpstr (text, ==, expected);
}

static JlnActionItem *
get_item (JlnAction  *action,
          guint       position,
          const char *label)
{
  GListModel *items = jln_action_get_items (action);
  g_autoptr(JlnActionItem) item = NULL;

  g_assert_cmpuint (position, <, g_list_model_get_n_items (items));
  item = g_list_model_get_item (items, position);
  g_assert_cmpstr (jln_action_item_get_label (item), ==, label);
  return item;
}

/* --- Structure ----------------------------------------------------------- */

static void
test_hrs4r_objectives (Fixture       *f,
                       gconstpointer  data)
{
  static const guint n_actions[] = { 11, 11, 17, 22, 15, 4, 8, 3 };
  guint total = 0;

  for (guint i = 0; i < G_N_ELEMENTS (n_actions); i++)
    {
      JlnObjective *objective = get_objective (f, i);
      GListModel *actions = jln_objective_get_actions (objective);
      g_autofree char *number = g_strdup_printf ("%u", i + 1);

      g_assert_cmpint (jln_objective_get_programme (objective), ==, JLN_PROGRAMME_HRS4R);
      g_assert_cmpstr (jln_objective_get_number (objective), ==, number);
      g_assert_cmpuint (g_list_model_get_n_items (actions), ==, n_actions[i]);

      /* 1.1, 1.2, … in order, without gaps. */
      for (guint j = 0; j < n_actions[i]; j++)
        {
          g_autoptr(JlnAction) action = g_list_model_get_item (actions, j);
          g_autofree char *expected = g_strdup_printf ("%u.%u", i + 1, j + 1);

          g_assert_cmpstr (jln_action_get_number (action), ==, expected);
          g_assert_true (jln_action_get_objective (action) == objective);
        }
      total += n_actions[i];
    }
  g_assert_cmpuint (total, ==, 91);

  g_assert_cmpstr (jln_objective_get_title (get_objective (f, 0))->fr, ==, "Recrutement");
  g_assert_cmpstr (jln_objective_get_title (get_objective (f, 2))->fr, ==, "Conditions de travail");
  g_assert_cmpstr (jln_objective_get_title (get_objective (f, 5))->fr, ==,
                   "Recherche éthique et responsable");
}

static void
test_gep_axes (Fixture       *f,
               gconstpointer  data)
{
  static const struct {
    const char *number;
    guint n_actions;
  } axes[] = {
    { "I", 4 }, { "II", 5 }, { "III", 4 }, { "IV", 3 }, { "A", 5 },
  };
  GListModel *objectives = jln_plan_get_objectives (f->plan);
  JlnPlanCounts counts;

  /* The GEP follows the eight HRS4R objectives. */
  g_assert_cmpuint (g_list_model_get_n_items (objectives), ==, 8 + G_N_ELEMENTS (axes));

  for (guint i = 0; i < G_N_ELEMENTS (axes); i++)
    {
      JlnObjective *objective = get_objective (f, 8 + i);
      GListModel *actions = jln_objective_get_actions (objective);

      g_assert_cmpint (jln_objective_get_programme (objective), ==, JLN_PROGRAMME_GEP);
      g_assert_cmpstr (jln_objective_get_number (objective), ==, axes[i].number);
      g_assert_cmpuint (g_list_model_get_n_items (actions), ==, axes[i].n_actions);

      /* I.a, I.b, … for the measures of an axis; A.1 … A.5 for the main
       * actions. */
      for (guint j = 0; j < axes[i].n_actions; j++)
        {
          g_autoptr(JlnAction) action = g_list_model_get_item (actions, j);
          g_autofree char *expected = NULL;

          if (g_str_equal (axes[i].number, "A"))
            expected = g_strdup_printf ("A.%u", j + 1);
          else
            expected = g_strdup_printf ("%s.%c", axes[i].number, 'a' + j);
          g_assert_cmpstr (jln_action_get_number (action), ==, expected);
        }
    }

  g_assert_cmpstr (jln_objective_get_title (get_objective (f, 8))->en, ==,
                   "Launch a collective and operational institutional action");
  g_assert_cmpstr (jln_action_get_title (get_action (f, "A.5"))->en, ==,
                   "Information about contacts and procedures in case of discrimination and GBSV");

  jln_plan_count (f->plan, &counts);
  g_assert_cmpuint (counts.objectives[JLN_PROGRAMME_HRS4R], ==, 8);
  g_assert_cmpuint (counts.objectives[JLN_PROGRAMME_GEP], ==, 5);
  g_assert_cmpuint (counts.actions[JLN_PROGRAMME_HRS4R], ==, 91);
  g_assert_cmpuint (counts.actions[JLN_PROGRAMME_GEP], ==, 4 + 5 + 4 + 3 + 5);
  g_assert_cmpuint (counts.indicators, ==, 5);
  g_assert_cmpuint (counts.milestones, ==, 3);
  g_assert_cmpuint (counts.principles, ==, 40);
  g_assert_cmpuint (counts.missing_translations, ==, 0);
}

/* --- Indicators ---------------------------------------------------------- */

typedef struct
{
  int         year;
  const char *series_en;   /* NULL: none */
  double      value;       /* NAN: none */
  const char *text_en;     /* NULL: none */
} ExpectedTarget;

static JlnIndicator *
get_indicator (Fixture *f,
               int      number)
{
  GListModel *indicators = jln_plan_get_indicators (f->plan);
  g_autoptr(JlnIndicator) indicator = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (indicators), ==, 5);
  indicator = g_list_model_get_item (indicators, number - 1);
  g_assert_cmpint (jln_indicator_get_number (indicator), ==, number);
  return indicator;
}

static void
assert_targets (JlnIndicator         *indicator,
                const ExpectedTarget *expected,
                guint                 n_expected)
{
  GListModel *targets = jln_indicator_get_targets (indicator);

  g_assert_cmpuint (g_list_model_get_n_items (targets), ==, n_expected);
  for (guint i = 0; i < n_expected; i++)
    {
      g_autoptr(JlnTarget) target = g_list_model_get_item (targets, i);

      g_test_message ("indicator %d, target %u", jln_indicator_get_number (indicator), i);
      g_assert_cmpint (jln_target_get_year (target), ==, expected[i].year);
      g_assert_cmpstr (jln_target_get_series (target)->en, ==, expected[i].series_en);
      if (isnan (expected[i].value))
        g_assert_true (isnan (jln_target_get_value (target)));
      else
        g_assert_cmpfloat (jln_target_get_value (target), ==, expected[i].value);
      g_assert_cmpstr (jln_target_get_text (target)->en, ==, expected[i].text_en);
      /* A series or a text is given in both languages. */
      g_assert_cmpint (jln_target_get_series (target)->fr == NULL, ==,
                       expected[i].series_en == NULL);
      g_assert_cmpint (jln_target_get_text (target)->fr == NULL, ==,
                       expected[i].text_en == NULL);
    }
}

static void
test_indicators (Fixture       *f,
                 gconstpointer  data)
{
  static const ExpectedTarget cells[] = {
    { 2021, NULL, 10, NULL }, { 2022, NULL, 30, NULL }, { 2023, NULL, 60, NULL },
  };
  static const ExpectedTarget letters[] = {
    { 2021, "Directorate General", 80, NULL },
    { 2022, "Directorate General", 100, NULL },
    { 2022, "Unit directors", 30, NULL },
    { 2023, "Unit directors", 60, NULL },
  };
  static const ExpectedTarget awareness[] = {
    { 2021, NULL, NAN, "Development" }, { 2022, NULL, 20, NULL }, { 2023, NULL, 50, NULL },
  };
  static const ExpectedTarget juries[] = {
    { 2021, NULL, NAN, "Specialized Scientific Committees members*" },
    { 2022, NULL, NAN, "*Examination committee juries" },
    { 2023, NULL, NAN, "*Other selection committees" },
  };
  static const ExpectedTarget training[] = {
    { 2021, NULL, 20, NULL }, { 2022, NULL, 60, NULL }, { 2023, NULL, 90, NULL },
  };
  JlnIndicator *indicator;

  indicator = get_indicator (f, 1);
  g_assert_cmpstr (jln_indicator_get_title (indicator)->en, ==, "Equality unit");
  g_assert_cmpint (jln_indicator_get_kind (indicator), ==, JLN_INDICATOR_KIND_PERCENTAGE);
  g_assert_cmpstr (jln_indicator_get_measure (indicator)->en, ==, "% cells");
  g_assert_cmpstr (jln_indicator_get_remark (indicator)->en, ==, "Then 80%");
  assert_targets (indicator, cells, G_N_ELEMENTS (cells));

  indicator = get_indicator (f, 2);
  g_assert_cmpstr (jln_indicator_get_title (indicator)->en, ==, "Letter of commitment");
  g_assert_cmpint (jln_indicator_get_kind (indicator), ==, JLN_INDICATOR_KIND_PERCENTAGE);
  g_assert_cmpstr (jln_indicator_get_remark (indicator)->en, ==, "Then 80%");
  assert_targets (indicator, letters, G_N_ELEMENTS (letters));

  indicator = get_indicator (f, 3);
  g_assert_cmpint (jln_indicator_get_kind (indicator), ==, JLN_INDICATOR_KIND_PERCENTAGE);
  g_assert_cmpstr (jln_indicator_get_measure (indicator)->en, ==, "Module attendance rate");
  assert_targets (indicator, awareness, G_N_ELEMENTS (awareness));

  indicator = get_indicator (f, 4);
  g_assert_cmpint (jln_indicator_get_kind (indicator), ==, JLN_INDICATOR_KIND_TEXT);
  g_assert_cmpstr (jln_indicator_get_remark (indicator)->en, ==, "*Otherwise video");
  assert_targets (indicator, juries, G_N_ELEMENTS (juries));

  indicator = get_indicator (f, 5);
  g_assert_cmpint (jln_indicator_get_kind (indicator), ==, JLN_INDICATOR_KIND_PERCENTAGE);
  g_assert_cmpstr (jln_indicator_get_measure (indicator)->en, ==, "Training attendance");
  /* The summary chart gives indicator 5 no remark. */
  g_assert_true (jln_text_is_empty (jln_indicator_get_remark (indicator)));
  assert_targets (indicator, training, G_N_ELEMENTS (training));

  /* Every indicator is tied to the measure it follows. */
  for (int number = 1; number <= 5; number++)
    {
      GPtrArray *actions = jln_indicator_get_actions (get_indicator (f, number));

      g_assert_cmpuint (actions->len, >=, 1);
      for (guint i = 0; i < actions->len; i++)
        {
          JlnObjective *objective = jln_action_get_objective (g_ptr_array_index (actions, i));

          g_assert_cmpint (jln_objective_get_programme (objective), ==, JLN_PROGRAMME_GEP);
        }
    }
  g_assert_true (g_ptr_array_index (jln_indicator_get_actions (get_indicator (f, 1)), 0) ==
                 (gpointer) get_action (f, "I.a"));
  g_assert_true (g_ptr_array_index (jln_indicator_get_actions (get_indicator (f, 2)), 0) ==
                 (gpointer) get_action (f, "I.b"));
}

static void
test_milestones (Fixture       *f,
                 gconstpointer  data)
{
  static const struct {
    const char *date;
    JlnMilestoneKind kind;
    const char *title_fr;
  } expected[] = {
    { "2016-05", JLN_MILESTONE_KIND_SUBMISSION, "Première soumission" },
    { "2018-12", JLN_MILESTONE_KIND_EVALUATION, "Évaluation interne" },
    { "2022-03", JLN_MILESTONE_KIND_RENEWAL, "Renouvellement du label" },
  };
  GListModel *milestones = jln_plan_get_milestones (f->plan);

  g_assert_cmpuint (g_list_model_get_n_items (milestones), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(JlnMilestone) milestone = g_list_model_get_item (milestones, i);

      g_assert_cmpstr (jln_milestone_get_date (milestone), ==, expected[i].date);
      g_assert_cmpint (jln_milestone_get_kind (milestone), ==, expected[i].kind);
      g_assert_cmpstr (jln_milestone_get_title (milestone)->fr, ==, expected[i].title_fr);
    }

  /* The plan runs from the GEP's start to the HRS4R plan's end. */
  g_assert_cmpuint (jln_plan_get_start (f->plan), ==, semester ("2021-S1"));
  g_assert_cmpuint (jln_plan_get_end (f->plan), ==, semester ("2024-S2"));
}

static void
test_principles (Fixture       *f,
                 gconstpointer  data)
{
  GListModel *principles = jln_plan_get_principles (f->plan);

  g_assert_cmpuint (g_list_model_get_n_items (principles), ==, 40);
  for (guint i = 0; i < 40; i++)
    {
      g_autoptr(JlnPrinciple) principle = g_list_model_get_item (principles, i);
      int number = i + 1;
      JlnPrincipleArea area;

      /* The four areas of the Charter & Code as the HRS4R groups them. */
      if (number <= 11)
        area = JLN_PRINCIPLE_AREA_ETHICS;
      else if (number <= 21)
        area = JLN_PRINCIPLE_AREA_RECRUITMENT;
      else if (number <= 35)
        area = JLN_PRINCIPLE_AREA_CONDITIONS;
      else
        area = JLN_PRINCIPLE_AREA_TRAINING;

      g_assert_cmpint (jln_principle_get_number (principle), ==, number);
      g_assert_cmpint (jln_principle_get_area (principle), ==, area);
      g_assert_nonnull (jln_principle_get_name (principle)->fr);
      g_assert_nonnull (jln_principle_get_name (principle)->en);

      if (number == 1)
        g_assert_cmpstr (jln_principle_get_name (principle)->en, ==, "Research freedom");
      else if (number == 27)
        g_assert_cmpstr (jln_principle_get_name (principle)->en, ==, "Gender balance");
      else if (number == 40)
        g_assert_cmpstr (jln_principle_get_name (principle)->en, ==, "Supervision");
    }
}

/* --- Texts --------------------------------------------------------------- */

/* Every text of @record and its children is in both languages or in
 * neither, and is never "". */
static void
check_translations (JlnRecord *record,
                    guint     *n_texts,
                    guint     *n_empty)
{
  const JlnKindInfo *info = _jln_record_get_info (record);

  for (guint i = 0; i < info->n_fields; i++)
    {
      const JlnText *text;

      if (info->fields[i].type != JLN_FIELD_TEXT)
        continue;
      text = _jln_record_field_ptr (record, &info->fields[i]);
      if (jln_text_is_empty (text))
        {
          (*n_empty)++;
          continue;
        }
      if (text->fr == NULL || text->en == NULL || text->fr[0] == '\0' || text->en[0] == '\0')
        g_error ("%s %s: the %s is in one language only: “%s”",
                 info->name, jln_record_get_id (record), info->fields[i].name,
                 text->fr != NULL ? text->fr : text->en);
      (*n_texts)++;
    }

  for (guint i = 0; i < info->n_children; i++)
    {
      GListModel *children = jln_record_get_children (record, info->children[i]);

      for (guint j = 0; j < g_list_model_get_n_items (children); j++)
        {
          g_autoptr(JlnRecord) child = g_list_model_get_item (children, j);

          check_translations (child, n_texts, n_empty);
        }
    }
}

static void
test_translations (Fixture       *f,
                   gconstpointer  data)
{
  GListModel *units = jln_plan_get_units (f->plan);
  guint n_texts = 0, n_empty = 0;

  check_translations (JLN_RECORD (f->plan), &n_texts, &n_empty);
  g_assert_cmpuint (n_texts, >, 300);

  /* Whatever the source gives a title has one, in both languages. */
  g_assert_false (jln_text_is_empty (jln_plan_get_title (f->plan)));
  for (guint i = 0; i < g_list_model_get_n_items (jln_plan_get_objectives (f->plan)); i++)
    {
      JlnObjective *objective = get_objective (f, i);
      GListModel *actions = jln_objective_get_actions (objective);

      g_assert_false (jln_text_is_empty (jln_objective_get_title (objective)));
      for (guint j = 0; j < g_list_model_get_n_items (actions); j++)
        {
          g_autoptr(JlnAction) action = g_list_model_get_item (actions, j);
          GListModel *items = jln_action_get_items (action);

          if (jln_text_is_empty (jln_action_get_title (action)))
            g_error ("action %s has no title", jln_action_get_number (action));
          for (guint k = 0; k < g_list_model_get_n_items (items); k++)
            {
              g_autoptr(JlnActionItem) item = g_list_model_get_item (items, k);

              g_assert_false (jln_text_is_empty (jln_action_item_get_title (item)));
            }
        }
    }

  /* Every unit has a full name but DIS, which the source never spells out. */
  g_assert_cmpuint (g_list_model_get_n_items (units), ==, 17);
  for (guint i = 0; i < g_list_model_get_n_items (units); i++)
    {
      g_autoptr(JlnUnit) unit = g_list_model_get_item (units, i);
      gboolean is_dis = g_str_equal (jln_unit_get_code (unit), "DIS");

      if (jln_text_is_empty (jln_unit_get_name (unit)) != is_dis)
        g_error ("unit %s: %s", jln_unit_get_code (unit),
                 is_dis ? "has a name the source does not give" : "has no name");
    }
}

/* --- Against the source -------------------------------------------------- */

static void
test_spot_checks (Fixture       *f,
                  gconstpointer  data)
{
  JlnAction *action;
  JlnActionItem *item;

  /* 1.4 Obtenir un logiciel … — En cours, 2 nd sem. 2022, RH */
  action = get_action (f, "1.4");
  g_assert_true (g_str_has_prefix (jln_action_get_title (action)->fr, "Obtenir un logiciel"));
  g_assert_cmpint (jln_action_get_status (action), ==, JLN_STATUS_IN_PROGRESS);
  g_assert_cmpuint (jln_action_get_due (action), ==, semester ("2022-S2"));
  assert_unit_codes (jln_action_get_units (action), (const char *[]) { "RH", NULL });

  /* 1.3 — Délégations régionales (RH), 2 nd sem. 2024 */
  action = get_action (f, "1.3");
  g_assert_cmpuint (jln_action_get_due (action), ==, semester ("2024-S2"));
  assert_unit_codes (jln_action_get_units (action),
                     (const char *[]) { "Délégations régionales", "RH", NULL });

  /* 1.1 — 2017, RH, DISC, DESP */
  action = get_action (f, "1.1");
  g_assert_cmpint (jln_action_get_status (action), ==, JLN_STATUS_DONE);
  assert_completion (jln_action_get_completion (action), "2017");
  assert_unit_codes (jln_action_get_units (action),
                     (const char *[]) { "RH", "DISC", "DESP", NULL });

  /* 1.8 — a. 1 st sem. 2022, b. 2 nd sem. 2022 */
  action = get_action (f, "1.8");
  g_assert_cmpint (jln_action_get_status (action), ==, JLN_STATUS_IN_PROGRESS);
  g_assert_cmpuint (g_list_model_get_n_items (jln_action_get_items (action)), ==, 2);
  item = get_item (action, 0, "a");
  g_assert_cmpstr (jln_action_item_get_title (item)->fr, ==, "pour les CRCN");
  g_assert_cmpuint (jln_action_item_get_due (item), ==, semester ("2022-S1"));
  item = get_item (action, 1, "b");
  g_assert_cmpstr (jln_action_item_get_title (item)->fr, ==, "pour les directeurs de recherche");
  g_assert_cmpuint (jln_action_item_get_due (item), ==, semester ("2022-S2"));

  /* 2.3 — a. 2017, b. plus à réaliser */
  action = get_action (f, "2.3");
  item = get_item (action, 0, "a");
  g_assert_cmpint (jln_action_item_get_status (item), ==, JLN_STATUS_DONE);
  assert_completion (jln_action_item_get_completion (item), "2017");
  item = get_item (action, 1, "b");
  g_assert_cmpint (jln_action_item_get_status (item), ==, JLN_STATUS_DROPPED);
  g_assert_false (jln_completion_is_set (jln_action_item_get_completion (item)));

  /* 2.5 — Mise à jour, cf. 6.1-6.14 — DIS, RH */
  action = get_action (f, "2.5");
  g_assert_cmpint (jln_action_get_status (action), ==, JLN_STATUS_SUPERSEDED);
  assert_references (action, "6.1-6.14");
  assert_unit_codes (jln_action_get_units (action), (const char *[]) { "DIS", "RH", NULL });

  /* 4.5 — Mise à jour, cf. 4.9-4.10 — 1 st sem. 2022 */
  action = get_action (f, "4.5");
  g_assert_cmpint (jln_action_get_status (action), ==, JLN_STATUS_SUPERSEDED);
  assert_references (action, "4.9-4.10");
  g_assert_cmpuint (jln_action_get_due (action), ==, semester ("2022-S1"));

  /* 3.6 and 3.7 — COVID-19, done though not in the previous plan */
  action = get_action (f, "3.6");
  g_assert_cmpint (jln_action_get_status (action), ==, JLN_STATUS_DONE_NEW);
  assert_completion (jln_action_get_completion (action), "2020");
  action = get_action (f, "3.7");
  g_assert_cmpint (jln_action_get_status (action), ==, JLN_STATUS_DONE_NEW);
  assert_completion (jln_action_get_completion (action), "2019-2020");
  g_assert_cmpint (jln_completion_get_kind (jln_action_get_completion (action)), ==,
                   JLN_COMPLETION_RANGE);

  /* 4.1 — Action revue */
  action = get_action (f, "4.1");
  g_assert_cmpint (jln_action_get_status (action), ==, JLN_STATUS_REVISED);
  g_assert_cmpuint (g_list_model_get_n_items (jln_action_get_items (action)), ==, 2);

  /* 4.12 — PCN EG* (the star is a footnote mark) */
  assert_unit_codes (jln_action_get_units (get_action (f, "4.12")),
                     (const char *[]) { "PCN EG", NULL });

  /* 5.3 — DuoDay, 2020, Prochain DuoDay : 2 nd sem. 2022 */
  action = get_action (f, "5.3");
  assert_completion (jln_action_get_completion (action), "2020");
  g_assert_cmpint (jln_action_get_recurrence (action), ==, JLN_RECURRENCE_YEARLY);
  g_assert_cmpuint (jln_action_get_next (action), ==, semester ("2022-S2"));

  /* A.1 — from 2021 — and A.3 — every year — are yearly, not one-off
   * actions: never overdue, whatever the day. */
  {
    g_autoptr(JlnQuery) overdue = jln_query_parse ("overdue", NULL);
    static const struct { const char *number, *start; } yearly[] = { { "A.1", "2021-S1" }, { "A.3", "2022-S1" } };

    for (guint i = 0; i < G_N_ELEMENTS (yearly); i++)
      {
        action = get_action (f, yearly[i].number);
        g_assert_cmpint (jln_action_get_recurrence (action), ==, JLN_RECURRENCE_YEARLY);
        g_assert_cmpuint (jln_action_get_start (action), ==, semester (yearly[i].start));
        g_assert_cmpuint (jln_action_get_next (action), ==, semester ("2023-S2"));
        g_assert_cmpuint (jln_action_get_due (action), ==, JLN_SEMESTER_NONE);
        g_assert_false (jln_query_match (overdue, action, semester ("2026-S2")));
      }
    /* A one-off action of the group past its semester is. */
    g_assert_true (jln_query_match (overdue, get_action (f, "A.2"), semester ("2026-S2")));
  }

  /* The main actions restate measures of axes I to IV: their group says so. */
  {
    JlnObjective *group = get_objective (f, 12);

    g_assert_cmpstr (jln_objective_get_number (group), ==, "A");
    g_assert_nonnull (strstr (jln_objective_get_description (group)->en, "not one more action"));
    g_assert_nonnull (strstr (jln_objective_get_description (group)->fr, "n’est pas une action de plus"));
  }

  /* 7.1 — a. 2019, b. 2019, c. En cours, 2 nd sem. 2022 */
  action = get_action (f, "7.1");
  assert_completion (jln_action_item_get_completion (get_item (action, 0, "a")), "2019");
  assert_completion (jln_action_item_get_completion (get_item (action, 1, "b")), "2019");
  item = get_item (action, 2, "c");
  g_assert_cmpint (jln_action_item_get_status (item), ==, JLN_STATUS_IN_PROGRESS);
  g_assert_cmpuint (jln_action_item_get_due (item), ==, semester ("2022-S2"));

  /* 8.3 — the internal evaluation for the renewal, 2022, nobody named */
  action = get_action (f, "8.3");
  assert_completion (jln_action_get_completion (action), "2022");
  g_assert_cmpuint (jln_action_get_units (action)->len, ==, 0);

  /* RH — Département des Ressources Humaines */
  {
    GListModel *units = jln_plan_get_units (f->plan);
    gboolean found = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (units); i++)
      {
        g_autoptr(JlnUnit) unit = g_list_model_get_item (units, i);

        if (!g_str_equal (jln_unit_get_code (unit), "RH"))
          continue;
        g_assert_false (found);
        found = TRUE;
        g_assert_cmpstr (jln_unit_get_name (unit)->fr, ==, "Département des Ressources Humaines");
      }
    g_assert_true (found);
  }
}

/* What the status says agrees with the dates, for every HRS4R action. */
static void
test_dates_agree (Fixture       *f,
                  gconstpointer  data)
{
  for (guint i = 0; i < 8; i++)
    {
      GListModel *actions = jln_objective_get_actions (get_objective (f, i));

      for (guint j = 0; j < g_list_model_get_n_items (actions); j++)
        {
          g_autoptr(JlnAction) action = g_list_model_get_item (actions, j);
          const JlnCompletion *completion = jln_action_get_completion (action);
          JlnStatus status = jln_action_get_status (action);

          g_test_message ("action %s", jln_action_get_number (action));
          if (status == JLN_STATUS_IN_PROGRESS)
            {
              /* "En cours", due between 1 st sem. 2022 and 2 nd sem. 2024. */
              g_assert_false (jln_completion_is_set (completion));
              g_assert_cmpuint (jln_action_get_due (action), >=, semester ("2022-S1"));
              g_assert_cmpuint (jln_action_get_due (action), <=, semester ("2024-S2"));
            }
          else if (jln_status_is_done (status))
            {
              /* Carried out between the first plan and the review. */
              g_assert_true (jln_completion_is_set (completion));
              g_assert_cmpuint (jln_completion_get_first (completion), >=, semester ("2017-S1"));
              g_assert_cmpuint (jln_completion_get_last (completion), <=, semester ("2022-S2"));
            }
        }
    }
}

static void
test_check_bundled_warnings (Fixture       *f,
                             gconstpointer  data)
{
  static const char * const expected[] = {
    "action 2.5 refers to 6.1-6.14, but 6.5, 6.6, 6.7, 6.8, 6.9, 6.10, 6.11, 6.12, 6.13, 6.14 "
      "are not actions of the plan",
    "unit DIS has no full name",
    "unit RIO is responsible for no action",
  };
  static const char * const unexpected[] = {
    "given to more than one action",
    "is done but has no completion date",
    "is superseded but does not say",
    "outside 0–100",
    "one language only",
    "4.9-4.10",
    "unit RH ",
    "unit DIS is responsible",
  };
  g_autoptr(GPtrArray) warnings = jln_plan_check (f->plan);

  for (guint i = 0; i < warnings->len; i++)
    g_test_message ("%s", (const char *) g_ptr_array_index (warnings, i));

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; j < warnings->len && !found; j++)
        found = g_str_equal (g_ptr_array_index (warnings, j), expected[i]);
      if (!found)
        g_error ("no warning “%s”", expected[i]);
    }

  for (guint i = 0; i < G_N_ELEMENTS (unexpected); i++)
    for (guint j = 0; j < warnings->len; j++)
      if (strstr (g_ptr_array_index (warnings, j), unexpected[i]) != NULL)
        g_error ("unexpected warning “%s”", (const char *) g_ptr_array_index (warnings, j));
}

/* The French texts are written as the interface writes French: a
 * typographic apostrophe, and accented capitals (Égalité, Évaluation). */
static void
test_french_typography (void)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRegex) fr = g_regex_new ("\"fr\":\\s*\"((?:[^\"\\\\]|\\\\.)*)\"", 0, 0, NULL);
  g_autoptr(GRegex) capitals = g_regex_new ("(?<!\\w)E(galit|valuat|tabliss|crire|largir)", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  guint n = 0;

  g_assert_true (g_file_get_contents (JLN_TEST_BUNDLED_PLAN, &text, NULL, &error));
  g_assert_no_error (error);
  for (g_regex_match (fr, text, 0, &match); g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      g_autofree char *value = g_match_info_fetch (match, 1);

      if (strchr (value, '\'') != NULL || g_regex_match (capitals, value, 0, NULL))
        g_error ("not written as French is: %s", value);
      n++;
    }
  g_assert_cmpuint (n, >, 300);
}

/* Every text of the plan uses typographic quotes and apostrophes, as the
 * interface does: no straight ' or ", French guillemets with no-break
 * spaces inside, and no unaccented capital in "Égalité" (nor, in French,
 * "Évaluation"). */
static void
test_typography (void)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRegex) value = g_regex_new ("\"(fr|en)\":\\s*\"((?:[^\"\\\\]|\\\\.)*)\"", 0, 0, NULL);
  g_autoptr(GRegex) capitals = g_regex_new ("(?<!\\w)E(gal|valu)", 0, 0, NULL);
  g_autoptr(GRegex) spaced = g_regex_new ("«(?!\u00a0)|(?<!\u00a0)»", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  guint n = 0;

  g_assert_true (g_file_get_contents (JLN_TEST_BUNDLED_PLAN, &text, NULL, &error));
  g_assert_no_error (error);
  for (g_regex_match (value, text, 0, &match); g_match_info_matches (match);
       g_match_info_next (match, NULL))
    {
      g_autofree char *language = g_match_info_fetch (match, 1);
      g_autofree char *escaped = g_match_info_fetch (match, 2);
      g_autofree char *found = g_strcompress (escaped);
      gboolean french = g_str_equal (language, "fr");

      if (strchr (found, '\'') != NULL || strchr (found, '"') != NULL)
        g_error ("a straight quote or apostrophe: %s", found);
      if (french && g_regex_match (spaced, found, 0, NULL))
        g_error ("guillemets without no-break spaces: %s", found);
      if (french ? g_regex_match (capitals, found, 0, NULL) : strstr (found, "Egal") != NULL)
        g_error ("an unaccented capital: %s", found);
      n++;
    }
  g_assert_cmpuint (n, >, 600);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/core/bundled/hrs4r-objectives", test_hrs4r_objectives);
  ADD ("/core/bundled/gep-axes", test_gep_axes);
  ADD ("/core/bundled/indicators", test_indicators);
  ADD ("/core/bundled/milestones", test_milestones);
  ADD ("/core/bundled/principles", test_principles);
  ADD ("/core/bundled/translations", test_translations);
  ADD ("/core/bundled/spot-checks", test_spot_checks);
  ADD ("/core/bundled/dates-agree", test_dates_agree);
  ADD ("/core/check/bundled-warnings", test_check_bundled_warnings);
#undef ADD
  g_test_add_func ("/core/bundled/french-typography", test_french_typography);
  g_test_add_func ("/core/bundled/typography", test_typography);

  return g_test_run ();
}
