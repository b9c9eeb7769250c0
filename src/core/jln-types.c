/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "jln-gettext.h"

#include "jln-enums.h"
#include "jln-types.h"

G_DEFINE_QUARK (jln-error-quark, jln_error)

static const char *
enum_nick (GType type,
           int   value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  GEnumValue *v = g_enum_get_value (klass, value);

  return v != NULL ? v->value_nick : NULL;
}

static gboolean
enum_from_nick (GType       type,
                const char *nick,
                int        *value)
{
  g_autoptr(GEnumClass) klass = NULL;
  GEnumValue *v;

  if (nick == NULL)
    return FALSE;

  klass = g_type_class_ref (type);
  v = g_enum_get_value_by_nick (klass, nick);
  if (v == NULL)
    return FALSE;

  *value = v->value;
  return TRUE;
}

const char *
jln_status_to_string (JlnStatus status)
{
  return enum_nick (JLN_TYPE_STATUS, status);
}

gboolean
jln_status_from_string (const char *text,
                        JlnStatus  *status)
{
  int value;

  if (!enum_from_nick (JLN_TYPE_STATUS, text, &value))
    return FALSE;
  *status = value;
  return TRUE;
}

/* The statuses' words, the only table of them: the interface shows them
 * translated (jln_status_get_label), pictures and documents in the
 * plan's language (jln_status_get_label_in), and the query reads them. */
static const char * const status_labels[] = {
  [JLN_STATUS_PLANNED] = NC_("status", "Planned"),
  [JLN_STATUS_IN_PROGRESS] = NC_("status", "In progress"),
  [JLN_STATUS_DONE] = NC_("status", "Done"),
  /* Translators: an action carried out although it was not in the previous plan. */
  [JLN_STATUS_DONE_NEW] = NC_("status", "Done, not planned"),
  [JLN_STATUS_REVISED] = NC_("status", "Revised"),
  /* Translators: an action replaced by other actions, which it refers to. */
  [JLN_STATUS_SUPERSEDED] = NC_("status", "Superseded"),
  [JLN_STATUS_DROPPED] = NC_("status", "Dropped"),
};

/* The untranslated label, for jln_translate_context (…, "status", …). */
const char *
jln_status_get_msgid (JlnStatus status)
{
  g_return_val_if_fail (status < G_N_ELEMENTS (status_labels), NULL);
  return status_labels[status];
}

const char *
jln_status_get_label (JlnStatus status)
{
  g_return_val_if_fail (status < G_N_ELEMENTS (status_labels), NULL);
  return jln_pgettext2 ("status", status_labels[status]);
}

gboolean
jln_status_is_done (JlnStatus status)
{
  return status == JLN_STATUS_DONE || status == JLN_STATUS_DONE_NEW;
}

/* Closed actions are no longer expected to be carried out as planned:
 * they can never be overdue. */
gboolean
jln_status_is_closed (JlnStatus status)
{
  return jln_status_is_done (status) ||
         status == JLN_STATUS_REVISED ||
         status == JLN_STATUS_SUPERSEDED ||
         status == JLN_STATUS_DROPPED;
}

const char *
jln_lang_to_string (JlnLang lang)
{
  return lang == JLN_LANG_FR ? "fr" : "en";
}

/* The language of the interface, as a content language: French when the
 * desktop speaks French, English otherwise. */
JlnLang
jln_lang_from_locale (void)
{
  const char * const *names = g_get_language_names ();

  return names[0] != NULL && g_str_has_prefix (names[0], "fr") ? JLN_LANG_FR : JLN_LANG_EN;
}

gboolean
jln_lang_from_string (const char *text,
                      JlnLang    *lang)
{
  if (g_strcmp0 (text, "fr") == 0)
    *lang = JLN_LANG_FR;
  else if (g_strcmp0 (text, "en") == 0)
    *lang = JLN_LANG_EN;
  else
    return FALSE;
  return TRUE;
}

/**
 * jln_id_is_valid:
 *
 * Returns: %TRUE when @id is a UUID written in lower case, as Jalons
 *   writes the id of every object of a plan
 */
gboolean
jln_id_is_valid (const char *id)
{
  if (id == NULL || !g_uuid_string_is_valid (id))
    return FALSE;
  for (const char *p = id; *p != '\0'; p++)
    if (g_ascii_isupper (*p))
      return FALSE;
  return TRUE;
}
