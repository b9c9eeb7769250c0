/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <adwaita.h>

#include "jln-action.h"
#include "jln-action-grid.h"
#include "jln-action-item.h"
#include "jln-action-list.h"
#include "jln-document.h"
#include "jln-filter-bar.h"
#include "jln-objective.h"
#include "jln-record-text.h"
#include "jln-row-model.h"

#include "jln-test-gui-utils.h"

/* The bundled plan: 91 HRS4R actions and 21 of the Gender Equality Plan. */
#define N_ACTIONS 112

typedef struct
{
  char           *dir;
  char           *path;
  JlnDocument    *document;
  JlnSession     *session;
  JlnQueryFilter *filter;     /* the session's */
  GtkWidget      *window;
  JlnActionList  *list;
} Fixture;

static void
wait_for_list (Fixture *fixture)
{
  /* Incremental filtering and sorting run in idle callbacks, rows are laid
   * out on the next frame. */
  JLN_TEST_WAIT_UNTIL (!jln_action_list_get_pending (fixture->list));
  jln_test_wait_for_idle (fixture->window);
  g_assert_false (jln_action_list_get_pending (fixture->list));
}

static JlnLang
test_language (void)
{
  const char *language = g_getenv ("LANGUAGE");

  return language != NULL && g_str_has_prefix (language, "fr") ? JLN_LANG_FR : JLN_LANG_EN;
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *json = g_build_filename (g_getenv ("JALONS_DATADIR"),
                                            "plans", "inserm-hrs4r-2022.json", NULL);

  fixture->document = jln_test_import_plan (json, "jalons-list-XXXXXX",
                                            &fixture->dir, &fixture->path);

  fixture->session = jln_session_new ();
  fixture->filter = jln_session_get_filter (fixture->session);
  jln_session_set_content_language (fixture->session, test_language ());
  jln_session_set_document (fixture->session, fixture->document);
  fixture->list = JLN_ACTION_LIST (jln_action_list_new ());
  jln_action_list_set_session (fixture->list, fixture->session);

  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1280, 800);
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (fixture->list));
  gtk_window_present (GTK_WINDOW (fixture->window));
  wait_for_list (fixture);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_object_add_weak_pointer (G_OBJECT (fixture->list), (gpointer *) &fixture->list);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  JLN_TEST_WAIT_UNTIL (fixture->list == NULL);
  g_assert_null (fixture->list);

  g_object_add_weak_pointer (G_OBJECT (fixture->filter), (gpointer *) &fixture->filter);
  g_assert_finalize_object (fixture->session);
  g_assert_null (fixture->filter);
  g_assert_finalize_object (fixture->document);
  jln_test_clear_plan_dir (&fixture->dir, &fixture->path);
}

/* A part of the list, or of its filter bar: the search entry, the
 * error label and the filter buttons. */
static gpointer
get_child (Fixture    *fixture,
           const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (fixture->list),
                                                  JLN_TYPE_ACTION_LIST, name);

  if (child == NULL)
    {
      GObject *bar = gtk_widget_get_template_child (GTK_WIDGET (fixture->list),
                                                    JLN_TYPE_ACTION_LIST, "filter_bar");

      g_assert_nonnull (bar);
      child = gtk_widget_get_template_child (GTK_WIDGET (bar), JLN_TYPE_FILTER_BAR, name);
    }
  g_assert_nonnull (child);
  return child;
}

static const char *
count_text (Fixture *fixture)
{
  return gtk_label_get_text (GTK_LABEL (get_child (fixture, "count_label")));
}

/* The window's focus widget: the tests share one X server, where the
 * window itself may not be the active one when this is asked. */
static gboolean
is_focus (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  return root != NULL && gtk_root_get_focus (root) == widget;
}

static JlnActionGrid *
get_grid (Fixture *fixture)
{
  return JLN_ACTION_GRID (get_child (fixture, "grid"));
}

static GListModel *
get_rows (Fixture *fixture)
{
  return G_LIST_MODEL (jln_action_grid_get_model (get_grid (fixture)));
}

static JlnRecord *
row_record (GListModel *rows,
            guint       position)
{
  g_autoptr(JlnRow) row = g_list_model_get_item (rows, position);

  return g_object_ref (jln_row_get_record (row));
}

/* Every action row of the view matches the filter, every objective row
 * has actions under it, and the count is that of the action rows. */
static guint
check_rows_match (Fixture *fixture)
{
  GListModel *rows = get_rows (fixture);
  guint n = g_list_model_get_n_items (rows);
  guint n_actions = 0;
  gboolean query_active = jln_query_filter_get_query (fixture->filter) != NULL &&
                          !jln_query_is_empty (jln_query_filter_get_query (fixture->filter));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JlnRecord) record = row_record (rows, i);

      if (JLN_IS_ACTION (record))
        {
          g_assert_true (jln_query_filter_match_action (fixture->filter, JLN_ACTION (record)));
          n_actions++;
        }
      else if (JLN_IS_OBJECTIVE (record) && query_active)
        {
          g_autoptr(JlnRecord) next = i + 1 < n ? row_record (rows, i + 1) : NULL;

          g_assert_true (next != NULL && JLN_IS_ACTION (next));
        }
    }
  g_assert_cmpuint (n_actions, ==, jln_action_list_get_n_shown (fixture->list));
  return n_actions;
}

/* How many actions of the plan match, counted the slow way. */
static guint
count_matching (Fixture *fixture)
{
  GListModel *objectives = jln_plan_get_objectives (jln_document_get_plan (fixture->document));
  guint count = 0;

  for (guint i = 0; i < g_list_model_get_n_items (objectives); i++)
    {
      g_autoptr(JlnObjective) objective = g_list_model_get_item (objectives, i);
      GListModel *actions = jln_objective_get_actions (objective);

      for (guint j = 0; j < g_list_model_get_n_items (actions); j++)
        {
          g_autoptr(JlnAction) action = g_list_model_get_item (actions, j);

          if (jln_query_filter_match_action (fixture->filter, action))
            count++;
        }
    }
  return count;
}

static JlnAction *
find_action (Fixture    *fixture,
             const char *number)
{
  JlnRecord *action = jln_test_find_action (fixture->document, number);

  if (action == NULL)
    g_assert_not_reached ();
  return JLN_ACTION (action);
}

/* The row on screen that shows @text in one of its cells, or -1;
 * @column: where it is shown. */
static int
find_shown (Fixture         *fixture,
            const char      *text,
            JlnActionColumn *column)
{
  for (guint i = 0; i < JLN_N_ACTION_COLUMNS; i++)
    {
      int position = jln_action_grid_find_shown (get_grid (fixture), i, text);

      if (position >= 0)
        {
          if (column != NULL)
            *column = i;
          return position;
        }
    }
  return -1;
}

/* The row on screen whose number is @number, or -1. */
static int
find_number (Fixture    *fixture,
             const char *number)
{
  return jln_action_grid_find_shown (get_grid (fixture), JLN_ACTION_COLUMN_NUMBER, number);
}

static guint
count_text_n (Fixture *fixture)
{
  return (guint) g_ascii_strtoull (count_text (fixture), NULL, 10);
}

static void
set_query (Fixture    *fixture,
           const char *text)
{
  jln_query_filter_set_text (fixture->filter, text);
  wait_for_list (fixture);
}

static void
test_count (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *all = NULL;
  guint n_word, n_terms, n_both;

  if (test_language () != JLN_LANG_EN)
    {
      g_test_skip ("messages are checked in English");
      return;
    }

  all = g_strdup_printf ("%u of %u actions", N_ACTIONS, N_ACTIONS);
  g_assert_cmpstr (count_text (fixture), ==, all);
  g_assert_cmpuint (jln_action_list_get_n_total (fixture->list), ==, N_ACTIONS);
  g_assert_cmpuint (check_rows_match (fixture), ==, N_ACTIONS);

  /* Accents and case are ignored: "egalite" finds "Égalité". */
  set_query (fixture, "egalite");
  n_word = count_text_n (fixture);
  g_assert_cmpuint (n_word, >, 0);
  g_assert_cmpuint (n_word, <, N_ACTIONS);
  g_assert_cmpuint (n_word, ==, count_matching (fixture));
  g_assert_cmpuint (check_rows_match (fixture), ==, n_word);
  g_assert_true (g_str_has_suffix (count_text (fixture), "of 112 actions"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (get_child (fixture, "search_entry"))),
                   ==, "egalite");

  set_query (fixture, "unit:RH status:in-progress due:2022");
  n_terms = count_text_n (fixture);
  g_assert_cmpuint (n_terms, >, 0);
  g_assert_cmpuint (n_terms, <, N_ACTIONS);
  g_assert_cmpuint (n_terms, ==, count_matching (fixture));
  g_assert_cmpuint (check_rows_match (fixture), ==, n_terms);

  set_query (fixture, "egalite unit:RH status:in-progress due:2022");
  n_both = count_text_n (fixture);
  g_assert_cmpuint (n_both, <=, MIN (n_word, n_terms));
  g_assert_cmpuint (n_both, ==, count_matching (fixture));
  g_assert_cmpuint (check_rows_match (fixture), ==, n_both);

  /* Looser again, as when deleting what was typed. */
  set_query (fixture, "");
  g_assert_cmpstr (count_text (fixture), ==, all);
  g_assert_cmpuint (check_rows_match (fixture), ==, N_ACTIONS);
}

static void
test_error (Fixture       *fixture,
            gconstpointer  data)
{
  GtkWidget *error_label = get_child (fixture, "error_label");
  GListModel *rows = get_rows (fixture);
  guint n_rows, n_shown;

  set_query (fixture, "unit:RH");
  g_assert_false (gtk_widget_get_visible (error_label));
  n_rows = g_list_model_get_n_items (rows);
  n_shown = jln_action_list_get_n_shown (fixture->list);
  g_assert_cmpuint (n_shown, <, N_ACTIONS);

  /* A malformed query names the term, and the list stays as it was. */
  set_query (fixture, "unit:RH colour:red");
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error_label)), "colour:red"));
  g_assert_false (gtk_label_get_use_markup (GTK_LABEL (error_label)));
  g_assert_true (gtk_widget_has_css_class (get_child (fixture, "search_entry"), "error"));
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, n_rows);
  g_assert_cmpuint (jln_action_list_get_n_shown (fixture->list), ==, n_shown);

  /* A unit the plan does not have is said too, not an empty list. */
  set_query (fixture, "unit:XYZ");
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error_label)), "unit:XYZ"));

  set_query (fixture, "unit:RH");
  g_assert_false (gtk_widget_get_visible (error_label));
  g_assert_false (gtk_widget_has_css_class (get_child (fixture, "search_entry"), "error"));
}

