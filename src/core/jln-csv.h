/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jln-plan.h"
#include "jln-query.h"

G_BEGIN_DECLS

gboolean jln_csv_is_formula_start (char c);

GBytes *jln_csv_write_actions (JlnPlan   *plan,
                               JlnQuery  *query,
                               JlnLang    lang);

GBytes *jln_csv_write_actions_full (JlnPlan   *plan,
                                    JlnQuery  *query,
                                    JlnLang    lang,
                                    char       separator);

G_END_DECLS
