/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "jln-action-item.h"
#include "jln-entry-row.h"
#include "jln-error-row.h"
#include "jln-field-binding.h"
#include "jln-item-row.h"
#include "jln-refs-row.h"
#include "jln-semester-row.h"
#include "jln-status-row.h"
#include "jln-text-row.h"

/* The row of one sub-item in the list of its action: its label, title,
 * status and due date in the heading, its fields when expanded, and the
 * buttons that move and remove it. Moving and removing are the editor's
 * to do (it keeps the focus where the user was): the row emits “move”
 * and “remove”. */
struct _JlnItemRow
{
  AdwExpanderRow   parent_instance;

  JlnFieldBinding *binding;
  guint            position;
  guint            n_items;

  /* Made with the fields, when the row is first expanded. */
  GPtrArray       *fields;
  GtkWidget       *title_row;
  GtkWidget       *up_button;
  GtkWidget       *down_button;
  GtkWidget       *remove_button;
};

G_DEFINE_FINAL_TYPE (JlnItemRow, jln_item_row, ADW_TYPE_EXPANDER_ROW)

enum {
  PROP_0,
  PROP_SESSION,   /* then "record", of the binding */
};

enum {
  MOVE,
  REMOVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static JlnLang
get_lang (JlnItemRow *self)
{
  JlnSession *session = jln_field_binding_get_session (self->binding);

  return session != NULL ? jln_session_get_content_language (session) : JLN_LANG_FR;
}

static void
set_label (GtkWidget  *widget,
           const char *label)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

static void
update_heading (JlnItemRow *self)
{
  JlnActionItem *item;
  const char *text;
  g_autofree char *label = NULL;
  g_autofree char *isolated = NULL;
  g_autofree char *title = NULL;
  g_autofree char *due = NULL;
  g_autofree char *subtitle = NULL;
  const char *status;

  if (jln_field_binding_get_record (self->binding) == NULL)
    return;

  item = JLN_ACTION_ITEM (jln_field_binding_get_record (self->binding));
  text = jln_text_get_fallback (jln_action_item_get_title (item), get_lang (self), NULL);
  status = jln_status_get_label (jln_action_item_get_status (item));
  label = jln_text_isolate (jln_action_item_get_label (item));
  isolated = jln_text_isolate (text != NULL ? text : _("Untitled"));

  /* Translators: %1$s is the label of a sub-item, like “a”, %2$s its title. */
  title = g_strdup_printf (_("%1$s. %2$s"), label, isolated);
  due = jln_semester_format (jln_action_item_get_due (item), JLN_SEMESTER_STYLE_LONG,
                             get_lang (self));
  if (due[0] != '\0')
    subtitle = g_strdup_printf ("%s · %s", status, due);
  else
    subtitle = g_strdup (status);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), subtitle);
}

/* The buttons say which sub-item they move, and cannot move it past an end. */
static void
update_buttons (JlnItemRow *self)
{
  g_autofree char *label = NULL;
  g_autofree char *up_label = NULL;
  g_autofree char *down_label = NULL;
  g_autofree char *remove_label = NULL;
  JlnRecord *record = jln_field_binding_get_record (self->binding);

  if (self->up_button == NULL || record == NULL)
    return;

  label = jln_text_isolate (jln_action_item_get_label (JLN_ACTION_ITEM (record)));
  /* Translators: %s is the label of a sub-item, like “a”. */
  up_label = g_strdup_printf (_("Move sub-item %s up"), label);
  /* Translators: %s is the label of a sub-item, like “a”. */
  down_label = g_strdup_printf (_("Move sub-item %s down"), label);
  /* Translators: %s is the label of a sub-item, like “a”. */
  remove_label = g_strdup_printf (_("Remove sub-item %s"), label);
  set_label (self->up_button, up_label);
  set_label (self->down_button, down_label);
  set_label (self->remove_button, remove_label);

  gtk_widget_set_sensitive (self->up_button,
                            self->position != GTK_INVALID_LIST_POSITION && self->position > 0);
  gtk_widget_set_sensitive (self->down_button,
                            self->position != GTK_INVALID_LIST_POSITION &&
                            self->position + 1 < self->n_items);
}

static void
bind_field (JlnItemRow *self,
            gpointer    row)
{
  g_object_set (row,
                "session", jln_field_binding_get_session (self->binding),
                "record", jln_field_binding_get_record (self->binding),
                NULL);
}

/* Shows the sub-item in the fields, if they are made. */
static void
bind_fields (JlnItemRow *self)
{
  for (guint i = 0; self->fields != NULL && i < self->fields->len; i++)
    {
      GObject *row = g_ptr_array_index (self->fields, i);

      if (!JLN_IS_ERROR_ROW (row) &&
          g_object_class_find_property (G_OBJECT_GET_CLASS (row), "record") != NULL)
        bind_field (self, row);
    }
}

