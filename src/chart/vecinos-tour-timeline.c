/* vecinos-tour-timeline.c — the timeline at a tour's step, for a handout
 *
 * The timeline view (src/widgets/vecinos-timeline-view.c) turns the pure
 * geometry of src/layout into GtkSnapshot calls; a handout is written
 * without a window, so this turns the same geometry — the time scale and
 * its ticks, the events clustered and their labels placed by
 * vecinos-timeline-layout.c, with the view's sizes — into Cairo paths,
 * vector in the PDF. What the page is printed on decides the ink: black
 * on white, the rows named, the selected event ringed and titled, so that
 * nothing is told by colour alone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>
#include <stdio.h>

#include "vecinos-event.h"
#include "vecinos-i18n.h"
#include "vecinos-tour-export-private.h"

/* The timeline view's sizes (vecinos-timeline-view-private.h), so that
 * markers cluster and labels fit as they do on screen */
#define AXIS_HEIGHT 28.0
#define ERA_HEIGHT 24.0
#define MIN_GAP 20.0
#define CLUSTER_GAP 30.0
#define LABEL_GAP 6.0
#define TICK_SPACING 110.0

/* How much of the timeline a step without its own days shows around its
 * event: five years each side */
#define STEP_MARGIN_DAYS (5 * 365.2425)

/* Ink on paper: black, and a dark grey that still reads at 4.5:1 */
#define INK 0.0
#define DIM_INK 0.30

VecinosTourTimeline *
vecinos_tour_timeline_new (GListModel *events,
                           GPtrArray  *categories,
                           GPtrArray  *terms)
{
  VecinosTourTimeline *self = g_new0 (VecinosTourTimeline, 1);

  self->events = g_object_ref (events);
  self->categories = g_ptr_array_ref (categories);
  self->terms = g_ptr_array_ref (terms);
  self->n_items = g_list_model_get_n_items (events);
  self->items = g_new0 (VecinosTimelineItem, self->n_items);
  self->colors = g_new0 (double, 3 * MAX (categories->len, 1));

  for (guint r = 0; r < categories->len; r++)
    {
      const VecinosCategory *category = g_ptr_array_index (categories, r);
      unsigned int red, green, blue;

      /* The dataset gives #RRGGBB (or its fallback grey) */
      if (sscanf (category->color, "#%02x%02x%02x", &red, &green, &blue) != 3)
        red = green = blue = 0x80;
      self->colors[3 * r] = red / 255.0;
      self->colors[3 * r + 1] = green / 255.0;
      self->colors[3 * r + 2] = blue / 255.0;
    }

  /* As the view reads the model: an event's row is its category's */
  for (guint i = 0; i < self->n_items; i++)
    {
      g_autoptr(VecinosEvent) event = g_list_model_get_item (events, i);
      const VecinosDate *end = vecinos_event_get_end (event);
      VecinosDay start = vecinos_date_first_day (vecinos_event_get_start (event));
      guint row = 0;

      for (guint r = 0; r < categories->len; r++)
        if (g_str_equal (((VecinosCategory *) g_ptr_array_index (categories, r))->slug,
                         vecinos_event_get_category (event)))
          row = r;
      self->items[i] = (VecinosTimelineItem) {
        start,
        end != NULL ? vecinos_date_last_day (end) : start,
        row,
        (guint) vecinos_event_get_importance (event),
      };
    }
  self->layout = vecinos_timeline_layout_new (self->items, self->n_items, MAX (categories->len, 1));
  return self;
}

void
vecinos_tour_timeline_free (VecinosTourTimeline *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->layout, vecinos_timeline_layout_free);
  g_clear_object (&self->events);
  g_clear_pointer (&self->categories, g_ptr_array_unref);
  g_clear_pointer (&self->terms, g_ptr_array_unref);
  g_free (self->items);
  g_free (self->colors);
  g_free (self);
}

/**
 * vecinos_tour_timeline_range:
 * @selected: the step's event, a position in the events, or %G_MAXUINT
 *
 * The days a step that names none shows: its event (all of it, for one
 * that lasts) with five years each side; without an event, every event.
 */
