/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "jln-gettext.h"
#include <json-glib/json-glib.h>
#include <string.h>

#include "jln-action.h"
#include "jln-action-item.h"
#include "jln-edit-private.h"
#include "jln-enums.h"
#include "jln-note.h"
#include "jln-objective.h"
#include "jln-plan-edits.h"

/* The names edits, history and JSON give the fields, by JlnPlanField. */
static const char * const field_names[] = {
  [JLN_PLAN_FIELD_NUMBER] = "number",
  [JLN_PLAN_FIELD_LABEL] = "label",
  [JLN_PLAN_FIELD_PROGRAMME] = "programme",
  [JLN_PLAN_FIELD_STATUS] = "status",
  [JLN_PLAN_FIELD_TITLE] = "title",
  [JLN_PLAN_FIELD_THEME] = "theme",
  [JLN_PLAN_FIELD_DESCRIPTION] = "description",
  [JLN_PLAN_FIELD_START] = "start",
  [JLN_PLAN_FIELD_DUE] = "due",
  [JLN_PLAN_FIELD_NEXT] = "next",
  [JLN_PLAN_FIELD_COMPLETION] = "completion",
  [JLN_PLAN_FIELD_RECURRENCE] = "recurrence",
  [JLN_PLAN_FIELD_REFERENCES] = "references",
  [JLN_PLAN_FIELD_UNITS] = "units",
  [JLN_PLAN_FIELD_PRINCIPLES] = "principles",
  [JLN_PLAN_FIELD_ACTORS] = "actors",
  [JLN_PLAN_FIELD_FOLLOW_UP] = "follow_up",
  [JLN_PLAN_FIELD_SCHEDULE] = "schedule",
  [JLN_PLAN_FIELD_EXTENSION] = "extension",
  [JLN_PLAN_FIELD_NOTE] = "note",
  [JLN_PLAN_FIELD_KIND] = "kind",
  [JLN_PLAN_FIELD_MEASURE] = "measure",
  [JLN_PLAN_FIELD_YEAR] = "year",
  [JLN_PLAN_FIELD_VALUE] = "value",
  [JLN_PLAN_FIELD_SERIES] = "series",
  [JLN_PLAN_FIELD_TEXT] = "text",
  [JLN_PLAN_FIELD_DATE] = "date",
  [JLN_PLAN_FIELD_SOURCE] = "source",
  [JLN_PLAN_FIELD_AUTHOR] = "author",
  [JLN_PLAN_FIELD_BODY] = "body",
  [JLN_PLAN_FIELD_END] = "end",
  [JLN_PLAN_FIELD_NOTES] = "notes",
  [JLN_PLAN_FIELD_CODE] = "code",
  [JLN_PLAN_FIELD_NAME] = "name",
};

const char *
jln_plan_field_get_name (JlnPlanField field)
{
  g_return_val_if_fail ((guint) field < G_N_ELEMENTS (field_names), NULL);

  return field_names[field];
}

/* The name an edit gives @field, in @lang for a text. */
static char *
field_key (JlnPlanField field,
           int          lang)
{
  if (lang < 0)
    return g_strdup (jln_plan_field_get_name (field));
  return g_strconcat (jln_plan_field_get_name (field), "-", jln_lang_to_string (lang), NULL);
}

/**
 * jln_plan_field_dup_value:
 *
 * Returns: (transfer full) (nullable): the canonical text of @field of
 * @record, as jln_plan_edit_set_value() takes it.
 */
char *
jln_plan_field_dup_value (JlnRecord    *record,
                          JlnPlanField  field,
                          int           lang)
{
  g_autofree char *key = field_key (field, lang);

  g_return_val_if_fail (JLN_IS_RECORD (record), NULL);

  return jln_record_dup_field (record, key);
}

/* Whether @edit sets fields to what they already are, so that applying
 * it would change nothing. */
