/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include "jln-gettext.h"

#include "jln-action.h"
#include "jln-action-item.h"
#include "jln-i18n.h"
#include "jln-indicator.h"
#include "jln-measurement.h"
#include "jln-milestone.h"
#include "jln-narrative.h"
#include "jln-objective.h"
#include "jln-plan-doc.h"
#include "jln-principle.h"
#include "jln-section.h"
#include "jln-target.h"
#include "jln-text.h"
#include "jln-unit.h"

/* The words of a document follow its language, not the interface's. */
#define T(msgid) jln_translate (lang, msgid)

static const char *kind_names[] = {
  [JLN_PLAN_DOC_ACTIONS] = "actions",
  [JLN_PLAN_DOC_EC] = "ec",
  [JLN_PLAN_DOC_GEP] = "gep",
  [JLN_PLAN_DOC_PRINCIPLES] = "principles",
  [JLN_PLAN_DOC_REVIEW] = "review",
};

gboolean
jln_plan_doc_kind_from_string (const char     *text,
                               JlnPlanDocKind *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    if (g_strcmp0 (text, kind_names[i]) == 0)
      {
        *kind = i;
        return TRUE;
      }
  return FALSE;
}

const char *
jln_plan_doc_kind_to_string (JlnPlanDocKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (kind_names), NULL);
  return kind_names[kind];
}

typedef struct
{
  JlnDoc     *doc;
  JlnPlan    *plan;
  JlnQuery   *query;
  JlnLang     lang;
  JlnSemester today;
  guint       done;
  guint       total;
  gboolean    in_review;   /* a part of the internal review, under its title */
} Writer;

static const char *
text_of (const Writer  *w,
         const JlnText *text)
{
  const char *value = jln_text_get_fallback (text, w->lang, NULL);

  return value != NULL ? value : "";
}

static gboolean
matches (const Writer *w,
         JlnAction    *action)
{
  return w->query == NULL || jln_query_match (w->query, action, w->today);
}

static void
count_progress (Writer *w)
{
  w->done++;
  if (w->done % 64 == 0 || w->done == w->total)
    jln_doc_report_progress (w->doc, w->done, w->total);
}

static guint
count_actions (JlnPlan *plan)
{
  GListModel *objectives = jln_plan_get_objectives (plan);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (objectives); i++)
    {
      g_autoptr(JlnObjective) objective = g_list_model_get_item (objectives, i);

      n += g_list_model_get_n_items (jln_objective_get_actions (objective));
    }
  return n;
}

static GListModel *
items_of (JlnAction *action)
{
  /* Most actions have no sub-items: no empty list is made for them. */
  return _jln_action_get_n_items (action) > 0 ? jln_action_get_items (action) : NULL;
}

static void
append_units (GString   *out,
              GPtrArray *units)
{
  for (guint i = 0; units != NULL && i < units->len; i++)
    {
      if (i > 0)
        g_string_append (out, ", ");
      g_string_append (out, jln_unit_get_code (g_ptr_array_index (units, i)));
    }
}

static void
add_line (GString    *out,
          const char *line)
{
  if (line == NULL || line[0] == '\0')
    return;
  if (out->len > 0)
    g_string_append_c (out, '\n');
  g_string_append (out, line);
}

/* The units of actions */

static void
mark_units (GHashTable *used,
            GPtrArray  *units)
{
  for (guint i = 0; units != NULL && i < units->len; i++)
    g_hash_table_add (used, g_ptr_array_index (units, i));
}

static gboolean
kind_takes (JlnPlanDocKind  kind,
            JlnObjective   *objective)
{
  JlnProgramme programme = jln_objective_get_programme (objective);

  switch (kind)
    {
    case JLN_PLAN_DOC_ACTIONS:
    case JLN_PLAN_DOC_EC:
    case JLN_PLAN_DOC_REVIEW:
      return programme == JLN_PROGRAMME_HRS4R;
    case JLN_PLAN_DOC_GEP:
      return programme == JLN_PROGRAMME_GEP;
    case JLN_PLAN_DOC_PRINCIPLES:
    default:
      return TRUE;
    }
}

/**
 * jln_plan_doc_get_used_units:
 *
 * Returns: (transfer container) (element-type JlnUnit): the units
 */
GPtrArray *
jln_plan_doc_get_used_units (JlnPlan        *plan,
                             JlnPlanDocKind  kind,
                             JlnQuery       *query,
                             JlnSemester     today)
{
  g_autoptr(GHashTable) used = g_hash_table_new (NULL, NULL);
  GListModel *objectives = jln_plan_get_objectives (plan);
  GListModel *units = jln_plan_get_units (plan);
  GPtrArray *result = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (objectives); i++)
    {
      g_autoptr(JlnObjective) objective = g_list_model_get_item (objectives, i);
      GListModel *actions = jln_objective_get_actions (objective);

      if (!kind_takes (kind, objective))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (actions); j++)
        {
          g_autoptr(JlnAction) action = g_list_model_get_item (actions, j);
          GListModel *items = items_of (action);

          if (query != NULL && !jln_query_match (query, action, today))
            continue;
          mark_units (used, jln_action_get_units (action));
          for (guint k = 0; items != NULL && k < g_list_model_get_n_items (items); k++)
            {
              g_autoptr(JlnActionItem) item = g_list_model_get_item (items, k);

              mark_units (used, jln_action_item_get_units (item));
            }
        }
    }
  for (guint i = 0; i < g_list_model_get_n_items (units); i++)
    {
      JlnUnit *unit = g_list_model_get_item (units, i);

      if (g_hash_table_contains (used, unit))
        g_ptr_array_add (result, unit);
      else
        g_object_unref (unit);
    }
  return result;
}

static void
write_abbreviations (Writer         *w,
                     JlnPlanDocKind  kind)
{
  JlnLang lang = w->lang;
  g_autoptr(GPtrArray) units = jln_plan_doc_get_used_units (w->plan, kind, w->query, w->today);

  if (units->len == 0)
    return;
  jln_doc_paragraph (w->doc, JLN_DOC_STYLE_SUBHEADING, T (N_("Abbreviations used")), 0);
  for (guint i = 0; i < units->len; i++)
    {
      JlnUnit *unit = g_ptr_array_index (units, i);
      const char *name = text_of (w, jln_unit_get_name (unit));

      jln_doc_paragraph_begin (w->doc, JLN_DOC_STYLE_BULLET);
      jln_doc_text (w->doc, jln_unit_get_code (unit), JLN_DOC_EMPHASIS_BOLD);
      if (name[0] != '\0' && g_strcmp0 (name, jln_unit_get_code (unit)) != 0)
        {
          /* Translators: between an abbreviation and what it stands for,
           * "RH : Département des Ressources Humaines" in French. */
          jln_doc_text (w->doc, T (N_(": ")), 0);
          jln_doc_text (w->doc, name, 0);
        }
      jln_doc_paragraph_end (w->doc);
    }
}

/* The action-plan table, in the layout of the internal review:
 * Objectives | N° | How? | Done when? | To do when? | Who? */

static const double action_widths[] = { 0.13, 0.06, 0.47, 0.11, 0.11, 0.12 };