void
vecinos_tour_timeline_range (VecinosTourTimeline *self,
                             guint                selected,
                             double              *start,
                             double              *end)
{
  VecinosDay first = G_MAXINT32, last = 1;

  if (selected < self->n_items)
    {
      *start = self->items[selected].start - STEP_MARGIN_DAYS;
      *end = self->items[selected].end + STEP_MARGIN_DAYS;
      return;
    }
  for (guint i = 0; i < self->n_items; i++)
    {
      first = MIN (first, self->items[i].start);
      last = MAX (last, self->items[i].end);
    }
  if (first > last)
    first = last;
  *start = first - STEP_MARGIN_DAYS;
  *end = last + STEP_MARGIN_DAYS;
}

static PangoLayout *
text_layout (PangoContext *context,
             const char   *text,
             gboolean      bold)
{
  PangoLayout *layout = pango_layout_new (context);

  pango_layout_set_text (layout, text, -1);
  if (bold)
    {
      g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();

      pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      pango_layout_set_attributes (layout, attrs);
    }
  return layout;
}

static double
text_width (PangoContext *context,
            const char   *text,
            gboolean      bold)
{
  g_autoptr(PangoLayout) layout = text_layout (context, text, bold);
  int width;

  pango_layout_get_pixel_size (layout, &width, NULL);
  return width;
}

