/* fuzz-dataset.c — any bytes as a dataset file
 *
 * The input is written to a file and opened as `vecinos --dataset` opens
 * one (vecinos_dataset_new_for_file()). A refusal must come with a message.
 * An accepted file goes through every query of the model as the window
 * makes them — events, their sources, excerpts and series; terms,
 * categories, source organisations, the series list and each series (as
 * it is, per person and as an index), documents and their excerpts, a
 * search — and is drawn offscreen as the window would draw it: each chart
 * onto a Cairo image surface (vecinos_chart_draw()) and the timeline's
 * layout (vecinos-timeline-layout.h: marks, clusters, labels) and time
 * axis. The GTK timeline widget itself needs a display, so its painting is
 * not fuzzed here; the layout it paints from is.
 *
 * Checked on the way: text the model documents as always there (titles,
 * slugs, names, colours) is never NULL — a NULL in the database must become
 * an empty string or a skipped record — and every refusal has a message.
 *
 * The work per input is bounded (MAX_RECORDS of each kind) so that the
 * fuzzer keeps its pace on large files. Set G_DEBUG=fatal-criticals to
 * count a GLib critical as a crash too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>
#include <stdio.h>
#include <unistd.h>

#include "fuzz-input.h"
#include "vecinos-chart-draw.h"
#include "vecinos-chart-load.h"
#include "vecinos-event.h"
#include "vecinos-event-list.h"
#include "vecinos-search.h"
#include "vecinos-timeline-layout.h"

#define MAX_RECORDS 24
#define MAX_CHARTS 6
#define CHART_WIDTH 640
#define CHART_HEIGHT 360

/* As the timeline view lays its marks out (vecinos-timeline-view.c) */
#define MIN_GAP 20.0
#define CLUSTER_GAP 30.0
#define LABEL_GAP 6.0
#define TIMELINE_WIDTH 1200.0

static char *dataset_path;
static PangoContext *pango_context;

#define CHECK_TEXT(text, what) \
  FUZZ_CHECK ((text) != NULL, "%s is NULL", what)

static void
remove_dataset (void)
{
  if (dataset_path != NULL)
    g_unlink (dataset_path);
}

static void
init (void)
{
  int fd;

  if (dataset_path != NULL)
    return;

  fd = g_file_open_tmp ("vecinos-fuzz-XXXXXX.sqlite", &dataset_path, NULL);
  if (fd < 0)
    {
      g_printerr ("fuzz-dataset: cannot make a temporary file\n");
      abort ();
    }
  close (fd);
  atexit (remove_dataset);
  pango_context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
}

static gboolean
write_dataset (const uint8_t *data,
               size_t         size)
{
  FILE *file = fopen (dataset_path, "wb");
  gboolean ok;

  if (file == NULL)
    return FALSE;
  ok = fwrite (data, 1, size, file) == size;
  return fclose (file) == 0 && ok;
}

static void
check_error (GError     *error,
             const char *what)
{
  FUZZ_CHECK (error != NULL, "%s failed without an error", what);
  FUZZ_CHECK (error->message != NULL && *error->message != '\0' && g_utf8_validate (error->message, -1, NULL),
              "%s failed without a message", what);
}

/* One chart as the Charts view draws it, on an image surface */
static void
draw_chart (const VecinosSeries     *series,
            const VecinosSeries     *compare,
            GPtrArray               *terms,
            GListModel              *events,
            gboolean                 shared_axis,
            gboolean                 log_scale)
{
  g_autoptr(GArray) chart_events = vecinos_chart_events_for_category (events, series->category);
  VecinosChart chart = {
    .series = series,
    .terms = terms,
    .events = (const VecinosChartEvent *) chart_events->data,
    .n_events = chart_events->len,
    .compare = compare,
    .shared_axis = shared_axis,
    .log_scale = log_scale,
    .background = TRUE,
  };
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, CHART_WIDTH, CHART_HEIGHT);
  cairo_t *cr = cairo_create (surface);
  VecinosChartScale scales[2];

  if (series->points->len > 0)
    {
      chart.focus_year = g_array_index (series->points, VecinosPoint, 0).year;
      chart.hover_year = g_array_index (series->points, VecinosPoint, series->points->len - 1).year;
    }
  pango_cairo_update_context (cr, pango_context);
  vecinos_chart_draw (cr, pango_context, &chart, CHART_WIDTH, CHART_HEIGHT, scales);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
