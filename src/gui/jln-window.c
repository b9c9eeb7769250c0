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
#include "jln-window.h"

#define MAX_RECENT_PLANS 8

struct _JlnWindow
{
  AdwApplicationWindow  parent_instance;

  JlnSession           *session;
  JlnDocument          *document;   /* the session's */
  GSettings            *settings;
  GCancellable         *cancellable;
  guint                 pulse_id;
  guint                 watch_id;   /* polls the plan file for others' commits */
  gboolean              busy;
  char                 *deleted_id;   /* the last deletion, to select once undone */

  /* Template widgets */
  AdwViewSwitcherTitle *switcher_title;
  GtkWidget            *add_button;
  GtkLabel             *plan_title_label;
  GtkLabel             *plan_file_label;
  GtkRevealer          *example_banner;
  GtkRevealer          *read_only_banner;
  GtkRevealer          *replaced_banner;
  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  GtkSpinner           *spinner;
  GtkLabel             *loading_label;
  AdwStatusPage        *error_page;
  AdwViewStack         *view_stack;
  JlnActionList        *action_list;
  JlnActionEditor      *action_editor;
  JlnTimelineView      *timeline_view;
  JlnIndicatorsPage    *indicators_page;
  JlnPrinciplesPage    *principles_page;
  JlnReviewPage        *review_page;
  GMenu                *recent_section;
};

G_DEFINE_FINAL_TYPE (JlnWindow, jln_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GSettings *
get_settings (JlnWindow *self)
{
  return self->settings;
}

/* A toast's title is markup in libadwaita 1.2: what it says, plan text
 * and file names included, is escaped. */
static AdwToast *
toast_new (const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  return adw_toast_new (escaped);
}

static void
show_toast (JlnWindow  *self,
            const char *text)
{
  AdwToast *toast = toast_new (text);

  adw_toast_set_timeout (toast, 5);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
show_error_toast (JlnWindow    *self,
                  const GError *error)
{
  AdwToast *toast = toast_new (error->message);

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

static void
set_busy (JlnWindow  *self,
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
  return self->document != NULL && !jln_document_is_read_only (self->document) &&
         !jln_session_get_replaced (self->session);
}

static void
update_undo_actions (JlnWindow *self)
{
  gboolean editable = is_editable (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 editable && jln_document_can_undo (self->document));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo",
                                 editable && jln_document_can_redo (self->document));
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

/* Every way to change the plan follows whether it may be changed, and
 * the banners say why it may not. */
static void
update_edit_state (JlnWindow *self)
{
  static const char * const indicator_actions[] = {
    "indicators.add-indicator", "indicators.add-target", "indicators.add-measurement",
    "indicators.edit", "indicators.delete",
  };
  gboolean editable = is_editable (self);
  gboolean read_only = self->document != NULL && jln_document_is_read_only (self->document);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-action", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-objective", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.backups", editable);
  /* Comparing with another copy changes nothing; merging it in does. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.merge-copy", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.merge-path", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.reload", jln_session_get_replaced (self->session));
  /* Its menu only holds ways to change the plan. */
  gtk_widget_set_sensitive (self->add_button, editable);
  for (guint i = 0; i < G_N_ELEMENTS (indicator_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self->indicators_page), indicator_actions[i],
                                   editable);
  jln_action_editor_set_editable (self->action_editor, editable);
  jln_review_page_set_editable (self->review_page, editable);
  update_undo_actions (self);
  update_selection_actions (self);

  gtk_revealer_set_reveal_child (self->read_only_banner, read_only);
  gtk_revealer_set_reveal_child (self->replaced_banner, jln_session_get_replaced (self->session));
}

/* What opening the file did that the user must know, such as a journal
 * of another file set aside: each stays until it is dismissed. */
static void
show_notices (JlnWindow *self)
{
  GPtrArray *notices = jln_document_get_notices (self->document);

  for (guint i = 0; notices != NULL && i < notices->len; i++)
    {
      AdwToast *toast = toast_new (g_ptr_array_index (notices, i));

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
  GSettings *settings = get_settings (self);
  g_auto(GStrv) recent = g_settings_get_strv (settings, "recent-plans");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) updated = NULL;
  guint n = 1;

  g_settings_set_string (settings, "last-plan", path);

  g_strv_builder_add (builder, path);
  for (guint i = 0; recent[i] != NULL && n < MAX_RECENT_PLANS; i++)
    if (g_strcmp0 (recent[i], path) != 0 && g_file_test (recent[i], G_FILE_TEST_EXISTS))
      {
        g_strv_builder_add (builder, recent[i]);
        n++;
      }
  updated = g_strv_builder_end (builder);
  g_settings_set_strv (settings, "recent-plans", (const char * const *) updated);
}

static void
update_recent_menu (JlnWindow *self)
{
  g_auto(GStrv) recent = g_settings_get_strv (get_settings (self), "recent-plans");

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

  if (self->document == NULL)
    {
      adw_view_switcher_title_set_title (self->switcher_title, _("Jalons"));
      adw_view_switcher_title_set_subtitle (self->switcher_title, NULL);
      gtk_label_set_text (self->plan_title_label, "");
      gtk_label_set_text (self->plan_file_label, "");
      gtk_widget_set_tooltip_text (gtk_widget_get_parent (GTK_WIDGET (self->plan_title_label)), NULL);
      gtk_window_set_title (GTK_WINDOW (self), _("Jalons"));
      return;
    }

  plan = jln_document_get_plan (self->document);
  title = jln_text_get_fallback (jln_plan_get_title (plan), jln_session_get_content_language (self->session), NULL);
  file = g_path_get_basename (jln_document_get_path (self->document));
  adw_view_switcher_title_set_title (self->switcher_title, title != NULL ? title : _("Untitled Plan"));
  adw_view_switcher_title_set_subtitle (self->switcher_title, file);
  /* Plan text, as plain text; the full title and path in the tooltip. */
  gtk_label_set_text (self->plan_title_label, title != NULL ? title : _("Untitled Plan"));
  gtk_label_set_text (self->plan_file_label, file);
  {
    g_autofree char *path = g_filename_display_name (jln_document_get_path (self->document));
    g_autofree char *tooltip = g_strdup_printf ("%s\n%s", title != NULL ? title : _("Untitled Plan"),
                                                path);

    gtk_widget_set_tooltip_text (gtk_widget_get_parent (GTK_WIDGET (self->plan_title_label)),
                                 tooltip);
  }
  gtk_window_set_title (GTK_WINDOW (self), title != NULL ? title : _("Jalons"));
}

static void
example_banner_close_cb (JlnWindow *self)
{
  gtk_revealer_set_reveal_child (self->example_banner, FALSE);
  g_settings_set_boolean (get_settings (self), "example-banner-dismissed", TRUE);
}

static void
plan_title_changed_cb (JlnWindow *self)
{
  update_title (self);
}

static void offer_conflict_copies (JlnWindow *self);
static void update_picture_actions (JlnWindow *self);
static JlnRecord *selected_record (JlnWindow *self);

static void
set_document (JlnWindow   *self,
              JlnDocument *document)
{
  if (self->document == document)
    return;

  if (self->document != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->document, self);
      g_signal_handlers_disconnect_by_data (jln_document_get_plan (self->document), self);
    }
  g_set_object (&self->document, document);
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
      gtk_revealer_set_reveal_child (self->example_banner,
                                     is_example_plan (path) &&
                                     !g_settings_get_boolean (get_settings (self),
                                                              "example-banner-dismissed"));
      gtk_stack_set_visible_child_name (self->main_stack, "plan");
      show_notices (self);
      offer_conflict_copies (self);
    }

  update_title (self);
  update_edit_state (self);
  update_picture_actions (self);
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
  update_edit_state (self);
  show_toast (self, _("The plan was changed elsewhere and has been reloaded"));
}

static gboolean
watch_file_cb (gpointer user_data)
{
  JlnWindow *self = user_data;
  g_autoptr(GError) error = NULL;

  /* While busy, a thread may be using the document's connection. */
  if (self->document == NULL || self->busy)
    return G_SOURCE_CONTINUE;

  /* Another file saved over the plan (an attachment saved at its name):
   * nothing is written to either until the user reloads. */
  if (!jln_session_check_file (self->session, &error))
    show_error_toast (self, error);
  return G_SOURCE_CONTINUE;
}

static JlnApplication *
get_application (JlnWindow *self)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

  return JLN_IS_APPLICATION (application) ? JLN_APPLICATION (application) : NULL;
}

