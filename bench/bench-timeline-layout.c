/* bench-timeline-layout.c — median time to lay out one frame of the
 * timeline, for synthetic datasets of 1 000 to 1 000 000 events, next to a
 * naive layout (one mark per visible event) measured in the same run.
 *
 *   build/bench/bench-timeline-layout [--quick]
 *
 * A benchmark, not a test: it reports, it asserts nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bench-util.h"
#include "vecinos-timeline-layout.h"

#define WIDTH 1920.0
#define MIN_GAP 8.0
#define N_ROWS 8

static VecinosDay
day_of (int year)
{
  VecinosDate date = { year, 1, 1, VECINOS_DATE_PRECISION_YEAR };

  return vecinos_date_first_day (&date);
}

static GArray *
synthetic_items (guint n)
{
  GArray *items = g_array_sized_new (FALSE, FALSE, sizeof (VecinosTimelineItem), n);
  g_autoptr(GRand) rand = g_rand_new_with_seed (1994);
  VecinosDay first = day_of (1848), last = day_of (2026);

  for (guint i = 0; i < n; i++)
    {
      VecinosDay start = g_rand_int_range (rand, first, last);
      /* One event in a hundred lasted a while */
      VecinosDay end = g_rand_int_range (rand, 0, 100) == 0 ? start + g_rand_int_range (rand, 30, 3650) : start;
      VecinosTimelineItem item = { start, end, g_rand_int_range (rand, 0, N_ROWS), g_rand_int_range (rand, 1, 4) };

      g_array_append_val (items, item);
    }
  return items;
}

/* The naive way: every event, visible or not, gets looked at and drawn */
static void
naive_layout (const GArray           *items,
              const VecinosTimeScale *scale,
              GArray                 *marks)
{
  g_array_set_size (marks, 0);
  for (guint i = 0; i < items->len; i++)
    {
      const VecinosTimelineItem *item = &g_array_index (items, VecinosTimelineItem, i);
      double x = vecinos_time_scale_to_x (scale, item->start);
      double x_end = vecinos_time_scale_to_x (scale, item->end);
      VecinosTimelineMark mark = { x, x_end, item->row, i, 1, item->importance };

      if (x_end >= 0 && x <= scale->width)
        g_array_append_val (marks, mark);
    }
}

typedef void (*LayoutFunc) (gpointer data, const VecinosTimeScale *scale, GArray *marks);

static void
run_vecinos (gpointer                data,
             const VecinosTimeScale *scale,
             GArray                 *marks)
{
  g_autofree gboolean *shown = NULL;
  g_autofree double *widths = NULL;

  vecinos_timeline_layout_compute (data, scale, MIN_GAP, MIN_GAP, marks);
  widths = g_new (double, marks->len);
  shown = g_new (gboolean, marks->len);
  for (guint i = 0; i < marks->len; i++)
    widths[i] = 140;
  vecinos_timeline_layout_place_labels (marks, widths, 6, scale->width, shown);
}

static void
run_naive (gpointer                data,
           const VecinosTimeScale *scale,
           GArray                 *marks)
{
  naive_layout (data, scale, marks);
}

static double
time_frames (LayoutFunc              func,
             gpointer                data,
             const VecinosTimeScale *scale,
             guint                   repeats,
             guint                  *n_marks)
{
  g_autoptr(GArray) marks = g_array_new (FALSE, FALSE, sizeof (VecinosTimelineMark));
  g_autofree double *times = g_new (double, repeats);

  for (guint r = 0; r < repeats; r++)
    {
      gint64 start = g_get_monotonic_time ();
      func (data, scale, marks);
      times[r] = (g_get_monotonic_time () - start) / 1000.0;
    }
  *n_marks = marks->len;
  return bench_median (times, repeats);
}

int
main (int   argc,
      char *argv[])
{
  const guint sizes[] = { 1000, 10000, 100000, 1000000 };
  const struct { const char *name; int first, last; } zooms[] = {
    { "1848-2026", 1848, 2026 },
    { "1994-2024", 1994, 2024 },
    { "2018", 2018, 2019 },
  };
  gboolean quick = argc > 1 && g_str_equal (argv[1], "--quick");
  guint repeats = quick ? 5 : 31;
  double frame_1k[G_N_ELEMENTS (zooms)] = { 0 };

  g_print ("Timeline layout, %g px wide, median of %u frames (ms)\n\n", WIDTH, repeats);
  g_print ("%9s  %-10s %8s %8s %10s %8s %12s\n",
           "events", "view", "marks", "vecinos", "naive", "speedup", "vs 1k events");

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autoptr(GArray) items = synthetic_items (sizes[s]);
      g_autoptr(VecinosTimelineLayout) layout = NULL;
      gint64 build_start = g_get_monotonic_time ();
      double build_ms;

      layout = vecinos_timeline_layout_new ((VecinosTimelineItem *) (gpointer) items->data, items->len, N_ROWS);
      build_ms = (g_get_monotonic_time () - build_start) / 1000.0;

      for (guint z = 0; z < G_N_ELEMENTS (zooms); z++)
        {
          VecinosTimeScale scale = { day_of (zooms[z].first), day_of (zooms[z].last), WIDTH };
          guint marks, naive_marks;
          double ours = time_frames (run_vecinos, layout, &scale, repeats, &marks);
          double naive = time_frames (run_naive, items, &scale, repeats, &naive_marks);

          if (s == 0)
            frame_1k[z] = ours;
          g_print ("%9u  %-10s %8u %8.3f %10.3f %7.1fx %11.2fx\n",
                   sizes[s], zooms[z].name, marks, ours, naive,
                   naive / MAX (ours, 1e-6), ours / MAX (frame_1k[z], 1e-6));
        }
      g_print ("%9u  %-10s preparing the layout once: %.1f ms\n\n", sizes[s], "", build_ms);
    }
  return 0;
}
