/* vecinos-timelinejs.c — a teacher's TimelineJS timeline read into a
 * Vecinos dataset
 *
 * TimelineJS (https://timeline.knightlab.com) keeps a timeline as JSON or
 * as a spreadsheet from its template, which teachers export as CSV
 * (vecinos-timelinejs-csv.c). Either is read here into a VecinosTimeline:
 * its events with dates as precise as the file gives them, their text with
 * the HTML reduced to plain paragraphs, their groups, media and eras. What
 * cannot be read is skipped and listed with where it is and why; nothing
 * is dropped silently. A file imported is read as it is inserted: each
 * event is handed to the importer as soon as it is read
 * (vecinos-timelinejs-dataset.c), and the pages of the file already read
 * are given back, so that a timeline of any length is imported in the
 * same memory.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "vecinos-i18n.h"
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#ifdef G_OS_UNIX
#include <sys/mman.h>
#include <unistd.h>
#endif

#include "vecinos-importer.h"
#include "vecinos-importer-private.h"
#include "vecinos-timelinejs-private.h"
#include "vecinos-uri.h"

G_DEFINE_QUARK (vecinos-timeline-error-quark, vecinos_timeline_error)

static void
problem_free (VecinosTimelineProblem *problem)
{
  g_free (problem->location);
  g_free (problem->reason);
  g_free (problem);
}

void
_vecinos_timeline_free_event (VecinosTimelineEvent *event)
{
  g_free (event->headline);
  g_free (event->text);
  g_free (event->group);
  g_free (event->media_url);
  g_free (event->media_credit);
  g_free (event->media_caption);
  g_free (event->location);
  g_free (event);
}

static void
era_free (VecinosTimelineEra *era)
{
  g_free (era->headline);
  g_free (era);
}

VecinosTimeline *
_vecinos_timeline_new (void)
{
  VecinosTimeline *timeline = g_new0 (VecinosTimeline, 1);

  timeline->events = g_ptr_array_new_with_free_func ((GDestroyNotify) _vecinos_timeline_free_event);
  timeline->eras = g_ptr_array_new_with_free_func ((GDestroyNotify) era_free);
  timeline->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) problem_free);
  return timeline;
}

void
vecinos_timeline_free (VecinosTimeline *timeline)
{
  if (timeline == NULL)
    return;
  g_free (timeline->title);
  g_ptr_array_unref (timeline->events);
  g_ptr_array_unref (timeline->eras);
  g_ptr_array_unref (timeline->problems);
  g_free (timeline);
}

void
_vecinos_timeline_add_problem (VecinosTimeline *timeline,
                               char            *location,
                               const char      *reason)
{
  VecinosTimelineProblem *problem = g_new0 (VecinosTimelineProblem, 1);

  problem->location = location;
  problem->reason = g_strdup (reason);
  g_ptr_array_add (timeline->problems, problem);
}

/* The text of a field, trimmed; NULL when it is empty */
char *
_vecinos_timeline_field (const char *text)
{
  g_autofree char *copy = NULL;

  if (text == NULL)
    return NULL;
  copy = g_strstrip (g_strdup (text));
  return *copy != '\0' ? g_steal_pointer (&copy) : NULL;
}

static gboolean
parse_part (const char *text,
            gint64      min,
            gint64      max,
            gint64     *value)
{
  return g_ascii_string_to_signed (text, 10, min, max, value, NULL);
}

/**
 * _vecinos_timeline_make_date:
 * @year: (nullable): the year as the file gives it
 * @month: (nullable): 1 to 12, or empty
 * @day: (nullable): 1 to 31, or empty
 * @reason: (out): why there is no date, when there is none
 *
 * A date exactly as precise as the file gives it: a year stays a year.
 * Returns: whether @date was set
 */