/* --- Opening, in a thread -------------------------------------------------- */

typedef enum
{
  LOAD_OPEN,        /* a .jalons file */
  LOAD_IMPORT,      /* a .json file into a new .jalons */
  LOAD_CREATE,      /* a new, empty plan */
  LOAD_SAVE_COPY,   /* the current plan into another file */
} LoadKind;

typedef struct
{
  LoadKind  kind;
  char     *source;
  char        *path;
  JlnPlan     *plan;
  JlnDocument *document;
  gboolean     quiet;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_free (data->source);
  g_free (data->path);
  g_clear_object (&data->plan);
  g_clear_object (&data->document);
  g_free (data);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *data = task_data;
  GError *error = NULL;
  JlnDocument *document = NULL;

  switch (data->kind)
    {
    case LOAD_OPEN:
      document = jln_document_open (data->path, &error);
      if (document != NULL)
        {
          g_autoptr(GError) backup_error = NULL;

          /* The day's first opening keeps a copy; failing to must not
           * keep the plan from opening. */
          if (!jln_backups_make_daily (document, NULL, &backup_error))
            g_debug ("%s: no daily backup: %s", data->path, backup_error->message);
        }
      break;
    case LOAD_IMPORT:
      document = jln_document_import (data->source, data->path, &error);
      break;
    case LOAD_CREATE:
      document = jln_document_create (data->path, data->plan, data->source, &error);
      break;
    case LOAD_SAVE_COPY:
      document = jln_document_open (data->path, &error);
      break;
    default:
      g_assert_not_reached ();
    }

  if (document == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, document, g_object_unref);
}

static void
load_done_cb (GObject      *source_object,
              GAsyncResult *result,
              gpointer      user_data)
{
  JlnWindow *self = JLN_WINDOW (source_object);
  g_autoptr(GError) error = NULL;
  g_autoptr(JlnDocument) document = g_task_propagate_pointer (G_TASK (result), &error);
  LoadData *data = g_task_get_task_data (G_TASK (result));

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_busy (self, NULL);
  if (document == NULL)
    {
      if (self->document != NULL)
        {
          gtk_stack_set_visible_child_name (self->main_stack, "plan");
          show_error_toast (self, error);
        }
      else
        {
          /* The reason may quote the file: the description is markup. */
          g_autofree char *escaped = g_markup_escape_text (error->message, -1);

          adw_status_page_set_description (self->error_page, escaped);
          gtk_stack_set_visible_child_name (self->main_stack, "error");
        }
      return;
    }

  set_document (self, document);
  if (get_application (self) != NULL)
    jln_application_add_document (get_application (self), document);
  if ((data->kind == LOAD_IMPORT || (data->kind == LOAD_CREATE && data->source != NULL)) &&
      !data->quiet)
    {
      g_autofree char *name = g_path_get_basename (data->path);
      g_autofree char *message = g_strdup_printf (_("Imported into “%s”"), name);

      show_toast (self, message);
    }
  else if (data->kind == LOAD_SAVE_COPY)
    show_toast (self, _("The plan was saved under this name and is now open"));
}

static void
start_load (JlnWindow  *self,
            LoadData   *data,
            const char *message)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(JlnDocument) shared = NULL;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  /* Another window has the plan open: share its document. */
  if (data->kind == LOAD_OPEN && get_application (self) != NULL &&
      (shared = jln_application_lookup_document (get_application (self), data->path)) != NULL)
    {
      load_data_free (data);
      set_busy (self, NULL);
      set_document (self, shared);
      return;
    }

  set_busy (self, message);
  task = g_task_new (self, self->cancellable, load_done_cb, NULL);
  g_task_set_source_tag (task, start_load);
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  g_task_run_in_thread (task, load_thread);
}

static gboolean
is_json (const char *path)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  return g_str_has_suffix (lower, ".json");
}

/* NAME.jalons beside NAME.json, or NAME-2.jalons… if it is taken. */
static char *
free_plan_path_for (const char *json_path)
{
  g_autofree char *dir = g_path_get_dirname (json_path);
  g_autofree char *base = g_path_get_basename (json_path);
  char *dot = strrchr (base, '.');

  if (dot != NULL)
    *dot = '\0';
  for (guint i = 1; i < 1000; i++)
    {
      g_autofree char *name = i == 1 ? g_strdup_printf ("%s.jalons", base)
                                     : g_strdup_printf ("%s-%u.jalons", base, i);
      char *path = g_build_filename (dir, name, NULL);

      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        return path;
      g_free (path);
    }
  return NULL;
}

