/* vecinos-timeline-view.c — the events on a zoomable time axis
 *
 * The geometry comes from src/layout (pure, tested and benchmarked); this
 * widget only turns it into GtkSnapshot calls and handles input. Rows are
 * the categories, the United States' presidencies are a band above them and
 * Mexico's below. Selection is the GtkSingleSelection the event list shares.
 *
 * The pointer and the keyboard are in vecinos-timeline-view-input.c, the
 * text and marker images kept between frames in vecinos-timeline-sprites.c
 * and vecinos-timeline-row-cache.c (see vecinos-timeline-view-private.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <float.h>
#include <math.h>
#include <string.h>

#include "vecinos-event.h"
#include "vecinos-event-list.h"
#include "vecinos-date.h"
#include "vecinos-timeline-view-private.h"
#include "vecinos-focus-ring.h"

G_DEFINE_FINAL_TYPE (VecinosTimelineView, vecinos_timeline_view, GTK_TYPE_WIDGET)

enum {
  RANGE_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
foreground (GtkWidget *widget,
            GdkRGBA   *color)
{
#if GTK_CHECK_VERSION (4, 10, 0)
  gtk_widget_get_color (widget, color);
#else
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), color);
#endif
}

static void
update_accessible (VecinosTimelineView *self)
{
  guint position = selected_position (self);
  g_autofree char *description = NULL;

  if (position != GTK_INVALID_LIST_POSITION && position < self->n_items)
    {
      g_autoptr(VecinosEvent) event = g_list_model_get_item (G_LIST_MODEL (self->selection), position);
      g_autofree char *date = vecinos_event_format_date (event);

      /* Translators: what a screen reader says of the selected event:
       * title, date, its place among all events */
      description = g_strdup_printf (_("%1$s, %2$s, %3$u of %4$u"),
                                     vecinos_event_get_title (event), date, position + 1, self->n_items);
    }
  else
    description = g_strdup (_("Left and Right move between events, plus and minus zoom, "
                              "Home and End go to the first and last event, Enter zooms to the "
                              "selected event, Escape clears the selection."));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

void
_vecinos_timeline_view_recompute (VecinosTimelineView *self)
{
  if (self->layout != NULL && self->scale.width > 0)
    vecinos_timeline_layout_compute (self->layout, &self->scale, MIN_GAP, CLUSTER_GAP, self->marks);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  /* Every zoom and pan lays out again, so this is where the range changes */
  if (self->scale.start != self->reported_start || self->scale.end != self->reported_end)
    {
      self->reported_start = self->scale.start;
      self->reported_end = self->scale.end;
      g_signal_emit (self, signals[RANGE_CHANGED], 0);
    }
}

/* Keeps @day in view, moving the view as little as possible */
static void
reveal (VecinosTimelineView *self,
        VecinosDay           day)
{
  double span = self->scale.end - self->scale.start;

  if (day < self->scale.start || day >= self->scale.end)
    {
      self->scale.start = day - span / 2;
      self->scale.end = day + span / 2;
      _vecinos_timeline_view_recompute (self);
    }
}

