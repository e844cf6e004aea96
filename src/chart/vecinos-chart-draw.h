/* vecinos-chart-draw.h — an indicator chart drawn with Cairo, the same for
 * the Charts view and for exported files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>
#include <pango/pango.h>

#include "vecinos-chart-scale.h"
#include "vecinos-contrast.h"
#include "vecinos-dataset.h"

G_BEGIN_DECLS

/* An event of the series' category, as a marker on the time axis */
typedef struct {
  VecinosDay  day;
  const char *title;
  gboolean    selected;
  gpointer    event;       /* the VecinosEvent it stands for, or NULL */
} VecinosChartEvent;

typedef struct {
  const VecinosSeries *series;
  GPtrArray           *terms;        /* (element-type VecinosTerm) (nullable) */
  const VecinosChartEvent *events;
  guint                n_events;
  const VecinosSeries *compare;      /* a second series, or NULL */
  gboolean             shared_axis;  /* both on one axis (indexes), or each its own */
  gboolean             log_scale;    /* where every value is above zero */
  int                  focus_year;   /* a point the keyboard is on, or 0 */
  int                  focus_series; /* 0 the series, 1 the compared one */
  int                  hover_year;   /* the period under the pointer, or 0 */
  double               range_start;  /* the years shown, fractional, or 0 and 0 */
  double               range_end;    /*   for the series' own */
  gboolean             dark;         /* light ink on a dark background */
  gboolean             high_contrast; /* the theme's high contrast: ink at full strength */
  gboolean             background;   /* paint one (exported files) */
  double               title_scale;  /* the title's size against the text's; 0 for 1 */
} VecinosChart;

void     vecinos_chart_draw         (cairo_t            *cr,
                                     PangoContext       *context,
                                     const VecinosChart *chart,
                                     double              width,
                                     double              height,
                                     VecinosChartScale  *scales);
gboolean vecinos_chart_shares_axis  (const VecinosChart *chart);
VecinosRgb vecinos_chart_series_color (const VecinosChart *chart,
                                       const char         *hex);
double   vecinos_chart_ink_level    (const VecinosChart *chart);
char    *vecinos_chart_format_tick  (double              value,
                                     double              step,
                                     const char         *unit_kind,
                                     double              top);

/* The sizes vecinos_chart_export() draws, in pixels (points for PDF): room
 * for the axes and the legend, and a surface Cairo can hold (40 million
 * pixels, 160 MB for a PNG) */
#define VECINOS_CHART_EXPORT_MIN_WIDTH  200
#define VECINOS_CHART_EXPORT_MIN_HEIGHT 150
#define VECINOS_CHART_EXPORT_MAX_SIDE   8192
#define VECINOS_CHART_EXPORT_MAX_PIXELS (40 * 1000 * 1000)

gboolean vecinos_chart_export_check (const char         *path,
                                     int                 width,
                                     int                 height,
                                     GError            **error);
gboolean vecinos_chart_export       (const VecinosChart *chart,
                                     const char         *path,
                                     int                 width,
                                     int                 height,
                                     GError            **error);

G_END_DECLS
