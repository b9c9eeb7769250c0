/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "jln-charts.h"
#include "jln-enums.h"
#include "jln-indicator-dialog.h"
#include "jln-measurement.h"
#include "jln-plan-edits.h"
#include "jln-target.h"

struct _JlnIndicatorDialog
{
  AdwWindow     parent_instance;

  JlnSession   *session;
  JlnDocument  *document;
  JlnIndicator *indicator;
  JlnKind       kind;
  JlnRecord    *record;        /* NULL for a new one */
  JlnLang       lang;
  GPtrArray    *series;        /* JlnText *, borrowed from the targets: measurement populations */

  /* Template widgets; a row the record does not have is taken away and
   * its pointer cleared. */
  GtkWidget    *save_button;
  GtkLabel     *indicator_label;
  AdwPreferencesGroup *group;
  AdwEntryRow  *date_row;
  AdwEntryRow  *year_row;
  AdwEntryRow  *value_row;
  AdwEntryRow  *series_row;    /* targets: typed */
  AdwComboRow  *series_combo;  /* measurements: chosen among the targets' */
  AdwEntryRow  *text_row;
  AdwEntryRow  *note_row;
  AdwEntryRow  *source_row;
  AdwEntryRow  *number_row;    /* indicators */
  AdwEntryRow  *title_row;
  AdwComboRow  *kind_combo;
  AdwEntryRow  *measure_row;
  AdwEntryRow  *actors_row;
  AdwEntryRow  *follow_up_row;
  GtkLabel     *error_label;
};

G_DEFINE_FINAL_TYPE (JlnIndicatorDialog, jln_indicator_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_INDICATOR,
  PROP_KIND,
  PROP_RECORD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void setup (JlnIndicatorDialog *self);
static void entry_activated_cb (JlnIndicatorDialog *self,
                                AdwEntryRow        *row);

static void
jln_indicator_dialog_constructed (GObject *object)
{
  JlnIndicatorDialog *self = JLN_INDICATOR_DIALOG (object);

  G_OBJECT_CLASS (jln_indicator_dialog_parent_class)->constructed (object);

  g_return_if_fail (self->session != NULL && jln_session_get_document (self->session) != NULL);
  self->document = g_object_ref (jln_session_get_document (self->session));
  self->lang = jln_session_get_content_language (self->session);
  setup (self);
}

static void
jln_indicator_dialog_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  JlnIndicatorDialog *self = JLN_INDICATOR_DIALOG (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_INDICATOR:
      g_value_set_object (value, self->indicator);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_RECORD:
      g_value_set_object (value, self->record);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jln_indicator_dialog_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  JlnIndicatorDialog *self = JLN_INDICATOR_DIALOG (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;
    case PROP_INDICATOR:
      self->indicator = g_value_dup_object (value);
      break;
    case PROP_KIND:
      self->kind = g_value_get_enum (value);
      break;
    case PROP_RECORD:
      self->record = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jln_indicator_dialog_dispose (GObject *object)
{
  JlnIndicatorDialog *self = JLN_INDICATOR_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), JLN_TYPE_INDICATOR_DIALOG);
  g_clear_object (&self->session);
  g_clear_object (&self->document);
  g_clear_object (&self->indicator);
  g_clear_object (&self->record);
  g_clear_pointer (&self->series, g_ptr_array_unref);

  G_OBJECT_CLASS (jln_indicator_dialog_parent_class)->dispose (object);
}

static void
save_cb (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  if (jln_indicator_dialog_save (JLN_INDICATOR_DIALOG (widget)))
    gtk_window_destroy (GTK_WINDOW (widget));
}

static void
cancel_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  gtk_window_destroy (GTK_WINDOW (widget));
}

