/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "jln-action.h"
#include "jln-action-item.h"
#include "jln-application.h"
#include "jln-changes-window.h"
#include "jln-objective.h"
#include "jln-plan.h"

#include "jln-test-gui-utils.h"

typedef struct
{
  char        *dir;
  char        *path;
  JlnDocument *document;
  GDateTime   *since;   /* before the edits of the setup */
  GDateTime   *after;   /* after them */
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *bundled = jln_application_dup_bundled_plan ();
  g_autoptr(JlnRecord) added = NULL;
  JlnRecord *objective;
  JlnRecord *item;
  GListModel *items;
  guint n_actions;

  fixture->document = jln_test_import_plan (bundled, "jalons-changes-window-XXXXXX",
                                            &fixture->dir, &fixture->path);

  fixture->since = jln_test_now_between ();

  /* Added. */
  objective = jln_test_find_objective (fixture->document, "6");
  added = jln_record_new (JLN_KIND_ACTION,
                          "number", "6.5",
                          "title-fr", "Former les jurys aux biais de genre",
                          "title-en", "Train selection committees on gender bias",
                          "due", "2023-S2",
                          NULL);
  n_actions = g_list_model_get_n_items (jln_objective_get_actions (JLN_OBJECTIVE (objective)));
  jln_test_apply (fixture->document, jln_edit_new_insert (objective, added, n_actions));
  /* Completed: an action, and a sub-item. */
  jln_test_set_field (fixture->document, "1.4", "status", "done");
  jln_test_set_field (fixture->document, "1.4", "completion", "2022");
  items = jln_action_get_items (JLN_ACTION (jln_test_find_action (fixture->document, "1.8")));
  item = g_list_model_get_item (items, 0);
  jln_test_apply (fixture->document, jln_edit_new_set (item, "status", "done"));
  jln_test_apply (fixture->document, jln_edit_new_set (item, "completion", "2022-S2"));
  g_object_unref (item);
  /* Re-planned, later and earlier. */
  jln_test_set_field (fixture->document, "1.5", "due", "2023-S2");
  jln_test_set_field (fixture->document, "3.14", "due", "2023-S1");
  /* Edited. */
  jln_test_set_field (fixture->document, "3.3", "title-en",
                      "Recognise the status of family carers");
  jln_test_set_field (fixture->document, "3.3", "title-fr",
                      "Reconnaître le statut des aidants familiaux");
  jln_test_set_field (fixture->document, "2.3", "note-en", "See the 2023 review");
  /* Removed. */
  jln_test_apply (fixture->document,
                  jln_edit_new_remove (jln_test_find_action (fixture->document, "8.1")));

  fixture->after = jln_test_now_between ();
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_object (&fixture->document);
  jln_test_clear_plan_dir (&fixture->dir, &fixture->path);
  g_clear_pointer (&fixture->since, g_date_time_unref);
  g_clear_pointer (&fixture->after, g_date_time_unref);
}

static gboolean
is_named (GtkWidget     *widget,
          gconstpointer  name)
{
  return g_strcmp0 (gtk_widget_get_name (widget), name) == 0;
}

static gboolean
has_id (GtkWidget     *widget,
        gconstpointer  id)
{
  return g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget)), id) == 0;
}

static GtkWidget *
find_by_id (GtkWidget  *widget,
            const char *id)
{
  return jln_test_find_widget (widget, has_id, id);
}

static void
collect_rows (GtkWidget *widget,
              GPtrArray *rows)
{
  if (ADW_IS_ACTION_ROW (widget) && !ADW_IS_COMBO_ROW (widget) &&
      gtk_widget_get_visible (widget))
    g_ptr_array_add (rows, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_rows (child, rows);
}

/* The row of a change whose title starts with @prefix and whose
 * subtitle has @subtitle_part. */
static AdwActionRow *
find_row (GtkWidget  *window,
          const char *prefix,
          const char *subtitle_part)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect_rows (window, rows);
  for (guint i = 0; i < rows->len; i++)
    {
      AdwActionRow *row = g_ptr_array_index (rows, i);
      const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
      const char *subtitle = adw_action_row_get_subtitle (row);

      if (g_str_has_prefix (title, prefix) &&
          (subtitle_part == NULL || (subtitle != NULL && strstr (subtitle, subtitle_part) != NULL)))
        return row;
    }
  return NULL;
}

/* With JALONS_SCREENSHOT_DIR set, renders @window to NAME-LANGUAGE.png
 * there; @height, when not 0, makes the window that tall first. */
