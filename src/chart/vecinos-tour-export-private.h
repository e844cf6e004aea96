/* vecinos-tour-export-private.h — what the handout's files share
 *
 * vecinos-tour-export.c lays out the pages and writes the file;
 * vecinos-tour-timeline.c draws the timeline picture of a step.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>
#include <pango/pango.h>

#include "vecinos-dataset.h"
#include "vecinos-timeline-layout.h"

G_BEGIN_DECLS

/* Every event of the dataset laid out once, as the timeline view lays them
 * out, for the pictures of all the steps */
typedef struct {
  GListModel            *events;      /* of VecinosEvent, by date */
  GPtrArray             *categories;  /* of VecinosCategory: the rows */
  GPtrArray             *terms;       /* of VecinosTerm: the era bands */
  VecinosTimelineItem   *items;       /* by model position */
  guint                  n_items;
  VecinosTimelineLayout *layout;
  double                *colors;      /* red, green, blue per category */
} VecinosTourTimeline;

VecinosTourTimeline *vecinos_tour_timeline_new  (GListModel          *events,
                                                 GPtrArray           *categories,
                                                 GPtrArray           *terms);
void                 vecinos_tour_timeline_free (VecinosTourTimeline *self);
void                 vecinos_tour_timeline_range (VecinosTourTimeline *self,
                                                 guint                selected,
                                                 double              *start,
                                                 double              *end);
void                 vecinos_tour_timeline_draw (VecinosTourTimeline *self,
                                                 cairo_t             *cr,
                                                 PangoContext        *context,
                                                 guint                selected,
                                                 double               start,
                                                 double               end,
                                                 double               width,
                                                 double               height);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VecinosTourTimeline, vecinos_tour_timeline_free)

G_END_DECLS
