/* crm-chart-private.h — what the chart kinds share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <pango/pangocairo.h>

#include "crm-chart.h"

G_BEGIN_DECLS

/* Body text of charts, in points. */
#define CRM_CHART_FONT_SIZE 8.0

typedef struct
{
  cairo_t    *cr;
  const char *font_family;
  double      width;
  double      height;
} CrmChartCanvas;

PangoLayout *crm_chart_layout       (CrmChartCanvas *canvas,
                                     const char     *text,
                                     double          size,
                                     gboolean        bold);
void         crm_chart_text         (CrmChartCanvas *canvas,
                                     const char     *text,
                                     double          x,
                                     double          y,
                                     double          align_x,
                                     double          align_y,
                                     double          size,
                                     gboolean        bold);
void         crm_chart_fill_style   (CrmChartCanvas *canvas,
                                     guint           index,
                                     double          x,
                                     double          y,
                                     double          width,
                                     double          height);
char        *crm_chart_format_value (CrmChartData   *data,
                                     double          value);

void         crm_chart_draw_pie     (CrmChartData   *data,
                                     CrmChartCanvas *canvas);
void         crm_chart_draw_bar     (CrmChartData   *data,
                                     CrmChartCanvas *canvas);
void         crm_chart_draw_line    (CrmChartData   *data,
                                     CrmChartCanvas *canvas);
void         crm_chart_draw_matrix  (CrmChartData   *data,
                                     CrmChartCanvas *canvas);

G_END_DECLS
