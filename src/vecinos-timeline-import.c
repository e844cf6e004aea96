/* vecinos-timeline-import.c — a teacher's TimelineJS file opened in a window
 *
 * The file is compiled by the importer (src/model/vecinos-timelinejs*.c)
 * off the main thread into a private SQLite file in the user's cache,
 * named by a checksum of the file's content, the language it is written in
 * and the dataset format: opening an unchanged file again opens that file
 * at once. The bundled dataset is never written. What could not be read is
 * kept beside it and shown in a window the teacher can read and copy.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#ifdef HAVE_MALLOC_TRIM
#include <malloc.h>
#endif

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

#include "vecinos-dataset.h"
#include "vecinos-file-dialogs.h"
#include "vecinos-schema.h"
#include "vecinos-timeline-import.h"
#include "vecinos-timelinejs.h"

typedef struct {
  GFile        *file;
  char         *language;    /* NULL: read from the texts */
  char         *fallback;    /* when they do not say: the window's language */
  char         *cache;       /* the compiled file */
  char         *problems;    /* what could not be read, a line each; NULL: all read */
  GCancellable *cancellable; /* Cancel in the progress window */
  /* On the main thread: the progress window, shown after half a second */
  GtkWidget    *progress;
  guint         show_id;
  guint         pulse_id;
} ImportJob;

static void
hide_progress (ImportJob *job)
{
  g_clear_handle_id (&job->show_id, g_source_remove);
  g_clear_handle_id (&job->pulse_id, g_source_remove);
  if (job->progress != NULL)
    gtk_window_destroy (GTK_WINDOW (job->progress));
  job->progress = NULL;
}

static void
import_job_free (ImportJob *job)
{
  hide_progress (job);
  g_clear_object (&job->cancellable);
  g_clear_object (&job->file);
  g_free (job->language);
  g_free (job->fallback);
  g_free (job->cache);
  g_free (job->problems);
  g_free (job);
}

/* $XDG_CACHE_HOME/vecinos/timelines/CHECKSUM: of the content, the
 * language asked for (or the one taken when the texts do not say) and the
 * dataset format. The file is read a piece at a time: a timeline of
 * hundreds of megabytes is not held in memory to be named */
static char *
cache_path (GFile       *file,
            const char  *language,
            const char  *fallback,
            GError     **error)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *format = g_strdup_printf ("vecinos-%d-%s-%s", VECINOS_SCHEMA_VERSION,
                                             language != NULL ? language : "auto", fallback);
  g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, error);
  g_autofree guchar *buffer = NULL;
  gssize n;

  if (stream == NULL)
    return NULL;
  g_checksum_update (checksum, (const guchar *) format, -1);
  buffer = g_malloc (256 * 1024);
  while ((n = g_input_stream_read (G_INPUT_STREAM (stream), buffer, 256 * 1024, NULL, error)) > 0)
    g_checksum_update (checksum, buffer, n);
  if (n < 0)
    return NULL;
  return g_build_filename (g_get_user_cache_dir (), "vecinos", "timelines", g_checksum_get_string (checksum), NULL);
}

/* Forgets the timelines an earlier Vecinos compiled into @folder, in
 * another dataset format: this one cannot open them (it compiles the file
 * again, under another name), and they would stay for ever, each as large
 * as its timeline. The teacher's own files are never here */
static void
forget_other_formats (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autofree char *base = NULL;
      g_autofree char *problems = NULL;
      gint64 format;

      if (!g_str_has_suffix (name, ".sqlite"))
        continue;
      path = g_build_filename (folder, name, NULL);
      format = vecinos_dataset_file_format (path);
      if (format < 0 || format == VECINOS_SCHEMA_VERSION)
        continue;
      base = g_strndup (path, strlen (path) - strlen (".sqlite"));
      problems = g_strconcat (base, ".problems", NULL);
      g_unlink (path);
      g_unlink (problems);
    }
}

static char *
problems_text (GPtrArray *problems)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      const VecinosTimelineProblem *problem = g_ptr_array_index (problems, i);

      g_string_append_printf (text, "%s: %s\n", problem->location, problem->reason);
    }
  return text->len > 0 ? g_string_free (text, FALSE) : (g_string_free (text, TRUE), NULL);
}

