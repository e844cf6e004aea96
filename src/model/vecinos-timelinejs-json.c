/* vecinos-timelinejs-json.c — TimelineJS's JSON format read into a
 * VecinosTimeline
 *
 * The file is read once into a flat tree (vecinos-json-tree.c), which
 * refuses what is not plain JSON, and its "title", "events" and "eras"
 * taken from it. An event that cannot be read is listed by its JSON path.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "vecinos-i18n.h"
#include <math.h>
#include <string.h>

#include "vecinos-json-tree.h"
#include "vecinos-timelinejs-private.h"

/* A member as text, whether the file writes "1994" or 1994 */
static char *
member_text (VecinosJsonTree *tree,
             guint            object,
             const char      *member)
{
  guint value = vecinos_json_tree_member (tree, object, member);
  double number;

  switch (vecinos_json_tree_type (tree, value))
    {
    case VECINOS_JSON_STRING:
      return _vecinos_timeline_field (vecinos_json_tree_string (tree, value));
    case VECINOS_JSON_NUMBER:
      number = vecinos_json_tree_number (tree, value);
      /* Cast only what an integer holds (1e300 as an integer is
       * undefined); the rest is text a date refuses */
      return fabs (number) < 1e15 && number == (double) (gint64) number
             ? g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) number) : g_strdup_printf ("%g", number);
    case VECINOS_JSON_NULL:
    case VECINOS_JSON_BOOLEAN:
    case VECINOS_JSON_ARRAY:
    case VECINOS_JSON_OBJECT:
    default:
      return NULL;
    }
}

/* A date object: problem at path.member when it cannot be read */
static gboolean
json_date (VecinosTimeline *timeline,
           VecinosJsonTree *tree,
           guint            object,
           const char      *path,
           const char      *member,
           VecinosDate     *date)
{
  guint parts = vecinos_json_tree_object (tree, object, member);
  g_autofree char *year = member_text (tree, parts, "year");
  g_autofree char *month = member_text (tree, parts, "month");
  g_autofree char *day = member_text (tree, parts, "day");
  const char *reason = NULL;

  if (parts == VECINOS_JSON_NONE)
    reason = _("it has no date");
  else if (_vecinos_timeline_make_date (year, month, day, date, &reason))
    return TRUE;
  _vecinos_timeline_add_problem (timeline, g_strdup_printf ("%s.%s", path, member), reason);
  return FALSE;
}

static void
read_event (VecinosTimeline *timeline,
            VecinosJsonTree *tree,
            guint            object,
            char            *path)
{
  guint texts = vecinos_json_tree_object (tree, object, "text");
  guint media = vecinos_json_tree_object (tree, object, "media");
  VecinosTimelineEvent *event;
  g_autofree char *headline = member_text (tree, texts, "headline");
  g_autofree char *body = member_text (tree, texts, "text");
  g_autofree char *url = member_text (tree, media, "url");
  g_autofree char *credit = member_text (tree, media, "credit");
  g_autofree char *caption = member_text (tree, media, "caption");
  g_autofree char *thumbnail = member_text (tree, media, "thumbnail");

  timeline->n_read++;
  if (vecinos_json_tree_type (tree, object) != VECINOS_JSON_OBJECT)
    {
      _vecinos_timeline_add_problem (timeline, path, _("it is not an object"));
      return;
    }
  timeline->n_images += vecinos_json_tree_object (tree, object, "background") != VECINOS_JSON_NONE ||
                        thumbnail != NULL ||
                        vecinos_json_tree_member (tree, object, "display_date") != VECINOS_JSON_NONE;
  event = g_new0 (VecinosTimelineEvent, 1);
  if (!json_date (timeline, tree, object, path, "start_date", &event->start))
    goto skip;
  if (vecinos_json_tree_object (tree, object, "end_date") != VECINOS_JSON_NONE)
    {
      if (!json_date (timeline, tree, object, path, "end_date", &event->end))
        goto skip;
      event->has_end = TRUE;
    }
  _vecinos_timeline_set_texts (headline, body, &event->headline, &event->text);
  event->group = member_text (tree, object, "group");
  _vecinos_timeline_set_media (event, url, credit, caption);
  _vecinos_timeline_finish_event (timeline, event, path);
  return;

skip:
  _vecinos_timeline_free_event (event);
  g_free (path);
}

static void
read_era (VecinosTimeline *timeline,
          VecinosJsonTree *tree,
          guint            object,
          char            *path)
{
  g_autofree char *headline = member_text (tree, vecinos_json_tree_object (tree, object, "text"), "headline");
  VecinosDate start, end;

  timeline->n_read++;
  if (vecinos_json_tree_type (tree, object) != VECINOS_JSON_OBJECT)
    _vecinos_timeline_add_problem (timeline, path, _("it is not an object"));
  else if (json_date (timeline, tree, object, path, "start_date", &start) &&
           json_date (timeline, tree, object, path, "end_date", &end))
    _vecinos_timeline_add_era (timeline, &start, &end, headline != NULL ? headline : "", path);
  else
    g_free (path);
}

