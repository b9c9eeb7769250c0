/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void jln_combo_value_install (AdwComboRow *row);
void jln_combo_value_update  (AdwComboRow *row);

G_END_DECLS
