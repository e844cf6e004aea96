/* bench-startup.c — Vecinos started to its first painted frame, against a
 * minimal GTK 4 window started the same way, interleaved (issue 17)
 *
 *   xvfb-run -a -s "-screen 0 1920x1080x24" build/bench/bench-startup \
 *       build/data/vecinos.sqlite [EVENTS...] [--rounds=N]
 *
 * Each round starts, in turn, the minimal window (bench/minimal-window.c:
 * a label, a Cairo canvas, a button) and Vecinos on the bundled dataset
 * in English and in Spanish and on synthetic datasets of EVENTS events
 * (by default 10 000, 100 000 and 1 000 000; TimelineJS spreadsheets
 * compiled once by vecinos-compile and kept in the user's cache folder).
 * Every program prints the monotonic clock, its CPU time and its PSS
 * (/proc/self/smaps_rollup) at its first painted frame and quits
 * (VECINOS_QUIT_AFTER_FIRST_FRAME, src/vecinos-first-frame.c); the time
 * counts from just before the process is started. Reported: the median
 * time, CPU time and PSS of each, and the median of the ratios to the
 * minimal window of the same round.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "bench-util.h"

typedef struct {
  char   *name;
  char  **argv;
  GArray *wall;   /* ms, a round each */
  GArray *cpu;
  GArray *pss;    /* MiB */
  GArray *wall_ratio;
  GArray *cpu_ratio;
} Program;

static Program *
program_new (char  *name,
             char **argv)
{
  Program *program = g_new0 (Program, 1);

  program->name = name;
  program->argv = argv;
  program->wall = g_array_new (FALSE, FALSE, sizeof (double));
  program->cpu = g_array_new (FALSE, FALSE, sizeof (double));
  program->pss = g_array_new (FALSE, FALSE, sizeof (double));
  program->wall_ratio = g_array_new (FALSE, FALSE, sizeof (double));
  program->cpu_ratio = g_array_new (FALSE, FALSE, sizeof (double));
  return program;
}

static void
program_free (Program *program)
{
  g_free (program->name);
  g_strfreev (program->argv);
  g_array_unref (program->wall);
  g_array_unref (program->cpu);
  g_array_unref (program->pss);
  g_array_unref (program->wall_ratio);
  g_array_unref (program->cpu_ratio);
  g_free (program);
}

/* One start: FALSE when the program failed or said nothing of its frame */
static gboolean
run (Program  *program,
     char    **envp,
     double   *wall,
     double   *cpu)
{
  BenchRun result = { 0 };
  gint64 at = 0, cpu_us = 0;
  guint64 pss = 0;
  const char *line;
  double mib;

  if (!bench_spawn (program->argv, envp, &result) ||
      (line = strstr (result.output, "first-frame ")) == NULL ||
      sscanf (line, "first-frame monotonic-us=%" G_GINT64_FORMAT " cpu-us=%" G_GINT64_FORMAT
                    " pss-kib=%" G_GUINT64_FORMAT, &at, &cpu_us, &pss) != 3)
    {
      g_printerr ("%s did not report its first frame:\n%s\n", program->name, result.output);
      g_free (result.output);
      return FALSE;
    }
  g_free (result.output);
  *wall = (at - result.start_us) / 1000.0;
  *cpu = cpu_us / 1000.0;
  mib = pss / 1024.0;
  g_array_append_val (program->wall, *wall);
  g_array_append_val (program->cpu, *cpu);
  g_array_append_val (program->pss, mib);
  return TRUE;
}