static void
test_filter_buttons (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkWidget *hide_done = get_child (fixture, "hide_done_button");
  GtkWidget *overdue = get_child (fixture, "overdue_button");
  GtkWidget *entry = get_child (fixture, "search_entry");

  set_query (fixture, "egalite");

  /* "Hide done" writes its term in the query text, next to what was typed.
   * An activated button is clicked once it has shown itself pressed. */
  gtk_widget_activate (hide_done);
  JLN_TEST_WAIT_UNTIL (g_strcmp0 (jln_query_filter_get_text (fixture->filter), "egalite -status:done") == 0);
  wait_for_list (fixture);
  g_assert_cmpstr (jln_query_filter_get_text (fixture->filter), ==, "egalite -status:done");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "egalite -status:done");
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (hide_done)));
  g_assert_cmpuint (check_rows_match (fixture), ==, count_matching (fixture));

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (hide_done), FALSE);
  g_assert_cmpstr (jln_query_filter_get_text (fixture->filter), ==, "egalite");

  /* Typing the term sets the button. */
  set_query (fixture, "-status:done overdue");
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (hide_done)));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (overdue)));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (overdue), FALSE);
  g_assert_cmpstr (jln_query_filter_get_text (fixture->filter), ==, "-status:done");

  /* Menu filters replace their term. */
  set_query (fixture, "egalite status:done");
  gtk_widget_activate_action (get_child (fixture, "filter_bar"), "filter.status", "s", "in-progress");
  g_assert_cmpstr (jln_query_filter_get_text (fixture->filter), ==, "egalite status:in-progress");
  gtk_widget_activate_action (get_child (fixture, "filter_bar"), "filter.objective", "s", "4");
  g_assert_cmpstr (jln_query_filter_get_text (fixture->filter), ==,
                   "egalite status:in-progress objective:4");
  gtk_widget_activate_action (get_child (fixture, "filter_bar"), "filter.unit", "s", "PCN EG");
  g_assert_cmpstr (jln_query_filter_get_text (fixture->filter), ==,
                   "egalite status:in-progress objective:4 unit:\"PCN EG\"");
  g_assert_null (jln_query_filter_get_error (fixture->filter));
  gtk_widget_activate_action (get_child (fixture, "filter_bar"), "filter.status", "s", "");
  gtk_widget_activate_action (get_child (fixture, "filter_bar"), "filter.unit", "s", "");
  gtk_widget_activate_action (get_child (fixture, "filter_bar"), "filter.due-from", "s", "2022-S1");
  gtk_widget_activate_action (get_child (fixture, "filter_bar"), "filter.due-until", "s", "2023-S1");
  g_assert_cmpstr (jln_query_filter_get_text (fixture->filter), ==,
                   "egalite objective:4 due:>=2022-S1 due:<=2023-S1");
  g_assert_null (jln_query_filter_get_error (fixture->filter));
  wait_for_list (fixture);
  g_assert_cmpuint (check_rows_match (fixture), ==, count_matching (fixture));

  /* Typing in the entry updates the filter, after the entry's delay. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "objective:3");
  JLN_TEST_WAIT_UNTIL (g_strcmp0 (jln_query_filter_get_text (fixture->filter), "objective:3") == 0);
  wait_for_list (fixture);
  g_assert_cmpstr (jln_query_filter_get_text (fixture->filter), ==, "objective:3");
  g_assert_cmpuint (check_rows_match (fixture), ==, 17);
}

/* The objective, status and unit menus take several choices at once,
 * written as one term with alternatives in the interface's language, and
 * the list shows the actions of any of them. */
static GtkToggleButton *
find_choice (GtkWidget  *widget,
             const char *prefix)
{
  if (GTK_IS_TOGGLE_BUTTON (widget) &&
      g_str_has_prefix (gtk_button_get_label (GTK_BUTTON (widget)), prefix))
    return GTK_TOGGLE_BUTTON (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkToggleButton *found = find_choice (child, prefix);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
choose_objectives_1_and_3 (Fixture *fixture)
{
  GtkMenuButton *button = get_child (fixture, "objective_button");
  GtkPopover *popover;

  popover = GTK_POPOVER (jln_test_popup (GTK_WIDGET (button)));
  /* An activated button is clicked once it has shown itself pressed. */
  gtk_widget_activate (GTK_WIDGET (find_choice (GTK_WIDGET (popover), "1. ")));
  JLN_TEST_WAIT_UNTIL (gtk_toggle_button_get_active (find_choice (GTK_WIDGET (popover), "1. ")));
  gtk_widget_activate (GTK_WIDGET (find_choice (GTK_WIDGET (popover), "3. ")));
  JLN_TEST_WAIT_UNTIL (gtk_toggle_button_get_active (find_choice (GTK_WIDGET (popover), "3. ")));
  g_assert_true (gtk_toggle_button_get_active (find_choice (GTK_WIDGET (popover), "1. ")));
  g_assert_true (gtk_toggle_button_get_active (find_choice (GTK_WIDGET (popover), "3. ")));
  g_assert_false (gtk_toggle_button_get_active (find_choice (GTK_WIDGET (popover), "2. ")));
  gtk_menu_button_popdown (button);
  jln_test_wait_for_unmapped (GTK_WIDGET (popover));
}

static void
test_multi_choice (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkMenuButton *button = get_child (fixture, "objective_button");
  GListModel *rows;
  guint n_one = 0, n_three = 0;

  set_query (fixture, "egalite");
  choose_objectives_1_and_3 (fixture);
  g_assert_cmpstr (jln_query_filter_get_text (fixture->filter), ==, "egalite objective:1,3");
  g_assert_cmpstr (gtk_menu_button_get_label (button), ==, "Objectives 1, 3");
  g_assert_null (jln_query_filter_get_error (fixture->filter));
  wait_for_list (fixture);
  g_assert_cmpuint (check_rows_match (fixture), ==, count_matching (fixture));

  /* Only the two objectives' actions, with both of them there. */
  set_query (fixture, "objective:1,3");
  wait_for_list (fixture);
  rows = get_rows (fixture);
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(JlnRecord) record = row_record (rows, i);
      const char *number;

      if (!JLN_IS_ACTION (record))
        continue;
      number = jln_objective_get_number (JLN_OBJECTIVE (jln_record_get_parent (record)));
      g_assert_true (g_str_equal (number, "1") || g_str_equal (number, "3"));
      if (g_str_equal (number, "1"))
        n_one++;
      else
        n_three++;
    }
  g_assert_cmpuint (n_one, >, 0);
  g_assert_cmpuint (n_three, >, 0);
  g_assert_cmpuint (n_one + n_three, ==, count_matching (fixture));

  /* Cleared, the button says so again. */
  set_query (fixture, "");
  g_assert_cmpstr (gtk_menu_button_get_label (button), ==, "Objective");

  /* In French, the term is French. */
  jln_test_set_language ("fr");
  choose_objectives_1_and_3 (fixture);
  jln_test_set_language ("en");
  g_assert_cmpstr (jln_query_filter_get_text (fixture->filter), ==, "objectif:1,3");
  set_query (fixture, "");
  /* Back in English, the buttons' words are English again. */
  g_assert_cmpstr (gtk_menu_button_get_label (button), ==, "Objective");
  g_assert_cmpstr (gtk_menu_button_get_label (get_child (fixture, "status_button")), ==, "Status");
}

static void
test_plain_text (Fixture       *fixture,
                 gconstpointer  data)
{
  const char *title = "<b>Bold</b> & %s";
  JlnAction *action = find_action (fixture, "1.1");
  g_autoptr(JlnEdit) edit = NULL;
  g_autoptr(GError) error = NULL;
  JlnActionColumn column;
  PangoLayout *layout;
  int position;

  jln_session_set_content_language (fixture->session, JLN_LANG_EN);
  wait_for_list (fixture);
  g_assert_cmpint (find_shown (fixture, title, NULL), <, 0);

  edit = jln_edit_new_set (JLN_RECORD (action), "title-en", title);
  g_assert_true (jln_document_apply (fixture->document, edit, &error));
  g_assert_no_error (error);
  wait_for_list (fixture);

  /* Shown as typed: no markup, no format. */
  position = find_shown (fixture, title, &column);
  g_assert_cmpint (position, >=, 0);
  g_assert_cmpint (column, ==, JLN_ACTION_COLUMN_TITLE);
  layout = jln_action_grid_get_cell_layout (get_grid (fixture), position, column);
  g_assert_cmpstr (pango_layout_get_text (layout), ==, title);
  {
    PangoAttrList *attrs = pango_layout_get_attributes (layout);
    g_autofree char *styled = attrs != NULL ? pango_attr_list_to_string (attrs) : g_strdup ("");

    g_assert_cmpstr (styled, ==, "");
  }

  /* The content language follows; the French title is still there. */
  jln_session_set_content_language (fixture->session, JLN_LANG_FR);
  wait_for_list (fixture);
  g_assert_cmpint (find_shown (fixture, title, NULL), <, 0);
  g_assert_cmpint (find_shown (fixture, jln_text_get (jln_action_get_title (action), JLN_LANG_FR),
                               NULL), >=, 0);
}

static void
test_accessible (Fixture       *fixture,
                 gconstpointer  data)
{
  JlnActionGrid *grid = get_grid (fixture);
  GtkWidget *row;
  g_autofree char *expected = NULL;
  g_autofree char *count = NULL;
  gboolean overdue = jln_semester_today () > jln_semester_new (2022, 2);
  int position;

  if (test_language () != JLN_LANG_EN)
    {
      g_test_skip ("messages are checked in English");
      return;
    }

  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (grid), GTK_ACCESSIBLE_ROLE_TREE_GRID);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (grid),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Actions");

  /* The whole row, read at once from its widget. */
  jln_session_set_content_language (fixture->session, JLN_LANG_EN);
  wait_for_list (fixture);
  position = find_number (fixture, "1.4");
  g_assert_cmpint (position, >=, 0);
  row = jln_action_grid_get_row_widget (grid, position);
  g_assert_nonnull (row);
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_ROLE_ROW);
  expected = g_strdup_printf ("1.4, Acquire software to manage job offers more easily and "
                              "disseminate them more widely, In progress, due 2nd sem. 2022%s",
                              overdue ? ", overdue" : "");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (row),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, expected);
  /* It lies on its row. */
  {
    GdkRectangle area;
    graphene_rect_t bounds;

    g_assert_true (jln_action_grid_get_row_area (grid, position, &area));
    g_assert_true (gtk_widget_compute_bounds (row, GTK_WIDGET (grid), &bounds));
    g_assert_cmpfloat (bounds.origin.y, ==, area.y);
    g_assert_cmpfloat (bounds.size.height, ==, area.height);
  }

  {
    GListModel *objectives = jln_plan_get_objectives (jln_document_get_plan (fixture->document));
    g_autoptr(JlnRecord) fourth = g_list_model_get_item (objectives, 3);

    /* Scrolled to. */
    jln_action_list_select (fixture->list, fourth);
    wait_for_list (fixture);
  }
  position = find_number (fixture, "4");
  g_assert_cmpint (position, >=, 0);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (jln_action_grid_get_row_widget (grid, position)),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Objective 4, Gender equality");

  /* The selected row holds the keyboard focus. */
  jln_action_list_select (fixture->list, jln_test_find_action (fixture->document, "1.4"));
  wait_for_list (fixture);
  jln_action_grid_focus_cursor (grid);
  position = find_number (fixture, "1.4");
  row = jln_action_grid_get_row_widget (grid, position);
  g_assert_true (is_focus (row));
  gtk_test_accessible_assert_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_SELECTED, TRUE);

  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (get_child (fixture, "search_entry")),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Search actions");
  count = g_strdup_printf ("%u of %u actions", N_ACTIONS, N_ACTIONS);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (get_child (fixture, "count_label")),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, count);
}

