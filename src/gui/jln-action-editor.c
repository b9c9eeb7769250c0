/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "jln-action.h"
#include "jln-action-editor.h"
#include "jln-action-item.h"
#include "jln-choice-row.h"
#include "jln-entry-row.h"
#include "jln-error-row.h"
#include "jln-item-row.h"
#include "jln-note.h"
#include "jln-notes-box.h"
#include "jln-objective.h"
#include "jln-plan-edits.h"
#include "jln-refs-row.h"
#include "jln-semester-row.h"
#include "jln-session.h"
#include "jln-status-row.h"
#include "jln-text-row.h"

/* The side pane that shows every field of an objective, an action or a
 * sub-item, and edits them. The rows of the fields are widgets of their
 * own, declared in the pane's template in one box for each kind of
 * record; each follows its record and commits the user's changes itself.
 * The pane puts in place the box of the kind shown and binds its rows to
 * the record, through the objective, action and item properties: moving
 * through the list changes what the rows show, not the rows. The
 * sub-items of an action are a list of their own, of JlnItemRow. */

struct _JlnActionEditor
{
  GtkWidget            parent_instance;

  JlnSession          *session;
  JlnSessionBinding   *session_binding;

  JlnDocument         *document;
  JlnLang              content_language;
  JlnRecord           *record;
  gboolean             read_only;        /* shown, not changed */

  GtkWidget           *fields;           /* the box of the fields of the kind shown */
  GPtrArray           *item_rows;        /* JlnItemRow of each sub-item on screen */
  GListModel          *items;            /* the sub-items of the action shown */
  GListModel          *items_selection;  /* the list's model over them */
  gulong               items_changed_id;
  GtkWidget           *notes_box;
  GHashTable          *expanded;         /* ids of the sub-items shown expanded */
  JlnRecord           *focus_item;       /* a sub-item to focus once its row is made */
  JlnItemRowFocus      focus_target;

  /* Template widgets */
  GtkStack            *stack;
  GtkLabel            *kind_label;
  GtkLabel            *heading_label;
  GtkLabel            *hint_label;
  GtkBox              *fields_box;
  GtkWidget           *objective_fields;
  GtkWidget           *action_fields;
  GtkWidget           *item_fields;
  GtkWidget           *details;          /* the "More Details" expander row */
  GtkWidget           *items_group;
  GtkWidget           *items_error;
  GtkWidget           *items_scroller;
  GtkGridView         *items_view;
};