static void
save_screenshot (GtkWidget  *window,
                 const char *name,
                 int         height)
{
  const char *language = g_getenv ("LANGUAGE");
  g_autoptr(GdkTexture) texture = NULL;

  if (g_getenv ("JALONS_SCREENSHOT_DIR") == NULL)
    return;

  if (height > 0)
    gtk_window_set_default_size (GTK_WINDOW (window), 640, height);
  gtk_window_present (GTK_WINDOW (window));
  jln_test_wait_for_mapped (window);
  jln_test_wait_for_idle (window);

  texture = jln_test_render_widget (window);
  g_assert_nonnull (texture);
  jln_test_save_screenshot (texture, name, language != NULL ? language : "C");
}

/* A popover is a surface of its own: renders it alone. */
static void
save_popover_screenshot (GtkWidget  *popover,
                         const char *name)
{
  const char *language = g_getenv ("LANGUAGE");
  g_autoptr(GdkTexture) texture = NULL;

  if (g_getenv ("JALONS_SCREENSHOT_DIR") == NULL)
    return;

  jln_test_popup (popover);
  jln_test_wait_for_idle (popover);

  texture = jln_test_render_widget (popover);
  if (texture != NULL)
    jln_test_save_screenshot (texture, name, language != NULL ? language : "C");
  gtk_popover_popdown (GTK_POPOVER (popover));
  jln_test_wait_for_unmapped (popover);
}

static gboolean
english (void)
{
  return g_str_has_prefix (g_get_language_names ()[0], "en") ||
         g_str_equal (g_get_language_names ()[0], "C");
}

/* The changes window of @document, as opened from a window whose plan is
 * shown in @lang. */
static GtkWidget *
new_changes_window (GtkWindow   *parent,
                    JlnDocument *document,
                    JlnLang      lang)
{
  g_autoptr(JlnSession) session = jln_session_new ();

  jln_session_set_content_language (session, lang);
  jln_session_set_document (session, document);
  return jln_changes_window_new (parent, session);
}

/* What the window opened from would do when its language changes. */
static void
set_content_language (GtkWidget *window,
                      JlnLang    lang)
{
  g_autoptr(JlnSession) session = NULL;

  g_object_get (window, "session", &session, NULL);
  jln_session_set_content_language (session, lang);
}

static void
test_list (Fixture       *fixture,
           gconstpointer  data)
{
  GtkWidget *window = new_changes_window (NULL, fixture->document, JLN_LANG_EN);
  GtkWidget *summary;
  AdwActionRow *row;

  jln_changes_window_set_since (JLN_CHANGES_WINDOW (window), fixture->since);
  g_assert_true (g_date_time_equal (jln_changes_window_get_since (JLN_CHANGES_WINDOW (window)),
                                    fixture->since));

  if (english ())
    g_assert_cmpstr (jln_changes_window_get_summary (JLN_CHANGES_WINDOW (window)), ==,
                     "1 added, 2 completed, 2 re-planned, 2 edited, 1 removed");
  summary = find_by_id (window, "summary_label");
  g_assert_nonnull (summary);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (summary)), ==,
                   jln_changes_window_get_summary (JLN_CHANGES_WINDOW (window)));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (find_by_id (window, "stack"))),
                   ==, "changes");

  /* Re-planned later and earlier, with the shift. */
  row = find_row (window, "1.5 ", "+2");
  g_assert_nonnull (row);
  if (english ())
    g_assert_cmpstr (adw_action_row_get_subtitle (row), ==,
                     "2nd sem. 2022 → 2nd sem. 2023 (+2 semesters)");
  row = find_row (window, "3.14 ", "−1");
  g_assert_nonnull (row);
  if (english ())
    g_assert_cmpstr (adw_action_row_get_subtitle (row), ==,
                     "2nd sem. 2023 → 1st sem. 2023 (−1 semester)");

  /* Added and removed, with their titles; completed with their completion. */
  g_assert_nonnull (find_row (window, "6.5 Train selection committees", NULL));
  g_assert_nonnull (find_row (window, "8.1 Carry out a self-assessment", NULL));
  g_assert_nonnull (find_row (window, "1.4 ", "2022"));
  g_assert_nonnull (find_row (window, "1.8 a. ", "2022"));

  /* Edited, with the names of the fields. */
  row = find_row (window, "3.3 ", NULL);
  g_assert_nonnull (row);
  if (english ())
    {
      g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, "Changed: title");
      g_assert_cmpstr (adw_action_row_get_subtitle (find_row (window, "2.3 ", NULL)), ==,
                       "Changed: note");
    }

  /* Plan content is plain text, in the content language. */
  g_assert_false (adw_preferences_row_get_use_markup (ADW_PREFERENCES_ROW (row)));
  set_content_language (window, JLN_LANG_FR);
  g_assert_nonnull (find_row (window, "3.3 Reconnaître le statut des aidants familiaux", NULL));
  g_assert_nonnull (find_row (window, "8.1 Mettre en place une auto-évaluation", NULL));

  /* Screenshots show the plan in the language of the interface. */
  set_content_language (window, english () ? JLN_LANG_EN : JLN_LANG_FR);
  save_screenshot (window, "changes-window", 0);
  save_screenshot (window, "changes-window-tall", 1180);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* What the report to a steering committee adds: the measurements entered,
 * the actions overdue and the progress notes of the period; and the
 * buttons that export and print it. */
