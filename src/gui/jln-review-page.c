/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "jln-edit.h"
#include "jln-plan.h"
#include "jln-plan-edits.h"
#include "jln-review-page.h"
#include "jln-session.h"
#include "jln-section.h"
#include "jln-text.h"

struct _JlnReviewPage
{
  AdwBin              parent_instance;

  JlnSession         *session;
  JlnSessionBinding  *session_binding;

  JlnDocument        *document;
  JlnPlan            *plan;         /* whose sections are shown */
  GListModel         *sections;
  JlnLang             lang;
  gboolean            editable;

  AdwPreferencesPage *page;
  GtkWidget          *intro;        /* the group with the Add button and the syntax */
  GtkWidget          *error_label;
  GPtrArray          *groups;       /* a group per section, in order */
};

G_DEFINE_FINAL_TYPE (JlnReviewPage, jln_review_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void rebuild (JlnReviewPage *self);

static void
apply (JlnReviewPage *self,
       JlnEdit       *edit)
{
  g_autoptr(JlnEdit) owned = edit;
  g_autoptr(GError) error = NULL;

  if (self->document == NULL || !self->editable)
    return;
  if (!jln_document_apply (self->document, owned, &error))
    {
      gtk_label_set_text (GTK_LABEL (self->error_label), error->message);
      gtk_widget_set_visible (self->error_label, TRUE);
      return;
    }
  gtk_widget_set_visible (self->error_label, FALSE);
}

static JlnRecord *
group_section (GtkWidget *widget)
{
  return g_object_get_data (G_OBJECT (widget), "jln-section");
}

static char *
buffer_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
title_apply_cb (AdwEntryRow   *row,
                JlnReviewPage *self)
{
  JlnRecord *section = group_section (GTK_WIDGET (row));
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  const char *now = jln_text_get (jln_section_get_title (JLN_SECTION (section)), self->lang);

  if (g_strcmp0 (text[0] != '\0' ? text : NULL, now) != 0)
    apply (self, jln_plan_edit_set_text (section, JLN_PLAN_FIELD_TITLE, self->lang, text));
}

static void
body_commit (JlnReviewPage *self,
             GtkTextView   *view)
{
  JlnRecord *section = group_section (GTK_WIDGET (view));
  g_autofree char *text = buffer_text (gtk_text_view_get_buffer (view));
  const char *now = jln_text_get (jln_section_get_body (JLN_SECTION (section)), self->lang);

  if (section == NULL || g_strcmp0 (text[0] != '\0' ? text : NULL, now) == 0)
    return;
  apply (self, jln_plan_edit_set_text (section, JLN_PLAN_FIELD_BODY, self->lang, text));
}

static void
body_focus_leave_cb (GtkEventControllerFocus *controller,
                     JlnReviewPage           *self)
{
  body_commit (self, GTK_TEXT_VIEW (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller))));
}

static void
move_clicked_cb (GtkButton     *button,
                 JlnReviewPage *self)
{
  JlnRecord *section = group_section (GTK_WIDGET (button));
  int delta = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "jln-delta"));
  JlnEdit *edit = jln_plan_edit_move_by (section, delta);

  if (edit != NULL)
    apply (self, edit);
}

static void
remove_clicked_cb (GtkButton     *button,
                   JlnReviewPage *self)
{
  apply (self, jln_plan_edit_delete (group_section (GTK_WIDGET (button))));
}

static void
add_clicked_cb (GtkButton     *button,
                JlnReviewPage *self)
{
  if (self->sections == NULL)
    return;
  apply (self, jln_plan_edit_add_section (self->plan, self->lang, _("New Section"), NULL));
}

static GtkWidget *
icon_button (const char    *icon,
             const char    *label,
             const char    *name,
             JlnRecord     *section,
             GCallback      callback,
             JlnReviewPage *self)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  gtk_widget_set_name (button, name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_object_set_data (G_OBJECT (button), "jln-section", section);
  g_signal_connect_object (button, "clicked", callback, self, 0);
  return button;
}

/* Shows @section's texts in its group's fields, unless one is being typed in. */
static void
refresh_group (JlnReviewPage *self,
               GtkWidget     *group)
{
  JlnSection *section = JLN_SECTION (group_section (group));
  GtkWidget *title = g_object_get_data (G_OBJECT (group), "jln-title");
  GtkWidget *body = g_object_get_data (G_OBJECT (group), "jln-body");
  const char *title_text = jln_text_get (jln_section_get_title (section), self->lang);
  const char *body_text = jln_text_get (jln_section_get_body (section), self->lang);
  gboolean fallback = FALSE;
  const char *shown = jln_text_get_fallback (jln_section_get_title (section), self->lang, &fallback);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (body));
  g_autofree char *current = buffer_text (buffer);

  g_autofree char *escaped = g_markup_escape_text (shown != NULL ? shown : "", -1);

  /* A group's title is markup: the plan's text is escaped into it. */
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), escaped);
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (title)), title_text ? title_text : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (title), title_text ? title_text : "");
  if (g_strcmp0 (current, body_text ? body_text : "") != 0)
    gtk_text_buffer_set_text (buffer, body_text ? body_text : "", -1);
}

