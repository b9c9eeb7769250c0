/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "jln-enums.h"
#include "jln-field-binding.h"
#include "jln-plan-edits.h"
#include "jln-text-row.h"

/* One text of a record in both languages, side by side, as a row of the
 * editor. It shows the text of whatever record it is given, follows it
 * when it changes, and commits what the user typed when they are done
 * with a language (Enter for one paragraph, Ctrl+Enter for several, or
 * the focus leaving it) as one edit of the session's document. A refused
 * value is shown under the row with the core's message. */
struct _JlnTextRow
{
  AdwPreferencesRow  parent_instance;

  JlnFieldBinding   *binding;
  gboolean           multiline;
  int                error_lang;    /* the language the error is about, or -1 */

  /* Template widgets */
  GtkLabel          *title_label;
  GtkWidget         *views[2];      /* by JlnLang */
  GtkWidget         *frames[2];
  GtkWidget         *marks[2];
  GtkLabel          *error_label;
};

G_DEFINE_FINAL_TYPE (JlnTextRow, jln_text_row, ADW_TYPE_PREFERENCES_ROW)

enum {
  PROP_0,
  PROP_MULTILINE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
lang_name (JlnLang lang)
{
  return lang == JLN_LANG_FR ? _("French") : _("English");
}

static const char *
missing_message (JlnLang lang)
{
  return lang == JLN_LANG_FR ? _("Missing French translation") : _("Missing English translation");
}

static gboolean
has_focus_in (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static char *
view_get_text (GtkWidget *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
view_set_text (GtkWidget  *view,
               const char *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  g_autofree char *shown = view_get_text (view);

  if (g_strcmp0 (shown, text) == 0)
    return;
  /* What the user undoes with Ctrl+Z is their typing, not the switch
   * from one record to another. */
  gtk_text_buffer_begin_irreversible_action (buffer);
  gtk_text_buffer_set_text (buffer, text, -1);
  gtk_text_buffer_end_irreversible_action (buffer);
}

static const JlnText *
get_text (JlnTextRow *self)
{
  JlnRecord *record = jln_field_binding_get_record (self->binding);

  return record != NULL ? jln_record_get_text (record, jln_field_binding_get_name (self->binding))
                        : NULL;
}

static void
update_descriptions (JlnTextRow *self)
{
  const char *error = gtk_widget_get_visible (GTK_WIDGET (self->error_label))
                      ? gtk_label_get_text (self->error_label) : NULL;

  for (int lang = JLN_LANG_FR; lang <= JLN_LANG_EN; lang++)
    {
      const char *first = self->error_lang == lang ? error : NULL;
      const char *second = gtk_widget_get_visible (self->marks[lang])
                           ? missing_message (lang) : NULL;
      g_autofree char *text = NULL;

      if (first != NULL && second != NULL)
        text = g_strdup_printf ("%s. %s", first, second);
      else
        text = g_strdup (first != NULL ? first : second);

      if (text == NULL)
        gtk_accessible_reset_property (GTK_ACCESSIBLE (self->views[lang]),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      else
        gtk_accessible_update_property (GTK_ACCESSIBLE (self->views[lang]),
                                        GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                        -1);
    }
}

static void
set_error (JlnTextRow *self,
           int         lang,
           const char *message)
{
  self->error_lang = message != NULL ? lang : -1;
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
  for (int i = JLN_LANG_FR; i <= JLN_LANG_EN; i++)
    {
      if (message != NULL && (lang < 0 || i == lang))
        gtk_widget_add_css_class (self->frames[i], "error");
      else
        gtk_widget_remove_css_class (self->frames[i], "error");
    }
  update_descriptions (self);
}

/* Shows the stored text. A language the user is typing in keeps what
 * they typed, unless @force. */
static void
refresh (JlnTextRow *self,
         gboolean    force)
{
  const JlnText *text = get_text (self);

  for (int lang = JLN_LANG_FR; lang <= JLN_LANG_EN; lang++)
    {
      const char *value = text != NULL ? jln_text_get (text, lang) : NULL;
      const char *other = text != NULL ? jln_text_get (text, !lang) : NULL;

      if (force || !has_focus_in (self->views[lang]))
        view_set_text (self->views[lang], value != NULL ? value : "");
      gtk_widget_set_visible (self->marks[lang], value == NULL && other != NULL);
    }
  update_descriptions (self);
}

static void
update_names (JlnTextRow *self)
{
  const char *name = jln_field_binding_get_name (self->binding);
  const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self));
  g_autofree char *error_name = g_strconcat (name, "-error", NULL);

  gtk_label_set_text (self->title_label, title);
  gtk_widget_set_name (GTK_WIDGET (self->error_label), error_name);
  for (int lang = JLN_LANG_FR; lang <= JLN_LANG_EN; lang++)
    {
      g_autofree char *view_name = g_strconcat (name, "-", jln_lang_to_string (lang), NULL);
      /* Translators: %1$s is a field, like “Title”; %2$s a language, like “English”. */
      g_autofree char *label = g_strdup_printf (_("%1$s, %2$s"), title, lang_name (lang));

      gtk_widget_set_name (self->views[lang], view_name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->views[lang]),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                      -1);
    }
}

static void
commit (JlnTextRow *self,
        int         lang)
{
  g_autofree char *value = NULL;
  g_autoptr(JlnEdit) edit = NULL;
  g_autoptr(GError) error = NULL;
  JlnRecord *record = jln_field_binding_get_record (self->binding);
  JlnDocument *document = jln_field_binding_get_document (self->binding);
  gboolean applied;

  if (record == NULL || jln_field_binding_get_session (self->binding) == NULL)
    return;

  value = view_get_text (self->views[lang]);
  edit = jln_plan_edit_set_value (record, jln_field_binding_get_field (self->binding), lang, value);

  /* Leaving a field unchanged keeps the message of a refused value in
   * view: it goes when a value is accepted. */
  if (edit == NULL || document == NULL || jln_plan_edit_is_unchanged (edit))
    {
      refresh (self, TRUE);
      return;
    }

  /* Applying may take the row away from its editor. */
  g_object_ref (self);
  applied = jln_document_apply (document, edit, &error);
  if (jln_field_binding_get_record (self->binding) != NULL)
    {
      set_error (self, lang, applied ? NULL : error->message);
      refresh (self, TRUE);
    }
  g_object_unref (self);
}

static int
view_lang (JlnTextRow *self,
           GtkWidget  *view)
{
  return view == self->views[JLN_LANG_EN] ? JLN_LANG_EN : JLN_LANG_FR;
}

static void
view_focus_leave_cb (GtkEventControllerFocus *controller,
                     JlnTextRow              *self)
{
  GtkWidget *view = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  commit (self, view_lang (self, view));
}

static gboolean
view_key_pressed_cb (GtkEventControllerKey *controller,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     JlnTextRow            *self)
{
  GtkWidget *view = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  int lang = view_lang (self, view);

  if (jln_field_binding_get_record (self->binding) == NULL)
    return FALSE;

  if (keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter || keyval == GDK_KEY_ISO_Enter)
    {
      /* A title is one paragraph: Enter commits it. Longer texts take
       * Enter as a new line, and Ctrl+Enter commits them. */
      if (!self->multiline || (state & GDK_CONTROL_MASK) != 0)
        {
          commit (self, lang);
          return TRUE;
        }
    }
  else if (keyval == GDK_KEY_Escape)
    {
      const char *stored = jln_text_get (get_text (self), lang);
      g_autofree char *shown = view_get_text (view);

      if (g_strcmp0 (shown, stored != NULL ? stored : "") != 0)
        {
          view_set_text (view, stored != NULL ? stored : "");
          return TRUE;
        }
    }
  return FALSE;
}

/* GTK 4.8 does not resize a text view once it has laid out its text in
 * idle time, so that a view outside a scrolled window keeps the height
 * of its first, empty layout. The height of the text shows in the upper
 * bound of its adjustment: resize the view when they differ. */
static gboolean
view_resize_cb (gpointer data)
{
  GtkWidget *view = data;

  g_object_set_data (G_OBJECT (view), "jln-resize-pending", NULL);
  gtk_widget_queue_resize (view);
  return G_SOURCE_REMOVE;
}

static void
view_upper_cb (GtkAdjustment *adjustment,
               GParamSpec    *pspec,
               GtkWidget     *view)
{
  if ((int) gtk_adjustment_get_upper (adjustment) == gtk_widget_get_height (view) ||
      g_object_get_data (G_OBJECT (view), "jln-resize-pending") != NULL)
    return;

  g_object_set_data (G_OBJECT (view), "jln-resize-pending", GINT_TO_POINTER (TRUE));
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, view_resize_cb, g_object_ref (view), g_object_unref);
}

