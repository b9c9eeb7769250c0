/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <adwaita.h>
#include <glib/gi18n.h>

#include "jln-action.h"
#include "jln-chart-view.h"
#include "jln-indicator-dialog.h"
#include "jln-indicator-report.h"
#include "jln-i18n.h"
#include "jln-indicators-page.h"
#include "jln-measurement.h"
#include "jln-plan-edits.h"
#include "jln-session.h"
#include "jln-target.h"

struct _JlnIndicatorsPage
{
  GtkWidget    parent_instance;

  JlnDocument *document;
  JlnLang      lang;
  JlnSession  *session;
  GPtrArray   *watched;         /* objects whose signals rebuild the cards */
  GPtrArray   *plan_views;      /* JlnChartView: status, completions, units */
  guint        rebuild_id;

  /* Template widgets */
  GtkWidget   *scrolled_window;
  GtkBox      *plan_box;
  GtkBox      *indicators_box;
  GtkWidget   *empty_page;
};

G_DEFINE_FINAL_TYPE (JlnIndicatorsPage, jln_indicators_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void rebuild (JlnIndicatorsPage *self);

static JlnPlan *
get_plan (JlnIndicatorsPage *self)
{
  return self->document != NULL ? jln_document_get_plan (self->document) : NULL;
}

/* A text in the content language, or in the other one marked as such. */
static char *
dup_text (JlnIndicatorsPage *self,
          const JlnText     *text)
{
  gboolean is_fallback = FALSE;
  const char *value = jln_text_get_fallback (text, self->lang, &is_fallback);

  if (value == NULL)
    return NULL;
  if (is_fallback)
    return g_strdup_printf ("[%s] %s",
                            self->lang == JLN_LANG_FR
                            /* Translators: a small tag before a text shown in English because
                               the plan has no French text; keep it to two or three letters. */
                            ? C_("language tag", "EN")
                            /* Translators: a small tag before a text shown in French because
                               the plan has no English text; keep it to two or three letters. */
                            : C_("language tag", "FR"),
                            value);
  return g_strdup (value);
}

/* Changes */

static gboolean
rebuild_idle_cb (gpointer data)
{
  JlnIndicatorsPage *self = data;

  self->rebuild_id = 0;
  rebuild (self);
  return G_SOURCE_REMOVE;
}

static void
queue_rebuild (JlnIndicatorsPage *self)
{
  if (self->rebuild_id == 0)
    self->rebuild_id = g_idle_add (rebuild_idle_cb, self);
}

static void
watch (JlnIndicatorsPage *self,
       gpointer           object,
       const char        *signal)
{
  g_signal_connect_object (object, signal, G_CALLBACK (queue_rebuild), self, G_CONNECT_SWAPPED);
  g_ptr_array_add (self->watched, g_object_ref (object));
}

static void
unwatch_all (JlnIndicatorsPage *self)
{
  for (guint i = 0; i < self->watched->len; i++)
    g_signal_handlers_disconnect_by_data (g_ptr_array_index (self->watched, i), self);
  g_ptr_array_set_size (self->watched, 0);
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
                                     self->document, indicator, kind, record, self->lang);
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

/* A target or a measurement of an indicator chart opens for editing. */
static void
indicator_item_activated_cb (JlnChartView      *view,
                             guint              index,
                             JlnIndicatorsPage *self)
{
  JlnChart *chart = jln_chart_view_get_chart (view);
  JlnRecord *record = jln_chart_get_item_record (chart, index);

  /* A plan that may not be changed opens nothing to change. */
  if (record != NULL && self->document != NULL &&
      !jln_document_is_read_only (self->document) && !jln_document_is_replaced (self->document))
    open_dialog (self, jln_chart_get_indicator (chart), jln_record_get_kind (record), record);
}

/* Building */

static GtkWidget *
new_label (const char *text,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* A card, and the box inside it that takes its content. */
static GtkWidget *
new_card (GtkWidget **frame)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  gtk_widget_add_css_class (card, "card");
  gtk_widget_set_margin_top (content, 18);
  gtk_widget_set_margin_bottom (content, 18);
  gtk_widget_set_margin_start (content, 18);
  gtk_widget_set_margin_end (content, 18);
  gtk_box_append (GTK_BOX (card), content);
  *frame = card;
  return content;
}

static void
clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

static void
build_plan_charts (JlnIndicatorsPage *self)
{
  JlnPlan *plan = get_plan (self);
  JlnChartKind kinds[] = { JLN_CHART_STATUS, JLN_CHART_COMPLETIONS, JLN_CHART_UNITS };

  clear_box (self->plan_box);
  g_ptr_array_set_size (self->plan_views, 0);
  if (plan == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autoptr(JlnChart) chart = jln_chart_new (kinds[i], plan, NULL);
      GtkWidget *frame;
      GtkWidget *card = new_card (&frame);
      GtkWidget *view = jln_chart_view_new (chart);
      g_autofree char *title = NULL;

      jln_chart_view_set_content_language (JLN_CHART_VIEW (view), self->lang);
      title = jln_chart_dup_title (chart, jln_chart_view_get_style (JLN_CHART_VIEW (view)));
      gtk_box_append (GTK_BOX (card), new_label (title, "heading"));
      if (kinds[i] != JLN_CHART_COMPLETIONS)
        gtk_box_append (GTK_BOX (card),
                        new_label (_("Click a bar, or press Enter on it, to list its actions."),
                                   "dim-label"));
      else
        gtk_box_append (GTK_BOX (card),
                        new_label (_("Cumulative by semester: the actions due by then, and those done by then."),
                                   "dim-label"));
      g_signal_connect (view, "item-activated", G_CALLBACK (plan_item_activated_cb), self);
      gtk_box_append (GTK_BOX (card), view);
      gtk_box_append (self->plan_box, frame);
      g_ptr_array_add (self->plan_views, view);
    }
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
dup_value (JlnIndicatorsPage *self,
           JlnIndicator      *indicator,
           double             value)
{
  if (isnan (value))
    return NULL;
  if (jln_indicator_get_kind (indicator) == JLN_INDICATOR_KIND_PERCENTAGE)
    return jln_format_percent (value, self->lang);
  return jln_format_number (value, self->lang);
}

/* A text with buttons to edit and delete @record. */
static GtkWidget *
new_record_box (JlnIndicatorsPage *self,
                JlnRecord         *record,
                const char        *text,
                const char        *edit_tooltip,
                const char        *delete_tooltip)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = new_label (text, NULL);
  GtkWidget *edit = gtk_button_new_from_icon_name ("document-edit-symbolic");
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  GVariant *id = g_variant_new_string (jln_record_get_id (record));

  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_tooltip_text (edit, edit_tooltip);
  gtk_widget_set_tooltip_text (remove, delete_tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (edit), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  edit_tooltip, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  delete_tooltip, -1);
  gtk_widget_add_css_class (edit, "flat");
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_valign (edit, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (edit), "indicators.edit");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (edit), id);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "indicators.delete");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (remove), id);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), edit);
  gtk_box_append (GTK_BOX (box), remove);
  return box;
}

