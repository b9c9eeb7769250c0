/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "jln-enums.h"
#include "jln-plan.h"
#include "jln-record-private.h"

struct _JlnPlan
{
  JlnRecord parent_instance;

  JlnText title;
  JlnSemester start;
  JlnSemester end;
  JlnText notes;

  /* Every record of the plan by its id, the plan itself included. */
  GHashTable *index;
};

G_DEFINE_FINAL_TYPE (JlnPlan, jln_plan, JLN_TYPE_RECORD)

static const JlnField fields[] = {
  { "title", "title", JLN_FIELD_TEXT, JLN_FIELD_OF (JlnPlan, title), .flags = JLN_FIELD_REQUIRED },
  { "start", "start_semester", JLN_FIELD_SEMESTER, JLN_FIELD_OF (JlnPlan, start) },
  { "end", "end_semester", JLN_FIELD_SEMESTER, JLN_FIELD_OF (JlnPlan, end) },
  { "notes", "notes", JLN_FIELD_TEXT, JLN_FIELD_OF (JlnPlan, notes) },
};

const JlnKindInfo _jln_plan_info = {
  .kind = JLN_KIND_PLAN,
  .name = "plan",
  .table = "plan",
  .list_key = NULL,
  .get_type = jln_plan_get_type,
  .fields = fields,
  .n_fields = G_N_ELEMENTS (fields),
  .children = { JLN_KIND_UNIT, JLN_KIND_PRINCIPLE, JLN_KIND_MILESTONE, JLN_KIND_OBJECTIVE, JLN_KIND_INDICATOR,
                JLN_KIND_SECTION },
  .n_children = 6,
};

/* Plans this large give their memory back to the system when freed. */
#define LARGE_PLAN_RECORDS 10000

/* The C library keeps freed memory for later use, and what a thread
 * freed stays with that thread's heap: once a large plan has been read
 * or freed, what is free goes back to the system, so that reading the
 * next plan does not add to it. */
void
_jln_plan_release_free_memory (void)
{
#ifdef __GLIBC__
  malloc_trim (0);
#endif
}

gboolean
_jln_plan_is_large (JlnPlan *self)
{
  return g_hash_table_size (self->index) >= LARGE_PLAN_RECORDS;
}

static void
jln_plan_finalize (GObject *object)
{
  JlnPlan *self = JLN_PLAN (object);
  gboolean large = _jln_plan_is_large (self);

  g_clear_pointer (&self->index, g_hash_table_unref);

  /* The records themselves are freed by the parent class. */
  G_OBJECT_CLASS (jln_plan_parent_class)->finalize (object);
  if (large)
    _jln_plan_release_free_memory ();
}

