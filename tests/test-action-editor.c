/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <adwaita.h>
#include <glib/gi18n.h>

#include "jln-action.h"
#include "jln-action-editor.h"
#include "jln-action-item.h"
#include "jln-note.h"
#include "jln-objective.h"
#include "jln-principle.h"
#include "jln-text-row.h"
#include "jln-unit.h"

#include "jln-test-gui-utils.h"

typedef struct
{
  char            *dir;
  char            *path;
  JlnDocument     *document;
  JlnSession      *session;
  GtkWidget       *window;
  JlnActionEditor *editor;
  JlnAction       *action;     /* 1.4 */
  gpointer         gone[8];    /* weak pointers to what must go with the window */
} Fixture;

static gboolean
is_named (GtkWidget     *widget,
          gconstpointer  name)
{
  return g_strcmp0 (gtk_widget_get_name (widget), name) == 0;
}

/* The box of the fields of a kind of record other than the one shown. */
static gboolean
is_hidden_kind (GtkWidget *widget)
{
  return !gtk_widget_get_visible (widget) &&
         g_str_has_suffix (gtk_widget_get_name (widget), "-fields");
}

/* A widget named @name, outside the hidden boxes of the other kinds. */
static gboolean
is_shown_named (GtkWidget     *widget,
                gconstpointer  name)
{
  if (!is_named (widget, name))
    return FALSE;
  for (GtkWidget *ancestor = widget; ancestor != NULL; ancestor = gtk_widget_get_parent (ancestor))
    if (is_hidden_kind (ancestor))
      return FALSE;
  return TRUE;
}

/* The first widget named @name under @widget, depth first, outside the
 * hidden boxes of the fields of the other kinds of records: fields are
 * named after the field they edit ("title-en", "due"), so the action's
 * own fields come before those of its sub-items. */
static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  return jln_test_find_widget (widget, is_shown_named, name);
}

static GtkWidget *
get_named (Fixture    *fixture,
           const char *name)
{
  GtkWidget *widget = find_named (GTK_WIDGET (fixture->editor), name);

  if (widget == NULL)
    g_error ("No widget named “%s” in the editor", name);
  return widget;
}

static void
find_all_named (GtkWidget  *widget,
                const char *name,
                GPtrArray  *found)
{
  if (is_hidden_kind (widget))
    return;
  if (is_named (widget, name))
    g_ptr_array_add (found, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    find_all_named (child, name, found);
}

static guint
count_children (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}

static guint
combo_selected (GtkWidget *row)
{
  return adw_combo_row_get_selected (ADW_COMBO_ROW (row));
}

static void
combo_select (GtkWidget *row,
              guint      position)
{
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), position);
}

static const char *
combo_text (GtkWidget *row)
{
  return gtk_string_object_get_string (adw_combo_row_get_selected_item (ADW_COMBO_ROW (row)));
}

static const char *
row_title (GtkWidget *row)
{
  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
}

static char *
view_text (GtkWidget *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
spin (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
apply_set (Fixture    *fixture,
           JlnRecord  *record,
           const char *field,
           const char *value)
{
  g_autoptr(JlnEdit) edit = jln_edit_new_set (record, field, value);
  g_autoptr(GError) error = NULL;

  jln_document_apply (fixture->document, edit, &error);
  g_assert_no_error (error);
}

/* Types into a text view and leaves it, as a user moving to the next field. */
static void
type_in_view (GtkWidget  *view,
              GtkWidget  *next,
              const char *text)
{
  gtk_widget_grab_focus (view);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);
  gtk_widget_grab_focus (next);
  spin ();
}

/* Types into an entry row and presses Enter. */
static void
type_in_entry (GtkWidget  *row,
               const char *text)
{
  GtkEditable *delegate = gtk_editable_get_delegate (GTK_EDITABLE (row));

  gtk_widget_grab_focus (GTK_WIDGET (delegate));
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  /* What GtkText does on Enter. */
  g_signal_emit_by_name (delegate, "activate");
  spin ();
}

static void
click (GtkWidget *button)
{
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  spin ();
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *json = g_build_filename (g_getenv ("JALONS_DATADIR"), "plans",
                                            "inserm-hrs4r-2022.json", NULL);

  fixture->document = jln_test_import_plan (json, "jalons-editor-XXXXXX",
                                            &fixture->dir, &fixture->path);

  fixture->action = JLN_ACTION (jln_test_find_action (fixture->document, "1.4"));
  g_assert_nonnull (fixture->action);

  /* The pictures are of a pane of a realistic size; the checks fit the
   * 640×480 screen of a bare xvfb-run, where popovers must be on screen. */
  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 420,
                               g_getenv ("JALONS_SCREENSHOT_DIR") != NULL ? 800 : 460);
  fixture->session = jln_session_new ();
  jln_session_set_document (fixture->session, fixture->document);
  jln_session_set_content_language (fixture->session, GPOINTER_TO_INT (data) ? JLN_LANG_FR : JLN_LANG_EN);
  fixture->editor = JLN_ACTION_EDITOR (g_object_new (JLN_TYPE_ACTION_EDITOR,
                                                     "session", fixture->session,
                                                     NULL));
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (fixture->editor));
  gtk_window_present (GTK_WINDOW (fixture->window));
  spin ();
}

/* A plan of one action with @n_items sub-items, “i1. Sub-item 1” to
 * “i@n_items. Sub-item @n_items”, written as JSON to @path. */
static void
write_plan_with_items (const char *path,
                       guint       n_items)
{
  g_autoptr(GString) json = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  g_string_append (json,
                   "{\"format\": \"jalons-plan\", \"version\": 1,"
                   " \"id\": \"6f1c1a52-0000-4000-8000-000000000001\","
                   " \"title\": {\"en\": \"Many sub-items\"},"
                   " \"objectives\": [{\"id\": \"6f1c1a52-0000-4000-8000-000000000002\","
                   " \"programme\": \"hrs4r\", \"number\": \"1\", \"title\": {\"en\": \"One\"},"
                   " \"actions\": [{\"id\": \"6f1c1a52-0000-4000-8000-000000000003\","
                   " \"number\": \"1.1\", \"title\": {\"en\": \"An action with many sub-items\"},"
                   " \"status\": \"in-progress\", \"items\": [");
  for (guint i = 1; i <= n_items; i++)
    g_string_append_printf (json,
                            "%s\n{\"id\": \"6f1c1a52-0001-4000-8000-%012x\", \"label\": \"i%u\","
                            " \"title\": {\"en\": \"Sub-item %u\"}, \"status\": \"planned\"}",
                            i > 1 ? "," : "", i, i, i);
  g_string_append (json, "]}]}]}\n");
  g_file_set_contents (path, json->str, json->len, &error);
  g_assert_no_error (error);
}

static void
fixture_setup_many (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *json_dir = g_dir_make_tmp ("jalons-editor-json-XXXXXX", NULL);
  g_autofree char *json = g_build_filename (json_dir, "plan.json", NULL);

  write_plan_with_items (json, GPOINTER_TO_UINT (data));
  fixture->document = jln_test_import_plan (json, "jalons-editor-XXXXXX",
                                            &fixture->dir, &fixture->path);
  jln_test_remove_tree (json_dir);
  fixture->action = JLN_ACTION (jln_test_find_action (fixture->document, "1.1"));
  g_assert_nonnull (fixture->action);

  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 420, 460);
  fixture->session = jln_session_new ();
  jln_session_set_document (fixture->session, fixture->document);
  jln_session_set_content_language (fixture->session, JLN_LANG_EN);
  fixture->editor = JLN_ACTION_EDITOR (g_object_new (JLN_TYPE_ACTION_EDITOR,
                                                     "session", fixture->session,
                                                     NULL));
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (fixture->editor));
  gtk_window_present (GTK_WINDOW (fixture->window));
  spin ();
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_object_add_weak_pointer (G_OBJECT (fixture->editor), (gpointer *) &fixture->editor);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  spin ();
  g_assert_null (fixture->editor);
  for (guint i = 0; i < G_N_ELEMENTS (fixture->gone); i++)
    g_assert_null (fixture->gone[i]);

  g_assert_finalize_object (fixture->session);
  g_assert_finalize_object (fixture->document);
  jln_test_clear_plan_dir (&fixture->dir, &fixture->path);
}

