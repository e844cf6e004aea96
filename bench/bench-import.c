/* bench-import.c — a teacher's TimelineJS file opened: read, compiled and
 * drawn, against opening the bundled dataset in the same run (issue 16)
 *
 *   xvfb-run -a build/bench/bench-import build/data/vecinos.sqlite [EVENTS...] [--rounds=N]
 *
 * For each size (by default 185 and 10 000 events), synthetic timelines
 * are written as TimelineJS JSON and as the spreadsheet template in CSV —
 * events spread over 1900–2025 with day, month and year dates, eight
 * groups, HTML texts, media links, two eras — and each is timed from the
 * file to the window's first frame: the import into a fresh cache (the
 * first opening) and the window drawn on the compiled file. The baseline
 * is the bundled dataset opened in a window to its first frame. Reports
 * medians, the ratio to the baseline, and the resident memory after each
 * opening (VmRSS, whole process).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "bench-util.h"
#include "vecinos-language.h"
#include "vecinos-timeline-import.h"
#include "vecinos-window-private.h"

static void
close_window (GtkWidget *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* A window on @dataset, to its first frame: ms */
static double
open_window (VecinosDataset *dataset)
{
  gint64 start = g_get_monotonic_time ();
  GtkWidget *window = vecinos_window_new (NULL, dataset, "en", NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (window);
  start = g_get_monotonic_time () - start;
  close_window (window);
  return start / 1000.0;
}

static double
rss_mib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) || (line = strstr (status, "VmRSS:")) == NULL)
    return 0;
  return g_ascii_strtod (line + strlen ("VmRSS:"), NULL) / 1024.0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GFile) bundled_file = NULL;
  g_autoptr(VecinosDataset) bundled = NULL;
  g_autoptr(GArray) sizes = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree char *directory = g_dir_make_tmp ("vecinos-bench-XXXXXX", NULL);
  guint rounds = 5;
  g_autofree double *baseline = NULL;
  double baseline_ms;

  if (!bench_read_arguments (argc, argv, "DATASET.sqlite [EVENTS...] [--rounds=N]", sizes,
                             (const guint[]) { 185, 10000 }, 2, &rounds, 3))
    return 2;
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GSETTINGS_SCHEMA_DIR", VECINOS_BUILD_ROOT "/data", TRUE);
  vecinos_language_bind (VECINOS_BUILD_ROOT "/po");
  vecinos_language_use ("en");
  gtk_init ();

  bundled_file = g_file_new_for_commandline_arg (argv[1]);
  if ((bundled = vecinos_dataset_new_for_file (bundled_file, NULL)) == NULL)
    return 1;

  baseline = g_new (double, rounds);
  for (guint r = 0; r < rounds; r++)
    baseline[r] = open_window (bundled);
  baseline_ms = bench_median (baseline, rounds);
  g_print ("baseline: the bundled dataset (185 events) to its first frame: median %.1f ms, %.0f MiB resident\n",
           baseline_ms, rss_mib ());

  for (guint s = 0; s < sizes->len; s++)
    for (int csv = 0; csv <= 1; csv++)
      {
        guint n = g_array_index (sizes, guint, s);
        g_autofree char *text = bench_synthetic_timeline (n, csv);
        g_autofree char *name = g_strdup_printf ("timeline-%u.%s", n, csv ? "csv" : "json");
        g_autofree char *path = g_build_filename (directory, name, NULL);
        g_autoptr(GFile) file = g_file_new_for_path (path);
        g_autofree double *total = g_new (double, rounds);
        g_autofree double *import = g_new (double, rounds);

        g_file_set_contents (path, text, -1, NULL);
        for (guint r = 0; r < rounds; r++)
          {
            g_autofree char *cache = g_build_filename (directory, "cache", NULL);
            g_autoptr(GError) error = NULL;
            g_autofree char *compiled = NULL;
            g_autoptr(GFile) compiled_file = NULL;
            g_autoptr(VecinosDataset) dataset = NULL;
            gint64 start;

            /* A first opening: nothing in the cache */
            g_setenv ("XDG_CACHE_HOME", cache, TRUE);
            bench_remove_dir (cache);
            start = g_get_monotonic_time ();
            compiled = vecinos_timeline_import_sync (file, "en", "en", NULL, &error);
            if (compiled == NULL)
              {
                g_printerr ("%s\n", error->message);
                return 1;
              }
            import[r] = (g_get_monotonic_time () - start) / 1000.0;
            compiled_file = g_file_new_for_path (compiled);
            dataset = vecinos_dataset_new_for_file (compiled_file, &error);
            total[r] = import[r] + open_window (dataset);
          }
        g_print ("%6u events, %-4s: file to first frame median %7.1f ms (import %7.1f ms), %5.2f× the baseline, "
                 "%.0f MiB resident\n",
                 n, csv ? "CSV" : "JSON", bench_median (total, rounds), bench_median (import, rounds),
                 bench_median (total, rounds) / baseline_ms, rss_mib ());
        g_unlink (path);
      }
  bench_remove_dir (directory);
  return 0;
}
