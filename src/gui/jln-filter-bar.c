/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "jln-filter-bar.h"
#include "jln-objective.h"
#include "jln-query.h"
#include "jln-record-text.h"
#include "jln-unit.h"

/* The search entry and the filter buttons above the action list and the
 * timeline, on the session's filter: what is typed and what the buttons
 * choose are the same query text, one term per button, so that the
 * entry and the buttons always agree, and both views show the same
 * actions. */

struct _JlnFilterBar
{
  GtkBox              parent_instance;

  JlnSession         *session;
  JlnSessionBinding  *session_binding;
  JlnQueryFilter     *filter;
  GSimpleActionGroup *filter_actions;
  gboolean            syncing_text;

  /* Template children */
  GtkSearchEntry     *search_entry;
  GtkLabel           *error_label;
  GtkMenuButton      *objective_button;
  GtkMenuButton      *status_button;
  GtkMenuButton      *unit_button;
  GtkMenuButton      *semester_button;
  GtkToggleButton    *overdue_button;
  GtkToggleButton    *hide_done_button;
};

G_DEFINE_FINAL_TYPE (JlnFilterBar, jln_filter_bar, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static JlnPlan *
get_plan (JlnFilterBar *self)
{
  return self->session != NULL ? jln_session_get_plan (self->session) : NULL;
}

static JlnLang
get_content_language (JlnFilterBar *self)
{
  return self->session != NULL ? jln_session_get_content_language (self->session)
                               : JLN_LANG_FR;
}

static JlnSemester
get_today (JlnFilterBar *self)
{
  return self->session != NULL ? jln_session_get_today (self->session)
                               : jln_semester_today ();
}

/* Editing the query's text: each filter button rewrites its own term,
 * in the interface's language, with jln_query_terms_set_values(). */

static void
set_slot_values (JlnFilterBar      *self,
                 JlnQueryKey         key,
                 gboolean            negated,
                 JlnQueryBound       bound,
                 const char * const *values)
{
  g_autofree char *text = NULL;

  if (self->filter == NULL)
    return;
  text = jln_query_terms_set_values (jln_query_filter_get_text (self->filter),
                                     key, negated, bound, values, jln_lang_from_locale ());
  jln_query_filter_set_text (self->filter, text);
}

static char **
dup_slot_values (JlnFilterBar  *self,
                 JlnQueryKey    key,
                 gboolean       negated,
                 JlnQueryBound  bound)
{
  return jln_query_terms_get_values (self->filter != NULL
                                     ? jln_query_filter_get_text (self->filter) : "",
                                     key, negated, bound);
}

/* Whether the query hides done actions, the "Hide done" button's term
 * "-status:done" in either language. */
static gboolean
hides_done (JlnFilterBar *self)
{
  g_auto(GStrv) values = dup_slot_values (self, JLN_QUERY_KEY_STATUS, TRUE,
                                          JLN_QUERY_BOUND_NONE);
  JlnStatus status;

  return values != NULL && g_strv_length (values) == 1 &&
         jln_query_status_from_name (values[0], &status) && status == JLN_STATUS_DONE;
}

static void
filter_action_change_state_cb (GSimpleAction *action,
                               GVariant      *state,
                               JlnFilterBar  *self)
{
  const char *name = g_action_get_name (G_ACTION (action));
  const char *value = g_variant_get_string (state, NULL);
  const char *values[] = { value, NULL };
  JlnQueryBound bound = JLN_QUERY_BOUND_NONE;
  JlnQueryKey key;

  g_simple_action_set_state (action, state);

  if (g_str_equal (name, "objective"))
    key = JLN_QUERY_KEY_OBJECTIVE;
  else if (g_str_equal (name, "status"))
    key = JLN_QUERY_KEY_STATUS;
  else if (g_str_equal (name, "unit"))
    key = JLN_QUERY_KEY_UNIT;
  else if (g_str_equal (name, "due-from"))
    {
      key = JLN_QUERY_KEY_DUE;
      bound = JLN_QUERY_BOUND_FROM;
    }
  else if (g_str_equal (name, "due-until"))
    {
      key = JLN_QUERY_KEY_DUE;
      bound = JLN_QUERY_BOUND_UNTIL;
    }
  else
    g_return_if_reached ();

  set_slot_values (self, key, FALSE, bound, value[0] != '\0' ? values : NULL);
}

static void
overdue_toggled_cb (JlnFilterBar *self)
{
  const char *word[] = { "overdue", NULL };

  if (self->syncing_text)
    return;
  set_slot_values (self, JLN_QUERY_KEY_OVERDUE, FALSE, JLN_QUERY_BOUND_NONE,
                   gtk_toggle_button_get_active (self->overdue_button) ? word : NULL);
}

static void
hide_done_toggled_cb (JlnFilterBar *self)
{
  const char *done[] = { "done", NULL };
  gboolean active;

  if (self->syncing_text)
    return;
  /* Only the button's own term comes and goes: "-status:dropped" typed
   * by hand is not the button's. */
  active = gtk_toggle_button_get_active (self->hide_done_button);
  if (active == hides_done (self))
    return;
  set_slot_values (self, JLN_QUERY_KEY_STATUS, TRUE, JLN_QUERY_BOUND_NONE,
                   active ? done : NULL);
}

/* Menus
 *
 * Objectives, statuses and units are chosen with toggle buttons, several
 * at once: choosing objectives 1 and 3 writes "objective:1,3". The due
 * semesters are a menu of radio items, a lower and an upper bound. */

static char *
escape_underscores (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text != NULL ? text : "", "_", -1);

  /* Menu labels take "_" as a mnemonic; plan text means a real one. */
  return g_strjoinv ("__", parts);
}

