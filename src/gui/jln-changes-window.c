/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>

#include "jln-changes.h"
#include "jln-changes-window.h"
#include "jln-plan-pages.h"
#include "jln-print.h"
#include "jln-report.h"
#include "jln-report-charts.h"
#include "jln-session.h"
#include "jln-milestone.h"

/* "Changes since…": what happened to the actions of the plan since a
 * date chosen among the plan's milestones, the last days, or on a
 * calendar, read from the history of the plan file. */

typedef enum
{
  PRESET_MILESTONE,
  PRESET_DAYS,
  PRESET_CUSTOM,
} PresetKind;

typedef struct
{
  PresetKind    kind;
  GDateTime    *date;        /* PRESET_MILESTONE */
  int           days;        /* PRESET_DAYS */
  JlnMilestone *milestone;   /* PRESET_MILESTONE */
} Preset;

struct _JlnChangesWindow
{
  AdwWindow       parent_instance;

  JlnSession     *session;
  JlnDocument    *document;     /* the session's */
  JlnLang         content_language;
  GDateTime      *since;
  GArray         *presets;        /* Preset */
  GDateTime      *history_start;  /* when the plan file began to record changes */
  char           *summary;
  gboolean        updating;

  AdwWindowTitle *window_title;
  AdwComboRow    *since_row;
  GtkStringList  *since_model;
  AdwActionRow   *date_row;
  GtkMenuButton  *date_button;
  GtkPopover     *date_popover;
  GtkCalendar    *calendar;
  GtkLabel       *history_note;
  GtkStack       *stack;
  GtkLabel       *summary_label;
  GtkBox         *groups_box;
  AdwStatusPage  *empty_page;
};

G_DEFINE_FINAL_TYPE (JlnChangesWindow, jln_changes_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_SINCE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void refresh (JlnChangesWindow *self);

/* --- Dates as the interface shows them ------------------------------------ */

/* Month names are translated here rather than taken from the C library,
 * whose names follow LC_TIME and not the language of the interface. */
static const char *
month_abbreviation (int month)
{
  static const char * const months[] = {
    NC_("abbreviated month", "Jan."),
    NC_("abbreviated month", "Feb."),
    NC_("abbreviated month", "Mar."),
    NC_("abbreviated month", "Apr."),
    NC_("abbreviated month", "May"),
    NC_("abbreviated month", "June"),
    NC_("abbreviated month", "July"),
    NC_("abbreviated month", "Aug."),
    NC_("abbreviated month", "Sept."),
    NC_("abbreviated month", "Oct."),
    NC_("abbreviated month", "Nov."),
    NC_("abbreviated month", "Dec."),
  };

  g_return_val_if_fail (month >= 1 && month <= 12, "");
  return g_dpgettext2 (NULL, "abbreviated month", months[month - 1]);
}

static char *
format_month (GDateTime *date)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (date);

  /* Translators: a month and a year, as in “Dec. 2018”. */
  return g_strdup_printf (C_("month and year", "%1$s %2$d"),
                          month_abbreviation (g_date_time_get_month (local)),
                          g_date_time_get_year (local));
}

static char *
format_day (GDateTime *date)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (date);

  /* Translators: a day, as in “23 Nov. 2026”: the day of the month, the
   * abbreviated month, the year. */
  return g_strdup_printf (C_("day, month and year", "%1$d %2$s %3$d"),
                          g_date_time_get_day_of_month (local),
                          month_abbreviation (g_date_time_get_month (local)),
                          g_date_time_get_year (local));
}

/* A day, with the time unless it is the start of the day. */
static char *
format_moment (GDateTime *date)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (date);
  g_autofree char *day = format_day (local);
  g_autofree char *time = NULL;

  if (g_date_time_get_hour (local) == 0 && g_date_time_get_minute (local) == 0)
    return g_steal_pointer (&day);
  time = g_date_time_format (local, "%H:%M");
  /* Translators: a day and a time, as in “23 Nov. 2026 at 14:05”. */
  return g_strdup_printf (C_("day and time", "%1$s at %2$s"), day, time);
}

static GDateTime *
start_of_day (GDateTime *date)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (date);

  return g_date_time_new_local (g_date_time_get_year (local),
                                g_date_time_get_month (local),
                                g_date_time_get_day_of_month (local),
                                0, 0, 0);
}

/* A milestone's date, "2018-12" or "2018-12-05", as the start of that
 * month or day. */
static GDateTime *
parse_milestone_date (const char *text)
{
  int year, month, day;

  if (!jln_date_parse (text, &year, &month, &day) || month == 0)
    return NULL;
  return g_date_time_new_local (year, month, day > 0 ? day : 1, 0, 0, 0);
}

/* --- The since chooser ----------------------------------------------------- */

