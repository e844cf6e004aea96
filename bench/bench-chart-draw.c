/* bench-chart-draw.c — median time to draw an indicator chart of a
 * 10 000-point and a 1 000 000-point synthetic series on a 1920×1080 Cairo
 * surface, next to a naive chart that strokes every segment and fills every
 * point, measured in the same run.
 *
 *   build/bench/bench-chart-draw
 *
 * No display needed. A benchmark, not a test: it reports, asserts nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>

#include "bench-util.h"
#include "vecinos-chart-draw.h"

#define WIDTH 1920
#define HEIGHT 1080
#define FRAMES 21

/* A random walk, one point a period, with a gap every 5 000 periods */
static VecinosSeries *
synthetic_series (guint n)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (2024);
  VecinosSeries *series = g_new0 (VecinosSeries, 1);
  double value = 1000;

  series->slug = g_strdup ("synthetic");
  series->name = g_strdup ("Synthetic series");
  series->unit = g_strdup ("things");
  series->unit_kind = g_strdup ("count");
  series->color = g_strdup ("#D55E00");
  series->category = g_strdup ("security");
  series->category_name = g_strdup ("Security");
  series->points = g_array_sized_new (FALSE, TRUE, sizeof (VecinosPoint), n);
  series->claims = g_ptr_array_new ();
  for (guint i = 0; i < n; i++)
    {
      VecinosPoint point = { (int) i + 1 + (int) (i / 5000) * 3, 0, i == n - 1 };

      /* MAX() evaluates its arguments twice: draw the step once */
      double step = g_rand_double_range (rand, -10, 10);

      value = MAX (0, value + step);
      point.value = value;
      g_array_append_val (series->points, point);
    }
  return series;
}

/* The naive chart: every segment stroked and every point filled */
static void
naive_draw (cairo_t             *cr,
            const VecinosSeries *series)
{
  GArray *points = series->points;
  int first = g_array_index (points, VecinosPoint, 0).year;
  int last = g_array_index (points, VecinosPoint, points->len - 1).year;

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0.84, 0.37, 0);
  cairo_set_line_width (cr, 2.5);
  for (guint i = 0; i + 1 < points->len; i++)
    {
      const VecinosPoint *a = &g_array_index (points, VecinosPoint, i);
      const VecinosPoint *b = &g_array_index (points, VecinosPoint, i + 1);

      cairo_move_to (cr, 60 + (a->year - first) * 1840.0 / (last - first), 1000 - a->value / 3);
      cairo_line_to (cr, 60 + (b->year - first) * 1840.0 / (last - first), 1000 - b->value / 3);
      cairo_stroke (cr);
    }
  for (guint i = 0; i < points->len; i++)
    {
      const VecinosPoint *a = &g_array_index (points, VecinosPoint, i);

      cairo_arc (cr, 60 + (a->year - first) * 1840.0 / (last - first), 1000 - a->value / 3, 3.5, 0, 2 * G_PI);
      cairo_fill (cr);
    }
}

int
main (int   argc,
      char *argv[])
{
  static const guint sizes[] = { 10000, 1000000 };
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  double samples[FRAMES];

  g_print ("Chart, %dx%d Cairo surface, median of %d frames (ms)\n\n", WIDTH, HEIGHT, FRAMES);
  g_print ("%9s %10s %10s %9s\n", "points", "vecinos", "naive", "speedup");
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autoptr(VecinosSeries) series = synthetic_series (sizes[s]);
      VecinosChart chart = { series, NULL, NULL, 0, 0, FALSE, TRUE };
      double ours, naive;

      for (guint f = 0; f < FRAMES; f++)
        {
          cairo_t *cr = cairo_create (surface);
          gint64 t0 = g_get_monotonic_time ();

          vecinos_chart_draw (cr, context, &chart, WIDTH, HEIGHT, NULL);
          cairo_surface_flush (surface);
          samples[f] = (g_get_monotonic_time () - t0) / 1000.0;
          cairo_destroy (cr);
        }
      ours = bench_median (samples, FRAMES);
      /* VECINOS_BENCH_PNG=DIR: keep the frames, to look at */
      if (g_getenv ("VECINOS_BENCH_PNG") != NULL)
        {
          g_autofree char *name = g_strdup_printf ("chart-%u.png", sizes[s]);
          g_autofree char *path = g_build_filename (g_getenv ("VECINOS_BENCH_PNG"), name, NULL);

          cairo_surface_write_to_png (surface, path);
        }

      for (guint f = 0; f < 3; f++)
        {
          cairo_t *cr = cairo_create (surface);
          gint64 t0 = g_get_monotonic_time ();

          naive_draw (cr, series);
          cairo_surface_flush (surface);
          samples[f] = (g_get_monotonic_time () - t0) / 1000.0;
          cairo_destroy (cr);
        }
      naive = bench_median (samples, 3);
      g_print ("%9u %10.2f %10.2f %8.1fx\n", sizes[s], ours, naive, naive / ours);
    }
  g_object_unref (context);
  cairo_surface_destroy (surface);
  return 0;
}