gboolean
jln_plan_edit_is_unchanged (JlnEdit *edit)
{
  g_return_val_if_fail (edit != NULL, FALSE);

  if (edit->kind == JLN_EDIT_SET)
    {
      g_autofree char *stored = jln_record_dup_field (edit->record, edit->field);

      return g_strcmp0 (stored, edit->value) == 0;
    }
  if (edit->kind == JLN_EDIT_GROUP)
    {
      for (guint i = 0; edit->edits != NULL && i < edit->edits->len; i++)
        if (!jln_plan_edit_is_unchanged (g_ptr_array_index (edit->edits, i)))
          return FALSE;
      return TRUE;
    }
  return FALSE;
}

JlnEdit *
jln_plan_edit_set_value (JlnRecord    *record,
                         JlnPlanField  field,
                         int           lang,
                         const char   *value)
{
  g_autofree char *key = field_key (field, lang);

  g_return_val_if_fail (JLN_IS_RECORD (record), NULL);

  return jln_edit_new_set (record, key, value);
}

/* Adds to @group the change of @field to @value unless it is already so,
 * an unset field counting as empty. */
void
jln_plan_edit_group_set_changed (JlnEdit      *group,
                                 JlnRecord    *record,
                                 JlnPlanField  field,
                                 int           lang,
                                 const char   *value)
{
  g_autofree char *current = NULL;

  g_return_if_fail (group != NULL);
  g_return_if_fail (JLN_IS_RECORD (record));

  if (value == NULL)
    return;
  current = jln_plan_field_dup_value (record, field, lang);
  if (g_strcmp0 (current != NULL ? current : "", value) == 0)
    return;
  jln_edit_group_add (group, jln_plan_edit_set_value (record, field, lang, value));
}

/* An empty text unsets it. */
JlnEdit *
jln_plan_edit_set_text (JlnRecord    *record,
                        JlnPlanField  field,
                        JlnLang       lang,
                        const char   *text)
{
  return jln_plan_edit_set_value (record, field, lang,
                                  text != NULL && text[0] != '\0' ? text : NULL);
}

JlnEdit *
jln_plan_edit_set_semester (JlnRecord    *record,
                            JlnPlanField  field,
                            JlnSemester   semester)
{
  g_autofree char *value = NULL;

  if (semester == JLN_SEMESTER_NONE)
    value = g_strdup ("");
  else
    value = jln_semester_format (semester, JLN_SEMESTER_STYLE_ISO, JLN_LANG_EN);
  return jln_plan_edit_set_value (record, field, -1, value);
}

JlnEdit *
jln_plan_edit_set_completion (JlnRecord           *record,
                              const JlnCompletion *completion)
{
  g_autofree char *value = jln_completion_to_string (completion);

  return jln_plan_edit_set_value (record, JLN_PLAN_FIELD_COMPLETION, -1, value);
}

static const char *
enum_nick (JlnRecord    *record,
           JlnPlanField  field,
           int           value)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (record),
                                                    jln_plan_field_get_name (field));
  GEnumValue *enum_value;

  if (pspec == NULL || !G_IS_PARAM_SPEC_ENUM (pspec))
    return NULL;
  enum_value = g_enum_get_value (G_PARAM_SPEC_ENUM (pspec)->enum_class, value);
  return enum_value != NULL ? enum_value->value_nick : NULL;
}

/* Returns: (nullable): NULL when @value is not one of the enum's. */
JlnEdit *
jln_plan_edit_set_enum (JlnRecord    *record,
                        JlnPlanField  field,
                        int           value)
{
  const char *nick;

  g_return_val_if_fail (JLN_IS_RECORD (record), NULL);

  nick = enum_nick (record, field, value);
  if (nick == NULL)
    return NULL;
  return jln_plan_edit_set_value (record, field, -1, nick);
}

static char *
strv_to_json (const char * const *strv)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    json_builder_add_string_value (builder, strv[i]);
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