static void
test_fallback (Fixture       *fixture,
               gconstpointer  data)
{
  JlnAction *action = find_action (fixture, "1.4");
  const char *english = jln_text_get (jln_action_get_title (action), JLN_LANG_EN);
  g_autoptr(JlnEdit) edit = NULL;
  g_autoptr(GError) error = NULL;
  JlnActionGrid *grid = get_grid (fixture);
  JlnActionColumn column;
  int position;

  jln_session_set_content_language (fixture->session, JLN_LANG_FR);
  edit = jln_edit_new_set (JLN_RECORD (action), "title-fr", "");
  g_assert_true (jln_document_apply (fixture->document, edit, &error));
  g_assert_no_error (error);
  wait_for_list (fixture);

  /* The English title stands in, marked as such. */
  position = find_shown (fixture, english, &column);
  g_assert_cmpint (position, >=, 0);
  g_assert_cmpint (column, ==, JLN_ACTION_COLUMN_TITLE);
  g_assert_cmpstr (jln_action_grid_get_title_tag (grid, position), ==, C_("language tag", "EN"));
  g_assert_true (gtk_widget_get_has_tooltip (GTK_WIDGET (grid)));

  /* In English, there is nothing to mark. */
  jln_session_set_content_language (fixture->session, JLN_LANG_EN);
  wait_for_list (fixture);
  position = find_shown (fixture, english, NULL);
  g_assert_cmpint (position, >=, 0);
  g_assert_null (jln_action_grid_get_title_tag (grid, position));
}

static void
test_live_status (Fixture       *fixture,
                  gconstpointer  data)
{
  JlnAction *action = find_action (fixture, "1.3");
  g_autoptr(JlnEdit) edit = NULL;
  g_autoptr(GError) error = NULL;
  JlnActionGrid *grid = get_grid (fixture);
  g_autofree char *superseded = NULL;
  PangoLayout *layout;
  int position;

  g_assert_cmpint (jln_action_get_status (action), ==, JLN_STATUS_IN_PROGRESS);
  edit = jln_edit_new_set (JLN_RECORD (action), "status", "dropped");
  g_assert_true (jln_document_apply (fixture->document, edit, &error));
  g_assert_no_error (error);
  wait_for_list (fixture);

  position = find_shown (fixture, jln_status_get_label (JLN_STATUS_DROPPED), NULL);
  g_assert_cmpint (position, >=, 0);
  g_assert_true (jln_action_grid_row_has_style (grid, position, "jln-dropped"));
  /* Struck through. */
  layout = jln_action_grid_get_cell_layout (grid, position, JLN_ACTION_COLUMN_STATUS);
  {
    g_autofree char *attrs = pango_attr_list_to_string (pango_layout_get_attributes (layout));

    g_assert_nonnull (strstr (attrs, "strikethrough true"));
  }

  /* Superseded actions show what replaces them. */
  superseded = g_strdup_printf ("%s, cf. 4.9-4.10", jln_status_get_label (JLN_STATUS_SUPERSEDED));
  jln_action_list_select (fixture->list, JLN_RECORD (find_action (fixture, "4.5")));
  wait_for_list (fixture);
  position = find_shown (fixture, superseded, NULL);
  g_assert_cmpint (position, >=, 0);
  g_assert_true (jln_action_grid_row_has_style (grid, position, "jln-superseded"));

  g_assert_true (jln_document_undo (fixture->document, &error));
  g_assert_no_error (error);
  g_assert_cmpint (jln_action_get_status (action), ==, JLN_STATUS_IN_PROGRESS);
}

static void
test_live_items (Fixture       *fixture,
                 gconstpointer  data)
{
  JlnAction *action = find_action (fixture, "1.1");
  g_autoptr(JlnRecord) item = jln_record_new (JLN_KIND_ITEM,
                                              "label", "a",
                                              "title-en", "A first sub-item",
                                              "title-fr", "Un premier sous-point",
                                              NULL);
  g_autoptr(JlnEdit) edit = NULL;
  g_autoptr(GError) error = NULL;
  const char *title;

  /* 1.1 has no sub-items: its row is a leaf until its first one comes. */
  g_assert_cmpuint (g_list_model_get_n_items (jln_action_get_items (action)), ==, 0);
  jln_action_list_select (fixture->list, JLN_RECORD (action));
  wait_for_list (fixture);

  edit = jln_edit_new_insert (JLN_RECORD (action), item, 0);
  g_assert_true (jln_document_apply (fixture->document, edit, &error));
  g_assert_no_error (error);
  wait_for_list (fixture);

  title = jln_text_get (jln_action_item_get_title (JLN_ACTION_ITEM (item)), test_language ());
  g_assert_cmpint (find_shown (fixture, title, NULL), >=, 0);
  g_assert_true (jln_action_list_get_selected (fixture->list) == JLN_RECORD (action));
  jln_action_list_select (fixture->list, item);
  g_assert_true (jln_action_list_get_selected (fixture->list) == item);

  /* Undone, the row goes again. */
  g_assert_true (jln_document_undo (fixture->document, &error));
  g_assert_no_error (error);
  wait_for_list (fixture);
  g_assert_cmpint (find_shown (fixture, title, NULL), <, 0);
  g_assert_null (jln_action_list_get_selected (fixture->list));
}

static void
activate_record_cb (JlnActionList  *list,
                    JlnRecord      *record,
                    JlnRecord     **out)
{
  g_set_object (out, record);
}

static void
test_selection (Fixture       *fixture,
                gconstpointer  data)
{
  JlnAction *action = find_action (fixture, "4.12");
  g_autoptr(JlnActionItem) item = NULL;
  g_autoptr(JlnRecord) activated = NULL;
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (get_rows (fixture));
  guint position;

  g_assert_null (jln_action_list_get_selected (fixture->list));

  jln_action_list_select (fixture->list, JLN_RECORD (action));
  wait_for_list (fixture);
  g_assert_true (jln_action_list_get_selected (fixture->list) == JLN_RECORD (action));
  position = gtk_single_selection_get_selected (selection);
  g_assert_cmpuint (position, !=, GTK_INVALID_LIST_POSITION);

  /* Enter or a double click activates the row. */
  g_signal_connect (fixture->list, "activate-record", G_CALLBACK (activate_record_cb), &activated);
  g_signal_emit_by_name (get_grid (fixture), "activate", position);
  g_assert_true (activated == JLN_RECORD (action));

  /* Sub-items and objectives are rows too. */
  item = g_list_model_get_item (jln_action_get_items (find_action (fixture, "1.8")), 1);
  jln_action_list_select (fixture->list, JLN_RECORD (item));
  g_assert_true (jln_action_list_get_selected (fixture->list) == JLN_RECORD (item));
  jln_action_list_select (fixture->list, JLN_RECORD (jln_action_get_objective (action)));
  g_assert_true (jln_action_list_get_selected (fixture->list) ==
                 JLN_RECORD (jln_action_get_objective (action)));

  /* A refilter that keeps the selected action keeps the selection. */
  jln_action_list_select (fixture->list, JLN_RECORD (action));
  set_query (fixture, "egalite");
  g_assert_true (jln_query_filter_match_action (fixture->filter, action));
  g_assert_true (jln_action_list_get_selected (fixture->list) == JLN_RECORD (action));

  /* One that hides it does not. */
  set_query (fixture, "objective:1");
  g_assert_null (jln_action_list_get_selected (fixture->list));
}

/* A key press or release, as the list's controller of held keys gets it. */
static void
send_key (Fixture  *fixture,
          guint     keyval,
          gboolean  pressed)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (fixture->list));
  gboolean found = FALSE, handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (g_strcmp0 (gtk_event_controller_get_name (controller), "jln-list-repeat") != 0)
        continue;
      found = TRUE;
      if (pressed)
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, 0, &handled);
      else
        g_signal_emit_by_name (controller, "key-released", keyval, 0, 0);
      /* The view moves the selection itself. */
      g_assert_false (handled);
    }
  g_assert_true (found);
}

/* Page Down held down, or pressed again and again: the selection moves
 * through the list with every key, while the session, which the editor
 * follows, keeps the row where the keys began; it shows where the
 * selection comes to rest as soon as the keys stop. A single press is
 * followed as soon as it is over. */
