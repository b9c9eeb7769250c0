/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include "jln-gettext.h"
#include <pango/pangocairo.h>

#include "jln-action-item.h"
#include "jln-milestone.h"
#include "jln-record-text.h"
#include "jln-timeline.h"
#include "jln-i18n.h"
#include "jln-semester-axis.h"
#include "jln-unit.h"

/* The semester timeline.
 *
 *   ┌──────────────┬────────────────────────────────────────┐
 *   │ corner       │ years · semesters · milestones, today  │  header
 *   ├──────────────┼────────────────────────────────────────┤
 *   │ 1. Heading   │                                        │
 *   │ 1.1 Action   │      ▆▆▆▆▆▆▆▆▆▆                        │  rows
 *   │   a. Item    │      ────                              │
 *   └──────────────┴────────────────────────────────────────┘
 *     labels          chart
 *
 * Rows are laid out once, whenever what is shown changes: an array of
 * records with, for each row, how many headings and sub-items come
 * before it. Every row of a kind has the same height, so a row's top is
 * computed from those counts in any style and mode, and the row at a
 * given height is found by bisection. Drawing reads the dates of the
 * rows it meets as they are now, and keeps the PangoLayouts of the texts
 * it drew.
 *
 * Words drawn in the picture (Today, the legend) follow the picture's
 * language, the content language, like the semesters of jln-semester.c:
 * a French plan is shown in French to a committee whatever the
 * language of the desktop that drew it. */

/* Lengths, in ems. */
#define LABEL_EM          27.0   /* the labels' column on screen */
#define LABEL_WRAP_EM     30.0   /* on paper, titles on two lines */
#define NUMBER_EM          3.6   /* an action's number, before its title */
#define ITEM_INDENT_EM     1.4
#define PAD_EM             0.6
#define GUTTER_EM          1.2   /* left of numbers, for the overdue mark */
#define YEAR_ROW_EM        1.8
#define SEMESTER_ROW_EM    1.7
#define MARK_ROW_EM        1.9
#define HEADING_EM         2.5
#define ACTION_EM          2.1
#define ACTION_WRAP_EM     3.1
#define ITEM_EM            1.55
#define BAR_EM             1.0
#define ITEM_BAR_EM        0.45
#define TITLE_EM           3.0
#define MIN_LABEL_EM      10.0   /* the narrowest title column */
#define BOTTOM_EM          1.0
#define MAX_CACHED_ROWS  4096
#define MAX_GROWN_ROWS   1000   /* on screen, rows measured to fit their titles */
#define MAX_SEARCHED_ROWS 2000  /* on paper, rows laid out at several title widths */
#define MAX_SEMESTERS     400

/* The width of a semester at each zoom: on screen, and at the least on
 * a page or a projector, where the columns fill the width. */
static const double semester_em[] = {
  [JLN_TIMELINE_ZOOM_QUARTER] = 16.0,
  [JLN_TIMELINE_ZOOM_SEMESTER] = 8.0,
  [JLN_TIMELINE_ZOOM_YEAR] = 3.6,
};
static const double min_semester_em[] = {
  [JLN_TIMELINE_ZOOM_QUARTER] = 6.0,
  [JLN_TIMELINE_ZOOM_SEMESTER] = 2.6,
  [JLN_TIMELINE_ZOOM_YEAR] = 1.6,
};

typedef enum
{
  WORD_TIMELINE,
  WORD_TODAY,
  WORD_CONTINUED,
  WORD_OVERDUE,
  WORD_MILESTONE,
  WORD_NEXT,
  WORD_AS_OF,
  WORD_FILTER,
  WORD_NO_ACTION,
  WORD_NO_DATE,
  N_WORDS
} Word;

/* Words drawn in the picture follow the plan's language (jln_translate). */
static const char * const words[N_WORDS] = {
  [WORD_TIMELINE] = N_("Timeline"),
  [WORD_TODAY] = N_("Today"),
  [WORD_CONTINUED] = N_("(continued)"),
  [WORD_OVERDUE] = N_("Overdue"),
  [WORD_MILESTONE] = N_("Milestone"),
  [WORD_NEXT] = N_("Next occurrence"),
  [WORD_AS_OF] = N_("As of"),
  [WORD_FILTER] = N_("Filter:"),
  [WORD_NO_ACTION] = N_("No action matches the filter"),
  [WORD_NO_DATE] = N_("no date"),
};

typedef struct
{
  JlnRecord *record;        /* owned */
  guint      n_headings;    /* heading rows before this one */
  guint      n_items;       /* sub-item rows before this one */
  guint      heading;       /* the row of this row's objective */
  guint      kind : 2;
} Row;

typedef enum
{
  MODE_VIEW,       /* on screen: the widget's wrap and fit */
  MODE_PICTURE,    /* the whole picture: SVG, PNG */
  MODE_PAGE,       /* pages: PDF, printing */
  MODE_LEGEND,     /* the legend alone, as in a picture, without the rows */
} Mode;

typedef struct
{
  double em;
  double label_w;
  double number_w;
  double semester_w;
  double year_h, semester_h, mark_h, header_h;
  double heading_h, action_h, item_h;
  gboolean wrap;
  gboolean grow;         /* rows grow to fit their titles */
  gboolean rows;         /* the rows are drawn, not only the legend */
  double heading_w;      /* the width headings wrap at, 0: one line */
  const double *tops;    /* with grow, where each row starts */
} Metrics;

typedef struct
{
  guint first;      /* rows [first, end) */
  guint end;
  int   continued;  /* the heading repeated at the top, or -1 */
} Page;

struct _JlnTimeline
{
  GObject               parent_instance;

  JlnPlan              *plan;
  JlnQuery             *query;
  JlnTimelineMatchFunc  match_func;
  gpointer              match_data;
  GDestroyNotify        match_destroy;
  JlnTimelineZoom       zoom;
  JlnTimelineStart      start;
  GDateTime            *today;
  JlnSemester           today_semester;
  int                   lang;          /* -1: the style's */
  JlnObjective         *objective;
  JlnRecord            *selected;
  gboolean              wrap;
  gboolean              fit;
  double                label_width;   /* the view's title column, 0: its own */
  double                view_width;    /* the view's last width */
  gboolean              all_items;     /* sub-items without a date too */
  JlnSemester           period_first;  /* NONE: from the start chosen */
  JlnSemester           period_last;   /* NONE: to the plan's end */

  /* The layout */
  gboolean              valid;
  GArray               *rows;          /* Row */
  guint                 n_actions;
  guint                 n_total;
  guint                 n_overdue;
  JlnSemester           first;
  JlnSemester           last;

  /* Pages, for the last size asked */
  GArray               *pages;         /* Page */
  guint                 n_columns;     /* pages across */
  guint                 page_semesters;
  double                page_semester_w;
  double                page_width;
  double                page_height;
  double                page_em;
  double                page_label_w;  /* wider titles, for rows a page cannot hold */

  /* Texts */
  PangoContext         *context;
  GHashTable           *row_layouts;   /* row → PangoLayout */
  GHashTable           *layouts;       /* "font|width|text" → PangoLayout */
  double                cache_em;
  double                cache_label_w;
  char                 *cache_family;
  JlnLang               cache_lang;
  gboolean              cache_wrap;

  /* Tops of rows whose titles wrap on as many lines as they need, for
   * the label width and heading width they were measured at. */
  GArray               *tops;          /* double, one more than rows */
  gboolean              tops_valid;
  double                tops_label_w;
  double                tops_heading_w;
};