JlnEdit *
jln_plan_edit_set_strv (JlnRecord           *record,
                        JlnPlanField         field,
                        const char * const  *values)
{
  g_autofree char *value = strv_to_json (values);

  return jln_plan_edit_set_value (record, field, -1, value);
}

/* @records: the records @field refers to, in order. */
JlnEdit *
jln_plan_edit_set_refs (JlnRecord    *record,
                        JlnPlanField  field,
                        GPtrArray    *records)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();

  for (guint i = 0; records != NULL && i < records->len; i++)
    g_ptr_array_add (ids, (gpointer) jln_record_get_id (g_ptr_array_index (records, i)));
  g_ptr_array_add (ids, NULL);
  return jln_plan_edit_set_strv (record, field, (const char * const *) ids->pdata);
}

/* Done with no completion yet: @today's semester is proposed with it, in
 * one step that can be undone; the user may change it. */
JlnEdit *
jln_plan_edit_set_status (JlnRecord   *record,
                          JlnStatus    status,
                          JlnSemester  today)
{
  const char *nick;
  g_autofree char *completion = NULL;
  g_autofree char *stored = NULL;
  JlnEdit *group;

  g_return_val_if_fail (JLN_IS_ACTION (record) || JLN_IS_ACTION_ITEM (record), NULL);

  nick = enum_nick (record, JLN_PLAN_FIELD_STATUS, status);
  g_return_val_if_fail (nick != NULL, NULL);

  completion = jln_plan_field_dup_value (record, JLN_PLAN_FIELD_COMPLETION, -1);
  stored = jln_plan_field_dup_value (record, JLN_PLAN_FIELD_STATUS, -1);
  if (!jln_status_is_done (status) || today == JLN_SEMESTER_NONE ||
      (completion != NULL && completion[0] != '\0') || g_strcmp0 (stored, nick) == 0)
    return jln_plan_edit_set_value (record, JLN_PLAN_FIELD_STATUS, -1, nick);

  group = jln_edit_new_group (_("Mark as Done"));
  jln_edit_group_add (group, jln_plan_edit_set_value (record, JLN_PLAN_FIELD_STATUS, -1, nick));
  jln_edit_group_add (group, jln_plan_edit_set_semester (record, JLN_PLAN_FIELD_COMPLETION, today));
  return group;
}

/* --- Numbering ------------------------------------------------------------ */

/* "N.M" with M one more than the highest last part of the objective's
 * action numbers, and never less than the count of its actions plus one. */
char *
jln_plan_next_action_number (JlnRecord *objective)
{
  GListModel *actions;
  guint n;
  guint highest = 0;

  g_return_val_if_fail (JLN_IS_OBJECTIVE (objective), NULL);

  actions = jln_objective_get_actions (JLN_OBJECTIVE (objective));
  n = g_list_model_get_n_items (actions);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JlnAction) action = g_list_model_get_item (actions, i);
      const char *number = jln_action_get_number (action);
      const char *last = strrchr (number, '.');

      if (last != NULL)
        highest = MAX (highest, (guint) g_ascii_strtoull (last + 1, NULL, 10));
    }
  return g_strdup_printf ("%s.%u", jln_objective_get_number (JLN_OBJECTIVE (objective)),
                          MAX (highest, n) + 1);
}

/* The first free label of a, b … z, then aa, ab … as spreadsheets name
 * their columns. */
char *
jln_plan_next_item_label (JlnRecord *action)
{
  g_autoptr(GHashTable) used = g_hash_table_new (g_str_hash, g_str_equal);
  GListModel *items;

  g_return_val_if_fail (JLN_IS_ACTION (action), NULL);

  items = jln_record_get_children (action, JLN_KIND_ITEM);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(JlnActionItem) item = g_list_model_get_item (items, i);

      g_hash_table_add (used, (gpointer) jln_action_item_get_label (item));
    }

  for (guint n = 0;; n++)
    {
      char label[8];
      int length = 0;
      char reversed[8];

      for (guint k = n + 1; k > 0 && length < 7; k = (k - 1) / 26)
        reversed[length++] = 'a' + (k - 1) % 26;
      for (int j = 0; j < length; j++)
        label[j] = reversed[length - 1 - j];
      label[length] = '\0';

      if (!g_hash_table_contains (used, label))
        return g_strdup (label);
    }
}

