/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "jln-action-list.h"
#include "jln-chart-view.h"
#include "jln-indicator-card.h"
#include "jln-indicator-dialog.h"
#include "jln-indicators-page.h"
#include "jln-measurement.h"
#include "jln-window.h"

#include "jln-test-gui-utils.h"

static JlnApplication *application;

static char *
make_plan (const char *name)
{
  g_autofree char *bundled = jln_application_dup_bundled_plan ();
  char *path = g_build_filename (g_get_user_data_dir (), name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JlnDocument) document = NULL;

  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  g_remove (path);
  document = jln_document_import (bundled, path, &error);
  g_assert_no_error (error);
  return path;
}

static JlnWindow *
open_window (const char *name)
{
  g_autofree char *path = make_plan (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  JlnWindow *window = jln_window_new (application);
  GtkWidget *stack;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  jln_window_open_file (window, file);
  jln_test_wait_for_document (window);
  stack = jln_test_find_child_of_type (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK);
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), "indicators");
  jln_test_wait_for_mapped (jln_test_find_child_of_type (GTK_WIDGET (window), JLN_TYPE_INDICATORS_PAGE));
  jln_test_wait_for_idle (GTK_WIDGET (window));
  return window;
}

static JlnIndicatorsPage *
get_page (JlnWindow *window)
{
  GtkWidget *page = jln_test_find_child_of_type (GTK_WIDGET (window), JLN_TYPE_INDICATORS_PAGE);

  g_assert_nonnull (page);
  return JLN_INDICATORS_PAGE (page);
}

static JlnIndicator *
find_indicator (JlnWindow  *window,
                const char *number)
{
  JlnPlan *plan = jln_document_get_plan (jln_window_get_document (window));

  return JLN_INDICATOR (jln_test_find_record (jln_plan_get_indicators (plan), "number", number));
}

typedef struct
{
  JlnChartKind  kind;
  JlnIndicator *indicator;
} ChartMatch;

static gboolean
is_chart_view (GtkWidget     *widget,
               gconstpointer  data)
{
  const ChartMatch *match = data;
  JlnChart *chart;

  if (!JLN_IS_CHART_VIEW (widget))
    return FALSE;
  chart = jln_chart_view_get_chart (JLN_CHART_VIEW (widget));
  return chart != NULL && jln_chart_get_kind (chart) == match->kind &&
         jln_chart_get_indicator (chart) == match->indicator;
}

static JlnChartView *
find_chart_view (JlnWindow    *window,
                 JlnChartKind  kind,
                 JlnIndicator *indicator)
{
  ChartMatch match = { kind, indicator };
  GtkWidget *view = jln_test_find_widget (GTK_WIDGET (get_page (window)), is_chart_view, &match);

  g_assert_nonnull (view);
  return JLN_CHART_VIEW (view);
}

static char *
dup_chart_description (JlnChartView *view)
{
  return jln_chart_dup_description (jln_chart_view_get_chart (view),
                                    jln_chart_view_get_style (view));
}

static JlnIndicatorDialog *
find_dialog (void)
{
  GList *toplevels = gtk_window_list_toplevels ();
  JlnIndicatorDialog *dialog = NULL;

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (JLN_IS_INDICATOR_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      dialog = l->data;
  g_list_free (toplevels);
  return dialog;
}

/* A key press, as the widget's key controller receives it. */
static void
press_key (GtkWidget *widget,
           guint      keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, 0, &handled);
    }
  g_assert_true (handled);
}

/* This year's figure entered as a user does: the page's button opens the
 * dialog, a date outside the plan is refused there with the core's
 * reason, then the figure shows in the chart as met; undo takes it away. */
