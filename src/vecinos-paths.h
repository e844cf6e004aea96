/* vecinos-paths.h — where Vecinos finds its files, installed or not
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

gboolean   vecinos_paths_is_uninstalled   (void);
GFile     *vecinos_paths_default_dataset  (void);
const char *vecinos_paths_locale_dir      (void);
GSettings *vecinos_paths_new_settings     (void);

G_END_DECLS
