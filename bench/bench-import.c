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

static char *
synthetic (guint     n,
           gboolean  csv)
{
  static const char *groups[] = { "Trade", "Security", "Migration", "Politics", "Diplomacy", "Energy", "Border",
                                  "Health" };
  GString *text = g_string_new (NULL);
  GRand *rand = g_rand_new_with_seed (n);

  if (csv)
    g_string_append (text, "Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,Text,"
                           "Media,Media Credit,Media Caption,Media Thumbnail,Type,Group,Background\n"
                           ",,,,,,,,,A synthetic timeline,,,,,,title,,\n"
                           "1900,,,,1950,,,,,First half,,,,,,era,,\n1950,,,,2025,,,,,Second half,,,,,,era,,\n");
  else
    g_string_append (text, "{\"title\": {\"text\": {\"headline\": \"A synthetic timeline\"}}, \"eras\": ["
                           "{\"start_date\": {\"year\": 1900}, \"end_date\": {\"year\": 1950}, \"text\": {\"headline\": \"First half\"}},"
                           "{\"start_date\": {\"year\": 1950}, \"end_date\": {\"year\": 2025}, \"text\": {\"headline\": \"Second half\"}}],"
                           " \"events\": [");
  for (guint i = 0; i < n; i++)
    {
      int year = 1900 + g_rand_int_range (rand, 0, 126);
      int precision = g_rand_int_range (rand, 0, 3);
      int month = g_rand_int_range (rand, 1, 13);
      int day = g_rand_int_range (rand, 1, 29);
      const char *group = groups[g_rand_int_range (rand, 0, G_N_ELEMENTS (groups))];
      g_autofree char *m = precision >= 1 ? g_strdup_printf ("%d", month) : g_strdup ("");
      g_autofree char *d = precision >= 2 ? g_strdup_printf ("%d", day) : g_strdup ("");

      if (csv)
        g_string_append_printf (text, "%d,%s,%s,,,,,,,Event number %u,\"<p>What happened in event %u, "
                                      "with <b>bold</b> words and a <a href=\"\"https://example.org/%u\"\">link</a>.</p>\","
                                      "https://example.org/%u,Example Archive,A caption,,,%s,\n",
                                year, m, d, i, i, i, i, group);
      else
        g_string_append_printf (text, "%s{\"start_date\": {\"year\": %d%s%s%s%s}, \"text\": {\"headline\": \"Event number %u\","
                                      " \"text\": \"<p>What happened in event %u, with <b>bold</b> words and a "
                                      "<a href=\\\"https://example.org/%u\\\">link</a>.</p>\"}, \"group\": \"%s\","
                                      " \"media\": {\"url\": \"https://example.org/%u\", \"credit\": \"Example Archive\"}}",
                                i > 0 ? "," : "", year, *m ? ", \"month\": " : "", m, *d ? ", \"day\": " : "", d,
                                i, i, i, group, i);
    }
  if (!csv)
    g_string_append (text, "]}");
  g_rand_free (rand);
  return g_string_free (text, FALSE);
}

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

  if (argc < 2)
    {
      g_printerr ("Usage: %s DATASET.sqlite [EVENTS...] [--rounds=N]\n", argv[0]);
      return 2;
    }
  for (int i = 2; i < argc; i++)
    {
      guint n;

      if (g_str_has_prefix (argv[i], "--rounds="))
        rounds = MAX (3, (guint) g_ascii_strtoull (argv[i] + strlen ("--rounds="), NULL, 10));
      else if ((n = (guint) g_ascii_strtoull (argv[i], NULL, 10)) > 0)
        g_array_append_val (sizes, n);
    }
  if (sizes->len == 0)
    {
      guint defaults[] = { 185, 10000 };

      g_array_append_vals (sizes, defaults, G_N_ELEMENTS (defaults));
    }
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
        g_autofree char *text = synthetic (n, csv);
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
