/* vecinos-event.h — one event of the timeline, in one language
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "vecinos-date.h"

G_BEGIN_DECLS

typedef struct {
  char *name;
  char *url;
} VecinosSource;

#define VECINOS_TYPE_EVENT (vecinos_event_get_type ())

G_DECLARE_FINAL_TYPE (VecinosEvent, vecinos_event, VECINOS, EVENT, GObject)

const char        *vecinos_event_get_slug          (VecinosEvent *self);
const char        *vecinos_event_get_title         (VecinosEvent *self);
const char        *vecinos_event_get_summary       (VecinosEvent *self);
const char        *vecinos_event_get_category      (VecinosEvent *self);
const char        *vecinos_event_get_category_name (VecinosEvent *self);
const char        *vecinos_event_get_color         (VecinosEvent *self);
int                vecinos_event_get_importance    (VecinosEvent *self);
const VecinosDate *vecinos_event_get_start         (VecinosEvent *self);
const VecinosDate *vecinos_event_get_end           (VecinosEvent *self);
char              *vecinos_event_format_date       (VecinosEvent *self);
GPtrArray         *vecinos_event_get_sources       (VecinosEvent *self);

G_END_DECLS
