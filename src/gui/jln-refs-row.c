/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "jln-enums.h"
#include "jln-field-binding.h"
#include "jln-plan-edits.h"
#include "jln-principle.h"
#include "jln-refs-row.h"
#include "jln-unit.h"

/* The units responsible for a record, or the principles of the Charter
 * and Code an action serves: shown as chips, chosen with check buttons
 * in a popover that searches in both languages, and committed as one
 * edit when the popover closes. Enter in the units' search with a code
 * the plan does not have adds a unit of that code, chosen, in one step. */
struct _JlnRefsRow
{
  AdwPreferencesRow  parent_instance;

  JlnFieldBinding   *binding;
  gboolean           has_error;

  /* Template widgets */
  GtkLabel          *title_label;
  GtkWidget         *button;
  GtkWidget         *popover;
  GtkWidget         *search;
  GtkWidget         *choices;
  GtkWidget         *chips;
  GtkWidget         *none_label;
  GtkLabel          *error_label;
};

G_DEFINE_FINAL_TYPE (JlnRefsRow, jln_refs_row, ADW_TYPE_PREFERENCES_ROW)

enum {
  PROP_0,
  PROP_SESSION,   /* then "record" and "field", of the binding */
};

static JlnLang
get_lang (JlnRefsRow *self)
{
  JlnSession *session = jln_field_binding_get_session (self->binding);

  return session != NULL ? jln_session_get_content_language (session) : JLN_LANG_FR;
}

/* The units or principles of the record, or %NULL. */
static GPtrArray *
get_refs (JlnRefsRow *self)
{
  JlnRecord *record = jln_field_binding_get_record (self->binding);

  if (record == NULL)
    return NULL;
  return jln_record_get_refs (record, jln_field_binding_get_name (self->binding));
}

static gboolean
is_units (JlnRefsRow *self)
{
  return jln_field_binding_get_field (self->binding) == JLN_PLAN_FIELD_UNITS;
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

static JlnPlan *
get_plan (JlnRefsRow *self)
{
  JlnRecord *record = jln_field_binding_get_record (self->binding);
  JlnSession *session = jln_field_binding_get_session (self->binding);

  if (session != NULL && jln_session_get_plan (session) != NULL)
    return jln_session_get_plan (session);
  while (record != NULL && !JLN_IS_PLAN (record))
    record = jln_record_get_parent (record);
  return record != NULL ? JLN_PLAN (record) : NULL;
}

static void
update_description (JlnRefsRow *self)
{
  const char *error = self->has_error ? gtk_label_get_text (self->error_label) : NULL;
  g_autoptr(GString) names = g_string_new (NULL);
  g_autofree char *text = NULL;
  const char *chosen;

  /* The chosen ones, for those who do not see the chips. */
  if (jln_field_binding_get_record (self->binding) != NULL)
    {
      GPtrArray *refs = get_refs (self);

      for (guint i = 0; i < refs->len; i++)
        {
          g_autofree char *full = ref_full_text (g_ptr_array_index (refs, i), get_lang (self));

          if (names->len > 0)
            g_string_append (names, ", ");
          g_string_append (names, full);
        }
    }
  chosen = names->len > 0 ? names->str : _("None chosen");
  text = error != NULL ? g_strdup_printf ("%s. %s", error, chosen) : g_strdup (chosen);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                  -1);
}

static void
set_error (JlnRefsRow *self,
           const char *message)
{
  self->has_error = message != NULL;
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
  if (message != NULL)
    gtk_widget_add_css_class (self->button, "error");
  else
    gtk_widget_remove_css_class (self->button, "error");
  update_description (self);
}

#define CHIP_FULL_TEXT "jln-full-text"

/* A chip's tooltip is its whole text, asked for when the pointer rests
 * on it: setting a widget's tooltip text makes GTK look for the pointer
 * at once, a round trip to the display server for each chip of each
 * action the selection passes. */
static gboolean
chip_query_tooltip_cb (GtkWidget  *label,
                       int         x,
                       int         y,
                       gboolean    keyboard,
                       GtkTooltip *tooltip)
{
  const char *full = g_object_get_data (G_OBJECT (label), CHIP_FULL_TEXT);

  if (full == NULL || *full == '\0')
    return FALSE;
  gtk_tooltip_set_text (tooltip, full);
  return TRUE;
}

