/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "jln-enums.h"
#include "jln-action.h"
#include "jln-action-item.h"
#include "jln-objective.h"
#include "jln-unit.h"
#include "jln-note.h"
#include "jln-record-private.h"

/* The texts most actions leave empty: in a block of their own, made for
 * the actions that have one, rather than 120 bytes of NULL in each of
 * the many actions of a large plan. */
typedef struct
{
  JlnText theme;
  JlnText description;
  char **references;
  JlnText extension;
  JlnText note;
  JlnText actors;
  JlnText follow_up;
  JlnText schedule;
} JlnActionMore;

struct _JlnAction
{
  JlnRecord parent_instance;

  JlnInlineString number;
  JlnText title;
  JlnStatus status;
  JlnCompletion completion;
  JlnSemester start;
  JlnSemester due;
  JlnRecurrence recurrence;
  JlnSemester next;
  JlnActionMore *more;
  GPtrArray *units;
  GPtrArray *principles;
};

static const JlnActionMore no_more;

/* An optional field of @self, unset while it has no block of them. */
#define MORE(self, member) ((self)->more != NULL ? &(self)->more->member : &no_more.member)

G_DEFINE_FINAL_TYPE (JlnAction, jln_action, JLN_TYPE_RECORD)

static const JlnField fields[] = {
  { "number", "number", JLN_FIELD_STRING, JLN_FIELD_OF (JlnAction, number), .flags = JLN_FIELD_REQUIRED | JLN_FIELD_INLINE },
  { "title", "title", JLN_FIELD_TEXT, JLN_FIELD_OF (JlnAction, title) },
  { "theme", "theme", JLN_FIELD_TEXT, JLN_FIELD_OF (JlnActionMore, theme), .flags = JLN_FIELD_OPTIONAL },
  { "description", "description", JLN_FIELD_TEXT, JLN_FIELD_OF (JlnActionMore, description), .flags = JLN_FIELD_OPTIONAL },
  { "status", "status", JLN_FIELD_ENUM, JLN_FIELD_OF (JlnAction, status), .enum_type = jln_status_get_type },
  { "completion", "completion", JLN_FIELD_COMPLETION, JLN_FIELD_OF (JlnAction, completion) },
  { "start", "start_semester", JLN_FIELD_SEMESTER, JLN_FIELD_OF (JlnAction, start) },
  { "due", "due_semester", JLN_FIELD_SEMESTER, JLN_FIELD_OF (JlnAction, due) },
  { "recurrence", "recurrence", JLN_FIELD_ENUM, JLN_FIELD_OF (JlnAction, recurrence), .enum_type = jln_recurrence_get_type },
  { "next", "next_semester", JLN_FIELD_SEMESTER, JLN_FIELD_OF (JlnAction, next) },
  { "references", "cf_references", JLN_FIELD_STRV, JLN_FIELD_OF (JlnActionMore, references), .flags = JLN_FIELD_OPTIONAL },
  { "extension", "extension", JLN_FIELD_TEXT, JLN_FIELD_OF (JlnActionMore, extension), .flags = JLN_FIELD_OPTIONAL },
  { "note", "note", JLN_FIELD_TEXT, JLN_FIELD_OF (JlnActionMore, note), .flags = JLN_FIELD_OPTIONAL },
  { "actors", "actors", JLN_FIELD_TEXT, JLN_FIELD_OF (JlnActionMore, actors), .flags = JLN_FIELD_OPTIONAL },
  { "follow_up", "follow_up", JLN_FIELD_TEXT, JLN_FIELD_OF (JlnActionMore, follow_up), .flags = JLN_FIELD_OPTIONAL },
  { "schedule", "schedule", JLN_FIELD_TEXT, JLN_FIELD_OF (JlnActionMore, schedule), .flags = JLN_FIELD_OPTIONAL },
  { "units", "units", JLN_FIELD_REFS, JLN_FIELD_OF (JlnAction, units), .ref_kind = JLN_KIND_UNIT },
  { "principles", "principles", JLN_FIELD_REFS, JLN_FIELD_OF (JlnAction, principles), .ref_kind = JLN_KIND_PRINCIPLE },
};

