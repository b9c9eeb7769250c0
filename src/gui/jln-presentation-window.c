/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "jln-presentation-window.h"
#include "jln-query.h"
#include "jln-render-style.h"
#include "jln-semester.h"

/* A window of its own, full screen on its parent's monitor, with no
 * chrome: the session's timeline in the contrast style, in pages of the
 * screen's size as the PDF has them (an objective that goes on is headed
 * again, "(continued)"), from the first, with every sub-item, in
 * semesters so that every slide labels its columns the same way. Page
 * Down and Page Up go through them, Home and End to the first and last;
 * D hides or shows the actions done, P chooses the period. Leaving it
 * (Esc) leaves the main window as it was, since it never changed. */

/* The presentation's type, in pixels: fitted to the screen between these. */
#define PRESENT_MIN_PX 16.0
#define PRESENT_MAX_PX 30.0

/* How long the keys are shown, and the controls without the pointer moving. */
#define HINT_SECONDS 5

struct _JlnPresentationWindow
{
  AdwWindow       parent_instance;

  JlnSession     *session;
  JlnSessionBinding *session_binding;
  JlnTimeline    *timeline;
  guint           page;
  gboolean        hide_done;
  guint           n_all;            /* the actions shown, done ones too */
  char           *period;           /* "plan", "years" or "range" */
  JlnSemester     range_first;      /* the period "range" */
  JlnSemester     range_last;
  JlnSemester     choice_first;     /* the semesters the range is chosen in */
  guint           hint_id;
  gboolean        filling;          /* setting the range's drop-downs */

  /* Template widgets */
  GtkDrawingArea *area;
  GtkWidget      *controls;
  GtkStack       *controls_stack;
  GtkWidget      *controls_hidden;
  GtkWidget      *top_strip;
  GtkStack       *hint_stack;
  GtkWidget      *hint_hidden;
  GtkMenuButton  *period_button;
  GtkPopover     *period_popover;
  GtkLabel       *hint;
  GtkLabel       *counter;
  GtkDropDown    *first_dropdown;
  GtkDropDown    *last_dropdown;
};

G_DEFINE_FINAL_TYPE (JlnPresentationWindow, jln_presentation_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_PAGE,
  PROP_HIDE_DONE,
  PROP_PERIOD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Slides */

/* The presentation's style: the contrast scheme, its type sized for the
 * screen's height, so that a projector shows it from the back of a room. */
static JlnRenderStyle *
create_style (JlnPresentationWindow *self,
              int                    height)
{
  JlnLang lang = self->session != NULL ? jln_session_get_content_language (self->session) : JLN_LANG_EN;
  JlnRenderStyle *style = jln_render_style_new (JLN_RENDER_SCHEME_CONTRAST, lang);

  jln_render_style_set_font_size (style, CLAMP (height / 40.0, PRESENT_MIN_PX, PRESENT_MAX_PX));
  return style;
}

/* Where a slide is drawn in the window's @width × @height: under the
 * strip of the keys, the counter and the controls, which keeps its
 * height while what it holds is hidden. */
static void
get_slide_rect (JlnPresentationWindow *self,
                int                    width,
                int                    height,
                double                 em,
                graphene_rect_t       *rect)
{
  int top = 0;

  gtk_widget_measure (self->top_strip, GTK_ORIENTATION_VERTICAL, width, NULL, &top, NULL, NULL);
  top = MAX (top, (int) ceil (em));
  graphene_rect_init (rect, em, top, MAX (0, width - 2 * em), MAX (0, height - top - em));
}

static guint
count_pages (JlnPresentationWindow *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self->area));
  int height = gtk_widget_get_height (GTK_WIDGET (self->area));
  g_autoptr(JlnRenderStyle) style = NULL;
  graphene_rect_t slide;

  if (self->timeline == NULL || width <= 0 || height <= 0)
    return 1;
  style = create_style (self, height);
  get_slide_rect (self, width, height, jln_render_style_get_em (style), &slide);
  return MAX (1, jln_picture_paginate (JLN_PICTURE (self->timeline), style,
                                       slide.size.width, slide.size.height));
}

