/* crm-follow-up-plan.c — planning each customer's next follow-up
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * customer.next_due_at is what the agenda lists. It is written here, from
 * the cadence arithmetic of crm-cadence.c, inside the transaction of the
 * action that moved it: logging, editing or deleting a follow-up, a tier
 * change, raising or clearing a key follow-up, a new customer, a change
 * of the cadence. So it is part of that action's undo, and the agenda
 * reads it straight from an index.
 */

#define G_LOG_DOMAIN "crm-follow-up-plan"

#include <glib/gi18n-lib.h>

#include "crm-follow-up-plan.h"

/* The rows of upkeep_rule and where each lives in the two structs. */
typedef enum
{
  RULE_CADENCE_DAYS,
  RULE_CADENCE_HOURS,
  RULE_TIER_SPEND,
  RULE_TIER_YEARS,
} RuleKind;

typedef struct
{
  const char *key;
  RuleKind    kind;
  int         index;
} Rule;

static const Rule rules_table[] = {
  { "cadence.none", RULE_CADENCE_DAYS, CRM_TIER_NONE },
  { "cadence.S", RULE_CADENCE_DAYS, CRM_TIER_S },
  { "cadence.A", RULE_CADENCE_DAYS, CRM_TIER_A },
  { "cadence.B", RULE_CADENCE_DAYS, CRM_TIER_B },
  { "cadence.C", RULE_CADENCE_DAYS, CRM_TIER_C },
  { "first-contact.prospect", RULE_CADENCE_HOURS, 0 },
  { "first-contact.intent", RULE_CADENCE_HOURS, 1 },
  { "tier.S.spend", RULE_TIER_SPEND, CRM_TIER_S },
  { "tier.S.years", RULE_TIER_YEARS, CRM_TIER_S },
  { "tier.A.spend", RULE_TIER_SPEND, CRM_TIER_A },
  { "tier.B.spend", RULE_TIER_SPEND, CRM_TIER_B },
};

static gint64 *
rule_slot (const Rule   *rule,
           CrmCadence   *cadence,
           CrmTierRules *rules,
           int         **int_slot)
{
  *int_slot = NULL;

  switch (rule->kind)
    {
    case RULE_CADENCE_DAYS:
      *int_slot = &cadence->interval_days[rule->index];
      return NULL;

    case RULE_CADENCE_HOURS:
      *int_slot = rule->index == 0 ? &cadence->prospect_hours : &cadence->intent_hours;
      return NULL;

    case RULE_TIER_YEARS:
      *int_slot = &rules->s_min_years;
      return NULL;

    case RULE_TIER_SPEND:
    default:
      if (rule->index == CRM_TIER_S)
        return &rules->s_min_spend;
      if (rule->index == CRM_TIER_A)
        return &rules->a_min_spend;
      return &rules->b_min_spend;
    }
}

/**
 * crm_upkeep_rules_load:
 * @db: a database
 * @cadence: (out) (optional): the follow-up cadence
 * @rules: (out) (optional): the tier rules
 *
 * Reads the rules edited in Preferences; what was never edited has its
 * default.
 */
void
crm_upkeep_rules_load (CrmDatabase  *db,
                       CrmCadence   *cadence,
                       CrmTierRules *rules)
{
  CrmCadence cadence_buf;
  CrmTierRules rules_buf;
  sqlite3_stmt *stmt;

  g_return_if_fail (CRM_IS_DATABASE (db));

  crm_cadence_init_defaults (&cadence_buf);
  crm_tier_rules_init_defaults (&rules_buf);

  stmt = crm_database_prepare (db, "SELECT key, value FROM upkeep_rule", NULL);
  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *key = (const char *)sqlite3_column_text (stmt, 0);

      for (guint i = 0; i < G_N_ELEMENTS (rules_table); i++)
        {
          int *int_slot;
          gint64 *slot;

          if (g_strcmp0 (key, rules_table[i].key) != 0)
            continue;

          slot = rule_slot (&rules_table[i], &cadence_buf, &rules_buf, &int_slot);
          if (slot != NULL)
            *slot = sqlite3_column_int64 (stmt, 1);
          else
            *int_slot = sqlite3_column_int (stmt, 1);
        }
    }
  if (stmt != NULL)
    sqlite3_reset (stmt);

  if (cadence != NULL)
    *cadence = cadence_buf;
  if (rules != NULL)
    *rules = rules_buf;
}

