/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "jln-action.h"
#include "jln-text-row.h"

#include "jln-test-gui-utils.h"

typedef struct
{
  char        *dir;
  char        *path;
  JlnDocument *document;
  JlnSession  *session;
  GtkWidget   *window;
  JlnTextRow  *row;
} Fixture;

static void
spin (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
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
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *json = g_build_filename (g_getenv ("JALONS_DATADIR"), "plans",
                                            "inserm-hrs4r-2022.json", NULL);
  GtkWidget *list = gtk_list_box_new ();

  fixture->document = jln_test_import_plan (json, "jalons-text-row-XXXXXX",
                                            &fixture->dir, &fixture->path);
  fixture->session = jln_session_new ();
  jln_session_set_document (fixture->session, fixture->document);
  fixture->row = JLN_TEXT_ROW (g_object_new (JLN_TYPE_TEXT_ROW,
                                             "title", "Title",
                                             "field", JLN_PLAN_FIELD_TITLE,
                                             "session", fixture->session,
                                             NULL));
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (fixture->row));
  fixture->window = gtk_window_new ();
  gtk_window_set_child (GTK_WINDOW (fixture->window), list);
  gtk_window_present (GTK_WINDOW (fixture->window));
  spin ();
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_object_add_weak_pointer (G_OBJECT (fixture->row), (gpointer *) &fixture->row);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  spin ();
  g_assert_null (fixture->row);
  g_assert_finalize_object (fixture->session);
  g_assert_finalize_object (fixture->document);
  jln_test_clear_plan_dir (&fixture->dir, &fixture->path);
}

/* Given a record, the row shows its text in both languages, and shows
 * the next record's in the same views. */
static void
test_shows_record (Fixture       *fixture,
                   gconstpointer  data)
{
  JlnRecord *first = jln_test_find_action (fixture->document, "1.4");
  JlnRecord *second = jln_test_find_action (fixture->document, "1.3");
  GtkWidget *fr = jln_text_row_get_view (fixture->row, JLN_LANG_FR);
  GtkWidget *en = jln_text_row_get_view (fixture->row, JLN_LANG_EN);
  g_autofree char *shown_fr = NULL;
  g_autofree char *shown_en = NULL;
  g_autofree char *shown_next = NULL;

  g_assert_cmpstr (gtk_widget_get_name (fr), ==, "title-fr");
  g_assert_cmpstr (gtk_widget_get_name (en), ==, "title-en");

  jln_text_row_set_record (fixture->row, first);
  shown_fr = view_text (fr);
  shown_en = view_text (en);
  g_assert_cmpstr (shown_fr, ==, jln_action_get_title (JLN_ACTION (first))->fr);
  g_assert_cmpstr (shown_en, ==, jln_action_get_title (JLN_ACTION (first))->en);

  jln_text_row_set_record (fixture->row, second);
  g_assert_true (jln_text_row_get_view (fixture->row, JLN_LANG_EN) == en);
  shown_next = view_text (en);
  g_assert_cmpstr (shown_next, ==, jln_action_get_title (JLN_ACTION (second))->en);

  /* Another field of the same record. */
  jln_text_row_set_field (fixture->row, JLN_PLAN_FIELD_DESCRIPTION);
  g_assert_cmpstr (gtk_widget_get_name (en), ==, "description-en");
  g_clear_pointer (&shown_next, g_free);
  shown_next = view_text (en);
  g_assert_cmpstr (shown_next, ==,
                   jln_action_get_description (JLN_ACTION (second))->en ?: "");
}

/* What is typed is committed when the user leaves the view, as one edit
 * of the document; undoing it shows the text again. */
static void
test_edit_and_undo (Fixture       *fixture,
                    gconstpointer  data)
{
  JlnRecord *action = jln_test_find_action (fixture->document, "1.4");
  g_autofree char *old_en = g_strdup (jln_action_get_title (JLN_ACTION (action))->en);
  GtkWidget *fr = jln_text_row_get_view (fixture->row, JLN_LANG_FR);
  GtkWidget *en = jln_text_row_get_view (fixture->row, JLN_LANG_EN);
  g_autofree char *shown = NULL;
  g_autoptr(GError) error = NULL;

  jln_text_row_set_record (fixture->row, action);
  jln_test_wait_for_idle (fixture->window);
  gtk_widget_grab_focus (en);
  spin ();
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (en)), "Typed here", -1);
  g_assert_false (jln_document_can_undo (fixture->document));
  gtk_widget_grab_focus (fr);
  spin ();
  g_assert_cmpstr (jln_action_get_title (JLN_ACTION (action))->en, ==, "Typed here");
  g_assert_true (jln_document_can_undo (fixture->document));

  jln_document_undo (fixture->document, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (jln_action_get_title (JLN_ACTION (action))->en, ==, old_en);
  shown = view_text (en);
  g_assert_cmpstr (shown, ==, old_en);

}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  jln_test_load_style ();

  g_test_add ("/gui/text-row/shows-record", Fixture, NULL, fixture_setup, test_shows_record,
              fixture_teardown);
  g_test_add ("/gui/text-row/edit-and-undo", Fixture, NULL, fixture_setup, test_edit_and_undo,
              fixture_teardown);
  return g_test_run ();
}
