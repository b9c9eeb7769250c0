/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "jln-chart-view.h"
#include "jln-indicator-card.h"
#include "jln-indicator-dialog.h"
#include "jln-indicator-report.h"
#include "jln-indicators-page.h"
#include "jln-plan-edits.h"
#include "jln-session.h"

struct _JlnIndicatorsPage
{
  GtkWidget    parent_instance;

  JlnDocument *document;
  JlnSession  *session;
  JlnSessionBinding *session_binding;
  GListModel  *indicators;

  /* Template widgets */
  GtkWidget   *scrolled_window;
  GtkBox      *plan_box;
  JlnChartView *status_view;
  JlnChartView *completions_view;
  JlnChartView *units_view;
  GtkListBox  *cards_list;
  GtkWidget   *empty_page;
};

G_DEFINE_FINAL_TYPE (JlnIndicatorsPage, jln_indicators_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static JlnPlan *
get_plan (JlnIndicatorsPage *self)
{
  return self->document != NULL ? jln_document_get_plan (self->document) : NULL;
}

/* Actions */

static JlnRecord *
lookup_record (JlnIndicatorsPage *self,
               GVariant          *parameter)
{
  JlnPlan *plan = get_plan (self);

  if (plan == NULL)
    return NULL;
  return jln_plan_lookup (plan, g_variant_get_string (parameter, NULL));
}

static void
open_dialog (JlnIndicatorsPage *self,
             JlnIndicator      *indicator,
             JlnKind            kind,
             JlnRecord         *record)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  JlnIndicatorDialog *dialog;

  dialog = jln_indicator_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                     self->session, indicator, kind, record);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_target_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  JlnIndicatorsPage *self = JLN_INDICATORS_PAGE (widget);
  JlnRecord *indicator = lookup_record (self, parameter);

  if (JLN_IS_INDICATOR (indicator))
    open_dialog (self, JLN_INDICATOR (indicator), JLN_KIND_TARGET, NULL);
}

static void
add_measurement_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  JlnIndicatorsPage *self = JLN_INDICATORS_PAGE (widget);
  JlnRecord *indicator = lookup_record (self, parameter);

  if (JLN_IS_INDICATOR (indicator))
    open_dialog (self, JLN_INDICATOR (indicator), JLN_KIND_MEASUREMENT, NULL);
}

static void
edit_cb (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  JlnIndicatorsPage *self = JLN_INDICATORS_PAGE (widget);
  JlnRecord *record = lookup_record (self, parameter);

  if (JLN_IS_INDICATOR (record))
    {
      open_dialog (self, NULL, JLN_KIND_INDICATOR, record);
      return;
    }
  if (record == NULL || !JLN_IS_INDICATOR (jln_record_get_parent (record)))
    return;
  open_dialog (self, JLN_INDICATOR (jln_record_get_parent (record)),
               jln_record_get_kind (record), record);
}

static void
add_indicator_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  JlnIndicatorsPage *self = JLN_INDICATORS_PAGE (widget);

  if (self->document != NULL)
    open_dialog (self, NULL, JLN_KIND_INDICATOR, NULL);
}

static void
delete_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  JlnIndicatorsPage *self = JLN_INDICATORS_PAGE (widget);
  JlnRecord *record = lookup_record (self, parameter);
  g_autoptr(JlnEdit) edit = NULL;
  g_autoptr(GError) error = NULL;

  if (record == NULL)
    return;
  edit = jln_plan_edit_delete (record);
  if (!jln_document_apply (self->document, edit, &error))
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                  _("Cannot Delete"), error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
}

/* A bar of a plan-wide chart lists its actions. */
static void
plan_item_activated_cb (JlnChartView      *view,
                        guint              index,
                        JlnIndicatorsPage *self)
{
  const char *query = jln_chart_get_item_query (jln_chart_view_get_chart (view), index);
  GtkWidget *stack;

  if (query == NULL || self->session == NULL)
    return;
  jln_query_filter_set_text (jln_session_get_filter (self->session), query);
  stack = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_VIEW_STACK);
  if (stack != NULL)
    adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), "actions");
}

static GtkWidget *
create_card_cb (gpointer item,
                gpointer data)
{
  JlnIndicatorsPage *self = data;
  GtkWidget *row = gtk_list_box_row_new ();

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), jln_indicator_card_new (self->session, item));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

static void
update_empty_page (JlnIndicatorsPage *self)
{
  gtk_widget_set_visible (self->empty_page,
                          self->indicators != NULL &&
                          g_list_model_get_n_items (self->indicators) == 0);
}

/* One card per indicator, each following its own: adding, changing or
 * removing one touches only its card. */
static void
bind_indicators (JlnIndicatorsPage *self)
{
  JlnPlan *plan = get_plan (self);

  if (self->indicators != NULL)
    g_signal_handlers_disconnect_by_data (self->indicators, self);
  g_clear_object (&self->indicators);
  if (plan != NULL)
    {
      self->indicators = g_object_ref (jln_plan_get_indicators (plan));
      g_signal_connect_object (self->indicators, "items-changed",
                               G_CALLBACK (update_empty_page), self, G_CONNECT_SWAPPED);
    }
  gtk_list_box_bind_model (self->cards_list, self->indicators, create_card_cb, self, NULL);
  update_empty_page (self);
  /* The plan-wide charts follow the session's plan themselves. */
  gtk_widget_set_visible (GTK_WIDGET (self->plan_box), plan != NULL);
}

static void
refresh_plan_charts (JlnIndicatorsPage *self)
{
  jln_chart_view_refresh (self->status_view);
  jln_chart_view_refresh (self->completions_view);
  jln_chart_view_refresh (self->units_view);
}

