/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "jln-enums.h"
#include "jln-session.h"

struct _JlnSession
{
  GObject         parent_instance;

  JlnDocument    *document;
  JlnPlan        *plan;
  JlnQueryFilter *filter;
  JlnRecord      *selected;
  JlnLang         content_language;
  JlnSemester     today;
  gboolean        replaced;
  guint           reload_id;
};

G_DEFINE_FINAL_TYPE (JlnSession, jln_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_PLAN,
  PROP_FILTER,
  PROP_CONTENT_LANGUAGE,
  PROP_SELECTED,
  PROP_TODAY,
  PROP_EDITABLE,
  PROP_REPLACED,
  N_PROPS
};

enum {
  RELOADED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
set_replaced (JlnSession *self,
              gboolean    replaced)
{
  if (self->replaced == replaced)
    return;
  self->replaced = replaced;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REPLACED]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITABLE]);
}

/* The plan moves to @plan; the selection to the record of the same id in
 * it, if there is one. */
static void
set_plan (JlnSession *self,
          JlnPlan    *plan)
{
  g_autofree char *selected_id = NULL;
  JlnRecord *selected = NULL;

  if (self->plan == plan)
    return;

  if (self->selected != NULL && plan != NULL)
    selected_id = g_strdup (jln_record_get_id (self->selected));

  g_object_freeze_notify (G_OBJECT (self));
  g_set_object (&self->plan, plan);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN]);
  if (selected_id != NULL)
    selected = jln_plan_lookup (plan, selected_id);
  jln_session_set_selected (self, selected);
  g_object_thaw_notify (G_OBJECT (self));
}

/* Later, not in the middle of an edit that the reload refused: a widget
 * applying an edit keeps the records it holds until it returns. */
static gboolean
reload_cb (gpointer user_data)
{
  JlnSession *self = user_data;

  self->reload_id = 0;
  if (self->document == NULL || jln_document_get_plan (self->document) == self->plan)
    return G_SOURCE_REMOVE;
  set_plan (self, jln_document_get_plan (self->document));
  g_signal_emit (self, signals[RELOADED], 0);
  return G_SOURCE_REMOVE;
}

static void
document_plan_changed_cb (JlnSession *self)
{
  if (self->reload_id == 0)
    self->reload_id = g_idle_add (reload_cb, self);
}

static void
jln_session_dispose (GObject *object)
{
  JlnSession *self = JLN_SESSION (object);

  g_clear_handle_id (&self->reload_id, g_source_remove);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);
  g_clear_object (&self->plan);
  g_clear_object (&self->selected);
  g_clear_object (&self->filter);

  G_OBJECT_CLASS (jln_session_parent_class)->dispose (object);
}

