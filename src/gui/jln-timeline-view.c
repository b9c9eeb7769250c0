/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "jln-filter-bar.h"
#include "jln-objective.h"
#include "jln-presentation-window.h"
#include "jln-timeline-canvas.h"
#include "jln-screen-style.h"
#include "jln-session.h"
#include "jln-timeline-view.h"

/* The timeline of the window's plan. It follows the window's session:
 * its plan (a new JlnTimeline for each plan), its filter (the same
 * JlnQueryFilter decides which actions the list and the timeline show),
 * its selected record, both ways, and its content language. The plan's changes lay the timeline out again, lazily: a
 * timeline that is not on screen only notes that it must. */

struct _JlnTimelineView
{
  GtkWidget          parent_instance;

  JlnSession        *session;
  JlnSessionBinding *session_binding;
  JlnDocument       *document;
  JlnQueryFilter    *filter;
  GSettings         *settings;
  JlnTimeline       *timeline;
  JlnLang            lang;
  GPtrArray         *stores;           /* the plan's stores we listen to */
  gboolean           syncing;

  GtkWindow         *presentation;     /* while presenting */

  /* Template widgets */
  JlnFilterBar      *filter_bar;
  GtkStack          *stack;
  JlnTimelineCanvas *canvas;
  AdwStatusPage     *empty_page;
  GtkButton         *show_all_button;
  GtkDrawingArea    *legend_area;
};

G_DEFINE_FINAL_TYPE (JlnTimelineView, jln_timeline_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_ZOOM,
  N_PROPS
};

enum {
  ACTIVATE_RECORD,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char * const zoom_nicks[] = { "quarter", "semester", "year" };


/* Styles */

static void
update_style (JlnTimelineView *self)
{
  JlnRenderStyle *current = jln_timeline_canvas_get_style (self->canvas);
  g_autoptr(JlnRenderStyle) style = jln_screen_style_new (GTK_WIDGET (self), self->lang);

  if (jln_render_style_get_scheme (current) == jln_render_style_get_scheme (style) &&
      jln_render_style_get_lang (current) == self->lang &&
      jln_render_style_get_font_size (current) == jln_render_style_get_font_size (style))
    return;
  jln_timeline_canvas_set_style (self->canvas, style);
  gtk_widget_queue_draw (GTK_WIDGET (self->legend_area));
}

/* Laying out again */

static void
update_empty_state (JlnTimelineView *self)
{
  const char *text = self->filter != NULL ? jln_query_filter_get_text (self->filter) : "";
  g_autofree char *description = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *search = NULL;

  if (self->timeline == NULL || jln_timeline_get_n_actions (self->timeline) > 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "timeline");
      return;
    }
  if (text != NULL && text[0] != '\0')
    {
      adw_status_page_set_title (self->empty_page, _("No Matching Actions"));
      /* Translators: %s is what the user searched for. */
      search = jln_text_isolate (text);
      description = g_strdup_printf (_("No action matches “%s”."), search);
      /* A status page's description is markup; the search is not. */
      escaped = g_markup_escape_text (description, -1);
      adw_status_page_set_description (self->empty_page, escaped);
    }
  else
    {
      adw_status_page_set_title (self->empty_page, _("No Actions Yet"));
      adw_status_page_set_description (self->empty_page,
                                       _("The actions of the plan appear here, by semester, once they are added."));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->show_all_button), text != NULL && text[0] != '\0');
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

static void
relayout (JlnTimelineView *self)
{
  if (self->timeline == NULL)
    return;
  jln_timeline_invalidate (self->timeline);
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;
  jln_timeline_canvas_relayout (self->canvas);
  update_empty_state (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->legend_area));
}

static void
store_changed_cb (JlnTimelineView *self)
{
  relayout (self);
}

static void
unwatch_stores (JlnTimelineView *self)
{
  for (guint i = 0; i < self->stores->len; i++)
    g_signal_handlers_disconnect_by_data (g_ptr_array_index (self->stores, i), self);
  g_ptr_array_set_size (self->stores, 0);
}

static void objectives_changed_cb (JlnTimelineView *self);

/* The objectives and their actions, in and out: a few stores. The
 * records shown are watched by the canvas; the rest is read again when
 * the timeline next comes on screen. */
