/* vecinos-timeline-view.c — the events on a zoomable time axis
 *
 * The geometry comes from src/layout (pure, tested and benchmarked); this
 * widget only turns it into GtkSnapshot calls and handles input. Rows are
 * the categories, the United States' presidencies are a band above them and
 * Mexico's below. Selection is the GtkSingleSelection the event list shares.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "vecinos-event.h"
#include "vecinos-timeline-layout.h"
#include "vecinos-timeline-view.h"
#include "vecinos-focus-ring.h"

#define AXIS_HEIGHT 28.0
#define ERA_HEIGHT 24.0
/* Two cluster markers side by side do not overlap */
#define MIN_GAP 20.0
/* A cluster's disc is up to 28 pixels across: clusters in a row that
 * reach this far from their first event do not overlap where events are
 * dense */
#define CLUSTER_GAP 30.0
#define LABEL_GAP 6.0
/* How tall the largest marker is (a cluster's disc and border, 32 px), and
 * with the ring of a selected one around it */
#define MARKER_BAND 34.0
#define SELECTED_BAND 48.0

struct _VecinosTimelineView
{
  GtkWidget              parent_instance;

  GtkSingleSelection    *selection;
  GPtrArray             *categories;
  GPtrArray             *terms;
  GdkRGBA               *colors;        /* per category */

  VecinosTimelineItem   *items;         /* by model position */
  guint                  n_items;
  VecinosTimelineLayout *layout;
  GArray                *marks;
  double                *label_widths;  /* by item, < 0 until measured */
  double                 reported_start, reported_end;  /* by ::range-changed */
  double                 pending_start, pending_end;    /* asked for before a width */

  GHashTable            *sprites;       /* key → Sprite, see marker_sprite() */
  GHashTable            *layouts;       /* text → PangoLayout, see text_layout() */
  guint                  font_serial;   /* of the Pango context both caches follow */

  VecinosTimeScale       scale;
  double                 pointer_x;
  double                 drag_start;
  double                 pinch_scale;
  /* Each row's markers drawn once for a zoom and a stretch of time, then
   * only shifted while the view pans (see build_row_cache()) */
  GPtrArray             *row_images;    /* of cairo_surface_t, by row; NULL: none */
  double                 cache_days_per_pixel;
  double                 cache_anchor;
  double                 cache_start;   /* the day at the images' left edge */
  double                 cache_end;
  GdkRGBA                cache_fg;
  int                    cache_scale;
  double                 last_days_per_pixel;  /* of the frame before */
  gboolean               row_cache_enabled;
  gboolean               row_cache_drawn;  /* the last frame placed the images */
  guint                  kinetic_tick;  /* a touchpad flick still moving the view */
  double                 kinetic_velocity;
  gint64                 kinetic_time;
};

G_DEFINE_FINAL_TYPE (VecinosTimelineView, vecinos_timeline_view, GTK_TYPE_WIDGET)

enum {
  RANGE_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
foreground (GtkWidget *widget,
            GdkRGBA   *color)
{
#if GTK_CHECK_VERSION (4, 10, 0)
  gtk_widget_get_color (widget, color);
#else
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), color);
#endif
}

static double
row_height (VecinosTimelineView *self)
{
  double height = gtk_widget_get_height (GTK_WIDGET (self)) - AXIS_HEIGHT - 2 * ERA_HEIGHT;
  guint rows = self->categories != NULL ? MAX (self->categories->len, 1) : 1;

  return MAX (height / rows, 1);
}

static double
row_center (VecinosTimelineView *self,
            guint                row)
{
  return AXIS_HEIGHT + ERA_HEIGHT + (row + 0.5) * row_height (self);
}

static double
marker_radius (const VecinosTimelineMark *mark)
{
  if (mark->count > 1)
    return mark->count >= 100 ? 14 : mark->count >= 10 ? 12 : 10;
  return mark->importance == 1 ? 7 : mark->importance == 2 ? 5.5 : 4;
}

static guint
selected_position (VecinosTimelineView *self)
{
  return self->selection != NULL ? gtk_single_selection_get_selected (self->selection)
                                 : GTK_INVALID_LIST_POSITION;
}