static void
set_page (JlnPresentationWindow *self,
          guint                  page)
{
  guint n = count_pages (self);
  g_autofree char *counter = NULL;

  page = MIN (page, n - 1);
  if (self->hide_done && self->timeline != NULL)
    /* Translators: the page shown in a presentation, how many there are,
     * and how many actions the slides show when the done ones are hidden. */
    counter = g_strdup_printf (dngettext (GETTEXT_PACKAGE,
                                          "%1$u / %2$u · %3$u of %4$u action shown, done ones hidden",
                                          "%1$u / %2$u · %3$u of %4$u actions shown, done ones hidden",
                                          self->n_all),
                               page + 1, n, jln_timeline_get_n_actions (self->timeline), self->n_all);
  else
    /* Translators: the page shown in a presentation, and how many there are. */
    counter = g_strdup_printf (_("%1$u / %2$u"), page + 1, n);
  gtk_label_set_text (self->counter, counter);
  gtk_widget_queue_draw (GTK_WIDGET (self->area));
  if (self->page == page)
    return;
  self->page = page;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
}

static void
draw_cb (GtkDrawingArea *area,
         cairo_t        *cr,
         int             width,
         int             height,
         gpointer        user_data)
{
  JlnPresentationWindow *self = user_data;
  g_autoptr(JlnRenderStyle) style = create_style (self, height);
  graphene_rect_t slide;
  guint n;

  jln_render_style_set_source (style, cr, JLN_RENDER_COLOR_BACKGROUND);
  cairo_paint (cr);
  if (self->timeline == NULL)
    return;
  get_slide_rect (self, width, height, jln_render_style_get_em (style), &slide);
  n = jln_picture_paginate (JLN_PICTURE (self->timeline), style, slide.size.width, slide.size.height);
  cairo_translate (cr, slide.origin.x, slide.origin.y);
  jln_picture_draw_page (JLN_PICTURE (self->timeline), cr, style,
                         MIN (self->page, MAX (n, 1) - 1),
                         slide.size.width, slide.size.height);
}

static void
area_resized_cb (JlnPresentationWindow *self)
{
  set_page (self, self->page);
}

/* What is shown */

/* The semesters of the period chosen: NONE for the timeline's own. */
static void
get_period_range (JlnPresentationWindow *self,
                  JlnSemester           *first,
                  JlnSemester           *last)
{
  *first = *last = JLN_SEMESTER_NONE;
  if (g_strcmp0 (self->period, "years") == 0)
    {
      JlnSemester today = jln_session_get_today (self->session);
      guint year;

      if (today == JLN_SEMESTER_NONE)
        today = jln_semester_today ();
      year = jln_semester_get_year (today);
      *first = jln_semester_new (year - 1, 1);
      *last = jln_semester_new (year + 1, 2);
    }
  else if (g_strcmp0 (self->period, "range") == 0 &&
           self->range_first != JLN_SEMESTER_NONE &&
           self->range_last >= self->range_first)
    {
      *first = self->range_first;
      *last = self->range_last;
    }
}

/* Whether an action is shown when the done ones are hidden: the query's
 * and not done. */
static gboolean
match_not_done (JlnAction *action,
                gpointer   user_data)
{
  JlnQuery *query = user_data;

  if (jln_status_is_done (jln_action_get_status (action)))
    return FALSE;
  return query == NULL || jln_query_match (query, action, jln_semester_today ());
}

/* The query: the session's filter, less the actions done when the
 * presenter hides them. The slides' corner says "75 of 112 actions" and
 * the filter as it was typed. */
static void
apply_query (JlnPresentationWindow *self)
{
  JlnQueryFilter *filter = jln_session_get_filter (self->session);
  const char *text = filter != NULL ? jln_query_filter_get_text (filter) : NULL;
  g_autoptr(JlnQuery) query = jln_query_parse (text != NULL ? text : "", NULL);

  jln_timeline_set_match_func (self->timeline, NULL, NULL, NULL);
  jln_timeline_set_query (self->timeline, query);
  jln_timeline_invalidate (self->timeline);
  self->n_all = jln_timeline_get_n_actions (self->timeline);
  if (self->hide_done)
    jln_timeline_set_match_func (self->timeline, match_not_done,
                                 query != NULL ? jln_query_ref (query) : NULL,
                                 query != NULL ? (GDestroyNotify) jln_query_unref : NULL);
}

