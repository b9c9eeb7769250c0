/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jln-indicator.h"
#include "jln-plan.h"

G_BEGIN_DECLS

/* Whether a target or a measurement of @indicator makes sense in @plan:
 * a percentage lies between 0 and 100, a count is not negative, a target
 * year lies within the plan's years and a measurement is dated within the
 * plan's period. The error names the field and the value in user words.
 * Other records are always accepted. */
gboolean jln_indicator_check_record (JlnPlan       *plan,
                                     JlnIndicator  *indicator,
                                     JlnRecord     *record,
                                     GError       **error);

G_END_DECLS