static void jln_timeline_picture_init (JlnPictureInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (JlnTimeline, jln_timeline, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (JLN_TYPE_PICTURE, jln_timeline_picture_init))

/* --- Records --------------------------------------------------------------- */

/* Where a record's bar goes, and how it looks. */
typedef struct
{
  JlnSemester start;      /* inclusive; NONE: no bar */
  JlnSemester end;
  JlnSemester next;       /* a yearly action's next date, or NONE */
  JlnStatus   status;
  gboolean    overdue;
  gboolean    item;
} Bar;

static JlnLang
get_lang (JlnTimeline          *self,
          const JlnRenderStyle *style)
{
  return self->lang >= 0 ? (JlnLang) self->lang : jln_render_style_get_lang (style);
}

static const char *
word (JlnLang lang,
      Word    w)
{
  return jln_translate (lang, words[w]);
}

static const char *
status_word (JlnLang   lang,
             JlnStatus status)
{
  if (status > JLN_STATUS_DROPPED)
    status = JLN_STATUS_PLANNED;
  return jln_status_get_label_in (status, lang);
}

static const char *
text_or_empty (const JlnText *text,
               JlnLang        lang)
{
  const char *s = text != NULL ? jln_text_get_fallback (text, lang, NULL) : NULL;

  return s != NULL ? s : "";
}

static void
compute_bar (JlnTimeline *self,
             JlnRecord   *record,
             Bar         *bar)
{
  const JlnCompletion *completion;
  JlnSemester due, start = JLN_SEMESTER_NONE;

  memset (bar, 0, sizeof *bar);
  if (!jln_record_get_status (record, &bar->status))
    return;
  completion = jln_record_get_completion (record);
  due = jln_record_get_due (record);
  if (JLN_IS_ACTION (record))
    {
      JlnAction *action = JLN_ACTION (record);

      start = jln_action_get_start (action);
      if (jln_action_get_recurrence (action) != JLN_RECURRENCE_NONE)
        bar->next = jln_action_get_next (action);
    }
  else
    {
      /* A sub-item starts with its action. */
      bar->item = TRUE;
      start = jln_record_get_start (jln_record_get_parent (record));
    }

  /* From the action's start, or the plan's, to its planned semester; a
   * done action ends when it was done, and one done before the plan
   * began is shown when it was done. */
  if (start == JLN_SEMESTER_NONE)
    start = jln_plan_get_start (self->plan);
  if (jln_status_is_done (bar->status) && jln_completion_is_set (completion))
    {
      bar->end = jln_completion_get_last (completion);
      bar->start = start != JLN_SEMESTER_NONE && start <= bar->end
                   ? MIN (start, jln_completion_get_first (completion))
                   : jln_completion_get_first (completion);
    }
  else if (due != JLN_SEMESTER_NONE)
    {
      bar->end = due;
      bar->start = start != JLN_SEMESTER_NONE && start <= due ? start : due;
    }
  else if (jln_completion_is_set (completion))
    {
      bar->start = jln_completion_get_first (completion);
      bar->end = jln_completion_get_last (completion);
    }
  bar->overdue = jln_semester_is_overdue (due, bar->status, self->today_semester);
}

static gboolean
item_has_date (JlnActionItem *item)
{
  return jln_action_item_get_due (item) != JLN_SEMESTER_NONE ||
         jln_completion_is_set (jln_action_item_get_completion (item));
}

static gboolean
matches (JlnTimeline *self,
         JlnAction   *action)
{
  if (self->match_func != NULL)
    return self->match_func (action, self->match_data);
  if (self->query != NULL)
    return jln_query_match (self->query, action, self->today_semester);
  return TRUE;
}

/* Parses "2022", "2022-03" or "2022-03-15" into a fraction of semesters
 * since the year 0, as semesters are counted. */
static gboolean
date_to_semesters (const char *date,
                   double     *value)
{
  int year, month, day;

  if (!jln_date_parse (date, &year, &month, &day) ||
      year < JLN_SEMESTER_MIN_YEAR || year > JLN_SEMESTER_MAX_YEAR)
    return FALSE;
  /* A year alone stands at its middle, a month at its middle. */
  if (month == 0)
    {
      month = 7;
      day = 1;
    }
  else if (day == 0)
    day = 15;
  *value = year * 2 + ((month - 1) + (day - 1) / 31.0) / 6.0;
  return TRUE;
}

/* --- Layout ---------------------------------------------------------------- */

static void
clear_rows (JlnTimeline *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    g_object_unref (g_array_index (self->rows, Row, i).record);
  g_array_set_size (self->rows, 0);
}

static void
clear_text_caches (JlnTimeline *self)
{
  g_hash_table_remove_all (self->row_layouts);
  self->tops_valid = FALSE;
  g_hash_table_remove_all (self->layouts);
}

static void
add_row (JlnTimeline        *self,
         JlnRecord          *record,
         JlnTimelineRowKind  kind,
         guint              *n_headings,
         guint              *n_items,
         guint               heading)
{
  Row row = {
    .record = g_object_ref (record),
    .n_headings = *n_headings,
    .n_items = *n_items,
    .heading = heading,
    .kind = kind,
  };

  g_array_append_val (self->rows, row);
  if (kind == JLN_TIMELINE_ROW_HEADING)
    (*n_headings)++;
  else if (kind == JLN_TIMELINE_ROW_ITEM)
    (*n_items)++;
}

static void
extend_range (JlnSemester *first,
              JlnSemester *last,
              JlnSemester  start,
              JlnSemester  end)
{
  if (start == JLN_SEMESTER_NONE)
    return;
  if (*first == JLN_SEMESTER_NONE || start < *first)
    *first = start;
  if (*last == JLN_SEMESTER_NONE || end > *last)
    *last = end;
}

static void
ensure_layout (JlnTimeline *self)
{
  GListModel *objectives;
  guint n_objectives, n_headings = 0, n_items = 0;
  JlnSemester earliest = JLN_SEMESTER_NONE, latest = JLN_SEMESTER_NONE;
  JlnSemester plan_start, plan_end;

  if (self->valid)
    return;
  self->valid = TRUE;

  clear_rows (self);
  clear_text_caches (self);
  g_clear_pointer (&self->pages, g_array_unref);
  self->n_actions = self->n_total = self->n_overdue = 0;

  objectives = jln_plan_get_objectives (self->plan);
  n_objectives = g_list_model_get_n_items (objectives);
  for (guint o = 0; o < n_objectives; o++)
    {
      g_autoptr(JlnObjective) objective = g_list_model_get_item (objectives, o);
      GListModel *actions = jln_objective_get_actions (objective);
      guint n_actions = g_list_model_get_n_items (actions);
      gboolean shown = self->objective == NULL || self->objective == objective;
      guint heading = self->rows->len;
      gboolean has_heading = FALSE;

      for (guint a = 0; a < n_actions; a++)
        {
          g_autoptr(JlnAction) action = g_list_model_get_item (actions, a);
          GListModel *items;
          guint n;
          Bar bar;

          self->n_total++;
          if (!matches (self, action))
            continue;

          compute_bar (self, JLN_RECORD (action), &bar);
          extend_range (&earliest, &latest, bar.start, bar.end);
          extend_range (&earliest, &latest, bar.next, bar.next);

          if (!shown)
            continue;
          if (!has_heading)
            {
              add_row (self, JLN_RECORD (objective), JLN_TIMELINE_ROW_HEADING,
                       &n_headings, &n_items, heading);
              has_heading = TRUE;
            }
          self->n_actions++;
          if (bar.overdue)
            self->n_overdue++;
          add_row (self, JLN_RECORD (action), JLN_TIMELINE_ROW_ACTION,
                   &n_headings, &n_items, heading);

          /* Most actions have no sub-items: no empty list is made for them. */
          n = _jln_action_get_n_items (action);
          items = n > 0 ? jln_action_get_items (action) : NULL;
          for (guint i = 0; i < n; i++)
            {
              g_autoptr(JlnActionItem) item = g_list_model_get_item (items, i);

              if (!self->all_items && !item_has_date (item))
                continue;
              compute_bar (self, JLN_RECORD (item), &bar);
              extend_range (&earliest, &latest, bar.start, bar.end);
              add_row (self, JLN_RECORD (item), JLN_TIMELINE_ROW_ITEM,
                       &n_headings, &n_items, heading);
            }
        }
    }

  /* The semesters shown: from the chosen start to the last of the plan,
   * its actions and today, so that the today line is always there. */
  plan_start = jln_plan_get_start (self->plan);
  plan_end = jln_plan_get_end (self->plan);
  switch (self->start)
    {
    case JLN_TIMELINE_START_CURRENT:
      self->first = self->today_semester;
      break;
    case JLN_TIMELINE_START_EARLIEST:
      self->first = earliest != JLN_SEMESTER_NONE ? earliest : plan_start;
      break;
    case JLN_TIMELINE_START_PLAN:
    default:
      self->first = plan_start != JLN_SEMESTER_NONE ? plan_start : earliest;
      break;
    }
  if (self->first == JLN_SEMESTER_NONE)
    self->first = self->today_semester;
  self->last = MAX (self->today_semester, MAX (plan_end, latest));
  /* A period chosen is shown as it is, whatever the actions' dates. */
  if (self->period_first != JLN_SEMESTER_NONE)
    self->first = self->period_first;
  if (self->period_last != JLN_SEMESTER_NONE)
    self->last = self->period_last;
  if (self->last < self->first + 1)
    self->last = self->first + 1;
  if (self->last - self->first >= MAX_SEMESTERS)
    self->last = self->first + MAX_SEMESTERS - 1;
}

static guint
n_semesters (JlnTimeline *self)
{
  return self->last - self->first + 1;
}

static const Row *
get_row (JlnTimeline *self,
         guint        i)
{
  return &g_array_index (self->rows, Row, i);
}

/* --- Metrics --------------------------------------------------------------- */

static void ensure_tops (JlnTimeline          *self,
                         const JlnRenderStyle *style,
                         Metrics              *m);

/* The widest title column of a page @width wide that leaves every
 * semester at least its narrowest width, so that the whole period is on
 * each page; but never narrower than the narrowest title column. */
static double
page_label_cap (JlnTimeline *self,
                double       width,
                double       em)
{
  return MAX (round (MIN_LABEL_EM * em),
              floor (width - n_semesters (self) * min_semester_em[self->zoom] * em));
}

static void
metrics_init (JlnTimeline          *self,
              const JlnRenderStyle *style,
              Mode                  mode,
              double                width,
              Metrics              *m)
{
  double em = jln_render_style_get_em (style);
  gboolean fit = mode == MODE_PAGE || (mode == MODE_VIEW && self->fit);
  double chart_w;

  /* Hit-testing asks without a width: the view's is the last drawn. */
  if (mode == MODE_VIEW && width > 0)
    self->view_width = width;
  else if (mode == MODE_VIEW)
    width = self->view_width;

  m->em = em;
  m->wrap = mode != MODE_VIEW || self->wrap;
  m->heading_w = 0;
  m->tops = NULL;
  m->number_w = NUMBER_EM * em;
  if (mode == MODE_PICTURE || mode == MODE_LEGEND)
    m->label_w = LABEL_WRAP_EM * em;
  else if (mode == MODE_VIEW && self->label_width > 0)
    m->label_w = MAX (self->label_width, MIN_LABEL_EM * em);
  else
    m->label_w = MIN ((mode == MODE_PAGE ? LABEL_WRAP_EM : LABEL_EM) * em, MAX (width, 1) * (mode == MODE_PAGE ? 0.34 : 0.4));
  m->label_w = round (m->label_w);
  m->year_h = round (YEAR_ROW_EM * em);
  m->semester_h = round (SEMESTER_ROW_EM * em);
  m->mark_h = round (MARK_ROW_EM * em);
  m->header_h = m->year_h + m->semester_h + m->mark_h;
  m->heading_h = round (HEADING_EM * em);
  m->action_h = round ((mode != MODE_VIEW ? ACTION_WRAP_EM : ACTION_EM) * em);
  m->item_h = round (ITEM_EM * em);

  ensure_layout (self);
  /* Titles are never cut on paper: a row grows to as many lines as its
   * title needs. On screen too where the view wraps, unless measuring
   * every title would make the plan slow to show. */
  m->grow = mode == MODE_PAGE || mode == MODE_PICTURE ||
            (mode == MODE_VIEW && self->wrap && width > 0 && self->rows->len <= MAX_GROWN_ROWS);
  /* On paper and projectors, the titles take the room the semesters do
   * not need at their usual width, up to half the page: on A3 or a wide
   * screen a title is then shown whole rather than cut after two lines. */
  if (mode == MODE_PAGE && width > 0)
    {
      double room = width - n_semesters (self) * 0.75 * semester_em[self->zoom] * em;

      m->label_w = round (MAX (m->label_w, MIN (width * 0.45, room)));
      /* Never so wide that the semesters would go on across pages: a
       * long title wraps on more lines instead. */
      m->label_w = MIN (m->label_w, page_label_cap (self, width, em));
    }
  /* Unless a row could not be held by a page at all. */
  if (mode == MODE_PAGE && width > 0 && width == self->page_width)
    m->label_w = MAX (m->label_w, self->page_label_w);
  /* On paper and projectors the semesters fill the width; on screen
   * they are at least as wide as the zoom has them, and fill the width
   * when that leaves room. */
  m->semester_w = semester_em[self->zoom] * em;
  chart_w = width - m->label_w;
  if (fit && chart_w > 0)
    m->semester_w = MAX (min_semester_em[self->zoom] * em, chart_w / n_semesters (self));
  else if (mode == MODE_VIEW && chart_w > 0)
    m->semester_w = MAX (m->semester_w, floor (chart_w / n_semesters (self)));

  /* Exports never lose words: headings run over the width of the page
   * or picture and wrap there; on screen they keep to one line, so that
   * the rows do not move when the window is resized. */
  if (mode == MODE_PAGE)
    m->heading_w = width;
  else if (mode == MODE_PICTURE)
    m->heading_w = m->label_w + n_semesters (self) * m->semester_w;
  m->rows = mode != MODE_LEGEND;
  if (m->grow && m->rows)
    ensure_tops (self, style, m);
}

static double
kind_height (const Metrics *m,
             guint          kind)
{
  switch (kind)
    {
    case JLN_TIMELINE_ROW_HEADING: return m->heading_h;
    case JLN_TIMELINE_ROW_ITEM: return m->item_h;
    case JLN_TIMELINE_ROW_ACTION:
    default: return m->action_h;
    }
}

static double
row_top (JlnTimeline   *self,
         const Metrics *m,
         guint          i)
{
  const Row *row;
  guint n_actions;

  if (m->tops != NULL)
    return m->tops[MIN (i, self->rows->len)];
  if (i >= self->rows->len)
    {
      if (self->rows->len == 0)
        return 0;
      row = get_row (self, self->rows->len - 1);
      return row_top (self, m, self->rows->len - 1) + kind_height (m, row->kind);
    }
  row = get_row (self, i);
  n_actions = i - row->n_headings - row->n_items;
  return row->n_headings * m->heading_h + n_actions * m->action_h + row->n_items * m->item_h;
}

static double
row_height (JlnTimeline   *self,
            const Metrics *m,
            guint          i)
{
  if (m->tops != NULL)
    return m->tops[i + 1] - m->tops[i];
  return kind_height (m, get_row (self, i)->kind);
}

static double
rows_height (JlnTimeline   *self,
             const Metrics *m)
{
  return row_top (self, m, self->rows->len);
}

/* The last row whose top is at or above y, or 0. */
static guint
row_at_y (JlnTimeline   *self,
          const Metrics *m,
          double         y)
{
  guint lo = 0, hi = self->rows->len;

  while (hi - lo > 1)
    {
      guint mid = lo + (hi - lo) / 2;

      if (row_top (self, m, mid) <= y)
        lo = mid;
      else
        hi = mid;
    }
  return lo;
}

static void
get_axis (JlnTimeline     *self,
          const Metrics   *m,
          JlnSemesterAxis *axis)
{
  jln_semester_axis_init (axis, self->first, self->last, 0, m->semester_w);
}

static double
semester_x (JlnTimeline   *self,
            const Metrics *m,
            JlnSemester    semester)
{
  JlnSemesterAxis axis;

  get_axis (self, m, &axis);
  return jln_semester_axis_get_x (&axis, semester);
}

static double
fraction_x (JlnTimeline   *self,
            const Metrics *m,
            double         semesters)
{
  JlnSemesterAxis axis;

  get_axis (self, m, &axis);
  return jln_semester_axis_get_fraction_x (&axis, semesters);
}

static double
today_x (JlnTimeline   *self,
         const Metrics *m)
{
  g_autofree char *date = g_date_time_format (self->today, "%Y-%m-%d");
  double value;

  if (!date_to_semesters (date, &value))
    return semester_x (self, m, self->today_semester);
  return fraction_x (self, m, value);
}

/* --- Text ------------------------------------------------------------------ */

static void
check_caches (JlnTimeline          *self,
              const JlnRenderStyle *style,
              const Metrics        *m,
              JlnLang               lang)
{
  const char *family = jln_render_style_get_font_family (style);

  if (self->context == NULL)
    {
      cairo_font_options_t *options = cairo_font_options_create ();

      self->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
      /* The same metrics on screen, in PDF and in PNG. */
      cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
      cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
      pango_cairo_context_set_font_options (self->context, options);
      pango_context_set_round_glyph_positions (self->context, FALSE);
      cairo_font_options_destroy (options);
    }

  /* The rows' labels are as wide as their column; other texts are not. */
  if (m->rows && (self->cache_label_w != m->label_w || self->cache_wrap != m->grow))
    {
      g_hash_table_remove_all (self->row_layouts);
      self->tops_valid = FALSE;
      self->cache_label_w = m->label_w;
      self->cache_wrap = m->grow;
    }
  if (self->cache_em == m->em && self->cache_lang == lang &&
      g_strcmp0 (self->cache_family, family) == 0)
    return;

  clear_text_caches (self);
  self->cache_em = m->em;
  self->cache_lang = lang;
  g_free (self->cache_family);
  self->cache_family = g_strdup (family);
  pango_context_set_language (self->context,
                              pango_language_from_string (lang == JLN_LANG_FR ? "fr" : "en"));
}

static PangoLayout *
new_layout (JlnTimeline                *self,
            const PangoFontDescription *font,
            const char                 *text,
            double                      width,
            int                         lines)
{
  PangoLayout *layout = pango_layout_new (self->context);

  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      /* No limit: as many lines as the text needs. */
      pango_layout_set_ellipsize (layout, lines > 0 ? PANGO_ELLIPSIZE_END : PANGO_ELLIPSIZE_NONE);
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_height (layout, lines > 1 ? -lines : -1);
    }
  return layout;
}

/* A layout of a short text, kept: header labels, milestones, words. */
static PangoLayout *
get_text (JlnTimeline          *self,
          const JlnRenderStyle *style,
          JlnRenderFont         font,
          const char           *text,
          double                width)
{
  g_autofree char *key = g_strdup_printf ("%d|%.1f|%s", font, width, text);
  PangoLayout *layout = g_hash_table_lookup (self->layouts, key);

  if (layout == NULL)
    {
      layout = new_layout (self, jln_render_style_get_font (style, font), text, width, 1);
      g_hash_table_insert (self->layouts, g_steal_pointer (&key), layout);
    }
  return layout;
}

static void
text_size (PangoLayout *layout,
           double      *width,
           double      *height)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  if (width != NULL)
    *width = logical.width / (double) PANGO_SCALE;
  if (height != NULL)
    *height = logical.height / (double) PANGO_SCALE;
}

static void
show_text (cairo_t     *cr,
           PangoLayout *layout,
           double       x,
           double       y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  /* No current point left for the next arc to join. */
  cairo_new_path (cr);
}

static char *
dup_heading_text (JlnObjective *objective,
                  JlnLang       lang)
{
  const char *number = jln_objective_get_number (objective);
  const char *title = text_or_empty (jln_objective_get_title (objective), lang);
  g_autofree char *isolated_number = NULL;
  g_autofree char *isolated_title = NULL;

  if (number == NULL || number[0] == '\0')
    return g_strdup (title);
  /* Plan text cannot reorder what is composed around it. */
  isolated_number = jln_text_isolate (number);
  isolated_title = jln_text_isolate (title);
  return g_strdup_printf ("%s. %s", isolated_number, isolated_title);
}

/* The label of an action or sub-item: its number, a tab, its title. */
static PangoLayout *
get_row_layout (JlnTimeline          *self,
                const JlnRenderStyle *style,
                const Metrics        *m,
                JlnLang               lang,
                guint                 i)
{
  const Row *row = get_row (self, i);
  PangoLayout *layout = g_hash_table_lookup (self->row_layouts, GUINT_TO_POINTER (i));
  g_autoptr(PangoAttrList) attrs = NULL;
  g_autoptr(PangoTabArray) tabs = NULL;
  g_autofree char *text = NULL;
  g_autofree char *number = NULL;
  g_autofree char *title = NULL;
  JlnStatus status = JLN_STATUS_PLANNED;
  double indent, width;
  gsize number_len;

  if (layout != NULL)
    return layout;
  if (g_hash_table_size (self->row_layouts) >= MAX_CACHED_ROWS)
    g_hash_table_remove_all (self->row_layouts);

  if (row->kind == JLN_TIMELINE_ROW_HEADING)
    {
      text = dup_heading_text (JLN_OBJECTIVE (row->record), lang);
      layout = new_layout (self, jln_render_style_get_font (style, JLN_RENDER_FONT_HEADING),
                           text, 0, 1);
      g_hash_table_insert (self->row_layouts, GUINT_TO_POINTER (i), layout);
      return layout;
    }

  if (row->kind == JLN_TIMELINE_ROW_ACTION)
    {
      JlnAction *action = JLN_ACTION (row->record);

      /* Plan text cannot reorder what is composed around it. */
      number = jln_text_isolate (jln_action_get_number (action));
      title = jln_text_isolate (text_or_empty (jln_action_get_title (action), lang));
      status = jln_action_get_status (action);
      text = g_strdup_printf ("%s\t%s", number, title);
      number_len = strlen (number);
      indent = 0;
    }
  else
    {
      JlnActionItem *item = JLN_ACTION_ITEM (row->record);

      number = jln_text_isolate (jln_action_item_get_label (item));
      title = jln_text_isolate (text_or_empty (jln_action_item_get_title (item), lang));
      status = jln_action_item_get_status (item);
      text = g_strdup_printf ("%s.\t%s", number, title);
      number_len = strlen (number) + 1;
      indent = m->number_w;
    }

  width = m->label_w - indent - (GUTTER_EM + PAD_EM) * m->em;
  layout = new_layout (self,
                       jln_render_style_get_font (style, row->kind == JLN_TIMELINE_ROW_ITEM
                                                         ? JLN_RENDER_FONT_SMALL
                                                         : JLN_RENDER_FONT_BODY),
                       text, width,
                       m->grow ? 0 : 1);

  /* Titles line up after the numbers, on every line. */
  tabs = pango_tab_array_new_with_positions (1, TRUE, PANGO_TAB_LEFT,
                                             (int) (row->kind == JLN_TIMELINE_ROW_ITEM
                                                    ? 1.6 * m->em : m->number_w));
  pango_layout_set_tabs (layout, tabs);
  if (row->kind == JLN_TIMELINE_ROW_ACTION)
    pango_layout_set_indent (layout, (int) (-m->number_w * PANGO_SCALE));

  attrs = pango_attr_list_new ();
  if (row->kind == JLN_TIMELINE_ROW_ACTION)
    {
      PangoAttribute *bold = pango_attr_weight_new (PANGO_WEIGHT_BOLD);

      bold->start_index = 0;
      bold->end_index = number_len;
      pango_attr_list_insert (attrs, bold);
    }
  if (status == JLN_STATUS_REVISED || status == JLN_STATUS_SUPERSEDED)
    pango_attr_list_insert (attrs, pango_attr_style_new (PANGO_STYLE_ITALIC));
  if (status == JLN_STATUS_DROPPED)
    {
      PangoAttribute *strike = pango_attr_strikethrough_new (TRUE);

      strike->start_index = number_len + 1;
      pango_attr_list_insert (attrs, strike);
    }
  pango_layout_set_attributes (layout, attrs);

  g_hash_table_insert (self->row_layouts, GUINT_TO_POINTER (i), layout);
  return layout;
}

