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

/* 2000 to 2003 and 2006: a gap in 2004 and 2005, the last preliminary */
static VecinosSeries *
series_new (void)
{
  VecinosSeries *series = vecinos_test_series_new ("test", "count", "things", 2000,
                                                   (double[]) { 100, 200, 300, 400, NAN, NAN, 400 }, 7);

  g_array_index (series->points, VecinosPoint, 4).preliminary = TRUE;
  return series;
}

/* Figures on a second axis: 4 down to 1 million dollars, 2000 to 2003 */
static VecinosSeries *
other_series_new (void)
{
  VecinosSeries *series = series_new ();

  g_free (series->color);
  series->color = g_strdup ("#D55E00");
  g_free (series->unit_kind);
  series->unit_kind = g_strdup ("usd");
  for (guint i = 4; i < series->points->len; i++)
    {
      g_free (g_array_index (series->points, VecinosPoint, i).source);
      g_free (g_array_index (series->points, VecinosPoint, i).source_url);
    }
  g_array_set_size (series->points, 4);
  for (guint i = 0; i < 4; i++)
    {
      g_array_index (series->points, VecinosPoint, i).value = (4 - i) * 1e6;
      g_array_index (series->points, VecinosPoint, i).preliminary = FALSE;
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
  VecinosChart chart = { .series = series, .terms = terms, .events = &event, .n_events = 1,
                         .background = TRUE };
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  VecinosChartScale scales[2], scale;
  double x, y, x_gap, y_gap, x_band, x_outside, x_event;

  g_ptr_array_add (terms, &term);
  vecinos_chart_draw (cr, context, &chart, WIDTH, HEIGHT, scales);
  scale = scales[0];
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

static gboolean
is_compare_orange (guint32 rgb)
{
  /* #D55E00 */
  int r = rgb >> 16, g = (rgb >> 8) & 0xff, b = rgb & 0xff;
  return r > 190 && g > 70 && g < 115 && b < 40;
}

/* Two series, each on its own axis; then on a logarithmic axis */
static void
test_compare (void)
{
  g_autoptr(VecinosSeries) series = series_new ();
  g_autoptr(VecinosSeries) other = other_series_new ();
  VecinosChart chart = { .series = series, .compare = other, .background = TRUE };
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  VecinosChartScale scales[2];
  double x;

  pango_cairo_update_context (cr, context);
  vecinos_chart_draw (cr, context, &chart, WIDTH, HEIGHT, scales);
  /* The same time axis, two value axes: 0–400 and 0–4 million */
  g_assert_cmpfloat (scales[0].left, ==, scales[1].left);
  g_assert_cmpfloat (scales[0].right, ==, scales[1].right);
  g_assert_cmpfloat (scales[0].high, ==, 400);
  g_assert_cmpfloat (scales[1].high, ==, 4e6);
  /* Room on the right for the second axis' labels */
  g_assert_cmpfloat (scales[1].right, <, WIDTH - 40);
  x = vecinos_chart_x (&scales[1], vecinos_chart_period_time (2001, VECINOS_PERIOD_CALENDAR_YEAR));
  g_assert_true (is_compare_orange (pixel (surface, x, vecinos_chart_y (&scales[1], 3e6))));
  x = vecinos_chart_x (&scales[0], vecinos_chart_period_time (2002, VECINOS_PERIOD_CALENDAR_YEAR));
  g_assert_true (is_series_blue (pixel (surface, x, vecinos_chart_y (&scales[0], 300))));

  /* One axis for both, by powers of ten */
  chart.shared_axis = TRUE;
  chart.log_scale = TRUE;
  vecinos_chart_draw (cr, context, &chart, WIDTH, HEIGHT, scales);
  g_assert_true (scales[0].log_scale);
  g_assert_cmpfloat (scales[0].low, ==, 100);
  g_assert_cmpfloat (scales[0].high, ==, 1e7);
  g_assert_cmpfloat (scales[1].high, ==, scales[0].high);
  x = vecinos_chart_x (&scales[0], vecinos_chart_period_time (2001, VECINOS_PERIOD_CALENDAR_YEAR));
  g_assert_true (is_series_blue (pixel (surface, x, vecinos_chart_y (&scales[0], 200))));
  g_assert_true (is_compare_orange (pixel (surface, x, vecinos_chart_y (&scales[0], 3e6))));
  /* 200 and 2 million are four powers of ten apart: four fifths of a
   * five-decade axis */
  g_assert_cmpfloat_with_epsilon (vecinos_chart_y (&scales[0], 200) - vecinos_chart_y (&scales[0], 2e6),
                                  (scales[0].bottom - scales[0].top) * 4 / 5, 1e-6);

  g_object_unref (context);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* Any figures draw, in a bounded time, with a finite scale: infinite
 * and near-DBL_MAX values (a tick array came back empty and the axis read
 * its first tick), nearly equal values on an axis that does not start at
 * zero (the ticks looped for ever), denormals, and events on the first
 * and the last day there is */
static void
test_awkward_values (void)
{
  static const double sets[][4] = {
    { INFINITY, 1, 2, 3 },
    { 1.7976931348623157e308, 1e308, 5, 6 },
    { -1.7976931348623157e308, 0, 1, 2 },
    { 5, 5.000000000000001, 5, 5.000000000000001 },
    { 100, 100.00000000000001, 100, 100 },
    { 5e-324, 5e-324, 1e-320, 5e-324 },
    { -5e-324, 0, 5e-324, NAN },
    { -INFINITY, NAN, INFINITY, 1 },
    { 1e300, -1e300, 1e-300, -1e-300 },
  };
  static const char * const kinds[] = { "count", "percent", "index", "rank" };
  VecinosChartEvent events[] = {
    { vecinos_test_day ("0001-01-01"), "First", FALSE, NULL },
    { vecinos_test_day ("9999-12-31"), "Last", TRUE, NULL },
  };
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());

  pango_cairo_update_context (cr, context);
  for (guint a = 0; a < G_N_ELEMENTS (sets); a++)
    for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
      for (int mode = 0; mode < 4; mode++)
        {
          g_autoptr(VecinosSeries) series = vecinos_test_series_new ("a", kinds[k], "things", 2000, sets[a], 4);
          g_autoptr(VecinosSeries) other = vecinos_test_series_new ("b", kinds[k], "things", 1998,
                                                                     sets[(a + 1) % G_N_ELEMENTS (sets)], 4);
          VecinosSeriesClaim claim = { 2001, sets[a][0], (char *) "x", (char *) "A document", 2001, FALSE };
          VecinosChart chart = {
            .series = series, .background = TRUE, .events = events, .n_events = G_N_ELEMENTS (events),
            .log_scale = mode & 1, .compare = mode & 2 ? other : NULL, .shared_axis = mode == 3,
            .focus_year = 2001, .hover_year = 2002,
          };
          VecinosChartScale scales[2] = { 0 };

          g_ptr_array_add (series->claims, &claim);
          vecinos_chart_draw (cr, context, &chart, WIDTH, HEIGHT, scales);
          g_ptr_array_set_size (series->claims, 0);

          for (guint i = 0; i < (chart.compare != NULL ? 2u : 1u); i++)
            {
              g_assert_true (isfinite (scales[i].low) && isfinite (scales[i].high));
              g_assert_cmpfloat (scales[i].high, >, scales[i].low);
              g_assert_true (isfinite (scales[i].start) && isfinite (scales[i].end));
            }
          g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
        }

  g_object_unref (context);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_format_tick (void)
{
  static const struct {
    double value, step;
    const char *unit_kind;
    double top;
    const char *en, *es;
  } cases[] = {
    /* Trade, in millions of dollars: billions on the axis */
    { 400000, 100000, "usd_millions", 800000, "US$400 bn", "400 mil mdd" },
    { 1500, 500, "usd_millions", 2000, "US$1.5 bn", "1.5 mil mdd" },
    { 800, 200, "usd_millions", 800, "US$800 M", "800 mdd" },
    { 0, 200, "usd_millions", 800, "US$0 M", "0 mdd" },
    { 20, 5, "usd", 40, "US$20", "20 dólares" },
    /* Border encounters: millions */
    { 2500000, 500000, "count", 3000000, "2.5 M", "2.5 M" },
    { 20000, 10000, "count", 40000, "20,000", "20,000" },
    /* Already in millions of people: as they are */
    { 120, 20, "millions", 140, "120", "120" },
    { 0.5, 0.5, "percent", 6, "0.5", "0.5" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *en = NULL, *es = NULL;

      vecinos_language_use ("en");
      en = vecinos_chart_format_tick (cases[i].value, cases[i].step, cases[i].unit_kind, cases[i].top);
      vecinos_language_use ("es");
      es = vecinos_chart_format_tick (cases[i].value, cases[i].step, cases[i].unit_kind, cases[i].top);
      g_assert_cmpstr (en, ==, cases[i].en);
      g_assert_cmpstr (es, ==, cases[i].es);
    }
  vecinos_language_use ("en");
}

int
main (int   argc,
      char *argv[])
{
  vecinos_test_init_translations ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart-draw/pixels", test_pixels);
  g_test_add_func ("/chart-draw/compare", test_compare);
  g_test_add_func ("/chart-draw/format-tick", test_format_tick);
  g_test_add_func ("/chart-draw/awkward-values", test_awkward_values);
  return g_test_run ();
}
