/* vecinos-timeline-layout.c — events → marks on a time axis
 *
 * Each row keeps its items sorted by their first day. A mark is found by
 * binary search, and everything within min_gap pixels of it joins it as a
 * cluster, found by a second binary search: the work follows the number of
 * marks on screen, not the number of events. Clusters are formed from a day
 * fixed by the zoom (a multiple of 1024 pixels' worth of days), up to 1024
 * pixels left of the view, so that panning does not regroup them. A span
 * wide enough to see is a mark of its own (a bar); a narrow one clusters
 * like any event. Only spans that start left of that day need a separate
 * look, bounded by the row's longest span.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "vecinos-timeline-layout.h"

/* How far left of the view clusters may start being formed, at most */
#define ANCHOR_PIXELS 1024.0

typedef struct {
  VecinosDay day;
  VecinosDay end;
  guint      index;
  guint      importance;
} Point;

/* A label placed in the row being laid out, or a stretch of bars */
typedef struct {
  double left;
  double right;
} Placed;

static int
compare_placed (gconstpointer a,
                gconstpointer b)
{
  const Placed *x = a, *y = b;

  return (x->left > y->left) - (x->left < y->left);
}

typedef struct {
  GArray     *points;    /* Point, every item of the row by its first day */
  GArray     *spans;     /* Point, the items that last a while, by first day */
  VecinosDay  max_span;  /* the longest of them, in days */
} Row;

struct _VecinosTimelineLayout
{
  guint                n_items;
  Row                 *rows;
  guint                n_rows;
};

static int
compare_points (gconstpointer a,
                gconstpointer b)
{
  const Point *pa = a, *pb = b;

  if (pa->day != pb->day)
    return pa->day < pb->day ? -1 : 1;
  return pa->index < pb->index ? -1 : pa->index > pb->index;
}

/* Sorts @points by day, unless they are already: a dataset's events come
 * by date, and a million of them sorted again cost a tenth of a second at
 * every open and every filter */
static void
sort_points (GArray *points)
{
  for (guint i = 1; i < points->len; i++)
    if (compare_points (&g_array_index (points, Point, i - 1), &g_array_index (points, Point, i)) > 0)
      {
        g_array_sort (points, compare_points);
        return;
      }
}

/**
 * vecinos_timeline_layout_new:
 * @items: (array length=n_items): the events, in any order
 * @n_rows: how many rows (categories) there are; every item's row is below it
 */
VecinosTimelineLayout *
vecinos_timeline_layout_new (const VecinosTimelineItem *items,
                             guint                      n_items,
                             guint                      n_rows)
{
  return vecinos_timeline_layout_new_reusing (NULL, items, n_items, n_rows);
}

/**
 * vecinos_timeline_layout_new_reusing:
 * @old: (transfer full) (nullable): a layout no longer needed, whose
 *   memory the new one reuses
 *
 * As vecinos_timeline_layout_new(), in @old's arrays: a filter that lets a
 * million events through again writes them where they were, instead of
 * in memory the system hands out afresh a page at a time.
 */