/* A heading's layout, on one line cut at @width, or wrapped at it. */
static PangoLayout *
get_heading_layout (JlnTimeline          *self,
                    const JlnRenderStyle *style,
                    const Metrics        *m,
                    JlnLang               lang,
                    guint                 i,
                    double                width,
                    gboolean              wrap)
{
  PangoLayout *layout = get_row_layout (self, style, m, lang, i);

  pango_layout_set_width (layout, (int) (MAX (1, width) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_ellipsize (layout, wrap ? PANGO_ELLIPSIZE_NONE : PANGO_ELLIPSIZE_END);
  pango_layout_set_height (layout, -1);
  return layout;
}

/* With rows that grow, each is as tall as its kind has it, or as its
 * title needs with some room above and below. */
static void
ensure_tops (JlnTimeline          *self,
             const JlnRenderStyle *style,
             Metrics              *m)
{
  JlnLang lang = get_lang (self, style);
  double top = 0;

  check_caches (self, style, m, lang);
  if (self->tops_valid && self->tops_label_w == m->label_w && self->tops_heading_w == m->heading_w &&
      self->tops->len == self->rows->len + 1)
    {
      m->tops = (const double *) (gpointer) self->tops->data;
      return;
    }

  g_array_set_size (self->tops, 0);
  for (guint i = 0; i < self->rows->len; i++)
    {
      const Row *row = get_row (self, i);
      double h = kind_height (m, row->kind);
      double th, pad;
      PangoLayout *layout;

      if (row->kind == JLN_TIMELINE_ROW_HEADING)
        {
          if (m->heading_w > 0)
            {
              layout = get_heading_layout (self, style, m, lang, i, m->heading_w - 2 * PAD_EM * m->em, TRUE);
              text_size (layout, NULL, &th);
              h = MAX (h, round (th + 1.0 * m->em));
            }
        }
      else
        {
          layout = get_row_layout (self, style, m, lang, i);
          text_size (layout, NULL, &th);
          pad = row->kind == JLN_TIMELINE_ROW_ITEM ? 0.4 : 0.6;
          h = MAX (h, round (th + pad * m->em));
        }
      g_array_append_val (self->tops, top);
      top += h;
    }
  g_array_append_val (self->tops, top);
  self->tops_valid = TRUE;
  self->tops_label_w = m->label_w;
  self->tops_heading_w = m->heading_w;
  m->tops = (const double *) (gpointer) self->tops->data;
}

/* --- Drawing --------------------------------------------------------------- */

typedef struct
{
  JlnTimeline          *self;
  const JlnRenderStyle *style;
  cairo_t              *cr;
  Metrics               m;
  JlnLang               lang;
  double                chart_x;    /* where the first semester starts, in cr's x */
  double                clip_x0;    /* the chart's visible part, in cr's x */
  double                clip_x1;
  double                today_x;    /* in chart coordinates */
} Draw;

static double
line_width (const Draw *d,
            double      ems)
{
  return MAX (1.0, round (ems * d->m.em * 2) / 2);
}

static void
rounded_rectangle (cairo_t *cr,
                   double   x,
                   double   y,
                   double   width,
                   double   height,
                   double   radius)
{
  radius = MIN (radius, MIN (width, height) / 2);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + width - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + width - radius, y + height - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + height - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

/* Diagonal lines, for revised actions and for the time an overdue
 * action has overrun: drawn only where the chart is visible, and placed
 * on the chart so that they keep their place as it scrolls. */
static void
hatch (const Draw     *d,
       double          x,
       double          y,
       double          width,
       double          height,
       JlnRenderColor  color,
       double          alpha)
{
  cairo_t *cr = d->cr;
  double step = MAX (3.0, round (0.45 * d->m.em));
  double from = MAX (x, d->clip_x0) - height, to = MIN (x + width, d->clip_x1);
  double s;

  if (to <= from)
    return;
  cairo_save (cr);
  cairo_rectangle (cr, x, y, width, height);
  cairo_clip (cr);
  s = d->chart_x + floor ((from - d->chart_x) / step) * step;
  for (; s < to; s += step)
    {
      cairo_move_to (cr, s, y + height);
      cairo_line_to (cr, s + height, y);
    }
  cairo_set_line_width (cr, MAX (1.0, 0.1 * d->m.em));
  jln_render_style_set_source_alpha (d->style, cr, color, alpha);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* A white "!" in a red disc: overdue, without relying on colour. */
static void
draw_overdue_mark (const Draw *d,
                   double      cx,
                   double      cy,
                   double      radius)
{
  cairo_t *cr = d->cr;

  cairo_new_path (cr);
  cairo_arc (cr, cx, cy, radius, 0, 2 * G_PI);
  jln_render_style_set_source (d->style, cr, JLN_RENDER_COLOR_OVERDUE);
  cairo_fill_preserve (cr);
  jln_render_style_set_source (d->style, cr, JLN_RENDER_COLOR_BACKGROUND);
  cairo_set_line_width (cr, MAX (1.0, radius * 0.18));
  cairo_stroke (cr);
  cairo_rectangle (cr, cx - radius * 0.13, cy - radius * 0.62, radius * 0.26, radius * 0.78);
  cairo_new_sub_path (cr);
  cairo_arc (cr, cx, cy + radius * 0.45, radius * 0.15, 0, 2 * G_PI);
  cairo_fill (cr);
}

static void
draw_check_mark (const Draw     *d,
                 double          cx,
                 double          cy,
                 double          size,
                 JlnRenderColor  color)
{
  cairo_t *cr = d->cr;

  cairo_move_to (cr, cx - size * 0.45, cy + size * 0.02);
  cairo_line_to (cr, cx - size * 0.12, cy + size * 0.35);
  cairo_line_to (cr, cx + size * 0.48, cy - size * 0.35);
  cairo_set_line_width (cr, MAX (1.2, size * 0.2));
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  jln_render_style_set_source (d->style, cr, color);
  cairo_stroke (cr);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
}

/* A ring with an arrowhead: the next date of a yearly action. */
static void
draw_next_mark (const Draw *d,
                double      cx,
                double      cy,
                double      radius)
{
  cairo_t *cr = d->cr;

  cairo_new_path (cr);
  cairo_arc (cr, cx, cy, radius, -G_PI * 0.35, G_PI * 1.45);
  cairo_set_line_width (cr, MAX (1.5, radius * 0.35));
  jln_render_style_set_source (d->style, cr, JLN_RENDER_COLOR_ACCENT);
  cairo_stroke (cr);
  cairo_move_to (cr, cx + radius * 0.45, cy - radius * 1.45);
  cairo_line_to (cr, cx + radius * 1.25, cy - radius * 0.75);
  cairo_line_to (cr, cx + radius * 0.2, cy - radius * 0.35);
  cairo_close_path (cr);
  cairo_fill (cr);
}

/* A bar's look for its status. In progress is the accent and planned an
 * outline: the status colours of the list are white for both, like the
 * rows of the plans, which a bar cannot be. */
static void
draw_bar_shape (const Draw *d,
                JlnStatus   status,
                gboolean    overdue,
                double      x,
                double      y,
                double      width,
                double      height,
                gboolean    thin)
{
  cairo_t *cr = d->cr;
  const JlnRenderStyle *style = d->style;
  JlnRenderColor color = jln_render_color_for_status (status);
  double radius = thin ? height / 2 : MIN (height / 2, 0.3 * d->m.em);
  double lw = line_width (d, thin ? 0.08 : 0.11);

  rounded_rectangle (cr, x, y, width, height, radius);
  switch (status)
    {
    case JLN_STATUS_IN_PROGRESS:
      jln_render_style_set_source (style, cr, JLN_RENDER_COLOR_ACCENT);
      cairo_fill (cr);
      break;
    case JLN_STATUS_PLANNED:
      jln_render_style_set_source (style, cr, JLN_RENDER_COLOR_BACKGROUND);
      cairo_fill_preserve (cr);
      jln_render_style_set_source_alpha (style, cr, JLN_RENDER_COLOR_ACCENT, 0.18);
      cairo_fill_preserve (cr);
      cairo_set_line_width (cr, lw);
      jln_render_style_set_source (style, cr, JLN_RENDER_COLOR_ACCENT);
      cairo_stroke (cr);
      break;
    case JLN_STATUS_DONE:
    case JLN_STATUS_DONE_NEW:
      jln_render_style_set_source (style, cr, color);
      cairo_fill (cr);
      break;
    case JLN_STATUS_REVISED:
      jln_render_style_set_source_alpha (style, cr, color, 0.25);
      cairo_fill_preserve (cr);
      cairo_set_line_width (cr, lw);
      jln_render_style_set_source (style, cr, color);
      cairo_stroke (cr);
      hatch (d, x, y, width, height, color, 1.0);
      break;
    case JLN_STATUS_SUPERSEDED:
      {
        double dash = MAX (2.0, 0.35 * d->m.em);

        jln_render_style_set_source_alpha (style, cr, color, 0.18);
        cairo_fill_preserve (cr);
        cairo_set_dash (cr, &dash, 1, 0);
        cairo_set_line_width (cr, lw * 1.3);
        jln_render_style_set_source (style, cr, color);
        cairo_stroke (cr);
        cairo_set_dash (cr, NULL, 0, 0);
      }
      break;
    case JLN_STATUS_DROPPED:
    default:
      jln_render_style_set_source_alpha (style, cr, color, 0.45);
      cairo_fill (cr);
      cairo_move_to (cr, x - 0.2 * d->m.em, y + height / 2);
      cairo_line_to (cr, x + width + 0.2 * d->m.em, y + height / 2);
      cairo_set_line_width (cr, MAX (1.5, height * (thin ? 0.35 : 0.14)));
      jln_render_style_set_source (style, cr, JLN_RENDER_COLOR_FOREGROUND);
      cairo_stroke (cr);
      break;
    }

  if (overdue)
    {
      rounded_rectangle (cr, x, y, width, height, radius);
      cairo_set_line_width (cr, line_width (d, thin ? 0.12 : 0.2));
      jln_render_style_set_source (style, cr, JLN_RENDER_COLOR_OVERDUE);
      cairo_stroke (cr);
    }
}

static void
draw_bar (const Draw *d,
          const Row  *row,
          double      top,
          double      height)
{
  JlnTimeline *self = d->self;
  const Metrics *m = &d->m;
  cairo_t *cr = d->cr;
  gboolean thin = row->kind == JLN_TIMELINE_ROW_ITEM;
  double bar_h = round ((thin ? ITEM_BAR_EM : BAR_EM) * m->em);
  double cy = top + height / 2, y = round (cy - bar_h / 2);
  double pad = MIN (0.2 * m->em, m->semester_w * 0.06);
  double x0, x1, end_x;
  Bar bar;

  compute_bar (self, row->record, &bar);

  if (bar.next != JLN_SEMESTER_NONE && bar.next >= self->first && bar.next <= self->last)
    draw_next_mark (d, d->chart_x + semester_x (self, m, bar.next) + m->semester_w / 2, cy,
                    0.33 * m->em);

  if (bar.start == JLN_SEMESTER_NONE)
    {
      /* Nothing to place: say so, where the plan starts. */
      g_autofree char *text = NULL;
      PangoLayout *layout;
      double th;

      if (row->kind != JLN_TIMELINE_ROW_ACTION)
        return;
      if (bar.status == JLN_STATUS_SUPERSEDED)
        {
          const char * const *refs = jln_action_get_references (JLN_ACTION (row->record));
          g_autofree char *joined = refs != NULL && refs[0] != NULL ? g_strjoinv (", ", (char **) refs) : NULL;

          text = joined != NULL ? g_strdup_printf ("%s — cf. %s", status_word (d->lang, bar.status), joined)
                                : g_strdup (status_word (d->lang, bar.status));
        }
      else if (bar.status == JLN_STATUS_IN_PROGRESS || bar.status == JLN_STATUS_PLANNED)
        text = g_strdup_printf ("%s, %s", status_word (d->lang, bar.status), word (d->lang, WORD_NO_DATE));
      else
        text = g_strdup (status_word (d->lang, bar.status));
      layout = get_text (self, d->style, JLN_RENDER_FONT_SMALL, text, 0);
      text_size (layout, NULL, &th);
      x0 = MAX (d->chart_x, d->clip_x0) + 0.4 * m->em;
      draw_bar_shape (d, bar.status, FALSE, x0, cy - 0.3 * m->em, 0.6 * m->em, 0.6 * m->em, FALSE);
      jln_render_style_set_source (d->style, cr, JLN_RENDER_COLOR_DIM);
      show_text (cr, layout, x0 + 1.0 * m->em, cy - th / 2);
      return;
    }

  if (bar.start > self->last)
    {
      /* Planned after the last semester shown: a note at the other edge. */
      g_autofree char *when = jln_semester_format (bar.start, JLN_SEMESTER_STYLE_SHORT, d->lang);
      g_autofree char *text = g_strdup_printf ("%s ▸", when);
      PangoLayout *layout = get_text (self, d->style, JLN_RENDER_FONT_SMALL, text, 0);
      double tw, th, right = d->chart_x + semester_x (self, m, self->last + 1) - 0.3 * m->em;

      text_size (layout, &tw, &th);
      jln_render_style_set_source (d->style, cr, jln_render_color_for_status (bar.status));
      cairo_rectangle (cr, right - 0.25 * m->em, cy - bar_h / 2, 0.25 * m->em, bar_h);
      cairo_fill (cr);
      jln_render_style_set_source (d->style, cr, JLN_RENDER_COLOR_DIM);
      show_text (cr, layout, right - 0.5 * m->em - tw, cy - th / 2);
      return;
    }

  x0 = d->chart_x + semester_x (self, m, bar.start) + pad;
  /* A bar that goes on after the last semester shown stops at the edge. */
  x1 = d->chart_x + semester_x (self, m, MIN (bar.end, self->last) + 1) - pad;
  end_x = x1;

  if (bar.end < self->first)
    {
      /* Done before the first semester shown: a note at the edge. */
      g_autofree char *when = NULL;
      PangoLayout *layout;
      double th;

      const JlnCompletion *completion = jln_record_get_completion (row->record);

      if (completion != NULL && jln_completion_is_set (completion))
        when = jln_completion_format (completion, d->lang);
      else
        when = jln_semester_format (bar.end, JLN_SEMESTER_STYLE_SHORT, d->lang);
      {
        g_autofree char *text = g_strdup_printf ("◂ %s", when);

        layout = get_text (self, d->style, JLN_RENDER_FONT_SMALL, text, 0);
      }
      text_size (layout, NULL, &th);
      x0 = MAX (d->chart_x, d->clip_x0) + 0.3 * m->em;
      jln_render_style_set_source (d->style, cr, jln_render_color_for_status (bar.status));
      cairo_rectangle (cr, x0, cy - bar_h / 2, 0.25 * m->em, bar_h);
      cairo_fill (cr);
      jln_render_style_set_source (d->style, cr, JLN_RENDER_COLOR_DIM);
      show_text (cr, layout, x0 + 0.5 * m->em, cy - th / 2);
      return;
    }

  /* The time an overdue action has overrun, up to today. */
  if (bar.overdue && d->chart_x + d->today_x > x1)
    {
      double over_h = thin ? bar_h : round (bar_h * 0.45);

      end_x = MIN (d->chart_x + d->today_x, d->chart_x + semester_x (self, m, self->last + 1));
      hatch (d, x1, round (cy - over_h / 2), end_x - x1, over_h, JLN_RENDER_COLOR_OVERDUE, 0.7);
      cairo_rectangle (cr, x1, round (cy - over_h / 2) + 0.5, end_x - x1, over_h - 1);
      cairo_set_line_width (cr, 1.0);
      jln_render_style_set_source (d->style, cr, JLN_RENDER_COLOR_OVERDUE);
      cairo_stroke (cr);
    }

  if (x1 > d->clip_x0 - m->em && x0 < d->clip_x1 + m->em)
    draw_bar_shape (d, bar.status, bar.overdue, x0, y, x1 - x0, bar_h, thin);

  if (!thin && jln_status_is_done (bar.status) && x1 - x0 > 1.6 * m->em)
    draw_check_mark (d, x1 - 0.65 * m->em, cy, 0.55 * m->em, JLN_RENDER_COLOR_BACKGROUND);

  if (bar.overdue)
    draw_overdue_mark (d, x1, cy, (thin ? 0.42 : 0.55) * m->em);

  /* What replaces a superseded action, after its bar. */
  if (bar.status == JLN_STATUS_SUPERSEDED && JLN_IS_ACTION (row->record))
    {
      const char * const *refs = jln_action_get_references (JLN_ACTION (row->record));

      if (refs != NULL && refs[0] != NULL)
        {
          g_autofree char *joined = g_strjoinv (", ", (char **) refs);
          g_autofree char *text = g_strdup_printf ("cf. %s", joined);
          PangoLayout *layout = get_text (self, d->style, JLN_RENDER_FONT_SMALL, text, 0);
          double th;

          text_size (layout, NULL, &th);
          jln_render_style_set_source (d->style, cr, JLN_RENDER_COLOR_DIM);
          show_text (cr, layout, end_x + 0.4 * m->em, cy - th / 2);
        }
    }
}

/* Year bands, semester lines, milestones: behind the bars of rows
 * [top, bottom) of cr. */

/* The semesters [s0, s1] that meet the clip. */
static void
visible_semesters (const Draw  *d,
                   JlnSemester *s0,
                   JlnSemester *s1)
{
  JlnSemesterAxis axis;

  get_axis (d->self, &d->m, &axis);
  *s0 = jln_semester_axis_get_semester_at (&axis, d->clip_x0 - d->chart_x);
  *s1 = MIN (d->self->last, jln_semester_axis_get_semester_at (&axis, d->clip_x1 - d->chart_x) + 1);
}

static void
draw_grid (const Draw *d,
           double      top,
           double      bottom)
{
  JlnTimeline *self = d->self;
  const Metrics *m = &d->m;
  cairo_t *cr = d->cr;
  JlnSemester s0, s1;
  GListModel *milestones;
  guint n;

  visible_semesters (d, &s0, &s1);

  /* Every other year a band, so that a year reads at a glance. */
  for (JlnSemester s = s0; s <= s1; s++)
    if (jln_semester_get_year (s) % 2 == 1)
      {
        cairo_rectangle (cr, d->chart_x + semester_x (self, m, s), top, m->semester_w, bottom - top);
      }
  jln_render_style_set_source (d->style, cr, JLN_RENDER_COLOR_BAND);
  cairo_fill (cr);

  for (JlnSemester s = s0; s <= s1 + 1; s++)
    {
      double x = round (d->chart_x + semester_x (self, m, s)) + 0.5;
      gboolean year = jln_semester_get_half (s) == 1;

      cairo_move_to (cr, x, top);
      cairo_line_to (cr, x, bottom);
      cairo_set_line_width (cr, 1.0);
      jln_render_style_set_source_alpha (d->style, cr, JLN_RENDER_COLOR_GRID, year ? 1.0 : 0.6);
      cairo_stroke (cr);
      if (self->zoom == JLN_TIMELINE_ZOOM_QUARTER && s <= s1)
        {
          double dash = 2.0;

          x = round (d->chart_x + semester_x (self, m, s) + m->semester_w / 2) + 0.5;
          cairo_move_to (cr, x, top);
          cairo_line_to (cr, x, bottom);
          cairo_set_dash (cr, &dash, 1, 0);
          jln_render_style_set_source_alpha (d->style, cr, JLN_RENDER_COLOR_GRID, 0.6);
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);
        }
    }

  milestones = jln_plan_get_milestones (self->plan);
  n = g_list_model_get_n_items (milestones);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JlnMilestone) milestone = g_list_model_get_item (milestones, i);
      double value, x, dashes[] = { 0.5 * m->em, 0.3 * m->em };

      if (!date_to_semesters (jln_milestone_get_date (milestone), &value))
        continue;
      x = d->chart_x + fraction_x (self, m, value);
      if (x < d->clip_x0 - 2 || x > d->clip_x1 + 2)
        continue;
      cairo_move_to (cr, round (x) + 0.5, top);
      cairo_line_to (cr, round (x) + 0.5, bottom);
      cairo_set_dash (cr, dashes, 2, fmod (top, dashes[0] + dashes[1]));
      cairo_set_line_width (cr, line_width (d, 0.14));
      jln_render_style_set_source_alpha (d->style, cr, JLN_RENDER_COLOR_MILESTONE, 0.85);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }
}

static void
draw_today_line (const Draw *d,
                 double      top,
                 double      bottom)
{
  double x = d->chart_x + d->today_x;

  if (x < d->clip_x0 - 2 || x > d->clip_x1 + 2)
    return;
  cairo_move_to (d->cr, x, top);
  cairo_line_to (d->cr, x, bottom);
  cairo_set_line_width (d->cr, line_width (d, 0.18));
  jln_render_style_set_source (d->style, d->cr, JLN_RENDER_COLOR_TODAY);
  cairo_stroke (d->cr);
}

static gboolean
is_selected (JlnTimeline *self,
             const Row   *row)
{
  return self->selected != NULL && row->record == self->selected;
}

/* The chart part of rows [first, end), the first with its top at y. */
static void
draw_chart_rows (const Draw *d,
                 guint       first,
                 guint       end,
                 double      y,
                 int         continued)
{
  JlnTimeline *self = d->self;
  const Metrics *m = &d->m;
  cairo_t *cr = d->cr;
  double top = y, bottom;
  double row_y;

  bottom = y + (continued >= 0 ? m->heading_h : 0) + row_top (self, m, end) - row_top (self, m, first);
  draw_grid (d, top, bottom);

  row_y = y;
  if (continued >= 0)
    {
      cairo_rectangle (cr, d->clip_x0, row_y, d->clip_x1 - d->clip_x0, m->heading_h);
      jln_render_style_set_source (d->style, cr, JLN_RENDER_COLOR_HEADER);
      cairo_fill (cr);
      row_y += m->heading_h;
    }
  for (guint i = first; i < end; i++)
    {
      const Row *row = get_row (self, i);
      double h = row_height (self, m, i);

      if (row->kind == JLN_TIMELINE_ROW_HEADING)
        {
          cairo_rectangle (cr, d->clip_x0, row_y, d->clip_x1 - d->clip_x0, h);
          jln_render_style_set_source (d->style, cr, JLN_RENDER_COLOR_HEADER);
          cairo_fill (cr);
        }
      if (is_selected (self, row))
        {
          cairo_rectangle (cr, d->clip_x0, row_y, d->clip_x1 - d->clip_x0, h);
          jln_render_style_set_source (d->style, cr, JLN_RENDER_COLOR_SELECTION);
          cairo_fill (cr);
        }
      row_y += h;
    }

  row_y = y + (continued >= 0 ? m->heading_h : 0);
  for (guint i = first; i < end; i++)
    {
      const Row *row = get_row (self, i);
      double h = row_height (self, m, i);

      if (row->kind != JLN_TIMELINE_ROW_HEADING)
        draw_bar (d, row, row_y, h);
      row_y += h;
    }

  draw_today_line (d, top, bottom);
}

static JlnRenderColor
label_color (const Row *row)
{
  JlnStatus status;

  if (row->kind == JLN_TIMELINE_ROW_HEADING)
    return JLN_RENDER_COLOR_FOREGROUND;
  status = row->kind == JLN_TIMELINE_ROW_ACTION ? jln_action_get_status (JLN_ACTION (row->record))
                                                : jln_action_item_get_status (JLN_ACTION_ITEM (row->record));
  if (status == JLN_STATUS_DONE || status == JLN_STATUS_DROPPED ||
      status == JLN_STATUS_SUPERSEDED || row->kind == JLN_TIMELINE_ROW_ITEM)
    return JLN_RENDER_COLOR_DIM;
  return JLN_RENDER_COLOR_FOREGROUND;
}

static void
draw_heading_label (const Draw *d,
                    guint       i,
                    double      y,
                    double      h,
                    double      width,
                    gboolean    continued)
{
  JlnTimeline *self = d->self;
  const Metrics *m = &d->m;
  PangoLayout *layout;
  double x = PAD_EM * m->em, th, tw, cw = 0;
  PangoLayout *more = NULL;

  if (continued)
    {
      more = get_text (self, d->style, JLN_RENDER_FONT_BODY, word (d->lang, WORD_CONTINUED), 0);
      text_size (more, &cw, NULL);
      cw += 0.5 * m->em;
    }
  /* A heading wraps as it was measured; repeated at the top of a page,
   * it is a reminder on one line. */
  if (!continued && m->grow && m->heading_w > 0)
    layout = get_heading_layout (self, d->style, m, d->lang, i, m->heading_w - 2 * x, TRUE);
  else
    layout = get_heading_layout (self, d->style, m, d->lang, i, width - 2 * x - cw, FALSE);
  text_size (layout, &tw, &th);
  jln_render_style_set_source (d->style, d->cr, JLN_RENDER_COLOR_FOREGROUND);
  show_text (d->cr, layout, x, y + (h - th) / 2);
  if (more != NULL)
    {
      jln_render_style_set_source (d->style, d->cr, JLN_RENDER_COLOR_DIM);
      show_text (d->cr, more, x + tw + 0.5 * m->em, y + (h - th) / 2 + 0.1 * m->em);
    }
}

/* The labels of rows [first, end), in the column at x = 0. Headings run
 * over the whole width. */
static void
draw_label_rows (const Draw *d,
                 guint       first,
                 guint       end,
                 double      y,
                 int         continued,
                 double      width)
{
  JlnTimeline *self = d->self;
  const Metrics *m = &d->m;
  cairo_t *cr = d->cr;
  double row_y = y;

  if (continued >= 0)
    {
      cairo_rectangle (cr, 0, row_y, m->label_w, m->heading_h);
      jln_render_style_set_source (d->style, cr, JLN_RENDER_COLOR_HEADER);
      cairo_fill (cr);
      draw_heading_label (d, continued, row_y, m->heading_h, width, TRUE);
      row_y += m->heading_h;
    }

  for (guint i = first; i < end; i++)
    {
      const Row *row = get_row (self, i);
      double h = row_height (self, m, i);

      if (row->kind == JLN_TIMELINE_ROW_HEADING)
        {
          cairo_rectangle (cr, 0, row_y, m->label_w, h);
          jln_render_style_set_source (d->style, cr, JLN_RENDER_COLOR_HEADER);
          cairo_fill (cr);
          if (is_selected (self, row))
            {
              cairo_rectangle (cr, 0, row_y, width, h);
              jln_render_style_set_source (d->style, cr, JLN_RENDER_COLOR_SELECTION);
              cairo_fill (cr);
            }
          draw_heading_label (d, i, row_y, h, width, FALSE);
        }
      else
        {
          PangoLayout *layout = get_row_layout (self, d->style, m, d->lang, i);
          double x = GUTTER_EM * m->em + (row->kind == JLN_TIMELINE_ROW_ITEM ? m->number_w : 0);
          double th;

          if (is_selected (self, row))
            {
              cairo_rectangle (cr, 0, row_y, m->label_w, h);
              jln_render_style_set_source (d->style, cr, JLN_RENDER_COLOR_SELECTION);
              cairo_fill (cr);
              cairo_rectangle (cr, 0, row_y, round (0.25 * m->em), h);
              jln_render_style_set_source (d->style, cr, JLN_RENDER_COLOR_ACCENT);
              cairo_fill (cr);
            }
          text_size (layout, NULL, &th);
          if (row->kind == JLN_TIMELINE_ROW_ACTION)
            {
              Bar bar;

              compute_bar (self, row->record, &bar);
              if (bar.overdue)
                draw_overdue_mark (d, 0.6 * m->em, row_y + h / 2, 0.36 * m->em);
            }
          jln_render_style_set_source (d->style, cr, label_color (row));
          show_text (cr, layout, x, row_y + (h - th) / 2);
        }

      /* A faint line between actions. */
      if (row->kind == JLN_TIMELINE_ROW_ACTION && i + 1 < end &&
          get_row (self, i + 1)->kind == JLN_TIMELINE_ROW_ACTION)
        {
          cairo_move_to (cr, GUTTER_EM * m->em, round (row_y + h) - 0.5);
          cairo_line_to (cr, m->label_w, round (row_y + h) - 0.5);
          cairo_set_line_width (cr, 1.0);
          jln_render_style_set_source_alpha (d->style, cr, JLN_RENDER_COLOR_GRID, 0.7);
          cairo_stroke (cr);
        }
      row_y += h;
    }
}

typedef JlnSemesterLabel LabelForm;

static char *
dup_semester_label (JlnSemester semester,
                    JlnLang     lang,
                    LabelForm   form)
{
  return jln_semester_axis_dup_label (semester, form, lang);
}

/* The longest form of semester label that fits the columns. */
static LabelForm
label_form (const Draw *d)
{
  LabelForm form;

  for (form = JLN_SEMESTER_LABEL_LONG; form > JLN_SEMESTER_LABEL_NONE; form--)
    {
      g_autofree char *sample = dup_semester_label (jln_semester_new (2022, 2), d->lang, form);
      double tw;

      text_size (get_text (d->self, d->style, JLN_RENDER_FONT_SMALL, sample, 0), &tw, NULL);
      if (tw + 0.8 * d->m.em <= d->m.semester_w)
        break;
    }
  return form;
}

/* The label of quarter @q (0 or 1) of @semester: "Q3 2022", or "Q3" under
 * its year where the column is too narrow; "T3" in French. */
static char *
dup_quarter_label (const Draw  *d,
                   JlnSemester  semester,
                   guint        q)
{
  char *full = jln_semester_axis_dup_quarter_label (semester, q, TRUE, d->lang);
  double tw;

  text_size (get_text (d->self, d->style, JLN_RENDER_FONT_SMALL, full, 0), &tw, NULL);
  if (tw + 0.8 * d->m.em > d->m.semester_w / 2)
    {
      g_free (full);
      return jln_semester_axis_dup_quarter_label (semester, q, FALSE, d->lang);
    }
  return full;
}

/* A column's label in the header's second band, centred on the part of
 * the column in view; left out where that part is too narrow for it, at
 * the scrolled edge, rather than drawn over its neighbour. */
static void
draw_column_label (const Draw  *d,
                   PangoLayout *layout,
                   double       x,
                   double       width,
                   double       tw,
                   double       th,
                   gboolean     today)
{
  const Metrics *m = &d->m;
  double pad = 0.4 * m->em;
  double x0 = MAX (x, d->clip_x0), x1 = MIN (x + width, d->clip_x1);
  double tx;

  if (x1 - x0 < tw + 2 * pad)
    return;
  tx = x + (width - tw) / 2;
  tx = MIN (tx, x1 - tw - pad);
  tx = MAX (tx, x0 + pad);
  jln_render_style_set_source (d->style, d->cr, today ? JLN_RENDER_COLOR_TODAY : JLN_RENDER_COLOR_DIM);
  show_text (d->cr, layout, tx, m->year_h + (m->semester_h - th) / 2);
}

/* The years, the semesters, the milestones and today, above the chart,
 * in a band of header_h from y = 0. */
static void
draw_header (const Draw *d)
{
  JlnTimeline *self = d->self;
  const Metrics *m = &d->m;
  cairo_t *cr = d->cr;
  JlnSemester s0, s1;
  double pad = 0.4 * m->em;
  GListModel *milestones;
  guint n;
  g_autoptr(GArray) marks = g_array_new (FALSE, FALSE, sizeof (double) * 2);
  LabelForm form;

  cairo_rectangle (cr, d->clip_x0, 0, d->clip_x1 - d->clip_x0, m->header_h);
  jln_render_style_set_source (d->style, cr, JLN_RENDER_COLOR_HEADER);
  cairo_fill (cr);

  visible_semesters (d, &s0, &s1);

  form = label_form (d);

  for (JlnSemester s = s0; s <= s1; s++)
    {
      double x = d->chart_x + semester_x (self, m, s);
      guint year = jln_semester_get_year (s);

      if (year % 2 == 1)
        {
          cairo_rectangle (cr, x, m->year_h, m->semester_w, m->semester_h + m->mark_h);
          jln_render_style_set_source (d->style, cr, JLN_RENDER_COLOR_BAND);
          cairo_fill (cr);
        }

      /* A year's label, in the visible part of the year. */
      if (s == s0 || jln_semester_get_half (s) == 1)
        {
          JlnSemester ys = MAX (jln_semester_new (year, 1), self->first);
          JlnSemester ye = MIN (jln_semester_new (year, 2), self->last);
          double yx0 = d->chart_x + semester_x (self, m, ys);
          double yx1 = d->chart_x + semester_x (self, m, ye + 1);
          g_autofree char *text = g_strdup_printf ("%u", year);
          PangoLayout *layout = get_text (self, d->style, JLN_RENDER_FONT_BOLD, text, 0);
          double tw, th, tx;

          text_size (layout, &tw, &th);
          tx = (yx0 + yx1 - tw) / 2;
          tx = MIN (tx, MIN (yx1, d->clip_x1) - tw - pad);
          tx = MAX (tx, MAX (yx0, d->clip_x0) + pad);
          jln_render_style_set_source (d->style, cr, JLN_RENDER_COLOR_FOREGROUND);
          show_text (cr, layout, tx, (m->year_h - th) / 2);
        }

      if (self->zoom == JLN_TIMELINE_ZOOM_QUARTER)
        {
          /* Two quarters a semester, each named: "Q3 2022", or "Q3" under
           * its year where the column is narrow. */
          for (guint q = 0; q < 2; q++)
            {
              g_autofree char *text = dup_quarter_label (d, s, q);
              PangoLayout *layout = get_text (self, d->style, JLN_RENDER_FONT_SMALL, text, 0);
              double tw, th;

              text_size (layout, &tw, &th);
              draw_column_label (d, layout, x + q * m->semester_w / 2, m->semester_w / 2, tw, th,
                                 s == self->today_semester);
            }
        }
      else if (form != JLN_SEMESTER_LABEL_NONE)
        {
          g_autofree char *text = dup_semester_label (s, d->lang, form);
          PangoLayout *layout = get_text (self, d->style, JLN_RENDER_FONT_SMALL, text, 0);
          double tw, th;

          text_size (layout, &tw, &th);
          draw_column_label (d, layout, x, m->semester_w, tw, th, s == self->today_semester);
        }
    }

  /* Lines between years across the header, between semesters below. */
  for (JlnSemester s = s0; s <= s1 + 1; s++)
    {
      double x = round (d->chart_x + semester_x (self, m, s)) + 0.5;

      cairo_move_to (cr, x, jln_semester_get_half (s) == 1 ? 0 : m->year_h);
      cairo_line_to (cr, x, m->year_h + m->semester_h);
    }
  cairo_set_line_width (cr, 1.0);
  jln_render_style_set_source (d->style, cr, JLN_RENDER_COLOR_GRID);
  cairo_stroke (cr);

  /* Milestones: a diamond and a title, each title up to the next mark. */
  milestones = jln_plan_get_milestones (self->plan);
  n = g_list_model_get_n_items (milestones);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JlnMilestone) milestone = g_list_model_get_item (milestones, i);
      double value, mark[2];

      if (!date_to_semesters (jln_milestone_get_date (milestone), &value))
        continue;
      mark[0] = d->chart_x + fraction_x (self, m, value);
      mark[1] = i;
      g_array_append_vals (marks, mark, 1);
    }
  for (guint i = 0; i < marks->len; i++)
    {
      double *mark = &g_array_index (marks, double, i * 2);
      g_autoptr(JlnMilestone) milestone = g_list_model_get_item (milestones, (guint) mark[1]);
      double x = mark[0], next = d->clip_x1, cy = m->year_h + m->semester_h + m->mark_h / 2;
      double r = 0.38 * m->em, tw, th;
      PangoLayout *layout;

      if (x < d->chart_x - r || x > d->chart_x + semester_x (self, m, self->last + 1) + r)
        continue;
      for (guint j = 0; j < marks->len; j++)
        {
          double other = g_array_index (marks, double, j * 2);

          if (other > x && other < next)
            next = other;
        }
      cairo_move_to (cr, x, cy - r);
      cairo_line_to (cr, x + r, cy);
      cairo_line_to (cr, x, cy + r);
      cairo_line_to (cr, x - r, cy);
      cairo_close_path (cr);
      jln_render_style_set_source (d->style, cr, JLN_RENDER_COLOR_MILESTONE);
      cairo_fill (cr);
      if (next - x - 2 * r - pad > 2 * m->em)
        {
          layout = get_text (self, d->style, JLN_RENDER_FONT_SMALL,
                             text_or_empty (jln_milestone_get_title (milestone), d->lang),
                             round (next - x - 2 * r - pad));
          text_size (layout, &tw, &th);
          show_text (cr, layout, x + r + 0.3 * m->em, cy - th / 2);
        }
    }

  /* Today: a label on the line. */
  {
    double x = d->chart_x + d->today_x;

    if (x >= d->clip_x0 - m->em && x <= d->clip_x1 + m->em)
      {
        PangoLayout *layout = get_text (self, d->style, JLN_RENDER_FONT_SMALL, word (d->lang, WORD_TODAY), 0);
        double tw, th, bx, by, bh;

        text_size (layout, &tw, &th);
        bh = th + 0.2 * m->em;
        by = m->year_h + m->semester_h + (m->mark_h - bh) / 2;
        bx = x - tw / 2 - 0.4 * m->em;
        bx = MAX (d->clip_x0 + 1, MIN (bx, d->clip_x1 - tw - 0.8 * m->em - 1));
        rounded_rectangle (cr, bx, by, tw + 0.8 * m->em, bh, bh / 2);
        jln_render_style_set_source (d->style, cr, JLN_RENDER_COLOR_TODAY);
        cairo_fill (cr);
        cairo_move_to (cr, x, by + bh);
        cairo_line_to (cr, x, m->header_h);
        cairo_set_line_width (cr, line_width (d, 0.18));
        cairo_stroke (cr);
        jln_render_style_set_source (d->style, cr, JLN_RENDER_COLOR_BACKGROUND);
        show_text (cr, layout, bx + 0.4 * m->em, by + 0.1 * m->em);
      }
  }
}