static guint
n_children (JlnRecord *parent,
            JlnKind    kind)
{
  return g_list_model_get_n_items (jln_record_get_children (parent, kind));
}

static char *
next_objective_number (JlnPlan *plan)
{
  return g_strdup_printf ("%u", g_list_model_get_n_items (jln_plan_get_objectives (plan)) + 1);
}

/* --- Adding, duplicating, removing and moving ----------------------------- */

JlnEdit *
jln_plan_edit_add_objective (JlnPlan    *plan,
                             JlnRecord **out_record)
{
  g_autofree char *number = NULL;
  g_autoptr(JlnRecord) objective = NULL;
  JlnEdit *edit;

  g_return_val_if_fail (JLN_IS_PLAN (plan), NULL);

  number = next_objective_number (plan);
  objective = jln_record_new (JLN_KIND_OBJECTIVE,
                              "number", number,
                              "programme", "hrs4r",
                              "title-fr", "Nouvel objectif",
                              "title-en", "New objective",
                              NULL);
  edit = jln_edit_new_insert (JLN_RECORD (plan), objective,
                              g_list_model_get_n_items (jln_plan_get_objectives (plan)));
  if (out_record != NULL)
    *out_record = objective;
  return edit;
}

/* A new action after @near when it is an action (or the action of a
 * sub-item), at the end of @near when it is an objective, and at the end
 * of the last objective otherwise.
 *
 * Returns: (nullable): NULL when the plan has no objective. */
JlnEdit *
jln_plan_edit_add_action (JlnPlan    *plan,
                          JlnRecord  *near,
                          JlnRecord **out_record)
{
  JlnRecord *objective = NULL;
  g_autofree char *number = NULL;
  g_autoptr(JlnRecord) action = NULL;
  guint position;
  JlnEdit *edit;

  g_return_val_if_fail (JLN_IS_PLAN (plan), NULL);
  g_return_val_if_fail (near == NULL || JLN_IS_RECORD (near), NULL);

  if (out_record != NULL)
    *out_record = NULL;
  if (JLN_IS_ACTION_ITEM (near))
    near = jln_record_get_parent (near);
  if (JLN_IS_ACTION (near))
    objective = jln_record_get_parent (near);
  else if (JLN_IS_OBJECTIVE (near))
    objective = near;
  else
    {
      GListModel *objectives = jln_plan_get_objectives (plan);
      guint n = g_list_model_get_n_items (objectives);
      g_autoptr(JlnRecord) last = NULL;

      if (n == 0)
        return NULL;
      last = g_list_model_get_item (objectives, n - 1);
      objective = last;
    }

  if (!JLN_IS_ACTION (near) || !jln_record_get_position (near, &position))
    position = g_list_model_get_n_items (jln_objective_get_actions (JLN_OBJECTIVE (objective)));
  else
    position++;

  number = jln_plan_next_action_number (objective);
  action = jln_record_new (JLN_KIND_ACTION,
                           "number", number,
                           "title-fr", "Nouvelle action",
                           "title-en", "New action",
                           "status", "planned",
                           NULL);
  edit = jln_edit_new_insert (objective, action, position);
  if (out_record != NULL)
    *out_record = action;
  return edit;
}