static gboolean
check_cadence (const CrmCadence  *cadence,
               GError           **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (cadence->interval_days); i++)
    {
      if (cadence->interval_days[i] < 1 || cadence->interval_days[i] > 366)
        {
          g_set_error (error, CRM_CUSTOMER_STORE_ERROR, CRM_CUSTOMER_STORE_ERROR_INVALID,
                       /* Translators: %s is a tier letter, or "Not graded". */
                       _("Follow-up interval for %s: enter a number of days from 1 to 366."),
                       crm_tier_get_label (i));
          return FALSE;
        }
    }

  if (cadence->prospect_hours < 1 || cadence->prospect_hours > 720 ||
      cadence->intent_hours < 1 || cadence->intent_hours > 720)
    {
      g_set_error (error, CRM_CUSTOMER_STORE_ERROR, CRM_CUSTOMER_STORE_ERROR_INVALID,
                   _("First contact: enter a number of hours from 1 to 720."));
      return FALSE;
    }

  return TRUE;
}

/**
 * crm_upkeep_rules_write:
 * @db: a database, inside a transaction
 * @cadence: the cadence
 * @rules: the tier rules
 * @error: return location for an error
 *
 * Stores both and re-plans every customer, inside the caller's
 * transaction; the rules are checked first.
 *
 * Returns: %TRUE on success
 */
gboolean
crm_upkeep_rules_write (CrmDatabase         *db,
                        const CrmCadence    *cadence,
                        const CrmTierRules  *rules,
                        GError             **error)
{
  CrmCadence cadence_copy = *cadence;
  CrmTierRules rules_copy = *rules;
  g_autofree char *reason = NULL;

  g_return_val_if_fail (crm_database_in_transaction (db), FALSE);

  if (!check_cadence (cadence, error))
    return FALSE;
  if (!crm_tier_rules_check (rules, &reason))
    {
      g_set_error_literal (error, CRM_CUSTOMER_STORE_ERROR, CRM_CUSTOMER_STORE_ERROR_INVALID, reason);
      return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (rules_table); i++)
    {
      sqlite3_stmt *stmt;
      int *int_slot;
      gint64 *slot = rule_slot (&rules_table[i], &cadence_copy, &rules_copy, &int_slot);

      stmt = crm_database_prepare (db,
                                   "INSERT INTO upkeep_rule (key, value) VALUES (?1, ?2)"
                                   "  ON CONFLICT (key) DO UPDATE SET value = ?2 WHERE value IS NOT ?2",
                                   error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, rules_table[i].key, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 2, slot != NULL ? *slot : *int_slot);
      if (!crm_database_step_done (db, stmt, error))
        return FALSE;
    }

  return crm_follow_up_replan_all (db, error);
}

typedef struct
{
  const CrmCadence   *cadence;
  const CrmTierRules *rules;
} RulesData;

static gboolean
save_rules_in_transaction (CrmDatabase  *db,
                           gpointer      user_data,
                           GError      **error)
{
  RulesData *data = user_data;

  return crm_upkeep_rules_write (db, data->cadence, data->rules, error);
}

/**
 * crm_upkeep_rules_save:
 * @store: the customer store
 * @cadence: the cadence
 * @rules: the tier rules
 * @error: return location for an error
 *
 * Saves the rules and re-plans every customer as one undoable action.
 *
 * Returns: %TRUE on success
 */
gboolean
crm_upkeep_rules_save (CrmCustomerStore    *store,
                       const CrmCadence    *cadence,
                       const CrmTierRules  *rules,
                       GError             **error)
{
  RulesData data = { cadence, rules };

  g_return_val_if_fail (CRM_IS_CUSTOMER_STORE (store), FALSE);
  g_return_val_if_fail (cadence != NULL && rules != NULL, FALSE);

  return crm_customer_store_record (store, N_("Change follow-up rules"),
                                    save_rules_in_transaction, &data, error);
}

