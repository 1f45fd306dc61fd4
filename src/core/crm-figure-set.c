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
  g_clear_pointer (&self->segment_ids, crm_segment_ids_unref);
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
gboolean
crm_figure_set_query_ints (CrmFigureSet  *self,
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
  return crm_figure_set_query_ints (self, sql, value, 1, error);
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