static void
show_text (cairo_t      *cr,
           PangoContext *context,
           const char   *text,
           double        x,
           double        y,
           double        ink,
           gboolean      bold)
{
  g_autoptr(PangoLayout) layout = text_layout (context, text, bold);

  cairo_set_source_rgb (cr, ink, ink, ink);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static double
line_height (PangoContext *context)
{
  g_autoptr(PangoLayout) layout = text_layout (context, "Ag", FALSE);
  int height;

  pango_layout_get_pixel_size (layout, NULL, &height);
  return height;
}

/* The marker sizes of the view (marker_radius()) */
static double
marker_radius (const VecinosTimelineMark *mark)
{
  if (mark->count > 1)
    return mark->count >= 100 ? 14 : mark->count >= 10 ? 12 : 10;
  return mark->importance == 1 ? 7 : mark->importance == 2 ? 5.5 : 4;
}

static char *
event_title (VecinosTourTimeline *self,
             guint                position)
{
  g_autoptr(VecinosEvent) event = g_list_model_get_item (self->events, position);

  return g_strdup (vecinos_event_get_title (event));
}

/* A mark's label: its event's title; a cluster's, its landmark's and how
 * many more it holds (as the view labels them) */
static char *
mark_label (VecinosTourTimeline       *self,
            const VecinosTimelineMark *mark)
{
  g_autofree char *title = event_title (self, mark->lead);

  if (mark->count > 1)
    return g_strdup_printf ("%s +%u", title, mark->count - 1);
  return g_steal_pointer (&title);
}

/* The ticks' years (or months, days) along the top, with a faint rule
 * down through the rows */
static void
draw_axis (cairo_t                *cr,
           PangoContext           *context,
           const VecinosTimeScale *scale,
           double                  axis,
           double                  height)
{
  g_autoptr(GArray) ticks = vecinos_time_scale_ticks (scale, TICK_SPACING);

  for (guint i = 0; i < ticks->len; i++)
    {
      const VecinosTick *tick = &g_array_index (ticks, VecinosTick, i);
      g_autofree char *label = vecinos_tick_format (tick);

      cairo_set_source_rgb (cr, 0.82, 0.82, 0.82);
      cairo_rectangle (cr, floor (tick->x), axis - 6, 1, height - axis + 6);
      cairo_fill (cr);
      if (tick->x + 4 + text_width (context, label, FALSE) <= scale->width)
        show_text (cr, context, label, tick->x + 4, 4, INK, FALSE);
    }
}

/* The presidencies: the United States' under the axis, Mexico's at the
 * bottom, neighbours told apart by their shade and named as room allows */
static void
draw_eras (VecinosTourTimeline    *self,
           cairo_t                *cr,
           PangoContext           *context,
           const VecinosTimeScale *scale,
           double                  axis,
           double                  era,
           double                  height)
{
  for (guint i = 0; i < self->terms->len; i++)
    {
      const VecinosTerm *term = g_ptr_array_index (self->terms, i);
      double y = g_str_equal (term->country, "us") ? axis : height - era;
      double x = MAX (vecinos_time_scale_to_x (scale, term->start), 0);
      double x_end = term->in_progress ? scale->width : MIN (vecinos_time_scale_to_x (scale, term->end), scale->width);
      double shade = i % 2 == 0 ? 0.90 : 0.82;
      g_autofree char *label = NULL;

      if (x_end < 0 || x > scale->width)
        continue;
      cairo_set_source_rgb (cr, shade, shade, shade);
      cairo_rectangle (cr, x, y + 2, x_end - x - 1, era - 4);
      cairo_fill (cr);

      /* Translators: an era band: president, then party */
      label = g_strdup_printf (_("%1$s (%2$s)"), term->person, term->party);
      /* Then the person alone, then the short name ("Peña Nieto") */
      for (guint attempt = 0; attempt < 2 && text_width (context, label, FALSE) + 8 > x_end - x; attempt++)
        {
          g_free (label);
          label = g_strdup (attempt == 0 || term->short_name == NULL ? term->person : term->short_name);
        }
      if (text_width (context, label, FALSE) + 8 <= x_end - x)
        show_text (cr, context, label, x + 4, y + 4, INK, FALSE);
    }
}

/* A marker: filled with its category's colour, edged in black; a
 * cluster says how many it holds, in black or white by the fill */
static void
draw_marker (VecinosTourTimeline       *self,
             cairo_t                   *cr,
             PangoContext              *context,
             const VecinosTimelineMark *mark,
             double                     y)
{
  const double *rgb = &self->colors[3 * mark->row];
  double radius = marker_radius (mark);

  /* Text shown before leaves a current point an arc would join */
  cairo_new_path (cr);
  if (mark->x_end > mark->x)
    {
      /* A span: a rounded bar 8 high */
      cairo_new_sub_path (cr);
      cairo_arc (cr, mark->x + 4, y, 4, G_PI / 2, 3 * G_PI / 2);
      cairo_arc (cr, MAX (mark->x_end - 4, mark->x + 4), y, 4, -G_PI / 2, G_PI / 2);
      cairo_close_path (cr);
    }
  else
    cairo_arc (cr, mark->x, y, radius, 0, 2 * G_PI);
  cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
  cairo_fill_preserve (cr);
  cairo_set_source_rgb (cr, INK, INK, INK);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);

  if (mark->count > 1)
    {
      g_autofree char *count = g_strdup_printf ("%u", mark->count);
      g_autoptr(PangoLayout) layout = text_layout (context, count, TRUE);
      gboolean light = 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2] <= 0.5;
      double ink = light ? 1 : 0;
      PangoRectangle extents;

      pango_layout_get_pixel_extents (layout, NULL, &extents);
      cairo_save (cr);
      if (mark->x_end > mark->x)
        {
          /* A bar is too thin to hold it: above its start, as the view has it */
          cairo_translate (cr, mark->x, y - 4 - extents.height);
          ink = INK;
        }
      else
        {
          /* Smaller than the text around it, to fit in the disc */
          cairo_translate (cr, mark->x, y);
          cairo_scale (cr, 0.75, 0.75);
          cairo_translate (cr, -extents.width / 2.0, -extents.height / 2.0);
        }
      cairo_set_source_rgb (cr, ink, ink, ink);
      cairo_move_to (cr, -extents.x, -extents.y);
      pango_cairo_show_layout (cr, layout);
      cairo_restore (cr);
    }
}

/* The selected event's title where its own place beside the marker is
 * taken, or it is inside a cluster: a white box above the marker, or
 * below it where the era band would be covered (as the view has it) */
static void
draw_callout (cairo_t      *cr,
              PangoContext *context,
              const char   *title,
              double        x,
              double        y,
              double        y_below,
              double        top,
              double        width)
{
  double line = line_height (context);
  double text = MIN (text_width (context, title, TRUE), width - 16);
  double box_x = CLAMP (x - text / 2 - 6, 2, MAX (width - text - 14, 2));
  double box_y = y - line - 8 >= top ? y - line - 8 : y_below + 3;

  cairo_rectangle (cr, box_x, box_y, text + 12, line + 6);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill_preserve (cr);
  cairo_set_source_rgb (cr, INK, INK, INK);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
  cairo_save (cr);
  cairo_rectangle (cr, box_x + 6, box_y, text, line + 6);
  cairo_clip (cr);
  show_text (cr, context, title, box_x + 6, box_y + 3, INK, TRUE);
  cairo_restore (cr);
}

