/* bench-filter.c — the timeline's filter as a user types: a key to the
 * frame that shows it in the entry, and to the frame that shows the
 * events it lets through, for the bundled dataset and synthetic ones of
 * 10 000 to 1 000 000 events, against a plain search entry's key to frame
 * measured in the same run (issue 17)
 *
 *   xvfb-run -a -s "-screen 0 1920x1080x24" build/bench/bench-filter \
 *       build/data/vecinos.sqlite [EVENTS...] [--rounds=N]
 *
 * Each round types a word a key at a time into the filter ("mexico" in the
 * bundled dataset, "event" then "event 12" in the synthetic ones, whose
 * every event has the word "event": the most they can match) and clears
 * it. Past 20 000 events the words are looked up after a pause in typing
 * (150 ms, vecinos-workspace.c); the time to the filtered frame is given
 * without that pause, which is waiting, not work. The synthetic datasets
 * are compiled once into the user's cache folder (bench-util.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gtk/gtk.h>
#include <locale.h>
#include <time.h>

#include "bench-util.h"
#include "vecinos-language.h"
#include "vecinos-window-private.h"

#define PAUSE_EVENTS 20000
#define PAUSE_MS 150.0

/* The process's CPU time, all threads */
static double
cpu_ms (void)
{
  struct timespec now;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &now);
  return now.tv_sec * 1000.0 + now.tv_nsec / 1e6;
}

static gint64
wait_for_frame (GtkWidget *window)
{
  gtk_test_widget_wait_for_draw (window);
  return g_get_monotonic_time ();
}

/* Types @texts into @entry a text at a time: key → frame in @key_ms, key
 * → filtered frame in @filter_ms (less the pause where the window waits
 * for one) */
