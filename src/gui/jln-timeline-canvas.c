/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "jln-action.h"
#include "jln-action-item.h"
#include "jln-timeline-canvas.h"

/* The painter draws the whole view, header and labels included, from
 * the adjustments' values: the widget only keeps the adjustments, turns
 * pointer and key events into rows and records, and watches the records
 * it shows. Lengths are those of the style, in pixels. */

struct _JlnTimelineCanvas
{
  GtkWidget       parent_instance;

  JlnTimeline    *timeline;
  JlnRenderStyle *style;
  GtkAdjustment  *hadjustment;
  GtkAdjustment  *vadjustment;
  guint           hscroll_policy : 1;
  guint           vscroll_policy : 1;
  double          zoom_scroll;       /* Ctrl+scroll not yet a step */
  double          title_width;       /* 0: the painter's own */
  double          drag_start_width;  /* the title column's, while dragged */

  /* The records of the rows drawn last, whose changes redraw. */
  GPtrArray      *watched;
  guint           watched_first;
  guint           watched_end;
  guint           rewatch_id;
};

static void jln_timeline_canvas_scrollable_init (GtkScrollableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (JlnTimelineCanvas, jln_timeline_canvas, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE,
                                                      jln_timeline_canvas_scrollable_init))

enum {
  PROP_0,
  PROP_SELECTED,
  PROP_ZOOM,
  PROP_TITLE_WIDTH,
  N_PROPS,
  PROP_HADJUSTMENT = N_PROPS,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

enum {
  ACTIVATE_RECORD,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
jln_timeline_canvas_scrollable_init (GtkScrollableInterface *iface)
{
}

/* Geometry */

static double
label_width (JlnTimelineCanvas *self)
{
  return jln_timeline_get_label_width (self->timeline, self->style, gtk_widget_get_width (GTK_WIDGET (self)));
}

static double
header_height (JlnTimelineCanvas *self)
{
  return jln_timeline_get_header_height (self->timeline, self->style, gtk_widget_get_width (GTK_WIDGET (self)));
}

static void
configure_adjustments (JlnTimelineCanvas *self,
                       int                width,
                       int                height)
{
  double content_w = 0, content_h = 0, page_w, page_h;

  if (self->timeline != NULL)
    {
      jln_timeline_get_content_size (self->timeline, self->style, width, &content_w, &content_h);
      page_w = MAX (0, width - jln_timeline_get_label_width (self->timeline, self->style, width));
      page_h = MAX (0, height - jln_timeline_get_header_height (self->timeline, self->style, width));
    }
  else
    page_w = width, page_h = height;

  if (self->hadjustment != NULL)
    gtk_adjustment_configure (self->hadjustment,
                              CLAMP (gtk_adjustment_get_value (self->hadjustment), 0, MAX (0, content_w - page_w)),
                              0, MAX (content_w, page_w), page_w * 0.1, page_w * 0.9, page_w);
  if (self->vadjustment != NULL)
    gtk_adjustment_configure (self->vadjustment,
                              CLAMP (gtk_adjustment_get_value (self->vadjustment), 0, MAX (0, content_h - page_h)),
                              0, MAX (content_h, page_h), page_h * 0.1, page_h * 0.9, page_h);
}

/* Lays the canvas out again at the next frame. A resize rather than an
 * allocation: GTK 4.8 can lose an allocation asked for while an ancestor's
 * own is under way (the scrolled window sizing its bars), and the canvas
 * would then stay without one, drawn as an empty page, until another
 * page is shown; a resize always reaches the window. */
static void
queue_layout (JlnTimelineCanvas *self)
{
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
adjustment_value_changed_cb (JlnTimelineCanvas *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
set_adjustment (JlnTimelineCanvas  *self,
                GtkAdjustment     **slot,
                GtkAdjustment      *adjustment)
{
  if (*slot == adjustment)
    return;
  if (*slot != NULL)
    {
      g_signal_handlers_disconnect_by_func (*slot, adjustment_value_changed_cb, self);
      g_clear_object (slot);
    }
  if (adjustment == NULL)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);
  *slot = g_object_ref_sink (adjustment);
  g_signal_connect_swapped (adjustment, "value-changed", G_CALLBACK (adjustment_value_changed_cb), self);
  queue_layout (self);
}

/* Watching what is shown */

static void
record_changed_cb (JlnTimelineCanvas *self)
{
  /* A field of a shown record: what it matches and where its bar goes
   * may have changed. */
  jln_timeline_invalidate (self->timeline);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    jln_timeline_canvas_relayout (self);
}

static void
unwatch (JlnTimelineCanvas *self)
{
  for (guint i = 0; i < self->watched->len; i++)
    g_signal_handlers_disconnect_by_func (g_ptr_array_index (self->watched, i), record_changed_cb, self);
  g_ptr_array_set_size (self->watched, 0);
  self->watched_first = self->watched_end = 0;
}

static gboolean
rewatch_cb (gpointer data)
{
  JlnTimelineCanvas *self = data;
  double top = gtk_adjustment_get_value (self->vadjustment);
  double bottom = top + gtk_adjustment_get_page_size (self->vadjustment);
  guint first = 0, last = 0;

  self->rewatch_id = 0;
  unwatch (self);
  if (self->timeline == NULL || jln_timeline_get_n_rows (self->timeline) == 0)
    return G_SOURCE_REMOVE;
  jln_timeline_row_at (self->timeline, self->style, top, &first);
  if (!jln_timeline_row_at (self->timeline, self->style, bottom, &last))
    last = jln_timeline_get_n_rows (self->timeline) - 1;
  for (guint i = first; i <= last; i++)
    {
      JlnRecord *record = jln_timeline_get_row_record (self->timeline, i);

      g_signal_connect_object (record, "notify", G_CALLBACK (record_changed_cb), self, G_CONNECT_SWAPPED);
      g_ptr_array_add (self->watched, g_object_ref (record));
    }
  self->watched_first = first;
  self->watched_end = last + 1;
  return G_SOURCE_REMOVE;
}

/* Drawing */

static void
jln_timeline_canvas_snapshot (GtkWidget   *widget,
                              GtkSnapshot *snapshot)
{
  JlnTimelineCanvas *self = JLN_TIMELINE_CANVAS (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  double scroll_y;
  guint first = 0;
  cairo_t *cr;

  if (self->timeline == NULL || width <= 0 || height <= 0)
    return;

  scroll_y = gtk_adjustment_get_value (self->vadjustment);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  jln_timeline_draw_view (self->timeline, cr, self->style,
                          gtk_adjustment_get_value (self->hadjustment), scroll_y, width, height);

  if (gtk_widget_has_visible_focus (widget))
    {
      double header_h = header_height (self);

      cairo_rectangle (cr, 1, header_h + 1, width - 2, height - header_h - 2);
      cairo_set_line_width (cr, 2);
      jln_render_style_set_source_alpha (self->style, cr, JLN_RENDER_COLOR_ACCENT, 0.6);
      cairo_stroke (cr);
    }
  cairo_destroy (cr);

  /* Watch the rows drawn, once drawing is done. */
  jln_timeline_row_at (self->timeline, self->style, scroll_y, &first);
  if (first != self->watched_first || self->watched->len == 0)
    if (self->rewatch_id == 0)
      self->rewatch_id = g_idle_add (rewatch_cb, self);
}

/* Hidden, it watches nothing: its view lays it out again when shown. */
static void
jln_timeline_canvas_unmap (GtkWidget *widget)
{
  JlnTimelineCanvas *self = JLN_TIMELINE_CANVAS (widget);

  g_clear_handle_id (&self->rewatch_id, g_source_remove);
  unwatch (self);
  GTK_WIDGET_CLASS (jln_timeline_canvas_parent_class)->unmap (widget);
}

static void
jln_timeline_canvas_size_allocate (GtkWidget *widget,
                                   int        width,
                                   int        height,
                                   int        baseline)
{
  configure_adjustments (JLN_TIMELINE_CANVAS (widget), width, height);
}

static void
jln_timeline_canvas_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 200 : 120;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 800 : 600;
}

/* Selection */

static void
scroll_to_row (JlnTimelineCanvas *self,
               guint              row)
{
  double y, h, value = gtk_adjustment_get_value (self->vadjustment);
  double page = gtk_adjustment_get_page_size (self->vadjustment);

  jln_timeline_get_row_extents (self->timeline, self->style, row, &y, &h);
  if (y < value)
    gtk_adjustment_set_value (self->vadjustment, y);
  else if (y + h > value + page)
    gtk_adjustment_set_value (self->vadjustment, y + h - page);
}

static void
update_accessible_label (JlnTimelineCanvas *self)
{
  JlnRecord *selected = jln_timeline_get_selected (self->timeline);
  g_autofree char *label = NULL;

  if (selected != NULL)
    {
      g_autofree char *tip = jln_timeline_dup_tooltip (self->timeline, selected,
                                                       jln_render_style_get_lang (self->style));

      /* Translators: the accessible name of the timeline with an action
         selected; %s describes the action. */
      label = g_strdup_printf (_("Timeline, selected: %s"), tip);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label != NULL ? label : _("Timeline"),
                                  -1);
}

/* As the user chose: the view tells the list. */
static void
select_by_user (JlnTimelineCanvas *self,
                JlnRecord         *record)
{
  if (jln_timeline_get_selected (self->timeline) == record)
    return;
  jln_timeline_set_selected (self->timeline, record);
  update_accessible_label (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

/* Up and Down go from action to action, skipping headings and sub-items. */
void
jln_timeline_canvas_move_selection (JlnTimelineCanvas *self,
                                    int                direction)
{
  guint n, row = 0;
  int i;
  JlnRecord *selected;

  g_return_if_fail (JLN_IS_TIMELINE_CANVAS (self));
  if (self->timeline == NULL || (n = jln_timeline_get_n_rows (self->timeline)) == 0)
    return;

  selected = jln_timeline_get_selected (self->timeline);
  if (selected == NULL || !jln_timeline_find_row (self->timeline, selected, &row))
    i = direction > 0 ? -1 : (int) n;
  else
    i = row;

  for (i += direction > 0 ? 1 : -1; i >= 0 && i < (int) n; i += direction > 0 ? 1 : -1)
    if (jln_timeline_get_row_kind (self->timeline, i) == JLN_TIMELINE_ROW_ACTION)
      {
        select_by_user (self, jln_timeline_get_row_record (self->timeline, i));
        scroll_to_row (self, i);
        return;
      }
  gtk_widget_error_bell (GTK_WIDGET (self));
}

/* Events */

/* The title column */

#define TITLE_EDGE_SLOP 4.0   /* pixels either side of the edge that grab it */
#define TITLE_MIN_CHART 120.0 /* pixels left to the semesters at the least */

static gboolean
on_title_edge (JlnTimelineCanvas *self,
               double             x)
{
  return self->timeline != NULL && fabs (x - label_width (self)) <= TITLE_EDGE_SLOP;
}

static double
clamp_title_width (JlnTimelineCanvas *self,
                   double             width)
{
  double min_w = self->timeline != NULL ? jln_timeline_get_min_label_width (self->timeline, self->style) : 0;
  double max_w = gtk_widget_get_width (GTK_WIDGET (self)) - TITLE_MIN_CHART;

  return round (MAX (min_w, MIN (width, max_w)));
}

static void
title_drag_begin_cb (GtkGestureDrag    *gesture,
                     double             x,
                     double             y,
                     JlnTimelineCanvas *self)
{
  if (!on_title_edge (self, x))
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }
  self->drag_start_width = label_width (self);
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
title_drag_update_cb (GtkGestureDrag    *gesture,
                      double             dx,
                      double             dy,
                      JlnTimelineCanvas *self)
{
  jln_timeline_canvas_set_title_width (self, clamp_title_width (self, self->drag_start_width + dx));
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           JlnTimelineCanvas        *self)
{
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), on_title_edge (self, x) ? "col-resize" : NULL);
}

static JlnRecord *
record_at (JlnTimelineCanvas *self,
           double             x,
           double             y,
           guint             *row_out)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double label_w = label_width (self), header_h = header_height (self);
  double cy = y - header_h + gtk_adjustment_get_value (self->vadjustment);
  JlnRecord *bar;
  guint row;

  if (self->timeline == NULL || y < header_h ||
      !jln_timeline_row_at (self->timeline, self->style, cy, &row))
    return NULL;
  if (row_out != NULL)
    *row_out = row;
  if (x >= label_w)
    {
      bar = jln_timeline_bar_at (self->timeline, self->style, width,
                                 x - label_w + gtk_adjustment_get_value (self->hadjustment), cy);
      if (bar != NULL)
        return bar;
    }
  return jln_timeline_get_row_record (self->timeline, row);
}

static void
click_pressed_cb (GtkGestureClick   *gesture,
                  int                n_press,
                  double             x,
                  double             y,
                  JlnTimelineCanvas *self)
{
  JlnRecord *record = record_at (self, x, y, NULL);

  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (record == NULL)
    return;
  select_by_user (self, record);
  if (n_press == 2)
    g_signal_emit (self, signals[ACTIVATE_RECORD], 0, record);
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                JlnTimelineCanvas     *self)
{
  JlnRecord *selected;
  double step;

  /* Alt+Left and Alt+Right narrow and widen the title column. */
  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) == GDK_ALT_MASK && self->timeline != NULL &&
      (keyval == GDK_KEY_Left || keyval == GDK_KEY_Right))
    {
      step = jln_render_style_get_em (self->style) * 2;
      jln_timeline_canvas_set_title_width (self, clamp_title_width (self, label_width (self) +
                                                                          (keyval == GDK_KEY_Left ? -step : step)));
      return TRUE;
    }
  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK))
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      jln_timeline_canvas_move_selection (self, -1);
      return TRUE;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      jln_timeline_canvas_move_selection (self, 1);
      return TRUE;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
      selected = self->timeline != NULL ? jln_timeline_get_selected (self->timeline) : NULL;
      if (selected != NULL)
        g_signal_emit (self, signals[ACTIVATE_RECORD], 0, selected);
      return selected != NULL;
    case GDK_KEY_Page_Up:
    case GDK_KEY_Page_Down:
      step = gtk_adjustment_get_page_increment (self->vadjustment);
      gtk_adjustment_set_value (self->vadjustment, gtk_adjustment_get_value (self->vadjustment) +
                                                   (keyval == GDK_KEY_Page_Up ? -step : step));
      return TRUE;
    case GDK_KEY_Left:
    case GDK_KEY_Right:
      step = gtk_adjustment_get_step_increment (self->hadjustment);
      gtk_adjustment_set_value (self->hadjustment, gtk_adjustment_get_value (self->hadjustment) +
                                                   (keyval == GDK_KEY_Left ? -step : step));
      return TRUE;
    case GDK_KEY_Home:
      gtk_adjustment_set_value (self->vadjustment, 0);
      return TRUE;
    case GDK_KEY_End:
      gtk_adjustment_set_value (self->vadjustment, gtk_adjustment_get_upper (self->vadjustment));
      return TRUE;
    default:
      return FALSE;
    }
}

