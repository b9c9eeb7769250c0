/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "jln-session.h"

G_BEGIN_DECLS

#define JLN_TYPE_PLAN_DIALOG (jln_plan_dialog_get_type ())

G_DECLARE_FINAL_TYPE (JlnPlanDialog, jln_plan_dialog, JLN, PLAN_DIALOG, AdwWindow)

JlnPlanDialog *jln_plan_dialog_new (GtkWindow  *parent,
                                    JlnSession *session);

G_END_DECLS
