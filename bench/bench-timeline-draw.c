/* bench-timeline-draw.c — median time of one whole timeline frame (layout,
 * GtkSnapshot and Cairo rasterisation of a 1920×1080 surface) for synthetic
 * datasets of 1 000 to 1 000 000 events, next to a naive frame that draws
 * every event as a circle, measured in the same run; and the time to open a
 * 1 000 000-event dataset and show its first frame, next to the bundled
 * dataset.
 *
 *   xvfb-run -a build/bench/bench-timeline-draw [--quick] [BUNDLED.sqlite]
 *
 * It needs a display (GTK widgets), hence xvfb-run; GSK_RENDERER=cairo is
 * set so that the frame is drawn by Cairo as the issue asks. A benchmark,
 * not a test: it reports, it asserts nothing. VECINOS_BENCH_EVENTS=N times
 * one size only, VECINOS_BENCH_SPLIT=1 prints snapshot and drawing times,
 * VECINOS_BENCH_NO_NAIVE=1 skips the naive frames (to profile ours),
 * VECINOS_BENCH_PNG=DIR keeps each view's last frame as a PNG,
 * VECINOS_BENCH_NO_ROW_CACHE=1 draws every frame's markers afresh.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gtk/gtk.h>
#include <math.h>

#include "bench-util.h"
#include "vecinos-dataset.h"
#include "vecinos-event-private.h"
#include "vecinos-timeline-view.h"

#define WIDTH 1920
#define HEIGHT 1080
#define N_ROWS 8

static const char * const colors[N_ROWS] = {
  "#E69F00", "#D55E00", "#0072B2", "#CC79A7", "#009E73", "#F0E442", "#56B4E9", "#999999",
};

static VecinosDay
day_of (int year)
{
  VecinosDate date = { year, 1, 1, VECINOS_DATE_PRECISION_YEAR };

  return vecinos_date_first_day (&date);
}

static GPtrArray *
synthetic_categories (void)
{
  GPtrArray *categories = g_ptr_array_new ();

  for (guint r = 0; r < N_ROWS; r++)
    {
      VecinosCategory *category = g_new0 (VecinosCategory, 1);

      category->slug = g_strdup_printf ("c%u", r);
      category->color = g_strdup (colors[r]);
      category->name = g_strdup_printf ("Category %u", r);
      g_ptr_array_add (categories, category);
    }
  return categories;
}

static GPtrArray *
synthetic_terms (void)
{
  GPtrArray *terms = g_ptr_array_new ();

  for (int year = 1849; year < 2026; year += 4)
    for (guint c = 0; c < 2; c++)
      {
        VecinosTerm *term = g_new0 (VecinosTerm, 1);

        term->slug = g_strdup_printf ("t%d-%u", year, c);
        g_strlcpy (term->country, c == 0 ? "us" : "mx", sizeof term->country);
        term->person = g_strdup_printf ("President %d", year);
        term->short_name = g_strdup_printf ("P%d", year);
        term->party = g_strdup ("Party");
        term->start = day_of (year + c * 2);
        term->end = day_of (year + c * 2 + 4);
        g_ptr_array_add (terms, term);
      }
  return terms;
}

static int
compare_days (gconstpointer a,
              gconstpointer b)
{
  return *(const VecinosDay *) a - *(const VecinosDay *) b;
}

/* The same pseudo-random events as bench-timeline-layout: 1848 to 2026,
 * one in a hundred lasting 30 days to 10 years, in date order */
static GListModel *
synthetic_events (guint n)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (1994);
  VecinosDay first = day_of (1848), last = day_of (2026);
  g_autoptr(GArray) days = g_array_sized_new (FALSE, FALSE, sizeof (VecinosDay), n);
  GListStore *store = g_list_store_new (VECINOS_TYPE_EVENT);
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      VecinosDay day = g_rand_int_range (rand, first, last);
      g_array_append_val (days, day);
    }
  g_array_sort (days, compare_days);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *slug = g_strdup_printf ("e%u", i);
      g_autofree char *title = g_strdup_printf ("Synthetic event number %u", i);
      guint row = g_rand_int_range (rand, 0, N_ROWS);
      g_autofree char *category = g_strdup_printf ("c%u", row);
      VecinosEventFields fields = {
        .slug = slug, .title = title, .summary = "", .category = category,
        .category_name = category, .color = colors[row],
        .importance = g_rand_int_range (rand, 1, 4),
      };

      vecinos_date_from_day (g_array_index (days, VecinosDay, i), VECINOS_DATE_PRECISION_DAY, &fields.start);
      if (g_rand_int_range (rand, 0, 100) == 0)
        {
          fields.has_end = TRUE;
          vecinos_date_from_day (g_array_index (days, VecinosDay, i) + g_rand_int_range (rand, 30, 3650),
                                 VECINOS_DATE_PRECISION_DAY, &fields.end);
        }
      g_ptr_array_add (events, vecinos_event_new (&fields));
    }
  g_list_store_splice (store, 0, 0, events->pdata, events->len);
  return G_LIST_MODEL (store);
}