VecinosTimelineLayout *
vecinos_timeline_layout_new_reusing (VecinosTimelineLayout     *old,
                                     const VecinosTimelineItem *items,
                                     guint                      n_items,
                                     guint                      n_rows)
{
  VecinosTimelineLayout *self = g_new0 (VecinosTimelineLayout, 1);
  g_autofree guint *counts = g_new0 (guint, n_rows);

  self->n_items = n_items;
  self->n_rows = n_rows;
  self->rows = g_new0 (Row, n_rows);

  /* Each row's array made at its size: a million events grown by doubling
   * were copied, and their pages touched, twice over */
  for (guint i = 0; i < n_items; i++)
    if (items[i].row < n_rows)
      counts[items[i].row]++;
  for (guint r = 0; r < n_rows; r++)
    {
      if (old != NULL && r < old->n_rows)
        {
          self->rows[r].points = g_steal_pointer (&old->rows[r].points);
          self->rows[r].spans = g_steal_pointer (&old->rows[r].spans);
          g_array_set_size (self->rows[r].spans, 0);
        }
      else
        {
          self->rows[r].points = g_array_new (FALSE, FALSE, sizeof (Point));
          self->rows[r].spans = g_array_new (FALSE, FALSE, sizeof (Point));
        }
      /* Room for the row's points (neither cleared nor zero-terminated:
       * nothing is written until they are) */
      g_array_set_size (self->rows[r].points, counts[r]);
      counts[r] = 0;
    }
  vecinos_timeline_layout_free (old);

  /* Each point written in place, in the room made for its row, and the
   * lengths set after (a call and a copy a point were a third of a
   * million events' layout); counts now counts the points written */
  for (guint i = 0; i < n_items; i++)
    {
      Point point = { items[i].start, MAX (items[i].end, items[i].start), i, items[i].importance };
      Row *row;

      if (items[i].row >= n_rows)
        {
          g_critical ("%s: item %u is on row %u of %u", G_STRFUNC, i, items[i].row, n_rows);
          break;
        }
      row = &self->rows[items[i].row];
      g_array_index (row->points, Point, counts[items[i].row]++) = point;
      if (point.end > point.day)
        {
          g_array_append_val (row->spans, point);
          row->max_span = MAX (row->max_span, point.end - point.day);
        }
    }
  for (guint r = 0; r < n_rows; r++)
    g_array_set_size (self->rows[r].points, counts[r]);

  for (guint r = 0; r < n_rows; r++)
    {
      sort_points (self->rows[r].points);
      sort_points (self->rows[r].spans);
    }

  return self;
}

void
vecinos_timeline_layout_free (VecinosTimelineLayout *self)
{
  if (self == NULL)
    return;

  for (guint r = 0; r < self->n_rows; r++)
    {
      g_clear_pointer (&self->rows[r].points, g_array_unref);
      g_clear_pointer (&self->rows[r].spans, g_array_unref);
    }
  g_free (self->rows);
  g_free (self);
}

/* The first point at or after @day */
static guint
lower_bound (GArray *points,
             double  day)
{
  guint low = 0, high = points->len;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (g_array_index (points, Point, middle).day < day)
        low = middle + 1;
      else
        high = middle;
    }
  return low;
}

static void
layout_points (const Row              *row,
               guint                   row_index,
               const VecinosTimeScale *scale,
               double                  min_gap,
               double                  cluster_gap,
               double                  anchor,
               GArray                 *marks)
{
  double days_per_pixel = (scale->end - scale->start) / scale->width;
  guint i = lower_bound (row->points, anchor);
  guint n = row->points->len;

  while (i < n)
    {
      const Point *point = &g_array_index (row->points, Point, i);
      double x = vecinos_time_scale_to_x (scale, point->day);
      guint next;
      VecinosTimelineMark mark;

      if (x > scale->width + min_gap)
        break;

      mark = (VecinosTimelineMark) {
        .x = x, .x_end = x, .row = row_index,
        .first = point->index, .count = 1, .importance = point->importance, .lead = point->index,
      };

      /* A span wide enough to see is a bar of its own; the bar covers the
       * whole of its last day */
      if (point->end > point->day &&
          vecinos_time_scale_to_x (scale, point->end + 1) - x >= min_gap)
        {
          mark.x_end = vecinos_time_scale_to_x (scale, point->end + 1);
          if (mark.x_end >= -min_gap)
            g_array_append_val (marks, mark);
          i++;
          continue;
        }

      /* Everything closer than min_gap to this one becomes one cluster, and
       * a cluster, drawn larger, takes in what lies within cluster_gap */
      next = lower_bound (row->points, point->day + min_gap * days_per_pixel);
      next = MAX (next, i + 1);
      if (next - i > 1 && cluster_gap > min_gap)
        next = MAX (next, lower_bound (row->points, point->day + cluster_gap * days_per_pixel));
      mark.count = next - i;
      if (mark.count > 1)
        {
          double last = vecinos_time_scale_to_x (scale, g_array_index (row->points, Point, next - 1).day);

          mark.x = mark.x_end = (x + last) / 2;
          for (guint j = i + 1; j < next && j < i + 64; j++)
            if (g_array_index (row->points, Point, j).importance < mark.importance)
              {
                mark.importance = g_array_index (row->points, Point, j).importance;
                mark.lead = g_array_index (row->points, Point, j).index;
              }
        }
      /* Marks left of the view were laid out only so that the ones in it
       * are the same wherever the view starts; a marker whose centre is
       * just outside still shows half of itself */
      if (mark.x_end >= -min_gap)
        g_array_append_val (marks, mark);
      i = next;
    }
}

