/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "jln-action.h"
#include "jln-action-item.h"
#include "jln-application.h"
#include "jln-changes-window.h"
#include "jln-objective.h"

typedef struct
{
  char        *dir;
  char        *path;
  JlnDocument *document;
  GDateTime   *since;   /* before the edits of the setup */
  GDateTime   *after;   /* after them */
} Fixture;

static JlnRecord *
find_action (JlnDocument *document,
             const char  *number)
{
  GListModel *objectives = jln_plan_get_objectives (jln_document_get_plan (document));

  for (guint i = 0; i < g_list_model_get_n_items (objectives); i++)
    {
      g_autoptr(JlnObjective) objective = g_list_model_get_item (objectives, i);
      GListModel *actions = jln_objective_get_actions (objective);

      for (guint j = 0; j < g_list_model_get_n_items (actions); j++)
        {
          g_autoptr(JlnAction) action = g_list_model_get_item (actions, j);

          if (g_str_equal (jln_action_get_number (action), number))
            return JLN_RECORD (action);
        }
    }
  return NULL;
}

static JlnRecord *
find_objective (JlnDocument *document,
                const char  *number)
{
  GListModel *objectives = jln_plan_get_objectives (jln_document_get_plan (document));

  for (guint i = 0; i < g_list_model_get_n_items (objectives); i++)
    {
      g_autoptr(JlnObjective) objective = g_list_model_get_item (objectives, i);

      if (g_str_equal (jln_objective_get_number (objective), number))
        return JLN_RECORD (objective);
    }
  return NULL;
}

static void
apply (JlnDocument *document,
       JlnEdit     *edit)
{
  g_autoptr(JlnEdit) owned = edit;
  g_autoptr(GError) error = NULL;

  g_assert_true (jln_document_apply (document, owned, &error));
  g_assert_no_error (error);
}

static void
set_field (JlnDocument *document,
           const char  *number,
           const char  *field,
           const char  *value)
{
  JlnRecord *action = find_action (document, number);

  g_assert_nonnull (action);
  apply (document, jln_edit_new_set (action, field, value));
}

static GDateTime *
now_between (void)
{
  GDateTime *now;

  g_usleep (2000);
  now = g_date_time_new_now_utc ();
  g_usleep (2000);
  return now;
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *bundled = jln_application_dup_bundled_plan ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JlnRecord) added = NULL;
  JlnRecord *objective;
  JlnRecord *item;
  GListModel *items;
  guint n_actions;

  fixture->dir = g_dir_make_tmp ("jalons-changes-window-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "plan.jalons", NULL);
  fixture->document = jln_document_import (bundled, fixture->path, &error);
  g_assert_no_error (error);

  fixture->since = now_between ();

  /* Added. */
  objective = find_objective (fixture->document, "6");
  added = jln_record_new (JLN_KIND_ACTION,
                          "number", "6.5",
                          "title-fr", "Former les jurys aux biais de genre",
                          "title-en", "Train selection committees on gender bias",
                          "due", "2023-S2",
                          NULL);
  n_actions = g_list_model_get_n_items (jln_objective_get_actions (JLN_OBJECTIVE (objective)));
  apply (fixture->document, jln_edit_new_insert (objective, added, n_actions));
  /* Completed: an action, and a sub-item. */
  set_field (fixture->document, "1.4", "status", "done");
  set_field (fixture->document, "1.4", "completion", "2022");
  items = jln_action_get_items (JLN_ACTION (find_action (fixture->document, "1.8")));
  item = g_list_model_get_item (items, 0);
  apply (fixture->document, jln_edit_new_set (item, "status", "done"));
  apply (fixture->document, jln_edit_new_set (item, "completion", "2022-S2"));
  g_object_unref (item);
  /* Re-planned, later and earlier. */
  set_field (fixture->document, "1.5", "due", "2023-S2");
  set_field (fixture->document, "3.14", "due", "2023-S1");
  /* Edited. */
  set_field (fixture->document, "3.3", "title-en", "Recognise the status of family carers");
  set_field (fixture->document, "3.3", "title-fr", "Reconnaître le statut des aidants familiaux");
  set_field (fixture->document, "2.3", "note-en", "See the 2023 review");
  /* Removed. */
  apply (fixture->document, jln_edit_new_remove (find_action (fixture->document, "8.1")));

  fixture->after = now_between ();
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_clear_object (&fixture->document);
  dir = g_dir_open (fixture->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (fixture->dir, name, NULL);

      g_remove (child);
    }
  g_rmdir (fixture->dir);
  g_clear_pointer (&fixture->since, g_date_time_unref);
  g_clear_pointer (&fixture->after, g_date_time_unref);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static void
iterate (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (10000);
    }
}