/* One frame as the screen gets it: the view's render nodes, drawn by Cairo */
static void
draw_frame (GtkWidget       *view,
            cairo_surface_t *surface)
{
  gint64 start = g_get_monotonic_time (), split = 0;
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  cairo_t *cr = cairo_create (surface);

  /* The widget's own snapshot vfunc: a GtkWidgetPaintable would replay the
   * render node of the last frame the frame clock painted */
  GTK_WIDGET_GET_CLASS (view)->snapshot (view, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  if (g_getenv ("VECINOS_BENCH_SPLIT"))
    split = g_get_monotonic_time ();
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  if (node != NULL)
    gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  /* VECINOS_BENCH_SPLIT=1: how a frame divides between snapshot and drawing */
  if (split > 0)
    g_printerr ("snapshot %.2f ms, drawing %.2f ms\n", (split - start) / 1000.0,
                (g_get_monotonic_time () - split) / 1000.0);
}

/* The naive frame: every event of the dataset drawn as a circle, visible
 * or not, as a timeline without culling or clustering does */
static void
naive_frame (GListModel      *events,
             double           start,
             double           end,
             cairo_surface_t *surface)
{
  cairo_t *cr = cairo_create (surface);
  guint n = g_list_model_get_n_items (events);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VecinosEvent) event = g_list_model_get_item (events, i);
      double x = (vecinos_date_first_day (vecinos_event_get_start (event)) - start) / (end - start) * WIDTH;
      double y = 80 + (i % N_ROWS) * 100;

      cairo_arc (cr, x, y, 4 + vecinos_event_get_importance (event), 0, 2 * G_PI);
      cairo_set_source_rgb (cr, 0.8, 0.4, 0);
      cairo_fill (cr);
    }
  cairo_destroy (cr);
  cairo_surface_flush (surface);
}

