/* crm-figure-set.c — the figures, charts and lists of one period and segment
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * A figure set is computed once, by SQL over the customer and cooperation
 * tables, and is then read-only, so a report, the Reports page and a
 * worker thread can share it. Figures over follow-ups, tier history,
 * requirements and questionnaires are in crm-figure-set-upkeep.c,
 * crm-figure-set-requirements.c and crm-figure-set-feedback.c.
 */

#define G_LOG_DOMAIN "crm-figures"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "crm-figure-set-private.h"

G_DEFINE_FINAL_TYPE (CrmFigureSet, crm_figure_set, G_TYPE_OBJECT)

void
crm_report_customer_free (CrmReportCustomer *customer)
{
  g_free (customer->name);
  g_free (customer->industry);
  g_free (customer->tier);
  g_free (customer->owner);
  g_free (customer->contact);
  g_free (customer->phone);
  g_free (customer->pain_points);
  g_free (customer->product);
  g_free (customer->date);
  g_free (customer->reason);
  g_free (customer);
}

static void
crm_figure_set_finalize (GObject *object)
{
  CrmFigureSet *self = (CrmFigureSet *)object;

  g_clear_object (&self->database);
  crm_segment_clear (&self->segment);
  g_clear_pointer (&self->tier_mix, crm_chart_data_unref);
  g_clear_pointer (&self->industry_mix, crm_chart_data_unref);
  g_clear_pointer (&self->new_customers_trend, crm_chart_data_unref);
  g_clear_pointer (&self->deal_value_by_industry, crm_chart_data_unref);
  g_clear_pointer (&self->requirements_by_category, crm_chart_data_unref);
  g_clear_pointer (&self->churn_reasons, crm_chart_data_unref);
  g_clear_pointer (&self->satisfaction_trend, crm_chart_data_unref);
  g_clear_pointer (&self->priority_matrix, crm_chart_data_unref);
  g_clear_pointer (&self->key_customers, g_ptr_array_unref);
  g_clear_pointer (&self->churned_customers, g_ptr_array_unref);
  g_clear_pointer (&self->requirements_by_quadrant, crm_chart_data_unref);
  g_clear_pointer (&self->requirements_by_status, crm_chart_data_unref);
  g_clear_pointer (&self->key_follow_up_customers, g_ptr_array_unref);

  G_OBJECT_CLASS (crm_figure_set_parent_class)->finalize (object);
}

static void
crm_figure_set_class_init (CrmFigureSetClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = crm_figure_set_finalize;
}

static void
crm_figure_set_init (CrmFigureSet *self)
{
  crm_segment_init_all (&self->segment);

  for (guint i = 0; i < CRM_N_FIGURES; i++)
    {
      self->figures[i].id = i;
      self->figures[i].unit = crm_figure_get_unit (i);
    }

  self->key_customers = g_ptr_array_new_with_free_func ((GDestroyNotify)crm_report_customer_free);
  self->churned_customers = g_ptr_array_new_with_free_func ((GDestroyNotify)crm_report_customer_free);
  self->key_follow_up_customers = g_ptr_array_new_with_free_func ((GDestroyNotify)crm_report_customer_free);
}

char *
crm_figure_set_dup_column (sqlite3_stmt *stmt,
                           int           column)
{
  return g_strdup ((const char *)sqlite3_column_text (stmt, column));
}

static const char *
segment_condition (CrmFigureSet *self)
{
  switch (self->segment.kind)
    {
    case CRM_SEGMENT_INDUSTRY:
      return "c.industry_id = ?1";
    case CRM_SEGMENT_TIER:
      return "c.tier = ?2";
    case CRM_SEGMENT_OWNER:
      return "c.owner = ?3";
    case CRM_SEGMENT_ALL:
    default:
      return "1";
    }
}

/* Prepares @sql with the segment's conditions in place of
 * CRM_SEGMENT_WHERE and CRM_SEGMENT_HAS (constant text chosen by the
 * segment kind, never user text) and binds the segment and the period
 * (see crm-figure-set-private.h). */
