/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "jln-action.h"
#include "jln-action-cell.h"
#include "jln-objective.h"
#include "jln-record-text.h"

/* One cell of the action list: a row's number with its arrow, its title
 * with its tags, or one of its short texts (status, completion, due,
 * units). A cell is made once at setup and rebound as the list scrolls:
 * binding a row only fills labels, toggles CSS classes and connects a
 * notify handler, so that scrolling through a large plan allocates
 * little. The one-line texts (number, completion, due) have no label:
 * the cell lays them out and draws them itself in the colour and font of
 * its own CSS node, as GTK restyles and measures every widget of a row
 * that scrolls into view. */

struct _JlnActionCell
{
  GtkWidget             parent_instance;

  JlnActionCellContext *context;
  JlnActionColumn       column;
  GList                 link;          /* in context->bound, while bound */

  GtkWidget            *styled;        /* carries the row's style classes */
  GtkLabel             *label;         /* NULL in a drawn cell */
  char                 *text;          /* a drawn cell's text */
  PangoLayout          *layout;        /* a drawn cell's, made when first measured */
  int                   text_x;        /* where a drawn cell's text starts */
  PangoFontDescription *font;          /* the layout's, as last laid out */
  gboolean              drawn;         /* draws its one line of text itself */
  gboolean              struck;        /* the layout has a line through */
  GtkLabel             *lang_tag;      /* title: the text is the other language's */
  GtkLabel             *gep_tag;       /* title: an axis of the Gender Equality Plan */
  GtkWidget            *expander;      /* number: the row's arrow */
  const char           *expander_icon;

  JlnRecord            *record;        /* bound */
  JlnRow               *row;           /* bound */
  gulong                notify_id;
  gulong                row_notify_id;
  const char           *status_class;
  gboolean              overdue;
  gboolean              heading;
  gboolean              wraps;         /* the label wraps: measured by the cell */
  gboolean              spanning;      /* a heading's title, to the row's end */
};

G_DEFINE_FINAL_TYPE (JlnActionCell, jln_action_cell, GTK_TYPE_WIDGET)

enum {
  MENU_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *status_classes[] = {
  [JLN_STATUS_PLANNED] = "jln-planned",
  [JLN_STATUS_IN_PROGRESS] = "jln-in-progress",
  [JLN_STATUS_DONE] = "jln-done",
  [JLN_STATUS_DONE_NEW] = "jln-done-new",
  [JLN_STATUS_REVISED] = "jln-revised",
  [JLN_STATUS_SUPERSEDED] = "jln-superseded",
  [JLN_STATUS_DROPPED] = "jln-dropped",
};

static void
set_class (JlnActionCell  *self,
           const char    **current,
           const char     *wanted)
{
  if (*current == wanted)
    return;
  if (*current != NULL)
    gtk_widget_remove_css_class (self->styled, *current);
  if (wanted != NULL)
    gtk_widget_add_css_class (self->styled, wanted);
  *current = wanted;
}

static void
set_flag (JlnActionCell *self,
          gboolean      *current,
          gboolean       wanted,
          const char    *css_class)
{
  if (*current == wanted)
    return;
  if (wanted)
    gtk_widget_add_css_class (self->styled, css_class);
  else
    gtk_widget_remove_css_class (self->styled, css_class);
  *current = wanted;
}

/* Every cell of a row carries the row's style, since GTK 4.8 gives no
 * access to the row widget of a GtkColumnView. */
static void
update_style (JlnActionCell *self)
{
  JlnStatus status;
  const char *status_class = NULL;

  if (self->record != NULL && jln_record_get_status (self->record, &status) &&
      status < G_N_ELEMENTS (status_classes))
    status_class = status_classes[status];

  set_class (self, &self->status_class, status_class);
  set_flag (self, &self->overdue,
            self->record != NULL &&
            jln_record_is_overdue (self->record, self->context->today),
            "jln-overdue");
  set_flag (self, &self->heading,
            self->record != NULL && JLN_IS_OBJECTIVE (self->record),
            "jln-heading");
}

/* The attributes a label takes from its CSS node and a layout does not:
 * tabular figures for a "numeric" cell, a line through a dropped action's. */
static void
update_attributes (JlnActionCell *self,
                   gboolean       force)
{
  gboolean struck = self->status_class == status_classes[JLN_STATUS_DROPPED];
  PangoAttrList *attrs;

  if (self->layout == NULL || (!force && struck == self->struck))
    return;
  self->struck = struck;
  attrs = pango_attr_list_new ();
  if (gtk_widget_has_css_class (GTK_WIDGET (self), "numeric"))
    pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum=1"));
  if (struck)
    pango_attr_list_insert (attrs, pango_attr_strikethrough_new (TRUE));
  pango_layout_set_attributes (self->layout, attrs);
  pango_attr_list_unref (attrs);
}

static PangoLayout *
ensure_layout (JlnActionCell *self)
{
  if (self->layout == NULL)
    {
      self->layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), self->text);
      pango_layout_set_single_paragraph_mode (self->layout, TRUE);
      if (self->column != JLN_ACTION_COLUMN_DUE)
        pango_layout_set_ellipsize (self->layout, PANGO_ELLIPSIZE_END);
      update_attributes (self, TRUE);
      g_clear_pointer (&self->font, pango_font_description_free);
      self->font = pango_font_description_copy (
        pango_context_get_font_description (pango_layout_get_context (self->layout)));
    }
  return self->layout;
}