gboolean
_vecinos_timeline_make_date (const char   *year,
                             const char   *month,
                             const char   *day,
                             VecinosDate  *date,
                             const char  **reason)
{
  g_autofree char *y = _vecinos_timeline_field (year);
  g_autofree char *m = _vecinos_timeline_field (month);
  g_autofree char *d = _vecinos_timeline_field (day);
  gint64 value;

  if (y == NULL)
    return *reason = _("it has no year"), FALSE;
  if (!parse_part (y, G_MININT32, G_MAXINT32, &value))
    return *reason = _("its year is not a whole number"), FALSE;
  /* A year before the common era is negative, as TimelineJS writes it:
   * −500 is 500 BCE, and −1 (1 BCE) comes just before 1 */
  if (value == 0)
    return *reason = _("its year is 0, which no calendar has (1 BCE is −1)"), FALSE;
  if (value < VECINOS_DATE_FIRST_YEAR)
    return *reason = _("its year is before 9999 BCE"), FALSE;
  if (value > VECINOS_DATE_LAST_YEAR)
    return *reason = _("its year is after 9999"), FALSE;
  date->year = (int) value;
  date->month = date->day = 1;
  date->precision = VECINOS_DATE_PRECISION_YEAR;
  if (m == NULL)
    return d == NULL ? TRUE : (*reason = _("it has a day but no month"), FALSE);
  if (!parse_part (m, 1, 12, &value))
    return *reason = _("its month is not a number from 1 to 12"), FALSE;
  date->month = (int) value;
  date->precision = VECINOS_DATE_PRECISION_MONTH;
  if (d == NULL)
    return TRUE;
  if (!parse_part (d, 1, 31, &value))
    return *reason = _("its day is not a number from 1 to 31"), FALSE;
  date->day = (int) value;
  date->precision = VECINOS_DATE_PRECISION_DAY;
  if (!vecinos_date_is_valid (date))
    return *reason = _("that day does not exist in that month"), FALSE;
  return TRUE;
}

/* --- The language a timeline is written in --- */

/* Short words frequent in one language and not words of the other */
static const char * const english_words[] = {
  "the", "of", "and", "to", "in", "is", "was", "for", "on", "with", "by", "that", "from", "as", "at", "were",
  "which", "this", "after", "his", "her", "their", "first", "new", NULL
};
static const char * const spanish_words[] = {
  "de", "la", "el", "los", "las", "y", "en", "del", "que", "por", "con", "para", "una", "se", "al", "su",
  "es", "fue", "sus", "como", "primer", "primera", "nueva", "entre", NULL
};

static void
count_words (const char *text,
             guint      *english,
             guint      *spanish)
{
  const char *p = text;

  while (p != NULL && *p != '\0')
    {
      char word[12];
      gsize length = 0;

      while (*p != '\0' && !g_ascii_isalpha (*p))
        p++;
      while (g_ascii_isalpha (*p) || (guchar) *p >= 0x80)
        {
          if (length < sizeof word - 1)
            word[length] = g_ascii_tolower (*p);
          length++;
          p++;
        }
      if (length == 0 || length >= sizeof word)
        continue;
      word[length] = '\0';
      *english += g_strv_contains (english_words, word);
      *spanish += g_strv_contains (spanish_words, word);
    }
}

/**
 * _vecinos_timeline_count_language:
 *
 * Counts the short words of @event's texts, if it is one of those read:
 * every event of the first thousand, then fewer and fewer (one in two of
 * the next thousand, one in four of the next two thousand, …), so that a
 * timeline of any length is read from events spread over it, and a
 * million from about six thousand.
 */
void
_vecinos_timeline_count_language (VecinosLanguageCount       *count,
                                  const VecinosTimelineEvent *event)
{
  guint n = count->seen++;

  if (n >= 1000 && n % (1u << g_bit_storage (n / 1000)) != 0)
    return;
  count_words (event->headline, &count->english, &count->spanish);
  count_words (event->text, &count->english, &count->spanish);
}

/**
 * _vecinos_timeline_language_counted:
 * @title: (nullable): the timeline's title, whose words count too
 *
 * Returns: (nullable): "en" or "es", or %NULL when the words counted do
 *   not say clearly (too few, or both languages)
 */
const char *
_vecinos_timeline_language_counted (const VecinosLanguageCount *count,
                                    const char                 *title)
{
  guint english = count->english, spanish = count->spanish;

  count_words (title, &english, &spanish);
  /* Clearly: at least five such words, and twice as many of one */
  if (english + spanish < 5)
    return NULL;
  if (spanish >= 2 * english)
    return "es";
  if (english >= 2 * spanish)
    return "en";
  return NULL;
}