const JlnKindInfo _jln_action_info = {
  .kind = JLN_KIND_ACTION,
  .name = "action",
  .table = "actions",
  .list_key = "actions",
  .get_type = jln_action_get_type,
  .fields = fields,
  .n_fields = G_N_ELEMENTS (fields),
  .children = { JLN_KIND_ITEM, JLN_KIND_NOTE },
  .n_children = 2,
  .optional_offset = JLN_FIELD_OF (JlnAction, more),
  .optional_size = sizeof (JlnActionMore),
};

static void
jln_action_class_init (JlnActionClass *klass)
{
  _jln_record_class_install_fields (JLN_RECORD_CLASS (klass), &_jln_action_info);
}

static void
jln_action_init (JlnAction *self)
{
}

const char *
jln_action_get_number (JlnAction *self)
{
  g_return_val_if_fail (JLN_IS_ACTION (self), NULL);
  return _jln_inline_string_get (&self->number);
}

const JlnText *
jln_action_get_title (JlnAction *self)
{
  g_return_val_if_fail (JLN_IS_ACTION (self), NULL);
  return &self->title;
}

const JlnText *
jln_action_get_theme (JlnAction *self)
{
  g_return_val_if_fail (JLN_IS_ACTION (self), NULL);
  return MORE (self, theme);
}

const JlnText *
jln_action_get_description (JlnAction *self)
{
  g_return_val_if_fail (JLN_IS_ACTION (self), NULL);
  return MORE (self, description);
}

JlnStatus
jln_action_get_status (JlnAction *self)
{
  g_return_val_if_fail (JLN_IS_ACTION (self), 0);
  return self->status;
}

const JlnCompletion *
jln_action_get_completion (JlnAction *self)
{
  g_return_val_if_fail (JLN_IS_ACTION (self), NULL);
  return &self->completion;
}

JlnSemester
jln_action_get_start (JlnAction *self)
{
  g_return_val_if_fail (JLN_IS_ACTION (self), JLN_SEMESTER_NONE);
  return self->start;
}

JlnSemester
jln_action_get_due (JlnAction *self)
{
  g_return_val_if_fail (JLN_IS_ACTION (self), JLN_SEMESTER_NONE);
  return self->due;
}

JlnRecurrence
jln_action_get_recurrence (JlnAction *self)
{
  g_return_val_if_fail (JLN_IS_ACTION (self), 0);
  return self->recurrence;
}

JlnSemester
jln_action_get_next (JlnAction *self)
{
  g_return_val_if_fail (JLN_IS_ACTION (self), JLN_SEMESTER_NONE);
  return self->next;
}

const char * const *
jln_action_get_references (JlnAction *self)
{
  g_return_val_if_fail (JLN_IS_ACTION (self), NULL);
  return (const char * const *) *MORE (self, references);
}

const JlnText *
jln_action_get_extension (JlnAction *self)
{
  g_return_val_if_fail (JLN_IS_ACTION (self), NULL);
  return MORE (self, extension);
}

const JlnText *
jln_action_get_note (JlnAction *self)
{
  g_return_val_if_fail (JLN_IS_ACTION (self), NULL);
  return MORE (self, note);
}

const JlnText *
jln_action_get_actors (JlnAction *self)
{
  g_return_val_if_fail (JLN_IS_ACTION (self), NULL);
  return MORE (self, actors);
}

const JlnText *
jln_action_get_follow_up (JlnAction *self)
{
  g_return_val_if_fail (JLN_IS_ACTION (self), NULL);
  return MORE (self, follow_up);
}

const JlnText *
jln_action_get_schedule (JlnAction *self)
{
  g_return_val_if_fail (JLN_IS_ACTION (self), NULL);
  return MORE (self, schedule);
}

GPtrArray *
jln_action_get_units (JlnAction *self)
{
  g_return_val_if_fail (JLN_IS_ACTION (self), NULL);
  return self->units;
}

