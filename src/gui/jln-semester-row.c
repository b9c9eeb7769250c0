/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "jln-action.h"
#include "jln-enums.h"
#include "jln-plan-edits.h"
#include "jln-semester-row.h"

/* A semester of a record, chosen in a list: the start, the due date or
 * the next date of an action, the due date of a sub-item. The list has
 * the plan's period, two years either side and today, widened to take in
 * a stored semester that lies outside, so that it opens near its value
 * rather than on 2010. A next date only shows for a recurring action, or
 * one that has a next date. */
struct _JlnSemesterRow
{
  AdwComboRow    parent_instance;

  JlnSession    *session;
  JlnRecord     *record;
  gulong         notify_id;
  JlnPlanField   field;
  char          *name;          /* of the field, as the record's properties spell it */
  char          *error;
  gboolean       updating;      /* set while the row shows the stored value */
  GtkStringList *semesters;     /* "None", then first to last */
  JlnSemester    first;
  JlnSemester    last;
};

G_DEFINE_FINAL_TYPE (JlnSemesterRow, jln_semester_row, ADW_TYPE_COMBO_ROW)

/* Without a plan, the semesters a date can be chosen from. */
#define FIRST_YEAR 2010
#define LAST_YEAR  2035

enum {
  PROP_0,
  PROP_SESSION,
  PROP_RECORD,
  PROP_FIELD,
  PROP_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Every semester field chooses from the same list. */
static void
field_changed (JlnSemesterRow *self)
{
}

static void
fill (JlnSemesterRow *self,
      JlnSemester     value)
{
  /* Semesters are the interface's words, not plan text. */
  JlnLang lang = jln_lang_from_locale ();
  JlnSemester first = jln_semester_new (FIRST_YEAR, 1);
  JlnSemester last = jln_semester_new (LAST_YEAR, 2);
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->semesters));
  JlnDocument *document = self->session != NULL ? jln_session_get_document (self->session) : NULL;

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
  if (n_items > 0 && first == self->first && last == self->last)
    return;

  g_ptr_array_add (strings, g_strdup (C_("semester", "None")));
  for (JlnSemester s = first; s <= last; s++)
    g_ptr_array_add (strings, jln_semester_format (s, JLN_SEMESTER_STYLE_LONG, lang));
  g_ptr_array_add (strings, NULL);

  self->first = first;
  self->last = last;
  gtk_string_list_splice (self->semesters, 0, n_items, (const char * const *) strings->pdata);
}

static void
refresh (JlnSemesterRow *self)
{
  JlnSemester value = JLN_SEMESTER_NONE;

  if (self->record != NULL)
    g_object_get (self->record, self->name, &value, NULL);
  self->updating = TRUE;
  fill (self, value);
  adw_combo_row_set_selected (ADW_COMBO_ROW (self),
                              value == JLN_SEMESTER_NONE ? 0 : value - self->first + 1);
  self->updating = FALSE;

  /* A next date only means something for a recurring action. */
  if (self->field == JLN_PLAN_FIELD_NEXT && JLN_IS_ACTION (self->record))
    {
      JlnRecurrence recurrence = jln_action_get_recurrence (JLN_ACTION (self->record));

      gtk_widget_set_visible (GTK_WIDGET (self),
                              value != JLN_SEMESTER_NONE || recurrence != JLN_RECURRENCE_NONE);
    }
}

static void
record_notify_cb (JlnRecord      *record,
                  GParamSpec     *pspec,
                  JlnSemesterRow *self)
{
  if (g_str_equal (pspec->name, self->name) ||
      (self->field == JLN_PLAN_FIELD_NEXT && g_str_equal (pspec->name, "recurrence")))
    refresh (self);
}

static void
set_error (JlnSemesterRow *self,
           const char     *message)
{
  if (g_strcmp0 (self->error, message) == 0)
    return;
  g_free (self->error);
  self->error = g_strdup (message);
  if (message != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self), "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                      -1);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self), "error");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

/* Applies @edit (transfer full). */
static void
apply (JlnSemesterRow *self,
       JlnEdit        *edit)
{
  g_autoptr(JlnEdit) owned = edit;
  g_autoptr(GError) error = NULL;
  JlnDocument *document = self->session != NULL ? jln_session_get_document (self->session) : NULL;
  gboolean applied;

  if (owned == NULL || document == NULL || jln_plan_edit_is_unchanged (owned))
    {
      refresh (self);
      return;
    }

  /* Applying may take the row away from its editor. */
  g_object_ref (self);
  applied = jln_document_apply (document, owned, &error);
  if (self->record != NULL)
    {
      set_error (self, applied ? NULL : error->message);
      refresh (self);
    }
  g_object_unref (self);
}

static void
title_changed_cb (JlnSemesterRow *self)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self)),
                                  -1);
}

static void
set_name (JlnSemesterRow *self)
{
  g_free (self->name);
  self->name = g_strdelimit (g_strdup (jln_plan_field_get_name (self->field)), "_", '-');
  gtk_widget_set_name (GTK_WIDGET (self), self->name);
}

static void
jln_semester_row_dispose (GObject *object)
{
  JlnSemesterRow *self = JLN_SEMESTER_ROW (object);

  if (self->record != NULL)
    g_clear_signal_handler (&self->notify_id, self->record);
  g_clear_object (&self->record);
  g_clear_object (&self->session);
  gtk_widget_dispose_template (GTK_WIDGET (self), JLN_TYPE_SEMESTER_ROW);

  G_OBJECT_CLASS (jln_semester_row_parent_class)->dispose (object);
}

