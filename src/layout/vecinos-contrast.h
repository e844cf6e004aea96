/* vecinos-contrast.h — WCAG contrast for the colours the drawing code uses:
 * which ink reads on a marker, and a colour darkened or lightened until it
 * stands out from the background as much as it must
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* sRGB, 0 to 1 */
typedef struct {
  double r, g, b;
} VecinosRgb;

/* What text and what lines, markers and bands must reach (WCAG 2.2 AA:
 * 1.4.3 and 1.4.11) */
#define VECINOS_CONTRAST_TEXT     4.5
#define VECINOS_CONTRAST_GRAPHICS 3.0

/* The backgrounds the views are drawn on, the harder of each style's (GTK
 * 4.8's theme): the light window's #f6f5f4 (an exported chart's white is
 * easier), the dark window's #353535 (an exported dark chart's #242424 is
 * easier) */
#define VECINOS_BACKGROUND_LIGHT ((VecinosRgb) { 0.965, 0.961, 0.957 })
#define VECINOS_BACKGROUND_DARK  ((VecinosRgb) { 0.208, 0.208, 0.208 })

double     vecinos_contrast_luminance (VecinosRgb color);
double     vecinos_contrast_ratio     (VecinosRgb a,
                                       VecinosRgb b);
VecinosRgb vecinos_contrast_over      (VecinosRgb color,
                                       double     alpha,
                                       VecinosRgb background);
gboolean   vecinos_contrast_ink_is_white (VecinosRgb fill);
VecinosRgb vecinos_contrast_adjust    (VecinosRgb color,
                                       VecinosRgb background,
                                       double     minimum);

G_END_DECLS
