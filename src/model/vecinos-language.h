/* vecinos-language.h — the languages Vecinos speaks, and switching them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

const char * const *vecinos_language_supported  (void);
gboolean            vecinos_language_is_supported (const char         *language);
const char         *vecinos_language_from_names (const char * const *names);
void                vecinos_language_bind       (const char         *locale_dir);
void                vecinos_language_use        (const char         *language);
char               *vecinos_language_get_name   (const char         *language);
const char         *vecinos_language_pgettext   (const char         *context,
                                                 const char         *msgid) G_GNUC_FORMAT (2);

G_END_DECLS
