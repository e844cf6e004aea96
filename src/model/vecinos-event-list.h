/* vecinos-event-list.h — the timeline's events as data: a list model that
 * makes an event only when it is asked for one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

#include "vecinos-dataset.h"
#include "vecinos-date.h"
#include "vecinos-event.h"

G_BEGIN_DECLS

/* No position: GTK_INVALID_LIST_POSITION */
#define VECINOS_EVENT_LIST_NONE G_MAXUINT

#define VECINOS_TYPE_EVENT_LIST (vecinos_event_list_get_type ())

G_DECLARE_FINAL_TYPE (VecinosEventList, vecinos_event_list, VECINOS, EVENT_LIST, GObject)

/* What an event is on the timeline: its days, its row (its category, in
 * the order of vecinos_dataset_list_categories()) and its importance */
typedef struct {
  VecinosDay first;
  VecinosDay last;
  guint      row;
  int        importance;
} VecinosEventSpan;

VecinosEventList *vecinos_event_list_new          (VecinosDataset   *dataset,
                                                   const char       *lang,
                                                   GError          **error);
guint             vecinos_event_list_get_n_events (VecinosEventList *self);
guint             vecinos_event_list_count_row    (VecinosEventList *self,
                                                   guint             row);
gboolean          vecinos_event_list_set_filter   (VecinosEventList *self,
                                                   const gboolean   *hidden_rows,
                                                   guint             n_rows,
                                                   int               max_importance,
                                                   const char       *text,
                                                   VecinosEvent     *keep);
void              vecinos_event_list_look_up_async  (VecinosEventList    *self,
                                                     const char          *text,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
gboolean          vecinos_event_list_look_up_finish (VecinosEventList    *self,
                                                     GAsyncResult        *result,
                                                     GError             **error);
guint             vecinos_event_list_find         (VecinosEventList *self,
                                                   const char       *slug);
VecinosEventSpan  vecinos_event_list_get_span     (VecinosEventList *self,
                                                   guint             position);
void              vecinos_event_list_get_spans    (VecinosEventList *self,
                                                   guint             position,
                                                   guint             n,
                                                   VecinosEventSpan *spans);
int               vecinos_event_list_keep_order   (sqlite3          *db);
char             *vecinos_event_list_get_title    (VecinosEventList *self,
                                                   guint             position);

G_END_DECLS
