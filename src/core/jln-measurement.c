/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "jln-enums.h"
#include "jln-measurement.h"
#include "jln-record-private.h"

struct _JlnMeasurement
{
  JlnRecord parent_instance;

  char *date;
  JlnText series;
  double value;
  JlnText note;
  JlnText source;
};

G_DEFINE_FINAL_TYPE (JlnMeasurement, jln_measurement, JLN_TYPE_RECORD)

static const JlnField fields[] = {
  { "date", "measurement_date", JLN_FIELD_DATE, JLN_FIELD_OF (JlnMeasurement, date), .flags = JLN_FIELD_REQUIRED },
  { "series", "series", JLN_FIELD_TEXT, JLN_FIELD_OF (JlnMeasurement, series) },
  { "value", "measurement_value", JLN_FIELD_DOUBLE, JLN_FIELD_OF (JlnMeasurement, value) },
  { "note", "note", JLN_FIELD_TEXT, JLN_FIELD_OF (JlnMeasurement, note) },
  { "source", "source", JLN_FIELD_TEXT, JLN_FIELD_OF (JlnMeasurement, source) },
};

const JlnKindInfo _jln_measurement_info = {
  .kind = JLN_KIND_MEASUREMENT,
  .name = "measurement",
  .table = "measurements",
  .list_key = "measurements",
  .get_type = jln_measurement_get_type,
  .fields = fields,
  .n_fields = G_N_ELEMENTS (fields),
  .children = {  },
  .n_children = 0,
};

static void
jln_measurement_class_init (JlnMeasurementClass *klass)
{
  _jln_record_class_install_fields (JLN_RECORD_CLASS (klass), &_jln_measurement_info);
}

static void
jln_measurement_init (JlnMeasurement *self)
{
}

const char *
jln_measurement_get_date (JlnMeasurement *self)
{
  g_return_val_if_fail (JLN_IS_MEASUREMENT (self), NULL);
  return self->date;
}

const JlnText *
jln_measurement_get_series (JlnMeasurement *self)
{
  g_return_val_if_fail (JLN_IS_MEASUREMENT (self), NULL);
  return &self->series;
}

double
jln_measurement_get_value (JlnMeasurement *self)
{
  g_return_val_if_fail (JLN_IS_MEASUREMENT (self), 0);
  return self->value;
}

const JlnText *
jln_measurement_get_note (JlnMeasurement *self)
{
  g_return_val_if_fail (JLN_IS_MEASUREMENT (self), NULL);
  return &self->note;
}

const JlnText *
jln_measurement_get_source (JlnMeasurement *self)
{
  g_return_val_if_fail (JLN_IS_MEASUREMENT (self), NULL);
  return &self->source;
}