/* --- Screenshots ---------------------------------------------------------- */

/* Text views lay their text out in idle time, a little after they are shown. */
static void
wait_for_frame (GtkWidget *widget)
{
  jln_test_wait_for_idle (widget);
  gtk_widget_queue_draw (widget);
  gtk_test_widget_wait_for_draw (widget);
  spin ();
}

/* Opens the popover of @button, scrolled into view first so that the
 * popover is on the screen. */
static GtkWidget *
popup (GtkWidget *button)
{
  GtkWidget *popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));

  gtk_widget_grab_focus (button);
  wait_for_frame (gtk_widget_get_ancestor (button, GTK_TYPE_WINDOW));
  jln_test_popup (button);
  spin ();
  return popover;
}

static void
save_screenshot (GtkWidget  *widget,
                 const char *name)
{
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *prefixed = NULL;
  const char *lang = g_getenv ("LANGUAGE");

  if (g_getenv ("JALONS_SCREENSHOT_DIR") == NULL)
    return;

  /* A widget that still has to be allocated draws nothing: try again. */
  for (int i = 0; i < 20 && texture == NULL; i++)
    {
      wait_for_frame (widget);
      texture = jln_test_render_widget (widget);
    }
  g_assert_nonnull (texture);
  prefixed = g_strconcat ("action-editor-", name, NULL);
  jln_test_save_screenshot (texture, prefixed, lang != NULL ? lang : "C");
}

static GtkAdjustment *
editor_vadjustment (Fixture *fixture)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (get_named (fixture, "number"),
                                                 GTK_TYPE_SCROLLED_WINDOW);

  return gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
}

/* --- Tests ---------------------------------------------------------------- */

static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  GtkWidget *stack = gtk_widget_get_first_child (GTK_WIDGET (fixture->editor));
  GtkWidget *status;

  g_assert_true (GTK_IS_STACK (stack));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "empty");
  status = gtk_stack_get_visible_child (GTK_STACK (stack));
  g_assert_true (ADW_IS_STATUS_PAGE (status));
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (status)), ==,
                   _("No Action Selected"));
  g_assert_cmpstr (adw_status_page_get_description (ADW_STATUS_PAGE (status)), ==,
                   _("Select an action in the list to see and edit all its fields."));
  save_screenshot (fixture->window, "empty");

  jln_action_editor_set_record (fixture->editor, JLN_RECORD (fixture->action));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "record");
  jln_action_editor_set_record (fixture->editor, NULL);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "empty");
  g_assert_null (jln_action_editor_get_record (fixture->editor));
}

static void
test_show_action (Fixture       *fixture,
                  gconstpointer  data)
{
  const JlnText *title = jln_action_get_title (fixture->action);
  g_autofree char *fr = NULL;
  g_autofree char *en = NULL;
  GtkWidget *status, *due, *units, *principles, *chips, *child;

  jln_action_editor_set_record (fixture->editor, JLN_RECORD (fixture->action));
  g_assert_true (jln_action_editor_get_record (fixture->editor) == JLN_RECORD (fixture->action));

  fr = view_text (get_named (fixture, "title-fr"));
  en = view_text (get_named (fixture, "title-en"));
  g_assert_cmpstr (fr, ==, title->fr);
  g_assert_cmpstr (en, ==, title->en);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (get_named (fixture, "number"))), ==, "1.4");

  /* Every field of an action is there. */
  for (const char * const *name = (const char * const[]) {
         "theme-fr", "theme-en", "description-fr", "description-en", "start", "completion",
         "recurrence", "next", "references", "extension-fr", "extension-en", "note-fr",
         "note-en", "actors-fr", "actors-en", "follow-up-fr", "follow-up-en", "schedule-fr",
         "schedule-en", "principles", "item-add", NULL };
       *name != NULL; name++)
    get_named (fixture, *name);

  status = get_named (fixture, "status");
  g_assert_cmpuint (combo_selected (status), ==, JLN_STATUS_IN_PROGRESS);
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (ADW_COMBO_ROW (status))),
                    ==, 7);

  due = get_named (fixture, "due");
  g_assert_cmpstr (combo_text (due), ==, "2nd sem. 2022");

  /* The next date only shows for recurring actions. */
  g_assert_false (gtk_widget_get_visible (get_named (fixture, "next")));

  /* The chosen units and principles show as labels. */
  units = gtk_widget_get_ancestor (get_named (fixture, "units"), GTK_TYPE_LIST_BOX_ROW);
  chips = jln_test_find_child_of_type (units, GTK_TYPE_FLOW_BOX);
  g_assert_cmpuint (count_children (chips), ==, 1);
  child = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (gtk_widget_get_first_child (chips)));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child)), ==, "RH");
  principles = gtk_widget_get_ancestor (get_named (fixture, "principles"), GTK_TYPE_LIST_BOX_ROW);
  chips = jln_test_find_child_of_type (principles, GTK_TYPE_FLOW_BOX);
  g_assert_cmpuint (count_children (chips), ==, 3);
  g_assert_cmpuint (jln_action_get_principles (fixture->action)->len, ==, 3);
}

static void
test_edit_title_and_undo (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *old_en = g_strdup (jln_action_get_title (fixture->action)->en);
  g_autofree char *shown = NULL;
  GtkWidget *title_en, *title_fr;
  g_autoptr(GError) error = NULL;

  g_test_timer_start ();
  jln_action_editor_set_record (fixture->editor, JLN_RECORD (fixture->action));
  g_test_message ("Showing an action took %.1f ms", g_test_timer_elapsed () * 1000);
  title_en = get_named (fixture, "title-en");
  title_fr = get_named (fixture, "title-fr");

  /* Typing alone changes nothing: the edit is made when the user leaves the field.
   * The window settles first, so that its own focus changes (it becomes
   * active later on a slow machine) do not make the field lose focus. */
  jln_test_wait_for_idle (fixture->window);
  gtk_widget_grab_focus (title_en);
  spin ();
  g_assert_true (gtk_widget_has_focus (title_en));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (title_en)),
                            "Buy job offer software", -1);
  spin ();
  g_assert_cmpstr (jln_action_get_title (fixture->action)->en, ==, old_en);
  g_assert_false (jln_document_can_undo (fixture->document));

  gtk_widget_grab_focus (title_fr);
  spin ();
  g_assert_cmpstr (jln_action_get_title (fixture->action)->en, ==, "Buy job offer software");
  g_assert_true (jln_document_can_undo (fixture->document));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (get_named (fixture, "heading"))), ==,
                   "Buy job offer software");

  jln_document_undo (fixture->document, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (jln_action_get_title (fixture->action)->en, ==, old_en);
  shown = view_text (title_en);
  g_assert_cmpstr (shown, ==, old_en);
}

static void
test_follows_record (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkWidget *title_fr, *title_en, *number;
  g_autofree char *typed = NULL;
  g_autofree char *shown = NULL;

  jln_action_editor_set_record (fixture->editor, JLN_RECORD (fixture->action));
  title_fr = get_named (fixture, "title-fr");
  title_en = get_named (fixture, "title-en");
  number = get_named (fixture, "number");

  /* A change made elsewhere shows at once… */
  apply_set (fixture, JLN_RECORD (fixture->action), "title-fr", "Titre changé ailleurs");
  shown = view_text (title_fr);
  g_assert_cmpstr (shown, ==, "Titre changé ailleurs");
  apply_set (fixture, JLN_RECORD (fixture->action), "status", "done");
  g_assert_cmpuint (combo_selected (get_named (fixture, "status")), ==, JLN_STATUS_DONE);

  /* …but not over what the user is typing. */
  gtk_widget_grab_focus (title_en);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (title_en)), "Typing", -1);
  apply_set (fixture, JLN_RECORD (fixture->action), "title-en", "Changed elsewhere");
  typed = view_text (title_en);
  g_assert_cmpstr (typed, ==, "Typing");
  gtk_widget_grab_focus (number);
  spin ();
  g_assert_cmpstr (jln_action_get_title (fixture->action)->en, ==, "Typing");
}

