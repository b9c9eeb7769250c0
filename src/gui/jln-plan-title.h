/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define JLN_TYPE_PLAN_TITLE (jln_plan_title_get_type ())

G_DECLARE_FINAL_TYPE (JlnPlanTitle, jln_plan_title, JLN, PLAN_TITLE, GtkWidget)

void      jln_plan_title_set_title            (JlnPlanTitle *self,
                                               const char   *title,
                                               const char   *subtitle,
                                               const char   *tooltip);
gboolean  jln_plan_title_get_switcher_visible (JlnPlanTitle *self);

G_END_DECLS
