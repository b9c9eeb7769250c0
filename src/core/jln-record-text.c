/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include "jln-gettext.h"

#include "jln-action.h"
#include "jln-action-item.h"
#include "jln-objective.h"
#include "jln-record-text.h"
#include "jln-unit.h"

/* Fields the kinds share */

const char *
jln_record_get_number (JlnRecord *record)
{
  if (JLN_IS_OBJECTIVE (record))
    return jln_objective_get_number (JLN_OBJECTIVE (record));
  if (JLN_IS_ACTION (record))
    return jln_action_get_number (JLN_ACTION (record));
  if (JLN_IS_ACTION_ITEM (record))
    return jln_action_item_get_label (JLN_ACTION_ITEM (record));
  return NULL;
}

const JlnText *
jln_record_get_title (JlnRecord *record)
{
  if (JLN_IS_OBJECTIVE (record))
    return jln_objective_get_title (JLN_OBJECTIVE (record));
  if (JLN_IS_ACTION (record))
    return jln_action_get_title (JLN_ACTION (record));
  if (JLN_IS_ACTION_ITEM (record))
    return jln_action_item_get_title (JLN_ACTION_ITEM (record));
  return NULL;
}

/* The title in @lang, or in the other language when @lang has none
 * (then @is_fallback is set); never %NULL. */
const char *
jln_record_get_title_text (JlnRecord *record,
                           JlnLang    lang,
                           gboolean  *is_fallback)
{
  const JlnText *title = jln_record_get_title (record);
  gboolean fallback = FALSE;
  const char *text = NULL;

  if (title != NULL)
    text = jln_text_get_fallback (title, lang, &fallback);
  if (is_fallback != NULL)
    *is_fallback = fallback;
  return text != NULL ? text : "";
}

/* Objectives have no status: %FALSE. */
gboolean
jln_record_get_status (JlnRecord *record,
                       JlnStatus *status)
{
  if (JLN_IS_ACTION (record))
    *status = jln_action_get_status (JLN_ACTION (record));
  else if (JLN_IS_ACTION_ITEM (record))
    *status = jln_action_item_get_status (JLN_ACTION_ITEM (record));
  else
    return FALSE;
  return TRUE;
}

JlnSemester
jln_record_get_due (JlnRecord *record)
{
  if (JLN_IS_ACTION (record))
    return jln_action_get_due (JLN_ACTION (record));
  if (JLN_IS_ACTION_ITEM (record))
    return jln_action_item_get_due (JLN_ACTION_ITEM (record));
  return JLN_SEMESTER_NONE;
}

/* Sub-items have a due semester and no start. */
JlnSemester
jln_record_get_start (JlnRecord *record)
{
  if (JLN_IS_ACTION (record))
    return jln_action_get_start (JLN_ACTION (record));
  return JLN_SEMESTER_NONE;
}

const JlnCompletion *
jln_record_get_completion (JlnRecord *record)
{
  if (JLN_IS_ACTION (record))
    return jln_action_get_completion (JLN_ACTION (record));
  if (JLN_IS_ACTION_ITEM (record))
    return jln_action_item_get_completion (JLN_ACTION_ITEM (record));
  return NULL;
}

GPtrArray *
jln_record_get_units (JlnRecord *record)
{
  if (JLN_IS_ACTION (record))
    return jln_action_get_units (JLN_ACTION (record));
  if (JLN_IS_ACTION_ITEM (record))
    return jln_action_item_get_units (JLN_ACTION_ITEM (record));
  return NULL;
}

/* As the query language's "overdue" has it: not closed, and due before
 * @today. */
gboolean
jln_record_is_overdue (JlnRecord   *record,
                       JlnSemester  today)
{
  JlnStatus status;

  return jln_record_get_status (record, &status) &&
         jln_semester_is_overdue (jln_record_get_due (record), status, today);
}

/* Texts */

/* Sub-items are lettered "a.", "b." under their action, as in the plans. */
char *
jln_record_dup_number_text (JlnRecord *record)
{
  const char *number = jln_record_get_number (record);
  gsize len;

  if (number == NULL)
    return g_strdup ("");

  len = strlen (number);
  if (JLN_IS_ACTION_ITEM (record) && len > 0 && g_ascii_isalnum (number[len - 1]))
    return g_strconcat (number, ".", NULL);
  return g_strdup (number);
}

/* The status's word; a superseded action names the actions that replace
 * it. Empty for an objective. */
char *
jln_record_dup_status_text (JlnRecord *record)
{
  const char * const *references;
  g_autofree char *joined = NULL;
  JlnStatus status;

  if (!jln_record_get_status (record, &status))
    return g_strdup ("");
  if (status != JLN_STATUS_SUPERSEDED || !JLN_IS_ACTION (record))
    return g_strdup (jln_status_get_label (status));

  references = jln_action_get_references (JLN_ACTION (record));
  if (references == NULL || references[0] == NULL)
    return g_strdup (jln_status_get_label (status));

  joined = g_strjoinv (", ", (char **) references);
  /* Translators: %1$s is the status “Superseded”; %2$s the numbers of the
     actions that replace the action, like “4.9-4.10”. */
  return g_strdup_printf (_("%1$s, cf. %2$s"), jln_status_get_label (status), joined);
}

