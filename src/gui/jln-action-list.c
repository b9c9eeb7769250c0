/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <adwaita.h>

#include "jln-action.h"
#include "jln-action-item.h"
#include "jln-action-grid.h"
#include "jln-action-list.h"
#include "jln-action-sorters.h"
#include "jln-filter-bar.h"
#include "jln-objective.h"
#include "jln-record-text.h"
#include "jln-row-model.h"
#include "jln-session.h"
#include "jln-unit.h"

/* The list of a plan's actions, grouped under their objectives, with
 * sub-items under their action. The view sits on one model of its own:
 *
 *   JlnRowModel: the shown rows, flat, computed from the plan's stores in
 *   one pass with the window's JlnQueryFilter, sorted among siblings
 *     └ GtkSingleSelection ─ JlnActionGrid
 *
 * GTK 4.8's tree list and incremental filter models took tens of
 * milliseconds per keystroke on a large plan; see jln-row-model.c. The
 * grid draws the rows itself (see jln-action-grid.c): a column view
 * rebound, restyled and measured every row that scrolled into view. */

struct _JlnActionList
{
  GtkWidget            parent_instance;

  JlnSession            *session;
  JlnSessionBinding     *session_binding;
  gboolean               following_session;

  JlnDocument         *document;
  JlnQueryFilter      *filter;
  JlnLang              content_language;

  /* Models, from the plan's stores up to the view; see above. */
  JlnRowModel         *row_model;
  GtkSingleSelection  *selection;
  GtkSorter           *sorters[JLN_N_ACTION_COLUMNS];
  GtkSorter           *sorter;            /* the one the rows are sorted by, or NULL */
  JlnActionSortKeys   *sort_keys;

  guint                n_shown;
  guint                n_total;
  guint                notified_shown;
  guint                notified_total;
  gboolean             pending;
  gboolean             show_first;        /* a new filter or sort: its first row, once listed */
  guint                scroll_tick_id;
  guint                scroll_idle_id;

  JlnRecord           *selected;
  JlnRow              *pinned_row;        /* the selected row, bound while selected */
  guint                held_key;          /* a key that moves the selection, held down */
  gboolean             key_repeats;       /* ... and repeating */
  gboolean             navigating;        /* keys move the selection: the session waits */
  guint                settle_id;         /* ... until they have stopped for a moment */
  gboolean             session_behind;    /* the session has yet to follow the selection */
  GtkWidget           *row_menu;
  JlnRecord           *select_when_done;  /* asked for while filtering */
  GSettings           *settings;

  /* Template children */
  GtkSearchBar        *search_bar;
  JlnFilterBar        *filter_bar;
  JlnActionGrid       *grid;
  GtkLabel            *count_label;
  GtkStack            *list_stack;
  AdwStatusPage       *empty_page;
  GtkButton           *empty_button;
  GtkMenuButton       *legend_button;
  GtkGrid             *legend_grid;
};

G_DEFINE_FINAL_TYPE (JlnActionList, jln_action_list, GTK_TYPE_WIDGET)

static void set_filter (JlnActionList  *self,
                        JlnQueryFilter *filter);

enum {
  PROP_0,
  PROP_SESSION,
  PROP_SELECTED,
  PROP_N_SHOWN,
  PROP_N_TOTAL,
  PROP_PENDING,
  N_PROPS
};

enum {
  ACTIVATE_RECORD,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void update_count          (JlnActionList *self);
static void set_selected          (JlnActionList *self,
                                   JlnRecord     *record);

/* The menu of a row: what can be done to the selected action. */
static void
popup_row_menu (JlnActionList *self,
                GtkWidget     *widget,
                double         x,
                double         y)
{
  graphene_point_t point;

  if (self->row_menu == NULL)
    {
      g_autoptr(GMenu) menu = g_menu_new ();

      g_menu_append (menu, _("_Duplicate"), "win.duplicate");
      g_menu_append (menu, _("De_lete"), "win.delete");
      g_menu_append (menu, _("Show in _Timeline"), "win.page::timeline");
      self->row_menu = gtk_popover_menu_new_from_model (G_MENU_MODEL (menu));
      gtk_widget_set_parent (self->row_menu, GTK_WIDGET (self));
      gtk_popover_set_has_arrow (GTK_POPOVER (self->row_menu), FALSE);
      gtk_widget_set_halign (self->row_menu, GTK_ALIGN_START);
    }
  if (!gtk_widget_compute_point (widget, GTK_WIDGET (self), &GRAPHENE_POINT_INIT (x, y), &point))
    point = GRAPHENE_POINT_INIT (0, 0);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->row_menu),
                               &(GdkRectangle) { (int) point.x, (int) point.y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->row_menu));
}

static gboolean
row_menu_key_cb (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   user_data)
{
  JlnActionList *self = user_data;
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (widget));

  if (self->selected == NULL)
    return FALSE;
  if (focus == NULL || !gtk_widget_is_ancestor (focus, widget))
    focus = widget;
  popup_row_menu (self, focus, gtk_widget_get_width (focus) / 4.0, gtk_widget_get_height (focus) / 2.0);
  return TRUE;
}

