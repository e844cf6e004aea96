/* test-timelinejs.c — a teacher's TimelineJS timeline read and imported
 * (issue 16): its JSON and its spreadsheet as CSV, every date precision,
 * groups, media, eras, HTML reduced, comma and semicolon, UTF-8 with and
 * without BOM, Windows-1252, quoted line breaks, and what cannot be read
 * listed with where and why
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "vecinos-dataset.h"
#include "vecinos-event.h"
#include "vecinos-json-tree.h"
#include "vecinos-timelinejs.h"

static VecinosTimeline *
read_text (const char *text)
{
  g_autoptr(GError) error = NULL;
  VecinosTimeline *timeline = vecinos_timeline_read (text, strlen (text), &error);

  g_assert_no_error (error);
  g_assert_nonnull (timeline);
  return timeline;
}

static const VecinosTimelineEvent *
event_at (VecinosTimeline *timeline,
          guint            i)
{
  g_assert_cmpuint (i, <, timeline->events->len);
  return g_ptr_array_index (timeline->events, i);
}

static void
assert_problem (VecinosTimeline *timeline,
                guint            i,
                const char      *location,
                const char      *reason)
{
  const VecinosTimelineProblem *problem;

  g_assert_cmpuint (i, <, timeline->problems->len);
  problem = g_ptr_array_index (timeline->problems, i);
  g_assert_cmpstr (problem->location, ==, location);
  g_assert_cmpstr (problem->reason, ==, reason);
}

static void
assert_date (const VecinosDate *date,
             const char        *iso)
{
  g_autofree char *text = vecinos_date_to_iso (date);

  g_assert_cmpstr (text, ==, iso);
}

static void
test_json (void)
{
  g_autoptr(VecinosTimeline) timeline = read_text (
    "{\"title\": {\"text\": {\"headline\": \"My <b>class</b> timeline\", \"text\": \"Intro\"}},"
    " \"events\": ["
    "  {\"start_date\": {\"year\": \"1994\", \"month\": \"1\", \"day\": \"1\", \"hour\": \"10\"},"
    "   \"text\": {\"headline\": \"NAFTA\", \"text\": \"<p>Trade starts.</p>\"}, \"group\": \"Trade\","
    "   \"media\": {\"url\": \"https://ustr.gov/\", \"credit\": \"USTR\", \"caption\": \"Its text\"},"
    "   \"unique_id\": \"nafta\"},"
    "  {\"start_date\": {\"year\": 1848}, \"end_date\": {\"year\": 1848, \"month\": 3},"
    "   \"text\": {\"headline\": \"Treaty\"}, \"group\": \"Border\"},"
    "  {\"start_date\": {\"year\": \"-44\", \"month\": 3, \"day\": \"15\"}, \"text\": {\"headline\": \"Caesar\"}},"
    "  {\"start_date\": {\"year\": 0}, \"text\": {\"headline\": \"Year zero\"}},"
    "  {\"start_date\": {\"year\": \"-10000\"}, \"text\": {\"headline\": \"Too old\"}},"
    "  {\"start_date\": {\"year\": \"2001\", \"month\": \"13\"}, \"text\": {\"headline\": \"Bad month\"}},"
    "  {\"start_date\": {\"year\": \"2001\", \"month\": \"2\", \"day\": \"30\"}, \"text\": {\"headline\": \"No such day\"}},"
    "  {\"start_date\": {\"year\": \"2001\", \"day\": \"3\"}, \"text\": {\"headline\": \"Day, no month\"}},"
    "  {\"text\": {\"headline\": \"No date\"}},"
    "  {\"start_date\": {\"year\": \"2003\"}, \"end_date\": {\"year\": \"2002\"}, \"text\": {\"headline\": \"Backwards\"}},"
    "  {\"start_date\": {\"year\": \"1913\", \"month\": 2}, \"end_date\": {\"year\": \"1913\", \"month\": \"2\"},"
    "   \"text\": {\"headline\": \"Same end\"}},"
    "  {\"start_date\": {\"year\": \"2005\"}},"
    "  7,"
    "  {\"start_date\": {\"year\": \"12000\"}, \"text\": {\"headline\": \"Far\"}},"
    "  {\"start_date\": {\"year\": \"2010\"}, \"text\": {\"text\": \"<p>Only a text, no headline</p><p>More</p>\"},"
    "   \"media\": {\"url\": \"javascript:alert(1)\", \"credit\": \"x\"}}"
    " ],"
    " \"eras\": [{\"start_date\": {\"year\": \"1988\", \"month\": \"12\"}, \"end_date\": {\"year\": \"1994\"},"
    "            \"text\": {\"headline\": \"Salinas\"}},"
    "           {\"start_date\": {\"year\": \"1994\"}, \"text\": {\"headline\": \"No end\"}},"
    "           {\"start_date\": {\"year\": -500}, \"end_date\": {\"year\": \"-300\"},"
    "            \"text\": {\"headline\": \"Classical\"}}]}");
  const VecinosTimelineEvent *event;
  const VecinosTimelineEra *era;

  g_assert_cmpstr (timeline->title, ==, "My class timeline");
  g_assert_cmpuint (timeline->events->len, ==, 5);
  g_assert_cmpuint (timeline->n_read, ==, 18);

  /* A day stays a day (the hour is finer than Vecinos shows) */
  event = event_at (timeline, 0);
  assert_date (&event->start, "1994-01-01");
  g_assert_false (event->has_end);
  g_assert_cmpstr (event->headline, ==, "NAFTA");
  g_assert_cmpstr (event->text, ==, "Trade starts.");
  g_assert_cmpstr (event->group, ==, "Trade");
  g_assert_cmpstr (event->media_url, ==, "https://ustr.gov/");
  g_assert_cmpstr (event->media_credit, ==, "USTR");
  g_assert_cmpstr (event->media_caption, ==, "Its text");
  /* A year stays a year, a month a month; numbers or strings */
  event = event_at (timeline, 1);
  assert_date (&event->start, "1848");
  g_assert_true (event->has_end);
  assert_date (&event->end, "1848-03");
  g_assert_null (event->media_url);
  /* A negative year is before the common era: −44 is 44 BCE */
  event = event_at (timeline, 2);
  assert_date (&event->start, "-0044-03-15");
  g_assert_cmpstr (event->headline, ==, "Caesar");
  /* An end the same as the start is no end */
  event = event_at (timeline, 3);
  assert_date (&event->start, "1913-02");
  g_assert_false (event->has_end);
  /* No headline: the text's first line; a javascript: address is no source */
  event = event_at (timeline, 4);
  g_assert_cmpstr (event->headline, ==, "Only a text, no headline");
  g_assert_cmpstr (event->text, ==, "Only a text, no headline\n\nMore");
  g_assert_null (event->media_url);

  g_assert_cmpuint (timeline->problems->len, ==, 11);
  assert_problem (timeline, 0, "events[3].start_date", "its year is 0, which no calendar has (1 BCE is −1)");
  assert_problem (timeline, 1, "events[4].start_date", "its year is before 9999 BCE");
  assert_problem (timeline, 2, "events[5].start_date", "its month is not a number from 1 to 12");
  assert_problem (timeline, 3, "events[6].start_date", "that day does not exist in that month");
  assert_problem (timeline, 4, "events[7].start_date", "it has a day but no month");
  assert_problem (timeline, 5, "events[8].start_date", "it has no date");
  assert_problem (timeline, 6, "events[9]", "it ends before it starts");
  assert_problem (timeline, 7, "events[11]", "it has neither a headline nor a text");
  assert_problem (timeline, 8, "events[12]", "it is not an object");
  assert_problem (timeline, 9, "events[13].start_date", "its year is after 9999");
  assert_problem (timeline, 10, "eras[1].end_date", "it has no date");

  g_assert_cmpuint (timeline->eras->len, ==, 2);
  era = g_ptr_array_index (timeline->eras, 0);
  g_assert_cmpstr (era->headline, ==, "Salinas");
  assert_date (&era->start, "1988-12");
  assert_date (&era->end, "1994");
  era = g_ptr_array_index (timeline->eras, 1);
  g_assert_cmpstr (era->headline, ==, "Classical");
  assert_date (&era->start, "-0500");
  assert_date (&era->end, "-0300");
}

