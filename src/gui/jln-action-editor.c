/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <adwaita.h>
#include <glib/gi18n.h>

#include "jln-action.h"
#include "jln-action-editor.h"
#include "jln-note.h"
#include "jln-notes-box.h"
#include "jln-action-item.h"
#include "jln-enums.h"
#include "jln-objective.h"
#include "jln-plan-edits.h"
#include "jln-principle.h"
#include "jln-session.h"
#include "jln-text-row.h"
#include "jln-unit.h"

/* The side pane that shows every field of an objective, an action or a
 * sub-item, and edits them. Each field commits when the user is done with
 * it (Enter, or the focus leaving it), as one jln_document_apply(); a
 * refused value is shown under the field with the core's message, and the
 * field shows again what is stored. The pane follows the record: its
 * notify signal refreshes every field but the one being typed in.
 *
 * The fields of one record are a Form. A form is reference counted: the
 * editor holds one reference while it shows the form, and every signal
 * connection of its widgets holds another, so that a callback never sees
 * freed memory, even when applying an edit rebuilds the pane under it.
 * A form the editor no longer shows is "dead" and ignores its signals. */

/* The semesters a planned date can be chosen from, widened to take in a
 * stored date that lies outside. */
#define FIRST_YEAR 2010
#define LAST_YEAR  2035

typedef enum
{
  FIELD_STRING,      /* AdwEntryRow: number, label */
  FIELD_TEXT,        /* JlnTextRow of one paragraph: Enter commits */
  FIELD_LONG_TEXT,   /* JlnTextRow of several paragraphs */
  FIELD_STATUS,      /* AdwComboRow of the statuses */
  FIELD_CHOICE,      /* AdwComboRow of the values of an enum: programme, recurrence */
  FIELD_SEMESTER,    /* AdwComboRow of semesters */
  FIELD_COMPLETION,  /* AdwEntryRow checked by jln_completion_parse() */
  FIELD_REFERENCES,  /* AdwEntryRow of numbers separated by commas */
  FIELD_UNITS,       /* chosen in a popover */
  FIELD_PRINCIPLES,  /* chosen in a popover */
} FieldType;

/* The groups of the pane's template that the rows of the record shown
 * go to. */
typedef enum
{
  GROUP_MAIN,
  GROUP_DATES,
  GROUP_RESPONSIBILITY,
  GROUP_CHARTER,
  GROUP_REFERENCES,
  GROUP_DETAILS,     /* folded under "More Details" */
  N_GROUPS
} Group;

typedef struct
{
  JlnPlanField  field;  /* what edits change */
  const char   *name;   /* the property shown, without "-fr" or "-en", and the row's name */
  FieldType     type;
  const char   *title;  /* N_() */
  Group         group;
} FieldSpec;

static const FieldSpec objective_fields[] = {
  { JLN_PLAN_FIELD_PROGRAMME, "programme", FIELD_CHOICE, N_("Programme"), GROUP_MAIN },
  { JLN_PLAN_FIELD_NUMBER, "number", FIELD_STRING, N_("Number"), GROUP_MAIN },
  { JLN_PLAN_FIELD_TITLE, "title", FIELD_TEXT, N_("Title"), GROUP_MAIN },
  { JLN_PLAN_FIELD_DESCRIPTION, "description", FIELD_LONG_TEXT, N_("Description"), GROUP_MAIN },
};

/* What is set for every action comes first, so that the status, the
 * title, the dates and the units fit on one screen; the fields filled in
 * now and then fold under "More Details". */
static const FieldSpec action_fields[] = {
  { JLN_PLAN_FIELD_NUMBER, "number", FIELD_STRING, N_("Number"), GROUP_MAIN },
  { JLN_PLAN_FIELD_STATUS, "status", FIELD_STATUS, N_("Status"), GROUP_MAIN },
  { JLN_PLAN_FIELD_TITLE, "title", FIELD_TEXT, N_("Title"), GROUP_MAIN },
  { JLN_PLAN_FIELD_START, "start", FIELD_SEMESTER, N_("Start"), GROUP_DATES },
  { JLN_PLAN_FIELD_DUE, "due", FIELD_SEMESTER, N_("Due"), GROUP_DATES },
  { JLN_PLAN_FIELD_COMPLETION, "completion", FIELD_COMPLETION, N_("Completed In"), GROUP_DATES },
  { JLN_PLAN_FIELD_UNITS, "units", FIELD_UNITS, N_("Responsible Units"), GROUP_RESPONSIBILITY },
  { JLN_PLAN_FIELD_PRINCIPLES, "principles", FIELD_PRINCIPLES, N_("Principles"), GROUP_CHARTER },
  { JLN_PLAN_FIELD_REFERENCES, "references", FIELD_REFERENCES, N_("See Also (cf.)"),
    GROUP_REFERENCES },
  { JLN_PLAN_FIELD_THEME, "theme", FIELD_TEXT, N_("Theme"), GROUP_DETAILS },
  { JLN_PLAN_FIELD_DESCRIPTION, "description", FIELD_LONG_TEXT, N_("Description"), GROUP_DETAILS },
  { JLN_PLAN_FIELD_RECURRENCE, "recurrence", FIELD_CHOICE, N_("Recurrence"), GROUP_DETAILS },
  { JLN_PLAN_FIELD_NEXT, "next", FIELD_SEMESTER, N_("Next Date"), GROUP_DETAILS },
  { JLN_PLAN_FIELD_ACTORS, "actors", FIELD_LONG_TEXT, N_("Actors"), GROUP_DETAILS },
  { JLN_PLAN_FIELD_FOLLOW_UP, "follow-up", FIELD_LONG_TEXT, N_("Follow-up"), GROUP_DETAILS },
  { JLN_PLAN_FIELD_SCHEDULE, "schedule", FIELD_LONG_TEXT, N_("Schedule"), GROUP_DETAILS },
  { JLN_PLAN_FIELD_EXTENSION, "extension", FIELD_LONG_TEXT, N_("Extension"), GROUP_DETAILS },
  { JLN_PLAN_FIELD_NOTE, "note", FIELD_LONG_TEXT, N_("Note"), GROUP_DETAILS },
};

static const FieldSpec item_fields[] = {
  { JLN_PLAN_FIELD_LABEL, "label", FIELD_STRING, N_("Label"), GROUP_MAIN },
  { JLN_PLAN_FIELD_TITLE, "title", FIELD_TEXT, N_("Title"), GROUP_MAIN },
  { JLN_PLAN_FIELD_STATUS, "status", FIELD_STATUS, N_("Status"), GROUP_MAIN },
  { JLN_PLAN_FIELD_COMPLETION, "completion", FIELD_COMPLETION, N_("Completed In"), GROUP_MAIN },
  { JLN_PLAN_FIELD_DUE, "due", FIELD_SEMESTER, N_("Due"), GROUP_MAIN },
  { JLN_PLAN_FIELD_UNITS, "units", FIELD_UNITS, N_("Responsible Units"), GROUP_MAIN },
};

typedef struct _Form Form;

/* Where the focus goes in a sub-item's row after a change to the list. */
typedef enum
{
  ITEM_FOCUS_ROW,
  ITEM_FOCUS_TITLE,
  ITEM_FOCUS_UP,
  ITEM_FOCUS_DOWN,
} ItemFocus;

typedef struct
{
  Form            *form;
  const FieldSpec *spec;
  GtkWidget       *row;          /* the row holding the field */
  GtkWidget       *container;    /* the group or expander row it is in */
  GtkWidget       *control;      /* entry row, combo row or menu button */
  GtkWidget       *text_row;     /* JlnTextRow: it shows, commits and refuses by itself */
  GtkWidget       *error_row;    /* for rows that cannot hold a label: a row below */
  GtkWidget       *error_label;
  gboolean         has_error;
  GtkWidget       *chips;        /* GtkFlowBox of what is chosen */
  GtkWidget       *none_label;
  GtkWidget       *popover;
  GtkWidget       *choices;      /* GtkListBox of check buttons */
  GtkWidget       *search;
  GtkStringList   *semesters;    /* "None", then first to last */
  JlnSemester      first;
  JlnSemester      last;
  gboolean         updating;     /* set while a combo row is refreshed */
} Field;

struct _Form
{
  guint            ref_count;
  gboolean         dead;
  JlnActionEditor *self;         /* not owned: a dead form no longer uses it */
  JlnRecord       *record;
  gulong           notify_id;
  GPtrArray       *fields;       /* Field */

  /* A sub-item of the action shown: its row, and the buttons to move it. */
  GtkListItem     *list_item;    /* not owned: the place of the row in the list */
  GtkWidget       *item_row;
  GtkWidget       *up_button;
  GtkWidget       *down_button;
  GtkWidget       *remove_button;
};

struct _JlnActionEditor
{
  GtkWidget            parent_instance;

  JlnSession          *session;
  JlnSessionBinding   *session_binding;

  JlnDocument         *document;
  JlnLang              content_language;
  JlnRecord           *record;
  GType                form_type;        /* the kind of record the fields are made for */
  gboolean             read_only;        /* shown, not changed */

