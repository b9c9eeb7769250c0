/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jln-plan.h"
#include "jln-query.h"

G_BEGIN_DECLS

gboolean jln_csv_is_formula_start (char c);

GBytes *jln_csv_write_actions (JlnPlan   *plan,
                               JlnQuery  *query,
                               JlnLang    lang);

G_END_DECLS