typedef struct {
  VecinosTimeline *timeline;
  guint            index;
} Reading;

/* An event read whole: handed on, and the file read up to it given back */
static gboolean
take_event (VecinosJsonTree *tree,
            guint            element,
            const char      *after,
            gpointer         data)
{
  Reading *reading = data;
  VecinosTimeline *timeline = reading->timeline;

  read_event (timeline, tree, element, g_strdup_printf ("events[%u]", reading->index++));
  /* What is before the first event (the title) is kept */
  if (timeline->release_from == NULL)
    timeline->release_from = after;
  _vecinos_timeline_release (timeline, after);
  return !timeline->stopped;
}

/**
 * _vecinos_timeline_read_json:
 * @text: written to: its texts are decoded where they are
 *
 * Reads TimelineJS's JSON format into @timeline: "title", "events" and
 * "eras", with "start_date" / "end_date" (year, month, day; the time of
 * day is not kept), "text" (headline, text), "group" and "media" (url,
 * credit, caption). The events are read one at a time, as the file is
 * parsed.
 */
gboolean
_vecinos_timeline_read_json (VecinosTimeline  *timeline,
                             char             *text,
                             gsize             length,
                             GError          **error)
{
  g_autoptr(VecinosJsonTree) tree = NULL;
  g_autoptr(GError) local_error = NULL;
  Reading reading = { timeline, 0 };
  gboolean has_nul;
  guint events, eras, index;

  if (length >= 3 && memcmp (text, "\xef\xbb\xbf", 3) == 0)
    text += 3, length -= 3;
  if (!_vecinos_timeline_check_text (timeline, text, length, &has_nul))
    {
      /* Not UTF-8, or a NUL: the whole-text parser says on which line
       * (it checks the same, so it refuses the text) */
      g_autoptr(VecinosJsonTree) refused = vecinos_json_tree_parse (text, length, &local_error);

      if (refused != NULL)
        g_set_error_literal (&local_error, G_MARKUP_ERROR, G_MARKUP_ERROR_PARSE,
                             _("the file is not UTF-8 text (it may hold a NUL byte, or be in another encoding)"));
    }
  else
    tree = vecinos_json_tree_parse_streaming (text, length, "events", take_event, &reading, &local_error);
  if (timeline->stopped)
    return TRUE;
  if (tree == NULL)
    {
      g_set_error (error, VECINOS_TIMELINE_ERROR, VECINOS_TIMELINE_ERROR_NOT_A_TIMELINE,
                   _("The file is not valid JSON: %s"), local_error->message);
      return FALSE;
    }
  events = vecinos_json_tree_member (tree, VECINOS_JSON_ROOT, "events");
  if (vecinos_json_tree_type (tree, events) != VECINOS_JSON_ARRAY)
    {
      g_set_error (error, VECINOS_TIMELINE_ERROR, VECINOS_TIMELINE_ERROR_NOT_A_TIMELINE,
                   _("The file is JSON but not a TimelineJS timeline: it has no “events” list."));
      return FALSE;
    }

  {
    guint title = vecinos_json_tree_object (tree, vecinos_json_tree_object (tree, VECINOS_JSON_ROOT, "title"), "text");
    g_autofree char *headline = member_text (tree, title, "headline");
    g_autofree char *unused = NULL;

    if (headline != NULL)
      _vecinos_timeline_set_texts (headline, NULL, &timeline->title, &unused);
  }

  index = 0;
  eras = vecinos_json_tree_member (tree, VECINOS_JSON_ROOT, "eras");
  if (vecinos_json_tree_type (tree, eras) == VECINOS_JSON_ARRAY)
    for (guint era = vecinos_json_tree_first (tree, eras); era != VECINOS_JSON_NONE;
         era = vecinos_json_tree_next (tree, era))
      read_era (timeline, tree, era, g_strdup_printf ("eras[%u]", index++));
  return TRUE;
}

/**
 * vecinos_timeline_read_json:
 *
 * Reads TimelineJS's JSON format (see _vecinos_timeline_read_json()).
 */
VecinosTimeline *
vecinos_timeline_read_json (const char  *text,
                            gsize        length,
                            GError     **error)
{
  g_autoptr(VecinosTimeline) timeline = _vecinos_timeline_new ();
  g_autofree char *copy = g_memdup2 (text, length);

  if (!_vecinos_timeline_read_json (timeline, copy, length, error))
    return NULL;
  return g_steal_pointer (&timeline);
}