static void
jln_session_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  JlnSession *self = JLN_SESSION (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;
    case PROP_FILTER:
      g_value_set_object (value, self->filter);
      break;
    case PROP_CONTENT_LANGUAGE:
      g_value_set_enum (value, self->content_language);
      break;
    case PROP_SELECTED:
      g_value_set_object (value, self->selected);
      break;
    case PROP_TODAY:
      g_value_set_uint (value, self->today);
      break;
    case PROP_EDITABLE:
      g_value_set_boolean (value, jln_session_get_editable (self));
      break;
    case PROP_REPLACED:
      g_value_set_boolean (value, self->replaced);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jln_session_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  JlnSession *self = JLN_SESSION (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      jln_session_set_document (self, g_value_get_object (value));
      break;
    case PROP_CONTENT_LANGUAGE:
      jln_session_set_content_language (self, g_value_get_enum (value));
      break;
    case PROP_SELECTED:
      jln_session_set_selected (self, g_value_get_object (value));
      break;
    case PROP_TODAY:
      jln_session_set_today (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jln_session_class_init (JlnSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = jln_session_dispose;
  object_class->get_property = jln_session_get_property;
  object_class->set_property = jln_session_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, JLN_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL, JLN_TYPE_PLAN,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILTER] =
    g_param_spec_object ("filter", NULL, NULL, JLN_TYPE_QUERY_FILTER,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONTENT_LANGUAGE] =
    g_param_spec_enum ("content-language", NULL, NULL, JLN_TYPE_LANG, JLN_LANG_FR,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED] =
    g_param_spec_object ("selected", NULL, NULL, JLN_TYPE_RECORD,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TODAY] =
    g_param_spec_uint ("today", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EDITABLE] =
    g_param_spec_boolean ("editable", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_REPLACED] =
    g_param_spec_boolean ("replaced", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * JlnSession::reloaded:
   *
   * The document read its file again because another window or program
   * committed to it, and "plan" is now the plan read.
   */
  signals[RELOADED] =
    g_signal_new ("reloaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
jln_session_init (JlnSession *self)
{
  self->filter = jln_query_filter_new ();
  self->content_language = jln_lang_from_locale ();
  self->today = jln_semester_today ();
}

JlnSession *
jln_session_new (void)
{
  return g_object_new (JLN_TYPE_SESSION, NULL);
}

JlnDocument *
jln_session_get_document (JlnSession *self)
{
  g_return_val_if_fail (JLN_IS_SESSION (self), NULL);

  return self->document;
}

/**
 * jln_session_set_document:
 *
 * Shows @document: the plan becomes its plan, nothing is selected.
 */
void
jln_session_set_document (JlnSession  *self,
                          JlnDocument *document)
{
  g_return_if_fail (JLN_IS_SESSION (self));
  g_return_if_fail (document == NULL || JLN_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  g_object_freeze_notify (G_OBJECT (self));
  g_clear_handle_id (&self->reload_id, g_source_remove);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  jln_session_set_selected (self, NULL);
  g_set_object (&self->document, document);
  if (document != NULL)
    g_signal_connect_object (document, "notify::plan",
                             G_CALLBACK (document_plan_changed_cb), self, G_CONNECT_SWAPPED);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
  set_plan (self, document != NULL ? jln_document_get_plan (document) : NULL);
  self->replaced = !self->replaced;
  set_replaced (self, FALSE);
  g_object_thaw_notify (G_OBJECT (self));
}

JlnPlan *
jln_session_get_plan (JlnSession *self)
{
  g_return_val_if_fail (JLN_IS_SESSION (self), NULL);

  return self->plan;
}

JlnQueryFilter *
jln_session_get_filter (JlnSession *self)
{
  g_return_val_if_fail (JLN_IS_SESSION (self), NULL);

  return self->filter;
}

JlnLang
jln_session_get_content_language (JlnSession *self)
{
  g_return_val_if_fail (JLN_IS_SESSION (self), JLN_LANG_FR);

  return self->content_language;
}

void
jln_session_set_content_language (JlnSession *self,
                                  JlnLang     lang)
{
  g_return_if_fail (JLN_IS_SESSION (self));
  g_return_if_fail (lang == JLN_LANG_FR || lang == JLN_LANG_EN);

  if (self->content_language == lang)
    return;
  self->content_language = lang;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTENT_LANGUAGE]);
}

JlnRecord *
jln_session_get_selected (JlnSession *self)
{
  g_return_val_if_fail (JLN_IS_SESSION (self), NULL);

  return self->selected;
}

void
jln_session_set_selected (JlnSession *self,
                          JlnRecord  *record)
{
  g_return_if_fail (JLN_IS_SESSION (self));
  g_return_if_fail (record == NULL || JLN_IS_RECORD (record));

  if (g_set_object (&self->selected, record))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

JlnSemester
jln_session_get_today (JlnSession *self)
{
  g_return_val_if_fail (JLN_IS_SESSION (self), JLN_SEMESTER_NONE);

  return self->today;
}

/* Tests and the presentation of another period set it; otherwise it is
 * the semester of the clock when the session was made. */
void
jln_session_set_today (JlnSession  *self,
                       JlnSemester  today)
{
  g_return_if_fail (JLN_IS_SESSION (self));

  if (self->today == today)
    return;
  self->today = today;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TODAY]);
}

/* A document that can be written: opened for editing and still the file
 * at its path. */
gboolean
jln_session_get_editable (JlnSession *self)
{
  g_return_val_if_fail (JLN_IS_SESSION (self), FALSE);

  return self->document != NULL &&
         !jln_document_is_read_only (self->document) &&
         !self->replaced;
}

gboolean
jln_session_get_replaced (JlnSession *self)
{
  g_return_val_if_fail (JLN_IS_SESSION (self), FALSE);

  return self->replaced;
}

/**
 * jln_session_check_file:
 *
 * Looks at the plan's file: whether another file was saved at its path
 * (then nothing is written to either until the user reloads), and
 * whether another writer committed to it (then the document reads it
 * again, and "plan" follows once the main loop is idle).
 *
 * Returns: %FALSE with @error set if the file could not be read again.
 */
gboolean
jln_session_check_file (JlnSession  *self,
                        GError     **error)
{
  g_return_val_if_fail (JLN_IS_SESSION (self), FALSE);

  if (self->document == NULL)
    return TRUE;
  set_replaced (self, jln_document_is_replaced (self->document));
  if (self->replaced || !jln_document_is_outdated (self->document))
    return TRUE;
  return jln_document_reload (self->document, error);
}

struct _JlnSessionBinding
{
  GObject       parent_instance;

  GObject      *owner;        /* unowned: the owner holds the binding till it is finalized */
  GSignalGroup *session_signals;
  GSignalGroup *filter_signals;
};

G_DEFINE_FINAL_TYPE (JlnSessionBinding, jln_session_binding, G_TYPE_OBJECT)

static void
jln_session_binding_dispose (GObject *object)
{
  JlnSessionBinding *self = JLN_SESSION_BINDING (object);

  self->owner = NULL;
  g_clear_object (&self->session_signals);
  g_clear_object (&self->filter_signals);

  G_OBJECT_CLASS (jln_session_binding_parent_class)->dispose (object);
}

static void
jln_session_binding_class_init (JlnSessionBindingClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = jln_session_binding_dispose;
}

static void
jln_session_binding_init (JlnSessionBinding *self)
{
  self->session_signals = g_signal_group_new (JLN_TYPE_SESSION);
  self->filter_signals = g_signal_group_new (JLN_TYPE_QUERY_FILTER);
}

/**
 * jln_session_binding_new:
 * @owner: (type GObject): the page or dialog whose handlers are connected
 *
 * Makes a binding to no session yet that belongs to @owner: it lives as
 * long as @owner, whose dispose only has to set its session to %NULL.
 *
 * Returns: (transfer none): the binding
 */
JlnSessionBinding *
jln_session_binding_new (gpointer owner)
{
  JlnSessionBinding *self;

  g_return_val_if_fail (G_IS_OBJECT (owner), NULL);

  self = g_object_new (JLN_TYPE_SESSION_BINDING, NULL);
  self->owner = owner;
  g_object_set_data_full (owner, "jln-session-binding", self, g_object_unref);
  return self;
}

/**
 * jln_session_binding_connect:
 * @callback: called with the owner as its first argument, as with
 *   %G_CONNECT_SWAPPED
 *
 * Connects @callback to @detailed_signal of whichever session the binding
 * is given, now and later.
 */
void
jln_session_binding_connect (JlnSessionBinding *self,
                             const char        *detailed_signal,
                             GCallback          callback)
{
  g_return_if_fail (JLN_IS_SESSION_BINDING (self));

  g_signal_group_connect_object (self->session_signals, detailed_signal, callback,
                                 self->owner, G_CONNECT_SWAPPED);
}

/**
 * jln_session_binding_connect_filter:
 *
 * Connects @callback to @detailed_signal of the filter of whichever
 * session the binding is given, as jln_session_binding_connect() does.
 */
void
jln_session_binding_connect_filter (JlnSessionBinding *self,
                                    const char        *detailed_signal,
                                    GCallback          callback)
{
  g_return_if_fail (JLN_IS_SESSION_BINDING (self));

  g_signal_group_connect_object (self->filter_signals, detailed_signal, callback,
                                 self->owner, G_CONNECT_SWAPPED);
}

/**
 * jln_session_binding_get_session:
 *
 * Returns: (transfer none) (nullable): the session followed
 */
JlnSession *
jln_session_binding_get_session (JlnSessionBinding *self)
{
  g_autoptr(GObject) target = NULL;

  g_return_val_if_fail (JLN_IS_SESSION_BINDING (self), NULL);

  /* The group gives a new reference; the session is kept alive by whoever
   * set it, so the pointer stays valid after this one is dropped. */
  target = g_signal_group_dup_target (self->session_signals);
  return JLN_SESSION (target);
}

/**
 * jln_session_binding_set_session:
 * @session: (nullable): the session to follow
 *
 * Moves every handler from the session followed until now, and its
 * filter, to @session and its filter. The caller keeps @session alive.
 */
void
jln_session_binding_set_session (JlnSessionBinding *self,
                                 JlnSession        *session)
{
  g_return_if_fail (JLN_IS_SESSION_BINDING (self));
  g_return_if_fail (session == NULL || JLN_IS_SESSION (session));

  g_signal_group_set_target (self->session_signals, session);
  g_signal_group_set_target (self->filter_signals,
                             session != NULL ? jln_session_get_filter (session) : NULL);
}
