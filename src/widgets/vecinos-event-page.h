/* vecinos-event-page.h — the detail of the selected event
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "vecinos-dataset.h"
#include "vecinos-event.h"

G_BEGIN_DECLS

#define VECINOS_TYPE_EVENT_PAGE (vecinos_event_page_get_type ())

G_DECLARE_FINAL_TYPE (VecinosEventPage, vecinos_event_page, VECINOS, EVENT_PAGE, GtkWidget)

VecinosEvent *vecinos_event_page_get_event   (VecinosEventPage *self);
void          vecinos_event_page_set_event   (VecinosEventPage *self,
                                              VecinosEvent     *event);
void          vecinos_event_page_set_dataset (VecinosEventPage *self,
                                              VecinosDataset   *dataset,
                                              const char       *language);
const char   *vecinos_event_page_get_text    (VecinosEventPage *self,
                                              const char       *part);
GtkWidget    *vecinos_event_page_get_documents (VecinosEventPage *self);

G_END_DECLS