  Form                *form;
  GPtrArray           *item_forms;      /* Form of each sub-item row on screen */
  GListModel          *items;           /* the sub-items of the action shown */
  GListModel          *items_selection; /* the list's model over them */
  gulong               items_changed_id;
  GtkWidget           *notes_box;
  GHashTable          *expanded;        /* ids of the sub-items shown expanded */
  JlnRecord           *focus_item;      /* a sub-item to focus once its row is made */
  ItemFocus            focus_target;

  /* Template widgets */
  GtkStack            *stack;
  GtkLabel            *kind_label;
  GtkLabel            *heading_label;
  GtkLabel            *hint_label;
  GtkBox              *fields_box;
  GtkWidget           *groups[N_GROUPS];  /* AdwPreferencesGroup, of GROUP_DETAILS too */
  GtkWidget           *details;           /* the "More Details" expander row */
  GtkWidget           *items_group;
  GtkWidget           *items_error;
  GtkWidget           *items_scroller;
  GtkGridView         *items_view;
};

G_DEFINE_FINAL_TYPE (JlnActionEditor, jln_action_editor, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_RECORD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void field_refresh (Field    *field,
                           gboolean  force);
static void update_item_buttons (Form *form);
static void item_form_build_fields (Form *form);

/* --- Forms ---------------------------------------------------------------- */

static Form *
form_ref (Form *form)
{
  form->ref_count++;
  return form;
}

static void
form_unref (Form *form)
{
  if (--form->ref_count > 0)
    return;

  g_assert (form->notify_id == 0);
  g_ptr_array_unref (form->fields);
  g_object_unref (form->record);
  g_free (form);
}

static void record_notify_cb (JlnRecord  *record,
                              GParamSpec *pspec,
                              Form       *form);

static Form *
form_new (JlnActionEditor *self,
          JlnRecord       *record)
{
  Form *form = g_new0 (Form, 1);

  form->ref_count = 1;
  form->self = self;
  form->record = g_object_ref (record);
  form->fields = g_ptr_array_new_with_free_func (g_free);
  form->notify_id = g_signal_connect (record, "notify", G_CALLBACK (record_notify_cb), form);
  return form;
}

/* Stops the form: its widgets are going away, and whatever they still
 * emit is ignored. */
static void
form_kill (Form *form)
{
  form->dead = TRUE;
  g_clear_signal_handler (&form->notify_id, form->record);
  form_unref (form);
}

static void
form_closure_notify (gpointer  data,
                     GClosure *closure)
{
  form_unref (data);
}

static void
field_closure_notify (gpointer  data,
                      GClosure *closure)
{
  form_unref (((Field *) data)->form);
}

static void
field_release (gpointer data)
{
  form_unref (((Field *) data)->form);
}

static void
field_connect (Field      *field,
               gpointer    instance,
               const char *signal,
               GCallback   callback)
{
  form_ref (field->form);
  g_signal_connect_data (instance, signal, callback, field, field_closure_notify, 0);
}

static void
form_connect (Form       *form,
              gpointer    instance,
              const char *signal,
              GCallback   callback)
{
  g_signal_connect_data (instance, signal, callback, form_ref (form), form_closure_notify, 0);
}

static Field *
form_find_field (Form       *form,
                 const char *name)
{
  for (guint i = 0; i < form->fields->len; i++)
    {
      Field *field = g_ptr_array_index (form->fields, i);

      if (g_str_equal (field->spec->name, name))
        return field;
    }
  return NULL;
}

/* --- Helpers -------------------------------------------------------------- */

static gboolean
contains_focus (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static const char *
choice_label (const char *field,
              int         value)
{
  if (g_str_equal (field, "programme"))
    return value == JLN_PROGRAMME_GEP ? _("Gender Equality Plan") : C_("programme", "HRS4R");
  return value == JLN_RECURRENCE_YEARLY ? C_("recurrence", "Yearly") : C_("recurrence", "None");
}

static const char *
area_label (JlnPrincipleArea area)
{
  switch (area)
    {
    case JLN_PRINCIPLE_AREA_ETHICS:
      return _("Ethical and Professional Aspects");
    case JLN_PRINCIPLE_AREA_RECRUITMENT:
      return _("Recruitment and Selection");
    case JLN_PRINCIPLE_AREA_CONDITIONS:
      return _("Working Conditions and Social Security");
    case JLN_PRINCIPLE_AREA_TRAINING:
    default:
      return _("Training and Development");
    }
}

static JlnPlan *
editor_get_plan (JlnActionEditor *self,
                 JlnRecord       *record)
{
  if (self->document != NULL)
    return jln_document_get_plan (self->document);
  while (record != NULL && !JLN_IS_PLAN (record))
    record = jln_record_get_parent (record);
  return record != NULL ? JLN_PLAN (record) : NULL;
}

static char *
ref_chip_text (JlnRecord *ref,
               JlnLang    lang)
{
  if (JLN_IS_UNIT (ref))
    return g_strdup (jln_unit_get_code (JLN_UNIT (ref)));
  return g_strdup_printf ("%d %s", jln_principle_get_number (JLN_PRINCIPLE (ref)),
                          jln_text_get_fallback (jln_principle_get_name (JLN_PRINCIPLE (ref)),
                                                 lang, NULL) ?: "");
}

static char *
ref_full_text (JlnRecord *ref,
               JlnLang    lang)
{
  if (JLN_IS_UNIT (ref))
    {
      const char *name = jln_text_get_fallback (jln_unit_get_name (JLN_UNIT (ref)), lang, NULL);

      if (name == NULL)
        return g_strdup (jln_unit_get_code (JLN_UNIT (ref)));
      return g_strdup_printf ("%s — %s", jln_unit_get_code (JLN_UNIT (ref)), name);
    }
  return ref_chip_text (ref, lang);
}

static void
set_description (GtkWidget  *widget,
                 const char *first,
                 const char *second)
{
  g_autofree char *text = NULL;

  if (first != NULL && second != NULL)
    text = g_strdup_printf ("%s. %s", first, second);
  else
    text = g_strdup (first != NULL ? first : second);

  if (text == NULL)
    gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
  else
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                    -1);
}

static void
set_label (GtkWidget  *widget,
           const char *label)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

static void
editable_set_text (GtkWidget  *editable,
                   const char *text)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (editable)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (editable), text);
}

/* --- Showing a field ------------------------------------------------------ */

static void
field_update_descriptions (Field *field)
{
  const char *error = field->has_error ? gtk_label_get_text (GTK_LABEL (field->error_label)) : NULL;

  if (field->chips != NULL)
    {
      JlnLang lang = field->form->self->content_language;
      GPtrArray *refs = jln_record_get_refs (field->form->record, field->spec->name);
      g_autoptr(GString) names = g_string_new (NULL);

      /* The chosen ones, for those who do not see the chips. */
      for (guint i = 0; i < refs->len; i++)
        {
          g_autofree char *full = ref_full_text (g_ptr_array_index (refs, i), lang);

          if (names->len > 0)
            g_string_append (names, ", ");
          g_string_append (names, full);
        }
      set_description (field->control, error, names->len > 0 ? names->str : _("None chosen"));
    }
  else if (field->control != NULL)
    {
      set_description (field->control, error, NULL);
      if (ADW_IS_ENTRY_ROW (field->control))
        set_description (GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (field->control))),
                         error, NULL);
    }
}

static void
field_set_error (Field      *field,
                 const char *message)
{
  field->has_error = message != NULL;
  gtk_label_set_text (GTK_LABEL (field->error_label), message != NULL ? message : "");
  gtk_widget_set_visible (field->error_row != NULL ? field->error_row : field->error_label,
                          message != NULL);
  if (field->control == NULL)
    ;
  else if (message != NULL)
    gtk_widget_add_css_class (field->control, "error");
  else
    gtk_widget_remove_css_class (field->control, "error");
  field_update_descriptions (field);
}

static void
semester_list_fill (Field       *field,
                    JlnSemester  value)
{
  /* Semesters are the interface's words, not plan text. */
  JlnLang lang = jln_lang_from_locale ();
  JlnSemester first = jln_semester_new (FIRST_YEAR, 1);
  JlnSemester last = jln_semester_new (LAST_YEAR, 2);
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (field->semesters));
  JlnDocument *document = field->form->self->document;

  /* The plan's period, two years either side and today: a short list
   * opens on its value, rather than on 2010. */
  if (document != NULL)
    {
      JlnPlan *plan = jln_document_get_plan (document);
      JlnSemester today = jln_semester_today ();
      JlnSemester start = jln_plan_get_start (plan);
      JlnSemester end = jln_plan_get_end (plan);

      first = MIN (start != JLN_SEMESTER_NONE ? start : today, today) - 4;
      last = MAX (end != JLN_SEMESTER_NONE ? end : today, today) + 4;
    }

  if (value != JLN_SEMESTER_NONE)
    {
      first = MIN (first, value);
      last = MAX (last, value);
    }
  if (n_items > 0 && first == field->first && last == field->last)
    return;

  g_ptr_array_add (strings, g_strdup (C_("semester", "None")));
  for (JlnSemester s = first; s <= last; s++)
    g_ptr_array_add (strings, jln_semester_format (s, JLN_SEMESTER_STYLE_LONG, lang));
  g_ptr_array_add (strings, NULL);

  field->first = first;
  field->last = last;
  gtk_string_list_splice (field->semesters, 0, n_items, (const char * const *) strings->pdata);
}