/* A drawn cell's text: measured and drawn from one layout, and read by
 * screen readers as the cell's label. */
static void
set_drawn_text (JlnActionCell *self,
                const char    *text)
{
  update_attributes (self, FALSE);
  if (g_strcmp0 (self->text, text) == 0)
    return;
  g_free (self->text);
  self->text = g_strdup (text);
  if (self->layout != NULL)
    pango_layout_set_text (self->layout, text, -1);
  /* The number's cell is read as its whole row (see update_number()),
   * and its arrow as the number. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->expander != NULL ? self->expander
                                                                         : GTK_WIDGET (self)),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                  -1);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
update_number (JlnActionCell *self)
{
  g_autofree char *number = jln_record_dup_number_text (self->record);
  g_autofree char *label = jln_record_dup_spoken_label (self->record,
                                                        self->context->content_language,
                                                        jln_lang_from_locale (),
                                                        self->context->today);

  set_drawn_text (self, number);

  /* GTK 4.8 gives no access to the row widget of a GtkColumnView
   * (GtkColumnViewRow arrived in 4.12), so the label that a screen reader
   * reads for the whole row is set on the row's first cell. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

/* Tooltips are asked for when the pointer rests on a cell rather than
 * set at bind time: setting one queries the pointer, a round trip to the
 * display server for every row bound. */
static gboolean
query_tooltip_cb (GtkWidget     *widget,
                  int            x,
                  int            y,
                  gboolean       keyboard,
                  GtkTooltip    *tooltip,
                  JlnActionCell *self)
{
  g_autofree char *units = NULL;
  gboolean is_fallback;
  const char *text = NULL;

  if (self->record == NULL)
    return FALSE;

  if (widget == GTK_WIDGET (self->lang_tag))
    text = self->context->content_language == JLN_LANG_FR
           ? _("No French text yet: the English text is shown")
           : _("No English text yet: the French text is shown");
  else if (self->column == JLN_ACTION_COLUMN_TITLE)
    text = jln_record_get_title_text (self->record, self->context->content_language,
                                      &is_fallback);
  else if (self->column == JLN_ACTION_COLUMN_UNITS)
    text = units = jln_record_dup_units_text (self->record);

  if (text == NULL || text[0] == '\0')
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static GtkLabel *
new_tag (JlnActionCell *self)
{
  GtkWidget *tag = gtk_label_new (NULL);

  gtk_widget_add_css_class (tag, "jln-tag");
  gtk_widget_set_valign (tag, GTK_ALIGN_CENTER);
  gtk_widget_set_parent (tag, GTK_WIDGET (self));
  return GTK_LABEL (tag);
}

static void
update_title (JlnActionCell *self)
{
  JlnLang lang = self->context->content_language;
  gboolean is_fallback;
  const char *text = jln_record_get_title_text (self->record, lang, &is_fallback);
  gboolean gep;

  /* Plan text is plain text: never markup, never a format. */
  gtk_label_set_text (self->label, text);

  if (is_fallback && self->lang_tag == NULL)
    {
      self->lang_tag = new_tag (self);
      gtk_widget_set_has_tooltip (GTK_WIDGET (self->lang_tag), TRUE);
      g_signal_connect (self->lang_tag, "query-tooltip", G_CALLBACK (query_tooltip_cb), self);
    }
  if (self->lang_tag != NULL)
    gtk_widget_set_visible (GTK_WIDGET (self->lang_tag), is_fallback);
  if (is_fallback)
    gtk_label_set_text (self->lang_tag,
                        lang == JLN_LANG_FR
                        /* Translators: a small tag after a title shown in English because
                           the plan has no French title; keep it to two or three letters. */
                        ? C_("language tag", "EN")
                        /* Translators: a small tag after a title shown in French because
                           the plan has no English title; keep it to two or three letters. */
                        : C_("language tag", "FR"));

  gep = JLN_IS_OBJECTIVE (self->record) &&
        jln_objective_get_programme (JLN_OBJECTIVE (self->record)) == JLN_PROGRAMME_GEP;
  if (gep && self->gep_tag == NULL)
    {
      self->gep_tag = new_tag (self);
      /* Translators: a small tag on the heading rows of the axes of the
         Gender Equality Plan. */
      gtk_label_set_text (self->gep_tag, C_("programme tag", "Equality plan"));
    }
  if (self->gep_tag != NULL)
    gtk_widget_set_visible (GTK_WIDGET (self->gep_tag), gep);

  if (self->spanning != JLN_IS_OBJECTIVE (self->record))
    {
      self->spanning = JLN_IS_OBJECTIVE (self->record);
      gtk_widget_queue_resize (GTK_WIDGET (self));
    }
}

static void
update (JlnActionCell *self)
{
  g_autofree char *text = NULL;

  if (self->record == NULL)
    return;

  /* The style first: a drawn text takes its attributes from it. */
  update_style (self);
  switch (self->column)
    {
    case JLN_ACTION_COLUMN_NUMBER:
      update_number (self);
      break;
    case JLN_ACTION_COLUMN_TITLE:
      update_title (self);
      break;
    case JLN_ACTION_COLUMN_STATUS:
      text = jln_record_dup_status_text (self->record);
      break;
    case JLN_ACTION_COLUMN_COMPLETION:
      text = jln_record_dup_completion_text (self->record, jln_lang_from_locale ());
      break;
    case JLN_ACTION_COLUMN_DUE:
      text = jln_record_dup_due_text (self->record, jln_lang_from_locale ());
      /* Overdue is said otherwise than by colour too, as on the timeline:
       * a "!" before the semester, in a frame. */
      if (text[0] != '\0' && jln_record_is_overdue (self->record, self->context->today))
        {
          char *marked = g_strconcat ("!\u2002", text, NULL);

          g_free (text);
          text = marked;
        }
      break;
    case JLN_ACTION_COLUMN_UNITS:
      text = jln_record_dup_units_text (self->record);
      break;
    case JLN_N_ACTION_COLUMNS:
    default:
      g_assert_not_reached ();
    }

  if (text != NULL && self->drawn)
    set_drawn_text (self, text);
  else if (text != NULL)
    gtk_label_set_text (self->label, text);
}

/* As GtkTreeExpander indents a level: its arrow and the space after it. */
#define INDENT 20

/* The arrow of a row that has children, after as much room as its depth
 * asks for; a row without children keeps the arrow's room, empty. */
static void
update_expander (JlnActionCell *self)
{
  gboolean expandable = jln_row_get_expandable (self->row);
  gboolean expanded = jln_row_get_expanded (self->row);
  const char *collapsed_icon = gtk_widget_get_direction (self->expander) == GTK_TEXT_DIR_RTL
                               ? "pan-start-symbolic" : "pan-end-symbolic";
  const char *icon = expanded ? "pan-down-symbolic" : collapsed_icon;

  gtk_widget_set_margin_start (self->expander, INDENT * jln_row_get_depth (self->row));
  gtk_widget_set_opacity (self->expander, expandable ? 1.0 : 0.0);
  gtk_widget_set_can_target (self->expander, expandable);
  gtk_widget_set_focusable (self->expander, expandable);
  /* Setting an icon looks it up again: binding a row only does when it
   * differs from the last row's. */
  if (self->expander_icon != icon)
    {
      gtk_button_set_icon_name (GTK_BUTTON (self->expander), icon);
      self->expander_icon = icon;
    }
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->expander),
                               GTK_ACCESSIBLE_STATE_HIDDEN, !expandable,
                               GTK_ACCESSIBLE_STATE_EXPANDED, expandable && expanded,
                               -1);
}

