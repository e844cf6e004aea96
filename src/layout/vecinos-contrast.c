/* vecinos-contrast.c — WCAG contrast for the colours the drawing code uses
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "vecinos-contrast.h"

static double
linear (double channel)
{
  channel = CLAMP (channel, 0, 1);
  return channel <= 0.04045 ? channel / 12.92 : pow ((channel + 0.055) / 1.055, 2.4);
}

/* WCAG 2's relative luminance */
double
vecinos_contrast_luminance (VecinosRgb color)
{
  return 0.2126 * linear (color.r) + 0.7152 * linear (color.g) + 0.0722 * linear (color.b);
}

/* From 1 (the same) to 21 (black on white) */
double
vecinos_contrast_ratio (VecinosRgb a,
                        VecinosRgb b)
{
  double la = vecinos_contrast_luminance (a);
  double lb = vecinos_contrast_luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

/* @color at @alpha, composited over @background */
VecinosRgb
vecinos_contrast_over (VecinosRgb color,
                       double     alpha,
                       VecinosRgb background)
{
  return (VecinosRgb) {
    color.r * alpha + background.r * (1 - alpha),
    color.g * alpha + background.g * (1 - alpha),
    color.b * alpha + background.b * (1 - alpha),
  };
}

/* Digits on a marker of @fill: white or black, whichever contrasts more */
gboolean
vecinos_contrast_ink_is_white (VecinosRgb fill)
{
  VecinosRgb white = { 1, 1, 1 }, black = { 0, 0, 0 };

  return vecinos_contrast_ratio (white, fill) > vecinos_contrast_ratio (black, fill);
}

/* @color, mixed towards black (on a light background) or white (on a dark
 * one) in small steps until it reaches @minimum against @background — a
 * category's yellow stays a yellow as far as it can */
VecinosRgb
vecinos_contrast_adjust (VecinosRgb color,
                         VecinosRgb background,
                         double     minimum)
{
  gboolean dark = vecinos_contrast_luminance (background) < 0.2;
  VecinosRgb target = dark ? (VecinosRgb) { 1, 1, 1 } : (VecinosRgb) { 0, 0, 0 };

  for (int step = 0; step < 20 && vecinos_contrast_ratio (color, background) < minimum; step++)
    color = vecinos_contrast_over (target, 0.1, color);
  return color;
}
