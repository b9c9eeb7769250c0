/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "jln-plan-title.h"

/* The header bar's title: which plan is open (its title, and its file
 * under it), and the switcher of the window's pages. The plan's title
 * has the room first: the switcher shows its labels beside the icons
 * when both fit, its labels under the icons when they do not, and
 * leaves the header bar (for the bar under the pages) when even those
 * would cut the title to fewer than MIN_TITLE_CHARS characters. */

#define MIN_TITLE_CHARS 30
#define SPACING         12

struct _JlnPlanTitle
{
  GtkWidget      parent_instance;

  AdwViewStack  *stack;
  gboolean       switcher_visible;
  guint          notify_id;

  /* Template widgets */
  GtkWidget     *title_box;
  GtkLabel      *title_label;
  GtkLabel      *subtitle_label;
  GtkWidget     *wide_switcher;
  GtkWidget     *narrow_switcher;
};

G_DEFINE_FINAL_TYPE (JlnPlanTitle, jln_plan_title, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STACK,
  PROP_SWITCHER_VISIBLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static int
natural_width (GtkWidget *widget)
{
  int natural = 0;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
  return natural;
}

/* The width of MIN_TITLE_CHARS characters of the title's font. */
static int
min_title_width (JlnPlanTitle *self)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self->title_label));
  PangoFontMetrics *metrics = pango_context_get_metrics (context, NULL, NULL);
  int width = MIN_TITLE_CHARS * pango_font_metrics_get_approximate_char_width (metrics)
              / PANGO_SCALE;

  pango_font_metrics_unref (metrics);
  return width;
}

static void
jln_plan_title_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  JlnPlanTitle *self = JLN_PLAN_TITLE (widget);
  int title_min = 0, title_nat = 0;

  gtk_widget_measure (self->title_box, orientation, -1, &title_min, &title_nat, NULL, NULL);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = title_min;
      *natural = title_nat + SPACING + natural_width (self->wide_switcher);
    }
  else
    {
      int switcher_min = 0, switcher_nat = 0;

      gtk_widget_measure (self->wide_switcher, orientation, -1,
                          &switcher_min, &switcher_nat, NULL, NULL);
      *minimum = MAX (title_min, switcher_min);
      *natural = MAX (title_nat, switcher_nat);
      gtk_widget_measure (self->narrow_switcher, orientation, -1,
                          &switcher_min, &switcher_nat, NULL, NULL);
      *minimum = MAX (*minimum, switcher_min);
      *natural = MAX (*natural, switcher_nat);
    }
  *minimum_baseline = *natural_baseline = -1;
}

static void
allocate_child (GtkWidget *child,
                int        x,
                int        width,
                int        parent_width,
                int        height,
                gboolean   rtl)
{
  GtkAllocation allocation = { rtl ? parent_width - x - width : x, 0, width, height };

  gtk_widget_size_allocate (child, &allocation, -1);
}

static gboolean
notify_switcher_visible_cb (gpointer data)
{
  JlnPlanTitle *self = data;
  gboolean switcher_visible = gtk_widget_get_child_visible (self->wide_switcher) ||
                              gtk_widget_get_child_visible (self->narrow_switcher);

  self->notify_id = 0;
  if (self->switcher_visible != switcher_visible)
    {
      self->switcher_visible = switcher_visible;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SWITCHER_VISIBLE]);
    }
  return G_SOURCE_REMOVE;
}