static void
section_notify_cb (JlnRecord  *section,
                   GParamSpec *pspec,
                   GtkWidget  *group)
{
  JlnReviewPage *self = JLN_REVIEW_PAGE (gtk_widget_get_ancestor (group, JLN_TYPE_REVIEW_PAGE));

  if (self != NULL)
    refresh_group (self, group);
}

static GtkWidget *
section_group_new (JlnReviewPage *self,
                   JlnSection    *section)
{
  JlnRecord *record = JLN_RECORD (section);
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *title = adw_entry_row_new ();
  GtkWidget *body = gtk_text_view_new ();
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_object_set_data_full (G_OBJECT (group), "jln-section", g_object_ref (record), g_object_unref);
  gtk_widget_set_name (group, "section");

  gtk_box_append (GTK_BOX (buttons), icon_button ("go-up-symbolic", _("Move Section Up"), "section-up",
                                                  record, G_CALLBACK (move_clicked_cb), self));
  g_object_set_data (G_OBJECT (gtk_widget_get_last_child (buttons)), "jln-delta", GINT_TO_POINTER (-1));
  gtk_box_append (GTK_BOX (buttons), icon_button ("go-down-symbolic", _("Move Section Down"), "section-down",
                                                  record, G_CALLBACK (move_clicked_cb), self));
  g_object_set_data (G_OBJECT (gtk_widget_get_last_child (buttons)), "jln-delta", GINT_TO_POINTER (1));
  gtk_box_append (GTK_BOX (buttons), icon_button ("user-trash-symbolic", _("Remove Section"), "section-remove",
                                                  record, G_CALLBACK (remove_clicked_cb), self));
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), buttons);

  /* Plan text is plain text, never markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (title), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (title), _("Title"));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (title), TRUE);
  gtk_widget_set_name (title, "section-title");
  g_object_set_data (G_OBJECT (title), "jln-section", record);
  g_signal_connect_object (title, "apply", G_CALLBACK (title_apply_cb), self, 0);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), title);

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (body), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (body), 12);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (body), 12);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (body), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (body), 8);
  gtk_widget_set_name (body, "section-body");
  gtk_accessible_update_property (GTK_ACCESSIBLE (body), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Text"), -1);
  g_object_set_data (G_OBJECT (body), "jln-section", record);
  g_signal_connect_object (focus, "leave", G_CALLBACK (body_focus_leave_cb), self, 0);
  gtk_widget_add_controller (body, focus);
  gtk_frame_set_child (GTK_FRAME (frame), body);
  gtk_widget_set_margin_top (frame, 6);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), frame);

  g_object_set_data (G_OBJECT (group), "jln-title", title);
  g_object_set_data (G_OBJECT (group), "jln-body", body);
  refresh_group (self, group);
  g_signal_connect_object (section, "notify", G_CALLBACK (section_notify_cb), group, 0);
  return group;
}

static void
sections_changed_cb (GListModel    *model,
                     guint          position,
                     guint          removed,
                     guint          added,
                     JlnReviewPage *self)
{
  rebuild (self);
}

static void
watch_plan (JlnReviewPage *self)
{
  JlnPlan *plan = self->document != NULL ? jln_document_get_plan (self->document) : NULL;

  if (plan == self->plan)
    return;
  if (self->sections != NULL)
    g_signal_handlers_disconnect_by_data (self->sections, self);
  g_clear_object (&self->sections);
  g_set_object (&self->plan, plan);
  if (plan != NULL)
    {
      self->sections = g_object_ref (jln_plan_get_sections (plan));
      g_signal_connect (self->sections, "items-changed", G_CALLBACK (sections_changed_cb), self);
    }
}

static void
rebuild (JlnReviewPage *self)
{
  watch_plan (self);
  for (guint i = 0; i < self->groups->len; i++)
    adw_preferences_page_remove (self->page, g_ptr_array_index (self->groups, i));
  g_ptr_array_set_size (self->groups, 0);
  if (self->sections == NULL)
    return;

  for (guint i = 0; i < g_list_model_get_n_items (self->sections); i++)
    {
      g_autoptr(JlnSection) section = g_list_model_get_item (self->sections, i);
      GtkWidget *group = section_group_new (self, section);

      adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (group));
      g_ptr_array_add (self->groups, group);
      gtk_widget_set_sensitive (group, self->editable);
    }
}

static void
set_document (JlnReviewPage *self,
                              JlnDocument   *document)
{
  g_set_object (&self->document, document);
  rebuild (self);
}

static void
set_content_language (JlnReviewPage *self,
                                      JlnLang        lang)
{
  if (self->lang == lang)
    return;
  self->lang = lang;
  rebuild (self);
}

void
jln_review_page_set_editable (JlnReviewPage *self,
                              gboolean       editable)
{
  g_return_if_fail (JLN_IS_REVIEW_PAGE (self));

  self->editable = editable;
  gtk_widget_set_sensitive (self->intro, editable);
  for (guint i = 0; i < self->groups->len; i++)
    gtk_widget_set_sensitive (g_ptr_array_index (self->groups, i), editable);
}

/* What is typed in a section's text is kept when the page goes away
 * (another page, the window closed) as when the text loses the focus. */