static void
grid_menu_requested_cb (JlnActionList *self,
                        guint          position,
                        double         x,
                        double         y)
{
  popup_row_menu (self, GTK_WIDGET (self->grid), x, y);
}

/* Sorting */

static void ask_first_row (JlnActionList *self);
static int
compare_reversed_cb (gconstpointer a,
                     gconstpointer b,
                     gpointer      user_data)
{
  return gtk_sorter_compare (user_data, (gpointer) b, (gpointer) a);
}

static void
update_sorting (JlnActionList *self)
{
  int column = jln_action_grid_get_sort_column (self->grid);

  g_clear_object (&self->sorter);
  if (column >= 0 && jln_action_grid_get_sort_order (self->grid) == GTK_SORT_DESCENDING)
    self->sorter = GTK_SORTER (gtk_custom_sorter_new (compare_reversed_cb,
                                                      g_object_ref (self->sorters[column]),
                                                      g_object_unref));
  else if (column >= 0)
    self->sorter = g_object_ref (self->sorters[column]);

  /* Without a sort column, the rows keep the plan's order. Sorting
   * applies among siblings: actions within their objective, sub-items
   * within their action. Keys are made again for each sort, as titles
   * and the content language change. */
  if (self->row_model == NULL)
    return;
  jln_action_sort_keys_clear (self->sort_keys, self->content_language);
  jln_row_model_set_sorter (self->row_model, self->sorter);
  jln_action_sort_keys_clear (self->sort_keys, self->content_language);
  ask_first_row (self);
}

static void
grid_sort_changed_cb (JlnActionList *self)
{
  update_sorting (self);
}

/* The columns keep the widths the user dragged them to, in new windows
 * too. */
static void
grid_columns_resized_cb (JlnActionList *self)
{
  g_settings_set_value (self->settings, "list-column-widths",
                        jln_action_grid_dup_column_widths (self->grid));
}

static void
setup_columns (JlnActionList *self)
{
  const char *titles[JLN_N_ACTION_COLUMNS] = {
    /* Translators: the heading of the column of action numbers, like 1.4. */
    [JLN_ACTION_COLUMN_NUMBER] = _("No."),
    [JLN_ACTION_COLUMN_TITLE] = _("Action"),
    [JLN_ACTION_COLUMN_STATUS] = _("Status"),
    [JLN_ACTION_COLUMN_COMPLETION] = _("Completed"),
    [JLN_ACTION_COLUMN_DUE] = _("Due"),
    [JLN_ACTION_COLUMN_UNITS] = _("Units"),
  };

  for (guint i = 0; i < JLN_N_ACTION_COLUMNS; i++)
    {
      jln_action_grid_set_column_title (self->grid, i, titles[i]);
      self->sorters[i] = jln_action_sorter_new (i, self->sort_keys);
    }

  self->settings = g_settings_new (APPLICATION_ID);
  {
    g_autoptr(GVariant) widths = g_settings_get_value (self->settings, "list-column-widths");

    jln_action_grid_set_column_widths (self->grid, widths);
  }
}

/* Counting */

/* An empty list says why, and what to do. */
static void
update_empty_state (JlnActionList *self)
{
  if (self->document == NULL || self->n_shown > 0)
    {
      gtk_stack_set_visible_child_name (self->list_stack, "list");
      return;
    }

  if (self->n_total == 0)
    {
      adw_status_page_set_icon_name (self->empty_page, "view-list-symbolic");
      adw_status_page_set_title (self->empty_page, _("No Actions Yet"));
      adw_status_page_set_description (self->empty_page,
                                       _("Add an objective, then add actions to it with the + button "
                                         "of the header bar or Ctrl+Shift+A."));
      gtk_button_set_label (self->empty_button, _("New _Objective"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->empty_button), "win.add-objective");
    }
  else
    {
      adw_status_page_set_icon_name (self->empty_page, "jln-edit-find-symbolic");
      adw_status_page_set_title (self->empty_page, _("No Matching Actions"));
      adw_status_page_set_description (self->empty_page,
                                       _("Try other words, or fewer filters. Words match numbers, "
                                         "titles, descriptions and unit codes in French and English; "
                                         "terms like unit:RH, status:done or due:2023 narrow the list."));
      gtk_button_set_label (self->empty_button, _("_Clear the Search"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->empty_button), "list.clear-search");
    }
  gtk_stack_set_visible_child_name (self->list_stack, "empty");
}

static void
clear_search_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  JlnActionList *self = JLN_ACTION_LIST (widget);

  jln_query_filter_set_text (self->filter, "");
  gtk_widget_grab_focus (GTK_WIDGET (jln_filter_bar_get_search_entry (self->filter_bar)));
}