enum {
  CHILDREN_MADE,
  CHILDREN_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
jln_plan_class_init (JlnPlanClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = jln_plan_finalize;
  _jln_record_class_install_fields (JLN_RECORD_CLASS (klass), &_jln_plan_info);

  /**
   * JlnPlan::children-made:
   * @record: a record of the plan
   *
   * @record, part of the plan, has just made its lists of children, which
   * it did not have: the lists are empty, and their #GListModel::items-changed
   * follows when a child is put in. A view that watches only the lists
   * that exist, rather than an empty list for each of many records, learns
   * here of one more to watch.
   */
  signals[CHILDREN_MADE] = g_signal_new ("children-made", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 1, JLN_TYPE_RECORD);
  /**
   * JlnPlan::children-changed:
   * @record: a record of the plan, or the plan itself
   * @store: one of @record's lists of children
   * @position: where the change is
   * @removed: the children removed there
   * @added: the children added there
   *
   * Emitted after @store's own #GListModel::items-changed: one handler
   * here rather than one on each of the many lists of a large plan.
   */
  signals[CHILDREN_CHANGED] = g_signal_new ("children-changed", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                            G_TYPE_NONE, 5, JLN_TYPE_RECORD, G_TYPE_LIST_MODEL,
                                            G_TYPE_UINT, G_TYPE_UINT, G_TYPE_UINT);
}

void
_jln_plan_children_changed (JlnPlan    *self,
                            JlnRecord  *record,
                            GListModel *store,
                            guint       position,
                            guint       removed,
                            guint       added)
{
  g_signal_emit (self, signals[CHILDREN_CHANGED], 0, record, store, position, removed, added);
}

void
_jln_plan_children_made (JlnPlan   *self,
                         JlnRecord *record)
{
  g_signal_emit (self, signals[CHILDREN_MADE], 0, record);
}

static void
jln_plan_init (JlnPlan *self)
{
  /* Keys are the records' own ids, which live as long as the records. */
  self->index = _jln_record_index_new ();
}

/**
 * jln_plan_new:
 *
 * Returns: (transfer full): a new, empty plan.
 */
JlnPlan *
jln_plan_new (void)
{
  return _jln_plan_new_with_id (NULL);
}

/**
 * jln_plan_new_untitled:
 *
 * Returns: (transfer full): a new, empty plan titled “New plan” in both
 *   content languages
 */
JlnPlan *
jln_plan_new_untitled (void)
{
  JlnPlan *self = jln_plan_new ();

  self->title.fr = g_strdup (JLN_PLAN_UNTITLED_FR);
  self->title.en = g_strdup (JLN_PLAN_UNTITLED_EN);
  return self;
}

JlnPlan *
_jln_plan_new_with_id (const char *id)
{
  JlnPlan *self = JLN_PLAN (_jln_record_new (JLN_KIND_PLAN, id));

  _jln_plan_index_add (self, JLN_RECORD (self));
  return self;
}

/**
 * jln_plan_lookup:
 *
 * Returns: (transfer none) (nullable): the record of the plan whose id is @id.
 */
JlnRecord *
jln_plan_lookup (JlnPlan    *self,
                 const char *id)
{
  g_return_val_if_fail (JLN_IS_PLAN (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return _jln_record_index_lookup (self->index, id);
}

JlnRecord *
_jln_plan_resolve (const char *id,
                   gpointer    user_data)
{
  return jln_plan_lookup (user_data, id);
}

/* Adds @record and all its descendants to the index. */
void
_jln_plan_index_add (JlnPlan   *self,
                     JlnRecord *record)
{
  const JlnKindInfo *info = _jln_record_get_info (record);

  _jln_record_index_add (self->index, record);
  for (guint i = 0; i < info->n_children; i++)
    {
      GListModel *children = _jln_record_peek_children (record, info->children[i]);
      guint n = children != NULL ? g_list_model_get_n_items (children) : 0;

      for (guint j = 0; j < n; j++)
        {
          g_autoptr(JlnRecord) child = g_list_model_get_item (children, j);

          _jln_plan_index_add (self, child);
        }
    }
}

/* Adds @record alone; FALSE if its id is taken. */
gboolean
_jln_plan_index_insert (JlnPlan   *self,
                        JlnRecord *record)
{
  return _jln_record_index_add (self->index, record);
}

void
_jln_plan_index_remove (JlnPlan   *self,
                        JlnRecord *record)
{
  const JlnKindInfo *info = _jln_record_get_info (record);

  _jln_record_index_remove (self->index, record);
  for (guint i = 0; i < info->n_children; i++)
    {
      GListModel *children = _jln_record_peek_children (record, info->children[i]);
      guint n = children != NULL ? g_list_model_get_n_items (children) : 0;

      for (guint j = 0; j < n; j++)
        {
          g_autoptr(JlnRecord) child = g_list_model_get_item (children, j);

          _jln_plan_index_remove (self, child);
        }
    }
}

/* Counts the records that refer to @target through a reference field,
 * adding them to @referrers when it is given. */
guint
_jln_plan_count_referrers (JlnPlan   *self,
                           JlnRecord *target,
                           GPtrArray *referrers)
{
  GHashTableIter iter;
  gpointer value;
  guint count = 0;

  g_hash_table_iter_init (&iter, self->index);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      JlnRecord *record = value;
      const JlnKindInfo *info = _jln_record_get_info (record);

      for (guint i = 0; i < info->n_fields; i++)
        {
          GPtrArray *refs;

          if (info->fields[i].type != JLN_FIELD_REFS)
            continue;
          refs = *(GPtrArray **) _jln_record_field_ptr (record, &info->fields[i]);
          for (guint j = 0; j < refs->len; j++)
            if (g_ptr_array_index (refs, j) == target)
              {
                count++;
                if (referrers != NULL)
                  g_ptr_array_add (referrers, record);
              }
        }
    }
  return count;
}

/* Replaces the index with @index, which holds every record of the plan. */
void
_jln_plan_take_index (JlnPlan    *self,
                      GHashTable *index)
{
  g_hash_table_unref (self->index);
  self->index = index;
}

guint
jln_plan_get_n_records (JlnPlan *self)
{
  g_return_val_if_fail (JLN_IS_PLAN (self), 0);
  return g_hash_table_size (self->index);
}

const JlnText *
jln_plan_get_title (JlnPlan *self)
{
  g_return_val_if_fail (JLN_IS_PLAN (self), NULL);
  return &self->title;
}

JlnSemester
jln_plan_get_start (JlnPlan *self)
{
  g_return_val_if_fail (JLN_IS_PLAN (self), JLN_SEMESTER_NONE);
  return self->start;
}

JlnSemester
jln_plan_get_end (JlnPlan *self)
{
  g_return_val_if_fail (JLN_IS_PLAN (self), JLN_SEMESTER_NONE);
  return self->end;
}

const JlnText *
jln_plan_get_notes (JlnPlan *self)
{
  g_return_val_if_fail (JLN_IS_PLAN (self), NULL);
  return &self->notes;
}

GListModel *
jln_plan_get_units (JlnPlan *self)
{
  g_return_val_if_fail (JLN_IS_PLAN (self), NULL);
  return jln_record_get_children (JLN_RECORD (self), JLN_KIND_UNIT);
}

GListModel *
jln_plan_get_principles (JlnPlan *self)
{
  g_return_val_if_fail (JLN_IS_PLAN (self), NULL);
  return jln_record_get_children (JLN_RECORD (self), JLN_KIND_PRINCIPLE);
}

GListModel *
jln_plan_get_milestones (JlnPlan *self)
{
  g_return_val_if_fail (JLN_IS_PLAN (self), NULL);
  return jln_record_get_children (JLN_RECORD (self), JLN_KIND_MILESTONE);
}

GListModel *
jln_plan_get_objectives (JlnPlan *self)
{
  g_return_val_if_fail (JLN_IS_PLAN (self), NULL);
  return jln_record_get_children (JLN_RECORD (self), JLN_KIND_OBJECTIVE);
}

GListModel *
jln_plan_get_indicators (JlnPlan *self)
{
  g_return_val_if_fail (JLN_IS_PLAN (self), NULL);
  return jln_record_get_children (JLN_RECORD (self), JLN_KIND_INDICATOR);
}

GListModel *
jln_plan_get_sections (JlnPlan *self)
{
  g_return_val_if_fail (JLN_IS_PLAN (self), NULL);
  return jln_record_get_children (JLN_RECORD (self), JLN_KIND_SECTION);
}
