/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "jln-action-list.h"

struct _JlnActionList
{
  GtkWidget    parent_instance;

  JlnDocument *document;
  JlnLang      content_language;
};

G_DEFINE_FINAL_TYPE (JlnActionList, jln_action_list, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_CONTENT_LANGUAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
jln_action_list_dispose (GObject *object)
{
  JlnActionList *self = JLN_ACTION_LIST (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->document);

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
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_CONTENT_LANGUAGE:
      g_value_set_int (value, self->content_language);
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
    case PROP_DOCUMENT:
      jln_action_list_set_document (self, g_value_get_object (value));
      break;
    case PROP_CONTENT_LANGUAGE:
      jln_action_list_set_content_language (self, g_value_get_int (value));
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

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, JLN_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CONTENT_LANGUAGE] =
    g_param_spec_int ("content-language", NULL, NULL, JLN_LANG_FR, JLN_LANG_EN, JLN_LANG_FR,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
jln_action_list_init (JlnActionList *self)
{
}

GtkWidget *
jln_action_list_new (void)
{
  return g_object_new (JLN_TYPE_ACTION_LIST, NULL);
}

JlnDocument *
jln_action_list_get_document (JlnActionList *self)
{
  g_return_val_if_fail (JLN_IS_ACTION_LIST (self), NULL);
  return self->document;
}

void
jln_action_list_set_document (JlnActionList       *self,
                       JlnDocument *document)
{
  g_return_if_fail (JLN_IS_ACTION_LIST (self));

  if (g_set_object (&self->document, document))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

JlnLang
jln_action_list_get_content_language (JlnActionList *self)
{
  g_return_val_if_fail (JLN_IS_ACTION_LIST (self), JLN_LANG_FR);
  return self->content_language;
}

void
jln_action_list_set_content_language (JlnActionList   *self,
                               JlnLang  lang)
{
  g_return_if_fail (JLN_IS_ACTION_LIST (self));

  if (self->content_language == lang)
    return;
  self->content_language = lang;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTENT_LANGUAGE]);
}

JlnQueryFilter *
jln_action_list_get_filter (JlnActionList *self)
{
  return NULL;
}

void
jln_action_list_set_filter (JlnActionList  *self,
                            JlnQueryFilter *filter)
{
}

JlnRecord *
jln_action_list_get_selected (JlnActionList *self)
{
  return NULL;
}

void
jln_action_list_select (JlnActionList *self,
                        JlnRecord     *record)
{
}

void
jln_action_list_focus_search (JlnActionList *self)
{
}