G_DEFINE_FINAL_TYPE (JlnActionEditor, jln_action_editor, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_RECORD,
  PROP_OBJECTIVE,
  PROP_ACTION,
  PROP_ITEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* --- The heading ---------------------------------------------------------- */

static const char *
record_title (JlnRecord *record,
              JlnLang    lang)
{
  const char *title = jln_text_get_fallback (jln_record_get_text (record, "title"), lang, NULL);

  return title != NULL ? title : _("Untitled");
}

static void
update_heading (JlnActionEditor *self)
{
  JlnRecord *record = self->record;
  g_autofree char *kind = NULL;
  g_autofree char *number = NULL;
  g_autofree char *label = NULL;

  if (record == NULL)
    return;

  /* Numbers and labels are plan text, isolated so that they cannot
   * reorder the words around them. */
  if (JLN_IS_ACTION (record))
    {
      number = jln_text_isolate (jln_action_get_number (JLN_ACTION (record)));
      /* Translators: %s is the number of an action, like “1.4”. */
      kind = g_strdup_printf (_("Action %s"), number);
    }
  else if (JLN_IS_OBJECTIVE (record))
    {
      number = jln_text_isolate (jln_objective_get_number (JLN_OBJECTIVE (record)));
      /* Translators: %s is the number of an objective, like “3” or “II”. */
      kind = g_strdup_printf (_("Objective %s"), number);
    }
  else if (JLN_IS_ACTION_ITEM (record))
    {
      JlnRecord *parent = jln_record_get_parent (record);

      number = jln_text_isolate (JLN_IS_ACTION (parent)
                                 ? jln_action_get_number (JLN_ACTION (parent)) : "");
      label = jln_text_isolate (jln_action_item_get_label (JLN_ACTION_ITEM (record)));
      /* Translators: %1$s is the number of an action, %2$s the label of
       * its sub-item: “1.8 a”. */
      kind = g_strdup_printf (_("Sub-item %1$s %2$s"), number, label);
    }

  gtk_label_set_text (self->kind_label, kind != NULL ? kind : "");
  gtk_label_set_text (self->heading_label, record_title (record, self->content_language));

  /* An objective without actions says how to add one. */
  gtk_widget_set_visible (GTK_WIDGET (self->hint_label),
                          JLN_IS_OBJECTIVE (record) &&
                          g_list_model_get_n_items (jln_objective_get_actions (JLN_OBJECTIVE (record))) == 0);
  gtk_label_set_text (self->hint_label,
                      _("This objective has no actions yet. Add one with the + button of the header "
                        "bar, or Ctrl+Shift+A."));
}

static void
record_notify_cb (JlnActionEditor *self)
{
  update_heading (self);
}

/* --- The sub-items -------------------------------------------------------- */

static void
show_items_error (JlnActionEditor *self,
                  const char      *message)
{
  gtk_label_set_text (GTK_LABEL (self->items_error), message != NULL ? message : "");
  gtk_widget_set_visible (self->items_error, message != NULL);
}

/* Only the sub-items on screen have a row: these are found among them. */
static JlnItemRow *
find_item_row (JlnActionEditor *self,
               JlnRecord       *item)
{
  for (guint i = 0; self->item_rows != NULL && i < self->item_rows->len; i++)
    {
      JlnItemRow *row = g_ptr_array_index (self->item_rows, i);

      if (jln_item_row_get_record (row) == item)
        return row;
    }
  return NULL;
}

/* Gives the focus to @item's row as the last user action asks, now if
 * the row is on screen, or once the list has made it. */
static void
grab_item_focus (JlnActionEditor *self,
                 JlnRecord       *item,
                 JlnItemRowFocus  target)
{
  JlnItemRow *row = find_item_row (self, item);

  if (row == NULL)
    {
      g_set_object (&self->focus_item, item);
      self->focus_target = target;
      return;
    }
  g_clear_object (&self->focus_item);
  jln_item_row_focus (row, target);
}

static void
scroll_to_item (JlnActionEditor *self,
                guint            position)
{
  gtk_widget_activate_action (GTK_WIDGET (self->items_view), "list.scroll-to-item",
                              "u", position);
}

static void
apply_item_edit (JlnActionEditor *self,
                 JlnEdit         *edit)
{
  g_autoptr(GError) error = NULL;

  if (self->document == NULL)
    return;
  if (!jln_document_apply (self->document, edit, &error))
    show_items_error (self, error->message);
  else
    show_items_error (self, NULL);
}

static void
item_move_cb (JlnItemRow      *row,
              int              delta,
              JlnActionEditor *self)
{
  g_autoptr(JlnRecord) item = NULL;
  g_autoptr(JlnEdit) edit = NULL;
  guint position;

  if (jln_item_row_get_record (row) == NULL || self->items == NULL)
    return;
  item = g_object_ref (jln_item_row_get_record (row));
  if (!jln_record_get_position (item, &position))
    return;
  if ((delta < 0 && position == 0) ||
      (delta > 0 && position + 1 >= g_list_model_get_n_items (self->items)))
    return;

  edit = jln_plan_edit_move_by (item, delta);
  apply_item_edit (self, edit);

  /* The row may be made anew: keep the focus on the button that was pressed. */
  if (jln_record_get_position (item, &position))
    {
      scroll_to_item (self, position);
      grab_item_focus (self, item, delta < 0 ? JLN_ITEM_ROW_FOCUS_UP : JLN_ITEM_ROW_FOCUS_DOWN);
    }
}

static void
item_remove_cb (JlnItemRow      *row,
                JlnActionEditor *self)
{
  g_autoptr(JlnEdit) edit = NULL;
  guint position = 0;
  guint n_items;

  if (jln_item_row_get_record (row) == NULL || self->items == NULL)
    return;

  jln_record_get_position (jln_item_row_get_record (row), &position);
  edit = jln_plan_edit_delete (jln_item_row_get_record (row));
  apply_item_edit (self, edit);

  /* The focus goes to the sub-item that took its place, or the one before. */
  n_items = g_list_model_get_n_items (self->items);
  if (n_items > 0)
    {
      g_autoptr(JlnRecord) next = g_list_model_get_item (self->items, MIN (position, n_items - 1));

      scroll_to_item (self, MIN (position, n_items - 1));
      grab_item_focus (self, next, JLN_ITEM_ROW_FOCUS_ROW);
    }
}

static void
item_expanded_cb (JlnItemRow      *row,
                  GParamSpec      *pspec,
                  JlnActionEditor *self)
{
  JlnRecord *item = jln_item_row_get_record (row);

  if (item == NULL)
    return;
  if (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)))
    g_hash_table_add (self->expanded, g_strdup (jln_record_get_id (item)));
  else
    g_hash_table_remove (self->expanded, jln_record_get_id (item));
}

