/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "jln-action-editor.h"
#include "jln-action-list.h"
#include "jln-indicators-page.h"
#include "jln-plan-title.h"
#include "jln-principles-page.h"
#include "jln-review-page.h"
#include "jln-session.h"
#include "jln-timeline-view.h"
#include "jln-window.h"

G_BEGIN_DECLS

#define MAX_RECENT_PLANS 8

struct _JlnWindow
{
  AdwApplicationWindow  parent_instance;

  JlnSession           *session;    /* the one place of the document shown */
  GSettings            *settings;
  GCancellable         *cancellable;
  guint                 pulse_id;
  guint                 watch_id;   /* polls the plan file for others' commits */
  gboolean              busy;
  char                 *deleted_id;   /* the last deletion, to select once undone */

  /* Template widgets */
  JlnPlanTitle         *plan_title;
  GtkWidget            *add_button;
  GtkRevealer          *example_banner;
  GtkRevealer          *read_only_banner;
  GtkRevealer          *replaced_banner;
  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  GtkSpinner           *spinner;
  GtkLabel             *loading_label;
  AdwStatusPage        *error_page;
  AdwViewStack         *view_stack;
  JlnActionList        *action_list;
  JlnActionEditor      *action_editor;
  /* Built when first shown (see _jln_window_ensure_page()), NULL before. */
  AdwBin               *timeline_bin;
  AdwBin               *indicators_bin;
  AdwBin               *principles_bin;
  AdwBin               *review_bin;
  JlnTimelineView      *timeline_view;
  JlnIndicatorsPage    *indicators_page;
  JlnPrinciplesPage    *principles_page;
  JlnReviewPage        *review_page;
  GMenu                *recent_section;
};

/* The document shown, the session's; NULL once the window is disposed. */
static inline JlnDocument *
_jln_window_get_document (JlnWindow *self)
{
  return self->session != NULL ? jln_session_get_document (self->session) : NULL;
}

/* What a file chooser calls with the file chosen. */
typedef void (*JlnWindowChosenFunc) (JlnWindow *self,
                                     GFile     *file);

/* jln-window.c: the window's state */
GSettings      *_jln_window_get_settings           (JlnWindow            *self);
JlnApplication *_jln_window_get_application        (JlnWindow            *self);
AdwToast       *_jln_window_toast_new              (const char           *text);
void            _jln_window_show_toast             (JlnWindow            *self,
                                                    const char           *text);
void            _jln_window_show_error_toast       (JlnWindow            *self,
                                                    const GError         *error);
void            _jln_window_set_busy               (JlnWindow            *self,
                                                    const char           *message);
void            _jln_window_set_document           (JlnWindow            *self,
                                                    JlnDocument          *document);
void            _jln_window_update_edit_state      (JlnWindow            *self);
void            _jln_window_show_notices           (JlnWindow            *self);
void            _jln_window_ensure_page            (JlnWindow            *self,
                                                    const char           *name);

/* jln-window-actions.c: the actions on the plan, its views and its copies */
void            _jln_window_class_add_actions      (GtkWidgetClass       *widget_class);
void            _jln_window_update_picture_actions (JlnWindow            *self);

/* jln-window-files.c: opening, importing, saving copies and exporting */
void            _jln_window_class_add_file_actions (GtkWidgetClass       *widget_class);
void            _jln_window_choose_file            (JlnWindow            *self,
                                                    GtkFileChooserAction  action,
                                                    const char           *title,
                                                    const char           *accept,
                                                    const char           *suggested_name,
                                                    const char           *filter_name,
                                                    const char           *pattern,
                                                    JlnWindowChosenFunc   func);

G_END_DECLS