static void
update_count (JlnActionList *self)
{
  g_autofree char *text = NULL;

  self->n_shown = self->row_model != NULL ? jln_row_model_get_n_shown (self->row_model) : 0;
  self->n_total = self->row_model != NULL ? jln_row_model_get_n_total (self->row_model) : 0;

  /* Translators: the number of actions that match the search, of all the
     actions of the plan. The plural follows %1$u, the number shown; in
     English the noun goes with the total, so both forms are the same. */
  text = g_strdup_printf (ngettext ("%1$u of %2$u actions",
                                    "%1$u of %2$u actions",
                                    self->n_shown),
                          self->n_shown, self->n_total);
  gtk_label_set_text (self->count_label, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->count_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                  -1);
  update_empty_state (self);

  if (self->notified_shown != self->n_shown)
    {
      self->notified_shown = self->n_shown;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_SHOWN]);
    }
  if (self->notified_total != self->n_total)
    {
      self->notified_total = self->n_total;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_TOTAL]);
    }
}

/* Selection */

static void stop_key_repeat (JlnActionList *self);

/* Keys that move the selection (Page Down, arrows, pressed in turn or
 * held) have stopped for longer than a key repeats: the session follows. */
#define SETTLE_MS 120

static gboolean
settled_cb (gpointer data)
{
  JlnActionList *self = data;

  self->settle_id = 0;
  stop_key_repeat (self);
  return G_SOURCE_REMOVE;
}

static void
wait_for_settling (JlnActionList *self)
{
  g_clear_handle_id (&self->settle_id, g_source_remove);
  self->settle_id = g_timeout_add (SETTLE_MS, settled_cb, self);
}

static void
set_selected (JlnActionList *self,
              JlnRecord     *record)
{
  if (!g_set_object (&self->selected, record))
    return;
  if (self->session != NULL && !self->following_session)
    {
      /* While keys move the selection, the pages that follow the
       * session (the editor binds every field of a record) wait for the
       * selection to come to rest, and the list keeps up with the keys. */
      self->session_behind = self->navigating;
      if (!self->session_behind)
        jln_session_set_selected (self->session, record);
      else
        wait_for_settling (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

/* Another key pressed, or the list left: the session follows the
 * selection now. */
static void
stop_key_repeat (JlnActionList *self)
{
  g_clear_handle_id (&self->settle_id, g_source_remove);
  self->held_key = 0;
  self->key_repeats = FALSE;
  self->navigating = FALSE;
  if (!self->session_behind)
    return;
  self->session_behind = FALSE;
  if (self->session != NULL)
    jln_session_set_selected (self->session, self->selected);
}

static void
scroll_to_position (JlnActionList *self,
                    guint          position)
{
  jln_action_grid_scroll_to (self->grid, position);
}

static gboolean
select_record (JlnActionList *self,
               JlnRecord     *record)
{
  guint position;

  if (self->row_model == NULL || !jln_row_model_reveal (self->row_model, record, &position))
    return FALSE;
  gtk_single_selection_set_selected (self->selection, position);
  scroll_to_position (self, position);
  return TRUE;
}

/* Rows keep their identity across a refilter, and the selection model
 * follows its row wherever it goes: a refilter that keeps the selected
 * row keeps the selection. */
static void
selection_changed_cb (JlnActionList *self)
{
  JlnRow *row = gtk_single_selection_get_selected_item (self->selection);

  /* The selected row counts as shown, wherever the list is scrolled: the
   * row model then keeps it across refilters, and the selection with it. */
  if (row != self->pinned_row)
    {
      if (self->pinned_row != NULL)
        jln_row_unbind (self->pinned_row);
      g_clear_object (&self->pinned_row);
      if (row != NULL)
        {
          self->pinned_row = g_object_ref (row);
          jln_row_bind (row);
        }
    }
  set_selected (self, row != NULL ? jln_row_get_record (row) : NULL);
}

static void
grid_activate_cb (JlnActionList *self,
                  guint          position)
{
  g_autoptr(JlnRow) row = NULL;

  if (self->selection == NULL)
    return;
  row = g_list_model_get_item (G_LIST_MODEL (self->selection), position);
  if (row == NULL)
    return;
  g_signal_emit (self, signals[ACTIVATE_RECORD], 0, jln_row_get_record (row));
}

/* As on GtkTreeExpander: + unfolds the selected row, - folds it. */
static void
expand_selected_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  JlnActionList *self = JLN_ACTION_LIST (widget);
  JlnRow *row;

  if (self->selection == NULL)
    return;
  row = gtk_single_selection_get_selected_item (self->selection);
  if (row != NULL && jln_row_get_expandable (row))
    jln_row_model_set_expanded (self->row_model, row, g_variant_get_boolean (parameter));
}

/* Tab leaves the list for the next part of the window, and Shift+Tab for
 * its headings and then the previous part, rather than visiting every
 * row: the arrow keys move between rows. Where the view does not move the
 * focus itself, it is made unfocusable for the moment the focus moves, so
 * the window's focus chain skips over it. */
static gboolean
list_key_pressed_cb (GtkEventControllerKey *controller,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     JlnActionList         *self)
{
  GtkWidget *view = GTK_WIDGET (self->grid);
  GtkDirectionType direction;
  GtkRoot *root;

  if (keyval == GDK_KEY_Tab || keyval == GDK_KEY_KP_Tab)
    direction = GTK_DIR_TAB_FORWARD;
  else if (keyval == GDK_KEY_ISO_Left_Tab)
    direction = GTK_DIR_TAB_BACKWARD;
  else
    return FALSE;
  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0 || (root = gtk_widget_get_root (view)) == NULL)
    return FALSE;

  if (gtk_widget_child_focus (view, direction))
    return TRUE;
  gtk_widget_set_can_focus (view, FALSE);
  if (!gtk_widget_child_focus (GTK_WIDGET (root), direction))
    gtk_widget_child_focus (GTK_WIDGET (root), direction);
  gtk_widget_set_can_focus (view, TRUE);
  return TRUE;
}

static void
add_tab_out (JlnActionList *self)
{
  GtkEventController *controller = gtk_event_controller_key_new ();

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "key-pressed", G_CALLBACK (list_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->grid), controller);
}

