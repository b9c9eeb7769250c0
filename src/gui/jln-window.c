/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "jln-action.h"
#include "jln-action-editor.h"
#include "jln-action-item.h"
#include "jln-action-list.h"
#include "jln-backups.h"
#include "jln-backups-window.h"
#include "jln-changes-window.h"
#include "jln-csv.h"
#include "jln-document-dialog.h"
#include "jln-export-dialog.h"
#include "jln-import-dialog.h"
#include "jln-plan-dialog.h"
#include "jln-indicators-page.h"
#include "jln-json.h"
#include "jln-merge-window.h"
#include "jln-objective.h"
#include "jln-plan-pages.h"
#include "jln-principles-page.h"
#include "jln-review-page.h"
#include "jln-session.h"
#include "jln-sheet.h"
#include "jln-print.h"
#include "jln-timeline-view.h"
#include "jln-window-private.h"


G_DEFINE_FINAL_TYPE (JlnWindow, jln_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GSettings *
_jln_window_get_settings (JlnWindow *self)
{
  return self->settings;
}

/* A toast's title is markup in libadwaita 1.2: what it says, plan text
 * and file names included, is escaped. */
AdwToast *
_jln_window_toast_new (const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  return adw_toast_new (escaped);
}

void
_jln_window_show_toast (JlnWindow  *self,
                        const char *text)
{
  AdwToast *toast = _jln_window_toast_new (text);

  adw_toast_set_timeout (toast, 5);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
_jln_window_show_error_toast (JlnWindow    *self,
                              const GError *error)
{
  AdwToast *toast = _jln_window_toast_new (error->message);

  /* Errors stay until dismissed: they say what to do. */
  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* --- Busy state ------------------------------------------------------------ */

/* Work that ends within half a second shows its message and nothing that
 * moves: an animation would be drawn all the while, and compete for the
 * CPU with the thread doing the work. Longer work shows a spinner. */
static gboolean
pulse_cb (gpointer user_data)
{
  JlnWindow *self = user_data;

  self->pulse_id = 0;
  gtk_spinner_start (self->spinner);
  return G_SOURCE_REMOVE;
}

void
_jln_window_set_busy (JlnWindow  *self,
                      const char *message)
{
  self->busy = message != NULL;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.open", !self->busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", !self->busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-plan", !self->busy);

  if (message != NULL)
    {
      gtk_label_set_text (self->loading_label, message);
      gtk_stack_set_visible_child_name (self->main_stack, "loading");
      if (self->pulse_id == 0 && !gtk_spinner_get_spinning (self->spinner))
        self->pulse_id = g_timeout_add (500, pulse_cb, self);
    }
  else
    {
      gtk_spinner_stop (self->spinner);
      g_clear_handle_id (&self->pulse_id, g_source_remove);
    }
}

gboolean
jln_window_is_busy (JlnWindow *self)
{
  g_return_val_if_fail (JLN_IS_WINDOW (self), FALSE);
  return self->busy;
}

/* --- The document ---------------------------------------------------------- */

/* A plan opened read-only, or whose file another one replaced, is shown
 * but not changed. */
static gboolean
is_editable (JlnWindow *self)
{
  return _jln_window_get_document (self) != NULL && !jln_document_is_read_only (_jln_window_get_document (self)) &&
         !jln_session_get_replaced (self->session);
}

static void
update_undo_actions (JlnWindow *self)
{
  gboolean editable = is_editable (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 editable && jln_document_can_undo (_jln_window_get_document (self)));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo",
                                 editable && jln_document_can_redo (_jln_window_get_document (self)));
}

static void
update_selection_actions (JlnWindow *self)
{
  JlnRecord *selected = jln_action_list_get_selected (self->action_list);
  gboolean editable = is_editable (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.duplicate",
                                 editable &&
                                 (JLN_IS_ACTION (selected) || JLN_IS_OBJECTIVE (selected)));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete", editable && selected != NULL);
}

/* A banner that is not shown is not in the layout either: a hidden
 * revealer still measures its wrapping text at every size the window
 * tries, which was a good part of the start-up. */
static void
banner_child_revealed_cb (GtkRevealer *banner)
{
  if (!gtk_revealer_get_reveal_child (banner) && !gtk_revealer_get_child_revealed (banner))
    gtk_widget_set_visible (GTK_WIDGET (banner), FALSE);
}

static void
reveal_banner (GtkRevealer *banner,
               gboolean     reveal)
{
  if (reveal)
    gtk_widget_set_visible (GTK_WIDGET (banner), TRUE);
  gtk_revealer_set_reveal_child (banner, reveal);
  banner_child_revealed_cb (banner);
}

/* Every way to change the plan follows whether it may be changed, and
 * the banners say why it may not. */
void
_jln_window_update_edit_state (JlnWindow *self)
{
  static const char * const indicator_actions[] = {
    "indicators.add-indicator", "indicators.add-target", "indicators.add-measurement",
    "indicators.edit", "indicators.delete",
  };
  gboolean editable = is_editable (self);
  gboolean read_only = _jln_window_get_document (self) != NULL && jln_document_is_read_only (_jln_window_get_document (self));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-action", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-objective", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.backups", editable);
  /* Comparing with another copy changes nothing; merging it in does. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.merge-copy", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.merge-path", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.reload", jln_session_get_replaced (self->session));
  /* Its menu only holds ways to change the plan. */
  gtk_widget_set_sensitive (self->add_button, editable);
  for (guint i = 0; self->indicators_page != NULL && i < G_N_ELEMENTS (indicator_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self->indicators_page), indicator_actions[i],
                                   editable);
  jln_action_editor_set_editable (self->action_editor, editable);
  if (self->review_page != NULL)
    jln_review_page_set_editable (self->review_page, editable);
  update_undo_actions (self);
  update_selection_actions (self);

  reveal_banner (self->read_only_banner, read_only);
  reveal_banner (self->replaced_banner, jln_session_get_replaced (self->session));
}

/* What opening the file did that the user must know, such as a journal
 * of another file set aside: each stays until it is dismissed. */
void
_jln_window_show_notices (JlnWindow *self)
{
  GPtrArray *notices = jln_document_get_notices (_jln_window_get_document (self));

  for (guint i = 0; notices != NULL && i < notices->len; i++)
    {
      AdwToast *toast = _jln_window_toast_new (g_ptr_array_index (notices, i));

      adw_toast_set_timeout (toast, 0);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }
}

static void
undo_state_changed_cb (JlnWindow *self)
{
  update_undo_actions (self);
}

static gboolean
is_example_plan (const char *path)
{
  g_autofree char *example = jln_application_dup_example_path ();

  return g_strcmp0 (path, example) == 0;
}

static void
remember_plan (JlnWindow  *self,
               const char *path)
{
  GSettings *settings = _jln_window_get_settings (self);
  g_autofree char *last = g_settings_get_string (settings, "last-plan");
  g_auto(GStrv) recent = g_settings_get_strv (settings, "recent-plans");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) updated = NULL;
  g_autoptr(GSettings) batch = NULL;
  gboolean last_changed;
  gboolean recent_changed;
  guint n = 1;

  g_strv_builder_add (builder, path);
  for (guint i = 0; recent[i] != NULL && n < MAX_RECENT_PLANS; i++)
    if (g_strcmp0 (recent[i], path) != 0 && g_file_test (recent[i], G_FILE_TEST_EXISTS))
      {
        g_strv_builder_add (builder, recent[i]);
        n++;
      }
  updated = g_strv_builder_end (builder);

  /* Reopening the last plan, as most start-ups do, changes nothing:
   * writing anyway would make the settings backend commit to disk
   * (through the session bus with dconf) at every start. What did
   * change is written in one commit. */
  last_changed = g_strcmp0 (last, path) != 0;
  recent_changed = !g_strv_equal ((const char * const *) recent, (const char * const *) updated);
  if (!last_changed && !recent_changed)
    return;

  /* A settings object of its own: delaying changes is for good. */
  batch = g_settings_new (APPLICATION_ID);
  g_settings_delay (batch);
  if (last_changed)
    g_settings_set_string (batch, "last-plan", path);
  if (recent_changed)
    g_settings_set_strv (batch, "recent-plans", (const char * const *) updated);
  g_settings_apply (batch);
}

static void
update_recent_menu (JlnWindow *self)
{
  g_auto(GStrv) recent = g_settings_get_strv (_jln_window_get_settings (self), "recent-plans");

  g_menu_remove_all (self->recent_section);
  for (guint i = 0; recent[i] != NULL; i++)
    {
      g_autofree char *name = g_path_get_basename (recent[i]);
      g_autofree char *isolated = jln_text_isolate (name);
      g_auto(GStrv) parts = g_strsplit (isolated, "_", -1);
      /* A menu takes “_” as a mnemonic: a file name shows its own. */
      g_autofree char *label = g_strjoinv ("__", parts);
      g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

      g_menu_item_set_action_and_target_value (item, "win.open-recent", g_variant_new_string (recent[i]));
      g_menu_append_item (self->recent_section, item);
    }
}

static void
update_title (JlnWindow *self)
{
  JlnPlan *plan;
  const char *title;
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  g_autofree char *tooltip = NULL;
  g_autofree char *window_title = NULL;

  if (_jln_window_get_document (self) == NULL)
    {
      jln_plan_title_set_title (self->plan_title, NULL, NULL, NULL);
      gtk_window_set_title (GTK_WINDOW (self), _("Jalons"));
      return;
    }

  plan = jln_document_get_plan (_jln_window_get_document (self));
  title = jln_text_get_fallback (jln_plan_get_title (plan), jln_session_get_content_language (self->session), NULL);
  if (title == NULL)
    title = _("Untitled Plan");
  file = g_path_get_basename (jln_document_get_path (_jln_window_get_document (self)));
  path = g_filename_display_name (jln_document_get_path (_jln_window_get_document (self)));
  /* Plan text, as plain text; the full title and path in the tooltip. */
  tooltip = g_strdup_printf ("%s\n%s", title, path);
  jln_plan_title_set_title (self->plan_title, title, file, tooltip);
  /* Translators: the window's title, as the task bar and the window
   * switcher show it; %s is the plan's title. */
  window_title = g_strdup_printf (_("%s – Jalons"), title);
  gtk_window_set_title (GTK_WINDOW (self), window_title);
}

static void
example_banner_close_cb (JlnWindow *self)
{
  reveal_banner (self->example_banner, FALSE);
  g_settings_set_boolean (_jln_window_get_settings (self), "example-banner-dismissed", TRUE);
}

static void
plan_title_changed_cb (JlnWindow *self)
{
  update_title (self);
}

static void offer_conflict_copies (JlnWindow *self);

void
_jln_window_set_document (JlnWindow   *self,
                          JlnDocument *document)
{
  JlnDocument *old = _jln_window_get_document (self);

  if (old == document)
    return;

  if (old != NULL)
    {
      g_signal_handlers_disconnect_by_data (old, self);
      g_signal_handlers_disconnect_by_data (jln_document_get_plan (old), self);
    }
  jln_session_set_document (self->session, document);

  if (document != NULL)
    {
      const char *path = jln_document_get_path (document);

      g_signal_connect_object (document, "notify::can-undo", G_CALLBACK (undo_state_changed_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "notify::can-redo", G_CALLBACK (undo_state_changed_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (jln_document_get_plan (document), "notify::title-fr",
                               G_CALLBACK (plan_title_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (jln_document_get_plan (document), "notify::title-en",
                               G_CALLBACK (plan_title_changed_cb), self, G_CONNECT_SWAPPED);
      remember_plan (self, path);
      update_recent_menu (self);
      reveal_banner (self->example_banner,
                     is_example_plan (path) &&
                     !g_settings_get_boolean (_jln_window_get_settings (self),
                                              "example-banner-dismissed"));
      gtk_stack_set_visible_child_name (self->main_stack, "plan");
      _jln_window_show_notices (self);
      offer_conflict_copies (self);
    }

  update_title (self);
  _jln_window_update_edit_state (self);
  _jln_window_update_picture_actions (self);
}

/* --- Changes made elsewhere ------------------------------------------------ */

/* The document read its file again, after another window or program
 * committed to it: the session moved the pages to the new plan, keeping
 * the selected record when it is still there. The focus stays where it
 * is: the one who is typing is not taken into a field. */
static void
session_reloaded_cb (JlnWindow *self)
{
  JlnPlan *plan = jln_session_get_plan (self->session);

  g_signal_connect_object (plan, "notify::title-fr",
                           G_CALLBACK (plan_title_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (plan, "notify::title-en",
                           G_CALLBACK (plan_title_changed_cb), self, G_CONNECT_SWAPPED);
  update_title (self);
  _jln_window_update_edit_state (self);
  _jln_window_show_toast (self, _("The plan was changed elsewhere and has been reloaded"));
}

static gboolean
watch_file_cb (gpointer user_data)
{
  JlnWindow *self = user_data;
  g_autoptr(GError) error = NULL;

  /* While busy, a thread may be using the document's connection. */
  if (_jln_window_get_document (self) == NULL || self->busy)
    return G_SOURCE_CONTINUE;

  /* Another file saved over the plan (an attachment saved at its name):
   * nothing is written to either until the user reloads. */
  if (!jln_session_check_file (self->session, &error))
    _jln_window_show_error_toast (self, error);
  return G_SOURCE_CONTINUE;
}

JlnApplication *
_jln_window_get_application (JlnWindow *self)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

  return JLN_IS_APPLICATION (application) ? JLN_APPLICATION (application) : NULL;
}

JlnDocument *
jln_window_get_document (JlnWindow *self)
{
  g_return_val_if_fail (JLN_IS_WINDOW (self), NULL);
  return _jln_window_get_document (self);
}

/**
 * jln_window_get_session:
 *
 * Returns: (transfer none): what the window shows
 */
JlnSession *
jln_window_get_session (JlnWindow *self)
{
  g_return_val_if_fail (JLN_IS_WINDOW (self), NULL);
  return self->session;
}

JlnQueryFilter *
jln_window_get_filter (JlnWindow *self)
{
  g_return_val_if_fail (JLN_IS_WINDOW (self), NULL);
  return jln_session_get_filter (self->session);
}

/**
 * jln_window_get_action_list:
 *
 * Returns: (transfer none): the list of actions
 */
GtkWidget *
jln_window_get_action_list (JlnWindow *self)
{
  g_return_val_if_fail (JLN_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->action_list);
}

JlnLang
jln_window_get_content_language (JlnWindow *self)
{
  g_return_val_if_fail (JLN_IS_WINDOW (self), JLN_LANG_EN);
  return jln_session_get_content_language (self->session);
}

/* A file-sync service left a conflict copy beside the plan: offer to merge it. */
static void
offer_conflict_copies (JlnWindow *self)
{
  g_autoptr(GPtrArray) copies = jln_merge_find_conflict_copies (jln_document_get_path (_jln_window_get_document (self)));

  for (guint i = 0; i < copies->len; i++)
    {
      const char *path = g_ptr_array_index (copies, i);
      g_autofree char *name = g_path_get_basename (path);
      g_autofree char *escaped = g_markup_escape_text (name, -1);
      g_autofree char *message = g_strdup_printf (_("A synced folder left a conflict copy of this plan: %s"),
                                                  escaped);
      AdwToast *toast = adw_toast_new (message);

      adw_toast_set_timeout (toast, 0);
      adw_toast_set_button_label (toast, _("_Review…"));
      adw_toast_set_action_name (toast, "win.merge-path");
      adw_toast_set_action_target_value (toast, g_variant_new_string (path));
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }
}

/* --- Settings and language ------------------------------------------------- */

static void
content_language_changed_cb (JlnWindow *self)
{
  g_autofree char *nick = g_settings_get_string (_jln_window_get_settings (self), "content-language");
  JlnLang lang;

  if (!jln_lang_from_string (nick, &lang))
    lang = jln_lang_from_locale ();

  jln_session_set_content_language (self->session, lang);
  update_title (self);
}

static void
selected_changed_cb (JlnWindow *self)
{
  update_selection_actions (self);
}

static void
activate_record_cb (JlnWindow *self,
                    JlnRecord *record)
{
  jln_action_editor_set_record (self->action_editor, record);
  gtk_widget_child_focus (GTK_WIDGET (self->action_editor), GTK_DIR_TAB_FORWARD);
}

/* From the coverage of the principles, the actions that serve one. */
static void
principle_activated_cb (JlnWindow *self,
                        int        number)
{
  g_autofree char *text = g_strdup_printf ("principle:%d", number);

  jln_query_filter_set_text (jln_session_get_filter (self->session), text);
  adw_view_stack_set_visible_child_name (self->view_stack, "actions");
}

/* From the timeline, the action's editor is on the Actions page. */
static void
timeline_activate_record_cb (JlnWindow *self,
                             JlnRecord *record)
{
  adw_view_stack_set_visible_child_name (self->view_stack, "actions");
  jln_session_set_selected (self->session, record);
  activate_record_cb (self, record);
}

/* --- Pages built when first shown ------------------------------------------ */

/* Shaping the text of pages nobody looks at was most of the start-up:
 * the timeline, indicators, principles and review are made the first
 * time they are shown (or asked for), bound to the session then. */
void
_jln_window_ensure_page (JlnWindow  *self,
                         const char *name)
{
  GtkWidget *page = NULL;
  AdwBin *bin = NULL;

  if (name == NULL)
    return;

  if (g_str_equal (name, "timeline") && self->timeline_view == NULL)
    {
      page = g_object_new (JLN_TYPE_TIMELINE_VIEW, "session", self->session, NULL);
      self->timeline_view = JLN_TIMELINE_VIEW (page);
      bin = self->timeline_bin;
      g_signal_connect_object (page, "activate-record",
                               G_CALLBACK (timeline_activate_record_cb), self, G_CONNECT_SWAPPED);
    }
  else if (g_str_equal (name, "indicators") && self->indicators_page == NULL)
    {
      page = g_object_new (JLN_TYPE_INDICATORS_PAGE, "session", self->session, NULL);
      self->indicators_page = JLN_INDICATORS_PAGE (page);
      bin = self->indicators_bin;
    }
  else if (g_str_equal (name, "principles") && self->principles_page == NULL)
    {
      page = g_object_new (JLN_TYPE_PRINCIPLES_PAGE, "session", self->session, NULL);
      self->principles_page = JLN_PRINCIPLES_PAGE (page);
      bin = self->principles_bin;
      g_signal_connect_object (page, "principle-activated",
                               G_CALLBACK (principle_activated_cb), self, G_CONNECT_SWAPPED);
    }
  else if (g_str_equal (name, "review") && self->review_page == NULL)
    {
      page = g_object_new (JLN_TYPE_REVIEW_PAGE, "session", self->session, NULL);
      self->review_page = JLN_REVIEW_PAGE (page);
      bin = self->review_bin;
    }

  if (page == NULL)
    return;
  adw_bin_set_child (bin, page);
  _jln_window_update_edit_state (self);
  _jln_window_update_picture_actions (self);
}

static void
visible_page_changed_cb (JlnWindow *self)
{
  _jln_window_ensure_page (self, adw_view_stack_get_visible_child_name (self->view_stack));
}

/* F5 presents the timeline from anywhere in the window. */
static void
present_cb (JlnWindow *self)
{
  _jln_window_ensure_page (self, "timeline");
  jln_timeline_view_present (self->timeline_view);
}

static void
jln_window_constructed (GObject *object)
{
  JlnWindow *self = JLN_WINDOW (object);
  g_autoptr(GAction) content_language = NULL;
  GSettings *settings;

  G_OBJECT_CLASS (jln_window_parent_class)->constructed (object);

  settings = _jln_window_get_settings (self);
  content_language = g_settings_create_action (settings, "content-language");
  g_action_map_add_action (G_ACTION_MAP (self), content_language);
  g_settings_bind (settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_object (settings, "changed::content-language",
                           G_CALLBACK (content_language_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (settings, "changed::recent-plans",
                           G_CALLBACK (update_recent_menu), self, G_CONNECT_SWAPPED);
  content_language_changed_cb (self);
  update_recent_menu (self);
}

static void
jln_window_dispose (GObject *object)
{
  JlnWindow *self = JLN_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->pulse_id, g_source_remove);
  g_clear_handle_id (&self->watch_id, g_source_remove);
  if (_jln_window_get_document (self) != NULL)
    g_signal_handlers_disconnect_by_data (jln_session_get_plan (self->session), self);
  gtk_widget_dispose_template (GTK_WIDGET (self), JLN_TYPE_WINDOW);
  self->timeline_view = NULL;
  self->indicators_page = NULL;
  self->principles_page = NULL;
  self->review_page = NULL;
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->session);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->deleted_id, g_free);

  G_OBJECT_CLASS (jln_window_parent_class)->dispose (object);
}

static void
jln_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  JlnWindow *self = JLN_WINDOW (object);

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
jln_window_class_init (JlnWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = jln_window_constructed;
  object_class->dispose = jln_window_dispose;
  object_class->get_property = jln_window_get_property;

  /**
   * JlnWindow:session:
   *
   * What the window shows: its plan, filter, content language and
   * selection. Every page of the window gets it by a binding in the
   * window's template.
   */
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, JLN_TYPE_SESSION,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (JLN_TYPE_PLAN_TITLE);
  g_type_ensure (JLN_TYPE_ACTION_LIST);
  g_type_ensure (JLN_TYPE_ACTION_EDITOR);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/jalons/Jalons/jln-window.ui");
  gtk_widget_class_bind_template_child (widget_class, JlnWindow, plan_title);
  gtk_widget_class_bind_template_child (widget_class, JlnWindow, add_button);
  gtk_widget_class_bind_template_child (widget_class, JlnWindow, example_banner);
  gtk_widget_class_bind_template_child (widget_class, JlnWindow, read_only_banner);
  gtk_widget_class_bind_template_child (widget_class, JlnWindow, replaced_banner);
  gtk_widget_class_bind_template_callback (widget_class, example_banner_close_cb);
  gtk_widget_class_bind_template_callback (widget_class, banner_child_revealed_cb);
  gtk_widget_class_bind_template_child (widget_class, JlnWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, JlnWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, JlnWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, JlnWindow, loading_label);
  gtk_widget_class_bind_template_child (widget_class, JlnWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, JlnWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, JlnWindow, action_list);
  gtk_widget_class_bind_template_child (widget_class, JlnWindow, action_editor);
  gtk_widget_class_bind_template_child (widget_class, JlnWindow, timeline_bin);
  gtk_widget_class_bind_template_child (widget_class, JlnWindow, indicators_bin);
  gtk_widget_class_bind_template_child (widget_class, JlnWindow, principles_bin);
  gtk_widget_class_bind_template_child (widget_class, JlnWindow, review_bin);
  gtk_widget_class_bind_template_child (widget_class, JlnWindow, recent_section);


  _jln_window_class_add_file_actions (widget_class);
  _jln_window_class_add_actions (widget_class);
}

static void
jln_window_init (JlnWindow *self)
{
  GtkEventController *shortcuts;
  g_autoptr(GSimpleAction) present = NULL;

  /* Before the template, whose pages bind to it. */
  self->session = jln_session_new ();
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APPLICATION_ID);
  g_signal_connect_object (self->session, "notify::selected",
                           G_CALLBACK (selected_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::replaced",
                           G_CALLBACK (_jln_window_update_edit_state), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "reloaded",
                           G_CALLBACK (session_reloaded_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->action_list, "activate-record",
                           G_CALLBACK (activate_record_cb), self, G_CONNECT_SWAPPED);
  /* F5 presents the timeline from anywhere in the window. */
  present = g_simple_action_new ("present", NULL);
  g_signal_connect_object (present, "activate", G_CALLBACK (present_cb), self, G_CONNECT_SWAPPED);
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (present));
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_GLOBAL);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_F5, 0),
                                                          gtk_named_action_new ("win.present")));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
  g_signal_connect_object (self->view_stack, "notify::visible-child-name",
                           G_CALLBACK (visible_page_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view_stack, "notify::visible-child",
                           G_CALLBACK (_jln_window_update_picture_actions), self, G_CONNECT_SWAPPED);
  update_undo_actions (self);
  _jln_window_update_picture_actions (self);
  selected_changed_cb (self);
  /* Only a plan whose file was replaced is reloaded by hand. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.reload", FALSE);
  self->watch_id = g_timeout_add_seconds (1, watch_file_cb, self);
}

JlnWindow *
jln_window_new (JlnApplication *application)
{
  return g_object_new (JLN_TYPE_WINDOW, "application", application, NULL);
}