static void
test_held_key (Fixture       *fixture,
               gconstpointer  data)
{
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (get_rows (fixture));
  g_autoptr(JlnRow) first = NULL;
  g_autoptr(JlnRow) second = NULL;
  g_autoptr(JlnRow) third = NULL;
  g_autoptr(JlnRow) fourth = NULL;

  first = g_list_model_get_item (G_LIST_MODEL (selection), 3);
  second = g_list_model_get_item (G_LIST_MODEL (selection), 12);
  third = g_list_model_get_item (G_LIST_MODEL (selection), 21);
  fourth = g_list_model_get_item (G_LIST_MODEL (selection), 30);

  /* A single press. */
  send_key (fixture, GDK_KEY_Page_Down, TRUE);
  gtk_single_selection_set_selected (selection, 3);
  send_key (fixture, GDK_KEY_Page_Down, FALSE);
  JLN_TEST_WAIT_UNTIL (jln_session_get_selected (fixture->session) == jln_row_get_record (first));
  send_key (fixture, GDK_KEY_Page_Down, TRUE);

  /* The key repeats. */
  gtk_single_selection_set_selected (selection, 12);
  send_key (fixture, GDK_KEY_Page_Down, TRUE);
  gtk_single_selection_set_selected (selection, 21);
  g_assert_true (jln_action_list_get_selected (fixture->list) == jln_row_get_record (third));
  g_assert_true (jln_session_get_selected (fixture->session) == jln_row_get_record (first));

  send_key (fixture, GDK_KEY_Page_Down, FALSE);
  JLN_TEST_WAIT_UNTIL (jln_session_get_selected (fixture->session) == jln_row_get_record (third));

  /* Another key pressed while one repeats: the session catches up before
   * that key does anything, such as Delete deleting the selected row. */
  send_key (fixture, GDK_KEY_Down, TRUE);
  send_key (fixture, GDK_KEY_Down, TRUE);
  gtk_single_selection_set_selected (selection, 30);
  g_assert_true (jln_session_get_selected (fixture->session) == jln_row_get_record (third));
  send_key (fixture, GDK_KEY_Delete, TRUE);
  g_assert_true (jln_session_get_selected (fixture->session) == jln_row_get_record (fourth));
  send_key (fixture, GDK_KEY_Delete, FALSE);

  /* Selected elsewhere while a key repeats: the list follows the session. */
  send_key (fixture, GDK_KEY_Up, TRUE);
  send_key (fixture, GDK_KEY_Up, TRUE);
  jln_session_set_selected (fixture->session, jln_row_get_record (second));
  g_assert_true (jln_action_list_get_selected (fixture->list) == jln_row_get_record (second));
  send_key (fixture, GDK_KEY_Up, FALSE);
  JLN_TEST_WAIT_UNTIL (jln_session_get_selected (fixture->session) == jln_row_get_record (second));

  /* Keys pressed in turn, as fast as a user taps them, are followed once
   * they stop: the editor is not bound to every row passed. */
  send_key (fixture, GDK_KEY_Page_Down, TRUE);
  gtk_single_selection_set_selected (selection, 21);
  send_key (fixture, GDK_KEY_Page_Down, FALSE);
  send_key (fixture, GDK_KEY_Page_Down, TRUE);
  gtk_single_selection_set_selected (selection, 30);
  send_key (fixture, GDK_KEY_Page_Down, FALSE);
  g_assert_true (jln_session_get_selected (fixture->session) == jln_row_get_record (second));
  JLN_TEST_WAIT_UNTIL (jln_session_get_selected (fixture->session) == jln_row_get_record (fourth));
}

static gboolean press_grid_key (Fixture *fixture,
                                guint    keyval);

static void
test_sort (Fixture       *fixture,
           gconstpointer  data)
{
  JlnActionGrid *grid = get_grid (fixture);
  GListModel *rows = get_rows (fixture);
  const char *ascending[] = { "1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7", "1.8", "1.9",
                              "1.10", "1.11", NULL };
  guint first = G_MAXUINT;

  /* Objective 1 alone, its sub-items collapsed out of the way. */
  set_query (fixture, "objective:1");
  jln_action_grid_sort_by_column (grid, JLN_ACTION_COLUMN_NUMBER, GTK_SORT_DESCENDING);
  wait_for_list (fixture);
  jln_test_wait_for_idle (fixture->window);

  for (guint i = 0, seen = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(JlnRecord) record = row_record (rows, i);

      if (!JLN_IS_ACTION (record))
        continue;
      if (first == G_MAXUINT)
        first = i;
      g_assert_cmpstr (jln_action_get_number (JLN_ACTION (record)), ==, ascending[10 - seen]);
      seen++;
    }
  g_assert_cmpuint (first, !=, G_MAXUINT);

  /* A click on the heading sorts the other way, and says so. */
  {
    GtkWidget *heading = jln_test_find_child_of_type (GTK_WIDGET (grid), GTK_TYPE_BUTTON);

    g_assert_nonnull (heading);
    gtk_test_accessible_assert_property (GTK_ACCESSIBLE (heading), GTK_ACCESSIBLE_PROPERTY_SORT,
                                         GTK_ACCESSIBLE_SORT_DESCENDING);
    g_signal_emit_by_name (heading, "clicked");
    g_assert_cmpint (jln_action_grid_get_sort_column (grid), ==, JLN_ACTION_COLUMN_NUMBER);
    g_assert_cmpint (jln_action_grid_get_sort_order (grid), ==, GTK_SORT_ASCENDING);
    gtk_test_accessible_assert_property (GTK_ACCESSIBLE (heading), GTK_ACCESSIBLE_PROPERTY_SORT,
                                         GTK_ACCESSIBLE_SORT_ASCENDING);
    /* Reached from the first row by the keyboard. */
    gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (rows), 0);
    jln_action_grid_focus_cursor (grid);
    g_assert_true (press_grid_key (fixture, GDK_KEY_Up));
    g_assert_true (is_focus (heading));
    g_assert_true (press_grid_key (fixture, GDK_KEY_Down));
    g_assert_false (is_focus (heading));
  }
  wait_for_list (fixture);
  jln_test_wait_for_idle (fixture->window);
  for (guint i = 0, seen = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(JlnRecord) record = row_record (rows, i);

      if (!JLN_IS_ACTION (record))
        continue;
      g_assert_cmpstr (jln_action_get_number (JLN_ACTION (record)), ==, ascending[seen]);
      seen++;
    }

  /* Sub-items stay under their action. */
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(JlnRecord) record = row_record (rows, i);

      if (JLN_IS_ACTION_ITEM (record))
        {
          g_autoptr(JlnRecord) before = row_record (rows, i - 1);

          g_assert_true (jln_record_get_parent (record) == before ||
                         jln_record_get_parent (before) == jln_record_get_parent (record));
        }
    }
}

/* Clicks the arrow of the row numbered @number, as a user does. */
static void
click_expander (Fixture    *fixture,
                const char *number)
{
  JlnActionGrid *grid = get_grid (fixture);
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (grid));
  int position = find_number (fixture, number);
  GdkRectangle area;
  gboolean found = FALSE;

  g_assert_cmpint (position, >=, 0);
  g_assert_true (jln_action_grid_get_expander_area (grid, position, &area));
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (g_strcmp0 (gtk_event_controller_get_name (controller), "jln-grid-click") != 0)
        continue;
      g_signal_emit_by_name (controller, "pressed", 1,
                             area.x + area.width / 2.0, area.y + area.height / 2.0);
      found = TRUE;
    }
  g_assert_true (found);
}

/* The widget read for the row numbered @number. */
static GtkWidget *
find_row_widget (Fixture    *fixture,
                 const char *number)
{
  int position = find_number (fixture, number);

  g_assert_cmpint (position, >=, 0);
  return jln_action_grid_get_row_widget (get_grid (fixture), position);
}

/* Rows that come into view, here the sub-items of an action unfolded
 * again, are laid out; the rows already shown are not laid out again,
 * though the new rows' numbers are indented deeper than theirs. */
static void
test_rows_measured_once (Fixture       *fixture,
                         gconstpointer  data)
{
  JlnActionGrid *grid = get_grid (fixture);
  guint n_rows = g_list_model_get_n_items (get_rows (fixture));
  guint n_items = g_list_model_get_n_items (jln_action_get_items (find_action (fixture, "1.2")));
  guint laid_out;

  g_assert_cmpuint (n_items, >, 0);
  laid_out = jln_action_grid_get_n_laid_out (grid);
  click_expander (fixture, "1.2");
  wait_for_list (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (get_rows (fixture)), ==, n_rows - n_items);
  click_expander (fixture, "1.2");
  wait_for_list (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (get_rows (fixture)), ==, n_rows);
  /* The sub-items, and as many rows as they pushed off the screen and
   * back, at most. */
  g_assert_cmpuint (jln_action_grid_get_n_laid_out (grid) - laid_out, <=, 2 * n_items);
}

static void
test_expand (Fixture       *fixture,
             gconstpointer  data)
{
  JlnAction *action = find_action (fixture, "1.2");
  GListModel *rows = get_rows (fixture);
  guint n_rows = g_list_model_get_n_items (rows);
  g_autofree char *count = g_strdup (count_text (fixture));
  guint n_items = g_list_model_get_n_items (jln_action_get_items (action));
  GdkRectangle area;

  /* An objective's arrow folds its actions away; the count stays. */
  gtk_test_accessible_assert_state (GTK_ACCESSIBLE (find_row_widget (fixture, "1")),
                                    GTK_ACCESSIBLE_STATE_EXPANDED, TRUE);
  click_expander (fixture, "1");
  wait_for_list (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (rows), <, n_rows);
  g_assert_cmpint (find_number (fixture, "1.1"), <, 0);
  g_assert_cmpstr (count_text (fixture), ==, count);
  gtk_test_accessible_assert_state (GTK_ACCESSIBLE (find_row_widget (fixture, "1")),
                                    GTK_ACCESSIBLE_STATE_EXPANDED, FALSE);

  /* Selecting one of its actions unfolds it again. */
  jln_action_list_select (fixture->list, JLN_RECORD (action));
  wait_for_list (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, n_rows);
  g_assert_true (jln_action_list_get_selected (fixture->list) == JLN_RECORD (action));

  /* An action's arrow folds its sub-items; the selection stays. */
  g_assert_cmpuint (n_items, >, 0);
  click_expander (fixture, "1.2");
  wait_for_list (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, n_rows - n_items);
  g_assert_true (jln_action_list_get_selected (fixture->list) == JLN_RECORD (action));
  click_expander (fixture, "1.2");
  wait_for_list (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, n_rows);

  /* So do - and + on the selected row. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->list), "rows.expand-selected", "b", FALSE);
  wait_for_list (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, n_rows - n_items);
  gtk_widget_activate_action (GTK_WIDGET (fixture->list), "rows.expand-selected", "b", TRUE);
  wait_for_list (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, n_rows);

  /* A leaf keeps the arrow's room, without an arrow to click. */
  g_assert_false (jln_action_grid_get_expander_area (get_grid (fixture),
                                                     find_number (fixture, "1.1"), &area));
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (find_row_widget (fixture, "1.1"))),
                   ==, GTK_ACCESSIBLE_ROLE_ROW);
}

/* A plan too large to filter at once: the rows change in slices
 * between frames, and the view is told the changes in steps. Each step
 * must leave the view's model as the model says, and the list must end
 * up exactly as the query asks, whatever the keys typed in between. */

#define MANY_OBJECTIVES 3
#define MANY_PER_OBJECTIVE 2400

static char *
many_uuid (const char *kind,
           guint       n)
{
  g_autofree char *name = g_strdup_printf ("%s-%u", kind, n);
  g_autofree char *sum = g_compute_checksum_for_string (G_CHECKSUM_MD5, name, -1);

  return g_strdup_printf ("%.8s-%.4s-4%.3s-8%.3s-%.12s", sum, sum + 8, sum + 13, sum + 17, sum + 20);
}

/* Titles name the action's residues, so that each query keeps rows here
 * and there: "alpha" every second action, "beta" every third, "gamma"
 * every fifth. */
