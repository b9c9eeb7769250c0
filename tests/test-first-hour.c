/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "jln-action.h"
#include "jln-action-editor.h"
#include "jln-filter-bar.h"
#include "jln-action-grid.h"
#include "jln-record-text.h"
#include "jln-action-list.h"
#include "jln-completion.h"
#include "jln-export-dialog.h"
#include "jln-indicator.h"
#include "jln-i18n.h"
#include "jln-indicator-dialog.h"
#include "jln-objective.h"
#include "jln-record-text.h"
#include "jln-timeline-canvas.h"
#include "jln-timeline-view.h"
#include "jln-window.h"

#include "jln-test-gui-utils.h"

/* What a new user meets in the first hour, on the bundled plan: each test
 * does what they did and checks what they should have seen. */

static JlnApplication *application;

typedef JlnTestTimelineFixture Fixture;

/* Runs the main loop until @done says so, for at most
 * JLN_TEST_TIMEOUT_MS; returns what @done said last. */
typedef gboolean (*Condition) (Fixture *fixture);

static gboolean
wait_until (Fixture   *fixture,
            Condition  done)
{
  gint64 deadline = g_get_monotonic_time () + JLN_TEST_TIMEOUT_MS * G_GINT64_CONSTANT (1000);

  while (!done (fixture) && g_get_monotonic_time () < deadline)
    jln_test_iterate ();
  return done (fixture);
}

/* Runs the main loop until @widget's window has shown @n more frames. */
static void
wait_frames (GtkWidget *widget,
             guint      n)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  gint64 target = gdk_frame_clock_get_frame_counter (clock) + n;
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (gdk_frame_clock_get_frame_counter (clock) < target && g_get_monotonic_time () < deadline)
    {
      gtk_widget_queue_draw (widget);
      g_main_context_iteration (NULL, TRUE);
    }
  g_assert_cmpint (gdk_frame_clock_get_frame_counter (clock), >=, target);
}

static gboolean
list_settled (Fixture *fixture)
{
  return !jln_action_list_get_pending (fixture->list);
}

static GtkEventController *
find_controller (GtkWidget  *widget,
                 const char *name)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) c = g_list_model_get_item (controllers, i);

      if (g_strcmp0 (gtk_event_controller_get_name (c), name) == 0)
        return c;
    }
  return NULL;
}

static void
press (GtkEventController *keys,
       guint               keyval)
{
  gboolean handled = FALSE;

  g_signal_emit_by_name (keys, "key-pressed", keyval, 0, 0, &handled);
  g_assert_true (handled);
}

static gboolean
timeline_shown (Fixture *fixture)
{
  return gtk_widget_get_mapped (GTK_WIDGET (fixture->view)) &&
         gtk_widget_get_width (GTK_WIDGET (fixture->view)) > 0;
}

static gboolean
presentation_shown (Fixture *fixture)
{
  GtkWindow *presentation = jln_timeline_view_get_presentation (fixture->view);

  return presentation != NULL && gtk_widget_get_mapped (GTK_WIDGET (presentation));
}

static gboolean
presentation_left (Fixture *fixture)
{
  return jln_timeline_view_get_presentation (fixture->view) == NULL;
}

/* Whether the timeline's search entry, zoom buttons and canvas are all on
 * screen with a size, that is, drawn. */
static gboolean
timeline_page_drawn (Fixture *fixture)
{
  GtkWidget *entry = jln_test_find_child_of_type (GTK_WIDGET (fixture->view), GTK_TYPE_SEARCH_ENTRY);
  GtkWidget *canvas = jln_test_find_child_of_type (GTK_WIDGET (fixture->view), JLN_TYPE_TIMELINE_CANVAS);
  GtkWidget *toggle = jln_test_find_child_of_type (GTK_WIDGET (fixture->view), GTK_TYPE_TOGGLE_BUTTON);
  GtkWidget *widgets[] = { GTK_WIDGET (fixture->view), entry, canvas, toggle };

  for (guint i = 0; i < G_N_ELEMENTS (widgets); i++)
    {
      graphene_rect_t bounds;

      if (widgets[i] == NULL || !gtk_widget_get_mapped (widgets[i]) ||
          !gtk_widget_compute_bounds (widgets[i], GTK_WIDGET (fixture->window), &bounds) ||
          bounds.size.width < 1 || bounds.size.height < 1)
        return FALSE;
    }
  return TRUE;
}

static gboolean
timeline_filtered (Fixture *fixture)
{
  JlnTimeline *timeline = jln_timeline_view_get_timeline (fixture->view);

  return timeline != NULL && jln_timeline_get_n_actions (timeline) > 0 &&
         jln_timeline_get_n_actions (timeline) < 112;
}

/* 2. The meeting: the timeline, F5, Esc, then a search in the timeline's
 * own entry. The page stays whole: search, zoom and canvas. */
static void
test_present_then_search (Fixture       *fixture,
                          gconstpointer  data)
{
  GtkWidget *entry;
  GtkEventController *keys;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.page", "s", "timeline"));
  g_assert_true (wait_until (fixture, timeline_shown));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.present", NULL));
  g_assert_true (wait_until (fixture, presentation_shown));
  keys = find_controller (GTK_WIDGET (jln_timeline_view_get_presentation (fixture->view)),
                          "jln-presentation-keys");
  g_assert_nonnull (keys);
  press (keys, GDK_KEY_Escape);
  g_assert_true (wait_until (fixture, presentation_left));

  entry = jln_test_find_child_of_type (GTK_WIDGET (fixture->view), GTK_TYPE_SEARCH_ENTRY);
  gtk_widget_grab_focus (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), "recrutement");
  g_assert_true (wait_until (fixture, timeline_filtered));
  g_assert_true (wait_until (fixture, timeline_page_drawn));
  /* A few frames later, it still is, and draws. */
  wait_frames (GTK_WIDGET (fixture->window), 5);
  g_assert_true (timeline_page_drawn (fixture));
  {
    g_autoptr(GdkTexture) texture = jln_test_render_widget (GTK_WIDGET (fixture->view));

    g_assert_nonnull (texture);
  }
}

/* 3. One shortcut, one meaning, on a QWERTY and on an AZERTY keyboard.
 * A key is named by where it sits and whether Shift is needed to type
 * what the shortcut names: Ctrl++ is Ctrl+Shift+"=" on both. */

typedef struct
{
  guint       keyval;
  const char *key;
  gboolean    shift;
} KeyPlace;

static const KeyPlace qwerty[] = {
  { GDK_KEY_plus, "=", TRUE }, { GDK_KEY_equal, "=", FALSE },
  { GDK_KEY_minus, "-", FALSE }, { GDK_KEY_underscore, "-", TRUE },
  { GDK_KEY_1, "1", FALSE }, { GDK_KEY_2, "2", FALSE }, { GDK_KEY_3, "3", FALSE },
  { GDK_KEY_comma, ",", FALSE }, { GDK_KEY_question, "/", TRUE }, { GDK_KEY_slash, "/", FALSE },
};

static const KeyPlace azerty[] = {
  { GDK_KEY_plus, "=", TRUE }, { GDK_KEY_equal, "=", FALSE },
  { GDK_KEY_minus, "6", FALSE }, { GDK_KEY_6, "6", TRUE },
  { GDK_KEY_ampersand, "1", FALSE }, { GDK_KEY_1, "1", TRUE },
  { GDK_KEY_eacute, "2", FALSE }, { GDK_KEY_2, "2", TRUE },
  { GDK_KEY_quotedbl, "3", FALSE }, { GDK_KEY_3, "3", TRUE },
  { GDK_KEY_comma, ",", FALSE }, { GDK_KEY_question, ",", TRUE },
  { GDK_KEY_semicolon, ";", FALSE }, { GDK_KEY_period, ";", TRUE },
  { GDK_KEY_colon, ":", FALSE }, { GDK_KEY_slash, ":", TRUE },
};

