/* crm-chart-matrix.c — the priority matrix (四象限) of a report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "crm-chart-private.h"
#include "crm-priority-chart.h"

/* The same picture as the Priorities page (crm-priority-chart.c), drawn
 * from the chart's counts: category (importance - 1) × 5 + urgency - 1
 * holds how many requirements have that pair of scores. */
void
crm_chart_draw_matrix (CrmChartData   *data,
                       CrmChartCanvas *canvas)
{
  gint64 counts[CRM_PRIORITY_SCALE * CRM_PRIORITY_SCALE] = { 0 };

  for (guint i = 0; i < MIN (crm_chart_data_get_n_categories (data), G_N_ELEMENTS (counts)); i++)
    counts[i] = (gint64)crm_chart_data_get_value (data, 0, i);

  crm_priority_chart_draw_counts (canvas->cr, canvas->width, canvas->height, counts, canvas->font_family);
}