static void
update_accessible (VecinosTimelineView *self)
{
  guint position = selected_position (self);
  g_autofree char *description = NULL;

  if (position != GTK_INVALID_LIST_POSITION && position < self->n_items)
    {
      g_autoptr(VecinosEvent) event = g_list_model_get_item (G_LIST_MODEL (self->selection), position);
      g_autofree char *date = vecinos_event_format_date (event);

      /* Translators: what a screen reader says of the selected event:
       * title, date, its place among all events */
      description = g_strdup_printf (_("%1$s, %2$s, %3$u of %4$u"),
                                     vecinos_event_get_title (event), date, position + 1, self->n_items);
    }
  else
    description = g_strdup (_("Left and Right move between events, plus and minus zoom, "
                              "Home and End go to the first and last event, Enter zooms to the "
                              "selected event, Escape clears the selection."));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

static void
recompute (VecinosTimelineView *self)
{
  if (self->layout != NULL && self->scale.width > 0)
    vecinos_timeline_layout_compute (self->layout, &self->scale, MIN_GAP, CLUSTER_GAP, self->marks);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  /* Every zoom and pan lays out again, so this is where the range changes */
  if (self->scale.start != self->reported_start || self->scale.end != self->reported_end)
    {
      self->reported_start = self->scale.start;
      self->reported_end = self->scale.end;
      g_signal_emit (self, signals[RANGE_CHANGED], 0);
    }
}

/* Keeps @day in view, moving the view as little as possible */
static void
reveal (VecinosTimelineView *self,
        VecinosDay           day)
{
  double span = self->scale.end - self->scale.start;

  if (day < self->scale.start || day >= self->scale.end)
    {
      self->scale.start = day - span / 2;
      self->scale.end = day + span / 2;
      recompute (self);
    }
}

static void
selection_changed (VecinosTimelineView *self)
{
  guint position = selected_position (self);

  if (position != GTK_INVALID_LIST_POSITION && position < self->n_items)
    reveal (self, self->items[position].start);
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

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
      for (guint i = 0; self->label_widths != NULL && i < self->n_items; i++)
        self->label_widths[i] = -1;
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

static int
text_width (VecinosTimelineView *self,
            const char          *text)
{
  int width;

  pango_layout_get_pixel_size (text_layout (self, text), &width, NULL);
  return width;
}

static void
draw_text (VecinosTimelineView *self,
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

static void
draw_eras (VecinosTimelineView *self,
           GtkSnapshot         *snapshot,
           const GdkRGBA       *fg,
           double               width,
           double               height)
{
  for (guint i = 0; self->terms != NULL && i < self->terms->len; i++)
    {
      const VecinosTerm *term = g_ptr_array_index (self->terms, i);
      gboolean us = g_str_equal (term->country, "us");
      double y = us ? AXIS_HEIGHT : height - ERA_HEIGHT;
      double x = vecinos_time_scale_to_x (&self->scale, term->start);
      double x_end = term->end > 0 ? vecinos_time_scale_to_x (&self->scale, term->end) : width;
      GdkRGBA band = *fg;
      g_autofree char *label = NULL;
      int needed;

      if (x_end < 0 || x > width)
        continue;

      /* Alternate shades tell neighbouring terms apart without colour */
      band.alpha = i % 2 == 0 ? 0.10 : 0.18;
      gtk_snapshot_append_color (snapshot, &band,
                                 &GRAPHENE_RECT_INIT (MAX (x, 0), y + 2, MIN (x_end, width) - MAX (x, 0) - 1, ERA_HEIGHT - 4));

      /* Translators: an era band: president, then party */
      label = g_strdup_printf (_("%1$s (%2$s)"), term->person, term->party);
      needed = text_width (self, label);
      /* Then the person alone, then the short name ("Peña Nieto") */
      for (guint attempt = 0; attempt < 2 && needed + 8 > MIN (x_end, width) - MAX (x, 0); attempt++)
        {
          g_free (label);
          label = g_strdup (attempt == 0 || term->short_name == NULL ? term->person : term->short_name);
          needed = text_width (self, label);
        }
      if (needed + 8 <= MIN (x_end, width) - MAX (x, 0))
        draw_text (self, snapshot, label, MAX (x, 0) + 4, y + 4, fg);
    }
}

static void
draw_axis (VecinosTimelineView *self,
           GtkSnapshot         *snapshot,
           const GdkRGBA       *fg,
           double               height)
{
  g_autoptr(GArray) ticks = vecinos_time_scale_ticks (&self->scale, 110);
  GdkRGBA line = *fg;

  line.alpha = 0.15;
  for (guint i = 0; i < ticks->len; i++)
    {
      const VecinosTick *tick = &g_array_index (ticks, VecinosTick, i);
      g_autofree char *label = vecinos_tick_format (tick);

      gtk_snapshot_append_color (snapshot, &line, &GRAPHENE_RECT_INIT (floor (tick->x), AXIS_HEIGHT - 6, 1, height));
      if (tick->x + 4 + text_width (self, label) <= self->scale.width)
        draw_text (self, snapshot, label, tick->x + 4, 4, fg);
    }
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
  double width = 0, height = 0, left;

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
  left = round ((marker->width - width) / 2);
  for (const char *c = text; *c != '\0'; c++)
    {
      Sprite *digit = digit_sprite (self, *c, light, scale);

      cairo_set_source_surface (cr, digit->surface, left, round ((marker->height - height) / 2));
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
static void
append_circle (VecinosTimelineView *self,
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
  /* Black or white digits, whichever reads on the fill */
  gboolean light = 0.2126 * fill->red + 0.7152 * fill->green + 0.0722 * fill->blue <= 0.5;

  if (text != NULL)
    sprite = cluster_sprite (self, sprite, text, light, scale);
  place_sprite (snapshot, cr, sprite, round (x - sprite->width / 2), round (y - sprite->height / 2));
}

static int
compare_bars (gconstpointer a,
              gconstpointer b)
{
  const graphene_point_t *x = a, *y = b;

  return (x->x > y->x) - (x->x < y->x);
}

/* A cluster's count as it fits on its marker: 1 234 as "1k", 25 000 as
 * "25k" (the tooltip and the screen reader give the exact number) */
static void
format_count (guint  count,
              char  *text,
              gsize  size)
{
  if (count >= 1000000)
    g_snprintf (text, size, "%uM", count / 1000000);
  else if (count >= 1000)
    g_snprintf (text, size, "%uk", count / 1000);
  else
    g_snprintf (text, size, "%u", count);
}

/* The bars of the row whose marks begin at @first, drawn as their union:
 * overlapping bars of one colour on one line look the same drawn once,
 * and a dense row holds hundreds of them */
static void
append_bars (GtkSnapshot               *snapshot,
             cairo_t                   *cr,
             const VecinosTimelineMark *marks,
             guint                      first,
             guint                      end,
             double                     y,
             const GdkRGBA             *color)
{
  g_autoptr(GArray) bars = g_array_new (FALSE, FALSE, sizeof (graphene_point_t));
  guint n = 0;

  for (guint i = first; i < end; i++)
    if (marks[i].x_end > marks[i].x)
      {
        graphene_point_t bar = GRAPHENE_POINT_INIT (marks[i].x, marks[i].x_end);
        g_array_append_val (bars, bar);
      }
  g_array_sort (bars, compare_bars);
  for (guint i = 0; i < bars->len;)
    {
      graphene_point_t *bar = &g_array_index (bars, graphene_point_t, i);
      float left = bar->x, right = bar->y;

      for (i++; i < bars->len && g_array_index (bars, graphene_point_t, i).x <= right; i++)
        right = MAX (right, g_array_index (bars, graphene_point_t, i).y);

      if (cr != NULL)
        {
          /* Into the row's Cairo node: a rounded bar 8 px high */
          cairo_new_sub_path (cr);
          cairo_arc (cr, left + 4, y, 4, G_PI / 2, 3 * G_PI / 2);
          cairo_arc (cr, MAX (right - 4, left + 4), y, 4, -G_PI / 2, G_PI / 2);
          cairo_close_path (cr);
          n++;
        }
      else
        {
          GskRoundedRect rect;
          float thickness[4] = { 4, 4, 4, 4 };
          GdkRGBA fills[4] = { *color, *color, *color, *color };

          /* Filled by a border 4 px thick, for the reason append_disc() gives */
          gsk_rounded_rect_init_from_rect (&rect, &GRAPHENE_RECT_INIT (left, y - 4, right - left, 8), 4);
          gtk_snapshot_append_border (snapshot, &rect, thickness, fills);
        }
    }
  if (n > 0)
    {
      gdk_cairo_set_source_rgba (cr, color);
      cairo_fill (cr);
    }
}

/* The Cairo renderer composites one Cairo node of many small images far
 * faster than as many texture nodes (GTK 4.8 converts a texture on every
 * draw); GPU renderers keep textures, which they upload once */
static gboolean
drawn_by_cairo (GtkWidget *widget)
{
  GtkNative *native = gtk_widget_get_native (widget);
  GskRenderer *renderer = native != NULL ? gtk_native_get_renderer (native) : NULL;

  return renderer != NULL && g_str_equal (G_OBJECT_TYPE_NAME (renderer), "GskCairoRenderer");
}

static double
label_width (VecinosTimelineView *self,
             guint                item)
{
  if (self->label_widths[item] < 0)
    {
      g_autoptr(VecinosEvent) event = g_list_model_get_item (G_LIST_MODEL (self->selection), item);

      self->label_widths[item] = text_width (self, vecinos_event_get_title (event));
    }
  return self->label_widths[item];
}

/* The markers of marks @begin to @end (one row) at height @y: the row's
 * bars, then its events and clusters */
static void
draw_row_markers (VecinosTimelineView       *self,
                  GtkSnapshot               *snapshot,
                  cairo_t                   *cr,
                  const VecinosTimelineMark *marks,
                  guint                      begin,
                  guint                      end,
                  double                     y,
                  const GdkRGBA             *color,
                  const GdkRGBA             *fg)
{
  append_bars (snapshot, cr, marks, begin, end, y, color);
  for (guint i = begin; i < end; i++)
    {
      char count[16] = "";

      if (marks[i].x_end > marks[i].x)
        continue;
      /* A cluster says how many events it holds */
      if (marks[i].count > 1)
        format_count (marks[i].count, count, sizeof count);
      append_circle (self, snapshot, cr, marks[i].x, y, marker_radius (&marks[i]), color, fg, 1,
                     marks[i].count > 1 ? count : NULL);
    }
}

/* Pixels of the row images left of the day clusters start from (for the
 * markers there), and right of the view (for panning to the left) */
#define CACHE_MARGIN 32.0
#define CACHE_AHEAD 512.0

/* Whether the row images show the view as it is: the same zoom, the same
 * day clusters start from, the view's right edge inside them, the same
 * colours and scale */
static gboolean
row_cache_fits (VecinosTimelineView *self,
                const GdkRGBA       *fg)
{
  double days_per_pixel = (self->scale.end - self->scale.start) / self->scale.width;

  return self->row_images != NULL &&
         fabs (days_per_pixel - self->cache_days_per_pixel) <= days_per_pixel * 1e-9 &&
         fabs (vecinos_timeline_layout_anchor (&self->scale, MIN_GAP) - self->cache_anchor) <= days_per_pixel * 1e-3 &&
         self->scale.end + 32 * days_per_pixel <= self->cache_end &&
         gdk_rgba_equal (fg, &self->cache_fg) &&
         gtk_widget_get_scale_factor (GTK_WIDGET (self)) == self->cache_scale;
}

/* While the view pans, clusters keep their events (they are formed from a
 * day fixed by the zoom, vecinos_timeline_layout_anchor()): each row's
 * markers are drawn once, over the view and some way either side, and a
 * frame only places that image. A zoom draws them afresh. Returns whether
 * the images are ready. */
static gboolean
build_row_cache (VecinosTimelineView *self,
                 const GdkRGBA       *fg)
{
  double days_per_pixel = (self->scale.end - self->scale.start) / self->scale.width;
  double anchor = vecinos_timeline_layout_anchor (&self->scale, MIN_GAP);
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  VecinosTimeScale wide;
  g_autoptr(GArray) marks = g_array_new (FALSE, FALSE, sizeof (VecinosTimelineMark));
  const VecinosTimelineMark *all;
  guint n_rows = self->categories != NULL ? self->categories->len : 0;

  g_clear_pointer (&self->row_images, g_ptr_array_unref);
  if (self->layout == NULL || n_rows == 0)
    return FALSE;

  wide.start = anchor - CACHE_MARGIN * days_per_pixel;
  wide.end = self->scale.end + CACHE_AHEAD * days_per_pixel;
  wide.width = ceil ((wide.end - wide.start) / days_per_pixel);
  wide.end = wide.start + wide.width * days_per_pixel;
  vecinos_timeline_layout_compute_from (self->layout, &wide, MIN_GAP, CLUSTER_GAP, anchor, marks);
  all = (const VecinosTimelineMark *) (gpointer) marks->data;

  self->row_images = g_ptr_array_new_with_free_func ((GDestroyNotify) cairo_surface_destroy);
  for (guint r = 0; r < n_rows; r++)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) wide.width * scale,
                                                             (int) MARKER_BAND * scale);

      cairo_surface_set_device_scale (surface, scale, scale);
      g_ptr_array_add (self->row_images, surface);
    }
  for (guint begin = 0, end; begin < marks->len; begin = end)
    {
      guint row = all[begin].row;
      cairo_t *cr = cairo_create (g_ptr_array_index (self->row_images, row));

      for (end = begin; end < marks->len && all[end].row == row; end++)
        ;
      draw_row_markers (self, NULL, cr, all, begin, end, MARKER_BAND / 2, &self->colors[row], fg);
      cairo_destroy (cr);
    }
  for (guint r = 0; r < n_rows; r++)
    cairo_surface_flush (g_ptr_array_index (self->row_images, r));

  self->cache_days_per_pixel = days_per_pixel;
  self->cache_anchor = anchor;
  self->cache_start = wide.start;
  self->cache_end = wide.end;
  self->cache_fg = *fg;
  self->cache_scale = scale;
  return TRUE;
}

static void
vecinos_timeline_view_snapshot (GtkWidget   *widget,
                                GtkSnapshot *snapshot)
{
  VecinosTimelineView *self = VECINOS_TIMELINE_VIEW (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  g_autofree double *widths = NULL;
  g_autofree gboolean *shown = NULL;
  guint selected = selected_position (self);
  cairo_t *cr = NULL;
  gboolean has_selection, use_cairo, cached;
  double days_per_pixel = (self->scale.end - self->scale.start) / self->scale.width;
  double selected_x = 0;
  GdkRGBA fg, dim;

  if (self->layout == NULL || width <= 0)
    return;

  foreground (widget, &fg);
  dim = fg;
  dim.alpha = 0.55;

  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  draw_axis (self, snapshot, &fg, height);
  draw_eras (self, snapshot, &fg, width, height);

  for (guint r = 0; r < self->categories->len; r++)
    {
      const VecinosCategory *category = g_ptr_array_index (self->categories, r);
      draw_text (self, snapshot, category->name, 6, row_center (self, r) - row_height (self) / 2 + 2, &dim);
    }

  if (self->n_items == 0)
    {
      const char *empty = _("No events to show");

      draw_text (self, snapshot, empty, (width - text_width (self, empty)) / 2,
                 height / 2 - row_height (self) / 2, &dim);
    }

  widths = g_new (double, self->marks->len);
  shown = g_new (gboolean, self->marks->len);
  for (guint i = 0; i < self->marks->len; i++)
    {
      const VecinosTimelineMark *mark = &g_array_index (self->marks, VecinosTimelineMark, i);
      /* The label starts after the marker's radius and the gap */
      widths[i] = mark->count == 1 ? label_width (self, mark->first) + marker_radius (mark) : 0;
    }
  vecinos_timeline_layout_place_labels (self->marks, widths, LABEL_GAP, width, shown);

  /* A Cairo node costs a surface as large as itself, cleared and then
   * composited: worth it only for many markers, and then one per row, just
   * as tall as the markers (and the ring around a selected one) */
  has_selection = selected != GTK_INVALID_LIST_POSITION && selected < self->n_items;
  if (has_selection)
    selected_x = vecinos_time_scale_to_x (&self->scale, self->items[selected].start);
  use_cairo = self->marks->len > 200 && drawn_by_cairo (widget);
  cached = use_cairo && self->row_cache_enabled && row_cache_fits (self, &fg);
  if (use_cairo && self->row_cache_enabled && !cached &&
      fabs (days_per_pixel - self->last_days_per_pixel) <= days_per_pixel * 1e-9)
    /* The zoom held since the frame before: a pan, most likely */
    cached = build_row_cache (self, &fg);
  self->last_days_per_pixel = days_per_pixel;
  self->row_cache_drawn = cached;

  /* compute() gives the marks row by row: each row's markers, then their
   * labels and rings on top */
  for (guint begin = 0, end; begin < self->marks->len; begin = end)
    {
      guint row = g_array_index (self->marks, VecinosTimelineMark, begin).row;
      const GdkRGBA *color = &self->colors[row];
      double y = row_center (self, row);

      for (end = begin; end < self->marks->len && g_array_index (self->marks, VecinosTimelineMark, end).row == row; end++)
        ;
      if (use_cairo)
        {
          double band = has_selection && self->items[selected].row == row ? SELECTED_BAND : MARKER_BAND;

          g_clear_pointer (&cr, cairo_destroy);
          cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, round (y) - band / 2, width, band));
        }
      if (cached)
        {
          /* The row's markers as drawn for this zoom, shifted to the view */
          cairo_set_source_surface (cr, g_ptr_array_index (self->row_images, row),
                                    round ((self->cache_start - self->scale.start) / days_per_pixel),
                                    round (y) - MARKER_BAND / 2);
          cairo_paint (cr);
        }
      else
        draw_row_markers (self, snapshot, cr, (const VecinosTimelineMark *) (gpointer) self->marks->data,
                          begin, end, y, color, &fg);

      for (guint i = begin; i < end; i++)
        {
          const VecinosTimelineMark *mark = &g_array_index (self->marks, VecinosTimelineMark, i);
          double radius = marker_radius (mark);
          /* A selected event inside a cluster rings the cluster */
          gboolean is_selected = mark->count == 1
                                 ? mark->first == selected
                                 : has_selection && self->items[selected].row == mark->row &&
                                   fabs (selected_x - mark->x) <= CLUSTER_GAP / 2;

          if (mark->count > 1 && mark->x_end > mark->x)
            {
              char count[16];

              format_count (mark->count, count, sizeof count);
              draw_text (self, snapshot, count, mark->x, y - 9, &fg);
            }
          else if (mark->count == 1 && shown[i])
            {
              g_autoptr(VecinosEvent) event = g_list_model_get_item (G_LIST_MODEL (self->selection), mark->first);
              draw_text (self, snapshot, vecinos_event_get_title (event),
                         mark->x_end + radius + LABEL_GAP, y - 9, &fg);
            }

          if (is_selected)
            {
              GdkRGBA clear = { 0, 0, 0, 0 };
              append_circle (self, snapshot, cr, mark->x, y, radius + 5, &clear, &fg,
                             gtk_widget_has_focus (widget) ? 3 : 2, NULL);
            }
        }
    }
  g_clear_pointer (&cr, cairo_destroy);
  gtk_snapshot_pop (snapshot);

  /* Keyboard focus is visible even with nothing selected */
  vecinos_append_focus_ring (widget, snapshot);
}

static void
vecinos_timeline_view_size_allocate (GtkWidget *widget,
                                     int        width,
                                     int        height,
                                     int        baseline)
{
  VecinosTimelineView *self = VECINOS_TIMELINE_VIEW (widget);

  self->scale.width = MAX (width, 1);
  /* The zoom limits are in days per pixel: a range asked for before the
   * view had a width is applied now that it has one */
  if (self->pending_end > self->pending_start)
    {
      self->scale.start = self->pending_start;
      self->scale.end = self->pending_end;
      self->pending_start = self->pending_end = 0;
      vecinos_time_scale_zoom (&self->scale, 1.0, 0);
    }
  recompute (self);
}

static void
vecinos_timeline_view_measure (GtkWidget      *widget,
                               GtkOrientation  orientation,
                               int             for_size,
                               int            *minimum,
                               int            *natural,
                               int            *minimum_baseline,
                               int            *natural_baseline)
{
  VecinosTimelineView *self = VECINOS_TIMELINE_VIEW (widget);
  guint rows = self->categories != NULL ? self->categories->len : 1;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = 200;
  else
    {
      *minimum = AXIS_HEIGHT + 2 * ERA_HEIGHT + rows * 22;
      *natural = AXIS_HEIGHT + 2 * ERA_HEIGHT + rows * 34;
    }
}

static void
zoom (VecinosTimelineView *self,
      double               factor,
      double               anchor_x)
{
  vecinos_time_scale_zoom (&self->scale, factor, anchor_x);
  recompute (self);
}

/* The next or previous event after the selected one, or the first or last */
static void
select_step (VecinosTimelineView *self,
             int                  step)
{
  guint position = selected_position (self);
  guint target;

  if (self->n_items == 0)
    return;
  if (position == GTK_INVALID_LIST_POSITION)
    target = step > 0 ? 0 : self->n_items - 1;
  else if (step < 0)
    target = position >= (guint) -step ? position + step : 0;
  else
    target = MIN (position + step, self->n_items - 1);

  gtk_single_selection_set_selected (self->selection, target);
}

static void
key_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  VecinosTimelineView *self = VECINOS_TIMELINE_VIEW (widget);

  if (g_str_equal (action_name, "timeline.next"))
    select_step (self, 1);
  else if (g_str_equal (action_name, "timeline.previous"))
    select_step (self, -1);
  else if (g_str_equal (action_name, "timeline.first") && self->n_items > 0)
    gtk_single_selection_set_selected (self->selection, 0);
  else if (g_str_equal (action_name, "timeline.last") && self->n_items > 0)
    gtk_single_selection_set_selected (self->selection, self->n_items - 1);
  else if (g_str_equal (action_name, "timeline.zoom-in"))
    zoom (self, 2, self->scale.width / 2);
  else if (g_str_equal (action_name, "timeline.zoom-out"))
    zoom (self, 0.5, self->scale.width / 2);
  else if (g_str_equal (action_name, "timeline.zoom-to-fit"))
    vecinos_timeline_view_zoom_to_fit (self);
  else if (g_str_equal (action_name, "timeline.zoom-to-selection"))
    {
      guint position = selected_position (self);

      /* Two years around the selected event, wide enough to see its neighbours */
      if (position != GTK_INVALID_LIST_POSITION && position < self->n_items)
        {
          double middle = (self->items[position].start + self->items[position].end) / 2.0;
          double span = MAX (730.0, 1.2 * (self->items[position].end - self->items[position].start));

          self->scale.start = middle - span / 2;
          self->scale.end = middle + span / 2;
          recompute (self);
        }
    }
  else if (g_str_equal (action_name, "timeline.unselect") && self->selection != NULL)
    gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
}