GPtrArray *
jln_action_get_principles (JlnAction *self)
{
  g_return_val_if_fail (JLN_IS_ACTION (self), NULL);
  return self->principles;
}

GListModel *
jln_action_get_items (JlnAction *self)
{
  g_return_val_if_fail (JLN_IS_ACTION (self), NULL);
  return jln_record_get_children (JLN_RECORD (self), JLN_KIND_ITEM);
}

/**
 * jln_action_peek_items:
 *
 * Returns: (transfer none) (nullable): the action's sub-items, or %NULL
 *   while it has never had any (#JlnPlan::children-made tells when it gets
 *   them); unlike jln_action_get_items(), makes no empty list
 */
GListModel *
jln_action_peek_items (JlnAction *self)
{
  g_return_val_if_fail (JLN_IS_ACTION (self), NULL);
  return _jln_record_peek_children (JLN_RECORD (self), JLN_KIND_ITEM);
}

/**
 * jln_action_get_objective:
 *
 * Returns: (transfer none) (nullable): the objective the action is part of.
 */
JlnObjective *
jln_action_get_objective (JlnAction *self)
{
  g_return_val_if_fail (JLN_IS_ACTION (self), NULL);
  return (JlnObjective *) jln_record_get_parent (JLN_RECORD (self));
}

static gboolean
text_contains (const JlnText        *text,
               const JlnFoldMatcher *word)
{
  return jln_fold_matcher_find (word, text->fr) || jln_fold_matcher_find (word, text->en);
}

static gboolean
unit_codes_contain (GPtrArray            *units,
                    const JlnFoldMatcher *word)
{
  for (guint i = 0; i < units->len; i++)
    if (jln_fold_matcher_find (word, jln_unit_get_code (g_ptr_array_index (units, i))))
      return TRUE;
  return FALSE;
}

/* The progress notes of an action or a sub-item: their texts and authors. */
static gboolean
notes_contain (JlnRecord            *owner,
               JlnKind               kind,
               const JlnFoldMatcher *word)
{
  guint n = _jln_record_count_children (owner, kind);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JlnRecord) note = g_list_model_get_item (jln_record_get_children (owner, kind), i);

      if (text_contains (jln_note_get_text (note), word) ||
          jln_fold_matcher_find (word, jln_note_get_author (note)))
        return TRUE;
    }
  return FALSE;
}

/* Whether @word is in the number, the titles, descriptions, themes,
 * unit codes or progress notes of the action or of its sub-items, in
 * either language, ignoring case and accents; no word is found across
 * two fields.
 *
 * The texts are searched as they are, folded on the way: a folded copy
 * of them kept for every action weighed as much as the rest of the plan. */
gboolean
_jln_action_contains (JlnAction            *self,
                      const JlnFoldMatcher *word)
{
  guint n;

  if (jln_fold_matcher_find (word, _jln_inline_string_get (&self->number)) ||
      text_contains (&self->title, word) ||
      text_contains (MORE (self, theme), word) ||
      text_contains (MORE (self, description), word) ||
      text_contains (MORE (self, extension), word) ||
      text_contains (MORE (self, note), word) ||
      unit_codes_contain (self->units, word) ||
      notes_contain (JLN_RECORD (self), JLN_KIND_NOTE, word))
    return TRUE;

  /* Most actions have no sub-items: no empty list is made for them. */
  n = _jln_action_get_n_items (self);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JlnActionItem) item = g_list_model_get_item (jln_action_get_items (self), i);

      if (text_contains (jln_action_item_get_title (item), word) ||
          unit_codes_contain (jln_action_item_get_units (item), word) ||
          notes_contain (JLN_RECORD (item), JLN_KIND_ITEM_NOTE, word))
        return TRUE;
    }
  return FALSE;
}

/* How many sub-items the action has, without making an empty list for
 * the many actions that have none: the query asks this of every action
 * on every keystroke. */
guint
_jln_action_get_n_items (JlnAction *self)
{
  return _jln_record_count_children (JLN_RECORD (self), JLN_KIND_ITEM);
}