static GtkWidget *
new_record_row (JlnIndicatorsPage *self,
                JlnRecord         *record,
                const char        *text,
                const char        *edit_tooltip,
                const char        *delete_tooltip)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = new_record_box (self, record, text, edit_tooltip, delete_tooltip);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

static GtkWidget *
new_section_header (const char   *title,
                    const char   *button_label,
                    const char   *action,
                    JlnIndicator *indicator)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = new_label (title, "heading");
  GtkWidget *button = gtk_button_new ();
  GtkWidget *content = adw_button_content_new ();

  gtk_widget_set_hexpand (label, TRUE);
  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "list-add-symbolic");
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), button_label);
  adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), TRUE);
  gtk_button_set_child (GTK_BUTTON (button), content);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button),
                                          g_variant_new_string (jln_record_get_id (JLN_RECORD (indicator))));
  gtk_widget_add_css_class (button, "flat");
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), button);
  return box;
}

static char *
dup_target_text (JlnIndicatorsPage *self,
                 JlnIndicator      *indicator,
                 JlnTarget         *target)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *series = dup_text (self, jln_target_get_series (target));
  g_autofree char *value = dup_value (self, indicator, jln_target_get_value (target));
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
dup_measurement_text (JlnIndicatorsPage *self,
                      JlnIndicator      *indicator,
                      JlnMeasurement    *measurement)
{
  g_autofree char *date = jln_format_date (jln_measurement_get_date (measurement), self->lang);
  g_autoptr(GString) out = g_string_new (date);
  g_autofree char *value = dup_value (self, indicator, jln_measurement_get_value (measurement));
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

static GtkWidget *
build_card (JlnIndicatorsPage *self,
            JlnIndicator      *indicator)
{
  JlnPlan *plan = get_plan (self);
  GtkWidget *frame;
  GtkWidget *card = new_card (&frame);
  GtkWidget *view;
  GtkWidget *list;
  g_autoptr(JlnChart) chart = jln_chart_new_indicator (plan, indicator);
  g_autoptr(GString) details = g_string_new (NULL);
  g_autofree char *title = dup_text (self, jln_indicator_get_title (indicator));
  /* Plan text, isolated: a title cannot move the number before it. */
  g_autofree char *isolated = jln_text_isolate (title);
  g_autofree char *heading = g_strdup_printf ("%d. %s", jln_indicator_get_number (indicator),
                                              isolated);
  const char *labels[] = { N_("Measure"), N_("Actors"), N_("Follow-up"), N_("Remark") };
  const JlnText *texts[] = {
    jln_indicator_get_measure (indicator),
    jln_indicator_get_actors (indicator),
    jln_indicator_get_follow_up (indicator),
    jln_indicator_get_remark (indicator),
  };
  GPtrArray *actions = jln_indicator_get_actions (indicator);
  GListModel *targets = jln_indicator_get_targets (indicator);
  GListModel *measurements = jln_indicator_get_measurements (indicator);

  gtk_widget_set_name (frame, jln_record_get_id (JLN_RECORD (indicator)));
  {
    GtkWidget *header = new_record_box (self, JLN_RECORD (indicator), heading,
                                        _("Edit Indicator"), _("Delete Indicator"));

    gtk_widget_add_css_class (gtk_widget_get_first_child (header), "title-3");
    gtk_box_append (GTK_BOX (card), header);
  }

  /* Translators: the kind of an indicator, like “Kind: Percentage”. */
  g_string_append_printf (details, _("Kind: %s"), kind_label (jln_indicator_get_kind (indicator)));
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
  gtk_box_append (GTK_BOX (card), new_label (details->str, "dim-label"));

  view = jln_chart_view_new (chart);
  jln_chart_view_set_content_language (JLN_CHART_VIEW (view), self->lang);
  g_signal_connect (view, "item-activated", G_CALLBACK (indicator_item_activated_cb), self);
  gtk_box_append (GTK_BOX (card), view);

  /* Targets */
  gtk_box_append (GTK_BOX (card),
                  new_section_header (_("Yearly Targets"), _("Add _Target"),
                                      "indicators.add-target", indicator));
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  for (guint i = 0; i < g_list_model_get_n_items (targets); i++)
    {
      g_autoptr(JlnTarget) target = g_list_model_get_item (targets, i);
      g_autofree char *text = dup_target_text (self, indicator, target);

      gtk_list_box_append (GTK_LIST_BOX (list),
                           new_record_row (self, JLN_RECORD (target), text,
                                           _("Edit Target"), _("Delete Target")));
      watch (self, target, "notify");
    }
  if (g_list_model_get_n_items (targets) == 0)
    gtk_list_box_set_placeholder (GTK_LIST_BOX (list),
                                  new_label (_("No target yet: add one per year, for each population the plan follows."),
                                             "dim-label"));
  gtk_box_append (GTK_BOX (card), list);

  /* Measurements */
  gtk_box_append (GTK_BOX (card),
                  new_section_header (_("Measurements"), _("Add _Measurement"),
                                      "indicators.add-measurement", indicator));
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  for (guint i = 0; i < g_list_model_get_n_items (measurements); i++)
    {
      g_autoptr(JlnMeasurement) measurement = g_list_model_get_item (measurements, i);
      g_autofree char *text = dup_measurement_text (self, indicator, measurement);

      gtk_list_box_append (GTK_LIST_BOX (list),
                           new_record_row (self, JLN_RECORD (measurement), text,
                                           _("Edit Measurement"), _("Delete Measurement")));
      watch (self, measurement, "notify");
    }
  if (g_list_model_get_n_items (measurements) == 0)
    {
      GtkWidget *placeholder = new_label (_("No measurement yet. Choose “Add Measurement” to enter "
                                            "this year’s figure, with its date and source; the chart "
                                            "then shows it against the target."), "dim-label");

      gtk_widget_set_margin_start (placeholder, 12);
      gtk_widget_set_margin_end (placeholder, 12);
      gtk_widget_set_margin_top (placeholder, 12);
      gtk_widget_set_margin_bottom (placeholder, 12);
      gtk_list_box_set_placeholder (GTK_LIST_BOX (list), placeholder);
    }
  gtk_box_append (GTK_BOX (card), list);

  watch (self, indicator, "notify");
  watch (self, targets, "items-changed");
  watch (self, measurements, "items-changed");
  return frame;
}

static void
rebuild (JlnIndicatorsPage *self)
{
  JlnPlan *plan = get_plan (self);
  GListModel *indicators;
  double scroll = gtk_adjustment_get_value (
                    gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scrolled_window)));

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  unwatch_all (self);
  clear_box (self->indicators_box);
  if (plan == NULL)
    {
      gtk_widget_set_visible (self->empty_page, FALSE);
      return;
    }

  indicators = jln_plan_get_indicators (plan);
  for (guint i = 0; i < g_list_model_get_n_items (indicators); i++)
    {
      g_autoptr(JlnIndicator) indicator = g_list_model_get_item (indicators, i);

      gtk_box_append (self->indicators_box, build_card (self, indicator));
    }
  gtk_widget_set_visible (self->empty_page, g_list_model_get_n_items (indicators) == 0);
  watch (self, indicators, "items-changed");

  /* Keep the place: a change rebuilds the cards under the reader. */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scrolled_window)),
                            scroll);
}

