/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The speed of the core on a large plan: 100 000 actions in 8 objectives,
 * 265 units, French and English text. Each phase runs in a process of its
 * own, so that the peak memory printed is that phase's alone. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <glib/gstdio.h>

#include "jln-action.h"
#include "jln-document.h"
#include "jln-json.h"
#include "jln-objective.h"
#include "jln-query.h"

#define N_ACTIONS    100000
#define N_OBJECTIVES 8
#define N_UNITS      265

static const char * const words_fr[] = {
  "améliorer", "recrutement", "chercheurs", "égalité", "professionnelle", "carrière",
  "formation", "délégations", "régionales", "handicap", "accompagnement", "évaluation",
  "mobilité", "internationale", "conditions", "travail", "risques", "psychosociaux",
  "intégrité", "scientifique", "diffusion", "offres", "d'emploi", "parentalité",
  "sensibiliser", "directeurs", "d'unité", "genre", "site", "plateforme", "guide",
  "mettre", "en", "place", "un", "groupe", "de", "des", "les", "la", "pour", "et",
};
static const char * const words_en[] = {
  "improve", "recruitment", "researchers", "gender", "equality", "career", "training",
  "regional", "offices", "disability", "support", "evaluation", "mobility",
  "international", "working", "conditions", "psychosocial", "risks", "integrity",
  "scientific", "job", "offers", "parenthood", "raise", "awareness", "unit",
  "directors", "website", "platform", "guide", "set", "up", "a", "group", "of", "the",
  "for", "and",
};
static const char * const statuses[] = {
  "planned", "in-progress", "in-progress", "done", "done", "done-new", "revised",
  "superseded", "dropped",
};

static char *
uuid_for (const char *kind,
          guint       n)
{
  /* Stable ids, so that runs compare. */
  g_autofree char *name = g_strdup_printf ("%s-%u", kind, n);
  g_autofree char *sum = g_compute_checksum_for_string (G_CHECKSUM_MD5, name, -1);

  return g_strdup_printf ("%.8s-%.4s-4%.3s-8%.3s-%.12s", sum, sum + 8, sum + 13, sum + 17, sum + 20);
}

static void
append_sentence (GString            *out,
                 GRand              *rand,
                 const char * const *words,
                 guint               n_words)
{
  guint length = g_rand_int_range (rand, 8, 20);

  for (guint i = 0; i < length; i++)
    {
      if (i > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, words[g_rand_int_range (rand, 0, n_words)]);
    }
}

static void
append_text (GString *out,
             GRand   *rand)
{
  g_string_append (out, "{\"fr\": \"");
  append_sentence (out, rand, words_fr, G_N_ELEMENTS (words_fr));
  g_string_append (out, "\", \"en\": \"");
  append_sentence (out, rand, words_en, G_N_ELEMENTS (words_en));
  g_string_append (out, "\"}");
}