static void
selection_changed (VecinosTimelineView *self)
{
  guint position = selected_position (self);

  if (position != GTK_INVALID_LIST_POSITION && position < self->n_items)
    reveal (self, self->items[position].start);
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
draw_eras (VecinosTimelineView *self,
           GtkSnapshot         *snapshot,
           const GdkRGBA       *fg,
           double               width,
           double               height)
{
  for (guint i = 0; self->terms != NULL && i < self->terms->len; i++)
    {
      const VecinosTerm *term = g_ptr_array_index (self->terms, i);
      gboolean us = g_str_equal (term->country, "us");
      double y = us ? axis_height (self) : height - era_height (self);
      double x = vecinos_time_scale_to_x (&self->scale, term->start);
      /* A term still running ends today, not at the view's edge */
      double x_end = vecinos_time_scale_to_x (&self->scale, vecinos_term_get_end (term));
      GdkRGBA band = *fg;
      g_autofree char *label = NULL;
      int needed;

      if (x_end < 0 || x > width)
        continue;

      /* Alternate shades tell neighbouring terms apart without colour, and
       * a rule at the text's full contrast marks where a term begins */
      band.alpha = i % 2 == 0 ? 0.10 : 0.18;
      gtk_snapshot_append_color (snapshot, &band,
                                 &GRAPHENE_RECT_INIT (MAX (x, 0), y + 2, MIN (x_end, width) - MAX (x, 0) - 1, era_height (self) - 4));
      if (x >= 0)
        gtk_snapshot_append_color (snapshot, fg, &GRAPHENE_RECT_INIT (floor (x), y + 2, 1, era_height (self) - 4));

      /* Translators: an era band: president, then party (a teacher's era
       * has no party: its name alone) */
      label = term->party != NULL && *term->party != '\0' ? g_strdup_printf (_("%1$s (%2$s)"), term->person, term->party)
                                                          : g_strdup (term->person);
      needed = _vecinos_timeline_view_text_width (self, label);
      /* Then the person alone, then the short name ("Peña Nieto") */
      for (guint attempt = 0; attempt < 2 && needed + 8 > MIN (x_end, width) - MAX (x, 0); attempt++)
        {
          g_free (label);
          label = g_strdup (attempt == 0 || term->short_name == NULL ? term->person : term->short_name);
          needed = _vecinos_timeline_view_text_width (self, label);
        }
      /* Last, the short name cut after a letter ("López Ob…"), while four
       * characters show */
      if (needed + 8 > MIN (x_end, width) - MAX (x, 0))
        {
          const char *name = term->short_name != NULL ? term->short_name : term->person;
          glong kept = g_utf8_strlen (name, -1);

          while (needed + 8 > MIN (x_end, width) - MAX (x, 0) && --kept >= 4)
            {
              g_autofree char *start = g_utf8_substring (name, 0, kept);

              if (!g_unichar_isalnum (g_utf8_get_char (g_utf8_offset_to_pointer (start, kept - 1))))
                continue;
              g_free (label);
              label = g_strconcat (start, "…", NULL);
              needed = _vecinos_timeline_view_text_width (self, label);
            }
        }
      if (needed + 8 <= MIN (x_end, width) - MAX (x, 0))
        _vecinos_timeline_view_draw_text (self, snapshot, label, MAX (x, 0) + 4, y + 4, fg);
    }
}

static void
draw_axis (VecinosTimelineView *self,
           GtkSnapshot         *snapshot,
           const GdkRGBA       *fg,
           double               height)
{
  g_autoptr(GArray) ticks = vecinos_time_scale_ticks (&self->scale, 110);
  GdkRGBA line = *fg;

  line.alpha = 0.15;
  for (guint i = 0; i < ticks->len; i++)
    {
      const VecinosTick *tick = &g_array_index (ticks, VecinosTick, i);
      g_autofree char *label = vecinos_tick_format (tick);

      gtk_snapshot_append_color (snapshot, &line, &GRAPHENE_RECT_INIT (floor (tick->x), axis_height (self) - 6, 1, height));
      if (tick->x + 4 + _vecinos_timeline_view_text_width (self, label) <= self->scale.width)
        _vecinos_timeline_view_draw_text (self, snapshot, label, tick->x + 4, 4, fg);
    }
}

static int
compare_bars (gconstpointer a,
              gconstpointer b)
{
  const graphene_point_t *x = a, *y = b;

  return (x->x > y->x) - (x->x < y->x);
}

/* A cluster's count as it fits on its marker: 1 234 as "1k", 25 000 as
 * "25k" (the tooltip and the screen reader give the exact number) */
static void
format_count (guint  count,
              char  *text,
              gsize  size)
{
  if (count >= 1000000)
    g_snprintf (text, size, "%uM", count / 1000000);
  else if (count >= 1000)
    g_snprintf (text, size, "%uk", count / 1000);
  else
    g_snprintf (text, size, "%u", count);
}

/* The bars of the row whose marks begin at @first, drawn as their union:
 * overlapping bars of one colour on one line look the same drawn once,
 * and a dense row holds hundreds of them */
static void
append_bars (GtkSnapshot               *snapshot,
             cairo_t                   *cr,
             const VecinosTimelineMark *marks,
             guint                      first,
             guint                      end,
             double                     y,
             const GdkRGBA             *color)
{
  g_autoptr(GArray) bars = g_array_new (FALSE, FALSE, sizeof (graphene_point_t));
  guint n = 0;

  for (guint i = first; i < end; i++)
    if (marks[i].x_end > marks[i].x)
      {
        graphene_point_t bar = GRAPHENE_POINT_INIT (marks[i].x, marks[i].x_end);
        g_array_append_val (bars, bar);
      }
  g_array_sort (bars, compare_bars);
  for (guint i = 0; i < bars->len;)
    {
      graphene_point_t *bar = &g_array_index (bars, graphene_point_t, i);
      float left = bar->x, right = bar->y;

      for (i++; i < bars->len && g_array_index (bars, graphene_point_t, i).x <= right; i++)
        right = MAX (right, g_array_index (bars, graphene_point_t, i).y);

      if (cr != NULL)
        {
          /* Into the row's Cairo node: a rounded bar 8 px high */
          cairo_new_sub_path (cr);
          cairo_arc (cr, left + 4, y, 4, G_PI / 2, 3 * G_PI / 2);
          cairo_arc (cr, MAX (right - 4, left + 4), y, 4, -G_PI / 2, G_PI / 2);
          cairo_close_path (cr);
          n++;
        }
      else
        {
          GskRoundedRect rect;
          float thickness[4] = { 4, 4, 4, 4 };
          GdkRGBA fills[4] = { *color, *color, *color, *color };

          /* Filled by a border 4 px thick, for the reason append_disc() gives */
          gsk_rounded_rect_init_from_rect (&rect, &GRAPHENE_RECT_INIT (left, y - 4, right - left, 8), 4);
          gtk_snapshot_append_border (snapshot, &rect, thickness, fills);
        }
    }
  if (n > 0)
    {
      gdk_cairo_set_source_rgba (cr, color);
      cairo_fill (cr);
    }
}

/* The Cairo renderer composites one Cairo node of many small images far
 * faster than as many texture nodes (GTK 4.8 converts a texture on every
 * draw); GPU renderers keep textures, which they upload once */
static gboolean
drawn_by_cairo (GtkWidget *widget)
{
  GtkNative *native = gtk_widget_get_native (widget);
  GskRenderer *renderer = native != NULL ? gtk_native_get_renderer (native) : NULL;

  return renderer != NULL && g_str_equal (G_OBJECT_TYPE_NAME (renderer), "GskCairoRenderer");
}

/* The title of the event at @position: read from the window's event
 * list without making the event */
static char *
item_title (VecinosTimelineView *self,
            guint                position)
{
  GListModel *model = gtk_single_selection_get_model (self->selection);
  g_autoptr(VecinosEvent) event = NULL;

  if (VECINOS_IS_EVENT_LIST (model))
    return vecinos_event_list_get_title (VECINOS_EVENT_LIST (model), position);
  event = g_list_model_get_item (G_LIST_MODEL (self->selection), position);
  return g_strdup (vecinos_event_get_title (event));
}

static double
label_width (VecinosTimelineView *self,
             guint                item)
{
  if (self->label_widths[item] == 0)
    {
      g_autofree char *title = item_title (self, item);

      /* Kept above 0, which means "not measured" (an empty title) */
      self->label_widths[item] = MAX (_vecinos_timeline_view_text_width (self, title), FLT_MIN);
    }
  return self->label_widths[item];
}

/* How many more a cluster's label counts beside its landmark's title */
static void
format_more (const VecinosTimelineMark *mark,
             char                      *buffer,
             gsize                      size)
{
  g_snprintf (buffer, size, " +%u", mark->count - 1);
}

/* What a mark's label says: its event's title; for a cluster that holds a
 * landmark, the landmark's title and how many more it holds */
static char *
mark_label (VecinosTimelineView       *self,
            const VecinosTimelineMark *mark)
{
  g_autofree char *title = item_title (self, mark->lead);
  char more[16] = "";

  if (mark->count > 1)
    format_more (mark, more, sizeof more);
  return g_strconcat (title, more, NULL);
}

/* The markers of marks @begin to @end (one row) at height @y: the row's
 * bars, then its events and clusters */
void
_vecinos_timeline_view_draw_row_markers (VecinosTimelineView       *self,
                                         GtkSnapshot               *snapshot,
                                         cairo_t                   *cr,
                                         const VecinosTimelineMark *marks,
                                         guint                      begin,
                                         guint                      end,
                                         double                     y,
                                         const GdkRGBA             *color,
                                         const GdkRGBA             *fg)
{
  append_bars (snapshot, cr, marks, begin, end, y, color);
  for (guint i = begin; i < end; i++)
    {
      char count[16] = "";

      if (marks[i].x_end > marks[i].x)
        continue;
      /* A cluster says how many events it holds */
      if (marks[i].count > 1)
        format_count (marks[i].count, count, sizeof count);
      _vecinos_timeline_view_append_circle (self, snapshot, cr, marks[i].x, y, marker_radius (&marks[i]),
                                            color, fg, 1, marks[i].count > 1 ? count : NULL);
    }
}

/* The selected event's title, when it has no room beside its marker or
 * sits inside a cluster: a box above it, on the view's own background,
 * kept inside the view */
static void
draw_callout (VecinosTimelineView *self,
              GtkSnapshot         *snapshot,
              guint                selected,
              double               x,
              double               y,
              double               y_below,
              double               width,
              const GdkRGBA       *fg)
{
  g_autoptr(VecinosEvent) event = g_list_model_get_item (G_LIST_MODEL (self->selection), selected);
  g_autofree char *title = g_strdup (vecinos_event_get_title (event));
  double line = _vecinos_timeline_view_line_height (self);
  double text_width = _vecinos_timeline_view_text_width (self, title);

  /* Too long for the view: cut at a word, with an ellipsis (the event's
   * page beside it has the whole title) */
  if (text_width > width - 16)
    {
      g_autofree char *whole = g_steal_pointer (&title);
      char *space;

      while ((space = strrchr (whole, ' ')) != NULL)
        {
          *space = '\0';
          g_free (title);
          title = g_strconcat (whole, "…", NULL);
          if (_vecinos_timeline_view_text_width (self, title) <= width - 16)
            break;
        }
      if (title == NULL)
        title = g_strdup (whole);
      text_width = MIN (_vecinos_timeline_view_text_width (self, title), width - 16);
    }
  double box_x = CLAMP (x - text_width / 2 - 6, 2, MAX (width - text_width - 14, 2));
  /* Above the marker, or below it where the era band would be covered */
  double box_y = y - line - 8 >= axis_height (self) + era_height (self) ? y - line - 8 : y_below + 3;
  GdkRGBA background = { 1, 1, 1, 0.92 };
  GskRoundedRect box;

  /* The theme's background, nearly opaque, so the title reads over markers */
  if (fg->red + fg->green + fg->blue > 1.5)
    background = (GdkRGBA) { 0.12, 0.12, 0.12, 0.92 };
  gsk_rounded_rect_init_from_rect (&box, &GRAPHENE_RECT_INIT (box_x, box_y, text_width + 12, line + 6), 4);
  gtk_snapshot_push_rounded_clip (snapshot, &box);
  gtk_snapshot_append_color (snapshot, &background, &box.bounds);
  gtk_snapshot_pop (snapshot);
  gtk_snapshot_append_border (snapshot, &box, (float[]) { 1, 1, 1, 1 },
                              (GdkRGBA[]) { *fg, *fg, *fg, *fg });
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (box_x + 6, box_y, text_width, line + 6));
  _vecinos_timeline_view_draw_text (self, snapshot, title, box_x + 6, box_y + 3, fg);
  gtk_snapshot_pop (snapshot);
}

