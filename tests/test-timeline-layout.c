/* test-timeline-layout.c — events → marks: positions, clusters, spans,
 * view edges and labels
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "vecinos-test.h"

#include <math.h>

#include "vecinos-timeline-layout.h"

static GArray *
compute (const VecinosTimelineItem *items,
         guint                      n_items,
         guint                      n_rows,
         const VecinosTimeScale    *scale,
         double                     min_gap)
{
  g_autoptr(VecinosTimelineLayout) layout = vecinos_timeline_layout_new (items, n_items, n_rows);
  GArray *marks = g_array_new (FALSE, FALSE, sizeof (VecinosTimelineMark));

  vecinos_timeline_layout_compute (layout, scale, min_gap, min_gap, marks);
  return marks;
}

#define MARK(marks, i) (&g_array_index ((marks), VecinosTimelineMark, (i)))

static void
test_separate_events (void)
{
  VecinosTimelineItem items[] = {
    { vecinos_test_day ("1995-01-01"), vecinos_test_day ("1995-01-01"), 0, 1 },
    { vecinos_test_day ("1991-01-01"), vecinos_test_day ("1991-01-01"), 0, 2 },
    { vecinos_test_day ("1998-01-01"), vecinos_test_day ("1998-01-01"), 0, 3 },
  };
  VecinosTimeScale scale = vecinos_test_scale ("1990-01-01", "2000-01-01", 1000);
  g_autoptr(GArray) marks = compute (items, G_N_ELEMENTS (items), 1, &scale, 10);

  g_assert_cmpuint (marks->len, ==, 3);
  /* Sorted by date, each at its own x */
  g_assert_cmpuint (MARK (marks, 0)->first, ==, 1);
  g_assert_cmpuint (MARK (marks, 1)->first, ==, 0);
  g_assert_cmpuint (MARK (marks, 2)->first, ==, 2);
  for (guint i = 0; i < 3; i++)
    {
      g_assert_cmpuint (MARK (marks, i)->count, ==, 1);
      g_assert_cmpfloat_with_epsilon (MARK (marks, i)->x,
                                      vecinos_time_scale_to_x (&scale, items[MARK (marks, i)->first].start), 1e-9);
    }
  g_assert_cmpuint (MARK (marks, 1)->importance, ==, 1);
}

static void
test_cluster (void)
{
  VecinosTimelineItem items[] = {
    { vecinos_test_day ("1994-01-01"), vecinos_test_day ("1994-01-01"), 0, 3 },
    { vecinos_test_day ("1994-01-01"), vecinos_test_day ("1994-01-01"), 0, 1 },
    { vecinos_test_day ("1994-01-10"), vecinos_test_day ("1994-01-10"), 0, 2 },
    { vecinos_test_day ("1996-01-01"), vecinos_test_day ("1996-01-01"), 0, 3 },
  };
  /* 100 px a year: the first three are within 3 px of each other */
  VecinosTimeScale scale = vecinos_test_scale ("1990-01-01", "2000-01-01", 1000);
  g_autoptr(GArray) marks = compute (items, G_N_ELEMENTS (items), 1, &scale, 10);
  double first = vecinos_time_scale_to_x (&scale, items[0].start);
  double last = vecinos_time_scale_to_x (&scale, items[2].start);

  g_assert_cmpuint (marks->len, ==, 2);
  g_assert_cmpuint (MARK (marks, 0)->count, ==, 3);
  g_assert_cmpfloat_with_epsilon (MARK (marks, 0)->x, (first + last) / 2, 1e-9);
  /* A cluster is as important as its most important event, and is led
   * by it: a label names that one */
  g_assert_cmpuint (MARK (marks, 0)->importance, ==, 1);
  g_assert_cmpuint (MARK (marks, 0)->lead, ==, 1);
  g_assert_cmpuint (MARK (marks, 1)->count, ==, 1);
  g_assert_cmpuint (MARK (marks, 1)->lead, ==, 3);
  {
    /* A cluster gets a label only when given a width */
    double widths[] = { 100, 100 };
    gboolean shown[2];

    vecinos_timeline_layout_place_labels (marks, widths, 6, 1000, shown);
    g_assert_true (shown[0]);
    widths[0] = 0;
    vecinos_timeline_layout_place_labels (marks, widths, 6, 1000, shown);
    g_assert_false (shown[0]);
    g_assert_true (shown[1]);
  }

  /* Zoomed in to January 1994 they separate */
  scale = vecinos_test_scale ("1993-12-25", "1994-01-20", 1000);
  g_clear_pointer (&marks, g_array_unref);
  marks = compute (items, G_N_ELEMENTS (items), 1, &scale, 10);
  g_assert_cmpuint (marks->len, ==, 2);
  g_assert_cmpuint (MARK (marks, 0)->count, ==, 2);   /* the two of 1 January */
  g_assert_cmpuint (MARK (marks, 1)->count, ==, 1);
}