static gboolean
moves_selection (guint keyval)
{
  switch (keyval)
    {
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
      return TRUE;
    default:
      return FALSE;
    }
}

/* A held key repeats as presses without releases between them. */
static gboolean
repeat_key_pressed_cb (GtkEventControllerKey *controller,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       JlnActionList         *self)
{
  if (keyval != 0 && keyval == self->held_key)
    {
      self->key_repeats = TRUE;
      return FALSE;
    }
  if (moves_selection (keyval))
    {
      self->held_key = keyval;
      self->key_repeats = FALSE;
      self->navigating = TRUE;
      return FALSE;
    }
  stop_key_repeat (self);
  return FALSE;
}

static void
repeat_key_released_cb (GtkEventControllerKey *controller,
                        guint                  keyval,
                        guint                  keycode,
                        GdkModifierType        state,
                        JlnActionList         *self)
{
  self->held_key = 0;
  self->key_repeats = FALSE;
  if (self->navigating)
    wait_for_settling (self);
}

/* Page Down or an arrow, held down or pressed in turn, moves the
 * selection as fast as the keys come; the session follows once they
 * stop. On the list, so as to see the keys before its view does. */
static void
add_key_repeat (JlnActionList *self)
{
  GtkEventController *controller = gtk_event_controller_key_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_event_controller_set_name (controller, "jln-list-repeat");
  g_signal_connect (controller, "key-pressed", G_CALLBACK (repeat_key_pressed_cb), self);
  g_signal_connect (controller, "key-released", G_CALLBACK (repeat_key_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (stop_key_repeat), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);
}

/* On the view rather than the widget, so that the keys reach them before
 * the search bar takes them as typing. */
static void
add_expand_shortcuts (JlnActionList *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  static const struct {
    const char *keys;
    gboolean    expand;
  } shortcuts[] = {
    { "plus|KP_Add|asterisk|KP_Multiply", TRUE },
    { "minus|KP_Subtract|slash|KP_Divide", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (shortcuts); i++)
    {
      GtkShortcut *shortcut =
        gtk_shortcut_new (gtk_shortcut_trigger_parse_string (shortcuts[i].keys),
                          gtk_named_action_new ("rows.expand-selected"));

      gtk_shortcut_set_arguments (shortcut, g_variant_new_boolean (shortcuts[i].expand));
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
    }
  /* Delete deletes the selected row, in the list only: in a text field it
   * deletes text. The window's action asks nothing, since it can be
   * undone, and says so in a toast. */
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("Delete|KP_Delete"),
                                                          gtk_named_action_new ("win.delete")));
  /* The row's menu from the keyboard, as from the mouse. */
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("Menu|<Shift>F10"),
                                                          gtk_callback_action_new (row_menu_key_cb, self, NULL)));
  gtk_event_controller_set_name (controller, "jln-list-keys");
  gtk_widget_add_controller (GTK_WIDGET (self->grid), controller);
}

/* Models */

/* A new filter or sort shows the list from its first row, rather than
 * where the old one was scrolled to, which would hide the first matches. */
static gboolean
scroll_to_top_cb (gpointer data)
{
  JlnActionList *self = data;
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->grid));

  self->scroll_idle_id = 0;
  /* Hidden, it waits to be shown again. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self->grid)))
    {
      self->show_first = TRUE;
      return G_SOURCE_REMOVE;
    }
  /* By the adjustment: scrolling the view to its first item would move
   * the selection away from the selected row. */
  if (adjustment != NULL && self->selection != NULL &&
      g_list_model_get_n_items (G_LIST_MODEL (self->selection)) > 0 &&
      gtk_adjustment_get_value (adjustment) > gtk_adjustment_get_lower (adjustment))
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_lower (adjustment));
  return G_SOURCE_REMOVE;
}

static gboolean
frame_before_scroll_cb (GtkWidget     *widget,
                        GdkFrameClock *clock,
                        gpointer       user_data)
{
  JlnActionList *self = JLN_ACTION_LIST (widget);

  self->scroll_tick_id = 0;
  self->scroll_idle_id = g_idle_add (scroll_to_top_cb, self);
  return G_SOURCE_REMOVE;
}