static void
record_notify_cb (JlnActionCell *self,
                  GParamSpec    *pspec)
{
  update (self);
}

static void
row_notify_cb (JlnActionCell *self,
               GParamSpec    *pspec)
{
  update_expander (self);
}

static void
expander_clicked_cb (JlnActionCell *self)
{
  if (self->row != NULL && self->context->row_model != NULL)
    jln_row_model_set_expanded (self->context->row_model, self->row,
                                !jln_row_get_expanded (self->row));
}

static void
menu_pressed_cb (GtkGestureClick *gesture,
                 int              n_press,
                 double           x,
                 double           y,
                 JlnActionCell   *self)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  graphene_point_t point;

  if (self->record == NULL)
    return;
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  if (!gtk_widget_compute_point (widget, GTK_WIDGET (self), &GRAPHENE_POINT_INIT (x, y), &point))
    point = GRAPHENE_POINT_INIT (x, y);
  g_signal_emit (self, signals[MENU_REQUESTED], 0, (double) point.x, (double) point.y);
}

/* A drawn cell carries its style itself: the frame of an overdue
 * semester goes round its text, as the cell is as wide as the text. */
static void
new_drawn (JlnActionCell *self)
{
  GtkWidget *widget = GTK_WIDGET (self);

  if (self->column == JLN_ACTION_COLUMN_DUE)
    {
      /* A semester is short: it is shown whole, its frame round the text
       * only when overdue. */
      gtk_widget_add_css_class (widget, "jln-cell-due");
      gtk_widget_set_valign (widget, GTK_ALIGN_CENTER);
      gtk_widget_set_halign (widget, GTK_ALIGN_START);
    }
  else
    {
      gtk_widget_add_css_class (widget, "numeric");
      gtk_widget_set_hexpand (widget, TRUE);
    }
}