static void
test_add_measurement (void)
{
  JlnWindow *window = open_window ("add-measurement.jalons");
  JlnIndicatorsPage *page = get_page (window);
  JlnIndicator *indicator = find_indicator (window, "1");
  JlnIndicatorDialog *dialog;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;

  before = dup_chart_description (find_chart_view (window, JLN_CHART_INDICATOR, indicator));
  g_assert_nonnull (strstr (before, "No measurement yet."));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "indicators.add-measurement", "s",
                                             jln_record_get_id (JLN_RECORD (indicator))));
  JLN_TEST_WAIT_UNTIL (find_dialog () != NULL);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);

  jln_indicator_dialog_set_text (dialog, "date", "2030-06-30");
  jln_indicator_dialog_set_text (dialog, "value", "45");
  jln_indicator_dialog_set_text (dialog, "source", "Enquête RH");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.save", NULL));
  jln_test_wait_for_idle (GTK_WIDGET (dialog));
  g_assert_true (find_dialog () == dialog);
  g_assert_nonnull (strstr (jln_indicator_dialog_get_error (dialog), "Date of measurement"));
  g_assert_nonnull (strstr (jln_indicator_dialog_get_error (dialog), "2030-06-30"));
  g_assert_cmpuint (g_list_model_get_n_items (jln_indicator_get_measurements (indicator)), ==, 0);

  jln_indicator_dialog_set_text (dialog, "value", "145");
  /* Written day first, as in France. */
  jln_indicator_dialog_set_text (dialog, "date", "31/12/2022");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.save", NULL));
  g_assert_nonnull (strstr (jln_indicator_dialog_get_error (dialog), "0 to 100"));

  jln_indicator_dialog_set_text (dialog, "value", "45,5");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.save", NULL));
  JLN_TEST_WAIT_UNTIL (find_dialog () == NULL);
  jln_test_wait_for_idle (GTK_WIDGET (window));
  g_assert_null (find_dialog ());
  g_assert_cmpuint (g_list_model_get_n_items (jln_indicator_get_measurements (indicator)), ==, 1);
  {
    g_autoptr(JlnMeasurement) measurement = g_list_model_get_item (jln_indicator_get_measurements (indicator), 0);

    g_assert_cmpstr (jln_measurement_get_date (measurement), ==, "2022-12-31");
  }

  after = dup_chart_description (find_chart_view (window, JLN_CHART_INDICATOR, indicator));
  g_assert_nonnull (strstr (after, "Measured on 31 Dec 2022: 45.5%"));
  g_assert_nonnull (strstr (after, "Target 2022: 30%; measured 45.5% on 31 Dec 2022: met"));

  /* Enter on the point opens it for a correction; the chart follows. */
  {
    JlnChartView *view = find_chart_view (window, JLN_CHART_INDICATOR, indicator);
    JlnChart *chart = jln_chart_view_get_chart (view);
    g_autofree char *corrected = NULL;
    int point = -1;

    for (guint i = 0; i < jln_chart_get_n_items (chart); i++)
      if (JLN_IS_MEASUREMENT (jln_chart_get_item_record (chart, i)))
        point = i;
    g_assert_cmpint (point, >=, 0);
    gtk_widget_grab_focus (GTK_WIDGET (view));
    press_key (GTK_WIDGET (view), GDK_KEY_End);
    g_assert_cmpint (jln_chart_view_get_focus_item (view), ==, point);
    press_key (GTK_WIDGET (view), GDK_KEY_Return);
    JLN_TEST_WAIT_UNTIL (find_dialog () != NULL);
    dialog = find_dialog ();
    g_assert_nonnull (dialog);
    jln_indicator_dialog_set_text (dialog, "value", "25");
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.save", NULL));
    JLN_TEST_WAIT_UNTIL (find_dialog () == NULL);
    jln_test_wait_for_idle (GTK_WIDGET (window));
    g_assert_null (find_dialog ());
    corrected = dup_chart_description (find_chart_view (window, JLN_CHART_INDICATOR, indicator));
    g_assert_nonnull (strstr (corrected, "Target 2022: 30%; measured 25% on 31 Dec 2022: behind"));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
    jln_test_wait_for_idle (GTK_WIDGET (window));
  }

  /* One undo takes the whole entry back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  JLN_TEST_WAIT_UNTIL (g_list_model_get_n_items (jln_indicator_get_measurements (indicator)) == 0);
  jln_test_wait_for_idle (GTK_WIDGET (window));
  g_assert_cmpuint (g_list_model_get_n_items (jln_indicator_get_measurements (indicator)), ==, 0);
  undone = dup_chart_description (find_chart_view (window, JLN_CHART_INDICATOR, indicator));
  g_assert_cmpstr (undone, ==, before);

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
is_card_of (GtkWidget     *widget,
            gconstpointer  data)
{
  return JLN_IS_INDICATOR_CARD (widget) &&
         jln_indicator_card_get_indicator (JLN_INDICATOR_CARD (widget)) == data;
}

/* The card showing @indicator, or NULL. */
static GtkWidget *
find_card (JlnWindow    *window,
           JlnIndicator *indicator)
{
  return jln_test_find_widget (GTK_WIDGET (get_page (window)), is_card_of, indicator);
}