/**
 * vecinos_timeline_guess_language:
 *
 * Reads the language of @timeline's texts from its most frequent short
 * words ("the", "of" against "de", "la"): an imported timeline is written
 * in one language.
 *
 * Returns: (nullable): "en" or "es", or %NULL when the texts do not say
 *   clearly (too few words, or both languages)
 */
const char *
vecinos_timeline_guess_language (VecinosTimeline *timeline)
{
  VecinosLanguageCount count = { 0 };

  g_return_val_if_fail (timeline != NULL, NULL);

  for (guint i = 0; i < timeline->events->len; i++)
    _vecinos_timeline_count_language (&count, g_ptr_array_index (timeline->events, i));
  return _vecinos_timeline_language_counted (&count, timeline->title);
}

/* --- HTML: reduced to what Vecinos shows --- */

static const char * const dropped_elements[] = {
  "script", "style", "iframe", "object", "embed", "template", "noscript", "svg", "math", "head", "title",
  "textarea", "select", NULL
};

/* Appends text, one space for any run of white space (as HTML shows it) */
static void
append_text (GString    *out,
             const char *text,
             gsize       length)
{
  for (gsize i = 0; i < length; i++)
    {
      if (g_ascii_isspace (text[i]))
        {
          if (out->len > 0 && out->str[out->len - 1] != ' ' && out->str[out->len - 1] != '\n')
            g_string_append_c (out, ' ');
        }
      else
        g_string_append_c (out, text[i]);
    }
}

static void
break_line (GString *out,
            guint    newlines)
{
  while (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);
  if (out->len == 0)
    return;
  for (guint have = 0; have < newlines; have++)
    if (out->len < have + 1 || out->str[out->len - 1 - have] != '\n')
      {
        for (guint i = have; i < newlines; i++)
          g_string_append_c (out, '\n');
        return;
      }
}

/* &amp; &#233; &#xE9; … as characters; an unknown or invalid one as it is */
static gsize
append_entity (GString    *out,
               const char *p)
{
  static const struct { const char *name; const char *text; } named[] = {
    { "amp", "&" }, { "lt", "<" }, { "gt", ">" }, { "quot", "\"" }, { "apos", "'" }, { "nbsp", " " },
    { "ndash", "–" }, { "mdash", "—" }, { "hellip", "…" }, { "laquo", "«" }, { "raquo", "»" },
    { "lsquo", "‘" }, { "rsquo", "’" }, { "ldquo", "“" }, { "rdquo", "”" },
  };
  const char *end = strchr (p, ';');
  gsize length;

  if (end == NULL || (length = end - p - 1) == 0 || length > 10)
    return g_string_append_c (out, '&'), 1;
  if (p[1] == '#')
    {
      gboolean hex = p[2] == 'x' || p[2] == 'X';
      g_autofree char *digits = g_strndup (p + (hex ? 3 : 2), end - p - (hex ? 3 : 2));
      guint64 value;

      if (g_ascii_string_to_unsigned (digits, hex ? 16 : 10, 1, 0x10FFFF, &value, NULL) &&
          g_unichar_validate ((gunichar) value) && value != 0)
        {
          /* Control characters other than the line's own become a space */
          g_string_append_unichar (out, g_unichar_iscntrl ((gunichar) value) ? ' ' : (gunichar) value);
          return end - p + 1;
        }
      return g_string_append_c (out, '&'), 1;
    }
  for (guint i = 0; i < G_N_ELEMENTS (named); i++)
    if (strlen (named[i].name) == length && strncmp (p + 1, named[i].name, length) == 0)
      {
        g_string_append (out, named[i].text);
        return end - p + 1;
      }
  return g_string_append_c (out, '&'), 1;
}

static char *
decode_entities (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0';)
    {
      if (*p == '&')
        p += append_entity (out, p);
      else
        g_string_append_c (out, *p++);
    }
  return g_string_free (out, FALSE);
}

/* The value of attribute @name in a tag's text, unquoted, its entities
 * decoded; NULL if none */