static void
import_plan_cb (JlnImportDialog *dialog,
                JlnPlan         *plan,
                const char      *source,
                JlnWindow       *self)
{
  g_autofree char *name = g_path_get_basename (source);
  g_autofree char *message = g_strdup_printf (_("Importing “%s”…"), name);
  LoadData *data = g_new0 (LoadData, 1);

  data->kind = LOAD_CREATE;
  data->plan = g_object_ref (plan);
  data->source = g_strdup (name);
  data->path = free_plan_path_for (source);
  if (data->path == NULL)
    {
      g_autoptr(GError) error = g_error_new (G_FILE_ERROR, G_FILE_ERROR_EXIST,
                                             _("No free name for a plan beside “%s”"), name);

      load_data_free (data);
      show_error_toast (self, error);
      return;
    }
  start_load (self, data, message);
}

static void
add_plan_cb (JlnImportDialog *dialog,
             JlnPlan         *plan,
             const char      *source,
             JlnWindow       *self)
{
  g_autofree char *name = g_path_get_basename (source);
  g_autofree char *label = NULL;
  g_autofree char *message = NULL;
  g_autoptr(JlnEdit) edit = NULL;
  g_autoptr(GError) error = NULL;

  if (self->document == NULL)
    return;
  /* Translators: the name of an undoable step; %s is a file name. */
  label = g_strdup_printf (_("Import “%s”"), name);
  edit = jln_import_edit_into (plan, jln_document_get_plan (self->document), label);
  if (!jln_document_apply (self->document, edit, &error))
    {
      show_error_toast (self, error);
      return;
    }
  /* Translators: %s is a file name. */
  message = g_strdup_printf (_("The actions of “%s” were added; Undo removes them"), name);
  show_toast (self, message);
}