static void
watch_stores (JlnTimelineView *self)
{
  GListModel *objectives;
  guint n;

  unwatch_stores (self);
  if (self->document == NULL)
    return;
  objectives = jln_plan_get_objectives (jln_document_get_plan (self->document));
  g_signal_connect_object (objectives, "items-changed", G_CALLBACK (objectives_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_ptr_array_add (self->stores, g_object_ref (objectives));
  n = g_list_model_get_n_items (objectives);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JlnObjective) objective = g_list_model_get_item (objectives, i);
      GListModel *actions = jln_objective_get_actions (objective);

      g_signal_connect_object (actions, "items-changed", G_CALLBACK (store_changed_cb),
                               self, G_CONNECT_SWAPPED);
      g_ptr_array_add (self->stores, g_object_ref (actions));
    }
}

static void
objectives_changed_cb (JlnTimelineView *self)
{
  watch_stores (self);
  relayout (self);
}

static gboolean
match_action_cb (JlnAction *action,
                 gpointer   user_data)
{
  return jln_query_filter_match_action (user_data, action);
}

static void
apply_filter (JlnTimelineView *self,
              JlnTimeline     *timeline)
{
  if (self->filter == NULL)
    {
      jln_timeline_set_match_func (timeline, NULL, NULL, NULL);
      jln_timeline_set_query (timeline, NULL);
      return;
    }
  /* The filter's own test, so that the list and the timeline agree; its
   * query for what the picture says it shows. */
  jln_timeline_set_match_func (timeline, match_action_cb, g_object_ref (self->filter), g_object_unref);
  jln_timeline_set_query (timeline, jln_query_filter_get_query (self->filter));
}

static void
select_from_session (JlnTimelineView *self)
{
  if (self->session == NULL || self->timeline == NULL)
    return;
  /* Finding the row may lay a large plan out: not while hidden, but
   * when shown. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;
  self->syncing = TRUE;
  jln_timeline_canvas_select (self->canvas, jln_session_get_selected (self->session));
  self->syncing = FALSE;
  jln_timeline_canvas_scroll_to_selected (self->canvas);
}

static void
rebuild (JlnTimelineView *self)
{
  g_autoptr(JlnTimeline) timeline = NULL;

  if (self->document != NULL)
    {
      timeline = jln_timeline_new (jln_document_get_plan (self->document));
      /* A plan read again keeps the zoom chosen. */
      jln_timeline_set_zoom (timeline, self->timeline != NULL ? (int) jln_timeline_get_zoom (self->timeline)
                                                              : g_settings_get_enum (self->settings, "timeline-zoom"));
      jln_timeline_set_start (timeline, g_settings_get_enum (self->settings, "timeline-start"));
      apply_filter (self, timeline);
    }
  g_set_object (&self->timeline, timeline);
  jln_timeline_canvas_set_timeline (self->canvas, timeline);
  watch_stores (self);
  relayout (self);
  select_from_session (self);
}

/* The session */

/* A new document, or its plan read again. */
static void
plan_changed_cb (JlnTimelineView *self)
{
  JlnDocument *document = self->session != NULL ? jln_session_get_document (self->session) : NULL;

  g_set_object (&self->document, document);
  rebuild (self);
}

static void
content_language_changed_cb (JlnTimelineView *self)
{
  self->lang = jln_session_get_content_language (self->session);
  update_style (self);
  if (self->timeline != NULL)
    jln_timeline_canvas_relayout (self->canvas);
}

static void
filter_changed_cb (JlnTimelineView *self)
{
  if (self->timeline != NULL)
    jln_timeline_set_query (self->timeline, jln_query_filter_get_query (self->filter));
  relayout (self);
}

static void
session_selected_cb (JlnTimelineView *self)
{
  select_from_session (self);
}

static void
canvas_selected_cb (JlnTimelineView *self)
{
  JlnRecord *record = jln_timeline_canvas_get_selected (self->canvas);

  if (self->syncing || self->session == NULL || record == NULL)
    return;
  self->syncing = TRUE;
  jln_session_set_selected (self->session, record);
  self->syncing = FALSE;
}

static void
canvas_activate_record_cb (JlnTimelineView *self,
                           JlnRecord       *record)
{
  g_signal_emit (self, signals[ACTIVATE_RECORD], 0, record);
}

static void
canvas_zoom_cb (JlnTimelineView *self)
{
  JlnTimelineZoom zoom = jln_timeline_canvas_get_zoom (self->canvas);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.zoom-in", zoom > JLN_TIMELINE_ZOOM_QUARTER);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.zoom-out", zoom < JLN_TIMELINE_ZOOM_YEAR);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