static void
collect_of_type (GtkWidget *widget,
                 GType      type,
                 GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (found, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_of_type (child, type, found);
}

/* "key+modifiers" as pressed on @layout. */
static char *
pressed_on (const KeyPlace  *layout,
            guint            n,
            guint            keyval,
            GdkModifierType  modifiers)
{
  const char *key = NULL;

  keyval = gdk_keyval_to_lower (keyval);
  for (guint i = 0; i < n; i++)
    if (layout[i].keyval == keyval)
      {
        key = layout[i].key;
        if (layout[i].shift)
          modifiers |= GDK_SHIFT_MASK;
      }
  return g_strdup_printf ("%s+%x", key != NULL ? key : gdk_keyval_name (keyval),
                          modifiers & (GDK_SHIFT_MASK | GDK_CONTROL_MASK | GDK_ALT_MASK));
}

static void
add_binding (GHashTable      *pressed,
             const char      *what,
             guint            keyval,
             GdkModifierType  modifiers)
{
  const KeyPlace *layouts[] = { qwerty, azerty };
  guint sizes[] = { G_N_ELEMENTS (qwerty), G_N_ELEMENTS (azerty) };
  const char *names[] = { "QWERTY", "AZERTY" };

  for (guint l = 0; l < G_N_ELEMENTS (layouts); l++)
    {
      g_autofree char *key = pressed_on (layouts[l], sizes[l], keyval, modifiers);
      char *id = g_strdup_printf ("%s %s", names[l], key);
      const char *before = g_hash_table_lookup (pressed, id);

      if (before != NULL && !g_str_equal (before, what))
        g_error ("%s: %s means both %s and %s", names[l], key, before, what);
      g_hash_table_insert (pressed, id, g_strdup (what));
    }
}

static char *
describe_action (const char *name,
                 GVariant   *target)
{
  g_autofree char *printed = target != NULL ? g_variant_print (target, FALSE) : NULL;

  return g_strdup_printf ("%s(%s)", name, printed != NULL ? printed : "");
}

static void
add_widget_bindings (GHashTable *pressed,
                     GtkWidget  *widget)
{
  if (g_str_has_prefix (G_OBJECT_TYPE_NAME (widget), "Jln"))
    {
      g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

      for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
        {
          g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

          if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
            continue;
          for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
            {
              g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
              GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);
              GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);
              GVariant *arguments = gtk_shortcut_get_arguments (shortcut);
              g_autofree char *what = NULL;

              if (GTK_IS_NAMED_ACTION (action))
                what = describe_action (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)),
                                        arguments);
              else
                what = gtk_shortcut_action_to_string (action);

              if (GTK_IS_KEYVAL_TRIGGER (trigger))
                add_binding (pressed, what,
                             gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)),
                             gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)));
            }
        }
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    add_widget_bindings (pressed, child);
}

static void
test_shortcuts (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GHashTable) pressed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_auto(GStrv) actions = gtk_application_list_action_descriptions (GTK_APPLICATION (application));

  /* The application's shortcuts hold everywhere in the window… */
  for (guint i = 0; actions[i] != NULL; i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (application),
                                                                    actions[i]);
      g_autofree char *name = NULL;
      g_autoptr(GVariant) target = NULL;
      g_autofree char *what = NULL;

      g_assert_true (g_action_parse_detailed_name (actions[i], &name, &target, NULL));
      what = describe_action (name, target);

      for (guint j = 0; accels[j] != NULL; j++)
        {
          guint keyval;
          GdkModifierType modifiers;

          g_assert_true (gtk_accelerator_parse (accels[j], &keyval, &modifiers));
          add_binding (pressed, what, keyval, modifiers);
        }
    }
  /* …so do the window's and its pages' own. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.page", "s", "timeline"));
  g_assert_true (wait_until (fixture, timeline_shown));
  add_widget_bindings (pressed, GTK_WIDGET (fixture->window));
  /* Zooming is Ctrl++ on both keyboards. */
  g_assert_cmpstr (g_hash_table_lookup (pressed, "AZERTY =+5"), ==, "timeline.zoom-in()");
  g_assert_cmpstr (g_hash_table_lookup (pressed, "QWERTY =+5"), ==, "timeline.zoom-in()");
  g_assert_cmpstr (g_hash_table_lookup (pressed, "QWERTY KP_Add+4"), ==, "timeline.zoom-in()");

  /* The shortcuts window says each shortcut once. */
  {
    g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/org/jalons/Jalons/gtk/help-overlay.ui");
    g_autoptr(GHashTable) listed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
    GSList *objects = gtk_builder_get_objects (builder);

    for (GSList *l = objects; l != NULL; l = l->next)
      {
        g_autofree char *accelerator = NULL;
        g_autofree char *action_name = NULL;
        g_autofree char *title = NULL;
        g_auto(GStrv) accels = NULL;

        if (!GTK_IS_SHORTCUTS_SHORTCUT (l->data))
          continue;
        g_object_get (l->data, "accelerator", &accelerator, "action-name", &action_name,
                      "title", &title, NULL);
        if (action_name != NULL)
          accels = gtk_application_get_accels_for_action (GTK_APPLICATION (application), action_name);
        else
          accels = g_strsplit (accelerator != NULL ? accelerator : "", " ", -1);
        for (guint j = 0; accels[j] != NULL; j++)
          {
            const char *before = g_hash_table_lookup (listed, accels[j]);

            if (accels[j][0] == '\0')
              continue;
            if (before != NULL && !g_str_equal (before, title))
              g_error ("%s is listed for both “%s” and “%s”", accels[j], before, title);
            g_hash_table_insert (listed, g_strdup (accels[j]), g_strdup (title));
          }
      }
    g_slist_free (objects);
  }

  /* Each section of the shortcuts window shows all its shortcuts at once,
   * without pages (GTK 4.8's page buttons warn that they measure their
   * labels at a negative width). */
  {
    static const char * const sections[] = { "plans", "viewing" };
    GtkShortcutsWindow *shortcuts;
    guint n_shown = 0;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-help-overlay",
                                               NULL));
    shortcuts = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (fixture->window));
    g_assert_nonnull (shortcuts);
    jln_test_wait_for_mapped (GTK_WIDGET (shortcuts));
    for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
      {
        g_autoptr(GPtrArray) lines = g_ptr_array_new ();
        GtkWidget *section = NULL;

        g_object_set (shortcuts, "section-name", sections[i], NULL);
        jln_test_wait_for_idle (GTK_WIDGET (shortcuts));
        collect_of_type (GTK_WIDGET (shortcuts), GTK_TYPE_SHORTCUTS_SECTION, lines);
        for (guint k = 0; k < lines->len; k++)
          if (gtk_widget_get_mapped (g_ptr_array_index (lines, k)))
            section = g_ptr_array_index (lines, k);
        g_assert_nonnull (section);
        g_ptr_array_set_size (lines, 0);
        collect_of_type (section, GTK_TYPE_SHORTCUTS_SHORTCUT, lines);
        g_assert_cmpuint (lines->len, >, 10);
        for (guint k = 0; k < lines->len; k++)
          g_assert_true (gtk_widget_get_mapped (g_ptr_array_index (lines, k)));
        n_shown += lines->len;
      }
    g_assert_cmpuint (n_shown, >, 30);
    gtk_widget_set_visible (GTK_WIDGET (shortcuts), FALSE);
    g_object_set (shortcuts, "section-name", "plans", NULL);
  }
}