static void
chip_set_full_text (GtkWidget  *label,
                    const char *full)
{
  if (g_strcmp0 (g_object_get_data (G_OBJECT (label), CHIP_FULL_TEXT), full) == 0)
    return;
  g_object_set_data_full (G_OBJECT (label), CHIP_FULL_TEXT, g_strdup (full), g_free);
  /* As a tooltip text would be: the chip's description. */
  if (full != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, full, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

static void
refresh (JlnRefsRow *self)
{
  GPtrArray *refs = get_refs (self);
  guint n_refs = refs != NULL ? refs->len : 0;
  JlnLang lang = get_lang (self);
  GtkWidget *child;

  /* The chips already there take the new texts: from one action to the
   * next, only the chips in excess are made or dropped. */
  for (guint i = 0; i < n_refs; i++)
    {
      JlnRecord *ref = g_ptr_array_index (refs, i);
      g_autofree char *text = ref_chip_text (ref, lang);
      g_autofree char *full = ref_full_text (ref, lang);
      GtkFlowBoxChild *flow_child = gtk_flow_box_get_child_at_index (GTK_FLOW_BOX (self->chips), i);
      GtkWidget *label;

      if (flow_child != NULL)
        {
          label = gtk_flow_box_child_get_child (flow_child);
          if (g_strcmp0 (gtk_label_get_text (GTK_LABEL (label)), text ? text : "") != 0)
            gtk_label_set_text (GTK_LABEL (label), text ? text : "");
          chip_set_full_text (label, full);
          continue;
        }
      label = gtk_label_new (text);
      flow_child = GTK_FLOW_BOX_CHILD (gtk_flow_box_child_new ());
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 28);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_set_halign (label, GTK_ALIGN_START);
      gtk_widget_set_has_tooltip (label, TRUE);
      g_signal_connect (label, "query-tooltip", G_CALLBACK (chip_query_tooltip_cb), NULL);
      chip_set_full_text (label, full);
      gtk_widget_add_css_class (label, "jln-chip");
      gtk_flow_box_child_set_child (flow_child, label);
      gtk_widget_set_focusable (GTK_WIDGET (flow_child), FALSE);
      gtk_flow_box_append (GTK_FLOW_BOX (self->chips), GTK_WIDGET (flow_child));
    }
  while ((child = GTK_WIDGET (gtk_flow_box_get_child_at_index (GTK_FLOW_BOX (self->chips), n_refs))) != NULL)
    gtk_flow_box_remove (GTK_FLOW_BOX (self->chips), child);

  gtk_widget_set_visible (self->chips, n_refs > 0);
  gtk_widget_set_visible (self->none_label, n_refs == 0);
  update_description (self);
}

/* Applies @edit (transfer full). */
static void
apply (JlnRefsRow *self,
       JlnEdit    *edit)
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

static JlnRecord *
choice_get_record (GtkListBoxRow *row)
{
  return g_object_get_data (G_OBJECT (row), "jln-record");
}

static gboolean
choice_filter_func (GtkListBoxRow *row,
                    gpointer       user_data)
{
  JlnRefsRow *self = user_data;
  g_autofree char *query = jln_fold (gtk_editable_get_text (GTK_EDITABLE (self->search)));

  g_strstrip (query);
  return query[0] == '\0' ||
         strstr (g_object_get_data (G_OBJECT (row), "jln-folded"), query) != NULL;
}

static void
choice_header_func (GtkListBoxRow *row,
                    GtkListBoxRow *before,
                    gpointer       user_data)
{
  JlnRecord *record = choice_get_record (row);
  JlnPrincipleArea area;
  GtkWidget *header;

  if (!JLN_IS_PRINCIPLE (record))
    return;
  area = jln_principle_get_area (JLN_PRINCIPLE (record));
  if (before != NULL &&
      jln_principle_get_area (JLN_PRINCIPLE (choice_get_record (before))) == area)
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
search_changed_cb (JlnRefsRow *self)
{
  gtk_list_box_invalidate_filter (GTK_LIST_BOX (self->choices));
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
popover_show_cb (JlnRefsRow *self)
{
  JlnLang lang = get_lang (self);
  JlnPlan *plan = get_plan (self);
  g_autoptr(GPtrArray) candidates = NULL;
  GListModel *model;
  GPtrArray *refs;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->choices)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->choices), child);
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->search)), "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->search), "");

  if (plan == NULL || jln_field_binding_get_record (self->binding) == NULL)
    return;
  refs = get_refs (self);
  model = is_units (self) ? jln_plan_get_units (plan) : jln_plan_get_principles (plan);
  candidates = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_ptr_array_add (candidates, g_list_model_get_item (model, i));
  /* Principles come under the heading of their area. */
  if (!is_units (self))
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
      gtk_list_box_append (GTK_LIST_BOX (self->choices), row);
    }
}