static void
preset_clear (Preset *preset)
{
  g_clear_pointer (&preset->date, g_date_time_unref);
  g_clear_object (&preset->milestone);
}

static int
compare_presets_newest_first (gconstpointer a,
                              gconstpointer b)
{
  const Preset *preset_a = a;
  const Preset *preset_b = b;

  return g_date_time_compare (preset_b->date, preset_a->date);
}

static char *
describe_preset (JlnChangesWindow *self,
                 const Preset     *preset)
{
  g_autofree char *month = NULL;

  switch (preset->kind)
    {
    case PRESET_DAYS:
      return g_strdup_printf (dngettext (GETTEXT_PACKAGE, "Last %d day", "Last %d days",
                                         preset->days),
                              preset->days);
    case PRESET_CUSTOM:
      return g_strdup (_("Since a date of your choice"));
    case PRESET_MILESTONE:
    default:
      break;
    }

  month = format_month (preset->date);
  switch (jln_milestone_get_kind (preset->milestone))
    {
    case JLN_MILESTONE_KIND_SUBMISSION:
      /* Translators: %s is a month, as in “Since the first submission (May 2016)”. */
      return g_strdup_printf (_("Since the first submission (%s)"), month);
    case JLN_MILESTONE_KIND_EVALUATION:
      /* Translators: %s is a month, as in “Since the internal evaluation (Dec. 2018)”. */
      return g_strdup_printf (_("Since the internal evaluation (%s)"), month);
    case JLN_MILESTONE_KIND_RENEWAL:
      /* Translators: %s is a month, as in “Since the renewal of the award (Mar. 2022)”. */
      return g_strdup_printf (_("Since the renewal of the award (%s)"), month);
    case JLN_MILESTONE_KIND_OTHER:
    default:
      {
        const char *title = jln_text_get_fallback (jln_milestone_get_title (preset->milestone),
                                                   self->content_language, NULL);

        /* Translators: %1$s is the title of a milestone of the plan, %2$s a month. */
        return g_strdup_printf (_("Since “%1$s” (%2$s)"), title != NULL ? title : "", month);
      }
    }
}

static void
fill_since_model (JlnChangesWindow *self)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  guint selected = adw_combo_row_get_selected (self->since_row);

  for (guint i = 0; i < self->presets->len; i++)
    g_ptr_array_add (labels, describe_preset (self, &g_array_index (self->presets, Preset, i)));
  g_ptr_array_add (labels, NULL);

  self->updating = TRUE;
  gtk_string_list_splice (self->since_model, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->since_model)),
                          (const char * const *) labels->pdata);
  if (selected < self->presets->len)
    adw_combo_row_set_selected (self->since_row, selected);
  self->updating = FALSE;
}

static void
build_presets (JlnChangesWindow *self)
{
  GListModel *milestones = jln_plan_get_milestones (jln_document_get_plan (self->document));
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  Preset preset = { 0 };

  /* The plan's milestones that are past, the most recent first. */
  for (guint i = 0; i < g_list_model_get_n_items (milestones); i++)
    {
      g_autoptr(JlnMilestone) milestone = g_list_model_get_item (milestones, i);
      GDateTime *date = parse_milestone_date (jln_milestone_get_date (milestone));

      if (date == NULL || g_date_time_compare (date, now) > 0)
        {
          g_clear_pointer (&date, g_date_time_unref);
          continue;
        }
      preset = (Preset) { PRESET_MILESTONE, date, 0, g_steal_pointer (&milestone) };
      g_array_append_val (self->presets, preset);
    }
  g_array_sort (self->presets, compare_presets_newest_first);

  preset = (Preset) { PRESET_DAYS, NULL, 7, NULL };
  g_array_append_val (self->presets, preset);
  preset = (Preset) { PRESET_DAYS, NULL, 30, NULL };
  g_array_append_val (self->presets, preset);
  preset = (Preset) { PRESET_CUSTOM, NULL, 0, NULL };
  g_array_append_val (self->presets, preset);

  fill_since_model (self);
}

static guint
find_preset (JlnChangesWindow *self,
             PresetKind        kind)
{
  for (guint i = 0; i < self->presets->len; i++)
    if (g_array_index (self->presets, Preset, i).kind == kind)
      return i;
  return GTK_INVALID_LIST_POSITION;
}

static void
set_since (JlnChangesWindow *self,
           GDateTime        *since)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (since);

  if (self->since != NULL && g_date_time_equal (self->since, since))
    return;

  g_clear_pointer (&self->since, g_date_time_unref);
  self->since = g_date_time_ref (since);

  self->updating = TRUE;
  gtk_calendar_select_day (self->calendar, local);
  self->updating = FALSE;

  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SINCE]);
}

