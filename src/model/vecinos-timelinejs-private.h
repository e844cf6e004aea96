/* vecinos-timelinejs-private.h — what the TimelineJS readers share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vecinos-timelinejs.h"

G_BEGIN_DECLS

VecinosTimeline *_vecinos_timeline_new          (void);
void             _vecinos_timeline_free_event   (VecinosTimelineEvent *event);
void             _vecinos_timeline_add_problem  (VecinosTimeline      *timeline,
                                                 char                 *location,
                                                 const char           *reason);
char            *_vecinos_timeline_field        (const char           *text);
gboolean         _vecinos_timeline_make_date    (const char           *year,
                                                 const char           *month,
                                                 const char           *day,
                                                 VecinosDate          *date,
                                                 const char          **reason);
void             _vecinos_timeline_set_texts    (const char           *headline,
                                                 const char           *text,
                                                 char                **headline_out,
                                                 char                **text_out);
void             _vecinos_timeline_set_media    (VecinosTimelineEvent *event,
                                                 const char           *url,
                                                 const char           *credit,
                                                 const char           *caption);
gboolean         _vecinos_timeline_finish_event (VecinosTimeline      *timeline,
                                                 VecinosTimelineEvent *event,
                                                 char                 *location);
void             _vecinos_timeline_add_era      (VecinosTimeline      *timeline,
                                                 VecinosDate          *start,
                                                 VecinosDate          *end,
                                                 const char           *headline,
                                                 char                 *location);

gboolean         vecinos_importer_import_timeline (sqlite3          *db,
                                                   VecinosTimeline  *timeline,
                                                   const char       *language,
                                                   GError          **error);

G_END_DECLS
