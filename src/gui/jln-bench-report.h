/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jln-window.h"

G_BEGIN_DECLS

void jln_bench_report_watch (JlnWindow *window);

G_END_DECLS
