/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The session of a window, without a display: what follows the document,
 * how a commit made elsewhere reaches it, and what becomes of the
 * selection then. */
#include "config.h"

#include "jln-action.h"
#include "jln-document.h"
#include "jln-plan.h"
#include "jln-session.h"

#include "jln-test-utils.h"

typedef struct
{
  char        *dir;
  char        *path;
  JlnDocument *document;
  JlnSession  *session;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  fixture->document = jln_test_import_plan (JLN_TEST_BUNDLED_PLAN, "jalons-session-XXXXXX",
                                            &fixture->dir, &fixture->path);
  g_assert_nonnull (fixture->document);
  fixture->session = jln_session_new ();
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_object (&fixture->session);
  g_clear_object (&fixture->document);
  jln_test_clear_plan_dir (&fixture->dir, &fixture->path);
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 gpointer    user_data)
{
  (*(int *) user_data)++;
}

static void
count_cb (gpointer user_data)
{
  (*(int *) user_data)++;
}

static void
drain_main_loop (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
test_document_gives_plan (Fixture       *fixture,
                          gconstpointer  data)
{
  JlnSession *session = fixture->session;
  int plan_changes = 0;

  g_signal_connect (session, "notify::plan", G_CALLBACK (count_notify_cb), &plan_changes);
  g_assert_null (jln_session_get_plan (session));
  g_assert_false (jln_session_get_editable (session));

  jln_session_set_document (session, fixture->document);
  g_assert_true (jln_session_get_document (session) == fixture->document);
  g_assert_true (jln_session_get_plan (session) == jln_document_get_plan (fixture->document));
  g_assert_cmpint (plan_changes, ==, 1);
  g_assert_true (jln_session_get_editable (session));
  g_assert_false (jln_session_get_replaced (session));

  /* Setting the same document again changes nothing. */
  jln_session_set_document (session, fixture->document);
  g_assert_cmpint (plan_changes, ==, 1);

  jln_session_set_document (session, NULL);
  g_assert_null (jln_session_get_plan (session));
  g_assert_cmpint (plan_changes, ==, 2);
  g_assert_false (jln_session_get_editable (session));
}

static void
test_selection_cleared_with_document (Fixture       *fixture,
                                      gconstpointer  data)
{
  JlnSession *session = fixture->session;
  JlnRecord *action;

  jln_session_set_document (session, fixture->document);
  action = jln_test_find_action (fixture->document, "1.1");
  g_assert_nonnull (action);
  jln_session_set_selected (session, action);
  g_assert_true (jln_session_get_selected (session) == action);

  jln_session_set_document (session, NULL);
  g_assert_null (jln_session_get_selected (session));
}

/* Another program commits to the file: the session reads it again when
 * asked to look, gives the new plan once the main loop is idle, keeps the
 * selected action by its id and says it reloaded, once. */
static void
test_reload_from_elsewhere (Fixture       *fixture,
                            gconstpointer  data)
{
  JlnSession *session = fixture->session;
  g_autoptr(GError) error = NULL;
  g_autoptr(JlnDocument) other = NULL;
  g_autoptr(JlnPlan) old_plan = NULL;
  JlnRecord *action;
  JlnRecord *selected;
  g_autofree char *action_id = NULL;
  int reloads = 0;
  int plan_changes = 0;

  jln_session_set_document (session, fixture->document);
  old_plan = g_object_ref (jln_session_get_plan (session));
  action = jln_test_find_action (fixture->document, "1.1");
  action_id = g_strdup (jln_record_get_id (action));
  jln_session_set_selected (session, action);
  g_signal_connect_swapped (session, "reloaded", G_CALLBACK (count_cb), &reloads);
  g_signal_connect (session, "notify::plan", G_CALLBACK (count_notify_cb), &plan_changes);

  /* Nothing changed: looking at the file reloads nothing. */
  g_assert_true (jln_session_check_file (session, &error));
  g_assert_no_error (error);
  drain_main_loop ();
  g_assert_cmpint (reloads, ==, 0);
  g_assert_true (jln_session_get_plan (session) == old_plan);

  other = jln_document_open (fixture->path, &error);
  g_assert_no_error (error);
  jln_test_set_field (other, "1.1", "title-en", "Renamed in another window");

  g_assert_true (jln_session_check_file (session, &error));
  g_assert_no_error (error);
  /* Not in the middle of whatever asked: the plan follows when idle. */
  g_assert_true (jln_session_get_plan (session) == old_plan);
  drain_main_loop ();

  g_assert_cmpint (reloads, ==, 1);
  g_assert_cmpint (plan_changes, ==, 1);
  g_assert_true (jln_session_get_plan (session) == jln_document_get_plan (fixture->document));
  g_assert_true (jln_session_get_plan (session) != old_plan);
  selected = jln_session_get_selected (session);
  g_assert_nonnull (selected);
  g_assert_true (jln_record_get_parent (jln_record_get_parent (selected)) ==
                 JLN_RECORD (jln_session_get_plan (session)));
  g_assert_cmpstr (jln_record_get_id (selected), ==, action_id);
  g_assert_cmpstr (jln_text_get (jln_action_get_title (JLN_ACTION (selected)), JLN_LANG_EN), ==,
                   "Renamed in another window");
}

/* The selected action was deleted elsewhere: nothing stays selected. */
static void
test_reload_drops_deleted_selection (Fixture       *fixture,
                                     gconstpointer  data)
{
  JlnSession *session = fixture->session;
  g_autoptr(GError) error = NULL;
  g_autoptr(JlnDocument) other = NULL;

  jln_session_set_document (session, fixture->document);
  jln_session_set_selected (session, jln_test_find_action (fixture->document, "1.1"));

  other = jln_document_open (fixture->path, &error);
  g_assert_no_error (error);
  /* jln_test_apply() takes the edit. */
  jln_test_apply (other, jln_edit_new_remove (jln_test_find_action (other, "1.1")));

  g_assert_true (jln_session_check_file (session, &error));
  g_assert_no_error (error);
  drain_main_loop ();
  g_assert_null (jln_session_get_selected (session));
  g_assert_null (jln_test_find_action (fixture->document, "1.1"));
}

static void
test_content_language_and_today (Fixture       *fixture,
                                 gconstpointer  data)
{
  JlnSession *session = fixture->session;
  int changes = 0;
  GValue value = G_VALUE_INIT;

  g_signal_connect (session, "notify::content-language", G_CALLBACK (count_notify_cb), &changes);
  /* It starts as the interface's language (English in the tests). */
  g_assert_cmpint (jln_session_get_content_language (session), ==, JLN_LANG_EN);
  jln_session_set_content_language (session, JLN_LANG_FR);
  jln_session_set_content_language (session, JLN_LANG_FR);
  jln_session_set_content_language (session, JLN_LANG_EN);
  g_assert_cmpint (changes, ==, 2);
  g_assert_cmpint (jln_session_get_content_language (session), ==, JLN_LANG_EN);

  /* A registered enum, so that it can be bound and shown by nick. */
  g_value_init (&value, G_TYPE_ENUM);
  g_object_get_property (G_OBJECT (session), "content-language", &value);
  g_assert_true (G_VALUE_HOLDS_ENUM (&value));
  g_value_unset (&value);

  g_assert_cmpuint (jln_session_get_today (session), ==, jln_semester_today ());
  jln_session_set_today (session, jln_semester_new (2022, 2));
  g_assert_cmpuint (jln_semester_get_year (jln_session_get_today (session)), ==, 2022);

  g_assert_nonnull (jln_session_get_filter (session));
}

/* A page as the window's pages are: it follows one session at a time
 * through a binding made once, and counts what reaches it. */
#define TEST_TYPE_PAGE (test_page_get_type ())
G_DECLARE_FINAL_TYPE (TestPage, test_page, TEST, PAGE, GObject)

struct _TestPage
{
  GObject            parent_instance;
  JlnSessionBinding *binding;
  int                language_changes;
  int                filter_changes;
};

G_DEFINE_FINAL_TYPE (TestPage, test_page, G_TYPE_OBJECT)

static void
page_language_changed_cb (TestPage *self)
{
  self->language_changes++;
}

static void
page_filter_changed_cb (TestPage *self)
{
  self->filter_changes++;
}

static void
test_page_class_init (TestPageClass *klass)
{
}

static void
test_page_init (TestPage *self)
{
  self->binding = jln_session_binding_new (self);
  jln_session_binding_connect (self->binding, "notify::content-language",
                               G_CALLBACK (page_language_changed_cb));
  jln_session_binding_connect_filter (self->binding, "changed", G_CALLBACK (page_filter_changed_cb));
}

static void
toggle_language (JlnSession *session)
{
  jln_session_set_content_language (session,
                                    jln_session_get_content_language (session) == JLN_LANG_FR
                                    ? JLN_LANG_EN : JLN_LANG_FR);
}

static void
test_binding_follows_one_session (void)
{
  TestPage *page = g_object_new (TEST_TYPE_PAGE, NULL);
  JlnSessionBinding *binding = page->binding;
  JlnSession *old_session = jln_session_new ();
  JlnSession *new_session = jln_session_new ();
  guint notify_id = g_signal_lookup ("notify", G_TYPE_OBJECT);
  GQuark language_quark = g_quark_from_static_string ("content-language");

  g_object_add_weak_pointer (G_OBJECT (binding), (gpointer *) &binding);
  g_object_add_weak_pointer (G_OBJECT (old_session), (gpointer *) &old_session);
  g_object_add_weak_pointer (G_OBJECT (new_session), (gpointer *) &new_session);

  /* Nothing reaches a page with no session. */
  toggle_language (old_session);
  g_assert_cmpint (page->language_changes, ==, 0);

  jln_session_binding_set_session (binding, old_session);
  g_assert_true (jln_session_binding_get_session (binding) == old_session);
  toggle_language (old_session);
  jln_query_filter_set_text (jln_session_get_filter (old_session), "unit:RH");
  g_assert_cmpint (page->language_changes, ==, 1);
  g_assert_cmpint (page->filter_changes, ==, 1);

  /* Moved to another session, the page hears that one only. */
  jln_session_binding_set_session (binding, new_session);
  g_assert_true (jln_session_binding_get_session (binding) == new_session);
  toggle_language (old_session);
  jln_query_filter_set_text (jln_session_get_filter (old_session), "overdue");
  g_assert_cmpint (page->language_changes, ==, 1);
  g_assert_cmpint (page->filter_changes, ==, 1);
  g_assert_false (g_signal_has_handler_pending (old_session, notify_id, language_quark, FALSE));
  toggle_language (new_session);
  jln_query_filter_set_text (jln_session_get_filter (new_session), "status:done");
  g_assert_cmpint (page->language_changes, ==, 2);
  g_assert_cmpint (page->filter_changes, ==, 2);

  /* The binding holds no session: both go when their owners drop them. */
  g_object_unref (old_session);
  g_assert_null (old_session);
  g_object_unref (new_session);
  g_assert_null (new_session);
  g_assert_null (jln_session_binding_get_session (binding));

  /* A session that outlives its page keeps no handler of it, and the
   * binding goes with the page. */
  new_session = jln_session_new ();
  g_object_add_weak_pointer (G_OBJECT (new_session), (gpointer *) &new_session);
  jln_session_binding_set_session (binding, new_session);
  g_assert_true (g_signal_has_handler_pending (new_session, notify_id, language_quark, FALSE));
  g_assert_finalize_object (page);
  g_assert_null (binding);
  g_assert_false (g_signal_has_handler_pending (new_session, notify_id, language_quark, FALSE));
  toggle_language (new_session);
  jln_query_filter_set_text (jln_session_get_filter (new_session), "unit:RH");
  g_assert_finalize_object (new_session);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/session/document-gives-plan", test_document_gives_plan);
  ADD ("/session/selection-cleared-with-document", test_selection_cleared_with_document);
  ADD ("/session/reload-from-elsewhere", test_reload_from_elsewhere);
  ADD ("/session/reload-drops-deleted-selection", test_reload_drops_deleted_selection);
  ADD ("/session/content-language-and-today", test_content_language_and_today);
#undef ADD
  g_test_add_func ("/session/binding-follows-one-session", test_binding_follows_one_session);

  return g_test_run ();
}