static void
jln_indicator_dialog_class_init (JlnIndicatorDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = jln_indicator_dialog_constructed;
  object_class->dispose = jln_indicator_dialog_dispose;
  object_class->get_property = jln_indicator_dialog_get_property;
  object_class->set_property = jln_indicator_dialog_set_property;

  /**
   * JlnIndicatorDialog:session:
   *
   * The window's session: the document changed, and the content
   * language the texts are entered in.
   */
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, JLN_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * JlnIndicatorDialog:indicator:
   *
   * The indicator of the target or measurement entered, or %NULL for an
   * indicator.
   */
  properties[PROP_INDICATOR] =
    g_param_spec_object ("indicator", NULL, NULL, JLN_TYPE_INDICATOR,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * JlnIndicatorDialog:kind:
   *
   * What is entered: an indicator, a target or a measurement.
   */
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, JLN_TYPE_KIND, JLN_KIND_INDICATOR,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * JlnIndicatorDialog:record:
   *
   * The record changed, or %NULL for a new one.
   */
  properties[PROP_RECORD] =
    g_param_spec_object ("record", NULL, NULL, JLN_TYPE_RECORD,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/jalons/Jalons/jln-indicator-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, JlnIndicatorDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, JlnIndicatorDialog, indicator_label);
  gtk_widget_class_bind_template_child (widget_class, JlnIndicatorDialog, group);
  gtk_widget_class_bind_template_child (widget_class, JlnIndicatorDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, JlnIndicatorDialog, year_row);
  gtk_widget_class_bind_template_child (widget_class, JlnIndicatorDialog, value_row);
  gtk_widget_class_bind_template_child (widget_class, JlnIndicatorDialog, series_row);
  gtk_widget_class_bind_template_child (widget_class, JlnIndicatorDialog, series_combo);
  gtk_widget_class_bind_template_child (widget_class, JlnIndicatorDialog, text_row);
  gtk_widget_class_bind_template_child (widget_class, JlnIndicatorDialog, note_row);
  gtk_widget_class_bind_template_child (widget_class, JlnIndicatorDialog, source_row);
  gtk_widget_class_bind_template_child (widget_class, JlnIndicatorDialog, number_row);
  gtk_widget_class_bind_template_child (widget_class, JlnIndicatorDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, JlnIndicatorDialog, kind_combo);
  gtk_widget_class_bind_template_child (widget_class, JlnIndicatorDialog, measure_row);
  gtk_widget_class_bind_template_child (widget_class, JlnIndicatorDialog, actors_row);
  gtk_widget_class_bind_template_child (widget_class, JlnIndicatorDialog, follow_up_row);
  gtk_widget_class_bind_template_child (widget_class, JlnIndicatorDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated_cb);

  gtk_widget_class_install_action (widget_class, "dialog.save", NULL, save_cb);
  gtk_widget_class_install_action (widget_class, "dialog.cancel", NULL, cancel_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "dialog.cancel", NULL);
}

static void
jln_indicator_dialog_init (JlnIndicatorDialog *self)
{
  self->series = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Takes away a row the record does not have. */
static void
drop_row (JlnIndicatorDialog *self,
          gpointer            row_pointer)
{
  GtkWidget **row = row_pointer;

  if (*row == NULL)
    return;
  adw_preferences_group_remove (self->group, *row);
  *row = NULL;
}

static void
entry_activated_cb (JlnIndicatorDialog *self,
                    AdwEntryRow        *row)
{
  /* Enter after the date goes on to the value, which a measurement
   * needs; in any other field it saves. */
  if (row == self->date_row && self->value_row != NULL)
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->value_row));
      return;
    }
  gtk_widget_activate_action (GTK_WIDGET (self), "dialog.save", NULL);
}

/* A date as the date field shows it: DD/MM/YYYY, as its label says. */
static char *
format_date (const char *iso)
{
  int year = 0, month = 0, day = 0, consumed = 0;

  if (iso != NULL &&
      sscanf (iso, "%4d-%2d-%2d%n", &year, &month, &day, &consumed) == 3 && iso[consumed] == '\0' &&
      g_date_valid_dmy (day, month, year))
    return g_strdup_printf ("%02d/%02d/%04d", day, month, year);
  return g_strdup (iso != NULL ? iso : "");
}

