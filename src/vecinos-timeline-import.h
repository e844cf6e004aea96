/* vecinos-timeline-import.h — a teacher's TimelineJS file opened in a window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vecinos-window.h"

G_BEGIN_DECLS

void  vecinos_window_import_timeline (VecinosWindow  *window,
                                      GFile          *file,
                                      const char     *language);
void  vecinos_window_export_timelinejs (VecinosWindow *window);
char *vecinos_timeline_import_sync   (GFile          *file,
                                      const char     *language,
                                      const char     *fallback,
                                      char          **problems,
                                      GError        **error);

G_END_DECLS