static void
pasted_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(JlnWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  JlnImportDialog *dialog = jln_import_dialog_new_for_clipboard_finish (result, GTK_WINDOW (self), &error);

  if (dialog == NULL)
    {
      show_error_toast (self, error);
      return;
    }
  g_signal_connect_object (dialog, "add", G_CALLBACK (add_plan_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Rows copied from a spreadsheet or a Word table, pasted into the plan. */
static void
paste_rows_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  JlnWindow *self = JLN_WINDOW (widget);

  if (self->document == NULL)
    return;
  jln_import_dialog_new_for_clipboard_async (gtk_widget_get_clipboard (widget), NULL, pasted_cb,
                                             g_object_ref (self));
}

/* A spreadsheet or a Word table: its report first, then a new plan, or
 * its actions added to the open plan. */
static void
show_import_dialog (JlnWindow *self,
                    GFile     *file)
{
  JlnImportDialog *dialog = jln_import_dialog_new (GTK_WINDOW (self), file);

  jln_import_dialog_set_can_add (dialog, self->document != NULL);
  g_signal_connect_object (dialog, "import", G_CALLBACK (import_plan_cb), self, 0);
  g_signal_connect_object (dialog, "add", G_CALLBACK (add_plan_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * jln_window_open_file:
 *
 * Opens a plan file, or imports a JSON plan into a new plan file beside it.
 */
void
jln_window_open_file (JlnWindow *self,
                      GFile     *file)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *message = NULL;
  LoadData *data = g_new0 (LoadData, 1);

  g_return_if_fail (JLN_IS_WINDOW (self));

  if (path != NULL && jln_import_handles (path))
    {
      load_data_free (data);
      show_import_dialog (self, file);
      return;
    }
  if (path != NULL && is_json (path))
    {
      data->kind = LOAD_IMPORT;
      data->source = g_strdup (path);
      data->path = free_plan_path_for (path);
      message = g_strdup_printf (_("Importing “%s”…"), name);
    }
  else
    {
      data->kind = LOAD_OPEN;
      data->path = g_strdup (path);
      message = g_strdup_printf (_("Opening “%s”…"), name);
    }

  if (data->path == NULL)
    {
      g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                                                     _("Only local files can be opened"));
      load_data_free (data);
      show_error_toast (self, error);
      return;
    }
  start_load (self, data, message);
}

/**
 * jln_window_open_last:
 *
 * Reopens the plan opened last; on the very first run, the user's own
 * copy of the example plan, made from the bundled one.
 */
void
jln_window_open_last (JlnWindow *self)
{
  g_autofree char *last = g_settings_get_string (get_settings (self), "last-plan");
  g_autofree char *example = jln_application_dup_example_path ();
  LoadData *data;

  if (last[0] != '\0' && g_file_test (last, G_FILE_TEST_EXISTS))
    {
      g_autoptr(GFile) file = g_file_new_for_path (last);

      jln_window_open_file (self, file);
      return;
    }

  data = g_new0 (LoadData, 1);
  data->path = g_strdup (example);
  if (g_file_test (example, G_FILE_TEST_EXISTS))
    data->kind = LOAD_OPEN;
  else
    {
      g_autofree char *dir = g_path_get_dirname (example);

      g_mkdir_with_parents (dir, 0700);
      data->kind = LOAD_IMPORT;
      data->quiet = TRUE;
      data->source = jln_application_dup_bundled_plan ();
    }
  start_load (self, data, _("Opening the example plan…"));
}

JlnDocument *
jln_window_get_document (JlnWindow *self)
{
  g_return_val_if_fail (JLN_IS_WINDOW (self), NULL);
  return self->document;
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

/* --- File choosers --------------------------------------------------------- */

typedef void (*ChosenFunc) (JlnWindow *self,
                            GFile     *file);

static void
chooser_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     JlnWindow       *self)
{
  ChosenFunc func = g_object_get_data (G_OBJECT (dialog), "jln-chosen");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (file != NULL)
        func (self, file);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
add_filter (GtkFileChooser *chooser,
            const char     *name,
            const char     *pattern)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  g_auto(GStrv) patterns = g_strsplit (pattern, ";", 0);

  gtk_file_filter_set_name (filter, name);
  for (guint i = 0; patterns[i] != NULL; i++)
    gtk_file_filter_add_pattern (filter, patterns[i]);
  gtk_file_chooser_add_filter (chooser, filter);
}

static void
choose_file (JlnWindow            *self,
             GtkFileChooserAction  action,
             const char           *title,
             const char           *accept,
             const char           *suggested_name,
             const char           *filter_name,
             const char           *pattern,
             ChosenFunc            func)
{
  GtkFileChooserNative *dialog = gtk_file_chooser_native_new (title, GTK_WINDOW (self), action,
                                                              accept, _("_Cancel"));

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  if (suggested_name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), suggested_name);
  if (filter_name != NULL)
    add_filter (GTK_FILE_CHOOSER (dialog), filter_name, pattern);
  if (filter_name != NULL && g_str_equal (pattern, "*.jalons"))
    {
      /* Opening takes plans and JSON plans alike. */
      GListModel *filters = gtk_file_chooser_get_filters (GTK_FILE_CHOOSER (dialog));
      g_autoptr(GtkFileFilter) first = g_list_model_get_item (filters, 0);

      gtk_file_filter_add_pattern (first, "*.json");
      g_object_unref (filters);
    }
  g_object_set_data (G_OBJECT (dialog), "jln-chosen", func);
  g_signal_connect (dialog, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static char *
with_suffix (GFile      *file,
             const char *suffix)
{
  g_autofree char *path = g_file_get_path (file);

  if (path == NULL || g_str_has_suffix (path, suffix))
    return g_steal_pointer (&path);
  return g_strconcat (path, suffix, NULL);
}

static void
open_chosen (JlnWindow *self,
             GFile     *file)
{
  jln_window_open_file (self, file);
}

static void
new_plan_chosen (JlnWindow *self,
                 GFile     *file)
{
  LoadData *data = g_new0 (LoadData, 1);
  JlnPlan *plan = jln_plan_new_untitled ();
  g_autoptr(GError) error = NULL;

  data->kind = LOAD_CREATE;
  data->path = with_suffix (file, ".jalons");
  data->plan = plan;
  if (g_file_test (data->path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *name = g_path_get_basename (data->path);

      error = g_error_new (G_FILE_ERROR, G_FILE_ERROR_EXIST,
                           _("“%s” already exists: choose another name"), name);
      show_error_toast (self, error);
      load_data_free (data);
      return;
    }
  start_load (self, data, _("Creating the plan…"));
}

static void
import_chosen (JlnWindow *self,
               GFile     *file)
{
  jln_window_open_file (self, file);
}

static void
save_copy_chosen (JlnWindow *self,
                  GFile     *file)
{
  LoadData *data = g_new0 (LoadData, 1);
  g_autoptr(GError) error = NULL;

  data->kind = LOAD_SAVE_COPY;
  data->path = with_suffix (file, ".jalons");
  if (g_file_test (data->path, G_FILE_TEST_EXISTS))
    {
      g_set_error_literal (&error, G_FILE_ERROR, G_FILE_ERROR_EXIST,
                           _("A file of that name already exists: choose another name"));
      show_error_toast (self, error);
      load_data_free (data);
      return;
    }

  /* The copy is made here rather than in the loading thread: the plan's
   * connection may be shared with other windows, which may write to it
   * meanwhile. Only the copy is then opened in the thread. */
  if (!jln_document_save_copy (self->document, data->path, &error))
    {
      show_error_toast (self, error);
      load_data_free (data);
      return;
    }
  start_load (self, data, _("Opening the copy…"));
}

typedef struct
{
  JlnPlan  *plan;
  JlnQuery *query;
  JlnLang   lang;
  gboolean  csv;
  char     *path;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_clear_object (&data->plan);
  g_clear_pointer (&data->query, jln_query_unref);
  g_free (data->path);
  g_free (data);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportData *data = task_data;
  g_autoptr(GBytes) bytes = NULL;
  GError *error = NULL;

  if (jln_sheet_format_from_path (data->path))
    {
      if (jln_sheet_write_actions (data->plan, data->query, data->lang, data->path, cancellable, &error))
        g_task_return_boolean (task, TRUE);
      else
        g_task_return_error (task, error);
      return;
    }
  if (data->csv)
    bytes = jln_csv_write_actions_full (data->plan, data->query, data->lang, ',');
  else
    bytes = jln_json_write_plan (data->plan);

  if (jln_write_file_atomically (data->path, g_bytes_get_data (bytes, NULL),
                                 g_bytes_get_size (bytes), &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
export_done_cb (GObject      *source_object,
                GAsyncResult *result,
                gpointer      user_data)
{
  JlnWindow *self = JLN_WINDOW (source_object);
  ExportData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  set_busy (self, NULL);
  gtk_stack_set_visible_child_name (self->main_stack, "plan");
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      show_error_toast (self, error);
      return;
    }
  name = g_path_get_basename (data->path);
  message = g_strdup_printf (_("Exported to “%s”"), name);
  show_toast (self, message);
}

/* Exporting reads the plan in a thread; the plan is not shown, and so
 * cannot be changed, until it is done. */
static void
export_chosen (JlnWindow *self,
               GFile     *file)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *lower = NULL;
  g_autoptr(GTask) task = NULL;
  JlnQuery *query;
  ExportData *data;

  if (path == NULL || self->document == NULL)
    return;

  lower = g_ascii_strdown (path, -1);
  if (!g_str_has_suffix (lower, ".csv") && !g_str_has_suffix (lower, ".json")
      && !jln_sheet_format_from_path (lower))
    {
      show_toast (self, _("Choose a name ending in .csv, .ods, .xlsx or .json"));
      return;
    }

  data = g_new0 (ExportData, 1);
  data->plan = g_object_ref (jln_document_get_plan (self->document));
  query = jln_query_filter_get_query (jln_session_get_filter (self->session));
  data->query = query != NULL ? jln_query_ref (query) : NULL;
  data->lang = jln_session_get_content_language (self->session);
  data->csv = g_str_has_suffix (lower, ".csv");
  data->path = g_steal_pointer (&path);

  set_busy (self, _("Exporting…"));
  task = g_task_new (self, NULL, export_done_cb, NULL);
  g_task_set_source_tag (task, export_chosen);
  g_task_set_task_data (task, data, (GDestroyNotify) export_data_free);
  g_task_run_in_thread (task, export_thread);
}

/* --- Pictures of the views: export and print ------------------------------- */

/* The picture of the visible page, drawn by the same painter as the page,
 * or NULL when the page has none (the list of actions). */
/* The page on screen if it draws a picture (the timeline, the charts),
 * else NULL: the list exports as CSV. */
static GtkWidget *
visible_picture_page (JlnWindow *self)
{
  GtkWidget *visible = adw_view_stack_get_visible_child (self->view_stack);
  GtkWidget *pages[] = { GTK_WIDGET (self->timeline_view), GTK_WIDGET (self->indicators_page) };

  for (guint i = 0; visible != NULL && i < G_N_ELEMENTS (pages); i++)
    if (pages[i] == visible || gtk_widget_is_ancestor (pages[i], visible))
      return pages[i];
  return NULL;
}

/* The list of actions prints as the action-plan table. */
static gboolean
action_list_visible (JlnWindow *self)
{
  GtkWidget *visible = adw_view_stack_get_visible_child (self->view_stack);

  return visible != NULL && (visible == GTK_WIDGET (self->action_list)
                             || gtk_widget_is_ancestor (GTK_WIDGET (self->action_list), visible));
}

static JlnPicture *
create_view_picture (JlnWindow *self)
{
  GtkWidget *page = visible_picture_page (self);

  if (page == NULL && action_list_visible (self))
    return JLN_PICTURE (jln_plan_pages_new (jln_document_get_plan (self->document), JLN_PLAN_DOC_ACTIONS,
                                            jln_query_filter_get_query (jln_session_get_filter (self->session))));

  if (page == GTK_WIDGET (self->timeline_view))
    return jln_timeline_view_create_picture (self->timeline_view);
  if (page == GTK_WIDGET (self->indicators_page))
    return jln_indicators_page_create_picture (self->indicators_page);
  return NULL;
}

static void
update_picture_actions (JlnWindow *self)
{
  gboolean has_picture = self->document != NULL
                         && (visible_picture_page (self) != NULL || action_list_visible (self));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-view", has_picture);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print", has_picture);
}

static void
open_exported_cb (AdwToast *toast,
                  GFile    *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri (uri, NULL, &error))
    g_warning ("%s: %s", uri, error->message);
}

static void
view_exported_cb (JlnWindow *self,
                  GFile     *file)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *name = jln_text_isolate (basename);
  g_autofree char *message = g_strdup_printf (_("Exported to “%s”"), name);
  AdwToast *toast = toast_new (message);

  adw_toast_set_timeout (toast, 10);
  adw_toast_set_button_label (toast, _("_Open"));
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (open_exported_cb),
                         g_object_ref (file), (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* A plan's title short enough for a file name: up to its first dash
 * (“La HRS4R à l’Inserm — Plan d’action 2022–2024…”), and at most forty
 * characters, cut between words; the view's name then always follows. */
static char *
dup_short_title (const char *title)
{
  const char *dash = strstr (title, " — ");
  g_autofree char *cut = dash != NULL ? g_strndup (title, dash - title) : g_strdup (title);

  if (g_utf8_strlen (cut, -1) > 40)
    {
      char *end = g_utf8_offset_to_pointer (cut, 40);
      char *space;

      *end = '\0';
      space = strrchr (cut, ' ');
      if (space != NULL && space > cut)
        *space = '\0';
    }
  return g_strstrip (g_steal_pointer (&cut));
}

static void
export_view_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  JlnWindow *self = JLN_WINDOW (widget);
  g_autoptr(JlnPicture) picture = self->document != NULL ? create_view_picture (self) : NULL;
  AdwViewStackPage *page;
  g_autofree char *name = NULL;
  const char *title;
  JlnExportDialog *dialog;

  if (picture == NULL)
    return;
  if (JLN_IS_PLAN_PAGES (picture))
    {
      JlnPlan *plan = jln_document_get_plan (self->document);
      JlnDocumentDialog *documents;

      title = jln_text_get_fallback (jln_plan_get_title (plan), jln_session_get_content_language (self->session), NULL);
      documents = jln_document_dialog_new (GTK_WINDOW (self), plan, jln_query_filter_get_query (jln_session_get_filter (self->session)),
                                           jln_session_get_content_language (self->session), title != NULL ? title : _("Plan"));
      g_signal_connect_object (documents, "exported", G_CALLBACK (view_exported_cb), self, G_CONNECT_SWAPPED);
      gtk_window_present (GTK_WINDOW (documents));
      return;
    }
  page = adw_view_stack_get_page (self->view_stack, adw_view_stack_get_visible_child (self->view_stack));
  title = jln_text_get_fallback (jln_plan_get_title (jln_document_get_plan (self->document)),
                                 jln_session_get_content_language (self->session), NULL);
  /* Translators: the start of an exported file’s name: the plan’s title, then the view. */
  {
    g_autofree char *short_title = dup_short_title (title != NULL ? title : _("Plan"));

    name = g_strdup_printf (_("%1$s – %2$s"), short_title, adw_view_stack_page_get_title (page));
  }
  dialog = jln_export_dialog_new (GTK_WINDOW (self), picture, jln_session_get_content_language (self->session), name);
  g_signal_connect_object (dialog, "exported", G_CALLBACK (view_exported_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  JlnWindow *self = JLN_WINDOW (widget);
  g_autoptr(JlnPicture) picture = self->document != NULL ? create_view_picture (self) : NULL;
  g_autoptr(JlnRenderStyle) style = NULL;

  if (picture == NULL)
    return;
  style = jln_render_style_new (JLN_RENDER_SCHEME_LIGHT, jln_session_get_content_language (self->session));
  jln_print_picture (GTK_WINDOW (self), picture, style);
}

/* --- Actions --------------------------------------------------------------- */

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  choose_file (JLN_WINDOW (widget), GTK_FILE_CHOOSER_ACTION_OPEN, _("Open a Plan"), _("_Open"),
               NULL, _("Plans and JSON plans"), "*.jalons", open_chosen);
}

static void
open_recent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  g_autoptr(GFile) file = g_file_new_for_path (g_variant_get_string (parameter, NULL));

  jln_window_open_file (JLN_WINDOW (widget), file);
}

static void
new_plan_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  choose_file (JLN_WINDOW (widget), GTK_FILE_CHOOSER_ACTION_SAVE, _("New Plan"), _("_Create"),
               _("New plan.jalons"), NULL, NULL, new_plan_chosen);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  choose_file (JLN_WINDOW (widget), GTK_FILE_CHOOSER_ACTION_OPEN, _("Import a Plan"), _("_Import"),
               NULL, _("Plans in JSON, spreadsheets and documents"),
               "*.json;*.csv;*.tsv;*.ods;*.xlsx;*.odt;*.docx", import_chosen);
}

static void
plan_properties_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  JlnWindow *self = JLN_WINDOW (widget);

  if (self->document == NULL)
    return;
  gtk_window_present (GTK_WINDOW (jln_plan_dialog_new (GTK_WINDOW (self), self->document)));
}

static void
save_copy_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  JlnWindow *self = JLN_WINDOW (widget);
  g_autofree char *name = NULL;

  if (self->document == NULL)
    return;
  name = g_path_get_basename (jln_document_get_path (self->document));
  choose_file (self, GTK_FILE_CHOOSER_ACTION_SAVE, _("Save As"), _("_Save"), name,
               NULL, NULL, save_copy_chosen);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  JlnWindow *self = JLN_WINDOW (widget);

  if (self->document == NULL)
    return;
  choose_file (self, GTK_FILE_CHOOSER_ACTION_SAVE, _("Export the Actions"), _("_Export"),
               /* Translators: the suggested name of an export; keep the .csv. */
               _("actions.csv"), NULL, NULL, export_chosen);
}

static void
report_edit_error (JlnWindow    *self,
                   const GError *error)
{
  show_error_toast (self, error);
}

/* After an undo: a deletion undone selects what came back, and shows it. */
static void
select_restored (JlnWindow *self)
{
  JlnRecord *restored;

  if (self->deleted_id == NULL || self->document == NULL)
    return;
  restored = jln_plan_lookup (jln_document_get_plan (self->document), self->deleted_id);
  if (restored == NULL)
    return;
  g_clear_pointer (&self->deleted_id, g_free);
  jln_action_list_select (self->action_list, restored);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  JlnWindow *self = JLN_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (self->document != NULL && !jln_document_undo (self->document, &error))
    report_edit_error (self, error);
  else
    select_restored (self);
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  JlnWindow *self = JLN_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (self->document != NULL && !jln_document_redo (self->document, &error))
    report_edit_error (self, error);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  JlnWindow *self = JLN_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, "actions");
  jln_action_list_focus_search (self->action_list);
}