/* Shown another record, a row shows that one's changes and no longer
 * the first one's; its binding goes with it. */
static void
test_rows_follow_new_record (Fixture       *fixture,
                             gconstpointer  data)
{
  JlnRecord *first = JLN_RECORD (fixture->action);
  JlnRecord *second = jln_test_find_action (fixture->document, "1.3");
  const char *names[] = { "title-en", "completion", "status", "due", "recurrence" };
  GtkWidget *title_en, *completion, *status, *due, *recurrence;
  g_autofree char *title_shown = NULL;
  g_autofree char *title_after = NULL;
  g_autofree char *completion_shown = NULL;
  g_autofree char *due_shown = NULL;
  guint status_shown, recurrence_shown;

  jln_action_editor_set_record (fixture->editor, first);
  jln_action_editor_set_record (fixture->editor, second);
  title_en = get_named (fixture, "title-en");
  completion = get_named (fixture, "completion");
  status = get_named (fixture, "status");
  due = get_named (fixture, "due");
  recurrence = get_named (fixture, "recurrence");

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      GtkWidget *widget = get_named (fixture, names[i]);
      GtkWidget *row = JLN_IS_TEXT_ROW (widget) ? widget
                                                : gtk_widget_get_ancestor (widget, JLN_TYPE_TEXT_ROW);
      GObject *binding = g_object_get_data (G_OBJECT (row != NULL ? row : widget),
                                            "jln-field-binding");

      g_assert_nonnull (binding);
      g_assert_cmpuint (g_signal_handler_find (first, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL,
                                               binding), ==, 0);
      g_assert_cmpuint (g_signal_handler_find (second, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL,
                                               binding), !=, 0);
      g_object_add_weak_pointer (binding, &fixture->gone[i]);
      fixture->gone[i] = binding;
    }

  title_shown = view_text (title_en);
  completion_shown = g_strdup (gtk_editable_get_text (GTK_EDITABLE (completion)));
  status_shown = combo_selected (status);
  due_shown = g_strdup (combo_text (due));
  recurrence_shown = combo_selected (recurrence);

  /* The first record changes: the rows stay as they are. */
  apply_set (fixture, first, "title-en", "Changed in the first record");
  apply_set (fixture, first, "completion", "2019");
  apply_set (fixture, first, "status", "dropped");
  apply_set (fixture, first, "due", "2031-S1");
  apply_set (fixture, first, "recurrence", "yearly");
  title_after = view_text (title_en);
  g_assert_cmpstr (title_after, ==, title_shown);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (completion)), ==, completion_shown);
  g_assert_cmpuint (combo_selected (status), ==, status_shown);
  g_assert_cmpstr (combo_text (due), ==, due_shown);
  g_assert_cmpuint (combo_selected (recurrence), ==, recurrence_shown);

  /* The record shown changes: so do the rows. */
  apply_set (fixture, second, "title-en", "Changed in the second record");
  apply_set (fixture, second, "completion", "2019");
  apply_set (fixture, second, "status", "dropped");
  apply_set (fixture, second, "due", "2031-S1");
  apply_set (fixture, second, "recurrence", "yearly");
  g_clear_pointer (&title_after, g_free);
  title_after = view_text (title_en);
  g_assert_cmpstr (title_after, ==, "Changed in the second record");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (completion)), ==, "2019");
  g_assert_cmpuint (combo_selected (status), ==, JLN_STATUS_DROPPED);
  g_assert_cmpstr (combo_text (due), !=, due_shown);
  g_assert_cmpuint (combo_selected (recurrence), ==, JLN_RECURRENCE_YEARLY);
}

static void
count_cb (guint *count)
{
  (*count)++;
}

static gboolean
stop_loop_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static gboolean
is_placeholder_title (GtkWidget     *widget,
                      gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "title") &&
         gtk_widget_has_css_class (widget, "dim-label");
}

/* Whether an entry row shows its title in the middle, where its text
 * would be, as it does when it has no text: what the user sees once the
 * row's title has moved. */
static gboolean
shows_title_as_placeholder (GtkWidget *row)
{
  GtkWidget *placeholder = jln_test_find_widget (row, is_placeholder_title, NULL);
  GtkWidget *text = GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (row)));

  g_assert_nonnull (placeholder);
  if (gtk_widget_get_opacity (placeholder) == 1.0 && gtk_widget_get_opacity (text) == 0.0)
    return TRUE;
  g_assert_cmpfloat (gtk_widget_get_opacity (placeholder), ==, 0.0);
  g_assert_cmpfloat (gtk_widget_get_opacity (text), ==, 1.0);
  return FALSE;
}

/* Shows @record in the editor, lets the window draw for 400 ms, and
 * returns how many frames it drew. */
static guint
frames_to_show (Fixture   *fixture,
                JlnRecord *record)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (fixture->window);
  gboolean done = FALSE;
  guint frames = 0;
  gulong id = g_signal_connect_swapped (clock, "after-paint", G_CALLBACK (count_cb), &frames);

  jln_action_editor_set_record (fixture->editor, record);
  g_timeout_add (400, stop_loop_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, id);
  return frames;
}

/* Moving from action to action, as Page Down in the list does, draws the
 * editor once: a field shows the next action's value at once, its title
 * in place, instead of playing its title's move for 150 ms of frames,
 * whether the value was there before or not. The row still tells of
 * each change of its text. */
static void
test_switch_draws_once (Fixture       *fixture,
                        gconstpointer  data)
{
  JlnRecord *first = JLN_RECORD (fixture->action);
  JlnRecord *second = jln_test_find_action (fixture->document, "1.3");
  struct {
    JlnRecord  *record;
    const char *first_value;
    const char *second_value;
    const char *shown;
  } steps[] = {
    { second, "2024", "2025", "2025" },    /* a value, then another */
    { first,  "",     "2025", "" },        /* a value, then none */
    { second, "",     "2025", "2025" },    /* none, then a value */
    { first,  "",     "",     "" },        /* none, then none */
  };
  GtkWidget *completion;
  guint changed = 0;

  /* The focus is elsewhere, as in the list of a window: a blinking
   * cursor would draw frames of its own. */
  gtk_root_set_focus (GTK_ROOT (fixture->window), NULL);
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", TRUE, NULL);
  apply_set (fixture, first, "completion", "2024");
  apply_set (fixture, second, "completion", "2025");
  jln_action_editor_set_record (fixture->editor, first);
  completion = get_named (fixture, "completion");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (completion)), ==, "2024");
  /* The first frames of the window are not counted. */
  frames_to_show (fixture, first);
  g_signal_connect_swapped (completion, "changed", G_CALLBACK (count_cb), &changed);

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      guint frames;

      apply_set (fixture, first, "completion", steps[i].first_value);
      apply_set (fixture, second, "completion", steps[i].second_value);
      spin ();
      frames = frames_to_show (fixture, steps[i].record);
      g_assert_true (get_named (fixture, "completion") == completion);
      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (completion)), ==, steps[i].shown);
      g_assert_true (shows_title_as_placeholder (completion) == (steps[i].shown[0] == '\0'));
      g_assert_cmpuint (frames, >=, 1);
      g_assert_cmpuint (frames, <=, 3);
    }
  /* The text changed on each step but the last, and once more before
   * the last, when the action shown lost its value: each time, the row
   * said so at least once. */
  g_assert_cmpuint (changed, >=, 4);

  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
}

/* The label that shows a combo row's value on screen: mapped, outside the
 * row's popover and outside any list of items, not the row's title. */
static GtkWidget *
find_value_label (GtkWidget *widget,
                  GtkWidget *row)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_POPOVER (child) || GTK_IS_LIST_VIEW (child) || !gtk_widget_get_mapped (child))
        continue;
      if (GTK_IS_LABEL (child) &&
          g_strcmp0 (gtk_label_get_label (GTK_LABEL (child)), row_title (row)) != 0)
        return child;
      found = find_value_label (child, row);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The status and a date show their value in a label of their own, the
 * same one from action to action; the status is still chosen with the
 * keyboard in its popover, and read as a combo box named "Status" with
 * its value as text. */