/* What the "Done when?" column says of a status, with no date. */
static char *
status_done_text (const Writer        *w,
                  JlnStatus            status,
                  const JlnCompletion *completion,
                  const JlnText       *note,
                  const char * const  *references)
{
  JlnLang lang = w->lang;
  const char *note_text = note != NULL ? jln_text_get_fallback (note, lang, NULL) : NULL;

  switch (status)
    {
    case JLN_STATUS_DONE:
    case JLN_STATUS_DONE_NEW:
      if (jln_completion_is_set (completion))
        return jln_completion_format (completion, lang);
      return g_strdup (T (N_("Done")));
    case JLN_STATUS_IN_PROGRESS:
      return g_strdup (T (N_("In progress")));
    case JLN_STATUS_REVISED:
      return g_strdup (note_text != NULL ? note_text : T (N_("Action revised")));
    case JLN_STATUS_SUPERSEDED:
      if (note_text != NULL)
        return g_strdup (note_text);
      if (references != NULL && references[0] != NULL)
        {
          g_autofree char *refs = g_strjoinv (", ", (char **) references);

          /* Translators: an action replaced by others, "Mise à jour, cf. 4.9-4.10". */
          return g_strdup_printf (T (N_("Updated, see %s")), refs);
        }
      return g_strdup (T (N_("Updated")));
    case JLN_STATUS_DROPPED:
      return g_strdup (note_text != NULL ? note_text : T (N_("No longer to be carried out")));
    case JLN_STATUS_PLANNED:
    default:
      return g_strdup ("");
    }
}

/* Whether the sub-items are carried out apart from their action, so that
 * each gets its own line in "Done when?". */
static gboolean
items_have_own_completion (JlnAction  *action,
                           GListModel *items)
{
  for (guint k = 0; items != NULL && k < g_list_model_get_n_items (items); k++)
    {
      g_autoptr(JlnActionItem) item = g_list_model_get_item (items, k);

      if (jln_action_item_get_status (item) != jln_action_get_status (action)
          || jln_completion_is_set (jln_action_item_get_completion (item)))
        return TRUE;
    }
  return FALSE;
}

/* Whether the sub-items have their own dates in "To do when?". */
static gboolean
items_have_own_dates (JlnAction  *action,
                      GListModel *items)
{
  for (guint k = 0; items != NULL && k < g_list_model_get_n_items (items); k++)
    {
      g_autoptr(JlnActionItem) item = g_list_model_get_item (items, k);

      if (jln_action_item_get_due (item) != JLN_SEMESTER_NONE)
        return TRUE;
    }
  return FALSE;
}

static gboolean
note_in_dates (JlnAction *action)
{
  JlnStatus status = jln_action_get_status (action);

  return status == JLN_STATUS_REVISED || status == JLN_STATUS_SUPERSEDED ||
         status == JLN_STATUS_DROPPED || jln_action_get_recurrence (action) != JLN_RECURRENCE_NONE;
}