static void
set_row_text (AdwEntryRow *row,
              const char  *text)
{
  if (row != NULL)
    gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

static char *
record_text (JlnRecord  *record,
             const char *field,
             JlnLang     lang)
{
  const JlnText *text = jln_record_get_text (record, field);
  const char *value = jln_text_get (text, lang);

  return g_strdup (value != NULL ? value : "");
}

static void
fill_from_record (JlnIndicatorDialog *self)
{
  JlnRecord *record = self->record;
  g_autofree char *value = NULL;
  double number;

  number = self->kind == JLN_KIND_TARGET ? jln_target_get_value (JLN_TARGET (record))
                                         : jln_measurement_get_value (JLN_MEASUREMENT (record));
  value = isnan (number) ? g_strdup ("") : jln_format_number (number, self->lang);
  set_row_text (self->value_row, value);

  if (self->kind == JLN_KIND_TARGET)
    {
      g_autofree char *year = g_strdup_printf ("%d", jln_target_get_year (JLN_TARGET (record)));
      g_autofree char *series = record_text (record, "series", self->lang);
      g_autofree char *text = record_text (record, "text", self->lang);

      set_row_text (self->year_row, year);
      set_row_text (self->series_row, series);
      set_row_text (self->text_row, text);
    }
  else
    {
      const JlnText *series = jln_measurement_get_series (JLN_MEASUREMENT (record));
      g_autofree char *note = record_text (record, "note", self->lang);
      g_autofree char *source = record_text (record, "source", self->lang);

      g_autofree char *date = format_date (jln_measurement_get_date (JLN_MEASUREMENT (record)));

      set_row_text (self->date_row, date);
      set_row_text (self->note_row, note);
      set_row_text (self->source_row, source);
      for (guint i = 0; i < self->series->len; i++)
        {
          const JlnText *s = g_ptr_array_index (self->series, i);

          if ((s->fr != NULL && g_strcmp0 (s->fr, series->fr) == 0) ||
              (s->en != NULL && g_strcmp0 (s->en, series->en) == 0))
            adw_combo_row_set_selected (self->series_combo, i + 1);
        }
    }
}

static void
collect_series (JlnIndicatorDialog *self)
{
  GListModel *targets = jln_indicator_get_targets (self->indicator);

  for (guint i = 0; i < g_list_model_get_n_items (targets); i++)
    {
      g_autoptr(JlnTarget) target = g_list_model_get_item (targets, i);
      const JlnText *series = jln_target_get_series (target);
      gboolean known = jln_text_is_empty (series);

      for (guint j = 0; j < self->series->len && !known; j++)
        {
          const JlnText *s = g_ptr_array_index (self->series, j);

          known = g_strcmp0 (s->fr, series->fr) == 0 && g_strcmp0 (s->en, series->en) == 0;
        }
      if (!known)
        g_ptr_array_add (self->series, (gpointer) series);
    }
}

static const char *kind_nicks[] = { "percentage", "count", "text" };

static void
fill_indicator_fields (JlnIndicatorDialog *self)
{
  JlnIndicator *indicator = self->record != NULL ? JLN_INDICATOR (self->record) : NULL;
  g_autofree char *number = NULL;

  if (indicator != NULL)
    {
      g_autofree char *title = record_text (self->record, "title", self->lang);
      g_autofree char *measure = record_text (self->record, "measure", self->lang);
      g_autofree char *actors = record_text (self->record, "actors", self->lang);
      g_autofree char *follow_up = record_text (self->record, "follow_up", self->lang);

      number = g_strdup_printf ("%d", jln_indicator_get_number (indicator));
      set_row_text (self->title_row, title);
      set_row_text (self->measure_row, measure);
      set_row_text (self->actors_row, actors);
      set_row_text (self->follow_up_row, follow_up);
      adw_combo_row_set_selected (self->kind_combo, jln_indicator_get_kind (indicator));
    }
  else
    {
      GListModel *indicators = jln_plan_get_indicators (jln_document_get_plan (self->document));
      int next = 1;

      for (guint i = 0; i < g_list_model_get_n_items (indicators); i++)
        {
          g_autoptr(JlnIndicator) other = g_list_model_get_item (indicators, i);

          next = MAX (next, jln_indicator_get_number (other) + 1);
        }
      number = g_strdup_printf ("%d", next);
    }
  set_row_text (self->number_row, number);
}

/* Keeps the rows of the record entered, with the titles its kind gives. */
static void
choose_rows (JlnIndicatorDialog *self)
{
  gboolean is_text = self->indicator != NULL &&
                     jln_indicator_get_kind (self->indicator) == JLN_INDICATOR_KIND_TEXT;
  gboolean is_percentage = self->indicator != NULL &&
                           jln_indicator_get_kind (self->indicator) == JLN_INDICATOR_KIND_PERCENTAGE;

  if (self->kind != JLN_KIND_INDICATOR)
    {
      drop_row (self, &self->number_row);
      drop_row (self, &self->title_row);
      drop_row (self, &self->kind_combo);
      drop_row (self, &self->measure_row);
      drop_row (self, &self->actors_row);
      drop_row (self, &self->follow_up_row);
    }
  if (self->kind == JLN_KIND_INDICATOR || is_text)
    drop_row (self, &self->value_row);
  if (self->kind != JLN_KIND_TARGET)
    {
      drop_row (self, &self->year_row);
      drop_row (self, &self->series_row);
      drop_row (self, &self->text_row);
    }
  if (self->kind != JLN_KIND_MEASUREMENT || self->series->len == 0)
    drop_row (self, &self->series_combo);
  if (self->kind != JLN_KIND_MEASUREMENT)
    {
      drop_row (self, &self->date_row);
      drop_row (self, &self->note_row);
      drop_row (self, &self->source_row);
    }

  if (self->value_row != NULL && self->kind == JLN_KIND_TARGET)
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->value_row),
                                   is_percentage ? _("Target value (%)") : _("Target value"));
  else if (self->value_row != NULL)
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->value_row),
                                   is_percentage ? _("Measured value (%)") : _("Measured value"));
  if (self->text_row != NULL)
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->text_row),
                                   is_text ? _("Target in words")
                                           : _("Target in words (instead of a value)"));
  if (self->note_row != NULL)
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->note_row),
                                   is_text ? _("What was done") : _("Note (optional)"));
}

