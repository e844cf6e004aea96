/* vecinos-tour-export.c — a guided tour as a handout: one PDF page a step
 *
 * For `vecinos --export-tour` and the tour bar's Export Tour as PDF alike,
 * without a window. Each page has the tour's title and the step's place in
 * it, the step's event (its title, date and category) and narration, the
 * picture of what the step shows — the chart drawn by vecinos_chart_draw()
 * when the step names a series, else the timeline around its event or its
 * days (vecinos-tour-timeline.c) — the excerpt it names with a full
 * citation, and the event's sources. Black on white, text of 10 pt and
 * more, nothing said by colour alone: it is printed, and often copied in
 * black and white. The file is written as charts are (vecinos_export_pdf).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <langinfo.h>
#include <pango/pangocairo.h>

#include "vecinos-chart-draw.h"
#include "vecinos-chart-export.h"
#include "vecinos-chart-load.h"
#include "vecinos-event.h"
#include "vecinos-i18n.h"
#include "vecinos-tour-export.h"
#include "vecinos-tour-export-private.h"

/* Sizes on the page, in points */
#define MARGIN 48.0
#define GAP 12.0
#define MIN_PICTURE 200.0
#define MAX_PICTURE_SHARE 0.42    /* of the page's height, at most */
/* A picture is laid out as the app lays out a view this wide (in pixels,
 * with the app's text) and scaled to the page: its text prints at 10 pt */
#define PICTURE_WIDTH 720.0

#define DIM_INK 0.25              /* dates and captions: 10:1 on white */

/**
 * vecinos_paper_default:
 *
 * Returns: the paper of the user's locale (LC_PAPER): US Letter where it
 *   is 279 mm high, A4 everywhere else
 */
VecinosPaper
vecinos_paper_default (void)
{
#ifdef __GLIBC__
  /* glibc (which has had LC_PAPER since 2.2) gives the number in the
   * pointer's place */
  union { unsigned int number; char *text; } height;

  height.text = nl_langinfo (_NL_PAPER_HEIGHT);
  if (height.number == 279)
    return VECINOS_PAPER_LETTER;
#endif
  return VECINOS_PAPER_A4;
}

/**
 * vecinos_paper_from_name:
 * @name: "a4" or "letter", in any case
 *
 * Returns: whether @name is a paper handouts are printed on
 */
gboolean
vecinos_paper_from_name (const char   *name,
                         VecinosPaper *paper)
{
  if (g_ascii_strcasecmp (name, "a4") == 0)
    *paper = VECINOS_PAPER_A4;
  else if (g_ascii_strcasecmp (name, "letter") == 0)
    *paper = VECINOS_PAPER_LETTER;
  else
    return FALSE;
  return TRUE;
}

/**
 * vecinos_tour_export_check:
 * @path: the file asked for
 *
 * Returns: whether vecinos_tour_export() can write a file of that name
 *   (one that ends in .pdf); nothing is written
 */
gboolean
vecinos_tour_export_check (const char  *path,
                           GError     **error)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  if (!g_str_has_suffix (lower, ".pdf") || g_str_equal (lower, ".pdf"))
    {
      g_autofree char *name = g_filename_display_name (path);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   /* Translators: %s is a file name */
                   _("Cannot export the tour to “%s”: the name must end in .pdf."), name);
      return FALSE;
    }
  return TRUE;
}

/* What every page draws from, read once */
typedef struct {
  VecinosDataset      *dataset;
  const char          *lang;
  const char          *title;       /* the tour's */
  GPtrArray           *steps;       /* of VecinosTourStep */
  GListModel          *events;      /* of VecinosEvent, by date */
  GHashTable          *positions;   /* event slug → its position + 1 */
  GPtrArray           *terms;
  VecinosTourTimeline *timeline;
  PangoContext        *text;        /* at 72 dpi: sizes are in points */
  PangoContext        *picture;     /* the app's text, for the views' drawing */
  double               width;       /* of the page, in points */
  double               height;
} Handout;

static PangoLayout *
paragraph (Handout    *self,
           const char *markup,
           const char *font,
           double      width)
{
  PangoLayout *layout = pango_layout_new (self->text);
  g_autoptr(PangoFontDescription) description = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, description);
  pango_layout_set_width (layout, pango_units_from_double (width));
  /* Addresses have no spaces to break at */
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_markup (layout, markup, -1);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return pango_units_to_double (height);
}

