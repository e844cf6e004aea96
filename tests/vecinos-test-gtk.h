/* vecinos-test-gtk.h — what the GUI tests share: a window shown and
 * closed, a widget rendered to pixels as the screen would show it,
 * waiting on the main loop for a condition, and a real key press
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <string.h>

#include <gtk/gtk.h>

#include "vecinos-language.h"
#include "vecinos-window.h"

/* A window on @dataset (or on the error page of @error) in @language, at
 * @width × @height when they are above 0, drawn once */
static inline VecinosWindow *
vecinos_test_present (VecinosDataset *dataset,
                      const GError   *error,
                      const char     *language,
                      int             width,
                      int             height)
{
  GtkWidget *window;

  vecinos_language_use (language);
  window = vecinos_window_new (NULL, dataset, language, error);
  if (width > 0 && height > 0)
    gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (window);
  /* What comes once the first frame is drawn (the list beside the
   * timeline gets its rows), and the frame that shows it */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  gtk_test_widget_wait_for_draw (window);
  return VECINOS_WINDOW (window);
}

/* The bundled dataset (VECINOS_BUNDLED_DATASET), which must open */
static inline VecinosDataset *
vecinos_test_open_bundled (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (g_getenv ("VECINOS_BUNDLED_DATASET"));
  g_autoptr(GError) error = NULL;
  VecinosDataset *dataset = vecinos_dataset_new_for_file (file, &error);

  g_assert_no_error (error);
  return dataset;
}

/* @window destroyed, nothing left of it; the interface back in English */
static inline void
vecinos_test_close_window (VecinosWindow *window)
{
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_destroy (GTK_WINDOW (window));
  while (window != NULL && g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_null (window);
  vecinos_language_use ("en");
}

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


typedef gboolean (*VecinosTestCondition) (VecinosWindow *window, gconstpointer data);

/* Runs the main loop until @condition holds or @seconds have passed;
 * returns whether it holds */
static inline gboolean
vecinos_test_wait_until (VecinosWindow       *window,
                         VecinosTestCondition condition,
                         gconstpointer        data,
                         double               seconds)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) (seconds * G_USEC_PER_SEC);

  while (!condition (window, data))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (2000);
    }
  return TRUE;
}

/* A key pressed and released on the X server's keyboard (xdotool), as a
 * user or a clicker does: to the window the display has focused. GTK 4.8
 * cannot synthesize key events */
static inline void
vecinos_test_press_key (const char *key)
{
  const char *argv[] = { "xdotool", "key", "--clearmodifiers", key, NULL };
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_test_message ("key %s", key);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                NULL, NULL, NULL, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("xdotool key %s failed: %s (%s)", key, error->message, err);
}
