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
 * analysis report still draws its own 2×2 count chart (CRM_CHART_MATRIX in
 * crm-chart.c); giving it this picture instead, with the entries of a
 * CrmPriorityModel on the report's segment, would leave one matrix. */
void crm_priority_chart_draw (cairo_t                *cr,
                              double                  width,
                              double                  height,
                              CrmPriorityView         view,
                              const CrmPriorityEntry *entries,
                              guint                   n_entries,
                              const char             *font_family);

G_END_DECLS
