/* vecinos-test-gtk.h — what the GUI tests share: a widget rendered to
 * pixels as the screen would show it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <string.h>

#include <gtk/gtk.h>

typedef struct {
  guchar *data;
  int     width;
  int     height;
} Pixels;

/* @node drawn by @widget's window renderer, as pixels */
static inline Pixels
render_node (GtkWidget     *widget,
             GskRenderNode *node)
{
  Pixels pixels = { NULL, gtk_widget_get_width (widget), gtk_widget_get_height (widget) };
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));

  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, pixels.width, pixels.height));
  pixels.data = g_malloc (pixels.width * pixels.height * 4);
  gdk_texture_download (texture, pixels.data, pixels.width * 4);
  return pixels;
}

/* Renders @widget as the screen would (GSK_RENDERER=cairo in the tests) */
static inline Pixels
render (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;

  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (widget), gtk_widget_get_height (widget));
  node = gtk_snapshot_free_to_node (snapshot);
  return render_node (widget, node);
}

/* Red, green, blue and alpha at (x, y); the download is Cairo's
 * native-endian, premultiplied ARGB */
static inline void
pixel_at (const Pixels *pixels,
          double        x,
          double        y,
          int           rgba[4])
{
  guint32 argb;

  memcpy (&argb, pixels->data + ((int) y * pixels->width + (int) x) * 4, 4);
  rgba[0] = (argb >> 16) & 0xff;
  rgba[1] = (argb >> 8) & 0xff;
  rgba[2] = argb & 0xff;
  rgba[3] = argb >> 24;
}

