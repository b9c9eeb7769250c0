/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "jln-indicator.h"
#include "jln-session.h"

G_BEGIN_DECLS

#define JLN_TYPE_INDICATOR_CARD (jln_indicator_card_get_type ())

G_DECLARE_FINAL_TYPE (JlnIndicatorCard, jln_indicator_card, JLN, INDICATOR_CARD, GtkWidget)

/* One indicator: its title and details, its chart, its yearly targets
 * and its measurements, with buttons to add, edit and delete them
 * (the "indicators." actions of an ancestor). It follows its indicator:
 * a change redraws this card only. */
GtkWidget    *jln_indicator_card_new           (JlnSession       *session,
                                                JlnIndicator     *indicator);
JlnSession   *jln_indicator_card_get_session   (JlnIndicatorCard *self);
void          jln_indicator_card_set_session   (JlnIndicatorCard *self,
                                                JlnSession       *session);
JlnIndicator *jln_indicator_card_get_indicator (JlnIndicatorCard *self);
void          jln_indicator_card_set_indicator (JlnIndicatorCard *self,
                                                JlnIndicator     *indicator);

G_END_DECLS