static void
apply_period (JlnPresentationWindow *self)
{
  JlnSemester first, last;

  get_period_range (self, &first, &last);
  jln_timeline_set_period (self->timeline, first, last);
}

/* The semesters the range is chosen in: the plan's whole period, with
 * a year either side. */
static void
fill_range_choices (JlnPresentationWindow *self)
{
  JlnLang lang = jln_session_get_content_language (self->session);
  g_autoptr(GtkStringList) firsts = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) lasts = gtk_string_list_new (NULL);
  JlnSemester first, last;

  jln_timeline_set_period (self->timeline, JLN_SEMESTER_NONE, JLN_SEMESTER_NONE);
  jln_timeline_get_range (self->timeline, &first, &last);
  first = MIN (first, self->range_first != JLN_SEMESTER_NONE ? self->range_first : first);
  last = MAX (last, self->range_last);
  first = first > 2 ? first - 2 : first;
  last = last + 2;
  self->choice_first = first;
  for (JlnSemester s = first; s <= last; s++)
    {
      g_autofree char *label = jln_semester_format (s, JLN_SEMESTER_STYLE_SHORT, lang);

      gtk_string_list_append (firsts, label);
      gtk_string_list_append (lasts, label);
    }
  if (self->range_first == JLN_SEMESTER_NONE)
    {
      jln_timeline_get_range (self->timeline, &self->range_first, &self->range_last);
    }

  self->filling = TRUE;
  gtk_drop_down_set_model (self->first_dropdown, G_LIST_MODEL (firsts));
  gtk_drop_down_set_model (self->last_dropdown, G_LIST_MODEL (lasts));
  gtk_drop_down_set_selected (self->first_dropdown, self->range_first - first);
  gtk_drop_down_set_selected (self->last_dropdown, self->range_last - first);
  self->filling = FALSE;
  apply_period (self);
}

static void
range_changed_cb (JlnPresentationWindow *self)
{
  guint first = gtk_drop_down_get_selected (self->first_dropdown);
  guint last = gtk_drop_down_get_selected (self->last_dropdown);

  if (self->filling || first == GTK_INVALID_LIST_POSITION || last == GTK_INVALID_LIST_POSITION)
    return;
  /* The other end follows, rather than making an empty period. */
  self->filling = TRUE;
  if (last < first)
    {
      if (gtk_widget_has_focus (GTK_WIDGET (self->last_dropdown)) ||
          gtk_widget_get_focus_child (GTK_WIDGET (self->last_dropdown)) != NULL)
        gtk_drop_down_set_selected (self->first_dropdown, first = last);
      else
        gtk_drop_down_set_selected (self->last_dropdown, last = first);
    }
  self->filling = FALSE;
  jln_presentation_window_set_range (self, self->choice_first + first, self->choice_first + last);
}

static void
rebuild (JlnPresentationWindow *self)
{
  JlnPlan *plan = self->session != NULL ? jln_session_get_plan (self->session) : NULL;

  g_clear_object (&self->timeline);
  if (plan != NULL)
    {
      self->timeline = jln_timeline_new (plan);
      jln_timeline_set_zoom (self->timeline, JLN_TIMELINE_ZOOM_SEMESTER);
      jln_timeline_set_start (self->timeline, JLN_TIMELINE_START_PLAN);
      jln_timeline_set_language (self->timeline, jln_session_get_content_language (self->session));
      jln_timeline_set_today (self->timeline, NULL);
      jln_timeline_set_all_items (self->timeline, TRUE);
      apply_query (self);
      fill_range_choices (self);
    }
  set_page (self, 0);
}

static void
language_changed_cb (JlnPresentationWindow *self)
{
  if (self->timeline == NULL)
    return;
  jln_timeline_set_language (self->timeline, jln_session_get_content_language (self->session));
  fill_range_choices (self);
  set_page (self, self->page);
}

/* Controls */