static void
jln_plan_title_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  JlnPlanTitle *self = JLN_PLAN_TITLE (widget);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  int title_min = 0, title_nat = 0;
  int wide = natural_width (self->wide_switcher);
  int narrow = natural_width (self->narrow_switcher);
  int needed;
  GtkWidget *switcher = NULL;
  gboolean switcher_visible;

  gtk_widget_measure (self->title_box, GTK_ORIENTATION_HORIZONTAL, -1,
                      &title_min, &title_nat, NULL, NULL);
  needed = MIN (title_nat, min_title_width (self));
  if (title_nat + SPACING + wide <= width)
    switcher = self->wide_switcher;
  else if (needed + SPACING + narrow <= width)
    switcher = self->narrow_switcher;

  gtk_widget_set_child_visible (self->wide_switcher, switcher == self->wide_switcher);
  gtk_widget_set_child_visible (self->narrow_switcher, switcher == self->narrow_switcher);
  if (switcher == NULL)
    allocate_child (self->title_box, 0, MAX (width, title_min), width, height, rtl);
  else
    {
      int switcher_width = natural_width (switcher);
      int title_width = CLAMP (width - SPACING - switcher_width, title_min, title_nat);
      /* The switcher in the middle where the title leaves it room. */
      int x = MAX ((width - switcher_width) / 2, title_width + SPACING);

      allocate_child (self->title_box, 0, title_width, width, height, rtl);
      allocate_child (switcher, MIN (x, width - switcher_width), switcher_width,
                      width, height, rtl);
    }

  /* The bar under the pages is shown or hidden once this layout is
   * done: revealing it in the middle of the window's layout would lay it
   * out before it was measured. */
  switcher_visible = switcher != NULL;
  if (self->switcher_visible != switcher_visible && self->notify_id == 0)
    self->notify_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, notify_switcher_visible_cb,
                                       self, NULL);
}

static void
jln_plan_title_dispose (GObject *object)
{
  JlnPlanTitle *self = JLN_PLAN_TITLE (object);

  g_clear_handle_id (&self->notify_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), JLN_TYPE_PLAN_TITLE);
  g_clear_object (&self->stack);

  G_OBJECT_CLASS (jln_plan_title_parent_class)->dispose (object);
}

static void
jln_plan_title_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  JlnPlanTitle *self = JLN_PLAN_TITLE (object);

  switch (prop_id)
    {
    case PROP_STACK:
      g_value_set_object (value, self->stack);
      break;
    case PROP_SWITCHER_VISIBLE:
      g_value_set_boolean (value, self->switcher_visible);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jln_plan_title_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  JlnPlanTitle *self = JLN_PLAN_TITLE (object);

  switch (prop_id)
    {
    case PROP_STACK:
      if (g_set_object (&self->stack, g_value_get_object (value)))
        g_object_notify_by_pspec (object, pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jln_plan_title_class_init (JlnPlanTitleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jln_plan_title_dispose;
  object_class->get_property = jln_plan_title_get_property;
  object_class->set_property = jln_plan_title_set_property;
  widget_class->measure = jln_plan_title_measure;
  widget_class->size_allocate = jln_plan_title_size_allocate;

  properties[PROP_STACK] =
    g_param_spec_object ("stack", NULL, NULL, ADW_TYPE_VIEW_STACK,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SWITCHER_VISIBLE] =
    g_param_spec_boolean ("switcher-visible", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/jalons/Jalons/jln-plan-title.ui");
  gtk_widget_class_bind_template_child (widget_class, JlnPlanTitle, title_box);
  gtk_widget_class_bind_template_child (widget_class, JlnPlanTitle, title_label);
  gtk_widget_class_bind_template_child (widget_class, JlnPlanTitle, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, JlnPlanTitle, wide_switcher);
  gtk_widget_class_bind_template_child (widget_class, JlnPlanTitle, narrow_switcher);
}

static void
jln_plan_title_init (JlnPlanTitle *self)
{
  self->switcher_visible = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * jln_plan_title_set_title:
 * @title: the plan's title, as plain text
 * @subtitle: (nullable): its file's name
 * @tooltip: (nullable): the full title and the file's path
 */
void
jln_plan_title_set_title (JlnPlanTitle *self,
                          const char   *title,
                          const char   *subtitle,
                          const char   *tooltip)
{
  g_return_if_fail (JLN_IS_PLAN_TITLE (self));

  gtk_label_set_text (self->title_label, title != NULL ? title : "");
  gtk_label_set_text (self->subtitle_label, subtitle != NULL ? subtitle : "");
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), subtitle != NULL && *subtitle != '\0');
  gtk_widget_set_tooltip_text (self->title_box, tooltip);
}

gboolean
jln_plan_title_get_switcher_visible (JlnPlanTitle *self)
{
  g_return_val_if_fail (JLN_IS_PLAN_TITLE (self), FALSE);

  return self->switcher_visible;
}
