/* crm-figure-set-charts.c — the chart data of a figure set
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "crm-figures"

#include <glib/gi18n-lib.h>

#include "crm-figure-set-private.h"

/* The industry pie shows this many industries and "Others". */
#define INDUSTRY_SLICES 6

typedef struct
{
  gint64  id;
  char   *name;
  int     position;
  gint64  count;
} IndustryCount;

static void
industry_count_clear (IndustryCount *industry)
{
  g_free (industry->name);
}

static int
compare_industry_counts (gconstpointer a,
                         gconstpointer b)
{
  const IndustryCount *x = a, *y = b;

  if (x->count != y->count)
    return x->count > y->count ? -1 : 1;

  return x->position - y->position;
}

static IndustryCount *
find_industry (GArray *industries,
               gint64  id)
{
  for (guint i = 0; i < industries->len; i++)
    if (g_array_index (industries, IndustryCount, i).id == id)
      return &g_array_index (industries, IndustryCount, i);

  return NULL;
}

static GArray *
load_industries (CrmFigureSet  *self,
                 GError       **error)
{
  g_autoptr(GArray) industries = g_array_new (FALSE, TRUE, sizeof (IndustryCount));
  sqlite3_stmt *stmt;
  IndustryCount none = { 0, g_strdup (_("No industry")), G_MAXINT, 0 };
  int rc;

  g_array_set_clear_func (industries, (GDestroyNotify)industry_count_clear);
  stmt = crm_database_prepare (self->database, "SELECT id, name, position FROM industry", error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      IndustryCount industry = { sqlite3_column_int64 (stmt, 0), crm_figure_set_dup_column (stmt, 1),
                                 sqlite3_column_int (stmt, 2), 0 };

      g_array_append_val (industries, industry);
    }
  if (crm_figure_set_step_failed (self, stmt, rc, error))
    return NULL;
  sqlite3_reset (stmt);
  g_array_append_val (industries, none);

  return g_steal_pointer (&industries);
}

/* The customers, the new ones, their tier mix and their industry mix,
 * from one pass over the customer_mix index, which covers the query for
 * every segment and is in the order of its groups. The industry pie shows the largest industries and sums
 * the rest up as "Others". */
gboolean
crm_figure_set_compute_mix (CrmFigureSet  *self,
                            GError       **error)
{
  static const CrmTier tiers[] = { CRM_TIER_S, CRM_TIER_A, CRM_TIER_B, CRM_TIER_C, CRM_TIER_NONE };
  g_autoptr(GArray) industries = load_industries (self, error);
  sqlite3_stmt *stmt;
  gint64 customers = 0, new_customers = 0, others = 0;
  guint n = 0;
  int rc;

  if (industries == NULL)
    return FALSE;

  self->tier_mix = crm_chart_data_new (CRM_CHART_PIE, _("Customers by tier"));
  crm_chart_data_add_series (self->tier_mix, _("Customers"));
  for (guint i = 0; i < G_N_ELEMENTS (tiers); i++)
    crm_chart_data_add_category (self->tier_mix, tiers[i] == CRM_TIER_NONE ? _("Not graded")
                                                                           : crm_tier_get_label (tiers[i]));

  stmt = crm_figure_set_prepare (self,
                                 "SELECT c.tier, c.industry_id, count(*), sum (c.created_at >= ?4)"
                                 "  FROM customer c INDEXED BY customer_mix WHERE" CRM_SEGMENT_WHERE
                                 "  AND c.created_at < date (?5, '+1 day') GROUP BY c.tier, c.industry_id",
                                 error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CrmTier tier = crm_tier_from_string ((const char *)sqlite3_column_text (stmt, 0));
      IndustryCount *industry = find_industry (industries, sqlite3_column_int64 (stmt, 1));
      gint64 count = sqlite3_column_int64 (stmt, 2);

      for (guint i = 0; i < G_N_ELEMENTS (tiers); i++)
        if (tiers[i] == tier)
          crm_chart_data_set_value (self->tier_mix, 0, i, crm_chart_data_get_value (self->tier_mix, 0, i) + count);

      if (industry == NULL)
        industry = find_industry (industries, 0);
      industry->count += count;
      customers += count;
      new_customers += sqlite3_column_int64 (stmt, 3);
    }
  if (crm_figure_set_step_failed (self, stmt, rc, error))
    return FALSE;
  sqlite3_reset (stmt);

  crm_figure_set_count (&self->figures[CRM_FIGURE_CUSTOMERS], customers);
  crm_figure_set_count (&self->figures[CRM_FIGURE_NEW_CUSTOMERS], new_customers);

  g_array_sort (industries, compare_industry_counts);
  self->industry_mix = crm_chart_data_new (CRM_CHART_PIE, _("Customers by industry"));
  crm_chart_data_add_series (self->industry_mix, _("Customers"));
  for (guint i = 0; i < industries->len; i++)
    {
      IndustryCount *industry = &g_array_index (industries, IndustryCount, i);

      if (industry->count == 0)
        continue;
      if (n == INDUSTRY_SLICES)
        {
          others += industry->count;
          continue;
        }
      crm_chart_data_add_category (self->industry_mix, industry->name);
      crm_chart_data_set_value (self->industry_mix, 0, n++, industry->count);
    }
  if (others > 0)
    {
      crm_chart_data_add_category (self->industry_mix, _("Others"));
      crm_chart_data_set_value (self->industry_mix, 0, n, others);
    }

  return TRUE;
}

