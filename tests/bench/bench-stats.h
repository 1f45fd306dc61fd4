/* bench-stats.h — what the C benchmarks share: sorting timings and
 * reading percentiles from them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

static inline int
bench_compare_doubles (gconstpointer a,
                       gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* Nearest rank: a value that was really measured. */
static inline double
bench_percentile (GArray *sorted,
                  double  fraction)
{
  guint rank = (guint) (sorted->len * fraction + 0.999999);

  return g_array_index (sorted, double, MAX (rank, 1) - 1);
}