static gboolean
is_named (GtkWidget     *widget,
          gconstpointer  name)
{
  return g_strcmp0 (gtk_widget_get_name (widget), name) == 0;
}

static JlnIndicator *
first_indicator_with_figures (JlnDocument *document)
{
  GListModel *indicators = jln_plan_get_indicators (jln_document_get_plan (document));

  for (guint i = 0; i < g_list_model_get_n_items (indicators); i++)
    {
      g_autoptr(JlnIndicator) indicator = g_list_model_get_item (indicators, i);

      if (jln_indicator_get_kind (indicator) != JLN_INDICATOR_KIND_TEXT)
        return indicator;   /* the plan keeps it */
    }
  g_assert_not_reached ();
}

/* 4. A measurement needs a value; the date is shown as its label says,
 * Enter in it goes on to the value, and a wrong date says what to type. */
static void
test_measurement_needs_value (Fixture       *fixture,
                              gconstpointer  data)
{
  JlnIndicator *indicator = first_indicator_with_figures (fixture->document);
  GListModel *measurements = jln_indicator_get_measurements (indicator);
  guint before = g_list_model_get_n_items (measurements);
  JlnIndicatorDialog *dialog = jln_indicator_dialog_new (GTK_WINDOW (fixture->window),
                                                         jln_window_get_session (fixture->window),
                                                         indicator, JLN_KIND_MEASUREMENT, NULL);
  GtkWidget *date_row, *value_row;
  g_autoptr(GRegex) day_first = g_regex_new ("^[0-3][0-9]/[01][0-9]/[0-9]{4}$", 0, 0, NULL);

  g_signal_connect_swapped (dialog, "destroy", G_CALLBACK (g_nullify_pointer), &dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  date_row = jln_test_find_widget (GTK_WIDGET (dialog), is_named, "date");
  value_row = jln_test_find_widget (GTK_WIDGET (dialog), is_named, "value");
  g_assert_nonnull (date_row);
  g_assert_nonnull (value_row);
  g_assert_true (g_regex_match (day_first, gtk_editable_get_text (GTK_EDITABLE (date_row)), 0, NULL));

  /* Enter in the date: nothing saved, the value is next. */
  g_signal_emit_by_name (date_row, "entry-activated");
  g_assert_nonnull (dialog);
  g_assert_cmpuint (g_list_model_get_n_items (measurements), ==, before);
  g_assert_true (gtk_widget_is_focus (value_row) || gtk_widget_get_focus_child (value_row) != NULL ||
                 gtk_widget_is_ancestor (gtk_window_get_focus (GTK_WINDOW (dialog)), value_row));

  /* Add with no value: refused, and said. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.save", NULL));
  g_assert_nonnull (dialog);
  g_assert_cmpuint (g_list_model_get_n_items (measurements), ==, before);
  g_assert_nonnull (strstr (jln_indicator_dialog_get_error (dialog), "value"));

  /* A date that is not one names the forms accepted. */
  jln_indicator_dialog_set_text (dialog, "value", "12,5");
  jln_indicator_dialog_set_text (dialog, "date", "2022/31/12");
  g_assert_false (jln_indicator_dialog_save (dialog));
  g_assert_nonnull (strstr (jln_indicator_dialog_get_error (dialog), "31/12/2022"));
  g_assert_cmpuint (g_list_model_get_n_items (measurements), ==, before);

  /* Then it is added. */
  jln_indicator_dialog_set_text (dialog, "date", "31/12/2022");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.save", NULL));
  g_assert_null (dialog);
  g_assert_cmpuint (g_list_model_get_n_items (measurements), ==, before + 1);
}

static GtkWidget *
list_child (Fixture    *fixture,
            const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (fixture->list),
                                                  JLN_TYPE_ACTION_LIST, name);

  /* The search and its buttons are the filter bar's. */
  if (child == NULL)
    child = gtk_widget_get_template_child (list_child (fixture, "filter_bar"),
                                           JLN_TYPE_FILTER_BAR, name);
  g_assert_nonnull (child);
  return GTK_WIDGET (child);
}

static void
set_query (Fixture    *fixture,
           const char *text)
{
  jln_query_filter_set_text (jln_window_get_filter (fixture->window), text);
  g_assert_true (wait_until (fixture, list_settled));
}

/* 10. In the French interface, the filter buttons write French, French
 * terms typed set the buttons, and English terms still work. */
static void
test_french_query (Fixture       *fixture,
                   gconstpointer  data)
{
  JlnQueryFilter *filter = jln_window_get_filter (fixture->window);
  GtkWidget *hide_done = list_child (fixture, "hide_done_button");
  GtkWidget *overdue = list_child (fixture, "overdue_button");
  GtkWidget *status = list_child (fixture, "status_button");
  guint n_overdue;

  jln_test_set_language ("fr");

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (overdue), TRUE);
  g_assert_cmpstr (jln_query_filter_get_text (filter), ==, "en-retard");
  g_assert_null (jln_query_filter_get_error (filter));
  g_assert_true (wait_until (fixture, list_settled));
  n_overdue = jln_action_list_get_n_shown (fixture->list);
  g_assert_cmpuint (n_overdue, >, 0);
  g_assert_cmpuint (n_overdue, <, 112);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (hide_done), TRUE);
  g_assert_cmpstr (jln_query_filter_get_text (filter), ==, "en-retard -statut:réalisée");
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (overdue), FALSE);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (hide_done), FALSE);
  g_assert_cmpstr (jln_query_filter_get_text (filter), ==, "");

  gtk_widget_activate_action (list_child (fixture, "filter_bar"), "filter.status", "s", "in-progress");
  gtk_widget_activate_action (list_child (fixture, "filter_bar"), "filter.objective", "s", "4");
  gtk_widget_activate_action (list_child (fixture, "filter_bar"), "filter.unit", "s", "RH");
  gtk_widget_activate_action (list_child (fixture, "filter_bar"), "filter.due-from", "s", "2022-S1");
  g_assert_cmpstr (jln_query_filter_get_text (filter), ==,
                   "statut:en-cours objectif:4 unité:RH échéance:>=2022-S1");
  g_assert_null (jln_query_filter_get_error (filter));
  /* A menu replaces its term whichever language it was typed in. */
  set_query (fixture, "status:done unit:RH");
  gtk_widget_activate_action (list_child (fixture, "filter_bar"), "filter.status", "s", "dropped");
  g_assert_cmpstr (jln_query_filter_get_text (filter), ==, "statut:abandonnée unit:RH");

  /* Typed French terms set the buttons. */
  set_query (fixture, "statut:\"en cours\" en-retard -statut:realisee");
  g_assert_null (jln_query_filter_get_error (filter));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (overdue)));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (hide_done)));
  g_assert_cmpstr (gtk_menu_button_get_label (GTK_MENU_BUTTON (status)), ==,
                   jln_status_get_label (JLN_STATUS_IN_PROGRESS));
  /* A semester as it is shown. */
  set_query (fixture, "échéance:2e sem. 2022");
  g_assert_null (jln_query_filter_get_error (filter));
  g_assert_cmpuint (jln_action_list_get_n_shown (fixture->list), >, 0);
  /* The English words still hold, and mean the same. */
  set_query (fixture, "overdue");
  g_assert_cmpuint (jln_action_list_get_n_shown (fixture->list), ==, n_overdue);

  jln_test_set_language ("en");
}