static void
show (cairo_t     *cr,
      PangoLayout *layout,
      double       x,
      double       y,
      double       ink)
{
  cairo_set_source_rgb (cr, ink, ink, ink);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

/* Cuts @layout, with an ellipsis, to @height points: what does not fit
 * on the page is left out rather than drawn over its edge */
static void
fit (PangoLayout *layout,
     double       height)
{
  if (layout == NULL || layout_height (layout) <= height)
    return;
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_height (layout, pango_units_from_double (MAX (height, 1)));
}

static VecinosEvent *
find_event (Handout    *self,
            const char *slug,
            guint      *position)
{
  guint found = GPOINTER_TO_UINT (g_hash_table_lookup (self->positions, slug));

  *position = found > 0 ? found - 1 : G_MAXUINT;
  return found > 0 ? g_list_model_get_item (self->events, found - 1) : NULL;
}

/* The excerpt in its author's words, Vecinos' translation when there is
 * one, and who wrote it, where and when, with its address */
static char *
excerpt_markup (Handout    *self,
                const char *slug)
{
  g_autofree char *document = vecinos_dataset_get_excerpt_document (self->dataset, slug);
  g_autoptr(GPtrArray) excerpts = NULL;
  const VecinosExcerpt *excerpt = NULL;
  g_autofree char *attribution = NULL;
  GString *markup;

  if (document == NULL)
    return NULL;
  excerpts = vecinos_dataset_list_document_excerpts (self->dataset, document, self->lang, self->lang);
  for (guint i = 0; i < excerpts->len && excerpt == NULL; i++)
    if (g_str_equal (((VecinosExcerpt *) g_ptr_array_index (excerpts, i))->slug, slug))
      excerpt = g_ptr_array_index (excerpts, i);
  if (excerpt == NULL)
    return NULL;

  markup = g_string_new (NULL);
  {
    g_autofree char *escaped = g_markup_escape_text (excerpt->text, -1);

    g_string_append_printf (markup, "<i>“%s”</i>", escaped);
  }
  if (excerpt->translation != NULL)
    {
      /* Translators: a quotation in Vecinos' own translation */
      g_autofree char *translated = g_strdup_printf (_("“%s” (translated by Vecinos)"), excerpt->translation);
      g_autofree char *escaped = g_markup_escape_text (translated, -1);

      g_string_append_printf (markup, "\n%s", escaped);
    }
  attribution = vecinos_excerpt_format_attribution (excerpt);
  {
    g_autofree char *escaped = g_markup_escape_text (attribution, -1);

    g_string_append_printf (markup, "\n%s.", escaped);
  }
  if (excerpt->url != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (excerpt->url, -1);

      g_string_append_printf (markup, " %s", escaped);
    }
  return g_string_free (markup, FALSE);
}

/* The event's sources, a line each, and the figures' when a chart is shown */
static char *
sources_markup (VecinosEvent        *event,
                const VecinosSeries *series,
                const VecinosSeries *compare)
{
  const VecinosSeries *charted[] = { series, compare };
  GString *markup = g_string_new (NULL);
  GPtrArray *sources = event != NULL ? vecinos_event_get_sources (event) : NULL;

  for (guint i = 0; sources != NULL && i < sources->len; i++)
    {
      const VecinosSource *source = g_ptr_array_index (sources, i);
      g_autofree char *line = g_markup_printf_escaped ("• %s — %s", source->name,
                                                       source->url != NULL ? source->url : "");

      g_string_append_printf (markup, "%s%s", markup->len > 0 ? "\n" : "", line);
    }
  for (guint i = 0; i < G_N_ELEMENTS (charted); i++)
    if (charted[i] != NULL)
      {
        g_autofree char *citation = vecinos_series_format_citation (charted[i]);
        /* Translators: %s is how to cite an indicator's figures */
        g_autofree char *figures = g_strdup_printf (_("Figures: %s"), citation);
        g_autofree char *line = g_markup_printf_escaped ("• %s", figures);

        g_string_append_printf (markup, "%s%s", markup->len > 0 ? "\n" : "", line);
      }
  if (markup->len == 0)
    return g_string_free (markup, TRUE);
  return g_string_free (markup, FALSE);
}

/* The step's chart as the Charts view shows it: its series, the one
 * compared, its event picked out among its category's */
static gboolean
load_chart (Handout               *self,
            const VecinosTourStep *step,
            VecinosSeries        **series,
            VecinosSeries        **compare,
            GArray               **chart_events)
{
  if (step->series == NULL ||
      !vecinos_chart_load (self->dataset, self->lang, step->series, step->compare, 0, series, compare, NULL))
    return FALSE;
  *chart_events = vecinos_chart_events_for_category (self->events, (*series)->category);
  for (guint i = 0; i < (*chart_events)->len; i++)
    {
      VecinosChartEvent *chart_event = &g_array_index (*chart_events, VecinosChartEvent, i);

      chart_event->selected = g_str_equal (vecinos_event_get_slug (chart_event->event), step->event);
    }
  return TRUE;
}

/* The picture, in a box of @width × @height points at the origin: laid
 * out at the app's size and scaled to the page */
static void
draw_picture (Handout               *self,
              cairo_t               *cr,
              const VecinosTourStep *step,
              const VecinosChart    *chart,
              guint                  selected,
              double                 width,
              double                 height)
{
  double zoom = width / PICTURE_WIDTH;

  cairo_save (cr);
  /* The chart paints its background over all it is given */
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  cairo_scale (cr, zoom, zoom);
  pango_cairo_update_context (cr, self->picture);
  if (chart != NULL)
    vecinos_chart_draw (cr, self->picture, chart, PICTURE_WIDTH, height / zoom, NULL);
  else
    {
      double start = step->range_start, end = step->range_end;

      if (end <= start)
        vecinos_tour_timeline_range (self->timeline, selected, &start, &end);
      vecinos_tour_timeline_draw (self->timeline, cr, self->picture, selected, start, end,
                                  PICTURE_WIDTH, height / zoom);
    }
  cairo_restore (cr);

  /* A thin frame: the picture's edge on the page */
  cairo_set_source_rgb (cr, 0.6, 0.6, 0.6);
  cairo_set_line_width (cr, 0.5);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_stroke (cr);
}

/* "Timeline, January 1992 – December 1995": the days a timeline picture shows */
static char *
timeline_caption (Handout               *self,
                  const VecinosTourStep *step,
                  guint                  selected)
{
  double start = step->range_start, end = step->range_end;
  VecinosDate first, last;
  g_autofree char *span = NULL;

  if (end <= start)
    vecinos_tour_timeline_range (self->timeline, selected, &start, &end);
  vecinos_date_from_day (CLAMP ((VecinosDay) start, VECINOS_DAY_FIRST, VECINOS_DAY_LAST),
                         VECINOS_DATE_PRECISION_MONTH, &first);
  vecinos_date_from_day (CLAMP ((VecinosDay) end, VECINOS_DAY_FIRST, VECINOS_DAY_LAST),
                         VECINOS_DATE_PRECISION_MONTH, &last);
  span = vecinos_date_format_span (&first, &last);
  /* Translators: the caption of a timeline picture; %s is the time it shows */
  return g_strdup_printf (_("Timeline, %s"), span);
}

static void
draw_page (Handout *self,
           cairo_t *cr,
           guint    index)
{
  const VecinosTourStep *step = g_ptr_array_index (self->steps, index);
  double content = self->width - 2 * MARGIN;
  double bottom = self->height - MARGIN;
  double y = MARGIN, picture_height, rest;
  guint selected;
  g_autoptr(VecinosEvent) event = find_event (self, step->event, &selected);
  g_autoptr(VecinosSeries) series = NULL;
  g_autoptr(VecinosSeries) compare = NULL;
  g_autoptr(GArray) chart_events = NULL;
  VecinosChart chart = { 0 };
  gboolean charted = load_chart (self, step, &series, &compare, &chart_events);
  g_autofree char *progress_text = NULL, *title_markup = NULL, *meta_text = NULL;
  g_autofree char *narration_markup = NULL, *caption_text = NULL;
  g_autofree char *excerpt_text = NULL, *sources_text = NULL;
  g_autoptr(PangoLayout) tour = NULL, progress = NULL, title = NULL, meta = NULL, narration = NULL;
  g_autoptr(PangoLayout) caption = NULL, excerpt_heading = NULL, excerpt = NULL;
  g_autoptr(PangoLayout) sources_heading = NULL, sources = NULL;

  pango_cairo_update_context (cr, self->text);

  /* Translators: which page of a tour's handout: step 3 of 12 */
  progress_text = g_strdup_printf (_("Step %1$u of %2$u"), index + 1, self->steps->len);
  progress = paragraph (self, "", "Sans 10", content * 0.3);
  pango_layout_set_text (progress, progress_text, -1);
  pango_layout_set_alignment (progress, PANGO_ALIGN_RIGHT);
  tour = paragraph (self, "", "Sans Bold 10", content * 0.68);
  pango_layout_set_text (tour, self->title, -1);

  title_markup = g_markup_escape_text (event != NULL ? vecinos_event_get_title (event) : step->event_title, -1);
  title = paragraph (self, title_markup, "Sans Bold 18", content);
  if (event != NULL)
    {
      g_autofree char *date = vecinos_event_format_date (event);

      meta_text = g_markup_printf_escaped ("%s · %s", date, vecinos_event_get_category_name (event));
      meta = paragraph (self, meta_text, "Sans 10.5", content);
    }
  narration_markup = g_markup_escape_text (step->text, -1);
  narration = paragraph (self, narration_markup, "Sans 12.5", content);
  if (!charted)
    {
      caption_text = timeline_caption (self, step, selected);
      caption = paragraph (self, "", "Sans 10", content);
      pango_layout_set_text (caption, caption_text, -1);
    }
  if (step->excerpt != NULL && (excerpt_text = excerpt_markup (self, step->excerpt)) != NULL)
    {
      excerpt_heading = paragraph (self, "", "Sans Bold 11", content);
      pango_layout_set_text (excerpt_heading, _("From the document"), -1);
      excerpt = paragraph (self, excerpt_text, "Sans 10.5", content);
    }
  if ((sources_text = sources_markup (event, series, compare)) != NULL)
    {
      sources_heading = paragraph (self, "", "Sans Bold 11", content);
      pango_layout_set_text (sources_heading, _("Sources"), -1);
      sources = paragraph (self, sources_text, "Sans 10", content);
    }

  /* The header: the tour, where this page is in it, a rule */
  show (cr, tour, MARGIN, y, 0);
  show (cr, progress, MARGIN + content * 0.7, y, 0);
  y += MAX (layout_height (tour), layout_height (progress)) + 6;
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_line_width (cr, 0.75);
  cairo_move_to (cr, MARGIN, y);
  cairo_line_to (cr, MARGIN + content, y);
  cairo_stroke (cr);
  y += GAP;

  show (cr, title, MARGIN, y, 0);
  y += layout_height (title) + 4;
  if (meta != NULL)
    {
      show (cr, meta, MARGIN, y, DIM_INK);
      y += layout_height (meta);
    }
  y += GAP;
  show (cr, narration, MARGIN, y, 0);
  y += layout_height (narration) + GAP;

  /* The picture takes what the texts under it leave, within limits; the
   * texts are cut (excerpt first) when it would go below its least */
  rest = (excerpt != NULL ? layout_height (excerpt_heading) + 4 + layout_height (excerpt) + GAP : 0) +
         (sources != NULL ? layout_height (sources_heading) + 4 + layout_height (sources) : 0) +
         (caption != NULL ? layout_height (caption) + 4 : 0) + GAP;
  picture_height = CLAMP (bottom - y - rest, MIN_PICTURE, self->height * MAX_PICTURE_SHARE);
  if (excerpt != NULL)
    fit (excerpt, bottom - y - picture_height - rest + layout_height (excerpt));
  if (sources != NULL)
    {
      double sources_room = bottom - y - picture_height - GAP - (caption != NULL ? layout_height (caption) + 4 : 0) -
                            (excerpt != NULL ? layout_height (excerpt_heading) + 4 + layout_height (excerpt) + GAP : 0) -
                            layout_height (sources_heading) - 4;

      fit (sources, sources_room);
    }

  if (caption != NULL)
    {
      show (cr, caption, MARGIN, y, DIM_INK);
      y += layout_height (caption) + 4;
    }
  if (charted)
    {
      chart.series = series;
      chart.compare = compare;
      chart.terms = self->terms;
      chart.events = (const VecinosChartEvent *) (gpointer) chart_events->data;
      chart.n_events = chart_events->len;
      chart.background = TRUE;
    }
  cairo_save (cr);
  cairo_translate (cr, MARGIN, y);
  draw_picture (self, cr, step, charted ? &chart : NULL, selected, content, picture_height);
  cairo_restore (cr);
  y += picture_height + GAP;

  if (excerpt != NULL)
    {
      show (cr, excerpt_heading, MARGIN, y, 0);
      y += layout_height (excerpt_heading) + 4;
      show (cr, excerpt, MARGIN, y, 0);
      y += layout_height (excerpt) + GAP;
    }
  if (sources != NULL)
    {
      show (cr, sources_heading, MARGIN, y, 0);
      y += layout_height (sources_heading) + 4;
      show (cr, sources, MARGIN, y, 0);
    }
  cairo_show_page (cr);
}

static void
draw_pages (cairo_t  *cr,
            gpointer  user_data)
{
  Handout *self = user_data;

  for (guint i = 0; i < self->steps->len; i++)
    draw_page (self, cr, i);
}

/* "There is no guided tour “x”. The tours are: a, b." */
static void
set_unknown_tour_error (GError    **error,
                        GPtrArray  *tours,
                        const char *tour)
{
  g_autoptr(GString) known = g_string_new (NULL);

  for (guint i = 0; i < tours->len; i++)
    g_string_append_printf (known, "%s%s", i > 0 ? ", " : "", ((VecinosTour *) g_ptr_array_index (tours, i))->slug);
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
               /* Translators: %1$s is what was asked for, %2$s the tours there are */
               _("There is no guided tour “%1$s”. The tours are: %2$s."), tour, known->str);
}

