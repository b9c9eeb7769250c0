/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>
#include <adwaita.h>
#include <glib/gi18n.h>

#include "jln-edit.h"
#include "jln-note.h"
#include "jln-notes-box.h"
#include "jln-plan-edits.h"
#include "jln-session.h"
#include "jln-text.h"

/* The progress notes of an action or a sub-item in the editor: a line
 * to write a new one (dated today, signed with the office typed beside
 * it) and the notes, newest first, each editable in place and removable.
 * Every change is an edit of the document, undone as any other. */
struct _JlnNotesBox
{
  GtkWidget    parent_instance;

  JlnSession  *session;
  JlnSessionBinding *session_binding;
  JlnRecord   *owner;
  JlnLang      content_language;

  GtkWidget   *group;
  GtkWidget   *entry;
  GtkWidget   *author_entry;
  GtkWidget   *add_button;
  GtkWidget   *error_label;
  GtkWidget   *list;
  GtkSortListModel *sorted;
};

G_DEFINE_FINAL_TYPE (JlnNotesBox, jln_notes_box, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The office last typed, kept for the next note while Jalons runs. */
static char *last_author;

static void
show_error (JlnNotesBox *self,
            const char  *message)
{
  gtk_label_set_text (GTK_LABEL (self->error_label), message != NULL ? message : "");
  gtk_widget_set_visible (self->error_label, message != NULL);
}

static JlnDocument *
get_document (JlnNotesBox *self)
{
  return self->session != NULL ? jln_session_get_document (self->session) : NULL;
}

static gboolean
apply (JlnNotesBox *self,
       JlnEdit     *edit)
{
  g_autoptr(JlnEdit) owned = edit;
  g_autoptr(GError) error = NULL;

  if (get_document (self) == NULL)
    return FALSE;
  if (!jln_document_apply (get_document (self), owned, &error))
    {
      show_error (self, error->message);
      return FALSE;
    }
  show_error (self, NULL);
  return TRUE;
}

/* Newest first: by date, then the later added first. */
static int
compare_notes (gconstpointer a,
               gconstpointer b,
               gpointer      data)
{
  JlnRecord *na = (JlnRecord *) a, *nb = (JlnRecord *) b;
  int cmp = g_strcmp0 (jln_note_get_date (nb), jln_note_get_date (na));
  guint pa = 0, pb = 0;

  if (cmp != 0)
    return cmp;
  jln_record_get_position (na, &pa);
  jln_record_get_position (nb, &pb);
  return pa < pb ? 1 : pa > pb ? -1 : 0;
}

static char *
note_heading (JlnRecord *note)
{
  const char *author = jln_note_get_author (note);
  g_autoptr(GDate) date = g_date_new ();
  g_auto(GStrv) parts = g_strsplit (jln_note_get_date (note), "-", 3);
  g_autofree char *shown = NULL;

  /* A date to the day is shown as the locale writes it; to the month as it is. */
  if (g_strv_length (parts) == 3)
    {
      char buffer[64];

      g_date_set_dmy (date, atoi (parts[2]), atoi (parts[1]), atoi (parts[0]));
      if (g_date_valid (date) && g_date_strftime (buffer, sizeof buffer, "%x", date) > 0)
        shown = g_strdup (buffer);
    }
  if (shown == NULL)
    shown = g_strdup (jln_note_get_date (note));
  if (author == NULL)
    return g_steal_pointer (&shown);
  /* Translators: a progress note's heading: its date and who wrote it. */
  return g_strdup_printf (_("%1$s — %2$s"), shown, author);
}

static void
note_row_apply_cb (AdwEntryRow *row,
                   JlnNotesBox *self)
{
  JlnRecord *note = g_object_get_data (G_OBJECT (row), "note");
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  if (g_strcmp0 (text, jln_text_get (jln_note_get_text (note), self->content_language)) == 0)
    return;
  apply (self, jln_plan_edit_set_text (note, JLN_PLAN_FIELD_TEXT, self->content_language, text));
}

static void
note_remove_clicked_cb (GtkButton   *button,
                        JlnNotesBox *self)
{
  JlnRecord *note = g_object_get_data (G_OBJECT (button), "note");

  apply (self, jln_plan_edit_delete (note));
}

static void
row_refresh (GtkWidget   *row,
             JlnNotesBox *self)
{
  JlnRecord *note = g_object_get_data (G_OBJECT (row), "note");
  g_autofree char *heading = note_heading (note);
  gboolean fallback = FALSE;
  const char *text = jln_text_get_fallback (jln_note_get_text (note), self->content_language, &fallback);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), heading);
  gtk_editable_set_text (GTK_EDITABLE (row), fallback || text == NULL ? "" : text);
}