/* The periods in the popover of the combo row, whole: the default
 * factory cuts them after 20 characters. */
static void
period_check_cb (AdwComboRow *row,
                 GParamSpec  *pspec,
                 GtkListItem *list_item)
{
  GtkWidget *check = g_object_get_data (G_OBJECT (list_item), "check");

  gtk_widget_set_opacity (check, adw_combo_row_get_selected (row) ==
                                 gtk_list_item_get_position (list_item) ? 1 : 0);
}

static void
period_setup_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *check = gtk_image_new_from_icon_name ("jln-object-select-symbolic");

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 45);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_accessible_update_state (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), check);
  g_object_set_data (G_OBJECT (list_item), "label", label);
  g_object_set_data (G_OBJECT (list_item), "check", check);
  gtk_list_item_set_child (list_item, box);
}

static void
period_bind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                JlnChangesWindow         *self)
{
  GtkStringObject *item = gtk_list_item_get_item (list_item);
  GtkWidget *label = g_object_get_data (G_OBJECT (list_item), "label");
  gulong handler;

  gtk_label_set_text (GTK_LABEL (label), gtk_string_object_get_string (item));
  handler = g_signal_connect (self->since_row, "notify::selected",
                              G_CALLBACK (period_check_cb), list_item);
  g_object_set_data (G_OBJECT (list_item), "handler", GSIZE_TO_POINTER (handler));
  g_object_set_data (G_OBJECT (list_item), "row", self->since_row);
  period_check_cb (self->since_row, NULL, list_item);
}

static void
period_unbind_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  JlnChangesWindow         *self)
{
  gulong handler = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (list_item), "handler"));
  AdwComboRow *row = g_object_get_data (G_OBJECT (list_item), "row");

  /* The row, and not self->since_row: the window may be disposing of its
   * template, and the row of its children, when the items are unbound. */
  if (handler != 0 && row != NULL)
    g_signal_handler_disconnect (row, handler);
  g_object_set_data (G_OBJECT (list_item), "handler", NULL);
  g_object_set_data (G_OBJECT (list_item), "row", NULL);
}

static void
since_selected_cb (JlnChangesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->since_row);
  g_autoptr(GDateTime) since = NULL;
  const Preset *preset;

  if (self->updating || selected >= self->presets->len)
    return;

  preset = &g_array_index (self->presets, Preset, selected);
  gtk_widget_set_visible (GTK_WIDGET (self->date_row), preset->kind == PRESET_CUSTOM);
  switch (preset->kind)
    {
    case PRESET_MILESTONE:
      since = g_date_time_ref (preset->date);
      break;
    case PRESET_DAYS:
      {
        g_autoptr(GDateTime) now = g_date_time_new_now_local ();

        since = g_date_time_add_days (now, -preset->days);
        break;
      }
    case PRESET_CUSTOM:
    default:
      /* Start from the day chosen so far. */
      since = start_of_day (self->since);
      break;
    }
  set_since (self, since);
}

static void
day_selected_cb (JlnChangesWindow *self)
{
  g_autoptr(GDateTime) date = NULL;
  g_autoptr(GDateTime) since = NULL;

  if (self->updating)
    return;
  date = gtk_calendar_get_date (self->calendar);
  since = start_of_day (date);
  gtk_popover_popdown (self->date_popover);
  set_since (self, since);
}

/* --- The list of changes --------------------------------------------------- */

static char *
format_semester (JlnSemester semester)
{
  if (semester == JLN_SEMESTER_NONE)
    return g_strdup (C_("due date", "not planned"));
  return jln_semester_format (semester, JLN_SEMESTER_STYLE_LONG, jln_lang_from_locale ());
}

static char *
describe_shift (int shift)
{
  if (shift > 0)
    /* Translators: how much later an action is now planned. */
    return g_strdup_printf (dngettext (GETTEXT_PACKAGE, "+%d semester", "+%d semesters", shift),
                            shift);
  /* Translators: how much earlier an action is now planned; the sign is a minus (U+2212). */
  return g_strdup_printf (dngettext (GETTEXT_PACKAGE, "−%d semester", "−%d semesters",
                                     -shift), -shift);
}

static char *
describe_replanning (const JlnChange *change)
{
  g_autofree char *old_due = format_semester (change->old_due);
  g_autofree char *new_due = format_semester (change->new_due);
  g_autofree char *shift = NULL;

  if (change->old_due == JLN_SEMESTER_NONE || change->new_due == JLN_SEMESTER_NONE)
    /* Translators: a change of due date, as in “2nd sem. 2022 → not planned”. */
    return g_strdup_printf (C_("re-planned", "%1$s → %2$s"), old_due, new_due);

  shift = describe_shift (change->shift);
  /* Translators: a change of due date, as in
   * “2nd sem. 2022 → 2nd sem. 2023 (+2 semesters)”. */
  return g_strdup_printf (C_("re-planned", "%1$s → %2$s (%3$s)"), old_due, new_due, shift);
}