static void
setup (JlnIndicatorDialog *self)
{
  const char *title;

  if (self->kind == JLN_KIND_INDICATOR)
    title = self->record == NULL ? _("New Indicator") : _("Edit Indicator");
  else if (self->kind == JLN_KIND_TARGET)
    title = self->record == NULL ? _("New Target") : _("Edit Target");
  else
    title = self->record == NULL ? _("New Measurement") : _("Edit Measurement");
  gtk_window_set_title (GTK_WINDOW (self), title);
  gtk_button_set_label (GTK_BUTTON (self->save_button),
                        self->record == NULL ? _("_Add") : _("_Save"));

  if (self->indicator != NULL)
    {
      const char *indicator_title = jln_text_get_fallback (jln_indicator_get_title (self->indicator),
                                                           self->lang, NULL);
      g_autofree char *description = g_strdup_printf ("%d. %s",
                                                      jln_indicator_get_number (self->indicator),
                                                      indicator_title != NULL ? indicator_title : "");

      /* Plan text, shown as plain text. */
      gtk_label_set_text (self->indicator_label, description);
      gtk_widget_set_visible (GTK_WIDGET (self->indicator_label), TRUE);
    }

  if (self->kind == JLN_KIND_MEASUREMENT)
    collect_series (self);
  choose_rows (self);

  if (self->series_combo != NULL)
    {
      g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

      gtk_string_list_append (names, _("Whole population"));
      for (guint i = 0; i < self->series->len; i++)
        {
          const char *name = jln_text_get_fallback (g_ptr_array_index (self->series, i),
                                                    self->lang, NULL);

          gtk_string_list_append (names, name != NULL ? name : "");
        }
      adw_combo_row_set_model (self->series_combo, G_LIST_MODEL (names));
    }

  if (self->kind == JLN_KIND_INDICATOR)
    fill_indicator_fields (self);
  else if (self->record != NULL)
    fill_from_record (self);
  else if (self->kind == JLN_KIND_MEASUREMENT)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *today = g_date_time_format (now, "%d/%m/%Y");
      JlnSemester end = jln_plan_get_end (jln_document_get_plan (self->document));

      /* Today, or the last day of a plan that is over, in the form the
       * field's label gives. */
      if (end != JLN_SEMESTER_NONE && jln_semester_from_date (now) > end)
        {
          g_free (today);
          today = g_strdup_printf ("%s/%u", jln_semester_get_half (end) == 1 ? "30/06" : "31/12",
                                   jln_semester_get_year (end));
        }
      set_row_text (self->date_row, today);
    }
}

