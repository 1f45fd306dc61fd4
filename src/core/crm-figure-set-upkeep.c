/* crm-figure-set-upkeep.c — figures over follow-ups, tier history and key follow-ups
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The conversion rate, the tier changes (and the tier mix at the start
 * and the end of the period), overdue follow-ups, key follow-ups and the
 * churn reasons. Every query binds the parameters described in
 * crm-figure-set-private.h (segment ?1–?3, period ?4–?5) and reads the
 * indexes of schema step 10 rather than the wide rows.
 *
 * A figure whose source table has no row at all is left out of the
 * report, as the team does not record that kind of data in Rapport: a
 * report never shows "0 overdue follow-ups" to a team that logs none.
 */

#define G_LOG_DOMAIN "crm-figures"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "crm-figure-set-private.h"

/* Bars of the churn reasons chart before "Others". */
#define REASON_BARS 6

/* Ends a loop of sqlite3_step() on @stmt that stopped with @rc. */
gboolean
crm_figure_set_finish (CrmFigureSet  *self,
                       sqlite3_stmt  *stmt,
                       int            rc,
                       GError       **error)
{
  if (rc != SQLITE_DONE)
    crm_database_set_sql_error (self->database, error, sqlite3_sql (stmt));
  sqlite3_reset (stmt);

  return rc == SQLITE_DONE;
}

/* Runs @sql, "SELECT EXISTS (…)", into @has_rows. */
gboolean
crm_figure_set_has_rows (CrmFigureSet  *self,
                         const char    *sql,
                         gboolean      *has_rows,
                         GError       **error)
{
  gint64 value = 0;

  if (!crm_figure_set_query_int (self, sql, &value, error))
    return FALSE;

  *has_rows = value != 0;

  return TRUE;
}

#define FOLLOW_UPS_EXIST "SELECT EXISTS (SELECT 1 FROM follow_up)"

static gboolean
has_follow_ups (CrmFigureSet  *self,
                gboolean      *has_rows,
                GError       **error)
{
  return crm_figure_set_has_rows (self, FOLLOW_UPS_EXIST, has_rows, error);
}

/* Sets @figure to the count @count_sql gives when @exists_sql finds its
 * source recorded. */
static gboolean
count_if_recorded (CrmFigureSet  *self,
                   CrmFigure     *figure,
                   const char    *exists_sql,
                   const char    *count_sql,
                   GError       **error)
{
  gboolean recorded = FALSE;
  gint64 count = 0;

  if (!crm_figure_set_has_rows (self, exists_sql, &recorded, error) || !recorded ||
      !crm_figure_set_query_int (self, count_sql, &count, error))
    return FALSE;

  crm_figure_set_count (figure, count);

  return TRUE;
}

/* Customer ids up to this are told apart with a bitmap (8 MB at most). */
#define BITMAP_IDS (64 << 20)

#define FOLLOWED_UP_FROM \
  "  FROM follow_up f INDEXED BY follow_up_happened" \
  "  WHERE" CRM_IN_PERIOD ("f.happened_at") "AND" CRM_SEGMENT_HAS ("f.customer_id")

/* Distinct customers with a follow-up dated in the period. The
 * follow-ups of the period come in date order from an index and their
 * customers are told apart with a bitmap: SQLite's count(DISTINCT …),
 * left for ids too far apart, would build a b-tree of them. */
static gboolean
count_followed_up (CrmFigureSet  *self,
                   gint64        *followed_up,
                   GError       **error)
{
  g_autofree guint8 *seen = NULL;
  gint64 max_id = 0;
  sqlite3_stmt *stmt;
  int rc;

  if (!crm_figure_set_query_int (self, "SELECT max (id) FROM customer", &max_id, error))
    return FALSE;
  if (max_id >= BITMAP_IDS)
    return crm_figure_set_query_int (self, "SELECT count(DISTINCT f.customer_id)" FOLLOWED_UP_FROM,
                                     followed_up, error);

  seen = g_malloc0 (max_id / 8 + 1);
  stmt = crm_figure_set_prepare (self, "SELECT f.customer_id" FOLLOWED_UP_FROM, error);
  if (stmt == NULL)
    return FALSE;

  *followed_up = 0;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      if (id < 0 || id > max_id || (seen[id / 8] & (1 << (id % 8))) != 0)
        continue;
      seen[id / 8] |= 1 << (id % 8);
      (*followed_up)++;
    }

  return crm_figure_set_finish (self, stmt, rc, error);
}

/* Customers with a deal (CRM_FIGURE_DEALS) ÷ customers followed up. */
gboolean
crm_figure_set_compute_conversion_rate (CrmFigureSet  *self,
                                        CrmFigure     *figure,
                                        GError       **error)
{
  gboolean recorded = FALSE;
  gint64 followed_up = 0;

  if (!has_follow_ups (self, &recorded, error) || !recorded ||
      !count_followed_up (self, &followed_up, error))
    return FALSE;

  crm_figure_set_ratio (figure, self->figures[CRM_FIGURE_DEALS].numerator, followed_up);

  return TRUE;
}