static void
up_clicked_cb (JlnItemRow *self)
{
  g_signal_emit (self, signals[MOVE], 0, -1);
}

static void
down_clicked_cb (JlnItemRow *self)
{
  g_signal_emit (self, signals[MOVE], 0, 1);
}

static void
remove_clicked_cb (JlnItemRow *self)
{
  g_signal_emit (self, signals[REMOVE], 0);
}

/* The fields and the buttons, made once, when first needed. */
static void
build_fields (JlnItemRow *self)
{
  g_autoptr(GtkBuilder) builder = NULL;
  GtkWidget *previous = NULL;
  GtkWidget *fields;
  GtkWidget *row;

  if (self->up_button != NULL)
    return;

  self->fields = g_ptr_array_new_with_free_func (g_object_unref);
  builder = gtk_builder_new ();
  gtk_builder_add_from_resource (builder, "/org/jalons/Jalons/jln-item-row.ui", NULL);
  fields = GTK_WIDGET (gtk_builder_get_object (builder, "fields"));
  g_assert (fields != NULL);
  while ((row = gtk_widget_get_first_child (fields)) != NULL)
    {
      g_object_ref (row);
      gtk_list_box_remove (GTK_LIST_BOX (fields), row);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (self), row);
      if (JLN_IS_ERROR_ROW (row) && previous != NULL)
        g_object_bind_property (previous, "error", row, "message", G_BINDING_SYNC_CREATE);
      else if (g_object_class_find_property (G_OBJECT_GET_CLASS (row), "record") != NULL)
        bind_field (self, row);
      g_ptr_array_add (self->fields, row);
      previous = row;
    }

  self->title_row = GTK_WIDGET (gtk_builder_get_object (builder, "title_row"));
  self->up_button = GTK_WIDGET (gtk_builder_get_object (builder, "up_button"));
  self->down_button = GTK_WIDGET (gtk_builder_get_object (builder, "down_button"));
  self->remove_button = GTK_WIDGET (gtk_builder_get_object (builder, "remove_button"));
  g_signal_connect_swapped (self->up_button, "clicked", G_CALLBACK (up_clicked_cb), self);
  g_signal_connect_swapped (self->down_button, "clicked", G_CALLBACK (down_clicked_cb), self);
  g_signal_connect_swapped (self->remove_button, "clicked", G_CALLBACK (remove_clicked_cb), self);
  update_buttons (self);
}

static void
expanded_changed_cb (JlnItemRow *self)
{
  if (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (self)))
    build_fields (self);
}

static void
binding_changed_cb (gpointer       owner,
                    JlnFieldChange change)
{
  JlnItemRow *self = owner;

  if (change == JLN_FIELD_CHANGE_SESSION || change == JLN_FIELD_CHANGE_RECORD)
    bind_fields (self);
  update_heading (self);
  if (change != JLN_FIELD_CHANGE_SESSION)
    update_buttons (self);
}