/* How many actions, the filter and the date, above the labels. */
static void
draw_corner (const Draw *d)
{
  JlnTimeline *self = d->self;
  const Metrics *m = &d->m;
  cairo_t *cr = d->cr;
  double x = PAD_EM * m->em, y = 0.5 * m->em, width = m->label_w - 2 * x, th;
  g_autofree char *count = NULL;
  g_autofree char *date = jln_format_date_time (self->today, d->lang);
  g_autofree char *as_of = NULL;
  PangoLayout *layout;

  cairo_rectangle (cr, 0, 0, m->label_w, m->header_h);
  jln_render_style_set_source (d->style, cr, JLN_RENDER_COLOR_HEADER);
  cairo_fill (cr);

  if (self->n_actions == self->n_total || self->objective != NULL)
    count = g_strdup_printf (jln_translate_plural (d->lang, "%u action", "%u actions",
                                                   self->n_actions),
                             self->n_actions);
  else
    /* Translators: in the corner of a filtered timeline; the plural
       follows the first number. */
    count = g_strdup_printf (jln_translate_plural (d->lang, "%u of %u actions", "%u of %u actions",
                                                   self->n_actions),
                             self->n_actions, self->n_total);
  layout = get_text (self, d->style, JLN_RENDER_FONT_BOLD, count, width);
  text_size (layout, NULL, &th);
  jln_render_style_set_source (d->style, cr, JLN_RENDER_COLOR_FOREGROUND);
  show_text (cr, layout, x, y);
  y += th + 0.15 * m->em;

  jln_render_style_set_source (d->style, cr, JLN_RENDER_COLOR_DIM);
  if (self->query != NULL && !jln_query_is_empty (self->query))
    {
      g_autofree char *filter = g_strdup_printf ("%s %s", word (d->lang, WORD_FILTER),
                                                 jln_query_get_text (self->query));

      layout = get_text (self, d->style, JLN_RENDER_FONT_SMALL, filter, width);
      text_size (layout, NULL, &th);
      show_text (cr, layout, x, y);
      y += th + 0.1 * m->em;
    }
  as_of = g_strdup_printf ("%s %s", word (d->lang, WORD_AS_OF), date);
  layout = get_text (self, d->style, JLN_RENDER_FONT_SMALL, as_of, width);
  text_size (layout, NULL, &th);
  if (y + th <= m->header_h)
    show_text (cr, layout, x, y);
}