static gboolean
is_label_with (GtkWidget     *widget,
               gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), data) != NULL;
}

static guint
count_cards (GtkWidget *widget)
{
  guint n = JLN_IS_INDICATOR_CARD (widget) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_cards (child);
  return n;
}

/* A new figure for one indicator shows in its card and leaves the other
 * cards as they are, where the reader left them; deleting an indicator
 * takes away its card only. */
static void
test_cards_follow_changes (void)
{
  JlnWindow *window = open_window ("cards.jalons");
  JlnIndicatorsPage *page = get_page (window);
  GListModel *indicators = jln_plan_get_indicators (jln_document_get_plan (jln_window_get_document (window)));
  JlnIndicator *b = find_indicator (window, "1");
  JlnIndicator *others[2] = { NULL, NULL };
  GtkWidget *card_a, *card_b, *card_c;
  JlnIndicatorDialog *dialog;
  guint n_others = 0;
  guint n_indicators = g_list_model_get_n_items (indicators);

  for (guint i = 0; i < n_indicators && n_others < 2; i++)
    {
      g_autoptr(JlnIndicator) indicator = g_list_model_get_item (indicators, i);

      if (indicator != b)
        others[n_others++] = indicator;   /* the plan keeps it */
    }
  g_assert_cmpuint (n_others, ==, 2);
  g_assert_cmpuint (count_cards (GTK_WIDGET (page)), ==, n_indicators);
  card_a = find_card (window, others[0]);
  card_b = find_card (window, b);
  card_c = find_card (window, others[1]);
  g_assert_nonnull (card_a);
  g_assert_nonnull (card_b);
  g_assert_nonnull (card_c);
  g_assert_null (jln_test_find_widget (card_b, is_label_with, "45.5%"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "indicators.add-measurement", "s",
                                             jln_record_get_id (JLN_RECORD (b))));
  JLN_TEST_WAIT_UNTIL (find_dialog () != NULL);
  dialog = find_dialog ();
  jln_indicator_dialog_set_text (dialog, "date", "31/12/2022");
  jln_indicator_dialog_set_text (dialog, "value", "45,5");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.save", NULL));
  JLN_TEST_WAIT_UNTIL (find_dialog () == NULL);
  jln_test_wait_for_idle (GTK_WIDGET (window));

  g_assert_true (find_card (window, others[0]) == card_a);
  g_assert_true (find_card (window, b) == card_b);
  g_assert_true (find_card (window, others[1]) == card_c);
  g_assert_nonnull (jln_test_find_widget (card_b, is_label_with, "31 Dec 2022 · 45.5%"));
  g_assert_null (jln_test_find_widget (card_a, is_label_with, "45.5%"));

  /* The plan read in French: the same cards, their figures written the French way. */
  jln_session_set_content_language (jln_window_get_session (window), JLN_LANG_FR);
  jln_test_wait_for_idle (GTK_WIDGET (window));
  g_assert_true (find_card (window, others[0]) == card_a);
  g_assert_true (find_card (window, b) == card_b);
  g_assert_nonnull (jln_test_find_widget (card_b, is_label_with, "45,5\u00a0%"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "indicators.delete", "s",
                                             jln_record_get_id (JLN_RECORD (others[1]))));
  jln_test_wait_for_idle (GTK_WIDGET (window));
  g_assert_cmpuint (g_list_model_get_n_items (indicators), ==, n_indicators - 1);
  g_assert_cmpuint (count_cards (GTK_WIDGET (page)), ==, n_indicators - 1);
  g_assert_true (find_card (window, others[0]) == card_a);
  g_assert_true (find_card (window, b) == card_b);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A new indicator, counted, with a target: refused while negative. */
static void
test_add_indicator (void)
{
  JlnWindow *window = open_window ("add-indicator.jalons");
  JlnIndicatorsPage *page = get_page (window);
  JlnPlan *plan = jln_document_get_plan (jln_window_get_document (window));
  JlnIndicatorDialog *dialog;
  JlnIndicator *indicator;
  g_autofree char *description = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "indicators.add-indicator", NULL));
  JLN_TEST_WAIT_UNTIL (find_dialog () != NULL);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  jln_indicator_dialog_set_text (dialog, "title", "Women on selection juries");
  jln_indicator_dialog_set_text (dialog, "kind", "count");
  jln_indicator_dialog_set_text (dialog, "measure", "juries with at least 40% women");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.save", NULL));
  JLN_TEST_WAIT_UNTIL (find_dialog () == NULL);
  g_assert_null (find_dialog ());

  g_assert_cmpuint (g_list_model_get_n_items (jln_plan_get_indicators (plan)), ==, 6);
  indicator = find_indicator (window, "6");
  g_assert_nonnull (indicator);
  g_assert_cmpint (jln_indicator_get_kind (indicator), ==, JLN_INDICATOR_KIND_COUNT);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "indicators.add-target", "s",
                                             jln_record_get_id (JLN_RECORD (indicator))));
  JLN_TEST_WAIT_UNTIL (find_dialog () != NULL);
  dialog = find_dialog ();
  jln_indicator_dialog_set_text (dialog, "year", "2023");
  jln_indicator_dialog_set_text (dialog, "value", "-4");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.save", NULL));
  g_assert_nonnull (strstr (jln_indicator_dialog_get_error (dialog),
                            "Target value: -4 is negative"));
  jln_indicator_dialog_set_text (dialog, "value", "12");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.save", NULL));
  JLN_TEST_WAIT_UNTIL (find_dialog () == NULL);
  jln_test_wait_for_idle (GTK_WIDGET (window));
  g_assert_null (find_dialog ());

  description = dup_chart_description (find_chart_view (window, JLN_CHART_INDICATOR, indicator));
  g_assert_true (g_str_has_prefix (description, "Indicator 6: Women on selection juries. "
                                                "juries with at least 40% women. No measurement yet."));
  g_assert_nonnull (strstr (description, "Target 2023: 12; no measurement in 2023"));

  /* Undo takes back the target, then the indicator. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  JLN_TEST_WAIT_UNTIL (g_list_model_get_n_items (jln_plan_get_indicators (plan)) == 5);
  g_assert_cmpuint (g_list_model_get_n_items (jln_plan_get_indicators (plan)), ==, 5);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A bar of the status chart lists its actions through the shared filter. */