static void
page_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  adw_view_stack_set_visible_child_name (JLN_WINDOW (widget)->view_stack,
                                         g_variant_get_string (parameter, NULL));
}

/* The selected action's objective, and where a new action goes in it. */
static JlnRecord *
selected_record (JlnWindow *self)
{
  return jln_action_list_get_selected (self->action_list);
}

static char *
next_action_number (JlnObjective *objective)
{
  GListModel *actions = jln_objective_get_actions (objective);
  guint n = g_list_model_get_n_items (actions);
  guint highest = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JlnAction) action = g_list_model_get_item (actions, i);
      const char *number = jln_action_get_number (action);
      const char *last = strrchr (number, '.');

      if (last != NULL)
        highest = MAX (highest, (guint) g_ascii_strtoull (last + 1, NULL, 10));
    }
  return g_strdup_printf ("%s.%u", jln_objective_get_number (objective), MAX (highest, n) + 1);
}

static void
apply_and_select (JlnWindow *self,
                  JlnEdit   *edit,
                  JlnRecord *record)
{
  g_autoptr(GError) error = NULL;

  if (!jln_document_apply (self->document, edit, &error))
    {
      report_edit_error (self, error);
      return;
    }
  jln_action_list_select (self->action_list, record);
  jln_action_editor_set_record (self->action_editor, record);
}

