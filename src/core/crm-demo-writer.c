/* crm-demo-writer.c — writing sample customers in one pass each
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Through the customer store, one sample customer cost about fifteen
 * statements: its INSERT (reading the cadence rules again for the first
 * contact), its contacts, its tags, its cooperation records, an
 * UPDATE of its annual spend, and an approval that read the customer
 * back, bumped the code counter, updated the customer and re-planned it
 * (reading the rules, the customer and its follow-ups once more). For
 * 100 000 customers that was most of `rapport demo`'s time.
 *
 * Sample customers are new rows written in one transaction, so
 * everything those steps derive is known before the INSERT, and this
 * writer puts it in the INSERT itself, through statements prepared once:
 *
 * - the record's columns, with name_key, name_initials and sort_key, are
 *   bound by the store's own crm_customer_store_bind_record();
 * - annual_spend is the sum of the amounts started on or after
 *   date ('now', '-1 year'), the store's UPDATE, with the date read once
 *   per transaction;
 * - an approved customer's code is drawn by crm_customer_store_draw_code(),
 *   as the store draws it, in the same order, and its review state, approval
 *   time and updated_at are what the store's UPDATE writes;
 * - next_due_at is crm_cadence_next_due() for a customer with no contact,
 *   follow-up or key flag yet (all true of a row not yet written), from
 *   created_at: what crm_follow_up_replan() computes after an approval
 *   and the store's INSERT gives a draft;
 * - contacts and tags are written by the store's own
 *   crm_customer_store_write_contacts() and crm_customer_store_write_tags()
 *   (a tag's id is read once per bulk insert, see crm-bulk-insert.c).
 *
 * created_at and updated_at are bound, the current second as SQLite's
 * strftime ('now') writes it, so that the first contact can be planned
 * from them. tests/core/test-demo-derived.c recomputes every derived column the
 * normal way and checks it is the same.
 */

#define G_LOG_DOMAIN "crm-demo"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "crm-customer-store-private.h"
#include "crm-demo-writer.h"
#include "crm-follow-up-plan.h"
#include "crm-sql-bind.h"

#define N_TIERS (CRM_TIER_C + 1)

enum
{
  STMT_CUSTOMER,
  STMT_COOPERATION,
  N_STMTS
};

static const char *statements[N_STMTS] = {
  [STMT_CUSTOMER] =
    "INSERT INTO customer (name, kind, credit_code, id_number, founded_on,"
    "  industry_id, employees, annual_revenue, customer_type, tier, province,"
    "  city, district, street, pain_points, decision_chain, owner, notes,"
    "  name_key, name_initials, sort_key, created_at, updated_at, next_due_at,"
    "  annual_spend, code, review_state, approved_at)"
    "  VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15,"
    "          ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?22, ?23, ?24, ?25,"
    "          ifnull (?26, 'draft'), ?27)",
  [STMT_COOPERATION] =
    "INSERT INTO cooperation (customer_id, product, started_on, ended_on, amount)"
    "  VALUES (?, ?, ?, ?, ?)",
};

struct _CrmDemoWriter
{
  CrmDatabase  *database;
  sqlite3_stmt *stmts[N_STMTS];
  CrmCadence    cadence;
  GTimeZone    *zone;
  /* The current second, as SQLite's strftime ('now') writes it, and
   * what follows from it; made again when the clock moves on. */
  gint64        second;
  char         *now;
  int           year;        /* in the user's time zone */
  char         *due[N_TIERS][2];  /* by tier and prospect */
  char         *spend_since;     /* date ('now', '-1 year') */
  GHashTable   *industry_codes;  /* id → code */
};

static gboolean
step_done (CrmDemoWriter  *self,
           sqlite3_stmt   *stmt,
           GError        **error)
{
  gboolean ok = crm_database_step_done (self->database, stmt, error);

  sqlite3_clear_bindings (stmt);

  return ok;
}

/**
 * crm_demo_writer_new:
 * @database: a database inside a transaction
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): a writer, or %NULL with @error set
 */
CrmDemoWriter *
crm_demo_writer_new (CrmDatabase  *database,
                     GError      **error)
{
  g_autoptr(CrmDemoWriter) self = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CRM_IS_DATABASE (database), NULL);
  g_return_val_if_fail (crm_database_in_transaction (database), NULL);

  self = g_new0 (CrmDemoWriter, 1);
  self->database = g_object_ref (database);
  self->zone = g_time_zone_new_local ();
  self->industry_codes = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  crm_upkeep_rules_load (database, &self->cadence, NULL);

  /* The prepared statements stay in the database's cache; the writer
   * only keeps them at hand. */
  for (guint i = 0; i < N_STMTS; i++)
    {
      self->stmts[i] = crm_database_prepare (database, statements[i], error);
      if (self->stmts[i] == NULL)
        return NULL;
    }

  stmt = crm_database_prepare (database, "SELECT date ('now', '-1 year')", error);
  if (stmt == NULL)
    return NULL;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    self->spend_since = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);

  stmt = crm_database_prepare (database, "SELECT id, code FROM industry", error);
  if (stmt == NULL)
    return NULL;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 *id = g_new (gint64, 1);

      *id = sqlite3_column_int64 (stmt, 0);
      g_hash_table_insert (self->industry_codes, id,
                           g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
    }
  sqlite3_reset (stmt);

  return g_steal_pointer (&self);
}

void
crm_demo_writer_free (CrmDemoWriter *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->zone, g_time_zone_unref);
  g_free (self->now);
  for (guint i = 0; i < N_TIERS; i++)
    {
      g_free (self->due[i][0]);
      g_free (self->due[i][1]);
    }
  g_clear_pointer (&self->industry_codes, g_hash_table_unref);
  g_free (self->spend_since);
  g_object_unref (self->database);
  g_free (self);
}