sqlite3_stmt *
crm_figure_set_prepare (CrmFigureSet  *self,
                        const char    *sql,
                        GError       **error)
{
  g_autoptr(GString) text = g_string_new (sql);
  sqlite3_stmt *stmt;

  g_string_replace (text, "@SEGMENT_ALL@", self->segment.kind == CRM_SEGMENT_ALL ? "1" : "0", 0);
  g_string_replace (text, "@SEGMENT@", segment_condition (self), 0);

  stmt = crm_database_prepare (self->database, text->str, error);
  if (stmt == NULL)
    return NULL;

  if (self->segment.kind == CRM_SEGMENT_INDUSTRY)
    sqlite3_bind_int64 (stmt, 1, self->segment.industry_id);
  if (self->segment.kind == CRM_SEGMENT_TIER)
    sqlite3_bind_text (stmt, 2, crm_tier_to_string (self->segment.tier), -1, SQLITE_STATIC);
  if (self->segment.kind == CRM_SEGMENT_OWNER)
    sqlite3_bind_text (stmt, 3, self->segment.owner, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, self->period.from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, self->period.to, -1, SQLITE_TRANSIENT);

  return stmt;
}

/* Whether @rc (of sqlite3_step()) is an error, which is then set and
 * the statement reset. */
gboolean
crm_figure_set_step_failed (CrmFigureSet  *self,
                            sqlite3_stmt  *stmt,
                            int            rc,
                            GError       **error)
{
  if (rc == SQLITE_DONE || rc == SQLITE_ROW)
    return FALSE;

  crm_database_set_sql_error (self->database, error, sqlite3_sql (stmt));
  sqlite3_reset (stmt);

  return TRUE;
}

/* Runs @sql (one row of @n_values integer columns; NULL counts as 0). */
static gboolean
query_ints (CrmFigureSet  *self,
            const char    *sql,
            gint64        *values,
            guint          n_values,
            GError       **error)
{
  sqlite3_stmt *stmt = crm_figure_set_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (crm_figure_set_step_failed (self, stmt, rc, error))
    return FALSE;

  for (guint i = 0; i < n_values; i++)
    values[i] = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, i) : 0;
  sqlite3_reset (stmt);

  return TRUE;
}

/* Runs @sql (one row, one integer column; NULL counts as 0). */
gboolean
crm_figure_set_query_int (CrmFigureSet  *self,
                          const char    *sql,
                          gint64        *value,
                          GError       **error)
{
  return query_ints (self, sql, value, 1, error);
}

/* Columns: name, industry, tier, owner, amount, contact, phone,
 * pain points, product, date, kind and optionally a reason. Keeps the
 * first CRM_FIGURE_SET_LIST_LIMIT rows in @list and counts all in @n_rows. */
static gboolean
list_customers (CrmFigureSet  *self,
                const char    *sql,
                GPtrArray     *list,
                guint         *n_rows,
                GError       **error)
{
  sqlite3_stmt *stmt = crm_figure_set_prepare (self, sql, error);
  guint n = 0;
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int (stmt, 6, CRM_FIGURE_SET_LIST_LIMIT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CrmReportCustomer *customer;

      if (n++ >= CRM_FIGURE_SET_LIST_LIMIT)
        continue;

      customer = g_new0 (CrmReportCustomer, 1);

      customer->name = crm_figure_set_dup_column (stmt, 0);
      customer->industry = crm_figure_set_dup_column (stmt, 1);
      customer->tier = crm_figure_set_dup_column (stmt, 2);
      customer->owner = crm_figure_set_dup_column (stmt, 3);
      customer->amount = sqlite3_column_int64 (stmt, 4);
      customer->contact = crm_figure_set_dup_column (stmt, 5);
      customer->phone = crm_figure_set_dup_column (stmt, 6);
      customer->pain_points = crm_figure_set_dup_column (stmt, 7);
      customer->product = crm_figure_set_dup_column (stmt, 8);
      customer->date = crm_figure_set_dup_column (stmt, 9);
      customer->individual = g_strcmp0 ((const char *)sqlite3_column_text (stmt, 10), "individual") == 0;
      if (sqlite3_column_count (stmt) > 11)
        customer->reason = crm_figure_set_dup_column (stmt, 11);
      g_ptr_array_add (list, customer);
    }
  if (crm_figure_set_step_failed (self, stmt, rc, error))
    return FALSE;
  sqlite3_reset (stmt);

  if (n_rows != NULL)
    *n_rows = n;

  return TRUE;
}