static void
item_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               JlnActionEditor          *self)
{
  GtkWidget *row = jln_item_row_new ();

  /* A row is a group of fields, not a choice. */
  gtk_list_item_set_activatable (list_item, FALSE);
  gtk_list_item_set_selectable (list_item, FALSE);
  g_object_set_data (G_OBJECT (row), "jln-list-item", list_item);
  g_signal_connect_object (row, "move", G_CALLBACK (item_move_cb), self, 0);
  g_signal_connect_object (row, "remove", G_CALLBACK (item_remove_cb), self, 0);
  g_signal_connect_object (row, "notify::expanded", G_CALLBACK (item_expanded_cb), self, 0);
  gtk_list_item_set_child (list_item, row);
}

static void
item_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              JlnActionEditor          *self)
{
  JlnItemRow *row = JLN_ITEM_ROW (gtk_list_item_get_child (list_item));
  JlnRecord *item = gtk_list_item_get_item (list_item);

  jln_item_row_set_session (row, self->session);
  jln_item_row_set_record (row, item);
  jln_item_row_set_position (row, gtk_list_item_get_position (list_item),
                             g_list_model_get_n_items (self->items));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row),
                                 g_hash_table_contains (self->expanded, jln_record_get_id (item)));
  g_ptr_array_add (self->item_rows, row);
  if (self->focus_item == item)
    grab_item_focus (self, item, self->focus_target);
}

static void
item_unbind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                JlnActionEditor          *self)
{
  JlnItemRow *row = JLN_ITEM_ROW (gtk_list_item_get_child (list_item));

  g_ptr_array_remove_fast (self->item_rows, row);
  jln_item_row_set_record (row, NULL);
}

/* Called after the list has taken the change in: rows that stay keep
 * their sub-item, but their place may have changed. */
static void
items_changed_cb (GListModel      *model,
                  guint            position,
                  guint            removed,
                  guint            added,
                  JlnActionEditor *self)
{
  guint n_items = g_list_model_get_n_items (model);

  for (guint i = 0; i < self->item_rows->len; i++)
    {
      JlnItemRow *row = g_ptr_array_index (self->item_rows, i);
      GtkListItem *list_item = g_object_get_data (G_OBJECT (row), "jln-list-item");

      jln_item_row_set_position (row, gtk_list_item_get_position (list_item), n_items);
    }
  gtk_widget_set_visible (self->items_scroller, n_items > 0);
}

static void
add_item_clicked_cb (GtkButton       *button,
                     JlnActionEditor *self)
{
  JlnRecord *added = NULL;
  g_autoptr(JlnRecord) item = NULL;
  g_autoptr(JlnEdit) edit = NULL;
  guint position;

  if (!JLN_IS_ACTION (self->record) || self->items == NULL)
    return;

  edit = jln_plan_edit_add_item (self->record, &added);
  item = g_object_ref (added);
  g_hash_table_add (self->expanded, g_strdup (jln_record_get_id (item)));
  apply_item_edit (self, edit);

  if (jln_record_get_position (item, &position))
    {
      scroll_to_item (self, position);
      grab_item_focus (self, item, JLN_ITEM_ROW_FOCUS_TITLE);
    }
}

/* Shows @items (nullable) in the list of the pane. The list keeps its
 * model over them from one action to the next, so that it only takes
 * in the sub-items that change rather than starting again. */