static GtkWidget *
new_label (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  gtk_label_set_use_markup (GTK_LABEL (label), FALSE);
  gtk_label_set_use_underline (GTK_LABEL (label), FALSE);
  return label;
}

/* Layout. A row's cells lie side by side: the number's arrow, then the
 * label, then the title's tags. A wrapping label's height is that of the
 * label's own layout at the width the cell gives it: GtkLabel would first
 * measure its minimum and natural widths (a layout broken at every word,
 * and one unbroken line), and then a third layout at the width, for every
 * row newly shown; here the text is shaped once, in the layout the label
 * then draws. */

static int
get_spacing (JlnActionCell *self)
{
  switch (self->column)
    {
    case JLN_ACTION_COLUMN_NUMBER:
      return 4;
    case JLN_ACTION_COLUMN_TITLE:
      return 6;
    case JLN_ACTION_COLUMN_STATUS:
    case JLN_ACTION_COLUMN_COMPLETION:
    case JLN_ACTION_COLUMN_DUE:
    case JLN_ACTION_COLUMN_UNITS:
    case JLN_N_ACTION_COLUMNS:
    default:
      return 0;
    }
}

/* The room a widget's margins, borders and padding take round its content. */
static void
get_frame (GtkWidget *widget,
           int       *horizontal,
           int       *vertical)
{
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  GtkBorder margin, border, padding;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_margin (context, &margin);
  gtk_style_context_get_border (context, &border);
  gtk_style_context_get_padding (context, &padding);
  G_GNUC_END_IGNORE_DEPRECATIONS

  *horizontal = gtk_widget_get_margin_start (widget) + gtk_widget_get_margin_end (widget) +
                margin.left + margin.right + border.left + border.right +
                padding.left + padding.right;
  if (vertical != NULL)
    *vertical = gtk_widget_get_margin_top (widget) + gtk_widget_get_margin_bottom (widget) +
                margin.top + margin.bottom + border.top + border.bottom +
                padding.top + padding.bottom;
}

/* The height of the wrapping label at @width, from the label's layout,
 * which its allocation at that width then finds laid out. */
static int
measure_label_height (JlnActionCell *self,
                      int            width)
{
  PangoLayout *layout = gtk_label_get_layout (self->label);
  int horizontal, vertical, height;

  get_frame (GTK_WIDGET (self->label), &horizontal, &vertical);
  pango_layout_set_width (layout, width < 0 ? -1 : MAX (width - horizontal, 1) * PANGO_SCALE);
  pango_layout_get_size (layout, NULL, &height);
  return PANGO_PIXELS_CEIL (height) + vertical;
}

/* The width of the children other than a wrapping label, with the
 * spacing between the shown children. */
static int
measure_others (JlnActionCell *self,
                int           *minimum)
{
  int spacing = get_spacing (self);
  int natural = 0, n_shown = 0;

  *minimum = 0;
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int child_min, child_nat;

      if (!gtk_widget_should_layout (child))
        continue;
      n_shown++;
      if (self->wraps && child == GTK_WIDGET (self->label))
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &child_min, &child_nat,
                          NULL, NULL);
      *minimum += child_min;
      natural += child_nat;
    }
  if (n_shown > 1)
    {
      *minimum += spacing * (n_shown - 1);
      natural += spacing * (n_shown - 1);
    }
  return natural;
}

/* Only a wrapping label's height depends on the width it is given: the
 * other cells are measured once whatever their column's width. */
static GtkSizeRequestMode
jln_action_cell_get_request_mode (GtkWidget *widget)
{
  JlnActionCell *self = JLN_ACTION_CELL (widget);

  return self->wraps ? GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH : GTK_SIZE_REQUEST_CONSTANT_SIZE;
}

/* Whether the title spans the row: an objective's heading has no status,
 * dates or units, and its title takes their room rather than wrapping in
 * the title column. */
