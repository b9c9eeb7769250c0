/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "jln-gettext.h"

#include "jln-milestone.h"
#include "jln-plan-dialog.h"
#include "jln-plan-edits.h"
#include "jln-session.h"
#include "jln-unit.h"

/* A plan set up in the window: its title in both languages, its period,
 * its notes, its milestones and its units. Save applies every change as
 * one step that undo removes. */

struct _JlnPlanDialog
{
  AdwWindow            parent_instance;

  JlnSession          *session;
  JlnDocument         *document;     /* the session's when opened */
  GtkLabel            *error_label;
  AdwEntryRow         *title_fr_row;
  AdwEntryRow         *title_en_row;
  AdwEntryRow         *start_row;
  AdwEntryRow         *end_row;
  AdwEntryRow         *notes_fr_row;
  AdwEntryRow         *notes_en_row;
  AdwPreferencesGroup *milestones_group;
  AdwPreferencesGroup *units_group;
  GPtrArray           *milestones;   /* of Item */
  GPtrArray           *units;        /* of Item */
};

G_DEFINE_FINAL_TYPE (JlnPlanDialog, jln_plan_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const milestone_kinds[] = { "submission", "evaluation", "renewal", "other" };

/* A milestone or a unit being edited: its record (NULL for a new one)
 * and its fields' entries. */
typedef struct
{
  JlnRecord   *record;
  GtkWidget   *row;
  GtkEditable *entries[3];
  GtkDropDown *kind;
  gboolean     removed;
} Item;

static void
item_free (gpointer data)
{
  Item *item = data;

  g_clear_object (&item->record);
  g_free (item);
}

static GtkEditable *
add_entry (GtkBox     *box,
           const char *placeholder,
           const char *text,
           int         width)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_editable_set_text (GTK_EDITABLE (entry), text != NULL ? text : "");
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), width);
  gtk_widget_set_hexpand (entry, width > 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, placeholder, -1);
  gtk_box_append (box, entry);
  return GTK_EDITABLE (entry);
}

static void
remove_clicked_cb (GtkButton *button,
                   Item      *item)
{
  item->removed = TRUE;
  gtk_widget_set_visible (item->row, FALSE);
}

static Item *
add_item (JlnPlanDialog       *self,
          AdwPreferencesGroup *group,
          GPtrArray           *items,
          JlnRecord           *record)
{
  Item *item = g_new0 (Item, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

  item->record = record != NULL ? g_object_ref (record) : NULL;
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);

  if (group == self->units_group)
    {
      JlnUnit *unit = JLN_UNIT (record);
      const JlnText *name = record != NULL ? jln_unit_get_name (unit) : NULL;

      item->entries[0] = add_entry (GTK_BOX (box), _("Code"), record ? jln_unit_get_code (unit) : NULL, 10);
      item->entries[1] = add_entry (GTK_BOX (box), _("Name in French"), name ? name->fr : NULL, 20);
      item->entries[2] = add_entry (GTK_BOX (box), _("Name in English"), name ? name->en : NULL, 20);
      gtk_widget_set_tooltip_text (remove, _("Remove the unit"));
    }
  else
    {
      JlnMilestone *milestone = JLN_MILESTONE (record);
      const JlnText *title = record != NULL ? jln_milestone_get_title (milestone) : NULL;
      g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

      item->entries[0] = add_entry (GTK_BOX (box), _("Date (2022-03)"),
                                    record ? jln_milestone_get_date (milestone) : NULL, 10);
      gtk_string_list_append (kinds, C_("milestone kind", "Submission"));
      gtk_string_list_append (kinds, C_("milestone kind", "Evaluation"));
      gtk_string_list_append (kinds, C_("milestone kind", "Renewal"));
      gtk_string_list_append (kinds, C_("milestone kind", "Other"));
      item->kind = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (kinds)), NULL));
      gtk_drop_down_set_selected (item->kind, record ? (guint) jln_milestone_get_kind (milestone)
                                                     : JLN_MILESTONE_KIND_OTHER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (item->kind), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Kind of milestone"), -1);
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (item->kind));
      item->entries[1] = add_entry (GTK_BOX (box), _("Name in French"), title ? title->fr : NULL, 20);
      item->entries[2] = add_entry (GTK_BOX (box), _("Name in English"), title ? title->en : NULL, 20);
      gtk_widget_set_tooltip_text (remove, _("Remove the milestone"));
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  gtk_widget_get_tooltip_text (remove), -1);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), remove);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_clicked_cb), item);

  item->row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (item->row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (item->row), FALSE);
  adw_preferences_group_add (group, item->row);
  g_ptr_array_add (items, item);
  return item;
}

static void
add_unit_clicked_cb (JlnPlanDialog *self)
{
  Item *item = add_item (self, self->units_group, self->units, NULL);

  gtk_widget_grab_focus (GTK_WIDGET (item->entries[0]));
}