/* The first action of the plan that is planned, with no completion. */
static JlnAction *
find_planned_action (JlnDocument *document)
{
  GListModel *objectives = jln_plan_get_objectives (jln_document_get_plan (document));

  for (guint i = 0; i < g_list_model_get_n_items (objectives); i++)
    {
      g_autoptr(JlnObjective) objective = g_list_model_get_item (objectives, i);
      GListModel *actions = jln_objective_get_actions (objective);

      for (guint j = 0; j < g_list_model_get_n_items (actions); j++)
        {
          g_autoptr(JlnAction) action = g_list_model_get_item (actions, j);

          if (jln_action_get_status (action) == JLN_STATUS_PLANNED &&
              !jln_completion_is_set (jln_action_get_completion (action)))
            return action;   /* the plan keeps it */
        }
    }
  g_assert_not_reached ();
}

/* 13. Marking an action done proposes the current semester as its
 * completion, which the user sees and can change; one undo takes both
 * back. */
static void
test_done_proposes_completion (Fixture       *fixture,
                               gconstpointer  data)
{
  JlnAction *action = find_planned_action (fixture->document);
  GtkWidget *editor = jln_test_find_child_of_type (GTK_WIDGET (fixture->window), JLN_TYPE_ACTION_EDITOR);
  g_autofree char *now = jln_semester_format (jln_semester_today (), JLN_SEMESTER_STYLE_ISO, JLN_LANG_EN);
  g_autofree char *completion = NULL;
  GtkWidget *status_row, *completion_row;

  jln_action_list_select (fixture->list, JLN_RECORD (action));
  g_assert_true (wait_until (fixture, list_settled));
  status_row = jln_test_find_widget (editor, is_named, "status");
  completion_row = jln_test_find_widget (editor, is_named, "completion");
  g_assert_nonnull (status_row);
  g_assert_nonnull (completion_row);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (completion_row)), ==, "");

  adw_combo_row_set_selected (ADW_COMBO_ROW (status_row), JLN_STATUS_DONE);
  g_assert_cmpint (jln_action_get_status (action), ==, JLN_STATUS_DONE);
  completion = jln_completion_to_string (jln_action_get_completion (action));
  g_assert_cmpstr (completion, ==, now);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (completion_row)), ==, now);

  /* One undo takes both back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  g_assert_cmpint (jln_action_get_status (action), ==, JLN_STATUS_PLANNED);
  g_assert_false (jln_completion_is_set (jln_action_get_completion (action)));

  /* A completion already there is kept. */
  {
    g_autoptr(JlnEdit) edit = jln_edit_new_set (JLN_RECORD (action), "completion", "2021");
    g_autoptr(GError) error = NULL;
    g_autofree char *kept = NULL;

    g_assert_true (jln_document_apply (fixture->document, edit, &error));
    g_assert_no_error (error);
    adw_combo_row_set_selected (ADW_COMBO_ROW (status_row), JLN_STATUS_DONE);
    g_assert_cmpint (jln_action_get_status (action), ==, JLN_STATUS_DONE);
    kept = jln_completion_to_string (jln_action_get_completion (action));
    g_assert_cmpstr (kept, ==, "2021");
  }
}

static JlnActionGrid *
list_grid (Fixture *fixture)
{
  return JLN_ACTION_GRID (jln_test_find_child_of_type (GTK_WIDGET (fixture->list),
                                                      JLN_TYPE_ACTION_GRID));
}

static GtkAdjustment *
list_adjustment (Fixture *fixture)
{
  GtkWidget *view = GTK_WIDGET (list_grid (fixture));

  return gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
}

/* Scrolls the list to its end, as a user reading the last objectives. */
static void
scroll_list_down (Fixture *fixture)
{
  GtkAdjustment *adjustment = list_adjustment (fixture);

  wait_frames (GTK_WIDGET (fixture->window), 3);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  wait_frames (GTK_WIDGET (fixture->window), 3);
  g_assert_cmpfloat (gtk_adjustment_get_value (list_adjustment (fixture)), >, 200);
}

static gboolean
list_at_top (Fixture *fixture)
{
  return list_settled (fixture) && gtk_adjustment_get_value (list_adjustment (fixture)) < 1;
}

/* 8. A new filter or sort shows the first match; an undone deletion
 * selects the action that came back. */
static void
test_list_shows_first_match (Fixture       *fixture,
                             gconstpointer  data)
{
  JlnActionGrid *grid = list_grid (fixture);
  JlnRecord *action = jln_test_find_action (fixture->document, "7.2");

  scroll_list_down (fixture);
  set_query (fixture, "overdue");
  g_assert_true (wait_until (fixture, list_at_top));

  set_query (fixture, "");
  g_assert_true (wait_until (fixture, list_at_top));
  /* The list goes to its first row after the frame that shows the new
   * rows, when the main loop is idle: only then is it scrolled down again
   * (frames drawn back to back may come before that). */
  wait_frames (GTK_WIDGET (fixture->window), 3);
  jln_test_wait_for_idle (GTK_WIDGET (fixture->window));
  scroll_list_down (fixture);
  jln_action_grid_sort_by_column (grid, JLN_ACTION_COLUMN_TITLE, GTK_SORT_DESCENDING);
  g_assert_true (wait_until (fixture, list_at_top));
  jln_action_grid_sort_by_column (grid, -1, GTK_SORT_ASCENDING);
  g_assert_true (wait_until (fixture, list_settled));

  /* Delete an action far down, then undo: it is selected again. */
  g_assert_nonnull (action);
  jln_action_list_select (fixture->list, action);
  g_assert_true (wait_until (fixture, list_settled));
  g_assert_true (jln_action_list_get_selected (fixture->list) == action);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.delete", NULL));
  g_assert_true (wait_until (fixture, list_settled));
  g_assert_false (jln_action_list_get_selected (fixture->list) == action);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  g_assert_true (wait_until (fixture, list_settled));
  g_assert_true (jln_action_list_get_selected (fixture->list) ==
                 jln_test_find_action (fixture->document, "7.2"));
}

/* The rows on screen that show a due semester: their positions. */
static void
collect_due_labels (JlnActionGrid *grid,
                    GArray        *positions)
{
  GListModel *rows = G_LIST_MODEL (jln_action_grid_get_model (grid));

  for (guint i = 0; rows != NULL && i < g_list_model_get_n_items (rows); i++)
    {
      g_autofree char *text = jln_action_grid_dup_cell_text (grid, i, JLN_ACTION_COLUMN_DUE);

      if (text != NULL && text[0] != '\0')
        g_array_append_val (positions, i);
    }
}

/* 9. Overdue in the list is marked otherwise than by colour: a "!" and a
 * frame (the CSS class that draws it), and only on overdue rows. */