static void
chips_refresh (Field *field)
{
  JlnLang lang = field->form->self->content_language;
  GPtrArray *refs = jln_record_get_refs (field->form->record, field->spec->name);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (field->chips)) != NULL)
    gtk_flow_box_remove (GTK_FLOW_BOX (field->chips), child);

  for (guint i = 0; i < refs->len; i++)
    {
      JlnRecord *ref = g_ptr_array_index (refs, i);
      g_autofree char *text = ref_chip_text (ref, lang);
      g_autofree char *full = ref_full_text (ref, lang);
      GtkWidget *label = gtk_label_new (text);
      GtkWidget *flow_child = gtk_flow_box_child_new ();

      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 28);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_set_halign (label, GTK_ALIGN_START);
      gtk_widget_set_tooltip_text (label, full);
      gtk_widget_add_css_class (label, "jln-chip");
      gtk_flow_box_child_set_child (GTK_FLOW_BOX_CHILD (flow_child), label);
      gtk_widget_set_focusable (flow_child, FALSE);
      gtk_flow_box_append (GTK_FLOW_BOX (field->chips), flow_child);
    }

  gtk_widget_set_visible (field->chips, refs->len > 0);
  gtk_widget_set_visible (field->none_label, refs->len == 0);
  field_update_descriptions (field);
}

/* Shows the stored value. A field the user is typing in keeps what they
 * typed, unless @force. */
static void
field_refresh (Field    *field,
               gboolean  force)
{
  JlnRecord *record = field->form->record;
  const char *name = field->spec->name;

  switch (field->spec->type)
    {
    case FIELD_STRING:
    case FIELD_COMPLETION:
      if (force || !contains_focus (field->control))
        {
          g_autofree char *value = jln_record_dup_field (record, name);

          editable_set_text (field->control, value);
        }
      break;

    case FIELD_REFERENCES:
      if (force || !contains_focus (field->control))
        {
          g_auto(GStrv) references = NULL;
          g_autofree char *joined = NULL;

          g_object_get (record, name, &references, NULL);
          joined = references != NULL ? g_strjoinv (", ", references) : g_strdup ("");
          editable_set_text (field->control, joined);
        }
      break;

    case FIELD_TEXT:
    case FIELD_LONG_TEXT:
      /* The row follows its record itself. */
      break;

    case FIELD_STATUS:
    case FIELD_CHOICE:
      {
        int value;

        g_object_get (record, name, &value, NULL);
        field->updating = TRUE;
        adw_combo_row_set_selected (ADW_COMBO_ROW (field->control), value);
        field->updating = FALSE;
      }
      break;

    case FIELD_SEMESTER:
      {
        JlnSemester value;

        g_object_get (record, name, &value, NULL);
        field->updating = TRUE;
        semester_list_fill (field, value);
        adw_combo_row_set_selected (ADW_COMBO_ROW (field->control),
                                    value == JLN_SEMESTER_NONE ? 0 : value - field->first + 1);
        field->updating = FALSE;

        /* A next date only means something for a recurring action. */
        if (g_str_equal (name, "next") && JLN_IS_ACTION (record))
          {
            JlnRecurrence recurrence = jln_action_get_recurrence (JLN_ACTION (record));
            gboolean shown = value != JLN_SEMESTER_NONE || recurrence != JLN_RECURRENCE_NONE;

            gtk_widget_set_visible (field->row, shown);
          }
      }
      break;

    case FIELD_UNITS:
    case FIELD_PRINCIPLES:
      chips_refresh (field);
      break;

    default:
      g_assert_not_reached ();
    }
}

/* --- Committing a field --------------------------------------------------- */

/* Applies @edit (transfer full), a change of @field. */
static void
field_apply (Field   *field,
             JlnEdit *edit)
{
  g_autoptr(JlnEdit) owned = edit;
  Form *form = form_ref (field->form);
  JlnActionEditor *self = form->self;
  g_autoptr(GError) error = NULL;
  gboolean applied = TRUE;

  /* Leaving a field unchanged keeps the message of a refused value in
   * view: it goes when a value is accepted. */
  if (owned == NULL || self->document == NULL || jln_plan_edit_is_unchanged (owned))
    {
      field_refresh (field, TRUE);
      form_unref (form);
      return;
    }

  applied = jln_document_apply (self->document, owned, &error);

  /* Applying may have changed what the pane shows. */
  if (!form->dead)
    {
      field_set_error (field, applied ? NULL : error->message);
      field_refresh (field, TRUE);
    }
  form_unref (form);
}

static void
field_fail (Field      *field,
            const char *message)
{
  field_set_error (field, message);
  field_refresh (field, TRUE);
}

static void
field_commit_entry (Field *field)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (field->control));
  JlnRecord *record = field->form->record;

  switch (field->spec->type)
    {
    case FIELD_STRING:
      field_apply (field, jln_plan_edit_set_value (record, field->spec->field, -1, text));
      break;

    case FIELD_COMPLETION:
      {
        g_autoptr(GError) error = NULL;
        JlnCompletion completion;

        if (!jln_completion_parse (text, &completion, &error))
          {
            field_fail (field, error->message);
            return;
          }
        field_apply (field, jln_plan_edit_set_completion (record, &completion));
      }
      break;

    case FIELD_REFERENCES:
      {
        g_auto(GStrv) parts = g_regex_split_simple ("[,;]", text, 0, 0);
        g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
        g_auto(GStrv) references = NULL;

        for (guint i = 0; parts[i] != NULL; i++)
          {
            g_strstrip (parts[i]);
            if (parts[i][0] != '\0')
              g_strv_builder_add (builder, parts[i]);
          }
        references = g_strv_builder_end (builder);
        field_apply (field,
                     jln_plan_edit_set_strv (record, field->spec->field,
                                             (const char * const *) references));
      }
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
field_commit_choice (Field *field)
{
  guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (field->control));
  JlnRecord *record = field->form->record;

  if (selected == GTK_INVALID_LIST_POSITION)
    return;

  if (field->spec->type == FIELD_SEMESTER)
    {
      field_apply (field,
                   jln_plan_edit_set_semester (record, field->spec->field,
                                               selected == 0 ? JLN_SEMESTER_NONE
                                                             : field->first + selected - 1));
      return;
    }

  if (field->spec->type == FIELD_STATUS && field->form->self->document != NULL)
    {
      g_autoptr(JlnEdit) edit = jln_plan_edit_set_status (record, selected, jln_semester_today ());

      /* Done with no completion yet: the current semester comes with it,
       * in one step that can be undone. */
      if (edit != NULL && jln_edit_get_label (edit) != NULL)
        {
          g_autoptr(GError) error = NULL;
          Form *form = form_ref (field->form);

          if (!jln_document_apply (form->self->document, edit, &error))
            {
              /* Then the status alone, as before. */
              form_unref (form);
              field_apply (field, jln_plan_edit_set_enum (record, field->spec->field, selected));
              return;
            }
          if (!form->dead)
            field_refresh (field, TRUE);
          form_unref (form);
          return;
        }
    }
  field_apply (field, jln_plan_edit_set_enum (record, field->spec->field, selected));
}

/* --- Signal handlers of the fields ---------------------------------------- */

static void
entry_activated_cb (AdwEntryRow *row,
                    Field       *field)
{
  if (!field->form->dead)
    field_commit_entry (field);
}

static void
entry_focus_leave_cb (GtkEventControllerFocus *controller,
                      Field                   *field)
{
  if (!field->form->dead)
    field_commit_entry (field);
}

static gboolean
entry_key_pressed_cb (GtkEventControllerKey *controller,
                      guint                  keyval,
                      guint                  keycode,
                      GdkModifierType        state,
                      Field                 *field)
{
  g_autofree char *before = NULL;

  if (field->form->dead || keyval != GDK_KEY_Escape)
    return FALSE;

  /* Escape gives back what is stored, if the user changed it. */
  before = g_strdup (gtk_editable_get_text (GTK_EDITABLE (field->control)));
  field_refresh (field, TRUE);
  return g_strcmp0 (before, gtk_editable_get_text (GTK_EDITABLE (field->control))) != 0;
}

static void
combo_selected_cb (AdwComboRow *row,
                   GParamSpec  *pspec,
                   Field       *field)
{
  if (!field->form->dead && !field->updating)
    field_commit_choice (field);
}

/* --- Units and principles --------------------------------------------------- */

static JlnRecord *
choice_row_get_record (GtkListBoxRow *row)
{
  return g_object_get_data (G_OBJECT (row), "jln-record");
}

static gboolean
choice_filter_func (GtkListBoxRow *row,
                    gpointer       user_data)
{
  Field *field = user_data;
  g_autofree char *query = NULL;

  if (field->form->dead)
    return TRUE;
  query = jln_fold (gtk_editable_get_text (GTK_EDITABLE (field->search)));
  g_strstrip (query);
  return query[0] == '\0' ||
         strstr (g_object_get_data (G_OBJECT (row), "jln-folded"), query) != NULL;
}