static void
add_milestone_clicked_cb (JlnPlanDialog *self)
{
  Item *item = add_item (self, self->milestones_group, self->milestones, NULL);

  gtk_widget_grab_focus (GTK_WIDGET (item->entries[0]));
}

/* Adds to @group a change of @field to @value, trimmed, if it is one. */
static void
add_set (JlnEdit      *group,
         JlnRecord    *record,
         JlnPlanField  field,
         int           lang,
         const char   *value)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (value));

  jln_plan_edit_group_set_changed (group, record, field, lang, trimmed);
}

static gboolean
add_semester (JlnPlanDialog  *self,
              JlnEdit        *group,
              JlnPlan        *plan,
              JlnPlanField    field,
              AdwEntryRow    *row,
              GError        **error)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  g_autofree char *iso = NULL;
  JlnSemester semester;

  if (text[0] == '\0')
    {
      add_set (group, JLN_RECORD (plan), field, -1, "");
      return TRUE;
    }
  if (!jln_semester_parse (text, &semester, error))
    return FALSE;
  iso = jln_semester_format (semester, JLN_SEMESTER_STYLE_ISO, JLN_LANG_EN);
  add_set (group, JLN_RECORD (plan), field, -1, iso);
  return TRUE;
}

static void
add_items (JlnEdit   *group,
           JlnPlan   *plan,
           GPtrArray *items,
           JlnKind    kind)
{
  JlnPlanField key_field = kind == JLN_KIND_UNIT ? JLN_PLAN_FIELD_CODE : JLN_PLAN_FIELD_DATE;
  JlnPlanField text_field = kind == JLN_KIND_UNIT ? JLN_PLAN_FIELD_NAME : JLN_PLAN_FIELD_TITLE;

  for (guint i = 0; i < items->len; i++)
    {
      Item *item = g_ptr_array_index (items, i);
      const char *first = gtk_editable_get_text (item->entries[0]);
      JlnRecord *record = item->record;

      if (item->removed)
        {
          if (record != NULL)
            jln_edit_group_add (group, jln_plan_edit_delete (record));
          continue;
        }
      if (record == NULL)
        {
          g_autofree char *key = g_strstrip (g_strdup (first));

          if (key[0] == '\0')
            continue;
          /* A date is checked when the change is applied, with the others. */
          if (kind == JLN_KIND_UNIT)
            record = jln_plan_edit_group_add_unit (group, plan, key);
          else
            {
              record = jln_plan_edit_group_add_milestone (group, plan);
              jln_edit_group_add (group, jln_plan_edit_set_value (record, key_field, -1, key));
            }
        }
      else
        add_set (group, record, key_field, -1, first);
      add_set (group, record, text_field, JLN_LANG_FR, gtk_editable_get_text (item->entries[1]));
      add_set (group, record, text_field, JLN_LANG_EN, gtk_editable_get_text (item->entries[2]));
      if (item->kind != NULL)
        add_set (group, record, JLN_PLAN_FIELD_KIND, -1,
                 milestone_kinds[MIN (gtk_drop_down_get_selected (item->kind), G_N_ELEMENTS (milestone_kinds) - 1)]);
    }
}