/* A sub-item at the end of @action, labelled with the first free letter. */
JlnEdit *
jln_plan_edit_add_item (JlnRecord  *action,
                        JlnRecord **out_record)
{
  g_autofree char *label = NULL;
  g_autoptr(JlnRecord) item = NULL;
  JlnEdit *edit;

  g_return_val_if_fail (JLN_IS_ACTION (action), NULL);

  label = jln_plan_next_item_label (action);
  item = jln_record_new (JLN_KIND_ITEM, "label", label, NULL);
  edit = jln_edit_new_insert (action, item,
                              n_children (action, JLN_KIND_ITEM));
  if (out_record != NULL)
    *out_record = item;
  return edit;
}

/* A copy of @record right after it. A copied action takes the next free
 * number of its objective, a copied objective the next objective number;
 * a copied sub-item keeps its label.
 *
 * Returns: (nullable): NULL when @record has no place to be copied beside. */
JlnEdit *
jln_plan_edit_duplicate (JlnPlan    *plan,
                         JlnRecord  *record,
                         JlnRecord **out_record)
{
  g_autoptr(JlnRecord) copy = NULL;
  JlnEdit *group;
  guint position;

  g_return_val_if_fail (JLN_IS_PLAN (plan), NULL);
  g_return_val_if_fail (JLN_IS_RECORD (record), NULL);

  if (out_record != NULL)
    *out_record = NULL;
  if (!jln_record_get_position (record, &position) || jln_record_get_parent (record) == NULL)
    return NULL;

  copy = jln_record_copy (record);
  group = jln_edit_new_group (_("Duplicate"));
  jln_edit_group_add (group, jln_edit_new_insert (jln_record_get_parent (record), copy,
                                                  position + 1));
  if (JLN_IS_ACTION (record))
    {
      g_autofree char *number = jln_plan_next_action_number (jln_record_get_parent (record));

      jln_edit_group_add (group, jln_plan_edit_set_value (copy, JLN_PLAN_FIELD_NUMBER, -1, number));
    }
  else if (JLN_IS_OBJECTIVE (record))
    {
      g_autofree char *number = next_objective_number (plan);

      jln_edit_group_add (group, jln_plan_edit_set_value (copy, JLN_PLAN_FIELD_NUMBER, -1, number));
    }
  if (out_record != NULL)
    *out_record = copy;
  return group;
}

/* @record and all it holds; undone in one step. */
JlnEdit *
jln_plan_edit_delete (JlnRecord *record)
{
  g_return_val_if_fail (JLN_IS_RECORD (record), NULL);

  return jln_edit_new_remove (record);
}

/* @record @delta places further among the records of its kind beside it.
 *
 * Returns: (nullable): NULL when it would leave the list. */
JlnEdit *
jln_plan_edit_move_by (JlnRecord *record,
                       int        delta)
{
  JlnRecord *parent;
  guint position;
  guint n;
  gint64 target;

  g_return_val_if_fail (JLN_IS_RECORD (record), NULL);

  parent = jln_record_get_parent (record);
  if (parent == NULL || !jln_record_get_position (record, &position) || delta == 0)
    return NULL;
  n = g_list_model_get_n_items (jln_record_get_children (parent, jln_record_get_kind (record)));
  target = (gint64) position + delta;
  if (target < 0 || target >= n)
    return NULL;
  return jln_edit_new_move (record, (guint) target);
}

/* A new unit of @code, chosen for @record's units, in one step. */
JlnEdit *
jln_plan_edit_add_unit_chosen (JlnPlan     *plan,
                               JlnRecord   *record,
                               const char  *code,
                               JlnRecord  **out_record)
{
  g_autoptr(JlnRecord) unit = NULL;
  g_autoptr(GPtrArray) chosen = NULL;
  GPtrArray *refs;
  JlnEdit *group;

  g_return_val_if_fail (JLN_IS_PLAN (plan), NULL);
  g_return_val_if_fail (JLN_IS_RECORD (record), NULL);
  g_return_val_if_fail (code != NULL, NULL);

  unit = jln_record_new (JLN_KIND_UNIT, "code", code, NULL);
  /* Translators: the name of an undoable step. */
  group = jln_edit_new_group (_("New unit"));
  jln_edit_group_add (group, jln_edit_new_insert (JLN_RECORD (plan), unit,
                                                  n_children (JLN_RECORD (plan), JLN_KIND_UNIT)));
  refs = jln_record_get_refs (record, jln_plan_field_get_name (JLN_PLAN_FIELD_UNITS));
  chosen = g_ptr_array_new ();
  for (guint i = 0; refs != NULL && i < refs->len; i++)
    g_ptr_array_add (chosen, g_ptr_array_index (refs, i));
  g_ptr_array_add (chosen, unit);
  jln_edit_group_add (group, jln_plan_edit_set_refs (record, JLN_PLAN_FIELD_UNITS, chosen));
  if (out_record != NULL)
    *out_record = unit;
  return group;
}