static void
test_choice_rows_keyboard (Fixture       *fixture,
                           gconstpointer  data)
{
  JlnAction *other = JLN_ACTION (jln_test_find_action (fixture->document, "1.5"));
  GtkWidget *status, *due, *status_label, *due_label, *popover, *list;
  const char *message;

  jln_action_editor_set_record (fixture->editor, JLN_RECORD (fixture->action));
  spin ();
  status = get_named (fixture, "status");
  due = get_named (fixture, "due");
  status_label = find_value_label (status, status);
  due_label = find_value_label (due, due);
  g_assert_nonnull (status_label);
  g_assert_nonnull (due_label);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (status_label)), ==, "In progress");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (due_label)), ==, combo_text (due));

  /* What a screen reader reads: the row, a combo box named by its
   * title, and the value's words in a label inside it. */
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (status)), ==,
                   GTK_ACCESSIBLE_ROLE_COMBO_BOX);
  message = gtk_test_accessible_check_property (GTK_ACCESSIBLE (status),
                                                GTK_ACCESSIBLE_PROPERTY_LABEL, "Status");
  g_assert_null (message);
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (status_label)), ==,
                   GTK_ACCESSIBLE_ROLE_LABEL);

  /* Another action: the same labels, with its values. */
  jln_action_editor_set_record (fixture->editor, JLN_RECORD (other));
  spin ();
  g_assert_true (find_value_label (status, status) == status_label);
  g_assert_true (find_value_label (due, due) == due_label);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (status_label)), ==, combo_text (status));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (due_label)), ==, combo_text (due));

  /* The keyboard: the focused row opens its list, and Enter on the
   * item moved to chooses it. */
  jln_action_editor_set_record (fixture->editor, JLN_RECORD (fixture->action));
  spin ();
  gtk_widget_grab_focus (status);
  g_assert_true (gtk_widget_has_focus (status));
  g_assert_true (gtk_widget_activate (status));
  spin ();
  popover = jln_test_find_child_of_type (status, GTK_TYPE_POPOVER);
  g_assert_nonnull (popover);
  g_assert_true (gtk_widget_get_visible (popover));
  list = jln_test_find_child_of_type (popover, GTK_TYPE_LIST_VIEW);
  /* What the arrow keys do (move to an item and select it), then Enter. */
  g_assert_true (gtk_widget_activate_action (list, "list.select-item", "(ubb)",
                                             JLN_STATUS_SUPERSEDED, FALSE, FALSE));
  g_assert_true (gtk_widget_activate_action (list, "list.activate-item", "u", JLN_STATUS_SUPERSEDED));
  spin ();
  g_assert_false (gtk_widget_get_visible (popover));
  g_assert_cmpint (jln_action_get_status (fixture->action), ==, JLN_STATUS_SUPERSEDED);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (status_label)), ==, "Superseded");
  g_assert_true (gtk_widget_get_mapped (status_label));
}

static void
test_due_semester (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkWidget *due;
  GListModel *model;
  guint position = GTK_INVALID_LIST_POSITION;

  jln_action_editor_set_record (fixture->editor, JLN_RECORD (fixture->action));
  due = get_named (fixture, "due");
  model = adw_combo_row_get_model (ADW_COMBO_ROW (due));

  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (model), 0), ==, "None");
  /* The plan's period (2021–2024), two years either side and today: not
   * from 2010, so that the list opens near its value. */
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (model), 1), ==, "1st sem. 2019");
  {
    JlnSemester today = jln_semester_today ();
    g_autofree char *last = jln_semester_format (MAX (today, jln_semester_new (2024, 2)) + 4,
                                                 JLN_SEMESTER_STYLE_LONG, JLN_LANG_EN);
    guint n = g_list_model_get_n_items (model);

    g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (model), n - 1), ==, last);
  }
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (model), i), "1st sem. 2024"))
      position = i;
  g_assert_cmpuint (position, !=, GTK_INVALID_LIST_POSITION);

  combo_select (due, position);
  g_assert_cmpuint (jln_action_get_due (fixture->action), ==, jln_semester_new (2024, 1));
  g_assert_true (jln_document_can_undo (fixture->document));

  combo_select (due, 0);
  g_assert_cmpuint (jln_action_get_due (fixture->action), ==, JLN_SEMESTER_NONE);

  /* A stored semester outside the usual years is still shown, and kept. */
  apply_set (fixture, JLN_RECORD (fixture->action), "due", "2041-S2");
  g_assert_cmpstr (combo_text (due), ==, "2nd sem. 2041");
  g_assert_cmpuint (jln_action_get_due (fixture->action), ==, jln_semester_new (2041, 2));

  /* The status cannot be set to anything but a status. */
  combo_select (get_named (fixture, "status"), JLN_STATUS_SUPERSEDED);
  g_assert_cmpint (jln_action_get_status (fixture->action), ==, JLN_STATUS_SUPERSEDED);

  /* A recurring action has a next date. */
  combo_select (get_named (fixture, "recurrence"), JLN_RECURRENCE_YEARLY);
  g_assert_cmpint (jln_action_get_recurrence (fixture->action), ==, JLN_RECURRENCE_YEARLY);
  g_assert_true (gtk_widget_get_visible (get_named (fixture, "next")));
}

static void
test_completion (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkWidget *completion, *error_label;

  jln_action_editor_set_record (fixture->editor, JLN_RECORD (fixture->action));
  completion = get_named (fixture, "completion");
  error_label = get_named (fixture, "completion-error");
  g_assert_false (gtk_widget_is_visible (error_label));

  type_in_entry (completion, "2020-2019");
  g_assert_true (gtk_widget_is_visible (error_label));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (error_label)), !=, "");
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error_label)), "2020-2019"));
  g_assert_true (gtk_widget_has_css_class (completion, "error"));
  g_assert_false (jln_completion_is_set (jln_action_get_completion (fixture->action)));
  g_assert_false (jln_document_can_undo (fixture->document));
  /* The field shows what is stored, and the message stays when the user moves on. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (completion)), ==, "");
  gtk_widget_grab_focus (get_named (fixture, "number"));
  spin ();
  g_assert_true (gtk_widget_is_visible (error_label));

  /* Semesters are written in any of their forms, and stored in one. */
  type_in_entry (completion, "2nd sem. 2022");
  g_assert_false (gtk_widget_is_visible (error_label));
  g_assert_false (gtk_widget_has_css_class (completion, "error"));
  g_assert_cmpuint (jln_action_get_completion (fixture->action)->semester, ==,
                    jln_semester_new (2022, 2));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (completion)), ==, "2022-S2");

  type_in_entry (completion, "2019-2020");
  g_assert_cmpuint (jln_action_get_completion (fixture->action)->first_year, ==, 2019);
  g_assert_cmpuint (jln_action_get_completion (fixture->action)->last_year, ==, 2020);

  /* A required field cannot be emptied. */
  type_in_entry (get_named (fixture, "number"), "");
  g_assert_true (gtk_widget_is_visible (get_named (fixture, "number-error")));
  g_assert_cmpstr (jln_action_get_number (fixture->action), ==, "1.4");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (get_named (fixture, "number"))), ==, "1.4");

  /* References are numbers separated by commas. */
  type_in_entry (get_named (fixture, "references"), "4.9-4.10, 6.1 ,");
  g_assert_cmpstrv (jln_action_get_references (fixture->action),
                    ((const char * const[]) { "4.9-4.10", "6.1", NULL }));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (get_named (fixture, "references"))),
                   ==, "4.9-4.10, 6.1");
}

static guint
n_items (JlnAction *action)
{
  return g_list_model_get_n_items (jln_action_get_items (action));
}

static const char *
item_label (JlnAction *action,
            guint      position)
{
  g_autoptr(JlnActionItem) item = g_list_model_get_item (jln_action_get_items (action), position);

  return jln_action_item_get_label (item);
}

