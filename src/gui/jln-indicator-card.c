/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <adwaita.h>
#include <glib/gi18n.h>

#include "jln-action.h"
#include "jln-chart-view.h"
#include "jln-i18n.h"
#include "jln-indicator-card.h"
#include "jln-measurement.h"
#include "jln-target.h"

struct _JlnIndicatorCard
{
  GtkWidget     parent_instance;

  JlnSession   *session;
  JlnSessionBinding *session_binding;
  JlnIndicator *indicator;
  GListModel   *targets;
  GListModel   *measurements;

  /* Template widgets; the first is the card's only child, unparented on
   * dispose. */
  GtkWidget    *content;
  GtkLabel     *title_label;
  GtkLabel     *details_label;
  JlnChartView *chart_view;
  GtkWidget    *edit_button;
  GtkWidget    *delete_button;
  GtkWidget    *add_target_button;
  GtkWidget    *add_measurement_button;
  GtkListBox   *targets_list;
  GtkListBox   *measurements_list;
};

G_DEFINE_FINAL_TYPE (JlnIndicatorCard, jln_indicator_card, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_INDICATOR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static JlnLang
get_lang (JlnIndicatorCard *self)
{
  return self->session != NULL ? jln_session_get_content_language (self->session)
                               : jln_lang_from_locale ();
}

/* A text in the content language, or in the other one marked as such. */
static char *
dup_text (JlnIndicatorCard *self,
          const JlnText    *text)
{
  JlnLang lang = get_lang (self);
  gboolean is_fallback = FALSE;
  const char *value = jln_text_get_fallback (text, lang, &is_fallback);

  if (value == NULL)
    return NULL;
  if (is_fallback)
    return g_strdup_printf ("[%s] %s",
                            lang == JLN_LANG_FR
                            /* Translators: a small tag before a text shown in English because
                               the plan has no French text; keep it to two or three letters. */
                            ? C_("language tag", "EN")
                            /* Translators: a small tag before a text shown in French because
                               the plan has no English text; keep it to two or three letters. */
                            : C_("language tag", "FR"),
                            value);
  return g_strdup (value);
}

static const char *
kind_label (JlnIndicatorKind kind)
{
  switch (kind)
    {
    case JLN_INDICATOR_KIND_PERCENTAGE:
      return C_("indicator kind", "Percentage");
    case JLN_INDICATOR_KIND_COUNT:
      return C_("indicator kind", "Count");
    case JLN_INDICATOR_KIND_TEXT:
    default:
      return C_("indicator kind", "Text");
    }
}

static char *
dup_value (JlnIndicatorCard *self,
           double            value)
{
  if (isnan (value))
    return NULL;
  if (jln_indicator_get_kind (self->indicator) == JLN_INDICATOR_KIND_PERCENTAGE)
    return jln_format_percent (value, get_lang (self));
  return jln_format_number (value, get_lang (self));
}

static char *
dup_target_text (JlnIndicatorCard *self,
                 JlnTarget        *target)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *series = dup_text (self, jln_target_get_series (target));
  g_autofree char *value = dup_value (self, jln_target_get_value (target));
  g_autofree char *text = dup_text (self, jln_target_get_text (target));

  g_string_append_printf (out, "%d", jln_target_get_year (target));
  if (series != NULL)
    g_string_append_printf (out, " · %s", series);
  if (value != NULL)
    g_string_append_printf (out, " · %s", value);
  if (text != NULL)
    g_string_append_printf (out, " · %s", text);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
dup_measurement_text (JlnIndicatorCard *self,
                      JlnMeasurement   *measurement)
{
  g_autofree char *date = jln_format_date (jln_measurement_get_date (measurement), get_lang (self));
  g_autoptr(GString) out = g_string_new (date);
  g_autofree char *value = dup_value (self, jln_measurement_get_value (measurement));
  g_autofree char *series = dup_text (self, jln_measurement_get_series (measurement));
  g_autofree char *note = dup_text (self, jln_measurement_get_note (measurement));
  g_autofree char *source = dup_text (self, jln_measurement_get_source (measurement));

  if (value != NULL)
    g_string_append_printf (out, " · %s", value);
  if (series != NULL)
    g_string_append_printf (out, " · %s", series);
  if (note != NULL)
    g_string_append_printf (out, " · %s", note);
  if (source != NULL)
    /* Translators: where a measured figure comes from, like “Source: HR survey”. */
    g_string_append_printf (out, _(" · Source: %s"), source);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
dup_record_text (JlnIndicatorCard *self,
                 JlnRecord        *record)
{
  if (JLN_IS_TARGET (record))
    return dup_target_text (self, JLN_TARGET (record));
  return dup_measurement_text (self, JLN_MEASUREMENT (record));
}

/* Rows of targets and measurements */

static void
update_row (GtkWidget *row)
{
  JlnIndicatorCard *self = JLN_INDICATOR_CARD (gtk_widget_get_ancestor (row,
                                                                         JLN_TYPE_INDICATOR_CARD));
  JlnRecord *record = g_object_get_data (G_OBJECT (row), "record");
  GtkLabel *label = g_object_get_data (G_OBJECT (row), "label");
  g_autofree char *text = NULL;

  if (self == NULL || self->indicator == NULL)
    return;
  text = dup_record_text (self, record);
  gtk_label_set_text (label, text);
}

static void
record_changed_cb (GtkWidget *row)
{
  JlnIndicatorCard *self = JLN_INDICATOR_CARD (gtk_widget_get_ancestor (row,
                                                                         JLN_TYPE_INDICATOR_CARD));

  update_row (row);
  if (self != NULL)
    jln_chart_view_refresh (self->chart_view);
}

static GtkWidget *
new_icon_button (const char *icon_name,
                 const char *label,
                 const char *action,
                 JlnRecord  *record)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  label, -1);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button),
                                          g_variant_new_string (jln_record_get_id (record)));
  return button;
}