static void
stop_kinetic (VecinosTimelineView *self)
{
  if (self->kinetic_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->kinetic_tick);
  self->kinetic_tick = 0;
}

/* After a flick, the view glides on and slows down, as a list does */
static gboolean
kinetic_step (GtkWidget     *widget,
              GdkFrameClock *clock,
              gpointer       data)
{
  VecinosTimelineView *self = VECINOS_TIMELINE_VIEW (widget);
  gint64 now = gdk_frame_clock_get_frame_time (clock);
  double dt = self->kinetic_time > 0 ? (now - self->kinetic_time) / 1e6 : 0;

  self->kinetic_time = now;
  vecinos_time_scale_pan (&self->scale, self->kinetic_velocity * 40 * dt);
  recompute (self);
  self->kinetic_velocity *= exp (-4 * dt);
  if (fabs (self->kinetic_velocity) < 0.2)
    {
      self->kinetic_tick = 0;
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

static void
decelerate (GtkEventControllerScroll *controller,
            double                    velocity_x,
            double                    velocity_y,
            VecinosTimelineView      *self)
{
  stop_kinetic (self);
  self->kinetic_velocity = velocity_x + velocity_y;
  self->kinetic_time = 0;
  if (fabs (self->kinetic_velocity) >= 0.2)
    self->kinetic_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), kinetic_step, NULL, NULL);
}