static PangoContext *
new_context (const char *font,
             double      resolution,
             const char *lang)
{
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  g_autoptr(PangoFontDescription) description = pango_font_description_from_string (font);

  pango_context_set_font_description (context, description);
  pango_context_set_language (context, pango_language_from_string (lang));
  if (resolution > 0)
    pango_cairo_context_set_resolution (context, resolution);
  return context;
}

/**
 * vecinos_tour_export:
 * @tour: a tour's id
 * @lang: the language of the dataset's texts (the interface's come from
 *   gettext, as everywhere)
 * @path: ends in .pdf
 *
 * Writes @tour as a handout, one page of @paper a step, beside @path and
 * renamed over it once complete. A tour the dataset does not have is
 * refused, naming those it has.
 *
 * Returns: %FALSE with @error set, in the user's language, on failure
 */
gboolean
vecinos_tour_export (VecinosDataset  *dataset,
                     const char      *tour,
                     const char      *lang,
                     VecinosPaper     paper,
                     const char      *path,
                     GError         **error)
{
  g_autoptr(GPtrArray) tours = NULL;
  g_autoptr(GPtrArray) steps = NULL;
  g_autoptr(GPtrArray) categories = NULL;
  g_autoptr(GPtrArray) terms = NULL;
  g_autoptr(GListModel) events = NULL;
  g_autoptr(GHashTable) positions = NULL;
  g_autoptr(VecinosTourTimeline) timeline = NULL;
  const char *title = NULL;
  Handout handout;
  gboolean done;

  g_return_val_if_fail (VECINOS_IS_DATASET (dataset), FALSE);
  g_return_val_if_fail (tour != NULL && lang != NULL && path != NULL, FALSE);

  if (!vecinos_tour_export_check (path, error))
    return FALSE;
  tours = vecinos_dataset_list_tours (dataset, lang);
  for (guint i = 0; i < tours->len && title == NULL; i++)
    if (g_str_equal (((VecinosTour *) g_ptr_array_index (tours, i))->slug, tour))
      title = ((VecinosTour *) g_ptr_array_index (tours, i))->title;
  steps = vecinos_dataset_get_tour_steps (dataset, tour, lang);
  if (title == NULL || steps->len == 0)
    {
      set_unknown_tour_error (error, tours, tour);
      return FALSE;
    }
  if ((events = vecinos_dataset_list_events (dataset, lang, error)) == NULL)
    return FALSE;

  positions = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(VecinosEvent) event = g_list_model_get_item (events, i);

      /* The slug is the event's, which the model keeps */
      g_hash_table_insert (positions, (gpointer) vecinos_event_get_slug (event), GUINT_TO_POINTER (i + 1));
    }
  categories = vecinos_dataset_list_categories (dataset, lang);
  terms = vecinos_dataset_list_terms (dataset, lang);
  timeline = vecinos_tour_timeline_new (events, categories, terms);

  handout = (Handout) {
    .dataset = dataset,
    .lang = lang,
    .title = title,
    .steps = steps,
    .events = events,
    .positions = positions,
    .terms = terms,
    .timeline = timeline,
    .text = new_context ("Sans 10", 72, lang),
    /* As vecinos_chart_export() draws: the app's 11 pt at 96 dpi */
    .picture = new_context ("Sans 11", 0, lang),
    .width = paper == VECINOS_PAPER_LETTER ? 612.0 : 595.276,
    .height = paper == VECINOS_PAPER_LETTER ? 792.0 : 841.89,
  };
  done = vecinos_export_pdf (path, handout.width, handout.height, title, draw_pages, &handout, error);
  g_object_unref (handout.text);
  g_object_unref (handout.picture);
  return done;
}