static void
test_bar_filters_list (void)
{
  JlnWindow *window = open_window ("bar-filter.jalons");
  JlnChartView *view = find_chart_view (window, JLN_CHART_STATUS, NULL);
  JlnChart *chart = jln_chart_view_get_chart (view);
  const JlnRenderStyle *style = jln_chart_view_get_style (view);
  JlnActionList *list = JLN_ACTION_LIST (jln_window_get_action_list (window));
  GtkWidget *stack = jln_test_find_child_of_type (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK);
  int index = -1;
  guint count = 0;

  for (guint i = 0; i < jln_chart_get_n_items (chart) && index < 0; i++)
    {
      g_autofree char *text = jln_chart_dup_item_text (chart, style, i);

      /* The overdue actions, apart from the other open ones. */
      if (g_str_has_prefix (text, "Objective 4, ") && strstr (text, "— Overdue: ") != NULL)
        {
          index = i;
          g_assert_cmpint (sscanf (strstr (text, "Overdue: "), "Overdue: %u", &count), ==, 1);
        }
    }
  g_assert_cmpint (index, >=, 0);
  g_assert_cmpuint (count, >, 0);

  /* Keyboard: Home, then the arrow keys reach the bar; Enter lists its actions. */
  gtk_widget_grab_focus (GTK_WIDGET (view));
  press_key (GTK_WIDGET (view), GDK_KEY_Home);
  g_assert_cmpint (jln_chart_view_get_focus_item (view), ==, 0);
  for (int i = 0; i < index; i++)
    press_key (GTK_WIDGET (view), GDK_KEY_Right);
  g_assert_cmpint (jln_chart_view_get_focus_item (view), ==, index);
  press_key (GTK_WIDGET (view), GDK_KEY_Return);
  JLN_TEST_WAIT_UNTIL (g_strcmp0 (adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (stack)), "actions") == 0 &&
                       !jln_action_list_get_pending (list));
  jln_test_wait_for_idle (GTK_WIDGET (window));

  g_assert_cmpstr (jln_query_filter_get_text (jln_window_get_filter (window)), ==,
                   "objective:4 overdue");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (stack)), ==, "actions");
  g_assert_cmpuint (jln_action_list_get_n_shown (list), ==, count);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