static void
choice_header_func (GtkListBoxRow *row,
                    GtkListBoxRow *before,
                    gpointer       user_data)
{
  JlnRecord *record = choice_row_get_record (row);
  JlnPrincipleArea area;
  GtkWidget *header;

  if (!JLN_IS_PRINCIPLE (record))
    return;
  area = jln_principle_get_area (JLN_PRINCIPLE (record));
  if (before != NULL &&
      jln_principle_get_area (JLN_PRINCIPLE (choice_row_get_record (before))) == area)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }

  header = gtk_label_new (area_label (area));
  gtk_label_set_xalign (GTK_LABEL (header), 0);
  gtk_label_set_wrap (GTK_LABEL (header), TRUE);
  gtk_widget_add_css_class (header, "heading");
  gtk_widget_add_css_class (header, "jln-chooser-header");
  gtk_list_box_row_set_header (row, header);
}

static void
choice_search_changed_cb (GtkSearchEntry *entry,
                          Field          *field)
{
  if (!field->form->dead)
    gtk_list_box_invalidate_filter (GTK_LIST_BOX (field->choices));
}

static int
compare_principles (gconstpointer a,
                    gconstpointer b)
{
  JlnPrinciple *first = *(JlnPrinciple **) a;
  JlnPrinciple *second = *(JlnPrinciple **) b;

  if (jln_principle_get_area (first) != jln_principle_get_area (second))
    return jln_principle_get_area (first) < jln_principle_get_area (second) ? -1 : 1;
  return jln_principle_get_number (first) - jln_principle_get_number (second);
}

static void
chooser_show_cb (GtkPopover *popover,
                 Field      *field)
{
  JlnActionEditor *self = field->form->self;
  JlnLang lang;
  JlnPlan *plan;
  GListModel *model;
  g_autoptr(GPtrArray) candidates = NULL;
  GPtrArray *refs;
  GtkWidget *child;

  if (field->form->dead)
    return;

  lang = self->content_language;
  plan = editor_get_plan (self, field->form->record);
  refs = jln_record_get_refs (field->form->record, field->spec->name);

  while ((child = gtk_widget_get_first_child (field->choices)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (field->choices), child);
  editable_set_text (field->search, "");

  if (plan == NULL)
    return;
  model = field->spec->type == FIELD_UNITS ? jln_plan_get_units (plan)
                                           : jln_plan_get_principles (plan);
  candidates = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_ptr_array_add (candidates, g_list_model_get_item (model, i));
  /* Principles come under the heading of their area. */
  if (field->spec->type == FIELD_PRINCIPLES)
    g_ptr_array_sort (candidates, compare_principles);

  for (guint i = 0; i < candidates->len; i++)
    {
      JlnRecord *candidate = g_ptr_array_index (candidates, i);
      g_autofree char *text = ref_full_text (candidate, lang);
      g_autofree char *other = ref_full_text (candidate, !lang);
      g_autofree char *both = g_strconcat (text, " ", other, NULL);
      GtkWidget *check = gtk_check_button_new_with_label (text);
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *label = gtk_widget_get_last_child (check);

      if (GTK_IS_LABEL (label))
        {
          gtk_label_set_wrap (GTK_LABEL (label), TRUE);
          gtk_label_set_xalign (GTK_LABEL (label), 0);
        }
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                   g_ptr_array_find (refs, candidate, NULL));
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), check);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_widget_set_focusable (row, FALSE);
      g_object_set_data (G_OBJECT (row), "jln-record", candidate);
      g_object_set_data_full (G_OBJECT (row), "jln-folded", jln_fold (both), g_free);
      gtk_list_box_append (GTK_LIST_BOX (field->choices), row);
    }
}

static void
chooser_closed_cb (GtkPopover *popover,
                   Field      *field)
{
  GPtrArray *refs;
  g_autoptr(GPtrArray) chosen = NULL;
  g_autoptr(GPtrArray) ordered = NULL;

  if (field->form->dead)
    return;

  /* What was chosen before keeps its order; new choices follow, in the
   * order of the plan. */
  refs = jln_record_get_refs (field->form->record, field->spec->name);
  chosen = g_ptr_array_new ();
  for (GtkWidget *row = gtk_widget_get_first_child (field->choices);
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *check;

      if (!GTK_IS_LIST_BOX_ROW (row))
        continue;
      check = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));
      if (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)))
        g_ptr_array_add (chosen, choice_row_get_record (GTK_LIST_BOX_ROW (row)));
    }
  if (chosen->len == 0 && gtk_widget_get_first_child (field->choices) == NULL)
    return;

  ordered = g_ptr_array_new ();
  for (guint i = 0; i < refs->len; i++)
    if (g_ptr_array_find (chosen, g_ptr_array_index (refs, i), NULL))
      g_ptr_array_add (ordered, g_ptr_array_index (refs, i));
  for (guint i = 0; i < chosen->len; i++)
    if (!g_ptr_array_find (refs, g_ptr_array_index (chosen, i), NULL))
      g_ptr_array_add (ordered, g_ptr_array_index (chosen, i));

  field_apply (field, jln_plan_edit_set_refs (field->form->record, field->spec->field, ordered));
}

/* Enter in the units' search with a code the plan does not have: a new
 * unit of that code, chosen for the action, in one step. */
static void
choice_search_activate_cb (GtkSearchEntry *entry,
                           Field          *field)
{
  JlnActionEditor *self = field->form->self;
  g_autofree char *code = NULL;
  g_autofree char *folded = NULL;
  g_autoptr(JlnEdit) group = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *units;
  JlnPlan *plan;

  if (field->form->dead || field->spec->type != FIELD_UNITS || self->document == NULL)
    return;
  plan = editor_get_plan (self, field->form->record);
  code = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  if (plan == NULL || code[0] == '\0')
    return;
  folded = jln_fold (code);
  units = jln_plan_get_units (plan);
  for (guint i = 0; i < g_list_model_get_n_items (units); i++)
    {
      g_autoptr(JlnUnit) existing = g_list_model_get_item (units, i);
      g_autofree char *other = jln_fold (jln_unit_get_code (existing));

      if (g_str_equal (folded, other))
        return;
    }

  group = jln_plan_edit_add_unit_chosen (plan, field->form->record, code, NULL);
  if (!jln_document_apply (self->document, group, &error))
    {
      field_set_error (field, error->message);
      return;
    }
  /* The list again, with the new unit chosen, so that closing keeps it. */
  chooser_show_cb (GTK_POPOVER (field->popover), field);
}

/* --- Building the rows ---------------------------------------------------- */

static void
form_add_row (GtkWidget *container,
              GtkWidget *row)
{
  if (ADW_IS_EXPANDER_ROW (container))
    adw_expander_row_add_row (ADW_EXPANDER_ROW (container), row);
  else
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (container), row);
}

static void
form_remove_row (GtkWidget *container,
                 GtkWidget *row)
{
  if (ADW_IS_EXPANDER_ROW (container))
    adw_expander_row_remove (ADW_EXPANDER_ROW (container), row);
  else
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (container), row);
}

static GtkWidget *
error_label_new (const char *name)
{
  GtkWidget *label = gtk_label_new (NULL);
  g_autofree char *widget_name = g_strconcat (name, "-error", NULL);

  gtk_widget_set_name (label, widget_name);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "error");
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "jln-field-error");
  gtk_widget_set_visible (label, FALSE);
  return label;
}

/* A row below an entry or combo row, shown when its value is refused. */
static GtkWidget *
error_row_new (Field *field)
{
  GtkWidget *row = adw_preferences_row_new ();

  field->error_label = error_label_new (field->spec->name);
  gtk_widget_set_visible (field->error_label, TRUE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), field->error_label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_widget_add_css_class (row, "jln-error-row");
  gtk_widget_set_visible (row, FALSE);
  return row;
}

static void
build_entry_row (Field     *field,
                 GtkWidget *container)
{
  GtkWidget *row = adw_entry_row_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();
  const char *title = _(field->spec->title);

  field->row = field->control = row;
  gtk_widget_set_name (row, field->spec->name);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  set_label (row, title);
  set_label (GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (row))), title);
  if (field->spec->type == FIELD_COMPLETION)
    gtk_widget_set_tooltip_text (row, _("A year (2017), a range of years (2019-2020) "
                                        "or a semester (2022-S1)"));
  else if (field->spec->type == FIELD_REFERENCES)
    gtk_widget_set_tooltip_text (row, _("Numbers of other actions, separated by commas"));

  field_connect (field, row, "entry-activated", G_CALLBACK (entry_activated_cb));
  field_connect (field, focus, "leave", G_CALLBACK (entry_focus_leave_cb));
  field_connect (field, keys, "key-pressed", G_CALLBACK (entry_key_pressed_cb));
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  gtk_widget_add_controller (row, focus);
  gtk_widget_add_controller (row, keys);

  form_add_row (container, row);
  field->error_row = error_row_new (field);
  form_add_row (container, field->error_row);
}

static void
build_combo_row (Field     *field,
                 GtkWidget *container)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  const char *title = _(field->spec->title);

  field->row = field->control = row;
  gtk_widget_set_name (row, field->spec->name);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  set_label (row, title);

  switch (field->spec->type)
    {
    case FIELD_STATUS:
      for (JlnStatus status = JLN_STATUS_PLANNED; status <= JLN_STATUS_DROPPED; status++)
        gtk_string_list_append (list, jln_status_get_label (status));
      break;

    case FIELD_CHOICE:
      {
        GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (field->form->record),
                                                          field->spec->name);
        GEnumClass *klass = G_PARAM_SPEC_ENUM (pspec)->enum_class;

        for (guint i = 0; i < klass->n_values; i++)
          gtk_string_list_append (list, choice_label (field->spec->name, klass->values[i].value));
      }
      break;

    case FIELD_SEMESTER:
      field->semesters = list;
      break;

    default:
      g_assert_not_reached ();
    }

  adw_combo_row_set_expression (ADW_COMBO_ROW (row),
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL,
                                                             "string"));
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (list));
  field_connect (field, row, "notify::selected", G_CALLBACK (combo_selected_cb));

  form_add_row (container, row);
  field->error_row = error_row_new (field);
  form_add_row (container, field->error_row);
}