static void
test_rows_and_edges (void)
{
  VecinosTimelineItem items[] = {
    { vecinos_test_day ("1994-01-01"), vecinos_test_day ("1994-01-01"), 0, 1 },
    { vecinos_test_day ("1994-01-01"), vecinos_test_day ("1994-01-01"), 1, 1 },
    { vecinos_test_day ("1989-12-31"), vecinos_test_day ("1989-12-31"), 0, 1 },   /* 0.27 px left of the view */
    { vecinos_test_day ("1980-01-01"), vecinos_test_day ("1980-01-01"), 0, 1 },   /* far outside */
    { vecinos_test_day ("2000-01-01"), vecinos_test_day ("2000-01-01"), 1, 1 },   /* at the right edge */
    { vecinos_test_day ("2010-01-01"), vecinos_test_day ("2010-01-01"), 1, 1 },   /* far outside */
  };
  VecinosTimeScale scale = vecinos_test_scale ("1990-01-01", "2000-01-01", 1000);
  g_autoptr(GArray) marks = compute (items, G_N_ELEMENTS (items), 2, &scale, 10);
  guint per_row[2] = { 0, 0 };

  g_assert_cmpuint (marks->len, ==, 4);
  for (guint i = 0; i < marks->len; i++)
    {
      per_row[MARK (marks, i)->row]++;
      g_assert_true (MARK (marks, i)->first != 3 && MARK (marks, i)->first != 5);
    }
  g_assert_cmpuint (per_row[0], ==, 2);
  g_assert_cmpuint (per_row[1], ==, 2);
}

static void
test_spans (void)
{
  VecinosTimelineItem items[] = {
    { vecinos_test_day ("1942-08-04"), vecinos_test_day ("1964-12-31"), 0, 2 },   /* crosses both edges */
    { vecinos_test_day ("1950-01-01"), vecinos_test_day ("1950-12-31"), 0, 3 },
    { vecinos_test_day ("1930-01-01"), vecinos_test_day ("1939-12-31"), 0, 3 },   /* before the view */
    { vecinos_test_day ("1955-01-01"), vecinos_test_day ("1955-01-03"), 0, 3 },   /* 0.8 px wide: too narrow for a bar */
    { vecinos_test_day ("1955-01-02"), vecinos_test_day ("1955-01-02"), 0, 1 },
  };
  VecinosTimeScale scale = vecinos_test_scale ("1945-01-01", "1960-01-01", 1500);
  g_autoptr(GArray) marks = compute (items, G_N_ELEMENTS (items), 1, &scale, 10);

  g_assert_cmpuint (marks->len, ==, 3);
  g_assert_cmpuint (MARK (marks, 0)->first, ==, 0);
  g_assert_cmpfloat (MARK (marks, 0)->x, <, 0);
  /* The narrow span clusters with the event beside it */
  g_assert_cmpuint (MARK (marks, 2)->count, ==, 2);
  g_assert_cmpfloat (MARK (marks, 2)->x_end, ==, MARK (marks, 2)->x);
  g_assert_cmpfloat (MARK (marks, 0)->x_end, >, scale.width);
  /* A bar covers its last day whole: 1950 is a year wide */
  g_assert_cmpfloat_with_epsilon (MARK (marks, 1)->x_end - MARK (marks, 1)->x,
                                  365 * scale.width / (scale.end - scale.start), 1e-9);
}