static void
show_error (JlnPlanDialog *self,
            const char    *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  JlnPlanDialog *self = JLN_PLAN_DIALOG (widget);
  JlnPlan *plan = jln_document_get_plan (self->document);
  g_autoptr(JlnEdit) group = jln_edit_new_group (_("Plan Properties"));
  g_autoptr(GError) error = NULL;

  add_set (group, JLN_RECORD (plan), JLN_PLAN_FIELD_TITLE, JLN_LANG_FR,
           gtk_editable_get_text (GTK_EDITABLE (self->title_fr_row)));
  add_set (group, JLN_RECORD (plan), JLN_PLAN_FIELD_TITLE, JLN_LANG_EN,
           gtk_editable_get_text (GTK_EDITABLE (self->title_en_row)));
  add_set (group, JLN_RECORD (plan), JLN_PLAN_FIELD_NOTES, JLN_LANG_FR,
           gtk_editable_get_text (GTK_EDITABLE (self->notes_fr_row)));
  add_set (group, JLN_RECORD (plan), JLN_PLAN_FIELD_NOTES, JLN_LANG_EN,
           gtk_editable_get_text (GTK_EDITABLE (self->notes_en_row)));
  if (!add_semester (self, group, plan, JLN_PLAN_FIELD_START, self->start_row, &error) ||
      !add_semester (self, group, plan, JLN_PLAN_FIELD_END, self->end_row, &error))
    {
      show_error (self, error->message);
      return;
    }
  add_items (group, plan, self->milestones, JLN_KIND_MILESTONE);
  add_items (group, plan, self->units, JLN_KIND_UNIT);

  if (!jln_document_apply (self->document, group, &error))
    {
      show_error (self, error->message);
      return;
    }
  gtk_window_close (GTK_WINDOW (self));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
set_row_text (AdwEntryRow *row,
              const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

static void
jln_plan_dialog_constructed (GObject *object)
{
  JlnPlanDialog *self = JLN_PLAN_DIALOG (object);
  JlnPlan *plan;
  GListModel *milestones, *units;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;

  G_OBJECT_CLASS (jln_plan_dialog_parent_class)->constructed (object);

  g_return_if_fail (JLN_IS_SESSION (self->session));
  g_return_if_fail (JLN_IS_DOCUMENT (jln_session_get_document (self->session)));
  self->document = g_object_ref (jln_session_get_document (self->session));
  plan = jln_document_get_plan (self->document);

  set_row_text (self->title_fr_row, jln_plan_get_title (plan)->fr);
  set_row_text (self->title_en_row, jln_plan_get_title (plan)->en);
  set_row_text (self->notes_fr_row, jln_plan_get_notes (plan)->fr);
  set_row_text (self->notes_en_row, jln_plan_get_notes (plan)->en);
  start = jln_semester_format (jln_plan_get_start (plan), JLN_SEMESTER_STYLE_ISO, JLN_LANG_EN);
  end = jln_semester_format (jln_plan_get_end (plan), JLN_SEMESTER_STYLE_ISO, JLN_LANG_EN);
  set_row_text (self->start_row, start);
  set_row_text (self->end_row, end);

  milestones = jln_plan_get_milestones (plan);
  for (guint i = 0; i < g_list_model_get_n_items (milestones); i++)
    {
      g_autoptr(JlnRecord) milestone = g_list_model_get_item (milestones, i);

      add_item (self, self->milestones_group, self->milestones, milestone);
    }
  units = jln_plan_get_units (plan);
  for (guint i = 0; i < g_list_model_get_n_items (units); i++)
    {
      g_autoptr(JlnRecord) unit = g_list_model_get_item (units, i);

      add_item (self, self->units_group, self->units, unit);
    }
}

static void
jln_plan_dialog_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  JlnPlanDialog *self = JLN_PLAN_DIALOG (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jln_plan_dialog_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  JlnPlanDialog *self = JLN_PLAN_DIALOG (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jln_plan_dialog_dispose (GObject *object)
{
  JlnPlanDialog *self = JLN_PLAN_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), JLN_TYPE_PLAN_DIALOG);
  G_OBJECT_CLASS (jln_plan_dialog_parent_class)->dispose (object);
}

static void
jln_plan_dialog_finalize (GObject *object)
{
  JlnPlanDialog *self = JLN_PLAN_DIALOG (object);

  g_clear_object (&self->document);
  g_clear_object (&self->session);
  g_ptr_array_unref (self->milestones);
  g_ptr_array_unref (self->units);
  G_OBJECT_CLASS (jln_plan_dialog_parent_class)->finalize (object);
}

static void
jln_plan_dialog_class_init (JlnPlanDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = jln_plan_dialog_constructed;
  object_class->dispose = jln_plan_dialog_dispose;
  object_class->finalize = jln_plan_dialog_finalize;
  object_class->get_property = jln_plan_dialog_get_property;
  object_class->set_property = jln_plan_dialog_set_property;

  /**
   * JlnPlanDialog:session:
   *
   * The session of the window it was opened from: its document's plan is
   * set up and changed.
   */
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, JLN_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/jalons/Jalons/jln-plan-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, JlnPlanDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, JlnPlanDialog, title_fr_row);
  gtk_widget_class_bind_template_child (widget_class, JlnPlanDialog, title_en_row);
  gtk_widget_class_bind_template_child (widget_class, JlnPlanDialog, start_row);
  gtk_widget_class_bind_template_child (widget_class, JlnPlanDialog, end_row);
  gtk_widget_class_bind_template_child (widget_class, JlnPlanDialog, notes_fr_row);
  gtk_widget_class_bind_template_child (widget_class, JlnPlanDialog, notes_en_row);
  gtk_widget_class_bind_template_child (widget_class, JlnPlanDialog, milestones_group);
  gtk_widget_class_bind_template_child (widget_class, JlnPlanDialog, units_group);
  gtk_widget_class_bind_template_callback (widget_class, add_unit_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_milestone_clicked_cb);

  gtk_widget_class_install_action (widget_class, "plan.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "plan.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "plan.cancel", NULL);
}

static void
jln_plan_dialog_init (JlnPlanDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->milestones = g_ptr_array_new_with_free_func (item_free);
  self->units = g_ptr_array_new_with_free_func (item_free);
}

/**
 * jln_plan_dialog_new:
 * @session: the session whose plan is set up
 *
 * Returns: (transfer floating): a dialog on the properties of the plan of
 *   the document of @session
 */
JlnPlanDialog *
jln_plan_dialog_new (GtkWindow  *parent,
                     JlnSession *session)
{
  g_return_val_if_fail (JLN_IS_SESSION (session), NULL);
  g_return_val_if_fail (JLN_IS_DOCUMENT (jln_session_get_document (session)), NULL);

  return g_object_new (JLN_TYPE_PLAN_DIALOG,
                       "transient-for", parent,
                       "session", session,
                       NULL);
}
