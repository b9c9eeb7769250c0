/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "jln-action-list.h"
#include "jln-test-utils.h"
#include "jln-timeline-canvas.h"
#include "jln-timeline-view.h"
#include "jln-window.h"

G_BEGIN_DECLS

typedef gboolean (*JlnTestWidgetMatch) (GtkWidget     *widget,
                                        gconstpointer  data);
typedef gboolean (*JlnTestCondition)   (gconstpointer  data);

/* How long a wait may take before the test fails: generous, for a loaded
 * machine or a sanitizer build. */
#define JLN_TEST_TIMEOUT_MS 20000

void        jln_test_wait_ms            (guint               ms);
void        jln_test_iterate            (void);
void        jln_test_wait_until_full    (JlnTestCondition    condition,
                                         gconstpointer       data,
                                         guint               timeout_ms,
                                         const char         *what,
                                         const char         *file,
                                         int                 line,
                                         const char         *func);
void        jln_test_iterate_before     (gint64              deadline,
                                         const char         *what,
                                         const char         *file,
                                         int                 line,
                                         const char         *func);
void        jln_test_wait_for_idle      (GtkWidget          *widget);
void        jln_test_wait_for_mapped    (GtkWidget          *widget);
GtkWidget  *jln_test_popup              (GtkWidget          *button_or_popover);
void        jln_test_wait_for_unmapped  (GtkWidget          *widget);
void        jln_test_wait_for_allocation (GtkWidget         *widget);
void        jln_test_wait_for_finalized (gpointer            object);
void        jln_test_wait_for_string_property (gpointer      object,
                                         const char         *name,
                                         const char         *expected);
GtkWidget  *jln_test_find_widget        (GtkWidget          *widget,
                                         JlnTestWidgetMatch  match,
                                         gconstpointer       data);
GtkWidget  *jln_test_find_child_of_type (GtkWidget          *widget,
                                         GType               type);
GtkWindow  *jln_test_find_transient     (GtkWindow          *parent);
GtkWindow  *jln_test_find_window        (GType               type);
GdkTexture *jln_test_render_widget      (GtkWidget          *widget);
void        jln_test_save_screenshot    (GdkTexture         *texture,
                                         const char         *name,
                                         const char         *language);
void        jln_test_load_style         (void);
void        jln_test_wait_for_document  (JlnWindow          *window);

/* A window of the default application on a copy of the bundled plan, the
 * action list in front and the timeline built: the fixture of the tests
 * of the timeline and of the presentation, for g_test_add(). */
typedef struct
{
  char              *path;
  JlnWindow         *window;
  JlnDocument       *document;
  JlnActionList     *list;
  JlnTimelineView   *view;
  JlnTimelineCanvas *canvas;
} JlnTestTimelineFixture;

void        jln_test_timeline_fixture_setup    (JlnTestTimelineFixture *fixture,
                                                gconstpointer           data);
void        jln_test_timeline_fixture_teardown (JlnTestTimelineFixture *fixture,
                                                gconstpointer           data);
void        jln_test_timeline_fixture_wait_for_list (JlnTestTimelineFixture *fixture);
void        jln_test_timeline_fixture_show_timeline (JlnTestTimelineFixture *fixture);

/* Waits until @condition (@data) is true, iterating the main context; fails
 * the test, naming the condition, if it is still false after
 * JLN_TEST_TIMEOUT_MS. */
#define jln_test_wait_until(condition, data) \
  jln_test_wait_until_full ((condition), (data), JLN_TEST_TIMEOUT_MS, #condition, \
                            __FILE__, __LINE__, G_STRFUNC)

/* Waits until @expr is true, evaluating it again after each iteration of
 * the main context; fails the test with @expr's text after
 * JLN_TEST_TIMEOUT_MS. */
#define JLN_TEST_WAIT_UNTIL(expr) \
  G_STMT_START { \
    gint64 jln_test_deadline_ = g_get_monotonic_time () + JLN_TEST_TIMEOUT_MS * G_GINT64_CONSTANT (1000); \
    while (!(expr)) \
      jln_test_iterate_before (jln_test_deadline_, #expr, __FILE__, __LINE__, G_STRFUNC); \
  } G_STMT_END

G_END_DECLS