static void
popover_closed_cb (JlnRefsRow *self)
{
  g_autoptr(GPtrArray) chosen = NULL;
  g_autoptr(GPtrArray) ordered = NULL;
  GPtrArray *refs;

  if (jln_field_binding_get_record (self->binding) == NULL)
    return;

  /* What was chosen before keeps its order; new choices follow, in the
   * order of the plan. */
  refs = get_refs (self);
  chosen = g_ptr_array_new ();
  for (GtkWidget *row = gtk_widget_get_first_child (self->choices);
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *check;

      if (!GTK_IS_LIST_BOX_ROW (row))
        continue;
      check = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));
      if (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)))
        g_ptr_array_add (chosen, choice_get_record (GTK_LIST_BOX_ROW (row)));
    }
  if (chosen->len == 0 && gtk_widget_get_first_child (self->choices) == NULL)
    return;

  ordered = g_ptr_array_new ();
  for (guint i = 0; i < refs->len; i++)
    if (g_ptr_array_find (chosen, g_ptr_array_index (refs, i), NULL))
      g_ptr_array_add (ordered, g_ptr_array_index (refs, i));
  for (guint i = 0; i < chosen->len; i++)
    if (!g_ptr_array_find (refs, g_ptr_array_index (chosen, i), NULL))
      g_ptr_array_add (ordered, g_ptr_array_index (chosen, i));

  apply (self, jln_plan_edit_set_refs (jln_field_binding_get_record (self->binding),
                                       jln_field_binding_get_field (self->binding), ordered));
}

/* Enter in the units' search with a code the plan does not have: a new
 * unit of that code, chosen for the record, in one step. */
static void
search_activate_cb (JlnRefsRow *self)
{
  JlnDocument *document = jln_field_binding_get_document (self->binding);
  JlnPlan *plan = get_plan (self);
  g_autofree char *code = NULL;
  g_autofree char *folded = NULL;
  g_autoptr(JlnEdit) group = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *units;

  if (!is_units (self) || document == NULL || plan == NULL ||
      jln_field_binding_get_record (self->binding) == NULL)
    return;
  code = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search))));
  if (code[0] == '\0')
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

  group = jln_plan_edit_add_unit_chosen (plan, jln_field_binding_get_record (self->binding), code,
                                         NULL);
  if (!jln_document_apply (document, group, &error))
    {
      set_error (self, error->message);
      return;
    }
  /* The list again, with the new unit chosen, so that closing keeps it. */
  popover_show_cb (self);
}

static void
update_names (JlnRefsRow *self)
{
  const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self));
  /* Translators: %s is a field, like “Responsible Units”. */
  g_autofree char *button_label = g_strdup_printf (_("Choose %s"), title);
  const char *name = jln_field_binding_get_name (self->binding);
  g_autofree char *error_name = g_strconcat (name, "-error", NULL);

  gtk_label_set_text (self->title_label, title);
  gtk_widget_set_name (self->button, name);
  gtk_widget_set_name (GTK_WIDGET (self->error_label), error_name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, button_label,
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->choices),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);
  /* gtk_search_entry_set_placeholder_text() arrives with GTK 4.10. */
  g_object_set (self->search,
                "placeholder-text", is_units (self) ? _("Search, or type a new code and Enter")
                                                    : _("Search principles"),
                NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  is_units (self) ? _("Search units") : _("Search principles"),
                                  -1);
  gtk_list_box_set_header_func (GTK_LIST_BOX (self->choices),
                                is_units (self) ? NULL : choice_header_func, NULL, NULL);
}

static void
binding_changed_cb (gpointer       owner,
                    JlnFieldChange change)
{
  JlnRefsRow *self = owner;

  if (change == JLN_FIELD_CHANGE_FIELD)
    update_names (self);
  else if (change == JLN_FIELD_CHANGE_RECORD && self->has_error)
    set_error (self, NULL);
  refresh (self);
}