/* Moves self->second and what follows from it on to the current second. */
static void
tick (CrmDemoWriter *self)
{
  gint64 second = g_get_real_time () / G_USEC_PER_SEC;
  g_autoptr(GDateTime) created = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (second == self->second && self->now != NULL)
    return;

  created = g_date_time_new_from_unix_utc (second);
  local = g_date_time_to_timezone (created, self->zone);
  self->second = second;
  g_free (self->now);
  self->now = crm_time_format_utc (created);
  self->year = g_date_time_get_year (local);
  for (guint i = 0; i < N_TIERS; i++)
    {
      g_clear_pointer (&self->due[i][0], g_free);
      g_clear_pointer (&self->due[i][1], g_free);
    }
}

/* When a customer created this second is first due: it has no contact,
 * follow-up or key flag yet, so a draft is a prospect and an approved
 * record an intent customer. */
static const char *
first_contact_due (CrmDemoWriter *self,
                   CrmTier        tier,
                   gboolean       prospect)
{
  char **due = &self->due[(guint) tier < N_TIERS ? tier : CRM_TIER_NONE][prospect ? 1 : 0];

  if (*due == NULL)
    {
      g_autoptr(GDateTime) created = g_date_time_new_from_unix_utc (self->second);
      g_autoptr(GDateTime) time = crm_cadence_next_due (&self->cadence, tier, FALSE, prospect,
                                                        created, NULL, NULL, self->zone);

      *due = crm_time_format_utc (time);
    }

  return *due;
}

static gboolean
write_cooperations (CrmDemoWriter  *self,
                    gint64          customer_id,
                    GPtrArray      *cooperations,
                    GError        **error)
{
  sqlite3_stmt *stmt = self->stmts[STMT_COOPERATION];

  for (guint i = 0; cooperations != NULL && i < cooperations->len; i++)
    {
      CrmCooperation *record = g_ptr_array_index (cooperations, i);

      sqlite3_bind_int64 (stmt, 1, customer_id);
      crm_sql_bind_text_or_null (stmt, 2, crm_cooperation_get_product (record));
      crm_sql_bind_text_or_null (stmt, 3, crm_cooperation_get_started_on (record));
      crm_sql_bind_text_or_null (stmt, 4, crm_cooperation_get_ended_on (record));
      sqlite3_bind_int64 (stmt, 5, crm_cooperation_get_amount (record));
      if (!step_done (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

/* What the store's UPDATE of annual_spend sums: the records started in
 * the last twelve months (text dates compare as SQLite compares them). */
static gint64
annual_spend (CrmDemoWriter *self,
              GPtrArray     *cooperations)
{
  gint64 sum = 0;

  for (guint i = 0; cooperations != NULL && i < cooperations->len; i++)
    {
      CrmCooperation *record = g_ptr_array_index (cooperations, i);
      const char *started_on = crm_cooperation_get_started_on (record);

      if (started_on != NULL && self->spend_since != NULL && strcmp (started_on, self->spend_since) >= 0)
        sum += crm_cooperation_get_amount (record);
    }

  return sum;
}

/**
 * crm_demo_writer_add:
 * @self: a #CrmDemoWriter
 * @customer: a new, valid customer (its id is not set)
 * @contacts: (element-type CrmContact): its contacts, in order
 * @tags: (nullable): its tags
 * @cooperations: (nullable) (element-type CrmCooperation): its
 *   cooperation records (their customer-id is not read)
 * @approve: whether to approve it and give it a customer code; it must
 *   have an industry then
 * @error: return location for an error
 *
 * Returns: the new customer's id, or 0 with @error set
 */
gint64
crm_demo_writer_add (CrmDemoWriter       *self,
                     CrmCustomer         *customer,
                     GPtrArray           *contacts,
                     const char * const  *tags,
                     GPtrArray           *cooperations,
                     gboolean             approve,
                     GError             **error)
{
  CrmCustomer *c = customer;
  sqlite3_stmt *stmt = self->stmts[STMT_CUSTOMER];
  CrmTier tier = crm_customer_get_tier (c);
  const char *now;
  const char *due_text;
  g_autofree char *code = NULL;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (CRM_IS_CUSTOMER (customer), 0);

  tick (self);
  now = self->now;

  if (approve)
    {
      gint64 industry_id = crm_customer_get_industry_id (c);
      const char *industry_code = g_hash_table_lookup (self->industry_codes, &industry_id);

      if (industry_code == NULL)
        {
          g_set_error_literal (error, CRM_CUSTOMER_STORE_ERROR, CRM_CUSTOMER_STORE_ERROR_INVALID,
                               _("Industry: choose one before approving; the customer code includes it."));
          return 0;
        }
      code = crm_customer_store_draw_code (self->database, self->year, industry_code, error);
      if (code == NULL)
        return 0;
    }

  due_text = first_contact_due (self, tier, !approve);

  crm_customer_store_bind_record (stmt, c);
  sqlite3_bind_text (stmt, 22, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 23, due_text, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 24, annual_spend (self, cooperations));
  if (approve)
    {
      sqlite3_bind_text (stmt, 25, code, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 26, "approved", -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 27, now, -1, SQLITE_STATIC);
    }
  if (!step_done (self, stmt, error))
    return 0;

  {
    gint64 id = sqlite3_last_insert_rowid (crm_database_get_handle (self->database));

    if ((contacts != NULL &&
         !crm_customer_store_write_contacts (self->database, id, TRUE, contacts, error)) ||
        !crm_customer_store_write_tags (self->database, id, TRUE, tags, error) ||
        !write_cooperations (self, id, cooperations, error))
      return 0;

    return id;
  }
}