static void
append_radio_item (GMenu      *menu,
                   const char *label,
                   const char *action,
                   const char *target)
{
  g_autofree char *escaped = escape_underscores (label);
  g_autoptr(GMenuItem) item = g_menu_item_new (escaped, NULL);

  g_menu_item_set_action_and_target_value (item, action, g_variant_new_string (target));
  g_menu_append_item (menu, item);
}

/* A filter button's tooltip would cover the first entry of its menu:
 * it is off while the menu is open. */
static void
filter_popover_closed_cb (GtkWidget *button)
{
  gtk_widget_set_has_tooltip (button, TRUE);
}

static void
quiet_tooltip_while_open (GtkMenuButton *button)
{
  GtkPopover *popover = gtk_menu_button_get_popover (button);

  gtk_widget_set_has_tooltip (GTK_WIDGET (button), FALSE);
  if (popover != NULL && g_object_get_data (G_OBJECT (popover), "jln-quiet-tooltip") == NULL)
    {
      g_object_set_data (G_OBJECT (popover), "jln-quiet-tooltip", GINT_TO_POINTER (1));
      g_signal_connect_object (popover, "closed", G_CALLBACK (filter_popover_closed_cb), button,
                               G_CONNECT_SWAPPED);
    }
}

/* A popover of check buttons, one per value of @key; the ones the query
 * already names are checked. */
typedef struct
{
  JlnFilterBar  *self;
  JlnQueryKey    key;
  GtkBox        *box;
  GStrv          chosen;
} Choices;

static void
choices_free (gpointer data)
{
  Choices *choices = data;

  g_strfreev (choices->chosen);
  g_free (choices);
}

static gboolean
equal_folded (const char *a,
              const char *b)
{
  g_autofree char *folded_a = jln_fold (a);
  g_autofree char *folded_b = jln_fold (b);

  return g_strcmp0 (folded_a, folded_b) == 0;
}

static gboolean
value_is_chosen (Choices    *choices,
                 const char *value)
{
  JlnStatus a, b;

  for (guint i = 0; choices->chosen != NULL && choices->chosen[i] != NULL; i++)
    {
      const char *chosen = choices->chosen[i];

      if (choices->key == JLN_QUERY_KEY_STATUS
          ? jln_query_status_from_name (chosen, &a) && jln_status_from_string (value, &b) && a == b
          : equal_folded (chosen, value))
        return TRUE;
    }
  return FALSE;
}

static void
choice_toggled_cb (GtkToggleButton *toggle,
                   Choices         *choices)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) values = NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (choices->box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child) && gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (child)))
      g_strv_builder_add (builder, g_object_get_data (G_OBJECT (child), "jln-value"));
  values = g_strv_builder_end (builder);
  set_slot_values (choices->self, choices->key, FALSE, JLN_QUERY_BOUND_NONE,
                   values[0] != NULL ? (const char * const *) values : NULL);
}