static void
test_overdue_mark (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *queries[] = { "overdue objective:1", "-overdue" };

  JlnActionGrid *grid = list_grid (fixture);
  GListModel *rows = G_LIST_MODEL (jln_action_grid_get_model (grid));

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      g_autoptr(GArray) positions = g_array_new (FALSE, FALSE, sizeof (guint));

      set_query (fixture, queries[q]);
      wait_frames (GTK_WIDGET (fixture->window), 3);
      collect_due_labels (grid, positions);
      if (q == 0)
        g_assert_cmpuint (positions->len, >, 0);
      for (guint i = 0; i < positions->len; i++)
        {
          guint position = g_array_index (positions, guint, i);
          g_autofree char *text = jln_action_grid_dup_cell_text (grid, position,
                                                                 JLN_ACTION_COLUMN_DUE);
          g_autoptr(JlnRow) row = g_list_model_get_item (rows, position);
          g_autofree char *spoken = NULL;
          gboolean marked = g_str_has_prefix (text, "!");

          /* Read by screen readers with the row, overdue or not. */
          spoken = jln_record_dup_spoken_label (jln_row_get_record (row),
                                                jln_action_list_get_content_language (fixture->list),
                                                jln_lang_from_locale (), jln_semester_today ());
          gtk_test_accessible_assert_property (GTK_ACCESSIBLE (jln_action_grid_get_row_widget (grid, position)),
                                               GTK_ACCESSIBLE_PROPERTY_LABEL, spoken);

          if (q == 0)
            {
              g_assert_true (marked);
              g_assert_true (jln_action_grid_row_has_style (grid, position, "jln-overdue"));
            }
          else
            g_assert_false (marked);
        }
    }
}

static gboolean
is_save_as (GtkWidget     *widget,
            gconstpointer  data)
{
  return GTK_IS_ACTIONABLE (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), "win.save-copy") == 0;
}

static gboolean
is_named_close (GtkWidget     *widget,
                gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (widget)), "window-close-symbolic") == 0;
}

static gboolean
has_css_class (GtkWidget     *widget,
               gconstpointer  css_class)
{
  return GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, css_class) &&
         gtk_widget_get_ancestor (widget, ADW_TYPE_HEADER_BAR) != NULL;
}

/* 5. The header bar says which plan is open: its title and its file. */
static void
test_plan_in_header (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkWidget *title = jln_test_find_widget (GTK_WIDGET (fixture->window), has_css_class, "heading");
  GtkWidget *file = jln_test_find_widget (GTK_WIDGET (fixture->window), has_css_class, "caption");
  g_autofree char *name = g_path_get_basename (fixture->path);
  const char *plan_title = jln_text_get_fallback (jln_plan_get_title (jln_document_get_plan (fixture->document)),
                                                  jln_window_get_content_language (fixture->window), NULL);

  g_assert_nonnull (title);
  g_assert_nonnull (file);
  wait_frames (GTK_WIDGET (fixture->window), 2);
  g_assert_true (gtk_widget_get_mapped (title));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (title)), ==, plan_title);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (file)), ==, name);
}

static gboolean
is_page_tab (GtkWidget     *widget,
             gconstpointer  data)
{
  return g_str_equal (G_OBJECT_TYPE_NAME (widget), "AdwViewSwitcherButton") &&
         gtk_widget_get_mapped (widget);
}

static guint
count_page_tabs (GtkWidget *widget)
{
  guint n = is_page_tab (widget, NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_page_tabs (child);
  return n;
}

/* At 1280 pixels the header bar shows at least 40 characters of the
 * plan's title, its file under it and the five pages' tabs; the window's own title (the task
 * bar's, the window switcher's) names the plan too. */
static void
assert_plan_title_whole (JlnWindow *window)
{
  GtkWidget *header = jln_test_find_child_of_type (GTK_WIDGET (window), ADW_TYPE_HEADER_BAR);
  GtkWidget *title = jln_test_find_widget (header, has_css_class, "heading");
  GtkWidget *file = jln_test_find_widget (header, has_css_class, "caption");
  JlnDocument *document = jln_window_get_document (window);
  JlnPlan *plan = jln_document_get_plan (document);
  const char *plan_title = jln_text_get_fallback (jln_plan_get_title (plan),
                                                  jln_window_get_content_language (window), NULL);
  g_autofree char *name = g_path_get_basename (jln_document_get_path (document));
  g_autofree char *window_title = g_strdup_printf ("%s – Jalons", plan_title);
  const char *tooltip;

  g_assert_nonnull (title);
  wait_frames (GTK_WIDGET (window), 3);
  if (g_getenv ("JALONS_SCREENSHOT_DIR") != NULL)
    {
      g_autoptr(GdkTexture) texture = jln_test_render_widget (GTK_WIDGET (window));
      const char *language = g_get_language_names ()[0];

      jln_test_save_screenshot (texture, "first-hour-header",
                                g_str_has_prefix (language, "fr") ? "fr" : "en");
    }
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 1280);
  g_assert_true (gtk_widget_get_mapped (title));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (title)), ==, plan_title);
  /* Its first 40 characters at least, and an ellipsis, fit the label. */
  {
    g_autofree char *start = g_utf8_substring (plan_title, 0, 40);
    g_autofree char *shown = g_strconcat (start, "…", NULL);
    g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (title, shown);
    int width;

    g_assert_cmpuint (g_utf8_strlen (plan_title, -1), >, 40);
    pango_layout_get_pixel_size (layout, &width, NULL);
    g_assert_cmpint (width, <=, gtk_widget_get_width (title));
  }
  g_assert_true (gtk_widget_get_mapped (file));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (file)), ==, name);
  g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (file))));
  tooltip = gtk_widget_get_tooltip_text (gtk_widget_get_parent (title));
  g_assert_nonnull (tooltip);
  g_assert_nonnull (strstr (tooltip, plan_title));
  g_assert_nonnull (strstr (tooltip, jln_document_get_path (document)));
  g_assert_cmpuint (count_page_tabs (header), ==, 5);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, window_title);
}

static void
test_plan_title_room (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GFile) file = g_file_new_for_path (fixture->path);
  JlnWindow *window;

  assert_plan_title_whole (fixture->window);
  /* Each of the five pages has its key, as the shortcuts window lists. */
  {
    static const char *pages[] = { "actions", "timeline", "indicators", "principles", "review" };

    for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
      {
        g_autofree char *action = g_strdup_printf ("win.page::%s", pages[i]);
        g_autofree char *key = g_strdup_printf ("<Alt>%u", i + 1);
        g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (application),
                                                                      action);

        g_assert_true (g_strv_contains ((const char * const *) accels, key));
      }
  }

  /* In French, whose words are longer, in a window made in French. */
  jln_test_set_language ("fr");
  window = jln_window_new (application);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  jln_window_open_file (window, file);
  jln_test_wait_for_document (window);
  g_assert_cmpint (jln_window_get_content_language (window), ==, JLN_LANG_FR);
  assert_plan_title_whole (window);

  /* In a narrow window the tabs go under the pages, and the title stays. */
  {
    GtkWidget *header = jln_test_find_child_of_type (GTK_WIDGET (window), ADW_TYPE_HEADER_BAR);
    GtkWidget *title = jln_test_find_widget (header, has_css_class, "heading");

    gtk_window_set_default_size (GTK_WINDOW (window), 760, 700);
    JLN_TEST_WAIT_UNTIL (count_page_tabs (header) == 0 &&
                         count_page_tabs (GTK_WIDGET (window)) == 5);
    wait_frames (GTK_WIDGET (window), 2);
    g_assert_true (gtk_widget_get_mapped (title));
    g_assert_cmpint (gtk_widget_get_width (title), >, gtk_widget_get_width (header) / 3);
  }
  gtk_window_destroy (GTK_WINDOW (window));
  jln_test_set_language ("en");
}

/* 5. The first start makes the user's copy of the example where they see
 * it, in Documents, under a name that says what it is; its banner can be
 * closed for good, and offers Save As. */
