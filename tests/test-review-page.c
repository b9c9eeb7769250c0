/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <adwaita.h>
#include <glib/gi18n.h>

#include "jln-plan.h"
#include "jln-review-page.h"
#include "jln-section.h"

#include "jln-test-gui-utils.h"

/* The Review page edits the narrative's sections through the document,
 * with the same undo as every other edit. */

typedef struct
{
  char          *dir;
  char          *path;
  JlnDocument   *document;
  JlnSession    *session;
  GtkWidget     *window;
  JlnReviewPage *page;
  GtkWidget     *other;     /* something else to give the focus to */
} Fixture;

static void
spin (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
is_named (GtkWidget     *widget,
          gconstpointer  name)
{
  return g_strcmp0 (gtk_widget_get_name (widget), name) == 0;
}

static void
find_all (GtkWidget  *widget,
          const char *name,
          GPtrArray  *found)
{
  if (is_named (widget, name))
    g_ptr_array_add (found, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    find_all (child, name, found);
}

/* The @index-th widget named @name in the page. */
static GtkWidget *
nth_named (Fixture    *fixture,
           const char *name,
           guint       index)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  find_all (GTK_WIDGET (fixture->page), name, found);
  if (index >= found->len)
    g_error ("No widget %u named “%s” (%u found)", index, name, found->len);
  return g_ptr_array_index (found, index);
}

static guint
count_named (Fixture    *fixture,
             const char *name)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  find_all (GTK_WIDGET (fixture->page), name, found);
  return found->len;
}

static JlnSection *
section_at (Fixture *fixture,
            guint    index)
{
  GListModel *sections = jln_plan_get_sections (jln_document_get_plan (fixture->document));
  g_autoptr(JlnSection) section = g_list_model_get_item (sections, index);

  return section;
}

static void
undo (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (jln_document_undo (fixture->document, &error));
  g_assert_no_error (error);
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
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  fixture->document = jln_test_import_plan (JLN_TEST_BUNDLED_PLAN, "jalons-review-XXXXXX",
                                            &fixture->dir, &fixture->path);
  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 640, 480);
  fixture->session = jln_session_new ();
  jln_session_set_content_language (fixture->session, JLN_LANG_FR);
  jln_session_set_document (fixture->session, fixture->document);
  fixture->page = JLN_REVIEW_PAGE (jln_review_page_new ());
  jln_review_page_set_session (fixture->page, fixture->session);
  gtk_widget_set_vexpand (GTK_WIDGET (fixture->page), TRUE);
  fixture->other = gtk_entry_new ();
  gtk_box_append (GTK_BOX (box), fixture->other);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (fixture->page));
  gtk_window_set_child (GTK_WINDOW (fixture->window), box);
  gtk_window_present (GTK_WINDOW (fixture->window));
  spin ();
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  spin ();
  g_clear_object (&fixture->session);
  g_clear_object (&fixture->document);
  jln_test_clear_plan_dir (&fixture->dir, &fixture->path);
}

static char *
body_text (GtkWidget *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
test_shows_sections (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *body = NULL;

  g_assert_cmpuint (count_named (fixture, "section"), ==, 6);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (nth_named (fixture, "section-title", 2))), ==,
                   "3. L’approche");
  body = body_text (nth_named (fixture, "section-body", 0));
  g_assert_true (g_str_has_prefix (body, "Créé en 1964"));

  /* With JALONS_SCREENSHOT_DIR set, a picture of the page. */
  if (g_getenv ("JALONS_SCREENSHOT_DIR") != NULL)
    {
      g_autoptr(GdkTexture) texture = NULL;

      gtk_window_set_default_size (GTK_WINDOW (fixture->window), 720, 800);
      jln_test_wait_for_idle (fixture->window);
      texture = jln_test_render_widget (fixture->window);
      jln_test_save_screenshot (texture, "review-page", "fr");
    }

  /* The other language. */
  jln_session_set_content_language (fixture->session, JLN_LANG_EN);
  spin ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (nth_named (fixture, "section-title", 2))), ==,
                   "3. The approach");
}

