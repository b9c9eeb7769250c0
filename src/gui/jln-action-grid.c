/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "jln-action-grid.h"
#include "jln-objective.h"
#include "jln-record-text.h"

/* The rows of the action list, drawn by one widget: a row's number with
 * its arrow, its title with its tags, its status, completion, due
 * semester and units, in columns under headings that sort and resize.
 *
 * Scrolling changes an offset and draws again: the rows on screen keep
 * their Pango layouts while they stay on screen, rows coming into view
 * are laid out, and no widget is bound, restyled or measured. The
 * colours and fonts come from the theme's CSS through hidden child
 * nodes, one per look a cell can have, read once per style change.
 *
 * Rows wrap their title, status and units, so their heights differ: a
 * row is measured when it is first shown, and a row never shown counts
 * as one line, so that a plan of 100 000 actions is never laid out
 * whole.
 *
 * GTK 4.8 has accessible objects only for widgets: each row on screen
 * has a child widget of its own, which draws nothing, lies on the row and
 * is read as the row's texts; the cursor row's child holds the keyboard
 * focus, so that screen readers follow it. */

#define INDENT 12         /* a level deeper */
#define ARROW_SIZE 16
#define ARROW_SPACING 4
#define TAG_SPACING 6
#define RESIZE_MARGIN 4
#define MIN_COLUMN_WIDTH 24
#define MAX_COLUMN_WIDTH 4000 /* wider than screens: a width read from settings is wrong */
#define MAX_CELL_CHARS 2000 /* more of a text is for the editor, not the list */

/* The row widgets: read by screen readers, never drawn. */

#define JLN_TYPE_GRID_ROW (jln_grid_row_get_type ())
G_DECLARE_FINAL_TYPE (JlnGridRow, jln_grid_row, JLN, GRID_ROW, GtkWidget)

struct _JlnGridRow
{
  GtkWidget parent_instance;
};

G_DEFINE_FINAL_TYPE (JlnGridRow, jln_grid_row, GTK_TYPE_WIDGET)

static void
jln_grid_row_class_init (JlnGridRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_ROW);
  /* Not "row": the theme's focus outline on rows is animated. */
  gtk_widget_class_set_css_name (widget_class, "jln-grid-row");
}

static void
jln_grid_row_init (JlnGridRow *self)
{
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
  gtk_widget_set_focusable (GTK_WIDGET (self), FALSE);
}

/* The looks of a cell, each from a hidden CSS node. */
typedef enum
{
  LOOK_PLAIN,
  LOOK_STATUS,                            /* + a JlnStatus */
  LOOK_HEADING = LOOK_STATUS + JLN_STATUS_DROPPED + 1,
  LOOK_DUE,
  LOOK_OVERDUE,
  LOOK_OVERDUE_STATUS,
  LOOK_TAG,
  LOOK_SELECTED,
  LOOK_HOVER,
  LOOK_SELECTED_HOVER,
  N_LOOKS
} Look;

static const char *status_classes[] = {
  [JLN_STATUS_PLANNED] = "jln-planned",
  [JLN_STATUS_IN_PROGRESS] = "jln-in-progress",
  [JLN_STATUS_DONE] = "jln-done",
  [JLN_STATUS_DONE_NEW] = "jln-done-new",
  [JLN_STATUS_REVISED] = "jln-revised",
  [JLN_STATUS_SUPERSEDED] = "jln-superseded",
  [JLN_STATUS_DROPPED] = "jln-dropped",
};

typedef struct
{
  GdkRGBA               color;
  PangoFontDescription *font;
} LookStyle;

typedef struct
{
  JlnActionGrid *grid;
  JlnRow        *row;
  JlnRecord     *record;
  gulong         record_notify_id;
  gulong         row_notify_id;
  char          *texts[JLN_N_ACTION_COLUMNS];
  PangoLayout   *layouts[JLN_N_ACTION_COLUMNS];
  const char    *tag;                     /* the title is the other language's */
  gboolean       gep;
  int            status;                  /* -1 for none */
  gboolean       overdue;
  gboolean       heading;
  guint          serial;                  /* the grid's, when laid out; 0: to lay out */
  int            height;
  int            y;                       /* on screen, while shown */
  GtkWidget     *widget;
  gboolean       shown;
  gboolean       labelled;                /* the widget's label is the row's */
} RowInfo;

struct _JlnActionGrid
{
  GtkWidget           parent_instance;

  GtkSingleSelection *model;
  GtkAdjustment      *hadjustment;
  GtkAdjustment      *vadjustment;
  guint               hscroll_policy : 1;
  guint               vscroll_policy : 1;

  JlnLang             content_language;
  JlnSemester         today;

  int                 widths[JLN_N_ACTION_COLUMNS];    /* as set */
  int                 shown_widths[JLN_N_ACTION_COLUMNS]; /* with the title's extra room */
  int                 xs[JLN_N_ACTION_COLUMNS];        /* from the content's start, LTR */
  int                 content_width;
  int                 header_height;
  GtkWidget          *headings[JLN_N_ACTION_COLUMNS];
  GtkWidget          *heading_arrows[JLN_N_ACTION_COLUMNS];
  GtkWidget          *heading_labels[JLN_N_ACTION_COLUMNS];
  int                 sort_column;
  GtkSortType         sort_order;

  /* Rows: heights of the rows measured (0: one line), their sum, and the
   * rows on screen. */
  GArray             *heights;
  guint64             total_height;
  GHashTable         *infos;              /* JlnRow → RowInfo */
  GPtrArray          *shown;              /* RowInfo, from the top */
  guint               first_shown;
  guint               serial;
  GPtrArray          *pool;               /* row widgets without a row */

  /* Style */
  GtkWidget          *samples[N_LOOKS];
  LookStyle           looks[N_LOOKS];
  gboolean            looks_valid;
  GtkBorder           padding;
  GtkBorder           tag_padding;
  GtkBorder           due_padding;
  int                 line_height;
  int                 row_height;         /* of a one-line row */
  GdkRGBA             focus_color;
  GdkRGBA             separator_color;
  GdkPaintable       *arrows[3];          /* collapsed, expanded, collapsed RTL */
  PangoLayout        *tag_layouts[3];     /* EN, FR, Equality plan */

  GtkWidget          *cursor_widget;
  JlnRow             *hovered;            /* under the pointer, not owned */
  JlnRow             *focus_row;          /* without a selection */
  int                 resizing;           /* the column being resized, or -1 */
  int                 resize_start;
  int                 resize_start_width; /* as set, when the drag began */
  gboolean            allocating;
  guint               n_laid_out;         /* rows laid out, ever */
  guint               widgets_wanted;
  guint               resize_id;
  guint64             measured_height;    /* the rows', as last measured */
  guint               make_widgets_id;
};

static void jln_action_grid_scrollable_init (GtkScrollableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (JlnActionGrid, jln_action_grid, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE,
                                                      jln_action_grid_scrollable_init))

enum {
  PROP_0,
  PROP_HADJUSTMENT,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
  N_PROPS
};

enum {
  ACTIVATE,
  MENU_REQUESTED,
  SORT_CHANGED,
  COLUMNS_RESIZED,
  N_SIGNALS
};

/* The columns' names in saved settings. */
static const char *column_ids[] = {
  [JLN_ACTION_COLUMN_NUMBER] = "number",
  [JLN_ACTION_COLUMN_TITLE] = "title",
  [JLN_ACTION_COLUMN_STATUS] = "status",
  [JLN_ACTION_COLUMN_COMPLETION] = "completion",
  [JLN_ACTION_COLUMN_DUE] = "due",
  [JLN_ACTION_COLUMN_UNITS] = "units",
};
G_STATIC_ASSERT (G_N_ELEMENTS (column_ids) == JLN_N_ACTION_COLUMNS);

static guint signals[N_SIGNALS];

static void set_adjustment (JlnActionGrid  *self,
                            GtkAdjustment **slot,
                            GtkAdjustment  *adjustment);

/* Style */

static void
clear_looks (JlnActionGrid *self)
{
  for (guint i = 0; i < N_LOOKS; i++)
    g_clear_pointer (&self->looks[i].font, pango_font_description_free);
  for (guint i = 0; i < G_N_ELEMENTS (self->arrows); i++)
    g_clear_object (&self->arrows[i]);
  for (guint i = 0; i < G_N_ELEMENTS (self->tag_layouts); i++)
    g_clear_object (&self->tag_layouts[i]);
  self->looks_valid = FALSE;
}

static GdkPaintable *
lookup_arrow (JlnActionGrid *self,
              const char    *name)
{
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (self)));

  return GDK_PAINTABLE (gtk_icon_theme_lookup_icon (theme, name, NULL, ARROW_SIZE,
                                                    gtk_widget_get_scale_factor (GTK_WIDGET (self)),
                                                    gtk_widget_get_direction (GTK_WIDGET (self)),
                                                    0));
}

static PangoLayout *
new_tag_layout (JlnActionGrid *self,
                const char    *text)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);

  pango_layout_set_font_description (layout, self->looks[LOOK_TAG].font);
  return layout;
}

static void
ensure_looks (JlnActionGrid *self)
{
  PangoLayout *layout;

  if (self->looks_valid)
    return;
  clear_looks (self);
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  for (guint i = 0; i < N_LOOKS; i++)
    {
      GtkStyleContext *context = gtk_widget_get_style_context (self->samples[i]);
      PangoContext *pango = gtk_widget_get_pango_context (self->samples[i]);

      gtk_style_context_get_color (context, &self->looks[i].color);
      self->looks[i].font = pango_font_description_copy (pango_context_get_font_description (pango));
    }
  gtk_style_context_get_padding (gtk_widget_get_style_context (self->samples[LOOK_PLAIN]),
                                 &self->padding);
  gtk_style_context_get_padding (gtk_widget_get_style_context (self->samples[LOOK_TAG]),
                                 &self->tag_padding);
  gtk_style_context_get_padding (gtk_widget_get_style_context (self->samples[LOOK_OVERDUE]),
                                 &self->due_padding);
  if (!gtk_style_context_lookup_color (gtk_widget_get_style_context (GTK_WIDGET (self)),
                                       "accent_color", &self->focus_color))
    self->focus_color = self->looks[LOOK_PLAIN].color;
  G_GNUC_END_IGNORE_DEPRECATIONS
  self->focus_color.alpha *= 0.5;
  self->separator_color = self->looks[LOOK_PLAIN].color;
  self->separator_color.alpha *= 0.15;
  /* The tags are dimmed, as their CSS opacity does for a label. */
  self->looks[LOOK_TAG].color.alpha *= 0.7;

  layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), "Ag");
  pango_layout_set_font_description (layout, self->looks[LOOK_PLAIN].font);
  pango_layout_get_pixel_size (layout, NULL, &self->line_height);
  g_object_unref (layout);
  self->row_height = MAX (self->line_height, ARROW_SIZE) + self->padding.top +
                     self->padding.bottom;

  self->arrows[0] = lookup_arrow (self, "pan-end-symbolic");
  self->arrows[1] = lookup_arrow (self, "pan-down-symbolic");
  self->arrows[2] = lookup_arrow (self, "pan-start-symbolic");
  self->looks_valid = TRUE;
  /* Translators: a small tag after a title shown in English because
     the plan has no French title; keep it to two or three letters. */
  self->tag_layouts[0] = new_tag_layout (self, C_("language tag", "EN"));
  /* Translators: a small tag after a title shown in French because
     the plan has no English title; keep it to two or three letters. */
  self->tag_layouts[1] = new_tag_layout (self, C_("language tag", "FR"));
  /* Translators: a small tag on the heading rows of the axes of the
     Gender Equality Plan. */
  self->tag_layouts[2] = new_tag_layout (self, C_("programme tag", "Equality plan"));
}