static void
items_set (JlnActionEditor *self,
           GListModel      *items)
{
  if (self->items_selection == NULL)
    {
      if (items == NULL)
        return;
      self->items_selection = G_LIST_MODEL (gtk_no_selection_new (NULL));
      gtk_grid_view_set_model (self->items_view, GTK_SELECTION_MODEL (self->items_selection));
      /* After the list's own handler. */
      self->items_changed_id = g_signal_connect (self->items_selection, "items-changed",
                                                 G_CALLBACK (items_changed_cb), self);
    }
  if (!g_set_object (&self->items, items))
    return;
  gtk_no_selection_set_model (GTK_NO_SELECTION (self->items_selection), items);
}

/* Lets go of the sub-items shown: the list lets go of their rows. */
static void
items_clear (JlnActionEditor *self)
{
  items_set (self, NULL);
  g_assert (self->item_rows->len == 0);
  g_clear_object (&self->focus_item);
}

/* Shows the sub-items of the action shown in the list of the pane,
 * from the first one. */
static void
items_show_action (JlnActionEditor *self)
{
  GtkAdjustment *adjustment;
  guint n_items;

  g_clear_object (&self->focus_item);
  show_items_error (self, NULL);
  items_set (self, jln_action_get_items (JLN_ACTION (self->record)));
  n_items = g_list_model_get_n_items (self->items);
  /* The list of another action starts from its first sub-item. */
  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->items_view));
  if (adjustment != NULL && n_items > 0)
    gtk_adjustment_set_value (adjustment, 0);
  gtk_widget_set_visible (self->items_scroller, n_items > 0);
}

/* --- Showing a record ----------------------------------------------------- */

/* Commits what the user typed in the field that has the focus, before
 * the pane shows something else. */
static void
flush (JlnActionEditor *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self)))
    return;
  for (GtkWidget *widget = focus; widget != GTK_WIDGET (self);
       widget = gtk_widget_get_parent (widget))
    {
      if (JLN_IS_TEXT_ROW (widget))
        {
          jln_text_row_commit (JLN_TEXT_ROW (widget));
          return;
        }
      if (JLN_IS_ENTRY_ROW (widget))
        {
          jln_entry_row_commit (JLN_ENTRY_ROW (widget));
          return;
        }
    }
}

/* Shows the notes of the record shown, last in the pane. */
static void
show_notes (JlnActionEditor *self)
{
  gboolean has_notes = self->record != NULL && jln_note_kind_for (self->record) != JLN_N_KINDS;

  /* From one record to the next, the same box shows the next one's. */
  if (has_notes && self->notes_box != NULL)
    {
      jln_notes_box_set_owner (JLN_NOTES_BOX (self->notes_box), self->record);
      return;
    }
  if (self->notes_box != NULL)
    gtk_box_remove (self->fields_box, self->notes_box);
  self->notes_box = NULL;
  if (has_notes)
    {
      self->notes_box = jln_notes_box_new (self->session, self->record);
      gtk_box_append (self->fields_box, self->notes_box);
    }
}

/* The fields of each kind of record come into the pane the first time
 * a record of that kind is shown, and stay, hidden while another kind
 * is shown: from an action to a sub-item, Page Down in the list shows
 * one box and hides another, instead of taking a box of rows out of the
 * window and putting one in (which styles, realizes and maps every row
 * again). They come in the order objective, action, sub-item, before
 * the sub-items and the notes. */
static void
ensure_fields_in_pane (JlnActionEditor *self,
                       GtkWidget       *fields)
{
  GtkWidget *kinds[] = { self->objective_fields, self->action_fields, self->item_fields };
  GtkWidget *after = NULL;

  if (gtk_widget_get_parent (fields) != NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (kinds) && kinds[i] != fields; i++)
    if (gtk_widget_get_parent (kinds[i]) != NULL)
      after = kinds[i];
  gtk_box_insert_child_after (self->fields_box, fields, after);
}

/* Puts in place the fields of the kind of self->record, whose rows are
 * already bound to it, and its sub-items. */
