/* vecinos-focus-ring.h — the keyboard focus ring of the custom views
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A rounded ring just inside @widget, in its text colour, when the keyboard
 * has focused it: visible even with nothing selected */
static inline void
vecinos_append_focus_ring (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  float widths[4] = { 2, 2, 2, 2 };
  GskRoundedRect outline;
  GdkRGBA ring, rings[4];

  if (!gtk_widget_has_visible_focus (widget))
    return;
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &ring);
  /* 4:1 or more against the view, light or dark (GTK's own outline, about
   * 1.7:1 on these views, is turned off in style.css) */
  ring.alpha = 0.85;
  for (guint i = 0; i < 4; i++)
    rings[i] = ring;
  gsk_rounded_rect_init_from_rect (&outline, &GRAPHENE_RECT_INIT (1, 1, width - 2, height - 2), 4);
  gtk_snapshot_append_border (snapshot, &outline, widths, rings);
}

G_END_DECLS