static char *
describe_completion (const JlnChange *change)
{
  g_autofree char *completion = NULL;

  if (!jln_completion_is_set (&change->completion))
    return g_strdup (_("Marked as done"));
  completion = jln_completion_format (&change->completion, jln_lang_from_locale ());
  /* Translators: %s is a year, a range of years or a semester. */
  return g_strdup_printf (_("Done in %s"), completion);
}

/* A field as the history names it ("title-en"), as the interface names it. */
static const char *
field_label (const char *field)
{
  static const struct { const char *name; const char *label; } labels[] = {
    { "number", NC_("changed field", "number") },
    { "label", NC_("changed field", "label") },
    { "title", NC_("changed field", "title") },
    { "theme", NC_("changed field", "theme") },
    { "description", NC_("changed field", "description") },
    { "status", NC_("changed field", "status") },
    { "completion", NC_("changed field", "completion") },
    { "start", NC_("changed field", "start") },
    { "due", NC_("changed field", "due date") },
    { "recurrence", NC_("changed field", "recurrence") },
    { "next", NC_("changed field", "next date") },
    { "references", NC_("changed field", "references") },
    { "extension", NC_("changed field", "extension") },
    { "note", NC_("changed field", "note") },
    { "actors", NC_("changed field", "actors") },
    { "follow_up", NC_("changed field", "follow-up") },
    { "schedule", NC_("changed field", "schedule") },
    { "units", NC_("changed field", "units") },
    { "principles", NC_("changed field", "principles") },
    { "position", NC_("changed field", "order") },
  };
  g_autofree char *base = g_strdup (field);

  /* A text is changed in one language or the other: "title-fr", "title-en". */
  if (g_str_has_suffix (base, "-fr") || g_str_has_suffix (base, "-en"))
    base[strlen (base) - 3] = '\0';

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (labels[i].name, base))
      return g_dpgettext2 (NULL, "changed field", labels[i].label);
  return field;
}

static char *
describe_edits (const JlnChange *change)
{
  g_autoptr(GPtrArray) seen = g_ptr_array_new ();
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint i = 0; change->fields != NULL && change->fields[i] != NULL; i++)
    {
      const char *label = field_label (change->fields[i]);

      if (g_ptr_array_find_with_equal_func (seen, label, g_str_equal, NULL))
        continue;
      g_ptr_array_add (seen, (gpointer) label);
      if (list->len > 0)
        /* Translators: between the items of a list, as in “title, units”. */
        g_string_append (list, C_("list separator", ", "));
      g_string_append (list, label);
    }
  /* Translators: %s is a list of fields, as in “Changed: title, units”. */
  return g_strdup_printf (_("Changed: %s"), list->str);
}

static char *
describe_measurement (const JlnChange *change)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (isnan (change->value))
    return g_strdup (change->date != NULL ? change->date : "");
  /* Translators: a measurement of an indicator: its date and its value. */
  return g_strdup_printf (_("%1$s: %2$s"), change->date != NULL ? change->date : "",
                          g_ascii_formatd (buffer, sizeof buffer, "%.4g", change->value));
}

static GtkWidget *
new_change_row (JlnChangesWindow *self,
                const JlnChange  *change,
                JlnChangeFlags    group)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *number = jln_change_dup_number (change);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  const char *text = jln_text_get_fallback (&change->title, self->content_language, NULL);

  if (text != NULL && *text != '\0' && *number != '\0')
    {
      g_autofree char *isolated_number = jln_text_isolate (number);
      g_autofree char *isolated_text = jln_text_isolate (text);

      title = g_strdup_printf ("%s %s", isolated_number, isolated_text);
    }
  else
    title = g_strdup (text != NULL && *text != '\0' ? text : number);

  switch (group)
    {
    case JLN_CHANGE_COMPLETED:
      subtitle = describe_completion (change);
      break;
    case JLN_CHANGE_REPLANNED:
      subtitle = describe_replanning (change);
      break;
    case JLN_CHANGE_EDITED:
      subtitle = describe_edits (change);
      break;
    case JLN_CHANGE_MEASURED:
      subtitle = describe_measurement (change);
      break;
    case JLN_CHANGE_ADDED:
    case JLN_CHANGE_REMOVED:
    default:
      break;
    }

  /* Plan content is plain text. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (change->origin != NULL)
    {
      g_autofree char *with_origin = NULL;

      if (subtitle != NULL)
        /* Translators: %1$s says what changed, %2$s is the file name of the copy it comes from. */
        with_origin = g_strdup_printf (_("%1$s (from the copy %2$s)"), subtitle, change->origin);
      else
        /* Translators: %s is the file name of the copy a change comes from. */
        with_origin = g_strdup_printf (_("From the copy %s"), change->origin);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), with_origin);
    }
  else if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  if (change->time != NULL)
    {
      g_autofree char *day = format_day (change->time);
      g_autofree char *tooltip = NULL;
      GtkWidget *label = gtk_label_new (day);

      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "caption");
      gtk_widget_add_css_class (label, "numeric");
      if (change->origin != NULL)
        /* Translators: %1$s is a file name, %2$s a day: “From plan-est.jalons, a copy, on 3 Mar. 2026”. */
        tooltip = g_strdup_printf (_("From the copy %1$s, changed there on %2$s"), change->origin, day);
      else
        /* Translators: %s is a day, as in “Last changed on 23 Nov. 2026”. */
        tooltip = g_strdup_printf (_("Last changed on %s"), day);
      gtk_widget_set_tooltip_text (label, tooltip);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }
  return row;
}