static void
refresh_plan_charts (JlnIndicatorsPage *self)
{
  for (guint i = 0; i < self->plan_views->len; i++)
    jln_chart_view_refresh (g_ptr_array_index (self->plan_views, i));
}

/* Actions may have changed on another page: count them again when shown. */
static void
jln_indicators_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (jln_indicators_page_parent_class)->map (widget);
  refresh_plan_charts (JLN_INDICATORS_PAGE (widget));
}

/* The session */

static void set_document (JlnIndicatorsPage *self,
                          JlnDocument       *document);
static void set_content_language (JlnIndicatorsPage *self,
                                  JlnLang            lang);

/* A new document, or its plan read again. */
static void
session_plan_changed_cb (JlnIndicatorsPage *self)
{
  JlnDocument *document = jln_session_get_document (self->session);

  if (document == self->document)
    {
      build_plan_charts (self);
      rebuild (self);
    }
  else
    set_document (self, document);
}

static void
session_language_changed_cb (JlnIndicatorsPage *self)
{
  set_content_language (self, jln_session_get_content_language (self->session));
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

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  if (self->watched != NULL)
    unwatch_all (self);
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->session);
  g_clear_object (&self->document);
  g_clear_pointer (&self->plan_views, g_ptr_array_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), JLN_TYPE_INDICATORS_PAGE);

  G_OBJECT_CLASS (jln_indicators_page_parent_class)->dispose (object);
}