static void
clear_choices_cb (GtkButton *button,
                  Choices   *choices)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (choices->box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child))
      {
        g_signal_handlers_block_by_func (child, choice_toggled_cb, choices);
        gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (child), FALSE);
        g_signal_handlers_unblock_by_func (child, choice_toggled_cb, choices);
      }
  set_slot_values (choices->self, choices->key, FALSE, JLN_QUERY_BOUND_NONE, NULL);
}

static Choices *
new_choices (JlnFilterBar  *self,
             GtkMenuButton *button,
             JlnQueryKey    key,
             const char    *all_label)
{
  Choices *choices = g_new0 (Choices, 1);
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *all = gtk_button_new_with_label (all_label);

  choices->self = self;
  choices->key = key;
  choices->chosen = dup_slot_values (self, key, FALSE, JLN_QUERY_BOUND_NONE);
  choices->box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 0));
  gtk_widget_add_css_class (GTK_WIDGET (choices->box), "jln-filter-choices");
  g_object_set_data_full (G_OBJECT (popover), "jln-choices", choices, choices_free);

  gtk_widget_add_css_class (all, "flat");
  gtk_label_set_xalign (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (all))), 0);
  g_signal_connect (all, "clicked", G_CALLBACK (clear_choices_cb), choices);
  gtk_box_append (choices->box, all);
  gtk_box_append (choices->box, gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 480);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (choices->box));
  gtk_popover_set_child (GTK_POPOVER (popover), scrolled);
  gtk_menu_button_set_popover (button, popover);
  return choices;
}

/* Toggle buttons rather than check buttons: GTK 4.8 gives check buttons
 * no action that assistive technologies can call. */
static void
append_choice (Choices    *choices,
               const char *label,
               const char *value)
{
  GtkWidget *toggle = gtk_toggle_button_new_with_label (label);

  gtk_widget_add_css_class (toggle, "flat");
  gtk_label_set_xalign (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (toggle))), 0);
  g_object_set_data_full (G_OBJECT (toggle), "jln-value", g_strdup (value), g_free);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle), value_is_chosen (choices, value));
  g_signal_connect (toggle, "toggled", G_CALLBACK (choice_toggled_cb), choices);
  gtk_box_append (choices->box, toggle);
}

static void
append_choice_heading (Choices    *choices,
                       const char *heading)
{
  GtkWidget *label = gtk_label_new (heading);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_add_css_class (label, "jln-filter-choices-heading");
  gtk_box_append (choices->box, label);
}

static void
objective_menu_cb (GtkMenuButton *button,
                   gpointer       user_data)
{
  JlnFilterBar *self = user_data;
  JlnPlan *plan = get_plan (self);
  GListModel *objectives = plan != NULL ? jln_plan_get_objectives (plan) : NULL;
  guint n = objectives != NULL ? g_list_model_get_n_items (objectives) : 0;
  Choices *choices = new_choices (self, button, JLN_QUERY_KEY_OBJECTIVE, _("All Objectives"));

  for (int programme = JLN_PROGRAMME_HRS4R; programme <= JLN_PROGRAMME_GEP; programme++)
    {
      gboolean headed = FALSE;

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(JlnObjective) objective = g_list_model_get_item (objectives, i);
          const char *number = jln_objective_get_number (objective);
          const char *title = jln_record_get_title_text (JLN_RECORD (objective),
                                                         get_content_language (self), NULL);
          g_autofree char *label = NULL;

          if (number == NULL || (int) jln_objective_get_programme (objective) != programme)
            continue;
          if (!headed)
            append_choice_heading (choices, programme == JLN_PROGRAMME_GEP
                                            ? _("Gender Equality Plan")
                                            : _("HRS4R Action Plan"));
          headed = TRUE;
          /* Translators: an item of the objective filter menu: %1$s is the
             objective's number, %2$s its title. */
          label = g_strdup_printf (_("%1$s. %2$s"), number, title);
          append_choice (choices, label, number);
        }
    }
  quiet_tooltip_while_open (button);
}

static void
status_menu_cb (GtkMenuButton *button,
                gpointer       user_data)
{
  JlnFilterBar *self = user_data;
  Choices *choices = new_choices (self, button, JLN_QUERY_KEY_STATUS, _("All Statuses"));

  for (JlnStatus status = JLN_STATUS_PLANNED; status <= JLN_STATUS_DROPPED; status++)
    append_choice (choices, jln_status_get_label (status), jln_status_to_string (status));
  quiet_tooltip_while_open (button);
}

