/* vecinos-first-frame.h — for bench/bench-startup: say when the first
 * frame is painted, and quit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void vecinos_first_frame_watch (GtkWindow    *window,
                                GApplication *application);

G_END_DECLS
