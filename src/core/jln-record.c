/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>
#include "jln-gettext.h"
#include <json-glib/json-glib.h>

#include "jln-children.h"
#include "jln-completion.h"
#include "jln-json.h"
#include "jln-plan.h"
#include "jln-record-private.h"
#include "jln-semester.h"

/* The longest id kept in the record itself: a UUID's 36 characters, as
 * every id Jalons makes and almost every id a plan has. */
#define INLINE_ID_MAX 36

typedef struct
{
  JlnRecord   *parent;     /* not owned: the parent owns its children */
  /* One list per child kind, all made when the first is asked for;
   * until then the pointer, whichever member, is NULL. A kind of record
   * with one kind of children, as most are, points at its list itself
   * rather than at an array of one. */
  union {
    JlnChildren  *one;
    JlnChildren **many;
  } children;
  /* The id: up to INLINE_ID_MAX bytes in @text, which then never starts
   * with a NUL; any other id (empty or longer, from an imported file) in
   * @other, with @text's first byte NUL. The plan's index keys on it. */
  union {
    char text[INLINE_ID_MAX + 1];
    struct {
      char  none;
      char *other;
    } heap;
  } id;
} JlnRecordPrivate;

static const char *
priv_id (JlnRecordPrivate *priv)
{
  return priv->id.text[0] != '\0' ? priv->id.text : priv->id.heap.other;
}

static void
priv_set_id (JlnRecordPrivate *priv,
             const char       *id)
{
  size_t length = strlen (id);

  if (length > 0 && length <= INLINE_ID_MAX)
    memcpy (priv->id.text, id, length + 1);
  else
    {
      priv->id.heap.none = '\0';
      priv->id.heap.other = g_strdup (id);
    }
}