/* The columns replanning reads, for one customer or for all. */
#define PLAN_COLUMNS \
  "SELECT c.id, c.created_at, c.last_contact_at, c.tier, c.review_state," \
  "       (SELECT f.next_action_due FROM follow_up f WHERE f.customer_id = c.id" \
  "        ORDER BY f.happened_at DESC, f.id DESC LIMIT 1)," \
  "       (SELECT f.next_action FROM follow_up f WHERE f.customer_id = c.id" \
  "        ORDER BY f.happened_at DESC, f.id DESC LIMIT 1)," \
  "       EXISTS (SELECT 1 FROM key_follow_up k WHERE k.customer_id = c.id AND k.cleared_at IS NULL)," \
  "       c.next_due_at, c.next_action" \
  "  FROM customer c"

static gboolean
plan_row (CrmDatabase       *db,
          sqlite3_stmt      *row,
          const CrmCadence  *cadence,
          GTimeZone         *zone,
          GError           **error)
{
  g_autoptr(GDateTime) created = crm_time_parse_utc ((const char *)sqlite3_column_text (row, 1));
  g_autoptr(GDateTime) last = crm_time_parse_utc ((const char *)sqlite3_column_text (row, 2));
  g_autoptr(GDateTime) explicit_due = crm_time_parse_utc ((const char *)sqlite3_column_text (row, 5));
  g_autoptr(GDateTime) due = NULL;
  g_autofree char *due_text = NULL;
  const char *next_action = (const char *)sqlite3_column_text (row, 6);
  CrmTier tier = crm_tier_from_string ((const char *)sqlite3_column_text (row, 3));
  gboolean prospect = g_strcmp0 ((const char *)sqlite3_column_text (row, 4), "approved") != 0;
  gboolean key = sqlite3_column_int (row, 7) != 0;
  sqlite3_stmt *stmt;

  if (created == NULL)
    created = g_date_time_new_now_utc ();

  due = crm_cadence_next_due (cadence, tier, key, prospect, created, last, explicit_due, zone);
  due_text = crm_time_format_utc (due);

  /* Most re-plans change nothing; an unchanged row stays out of the undo
   * record. */
  if (g_strcmp0 (due_text, (const char *)sqlite3_column_text (row, 8)) == 0 &&
      g_strcmp0 (next_action, (const char *)sqlite3_column_text (row, 9)) == 0)
    return TRUE;

  stmt = crm_database_prepare (db, "UPDATE customer SET next_due_at = ?1, next_action = ?2 WHERE id = ?3",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, due_text, -1, SQLITE_TRANSIENT);
  if (next_action != NULL && *next_action != '\0')
    sqlite3_bind_text (stmt, 2, next_action, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, sqlite3_column_int64 (row, 0));

  return crm_database_step_done (db, stmt, error);
}

/**
 * crm_follow_up_replan:
 * @db: a database, inside a transaction
 * @customer_id: a customer
 * @error: return location for an error
 *
 * Computes when the customer is next due (customer.next_due_at) and what
 * for (customer.next_action), inside the caller's transaction. Call it
 * after anything that moves it.
 *
 * Returns: %TRUE on success (also when the customer does not exist)
 */
gboolean
crm_follow_up_replan (CrmDatabase  *db,
                      gint64        customer_id,
                      GError      **error)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_local ();
  CrmCadence cadence;

  g_return_val_if_fail (CRM_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (crm_database_in_transaction (db), FALSE);

  crm_upkeep_rules_load (db, &cadence, NULL);

  return crm_follow_up_replan_with (db, customer_id, &cadence, zone, error);
}

/**
 * crm_follow_up_replan_with:
 * @db: a database, inside a transaction
 * @customer_id: a customer
 * @cadence: the cadence, from crm_upkeep_rules_load()
 * @zone: the user's time zone
 * @error: return location for an error
 *
 * crm_follow_up_replan() for callers that re-plan many customers and read
 * the cadence once.
 *
 * Returns: %TRUE on success
 */