static gboolean
compile (ImportJob  *job,
         GError    **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *base = NULL;
  g_autofree char *part = NULL;
  g_autofree char *problems_file = NULL;
  g_autofree char *folder = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  sqlite3 *db = NULL;
  gboolean ok;

  /* Not a pipe or a device, whose reading would not end */
  if (!(info = vecinos_timeline_check_file (job->file, error)) ||
      !(base = cache_path (job->file, job->language, job->fallback, error)))
    return FALSE;
  job->cache = g_strconcat (base, ".sqlite", NULL);
  problems_file = g_strconcat (base, ".problems", NULL);
  /* Opened before: the same file, compiled */
  if (g_file_test (job->cache, G_FILE_TEST_IS_REGULAR))
    {
      g_file_get_contents (problems_file, &job->problems, NULL, NULL);
      return TRUE;
    }

  folder = g_path_get_dirname (base);
  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno), "%s", g_strerror (saved_errno));
      return FALSE;
    }
  part = g_strdup_printf ("%s.%d.%08x.part", base, (int) getpid (), g_random_int ());
  g_unlink (part);
  if (sqlite3_open (part, &db) != SQLITE_OK)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED, "%s", sqlite3_errmsg (db));
      sqlite3_close (db);
      return FALSE;
    }
  /* Cancel stops SQLite between two steps */
  if (job->cancellable != NULL)
    sqlite3_progress_handler (db, 1000, (int (*) (void *)) g_cancellable_is_cancelled, job->cancellable);
  ok = vecinos_timeline_import_file (db, job->file, job->language, job->fallback, &problems, error);
  sqlite3_close (db);
#ifdef HAVE_MALLOC_TRIM
  /* The timeline read and SQLite's pages are freed: given back to the
   * system (glibc keeps what a thread frees for it), the window holds
   * what it shows and no more */
  malloc_trim (0);
#endif
  if (!ok && g_cancellable_is_cancelled (job->cancellable))
    {
      g_clear_error (error);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Cancelled"));
    }
  job->problems = problems_text (problems);
  if (ok && job->problems != NULL)
    g_file_set_contents (problems_file, job->problems, -1, NULL);
  if (ok && g_rename (part, job->cache) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno), "%s", g_strerror (saved_errno));
      ok = FALSE;
    }
  g_unlink (part);
  if (ok)
    forget_other_formats (folder);
  return ok;
}

static void
compile_in_thread (GTask        *task,
                   gpointer      source,
                   gpointer      data,
                   GCancellable *cancellable)
{
  GError *error = NULL;

  if (compile (data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
copy_problems (GtkButton  *button,
               const char *text)
{
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (button)), text);
}

/* What could not be read, to read and to copy; @opened: whether the
 * rest of the timeline was opened, or nothing could be */
static void
show_problems (GtkWindow  *parent,
               const char *name,
               const char *problems,
               gboolean    opened)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *view = gtk_text_view_new ();
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *copy = gtk_button_new_with_mnemonic (_("_Copy the List"));
  GtkWidget *close = gtk_button_new_with_mnemonic (_("_Close"));
  g_autofree char *intro = NULL;
  guint count = 0;

  for (const char *p = problems; *p != '\0'; p++)
    count += *p == '\n';
  if (opened)
    /* Translators: %1$s is a file's name, %2$u how many events or rows */
    intro = g_strdup_printf (ngettext ("%1$s is open. %2$u event or row could not be read and was left out:",
                                       "%1$s is open. %2$u events or rows could not be read and were left out:",
                                       count), name, count);
  else
    /* Translators: %1$s is a file's name, %2$u how many events or rows;
     * none of the file's events could be read, and here is why */
    intro = g_strdup_printf (ngettext ("%1$s was not opened: none of its events could be read. "
                                       "%2$u event or row, and why:",
                                       "%1$s was not opened: none of its events could be read. "
                                       "%2$u events or rows, and why:",
                                       count), name, count);
  gtk_window_set_title (GTK_WINDOW (window), opened ? _("Some of the Timeline Could Not Be Read")
                                                    : _("None of the Timeline Could Be Read"));
  gtk_window_set_transient_for (GTK_WINDOW (window), parent);
  gtk_window_set_default_size (GTK_WINDOW (window), 640, 420);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  {
    GtkWidget *label = gtk_label_new (intro);

    gtk_label_set_wrap (GTK_LABEL (label), TRUE);
    gtk_label_set_xalign (GTK_LABEL (label), 0);
    gtk_box_append (GTK_BOX (box), label);
    gtk_accessible_update_relation (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
  }
  gtk_text_view_set_editable (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_monospace (GTK_TEXT_VIEW (view), TRUE);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), problems, -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (box), scroller);
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  g_signal_connect_data (copy, "clicked", G_CALLBACK (copy_problems), g_strdup (problems),
                         (GClosureNotify) (void (*) (void)) g_free, 0);
  g_signal_connect_swapped (close, "clicked", G_CALLBACK (gtk_window_destroy), window);
  gtk_box_append (GTK_BOX (buttons), copy);
  gtk_box_append (GTK_BOX (buttons), close);
  gtk_box_append (GTK_BOX (box), buttons);
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_widget_set_name (window, "vecinos-import-problems");
  /* Escape closes it, as a dialog */
  {
    GtkEventController *keys = gtk_shortcut_controller_new ();

    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                            gtk_named_action_new ("window.close")));
    gtk_widget_add_controller (window, keys);
  }
  gtk_window_present (GTK_WINDOW (window));
}