static JlnChildren **
children_lists (JlnRecordPrivate  *priv,
                const JlnKindInfo *info)
{
  return info->n_children == 1 ? &priv->children.one : priv->children.many;
}

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (JlnRecord, jln_record, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const JlnKindInfo * const kind_infos[JLN_N_KINDS] = {
  [JLN_KIND_PLAN] = &_jln_plan_info,
  [JLN_KIND_UNIT] = &_jln_unit_info,
  [JLN_KIND_PRINCIPLE] = &_jln_principle_info,
  [JLN_KIND_MILESTONE] = &_jln_milestone_info,
  [JLN_KIND_OBJECTIVE] = &_jln_objective_info,
  [JLN_KIND_ACTION] = &_jln_action_info,
  [JLN_KIND_ITEM] = &_jln_action_item_info,
  [JLN_KIND_INDICATOR] = &_jln_indicator_info,
  [JLN_KIND_TARGET] = &_jln_target_info,
  [JLN_KIND_MEASUREMENT] = &_jln_measurement_info,
  [JLN_KIND_NOTE] = &_jln_note_info,
  [JLN_KIND_ITEM_NOTE] = &_jln_item_note_info,
  [JLN_KIND_SECTION] = &_jln_section_info,
};

const JlnKindInfo *
_jln_kind_info (JlnKind kind)
{
  g_return_val_if_fail (kind < JLN_N_KINDS, NULL);
  return kind_infos[kind];
}

const JlnKindInfo *
_jln_kind_info_from_list_key (const char *key)
{
  for (guint i = 0; i < JLN_N_KINDS; i++)
    if (g_strcmp0 (kind_infos[i]->list_key, key) == 0)
      return kind_infos[i];
  return NULL;
}

/* Property and edit names use dashes ("follow-up-fr"); field names in
 * JSON use underscores ("follow_up"). Both are accepted. */
static gboolean
names_match (const char *field_name,
             const char *name,
             gsize       len)
{
  gsize i;

  for (i = 0; i < len; i++)
    {
      char a = field_name[i], b = name[i];

      if (a == '\0')
        return FALSE;
      if (a == '_')
        a = '-';
      if (b == '_')
        b = '-';
      if (a != b)
        return FALSE;
    }
  return field_name[i] == '\0';
}

gboolean
_jln_kind_find_field (const JlnKindInfo *info,
                      const char        *name,
                      JlnFieldRef       *ref)
{
  gsize len = strlen (name);

  for (guint i = 0; i < info->n_fields; i++)
    {
      const JlnField *field = &info->fields[i];

      if (field->type == JLN_FIELD_TEXT)
        {
          if (len > 3 && names_match (field->name, name, len - 3) &&
              (strcmp (name + len - 3, "-fr") == 0 || strcmp (name + len - 3, "-en") == 0))
            {
              ref->field = field;
              ref->lang = name[len - 2] == 'f' ? JLN_LANG_FR : JLN_LANG_EN;
              return TRUE;
            }
        }
      else if (names_match (field->name, name, len))
        {
          ref->field = field;
          ref->lang = -1;
          return TRUE;
        }
    }
  return FALSE;
}

char *
_jln_field_ref_name (const JlnFieldRef *ref)
{
  g_autofree char *base = g_strdelimit (g_strdup (ref->field->name), "_", '-');

  if (ref->lang < 0)
    return g_steal_pointer (&base);
  return g_strconcat (base, "-", jln_lang_to_string (ref->lang), NULL);
}

/* What the optional fields of a record without a block of them read as:
 * all unset, and read-only, so that a write through it fails at once. */
static const union {
  JlnText  text;
  char    *string;
  char   **strv;
  guint8   bytes[256];
} no_optional_fields;

static gpointer *
optional_block (JlnRecord         *self,
                const JlnKindInfo *info)
{
  return G_STRUCT_MEMBER_P (self, info->optional_offset);
}

/* The field, to read it. An optional field of a record that has none
 * reads as unset and must not be written through this pointer: see
 * _jln_record_field_ptr_for_writing(). */
gpointer
_jln_record_field_ptr (JlnRecord      *self,
                       const JlnField *field)
{
  if (G_UNLIKELY (field->flags & JLN_FIELD_OPTIONAL))
    {
      gpointer block = *optional_block (self, JLN_RECORD_GET_CLASS (self)->info);

      return (guint8 *) (block != NULL ? block : (gpointer) &no_optional_fields) + field->offset;
    }
  return G_STRUCT_MEMBER_P (self, field->offset);
}

/* The field, to write it: makes the block of optional fields if needed. */
gpointer
_jln_record_field_ptr_for_writing (JlnRecord      *self,
                                   const JlnField *field)
{
  if (field->flags & JLN_FIELD_OPTIONAL)
    {
      const JlnKindInfo *info = JLN_RECORD_GET_CLASS (self)->info;
      gpointer *block = optional_block (self, info);

      if (*block == NULL)
        *block = g_malloc0 (info->optional_size);
      return (guint8 *) *block + field->offset;
    }
  return G_STRUCT_MEMBER_P (self, field->offset);
}

static void
jln_record_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  JlnRecord *self = JLN_RECORD (object);
  JlnRecordPrivate *priv = jln_record_get_instance_private (self);
  const JlnKindInfo *info = JLN_RECORD_GET_CLASS (self)->info;
  guint index;
  const JlnField *field;
  gpointer ptr;

  if (prop_id == PROP_ID)
    {
      g_value_set_string (value, priv_id (priv));
      return;
    }

  index = prop_id - N_PROPS;
  if (info == NULL || index / 2 >= info->n_fields)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  field = &info->fields[index / 2];
  ptr = _jln_record_field_ptr (self, field);
  switch (field->type)
    {
    case JLN_FIELD_TEXT:
      g_value_set_string (value, jln_text_get (ptr, index % 2 == 0 ? JLN_LANG_FR : JLN_LANG_EN));
      break;
    case JLN_FIELD_STRING:
    case JLN_FIELD_DATE:
      g_value_set_string (value, _jln_field_get_string (field, ptr));
      break;
    case JLN_FIELD_INT:
      g_value_set_int (value, *(int *) ptr);
      break;
    case JLN_FIELD_DOUBLE:
      g_value_set_double (value, *(double *) ptr);
      break;
    case JLN_FIELD_ENUM:
      g_value_set_enum (value, *(int *) ptr);
      break;
    case JLN_FIELD_SEMESTER:
      g_value_set_uint (value, *(JlnSemester *) ptr);
      break;
    case JLN_FIELD_COMPLETION:
      g_value_take_string (value, jln_completion_to_string (ptr));
      break;
    case JLN_FIELD_STRV:
      g_value_set_boxed (value, *(char ***) ptr);
      break;
    case JLN_FIELD_REFS:
      g_value_set_boxed (value, *(GPtrArray **) ptr);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      break;
    }
}

static GParamSpec *
field_pspec (const JlnField *field,
             int             lang)
{
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;
  JlnFieldRef ref = { field, lang };
  g_autofree char *name = _jln_field_ref_name (&ref);
  const char *interned = g_intern_string (name);

  switch (field->type)
    {
    case JLN_FIELD_TEXT:
    case JLN_FIELD_STRING:
    case JLN_FIELD_DATE:
    case JLN_FIELD_COMPLETION:
      return g_param_spec_string (interned, NULL, NULL, NULL, flags);
    case JLN_FIELD_INT:
      return g_param_spec_int (interned, NULL, NULL, G_MININT, G_MAXINT, 0, flags);
    case JLN_FIELD_DOUBLE:
      return g_param_spec_double (interned, NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, flags);
    case JLN_FIELD_ENUM:
      return g_param_spec_enum (interned, NULL, NULL, field->enum_type (), 0, flags);
    case JLN_FIELD_SEMESTER:
      return g_param_spec_uint (interned, NULL, NULL, 0, G_MAXUINT, 0, flags);
    case JLN_FIELD_STRV:
      return g_param_spec_boxed (interned, NULL, NULL, G_TYPE_STRV, flags);
    case JLN_FIELD_REFS:
      return g_param_spec_boxed (interned, NULL, NULL, G_TYPE_PTR_ARRAY, flags);
    default:
      return NULL;
    }
}

