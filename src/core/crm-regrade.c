/* crm-regrade.c — the quarterly re-grade of customer tiers (季度复评)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Each quarter every customer is graded again from its cooperation
 * records, as of the quarter's last day: what it bought over the twelve
 * months up to that day, and how many full years it has cooperated since
 * its first record started. Customers whose tier would change are
 * proposed; the manager accepts each (or all) with a reason, and the
 * accepted changes are applied as one undoable action that also keeps
 * each change in tier_history and re-plans the customer's follow-ups.
 *
 * One grouped query over the cooperation records reads every customer's
 * figures, so a re-grade of 100 000 customers is one pass; only the
 * customers that change are then read in full, in pinyin order.
 */

#define G_LOG_DOMAIN "crm-regrade"

#include <stdio.h>

#include <glib/gi18n-lib.h>

#include "crm-follow-up-plan.h"
#include "crm-regrade.h"
#include "crm-tier-rules.h"

static gboolean
parse_quarter (const char  *quarter,
               GDate       *first,
               GDate       *last,
               GError     **error)
{
  if (crm_quarter_parse (quarter, first, last))
    return TRUE;

  g_set_error (error, CRM_CUSTOMER_STORE_ERROR, CRM_CUSTOMER_STORE_ERROR_INVALID,
               /* Translators: %s is what the user typed as a quarter. */
               _("Quarter: “%s” is not a quarter; write it as 2026Q3."),
               quarter != NULL ? quarter : "");
  return FALSE;
}

static void
format_date (const GDate *date,
             char         out[11])
{
  g_snprintf (out, 11, "%04u-%02u-%02u", g_date_get_year (date),
              g_date_get_month (date), g_date_get_day (date));
}

/**
 * crm_regrade_propose:
 * @db: a database
 * @quarter: the quarter graded, as "2026Q3"
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): a list of #CrmRegradeProposal, one
 *   per customer whose tier the rules change, all accepted, in pinyin
 *   order of the names; %NULL with @error set when @quarter is not one
 */