static void
draw_borders (const Draw *d,
              double      height)
{
  const Metrics *m = &d->m;
  cairo_t *cr = d->cr;

  cairo_move_to (cr, m->label_w - 0.5, 0);
  cairo_line_to (cr, m->label_w - 0.5, height);
  cairo_move_to (cr, 0, m->header_h - 0.5);
  cairo_line_to (cr, d->clip_x1, m->header_h - 0.5);
  cairo_set_line_width (cr, 1.0);
  jln_render_style_set_source_alpha (d->style, cr, JLN_RENDER_COLOR_FOREGROUND, 0.35);
  cairo_stroke (cr);
}

static void
draw_init (Draw                 *d,
           JlnTimeline          *self,
           cairo_t              *cr,
           const JlnRenderStyle *style,
           Mode                  mode,
           double                width)
{
  d->self = self;
  d->cr = cr;
  d->style = style;
  d->lang = get_lang (self, style);
  /* No clip until a frame sets one: the legend's swatches. */
  d->chart_x = 0;
  d->clip_x0 = -G_MAXDOUBLE / 4;
  d->clip_x1 = G_MAXDOUBLE / 4;
  metrics_init (self, style, mode, width, &d->m);
  check_caches (self, style, &d->m, d->lang);
  d->today_x = today_x (self, &d->m);
}

/* Header, labels and the chart of rows [first, end), all in a box of
 * width × height at (0, 0); the semesters from @from at the labels'
 * edge, and up to @to at most. */
static void
draw_frame (Draw        *d,
            double       width,
            double       height,
            double       scroll_x,
            double       scroll_y,
            guint        first,
            guint        end,
            int          continued,
            double       chart_end)
{
  JlnTimeline *self = d->self;
  const Metrics *m = &d->m;
  cairo_t *cr = d->cr;
  double rows_y = m->header_h - scroll_y;

  d->chart_x = m->label_w - scroll_x;
  d->clip_x0 = m->label_w;
  d->clip_x1 = MIN (width, chart_end);

  /* The chart */
  cairo_save (cr);
  cairo_rectangle (cr, d->clip_x0, m->header_h, d->clip_x1 - d->clip_x0, height - m->header_h);
  cairo_clip (cr);
  if (first < end || continued >= 0)
    draw_chart_rows (d, first, end, rows_y + row_top (self, m, first), continued);
  else
    draw_grid (d, m->header_h, height);
  cairo_restore (cr);

  /* The labels, which stay when the chart scrolls sideways. */
  cairo_save (cr);
  cairo_rectangle (cr, 0, m->header_h, d->clip_x1, height - m->header_h);
  cairo_clip (cr);
  cairo_rectangle (cr, 0, m->header_h, m->label_w, height - m->header_h);
  jln_render_style_set_source (d->style, cr, JLN_RENDER_COLOR_BACKGROUND);
  cairo_fill (cr);
  draw_label_rows (d, first, end, rows_y + row_top (self, m, first), continued, d->clip_x1);
  if (first >= end && continued < 0)
    {
      PangoLayout *layout = get_text (self, d->style, JLN_RENDER_FONT_BODY,
                                      word (d->lang, WORD_NO_ACTION), m->label_w - 2 * PAD_EM * m->em);

      jln_render_style_set_source (d->style, cr, JLN_RENDER_COLOR_DIM);
      show_text (cr, layout, PAD_EM * m->em, m->header_h + m->em);
    }
  cairo_restore (cr);

  /* The header, which stays when the rows scroll. */
  cairo_save (cr);
  cairo_rectangle (cr, d->clip_x0, 0, d->clip_x1 - d->clip_x0, m->header_h);
  cairo_clip (cr);
  draw_header (d);
  cairo_restore (cr);

  draw_corner (d);
  draw_borders (d, height);
}