static gboolean
spans_row (JlnActionCell *self)
{
  return self->column == JLN_ACTION_COLUMN_TITLE && self->record != NULL &&
         JLN_IS_OBJECTIVE (self->record);
}

/* The room the cell's children have when the cell is @width wide: for a
 * heading's title, to the end of the row. */
static int
get_span_width (JlnActionCell *self,
                int            width)
{
  JlnActionCellContext *context = self->context;

  if (!spans_row (self))
    return width;
  /* To the end of the last cell's content, as cells are padded alike. */
  for (guint column = self->column + 1; column < JLN_N_ACTION_COLUMNS; column++)
    width += context->column_widths[column];
  return width;
}

/* A drawn cell is as wide as its text, or as narrow as an ellipsis where
 * the text may be cut, as a label; as tall as a line. */
static void
measure_drawn (JlnActionCell  *self,
               GtkOrientation  orientation,
               int            *minimum,
               int            *natural)
{
  PangoLayout *layout;
  PangoRectangle logical;

  if (self->text == NULL || self->text[0] == '\0')
    return;
  layout = ensure_layout (self);
  pango_layout_set_width (layout, -1);
  pango_layout_get_pixel_extents (layout, NULL, &logical);
  if (orientation == GTK_ORIENTATION_VERTICAL)
    {
      *minimum = *natural = logical.height;
      return;
    }
  *minimum = *natural = logical.width;
  if (pango_layout_get_ellipsize (layout) != PANGO_ELLIPSIZE_NONE)
    {
      PangoRectangle ellipsis;

      pango_layout_set_width (layout, 0);
      pango_layout_get_pixel_extents (layout, NULL, &ellipsis);
      pango_layout_set_width (layout, -1);
      *minimum = MIN (ellipsis.width, logical.width);
    }
}

static void
jln_action_cell_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  JlnActionCell *self = JLN_ACTION_CELL (widget);
  int width, height = gtk_widget_get_height (widget);
  PangoLayout *layout;
  PangoRectangle logical;
  GdkRGBA color;

  GTK_WIDGET_CLASS (jln_action_cell_parent_class)->snapshot (widget, snapshot);
  if (!self->drawn || self->text == NULL || self->text[0] == '\0')
    return;

  /* After the number's arrow. */
  width = MAX (gtk_widget_get_width (widget) - self->text_x, 0);
  layout = ensure_layout (self);
  pango_layout_set_width (layout, -1);
  pango_layout_get_pixel_extents (layout, NULL, &logical);
  if (logical.width > width && pango_layout_get_ellipsize (layout) != PANGO_ELLIPSIZE_NONE)
    {
      pango_layout_set_width (layout, width * PANGO_SCALE);
      pango_layout_get_pixel_extents (layout, NULL, &logical);
    }

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  G_GNUC_END_IGNORE_DEPRECATIONS

  /* At the start of the cell, as a label's text, and in the middle of
   * its height. */
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot,
                          &GRAPHENE_POINT_INIT ((gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL
                                                 ? width - logical.width : self->text_x) - logical.x,
                                                (height - logical.height) / 2 - logical.y));
  gtk_snapshot_append_layout (snapshot, layout, &color);
  gtk_snapshot_restore (snapshot);
}

static void
jln_action_cell_css_changed (GtkWidget         *widget,
                             GtkCssStyleChange *change)
{
  JlnActionCell *self = JLN_ACTION_CELL (widget);

  GTK_WIDGET_CLASS (jln_action_cell_parent_class)->css_changed (widget, change);
  /* The font may have changed with the style: a heading's bold, an
   * overdue semester's. A new colour only draws the cell again, which
   * GTK has asked for. */
  if (self->layout != NULL)
    {
      const PangoFontDescription *font =
        pango_context_get_font_description (pango_layout_get_context (self->layout));

      if (self->font == NULL || !pango_font_description_equal (self->font, font))
        {
          g_clear_pointer (&self->font, pango_font_description_free);
          self->font = pango_font_description_copy (font);
          pango_layout_context_changed (self->layout);
          gtk_widget_queue_resize (widget);
        }
    }
}

static void
jln_action_cell_direction_changed (GtkWidget        *widget,
                                   GtkTextDirection  previous)
{
  JlnActionCell *self = JLN_ACTION_CELL (widget);

  GTK_WIDGET_CLASS (jln_action_cell_parent_class)->direction_changed (widget, previous);
  if (self->layout != NULL)
    pango_layout_context_changed (self->layout);
}