read_series (VecinosSeries *series)
{
  g_autofree char *description = NULL;
  g_autofree char *citation = NULL;

  CHECK_TEXT (series->slug, "a series' slug");
  CHECK_TEXT (series->name, "a series' name");
  CHECK_TEXT (series->unit, "a series' unit");
  CHECK_TEXT (series->unit_kind, "a series' unit kind");
  CHECK_TEXT (series->category, "a series' category");
  CHECK_TEXT (series->color, "a series' colour");

  vecinos_series_summarise (series);
  description = vecinos_series_describe (series);
  citation = vecinos_series_format_citation (series);
  for (guint i = 0; i < MIN (series->points->len, MAX_RECORDS); i++)
    {
      const VecinosPoint *point = &g_array_index (series->points, VecinosPoint, i);

      g_free (vecinos_series_format_year (series, point->year));
      g_free (vecinos_format_value (point->value, series->unit_kind, series->unit));
      FUZZ_CHECK (vecinos_series_find_point (series, point->year) != NULL, "point %d not found", point->year);
    }
}

/* The Charts view's choices for one series: as it is, compared with
 * another, per person, as an index, on a logarithmic axis */
static void
fuzz_charts (VecinosDataset *dataset,
             const char     *lang,
             GPtrArray      *terms,
             GListModel     *events)
{
  g_autoptr(GPtrArray) refs = vecinos_dataset_list_series (dataset, lang);
  guint charts = 0;

  for (guint i = 0; i < MIN (refs->len, MAX_RECORDS); i++)
    {
      VecinosSeriesRef *ref = g_ptr_array_index (refs, i);
      const char *other = refs->len > 1 ? ((VecinosSeriesRef *) g_ptr_array_index (refs, (i + 1) % refs->len))->slug : NULL;
      g_autoptr(VecinosSeries) series = NULL;
      g_autoptr(VecinosSeries) compare = NULL;
      g_autoptr(GError) error = NULL;

      CHECK_TEXT (ref->slug, "a series' slug in the list");
      CHECK_TEXT (ref->name, "a series' name in the list");
      CHECK_TEXT (ref->category, "a series' category in the list");
      CHECK_TEXT (ref->category_name, "a series' category name in the list");

      series = vecinos_dataset_get_series (dataset, ref->slug, lang, &error);
      if (series == NULL)
        {
          check_error (error, "vecinos_dataset_get_series");
          continue;
        }
      read_series (series);
      if (charts++ >= MAX_CHARTS)
        continue;

      draw_chart (series, NULL, terms, events, FALSE, FALSE);
      if (vecinos_chart_can_log (series, NULL))
        draw_chart (series, NULL, terms, events, FALSE, TRUE);

      for (VecinosChartFlags flags = 0; flags <= (VECINOS_CHART_PER_PERSON | VECINOS_CHART_INDEX); flags++)
        {
          g_autoptr(VecinosSeries) shown = NULL;
          g_autoptr(VecinosSeries) shown_compare = NULL;

          g_clear_error (&error);
          if (!vecinos_chart_load (dataset, lang, ref->slug, flags % 2 ? other : NULL, flags,
                                   &shown, &shown_compare, &error))
            {
              check_error (error, "vecinos_chart_load");
              continue;
            }
          draw_chart (shown, shown_compare, terms, events, (flags & VECINOS_CHART_INDEX) != 0, FALSE);
        }
      g_clear_error (&error);
      if (other != NULL && (compare = vecinos_dataset_get_series (dataset, other, lang, &error)) != NULL &&
          vecinos_chart_can_log (series, compare))
        draw_chart (series, compare, terms, events, FALSE, TRUE);
    }
}

