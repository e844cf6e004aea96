/* vecinos-timeline-view.h — the events on a zoomable time axis
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "vecinos-dataset.h"
#include "vecinos-time-scale.h"

G_BEGIN_DECLS

#define VECINOS_TYPE_TIMELINE_VIEW (vecinos_timeline_view_get_type ())

G_DECLARE_FINAL_TYPE (VecinosTimelineView, vecinos_timeline_view, VECINOS, TIMELINE_VIEW, GtkWidget)

void                    vecinos_timeline_view_set_data    (VecinosTimelineView *self,
                                                           GtkSingleSelection  *selection,
                                                           GPtrArray           *categories,
                                                           GPtrArray           *terms);
const VecinosTimeScale *vecinos_timeline_view_get_scale   (VecinosTimelineView *self);
void                    vecinos_timeline_view_zoom_to_fit (VecinosTimelineView *self);
void                    vecinos_timeline_view_set_visible_range (VecinosTimelineView *self,
                                                                 double               start,
                                                                 double               end);
void                    vecinos_timeline_view_set_row_cache (VecinosTimelineView *self,
                                                             gboolean             enabled);
gboolean                vecinos_timeline_view_get_row_cache_drawn (VecinosTimelineView *self);
double                  vecinos_timeline_view_get_gutter (VecinosTimelineView *self);
gboolean                vecinos_timeline_view_get_event_point (VecinosTimelineView *self,
                                                               guint                position,
                                                               double              *x,
                                                               double              *y);

gboolean                vecinos_timeline_view_get_callout_shown (VecinosTimelineView *self);

G_END_DECLS