static char *
tag_attribute (const char *tag,
               gsize       length,
               const char *name)
{
  g_autofree char *lower = g_ascii_strdown (tag, length);
  g_autofree char *pattern = g_strconcat (name, "=", NULL);
  const char *found = lower;

  while ((found = strstr (found, pattern)) != NULL)
    {
      if (found > lower && (g_ascii_isspace (found[-1])))
        {
          const char *value = tag + (found - lower) + strlen (pattern);
          char quote = *value == '"' || *value == '\'' ? *value : '\0';
          const char *start = quote ? value + 1 : value;
          const char *end = start;

          g_autofree char *raw = NULL;

          while (end < tag + length && (quote ? *end != quote : !g_ascii_isspace (*end) && *end != '>'))
            end++;
          raw = g_strndup (start, end - start);
          return decode_entities (raw);
        }
      found += strlen (pattern);
    }
  return NULL;
}

/**
 * vecinos_timeline_reduce_html:
 * @html: a TimelineJS text, HTML
 *
 * Reduces @html to what Vecinos shows: plain text in paragraphs and lines;
 * a link's text followed by its address in parentheses when it is a web or
 * e-mail address (vecinos-uri.c), its text alone otherwise; bold, italics,
 * quotations and their citations keep their words. Scripts, styles and
 * every other element's content are dropped, never interpreted; attributes
 * are never kept. The result is text, not markup.
 *
 * Returns: (transfer full): valid UTF-8
 */
char *
vecinos_timeline_reduce_html (const char *html)
{
  GString *out = g_string_new (NULL);
  g_autofree char *href = NULL;
  gsize link_start = 0;
  const char *p;

  g_return_val_if_fail (html != NULL, NULL);

  p = html;
  while (*p != '\0')
    {
      if (*p == '&')
        p += append_entity (out, p);
      else if (*p == '<')
        {
          const char *close = strchr (p, '>');
          gboolean end_tag = p[1] == '/';
          const char *name_start = p + (end_tag ? 2 : 1);
          gsize name_length = 0;
          g_autofree char *name = NULL;

          if (close == NULL)
            break;
          if (g_str_has_prefix (p, "<!--"))
            {
              const char *comment_end = strstr (p, "-->");

              p = comment_end != NULL ? comment_end + 3 : p + strlen (p);
              continue;
            }
          while (g_ascii_isalnum (name_start[name_length]))
            name_length++;
          name = g_ascii_strdown (name_start, name_length);

          if (!end_tag && g_strv_contains (dropped_elements, name))
            {
              /* Up to its end tag, content and all */
              g_autofree char *lower = g_ascii_strdown (close, -1);
              g_autofree char *closing = g_strconcat ("</", name, NULL);
              const char *found = strstr (lower, closing);

              if (found == NULL)
                break;
              p = close + (found - lower);
              p = strchr (p, '>') != NULL ? strchr (p, '>') + 1 : p + strlen (p);
              continue;
            }
          if (g_strv_contains ((const char * const[]) { "p", "div", "blockquote", "h1", "h2", "h3", "h4",
                                                          "h5", "h6", "ul", "ol", "table", "tr", NULL }, name))
            break_line (out, 2);
          else if (g_str_equal (name, "br"))
            break_line (out, 1);
          else if (g_str_equal (name, "li") && !end_tag)
            {
              break_line (out, 1);
              g_string_append (out, "• ");
            }
          else if (g_str_equal (name, "a") && !end_tag)
            {
              g_free (href);
              href = tag_attribute (p, close - p, "href");
              link_start = out->len;
            }
          else if (g_str_equal (name, "a") && end_tag && href != NULL)
            {
              g_autofree char *shown = g_strndup (out->str + link_start, out->len - link_start);

              if (vecinos_uri_is_openable (href) && strstr (shown, href) == NULL)
                g_string_append_printf (out, " (%s)", href);
              g_clear_pointer (&href, g_free);
            }
          p = close + 1;
        }
      else
        {
          gsize run = strcspn (p, "&<");

          append_text (out, p, run);
          p += run;
        }
    }
  g_strstrip (out->str);
  out->len = strlen (out->str);
  if (!g_utf8_validate (out->str, -1, NULL))
    {
      char *valid = g_utf8_make_valid (out->str, -1);

      g_string_free (out, TRUE);
      return valid;
    }
  return g_string_free (out, FALSE);
}

/* Headline and text, reduced: the headline to one line */
void
_vecinos_timeline_set_texts (const char  *headline,
                             const char  *text,
                             char       **headline_out,
                             char       **text_out)
{
  g_autofree char *title = headline != NULL ? vecinos_timeline_reduce_html (headline) : NULL;

  if (title != NULL)
    g_strdelimit (title, "\n", ' ');
  *headline_out = title != NULL && *title != '\0' ? g_steal_pointer (&title) : NULL;
  *text_out = text != NULL ? vecinos_timeline_reduce_html (text) : g_strdup ("");
}