static void
test_sub_items (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  GtkWidget *add;

  jln_action_editor_set_record (fixture->editor, JLN_RECORD (fixture->action));
  add = get_named (fixture, "item-add");
  g_assert_cmpuint (n_items (fixture->action), ==, 0);

  click (add);
  g_assert_cmpuint (n_items (fixture->action), ==, 1);
  g_assert_cmpstr (item_label (fixture->action, 0), ==, "a");
  find_all_named (GTK_WIDGET (fixture->editor), "item", rows);
  g_assert_cmpuint (rows->len, ==, 1);

  click (add);
  g_assert_cmpuint (n_items (fixture->action), ==, 2);
  g_assert_cmpstr (item_label (fixture->action, 1), ==, "b");

  /* Move b above a: one undoable step. */
  find_all_named (GTK_WIDGET (fixture->editor), "item-up", buttons);
  g_assert_cmpuint (buttons->len, ==, 2);
  g_assert_false (gtk_widget_get_sensitive (g_ptr_array_index (buttons, 0)));
  click (g_ptr_array_index (buttons, 1));
  g_assert_cmpstr (item_label (fixture->action, 0), ==, "b");
  g_assert_cmpstr (item_label (fixture->action, 1), ==, "a");
  jln_document_undo (fixture->document, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (item_label (fixture->action, 0), ==, "a");

  /* A sub-item's own fields are edited in its row. */
  g_ptr_array_set_size (rows, 0);
  find_all_named (GTK_WIDGET (fixture->editor), "item", rows);
  g_assert_cmpuint (rows->len, ==, 2);
  type_in_view (find_named (g_ptr_array_index (rows, 1), "title-en"),
                find_named (g_ptr_array_index (rows, 1), "title-fr"),
                "for research directors");
  {
    g_autoptr(JlnActionItem) b = g_list_model_get_item (jln_action_get_items (fixture->action), 1);

    g_assert_cmpstr (jln_action_item_get_title (b)->en, ==, "for research directors");
    g_assert_cmpstr (row_title (g_ptr_array_index (rows, 1)), ==, "b. for research directors");
  }

  /* Remove a, then b. */
  g_ptr_array_set_size (buttons, 0);
  find_all_named (GTK_WIDGET (fixture->editor), "item-remove", buttons);
  click (g_ptr_array_index (buttons, 0));
  g_assert_cmpuint (n_items (fixture->action), ==, 1);
  g_assert_cmpstr (item_label (fixture->action, 0), ==, "b");

  /* The next free label is a again. */
  click (add);
  g_assert_cmpstr (item_label (fixture->action, 1), ==, "a");

  while (n_items (fixture->action) > 0)
    {
      g_ptr_array_set_size (buttons, 0);
      find_all_named (GTK_WIDGET (fixture->editor), "item-remove", buttons);
      click (g_ptr_array_index (buttons, 0));
    }
  g_ptr_array_set_size (rows, 0);
  find_all_named (GTK_WIDGET (fixture->editor), "item", rows);
  g_assert_cmpuint (rows->len, ==, 0);

  /* Undo brings the removed sub-item back, in the pane too. */
  jln_document_undo (fixture->document, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_items (fixture->action), ==, 1);
  find_all_named (GTK_WIDGET (fixture->editor), "item", rows);
  g_assert_cmpuint (rows->len, ==, 1);
}

static void
test_plain_text (Fixture       *fixture,
                 gconstpointer  data)
{
  const char *tricky = "<b>x</b> & %s";
  g_autofree char *shown = NULL;

  jln_action_editor_set_record (fixture->editor, JLN_RECORD (fixture->action));
  apply_set (fixture, JLN_RECORD (fixture->action), "title-en", tricky);
  shown = view_text (get_named (fixture, "title-en"));
  g_assert_cmpstr (shown, ==, tricky);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (get_named (fixture, "heading"))), ==, tricky);

  /* In a sub-item's row title too. */
  {
    g_autoptr(JlnRecord) item = jln_record_new (JLN_KIND_ITEM,
                                                "label", "a", "title-en", tricky, NULL);
    g_autoptr(JlnEdit) edit = jln_edit_new_insert (JLN_RECORD (fixture->action), item, 0);
    g_autoptr(GError) error = NULL;
    GtkWidget *row;

    jln_document_apply (fixture->document, edit, &error);
    g_assert_no_error (error);
    row = get_named (fixture, "item");
    g_assert_cmpstr (row_title (row), ==, "a. <b>x</b> & %s");
    g_assert_false (adw_preferences_row_get_use_markup (ADW_PREFERENCES_ROW (row)));
  }
  save_screenshot (fixture->window, "plain-text");
}

static void
test_missing_translation (Fixture       *fixture,
                          gconstpointer  data)
{
  GtkWidget *view_fr, *mark_fr, *mark_en;

  jln_action_editor_set_record (fixture->editor, JLN_RECORD (fixture->action));
  view_fr = get_named (fixture, "title-fr");
  mark_fr = gtk_widget_get_next_sibling (gtk_widget_get_first_child (
    gtk_widget_get_prev_sibling (gtk_widget_get_parent (view_fr))));
  g_assert_true (GTK_IS_IMAGE (mark_fr));
  g_assert_false (gtk_widget_get_visible (mark_fr));

  type_in_view (view_fr, get_named (fixture, "title-en"), "");
  g_assert_null (jln_action_get_title (fixture->action)->fr);
  g_assert_true (gtk_widget_get_visible (mark_fr));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (mark_fr), ==, "Missing French translation");

  /* Both missing is no translation missing. */
  apply_set (fixture, JLN_RECORD (fixture->action), "title-en", "");
  g_assert_false (gtk_widget_get_visible (mark_fr));

  apply_set (fixture, JLN_RECORD (fixture->action), "title-fr", "Seulement en français");
  mark_en = gtk_widget_get_next_sibling (gtk_widget_get_first_child (
    gtk_widget_get_prev_sibling (gtk_widget_get_parent (get_named (fixture, "title-en")))));
  g_assert_true (gtk_widget_get_visible (mark_en));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (mark_en), ==, "Missing English translation");
}

static GtkWidget *
find_check (GtkWidget  *list,
            const char *prefix)
{
  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *check;

      if (!GTK_IS_LIST_BOX_ROW (row))
        continue;
      check = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));
      if (g_str_has_prefix (gtk_check_button_get_label (GTK_CHECK_BUTTON (check)), prefix))
        return check;
    }
  return NULL;
}

static gboolean
check_shown (GtkWidget  *list,
             const char *prefix)
{
  return gtk_widget_get_child_visible (gtk_widget_get_parent (find_check (list, prefix)));
}

