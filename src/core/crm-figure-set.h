/* crm-figure-set.h — the figures, charts and lists of one period and segment
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "crm-chart.h"
#include "crm-database.h"
#include "crm-figure.h"
#include "crm-period.h"
#include "crm-segment.h"

G_BEGIN_DECLS

/**
 * CrmReportCustomer:
 * @name: the customer's name
 * @industry: (nullable): its industry
 * @tier: (nullable): its tier, "S" to "C"
 * @owner: (nullable): its account manager
 * @amount: annual spend (key customers) or the last record's amount
 *   (churned customers), whole yuan
 * @contact: (nullable): the first contact's name
 * @phone: (nullable): the first contact's phone
 * @pain_points: (nullable): its pain points
 * @product: (nullable): the last cooperation's product (churned customers)
 * @date: (nullable): the last cooperation's end (churned customers), the
 *   day the customer was flagged (key follow-ups)
 * @individual: whether the customer is a person (whose name is personal
 *   data) rather than an enterprise
 * @reason: (nullable): why the customer is flagged (key follow-ups)
 *
 * A customer as the report lists it. Personal data is not masked here:
 * the report masks it when asked to.
 */
typedef struct
{
  char   *name;
  char   *industry;
  char   *tier;
  char   *owner;
  gint64  amount;
  char   *contact;
  char   *phone;
  char   *pain_points;
  char   *product;
  char   *date;
  gboolean individual;
  char   *reason;
} CrmReportCustomer;

void crm_report_customer_free (CrmReportCustomer *customer);

/* How many customers the report lists at most in each table. */
#define CRM_FIGURE_SET_LIST_LIMIT 30

#define CRM_TYPE_FIGURE_SET (crm_figure_set_get_type ())

G_DECLARE_FINAL_TYPE (CrmFigureSet, crm_figure_set, CRM, FIGURE_SET, GObject)

CrmFigureSet    *crm_figure_set_compute                (CrmDatabase       *database,
                                                        const CrmPeriod   *period,
                                                        const CrmSegment  *segment,
                                                        GError           **error);
void             crm_figure_set_compute_async          (const char        *database_path,
                                                        const CrmPeriod   *period,
                                                        const CrmSegment  *segment,
                                                        GCancellable      *cancellable,
                                                        GAsyncReadyCallback callback,
                                                        gpointer           user_data);
CrmFigureSet    *crm_figure_set_compute_finish         (GAsyncResult      *result,
                                                        GError           **error);
const CrmPeriod *crm_figure_set_get_period             (CrmFigureSet      *self);
const CrmSegment *crm_figure_set_get_segment           (CrmFigureSet      *self);
const CrmFigure *crm_figure_set_get                    (CrmFigureSet      *self,
                                                        CrmFigureId        id);

CrmChartData    *crm_figure_set_get_tier_mix           (CrmFigureSet      *self);
CrmChartData    *crm_figure_set_get_industry_mix       (CrmFigureSet      *self);
CrmChartData    *crm_figure_set_get_new_customers_trend (CrmFigureSet     *self);
CrmChartData    *crm_figure_set_get_deal_value_by_industry (CrmFigureSet  *self);
CrmChartData    *crm_figure_set_get_requirements_by_category (CrmFigureSet *self);
CrmChartData    *crm_figure_set_get_churn_reasons      (CrmFigureSet      *self);
CrmChartData    *crm_figure_set_get_satisfaction_trend (CrmFigureSet      *self);
CrmChartData    *crm_figure_set_get_priority_matrix    (CrmFigureSet      *self);

GPtrArray       *crm_figure_set_get_key_customers      (CrmFigureSet      *self);
GPtrArray       *crm_figure_set_get_churned_customers  (CrmFigureSet      *self);

CrmChartData    *crm_figure_set_get_requirements_by_quadrant (CrmFigureSet *self);
CrmChartData    *crm_figure_set_get_requirements_by_status (CrmFigureSet   *self);
GPtrArray       *crm_figure_set_get_key_follow_up_customers (CrmFigureSet  *self);

G_END_DECLS