static GtkWidget *
find_by_id (GtkWidget  *widget,
            const char *id)
{
  if (g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget)), id) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by_id (child, id);

      if (found != NULL)
        return found;
    }
  return NULL;
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
  const char *dir = g_getenv ("JALONS_SCREENSHOT_DIR");
  const char *language = g_getenv ("LANGUAGE");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  int width;

  if (dir == NULL)
    return;

  if (height > 0)
    gtk_window_set_default_size (GTK_WINDOW (window), 640, height);
  gtk_window_present (GTK_WINDOW (window));
  for (guint i = 0; i < 100 && !gtk_widget_get_mapped (window); i++)
    iterate (20);
  iterate (500);

  width = gtk_widget_get_width (window);
  height = gtk_widget_get_height (window);
  paintable = gtk_widget_paintable_new (window);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  file = g_strdup_printf ("%s-%s.png", name, language != NULL ? language : "C");
  path = g_build_filename (dir, file, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}

static GtkWidget *
find_child_of_type (GtkWidget *widget,
                    GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_child_of_type (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A popover is a surface of its own: renders it alone. */
static void
save_popover_screenshot (GtkWidget  *popover,
                         const char *name)
{
  const char *dir = g_getenv ("JALONS_SCREENSHOT_DIR");
  const char *language = g_getenv ("LANGUAGE");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  int width, height;

  if (dir == NULL)
    return;

  gtk_popover_popup (GTK_POPOVER (popover));
  for (guint i = 0; i < 100 && !gtk_widget_get_mapped (popover); i++)
    iterate (20);
  iterate (300);

  width = gtk_widget_get_width (popover);
  height = gtk_widget_get_height (popover);
  paintable = gtk_widget_paintable_new (popover);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node != NULL)
    {
      texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (popover)), node,
                                             &GRAPHENE_RECT_INIT (0, 0, width, height));
      file = g_strdup_printf ("%s-%s.png", name, language != NULL ? language : "C");
      path = g_build_filename (dir, file, NULL);
      g_assert_true (gdk_texture_save_to_png (texture, path));
      g_test_message ("screenshot: %s", path);
    }
  gtk_popover_popdown (GTK_POPOVER (popover));
  iterate (100);
}

static gboolean
english (void)
{
  return g_str_has_prefix (g_get_language_names ()[0], "en") ||
         g_str_equal (g_get_language_names ()[0], "C");
}

static void
test_list (Fixture       *fixture,
           gconstpointer  data)
{
  GtkWidget *window = jln_changes_window_new (NULL, fixture->document, JLN_LANG_EN);
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
  jln_changes_window_set_content_language (JLN_CHANGES_WINDOW (window), JLN_LANG_FR);
  g_assert_nonnull (find_row (window, "3.3 Reconnaître le statut des aidants familiaux", NULL));
  g_assert_nonnull (find_row (window, "8.1 Mettre en place une auto-évaluation", NULL));

  /* Screenshots show the plan in the language of the interface. */
  jln_changes_window_set_content_language (JLN_CHANGES_WINDOW (window),
                                           english () ? JLN_LANG_EN : JLN_LANG_FR);
  save_screenshot (window, "changes-window", 0);
  save_screenshot (window, "changes-window-tall", 1180);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  GtkWidget *window = jln_changes_window_new (NULL, fixture->document, JLN_LANG_EN);
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
  GtkWidget *window = jln_changes_window_new (NULL, fixture->document, JLN_LANG_EN);
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
    save_popover_screenshot (find_child_of_type (GTK_WIDGET (since_row), GTK_TYPE_POPOVER),
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
  GtkWidget *window = jln_changes_window_new (GTK_WINDOW (parent), fixture->document, JLN_LANG_FR);
  GtkWidget *weak = window;

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &weak);
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (window)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (window)) == GTK_WINDOW (parent));

  gtk_window_present (GTK_WINDOW (window));
  for (guint i = 0; i < 100 && !gtk_widget_get_mapped (window); i++)
    iterate (20);
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
  iterate (50);
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
  g_test_add ("/gui/changes-window/empty", Fixture, NULL,
              fixture_setup, test_empty, fixture_teardown);
  g_test_add ("/gui/changes-window/presets", Fixture, NULL,
              fixture_setup, test_presets, fixture_teardown);
  g_test_add ("/gui/changes-window/escape-closes", Fixture, NULL,
              fixture_setup, test_escape_closes, fixture_teardown);

  return g_test_run ();
}