static void
read_excerpts (GPtrArray  *excerpts,
               const char *context)
{
  for (guint i = 0; i < MIN (excerpts->len, MAX_RECORDS); i++)
    {
      VecinosExcerpt *excerpt = g_ptr_array_index (excerpts, i);
      g_autofree char *attribution = NULL;
      g_autofree char *quotation = NULL;
      g_autofree char *translated = NULL;

      CHECK_TEXT (excerpt->slug, context);
      CHECK_TEXT (excerpt->text, context);
      CHECK_TEXT (excerpt->document_slug, context);
      CHECK_TEXT (excerpt->document_title, context);
      CHECK_TEXT (excerpt->publisher, context);
      attribution = vecinos_excerpt_format_attribution (excerpt);
      quotation = vecinos_excerpt_format_quotation (excerpt, FALSE);
      translated = vecinos_excerpt_format_quotation (excerpt, TRUE);

      for (guint c = 0; excerpt->claims != NULL && c < MIN (excerpt->claims->len, MAX_RECORDS); c++)
        {
          VecinosClaim *claim = g_ptr_array_index (excerpt->claims, c);
          g_autofree char *comparison = NULL;

          CHECK_TEXT (claim->text, "a claim's text");
          comparison = vecinos_claim_format_comparison (claim);
        }
      for (guint r = 0; excerpt->events != NULL && r < excerpt->events->len; r++)
        {
          CHECK_TEXT (((VecinosSeriesRef *) g_ptr_array_index (excerpt->events, r))->slug, "an excerpt's event");
          CHECK_TEXT (((VecinosSeriesRef *) g_ptr_array_index (excerpt->events, r))->name, "an excerpt's event title");
        }
      for (guint r = 0; excerpt->series != NULL && r < excerpt->series->len; r++)
        {
          CHECK_TEXT (((VecinosSeriesRef *) g_ptr_array_index (excerpt->series, r))->slug, "an excerpt's series");
          CHECK_TEXT (((VecinosSeriesRef *) g_ptr_array_index (excerpt->series, r))->name, "an excerpt's series name");
        }
    }
}

/* The timeline as the view lays it out: every event a mark in its
 * category's row, the view fitted to all of them, then zoomed in */
static void
fuzz_timeline (GListModel *events,
               GPtrArray  *categories,
               GPtrArray  *terms)
{
  guint n = g_list_model_get_n_items (events);
  g_autofree VecinosTimelineItem *items = g_new0 (VecinosTimelineItem, MAX (n, 1));
  g_autoptr(VecinosTimelineLayout) layout = NULL;
  g_autoptr(GArray) marks = g_array_new (FALSE, FALSE, sizeof (VecinosTimelineMark));
  g_autoptr(GArray) ticks = NULL;
  g_autofree double *widths = NULL;
  g_autofree gboolean *shown = NULL;
  VecinosTimeScale scale = { 0, 0, TIMELINE_WIDTH };
  double first = G_MAXDOUBLE, last = -G_MAXDOUBLE, margin, anchor;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VecinosEvent) event = g_list_model_get_item (events, i);
      const VecinosDate *end = vecinos_event_get_end (event);
      guint row = 0;

      for (guint r = 0; r < categories->len; r++)
        if (g_str_equal (((VecinosCategory *) g_ptr_array_index (categories, r))->slug,
                         vecinos_event_get_category (event)))
          row = r;
      items[i] = (VecinosTimelineItem) {
        vecinos_date_first_day (vecinos_event_get_start (event)),
        end != NULL ? vecinos_date_last_day (end) : vecinos_date_first_day (vecinos_event_get_start (event)),
        row,
        vecinos_event_get_importance (event),
      };
      first = MIN (first, items[i].start);
      last = MAX (last, items[i].end);
    }
  for (guint t = 0; t < terms->len; t++)
    {
      VecinosTerm *term = g_ptr_array_index (terms, t);

      CHECK_TEXT (term->slug, "a term's slug");
      CHECK_TEXT (term->person, "a term's person");
      CHECK_TEXT (term->short_name, "a term's short name");
      CHECK_TEXT (term->party, "a term's party");
    }
  if (n == 0)
    return;

  layout = vecinos_timeline_layout_new (items, n, MAX (categories->len, 1));
  margin = MAX ((last - first) * 0.03, VECINOS_TIME_SCALE_MIN_SPAN);
  scale.start = first - margin;
  scale.end = last + margin;
  vecinos_time_scale_zoom (&scale, 1.0, 0);
  vecinos_timeline_layout_compute (layout, &scale, MIN_GAP, CLUSTER_GAP, marks);

  widths = g_new (double, marks->len + 1);
  shown = g_new (gboolean, marks->len + 1);
  for (guint m = 0; m < marks->len; m++)
    {
      VecinosTimelineMark *mark = &g_array_index (marks, VecinosTimelineMark, m);

      FUZZ_CHECK (mark->count >= 1 && mark->first + mark->count <= n,
                  "timeline mark %u: items %u + %u of %u", m, mark->first, mark->count, n);
      FUZZ_CHECK (mark->row < MAX (categories->len, 1), "timeline mark %u: row %u", m, mark->row);
      widths[m] = 40 + 10 * (m % 7);
    }
  vecinos_timeline_layout_place_labels (marks, widths, LABEL_GAP, TIMELINE_WIDTH, shown);

  ticks = vecinos_time_scale_ticks (&scale, 110);
  for (guint t = 0; t < ticks->len; t++)
    g_free (vecinos_tick_format (&g_array_index (ticks, VecinosTick, t)));

  /* Zoomed in on the first event, then drawn from the zoom's anchor as the
   * view's row images are */
  vecinos_time_scale_zoom (&scale, 64, vecinos_time_scale_to_x (&scale, items[0].start));
  anchor = vecinos_timeline_layout_anchor (&scale, MIN_GAP);
  g_array_set_size (marks, 0);
  vecinos_timeline_layout_compute_from (layout, &scale, MIN_GAP, CLUSTER_GAP, anchor, marks);
}