save_window (GtkWidget  *widget,
             const char *name)
{
  const char * const *languages = g_get_language_names ();
  g_autoptr(GdkTexture) texture = jln_test_render_widget (widget);

  jln_test_save_screenshot (texture, name, g_str_has_prefix (languages[0], "fr") ? "fr" : "en");
}

static void
scroll_to (JlnWindow  *window,
           GtkWidget  *widget)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *viewport = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled));
  GtkAdjustment *adjustment;
  graphene_point_t point;

  g_assert_true (gtk_widget_compute_point (widget, viewport,
                                           &GRAPHENE_POINT_INIT (0, 0), &point));
  /* The point is in the viewport, which shows the page already scrolled. */
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + point.y - 12);
  jln_test_wait_for_idle (viewport);
}

/* The page, light and dark, with figures entered, to look at. */
static void
test_screenshots (void)
{
  JlnWindow *window;
  JlnDocument *document;
  AdwStyleManager *manager = adw_style_manager_get_default ();
  const char *figures[][4] = {
    { "1", "2021-12-15", "8", NULL },
    { "1", "2022-12-31", "45", NULL },
    { "2", "2022-06-30", "100", "Directorate General" },
    { "2", "2022-12-31", "25", "Unit directors" },
  };

  if (g_getenv ("JALONS_SCREENSHOT_DIR") == NULL)
    {
      g_test_skip ("set JALONS_SCREENSHOT_DIR to save screenshots");
      return;
    }

  window = open_window ("screens-indicators.jalons");
  document = jln_window_get_document (window);
  for (guint i = 0; i < G_N_ELEMENTS (figures); i++)
    {
      JlnIndicator *indicator = find_indicator (window, figures[i][0]);
      g_autoptr(JlnRecord) measurement = NULL;

      if (figures[i][3] != NULL)
        {
          const char *fr = g_str_equal (figures[i][3], "Unit directors") ? "Directeurs d'unité"
                                                                         : "Direction générale";

          measurement = jln_record_new (JLN_KIND_MEASUREMENT, "date", figures[i][1], "value",
                                        figures[i][2],
                                        "series-en", figures[i][3], "series-fr", fr, NULL);
        }
      else
        measurement = jln_record_new (JLN_KIND_MEASUREMENT, "date", figures[i][1], "value",
                                      figures[i][2],
                                      "source-en", "HR survey", "source-fr", "Enquête RH", NULL);
      jln_test_apply (document, jln_edit_new_insert (JLN_RECORD (indicator), measurement,
                                                     g_list_model_get_n_items (jln_indicator_get_measurements (indicator))));
    }
  jln_test_wait_for_idle (GTK_WIDGET (window));

  for (int dark = 0; dark < 2; dark++)
    {
      adw_style_manager_set_color_scheme (manager, dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                                        : ADW_COLOR_SCHEME_FORCE_LIGHT);
      jln_test_wait_for_idle (GTK_WIDGET (window));
      scroll_to (window, GTK_WIDGET (find_chart_view (window, JLN_CHART_STATUS, NULL)));
      save_window (GTK_WIDGET (window), dark ? "indicators-plan-dark" : "indicators-plan");
      scroll_to (window, GTK_WIDGET (find_chart_view (window, JLN_CHART_INDICATOR,
                                                      find_indicator (window, "1"))));
      save_window (GTK_WIDGET (window), dark ? "indicators-1-dark" : "indicators-1");
      scroll_to (window, GTK_WIDGET (find_chart_view (window, JLN_CHART_INDICATOR,
                                                      find_indicator (window, "2"))));
      save_window (GTK_WIDGET (window), dark ? "indicators-2-dark" : "indicators-2");
      scroll_to (window, GTK_WIDGET (find_chart_view (window, JLN_CHART_INDICATOR,
                                                      find_indicator (window, "3"))));
      save_window (GTK_WIDGET (window), dark ? "indicators-3-dark" : "indicators-3");
      scroll_to (window, GTK_WIDGET (find_chart_view (window, JLN_CHART_INDICATOR,
                                                      find_indicator (window, "4"))));
      save_window (GTK_WIDGET (window), dark ? "indicators-4-dark" : "indicators-4");
    }
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);

  gtk_widget_activate_action (GTK_WIDGET (get_page (window)), "indicators.add-measurement", "s",
                              jln_record_get_id (JLN_RECORD (find_indicator (window, "2"))));
  JLN_TEST_WAIT_UNTIL (find_dialog () != NULL);
  jln_test_wait_for_idle (GTK_WIDGET (find_dialog ()));
  {
    JlnIndicatorDialog *dialog = find_dialog ();

    jln_indicator_dialog_set_text (dialog, "value", "120");
    gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.save", NULL);
    jln_test_wait_for_idle (GTK_WIDGET (dialog));
    save_window (GTK_WIDGET (dialog), "indicators-dialog");
    gtk_window_destroy (GTK_WINDOW (dialog));
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;
  g_autofree char *home = g_dir_make_tmp ("jalons-indicators-XXXXXX", NULL);
  g_autofree char *data_home = g_build_filename (home, "data", NULL);

  /* Screenshots in French with LANGUAGE=fr: the built catalogue. */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, BUILD_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

  application = jln_application_new (G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (application), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/gui/indicators/add-measurement", test_add_measurement);
  g_test_add_func ("/gui/indicators/cards-follow-changes", test_cards_follow_changes);
  g_test_add_func ("/gui/indicators/add-indicator", test_add_indicator);
  g_test_add_func ("/gui/indicators/bar-filters-list", test_bar_filters_list);
  g_test_add_func ("/gui/indicators/screenshots", test_screenshots);

  status = g_test_run ();
  g_clear_object (&application);
  jln_test_remove_tree (home);
  return status;
}