static void
type (GtkWidget   *window,
      GtkEditable *entry,
      const char **texts,
      GArray      *key_ms,
      GArray      *filter_ms,
      GArray     **text_ms)
{
  for (guint i = 0; texts[i] != NULL; i++)
    {
      gint64 start;
      double ms;
      gboolean pending;

      start = g_get_monotonic_time ();
      gtk_editable_set_text (entry, texts[i]);
      pending = VECINOS_IS_WINDOW (window) && vecinos_window_get_filter_pending (VECINOS_WINDOW (window));
      ms = (wait_for_frame (window) - start) / 1000.0;
      g_array_append_val (key_ms, ms);
      if (!VECINOS_IS_WINDOW (window))
        continue;
      /* The filtered frame: that one, or the one after the pause */
      if (pending)
        {
          while (vecinos_window_get_filter_pending (VECINOS_WINDOW (window)))
            g_main_context_iteration (NULL, TRUE);
          ms = (wait_for_frame (window) - start) / 1000.0 - PAUSE_MS;
        }
      g_array_append_val (filter_ms, ms);
      if (text_ms != NULL)
        g_array_append_val (text_ms[i], ms);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GArray) sizes = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) plain_ms = g_array_new (FALSE, FALSE, sizeof (double));
  guint rounds = 5;
  const char *bundled_texts[] = { "m", "me", "mex", "mexi", "mexic", "mexico", "", NULL };
  const char *synthetic_texts[] = { "e", "ev", "eve", "even", "event", "event 1", "event 12", "", NULL };

  if (!g_get_charset (NULL))
    setlocale (LC_CTYPE, "C.UTF-8");
  if (!bench_read_arguments (argc, argv, "BUNDLED.sqlite [EVENTS...] [--rounds=N]", sizes,
                             (const guint[]) { 10000, 100000, 1000000 }, 3, &rounds, 1))
    return 2;
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GSETTINGS_SCHEMA_DIR", VECINOS_BUILD_ROOT "/data", TRUE);
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  vecinos_language_bind (VECINOS_BUILD_ROOT "/po");
  vecinos_language_use ("en");
  gtk_init ();

  /* The baseline: a search entry alone in a window */
  {
    GtkWidget *window = gtk_window_new ();
    GtkWidget *entry = gtk_search_entry_new ();
    g_autoptr(GArray) unused = g_array_new (FALSE, FALSE, sizeof (double));

    gtk_window_set_child (GTK_WINDOW (window), entry);
    gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
    gtk_window_present (GTK_WINDOW (window));
    wait_for_frame (window);
    for (guint r = 0; r < rounds; r++)
      type (window, GTK_EDITABLE (entry), bundled_texts, plain_ms, unused, NULL);
    gtk_window_destroy (GTK_WINDOW (window));
  }
  g_print ("filter, %u rounds, medians; a search entry alone: key to frame %.1f ms\n", rounds,
           bench_median_of (plain_ms));

  for (int s = -1; s < (int) sizes->len; s++)
    {
      guint n = s < 0 ? 0 : g_array_index (sizes, guint, s);
      g_autofree char *path = s < 0 ? g_strdup (argv[1]) : bench_cached_dataset (VECINOS_COMPILE_PATH, n);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      g_autoptr(VecinosDataset) dataset = vecinos_dataset_new_for_file (file, &error);
      g_autoptr(GArray) key_ms = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) filter_ms = g_array_new (FALSE, FALSE, sizeof (double));
      const char **texts = s < 0 ? bundled_texts : synthetic_texts;
      GArray *text_ms[G_N_ELEMENTS (synthetic_texts)] = { NULL };
      GtkWidget *window;
      guint n_events;

      if (dataset == NULL)
        g_error ("%s", error->message);
      window = vecinos_window_new (NULL, dataset, "en", NULL);
      gtk_window_set_default_size (GTK_WINDOW (window), 1920, 1080);
      gtk_window_present (GTK_WINDOW (window));
      wait_for_frame (window);
      n_events = g_list_model_get_n_items (G_LIST_MODEL (vecinos_window_get_event_selection (VECINOS_WINDOW (window))));
      for (guint i = 0; texts[i] != NULL; i++)
        text_ms[i] = g_array_new (FALSE, FALSE, sizeof (double));
      for (guint r = 0; r < rounds; r++)
        type (window, vecinos_window_get_filter_entry (VECINOS_WINDOW (window)), texts, key_ms, filter_ms,
              text_ms);

      g_print ("%8u events: key to frame %7.1f ms (%5.2f× the entry alone), to the filtered frame %8.1f ms%s\n",
               n_events, bench_median_of (key_ms), bench_median_of (key_ms) / bench_median_of (plain_ms), bench_median_of (filter_ms),
               n_events >= PAUSE_EVENTS ? " (after the 150 ms pause)" : "");
      /* Each text's own: the slowest one is not hidden by the median */
      g_print ("          each text to its filtered frame:");
      for (guint i = 0; texts[i] != NULL; i++)
        {
          g_print (" \"%s\" %.1f", texts[i], bench_median_of (text_ms[i]));
          g_array_unref (text_ms[i]);
        }
      g_print (" ms\n");
      /* The bundled dataset's views switched: to the frame that shows the
       * view, wall and CPU time; the first time a view is shown (it is
       * built then) apart from the rounds after */
      if (s < 0)
        {
          const char *views[] = { "charts", "documents", "timeline" };
          g_autoptr(GArray) first_ms = g_array_new (FALSE, FALSE, sizeof (double));
          g_autoptr(GArray) first_cpu = g_array_new (FALSE, FALSE, sizeof (double));
          g_autoptr(GArray) switch_ms = g_array_new (FALSE, FALSE, sizeof (double));
          g_autoptr(GArray) switch_cpu = g_array_new (FALSE, FALSE, sizeof (double));
          GArray *view_cpu[G_N_ELEMENTS (views)];

          for (guint v = 0; v < G_N_ELEMENTS (views); v++)
            view_cpu[v] = g_array_new (FALSE, FALSE, sizeof (double));

          for (guint r = 0; r < rounds + 1; r++)
            for (guint v = 0; v < G_N_ELEMENTS (views); v++)
              {
                gint64 start = g_get_monotonic_time ();
                double cpu = cpu_ms (), ms;

                gtk_widget_activate_action (window, "win.show-view", "s", views[v]);
                ms = (wait_for_frame (window) - start) / 1000.0;
                cpu = cpu_ms () - cpu;
                g_array_append_val (r == 0 ? first_ms : switch_ms, ms);
                g_array_append_val (r == 0 ? first_cpu : switch_cpu, cpu);
                if (r > 0)
                  g_array_append_val (view_cpu[v], cpu);
              }
          g_print ("     views switched: to the frame that shows the view %.1f ms (CPU %.1f ms); "
                   "the first time each is shown %.1f ms (CPU %.1f ms)\n",
                   bench_median_of (switch_ms), bench_median_of (switch_cpu),
                   bench_median_of (first_ms), bench_median_of (first_cpu));
          g_print ("     CPU of a switch to each view:");
          for (guint v = 0; v < G_N_ELEMENTS (views); v++)
            {
              g_print (" %s %.1f ms", views[v], bench_median_of (view_cpu[v]));
              g_array_unref (view_cpu[v]);
            }
          g_print ("\n");
        }
      gtk_window_destroy (GTK_WINDOW (window));
      while (g_main_context_iteration (NULL, FALSE))
        ;
    }
  return 0;
}