static void
compiled (GObject      *source,
          GAsyncResult *result,
          gpointer      data)
{
  VecinosWindow *window = VECINOS_WINDOW (source);
  ImportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (job->file);

  hide_progress (job);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      /* Cancelled: the window stays as it was, nothing to say */
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      /* Translators: %s is a file's name */
      g_autofree char *title = g_strdup_printf (_("“%s” Could Not Be Opened"), name);

      /* No event could be read: the list says why, event by event */
      if (g_error_matches (error, VECINOS_TIMELINE_ERROR, VECINOS_TIMELINE_ERROR_NOTHING_READ) &&
          job->problems != NULL)
        show_problems (GTK_WINDOW (window), name, job->problems, FALSE);
      else
        vecinos_error_dialog_show (GTK_WINDOW (window), title, error->message);
      return;
    }
  {
    g_autoptr(GFile) cache = g_file_new_for_path (job->cache);

    if (!vecinos_window_open_dataset (window, cache))
      return;
    vecinos_window_remember_timeline (window, job->file);
    if (job->problems != NULL)
      show_problems (GTK_WINDOW (window), name, job->problems, TRUE);
  }
}

static gboolean
pulse (gpointer data)
{
  ImportJob *job = data;
  GtkWidget *bar = g_object_get_data (G_OBJECT (job->progress), "bar");

  gtk_progress_bar_pulse (GTK_PROGRESS_BAR (bar));
  return G_SOURCE_CONTINUE;
}

/* A long import (a large file, a first opening) shows that it is working
 * and can be cancelled; a short one shows nothing */
static gboolean
cancel_import (GtkWidget *widget,
               GVariant  *args,
               gpointer   cancellable)
{
  g_cancellable_cancel (cancellable);
  return TRUE;
}