static int
compare_unit_codes (gconstpointer a,
                    gconstpointer b)
{
  const char *code_a = jln_unit_get_code (*(JlnUnit * const *) a);
  const char *code_b = jln_unit_get_code (*(JlnUnit * const *) b);
  g_autofree char *key_a = g_utf8_casefold (code_a != NULL ? code_a : "", -1);
  g_autofree char *key_b = g_utf8_casefold (code_b != NULL ? code_b : "", -1);

  return g_utf8_collate (key_a, key_b);
}

static void
unit_menu_cb (GtkMenuButton *button,
              gpointer       user_data)
{
  JlnFilterBar *self = user_data;
  JlnPlan *plan = get_plan (self);
  GListModel *units = plan != NULL ? jln_plan_get_units (plan) : NULL;
  guint n = units != NULL ? g_list_model_get_n_items (units) : 0;
  g_autoptr(GPtrArray) sorted = g_ptr_array_new_with_free_func (g_object_unref);
  Choices *choices = new_choices (self, button, JLN_QUERY_KEY_UNIT, _("All Units"));

  /* In the order of their codes, as people look them up. */
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (sorted, g_list_model_get_item (units, i));
  g_ptr_array_sort (sorted, compare_unit_codes);
  for (guint i = 0; i < sorted->len; i++)
    {
      JlnUnit *unit = g_ptr_array_index (sorted, i);
      const char *code = jln_unit_get_code (unit);
      const char *name = jln_text_get_fallback (jln_unit_get_name (unit),
                                                get_content_language (self), NULL);
      g_autofree char *label = NULL;

      if (code == NULL)
        continue;
      if (name != NULL && name[0] != '\0' && g_strcmp0 (name, code) != 0)
        /* Translators: an item of the unit filter menu: %1$s is a unit's
           code, like “RH”, %2$s its name. */
        label = g_strdup_printf (_("%1$s — %2$s"), code, name);
      else
        label = g_strdup (code);
      append_choice (choices, label, code);
    }
  quiet_tooltip_while_open (button);
}

static void
semester_menu_cb (GtkMenuButton *button,
                  gpointer       user_data)
{
  JlnFilterBar *self = user_data;
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) from = g_menu_new ();
  g_autoptr(GMenu) until = g_menu_new ();
  JlnPlan *plan = get_plan (self);
  JlnSemester first = plan != NULL ? jln_plan_get_start (plan) : JLN_SEMESTER_NONE;
  JlnSemester last = plan != NULL ? jln_plan_get_end (plan) : JLN_SEMESTER_NONE;

  if (first == JLN_SEMESTER_NONE || last == JLN_SEMESTER_NONE || last < first)
    first = last = get_today (self);
  /* The plan's period, and the current semester when it is outside it. */
  first = MIN (first, get_today (self));
  last = MAX (last, get_today (self));

  append_radio_item (from, _("Any Time"), "filter.due-from", "");
  append_radio_item (until, _("Any Time"), "filter.due-until", "");
  for (JlnSemester s = first; s <= last; s++)
    {
      g_autofree char *iso = jln_semester_format (s, JLN_SEMESTER_STYLE_ISO, JLN_LANG_EN);
      g_autofree char *label = jln_semester_format (s, JLN_SEMESTER_STYLE_LONG,
                                                    get_content_language (self));

      append_radio_item (from, label, "filter.due-from", iso);
      append_radio_item (until, label, "filter.due-until", iso);
    }
  g_menu_append_submenu (menu, _("Due From"), G_MENU_MODEL (from));
  g_menu_append_submenu (menu, _("Due Until"), G_MENU_MODEL (until));

  gtk_menu_button_set_menu_model (button, G_MENU_MODEL (menu));
  quiet_tooltip_while_open (button);
}

/* Keeping the filter widgets in step with the query text */

static void
set_action_state (JlnFilterBar  *self,
                  const char    *name,
                  const char    *value)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self->filter_actions), name);

  g_simple_action_set_state (G_SIMPLE_ACTION (action),
                             g_variant_new_string (value != NULL ? value : ""));
}

static void
set_button_label (GtkMenuButton *button,
                  const char    *label,
                  gboolean       active)
{
  gtk_menu_button_set_label (button, label);
  if (active)
    gtk_widget_add_css_class (GTK_WIDGET (button), "jln-filter-active");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (button), "jln-filter-active");
}

