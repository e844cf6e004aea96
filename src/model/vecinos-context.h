/* vecinos-context.h — the state every view shares: the dataset, the
 * language, the selected event, the timeline's range, the filters, the
 * view, the chart, the document and the search
 *
 * No GTK: pages bind to its properties, and a tour step, a keyboard
 * shortcut or the command line sets them. Each property is notified only
 * when its value really changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "vecinos-dataset.h"

G_BEGIN_DECLS

#define VECINOS_TYPE_CONTEXT (vecinos_context_get_type ())

G_DECLARE_FINAL_TYPE (VecinosContext, vecinos_context, VECINOS, CONTEXT, GObject)

VecinosContext *vecinos_context_new                (VecinosDataset  *dataset,
                                                    const char      *language);

VecinosDataset *vecinos_context_get_dataset        (VecinosContext  *self);
void            vecinos_context_set_dataset        (VecinosContext  *self,
                                                    VecinosDataset  *dataset);
const char     *vecinos_context_get_language       (VecinosContext  *self);
void            vecinos_context_set_language       (VecinosContext  *self,
                                                    const char      *language);
const char     *vecinos_context_get_view           (VecinosContext  *self);
void            vecinos_context_set_view           (VecinosContext  *self,
                                                    const char      *view);

const char     *vecinos_context_get_event          (VecinosContext  *self);
void            vecinos_context_set_event          (VecinosContext  *self,
                                                    const char      *slug);
void            vecinos_context_get_visible_range  (VecinosContext  *self,
                                                    double          *start,
                                                    double          *end);
void            vecinos_context_set_visible_range  (VecinosContext  *self,
                                                    double           start,
                                                    double           end);

const char     *vecinos_context_get_filter_text    (VecinosContext  *self);
void            vecinos_context_set_filter_text    (VecinosContext  *self,
                                                    const char      *text);
const char * const *vecinos_context_get_hidden_categories (VecinosContext *self);
void            vecinos_context_set_hidden_categories (VecinosContext    *self,
                                                       const char * const *slugs);
guint           vecinos_context_get_importance (VecinosContext  *self);
void            vecinos_context_set_importance (VecinosContext  *self,
                                                    guint            importance);

const char     *vecinos_context_get_series         (VecinosContext  *self);
void            vecinos_context_set_series         (VecinosContext  *self,
                                                    const char      *slug);
const char     *vecinos_context_get_compare        (VecinosContext  *self);
void            vecinos_context_set_compare        (VecinosContext  *self,
                                                    const char      *slug);
gboolean        vecinos_context_get_index          (VecinosContext  *self);
void            vecinos_context_set_index          (VecinosContext  *self,
                                                    gboolean         index);
gboolean        vecinos_context_get_per_person     (VecinosContext  *self);
void            vecinos_context_set_per_person     (VecinosContext  *self,
                                                    gboolean         per_person);
gboolean        vecinos_context_get_log_scale      (VecinosContext  *self);
void            vecinos_context_set_log_scale      (VecinosContext  *self,
                                                    gboolean         log_scale);
gboolean        vecinos_context_get_same_years     (VecinosContext  *self);
void            vecinos_context_set_same_years     (VecinosContext  *self,
                                                    gboolean         same_years);

gboolean        vecinos_context_get_presenting     (VecinosContext  *self);
void            vecinos_context_set_presenting     (VecinosContext  *self,
                                                    gboolean         presenting);

const char     *vecinos_context_get_document       (VecinosContext  *self);
void            vecinos_context_set_document       (VecinosContext  *self,
                                                    const char      *slug);
const char     *vecinos_context_get_excerpt        (VecinosContext  *self);
void            vecinos_context_set_excerpt        (VecinosContext  *self,
                                                    const char      *slug);

double          vecinos_context_get_document_scroll (VecinosContext *self);
void            vecinos_context_set_document_scroll (VecinosContext *self,
                                                     double          position);

const char     *vecinos_context_get_search_text    (VecinosContext  *self);
void            vecinos_context_set_search_text    (VecinosContext  *self,
                                                    const char      *text);

const char     *vecinos_context_get_tour         (VecinosContext  *self);
void            vecinos_context_set_tour         (VecinosContext  *self,
                                                  const char      *slug);
guint           vecinos_context_get_tour_step    (VecinosContext  *self);
void            vecinos_context_set_tour_step    (VecinosContext  *self,
                                                  guint            step);

G_END_DECLS