gboolean
crm_figure_set_list_customers (CrmFigureSet  *self,
                               const char    *sql,
                               GPtrArray     *list,
                               guint         *n_rows,
                               GError       **error)
{
  return list_customers (self, sql, list, n_rows, error);
}

static gboolean
compute_counts (CrmFigureSet  *self,
                GError       **error)
{
  gint64 active, deals[2];
  guint churned;

  /* Each query reads indexes (see schema step 8) more than rows. New
   * customers are counted with the mix (compute_mix()). */
  if (/* In customer order, so no temporary b-tree of ids is needed. */
      !crm_figure_set_query_int (self,
                                 "SELECT count(*) FROM (SELECT 1 FROM cooperation k INDEXED BY cooperation_period"
                                 "  WHERE k.started_on <= ?5 AND (k.ended_on IS NULL OR k.ended_on >= ?4)"
                                 "    AND" CRM_SEGMENT_HAS ("k.customer_id")
                                 "  GROUP BY k.customer_id)",
                                 &active, error) ||
      !query_ints (self,
                   "SELECT count(DISTINCT k.customer_id), total (k.amount) FROM cooperation k"
                   "  WHERE k.started_on BETWEEN ?4 AND ?5 AND" CRM_SEGMENT_HAS ("k.customer_id"),
                   deals, 2, error) ||
      !list_customers (self,
                       "SELECT c.name, i.name, c.tier, c.owner, last.amount,"
                       "       " FIRST_CONTACT ("name") ", " FIRST_CONTACT ("phone") ","
                       "       c.pain_points, last.product, last.ended_on, c.kind"
                       "  FROM customer c LEFT JOIN industry i ON i.id = c.industry_id"
                       "  JOIN cooperation last ON last.id = (SELECT x.id FROM cooperation x"
                       "       WHERE x.customer_id = c.id ORDER BY x.ended_on DESC, x.id DESC LIMIT 1)"
                       "  WHERE" CHURNED_WHERE
                       "  ORDER BY last.amount DESC, c.id",
                       self->churned_customers, &churned, error))
    return FALSE;

  crm_figure_set_count (&self->figures[CRM_FIGURE_ACTIVE_CUSTOMERS], active);
  crm_figure_set_count (&self->figures[CRM_FIGURE_DEALS], deals[0]);
  crm_figure_set_count (&self->figures[CRM_FIGURE_DEAL_AMOUNT], deals[1]);
  crm_figure_set_count (&self->figures[CRM_FIGURE_CHURNED], churned);
  crm_figure_set_ratio (&self->figures[CRM_FIGURE_CHURN_RATE], churned, active);

  for (guint i = CRM_FIGURE_NEW_CUSTOMERS; i <= CRM_FIGURE_CHURN_RATE; i++)
    self->available[i] = TRUE;

  return TRUE;
}

typedef gboolean (*MergeFunc) (CrmFigureSet *self, CrmFigure *figure, GError **error);

static gboolean
compute_merged (CrmFigureSet  *self,
                GError       **error)
{
  static const struct { CrmFigureId id; MergeFunc func; } merged[] = {
    { CRM_FIGURE_CONVERSION_RATE, crm_figure_set_compute_conversion_rate },
    { CRM_FIGURE_TIER_CHANGES, crm_figure_set_compute_tier_changes },
    { CRM_FIGURE_SATISFACTION, crm_figure_set_compute_satisfaction },
    { CRM_FIGURE_REQUIREMENTS, crm_figure_set_compute_requirements },
    { CRM_FIGURE_CLOSURE_RATE, crm_figure_set_compute_closure_rate },
    { CRM_FIGURE_MEAN_TIME_TO_CLOSE, crm_figure_set_compute_mean_time_to_close },
    { CRM_FIGURE_OVERDUE_FOLLOW_UPS, crm_figure_set_compute_overdue_follow_ups },
    { CRM_FIGURE_KEY_FOLLOW_UPS, crm_figure_set_compute_key_follow_ups },
    { CRM_FIGURE_RESPONSE_RATE, crm_figure_set_compute_response_rate },
  };

  for (guint i = 0; i < G_N_ELEMENTS (merged); i++)
    {
      GError *local_error = NULL;

      self->available[merged[i].id] = merged[i].func (self, &self->figures[merged[i].id], &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          return FALSE;
        }
    }

  self->requirements_by_category = crm_figure_set_compute_requirements_by_category (self, error);
  if (error != NULL && *error != NULL)
    return FALSE;
  self->churn_reasons = crm_figure_set_compute_churn_reasons (self, error);
  if (error != NULL && *error != NULL)
    return FALSE;
  self->satisfaction_trend = crm_figure_set_compute_satisfaction_trend (self, error);
  if (error != NULL && *error != NULL)
    return FALSE;
  self->priority_matrix = crm_figure_set_compute_priority_matrix (self, error);

  return error == NULL || *error == NULL;
}