static gboolean
hide_controls_cb (gpointer data)
{
  JlnPresentationWindow *self = data;
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  self->hint_id = 0;
  gtk_stack_set_visible_child (self->hint_stack, self->hint_hidden);
  /* Not while the presenter is using them. */
  if (gtk_widget_get_visible (GTK_WIDGET (self->period_popover)) ||
      (focus != NULL && gtk_widget_is_ancestor (focus, self->controls)))
    return G_SOURCE_REMOVE;
  gtk_stack_set_visible_child (self->controls_stack, self->controls_hidden);
  return G_SOURCE_REMOVE;
}

static void
show_controls (JlnPresentationWindow *self)
{
  gtk_stack_set_visible_child (self->controls_stack, self->controls);
  gtk_stack_set_visible_child (self->hint_stack, GTK_WIDGET (self->hint));
  g_clear_handle_id (&self->hint_id, g_source_remove);
  self->hint_id = g_timeout_add_seconds (HINT_SECONDS, hide_controls_cb, self);
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           JlnPresentationWindow    *self)
{
  if (gtk_stack_get_visible_child (self->controls_stack) != self->controls ||
      gtk_stack_get_visible_child (self->hint_stack) != GTK_WIDGET (self->hint))
    show_controls (self);
}

static void
period_closed_cb (JlnPresentationWindow *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->area));
  show_controls (self);
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                JlnPresentationWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  gboolean on_slide = focus == NULL || focus == GTK_WIDGET (self->area);
  guint n = count_pages (self);

  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK))
    return FALSE;
  /* In the controls, their keys are theirs; Esc closes the popover. */
  if (!on_slide)
    switch (keyval)
      {
      case GDK_KEY_Escape:
        if (gtk_widget_get_visible (GTK_WIDGET (self->period_popover)))
          return FALSE;
        break;
      case GDK_KEY_Page_Down:
      case GDK_KEY_Page_Up:
      case GDK_KEY_Home:
      case GDK_KEY_End:
        if (gtk_widget_get_visible (GTK_WIDGET (self->period_popover)))
          return FALSE;
        break;
      default:
        return FALSE;
      }

  switch (keyval)
    {
    case GDK_KEY_Escape:
      gtk_window_destroy (GTK_WINDOW (self));
      return TRUE;
    case GDK_KEY_Page_Down:
    case GDK_KEY_space:
    case GDK_KEY_Right:
    case GDK_KEY_Down:
      set_page (self, MIN (self->page + 1, n - 1));
      break;
    case GDK_KEY_Page_Up:
    case GDK_KEY_BackSpace:
    case GDK_KEY_Left:
    case GDK_KEY_Up:
      set_page (self, self->page > 0 ? self->page - 1 : 0);
      break;
    case GDK_KEY_Home:
      set_page (self, 0);
      break;
    case GDK_KEY_End:
      set_page (self, n - 1);
      break;
    case GDK_KEY_d:
    case GDK_KEY_D:
      jln_presentation_window_set_hide_done (self, !self->hide_done);
      break;
    case GDK_KEY_p:
    case GDK_KEY_P:
      show_controls (self);
      gtk_menu_button_popup (self->period_button);
      break;
    case GDK_KEY_Tab:
    case GDK_KEY_ISO_Left_Tab:
      /* To the controls, shown again. */
      show_controls (self);
      return FALSE;
    default:
      return FALSE;
    }
  return TRUE;
}

static void
leave_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  gtk_window_destroy (GTK_WINDOW (widget));
}

/* The window */

static GdkMonitor *
find_monitor (GtkWindow *parent)
{
  GdkDisplay *display = parent != NULL ? gtk_widget_get_display (GTK_WIDGET (parent)) : gdk_display_get_default ();
  GdkSurface *surface = parent != NULL ? gtk_native_get_surface (GTK_NATIVE (parent)) : NULL;
  GdkMonitor *monitor = surface != NULL ? gdk_display_get_monitor_at_surface (display, surface) : NULL;

  if (monitor == NULL)
    {
      /* The list keeps it. */
      monitor = g_list_model_get_item (gdk_display_get_monitors (display), 0);
      g_object_unref (monitor);
    }
  return monitor;
}