static GtkWidget *
new_sample (JlnActionGrid *self,
            const char    *classes)
{
  GtkWidget *sample = g_object_new (JLN_TYPE_GRID_ROW, "css-name", "row", NULL);
  g_auto(GStrv) names = g_strsplit (classes, " ", -1);

  for (guint i = 0; names[i] != NULL; i++)
    if (names[i][0] != '\0')
      gtk_widget_add_css_class (sample, names[i]);
  gtk_widget_set_child_visible (sample, FALSE);
  gtk_accessible_update_state (GTK_ACCESSIBLE (sample), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_widget_set_parent (sample, GTK_WIDGET (self));
  return sample;
}

static void
make_samples (JlnActionGrid *self)
{
  self->samples[LOOK_PLAIN] = new_sample (self, "");
  for (guint i = 0; i <= JLN_STATUS_DROPPED; i++)
    self->samples[LOOK_STATUS + i] = new_sample (self, status_classes[i]);
  self->samples[LOOK_HEADING] = new_sample (self, "jln-heading");
  self->samples[LOOK_DUE] = new_sample (self, "jln-cell-due");
  self->samples[LOOK_OVERDUE] = new_sample (self, "jln-overdue jln-cell-due");
  self->samples[LOOK_OVERDUE_STATUS] = new_sample (self, "jln-overdue jln-cell-status");
  self->samples[LOOK_TAG] = new_sample (self, "jln-tag");
  self->samples[LOOK_SELECTED] = new_sample (self, "activatable");
  gtk_widget_set_state_flags (self->samples[LOOK_SELECTED], GTK_STATE_FLAG_SELECTED, FALSE);
  self->samples[LOOK_HOVER] = new_sample (self, "activatable");
  gtk_widget_set_state_flags (self->samples[LOOK_HOVER], GTK_STATE_FLAG_PRELIGHT, FALSE);
  self->samples[LOOK_SELECTED_HOVER] = new_sample (self, "activatable");
  gtk_widget_set_state_flags (self->samples[LOOK_SELECTED_HOVER],
                              GTK_STATE_FLAG_SELECTED | GTK_STATE_FLAG_PRELIGHT, FALSE);
}

/* Rows */

static guint
get_n_rows (JlnActionGrid *self)
{
  return self->model != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->model)) : 0;
}

static int
row_height_at (JlnActionGrid *self,
               guint          position)
{
  guint16 height = g_array_index (self->heights, guint16, position);

  return height != 0 ? height : self->row_height;
}

static void
set_row_height (JlnActionGrid *self,
                guint          position,
                int            height)
{
  int old = row_height_at (self, position);

  g_array_index (self->heights, guint16, position) = (guint16) CLAMP (height, 1, G_MAXUINT16);
  self->total_height += height - old;
}

static void
sum_heights (JlnActionGrid *self)
{
  guint n = self->heights->len;

  self->total_height = 0;
  for (guint i = 0; i < n; i++)
    self->total_height += row_height_at (self, i);
}

/* Every row is measured again when next shown: the widths, the font or
 * the language changed. */
static void
forget_heights (JlnActionGrid *self)
{

  self->serial++;
  if (self->serial == 0)
    self->serial = 1;
  if (self->heights->len > 0)
    memset (self->heights->data, 0, self->heights->len * sizeof (guint16));
  sum_heights (self);
}

static Look
look_of (RowInfo         *info,
         JlnActionColumn  column)
{
  if (info->heading)
    return LOOK_HEADING;
  if (info->overdue && column == JLN_ACTION_COLUMN_DUE)
    return LOOK_OVERDUE;
  if (info->overdue && column == JLN_ACTION_COLUMN_STATUS)
    return LOOK_OVERDUE_STATUS;
  if (info->status >= 0)
    return LOOK_STATUS + info->status;
  if (column == JLN_ACTION_COLUMN_DUE)
    return LOOK_DUE;
  return LOOK_PLAIN;
}

/* A cell shows the first MAX_CELL_CHARS characters of a text, then an
 * ellipsis: a title of a megabyte would otherwise be laid out, measured
 * and drawn whole each time its row comes on screen. Takes @text. */
static char *
cut_cell_text (char *text)
{
  const char *end;
  char *cut;
  guint n = 0;

  if (text == NULL || strlen (text) <= MAX_CELL_CHARS)
    return text;
  /* Characters are counted by their first bytes, byte by byte, so that
   * a bad sequence cannot step over the end. */
  for (end = text; *end != '\0'; end++)
    if (((guchar) *end & 0xc0) != 0x80 && n++ == MAX_CELL_CHARS)
      break;
  if (*end == '\0')
    return text;
  cut = g_strdup_printf ("%.*s\u2026", (int) (end - text), text);
  g_free (text);
  return cut;
}

static char *
dup_cell_text (const char *text)
{
  return cut_cell_text (g_strdup (text));
}

static void
update_row_widget (RowInfo *info)
{
  JlnActionGrid *self = info->grid;
  /* Read as shown: a title of a megabyte would go whole to the
   * accessibility bus each time its row comes on screen. */
  g_autofree char *label =
    jln_record_dup_spoken_label_for (info->record, info->texts[JLN_ACTION_COLUMN_TITLE],
                                     jln_lang_from_locale (), self->today);
  gboolean expandable = jln_row_get_expandable (info->row);

  gtk_accessible_update_property (GTK_ACCESSIBLE (info->widget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_LEVEL, jln_row_get_depth (info->row) + 1,
                                  -1);
  if (expandable)
    gtk_accessible_update_state (GTK_ACCESSIBLE (info->widget),
                                 GTK_ACCESSIBLE_STATE_HIDDEN, FALSE,
                                 GTK_ACCESSIBLE_STATE_EXPANDED, jln_row_get_expanded (info->row),
                                 -1);
  else
    {
      gtk_accessible_update_state (GTK_ACCESSIBLE (info->widget),
                                   GTK_ACCESSIBLE_STATE_HIDDEN, FALSE, -1);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (info->widget), GTK_ACCESSIBLE_STATE_EXPANDED);
    }
  info->labelled = TRUE;
}

static void
fill_info (RowInfo *info)
{
  JlnActionGrid *self = info->grid;
  JlnRecord *record = info->record;
  JlnStatus status;
  gboolean is_fallback;
  char *due;

  for (guint i = 0; i < JLN_N_ACTION_COLUMNS; i++)
    g_clear_pointer (&info->texts[i], g_free);

  info->status = jln_record_get_status (record, &status) && status <= JLN_STATUS_DROPPED
                 ? (int) status : -1;
  info->overdue = jln_record_is_overdue (record, self->today);
  info->heading = JLN_IS_OBJECTIVE (record);
  info->gep = info->heading &&
              jln_objective_get_programme (JLN_OBJECTIVE (record)) == JLN_PROGRAMME_GEP;

  info->texts[JLN_ACTION_COLUMN_NUMBER] = jln_record_dup_number_text (record);
  /* Plan text is plain text: never markup, never a format. */
  info->texts[JLN_ACTION_COLUMN_TITLE] =
    dup_cell_text (jln_record_get_title_text (record, self->content_language, &is_fallback));
  info->tag = NULL;
  if (is_fallback)
    info->tag = self->content_language == JLN_LANG_FR ? C_("language tag", "EN")
                                                      : C_("language tag", "FR");
  info->texts[JLN_ACTION_COLUMN_STATUS] = jln_record_dup_status_text (record);
  info->texts[JLN_ACTION_COLUMN_COMPLETION] =
    jln_record_dup_completion_text (record, jln_lang_from_locale ());
  due = jln_record_dup_due_text (record, jln_lang_from_locale ());
  /* Overdue is said otherwise than by colour too, as on the timeline: a
   * "!" before the semester, in a frame. */
  if (due[0] != '\0' && info->overdue)
    {
      char *marked = g_strconcat ("!\u2002", due, NULL);

      g_free (due);
      due = marked;
    }
  info->texts[JLN_ACTION_COLUMN_DUE] = due;
  info->texts[JLN_ACTION_COLUMN_UNITS] = cut_cell_text (jln_record_dup_units_text (record));
  info->serial = 0;
  info->labelled = FALSE;
}

static int
tag_width (JlnActionGrid *self,
           PangoLayout   *layout)
{
  int width;

  pango_layout_get_pixel_size (layout, &width, NULL);
  return width + self->tag_padding.left + self->tag_padding.right + 2;
}

static PangoLayout *
tag_layout_of (JlnActionGrid *self,
               RowInfo       *info)
{
  if (info->tag == NULL)
    return NULL;
  return self->tag_layouts[self->content_language == JLN_LANG_FR ? 0 : 1];
}

/* The room of the text of a cell, from the cell's start (LTR). */
static void
get_text_span (JlnActionGrid   *self,
               RowInfo         *info,
               JlnActionColumn  column,
               int             *x,
               int             *width)
{
  int start = self->xs[column] + self->padding.left;
  int end = self->xs[column] + self->shown_widths[column] - self->padding.right;

  if (column == JLN_ACTION_COLUMN_NUMBER)
    start += INDENT * jln_row_get_depth (info->row) + ARROW_SIZE + ARROW_SPACING;
  else if (column == JLN_ACTION_COLUMN_TITLE)
    {
      PangoLayout *tag = tag_layout_of (self, info);

      /* A heading's title spans the row: it has no status, dates or units. */
      if (info->heading)
        end = self->content_width - self->padding.right;
      if (tag != NULL)
        end -= tag_width (self, tag) + TAG_SPACING;
      if (info->gep)
        end -= tag_width (self, self->tag_layouts[2]) + TAG_SPACING;
    }
  *x = start;
  *width = MAX (end - start, 1);
}