/**
 * jln_indicator_dialog_new:
 * @session: the window's session, whose document is changed
 * @indicator: (nullable): the indicator of a target or measurement
 * @record: (nullable): the record to change
 *
 * Returns: (transfer none): the dialog, shown by the caller
 */
JlnIndicatorDialog *
jln_indicator_dialog_new (GtkWindow    *parent,
                          JlnSession   *session,
                          JlnIndicator *indicator,
                          JlnKind       kind,
                          JlnRecord    *record)
{
  g_return_val_if_fail (JLN_IS_SESSION (session), NULL);
  g_return_val_if_fail (JLN_IS_DOCUMENT (jln_session_get_document (session)), NULL);
  g_return_val_if_fail (kind == JLN_KIND_INDICATOR || JLN_IS_INDICATOR (indicator), NULL);
  g_return_val_if_fail (kind == JLN_KIND_INDICATOR || kind == JLN_KIND_TARGET ||
                        kind == JLN_KIND_MEASUREMENT, NULL);

  return g_object_new (JLN_TYPE_INDICATOR_DIALOG,
                       "transient-for", parent,
                       "session", session,
                       "indicator", indicator,
                       "kind", kind,
                       "record", record,
                       NULL);
}

void
jln_indicator_dialog_set_text (JlnIndicatorDialog *self,
                               const char         *field,
                               const char         *text)
{
  AdwEntryRow *rows[] = { self->date_row, self->year_row, self->value_row, self->series_row,
                          self->text_row, self->note_row, self->source_row, self->number_row,
                          self->title_row, self->measure_row, self->actors_row,
                          self->follow_up_row };

  g_return_if_fail (JLN_IS_INDICATOR_DIALOG (self));

  if (self->kind_combo != NULL && g_str_equal (field, "kind"))
    {
      for (guint i = 0; i < G_N_ELEMENTS (kind_nicks); i++)
        if (g_str_equal (kind_nicks[i], text))
          adw_combo_row_set_selected (self->kind_combo, i);
      return;
    }

  if (self->series_combo != NULL && g_str_equal (field, "series"))
    {
      for (guint i = 0; i < self->series->len; i++)
        {
          const char *name = jln_text_get_fallback (g_ptr_array_index (self->series, i), self->lang,
                                                    NULL);

          if (g_strcmp0 (name, text) == 0)
            adw_combo_row_set_selected (self->series_combo, i + 1);
        }
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    if (rows[i] != NULL && g_str_equal (gtk_widget_get_name (GTK_WIDGET (rows[i])), field))
      {
        set_row_text (rows[i], text);
        return;
      }
  g_critical ("jln_indicator_dialog_set_text: no field “%s”", field);
}

/**
 * jln_indicator_dialog_get_error:
 *
 * Returns: (nullable): why the last save was refused
 */
const char *
jln_indicator_dialog_get_error (JlnIndicatorDialog *self)
{
  g_return_val_if_fail (JLN_IS_INDICATOR_DIALOG (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->error_label)))
    return NULL;
  return gtk_label_get_text (self->error_label);
}

