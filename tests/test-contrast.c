/* test-contrast.c — every colour pair the drawing code makes, light and dark
 * (and high contrast), against WCAG 2.2 AA: text 4.5:1 (1.4.3), the marks,
 * lines and bands a reader must see 3:1 (1.4.11)
 *
 * The colours are those of the bundled dataset's categories (argument 1:
 * data/dataset), run through the same functions the timeline and the chart
 * draw with, over GTK 4.8's own theme colours.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "vecinos-test.h"

#include <json-glib/json-glib.h>

#include "vecinos-chart-draw.h"
#include "vecinos-contrast.h"

static const char *dataset_dir;

/* GTK 4.8's theme: the text and window colours, light and dark */
typedef struct {
  const char *name;
  VecinosRgb  fg;
  VecinosRgb  bg;
  gboolean    dark;
  gboolean    high_contrast;
} Style;

static const Style styles[] = {
  { "light", { 46 / 255., 52 / 255., 54 / 255. }, VECINOS_BACKGROUND_LIGHT, FALSE, FALSE },
  { "dark", { 238 / 255., 238 / 255., 236 / 255. }, VECINOS_BACKGROUND_DARK, TRUE, FALSE },
  { "high contrast", { 0, 0, 0 }, { 1, 1, 1 }, FALSE, TRUE },
  { "high contrast, dark", { 1, 1, 1 }, { 0, 0, 0 }, TRUE, TRUE },
};

static VecinosRgb
parse (const char *hex)
{
  unsigned int r, g, b;

  g_assert_cmpint (sscanf (hex, "#%2x%2x%2x", &r, &g, &b), ==, 3);
  return (VecinosRgb) { r / 255.0, g / 255.0, b / 255.0 };
}

static VecinosRgb
grey (double level)
{
  return (VecinosRgb) { level, level, level };
}

static void
assert_contrast (const char *style,
                 const char *what,
                 VecinosRgb  a,
                 VecinosRgb  b,
                 double      minimum)
{
  double ratio = vecinos_contrast_ratio (a, b);

  g_test_message ("%s: %s %.2f:1", style, what, ratio);
  if (ratio < minimum)
    g_error ("%s: %s is %.2f:1, under %.1f:1", style, what, ratio, minimum);
}

/* The categories' colours, as the dataset gives them */
static GPtrArray *
category_colors (void)
{
  g_autofree char *path = g_build_filename (dataset_dir, "categories.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  GPtrArray *colors = g_ptr_array_new_with_free_func (g_free);
  JsonArray *categories;

  g_assert_true (json_parser_load_from_file (parser, path, &error));
  g_assert_no_error (error);
  categories = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "categories");
  for (guint i = 0; i < json_array_get_length (categories); i++)
    g_ptr_array_add (colors, g_strdup (json_object_get_string_member (json_array_get_object_element (categories, i),
                                                                      "color")));
  g_assert_cmpuint (colors->len, >=, 8);
  return colors;
}

/* The timeline: a marker is its category's colour inside a ring of the
 * text's colour (what is seen against the background is the ring), its
 * count in black or white; row names, years and era names in the text's
 * colour, the latter on the era's shade; a term begins at a rule */
static void
test_timeline (void)
{
  g_autoptr(GPtrArray) colors = category_colors ();

  for (guint s = 0; s < G_N_ELEMENTS (styles); s++)
    {
      const Style *style = &styles[s];

      assert_contrast (style->name, "a marker's ring on the background", style->fg, style->bg,
                       VECINOS_CONTRAST_GRAPHICS);
      assert_contrast (style->name, "row names and years", style->fg, style->bg, VECINOS_CONTRAST_TEXT);
      for (double alpha = 0.10; alpha < 0.2; alpha += 0.08)
        {
          VecinosRgb shade = vecinos_contrast_over (style->fg, alpha, style->bg);

          assert_contrast (style->name, "an era's name on its shade", style->fg, shade, VECINOS_CONTRAST_TEXT);
          assert_contrast (style->name, "the rule where a term begins", style->fg, shade, VECINOS_CONTRAST_GRAPHICS);
        }
      /* The focus ring: the text's colour at 0.85 (vecinos-focus-ring.h) */
      assert_contrast (style->name, "the focus ring", vecinos_contrast_over (style->fg, 0.85, style->bg), style->bg,
                       VECINOS_CONTRAST_GRAPHICS);
      /* The theme's dim text at the opacity style.css gives it */
      assert_contrast (style->name, "dim text", vecinos_contrast_over (style->fg, 0.75, style->bg), style->bg,
                       VECINOS_CONTRAST_TEXT);
    }

  for (guint i = 0; i < colors->len; i++)
    {
      VecinosRgb fill = parse (g_ptr_array_index (colors, i));
      VecinosRgb ink = vecinos_contrast_ink_is_white (fill) ? grey (1) : grey (0);
      g_autofree char *what = g_strdup_printf ("a cluster's count on %s", (char *) g_ptr_array_index (colors, i));

      assert_contrast ("any", what, ink, fill, VECINOS_CONTRAST_TEXT);
    }
}