/* Actions may have changed on another page: count them again when shown. */
static void
jln_indicators_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (jln_indicators_page_parent_class)->map (widget);
  refresh_plan_charts (JLN_INDICATORS_PAGE (widget));
}

/* The session */

static gboolean set_document (JlnIndicatorsPage *self,
                          JlnDocument       *document);

/* A new document, or its plan read again. */
static void
session_plan_changed_cb (JlnIndicatorsPage *self)
{
  JlnDocument *document = jln_session_get_document (self->session);

  if (document == self->document)
    bind_indicators (self);
  else
    set_document (self, document);
}

static void
jln_indicators_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  JlnIndicatorsPage *self = JLN_INDICATORS_PAGE (object);

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
jln_indicators_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  JlnIndicatorsPage *self = JLN_INDICATORS_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      jln_indicators_page_set_session (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jln_indicators_page_dispose (GObject *object)
{
  JlnIndicatorsPage *self = JLN_INDICATORS_PAGE (object);

  if (self->indicators != NULL)
    g_signal_handlers_disconnect_by_data (self->indicators, self);
  g_clear_object (&self->indicators);
  jln_session_binding_set_session (self->session_binding, NULL);
  g_clear_object (&self->session);
  g_clear_object (&self->document);

  gtk_widget_dispose_template (GTK_WIDGET (self), JLN_TYPE_INDICATORS_PAGE);

  G_OBJECT_CLASS (jln_indicators_page_parent_class)->dispose (object);
}

static void
jln_indicators_page_class_init (JlnIndicatorsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jln_indicators_page_dispose;
  object_class->get_property = jln_indicators_page_get_property;
  object_class->set_property = jln_indicators_page_set_property;
  widget_class->map = jln_indicators_page_map;

  /**
   * JlnIndicatorsPage:session:
   *
   * The window's session: the page shows its plan in its content
   * language, and a bar of a plan-wide chart sets its filter.
   */
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, JLN_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/jalons/Jalons/jln-indicators-page.ui");
  gtk_widget_class_bind_template_child (widget_class, JlnIndicatorsPage, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, JlnIndicatorsPage, plan_box);
  gtk_widget_class_bind_template_child (widget_class, JlnIndicatorsPage, status_view);
  gtk_widget_class_bind_template_child (widget_class, JlnIndicatorsPage, completions_view);
  gtk_widget_class_bind_template_child (widget_class, JlnIndicatorsPage, units_view);
  gtk_widget_class_bind_template_callback (widget_class, plan_item_activated_cb);
  gtk_widget_class_bind_template_child (widget_class, JlnIndicatorsPage, cards_list);
  gtk_widget_class_bind_template_child (widget_class, JlnIndicatorsPage, empty_page);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_install_action (widget_class, "indicators.add-indicator", NULL,
                                   add_indicator_cb);
  gtk_widget_class_install_action (widget_class, "indicators.add-target", "s", add_target_cb);
  gtk_widget_class_install_action (widget_class, "indicators.add-measurement", "s",
                                   add_measurement_cb);
  gtk_widget_class_install_action (widget_class, "indicators.edit", "s", edit_cb);
  gtk_widget_class_install_action (widget_class, "indicators.delete", "s", delete_cb);

  g_type_ensure (JLN_TYPE_CHART_VIEW);
}

static void
jln_indicators_page_init (JlnIndicatorsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->session_binding = jln_session_binding_new (self);
  jln_session_binding_connect (self->session_binding, "notify::plan",
                               G_CALLBACK (session_plan_changed_cb));
}

GtkWidget *
jln_indicators_page_new (void)
{
  return g_object_new (JLN_TYPE_INDICATORS_PAGE, NULL);
}

/**
 * jln_indicators_page_get_document:
 *
 * Returns: (transfer none) (nullable): the document shown
 */
JlnDocument *
jln_indicators_page_get_document (JlnIndicatorsPage *self)
{
  g_return_val_if_fail (JLN_IS_INDICATORS_PAGE (self), NULL);
  return self->document;
}

static gboolean
set_document (JlnIndicatorsPage *self,
              JlnDocument       *document)
{
  if (!g_set_object (&self->document, document))
    return FALSE;
  bind_indicators (self);
  return TRUE;
}

/**
 * jln_indicators_page_set_session:
 * @session: (nullable): the window's session
 *
 * Shows the session's plan in its content language.
 */
void
jln_indicators_page_set_session (JlnIndicatorsPage *self,
                                 JlnSession        *session)
{
  g_return_if_fail (JLN_IS_INDICATORS_PAGE (self));
  g_return_if_fail (session == NULL || JLN_IS_SESSION (session));

  if (self->session == session)
    return;
  g_set_object (&self->session, session);
  jln_session_binding_set_session (self->session_binding, session);
  /* The same document in another session: the cards follow the new one. */
  if (!set_document (self, session != NULL ? jln_session_get_document (session) : NULL))
    bind_indicators (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

/**
 * jln_indicators_page_create_picture:
 *
 * Returns: (transfer full) (nullable): the plan-wide charts and every
 *   indicator's chart, as a picture to export or print
 */
JlnPicture *
jln_indicators_page_create_picture (JlnIndicatorsPage *self)
{
  JlnPlan *plan;

  g_return_val_if_fail (JLN_IS_INDICATORS_PAGE (self), NULL);

  plan = get_plan (self);
  if (plan == NULL)
    return NULL;
  return JLN_PICTURE (jln_indicator_report_new (plan));
}
