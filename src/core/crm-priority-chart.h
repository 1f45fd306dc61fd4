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

/* MERGE: the analysis report (crm-chart*.c on the reports branch) draws
 * the priority matrix of its PDF with this function: the entries come from
 * crm_priority_model_get_entries() of a CrmPriorityModel on the report's
 * requirement store (filtered to the report's customer if need be). */
void crm_priority_chart_draw (cairo_t                *cr,
                              double                  width,
                              double                  height,
                              CrmPriorityView         view,
                              const CrmPriorityEntry *entries,
                              guint                   n_entries,
                              const char             *font_family);

G_END_DECLS