static void
settings_changed_cb (JlnTimelineView *self,
                     const char      *key)
{
  if (self->timeline == NULL)
    return;
  if (g_str_equal (key, "timeline-zoom"))
    jln_timeline_canvas_set_zoom (self->canvas, g_settings_get_enum (self->settings, "timeline-zoom"));
  else if (g_str_equal (key, "timeline-start"))
    {
      jln_timeline_set_start (self->timeline, g_settings_get_enum (self->settings, "timeline-start"));
      relayout (self);
    }
}

/**
 * jln_timeline_view_set_session:
 * @session: (nullable): the window's session
 *
 * Shows the session's plan with its filter, selected record and content
 * language.
 */
void
jln_timeline_view_set_session (JlnTimelineView *self,
                               JlnSession      *session)
{
  g_return_if_fail (JLN_IS_TIMELINE_VIEW (self));
  g_return_if_fail (session == NULL || JLN_IS_SESSION (session));

  if (self->session == session)
    return;

  g_clear_object (&self->filter);
  g_set_object (&self->session, session);
  jln_session_binding_set_session (self->session_binding, session);

  if (session != NULL)
    {
      self->filter = g_object_ref (jln_session_get_filter (session));
      self->lang = jln_session_get_content_language (session);
      update_style (self);
    }
  plan_changed_cb (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

/* Widget */

static void
jln_timeline_view_map (GtkWidget *widget)
{
  JlnTimelineView *self = JLN_TIMELINE_VIEW (widget);
  GtkWidget *focus;

  GTK_WIDGET_CLASS (jln_timeline_view_parent_class)->map (widget);

  /* The plan, or the selection, may have changed while the timeline was
   * not shown. */
  if (self->timeline != NULL)
    {
      relayout (self);
      select_from_session (self);
    }
  /* Shown from the view switcher or Alt+2, the keys go to the rows. */
  focus = gtk_root_get_focus (gtk_widget_get_root (widget));
  if (focus == NULL || !gtk_widget_is_ancestor (focus, widget))
    gtk_widget_grab_focus (GTK_WIDGET (self->canvas));
}

static void
legend_draw_cb (GtkDrawingArea *area,
                cairo_t        *cr,
                int             width,
                int             height,
                gpointer        user_data)
{
  JlnTimelineView *self = user_data;

  if (self->timeline != NULL)
    jln_timeline_draw_legend (self->timeline, cr, jln_timeline_canvas_get_style (self->canvas), width);
}

static void
legend_shown_cb (JlnTimelineView *self)
{
  JlnRenderStyle *style = jln_timeline_canvas_get_style (self->canvas);
  int width = (int) (jln_render_style_get_em (style) * 11);

  if (self->timeline == NULL)
    return;
  gtk_drawing_area_set_content_width (self->legend_area, width);
  gtk_drawing_area_set_content_height (self->legend_area,
                                       (int) jln_timeline_get_legend_height (self->timeline, style, width));
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  JlnTimelineView *self = JLN_TIMELINE_VIEW (widget);
  const char *nick = g_variant_get_string (parameter, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (zoom_nicks); i++)
    if (g_str_equal (nick, zoom_nicks[i]))
      jln_timeline_canvas_set_zoom (self->canvas, i);
}

static void
zoom_step_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  JlnTimelineView *self = JLN_TIMELINE_VIEW (widget);
  JlnTimelineZoom zoom = jln_timeline_canvas_get_zoom (self->canvas);

  if (g_str_equal (action_name, "timeline.zoom-in") && zoom > JLN_TIMELINE_ZOOM_QUARTER)
    jln_timeline_canvas_set_zoom (self->canvas, zoom - 1);
  else if (g_str_equal (action_name, "timeline.zoom-out") && zoom < JLN_TIMELINE_ZOOM_YEAR)
    jln_timeline_canvas_set_zoom (self->canvas, zoom + 1);
}

static void
present_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  jln_timeline_view_present (JLN_TIMELINE_VIEW (widget));
}

static void
show_all_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  JlnTimelineView *self = JLN_TIMELINE_VIEW (widget);

  if (self->filter != NULL)
    jln_query_filter_set_text (self->filter, "");
}

static void
jln_timeline_view_dispose (GObject *object)
{
  JlnTimelineView *self = JLN_TIMELINE_VIEW (object);
  GtkWidget *child;

  if (self->presentation != NULL)
    gtk_window_destroy (self->presentation);
  if (self->stores != NULL)
    unwatch_stores (self);
  jln_session_binding_set_session (self->session_binding, NULL);
  g_clear_object (&self->session);
  gtk_widget_dispose_template (GTK_WIDGET (self), JLN_TYPE_TIMELINE_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->timeline);
  g_clear_object (&self->document);
  g_clear_object (&self->filter);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (jln_timeline_view_parent_class)->dispose (object);
}

