/* vecinos-uri.h — which addresses from a dataset Vecinos lets a user open
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean  vecinos_uri_is_openable   (const char *uri);
char     *vecinos_uri_link_markup   (const char *uri,
                                     const char *text);

G_END_DECLS