static gboolean
wait_done (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Lets GTK lay out and map the window */
static void
settle (void)
{
  gboolean done = FALSE;

  g_timeout_add (50, wait_done, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

typedef struct {
  GtkWidget          *window;
  GtkWidget          *view;
  GtkSingleSelection *selection;
} Frame;

static Frame
show (GListModel *events,
      GPtrArray  *categories,
      GPtrArray  *terms)
{
  Frame frame;

  frame.window = gtk_window_new ();
  frame.view = g_object_new (VECINOS_TYPE_TIMELINE_VIEW, NULL);
  frame.selection = gtk_single_selection_new (g_object_ref (events));
  gtk_single_selection_set_autoselect (frame.selection, FALSE);
  gtk_single_selection_set_selected (frame.selection, GTK_INVALID_LIST_POSITION);
  gtk_window_set_default_size (GTK_WINDOW (frame.window), WIDTH, HEIGHT);
  /* xvfb-run's screen is 1280 pixels wide unless told otherwise, and a
   * window's default size yields to the screen: the view asks for the
   * whole surface, so that it is measured at 1920 pixels, not 1280 */
  gtk_widget_set_size_request (frame.view, WIDTH, HEIGHT);
  gtk_window_set_child (GTK_WINDOW (frame.window), frame.view);
  vecinos_timeline_view_set_data (VECINOS_TIMELINE_VIEW (frame.view), frame.selection, categories, terms);
  /* VECINOS_BENCH_NO_ROW_CACHE=1: every frame's markers drawn afresh */
  if (g_getenv ("VECINOS_BENCH_NO_ROW_CACHE") != NULL)
    vecinos_timeline_view_set_row_cache (VECINOS_TIMELINE_VIEW (frame.view), FALSE);
  gtk_window_present (GTK_WINDOW (frame.window));
  settle ();
  return frame;
}

static void
hide (Frame *frame)
{
  gtk_window_destroy (GTK_WINDOW (frame->window));
  g_object_unref (frame->selection);
  settle ();
}

typedef struct {
  const char *name;
  int         from, to;       /* years */
} View;

static const View views[] = {
  { "1848-2026", 1848, 2026 },
  { "1994-2024", 1994, 2024 },
  { "2018",      2018, 2019 },
};

static double
bench_sizes (const guint *sizes,
             guint        n_sizes,
             guint        frames)
{
  g_autoptr(GPtrArray) categories = synthetic_categories ();
  g_autoptr(GPtrArray) terms = synthetic_terms ();
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  double *samples = g_new (double, frames);
  double reference[G_N_ELEMENTS (views)] = { 0 };
  double worst = 0;

  g_print ("Timeline frame (layout + snapshot + Cairo), %d×%d, median of %u frames (ms)\n\n",
           WIDTH, HEIGHT, frames);
  g_print ("%9s  %-10s %9s %10s %9s  %s\n", "events", "view", "vecinos", "naive", "speedup", "vs 1k events");

  for (guint s = 0; s < n_sizes; s++)
    {
      g_autoptr(GListModel) events = synthetic_events (sizes[s]);
      Frame frame = show (events, categories, terms);

      for (guint v = 0; v < G_N_ELEMENTS (views); v++)
        {
          double start = day_of (views[v].from), end = day_of (views[v].to);
          double ours, naive;

          for (guint f = 0; f < frames; f++)
            {
              /* A slightly different view each frame, as while panning */
              double shift = (end - start) * 0.001 * f;
              gint64 t0 = g_get_monotonic_time ();

              vecinos_timeline_view_set_visible_range (VECINOS_TIMELINE_VIEW (frame.view),
                                                       start + shift, end + shift);
              draw_frame (frame.view, surface);
              samples[f] = (g_get_monotonic_time () - t0) / 1000.0;
            }
          ours = bench_median (samples, frames);
          /* VECINOS_BENCH_PNG=DIR: keep each view's last frame, to look at */
          if (g_getenv ("VECINOS_BENCH_PNG") != NULL)
            {
              g_autofree char *name = g_strdup_printf ("timeline-%u-%s.png", sizes[s], views[v].name);
              g_autofree char *path = g_build_filename (g_getenv ("VECINOS_BENCH_PNG"), name, NULL);

              cairo_surface_write_to_png (surface, path);
            }
          for (guint f = 0; f < (g_getenv ("VECINOS_BENCH_NO_NAIVE") ? 0u : MIN (frames, 5u)); f++)
            {
              gint64 t0 = g_get_monotonic_time ();

              naive_frame (events, start, end, surface);
              samples[f] = (g_get_monotonic_time () - t0) / 1000.0;
            }
          /* Skipped: reported as 1 ms, so the speedup column reads as ms */
          naive = g_getenv ("VECINOS_BENCH_NO_NAIVE") ? 1 : bench_median (samples, MIN (frames, 5u));
          if (s == 0)
            reference[v] = ours;
          worst = MAX (worst, ours / reference[v]);
          g_print ("%9u  %-10s %9.2f %10.2f %8.1fx  %.2fx\n", sizes[s], views[v].name, ours, naive,
                   naive / ours, ours / reference[v]);
        }
      g_print ("\n");
      hide (&frame);
    }
  cairo_surface_destroy (surface);
  g_free (samples);
  return worst;
}

/* Writes a dataset directory with @n synthetic events, for the compiler */
static char *
write_dataset (guint n)
{
  g_autofree char *dir = g_dir_make_tmp ("vecinos-bench-XXXXXX", NULL);
  g_autoptr(GString) events = g_string_new ("{\"events\":[\n");
  g_autoptr(GRand) rand = g_rand_new_with_seed (1994);
  GString *categories = g_string_new ("{\"categories\":[");

  for (guint r = 0; r < N_ROWS; r++)
    g_string_append_printf (categories, "%s{\"id\":\"c%u\",\"color\":\"%s\",\"name\":{\"en\":\"Category %u\"}}",
                            r ? "," : "", r, colors[r], r);
  g_string_append (categories, "]}");
  bench_write_file (dir, "categories.json", categories);
  g_string_free (categories, TRUE);
  {
    g_autoptr(GString) manifest = g_string_new ("{\"format\":1,\"title\":{\"en\":\"Bench\"},\"languages\":[\"en\"]}");
    g_autoptr(GString) terms = g_string_new ("{\"terms\":[]}");

    bench_write_file (dir, "dataset.json", manifest);
    bench_write_file (dir, "terms.json", terms);
  }

  for (guint i = 0; i < n; i++)
    {
      VecinosDate date;

      vecinos_date_from_day (g_rand_int_range (rand, day_of (1848), day_of (2026)),
                             VECINOS_DATE_PRECISION_DAY, &date);
      g_string_append_printf (events,
                              "%s{\"id\":\"e%u\",\"date\":\"%04d-%02d-%02d\",\"category\":\"c%u\","
                              "\"importance\":%d,\"actors\":[\"us\"],\"title\":{\"en\":\"Synthetic event %u\"},"
                              "\"summary\":{\"en\":\"A synthetic event for the benchmark.\"},"
                              "\"sources\":[{\"name\":\"Bench\",\"url\":\"https://example.org/\"}]}\n",
                              i ? "," : "", i, date.year, date.month, date.day,
                              g_rand_int_range (rand, 0, N_ROWS), g_rand_int_range (rand, 1, 4), i);
    }
  g_string_append (events, "]}\n");
  bench_write_file (dir, "events.json", events);
  return g_steal_pointer (&dir);
}

/* Opening the file, reading the events and drawing the first frame */
static double
open_and_show (const char *database)
{
  g_autoptr(GFile) file = g_file_new_for_path (database);
  g_autoptr(GError) error = NULL;
  g_autoptr(VecinosDataset) dataset = NULL;
  g_autoptr(GListModel) events = NULL;
  g_autoptr(GPtrArray) categories = NULL;
  g_autoptr(GPtrArray) terms = NULL;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  gint64 t0 = g_get_monotonic_time ();
  double elapsed;
  Frame frame;

  dataset = vecinos_dataset_new_for_file (file, &error);
  if (dataset == NULL)
    g_error ("%s", error->message);
  events = vecinos_dataset_list_events (dataset, "en", &error);
  if (events == NULL)
    g_error ("%s", error->message);
  categories = vecinos_dataset_list_categories (dataset, "en");
  terms = vecinos_dataset_list_terms (dataset, "en");
  frame = show (events, categories, terms);
  draw_frame (frame.view, surface);
  /* settle() waits 50 ms for the window to map: not the program's time */
  elapsed = (g_get_monotonic_time () - t0) / 1000.0 - 50;
  hide (&frame);
  cairo_surface_destroy (surface);
  return elapsed;
}

int
main (int   argc,
      char *argv[])
{
  static const guint sizes[] = { 1000, 10000, 100000, 1000000 };
  gboolean quick = argc > 1 && g_str_equal (argv[1], "--quick");
  const char *bundled = argc > 1 + quick ? argv[1 + quick] : NULL;
  double worst;

  g_setenv ("GSK_RENDERER", "cairo", TRUE);
  if (!gtk_init_check ())
    {
      g_printerr ("bench-timeline-draw needs a display: run it as xvfb-run -a %s\n", argv[0]);
      return 1;
    }

  /* VECINOS_BENCH_EVENTS=N: frames of one synthetic size only */
  if (g_getenv ("VECINOS_BENCH_EVENTS") != NULL)
    {
      guint only = (guint) g_ascii_strtoull (g_getenv ("VECINOS_BENCH_EVENTS"), NULL, 10);

      bench_sizes (&only, 1, 21);
      return 0;
    }
  worst = bench_sizes (sizes, quick ? 2 : G_N_ELEMENTS (sizes), quick ? 5 : 21);
  g_print ("Largest ratio of a frame to the 1 000-event frame of the same view: %.2fx (target ≤ 2x)\n\n", worst);

  if (!quick)
    {
      g_autofree char *dir = write_dataset (1000000);
      g_autofree char *database = g_build_filename (dir, "vecinos.sqlite", NULL);
      gint64 t0 = g_get_monotonic_time ();
      double big, small = 0;

      /* The file the app opens is written by the compiler, as at build time */
      bench_compile (VECINOS_COMPILE_PATH, dir, database);
      g_print ("Compiling the 1 000 000-event dataset (a build step, not timed below): %.1f s\n",
               (g_get_monotonic_time () - t0) / 1e6);

      big = open_and_show (database);
      if (bundled != NULL)
        small = open_and_show (bundled);
      g_print ("Open and first frame: 1 000 000 events %.0f ms", big);
      if (bundled != NULL)
        g_print (", bundled dataset %.0f ms (%.1fx)", small, big / small);
      g_print ("\n");
      bench_remove_dir (dir);
    }
  return 0;
}