static void
jln_refs_row_dispose (GObject *object)
{
  JlnRefsRow *self = JLN_REFS_ROW (object);

  jln_field_binding_unbind (self->binding);
  gtk_widget_dispose_template (GTK_WIDGET (self), JLN_TYPE_REFS_ROW);

  G_OBJECT_CLASS (jln_refs_row_parent_class)->dispose (object);
}

static void
jln_refs_row_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  if (!jln_field_binding_get_property (JLN_REFS_ROW (object)->binding, pspec, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
jln_refs_row_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  if (!jln_field_binding_set_property (JLN_REFS_ROW (object)->binding, pspec, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
jln_refs_row_class_init (JlnRefsRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jln_refs_row_dispose;
  object_class->get_property = jln_refs_row_get_property;
  object_class->set_property = jln_refs_row_set_property;

  /* "session" also gives the language of the names; "field" is
   * %JLN_PLAN_FIELD_UNITS or %JLN_PLAN_FIELD_PRINCIPLES. */
  jln_field_binding_install_properties (object_class, PROP_SESSION, JLN_PLAN_FIELD_UNITS);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/jalons/Jalons/jln-refs-row.ui");
  gtk_widget_class_bind_template_child (widget_class, JlnRefsRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, JlnRefsRow, button);
  gtk_widget_class_bind_template_child (widget_class, JlnRefsRow, popover);
  gtk_widget_class_bind_template_child (widget_class, JlnRefsRow, search);
  gtk_widget_class_bind_template_child (widget_class, JlnRefsRow, choices);
  gtk_widget_class_bind_template_child (widget_class, JlnRefsRow, chips);
  gtk_widget_class_bind_template_child (widget_class, JlnRefsRow, none_label);
  gtk_widget_class_bind_template_child (widget_class, JlnRefsRow, error_label);
  gtk_widget_class_bind_template_callback (widget_class, popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, popover_closed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
}

static void
jln_refs_row_init (JlnRefsRow *self)
{
  self->binding = jln_field_binding_new (self, JLN_PLAN_FIELD_UNITS, binding_changed_cb);
  jln_field_binding_connect_session (self->binding, "notify::content-language",
                                     G_CALLBACK (refresh));
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_list_box_set_filter_func (GTK_LIST_BOX (self->choices), choice_filter_func, self, NULL);
  g_signal_connect (self, "notify::title", G_CALLBACK (update_names), NULL);
  update_names (self);
  refresh (self);
}

/**
 * jln_refs_row_get_session:
 *
 * Returns: (transfer none) (nullable): the session edits go to
 */
JlnSession *
jln_refs_row_get_session (JlnRefsRow *self)
{
  g_return_val_if_fail (JLN_IS_REFS_ROW (self), NULL);
  return jln_field_binding_get_session (self->binding);
}

void
jln_refs_row_set_session (JlnRefsRow *self,
                          JlnSession *session)
{
  g_return_if_fail (JLN_IS_REFS_ROW (self));
  jln_field_binding_set_session (self->binding, session);
}

/**
 * jln_refs_row_get_record:
 *
 * Returns: (transfer none) (nullable): the record shown
 */
JlnRecord *
jln_refs_row_get_record (JlnRefsRow *self)
{
  g_return_val_if_fail (JLN_IS_REFS_ROW (self), NULL);
  return jln_field_binding_get_record (self->binding);
}

/**
 * jln_refs_row_set_record:
 * @record: (nullable): the record whose units or principles to show
 *
 * Shows the choices of @record and forgets the message of a refused one.
 */
void
jln_refs_row_set_record (JlnRefsRow *self,
                         JlnRecord  *record)
{
  g_return_if_fail (JLN_IS_REFS_ROW (self));
  jln_field_binding_set_record (self->binding, record);
}

JlnPlanField
jln_refs_row_get_field (JlnRefsRow *self)
{
  g_return_val_if_fail (JLN_IS_REFS_ROW (self), JLN_PLAN_FIELD_UNITS);
  return jln_field_binding_get_field (self->binding);
}

void
jln_refs_row_set_field (JlnRefsRow   *self,
                        JlnPlanField  field)
{
  g_return_if_fail (JLN_IS_REFS_ROW (self));
  jln_field_binding_set_field (self->binding, field);
}
