/* vecinos-timeline-sprites.c — text and markers drawn once, then placed
 *
 * The timeline shows the same labels and the same few markers frame after
 * frame: each label's PangoLayout is shaped once, each marker (and each
 * cluster with its count) is drawn once by Cairo into a small image. Both
 * caches live in the view (vecinos-timeline-view-private.h) and start again
 * when the Pango context's serial changes with the font or the scale.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "vecinos-contrast.h"
#include "vecinos-timeline-view-private.h"

/* Text is shaped once and kept: a frame shows the same labels as the one
 * before it. A font or scale change gives the Pango context a new serial,
 * and both caches (the sprites hold cluster counts) start again. */
static PangoLayout *
text_layout (VecinosTimelineView *self,
             const char          *text)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  PangoLayout *layout;

  if (pango_context_get_serial (context) != self->font_serial)
    {
      g_hash_table_remove_all (self->layouts);
      g_hash_table_remove_all (self->sprites);
      g_clear_pointer (&self->row_images, g_ptr_array_unref);
      /* The measured label widths went with the old font */
      if (self->label_widths != NULL)
        memset (self->label_widths, 0, sizeof (float) * self->n_items);
      self->font_serial = pango_context_get_serial (context);
    }
  else if (g_hash_table_size (self->layouts) > 2048)
    g_hash_table_remove_all (self->layouts);

  if ((layout = g_hash_table_lookup (self->layouts, text)) == NULL)
    {
      layout = pango_layout_new (context);
      pango_layout_set_text (layout, text, -1);
      g_hash_table_insert (self->layouts, g_strdup (text), layout);
    }
  return layout;
}

int
_vecinos_timeline_view_text_width (VecinosTimelineView *self,
                                   const char          *text)
{
  int width;

  pango_layout_get_pixel_size (text_layout (self, text), &width, NULL);
  return width;
}

void
_vecinos_timeline_view_draw_text (VecinosTimelineView *self,
                                  GtkSnapshot         *snapshot,
                                  const char          *text,
                                  double               x,
                                  double               y,
                                  const GdkRGBA       *color)
{
  PangoLayout *layout = text_layout (self, text);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

typedef struct {
  cairo_surface_t *surface;
  GdkTexture      *texture;   /* made from surface when first needed */
  double           width;     /* in widget pixels */
  double           height;
} Sprite;

static void
sprite_free (Sprite *sprite)
{
  cairo_surface_destroy (sprite->surface);
  g_clear_object (&sprite->texture);
  g_free (sprite);
}

static guint32
pack_rgba (const GdkRGBA *rgba)
{
  return (guint32) (CLAMP (rgba->red, 0, 1) * 255) << 24 | (guint32) (CLAMP (rgba->green, 0, 1) * 255) << 16 |
         (guint32) (CLAMP (rgba->blue, 0, 1) * 255) << 8 | (guint32) (CLAMP (rgba->alpha, 0, 1) * 255);
}

/* A marker (disc, ring or both) drawn once by Cairo at the widget's scale
 * and kept: the frame then places a few hundred small textures, which every
 * renderer composites quickly, instead of filling as many antialiased paths.
 * The cache is keyed by colours, sizes and scale, so a theme or scale
 * change simply asks for other sprites. */
static Sprite *
marker_sprite (VecinosTimelineView *self,
               double               radius,
               const GdkRGBA       *fill,
               const GdkRGBA       *border,
               double               border_width,
               int                  scale)
{
  char key[64];
  Sprite *sprite;
  cairo_t *cr;
  double size;

  /* Integers only: this runs for every marker of every frame, and
   * formatting floating-point numbers is slow */
  g_snprintf (key, sizeof key, "%08x %08x %d %d %d", pack_rgba (fill), pack_rgba (border),
              (int) round (radius * 8), (int) round (border_width * 8), scale);
  if ((sprite = g_hash_table_lookup (self->sprites, key)) != NULL)
    return sprite;

  size = ceil (2 * (radius + border_width)) + 2;
  sprite = g_new0 (Sprite, 1);
  sprite->width = sprite->height = size;
  sprite->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) (size * scale), (int) (size * scale));
  cairo_surface_set_device_scale (sprite->surface, scale, scale);
  cr = cairo_create (sprite->surface);
  cairo_arc (cr, size / 2, size / 2, radius, 0, 2 * G_PI);
  if (fill->alpha > 0)
    {
      gdk_cairo_set_source_rgba (cr, fill);
      cairo_fill_preserve (cr);
    }
  gdk_cairo_set_source_rgba (cr, border);
  cairo_set_line_width (cr, border_width);
  cairo_stroke (cr);
  cairo_destroy (cr);
  cairo_surface_flush (sprite->surface);
  g_hash_table_insert (self->sprites, g_strdup (key), sprite);
  return sprite;
}

