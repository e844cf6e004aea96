/* bench-language-switch.c — English ⇄ Spanish in place, against opening
 * the window afresh, on the bundled dataset
 *
 *   xvfb-run -a build/bench/bench-language-switch build/data/vecinos.sqlite [ROUNDS]
 *
 * A switch is timed from the change of language to the first frame drawn
 * in the new one; a fresh window from its creation to its first frame.
 * Both carry the same lesson (an event selected, a chart compared, a
 * document open, a search typed). Reports medians and the ratio.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gtk/gtk.h>

#include "bench-util.h"
#include "vecinos-language.h"
#include "vecinos-window-private.h"

static void
set_up_lesson (VecinosWindow *window)
{
  /* VECINOS_BENCH_EVENT=none: no event selected, to see what its page costs */
  const char *event = g_getenv ("VECINOS_BENCH_EVENT") != NULL ? g_getenv ("VECINOS_BENCH_EVENT") : "nafta-in-force";

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-event", "s", event);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-series", "s", "mx_remittances");
  vecinos_charts_page_set_options (vecinos_window_get_charts_page (window), "mx_fdi_inflows", FALSE, FALSE, FALSE);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-document", "s",
                              vecinos_documents_page_get_document (vecinos_window_get_documents_page (window)));
  vecinos_search_panel_set_text (vecinos_window_get_search_panel (window), "remesas");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "timeline");
}

static void
close_window (GtkWidget *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VecinosDataset) dataset = NULL;
  guint rounds = argc > 2 ? (guint) g_ascii_strtoull (argv[2], NULL, 10) : 20;
  g_autofree double *fresh = NULL;
  g_autofree double *switches = NULL;
  g_autofree double *rebuilds = NULL;
  GtkWidget *window;
  double fresh_ms, switch_ms;

  if (argc < 2)
    {
      g_printerr ("Usage: %s DATASET.sqlite [ROUNDS]\n", argv[0]);
      return 2;
    }
  rounds = MAX (rounds, 3);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GSETTINGS_SCHEMA_DIR", VECINOS_BUILD_ROOT "/data", TRUE);
  vecinos_language_bind (VECINOS_BUILD_ROOT "/po");
  vecinos_language_use ("en");
  gtk_init ();

  file = g_file_new_for_commandline_arg (argv[1]);
  dataset = vecinos_dataset_new_for_file (file, &error);
  if (dataset == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  fresh = g_new (double, rounds);
  switches = g_new (double, rounds);
  rebuilds = g_new (double, rounds);
  for (guint i = 0; i < rounds; i++)
    {
      const char *language = i % 2 == 0 ? "es" : "en";
      VecinosContext *context;
      gint64 start;

      /* Afresh: a new window, in the language the switch goes to */
      vecinos_language_use (language);
      start = g_get_monotonic_time ();
      window = vecinos_window_new (NULL, dataset, language, NULL);
      gtk_window_present (GTK_WINDOW (window));
      gtk_test_widget_wait_for_draw (window);
      fresh[i] = (g_get_monotonic_time () - start) / 1000.0;
      close_window (window);

      /* In place: the same lesson, the other language */
      vecinos_language_use (i % 2 == 0 ? "en" : "es");
      window = vecinos_window_new (NULL, dataset, i % 2 == 0 ? "en" : "es", NULL);
      gtk_window_present (GTK_WINDOW (window));
      gtk_test_widget_wait_for_draw (window);
      set_up_lesson (VECINOS_WINDOW (window));
      gtk_test_widget_wait_for_draw (window);
      context = vecinos_window_get_context (VECINOS_WINDOW (window));
      start = g_get_monotonic_time ();
      vecinos_context_set_language (context, language);
      rebuilds[i] = (g_get_monotonic_time () - start) / 1000.0;
      gtk_test_widget_wait_for_draw (window);
      switches[i] = (g_get_monotonic_time () - start) / 1000.0;
      close_window (window);
    }

  fresh_ms = bench_median (fresh, rounds);
  switch_ms = bench_median (switches, rounds);
  g_print ("%u rounds, alternating English and Spanish\n", rounds);
  g_print ("open a window afresh, to its first frame: median %.1f ms\n", fresh_ms);
  g_print ("switch language in place, to its first frame: median %.1f ms\n", switch_ms);
  g_print ("  of which building the new workspace and restoring the state: median %.1f ms\n",
           bench_median (rebuilds, rounds));
  g_print ("switch / afresh: %.2f×\n", switch_ms / fresh_ms);
  return 0;
}