static char *
row_text (AdwEntryRow *row)
{
  if (row == NULL)
    return NULL;
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

/* "12,5", "45 %" and "45%" as the plan writes numbers: "12.5", "45". */
static char *
normalize_number (const char *text)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == ',')
        g_string_append_c (out, '.');
      else if (c == '%' || g_unichar_isspace (c) || c == 0x00a0 || c == 0x202f)
        continue;
      else
        g_string_append_unichar (out, c);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Adds to @group a change of @field of @record to @value, unless it is
 * already so; on a new record, an empty value is left unset. */
static void
add_set (JlnEdit      *group,
         JlnRecord    *record,
         gboolean      is_new,
         JlnPlanField  field,
         int           lang,
         const char   *value)
{
  if (value == NULL || (is_new && *value == '\0'))
    return;
  jln_plan_edit_group_set_changed (group, record, field, lang, value);
}

/* Says under the fields why saving was refused, and goes to @field. */
static gboolean
explain (JlnIndicatorDialog *self,
         const char         *message,
         GtkWidget          *field)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
  gtk_widget_grab_focus (field);
  return FALSE;
}

static gboolean
apply_or_explain (JlnIndicatorDialog *self,
                  JlnEdit            *group)
{
  g_autoptr(GError) error = NULL;

  if (!jln_document_apply (self->document, group, &error))
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return FALSE;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  return TRUE;
}

/* Dates are stored as YYYY-MM-DD; people in France and Britain write
 * them day first: 31/12/2022, 31.12.2022 or 31-12-2022 are read as such.
 * Anything else is passed on for the plan to accept or explain. */
static char *
normalize_date (const char *text)
{
  int day = 0, month = 0, year = 0, consumed = 0;
  char sep1 = 0, sep2 = 0;

  if (sscanf (text, "%2d%c%2d%c%4d%n", &day, &sep1, &month, &sep2, &year, &consumed) == 5 &&
      text[consumed] == '\0' && sep1 == sep2 && strchr ("/.-", sep1) != NULL &&
      year >= 1000 && g_date_valid_dmy (day, month, year))
    return g_strdup_printf ("%04d-%02d-%02d", year, month, day);
  return g_strdup (text);
}

static gboolean
save_indicator (JlnIndicatorDialog *self)
{
  JlnPlan *plan = jln_document_get_plan (self->document);
  gboolean is_new = self->record == NULL;
  g_autoptr(JlnEdit) group = jln_edit_new_group (is_new ? _("Add Indicator") : _("Edit Indicator"));
  JlnRecord *record = self->record;
  int lang = self->lang;
  g_autofree char *number = row_text (self->number_row);
  g_autofree char *title = row_text (self->title_row);
  g_autofree char *measure = row_text (self->measure_row);
  g_autofree char *actors = row_text (self->actors_row);
  g_autofree char *follow_up = row_text (self->follow_up_row);
  guint kind = adw_combo_row_get_selected (self->kind_combo);

  if (is_new)
    record = jln_plan_edit_group_add_indicator (group, plan);
  jln_edit_group_add (group, jln_plan_edit_set_value (record, JLN_PLAN_FIELD_NUMBER, -1, number));
  add_set (group, record, is_new, JLN_PLAN_FIELD_TITLE, lang, title);
  add_set (group, record, FALSE, JLN_PLAN_FIELD_KIND, -1,
           kind_nicks[MIN (kind, G_N_ELEMENTS (kind_nicks) - 1)]);
  add_set (group, record, is_new, JLN_PLAN_FIELD_MEASURE, lang, measure);
  add_set (group, record, is_new, JLN_PLAN_FIELD_ACTORS, lang, actors);
  add_set (group, record, is_new, JLN_PLAN_FIELD_FOLLOW_UP, lang, follow_up);
  return apply_or_explain (self, group);
}