/* The plan's spelling of a unit code typed in any case or accents. */
static char *
dup_plan_unit_code (JlnFilterBar  *self,
                    const char    *value)
{
  JlnPlan *plan = get_plan (self);
  GListModel *units = plan != NULL ? jln_plan_get_units (plan) : NULL;
  guint n = units != NULL ? g_list_model_get_n_items (units) : 0;
  g_autofree char *folded = jln_fold (value);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JlnUnit) unit = g_list_model_get_item (units, i);
      g_autofree char *code = jln_fold (jln_unit_get_code (unit));

      if (g_strcmp0 (code, folded) == 0)
        return g_strdup (jln_unit_get_code (unit));
    }
  return g_strdup (value);
}

static char *
dup_semester_label (JlnFilterBar  *self,
                    const char    *value)
{
  JlnSemester semester;

  if (jln_semester_parse (value, &semester, NULL))
    return jln_semester_format (semester, JLN_SEMESTER_STYLE_LONG, jln_lang_from_locale ());
  return g_strdup (value);
}

static void
sync_filter_widgets (JlnFilterBar *self)
{
  g_auto(GStrv) objectives = NULL;
  g_auto(GStrv) statuses = NULL;
  g_auto(GStrv) units = NULL;
  g_auto(GStrv) from = NULL;
  g_auto(GStrv) until = NULL;
  g_auto(GStrv) overdue = NULL;
  g_autofree char *label = NULL;
  guint n;

  objectives = dup_slot_values (self, JLN_QUERY_KEY_OBJECTIVE, FALSE, JLN_QUERY_BOUND_NONE);
  statuses = dup_slot_values (self, JLN_QUERY_KEY_STATUS, FALSE, JLN_QUERY_BOUND_NONE);
  units = dup_slot_values (self, JLN_QUERY_KEY_UNIT, FALSE, JLN_QUERY_BOUND_NONE);
  from = dup_slot_values (self, JLN_QUERY_KEY_DUE, FALSE, JLN_QUERY_BOUND_FROM);
  until = dup_slot_values (self, JLN_QUERY_KEY_DUE, FALSE, JLN_QUERY_BOUND_UNTIL);
  overdue = dup_slot_values (self, JLN_QUERY_KEY_OVERDUE, FALSE, JLN_QUERY_BOUND_NONE);

  /* Statuses as the interface names them, units as the plan spells them. */
  for (guint i = 0; statuses != NULL && statuses[i] != NULL; i++)
    {
      JlnStatus read;
      char *word = jln_query_status_from_name (statuses[i], &read)
                   ? g_strdup (jln_status_get_label (read)) : g_strdup (statuses[i]);

      g_free (statuses[i]);
      statuses[i] = word;
    }
  for (guint i = 0; units != NULL && units[i] != NULL; i++)
    {
      char *code = dup_plan_unit_code (self, units[i]);

      g_free (units[i]);
      units[i] = code;
    }

  self->syncing_text = TRUE;

  /* The radio items of the due menu show the bounds. */
  set_action_state (self, "due-from", from != NULL && from[0] != NULL ? from[0] : NULL);
  set_action_state (self, "due-until", until != NULL && until[0] != NULL ? until[0] : NULL);

  n = objectives != NULL ? g_strv_length (objectives) : 0;
  if (n > 0)
    {
      g_autofree char *joined = g_strjoinv (", ", objectives);

      if (n == 1)
        /* Translators: the objective filter button when it shows one objective;
           %s is its number. */
        label = g_strdup_printf (_("Objective %s"), joined);
      else
        /* Translators: the objective filter button when it shows several
           objectives; %s is their numbers, like “1, 3”. */
        label = g_strdup_printf (_("Objectives %s"), joined);
    }
  set_button_label (self->objective_button, label != NULL ? label : _("Objective"), label != NULL);
  g_clear_pointer (&label, g_free);

  if (statuses != NULL && statuses[0] != NULL)
    label = g_strjoinv (", ", statuses);
  set_button_label (self->status_button, label != NULL ? label : _("Status"), label != NULL);
  g_clear_pointer (&label, g_free);

  n = units != NULL ? g_strv_length (units) : 0;
  if (n > 0)
    {
      g_autofree char *joined = g_strjoinv (", ", units);

      if (n == 1)
        /* Translators: the unit filter button when it shows one unit; %s is
           its code, like “RH”. */
        label = g_strdup_printf (_("Unit %s"), joined);
      else
        /* Translators: the unit filter button when it shows several units;
           %s is their codes, like “RH, DSI”. */
        label = g_strdup_printf (_("Units %s"), joined);
    }
  set_button_label (self->unit_button, label != NULL ? label : _("Unit"), label != NULL);
  g_clear_pointer (&label, g_free);

  if ((from != NULL && from[0] != NULL) || (until != NULL && until[0] != NULL))
    {
      g_autofree char *from_label = from != NULL && from[0] != NULL
                                    ? dup_semester_label (self, from[0]) : NULL;
      g_autofree char *until_label = until != NULL && until[0] != NULL
                                     ? dup_semester_label (self, until[0]) : NULL;

      if (from_label != NULL && until_label != NULL)
        /* Translators: the due filter button with a range of semesters, like
           “Due 1st sem. 2022 – 2nd sem. 2023”. */
        label = g_strdup_printf (_("Due %1$s – %2$s"), from_label, until_label);
      else if (from_label != NULL)
        /* Translators: the due filter button with a first semester only. */
        label = g_strdup_printf (_("Due from %s"), from_label);
      else
        /* Translators: the due filter button with a last semester only. */
        label = g_strdup_printf (_("Due until %s"), until_label);
    }
  set_button_label (self->semester_button, label != NULL ? label : _("Due"), label != NULL);

  gtk_toggle_button_set_active (self->overdue_button, overdue != NULL);
  gtk_toggle_button_set_active (self->hide_done_button, hides_done (self));

  self->syncing_text = FALSE;
}

