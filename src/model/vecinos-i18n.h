/* vecinos-i18n.h — gettext for the model library
 *
 * GLib's g_dgettext() (behind <glib/gi18n-lib.h>) decides once per process
 * whether to translate at all, and under the C.UTF-8 locale with English
 * first it decides not to. Vecinos switches language while running, so the
 * model calls dgettext() directly.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libintl.h>

#include "vecinos-language.h"

#define _(String) dgettext (GETTEXT_PACKAGE, String)
#define N_(String) (String)
#define NC_(Context, String) (String)
#define C_(Context, String) vecinos_language_pgettext (Context, String)