static gboolean
scrolled (GtkEventControllerScroll *controller,
          double                    dx,
          double                    dy,
          VecinosTimelineView      *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));

  stop_kinetic (self);
  if (state & GDK_CONTROL_MASK)
    zoom (self, exp (-dy * 0.15), self->pointer_x);
  else
    {
      vecinos_time_scale_pan (&self->scale, (dx + dy) * 40);
      recompute (self);
    }
  return TRUE;
}

static void
pointer_moved (GtkEventControllerMotion *controller,
               double                    x,
               double                    y,
               VecinosTimelineView      *self)
{
  self->pointer_x = x;
}

static void
drag_begin (GtkGestureDrag      *gesture,
            double               x,
            double               y,
            VecinosTimelineView *self)
{
  stop_kinetic (self);
  self->drag_start = 0;
}

static void
drag_update (GtkGestureDrag      *gesture,
             double               offset_x,
             double               offset_y,
             VecinosTimelineView *self)
{
  vecinos_time_scale_pan (&self->scale, -(offset_x - self->drag_start));
  self->drag_start = offset_x;
  recompute (self);
}

static void
pinch_began (GtkGesture          *gesture,
             GdkEventSequence    *sequence,
             VecinosTimelineView *self)
{
  self->pinch_scale = 1;
}

