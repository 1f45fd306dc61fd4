/* crm-figure-set-private.h — what computing a figure set shares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "crm-figure-set.h"

G_BEGIN_DECLS

/*
 * Every query of a figure set takes the same parameters, bound by
 * crm_figure_set_prepare():
 *   ?1 industry id, ?2 tier, ?3 owner (the segment; unbound when not
 *   segmented by it), ?4 first day, ?5 last day of the period
 *   ("YYYY-MM-DD").
 * CRM_SEGMENT_WHERE restricts customer c to the segment; CRM_SEGMENT_HAS
 * restricts cooperation record k to the segment's customers.
 * crm_figure_set_prepare() turns them into the condition of the segment
 * kind (nothing at all for every customer), so each query is planned for
 * its segment and never evaluates a condition per row that cannot fail.
 */
#define CRM_SEGMENT_WHERE " @SEGMENT@ "
#define CRM_SEGMENT_HAS   " @SEGMENT_HAS@ "

struct _CrmFigureSet
{
  GObject        parent_instance;

  CrmDatabase   *database;   /* only while computing; NULL afterwards */
  CrmPeriod      period;
  CrmSegment     segment;
  CrmFigure      figures[CRM_N_FIGURES];
  gboolean       available[CRM_N_FIGURES];

  CrmChartData  *tier_mix;
  CrmChartData  *industry_mix;
  CrmChartData  *new_customers_trend;
  CrmChartData  *deal_value_by_industry;
  CrmChartData  *requirements_by_category;
  CrmChartData  *churn_reasons;
  CrmChartData  *satisfaction_trend;
  CrmChartData  *priority_matrix;

  GPtrArray     *key_customers;
  GPtrArray     *churned_customers;
};

sqlite3_stmt *crm_figure_set_prepare        (CrmFigureSet  *self,
                                             const char    *sql,
                                             GError       **error);
gboolean      crm_figure_set_query_int      (CrmFigureSet  *self,
                                             const char    *sql,
                                             gint64        *value,
                                             GError       **error);
gboolean      crm_figure_set_step_failed    (CrmFigureSet  *self,
                                             sqlite3_stmt  *stmt,
                                             int            rc,
                                             GError       **error);
char         *crm_figure_set_dup_column     (sqlite3_stmt  *stmt,
                                             int            column);

/* The chart data (crm-figure-set-charts.c). */
gboolean crm_figure_set_compute_mix        (CrmFigureSet *self, GError **error);
gboolean crm_figure_set_compute_trend      (CrmFigureSet *self, GError **error);
gboolean crm_figure_set_compute_deal_value (CrmFigureSet *self, GError **error);

/* Figures and charts whose sources come with other issues; see the
 * MERGE: notes in crm-figure-set-merge.c. Each returns TRUE with the
 * figure set when its source is in the database, FALSE when it is not
 * (the figure is then left out), FALSE with @error on failure. */
gboolean crm_figure_set_compute_conversion_rate   (CrmFigureSet *self, CrmFigure *figure, GError **error);
gboolean crm_figure_set_compute_tier_changes      (CrmFigureSet *self, CrmFigure *figure, GError **error);
gboolean crm_figure_set_compute_satisfaction      (CrmFigureSet *self, CrmFigure *figure, GError **error);
gboolean crm_figure_set_compute_requirements      (CrmFigureSet *self, CrmFigure *figure, GError **error);
gboolean crm_figure_set_compute_closure_rate      (CrmFigureSet *self, CrmFigure *figure, GError **error);
gboolean crm_figure_set_compute_mean_time_to_close (CrmFigureSet *self, CrmFigure *figure, GError **error);
gboolean crm_figure_set_compute_overdue_follow_ups (CrmFigureSet *self, CrmFigure *figure, GError **error);
gboolean crm_figure_set_compute_key_follow_ups    (CrmFigureSet *self, CrmFigure *figure, GError **error);
gboolean crm_figure_set_compute_response_rate     (CrmFigureSet *self, CrmFigure *figure, GError **error);

CrmChartData *crm_figure_set_compute_requirements_by_category (CrmFigureSet *self, GError **error);
CrmChartData *crm_figure_set_compute_churn_reasons            (CrmFigureSet *self, GError **error);
CrmChartData *crm_figure_set_compute_satisfaction_trend       (CrmFigureSet *self, GError **error);
CrmChartData *crm_figure_set_compute_priority_matrix          (CrmFigureSet *self, GError **error);

G_END_DECLS