static void
test_every_event_counted_once (void)
{
  g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (VecinosTimelineItem));
  VecinosDay first = vecinos_test_day ("1900-01-01");
  const struct { const char *start, *end; } views[] = {
    { "1850-01-01", "2050-01-01" }, { "1990-01-01", "2000-01-01" },
    { "1994-01-01", "1994-03-01" }, { "1999-06-15", "1999-06-25" },
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);

  for (guint i = 0; i < 10000; i++)
    {
      VecinosDay start = first + g_rand_int_range (rand, 0, 125 * 365);
      VecinosTimelineItem item = { start, start, g_rand_int_range (rand, 0, 8), g_rand_int_range (rand, 1, 4) };
      g_array_append_val (items, item);
    }

  for (guint v = 0; v < G_N_ELEMENTS (views); v++)
    {
      VecinosTimeScale scale = vecinos_test_scale (views[v].start, views[v].end, 1920);
      g_autoptr(GArray) marks = compute ((VecinosTimelineItem *) (gpointer) items->data, items->len, 8, &scale, 8);
      double slack = 8 * (scale.end - scale.start) / scale.width;
      guint counted = 0, visible = 0, at_least = 0;

      for (guint i = 0; i < items->len; i++)
        {
          VecinosDay d = g_array_index (items, VecinosTimelineItem, i).start;

          visible += d >= scale.start && d < scale.end;
          /* A cluster starting within a gap of the right edge spans one more */
          at_least += d >= scale.start - slack && d <= scale.end + 2 * slack;
        }
      for (guint m = 0; m < marks->len; m++)
        {
          counted += MARK (marks, m)->count;
          if (m > 0 && MARK (marks, m)->row == MARK (marks, m - 1)->row)
            g_assert_cmpfloat (MARK (marks, m)->x - MARK (marks, m - 1)->x, >, 0);
        }
      /* Every event in view is in exactly one mark; marks just past the
       * edges may add the few within a gap or two of them */
      g_assert_cmpuint (counted, >=, visible);
      g_assert_cmpuint (counted, <=, at_least);
      /* Never more marks than fit in the pixels */
      g_assert_cmpuint (marks->len, <=, 8 * (1920 / 8 + 3));
    }
}

/* @n random items over 1900–2025 on @n_rows rows, some of them spans */
static GArray *
random_items (GRand *rand,
              guint  n,
              guint  n_rows)
{
  GArray *items = g_array_new (FALSE, FALSE, sizeof (VecinosTimelineItem));
  VecinosDay first = vecinos_test_day ("1900-01-01");

  for (guint i = 0; i < n; i++)
    {
      VecinosDay start = first + g_rand_int_range (rand, 0, 125 * 365);
      VecinosTimelineItem item = {
        start, start + (g_rand_int_range (rand, 0, 4) == 0 ? g_rand_int_range (rand, 1, 2000) : 0),
        g_rand_int_range (rand, 0, n_rows), g_rand_int_range (rand, 1, 4),
      };
      g_array_append_val (items, item);
    }
  return items;
}

/* A layout made in an old one's memory (a filter changed) is the layout
 * made afresh: fewer and more items, fewer and more rows, spans and none */
static void
test_reused (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (1994);
  const struct { guint n, rows; } layouts[] = { { 5000, 8 }, { 300, 8 }, { 8000, 3 }, { 0, 5 }, { 2000, 9 }, { 7, 1 } };
  /* The whole range, and two where bars reach in from the left */
  const VecinosTimeScale scales[] = {
    vecinos_test_scale ("1890-01-01", "2030-01-01", 1920),
    vecinos_test_scale ("1990-01-01", "2000-01-01", 1920),
    vecinos_test_scale ("1999-06-01", "1999-07-01", 1000),
  };
  VecinosTimelineLayout *reused = NULL;

  for (guint l = 0; l < G_N_ELEMENTS (layouts); l++)
    {
      g_autoptr(GArray) items = random_items (rand, layouts[l].n, layouts[l].rows);
      const VecinosTimelineItem *data = (const VecinosTimelineItem *) (gconstpointer) items->data;
      g_autoptr(VecinosTimelineLayout) fresh = vecinos_timeline_layout_new (data, items->len, layouts[l].rows);

      reused = vecinos_timeline_layout_new_reusing (reused, data, items->len, layouts[l].rows);
      for (guint v = 0; v < G_N_ELEMENTS (scales); v++)
        {
          g_autoptr(GArray) expected = g_array_new (FALSE, FALSE, sizeof (VecinosTimelineMark));
          g_autoptr(GArray) marks = g_array_new (FALSE, FALSE, sizeof (VecinosTimelineMark));

          vecinos_timeline_layout_compute (fresh, &scales[v], 6, 6, expected);
          vecinos_timeline_layout_compute (reused, &scales[v], 6, 6, marks);
          g_assert_cmpuint (marks->len, ==, expected->len);
          g_assert_cmpint (marks->len > 0, ==, layouts[l].n > 0);
          for (guint m = 0; m < marks->len; m++)
            {
              const VecinosTimelineMark *a = MARK (marks, m), *b = MARK (expected, m);

              g_assert_cmpfloat (a->x, ==, b->x);
              g_assert_cmpfloat (a->x_end, ==, b->x_end);
              g_assert_cmpuint (a->row, ==, b->row);
              g_assert_cmpuint (a->first, ==, b->first);
              g_assert_cmpuint (a->count, ==, b->count);
              g_assert_cmpuint (a->importance, ==, b->importance);
              g_assert_cmpuint (a->lead, ==, b->lead);
            }
        }
    }
  vecinos_timeline_layout_free (reused);
}