static void
test_report (Fixture       *fixture,
             gconstpointer  data)
{
  JlnPlan *plan = jln_document_get_plan (fixture->document);
  JlnRecord *indicator = jln_test_find_record (jln_plan_get_indicators (plan), "number", "1");
  JlnRecord *action = jln_test_find_action (fixture->document, "2.7");
  g_autoptr(JlnRecord) measurement = jln_record_new (JLN_KIND_MEASUREMENT, "date", "2022-12-31",
                                                     "value", "35", NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autoptr(JlnRecord) note = jln_record_new (JLN_KIND_NOTE, "date", today, "author", "DRH",
                                              "text-en", "Two <b>workshops</b> held", NULL);
  GtkWidget *window;
  AdwActionRow *row;

  jln_test_apply (fixture->document, jln_edit_new_insert (indicator, measurement, 0));
  jln_test_apply (fixture->document, jln_edit_new_insert (action, note, 0));
  window = new_changes_window (NULL, fixture->document, JLN_LANG_EN);
  jln_changes_window_set_since (JLN_CHANGES_WINDOW (window), fixture->since);

  if (english ())
    g_assert_cmpstr (jln_changes_window_get_summary (JLN_CHANGES_WINDOW (window)), ==,
                     "1 added, 2 completed, 2 re-planned, 2 edited, 1 removed, 1 measurement entered");
  row = find_row (window, "1 ", "2022-12-31: 35");
  g_assert_nonnull (row);
  row = find_row (window, "2.7 Two <b>workshops</b> held", "DRH");
  g_assert_nonnull (row);
  g_assert_false (adw_preferences_row_get_use_markup (ADW_PREFERENCES_ROW (row)));
  g_assert_nonnull (jln_test_find_widget (window, is_named, "overdue"));
  g_assert_true (gtk_widget_is_sensitive (jln_test_find_widget (window, is_named, "report-export")));
  g_assert_true (gtk_widget_is_sensitive (jln_test_find_widget (window, is_named, "report-print")));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  GtkWidget *window = new_changes_window (NULL, fixture->document, JLN_LANG_EN);
  GtkWidget *empty;

  jln_changes_window_set_since (JLN_CHANGES_WINDOW (window), fixture->after);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (find_by_id (window, "stack"))),
                   ==, "empty");
  empty = find_by_id (window, "empty_page");
  g_assert_nonnull (empty);
  if (english ())
    {
      g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (empty)), ==, "No Changes");
      g_assert_true (g_str_has_prefix (adw_status_page_get_description (ADW_STATUS_PAGE (empty)),
                                       "Nothing has changed in the plan since "));
    }
  g_assert_null (find_row (window, "1.5 ", NULL));

  save_screenshot (window, "changes-window-empty", 0);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_presets (Fixture       *fixture,
              gconstpointer  data)
{
  GtkWidget *window = new_changes_window (NULL, fixture->document, JLN_LANG_EN);
  AdwComboRow *since_row = ADW_COMBO_ROW (find_by_id (window, "since_row"));
  GListModel *model = adw_combo_row_get_model (since_row);
  g_autoptr(GDateTime) renewal = g_date_time_new_local (2022, 3, 1, 0, 0, 0);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDateTime *since;
  GtkWidget *note;
  guint n = g_list_model_get_n_items (model);

  /* The plan's past milestones, newest first, then the last days and a
   * date of one's choice. */
  g_assert_cmpuint (n, ==, 6);
  if (english ())
    {
      const char *expected[] = {
        "Since the renewal of the award (Mar. 2022)",
        "Since the internal evaluation (Dec. 2018)",
        "Since the first submission (May 2016)",
        "Last 7 days",
        "Last 30 days",
        "Since a date of your choice",
      };

      for (guint i = 0; i < n; i++)
        g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (model), i), ==, expected[i]);
    }

  /* By default, since the last milestone: the edits of the day are
   * listed, and a note says that the file knows nothing older. */
  g_assert_cmpuint (adw_combo_row_get_selected (since_row), ==, 0);
  g_assert_true (g_date_time_equal (jln_changes_window_get_since (JLN_CHANGES_WINDOW (window)),
                                    renewal));
  g_assert_nonnull (find_row (window, "1.5 ", "+2"));
  note = find_by_id (window, "history_note");
  g_assert_true (gtk_widget_get_visible (note));
  g_assert_false (gtk_widget_get_visible (find_by_id (window, "date_row")));
  save_screenshot (window, "changes-window-milestone", 0);
  if (g_getenv ("JALONS_SCREENSHOT_DIR") != NULL)
    save_popover_screenshot (jln_test_find_child_of_type (GTK_WIDGET (since_row), GTK_TYPE_POPOVER),
                             "changes-window-periods");

  /* The last 7 days. */
  adw_combo_row_set_selected (since_row, 3);
  since = jln_changes_window_get_since (JLN_CHANGES_WINDOW (window));
  g_assert_cmpint (g_date_time_difference (now, since), >=,
                   7 * G_TIME_SPAN_DAY - G_TIME_SPAN_MINUTE);
  g_assert_cmpint (g_date_time_difference (now, since), <=,
                   7 * G_TIME_SPAN_DAY + G_TIME_SPAN_MINUTE);
  g_assert_nonnull (find_row (window, "1.5 ", "+2"));

  /* A date of one's choice: the calendar shows it, and choosing a day
   * lists the changes from its start. */
  adw_combo_row_set_selected (since_row, 5);
  g_assert_true (gtk_widget_get_visible (find_by_id (window, "date_row")));
  since = jln_changes_window_get_since (JLN_CHANGES_WINDOW (window));
  g_assert_cmpint (g_date_time_get_hour (since), ==, 0);
  {
    GtkCalendar *calendar = GTK_CALENDAR (find_by_id (window, "calendar"));
    g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);
    g_autoptr(GDateTime) shown = NULL;

    if (calendar == NULL)
      {
        GtkMenuButton *button = GTK_MENU_BUTTON (find_by_id (window, "date_button"));

        calendar = GTK_CALENDAR (find_by_id (GTK_WIDGET (gtk_menu_button_get_popover (button)),
                                             "calendar"));
      }
    g_assert_nonnull (calendar);
    shown = gtk_calendar_get_date (calendar);
    g_assert_cmpint (g_date_time_get_day_of_year (shown), ==, g_date_time_get_day_of_year (since));

    gtk_calendar_select_day (calendar, tomorrow);
    g_signal_emit_by_name (calendar, "day-selected");
    since = jln_changes_window_get_since (JLN_CHANGES_WINDOW (window));
    g_assert_cmpint (g_date_time_get_day_of_month (since), ==,
                     g_date_time_get_day_of_month (tomorrow));
    g_assert_cmpint (g_date_time_get_hour (since), ==, 0);
    g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (find_by_id (window, "stack"))),
                     ==, "empty");
    if (g_getenv ("JALONS_SCREENSHOT_DIR") != NULL)
      save_popover_screenshot (gtk_widget_get_ancestor (GTK_WIDGET (calendar), GTK_TYPE_POPOVER),
                               "changes-window-calendar");
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_escape_closes (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkWidget *parent = gtk_window_new ();
  GtkWidget *window = new_changes_window (GTK_WINDOW (parent), fixture->document, JLN_LANG_FR);
  GtkWidget *weak = window;

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &weak);
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (window)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (window)) == GTK_WINDOW (parent));

  gtk_window_present (GTK_WINDOW (window));
  jln_test_wait_for_mapped (window);
  g_assert_true (gtk_widget_get_mapped (window));

  /* Escape, as GTK delivers it: through the shortcuts of the window's class. */
  {
    GListModel *controllers = gtk_widget_observe_controllers (window);
    gboolean closed = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (controllers) && !closed; i++)
      {
        g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

        if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
          continue;
        for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)) && !closed; j++)
          {
            g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
            g_autoptr(GtkShortcutTrigger) escape = gtk_keyval_trigger_new (GDK_KEY_Escape, 0);

            if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), escape))
              closed = gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0,
                                                     window, gtk_shortcut_get_arguments (shortcut));
          }
      }
    g_object_unref (controllers);
    g_assert_true (closed);
  }
  JLN_TEST_WAIT_UNTIL (weak == NULL);
  g_assert_null (weak);
  gtk_window_destroy (GTK_WINDOW (parent));
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("JALONS_LOCALEDIR");

  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : BUILD_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_add ("/gui/changes-window/list", Fixture, NULL,
              fixture_setup, test_list, fixture_teardown);
  g_test_add ("/gui/changes-window/report", Fixture, NULL,
              fixture_setup, test_report, fixture_teardown);
  g_test_add ("/gui/changes-window/empty", Fixture, NULL,
              fixture_setup, test_empty, fixture_teardown);
  g_test_add ("/gui/changes-window/presets", Fixture, NULL,
              fixture_setup, test_presets, fixture_teardown);
  g_test_add ("/gui/changes-window/escape-closes", Fixture, NULL,
              fixture_setup, test_escape_closes, fixture_teardown);

  return g_test_run ();
}
