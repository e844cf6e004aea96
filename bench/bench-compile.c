/* bench-compile.c — vecinos-compile's time and peak memory for a
 * teacher's timeline of 10 000 to 1 000 000 events, against compiling the
 * bundled dataset in the same run (issue 17)
 *
 *   build/bench/bench-compile data/dataset [EVENTS...] [--rounds=N]
 *
 * For each size (by default 10 000, 100 000 and 1 000 000), a synthetic
 * TimelineJS spreadsheet (CSV) and the same timeline as TimelineJS JSON
 * are compiled into a fresh SQLite file, each round interleaved with the
 * bundled dataset's folder. Reported: the median time, CPU time and peak
 * resident memory (ru_maxrss) of each, and the median ratio of its time to
 * the bundled dataset's in the same round.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "bench-util.h"

typedef struct {
  char   *name;
  char   *input;
  GArray *wall;
  GArray *cpu;
  GArray *rss;
  GArray *ratio;
} Job;

static Job *
job_new (char *name,
         char *input)
{
  Job *job = g_new0 (Job, 1);

  job->name = name;
  job->input = input;
  job->wall = g_array_new (FALSE, FALSE, sizeof (double));
  job->cpu = g_array_new (FALSE, FALSE, sizeof (double));
  job->rss = g_array_new (FALSE, FALSE, sizeof (double));
  job->ratio = g_array_new (FALSE, FALSE, sizeof (double));
  return job;
}

static void
job_free (Job *job)
{
  g_free (job->name);
  g_free (job->input);
  g_array_unref (job->wall);
  g_array_unref (job->cpu);
  g_array_unref (job->rss);
  g_array_unref (job->ratio);
  g_free (job);
}

static double
compile (Job        *job,
         const char *output)
{
  BenchRun run = { 0 };

  g_remove (output);
  if (!bench_spawn ((char *[]) { (char *) VECINOS_COMPILE_PATH, job->input, (char *) output, NULL }, NULL, &run))
    g_error ("vecinos-compile %s failed", job->input);
  g_free (run.output);
  g_array_append_val (job->wall, run.wall_ms);
  g_array_append_val (job->cpu, run.cpu_ms);
  g_array_append_val (job->rss, run.max_rss_mib);
  return run.wall_ms;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) jobs = g_ptr_array_new_with_free_func ((GDestroyNotify) job_free);
  g_autoptr(GArray) sizes = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree char *directory = g_dir_make_tmp ("vecinos-bench-XXXXXX", NULL);
  g_autofree char *output = g_build_filename (directory, "out.sqlite", NULL);
  guint rounds = 3;
  Job *bundled;

  if (!g_get_charset (NULL))
    setlocale (LC_CTYPE, "C.UTF-8");
  if (!bench_read_arguments (argc, argv, "DATASET-FOLDER [EVENTS...] [--rounds=N]", sizes,
                             (const guint[]) { 10000, 100000, 1000000 }, 3, &rounds, 1))
    return 2;

  bundled = job_new (g_strdup ("bundled dataset (185)"), g_strdup (argv[1]));
  g_ptr_array_add (jobs, bundled);
  for (guint i = 0; i < sizes->len; i++)
    for (int csv = 1; csv >= 0; csv--)
      {
        guint n = g_array_index (sizes, guint, i);
        g_autofree char *name = g_strdup_printf ("t%u.%s", n, csv ? "csv" : "json");
        char *path = g_build_filename (directory, name, NULL);
        g_autofree char *text = bench_synthetic_timeline (n, csv);
        g_autoptr(GError) error = NULL;

        if (!g_file_set_contents (path, text, -1, &error))
          g_error ("%s", error->message);
        g_ptr_array_add (jobs, job_new (g_strdup_printf ("%u events, %s", n, csv ? "CSV" : "JSON"), path));
      }

  for (guint r = 0; r < rounds; r++)
    {
      double base = compile (bundled, output);

      for (guint j = 1; j < jobs->len; j++)
        {
          Job *job = g_ptr_array_index (jobs, j);
          double ratio = compile (job, output) / base;

          g_array_append_val (job->ratio, ratio);
        }
    }

  g_print ("vecinos-compile, %u rounds, medians:\n", rounds);
  for (guint j = 0; j < jobs->len; j++)
    {
      Job *job = g_ptr_array_index (jobs, j);

      g_print ("%-24s %9.1f ms (CPU %9.1f ms)  peak %7.1f MiB", job->name, bench_median_of (job->wall),
               bench_median_of (job->cpu), bench_median_of (job->rss));
      if (job != bundled)
        g_print ("  %7.2f× the bundled dataset", bench_median_of (job->ratio));
      g_print ("\n");
    }
  for (guint j = 1; j < jobs->len; j++)
    g_remove (((Job *) g_ptr_array_index (jobs, j))->input);
  g_remove (output);
  g_rmdir (directory);
  return 0;
}