static void
binding_changed_cb (gpointer       owner,
                    JlnFieldChange change)
{
  JlnTextRow *self = owner;

  if (change == JLN_FIELD_CHANGE_FIELD)
    update_names (self);
  else if (change == JLN_FIELD_CHANGE_RECORD)
    set_error (self, -1, NULL);
  if (change != JLN_FIELD_CHANGE_SESSION)
    refresh (self, change != JLN_FIELD_CHANGE_VALUE);
}

static void
jln_text_row_dispose (GObject *object)
{
  JlnTextRow *self = JLN_TEXT_ROW (object);

  jln_field_binding_unbind (self->binding);
  gtk_widget_dispose_template (GTK_WIDGET (self), JLN_TYPE_TEXT_ROW);

  G_OBJECT_CLASS (jln_text_row_parent_class)->dispose (object);
}

static void
jln_text_row_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  JlnTextRow *self = JLN_TEXT_ROW (object);

  if (prop_id == PROP_MULTILINE)
    g_value_set_boolean (value, self->multiline);
  else if (!jln_field_binding_get_property (self->binding, pspec, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
jln_text_row_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  JlnTextRow *self = JLN_TEXT_ROW (object);

  if (prop_id == PROP_MULTILINE)
    jln_text_row_set_multiline (self, g_value_get_boolean (value));
  else if (!jln_field_binding_set_property (self->binding, pspec, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
jln_text_row_class_init (JlnTextRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jln_text_row_dispose;
  object_class->get_property = jln_text_row_get_property;
  object_class->set_property = jln_text_row_set_property;

  /**
   * JlnTextRow:multiline:
   *
   * Whether the text has several paragraphs: Enter then starts a new
   * line, and Ctrl+Enter commits.
   */
  properties[PROP_MULTILINE] =
    g_param_spec_boolean ("multiline", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  /* The text shown and edited, like %JLN_PLAN_FIELD_TITLE. */
  jln_field_binding_install_properties (object_class, N_PROPS, JLN_PLAN_FIELD_TITLE);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/jalons/Jalons/jln-text-row.ui");
  gtk_widget_class_bind_template_child (widget_class, JlnTextRow, title_label);
  gtk_widget_class_bind_template_child_full (widget_class, "view_fr", FALSE,
                                             G_STRUCT_OFFSET (JlnTextRow, views[JLN_LANG_FR]));
  gtk_widget_class_bind_template_child_full (widget_class, "view_en", FALSE,
                                             G_STRUCT_OFFSET (JlnTextRow, views[JLN_LANG_EN]));
  gtk_widget_class_bind_template_child_full (widget_class, "frame_fr", FALSE,
                                             G_STRUCT_OFFSET (JlnTextRow, frames[JLN_LANG_FR]));
  gtk_widget_class_bind_template_child_full (widget_class, "frame_en", FALSE,
                                             G_STRUCT_OFFSET (JlnTextRow, frames[JLN_LANG_EN]));
  gtk_widget_class_bind_template_child_full (widget_class, "mark_fr", FALSE,
                                             G_STRUCT_OFFSET (JlnTextRow, marks[JLN_LANG_FR]));
  gtk_widget_class_bind_template_child_full (widget_class, "mark_en", FALSE,
                                             G_STRUCT_OFFSET (JlnTextRow, marks[JLN_LANG_EN]));
  gtk_widget_class_bind_template_child (widget_class, JlnTextRow, error_label);
  gtk_widget_class_bind_template_callback (widget_class, view_focus_leave_cb);
  gtk_widget_class_bind_template_callback (widget_class, view_key_pressed_cb);
}

static void
jln_text_row_init (JlnTextRow *self)
{
  self->binding = jln_field_binding_new (self, JLN_PLAN_FIELD_TITLE, binding_changed_cb);
  self->error_lang = -1;

  gtk_widget_init_template (GTK_WIDGET (self));

  for (int lang = JLN_LANG_FR; lang <= JLN_LANG_EN; lang++)
    g_signal_connect_object (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->views[lang])),
                             "notify::upper", G_CALLBACK (view_upper_cb), self->views[lang], 0);
  g_signal_connect_swapped (self, "notify::title", G_CALLBACK (update_names), self);
  update_names (self);
}

GtkWidget *
jln_text_row_new (void)
{
  return g_object_new (JLN_TYPE_TEXT_ROW, NULL);
}

/**
 * jln_text_row_get_session:
 *
 * Returns: (transfer none) (nullable): the session edits go to
 */
JlnSession *
jln_text_row_get_session (JlnTextRow *self)
{
  g_return_val_if_fail (JLN_IS_TEXT_ROW (self), NULL);
  return jln_field_binding_get_session (self->binding);
}

void
jln_text_row_set_session (JlnTextRow *self,
                          JlnSession *session)
{
  g_return_if_fail (JLN_IS_TEXT_ROW (self));
  jln_field_binding_set_session (self->binding, session);
}

/**
 * jln_text_row_get_record:
 *
 * Returns: (transfer none) (nullable): the record shown
 */
JlnRecord *
jln_text_row_get_record (JlnTextRow *self)
{
  g_return_val_if_fail (JLN_IS_TEXT_ROW (self), NULL);
  return jln_field_binding_get_record (self->binding);
}

/**
 * jln_text_row_set_record:
 * @record: (nullable): the record whose text to show
 *
 * Shows the text of @record, in place of what was shown, and forgets
 * the message of a refused value.
 */
void
jln_text_row_set_record (JlnTextRow *self,
                         JlnRecord  *record)
{
  g_return_if_fail (JLN_IS_TEXT_ROW (self));
  jln_field_binding_set_record (self->binding, record);
}

JlnPlanField
jln_text_row_get_field (JlnTextRow *self)
{
  g_return_val_if_fail (JLN_IS_TEXT_ROW (self), JLN_PLAN_FIELD_TITLE);
  return jln_field_binding_get_field (self->binding);
}

void
jln_text_row_set_field (JlnTextRow   *self,
                        JlnPlanField  field)
{
  g_return_if_fail (JLN_IS_TEXT_ROW (self));
  jln_field_binding_set_field (self->binding, field);
}

gboolean
jln_text_row_get_multiline (JlnTextRow *self)
{
  g_return_val_if_fail (JLN_IS_TEXT_ROW (self), FALSE);
  return self->multiline;
}

void
jln_text_row_set_multiline (JlnTextRow *self,
                            gboolean    multiline)
{
  g_return_if_fail (JLN_IS_TEXT_ROW (self));

  multiline = !!multiline;
  if (self->multiline == multiline)
    return;
  self->multiline = multiline;
  for (int lang = JLN_LANG_FR; lang <= JLN_LANG_EN; lang++)
    {
      gtk_widget_set_size_request (self->views[lang], -1, multiline ? 64 : -1);
      if (multiline)
        gtk_widget_add_css_class (self->frames[lang], "jln-long-text");
      else
        gtk_widget_remove_css_class (self->frames[lang], "jln-long-text");
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MULTILINE]);
}

/**
 * jln_text_row_get_view:
 *
 * Returns: (transfer none): the text view of @lang
 */
GtkWidget *
jln_text_row_get_view (JlnTextRow *self,
                       JlnLang     lang)
{
  g_return_val_if_fail (JLN_IS_TEXT_ROW (self), NULL);
  g_return_val_if_fail (lang == JLN_LANG_FR || lang == JLN_LANG_EN, NULL);
  return self->views[lang];
}

/**
 * jln_text_row_commit:
 *
 * Commits what the user is typing in the row, if the focus is in it:
 * before the row shows another record.
 */
void
jln_text_row_commit (JlnTextRow *self)
{
  g_return_if_fail (JLN_IS_TEXT_ROW (self));

  for (int lang = JLN_LANG_FR; lang <= JLN_LANG_EN; lang++)
    if (jln_field_binding_get_record (self->binding) != NULL && has_focus_in (self->views[lang]))
      commit (self, lang);
}
