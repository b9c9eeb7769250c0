/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "jln-action.h"
#include "jln-plan-doc.h"
#include "jln-principle.h"
#include "jln-principles-page.h"
#include "jln-session.h"

struct _JlnPrinciplesPage
{
  AdwBin              parent_instance;

  JlnSession         *session;
  JlnSessionBinding  *session_binding;

  JlnDocument        *document;
  JlnLang             lang;
  AdwPreferencesPage *page;
  GPtrArray          *groups;       /* AdwPreferencesGroup, as added to the page */
  guint               n_uncovered;
};

G_DEFINE_FINAL_TYPE (JlnPrinciplesPage, jln_principles_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  PRINCIPLE_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
status_label (JlnStatus status)
{
  return jln_status_get_label (status);
}

static void
row_activated_cb (AdwActionRow      *row,
                  JlnPrinciplesPage *self)
{
  int number = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "jln-principle"));

  g_signal_emit (self, signals[PRINCIPLE_ACTIVATED], 0, number);
}

static GtkWidget *
new_row (JlnPrinciplesPage *self,
         JlnPrinciple      *principle,
         GPtrArray         *actions)
{
  const char *name = jln_text_get_fallback (jln_principle_get_name (principle), self->lang, NULL);
  g_autofree char *title = g_strdup_printf ("%d. %s", jln_principle_get_number (principle),
                                            name != NULL ? name : "");
  g_autoptr(GString) subtitle = g_string_new (NULL);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *count;

  /* Plan text is plain text. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (actions == NULL)
    {
      g_string_append (subtitle, _("⚠ No action serves this principle"));
      gtk_widget_add_css_class (row, "uncovered");
      count = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
      gtk_accessible_update_property (GTK_ACCESSIBLE (count), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("No action"), -1);
      gtk_widget_add_css_class (count, "warning");
    }
  else
    {
      g_autofree char *text = g_strdup_printf (dngettext (GETTEXT_PACKAGE, "%u action", "%u actions",
                                                          actions->len), actions->len);

      for (guint i = 0; i < actions->len; i++)
        {
          JlnAction *action = g_ptr_array_index (actions, i);

          if (i > 0)
            g_string_append (subtitle, ", ");
          /* Translators: an action and its status in the coverage of a
           * principle, “4.16 In progress”. */
          g_string_append_printf (subtitle, _("%1$s %2$s"), jln_action_get_number (action),
                                  status_label (jln_action_get_status (action)));
        }
      count = gtk_label_new (text);
      gtk_widget_add_css_class (count, "dim-label");
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), count);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data (G_OBJECT (row), "jln-principle",
                     GINT_TO_POINTER (jln_principle_get_number (principle)));
  g_signal_connect_object (row, "activated", G_CALLBACK (row_activated_cb), self, 0);
  return row;
}

static void
rebuild (JlnPrinciplesPage *self)
{
  JlnPlan *plan = self->document != NULL ? jln_document_get_plan (self->document) : NULL;
  g_autoptr(GHashTable) linked = NULL;
  GListModel *principles;
  AdwPreferencesGroup *group = NULL;
  int area = -1;

  for (guint i = 0; i < self->groups->len; i++)
    adw_preferences_page_remove (self->page, g_ptr_array_index (self->groups, i));
  g_ptr_array_set_size (self->groups, 0);
  self->n_uncovered = 0;
  if (plan == NULL)
    return;

  linked = jln_plan_doc_index_principles (plan, NULL, jln_semester_today ());
  principles = jln_plan_get_principles (plan);
  for (guint i = 0; i < g_list_model_get_n_items (principles); i++)
    {
      g_autoptr(JlnPrinciple) principle = g_list_model_get_item (principles, i);
      GPtrArray *actions = g_hash_table_lookup (linked, principle);

      if ((int) jln_principle_get_area (principle) != area)
        {
          area = jln_principle_get_area (principle);
          group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
          adw_preferences_group_set_title (group, jln_plan_doc_get_area_title (area, self->lang));
          adw_preferences_page_add (self->page, group);
          g_ptr_array_add (self->groups, group);
        }
      self->n_uncovered += actions == NULL;
      adw_preferences_group_add (group, new_row (self, principle, actions));
    }
  if (self->groups->len > 0)
    {
      guint n = g_list_model_get_n_items (principles);
      g_autofree char *summary =
        g_strdup_printf (dngettext (GETTEXT_PACKAGE, "%1$u principle of %2$u has no action.",
                                    "%1$u principles of %2$u have no action.", self->n_uncovered),
                         self->n_uncovered, n);

      adw_preferences_group_set_description (g_ptr_array_index (self->groups, 0), summary);
    }
}

