/* vecinos-timeline-view-private.h — what the timeline view's files share
 *
 * The view is split as GNOME Text Editor splits its window:
 * vecinos-timeline-view.c draws, sizes, holds the data and the public API;
 * vecinos-timeline-view-input.c has the pointer, touch and keyboard (the
 * event controllers and the timeline.* actions); vecinos-timeline-sprites.c
 * keeps shaped text and marker images; vecinos-timeline-row-cache.c keeps
 * each row's markers as one image while the view pans. Here are the
 * instance structure, the sizes and the helpers they all use.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "vecinos-timeline-layout.h"
#include "vecinos-timeline-view.h"

G_BEGIN_DECLS

/* At the desktop's text size; larger text (Ctrl+=, Large Text,
 * presenting) makes them taller: see axis_height() and era_height() */
#define AXIS_HEIGHT 28.0
#define ERA_HEIGHT 24.0
/* Two cluster markers side by side do not overlap */
#define MIN_GAP 20.0
/* A cluster's disc is up to 28 pixels across: clusters in a row that
 * reach this far from their first event do not overlap where events are
 * dense */
#define CLUSTER_GAP 30.0
#define LABEL_GAP 6.0
/* Space either side of the rows' names, in the column left of the time */
#define GUTTER_PAD 8.0
/* How tall the largest marker is (a cluster's disc and border, 32 px), and
 * with the ring of a selected one around it */
#define MARKER_BAND 34.0
#define SELECTED_BAND 48.0

struct _VecinosTimelineView
{
  GtkWidget              parent_instance;

  GtkSingleSelection    *selection;
  GPtrArray             *categories;
  GPtrArray             *terms;
  GdkRGBA               *colors;        /* per category */

  VecinosTimelineItem   *items;         /* by model position */
  guint                  n_items;
  guint                  n_items_allocated;  /* items' and label_widths' room */
  VecinosTimelineLayout *layout;
  GArray                *marks;
  float                 *label_widths;  /* by item, 0 until measured */
  double                 reported_start, reported_end;  /* by ::range-changed */
  double                 pending_start, pending_end;    /* asked for before a width */

  GHashTable            *sprites;       /* key → Sprite, see marker_sprite() */
  GHashTable            *layouts;       /* text → PangoLayout, see text_layout() */
  guint                  font_serial;   /* of the Pango context both caches follow */
  guint                  line_serial;   /* of the context line_height was measured in */
  double                 line_height;   /* of a line of text, in pixels */
  gboolean               callout_drawn; /* the last frame named the selection in a callout */

  VecinosTimeScale       scale;         /* the time, right of the gutter */
  double                 gutter;        /* the rows' names' column, in pixels */
  double                 pointer_x;     /* like the marks, from the gutter's edge */
  double                 drag_start;
  double                 pinch_scale;
  /* Each row's markers drawn once for a zoom and a stretch of time, then
   * only shifted while the view pans (see vecinos-timeline-row-cache.c) */
  GPtrArray             *row_images;    /* of cairo_surface_t, by row; NULL: none */
  double                 cache_days_per_pixel;
  double                 cache_anchor;
  double                 cache_start;   /* the day at the images' left edge */
  double                 cache_end;
  GdkRGBA                cache_fg;
  int                    cache_scale;
  double                 last_days_per_pixel;  /* of the frame before */
  gboolean               row_cache_enabled;
  gboolean               row_cache_drawn;  /* the last frame placed the images */
  guint                  kinetic_tick;  /* a touchpad flick still moving the view */
  double                 kinetic_velocity;
  gint64                 kinetic_time;
};

double        _vecinos_timeline_view_line_height      (VecinosTimelineView       *self);
double        _vecinos_timeline_view_gutter_width     (VecinosTimelineView       *self);

/* The axis and the era bands hold a line of text, however large */
static inline double
axis_height (VecinosTimelineView *self)
{
  return MAX (AXIS_HEIGHT, _vecinos_timeline_view_line_height (self) + 11);
}

static inline double
era_height (VecinosTimelineView *self)
{
  return MAX (ERA_HEIGHT, _vecinos_timeline_view_line_height (self) + 7);
}

static inline double
row_height (VecinosTimelineView *self)
{
  double height = gtk_widget_get_height (GTK_WIDGET (self)) - axis_height (self) - 2 * era_height (self);
  guint rows = self->categories != NULL ? MAX (self->categories->len, 1) : 1;

  return MAX (height / rows, 1);
}

static inline double
row_center (VecinosTimelineView *self,
            guint                row)
{
  return axis_height (self) + era_height (self) + (row + 0.5) * row_height (self);
}

static inline double
marker_radius (const VecinosTimelineMark *mark)
{
  if (mark->count > 1)
    return mark->count >= 100 ? 14 : mark->count >= 10 ? 12 : 10;
  return mark->importance == 1 ? 7 : mark->importance == 2 ? 5.5 : 4;
}

static inline guint
selected_position (VecinosTimelineView *self)
{
  return self->selection != NULL ? gtk_single_selection_get_selected (self->selection)
                                 : GTK_INVALID_LIST_POSITION;
}

/* vecinos-timeline-view.c */
void          _vecinos_timeline_view_recompute        (VecinosTimelineView       *self);
void          _vecinos_timeline_view_draw_row_markers (VecinosTimelineView       *self,
                                                       GtkSnapshot               *snapshot,
                                                       cairo_t                   *cr,
                                                       const VecinosTimelineMark *marks,
                                                       guint                      begin,
                                                       guint                      end,
                                                       double                     y,
                                                       const GdkRGBA             *color,
                                                       const GdkRGBA             *fg);

/* vecinos-timeline-view-input.c */
void          _vecinos_timeline_view_class_init_input (VecinosTimelineViewClass  *klass);
void          _vecinos_timeline_view_init_input       (VecinosTimelineView       *self);
void          _vecinos_timeline_view_stop_kinetic     (VecinosTimelineView       *self);

/* vecinos-timeline-sprites.c */
void          _vecinos_timeline_view_init_sprites     (VecinosTimelineView       *self);
void          _vecinos_timeline_view_clear_sprites    (VecinosTimelineView       *self);
int           _vecinos_timeline_view_text_width       (VecinosTimelineView       *self,
                                                       const char                *text);
void          _vecinos_timeline_view_draw_text        (VecinosTimelineView       *self,
                                                       GtkSnapshot               *snapshot,
                                                       const char                *text,
                                                       double                     x,
                                                       double                     y,
                                                       const GdkRGBA             *color);
void          _vecinos_timeline_view_append_circle    (VecinosTimelineView       *self,
                                                       GtkSnapshot               *snapshot,
                                                       cairo_t                   *cr,
                                                       double                     x,
                                                       double                     y,
                                                       double                     radius,
                                                       const GdkRGBA             *fill,
                                                       const GdkRGBA             *border,
                                                       double                     border_width,
                                                       const char                *text);

/* vecinos-timeline-row-cache.c */
gboolean      _vecinos_timeline_view_row_cache_fits   (VecinosTimelineView       *self,
                                                       const GdkRGBA             *fg);
gboolean      _vecinos_timeline_view_build_row_cache  (VecinosTimelineView       *self,
                                                       const GdkRGBA             *fg);

G_END_DECLS