static GtkWidget *
create_row_cb (gpointer item,
               gpointer data)
{
  JlnIndicatorCard *self = data;
  JlnRecord *record = item;
  gboolean is_target = JLN_IS_TARGET (record);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (NULL);
  g_autofree char *text = dup_record_text (self, record);

  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box),
                  new_icon_button ("document-edit-symbolic",
                                   is_target ? _("Edit Target") : _("Edit Measurement"),
                                   "indicators.edit", record));
  gtk_box_append (GTK_BOX (box),
                  new_icon_button ("user-trash-symbolic",
                                   is_target ? _("Delete Target") : _("Delete Measurement"),
                                   "indicators.delete", record));
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);

  g_object_set_data_full (G_OBJECT (row), "record", g_object_ref (record), g_object_unref);
  g_object_set_data (G_OBJECT (row), "label", label);
  g_signal_connect_object (record, "notify", G_CALLBACK (record_changed_cb), row,
                           G_CONNECT_SWAPPED);
  return row;
}

static GtkWidget *
new_placeholder (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  return label;
}

static void
update_rows (GtkListBox *list)
{
  GtkWidget *row;

  for (row = gtk_widget_get_first_child (GTK_WIDGET (list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row) && g_object_get_data (G_OBJECT (row), "record") != NULL)
      update_row (row);
}

/* The indicator's own texts */

static void
update_header (JlnIndicatorCard *self)
{
  const char *labels[] = { N_("Measure"), N_("Actors"), N_("Follow-up"), N_("Remark") };
  const JlnText *texts[4];
  g_autoptr(GString) details = g_string_new (NULL);
  g_autofree char *title = NULL;
  g_autofree char *isolated = NULL;
  g_autofree char *heading = NULL;
  GPtrArray *actions;

  if (self->indicator == NULL)
    return;

  title = dup_text (self, jln_indicator_get_title (self->indicator));
  /* Plan text, isolated: a title cannot move the number before it. */
  isolated = jln_text_isolate (title);
  heading = g_strdup_printf ("%d. %s", jln_indicator_get_number (self->indicator), isolated);
  gtk_label_set_text (self->title_label, heading);

  texts[0] = jln_indicator_get_measure (self->indicator);
  texts[1] = jln_indicator_get_actors (self->indicator);
  texts[2] = jln_indicator_get_follow_up (self->indicator);
  texts[3] = jln_indicator_get_remark (self->indicator);

  /* Translators: the kind of an indicator, like “Kind: Percentage”. */
  g_string_append_printf (details, _("Kind: %s"),
                          kind_label (jln_indicator_get_kind (self->indicator)));
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      g_autofree char *text = dup_text (self, texts[i]);

      if (text != NULL)
        {
          g_string_append_c (details, '\n');
          /* Translators: a field of an indicator and its value, like “Actors: PEP”. */
          g_string_append_printf (details, _("%1$s: %2$s"), _(labels[i]), text);
        }
    }
  actions = jln_indicator_get_actions (self->indicator);
  if (actions != NULL && actions->len > 0)
    {
      g_string_append_printf (details, "\n%s", _("Linked actions:"));
      for (guint i = 0; i < actions->len; i++)
        {
          JlnAction *action = g_ptr_array_index (actions, i);
          g_autofree char *action_title = dup_text (self, jln_action_get_title (action));

          g_string_append_printf (details, "%s %s %s", i > 0 ? ";" : "",
                                  jln_action_get_number (action),
                                  action_title != NULL ? action_title : "");
        }
    }
  gtk_label_set_text (self->details_label, details->str);
}