/* Where a record of @kind added to @plan by @group goes: at the end,
 * after those @group already adds. */
static guint
end_position (JlnEdit   *group,
              JlnRecord *parent,
              JlnKind    kind)
{
  guint position = g_list_model_get_n_items (jln_record_get_children (parent, kind));

  for (guint i = 0; group->edits != NULL && i < group->edits->len; i++)
    {
      JlnEdit *part = g_ptr_array_index (group->edits, i);

      if (part->kind == JLN_EDIT_INSERT && part->parent == parent &&
          jln_record_get_kind (part->record) == kind)
        position++;
    }
  return position;
}

/* A unit of @code at the end of the plan's, in @group. */
JlnRecord *
jln_plan_edit_group_add_unit (JlnEdit    *group,
                              JlnPlan    *plan,
                              const char *code)
{
  g_autoptr(JlnRecord) unit = NULL;

  g_return_val_if_fail (group != NULL, NULL);
  g_return_val_if_fail (JLN_IS_PLAN (plan), NULL);
  g_return_val_if_fail (code != NULL, NULL);

  unit = jln_record_new (JLN_KIND_UNIT, "code", code, NULL);
  jln_edit_group_add (group, jln_edit_new_insert (JLN_RECORD (plan), unit,
                                                  end_position (group, JLN_RECORD (plan),
                                                                JLN_KIND_UNIT)));
  return unit;
}

/* A milestone at the end of the plan's, in @group, of a date the plan
 * accepts until the caller sets the one typed in the same group. */
JlnRecord *
jln_plan_edit_group_add_milestone (JlnEdit *group,
                                   JlnPlan *plan)
{
  g_autoptr(JlnRecord) milestone = NULL;

  g_return_val_if_fail (group != NULL, NULL);
  g_return_val_if_fail (JLN_IS_PLAN (plan), NULL);

  milestone = jln_record_new (JLN_KIND_MILESTONE, "date", "2000-01", NULL);
  jln_edit_group_add (group, jln_edit_new_insert (JLN_RECORD (plan), milestone,
                                                  end_position (group, JLN_RECORD (plan),
                                                                JLN_KIND_MILESTONE)));
  return milestone;
}

/* --- Indicators ----------------------------------------------------------- */

/* New records start from values the plan accepts; the caller adds what
 * was typed to the same group, so that the core checks it. */
JlnRecord *
jln_plan_edit_group_add_indicator (JlnEdit *group,
                                   JlnPlan *plan)
{
  g_autoptr(JlnRecord) indicator = NULL;

  g_return_val_if_fail (group != NULL, NULL);
  g_return_val_if_fail (JLN_IS_PLAN (plan), NULL);

  indicator = jln_record_new (JLN_KIND_INDICATOR, "number", "1", NULL);
  jln_edit_group_add (group, jln_edit_new_insert (JLN_RECORD (plan), indicator,
                                                  n_children (JLN_RECORD (plan),
                                                              JLN_KIND_INDICATOR)));
  return indicator;
}