static void
jln_action_cell_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  JlnActionCell *self = JLN_ACTION_CELL (widget);
  int others_min, others_nat;

  *minimum = *natural = 0;
  if (self->drawn)
    {
      int text_min = 0, text_nat = 0;

      measure_drawn (self, orientation, &text_min, &text_nat);
      if (orientation == GTK_ORIENTATION_HORIZONTAL)
        {
          /* The arrow, then the text. */
          others_nat = measure_others (self, &others_min);
          if (others_nat > 0 && text_nat > 0)
            {
              others_min += get_spacing (self);
              others_nat += get_spacing (self);
            }
          *minimum = others_min + text_min;
          *natural = others_nat + text_nat;
          return;
        }
      for (GtkWidget *child = gtk_widget_get_first_child (widget);
           child != NULL;
           child = gtk_widget_get_next_sibling (child))
        {
          int child_min, child_nat;

          if (!gtk_widget_should_layout (child))
            continue;
          gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, -1, &child_min, &child_nat,
                              NULL, NULL);
          text_min = MAX (text_min, child_min);
          text_nat = MAX (text_nat, child_nat);
        }
      *minimum = text_min;
      *natural = text_nat;
      return;
    }
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* A wrapping label asks for no width of its own: the column's width
       * is the user's (or the list's), and the text wraps within it. */
      *natural = measure_others (self, minimum);
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int child_min, child_nat;

      if (!gtk_widget_should_layout (child) ||
          (self->wraps && child == GTK_WIDGET (self->label)))
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, -1, &child_min, &child_nat,
                          NULL, NULL);
      *minimum = MAX (*minimum, child_min);
      *natural = MAX (*natural, child_nat);
    }

  if (self->wraps && gtk_widget_should_layout (GTK_WIDGET (self->label)))
    {
      int label_height;

      /* GTK 4.8's column view measures a row's cells at its columns'
       * smallest widths, without the room an expanding column takes: at
       * the width the column was last given, rows are as tall as the
       * text they will show. */
      if (self->context->widths[self->column] > 0)
        for_size = get_span_width (self, self->context->widths[self->column]);
      others_nat = measure_others (self, &others_min);
      if (for_size < 0)
        label_height = measure_label_height (self, -1);
      else
        label_height = measure_label_height (self, MAX (for_size - others_nat, 0));
      *minimum = MAX (*minimum, label_height);
      *natural = MAX (*natural, label_height);
    }
}

static gboolean
resize_cb (gpointer data)
{
  JlnActionCellContext *context = data;

  context->resize_id = 0;
  for (GList *l = context->bound.head; l != NULL; l = l->next)
    {
      JlnActionCell *cell = l->data;

      if (cell->wraps)
        gtk_widget_queue_resize (GTK_WIDGET (cell));
    }
  return G_SOURCE_REMOVE;
}

/* Rows are measured at the widths the columns were given (see measure()):
 * when those change, with the window or a column resized, the rows shown
 * are measured again, once the allocation is over. */
static void
note_widths (JlnActionCell *self,
             int            width,
             int            column_width)
{
  JlnActionCellContext *context = self->context;

  /* Only a wrapping cell's own width is measured with: the others are
   * at least as wide as their content, which differs from row to row (a
   * deeper number, an overdue semester's frame), and noting their width
   * would measure every row again as such rows come and go. */
  if (!self->wraps)
    width = 0;
  if (context->widths[self->column] == width &&
      context->column_widths[self->column] == column_width)
    return;
  context->widths[self->column] = width;
  context->column_widths[self->column] = column_width;
  if (context->resize_id == 0)
    context->resize_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, resize_cb, context, NULL);
}

static void
jln_action_cell_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  JlnActionCell *self = JLN_ACTION_CELL (widget);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  int spacing = get_spacing (self);
  GtkWidget *parent = gtk_widget_get_parent (widget);
  int others_min, others_nat, label_width, cell_width, x = 0;

  if (parent != NULL)
    {
      int frame;

      /* The column's width: the cell's, with the padding of its GTK cell. */
      get_frame (parent, &frame, NULL);
      note_widths (self, width, gtk_widget_get_width (parent) + frame);
    }
  if (self->drawn)
    {
      /* The number's arrow, then the text. */
      self->text_x = 0;
      for (GtkWidget *child = gtk_widget_get_first_child (widget);
           child != NULL;
           child = gtk_widget_get_next_sibling (child))
        {
          int child_width;

          if (!gtk_widget_should_layout (child))
            continue;
          gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &child_width,
                              NULL, NULL);
          gtk_widget_size_allocate (child,
                                    &(GtkAllocation) {
                                      rtl ? width - self->text_x - child_width : self->text_x,
                                      0, child_width, height
                                    },
                                    -1);
          self->text_x += child_width + spacing;
        }
      return;
    }
  if (self->column == JLN_ACTION_COLUMN_TITLE && parent != NULL &&
      gtk_widget_get_overflow (parent) != GTK_OVERFLOW_VISIBLE)
    /* A heading's title is drawn over the empty cells after it. */
    gtk_widget_set_overflow (parent, GTK_OVERFLOW_VISIBLE);
  cell_width = width;
  width = get_span_width (self, width);
  others_nat = measure_others (self, &others_min);
  if (self->wraps)
    label_width = MAX (width - others_nat, 0);
  else
    {
      int label_min, label_nat;

      gtk_widget_measure (GTK_WIDGET (self->label), GTK_ORIENTATION_HORIZONTAL, -1,
                          &label_min, &label_nat, NULL, NULL);
      label_width = MAX (width - (others_nat - label_nat), label_min);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int child_width;

      if (!gtk_widget_should_layout (child))
        continue;
      if (child == GTK_WIDGET (self->label))
        child_width = label_width;
      else
        gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &child_width,
                            NULL, NULL);
      gtk_widget_size_allocate (child,
                                &(GtkAllocation) {
                                  /* From the cell's start, a heading's title
                                   * towards the row's end. */
                                  rtl ? cell_width - x - child_width : x, 0, child_width, height
                                },
                                -1);
      x += child_width + spacing;
    }
}