static void
build_text_row (Field     *field,
                GtkWidget *container)
{
  GtkWidget *row = g_object_new (JLN_TYPE_TEXT_ROW,
                                 "title", _(field->spec->title),
                                 "field", field->spec->field,
                                 "multiline", field->spec->type == FIELD_LONG_TEXT,
                                 "session", field->form->self->session,
                                 "record", field->form->record,
                                 NULL);

  field->row = row;
  field->text_row = row;
  form_add_row (container, row);
}

static void
build_chooser_row (Field     *field,
                   GtkWidget *container)
{
  gboolean units = field->spec->type == FIELD_UNITS;
  GtkWidget *row = adw_preferences_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *title = gtk_label_new (_(field->spec->title));
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *popover_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *search = gtk_search_entry_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *chips = gtk_flow_box_new ();
  GtkWidget *none = gtk_label_new (_("None"));
  g_autofree char *button_label = NULL;

  field->row = row;
  field->control = button;
  field->popover = popover;
  field->choices = list;
  field->search = search;
  field->chips = chips;
  field->none_label = none;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(field->spec->title));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_widget_add_css_class (row, "jln-chooser-row");

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (title, "jln-field-title");
  gtk_box_append (GTK_BOX (top), title);

  gtk_widget_set_name (button, field->spec->name);
  gtk_menu_button_set_label (GTK_MENU_BUTTON (button), _("Choose…"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  /* Translators: %s is a field, like “Responsible Units”. */
  button_label = g_strdup_printf (_("Choose %s"), _(field->spec->title));
  set_label (button, button_label);
  gtk_box_append (GTK_BOX (top), button);
  gtk_box_append (GTK_BOX (box), top);

  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (chips), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (chips), 20);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (chips), 4);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (chips), 4);
  gtk_widget_set_can_focus (chips, FALSE);
  gtk_widget_add_css_class (chips, "jln-chips");
  gtk_box_append (GTK_BOX (box), chips);

  gtk_label_set_xalign (GTK_LABEL (none), 0);
  gtk_widget_add_css_class (none, "dim-label");
  gtk_box_append (GTK_BOX (box), none);

  field->error_label = error_label_new (field->spec->name);
  gtk_box_append (GTK_BOX (box), field->error_label);

  /* gtk_search_entry_set_placeholder_text() arrives with GTK 4.10. */
  g_object_set (search,
                "placeholder-text", units ? _("Search, or type a new code and Enter")
                                          : _("Search principles"),
                NULL);
  set_label (search, units ? _("Search units") : _("Search principles"));
  gtk_box_append (GTK_BOX (popover_box), search);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  form_ref (field->form);
  gtk_list_box_set_filter_func (GTK_LIST_BOX (list), choice_filter_func, field, field_release);
  if (!units)
    gtk_list_box_set_header_func (GTK_LIST_BOX (list), choice_header_func, NULL, NULL);
  gtk_widget_add_css_class (list, "jln-chooser");
  set_label (list, _(field->spec->title));

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 360);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), list);
  gtk_widget_set_size_request (scroller, 320, -1);
  gtk_box_append (GTK_BOX (popover_box), scroller);

  gtk_popover_set_child (GTK_POPOVER (popover), popover_box);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);

  field_connect (field, search, "search-changed", G_CALLBACK (choice_search_changed_cb));
  if (units)
    field_connect (field, search, "activate", G_CALLBACK (choice_search_activate_cb));
  field_connect (field, popover, "show", G_CALLBACK (chooser_show_cb));
  field_connect (field, popover, "closed", G_CALLBACK (chooser_closed_cb));

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  form_add_row (container, row);
}

/* Adds the rows of @specs to @container, the expander row of a
 * sub-item, or to the groups of the pane when @container is %NULL. */
static void
form_build (Form            *form,
            const FieldSpec *specs,
            guint            n_specs,
            GtkWidget       *container)
{
  JlnActionEditor *self = form->self;

  for (guint i = 0; i < n_specs; i++)
    {
      const FieldSpec *spec = &specs[i];
      Field *field;

      if (container == NULL)
        gtk_widget_set_visible (self->groups[spec->group], TRUE);

      field = g_new0 (Field, 1);
      field->form = form;
      field->spec = spec;
      field->container = container != NULL ? container
                         : spec->group == GROUP_DETAILS ? self->details
                         : self->groups[spec->group];
          g_ptr_array_add (form->fields, field);

      switch (spec->type)
        {
        case FIELD_STRING:
        case FIELD_COMPLETION:
        case FIELD_REFERENCES:
          build_entry_row (field, field->container);
          break;
        case FIELD_TEXT:
        case FIELD_LONG_TEXT:
          build_text_row (field, field->container);
          break;
        case FIELD_STATUS:
        case FIELD_CHOICE:
        case FIELD_SEMESTER:
          build_combo_row (field, field->container);
          break;
        case FIELD_UNITS:
        case FIELD_PRINCIPLES:
          build_chooser_row (field, field->container);
          break;
        default:
          g_assert_not_reached ();
        }
      field_refresh (field, TRUE);
    }
}

/* --- The heading and the sub-items ---------------------------------------- */

static const char *
record_title (JlnRecord *record,
              JlnLang    lang)
{
  const char *title = jln_text_get_fallback (jln_record_get_text (record, "title"), lang, NULL);

  return title != NULL ? title : _("Untitled");
}

static void
update_heading (JlnActionEditor *self)
{
  JlnRecord *record = self->record;
  g_autofree char *kind = NULL;
  g_autofree char *number = NULL;
  g_autofree char *label = NULL;

  /* Numbers and labels are plan text, isolated so that they cannot
   * reorder the words around them. */
  if (JLN_IS_ACTION (record))
    {
      number = jln_text_isolate (jln_action_get_number (JLN_ACTION (record)));
      /* Translators: %s is the number of an action, like “1.4”. */
      kind = g_strdup_printf (_("Action %s"), number);
    }
  else if (JLN_IS_OBJECTIVE (record))
    {
      number = jln_text_isolate (jln_objective_get_number (JLN_OBJECTIVE (record)));
      /* Translators: %s is the number of an objective, like “3” or “II”. */
      kind = g_strdup_printf (_("Objective %s"), number);
    }
  else if (JLN_IS_ACTION_ITEM (record))
    {
      JlnRecord *parent = jln_record_get_parent (record);

      number = jln_text_isolate (JLN_IS_ACTION (parent)
                                 ? jln_action_get_number (JLN_ACTION (parent)) : "");
      label = jln_text_isolate (jln_action_item_get_label (JLN_ACTION_ITEM (record)));
      /* Translators: %1$s is the number of an action, %2$s the label of
       * its sub-item: “1.8 a”. */
      kind = g_strdup_printf (_("Sub-item %1$s %2$s"), number, label);
    }

  gtk_label_set_text (self->kind_label, kind != NULL ? kind : "");
  gtk_label_set_text (self->heading_label, record_title (record, self->content_language));

  /* An objective without actions says how to add one. */
  gtk_widget_set_visible (GTK_WIDGET (self->hint_label),
                          JLN_IS_OBJECTIVE (record) &&
                          g_list_model_get_n_items (jln_objective_get_actions (JLN_OBJECTIVE (record))) == 0);
  gtk_label_set_text (self->hint_label,
                      _("This objective has no actions yet. Add one with the + button of the header "
                        "bar, or Ctrl+Shift+A."));
}

static void
update_item_row (Form *form)
{
  JlnActionEditor *self = form->self;
  JlnActionItem *item = JLN_ACTION_ITEM (form->record);
  g_autofree char *title = NULL;
  g_autofree char *due = NULL;
  g_autofree char *subtitle = NULL;
  const char *status = jln_status_get_label (jln_action_item_get_status (item));
  g_autofree char *label = jln_text_isolate (jln_action_item_get_label (item));
  g_autofree char *text = jln_text_isolate (record_title (form->record, self->content_language));

  /* Translators: %1$s is the label of a sub-item, like “a”, %2$s its title. */
  title = g_strdup_printf (_("%1$s. %2$s"), label, text);
  due = jln_semester_format (jln_action_item_get_due (item), JLN_SEMESTER_STYLE_LONG,
                             self->content_language);
  if (due[0] != '\0')
    subtitle = g_strdup_printf ("%s · %s", status, due);
  else
    subtitle = g_strdup (status);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (form->item_row), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (form->item_row), subtitle);
}

