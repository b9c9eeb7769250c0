/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "jln-action.h"
#include "jln-enums.h"
#include "jln-combo-value.h"
#include "jln-field-binding.h"
#include "jln-plan-edits.h"
#include "jln-semester-row.h"

/* A semester of a record, chosen in a list: the start, the due date or
 * the next date of an action, the due date of a sub-item. The list has
 * the plan's period, two years either side and today, widened to take in
 * a stored semester that lies outside, so that it opens near its value
 * rather than on 2010; from one record of the same plan to the next it
 * keeps the semesters it already has. A next date only shows for a
 * recurring action, or one that has a next date. */
struct _JlnSemesterRow
{
  AdwComboRow      parent_instance;

  JlnFieldBinding *binding;
  char            *error;
  gboolean         updating;      /* set while the row shows the stored value */
  GtkStringList   *semesters;     /* "None", then first to last */
  JlnSemester      first;
  JlnSemester      last;
  gconstpointer    range_plan;    /* the plan the list was made for, compared only */
};

G_DEFINE_FINAL_TYPE (JlnSemesterRow, jln_semester_row, ADW_TYPE_COMBO_ROW)

/* Without a plan, the semesters a date can be chosen from. */
#define FIRST_YEAR 2010
#define LAST_YEAR  2035

enum {
  PROP_0,
  PROP_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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
  JlnDocument *document = jln_field_binding_get_document (self->binding);
  JlnPlan *plan = document != NULL ? jln_document_get_plan (document) : NULL;