void
jln_timeline_draw_view (JlnTimeline          *self,
                        cairo_t              *cr,
                        const JlnRenderStyle *style,
                        double                scroll_x,
                        double                scroll_y,
                        double                width,
                        double                height)
{
  Draw d;
  guint first = 0, end = 0;
  double chart_end;

  g_return_if_fail (JLN_IS_TIMELINE (self));

  draw_init (&d, self, cr, style, MODE_VIEW, width);
  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  jln_render_style_set_source (style, cr, JLN_RENDER_COLOR_BACKGROUND);
  cairo_paint (cr);

  if (self->rows->len > 0)
    {
      double bottom = scroll_y + height - d.m.header_h;

      first = row_at_y (self, &d.m, scroll_y);
      end = row_at_y (self, &d.m, bottom) + 1;
    }
  chart_end = d.m.label_w - scroll_x + semester_x (self, &d.m, self->last + 1);
  draw_frame (&d, width, height, scroll_x, scroll_y, first, end, -1, chart_end);
  cairo_restore (cr);
}

/* --- Legend ---------------------------------------------------------------- */

typedef enum
{
  KEY_STATUS,
  KEY_OVERDUE,
  KEY_MILESTONE,
  KEY_TODAY,
  KEY_NEXT,
} KeyKind;

static const struct
{
  KeyKind   kind;
  JlnStatus status;
} keys[] = {
  { KEY_STATUS, JLN_STATUS_PLANNED },
  { KEY_STATUS, JLN_STATUS_IN_PROGRESS },
  { KEY_OVERDUE, JLN_STATUS_IN_PROGRESS },
  { KEY_STATUS, JLN_STATUS_DONE },
  { KEY_STATUS, JLN_STATUS_DONE_NEW },
  { KEY_STATUS, JLN_STATUS_REVISED },
  { KEY_STATUS, JLN_STATUS_SUPERSEDED },
  { KEY_STATUS, JLN_STATUS_DROPPED },
  { KEY_MILESTONE, 0 },
  { KEY_TODAY, 0 },
  { KEY_NEXT, 0 },
};

static const char *
key_text (JlnLang lang,
          guint   i)
{
  switch (keys[i].kind)
    {
    case KEY_OVERDUE: return word (lang, WORD_OVERDUE);
    case KEY_MILESTONE: return word (lang, WORD_MILESTONE);
    case KEY_TODAY: return word (lang, WORD_TODAY);
    case KEY_NEXT: return word (lang, WORD_NEXT);
    case KEY_STATUS:
    default: return status_word (lang, keys[i].status);
    }
}

/* Lays the keys out in lines of @width; draws them when d->cr is set.
 * Returns the height. */
static double
layout_legend (Draw   *d,
               double  width,
               double  y0)
{
  JlnTimeline *self = d->self;
  const Metrics *m = &d->m;
  double swatch = 1.8 * m->em, gap = 1.0 * m->em, line_h = 1.6 * m->em;
  double x = 0, y = y0;

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      PangoLayout *layout = get_text (self, d->style, JLN_RENDER_FONT_SMALL, key_text (d->lang, i), 0);
      double tw, th, w;

      text_size (layout, &tw, &th);
      w = swatch + 0.4 * m->em + tw;
      if (x > 0 && x + w > width)
        {
          x = 0;
          y += line_h;
        }
      if (d->cr != NULL)
        {
          double cy = y + line_h / 2, bh = round (0.8 * m->em);

          switch (keys[i].kind)
            {
            case KEY_STATUS:
            case KEY_OVERDUE:
              draw_bar_shape (d, keys[i].status, keys[i].kind == KEY_OVERDUE,
                              x, round (cy - bh / 2), swatch - 0.5 * m->em, bh, FALSE);
              if (keys[i].kind == KEY_OVERDUE)
                draw_overdue_mark (d, x + swatch - 0.5 * m->em, cy, 0.42 * m->em);
              break;
            case KEY_MILESTONE:
              {
                double dashes[] = { 0.35 * m->em, 0.2 * m->em }, r = 0.32 * m->em;

                cairo_move_to (d->cr, x + swatch / 2, cy - r);
                cairo_line_to (d->cr, x + swatch / 2 + r, cy);
                cairo_line_to (d->cr, x + swatch / 2, cy + r);
                cairo_line_to (d->cr, x + swatch / 2 - r, cy);
                cairo_close_path (d->cr);
                jln_render_style_set_source (d->style, d->cr, JLN_RENDER_COLOR_MILESTONE);
                cairo_fill (d->cr);
                cairo_move_to (d->cr, x + 0.1 * m->em, cy);
                cairo_line_to (d->cr, x + swatch - 0.2 * m->em, cy);
                cairo_set_dash (d->cr, dashes, 2, 0);
                cairo_set_line_width (d->cr, line_width (d, 0.12));
                cairo_stroke (d->cr);
                cairo_set_dash (d->cr, NULL, 0, 0);
              }
              break;
            case KEY_TODAY:
              cairo_move_to (d->cr, x + swatch / 2, y + 0.2 * m->em);
              cairo_line_to (d->cr, x + swatch / 2, y + line_h - 0.2 * m->em);
              cairo_set_line_width (d->cr, line_width (d, 0.18));
              jln_render_style_set_source (d->style, d->cr, JLN_RENDER_COLOR_TODAY);
              cairo_stroke (d->cr);
              break;
            case KEY_NEXT:
            default:
              draw_next_mark (d, x + swatch / 2, cy, 0.33 * m->em);
              break;
            }
          jln_render_style_set_source (d->style, d->cr, JLN_RENDER_COLOR_FOREGROUND);
          show_text (d->cr, layout, x + swatch + 0.2 * m->em, cy - th / 2);
        }
      x += w + gap;
    }
  return y + line_h - y0;
}

double
jln_timeline_get_legend_height (JlnTimeline          *self,
                                const JlnRenderStyle *style,
                                double                width)
{
  Draw d;

  g_return_val_if_fail (JLN_IS_TIMELINE (self), 0);
  draw_init (&d, self, NULL, style, MODE_LEGEND, width);
  return layout_legend (&d, width, 0);
}

void
jln_timeline_draw_legend (JlnTimeline          *self,
                          cairo_t              *cr,
                          const JlnRenderStyle *style,
                          double                width)
{
  Draw d;

  g_return_if_fail (JLN_IS_TIMELINE (self));
  draw_init (&d, self, cr, style, MODE_LEGEND, width);
  cairo_save (cr);
  layout_legend (&d, width, 0);
  cairo_restore (cr);
}

/* --- The picture ----------------------------------------------------------- */

static double
legend_gap (const Metrics *m)
{
  return 0.8 * m->em;
}

static char *
jln_timeline_dup_title (JlnPicture           *picture,
                        const JlnRenderStyle *style)
{
  JlnTimeline *self = JLN_TIMELINE (picture);
  JlnLang lang = get_lang (self, style);
  const char *title = jln_text_get_fallback (jln_plan_get_title (self->plan), lang, NULL);

  if (title == NULL)
    return g_strdup (word (lang, WORD_TIMELINE));
  return g_strdup_printf ("%s — %s", title, word (lang, WORD_TIMELINE));
}

static void
picture_size (JlnTimeline          *self,
              const JlnRenderStyle *style,
              Metrics              *m,
              double               *width,
              double               *height,
              double               *legend_h)
{
  metrics_init (self, style, MODE_PICTURE, 0, m);
  *width = m->label_w + n_semesters (self) * m->semester_w;
  *legend_h = jln_timeline_get_legend_height (self, style, *width - 2 * PAD_EM * m->em);
  *height = TITLE_EM * m->em + m->header_h + rows_height (self, m) + BOTTOM_EM * m->em +
            legend_gap (m) + *legend_h;
}

static void
jln_timeline_get_size (JlnPicture           *picture,
                       const JlnRenderStyle *style,
                       double               *width,
                       double               *height)
{
  Metrics m;
  double legend_h;

  picture_size (JLN_TIMELINE (picture), style, &m, width, height, &legend_h);
}

/* The whole picture: a title, the timeline, the legend. */
static void
jln_timeline_draw (JlnPicture           *picture,
                   cairo_t              *cr,
                   const JlnRenderStyle *style)
{
  JlnTimeline *self = JLN_TIMELINE (picture);
  g_autofree char *title = jln_timeline_dup_title (picture, style);
  double width, height, legend_h, clip_y0, clip_y1, body_h, x0, x1;
  PangoLayout *layout;
  guint first = 0, end = 0;
  Metrics m;
  Draw d;

  picture_size (self, style, &m, &width, &height, &legend_h);
  draw_init (&d, self, cr, style, MODE_PICTURE, 0);

  layout = get_text (self, style, JLN_RENDER_FONT_TITLE, title, width - 2 * PAD_EM * m.em);
  jln_render_style_set_source (style, cr, JLN_RENDER_COLOR_FOREGROUND);
  show_text (cr, layout, PAD_EM * m.em, 0.5 * m.em);

  /* Only the rows that meet the clip, for a large plan's SVG. */
  cairo_clip_extents (cr, &x0, &clip_y0, &x1, &clip_y1);
  body_h = m.header_h + rows_height (self, &m) + BOTTOM_EM * m.em;
  if (self->rows->len > 0)
    {
      first = row_at_y (self, &m, MAX (0, clip_y0 - TITLE_EM * m.em - m.header_h));
      end = row_at_y (self, &m, MAX (0, clip_y1 - TITLE_EM * m.em - m.header_h)) + 1;
    }

  cairo_save (cr);
  cairo_translate (cr, 0, TITLE_EM * m.em);
  cairo_rectangle (cr, 0, 0, width, body_h);
  cairo_clip (cr);
  draw_frame (&d, width, body_h, 0, 0, first, end, -1, width);
  cairo_restore (cr);

  cairo_save (cr);
  cairo_translate (cr, PAD_EM * m.em, TITLE_EM * m.em + body_h + legend_gap (&m));
  layout_legend (&d, width - 2 * PAD_EM * m.em, 0);
  cairo_restore (cr);
}

/* Pages: rows go down the pages, never cut, each page with the header,
 * the labels and the legend; an objective that goes on is headed again,
 * "(continued)". The semesters fill the page's width and keep the type
 * of the page format; only when they would be narrower than their
 * labels do they go on across pages, each repeating the labels. */
/* The share of a page's width the titles take when a row is too tall
 * for a page even with the widest title column that keeps the period on
 * each page. */
static const double wider_labels[] = { 0.55, 0.7, 0.85 };

static double
tallest_row (JlnTimeline   *self,
             const Metrics *m)
{
  double tallest = 0;

  for (guint r = 0; r < self->rows->len; r++)
    tallest = MAX (tallest, row_height (self, m, r));
  return tallest;
}

/* Lays the rows out down pages with @avail for rows; into @pages if not
 * NULL. Returns how many pages. */
static guint
lay_out_pages (JlnTimeline   *self,
               const Metrics *m,
               double         avail,
               GArray        *pages)
{
  guint i = 0, n = 0;

  while (i < self->rows->len || n == 0)
    {
      Page page = { .first = i, .end = i, .continued = -1 };
      double used = 0;

      if (i < self->rows->len && get_row (self, i)->kind != JLN_TIMELINE_ROW_HEADING)
        {
          page.continued = get_row (self, i)->heading;
          used = m->heading_h;
        }
      while (page.end < self->rows->len)
        {
          double h = row_height (self, m, page.end);

          if (used + h > avail && page.end > page.first)
            break;
          used += h;
          page.end++;
        }
      /* A heading is not left alone at the foot of a page. */
      if (page.end < self->rows->len && page.end - page.first > 1 &&
          get_row (self, page.end - 1)->kind == JLN_TIMELINE_ROW_HEADING)
        page.end--;
      if (pages != NULL)
        g_array_append_val (pages, page);
      n++;
      i = page.end;
      if (self->rows->len == 0)
        break;
    }
  return n;
}

static void
paginate (JlnTimeline          *self,
          const JlnRenderStyle *style,
          double                width,
          double                height)
{
  Metrics m;
  double legend_h, avail, chart_w, min_w, cap, base, best_w = -1;
  guint n_sem, per_page, n_steps, best_n = G_MAXUINT;

  ensure_layout (self);
  if (self->pages != NULL && self->page_width == width && self->page_height == height &&
      self->page_em == jln_render_style_get_em (style))
    return;

  g_clear_pointer (&self->pages, g_array_unref);
  self->pages = g_array_new (FALSE, FALSE, sizeof (Page));
  self->page_width = width;
  self->page_height = height;
  self->page_em = jln_render_style_get_em (style);

  self->page_label_w = 0;
  metrics_init (self, style, MODE_PAGE, width, &m);
  legend_h = jln_timeline_get_legend_height (self, style, width);
  avail = height - m.header_h - legend_gap (&m) - legend_h;

  /* One title column for all the pages, so that the semesters keep their
   * place from one page to the next: the room the semesters do not need,
   * or, where that needs fewer pages, all the room that leaves them their
   * narrowest on one page, so that long titles take fewer lines and a
   * page holds more rows. A row is never cut: a width whose pages cannot
   * hold the tallest row is not taken. Plans too large to lay out twice
   * keep the first width that holds every row. */
  cap = page_label_cap (self, width, m.em);
  base = m.label_w;
  n_steps = cap > base ? 1 : 0;
  for (guint step = 0; step <= n_steps; step++)
    {
      double w = step == 0 ? 0 : round (base + (cap - base) * step / n_steps);
      guint n;

      self->page_label_w = w;
      metrics_init (self, style, MODE_PAGE, width, &m);
      if (tallest_row (self, &m) + m.heading_h > avail)
        continue;
      n = self->rows->len <= MAX_SEARCHED_ROWS ? lay_out_pages (self, &m, avail, NULL) : 0;
      if (n < best_n)
        {
          best_n = n;
          best_w = w;
        }
      if (self->rows->len > MAX_SEARCHED_ROWS)
        break;
    }
  /* Only a row too tall for a page even then widens the titles past
   * that, and the semesters go on across pages. */
  self->page_label_w = MAX (best_w, 0);
  if (best_w < 0)
    {
      self->page_label_w = cap;
      for (guint w = 0; w < G_N_ELEMENTS (wider_labels); w++)
        {
          metrics_init (self, style, MODE_PAGE, width, &m);
          if (tallest_row (self, &m) + m.heading_h <= avail)
            break;
          self->page_label_w = MAX (self->page_label_w, round (width * wider_labels[w]));
        }
    }
  metrics_init (self, style, MODE_PAGE, width, &m);

  n_sem = n_semesters (self);
  chart_w = width - m.label_w;
  min_w = min_semester_em[self->zoom] * m.em;
  per_page = MAX (1, (guint) floor (chart_w / min_w));
  self->n_columns = (n_sem + per_page - 1) / per_page;
  self->page_semesters = (n_sem + self->n_columns - 1) / self->n_columns;
  self->page_semester_w = chart_w / self->page_semesters;

  lay_out_pages (self, &m, avail, self->pages);
}

