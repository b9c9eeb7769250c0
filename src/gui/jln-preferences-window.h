/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define JLN_TYPE_PREFERENCES_WINDOW (jln_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (JlnPreferencesWindow, jln_preferences_window, JLN, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

JlnPreferencesWindow *jln_preferences_window_new (GtkWindow *parent);

G_END_DECLS