  if (plan != NULL)
    {
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
  /* From one record of a plan to the next, the list only grows: making
   * it again would make every row of its popover again. */
  if (n_items > 0 && self->range_plan == plan)
    {
      first = MIN (first, self->first);
      last = MAX (last, self->last);
    }
  if (n_items > 0 && first == self->first && last == self->last)
    return;

  g_ptr_array_add (strings, g_strdup (C_("semester", "None")));
  for (JlnSemester s = first; s <= last; s++)
    g_ptr_array_add (strings, jln_semester_format (s, JLN_SEMESTER_STYLE_LONG, lang));
  g_ptr_array_add (strings, NULL);

  self->first = first;
  self->last = last;
  self->range_plan = plan;
  gtk_string_list_splice (self->semesters, 0, n_items, (const char * const *) strings->pdata);
}

static void
refresh (JlnSemesterRow *self)
{
  JlnRecord *record = jln_field_binding_get_record (self->binding);
  JlnSemester value = JLN_SEMESTER_NONE;

  if (record != NULL)
    g_object_get (record, jln_field_binding_get_name (self->binding), &value, NULL);
  self->updating = TRUE;
  fill (self, value);
  adw_combo_row_set_selected (ADW_COMBO_ROW (self),
                              value == JLN_SEMESTER_NONE ? 0 : value - self->first + 1);
  self->updating = FALSE;
  jln_combo_value_update (ADW_COMBO_ROW (self));

  /* A next date only means something for a recurring action. */
  if (jln_field_binding_get_field (self->binding) == JLN_PLAN_FIELD_NEXT && JLN_IS_ACTION (record))
    {
      JlnRecurrence recurrence = jln_action_get_recurrence (JLN_ACTION (record));

      gtk_widget_set_visible (GTK_WIDGET (self),
                              value != JLN_SEMESTER_NONE || recurrence != JLN_RECURRENCE_NONE);
    }
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
  JlnDocument *document = jln_field_binding_get_document (self->binding);
  gboolean applied;

  if (owned == NULL || document == NULL || jln_plan_edit_is_unchanged (owned))
    {
      refresh (self);
      return;
    }

  /* Applying may take the row away from its editor. */
  g_object_ref (self);
  applied = jln_document_apply (document, owned, &error);
  if (jln_field_binding_get_record (self->binding) != NULL)
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
binding_changed_cb (gpointer       owner,
                    JlnFieldChange change)
{
  JlnSemesterRow *self = owner;

  /* Every semester field chooses from the same list. */
  if (change == JLN_FIELD_CHANGE_FIELD)
    gtk_widget_set_name (GTK_WIDGET (self), jln_field_binding_get_name (self->binding));
  else if (change == JLN_FIELD_CHANGE_RECORD)
    set_error (self, NULL);
  refresh (self);
}

static void
jln_semester_row_dispose (GObject *object)
{
  JlnSemesterRow *self = JLN_SEMESTER_ROW (object);

  jln_field_binding_unbind (self->binding);
  gtk_widget_dispose_template (GTK_WIDGET (self), JLN_TYPE_SEMESTER_ROW);

  G_OBJECT_CLASS (jln_semester_row_parent_class)->dispose (object);
}

static void
jln_semester_row_finalize (GObject *object)
{
  g_free (JLN_SEMESTER_ROW (object)->error);

  G_OBJECT_CLASS (jln_semester_row_parent_class)->finalize (object);
}

static void
jln_semester_row_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  JlnSemesterRow *self = JLN_SEMESTER_ROW (object);

  if (prop_id == PROP_ERROR)
    g_value_set_string (value, self->error);
  else if (!jln_field_binding_get_property (self->binding, pspec, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
jln_semester_row_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  if (!jln_field_binding_set_property (JLN_SEMESTER_ROW (object)->binding, pspec, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
install_properties (GObjectClass *object_class)
{
  object_class->dispose = jln_semester_row_dispose;
  object_class->finalize = jln_semester_row_finalize;
  object_class->get_property = jln_semester_row_get_property;
  object_class->set_property = jln_semester_row_set_property;

  /**
   * JlnSemesterRow:error:
   *
   * Why the value chosen last was refused, or %NULL.
   */
  properties[PROP_ERROR] =
    g_param_spec_string ("error", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  /* The value shown and chosen, like %JLN_PLAN_FIELD_DUE. */
  jln_field_binding_install_properties (object_class, N_PROPS, JLN_PLAN_FIELD_DUE);
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
  return jln_field_binding_get_session (self->binding);
}

void
jln_semester_row_set_session (JlnSemesterRow *self,
                              JlnSession     *session)
{
  g_return_if_fail (JLN_IS_SEMESTER_ROW (self));
  jln_field_binding_set_session (self->binding, session);
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
  return jln_field_binding_get_record (self->binding);
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
  jln_field_binding_set_record (self->binding, record);
}

JlnPlanField
jln_semester_row_get_field (JlnSemesterRow *self)
{
  g_return_val_if_fail (JLN_IS_SEMESTER_ROW (self), JLN_PLAN_FIELD_DUE);
  return jln_field_binding_get_field (self->binding);
}

void
jln_semester_row_set_field (JlnSemesterRow *self,
                            JlnPlanField    field)
{
  g_return_if_fail (JLN_IS_SEMESTER_ROW (self));
  jln_field_binding_set_field (self->binding, field);
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
  JlnRecord *record = jln_field_binding_get_record (self->binding);

  if (self->updating || record == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;
  apply (self, jln_plan_edit_set_semester (record, jln_field_binding_get_field (self->binding),
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
  self->binding = jln_field_binding_new (self, JLN_PLAN_FIELD_DUE, binding_changed_cb);
  /* A next date shows for a recurring action. */
  jln_field_binding_watch (self->binding, "recurrence");
  self->semesters = gtk_string_list_new (NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
  adw_combo_row_set_model (ADW_COMBO_ROW (self), G_LIST_MODEL (self->semesters));
  jln_combo_value_install (ADW_COMBO_ROW (self));
  /* The row keeps the list for as long as it lives. */
  g_object_unref (self->semesters);
  gtk_widget_set_name (GTK_WIDGET (self), jln_field_binding_get_name (self->binding));
  g_signal_connect (self, "notify::title", G_CALLBACK (title_changed_cb), NULL);
}