/* Scripts, styles, handlers, javascript: links and Pango markup are never
 * interpreted: what is left is text */
static void
test_html (void)
{
  const struct {
    const char *html, *text;
  } cases[] = {
    { "<p>One</p><p>Two</p>", "One\n\nTwo" },
    { "Line<br>break<br/>again", "Line\nbreak\nagain" },
    { "<b>Bold</b> and <i>italic</i>, <strong>strong</strong>", "Bold and italic, strong" },
    { "<script>alert('x')</script>Safe<SCRIPT type=x>evil()</SCRIPT>", "Safe" },
    { "<style>p{color:red}</style>Styled", "Styled" },
    { "<img src=x onerror=\"alert(1)\">Image <a href=\"#\" onclick=\"steal()\">here</a>", "Image here" },
    { "<a href=\"javascript:alert(1)\">click</a>", "click" },
    { "<a href=\"https://example.org/a?b=1&amp;c=2\">site</a>", "site (https://example.org/a?b=1&c=2)" },
    { "<a href='mailto:a@example.org'>write</a>", "write (mailto:a@example.org)" },
    { "<a href=\"https://example.org/\">https://example.org/</a>", "https://example.org/" },
    { "<span foreground=\"red\">Pango</span> <markup>", "Pango" },
    { "&lt;b&gt; &amp; &quot;q&quot; &#233; &#xE9; &bogus; &#0; &#xD800;", "<b> & \"q\" é é &bogus; &#0; &#xD800;" },
    { "<blockquote>Quoted <cite>Author</cite></blockquote>After", "Quoted Author\n\nAfter" },
    { "<ul><li>a</li><li>b</li></ul>", "• a\n• b" },
    { "  spaced \t\n  out  ", "spaced out" },
    { "<!-- hidden --> shown", "shown" },
    { "<p>Unclosed <script>never ends", "Unclosed" },
    { "text <broken", "text" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = vecinos_timeline_reduce_html (cases[i].html);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

#define HEADER "Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,Text," \
               "Media,Media Credit,Media Caption,Media Thumbnail,Type,Group,Background\n"

static void
assert_csv_template (VecinosTimeline *timeline)
{
  const VecinosTimelineEvent *event;
  const VecinosTimelineEra *era;

  g_assert_cmpstr (timeline->title, ==, "Mi línea");
  g_assert_cmpuint (timeline->events->len, ==, 2);
  event = event_at (timeline, 0);
  assert_date (&event->start, "1994-01-01");
  g_assert_cmpstr (event->headline, ==, "TLCAN; entra, \"ya\"");
  g_assert_cmpstr (event->text, ==, "Texto con salto de línea");
  g_assert_cmpstr (event->group, ==, "Comercio");
  g_assert_cmpstr (event->media_url, ==, "https://ustr.gov/");
  event = event_at (timeline, 1);
  assert_date (&event->start, "1995");
  g_assert_cmpstr (event->group, ==, "Economía");
  g_assert_cmpuint (timeline->eras->len, ==, 1);
  era = g_ptr_array_index (timeline->eras, 0);
  g_assert_cmpstr (era->headline, ==, "Década");
  assert_date (&era->end, "2000");
  g_assert_cmpuint (timeline->problems->len, ==, 2);
  /* The quoted line break and the empty row count: the row is on line 8 */
  assert_problem (timeline, 0, "line 8, column 1 (Year)", "its year is not a whole number");
  assert_problem (timeline, 1, "line 9, column 1 (Year)", "its month is not a number from 1 to 12");
}

static char *
template_rows (char separator)
{
  const char *rows =
    ",,,,,,,,,Mi línea,Intro,,,,,title,,\n"
    "1994,1,1,,,,,,,\"TLCAN; entra, \"\"ya\"\"\",\"Texto con\nsalto de línea\",https://ustr.gov/,USTR,,,,Comercio,\n"
    "\n"
    "1995,,,,,,,,,Crisis,,,,,,,Economía,\n"
    "1990,,,,2000,,,,,Década,,,,,,era,,\n"
    "abc,,,,,,,,,Mal año,,,,,,,,\n"
    "2001,14,,,,,,,,Mal mes,,,,,,,,\n";
  GString *text = g_string_new (NULL);
  gboolean quoted = FALSE;

  /* The same rows with @separator where the template has commas */
  g_string_append (text, HEADER);
  for (const char *p = rows; *p != '\0'; p++)
    {
      quoted ^= *p == '"';
      g_string_append_c (text, *p == ',' && !quoted ? separator : *p);
    }
  return g_string_free (text, FALSE);
}

static void
test_csv_separators (void)
{
  const char separators[] = { ',', ';', '\t' };

  for (guint i = 0; i < G_N_ELEMENTS (separators); i++)
    {
      g_autofree char *text = template_rows (separators[i]);
      g_autoptr(VecinosTimeline) timeline = NULL;

      /* The header's commas too */
      if (separators[i] != ',')
        {
          g_autofree char *header = g_strdup (HEADER);
          g_autofree char *body = g_strdup (text + strlen (HEADER));

          g_strdelimit (header, ",", separators[i]);
          g_free (text);
          text = g_strconcat (header, body, NULL);
        }
      timeline = read_text (text);
      assert_csv_template (timeline);
    }
}

static void
test_csv_encodings (void)
{
  g_autofree char *utf8 = template_rows (';');
  g_autofree char *with_bom = NULL;
  g_autofree char *cp1252 = NULL;
  gsize length;

  {
    g_autofree char *header = g_strdup (HEADER);
    g_autofree char *body = g_strdup (utf8 + strlen (HEADER));

    g_strdelimit (header, ",", ';');
    g_free (utf8);
    utf8 = g_strconcat (header, body, NULL);
  }
  with_bom = g_strconcat ("\xef\xbb\xbf", utf8, NULL);
  {
    g_autoptr(VecinosTimeline) timeline = read_text (with_bom);

    assert_csv_template (timeline);
  }
  /* An older Excel's Windows-1252, CRLF line ends */
  cp1252 = g_convert (utf8, -1, "WINDOWS-1252", "UTF-8", NULL, &length, NULL);
  g_assert_nonnull (cp1252);
  g_assert_false (g_utf8_validate (cp1252, length, NULL));
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(VecinosTimeline) timeline = vecinos_timeline_read (cp1252, length, &error);

    g_assert_no_error (error);
    assert_csv_template (timeline);
  }
  {
    g_auto(GStrv) lines = g_strsplit (utf8, "\n", -1);
    g_autofree char *crlf = g_strjoinv ("\r\n", lines);
    g_autoptr(VecinosTimeline) timeline = read_text (crlf);

    assert_csv_template (timeline);
  }
}

static void
test_not_a_timeline (void)
{
  const struct {
    const char *text;
    const char *message;
  } cases[] = {
    { "{\"events\": [", "The file is not valid JSON" },
    { "{\"slides\": []}", "it has no “events” list" },
    { "[1, 2]", "The file is not a TimelineJS spreadsheet" },
    { "Name,Date\nA,1994\n", "its first row must name the template's columns" },
    { "", "The file is not a TimelineJS spreadsheet" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(VecinosTimeline) timeline = vecinos_timeline_read (cases[i].text, strlen (cases[i].text), &error);

      g_assert_null (timeline);
      g_assert_error (error, VECINOS_TIMELINE_ERROR, VECINOS_TIMELINE_ERROR_NOT_A_TIMELINE);
      g_assert_nonnull (strstr (error->message, cases[i].message));
    }
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(VecinosTimeline) timeline = vecinos_timeline_read ("a\0b", 3, &error);

    g_assert_null (timeline);
    g_assert_nonnull (strstr (error->message, "not text"));
  }
}

/* "index:what": the element's index in the tree and its string or number
 * ("a" for an object with members) */
static gboolean
record_element (VecinosJsonTree *tree,
                guint            element,
                const char      *after,
                gpointer         data)
{
  GPtrArray *seen = data;
  guint first = vecinos_json_tree_first (tree, element);
  const char *what = "";
  g_autofree char *number = NULL;

  if (vecinos_json_tree_type (tree, element) == VECINOS_JSON_STRING)
    what = vecinos_json_tree_string (tree, element);
  else if (vecinos_json_tree_type (tree, element) == VECINOS_JSON_NUMBER)
    what = number = g_strdup_printf ("%g", vecinos_json_tree_number (tree, element));
  else if (vecinos_json_tree_type (tree, element) == VECINOS_JSON_OBJECT && first != VECINOS_JSON_NONE)
    what = "a";
  g_ptr_array_add (seen, g_strdup_printf ("%u:%s", element, what));
  g_assert_true (*after == ',' || *after == ']');
  return TRUE;
}

static gboolean
stop_at_second (VecinosJsonTree *tree,
                guint            element,
                const char      *after,
                gpointer         data)
{
  guint *count = data;

  return ++*count < 2;
}

static char *
write_file (const char *name,
            const char *text)
{
  g_autofree char *directory = g_dir_make_tmp ("vecinos-test-XXXXXX", NULL);
  char *path = g_build_filename (directory, name, NULL);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  return path;
}

static sqlite3 *
import (const char  *path,
        const char  *language,
        GPtrArray  **problems,
        GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (":memory:", &db), ==, SQLITE_OK);
  if (!vecinos_timeline_import_file (db, file, language, "en", problems, error))
    g_clear_pointer (&db, sqlite3_close);
  return db;
}

static void
assert_query (sqlite3    *db,
              const char *sql,
              const char *expected)
{
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, expected);
  sqlite3_finalize (stmt);
}