/**
 * vecinos_tour_timeline_draw:
 * @context: text is laid out with it, as the view's
 * @selected: the position of the step's event, ringed and titled
 * @start: the first day shown
 * @end: the day at the right edge
 *
 * Draws the timeline as the view would show it at @width × @height, on
 * white, at the origin of @cr.
 */
void
vecinos_tour_timeline_draw (VecinosTourTimeline *self,
                            cairo_t             *cr,
                            PangoContext        *context,
                            guint                selected,
                            double               start,
                            double               end,
                            double               width,
                            double               height)
{
  VecinosTimeScale scale = { start, end, width };
  double line = line_height (context);
  double axis = MAX (AXIS_HEIGHT, line + 11);
  double era = MAX (ERA_HEIGHT, line + 7);
  guint rows = MAX (self->categories->len, 1);
  double row_height = MAX ((height - axis - 2 * era) / rows, 1);
  g_autoptr(GArray) marks = g_array_new (FALSE, FALSE, sizeof (VecinosTimelineMark));
  g_autofree double *widths = NULL;
  g_autofree gboolean *shown = NULL;
  gboolean has_selection = selected < self->n_items;
  double selected_x = 0, callout_x = 0, callout_y = 0, callout_below = 0;
  gboolean callout = FALSE;

  /* A factor of 1 applies the zoom limits, as the view does */
  vecinos_time_scale_zoom (&scale, 1.0, 0);
  vecinos_timeline_layout_compute (self->layout, &scale, MIN_GAP, CLUSTER_GAP, marks);
  if (has_selection)
    selected_x = vecinos_time_scale_to_x (&scale, self->items[selected].start);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);

  draw_axis (cr, context, &scale, axis, height);
  draw_eras (self, cr, context, &scale, axis, era, height);
  for (guint r = 0; r < self->categories->len; r++)
    show_text (cr, context, ((VecinosCategory *) g_ptr_array_index (self->categories, r))->name,
               6, axis + era + r * row_height + 2, DIM_INK, FALSE);

  /* Labels where the view would place them: the most important first,
   * a cluster named only by a landmark it holds */
  widths = g_new0 (double, MAX (marks->len, 1));
  shown = g_new0 (gboolean, MAX (marks->len, 1));
  for (guint i = 0; i < marks->len; i++)
    {
      const VecinosTimelineMark *mark = &g_array_index (marks, VecinosTimelineMark, i);

      if (mark->count == 1 || mark->importance == 1)
        {
          g_autofree char *label = mark_label (self, mark);

          widths[i] = text_width (context, label, FALSE) + marker_radius (mark);
        }
    }
  vecinos_timeline_layout_place_labels (marks, widths, LABEL_GAP, width, shown);

  for (guint i = 0; i < marks->len; i++)
    {
      const VecinosTimelineMark *mark = &g_array_index (marks, VecinosTimelineMark, i);
      double y = axis + era + (mark->row + 0.5) * row_height;
      double radius = marker_radius (mark);
      /* A selected event inside a cluster rings the cluster */
      gboolean is_selected = has_selection &&
                             (mark->count == 1 ? mark->first == selected
                                               : self->items[selected].row == mark->row &&
                                                 fabs (selected_x - mark->x) <= CLUSTER_GAP / 2);

      draw_marker (self, cr, context, mark, y);
      if (shown[i])
        {
          g_autofree char *label = mark_label (self, mark);

          show_text (cr, context, label, mark->x_end + radius + LABEL_GAP, y - line / 2, INK, FALSE);
        }
      if (is_selected)
        {
          cairo_new_path (cr);
          cairo_arc (cr, mark->x, y, radius + 5, 0, 2 * G_PI);
          cairo_set_source_rgb (cr, INK, INK, INK);
          cairo_set_line_width (cr, 2);
          cairo_stroke (cr);
          if (!(shown[i] && mark->lead == selected))
            {
              callout = TRUE;
              callout_x = mark->count == 1 ? mark->x : selected_x;
              callout_y = y - radius - 5;
              callout_below = y + radius + 5;
            }
        }
    }
  if (callout)
    {
      g_autofree char *title = event_title (self, selected);

      draw_callout (cr, context, title, callout_x, callout_y, callout_below, axis + era, width);
    }
  cairo_restore (cr);
}