gboolean
crm_follow_up_replan_with (CrmDatabase       *db,
                           gint64             customer_id,
                           const CrmCadence  *cadence,
                           GTimeZone         *zone,
                           GError           **error)
{
  sqlite3_stmt *row;
  gboolean ok = TRUE;

  g_return_val_if_fail (crm_database_in_transaction (db), FALSE);

  row = crm_database_prepare (db, PLAN_COLUMNS " WHERE c.id = ?", error);
  if (row == NULL)
    return FALSE;
  sqlite3_bind_int64 (row, 1, customer_id);
  if (sqlite3_step (row) == SQLITE_ROW)
    ok = plan_row (db, row, cadence, zone, error);
  sqlite3_reset (row);

  return ok;
}

/**
 * crm_follow_up_replan_all:
 * @db: a database, inside a transaction
 * @error: return location for an error
 *
 * Re-plans every customer, after the cadence changed.
 *
 * Returns: %TRUE on success
 */
gboolean
crm_follow_up_replan_all (CrmDatabase  *db,
                          GError      **error)
{
  return crm_follow_up_replan_after (db, 0, error);
}

/**
 * crm_follow_up_replan_after:
 * @db: a database, inside a transaction
 * @after_id: a customer id
 * @error: return location for an error
 *
 * Re-plans every customer whose id is above @after_id, as
 * crm_follow_up_replan() would one by one, reading the cadence once and
 * the customers in one statement: for work that moved many customers'
 * plans at once (sample follow-ups for the customers just added).
 *
 * Returns: %TRUE on success
 */
gboolean
crm_follow_up_replan_after (CrmDatabase  *db,
                            gint64        after_id,
                            GError      **error)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_local ();
  CrmCadence cadence;
  sqlite3_stmt *rows = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (crm_database_in_transaction (db), FALSE);

  crm_upkeep_rules_load (db, &cadence, NULL);

  /* Its own statement, not the cache's: plan_row() prepares from the
   * cache while this one steps. */
  if (sqlite3_prepare_v2 (crm_database_get_handle (db), PLAN_COLUMNS " WHERE c.id > ?", -1,
                          &rows, NULL) != SQLITE_OK)
    {
      crm_database_set_sql_error (db, error, "replan");
      return FALSE;
    }
  sqlite3_bind_int64 (rows, 1, after_id);
  while (ok && sqlite3_step (rows) == SQLITE_ROW)
    ok = plan_row (db, rows, &cadence, zone, error);
  sqlite3_finalize (rows);

  return ok;
}

/**
 * crm_follow_up_read_tier:
 * @db: a database
 * @customer_id: a customer, or 0
 *
 * Returns: (transfer full) (nullable): the customer's tier as stored now,
 *   "" for a customer not graded, %NULL when there is no such customer
 */