void
_vecinos_timeline_set_media (VecinosTimelineEvent *event,
                             const char           *url,
                             const char           *credit,
                             const char           *caption)
{
  g_autofree char *field = _vecinos_timeline_field (url);
  /* A spreadsheet's address may have spaces or accents: written %XX, as
   * a browser sends them */
  g_autofree char *address = field != NULL ? g_uri_escape_string (field, "!#$&'()*+,/:;=?@[]~%", FALSE) : NULL;

  /* Only an address Vecinos may open becomes a source link */
  event->media_url = address != NULL && vecinos_uri_is_openable (address) && !g_str_has_prefix (address, "mailto:")
                     ? g_steal_pointer (&address) : NULL;
  event->media_credit = credit != NULL ? vecinos_timeline_reduce_html (credit) : NULL;
  event->media_caption = caption != NULL ? vecinos_timeline_reduce_html (caption) : NULL;
}

/* An event without a headline takes its text's first line, cut; one with
 * neither is not an event */
gboolean
_vecinos_timeline_finish_event (VecinosTimeline      *timeline,
                                VecinosTimelineEvent *event,
                                char                 *location)
{
  if (event->headline == NULL && event->text != NULL && *event->text != '\0')
    {
      g_autofree char *line = g_strndup (event->text, strcspn (event->text, "\n"));

      if (g_utf8_strlen (line, -1) > 80)
        {
          g_autofree char *cut = g_utf8_substring (line, 0, 79);

          event->headline = g_strconcat (cut, "…", NULL);
        }
      else
        event->headline = g_steal_pointer (&line);
    }
  if (event->headline == NULL)
    {
      _vecinos_timeline_add_problem (timeline, location, _("it has neither a headline nor a text"));
      _vecinos_timeline_free_event (event);
      return FALSE;
    }
  /* An end the same as the start says nothing more ("February 1913 –
   * February 1913") */
  if (event->has_end && event->end.precision == event->start.precision &&
      vecinos_date_first_day (&event->end) == vecinos_date_first_day (&event->start))
    event->has_end = FALSE;
  if (event->has_end && vecinos_date_last_day (&event->end) < vecinos_date_first_day (&event->start))
    {
      _vecinos_timeline_add_problem (timeline, location, _("it ends before it starts"));
      _vecinos_timeline_free_event (event);
      return FALSE;
    }
  event->location = location;
  if (timeline->take_event == NULL)
    g_ptr_array_add (timeline->events, event);
  else if (!timeline->take_event (event, timeline->take_data))
    timeline->stopped = TRUE;
  return TRUE;
}

/* Pages given back at a time: a few megabytes, not a page per event */
#define RELEASE_STEP (8 * 1024 * 1024)

static void
release_pages (const char *from,
               const char *to)
{
#ifdef G_OS_UNIX
  gsize page = (gsize) sysconf (_SC_PAGESIZE);
  guintptr start = ((guintptr) from + page - 1) / page * page;
  guintptr end = (guintptr) to / page * page;

  /* A private mapping's pages read again are the file's: nothing before
   * @to is read again */
  if (end > start)
    madvise ((void *) start, end - start, MADV_DONTNEED);
#endif
}

/**
 * _vecinos_timeline_release:
 * @upto: where the reader is in the text
 *
 * Gives back the pages of the mapped file between timeline->release_from
 * and @upto, once they are a few megabytes; nothing when the text is not
 * a mapped file or the reader has not said from where.
 */
void
_vecinos_timeline_release (VecinosTimeline *timeline,
                           const char      *upto)
{
  if (!timeline->releasable || timeline->release_from == NULL || upto < timeline->release_from + RELEASE_STEP)
    return;
  release_pages (timeline->release_from, upto);
  timeline->release_from = upto;
}

/**
 * _vecinos_timeline_check_text:
 * @has_nul: (out): whether @text holds a NUL byte
 *
 * Reads @text once, a few megabytes at a time, given back when read if
 * the text is a mapped file.
 *
 * Returns: whether @text is UTF-8
 */