/* Imported: groups become categories coloured from the palette, eras the
 * top bands, media the source; the texts in both interface languages */
static void
test_import (void)
{
  g_autofree char *text = template_rows (',');
  g_autofree char *path = write_file ("lesson.csv", text);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = import (path, "es", &problems, &error);

  g_assert_no_error (error);
  g_assert_nonnull (db);
  g_assert_cmpuint (problems->len, ==, 2);
  assert_query (db, "SELECT group_concat (slug || ':' || color, ' ') FROM category ORDER BY id", "group-1:#0072B2 group-2:#E69F00");
  assert_query (db, "SELECT group_concat (name, '|') FROM category_text WHERE lang = 'en'", "Comercio|Economía");
  assert_query (db, "SELECT person FROM term", "Década");
  assert_query (db, "SELECT name || ' ' || url FROM event_source", "USTR https://ustr.gov/");
  /* Each event's texts once, under English, where every language reads them */
  assert_query (db, "SELECT count(*) FROM event_text", "2");
  assert_query (db, "SELECT count(*) FROM event_text WHERE lang = 'en'", "2");
  assert_query (db, "SELECT group_concat (c.slug, ' ') FROM event e JOIN category c ON c.id = e.category_id",
                "group-1 group-2");
  assert_query (db, "SELECT summary FROM event_text WHERE lang = 'en' AND title = 'Crisis'", "");
  assert_query (db, "SELECT precision FROM event e JOIN event_text t ON t.event_id = e.id "
                                   "WHERE t.title = 'Crisis' AND t.lang = 'en'", "1");
  sqlite3_close (db);
  g_unlink (path);
}