static void
vecinos_timeline_view_snapshot (GtkWidget   *widget,
                                GtkSnapshot *snapshot)
{
  VecinosTimelineView *self = VECINOS_TIMELINE_VIEW (widget);
  double width = self->scale.width;
  double height = gtk_widget_get_height (widget);
  g_autofree double *widths = NULL;
  g_autofree gboolean *shown = NULL;
  guint selected = selected_position (self);
  cairo_t *cr = NULL;
  gboolean has_selection, use_cairo, cached, callout = FALSE;
  double callout_x = 0, callout_y = 0, callout_below = 0;
  double days_per_pixel = (self->scale.end - self->scale.start) / self->scale.width;
  double selected_x = 0;
  GdkRGBA fg, dim;

  if (self->layout == NULL || width <= 0)
    return;

  foreground (widget, &fg);
  dim = fg;
  dim.alpha = 0.55;

  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (widget), height));

  /* The rows' names, in their own column at the text's full contrast, each
   * level with its row's markers: never under them, whatever the text size */
  for (guint r = 0; r < self->categories->len; r++)
    {
      const VecinosCategory *category = g_ptr_array_index (self->categories, r);
      _vecinos_timeline_view_draw_text (self, snapshot, category->name, GUTTER_PAD,
                                        row_center (self, r) - _vecinos_timeline_view_line_height (self) / 2, &fg);
    }
  if (self->gutter > 0)
    {
      GdkRGBA line = fg;

      line.alpha = 0.15;
      gtk_snapshot_append_color (snapshot, &line,
                                 &GRAPHENE_RECT_INIT (self->gutter - 1, axis_height (self), 1,
                                                      height - axis_height (self)));
    }

  /* Then the time, right of them */
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (self->gutter, 0));
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  draw_axis (self, snapshot, &fg, height);
  draw_eras (self, snapshot, &fg, width, height);

  if (self->n_items == 0)
    {
      const char *empty = _("No events to show");

      _vecinos_timeline_view_draw_text (self, snapshot, empty,
                                        (width - _vecinos_timeline_view_text_width (self, empty)) / 2,
                                        height / 2 - row_height (self) / 2, &dim);
    }

  widths = g_new (double, self->marks->len);
  shown = g_new (gboolean, self->marks->len);
  for (guint i = 0; i < self->marks->len; i++)
    {
      const VecinosTimelineMark *mark = &g_array_index (self->marks, VecinosTimelineMark, i);
      /* The label starts after the marker's radius and the gap; a cluster
       * is named only by a landmark it holds (so the overview has names) */
      if (mark->count == 1)
        widths[i] = label_width (self, mark->first) + marker_radius (mark);
      else if (mark->importance == 1)
        {
          /* The title's width is kept per event; only the count is shaped */
          char more[16];

          format_more (mark, more, sizeof more);
          widths[i] = label_width (self, mark->lead) + _vecinos_timeline_view_text_width (self, more) +
                      marker_radius (mark);
        }
      else
        widths[i] = 0;
    }
  vecinos_timeline_layout_place_labels (self->marks, widths, LABEL_GAP, width, shown);

  /* A Cairo node costs a surface as large as itself, cleared and then
   * composited: worth it only for many markers, and then one per row, just
   * as tall as the markers (and the ring around a selected one) */
  has_selection = selected != GTK_INVALID_LIST_POSITION && selected < self->n_items;
  if (has_selection)
    selected_x = vecinos_time_scale_to_x (&self->scale, self->items[selected].start);
  use_cairo = self->marks->len > 200 && drawn_by_cairo (widget);
  cached = use_cairo && self->row_cache_enabled && _vecinos_timeline_view_row_cache_fits (self, &fg);
  if (use_cairo && self->row_cache_enabled && !cached &&
      fabs (days_per_pixel - self->last_days_per_pixel) <= days_per_pixel * 1e-9)
    /* The zoom held since the frame before: a pan, most likely */
    cached = _vecinos_timeline_view_build_row_cache (self, &fg);
  self->last_days_per_pixel = days_per_pixel;
  self->row_cache_drawn = cached;

  /* compute() gives the marks row by row: each row's markers, then their
   * labels and rings on top */
  for (guint begin = 0, end; begin < self->marks->len; begin = end)
    {
      guint row = g_array_index (self->marks, VecinosTimelineMark, begin).row;
      const GdkRGBA *color = &self->colors[row];
      double y = row_center (self, row);

      for (end = begin; end < self->marks->len && g_array_index (self->marks, VecinosTimelineMark, end).row == row; end++)
        ;
      if (use_cairo)
        {
          double band = has_selection && self->items[selected].row == row ? SELECTED_BAND : MARKER_BAND;

          g_clear_pointer (&cr, cairo_destroy);
          cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, round (y) - band / 2, width, band));
        }
      if (cached)
        {
          /* The row's markers as drawn for this zoom, shifted to the view */
          cairo_set_source_surface (cr, g_ptr_array_index (self->row_images, row),
                                    round ((self->cache_start - self->scale.start) / days_per_pixel),
                                    round (y) - MARKER_BAND / 2);
          cairo_paint (cr);
        }
      else
        _vecinos_timeline_view_draw_row_markers (self, snapshot, cr,
                                                 (const VecinosTimelineMark *) (gpointer) self->marks->data,
                                                 begin, end, y, color, &fg);

      for (guint i = begin; i < end; i++)
        {
          const VecinosTimelineMark *mark = &g_array_index (self->marks, VecinosTimelineMark, i);
          double radius = marker_radius (mark);
          /* A selected event inside a cluster rings the cluster */
          gboolean is_selected = mark->count == 1
                                 ? mark->first == selected
                                 : has_selection && self->items[selected].row == mark->row &&
                                   fabs (selected_x - mark->x) <= CLUSTER_GAP / 2;

          if (mark->count > 1 && mark->x_end > mark->x)
            {
              char count[16];

              format_count (mark->count, count, sizeof count);
              _vecinos_timeline_view_draw_text (self, snapshot, count, mark->x, y - 9, &fg);
            }
          else if (shown[i])
            {
              g_autofree char *label = mark_label (self, mark);

              _vecinos_timeline_view_draw_text (self, snapshot, label, mark->x_end + radius + LABEL_GAP, y - 9, &fg);
            }

          if (is_selected)
            {
              GdkRGBA clear = { 0, 0, 0, 0 };
              _vecinos_timeline_view_append_circle (self, snapshot, cr, mark->x, y, radius + 5, &clear, &fg,
                                                    gtk_widget_has_focus (widget) ? 3 : 2, NULL);
              /* Its title is said where it is: beside it, or in a callout */
              if (!(shown[i] && mark->lead == selected))
                {
                  callout = TRUE;
                  callout_x = mark->count == 1 ? mark->x : selected_x;
                  callout_y = y - radius - 5;
                  callout_below = y + radius + 5;
                }
            }
        }
    }
  g_clear_pointer (&cr, cairo_destroy);
  self->callout_drawn = callout;
  if (callout)
    draw_callout (self, snapshot, selected, callout_x, callout_y, callout_below, width, &fg);
  gtk_snapshot_pop (snapshot);
  gtk_snapshot_restore (snapshot);
  gtk_snapshot_pop (snapshot);

  /* Keyboard focus is visible even with nothing selected */
  vecinos_append_focus_ring (widget, snapshot);
}

