/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <adwaita.h>
#include <glib/gi18n.h>

#include "jln-chart-view.h"
#include "jln-screen-style.h"
#include "jln-session.h"
#include "jln-text.h"

struct _JlnChartView
{
  GtkWidget       parent_instance;

  JlnChart       *chart;
  JlnChartKind    kind;
  char           *title;
  JlnSession     *session;
  JlnSessionBinding *session_binding;
  JlnRenderStyle *style;
  JlnLang         lang;
  int             hover;
  int             focus_item;
};

G_DEFINE_FINAL_TYPE (JlnChartView, jln_chart_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CHART,
  PROP_KIND,
  PROP_TITLE,
  PROP_SESSION,
  N_PROPS
};

enum {
  ITEM_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
update_accessible (JlnChartView *self)
{
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;
  g_autofree char *label = NULL;

  if (self->chart == NULL)
    return;

  title = jln_chart_dup_title (self->chart, self->style);
  if (jln_set_str (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
  description = jln_chart_dup_description (self->chart, self->style);
  /* GTK 4.8 cannot announce: the focused bar or point becomes part of
   * the name, which screen readers read when it changes. */
  if (self->focus_item >= 0 && (guint) self->focus_item < jln_chart_get_n_items (self->chart))
    {
      g_autofree char *item = jln_chart_dup_item_text (self->chart, self->style, self->focus_item);

      label = g_strdup_printf ("%s — %s", item, title);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label != NULL ? label : title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

static void
update_style (JlnChartView *self)
{
  g_clear_pointer (&self->style, jln_render_style_unref);
  self->style = jln_screen_style_new (GTK_WIDGET (self), self->lang);
  update_accessible (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
style_changed_cb (JlnChartView *self)
{
  update_style (self);
}

static void
jln_chart_view_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  JlnChartView *self = JLN_CHART_VIEW (widget);
  double em = jln_render_style_get_em (self->style);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = (int) (24 * em);
      *natural = (int) (60 * em);
    }
  else
    {
      double width = for_size > 0 ? for_size : 60 * em;
      int height = self->chart != NULL
                   ? (int) ceil (jln_chart_get_height_for_width (self->chart, self->style, width))
                   : 0;

      *minimum = *natural = height;
    }
}

static GtkSizeRequestMode
jln_chart_view_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
jln_chart_view_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  JlnChartView *self = JLN_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  double em = jln_render_style_get_em (self->style);
  cairo_t *cr;
  cairo_rectangle_t area;

  if (self->chart == NULL || width <= 0 || height <= 0)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  jln_chart_draw (self->chart, cr, self->style, width, height);

  if (self->hover >= 0 &&
      jln_chart_get_item_area (self->chart, self->style, width, height, self->hover, &area))
    {
      cairo_rectangle (cr, area.x, area.y, area.width, area.height);
      jln_render_style_set_source (self->style, cr, JLN_RENDER_COLOR_SELECTION);
      cairo_fill (cr);
    }
  if (self->focus_item >= 0 && gtk_widget_has_focus (widget) &&
      jln_chart_get_item_area (self->chart, self->style, width, height, self->focus_item, &area))
    {
      cairo_rectangle (cr, area.x - 0.15 * em, area.y - 0.15 * em,
                       area.width + 0.3 * em, area.height + 0.3 * em);
      jln_render_style_set_source (self->style, cr, JLN_RENDER_COLOR_ACCENT);
      cairo_set_line_width (cr, 0.15 * em);
      cairo_stroke (cr);
    }
  cairo_destroy (cr);
}

static int
lookup (JlnChartView *self,
        double        x,
        double        y)
{
  if (self->chart == NULL)
    return -1;
  return jln_chart_hit_test (self->chart, self->style,
                             gtk_widget_get_width (GTK_WIDGET (self)),
                             gtk_widget_get_height (GTK_WIDGET (self)), x, y);
}

static gboolean
jln_chart_view_query_tooltip (GtkWidget  *widget,
                              int         x,
                              int         y,
                              gboolean    keyboard,
                              GtkTooltip *tooltip)
{
  JlnChartView *self = JLN_CHART_VIEW (widget);
  int index = keyboard ? self->focus_item : lookup (self, x, y);
  g_autofree char *text = NULL;
  cairo_rectangle_t area;

  if (index < 0)
    return FALSE;

  text = jln_chart_dup_item_text (self->chart, self->style, index);
  if (jln_chart_get_item_query (self->chart, index) != NULL ||
      jln_chart_get_item_record (self->chart, index) != NULL)
    {
      gboolean lists = jln_chart_get_item_query (self->chart, index) != NULL;
      g_autofree char *with_hint = g_strdup_printf ("%s\n%s", text,
                                                    lists ? _("Click to list these actions")
                                                          : _("Click to change it"));

      g_free (text);
      text = g_steal_pointer (&with_hint);
    }
  gtk_tooltip_set_text (tooltip, text);
  if (jln_chart_get_item_area (self->chart, self->style, gtk_widget_get_width (widget),
                               gtk_widget_get_height (widget), index, &area))
    {
      GdkRectangle tip = { area.x, area.y, MAX (1, area.width), MAX (1, area.height) };

      gtk_tooltip_set_tip_area (tooltip, &tip);
    }
  return TRUE;
}

static void
set_hover (JlnChartView *self,
           int           index)
{
  gboolean clickable;

  if (self->hover == index)
    return;
  self->hover = index;
  clickable = index >= 0 && (jln_chart_get_item_query (self->chart, index) != NULL ||
                             jln_chart_get_item_record (self->chart, index) != NULL);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), clickable ? "pointer" : NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
motion_cb (JlnChartView *self,
           double        x,
           double        y)
{
  set_hover (self, lookup (self, x, y));
}

static void
leave_cb (JlnChartView *self)
{
  set_hover (self, -1);
}

static void
released_cb (GtkGestureClick *gesture,
             int              n_press,
             double           x,
             double           y,
             JlnChartView    *self)
{
  int index = lookup (self, x, y);

  if (index < 0)
    return;
  jln_chart_view_set_focus_item (self, index);
  jln_chart_view_activate_item (self, index);
}

static gboolean
key_pressed_cb (JlnChartView          *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  int n = self->chart != NULL ? (int) jln_chart_get_n_items (self->chart) : 0;

  if (n == 0)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Right:
    case GDK_KEY_Down:
    case GDK_KEY_KP_Right:
    case GDK_KEY_KP_Down:
      jln_chart_view_set_focus_item (self, MIN (self->focus_item + 1, n - 1));
      return TRUE;
    case GDK_KEY_Left:
    case GDK_KEY_Up:
    case GDK_KEY_KP_Left:
    case GDK_KEY_KP_Up:
      jln_chart_view_set_focus_item (self, MAX (self->focus_item - 1, 0));
      return TRUE;
    case GDK_KEY_Home:
      jln_chart_view_set_focus_item (self, 0);
      return TRUE;
    case GDK_KEY_End:
      jln_chart_view_set_focus_item (self, n - 1);
      return TRUE;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_space:
      if (self->focus_item >= 0)
        {
          jln_chart_view_activate_item (self, self->focus_item);
          return TRUE;
        }
      return FALSE;
    default:
      return FALSE;
    }
}

static void
focus_changed_cb (JlnChartView *self)
{
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
jln_chart_view_css_changed (GtkWidget         *widget,
                            GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (jln_chart_view_parent_class)->css_changed (widget, change);
  update_style (JLN_CHART_VIEW (widget));
}

static void
jln_chart_view_dispose (GObject *object)
{
  JlnChartView *self = JLN_CHART_VIEW (object);

  g_clear_object (&self->chart);
  jln_session_binding_set_session (self->session_binding, NULL);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (jln_chart_view_parent_class)->dispose (object);
}

static void
jln_chart_view_finalize (GObject *object)
{
  JlnChartView *self = JLN_CHART_VIEW (object);

  g_clear_pointer (&self->style, jln_render_style_unref);
  g_free (self->title);

  G_OBJECT_CLASS (jln_chart_view_parent_class)->finalize (object);
}

static void
jln_chart_view_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  JlnChartView *self = JLN_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_CHART:
      g_value_set_object (value, self->chart);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jln_chart_view_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  JlnChartView *self = JLN_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_CHART:
      jln_chart_view_set_chart (self, g_value_get_object (value));
      break;
    case PROP_KIND:
      jln_chart_view_set_kind (self, g_value_get_enum (value));
      break;
    case PROP_SESSION:
      jln_chart_view_set_session (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jln_chart_view_class_init (JlnChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jln_chart_view_dispose;
  object_class->finalize = jln_chart_view_finalize;
  object_class->get_property = jln_chart_view_get_property;
  object_class->set_property = jln_chart_view_set_property;

  widget_class->measure = jln_chart_view_measure;
  widget_class->get_request_mode = jln_chart_view_get_request_mode;
  widget_class->snapshot = jln_chart_view_snapshot;
  widget_class->query_tooltip = jln_chart_view_query_tooltip;
  widget_class->css_changed = jln_chart_view_css_changed;

  properties[PROP_CHART] =
    g_param_spec_object ("chart", NULL, NULL, JLN_TYPE_CHART,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /**
   * JlnChartView:kind:
   *
   * A plan-wide kind of chart (status, completions, units): the view
   * shows that chart of the session's plan, and makes it again when the
   * plan changes. With %JLN_CHART_INDICATOR, the default, the chart is
   * the one given.
   */
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, JLN_TYPE_CHART_KIND, JLN_CHART_INDICATOR,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /**
   * JlnChartView:title:
   *
   * The chart's title, in the content language.
   */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /**
   * JlnChartView:session:
   *
   * The window's session: the chart's figures and dates follow its
   * content language.
   */
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, JLN_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * JlnChartView::item-activated:
   * @index: the bar or point clicked, or chosen with Enter
   */
  signals[ITEM_ACTIVATED] =
    g_signal_new ("item-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_css_name (widget_class, "jln-chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
session_language_changed_cb (JlnChartView *self)
{
  JlnLang lang = jln_session_get_content_language (self->session);

  if (self->lang == lang)
    return;
  self->lang = lang;
  update_style (self);
}

/* A plan-wide chart is made again for a new plan. */
static void
session_plan_changed_cb (JlnChartView *self)
{
  JlnPlan *plan = self->session != NULL ? jln_session_get_plan (self->session) : NULL;
  g_autoptr(JlnChart) chart = NULL;

  if (self->kind == JLN_CHART_INDICATOR)
    return;
  if (plan != NULL)
    chart = jln_chart_new (self->kind, plan, NULL);
  jln_chart_view_set_chart (self, chart);
}

static void
jln_chart_view_init (JlnChartView *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkEventController *key = gtk_event_controller_key_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  self->hover = -1;
  self->focus_item = -1;
  self->lang = jln_lang_from_locale ();
  self->style = jln_screen_style_new (GTK_WIDGET (self), self->lang);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);

  g_signal_connect_swapped (motion, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect_swapped (motion, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  g_signal_connect (click, "released", G_CALLBACK (released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  g_signal_connect_swapped (key, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), key);
  g_signal_connect_swapped (focus, "enter", G_CALLBACK (focus_changed_cb), self);
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (focus_changed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);

  jln_screen_style_watch (self, G_CALLBACK (style_changed_cb));

  self->session_binding = jln_session_binding_new (self);
  jln_session_binding_connect (self->session_binding, "notify::content-language",
                               G_CALLBACK (session_language_changed_cb));
  jln_session_binding_connect (self->session_binding, "notify::plan",
                               G_CALLBACK (session_plan_changed_cb));
}

GtkWidget *
jln_chart_view_new (JlnChart *chart)
{
  return g_object_new (JLN_TYPE_CHART_VIEW, "chart", chart, NULL);
}

/**
 * jln_chart_view_get_chart:
 *
 * Returns: (transfer none) (nullable): the chart shown
 */
JlnChart *
jln_chart_view_get_chart (JlnChartView *self)
{
  g_return_val_if_fail (JLN_IS_CHART_VIEW (self), NULL);
  return self->chart;
}

void
jln_chart_view_set_chart (JlnChartView *self,
                          JlnChart     *chart)
{
  g_return_if_fail (JLN_IS_CHART_VIEW (self));

  if (!g_set_object (&self->chart, chart))
    return;
  self->hover = -1;
  self->focus_item = -1;
  update_accessible (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHART]);
}

/**
 * jln_chart_view_get_session:
 *
 * Returns: (transfer none) (nullable): the session followed
 */
JlnSession *
jln_chart_view_get_session (JlnChartView *self)
{
  g_return_val_if_fail (JLN_IS_CHART_VIEW (self), NULL);
  return self->session;
}

void
jln_chart_view_set_session (JlnChartView *self,
                            JlnSession   *session)
{
  g_return_if_fail (JLN_IS_CHART_VIEW (self));
  g_return_if_fail (session == NULL || JLN_IS_SESSION (session));

  if (self->session == session)
    return;
  g_set_object (&self->session, session);
  jln_session_binding_set_session (self->session_binding, session);
  if (session != NULL)
    session_language_changed_cb (self);
  session_plan_changed_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

JlnChartKind
jln_chart_view_get_kind (JlnChartView *self)
{
  g_return_val_if_fail (JLN_IS_CHART_VIEW (self), JLN_CHART_INDICATOR);
  return self->kind;
}

void
jln_chart_view_set_kind (JlnChartView *self,
                         JlnChartKind  kind)
{
  g_return_if_fail (JLN_IS_CHART_VIEW (self));

  if (self->kind == kind)
    return;
  self->kind = kind;
  session_plan_changed_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

/**
 * jln_chart_view_get_title:
 *
 * Returns: (nullable): the chart's title, in the content language
 */
const char *
jln_chart_view_get_title (JlnChartView *self)
{
  g_return_val_if_fail (JLN_IS_CHART_VIEW (self), NULL);
  return self->title;
}

void
jln_chart_view_refresh (JlnChartView *self)
{
  g_return_if_fail (JLN_IS_CHART_VIEW (self));

  if (self->chart == NULL)
    return;
  jln_chart_invalidate (self->chart);
  if (self->focus_item >= (int) jln_chart_get_n_items (self->chart))
    self->focus_item = -1;
  self->hover = -1;
  update_accessible (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/**
 * jln_chart_view_get_style:
 *
 * Returns: (transfer none): the style the chart is drawn with
 */
const JlnRenderStyle *
jln_chart_view_get_style (JlnChartView *self)
{
  g_return_val_if_fail (JLN_IS_CHART_VIEW (self), NULL);
  return self->style;
}

int
jln_chart_view_get_focus_item (JlnChartView *self)
{
  g_return_val_if_fail (JLN_IS_CHART_VIEW (self), -1);
  return self->focus_item;
}

void
jln_chart_view_set_focus_item (JlnChartView *self,
                               int           index)
{
  g_return_if_fail (JLN_IS_CHART_VIEW (self));

  if (self->focus_item == index)
    return;
  self->focus_item = index;
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
jln_chart_view_activate_item (JlnChartView *self,
                              guint         index)
{
  g_return_if_fail (JLN_IS_CHART_VIEW (self));
  g_return_if_fail (self->chart != NULL && index < jln_chart_get_n_items (self->chart));

  g_signal_emit (self, signals[ITEM_ACTIVATED], 0, index);
}
