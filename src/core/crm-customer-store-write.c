/* crm-customer-store-write.c — changing customer records, each change one undoable action
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "crm-customer-store"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "crm-bulk-insert.h"
#include "crm-customer-store-private.h"
#include "crm-follow-up-plan.h"
#include "crm-pinyin.h"
#include "crm-sql-bind.h"
#include "crm-validate.h"

/* Saving ---------------------------------------------------------------- */

typedef struct
{
  CrmCustomerStore    *self;
  CrmCustomer         *customer;
  GPtrArray           *contacts;
  const char * const  *tags;
  gint64               id;
} SaveData;

/**
 * crm_customer_store_write_tags:
 * @db: a database inside a write transaction
 * @customer_id: the customer
 * @is_new: the customer was inserted just now, so it has no tags to
 *   remove (a bulk insert saves a statement per row)
 * @tags: the tags' names; trimmed, blank ones skipped, new ones added
 * @error: return location for an error
 *
 * Sets the customer's tags, as every write of a customer does.
 */
gboolean
crm_customer_store_write_tags (CrmDatabase         *db,
                               gint64               customer_id,
                               gboolean             is_new,
                               const char * const  *tags,
                               GError             **error)
{
  sqlite3_stmt *stmt;

  if (!is_new)
    {
      stmt = crm_database_prepare (db, "DELETE FROM customer_tag WHERE customer_id = ?", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, customer_id);
      if (!crm_database_step_done (db, stmt, error))
        return FALSE;
    }

  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    {
      g_autofree char *tag = g_strstrip (g_strdup (tags[i]));
      gint64 tag_id;

      if (*tag == '\0')
        continue;

      tag_id = crm_bulk_insert_lookup_tag (db, tag);
      if (tag_id == 0)
        {
          stmt = crm_database_prepare (db, "INSERT OR IGNORE INTO tag (name) VALUES (?)", error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_text (stmt, 1, tag, -1, SQLITE_TRANSIENT);
          if (!crm_database_step_done (db, stmt, error))
            return FALSE;

          stmt = crm_database_prepare (db, "SELECT id FROM tag WHERE name = ?", error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_text (stmt, 1, tag, -1, SQLITE_TRANSIENT);
          if (sqlite3_step (stmt) == SQLITE_ROW)
            tag_id = sqlite3_column_int64 (stmt, 0);
          sqlite3_reset (stmt);
          if (tag_id == 0)
            {
              crm_database_set_sql_error (db, error, "read a tag's id");
              return FALSE;
            }
          crm_bulk_insert_remember_tag (db, tag, tag_id);
        }

      stmt = crm_database_prepare (db,
                                   "INSERT OR IGNORE INTO customer_tag (customer_id, tag_id) VALUES (?, ?)",
                                   error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, customer_id);
      sqlite3_bind_int64 (stmt, 2, tag_id);
      if (!crm_database_step_done (db, stmt, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * crm_customer_store_write_contacts:
 * @db: a database inside a write transaction
 * @customer_id: the customer
 * @is_new: as for crm_customer_store_write_tags()
 * @contacts: (element-type CrmContact): the contacts in their order; new
 *   ones (id 0) are inserted and get their id, the customer's others are
 *   deleted
 * @error: return location for an error
 *
 * Sets the customer's contacts, as every write of a customer does.
 */
gboolean
crm_customer_store_write_contacts (CrmDatabase  *db,
                                   gint64        customer_id,
                                   gboolean      is_new,
                                   GPtrArray    *contacts,
                                   GError      **error)
{
  g_autoptr(GString) keep = g_string_new ("[");
  sqlite3_stmt *stmt;

  for (guint i = 0; i < contacts->len; i++)
    {
      CrmContact *contact = g_ptr_array_index (contacts, i);
      gint64 id = crm_contact_get_id (contact);

      if (id > 0)
        stmt = crm_database_prepare (db,
                                     "UPDATE contact SET name = ?1, title = ?2, phone = ?3, email = ?4,"
                                     "  role = ?5, preferred_channel = ?6, preferred_frequency = ?7,"
                                     "  position = ?8"
                                     "  WHERE id = ?9 AND customer_id = ?10",
                                     error);
      else
        stmt = crm_database_prepare (db,
                                     "INSERT INTO contact (name, title, phone, email, role,"
                                     "  preferred_channel, preferred_frequency, position, customer_id)"
                                     "  VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?10)",
                                     error);
      if (stmt == NULL)
        return FALSE;

      crm_sql_bind_text_or_null (stmt, 1, crm_contact_get_name (contact));
      crm_sql_bind_text_or_null (stmt, 2, crm_contact_get_title (contact));
      crm_sql_bind_text_or_null (stmt, 3, crm_contact_get_phone (contact));
      crm_sql_bind_text_or_null (stmt, 4, crm_contact_get_email (contact));
      crm_sql_bind_text_or_null (stmt, 5, crm_contact_get_role (contact));
      crm_sql_bind_text_or_null (stmt, 6, crm_contact_get_preferred_channel (contact));
      crm_sql_bind_text_or_null (stmt, 7, crm_contact_get_preferred_frequency (contact));
      sqlite3_bind_int (stmt, 8, i);
      if (id > 0)
        sqlite3_bind_int64 (stmt, 9, id);
      sqlite3_bind_int64 (stmt, 10, customer_id);
      if (!crm_database_step_done (db, stmt, error))
        return FALSE;

      if (id <= 0)
        {
          id = sqlite3_last_insert_rowid (crm_database_get_handle (db));
          crm_contact_set_id (contact, id);
          crm_contact_set_customer_id (contact, customer_id);
        }

      g_string_append_printf (keep, "%s%" G_GINT64_FORMAT, i ? "," : "", id);
    }
  g_string_append_c (keep, ']');

  if (is_new)
    return TRUE;

  stmt = crm_database_prepare (db,
                               "DELETE FROM contact WHERE customer_id = ?"
                               "  AND id NOT IN (SELECT value FROM json_each (?))",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, customer_id);
  sqlite3_bind_text (stmt, 2, keep->str, keep->len, SQLITE_TRANSIENT);

  return crm_database_step_done (db, stmt, error);
}

/**
 * crm_customer_store_bind_record:
 * @stmt: an INSERT or UPDATE of customer whose parameters ?1 to ?21 are,
 *   in order, name, kind, credit_code, id_number, founded_on,
 *   industry_id, employees, annual_revenue, customer_type, tier,
 *   province, city, district, street, pain_points, decision_chain, owner,
 *   notes, name_key, name_initials and sort_key
 * @customer: the record
 *
 * Binds the record's columns and those derived from its name (trimmed):
 * the key the duplicate test compares, the pinyin initials search reads
 * and the pinyin sort key. Whatever writes a customer binds them here, so
 * they are the same whichever way it was written.
 */
void
crm_customer_store_bind_record (sqlite3_stmt *stmt,
                                CrmCustomer  *customer)
{
  CrmCustomer *c = customer;
  g_autofree char *name = g_strstrip (g_strdup (crm_customer_get_name (c)));
  g_autofree char *name_key = crm_normalize_name (name);
  g_autofree char *initials = crm_pinyin_initials (name);
  /* Customer names are Chinese whatever the interface language, so they
   * are kept in pinyin order (Chinese collation) in every locale. */
  g_autoptr(GBytes) sort_key = crm_collation_key (name, "zh");
  gconstpointer key_data;
  gsize key_size;

  key_data = g_bytes_get_data (sort_key, &key_size);

  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, crm_customer_kind_to_string (crm_customer_get_kind (c)), -1, SQLITE_STATIC);
  crm_sql_bind_text_or_null (stmt, 3, crm_customer_get_credit_code (c));
  crm_sql_bind_text_or_null (stmt, 4, crm_customer_get_id_number (c));
  crm_sql_bind_text_or_null (stmt, 5, crm_customer_get_founded_on (c));
  crm_sql_bind_int_or_null (stmt, 6, crm_customer_get_industry_id (c), 0);
  crm_sql_bind_int_or_null (stmt, 7, crm_customer_get_employees (c), -1);
  crm_sql_bind_int_or_null (stmt, 8, crm_customer_get_annual_revenue (c), -1);
  sqlite3_bind_text (stmt, 9, crm_customer_type_to_string (crm_customer_get_customer_type (c)), -1, SQLITE_STATIC);
  crm_sql_bind_text_or_null (stmt, 10, crm_tier_to_string (crm_customer_get_tier (c)));
  crm_sql_bind_text_or_null (stmt, 11, crm_customer_get_province (c));
  crm_sql_bind_text_or_null (stmt, 12, crm_customer_get_city (c));
  crm_sql_bind_text_or_null (stmt, 13, crm_customer_get_district (c));
  crm_sql_bind_text_or_null (stmt, 14, crm_customer_get_street (c));
  crm_sql_bind_text_or_null (stmt, 15, crm_customer_get_pain_points (c));
  crm_sql_bind_text_or_null (stmt, 16, crm_customer_get_decision_chain (c));
  crm_sql_bind_text_or_null (stmt, 17, crm_customer_get_owner (c));
  crm_sql_bind_text_or_null (stmt, 18, crm_customer_get_notes (c));
  sqlite3_bind_text (stmt, 19, name_key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 20, initials, -1, SQLITE_TRANSIENT);
  sqlite3_bind_blob (stmt, 21, key_data, key_size, SQLITE_TRANSIENT);
}

/**
 * crm_customer_store_write:
 * @self: a #CrmCustomerStore
 * @customer: a record that passed crm_customer_store_check()
 * @contacts: (nullable) (element-type CrmContact): its contacts; %NULL
 *   leaves them
 * @tags: (nullable): its tags; %NULL leaves them
 * @error: return location for an error
 *
 * Writes one record inside the caller's transaction, for work that records
 * many customers as one action (an import). It neither checks nor records
 * for undo nor announces the change: run it from crm_customer_store_record()
 * after crm_customer_store_check().
 *
 * Returns: the id of the record, or 0 with @error set
 */
gint64
crm_customer_store_write (CrmCustomerStore    *self,
                          CrmCustomer         *customer,
                          GPtrArray           *contacts,
                          const char * const  *tags,
                          GError             **error)
{
  CrmDatabase *db = self->database;
  CrmCustomer *c = customer;
  gint64 id = crm_customer_get_id (c);
  sqlite3_stmt *stmt;
  /* For the tier history and the follow-up plan (crm-follow-up-plan.c). */
  g_autofree char *old_tier = crm_follow_up_read_tier (db, id);
  gboolean is_new;

  if (id > 0)
    stmt = crm_database_prepare (db,
                                 "UPDATE customer SET name = ?1, kind = ?2, credit_code = ?3,"
                                 "  id_number = ?4, founded_on = ?5, industry_id = ?6, employees = ?7,"
                                 "  annual_revenue = ?8, customer_type = ?9, tier = ?10, province = ?11,"
                                 "  city = ?12, district = ?13, street = ?14, pain_points = ?15,"
                                 "  decision_chain = ?16, owner = ?17, notes = ?18, name_key = ?19,"
                                 "  name_initials = ?20, sort_key = ?21,"
                                 "  updated_at = strftime ('%Y-%m-%dT%H:%M:%SZ', 'now')"
                                 "  WHERE id = ?22",
                                 error);
  else
    stmt = crm_database_prepare (db,
                                 "INSERT INTO customer (name, kind, credit_code, id_number, founded_on,"
                                 "  industry_id, employees, annual_revenue, customer_type, tier, province,"
                                 "  city, district, street, pain_points, decision_chain, owner, notes,"
                                 "  name_key, name_initials, sort_key, next_due_at)"
                                 "  VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,"
                                 "          ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21,"
                                 "          strftime ('%Y-%m-%dT%H:%M:%SZ', 'now', ?23))",
                                 error);
  if (stmt == NULL)
    return 0;

  crm_customer_store_bind_record (stmt, c);
  if (id > 0)
    {
      sqlite3_bind_int64 (stmt, 22, id);
    }
  else
    {
      g_autofree char *delay = crm_follow_up_dup_first_contact_delay (db);

      sqlite3_bind_text (stmt, 23, delay, -1, SQLITE_TRANSIENT);
    }

  if (!crm_database_step_done (db, stmt, error))
    return 0;

  if (id > 0 && sqlite3_changes (crm_database_get_handle (db)) == 0)
    {
      g_set_error (error, CRM_CUSTOMER_STORE_ERROR, CRM_CUSTOMER_STORE_ERROR_NOT_FOUND,
                   _("The customer no longer exists."));
      return 0;
    }

  is_new = id <= 0;
  if (is_new)
    id = sqlite3_last_insert_rowid (crm_database_get_handle (db));

  if (contacts != NULL && !crm_customer_store_write_contacts (db, id, is_new, contacts, error))
    return 0;

  if (tags != NULL && !crm_customer_store_write_tags (db, id, is_new, tags, error))
    return 0;

  if (!crm_follow_up_customer_written (db, id, old_tier, error))
    return 0;

  return id;
}

static gboolean
save_in_transaction (CrmDatabase  *db,
                     gpointer      user_data,
                     GError      **error)
{
  SaveData *data = user_data;

  data->id = crm_customer_store_write (data->self, data->customer, data->contacts, data->tags, error);

  return data->id > 0;
}

/**
 * crm_customer_store_record:
 * @self: a #CrmCustomerStore
 * @label: the action's untranslated label, marked with N_()
 * @func: work that writes customers with crm_customer_store_write()
 * @user_data: data for @func
 * @error: return location for an error
 *
 * Runs @func as one transaction and one undoable action, then tells views
 * that any customer may have changed.
 *
 * Returns: %TRUE when committed
 */
gboolean
crm_customer_store_record (CrmCustomerStore  *self,
                           const char        *label,
                           CrmDatabaseFunc    func,
                           gpointer           user_data,
                           GError           **error)
{
  gboolean ok;

  g_return_val_if_fail (CRM_IS_CUSTOMER_STORE (self), FALSE);

  self->recording++;
  ok = crm_journal_record (self->journal, label, func, user_data, error);
  self->recording--;

  if (ok)
    {
      crm_customer_store_reload_industries (self);
      crm_customer_store_emit_changed (self, 0);
    }

  return ok;
}


/**
 * crm_customer_store_save:
 * @self: a #CrmCustomerStore
 * @customer: the record; saved as new when its id is 0
 * @contacts: (nullable) (element-type CrmContact): the contacts it should
 *   have, in order (contacts not listed are removed); %NULL leaves them
 * @tags: (nullable): the tags it should have; %NULL leaves them
 * @flags: whether to save despite a duplicate
 * @warnings: (out) (optional): messages to show that did not block saving
 * @error: return location for a #CrmCustomerStoreError
 *
 * Checks, then saves the record as one undoable action ("Add customer" or
 * "Edit customer").
 *
 * Returns: the id of the saved customer, or 0 with @error set
 */
gint64
crm_customer_store_save (CrmCustomerStore    *self,
                         CrmCustomer         *customer,
                         GPtrArray           *contacts,
                         const char * const  *tags,
                         CrmSaveFlags         flags,
                         GStrv               *warnings,
                         GError             **error)
{
  SaveData data = { self, customer, contacts, tags, 0 };
  gboolean is_new;
  gboolean ok;

  g_return_val_if_fail (CRM_IS_CUSTOMER_STORE (self), 0);
  g_return_val_if_fail (CRM_IS_CUSTOMER (customer), 0);

  if (!crm_customer_store_check (self, customer, contacts, warnings, error))
    return 0;

  if (!(flags & CRM_SAVE_ALLOW_DUPLICATE))
    {
      g_autofree char *reason = NULL;
      g_autoptr(CrmCustomer) existing = crm_customer_store_find_duplicate (self, customer, &reason);

      if (existing != NULL)
        {
          g_set_error_literal (error, CRM_CUSTOMER_STORE_ERROR, CRM_CUSTOMER_STORE_ERROR_DUPLICATE,
                               reason);
          return 0;
        }
    }

  is_new = crm_customer_get_id (customer) <= 0;

  self->recording++;
  ok = crm_journal_record (self->journal,
                           is_new ? N_("Add customer") : N_("Edit customer"),
                           save_in_transaction, &data, error);
  self->recording--;

  if (!ok)
    return 0;

  g_object_set (customer, "id", data.id, NULL);
  crm_customer_store_emit_changed (self, data.id);

  return data.id;
}

/* Approval -------------------------------------------------------------- */

typedef struct
{
  gint64  id;
  char   *code;
} ApproveData;

/**
 * crm_customer_store_draw_code:
 * @db: a database inside a write transaction
 * @year: the year of the approval
 * @industry_code: the customer's industry code, such as "TRA"
 * @error: return location for an error
 *
 * Draws the next number of the (@year, @industry_code) counter
 * (crm_database_next_code_number(): never drawn twice, never reused) and
 * makes the customer code `{year}-{industry code}-{seq:3}` of it.
 *
 * Returns: (transfer full): the code, or %NULL with @error set
 */
char *
crm_customer_store_draw_code (CrmDatabase  *db,
                              int           year,
                              const char   *industry_code,
                              GError      **error)
{
  gint64 seq = crm_database_next_code_number (db, year, industry_code, error);

  if (seq == 0)
    return NULL;

  return g_strdup_printf ("%d-%s-%03" G_GINT64_FORMAT, year, industry_code, seq);
}

static char *
write_approval (CrmDatabase  *db,
                gint64        id,
                GError      **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *industry_code = NULL;
  g_autofree char *state = NULL;
  g_autofree char *code = NULL;
  sqlite3_stmt *stmt;
  gboolean found = FALSE;
  int year = g_date_time_get_year (now);

  stmt = crm_database_prepare (db,
                               "SELECT c.review_state, i.code FROM customer c"
                               "  LEFT JOIN industry i ON i.id = c.industry_id WHERE c.id = ?",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      found = TRUE;
      state = g_strdup (crm_customer_store_column_text (stmt, 0));
      industry_code = g_strdup (crm_customer_store_column_text (stmt, 1));
    }
  sqlite3_reset (stmt);

  if (!found)
    {
      g_set_error (error, CRM_CUSTOMER_STORE_ERROR, CRM_CUSTOMER_STORE_ERROR_NOT_FOUND,
                   _("The customer no longer exists."));
      return NULL;
    }

  if (g_strcmp0 (state, "approved") == 0)
    {
      g_set_error (error, CRM_CUSTOMER_STORE_ERROR, CRM_CUSTOMER_STORE_ERROR_STATE,
                   _("The customer is approved already."));
      return NULL;
    }

  if (industry_code == NULL)
    {
      g_set_error (error, CRM_CUSTOMER_STORE_ERROR, CRM_CUSTOMER_STORE_ERROR_INVALID,
                   _("Industry: choose one before approving; the customer code includes it."));
      return NULL;
    }

  code = crm_customer_store_draw_code (db, year, industry_code, error);
  if (code == NULL)
    return NULL;

  stmt = crm_database_prepare (db,
                               "UPDATE customer SET code = ?, review_state = 'approved',"
                               "  approved_at = strftime ('%Y-%m-%dT%H:%M:%SZ', 'now'),"
                               "  updated_at = strftime ('%Y-%m-%dT%H:%M:%SZ', 'now')"
                               "  WHERE id = ?",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, id);
  if (!crm_database_step_done (db, stmt, error))
    return NULL;

  /* An approved record is an intent customer: its first contact is due
   * later than a prospect's. */
  if (!crm_follow_up_replan (db, id, error))
    return NULL;

  return g_steal_pointer (&code);
}

static gboolean
approve_in_transaction (CrmDatabase  *db,
                        gpointer      user_data,
                        GError      **error)
{
  ApproveData *data = user_data;

  data->code = write_approval (db, data->id, error);

  return data->code != NULL;
}

/**
 * crm_customer_store_approve:
 * @self: a #CrmCustomerStore
 * @id: a draft customer
 * @error: return location for a #CrmCustomerStoreError
 *
 * Approves the record and assigns its customer code,
 * `{year}-{industry code}-{seq:3}`, as one undoable action. A number is
 * never handed out twice, even after an undo or a delete.
 *
 * Returns: (transfer full) (nullable): the new customer code
 */
char *
crm_customer_store_approve (CrmCustomerStore  *self,
                            gint64             id,
                            GError           **error)
{
  ApproveData data = { id, NULL };
  gboolean ok;

  g_return_val_if_fail (CRM_IS_CUSTOMER_STORE (self), NULL);

  self->recording++;
  ok = crm_journal_record (self->journal, N_("Approve customer"),
                           approve_in_transaction, &data, error);
  self->recording--;

  if (!ok)
    {
      g_free (data.code);
      return NULL;
    }

  crm_customer_store_emit_changed (self, id);

  return data.code;
}

/* Delete and merge ------------------------------------------------------ */

static gboolean
delete_in_transaction (CrmDatabase  *db,
                       gpointer      user_data,
                       GError      **error)
{
  gint64 id = *(gint64 *)user_data;
  sqlite3_stmt *stmt;

  stmt = crm_database_prepare (db, "DELETE FROM customer WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!crm_database_step_done (db, stmt, error))
    return FALSE;

  if (sqlite3_changes (crm_database_get_handle (db)) == 0)
    {
      g_set_error (error, CRM_CUSTOMER_STORE_ERROR, CRM_CUSTOMER_STORE_ERROR_NOT_FOUND,
                   _("The customer no longer exists."));
      return FALSE;
    }

  return TRUE;
}

/**
 * crm_customer_store_delete:
 * @self: a #CrmCustomerStore
 * @id: a customer
 * @error: return location for a #CrmCustomerStoreError
 *
 * Deletes the customer with its contacts, cooperation records and tags,
 * as one undoable action ("Delete customer").
 *
 * Returns: %TRUE when deleted
 */
gboolean
crm_customer_store_delete (CrmCustomerStore  *self,
                           gint64             id,
                           GError           **error)
{
  gboolean ok;

  g_return_val_if_fail (CRM_IS_CUSTOMER_STORE (self), FALSE);

  self->recording++;
  ok = crm_journal_record (self->journal, N_("Delete customer"),
                           delete_in_transaction, &id, error);
  self->recording--;

  if (ok)
    crm_customer_store_emit_changed (self, id);

  return ok;
}

static gboolean
update_annual_spend (CrmDatabase  *db,
                     gint64        customer_id,
                     GError      **error)
{
  sqlite3_stmt *stmt;

  /* What the customer bought over the last twelve months. */
  stmt = crm_database_prepare (db,
                               "UPDATE customer SET annual_spend ="
                               "  (SELECT ifnull (sum (amount), 0) FROM cooperation"
                               "   WHERE customer_id = ?1 AND started_on >= date ('now', '-1 year'))"
                               "  WHERE id = ?1",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, customer_id);

  return crm_database_step_done (db, stmt, error);
}

/**
 * crm_customer_store_update_annual_spend:
 * @self: a #CrmCustomerStore
 * @customer_id: a customer
 * @error: return location for an error
 *
 * Recomputes the customer's annual spend from its cooperation records,
 * inside the caller's transaction, as every write of a record does.
 *
 * Returns: %TRUE on success
 */
gboolean
crm_customer_store_update_annual_spend (CrmCustomerStore  *self,
                                        gint64             customer_id,
                                        GError           **error)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER_STORE (self), FALSE);
  g_return_val_if_fail (crm_database_in_transaction (self->database), FALSE);

  return update_annual_spend (self->database, customer_id, error);
}

typedef struct
{
  gint64 survivor;
  gint64 duplicate;
} MergeData;

static gboolean
merge_in_transaction (CrmDatabase  *db,
                      gpointer      user_data,
                      GError      **error)
{
  MergeData *data = user_data;
  /* Everything that belongs to a customer moves to the survivor; fields the
   * survivor lacks are taken from the duplicate. Later record types add
   * their own line here. */
  static const char *statements[] = {
    "UPDATE contact SET customer_id = ?1 WHERE customer_id = ?2",
    "UPDATE cooperation SET customer_id = ?1 WHERE customer_id = ?2",
    "UPDATE requirement SET customer_id = ?1 WHERE customer_id = ?2",
    "INSERT OR IGNORE INTO requirement_customer (requirement_id, customer_id)"
    "  SELECT requirement_id, ?1 FROM requirement_customer WHERE customer_id = ?2",
    "INSERT OR IGNORE INTO customer_tag (customer_id, tag_id)"
    "  SELECT ?1, tag_id FROM customer_tag WHERE customer_id = ?2",
    /* Follow-ups, tier history and key follow-up flags (crm-follow-up-*.c);
     * when both are flagged, the survivor's open flag stands for both. */
    "UPDATE follow_up SET customer_id = ?1 WHERE customer_id = ?2",
    "UPDATE tier_history SET customer_id = ?1 WHERE customer_id = ?2",
    "DELETE FROM key_follow_up WHERE customer_id = ?2 AND cleared_at IS NULL"
    "  AND EXISTS (SELECT 1 FROM key_follow_up WHERE customer_id = ?1 AND cleared_at IS NULL)",
    "UPDATE key_follow_up SET customer_id = ?1 WHERE customer_id = ?2",
    /* Questionnaires the duplicate answered (crm-questionnaire-store*.c). */
    "UPDATE questionnaire_response SET customer_id = ?1 WHERE customer_id = ?2",
    "UPDATE customer SET"
    "  credit_code = ifnull (credit_code, (SELECT credit_code FROM customer WHERE id = ?2)),"
    "  id_number = ifnull (id_number, (SELECT id_number FROM customer WHERE id = ?2)),"
    "  founded_on = ifnull (founded_on, (SELECT founded_on FROM customer WHERE id = ?2)),"
    "  industry_id = ifnull (industry_id, (SELECT industry_id FROM customer WHERE id = ?2)),"
    "  employees = ifnull (employees, (SELECT employees FROM customer WHERE id = ?2)),"
    "  annual_revenue = ifnull (annual_revenue, (SELECT annual_revenue FROM customer WHERE id = ?2)),"
    "  tier = ifnull (tier, (SELECT tier FROM customer WHERE id = ?2)),"
    "  province = ifnull (province, (SELECT province FROM customer WHERE id = ?2)),"
    "  city = ifnull (city, (SELECT city FROM customer WHERE id = ?2)),"
    "  district = ifnull (district, (SELECT district FROM customer WHERE id = ?2)),"
    "  street = ifnull (street, (SELECT street FROM customer WHERE id = ?2)),"
    "  pain_points = ifnull (pain_points, (SELECT pain_points FROM customer WHERE id = ?2)),"
    "  decision_chain = ifnull (decision_chain, (SELECT decision_chain FROM customer WHERE id = ?2)),"
    "  owner = ifnull (owner, (SELECT owner FROM customer WHERE id = ?2)),"
    "  notes = ifnull (notes, (SELECT notes FROM customer WHERE id = ?2)),"
    "  last_contact_at = max (ifnull (last_contact_at, ''),"
    "                         ifnull ((SELECT last_contact_at FROM customer WHERE id = ?2), '')),"
    "  updated_at = strftime ('%Y-%m-%dT%H:%M:%SZ', 'now')"
    "  WHERE id = ?1",
    "UPDATE customer SET last_contact_at = NULL WHERE id = ?1 AND last_contact_at = ''",
    "DELETE FROM customer WHERE id = ?2",
  };

  if (data->survivor == data->duplicate)
    {
      g_set_error (error, CRM_CUSTOMER_STORE_ERROR, CRM_CUSTOMER_STORE_ERROR_STATE,
                   _("A customer cannot be merged into itself."));
      return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (statements); i++)
    {
      sqlite3_stmt *stmt = crm_database_prepare (db, statements[i], error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, data->survivor);
      sqlite3_bind_int64 (stmt, 2, data->duplicate);
      if (!crm_database_step_done (db, stmt, error))
        return FALSE;

      if (i + 1 == G_N_ELEMENTS (statements) && sqlite3_changes (crm_database_get_handle (db)) == 0)
        {
          g_set_error (error, CRM_CUSTOMER_STORE_ERROR, CRM_CUSTOMER_STORE_ERROR_NOT_FOUND,
                       _("The customer no longer exists."));
          return FALSE;
        }
    }

  return update_annual_spend (db, data->survivor, error) &&
         crm_follow_up_replan (db, data->survivor, error);
}

/**
 * crm_customer_store_merge:
 * @self: a #CrmCustomerStore
 * @survivor_id: the record to keep
 * @duplicate_id: the record to fold into it and remove
 * @error: return location for a #CrmCustomerStoreError
 *
 * Moves the duplicate's contacts, cooperation records and tags to the
 * survivor, fills the survivor's empty fields from it and removes it, as
 * one undoable action ("Merge customers").
 *
 * Returns: %TRUE when merged
 */
gboolean
crm_customer_store_merge (CrmCustomerStore  *self,
                          gint64             survivor_id,
                          gint64             duplicate_id,
                          GError           **error)
{
  MergeData data = { survivor_id, duplicate_id };
  g_autoptr(CrmCustomer) survivor = NULL;
  gboolean ok;

  g_return_val_if_fail (CRM_IS_CUSTOMER_STORE (self), FALSE);

  survivor = crm_customer_store_get (self, survivor_id, error);
  if (survivor == NULL)
    return FALSE;

  self->recording++;
  ok = crm_journal_record (self->journal, N_("Merge customers"),
                           merge_in_transaction, &data, error);
  self->recording--;

  if (ok)
    crm_customer_store_emit_changed (self, 0);

  return ok;
}

/* Cooperation and industries -------------------------------------------- */

typedef struct
{
  CrmCooperation *record;
  gint64          id;
} CooperationData;

static gint64
write_cooperation (CrmDatabase     *db,
                   CrmCooperation  *record,
                   GError         **error)
{
  sqlite3_stmt *stmt;

  stmt = crm_database_prepare (db,
                               "INSERT INTO cooperation (customer_id, product, started_on, ended_on, amount)"
                               "  VALUES (?, ?, ?, ?, ?)",
                               error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, crm_cooperation_get_customer_id (record));
  crm_sql_bind_text_or_null (stmt, 2, crm_cooperation_get_product (record));
  crm_sql_bind_text_or_null (stmt, 3, crm_cooperation_get_started_on (record));
  crm_sql_bind_text_or_null (stmt, 4, crm_cooperation_get_ended_on (record));
  sqlite3_bind_int64 (stmt, 5, crm_cooperation_get_amount (record));
  if (!crm_database_step_done (db, stmt, error))
    return 0;

  return sqlite3_last_insert_rowid (crm_database_get_handle (db));
}

static gboolean
add_cooperation_in_transaction (CrmDatabase  *db,
                                gpointer      user_data,
                                GError      **error)
{
  CooperationData *data = user_data;

  data->id = write_cooperation (db, data->record, error);
  if (data->id == 0)
    return FALSE;

  return update_annual_spend (db, crm_cooperation_get_customer_id (data->record), error);
}

/**
 * crm_customer_store_add_cooperation:
 * @self: a #CrmCustomerStore
 * @cooperation: the record; its customer-id names the customer
 * @error: return location for an error
 *
 * Returns: the new record's id, or 0 with @error set
 */
gint64
crm_customer_store_add_cooperation (CrmCustomerStore  *self,
                                    CrmCooperation    *cooperation,
                                    GError           **error)
{
  CooperationData data = { cooperation, 0 };
  const char *product;
  const char *started_on;
  gboolean ok;

  g_return_val_if_fail (CRM_IS_CUSTOMER_STORE (self), 0);
  g_return_val_if_fail (CRM_IS_COOPERATION (cooperation), 0);

  product = crm_cooperation_get_product (cooperation);
  started_on = crm_cooperation_get_started_on (cooperation);

  if (product == NULL || *product == '\0')
    {
      g_set_error (error, CRM_CUSTOMER_STORE_ERROR, CRM_CUSTOMER_STORE_ERROR_INVALID,
                   _("Product or service: enter what the customer bought."));
      return 0;
    }

  {
    g_autoptr(GDateTime) parsed = NULL;
    g_autofree char *iso = started_on != NULL ? g_strconcat (started_on, "T00:00:00Z", NULL) : NULL;

    if (iso != NULL)
      parsed = g_date_time_new_from_iso8601 (iso, NULL);
    if (parsed == NULL)
      {
        g_set_error (error, CRM_CUSTOMER_STORE_ERROR, CRM_CUSTOMER_STORE_ERROR_INVALID,
                     _("Start date: enter a date such as 2024-03-01."));
        return 0;
      }
  }

  self->recording++;
  ok = crm_journal_record (self->journal, N_("Add cooperation record"),
                           add_cooperation_in_transaction, &data, error);
  self->recording--;

  if (!ok)
    return 0;

  g_object_set (cooperation, "id", data.id, NULL);
  crm_customer_store_emit_changed (self, crm_cooperation_get_customer_id (cooperation));

  return data.id;
}

static gboolean
remove_cooperation_in_transaction (CrmDatabase  *db,
                                   gpointer      user_data,
                                   GError      **error)
{
  gint64 id = *(gint64 *)user_data;
  gint64 customer_id = 0;
  sqlite3_stmt *stmt;

  stmt = crm_database_prepare (db, "DELETE FROM cooperation WHERE id = ? RETURNING customer_id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    customer_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_step (stmt);
  sqlite3_reset (stmt);

  if (customer_id == 0)
    {
      g_set_error (error, CRM_CUSTOMER_STORE_ERROR, CRM_CUSTOMER_STORE_ERROR_NOT_FOUND,
                   _("The cooperation record no longer exists."));
      return FALSE;
    }

  *(gint64 *)user_data = customer_id;

  return update_annual_spend (db, customer_id, error);
}

gboolean
crm_customer_store_remove_cooperation (CrmCustomerStore  *self,
                                       gint64             cooperation_id,
                                       GError           **error)
{
  gint64 data = cooperation_id;
  gboolean ok;

  g_return_val_if_fail (CRM_IS_CUSTOMER_STORE (self), FALSE);

  self->recording++;
  ok = crm_journal_record (self->journal, N_("Remove cooperation record"),
                           remove_cooperation_in_transaction, &data, error);
  self->recording--;

  if (ok)
    crm_customer_store_emit_changed (self, data);

  return ok;
}

typedef struct
{
  const char *code;
  const char *name;
  gint64      id;
} IndustryData;

static gboolean
add_industry_in_transaction (CrmDatabase  *db,
                             gpointer      user_data,
                             GError      **error)
{
  IndustryData *data = user_data;
  sqlite3_stmt *stmt;

  stmt = crm_database_prepare (db,
                               "INSERT INTO industry (code, name, position)"
                               "  VALUES (?, ?, (SELECT ifnull (max (position), 0) + 1 FROM industry))",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, data->code, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, data->name, -1, SQLITE_STATIC);
  if (!crm_database_step_done (db, stmt, error))
    return FALSE;

  data->id = sqlite3_last_insert_rowid (crm_database_get_handle (db));

  return TRUE;
}

/* Another industry with @code or @name (other than @except_id) is an
 * error naming it. */
static gboolean
check_industry_unique (CrmCustomerStore  *self,
                       gint64             except_id,
                       const char        *code,
                       const char        *name,
                       GError           **error)
{
  GListModel *industries = G_LIST_MODEL (self->industries);

  for (guint i = 0; i < g_list_model_get_n_items (industries); i++)
    {
      g_autoptr(CrmIndustry) industry = g_list_model_get_item (industries, i);

      if (crm_industry_get_id (industry) == except_id)
        continue;

      if (g_strcmp0 (crm_industry_get_code (industry), code) == 0 ||
          g_strcmp0 (crm_industry_get_name (industry), name) == 0)
        {
          g_set_error (error, CRM_CUSTOMER_STORE_ERROR, CRM_CUSTOMER_STORE_ERROR_DUPLICATE,
                       _("Industry: “%s” (%s) exists already."),
                       crm_industry_get_name (industry), crm_industry_get_code (industry));
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * crm_customer_store_add_industry:
 * @self: a #CrmCustomerStore
 * @code: three capital letters, unique
 * @name: the industry's name, unique
 * @error: return location for an error
 *
 * Returns: the new industry's id, or 0 with @error set
 */
gint64
crm_customer_store_add_industry (CrmCustomerStore  *self,
                                 const char        *code,
                                 const char        *name,
                                 GError           **error)
{
  IndustryData data = { code, name, 0 };
  gboolean valid_code;
  gboolean ok;

  g_return_val_if_fail (CRM_IS_CUSTOMER_STORE (self), 0);

  valid_code = code != NULL && strlen (code) == 3 &&
               g_ascii_isupper (code[0]) && g_ascii_isupper (code[1]) && g_ascii_isupper (code[2]);
  if (!valid_code)
    {
      g_set_error (error, CRM_CUSTOMER_STORE_ERROR, CRM_CUSTOMER_STORE_ERROR_INVALID,
                   _("Industry code: three capital letters, such as TRA."));
      return 0;
    }

  if (name == NULL || *name == '\0')
    {
      g_set_error (error, CRM_CUSTOMER_STORE_ERROR, CRM_CUSTOMER_STORE_ERROR_INVALID,
                   _("Industry name: enter a name."));
      return 0;
    }

  if (!check_industry_unique (self, 0, code, name, error))
    return 0;

  self->recording++;
  ok = crm_journal_record (self->journal, N_("Add industry"),
                           add_industry_in_transaction, &data, error);
  self->recording--;

  if (!ok)
    return 0;

  crm_customer_store_reload_industries (self);

  return data.id;
}

static gboolean
rename_industry_in_transaction (CrmDatabase  *db,
                                gpointer      user_data,
                                GError      **error)
{
  IndustryData *data = user_data;
  sqlite3_stmt *stmt;

  stmt = crm_database_prepare (db, "UPDATE industry SET name = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, data->name, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, data->id);

  return crm_database_step_done (db, stmt, error);
}

/**
 * crm_customer_store_rename_industry:
 * @self: a #CrmCustomerStore
 * @id: an industry
 * @name: its new name, unique
 * @error: return location for an error
 *
 * Renames an industry as one undoable action. Its code stays: it is part
 * of the customer codes handed out already.
 *
 * Returns: %TRUE when renamed
 */
gboolean
crm_customer_store_rename_industry (CrmCustomerStore  *self,
                                    gint64             id,
                                    const char        *name,
                                    GError           **error)
{
  g_autofree char *trimmed = NULL;
  IndustryData data = { NULL, NULL, id };
  gboolean ok;

  g_return_val_if_fail (CRM_IS_CUSTOMER_STORE (self), FALSE);

  trimmed = g_strstrip (g_strdup (name != NULL ? name : ""));
  if (*trimmed == '\0')
    {
      g_set_error (error, CRM_CUSTOMER_STORE_ERROR, CRM_CUSTOMER_STORE_ERROR_INVALID,
                   _("Industry name: enter a name."));
      return FALSE;
    }

  if (!check_industry_unique (self, id, NULL, trimmed, error))
    return FALSE;

  data.name = trimmed;
  self->recording++;
  ok = crm_journal_record (self->journal, N_("Rename industry"),
                           rename_industry_in_transaction, &data, error);
  self->recording--;

  if (!ok)
    return FALSE;

  crm_customer_store_reload_industries (self);
  crm_customer_store_emit_changed (self, 0);

  return TRUE;
}
