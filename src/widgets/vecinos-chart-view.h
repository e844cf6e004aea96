/* vecinos-chart-view.h — one indicator series as a chart
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "vecinos-chart-draw.h"

G_BEGIN_DECLS

#define VECINOS_TYPE_CHART_VIEW (vecinos_chart_view_get_type ())

G_DECLARE_FINAL_TYPE (VecinosChartView, vecinos_chart_view, VECINOS, CHART_VIEW, GtkWidget)

void                 vecinos_chart_view_set_series     (VecinosChartView *self,
                                                        VecinosSeries    *series,
                                                        GPtrArray        *terms,
                                                        GArray           *events);
const VecinosSeries *vecinos_chart_view_get_series     (VecinosChartView *self);
void                 vecinos_chart_view_set_compare    (VecinosChartView *self,
                                                        VecinosSeries    *compare,
                                                        gboolean          shared_axis);
const VecinosSeries *vecinos_chart_view_get_compare    (VecinosChartView *self);
void                 vecinos_chart_view_set_log_scale  (VecinosChartView *self,
                                                        gboolean          log_scale);
gboolean             vecinos_chart_view_get_log_scale  (VecinosChartView *self);
gboolean             vecinos_chart_view_get_log_scale_available (VecinosChartView *self);
void                 vecinos_chart_view_set_time_range (VecinosChartView *self,
                                                        double            start,
                                                        double            end);
void                 vecinos_chart_view_set_title_scale (VecinosChartView *self,
                                                         double            scale);
double               vecinos_chart_view_get_title_scale (VecinosChartView *self);
void                 vecinos_chart_view_get_chart      (VecinosChartView *self,
                                                        VecinosChart     *chart);
const VecinosSeries *vecinos_chart_view_get_focus_series (VecinosChartView *self);
int                  vecinos_chart_view_get_focus_year (VecinosChartView *self);
void                 vecinos_chart_view_set_focus_year (VecinosChartView *self,
                                                        int               year);
char                *vecinos_chart_view_describe_focus (VecinosChartView *self);
void                 vecinos_chart_view_set_selected_event (VecinosChartView *self,
                                                           gpointer          event);

G_END_DECLS