/* Ctrl+scroll zooms, about the pointer. */
static gboolean
scroll_cb (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           JlnTimelineCanvas        *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  JlnTimelineZoom zoom;

  if (!(state & GDK_CONTROL_MASK) || self->timeline == NULL)
    return FALSE;

  self->zoom_scroll += dy;
  if (fabs (self->zoom_scroll) < 1)
    return TRUE;
  zoom = jln_timeline_get_zoom (self->timeline);
  if (self->zoom_scroll < 0 && zoom > JLN_TIMELINE_ZOOM_QUARTER)
    jln_timeline_canvas_set_zoom (self, zoom - 1);
  else if (self->zoom_scroll > 0 && zoom < JLN_TIMELINE_ZOOM_YEAR)
    jln_timeline_canvas_set_zoom (self, zoom + 1);
  self->zoom_scroll = 0;
  return TRUE;
}

static gboolean
query_tooltip_cb (GtkWidget         *widget,
                  int                x,
                  int                y,
                  gboolean           keyboard,
                  GtkTooltip        *tooltip,
                  JlnTimelineCanvas *self)
{
  JlnRecord *record;
  g_autofree char *text = NULL;
  double row_y, row_h;
  guint row;

  if (keyboard)
    {
      record = self->timeline != NULL ? jln_timeline_get_selected (self->timeline) : NULL;
      if (record == NULL || !jln_timeline_find_row (self->timeline, record, &row))
        return FALSE;
    }
  else if ((record = record_at (self, x, y, &row)) == NULL)
    return FALSE;

  text = jln_timeline_dup_tooltip (self->timeline, record, jln_render_style_get_lang (self->style));
  gtk_tooltip_set_text (tooltip, text);
  jln_timeline_get_row_extents (self->timeline, self->style, row, &row_y, &row_h);
  gtk_tooltip_set_tip_area (tooltip,
                            &(GdkRectangle) {
                              0, (int) (row_y + header_height (self) - gtk_adjustment_get_value (self->vadjustment)),
                              gtk_widget_get_width (widget), (int) row_h
                            });
  return TRUE;
}