/* Lays @items out over 1990–2000 in 1000 pixels (a gap of 10), places
 * labels @label_width wide before @max_right, and checks which are shown,
 * by item */
static void
assert_labels (const VecinosTimelineItem *items,
               guint                      n_items,
               guint                      n_rows,
               double                     label_width,
               double                     max_right,
               const gboolean            *expected)
{
  VecinosTimeScale scale = vecinos_test_scale ("1990-01-01", "2000-01-01", 1000);
  g_autoptr(GArray) marks = compute (items, n_items, n_rows, &scale, 10);
  g_autofree double *widths = g_new (double, marks->len);
  g_autofree gboolean *shown = g_new (gboolean, marks->len);

  g_assert_cmpuint (marks->len, ==, n_items);
  for (guint i = 0; i < marks->len; i++)
    widths[i] = label_width;
  vecinos_timeline_layout_place_labels (marks, widths, 6, max_right, shown);
  for (guint i = 0; i < marks->len; i++)
    g_assert_cmpint (shown[i], ==, expected[MARK (marks, i)->first]);
}

static void
test_labels (void)
{
  VecinosTimelineItem items[] = {
    { vecinos_test_day ("1991-01-01"), vecinos_test_day ("1991-01-01"), 0, 3 },   /* minor, label would run into the landmark */
    { vecinos_test_day ("1991-07-01"), vecinos_test_day ("1991-07-01"), 0, 1 },   /* landmark */
    { vecinos_test_day ("1995-01-01"), vecinos_test_day ("1995-01-01"), 0, 2 },
    { vecinos_test_day ("1991-01-01"), vecinos_test_day ("1991-01-01"), 1, 3 },   /* another row: no conflict */
  };

  /* The landmark's marker sits under the first label */
  assert_labels (items, G_N_ELEMENTS (items), 2, 120, 1000, (gboolean[]) { FALSE, TRUE, TRUE, TRUE });
  /* A label that would run past the edge is not placed: 1995 is at x = 500 */
  assert_labels (items, G_N_ELEMENTS (items), 2, 120, 500, (gboolean[]) { FALSE, TRUE, FALSE, TRUE });
}

/* A cluster reaches cluster_gap from its first event: clusters, drawn
 * larger than events, do not overlap the next mark */
static void
test_cluster_gap (void)
{
  VecinosDay first = vecinos_test_day ("2000-04-10");
  /* One pixel a day: events at 0, 15, 25 and 45 pixels */
  VecinosTimelineItem items[] = {
    { first, first, 0, 3 }, { first + 15, first + 15, 0, 3 },
    { first + 25, first + 25, 0, 3 }, { first + 45, first + 45, 0, 3 },
  };
  VecinosTimeScale scale = { vecinos_test_day ("2000-01-01"), vecinos_test_day ("2000-01-01") + 1000, 1000 };
  g_autoptr(VecinosTimelineLayout) layout = vecinos_timeline_layout_new (items, G_N_ELEMENTS (items), 1);
  g_autoptr(GArray) marks = g_array_new (FALSE, FALSE, sizeof (VecinosTimelineMark));

  /* With the same gap: 0 and 15 cluster, 25 and 45 stand alone */
  vecinos_timeline_layout_compute (layout, &scale, 20, 20, marks);
  g_assert_cmpuint (marks->len, ==, 3);
  g_assert_cmpuint (MARK (marks, 0)->count, ==, 2);
  g_assert_cmpuint (MARK (marks, 1)->count, ==, 1);
  /* A cluster reaching 30 pixels takes in the event at 25 */
  vecinos_timeline_layout_compute (layout, &scale, 20, 30, marks);
  g_assert_cmpuint (marks->len, ==, 2);
  g_assert_cmpuint (MARK (marks, 0)->count, ==, 3);
  g_assert_cmpfloat_with_epsilon (MARK (marks, 0)->x, vecinos_time_scale_to_x (&scale, first + 12.5), 1e-9);
  g_assert_cmpuint (MARK (marks, 1)->count, ==, 1);
  /* A lone event does not reach further than min_gap */
  vecinos_timeline_layout_compute (layout, &scale, 10, 30, marks);
  g_assert_cmpuint (marks->len, ==, 4);
}