static void
add_group (JlnChangesWindow *self,
           GPtrArray        *changes,
           JlnChangeFlags    flag,
           const char       *title)
{
  GtkWidget *group = NULL;

  for (guint i = 0; i < changes->len; i++)
    {
      const JlnChange *change = g_ptr_array_index (changes, i);

      if (!(change->flags & flag))
        continue;
      if (group == NULL)
        {
          group = adw_preferences_group_new ();
          adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
          gtk_box_append (self->groups_box, group);
        }
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                 new_change_row (self, change, flag));
    }
}

static void
append_count (GString *summary,
              guint    n,
              char    *part)
{
  g_autofree char *owned = part;

  if (n == 0)
    return;
  if (summary->len > 0)
    g_string_append (summary, C_("list separator", ", "));
  g_string_append (summary, part);
}

static char *
describe_counts (const JlnChangeCounts *counts)
{
  GString *summary = g_string_new (NULL);

  /* Translators: the parts of a summary of changes to actions or sub-items,
   * as in “3 added, 5 completed, 2 re-planned, 7 edited, 1 removed”. */
  append_count (summary, counts->added,
                g_strdup_printf (dngettext (GETTEXT_PACKAGE, "%u added", "%u added",
                                            counts->added), counts->added));
  append_count (summary, counts->completed,
                g_strdup_printf (dngettext (GETTEXT_PACKAGE, "%u completed", "%u completed",
                                            counts->completed), counts->completed));
  append_count (summary, counts->replanned,
                g_strdup_printf (dngettext (GETTEXT_PACKAGE, "%u re-planned", "%u re-planned",
                                            counts->replanned), counts->replanned));
  append_count (summary, counts->edited,
                g_strdup_printf (dngettext (GETTEXT_PACKAGE, "%u edited", "%u edited",
                                            counts->edited), counts->edited));
  append_count (summary, counts->removed,
                g_strdup_printf (dngettext (GETTEXT_PACKAGE, "%u removed", "%u removed",
                                            counts->removed), counts->removed));
  append_count (summary, counts->measured,
                g_strdup_printf (dngettext (GETTEXT_PACKAGE, "%u measurement entered",
                                            "%u measurements entered", counts->measured),
                                 counts->measured));
  return g_string_free (summary, FALSE);
}

static void
update_history_note (JlnChangesWindow *self)
{
  g_autofree char *day = NULL;
  g_autofree char *note = NULL;
  gboolean visible = self->history_start != NULL &&
                     g_date_time_compare (self->since, self->history_start) < 0;

  gtk_widget_set_visible (GTK_WIDGET (self->history_note), visible);
  if (!visible)
    return;
  day = format_day (self->history_start);
  /* Translators: %s is a day, as in “23 Nov. 2026”. */
  note = g_strdup_printf (_("Changes are recorded since this plan file was created, on %s. "
                            "Earlier changes are not known."), day);
  gtk_label_set_text (self->history_note, note);
}