static gboolean
column_wraps (JlnActionColumn column)
{
  return column == JLN_ACTION_COLUMN_TITLE || column == JLN_ACTION_COLUMN_STATUS ||
         column == JLN_ACTION_COLUMN_UNITS;
}

static gboolean
column_shown (RowInfo         *info,
              JlnActionColumn  column)
{
  return !info->heading || column <= JLN_ACTION_COLUMN_TITLE;
}

/* A layout is as wide as its cell, its lines at the cell's start as the
 * headings' labels are: on the right, right to left, whichever way its
 * text is written. Pango aligns a paragraph written the other way than
 * the widget the other way round. A change of direction lays the rows
 * out again. */
static void
align_to_start (PangoLayout *layout,
                gboolean     rtl)
{
  PangoLayoutLine *line;

  pango_layout_set_alignment (layout, rtl ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
  if (pango_layout_get_width (layout) < 0)
    return;
  line = pango_layout_get_line_readonly (layout, 0);
  if (line != NULL && (line->resolved_dir == PANGO_DIRECTION_RTL) != rtl)
    pango_layout_set_alignment (layout, rtl ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT);
}

/* Lays the row's texts out at the columns' widths, and measures it. */
static void
lay_out (JlnActionGrid *self,
         RowInfo       *info,
         guint          position)
{
  int height = MAX (self->line_height, ARROW_SIZE);
  gboolean rtl = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;

  ensure_looks (self);
  if (info->serial == self->serial)
    return;

  for (guint column = 0; column < JLN_N_ACTION_COLUMNS; column++)
    {
      const char *text = info->texts[column];
      PangoLayout *layout = info->layouts[column];
      PangoAttrList *attrs;
      Look look = look_of (info, column);
      int x, width, text_height;

      if (text == NULL || text[0] == '\0' || !column_shown (info, column))
        {
          g_clear_object (&info->layouts[column]);
          continue;
        }
      if (layout == NULL)
        layout = info->layouts[column] = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
      pango_layout_set_text (layout, text, -1);
      pango_layout_set_font_description (layout, self->looks[look].font);
      attrs = pango_attr_list_new ();
      if (column == JLN_ACTION_COLUMN_NUMBER || column == JLN_ACTION_COLUMN_COMPLETION)
        pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum=1"));
      /* A line through a dropped action's texts, which CSS draws for a
       * label and not for a layout. */
      if (info->status == JLN_STATUS_DROPPED && !info->heading)
        pango_attr_list_insert (attrs, pango_attr_strikethrough_new (TRUE));
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);

      get_text_span (self, info, column, &x, &width);
      if (column == JLN_ACTION_COLUMN_DUE && info->overdue)
        width -= self->due_padding.left + self->due_padding.right + 2;
      pango_layout_set_width (layout, MAX (width, 1) * PANGO_SCALE);
      if (column_wraps (column))
        {
          pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
          pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_NONE);
        }
      else if (column == JLN_ACTION_COLUMN_DUE)
        {
          /* A semester is short: it is shown whole, its frame round the
           * text only when overdue. */
          pango_layout_set_single_paragraph_mode (layout, TRUE);
          pango_layout_set_width (layout, -1);
        }
      else
        {
          pango_layout_set_single_paragraph_mode (layout, TRUE);
          pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
        }
      align_to_start (layout, rtl);
      pango_layout_get_pixel_size (layout, NULL, &text_height);
      if (column == JLN_ACTION_COLUMN_DUE && info->overdue)
        text_height += self->due_padding.top + self->due_padding.bottom + 2;
      height = MAX (height, text_height);
    }

  info->height = height + self->padding.top + self->padding.bottom;
  info->serial = self->serial;
  self->n_laid_out++;
  if (position < self->heights->len)
    set_row_height (self, position, info->height);
}

static void
row_info_release_widget (JlnActionGrid *self,
                         RowInfo       *info)
{
  if (info->widget == NULL)
    return;
  if (info->widget == self->cursor_widget)
    self->cursor_widget = NULL;
  gtk_widget_set_focusable (info->widget, FALSE);
  gtk_accessible_update_state (GTK_ACCESSIBLE (info->widget),
                               GTK_ACCESSIBLE_STATE_HIDDEN, TRUE,
                               GTK_ACCESSIBLE_STATE_SELECTED, FALSE,
                               -1);
  g_ptr_array_add (self->pool, info->widget);
  info->widget = NULL;
}

static void
row_info_free (gpointer data)
{
  RowInfo *info = data;

  if (info->grid->hovered == info->row)
    info->grid->hovered = NULL;
  row_info_release_widget (info->grid, info);
  g_clear_signal_handler (&info->record_notify_id, info->record);
  g_clear_signal_handler (&info->row_notify_id, info->row);
  jln_row_unbind (info->row);
  g_clear_object (&info->record);
  g_clear_object (&info->row);
  for (guint i = 0; i < JLN_N_ACTION_COLUMNS; i++)
    {
      g_clear_pointer (&info->texts[i], g_free);
      g_clear_object (&info->layouts[i]);
    }
  g_free (info);
}

static void
record_notify_cb (RowInfo    *info,
                  GParamSpec *pspec)
{
  fill_info (info);
  if (info->widget != NULL)
    update_row_widget (info);
  gtk_widget_queue_allocate (GTK_WIDGET (info->grid));
  gtk_widget_queue_draw (GTK_WIDGET (info->grid));
}

static void
row_notify_cb (RowInfo    *info,
               GParamSpec *pspec)
{
  if (info->widget != NULL)
    update_row_widget (info);
  gtk_widget_queue_draw (GTK_WIDGET (info->grid));
}

static GtkWidget *
new_row_widget (JlnActionGrid *self)
{
  GtkWidget *widget = g_object_new (JLN_TYPE_GRID_ROW, NULL);

  gtk_widget_set_parent (widget, GTK_WIDGET (self));
  return widget;
}

/* Row widgets are made outside the allocation, which a new child would
 * ask for again. */
static gboolean
make_row_widgets_cb (gpointer data)
{
  JlnActionGrid *self = data;

  self->make_widgets_id = 0;
  for (guint i = 0; i < self->widgets_wanted; i++)
    g_ptr_array_add (self->pool, new_row_widget (self));
  self->widgets_wanted = 0;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  return G_SOURCE_REMOVE;
}

/* The rows measured on screen made the whole taller or shorter than the
 * screen, which the scrolled window measured before: it measures again,
 * outside the allocation, for its scrollbar. */
static gboolean
resize_cb (gpointer data)
{
  JlnActionGrid *self = data;

  self->resize_id = 0;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  return G_SOURCE_REMOVE;
}

static GtkWidget *
take_row_widget (JlnActionGrid *self)
{
  if (self->pool->len > 0)
    return g_ptr_array_steal_index_fast (self->pool, self->pool->len - 1);
  if (!self->allocating)
    return new_row_widget (self);
  self->widgets_wanted++;
  if (self->make_widgets_id == 0)
    self->make_widgets_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, make_row_widgets_cb, self, NULL);
  return NULL;
}

static RowInfo *
get_info (JlnActionGrid *self,
          guint          position)
{
  g_autoptr(JlnRow) row = NULL;
  RowInfo *info;

  if (position >= get_n_rows (self))
    return NULL;
  row = g_list_model_get_item (G_LIST_MODEL (self->model), position);
  info = g_hash_table_lookup (self->infos, row);
  if (info != NULL)
    return info;

  info = g_new0 (RowInfo, 1);
  info->grid = self;
  info->row = g_object_ref (row);
  info->record = g_object_ref (jln_row_get_record (row));
  jln_row_bind (row);
  info->record_notify_id = g_signal_connect_swapped (info->record, "notify",
                                                     G_CALLBACK (record_notify_cb), info);
  info->row_notify_id = g_signal_connect_swapped (info->row, "notify",
                                                  G_CALLBACK (row_notify_cb), info);
  fill_info (info);
  g_hash_table_insert (self->infos, row, info);
  return info;
}

static GtkWidget *
ensure_widget (JlnActionGrid *self,
               RowInfo       *info)
{
  if (info->widget == NULL)
    {
      info->widget = take_row_widget (self);
      info->labelled = FALSE;
    }
  if (info->widget != NULL && !info->labelled)
    update_row_widget (info);
  return info->widget;
}

static JlnRow *
get_selected_row (JlnActionGrid *self)
{
  return self->model != NULL ? gtk_single_selection_get_selected_item (self->model) : NULL;
}

/* The row that takes the keyboard focus: the selected one, or without a
 * selection the first on screen when the focus came. */
static JlnRow *
get_cursor_row (JlnActionGrid *self)
{
  JlnRow *row = get_selected_row (self);

  return row != NULL ? row : self->focus_row;
}

/* The rows on screen, from the adjustment's value: the first row whose
 * end is below the value, then rows until the bottom. */
static void
update_shown (JlnActionGrid *self,
              int            width,
              int            height)
{
  guint n = get_n_rows (self);
  int view_height = MAX (height - self->header_height, 0);
  double value;
  guint64 y = 0;
  guint position = 0;
  GHashTableIter iter;
  RowInfo *info;
  JlnRow *cursor_row = get_cursor_row (self);
  int top;

  g_ptr_array_set_size (self->shown, 0);
  g_hash_table_iter_init (&iter, self->infos);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &info))
    info->shown = FALSE;

  value = self->vadjustment != NULL ? gtk_adjustment_get_value (self->vadjustment) : 0;
  value = CLAMP (value, 0, MAX ((double) self->total_height - view_height, 0));
  while (position < n && y + row_height_at (self, position) <= value)
    y += row_height_at (self, position++);
  self->first_shown = position;
  top = self->header_height + (int) (y - value);
  while (position < n && top < height)
    {
      info = get_info (self, position);
      lay_out (self, info, position);
      info->y = top;
      info->shown = TRUE;
      g_ptr_array_add (self->shown, info);
      top += info->height;
      position++;
    }
  /* The last rows were taller or shorter than reckoned: the last one
   * ends at the bottom. */
  if (position == n && top < height && self->first_shown > 0)
    {
      int shift = height - top;

      while (shift > 0 && self->first_shown > 0)
        {
          info = get_info (self, self->first_shown - 1);
          lay_out (self, info, self->first_shown - 1);
          info->shown = TRUE;
          g_ptr_array_insert (self->shown, 0, info);
          self->first_shown--;
          shift -= info->height;
        }
      top = self->header_height + MIN (shift, 0);
      for (guint i = 0; i < self->shown->len; i++)
        {
          info = g_ptr_array_index (self->shown, i);
          info->y = top;
          top += info->height;
        }
    }

  /* Rows gone from the screen let their layouts and widgets go, but for
   * the cursor's, which keeps the focus. */
  g_hash_table_iter_init (&iter, self->infos);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &info))
    if (!info->shown && info->row != cursor_row)
      g_hash_table_iter_remove (&iter);
}