static void
indicator_changed_cb (JlnIndicatorCard *self)
{
  update_header (self);
  /* The kind changes how every figure reads. */
  update_rows (self->targets_list);
  update_rows (self->measurements_list);
  jln_chart_view_refresh (self->chart_view);
}

static void
children_changed_cb (JlnIndicatorCard *self)
{
  jln_chart_view_refresh (self->chart_view);
}

static void
language_changed_cb (JlnIndicatorCard *self)
{
  update_header (self);
  update_rows (self->targets_list);
  update_rows (self->measurements_list);
}

/* A target or a measurement of the chart opens for editing, unless the
 * plan may not be changed. */
static void
chart_item_activated_cb (JlnChartView     *view,
                         guint             index,
                         JlnIndicatorCard *self)
{
  JlnRecord *record = jln_chart_get_item_record (jln_chart_view_get_chart (view), index);

  if (record == NULL || self->session == NULL || !jln_session_get_editable (self->session))
    return;
  gtk_widget_activate_action (GTK_WIDGET (self), "indicators.edit", "s",
                              jln_record_get_id (record));
}

static void
set_action_targets (JlnIndicatorCard *self)
{
  GtkWidget *buttons[] = {
    self->edit_button, self->delete_button,
    self->add_target_button, self->add_measurement_button,
  };
  const char *id = self->indicator != NULL ? jln_record_get_id (JLN_RECORD (self->indicator)) : "";

  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    gtk_actionable_set_action_target_value (GTK_ACTIONABLE (buttons[i]),
                                            g_variant_new_string (id));
}

static void
disconnect_indicator (JlnIndicatorCard *self)
{
  if (self->indicator != NULL)
    g_signal_handlers_disconnect_by_data (self->indicator, self);
  if (self->targets != NULL)
    g_signal_handlers_disconnect_by_data (self->targets, self);
  if (self->measurements != NULL)
    g_signal_handlers_disconnect_by_data (self->measurements, self);
  g_clear_object (&self->targets);
  g_clear_object (&self->measurements);
}

static void
show_indicator (JlnIndicatorCard *self)
{
  g_autoptr(JlnChart) chart = NULL;
  JlnPlan *plan = self->session != NULL ? jln_session_get_plan (self->session) : NULL;

  set_action_targets (self);
  if (self->indicator == NULL || plan == NULL)
    {
      gtk_list_box_bind_model (self->targets_list, NULL, NULL, NULL, NULL);
      gtk_list_box_bind_model (self->measurements_list, NULL, NULL, NULL, NULL);
      jln_chart_view_set_chart (self->chart_view, NULL);
      return;
    }

  gtk_widget_set_name (GTK_WIDGET (self), jln_record_get_id (JLN_RECORD (self->indicator)));
  chart = jln_chart_new_indicator (plan, self->indicator);
  jln_chart_view_set_chart (self->chart_view, chart);
  update_header (self);
  gtk_list_box_bind_model (self->targets_list, self->targets, create_row_cb, self, NULL);
  gtk_list_box_bind_model (self->measurements_list, self->measurements, create_row_cb, self, NULL);
}

