/* fuzz-timelinejs.c — a teacher's TimelineJS file, whatever its bytes
 * (issue 16)
 *
 * The first byte chooses what reads the rest: 0 the reader that tells
 * JSON from CSV, 1 the CSV reader, 2 the JSON reader, 3 the HTML reducer,
 * 4 the whole import into an in-memory database (as a file, through
 * vecinos_timeline_import_file()). Nothing may crash, hang or leak, and:
 *
 *  - a read timeline's events each have a valid date (and an end not
 *    before it), a headline and a text, all valid UTF-8; a media address
 *    is one Vecinos opens; every problem has a location and a reason;
 *    events, eras and problems together never exceed what was found;
 *  - reduced HTML is valid UTF-8;
 *  - an import that succeeds wrote at least one event.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <unistd.h>

#include "fuzz-input.h"
#include "vecinos-timelinejs.h"
#include "vecinos-uri.h"

static void
check_timeline (VecinosTimeline *timeline)
{
  if (timeline == NULL)
    return;
  for (guint i = 0; i < timeline->events->len; i++)
    {
      const VecinosTimelineEvent *event = g_ptr_array_index (timeline->events, i);

      FUZZ_CHECK (vecinos_date_is_valid (&event->start), "event %u: invalid start", i);
      FUZZ_CHECK (!event->has_end || (vecinos_date_is_valid (&event->end) &&
                                      vecinos_date_last_day (&event->end) >= vecinos_date_first_day (&event->start)),
                  "event %u: invalid end", i);
      FUZZ_CHECK (event->headline != NULL && *event->headline != '\0' && g_utf8_validate (event->headline, -1, NULL),
                  "event %u: headline", i);
      FUZZ_CHECK (event->text != NULL && g_utf8_validate (event->text, -1, NULL), "event %u: text", i);
      FUZZ_CHECK (event->media_url == NULL || vecinos_uri_is_openable (event->media_url), "event %u: media", i);
    }
  for (guint i = 0; i < timeline->problems->len; i++)
    {
      const VecinosTimelineProblem *problem = g_ptr_array_index (timeline->problems, i);

      FUZZ_CHECK (problem->location != NULL && problem->reason != NULL, "problem %u", i);
    }
  FUZZ_CHECK (timeline->events->len + timeline->eras->len <= timeline->n_read, "more read than found");
}

static void
import (const uint8_t *data,
        size_t         size)
{
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;
  int fd = g_file_open_tmp ("fuzz-timelinejs-XXXXXX.csv", &path, NULL);

  if (fd < 0)
    return;
  FUZZ_CHECK (write (fd, data, size) == (ssize_t) size, "write");
  close (fd);
  file = g_file_new_for_path (path);
  sqlite3_open (":memory:", &db);
  if (vecinos_timeline_import_file (db, file, NULL, "en", &problems, &error))
    {
      sqlite3_stmt *stmt = NULL;

      sqlite3_prepare_v2 (db, "SELECT count(*) FROM event", -1, &stmt, NULL);
      FUZZ_CHECK (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) > 0, "imported no event");
      sqlite3_finalize (stmt);
    }
  sqlite3_close (db);
  g_unlink (path);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  guint8 mode;
  const char *text;

  if (size == 0)
    return 0;
  mode = data[0] % 5;
  text = (const char *) data + 1;
  size--;
  switch (mode)
    {
    case 0:
    case 1:
    case 2:
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(VecinosTimeline) timeline =
          mode == 0 ? vecinos_timeline_read (text, size, &error)
          : mode == 1 ? vecinos_timeline_read_csv (text, size, &error)
          : vecinos_timeline_read_json (text, size, &error);

        FUZZ_CHECK ((timeline == NULL) == (error != NULL), "a timeline and an error");
        check_timeline (timeline);
        break;
      }
    case 3:
      {
        g_autofree char *html = g_strndup (text, size);
        g_autofree char *reduced = NULL;

        if (!g_utf8_validate (html, -1, NULL))
          break;
        reduced = vecinos_timeline_reduce_html (html);
        FUZZ_CHECK (reduced != NULL && g_utf8_validate (reduced, -1, NULL), "reduced HTML is not UTF-8");
        break;
      }
    default:
      import ((const uint8_t *) text, size);
    }
  return 0;
}