static void
configure_adjustments (JlnActionGrid *self,
                       int            width,
                       int            height)
{
  int view_height = MAX (height - self->header_height, 0);

  if (self->vadjustment != NULL)
    {
      double upper = MAX ((double) self->total_height, view_height);

      gtk_adjustment_configure (self->vadjustment,
                                CLAMP (gtk_adjustment_get_value (self->vadjustment), 0,
                                       upper - view_height),
                                0, upper,
                                MAX (self->row_height, 1),
                                view_height * 0.9,
                                view_height);
    }
  if (self->hadjustment != NULL)
    {
      double upper = MAX (self->content_width, width);

      gtk_adjustment_configure (self->hadjustment,
                                CLAMP (gtk_adjustment_get_value (self->hadjustment), 0,
                                       upper - width),
                                0, upper, width * 0.1, width * 0.9, width);
    }
}

/* Columns: each as wide as set, the title's taking the room left. */
static void
update_columns (JlnActionGrid *self,
                int            width)
{
  int sum = 0, x = 0;
  gboolean changed = FALSE;

  for (guint i = 0; i < JLN_N_ACTION_COLUMNS; i++)
    sum += self->widths[i];
  for (guint i = 0; i < JLN_N_ACTION_COLUMNS; i++)
    {
      int shown = self->widths[i];

      if (i == JLN_ACTION_COLUMN_TITLE && sum < width)
        shown += width - sum;
      changed |= shown != self->shown_widths[i];
      self->shown_widths[i] = shown;
      self->xs[i] = x;
      x += shown;
    }
  self->content_width = x;
  if (changed)
    forget_heights (self);
}

/* Where a column's cells are on screen: x from the widget's left. */
static int
screen_x (JlnActionGrid *self,
          int            x,
          int            width)
{
  int offset = self->hadjustment != NULL ? (int) gtk_adjustment_get_value (self->hadjustment) : 0;

  if (gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL)
    return gtk_widget_get_width (GTK_WIDGET (self)) - (x - offset) - width;
  return x - offset;
}

static void
jln_action_grid_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  JlnActionGrid *self = JLN_ACTION_GRID (widget);
  JlnRow *cursor_row = get_cursor_row (self);
  int header = 0;

  self->allocating = TRUE;
  ensure_looks (self);
  for (guint i = 0; i < JLN_N_ACTION_COLUMNS; i++)
    {
      int min, nat;

      gtk_widget_measure (self->headings[i], GTK_ORIENTATION_VERTICAL, -1, &min, &nat, NULL, NULL);
      header = MAX (header, nat);
    }
  self->header_height = header;
  update_columns (self, width);
  if (self->heights->len != get_n_rows (self))
    {
      g_array_set_size (self->heights, get_n_rows (self));
      forget_heights (self);
    }

  update_shown (self, width, height);
  {
    guint64 view = MAX (height - header, 0);

    if ((self->measured_height > view) != (self->total_height > view) && self->resize_id == 0)
      self->resize_id = g_idle_add (resize_cb, self);
  }
  configure_adjustments (self, width, height);

  for (guint i = 0; i < JLN_N_ACTION_COLUMNS; i++)
    {
      int min;

      gtk_widget_measure (self->headings[i], GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
      gtk_widget_size_allocate (self->headings[i],
                                &(GtkAllocation) {
                                  screen_x (self, self->xs[i], self->shown_widths[i]), 0,
                                  MAX (self->shown_widths[i], min), header
                                }, -1);
    }

  /* The rows' widgets, on their rows; the cursor's where its row is,
   * even off screen. */
  for (guint i = 0; i < self->shown->len; i++)
    {
      RowInfo *info = g_ptr_array_index (self->shown, i);
      GtkWidget *row_widget = ensure_widget (self, info);

      if (row_widget == NULL)
        continue;
      gtk_widget_measure (row_widget, GTK_ORIENTATION_HORIZONTAL, -1, NULL, NULL, NULL, NULL);
      gtk_widget_size_allocate (row_widget,
                                &(GtkAllocation) { screen_x (self, 0, self->content_width),
                                                   info->y, self->content_width, info->height },
                                -1);
    }
  if (cursor_row != NULL)
    {
      RowInfo *info = g_hash_table_lookup (self->infos, cursor_row);

      if (info != NULL && !info->shown)
        {
          GtkWidget *row_widget = ensure_widget (self, info);

          if (row_widget != NULL)
            gtk_widget_measure (row_widget, GTK_ORIENTATION_HORIZONTAL, -1, NULL, NULL, NULL, NULL);
          if (row_widget != NULL)
            gtk_widget_size_allocate (row_widget,
                                    &(GtkAllocation) { 0, -self->row_height, self->content_width,
                                                       self->row_height }, -1);
        }
    }
  /* The others wait, hidden, out of the way. */
  for (guint i = 0; i < self->pool->len; i++)
    {
      GtkWidget *row_widget = g_ptr_array_index (self->pool, i);

      gtk_widget_measure (row_widget, GTK_ORIENTATION_HORIZONTAL, -1, NULL, NULL, NULL, NULL);
      gtk_widget_size_allocate (row_widget, &(GtkAllocation) { 0, -1, 0, 0 }, -1);
    }
  self->allocating = FALSE;
}

static void
jln_action_grid_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  JlnActionGrid *self = JLN_ACTION_GRID (widget);

  ensure_looks (self);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int sum = 0;

      for (guint i = 0; i < JLN_N_ACTION_COLUMNS; i++)
        sum += self->widths[i];
      /* The scrolled window shows its scrollbars from the minimum: as
       * wide as the columns, as tall as the rows. */
      *minimum = *natural = sum;
    }
  else
    {
      int header = 0;

      for (guint i = 0; i < JLN_N_ACTION_COLUMNS; i++)
        {
          int nat;

          gtk_widget_measure (self->headings[i], GTK_ORIENTATION_VERTICAL, -1, NULL, &nat,
                              NULL, NULL);
          header = MAX (header, nat);
        }
      guint n = get_n_rows (self);
      guint64 total = self->heights->len == n ? self->total_height
                                              : (guint64) n * self->row_height;

      /* As tall as all the rows, as reckoned: the scrolled window shows
       * its scrollbar from that. */
      self->measured_height = total;
      *minimum = *natural = (int) MIN (header + MAX (total, (guint64) self->row_height),
                                       (guint64) G_MAXINT / 2);
    }
}

/* Drawing */

static void
draw_layout (GtkSnapshot   *snapshot,
             PangoLayout   *layout,
             int            x,
             int            y,
             const GdkRGBA *color)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static void
draw_tag (JlnActionGrid *self,
          GtkSnapshot   *snapshot,
          PangoLayout   *layout,
          int            x,
          int            y,
          int            row_height)
{
  GtkStyleContext *context = gtk_widget_get_style_context (self->samples[LOOK_TAG]);
  int text_width, text_height, width, height;

  pango_layout_get_pixel_size (layout, &text_width, &text_height);
  width = tag_width (self, layout);
  height = text_height + self->tag_padding.top + self->tag_padding.bottom + 2;
  y += (row_height - height) / 2;
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_snapshot_render_background (snapshot, context, x, y, width, height);
  gtk_snapshot_render_frame (snapshot, context, x, y, width, height);
  G_GNUC_END_IGNORE_DEPRECATIONS
  draw_layout (snapshot, layout, x + 1 + self->tag_padding.left, y + 1 + self->tag_padding.top,
               &self->looks[LOOK_TAG].color);
}

static void
draw_row (JlnActionGrid *self,
          GtkSnapshot   *snapshot,
          RowInfo       *info,
          gboolean       selected,
          gboolean       focused)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  int row_x = screen_x (self, 0, self->content_width);
  int inner = info->height - self->padding.top - self->padding.bottom;
  gboolean hovered = info->row == self->hovered;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  if (selected || hovered)
    gtk_snapshot_render_background (snapshot,
                                    gtk_widget_get_style_context (self->samples[
                                      selected && hovered ? LOOK_SELECTED_HOVER :
                                      selected ? LOOK_SELECTED : LOOK_HOVER]),
                                    row_x, info->y, self->content_width, info->height);
  G_GNUC_END_IGNORE_DEPRECATIONS

  /* The arrow of a row that has children, as deep as the row. */
  if (jln_row_get_expandable (info->row))
    {
      GdkPaintable *arrow = self->arrows[jln_row_get_expanded (info->row) ? 1 : rtl ? 2 : 0];
      int x = screen_x (self, self->xs[0] + self->padding.left +
                              INDENT * jln_row_get_depth (info->row), ARROW_SIZE);
      GdkRGBA color = self->looks[look_of (info, JLN_ACTION_COLUMN_NUMBER)].color;

      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot,
                              &GRAPHENE_POINT_INIT (x, info->y + (info->height - ARROW_SIZE) / 2));
      gtk_symbolic_paintable_snapshot_symbolic (GTK_SYMBOLIC_PAINTABLE (arrow), snapshot,
                                                ARROW_SIZE, ARROW_SIZE, &color, 1);
      gtk_snapshot_restore (snapshot);
    }

  for (guint column = 0; column < JLN_N_ACTION_COLUMNS; column++)
    {
      PangoLayout *layout = info->layouts[column];
      const LookStyle *look = &self->looks[look_of (info, column)];
      int x, width, text_width, text_height, y;

      if (layout == NULL)
        continue;
      get_text_span (self, info, column, &x, &width);
      pango_layout_get_pixel_size (layout, &text_width, &text_height);
      y = info->y + self->padding.top + (inner - text_height) / 2;
      if (column == JLN_ACTION_COLUMN_DUE && info->overdue)
        {
          GtkStyleContext *context = gtk_widget_get_style_context (self->samples[LOOK_OVERDUE]);
          int frame_width = text_width + self->due_padding.left + self->due_padding.right + 2;
          int frame_height = text_height + self->due_padding.top + self->due_padding.bottom + 2;
          int frame_x = screen_x (self, x, frame_width);

          y = info->y + self->padding.top + (inner - frame_height) / 2;
          G_GNUC_BEGIN_IGNORE_DEPRECATIONS
          gtk_snapshot_render_frame (snapshot, context, frame_x, y, frame_width, frame_height);
          G_GNUC_END_IGNORE_DEPRECATIONS
          draw_layout (snapshot, layout,
                       frame_x + 1 + (rtl ? self->due_padding.right : self->due_padding.left),
                       y + 1 + self->due_padding.top, &look->color);
          continue;
        }
      if (pango_layout_get_width (layout) < 0)
        draw_layout (snapshot, layout, screen_x (self, x, text_width), y, &look->color);
      else
        draw_layout (snapshot, layout, screen_x (self, x, width), y, &look->color);

      if (column == JLN_ACTION_COLUMN_TITLE)
        {
          PangoLayout *tags[2] = { tag_layout_of (self, info), info->gep ? self->tag_layouts[2] : NULL };
          int tag_x = x + width + TAG_SPACING;

          for (guint i = 0; i < G_N_ELEMENTS (tags); i++)
            {
              int tw;

              if (tags[i] == NULL)
                continue;
              tw = tag_width (self, tags[i]);
              draw_tag (self, snapshot, tags[i], screen_x (self, tag_x, tw), info->y, info->height);
              tag_x += tw + TAG_SPACING;
            }
        }
    }

  if (focused)
    {
      GskRoundedRect outline;
      const GdkRGBA colors[4] = { self->focus_color, self->focus_color,
                                  self->focus_color, self->focus_color };
      const float widths[4] = { 2, 2, 2, 2 };

      gsk_rounded_rect_init_from_rect (&outline,
                                       &GRAPHENE_RECT_INIT (row_x + 1, info->y + 1,
                                                            self->content_width - 2,
                                                            info->height - 2),
                                       4);
      gtk_snapshot_append_border (snapshot, &outline, widths, colors);
    }
}