static void
test_first_run_copy (void)
{
  g_autofree char *example = jln_application_dup_example_path ();
  g_autofree char *documents = g_build_filename (g_get_home_dir (), "Documents", NULL);
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autofree char *dir = g_path_get_dirname (example);
  JlnWindow *window;
  GtkRevealer *banner;
  GtkWidget *close;

  g_assert_cmpstr (dir, ==, documents);
  g_assert_true (g_str_has_suffix (example, "/Inserm HRS4R action plan.jalons"));
  g_settings_set_string (settings, "last-plan", "");
  g_settings_reset (settings, "example-banner-dismissed");

  window = jln_window_new (application);
  jln_window_open_last (window);
  gtk_window_present (GTK_WINDOW (window));
  jln_test_wait_for_document (window);
  g_assert_cmpstr (jln_document_get_path (jln_window_get_document (window)), ==, example);
  g_assert_true (g_file_test (example, G_FILE_TEST_EXISTS));
  close = jln_test_find_widget (GTK_WIDGET (window), is_named_close, NULL);
  g_assert_nonnull (close);
  banner = GTK_REVEALER (gtk_widget_get_ancestor (close, GTK_TYPE_REVEALER));
  g_assert_true (gtk_revealer_get_reveal_child (banner));
  /* It offers to save the plan elsewhere. */
  {
    GtkWidget *save_as = jln_test_find_widget (GTK_WIDGET (banner), is_save_as, NULL);

    g_assert_nonnull (save_as);
  }
  g_signal_emit_by_name (close, "clicked");
  g_assert_false (gtk_revealer_get_reveal_child (banner));
  g_assert_true (g_settings_get_boolean (settings, "example-banner-dismissed"));
  gtk_window_destroy (GTK_WINDOW (window));

  /* Closed once, it stays closed. */
  window = jln_window_new (application);
  jln_window_open_last (window);
  gtk_window_present (GTK_WINDOW (window));
  jln_test_wait_for_document (window);
  g_assert_cmpstr (jln_document_get_path (jln_window_get_document (window)), ==, example);
  close = jln_test_find_widget (GTK_WIDGET (window), is_named_close, NULL);
  banner = GTK_REVEALER (gtk_widget_get_ancestor (close, GTK_TYPE_REVEALER));
  g_assert_false (gtk_revealer_get_reveal_child (banner));
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_settings_reset (settings, "example-banner-dismissed");
  g_settings_set_string (settings, "last-plan", "");
}

/* 6. A long title is shown whole in the list: it wraps, and its row grows. */
static void
test_titles_wrap (Fixture       *fixture,
                  gconstpointer  data)
{
  JlnObjective *objective = JLN_OBJECTIVE (jln_test_find_objective (fixture->document, "1"));
  GListModel *actions = jln_objective_get_actions (objective);
  JlnLang lang = jln_window_get_content_language (fixture->window);
  const char *title = "";
  PangoLayout *layout;
  int position;

  /* The longest title of objective 1. */
  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr(JlnAction) action = g_list_model_get_item (actions, i);
      const char *text = jln_text_get_fallback (jln_action_get_title (action), lang, NULL);

      if (text != NULL && strlen (text) > strlen (title))
        title = text;
    }
  g_assert_cmpuint (g_utf8_strlen (title, -1), >, 90);
  set_query (fixture, "objective:1");
  wait_frames (GTK_WIDGET (fixture->window), 3);
  position = jln_action_grid_find_shown (list_grid (fixture), JLN_ACTION_COLUMN_TITLE, title);
  g_assert_cmpint (position, >=, 0);
  layout = jln_action_grid_get_cell_layout (list_grid (fixture), position, JLN_ACTION_COLUMN_TITLE);
  g_assert_false (pango_layout_is_ellipsized (layout));
  g_assert_cmpint (pango_layout_get_line_count (layout), >, 1);
}

static void
save_page (Fixture    *fixture,
           GtkWidget  *widget,
           const char *name)
{
  const char * const *languages = g_get_language_names ();
  g_autoptr(GdkTexture) texture = NULL;

  wait_frames (GTK_WIDGET (fixture->window), 4);
  texture = jln_test_render_widget (widget);
  g_assert_nonnull (texture);
  jln_test_save_screenshot (texture, name, g_str_has_prefix (languages[0], "fr") ? "fr" : "en");
}

/* The list, the timeline, the presentation and the indicators at
 * 1280×800, in the interface's language, to be looked at. */
static void
test_screenshots (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkWindow *presentation;

  if (g_getenv ("JALONS_SCREENSHOT_DIR") == NULL)
    {
      g_test_skip ("set JALONS_SCREENSHOT_DIR to save screenshots");
      return;
    }
  jln_action_list_select (fixture->list, jln_test_find_action (fixture->document, "1.8"));
  g_assert_true (wait_until (fixture, list_settled));
  save_page (fixture, GTK_WIDGET (fixture->window), "first-hour-list");
  /* The editor's fields, whole, as scrolling them shows them. */
  {
    GtkWidget *editor = jln_test_find_child_of_type (GTK_WIDGET (fixture->window),
                                                     JLN_TYPE_ACTION_EDITOR);
    gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1280, 2400);
    jln_test_wait_for_allocation (editor);
    save_page (fixture, editor, "first-hour-editor");
    gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1280, 800);
    jln_test_wait_for_allocation (editor);
  }
  set_query (fixture, g_str_has_prefix (g_get_language_names ()[0], "fr") ? "en-retard" : "overdue");
  save_page (fixture, GTK_WIDGET (fixture->window), "first-hour-overdue");
  set_query (fixture, "");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.page", "s", "timeline"));
  g_assert_true (wait_until (fixture, timeline_shown));
  save_page (fixture, GTK_WIDGET (fixture->window), "first-hour-timeline");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "timeline.zoom", "s", "quarter"));
  save_page (fixture, GTK_WIDGET (fixture->window), "first-hour-quarters");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "timeline.zoom", "s", "semester"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.page", "s", "indicators"));
  save_page (fixture, GTK_WIDGET (fixture->window), "first-hour-indicators");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.present", NULL));
  g_assert_true (wait_until (fixture, presentation_shown));
  presentation = jln_timeline_view_get_presentation (fixture->view);
  save_page (fixture, GTK_WIDGET (presentation), "first-hour-presentation");
  gtk_window_destroy (presentation);

  /* The shortcuts window and the measurement dialog. */
  {
    GtkShortcutsWindow *shortcuts;
    JlnIndicatorDialog *dialog;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-help-overlay",
                                               NULL));
    shortcuts = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (fixture->window));
    g_assert_nonnull (shortcuts);
    jln_test_wait_for_mapped (GTK_WIDGET (shortcuts));
    save_page (fixture, GTK_WIDGET (shortcuts), "first-hour-shortcuts");
    g_object_set (shortcuts, "section-name", "viewing", NULL);
    jln_test_wait_for_idle (GTK_WIDGET (shortcuts));
    save_page (fixture, GTK_WIDGET (shortcuts), "first-hour-shortcuts-2");
    gtk_widget_set_visible (GTK_WIDGET (shortcuts), FALSE);
    g_object_set (shortcuts, "section-name", "plans", NULL);

    dialog = jln_indicator_dialog_new (GTK_WINDOW (fixture->window),
                                       jln_window_get_session (fixture->window),
                                       first_indicator_with_figures (fixture->document),
                                       JLN_KIND_MEASUREMENT, NULL);
    gtk_window_present (GTK_WINDOW (dialog));
    jln_test_wait_for_mapped (GTK_WIDGET (dialog));
    save_page (fixture, GTK_WIDGET (dialog), "first-hour-measurement");
    gtk_window_destroy (GTK_WINDOW (dialog));
  }
}

/* Smaller things: Delete deletes the selected row from the list; a right
 * click opens the row's menu, with Duplicate, Delete and Show in Timeline;
 * Delete is no longer in the Add menu. */
