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

double  bench_median_of    (GArray     *samples);
gboolean bench_read_arguments (int          argc,
                               char        *argv[],
                               const char  *usage,
                               GArray      *sizes,
                               const guint *defaults,
                               guint        n_defaults,
                               guint       *rounds,
                               guint        least_rounds);

char   *bench_synthetic_timeline (guint     n,
                                  gboolean  csv);

typedef struct {
  gint64  start_us;     /* the monotonic clock when it was started */
  double  wall_ms;
  double  cpu_ms;
  double  max_rss_mib;
  char   *output;       /* its standard output */
} BenchRun;

char   *bench_cached_dataset     (const char *compiler,
                                  guint       n);

gboolean bench_spawn (char     **argv,
                      char     **envp,
                      BenchRun  *run);

G_END_DECLS
