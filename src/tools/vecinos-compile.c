/* vecinos-compile.c — build-time dataset compiler
 *
 *   vecinos-compile DATASET_DIR OUTPUT.sqlite
 *
 * Runs the importer the app uses on a dataset directory and writes the
 * result to OUTPUT. The database is written beside OUTPUT, as OUTPUT.part,
 * and renamed into place only when it is complete, so a failed build never
 * leaves a half-written dataset behind (nor the .part file and its
 * journal). OUTPUT.lock makes compiles to one output take turns: the last
 * one wins and OUTPUT is always a whole database. An output that is one of
 * the dataset's own files, or its folder, is refused.
 *
 * Exit status: 0 done, 1 failed, 2 wrong arguments.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "vecinos-event-list.h"
#include "vecinos-importer.h"
#include "vecinos-timelinejs.h"

/* How long a compile waits for another one writing the same output: the
 * bundled dataset compiles in well under a second */
#define LOCK_TIMEOUT_SECONDS 120

/* OUTPUT.part and what SQLite may put beside it */
static const char * const temporary_suffixes[] = { "", "-journal", "-wal", "-shm", NULL };

static void
remove_temporary (const char *temporary)
{
  for (guint i = 0; temporary_suffixes[i] != NULL; i++)
    {
      g_autofree char *path = g_strconcat (temporary, temporary_suffixes[i], NULL);

      g_unlink (path);
    }
}

/* The temporary files and the lock, for a compile interrupted (Ctrl+C in
 * a build, a build system's timeout): removed from the signal handler,
 * where only unlink() may be called */
static char *interrupted_paths[G_N_ELEMENTS (temporary_suffixes) + 1];

static void
on_interrupt (int signum)
{
  for (guint i = 0; interrupted_paths[i] != NULL; i++)
    unlink (interrupted_paths[i]);
  raise (signum);  /* SA_RESETHAND: now the default action */
}

static void
clean_up_when_interrupted (const char *temporary,
                           const char *lock_path)
{
  const int signals[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT };
  struct sigaction action = { .sa_handler = on_interrupt, .sa_flags = SA_RESETHAND };
  guint n = 0;

  for (guint i = 0; temporary_suffixes[i] != NULL; i++)
    interrupted_paths[n++] = g_strconcat (temporary, temporary_suffixes[i], NULL);
  interrupted_paths[n] = g_strdup (lock_path);

  sigemptyset (&action.sa_mask);
  for (guint i = 0; i < G_N_ELEMENTS (signals); i++)
    sigaction (signals[i], &action, NULL);
}

/* "Cannot write “OUT”: the folder “…” does not exist", rather than the
 * system's or SQLite's words about OUT.part */
static void
set_write_error (GError    **error,
                 const char *output,
                 int          saved_errno)
{
  g_autofree char *parent = g_path_get_dirname (output);
  g_autofree char *folder = g_canonicalize_filename (parent, NULL);

  switch (saved_errno)
    {
    case ENOENT:
    case ENOTDIR:
      if (g_file_test (folder, G_FILE_TEST_EXISTS) && !g_file_test (folder, G_FILE_TEST_IS_DIR))
        g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                     "Cannot write “%s”: “%s” is a file, not a folder", output, folder);
      else
        g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                     "Cannot write “%s”: the folder “%s” does not exist", output, folder);
      break;
    case EACCES:
    case EPERM:
    case EROFS:
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "Cannot write “%s”: the folder “%s” is not writable", output, folder);
      break;
    case ENOSPC:
    case EDQUOT:
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "Cannot write “%s”: the disk is full", output);
      break;
    case EISDIR:
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "Cannot write “%s”: it is a folder", output);
      break;
    default:
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "Cannot write “%s”: %s", output, g_strerror (saved_errno));
      break;
    }
}

static gboolean
same_file (const struct stat *a,
           const struct stat *b)
{
  return a->st_dev == b->st_dev && a->st_ino == b->st_ino;
}

/* `vecinos-compile DIR DIR/events.json` would replace a teacher's own
 * file with a database: refused, whether OUTPUT names the file, a link to
 * it, the folder itself or a file the importer would read there */