/* Walks the annual-spend index from the top; skipped when the period
 * has no customers, as it would then walk all of it for nothing. */
static gboolean
compute_key_customers (CrmFigureSet  *self,
                       GError       **error)
{
  if (self->figures[CRM_FIGURE_CUSTOMERS].value == 0)
    return TRUE;

  return list_customers (self,
                         "SELECT c.name, i.name, c.tier, c.owner, c.annual_spend,"
                         "       " FIRST_CONTACT ("name") ", " FIRST_CONTACT ("phone") ","
                         "       c.pain_points, NULL, NULL, c.kind"
                         "  FROM customer c LEFT JOIN industry i ON i.id = c.industry_id"
                         "  WHERE" CRM_SEGMENT_WHERE " AND c.created_at < date (?5, '+1 day')"
                         "    AND c.annual_spend > 0"
                         "  ORDER BY c.annual_spend DESC, c.id LIMIT ?6",
                         self->key_customers, NULL, error);
}

/**
 * crm_figure_set_compute:
 * @database: the database to read
 * @period: the period
 * @segment: (nullable): the customers to count; %NULL for all
 * @error: return location for a database error
 *
 * Computes every figure whose source is in @database. Safe to run in a
 * worker thread on a connection of its own.
 *
 * Returns: (transfer full) (nullable): the figure set
 */
CrmFigureSet *
crm_figure_set_compute (CrmDatabase       *database,
                        const CrmPeriod   *period,
                        const CrmSegment  *segment,
                        GError           **error)
{
  g_autoptr(CrmFigureSet) self = NULL;

  g_return_val_if_fail (CRM_IS_DATABASE (database), NULL);
  g_return_val_if_fail (period != NULL, NULL);

  self = g_object_new (CRM_TYPE_FIGURE_SET, NULL);
  self->database = g_object_ref (database);
  self->period = *period;
  if (segment != NULL)
    {
      self->segment = *segment;
      self->segment.owner = g_strdup (segment->owner);
    }

  /* Each step's time is logged (G_MESSAGES_DEBUG=crm-figures). */
  {
    static const struct { const char *name; gboolean (*func) (CrmFigureSet *, GError **); } steps[] = {
      { "counts", compute_counts },
      { "mix", crm_figure_set_compute_mix },
      { "merged", compute_merged },
      { "trend", crm_figure_set_compute_trend },
      { "deal value", crm_figure_set_compute_deal_value },
      { "key customers", compute_key_customers },
    };

    for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
      {
        gint64 start = g_get_monotonic_time ();

        if (!steps[i].func (self, error))
          return NULL;
        g_debug ("%s %s: %.1f ms", period->key, steps[i].name, (g_get_monotonic_time () - start) / 1000.0);
      }
  }

  /* The set is read-only from here on and may outlive the connection. */
  g_clear_object (&self->database);

  return g_steal_pointer (&self);
}

typedef struct
{
  char       *database_path;
  CrmPeriod   period;
  CrmSegment  segment;
} ComputeJob;

static void
compute_job_free (ComputeJob *job)
{
  g_free (job->database_path);
  crm_segment_clear (&job->segment);
  g_free (job);
}

static void
compute_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  ComputeJob *job = task_data;
  g_autoptr(CrmDatabase) database = NULL;
  g_autoptr(GError) error = NULL;
  CrmFigureSet *set = NULL;

  database = crm_database_open (job->database_path, &error);
  if (database != NULL)
    set = crm_figure_set_compute (database, &job->period, &job->segment, &error);

  if (set == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, set, g_object_unref);
}