/* The gesture's scale is relative to where the pinch began */
static void
pinched (GtkGestureZoom      *gesture,
         double               scale,
         VecinosTimelineView *self)
{
  double x, y;

  if (gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    zoom (self, scale / self->pinch_scale, x);
  self->pinch_scale = scale;
}

/* The mark under (x, y), or NULL */
static const VecinosTimelineMark *
mark_at (VecinosTimelineView *self,
         double               x,
         double               y)
{
  const VecinosTimelineMark *hit = NULL;
  double best = G_MAXDOUBLE;

  for (guint i = 0; i < self->marks->len; i++)
    {
      const VecinosTimelineMark *mark = &g_array_index (self->marks, VecinosTimelineMark, i);
      double dy = fabs (y - row_center (self, mark->row));
      double dx = x < mark->x ? mark->x - x : x > mark->x_end ? x - mark->x_end : 0;
      double distance = dx + dy;

      if (dy <= marker_radius (mark) + 4 && dx <= marker_radius (mark) + 4 && distance < best)
        {
          best = distance;
          hit = mark;
        }
    }
  return hit;
}

static gboolean
query_tooltip (GtkWidget  *widget,
               int         x,
               int         y,
               gboolean    keyboard,
               GtkTooltip *tooltip)
{
  VecinosTimelineView *self = VECINOS_TIMELINE_VIEW (widget);
  const VecinosTimelineMark *mark = mark_at (self, x, y);
  g_autofree char *text = NULL;

  if (mark == NULL)
    return FALSE;

  if (mark->count > 1)
    /* Translators: the tooltip of a cluster of events too close to tell apart */
    text = g_strdup_printf (ngettext ("%u event — click to zoom in", "%u events — click to zoom in",
                                      mark->count), mark->count);
  else
    {
      g_autoptr(VecinosEvent) event = g_list_model_get_item (G_LIST_MODEL (self->selection), mark->first);
      g_autofree char *date = vecinos_event_format_date (event);

      text = g_strdup_printf ("%s\n%s", vecinos_event_get_title (event), date);
    }
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
clicked (GtkGestureClick     *gesture,
         int                  n_press,
         double               x,
         double               y,
         VecinosTimelineView *self)
{
  const VecinosTimelineMark *hit = mark_at (self, x, y);

  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (hit == NULL)
    return;
  if (hit->count > 1)
    zoom (self, 4, hit->x);
  else
    gtk_single_selection_set_selected (self->selection, hit->first);
}

static void
clear_data (VecinosTimelineView *self)
{
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  g_clear_object (&self->selection);
  g_clear_pointer (&self->categories, g_ptr_array_unref);
  g_clear_pointer (&self->terms, g_ptr_array_unref);
  g_clear_pointer (&self->layout, vecinos_timeline_layout_free);
  g_clear_pointer (&self->row_images, g_ptr_array_unref);
  g_clear_pointer (&self->items, g_free);
  g_clear_pointer (&self->colors, g_free);
  g_clear_pointer (&self->label_widths, g_free);
  self->n_items = 0;
}

static void
vecinos_timeline_view_dispose (GObject *object)
{
  VecinosTimelineView *self = VECINOS_TIMELINE_VIEW (object);

  stop_kinetic (self);
  clear_data (self);
  g_clear_pointer (&self->marks, g_array_unref);
  g_clear_pointer (&self->sprites, g_hash_table_unref);
  g_clear_pointer (&self->layouts, g_hash_table_unref);

  G_OBJECT_CLASS (vecinos_timeline_view_parent_class)->dispose (object);
}

static void
vecinos_timeline_view_class_init (VecinosTimelineViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const struct { const char *action; guint key; GdkModifierType modifiers; } bindings[] = {
    { "timeline.next", GDK_KEY_Right, 0 },
    { "timeline.previous", GDK_KEY_Left, 0 },
    { "timeline.first", GDK_KEY_Home, 0 },
    { "timeline.last", GDK_KEY_End, 0 },
    { "timeline.zoom-in", GDK_KEY_plus, 0 },
    { "timeline.zoom-in", GDK_KEY_KP_Add, 0 },
    { "timeline.zoom-in", GDK_KEY_equal, 0 },
    { "timeline.zoom-out", GDK_KEY_minus, 0 },
    { "timeline.zoom-out", GDK_KEY_KP_Subtract, 0 },
    { "timeline.zoom-to-fit", GDK_KEY_0, GDK_CONTROL_MASK },
    { "timeline.zoom-to-selection", GDK_KEY_Return, 0 },
    { "timeline.zoom-to-selection", GDK_KEY_KP_Enter, 0 },
    { "timeline.unselect", GDK_KEY_Escape, 0 },
  };
  const char *actions[] = {
    "timeline.next", "timeline.previous", "timeline.first", "timeline.last",
    "timeline.zoom-in", "timeline.zoom-out", "timeline.zoom-to-fit", "timeline.zoom-to-selection",
    "timeline.unselect",
  };

  G_OBJECT_CLASS (klass)->dispose = vecinos_timeline_view_dispose;
  widget_class->snapshot = vecinos_timeline_view_snapshot;
  widget_class->size_allocate = vecinos_timeline_view_size_allocate;
  widget_class->measure = vecinos_timeline_view_measure;
  widget_class->query_tooltip = query_tooltip;

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_class_install_action (widget_class, actions[i], NULL, key_action);
  for (guint i = 0; i < G_N_ELEMENTS (bindings); i++)
    gtk_widget_class_add_binding_action (widget_class, bindings[i].key, bindings[i].modifiers,
                                         bindings[i].action, NULL);

  /**
   * VecinosTimelineView::range-changed:
   *
   * The days shown changed: a zoom, a pan, a new range.
   */
  signals[RANGE_CHANGED] = g_signal_new ("range-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_css_name (widget_class, "timeline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
vecinos_timeline_view_init (VecinosTimelineView *self)
{
  GtkEventController *controller;
  GtkGesture *gesture;

  self->marks = g_array_new (FALSE, FALSE, sizeof (VecinosTimelineMark));
  self->row_cache_enabled = TRUE;
  self->sprites = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) sprite_free);
  self->layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES |
                                                GTK_EVENT_CONTROLLER_SCROLL_KINETIC);
  g_signal_connect (controller, "scroll", G_CALLBACK (scrolled), self);
  g_signal_connect (controller, "decelerate", G_CALLBACK (decelerate), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (controller, "enter", G_CALLBACK (gtk_widget_queue_draw), self);
  g_signal_connect_swapped (controller, "leave", G_CALLBACK (gtk_widget_queue_draw), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "motion", G_CALLBACK (pointer_moved), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  gesture = gtk_gesture_drag_new ();
  g_signal_connect (gesture, "drag-begin", G_CALLBACK (drag_begin), self);
  g_signal_connect (gesture, "drag-update", G_CALLBACK (drag_update), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_click_new ();
  g_signal_connect (gesture, "pressed", G_CALLBACK (clicked), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_zoom_new ();
  g_signal_connect (gesture, "scale-changed", G_CALLBACK (pinched), self);
  g_signal_connect (gesture, "begin", G_CALLBACK (pinch_began), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Timeline"),
                                  -1);
  update_accessible (self);
}

/**
 * vecinos_timeline_view_set_data:
 * @selection: the events (a list of #VecinosEvent by date), with the
 *   selection the view shares with the event list
 * @categories: (element-type VecinosCategory): the rows, in order
 * @terms: (element-type VecinosTerm): the presidencies
 */
/* Reads the events of the model into the layout's plain items; the model's
 * positions are the items' indexes */
static void
rebuild_items (VecinosTimelineView *self)
{
  GListModel *model = G_LIST_MODEL (self->selection);

  g_clear_pointer (&self->layout, vecinos_timeline_layout_free);
  g_clear_pointer (&self->row_images, g_ptr_array_unref);
  g_clear_pointer (&self->items, g_free);
  g_clear_pointer (&self->label_widths, g_free);

  self->n_items = g_list_model_get_n_items (model);
  self->items = g_new0 (VecinosTimelineItem, self->n_items);
  self->label_widths = g_new (double, self->n_items);

  for (guint i = 0; i < self->n_items; i++)
    {
      g_autoptr(VecinosEvent) event = g_list_model_get_item (model, i);
      const VecinosDate *end = vecinos_event_get_end (event);
      guint row = 0;

      for (guint r = 0; r < self->categories->len; r++)
        if (g_str_equal (((VecinosCategory *) g_ptr_array_index (self->categories, r))->slug,
                         vecinos_event_get_category (event)))
          row = r;

      self->items[i] = (VecinosTimelineItem) {
        vecinos_date_first_day (vecinos_event_get_start (event)),
        end != NULL ? vecinos_date_last_day (end) : vecinos_date_first_day (vecinos_event_get_start (event)),
        row,
        vecinos_event_get_importance (event),
      };
      self->label_widths[i] = -1;
    }

  self->layout = vecinos_timeline_layout_new (self->items, self->n_items, MAX (self->categories->len, 1));
}

/* A filter changed what the model holds: the view keeps its time range */
static void
items_changed (VecinosTimelineView *self)
{
  rebuild_items (self);
  recompute (self);
  update_accessible (self);
}

/**
 * vecinos_timeline_view_set_data:
 * @selection: the events (a list of #VecinosEvent by date), with the
 *   selection the view shares with the event list
 * @categories: (element-type VecinosCategory): the rows, in order
 * @terms: (element-type VecinosTerm): the presidencies
 */
void
vecinos_timeline_view_set_data (VecinosTimelineView *self,
                                GtkSingleSelection  *selection,
                                GPtrArray           *categories,
                                GPtrArray           *terms)
{
  g_return_if_fail (VECINOS_IS_TIMELINE_VIEW (self));

  clear_data (self);
  self->selection = g_object_ref (selection);
  self->categories = g_ptr_array_ref (categories);
  self->terms = g_ptr_array_ref (terms);
  self->colors = g_new0 (GdkRGBA, MAX (categories->len, 1));
  for (guint r = 0; r < categories->len; r++)
    gdk_rgba_parse (&self->colors[r], ((VecinosCategory *) g_ptr_array_index (categories, r))->color);

  rebuild_items (self);
  g_signal_connect_swapped (selection, "notify::selected", G_CALLBACK (selection_changed), self);
  g_signal_connect_swapped (selection, "items-changed", G_CALLBACK (items_changed), self);

  /* The class's focus is 1994 to today; the older anchors are a pan away */
  vecinos_timeline_view_zoom_to_fit (self);
  {
    VecinosDate from = { 1990, 1, 1, VECINOS_DATE_PRECISION_YEAR };

    self->scale.start = MAX (self->scale.start, vecinos_date_first_day (&from));
    if (self->scale.end - self->scale.start < 365)
      vecinos_timeline_view_zoom_to_fit (self);
    recompute (self);
  }
  update_accessible (self);
}

const VecinosTimeScale *
vecinos_timeline_view_get_scale (VecinosTimelineView *self)
{
  g_return_val_if_fail (VECINOS_IS_TIMELINE_VIEW (self), NULL);
  return &self->scale;
}

/**
 * vecinos_timeline_view_zoom_to_fit:
 *
 * Shows from a little before the first event to a little after the last.
 */
void
vecinos_timeline_view_zoom_to_fit (VecinosTimelineView *self)
{
  VecinosDay first = G_MAXINT32, last = 0;
  double margin;

  g_return_if_fail (VECINOS_IS_TIMELINE_VIEW (self));

  for (guint i = 0; i < self->n_items; i++)
    {
      first = MIN (first, self->items[i].start);
      last = MAX (last, self->items[i].end);
    }
  if (self->n_items == 0)
    {
      /* Nothing to fit: the class's years, so the view still has a range
       * to draw the presidencies and an axis over */
      VecinosDate from = { 1994, 1, 1, VECINOS_DATE_PRECISION_YEAR };
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      VecinosDate to = { g_date_time_get_year (now), 12, 31, VECINOS_DATE_PRECISION_DAY };

      if (self->scale.end > self->scale.start)
        return;
      first = vecinos_date_first_day (&from);
      last = vecinos_date_first_day (&to);
    }

  margin = MAX ((last - first) * 0.03, VECINOS_TIME_SCALE_MIN_SPAN);
  self->scale.start = first - margin;
  self->scale.end = last + margin;
  if (self->scale.width <= 0)
    self->scale.width = 1;
  recompute (self);
}

/**
 * vecinos_timeline_view_set_visible_range:
 * @start: the first day shown
 * @end: the day at the right edge
 *
 * Shows @start to @end, within the zoom limits, and lays the events out
 * again for it.
 */
void
vecinos_timeline_view_set_visible_range (VecinosTimelineView *self,
                                         double               start,
                                         double               end)
{
  g_return_if_fail (VECINOS_IS_TIMELINE_VIEW (self));
  g_return_if_fail (end > start);

  self->scale.start = start;
  self->scale.end = end;
  if (gtk_widget_get_width (GTK_WIDGET (self)) <= 0)
    {
      self->pending_start = start;
      self->pending_end = end;
      return;
    }
  /* A factor of 1 applies the limits and nothing else */
  vecinos_time_scale_zoom (&self->scale, 1.0, 0);
  recompute (self);
}

/**
 * vecinos_timeline_view_get_event_point:
 * @position: an event's position in the model
 * @x: (out): where its marker's centre is drawn
 * @y: (out):
 *
 * Returns: whether the event is inside the view
 */
gboolean
vecinos_timeline_view_get_event_point (VecinosTimelineView *self,
                                       guint                position,
                                       double              *x,
                                       double              *y)
{
  g_return_val_if_fail (VECINOS_IS_TIMELINE_VIEW (self), FALSE);
  g_return_val_if_fail (position < self->n_items, FALSE);

  *x = vecinos_time_scale_to_x (&self->scale, self->items[position].start);
  *y = row_center (self, self->items[position].row);
  return *x >= 0 && *x < self->scale.width;
}

/**
 * vecinos_timeline_view_set_row_cache:
 * @enabled: %FALSE to draw every frame's markers afresh (for tests and
 *   benchmarks that compare the two)
 *
 * While the view pans at one zoom, each row's markers are drawn once and
 * then only placed; this turns that off or on.
 */
void
vecinos_timeline_view_set_row_cache (VecinosTimelineView *self,
                                     gboolean             enabled)
{
  g_return_if_fail (VECINOS_IS_TIMELINE_VIEW (self));

  self->row_cache_enabled = enabled;
  g_clear_pointer (&self->row_images, g_ptr_array_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * vecinos_timeline_view_get_row_cache_drawn:
 *
 * Returns: whether the last frame placed the rows' cached images rather
 *   than drawing their markers (for tests)
 */
gboolean
vecinos_timeline_view_get_row_cache_drawn (VecinosTimelineView *self)
{
  g_return_val_if_fail (VECINOS_IS_TIMELINE_VIEW (self), FALSE);
  return self->row_cache_drawn;
}