static void
jln_action_grid_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  JlnActionGrid *self = JLN_ACTION_GRID (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  JlnRow *cursor_row = get_cursor_row (self);
  JlnRow *selected_row = get_selected_row (self);
  gboolean focused = self->cursor_widget != NULL &&
                     gtk_widget_has_visible_focus (self->cursor_widget);

  ensure_looks (self);
  gtk_snapshot_push_clip (snapshot,
                          &GRAPHENE_RECT_INIT (0, self->header_height, width,
                                               MAX (height - self->header_height, 0)));
  for (guint i = 0; i < self->shown->len; i++)
    {
      RowInfo *info = g_ptr_array_index (self->shown, i);

      if (info->serial != self->serial)
        continue;
      draw_row (self, snapshot, info, info->row == selected_row,
                focused && info->row == cursor_row);
    }
  gtk_snapshot_pop (snapshot);

  for (guint i = 0; i < JLN_N_ACTION_COLUMNS; i++)
    gtk_widget_snapshot_child (widget, self->headings[i], snapshot);
  gtk_snapshot_append_color (snapshot, &self->separator_color,
                             &GRAPHENE_RECT_INIT (0, self->header_height - 1, width, 1));
}

static void
jln_action_grid_css_changed (GtkWidget         *widget,
                             GtkCssStyleChange *change)
{
  JlnActionGrid *self = JLN_ACTION_GRID (widget);

  GTK_WIDGET_CLASS (jln_action_grid_parent_class)->css_changed (widget, change);
  clear_looks (self);
  forget_heights (self);
  gtk_widget_queue_resize (widget);
}

static void
jln_action_grid_direction_changed (GtkWidget        *widget,
                                   GtkTextDirection  previous)
{
  JlnActionGrid *self = JLN_ACTION_GRID (widget);

  GTK_WIDGET_CLASS (jln_action_grid_parent_class)->direction_changed (widget, previous);
  clear_looks (self);
  forget_heights (self);
  /* The rows on screen are laid out again at the next allocation: none
   * is shown until then. */
  g_ptr_array_set_size (self->shown, 0);
  g_hash_table_remove_all (self->infos);
  gtk_widget_queue_allocate (widget);
}

/* Finding rows */

/* The shown row at @y, or -1. */
static int
row_at_y (JlnActionGrid *self,
          double         y)
{
  for (guint i = 0; i < self->shown->len; i++)
    {
      RowInfo *info = g_ptr_array_index (self->shown, i);

      if (y >= info->y && y < info->y + info->height)
        return self->first_shown + i;
    }
  return -1;
}

static RowInfo *
shown_info (JlnActionGrid *self,
            guint          position)
{
  if (position < self->first_shown || position - self->first_shown >= self->shown->len)
    return NULL;
  return g_ptr_array_index (self->shown, position - self->first_shown);
}

static int
column_at_x (JlnActionGrid *self,
             double         x)
{
  for (guint i = 0; i < JLN_N_ACTION_COLUMNS; i++)
    {
      int left = screen_x (self, self->xs[i], self->shown_widths[i]);

      if (x >= left && x < left + self->shown_widths[i])
        return i;
    }
  return -1;
}

/* Scrolling and the cursor */

static double
row_top (JlnActionGrid *self,
         guint          position)
{
  guint64 y = 0;

  for (guint i = 0; i < position && i < self->heights->len; i++)
    y += row_height_at (self, i);
  return (double) y;
}

/**
 * jln_action_grid_scroll_to:
 *
 * Scrolls as little as shows the row at @position whole.
 */
void
jln_action_grid_scroll_to (JlnActionGrid *self,
                           guint          position)
{
  double top, view, value;
  RowInfo *info;
  int height;

  g_return_if_fail (JLN_IS_ACTION_GRID (self));

  if (self->vadjustment == NULL || position >= get_n_rows (self))
    return;
  if (self->heights->len != get_n_rows (self))
    {
      g_array_set_size (self->heights, get_n_rows (self));
      forget_heights (self);
    }
  if (self->content_width == 0)
    {
      /* Not allocated yet: the columns have no width to measure with. */
      gtk_adjustment_set_upper (self->vadjustment, self->total_height);
      gtk_adjustment_set_value (self->vadjustment, row_top (self, position));
      return;
    }
  info = get_info (self, position);
  lay_out (self, info, position);
  height = info->height;
  view = gtk_adjustment_get_page_size (self->vadjustment);
  value = gtk_adjustment_get_value (self->vadjustment);

  /* The rows a screen above it, measured, so that it is placed whatever
   * their lines: they are on screen with it, or just above. */
  {
    guint above = position;
    int sum = height;

    while (above > 0 && sum < view)
      {
        RowInfo *row = get_info (self, --above);

        lay_out (self, row, above);
        sum += row->height;
      }
  }
  top = row_top (self, position);
  if (top < value)
    value = top;
  else if (top + height > value + view)
    value = top + height - view;
  else
    return;
  /* The rows measured may have made the whole taller than the
   * adjustment knows. */
  gtk_adjustment_set_upper (self->vadjustment, MAX ((double) self->total_height, value + view));
  gtk_adjustment_set_value (self->vadjustment, value);
}

static void
focus_cursor_widget (JlnActionGrid *self,
                     gboolean       grab)
{
  JlnRow *row = get_selected_row (self);
  RowInfo *info = NULL;
  GtkWidget *widget = NULL;

  if (row != NULL)
    {
      g_clear_object (&self->focus_row);
      info = get_info (self, gtk_single_selection_get_selected (self->model));
    }
  else if (self->focus_row != NULL)
    info = g_hash_table_lookup (self->infos, self->focus_row);
  if (row == NULL && info == NULL && get_n_rows (self) > 0)
    {
      info = get_info (self, MIN (self->first_shown, get_n_rows (self) - 1));
      g_set_object (&self->focus_row, info->row);
    }
  if (info != NULL)
    widget = ensure_widget (self, info);
  if (widget != self->cursor_widget)
    {
      if (self->cursor_widget != NULL)
        {
          gtk_widget_set_focusable (self->cursor_widget, FALSE);
          gtk_accessible_update_state (GTK_ACCESSIBLE (self->cursor_widget),
                                       GTK_ACCESSIBLE_STATE_SELECTED, FALSE, -1);
        }
      self->cursor_widget = widget;
      if (widget != NULL)
        {
          gtk_widget_set_focusable (widget, TRUE);
          gtk_accessible_update_state (GTK_ACCESSIBLE (widget),
                                       GTK_ACCESSIBLE_STATE_SELECTED, TRUE, -1);
        }
    }
  if (grab && widget != NULL)
    gtk_widget_grab_focus (widget);
}

static gboolean
has_focus_within (JlnActionGrid *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (focus == GTK_WIDGET (self) ||
                           (gtk_widget_is_ancestor (focus, GTK_WIDGET (self)) &&
                            JLN_IS_GRID_ROW (focus)));
}