static char *
write_many_plan (const char *dir)
{
  GString *out = g_string_new (NULL);
  g_autofree char *plan_id = many_uuid ("plan", 0);
  g_autofree char *path = g_build_filename (dir, "many.json", NULL);
  g_autoptr(GError) error = NULL;
  guint action = 0;

  g_string_append_printf (out, "{\"format\": \"jalons-plan\", \"version\": 1, \"id\": \"%s\",\n"
                               "\"title\": {\"fr\": \"Plan\", \"en\": \"Plan\"}, \"units\": [],\n"
                               "\"objectives\": [\n", plan_id);
  for (guint o = 0; o < MANY_OBJECTIVES; o++)
    {
      g_autofree char *objective_id = many_uuid ("objective", o);

      g_string_append_printf (out, "%s{\"id\": \"%s\", \"programme\": \"hrs4r\", \"number\": \"%u\", "
                                   "\"title\": {\"fr\": \"Axe %u\", \"en\": \"Axis %u\"}, \"actions\": [\n",
                              o > 0 ? ",\n" : "", objective_id, o + 1, o + 1, o + 1);
      for (guint a = 0; a < MANY_PER_OBJECTIVE; a++, action++)
        {
          g_autofree char *id = many_uuid ("action", action);
          g_autofree char *title = g_strdup_printf ("Action%s%s%s", action % 2 == 0 ? " alpha" : "",
                                                    action % 3 == 0 ? " beta" : "",
                                                    action % 5 == 0 ? " gamma" : "");

          g_string_append_printf (out, "%s{\"id\": \"%s\", \"number\": \"%u.%u\", "
                                       "\"title\": {\"fr\": \"%s\", \"en\": \"%s\"}, \"status\": \"planned\"",
                                  a > 0 ? ",\n" : "", id, o + 1, a + 1, title, title);
          if (action % 7 == 0)
            {
              g_autofree char *item = many_uuid ("item", action);

              g_string_append_printf (out, ", \"items\": [{\"id\": \"%s\", \"label\": \"a\", "
                                           "\"title\": {\"fr\": \"Sous-action\", \"en\": \"Sub-item\"}}]",
                                      item);
            }
          g_string_append_c (out, '}');
        }
      g_string_append (out, "]}");
    }
  g_string_append (out, "]}\n");
  g_file_set_contents (path, out->str, out->len, &error);
  g_assert_no_error (error);
  g_string_free (out, TRUE);
  return g_steal_pointer (&path);
}

/* A copy of the view's model kept by its items-changed signals alone. */
static void
mirror_changed_cb (GListModel *model,
                   guint       position,
                   guint       removed,
                   guint       added,
                   GPtrArray  *mirror)
{
  g_assert_cmpuint (position + removed, <=, mirror->len);
  g_ptr_array_remove_range (mirror, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (mirror, position + i, g_list_model_get_item (model, position + i));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, mirror->len);
}

static void
assert_mirror (GListModel *model,
               GPtrArray  *mirror)
{
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, mirror->len);
  for (guint i = 0; i < mirror->len; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      g_assert_true (item == mirror->pdata[i]);
    }
}

static void
test_many (void)
{
  static const char * const typed[] = {
    "a", "al", "alp", "alpha", "alpha b", "alpha beta", "alpha b", "alpha", "beta",
    "gamma", "-alpha", "-alpha gamma", "", "gamma", "ga", "",
  };
  g_autoptr(GPtrArray) mirror = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *json = NULL;
  g_autofree char *tmp = NULL;
  g_autoptr(GError) error = NULL;
  Fixture fixture = { 0, };
  GListModel *rows;
  JlnAction *kept;

  tmp = g_dir_make_tmp ("jalons-many-XXXXXX", &error);
  g_assert_no_error (error);
  json = write_many_plan (tmp);
  fixture.document = jln_test_import_plan (json, "jalons-list-XXXXXX", &fixture.dir, &fixture.path);
  g_unlink (json);
  g_rmdir (tmp);

  fixture.session = jln_session_new ();
  fixture.filter = jln_session_get_filter (fixture.session);
  jln_session_set_content_language (fixture.session, JLN_LANG_FR);
  jln_session_set_document (fixture.session, fixture.document);
  fixture.list = JLN_ACTION_LIST (jln_action_list_new ());
  jln_action_list_set_session (fixture.list, fixture.session);
  fixture.window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture.window), 1280, 800);
  gtk_window_set_child (GTK_WINDOW (fixture.window), GTK_WIDGET (fixture.list));
  gtk_window_present (GTK_WINDOW (fixture.window));
  wait_for_list (&fixture);
  g_assert_cmpuint (jln_action_list_get_n_total (fixture.list), ==,
                    MANY_OBJECTIVES * MANY_PER_OBJECTIVE);

  rows = get_rows (&fixture);
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    g_ptr_array_add (mirror, g_list_model_get_item (rows, i));
  g_signal_connect (rows, "items-changed", G_CALLBACK (mirror_changed_cb), mirror);

  /* One key at a time, the list complete in between. */
  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      jln_query_filter_set_text (fixture.filter, typed[i]);
      g_assert_true (jln_action_list_get_pending (fixture.list));
      wait_for_list (&fixture);
      assert_mirror (rows, mirror);
      g_assert_cmpuint (check_rows_match (&fixture), ==, count_matching (&fixture));
    }

  /* Keys typed faster than the list follows, some in the middle of
   * telling the view. */
  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      jln_query_filter_set_text (fixture.filter, typed[i]);
      for (guint k = 0; k < i % 4 * 3; k++)
        g_main_context_iteration (NULL, FALSE);
    }
  wait_for_list (&fixture);
  assert_mirror (rows, mirror);
  g_assert_cmpuint (check_rows_match (&fixture), ==, count_matching (&fixture));

  /* The selected action stays selected while the query keeps it. */
  kept = find_action (&fixture, "2.31");   /* action 2430: alpha, beta, gamma */
  jln_action_list_select (fixture.list, JLN_RECORD (kept));
  g_assert_true (jln_action_list_get_selected (fixture.list) == JLN_RECORD (kept));
  jln_query_filter_set_text (fixture.filter, "beta");
  wait_for_list (&fixture);
  jln_query_filter_set_text (fixture.filter, "beta gamma");
  wait_for_list (&fixture);
  assert_mirror (rows, mirror);
  g_assert_true (jln_action_list_get_selected (fixture.list) == JLN_RECORD (kept));
  g_assert_cmpuint (check_rows_match (&fixture), ==, MANY_OBJECTIVES * MANY_PER_OBJECTIVE / 15);

  g_signal_handlers_disconnect_by_func (rows, mirror_changed_cb, mirror);
  g_object_add_weak_pointer (G_OBJECT (fixture.list), (gpointer *) &fixture.list);
  gtk_window_destroy (GTK_WINDOW (fixture.window));
  JLN_TEST_WAIT_UNTIL (fixture.list == NULL);
  g_assert_null (fixture.list);
  g_object_add_weak_pointer (G_OBJECT (fixture.filter), (gpointer *) &fixture.filter);
  g_assert_finalize_object (fixture.session);
  g_assert_null (fixture.filter);
  g_assert_finalize_object (fixture.document);
  jln_test_clear_plan_dir (&fixture.dir, &fixture.path);
}

/* Speed on a large plan, by hand: JALONS_BENCH_PLAN=plan.json, as
 * written by `bench-plan --generate plan.json`. */

typedef struct
{
  gint64 longest;
  gint64 last;
} FrameTimes;

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  FrameTimes *times = user_data;
  gint64 now = g_get_monotonic_time ();

  if (times->last != 0)
    times->longest = MAX (times->longest, now - times->last);
  times->last = now;
  return G_SOURCE_CONTINUE;
}

static void
test_large (void)
{
  const char *json = g_getenv ("JALONS_BENCH_PLAN");
  static const char * const keystrokes[] = {
    "r", "re", "rec", "recr", "recru", "recrut", "recrute", "recrutem", "recruteme",
    "recrutemen", "recrutement", "recrutement ", "recrutement u", "recrutement unit:U7",
    "recrutement unit:U", "recrutement", "recrutemen", "recrut", "",
  };
  Fixture fixture = { 0, };
  FrameTimes times = { 0, };
  gint64 start;
  guint tick;

  if (json == NULL)
    {
      g_test_skip ("set JALONS_BENCH_PLAN to a generated plan");
      return;
    }

  fixture.document = jln_test_import_plan (json, "jalons-list-XXXXXX", &fixture.dir, &fixture.path);
  fixture.session = jln_session_new ();
  fixture.filter = jln_session_get_filter (fixture.session);
  jln_session_set_content_language (fixture.session, JLN_LANG_FR);
  fixture.list = JLN_ACTION_LIST (jln_action_list_new ());
  jln_action_list_set_session (fixture.list, fixture.session);

  start = g_get_monotonic_time ();
  jln_session_set_document (fixture.session, fixture.document);
  fixture.window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture.window), 1280, 800);
  gtk_window_set_child (GTK_WINDOW (fixture.window), GTK_WIDGET (fixture.list));
  gtk_window_present (GTK_WINDOW (fixture.window));
  wait_for_list (&fixture);
  g_test_message ("%u actions shown in %.0f ms", jln_action_list_get_n_total (fixture.list),
                  (g_get_monotonic_time () - start) / 1000.0);

  tick = gtk_widget_add_tick_callback (fixture.window, tick_cb, &times, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (keystrokes); i++)
    {
      gint64 typed, done;

      start = g_get_monotonic_time ();
      jln_query_filter_set_text (fixture.filter, keystrokes[i]);
      typed = g_get_monotonic_time () - start;
      times.longest = 0;
      times.last = 0;
      wait_for_list (&fixture);
      done = g_get_monotonic_time () - start;
      g_test_message ("'%s': keystroke %.1f ms, filtered in %.0f ms, longest frame %.1f ms: %s",
                      keystrokes[i], typed / 1000.0, done / 1000.0, times.longest / 1000.0,
                      gtk_label_get_text (GTK_LABEL (get_child (&fixture, "count_label"))));
    }
  gtk_widget_remove_tick_callback (fixture.window, tick);

  fixture_teardown (&fixture, NULL);
}

/* Widgets per row */

/* The widgets a row on screen costs: one, read by screen readers. */
#define MAX_WIDGETS_PER_ROW 1

static guint
count_widgets (GtkWidget *widget)
{
  guint n = 1;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_widgets (child);
  return n;
}

static gboolean
node_has_text (GskRenderNode *node)
{
  switch (gsk_render_node_get_node_type (node))
    {
    case GSK_TEXT_NODE:
      return TRUE;
    case GSK_CONTAINER_NODE:
      for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
        if (node_has_text (gsk_container_node_get_child (node, i)))
          return TRUE;
      return FALSE;
    case GSK_TRANSFORM_NODE:
      return node_has_text (gsk_transform_node_get_child (node));
    case GSK_COLOR_MATRIX_NODE:
      return node_has_text (gsk_color_matrix_node_get_child (node));
    case GSK_OPACITY_NODE:
      return node_has_text (gsk_opacity_node_get_child (node));
    case GSK_CLIP_NODE:
      return node_has_text (gsk_clip_node_get_child (node));
    case GSK_ROUNDED_CLIP_NODE:
      return node_has_text (gsk_rounded_clip_node_get_child (node));
    case GSK_DEBUG_NODE:
      return node_has_text (gsk_debug_node_get_child (node));
    default:
      return FALSE;
    }
}

