/* bench-util.c — what the benchmarks share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>

#include "bench-util.h"

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