static void
test_units (Fixture       *fixture,
            gconstpointer  data)
{
  GtkFlowBoxChild *first_chip;
  GtkWidget *button, *popover, *list, *check, *search, *chips;
  GPtrArray *units;
  g_autoptr(GError) error = NULL;

  jln_action_editor_set_record (fixture->editor, JLN_RECORD (fixture->action));
  button = get_named (fixture, "units");
  popover = popup (button);
  g_assert_true (gtk_widget_get_mapped (popover));
  list = jln_test_find_child_of_type (popover, GTK_TYPE_LIST_BOX);
  g_assert_true (GTK_IS_LIST_BOX (list));

  check = find_check (list, "RH — ");
  g_assert_nonnull (check);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));

  /* The search ignores case and accents, in both languages. */
  search = jln_test_find_child_of_type (popover, GTK_TYPE_SEARCH_ENTRY);
  gtk_editable_set_text (GTK_EDITABLE (search), "HUMAINES");
  g_signal_emit_by_name (search, "search-changed");
  g_assert_true (gtk_widget_get_child_visible (gtk_widget_get_parent (check)));
  g_assert_false (check_shown (list, "CSS — "));
  gtk_editable_set_text (GTK_EDITABLE (search), "SPECIALISEES");
  g_signal_emit_by_name (search, "search-changed");
  g_assert_false (gtk_widget_get_child_visible (gtk_widget_get_parent (check)));
  g_assert_true (check_shown (list, "CSS — "));
  gtk_editable_set_text (GTK_EDITABLE (search), "");
  g_signal_emit_by_name (search, "search-changed");

  check = find_check (list, "CSS — ");
  g_assert_nonnull (check);
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  check = find_check (list, "DPRE — ");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  g_assert_cmpuint (jln_action_get_units (fixture->action)->len, ==, 1);

  gtk_popover_popdown (GTK_POPOVER (popover));
  spin ();
  units = jln_action_get_units (fixture->action);
  g_assert_cmpuint (units->len, ==, 3);
  g_assert_cmpstr (jln_unit_get_code (g_ptr_array_index (units, 0)), ==, "RH");
  g_assert_cmpstr (jln_unit_get_code (g_ptr_array_index (units, 1)), ==, "CSS");
  g_assert_cmpstr (jln_unit_get_code (g_ptr_array_index (units, 2)), ==, "DPRE");
  chips = jln_test_find_child_of_type (gtk_widget_get_ancestor (button, GTK_TYPE_LIST_BOX_ROW),
                                       GTK_TYPE_FLOW_BOX);
  g_assert_cmpuint (count_children (chips), ==, 3);
  first_chip = gtk_flow_box_get_child_at_index (GTK_FLOW_BOX (chips), 0);

  /* One step undoes it all. */
  jln_document_undo (fixture->document, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (jln_action_get_units (fixture->action)->len, ==, 1);
  /* The chips follow, the one kept in the same widget. */
  g_assert_cmpuint (count_children (chips), ==, 1);
  g_assert_true (gtk_flow_box_get_child_at_index (GTK_FLOW_BOX (chips), 0) == first_chip);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_flow_box_child_get_child (first_chip))), ==, "RH");
  g_assert_false (jln_document_can_undo (fixture->document));

  /* The chip's whole text: its tooltip when the pointer rests on it, and
   * what a screen reader gives as its description. */
  {
    GtkWidget *label = gtk_flow_box_child_get_child (first_chip);
    JlnUnit *unit = g_ptr_array_index (jln_action_get_units (fixture->action), 0);
    g_autofree char *full = g_strdup_printf ("RH — %s",
                                             jln_text_get_fallback (jln_unit_get_name (unit),
                                                                    JLN_LANG_EN, NULL));
    g_autoptr(GtkTooltip) tooltip = g_object_new (GTK_TYPE_TOOLTIP, NULL);
    gboolean shown = FALSE;

    g_assert_true (gtk_widget_get_has_tooltip (label));
    g_signal_emit_by_name (label, "query-tooltip", 1, 1, FALSE, tooltip, &shown);
    g_assert_true (shown);
    g_assert_null (gtk_test_accessible_check_property (GTK_ACCESSIBLE (label),
                                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, full));
  }
}

static void
test_objective_and_item (Fixture       *fixture,
                         gconstpointer  data)
{
  JlnRecord *objective = JLN_RECORD (jln_action_get_objective (fixture->action));
  JlnAction *action = JLN_ACTION (jln_test_find_action (fixture->document, "1.8"));
  g_autoptr(JlnRecord) item = g_list_model_get_item (jln_action_get_items (action), 1);
  GtkWidget *programme;

  jln_action_editor_set_record (fixture->editor, objective);
  programme = get_named (fixture, "programme");
  g_assert_cmpuint (combo_selected (programme), ==, JLN_PROGRAMME_HRS4R);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (get_named (fixture, "number"))), ==, "1");
  g_assert_null (find_named (GTK_WIDGET (fixture->editor), "due"));
  combo_select (programme, JLN_PROGRAMME_GEP);
  g_assert_cmpint (jln_objective_get_programme (JLN_OBJECTIVE (objective)), ==, JLN_PROGRAMME_GEP);

  jln_action_editor_set_record (fixture->editor, item);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (get_named (fixture, "label"))), ==, "b");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (get_named (fixture, "kind"))), ==,
                   "Sub-item 1.8 b");
  get_named (fixture, "due");
  get_named (fixture, "units");
  g_assert_null (find_named (GTK_WIDGET (fixture->editor), "principles"));
}

/* Going from an objective to an action and back, as the arrow keys do in
 * the list, shows each kind in the rows made for it once: the rows are
 * bound to the record shown, not made again. */
static void
test_kinds_keep_rows (Fixture       *fixture,
                      gconstpointer  data)
{
  JlnRecord *objective = JLN_RECORD (jln_action_get_objective (fixture->action));
  JlnRecord *other = JLN_RECORD (jln_test_find_objective (fixture->document, "2"));
  g_autoptr(GtkWidget) programme = NULL;
  g_autoptr(GtkWidget) title_en = NULL;
  g_autofree char *shown = NULL;

  g_assert_nonnull (other);
  jln_action_editor_set_record (fixture->editor, objective);
  programme = g_object_ref (get_named (fixture, "programme"));
  title_en = g_object_ref (get_named (fixture, "title-en"));

  jln_action_editor_set_record (fixture->editor, JLN_RECORD (fixture->action));
  g_assert_null (find_named (GTK_WIDGET (fixture->editor), "programme"));
  g_assert_false (gtk_widget_is_drawable (title_en));

  jln_action_editor_set_record (fixture->editor, other);
  g_assert_true (get_named (fixture, "programme") == programme);
  g_assert_true (get_named (fixture, "title-en") == title_en);
  shown = view_text (title_en);
  g_assert_cmpstr (shown, ==, jln_text_get (jln_record_get_text (other, "title"), JLN_LANG_EN));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (get_named (fixture, "number"))), ==, "2");

  /* An edit in a row made for another objective goes to the one shown. */
  jln_test_wait_for_idle (fixture->window);
  type_in_view (title_en, get_named (fixture, "title-fr"), "Working conditions, again");
  g_assert_cmpstr (jln_text_get (jln_record_get_text (other, "title"), JLN_LANG_EN), ==,
                   "Working conditions, again");
  g_assert_cmpstr (jln_text_get (jln_record_get_text (objective, "title"), JLN_LANG_EN), !=,
                   "Working conditions, again");
}

/* The language of plan texts changes what the rows say, without a new
 * pane: the heading, the principles' names, the sub-items' titles. */
static void
test_content_language (Fixture       *fixture,
                       gconstpointer  data)
{
  JlnAction *action = JLN_ACTION (jln_test_find_action (fixture->document, "1.8"));
  g_autoptr(JlnActionItem) item = g_list_model_get_item (jln_action_get_items (action), 0);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  JlnPrinciple *first = g_ptr_array_index (jln_action_get_principles (fixture->action), 0);
  GtkWidget *principles, *chips, *chip, *title_en;

  jln_action_editor_set_record (fixture->editor, JLN_RECORD (fixture->action));
  title_en = get_named (fixture, "title-en");
  principles = gtk_widget_get_ancestor (get_named (fixture, "principles"), GTK_TYPE_LIST_BOX_ROW);
  chips = jln_test_find_child_of_type (principles, GTK_TYPE_FLOW_BOX);
  chip = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (gtk_widget_get_first_child (chips)));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (get_named (fixture, "heading"))), ==,
                   jln_action_get_title (fixture->action)->en);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (chip)),
                            jln_principle_get_name (first)->en));

  jln_session_set_content_language (fixture->session, JLN_LANG_FR);
  g_assert_true (get_named (fixture, "title-en") == title_en);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (get_named (fixture, "heading"))), ==,
                   jln_action_get_title (fixture->action)->fr);
  chip = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (gtk_widget_get_first_child (chips)));
  g_assert_nonnull (jln_principle_get_name (first)->fr);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (chip)),
                            jln_principle_get_name (first)->fr));

  /* A sub-item's row is titled in French too. */
  jln_action_editor_set_record (fixture->editor, JLN_RECORD (action));
  wait_for_frame (fixture->window);
  find_all_named (GTK_WIDGET (fixture->editor), "item", rows);
  g_assert_cmpuint (rows->len, >, 0);
  g_assert_nonnull (strstr (row_title (g_ptr_array_index (rows, 0)),
                            jln_action_item_get_title (item)->fr));
  jln_session_set_content_language (fixture->session, JLN_LANG_EN);
  g_assert_nonnull (strstr (row_title (g_ptr_array_index (rows, 0)),
                            jln_action_item_get_title (item)->en));
}

/* Thousands: the pane once took a minute to show them. */
#define N_MANY_ITEMS 3000
#define LAST_ITEM_TITLE "i" G_STRINGIFY (N_MANY_ITEMS) ". Sub-item " G_STRINGIFY (N_MANY_ITEMS)