static guint
jln_timeline_paginate (JlnPicture           *picture,
                       const JlnRenderStyle *style,
                       double                width,
                       double                height)
{
  JlnTimeline *self = JLN_TIMELINE (picture);

  paginate (self, style, width, height);
  return self->pages->len * self->n_columns;
}

static void
jln_timeline_draw_page (JlnPicture           *picture,
                        cairo_t              *cr,
                        const JlnRenderStyle *style,
                        guint                 page_number,
                        double                width,
                        double                height)
{
  JlnTimeline *self = JLN_TIMELINE (picture);
  const Page *page;
  guint column;
  double scroll_x, chart_end, legend_h, body_h;
  Draw d;

  paginate (self, style, width, height);
  if (page_number >= self->pages->len * self->n_columns)
    return;
  page = &g_array_index (self->pages, Page, page_number / self->n_columns);
  column = page_number % self->n_columns;

  draw_init (&d, self, cr, style, MODE_PAGE, width);
  d.m.semester_w = self->page_semester_w;
  d.today_x = today_x (self, &d.m);
  scroll_x = column * self->page_semesters * d.m.semester_w;
  chart_end = d.m.label_w + MIN (self->page_semesters, n_semesters (self) - column * self->page_semesters) *
                            d.m.semester_w;
  body_h = d.m.header_h + (page->continued >= 0 ? d.m.heading_h : 0) +
           row_top (self, &d.m, page->end) - row_top (self, &d.m, page->first);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, chart_end, body_h);
  cairo_clip (cr);
  draw_frame (&d, chart_end, body_h, scroll_x, row_top (self, &d.m, page->first),
              page->first, page->end, page->continued, chart_end);
  cairo_restore (cr);

  /* A frame round the table, and the legend under it. */
  cairo_rectangle (cr, 0.5, 0.5, chart_end - 1, body_h - 1);
  cairo_set_line_width (cr, 1.0);
  jln_render_style_set_source_alpha (style, cr, JLN_RENDER_COLOR_FOREGROUND, 0.35);
  cairo_stroke (cr);

  legend_h = jln_timeline_get_legend_height (self, style, width);
  cairo_save (cr);
  cairo_translate (cr, 0, height - legend_h);
  layout_legend (&d, width, 0);
  cairo_restore (cr);
}

/**
 * jln_timeline_get_page_areas:
 * @page_number: a page, as jln_picture_draw_page() draws it
 * @axis: (out) (optional): where the semester header is drawn: the years,
 *   the semesters and the milestones' marks
 * @legend: (out) (optional): where the legend is drawn
 *
 * The parts of a page that are read on every page, in the page's
 * coordinates, so that a window can keep its own controls off them.
 */
void
jln_timeline_get_page_areas (JlnTimeline          *self,
                             const JlnRenderStyle *style,
                             guint                 page_number,
                             double                width,
                             double                height,
                             cairo_rectangle_t    *axis,
                             cairo_rectangle_t    *legend)
{
  Metrics m;
  guint column = 0;
  double chart_end, legend_h;

  g_return_if_fail (JLN_IS_TIMELINE (self));

  paginate (self, style, width, height);
  metrics_init (self, style, MODE_PAGE, width, &m);
  if (self->n_columns > 0)
    column = MIN (page_number, self->pages->len * self->n_columns - 1) % self->n_columns;
  chart_end = m.label_w + MIN (self->page_semesters, n_semesters (self) - column * self->page_semesters) *
                          self->page_semester_w;
  legend_h = jln_timeline_get_legend_height (self, style, width);
  if (axis != NULL)
    *axis = (cairo_rectangle_t) { 0, 0, chart_end, m.header_h };
  if (legend != NULL)
    *legend = (cairo_rectangle_t) { 0, height - legend_h, width, legend_h };
}

/**
 * jln_timeline_get_page_range:
 * @page_number: a page, as jln_picture_draw_page() draws it
 * @first_row: (out) (optional): the first row of the page
 * @end_row: (out) (optional): the row after its last
 * @first_semester: (out) (optional): the first semester it shows
 * @last_semester: (out) (optional): the last semester it shows
 *
 * What a page of @width × @height shows: its rows, without the heading
 * repeated "(continued)" at its top, and its semesters.
 */
void
jln_timeline_get_page_range (JlnTimeline          *self,
                             const JlnRenderStyle *style,
                             guint                 page_number,
                             double                width,
                             double                height,
                             guint                *first_row,
                             guint                *end_row,
                             JlnSemester          *first_semester,
                             JlnSemester          *last_semester)
{
  const Page *page;
  guint column;

  g_return_if_fail (JLN_IS_TIMELINE (self));

  paginate (self, style, width, height);
  page_number = MIN (page_number, self->pages->len * self->n_columns - 1);
  page = &g_array_index (self->pages, Page, page_number / self->n_columns);
  column = page_number % self->n_columns;
  if (first_row != NULL)
    *first_row = page->first;
  if (end_row != NULL)
    *end_row = page->end;
  if (first_semester != NULL)
    *first_semester = self->first + column * self->page_semesters;
  if (last_semester != NULL)
    *last_semester = MIN (self->last, self->first + (column + 1) * self->page_semesters - 1);
}

static void
jln_timeline_picture_init (JlnPictureInterface *iface)
{
  iface->get_size = jln_timeline_get_size;
  iface->draw = jln_timeline_draw;
  iface->paginate = jln_timeline_paginate;
  iface->draw_page = jln_timeline_draw_page;
  iface->dup_title = jln_timeline_dup_title;
}

/* --- Object ---------------------------------------------------------------- */

static void
jln_timeline_dispose (GObject *object)
{
  JlnTimeline *self = JLN_TIMELINE (object);

  if (self->rows != NULL)
    clear_rows (self);
  g_clear_object (&self->objective);
  g_clear_object (&self->selected);

  G_OBJECT_CLASS (jln_timeline_parent_class)->dispose (object);
}

static void
jln_timeline_finalize (GObject *object)
{
  JlnTimeline *self = JLN_TIMELINE (object);

  if (self->match_destroy != NULL)
    self->match_destroy (self->match_data);
  g_clear_pointer (&self->query, jln_query_unref);
  g_clear_pointer (&self->today, g_date_time_unref);
  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_pointer (&self->pages, g_array_unref);
  g_clear_pointer (&self->tops, g_array_unref);
  g_clear_pointer (&self->row_layouts, g_hash_table_unref);
  g_clear_pointer (&self->layouts, g_hash_table_unref);
  g_clear_pointer (&self->cache_family, g_free);
  g_clear_object (&self->context);
  g_clear_object (&self->plan);

  G_OBJECT_CLASS (jln_timeline_parent_class)->finalize (object);
}

static void
jln_timeline_class_init (JlnTimelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = jln_timeline_dispose;
  object_class->finalize = jln_timeline_finalize;
}

static void
jln_timeline_init (JlnTimeline *self)
{
  self->rows = g_array_new (FALSE, FALSE, sizeof (Row));
  self->tops = g_array_new (FALSE, FALSE, sizeof (double));
  self->row_layouts = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  self->layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->zoom = JLN_TIMELINE_ZOOM_SEMESTER;
  self->start = JLN_TIMELINE_START_PLAN;
  self->lang = -1;
  self->cache_lang = -1;
  self->today = g_date_time_new_now_local ();
  self->today_semester = jln_semester_from_date (self->today);
}

JlnTimeline *
jln_timeline_new (JlnPlan *plan)
{
  JlnTimeline *self;

  g_return_val_if_fail (JLN_IS_PLAN (plan), NULL);

  self = g_object_new (JLN_TYPE_TIMELINE, NULL);
  self->plan = g_object_ref (plan);
  return self;
}

/**
 * jln_timeline_get_plan:
 *
 * Returns: (transfer none): the plan drawn
 */
JlnPlan *
jln_timeline_get_plan (JlnTimeline *self)
{
  g_return_val_if_fail (JLN_IS_TIMELINE (self), NULL);
  return self->plan;
}

/**
 * jln_timeline_set_query:
 * @query: (nullable): the actions to show; %NULL for all
 */
void
jln_timeline_set_query (JlnTimeline *self,
                        JlnQuery    *query)
{
  g_return_if_fail (JLN_IS_TIMELINE (self));

  if (self->query == query)
    return;
  g_clear_pointer (&self->query, jln_query_unref);
  self->query = query != NULL ? jln_query_ref (query) : NULL;
  jln_timeline_invalidate (self);
}

/**
 * jln_timeline_set_match_func:
 * @func: (nullable): tells which actions to show, instead of a query,
 *   such as the window's filter; %NULL for the query's
 */
void
jln_timeline_set_match_func (JlnTimeline          *self,
                             JlnTimelineMatchFunc  func,
                             gpointer              user_data,
                             GDestroyNotify        destroy)
{
  g_return_if_fail (JLN_IS_TIMELINE (self));

  if (self->match_destroy != NULL)
    self->match_destroy (self->match_data);
  self->match_func = func;
  self->match_data = user_data;
  self->match_destroy = destroy;
  jln_timeline_invalidate (self);
}

void
jln_timeline_set_zoom (JlnTimeline     *self,
                       JlnTimelineZoom  zoom)
{
  g_return_if_fail (JLN_IS_TIMELINE (self));
  g_return_if_fail (zoom <= JLN_TIMELINE_ZOOM_YEAR);

  if (self->zoom == zoom)
    return;
  self->zoom = zoom;
  g_clear_pointer (&self->pages, g_array_unref);
  g_hash_table_remove_all (self->layouts);
}

JlnTimelineZoom
jln_timeline_get_zoom (JlnTimeline *self)
{
  g_return_val_if_fail (JLN_IS_TIMELINE (self), JLN_TIMELINE_ZOOM_SEMESTER);
  return self->zoom;
}

void
jln_timeline_set_start (JlnTimeline      *self,
                        JlnTimelineStart  start)
{
  g_return_if_fail (JLN_IS_TIMELINE (self));
  g_return_if_fail (start <= JLN_TIMELINE_START_CURRENT);

  if (self->start == start)
    return;
  self->start = start;
  jln_timeline_invalidate (self);
}

JlnTimelineStart
jln_timeline_get_start (JlnTimeline *self)
{
  g_return_val_if_fail (JLN_IS_TIMELINE (self), JLN_TIMELINE_START_PLAN);
  return self->start;
}

/**
 * jln_timeline_set_period:
 * @first: the first semester shown, or %JLN_SEMESTER_NONE for the start
 *   chosen with jln_timeline_set_start()
 * @last: the last semester shown, or %JLN_SEMESTER_NONE for the last of
 *   the plan, its actions and today
 *
 * The semesters shown, for a presentation of a period. Actions outside
 * it are still listed, with a note at the edge of the chart.
 */
void
jln_timeline_set_period (JlnTimeline *self,
                         JlnSemester  first,
                         JlnSemester  last)
{
  g_return_if_fail (JLN_IS_TIMELINE (self));
  g_return_if_fail (first == JLN_SEMESTER_NONE || last == JLN_SEMESTER_NONE || first <= last);

  if (self->period_first == first && self->period_last == last)
    return;
  self->period_first = first;
  self->period_last = last;
  jln_timeline_invalidate (self);
}

/**
 * jln_timeline_set_today:
 * @today: (nullable): the date of the today line, which decides which
 *   actions are overdue; %NULL for now
 */
void
jln_timeline_set_today (JlnTimeline *self,
                        GDateTime   *today)
{
  g_return_if_fail (JLN_IS_TIMELINE (self));

  g_clear_pointer (&self->today, g_date_time_unref);
  self->today = today != NULL ? g_date_time_ref (today) : g_date_time_new_now_local ();
  self->today_semester = jln_semester_from_date (self->today);
  jln_timeline_invalidate (self);
}

/**
 * jln_timeline_set_language:
 * @lang: the language of the plan's texts and of the words drawn,
 *   %JLN_LANG_FR or %JLN_LANG_EN; -1 for the style's
 */
void
jln_timeline_set_language (JlnTimeline *self,
                           int          lang)
{
  g_return_if_fail (JLN_IS_TIMELINE (self));
  g_return_if_fail (lang >= -1 && lang <= JLN_LANG_EN);

  self->lang = lang;
}

/**
 * jln_timeline_set_objective:
 * @objective: (nullable): the one objective to show, as in a
 *   presentation; %NULL for all. The semesters stay those of all.
 */
void
jln_timeline_set_objective (JlnTimeline  *self,
                            JlnObjective *objective)
{
  g_return_if_fail (JLN_IS_TIMELINE (self));

  if (g_set_object (&self->objective, objective))
    jln_timeline_invalidate (self);
}

/**
 * jln_timeline_get_objective:
 *
 * Returns: (transfer none) (nullable): the one objective shown
 */
JlnObjective *
jln_timeline_get_objective (JlnTimeline *self)
{
  g_return_val_if_fail (JLN_IS_TIMELINE (self), NULL);
  return self->objective;
}

/**
 * jln_timeline_set_selected:
 * @record: (nullable): the objective, action or sub-item highlighted
 */
void
jln_timeline_set_selected (JlnTimeline *self,
                           JlnRecord   *record)
{
  g_return_if_fail (JLN_IS_TIMELINE (self));
  g_set_object (&self->selected, record);
}

/**
 * jln_timeline_get_selected:
 *
 * Returns: (transfer none) (nullable): the record highlighted
 */
JlnRecord *
jln_timeline_get_selected (JlnTimeline *self)
{
  g_return_val_if_fail (JLN_IS_TIMELINE (self), NULL);
  return self->selected;
}

/* Titles on two lines in taller rows, as on paper: for a projector. */
void
jln_timeline_set_wrap (JlnTimeline *self,
                       gboolean     wrap)
{
  g_return_if_fail (JLN_IS_TIMELINE (self));
  self->wrap = !!wrap;
}

/* The width of the view's title column, in the style's user units, as
 * the user dragged it; 0 for a width that follows the view's. */
void
jln_timeline_set_label_width (JlnTimeline *self,
                              double       width)
{
  g_return_if_fail (JLN_IS_TIMELINE (self));
  self->label_width = MAX (0, width);
}

double
jln_timeline_get_min_label_width (JlnTimeline          *self,
                                  const JlnRenderStyle *style)
{
  g_return_val_if_fail (JLN_IS_TIMELINE (self), 0);
  return MIN_LABEL_EM * jln_render_style_get_em (style);
}

