/* replay.c — a fuzz target as an ordinary program, for the corpus replay
 * in `make test`: no clang and no libFuzzer needed
 *
 * Each argument is a file, fed to LLVMFuzzerTestOneInput() whole, or a
 * directory, each of whose files (sorted, not recursing, hidden files
 * skipped) is fed in turn. A crash or a failed invariant ends the program
 * with the sanitizer's report after the name of the file that caused it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <stdio.h>

#include "fuzz-input.h"

static gboolean
replay_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  gint64 begin;

  if (!g_file_get_contents (path, &contents, &length, &error))
    {
      g_printerr ("%s\n", error->message);
      return FALSE;
    }
  g_printerr ("%s (%" G_GSIZE_FORMAT " bytes)\n", path, length);
  begin = g_get_monotonic_time ();
  LLVMFuzzerTestOneInput ((const uint8_t *) contents, length);
  g_printerr ("  done in %.3f s\n", (g_get_monotonic_time () - begin) / 1e6);
  return TRUE;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

static gboolean
replay_directory (const char *path,
                  guint      *n_files)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = g_dir_open (path, 0, &error);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;
  gboolean ok = TRUE;

  if (dir == NULL)
    {
      g_printerr ("%s\n", error->message);
      return FALSE;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    if (name[0] != '.')
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *file = g_build_filename (path, g_ptr_array_index (names, i), NULL);

      if (g_file_test (file, G_FILE_TEST_IS_REGULAR))
        {
          ok &= replay_file (file);
          (*n_files)++;
        }
    }
  return ok;
}

int
main (int   argc,
      char *argv[])
{
  gboolean ok = TRUE;
  guint n_files = 0;

  if (argc < 2)
    {
      g_printerr ("Usage: %s FILE-OR-DIRECTORY…\n", argv[0]);
      return 2;
    }

  for (int i = 1; i < argc; i++)
    {
      if (g_file_test (argv[i], G_FILE_TEST_IS_DIR))
        ok &= replay_directory (argv[i], &n_files);
      else
        {
          ok &= replay_file (argv[i]);
          n_files++;
        }
    }

  if (n_files == 0)
    {
      g_printerr ("No input to replay\n");
      return 1;
    }
  g_print ("%u inputs replayed\n", n_files);
  return ok ? 0 : 1;
}