/* Object */

static void
jln_timeline_canvas_dispose (GObject *object)
{
  JlnTimelineCanvas *self = JLN_TIMELINE_CANVAS (object);

  g_clear_handle_id (&self->rewatch_id, g_source_remove);
  if (self->watched != NULL)
    unwatch (self);
  if (self->hadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->hadjustment, adjustment_value_changed_cb, self);
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->vadjustment, adjustment_value_changed_cb, self);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);
  g_clear_object (&self->timeline);

  G_OBJECT_CLASS (jln_timeline_canvas_parent_class)->dispose (object);
}

static void
jln_timeline_canvas_finalize (GObject *object)
{
  JlnTimelineCanvas *self = JLN_TIMELINE_CANVAS (object);

  g_clear_pointer (&self->watched, g_ptr_array_unref);
  g_clear_pointer (&self->style, jln_render_style_unref);

  G_OBJECT_CLASS (jln_timeline_canvas_parent_class)->finalize (object);
}

static void
jln_timeline_canvas_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  JlnTimelineCanvas *self = JLN_TIMELINE_CANVAS (object);

  switch (prop_id)
    {
    case PROP_SELECTED:
      g_value_set_object (value, jln_timeline_canvas_get_selected (self));
      break;
    case PROP_ZOOM:
      g_value_set_int (value, jln_timeline_canvas_get_zoom (self));
      break;
    case PROP_TITLE_WIDTH:
      g_value_set_double (value, self->title_width);
      break;
    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;
    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;
    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;
    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jln_timeline_canvas_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  JlnTimelineCanvas *self = JLN_TIMELINE_CANVAS (object);

  switch (prop_id)
    {
    case PROP_SELECTED:
      jln_timeline_canvas_select (self, g_value_get_object (value));
      break;
    case PROP_ZOOM:
      jln_timeline_canvas_set_zoom (self, g_value_get_int (value));
      break;
    case PROP_TITLE_WIDTH:
      jln_timeline_canvas_set_title_width (self, g_value_get_double (value));
      break;
    case PROP_HADJUSTMENT:
      set_adjustment (self, &self->hadjustment, g_value_get_object (value));
      break;
    case PROP_VADJUSTMENT:
      set_adjustment (self, &self->vadjustment, g_value_get_object (value));
      break;
    case PROP_HSCROLL_POLICY:
      self->hscroll_policy = g_value_get_enum (value);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      break;
    case PROP_VSCROLL_POLICY:
      self->vscroll_policy = g_value_get_enum (value);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jln_timeline_canvas_class_init (JlnTimelineCanvasClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jln_timeline_canvas_dispose;
  object_class->finalize = jln_timeline_canvas_finalize;
  object_class->get_property = jln_timeline_canvas_get_property;
  object_class->set_property = jln_timeline_canvas_set_property;

  widget_class->snapshot = jln_timeline_canvas_snapshot;
  widget_class->size_allocate = jln_timeline_canvas_size_allocate;
  widget_class->measure = jln_timeline_canvas_measure;
  widget_class->unmap = jln_timeline_canvas_unmap;

  properties[PROP_SELECTED] =
    g_param_spec_object ("selected", NULL, NULL, JLN_TYPE_RECORD,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ZOOM] =
    g_param_spec_int ("zoom", NULL, NULL, JLN_TIMELINE_ZOOM_QUARTER, JLN_TIMELINE_ZOOM_YEAR,
                      JLN_TIMELINE_ZOOM_SEMESTER,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* The width of the title column in pixels, as the user dragged it; 0
   * for a width that follows the window's. */
  properties[PROP_TITLE_WIDTH] =
    g_param_spec_double ("title-width", NULL, NULL, 0, G_MAXDOUBLE, 0,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  /**
   * JlnTimelineCanvas::activate-record:
   *
   * A row was activated, by Enter or a double click.
   */
  signals[ACTIVATE_RECORD] =
    g_signal_new ("activate-record",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, JLN_TYPE_RECORD);

  gtk_widget_class_set_css_name (widget_class, "jln-timeline-canvas");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
jln_timeline_canvas_init (JlnTimelineCanvas *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *key = gtk_event_controller_key_new ();
  GtkEventController *scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkGesture *drag = gtk_gesture_drag_new ();

  self->watched = g_ptr_array_new_with_free_func (g_object_unref);
  self->style = jln_render_style_new (JLN_RENDER_SCHEME_LIGHT, JLN_LANG_EN);
  set_adjustment (self, &self->hadjustment, NULL);
  set_adjustment (self, &self->vadjustment, NULL);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);

  /* Before the click, which would select the row under the edge. */
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (drag), GTK_PHASE_CAPTURE);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (title_drag_begin_cb), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (title_drag_update_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  g_signal_connect (motion, "motion", G_CALLBACK (motion_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "pressed", G_CALLBACK (click_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  g_signal_connect (key, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), key);

  g_signal_connect (scroll, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), self);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Timeline"),
                                  -1);
}

GtkWidget *
jln_timeline_canvas_new (void)
{
  return g_object_new (JLN_TYPE_TIMELINE_CANVAS, NULL);
}

/**
 * jln_timeline_canvas_get_timeline:
 *
 * Returns: (transfer none) (nullable): the timeline drawn
 */
JlnTimeline *
jln_timeline_canvas_get_timeline (JlnTimelineCanvas *self)
{
  g_return_val_if_fail (JLN_IS_TIMELINE_CANVAS (self), NULL);
  return self->timeline;
}

void
jln_timeline_canvas_set_timeline (JlnTimelineCanvas *self,
                                  JlnTimeline       *timeline)
{
  g_return_if_fail (JLN_IS_TIMELINE_CANVAS (self));
  g_return_if_fail (timeline == NULL || JLN_IS_TIMELINE (timeline));

  if (self->timeline == timeline)
    return;
  g_clear_handle_id (&self->rewatch_id, g_source_remove);
  unwatch (self);
  g_set_object (&self->timeline, timeline);
  if (self->timeline != NULL)
    {
      jln_timeline_set_wrap (self->timeline, TRUE);
      jln_timeline_set_label_width (self->timeline, self->title_width);
    }
  if (self->hadjustment != NULL)
    gtk_adjustment_set_value (self->hadjustment, 0);
  if (self->vadjustment != NULL)
    gtk_adjustment_set_value (self->vadjustment, 0);
  jln_timeline_canvas_relayout (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

/**
 * jln_timeline_canvas_get_style:
 *
 * Returns: (transfer none): the style drawn in
 */
JlnRenderStyle *
jln_timeline_canvas_get_style (JlnTimelineCanvas *self)
{
  g_return_val_if_fail (JLN_IS_TIMELINE_CANVAS (self), NULL);
  return self->style;
}

void
jln_timeline_canvas_set_style (JlnTimelineCanvas *self,
                               JlnRenderStyle    *style)
{
  g_return_if_fail (JLN_IS_TIMELINE_CANVAS (self));
  g_return_if_fail (style != NULL);

  if (self->style == style)
    return;
  jln_render_style_unref (self->style);
  self->style = jln_render_style_ref (style);
  queue_layout (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

JlnTimelineZoom
jln_timeline_canvas_get_zoom (JlnTimelineCanvas *self)
{
  g_return_val_if_fail (JLN_IS_TIMELINE_CANVAS (self), JLN_TIMELINE_ZOOM_SEMESTER);
  return self->timeline != NULL ? jln_timeline_get_zoom (self->timeline) : JLN_TIMELINE_ZOOM_SEMESTER;
}

/* Keeps the date at the middle of the chart where it is. */
void
jln_timeline_canvas_set_zoom (JlnTimelineCanvas *self,
                              JlnTimelineZoom    zoom)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  double page, before, after, middle;

  g_return_if_fail (JLN_IS_TIMELINE_CANVAS (self));
  if (self->timeline == NULL || jln_timeline_get_zoom (self->timeline) == zoom)
    return;

  page = gtk_adjustment_get_page_size (self->hadjustment);
  before = jln_timeline_get_semester_x (self->timeline, self->style, width, 1) -
           jln_timeline_get_semester_x (self->timeline, self->style, width, 0);
  middle = (gtk_adjustment_get_value (self->hadjustment) + page / 2) / MAX (before, 1);

  jln_timeline_set_zoom (self->timeline, zoom);
  after = jln_timeline_get_semester_x (self->timeline, self->style, width, 1) -
          jln_timeline_get_semester_x (self->timeline, self->style, width, 0);
  configure_adjustments (self, width, height);
  gtk_adjustment_set_value (self->hadjustment, middle * after - page / 2);
  queue_layout (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

/**
 * jln_timeline_canvas_get_selected:
 *
 * Returns: (transfer none) (nullable): the record selected
 */
JlnRecord *
jln_timeline_canvas_get_selected (JlnTimelineCanvas *self)
{
  g_return_val_if_fail (JLN_IS_TIMELINE_CANVAS (self), NULL);
  return self->timeline != NULL ? jln_timeline_get_selected (self->timeline) : NULL;
}

/**
 * jln_timeline_canvas_select:
 * @record: (nullable): an objective, action or sub-item
 *
 * Selects the row of @record, or of its action for a sub-item that the
 * timeline does not show.
 */
void
jln_timeline_canvas_select (JlnTimelineCanvas *self,
                            JlnRecord         *record)
{
  g_return_if_fail (JLN_IS_TIMELINE_CANVAS (self));

  if (self->timeline == NULL)
    return;
  if (JLN_IS_ACTION_ITEM (record) && !jln_timeline_find_row (self->timeline, record, NULL))
    record = jln_record_get_parent (record);
  if (record != NULL && !jln_timeline_find_row (self->timeline, record, NULL))
    record = NULL;
  if (jln_timeline_get_selected (self->timeline) == record)
    return;
  jln_timeline_set_selected (self->timeline, record);
  update_accessible_label (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

void
jln_timeline_canvas_scroll_to_selected (JlnTimelineCanvas *self)
{
  guint row;

  g_return_if_fail (JLN_IS_TIMELINE_CANVAS (self));
  if (self->timeline != NULL &&
      jln_timeline_find_row (self->timeline, jln_timeline_get_selected (self->timeline), &row))
    {
      configure_adjustments (self, gtk_widget_get_width (GTK_WIDGET (self)),
                             gtk_widget_get_height (GTK_WIDGET (self)));
      scroll_to_row (self, row);
    }
}

void
jln_timeline_canvas_relayout (JlnTimelineCanvas *self)
{
  g_autofree char *description = NULL;

  g_return_if_fail (JLN_IS_TIMELINE_CANVAS (self));

  unwatch (self);
  /* The description lays the timeline out: only once it is on screen. */
  if (self->timeline != NULL && gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      description = jln_timeline_dup_description (self->timeline, jln_render_style_get_lang (self->style));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                      -1);
      update_accessible_label (self);
    }
  queue_layout (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

double
jln_timeline_canvas_get_title_width (JlnTimelineCanvas *self)
{
  g_return_val_if_fail (JLN_IS_TIMELINE_CANVAS (self), 0);
  return self->title_width;
}

void
jln_timeline_canvas_set_title_width (JlnTimelineCanvas *self,
                                     double             width)
{
  g_return_if_fail (JLN_IS_TIMELINE_CANVAS (self));

  width = MAX (0, width);
  if (self->title_width == width)
    return;
  self->title_width = width;
  if (self->timeline != NULL)
    {
      jln_timeline_set_label_width (self->timeline, width);
      queue_layout (self);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE_WIDTH]);
}