static void
vecinos_timeline_view_size_allocate (GtkWidget *widget,
                                     int        width,
                                     int        height,
                                     int        baseline)
{
  VecinosTimelineView *self = VECINOS_TIMELINE_VIEW (widget);

  /* The rows' names take a column as wide as the widest, up to a third */
  self->gutter = MIN (_vecinos_timeline_view_gutter_width (self), floor (width / 3.0));
  self->scale.width = MAX (width - self->gutter, 1);
  /* The zoom limits are in days per pixel: a range asked for before the
   * view had a width is applied now that it has one */
  if (self->pending_end > self->pending_start)
    {
      self->scale.start = self->pending_start;
      self->scale.end = self->pending_end;
      self->pending_start = self->pending_end = 0;
      vecinos_time_scale_zoom (&self->scale, 1.0, 0);
    }
  _vecinos_timeline_view_recompute (self);
}

static void
vecinos_timeline_view_measure (GtkWidget      *widget,
                               GtkOrientation  orientation,
                               int             for_size,
                               int            *minimum,
                               int            *natural,
                               int            *minimum_baseline,
                               int            *natural_baseline)
{
  VecinosTimelineView *self = VECINOS_TIMELINE_VIEW (widget);
  guint rows = self->categories != NULL ? self->categories->len : 1;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = 200 + _vecinos_timeline_view_gutter_width (self);
  else
    {
      /* A row holds its name (in the column left of the time) and its
       * markers beside it: a line of text, or a cluster's disc */
      double line = _vecinos_timeline_view_line_height (self);

      *minimum = axis_height (self) + 2 * era_height (self) + rows * MAX (30, line + 4);
      *natural = axis_height (self) + 2 * era_height (self) + rows * MAX (40, line + 20);
    }
}