static void
fuzz_events (VecinosDataset *dataset,
             const char     *lang,
             GListModel     *events,
             GPtrArray      *categories)
{
  g_autoptr(GHashTable) titles = g_hash_table_new (g_str_hash, g_str_equal);
  guint n = g_list_model_get_n_items (events);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VecinosEvent) event = g_list_model_get_item (events, i);
      const char *slug = vecinos_event_get_slug (event);
      g_autofree char *date = NULL;
      GPtrArray *sources;
      VecinosDate start;

      CHECK_TEXT (slug, "an event's slug");
      CHECK_TEXT (vecinos_event_get_title (event), "an event's title");
      CHECK_TEXT (vecinos_event_get_summary (event), "an event's summary");
      CHECK_TEXT (vecinos_event_get_category (event), "an event's category");
      CHECK_TEXT (vecinos_event_get_category_name (event), "an event's category name");
      CHECK_TEXT (vecinos_event_get_color (event), "an event's colour");
      /* The timeline keeps each title's layout in a table by its text */
      g_hash_table_add (titles, (gpointer) vecinos_event_get_title (event));

      start = *vecinos_event_get_start (event);
      FUZZ_CHECK (vecinos_date_is_valid (&start), "event %s: start %d-%d-%d (precision %d) is not a date",
                  slug, start.year, start.month, start.day, start.precision);
      FUZZ_CHECK (vecinos_event_get_end (event) == NULL || vecinos_date_is_valid (vecinos_event_get_end (event)),
                  "event %s: its end is not a date", slug);
      date = vecinos_event_format_date (event);

      sources = vecinos_event_get_sources (event);
      for (guint s = 0; sources != NULL && s < sources->len; s++)
        {
          VecinosSource *source = g_ptr_array_index (sources, s);

          CHECK_TEXT (source->name, "a source's name");
          CHECK_TEXT (source->url, "a source's address");
        }

      if (i < MAX_RECORDS)
        {
          g_autoptr(GPtrArray) excerpts = vecinos_dataset_list_event_excerpts (dataset, slug, lang);
          g_autoptr(GPtrArray) series = vecinos_dataset_list_event_series (dataset, slug, lang);

          read_excerpts (excerpts, "an event's excerpt");
          for (guint s = 0; s < series->len; s++)
            {
              CHECK_TEXT (((VecinosSeriesRef *) g_ptr_array_index (series, s))->slug, "an event's series");
              CHECK_TEXT (((VecinosSeriesRef *) g_ptr_array_index (series, s))->name, "an event's series name");
            }
        }
    }

  for (guint c = 0; c < categories->len; c++)
    {
      VecinosCategory *category = g_ptr_array_index (categories, c);

      CHECK_TEXT (category->slug, "a category's slug");
      CHECK_TEXT (category->color, "a category's colour");
      CHECK_TEXT (category->name, "a category's name");
    }
}

static void
fuzz_documents (VecinosDataset *dataset,
                const char     *lang,
                const char     *other_lang)
{
  g_autoptr(GPtrArray) documents = vecinos_dataset_list_documents (dataset, lang);

  for (guint d = 0; d < MIN (documents->len, MAX_RECORDS); d++)
    {
      VecinosDocument *document = g_ptr_array_index (documents, d);
      g_autoptr(GPtrArray) excerpts = NULL;
      g_autofree char *byline = NULL;

      CHECK_TEXT (document->slug, "a document's slug");
      CHECK_TEXT (document->title, "a document's title");
      CHECK_TEXT (document->publisher, "a document's publisher");
      CHECK_TEXT (document->kind, "a document's kind");
      CHECK_TEXT (document->lang, "a document's language");
      byline = vecinos_document_format_byline (document);

      excerpts = vecinos_dataset_list_document_excerpts (dataset, document->slug, other_lang, lang);
      read_excerpts (excerpts, "a document's excerpt");
      if (excerpts->len > 0)
        g_free (vecinos_dataset_get_excerpt_document (dataset, ((VecinosExcerpt *) g_ptr_array_index (excerpts, 0))->slug));
    }
}