static void
jln_presentation_window_dispose (GObject *object)
{
  JlnPresentationWindow *self = JLN_PRESENTATION_WINDOW (object);

  g_clear_handle_id (&self->hint_id, g_source_remove);
  jln_session_binding_set_session (self->session_binding, NULL);
  g_clear_object (&self->session);
  g_clear_object (&self->timeline);
  gtk_widget_dispose_template (GTK_WIDGET (self), JLN_TYPE_PRESENTATION_WINDOW);

  G_OBJECT_CLASS (jln_presentation_window_parent_class)->dispose (object);
}

static void
jln_presentation_window_finalize (GObject *object)
{
  JlnPresentationWindow *self = JLN_PRESENTATION_WINDOW (object);

  g_free (self->period);

  G_OBJECT_CLASS (jln_presentation_window_parent_class)->finalize (object);
}

static void
jln_presentation_window_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  JlnPresentationWindow *self = JLN_PRESENTATION_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_PAGE:
      g_value_set_uint (value, self->page);
      break;
    case PROP_HIDE_DONE:
      g_value_set_boolean (value, self->hide_done);
      break;
    case PROP_PERIOD:
      g_value_set_string (value, self->period);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jln_presentation_window_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  JlnPresentationWindow *self = JLN_PRESENTATION_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      jln_presentation_window_set_session (self, g_value_get_object (value));
      break;
    case PROP_HIDE_DONE:
      jln_presentation_window_set_hide_done (self, g_value_get_boolean (value));
      break;
    case PROP_PERIOD:
      jln_presentation_window_set_period (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jln_presentation_window_class_init (JlnPresentationWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jln_presentation_window_dispose;
  object_class->finalize = jln_presentation_window_finalize;
  object_class->get_property = jln_presentation_window_get_property;
  object_class->set_property = jln_presentation_window_set_property;

  /**
   * JlnPresentationWindow:session:
   *
   * The session whose plan, filter and content language are presented.
   */
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, JLN_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /**
   * JlnPresentationWindow:page:
   *
   * The slide shown, from 0.
   */
  properties[PROP_PAGE] =
    g_param_spec_uint ("page", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /**
   * JlnPresentationWindow:hide-done:
   *
   * Whether the actions done are left out of the slides; the timeline's
   * counts then say how many are shown of how many.
   */
  properties[PROP_HIDE_DONE] =
    g_param_spec_boolean ("hide-done", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /**
   * JlnPresentationWindow:period:
   *
   * The semesters shown: "plan", the plan's whole period; "years", this
   * year with the years before and after; "range", those chosen.
   */
  properties[PROP_PERIOD] =
    g_param_spec_string ("period", NULL, NULL, "plan",
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/jalons/Jalons/jln-presentation-window.ui");
  gtk_widget_class_bind_template_child (widget_class, JlnPresentationWindow, area);
  gtk_widget_class_bind_template_child (widget_class, JlnPresentationWindow, controls);
  gtk_widget_class_bind_template_child (widget_class, JlnPresentationWindow, controls_stack);
  gtk_widget_class_bind_template_child (widget_class, JlnPresentationWindow, controls_hidden);
  gtk_widget_class_bind_template_child (widget_class, JlnPresentationWindow, top_strip);
  gtk_widget_class_bind_template_child (widget_class, JlnPresentationWindow, hint_stack);
  gtk_widget_class_bind_template_child (widget_class, JlnPresentationWindow, hint_hidden);
  gtk_widget_class_bind_template_child (widget_class, JlnPresentationWindow, period_button);
  gtk_widget_class_bind_template_child (widget_class, JlnPresentationWindow, period_popover);
  gtk_widget_class_bind_template_child (widget_class, JlnPresentationWindow, hint);
  gtk_widget_class_bind_template_child (widget_class, JlnPresentationWindow, counter);
  gtk_widget_class_bind_template_child (widget_class, JlnPresentationWindow, first_dropdown);
  gtk_widget_class_bind_template_child (widget_class, JlnPresentationWindow, last_dropdown);
  gtk_widget_class_bind_template_callback (widget_class, area_resized_cb);
  gtk_widget_class_bind_template_callback (widget_class, key_pressed_cb);
  gtk_widget_class_bind_template_callback (widget_class, motion_cb);
  gtk_widget_class_bind_template_callback (widget_class, period_closed_cb);
  gtk_widget_class_bind_template_callback (widget_class, range_changed_cb);

  gtk_widget_class_install_property_action (widget_class, "presentation.hide-done", "hide-done");
  gtk_widget_class_install_property_action (widget_class, "presentation.period", "period");
  gtk_widget_class_install_action (widget_class, "presentation.leave", NULL, leave_action);
}

static void
jln_presentation_window_init (JlnPresentationWindow *self)
{
  self->period = g_strdup ("plan");
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_drawing_area_set_draw_func (self->area, draw_cb, self, NULL);

  self->session_binding = jln_session_binding_new (self);
  jln_session_binding_connect (self->session_binding, "notify::plan", G_CALLBACK (rebuild));
  jln_session_binding_connect (self->session_binding, "notify::content-language",
                               G_CALLBACK (language_changed_cb));
}

/**
 * jln_presentation_window_new:
 * @session: the session presented
 * @parent: (nullable): the window presenting, whose monitor is used
 *
 * Returns: (transfer floating): a presentation, not yet shown: see
 *   jln_presentation_window_start()
 */
GtkWidget *
jln_presentation_window_new (JlnSession *session,
                             GtkWindow  *parent)
{
  g_return_val_if_fail (JLN_IS_SESSION (session), NULL);
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  return g_object_new (JLN_TYPE_PRESENTATION_WINDOW,
                       "session", session,
                       "transient-for", parent,
                       NULL);
}

/**
 * jln_presentation_window_start:
 *
 * Shows the presentation full screen on its parent's monitor, at its
 * first slide, with its keys for a moment.
 */
void
jln_presentation_window_start (JlnPresentationWindow *self)
{
  GdkMonitor *monitor;
  GdkRectangle geometry;

  g_return_if_fail (JLN_IS_PRESENTATION_WINDOW (self));

  monitor = find_monitor (gtk_window_get_transient_for (GTK_WINDOW (self)));
  /* The size of the screen, should the full screen be refused. */
  gdk_monitor_get_geometry (monitor, &geometry);
  gtk_window_set_default_size (GTK_WINDOW (self), geometry.width, geometry.height);
  gtk_window_fullscreen_on_monitor (GTK_WINDOW (self), monitor);
  gtk_window_present (GTK_WINDOW (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->area));
  show_controls (self);
  set_page (self, 0);
}

JlnSession *
jln_presentation_window_get_session (JlnPresentationWindow *self)
{
  g_return_val_if_fail (JLN_IS_PRESENTATION_WINDOW (self), NULL);
  return self->session;
}

void
jln_presentation_window_set_session (JlnPresentationWindow *self,
                                     JlnSession            *session)
{
  g_return_if_fail (JLN_IS_PRESENTATION_WINDOW (self));
  g_return_if_fail (session == NULL || JLN_IS_SESSION (session));

  if (self->session == session)
    return;
  g_set_object (&self->session, session);
  jln_session_binding_set_session (self->session_binding, session);
  self->range_first = self->range_last = JLN_SEMESTER_NONE;
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

/**
 * jln_presentation_window_get_timeline:
 *
 * Returns: (transfer none) (nullable): the timeline presented
 */
JlnTimeline *
jln_presentation_window_get_timeline (JlnPresentationWindow *self)
{
  g_return_val_if_fail (JLN_IS_PRESENTATION_WINDOW (self), NULL);
  return self->timeline;
}

/**
 * jln_presentation_window_get_page:
 * @n_pages: (out) (optional): how many slides there are
 *
 * Returns: the slide shown, from 0
 */
guint
jln_presentation_window_get_page (JlnPresentationWindow *self,
                                  guint                 *n_pages)
{
  g_return_val_if_fail (JLN_IS_PRESENTATION_WINDOW (self), 0);

  if (n_pages != NULL)
    *n_pages = count_pages (self);
  return self->page;
}

gboolean
jln_presentation_window_get_hide_done (JlnPresentationWindow *self)
{
  g_return_val_if_fail (JLN_IS_PRESENTATION_WINDOW (self), FALSE);
  return self->hide_done;
}

void
jln_presentation_window_set_hide_done (JlnPresentationWindow *self,
                                       gboolean               hide_done)
{
  g_return_if_fail (JLN_IS_PRESENTATION_WINDOW (self));

  hide_done = !!hide_done;
  if (self->hide_done == hide_done)
    return;
  self->hide_done = hide_done;
  if (self->timeline != NULL)
    apply_query (self);
  set_page (self, 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIDE_DONE]);
}

const char *
jln_presentation_window_get_period (JlnPresentationWindow *self)
{
  g_return_val_if_fail (JLN_IS_PRESENTATION_WINDOW (self), NULL);
  return self->period;
}

/**
 * jln_presentation_window_set_period:
 * @period: "plan", "years" or "range"
 *
 * Chooses the semesters shown, and goes back to the first slide.
 */
void
jln_presentation_window_set_period (JlnPresentationWindow *self,
                                    const char            *period)
{
  g_return_if_fail (JLN_IS_PRESENTATION_WINDOW (self));
  g_return_if_fail (g_strcmp0 (period, "plan") == 0 ||
                    g_strcmp0 (period, "years") == 0 ||
                    g_strcmp0 (period, "range") == 0);

  if (g_strcmp0 (self->period, period) == 0)
    return;
  g_free (self->period);
  self->period = g_strdup (period);
  if (self->timeline != NULL)
    apply_period (self);
  set_page (self, 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERIOD]);
}

/**
 * jln_presentation_window_set_range:
 * @first: the first semester shown
 * @last: the last, from @first
 *
 * Shows the semesters from @first to @last: the period becomes "range".
 */
void
jln_presentation_window_set_range (JlnPresentationWindow *self,
                                   JlnSemester            first,
                                   JlnSemester            last)
{
  g_return_if_fail (JLN_IS_PRESENTATION_WINDOW (self));
  g_return_if_fail (first != JLN_SEMESTER_NONE && first <= last);

  self->range_first = first;
  self->range_last = last;
  if (!self->filling && self->choice_first != JLN_SEMESTER_NONE &&
      first >= self->choice_first && last >= self->choice_first)
    {
      self->filling = TRUE;
      gtk_drop_down_set_selected (self->first_dropdown, first - self->choice_first);
      gtk_drop_down_set_selected (self->last_dropdown, last - self->choice_first);
      self->filling = FALSE;
    }
  if (g_strcmp0 (self->period, "range") == 0)
    {
      if (self->timeline != NULL)
        apply_period (self);
      set_page (self, 0);
    }
  else
    jln_presentation_window_set_period (self, "range");
}

/**
 * jln_presentation_window_get_slide_areas:
 * @axis: (out) (optional): where the slide shown has its semester axis
 * @legend: (out) (optional): where it has its legend
 *
 * The parts of the slide shown that are read on every slide, in the
 * window's coordinates.
 *
 * Returns: %FALSE when there is no slide yet
 */
gboolean
jln_presentation_window_get_slide_areas (JlnPresentationWindow *self,
                                         graphene_rect_t       *axis,
                                         graphene_rect_t       *legend)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self->area));
  int height = gtk_widget_get_height (GTK_WIDGET (self->area));
  g_autoptr(JlnRenderStyle) style = NULL;
  graphene_rect_t slide, area;
  cairo_rectangle_t axis_page, legend_page;

  g_return_val_if_fail (JLN_IS_PRESENTATION_WINDOW (self), FALSE);

  if (self->timeline == NULL || width <= 0 || height <= 0 ||
      !gtk_widget_compute_bounds (GTK_WIDGET (self->area), GTK_WIDGET (self), &area))
    return FALSE;
  style = create_style (self, height);
  get_slide_rect (self, width, height, jln_render_style_get_em (style), &slide);
  jln_timeline_get_page_areas (self->timeline, style, self->page, slide.size.width,
                               slide.size.height, &axis_page, &legend_page);
  if (axis != NULL)
    graphene_rect_init (axis, area.origin.x + slide.origin.x + axis_page.x,
                        area.origin.y + slide.origin.y + axis_page.y,
                        axis_page.width, axis_page.height);
  if (legend != NULL)
    graphene_rect_init (legend, area.origin.x + slide.origin.x + legend_page.x,
                        area.origin.y + slide.origin.y + legend_page.y,
                        legend_page.width, legend_page.height);
  return TRUE;
}