static void
test_edit_and_undo (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkWidget *title = nth_named (fixture, "section-title", 1);
  GtkWidget *body = nth_named (fixture, "section-body", 1);
  g_autofree char *old_body = g_strdup (jln_section_get_body (section_at (fixture, 1))->fr);
  g_autofree char *shown = NULL;

  /* The title, applied; a title with markup stays text. */
  gtk_editable_set_text (GTK_EDITABLE (title), "2. <b>Contexte</b> & HRS4R");
  g_signal_emit_by_name (title, "apply");
  spin ();
  g_assert_cmpstr (jln_section_get_title (section_at (fixture, 1))->fr, ==, "2. <b>Contexte</b> & HRS4R");
  /* The group shows the text as written: its title is the text of its markup. */
  g_assert_cmpstr (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (nth_named (fixture, "section", 1))),
                   ==, "2. <b>Contexte</b> & HRS4R");

  /* The body, when the user leaves it. */
  gtk_widget_grab_focus (body);
  spin ();
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (body)), "Un paragraphe.\n\n- un point", -1);
  spin ();
  g_assert_cmpstr (jln_section_get_body (section_at (fixture, 1))->fr, ==, old_body);
  gtk_widget_grab_focus (fixture->other);
  spin ();
  g_assert_cmpstr (jln_section_get_body (section_at (fixture, 1))->fr, ==, "Un paragraphe.\n\n- un point");

  undo (fixture);
  g_assert_cmpstr (jln_section_get_body (section_at (fixture, 1))->fr, ==, old_body);
  shown = body_text (nth_named (fixture, "section-body", 1));
  g_assert_cmpstr (shown, ==, old_body);
  undo (fixture);
  g_assert_true (g_str_has_prefix (jln_section_get_title (section_at (fixture, 1))->fr, "2. Contexte"));

  /* Typed, then the page goes away: the text is kept. */
  gtk_widget_grab_focus (body);
  spin ();
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (body)), "Typed before leaving.", -1);
  gtk_widget_set_visible (GTK_WIDGET (fixture->page), FALSE);
  spin ();
  g_assert_cmpstr (jln_section_get_body (section_at (fixture, 1))->fr, ==, "Typed before leaving.");
}

static void
test_add_move_remove (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *first_id = g_strdup (jln_record_get_id (JLN_RECORD (section_at (fixture, 0))));

  click (nth_named (fixture, "section-add", 0));
  g_assert_cmpuint (count_named (fixture, "section"), ==, 7);
  g_assert_cmpstr (jln_section_get_title (section_at (fixture, 6))->fr, ==, _("New Section"));

  click (nth_named (fixture, "section-down", 0));
  g_assert_cmpstr (jln_record_get_id (JLN_RECORD (section_at (fixture, 1))), ==, first_id);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (nth_named (fixture, "section-title", 1))), ==,
                   jln_section_get_title (section_at (fixture, 1))->fr);
  undo (fixture);
  g_assert_cmpstr (jln_record_get_id (JLN_RECORD (section_at (fixture, 0))), ==, first_id);

  click (nth_named (fixture, "section-remove", 0));
  g_assert_cmpuint (count_named (fixture, "section"), ==, 6);
  g_assert_cmpstr (jln_record_get_id (JLN_RECORD (section_at (fixture, 0))), !=, first_id);
  undo (fixture);
  g_assert_cmpuint (count_named (fixture, "section"), ==, 7);
  g_assert_cmpstr (jln_record_get_id (JLN_RECORD (section_at (fixture, 0))), ==, first_id);
  undo (fixture);
  g_assert_cmpuint (count_named (fixture, "section"), ==, 6);

  /* A plan that may not be changed. */
  jln_review_page_set_editable (fixture->page, FALSE);
  g_assert_false (gtk_widget_is_sensitive (nth_named (fixture, "section-add", 0)));
  g_assert_false (gtk_widget_is_sensitive (nth_named (fixture, "section-body", 0)));
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("JALONS_LOCALEDIR");

  gtk_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : BUILD_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  adw_init ();

#define ADD(path, func) \
  g_test_add ("/gui/review-page/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("shows-sections", test_shows_sections);
  ADD ("edit-and-undo", test_edit_and_undo);
  ADD ("add-move-remove", test_add_move_remove);
#undef ADD

  return g_test_run ();
}