static void
show_empty (JlnChangesWindow *self,
            const char       *title,
            const char       *description)
{
  g_autofree char *escaped = g_markup_escape_text (description, -1);

  adw_status_page_set_title (self->empty_page, title);
  adw_status_page_set_description (self->empty_page, escaped);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

/* What the report to a steering committee adds to the changes: the
 * actions overdue and the progress notes of the period. */
static void
add_report_groups (JlnChangesWindow *self)
{
  g_autoptr(JlnReport) report = jln_report_new (self->document, self->since, NULL, NULL);
  static const JlnReportList lists[] = { JLN_REPORT_OVERDUE, JLN_REPORT_NOTES };

  if (report == NULL)
    return;
  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    {
      GPtrArray *entries = jln_report_get_list (report, lists[l]);
      GtkWidget *group;

      if (entries->len == 0)
        continue;
      group = adw_preferences_group_new ();
      gtk_widget_set_name (group, lists[l] == JLN_REPORT_OVERDUE ? "overdue" : "notes");
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group),
                                       lists[l] == JLN_REPORT_OVERDUE ? _("Overdue") : _("Progress Notes"));
      for (guint i = 0; i < entries->len; i++)
        {
          JlnReportEntry *entry = g_ptr_array_index (entries, i);
          GtkWidget *row = adw_action_row_new ();
          const JlnText *text = lists[l] == JLN_REPORT_OVERDUE ? &entry->title : &entry->text;
          const char *shown = jln_text_get_fallback (text, self->content_language, NULL);
          g_autofree char *isolated_number = jln_text_isolate (entry->number != NULL ? entry->number : "");
          g_autofree char *isolated_text = jln_text_isolate (shown != NULL ? shown : "");
          g_autofree char *title = g_strdup_printf ("%s %s", isolated_number, isolated_text);
          g_autofree char *subtitle = NULL;

          if (lists[l] == JLN_REPORT_OVERDUE)
            {
              g_autofree char *due = jln_semester_format (entry->due, JLN_SEMESTER_STYLE_LONG,
                                                          jln_lang_from_locale ());

              /* Translators: an overdue action's planned semester. */
              subtitle = g_strdup_printf (_("Planned for %s"), due != NULL ? due : "");
            }
          else
            subtitle = entry->author != NULL ? g_strdup_printf (_("%1$s — %2$s"), entry->date, entry->author)
                                             : g_strdup (entry->date);
          /* Plan content is plain text. */
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
          adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
        }
      gtk_box_append (self->groups_box, group);
    }
}

static void
refresh (JlnChangesWindow *self)
{
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *day = NULL;
  GtkWidget *child;
  JlnChangeCounts counts;

  if (self->document == NULL || self->since == NULL)
    return;

  day = format_day (self->since);
  gtk_menu_button_set_label (self->date_button, day);
  update_history_note (self);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->groups_box))) != NULL)
    gtk_box_remove (self->groups_box, child);
  g_clear_pointer (&self->summary, g_free);

  changes = jln_document_get_changes (self->document, self->since, &error);
  if (changes == NULL)
    {
      self->summary = g_strdup ("");
      show_empty (self, _("Cannot Read the Changes"), error->message);
      return;
    }
  if (changes->len == 0)
    {
      g_autofree char *moment = format_moment (self->since);
      g_autofree char *description = NULL;

      self->summary = g_strdup (_("No changes"));
      /* Translators: %s is a day, as in “23 Nov. 2026”, or a day and a time. */
      description = g_strdup_printf (_("Nothing has changed in the plan since %s."), moment);
      show_empty (self, _("No Changes"), description);
      return;
    }

  jln_changes_count (changes, &counts);
  self->summary = describe_counts (&counts);
  gtk_label_set_text (self->summary_label, self->summary);

  add_group (self, changes, JLN_CHANGE_ADDED, _("Added"));
  add_group (self, changes, JLN_CHANGE_COMPLETED, C_("changes group", "Completed"));
  add_group (self, changes, JLN_CHANGE_REPLANNED, _("Re-planned"));
  add_group (self, changes, JLN_CHANGE_EDITED, _("Edited"));
  add_group (self, changes, JLN_CHANGE_REMOVED, _("Removed"));
  add_group (self, changes, JLN_CHANGE_MEASURED, _("Indicator Measurements"));
  add_report_groups (self);
  gtk_stack_set_visible_child_name (self->stack, "changes");
}

static void
write_report_cb (JlnDoc   *doc,
                 JlnLang   lang,
                 gpointer  data)
{
  jln_report_write (data, doc, lang);
}

static void
show_report_error (JlnChangesWindow *self,
                   const char       *message)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                                         _("Cannot Make the Report"),
                                                                         message));

  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static JlnReport *
make_report (JlnChangesWindow *self)
{
  g_autoptr(GError) error = NULL;
  JlnReport *report;

  if (self->document == NULL || self->since == NULL)
    return NULL;
  report = jln_report_new (self->document, self->since, NULL, &error);
  if (report == NULL)
    show_report_error (self, error->message);
  else
    jln_report_set_charts_func (report, jln_report_charts_draw, NULL);
  return report;
}

