/* crm-figure-set-merge.c — figures whose sources arrive with other issues
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Each function here computes one figure or chart from a table that this
 * branch does not have yet (follow-ups and tier history: issue 4;
 * requirements: issue 5; questionnaires: issue 7). Until it is wired it
 * returns FALSE (or NULL), and the figure set leaves the figure out: a
 * report never shows a made-up number. Every query binds the parameters
 * described in crm-figure-set-private.h (segment ?1–?3, period ?4–?5);
 * use CRM_SEGMENT_WHERE on the customer c, crm_figure_set_query_int(),
 * crm_figure_set_count() and crm_figure_set_ratio() (which gives "no
 * data" for a zero denominator).
 */

#include "crm-figure-set-private.h"

gboolean
crm_figure_set_compute_conversion_rate (CrmFigureSet  *self,
                                        CrmFigure     *figure,
                                        GError       **error)
{
  /* MERGE: (issue 4) numerator = customers in the segment with a deal,
   * i.e. self->figures[CRM_FIGURE_DEALS].numerator (a cooperation record
   * starting in [?4, ?5]); denominator = distinct customers in the segment
   * with at least one follow-up dated in [?4, ?5]. Then
   * crm_figure_set_ratio (figure, deals, followed_up) and return TRUE. */
  return FALSE;
}

gboolean
crm_figure_set_compute_tier_changes (CrmFigureSet  *self,
                                     CrmFigure     *figure,
                                     GError       **error)
{
  /* MERGE: (issue 4, tier history) crm_figure_set_count() of the distinct
   * customers in the segment with a tier-history row dated in [?4, ?5]
   * whose new tier differs from the old one. Also fill a second series
   * "tier at the start of the period" in self->tier_mix (tier as of ?4
   * from the history) so the pie/bar shows the change. */
  return FALSE;
}

gboolean
crm_figure_set_compute_satisfaction (CrmFigureSet  *self,
                                     CrmFigure     *figure,
                                     GError       **error)
{
  /* MERGE: (issue 5) crm_figure_set_ratio (figure, sum of the
   * satisfaction scores, number of scores) over requirements of customers
   * in the segment closed in [?4, ?5] with a satisfaction score (1–5). */
  return FALSE;
}

gboolean
crm_figure_set_compute_requirements (CrmFigureSet  *self,
                                     CrmFigure     *figure,
                                     GError       **error)
{
  /* MERGE: (issue 5) crm_figure_set_count() of the requirements of
   * customers in the segment raised (created) in [?4, ?5]. The report's
   * "core needs" section also wants them by quadrant (importance ≥ 4 /
   * urgency ≥ 4) and by status (pending, in progress, done, rejected):
   * add those as CrmChartData like crm_figure_set_compute_requirements_by_category(). */
  return FALSE;
}

gboolean
crm_figure_set_compute_closure_rate (CrmFigureSet  *self,
                                     CrmFigure     *figure,
                                     GError       **error)
{
  /* MERGE: (issue 5) crm_figure_set_ratio (figure, requirements of the
   * segment closed (done or rejected) in [?4, ?5], requirements of the
   * segment raised in [?4, ?5]). */
  return FALSE;
}

gboolean
crm_figure_set_compute_mean_time_to_close (CrmFigureSet  *self,
                                           CrmFigure     *figure,
                                           GError       **error)
{
  /* MERGE: (issue 5) crm_figure_set_ratio (figure, sum over requirements
   * of the segment closed in [?4, ?5] of (julianday (closed) - julianday
   * (created)) rounded to whole days, number of those requirements). */
  return FALSE;
}

gboolean
crm_figure_set_compute_overdue_follow_ups (CrmFigureSet  *self,
                                           CrmFigure     *figure,
                                           GError       **error)
{
  /* MERGE: (issue 4) crm_figure_set_count() of follow-ups of customers in
   * the segment whose next action's due date is in [?4, ?5] and that were
   * not done by that date (no later follow-up on or before it). */
  return FALSE;
}

gboolean
crm_figure_set_compute_key_follow_ups (CrmFigureSet  *self,
                                       CrmFigure     *figure,
                                       GError       **error)
{
  /* MERGE: (issue 4, key follow-ups) crm_figure_set_count() of customers
   * in the segment flagged for key follow-up at ?5. The report lists them
   * (with masked contacts) in "problems found": add a GPtrArray of
   * CrmReportCustomer like self->churned_customers. */
  return FALSE;
}

gboolean
crm_figure_set_compute_response_rate (CrmFigureSet  *self,
                                      CrmFigure     *figure,
                                      GError       **error)
{
  /* MERGE: (issue 7) crm_figure_set_ratio (figure, questionnaire responses
   * of customers in the segment completed in [?4, ?5], questionnaires sent
   * (or started) to them in [?4, ?5]). */
  return FALSE;
}

CrmChartData *
crm_figure_set_compute_requirements_by_category (CrmFigureSet  *self,
                                                 GError       **error)
{
  /* MERGE: (issue 5) a CRM_CHART_BAR with one category per requirement
   * category (functional, service, experience, commercial, performance)
   * and the count of requirements of the segment raised in [?4, ?5]. */
  return NULL;
}

CrmChartData *
crm_figure_set_compute_churn_reasons (CrmFigureSet  *self,
                                      GError       **error)
{
  /* MERGE: (issue 4) a CRM_CHART_BAR of churned customers (the
   * definition of CRM_FIGURE_CHURNED) by the reason of their last refusal
   * (follow-up feedback "refused" with its reason), "no reason recorded"
   * for the others. */
  return NULL;
}

CrmChartData *
crm_figure_set_compute_satisfaction_trend (CrmFigureSet  *self,
                                           GError       **error)
{
  /* MERGE: (issue 5) a CRM_CHART_LINE with the same twelve months as
   * self->new_customers_trend and the average satisfaction score per
   * month (months without a score: leave the series out or 0 with a
   * note); value format "%.1f". */
  return NULL;
}

CrmChartData *
crm_figure_set_compute_priority_matrix (CrmFigureSet  *self,
                                        GError       **error)
{
  /* MERGE: (issue 5) a CRM_CHART_MATRIX (crm-chart.h) with the four
   * quadrants in this order and these labels: _("Important and urgent: do
   * now"), _("Important, not urgent: plan"), _("Urgent, not important:
   * standardise"), _("Neither: defer") — the quadrant of each open
   * requirement of the segment at ?5 (pending or in progress), by the
   * importance and urgency thresholds the requirements page uses. */
  return NULL;
}