/**
 * crm_figure_set_compute_async:
 * @database_path: the database file; the worker opens a connection of
 *   its own
 * @period: the period
 * @segment: (nullable): the customers; %NULL for all
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the figure set
 * @user_data: data for @callback
 *
 * Computes a figure set in a worker thread, so a window stays responsive
 * on a large database.
 */
void
crm_figure_set_compute_async (const char          *database_path,
                              const CrmPeriod     *period,
                              const CrmSegment    *segment,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  ComputeJob *job = g_new0 (ComputeJob, 1);

  g_return_if_fail (database_path != NULL);
  g_return_if_fail (period != NULL);

  job->database_path = g_strdup (database_path);
  job->period = *period;
  if (segment != NULL)
    {
      job->segment = *segment;
      job->segment.owner = g_strdup (segment->owner);
    }
  else
    crm_segment_init_all (&job->segment);

  g_task_set_source_tag (task, crm_figure_set_compute_async);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_set_task_data (task, job, (GDestroyNotify)compute_job_free);
  g_task_run_in_thread (task, compute_thread);
}

/* Returns: (transfer full) (nullable): the figure set */
CrmFigureSet *
crm_figure_set_compute_finish (GAsyncResult  *result,
                               GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

const CrmPeriod *
crm_figure_set_get_period (CrmFigureSet *self)
{
  g_return_val_if_fail (CRM_IS_FIGURE_SET (self), NULL);

  return &self->period;
}

const CrmSegment *
crm_figure_set_get_segment (CrmFigureSet *self)
{
  g_return_val_if_fail (CRM_IS_FIGURE_SET (self), NULL);

  return &self->segment;
}

/**
 * crm_figure_set_get:
 * @self: a figure set
 * @id: a figure
 *
 * Returns: (nullable): the figure, or %NULL when its source is not in
 *   this database (the report leaves it out)
 */
const CrmFigure *
crm_figure_set_get (CrmFigureSet *self,
                    CrmFigureId   id)
{
  g_return_val_if_fail (CRM_IS_FIGURE_SET (self), NULL);
  g_return_val_if_fail (id < CRM_N_FIGURES, NULL);

  return self->available[id] ? &self->figures[id] : NULL;
}

CrmChartData *
crm_figure_set_get_tier_mix (CrmFigureSet *self)
{
  return self->tier_mix;
}

CrmChartData *
crm_figure_set_get_industry_mix (CrmFigureSet *self)
{
  return self->industry_mix;
}

CrmChartData *
crm_figure_set_get_new_customers_trend (CrmFigureSet *self)
{
  return self->new_customers_trend;
}

CrmChartData *
crm_figure_set_get_deal_value_by_industry (CrmFigureSet *self)
{
  return self->deal_value_by_industry;
}

/* Returns: (nullable): %NULL when no requirement is recorded. */
CrmChartData *
crm_figure_set_get_requirements_by_category (CrmFigureSet *self)
{
  return self->requirements_by_category;
}

/* Returns: (nullable): %NULL when no follow-up is recorded. */
CrmChartData *
crm_figure_set_get_churn_reasons (CrmFigureSet *self)
{
  return self->churn_reasons;
}

/* Returns: (nullable): %NULL when no satisfaction score was given in the
 *   twelve months up to the period's end. */
CrmChartData *
crm_figure_set_get_satisfaction_trend (CrmFigureSet *self)
{
  return self->satisfaction_trend;
}

/* Returns: (nullable): %NULL until requirements are recorded (MERGE). */
CrmChartData *
crm_figure_set_get_priority_matrix (CrmFigureSet *self)
{
  return self->priority_matrix;
}

/* Returns: (element-type CrmReportCustomer): up to
 *   CRM_FIGURE_SET_LIST_LIMIT customers by annual spend, largest first */
GPtrArray *
crm_figure_set_get_key_customers (CrmFigureSet *self)
{
  return self->key_customers;
}

/* Returns: (element-type CrmReportCustomer): up to
 *   CRM_FIGURE_SET_LIST_LIMIT churned customers, largest last record first */
GPtrArray *
crm_figure_set_get_churned_customers (CrmFigureSet *self)
{
  return self->churned_customers;
}
