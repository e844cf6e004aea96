/* vecinos-timeline-layout.h — events → marks on a time axis
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "vecinos-time-scale.h"

G_BEGIN_DECLS

typedef struct {
  VecinosDay start;
  VecinosDay end;          /* the last day; == start for an event of one date */
  guint      row;          /* the category's row */
  guint      importance;   /* 1 landmark, 2 major, 3 minor */
} VecinosTimelineItem;

/* An event, a span drawn as a bar, or a cluster of events too close to
 * tell apart: first is the index of its first item, count how many it holds */
typedef struct {
  double x;
  double x_end;            /* > x for a span */
  guint  row;
  guint  first;
  guint  count;
  guint  importance;       /* the most important of its items */
  guint  lead;             /* that item (the first of them), what a label names */
} VecinosTimelineMark;

typedef struct _VecinosTimelineLayout VecinosTimelineLayout;

VecinosTimelineLayout *vecinos_timeline_layout_new     (const VecinosTimelineItem *items,
                                                        guint                      n_items,
                                                        guint                      n_rows);
VecinosTimelineLayout *vecinos_timeline_layout_new_reusing (VecinosTimelineLayout     *old,
                                                            const VecinosTimelineItem *items,
                                                            guint                      n_items,
                                                            guint                      n_rows);
void                   vecinos_timeline_layout_free    (VecinosTimelineLayout     *self);
void                   vecinos_timeline_layout_compute (VecinosTimelineLayout     *self,
                                                        const VecinosTimeScale    *scale,
                                                        double                     min_gap,
                                                        double                     cluster_gap,
                                                        GArray                    *marks);
double                 vecinos_timeline_layout_anchor  (const VecinosTimeScale    *scale,
                                                        double                     min_gap);
void                   vecinos_timeline_layout_compute_from (VecinosTimelineLayout *self,
                                                        const VecinosTimeScale    *scale,
                                                        double                     min_gap,
                                                        double                     cluster_gap,
                                                        double                     anchor,
                                                        GArray                    *marks);
void                   vecinos_timeline_layout_place_labels (const GArray         *marks,
                                                        const double              *widths,
                                                        double                     gap,
                                                        double                     max_right,
                                                        gboolean                  *shown);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VecinosTimelineLayout, vecinos_timeline_layout_free)

G_END_DECLS