static GtkWidget *
find_action_row (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = ADW_IS_ACTION_ROW (child) ? child : find_action_row (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
jln_item_row_dispose (GObject *object)
{
  JlnItemRow *self = JLN_ITEM_ROW (object);

  /* The fields are bound to the row: they go while it is still whole. */
  for (guint i = 0; self->fields != NULL && i < self->fields->len; i++)
    adw_expander_row_remove (ADW_EXPANDER_ROW (self), g_ptr_array_index (self->fields, i));
  g_clear_pointer (&self->fields, g_ptr_array_unref);
  jln_field_binding_unbind (self->binding);

  G_OBJECT_CLASS (jln_item_row_parent_class)->dispose (object);
}

static void
jln_item_row_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  if (!jln_field_binding_get_property (JLN_ITEM_ROW (object)->binding, pspec, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
jln_item_row_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  if (!jln_field_binding_set_property (JLN_ITEM_ROW (object)->binding, pspec, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
jln_item_row_class_init (JlnItemRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = jln_item_row_dispose;
  object_class->get_property = jln_item_row_get_property;
  object_class->set_property = jln_item_row_set_property;

  /* "session" also gives the language of the title; "record" is a
   * sub-item. */
  jln_field_binding_install_properties (object_class, PROP_SESSION, JLN_FIELD_BINDING_NO_FIELD);

  /**
   * JlnItemRow::move:
   * @delta: -1 to move the sub-item up, 1 down
   *
   * The user asked to move the sub-item.
   */
  signals[MOVE] = g_signal_new ("move", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);
  /**
   * JlnItemRow::remove:
   *
   * The user asked to remove the sub-item.
   */
  signals[REMOVE] = g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 0);


  /* The fields' types, for the builder that makes them. */
  g_type_ensure (JLN_TYPE_ENTRY_ROW);
  g_type_ensure (JLN_TYPE_ERROR_ROW);
  g_type_ensure (JLN_TYPE_REFS_ROW);
  g_type_ensure (JLN_TYPE_SEMESTER_ROW);
  g_type_ensure (JLN_TYPE_STATUS_ROW);
  g_type_ensure (JLN_TYPE_TEXT_ROW);
}

static void
jln_item_row_init (JlnItemRow *self)
{
  GtkWidget *header;

  self->binding = jln_field_binding_new (self, JLN_FIELD_BINDING_NO_FIELD, binding_changed_cb);
  jln_field_binding_connect_session (self->binding, "notify::content-language",
                                     G_CALLBACK (update_heading));
  self->position = GTK_INVALID_LIST_POSITION;
  /* The heading has no template: a screenful of rows is made each time
   * an action is shown, and a template would be read for each. */
  gtk_widget_set_name (GTK_WIDGET (self), "item");
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);
  g_signal_connect (self, "notify::expanded", G_CALLBACK (expanded_changed_cb), NULL);

  /* A label that wraps is measured again and again: one line each keeps
   * a screenful of rows quick to lay out. The title is read in full in
   * the expanded row, and by screen readers. libadwaita 1.2 has these
   * settings on the action row that heads the expander row only. */
  header = find_action_row (GTK_WIDGET (self));
  if (header != NULL)
    {
      adw_action_row_set_title_lines (ADW_ACTION_ROW (header), 1);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (header), 1);
    }
}

GtkWidget *
jln_item_row_new (void)
{
  return g_object_new (JLN_TYPE_ITEM_ROW, NULL);
}

/**
 * jln_item_row_get_session:
 *
 * Returns: (transfer none) (nullable): the session edits go to
 */
JlnSession *
jln_item_row_get_session (JlnItemRow *self)
{
  g_return_val_if_fail (JLN_IS_ITEM_ROW (self), NULL);
  return jln_field_binding_get_session (self->binding);
}

void
jln_item_row_set_session (JlnItemRow *self,
                          JlnSession *session)
{
  g_return_if_fail (JLN_IS_ITEM_ROW (self));
  jln_field_binding_set_session (self->binding, session);
}

/**
 * jln_item_row_get_record:
 *
 * Returns: (transfer none) (nullable): the sub-item shown
 */
JlnRecord *
jln_item_row_get_record (JlnItemRow *self)
{
  g_return_val_if_fail (JLN_IS_ITEM_ROW (self), NULL);
  return jln_field_binding_get_record (self->binding);
}

/**
 * jln_item_row_set_record:
 * @record: (nullable): a sub-item
 *
 * Shows @record in the row and its fields.
 */
void
jln_item_row_set_record (JlnItemRow *self,
                         JlnRecord  *record)
{
  g_return_if_fail (JLN_IS_ITEM_ROW (self));
  g_return_if_fail (record == NULL || JLN_IS_ACTION_ITEM (record));
  jln_field_binding_set_record (self->binding, record);
}

/**
 * jln_item_row_set_position:
 * @position: the place of the sub-item among those of its action
 * @n_items: how many sub-items the action has
 *
 * Lets the buttons move the sub-item up and down as far as the ends.
 */
void
jln_item_row_set_position (JlnItemRow *self,
                           guint       position,
                           guint       n_items)
{
  g_return_if_fail (JLN_IS_ITEM_ROW (self));

  self->position = position;
  self->n_items = n_items;
  update_buttons (self);
}

/**
 * jln_item_row_focus:
 * @target: what to give the focus to
 *
 * Gives the focus to the row, or to its title or a move button, made
 * first if need be (the row is not expanded for that).
 */
void
jln_item_row_focus (JlnItemRow      *self,
                    JlnItemRowFocus  target)
{
  GtkWidget *widget = GTK_WIDGET (self);

  g_return_if_fail (JLN_IS_ITEM_ROW (self));

  if (target != JLN_ITEM_ROW_FOCUS_ROW)
    build_fields (self);
  switch (target)
    {
    case JLN_ITEM_ROW_FOCUS_TITLE:
      widget = jln_text_row_get_view (JLN_TEXT_ROW (self->title_row), get_lang (self));
      break;
    case JLN_ITEM_ROW_FOCUS_UP:
    case JLN_ITEM_ROW_FOCUS_DOWN:
      widget = target == JLN_ITEM_ROW_FOCUS_UP ? self->up_button : self->down_button;
      if (!gtk_widget_get_sensitive (widget))
        widget = target == JLN_ITEM_ROW_FOCUS_UP ? self->down_button : self->up_button;
      break;
    case JLN_ITEM_ROW_FOCUS_ROW:
    default:
      break;
    }
  gtk_widget_grab_focus (widget);
}