/* The page is rebuilt when shown, so that it follows the plan's edits. */
static void
jln_principles_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (jln_principles_page_parent_class)->map (widget);
  rebuild (JLN_PRINCIPLES_PAGE (widget));
}

static void
set_document (JlnPrinciplesPage *self,
                                  JlnDocument       *document)
{
  /* The same document may have read its plan again. */
  g_set_object (&self->document, document);
  rebuild (self);
}

static void
set_content_language (JlnPrinciplesPage *self,
                                          JlnLang            lang)
{
  if (self->lang == lang)
    return;
  self->lang = lang;
  rebuild (self);
}

guint
jln_principles_page_get_n_uncovered (JlnPrinciplesPage *self)
{
  g_return_val_if_fail (JLN_IS_PRINCIPLES_PAGE (self), 0);
  return self->n_uncovered;
}

static void
session_plan_changed_cb (JlnPrinciplesPage *self)
{
  set_document (self, jln_session_get_document (self->session));
}

static void
session_content_language_changed_cb (JlnPrinciplesPage *self)
{
  set_content_language (self, jln_session_get_content_language (self->session));
}

/**
 * jln_principles_page_set_session:
 * @session: (nullable): the window's session
 *
 * Shows the session's plan in its content language.
 */
void
jln_principles_page_set_session (JlnPrinciplesPage *self,
                                 JlnSession *session)
{
  g_return_if_fail (JLN_IS_PRINCIPLES_PAGE (self));
  g_return_if_fail (session == NULL || JLN_IS_SESSION (session));

  if (self->session == session)
    return;
  g_set_object (&self->session, session);
  jln_session_binding_set_session (self->session_binding, session);
  if (session != NULL)
    set_content_language (self, jln_session_get_content_language (session));
  set_document (self, session != NULL ? jln_session_get_document (session) : NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

static void
jln_principles_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  JlnPrinciplesPage *self = JLN_PRINCIPLES_PAGE (object);

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
jln_principles_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  JlnPrinciplesPage *self = JLN_PRINCIPLES_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      jln_principles_page_set_session (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jln_principles_page_dispose (GObject *object)
{
  JlnPrinciplesPage *self = JLN_PRINCIPLES_PAGE (object);

  jln_session_binding_set_session (self->session_binding, NULL);
  g_clear_object (&self->session);
  g_clear_object (&self->document);
  G_OBJECT_CLASS (jln_principles_page_parent_class)->dispose (object);
}

static void
jln_principles_page_finalize (GObject *object)
{
  JlnPrinciplesPage *self = JLN_PRINCIPLES_PAGE (object);

  g_clear_pointer (&self->groups, g_ptr_array_unref);
  G_OBJECT_CLASS (jln_principles_page_parent_class)->finalize (object);
}

static void
jln_principles_page_class_init (JlnPrinciplesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jln_principles_page_dispose;
  object_class->get_property = jln_principles_page_get_property;
  object_class->set_property = jln_principles_page_set_property;
  object_class->finalize = jln_principles_page_finalize;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, JLN_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  widget_class->map = jln_principles_page_map;

  /**
   * JlnPrinciplesPage::principle-activated:
   * @number: the number of the principle, 1 to 40
   */
  signals[PRINCIPLE_ACTIVATED] = g_signal_new ("principle-activated", G_TYPE_FROM_CLASS (klass),
                                               G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                               G_TYPE_NONE, 1, G_TYPE_INT);
}

static void
jln_principles_page_init (JlnPrinciplesPage *self)
{
  self->groups = g_ptr_array_new ();
  self->lang = jln_lang_from_locale ();
  self->page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->page));

  self->session_binding = jln_session_binding_new (self);
  jln_session_binding_connect (self->session_binding, "notify::plan",
                               G_CALLBACK (session_plan_changed_cb));
  jln_session_binding_connect (self->session_binding, "notify::content-language",
                               G_CALLBACK (session_content_language_changed_cb));
}

GtkWidget *
jln_principles_page_new (void)
{
  return g_object_new (JLN_TYPE_PRINCIPLES_PAGE, NULL);
}
