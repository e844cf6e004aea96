/* bench-util.h — what the benchmarks share: medians, and writing and
 * compiling a synthetic dataset directory
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

double  bench_median       (double     *samples,
                            guint       n);
void    bench_write_file   (const char *dir,
                            const char *name,
                            GString    *contents);
void    bench_compile      (const char *compiler,
                            const char *dir,
                            const char *database);

void    bench_remove_dir   (const char *dir);

G_END_DECLS