static void
clear_data (VecinosTimelineView *self)
{
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  g_clear_object (&self->selection);
  g_clear_pointer (&self->categories, g_ptr_array_unref);
  g_clear_pointer (&self->terms, g_ptr_array_unref);
  g_clear_pointer (&self->layout, vecinos_timeline_layout_free);
  g_clear_pointer (&self->row_images, g_ptr_array_unref);
  g_clear_pointer (&self->items, g_free);
  g_clear_pointer (&self->colors, g_free);
  g_clear_pointer (&self->label_widths, g_free);
  self->n_items = 0;
  self->n_items_allocated = 0;
}

static void
vecinos_timeline_view_dispose (GObject *object)
{
  VecinosTimelineView *self = VECINOS_TIMELINE_VIEW (object);

  _vecinos_timeline_view_stop_kinetic (self);
  clear_data (self);
  g_clear_pointer (&self->marks, g_array_unref);
  _vecinos_timeline_view_clear_sprites (self);

  G_OBJECT_CLASS (vecinos_timeline_view_parent_class)->dispose (object);
}

static void
vecinos_timeline_view_class_init (VecinosTimelineViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = vecinos_timeline_view_dispose;
  widget_class->snapshot = vecinos_timeline_view_snapshot;
  widget_class->size_allocate = vecinos_timeline_view_size_allocate;
  widget_class->measure = vecinos_timeline_view_measure;
  /* The tooltip, the timeline.* actions and their keys */
  _vecinos_timeline_view_class_init_input (klass);

  /**
   * VecinosTimelineView::range-changed:
   *
   * The days shown changed: a zoom, a pan, a new range.
   */
  signals[RANGE_CHANGED] = g_signal_new ("range-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_css_name (widget_class, "timeline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
vecinos_timeline_view_init (VecinosTimelineView *self)
{
  self->marks = g_array_new (FALSE, FALSE, sizeof (VecinosTimelineMark));
  self->row_cache_enabled = TRUE;
  _vecinos_timeline_view_init_sprites (self);
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);

  _vecinos_timeline_view_init_input (self);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Timeline"),
                                  -1);
  update_accessible (self);
}

