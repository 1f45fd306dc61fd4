/* crm-bench-hooks.h — measurements that only the benchmarks turn on
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void crm_bench_hooks_scroll_list (GtkWindow    *window,
                                  GApplication *app);

G_END_DECLS