/* An undo, a merge or another window changes a note under its row. */
static void
note_notify_cb (JlnRecord  *note,
                GParamSpec *pspec,
                GtkWidget  *row)
{
  JlnNotesBox *self = JLN_NOTES_BOX (gtk_widget_get_ancestor (row, JLN_TYPE_NOTES_BOX));

  if (self != NULL)
    row_refresh (row, self);
}

static GtkWidget *
create_row_cb (gpointer item,
               gpointer data)
{
  JlnNotesBox *self = data;
  JlnRecord *note = item;
  GtkWidget *row = adw_entry_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

  /* A note's text comes from the file: never markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  gtk_widget_set_name (row, "note");
  g_object_set_data_full (G_OBJECT (row), "note", g_object_ref (note), g_object_unref);
  row_refresh (row, self);
  g_signal_connect_object (note, "notify", G_CALLBACK (note_notify_cb), row, 0);
  g_signal_connect_object (row, "apply", G_CALLBACK (note_row_apply_cb), self, 0);

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_name (remove, "note-remove");
  gtk_widget_set_tooltip_text (remove, _("Remove Note"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove Note"), -1);
  g_object_set_data_full (G_OBJECT (remove), "note", g_object_ref (note), g_object_unref);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (note_remove_clicked_cb), self, 0);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), remove);
  return row;
}

static void
add_note (JlnNotesBox *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  const char *author = gtk_editable_get_text (GTK_EDITABLE (self->author_entry));
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  g_autofree char *trimmed_author = g_strstrip (g_strdup (author));

  if (trimmed[0] == '\0' || get_document (self) == NULL)
    return;
  if (apply (self, jln_plan_edit_add_note (self->owner, date, self->content_language, trimmed,
                                           trimmed_author, NULL)))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
      g_free (last_author);
      last_author = g_strdup (trimmed_author);
    }
}

static void
entry_activate_cb (GtkEntry    *entry,
                   JlnNotesBox *self)
{
  add_note (self);
}

static void
add_clicked_cb (GtkButton   *button,
                JlnNotesBox *self)
{
  add_note (self);
}

static void
entry_changed_cb (GtkEditable *editable,
                  JlnNotesBox *self)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (gtk_editable_get_text (editable)));

  gtk_widget_set_sensitive (self->add_button, trimmed[0] != '\0');
}

static void
notes_changed_cb (GListModel  *model,
                  guint        position,
                  guint        removed,
                  guint        added,
                  JlnNotesBox *self)
{
  gtk_widget_set_visible (self->list, g_list_model_get_n_items (model) > 0);
}

static void
rebind (JlnNotesBox *self)
{
  gtk_list_box_bind_model (GTK_LIST_BOX (self->list), G_LIST_MODEL (self->sorted),
                           create_row_cb, self, NULL);
}

static void
jln_notes_box_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  JlnNotesBox *self = JLN_NOTES_BOX (object);

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
jln_notes_box_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  JlnNotesBox *self = JLN_NOTES_BOX (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      jln_notes_box_set_session (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jln_notes_box_dispose (GObject *object)
{
  JlnNotesBox *self = JLN_NOTES_BOX (object);

  if (self->list != NULL)
    gtk_list_box_bind_model (GTK_LIST_BOX (self->list), NULL, NULL, NULL, NULL);
  g_clear_pointer (&self->group, gtk_widget_unparent);
  g_clear_object (&self->sorted);
  g_clear_object (&self->owner);
  jln_session_binding_set_session (self->session_binding, NULL);
  g_clear_object (&self->session);
  G_OBJECT_CLASS (jln_notes_box_parent_class)->dispose (object);
}

static void
jln_notes_box_class_init (JlnNotesBoxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jln_notes_box_dispose;
  object_class->get_property = jln_notes_box_get_property;
  object_class->set_property = jln_notes_box_set_property;

  /**
   * JlnNotesBox:session:
   *
   * The window's session: notes are added to its document, and shown
   * and written in its content language.
   */
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, JLN_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
session_language_changed_cb (JlnNotesBox *self)
{
  JlnLang lang = jln_session_get_content_language (self->session);

  if (self->content_language == lang)
    return;
  self->content_language = lang;
  rebind (self);
}

static void
jln_notes_box_init (JlnNotesBox *self)
{

  self->session_binding = jln_session_binding_new (self);
  jln_session_binding_connect (self->session_binding, "notify::content-language",
                               G_CALLBACK (session_language_changed_cb));
}

GtkWidget *
jln_notes_box_new (JlnSession *session,
                   JlnRecord  *owner)
{
  JlnNotesBox *self;
  GtkWidget *line, *content;
  GtkCustomSorter *sorter;
  GListModel *notes;

  g_return_val_if_fail (session == NULL || JLN_IS_SESSION (session), NULL);
  g_return_val_if_fail (jln_note_kind_for (owner) != JLN_N_KINDS, NULL);

  self = g_object_new (JLN_TYPE_NOTES_BOX, NULL);
  self->owner = g_object_ref (owner);
  self->content_language = jln_lang_from_locale ();

  self->group = adw_preferences_group_new ();
  gtk_widget_set_parent (self->group, GTK_WIDGET (self));
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->group), _("Progress Notes"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->group),
                                         _("What happened, dated today, newest first"));

  line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  self->entry = gtk_entry_new ();
  gtk_widget_set_hexpand (self->entry, TRUE);
  gtk_editable_set_width_chars (GTK_EDITABLE (self->entry), 16);
  gtk_widget_set_name (self->entry, "note-entry");
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->entry), _("S1 2024 progress: …"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("New Progress Note"), -1);
  g_signal_connect_object (self->entry, "activate", G_CALLBACK (entry_activate_cb), self, 0);
  g_signal_connect_object (self->entry, "changed", G_CALLBACK (entry_changed_cb), self, 0);
  gtk_box_append (GTK_BOX (line), self->entry);

  self->author_entry = gtk_entry_new ();
  gtk_widget_set_name (self->author_entry, "note-author");
  gtk_editable_set_width_chars (GTK_EDITABLE (self->author_entry), 6);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (self->author_entry), 8);
  gtk_widget_set_hexpand (self->author_entry, FALSE);
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->author_entry), _("Office"));
  gtk_widget_set_tooltip_text (self->author_entry, _("The office or person writing the note"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->author_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Office"), -1);
  if (last_author != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->author_entry), last_author);
  g_signal_connect_object (self->author_entry, "activate", G_CALLBACK (entry_activate_cb), self, 0);
  gtk_box_append (GTK_BOX (line), self->author_entry);

  self->add_button = gtk_button_new ();
  content = adw_button_content_new ();
  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "list-add-symbolic");
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), _("_Add"));
  adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), TRUE);
  gtk_button_set_child (GTK_BUTTON (self->add_button), content);
  gtk_widget_set_name (self->add_button, "note-add");
  gtk_widget_set_tooltip_text (self->add_button, _("Add Progress Note"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->add_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Add Progress Note"), -1);
  gtk_widget_set_sensitive (self->add_button, FALSE);
  g_signal_connect_object (self->add_button, "clicked", G_CALLBACK (add_clicked_cb), self, 0);
  gtk_box_append (GTK_BOX (line), self->add_button);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->group), line);

  self->error_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->error_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->error_label), 0);
  gtk_widget_add_css_class (self->error_label, "error");
  gtk_widget_set_name (self->error_label, "note-error");
  gtk_widget_set_visible (self->error_label, FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->group), self->error_label);

  notes = jln_record_get_notes (owner);
  sorter = gtk_custom_sorter_new (compare_notes, NULL, NULL);
  self->sorted = gtk_sort_list_model_new (g_object_ref (notes), GTK_SORTER (sorter));
  self->list = gtk_list_box_new ();
  gtk_widget_set_name (self->list, "notes");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (self->list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Progress Notes"), -1);
  rebind (self);
  g_signal_connect_object (self->sorted, "items-changed", G_CALLBACK (notes_changed_cb), self, 0);
  gtk_widget_set_visible (self->list, g_list_model_get_n_items (notes) > 0);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->group), self->list);
  jln_notes_box_set_session (self, session);

  return GTK_WIDGET (self);
}