/* Called from each record class's class_init. */
void
_jln_record_class_install_fields (JlnRecordClass    *klass,
                                  const JlnKindInfo *info)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  g_assert (info->optional_size <= sizeof no_optional_fields);
  klass->info = info;
  klass->field_pspecs = g_new0 (GParamSpec *, info->n_fields * 2);
  object_class->get_property = jln_record_get_property;

  for (guint i = 0; i < info->n_fields; i++)
    {
      const JlnField *field = &info->fields[i];
      guint n_langs = field->type == JLN_FIELD_TEXT ? 2 : 1;

      for (guint lang = 0; lang < n_langs; lang++)
        {
          GParamSpec *pspec = field_pspec (field, field->type == JLN_FIELD_TEXT ? (int) lang : -1);

          if (pspec == NULL)
            continue;
          klass->field_pspecs[i * 2 + lang] = pspec;
          g_object_class_install_property (object_class, N_PROPS + i * 2 + lang, pspec);
        }
    }
}

static void
jln_record_finalize (GObject *object)
{
  JlnRecord *self = JLN_RECORD (object);
  JlnRecordPrivate *priv = jln_record_get_instance_private (self);
  const JlnKindInfo *info = JLN_RECORD_GET_CLASS (self)->info;

  for (guint i = 0; info != NULL && i < info->n_fields; i++)
    {
      const JlnField *field = &info->fields[i];
      gpointer ptr;

      if ((field->flags & JLN_FIELD_OPTIONAL) && *optional_block (self, info) == NULL)
        continue;
      ptr = _jln_record_field_ptr_for_writing (self, field);
      switch (field->type)
        {
        case JLN_FIELD_TEXT:
          jln_text_clear (ptr);
          break;
        case JLN_FIELD_STRING:
        case JLN_FIELD_DATE:
          _jln_field_clear_string (field, ptr);
          break;
        case JLN_FIELD_STRV:
          g_clear_pointer ((char ***) ptr, g_strfreev);
          break;
        case JLN_FIELD_REFS:
          g_clear_pointer ((GPtrArray **) ptr, g_ptr_array_unref);
          break;
        default:
          break;
        }
    }

  if (info != NULL && info->optional_size > 0)
    g_clear_pointer (optional_block (self, info), g_free);

  if (priv->children.one != NULL)
    {
      for (guint i = 0; i < info->n_children; i++)
        {
          JlnChildren *store = children_lists (priv, info)[i];
          guint n = g_list_model_get_n_items (G_LIST_MODEL (store));

          _jln_children_set_parent (store, NULL);
          /* Children may outlive us in a view; they no longer have a parent. */
          for (guint j = 0; j < n; j++)
            {
              g_autoptr(JlnRecord) child = g_list_model_get_item (G_LIST_MODEL (store), j);
              JlnRecordPrivate *child_priv = jln_record_get_instance_private (child);

              child_priv->parent = NULL;
            }
          g_object_unref (store);
        }
      if (info->n_children > 1)
        g_free (priv->children.many);
    }
  if (priv->id.text[0] == '\0')
    g_free (priv->id.heap.other);

  G_OBJECT_CLASS (jln_record_parent_class)->finalize (object);
}

