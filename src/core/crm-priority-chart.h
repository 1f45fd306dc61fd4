/* crm-priority-chart.h — a priority matrix drawn with cairo, for screen and print
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "crm-priority.h"

G_BEGIN_DECLS

/* The family named for CJK text: without a name pango may pick a font
 * without Chinese glyphs. */
#define CRM_PRIORITY_CHART_FONT "Noto Sans CJK SC"

/* Draws the matrix as the Priorities page shows it, for paper. The
 * analysis report draws the same picture from counts alone. */
void crm_priority_chart_draw (cairo_t                *cr,
                              double                  width,
                              double                  height,
                              CrmPriorityView         view,
                              const CrmPriorityEntry *entries,
                              guint                   n_entries,
                              const char             *font_family);

void crm_priority_chart_draw_counts (cairo_t      *cr,
                                     double        width,
                                     double        height,
                                     const gint64 *counts,
                                     const char   *font_family);

G_END_DECLS
