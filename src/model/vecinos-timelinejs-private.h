/* vecinos-timelinejs-private.h — what the TimelineJS readers share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vecinos-timelinejs.h"

G_BEGIN_DECLS

typedef struct {
  guint english;
  guint spanish;
  guint seen;
} VecinosLanguageCount;

VecinosTimeline *_vecinos_timeline_new          (void);
gboolean         _vecinos_timeline_read_into    (VecinosTimeline      *timeline,
                                                 char                 *text,
                                                 gsize                 length,
                                                 gboolean              writable,
                                                 GError              **error);
gboolean         _vecinos_timeline_read_json    (VecinosTimeline      *timeline,
                                                 char                 *text,
                                                 gsize                 length,
                                                 GError              **error);
gboolean         _vecinos_timeline_read_csv     (VecinosTimeline      *timeline,
                                                 const char           *text,
                                                 gsize                 length,
                                                 GError              **error);
void             _vecinos_timeline_release      (VecinosTimeline      *timeline,
                                                 const char           *upto);
gboolean         _vecinos_timeline_check_text   (VecinosTimeline      *timeline,
                                                 const char           *text,
                                                 gsize                 length,
                                                 gboolean             *has_nul);
void             _vecinos_timeline_count_language (VecinosLanguageCount       *count,
                                                   const VecinosTimelineEvent *event);
const char      *_vecinos_timeline_language_counted (const VecinosLanguageCount *count,
                                                     const char                 *title);
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

typedef struct _VecinosTimelineImport VecinosTimelineImport;

VecinosTimelineImport *vecinos_timeline_import_begin (sqlite3                     *db,
                                                      GError                     **error);
gboolean               vecinos_timeline_import_event (VecinosTimelineImport       *import,
                                                      const VecinosTimelineEvent  *event,
                                                      GError                     **error);
gboolean               vecinos_timeline_import_end   (VecinosTimelineImport       *import,
                                                      VecinosTimeline             *timeline,
                                                      const char                  *language,
                                                      const char                  *fallback,
                                                      gboolean                     ok,
                                                      GError                     **error);

G_END_DECLS