/* One digit of a cluster's count, black or white: counts are drawn digit
 * by digit, so a few sprites serve every number */
static Sprite *
digit_sprite (VecinosTimelineView *self,
              char                 digit,
              gboolean             light,
              int                  scale)
{
  char key[16], text[2] = { digit, '\0' };
  g_autoptr(PangoLayout) layout = NULL;
  Sprite *sprite;
  cairo_t *cr;
  int width, height;

  g_snprintf (key, sizeof key, "digit %c %d %d", digit, light, scale);
  if ((sprite = g_hash_table_lookup (self->sprites, key)) != NULL)
    return sprite;

  layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  pango_layout_get_pixel_size (layout, &width, &height);
  sprite = g_new0 (Sprite, 1);
  sprite->width = width;
  sprite->height = height;
  sprite->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, MAX (width, 1) * scale, MAX (height, 1) * scale);
  cairo_surface_set_device_scale (sprite->surface, scale, scale);
  cr = cairo_create (sprite->surface);
  cairo_set_source_rgb (cr, light, light, light);
  pango_cairo_show_layout (cr, layout);
  cairo_destroy (cr);
  cairo_surface_flush (sprite->surface);
  g_hash_table_insert (self->sprites, g_strdup (key), sprite);
  return sprite;
}

/* A cluster: its @marker with its count on it, composed once and kept, so
 * that a frame places one image per cluster instead of one per digit.
 * Counts above a thousand are abbreviated (format_count()), so few exist. */
static Sprite *
cluster_sprite (VecinosTimelineView *self,
                Sprite              *marker,
                const char          *text,
                gboolean             light,
                int                  scale)
{
  char key[64];
  Sprite *sprite;
  cairo_t *cr;
  double width = 0, height = 0, left, fit;

  g_snprintf (key, sizeof key, "cluster %p %s %d", (gpointer) marker, text, light);
  if ((sprite = g_hash_table_lookup (self->sprites, key)) != NULL)
    return sprite;

  for (const char *c = text; *c != '\0'; c++)
    {
      Sprite *digit = digit_sprite (self, *c, light, scale);

      width += digit->width;
      height = MAX (height, digit->height);
    }
  sprite = g_new0 (Sprite, 1);
  sprite->width = marker->width;
  sprite->height = marker->height;
  sprite->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) (marker->width * scale),
                                                (int) (marker->height * scale));
  cairo_surface_set_device_scale (sprite->surface, scale, scale);
  cr = cairo_create (sprite->surface);
  cairo_set_source_surface (cr, marker->surface, 0, 0);
  cairo_paint (cr);
  /* Larger text (Ctrl+=, presenting) makes the digits larger, up to what
   * the disc holds: beyond that they are drawn smaller, inside it */
  fit = MIN (1.0, MIN ((marker->width - 6) / MAX (width, 1), (marker->height - 6) / MAX (height, 1)));
  cairo_translate (cr, marker->width / 2, marker->height / 2);
  cairo_scale (cr, fit, fit);
  left = -width / 2;
  for (const char *c = text; *c != '\0'; c++)
    {
      Sprite *digit = digit_sprite (self, *c, light, scale);

      cairo_set_source_surface (cr, digit->surface, left, -height / 2);
      cairo_paint (cr);
      left += digit->width;
    }
  cairo_destroy (cr);
  cairo_surface_flush (sprite->surface);
  g_hash_table_insert (self->sprites, g_strdup (key), sprite);
  return sprite;
}