char *
crm_follow_up_read_tier (CrmDatabase *db,
                         gint64       customer_id)
{
  char *tier = NULL;
  sqlite3_stmt *stmt;

  if (customer_id <= 0)
    return NULL;

  stmt = crm_database_prepare (db, "SELECT tier FROM customer WHERE id = ?", NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, customer_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    tier = g_strdup (sqlite3_column_type (stmt, 0) == SQLITE_NULL
                     ? "" : (const char *)sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);

  return tier;
}

/**
 * crm_follow_up_dup_first_contact_delay:
 * @db: a database
 *
 * A new customer was never contacted and has no follow-ups or flags: its
 * first contact is due a fixed number of hours after its creation, what
 * crm_cadence_next_due() gives for a draft. The customer store computes
 * it in the customer's INSERT, `strftime ('%Y-%m-%dT%H:%M:%SZ', 'now',
 * DELAY)` (SQLite's 'now' is the created_at of the same statement),
 * rather than with an update per row: imports and sample data write
 * 100 000 customers at a time.
 *
 * Returns: (transfer full): the delay as an SQLite date modifier, such as
 *   "+24 hours"
 */
char *
crm_follow_up_dup_first_contact_delay (CrmDatabase *db)
{
  CrmCadence cadence;

  crm_upkeep_rules_load (db, &cadence, NULL);

  return g_strdup_printf ("+%d hours", cadence.prospect_hours);
}

/**
 * crm_follow_up_customer_written:
 * @db: a database, inside the caller's transaction
 * @customer_id: a customer just written by the customer store
 * @old_tier: (nullable): its tier before, from crm_follow_up_read_tier()
 *   ("" when it had none, %NULL for a new customer)
 * @error: return location for an error
 *
 * Keeps a tier changed in the customer editor in the tier history, and
 * re-plans the customer's next follow-up when a tier change moves the
 * cadence. A new customer's first contact is planned as it is inserted.
 *
 * Returns: %TRUE on success
 */
gboolean
crm_follow_up_customer_written (CrmDatabase  *db,
                                gint64        customer_id,
                                const char   *old_tier,
                                GError      **error)
{
  g_autofree char *new_tier = NULL;

  g_return_val_if_fail (crm_database_in_transaction (db), FALSE);

  /* A new customer's first contact was planned by its INSERT (see
   * crm_follow_up_dup_first_contact_delay()). */
  if (old_tier == NULL)
    return TRUE;

  new_tier = crm_follow_up_read_tier (db, customer_id);

  if (g_strcmp0 (old_tier, new_tier) != 0)
    {
      g_autofree char *now = crm_upkeep_now_utc ();
      g_autofree char *who = crm_upkeep_current_user ();
      sqlite3_stmt *stmt;

      stmt = crm_database_prepare (db,
                                   "INSERT INTO tier_history (customer_id, changed_at, from_tier, to_tier,"
                                   "  reason, changed_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                                   error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, customer_id);
      sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
      if (*old_tier != '\0')
        sqlite3_bind_text (stmt, 3, old_tier, -1, SQLITE_TRANSIENT);
      if (new_tier != NULL && *new_tier != '\0')
        sqlite3_bind_text (stmt, 4, new_tier, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 5, _("Changed in the customer record"), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 6, who, -1, SQLITE_TRANSIENT);
      if (!crm_database_step_done (db, stmt, error))
        return FALSE;
    }

  return crm_follow_up_replan (db, customer_id, error);
}

/**
 * crm_follow_up_read_plan:
 * @db: a database
 * @customer_id: a customer
 * @next_due_at: (out) (transfer full) (nullable): when its next follow-up
 *   is due (UTC)
 * @next_action: (out) (transfer full) (nullable): what for, when the last
 *   follow-up named it
 *
 * Returns: %TRUE when the customer exists
 */
gboolean
crm_follow_up_read_plan (CrmDatabase  *db,
                         gint64        customer_id,
                         char        **next_due_at,
                         char        **next_action)
{
  sqlite3_stmt *stmt;
  gboolean found = FALSE;

  g_return_val_if_fail (CRM_IS_DATABASE (db), FALSE);

  *next_due_at = NULL;
  *next_action = NULL;

  stmt = crm_database_prepare (db, "SELECT next_due_at, next_action FROM customer WHERE id = ?", NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, customer_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      found = TRUE;
      *next_due_at = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
      *next_action = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
    }
  sqlite3_reset (stmt);

  return found;
}

/**
 * crm_upkeep_current_user:
 *
 * Who is recorded as having made a tier change or cleared a flag: the
 * person logged in to this computer.
 *
 * Returns: (transfer full): their name
 */
char *
crm_upkeep_current_user (void)
{
  const char *real = g_get_real_name ();

  if (real != NULL && *real != '\0' && g_strcmp0 (real, "Unknown") != 0)
    return g_strdup (real);

  return g_strdup (g_get_user_name ());
}

/**
 * crm_upkeep_now_utc:
 *
 * Returns: (transfer full): the current time as stored
 */
char *
crm_upkeep_now_utc (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return crm_time_format_utc (now);
}

/**
 * crm_upkeep_is_blank:
 * @text: (nullable): text a user typed
 *
 * Returns: %TRUE when @text is %NULL, empty or only white space (any
 *   Unicode space, the ideographic one included)
 */
gboolean
crm_upkeep_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (; *text != '\0'; text = g_utf8_next_char (text))
    {
      if (!g_unichar_isspace (g_utf8_get_char (text)))
        return FALSE;
    }

  return TRUE;
}