gboolean
jln_indicator_dialog_save (JlnIndicatorDialog *self)
{
  JlnPlan *plan = jln_document_get_plan (self->document);
  g_autoptr(JlnEdit) group = NULL;
  g_autofree char *value = NULL;
  JlnRecord *record = self->record;
  gboolean is_new = record == NULL;
  int lang = self->lang;

  g_return_val_if_fail (JLN_IS_INDICATOR_DIALOG (self), FALSE);

  if (self->kind == JLN_KIND_INDICATOR)
    return save_indicator (self);

  if (self->kind == JLN_KIND_TARGET)
    group = jln_edit_new_group (is_new ? _("Add Target") : _("Edit Target"));
  else
    group = jln_edit_new_group (is_new ? _("Add Measurement") : _("Edit Measurement"));

  /* A new record starts from values the plan accepts, then takes what
   * was typed in the same edit, so that the core checks it. */
  if (is_new && self->kind == JLN_KIND_TARGET)
    record = jln_plan_edit_group_add_target (group, plan, JLN_RECORD (self->indicator));
  else if (is_new)
    record = jln_plan_edit_group_add_measurement (group, plan, JLN_RECORD (self->indicator));

  if (self->value_row != NULL)
    {
      g_autofree char *typed = row_text (self->value_row);

      value = normalize_number (typed);
    }

  if (self->kind == JLN_KIND_TARGET)
    {
      g_autofree char *year = row_text (self->year_row);
      g_autofree char *series = row_text (self->series_row);
      g_autofree char *text = row_text (self->text_row);

      if (!is_new || g_strcmp0 (year, "") != 0)
        jln_edit_group_add (group, jln_plan_edit_set_value (record, JLN_PLAN_FIELD_YEAR, -1, year));
      add_set (group, record, is_new, JLN_PLAN_FIELD_VALUE, -1, value);
      add_set (group, record, is_new, JLN_PLAN_FIELD_SERIES, lang, series);
      add_set (group, record, is_new, JLN_PLAN_FIELD_TEXT, lang, text);
    }
  else
    {
      g_autofree char *typed = row_text (self->date_row);
      g_autofree char *date = normalize_date (typed);
      g_autofree char *note = row_text (self->note_row);
      int year = 0, month = 0, day = 0, consumed = 0;

      if (sscanf (date, "%4d-%2d-%2d%n", &year, &month, &day, &consumed) != 3 ||
          date[consumed] != '\0' || !g_date_valid_dmy (day, month, year))
        {
          g_autofree char *message =
            /* Translators: %s is what was typed in the date field. */
            g_strdup_printf (_("“%s” is not a date. Type it day first, as 31/12/2022, or as 2022-12-31."),
                             typed);

          return explain (self, message, GTK_WIDGET (self->date_row));
        }
      if (self->value_row != NULL && (value == NULL || value[0] == '\0'))
        return explain (self, _("A measurement needs a value: type the figure measured."),
                        GTK_WIDGET (self->value_row));
      g_autofree char *source = row_text (self->source_row);

      jln_edit_group_add (group, jln_plan_edit_set_value (record, JLN_PLAN_FIELD_DATE, -1, date));
      add_set (group, record, is_new, JLN_PLAN_FIELD_VALUE, -1, value);
      if (self->series_combo != NULL)
        {
          guint selected = adw_combo_row_get_selected (self->series_combo);
          const JlnText *series = selected > 0 && selected <= self->series->len
                                  ? g_ptr_array_index (self->series, selected - 1) : NULL;

          add_set (group, record, is_new, JLN_PLAN_FIELD_SERIES, JLN_LANG_FR,
                   series != NULL && series->fr != NULL ? series->fr : "");
          add_set (group, record, is_new, JLN_PLAN_FIELD_SERIES, JLN_LANG_EN,
                   series != NULL && series->en != NULL ? series->en : "");
        }
      add_set (group, record, is_new, JLN_PLAN_FIELD_NOTE, lang, note);
      add_set (group, record, is_new, JLN_PLAN_FIELD_SOURCE, lang, source);
    }

  return apply_or_explain (self, group);
}
