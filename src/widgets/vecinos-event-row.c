/* vecinos-event-row.c — one event in the list: a category dot, the title,
 * and under it the date with the category's name
 *
 * GTK 4.8's list view makes a row for up to 200 events at once and asks
 * each its height at two or three widths. A wrapping GtkLabel is also laid
 * out unwrapped and at its narrowest before any of those, so the rows
 * were most of the cost of opening a window or switching its language. A
 * row here is one Pango layout, laid out once per width it is asked about
 * and asking across for a width in characters of its font, not its text's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "vecinos-event-row.h"

struct _VecinosEventRow
{
  GtkWidget    parent_instance;

  char        *markup;
  char        *text;        /* the same, as a screen reader reads it */
  GdkRGBA      color;       /* the category's */
  PangoLayout *layout;      /* shared with the rows that show the same */
  guint        layout_serial;  /* the Pango context's, when it was taken */
  char        *font;        /* what it was made for: font_of () */
};

G_DEFINE_FINAL_TYPE (VecinosEventRow, vecinos_event_row, GTK_TYPE_WIDGET)

/* The dot's place at the start of the line, in the font's size */
static int
indent (VecinosEventRow *self)
{
  PangoFontMetrics *metrics = pango_context_get_metrics (gtk_widget_get_pango_context (GTK_WIDGET (self)),
                                                         NULL, NULL);
  int height = pango_font_metrics_get_height (metrics);

  pango_font_metrics_unref (metrics);
  return PANGO_PIXELS_CEIL (height * 1.2);
}

/* The layouts of the events shown lately, by their markup, shared by
 * every row: a filter binds the rows again to events they showed a moment
 * before (a word typed narrows the list, cleared it brings them back), and
 * laying their text out again was most of a key's work. Kept for one font
 * (each row has a Pango context of its own: what they share is compared,
 * font_of ()), at most LAYOUTS_KEPT */
#define LAYOUTS_KEPT 1024

static GHashTable *layouts;
static char *layouts_font;

/* What a layout depends on besides its text: the context's font, its
 * resolution and font options (the text size, the screen) and language */
static char *
font_of (PangoContext *context)
{
  g_autofree char *font = pango_font_description_to_string (pango_context_get_font_description (context));
  const cairo_font_options_t *options = pango_cairo_context_get_font_options (context);

  return g_strdup_printf ("%s %g %lu %s", font, pango_cairo_context_get_resolution (context),
                          options != NULL ? cairo_font_options_hash (options) : 0,
                          pango_language_to_string (pango_context_get_language (context)));
}

static PangoLayout *
shared_layout (VecinosEventRow *self)
{
  const char *markup = self->markup != NULL ? self->markup : "";
  PangoLayout *layout;

  if (layouts == NULL)
    layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  if (g_strcmp0 (layouts_font, self->font) != 0 || g_hash_table_size (layouts) >= LAYOUTS_KEPT)
    {
      g_hash_table_remove_all (layouts);
      g_free (layouts_font);
      layouts_font = g_strdup (self->font);
    }
  if ((layout = g_hash_table_lookup (layouts, markup)) == NULL)
    {
      layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
      pango_layout_set_markup (layout, markup, -1);
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      g_hash_table_insert (layouts, g_strdup (markup), layout);
    }
  return g_object_ref (layout);
}

/* The layout at @width pixels of text (-1: at whatever width it has):
 * taken again only when the text or the font (the text size, the theme)
 * has changed; a layout is shared, so its width is set each time it is
 * asked for */
static PangoLayout *
ensure_layout (VecinosEventRow *self,
               int              width)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  guint serial = pango_context_get_serial (context);

  if (self->layout == NULL || self->layout_serial != serial)
    {
      if (self->layout_serial != serial || self->font == NULL)
        {
          g_free (self->font);
          self->font = font_of (context);
        }
      g_clear_object (&self->layout);
      self->layout = shared_layout (self);
      self->layout_serial = serial;
    }
  if (width < 0)
    return self->layout;
  width = MAX (width, 1);
  if (pango_layout_get_width (self->layout) != width * PANGO_SCALE)
    pango_layout_set_width (self->layout, width * PANGO_SCALE);
  return self->layout;
}

/* The heights a shared layout was measured at, by width: GTK asks a row's
 * height at its natural width and at its own, in turn, and each change of
 * a layout's width lays its text out again */
typedef struct {
  int   widths[4];
  int   heights[4];
  guint next;
} Heights;

static int
height_at (VecinosEventRow *self,
           int              width)
{
  PangoLayout *layout = ensure_layout (self, -1);
  Heights *heights = g_object_get_data (G_OBJECT (layout), "vecinos-heights");
  int height;

  if (heights == NULL)
    {
      heights = g_new0 (Heights, 1);
      g_object_set_data_full (G_OBJECT (layout), "vecinos-heights", heights, g_free);
    }
  for (guint i = 0; i < G_N_ELEMENTS (heights->widths); i++)
    if (heights->widths[i] == width)
      return heights->heights[i];
  pango_layout_get_pixel_size (ensure_layout (self, width), NULL, &height);
  heights->widths[heights->next] = width;
  heights->heights[heights->next] = height;
  heights->next = (heights->next + 1) % G_N_ELEMENTS (heights->widths);
  return height;
}