static void
export_response_cb (GtkNativeDialog  *chooser,
                    int               response,
                    JlnChangesWindow *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(JlnReport) report = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_object_unref (chooser);
  path = file != NULL ? g_file_get_path (file) : NULL;
  if (path == NULL || (report = make_report (self)) == NULL)
    return;
  /* A report is a few pages: it is written at once. */
  if (!jln_plan_pages_export_writer (jln_document_get_plan (self->document), write_report_cb, report,
                                     self->content_language, JLN_PAGE_A4, path, &error))
    show_report_error (self, error->message);
}

static void
export_report_cb (JlnChangesWindow *self)
{
  GtkFileChooserNative *chooser;
  GtkFileFilter *filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Export the Report"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Documents (ODT, DOCX, PDF)"));
  gtk_file_filter_add_suffix (filter, "odt");
  gtk_file_filter_add_suffix (filter, "docx");
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);
  /* Translators: the file name suggested for a report; keep the extension. */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("steering-committee-report.odt"));
  g_signal_connect (chooser, "response", G_CALLBACK (export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
print_report_cb (JlnChangesWindow *self)
{
  JlnReport *report = make_report (self);
  g_autoptr(JlnPlanPages) pages = NULL;
  g_autoptr(JlnRenderStyle) style = NULL;

  if (report == NULL)
    return;
  pages = jln_plan_pages_new_for_writer (jln_document_get_plan (self->document), write_report_cb, report,
                                         (GDestroyNotify) jln_report_free);
  style = jln_render_style_new (JLN_RENDER_SCHEME_LIGHT, self->content_language);
  jln_print_picture (GTK_WINDOW (self), JLN_PICTURE (pages), style);
}

/* --- The window ------------------------------------------------------------ */

static void
update_title (JlnChangesWindow *self)
{
  const JlnText *title = jln_plan_get_title (jln_document_get_plan (self->document));

  adw_window_title_set_subtitle (self->window_title,
                                 jln_text_get_fallback (title, self->content_language, NULL));
}

static void
find_history_start (JlnChangesWindow *self)
{
  g_autoptr(GPtrArray) rows = jln_document_get_history (self->document, NULL, NULL);

  if (rows != NULL && rows->len > 0)
    {
      JlnHistoryRow *first = g_ptr_array_index (rows, 0);

      self->history_start = g_date_time_new_from_iso8601 (first->time, NULL);
    }
}

static void set_content_language (JlnChangesWindow *self,
                                  JlnLang           lang);

/* The titles follow the window's language. */
static void
session_language_changed_cb (JlnChangesWindow *self)
{
  set_content_language (self, jln_session_get_content_language (self->session));
}

static void
jln_changes_window_constructed (GObject *object)
{
  JlnChangesWindow *self = JLN_CHANGES_WINDOW (object);
  guint selected = 0;

  G_OBJECT_CLASS (jln_changes_window_parent_class)->constructed (object);

  g_return_if_fail (JLN_IS_SESSION (self->session));
  self->document = g_object_ref (jln_session_get_document (self->session));
  g_return_if_fail (JLN_IS_DOCUMENT (self->document));
  self->content_language = jln_session_get_content_language (self->session);
  g_signal_connect_object (self->session, "notify::content-language",
                           G_CALLBACK (session_language_changed_cb), self, G_CONNECT_SWAPPED);

  find_history_start (self);
  update_title (self);
  build_presets (self);

  /* By default, since the most recent milestone, the last review. */
  if (g_array_index (self->presets, Preset, 0).kind != PRESET_MILESTONE)
    selected = find_preset (self, PRESET_DAYS) + 1;
  self->since = g_date_time_new_now_local ();
  adw_combo_row_set_selected (self->since_row, selected);
  since_selected_cb (self);
}

static void
jln_changes_window_dispose (GObject *object)
{
  JlnChangesWindow *self = JLN_CHANGES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), JLN_TYPE_CHANGES_WINDOW);
  g_clear_object (&self->document);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (jln_changes_window_parent_class)->dispose (object);
}

static void
jln_changes_window_finalize (GObject *object)
{
  JlnChangesWindow *self = JLN_CHANGES_WINDOW (object);

  g_clear_pointer (&self->presets, g_array_unref);
  g_clear_pointer (&self->since, g_date_time_unref);
  g_clear_pointer (&self->history_start, g_date_time_unref);
  g_clear_pointer (&self->summary, g_free);

  G_OBJECT_CLASS (jln_changes_window_parent_class)->finalize (object);
}

