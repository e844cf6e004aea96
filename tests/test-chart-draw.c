/* test-chart-draw.c — the chart drawn on an image surface, no display:
 * pixels where the series' points, the line between them, a gap, an era
 * band and an event marker must be
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "vecinos-test.h"

#include <pango/pangocairo.h>

#include "vecinos-chart-draw.h"

#define WIDTH 800
#define HEIGHT 450

/* 2000 to 2003 and 2006: a gap in 2004 and 2005 */
static VecinosSeries *
series_new (void)
{
  static const struct { int year; double value; gboolean preliminary; } points[] = {
    { 2000, 100, FALSE }, { 2001, 200, FALSE }, { 2002, 300, FALSE }, { 2003, 400, FALSE },
    { 2006, 400, TRUE },
  };
  VecinosSeries *series = g_new0 (VecinosSeries, 1);

  series->slug = g_strdup ("test");
  series->name = g_strdup ("Test");
  series->unit = g_strdup ("things");
  series->unit_kind = g_strdup ("count");
  series->color = g_strdup ("#0072B2");
  series->category = g_strdup ("migration");
  series->category_name = g_strdup ("Migration");
  series->source_org = g_strdup ("Test");
  series->source_url = g_strdup ("https://example.org/");
  series->definition = g_strdup ("A test.");
  series->points = g_array_new (FALSE, TRUE, sizeof (VecinosPoint));
  series->claims = g_ptr_array_new ();
  for (guint i = 0; i < G_N_ELEMENTS (points); i++)
    {
      VecinosPoint point = { points[i].year, points[i].value, points[i].preliminary };
      g_array_append_val (series->points, point);
    }
  return series;
}

static guint32
pixel (cairo_surface_t *surface,
       double           x,
       double           y)
{
  const guchar *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint32 argb;

  memcpy (&argb, data + (int) y * stride + (int) x * 4, 4);
  return argb & 0xffffff;
}

static gboolean
is_series_blue (guint32 rgb)
{
  /* #0072B2, allowing for antialiasing */
  int r = rgb >> 16, g = (rgb >> 8) & 0xff, b = rgb & 0xff;
  return r < 40 && g > 90 && g < 135 && b > 150 && b < 200;
}

static void
test_pixels (void)
{
  g_autoptr(VecinosSeries) series = series_new ();
  g_autoptr(GPtrArray) terms = g_ptr_array_new ();
  VecinosTerm term = { (char *) "t", "mx", (char *) "Someone", (char *) "Someone", (char *) "Party",
                       vecinos_test_day ("2001-01-01"), vecinos_test_day ("2003-01-01") };
  VecinosChartEvent event = { vecinos_test_day ("2005-07-02"), "An event", FALSE };
  VecinosChart chart = { series, terms, &event, 1, 0, FALSE, TRUE };
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  VecinosChartScale scale;
  double x, y, x_gap, y_gap, x_band, x_outside, x_event;

  g_ptr_array_add (terms, &term);
  vecinos_chart_draw (cr, context, &chart, WIDTH, HEIGHT, &scale);
  cairo_surface_flush (surface);

  /* A point, and the middle of the line from 2000 to 2001 */
  x = vecinos_chart_x (&scale, vecinos_chart_period_time (2001, VECINOS_PERIOD_CALENDAR_YEAR));
  y = vecinos_chart_y (&scale, 200);
  g_assert_true (is_series_blue (pixel (surface, x, y)));
  x = (vecinos_chart_x (&scale, 2000.5) + vecinos_chart_x (&scale, 2001.5)) / 2;
  y = vecinos_chart_y (&scale, 150);
  g_assert_true (is_series_blue (pixel (surface, x, y)));

  /* The gap: no line between 2003 and 2006 at the height it would pass */
  x_gap = vecinos_chart_x (&scale, 2004.5);
  y_gap = vecinos_chart_y (&scale, 400);
  g_assert_false (is_series_blue (pixel (surface, x_gap, y_gap)));

  /* The preliminary 2006 figure is hollow: blue ring, light centre */
  x = vecinos_chart_x (&scale, 2006.5);
  y = vecinos_chart_y (&scale, 400);
  g_assert_cmphex (pixel (surface, x, y), ==, 0xffffff);
  g_assert_true (is_series_blue (pixel (surface, x + 3.5, y)));

  /* Mexico's term shades the plot: darker inside than just outside it */
  x_band = vecinos_chart_x (&scale, 2002.0);
  x_outside = vecinos_chart_x (&scale, 2003.6);
  y = vecinos_chart_y (&scale, 50) - 20;
  g_assert_cmpuint (pixel (surface, x_band, y) & 0xff, <, pixel (surface, x_outside, y) & 0xff);

  /* The event: a blue triangle on the time axis */
  x_event = vecinos_chart_x (&scale, vecinos_chart_day_time (event.day));
  g_assert_true (is_series_blue (pixel (surface, x_event, scale.bottom - 2)));

  g_object_unref (context);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
main (int   argc,
      char *argv[])
{
  vecinos_test_init_translations ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart-draw/pixels", test_pixels);
  return g_test_run ();
}