static void
fuzz_search (VecinosDataset *dataset,
             const char     *lang,
             const char     *text)
{
  g_autoptr(GPtrArray) results = vecinos_dataset_search (dataset, text, lang, 20);

  for (guint i = 0; i < results->len; i++)
    {
      VecinosSearchResult *result = g_ptr_array_index (results, i);

      CHECK_TEXT (result->ref, "a search result's record");
      CHECK_TEXT (result->title, "a search result's title");
      CHECK_TEXT (result->snippet, "a search result's snippet");
    }
}

/* The window's own list: its array (kept in the file or read from the
 * event table), spans, rows, filters and the events it makes */
static void
fuzz_event_list (VecinosDataset *dataset,
                 const char     *lang,
                 guint           n_categories)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VecinosEventList) list = vecinos_event_list_new (dataset, lang, &error);
  gboolean hidden[2] = { TRUE, FALSE };
  guint n;

  if (list == NULL)
    {
      check_error (error, "vecinos_event_list_new");
      return;
    }
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  for (guint i = 0; i < n; i++)
    {
      VecinosEventSpan span = vecinos_event_list_get_span (list, i);

      g_assert (span.first <= span.last);
      g_assert (span.importance >= 1 && span.importance <= 3);
    }
  for (guint i = 0; i < MIN (n, MAX_RECORDS); i++)
    {
      g_autoptr(VecinosEvent) event = g_list_model_get_item (G_LIST_MODEL (list), i);
      g_autofree char *title = vecinos_event_list_get_title (list, i);
      guint found;

      g_assert (event != NULL && title != NULL);
      found = vecinos_event_list_find (list, vecinos_event_get_slug (event));

      g_assert (found < n || found == VECINOS_EVENT_LIST_NONE);
    }
  for (guint row = 0; row < n_categories + 1; row++)
    vecinos_event_list_count_row (list, row);
  vecinos_event_list_set_filter (list, hidden, G_N_ELEMENTS (hidden), 2, "la", NULL);
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  for (guint i = 0; i < n; i++)
    vecinos_event_list_get_span (list, i);
  vecinos_event_list_set_filter (list, NULL, 0, 3, NULL, NULL);
}

static void
fuzz_language (VecinosDataset *dataset,
               const char     *lang,
               const char     *other_lang)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) events = vecinos_dataset_list_events (dataset, lang, &error);
  g_autoptr(GPtrArray) terms = vecinos_dataset_list_terms (dataset, lang);
  g_autoptr(GPtrArray) categories = vecinos_dataset_list_categories (dataset, lang);

  g_strfreev (vecinos_dataset_list_source_organisations (dataset));
  if (events == NULL)
    {
      check_error (error, "vecinos_dataset_list_events");
      return;
    }

  fuzz_events (dataset, lang, events, categories);
  fuzz_event_list (dataset, lang, categories->len);
  fuzz_timeline (events, categories, terms);
  fuzz_charts (dataset, lang, terms, events);
  fuzz_documents (dataset, lang, other_lang);
  fuzz_search (dataset, lang, "la migración");
  fuzz_search (dataset, lang, "1994 \"peso\" OR NEAR(");
  if (g_list_model_get_n_items (events) > 0)
    {
      g_autoptr(VecinosEvent) event = g_list_model_get_item (events, 0);

      fuzz_search (dataset, lang, vecinos_event_get_title (event));
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(VecinosDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  static const char * const tables[] = {
    "category", "event", "event_source", "term", "document", "excerpt",
    "series", "point", "claim", "tour", "search",
  };
  const char * const *languages;

  init ();
  if (!write_dataset (data, size))
    {
      g_printerr ("fuzz-dataset: cannot write %s: %s\n", dataset_path, g_strerror (errno));
      abort ();
    }

  file = g_file_new_for_path (dataset_path);
  dataset = vecinos_dataset_new_for_file (file, &error);
  if (dataset == NULL)
    {
      check_error (error, "vecinos_dataset_new_for_file");
      return 0;
    }

  languages = vecinos_dataset_get_languages (dataset);
  FUZZ_CHECK (languages != NULL, "a dataset without languages");
  /* The About dialog's counts */
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    vecinos_dataset_count (dataset, tables[i]);
  /* The interface's languages, whatever the dataset says it has */
  fuzz_language (dataset, "en", "es");
  fuzz_language (dataset, "es", "en");
  return 0;
}