/* Every sub-item, with a date or not: in a presentation, an action that
 * ends "… in order to:" reads on into its sub-items. */
void
jln_timeline_set_all_items (JlnTimeline *self,
                            gboolean     all_items)
{
  g_return_if_fail (JLN_IS_TIMELINE (self));

  if (self->all_items == !!all_items)
    return;
  self->all_items = !!all_items;
  jln_timeline_invalidate (self);
}

/* Semesters that fill the width of the view, as on paper. */
void
jln_timeline_set_fit_width (JlnTimeline *self,
                            gboolean     fit)
{
  g_return_if_fail (JLN_IS_TIMELINE (self));
  self->fit = !!fit;
}

void
jln_timeline_invalidate (JlnTimeline *self)
{
  g_return_if_fail (JLN_IS_TIMELINE (self));
  self->valid = FALSE;
  g_clear_pointer (&self->pages, g_array_unref);
}

/* --- Rows and hit-testing -------------------------------------------------- */

guint
jln_timeline_get_n_rows (JlnTimeline *self)
{
  g_return_val_if_fail (JLN_IS_TIMELINE (self), 0);
  ensure_layout (self);
  return self->rows->len;
}

guint
jln_timeline_get_n_actions (JlnTimeline *self)
{
  g_return_val_if_fail (JLN_IS_TIMELINE (self), 0);
  ensure_layout (self);
  return self->n_actions;
}

guint
jln_timeline_get_n_overdue (JlnTimeline *self)
{
  g_return_val_if_fail (JLN_IS_TIMELINE (self), 0);
  ensure_layout (self);
  return self->n_overdue;
}

/**
 * jln_timeline_get_row_record:
 *
 * Returns: (transfer none) (nullable): the record of @row
 */
JlnRecord *
jln_timeline_get_row_record (JlnTimeline *self,
                             guint        row)
{
  g_return_val_if_fail (JLN_IS_TIMELINE (self), NULL);
  ensure_layout (self);
  return row < self->rows->len ? get_row (self, row)->record : NULL;
}

JlnTimelineRowKind
jln_timeline_get_row_kind (JlnTimeline *self,
                           guint        row)
{
  g_return_val_if_fail (JLN_IS_TIMELINE (self), JLN_TIMELINE_ROW_ACTION);
  ensure_layout (self);
  g_return_val_if_fail (row < self->rows->len, JLN_TIMELINE_ROW_ACTION);
  return get_row (self, row)->kind;
}

gboolean
jln_timeline_find_row (JlnTimeline *self,
                       JlnRecord   *record,
                       guint       *row)
{
  g_return_val_if_fail (JLN_IS_TIMELINE (self), FALSE);
  ensure_layout (self);
  for (guint i = 0; record != NULL && i < self->rows->len; i++)
    if (get_row (self, i)->record == record)
      {
        if (row != NULL)
          *row = i;
        return TRUE;
      }
  return FALSE;
}

void
jln_timeline_get_range (JlnTimeline *self,
                        JlnSemester *first,
                        JlnSemester *last)
{
  g_return_if_fail (JLN_IS_TIMELINE (self));
  ensure_layout (self);
  if (first != NULL)
    *first = self->first;
  if (last != NULL)
    *last = self->last;
}

double
jln_timeline_get_header_height (JlnTimeline          *self,
                                const JlnRenderStyle *style,
                                double                width)
{
  Metrics m;

  g_return_val_if_fail (JLN_IS_TIMELINE (self), 0);
  metrics_init (self, style, MODE_VIEW, width, &m);
  return m.header_h;
}

double
jln_timeline_get_label_width (JlnTimeline          *self,
                              const JlnRenderStyle *style,
                              double                width)
{
  Metrics m;

  g_return_val_if_fail (JLN_IS_TIMELINE (self), 0);
  metrics_init (self, style, MODE_VIEW, width, &m);
  return m.label_w;
}

/* What scrolls: the semesters' width and the rows' height, for a view
 * @width wide. */
void
jln_timeline_get_content_size (JlnTimeline          *self,
                               const JlnRenderStyle *style,
                               double                width,
                               double               *content_width,
                               double               *content_height)
{
  Metrics m;

  g_return_if_fail (JLN_IS_TIMELINE (self));
  metrics_init (self, style, MODE_VIEW, width, &m);
  if (content_width != NULL)
    *content_width = n_semesters (self) * m.semester_w;
  if (content_height != NULL)
    *content_height = rows_height (self, &m) + BOTTOM_EM * m.em;
}

/* The left edge of @semester in content coordinates. */
double
jln_timeline_get_semester_x (JlnTimeline          *self,
                             const JlnRenderStyle *style,
                             double                width,
                             JlnSemester           semester)
{
  Metrics m;

  g_return_val_if_fail (JLN_IS_TIMELINE (self), 0);
  metrics_init (self, style, MODE_VIEW, width, &m);
  return semester_x (self, &m, semester);
}

/**
 * jln_timeline_dup_quarter_label:
 * @quarter: 0 for the first quarter of @semester, 1 for the second
 *
 * Returns: (transfer full): what the header of a view @width wide zoomed
 *   to quarters says of a quarter: "Q3 2022" or "Q3", "T3 2022" in French
 */
char *
jln_timeline_dup_quarter_label (JlnTimeline          *self,
                                const JlnRenderStyle *style,
                                double                width,
                                JlnSemester           semester,
                                guint                 quarter)
{
  Draw d;

  g_return_val_if_fail (JLN_IS_TIMELINE (self), NULL);
  draw_init (&d, self, NULL, style, MODE_VIEW, width);
  return dup_quarter_label (&d, semester, quarter);
}

/**
 * jln_timeline_dup_semester_label:
 *
 * Returns: (transfer full): what the header of a view @width wide says of
 *   @semester: "2e sem. 2022", "S2 2022", "S2" or nothing, the longest
 *   that fits, in the timeline's language
 */
char *
jln_timeline_dup_semester_label (JlnTimeline          *self,
                                 const JlnRenderStyle *style,
                                 double                width,
                                 JlnSemester           semester)
{
  Draw d;

  g_return_val_if_fail (JLN_IS_TIMELINE (self), NULL);
  draw_init (&d, self, NULL, style, MODE_VIEW, width);
  return dup_semester_label (semester, d.lang, label_form (&d));
}

void
jln_timeline_get_row_extents (JlnTimeline          *self,
                              const JlnRenderStyle *style,
                              guint                 row,
                              double               *y,
                              double               *height)
{
  Metrics m;

  g_return_if_fail (JLN_IS_TIMELINE (self));
  metrics_init (self, style, MODE_VIEW, 0, &m);
  if (y != NULL)
    *y = row_top (self, &m, row);
  if (height != NULL)
    *height = row < self->rows->len ? row_height (self, &m, row) : 0;
}

/* The row at @y, in content coordinates. */
gboolean
jln_timeline_row_at (JlnTimeline          *self,
                     const JlnRenderStyle *style,
                     double                y,
                     guint                *row)
{
  Metrics m;
  guint i;

  g_return_val_if_fail (JLN_IS_TIMELINE (self), FALSE);
  metrics_init (self, style, MODE_VIEW, 0, &m);
  if (self->rows->len == 0 || y < 0 || y >= rows_height (self, &m))
    return FALSE;
  i = row_at_y (self, &m, y);
  if (row != NULL)
    *row = i;
  return TRUE;
}

/**
 * jln_timeline_bar_at:
 * @x: in content coordinates, from the first semester
 * @y: in content coordinates, from the first row
 *
 * Returns: (transfer none) (nullable): the action or sub-item whose bar
 *   or mark is at (@x, @y)
 */
JlnRecord *
jln_timeline_bar_at (JlnTimeline          *self,
                     const JlnRenderStyle *style,
                     double                width,
                     double                x,
                     double                y)
{
  Metrics m;
  const Row *row;
  guint i;
  double top, h, slack;
  Bar bar;

  g_return_val_if_fail (JLN_IS_TIMELINE (self), NULL);
  metrics_init (self, style, MODE_VIEW, width, &m);
  if (!jln_timeline_row_at (self, style, y, &i))
    return NULL;
  row = get_row (self, i);
  if (row->kind == JLN_TIMELINE_ROW_HEADING)
    return NULL;
  top = row_top (self, &m, i);
  h = row_height (self, &m, i);
  slack = 0.3 * m.em;
  compute_bar (self, row->record, &bar);
  if (fabs (y - (top + h / 2)) > BAR_EM * m.em / 2 + slack)
    return NULL;
  if (bar.start != JLN_SEMESTER_NONE &&
      x >= semester_x (self, &m, MAX (bar.start, self->first)) - slack &&
      x <= MAX (semester_x (self, &m, bar.end + 1),
                bar.overdue ? today_x (self, &m) : 0) + slack)
    return row->record;
  if (bar.next != JLN_SEMESTER_NONE &&
      fabs (x - semester_x (self, &m, bar.next) - m.semester_w / 2) < 0.6 * m.em)
    return row->record;
  return NULL;
}

/* --- Words for people ------------------------------------------------------ */

static void
append_units (GString   *out,
              GPtrArray *units)
{
  if (units == NULL || units->len == 0)
    return;
  g_string_append (out, "\n");
  /* Translators: before the responsible units of an action, in a tooltip. */
  g_string_append (out, _("Units: "));
  for (guint i = 0; i < units->len; i++)
    {
      if (i > 0)
        g_string_append (out, ", ");
      g_string_append (out, jln_unit_get_code (g_ptr_array_index (units, i)));
    }
}

/**
 * jln_timeline_dup_tooltip:
 * @lang: the language of the plan's texts
 *
 * Returns: (transfer full): what the timeline shows of @record, in full,
 *   as plain text
 */
char *
jln_timeline_dup_tooltip (JlnTimeline *self,
                          JlnRecord   *record,
                          JlnLang      lang)
{
  GString *out;
  const char *number, *title;
  const JlnCompletion *completion;
  JlnSemester due, start = JLN_SEMESTER_NONE;
  JlnStatus status;
  GPtrArray *units;
  const JlnText *note = NULL;
  g_autofree char *isolated_parent = NULL;
  g_autofree char *isolated_number = NULL;
  g_autofree char *isolated_title = NULL;
  Bar bar;

  g_return_val_if_fail (JLN_IS_TIMELINE (self), NULL);
  g_return_val_if_fail (JLN_IS_RECORD (record), NULL);

  out = g_string_new (NULL);
  if (JLN_IS_OBJECTIVE (record))
    {
      g_autofree char *text = dup_heading_text (JLN_OBJECTIVE (record), lang);

      g_string_append (out, text);
      return g_string_free (out, FALSE);
    }

  if (!jln_record_get_status (record, &status))
    return g_string_free (out, FALSE);
  number = jln_record_get_number (record);
  title = jln_record_get_title_text (record, lang, NULL);
  completion = jln_record_get_completion (record);
  due = jln_record_get_due (record);
  start = jln_record_get_start (record);
  units = jln_record_get_units (record);
  /* Plan text cannot reorder what is composed around it. */
  isolated_number = jln_text_isolate (number);
  isolated_title = jln_text_isolate (title);
  if (JLN_IS_ACTION (record))
    {
      note = jln_action_get_note (JLN_ACTION (record));
      g_string_append_printf (out, "%s %s", isolated_number, isolated_title);
    }
  else
    {
      const char *parent = jln_record_get_number (jln_record_get_parent (record));

      isolated_parent = jln_text_isolate (parent != NULL ? parent : "");
      g_string_append_printf (out, "%s %s. %s", isolated_parent, isolated_number, isolated_title);
    }

  compute_bar (self, record, &bar);
  g_string_append (out, "\n");
  g_string_append (out, jln_status_get_label (status));
  if (bar.overdue)
    {
      g_string_append (out, " — ");
      g_string_append (out, _("Overdue"));
    }
  if (status == JLN_STATUS_SUPERSEDED && JLN_IS_ACTION (record))
    {
      const char * const *refs = jln_action_get_references (JLN_ACTION (record));

      if (refs != NULL && refs[0] != NULL)
        {
          g_autofree char *joined = g_strjoinv (", ", (char **) refs);

          g_string_append_printf (out, ", cf. %s", joined);
        }
    }

  if (start != JLN_SEMESTER_NONE)
    {
      g_autofree char *text = jln_semester_format (start, JLN_SEMESTER_STYLE_LONG, lang);

      g_string_append (out, "\n");
      /* Translators: %s is a semester, like “1st sem. 2022”. */
      g_string_append_printf (out, _("Starts: %s"), text);
    }
  if (due != JLN_SEMESTER_NONE)
    {
      g_autofree char *text = jln_semester_format (due, JLN_SEMESTER_STYLE_LONG, lang);

      g_string_append (out, "\n");
      /* Translators: %s is a semester, like “2nd sem. 2022”. */
      g_string_append_printf (out, _("Due: %s"), text);
    }
  if (jln_completion_is_set (completion))
    {
      g_autofree char *text = jln_completion_format (completion, lang);

      g_string_append (out, "\n");
      /* Translators: %s is when an action was done: a year, a range of years or a semester. */
      g_string_append_printf (out, _("Done: %s"), text);
    }
  if (bar.next != JLN_SEMESTER_NONE)
    {
      g_autofree char *text = jln_semester_format (bar.next, JLN_SEMESTER_STYLE_LONG, lang);

      g_string_append (out, "\n");
      /* Translators: %s is a semester: when a yearly action comes round again. */
      g_string_append_printf (out, _("Next: %s"), text);
    }
  append_units (out, units);

  /* Why an action was revised, superseded or dropped. */
  if (note != NULL && (status == JLN_STATUS_REVISED || status == JLN_STATUS_SUPERSEDED ||
                       status == JLN_STATUS_DROPPED))
    {
      const char *text = jln_text_get_fallback (note, lang, NULL);

      if (text != NULL)
        g_string_append_printf (out, "\n%s", text);
    }
  return g_string_free (out, FALSE);
}

/**
 * jln_timeline_dup_description:
 *
 * Returns: (transfer full): what the timeline shows, in a sentence, for
 *   assistive technologies
 */
char *
jln_timeline_dup_description (JlnTimeline *self,
                              JlnLang      lang)
{
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autofree char *actions = NULL;
  g_autofree char *overdue = NULL;

  g_return_val_if_fail (JLN_IS_TIMELINE (self), NULL);
  ensure_layout (self);

  first = jln_semester_format (self->first, JLN_SEMESTER_STYLE_LONG, lang);
  last = jln_semester_format (self->last, JLN_SEMESTER_STYLE_LONG, lang);
  actions = g_strdup_printf (dngettext (GETTEXT_PACKAGE, "%u action", "%u actions", self->n_actions),
                             self->n_actions);
  overdue = g_strdup_printf (dngettext (GETTEXT_PACKAGE, "%u overdue", "%u overdue", self->n_overdue),
                             self->n_overdue);
  /* Translators: the description of the timeline for screen readers:
     “112 actions, 30 overdue, from 1st sem. 2021 to 2nd sem. 2026”. */
  return g_strdup_printf (_("%1$s, %2$s, from %3$s to %4$s"), actions, overdue, first, last);
}
