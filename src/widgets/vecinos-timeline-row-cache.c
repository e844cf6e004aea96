/* vecinos-timeline-row-cache.c — each row's markers kept as one image
 *
 * With the Cairo renderer and many markers, a frame that only pans (the
 * zoom held since the frame before) places one image per row, drawn for a
 * stretch of time either side of the view, instead of drawing every
 * marker again. vecinos_timeline_view_set_row_cache() turns this off for
 * the tests and benchmarks that compare the two.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "vecinos-timeline-view-private.h"

/* Pixels of the row images left of the day clusters start from (for the
 * markers there), and right of the view (for panning to the left) */
#define CACHE_MARGIN 32.0
#define CACHE_AHEAD 512.0

/* Whether the row images show the view as it is: the same zoom, the same
 * day clusters start from, the view's right edge inside them, the same
 * colours and scale */
gboolean
_vecinos_timeline_view_row_cache_fits (VecinosTimelineView *self,
                                       const GdkRGBA       *fg)
{
  double days_per_pixel = (self->scale.end - self->scale.start) / self->scale.width;

  return self->row_images != NULL &&
         fabs (days_per_pixel - self->cache_days_per_pixel) <= days_per_pixel * 1e-9 &&
         fabs (vecinos_timeline_layout_anchor (&self->scale, MIN_GAP) - self->cache_anchor) <= days_per_pixel * 1e-3 &&
         self->scale.end + 32 * days_per_pixel <= self->cache_end &&
         gdk_rgba_equal (fg, &self->cache_fg) &&
         gtk_widget_get_scale_factor (GTK_WIDGET (self)) == self->cache_scale;
}

/* While the view pans, clusters keep their events (they are formed from a
 * day fixed by the zoom, vecinos_timeline_layout_anchor()): each row's
 * markers are drawn once, over the view and some way either side, and a
 * frame only places that image. A zoom draws them afresh. Returns whether
 * the images are ready. */
gboolean
_vecinos_timeline_view_build_row_cache (VecinosTimelineView *self,
                                        const GdkRGBA       *fg)
{
  double days_per_pixel = (self->scale.end - self->scale.start) / self->scale.width;
  double anchor = vecinos_timeline_layout_anchor (&self->scale, MIN_GAP);
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  VecinosTimeScale wide;
  g_autoptr(GArray) marks = g_array_new (FALSE, FALSE, sizeof (VecinosTimelineMark));
  const VecinosTimelineMark *all;
  guint n_rows = self->categories != NULL ? self->categories->len : 0;

  g_clear_pointer (&self->row_images, g_ptr_array_unref);
  if (self->layout == NULL || n_rows == 0)
    return FALSE;

  wide.start = anchor - CACHE_MARGIN * days_per_pixel;
  wide.end = self->scale.end + CACHE_AHEAD * days_per_pixel;
  wide.width = ceil ((wide.end - wide.start) / days_per_pixel);
  wide.end = wide.start + wide.width * days_per_pixel;
  vecinos_timeline_layout_compute_from (self->layout, &wide, MIN_GAP, CLUSTER_GAP, anchor, marks);
  all = (const VecinosTimelineMark *) (gpointer) marks->data;

  self->row_images = g_ptr_array_new_with_free_func ((GDestroyNotify) cairo_surface_destroy);
  for (guint r = 0; r < n_rows; r++)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) wide.width * scale,
                                                             (int) MARKER_BAND * scale);

      cairo_surface_set_device_scale (surface, scale, scale);
      g_ptr_array_add (self->row_images, surface);
    }
  for (guint begin = 0, end; begin < marks->len; begin = end)
    {
      guint row = all[begin].row;
      cairo_t *cr = cairo_create (g_ptr_array_index (self->row_images, row));

      for (end = begin; end < marks->len && all[end].row == row; end++)
        ;
      _vecinos_timeline_view_draw_row_markers (self, NULL, cr, all, begin, end, MARKER_BAND / 2,
                                               &self->colors[row], fg);
      cairo_destroy (cr);
    }
  for (guint r = 0; r < n_rows; r++)
    cairo_surface_flush (g_ptr_array_index (self->row_images, r));

  self->cache_days_per_pixel = days_per_pixel;
  self->cache_anchor = anchor;
  self->cache_start = wide.start;
  self->cache_end = wide.end;
  self->cache_fg = *fg;
  self->cache_scale = scale;
  return TRUE;
}