/* Whether @widget draws text, itself or by a child. */
static gboolean
draws_text (GtkWidget *widget)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GskRenderNode *node;
  gboolean found;

  GTK_WIDGET_GET_CLASS (widget)->snapshot (widget, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  found = node != NULL && node_has_text (node);
  g_clear_pointer (&node, gsk_render_node_unref);
  return found;
}

/* The position of @record's row, selected so that it is on screen. */
static guint
show_row (Fixture   *fixture,
          JlnRecord *record)
{
  guint position;

  jln_action_list_select (fixture->list, record);
  wait_for_list (fixture);
  position = gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (get_rows (fixture)));
  g_assert_cmpuint (position, !=, GTK_INVALID_LIST_POSITION);
  return position;
}

/* A row of the list is drawn, not built of widgets, as rows scroll into
 * view; its short texts are still drawn and read. */
static void
test_row_widgets (Fixture       *fixture,
                  gconstpointer  data)
{
  JlnAction *action = find_action (fixture, "1.4");
  JlnActionGrid *grid = get_grid (fixture);
  g_autofree char *due = jln_record_dup_due_text (JLN_RECORD (action), jln_lang_from_locale ());
  g_autofree char *text = NULL;
  GtkWidget *row;
  guint position, n;
  GdkRectangle area;

  position = show_row (fixture, JLN_RECORD (action));
  row = jln_action_grid_get_row_widget (grid, position);
  g_assert_nonnull (row);
  n = count_widgets (row);
  g_test_message ("%u widgets in a row", n);
  g_assert_cmpuint (n, <=, MAX_WIDGETS_PER_ROW);
  /* No more widgets than rows on screen, whatever was shown before. */
  n = count_widgets (GTK_WIDGET (grid));
  g_test_message ("%u widgets in the grid", n);
  g_assert_cmpuint (n, <, 120);

  /* The semester is shown, drawn by the grid and read by screen readers. */
  text = jln_action_grid_dup_cell_text (grid, position, JLN_ACTION_COLUMN_DUE);
  g_assert_nonnull (text);
  g_assert_true (g_str_has_suffix (text, due));
  g_assert_true (draws_text (GTK_WIDGET (grid)));
  {
    g_autofree char *expected = jln_record_dup_spoken_label (JLN_RECORD (action),
                                                             test_language (),
                                                             jln_lang_from_locale (),
                                                             jln_semester_today ());

    g_assert_nonnull (strstr (expected, due));
    gtk_test_accessible_assert_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                         expected);
  }
  g_assert_true (jln_action_grid_get_cell_area (grid, position, JLN_ACTION_COLUMN_DUE, &area));
  g_assert_cmpint (area.width, >, 0);
}

/* A key, as the grid gets it from its focused row. */
static gboolean
press_grid_key (Fixture *fixture,
                guint    keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (get_grid (fixture)));
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (g_strcmp0 (gtk_event_controller_get_name (controller), "jln-grid-keys") == 0)
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, 0, &handled);
    }
  return handled;
}

/* Page Down moves the selection a screen down, and the rows with it: the
 * selected row stays on screen and keeps the focus, only the rows coming
 * into view are laid out, and no widget is made or bound for them. */
static void
test_page_down (Fixture       *fixture,
                gconstpointer  data)
{
  JlnActionGrid *grid = get_grid (fixture);
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (get_rows (fixture));
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (grid));
  guint n_widgets, laid_out, before;
  GdkRectangle area;

  show_row (fixture, jln_test_find_action (fixture->document, "1.1"));
  jln_action_grid_focus_cursor (grid);
  wait_for_list (fixture);
  n_widgets = count_widgets (GTK_WIDGET (grid));

  for (guint i = 0; i < 3; i++)
    {
      double value = gtk_adjustment_get_value (adjustment);

      before = gtk_single_selection_get_selected (selection);
      laid_out = jln_action_grid_get_n_laid_out (grid);
      g_assert_true (press_grid_key (fixture, GDK_KEY_Page_Down));
      jln_test_wait_for_idle (fixture->window);

      /* A screen further, in the rows and in the selection. */
      g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >,
                         value + gtk_adjustment_get_page_size (adjustment) / 2);
      g_assert_cmpuint (gtk_single_selection_get_selected (selection), >, before + 3);
      g_assert_true (jln_action_grid_get_row_area (grid,
                                                   gtk_single_selection_get_selected (selection),
                                                   &area));
      g_assert_cmpint (area.y, >=, 0);
      g_assert_cmpint (area.y + area.height, <=, gtk_widget_get_height (GTK_WIDGET (grid)));
      g_assert_true (is_focus (jln_action_grid_get_row_widget (grid,
                                                                           gtk_single_selection_get_selected (selection))));

      /* The rows coming on screen, laid out once, and those above the
       * selected row measured to place it. */
      g_test_message ("Page Down laid out %u rows",
                      jln_action_grid_get_n_laid_out (grid) - laid_out);
      g_assert_cmpuint (jln_action_grid_get_n_laid_out (grid) - laid_out, <=, 40);
      g_assert_cmpuint (count_widgets (GTK_WIDGET (grid)), <=, n_widgets + 1);
    }

  /* Page Up comes back. */
  before = gtk_single_selection_get_selected (selection);
  g_assert_true (press_grid_key (fixture, GDK_KEY_Page_Up));
  jln_test_wait_for_idle (fixture->window);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), <, before);
  g_assert_true (press_grid_key (fixture, GDK_KEY_End));
  jln_test_wait_for_idle (fixture->window);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==,
                    g_list_model_get_n_items (G_LIST_MODEL (selection)) - 1);
  g_assert_true (jln_action_grid_get_row_area (grid, gtk_single_selection_get_selected (selection),
                                               &area));
  g_assert_cmpint (area.y + area.height, <=, gtk_widget_get_height (GTK_WIDGET (grid)));
  g_assert_true (press_grid_key (fixture, GDK_KEY_Home));
  jln_test_wait_for_idle (fixture->window);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 0);
}

/* Whether every line of @layout ends at its right edge: in a cell, at
 * the cell's start right to left. */
static gboolean
lines_at_right (PangoLayout *layout)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  int width = pango_layout_get_width (layout);
  gboolean right = width > 0;

  do
    {
      PangoRectangle logical;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      right = right && ABS (logical.x + logical.width - width) <= PANGO_SCALE;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  return right;
}

/* Right to left, the columns start from the right: the number is at the
 * right edge, its arrow on its right, and the texts are read as before,
 * each at its cell's start, on the right. */
static void
test_right_to_left (Fixture       *fixture,
                    gconstpointer  data)
{
  JlnActionGrid *grid = get_grid (fixture);
  guint position = show_row (fixture, jln_test_find_action (fixture->document, "1.2"));
  int width = gtk_widget_get_width (GTK_WIDGET (grid));
  GdkRectangle number, title, arrow;
  g_autofree char *text = NULL;

  gtk_widget_set_direction (GTK_WIDGET (grid), GTK_TEXT_DIR_RTL);
  /* The rows are laid out right to left when the grid is allocated, so
   * that drawing a frame changes none of their layouts. */
  {
    g_autoptr(GskRenderNode) node = NULL;
    GtkSnapshot *snapshot = gtk_snapshot_new ();
    GtkAllocation allocation;
    PangoLayout *layout;
    guint serial;

    gtk_widget_get_allocation (GTK_WIDGET (grid), &allocation);
    gtk_widget_measure (GTK_WIDGET (grid), GTK_ORIENTATION_VERTICAL, -1, NULL, NULL, NULL, NULL);
    gtk_widget_measure (GTK_WIDGET (grid), GTK_ORIENTATION_HORIZONTAL, -1,
                        NULL, NULL, NULL, NULL);
    gtk_widget_size_allocate (GTK_WIDGET (grid), &allocation, -1);
    layout = jln_action_grid_get_cell_layout (grid, position, JLN_ACTION_COLUMN_TITLE);
    g_assert_nonnull (layout);
    g_assert_true (lines_at_right (layout));
    serial = pango_layout_get_serial (layout);
    gtk_widget_snapshot_child (gtk_widget_get_parent (GTK_WIDGET (grid)), GTK_WIDGET (grid),
                               snapshot);
    node = gtk_snapshot_free_to_node (snapshot);
    g_assert_nonnull (node);
    g_assert_cmpuint (pango_layout_get_serial (layout), ==, serial);
  }
  JLN_TEST_WAIT_UNTIL (jln_action_grid_get_cell_area (grid, position, JLN_ACTION_COLUMN_NUMBER,
                                                      &number) && number.x > width / 2);
  jln_test_wait_for_idle (fixture->window);
  g_assert_true (jln_action_grid_get_cell_area (grid, position, JLN_ACTION_COLUMN_NUMBER, &number));
  g_assert_true (jln_action_grid_get_cell_area (grid, position, JLN_ACTION_COLUMN_TITLE, &title));
  g_assert_true (jln_action_grid_get_expander_area (grid, position, &arrow));
  g_assert_cmpint (number.x + number.width, >=, width - 40);
  g_assert_cmpint (title.x + title.width, <=, number.x);
  g_assert_cmpint (arrow.x, >, number.x + number.width / 2);
  text = jln_action_grid_dup_cell_text (grid, position, JLN_ACTION_COLUMN_NUMBER);
  g_assert_cmpstr (text, ==, "1.2");
  gtk_widget_set_direction (GTK_WIDGET (grid), GTK_TEXT_DIR_NONE);
}

/* Row heights and headings */

/* The title of the row at @position shows every word, and the row is no
 * taller than its lines: returns the title's height. */
static int
assert_title_whole (Fixture *fixture,
                    guint    position)
{
  JlnActionGrid *grid = get_grid (fixture);
  g_autoptr(JlnRow) row = g_list_model_get_item (get_rows (fixture), position);
  PangoLayout *layout = jln_action_grid_get_cell_layout (grid, position, JLN_ACTION_COLUMN_TITLE);
  GdkRectangle cell, area;
  int width, height;

  g_assert_nonnull (layout);
  g_assert_true (jln_action_grid_get_cell_area (grid, position, JLN_ACTION_COLUMN_TITLE, &cell));
  g_assert_true (jln_action_grid_get_row_area (grid, position, &area));
  pango_layout_get_pixel_size (layout, &width, &height);
  g_assert_false (pango_layout_is_ellipsized (layout));
  g_assert_cmpstr (pango_layout_get_text (layout), ==,
                   jln_record_get_title_text (jln_row_get_record (row), test_language (), NULL));
  g_assert_cmpint (width, <=, pango_layout_get_width (layout) / PANGO_SCALE);
  g_assert_cmpint (height, <=, area.height);
  /* Not taller than its lines (or a line, beside the row's arrow), with
   * the cells' padding of style.css, 8 px above and below. */
  g_assert_cmpint (area.height, <=, MAX (height, 24) + 16);
  return height;
}

