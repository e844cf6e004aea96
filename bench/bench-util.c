/* bench-util.c — what the benchmarks share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench-util.h"
#include "vecinos-schema.h"

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Sorts @samples and returns the middle one */
double
bench_median (double *samples,
              guint   n)
{
  qsort (samples, n, sizeof (double), compare_doubles);
  return samples[n / 2];
}

/* Writes @contents as @dir/@name, or stops the benchmark */
void
bench_write_file (const char *dir,
                  const char *name,
                  GString    *contents)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  if (!g_file_set_contents (path, contents->str, contents->len, &error))
    g_error ("%s", error->message);
}

/* The median of a GArray of doubles */
double
bench_median_of (GArray *samples)
{
  return bench_median ((double *) samples->data, samples->len);
}

/* The command line the size benchmarks share: a file (argv[1]), then
 * sizes in events and --rounds=N, in any order. Fills @sizes (@defaults
 * when none is given) and @rounds (at least @least_rounds); FALSE, with
 * @usage printed, when there is no file */
gboolean
bench_read_arguments (int          argc,
                      char        *argv[],
                      const char  *usage,
                      GArray      *sizes,
                      const guint *defaults,
                      guint        n_defaults,
                      guint       *rounds,
                      guint        least_rounds)
{
  if (argc < 2)
    {
      g_printerr ("Usage: %s %s\n", argv[0], usage);
      return FALSE;
    }
  for (int i = 2; i < argc; i++)
    {
      guint n;

      if (g_str_has_prefix (argv[i], "--rounds="))
        *rounds = MAX (least_rounds, (guint) g_ascii_strtoull (argv[i] + strlen ("--rounds="), NULL, 10));
      else if ((n = (guint) g_ascii_strtoull (argv[i], NULL, 10)) > 0)
        g_array_append_val (sizes, n);
    }
  if (sizes->len == 0)
    g_array_append_vals (sizes, defaults, n_defaults);
  return TRUE;
}

/* Compiles the dataset directory @dir into @database with vecinos-compile,
 * as the build does, or stops the benchmark */
void
bench_compile (const char *compiler,
               const char *dir,
               const char *database)
{
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (!g_spawn_sync (NULL, (char *[]) { (char *) compiler, (char *) dir, (char *) database, NULL }, NULL,
                     G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    g_error ("%s", error->message);
}

/* Removes a dataset directory bench_write_file() filled (no subfolders) */
void
bench_remove_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        bench_remove_dir (path);
      else
        g_remove (path);
    }
  g_rmdir (dir);
}

/* A TimelineJS timeline of @n events, as JSON or as the spreadsheet
 * template in CSV: events spread over 1900–2025 with day, month and year
 * dates, eight groups, HTML texts, media links, two eras */
char *
bench_synthetic_timeline (guint     n,
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

/* Runs @argv to its end: its wall time, CPU time (user and system) and
 * peak resident memory (ru_maxrss), and what it printed; FALSE when it
 * could not start or did not exit with status 0 */
gboolean
bench_spawn (char       **argv,
             char       **envp,
             BenchRun    *run)
{
  g_autoptr(GError) error = NULL;
  gint out_fd = -1;
  GPid pid;
  gint64 start = g_get_monotonic_time ();
  struct rusage usage;
  int status;
  GString *out = g_string_new (NULL);
  char buffer[4096];
  gssize n;

  if (!g_spawn_async_with_pipes (NULL, argv, envp, G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDERR_TO_DEV_NULL, NULL,
                                 NULL, &pid, NULL, &out_fd, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      g_string_free (out, TRUE);
      return FALSE;
    }
  while ((n = read (out_fd, buffer, sizeof buffer)) > 0)
    g_string_append_len (out, buffer, n);
  close (out_fd);
  if (wait4 (pid, &status, 0, &usage) < 0)
    status = -1;
  g_spawn_close_pid (pid);
  run->start_us = start;
  run->wall_ms = (g_get_monotonic_time () - start) / 1000.0;
  run->cpu_ms = (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0 +
                (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
  run->max_rss_mib = usage.ru_maxrss / 1024.0;
  g_free (run->output);
  run->output = g_string_free (out, FALSE);
  return WIFEXITED (status) && WEXITSTATUS (status) == 0;
}

/* A synthetic timeline of @n events (bench_synthetic_timeline(), CSV)
 * compiled once by @compiler into the user's cache folder, and kept there
 * for the next run */
char *
bench_cached_dataset (const char *compiler,
                      guint       n)
{
  g_autofree char *directory = g_build_filename (g_get_user_cache_dir (), "vecinos-bench", NULL);
  /* Named by the schema version (a file of another is not opened) and by
   * what else the compiler writes: ".2", the events' order kept; ".3",
   * the events in the file's order, imported as they are read */
  g_autofree char *name = g_strdup_printf ("startup-%u-v%d.4.sqlite", n, VECINOS_SCHEMA_VERSION);
  char *database = g_build_filename (directory, name, NULL);
  g_autofree char *csv = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (g_file_test (database, G_FILE_TEST_EXISTS))
    return database;
  g_mkdir_with_parents (directory, 0700);
  csv = g_strdup_printf ("%s.csv", database);
  text = bench_synthetic_timeline (n, TRUE);
  if (!g_file_set_contents (csv, text, -1, &error))
    g_error ("%s", error->message);
  g_print ("compiling %u events into %s…\n", n, database);
  if (!g_spawn_sync (NULL, (char *[]) { (char *) compiler, csv, database, NULL }, NULL,
                     G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    g_error ("%s", error->message);
  g_remove (csv);
  return database;
}
