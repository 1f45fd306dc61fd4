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
 * (id) restricts a customer id column to the segment's customers.
 * crm_figure_set_prepare() turns them into the condition of the segment
 * kind (nothing at all for every customer), so each query is planned for
 * its segment and never evaluates a condition per row that cannot fail.
 */
#define CRM_SEGMENT_WHERE " @SEGMENT@ "
/* Customer @id is in the segment; for every customer the condition is
 * the constant 1, which SQLite folds away when it plans the query. For
 * a segment, crm_figure_segment_has() looks @id up in the set's
 * CrmSegmentIds, which costs each row less than probing a temporary
 * b-tree of the segment's customers. */
#define CRM_SEGMENT_HAS(id) \
  " (@SEGMENT_ALL@ OR crm_figure_segment_has (" id ")) "

/* Time @column ("YYYY-MM-DDTHH:MM:SSZ") falls on a day of the period. */
#define CRM_IN_PERIOD(column) \
  " (" column " >= ?4 AND " column " < date (?5, '+1 day')) "

/* A column of the first contact of customer c. */
#define FIRST_CONTACT(column) \
  "(SELECT k." column " FROM contact k WHERE k.customer_id = c.id ORDER BY k.position, k.id LIMIT 1)"

/* Customer c churned in the period: a cooperation record of it ended in
 * the period, none is running or ends later, and none started after the
 * last one ended. Candidates come from the records ending in the period;
 * each candidate's records are read from the cooperation_period index. */
#define CHURNED_WHERE \
  CRM_SEGMENT_WHERE \
  " AND c.id IN (SELECT k.customer_id FROM cooperation k" \
  "              WHERE k.customer_id IN (SELECT customer_id FROM cooperation" \
  "                                      WHERE ended_on BETWEEN ?4 AND ?5)" \
  "              GROUP BY k.customer_id" \
  "              HAVING count(*) = count(k.ended_on) AND max (k.ended_on) <= ?5" \
  "                 AND max (k.started_on) <= max (k.ended_on)) "

/* The months of the trend charts, up to the one of the period's end. */
#define CRM_FIGURE_SET_TREND_MONTHS 12

/* The customers of a figure set's segment (crm-figure-set-segment.c),
 * shared by the threads that compute it. */
typedef struct _CrmSegmentIds CrmSegmentIds;

CrmSegmentIds *crm_segment_ids_load    (CrmFigureSet   *self,
                                        GError        **error);
CrmSegmentIds *crm_segment_ids_ref     (CrmSegmentIds  *ids);
void           crm_segment_ids_unref   (CrmSegmentIds  *ids);
gboolean       crm_segment_ids_attach  (CrmSegmentIds  *ids,
                                        CrmDatabase    *database,
                                        GError        **error);
void           crm_segment_ids_detach  (CrmDatabase    *database);

struct _CrmFigureSet
{
  GObject        parent_instance;

  CrmDatabase   *database;   /* only while computing; NULL afterwards */
  CrmPeriod      period;
  CrmSegment     segment;
  CrmSegmentIds *segment_ids;  /* NULL for every customer */
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

  /* From crm-figure-set-upkeep.c and crm-figure-set-requirements.c. */
  CrmChartData  *requirements_by_quadrant;
  CrmChartData  *requirements_by_status;
  GPtrArray     *key_follow_up_customers;
  gboolean       closures_read;
  gint64         n_closed;        /* requirements closed in the period */
  gint64         closing_days;    /* their days from raising to closing */
  gint64         n_closing_scores;
  gint64         closing_score_sum;
  gint64         trend_score_counts[CRM_FIGURE_SET_TREND_MONTHS];
  gint64         trend_score_sums[CRM_FIGURE_SET_TREND_MONTHS];
};

sqlite3_stmt *crm_figure_set_prepare        (CrmFigureSet  *self,
                                             const char    *sql,
                                             GError       **error);
gboolean      crm_figure_set_query_ints     (CrmFigureSet  *self,
                                             const char    *sql,
                                             gint64        *values,
                                             guint          n_values,
                                             GError       **error);
gboolean      crm_figure_set_query_int      (CrmFigureSet  *self,
                                             const char    *sql,
                                             gint64        *value,
                                             GError       **error);
gboolean      crm_figure_set_list_customers (CrmFigureSet  *self,
                                             const char    *sql,
                                             GPtrArray     *list,
                                             guint         *n_rows,
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

gboolean      crm_figure_set_finish         (CrmFigureSet  *self,
                                             sqlite3_stmt  *stmt,
                                             int            rc,
                                             GError       **error);
gboolean      crm_figure_set_has_rows       (CrmFigureSet  *self,
                                             const char    *sql,
                                             gboolean      *has_rows,
                                             GError       **error);

/* Figures and charts over follow-ups, tier history and key follow-ups
 * (crm-figure-set-upkeep.c), requirements (crm-figure-set-requirements.c)
 * and satisfaction and questionnaires (crm-figure-set-feedback.c). Each
 * returns TRUE with the figure set when its source is recorded in the
 * database (its table has a row), FALSE when it is not (the figure is
 * then left out), FALSE with @error on failure. */
gboolean crm_figure_set_compute_conversion_rate   (CrmFigureSet *self, CrmFigure *figure, GError **error);
gboolean crm_figure_set_compute_tier_changes      (CrmFigureSet *self, CrmFigure *figure, GError **error);
gboolean crm_figure_set_compute_satisfaction      (CrmFigureSet *self, CrmFigure *figure, GError **error);
gboolean crm_figure_set_compute_requirements      (CrmFigureSet *self, CrmFigure *figure, GError **error);
gboolean crm_figure_set_compute_closure_rate      (CrmFigureSet *self, CrmFigure *figure, GError **error);
gboolean crm_figure_set_compute_mean_time_to_close (CrmFigureSet *self, CrmFigure *figure, GError **error);
gboolean crm_figure_set_compute_overdue_follow_ups (CrmFigureSet *self, CrmFigure *figure, GError **error);
gboolean crm_figure_set_compute_key_follow_ups    (CrmFigureSet *self, CrmFigure *figure, GError **error);
gboolean crm_figure_set_compute_response_rate     (CrmFigureSet *self, CrmFigure *figure, GError **error);

gboolean crm_figure_set_read_closures (CrmFigureSet *self, GError **error);
int      crm_figure_set_trend_first_month (CrmFigureSet *self);
int      crm_figure_set_month_index (const char *time);

CrmChartData *crm_figure_set_compute_requirements_by_category (CrmFigureSet *self, GError **error);
CrmChartData *crm_figure_set_compute_churn_reasons            (CrmFigureSet *self, GError **error);
CrmChartData *crm_figure_set_compute_satisfaction_trend       (CrmFigureSet *self, GError **error);
CrmChartData *crm_figure_set_compute_priority_matrix          (CrmFigureSet *self, GError **error);

G_END_DECLS