static void
jln_indicator_card_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  JlnIndicatorCard *self = JLN_INDICATOR_CARD (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_INDICATOR:
      g_value_set_object (value, self->indicator);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jln_indicator_card_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  JlnIndicatorCard *self = JLN_INDICATOR_CARD (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      jln_indicator_card_set_session (self, g_value_get_object (value));
      break;
    case PROP_INDICATOR:
      jln_indicator_card_set_indicator (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jln_indicator_card_dispose (GObject *object)
{
  JlnIndicatorCard *self = JLN_INDICATOR_CARD (object);

  if (self->targets_list != NULL)
    {
      gtk_list_box_bind_model (self->targets_list, NULL, NULL, NULL, NULL);
      gtk_list_box_bind_model (self->measurements_list, NULL, NULL, NULL, NULL);
    }
  disconnect_indicator (self);
  g_clear_object (&self->indicator);
  jln_session_binding_set_session (self->session_binding, NULL);
  g_clear_object (&self->session);

  gtk_widget_dispose_template (GTK_WIDGET (self), JLN_TYPE_INDICATOR_CARD);

  G_OBJECT_CLASS (jln_indicator_card_parent_class)->dispose (object);
}

static void
jln_indicator_card_class_init (JlnIndicatorCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jln_indicator_card_dispose;
  object_class->get_property = jln_indicator_card_get_property;
  object_class->set_property = jln_indicator_card_set_property;

  /**
   * JlnIndicatorCard:session:
   *
   * The window's session: its plan, and the content language.
   */
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, JLN_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /**
   * JlnIndicatorCard:indicator:
   *
   * The indicator shown.
   */
  properties[PROP_INDICATOR] =
    g_param_spec_object ("indicator", NULL, NULL, JLN_TYPE_INDICATOR,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (JLN_TYPE_CHART_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/jalons/Jalons/jln-indicator-card.ui");
  gtk_widget_class_bind_template_child (widget_class, JlnIndicatorCard, content);
  gtk_widget_class_bind_template_child (widget_class, JlnIndicatorCard, title_label);
  gtk_widget_class_bind_template_child (widget_class, JlnIndicatorCard, details_label);
  gtk_widget_class_bind_template_child (widget_class, JlnIndicatorCard, chart_view);
  gtk_widget_class_bind_template_child (widget_class, JlnIndicatorCard, edit_button);
  gtk_widget_class_bind_template_child (widget_class, JlnIndicatorCard, delete_button);
  gtk_widget_class_bind_template_child (widget_class, JlnIndicatorCard, add_target_button);
  gtk_widget_class_bind_template_child (widget_class, JlnIndicatorCard, add_measurement_button);
  gtk_widget_class_bind_template_child (widget_class, JlnIndicatorCard, targets_list);
  gtk_widget_class_bind_template_child (widget_class, JlnIndicatorCard, measurements_list);
  gtk_widget_class_bind_template_callback (widget_class, chart_item_activated_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
jln_indicator_card_init (JlnIndicatorCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_list_box_set_placeholder (self->targets_list,
                                new_placeholder (_("No target yet: add one per year, for each population the plan follows.")));
  gtk_list_box_set_placeholder (self->measurements_list,
                                new_placeholder (_("No measurement yet. Choose “Add Measurement” to enter "
                                                   "this year’s figure, with its date and source; the chart "
                                                   "then shows it against the target.")));

  self->session_binding = jln_session_binding_new (self);
  jln_session_binding_connect (self->session_binding, "notify::content-language",
                               G_CALLBACK (language_changed_cb));
}

GtkWidget *
jln_indicator_card_new (JlnSession   *session,
                        JlnIndicator *indicator)
{
  return g_object_new (JLN_TYPE_INDICATOR_CARD, "session", session, "indicator", indicator, NULL);
}

/**
 * jln_indicator_card_get_session:
 *
 * Returns: (transfer none) (nullable): the session followed
 */
JlnSession *
jln_indicator_card_get_session (JlnIndicatorCard *self)
{
  g_return_val_if_fail (JLN_IS_INDICATOR_CARD (self), NULL);
  return self->session;
}

void
jln_indicator_card_set_session (JlnIndicatorCard *self,
                                JlnSession       *session)
{
  g_return_if_fail (JLN_IS_INDICATOR_CARD (self));
  g_return_if_fail (session == NULL || JLN_IS_SESSION (session));

  if (self->session == session)
    return;
  g_set_object (&self->session, session);
  jln_session_binding_set_session (self->session_binding, session);
  show_indicator (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

/**
 * jln_indicator_card_get_indicator:
 *
 * Returns: (transfer none) (nullable): the indicator shown
 */
JlnIndicator *
jln_indicator_card_get_indicator (JlnIndicatorCard *self)
{
  g_return_val_if_fail (JLN_IS_INDICATOR_CARD (self), NULL);
  return self->indicator;
}

void
jln_indicator_card_set_indicator (JlnIndicatorCard *self,
                                  JlnIndicator     *indicator)
{
  g_return_if_fail (JLN_IS_INDICATOR_CARD (self));
  g_return_if_fail (indicator == NULL || JLN_IS_INDICATOR (indicator));

  if (self->indicator == indicator)
    return;
  disconnect_indicator (self);
  g_set_object (&self->indicator, indicator);
  if (indicator != NULL)
    {
      self->targets = g_object_ref (jln_indicator_get_targets (indicator));
      self->measurements = g_object_ref (jln_indicator_get_measurements (indicator));
      g_signal_connect_object (indicator, "notify", G_CALLBACK (indicator_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->targets, "items-changed", G_CALLBACK (children_changed_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->measurements, "items-changed",
                               G_CALLBACK (children_changed_cb), self, G_CONNECT_SWAPPED);
    }
  show_indicator (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INDICATOR]);
}