static void
jln_review_page_unmap (GtkWidget *widget)
{
  JlnReviewPage *self = JLN_REVIEW_PAGE (widget);

  for (guint i = 0; i < self->groups->len; i++)
    {
      GtkWidget *body = g_object_get_data (G_OBJECT (g_ptr_array_index (self->groups, i)), "jln-body");

      if (body != NULL && gtk_widget_has_focus (body))
        body_commit (self, GTK_TEXT_VIEW (body));
    }
  GTK_WIDGET_CLASS (jln_review_page_parent_class)->unmap (widget);
}

static void
session_plan_changed_cb (JlnReviewPage *self)
{
  set_document (self, jln_session_get_document (self->session));
}

static void
session_content_language_changed_cb (JlnReviewPage *self)
{
  set_content_language (self, jln_session_get_content_language (self->session));
}

/**
 * jln_review_page_set_session:
 * @session: (nullable): the window's session
 *
 * Shows the session's plan in its content language.
 */
void
jln_review_page_set_session (JlnReviewPage *self,
                             JlnSession *session)
{
  g_return_if_fail (JLN_IS_REVIEW_PAGE (self));
  g_return_if_fail (session == NULL || JLN_IS_SESSION (session));

  if (self->session == session)
    return;
  g_set_object (&self->session, session);
  jln_session_binding_set_session (self->session_binding, session);
  if (session != NULL)
    set_content_language (self, jln_session_get_content_language (session));
  set_document (self, session != NULL ? jln_session_get_document (session) : NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

static void
jln_review_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  JlnReviewPage *self = JLN_REVIEW_PAGE (object);

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
jln_review_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  JlnReviewPage *self = JLN_REVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      jln_review_page_set_session (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jln_review_page_dispose (GObject *object)
{
  JlnReviewPage *self = JLN_REVIEW_PAGE (object);

  if (self->sections != NULL)
    g_signal_handlers_disconnect_by_data (self->sections, self);
  g_clear_object (&self->sections);
  g_clear_object (&self->plan);
  jln_session_binding_set_session (self->session_binding, NULL);
  g_clear_object (&self->session);
  g_clear_object (&self->document);
  G_OBJECT_CLASS (jln_review_page_parent_class)->dispose (object);
}

static void
jln_review_page_finalize (GObject *object)
{
  JlnReviewPage *self = JLN_REVIEW_PAGE (object);

  g_clear_pointer (&self->groups, g_ptr_array_unref);
  G_OBJECT_CLASS (jln_review_page_parent_class)->finalize (object);
}

static void
jln_review_page_class_init (JlnReviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = jln_review_page_dispose;
  object_class->get_property = jln_review_page_get_property;
  object_class->set_property = jln_review_page_set_property;
  object_class->finalize = jln_review_page_finalize;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, JLN_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  GTK_WIDGET_CLASS (klass)->unmap = jln_review_page_unmap;
}

static void
jln_review_page_init (JlnReviewPage *self)
{
  GtkWidget *add = gtk_button_new ();
  GtkWidget *content = adw_button_content_new ();

  self->groups = g_ptr_array_new ();
  self->lang = jln_lang_from_locale ();
  self->editable = TRUE;
  self->page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->page));

  self->intro = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->intro), _("Narrative of the Review"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->intro),
                                         _("The sections of the internal review, before the action table. "
                                           "Separate paragraphs with an empty line, begin a bulleted line "
                                           "with “- ” (with two spaces before it for a list within a list), "
                                           "and write *words* between asterisks to emphasise them, "
                                           "**words** between double asterisks to make them strong."));
  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "list-add-symbolic");
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), _("_Add"));
  adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), TRUE);
  gtk_button_set_child (GTK_BUTTON (add), content);
  gtk_widget_add_css_class (add, "flat");
  gtk_widget_set_name (add, "section-add");
  gtk_widget_set_tooltip_text (add, _("Add Section"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (add), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Add Section"), -1);
  g_signal_connect_object (add, "clicked", G_CALLBACK (add_clicked_cb), self, 0);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self->intro), add);
  self->error_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->error_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->error_label), 0);
  gtk_widget_add_css_class (self->error_label, "error");
  gtk_widget_set_visible (self->error_label, FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->intro), self->error_label);
  adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (self->intro));

  self->session_binding = jln_session_binding_new (self);
  jln_session_binding_connect (self->session_binding, "notify::plan",
                               G_CALLBACK (session_plan_changed_cb));
  jln_session_binding_connect (self->session_binding, "notify::content-language",
                               G_CALLBACK (session_content_language_changed_cb));
}

GtkWidget *
jln_review_page_new (void)
{
  return g_object_new (JLN_TYPE_REVIEW_PAGE, NULL);
}