/* The tier mix's category of @tier (see compute_mix() in crm-figure-set.c:
 * S, A, B, C, then not graded). */
static guint
tier_category (const char *tier)
{
  switch (crm_tier_from_string (tier))
    {
    case CRM_TIER_S:
      return 0;
    case CRM_TIER_A:
      return 1;
    case CRM_TIER_B:
      return 2;
    case CRM_TIER_C:
      return 3;
    case CRM_TIER_NONE:
    default:
      return 4;
    }
}

#define N_TIER_CATEGORIES 5

/* Turns @counts, customers by current tier, into customers by their tier
 * at the start of the day @at: each customer created before it whose tier
 * changed since moves back to the tier it had before its first change on
 * or after @at. Only the customers that changed are read. */
#define REWIND_SQL(at) \
  "SELECT c.tier, h.from_tier FROM" \
  "  (SELECT customer_id, from_tier, min (changed_at) FROM tier_history INDEXED BY tier_history_changed" \
  "     WHERE changed_at >= " at " GROUP BY customer_id) h" \
  "  JOIN customer c ON c.id = h.customer_id" \
  "  WHERE c.created_at < " at " AND" CRM_SEGMENT_WHERE

static gboolean
rewind_tiers (CrmFigureSet  *self,
              const char    *sql,
              double        *counts,
              GError       **error)
{
  sqlite3_stmt *stmt = crm_figure_set_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      counts[tier_category ((const char *)sqlite3_column_text (stmt, 0))]--;
      counts[tier_category ((const char *)sqlite3_column_text (stmt, 1))]++;
    }
  if (!crm_figure_set_finish (self, stmt, rc, error))
    return FALSE;

  return TRUE;
}

/* Series 0 of the tier mix (customers created by the end of the period,
 * by current tier) becomes their tier at the end of the period, and a
 * second series gives the tier of the customers there were at its start. */