static GtkWidget *
find_item_row (Fixture    *fixture,
               const char *title)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  find_all_named (GTK_WIDGET (fixture->editor), "item", rows);
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (row_title (g_ptr_array_index (rows, i)), title) == 0)
      return g_ptr_array_index (rows, i);
  return NULL;
}

/* An action with thousands of sub-items shows at once, as one with two:
 * the pane makes the rows on screen, and every sub-item is a scroll
 * away, there to be edited. */
static void
test_many_sub_items (Fixture       *fixture,
                     gconstpointer  data)
{
  guint n = N_MANY_ITEMS;
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(JlnActionItem) last = NULL;
  GtkWidget *list, *row;

  jln_action_editor_set_record (fixture->editor, JLN_RECORD (fixture->action));
  wait_for_frame (fixture->window);
  find_all_named (GTK_WIDGET (fixture->editor), "item", rows);
  g_assert_cmpuint (rows->len, >, 0);
  g_assert_cmpuint (rows->len, <=, 300);
  g_assert_cmpstr (row_title (g_ptr_array_index (rows, 0)), ==, "i1. Sub-item 1");
  g_assert_null (find_item_row (fixture, LAST_ITEM_TITLE));
  gtk_adjustment_set_value (editor_vadjustment (fixture),
                            gtk_adjustment_get_upper (editor_vadjustment (fixture)));
  save_screenshot (fixture->window, "many-items");

  /* The last sub-item, scrolled to, has its row and its fields. */
  list = get_named (fixture, "items");
  g_assert_true (GTK_IS_GRID_VIEW (list));
  gtk_widget_activate_action (list, "list.scroll-to-item", "u", n - 1);
  wait_for_frame (fixture->window);
  row = find_item_row (fixture, LAST_ITEM_TITLE);
  g_assert_nonnull (row);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  g_assert_false (gtk_widget_get_sensitive (find_named (row, "item-down")));
  g_assert_true (gtk_widget_get_sensitive (find_named (row, "item-up")));
  type_in_view (find_named (row, "title-en"), find_named (row, "title-fr"), "The last one");
  last = g_list_model_get_item (jln_action_get_items (fixture->action), n - 1);
  g_assert_cmpstr (jln_action_item_get_title (last)->en, ==, "The last one");
  g_assert_cmpstr (row_title (row), ==, "i" G_STRINGIFY (N_MANY_ITEMS) ". The last one");

  /* Still a few rows, however far the list went. */
  g_ptr_array_set_size (rows, 0);
  find_all_named (GTK_WIDGET (fixture->editor), "item", rows);
  g_assert_cmpuint (rows->len, <=, 300);
}

/* Moving from one action to the next, as Page Down in the list does,
 * shows the next action in the same rows: they are not made again. What
 * is typed then changes the action shown, and only it. */
static void
test_switch_keeps_rows (Fixture       *fixture,
                        gconstpointer  data)
{
  JlnAction *other = JLN_ACTION (jln_test_find_action (fixture->document, "1.3"));
  JlnAction *with_items = JLN_ACTION (jln_test_find_action (fixture->document, "1.2"));
  g_autofree char *old_en = g_strdup (jln_action_get_title (fixture->action)->en);
  g_autofree char *other_en = g_strdup (jln_action_get_title (other)->en);
  g_autofree char *shown = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  GtkWidget *title_en, *title_fr, *number, *status, *due, *details, *list;
  GtkSelectionModel *model;

  g_assert_nonnull (other);
  g_assert_nonnull (with_items);
  jln_action_editor_set_record (fixture->editor, JLN_RECORD (fixture->action));
  title_en = get_named (fixture, "title-en");
  title_fr = get_named (fixture, "title-fr");
  number = get_named (fixture, "number");
  status = get_named (fixture, "status");
  due = get_named (fixture, "due");
  details = get_named (fixture, "details");
  g_assert_cmpstr (combo_text (due), ==, "2nd sem. 2022");

  jln_session_set_selected (fixture->session, JLN_RECORD (other));
  g_assert_true (jln_action_editor_get_record (fixture->editor) == JLN_RECORD (other));
  g_assert_true (get_named (fixture, "title-en") == title_en);
  g_assert_true (get_named (fixture, "title-fr") == title_fr);
  g_assert_true (get_named (fixture, "number") == number);
  g_assert_true (get_named (fixture, "status") == status);
  g_assert_true (get_named (fixture, "due") == due);
  g_assert_true (get_named (fixture, "details") == details);

  /* The rows show the new action. */
  shown = view_text (title_en);
  g_assert_cmpstr (shown, ==, other_en);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (number)), ==, "1.3");
  g_assert_cmpstr (combo_text (due), ==, "2nd sem. 2024");
  g_assert_cmpuint (combo_selected (status), ==, JLN_STATUS_IN_PROGRESS);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (get_named (fixture, "heading"))), ==, other_en);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (get_named (fixture, "kind"))), "1.3"));

  /* An edit in a reused row goes to the action shown. */
  jln_test_wait_for_idle (fixture->window);
  type_in_view (title_en, title_fr, "Shown in the same row");
  g_assert_cmpstr (jln_action_get_title (other)->en, ==, "Shown in the same row");
  g_assert_cmpstr (jln_action_get_title (fixture->action)->en, ==, old_en);
  jln_document_undo (fixture->document, &error);
  g_assert_no_error (error);
  g_clear_pointer (&shown, g_free);
  shown = view_text (title_en);
  g_assert_cmpstr (shown, ==, other_en);

  /* A change to the action left is not shown. */
  apply_set (fixture, JLN_RECORD (fixture->action), "title-en", "Not this one");
  g_clear_pointer (&shown, g_free);
  shown = view_text (title_en);
  g_assert_cmpstr (shown, ==, other_en);

  /* The sub-items are those of the action shown. */
  jln_session_set_selected (fixture->session, JLN_RECORD (with_items));
  g_assert_true (get_named (fixture, "title-en") == title_en);
  wait_for_frame (fixture->window);
  find_all_named (GTK_WIDGET (fixture->editor), "item", items);
  g_assert_cmpuint (items->len, ==, 4);

  /* The list keeps its model from one action to the next: it takes in
   * the sub-items that change instead of starting again. */
  list = get_named (fixture, "items");
  model = gtk_grid_view_get_model (GTK_GRID_VIEW (list));
  g_assert_nonnull (model);
  jln_session_set_selected (fixture->session, JLN_RECORD (other));
  wait_for_frame (fixture->window);
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_parent (list)));
  g_ptr_array_set_size (items, 0);
  find_all_named (GTK_WIDGET (fixture->editor), "item", items);
  g_assert_cmpuint (items->len, ==, 0);
  jln_session_set_selected (fixture->session, JLN_RECORD (with_items));
  wait_for_frame (fixture->window);
  g_assert_true (gtk_grid_view_get_model (GTK_GRID_VIEW (list)) == model);
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_parent (list)));
  find_all_named (GTK_WIDGET (fixture->editor), "item", items);
  g_assert_cmpuint (items->len, ==, 4);
}

/* Not a check: pictures of the pane for a person to look at. */
/* Progress notes: written in one line, shown newest first, edited in
 * place, removed, and every change undone as any other. */
static GtkWidget *
note_row (Fixture *fixture,
          guint    index)
{
  GtkWidget *list = get_named (fixture, "notes");
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), index);

  g_assert_nonnull (row);
  return GTK_WIDGET (row);
}