static void
jln_timeline_view_finalize (GObject *object)
{
  JlnTimelineView *self = JLN_TIMELINE_VIEW (object);

  g_clear_pointer (&self->stores, g_ptr_array_unref);

  G_OBJECT_CLASS (jln_timeline_view_parent_class)->finalize (object);
}

static void
jln_timeline_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  JlnTimelineView *self = JLN_TIMELINE_VIEW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_ZOOM:
      g_value_set_string (value, zoom_nicks[jln_timeline_canvas_get_zoom (self->canvas)]);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jln_timeline_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  JlnTimelineView *self = JLN_TIMELINE_VIEW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      jln_timeline_view_set_session (self, g_value_get_object (value));
      break;
    case PROP_ZOOM:
      {
        g_autoptr(GVariant) nick = g_variant_ref_sink (g_variant_new_string (g_value_get_string (value)));

        zoom_action (GTK_WIDGET (self), "timeline.zoom", nick);
      }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jln_timeline_view_class_init (JlnTimelineViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jln_timeline_view_dispose;
  object_class->finalize = jln_timeline_view_finalize;
  object_class->get_property = jln_timeline_view_get_property;
  object_class->set_property = jln_timeline_view_set_property;

  widget_class->map = jln_timeline_view_map;

  /* The zoom, by its GSettings nick: the state of timeline.zoom. */
  /**
   * JlnTimelineView:session:
   *
   * The window's session, whose plan, filter, selected record and
   * content language the timeline shows.
   */
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, JLN_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ZOOM] =
    g_param_spec_string ("zoom", NULL, NULL, "semester",
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * JlnTimelineView::activate-record:
   *
   * An action was activated, by Enter or a double click: the window then
   * takes the user to its editor.
   */
  signals[ACTIVATE_RECORD] =
    g_signal_new ("activate-record",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, JLN_TYPE_RECORD);

  g_type_ensure (JLN_TYPE_FILTER_BAR);
  g_type_ensure (JLN_TYPE_TIMELINE_CANVAS);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/jalons/Jalons/jln-timeline-view.ui");
  gtk_widget_class_bind_template_child (widget_class, JlnTimelineView, filter_bar);
  gtk_widget_class_bind_template_child (widget_class, JlnTimelineView, stack);
  gtk_widget_class_bind_template_child (widget_class, JlnTimelineView, canvas);
  gtk_widget_class_bind_template_child (widget_class, JlnTimelineView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, JlnTimelineView, show_all_button);
  gtk_widget_class_bind_template_child (widget_class, JlnTimelineView, legend_area);
  gtk_widget_class_bind_template_callback (widget_class, canvas_activate_record_cb);
  gtk_widget_class_bind_template_callback (widget_class, canvas_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, canvas_zoom_cb);

  gtk_widget_class_install_property_action (widget_class, "timeline.zoom", "zoom");
  gtk_widget_class_install_action (widget_class, "timeline.zoom-in", NULL, zoom_step_action);
  gtk_widget_class_install_action (widget_class, "timeline.zoom-out", NULL, zoom_step_action);
  gtk_widget_class_install_action (widget_class, "timeline.present", NULL, present_action);
  gtk_widget_class_install_action (widget_class, "timeline.show-all", NULL, show_all_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "timeline.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "timeline.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "timeline.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "timeline.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "timeline.zoom-out", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "jln-timeline-view");
}