static void
jln_changes_window_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  JlnChangesWindow *self = JLN_CHANGES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_SINCE:
      g_value_set_boxed (value, self->since);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jln_changes_window_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  JlnChangesWindow *self = JLN_CHANGES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;
    case PROP_SINCE:
      if (g_value_get_boxed (value) != NULL)
        jln_changes_window_set_since (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jln_changes_window_class_init (JlnChangesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = jln_changes_window_constructed;
  object_class->dispose = jln_changes_window_dispose;
  object_class->finalize = jln_changes_window_finalize;
  object_class->get_property = jln_changes_window_get_property;
  object_class->set_property = jln_changes_window_set_property;

  /**
   * JlnChangesWindow:session:
   *
   * The session of the window it was opened from: the history of its
   * document is read, with titles in its content language.
   */
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, JLN_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SINCE] =
    g_param_spec_boxed ("since", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/jalons/Jalons/jln-changes-window.ui");
  gtk_widget_class_bind_template_child (widget_class, JlnChangesWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, JlnChangesWindow, since_row);
  gtk_widget_class_bind_template_child (widget_class, JlnChangesWindow, since_model);
  gtk_widget_class_bind_template_child (widget_class, JlnChangesWindow, date_row);
  gtk_widget_class_bind_template_child (widget_class, JlnChangesWindow, date_button);
  gtk_widget_class_bind_template_child (widget_class, JlnChangesWindow, date_popover);
  gtk_widget_class_bind_template_child (widget_class, JlnChangesWindow, calendar);
  gtk_widget_class_bind_template_child (widget_class, JlnChangesWindow, history_note);
  gtk_widget_class_bind_template_child (widget_class, JlnChangesWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, JlnChangesWindow, summary_label);
  gtk_widget_class_bind_template_child (widget_class, JlnChangesWindow, groups_box);
  gtk_widget_class_bind_template_child (widget_class, JlnChangesWindow, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, since_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, export_report_cb);
  gtk_widget_class_bind_template_callback (widget_class, print_report_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
jln_changes_window_init (JlnChangesWindow *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  self->presets = g_array_new (FALSE, TRUE, sizeof (Preset));
  g_array_set_clear_func (self->presets, (GDestroyNotify) preset_clear);

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (factory, "setup", G_CALLBACK (period_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (period_bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (period_unbind_cb), self);
  adw_combo_row_set_list_factory (self->since_row, factory);
}

/**
 * jln_changes_window_new:
 * @parent: (nullable): the window it is modal for
 * @session: the session whose document's history is read, with titles
 *   of actions in its content language
 *
 * Returns: (transfer floating): a new window, not yet shown: call
 *   gtk_window_present() on it
 */
GtkWidget *
jln_changes_window_new (GtkWindow  *parent,
                        JlnSession *session)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (JLN_IS_SESSION (session), NULL);
  g_return_val_if_fail (JLN_IS_DOCUMENT (jln_session_get_document (session)), NULL);

  return g_object_new (JLN_TYPE_CHANGES_WINDOW,
                       "transient-for", parent,
                       "session", session,
                       NULL);
}

JlnDocument *
jln_changes_window_get_document (JlnChangesWindow *self)
{
  g_return_val_if_fail (JLN_IS_CHANGES_WINDOW (self), NULL);
  return self->document;
}

JlnLang
jln_changes_window_get_content_language (JlnChangesWindow *self)
{
  g_return_val_if_fail (JLN_IS_CHANGES_WINDOW (self), JLN_LANG_FR);
  return self->content_language;
}

static void
set_content_language (JlnChangesWindow *self,
                      JlnLang           lang)
{
  if (self->content_language == lang)
    return;
  self->content_language = lang;
  if (self->document != NULL)
    {
      update_title (self);
      fill_since_model (self);
      refresh (self);
    }
}

/**
 * jln_changes_window_get_since:
 *
 * Returns: (transfer none): from when changes are listed
 */
GDateTime *
jln_changes_window_get_since (JlnChangesWindow *self)
{
  g_return_val_if_fail (JLN_IS_CHANGES_WINDOW (self), NULL);
  return self->since;
}

/**
 * jln_changes_window_set_since:
 *
 * Lists the changes since @since, to the microsecond, as a date of the
 * user's choice.
 */
void
jln_changes_window_set_since (JlnChangesWindow *self,
                              GDateTime        *since)
{
  guint custom;

  g_return_if_fail (JLN_IS_CHANGES_WINDOW (self));
  g_return_if_fail (since != NULL);

  custom = find_preset (self, PRESET_CUSTOM);
  if (custom != GTK_INVALID_LIST_POSITION)
    {
      self->updating = TRUE;
      adw_combo_row_set_selected (self->since_row, custom);
      self->updating = FALSE;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->date_row), TRUE);
  set_since (self, since);
}

/**
 * jln_changes_window_get_summary:
 *
 * Returns: (transfer none): the summary shown, as in “3 added, 1 removed”
 */
const char *
jln_changes_window_get_summary (JlnChangesWindow *self)
{
  g_return_val_if_fail (JLN_IS_CHANGES_WINDOW (self), NULL);
  return self->summary;
}