static void
test_delete_and_row_menu (Fixture       *fixture,
                          gconstpointer  data)
{
  GtkWidget *view = GTK_WIDGET (list_grid (fixture));
  GtkEventController *keys = find_controller (view, "jln-list-keys");
  JlnRecord *action = jln_test_find_action (fixture->document, "1.4");
  GtkShortcutAction *delete = NULL;
  GdkRectangle area;
  GtkWidget *popover;
  GMenuModel *model;
  gboolean seen[3] = { FALSE, FALSE, FALSE };

  g_assert_nonnull (keys);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (keys)); i++)
    {
      g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (keys), i);
      g_autofree char *trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));

      if (strstr (trigger, "Delete") != NULL && strstr (trigger, "Control") == NULL)
        delete = gtk_shortcut_get_action (shortcut);
    }
  g_assert_nonnull (delete);

  jln_action_list_select (fixture->list, action);
  g_assert_true (wait_until (fixture, list_settled));
  g_assert_true (gtk_shortcut_action_activate (delete, 0, view, NULL));
  g_assert_null (jln_test_find_action (fixture->document, "1.4"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  g_assert_true (wait_until (fixture, list_settled));
  g_assert_nonnull (jln_test_find_action (fixture->document, "1.4"));

  /* A right click on a row's cell. */
  {
    g_autoptr(GArray) positions = g_array_new (FALSE, FALSE, sizeof (guint));

    wait_frames (GTK_WIDGET (fixture->window), 3);
    collect_due_labels (list_grid (fixture), positions);
    g_assert_cmpuint (positions->len, >, 0);
    g_assert_true (jln_action_grid_get_cell_area (list_grid (fixture),
                                                  g_array_index (positions, guint, 0),
                                                  JLN_ACTION_COLUMN_DUE, &area));
  }
  {
    GtkEventController *click = find_controller (view, "jln-row-menu");

    g_assert_nonnull (click);
    g_signal_emit_by_name (click, "pressed", 1, area.x + 2.0, area.y + 2.0);
  }
  popover = jln_test_find_child_of_type (GTK_WIDGET (fixture->list), GTK_TYPE_POPOVER_MENU);
  g_assert_nonnull (popover);
  g_assert_true (gtk_widget_get_visible (popover));
  /* Shown, once no other window of the tests' X server holds the grab. */
  jln_test_popup (popover);
  g_assert_nonnull (jln_action_list_get_selected (fixture->list));
  model = gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (popover));
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *name = NULL;

      g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &name);
      seen[0] |= g_strcmp0 (name, "win.duplicate") == 0;
      seen[1] |= g_strcmp0 (name, "win.delete") == 0;
      seen[2] |= g_strcmp0 (name, "win.page") == 0;
    }
  g_assert_true (seen[0] && seen[1] && seen[2]);
  gtk_popover_popdown (GTK_POPOVER (popover));
  jln_test_wait_for_unmapped (popover);

  /* The Add menu adds. */
  {
    GtkWidget *add = jln_test_find_child_of_type (GTK_WIDGET (fixture->window), GTK_TYPE_MENU_BUTTON);
    GMenuModel *add_menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (add));

    for (int i = 0; i < g_menu_model_get_n_items (add_menu); i++)
      {
        g_autoptr(GMenuModel) section = g_menu_model_get_item_link (add_menu, i, G_MENU_LINK_SECTION);

        for (int j = 0; section != NULL && j < g_menu_model_get_n_items (section); j++)
          {
            g_autofree char *name = NULL;

            g_menu_model_get_item_attribute (section, j, G_MENU_ATTRIBUTE_ACTION, "s", &name);
            g_assert_cmpstr (name, !=, "win.delete");
          }
      }
  }
}

static gboolean
menu_has_item (GMenuModel *model,
               const char *action,
               const char *target)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *name = NULL;
      g_autofree char *value = NULL;
      g_autoptr(GMenuLinkIter) links = g_menu_model_iterate_item_links (model, i);

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &name) &&
          g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_TARGET, "s", &value) &&
          g_str_equal (name, action) && g_str_equal (value, target))
        return TRUE;
      while (g_menu_link_iter_next (links))
        {
          g_autoptr(GMenuModel) link = g_menu_link_iter_get_value (links);

          if (menu_has_item (link, action, target))
            return TRUE;
        }
    }
  return FALSE;
}

static gboolean
is_primary_menu (GtkWidget     *widget,
                 gconstpointer  data)
{
  return GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_primary (GTK_MENU_BUTTON (widget));
}

/* Smaller things: with Automatic chosen for the plan's language, the menu
 * has an Automatic item, checked. */
static void
test_plan_language_menu (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkWidget *button = jln_test_find_widget (GTK_WIDGET (fixture->window), is_primary_menu, NULL);
  g_autoptr(GVariant) state = NULL;

  g_assert_nonnull (button);
  g_assert_true (menu_has_item (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button)),
                                "win.content-language", "auto"));
  state = g_action_group_get_action_state (G_ACTION_GROUP (fixture->window), "content-language");
  g_assert_nonnull (state);
  g_assert_cmpstr (g_variant_get_string (state, NULL), ==, "auto");

  /* Plan texts in English in a French interface: the semesters stay in
   * the interface's French. */
  jln_test_set_language ("fr");
  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "content-language",
                                  g_variant_new_string ("en"));
  /* Rows made anew, as when the interface starts in French. */
  set_query (fixture, "objective:2");
  wait_frames (GTK_WIDGET (fixture->window), 3);
  set_query (fixture, "objective:1");
  wait_frames (GTK_WIDGET (fixture->window), 3);
  {
    g_autoptr(GArray) positions = g_array_new (FALSE, FALSE, sizeof (guint));
    guint french = 0;

    collect_due_labels (list_grid (fixture), positions);
    for (guint i = 0; i < positions->len; i++)
      {
        g_autofree char *text = jln_action_grid_dup_cell_text (list_grid (fixture),
                                                               g_array_index (positions, guint, i),
                                                               JLN_ACTION_COLUMN_DUE);

        g_assert_null (strstr (text, "nd sem."));
        g_assert_null (strstr (text, "st sem."));
        french += strstr (text, "e sem.") != NULL || strstr (text, "er sem.") != NULL;
      }
    g_assert_cmpuint (french, >, 0);
  }
  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "content-language",
                                  g_variant_new_string ("auto"));
  jln_test_set_language ("en");
}

/* The status words of the rows the list shows on screen. */
static void
collect_status_texts (GtkWidget *list,
                      GPtrArray *texts)
{
  JlnActionGrid *grid = JLN_ACTION_GRID (jln_test_find_child_of_type (list, JLN_TYPE_ACTION_GRID));
  GListModel *rows = G_LIST_MODEL (jln_action_grid_get_model (grid));

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      char *text = jln_action_grid_dup_cell_text (grid, i, JLN_ACTION_COLUMN_STATUS);

      if (text != NULL && text[0] != '\0')
        g_ptr_array_add (texts, text);
      else
        g_free (text);
    }
}

/* The interface switched to French while the program runs (as the
 * tests do): the status words of the core, and the list of a window
 * opened after it, are French, as after a French start-up. */
