/* vecinos-event-private.h — construction, for the dataset only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vecinos-event.h"

G_BEGIN_DECLS

typedef struct {
  const char        *slug;
  const char        *title;
  const char        *summary;
  const char        *category;
  const char        *category_name;
  const char        *color;
  int                importance;
  VecinosDate        start;
  gboolean           has_end;
  VecinosDate        end;
} VecinosEventFields;

VecinosEvent *vecinos_event_new        (const VecinosEventFields *fields);
void          vecinos_event_add_source (VecinosEvent             *self,
                                        const char               *name,
                                        const char               *url);

G_END_DECLS
