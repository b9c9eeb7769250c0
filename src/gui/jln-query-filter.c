/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "jln-action.h"
#include "jln-query-filter.h"

struct _JlnQueryFilter
{
  GtkFilter    parent_instance;

  char        *text;
  JlnQuery    *query;    /* the last query that parsed; NULL matches all */
  char        *error;    /* why the text does not parse, or NULL */
  JlnSemester  today;
};

G_DEFINE_FINAL_TYPE (JlnQueryFilter, jln_query_filter, GTK_TYPE_FILTER)

enum {
  PROP_0,
  PROP_TEXT,
  PROP_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
jln_query_filter_match (GtkFilter *filter,
                        gpointer   item)
{
  JlnQueryFilter *self = JLN_QUERY_FILTER (filter);

  if (!JLN_IS_ACTION (item))
    return TRUE;
  return jln_query_filter_match_action (self, item);
}

static GtkFilterMatch
jln_query_filter_get_strictness (GtkFilter *filter)
{
  JlnQueryFilter *self = JLN_QUERY_FILTER (filter);

  if (self->query == NULL || jln_query_is_empty (self->query))
    return GTK_FILTER_MATCH_ALL;
  return GTK_FILTER_MATCH_SOME;
}

static void
jln_query_filter_finalize (GObject *object)
{
  JlnQueryFilter *self = JLN_QUERY_FILTER (object);

  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->query, jln_query_unref);
  g_clear_pointer (&self->error, g_free);

  G_OBJECT_CLASS (jln_query_filter_parent_class)->finalize (object);
}

static void
jln_query_filter_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  JlnQueryFilter *self = JLN_QUERY_FILTER (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case PROP_ERROR:
      g_value_set_string (value, self->error);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jln_query_filter_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  JlnQueryFilter *self = JLN_QUERY_FILTER (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      jln_query_filter_set_text (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jln_query_filter_class_init (JlnQueryFilterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkFilterClass *filter_class = GTK_FILTER_CLASS (klass);

  object_class->finalize = jln_query_filter_finalize;
  object_class->get_property = jln_query_filter_get_property;
  object_class->set_property = jln_query_filter_set_property;

  filter_class->match = jln_query_filter_match;
  filter_class->get_strictness = jln_query_filter_get_strictness;

  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ERROR] =
    g_param_spec_string ("error", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
jln_query_filter_init (JlnQueryFilter *self)
{
  self->text = g_strdup ("");
  self->today = jln_semester_today ();
}

JlnQueryFilter *
jln_query_filter_new (void)
{
  return g_object_new (JLN_TYPE_QUERY_FILTER, NULL);
}

const char *
jln_query_filter_get_text (JlnQueryFilter *self)
{
  g_return_val_if_fail (JLN_IS_QUERY_FILTER (self), NULL);
  return self->text;
}

/* A text that does not parse keeps the last query that did, and sets
 * the error: the list stays as it was while the user is typing, and says
 * what is wrong, instead of going blank. */
void
jln_query_filter_set_text (JlnQueryFilter *self,
                           const char     *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JlnQuery) query = NULL;
  JlnQueryChange change;

  g_return_if_fail (JLN_IS_QUERY_FILTER (self));

  if (text == NULL)
    text = "";
  if (g_strcmp0 (self->text, text) == 0)
    return;

  g_free (self->text);
  self->text = g_strdup (text);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);

  query = jln_query_parse (text, &error);
  if (query == NULL)
    {
      if (g_strcmp0 (self->error, error->message) != 0)
        {
          g_free (self->error);
          self->error = g_strdup (error->message);
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
        }
      return;
    }

  if (self->error != NULL)
    {
      g_clear_pointer (&self->error, g_free);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
    }

  change = jln_query_compare (self->query, query);
  g_clear_pointer (&self->query, jln_query_unref);
  self->query = g_steal_pointer (&query);

  switch (change)
    {
    case JLN_QUERY_CHANGE_SAME:
      break;
    case JLN_QUERY_CHANGE_MORE_STRICT:
      gtk_filter_changed (GTK_FILTER (self), GTK_FILTER_CHANGE_MORE_STRICT);
      break;
    case JLN_QUERY_CHANGE_LESS_STRICT:
      gtk_filter_changed (GTK_FILTER (self), GTK_FILTER_CHANGE_LESS_STRICT);
      break;
    case JLN_QUERY_CHANGE_DIFFERENT:
    default:
      gtk_filter_changed (GTK_FILTER (self), GTK_FILTER_CHANGE_DIFFERENT);
      break;
    }
}

/**
 * jln_query_filter_get_query:
 *
 * Returns: (transfer none) (nullable): the query in force
 */
JlnQuery *
jln_query_filter_get_query (JlnQueryFilter *self)
{
  g_return_val_if_fail (JLN_IS_QUERY_FILTER (self), NULL);
  return self->query;
}

const char *
jln_query_filter_get_error (JlnQueryFilter *self)
{
  g_return_val_if_fail (JLN_IS_QUERY_FILTER (self), NULL);
  return self->error;
}

gboolean
jln_query_filter_match_action (JlnQueryFilter *self,
                               JlnAction      *action)
{
  return self->query == NULL || jln_query_match (self->query, action, self->today);
}