/**
 * jln_action_cell_new:
 * @column: which of a row's texts the cell shows
 * @context: (transfer none): the list's, which must outlive the cell
 */
GtkWidget *
jln_action_cell_new (JlnActionColumn       column,
                     JlnActionCellContext *context)
{
  JlnActionCell *self;
  GtkWidget *label;

  g_return_val_if_fail (column < JLN_N_ACTION_COLUMNS, NULL);
  g_return_val_if_fail (context != NULL, NULL);

  self = g_object_new (JLN_TYPE_ACTION_CELL, NULL);
  self->context = context;
  self->column = column;
  self->styled = GTK_WIDGET (self);
  /* A number, a semester and a completion are one short line: the cell
   * draws it itself, a widget less per row for each. */
  self->drawn = column == JLN_ACTION_COLUMN_NUMBER || column == JLN_ACTION_COLUMN_COMPLETION ||
                column == JLN_ACTION_COLUMN_DUE;
  if (self->drawn)
    {
      new_drawn (self);
      label = NULL;
    }
  else
    {
      label = new_label ();
      self->label = GTK_LABEL (label);
    }
  self->wraps = column == JLN_ACTION_COLUMN_TITLE || column == JLN_ACTION_COLUMN_STATUS ||
                column == JLN_ACTION_COLUMN_UNITS;

  switch (column)
    {
    case JLN_ACTION_COLUMN_NUMBER:
      gtk_widget_add_css_class (GTK_WIDGET (self), "jln-expander-cell");
      self->expander = gtk_button_new ();
      gtk_widget_add_css_class (self->expander, "flat");
      gtk_widget_add_css_class (self->expander, "jln-expander");
      gtk_widget_set_valign (self->expander, GTK_ALIGN_CENTER);
      gtk_widget_set_focus_on_click (self->expander, FALSE);
      g_signal_connect_swapped (self->expander, "clicked",
                                G_CALLBACK (expander_clicked_cb), self);
      /* Read as the row's number, expanded or not: see set_drawn_text(). */
      gtk_widget_set_parent (self->expander, GTK_WIDGET (self));
      break;
    case JLN_ACTION_COLUMN_TITLE:
      /* The tags are made when first needed: most rows have none. */
      break;
    case JLN_ACTION_COLUMN_STATUS:
    case JLN_ACTION_COLUMN_UNITS:
      /* The label itself carries the style. */
      self->styled = label;
      break;
    case JLN_ACTION_COLUMN_COMPLETION:
    case JLN_ACTION_COLUMN_DUE:
      break;
    case JLN_N_ACTION_COLUMNS:
    default:
      g_assert_not_reached ();
    }
  if (label != NULL)
    {
      gtk_widget_set_hexpand (label, TRUE);
      gtk_widget_set_parent (label, GTK_WIDGET (self));
    }

  if (column == JLN_ACTION_COLUMN_STATUS)
    gtk_widget_add_css_class (label, "jln-cell-status");

  /* Titles, statuses and units wrap, and the row grows to show them
   * whole, rather than cutting them at the column's width. */
  if (self->wraps)
    {
      gtk_label_set_single_line_mode (GTK_LABEL (label), FALSE);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_NONE);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_natural_wrap_mode (GTK_LABEL (label), GTK_NATURAL_WRAP_WORD);
      /* Measured at its narrowest, a wrapping label breaks its text at
       * every character, and shapes it again at each break: a few
       * characters is as narrow as a cell gets anyway. */
      gtk_label_set_width_chars (GTK_LABEL (label), 8);
    }

  if (column == JLN_ACTION_COLUMN_TITLE || column == JLN_ACTION_COLUMN_UNITS)
    {
      gtk_widget_set_has_tooltip (label, TRUE);
      g_signal_connect (label, "query-tooltip", G_CALLBACK (query_tooltip_cb), self);
    }

  /* A right click, or a long press, opens the row's menu. */
  {
    GtkGesture *click = gtk_gesture_click_new ();

    gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
    gtk_event_controller_set_name (GTK_EVENT_CONTROLLER (click), "jln-row-menu");
    g_signal_connect (click, "pressed", G_CALLBACK (menu_pressed_cb), self);
    gtk_widget_add_controller (self->styled, GTK_EVENT_CONTROLLER (click));
  }

  return GTK_WIDGET (self);
}

