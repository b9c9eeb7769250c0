/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jln-children.h"
#include "jln-record.h"

G_BEGIN_DECLS

#define JLN_MAX_TEXT_LENGTH (1024 * 1024)
/* The largest magnitude of a number in a plan, the same for every reader. */
#define JLN_MAX_NUMBER 1e15

typedef enum
{
  JLN_FIELD_STRING,      /* char *, NULL when unset */
  JLN_FIELD_TEXT,        /* JlnText, one property per language */
  JLN_FIELD_INT,         /* int */
  JLN_FIELD_DOUBLE,      /* double, NAN when unset */
  JLN_FIELD_ENUM,        /* int of a registered enum, written as its nick */
  JLN_FIELD_SEMESTER,    /* JlnSemester */
  JLN_FIELD_COMPLETION,  /* JlnCompletion */
  JLN_FIELD_DATE,        /* char *, ISO 8601 YYYY-MM or YYYY-MM-DD */
  JLN_FIELD_STRV,        /* char ** */
  JLN_FIELD_REFS,        /* GPtrArray * of JlnRecord, never NULL */
} JlnFieldType;

typedef enum
{
  JLN_FIELD_REQUIRED = 1 << 0,
  /* Rarely set: kept in the record's block of optional fields, made when
   * one of them is first written, and read as unset while there is none.
   * The offset is then into that block. A text, a string or a list of
   * strings only, which are unset when all zero. */
  JLN_FIELD_OPTIONAL = 1 << 1,
  /* A string kept in the record as a JlnInlineString rather than a
   * char *: an action's number, a sub-item's letter. Read and write it
   * with _jln_field_get_string() and _jln_field_set_string(). */
  JLN_FIELD_INLINE = 1 << 2,
} JlnFieldFlags;

/* The longest string a JlnInlineString keeps in itself: every number of
 * an action ("12.345") and letter of a sub-item, which would otherwise
 * cost a pointer and a heap block of 32 bytes each. */
#define JLN_INLINE_STRING_MAX 15

/* Up to JLN_INLINE_STRING_MAX bytes in @text, which then never starts
 * with a NUL; anything else (unset, empty or longer) in @heap.other,
 * with @text's first byte NUL. All zero is unset. */
typedef union
{
  char text[JLN_INLINE_STRING_MAX + 1];
  struct {
    char  none;
    char *other;
  } heap;
} JlnInlineString;

const char     *_jln_inline_string_get          (const JlnInlineString *self);
gboolean        _jln_inline_string_set          (JlnInlineString       *self,
                                                 const char            *value);
void            _jln_inline_string_clear        (JlnInlineString       *self);

typedef struct
{
  const char    *name;        /* JSON key and history name; a text adds "-fr" or "-en" */
  const char    *column;      /* SQLite column; a text adds "_fr" and "_en" */
  JlnFieldType   type;
  guint          offset;
  GType        (*enum_type) (void);
  JlnKind        ref_kind;
  JlnFieldFlags  flags;
  int            min;         /* JLN_FIELD_INT bounds */
  int            max;
} JlnField;

struct _JlnKindInfo
{
  JlnKind          kind;
  const char      *name;        /* "action" */
  const char      *table;       /* "actions" */
  const char      *list_key;    /* the JSON key of a list of these in their parent */
  GType          (*get_type) (void);
  const JlnField  *fields;
  guint            n_fields;
  JlnKind          children[6];
  guint            n_children;
  /* Where the instance points at its block of JLN_FIELD_OPTIONAL fields,
   * and the size of that block; both 0 for a kind without one. */
  guint            optional_offset;
  guint            optional_size;
};

/* A field as an edit, a property or a history row names it: the field
 * and, for a text, its language (-1 otherwise). */
typedef struct
{
  const JlnField *field;
  int             lang;
} JlnFieldRef;

typedef JlnRecord *(*JlnResolveFunc) (const char *id,
                                      gpointer    user_data);