gboolean
_vecinos_timeline_check_text (VecinosTimeline *timeline,
                              const char      *text,
                              gsize            length,
                              gboolean        *has_nul)
{
  gboolean utf8 = TRUE;
  gsize done = 0;

  *has_nul = FALSE;
  while (done < length)
    {
      gsize n = MIN (length - done, RELEASE_STEP);
      const char *end;

      *has_nul = *has_nul || memchr (text + done, '\0', n) != NULL;
      /* A character cut by the chunk's end is read with the next */
      if (utf8 && !g_utf8_validate_len (text + done, n, &end))
        {
          if (done + n < length && text + done + n - end < 4)
            n = end - (text + done);
          else
            utf8 = FALSE;
        }
      if (n == 0)
        utf8 = FALSE, n = MIN (length - done, RELEASE_STEP);
      if (timeline->releasable)
        release_pages (text + done, text + done + n);
      done += n;
    }
  return utf8;
}

void
_vecinos_timeline_add_era (VecinosTimeline *timeline,
                           VecinosDate     *start,
                           VecinosDate     *end,
                           const char      *headline,
                           char            *location)
{
  VecinosTimelineEra *era;
  g_autofree char *title = NULL;
  g_autofree char *unused = NULL;

  _vecinos_timeline_set_texts (headline, NULL, &title, &unused);
  if (vecinos_date_last_day (end) < vecinos_date_first_day (start))
    {
      _vecinos_timeline_add_problem (timeline, location, _("the era ends before it starts"));
      return;
    }
  g_free (location);
  era = g_new0 (VecinosTimelineEra, 1);
  era->start = *start;
  era->end = *end;
  era->headline = title != NULL ? g_steal_pointer (&title) : g_strdup ("");
  g_ptr_array_add (timeline->eras, era);
}

/**
 * _vecinos_timeline_read_into:
 * @timeline: a new timeline, whose events may be handed on as they are
 *   read (take_event)
 * @text: (nullable): the file's text; written to when @writable (JSON's
 *   texts are decoded where they are), copied first when not
 *
 * Reads TimelineJS JSON or the TimelineJS spreadsheet as CSV, whichever
 * @text is (JSON starts with “{”), into @timeline.
 */
gboolean
_vecinos_timeline_read_into (VecinosTimeline  *timeline,
                             char             *text,
                             gsize             length,
                             gboolean          writable,
                             GError          **error)
{
  gsize start = length >= 3 && memcmp (text, "\xef\xbb\xbf", 3) == 0 ? 3 : 0;
  gboolean ok;

  while (start < length && g_ascii_isspace (text[start]))
    start++;
  if (start < length && text[start] == '{')
    {
      g_autofree char *copy = writable ? NULL : g_memdup2 (text + start, length - start);

      ok = _vecinos_timeline_read_json (timeline, writable ? text + start : copy, length - start, error);
    }
  else
    ok = _vecinos_timeline_read_csv (timeline, text, length, error);

  /* Vecinos shows no pictures, and dates as they are: said once, not on
   * every slide */
  if (ok && timeline->n_images > 0)
    {
      g_autofree char *reason = g_strdup_printf (dngettext (GETTEXT_PACKAGE,
                                                            "%u slide has a display date, a background or a "
                                                            "thumbnail, which Vecinos does not show (it shows "
                                                            "the date itself)",
                                                            "%u slides have a display date, a background or a "
                                                            "thumbnail, which Vecinos does not show (it shows "
                                                            "the date itself)", timeline->n_images),
                                                 timeline->n_images);

      _vecinos_timeline_add_problem (timeline, g_strdup (_("the whole timeline")), reason);
      ((VecinosTimelineProblem *) g_ptr_array_index (timeline->problems, timeline->problems->len - 1))->note = TRUE;
    }
  return ok;
}

/**
 * vecinos_timeline_read:
 *
 * Reads TimelineJS JSON or the TimelineJS spreadsheet as CSV, whichever
 * @text is (JSON starts with “{”).
 */
VecinosTimeline *
vecinos_timeline_read (const char  *text,
                       gsize        length,
                       GError     **error)
{
  g_autoptr(VecinosTimeline) timeline = _vecinos_timeline_new ();

  if (!_vecinos_timeline_read_into (timeline, (char *) text, length, FALSE, error))
    return NULL;
  return g_steal_pointer (&timeline);
}