static void
jln_indicators_page_finalize (GObject *object)
{
  JlnIndicatorsPage *self = JLN_INDICATORS_PAGE (object);

  g_clear_pointer (&self->watched, g_ptr_array_unref);

  G_OBJECT_CLASS (jln_indicators_page_parent_class)->finalize (object);
}

static void
jln_indicators_page_class_init (JlnIndicatorsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jln_indicators_page_dispose;
  object_class->finalize = jln_indicators_page_finalize;
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
  gtk_widget_class_bind_template_child (widget_class, JlnIndicatorsPage, indicators_box);
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
  self->watched = g_ptr_array_new_with_free_func (g_object_unref);
  self->plan_views = g_ptr_array_new ();
  self->lang = jln_lang_from_locale ();

  gtk_widget_init_template (GTK_WIDGET (self));
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

static void
set_document (JlnIndicatorsPage *self,
              JlnDocument       *document)
{
  if (!g_set_object (&self->document, document))
    return;
  build_plan_charts (self);
  rebuild (self);
}

static void
set_content_language (JlnIndicatorsPage *self,
                      JlnLang            lang)
{
  if (self->lang == lang)
    return;
  self->lang = lang;
  build_plan_charts (self);
  rebuild (self);
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
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_set_object (&self->session, session);
  if (session != NULL)
    {
      g_signal_connect_object (session, "notify::plan",
                               G_CALLBACK (session_plan_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (session, "notify::content-language",
                               G_CALLBACK (session_language_changed_cb), self, G_CONNECT_SWAPPED);
      set_content_language (self, jln_session_get_content_language (session));
    }
  set_document (self, session != NULL ? jln_session_get_document (session) : NULL);
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