const JlnKindInfo *_jln_kind_info               (JlnKind             kind);
const JlnKindInfo *_jln_kind_info_from_list_key (const char         *key);
gboolean        _jln_kind_find_field            (const JlnKindInfo  *info,
                                                 const char         *name,
                                                 JlnFieldRef        *ref);
char           *_jln_field_ref_name             (const JlnFieldRef  *ref);

void            _jln_record_class_install_fields (JlnRecordClass    *klass,
                                                  const JlnKindInfo *info);

JlnRecord      *_jln_record_new                 (JlnKind             kind,
                                                 const char         *id);
const JlnKindInfo *_jln_record_get_info         (JlnRecord          *self);
GHashTable     *_jln_record_index_new           (void);
gboolean        _jln_record_index_add           (GHashTable         *index,
                                                 JlnRecord          *record);
void            _jln_record_index_remove        (GHashTable         *index,
                                                 JlnRecord          *record);
JlnRecord      *_jln_record_index_lookup        (GHashTable         *index,
                                                 const char         *id);
void            _jln_record_set_parent          (JlnRecord          *self,
                                                 JlnRecord          *parent);
JlnChildren    *_jln_record_get_store           (JlnRecord          *self,
                                                 JlnKind             kind);
void            _jln_record_children_changed    (JlnRecord          *self,
                                                 GListModel         *store,
                                                 guint               position,
                                                 guint               removed,
                                                 guint               added);
guint           _jln_record_count_children      (JlnRecord          *self,
                                                 JlnKind             kind);
GListModel     *_jln_record_peek_children       (JlnRecord          *self,
                                                 JlnKind             kind);
gpointer        _jln_record_field_ptr           (JlnRecord          *self,
                                                 const JlnField     *field);
gpointer        _jln_record_field_ptr_for_writing (JlnRecord        *self,
                                                   const JlnField   *field);
GPtrArray      *_jln_record_refs_for_adding     (JlnRecord          *self,
                                                 const JlnField     *field);

char           *_jln_record_field_to_string     (JlnRecord          *self,
                                                 const JlnFieldRef  *ref);
gboolean        _jln_field_is_set               (JlnRecord          *self,
                                                 const JlnField     *field);
gboolean        _jln_record_field_from_string   (JlnRecord          *self,
                                                 const JlnFieldRef  *ref,
                                                 const char         *value,
                                                 JlnResolveFunc      resolve,
                                                 gpointer            resolve_data,
                                                 gboolean            notify,
                                                 GError            **error);
void            _jln_record_notify_field        (JlnRecord          *self,
                                                 const JlnFieldRef  *ref);
gboolean        _jln_validate_date              (const char         *text);
const char     *_jln_field_get_string           (const JlnField     *field,
                                                 gconstpointer       ptr);
gboolean        _jln_field_set_string           (const JlnField     *field,
                                                 gpointer            ptr,
                                                 const char         *value);
void            _jln_field_clear_string         (const JlnField     *field,
                                                 gpointer            ptr);
gboolean        _jln_record_check_required      (JlnRecord          *self,
                                                 GError            **error);

/* Field table helpers, so that the classes read as a list of fields. */
#define JLN_FIELD_OF(Type, member) ((guint) G_STRUCT_OFFSET (Type, member))

G_END_DECLS

G_BEGIN_DECLS

extern const JlnKindInfo _jln_plan_info;
extern const JlnKindInfo _jln_unit_info;
extern const JlnKindInfo _jln_principle_info;
extern const JlnKindInfo _jln_milestone_info;
extern const JlnKindInfo _jln_objective_info;
extern const JlnKindInfo _jln_action_info;
extern const JlnKindInfo _jln_action_item_info;
extern const JlnKindInfo _jln_indicator_info;
extern const JlnKindInfo _jln_target_info;
extern const JlnKindInfo _jln_measurement_info;
extern const JlnKindInfo _jln_note_info;
extern const JlnKindInfo _jln_item_note_info;
extern const JlnKindInfo _jln_section_info;

G_END_DECLS