static void
show_first_row (JlnActionList *self)
{
  self->show_first = FALSE;
  /* Once the view has laid the new rows out: after the next frame. */
  if (self->scroll_tick_id == 0 && self->scroll_idle_id == 0 && self->grid != NULL)
    self->scroll_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), frame_before_scroll_cb,
                                                         NULL, NULL);
}

static void
mapped_cb (GtkWidget *grid)
{
  JlnActionList *self = JLN_ACTION_LIST (gtk_widget_get_ancestor (grid, JLN_TYPE_ACTION_LIST));

  if (self->show_first && !self->pending)
    show_first_row (self);
}

static void
ask_first_row (JlnActionList *self)
{
  self->show_first = TRUE;
  if (!self->pending)
    show_first_row (self);
}

static void
update_pending (JlnActionList *self)
{
  gboolean pending = self->row_model != NULL && jln_row_model_get_pending (self->row_model);

  if (self->pending == pending)
    return;
  self->pending = pending;
  if (!pending && self->show_first)
    show_first_row (self);
  if (!pending && self->select_when_done != NULL)
    {
      g_autoptr(JlnRecord) record = g_steal_pointer (&self->select_when_done);

      if (self->row_model != NULL)
        select_record (self, record);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
}

static void
clear_models (JlnActionList *self)
{
  if (self->grid != NULL)
    jln_action_grid_set_model (self->grid, NULL);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  g_clear_object (&self->selection);
  if (self->pinned_row != NULL)
    jln_row_unbind (self->pinned_row);
  g_clear_object (&self->pinned_row);
  if (self->row_model != NULL)
    g_signal_handlers_disconnect_by_data (self->row_model, self);
  g_clear_object (&self->row_model);
  g_clear_object (&self->select_when_done);
  update_pending (self);
}

static void
build_models (JlnActionList *self)
{
  JlnPlan *plan = jln_document_get_plan (self->document);

  self->row_model = jln_row_model_new (plan, self->filter);
  if (self->sorter != NULL)
    jln_row_model_set_sorter (self->row_model, self->sorter);
  g_signal_connect_swapped (self->row_model, "notify::n-shown",
                            G_CALLBACK (update_count), self);
  g_signal_connect_swapped (self->row_model, "notify::n-total",
                            G_CALLBACK (update_count), self);
  g_signal_connect_swapped (self->row_model, "notify::pending",
                            G_CALLBACK (update_pending), self);

  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->row_model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect_swapped (self->selection, "notify::selected-item",
                            G_CALLBACK (selection_changed_cb), self);
  jln_action_grid_set_model (self->grid, self->selection);
}

/* The search bar shows whenever there is a query, however it was set. */
static void
filter_text_changed_cb (JlnActionList *self)
{
  if (jln_query_filter_get_text (self->filter)[0] != '\0')
    gtk_search_bar_set_search_mode (self->search_bar, TRUE);
}

static void
filter_changed_cb (JlnActionList   *self,
                   GtkFilterChange  change)
{
  /* The rows are computed again at once, testing only the actions that
   * may have changed: typing one more letter tests only those that
   * matched. */
  if (self->row_model != NULL)
    jln_row_model_refilter (self->row_model, change);
  ask_first_row (self);
}

static void
search_activate_cb (JlnActionList *self)
{
  jln_action_grid_focus_cursor (self->grid);
}

static void
search_mode_changed_cb (JlnActionList *self)
{
  /* Closing the search bar, as Escape does, clears the search: the
   * buttons that would show what is filtered go away with it. */
  if (!gtk_search_bar_get_search_mode (self->search_bar) && self->filter != NULL)
    jln_query_filter_set_text (self->filter, "");
}

/* Legend */

typedef struct
{
  gboolean    has_status;
  JlnStatus   status;     /* for the sample text, or a literal one */
  const char *sample;
  const char *classes;
  const char *meaning;
} LegendRow;

static void
fill_legend (JlnActionList *self)
{
  const LegendRow rows[] = {
    { FALSE, 0, N_("Objective"), "jln-heading",
      N_("An objective of the HRS4R plan, or an axis of the equality plan") },
    { TRUE, JLN_STATUS_PLANNED, NULL, NULL, N_("Planned, not started yet") },
    { TRUE, JLN_STATUS_IN_PROGRESS, NULL, NULL, N_("Being carried out") },
    { TRUE, JLN_STATUS_DONE, NULL, "jln-done", N_("Carried out, in grey") },
    { TRUE, JLN_STATUS_DONE_NEW, NULL, "jln-done-new",
      N_("Carried out although it was not in the previous plan, in green") },
    { TRUE, JLN_STATUS_REVISED, NULL, "jln-revised", N_("Changed at the last review, in italics") },
    { TRUE, JLN_STATUS_SUPERSEDED, NULL, "jln-superseded",
      N_("Replaced by the actions it refers to") },
    { TRUE, JLN_STATUS_DROPPED, NULL, "jln-dropped",
      N_("No longer to be carried out, struck through") },
    { FALSE, 0, N_("Overdue"), "jln-overdue jln-cell-due",
      N_("Not closed, and its due semester has passed, in red") },
    { FALSE, 0, NULL, "jln-tag",
      N_("No text in the plan’s language yet: the other language’s text is shown") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autofree char *sample = NULL;
      GtkWidget *sample_label;
      GtkWidget *meaning_label;
      GtkWidget *box;

      if (!rows[i].has_status)
        /* The language tag's sample is the tag itself. */
        sample = g_strdup (rows[i].sample != NULL ? _(rows[i].sample) : C_("language tag", "EN"));
      else if (rows[i].status == JLN_STATUS_SUPERSEDED)
        sample = g_strdup_printf (_("%1$s, cf. %2$s"), jln_status_get_label (rows[i].status),
                                  "4.9-4.10");
      else
        sample = g_strdup (jln_status_get_label (rows[i].status));

      box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
      gtk_widget_set_halign (box, GTK_ALIGN_START);
      gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
      sample_label = gtk_label_new (sample);
      gtk_label_set_xalign (GTK_LABEL (sample_label), 0.0);
      gtk_widget_set_halign (sample_label, GTK_ALIGN_START);
      if (rows[i].classes != NULL)
        {
          g_auto(GStrv) classes = g_strsplit (rows[i].classes, " ", -1);

          for (guint j = 0; classes[j] != NULL; j++)
            gtk_widget_add_css_class (g_str_equal (classes[j], "jln-tag") ? sample_label : box,
                                      classes[j]);
        }
      gtk_box_append (GTK_BOX (box), sample_label);

      meaning_label = gtk_label_new (_(rows[i].meaning));
      gtk_label_set_xalign (GTK_LABEL (meaning_label), 0.0);
      gtk_label_set_wrap (GTK_LABEL (meaning_label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (meaning_label), 40);

      gtk_grid_attach (self->legend_grid, box, 0, i, 1, 1);
      gtk_grid_attach (self->legend_grid, meaning_label, 1, i, 1, 1);
    }
}

/* GObject */

static void
jln_action_list_dispose (GObject *object)
{
  JlnActionList *self = JLN_ACTION_LIST (object);
  GtkWidget *child;

  g_clear_pointer (&self->row_menu, gtk_widget_unparent);
  if (self->scroll_tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->scroll_tick_id);
      self->scroll_tick_id = 0;
    }
  g_clear_handle_id (&self->scroll_idle_id, g_source_remove);
  g_clear_handle_id (&self->settle_id, g_source_remove);
  clear_models (self);
  if (self->filter != NULL)
    g_signal_handlers_disconnect_by_data (self->filter, self);
  jln_session_binding_set_session (self->session_binding, NULL);
  g_clear_object (&self->session);
  g_clear_object (&self->filter);
  g_clear_object (&self->document);
  g_clear_object (&self->selected);
  g_clear_object (&self->settings);

  gtk_widget_dispose_template (GTK_WIDGET (self), JLN_TYPE_ACTION_LIST);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  for (guint i = 0; i < JLN_N_ACTION_COLUMNS; i++)
    g_clear_object (&self->sorters[i]);
  g_clear_object (&self->sorter);
  g_clear_pointer (&self->sort_keys, jln_action_sort_keys_free);

  G_OBJECT_CLASS (jln_action_list_parent_class)->dispose (object);
}

static void
jln_action_list_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  JlnActionList *self = JLN_ACTION_LIST (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_SELECTED:
      g_value_set_object (value, self->selected);
      break;
    case PROP_N_SHOWN:
      g_value_set_uint (value, self->n_shown);
      break;
    case PROP_N_TOTAL:
      g_value_set_uint (value, self->n_total);
      break;
    case PROP_PENDING:
      g_value_set_boolean (value, self->pending);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jln_action_list_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  JlnActionList *self = JLN_ACTION_LIST (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      jln_action_list_set_session (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jln_action_list_class_init (JlnActionListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jln_action_list_dispose;
  object_class->get_property = jln_action_list_get_property;
  object_class->set_property = jln_action_list_set_property;

  /**
   * JlnActionList:session:
   *
   * The window's session: the list shows its plan in its content
   * language, filtered by its filter, and selects its selected record.
   */
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, JLN_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /**
   * JlnActionList:selected:
   *
   * The record of the selected row: a JlnObjective, a JlnAction or a
   * JlnActionItem; %NULL when no row is selected.
   */
  properties[PROP_SELECTED] =
    g_param_spec_object ("selected", NULL, NULL, JLN_TYPE_RECORD,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /**
   * JlnActionList:n-shown:
   *
   * How many actions match the filter.
   */
  properties[PROP_N_SHOWN] =
    g_param_spec_uint ("n-shown", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /**
   * JlnActionList:n-total:
   *
   * How many actions the plan has.
   */
  properties[PROP_N_TOTAL] =
    g_param_spec_uint ("n-total", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /**
   * JlnActionList:pending:
   *
   * Whether the list is still being filtered, in the background.
   */
  properties[PROP_PENDING] =
    g_param_spec_boolean ("pending", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * JlnActionList::activate-record:
   * @record: the record of the row
   *
   * A row was activated, by Enter or a double click: the window then
   * takes the user to the record's editor.
   */
  signals[ACTIVATE_RECORD] =
    g_signal_new ("activate-record",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, JLN_TYPE_RECORD);

  g_type_ensure (JLN_TYPE_FILTER_BAR);
  g_type_ensure (JLN_TYPE_ACTION_GRID);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/jalons/Jalons/jln-action-list.ui");
  gtk_widget_class_bind_template_child (widget_class, JlnActionList, search_bar);
  gtk_widget_class_bind_template_child (widget_class, JlnActionList, filter_bar);
  gtk_widget_class_bind_template_child (widget_class, JlnActionList, grid);
  gtk_widget_class_bind_template_child (widget_class, JlnActionList, count_label);
  gtk_widget_class_bind_template_child (widget_class, JlnActionList, list_stack);
  gtk_widget_class_bind_template_child (widget_class, JlnActionList, empty_page);
  gtk_widget_class_bind_template_child (widget_class, JlnActionList, empty_button);
  gtk_widget_class_install_action (widget_class, "list.clear-search", NULL, clear_search_action);
  gtk_widget_class_bind_template_child (widget_class, JlnActionList, legend_button);
  gtk_widget_class_bind_template_child (widget_class, JlnActionList, legend_grid);
  gtk_widget_class_bind_template_callback (widget_class, grid_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, grid_menu_requested_cb);
  gtk_widget_class_bind_template_callback (widget_class, grid_sort_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, grid_columns_resized_cb);

  gtk_widget_class_install_action (widget_class, "rows.expand-selected", "b",
                                   expand_selected_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "jln-action-list");
}

static void session_plan_changed_cb (JlnActionList *self);
static void session_content_language_changed_cb (JlnActionList *self);
static void session_selected_changed_cb (JlnActionList *self);

static void
jln_action_list_init (JlnActionList *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->content_language = JLN_LANG_FR;
  self->sort_keys = jln_action_sort_keys_new ();
  g_signal_connect (self->grid, "map", G_CALLBACK (mapped_cb), NULL);

  setup_columns (self);
  add_tab_out (self);
  add_key_repeat (self);
  add_expand_shortcuts (self);

  gtk_search_bar_connect_entry (self->search_bar,
                                jln_filter_bar_get_search_entry (self->filter_bar));
  g_signal_connect_swapped (jln_filter_bar_get_search_entry (self->filter_bar), "activate",
                            G_CALLBACK (search_activate_cb), self);
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self));
  g_signal_connect_swapped (self->search_bar, "notify::search-mode-enabled",
                            G_CALLBACK (search_mode_changed_cb), self);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->grid),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Actions"),
                                  -1);

  fill_legend (self);

  /* Until the window gives its own, a filter of our own keeps the widget
   * usable alone. */
  set_filter (self, NULL);
  update_count (self);

  self->session_binding = jln_session_binding_new (self);
  jln_session_binding_connect (self->session_binding, "notify::plan",
                               G_CALLBACK (session_plan_changed_cb));
  jln_session_binding_connect (self->session_binding, "notify::content-language",
                               G_CALLBACK (session_content_language_changed_cb));
  jln_session_binding_connect (self->session_binding, "notify::selected",
                               G_CALLBACK (session_selected_changed_cb));
}

GtkWidget *
jln_action_list_new (void)
{
  return g_object_new (JLN_TYPE_ACTION_LIST, NULL);
}

/**
 * jln_action_list_get_document:
 *
 * Returns: (transfer none) (nullable): the document shown
 */
JlnDocument *
jln_action_list_get_document (JlnActionList *self)
{
  g_return_val_if_fail (JLN_IS_ACTION_LIST (self), NULL);
  return self->document;
}

static void
set_document (JlnActionList *self,
                              JlnDocument   *document)
{
  g_return_if_fail (JLN_IS_ACTION_LIST (self));
  g_return_if_fail (document == NULL || JLN_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  clear_models (self);
  g_set_object (&self->document, document);
  if (document != NULL)
    build_models (self);
  set_selected (self, NULL);
  update_count (self);

}

JlnLang
jln_action_list_get_content_language (JlnActionList *self)
{
  g_return_val_if_fail (JLN_IS_ACTION_LIST (self), JLN_LANG_FR);
  return self->content_language;
}

static void
set_content_language (JlnActionList *self,
                                      JlnLang        lang)
{
  g_return_if_fail (JLN_IS_ACTION_LIST (self));
  g_return_if_fail (lang == JLN_LANG_FR || lang == JLN_LANG_EN);

  if (self->content_language == lang)
    return;
  self->content_language = lang;

  jln_action_grid_set_content_language (self->grid, lang);
  /* Titles are collated in the content language. */
  if (jln_action_grid_get_sort_column (self->grid) == JLN_ACTION_COLUMN_TITLE)
    update_sorting (self);

}

/**
 * jln_action_list_get_filter:
 *
 * Returns: (transfer none): the filter the list shows, with the text of
 *   its search entry
 */
JlnQueryFilter *
jln_action_list_get_filter (JlnActionList *self)
{
  g_return_val_if_fail (JLN_IS_ACTION_LIST (self), NULL);
  return self->filter;
}

/* @filter: (nullable): the session's filter, shared with the window's
 * other views; %NULL for one of the list's own */
static void
set_filter (JlnActionList  *self,
                            JlnQueryFilter *filter)
{
  g_autoptr(JlnQueryFilter) own = NULL;

  g_return_if_fail (JLN_IS_ACTION_LIST (self));
  g_return_if_fail (filter == NULL || JLN_IS_QUERY_FILTER (filter));

  if (filter == NULL)
    filter = own = jln_query_filter_new ();
  if (self->filter == filter)
    return;

  if (self->filter != NULL)
    g_signal_handlers_disconnect_by_data (self->filter, self);
  g_set_object (&self->filter, filter);

  g_signal_connect_object (filter, "notify::text",
                           G_CALLBACK (filter_text_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (filter, "changed",
                           G_CALLBACK (filter_changed_cb), self, G_CONNECT_SWAPPED);

  if (self->row_model != NULL)
    jln_row_model_set_filter (self->row_model, filter);
  filter_text_changed_cb (self);

}

/**
 * jln_action_list_get_selected:
 *
 * Returns: (transfer none) (nullable): the record of the selected row
 */
JlnRecord *
jln_action_list_get_selected (JlnActionList *self)
{
  g_return_val_if_fail (JLN_IS_ACTION_LIST (self), NULL);
  return self->selected;
}

/**
 * jln_action_list_select:
 * @record: (nullable): an objective, action or sub-item of the plan
 *
 * Selects the row of @record, expanding its objective and action, and
 * scrolls to it. A record that the filter hides is not selected; one
 * that is still being filtered is selected when filtering is done.
 * %NULL unselects.
 */
void
jln_action_list_select (JlnActionList *self,
                        JlnRecord     *record)
{
  g_return_if_fail (JLN_IS_ACTION_LIST (self));
  g_return_if_fail (record == NULL || JLN_IS_RECORD (record));

  g_clear_object (&self->select_when_done);
  if (self->selection == NULL)
    return;

  if (record == NULL)
    {
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
      return;
    }
  if (self->pending)
    self->select_when_done = g_object_ref (record);
  else
    select_record (self, record);
}

void
jln_action_list_focus_search (JlnActionList *self)
{
  g_return_if_fail (JLN_IS_ACTION_LIST (self));

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (jln_filter_bar_get_search_entry (self->filter_bar)));
}

guint
jln_action_list_get_n_shown (JlnActionList *self)
{
  g_return_val_if_fail (JLN_IS_ACTION_LIST (self), 0);
  return self->n_shown;
}

guint
jln_action_list_get_n_total (JlnActionList *self)
{
  g_return_val_if_fail (JLN_IS_ACTION_LIST (self), 0);
  return self->n_total;
}

gboolean
jln_action_list_get_pending (JlnActionList *self)
{
  g_return_val_if_fail (JLN_IS_ACTION_LIST (self), FALSE);
  return self->pending;
}

/* The session */

/* A plan read again is shown from scratch, then the session's selection,
 * which it kept by id. */
static void
session_plan_changed_cb (JlnActionList *self)
{
  JlnDocument *document = jln_session_get_document (self->session);

  self->session_behind = FALSE;
  self->following_session = TRUE;
  if (document == self->document)
    set_document (self, NULL);
  set_document (self, document);
  self->following_session = FALSE;
  jln_action_list_select (self, jln_session_get_selected (self->session));
}

static void
session_content_language_changed_cb (JlnActionList *self)
{
  set_content_language (self, jln_session_get_content_language (self->session));
}

static void
session_selected_changed_cb (JlnActionList *self)
{
  JlnRecord *selected = jln_session_get_selected (self->session);

  /* Selected elsewhere: the list follows the session rather than the other way. */
  self->session_behind = FALSE;
  if (selected != self->selected)
    jln_action_list_select (self, selected);
}

/**
 * jln_action_list_get_session:
 *
 * Returns: (transfer none) (nullable): the session the list shows
 */
JlnSession *
jln_action_list_get_session (JlnActionList *self)
{
  g_return_val_if_fail (JLN_IS_ACTION_LIST (self), NULL);
  return self->session;
}

/**
 * jln_action_list_set_session:
 * @session: (nullable): the window's session
 *
 * Shows the session's plan in its content language, with its filter, and
 * keeps the session's selected record and the list's selection together.
 */
void
jln_action_list_set_session (JlnActionList *self,
                             JlnSession    *session)
{
  g_return_if_fail (JLN_IS_ACTION_LIST (self));
  g_return_if_fail (session == NULL || JLN_IS_SESSION (session));

  if (self->session == session)
    return;

  g_set_object (&self->session, session);
  jln_session_binding_set_session (self->session_binding, session);

  if (session != NULL)
    {
      set_content_language (self, jln_session_get_content_language (session));
      set_filter (self, jln_session_get_filter (session));
      session_plan_changed_cb (self);
    }
  else
    {
      set_filter (self, NULL);
      set_document (self, NULL);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}