static void
record_notify_cb (JlnRecord  *record,
                  GParamSpec *pspec,
                  Form       *form)
{
  JlnActionEditor *self = form->self;

  if (form->dead)
    return;

  for (guint i = 0; i < form->fields->len; i++)
    {
      Field *field = g_ptr_array_index (form->fields, i);
      const char *name = field->spec->name;
      gsize len = strlen (name);

      if (g_str_equal (pspec->name, name) ||
          ((field->spec->type == FIELD_TEXT || field->spec->type == FIELD_LONG_TEXT) &&
           g_str_has_prefix (pspec->name, name) &&
           (g_str_equal (pspec->name + len, "-fr") || g_str_equal (pspec->name + len, "-en"))))
        field_refresh (field, FALSE);
    }

  if (g_str_equal (pspec->name, "recurrence"))
    {
      Field *next = form_find_field (form, "next");

      if (next != NULL)
        field_refresh (next, FALSE);
    }

  if (form == self->form)
    update_heading (self);
  if (form->item_row != NULL)
    update_item_row (form);
  if (form->item_row != NULL && g_str_equal (pspec->name, "label"))
    update_item_buttons (form);
}

static void
show_items_error (JlnActionEditor *self,
                  const char      *message)
{
  gtk_label_set_text (GTK_LABEL (self->items_error), message != NULL ? message : "");
  gtk_widget_set_visible (self->items_error, message != NULL);
}

/* Only the rows on screen have a form: these are found among them. */
static Form *
find_item_form (JlnActionEditor *self,
                JlnRecord       *item)
{
  for (guint i = 0; self->item_forms != NULL && i < self->item_forms->len; i++)
    {
      Form *form = g_ptr_array_index (self->item_forms, i);

      if (form->record == item)
        return form;
    }
  return NULL;
}

/* Gives the focus to @item's row as the last user action asks, now if
 * the row is on screen, or once the list has made it. */
static void
grab_item_focus (JlnActionEditor *self,
                 JlnRecord       *item,
                 ItemFocus        target)
{
  Form *form = find_item_form (self, item);
  GtkWidget *widget = NULL;

  if (form == NULL)
    {
      g_set_object (&self->focus_item, item);
      self->focus_target = target;
      return;
    }
  g_clear_object (&self->focus_item);

  switch (target)
    {
    case ITEM_FOCUS_TITLE:
      item_form_build_fields (form);
      widget = jln_text_row_get_view (JLN_TEXT_ROW (form_find_field (form, "title")->text_row),
                                      self->content_language);
      break;
    case ITEM_FOCUS_UP:
    case ITEM_FOCUS_DOWN:
      item_form_build_fields (form);
      widget = target == ITEM_FOCUS_UP ? form->up_button : form->down_button;
      if (!gtk_widget_get_sensitive (widget))
        widget = target == ITEM_FOCUS_UP ? form->down_button : form->up_button;
      break;
    case ITEM_FOCUS_ROW:
    default:
      widget = form->item_row;
      break;
    }
  gtk_widget_grab_focus (widget);
}

static void
scroll_to_item (JlnActionEditor *self,
                guint            position)
{
  gtk_widget_activate_action (GTK_WIDGET (self->items_view), "list.scroll-to-item",
                              "u", position);
}

static void
apply_item_edit (JlnActionEditor *self,
                 JlnEdit         *edit)
{
  g_autoptr(GError) error = NULL;

  if (self->document == NULL)
    return;
  if (!jln_document_apply (self->document, edit, &error))
    show_items_error (self, error->message);
  else
    show_items_error (self, NULL);
}

static void
move_item (Form     *form,
           gboolean  up)
{
  JlnActionEditor *self = form->self;
  g_autoptr(JlnRecord) item = g_object_ref (form->record);
  g_autoptr(JlnEdit) edit = NULL;
  guint position;

  if (form->dead || !jln_record_get_position (item, &position))
    return;
  if ((up && position == 0) ||
      (!up && position + 1 >= g_list_model_get_n_items (self->items)))
    return;

  edit = jln_plan_edit_move_by (item, up ? -1 : 1);
  apply_item_edit (self, edit);

  /* The row may be made anew: keep the focus on the button that was pressed. */
  if (jln_record_get_position (item, &position))
    {
      scroll_to_item (self, position);
      grab_item_focus (self, item, up ? ITEM_FOCUS_UP : ITEM_FOCUS_DOWN);
    }
}

static void
move_up_clicked_cb (GtkButton *button,
                    Form      *form)
{
  move_item (form, TRUE);
}

static void
move_down_clicked_cb (GtkButton *button,
                      Form      *form)
{
  move_item (form, FALSE);
}

static void
remove_clicked_cb (GtkButton *button,
                   Form      *form)
{
  JlnActionEditor *self = form->self;
  g_autoptr(JlnEdit) edit = NULL;
  guint position = 0;
  guint n_items;

  if (form->dead)
    return;

  jln_record_get_position (form->record, &position);
  edit = jln_plan_edit_delete (form->record);
  apply_item_edit (self, edit);

  /* The focus goes to the sub-item that took its place, or the one before. */
  n_items = g_list_model_get_n_items (self->items);
  if (n_items > 0)
    {
      g_autoptr(JlnRecord) next = g_list_model_get_item (self->items, MIN (position, n_items - 1));

      scroll_to_item (self, MIN (position, n_items - 1));
      grab_item_focus (self, next, ITEM_FOCUS_ROW);
    }
}

static void
item_expanded_cb (AdwExpanderRow *row,
                  GParamSpec     *pspec,
                  Form           *form)
{
  const char *id = jln_record_get_id (form->record);

  if (form->dead)
    return;
  if (adw_expander_row_get_expanded (row))
    {
      item_form_build_fields (form);
      g_hash_table_add (form->self->expanded, g_strdup (id));
    }
  else
    g_hash_table_remove (form->self->expanded, id);
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = G_TYPE_CHECK_INSTANCE_TYPE (child, type) ? child
                                                                  : find_descendant (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
item_button_new (const char *icon_name,
                 const char *name,
                 const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_name (button, name);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "circular");
  return button;
}

static GtkWidget *
item_buttons_row_new (Form *form)
{
  GtkWidget *row = adw_preferences_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *spacer = gtk_label_new (NULL);

  gtk_widget_set_hexpand (spacer, TRUE);
  gtk_box_append (GTK_BOX (box), form->up_button);
  gtk_box_append (GTK_BOX (box), form->down_button);
  gtk_box_append (GTK_BOX (box), spacer);
  gtk_box_append (GTK_BOX (box), form->remove_button);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Move or Remove"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_widget_add_css_class (row, "jln-item-buttons");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

/* The buttons say which sub-item they move, and cannot move it past an end. */
static void
update_item_buttons (Form *form)
{
  JlnActionEditor *self = form->self;
  JlnActionItem *item = JLN_ACTION_ITEM (form->record);
  guint position = gtk_list_item_get_position (form->list_item);
  guint n_items = g_list_model_get_n_items (self->items);
  g_autofree char *label = NULL;
  g_autofree char *up_label = NULL;
  g_autofree char *down_label = NULL;
  g_autofree char *remove_label = NULL;

  if (form->up_button == NULL)
    return;

  label = jln_text_isolate (jln_action_item_get_label (item));

  /* Translators: %s is the label of a sub-item, like “a”. */
  up_label = g_strdup_printf (_("Move sub-item %s up"), label);
  /* Translators: %s is the label of a sub-item, like “a”. */
  down_label = g_strdup_printf (_("Move sub-item %s down"), label);
  /* Translators: %s is the label of a sub-item, like “a”. */
  remove_label = g_strdup_printf (_("Remove sub-item %s"), label);
  set_label (form->up_button, up_label);
  set_label (form->down_button, down_label);
  set_label (form->remove_button, remove_label);

  gtk_widget_set_sensitive (form->up_button, position != GTK_INVALID_LIST_POSITION && position > 0);
  gtk_widget_set_sensitive (form->down_button,
                            position != GTK_INVALID_LIST_POSITION && position + 1 < n_items);
}

/* The fields of a sub-item and its buttons, made when its row is first
 * expanded: a screenful of collapsed rows is quick to make. */
static void
item_form_build_fields (Form *form)
{
  GtkWidget *row = form->item_row;

  if (form->up_button != NULL)
    return;

  form_build (form, item_fields, G_N_ELEMENTS (item_fields), row);

  /* The buttons that move and remove the sub-item come last in its
   * row: the heading of a sub-item is too narrow for them. */
  form->up_button = item_button_new ("go-up-symbolic", "item-up", _("Move Up"));
  form->down_button = item_button_new ("go-down-symbolic", "item-down", _("Move Down"));
  form->remove_button = item_button_new ("user-trash-symbolic", "item-remove",
                                         _("Remove Sub-item"));
  gtk_widget_add_css_class (form->remove_button, "jln-remove-button");
  form_connect (form, form->up_button, "clicked", G_CALLBACK (move_up_clicked_cb));
  form_connect (form, form->down_button, "clicked", G_CALLBACK (move_down_clicked_cb));
  form_connect (form, form->remove_button, "clicked", G_CALLBACK (remove_clicked_cb));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), item_buttons_row_new (form));
  update_item_buttons (form);
}