static gboolean
show_progress (gpointer data)
{
  ImportJob *job = data;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *bar = gtk_progress_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  g_autofree char *name = g_file_get_basename (job->file);
  /* Translators: %s is a file's name */
  g_autofree char *text = g_strdup_printf (_("Opening “%s”…"), name);
  GtkWidget *label = gtk_label_new (text);

  job->show_id = 0;
  job->progress = gtk_window_new ();
  gtk_window_set_title (GTK_WINDOW (job->progress), _("Opening a Timeline"));
  gtk_window_set_modal (GTK_WINDOW (job->progress), TRUE);
  gtk_window_set_transient_for (GTK_WINDOW (job->progress), g_object_get_data (G_OBJECT (job->cancellable), "window"));
  gtk_window_set_deletable (GTK_WINDOW (job->progress), FALSE);
  gtk_widget_set_name (job->progress, "vecinos-import-progress");
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_box_append (GTK_BOX (box), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  gtk_box_append (GTK_BOX (box), bar);
  gtk_widget_set_halign (cancel, GTK_ALIGN_END);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (g_cancellable_cancel), job->cancellable);
  /* Escape cancels, as in any dialog */
  {
    GtkEventController *shortcuts = gtk_shortcut_controller_new ();

    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                            gtk_callback_action_new (cancel_import, job->cancellable,
                                                                                     NULL)));
    gtk_widget_add_controller (job->progress, shortcuts);
  }
  gtk_box_append (GTK_BOX (box), cancel);
  gtk_window_set_child (GTK_WINDOW (job->progress), box);
  g_object_set_data (G_OBJECT (job->progress), "bar", bar);
  job->pulse_id = g_timeout_add (100, pulse, job);
  gtk_window_present (GTK_WINDOW (job->progress));
  return G_SOURCE_REMOVE;
}

/**
 * vecinos_window_import_timeline:
 * @file: a TimelineJS JSON file or the TimelineJS spreadsheet as CSV
 *
 * @language: (nullable): the language it is written in, "en" or "es";
 *   %NULL to read it from its texts (the window's language when they do
 *   not say)
 *
 * Compiles @file (or finds it compiled) off the main thread and opens it in
 * @window; says in a dialog why, if it cannot, and lists what was left out.
 */
void
vecinos_window_import_timeline (VecinosWindow *window,
                                GFile         *file,
                                const char    *language)
{
  g_autoptr(GTask) task = NULL;
  ImportJob *job;

  g_return_if_fail (VECINOS_IS_WINDOW (window));
  g_return_if_fail (G_IS_FILE (file));

  job = g_new0 (ImportJob, 1);
  job->file = g_object_ref (file);
  job->language = g_strdup (language);
  job->fallback = g_strdup (vecinos_context_get_language (vecinos_window_get_context (window)));
  job->cancellable = g_cancellable_new ();
  g_object_set_data (G_OBJECT (job->cancellable), "window", window);
  task = g_task_new (window, NULL, compiled, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify) import_job_free);
  job->show_id = g_timeout_add (500, show_progress, job);
  g_task_run_in_thread (task, compile_in_thread);
}

/**
 * vecinos_timeline_import_sync:
 *
 * What vecinos_window_import_timeline() does, in the calling thread, for
 * tests: returns the compiled file's path and what could not be read.
 */
char *
vecinos_timeline_import_sync (GFile       *file,
                              const char  *language,
                              const char  *fallback,
                              char       **problems,
                              GError     **error)
{
  ImportJob job = { .file = file, .language = (char *) language, .fallback = (char *) fallback };
  char *cache = NULL;

  if (compile (&job, error))
    cache = g_steal_pointer (&job.cache);
  if (problems != NULL)
    *problems = g_steal_pointer (&job.problems);
  g_free (job.cache);
  g_free (job.problems);
  return cache;
}

/* A path chosen for Export as TimelineJS…: the timeline written there */
static void
export_to_path (const char *path,
                gpointer    data)
{
  VecinosWindow *window = data;
  VecinosContext *context = vecinos_window_get_context (window);
  g_autoptr(GFile) output = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  if (vecinos_context_get_dataset (context) == NULL ||
      !vecinos_timeline_export_json (vecinos_context_get_dataset (context), vecinos_context_get_language (context),
                                     output, &error))
    vecinos_error_dialog_show (GTK_WINDOW (window), _("The timeline could not be exported"),
                               error != NULL ? error->message : "");
}

/**
 * vecinos_window_export_timelinejs:
 *
 * Asks where to write the window's timeline as TimelineJS JSON, in the
 * window's language, and writes it there.
 */
void
vecinos_window_export_timelinejs (VecinosWindow *window)
{
  g_return_if_fail (VECINOS_IS_WINDOW (window));

  vecinos_save_dialog_show (GTK_WINDOW (window), _("Export as TimelineJS"), "timeline.json",
                            _("The timeline could not be exported"), export_to_path,
                            g_object_ref (window), g_object_unref);
}