static void
jln_semester_row_finalize (GObject *object)
{
  JlnSemesterRow *self = JLN_SEMESTER_ROW (object);

  g_free (self->name);
  g_free (self->error);

  G_OBJECT_CLASS (jln_semester_row_parent_class)->finalize (object);
}

static void
jln_semester_row_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  JlnSemesterRow *self = JLN_SEMESTER_ROW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_RECORD:
      g_value_set_object (value, self->record);
      break;
    case PROP_FIELD:
      g_value_set_enum (value, self->field);
      break;
    case PROP_ERROR:
      g_value_set_string (value, self->error);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jln_semester_row_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  JlnSemesterRow *self = JLN_SEMESTER_ROW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      jln_semester_row_set_session (self, g_value_get_object (value));
      break;
    case PROP_RECORD:
      jln_semester_row_set_record (self, g_value_get_object (value));
      break;
    case PROP_FIELD:
      jln_semester_row_set_field (self, g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
install_properties (GObjectClass *object_class)
{
  object_class->dispose = jln_semester_row_dispose;
  object_class->finalize = jln_semester_row_finalize;
  object_class->get_property = jln_semester_row_get_property;
  object_class->set_property = jln_semester_row_set_property;

  /**
   * JlnSemesterRow:session:
   *
   * The window's session: edits are applied to its document.
   */
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, JLN_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /**
   * JlnSemesterRow:record:
   *
   * The record whose value is shown, or %NULL.
   */
  properties[PROP_RECORD] =
    g_param_spec_object ("record", NULL, NULL, JLN_TYPE_RECORD,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /**
   * JlnSemesterRow:field:
   *
   * The value shown and chosen, like %JLN_PLAN_FIELD_DUE.
   */
  properties[PROP_FIELD] =
    g_param_spec_enum ("field", NULL, NULL, JLN_TYPE_PLAN_FIELD, JLN_PLAN_FIELD_DUE,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /**
   * JlnSemesterRow:error:
   *
   * Why the value chosen last was refused, or %NULL.
   */
  properties[PROP_ERROR] =
    g_param_spec_string ("error", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

/**
 * jln_semester_row_get_session:
 *
 * Returns: (transfer none) (nullable): the session edits go to
 */
JlnSession *
jln_semester_row_get_session (JlnSemesterRow *self)
{
  g_return_val_if_fail (JLN_IS_SEMESTER_ROW (self), NULL);
  return self->session;
}

void
jln_semester_row_set_session (JlnSemesterRow *self,
                              JlnSession     *session)
{
  g_return_if_fail (JLN_IS_SEMESTER_ROW (self));
  g_return_if_fail (session == NULL || JLN_IS_SESSION (session));

  if (!g_set_object (&self->session, session))
    return;
  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

/**
 * jln_semester_row_get_record:
 *
 * Returns: (transfer none) (nullable): the record shown
 */
JlnRecord *
jln_semester_row_get_record (JlnSemesterRow *self)
{
  g_return_val_if_fail (JLN_IS_SEMESTER_ROW (self), NULL);
  return self->record;
}

/**
 * jln_semester_row_set_record:
 * @record: (nullable): the record whose value to show
 *
 * Shows the value of @record and forgets the message of a refused one.
 */
void
jln_semester_row_set_record (JlnSemesterRow *self,
                             JlnRecord      *record)
{
  g_return_if_fail (JLN_IS_SEMESTER_ROW (self));
  g_return_if_fail (record == NULL || JLN_IS_RECORD (record));

  if (self->record == record)
    return;

  if (self->record != NULL)
    g_clear_signal_handler (&self->notify_id, self->record);
  g_set_object (&self->record, record);
  if (record != NULL)
    self->notify_id = g_signal_connect (record, "notify", G_CALLBACK (record_notify_cb), self);
  set_error (self, NULL);
  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECORD]);
}

JlnPlanField
jln_semester_row_get_field (JlnSemesterRow *self)
{
  g_return_val_if_fail (JLN_IS_SEMESTER_ROW (self), JLN_PLAN_FIELD_DUE);
  return self->field;
}

void
jln_semester_row_set_field (JlnSemesterRow *self,
                            JlnPlanField    field)
{
  g_return_if_fail (JLN_IS_SEMESTER_ROW (self));

  if (self->field == field)
    return;
  self->field = field;
  set_name (self);
  field_changed (self);
  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIELD]);
}

const char *
jln_semester_row_get_error (JlnSemesterRow *self)
{
  g_return_val_if_fail (JLN_IS_SEMESTER_ROW (self), NULL);
  return self->error;
}

static void
selected_changed_cb (JlnSemesterRow *self)
{
  guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (self));

  if (self->updating || self->record == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;
  apply (self, jln_plan_edit_set_semester (self->record, self->field,
                                           selected == 0 ? JLN_SEMESTER_NONE
                                                         : self->first + selected - 1));
}

static void
jln_semester_row_class_init (JlnSemesterRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  install_properties (G_OBJECT_CLASS (klass));
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/jalons/Jalons/jln-semester-row.ui");
  gtk_widget_class_bind_template_callback (widget_class, selected_changed_cb);
}

static void
jln_semester_row_init (JlnSemesterRow *self)
{
  self->field = JLN_PLAN_FIELD_DUE;
  self->semesters = gtk_string_list_new (NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
  adw_combo_row_set_model (ADW_COMBO_ROW (self), G_LIST_MODEL (self->semesters));
  /* The row keeps the list for as long as it lives. */
  g_object_unref (self->semesters);
  set_name (self);
  g_signal_connect (self, "notify::title", G_CALLBACK (title_changed_cb), NULL);
}