static void
test_progress_notes (Fixture       *fixture,
                     gconstpointer  data)
{
  GListModel *notes = jln_record_get_notes (JLN_RECORD (fixture->action));
  GtkWidget *entry, *author, *add, *row;
  g_autoptr(GError) error = NULL;
  g_autoptr(JlnRecord) first = NULL;

  jln_action_editor_set_record (fixture->editor, JLN_RECORD (fixture->action));
  spin ();
  entry = get_named (fixture, "note-entry");
  author = get_named (fixture, "note-author");
  add = get_named (fixture, "note-add");
  g_assert_false (gtk_widget_get_visible (get_named (fixture, "notes")));
  g_assert_false (gtk_widget_is_sensitive (add));

  gtk_editable_set_text (GTK_EDITABLE (author), "DRH");
  gtk_editable_set_text (GTK_EDITABLE (entry), "  S1 2024 progress: <b>specification</b> written  ");
  spin ();
  click (add);
  g_assert_cmpuint (g_list_model_get_n_items (notes), ==, 1);
  first = g_list_model_get_item (notes, 0);
  g_assert_cmpstr (jln_note_get_text (first)->en, ==, "S1 2024 progress: <b>specification</b> written");
  g_assert_null (jln_note_get_text (first)->fr);
  g_assert_cmpstr (jln_note_get_author (first), ==, "DRH");
  g_assert_nonnull (jln_note_get_date (first));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  g_assert_true (gtk_widget_get_visible (get_named (fixture, "notes")));
  /* The text is shown as it is written, never as markup. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (note_row (fixture, 0))), ==,
                   "S1 2024 progress: <b>specification</b> written");

  /* Enter adds too; the newer note comes first. */
  gtk_widget_grab_focus (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), "Call published");
  g_signal_emit_by_name (entry, "activate");
  spin ();
  g_assert_cmpuint (g_list_model_get_n_items (notes), ==, 2);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (note_row (fixture, 0))), ==, "Call published");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (note_row (fixture, 1))), ==,
                   "S1 2024 progress: <b>specification</b> written");

  /* Edited in place. */
  row = note_row (fixture, 1);
  gtk_editable_set_text (GTK_EDITABLE (row), "Specification approved");
  g_signal_emit_by_name (row, "apply");
  spin ();
  g_assert_cmpstr (jln_note_get_text (first)->en, ==, "Specification approved");

  /* Undo the edit: the row shows the text before. */
  g_assert_true (jln_document_undo (fixture->document, &error));
  g_assert_no_error (error);
  spin ();
  g_assert_cmpstr (jln_note_get_text (first)->en, ==, "S1 2024 progress: <b>specification</b> written");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (note_row (fixture, 1))), ==,
                   "S1 2024 progress: <b>specification</b> written");

  /* Removed, then undone. */
  click (find_named (note_row (fixture, 0), "note-remove"));
  g_assert_cmpuint (g_list_model_get_n_items (notes), ==, 1);
  g_assert_true (jln_document_undo (fixture->document, &error));
  g_assert_no_error (error);
  spin ();
  g_assert_cmpuint (g_list_model_get_n_items (notes), ==, 2);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (note_row (fixture, 0))), ==, "Call published");

  /* Another action, shown in the same fields: its notes, none yet, and
   * not the note begun for the action left; back again, the two notes. */
  jln_action_editor_set_editable (fixture->editor, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (entry), "Not for 1.3");
  jln_action_editor_set_record (fixture->editor,
                                jln_test_find_action (fixture->document, "1.3"));
  spin ();
  g_assert_true (get_named (fixture, "note-entry") == entry);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  g_assert_false (gtk_widget_get_visible (get_named (fixture, "notes")));
  jln_action_editor_set_record (fixture->editor, JLN_RECORD (fixture->action));
  spin ();
  g_assert_true (get_named (fixture, "note-entry") == entry);
  g_assert_true (gtk_widget_get_visible (get_named (fixture, "notes")));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (note_row (fixture, 0))), ==, "Call published");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (note_row (fixture, 1))), ==,
                   "S1 2024 progress: <b>specification</b> written");

  /* A read-only plan: nothing to write with. */
  jln_action_editor_set_editable (fixture->editor, FALSE);
  g_assert_false (gtk_widget_is_sensitive (get_named (fixture, "note-entry")));
}

static void
test_screenshots (Fixture       *fixture,
                  gconstpointer  data)
{
  JlnAction *action = JLN_ACTION (jln_test_find_action (fixture->document, "1.8"));
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  GtkAdjustment *adjustment;
  GtkWidget *popover;

  if (g_getenv ("JALONS_SCREENSHOT_DIR") == NULL)
    {
      g_test_skip ("JALONS_SCREENSHOT_DIR is not set");
      return;
    }
  if (g_str_has_prefix (g_getenv ("LANGUAGE") ?: "", "fr"))
    jln_session_set_content_language (fixture->session, JLN_LANG_FR);

  jln_action_editor_set_record (fixture->editor, JLN_RECORD (fixture->action));
  apply_set (fixture, JLN_RECORD (fixture->action), "title-fr", "");
  type_in_entry (get_named (fixture, "completion"), "2020-2019");
  save_screenshot (fixture->window, "action-top");

  adjustment = editor_vadjustment (fixture);
  gtk_adjustment_set_value (adjustment, 700);
  save_screenshot (fixture->window, "action-middle");
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  save_screenshot (fixture->window, "action-bottom");

  jln_action_editor_set_record (fixture->editor, JLN_RECORD (action));
  find_all_named (GTK_WIDGET (fixture->editor), "item", rows);
  adw_expander_row_set_expanded (g_ptr_array_index (rows, 0), TRUE);
  wait_for_frame (fixture->window);
  adjustment = editor_vadjustment (fixture);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  save_screenshot (fixture->window, "items");
  {
    GtkWidget *scroller = gtk_widget_get_parent (get_named (fixture, "items"));
    GtkAdjustment *inner = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));

    gtk_adjustment_set_value (inner, gtk_adjustment_get_upper (inner));
    save_screenshot (fixture->window, "items-end");
  }

  jln_action_editor_set_record (fixture->editor,
                                JLN_RECORD (jln_action_get_objective (fixture->action)));
  save_screenshot (fixture->window, "objective");

  /* The principles near the top of the pane, their popover below them. */
  jln_action_editor_set_record (fixture->editor, JLN_RECORD (fixture->action));
  wait_for_frame (fixture->window);
  {
    GtkWidget *button = get_named (fixture, "principles");
    GtkWidget *viewport = gtk_widget_get_ancestor (button, GTK_TYPE_VIEWPORT);
    graphene_point_t point;

    g_assert_true (gtk_widget_compute_point (button, gtk_widget_get_first_child (viewport),
                                             &GRAPHENE_POINT_INIT (0, 0), &point));
    gtk_adjustment_set_value (editor_vadjustment (fixture), point.y - 60);
  }
  popover = popup (get_named (fixture, "principles"));
  save_screenshot (popover, "principles-popover");
  gtk_popover_popdown (GTK_POPOVER (popover));
}

int
main (int    argc,
      char **argv)
{
  const char *localedir = g_getenv ("JALONS_LOCALEDIR");

  gtk_test_init (&argc, &argv, NULL);
  /* gtk_test_init() sets an English locale; follow the environment, so
   * that LANGUAGE=fr shows the pane in French. */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : BUILD_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  adw_init ();
  jln_test_load_style ();
  /* Pictures show the end of transitions, not their middle. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

#define ADD(path, func) \
  g_test_add ("/gui/action-editor/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("empty", test_empty);
  ADD ("show-action", test_show_action);
  ADD ("edit-title-and-undo", test_edit_title_and_undo);
  ADD ("follows-record", test_follows_record);
  ADD ("rows-follow-new-record", test_rows_follow_new_record);
  ADD ("switch-draws-once", test_switch_draws_once);
  ADD ("due-semester", test_due_semester);
  ADD ("choice-rows-keyboard", test_choice_rows_keyboard);
  ADD ("completion", test_completion);
  ADD ("sub-items", test_sub_items);
  ADD ("plain-text", test_plain_text);
  ADD ("missing-translation", test_missing_translation);
  ADD ("units", test_units);
  ADD ("objective-and-item", test_objective_and_item);
  ADD ("progress-notes", test_progress_notes);
  ADD ("switch-keeps-rows", test_switch_keeps_rows);
  ADD ("kinds-keep-rows", test_kinds_keep_rows);
  ADD ("content-language", test_content_language);
  ADD ("screenshots", test_screenshots);
#undef ADD
  g_test_add ("/gui/action-editor/many-sub-items", Fixture, GUINT_TO_POINTER (N_MANY_ITEMS),
              fixture_setup_many, test_many_sub_items, fixture_teardown);

  return g_test_run ();
}