static gboolean
check_output_is_not_input (const char  *directory,
                           const char  *output,
                           GError     **error)
{
  const char * const *names = vecinos_importer_get_file_names ();
  g_autofree char *parent = g_path_get_dirname (output);
  g_autofree char *base = g_path_get_basename (output);
  struct stat folder_info, output_info, parent_info;
  gboolean output_exists = g_stat (output, &output_info) == 0;

  if (g_stat (directory, &folder_info) != 0)
    return TRUE;  /* the importer says the folder is missing */

  if (output_exists && same_file (&output_info, &folder_info))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_EXIST,
                   "Will not write “%s”: it is the dataset folder itself. "
                   "Choose an output file outside the dataset folder.", output);
      return FALSE;
    }

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *input = g_build_filename (directory, names[i], NULL);
      struct stat input_info;
      gboolean same = output_exists && g_stat (input, &input_info) == 0 &&
                      same_file (&output_info, &input_info);

      /* The file may not exist yet (an optional part), and still be read
       * by the next compile */
      if (!same && g_str_equal (base, names[i]) && g_stat (parent, &parent_info) == 0)
        same = same_file (&parent_info, &folder_info);
      if (same)
        {
          g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_EXIST,
                       "Will not write “%s”: it is “%s”, one of the dataset’s own files, "
                       "which would be lost. Choose an output file outside the dataset folder.",
                       output, input);
          return FALSE;
        }
    }
  return TRUE;
}

/* Waits for OUTPUT.lock: returns its descriptor, or -1 */
static int
take_lock (const char  *output,
           const char  *lock_path,
           GError     **error)
{
  gint64 deadline = g_get_monotonic_time () + LOCK_TIMEOUT_SECONDS * G_USEC_PER_SEC;

  for (;;)
    {
      struct stat held, current;
      int fd = g_open (lock_path, O_RDWR | O_CREAT | O_CLOEXEC, 0644);

      if (fd < 0)
        {
          set_write_error (error, output, errno);
          return -1;
        }
      while (flock (fd, LOCK_EX | LOCK_NB) != 0)
        {
          int saved_errno = errno;

          if (saved_errno != EWOULDBLOCK && saved_errno != EINTR)
            {
              close (fd);
              g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                           "Cannot write “%s”: cannot lock “%s”: %s",
                           output, lock_path, g_strerror (saved_errno));
              return -1;
            }
          if (g_get_monotonic_time () > deadline)
            {
              close (fd);
              g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_AGAIN,
                           "Cannot write “%s”: another vecinos-compile has been writing it "
                           "for more than %d seconds", output, LOCK_TIMEOUT_SECONDS);
              return -1;
            }
          g_usleep (20 * 1000);
        }

      /* The compile before us removes the lock file as it finishes: a lock
       * on a removed file guards nothing, so take the new one */
      if (fstat (fd, &held) == 0 && g_stat (lock_path, &current) == 0 && same_file (&held, &current))
        return fd;
      close (fd);
    }
}

static void
release_lock (int         fd,
              const char *lock_path)
{
  /* Removed while held, so that no one locks the old file after us */
  g_unlink (lock_path);
  close (fd);
}

/* Where to say what was skipped of a teacher's timeline */
static GPtrArray *problems;
/* NULL: read from the timeline's texts (English when they do not say) */
static const char *language = NULL;