/* Spans that start before @anchor — further left than layout_points()
 * looks — and reach into the view */
static void
layout_spans_from_the_left (const Row              *row,
                            guint                   row_index,
                            const VecinosTimeScale *scale,
                            double                  anchor,
                            GArray                 *marks)
{
  for (guint s = lower_bound (row->spans, scale->start - row->max_span); s < row->spans->len; s++)
    {
      const Point *span = &g_array_index (row->spans, Point, s);
      VecinosTimelineMark mark;

      if (span->day >= anchor)
        break;
      if (span->end + 1 <= scale->start)
        continue;
      mark = (VecinosTimelineMark) {
        vecinos_time_scale_to_x (scale, span->day), vecinos_time_scale_to_x (scale, span->end + 1),
        row_index, span->index, 1, span->importance, span->index,
      };
      g_array_append_val (marks, mark);
    }
}

/**
 * vecinos_timeline_layout_compute:
 * @min_gap: the fewest pixels between two marks of one row
 * @cluster_gap: how far from its first event a cluster reaches (a cluster
 *   is drawn larger than an event, and its count must not touch the next
 *   one); no less than @min_gap
 * @marks: (element-type VecinosTimelineMark): emptied, then filled row by
 *   row: spans reaching in from the left first, then the rest by x
 */
void
vecinos_timeline_layout_compute (VecinosTimelineLayout  *self,
                                 const VecinosTimeScale *scale,
                                 double                  min_gap,
                                 double                  cluster_gap,
                                 GArray                 *marks)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (scale->end > scale->start && scale->width > 0);

  vecinos_timeline_layout_compute_from (self, scale, min_gap, cluster_gap,
                                        vecinos_timeline_layout_anchor (scale, min_gap), marks);
}

/**
 * vecinos_timeline_layout_anchor:
 *
 * Returns: the day clusters are formed from for @scale: it depends on the
 *   zoom, not on where the view starts, so that panning moves clusters
 *   without regrouping them (they regroup once every 1024 pixels of
 *   panning, not at every pixel). It lies at most 1024 pixels and @min_gap
 *   left of the view.
 */
double
vecinos_timeline_layout_anchor (const VecinosTimeScale *scale,
                                double                  min_gap)
{
  double days_per_pixel = (scale->end - scale->start) / scale->width;
  double stretch = ANCHOR_PIXELS * days_per_pixel;

  return floor ((scale->start - min_gap * days_per_pixel) / stretch) * stretch;
}

/**
 * vecinos_timeline_layout_compute_from:
 * @anchor: the day clusters are formed from, at or left of @scale's start
 *   less @min_gap (vecinos_timeline_layout_anchor())
 *
 * vecinos_timeline_layout_compute() with the day clusters are formed from
 * given: a wider view laid out from the same day has the same clusters.
 */
void
vecinos_timeline_layout_compute_from (VecinosTimelineLayout  *self,
                                      const VecinosTimeScale *scale,
                                      double                  min_gap,
                                      double                  cluster_gap,
                                      double                  anchor,
                                      GArray                 *marks)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (scale->end > scale->start && scale->width > 0);

  g_array_set_size (marks, 0);
  for (guint r = 0; r < self->n_rows; r++)
    {
      layout_spans_from_the_left (&self->rows[r], r, scale, anchor, marks);
      layout_points (&self->rows[r], r, scale, min_gap, cluster_gap, anchor, marks);
    }
}

/* The bars (spans) of a row as the stretches they cover, each widened by
 * half the gap, overlapping ones merged, by x: a label is checked against
 * them by binary search, however many bars a dense row has */