static void
selection_changed_cb (JlnActionGrid *self)
{
  focus_cursor_widget (self, has_focus_within (self));
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * jln_action_grid_focus_cursor:
 *
 * Gives the keyboard focus to the cursor's row, or to the grid when no
 * row is selected.
 */
void
jln_action_grid_focus_cursor (JlnActionGrid *self)
{
  g_return_if_fail (JLN_IS_ACTION_GRID (self));

  focus_cursor_widget (self, TRUE);
  if (self->cursor_widget == NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
move_cursor_to (JlnActionGrid *self,
                guint          position)
{
  guint n = get_n_rows (self);

  if (n == 0)
    return;
  position = MIN (position, n - 1);
  gtk_single_selection_set_selected (self->model, position);
  jln_action_grid_scroll_to (self, position);
  focus_cursor_widget (self, TRUE);
}

/* Page Down moves the cursor a screen's height down, and the rows with
 * it, so that the new cursor row is where the old one was. */
static void
move_cursor_page (JlnActionGrid *self,
                  int            direction)
{
  guint n = get_n_rows (self);
  guint cursor = gtk_single_selection_get_selected (self->model);
  double page = self->vadjustment != NULL ? gtk_adjustment_get_page_size (self->vadjustment) : 0;
  double moved = 0, value;
  guint position;

  if (n == 0)
    return;
  if (cursor == GTK_INVALID_LIST_POSITION)
    cursor = self->first_shown;
  position = cursor;
  while (moved < page)
    {
      if (direction > 0 ? position + 1 >= n : position == 0)
        break;
      moved += row_height_at (self, direction > 0 ? position : position - 1);
      position = direction > 0 ? position + 1 : position - 1;
    }
  if (position == cursor)
    {
      move_cursor_to (self, cursor);
      return;
    }
  value = self->vadjustment != NULL ? gtk_adjustment_get_value (self->vadjustment) : 0;
  gtk_single_selection_set_selected (self->model, position);
  if (self->vadjustment != NULL)
    gtk_adjustment_set_value (self->vadjustment, value + direction * moved);
  jln_action_grid_scroll_to (self, position);
  focus_cursor_widget (self, TRUE);
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                JlnActionGrid         *self)
{
  guint cursor, n;

  if (self->model == NULL || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0)
    return FALSE;
  /* Keys on the headings are theirs. */
  for (guint i = 0; i < JLN_N_ACTION_COLUMNS; i++)
    if (gtk_widget_has_focus (self->headings[i]))
      {
        if (keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down)
          {
            jln_action_grid_focus_cursor (self);
            return TRUE;
          }
        return FALSE;
      }

  n = get_n_rows (self);
  cursor = gtk_single_selection_get_selected (self->model);
  switch (keyval)
    {
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      if (cursor == 0)
        {
          /* Above the first row, the headings: Enter sorts. */
          gtk_widget_grab_focus (self->headings[0]);
          return TRUE;
        }
      move_cursor_to (self, cursor == GTK_INVALID_LIST_POSITION ? self->first_shown : cursor - 1);
      return TRUE;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      move_cursor_to (self, cursor == GTK_INVALID_LIST_POSITION ? self->first_shown : cursor + 1);
      return TRUE;
    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
      move_cursor_page (self, -1);
      return TRUE;
    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
      move_cursor_page (self, 1);
      return TRUE;
    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      move_cursor_to (self, 0);
      return TRUE;
    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      if (n > 0)
        move_cursor_to (self, n - 1);
      return TRUE;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
      if (cursor != GTK_INVALID_LIST_POSITION)
        g_signal_emit (self, signals[ACTIVATE], 0, cursor);
      return cursor != GTK_INVALID_LIST_POSITION;
    default:
      return FALSE;
    }
}

/* Pointer */

static gboolean
in_expander (JlnActionGrid *self,
             RowInfo       *info,
             double         x)
{
  int left = screen_x (self, self->xs[0] + self->padding.left +
                             INDENT * jln_row_get_depth (info->row), ARROW_SIZE);

  return jln_row_get_expandable (info->row) && x >= left - 4 && x < left + ARROW_SIZE + 4;
}

static void
click_pressed_cb (GtkGestureClick *gesture,
                  int              n_press,
                  double           x,
                  double           y,
                  JlnActionGrid   *self)
{
  int position;
  RowInfo *info;

  if (self->model == NULL || y < self->header_height)
    return;
  position = row_at_y (self, y);
  if (position < 0)
    return;
  info = shown_info (self, position);
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);

  if (info != NULL && in_expander (self, info, x))
    {
      GListModel *rows = gtk_single_selection_get_model (self->model);

      if (JLN_IS_ROW_MODEL (rows))
        jln_row_model_set_expanded (JLN_ROW_MODEL (rows), info->row,
                                    !jln_row_get_expanded (info->row));
      return;
    }
  gtk_single_selection_set_selected (self->model, position);
  focus_cursor_widget (self, TRUE);
  if (n_press == 2)
    g_signal_emit (self, signals[ACTIVATE], 0, (guint) position);
}

static void
menu_pressed_cb (GtkGestureClick *gesture,
                 int              n_press,
                 double           x,
                 double           y,
                 JlnActionGrid   *self)
{
  int position;

  if (self->model == NULL || y < self->header_height)
    return;
  position = row_at_y (self, y);
  if (position < 0)
    return;
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  gtk_single_selection_set_selected (self->model, position);
  focus_cursor_widget (self, TRUE);
  g_signal_emit (self, signals[MENU_REQUESTED], 0, (guint) position, x, y);
}

/* The column whose end is at @x, in the headings, or -1. */
static int
resize_column_at (JlnActionGrid *self,
                  double         x,
                  double         y)
{
  if (y >= self->header_height)
    return -1;
  for (guint i = 0; i < JLN_N_ACTION_COLUMNS; i++)
    {
      int left = screen_x (self, self->xs[i], self->shown_widths[i]);
      int end = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL
                ? left : left + self->shown_widths[i];

      if (ABS (x - end) <= RESIZE_MARGIN)
        return i;
    }
  return -1;
}

static void
drag_begin_cb (GtkGestureDrag *gesture,
               double          x,
               double          y,
               JlnActionGrid  *self)
{
  int column = resize_column_at (self, x, y);

  if (column < 0)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  self->resizing = column;
  self->resize_start = self->shown_widths[column];
  self->resize_start_width = self->widths[column];
}

static void
drag_update_cb (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                JlnActionGrid  *self)
{
  if (self->resizing < 0)
    return;
  if (gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL)
    dx = -dx;
  jln_action_grid_set_column_width (self, self->resizing, self->resize_start + (int) dx);
}

/* The widths are told once, when the drag ends, not at each motion. */
static void
drag_end_cb (GtkGestureDrag *gesture,
             double          dx,
             double          dy,
             JlnActionGrid  *self)
{
  int column = self->resizing;

  self->resizing = -1;
  if (column >= 0 && self->widths[column] != self->resize_start_width)
    g_signal_emit (self, signals[COLUMNS_RESIZED], 0);
}

static void
set_hovered (JlnActionGrid *self,
             JlnRow        *row)
{
  if (self->hovered == row)
    return;
  self->hovered = row;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           JlnActionGrid            *self)
{
  int position = y >= self->header_height ? row_at_y (self, y) : -1;
  RowInfo *info = position >= 0 ? shown_info (self, position) : NULL;

  gtk_widget_set_cursor_from_name (GTK_WIDGET (self),
                                   resize_column_at (self, x, y) >= 0 ? "col-resize" : NULL);
  set_hovered (self, info != NULL ? info->row : NULL);
}

static void
leave_cb (GtkEventControllerMotion *controller,
          JlnActionGrid            *self)
{
  set_hovered (self, NULL);
}

static gboolean
jln_action_grid_query_tooltip (GtkWidget  *widget,
                               int         x,
                               int         y,
                               gboolean    keyboard,
                               GtkTooltip *tooltip)
{
  JlnActionGrid *self = JLN_ACTION_GRID (widget);
  int position = row_at_y (self, y);
  int column = column_at_x (self, x);
  RowInfo *info;
  const char *text = NULL;

  if (position < 0 || column < 0 || keyboard)
    return FALSE;
  info = shown_info (self, position);
  if (info == NULL)
    return FALSE;
  if (column == JLN_ACTION_COLUMN_TITLE || (info->heading && column > JLN_ACTION_COLUMN_TITLE))
    {
      int tx, tw;

      get_text_span (self, info, JLN_ACTION_COLUMN_TITLE, &tx, &tw);
      if (info->tag != NULL && x >= screen_x (self, tx + tw, 1) - 1 &&
          gtk_widget_get_direction (widget) != GTK_TEXT_DIR_RTL)
        text = self->content_language == JLN_LANG_FR
               ? _("No French text yet: the English text is shown")
               : _("No English text yet: the French text is shown");
      else
        text = info->texts[JLN_ACTION_COLUMN_TITLE];
    }
  else if (column == JLN_ACTION_COLUMN_UNITS)
    text = info->texts[JLN_ACTION_COLUMN_UNITS];
  if (text == NULL || text[0] == '\0')
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* Focus: entering the grid goes to the cursor's row, the one stop of the
 * rows; Tab leaves it, and Shift+Tab goes to the headings (one stop too:
 * Left and Right move between them), then leaves. From the headings, Tab
 * goes back to the cursor's row. */
static gboolean
jln_action_grid_focus (GtkWidget        *widget,
                       GtkDirectionType  direction)
{
  JlnActionGrid *self = JLN_ACTION_GRID (widget);
  GtkWidget *focus_child = gtk_widget_get_focus_child (widget);

  if (focus_child != NULL && GTK_IS_BUTTON (focus_child))
    {
      if (direction == GTK_DIR_LEFT || direction == GTK_DIR_RIGHT)
        return gtk_widget_child_focus (focus_child, direction) ||
               GTK_WIDGET_CLASS (jln_action_grid_parent_class)->focus (widget, direction);
      if (direction == GTK_DIR_TAB_FORWARD)
        {
          jln_action_grid_focus_cursor (self);
          return TRUE;
        }
      return FALSE;
    }
  if (gtk_widget_has_focus (widget) || focus_child != NULL)
    {
      if (direction == GTK_DIR_TAB_BACKWARD)
        return gtk_widget_grab_focus (self->headings[0]);
      return FALSE;
    }
  if (!gtk_widget_get_can_focus (widget))
    return FALSE;
  jln_action_grid_focus_cursor (self);
  return TRUE;
}

static gboolean
jln_action_grid_grab_focus (GtkWidget *widget)
{
  JlnActionGrid *self = JLN_ACTION_GRID (widget);

  focus_cursor_widget (self, FALSE);
  if (self->cursor_widget != NULL)
    return gtk_widget_grab_focus (self->cursor_widget);
  return GTK_WIDGET_CLASS (jln_action_grid_parent_class)->grab_focus (widget);
}

/* Headings */

static void
update_heading_arrows (JlnActionGrid *self)
{
  for (guint i = 0; i < JLN_N_ACTION_COLUMNS; i++)
    {
      gboolean sorted = self->sort_column == (int) i;

      gtk_widget_set_visible (self->heading_arrows[i], sorted);
      if (sorted)
        gtk_image_set_from_icon_name (GTK_IMAGE (self->heading_arrows[i]),
                                      self->sort_order == GTK_SORT_ASCENDING ? "pan-up-symbolic"
                                                                             : "pan-down-symbolic");
      if (sorted)
        gtk_accessible_update_property (GTK_ACCESSIBLE (self->headings[i]),
                                        GTK_ACCESSIBLE_PROPERTY_SORT,
                                        self->sort_order == GTK_SORT_ASCENDING
                                        ? GTK_ACCESSIBLE_SORT_ASCENDING
                                        : GTK_ACCESSIBLE_SORT_DESCENDING,
                                        -1);
      else
        gtk_accessible_update_property (GTK_ACCESSIBLE (self->headings[i]),
                                        GTK_ACCESSIBLE_PROPERTY_SORT, GTK_ACCESSIBLE_SORT_NONE,
                                        -1);
    }
}

static void
heading_clicked_cb (GtkButton     *button,
                    JlnActionGrid *self)
{
  for (guint i = 0; i < JLN_N_ACTION_COLUMNS; i++)
    if (self->headings[i] == GTK_WIDGET (button))
      {
        GtkSortType order = GTK_SORT_ASCENDING;

        if (self->sort_column == (int) i && self->sort_order == GTK_SORT_ASCENDING)
          order = GTK_SORT_DESCENDING;
        jln_action_grid_sort_by_column (self, i, order);
        return;
      }
}

static void
make_headings (JlnActionGrid *self)
{
  for (guint i = 0; i < JLN_N_ACTION_COLUMNS; i++)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
      GtkWidget *label = gtk_label_new (NULL);
      GtkWidget *arrow = gtk_image_new ();
      GtkWidget *button = g_object_new (GTK_TYPE_BUTTON,
                                        "accessible-role", GTK_ACCESSIBLE_ROLE_COLUMN_HEADER,
                                        NULL);

      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_box_append (GTK_BOX (box), label);
      gtk_widget_set_visible (arrow, FALSE);
      gtk_box_append (GTK_BOX (box), arrow);
      gtk_button_set_child (GTK_BUTTON (button), box);
      gtk_widget_add_css_class (button, "jln-grid-heading");
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_focus_on_click (button, FALSE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_SORT, GTK_ACCESSIBLE_SORT_NONE, -1);
      g_signal_connect (button, "clicked", G_CALLBACK (heading_clicked_cb), self);
      gtk_widget_set_parent (button, GTK_WIDGET (self));
      self->headings[i] = button;
      self->heading_labels[i] = label;
      self->heading_arrows[i] = arrow;
    }
}

/* The model */

static void
items_changed_cb (JlnActionGrid *self,
                  guint          position,
                  guint          removed,
                  guint          added)
{
  if (position + removed <= self->heights->len)
    {
      if (removed > 0)
        g_array_remove_range (self->heights, position, removed);
      if (added > 0)
        {
          g_array_set_size (self->heights, self->heights->len + added);
          memmove (&g_array_index (self->heights, guint16, position + added),
                   &g_array_index (self->heights, guint16, position),
                   (self->heights->len - position - added) * sizeof (guint16));
          memset (&g_array_index (self->heights, guint16, position), 0, added * sizeof (guint16));
        }
      sum_heights (self);
    }
  else
    {
      g_array_set_size (self->heights, get_n_rows (self));
      forget_heights (self);
    }
  /* The rows' height is the grid's natural height. */
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/**
 * jln_action_grid_set_model:
 * @model: (nullable): the rows, a #GListModel of #JlnRow, with the
 *   selected one
 */
void
jln_action_grid_set_model (JlnActionGrid      *self,
                           GtkSingleSelection *model)
{
  g_return_if_fail (JLN_IS_ACTION_GRID (self));
  g_return_if_fail (model == NULL || GTK_IS_SINGLE_SELECTION (model));

  if (self->model == model)
    return;
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_hash_table_remove_all (self->infos);
  g_ptr_array_set_size (self->shown, 0);
  self->cursor_widget = NULL;
  g_clear_object (&self->focus_row);
  for (guint i = 0; i < self->pool->len; i++)
    gtk_widget_set_focusable (g_ptr_array_index (self->pool, i), FALSE);
  g_set_object (&self->model, model);
  g_array_set_size (self->heights, get_n_rows (self));
  forget_heights (self);
  self->first_shown = 0;
  if (model != NULL)
    {
      g_signal_connect_swapped (model, "items-changed", G_CALLBACK (items_changed_cb), self);
      g_signal_connect_swapped (model, "notify::selected", G_CALLBACK (selection_changed_cb), self);
    }
  if (self->vadjustment != NULL)
    gtk_adjustment_set_value (self->vadjustment, 0);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/**
 * jln_action_grid_get_model:
 *
 * Returns: (transfer none) (nullable): the rows
 */
GtkSingleSelection *
jln_action_grid_get_model (JlnActionGrid *self)
{
  g_return_val_if_fail (JLN_IS_ACTION_GRID (self), NULL);
  return self->model;
}

static void
refill_all (JlnActionGrid *self)
{
  GHashTableIter iter;
  RowInfo *info;

  g_hash_table_iter_init (&iter, self->infos);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &info))
    fill_info (info);
  forget_heights (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
jln_action_grid_set_content_language (JlnActionGrid *self,
                                      JlnLang        lang)
{
  g_return_if_fail (JLN_IS_ACTION_GRID (self));

  if (self->content_language == lang)
    return;
  self->content_language = lang;
  refill_all (self);
}

void
jln_action_grid_set_today (JlnActionGrid *self,
                           JlnSemester    today)
{
  g_return_if_fail (JLN_IS_ACTION_GRID (self));

  if (self->today == today)
    return;
  self->today = today;
  refill_all (self);
}

void
jln_action_grid_set_column_title (JlnActionGrid   *self,
                                  JlnActionColumn  column,
                                  const char      *title)
{
  g_return_if_fail (JLN_IS_ACTION_GRID (self));
  g_return_if_fail (column < JLN_N_ACTION_COLUMNS);

  gtk_label_set_text (GTK_LABEL (self->heading_labels[column]), title);
}

void
jln_action_grid_set_column_width (JlnActionGrid   *self,
                                  JlnActionColumn  column,
                                  int              width)
{
  g_return_if_fail (JLN_IS_ACTION_GRID (self));
  g_return_if_fail (column < JLN_N_ACTION_COLUMNS);

  width = MAX (width, MIN_COLUMN_WIDTH);
  if (self->widths[column] == width)
    return;
  self->widths[column] = width;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

int
jln_action_grid_get_column_width (JlnActionGrid   *self,
                                  JlnActionColumn  column)
{
  g_return_val_if_fail (JLN_IS_ACTION_GRID (self), 0);
  g_return_val_if_fail (column < JLN_N_ACTION_COLUMNS, 0);

  return self->shown_widths[column] > 0 ? self->shown_widths[column] : self->widths[column];
}

/**
 * jln_action_grid_dup_column_widths:
 *
 * Returns: (transfer floating): the widths the columns were set to, as
 *   an `a{si}` by column name ("number", "title", "status",
 *   "completion", "due", "units")
 */
GVariant *
jln_action_grid_dup_column_widths (JlnActionGrid *self)
{
  GVariantBuilder builder;

  g_return_val_if_fail (JLN_IS_ACTION_GRID (self), NULL);

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{si}"));
  for (guint i = 0; i < JLN_N_ACTION_COLUMNS; i++)
    g_variant_builder_add (&builder, "{si}", column_ids[i], self->widths[i]);
  return g_variant_builder_end (&builder);
}

/**
 * jln_action_grid_set_column_widths:
 * @widths: an `a{si}` as jln_action_grid_dup_column_widths() returns
 *
 * Sets the widths of the columns @widths names. Unknown names and widths
 * that are negative or wider than any screen are ignored: @widths comes
 * from settings that anything may have written.
 */
void
jln_action_grid_set_column_widths (JlnActionGrid *self,
                                   GVariant      *widths)
{
  GVariantIter iter;
  const char *id;
  int width;

  g_return_if_fail (JLN_IS_ACTION_GRID (self));
  g_return_if_fail (widths != NULL && g_variant_is_of_type (widths, G_VARIANT_TYPE ("a{si}")));

  g_variant_iter_init (&iter, widths);
  while (g_variant_iter_next (&iter, "{&si}", &id, &width))
    {
      if (width < 0 || width > MAX_COLUMN_WIDTH)
        continue;
      for (guint i = 0; i < JLN_N_ACTION_COLUMNS; i++)
        if (g_str_equal (id, column_ids[i]))
          jln_action_grid_set_column_width (self, i, width);
    }
}

/**
 * jln_action_grid_sort_by_column:
 * @column: a #JlnActionColumn, or -1 for the plan's order
 *
 * Sorts by @column, as a click on its heading does, and says so with
 * #JlnActionGrid::sort-changed.
 */
void
jln_action_grid_sort_by_column (JlnActionGrid *self,
                                int            column,
                                GtkSortType    order)
{
  g_return_if_fail (JLN_IS_ACTION_GRID (self));
  g_return_if_fail (column >= -1 && column < JLN_N_ACTION_COLUMNS);

  self->sort_column = column;
  self->sort_order = order;
  update_heading_arrows (self);
  g_signal_emit (self, signals[SORT_CHANGED], 0);
}

int
jln_action_grid_get_sort_column (JlnActionGrid *self)
{
  g_return_val_if_fail (JLN_IS_ACTION_GRID (self), -1);
  return self->sort_column;
}

GtkSortType
jln_action_grid_get_sort_order (JlnActionGrid *self)
{
  g_return_val_if_fail (JLN_IS_ACTION_GRID (self), GTK_SORT_ASCENDING);
  return self->sort_order;
}

/* What is shown */

/**
 * jln_action_grid_dup_cell_text:
 *
 * Returns: (transfer full) (nullable): the text shown in a cell of a row
 *   on screen, as drawn (a dropped action's is struck through), or %NULL
 */
char *
jln_action_grid_dup_cell_text (JlnActionGrid   *self,
                               guint            position,
                               JlnActionColumn  column)
{
  RowInfo *info;

  g_return_val_if_fail (JLN_IS_ACTION_GRID (self), NULL);
  g_return_val_if_fail (column < JLN_N_ACTION_COLUMNS, NULL);

  info = shown_info (self, position);
  if (info == NULL || info->layouts[column] == NULL || info->serial != self->serial)
    return NULL;
  return g_strdup (pango_layout_get_text (info->layouts[column]));
}

/**
 * jln_action_grid_get_title_tag:
 *
 * Returns: (nullable): the tag drawn after the title of a row on screen
 *   whose title is the other language's
 */
const char *
jln_action_grid_get_title_tag (JlnActionGrid *self,
                               guint          position)
{
  RowInfo *info;

  g_return_val_if_fail (JLN_IS_ACTION_GRID (self), NULL);

  info = shown_info (self, position);
  return info != NULL ? info->tag : NULL;
}

/**
 * jln_action_grid_row_has_style:
 * @style_class: a class of ui/style.css, as jln-dropped or jln-overdue
 *
 * Whether a row on screen is drawn in the look of @style_class.
 */
gboolean
jln_action_grid_row_has_style (JlnActionGrid *self,
                               guint          position,
                               const char    *style_class)
{
  RowInfo *info;

  g_return_val_if_fail (JLN_IS_ACTION_GRID (self), FALSE);

  info = shown_info (self, position);
  if (info == NULL)
    return FALSE;
  if (g_str_equal (style_class, "jln-heading"))
    return info->heading;
  if (g_str_equal (style_class, "jln-overdue"))
    return info->overdue;
  return info->status >= 0 && g_str_equal (style_class, status_classes[info->status]);
}

gboolean
jln_action_grid_get_row_area (JlnActionGrid *self,
                              guint          position,
                              GdkRectangle   *area)
{
  RowInfo *info;

  g_return_val_if_fail (JLN_IS_ACTION_GRID (self), FALSE);

  info = shown_info (self, position);
  if (info == NULL)
    return FALSE;
  *area = (GdkRectangle) { screen_x (self, 0, self->content_width), info->y,
                           self->content_width, info->height };
  return TRUE;
}

gboolean
jln_action_grid_get_cell_area (JlnActionGrid   *self,
                               guint            position,
                               JlnActionColumn  column,
                               GdkRectangle    *area)
{
  RowInfo *info;

  g_return_val_if_fail (JLN_IS_ACTION_GRID (self), FALSE);
  g_return_val_if_fail (column < JLN_N_ACTION_COLUMNS, FALSE);

  info = shown_info (self, position);
  if (info == NULL)
    return FALSE;
  *area = (GdkRectangle) { screen_x (self, self->xs[column], self->shown_widths[column]), info->y,
                           self->shown_widths[column], info->height };
  return TRUE;
}

/**
 * jln_action_grid_get_cell_layout:
 *
 * Returns: (transfer none) (nullable): the text of a cell of a row on
 *   screen, as laid out and drawn
 */
PangoLayout *
jln_action_grid_get_cell_layout (JlnActionGrid   *self,
                                 guint            position,
                                 JlnActionColumn  column)
{
  RowInfo *info;

  g_return_val_if_fail (JLN_IS_ACTION_GRID (self), NULL);
  g_return_val_if_fail (column < JLN_N_ACTION_COLUMNS, NULL);

  info = shown_info (self, position);
  if (info == NULL || info->serial != self->serial)
    return NULL;
  return info->layouts[column];
}

gboolean
jln_action_grid_get_expander_area (JlnActionGrid *self,
                                   guint          position,
                                   GdkRectangle  *area)
{
  RowInfo *info;

  g_return_val_if_fail (JLN_IS_ACTION_GRID (self), FALSE);

  info = shown_info (self, position);
  if (info == NULL || !jln_row_get_expandable (info->row))
    return FALSE;
  *area = (GdkRectangle) {
    screen_x (self, self->xs[0] + self->padding.left + INDENT * jln_row_get_depth (info->row),
              ARROW_SIZE),
    info->y + (info->height - ARROW_SIZE) / 2, ARROW_SIZE, ARROW_SIZE
  };
  return TRUE;
}

/**
 * jln_action_grid_get_row_widget:
 *
 * Returns: (transfer none) (nullable): the widget that screen readers
 *   read for a row on screen
 */
GtkWidget *
jln_action_grid_get_row_widget (JlnActionGrid *self,
                                guint          position)
{
  RowInfo *info;

  g_return_val_if_fail (JLN_IS_ACTION_GRID (self), NULL);

  info = shown_info (self, position);
  return info != NULL ? ensure_widget (self, info) : NULL;
}

/**
 * jln_action_grid_find_shown:
 *
 * Returns: the position of the first row on screen whose cell of
 *   @column shows @text, or -1
 */
int
jln_action_grid_find_shown (JlnActionGrid   *self,
                            JlnActionColumn  column,
                            const char      *text)
{
  g_return_val_if_fail (JLN_IS_ACTION_GRID (self), -1);

  for (guint i = 0; i < self->shown->len; i++)
    {
      g_autofree char *shown = jln_action_grid_dup_cell_text (self, self->first_shown + i, column);

      if (g_strcmp0 (shown, text) == 0)
        return self->first_shown + i;
    }
  return -1;
}

/**
 * jln_action_grid_get_n_laid_out:
 *
 * How many times a row's texts were laid out since the grid was made.
 */
guint
jln_action_grid_get_n_laid_out (JlnActionGrid *self)
{
  g_return_val_if_fail (JLN_IS_ACTION_GRID (self), 0);
  return self->n_laid_out;
}

/* GtkScrollable */

static void
adjustment_value_changed_cb (JlnActionGrid *self)
{
  if (!self->allocating)
    gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
set_adjustment (JlnActionGrid  *self,
                GtkAdjustment **slot,
                GtkAdjustment  *adjustment)
{
  if (adjustment == NULL)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);
  if (*slot == adjustment)
    return;
  if (*slot != NULL)
    {
      g_signal_handlers_disconnect_by_data (*slot, self);
      g_object_unref (*slot);
    }
  *slot = g_object_ref_sink (adjustment);
  g_signal_connect_swapped (adjustment, "value-changed",
                            G_CALLBACK (adjustment_value_changed_cb), self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static gboolean
jln_action_grid_get_border (GtkScrollable *scrollable,
                            GtkBorder     *border)
{
  JlnActionGrid *self = JLN_ACTION_GRID (scrollable);

  /* The headings stay on top: the scrollbar starts under them. */
  border->top = self->header_height;
  return TRUE;
}

static void
jln_action_grid_scrollable_init (GtkScrollableInterface *iface)
{
  iface->get_border = jln_action_grid_get_border;
}

/* GObject */

static void
jln_action_grid_dispose (GObject *object)
{
  JlnActionGrid *self = JLN_ACTION_GRID (object);
  GtkWidget *child;

  g_clear_handle_id (&self->make_widgets_id, g_source_remove);
  g_clear_handle_id (&self->resize_id, g_source_remove);
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_clear_pointer (&self->infos, g_hash_table_unref);
  g_clear_object (&self->focus_row);
  g_clear_object (&self->model);
  if (self->hadjustment != NULL)
    g_signal_handlers_disconnect_by_data (self->hadjustment, self);
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_data (self->vadjustment, self);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);
  g_clear_pointer (&self->pool, g_ptr_array_unref);
  g_clear_pointer (&self->shown, g_ptr_array_unref);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  clear_looks (self);

  G_OBJECT_CLASS (jln_action_grid_parent_class)->dispose (object);
}

static void
jln_action_grid_finalize (GObject *object)
{
  JlnActionGrid *self = JLN_ACTION_GRID (object);

  g_array_unref (self->heights);

  G_OBJECT_CLASS (jln_action_grid_parent_class)->finalize (object);
}

static void
jln_action_grid_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  JlnActionGrid *self = JLN_ACTION_GRID (object);

  switch (prop_id)
    {
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
jln_action_grid_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  JlnActionGrid *self = JLN_ACTION_GRID (object);

  switch (prop_id)
    {
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
jln_action_grid_class_init (JlnActionGridClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jln_action_grid_dispose;
  object_class->finalize = jln_action_grid_finalize;
  object_class->get_property = jln_action_grid_get_property;
  object_class->set_property = jln_action_grid_set_property;

  widget_class->measure = jln_action_grid_measure;
  widget_class->size_allocate = jln_action_grid_size_allocate;
  widget_class->snapshot = jln_action_grid_snapshot;
  widget_class->css_changed = jln_action_grid_css_changed;
  widget_class->direction_changed = jln_action_grid_direction_changed;
  widget_class->query_tooltip = jln_action_grid_query_tooltip;
  widget_class->focus = jln_action_grid_focus;
  widget_class->grab_focus = jln_action_grid_grab_focus;

  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  /**
   * JlnActionGrid::activate:
   * @position: the row's
   *
   * A row was activated, by Enter or a double click.
   */
  signals[ACTIVATE] =
    g_signal_new ("activate", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
  /**
   * JlnActionGrid::menu-requested:
   * @position: the row's
   * @x: where, in the grid
   * @y: where, in the grid
   *
   * The row's menu was asked for by a right click.
   */
  signals[MENU_REQUESTED] =
    g_signal_new ("menu-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_UINT, G_TYPE_DOUBLE, G_TYPE_DOUBLE);
  /**
   * JlnActionGrid::sort-changed:
   *
   * The column to sort by, or its order, changed.
   */
  signals[SORT_CHANGED] =
    g_signal_new ("sort-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * JlnActionGrid::columns-resized:
   *
   * The user dragged the edge of a column's heading to another width;
   * emitted when the drag ends.
   */
  signals[COLUMNS_RESIZED] =
    g_signal_new ("columns-resized", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_TREE_GRID);
  gtk_widget_class_set_css_name (widget_class, "jln-action-grid");
}

static void
jln_action_grid_init (JlnActionGrid *self)
{
  GtkEventController *controller;
  GtkGesture *gesture;

  self->content_language = JLN_LANG_FR;
  self->today = jln_semester_today ();
  self->sort_column = -1;
  self->resizing = -1;
  self->serial = 1;
  self->heights = g_array_new (FALSE, TRUE, sizeof (guint16));
  self->infos = g_hash_table_new_full (NULL, NULL, NULL, row_info_free);
  self->shown = g_ptr_array_new ();
  self->pool = g_ptr_array_new ();
  self->widths[JLN_ACTION_COLUMN_NUMBER] = 80;
  self->widths[JLN_ACTION_COLUMN_TITLE] = 280;
  self->widths[JLN_ACTION_COLUMN_STATUS] = 110;
  self->widths[JLN_ACTION_COLUMN_COMPLETION] = 90;
  self->widths[JLN_ACTION_COLUMN_DUE] = 140;
  self->widths[JLN_ACTION_COLUMN_UNITS] = 120;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self), "view");

  make_headings (self);
  make_samples (self);
  set_adjustment (self, &self->hadjustment, NULL);
  set_adjustment (self, &self->vadjustment, NULL);

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_name (controller, "jln-grid-keys");
  g_signal_connect (controller, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  gesture = gtk_gesture_click_new ();
  gtk_event_controller_set_name (GTK_EVENT_CONTROLLER (gesture), "jln-grid-click");
  g_signal_connect (gesture, "pressed", G_CALLBACK (click_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  /* A right click opens the row's menu. */
  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_SECONDARY);
  gtk_event_controller_set_name (GTK_EVENT_CONTROLLER (gesture), "jln-row-menu");
  g_signal_connect (gesture, "pressed", G_CALLBACK (menu_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_drag_new ();
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (gesture), GTK_PHASE_CAPTURE);
  gtk_event_controller_set_name (GTK_EVENT_CONTROLLER (gesture), "jln-grid-resize");
  g_signal_connect (gesture, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (gesture, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect (gesture, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  /* The focus ring of the cursor's row comes and goes with the focus. */
  controller = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (controller, "enter", G_CALLBACK (gtk_widget_queue_draw), self);
  g_signal_connect_swapped (controller, "leave", G_CALLBACK (gtk_widget_queue_draw), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (controller, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

GtkWidget *
jln_action_grid_new (void)
{
  return g_object_new (JLN_TYPE_ACTION_GRID, NULL);
}
