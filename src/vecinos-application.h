/* vecinos-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define VECINOS_TYPE_APPLICATION (vecinos_application_get_type ())

G_DECLARE_FINAL_TYPE (VecinosApplication, vecinos_application, VECINOS, APPLICATION, GtkApplication)

VecinosApplication *vecinos_application_new                 (void);
const char         *vecinos_application_get_content_language (VecinosApplication *self);

G_END_DECLS