/* A chart of one value per industry, the largest first, the rest summed
 * up as "Others". */
static CrmChartData *
chart_by_industry (CrmFigureSet  *self,
                   CrmChartKind   kind,
                   const char    *title,
                   const char    *series,
                   const char    *sql,
                   GError       **error)
{
  g_autoptr(CrmChartData) chart = crm_chart_data_new (kind, title);
  sqlite3_stmt *stmt;
  double others = 0;
  guint n = 0;
  int rc;

  crm_chart_data_add_series (chart, series);

  stmt = crm_figure_set_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *name = (const char *)sqlite3_column_text (stmt, 0);
      double value = sqlite3_column_double (stmt, 1);

      if (n < INDUSTRY_SLICES)
        {
          crm_chart_data_add_category (chart, name != NULL ? name : _("No industry"));
          crm_chart_data_set_value (chart, 0, n++, value);
        }
      else
        others += value;
    }
  if (crm_figure_set_step_failed (self, stmt, rc, error))
    return NULL;
  sqlite3_reset (stmt);

  if (others > 0)
    {
      crm_chart_data_add_category (chart, _("Others"));
      crm_chart_data_set_value (chart, 0, n, others);
    }

  return g_steal_pointer (&chart);
}

/* New customers in each of the twelve months up to the period's end.
 * customer_report holds every column these count by: without it named,
 * a segment by industry would look up every customer of the industry
 * for each month. */
gboolean
crm_figure_set_compute_trend (CrmFigureSet  *self,
                              GError       **error)
{
  sqlite3_stmt *stmt;
  int rc;

  self->new_customers_trend = crm_chart_data_new (CRM_CHART_LINE, _("New customers per month"));
  crm_chart_data_add_series (self->new_customers_trend, _("New customers"));

  stmt = crm_figure_set_prepare (self,
                                 "WITH RECURSIVE month (n, first) AS ("
                                 "  SELECT 0, date (?5, 'start of month', '-11 months')"
                                 "  UNION ALL SELECT n + 1, date (first, '+1 month') FROM month WHERE n < 11)"
                                 "SELECT substr (m.first, 1, 7),"
                                 "  (SELECT count(*) FROM customer c INDEXED BY customer_report WHERE" CRM_SEGMENT_WHERE
                                 "     AND c.created_at >= m.first AND c.created_at < date (m.first, '+1 month'))"
                                 "  FROM month m ORDER BY m.n",
                                 error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      guint index = crm_chart_data_get_n_categories (self->new_customers_trend);

      crm_chart_data_add_category (self->new_customers_trend, (const char *)sqlite3_column_text (stmt, 0));
      crm_chart_data_set_value (self->new_customers_trend, 0, index, sqlite3_column_int64 (stmt, 1));
    }
  if (crm_figure_set_step_failed (self, stmt, rc, error))
    return FALSE;
  sqlite3_reset (stmt);

  return TRUE;
}

/* Deal value by industry, in 10 000 yuan. */
gboolean
crm_figure_set_compute_deal_value (CrmFigureSet  *self,
                                   GError       **error)
{
  self->deal_value_by_industry = chart_by_industry (self, CRM_CHART_BAR, _("Deal value by industry (10k yuan)"),
                                                    _("Deal value"),
                                                    "SELECT i.name, total (k.amount) / 10000.0 AS v FROM cooperation k"
                                                    "  JOIN customer c INDEXED BY customer_segment ON c.id = k.customer_id"
                                                    "  LEFT JOIN industry i ON i.id = c.industry_id"
                                                    "  WHERE k.started_on BETWEEN ?4 AND ?5 AND" CRM_SEGMENT_WHERE
                                                    "  GROUP BY c.industry_id ORDER BY v DESC, i.position",
                                                    error);
  if (self->deal_value_by_industry == NULL)
    return FALSE;
  crm_chart_data_set_value_format (self->deal_value_by_industry, "%.1f");

  return TRUE;
}