/* The row of one sub-item, made when the list shows it on screen. */
static Form *
item_form_new (JlnActionEditor *self,
               JlnRecord       *item,
               GtkListItem     *list_item)
{
  Form *form = form_new (self, item);
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *header = find_descendant (row, ADW_TYPE_ACTION_ROW);

  form->list_item = list_item;
  form->item_row = row;
  gtk_widget_set_name (row, "item");
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  /* A label that wraps is measured again and again: one line each keeps
   * a screenful of rows quick to lay out. The title is read in full in
   * the expanded row, and by screen readers. libadwaita 1.2 has these
   * settings on the action row that heads the expander row only. */
  if (header != NULL)
    {
      adw_action_row_set_title_lines (ADW_ACTION_ROW (header), 1);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (header), 1);
    }
  update_item_row (form);
  if (g_hash_table_contains (self->expanded, jln_record_get_id (item)))
    {
      item_form_build_fields (form);
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
    }
  form_connect (form, row, "notify::expanded", G_CALLBACK (item_expanded_cb));
  return form;
}

static void
item_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               JlnActionEditor          *self)
{
  /* A row is a group of fields, not a choice. */
  gtk_list_item_set_activatable (list_item, FALSE);
  gtk_list_item_set_selectable (list_item, FALSE);
}

static void
item_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              JlnActionEditor          *self)
{
  JlnRecord *item = gtk_list_item_get_item (list_item);
  Form *form;
  form = item_form_new (self, item, list_item);

  g_ptr_array_add (self->item_forms, form);
  gtk_list_item_set_child (list_item, form->item_row);
  if (self->focus_item == item)
    grab_item_focus (self, item, self->focus_target);
}

static void
item_unbind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                JlnActionEditor          *self)
{
  for (guint i = 0; i < self->item_forms->len; i++)
    {
      Form *form = g_ptr_array_index (self->item_forms, i);

      if (form->list_item == list_item)
        {
          g_ptr_array_remove_index_fast (self->item_forms, i);
          form_kill (form);
          break;
        }
    }
  gtk_list_item_set_child (list_item, NULL);
}

/* Called after the list has taken the change in: rows that stay keep
 * their form, but their place may have changed. */
static void
items_changed_cb (GListModel      *model,
                  guint            position,
                  guint            removed,
                  guint            added,
                  JlnActionEditor *self)
{
  for (guint i = 0; i < self->item_forms->len; i++)
    update_item_buttons (g_ptr_array_index (self->item_forms, i));
  gtk_widget_set_visible (self->items_scroller, g_list_model_get_n_items (model) > 0);
}

static void
add_item_clicked_cb (GtkButton       *button,
                     JlnActionEditor *self)
{
  JlnRecord *added = NULL;
  g_autoptr(JlnRecord) item = NULL;
  g_autoptr(JlnEdit) edit = NULL;
  guint position;

  if (!JLN_IS_ACTION (self->record) || self->items == NULL)
    return;

  edit = jln_plan_edit_add_item (self->record, &added);
  item = g_object_ref (added);
  g_hash_table_add (self->expanded, g_strdup (jln_record_get_id (item)));
  apply_item_edit (self, edit);

  if (jln_record_get_position (item, &position))
    {
      scroll_to_item (self, position);
      grab_item_focus (self, item, ITEM_FOCUS_TITLE);
    }
}

/* Lets go of the sub-items shown: the list lets go of its rows, and
 * their forms. */
static void
items_clear (JlnActionEditor *self)
{
  if (self->items_view != NULL)
    gtk_grid_view_set_model (self->items_view, NULL);
  g_assert (self->item_forms->len == 0);
  if (self->items_selection != NULL)
    {
      g_clear_signal_handler (&self->items_changed_id, self->items_selection);
      g_clear_object (&self->items_selection);
    }
  g_clear_object (&self->items);
  g_clear_object (&self->focus_item);
}

/* Shows the sub-items of the action shown in the list of the pane,
 * from the first one. */
static void
items_show_action (JlnActionEditor *self)
{
  GtkNoSelection *selection;
  GtkAdjustment *adjustment;

  items_clear (self);
  show_items_error (self, NULL);
  self->items = g_object_ref (jln_action_get_items (JLN_ACTION (self->record)));
  selection = gtk_no_selection_new (g_object_ref (self->items));
  self->items_selection = G_LIST_MODEL (selection);
  self->items_changed_id = g_signal_connect (self->items_selection, "items-changed",
                                             G_CALLBACK (items_changed_cb), self);
  gtk_grid_view_set_model (self->items_view, GTK_SELECTION_MODEL (selection));
  /* The list of another action starts from its first sub-item. */
  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->items_view));
  if (adjustment != NULL && g_list_model_get_n_items (self->items) > 0)
    gtk_adjustment_set_value (adjustment, 0);
  gtk_widget_set_visible (self->items_scroller, g_list_model_get_n_items (self->items) > 0);
  gtk_widget_set_visible (self->items_group, TRUE);
}

/* --- Building the pane ---------------------------------------------------- */

static void
clear (JlnActionEditor *self)
{
  /* The list lets go of its rows, and their forms, before the pane goes. */
  items_clear (self);
  self->form_type = G_TYPE_INVALID;
  if (self->form != NULL)
    {
      for (guint i = 0; i < self->form->fields->len; i++)
        {
          Field *field = g_ptr_array_index (self->form->fields, i);

          form_remove_row (field->container, field->row);
          if (field->error_row != NULL)
            form_remove_row (field->container, field->error_row);
        }
      form_kill (self->form);
      self->form = NULL;
    }
  for (guint i = 0; i < N_GROUPS; i++)
    gtk_widget_set_visible (self->groups[i], FALSE);
  gtk_widget_set_visible (self->items_group, FALSE);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (self->details), FALSE);
  if (self->notes_box != NULL)
    gtk_box_remove (self->fields_box, self->notes_box);
  self->notes_box = NULL;
}

/* Commits what the user typed in the field that has the focus, before
 * the pane shows something else. */
static void
flush (JlnActionEditor *self)
{
  g_autoptr(GPtrArray) forms = g_ptr_array_new ();

  if (self->form != NULL)
    g_ptr_array_add (forms, form_ref (self->form));
  for (guint i = 0; self->item_forms != NULL && i < self->item_forms->len; i++)
    g_ptr_array_add (forms, form_ref (g_ptr_array_index (self->item_forms, i)));

  for (guint i = 0; i < forms->len; i++)
    {
      Form *form = g_ptr_array_index (forms, i);

      for (guint j = 0; !form->dead && j < form->fields->len; j++)
        {
          Field *field = g_ptr_array_index (form->fields, j);

          if (field->text_row != NULL)
            jln_text_row_commit (JLN_TEXT_ROW (field->text_row));
          else if (ADW_IS_ENTRY_ROW (field->control) && contains_focus (field->control))
            field_commit_entry (field);
        }
    }
  for (guint i = 0; i < forms->len; i++)
    form_unref (g_ptr_array_index (forms, i));
}

static void show_notes (JlnActionEditor *self);

static void
rebuild (JlnActionEditor *self)
{
  clear (self);

  if (self->record == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  self->form = form_new (self, self->record);
  if (JLN_IS_ACTION (self->record))
    {
      form_build (self->form, action_fields, G_N_ELEMENTS (action_fields), NULL);
      items_show_action (self);
    }
  else if (JLN_IS_OBJECTIVE (self->record))
    form_build (self->form, objective_fields, G_N_ELEMENTS (objective_fields), NULL);
  else
    form_build (self->form, item_fields, G_N_ELEMENTS (item_fields), NULL);
  self->form_type = G_OBJECT_TYPE (self->record);
  show_notes (self);

  update_heading (self);
  gtk_stack_set_visible_child_name (self->stack, "record");
}

/* Shows the notes of the record shown, last in the pane. */
static void
show_notes (JlnActionEditor *self)
{
  if (self->notes_box != NULL)
    gtk_box_remove (self->fields_box, self->notes_box);
  self->notes_box = NULL;
  if (jln_note_kind_for (self->record) != JLN_N_KINDS)
    {
      self->notes_box = jln_notes_box_new (self->session, self->record);
      gtk_box_append (self->fields_box, self->notes_box);
    }
}

/* Shows self->record in the fields made for another record of its kind:
 * moving through the list changes what the rows show, not the rows. */
static void
rebind (JlnActionEditor *self)
{
  Form *form = self->form;

  g_clear_signal_handler (&form->notify_id, form->record);
  g_set_object (&form->record, self->record);
  form->notify_id = g_signal_connect (self->record, "notify", G_CALLBACK (record_notify_cb), form);

  for (guint i = 0; i < form->fields->len; i++)
    {
      Field *field = g_ptr_array_index (form->fields, i);

      if (field->text_row != NULL)
        jln_text_row_set_record (JLN_TEXT_ROW (field->text_row), self->record);
      else if (field->has_error)
        field_set_error (field, NULL);
      field_refresh (field, TRUE);
    }
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (self->details), FALSE);
  if (JLN_IS_ACTION (self->record))
    items_show_action (self);
  show_notes (self);
  update_heading (self);
}

/* --- GObject -------------------------------------------------------------- */

static void
jln_action_editor_dispose (GObject *object)
{
  JlnActionEditor *self = JLN_ACTION_EDITOR (object);

  /* The template's widgets are still there the first time only. */
  if (self->items_view != NULL)
    clear (self);
  g_clear_pointer (&self->item_forms, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), JLN_TYPE_ACTION_EDITOR);
  g_clear_object (&self->record);
  jln_session_binding_set_session (self->session_binding, NULL);
  g_clear_object (&self->session);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (jln_action_editor_parent_class)->dispose (object);
}