static void
add_action_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  JlnWindow *self = JLN_WINDOW (widget);
  JlnRecord *selected = selected_record (self);
  JlnRecord *objective = NULL;
  guint position;
  g_autofree char *number = NULL;
  g_autoptr(JlnRecord) action = NULL;
  g_autoptr(JlnEdit) edit = NULL;

  if (self->document == NULL)
    return;

  if (JLN_IS_ACTION_ITEM (selected))
    selected = jln_record_get_parent (selected);
  if (JLN_IS_ACTION (selected))
    objective = jln_record_get_parent (selected);
  else if (JLN_IS_OBJECTIVE (selected))
    objective = selected;
  else
    {
      GListModel *objectives = jln_plan_get_objectives (jln_document_get_plan (self->document));
      guint n = g_list_model_get_n_items (objectives);

      if (n == 0)
        {
          show_toast (self, _("Add an objective first"));
          return;
        }
      objective = g_list_model_get_item (objectives, n - 1);
      g_object_unref (objective);
    }

  if (!JLN_IS_ACTION (selected) || !jln_record_get_position (selected, &position))
    position = g_list_model_get_n_items (jln_objective_get_actions (JLN_OBJECTIVE (objective)));
  else
    position++;

  number = next_action_number (JLN_OBJECTIVE (objective));
  action = jln_record_new (JLN_KIND_ACTION,
                           "number", number,
                           "title-fr", "Nouvelle action",
                           "title-en", "New action",
                           "status", "planned",
                           NULL);
  edit = jln_edit_new_insert (objective, action, position);
  apply_and_select (self, edit, action);
}

static void
add_objective_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  JlnWindow *self = JLN_WINDOW (widget);
  JlnPlan *plan;
  GListModel *objectives;
  guint n;
  g_autofree char *number = NULL;
  g_autoptr(JlnRecord) objective = NULL;
  g_autoptr(JlnEdit) edit = NULL;

  if (self->document == NULL)
    return;

  plan = jln_document_get_plan (self->document);
  objectives = jln_plan_get_objectives (plan);
  n = g_list_model_get_n_items (objectives);
  number = g_strdup_printf ("%u", n + 1);
  objective = jln_record_new (JLN_KIND_OBJECTIVE,
                              "number", number,
                              "programme", "hrs4r",
                              "title-fr", "Nouvel objectif",
                              "title-en", "New objective",
                              NULL);
  edit = jln_edit_new_insert (JLN_RECORD (plan), objective, n);
  apply_and_select (self, edit, objective);
}

static void
duplicate_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  JlnWindow *self = JLN_WINDOW (widget);
  JlnRecord *selected = selected_record (self);
  g_autoptr(JlnRecord) copy = NULL;
  g_autoptr(JlnEdit) group = NULL;
  guint position;

  if (self->document == NULL || selected == NULL || !jln_record_get_position (selected, &position))
    return;

  copy = jln_record_copy (selected);
  group = jln_edit_new_group (_("Duplicate"));
  jln_edit_group_add (group, jln_edit_new_insert (jln_record_get_parent (selected), copy, position + 1));
  if (JLN_IS_ACTION (selected))
    {
      g_autofree char *number = next_action_number (JLN_OBJECTIVE (jln_record_get_parent (selected)));

      jln_edit_group_add (group, jln_edit_new_set (copy, "number", number));
    }
  else if (JLN_IS_OBJECTIVE (selected))
    {
      GListModel *objectives = jln_plan_get_objectives (jln_document_get_plan (self->document));
      g_autofree char *number = g_strdup_printf ("%u", g_list_model_get_n_items (objectives) + 1);

      jln_edit_group_add (group, jln_edit_new_set (copy, "number", number));
    }
  apply_and_select (self, group, copy);
}