static void
test_french_after_switch (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GFile) file = g_file_new_for_path (fixture->path);
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  JlnWindow *window;
  GtkWidget *list;
  guint french = 0;

  /* Every status word seen in English first. */
  collect_status_texts (GTK_WIDGET (fixture->list), texts);
  g_assert_cmpuint (texts->len, >, 0);
  g_ptr_array_set_size (texts, 0);

  jln_test_set_language ("fr");
  {
    JlnRecord *action = jln_test_find_action (fixture->document, "1.1");
    g_autofree char *status_text = jln_record_dup_status_text (action);
    JlnStatus status;

    g_assert_true (jln_record_get_status (action, &status));
    g_assert_cmpstr (status_text, ==, jln_status_get_label_in (status, JLN_LANG_FR));
    g_assert_cmpstr (jln_status_get_label (JLN_STATUS_IN_PROGRESS), ==, "En cours");
  }
  window = jln_window_new (application);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  jln_window_open_file (window, file);
  jln_test_wait_for_document (window);
  list = jln_window_get_action_list (window);
  JLN_TEST_WAIT_UNTIL (!jln_action_list_get_pending (JLN_ACTION_LIST (list)) &&
                       gtk_widget_get_mapped (list));
  wait_frames (GTK_WIDGET (window), 3);
  collect_status_texts (list, texts);
  g_assert_cmpuint (texts->len, >, 0);
  for (guint i = 0; i < texts->len; i++)
    {
      const char *text = g_ptr_array_index (texts, i);

      g_test_message ("%s", text);
      g_assert_false (g_str_has_prefix (text, "Done"));
      g_assert_false (g_str_has_prefix (text, "In progress"));
      g_assert_false (g_str_has_prefix (text, "Planned"));
      french += g_str_has_prefix (text, "Réalisée") || g_str_has_prefix (text, "En cours") ||
                g_str_has_prefix (text, "Prévue");
    }
  g_assert_cmpuint (french, >, 0);
  gtk_window_destroy (GTK_WINDOW (window));
  jln_test_set_language ("en");
}

/* Smaller things: the file name offered to export the timeline is short,
 * and names the view whole. */
static void
test_export_name (Fixture       *fixture,
                  gconstpointer  data)
{
  GListModel *toplevels;
  JlnExportDialog *dialog = NULL;
  g_autofree char *name = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.page", "s", "timeline"));
  g_assert_true (wait_until (fixture, timeline_shown));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.export-view", NULL));
  toplevels = gtk_window_get_toplevels ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (JLN_IS_EXPORT_DIALOG (window))
        dialog = JLN_EXPORT_DIALOG (window);
    }
  g_assert_nonnull (dialog);
  name = jln_export_dialog_dup_suggested_name (dialog);
  g_assert_true (g_str_has_prefix (name, "HRS4R at Inserm – Timeline "));
  g_assert_cmpuint (g_utf8_strlen (name, -1), <, 50);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
collect_check_labels (GtkWidget *widget,
                      GPtrArray *labels)
{
  if (GTK_IS_TOGGLE_BUTTON (widget))
    {
      g_ptr_array_add (labels, g_strdup (gtk_button_get_label (GTK_BUTTON (widget))));
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_check_labels (child, labels);
}

/* Smaller things: the unit filter lists the units in the order of their
 * codes, and a filter button's tooltip stays out of its open menu. */
static void
test_unit_filter_menu (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkWidget *button = list_child (fixture, "unit_button");
  GtkPopover *popover;
  g_autoptr(GPtrArray) codes = g_ptr_array_new_with_free_func (g_free);

  popover = GTK_POPOVER (jln_test_popup (button));
  g_assert_nonnull (popover);
  g_assert_false (gtk_widget_get_has_tooltip (button));
  /* One toggle button per unit, "RH — Ressources humaines". */
  collect_check_labels (GTK_WIDGET (popover), codes);
  for (guint i = 0; i < codes->len; i++)
    {
      char *label = g_ptr_array_index (codes, i);
      char *dash = strstr (label, " — ");

      if (dash != NULL)
        *dash = '\0';
    }
  g_assert_cmpuint (codes->len, >, 5);
  for (guint i = 1; i < codes->len; i++)
    {
      g_autofree char *a = g_utf8_casefold (g_ptr_array_index (codes, i - 1), -1);
      g_autofree char *b = g_utf8_casefold (g_ptr_array_index (codes, i), -1);

      g_assert_cmpint (g_utf8_collate (a, b), <=, 0);
    }
  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
  g_assert_true (gtk_widget_get_has_tooltip (button));
  jln_test_wait_for_unmapped (GTK_WIDGET (popover));
}

/* Smaller things: the editor shows status, title, dates and units on one
 * screen at 1280×800; the rarely used fields fold under More Details. */
static void
test_editor_one_screen (Fixture       *fixture,
                        gconstpointer  data)
{
  GtkWidget *editor = jln_test_find_child_of_type (GTK_WIDGET (fixture->window), JLN_TYPE_ACTION_EDITOR);
  GtkWidget *scrolled, *units, *theme, *details;
  graphene_rect_t bounds;

  jln_action_list_select (fixture->list, jln_test_find_action (fixture->document, "1.4"));
  g_assert_true (wait_until (fixture, list_settled));
  wait_frames (GTK_WIDGET (fixture->window), 3);
  scrolled = jln_test_find_child_of_type (editor, GTK_TYPE_SCROLLED_WINDOW);
  units = jln_test_find_widget (editor, is_named, "units");
  theme = jln_test_find_widget (editor, is_named, "theme-fr");
  details = jln_test_find_widget (editor, is_named, "details");
  g_assert_nonnull (scrolled);
  g_assert_nonnull (units);
  g_assert_nonnull (theme);
  g_assert_nonnull (details);
  g_assert_true (gtk_widget_compute_bounds (units, scrolled, &bounds));
  g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, gtk_widget_get_height (scrolled));
  g_assert_false (gtk_widget_get_mapped (theme));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (details), TRUE);
  wait_frames (GTK_WIDGET (fixture->window), 3);
  g_assert_true (gtk_widget_get_mapped (theme));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *home = g_dir_make_tmp ("jalons-first-hour-XXXXXX", NULL);
  g_autofree char *data_home = g_build_filename (home, "data", NULL);
  int status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, BUILD_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_setenv ("HOME", home, TRUE);
  g_setenv ("XDG_CONFIG_HOME", data_home, TRUE);
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();
  jln_test_load_style ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  application = jln_application_new (G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (application), NULL, &error);
  g_assert_no_error (error);

#define ADD(path, func) \
  g_test_add ("/gui/first-hour/" path, Fixture, NULL, \
              jln_test_timeline_fixture_setup, func, jln_test_timeline_fixture_teardown)
  ADD ("present-then-search", test_present_then_search);
  ADD ("shortcuts", test_shortcuts);
  ADD ("measurement-needs-value", test_measurement_needs_value);
  ADD ("french-query", test_french_query);
  ADD ("done-proposes-completion", test_done_proposes_completion);
  ADD ("list-shows-first-match", test_list_shows_first_match);
  ADD ("overdue-mark", test_overdue_mark);
  ADD ("plan-in-header", test_plan_in_header);
  ADD ("plan-title-room", test_plan_title_room);
  ADD ("titles-wrap", test_titles_wrap);
  ADD ("delete-and-row-menu", test_delete_and_row_menu);
  ADD ("plan-language-menu", test_plan_language_menu);
  ADD ("export-name", test_export_name);
  ADD ("french-after-switch", test_french_after_switch);
  ADD ("unit-filter-menu", test_unit_filter_menu);
  ADD ("editor-one-screen", test_editor_one_screen);
  ADD ("screenshots", test_screenshots);
#undef ADD
  g_test_add_func ("/gui/first-hour/first-run-copy", test_first_run_copy);

  status = g_test_run ();
  g_clear_object (&application);
  jln_test_remove_tree (home);
  return status;
}
