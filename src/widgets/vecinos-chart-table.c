/* vecinos-chart-table.c — the rows of "Show Data": one per figure of a chart
 *
 * Each row is a figure as the table shows it: period, value with its unit,
 * status, note and source, worded once when the chart is drawn. The
 * table's columns (vecinos-charts-page.ui) bind their labels to these
 * properties.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "vecinos-chart-table.h"
#include "vecinos-excerpt.h"

struct _VecinosChartTableRow
{
  GObject  parent_instance;

  char    *period;
  char    *value;
  char    *status;
  char    *note;
  char    *source;
};

enum {
  PROP_0,
  PROP_PERIOD,
  PROP_VALUE,
  PROP_STATUS,
  PROP_NOTE,
  PROP_SOURCE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (VecinosChartTableRow, vecinos_chart_table_row, G_TYPE_OBJECT)

static void
vecinos_chart_table_row_finalize (GObject *object)
{
  VecinosChartTableRow *self = VECINOS_CHART_TABLE_ROW (object);

  g_free (self->period);
  g_free (self->value);
  g_free (self->status);
  g_free (self->note);
  g_free (self->source);

  G_OBJECT_CLASS (vecinos_chart_table_row_parent_class)->finalize (object);
}

static void
vecinos_chart_table_row_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  VecinosChartTableRow *self = VECINOS_CHART_TABLE_ROW (object);

  switch (prop_id)
    {
    case PROP_PERIOD:
      g_value_set_string (value, self->period);
      break;
    case PROP_VALUE:
      g_value_set_string (value, self->value);
      break;
    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;
    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;
    case PROP_SOURCE:
      g_value_set_string (value, self->source);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vecinos_chart_table_row_class_init (VecinosChartTableRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const char *names[N_PROPS] = { NULL, "period", "value", "status", "note", "source" };

  object_class->finalize = vecinos_chart_table_row_finalize;
  object_class->get_property = vecinos_chart_table_row_get_property;

  for (guint i = PROP_PERIOD; i < N_PROPS; i++)
    properties[i] = g_param_spec_string (names[i], NULL, NULL, "",
                                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vecinos_chart_table_row_init (VecinosChartTableRow *self)
{
}

static VecinosChartTableRow *
vecinos_chart_table_row_new (const VecinosSeries *series,
                             const VecinosPoint  *point)
{
  VecinosChartTableRow *self = g_object_new (VECINOS_TYPE_CHART_TABLE_ROW, NULL);

  self->period = vecinos_series_format_year (series, point->year);
  self->value = vecinos_format_value (point->value, series->unit_kind, series->unit);
  /* Only the preliminary ones are marked: the others are as published,
   * not always a final revision */
  self->status = g_strdup (point->preliminary ? _("Preliminary") : "");
  self->note = g_strdup (point->note ? point->note : "");
  self->source = g_strdup (point->source ? point->source : "");
  return self;
}

/**
 * vecinos_chart_table_fill:
 * @rows: (element-type VecinosChartTableRow): the table's model
 * @series: (nullable): the chart's series; %NULL empties the table
 *
 * Replaces @rows with one row per figure of @series, in order.
 */
void
vecinos_chart_table_fill (GListStore          *rows,
                          const VecinosSeries *series)
{
  guint n = series ? series->points->len : 0;
  g_autoptr(GPtrArray) items = g_ptr_array_new_full (n, g_object_unref);

  g_return_if_fail (G_IS_LIST_STORE (rows));

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, vecinos_chart_table_row_new (series,
                                                         &g_array_index (series->points, VecinosPoint, i)));
  g_list_store_splice (rows, 0, g_list_model_get_n_items (G_LIST_MODEL (rows)), items->pdata, n);
}
