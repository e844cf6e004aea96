/* minimal-window.c — the baseline of bench-startup: the least a GTK 4
 * application shows — a window with a label, a Cairo canvas and a button —
 * started and timed to its first painted frame exactly as Vecinos is
 * (src/vecinos-first-frame.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gtk/gtk.h>

#include "vecinos-first-frame.h"

static void
draw (GtkDrawingArea *area,
      cairo_t        *cr,
      int             width,
      int             height,
      gpointer        data)
{
  cairo_set_source_rgb (cr, 0.0, 0.45, 0.7);
  cairo_rectangle (cr, 10, 10, width - 20, height - 20);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_move_to (cr, 20, height / 2.0);
  cairo_show_text (cr, "1994");
}

static void
activate (GApplication *application)
{
  GtkWidget *window = gtk_application_window_new (GTK_APPLICATION (application));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *canvas = gtk_drawing_area_new ();

  gtk_window_set_title (GTK_WINDOW (window), "Minimal");
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_box_append (GTK_BOX (box), gtk_label_new ("A minimal GTK 4 window"));
  gtk_widget_set_vexpand (canvas, TRUE);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (canvas), draw, NULL, NULL);
  gtk_box_append (GTK_BOX (box), canvas);
  gtk_box_append (GTK_BOX (box), gtk_button_new_with_label ("Next"));
  gtk_window_set_child (GTK_WINDOW (window), box);
  vecinos_first_frame_watch (GTK_WINDOW (window), application);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GtkApplication) application = gtk_application_new ("org.example.MinimalWindow",
                                                               G_APPLICATION_DEFAULT_FLAGS);

  g_signal_connect (application, "activate", G_CALLBACK (activate), NULL);
  return g_application_run (G_APPLICATION (application), argc, argv);
}