static char **
vecinos_argv (const char *dataset,
              const char *language)
{
  return g_strdupv ((char *[]) { (char *) VECINOS_PATH, (char *) "--dataset", (char *) dataset,
                                 (char *) "--language", (char *) language, NULL });
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) programs = g_ptr_array_new_with_free_func ((GDestroyNotify) program_free);
  g_autoptr(GArray) sizes = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree char *cache = g_dir_make_tmp ("vecinos-bench-XXXXXX", NULL);
  g_auto(GStrv) envp = g_get_environ ();
  guint rounds = 15;
  Program *minimal;

  /* "×" in a UTF-8 terminal, even where the locale is C */
  if (!g_get_charset (NULL))
    setlocale (LC_CTYPE, "C.UTF-8");

  if (!bench_read_arguments (argc, argv, "BUNDLED.sqlite [EVENTS...] [--rounds=N]", sizes,
                             (const guint[]) { 10000, 100000, 1000000 }, 3, &rounds, 3))
    return 2;

  /* As the tests run Vecinos: settings in memory, a fresh cache, Cairo */
  envp = g_environ_setenv (envp, "GSETTINGS_BACKEND", "memory", TRUE);
  envp = g_environ_setenv (envp, "GSETTINGS_SCHEMA_DIR", VECINOS_BUILD_ROOT "/data", TRUE);
  envp = g_environ_setenv (envp, "XDG_CACHE_HOME", cache, TRUE);
  envp = g_environ_setenv (envp, "GSK_RENDERER", "cairo", FALSE);
  envp = g_environ_setenv (envp, "NO_AT_BRIDGE", "1", FALSE);
  envp = g_environ_setenv (envp, "VECINOS_QUIT_AFTER_FIRST_FRAME", "1", TRUE);

  minimal = program_new (g_strdup ("minimal GTK 4 window"), g_strdupv ((char *[]) { (char *) MINIMAL_PATH, NULL }));
  g_ptr_array_add (programs, minimal);
  g_ptr_array_add (programs, program_new (g_strdup ("bundled, English"), vecinos_argv (argv[1], "en")));
  g_ptr_array_add (programs, program_new (g_strdup ("bundled, Spanish"), vecinos_argv (argv[1], "es")));
  for (guint i = 0; i < sizes->len; i++)
    {
      guint n = g_array_index (sizes, guint, i);
      g_autofree char *database = bench_cached_dataset (VECINOS_COMPILE_PATH, n);

      g_ptr_array_add (programs, program_new (g_strdup_printf ("%u events", n), vecinos_argv (database, "en")));
    }

  /* A start of each not measured: the files in the page cache */
  for (guint p = 0; p < programs->len; p++)
    {
      double wall, cpu;
      Program *program = g_ptr_array_index (programs, p);

      if (!run (program, envp, &wall, &cpu))
        return 1;
      g_array_set_size (program->wall, 0);
      g_array_set_size (program->cpu, 0);
      g_array_set_size (program->pss, 0);
    }

  for (guint r = 0; r < rounds; r++)
    {
      double base_wall = 0, base_cpu = 0;

      for (guint p = 0; p < programs->len; p++)
        {
          Program *program = g_ptr_array_index (programs, p);
          double wall, cpu, ratio;

          if (!run (program, envp, &wall, &cpu))
            return 1;
          if (program == minimal)
            {
              base_wall = wall;
              base_cpu = cpu;
              continue;
            }
          ratio = wall / base_wall;
          g_array_append_val (program->wall_ratio, ratio);
          ratio = cpu / base_cpu;
          g_array_append_val (program->cpu_ratio, ratio);
        }
    }

  g_print ("start to first painted frame, %u rounds, medians:\n", rounds);
  for (guint p = 0; p < programs->len; p++)
    {
      Program *program = g_ptr_array_index (programs, p);

      g_print ("%-22s %8.1f ms (CPU %7.1f ms)  PSS %6.1f MiB", program->name, bench_median_of (program->wall),
               bench_median_of (program->cpu), bench_median_of (program->pss));
      if (program != minimal)
        g_print ("  %5.2f× the minimal window (CPU %5.2f×)", bench_median_of (program->wall_ratio),
                 bench_median_of (program->cpu_ratio));
      g_print ("\n");
    }
  bench_remove_dir (cache);
  return 0;
}