/* The filter */

static void
update_error (JlnFilterBar *self)
{
  const char *error = self->filter != NULL ? jln_query_filter_get_error (self->filter) : NULL;
  g_autoptr(GError) check_error = NULL;
  JlnQuery *query;
  JlnPlan *plan = get_plan (self);

  /* A query that parses may still name a unit or an objective the plan
   * does not have: say so rather than show an empty list. */
  if (error == NULL && self->filter != NULL && plan != NULL &&
      (query = jln_query_filter_get_query (self->filter)) != NULL &&
      !jln_query_check (query, plan, &check_error))
    error = check_error->message;

  gtk_label_set_text (self->error_label, error != NULL ? error : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), error != NULL);
  if (error != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->search_entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->search_entry), "error");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, error != NULL ? error : "",
                                  -1);
}

static void
filter_text_changed_cb (JlnFilterBar *self)
{
  const char *text = jln_query_filter_get_text (self->filter);

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), text) != 0)
    {
      self->syncing_text = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
      gtk_editable_set_position (GTK_EDITABLE (self->search_entry), -1);
      self->syncing_text = FALSE;
    }
  sync_filter_widgets (self);
  update_error (self);
}

static void
search_changed_cb (JlnFilterBar *self)
{
  if (self->syncing_text || self->filter == NULL)
    return;
  jln_query_filter_set_text (self->filter,
                             gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}


/* GObject */

static void
session_plan_changed_cb (JlnFilterBar *self)
{
  /* Unit codes are spelled as the plan has them, and checked against it. */
  sync_filter_widgets (self);
  update_error (self);
}

static void
set_filter (JlnFilterBar   *self,
            JlnQueryFilter *filter)
{
  if (!g_set_object (&self->filter, filter) || filter == NULL)
    return;
  filter_text_changed_cb (self);
}

static void
jln_filter_bar_dispose (GObject *object)
{
  JlnFilterBar *self = JLN_FILTER_BAR (object);

  jln_filter_bar_set_session (self, NULL);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "filter", NULL);
  g_clear_object (&self->filter_actions);
  gtk_widget_dispose_template (GTK_WIDGET (self), JLN_TYPE_FILTER_BAR);

  G_OBJECT_CLASS (jln_filter_bar_parent_class)->dispose (object);
}