static gboolean
compute_tier_mix_change (CrmFigureSet  *self,
                         GError       **error)
{
  double end[N_TIER_CATEGORIES], start[N_TIER_CATEGORIES];
  sqlite3_stmt *stmt;
  guint series;
  int rc;

  for (guint i = 0; i < N_TIER_CATEGORIES; i++)
    end[i] = crm_chart_data_get_value (self->tier_mix, 0, i);
  memcpy (start, end, sizeof start);

  if (!rewind_tiers (self, REWIND_SQL ("date (?5, '+1 day')"), end, error) ||
      !rewind_tiers (self, REWIND_SQL ("?4"), start, error))
    return FALSE;

  /* The customers created in the period were not there at its start. */
  stmt = crm_figure_set_prepare (self,
                                 "SELECT c.tier, count(*) FROM customer c"
                                 "  WHERE" CRM_IN_PERIOD ("c.created_at") "AND" CRM_SEGMENT_WHERE
                                 "  GROUP BY c.tier",
                                 error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    start[tier_category ((const char *)sqlite3_column_text (stmt, 0))] -= sqlite3_column_int64 (stmt, 1);
  if (!crm_figure_set_finish (self, stmt, rc, error))
    return FALSE;

  series = crm_chart_data_add_series (self->tier_mix, _("At the start of the period"));
  for (guint i = 0; i < N_TIER_CATEGORIES; i++)
    {
      crm_chart_data_set_value (self->tier_mix, 0, i, end[i]);
      crm_chart_data_set_value (self->tier_mix, series, i, start[i]);
    }

  return TRUE;
}

/* Distinct customers with a tier-history row in the period that raised
 * or lowered their tier (a first grading is not a change). */
gboolean
crm_figure_set_compute_tier_changes (CrmFigureSet  *self,
                                     CrmFigure     *figure,
                                     GError       **error)
{
  return count_if_recorded (self, figure, "SELECT EXISTS (SELECT 1 FROM tier_history)",
                            "SELECT count(DISTINCT h.customer_id) FROM tier_history h INDEXED BY tier_history_changed"
                            "  WHERE" CRM_IN_PERIOD ("h.changed_at")
                            "    AND h.from_tier IS NOT NULL AND h.to_tier IS NOT NULL AND h.from_tier <> h.to_tier"
                            "    AND" CRM_SEGMENT_HAS ("h.customer_id"),
                            error) &&
         compute_tier_mix_change (self, error);
}

/* Follow-ups whose next action fell due in the period (and before now)
 * with no later follow-up of the customer logged by the due time. */
gboolean
crm_figure_set_compute_overdue_follow_ups (CrmFigureSet  *self,
                                           CrmFigure     *figure,
                                           GError       **error)
{
  return count_if_recorded (self, figure, FOLLOW_UPS_EXIST,
                            "SELECT count(*) FROM follow_up f INDEXED BY follow_up_due"
                            "  WHERE f.next_action_due >= ?4"
                            "    AND f.next_action_due < min (date (?5, '+1 day'),"
                            "                                 strftime ('%Y-%m-%dT%H:%M:%SZ', 'now'))"
                            "    AND" CRM_SEGMENT_HAS ("f.customer_id")
                            "    AND NOT EXISTS (SELECT 1 FROM follow_up g INDEXED BY follow_up_customer"
                            "                    WHERE g.customer_id = f.customer_id"
                            "                      AND g.happened_at >= f.happened_at"
                            "                      AND g.happened_at <= f.next_action_due"
                            "                      AND (g.happened_at > f.happened_at OR g.id > f.id))",
                            error);
}

/* Key follow-up k was up at the end of the period. */
#define KEY_FOLLOW_UP_UP \
  " k.raised_at < date (?5, '+1 day')" \
  " AND (k.cleared_at IS NULL OR k.cleared_at >= date (?5, '+1 day')) "

/* Customers in the segment whose key follow-up flag (重点跟进) was up at
 * the end of the period: raised by then and not cleared by then. */
gboolean
crm_figure_set_compute_key_follow_ups (CrmFigureSet  *self,
                                       CrmFigure     *figure,
                                       GError       **error)
{
  gboolean recorded = FALSE;
  gint64 flagged = 0;

  if (!crm_figure_set_has_rows (self, "SELECT EXISTS (SELECT 1 FROM key_follow_up)", &recorded, error) ||
      !recorded)
    return FALSE;

  /* Counted from the key_follow_up_raised index (schema step 23), then
   * listed in its order, which ends at the first rows of the list. */
  if (!crm_figure_set_query_int (self,
                                 "SELECT count(*) FROM key_follow_up k INDEXED BY key_follow_up_raised"
                                 "  WHERE " KEY_FOLLOW_UP_UP
                                 "    AND" CRM_SEGMENT_HAS ("k.customer_id"),
                                 &flagged, error) ||
      !crm_figure_set_list_customers (self,
                                      "SELECT c.name, i.name, c.tier, c.owner, c.annual_spend,"
                                      "       " FIRST_CONTACT ("name") ", " FIRST_CONTACT ("phone") ","
                                      "       c.pain_points, NULL, substr (k.raised_at, 1, 10), c.kind, k.reason"
                                      "  FROM key_follow_up k INDEXED BY key_follow_up_raised"
                                      "  JOIN customer c ON c.id = k.customer_id"
                                      "  LEFT JOIN industry i ON i.id = c.industry_id"
                                      "  WHERE " KEY_FOLLOW_UP_UP "AND" CRM_SEGMENT_WHERE
                                      "  ORDER BY k.raised_at, k.customer_id LIMIT ?6",
                                      self->key_follow_up_customers, NULL, error))
    return FALSE;

  crm_figure_set_count (figure, flagged);

  return TRUE;
}

/* Churned customers (CHURNED_WHERE) by the reason of their last refusal
 * by the end of the period: the largest reasons, then "Others". */
CrmChartData *
crm_figure_set_compute_churn_reasons (CrmFigureSet  *self,
                                      GError       **error)
{
  g_autoptr(CrmChartData) chart = NULL;
  gboolean recorded = FALSE;
  sqlite3_stmt *stmt;
  gint64 others = 0;
  guint n = 0;
  int rc;

  if (!has_follow_ups (self, &recorded, error) || !recorded)
    return NULL;

  chart = crm_chart_data_new (CRM_CHART_BAR, _("Churned customers by reason"));
  crm_chart_data_add_series (chart, _("Churned customers"));

  /* Finding the churned customers again costs what it did in the counts. */
  if (self->figures[CRM_FIGURE_CHURNED].numerator == 0)
    return g_steal_pointer (&chart);

  stmt = crm_figure_set_prepare (self,
                                 "SELECT reason, count(*) AS n FROM ("
                                 "  SELECT (SELECT nullif (trim (f.refusal_reason), '') FROM follow_up f"
                                 "            INDEXED BY follow_up_customer"
                                 "          WHERE f.customer_id = c.id AND f.happened_at < date (?5, '+1 day')"
                                 "            AND f.feedback = 'refused'"
                                 "          ORDER BY f.happened_at DESC, f.id DESC LIMIT 1) AS reason"
                                 "    FROM customer c WHERE" CHURNED_WHERE ")"
                                 "  GROUP BY reason ORDER BY n DESC, reason IS NULL, reason",
                                 error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *reason = (const char *)sqlite3_column_text (stmt, 0);
      gint64 count = sqlite3_column_int64 (stmt, 1);

      if (n == REASON_BARS)
        {
          others += count;
          continue;
        }
      crm_chart_data_add_category (chart, reason != NULL ? reason : _("No reason recorded"));
      crm_chart_data_set_value (chart, 0, n++, count);
    }
  if (!crm_figure_set_finish (self, stmt, rc, error))
    return NULL;

  if (others > 0)
    {
      crm_chart_data_add_category (chart, _("Others"));
      crm_chart_data_set_value (chart, 0, n, others);
    }

  return g_steal_pointer (&chart);
}

/* Returns: (element-type CrmReportCustomer): up to
 *   CRM_FIGURE_SET_LIST_LIMIT customers flagged for key follow-up at the
 *   end of the period, the longest flagged first */
GPtrArray *
crm_figure_set_get_key_follow_up_customers (CrmFigureSet *self)
{
  g_return_val_if_fail (CRM_IS_FIGURE_SET (self), NULL);

  return self->key_follow_up_customers;
}