/* The due semester; for a yearly action without one, when it comes round
 * again ("next 2nd sem. 2022"). */
char *
jln_record_dup_due_text (JlnRecord *record,
                         JlnLang    ui_lang)
{
  JlnSemester due = jln_record_get_due (record);
  g_autofree char *next = NULL;

  if (due != JLN_SEMESTER_NONE)
    return jln_semester_format (due, JLN_SEMESTER_STYLE_LONG, ui_lang);

  if (JLN_IS_ACTION (record) &&
      jln_action_get_recurrence (JLN_ACTION (record)) != JLN_RECURRENCE_NONE &&
      jln_action_get_next (JLN_ACTION (record)) != JLN_SEMESTER_NONE)
    {
      next = jln_semester_format (jln_action_get_next (JLN_ACTION (record)),
                                  JLN_SEMESTER_STYLE_LONG, ui_lang);
      /* Translators: %s is a semester, like “2nd sem. 2022”, when a yearly
         action takes place next. */
      return g_strdup_printf (_("next %s"), next);
    }
  return g_strdup ("");
}

char *
jln_record_dup_completion_text (JlnRecord *record,
                                JlnLang    ui_lang)
{
  const JlnCompletion *completion = jln_record_get_completion (record);

  if (completion == NULL || !jln_completion_is_set (completion))
    return g_strdup ("");
  return jln_completion_format (completion, ui_lang);
}

/* The units' codes, "DRH, DSI". */
char *
jln_record_dup_units_text (JlnRecord *record)
{
  GPtrArray *units = jln_record_get_units (record);
  GString *text;

  if (units == NULL || units->len == 0)
    return g_strdup ("");

  text = g_string_new (NULL);
  for (guint i = 0; i < units->len; i++)
    {
      const char *code = jln_unit_get_code (g_ptr_array_index (units, i));

      if (i > 0)
        g_string_append (text, ", ");
      g_string_append (text, code != NULL ? code : "");
    }
  return g_string_free (text, FALSE);
}

/* What a screen reader says for a row, in one go: "1.4, Obtenir un
 * logiciel…, In progress, due 2nd sem. 2022". */
char *
jln_record_dup_spoken_label (JlnRecord   *record,
                             JlnLang      lang,
                             JlnLang      ui_lang,
                             JlnSemester  today)
{
  return jln_record_dup_spoken_label_for (record, jln_record_get_title_text (record, lang, NULL),
                                          ui_lang, today);
}

/* The same, with @title as the row shows it (a list cuts a very long
 * one), for what is read to be what is seen. */
char *
jln_record_dup_spoken_label_for (JlnRecord   *record,
                                 const char  *title,
                                 JlnLang      ui_lang,
                                 JlnSemester  today)
{
  g_autofree char *number = jln_record_dup_number_text (record);
  g_autofree char *status = jln_record_dup_status_text (record);
  g_autofree char *due = NULL;
  g_autofree char *completion = jln_record_dup_completion_text (record, ui_lang);
  GString *label = g_string_new (NULL);

  if (title == NULL)
    title = "";
  if (JLN_IS_OBJECTIVE (record))
    {
      if (jln_objective_get_programme (JLN_OBJECTIVE (record)) == JLN_PROGRAMME_GEP)
        /* Translators: a heading row of the action list, read by screen readers;
           %1$s is the number of an axis of the Gender Equality Plan, %2$s its title. */
        g_string_append_printf (label, _("Equality plan axis %1$s, %2$s"), number, title);
      else
        /* Translators: a heading row of the action list, read by screen readers;
           %1$s is the number of an objective, %2$s its title. */
        g_string_append_printf (label, _("Objective %1$s, %2$s"), number, title);
      return g_string_free (label, FALSE);
    }

  g_string_append (label, number);
  g_string_append (label, ", ");
  g_string_append (label, title);
  if (status[0] != '\0')
    {
      g_string_append (label, ", ");
      g_string_append (label, status);
    }
  if (completion[0] != '\0')
    {
      g_string_append (label, ", ");
      /* Translators: read by screen readers; %s is when an action was carried
         out, like “2019-2020”. */
      g_string_append_printf (label, _("completed %s"), completion);
    }
  due = jln_record_dup_due_text (record, ui_lang);
  if (due[0] != '\0')
    {
      g_string_append (label, ", ");
      /* Translators: read by screen readers; %s is a semester, like
         “2nd sem. 2022”. */
      g_string_append_printf (label, _("due %s"), due);
    }
  if (jln_record_is_overdue (record, today))
    {
      g_string_append (label, ", ");
      g_string_append (label, _("overdue"));
    }
  return g_string_free (label, FALSE);
}
