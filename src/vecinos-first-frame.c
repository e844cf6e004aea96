/* vecinos-first-frame.c — for bench/bench-startup: say when the first
 * frame is painted, and quit
 *
 * With VECINOS_QUIT_AFTER_FIRST_FRAME set, the window prints one line
 * after its first frame is painted —
 *   first-frame monotonic-us=N cpu-us=N pss-kib=N
 * (the monotonic clock, which the benchmark reads before it starts the
 * process; the process's CPU time; its proportional set size from
 * /proc/self/smaps_rollup) — and the application quits. bench/
 * minimal-window.c does the same, so that both are timed alike. Without
 * the variable nothing is watched.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <sys/resource.h>

#include "vecinos-first-frame.h"

static guint64
pss_kib (void)
{
  g_autofree char *rollup = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/smaps_rollup", &rollup, NULL, NULL) ||
      (line = strstr (rollup, "\nPss:")) == NULL)
    return 0;
  return g_ascii_strtoull (line + strlen ("\nPss:"), NULL, 10);
}

static void
after_paint (GdkFrameClock *clock,
             GApplication  *application)
{
  gint64 now = g_get_monotonic_time ();
  struct rusage usage;

  g_signal_handlers_disconnect_by_func (clock, after_paint, application);
  getrusage (RUSAGE_SELF, &usage);
  printf ("first-frame monotonic-us=%" G_GINT64_FORMAT " cpu-us=%" G_GINT64_FORMAT " pss-kib=%" G_GUINT64_FORMAT "\n",
          now,
          (gint64) (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * G_USEC_PER_SEC +
            usage.ru_utime.tv_usec + usage.ru_stime.tv_usec,
          pss_kib ());
  fflush (stdout);
  g_application_quit (application);
}

static void
mapped (GtkWidget    *window,
        GApplication *application)
{
  g_signal_connect_object (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (after_paint),
                           application, 0);
}

void
vecinos_first_frame_watch (GtkWindow    *window,
                           GApplication *application)
{
  if (g_getenv ("VECINOS_QUIT_AFTER_FIRST_FRAME") == NULL)
    return;
  g_signal_connect_object (window, "map", G_CALLBACK (mapped), application, 0);
}