/**
 * vecinos_timeline_view_set_data:
 * @selection: the events (a list of #VecinosEvent by date), with the
 *   selection the view shares with the event list
 * @categories: (element-type VecinosCategory): the rows, in order
 * @terms: (element-type VecinosTerm): the presidencies
 */
/* Reads the events of the model into the layout's plain items; the model's
 * positions are the items' indexes */
static void
rebuild_items (VecinosTimelineView *self)
{
  GListModel *model = G_LIST_MODEL (self->selection);

  g_clear_pointer (&self->row_images, g_ptr_array_unref);

  /* The arrays kept from one change of the filters to the next (a million
   * events written in memory the system hands out afresh was a page fault
   * every 4 KiB), made again only to grow */
  self->n_items = g_list_model_get_n_items (model);
  if (self->items == NULL || self->n_items > self->n_items_allocated)
    {
      g_free (self->items);
      g_free (self->label_widths);
      self->n_items_allocated = self->n_items;
      self->items = g_new0 (VecinosTimelineItem, self->n_items_allocated);
      /* Zeroed pages the system gives untouched: only the widths measured
       * (the labels shown) are written */
      self->label_widths = g_new0 (float, self->n_items_allocated);
    }
  else
    memset (self->label_widths, 0, self->n_items * sizeof (float));

  if (VECINOS_IS_EVENT_LIST (gtk_single_selection_get_model (self->selection)))
    {
      /* The window's events: read from the list's array, none made */
      VecinosEventList *list = VECINOS_EVENT_LIST (gtk_single_selection_get_model (self->selection));
      VecinosEventSpan spans[1024];

      for (guint i = 0; i < self->n_items; i += G_N_ELEMENTS (spans))
        {
          guint n = MIN (G_N_ELEMENTS (spans), self->n_items - i);

          vecinos_event_list_get_spans (list, i, n, spans);
          for (guint j = 0; j < n; j++)
            self->items[i + j] = (VecinosTimelineItem) {
              spans[j].first, spans[j].last, MIN (spans[j].row, MAX (self->categories->len, 1) - 1),
              spans[j].importance,
            };
        }
    }
  else
    for (guint i = 0; i < self->n_items; i++)
      {
        g_autoptr(VecinosEvent) event = g_list_model_get_item (model, i);
        const VecinosDate *end = vecinos_event_get_end (event);
        guint row = 0;

        for (guint r = 0; r < self->categories->len; r++)
          if (g_str_equal (((VecinosCategory *) g_ptr_array_index (self->categories, r))->slug,
                           vecinos_event_get_category (event)))
            row = r;

        self->items[i] = (VecinosTimelineItem) {
          vecinos_date_first_day (vecinos_event_get_start (event)),
          end != NULL ? vecinos_date_last_day (end) : vecinos_date_first_day (vecinos_event_get_start (event)),
          row,
          vecinos_event_get_importance (event),
        };
      }

  self->layout = vecinos_timeline_layout_new_reusing (g_steal_pointer (&self->layout), self->items, self->n_items,
                                                      MAX (self->categories->len, 1));
}