static void
test_row_heights (Fixture       *fixture,
                  gconstpointer  data)
{
  JlnActionGrid *grid = get_grid (fixture);
  guint position = show_row (fixture, JLN_RECORD (find_action (fixture, "1.1")));
  GdkRectangle cell;
  int height, wider_height;

  /* As the title column is wide, and as the user narrows it: the row is
   * as tall as the lines of its title at the column's width. */
  wider_height = assert_title_whole (fixture, position);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 900, 800);
  jln_action_grid_set_column_width (grid, JLN_ACTION_COLUMN_TITLE, 200);
  JLN_TEST_WAIT_UNTIL (jln_action_grid_get_cell_area (grid, position, JLN_ACTION_COLUMN_TITLE,
                                                      &cell) && cell.width < 400);
  jln_test_wait_for_idle (fixture->window);
  height = assert_title_whole (fixture, position);
  g_assert_cmpint (height, >, wider_height);
}

static void
test_heading_spans_row (Fixture       *fixture,
                        gconstpointer  data)
{
  GListModel *objectives = jln_plan_get_objectives (jln_document_get_plan (fixture->document));
  JlnActionGrid *grid = get_grid (fixture);
  JlnRecord *longest = NULL;
  guint position;

  for (guint i = 0; i < g_list_model_get_n_items (objectives); i++)
    {
      g_autoptr(JlnRecord) objective = g_list_model_get_item (objectives, i);

      if (longest == NULL ||
          strlen (jln_record_get_title_text (objective, test_language (), NULL)) >
          strlen (jln_record_get_title_text (longest, test_language (), NULL)))
        longest = objective;
    }

  /* Narrow enough for the title column to wrap it. */
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1000, 800);
  jln_test_wait_for_idle (fixture->window);
  position = show_row (fixture, longest);
  for (guint i = 0; i < 2; i++)
    {
      PangoLayout *layout = jln_action_grid_get_cell_layout (grid, position,
                                                             JLN_ACTION_COLUMN_TITLE);
      GdkRectangle cell;
      int text_width;

      g_assert_true (jln_action_grid_get_cell_area (grid, position, JLN_ACTION_COLUMN_TITLE,
                                                    &cell));
      /* Wider than the title column, to (near) the end of the row: the
       * room it is laid out in, and its tag after it. */
      text_width = pango_layout_get_width (layout) / PANGO_SCALE;
      /* (the column's room, inside the cells' padding of 6 px a side) */
      g_assert_cmpint (text_width, >, cell.width - 12 + 300);
      g_assert_cmpint (cell.x + text_width, >=, gtk_widget_get_width (GTK_WIDGET (grid)) - 160);
      g_assert_cmpint (cell.x + text_width, <=, gtk_widget_get_width (GTK_WIDGET (grid)));
      /* On one line, every word shown. */
      assert_title_whole (fixture, position);
      g_assert_cmpint (pango_layout_get_line_count (layout), ==, 1);

      /* The span follows the columns' widths. */
      if (i == 0)
        {
          int width = cell.width;

          jln_action_grid_set_column_width (grid, JLN_ACTION_COLUMN_STATUS, 60);
          JLN_TEST_WAIT_UNTIL (jln_action_grid_get_cell_area (grid, position,
                                                              JLN_ACTION_COLUMN_TITLE, &cell) &&
                               cell.width > width);
          jln_test_wait_for_idle (fixture->window);
        }
    }
}

/* Screenshots */

static void
save_screenshot (GtkWidget  *widget,
                 const char *name)
{
  g_autoptr(GdkTexture) texture = jln_test_render_widget (widget);

  jln_test_save_screenshot (texture, name, test_language () == JLN_LANG_FR ? "fr" : "en");
}

static void
test_screenshot (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkWidget *legend = get_child (fixture, "legend_button");
  GtkMenuButton *unit = get_child (fixture, "unit_button");

  if (g_getenv ("JALONS_SCREENSHOT_DIR") == NULL)
    {
      g_test_skip ("set JALONS_SCREENSHOT_DIR to save screenshots");
      return;
    }

  save_screenshot (fixture->window, "action-list");

  jln_action_list_select (fixture->list, JLN_RECORD (find_action (fixture, "4.5")));
  wait_for_list (fixture);
  save_screenshot (fixture->window, "action-list-scrolled");

  set_query (fixture, "egalite -status:done unit:RH");
  jln_test_wait_for_idle (fixture->window);
  save_screenshot (fixture->window, "action-list-query");

  set_query (fixture, "egalite colour:red");
  jln_test_wait_for_idle (fixture->window);
  save_screenshot (fixture->window, "action-list-error");

  jln_test_popup (GTK_WIDGET (legend));
  jln_test_wait_for_idle (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (legend))));
  save_screenshot (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (legend))),
                   "action-list-legend");
  gtk_menu_button_popdown (GTK_MENU_BUTTON (legend));

  jln_test_popup (GTK_WIDGET (unit));
  jln_test_wait_for_idle (GTK_WIDGET (gtk_menu_button_get_popover (unit)));
  save_screenshot (GTK_WIDGET (gtk_menu_button_get_popover (unit)), "action-list-unit-menu");
  gtk_menu_button_popdown (unit);
  jln_test_wait_for_unmapped (GTK_WIDGET (gtk_menu_button_get_popover (unit)));

  /* Right to left, as in Hebrew or Arabic: the whole list mirrored. */
  set_query (fixture, "");
  jln_action_list_select (fixture->list, JLN_RECORD (find_action (fixture, "1.2")));
  wait_for_list (fixture);
  gtk_widget_set_default_direction (GTK_TEXT_DIR_RTL);
  JLN_TEST_WAIT_UNTIL (find_number (fixture, "1.2") >= 0);
  wait_for_list (fixture);
  save_screenshot (fixture->window, "action-list-rtl");
  gtk_widget_set_default_direction (GTK_TEXT_DIR_LTR);
  wait_for_list (fixture);
}

/* A title of a megabyte, which a plan may hold, is shown in the list by
 * its first 2000 characters and an ellipsis, in a row of some lines,
 * and the editor keeps it whole. */
static void
test_long_title (Fixture       *fixture,
                 gconstpointer  data)
{
  JlnAction *action = find_action (fixture, "1.1");
  g_autoptr(GString) title = g_string_new (NULL);
  g_autoptr(JlnEdit) edit = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *shown = NULL;
  GdkRectangle area;
  int position;

  jln_session_set_content_language (fixture->session, JLN_LANG_EN);
  while (title->len < 1000 * 1000)
    g_string_append (title, "égalité ");
  edit = jln_edit_new_set (JLN_RECORD (action), "title-en", title->str);
  g_assert_true (jln_document_apply (fixture->document, edit, &error));
  g_assert_no_error (error);
  position = show_row (fixture, JLN_RECORD (action));
  wait_for_list (fixture);

  shown = jln_action_grid_dup_cell_text (get_grid (fixture), position, JLN_ACTION_COLUMN_TITLE);
  g_assert_nonnull (shown);
  g_assert_true (g_utf8_validate (shown, -1, NULL));
  g_assert_cmpint (g_utf8_strlen (shown, -1), ==, 2001);
  g_assert_true (g_str_has_suffix (shown, "\u2026"));
  g_assert_true (g_str_has_prefix (title->str, "égalité égalité"));
  g_assert_true (strncmp (shown, title->str, strlen (shown) - strlen ("\u2026")) == 0);
  g_assert_true (jln_action_grid_get_row_area (get_grid (fixture), position, &area));
  g_assert_cmpint (area.height, <, 4000);
  g_assert_cmpuint (strlen (jln_record_get_title_text (JLN_RECORD (action), JLN_LANG_EN, NULL)),
                    ==, title->len);

  /* Screen readers read the row as it is shown: the title cut as its
   * cell is, then the status and the semester. */
  {
    GtkWidget *row = jln_action_grid_get_row_widget (get_grid (fixture), position);
    g_autofree char *whole = jln_record_dup_spoken_label (JLN_RECORD (action), JLN_LANG_EN,
                                                          jln_lang_from_locale (),
                                                          jln_semester_today ());
    g_autofree char *status = jln_record_dup_status_text (JLN_RECORD (action));
    g_autoptr(GString) expected = g_string_new ("1.1, ");

    g_assert_nonnull (row);
    g_assert_true (g_str_has_prefix (whole, expected->str));
    g_assert_true (g_str_has_prefix (whole + expected->len, title->str));
    g_string_append (expected, shown);
    g_string_append (expected, whole + strlen ("1.1, ") + title->len);
    g_assert_true (g_utf8_validate (expected->str, -1, NULL));
    g_assert_cmpint (g_utf8_strlen (expected->str, -1), <, 2200);
    g_assert_nonnull (strstr (expected->str, status));
    gtk_test_accessible_assert_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                         expected->str);
  }
}

/* Tab order */

static gboolean
in_grid (Fixture   *fixture,
         GtkWidget *widget)
{
  return widget != NULL && (widget == GTK_WIDGET (get_grid (fixture)) ||
                            gtk_widget_is_ancestor (widget, GTK_WIDGET (get_grid (fixture))));
}

/* Moves the focus as Tab (or Shift+Tab) does, and returns the focus. */
static GtkWidget *
press_tab (Fixture          *fixture,
           GtkDirectionType  direction)
{
  GtkWidget *window = fixture->window;

  if (!gtk_widget_child_focus (window, direction))
    /* Past the last widget: GTK wraps to the first, as a key press does. */
    g_assert_true (gtk_widget_child_focus (window, direction));
  jln_test_wait_for_idle (window);
  return gtk_root_get_focus (GTK_ROOT (window));
}

/* Whether @focus is the selected row of the list, as @start was: the
 * list may have given the row another of its widgets since, when it laid
 * its rows out again, and a user sees the same row. */
static gboolean
is_selected_row (Fixture   *fixture,
                 GtkWidget *focus,
                 GtkWidget *start)
{
  g_autofree char *state = NULL;

  if (focus == start)
    return TRUE;
  if (!in_grid (fixture, focus) ||
      gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (focus)) != GTK_ACCESSIBLE_ROLE_ROW)
    return FALSE;
  state = gtk_test_accessible_check_state (GTK_ACCESSIBLE (focus), GTK_ACCESSIBLE_STATE_SELECTED,
                                           TRUE);
  if (state != NULL)
    return FALSE;
  g_test_message ("The selected row has another widget than before");
  return TRUE;
}

