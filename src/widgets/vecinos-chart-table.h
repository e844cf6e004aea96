/* vecinos-chart-table.h — the rows of "Show Data": one per figure of a chart
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "vecinos-series.h"

G_BEGIN_DECLS

#define VECINOS_TYPE_CHART_TABLE_ROW (vecinos_chart_table_row_get_type ())

G_DECLARE_FINAL_TYPE (VecinosChartTableRow, vecinos_chart_table_row, VECINOS, CHART_TABLE_ROW, GObject)

void vecinos_chart_table_fill (GListStore          *rows,
                               const VecinosSeries *series,
                               const VecinosSeries *compare);

void _vecinos_chart_table_set_up_columns (GtkColumnView *table);

G_END_DECLS