static void
jln_action_editor_finalize (GObject *object)
{
  JlnActionEditor *self = JLN_ACTION_EDITOR (object);

  g_clear_pointer (&self->expanded, g_hash_table_unref);

  G_OBJECT_CLASS (jln_action_editor_parent_class)->finalize (object);
}

static void
jln_action_editor_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  JlnActionEditor *self = JLN_ACTION_EDITOR (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_RECORD:
      g_value_set_object (value, self->record);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jln_action_editor_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  JlnActionEditor *self = JLN_ACTION_EDITOR (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      jln_action_editor_set_session (self, g_value_get_object (value));
      break;
    case PROP_RECORD:
      jln_action_editor_set_record (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jln_action_editor_class_init (JlnActionEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jln_action_editor_dispose;
  object_class->finalize = jln_action_editor_finalize;
  object_class->get_property = jln_action_editor_get_property;
  object_class->set_property = jln_action_editor_set_property;

  /**
   * JlnActionEditor:session:
   *
   * The window's session: the editor applies edits to its document,
   * shows its selected record and writes in its content language.
   */
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, JLN_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /**
   * JlnActionEditor:record:
   *
   * The objective, action or sub-item shown, or %NULL.
   */
  properties[PROP_RECORD] =
    g_param_spec_object ("record", NULL, NULL, JLN_TYPE_RECORD,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/jalons/Jalons/jln-action-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, JlnActionEditor, stack);
  gtk_widget_class_bind_template_child (widget_class, JlnActionEditor, kind_label);
  gtk_widget_class_bind_template_child (widget_class, JlnActionEditor, heading_label);
  gtk_widget_class_bind_template_child (widget_class, JlnActionEditor, hint_label);
  gtk_widget_class_bind_template_child (widget_class, JlnActionEditor, fields_box);
  gtk_widget_class_bind_template_child_full (widget_class, "main_group", FALSE,
                                             G_STRUCT_OFFSET (JlnActionEditor, groups[GROUP_MAIN]));
  gtk_widget_class_bind_template_child_full (widget_class, "dates_group", FALSE,
                                             G_STRUCT_OFFSET (JlnActionEditor,
                                                              groups[GROUP_DATES]));
  gtk_widget_class_bind_template_child_full (widget_class, "responsibility_group", FALSE,
                                             G_STRUCT_OFFSET (JlnActionEditor,
                                                              groups[GROUP_RESPONSIBILITY]));
  gtk_widget_class_bind_template_child_full (widget_class, "charter_group", FALSE,
                                             G_STRUCT_OFFSET (JlnActionEditor,
                                                              groups[GROUP_CHARTER]));
  gtk_widget_class_bind_template_child_full (widget_class, "references_group", FALSE,
                                             G_STRUCT_OFFSET (JlnActionEditor,
                                                              groups[GROUP_REFERENCES]));
  gtk_widget_class_bind_template_child_full (widget_class, "details_group", FALSE,
                                             G_STRUCT_OFFSET (JlnActionEditor,
                                                              groups[GROUP_DETAILS]));
  gtk_widget_class_bind_template_child (widget_class, JlnActionEditor, details);
  gtk_widget_class_bind_template_child (widget_class, JlnActionEditor, items_group);
  gtk_widget_class_bind_template_child (widget_class, JlnActionEditor, items_error);
  gtk_widget_class_bind_template_child (widget_class, JlnActionEditor, items_scroller);
  gtk_widget_class_bind_template_child (widget_class, JlnActionEditor, items_view);
  gtk_widget_class_bind_template_callback (widget_class, add_item_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, item_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, item_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, item_unbind_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "jln-action-editor");
}

static void session_plan_changed_cb (JlnActionEditor *self);
static void session_content_language_changed_cb (JlnActionEditor *self);
static void session_selected_changed_cb (JlnActionEditor *self);

static void
jln_action_editor_init (JlnActionEditor *self)
{
  self->item_forms = g_ptr_array_new ();
  self->expanded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->session_binding = jln_session_binding_new (self);
  jln_session_binding_connect (self->session_binding, "notify::plan",
                               G_CALLBACK (session_plan_changed_cb));
  jln_session_binding_connect (self->session_binding, "notify::content-language",
                               G_CALLBACK (session_content_language_changed_cb));
  jln_session_binding_connect (self->session_binding, "notify::selected",
                               G_CALLBACK (session_selected_changed_cb));
}

GtkWidget *
jln_action_editor_new (void)
{
  return g_object_new (JLN_TYPE_ACTION_EDITOR, NULL);
}

JlnDocument *
jln_action_editor_get_document (JlnActionEditor *self)
{
  g_return_val_if_fail (JLN_IS_ACTION_EDITOR (self), NULL);
  return self->document;
}

/* @document: (nullable): the document edits are applied to. Without a
 * document, the fields are shown but cannot be changed. */
static void
set_document (JlnActionEditor *self,
              JlnDocument     *document)
{
  if (!g_set_object (&self->document, document))
    return;
  gtk_widget_set_sensitive (GTK_WIDGET (self->fields_box), document != NULL && !self->read_only);
}

/**
 * jln_action_editor_set_editable:
 * @editable: whether the plan may be changed
 *
 * A plan that is read-only, or whose file was replaced, is shown with
 * every field and button of the pane off.
 */
void
jln_action_editor_set_editable (JlnActionEditor *self,
                                gboolean         editable)
{
  g_return_if_fail (JLN_IS_ACTION_EDITOR (self));

  self->read_only = !editable;
  gtk_widget_set_sensitive (GTK_WIDGET (self->fields_box),
                            self->document != NULL && !self->read_only);
}

JlnLang
jln_action_editor_get_content_language (JlnActionEditor *self)
{
  g_return_val_if_fail (JLN_IS_ACTION_EDITOR (self), JLN_LANG_FR);
  return self->content_language;
}

/* The language of the heading, the sub-item titles, the unit and
 * principle names and the semesters. Both languages of every text are
 * shown and edited whatever it is. */
static void
set_content_language (JlnActionEditor *self,
                      JlnLang          lang)
{
  if (self->content_language == lang)
    return;
  flush (self);
  self->content_language = lang;
  rebuild (self);
}

/**
 * jln_action_editor_get_record:
 *
 * Returns: (transfer none) (nullable): the record shown
 */
JlnRecord *
jln_action_editor_get_record (JlnActionEditor *self)
{
  g_return_val_if_fail (JLN_IS_ACTION_EDITOR (self), NULL);
  return self->record;
}

/**
 * jln_action_editor_set_record:
 * @record: (nullable): an objective, an action or a sub-item
 *
 * Shows @record. What the user was typing in the previous record is
 * committed first.
 */
void
jln_action_editor_set_record (JlnActionEditor *self,
                              JlnRecord       *record)
{
  g_return_if_fail (JLN_IS_ACTION_EDITOR (self));
  g_return_if_fail (record == NULL ||
                    JLN_IS_ACTION (record) ||
                    JLN_IS_OBJECTIVE (record) ||
                    JLN_IS_ACTION_ITEM (record));

  if (self->record == record)
    return;

  flush (self);
  g_set_object (&self->record, record);
  g_hash_table_remove_all (self->expanded);
  if (record != NULL && self->form != NULL && G_OBJECT_TYPE (record) == self->form_type)
    rebind (self);
  else
    rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECORD]);
}

/* --- The session ---------------------------------------------------------- */

/* A plan read again: the record of the same id in it, which the session
 * selected, is shown in place of the old one. */
static void
session_plan_changed_cb (JlnActionEditor *self)
{
  JlnDocument *document = jln_session_get_document (self->session);

  jln_action_editor_set_record (self, NULL);
  if (document == self->document)
    set_document (self, NULL);
  set_document (self, document);
  jln_action_editor_set_record (self, jln_session_get_selected (self->session));
}

static void
session_content_language_changed_cb (JlnActionEditor *self)
{
  set_content_language (self, jln_session_get_content_language (self->session));
}

static void
session_selected_changed_cb (JlnActionEditor *self)
{
  jln_action_editor_set_record (self, jln_session_get_selected (self->session));
}

/**
 * jln_action_editor_get_session:
 *
 * Returns: (transfer none) (nullable): the session the editor follows
 */
JlnSession *
jln_action_editor_get_session (JlnActionEditor *self)
{
  g_return_val_if_fail (JLN_IS_ACTION_EDITOR (self), NULL);
  return self->session;
}

/**
 * jln_action_editor_set_session:
 * @session: (nullable): the window's session
 *
 * Edits the session's document, shows its selected record and writes in
 * its content language.
 */
void
jln_action_editor_set_session (JlnActionEditor *self,
                               JlnSession      *session)
{
  g_return_if_fail (JLN_IS_ACTION_EDITOR (self));
  g_return_if_fail (session == NULL || JLN_IS_SESSION (session));

  if (self->session == session)
    return;

  g_set_object (&self->session, session);
  jln_session_binding_set_session (self->session_binding, session);

  if (session != NULL)
    {
      set_content_language (self, jln_session_get_content_language (session));
      session_plan_changed_cb (self);
    }
  else
    {
      jln_action_editor_set_record (self, NULL);
      set_document (self, NULL);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}