static void
jln_filter_bar_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  JlnFilterBar *self = JLN_FILTER_BAR (object);

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
jln_filter_bar_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  JlnFilterBar *self = JLN_FILTER_BAR (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      jln_filter_bar_set_session (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jln_filter_bar_class_init (JlnFilterBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jln_filter_bar_dispose;
  object_class->get_property = jln_filter_bar_get_property;
  object_class->set_property = jln_filter_bar_set_property;

  /**
   * JlnFilterBar:session:
   *
   * The window's session, whose filter the bar edits.
   */
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, JLN_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/jalons/Jalons/jln-filter-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, JlnFilterBar, search_entry);
  gtk_widget_class_bind_template_child (widget_class, JlnFilterBar, error_label);
  gtk_widget_class_bind_template_child (widget_class, JlnFilterBar, objective_button);
  gtk_widget_class_bind_template_child (widget_class, JlnFilterBar, status_button);
  gtk_widget_class_bind_template_child (widget_class, JlnFilterBar, unit_button);
  gtk_widget_class_bind_template_child (widget_class, JlnFilterBar, semester_button);
  gtk_widget_class_bind_template_child (widget_class, JlnFilterBar, overdue_button);
  gtk_widget_class_bind_template_child (widget_class, JlnFilterBar, hide_done_button);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, overdue_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, hide_done_toggled_cb);

  gtk_widget_class_set_css_name (widget_class, "jln-filter-bar");
}

static void
jln_filter_bar_init (JlnFilterBar *self)
{
  static const char *filter_action_names[] = {
    "objective", "status", "unit", "due-from", "due-until",
  };

  gtk_widget_init_template (GTK_WIDGET (self));

  self->filter_actions = g_simple_action_group_new ();
  for (guint i = 0; i < G_N_ELEMENTS (filter_action_names); i++)
    {
      g_autoptr(GSimpleAction) action =
        g_simple_action_new_stateful (filter_action_names[i], G_VARIANT_TYPE_STRING,
                                      g_variant_new_string (""));

      g_signal_connect (action, "change-state", G_CALLBACK (filter_action_change_state_cb), self);
      g_action_map_add_action (G_ACTION_MAP (self->filter_actions), G_ACTION (action));
    }
  gtk_widget_insert_action_group (GTK_WIDGET (self), "filter",
                                  G_ACTION_GROUP (self->filter_actions));

  gtk_menu_button_set_create_popup_func (self->objective_button, objective_menu_cb, self, NULL);
  gtk_menu_button_set_create_popup_func (self->status_button, status_menu_cb, self, NULL);
  gtk_menu_button_set_create_popup_func (self->unit_button, unit_menu_cb, self, NULL);
  gtk_menu_button_set_create_popup_func (self->semester_button, semester_menu_cb, self, NULL);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search actions"),
                                  -1);

  self->session_binding = jln_session_binding_new (self);
  jln_session_binding_connect (self->session_binding, "notify::plan",
                               G_CALLBACK (session_plan_changed_cb));
  jln_session_binding_connect_filter (self->session_binding, "notify::text",
                                      G_CALLBACK (filter_text_changed_cb));
  jln_session_binding_connect_filter (self->session_binding, "notify::error",
                                      G_CALLBACK (update_error));
  /* The filter notifies its text and error before it changes its query. */
  jln_session_binding_connect_filter (self->session_binding, "changed", G_CALLBACK (update_error));
}

GtkWidget *
jln_filter_bar_new (void)
{
  return g_object_new (JLN_TYPE_FILTER_BAR, NULL);
}

JlnSession *
jln_filter_bar_get_session (JlnFilterBar *self)
{
  g_return_val_if_fail (JLN_IS_FILTER_BAR (self), NULL);

  return self->session;
}

void
jln_filter_bar_set_session (JlnFilterBar *self,
                            JlnSession   *session)
{
  g_return_if_fail (JLN_IS_FILTER_BAR (self));
  g_return_if_fail (session == NULL || JLN_IS_SESSION (session));

  if (self->session == session)
    return;

  g_set_object (&self->session, session);
  jln_session_binding_set_session (self->session_binding, session);
  set_filter (self, session != NULL ? jln_session_get_filter (session) : NULL);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

/**
 * jln_filter_bar_get_search_entry:
 *
 * The entry where the query is typed, for a search bar to connect to
 * and for its owner to know when Enter is pressed.
 */
GtkEditable *
jln_filter_bar_get_search_entry (JlnFilterBar *self)
{
  g_return_val_if_fail (JLN_IS_FILTER_BAR (self), NULL);

  return GTK_EDITABLE (self->search_entry);
}