/**
 * jln_notes_box_set_owner:
 * @owner: a record that has notes
 *
 * Shows the notes of @owner in place of those shown, in the same
 * widgets: the pane moves from one record to the next without making
 * them again. A note begun and not added is dropped, as it was for the
 * record left.
 */
void
jln_notes_box_set_owner (JlnNotesBox *self,
                         JlnRecord   *owner)
{
  g_return_if_fail (JLN_IS_NOTES_BOX (self));
  g_return_if_fail (jln_note_kind_for (owner) != JLN_N_KINDS);

  if (!g_set_object (&self->owner, owner))
    return;
  gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
  show_error (self, NULL);
  gtk_sort_list_model_set_model (self->sorted, jln_record_get_notes (owner));
  gtk_widget_set_visible (self->list,
                          g_list_model_get_n_items (G_LIST_MODEL (self->sorted)) > 0);
}

/**
 * jln_notes_box_get_session:
 *
 * Returns: (transfer none) (nullable): the session followed
 */
JlnSession *
jln_notes_box_get_session (JlnNotesBox *self)
{
  g_return_val_if_fail (JLN_IS_NOTES_BOX (self), NULL);
  return self->session;
}

void
jln_notes_box_set_session (JlnNotesBox *self,
                           JlnSession  *session)
{
  g_return_if_fail (JLN_IS_NOTES_BOX (self));
  g_return_if_fail (session == NULL || JLN_IS_SESSION (session));

  if (self->session == session)
    return;
  g_set_object (&self->session, session);
  jln_session_binding_set_session (self->session_binding, session);
  if (session != NULL)
    session_language_changed_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}