/* The chart: each series' line, points and event marks in its category's
 * colour as vecinos_chart_series_color() makes it; text and axes in the
 * chart's ink at the strengths it draws them with */
static void
test_chart (void)
{
  g_autoptr(GPtrArray) colors = category_colors ();
  /* The ink's strengths for text: titles and names 1, the legend 0.85,
   * years and ticks 0.75, "Method changes" 0.7 (vecinos-chart-*.c) */
  static const double text_alphas[] = { 1, 0.85, 0.75, 0.7 };

  for (guint s = 0; s < G_N_ELEMENTS (styles); s++)
    {
      const Style *style = &styles[s];
      VecinosChart chart = { .dark = style->dark, .high_contrast = style->high_contrast };
      VecinosRgb bg = style->high_contrast ? style->bg : style->dark ? VECINOS_BACKGROUND_DARK : VECINOS_BACKGROUND_LIGHT;
      VecinosRgb ink = grey (vecinos_chart_ink_level (&chart));

      for (guint i = 0; i < G_N_ELEMENTS (text_alphas); i++)
        {
          double alpha = style->high_contrast && text_alphas[i] >= 0.5 ? 1 : text_alphas[i];
          g_autofree char *what = g_strdup_printf ("chart text at %.2f", text_alphas[i]);

          assert_contrast (style->name, what, vecinos_contrast_over (ink, alpha, bg), bg, VECINOS_CONTRAST_TEXT);
        }
      for (guint i = 0; i < colors->len; i++)
        {
          VecinosRgb line = vecinos_chart_series_color (&chart, g_ptr_array_index (colors, i));
          g_autofree char *what = g_strdup_printf ("a %s series' line", (char *) g_ptr_array_index (colors, i));

          assert_contrast (style->name, what, line, bg, VECINOS_CONTRAST_GRAPHICS);
        }
    }
}

/* The arithmetic itself: black on white is 21:1, a colour against itself
 * 1:1, and adjusting reaches what it is asked for from either side */
static void
test_ratio (void)
{
  VecinosRgb yellow = { 0xF0 / 255., 0xE4 / 255., 0x42 / 255. };

  g_assert_cmpfloat_with_epsilon (vecinos_contrast_ratio (grey (0), grey (1)), 21, 1e-9);
  g_assert_cmpfloat_with_epsilon (vecinos_contrast_ratio (yellow, yellow), 1, 1e-9);
  g_assert_cmpfloat (vecinos_contrast_ratio (yellow, VECINOS_BACKGROUND_LIGHT), <, 1.5);
  g_assert_cmpfloat (vecinos_contrast_ratio (vecinos_contrast_adjust (yellow, VECINOS_BACKGROUND_LIGHT, 3),
                                             VECINOS_BACKGROUND_LIGHT), >=, 3);
  g_assert_cmpfloat (vecinos_contrast_ratio (vecinos_contrast_adjust (grey (0.1), VECINOS_BACKGROUND_DARK, 3),
                                             VECINOS_BACKGROUND_DARK), >=, 3);
  g_assert_true (vecinos_contrast_ink_is_white (grey (0.2)));
  g_assert_false (vecinos_contrast_ink_is_white (yellow));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_assert_cmpint (argc, ==, 2);
  dataset_dir = argv[1];

  g_test_add_func ("/contrast/ratio", test_ratio);
  g_test_add_func ("/contrast/timeline", test_timeline);
  g_test_add_func ("/contrast/chart", test_chart);
  return g_test_run ();
}