static GArray *
row_bars (const VecinosTimelineMark *all,
          guint                      row_begin,
          guint                      row_end,
          double                     gap)
{
  GArray *bars = g_array_new (FALSE, FALSE, sizeof (Placed));

  for (guint j = row_begin; j < row_end; j++)
    if (all[j].x_end > all[j].x)
      {
        Placed bar = { all[j].x - gap / 2, all[j].x_end + gap / 2 };
        g_array_append_val (bars, bar);
      }
  g_array_sort (bars, compare_placed);
  for (guint j = 1; j < bars->len;)
    {
      Placed *previous = &g_array_index (bars, Placed, j - 1);
      const Placed *bar = &g_array_index (bars, Placed, j);

      if (bar->left <= previous->right)
        {
          previous->right = MAX (previous->right, bar->right);
          g_array_remove_index (bars, j);
        }
      else
        j++;
    }
  return bars;
}

/* Whether a marker of the row lies under [left, right]: a bar, found by
 * binary search in @bars, or a point from @i on (compute() gives the points
 * by x, so the look stops at the first one past @right) */
static gboolean
covers_marker (const VecinosTimelineMark *all,
               guint                      row_end,
               guint                      i,
               GArray                    *bars,
               double                     left,
               double                     right,
               double                     gap)
{
  guint low = 0, high = bars->len;

  /* The first stretch ending after @left */
  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (g_array_index (bars, Placed, middle).right <= left)
        low = middle + 1;
      else
        high = middle;
    }
  if (low < bars->len && g_array_index (bars, Placed, low).left < right)
    return TRUE;

  for (guint j = i + 1; j < row_end; j++)
    {
      if (all[j].x_end > all[j].x)
        continue;
      if (all[j].x - gap / 2 >= right)
        return FALSE;
      if (all[j].x_end + gap / 2 > left)
        return TRUE;
    }
  return FALSE;
}

/**
 * vecinos_timeline_layout_place_labels:
 * @marks: (element-type VecinosTimelineMark): from vecinos_timeline_layout_compute()
 * @widths: (array): the width of each mark's label, in pixels
 * @gap: space between a marker and its label, and between labels
 * @max_right: where labels must end (the view's width)
 * @shown: (array) (out caller-allocates): whether each mark's label is drawn
 *
 * A label goes to the right of its marker when it lies wholly between 0
 * and @max_right and overlaps no other label or marker of its row. Landmarks are placed first, then major and minor
 * events; a cluster gets one only when @widths gives it a width.
 */
void
vecinos_timeline_layout_place_labels (const GArray *marks,
                                      const double *widths,
                                      double        gap,
                                      double        max_right,
                                      gboolean     *shown)
{
  const VecinosTimelineMark *all = (const VecinosTimelineMark *) (gpointer) marks->data;

  for (guint i = 0; i < marks->len; i++)
    shown[i] = FALSE;

  for (guint row_begin = 0, row_end; row_begin < marks->len; row_begin = row_end)
    {
      g_autoptr(GArray) placed = g_array_new (FALSE, FALSE, sizeof (Placed));
      g_autoptr(GArray) bars = NULL;

      for (row_end = row_begin; row_end < marks->len && all[row_end].row == all[row_begin].row; row_end++)
        ;
      bars = row_bars (all, row_begin, row_end, gap);

      for (guint importance = 1; importance <= 3; importance++)
        for (guint i = row_begin; i < row_end; i++)
          {
            double left = all[i].x_end + gap;
            double right = left + widths[i];
            gboolean fits;

            /* A cluster is labelled when the caller gives it a width (it
             * names its most important event) */
            if (all[i].importance != importance || (all[i].count != 1 && widths[i] <= 0))
              continue;

            fits = left >= 0 && right <= max_right && !covers_marker (all, row_end, i, bars, left, right, gap);
            for (guint p = 0; p < placed->len && fits; p++)
              {
                const Placed *other = &g_array_index (placed, Placed, p);

                if (other->right + gap > left && other->left - gap < right)
                  fits = FALSE;
              }

            if (fits)
              {
                Placed label = { left, right };

                g_array_append_val (placed, label);
                shown[i] = TRUE;
              }
          }
    }
}