/* Panning moves clusters without regrouping them: the marks well inside
 * both views are the same events, 5 pixels further left */
static void
test_pan_keeps_clusters (void)
{
  g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (VecinosTimelineItem));
  g_autoptr(GRand) rand = g_rand_new_with_seed (1994);
  VecinosTimeScale scale = vecinos_test_scale ("1990-01-01", "2000-01-01", 1920);
  double shift = 5 * (scale.end - scale.start) / scale.width;
  VecinosTimeScale panned = { scale.start + shift, scale.end + shift, scale.width };
  g_autoptr(VecinosTimelineLayout) layout = NULL;
  g_autoptr(GArray) before = g_array_new (FALSE, FALSE, sizeof (VecinosTimelineMark));
  g_autoptr(GArray) after = g_array_new (FALSE, FALSE, sizeof (VecinosTimelineMark));
  guint compared = 0, clusters = 0;

  for (guint i = 0; i < 5000; i++)
    {
      VecinosDay day = vecinos_test_day ("1989-01-01") + g_rand_int_range (rand, 0, 12 * 365);
      VecinosTimelineItem item = { day, day, g_rand_int_range (rand, 0, 4), 3 };
      g_array_append_val (items, item);
    }
  layout = vecinos_timeline_layout_new ((VecinosTimelineItem *) (gpointer) items->data, items->len, 4);
  vecinos_timeline_layout_compute (layout, &scale, 20, 30, before);
  vecinos_timeline_layout_compute (layout, &panned, 20, 30, after);

  for (guint i = 0; i < before->len; i++)
    {
      const VecinosTimelineMark *mark = MARK (before, i);
      gboolean found = FALSE;

      if (mark->x < 100 || mark->x > 1800)
        continue;
      for (guint j = 0; j < after->len && !found; j++)
        {
          const VecinosTimelineMark *other = MARK (after, j);

          found = other->row == mark->row && other->first == mark->first && other->count == mark->count &&
                  fabs (other->x - (mark->x - 5)) < 1e-6;
        }
      g_assert_true (found);
      compared++;
      clusters += mark->count > 1;
    }
  /* The views are dense: most marks are clusters */
  g_assert_cmpuint (compared, >, 200);
  g_assert_cmpuint (clusters, >, compared / 2);
}

/* Bars lie under labels too, wherever they start: one reaching in from the
 * left, overlapping ones merged, and the bar's own label after its end */
static void
test_labels_and_bars (void)
{
  VecinosTimelineItem items[] = {
    { vecinos_test_day ("1985-01-01"), vecinos_test_day ("1993-12-31"), 0, 2 },   /* a bar to x = 400 */
    { vecinos_test_day ("1992-01-01"), vecinos_test_day ("1994-12-31"), 0, 2 },   /* overlapping it, to 500 */
    { vecinos_test_day ("1991-01-01"), vecinos_test_day ("1991-01-01"), 0, 1 },   /* a point under the bars */
    { vecinos_test_day ("1997-01-01"), vecinos_test_day ("1997-01-01"), 0, 1 },   /* a point past them */
  };

  /* After x = 400 lies the second bar; the point is under both; the second
   * bar's label and the one of 1997 fit */
  assert_labels (items, G_N_ELEMENTS (items), 1, 50, 1000, (gboolean[]) { FALSE, TRUE, FALSE, TRUE });
}

int
main (int   argc,
      char *argv[])
{
  vecinos_test_init_translations ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/timeline-layout/separate-events", test_separate_events);
  g_test_add_func ("/timeline-layout/cluster", test_cluster);
  g_test_add_func ("/timeline-layout/rows-and-edges", test_rows_and_edges);
  g_test_add_func ("/timeline-layout/spans", test_spans);
  g_test_add_func ("/timeline-layout/every-event-counted-once", test_every_event_counted_once);
  g_test_add_func ("/timeline-layout/labels", test_labels);
  g_test_add_func ("/timeline-layout/labels-and-bars", test_labels_and_bars);
  g_test_add_func ("/timeline-layout/cluster-gap", test_cluster_gap);
  g_test_add_func ("/timeline-layout/pan-keeps-clusters", test_pan_keeps_clusters);
  g_test_add_func ("/timeline-layout/reused", test_reused);

  return g_test_run ();
}