static GtkSizeRequestMode
vecinos_event_row_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
vecinos_event_row_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  VecinosEventRow *self = VECINOS_EVENT_ROW (widget);
  PangoFontMetrics *metrics = pango_context_get_metrics (gtk_widget_get_pango_context (widget), NULL, NULL);
  int char_width = pango_font_metrics_get_approximate_char_width (metrics);
  int natural_width = PANGO_PIXELS_CEIL (char_width * 32);

  pango_font_metrics_unref (metrics);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = indent (self) + PANGO_PIXELS_CEIL (char_width * 12);
      *natural = indent (self) + natural_width;
    }
  else
    {
      int width = MAX (for_size >= 0 ? for_size - indent (self) : natural_width, 1);

      *minimum = *natural = height_at (self, width);
    }
}

static void
vecinos_event_row_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  VecinosEventRow *self = VECINOS_EVENT_ROW (widget);
  int left = indent (self);
  PangoLayout *layout = ensure_layout (self, gtk_widget_get_width (widget) - left);
  PangoRectangle line;
  GskRoundedRect dot;
  GdkRGBA color;
  float size;

  /* The dot: the category's colour, half the first line high, centred on it */
  pango_layout_line_get_pixel_extents (pango_layout_get_line_readonly (layout, 0), NULL, &line);
  size = MAX (4.f, line.height * 0.5f);
  gsk_rounded_rect_init_from_rect (&dot, &GRAPHENE_RECT_INIT ((left - size) / 2.f, (line.height - size) / 2.f,
                                                               size, size), size / 2.f);
  gtk_snapshot_push_rounded_clip (snapshot, &dot);
  gtk_snapshot_append_color (snapshot, &self->color, &dot.bounds);
  gtk_snapshot_pop (snapshot);

#if GTK_CHECK_VERSION (4, 10, 0)
  gtk_widget_get_color (widget, &color);
#else
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
#endif
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (left, 0));
  gtk_snapshot_append_layout (snapshot, layout, &color);
  gtk_snapshot_restore (snapshot);
}

static void
vecinos_event_row_finalize (GObject *object)
{
  VecinosEventRow *self = VECINOS_EVENT_ROW (object);

  g_clear_object (&self->layout);
  g_free (self->font);
  g_free (self->markup);
  g_free (self->text);

  G_OBJECT_CLASS (vecinos_event_row_parent_class)->finalize (object);
}

static void
vecinos_event_row_class_init (VecinosEventRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = vecinos_event_row_finalize;
  widget_class->get_request_mode = vecinos_event_row_get_request_mode;
  widget_class->measure = vecinos_event_row_measure;
  widget_class->snapshot = vecinos_event_row_snapshot;
  gtk_widget_class_set_css_name (widget_class, "eventrow");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
vecinos_event_row_init (VecinosEventRow *self)
{
  gdk_rgba_parse (&self->color, "#888888");
}

GtkWidget *
vecinos_event_row_new (void)
{
  return g_object_new (VECINOS_TYPE_EVENT_ROW, NULL);
}

void
vecinos_event_row_set_event (VecinosEventRow *self,
                             VecinosEvent    *event)
{
  g_autofree char *date = NULL;
  g_autofree char *subtitle = NULL;

  g_return_if_fail (VECINOS_IS_EVENT_ROW (self));
  g_return_if_fail (VECINOS_IS_EVENT (event));

  /* The dataset reader lets only #RRGGBB colours through */
  if (!gdk_rgba_parse (&self->color, vecinos_event_get_color (event)))
    gdk_rgba_parse (&self->color, "#888888");
  date = vecinos_event_format_date (event);
  /* Translators: under an event's title: its date, then its category */
  subtitle = g_strdup_printf (_("%1$s · %2$s"), date, vecinos_event_get_category_name (event));

  g_free (self->markup);
  g_free (self->text);
  /* The date line is the text's colour at three quarters: above 4.5:1 on
   * the list's background in light and dark */
  self->markup = g_markup_printf_escaped ("<b>%s</b>\n<span alpha=\"75%%\">%s</span>",
                                          vecinos_event_get_title (event), subtitle);
  self->text = g_strdup_printf ("%s\n%s", vecinos_event_get_title (event), subtitle);
  g_clear_object (&self->layout);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, self->text, -1);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/**
 * vecinos_event_row_get_text:
 *
 * Returns: the row's words (its title, then its date and category), as a
 *   screen reader reads them, or %NULL before an event is set
 */
const char *
vecinos_event_row_get_text (VecinosEventRow *self)
{
  g_return_val_if_fail (VECINOS_IS_EVENT_ROW (self), NULL);

  return self->text;
}