static void
show_record (JlnActionEditor *self)
{
  GtkWidget *fields = NULL;

  if (JLN_IS_ACTION (self->record))
    fields = self->action_fields;
  else if (JLN_IS_OBJECTIVE (self->record))
    fields = self->objective_fields;
  else if (JLN_IS_ACTION_ITEM (self->record))
    fields = self->item_fields;

  if (fields != self->fields)
    {
      if (self->fields != NULL)
        gtk_widget_set_visible (self->fields, FALSE);
      self->fields = fields;
      if (fields != NULL)
        {
          ensure_fields_in_pane (self, fields);
          gtk_widget_set_visible (fields, TRUE);
        }
    }
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (self->details), FALSE);

  if (JLN_IS_ACTION (self->record))
    items_show_action (self);
  else
    items_clear (self);
  gtk_widget_set_visible (self->items_group, JLN_IS_ACTION (self->record));
  show_notes (self);

  if (self->record == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  update_heading (self);
  gtk_stack_set_visible_child_name (self->stack, "record");
}

/* The first widget named @name at or under @widget. The rows inside
 * the boxes of the fields are not children of the template: only the
 * boxes are. */
static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The record shown if it is of @type, for the rows of that kind. */
static JlnRecord *
record_of_type (JlnActionEditor *self,
                GType            type)
{
  return self->record != NULL && G_TYPE_CHECK_INSTANCE_TYPE (self->record, type)
         ? self->record : NULL;
}

/* --- GObject -------------------------------------------------------------- */

static void
jln_action_editor_dispose (GObject *object)
{
  JlnActionEditor *self = JLN_ACTION_EDITOR (object);

  /* The template's widgets are still there the first time only. */
  if (self->items_view != NULL)
    {
      items_clear (self);
      gtk_grid_view_set_model (self->items_view, NULL);
    }
  if (self->items_selection != NULL)
    {
      g_clear_signal_handler (&self->items_changed_id, self->items_selection);
      g_clear_object (&self->items_selection);
    }
  if (self->record != NULL)
    g_signal_handlers_disconnect_by_func (self->record, record_notify_cb, self);
  g_clear_pointer (&self->item_rows, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), JLN_TYPE_ACTION_EDITOR);
  g_clear_object (&self->record);
  jln_session_binding_set_session (self->session_binding, NULL);
  g_clear_object (&self->session);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (jln_action_editor_parent_class)->dispose (object);
}

static void
jln_action_editor_finalize (GObject *object)
{
  JlnActionEditor *self = JLN_ACTION_EDITOR (object);

  g_clear_pointer (&self->expanded, g_hash_table_unref);

  G_OBJECT_CLASS (jln_action_editor_parent_class)->finalize (object);
}