JlnRecord *
jln_plan_edit_group_add_target (JlnEdit   *group,
                                JlnPlan   *plan,
                                JlnRecord *indicator)
{
  JlnSemester start;
  g_autofree char *year = NULL;
  g_autoptr(JlnRecord) target = NULL;

  g_return_val_if_fail (group != NULL, NULL);
  g_return_val_if_fail (JLN_IS_PLAN (plan), NULL);
  g_return_val_if_fail (JLN_IS_RECORD (indicator), NULL);

  start = jln_plan_get_start (plan);
  year = g_strdup_printf ("%u", start != JLN_SEMESTER_NONE ? jln_semester_get_year (start) : 2000);
  target = jln_record_new (JLN_KIND_TARGET, "year", year, NULL);
  jln_edit_group_add (group, jln_edit_new_insert (indicator, target,
                                                  n_children (indicator, JLN_KIND_TARGET)));
  return target;
}

JlnRecord *
jln_plan_edit_group_add_measurement (JlnEdit   *group,
                                     JlnPlan   *plan,
                                     JlnRecord *indicator)
{
  JlnSemester start;
  g_autofree char *date = NULL;
  g_autoptr(JlnRecord) measurement = NULL;

  g_return_val_if_fail (group != NULL, NULL);
  g_return_val_if_fail (JLN_IS_PLAN (plan), NULL);
  g_return_val_if_fail (JLN_IS_RECORD (indicator), NULL);

  start = jln_plan_get_start (plan);
  if (start == JLN_SEMESTER_NONE)
    date = g_strdup ("2000-01-01");
  else
    date = g_strdup_printf ("%u-%s", jln_semester_get_year (start),
                            jln_semester_get_half (start) == 1 ? "01-01" : "07-01");
  measurement = jln_record_new (JLN_KIND_MEASUREMENT, "date", date, NULL);
  jln_edit_group_add (group, jln_edit_new_insert (indicator, measurement,
                                                  n_children (indicator, JLN_KIND_MEASUREMENT)));
  return measurement;
}

/* --- The review cycle ----------------------------------------------------- */

/* A progress note of @date (YYYY-MM-DD) at the end of @owner's, an action
 * or a sub-item; @author may be NULL or empty. */
JlnEdit *
jln_plan_edit_add_note (JlnRecord   *owner,
                        const char  *date,
                        JlnLang      lang,
                        const char  *text,
                        const char  *author,
                        JlnRecord  **out_record)
{
  g_autofree char *text_key = field_key (JLN_PLAN_FIELD_TEXT, lang);
  g_autoptr(JlnRecord) note = NULL;
  gboolean has_author = author != NULL && author[0] != '\0';
  JlnEdit *edit;

  g_return_val_if_fail (JLN_IS_RECORD (owner), NULL);
  g_return_val_if_fail (date != NULL && text != NULL, NULL);

  note = jln_record_new (jln_note_kind_for (owner),
                         "date", date,
                         text_key, text,
                         has_author ? "author" : NULL, author,
                         NULL);
  edit = jln_edit_new_insert (owner, note, g_list_model_get_n_items (jln_record_get_notes (owner)));
  if (out_record != NULL)
    *out_record = note;
  return edit;
}

/* A narrative section titled @title in @lang, at the end of the plan's. */
JlnEdit *
jln_plan_edit_add_section (JlnPlan     *plan,
                           JlnLang      lang,
                           const char  *title,
                           JlnRecord  **out_record)
{
  g_autofree char *title_key = field_key (JLN_PLAN_FIELD_TITLE, lang);
  g_autoptr(JlnRecord) section = NULL;
  JlnEdit *edit;

  g_return_val_if_fail (JLN_IS_PLAN (plan), NULL);

  section = jln_record_new (JLN_KIND_SECTION, title_key, title, NULL);
  edit = jln_edit_new_insert (JLN_RECORD (plan), section,
                              n_children (JLN_RECORD (plan), JLN_KIND_SECTION));
  if (out_record != NULL)
    *out_record = section;
  return edit;
}