static void
assert_selected_row (Fixture   *fixture,
                     GtkWidget *focus,
                     GtkWidget *start)
{
  if (is_selected_row (fixture, focus, start))
    return;
  g_error ("The focus is on a %s (in the list: %d, role %d), not on the selected row",
           focus != NULL ? G_OBJECT_TYPE_NAME (focus) : "nothing", in_grid (fixture, focus),
           focus != NULL ? (int) gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (focus)) : -1);
}

/* Tab visits the list once, on the selected row, whatever the rows on
 * screen; Shift+Tab from there goes to the headings, then out. */
static void
test_tab_order (Fixture       *fixture,
                gconstpointer  data)
{
  JlnActionGrid *grid = get_grid (fixture);
  GtkWidget *start, *focus;
  guint stops = 0, in_list = 0;

  show_row (fixture, JLN_RECORD (find_action (fixture, "1.8")));
  jln_action_grid_focus_cursor (grid);
  start = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_assert_true (in_grid (fixture, start));
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (start)), ==,
                   GTK_ACCESSIBLE_ROLE_ROW);
  g_assert_cmpuint (jln_action_grid_get_n_laid_out (grid), >, 10);

  /* Round the window with Tab: the list is one stop. */
  do
    {
      focus = press_tab (fixture, GTK_DIR_TAB_FORWARD);
      g_assert_nonnull (focus);
      g_test_message ("Tab stop %u: %s in %s in %s", stops, G_OBJECT_TYPE_NAME (focus),
                      G_OBJECT_TYPE_NAME (gtk_widget_get_parent (focus)),
                      G_OBJECT_TYPE_NAME (gtk_widget_get_parent (gtk_widget_get_parent (focus))));
      stops++;
      if (in_grid (fixture, focus))
        in_list++;
      g_assert_cmpuint (stops, <, 100);
    }
  while (!is_selected_row (fixture, focus, start));
  g_test_message ("%u Tab stops, %u in the list", stops, in_list);
  g_assert_cmpuint (in_list, ==, 1);
  g_assert_cmpuint (stops, >, 1);

  /* Tab from the list leaves it. */
  focus = press_tab (fixture, GTK_DIR_TAB_FORWARD);
  g_assert_false (in_grid (fixture, focus));

  /* Shift+Tab back to the row, then to the headings, then out. */
  focus = press_tab (fixture, GTK_DIR_TAB_BACKWARD);
  assert_selected_row (fixture, focus, start);
  focus = press_tab (fixture, GTK_DIR_TAB_BACKWARD);
  g_assert_true (in_grid (fixture, focus));
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (focus)), ==,
                   GTK_ACCESSIBLE_ROLE_COLUMN_HEADER);
  /* From the headings, Tab goes back to the selected row. */
  focus = press_tab (fixture, GTK_DIR_TAB_FORWARD);
  assert_selected_row (fixture, focus, start);
  press_tab (fixture, GTK_DIR_TAB_BACKWARD);
  focus = press_tab (fixture, GTK_DIR_TAB_BACKWARD);
  g_assert_false (in_grid (fixture, focus));
}

/* Column widths */

static GtkEventController *
find_controller (GtkWidget  *widget,
                 const char *name)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (g_strcmp0 (gtk_event_controller_get_name (controller), name) == 0)
        return controller;
    }
  g_assert_not_reached ();
  return NULL;
}

static void
count_cb (guint *count)
{
  (*count)++;
}

/* The width of a column in the list of a new window on the same plan. */
static int
width_in_new_window (Fixture         *fixture,
                     JlnActionColumn  column)
{
  GtkWidget *window = gtk_window_new ();
  JlnActionList *list = JLN_ACTION_LIST (jln_action_list_new ());
  JlnActionGrid *grid;
  int width;

  jln_action_list_set_session (list, fixture->session);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (list));
  gtk_window_present (GTK_WINDOW (window));
  JLN_TEST_WAIT_UNTIL (!jln_action_list_get_pending (list));
  jln_test_wait_for_idle (window);
  grid = JLN_ACTION_GRID (gtk_widget_get_template_child (GTK_WIDGET (list), JLN_TYPE_ACTION_LIST,
                                                         "grid"));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (grid)));
  width = jln_action_grid_get_column_width (grid, column);

  g_object_add_weak_pointer (G_OBJECT (list), (gpointer *) &list);
  gtk_window_destroy (GTK_WINDOW (window));
  JLN_TEST_WAIT_UNTIL (list == NULL);
  return width;
}

/* Dragging the edge of a heading resizes its column, and a new window
 * shows the column as wide; the width is saved once, when the drag
 * ends, and widths that make no sense in the settings are ignored. */
static void
test_column_widths (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  JlnActionGrid *grid = get_grid (fixture);
  GtkEventController *drag = find_controller (GTK_WIDGET (grid), "jln-grid-resize");
  int status = jln_action_grid_get_column_width (grid, JLN_ACTION_COLUMN_STATUS);
  int units = jln_action_grid_get_column_width (grid, JLN_ACTION_COLUMN_UNITS);
  int due = jln_action_grid_get_column_width (grid, JLN_ACTION_COLUMN_DUE);
  guint saved = 0;
  GdkRectangle cell;
  int saved_width;

  g_assert_cmpint (width_in_new_window (fixture, JLN_ACTION_COLUMN_STATUS), ==, status);
  g_signal_connect_swapped (settings, "changed::list-column-widths", G_CALLBACK (count_cb), &saved);

  /* The status column's edge, dragged 60 px to the right in 3 steps. */
  g_assert_true (jln_action_grid_get_cell_area (grid, 0, JLN_ACTION_COLUMN_STATUS, &cell));
  g_signal_emit_by_name (drag, "drag-begin", (double) (cell.x + cell.width), 2.0);
  for (guint i = 1; i <= 3; i++)
    {
      g_signal_emit_by_name (drag, "drag-update", 20.0 * i, 0.0);
      jln_test_wait_for_idle (fixture->window);
      g_assert_cmpint (jln_action_grid_get_column_width (grid, JLN_ACTION_COLUMN_STATUS), ==,
                       status + 20 * i);
    }
  g_assert_cmpuint (saved, ==, 0);
  g_signal_emit_by_name (drag, "drag-end", 60.0, 0.0);
  g_assert_cmpuint (saved, ==, 1);
  {
    g_autoptr(GVariant) widths = g_settings_get_value (settings, "list-column-widths");

    g_assert_true (g_variant_lookup (widths, "status", "i", &saved_width));
  }
  g_assert_cmpint (saved_width, ==, status + 60);

  /* A new window, the same widths. */
  g_assert_cmpint (width_in_new_window (fixture, JLN_ACTION_COLUMN_STATUS), ==, status + 60);
  g_assert_cmpint (width_in_new_window (fixture, JLN_ACTION_COLUMN_UNITS), ==, units);

  /* Negative or huge widths, and unknown columns, are ignored. */
  g_settings_set_value (settings, "list-column-widths",
                        g_variant_new_parsed ("{'status': -40, 'units': 99999, 'bogus': 300, "
                                              "'due': %i}", due + 30));
  g_assert_cmpint (width_in_new_window (fixture, JLN_ACTION_COLUMN_STATUS), ==, status);
  g_assert_cmpint (width_in_new_window (fixture, JLN_ACTION_COLUMN_UNITS), ==, units);
  g_assert_cmpint (width_in_new_window (fixture, JLN_ACTION_COLUMN_DUE), ==, due + 30);

  g_signal_handlers_disconnect_by_data (settings, &saved);
  g_settings_reset (settings, "list-column-widths");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, BUILD_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();
  jln_test_load_style ();

  g_test_add ("/gui/action-list/count", Fixture, NULL,
              fixture_setup, test_count, fixture_teardown);
  g_test_add ("/gui/action-list/error", Fixture, NULL,
              fixture_setup, test_error, fixture_teardown);
  g_test_add ("/gui/action-list/filter-buttons", Fixture, NULL,
              fixture_setup, test_filter_buttons, fixture_teardown);
  g_test_add ("/gui/action-list/multi-choice", Fixture, NULL,
              fixture_setup, test_multi_choice, fixture_teardown);
  g_test_add ("/gui/action-list/plain-text", Fixture, NULL,
              fixture_setup, test_plain_text, fixture_teardown);
  g_test_add ("/gui/action-list/long-title", Fixture, NULL,
              fixture_setup, test_long_title, fixture_teardown);
  g_test_add ("/gui/action-list/accessible", Fixture, NULL,
              fixture_setup, test_accessible, fixture_teardown);
  g_test_add ("/gui/action-list/fallback", Fixture, NULL,
              fixture_setup, test_fallback, fixture_teardown);
  g_test_add ("/gui/action-list/live-status", Fixture, NULL,
              fixture_setup, test_live_status, fixture_teardown);
  g_test_add ("/gui/action-list/live-items", Fixture, NULL,
              fixture_setup, test_live_items, fixture_teardown);
  g_test_add ("/gui/action-list/selection", Fixture, NULL,
              fixture_setup, test_selection, fixture_teardown);
  g_test_add ("/gui/action-list/held-key", Fixture, NULL,
              fixture_setup, test_held_key, fixture_teardown);
  g_test_add ("/gui/action-list/rows-measured-once", Fixture, NULL,
              fixture_setup, test_rows_measured_once, fixture_teardown);
  g_test_add ("/gui/action-list/sort", Fixture, NULL,
              fixture_setup, test_sort, fixture_teardown);
  g_test_add ("/gui/action-list/expand", Fixture, NULL,
              fixture_setup, test_expand, fixture_teardown);
  g_test_add ("/gui/action-list/row-widgets", Fixture, NULL,
              fixture_setup, test_row_widgets, fixture_teardown);
  g_test_add ("/gui/action-list/page-down", Fixture, NULL,
              fixture_setup, test_page_down, fixture_teardown);
  g_test_add ("/gui/action-list/right-to-left", Fixture, NULL,
              fixture_setup, test_right_to_left, fixture_teardown);
  g_test_add ("/gui/action-list/row-heights", Fixture, NULL,
              fixture_setup, test_row_heights, fixture_teardown);
  g_test_add ("/gui/action-list/heading-spans-row", Fixture, NULL,
              fixture_setup, test_heading_spans_row, fixture_teardown);
  g_test_add ("/gui/action-list/tab-order", Fixture, NULL,
              fixture_setup, test_tab_order, fixture_teardown);
  g_test_add ("/gui/action-list/column-widths", Fixture, NULL,
              fixture_setup, test_column_widths, fixture_teardown);
  g_test_add ("/gui/action-list/screenshot", Fixture, NULL,
              fixture_setup, test_screenshot, fixture_teardown);
  g_test_add_func ("/gui/action-list/many", test_many);
  g_test_add_func ("/gui/action-list/large", test_large);

  return g_test_run ();
}