static void
jln_action_editor_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  JlnActionEditor *self = JLN_ACTION_EDITOR (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_RECORD:
      g_value_set_object (value, self->record);
      break;
    case PROP_OBJECTIVE:
      g_value_set_object (value, record_of_type (self, JLN_TYPE_OBJECTIVE));
      break;
    case PROP_ACTION:
      g_value_set_object (value, record_of_type (self, JLN_TYPE_ACTION));
      break;
    case PROP_ITEM:
      g_value_set_object (value, record_of_type (self, JLN_TYPE_ACTION_ITEM));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jln_action_editor_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  JlnActionEditor *self = JLN_ACTION_EDITOR (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      jln_action_editor_set_session (self, g_value_get_object (value));
      break;
    case PROP_RECORD:
      jln_action_editor_set_record (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jln_action_editor_class_init (JlnActionEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jln_action_editor_dispose;
  object_class->finalize = jln_action_editor_finalize;
  object_class->get_property = jln_action_editor_get_property;
  object_class->set_property = jln_action_editor_set_property;

  /**
   * JlnActionEditor:session:
   *
   * The window's session: the editor applies edits to its document,
   * shows its selected record and writes in its content language.
   */
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, JLN_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /**
   * JlnActionEditor:record:
   *
   * The objective, action or sub-item shown, or %NULL.
   */
  properties[PROP_RECORD] =
    g_param_spec_object ("record", NULL, NULL, JLN_TYPE_RECORD,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /**
   * JlnActionEditor:objective:
   *
   * The record shown if it is an objective, or %NULL: what the rows of
   * an objective's fields are bound to.
   */
  properties[PROP_OBJECTIVE] =
    g_param_spec_object ("objective", NULL, NULL, JLN_TYPE_RECORD,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /**
   * JlnActionEditor:action:
   *
   * The record shown if it is an action, or %NULL.
   */
  properties[PROP_ACTION] =
    g_param_spec_object ("action", NULL, NULL, JLN_TYPE_RECORD,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /**
   * JlnActionEditor:item:
   *
   * The record shown if it is a sub-item, or %NULL.
   */
  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, JLN_TYPE_RECORD,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (JLN_TYPE_CHOICE_ROW);
  g_type_ensure (JLN_TYPE_ENTRY_ROW);
  g_type_ensure (JLN_TYPE_ERROR_ROW);
  g_type_ensure (JLN_TYPE_REFS_ROW);
  g_type_ensure (JLN_TYPE_SEMESTER_ROW);
  g_type_ensure (JLN_TYPE_STATUS_ROW);
  g_type_ensure (JLN_TYPE_TEXT_ROW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/jalons/Jalons/jln-action-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, JlnActionEditor, stack);
  gtk_widget_class_bind_template_child (widget_class, JlnActionEditor, kind_label);
  gtk_widget_class_bind_template_child (widget_class, JlnActionEditor, heading_label);
  gtk_widget_class_bind_template_child (widget_class, JlnActionEditor, hint_label);
  gtk_widget_class_bind_template_child (widget_class, JlnActionEditor, fields_box);
  gtk_widget_class_bind_template_child (widget_class, JlnActionEditor, objective_fields);
  gtk_widget_class_bind_template_child (widget_class, JlnActionEditor, action_fields);
  gtk_widget_class_bind_template_child (widget_class, JlnActionEditor, item_fields);
  gtk_widget_class_bind_template_child (widget_class, JlnActionEditor, items_group);
  gtk_widget_class_bind_template_child (widget_class, JlnActionEditor, items_error);
  gtk_widget_class_bind_template_child (widget_class, JlnActionEditor, items_scroller);
  gtk_widget_class_bind_template_child (widget_class, JlnActionEditor, items_view);
  gtk_widget_class_bind_template_callback (widget_class, add_item_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, item_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, item_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, item_unbind_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "jln-action-editor");
}

static void session_plan_changed_cb (JlnActionEditor *self);
static void session_content_language_changed_cb (JlnActionEditor *self);
static void session_selected_changed_cb (JlnActionEditor *self);

static void
jln_action_editor_init (JlnActionEditor *self)
{
  self->item_rows = g_ptr_array_new ();
  self->expanded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->details = find_named (self->action_fields, "details");
  g_assert (ADW_IS_EXPANDER_ROW (self->details));

  self->session_binding = jln_session_binding_new (self);
  jln_session_binding_connect (self->session_binding, "notify::plan",
                               G_CALLBACK (session_plan_changed_cb));
  jln_session_binding_connect (self->session_binding, "notify::content-language",
                               G_CALLBACK (session_content_language_changed_cb));
  jln_session_binding_connect (self->session_binding, "notify::selected",
                               G_CALLBACK (session_selected_changed_cb));
}

GtkWidget *
jln_action_editor_new (void)
{
  return g_object_new (JLN_TYPE_ACTION_EDITOR, NULL);
}

JlnDocument *
jln_action_editor_get_document (JlnActionEditor *self)
{
  g_return_val_if_fail (JLN_IS_ACTION_EDITOR (self), NULL);
  return self->document;
}

/* @document: (nullable): the document edits are applied to. Without a
 * document, the fields are shown but cannot be changed. */
static void
set_document (JlnActionEditor *self,
              JlnDocument     *document)
{
  if (!g_set_object (&self->document, document))
    return;
  gtk_widget_set_sensitive (GTK_WIDGET (self->fields_box), document != NULL && !self->read_only);
}

/**
 * jln_action_editor_set_editable:
 * @editable: whether the plan may be changed
 *
 * A plan that is read-only, or whose file was replaced, is shown with
 * every field and button of the pane off.
 */
void
jln_action_editor_set_editable (JlnActionEditor *self,
                                gboolean         editable)
{
  g_return_if_fail (JLN_IS_ACTION_EDITOR (self));

  self->read_only = !editable;
  gtk_widget_set_sensitive (GTK_WIDGET (self->fields_box),
                            self->document != NULL && !self->read_only);
}

JlnLang
jln_action_editor_get_content_language (JlnActionEditor *self)
{
  g_return_val_if_fail (JLN_IS_ACTION_EDITOR (self), JLN_LANG_FR);
  return self->content_language;
}

/* The language of the heading, the sub-item titles, the unit and
 * principle names. Both languages of every text are shown and edited
 * whatever it is; the rows follow the session's language themselves. */
static void
set_content_language (JlnActionEditor *self,
                      JlnLang          lang)
{
  if (self->content_language == lang)
    return;
  flush (self);
  self->content_language = lang;
  update_heading (self);
}

/**
 * jln_action_editor_get_record:
 *
 * Returns: (transfer none) (nullable): the record shown
 */
JlnRecord *
jln_action_editor_get_record (JlnActionEditor *self)
{
  g_return_val_if_fail (JLN_IS_ACTION_EDITOR (self), NULL);
  return self->record;
}

/**
 * jln_action_editor_set_record:
 * @record: (nullable): an objective, an action or a sub-item
 *
 * Shows @record. What the user was typing in the previous record is
 * committed first.
 */
void
jln_action_editor_set_record (JlnActionEditor *self,
                              JlnRecord       *record)
{
  JlnRecord *before[N_PROPS] = { NULL, };

  g_return_if_fail (JLN_IS_ACTION_EDITOR (self));
  g_return_if_fail (record == NULL ||
                    JLN_IS_ACTION (record) ||
                    JLN_IS_OBJECTIVE (record) ||
                    JLN_IS_ACTION_ITEM (record));

  if (self->record == record)
    return;

  flush (self);
  before[PROP_OBJECTIVE] = record_of_type (self, JLN_TYPE_OBJECTIVE);
  before[PROP_ACTION] = record_of_type (self, JLN_TYPE_ACTION);
  before[PROP_ITEM] = record_of_type (self, JLN_TYPE_ACTION_ITEM);
  if (self->record != NULL)
    g_signal_handlers_disconnect_by_func (self->record, record_notify_cb, self);
  g_set_object (&self->record, record);
  if (record != NULL)
    g_signal_connect_object (record, "notify", G_CALLBACK (record_notify_cb), self,
                             G_CONNECT_SWAPPED);
  g_hash_table_remove_all (self->expanded);

  /* The rows of each kind follow the property of their kind. */
  if (before[PROP_OBJECTIVE] != record_of_type (self, JLN_TYPE_OBJECTIVE))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OBJECTIVE]);
  if (before[PROP_ACTION] != record_of_type (self, JLN_TYPE_ACTION))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTION]);
  if (before[PROP_ITEM] != record_of_type (self, JLN_TYPE_ACTION_ITEM))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
  show_record (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECORD]);
}

/* --- The session ---------------------------------------------------------- */

/* A plan read again: the record of the same id in it, which the session
 * selected, is shown in place of the old one. */
static void
session_plan_changed_cb (JlnActionEditor *self)
{
  JlnDocument *document = jln_session_get_document (self->session);

  jln_action_editor_set_record (self, NULL);
  if (document == self->document)
    set_document (self, NULL);
  set_document (self, document);
  jln_action_editor_set_record (self, jln_session_get_selected (self->session));
}

static void
session_content_language_changed_cb (JlnActionEditor *self)
{
  set_content_language (self, jln_session_get_content_language (self->session));
}

static void
session_selected_changed_cb (JlnActionEditor *self)
{
  jln_action_editor_set_record (self, jln_session_get_selected (self->session));
}

/**
 * jln_action_editor_get_session:
 *
 * Returns: (transfer none) (nullable): the session the editor follows
 */
JlnSession *
jln_action_editor_get_session (JlnActionEditor *self)
{
  g_return_val_if_fail (JLN_IS_ACTION_EDITOR (self), NULL);
  return self->session;
}

/**
 * jln_action_editor_set_session:
 * @session: (nullable): the window's session
 *
 * Edits the session's document, shows its selected record and writes in
 * its content language.
 */
void
jln_action_editor_set_session (JlnActionEditor *self,
                               JlnSession      *session)
{
  g_return_if_fail (JLN_IS_ACTION_EDITOR (self));
  g_return_if_fail (session == NULL || JLN_IS_SESSION (session));

  if (self->session == session)
    return;

  g_set_object (&self->session, session);
  jln_session_binding_set_session (self->session_binding, session);

  if (session != NULL)
    {
      set_content_language (self, jln_session_get_content_language (session));
      session_plan_changed_cb (self);
    }
  else
    {
      jln_action_editor_set_record (self, NULL);
      set_document (self, NULL);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}
