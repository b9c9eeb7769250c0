/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jln-completion.h"
#include "jln-record.h"
#include "jln-semester.h"

G_BEGIN_DECLS

#define JLN_TYPE_MEASUREMENT (jln_measurement_get_type ())

G_DECLARE_FINAL_TYPE (JlnMeasurement, jln_measurement, JLN, MEASUREMENT, JlnRecord)

const char *   jln_measurement_get_date (JlnMeasurement *self);
const JlnText *jln_measurement_get_series (JlnMeasurement *self);
double          jln_measurement_get_value (JlnMeasurement *self);
const JlnText *jln_measurement_get_note (JlnMeasurement *self);
const JlnText *jln_measurement_get_source (JlnMeasurement *self);

G_END_DECLS