GListModel *
crm_regrade_propose (CrmDatabase  *db,
                     const char   *quarter,
                     GError      **error)
{
  g_autoptr(GListStore) proposals = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GHashTable) by_id = NULL;
  g_autoptr(GString) ids = NULL;
  CrmTierRules rules;
  GDate first, last, year_before;
  char last_text[11], year_before_text[11];
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (CRM_IS_DATABASE (db), NULL);

  if (!parse_quarter (quarter, &first, &last, error))
    return NULL;

  crm_upkeep_rules_load (db, NULL, &rules);

  year_before = last;
  g_date_subtract_years (&year_before, 1);
  format_date (&last, last_text);
  format_date (&year_before, year_before_text);

  /* First the figures of every customer, in no particular order: the tier
   * index gives id and tier without reading the wide customer rows, and
   * the cooperation records are summed in one grouped pass. Run once per
   * re-grade with its own statement: the cache would keep it for nothing. */
  if (sqlite3_prepare_v2 (crm_database_get_handle (db),
                          "SELECT c.id, c.tier, ifnull (a.spend, 0), a.first"
                          "  FROM customer c LEFT JOIN ("
                          "    SELECT customer_id,"
                          "           sum (CASE WHEN started_on > ?1 THEN amount ELSE 0 END) AS spend,"
                          "           min (started_on) AS first"
                          "      FROM cooperation WHERE started_on <= ?2 GROUP BY customer_id"
                          "  ) a ON a.customer_id = c.id",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      crm_database_set_sql_error (db, error, "regrade");
      return NULL;
    }
  sqlite3_bind_text (stmt, 1, year_before_text, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, last_text, -1, SQLITE_STATIC);

  by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_object_unref);
  ids = g_string_new ("[");
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CrmTier current = crm_tier_from_string ((const char *)sqlite3_column_text (stmt, 1));
      gint64 spend = sqlite3_column_int64 (stmt, 2);
      const char *first_text = (const char *)sqlite3_column_text (stmt, 3);
      int years = 0;
      int y, m, d;
      CrmTier proposed;
      CrmRegradeProposal *proposal;
      gint64 *key;

      /* Stored dates are ISO 8601; g_date_set_parse() would read them
       * with the locale's rules, and a hundred times slower. */
      if (first_text != NULL &&
          sscanf (first_text, "%4d-%2d-%2d", &y, &m, &d) == 3 &&
          g_date_valid_dmy (d, m, y))
        {
          GDate started;

          g_date_clear (&started, 1);
          g_date_set_dmy (&started, d, m, y);
          years = crm_cooperation_full_years (&started, &last);
        }

      proposed = crm_tier_rules_grade (&rules, spend, years);
      if (proposed == current)
        continue;

      proposal = crm_regrade_proposal_new ();
      crm_regrade_proposal_set_customer_id (proposal, sqlite3_column_int64 (stmt, 0));
      crm_regrade_proposal_set_from_tier (proposal, current == CRM_TIER_NONE ? NULL : crm_tier_to_string (current));
      crm_regrade_proposal_set_to_tier (proposal, crm_tier_to_string (proposed));
      crm_regrade_proposal_set_annual_spend (proposal, spend);
      crm_regrade_proposal_set_years (proposal, years);
      crm_regrade_proposal_set_accepted (proposal, TRUE);

      key = g_new (gint64, 1);
      *key = sqlite3_column_int64 (stmt, 0);
      g_object_set_data_full (G_OBJECT (proposal), "crm-key", key, g_free);
      g_hash_table_insert (by_id, key, proposal);
      g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, ids->len > 1 ? "," : "", *key);
    }
  sqlite3_finalize (stmt);
  stmt = NULL;

  if (rc != SQLITE_DONE)
    {
      crm_database_set_sql_error (db, error, "regrade");
      return NULL;
    }
  g_string_append_c (ids, ']');

  /* Then the names of the customers that change, in pinyin order. */
  items = g_ptr_array_new_with_free_func (g_object_unref);
  if (sqlite3_prepare_v2 (crm_database_get_handle (db),
                          "SELECT id, name, owner FROM customer"
                          "  WHERE id IN (SELECT value FROM json_each (?)) ORDER BY sort_key, id",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      crm_database_set_sql_error (db, error, "regrade");
      return NULL;
    }
  sqlite3_bind_text (stmt, 1, ids->str, ids->len, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      CrmRegradeProposal *proposal = g_hash_table_lookup (by_id, &id);

      if (proposal == NULL)
        continue;
      crm_regrade_proposal_set_customer_name (proposal, (const char *)sqlite3_column_text (stmt, 1));
      crm_regrade_proposal_set_owner (proposal, (const char *)sqlite3_column_text (stmt, 2));
      g_ptr_array_add (items, g_object_ref (proposal));
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      crm_database_set_sql_error (db, error, "regrade");
      return NULL;
    }

  proposals = g_list_store_new (CRM_TYPE_REGRADE_PROPOSAL);
  g_list_store_splice (proposals, 0, 0, items->pdata, items->len);

  return G_LIST_MODEL (g_steal_pointer (&proposals));
}

/**
 * crm_regrade_write:
 * @db: a database, inside the caller's transaction
 * @proposals: a list of #CrmRegradeProposal
 * @quarter: the quarter graded
 * @reason: why, kept with every change
 * @n_applied: (out) (optional): how many tiers changed
 * @error: return location for an error
 *
 * Applies the accepted proposals: the new tier, a tier_history row with
 * the figures, and a re-planned next follow-up for each.
 *
 * Returns: %TRUE on success
 */
