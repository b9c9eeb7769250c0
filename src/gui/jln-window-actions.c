/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window's actions on its plan, its views and the copies of its
 * plan: undo, adding and deleting, pictures to export and print, the
 * changes, the backups and merging. */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "config.h"
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
#include "jln-plan-edits.h"
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
    if (pages[i] != NULL && (pages[i] == visible || gtk_widget_is_ancestor (pages[i], visible)))
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
    return JLN_PICTURE (jln_plan_pages_new (jln_document_get_plan (_jln_window_get_document (self)), JLN_PLAN_DOC_ACTIONS,
                                            jln_query_filter_get_query (jln_session_get_filter (self->session))));

  if (page == NULL)
    return NULL;
  if (page == GTK_WIDGET (self->timeline_view))
    return jln_timeline_view_create_picture (self->timeline_view);
  if (page == GTK_WIDGET (self->indicators_page))
    return jln_indicators_page_create_picture (self->indicators_page);
  return NULL;
}

void
_jln_window_update_picture_actions (JlnWindow *self)
{
  gboolean has_picture = _jln_window_get_document (self) != NULL
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
  AdwToast *toast = _jln_window_toast_new (message);

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
  g_autoptr(JlnPicture) picture = _jln_window_get_document (self) != NULL ? create_view_picture (self) : NULL;
  AdwViewStackPage *page;
  g_autofree char *name = NULL;
  const char *title;
  JlnExportDialog *dialog;

  if (picture == NULL)
    return;
  if (JLN_IS_PLAN_PAGES (picture))
    {
      JlnPlan *plan = jln_document_get_plan (_jln_window_get_document (self));
      JlnDocumentDialog *documents;

      title = jln_text_get_fallback (jln_plan_get_title (plan), jln_session_get_content_language (self->session), NULL);
      documents = jln_document_dialog_new (GTK_WINDOW (self), self->session,
                                           title != NULL ? title : _("Plan"));
      g_signal_connect_object (documents, "exported", G_CALLBACK (view_exported_cb), self, G_CONNECT_SWAPPED);
      gtk_window_present (GTK_WINDOW (documents));
      return;
    }
  page = adw_view_stack_get_page (self->view_stack, adw_view_stack_get_visible_child (self->view_stack));
  title = jln_text_get_fallback (jln_plan_get_title (jln_document_get_plan (_jln_window_get_document (self))),
                                 jln_session_get_content_language (self->session), NULL);
  /* Translators: the start of an exported file’s name: the plan’s title, then the view. */
  {
    g_autofree char *short_title = dup_short_title (title != NULL ? title : _("Plan"));

    name = g_strdup_printf (_("%1$s – %2$s"), short_title, adw_view_stack_page_get_title (page));
  }
  dialog = jln_export_dialog_new (GTK_WINDOW (self), self->session, picture, name);
  g_signal_connect_object (dialog, "exported", G_CALLBACK (view_exported_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  JlnWindow *self = JLN_WINDOW (widget);
  g_autoptr(JlnPicture) picture = _jln_window_get_document (self) != NULL ? create_view_picture (self) : NULL;
  g_autoptr(JlnRenderStyle) style = NULL;

  if (picture == NULL)
    return;
  style = jln_render_style_new (JLN_RENDER_SCHEME_LIGHT, jln_session_get_content_language (self->session));
  jln_print_picture (GTK_WINDOW (self), picture, style);
}

static void
plan_properties_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  JlnWindow *self = JLN_WINDOW (widget);

  if (_jln_window_get_document (self) == NULL)
    return;
  gtk_window_present (GTK_WINDOW (jln_plan_dialog_new (GTK_WINDOW (self), self->session)));
}

static void
report_edit_error (JlnWindow    *self,
                   const GError *error)
{
  _jln_window_show_error_toast (self, error);
}

/* After an undo: a deletion undone selects what came back, and shows it. */
static void
select_restored (JlnWindow *self)
{
  JlnRecord *restored;

  if (self->deleted_id == NULL || _jln_window_get_document (self) == NULL)
    return;
  restored = jln_plan_lookup (jln_document_get_plan (_jln_window_get_document (self)), self->deleted_id);
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

  if (_jln_window_get_document (self) != NULL && !jln_document_undo (_jln_window_get_document (self), &error))
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

  if (_jln_window_get_document (self) != NULL && !jln_document_redo (_jln_window_get_document (self), &error))
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

static void
apply_and_select (JlnWindow *self,
                  JlnEdit   *edit,
                  JlnRecord *record)
{
  g_autoptr(GError) error = NULL;

  if (!jln_document_apply (_jln_window_get_document (self), edit, &error))
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
  JlnRecord *action = NULL;
  g_autoptr(JlnEdit) edit = NULL;

  if (_jln_window_get_document (self) == NULL)
    return;

  edit = jln_plan_edit_add_action (jln_document_get_plan (_jln_window_get_document (self)),
                                   selected_record (self), &action);
  if (edit == NULL)
    {
      _jln_window_show_toast (self, _("Add an objective first"));
      return;
    }
  apply_and_select (self, edit, action);
}

static void
add_objective_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  JlnWindow *self = JLN_WINDOW (widget);
  JlnRecord *objective = NULL;
  g_autoptr(JlnEdit) edit = NULL;

  if (_jln_window_get_document (self) == NULL)
    return;

  edit = jln_plan_edit_add_objective (jln_document_get_plan (_jln_window_get_document (self)), &objective);
  apply_and_select (self, edit, objective);
}

static void
duplicate_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  JlnWindow *self = JLN_WINDOW (widget);
  JlnRecord *selected = selected_record (self);
  JlnRecord *copy = NULL;
  g_autoptr(JlnEdit) group = NULL;

  if (_jln_window_get_document (self) == NULL || selected == NULL)
    return;

  group = jln_plan_edit_duplicate (jln_document_get_plan (_jln_window_get_document (self)), selected, &copy);
  if (group == NULL)
    return;
  apply_and_select (self, group, copy);
}