static gboolean
compile (const char  *directory,
         const char  *output,
         const char  *temporary,
         GError     **error)
{
  g_autoptr(GFile) source = g_file_new_for_commandline_arg (directory);
  sqlite3 *db = NULL;
  gboolean ok, timeline;

  if (sqlite3_open_v2 (temporary, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK)
    {
      int saved_errno = db != NULL ? sqlite3_system_errno (db) : 0;

      if (saved_errno != 0)
        set_write_error (error, output, saved_errno);
      else
        g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                     "Cannot write “%s”: %s", output, db != NULL ? sqlite3_errmsg (db) : g_strerror (ENOMEM));
      sqlite3_close (db);
      return FALSE;
    }

  /* A folder is a dataset; a file a TimelineJS timeline, JSON or CSV */
  timeline = g_file_query_file_type (source, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_REGULAR;
  if (timeline)
    ok = vecinos_timeline_import_file (db, source, language, "en", &problems, error);
  else
    ok = vecinos_importer_import_directory (db, source, error);
  /* A dataset folder is packed for installing; a timeline is written as
   * the window writes it (a VACUUM copies the whole file again: a third of
   * the time at a million events). The VACUUM is a change of the file: the
   * events' order the importer kept is kept again after it */
  if (ok && !timeline &&
      (sqlite3_exec (db, "VACUUM", NULL, NULL, NULL) != SQLITE_OK || vecinos_event_list_keep_order (db) != SQLITE_OK))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                   "Cannot write “%s”: %s", output, sqlite3_errmsg (db));
      ok = FALSE;
    }
  if (sqlite3_close (db) != SQLITE_OK && ok)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED, "Cannot write “%s”: could not close it", output);
      ok = FALSE;
    }
  return ok;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *temporary = NULL;
  g_autofree char *lock_path = NULL;
  const char *directory, *output;
  gboolean ok;
  int lock;

  setlocale (LC_ALL, "");
  g_set_prgname ("vecinos-compile");
  /* SQLite counts its memory under a lock at each allocation, for limits
   * the compiler sets none of */
  sqlite3_config (SQLITE_CONFIG_MEMSTATUS, 0);

  /* --language=LANG: the language a timeline file is written in; without
   * it, or with "auto", read from its texts */
  if (argc == 4 && g_str_has_prefix (argv[1], "--language="))
    {
      language = argv[1] + strlen ("--language=");
      if (g_str_equal (language, "auto"))
        language = NULL;
      argv++, argc--;
    }
  if (argc != 3 || *argv[1] == '\0' || *argv[2] == '\0' ||
      !(language == NULL || g_str_equal (language, "en") || g_str_equal (language, "es")))
    {
      g_printerr ("Usage: %s [--language=auto|en|es] DATASET_DIR|TIMELINE.json|TIMELINE.csv OUTPUT.sqlite\n",
                  argv[0]);
      return 2;
    }
  directory = argv[1];
  output = argv[2];

  if (!check_output_is_not_input (directory, output, &error))
    {
      g_printerr ("%s: %s\n", g_get_prgname (), error->message);
      return 1;
    }

  temporary = g_strconcat (output, ".part", NULL);
  lock_path = g_strconcat (output, ".lock", NULL);
  if ((lock = take_lock (output, lock_path, &error)) < 0)
    {
      g_printerr ("%s: %s\n", g_get_prgname (), error->message);
      return 1;
    }

  /* What a compile killed halfway left behind */
  remove_temporary (temporary);
  clean_up_when_interrupted (temporary, lock_path);

  ok = compile (directory, output, temporary, &error);
  if (ok && g_rename (temporary, output) != 0)
    {
      set_write_error (&error, output, errno);
      ok = FALSE;
    }
  remove_temporary (temporary);
  release_lock (lock, lock_path);

  /* What of a timeline could not be read: listed, and the exit says so */
  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      const VecinosTimelineProblem *problem = g_ptr_array_index (problems, i);

      g_printerr ("%s: %s: %s: %s\n", g_get_prgname (), directory, problem->location, problem->reason);
    }
  if (!ok)
    {
      if (error->domain == VECINOS_IMPORT_ERROR || error->domain == VECINOS_TIMELINE_ERROR)
        g_printerr ("%s: %s: %s\n", g_get_prgname (), directory, error->message);
      else
        g_printerr ("%s: %s\n", g_get_prgname (), error->message);
      /* Nothing of the timeline could be read */
      return error->domain == VECINOS_TIMELINE_ERROR ? 2 : 1;
    }
  /* 1 when something was left out; a note (a background not shown) is
   * not that */
  for (guint i = 0; problems != NULL && i < problems->len; i++)
    if (!((const VecinosTimelineProblem *) g_ptr_array_index (problems, i))->note)
      return 1;
  return 0;
}