static void
undo_toast_cb (AdwToast  *toast,
               JlnWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (self->document != NULL && !jln_document_undo (self->document, &error))
    report_edit_error (self, error);
  else
    select_restored (self);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  JlnWindow *self = JLN_WINDOW (widget);
  JlnRecord *selected = selected_record (self);
  g_autoptr(JlnEdit) edit = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *number = NULL;
  g_autofree char *label = NULL;
  AdwToast *toast;

  if (self->document == NULL || selected == NULL)
    return;

  /* Numbers are plan text: isolated, they cannot reorder the message. */
  if (JLN_IS_ACTION (selected))
    {
      number = jln_text_isolate (jln_action_get_number (JLN_ACTION (selected)));
      /* Translators: %s is an action number, like 1.4. */
      message = g_strdup_printf (_("Action %s deleted"), number);
    }
  else if (JLN_IS_OBJECTIVE (selected))
    {
      number = jln_text_isolate (jln_objective_get_number (JLN_OBJECTIVE (selected)));
      message = g_strdup_printf (_("Objective %s deleted"), number);
    }
  else if (JLN_IS_ACTION_ITEM (selected))
    {
      JlnRecord *parent = jln_record_get_parent (selected);

      number = jln_text_isolate (jln_action_get_number (JLN_ACTION (parent)));
      label = jln_text_isolate (jln_action_item_get_label (JLN_ACTION_ITEM (selected)));
      /* Translators: %1$s is an action number, %2$s a sub-item letter:
       * “Sub-item 1.8 a deleted”. */
      message = g_strdup_printf (_("Sub-item %1$s %2$s deleted"), number, label);
    }
  else
    return;

  g_free (self->deleted_id);
  self->deleted_id = g_strdup (jln_record_get_id (selected));
  edit = jln_edit_new_remove (selected);
  jln_action_editor_set_record (self->action_editor, NULL);
  if (!jln_document_apply (self->document, edit, &error))
    {
      report_edit_error (self, error);
      return;
    }

  toast = toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_toast_cb), self, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Reads the file now at the plan's path, after another was saved there. */
static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  JlnWindow *self = JLN_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (self->document == NULL || self->busy)
    return;
  if (!jln_document_reload (self->document, &error))
    {
      show_error_toast (self, error);
      return;
    }
  /* Whether the file is still another one; "replaced" updates the state. */
  if (!jln_session_check_file (self->session, &error))
    {
      show_error_toast (self, error);
      return;
    }
  update_edit_state (self);
  show_notices (self);
}

static void
changes_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  JlnWindow *self = JLN_WINDOW (widget);

  if (self->document == NULL)
    return;
  gtk_window_present (GTK_WINDOW (jln_changes_window_new (GTK_WINDOW (self), self->document,
                                                          jln_session_get_content_language (self->session))));
}

static void
restored_cb (JlnWindow  *self,
             const char *date)
{
  g_autofree char *message = NULL;
  AdwToast *toast;

  /* Translators: %s is a date, as in “March 7, 2030”. */
  message = g_strdup_printf (_("The plan was restored to its copy of %s"), date);
  toast = toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_toast_cb), self, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
backups_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  JlnWindow *self = JLN_WINDOW (widget);
  GtkWidget *window;

  if (self->document == NULL)
    return;
  window = jln_backups_window_new (GTK_WINDOW (self), self->document);
  g_signal_connect_object (window, "restored", G_CALLBACK (restored_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (window));
}

/* --- Copies of the plan ----------------------------------------------------- */

static void
remove_conflict_copy_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  JlnWindow *self = JLN_WINDOW (widget);
  const char *path = g_variant_get_string (parameter, NULL);
  g_autoptr(GPtrArray) copies = NULL;
  guint index;

  /* Only a conflict copy beside the open plan is removed. */
  if (self->document == NULL)
    return;
  copies = jln_merge_find_conflict_copies (jln_document_get_path (self->document));
  if (!g_ptr_array_find_with_equal_func (copies, path, g_str_equal, &index))
    return;
  if (g_remove (path) != 0)
    {
      g_autoptr(GError) error = g_error_new (G_FILE_ERROR, g_file_error_from_errno (errno),
                                             "%s", g_strerror (errno));

      show_error_toast (self, error);
    }
}

static void
merged_cb (JlnWindow  *self,
           const char *path,
           guint       n_applied)
{
  g_autofree char *basename = g_path_get_basename (path);
  g_autofree char *name = jln_text_isolate (basename);
  g_autofree char *escaped = g_markup_escape_text (name, -1);
  g_autofree char *message = NULL;
  g_autoptr(GPtrArray) copies = NULL;
  AdwToast *toast;
  guint index;

  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u change merged from %s",
                                          "%u changes merged from %s", n_applied),
                             n_applied, escaped);
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_toast_cb), self, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);

  /* A conflict copy left by a synced folder has done its work. */
  copies = jln_merge_find_conflict_copies (jln_document_get_path (self->document));
  if (g_ptr_array_find_with_equal_func (copies, path, g_str_equal, &index))
    {
      g_autofree char *offer = g_strdup_printf (_("Remove the conflict copy %s?"), escaped);

      toast = adw_toast_new (offer);
      adw_toast_set_timeout (toast, 0);
      adw_toast_set_button_label (toast, _("_Remove"));
      adw_toast_set_action_name (toast, "win.remove-conflict-copy");
      adw_toast_set_action_target_value (toast, g_variant_new_string (path));
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }
}

static void
open_merge_window (JlnWindow  *self,
                   const char *path,
                   gboolean    compare_only)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *window;

  if (self->document == NULL)
    return;
  window = jln_merge_window_new (GTK_WINDOW (self), self->document, path, compare_only, &error);
  if (window == NULL)
    {
      show_error_toast (self, error);
      return;
    }
  g_signal_connect_object (window, "merged", G_CALLBACK (merged_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (window));
}

static void
merge_chosen (JlnWindow *self,
              GFile     *file)
{
  g_autofree char *path = g_file_get_path (file);

  if (path != NULL)
    open_merge_window (self, path, FALSE);
}

static void
compare_chosen (JlnWindow *self,
                GFile     *file)
{
  g_autofree char *path = g_file_get_path (file);

  if (path != NULL)
    open_merge_window (self, path, TRUE);
}

static void
merge_copy_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  if (JLN_WINDOW (widget)->document != NULL)
    choose_file (JLN_WINDOW (widget), GTK_FILE_CHOOSER_ACTION_OPEN, _("Merge a Copy"), _("_Review"),
                 NULL, NULL, NULL, merge_chosen);
}