gboolean
crm_regrade_write (CrmDatabase  *db,
                   GListModel   *proposals,
                   const char   *quarter,
                   const char   *reason,
                   guint        *n_applied,
                   GError      **error)
{
  g_autofree char *now = crm_upkeep_now_utc ();
  g_autofree char *who = crm_upkeep_current_user ();
  g_autoptr(GTimeZone) zone = g_time_zone_new_local ();
  guint n = g_list_model_get_n_items (proposals);
  guint applied = 0;
  CrmCadence cadence;

  g_return_val_if_fail (crm_database_in_transaction (db), FALSE);

  /* Read once for the whole re-grade, not once per customer. */
  crm_upkeep_rules_load (db, &cadence, NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CrmRegradeProposal) p = g_list_model_get_item (proposals, i);
      gint64 id = crm_regrade_proposal_get_customer_id (p);
      sqlite3_stmt *stmt;

      if (!crm_regrade_proposal_get_accepted (p))
        continue;

      stmt = crm_database_prepare (db,
                                   "UPDATE customer SET tier = ?2,"
                                   "  updated_at = strftime ('%Y-%m-%dT%H:%M:%SZ', 'now')"
                                   "  WHERE id = ?1 AND tier IS ?3",
                                   error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_text (stmt, 2, crm_regrade_proposal_get_to_tier (p), -1, SQLITE_TRANSIENT);
      if (crm_regrade_proposal_get_from_tier (p) != NULL)
        sqlite3_bind_text (stmt, 3, crm_regrade_proposal_get_from_tier (p), -1, SQLITE_TRANSIENT);
      if (!crm_database_step_done (db, stmt, error))
        return FALSE;

      /* Changed since the proposal (deleted, or graded by hand): skipped,
       * not forced. */
      if (sqlite3_changes (crm_database_get_handle (db)) == 0)
        continue;

      stmt = crm_database_prepare (db,
                                   "INSERT INTO tier_history (customer_id, changed_at, from_tier, to_tier,"
                                   "  reason, changed_by, quarter, annual_spend, years)"
                                   "  VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                                   error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
      if (crm_regrade_proposal_get_from_tier (p) != NULL)
        sqlite3_bind_text (stmt, 3, crm_regrade_proposal_get_from_tier (p), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, crm_regrade_proposal_get_to_tier (p), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 5, reason, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 6, who, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 7, quarter, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 8, crm_regrade_proposal_get_annual_spend (p));
      sqlite3_bind_int (stmt, 9, crm_regrade_proposal_get_years (p));
      if (!crm_database_step_done (db, stmt, error))
        return FALSE;

      if (!crm_follow_up_replan_with (db, id, &cadence, zone, error))
        return FALSE;

      applied++;
    }

  if (n_applied != NULL)
    *n_applied = applied;

  return TRUE;
}

typedef struct
{
  GListModel *proposals;
  const char *quarter;
  const char *reason;
  guint       n_applied;
} ApplyData;

static gboolean
apply_in_transaction (CrmDatabase  *db,
                      gpointer      user_data,
                      GError      **error)
{
  ApplyData *data = user_data;

  return crm_regrade_write (db, data->proposals, data->quarter, data->reason,
                            &data->n_applied, error);
}

/**
 * crm_regrade_apply:
 * @store: the customer store
 * @proposals: a list of #CrmRegradeProposal from crm_regrade_propose()
 * @quarter: the quarter graded
 * @reason: why, kept with every change; required
 * @n_applied: (out) (optional): how many tiers changed
 * @error: return location for an error
 *
 * Applies the accepted proposals as one undoable action ("Re-grade
 * customers").
 *
 * Returns: %TRUE on success
 */
gboolean
crm_regrade_apply (CrmCustomerStore  *store,
                   GListModel        *proposals,
                   const char        *quarter,
                   const char        *reason,
                   guint             *n_applied,
                   GError           **error)
{
  ApplyData data = { proposals, quarter, reason, 0 };
  g_autofree char *stripped = g_strstrip (g_strdup (reason != NULL ? reason : ""));
  GDate first, last;

  g_return_val_if_fail (CRM_IS_CUSTOMER_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_LIST_MODEL (proposals), FALSE);

  if (!parse_quarter (quarter, &first, &last, error))
    return FALSE;

  if (*stripped == '\0')
    {
      g_set_error_literal (error, CRM_CUSTOMER_STORE_ERROR, CRM_CUSTOMER_STORE_ERROR_INVALID,
                           _("Reason: say why the tiers change; it is kept with every change."));
      return FALSE;
    }
  data.reason = stripped;

  if (!crm_customer_store_record (store, N_("Re-grade customers"), apply_in_transaction, &data, error))
    return FALSE;

  if (n_applied != NULL)
    *n_applied = data.n_applied;

  return TRUE;
}