static GdkTexture *
sprite_texture (Sprite *sprite)
{
  if (sprite->texture == NULL)
    {
      int width = cairo_image_surface_get_width (sprite->surface);
      int height = cairo_image_surface_get_height (sprite->surface);
      int stride = cairo_image_surface_get_stride (sprite->surface);
      g_autoptr(GBytes) bytes = g_bytes_new (cairo_image_surface_get_data (sprite->surface),
                                             (gsize) stride * height);

      /* Cairo's ARGB32 is GDK's native-endian premultiplied default */
      sprite->texture = gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, bytes, stride);
    }
  return sprite->texture;
}

/* A sprite at (left, top): painted straight onto @cr when the frame is
 * drawn by Cairo, as a texture node otherwise */
static void
place_sprite (GtkSnapshot *snapshot,
              cairo_t     *cr,
              Sprite      *sprite,
              double       left,
              double       top)
{
  if (cr != NULL)
    {
      cairo_set_source_surface (cr, sprite->surface, left, top);
      cairo_paint (cr);
    }
  else
    gtk_snapshot_append_texture (snapshot, sprite_texture (sprite),
                                 &GRAPHENE_RECT_INIT (left, top, sprite->width, sprite->height));
}

/* A marker centred on (x, y), with @text (a cluster's count) on it */
void
_vecinos_timeline_view_append_circle (VecinosTimelineView *self,
                                      GtkSnapshot         *snapshot,
                                      cairo_t             *cr,
                                      double               x,
                                      double               y,
                                      double               radius,
                                      const GdkRGBA       *fill,
                                      const GdkRGBA       *border,
                                      double               border_width,
                                      const char          *text)
{
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  Sprite *sprite = marker_sprite (self, radius, fill, border, border_width, scale);
  /* Black or white digits, whichever contrasts more with the fill */
  gboolean light = vecinos_contrast_ink_is_white ((VecinosRgb) { fill->red, fill->green, fill->blue });

  if (text != NULL)
    sprite = cluster_sprite (self, sprite, text, light, scale);
  place_sprite (snapshot, cr, sprite, round (x - sprite->width / 2), round (y - sprite->height / 2));
}

void
_vecinos_timeline_view_init_sprites (VecinosTimelineView *self)
{
  self->sprites = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) sprite_free);
  self->layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
}

void
_vecinos_timeline_view_clear_sprites (VecinosTimelineView *self)
{
  g_clear_pointer (&self->sprites, g_hash_table_unref);
  g_clear_pointer (&self->layouts, g_hash_table_unref);
}

/**
 * _vecinos_timeline_view_line_height:
 *
 * Returns: the height of a line of the view's text, measured again when
 *   its font changes (text size, Large Text, presenting)
 */
double
_vecinos_timeline_view_line_height (VecinosTimelineView *self)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));

  if (self->line_height <= 0 || pango_context_get_serial (context) != self->line_serial)
    {
      g_autoptr(PangoLayout) layout = pango_layout_new (context);
      int height;

      pango_layout_set_text (layout, "Ag", -1);
      pango_layout_get_pixel_size (layout, NULL, &height);
      self->line_height = MAX (height, 1);
      self->line_serial = pango_context_get_serial (context);
    }
  return self->line_height;
}

/* The rows' names' column: the widest name and room either side of it */
double
_vecinos_timeline_view_gutter_width (VecinosTimelineView *self)
{
  double widest = 0;

  for (guint r = 0; self->categories != NULL && r < self->categories->len; r++)
    {
      const VecinosCategory *category = g_ptr_array_index (self->categories, r);

      widest = MAX (widest, _vecinos_timeline_view_text_width (self, category->name));
    }
  return widest > 0 ? ceil (widest + 2 * GUTTER_PAD) : 0;
}