/* A filter changed what the model holds: the view keeps its time range */
static void
items_changed (VecinosTimelineView *self)
{
  rebuild_items (self);
  _vecinos_timeline_view_recompute (self);
  update_accessible (self);
}

/**
 * vecinos_timeline_view_set_data:
 * @selection: the events (a list of #VecinosEvent by date), with the
 *   selection the view shares with the event list
 * @categories: (element-type VecinosCategory): the rows, in order
 * @terms: (element-type VecinosTerm): the presidencies
 */
void
vecinos_timeline_view_set_data (VecinosTimelineView *self,
                                GtkSingleSelection  *selection,
                                GPtrArray           *categories,
                                GPtrArray           *terms)
{
  g_return_if_fail (VECINOS_IS_TIMELINE_VIEW (self));

  clear_data (self);
  self->selection = g_object_ref (selection);
  self->categories = g_ptr_array_ref (categories);
  self->terms = g_ptr_array_ref (terms);
  self->colors = g_new0 (GdkRGBA, MAX (categories->len, 1));
  for (guint r = 0; r < categories->len; r++)
    gdk_rgba_parse (&self->colors[r], ((VecinosCategory *) g_ptr_array_index (categories, r))->color);

  rebuild_items (self);
  g_signal_connect_swapped (selection, "notify::selected", G_CALLBACK (selection_changed), self);
  g_signal_connect_swapped (selection, "items-changed", G_CALLBACK (items_changed), self);

  /* The class's focus is 1994 to today; the older anchors are a pan away */
  vecinos_timeline_view_zoom_to_fit (self);
  {
    VecinosDate from = { 1990, 1, 1, VECINOS_DATE_PRECISION_YEAR };

    self->scale.start = MAX (self->scale.start, vecinos_date_first_day (&from));
    if (self->scale.end - self->scale.start < 365)
      vecinos_timeline_view_zoom_to_fit (self);
    _vecinos_timeline_view_recompute (self);
  }
  update_accessible (self);
}

const VecinosTimeScale *
vecinos_timeline_view_get_scale (VecinosTimelineView *self)
{
  g_return_val_if_fail (VECINOS_IS_TIMELINE_VIEW (self), NULL);
  return &self->scale;
}

/**
 * vecinos_timeline_view_zoom_to_fit:
 *
 * Shows from a little before the first event to a little after the last.
 */
