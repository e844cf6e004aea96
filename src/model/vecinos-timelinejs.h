/* vecinos-timelinejs.h — a teacher's TimelineJS timeline (JSON or the
 * spreadsheet template as CSV), read into a Vecinos dataset
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

#include "vecinos-dataset.h"
#include "vecinos-date.h"

G_BEGIN_DECLS

/* What could not be read, and where: "line 4, column 2 (Month)" in a CSV,
 * "events[12].start_date.month" in JSON */
typedef struct {
  char     *location;
  char     *reason;
  gboolean  note;       /* read and kept, only not shown: nothing was left out */
} VecinosTimelineProblem;

typedef struct {
  char       *location;   /* where in the file: "line 4", "events[12]" */
  VecinosDate start;
  VecinosDate end;
  gboolean    has_end;
  char       *headline;
  char       *text;       /* plain text: the file's HTML reduced */
  char       *group;      /* NULL: none */
  char       *media_url;  /* NULL unless http, https or mailto */
  char       *media_credit;
  char       *media_caption;
} VecinosTimelineEvent;

typedef struct {
  VecinosDate start;
  VecinosDate end;
  char       *headline;
} VecinosTimelineEra;

typedef struct {
  char      *title;     /* the title slide's headline; NULL: none */
  GPtrArray *events;    /* of VecinosTimelineEvent */
  GPtrArray *eras;      /* of VecinosTimelineEra */
  GPtrArray *problems;  /* of VecinosTimelineProblem */
  guint      n_read;    /* events and eras found, read or not */
  guint      n_images;  /* slides with a display date, background or thumbnail: not shown */

  /*< private >*/
  /* While a file is imported (vecinos_timeline_import_file): each event
   * read is handed to take_event, which takes it, instead of being kept in
   * events; reading stops when it returns FALSE */
  gboolean (*take_event) (VecinosTimelineEvent *event,
                          gpointer              data);
  gpointer   take_data;
  gboolean   stopped;
  /* The text is a private mapping of the file, whose pages the reader gives
   * back once read (from release_from on) */
  gboolean    releasable;
  const char *release_from;
} VecinosTimeline;

typedef enum {
  VECINOS_TIMELINE_ERROR_NOT_A_TIMELINE,
  VECINOS_TIMELINE_ERROR_NOTHING_READ,
} VecinosTimelineError;

#define VECINOS_TIMELINE_ERROR (vecinos_timeline_error_quark ())
GQuark           vecinos_timeline_error_quark       (void);

gboolean         vecinos_timeline_is_timeline_file  (GFile            *file);
GFileInfo       *vecinos_timeline_check_file        (GFile            *file,
                                                     GError          **error);
VecinosTimeline *vecinos_timeline_read              (const char       *text,
                                                     gsize             length,
                                                     GError          **error);
VecinosTimeline *vecinos_timeline_read_json         (const char       *text,
                                                     gsize             length,
                                                     GError          **error);
VecinosTimeline *vecinos_timeline_read_csv          (const char       *text,
                                                     gsize             length,
                                                     GError          **error);
char            *vecinos_timeline_reduce_html       (const char       *html);
const char      *vecinos_timeline_guess_language    (VecinosTimeline  *timeline);
gboolean         vecinos_timeline_import_file       (sqlite3          *db,
                                                     GFile            *file,
                                                     const char       *language,
                                                     const char       *fallback,
                                                     GPtrArray       **problems,
                                                     GError          **error);
gboolean         vecinos_timeline_export_json       (VecinosDataset   *dataset,
                                                     const char       *language,
                                                     GFile            *output,
                                                     GError          **error);
void             vecinos_timeline_free              (VecinosTimeline  *timeline);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VecinosTimeline, vecinos_timeline_free)

G_END_DECLS