static void
jln_record_class_init (JlnRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = jln_record_finalize;
  object_class->get_property = jln_record_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
jln_record_init (JlnRecord *self)
{
}

/* Reference fields that list nothing share one empty array that nothing
 * changes: most actions have no principles, most sub-items no units. A
 * field gets an array of its own before anything is added to it. */
static GPtrArray *
empty_refs (void)
{
  static GPtrArray *empty;

  if (g_once_init_enter (&empty))
    g_once_init_leave (&empty, g_ptr_array_new_with_free_func (g_object_unref));
  return empty;
}

/* The array of a reference field, to add to in place. */
GPtrArray *
_jln_record_refs_for_adding (JlnRecord      *self,
                             const JlnField *field)
{
  GPtrArray **slot = _jln_record_field_ptr (self, field);

  g_return_val_if_fail (field->type == JLN_FIELD_REFS, NULL);

  if (*slot == empty_refs ())
    {
      g_ptr_array_unref (*slot);
      *slot = g_ptr_array_new_with_free_func (g_object_unref);
    }
  return *slot;
}

JlnRecord *
_jln_record_new (JlnKind     kind,
                 const char *id)
{
  const JlnKindInfo *info = _jln_kind_info (kind);
  JlnRecord *self = g_object_new (info->get_type (), NULL);
  JlnRecordPrivate *priv = jln_record_get_instance_private (self);

  if (id != NULL)
    priv_set_id (priv, id);
  else
    {
      g_autofree char *random = g_uuid_string_random ();

      priv_set_id (priv, random);
    }
  for (guint i = 0; i < info->n_fields; i++)
    {
      const JlnField *field = &info->fields[i];
      gpointer ptr = _jln_record_field_ptr (self, field);

      if (field->type == JLN_FIELD_DOUBLE)
        *(double *) ptr = NAN;
      else if (field->type == JLN_FIELD_REFS)
        *(GPtrArray **) ptr = g_ptr_array_ref (empty_refs ());
    }
  return self;
}

/**
 * jln_record_new:
 * @kind: the kind of record; not %JLN_KIND_PLAN
 * @first_field: (nullable): the name of a field, as edits name them
 * @...: its canonical value, then more pairs, ending with %NULL
 *
 * Makes a record with a new id, not yet part of a plan: insert it with
 * jln_edit_new_insert(). Reference fields cannot be given here, since
 * they need the plan; set them with edits once the record is inserted.
 *
 * Returns: (transfer full): the record
 */
JlnRecord *
jln_record_new (JlnKind     kind,
                const char *first_field,
                ...)
{
  JlnRecord *self;
  va_list args;

  g_return_val_if_fail (kind > JLN_KIND_PLAN && kind < JLN_N_KINDS, NULL);

  self = _jln_record_new (kind, NULL);
  va_start (args, first_field);
  for (const char *name = first_field; name != NULL; name = va_arg (args, const char *))
    {
      const char *value = va_arg (args, const char *);
      g_autoptr(GError) error = NULL;
      JlnFieldRef ref;

      if (!_jln_kind_find_field (_jln_record_get_info (self), name, &ref) ||
          ref.field->type == JLN_FIELD_REFS ||
          !_jln_record_field_from_string (self, &ref, value, NULL, NULL, FALSE, &error))
        g_critical ("jln_record_new: cannot set %s to “%s”: %s", name, value,
                    error != NULL ? error->message : "no such field");
    }
  va_end (args);
  return self;
}

const JlnKindInfo *
_jln_record_get_info (JlnRecord *self)
{
  return JLN_RECORD_GET_CLASS (self)->info;
}

/* An index of records by id, which keeps no copy of the ids and no second
 * array of values: each record is its own key. A lookup passes an IdProbe,
 * whose first pointer is NULL where a record's is its class. */
typedef struct
{
  gpointer    none;
  const char *id;
} IdProbe;

static const char *
index_key_id (gconstpointer key)
{
  const IdProbe *probe = key;

  if (probe->none == NULL)
    return probe->id;
  return priv_id (jln_record_get_instance_private ((JlnRecord *) key));
}

static guint
index_hash (gconstpointer key)
{
  return g_str_hash (index_key_id (key));
}

static gboolean
index_equal (gconstpointer a,
             gconstpointer b)
{
  return strcmp (index_key_id (a), index_key_id (b)) == 0;
}

GHashTable *
_jln_record_index_new (void)
{
  return g_hash_table_new (index_hash, index_equal);
}

/* Adds @record, or puts it in place of the record with the same id:
 * FALSE then. */
gboolean
_jln_record_index_add (GHashTable *index,
                       JlnRecord  *record)
{
  return g_hash_table_add (index, record);
}

void
_jln_record_index_remove (GHashTable *index,
                          JlnRecord  *record)
{
  g_hash_table_remove (index, record);
}

JlnRecord *
_jln_record_index_lookup (GHashTable *index,
                          const char *id)
{
  IdProbe probe = { NULL, id };

  return g_hash_table_lookup (index, &probe);
}

const char *
jln_record_get_id (JlnRecord *self)
{
  JlnRecordPrivate *priv = jln_record_get_instance_private (self);

  g_return_val_if_fail (JLN_IS_RECORD (self), NULL);
  return priv_id (priv);
}

JlnKind
jln_record_get_kind (JlnRecord *self)
{
  g_return_val_if_fail (JLN_IS_RECORD (self), JLN_N_KINDS);
  return JLN_RECORD_GET_CLASS (self)->info->kind;
}

const char *
jln_record_get_kind_name (JlnRecord *self)
{
  g_return_val_if_fail (JLN_IS_RECORD (self), NULL);
  return JLN_RECORD_GET_CLASS (self)->info->name;
}

JlnRecord *
jln_record_get_parent (JlnRecord *self)
{
  JlnRecordPrivate *priv = jln_record_get_instance_private (self);

  g_return_val_if_fail (JLN_IS_RECORD (self), NULL);
  return priv->parent;
}

void
_jln_record_set_parent (JlnRecord *self,
                        JlnRecord *parent)
{
  JlnRecordPrivate *priv = jln_record_get_instance_private (self);

  priv->parent = parent;
}

/* Tells the plan that @self, a record in it, has lists of children now. */
static void
tell_children_made (JlnRecord *self)
{
  JlnRecord *root = self;

  while (jln_record_get_parent (root) != NULL)
    root = jln_record_get_parent (root);
  if (root != self && JLN_IS_PLAN (root))
    _jln_plan_children_made (JLN_PLAN (root), self);
}

/* Tells the plan that @store, a list of children of @self, changed. */
void
_jln_record_children_changed (JlnRecord  *self,
                              GListModel *store,
                              guint       position,
                              guint       removed,
                              guint       added)
{
  JlnRecord *root = self;

  while (jln_record_get_parent (root) != NULL)
    root = jln_record_get_parent (root);
  if (JLN_IS_PLAN (root))
    _jln_plan_children_changed (JLN_PLAN (root), self, store, position, removed, added);
}

JlnChildren *
_jln_record_get_store (JlnRecord *self,
                       JlnKind    kind)
{
  JlnRecordPrivate *priv = jln_record_get_instance_private (self);
  const JlnKindInfo *info = JLN_RECORD_GET_CLASS (self)->info;

  for (guint i = 0; i < info->n_children; i++)
    if (info->children[i] == kind)
      {
        /* Made on first use: a subclass may ask for them from its init. */
        if (priv->children.one == NULL)
          {
            JlnChildren **lists;

            if (info->n_children > 1)
              priv->children.many = g_new0 (JlnChildren *, info->n_children);
            lists = children_lists (priv, info);
            for (guint j = 0; j < info->n_children; j++)
              {
                lists[j] = _jln_children_new (_jln_kind_info (info->children[j])->get_type ());
                _jln_children_set_parent (lists[j], self);
              }
            tell_children_made (self);
          }
        return children_lists (priv, info)[i];
      }
  return NULL;
}

guint
_jln_record_count_children (JlnRecord *self,
                            JlnKind    kind)
{
  JlnRecordPrivate *priv = jln_record_get_instance_private (self);

  if (priv->children.one == NULL)
    return 0;
  return g_list_model_get_n_items (G_LIST_MODEL (_jln_record_get_store (self, kind)));
}

/* The children of @kind, or %NULL while the record has never had any:
 * walks through the whole plan read them without making an empty list
 * for each of the many actions that have no sub-items. */
GListModel *
_jln_record_peek_children (JlnRecord *self,
                           JlnKind    kind)
{
  JlnRecordPrivate *priv = jln_record_get_instance_private (self);

  if (priv->children.one == NULL)
    return NULL;
  return (GListModel *) _jln_record_get_store (self, kind);
}

/**
 * jln_record_get_children:
 * @kind: the kind of children
 *
 * Returns: (transfer none) (nullable): the ordered children of @kind, or
 *   %NULL if a record of this kind has none of them.
 */
GListModel *
jln_record_get_children (JlnRecord *self,
                         JlnKind    kind)
{
  g_return_val_if_fail (JLN_IS_RECORD (self), NULL);
  return (GListModel *) _jln_record_get_store (self, kind);
}

gboolean
jln_record_get_position (JlnRecord *self,
                         guint     *position)
{
  JlnRecordPrivate *priv = jln_record_get_instance_private (self);
  JlnChildren *siblings;

  g_return_val_if_fail (JLN_IS_RECORD (self), FALSE);

  if (priv->parent == NULL)
    return FALSE;
  siblings = _jln_record_get_store (priv->parent, jln_record_get_kind (self));
  return siblings != NULL && _jln_children_find (siblings, self, position);
}

gboolean
jln_record_has_field (JlnRecord  *self,
                      const char *field)
{
  JlnFieldRef ref;

  g_return_val_if_fail (JLN_IS_RECORD (self), FALSE);
  return _jln_kind_find_field (_jln_record_get_info (self), field, &ref);
}

char *
jln_record_dup_field (JlnRecord  *self,
                      const char *field)
{
  JlnFieldRef ref;

  g_return_val_if_fail (JLN_IS_RECORD (self), NULL);
  if (!_jln_kind_find_field (_jln_record_get_info (self), field, &ref))
    g_return_val_if_reached (NULL);
  return _jln_record_field_to_string (self, &ref);
}

const JlnText *
jln_record_get_text (JlnRecord  *self,
                     const char *field)
{
  const JlnKindInfo *info;

  g_return_val_if_fail (JLN_IS_RECORD (self), NULL);

  info = _jln_record_get_info (self);
  for (guint i = 0; i < info->n_fields; i++)
    if (info->fields[i].type == JLN_FIELD_TEXT && names_match (info->fields[i].name, field, strlen (field)))
      return _jln_record_field_ptr (self, &info->fields[i]);
  g_return_val_if_reached (NULL);
}

/**
 * jln_record_get_refs:
 *
 * Returns: (transfer none) (element-type JlnRecord): the records that
 *   the reference field @field points to, in order.
 */
GPtrArray *
jln_record_get_refs (JlnRecord  *self,
                     const char *field)
{
  JlnFieldRef ref;

  g_return_val_if_fail (JLN_IS_RECORD (self), NULL);
  if (!_jln_kind_find_field (_jln_record_get_info (self), field, &ref) ||
      ref.field->type != JLN_FIELD_REFS)
    g_return_val_if_reached (NULL);
  return *(GPtrArray **) _jln_record_field_ptr (self, ref.field);
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

gboolean
_jln_field_is_set (JlnRecord      *self,
                   const JlnField *field)
{
  gpointer ptr = _jln_record_field_ptr (self, field);

  switch (field->type)
    {
    case JLN_FIELD_TEXT:
      return !jln_text_is_empty (ptr);
    case JLN_FIELD_STRING:
    case JLN_FIELD_DATE:
      return _jln_field_get_string (field, ptr) != NULL;
    case JLN_FIELD_INT:
    case JLN_FIELD_ENUM:
      return TRUE;
    case JLN_FIELD_DOUBLE:
      return !isnan (*(double *) ptr);
    case JLN_FIELD_SEMESTER:
      return *(JlnSemester *) ptr != JLN_SEMESTER_NONE;
    case JLN_FIELD_COMPLETION:
      return jln_completion_is_set (ptr);
    case JLN_FIELD_STRV:
      return *(char ***) ptr != NULL && (*(char ***) ptr)[0] != NULL;
    case JLN_FIELD_REFS:
      return (*(GPtrArray **) ptr)->len > 0;
    default:
      g_return_val_if_reached (FALSE);
    }
}

/* The canonical text of a field: what history rows keep, what edits
 * carry, and what SQLite and JSON hold for scalar fields. "" is unset. */
char *
_jln_record_field_to_string (JlnRecord         *self,
                             const JlnFieldRef *ref)
{
  gpointer ptr = _jln_record_field_ptr (self, ref->field);

  switch (ref->field->type)
    {
    case JLN_FIELD_TEXT:
      return g_strdup (jln_text_get (ptr, ref->lang) ? jln_text_get (ptr, ref->lang) : "");
    case JLN_FIELD_STRING:
    case JLN_FIELD_DATE:
      {
        const char *text = _jln_field_get_string (ref->field, ptr);

        return g_strdup (text != NULL ? text : "");
      }
    case JLN_FIELD_INT:
      return g_strdup_printf ("%d", *(int *) ptr);
    case JLN_FIELD_DOUBLE:
      {
        char buf[G_ASCII_DTOSTR_BUF_SIZE];

        if (isnan (*(double *) ptr))
          return g_strdup ("");
        return g_strdup (g_ascii_dtostr (buf, sizeof buf, *(double *) ptr));
      }
    case JLN_FIELD_ENUM:
      {
        g_autoptr(GEnumClass) klass = g_type_class_ref (ref->field->enum_type ());
        GEnumValue *value = g_enum_get_value (klass, *(int *) ptr);

        return g_strdup (value ? value->value_nick : "");
      }
    case JLN_FIELD_SEMESTER:
      return jln_semester_format (*(JlnSemester *) ptr, JLN_SEMESTER_STYLE_ISO, JLN_LANG_EN);
    case JLN_FIELD_COMPLETION:
      return jln_completion_to_string (ptr);
    case JLN_FIELD_STRV:
      return strv_to_json ((const char * const *) *(char ***) ptr);
    case JLN_FIELD_REFS:
      {
        GPtrArray *refs = *(GPtrArray **) ptr;
        g_autofree const char **ids = g_new0 (const char *, refs->len + 1);

        for (guint i = 0; i < refs->len; i++)
          ids[i] = jln_record_get_id (g_ptr_array_index (refs, i));
        return strv_to_json (ids);
      }
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
_jln_inline_string_get (const JlnInlineString *self)
{
  return self->text[0] != '\0' ? self->text : self->heap.other;
}

void
_jln_inline_string_clear (JlnInlineString *self)
{
  if (self->text[0] == '\0')
    g_free (self->heap.other);
  memset (self, 0, sizeof *self);
}

/* Returns whether the string changed. @value may be the string itself. */
gboolean
_jln_inline_string_set (JlnInlineString *self,
                        const char      *value)
{
  JlnInlineString made = { { 0, } };

  if (g_strcmp0 (_jln_inline_string_get (self), value) == 0)
    return FALSE;
  if (value != NULL)
    {
      size_t length = strlen (value);

      if (length > 0 && length <= JLN_INLINE_STRING_MAX)
        memcpy (made.text, value, length + 1);
      else
        made.heap.other = g_strdup (value);
    }
  _jln_inline_string_clear (self);
  *self = made;
  return TRUE;
}

/* A field of type JLN_FIELD_STRING or JLN_FIELD_DATE at @ptr. */
const char *
_jln_field_get_string (const JlnField *field,
                       gconstpointer   ptr)
{
  if (field->flags & JLN_FIELD_INLINE)
    return _jln_inline_string_get (ptr);
  return *(char * const *) ptr;
}

/* Returns whether the field changed. */
gboolean
_jln_field_set_string (const JlnField *field,
                       gpointer        ptr,
                       const char     *value)
{
  if (field->flags & JLN_FIELD_INLINE)
    return _jln_inline_string_set (ptr, value);
  return jln_set_str (ptr, value);
}

void
_jln_field_clear_string (const JlnField *field,
                         gpointer        ptr)
{
  if (field->flags & JLN_FIELD_INLINE)
    _jln_inline_string_clear (ptr);
  else
    g_clear_pointer ((char **) ptr, g_free);
}

gboolean
_jln_validate_date (const char *text)
{
  g_autoptr(GDateTime) date = NULL;
  g_autofree char *full = NULL;
  gsize len = strlen (text);

  if (len == 7 && text[4] == '-')
    full = g_strconcat (text, "-01T00:00:00Z", NULL);
  else if (len == 10 && text[4] == '-' && text[7] == '-')
    full = g_strconcat (text, "T00:00:00Z", NULL);
  else
    return FALSE;
  for (gsize i = 0; i < len; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;

  date = g_date_time_new_from_iso8601 (full, NULL);
  return date != NULL &&
         g_date_time_get_year (date) >= JLN_SEMESTER_MIN_YEAR &&
         g_date_time_get_year (date) <= JLN_SEMESTER_MAX_YEAR;
}

static char **
parse_string_array (const char  *value,
                    GError     **error)
{
  g_autoptr(JsonNode) node = NULL;
  JsonArray *array;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (value[0] == '\0')
    return g_new0 (char *, 1);

  /* From a file: json-glib has no depth limit, and a list of texts is
   * one level deep. */
  if (!jln_json_is_shallow (value, 1))
    goto invalid;
  node = json_from_string (value, error);
  if (node == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    goto invalid;
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING)
        goto invalid;
      g_strv_builder_add (builder, json_node_get_string (element));
    }
  return g_strv_builder_end (builder);

invalid:
  g_set_error_literal (error, JLN_ERROR, JLN_ERROR_INVALID, _("A list of texts is expected"));
  return NULL;
}

static gboolean
strv_equal0 (char **a,
             char **b)
{
  if (a == NULL || a[0] == NULL)
    return b == NULL || b[0] == NULL;
  return b != NULL && g_strv_equal ((const char * const *) a, (const char * const *) b);
}

/* Parses @value (the canonical text), checks it and stores it. Returns
 * FALSE with @error, leaving the record unchanged, when it is not valid. */
gboolean
_jln_record_field_from_string (JlnRecord          *self,
                               const JlnFieldRef  *ref,
                               const char         *value,
                               JlnResolveFunc      resolve,
                               gpointer            resolve_data,
                               gboolean            notify,
                               GError            **error)
{
  const JlnField *field = ref->field;
  gpointer ptr = _jln_record_field_ptr_for_writing (self, field);
  gboolean changed = FALSE;

  if (!g_utf8_validate (value, -1, NULL))
    {
      g_set_error_literal (error, JLN_ERROR, JLN_ERROR_INVALID, _("The text is not valid UTF-8"));
      return FALSE;
    }
  /* The same limit as the JSON reader, so that any plan can be exported and imported. */
  if (strlen (value) > JLN_MAX_TEXT_LENGTH)
    {
      g_set_error_literal (error, JLN_ERROR, JLN_ERROR_INVALID,
                           _("The text is longer than a plan can hold (1 MB)"));
      return FALSE;
    }
  if ((field->flags & JLN_FIELD_REQUIRED) && value[0] == '\0' && field->type != JLN_FIELD_TEXT)
    {
      g_set_error_literal (error, JLN_ERROR, JLN_ERROR_INVALID, _("This field cannot be empty"));
      return FALSE;
    }

  switch (field->type)
    {
    case JLN_FIELD_TEXT:
      {
        JlnText *text = ptr;
        char **slot = ref->lang == JLN_LANG_FR ? &text->fr : &text->en;
        const char *new_value = value[0] != '\0' ? value : NULL;

        if (g_strcmp0 (*slot, new_value) != 0)
          {
            g_free (*slot);
            *slot = g_strdup (new_value);
            changed = TRUE;
          }
        break;
      }
    case JLN_FIELD_STRING:
    case JLN_FIELD_DATE:
      {
        const char *new_value = value[0] != '\0' ? value : NULL;

        if (field->type == JLN_FIELD_DATE && new_value != NULL && !_jln_validate_date (new_value))
          {
            g_set_error (error, JLN_ERROR, JLN_ERROR_INVALID,
                         _("“%s” is not a date: write it as YYYY-MM-DD or YYYY-MM"), value);
            return FALSE;
          }
        changed = _jln_field_set_string (field, ptr, new_value);
        break;
      }
    case JLN_FIELD_INT:
      {
        gint64 number;

        if (!g_ascii_string_to_signed (value, 10, field->min, field->max, &number, NULL))
          {
            g_set_error (error, JLN_ERROR, JLN_ERROR_INVALID,
                         _("“%s” is not a whole number from %d to %d"), value, field->min, field->max);
            return FALSE;
          }
        changed = *(int *) ptr != number;
        *(int *) ptr = number;
        break;
      }
    case JLN_FIELD_DOUBLE:
      {
        double number = NAN;
        char *end = NULL;

        if (value[0] != '\0')
          {
            number = g_ascii_strtod (value, &end);
            if (end == value || *end != '\0' || !isfinite (number) || fabs (number) > JLN_MAX_NUMBER)
              {
                g_set_error (error, JLN_ERROR, JLN_ERROR_INVALID, _("“%s” is not a number"), value);
                return FALSE;
              }
          }
        changed = !(isnan (number) && isnan (*(double *) ptr)) && number != *(double *) ptr;
        *(double *) ptr = number;
        break;
      }
    case JLN_FIELD_ENUM:
      {
        g_autoptr(GEnumClass) klass = g_type_class_ref (field->enum_type ());
        GEnumValue *enum_value = g_enum_get_value_by_nick (klass, value);

        if (enum_value == NULL)
          {
            g_autoptr(GString) allowed = g_string_new (NULL);

            for (guint i = 0; i < klass->n_values; i++)
              g_string_append_printf (allowed, "%s%s", i > 0 ? ", " : "", klass->values[i].value_nick);
            g_set_error (error, JLN_ERROR, JLN_ERROR_INVALID,
                         /* Translators: the second %s is a list of accepted words. */
                         _("“%s” is not one of: %s"), value, allowed->str);
            return FALSE;
          }
        changed = *(int *) ptr != enum_value->value;
        *(int *) ptr = enum_value->value;
        break;
      }
    case JLN_FIELD_SEMESTER:
      {
        JlnSemester semester = JLN_SEMESTER_NONE;

        if (value[0] != '\0' && !jln_semester_parse (value, &semester, error))
          return FALSE;
        changed = *(JlnSemester *) ptr != semester;
        *(JlnSemester *) ptr = semester;
        break;
      }
    case JLN_FIELD_COMPLETION:
      {
        JlnCompletion completion;

        if (!jln_completion_parse (value, &completion, error))
          return FALSE;
        changed = !jln_completion_equal (ptr, &completion);
        *(JlnCompletion *) ptr = completion;
        break;
      }
    case JLN_FIELD_STRV:
      {
        char **strv = parse_string_array (value, error);

        if (strv == NULL)
          return FALSE;
        if (strv[0] == NULL)
          g_clear_pointer (&strv, g_strfreev);
        changed = !strv_equal0 (*(char ***) ptr, strv);
        g_strfreev (*(char ***) ptr);
        *(char ***) ptr = strv;
        break;
      }
    case JLN_FIELD_REFS:
      {
        g_auto(GStrv) ids = parse_string_array (value, error);
        g_autoptr(GPtrArray) refs = NULL;
        GPtrArray *old = *(GPtrArray **) ptr;

        if (ids == NULL)
          return FALSE;
        refs = g_ptr_array_new_with_free_func (g_object_unref);
        for (guint i = 0; ids[i] != NULL; i++)
          {
            JlnRecord *target = resolve != NULL ? resolve (ids[i], resolve_data) : NULL;

            if (target == NULL || jln_record_get_kind (target) != field->ref_kind)
              {
                g_set_error (error, JLN_ERROR, JLN_ERROR_NOT_FOUND,
                             /* Translators: the first %s is a kind of object (unit, action…), the second an identifier. */
                             _("There is no %s with the identifier “%s”"),
                             _jln_kind_info (field->ref_kind)->name, ids[i]);
                return FALSE;
              }
            for (guint j = 0; j < refs->len; j++)
              if (g_ptr_array_index (refs, j) == target)
                {
                  g_set_error (error, JLN_ERROR, JLN_ERROR_INVALID,
                               _("“%s” is listed twice"), ids[i]);
                  return FALSE;
                }
            g_ptr_array_add (refs, g_object_ref (target));
          }
        changed = old->len != refs->len;
        for (guint i = 0; !changed && i < refs->len; i++)
          changed = g_ptr_array_index (old, i) != g_ptr_array_index (refs, i);
        if (refs->len == 0)
          {
            g_ptr_array_unref (refs);
            refs = g_ptr_array_ref (empty_refs ());
          }
        g_ptr_array_unref (old);
        *(GPtrArray **) ptr = g_steal_pointer (&refs);
        break;
      }
    default:
      g_return_val_if_reached (FALSE);
    }

  if (changed && notify)
    _jln_record_notify_field (self, ref);
  return TRUE;
}

void
_jln_record_notify_field (JlnRecord         *self,
                          const JlnFieldRef *ref)
{
  JlnRecordClass *klass = JLN_RECORD_GET_CLASS (self);
  guint index = ref->field - klass->info->fields;
  GParamSpec *pspec = klass->field_pspecs[index * 2 + (ref->lang == JLN_LANG_EN ? 1 : 0)];

  g_object_notify_by_pspec (G_OBJECT (self), pspec);
}

gboolean
_jln_record_check_required (JlnRecord  *self,
                            GError    **error)
{
  const JlnKindInfo *info = _jln_record_get_info (self);

  for (guint i = 0; i < info->n_fields; i++)
    {
      const JlnField *field = &info->fields[i];

      if ((field->flags & JLN_FIELD_REQUIRED) && !_jln_field_is_set (self, field))
        {
          g_set_error (error, JLN_ERROR, JLN_ERROR_INVALID,
                       /* Translators: %s is the name of a field, like “title” or “number”. */
                       _("The field “%s” is missing"), field->name);
          return FALSE;
        }
    }
  return TRUE;
}