static char *
action_done_text (const Writer *w,
                  JlnAction    *action,
                  GListModel   *items)
{
  g_autoptr(GString) out = g_string_new (NULL);

  if (!items_have_own_completion (action, items))
    {
      gboolean note_shown = note_in_dates (action)
                            && jln_action_get_recurrence (action) == JLN_RECURRENCE_NONE;
      const JlnText *note = note_shown ? jln_action_get_note (action) : NULL;

      return status_done_text (w, jln_action_get_status (action), jln_action_get_completion (action),
                               note, jln_action_get_references (action));
    }
  for (guint k = 0; k < g_list_model_get_n_items (items); k++)
    {
      g_autoptr(JlnActionItem) item = g_list_model_get_item (items, k);
      g_autofree char *text = status_done_text (w, jln_action_item_get_status (item),
                                                jln_action_item_get_completion (item), NULL, NULL);
      g_autofree char *line = NULL;

      if (text[0] == '\0')
        continue;
      line = g_strdup_printf ("%s. %s", jln_action_item_get_label (item), text);
      add_line (out, line);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
action_todo_text (const Writer *w,
                  JlnAction    *action,
                  GListModel   *items)
{
  JlnLang lang = w->lang;
  g_autoptr(GString) out = g_string_new (NULL);
  JlnStatus status = jln_action_get_status (action);

  if (jln_action_get_recurrence (action) != JLN_RECURRENCE_NONE)
    {
      const char *note = jln_text_get_fallback (jln_action_get_note (action), lang, NULL);
      g_autofree char *next = jln_semester_format (jln_action_get_next (action),
                                                   JLN_SEMESTER_STYLE_LONG, lang);

      if (note != NULL)
        return g_strdup (note);
      if (next[0] != '\0')
        /* Translators: the next time a yearly action takes place. */
        return g_strdup_printf (T (N_("Next: %s")), next);
    }
  if (items_have_own_dates (action, items))
    {
      for (guint k = 0; k < g_list_model_get_n_items (items); k++)
        {
          g_autoptr(JlnActionItem) item = g_list_model_get_item (items, k);
          g_autofree char *due = NULL;
          g_autofree char *line = NULL;

          if (jln_action_item_get_due (item) == JLN_SEMESTER_NONE
              || jln_status_is_done (jln_action_item_get_status (item)))
            continue;
          due = jln_semester_format (jln_action_item_get_due (item), JLN_SEMESTER_STYLE_LONG, lang);
          line = g_strdup_printf ("%s. %s", jln_action_item_get_label (item), due);
          add_line (out, line);
        }
      if (out->len > 0)
        return g_string_free (g_steal_pointer (&out), FALSE);
    }
  if (!jln_status_is_done (status) && status != JLN_STATUS_DROPPED && status != JLN_STATUS_REVISED)
    return jln_semester_format (jln_action_get_due (action), JLN_SEMESTER_STYLE_LONG, lang);
  return g_strdup ("");
}

static char *
action_who_text (JlnAction  *action,
                 GListModel *items)
{
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean own = FALSE;

  for (guint k = 0; items != NULL && k < g_list_model_get_n_items (items); k++)
    {
      g_autoptr(JlnActionItem) item = g_list_model_get_item (items, k);

      own = own || jln_action_item_get_units (item)->len > 0;
    }
  if (!own)
    {
      append_units (out, jln_action_get_units (action));
      return g_string_free (g_steal_pointer (&out), FALSE);
    }
  for (guint k = 0; k < g_list_model_get_n_items (items); k++)
    {
      g_autoptr(JlnActionItem) item = g_list_model_get_item (items, k);
      GPtrArray *units = jln_action_item_get_units (item);

      if (out->len > 0)
        g_string_append_c (out, '\n');
      g_string_append_printf (out, "%s. ", jln_action_item_get_label (item));
      append_units (out, units->len > 0 ? units : jln_action_get_units (action));
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Whether @text is one of the lines of @lines, whatever their case:
 * "b. No longer to be carried out" says the note "b. no longer to be
 * carried out". */
static gboolean
has_line (const char *lines,
          const char *text)
{
  g_auto(GStrv) split = g_strsplit (lines, "\n", -1);
  g_autofree char *folded = g_utf8_casefold (text, -1);

  for (guint i = 0; split[i] != NULL; i++)
    {
      g_autofree char *line = g_utf8_casefold (split[i], -1);

      if (g_utf8_collate (line, folded) == 0)
        return TRUE;
    }
  return FALSE;
}

/* The "How?" cell: the title, its sub-items a. b. c., the extension. A
 * note that the date columns do not carry is put before the title,
 * underlined, as the review does with "COVID-19 :". */
static void
write_how_cell (Writer      *w,
                JlnAction   *action,
                GListModel  *items,
                const char  *done_text,
                const char  *todo_text,
                JlnDocShade  shade)
{
  JlnLang lang = w->lang;
  const char *note = jln_text_get_fallback (jln_action_get_note (action), lang, NULL);
  const char *extension = jln_text_get_fallback (jln_action_get_extension (action), lang, NULL);
  const char *title = text_of (w, jln_action_get_title (action));

  jln_doc_cell_begin (w->doc, shade, 1, 1);
  jln_doc_paragraph_begin (w->doc, JLN_DOC_STYLE_CELL);
  /* A note that the title or the date columns already say is not said again. */
  if (note != NULL && !has_line (done_text, note) && !has_line (todo_text, note)
      && !g_str_has_prefix (title, note))
    {
      jln_doc_text (w->doc, note, JLN_DOC_EMPHASIS_UNDERLINE);
      jln_doc_text (w->doc, T (N_(": ")), 0);
    }
  jln_doc_text (w->doc, title, 0);
  jln_doc_paragraph_end (w->doc);
  for (guint k = 0; items != NULL && k < g_list_model_get_n_items (items); k++)
    {
      g_autoptr(JlnActionItem) item = g_list_model_get_item (items, k);
      g_autofree char *label = g_strdup_printf ("%s. ", jln_action_item_get_label (item));

      jln_doc_paragraph_begin (w->doc, JLN_DOC_STYLE_CELL);
      jln_doc_text (w->doc, label, 0);
      jln_doc_text (w->doc, text_of (w, jln_action_item_get_title (item)), 0);
      jln_doc_paragraph_end (w->doc);
    }
  if (extension != NULL)
    {
      jln_doc_paragraph_begin (w->doc, JLN_DOC_STYLE_CELL);
      /* Translators: what an action grew into, "Extension :" in the French review. */
      jln_doc_text (w->doc, jln_translate_context (lang, "action plan", NC_("action plan", "Extension")),
                    JLN_DOC_EMPHASIS_UNDERLINE);
      jln_doc_text (w->doc, T (N_(": ")), 0);
      jln_doc_text (w->doc, extension, 0);
      jln_doc_paragraph_end (w->doc);
    }
  jln_doc_cell_end (w->doc);
}

static void
write_action_header (Writer *w)
{
  JlnLang lang = w->lang;
  const char *titles[] = {
    T (N_("Objectives")),
    /* Translators: the column of action numbers, "N°" in French. */
    T (N_("No.")),
    T (N_("How?")),
    T (N_("Done when?")),
    T (N_("To do when?")),
    T (N_("Who?")),
  };

  jln_doc_header_begin (w->doc);
  jln_doc_row_begin (w->doc);
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    jln_doc_cell (w->doc, JLN_DOC_SHADE_HEADER, JLN_DOC_STYLE_CELL_HEADER, titles[i], 0);
  jln_doc_row_end (w->doc);
  jln_doc_header_end (w->doc);
}

static const char *
theme_of (const Writer *w,
          JlnAction    *action)
{
  return jln_text_get_fallback (jln_action_get_theme (action), w->lang, NULL);
}

/* The rows an objective's group takes: its actions and the theme
 * sub-headings between them. */
static guint
count_group_rows (Writer     *w,
                  GListModel *actions)
{
  const char *theme = NULL;
  guint rows = 0;

  for (guint j = 0; j < g_list_model_get_n_items (actions); j++)
    {
      g_autoptr(JlnAction) action = g_list_model_get_item (actions, j);
      const char *this_theme;

      if (!matches (w, action))
        continue;
      this_theme = theme_of (w, action);
      if (this_theme != NULL && g_strcmp0 (this_theme, theme) != 0)
        rows++;
      theme = this_theme;
      rows++;
    }
  return rows;
}

static void
write_objective_cell (Writer       *w,
                      JlnObjective *objective,
                      guint         rows)
{
  g_autofree char *title = g_strdup_printf ("%s. %s", jln_objective_get_number (objective),
                                            text_of (w, jln_objective_get_title (objective)));

  jln_doc_cell_begin (w->doc, JLN_DOC_SHADE_NONE, 1, rows);
  jln_doc_paragraph (w->doc, JLN_DOC_STYLE_CELL, title, JLN_DOC_EMPHASIS_BOLD);
  jln_doc_cell_end (w->doc);
}

static void
write_action_row (Writer       *w,
                  JlnObjective *objective,
                  guint         group_rows,
                  JlnAction    *action)
{
  GListModel *items = items_of (action);
  JlnDocShade shade = jln_doc_shade_for_status (jln_action_get_status (action));
  g_autofree char *number = g_strdup_printf ("%s.", jln_action_get_number (action));
  g_autofree char *done = action_done_text (w, action, items);
  g_autofree char *todo = action_todo_text (w, action, items);
  g_autofree char *who = action_who_text (action, items);

  jln_doc_row_begin (w->doc);
  if (objective != NULL)
    write_objective_cell (w, objective, group_rows);
  jln_doc_cell (w->doc, shade, JLN_DOC_STYLE_CELL, number, 0);
  write_how_cell (w, action, items, done, todo, shade);
  jln_doc_cell (w->doc, shade, JLN_DOC_STYLE_CELL, done, 0);
  jln_doc_cell (w->doc, shade, JLN_DOC_STYLE_CELL, todo, 0);
  jln_doc_cell (w->doc, shade, JLN_DOC_STYLE_CELL, who, 0);
  jln_doc_row_end (w->doc);
}

static void
write_nota_bene (Writer *w)
{
  JlnLang lang = w->lang;

  jln_doc_paragraph (w->doc, JLN_DOC_STYLE_BODY, T (N_("Nota Bene:")), JLN_DOC_EMPHASIS_BOLD);
  jln_doc_paragraph (w->doc, JLN_DOC_STYLE_BULLET,
                     T (N_("The actions in grey have been implemented;")), 0);
  jln_doc_paragraph (w->doc, JLN_DOC_STYLE_BULLET,
                     T (N_("The actions in green were not planned in the previous action plan "
                           "but have been implemented over the last 3 years;")),
                     0);
  jln_doc_paragraph (w->doc, JLN_DOC_STYLE_BULLET,
                     T (N_("The actions in white are in progress.")), 0);

  /* The legend as shaded cells too, for readers who go by the table. */
  {
    static const double widths[] = { 0.2, 0.8 };
    const struct { JlnDocShade shade; const char *label; const char *meaning; } rows[] = {
      { JLN_DOC_SHADE_DONE, T (N_("Grey")), T (N_("Implemented")) },
      { JLN_DOC_SHADE_DONE_NEW, T (N_("Green")),
        T (N_("Implemented though not in the previous action plan")) },
      { JLN_DOC_SHADE_NONE, T (N_("White")), T (N_("In progress, or to do")) },
    };

    jln_doc_table_begin (w->doc, 2, widths);
    for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
      {
        jln_doc_row_begin (w->doc);
        jln_doc_cell (w->doc, rows[i].shade, JLN_DOC_STYLE_CELL, rows[i].label, 0);
        jln_doc_cell (w->doc, JLN_DOC_SHADE_NONE, JLN_DOC_STYLE_CELL, rows[i].meaning, 0);
        jln_doc_row_end (w->doc);
      }
    jln_doc_table_end (w->doc);
  }
}

static void
write_title (Writer     *w,
             const char *document)
{
  if (!w->in_review)
    jln_doc_paragraph (w->doc, JLN_DOC_STYLE_TITLE, text_of (w, jln_plan_get_title (w->plan)), 0);
  jln_doc_paragraph (w->doc, JLN_DOC_STYLE_HEADING, document, 0);
  if (w->query != NULL && !jln_query_is_empty (w->query))
    {
      JlnLang lang = w->lang;
      /* Translators: under the title of a document made of some actions only. */
      g_autofree char *text = g_strdup_printf (T (N_("Actions that match “%s”")),
                                               jln_query_get_text (w->query));

      jln_doc_paragraph (w->doc, JLN_DOC_STYLE_BODY, text, JLN_DOC_EMPHASIS_ITALIC);
    }
}

static void
write_actions (Writer *w)
{
  JlnLang lang = w->lang;
  GListModel *objectives = jln_plan_get_objectives (w->plan);

  write_title (w, T (N_("Actions to implement")));
  write_nota_bene (w);
  write_abbreviations (w, JLN_PLAN_DOC_ACTIONS);

  for (guint i = 0; i < g_list_model_get_n_items (objectives) && !jln_doc_has_failed (w->doc); i++)
    {
      g_autoptr(JlnObjective) objective = g_list_model_get_item (objectives, i);
      GListModel *actions = jln_objective_get_actions (objective);
      guint rows;
      const char *theme = NULL;
      gboolean first = TRUE;

      if (!kind_takes (JLN_PLAN_DOC_ACTIONS, objective))
        {
          w->done += g_list_model_get_n_items (actions);
          continue;
        }
      rows = count_group_rows (w, actions);
      if (rows == 0)
        {
          w->done += g_list_model_get_n_items (actions);
          continue;
        }

      jln_doc_table_begin (w->doc, G_N_ELEMENTS (action_widths), action_widths);
      write_action_header (w);
      for (guint j = 0; j < g_list_model_get_n_items (actions) && !jln_doc_has_failed (w->doc); j++)
        {
          g_autoptr(JlnAction) action = g_list_model_get_item (actions, j);
          const char *this_theme;

          count_progress (w);
          if (!matches (w, action))
            continue;
          this_theme = theme_of (w, action);
          if (this_theme != NULL && g_strcmp0 (this_theme, theme) != 0)
            {
              jln_doc_row_begin (w->doc);
              if (first)
                write_objective_cell (w, objective, rows);
              first = FALSE;
              jln_doc_cell_begin (w->doc, JLN_DOC_SHADE_NONE, 5, 1);
              jln_doc_paragraph (w->doc, JLN_DOC_STYLE_CELL, this_theme, JLN_DOC_EMPHASIS_ITALIC);
              jln_doc_cell_end (w->doc);
              jln_doc_row_end (w->doc);
            }
          theme = this_theme;
          write_action_row (w, first ? objective : NULL, rows, action);
          first = FALSE;
        }
      jln_doc_table_end (w->doc);
    }
}

/* The European Commission's template:
 * Proposed actions | GAP principle(s) | Timing | Responsible unit | Indicator(s) / target(s) */

static const double ec_widths[] = { 0.34, 0.18, 0.14, 0.11, 0.23 };

/* The indicators that follow each action. */
static GHashTable *
index_indicators (JlnPlan *plan)
{
  GHashTable *index = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  GListModel *indicators = jln_plan_get_indicators (plan);

  for (guint i = 0; i < g_list_model_get_n_items (indicators); i++)
    {
      g_autoptr(JlnIndicator) indicator = g_list_model_get_item (indicators, i);
      GPtrArray *actions = jln_indicator_get_actions (indicator);

      for (guint j = 0; actions != NULL && j < actions->len; j++)
        {
          gpointer action = g_ptr_array_index (actions, j);
          GPtrArray *list = g_hash_table_lookup (index, action);

          if (list == NULL)
            {
              list = g_ptr_array_new_with_free_func (g_object_unref);
              g_hash_table_insert (index, action, list);
            }
          g_ptr_array_add (list, g_object_ref (indicator));
        }
    }
  return index;
}

static char *
format_value (const Writer *w,
              JlnIndicator *indicator,
              double        value)
{
  g_autofree char *number = fabs (value - round (value)) < 1e-9 ? g_strdup_printf ("%.0f", value)
                                                                 : g_strdup_printf ("%.1f", value);

  if (w->lang == JLN_LANG_FR)
    g_strdelimit (number, ".", ',');
  if (jln_indicator_get_kind (indicator) == JLN_INDICATOR_KIND_PERCENTAGE)
    return g_strdup_printf (w->lang == JLN_LANG_FR ? "%s\u00a0%%" : "%s%%", number);
  return g_steal_pointer (&number);
}

static char *
target_text (const Writer *w,
             JlnIndicator *indicator,
             JlnTarget    *target)
{
  const char *text = jln_text_get_fallback (jln_target_get_text (target), w->lang, NULL);

  if (text != NULL || jln_indicator_get_kind (indicator) == JLN_INDICATOR_KIND_TEXT)
    return g_strdup (text != NULL ? text : "");
  return format_value (w, indicator, jln_target_get_value (target));
}

static void
write_indicators_cell (Writer     *w,
                       GPtrArray  *indicators,
                       JlnAction  *action)
{
  JlnLang lang = w->lang;

  jln_doc_cell_begin (w->doc, JLN_DOC_SHADE_NONE, 1, 1);
  for (guint i = 0; indicators != NULL && i < indicators->len; i++)
    {
      JlnIndicator *indicator = g_ptr_array_index (indicators, i);
      GListModel *targets = jln_indicator_get_targets (indicator);
      g_autoptr(GString) line = g_string_new (NULL);

      jln_doc_paragraph_begin (w->doc, JLN_DOC_STYLE_CELL);
      jln_doc_text (w->doc, text_of (w, jln_indicator_get_title (indicator)), JLN_DOC_EMPHASIS_BOLD);
      for (guint j = 0; j < g_list_model_get_n_items (targets); j++)
        {
          g_autoptr(JlnTarget) target = g_list_model_get_item (targets, j);
          g_autofree char *value = target_text (w, indicator, target);
          const char *series = jln_text_get_fallback (jln_target_get_series (target), lang, NULL);

          g_string_append (line, j == 0 ? T (N_(": ")) : "; ");
          if (series != NULL)
            g_string_append_printf (line, "%s ", series);
          g_string_append_printf (line, "%d%s%s", jln_target_get_year (target), T (N_(": ")), value);
        }
      jln_doc_text (w->doc, line->str, 0);
      jln_doc_paragraph_end (w->doc);
    }
  if (indicators == NULL || indicators->len == 0)
    {
      const char *follow_up = jln_text_get_fallback (jln_action_get_follow_up (action), lang, NULL);
      const char *schedule = jln_text_get_fallback (jln_action_get_schedule (action), lang, NULL);

      if (follow_up != NULL)
        jln_doc_paragraph (w->doc, JLN_DOC_STYLE_CELL, follow_up, 0);
      if (schedule != NULL)
        jln_doc_paragraph (w->doc, JLN_DOC_STYLE_CELL, schedule, 0);
    }
  jln_doc_cell_end (w->doc);
}

static void
write_ec (Writer *w)
{
  JlnLang lang = w->lang;
  GListModel *objectives = jln_plan_get_objectives (w->plan);
  g_autoptr(GHashTable) indicators = index_indicators (w->plan);
  const char *titles[] = {
    T (N_("Proposed actions")),
    T (N_("GAP principle(s)")),
    T (N_("Timing (at least by quarter/semester)")),
    T (N_("Responsible unit")),
    T (N_("Indicator(s) / target(s)")),
  };

  write_title (w, T (N_("Action plan")));
  jln_doc_table_begin (w->doc, G_N_ELEMENTS (ec_widths), ec_widths);
  jln_doc_header_begin (w->doc);
  jln_doc_row_begin (w->doc);
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    jln_doc_cell (w->doc, JLN_DOC_SHADE_HEADER, JLN_DOC_STYLE_CELL_HEADER, titles[i], 0);
  jln_doc_row_end (w->doc);
  jln_doc_header_end (w->doc);

  for (guint i = 0; i < g_list_model_get_n_items (objectives) && !jln_doc_has_failed (w->doc); i++)
    {
      g_autoptr(JlnObjective) objective = g_list_model_get_item (objectives, i);
      GListModel *actions = jln_objective_get_actions (objective);
      gboolean heading = FALSE;

      if (!kind_takes (JLN_PLAN_DOC_EC, objective))
        {
          w->done += g_list_model_get_n_items (actions);
          continue;
        }
      for (guint j = 0; j < g_list_model_get_n_items (actions) && !jln_doc_has_failed (w->doc); j++)
        {
          g_autoptr(JlnAction) action = g_list_model_get_item (actions, j);
          GListModel *items = items_of (action);
          GPtrArray *principles = jln_action_get_principles (action);
          JlnDocShade shade;
          g_autoptr(GString) timing = g_string_new (NULL);
          g_autoptr(GString) units = g_string_new (NULL);

          count_progress (w);
          if (!matches (w, action))
            continue;
          if (!heading)
            {
              g_autofree char *title = g_strdup_printf ("%s. %s", jln_objective_get_number (objective),
                                                        text_of (w, jln_objective_get_title (objective)));

              jln_doc_row_begin (w->doc);
              jln_doc_cell_begin (w->doc, JLN_DOC_SHADE_NONE, G_N_ELEMENTS (ec_widths), 1);
              jln_doc_paragraph (w->doc, JLN_DOC_STYLE_CELL, title, JLN_DOC_EMPHASIS_BOLD);
              jln_doc_cell_end (w->doc);
              jln_doc_row_end (w->doc);
              heading = TRUE;
            }

          shade = jln_doc_shade_for_status (jln_action_get_status (action));
          jln_doc_row_begin (w->doc);

          jln_doc_cell_begin (w->doc, shade, 1, 1);
          jln_doc_paragraph_begin (w->doc, JLN_DOC_STYLE_CELL);
          jln_doc_text (w->doc, jln_action_get_number (action), JLN_DOC_EMPHASIS_BOLD);
          jln_doc_text (w->doc, " ", 0);
          jln_doc_text (w->doc, text_of (w, jln_action_get_title (action)), 0);
          jln_doc_paragraph_end (w->doc);
          for (guint k = 0; items != NULL && k < g_list_model_get_n_items (items); k++)
            {
              g_autoptr(JlnActionItem) item = g_list_model_get_item (items, k);
              g_autofree char *line = g_strdup_printf ("%s. %s", jln_action_item_get_label (item),
                                                       text_of (w, jln_action_item_get_title (item)));

              jln_doc_paragraph (w->doc, JLN_DOC_STYLE_CELL, line, 0);
            }
          jln_doc_cell_end (w->doc);

          jln_doc_cell_begin (w->doc, shade, 1, 1);
          for (guint k = 0; principles != NULL && k < principles->len; k++)
            {
              JlnPrinciple *principle = g_ptr_array_index (principles, k);
              g_autofree char *line = g_strdup_printf ("%d. %s", jln_principle_get_number (principle),
                                                       text_of (w, jln_principle_get_name (principle)));

              jln_doc_paragraph (w->doc, JLN_DOC_STYLE_CELL, line, 0);
            }
          jln_doc_cell_end (w->doc);

          {
            g_autofree char *done = status_done_text (w, jln_action_get_status (action),
                                                      jln_action_get_completion (action), NULL, NULL);
            g_autofree char *todo = action_todo_text (w, action, items);

            if (jln_status_is_done (jln_action_get_status (action)))
              /* Translators: the timing of an action carried out, "Done: 2017". */
              g_string_printf (timing, T (N_("Done: %s")), done);
            else
              g_string_append (timing, todo[0] != '\0' ? todo : done);
          }
          jln_doc_cell (w->doc, shade, JLN_DOC_STYLE_CELL, timing->str, 0);
          append_units (units, jln_action_get_units (action));
          jln_doc_cell (w->doc, shade, JLN_DOC_STYLE_CELL, units->str, 0);
          write_indicators_cell (w, g_hash_table_lookup (indicators, action), action);
          jln_doc_row_end (w->doc);
        }
    }
  jln_doc_table_end (w->doc);
  write_abbreviations (w, JLN_PLAN_DOC_EC);
}

/* The Gender Equality Plan: its axes and measures, then the summary of
 * its indicators, yearly targets beside the measurements. */

static const double gep_widths[] = { 0.34, 0.18, 0.26, 0.22 };

static void
write_gep_measures (Writer       *w,
                    JlnObjective *objective)
{
  JlnLang lang = w->lang;
  GListModel *actions = jln_objective_get_actions (objective);
  gboolean started = FALSE;
  const char *titles[] = {
    T (N_("Measure")),
    T (N_("Actors")),
    T (N_("Follow-up")),
    T (N_("Schedule and objectives")),
  };

  for (guint j = 0; j < g_list_model_get_n_items (actions) && !jln_doc_has_failed (w->doc); j++)
    {
      g_autoptr(JlnAction) action = g_list_model_get_item (actions, j);
      GListModel *items = items_of (action);
      JlnDocShade shade = jln_doc_shade_for_status (jln_action_get_status (action));
      g_autoptr(GString) schedule = g_string_new (NULL);
      const char *note = jln_text_get_fallback (jln_action_get_note (action), lang, NULL);

      count_progress (w);
      if (!matches (w, action))
        continue;
      if (!started)
        {
          g_autofree char *heading = g_strdup_printf ("%s. %s", jln_objective_get_number (objective),
                                                      text_of (w, jln_objective_get_title (objective)));
          const char *description = jln_text_get_fallback (jln_objective_get_description (objective),
                                                           lang, NULL);

          jln_doc_paragraph (w->doc, JLN_DOC_STYLE_SUBHEADING, heading, 0);
          if (description != NULL)
            jln_doc_paragraph (w->doc, JLN_DOC_STYLE_BODY, description, 0);
          jln_doc_table_begin (w->doc, G_N_ELEMENTS (gep_widths), gep_widths);
          jln_doc_header_begin (w->doc);
          jln_doc_row_begin (w->doc);
          for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
            jln_doc_cell (w->doc, JLN_DOC_SHADE_HEADER, JLN_DOC_STYLE_CELL_HEADER, titles[i], 0);
          jln_doc_row_end (w->doc);
          jln_doc_header_end (w->doc);
          started = TRUE;
        }

      jln_doc_row_begin (w->doc);
      jln_doc_cell_begin (w->doc, shade, 1, 1);
      jln_doc_paragraph_begin (w->doc, JLN_DOC_STYLE_CELL);
      jln_doc_text (w->doc, jln_action_get_number (action), JLN_DOC_EMPHASIS_BOLD);
      jln_doc_text (w->doc, " ", 0);
      jln_doc_text (w->doc, text_of (w, jln_action_get_title (action)), 0);
      jln_doc_paragraph_end (w->doc);
      for (guint k = 0; items != NULL && k < g_list_model_get_n_items (items); k++)
        {
          g_autoptr(JlnActionItem) item = g_list_model_get_item (items, k);
          g_autofree char *line = g_strdup_printf ("%s. %s", jln_action_item_get_label (item),
                                                   text_of (w, jln_action_item_get_title (item)));

          jln_doc_paragraph (w->doc, JLN_DOC_STYLE_CELL, line, 0);
        }
      if (note != NULL)
        jln_doc_paragraph (w->doc, JLN_DOC_STYLE_CELL, note, JLN_DOC_EMPHASIS_ITALIC);
      {
        const char * const *references = jln_action_get_references (action);

        if (references != NULL && references[0] != NULL)
          {
            g_autofree char *refs = g_strjoinv (", ", (char **) references);
            /* Translators: the measures an action refers to, "cf. II.b". */
            g_autofree char *line = g_strdup_printf (T (N_("see %s")), refs);

            jln_doc_paragraph (w->doc, JLN_DOC_STYLE_CELL, line, JLN_DOC_EMPHASIS_ITALIC);
          }
      }
      jln_doc_cell_end (w->doc);
      jln_doc_cell (w->doc, shade, JLN_DOC_STYLE_CELL, text_of (w, jln_action_get_actors (action)), 0);
      jln_doc_cell (w->doc, shade, JLN_DOC_STYLE_CELL, text_of (w, jln_action_get_follow_up (action)), 0);

      add_line (schedule, jln_text_get_fallback (jln_action_get_schedule (action), lang, NULL));
      {
        g_autofree char *done = status_done_text (w, jln_action_get_status (action),
                                                  jln_action_get_completion (action), NULL, NULL);
        g_autofree char *due = jln_semester_format (jln_action_get_due (action),
                                                    JLN_SEMESTER_STYLE_LONG, lang);

        if (jln_status_is_done (jln_action_get_status (action)))
          {
            g_autofree char *line = g_strdup_printf (T (N_("Done: %s")), done);
            add_line (schedule, line);
          }
        else if (due[0] != '\0')
          {
            /* Translators: when an action is due, "Échéance : 2e sem. 2023". */
            g_autofree char *line = g_strdup_printf (T (N_("Due: %s")), due);
            add_line (schedule, line);
          }
      }
      jln_doc_cell (w->doc, shade, JLN_DOC_STYLE_CELL, schedule->str, 0);
      jln_doc_row_end (w->doc);
    }
  if (started)
    jln_doc_table_end (w->doc);
}

static gboolean
same_series (const JlnText *a,
             const JlnText *b)
{
  gboolean empty_a = a == NULL || jln_text_is_empty (a);
  gboolean empty_b = b == NULL || jln_text_is_empty (b);

  if (empty_a || empty_b)
    return empty_a == empty_b;
  return g_strcmp0 (a->fr, b->fr) == 0 || g_strcmp0 (a->en, b->en) == 0;
}

/* The last measurement of @year for the population of @target. */
static JlnMeasurement *
find_measurement (JlnIndicator *indicator,
                  JlnTarget    *target)
{
  GListModel *measurements = jln_indicator_get_measurements (indicator);
  JlnMeasurement *best = NULL;
  g_autofree char *year = g_strdup_printf ("%04d", jln_target_get_year (target));

  for (guint i = 0; i < g_list_model_get_n_items (measurements); i++)
    {
      g_autoptr(JlnMeasurement) m = g_list_model_get_item (measurements, i);
      const char *date = jln_measurement_get_date (m);

      if (date == NULL || !g_str_has_prefix (date, year))
        continue;
      if (!same_series (jln_measurement_get_series (m), jln_target_get_series (target)))
        continue;
      if (best == NULL || g_strcmp0 (date, jln_measurement_get_date (best)) >= 0)
        g_set_object (&best, m);
    }
  return best;
}

static const double summary_widths[] = { 0.28, 0.18, 0.09, 0.14, 0.14, 0.17 };

static void
write_gep_summary (Writer *w)
{
  JlnLang lang = w->lang;
  GListModel *indicators = jln_plan_get_indicators (w->plan);
  const char *titles[] = {
    T (N_("Indicator")),
    T (N_("Population")),
    T (N_("Year")),
    T (N_("Target")),
    T (N_("Measured")),
    T (N_("Result")),
  };

  if (g_list_model_get_n_items (indicators) == 0)
    return;
  jln_doc_paragraph (w->doc, JLN_DOC_STYLE_HEADING, T (N_("Summary of the indicators")), 0);
  jln_doc_table_begin (w->doc, G_N_ELEMENTS (summary_widths), summary_widths);
  jln_doc_header_begin (w->doc);
  jln_doc_row_begin (w->doc);
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    jln_doc_cell (w->doc, JLN_DOC_SHADE_HEADER, JLN_DOC_STYLE_CELL_HEADER, titles[i], 0);
  jln_doc_row_end (w->doc);
  jln_doc_header_end (w->doc);

  for (guint i = 0; i < g_list_model_get_n_items (indicators); i++)
    {
      g_autoptr(JlnIndicator) indicator = g_list_model_get_item (indicators, i);
      GListModel *targets = jln_indicator_get_targets (indicator);
      guint n = MAX (g_list_model_get_n_items (targets), 1);
      g_autofree char *title = g_strdup_printf ("%d. %s", jln_indicator_get_number (indicator),
                                                text_of (w, jln_indicator_get_title (indicator)));
      const char *measure = jln_text_get_fallback (jln_indicator_get_measure (indicator), lang, NULL);
      const char *remark = jln_text_get_fallback (jln_indicator_get_remark (indicator), lang, NULL);

      for (guint j = 0; j < n; j++)
        {
          g_autoptr(JlnTarget) target = g_list_model_get_item (targets, j);
          g_autoptr(JlnMeasurement) measurement = NULL;
          g_autofree char *target_value = NULL;
          g_autofree char *measured = NULL;
          g_autofree char *year = NULL;
          const char *result = "";
          JlnDocShade shade = JLN_DOC_SHADE_NONE;

          jln_doc_row_begin (w->doc);
          if (j == 0)
            {
              jln_doc_cell_begin (w->doc, JLN_DOC_SHADE_NONE, 1, n);
              jln_doc_paragraph (w->doc, JLN_DOC_STYLE_CELL, title, JLN_DOC_EMPHASIS_BOLD);
              if (measure != NULL)
                jln_doc_paragraph (w->doc, JLN_DOC_STYLE_CELL, measure, 0);
              if (remark != NULL)
                jln_doc_paragraph (w->doc, JLN_DOC_STYLE_CELL, remark, JLN_DOC_EMPHASIS_ITALIC);
              jln_doc_cell_end (w->doc);
            }
          if (target == NULL)
            {
              jln_doc_row_end (w->doc);
              continue;
            }
          measurement = find_measurement (indicator, target);
          target_value = target_text (w, indicator, target);
          year = g_strdup_printf ("%d", jln_target_get_year (target));
          if (measurement != NULL && (jln_indicator_get_kind (indicator) == JLN_INDICATOR_KIND_TEXT
                                      || jln_target_get_text (target)->fr != NULL
                                      || jln_target_get_text (target)->en != NULL))
            {
              /* A target in words is met or not by a person's judgement. */
              measured = format_value (w, indicator, jln_measurement_get_value (measurement));
              result = "";
            }
          else if (measurement != NULL)
            {
              gboolean met = jln_measurement_get_value (measurement) >= jln_target_get_value (target);

              measured = format_value (w, indicator, jln_measurement_get_value (measurement));
              /* Not colour alone: a word and a symbol say how it went. */
              result = met ? T (N_("✓ met")) : T (N_("✗ behind"));
              shade = met ? JLN_DOC_SHADE_DONE_NEW : JLN_DOC_SHADE_ALERT;
            }
          else if (jln_target_get_year (target) < (int) jln_semester_get_year (w->today))
            result = T (N_("– not measured"));
          else
            result = T (N_("to come"));

          jln_doc_cell (w->doc, JLN_DOC_SHADE_NONE, JLN_DOC_STYLE_CELL,
                        text_of (w, jln_target_get_series (target)), 0);
          jln_doc_cell (w->doc, JLN_DOC_SHADE_NONE, JLN_DOC_STYLE_CELL, year, 0);
          jln_doc_cell (w->doc, JLN_DOC_SHADE_NONE, JLN_DOC_STYLE_CELL, target_value, 0);
          jln_doc_cell (w->doc, JLN_DOC_SHADE_NONE, JLN_DOC_STYLE_CELL,
                        measured != NULL ? measured : "", 0);
          jln_doc_cell (w->doc, shade, JLN_DOC_STYLE_CELL, result, JLN_DOC_EMPHASIS_BOLD);
          jln_doc_row_end (w->doc);
        }
    }
  jln_doc_table_end (w->doc);
}

static void
write_gep (Writer *w)
{
  JlnLang lang = w->lang;
  GListModel *objectives = jln_plan_get_objectives (w->plan);

  write_title (w, T (N_("Gender Equality Plan")));
  for (guint i = 0; i < g_list_model_get_n_items (objectives) && !jln_doc_has_failed (w->doc); i++)
    {
      g_autoptr(JlnObjective) objective = g_list_model_get_item (objectives, i);

      if (!kind_takes (JLN_PLAN_DOC_GEP, objective))
        {
          w->done += g_list_model_get_n_items (jln_objective_get_actions (objective));
          continue;
        }
      write_gep_measures (w, objective);
    }
  write_gep_summary (w);
}

/* The Charter & Code: the 40 principles in their four areas, each with
 * the actions that serve it. */

static const double principle_widths[] = { 0.06, 0.24, 0.56, 0.14 };

static const char *
area_title (JlnLang          lang,
            JlnPrincipleArea area)
{
  switch (area)
    {
    case JLN_PRINCIPLE_AREA_ETHICS:
      return T (N_("Ethical and professional aspects"));
    case JLN_PRINCIPLE_AREA_RECRUITMENT:
      return T (N_("Recruitment and selection"));
    case JLN_PRINCIPLE_AREA_CONDITIONS:
      return T (N_("Working conditions"));
    case JLN_PRINCIPLE_AREA_TRAINING:
    default:
      return T (N_("Training and development"));
    }
}


/**
 * jln_plan_doc_index_principles:
 * @query: (nullable): only the actions it matches
 *
 * Returns: (transfer full): for each principle that actions serve, a
 *   #GPtrArray of those actions, in the plan's order
 */
GHashTable *
jln_plan_doc_index_principles (JlnPlan     *plan,
                               JlnQuery    *query,
                               JlnSemester  today)
{
  GHashTable *linked = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  GListModel *objectives = jln_plan_get_objectives (plan);

  for (guint i = 0; i < g_list_model_get_n_items (objectives); i++)
    {
      g_autoptr(JlnObjective) objective = g_list_model_get_item (objectives, i);
      GListModel *actions = jln_objective_get_actions (objective);

      for (guint j = 0; j < g_list_model_get_n_items (actions); j++)
        {
          g_autoptr(JlnAction) action = g_list_model_get_item (actions, j);
          GPtrArray *links = jln_action_get_principles (action);

          if (query != NULL && !jln_query_match (query, action, today))
            continue;
          for (guint k = 0; links != NULL && k < links->len; k++)
            {
              gpointer principle = g_ptr_array_index (links, k);
              GPtrArray *list = g_hash_table_lookup (linked, principle);

              if (list == NULL)
                {
                  list = g_ptr_array_new_with_free_func (g_object_unref);
                  g_hash_table_insert (linked, principle, list);
                }
              g_ptr_array_add (list, g_object_ref (action));
            }
        }
    }
  return linked;
}

const char *
jln_plan_doc_get_area_title (JlnPrincipleArea area,
                             JlnLang          lang)
{
  return area_title (lang, area);
}

static void
write_principles (Writer *w)
{
  JlnLang lang = w->lang;
  GListModel *principles = jln_plan_get_principles (w->plan);
  g_autoptr(GHashTable) linked = jln_plan_doc_index_principles (w->plan, w->query, w->today);
  int area = -1;
  guint uncovered = 0;
  const char *titles[] = {
    T (N_("No.")),
    T (N_("Principle")),
    T (N_("Actions")),
    T (N_("Status")),
  };

  w->done = w->total;
  write_title (w, T (N_("European Charter for Researchers and Code of Conduct: "
                        "coverage of the principles")));
  for (guint i = 0; i < g_list_model_get_n_items (principles); i++)
    {
      g_autoptr(JlnPrinciple) principle = g_list_model_get_item (principles, i);

      if (!g_hash_table_contains (linked, principle))
        uncovered++;
    }
  {
    guint n = g_list_model_get_n_items (principles);
    g_autofree char *summary = g_strdup_printf (jln_translate_plural (lang,
                                                                      "%u principle of %u has no action.",
                                                                      "%u principles of %u have no action.",
                                                                      uncovered),
                                                uncovered, n);

    jln_doc_paragraph (w->doc, JLN_DOC_STYLE_BODY, summary, JLN_DOC_EMPHASIS_BOLD);
  }

  for (guint i = 0; i < g_list_model_get_n_items (principles) && !jln_doc_has_failed (w->doc); i++)
    {
      g_autoptr(JlnPrinciple) principle = g_list_model_get_item (principles, i);
      GPtrArray *actions = g_hash_table_lookup (linked, principle);
      g_autofree char *number = g_strdup_printf ("%d", jln_principle_get_number (principle));
      JlnDocShade shade = actions == NULL ? JLN_DOC_SHADE_ALERT : JLN_DOC_SHADE_NONE;

      if ((int) jln_principle_get_area (principle) != area)
        {
          if (area >= 0)
            jln_doc_table_end (w->doc);
          area = jln_principle_get_area (principle);
          jln_doc_paragraph (w->doc, JLN_DOC_STYLE_SUBHEADING, area_title (lang, area), 0);
          jln_doc_table_begin (w->doc, G_N_ELEMENTS (principle_widths), principle_widths);
          jln_doc_header_begin (w->doc);
          jln_doc_row_begin (w->doc);
          for (guint t = 0; t < G_N_ELEMENTS (titles); t++)
            jln_doc_cell (w->doc, JLN_DOC_SHADE_HEADER, JLN_DOC_STYLE_CELL_HEADER, titles[t], 0);
          jln_doc_row_end (w->doc);
          jln_doc_header_end (w->doc);
        }

      /* One row per action, under the principle's cells spanning them all,
       * so that a principle of many actions goes on over pages. */
      jln_doc_row_begin (w->doc);
      jln_doc_cell_begin (w->doc, shade, 1, actions != NULL ? actions->len : 1);
      jln_doc_paragraph (w->doc, JLN_DOC_STYLE_CELL, number, JLN_DOC_EMPHASIS_BOLD);
      jln_doc_cell_end (w->doc);
      jln_doc_cell_begin (w->doc, shade, 1, actions != NULL ? actions->len : 1);
      jln_doc_paragraph (w->doc, JLN_DOC_STYLE_CELL, text_of (w, jln_principle_get_name (principle)), 0);
      jln_doc_cell_end (w->doc);
      if (actions == NULL)
        {
          jln_doc_cell (w->doc, shade, JLN_DOC_STYLE_CELL, T (N_("⚠ No action")),
                        JLN_DOC_EMPHASIS_BOLD);
          jln_doc_cell (w->doc, shade, JLN_DOC_STYLE_CELL, "", 0);
          jln_doc_row_end (w->doc);
          continue;
        }
      for (guint k = 0; k < actions->len; k++)
        {
          JlnAction *action = g_ptr_array_index (actions, k);
          JlnDocShade status_shade = jln_doc_shade_for_status (jln_action_get_status (action));

          if (k > 0)
            jln_doc_row_begin (w->doc);
          jln_doc_cell_begin (w->doc, status_shade, 1, 1);
          jln_doc_paragraph_begin (w->doc, JLN_DOC_STYLE_CELL);
          jln_doc_text (w->doc, jln_action_get_number (action), JLN_DOC_EMPHASIS_BOLD);
          jln_doc_text (w->doc, " ", 0);
          jln_doc_text (w->doc, text_of (w, jln_action_get_title (action)), 0);
          jln_doc_paragraph_end (w->doc);
          jln_doc_cell_end (w->doc);
          jln_doc_cell (w->doc, status_shade, JLN_DOC_STYLE_CELL,
                        jln_status_get_label_in (jln_action_get_status (action), lang), 0);
          jln_doc_row_end (w->doc);
        }
    }
  if (area >= 0)
    jln_doc_table_end (w->doc);
}

/* The internal review, as the seed's: a cover with the plan's milestones,
 * the narrative's sections, the action table with its abbreviations, the
 * principles' coverage and the indicators. */

static const char *
month_name (JlnLang lang,
            int     month)
{
  static const char * const months[] = {
    NC_("month", "January"),
    NC_("month", "February"),
    NC_("month", "March"),
    NC_("month", "April"),
    NC_("month", "May"),
    NC_("month", "June"),
    NC_("month", "July"),
    NC_("month", "August"),
    NC_("month", "September"),
    NC_("month", "October"),
    NC_("month", "November"),
    NC_("month", "December"),
  };

  g_return_val_if_fail (month >= 1 && month <= 12, "");
  return jln_translate_context (lang, "month", months[month - 1]);
}

/* "Mai 2016", "15 mars 2022": a milestone's date as the cover writes it. */
static char *
cover_date (JlnLang     lang,
            const char *date)
{
  int year, month, day;
  g_autofree char *name = NULL;

  if (date == NULL || !jln_date_parse (date, &year, &month, &day))
    return g_strdup (date != NULL ? date : "");
  name = g_strdup (month_name (lang, month));
  if (day > 0)
    return g_strdup_printf ("%d %s %d", day, name, year);
  /* A month that begins the line takes a capital. */
  {
    gunichar first = g_utf8_get_char (name);
    char buffer[8] = { 0 };

    g_unichar_to_utf8 (g_unichar_totitle (first), buffer);
    return g_strdup_printf ("%s%s %d", buffer, g_utf8_next_char (name), year);
  }
}

static void
write_narrative (Writer *w)
{
  GListModel *sections = jln_plan_get_sections (w->plan);

  for (guint i = 0; i < g_list_model_get_n_items (sections) && !jln_doc_has_failed (w->doc); i++)
    {
      g_autoptr(JlnSection) section = g_list_model_get_item (sections, i);
      g_autoptr(GPtrArray) blocks = jln_narrative_parse (jln_text_get_fallback (jln_section_get_body (section),
                                                                                w->lang, NULL));

      jln_doc_paragraph (w->doc, JLN_DOC_STYLE_HEADING, text_of (w, jln_section_get_title (section)), 0);
      for (guint b = 0; b < blocks->len; b++)
        {
          JlnBlock *block = g_ptr_array_index (blocks, b);

          jln_doc_paragraph_begin (w->doc, block->kind == JLN_BLOCK_ITEM ? JLN_DOC_STYLE_BULLET
                                                                          : JLN_DOC_STYLE_BODY);
          /* A list within a list, as the seed marks it. */
          if (block->level > 1)
            jln_doc_text (w->doc, "› ", 0);
          for (guint r = 0; r < block->runs->len; r++)
            {
              JlnRun *run = g_ptr_array_index (block->runs, r);

              jln_doc_text (w->doc, run->text,
                            run->style == JLN_RUN_STRONG ? JLN_DOC_EMPHASIS_BOLD
                            : run->style == JLN_RUN_EMPHASIS ? JLN_DOC_EMPHASIS_ITALIC
                            : JLN_DOC_EMPHASIS_NONE);
            }
          jln_doc_paragraph_end (w->doc);
        }
    }
}

static void
write_review (Writer *w)
{
  JlnLang lang = w->lang;
  GListModel *milestones = jln_plan_get_milestones (w->plan);

  jln_doc_paragraph (w->doc, JLN_DOC_STYLE_TITLE, text_of (w, jln_plan_get_title (w->plan)), 0);
  jln_doc_paragraph (w->doc, JLN_DOC_STYLE_HEADING, T (N_("Internal review")), 0);
  for (guint i = 0; i < g_list_model_get_n_items (milestones); i++)
    {
      g_autoptr(JlnMilestone) milestone = g_list_model_get_item (milestones, i);
      g_autofree char *date = cover_date (lang, jln_milestone_get_date (milestone));

      jln_doc_paragraph_begin (w->doc, JLN_DOC_STYLE_BODY);
      jln_doc_text (w->doc, date, JLN_DOC_EMPHASIS_BOLD);
      jln_doc_text (w->doc, " | ", 0);
      jln_doc_text (w->doc, text_of (w, jln_milestone_get_title (milestone)), 0);
      jln_doc_paragraph_end (w->doc);
    }

  w->in_review = TRUE;
  write_narrative (w);
  write_actions (w);
  write_principles (w);
  jln_doc_paragraph (w->doc, JLN_DOC_STYLE_HEADING, T (N_("Indicators")), 0);
  write_gep_summary (w);
}

void
jln_plan_doc_write (JlnDoc         *doc,
                    JlnPlan        *plan,
                    JlnPlanDocKind  kind,
                    JlnQuery       *query,
                    JlnLang         lang,
                    JlnSemester     today)
{
  Writer w = { doc, plan, query, lang, today, 0, 0 };
  g_autofree char *title = NULL;

  g_return_if_fail (doc != NULL);
  g_return_if_fail (JLN_IS_PLAN (plan));

  if (query != NULL && jln_query_is_empty (query))
    w.query = NULL;
  w.total = count_actions (plan);
  title = g_strdup (text_of (&w, jln_plan_get_title (plan)));
  jln_doc_begin (doc, title, lang, kind != JLN_PLAN_DOC_PRINCIPLES);
  switch (kind)
    {
    case JLN_PLAN_DOC_ACTIONS:
      write_actions (&w);
      break;
    case JLN_PLAN_DOC_EC:
      write_ec (&w);
      break;
    case JLN_PLAN_DOC_GEP:
      write_gep (&w);
      break;
    case JLN_PLAN_DOC_PRINCIPLES:
      write_principles (&w);
      break;
    case JLN_PLAN_DOC_REVIEW:
      write_review (&w);
      break;
    default:
      g_return_if_reached ();
    }
  jln_doc_report_progress (doc, w.total, w.total);
}

gboolean
jln_plan_doc_export (JlnPlan         *plan,
                     JlnPlanDocKind   kind,
                     JlnQuery        *query,
                     JlnLang          lang,
                     const char      *path,
                     JlnDocProgress   progress,
                     gpointer         user_data,
                     GCancellable    *cancellable,
                     GError         **error)
{
  JlnDoc *doc = jln_doc_new_for_path (path, error);

  if (doc == NULL)
    return FALSE;
  jln_doc_set_cancellable (doc, cancellable);
  jln_doc_set_progress (doc, progress, user_data);
  jln_plan_doc_write (doc, plan, kind, query, lang, jln_semester_today ());
  return jln_doc_finish (doc, error);
}