static char *
generate (guint n_actions)
{
  GString *out = g_string_sized_new (64 * 1024 * 1024);
  g_autoptr(GRand) rand = g_rand_new_with_seed (2022);
  g_autofree char *plan_id = uuid_for ("plan", 0);
  guint action = 0;

  g_string_append_printf (out, "{\"format\": \"jalons-plan\", \"version\": 1, \"id\": \"%s\",\n"
                               "\"title\": {\"fr\": \"Plan généré\", \"en\": \"Generated plan\"},\n"
                               "\"units\": [\n", plan_id);
  for (guint u = 0; u < N_UNITS; u++)
    {
      g_autofree char *id = uuid_for ("unit", u);

      g_string_append_printf (out, "%s{\"id\": \"%s\", \"code\": \"U%u\", \"name\": ",
                              u > 0 ? ",\n" : "", id, u + 1);
      append_text (out, rand);
      g_string_append_c (out, '}');
    }
  g_string_append (out, "],\n\"objectives\": [\n");

  for (guint o = 0; o < N_OBJECTIVES; o++)
    {
      g_autofree char *objective_id = uuid_for ("objective", o);
      guint n = n_actions / N_OBJECTIVES + (o < n_actions % N_OBJECTIVES);

      g_string_append_printf (out, "%s{\"id\": \"%s\", \"programme\": \"hrs4r\", \"number\": \"%u\", \"title\": ",
                              o > 0 ? ",\n" : "", objective_id, o + 1);
      append_text (out, rand);
      g_string_append (out, ", \"actions\": [\n");
      for (guint a = 0; a < n; a++, action++)
        {
          g_autofree char *id = uuid_for ("action", action);
          const char *status = statuses[g_rand_int_range (rand, 0, G_N_ELEMENTS (statuses))];
          guint year = g_rand_int_range (rand, 2017, 2026);
          guint n_units = g_rand_int_range (rand, 1, 4);

          g_string_append_printf (out, "%s{\"id\": \"%s\", \"number\": \"%u.%u\", \"title\": ",
                                  a > 0 ? ",\n" : "", id, o + 1, a + 1);
          append_text (out, rand);
          g_string_append_printf (out, ", \"status\": \"%s\"", status);
          if (g_str_has_prefix (status, "done"))
            g_string_append_printf (out, ", \"completion\": \"%u\"", year);
          else
            g_string_append_printf (out, ", \"due\": \"%u-S%d\"", year, g_rand_int_range (rand, 1, 3));
          g_string_append (out, ", \"units\": [");
          for (guint u = 0; u < n_units; u++)
            {
              g_autofree char *unit = uuid_for ("unit", (action * 7 + u * 31) % N_UNITS);

              g_string_append_printf (out, "%s\"%s\"", u > 0 ? ", " : "", unit);
            }
          g_string_append_c (out, ']');
          if (action % 10 == 0)
            {
              g_string_append (out, ", \"items\": [");
              for (guint i = 0; i < 3; i++)
                {
                  g_autofree char *item = uuid_for ("item", action * 3 + i);

                  g_string_append_printf (out, "%s{\"id\": \"%s\", \"label\": \"%c\", \"title\": ",
                                          i > 0 ? ", " : "", item, 'a' + i);
                  append_text (out, rand);
                  g_string_append_printf (out, ", \"due\": \"%u-S1\"}", year);
                }
              g_string_append_c (out, ']');
            }
          g_string_append_c (out, '}');
        }
      g_string_append (out, "]}");
    }
  g_string_append (out, "]}\n");
  return g_string_free (out, FALSE);
}

static double
peak_mb (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;
}

/* What the process holds now, in MB: a search must not leave memory
 * behind, which the peak of opening the plan hides. */
static double
resident_mb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, "VmRSS:")) == NULL)
    return 0;
  return g_ascii_strtod (line + strlen ("VmRSS:"), NULL) / 1024.0;
}