void
vecinos_timeline_view_zoom_to_fit (VecinosTimelineView *self)
{
  VecinosDay first = G_MAXINT32, last = 0;
  double margin;

  g_return_if_fail (VECINOS_IS_TIMELINE_VIEW (self));

  for (guint i = 0; i < self->n_items; i++)
    {
      first = MIN (first, self->items[i].start);
      last = MAX (last, self->items[i].end);
    }
  if (self->n_items == 0)
    {
      /* Nothing to fit: the class's years, so the view still has a range
       * to draw the presidencies and an axis over */
      VecinosDate from = { 1994, 1, 1, VECINOS_DATE_PRECISION_YEAR };
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      VecinosDate to = { g_date_time_get_year (now), 12, 31, VECINOS_DATE_PRECISION_DAY };

      if (self->scale.end > self->scale.start)
        return;
      first = vecinos_date_first_day (&from);
      last = vecinos_date_first_day (&to);
    }

  margin = MAX ((last - first) * 0.03, VECINOS_TIME_SCALE_MIN_SPAN);
  self->scale.start = first - margin;
  self->scale.end = last + margin;
  if (self->scale.width <= 0)
    self->scale.width = 1;
  _vecinos_timeline_view_recompute (self);
}

/**
 * vecinos_timeline_view_set_visible_range:
 * @start: the first day shown
 * @end: the day at the right edge
 *
 * Shows @start to @end, within the zoom limits, and lays the events out
 * again for it.
 */
void
vecinos_timeline_view_set_visible_range (VecinosTimelineView *self,
                                         double               start,
                                         double               end)
{
  g_return_if_fail (VECINOS_IS_TIMELINE_VIEW (self));
  g_return_if_fail (end > start);

  self->scale.start = start;
  self->scale.end = end;
  if (gtk_widget_get_width (GTK_WIDGET (self)) <= 0)
    {
      self->pending_start = start;
      self->pending_end = end;
      return;
    }
  /* A factor of 1 applies the limits and nothing else */
  vecinos_time_scale_zoom (&self->scale, 1.0, 0);
  _vecinos_timeline_view_recompute (self);
}

/**
 * vecinos_timeline_view_get_event_point:
 * @position: an event's position in the model
 * @x: (out): where its marker's centre is drawn
 * @y: (out):
 *
 * Returns: whether the event is inside the view
 */
gboolean
vecinos_timeline_view_get_event_point (VecinosTimelineView *self,
                                       guint                position,
                                       double              *x,
                                       double              *y)
{
  g_return_val_if_fail (VECINOS_IS_TIMELINE_VIEW (self), FALSE);
  g_return_val_if_fail (position < self->n_items, FALSE);

  *x = vecinos_time_scale_to_x (&self->scale, self->items[position].start);
  *y = row_center (self, self->items[position].row);
  if (!(*x >= 0 && *x < self->scale.width))
    return FALSE;
  *x += self->gutter;
  return TRUE;
}

/**
 * vecinos_timeline_view_set_row_cache:
 * @enabled: %FALSE to draw every frame's markers afresh (for tests and
 *   benchmarks that compare the two)
 *
 * While the view pans at one zoom, each row's markers are drawn once and
 * then only placed; this turns that off or on.
 */
void
vecinos_timeline_view_set_row_cache (VecinosTimelineView *self,
                                     gboolean             enabled)
{
  g_return_if_fail (VECINOS_IS_TIMELINE_VIEW (self));

  self->row_cache_enabled = enabled;
  g_clear_pointer (&self->row_images, g_ptr_array_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * vecinos_timeline_view_get_row_cache_drawn:
 *
 * Returns: whether the last frame placed the rows' cached images rather
 *   than drawing their markers (for tests)
 */
gboolean
vecinos_timeline_view_get_row_cache_drawn (VecinosTimelineView *self)
{
  g_return_val_if_fail (VECINOS_IS_TIMELINE_VIEW (self), FALSE);
  return self->row_cache_drawn;
}

/**
 * vecinos_timeline_view_get_callout_shown:
 *
 * Returns: whether the last frame named the selected event in a callout
 *   (its own place beside its marker was taken, or it is in a cluster)
 */
gboolean
vecinos_timeline_view_get_callout_shown (VecinosTimelineView *self)
{
  g_return_val_if_fail (VECINOS_IS_TIMELINE_VIEW (self), FALSE);
  return self->callout_drawn;
}

/**
 * vecinos_timeline_view_get_gutter:
 *
 * Returns: the width of the rows' names' column, left of the time
 */
double
vecinos_timeline_view_get_gutter (VecinosTimelineView *self)
{
  g_return_val_if_fail (VECINOS_IS_TIMELINE_VIEW (self), 0);

  return self->gutter;
}
