/* crm-figure.h — one figure of an analysis report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * CrmFigureId:
 *
 * The figures of a report, in the order they are listed. Each has a title
 * and a definition (crm_figure_get_definition()) that the report's
 * appendix prints. Those from %CRM_FIGURE_CONVERSION_RATE on need
 * follow-ups, tier history, requirements or questionnaires; a figure set
 * leaves out a figure whose source table has no row at all (the team does
 * not record that kind of data).
 */
typedef enum
{
  CRM_FIGURE_NEW_CUSTOMERS,
  CRM_FIGURE_CUSTOMERS,
  CRM_FIGURE_ACTIVE_CUSTOMERS,
  CRM_FIGURE_DEALS,
  CRM_FIGURE_DEAL_AMOUNT,
  CRM_FIGURE_CHURNED,
  CRM_FIGURE_CHURN_RATE,
  CRM_FIGURE_CONVERSION_RATE,
  CRM_FIGURE_TIER_CHANGES,
  CRM_FIGURE_SATISFACTION,
  CRM_FIGURE_REQUIREMENTS,
  CRM_FIGURE_CLOSURE_RATE,
  CRM_FIGURE_MEAN_TIME_TO_CLOSE,
  CRM_FIGURE_OVERDUE_FOLLOW_UPS,
  CRM_FIGURE_KEY_FOLLOW_UPS,
  CRM_FIGURE_RESPONSE_RATE,
  CRM_N_FIGURES
} CrmFigureId;

/**
 * CrmFigureUnit:
 * @CRM_FIGURE_UNIT_COUNT: a number of customers, requirements, …
 * @CRM_FIGURE_UNIT_RATE: a share, written as a percentage
 * @CRM_FIGURE_UNIT_AMOUNT: whole yuan, written in 万元
 * @CRM_FIGURE_UNIT_DAYS: a number of days
 * @CRM_FIGURE_UNIT_SCORE: a score from 1 to 5
 */
typedef enum
{
  CRM_FIGURE_UNIT_COUNT,
  CRM_FIGURE_UNIT_RATE,
  CRM_FIGURE_UNIT_AMOUNT,
  CRM_FIGURE_UNIT_DAYS,
  CRM_FIGURE_UNIT_SCORE,
} CrmFigureUnit;

/**
 * CrmFigure:
 * @id: which figure
 * @unit: how it is written
 * @has_value: %FALSE when there is no data (an empty period, a division
 *   by zero): it is written "no data", never as 0 or NaN
 * @value: the figure, when @has_value
 * @numerator: for rates and averages, what was divided
 * @denominator: for rates and averages, what it was divided by
 */
typedef struct
{
  CrmFigureId   id;
  CrmFigureUnit unit;
  gboolean      has_value;
  double        value;
  gint64        numerator;
  gint64        denominator;
} CrmFigure;

const char   *crm_figure_get_title      (CrmFigureId      id);
const char   *crm_figure_get_definition (CrmFigureId      id);
CrmFigureUnit crm_figure_get_unit       (CrmFigureId      id);
void          crm_figure_set_count      (CrmFigure       *figure,
                                         gint64           count);
void          crm_figure_set_ratio      (CrmFigure       *figure,
                                         gint64           numerator,
                                         gint64           denominator);
char         *crm_figure_format         (const CrmFigure *figure);
char         *crm_format_amount         (gint64           yuan);

G_END_DECLS