/* Before the common era, end to end: a negative year is imported, read
 * back as that year, drawn in its era, and exported as the same number */
static void
test_before_the_common_era (void)
{
  g_autofree char *source = write_file ("ancient.json",
    "{\"title\": {\"text\": {\"headline\": \"Mesoamérica\"}},"
    " \"events\": [{\"start_date\": {\"year\": -1200}, \"end_date\": {\"year\": -400},"
    "               \"text\": {\"headline\": \"Olmecas\"}},"
    "              {\"start_date\": {\"year\": \"-1\", \"month\": \"12\", \"day\": \"31\"},"
    "               \"text\": {\"headline\": \"Last day of 1 BCE\"}},"
    "              {\"start_date\": {\"year\": 1, \"month\": 1, \"day\": 1},"
    "               \"text\": {\"headline\": \"First day of 1 CE\"}}],"
    " \"eras\": [{\"start_date\": {\"year\": -2500}, \"end_date\": {\"year\": 200},"
    "             \"text\": {\"headline\": \"Preclásico\"}}]}");
  g_autofree char *compiled = g_strconcat (source, ".sqlite", NULL);
  g_autofree char *exported = g_strconcat (source, ".export.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (source);
  g_autoptr(GFile) dataset_file = g_file_new_for_path (compiled);
  g_autoptr(GFile) output = g_file_new_for_path (exported);
  g_autoptr(VecinosDataset) dataset = NULL;
  g_autoptr(GListModel) events = NULL;
  g_autoptr(GPtrArray) terms = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(VecinosTimeline) timeline = NULL;
  g_autoptr(VecinosEvent) first = NULL;
  g_autoptr(VecinosEvent) last_bce = NULL;
  g_autoptr(VecinosEvent) first_ce = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const VecinosTerm *era;
  sqlite3 *db = NULL;
  gsize length;

  g_assert_cmpint (sqlite3_open (compiled, &db), ==, SQLITE_OK);
  g_assert_true (vecinos_timeline_import_file (db, file, "es", "en", &problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  sqlite3_close (db);

  dataset = vecinos_dataset_new_for_file (dataset_file, &error);
  g_assert_no_error (error);
  events = vecinos_dataset_list_events (dataset, "es", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (events), ==, 3);
  first = g_list_model_get_item (events, 0);
  last_bce = g_list_model_get_item (events, 1);
  first_ce = g_list_model_get_item (events, 2);
  g_assert_cmpstr (vecinos_event_get_title (first), ==, "Olmecas");
  assert_date (vecinos_event_get_start (first), "-1200");
  assert_date (vecinos_event_get_end (first), "-0400");
  assert_date (vecinos_event_get_start (last_bce), "-0001-12-31");
  /* 31 December 1 BCE is the day before 1 January 1 */
  g_assert_cmpint (vecinos_date_first_day (vecinos_event_get_start (last_bce)) + 1, ==,
                   vecinos_date_first_day (vecinos_event_get_start (first_ce)));

  terms = vecinos_dataset_list_terms (dataset, "es");
  g_assert_cmpuint (terms->len, ==, 1);
  era = g_ptr_array_index (terms, 0);
  g_assert_cmpstr (era->person, ==, "Preclásico");
  g_assert_false (era->in_progress);
  g_assert_cmpint (era->start, <, era->end);
  g_assert_cmpint (vecinos_term_get_end (era), ==, era->end);

  g_assert_true (vecinos_timeline_export_json (dataset, "es", output, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (exported, &text, &length, NULL));
  g_assert_nonnull (strstr (text, "-1200"));
  timeline = vecinos_timeline_read (text, length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (timeline->events->len, ==, 3);
  assert_date (&event_at (timeline, 0)->start, "-1200");
  assert_date (&event_at (timeline, 1)->start, "-0001-12-31");
  g_assert_cmpuint (timeline->eras->len, ==, 1);
  /* An era's bounds are days (as a presidency's are) */
  assert_date (&((VecinosTimelineEra *) g_ptr_array_index (timeline->eras, 0))->start, "-2500-01-01");
  assert_date (&((VecinosTimelineEra *) g_ptr_array_index (timeline->eras, 0))->end, "0200-12-31");

  g_unlink (exported);
  g_unlink (compiled);
  g_unlink (source);
}

/* What the database cannot hold is listed, not lost unnoticed: a headline
 * too long leaves its event out, a media address not well formed leaves
 * its link off; an address with spaces or accents is percent-encoded */
static void
test_import_limits (void)
{
  g_autofree char *long_headline = g_strnfill (501, 'a');
  g_autofree char *long_name = g_strnfill (600, 'n');
  g_autofree char *text = g_strdup_printf (
    "{\"events\": ["
    "  {\"start_date\": {\"year\": 1990}, \"text\": {\"headline\": \"%s\"}},"
    "  {\"start_date\": {\"year\": 1991}, \"text\": {\"headline\": \"Spaces\"}, \"group\": \"%s\","
    "   \"media\": {\"url\": \"https://example.org/mi foto ñ.jpg\", \"credit\": \"Archivo\"}},"
    "  {\"start_date\": {\"year\": 1992}, \"text\": {\"headline\": \"User\"},"
    "   \"media\": {\"url\": \"https://me@example.org/\"}}"
    "], \"eras\": [{\"start_date\": {\"year\": 1990}, \"end_date\": {\"year\": 1992},"
    " \"text\": {\"headline\": \"%s\"}}]}", long_headline, long_name, long_name);
  g_autofree char *group_location = g_strdup_printf ("the group “%.30s…”", long_name);
  g_autofree char *path = write_file ("limits.json", text);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = import (path, "en", &problems, &error);

  g_assert_no_error (error);
  g_assert_nonnull (db);
  g_assert_cmpuint (problems->len, ==, 4);
  /* In the file's order, as the events are imported (the eras last); the
   * names the reader shows cut are noted, nothing left out */
  g_assert_cmpstr (((VecinosTimelineProblem *) g_ptr_array_index (problems, 0))->location, ==, "events[0]");
  g_assert_cmpstr (((VecinosTimelineProblem *) g_ptr_array_index (problems, 0))->reason, ==,
                   "its headline is longer than 500 bytes");
  g_assert_false (((VecinosTimelineProblem *) g_ptr_array_index (problems, 0))->note);
  g_assert_cmpstr (((VecinosTimelineProblem *) g_ptr_array_index (problems, 1))->location, ==, group_location);
  g_assert_cmpstr (((VecinosTimelineProblem *) g_ptr_array_index (problems, 1))->reason, ==,
                   "its name is longer than 500 bytes: it is shown cut");
  g_assert_true (((VecinosTimelineProblem *) g_ptr_array_index (problems, 1))->note);
  g_assert_cmpstr (((VecinosTimelineProblem *) g_ptr_array_index (problems, 2))->location, ==, "events[2]");
  g_assert_cmpstr (((VecinosTimelineProblem *) g_ptr_array_index (problems, 2))->reason, ==,
                   "it names a user before its host");
  g_assert_cmpstr (((VecinosTimelineProblem *) g_ptr_array_index (problems, 3))->location, ==, "era 1");
  g_assert_true (((VecinosTimelineProblem *) g_ptr_array_index (problems, 3))->note);
  /* The long group and “General” (events[2] has no group) */
  assert_query (db, "SELECT count (*) FROM category", "2");
  assert_query (db, "SELECT group_concat (title, '|') FROM event_text WHERE lang = 'en'", "Spaces|User");
  assert_query (db, "SELECT url FROM event_source", "https://example.org/mi%20foto%20%C3%B1.jpg");
  assert_query (db, "SELECT value FROM meta WHERE key = 'content_language'", "en");
  sqlite3_close (db);
  g_unlink (path);
}

/* The language a timeline is written in, read from its short words; a
 * file that does not say clearly takes the one given */
static void
test_language (void)
{
  g_autoptr(VecinosTimeline) spanish = read_text (
    "{\"events\": [{\"start_date\": {\"year\": 1994}, \"text\": {\"headline\": \"Entra en vigor el TLCAN\","
    " \"text\": \"El tratado de libre comercio entre México, Estados Unidos y Canadá.\"}}]}");
  g_autoptr(VecinosTimeline) english = read_text (
    "{\"events\": [{\"start_date\": {\"year\": 1994}, \"text\": {\"headline\": \"NAFTA takes effect\","
    " \"text\": \"The free trade agreement of Mexico, the United States and Canada is in force.\"}}]}");
  g_autoptr(VecinosTimeline) few = read_text (
    "{\"events\": [{\"start_date\": {\"year\": 1994}, \"text\": {\"headline\": \"TLCAN / NAFTA\"}}]}");
  g_autoptr(VecinosTimeline) both = read_text (
    "{\"events\": [{\"start_date\": {\"year\": 1994}, \"text\": {\"headline\": \"The end of the war\","
    " \"text\": \"El fin de la guerra y la paz\"}}]}");
  g_autofree char *path = write_file ("few.json",
    "{\"events\": [{\"start_date\": {\"year\": 1994}, \"text\": {\"headline\": \"TLCAN\"}}]}");
  g_autoptr(GError) error = NULL;
  sqlite3 *db;

  g_assert_cmpstr (vecinos_timeline_guess_language (spanish), ==, "es");
  g_assert_cmpstr (vecinos_timeline_guess_language (english), ==, "en");
  g_assert_null (vecinos_timeline_guess_language (few));
  g_assert_null (vecinos_timeline_guess_language (both));

  g_assert_nonnull (db = import (path, NULL, NULL, &error));
  assert_query (db, "SELECT value FROM meta WHERE key = 'content_language'", "en");
  sqlite3_close (db);
  g_unlink (path);
}

/* An era row in a spreadsheet without an End Year column: the problem
 * names the column it lacks (not a "column 0") */
static void
test_csv_missing_column (void)
{
  g_autoptr(VecinosTimeline) timeline = read_text ("Year,Headline,Type\n"
                                                   "1994,NAFTA,\n"
                                                   "1988,Salinas,era\n");

  g_assert_cmpuint (timeline->events->len, ==, 1);
  g_assert_cmpuint (timeline->eras->len, ==, 0);
  assert_problem (timeline, 0, "line 3, no column End Year", "it has no year");
}

/* Display dates, backgrounds and thumbnails are read and not shown: said
 * once, as a note
 * (nothing was left out), in the file's two forms */
static void
test_images_noted (void)
{
  g_autoptr(VecinosTimeline) json = read_text (
    "{\"events\": [{\"start_date\": {\"year\": 1994}, \"text\": {\"headline\": \"A\"},"
    "              \"background\": {\"color\": \"#123456\"}},"
    "             {\"start_date\": {\"year\": 1995}, \"text\": {\"headline\": \"B\"},"
    "              \"media\": {\"url\": \"https://example.org/\", \"thumbnail\": \"https://example.org/t.png\"}},"
    "             {\"start_date\": {\"year\": 1996}, \"display_date\": \"Mid-1990s\", \"text\": {\"headline\": \"C\"}},"
    "             {\"start_date\": {\"year\": 1997}, \"text\": {\"headline\": \"D\"}}]}");
  g_autoptr(VecinosTimeline) csv = read_text (HEADER "1994,,,,,,,,,A,,,,,,,,#fff\n1995,,,,,,,,,B,,,,,,,,\n");
  const VecinosTimelineProblem *problem;

  g_assert_cmpuint (json->events->len, ==, 4);
  g_assert_cmpuint (json->problems->len, ==, 1);
  assert_problem (json, 0, "the whole timeline", "3 slides have a display date, a background or a thumbnail, which Vecinos does not show (it shows the date itself)");
  problem = g_ptr_array_index (json->problems, 0);
  g_assert_true (problem->note);

  g_assert_cmpuint (csv->events->len, ==, 2);
  g_assert_cmpuint (csv->problems->len, ==, 1);
  assert_problem (csv, 0, "the whole timeline", "1 slide has a display date, a background or a thumbnail, which Vecinos does not show (it shows the date itself)");
}

static void
test_nothing_read (void)
{
  g_autofree char *path = write_file ("empty.json", "{\"events\": [{\"start_date\": {\"year\": \"x\"}}]}");
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = import (path, "en", &problems, &error);

  g_assert_null (db);
  g_assert_error (error, VECINOS_TIMELINE_ERROR, VECINOS_TIMELINE_ERROR_NOTHING_READ);
  g_assert_cmpuint (problems->len, ==, 1);
  g_unlink (path);

  /* Read, but each too long to keep (found by fuzz-timelinejs): nothing
   * to open, and the problems say why */
  {
    g_autofree char *long_headline = g_strnfill (501, 'a');
    g_autofree char *text = g_strdup_printf ("Year,Headline\n1917,%s\n1918,%s\n", long_headline, long_headline);
    g_autofree char *too_long = write_file ("too-long.csv", text);
    g_autoptr(GPtrArray) long_problems = NULL;
    g_autoptr(GError) long_error = NULL;

    g_assert_null (import (too_long, "en", &long_problems, &long_error));
    g_assert_error (long_error, VECINOS_TIMELINE_ERROR, VECINOS_TIMELINE_ERROR_NOTHING_READ);
    g_assert_cmpstr (long_error->message, ==, "None of the timeline's events could be read.");
    g_assert_cmpuint (long_problems->len, ==, 2);
    g_assert_cmpstr (((VecinosTimelineProblem *) g_ptr_array_index (long_problems, 0))->reason, ==,
                     "its headline is longer than 500 bytes");
    g_unlink (too_long);
  }
}

/* Vecinos → TimelineJS JSON → Vecinos keeps every event: its title, date
 * and precision, summary, category and first source */
static void
test_round_trip (void)
{
  g_autoptr(GFile) bundled = g_file_new_for_path (g_getenv ("VECINOS_BUNDLED_DATASET"));
  g_autoptr(VecinosDataset) dataset = vecinos_dataset_new_for_file (bundled, NULL);
  g_autofree char *directory = g_dir_make_tmp ("vecinos-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (directory, "export.json", NULL);
  g_autoptr(GFile) output = g_file_new_for_path (path);
  g_autoptr(GListModel) events = NULL;
  g_autoptr(VecinosTimeline) timeline = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gsize length;

  g_assert_nonnull (dataset);
  g_assert_true (vecinos_timeline_export_json (dataset, "es", output, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &text, &length, NULL));
  timeline = vecinos_timeline_read (text, length, &error);
  g_assert_no_error (error);
  events = vecinos_dataset_list_events (dataset, "es", NULL);
  g_assert_cmpuint (timeline->problems->len, ==, 0);
  g_assert_cmpuint (timeline->events->len, ==, g_list_model_get_n_items (events));
  g_assert_cmpuint (timeline->events->len, ==, 185);
  g_assert_cmpstr (timeline->title, ==, "Relaciones México–Estados Unidos");
  for (guint i = 0; i < timeline->events->len; i++)
    {
      g_autoptr(VecinosEvent) event = g_list_model_get_item (events, i);
      const VecinosTimelineEvent *read = event_at (timeline, i);
      const VecinosSource *source = g_ptr_array_index (vecinos_event_get_sources (event), 0);
      g_autofree char *start = vecinos_date_to_iso (vecinos_event_get_start (event));

      assert_date (&read->start, start);
      g_assert_cmpint (read->has_end, ==, vecinos_event_get_end (event) != NULL);
      g_assert_cmpstr (read->headline, ==, vecinos_event_get_title (event));
      g_assert_cmpstr (read->text, ==, vecinos_event_get_summary (event));
      g_assert_cmpstr (read->group, ==, vecinos_event_get_category_name (event));
      g_assert_cmpstr (read->media_url, ==, source->url);
      g_assert_cmpstr (read->media_credit, ==, source->name);
    }
  g_assert_cmpuint (timeline->eras->len, ==, 14);
  g_unlink (path);
  g_rmdir (directory);
}

/* A large timeline's event at @i: its headline and a text long enough that
 * the file is several times the pages the reader gives back at a time */
static char *
large_text (guint i)
{
  g_autofree char *filler = g_strnfill (900, 'x');

  return g_strdup_printf ("Día %u del curso: %s fin %u", i, filler, i);
}

/* Imported as it is read: a file of tens of megabytes, whose pages the
 * reader gives back behind it, is imported whole — every event, in the
 * file's order, its texts intact to the last — and what JSON has before
 * and after its events (the title, the eras) is read from the pages kept */
static void
test_import_large (void)
{
  const guint n = 30000;

  for (int csv = 1; csv >= 0; csv--)
    {
      g_autoptr(GString) text = g_string_new (csv ? "Year,Headline,Text,Group,Type\n,Un curso largo,,,title\n"
                                                  : "{\"title\": {\"text\": {\"headline\": \"Un curso largo\"}},"
                                                    " \"events\": [");
      g_autofree char *path = NULL;
      g_autofree char *expected = NULL;
      g_autoptr(GPtrArray) problems = NULL;
      g_autoptr(GError) error = NULL;
      sqlite3 *db;

      for (guint i = 0; i < n; i++)
        {
          g_autofree char *body = large_text (i);

          if (csv)
            g_string_append_printf (text, "%u,Evento %u,%s,Grupo %u,\n", 1900 + i % 100, i, body, i % 3);
          else
            g_string_append_printf (text, "%s{\"start_date\": {\"year\": %u}, \"text\": {\"headline\": "
                                          "\"Evento %u\", \"text\": \"%s\"}, \"group\": \"Grupo %u\"}",
                                    i > 0 ? "," : "", 1900 + i % 100, i, body, i % 3);
        }
      if (!csv)
        g_string_append (text, "], \"eras\": [{\"start_date\": {\"year\": 1900}, \"end_date\": {\"year\": 2000},"
                               " \"text\": {\"headline\": \"El siglo\"}}]}");
      g_assert_cmpuint (text->len, >, 3 * 8 * 1024 * 1024);
      path = write_file (csv ? "large.csv" : "large.json", text->str);
      db = import (path, NULL, &problems, &error);
      g_assert_no_error (error);
      g_assert_nonnull (db);
      g_assert_cmpuint (problems->len, ==, 0);

      assert_query (db, "SELECT count (*) FROM event", "30000");
      assert_query (db, "SELECT value FROM meta WHERE key = 'title.en'", "Un curso largo");
      assert_query (db, "SELECT value FROM meta WHERE key = 'content_language'", "es");
      assert_query (db, "SELECT group_concat (slug, ' ') FROM category", "group-1 group-2 group-3");
      assert_query (db, "SELECT count (*) FROM term", csv ? "0" : "1");
      /* Numbered in the file's order, every text whole */
      assert_query (db, "SELECT count (*) FROM event e JOIN event_text t ON t.event_id = e.id AND t.lang = 'en'"
                        " WHERE t.title = 'Evento ' || (e.id - 1) AND e.slug = 'event-' || e.id"
                        " AND length (t.summary) = length ('Día ' || (e.id - 1) || ' del curso:  fin ' || (e.id - 1)) + 900",
                    "30000");
      expected = large_text (n - 1);
      assert_query (db, "SELECT summary FROM event_text WHERE event_id = 30000 AND lang = 'en'", expected);
      sqlite3_close (db);
      g_unlink (path);
    }
}

/* What cannot be read after some events were: nothing is left, the reader
 * stops and says why */
static void
test_import_fails_late (void)
{
  g_autoptr(GString) text = g_string_new ("{\"events\": [");
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 2000; i++)
    g_string_append_printf (text, "%s{\"start_date\": {\"year\": 1990}, \"text\": {\"headline\": \"E %u\"}}",
                            i > 0 ? "," : "", i);
  g_string_append (text, "], \"eras\": [}");
  path = write_file ("late.json", text->str);
  g_assert_null (import (path, "en", NULL, &error));
  g_assert_error (error, VECINOS_TIMELINE_ERROR, VECINOS_TIMELINE_ERROR_NOT_A_TIMELINE);
  g_assert_nonnull (strstr (error->message, "line 1"));
  g_unlink (path);

  /* A language Vecinos does not have: said, nothing left */
  {
    g_autofree char *good = write_file ("good.json", "{\"events\": [{\"start_date\": {\"year\": 1990},"
                                                     " \"text\": {\"headline\": \"E\"}}]}");
    g_autoptr(GError) language_error = NULL;

    g_assert_null (import (good, "xx", NULL, &language_error));
    g_assert_error (language_error, VECINOS_TIMELINE_ERROR, VECINOS_TIMELINE_ERROR_NOT_A_TIMELINE);
    g_assert_nonnull (strstr (language_error->message, "Unknown language “xx”"));
    g_unlink (good);
  }
}

/* The events of a JSON file handed on one at a time and forgotten */
static void
test_json_streaming (void)
{
  char text[] = "{\"title\": \"t\", \"events\": [1, {\"a\": [2, {}]}, \"x\", [], {}], \"eras\": [3]}";
  g_autoptr(VecinosJsonTree) tree = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);

  tree = vecinos_json_tree_parse_streaming (text, strlen (text), "events", record_element, seen, &error);
  g_assert_no_error (error);
  g_assert_nonnull (tree);
  /* Each where the one before was (root 1, title 2, events 3): the one
   * before is forgotten */
  g_assert_cmpuint (seen->len, ==, 5);
  g_assert_cmpstr (g_ptr_array_index (seen, 0), ==, "4:1");
  g_assert_cmpstr (g_ptr_array_index (seen, 1), ==, "4:a");
  g_assert_cmpstr (g_ptr_array_index (seen, 2), ==, "4:x");
  g_assert_cmpstr (g_ptr_array_index (seen, 3), ==, "4:");
  g_assert_cmpstr (g_ptr_array_index (seen, 4), ==, "4:");
  /* Forgotten: the array is empty in the tree; the rest is there */
  g_assert_cmpuint (vecinos_json_tree_first (tree, vecinos_json_tree_member (tree, VECINOS_JSON_ROOT, "events")),
                    ==, VECINOS_JSON_NONE);
  g_assert_cmpstr (vecinos_json_tree_string (tree, vecinos_json_tree_member (tree, VECINOS_JSON_ROOT, "title")),
                   ==, "t");
  g_assert_cmpfloat (vecinos_json_tree_number (tree, vecinos_json_tree_first (tree, vecinos_json_tree_member (
                       tree, VECINOS_JSON_ROOT, "eras"))), ==, 3);

  /* Stopped by the element: cancelled */
  {
    char again[] = "{\"events\": [1, 2, 3]}";
    g_autoptr(VecinosJsonTree) stopped = NULL;
    g_autoptr(GError) stop_error = NULL;
    guint count = 0;

    stopped = vecinos_json_tree_parse_streaming (again, strlen (again), "events", stop_at_second, &count,
                                                 &stop_error);
    g_assert_null (stopped);
    g_assert_error (stop_error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_assert_cmpuint (count, ==, 2);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "en", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/timelinejs/json", test_json);
  g_test_add_func ("/timelinejs/html", test_html);
  g_test_add_func ("/timelinejs/csv-separators", test_csv_separators);
  g_test_add_func ("/timelinejs/csv-encodings", test_csv_encodings);
  g_test_add_func ("/timelinejs/not-a-timeline", test_not_a_timeline);
  g_test_add_func ("/timelinejs/import", test_import);
  g_test_add_func ("/timelinejs/before-the-common-era", test_before_the_common_era);
  g_test_add_func ("/timelinejs/import-limits", test_import_limits);
  g_test_add_func ("/timelinejs/language", test_language);
  g_test_add_func ("/timelinejs/images-noted", test_images_noted);
  g_test_add_func ("/timelinejs/csv-missing-column", test_csv_missing_column);
  g_test_add_func ("/timelinejs/nothing-read", test_nothing_read);
  g_test_add_func ("/timelinejs/round-trip", test_round_trip);
  g_test_add_func ("/timelinejs/import-large", test_import_large);
  g_test_add_func ("/timelinejs/import-fails-late", test_import_fails_late);
  g_test_add_func ("/timelinejs/json-streaming", test_json_streaming);
  return g_test_run ();
}