void
jln_action_cell_bind (JlnActionCell *self,
                      JlnRow        *row)
{
  g_return_if_fail (JLN_IS_ACTION_CELL (self));
  g_return_if_fail (JLN_IS_ROW (row));
  g_return_if_fail (self->record == NULL);

  self->row = g_object_ref (row);
  jln_row_bind (row);
  self->record = g_object_ref (jln_row_get_record (row));
  self->notify_id = g_signal_connect_swapped (self->record, "notify",
                                              G_CALLBACK (record_notify_cb), self);
  if (self->column == JLN_ACTION_COLUMN_NUMBER)
    {
      self->row_notify_id = g_signal_connect_swapped (row, "notify",
                                                      G_CALLBACK (row_notify_cb), self);
      update_expander (self);
    }

  g_queue_push_tail_link (&self->context->bound, &self->link);
  update (self);
}

void
jln_action_cell_unbind (JlnActionCell *self)
{
  g_return_if_fail (JLN_IS_ACTION_CELL (self));

  if (self->record == NULL)
    return;

  g_queue_unlink (&self->context->bound, &self->link);
  g_clear_signal_handler (&self->notify_id, self->record);
  if (self->row_notify_id != 0)
    g_clear_signal_handler (&self->row_notify_id, self->row);
  jln_row_unbind (self->row);
  g_clear_object (&self->row);
  g_clear_object (&self->record);
}

/**
 * jln_action_cell_get_record:
 *
 * Returns: (transfer none) (nullable): the record of the bound row
 */
JlnRecord *
jln_action_cell_get_record (JlnActionCell *self)
{
  g_return_val_if_fail (JLN_IS_ACTION_CELL (self), NULL);
  return self->record;
}

/**
 * jln_action_cell_get_text:
 *
 * Returns: (transfer none) (nullable): the text a cell that draws its text
 *   itself shows (number, completion, due), or %NULL for the others
 */
const char *
jln_action_cell_get_text (JlnActionCell *self)
{
  g_return_val_if_fail (JLN_IS_ACTION_CELL (self), NULL);
  return self->drawn ? self->text : NULL;
}

/* Stops what the context had planned: the list is going away. */
void
jln_action_cell_context_clear (JlnActionCellContext *context)
{
  g_clear_handle_id (&context->resize_id, g_source_remove);
}

/* Shows the bound rows again, after the language or today changed. */
void
jln_action_cell_context_update (JlnActionCellContext *context)
{
  for (GList *l = context->bound.head; l != NULL; l = l->next)
    update (l->data);
}

static void
jln_action_cell_dispose (GObject *object)
{
  JlnActionCell *self = JLN_ACTION_CELL (object);
  GtkWidget *child;

  jln_action_cell_unbind (self);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->layout);
  g_clear_pointer (&self->font, pango_font_description_free);
  g_clear_pointer (&self->text, g_free);

  G_OBJECT_CLASS (jln_action_cell_parent_class)->dispose (object);
}

static void
jln_action_cell_class_init (JlnActionCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jln_action_cell_dispose;

  /**
   * JlnActionCell::menu-requested:
   * @x: where, in the cell
   * @y: where, in the cell
   *
   * The row's menu was asked for by a right click or a long press.
   */
  signals[MENU_REQUESTED] =
    g_signal_new ("menu-requested",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_DOUBLE, G_TYPE_DOUBLE);

  widget_class->get_request_mode = jln_action_cell_get_request_mode;
  widget_class->measure = jln_action_cell_measure;
  widget_class->size_allocate = jln_action_cell_size_allocate;
  widget_class->snapshot = jln_action_cell_snapshot;
  widget_class->css_changed = jln_action_cell_css_changed;
  widget_class->direction_changed = jln_action_cell_direction_changed;
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_set_css_name (widget_class, "jln-action-cell");
}

static void
jln_action_cell_init (JlnActionCell *self)
{
  self->link.data = self;
}