static void
compare_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  if (JLN_WINDOW (widget)->document != NULL)
    choose_file (JLN_WINDOW (widget), GTK_FILE_CHOOSER_ACTION_OPEN, _("Compare with a Copy"),
                 _("_Compare"), NULL, NULL, NULL, compare_chosen);
}

static void
merge_path_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  open_merge_window (JLN_WINDOW (widget), g_variant_get_string (parameter, NULL), FALSE);
}

static void
save_copy_office_chosen (JlnWindow *self,
                         GFile     *file)
{
  g_autofree char *path = with_suffix (file, ".jalons");
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *escaped = g_markup_escape_text (name, -1);
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;

  if (!jln_document_save_copy (self->document, path, &error))
    {
      show_error_toast (self, error);
      return;
    }
  /* Translators: %s is a file name. */
  message = g_strdup_printf (_("Copy saved as %s: merge it back with Merge a Copy"), escaped);
  show_toast (self, message);
}

static void
save_copy_office_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  JlnWindow *self = JLN_WINDOW (widget);

  if (self->document != NULL)
    choose_file (self, GTK_FILE_CHOOSER_ACTION_SAVE, _("Save a Copy for an Office"), _("_Save"),
                 /* Translators: the suggested name of an office's copy; keep the .jalons. */
                 _("plan for an office.jalons"), NULL, NULL, save_copy_office_chosen);
}

/* A file-sync service left a conflict copy beside the plan: offer to merge it. */
static void
offer_conflict_copies (JlnWindow *self)
{
  g_autoptr(GPtrArray) copies = jln_merge_find_conflict_copies (jln_document_get_path (self->document));

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
  g_autofree char *nick = g_settings_get_string (get_settings (self), "content-language");
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

static void
jln_window_constructed (GObject *object)
{
  JlnWindow *self = JLN_WINDOW (object);
  g_autoptr(GAction) content_language = NULL;
  GSettings *settings;

  G_OBJECT_CLASS (jln_window_parent_class)->constructed (object);

  settings = get_settings (self);
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
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (jln_document_get_plan (self->document), self);
  gtk_widget_dispose_template (GTK_WIDGET (self), JLN_TYPE_WINDOW);
  g_clear_object (&self->document);
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

  g_type_ensure (JLN_TYPE_ACTION_LIST);
  g_type_ensure (JLN_TYPE_ACTION_EDITOR);
  g_type_ensure (JLN_TYPE_INDICATORS_PAGE);
  g_type_ensure (JLN_TYPE_PRINCIPLES_PAGE);
  g_type_ensure (JLN_TYPE_REVIEW_PAGE);
  g_type_ensure (JLN_TYPE_TIMELINE_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/jalons/Jalons/jln-window.ui");
  gtk_widget_class_bind_template_child (widget_class, JlnWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, JlnWindow, add_button);
  gtk_widget_class_bind_template_child (widget_class, JlnWindow, example_banner);
  gtk_widget_class_bind_template_child (widget_class, JlnWindow, read_only_banner);
  gtk_widget_class_bind_template_child (widget_class, JlnWindow, replaced_banner);
  gtk_widget_class_bind_template_child (widget_class, JlnWindow, plan_title_label);
  gtk_widget_class_bind_template_child (widget_class, JlnWindow, plan_file_label);
  gtk_widget_class_bind_template_callback (widget_class, example_banner_close_cb);
  gtk_widget_class_bind_template_child (widget_class, JlnWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, JlnWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, JlnWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, JlnWindow, loading_label);
  gtk_widget_class_bind_template_child (widget_class, JlnWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, JlnWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, JlnWindow, action_list);
  gtk_widget_class_bind_template_child (widget_class, JlnWindow, action_editor);
  gtk_widget_class_bind_template_child (widget_class, JlnWindow, timeline_view);
  gtk_widget_class_bind_template_child (widget_class, JlnWindow, indicators_page);
  gtk_widget_class_bind_template_child (widget_class, JlnWindow, principles_page);
  gtk_widget_class_bind_template_child (widget_class, JlnWindow, review_page);
  gtk_widget_class_bind_template_child (widget_class, JlnWindow, recent_section);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.new-plan", NULL, new_plan_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.paste-rows", NULL, paste_rows_action);
  gtk_widget_class_install_action (widget_class, "win.plan-properties", NULL, plan_properties_action);
  gtk_widget_class_install_action (widget_class, "win.save-copy", NULL, save_copy_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.page", "s", page_action);
  gtk_widget_class_install_action (widget_class, "win.add-action", NULL, add_action_action);
  gtk_widget_class_install_action (widget_class, "win.add-objective", NULL, add_objective_action);
  gtk_widget_class_install_action (widget_class, "win.duplicate", NULL, duplicate_action);
  gtk_widget_class_install_action (widget_class, "win.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "win.changes", NULL, changes_action);
  gtk_widget_class_install_action (widget_class, "win.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "win.backups", NULL, backups_action);
  gtk_widget_class_install_action (widget_class, "win.merge-copy", NULL, merge_copy_action);
  gtk_widget_class_install_action (widget_class, "win.compare", NULL, compare_action);
  gtk_widget_class_install_action (widget_class, "win.merge-path", "s", merge_path_action);
  gtk_widget_class_install_action (widget_class, "win.save-copy-office", NULL, save_copy_office_action);
  gtk_widget_class_install_action (widget_class, "win.remove-conflict-copy", "s",
                                   remove_conflict_copy_action);
  gtk_widget_class_install_action (widget_class, "win.export-view", NULL, export_view_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, GDK_CONTROL_MASK, "win.delete", NULL);
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
  g_signal_connect_object (self->principles_page, "principle-activated",
                           G_CALLBACK (principle_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::selected",
                           G_CALLBACK (selected_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::replaced",
                           G_CALLBACK (update_edit_state), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "reloaded",
                           G_CALLBACK (session_reloaded_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->action_list, "activate-record",
                           G_CALLBACK (activate_record_cb), self, G_CONNECT_SWAPPED);
  /* F5 presents the timeline from anywhere in the window. */
  present = g_simple_action_new ("present", NULL);
  g_signal_connect_object (present, "activate", G_CALLBACK (jln_timeline_view_present),
                           self->timeline_view, G_CONNECT_SWAPPED);
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (present));
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_GLOBAL);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_F5, 0),
                                                          gtk_named_action_new ("win.present")));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
  g_signal_connect_object (self->timeline_view, "activate-record",
                           G_CALLBACK (timeline_activate_record_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view_stack, "notify::visible-child",
                           G_CALLBACK (update_picture_actions), self, G_CONNECT_SWAPPED);
  update_undo_actions (self);
  update_picture_actions (self);
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