static void
undo_toast_cb (AdwToast  *toast,
               JlnWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (_jln_window_get_document (self) != NULL && !jln_document_undo (_jln_window_get_document (self), &error))
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

  if (_jln_window_get_document (self) == NULL || selected == NULL)
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
  edit = jln_plan_edit_delete (selected);
  jln_action_editor_set_record (self->action_editor, NULL);
  if (!jln_document_apply (_jln_window_get_document (self), edit, &error))
    {
      report_edit_error (self, error);
      return;
    }

  toast = _jln_window_toast_new (message);
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

  if (_jln_window_get_document (self) == NULL || self->busy)
    return;
  if (!jln_document_reload (_jln_window_get_document (self), &error))
    {
      _jln_window_show_error_toast (self, error);
      return;
    }
  /* Whether the file is still another one; "replaced" updates the state. */
  if (!jln_session_check_file (self->session, &error))
    {
      _jln_window_show_error_toast (self, error);
      return;
    }
  _jln_window_update_edit_state (self);
  _jln_window_show_notices (self);
}

static void
changes_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  JlnWindow *self = JLN_WINDOW (widget);

  if (_jln_window_get_document (self) == NULL)
    return;
  gtk_window_present (GTK_WINDOW (jln_changes_window_new (GTK_WINDOW (self), self->session)));
}

static void
restored_cb (JlnWindow  *self,
             const char *date)
{
  g_autofree char *message = NULL;
  AdwToast *toast;

  /* Translators: %s is a date, as in “March 7, 2030”. */
  message = g_strdup_printf (_("The plan was restored to its copy of %s"), date);
  toast = _jln_window_toast_new (message);
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

  if (_jln_window_get_document (self) == NULL)
    return;
  window = jln_backups_window_new (GTK_WINDOW (self), self->session);
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
  if (_jln_window_get_document (self) == NULL)
    return;
  copies = jln_merge_find_conflict_copies (jln_document_get_path (_jln_window_get_document (self)));
  if (!g_ptr_array_find_with_equal_func (copies, path, g_str_equal, &index))
    return;
  if (g_remove (path) != 0)
    {
      g_autoptr(GError) error = g_error_new (G_FILE_ERROR, g_file_error_from_errno (errno),
                                             "%s", g_strerror (errno));

      _jln_window_show_error_toast (self, error);
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

  message = g_strdup_printf (dngettext (GETTEXT_PACKAGE, "%u change merged from %s",
                                        "%u changes merged from %s", n_applied),
                             n_applied, escaped);
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_toast_cb), self, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);

  /* A conflict copy left by a synced folder has done its work. */
  copies = jln_merge_find_conflict_copies (jln_document_get_path (_jln_window_get_document (self)));
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

  if (_jln_window_get_document (self) == NULL)
    return;
  window = jln_merge_window_new (GTK_WINDOW (self), self->session, path, compare_only, &error);
  if (window == NULL)
    {
      _jln_window_show_error_toast (self, error);
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
  if (_jln_window_get_document (JLN_WINDOW (widget)) != NULL)
    _jln_window_choose_file (JLN_WINDOW (widget), GTK_FILE_CHOOSER_ACTION_OPEN, _("Merge a Copy"), _("_Review"),
                 NULL, NULL, NULL, merge_chosen);
}

static void
compare_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  if (_jln_window_get_document (JLN_WINDOW (widget)) != NULL)
    _jln_window_choose_file (JLN_WINDOW (widget), GTK_FILE_CHOOSER_ACTION_OPEN, _("Compare with a Copy"),
                 _("_Compare"), NULL, NULL, NULL, compare_chosen);
}

static void
merge_path_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  open_merge_window (JLN_WINDOW (widget), g_variant_get_string (parameter, NULL), FALSE);
}

void
_jln_window_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.plan-properties", NULL, plan_properties_action);
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
  gtk_widget_class_install_action (widget_class, "win.remove-conflict-copy", "s",
                                   remove_conflict_copy_action);
  gtk_widget_class_install_action (widget_class, "win.export-view", NULL, export_view_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, GDK_CONTROL_MASK, "win.delete", NULL);
}