static double
since_ms (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
report (const char *phase,
        double      ms,
        double      target_ms)
{
  g_print ("%-34s %9.1f ms  (target <= %.0f ms)  peak %6.1f MB  %s\n",
           phase, ms, target_ms, peak_mb (), ms <= target_ms ? "ok" : "SLOW");
}

static int
run_phase (const char *phase,
           const char *dir)
{
  g_autofree char *json = g_build_filename (dir, "plan.json", NULL);
  g_autofree char *jalons = g_build_filename (dir, "plan.jalons", NULL);
  g_autoptr(GError) error = NULL;
  gint64 start;

  if (g_str_equal (phase, "import"))
    {
      g_autoptr(JlnDocument) document = NULL;

      start = g_get_monotonic_time ();
      document = jln_document_import (json, jalons, &error);
      g_assert_no_error (error);
      report ("import JSON to a new plan file", since_ms (start), 1500);
    }
  else if (g_str_equal (phase, "open"))
    {
      g_autoptr(JlnDocument) document = NULL;

      start = g_get_monotonic_time ();
      document = jln_document_open (jalons, &error);
      g_assert_no_error (error);
      report ("open plan file into the model", since_ms (start), 500);
    }
  else if (g_str_equal (phase, "export"))
    {
      g_autoptr(JlnDocument) document = jln_document_open (jalons, &error);
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *out = g_build_filename (dir, "export.json", NULL);

      g_assert_no_error (error);
      start = g_get_monotonic_time ();
      bytes = jln_json_write_plan (jln_document_get_plan (document));
      g_assert_true (jln_write_file_atomically (out, g_bytes_get_data (bytes, NULL),
                                                g_bytes_get_size (bytes), &error));
      report ("export to JSON", since_ms (start), 1500);
    }
  else if (g_str_equal (phase, "filter"))
    {
      static const char * const queries[] = {
        "recrutement", "recrutement égalité", "unit:U7 status:in-progress due:2022",
        "egalite -status:done", "due:>=2020", "objective:4 overdue",
      };
      g_autoptr(JlnDocument) document = jln_document_open (jalons, &error);
      GListModel *objectives;
      g_autoptr(GPtrArray) actions = g_ptr_array_new_with_free_func (g_object_unref);
      JlnSemester today = jln_semester_new (2022, 2);
      double resident;

      g_assert_no_error (error);
      objectives = jln_plan_get_objectives (jln_document_get_plan (document));
      for (guint i = 0; i < g_list_model_get_n_items (objectives); i++)
        {
          g_autoptr(JlnObjective) objective = g_list_model_get_item (objectives, i);
          GListModel *list = jln_objective_get_actions (objective);

          for (guint j = 0; j < g_list_model_get_n_items (list); j++)
            g_ptr_array_add (actions, g_list_model_get_item (list, j));
        }

      resident = resident_mb ();
      for (guint round = 0; round < 2; round++)
        for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
          {
            g_autoptr(JlnQuery) query = NULL;
            g_autofree char *label = NULL;
            guint matched = 0;

            start = g_get_monotonic_time ();
            query = jln_query_parse (queries[q], &error);
            g_assert_no_error (error);
            for (guint i = 0; i < actions->len; i++)
              matched += jln_query_match (query, g_ptr_array_index (actions, i), today);
            /* The first query builds the search text of every action. */
            label = g_strdup_printf ("filter %s'%s' (%u)", round == 0 && q == 0 ? "(first) " : "",
                                     queries[q], matched);
            if (round == 1 || q == 0)
              report (label, since_ms (start), round == 0 ? 250 : 16);
          }
      g_print ("resident after searching: %.1f MB, %+.1f MB\n", resident_mb (),
               resident_mb () - resident);
    }
  else
    return EXIT_FAILURE;
  return EXIT_SUCCESS;
}

int
main (int   argc,
      char *argv[])
{
  static const char * const phases[] = { "import", "open", "export", "filter" };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *json = NULL;
  g_autofree char *path = NULL;
  gint64 start;

  if (argc == 4 && g_str_equal (argv[1], "--phase"))
    return run_phase (argv[2], argv[3]);
  if ((argc == 3 || argc == 4) && g_str_equal (argv[1], "--generate"))
    {
      /* For profiling a phase by hand. */
      json = generate (argc == 4 ? (guint) g_ascii_strtoull (argv[3], NULL, 10) : N_ACTIONS);
      return g_file_set_contents (argv[2], json, -1, NULL) ? EXIT_SUCCESS : EXIT_FAILURE;
    }

  dir = g_dir_make_tmp ("jalons-bench-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "plan.json", NULL);

  start = g_get_monotonic_time ();
  json = generate (N_ACTIONS);
  g_assert_true (g_file_set_contents (path, json, -1, &error));
  g_print ("generated %d actions, %d units: %.1f MB of JSON in %.0f ms\n",
           N_ACTIONS, N_UNITS, strlen (json) / 1e6, since_ms (start));
  g_clear_pointer (&json, g_free);

  for (guint i = 0; i < G_N_ELEMENTS (phases); i++)
    {
      const char *child_argv[] = { argv[0], "--phase", phases[i], dir, NULL };
      int status;

      if (!g_spawn_sync (NULL, (char **) child_argv, NULL, G_SPAWN_CHILD_INHERITS_STDIN,
                         NULL, NULL, NULL, NULL, &status, &error) ||
          !g_spawn_check_wait_status (status, &error))
        {
          g_printerr ("phase %s failed: %s\n", phases[i], error->message);
          return EXIT_FAILURE;
        }
    }

  {
    const char *names[] = { "plan.json", "plan.jalons", "export.json", NULL };

    for (guint i = 0; names[i] != NULL; i++)
      {
        g_autofree char *file = g_build_filename (dir, names[i], NULL);

        g_remove (file);
      }
    g_rmdir (dir);
  }
  return EXIT_SUCCESS;
}
