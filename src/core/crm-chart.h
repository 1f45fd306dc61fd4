/* crm-chart.h — pie, bar and line charts drawn with cairo and pango
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/**
 * CrmChartKind:
 * @CRM_CHART_PIE: shares of a whole (tier mix, industry mix).
 * @CRM_CHART_BAR: one value per category (requirements by category,
 *   churn reasons, deal value by industry).
 * @CRM_CHART_LINE: values over time, one or more series (new customers,
 *   satisfaction).
 * @CRM_CHART_MATRIX: the priority matrix (四象限): 25 categories, one
 *   per pair of scores, category (importance - 1) × 5 + urgency - 1
 *   holding how many requirements have them; drawn as the Priorities
 *   page draws its quadrant view (crm_priority_chart_draw_counts()).
 *
 * The same drawing code serves the screen, the print preview and paper.
 * Every chart stays readable in black-and-white print: slices and bars
 * carry grey levels and hatch patterns, lines differ by dash and marker,
 * and every value is written beside what it belongs to.
 */
typedef enum
{
  CRM_CHART_PIE,
  CRM_CHART_BAR,
  CRM_CHART_LINE,
  CRM_CHART_MATRIX,
} CrmChartKind;

typedef struct _CrmChartData CrmChartData;

#define CRM_TYPE_CHART_DATA (crm_chart_data_get_type ())

GType         crm_chart_data_get_type     (void) G_GNUC_CONST;
CrmChartData *crm_chart_data_new          (CrmChartKind        kind,
                                           const char         *title);
CrmChartData *crm_chart_data_ref          (CrmChartData       *self);
void          crm_chart_data_unref        (CrmChartData       *self);

CrmChartKind  crm_chart_data_get_kind     (CrmChartData       *self);
const char   *crm_chart_data_get_title    (CrmChartData       *self);
void          crm_chart_data_add_category (CrmChartData       *self,
                                           const char         *label);
guint         crm_chart_data_get_n_categories (CrmChartData   *self);
const char   *crm_chart_data_get_category (CrmChartData       *self,
                                           guint               index);
guint         crm_chart_data_add_series   (CrmChartData       *self,
                                           const char         *name);
guint         crm_chart_data_get_n_series (CrmChartData       *self);
const char   *crm_chart_data_get_series_name (CrmChartData    *self,
                                           guint               series);
void          crm_chart_data_set_value    (CrmChartData       *self,
                                           guint               series,
                                           guint               category,
                                           double              value);
double        crm_chart_data_get_value    (CrmChartData       *self,
                                           guint               series,
                                           guint               category);
double        crm_chart_data_get_total    (CrmChartData       *self,
                                           guint               series);
void          crm_chart_data_set_value_format (CrmChartData   *self,
                                           const char         *format);

void          crm_chart_draw              (CrmChartData       *data,
                                           cairo_t            *cr,
                                           double              width,
                                           double              height,
                                           const char         *font_family);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmChartData, crm_chart_data_unref)

G_END_DECLS