static void
jln_timeline_view_init (JlnTimelineView *self)
{
  GtkWidget *popover;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->stores = g_ptr_array_new_with_free_func (g_object_unref);
  self->lang = jln_lang_from_locale ();
  self->settings = g_settings_new (APPLICATION_ID);
  g_signal_connect_object (self->settings, "changed::timeline-zoom", G_CALLBACK (settings_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::timeline-start", G_CALLBACK (settings_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_settings_bind (self->settings, "timeline-title-width", self->canvas, "title-width",
                   G_SETTINGS_BIND_DEFAULT);
  jln_screen_style_watch (self, G_CALLBACK (update_style));
  g_signal_connect_object (gtk_settings_get_default (), "notify::gtk-font-name", G_CALLBACK (update_style),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_settings_get_default (), "notify::gtk-xft-dpi", G_CALLBACK (update_style),
                           self, G_CONNECT_SWAPPED);

  gtk_drawing_area_set_draw_func (self->legend_area, legend_draw_cb, self, NULL);
  popover = gtk_widget_get_ancestor (GTK_WIDGET (self->legend_area), GTK_TYPE_POPOVER);
  g_signal_connect_swapped (popover, "show", G_CALLBACK (legend_shown_cb), self);

  update_style (self);
  canvas_zoom_cb (self);

  self->session_binding = jln_session_binding_new (self);
  jln_session_binding_connect (self->session_binding, "notify::plan", G_CALLBACK (plan_changed_cb));
  jln_session_binding_connect (self->session_binding, "notify::content-language",
                               G_CALLBACK (content_language_changed_cb));
  jln_session_binding_connect (self->session_binding, "notify::selected",
                               G_CALLBACK (session_selected_cb));
  jln_session_binding_connect_filter (self->session_binding, "changed",
                                      G_CALLBACK (filter_changed_cb));
}

GtkWidget *
jln_timeline_view_new (void)
{
  return g_object_new (JLN_TYPE_TIMELINE_VIEW, NULL);
}

/**
 * jln_timeline_view_get_session:
 *
 * Returns: (transfer none) (nullable): the session shown
 */
JlnSession *
jln_timeline_view_get_session (JlnTimelineView *self)
{
  g_return_val_if_fail (JLN_IS_TIMELINE_VIEW (self), NULL);
  return self->session;
}

/**
 * jln_timeline_view_get_timeline:
 *
 * Returns: (transfer none) (nullable): the timeline shown
 */
JlnTimeline *
jln_timeline_view_get_timeline (JlnTimelineView *self)
{
  g_return_val_if_fail (JLN_IS_TIMELINE_VIEW (self), NULL);
  return self->timeline;
}

/**
 * jln_timeline_view_create_picture:
 *
 * A new timeline of the plan shown, for Export… and Print: the same
 * actions, zoom, first semester and language as the view, today's date,
 * no selection. It keeps the filter's query as it is now.
 *
 * Returns: (transfer full) (nullable): the picture, or %NULL with no plan
 */
JlnPicture *
jln_timeline_view_create_picture (JlnTimelineView *self)
{
  JlnTimeline *picture;

  g_return_val_if_fail (JLN_IS_TIMELINE_VIEW (self), NULL);
  if (self->timeline == NULL)
    return NULL;

  picture = jln_timeline_new (jln_timeline_get_plan (self->timeline));
  jln_timeline_set_query (picture, self->filter != NULL ? jln_query_filter_get_query (self->filter) : NULL);
  jln_timeline_set_zoom (picture, jln_timeline_get_zoom (self->timeline));
  jln_timeline_set_start (picture, jln_timeline_get_start (self->timeline));
  jln_timeline_set_language (picture, self->lang);
  jln_timeline_set_today (picture, NULL);
  return JLN_PICTURE (picture);
}

/* Presentation: a window of its own, on the session. */

static void
presentation_destroyed_cb (JlnTimelineView *self)
{
  self->presentation = NULL;
  /* The canvas's tooltips come back with the main window. */
  gtk_widget_set_has_tooltip (GTK_WIDGET (self->canvas), TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->canvas));
}

/**
 * jln_timeline_view_present:
 *
 * Shows the session's timeline full screen, for a meeting, until Esc.
 */
void
jln_timeline_view_present (JlnTimelineView *self)
{
  GtkWidget *window;

  g_return_if_fail (JLN_IS_TIMELINE_VIEW (self));

  if (self->presentation != NULL)
    {
      gtk_window_present (self->presentation);
      return;
    }
  if (self->session == NULL || self->timeline == NULL)
    return;
  gtk_widget_activate_action (GTK_WIDGET (self), "win.page", "s", "timeline");

  /* No tooltip of the timeline stays over the slides. */
  gtk_widget_set_has_tooltip (GTK_WIDGET (self->canvas), FALSE);
  gtk_widget_trigger_tooltip_query (GTK_WIDGET (self->canvas));

  window = jln_presentation_window_new (self->session,
                                        GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  g_signal_connect_object (window, "destroy", G_CALLBACK (presentation_destroyed_cb), self, G_CONNECT_SWAPPED);
  self->presentation = GTK_WINDOW (window);
  jln_presentation_window_start (JLN_PRESENTATION_WINDOW (window));
}

/**
 * jln_timeline_view_get_presentation:
 *
 * Returns: (transfer none) (nullable): the presentation's window, while
 *   presenting
 */
GtkWindow *
jln_timeline_view_get_presentation (JlnTimelineView *self)
{
  g_return_val_if_fail (JLN_IS_TIMELINE_VIEW (self), NULL);
  return self->presentation;
}
