/* crm-key-follow-up.c — customers flagged for key follow-up (重点跟进)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * A customer is flagged when a satisfaction score (at a requirement's
 * closure or in a questionnaire) is below 3, or when a requirement of
 * theirs stays unresolved past its due date. The code that records those
 * calls crm_key_follow_up_raise() inside its own transaction, so the flag
 * is part of the same undoable action. A flagged customer is followed at
 * the shortest interval of the cadence; the flag clears only with a
 * reason, as an undoable action of its own. Flags live in key_follow_up:
 * one open row (cleared_at NULL) per flagged customer, and the history.
 */

#define G_LOG_DOMAIN "crm-key-follow-up"

#include <glib/gi18n-lib.h>

#include "crm-customer-store-private.h"
#include "crm-follow-up-plan.h"
#include "crm-key-follow-up.h"

/**
 * crm_key_follow_up_raise:
 * @db: a database, inside the caller's transaction
 * @customer_id: the customer
 * @reason: why, in words a manager reads (stored as given)
 * @error: return location for an error
 *
 * Flags the customer for key follow-up and re-plans its next follow-up
 * to the shortest interval. A customer already flagged keeps its first
 * reason; raising again is not an error.
 *
 * Returns: %TRUE on success
 */
gboolean
crm_key_follow_up_raise (CrmDatabase  *db,
                         gint64        customer_id,
                         const char   *reason,
                         GError      **error)
{
  g_autofree char *now = crm_upkeep_now_utc ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CRM_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (crm_database_in_transaction (db), FALSE);
  g_return_val_if_fail (reason != NULL, FALSE);

  stmt = crm_database_prepare (db,
                               "INSERT INTO key_follow_up (customer_id, reason, raised_at)"
                               "  SELECT ?1, ?2, ?3 WHERE EXISTS (SELECT 1 FROM customer WHERE id = ?1)"
                               "  ON CONFLICT DO NOTHING",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, customer_id);
  sqlite3_bind_text (stmt, 2, reason, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_TRANSIENT);
  if (!crm_database_step_done (db, stmt, error))
    return FALSE;

  return crm_follow_up_replan (db, customer_id, error);
}

/**
 * crm_key_follow_up_check_satisfaction:
 * @db: a database, inside the caller's transaction
 * @customer_id: the customer who gave the score
 * @score: the satisfaction score, 1 to 5
 * @source: what it was given for, as the manager will read it
 *   ("requirement “…” closed", "questionnaire “…”")
 * @error: return location for an error
 *
 * What a requirement's closure and a questionnaire response call with
 * the score they record: below %CRM_KEY_FOLLOW_UP_MIN_SATISFACTION it
 * raises the flag.
 *
 * Returns: %TRUE on success
 */
gboolean
crm_key_follow_up_check_satisfaction (CrmDatabase  *db,
                                      gint64        customer_id,
                                      int           score,
                                      const char   *source,
                                      GError      **error)
{
  g_autofree char *reason = NULL;

  g_return_val_if_fail (CRM_IS_DATABASE (db), FALSE);

  if (score >= CRM_KEY_FOLLOW_UP_MIN_SATISFACTION)
    return TRUE;

  /* Translators: the first %d is a satisfaction score, %s what it was
   * given for, such as a requirement or a questionnaire. */
  reason = g_strdup_printf (_("Satisfaction %d of 5: %s"), score, source != NULL ? source : "");

  return crm_key_follow_up_raise (db, customer_id, reason, error);
}

/* The customers with a requirement unresolved past its due date who are
 * not flagged for it yet, each with the first such title. A flag cleared
 * after the due date was a manager's decision about that requirement: it
 * is not raised again for it. The index holds only open requirements by
 * due date, so the overdue ones are read without the others' rows; the
 * planner, without statistics, would rather read a whole status. */
#define OVERDUE_SQL \
  "SELECT rc.customer_id, min (r.title) FROM requirement r INDEXED BY requirement_open_due" \
  "  JOIN requirement_customer rc ON rc.requirement_id = r.id" \
  "  WHERE r.merged_into IS NULL" \
  "    AND r.status IN ('pending', 'in_progress')" \
  "    AND r.due_on < date ('now', 'localtime')" \
  "    AND NOT EXISTS (SELECT 1 FROM key_follow_up k" \
  "                    WHERE k.customer_id = rc.customer_id" \
  "                      AND (k.cleared_at IS NULL OR k.cleared_at >= r.due_on))" \
  "  GROUP BY rc.customer_id"

/**
 * crm_key_follow_up_check_overdue_requirements:
 * @db: a database, inside the caller's transaction
 * @error: return location for an error
 *
 * Flags every customer with a requirement still unresolved past its due
 * date, inside the caller's transaction.
 *
 * crm_key_follow_up_flag_overdue() runs it in a transaction of its own
 * before `export agenda`, and crm_key_follow_up_flag_overdue_async() after
 * the window opened a database.
 *
 * Returns: %TRUE on success
 */
gboolean
crm_key_follow_up_check_overdue_requirements (CrmDatabase  *db,
                                              GError      **error)
{
  g_autoptr(GPtrArray) reasons = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) customers = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CRM_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (crm_database_in_transaction (db), FALSE);

  stmt = crm_database_prepare (db, OVERDUE_SQL, error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 customer_id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (customers, customer_id);
      /* Translators: why a customer is flagged for key follow-up;
       * %s is a requirement's title. */
      g_ptr_array_add (reasons, g_strdup_printf (_("Requirement “%s” is unresolved past its due date"),
                                                 (const char *) sqlite3_column_text (stmt, 1)));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      crm_database_set_sql_error (db, error, "requirement");
      return FALSE;
    }

  for (guint i = 0; i < customers->len; i++)
    if (!crm_key_follow_up_raise (db, g_array_index (customers, gint64, i),
                                  g_ptr_array_index (reasons, i), error))
      return FALSE;

  return TRUE;
}

static gboolean
flag_overdue_in_transaction (CrmDatabase  *db,
                             gpointer      user_data,
                             GError      **error)
{
  return crm_key_follow_up_check_overdue_requirements (db, error);
}

/**
 * crm_key_follow_up_flag_overdue:
 * @db: a database, outside any transaction
 * @error: return location for an error
 *
 * Runs crm_key_follow_up_check_overdue_requirements() in a transaction of
 * its own. It is not an undoable action: the flag records a fact (a due
 * date passed), not something the user did. The window runs it when it
 * opens a database (through crm_key_follow_up_flag_overdue_async());
 * `rapport export agenda` before exporting.
 *
 * Returns: %TRUE on success
 */
gboolean
crm_key_follow_up_flag_overdue (CrmDatabase  *db,
                                GError      **error)
{
  g_return_val_if_fail (CRM_IS_DATABASE (db), FALSE);

  return crm_database_transaction (db, flag_overdue_in_transaction, NULL, error);
}

/* The store is held weakly: a window closed while the worker reads does
 * not keep its store and database open. */
typedef struct
{
  GWeakRef  store;
  char     *path;
} OverdueJob;

static void
overdue_job_free (OverdueJob *job)
{
  g_weak_ref_clear (&job->store);
  g_free (job->path);
  g_free (job);
}

/* Reads, on a connection of its own, whether any customer is to be
 * flagged. */
static void
find_overdue_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  OverdueJob *job = task_data;
  g_autoptr(CrmDatabase) reader = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;
  int rc;

  reader = crm_database_open_reader (job->path, &error);
  if (reader == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  stmt = crm_database_prepare (reader, OVERDUE_SQL, &error);
  if (stmt == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      crm_database_set_sql_error (reader, &error, "requirement");
      sqlite3_reset (stmt);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  sqlite3_reset (stmt);

  g_task_return_boolean (task, rc == SQLITE_ROW);
}

static void
find_overdue_cb (GObject      *source_object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  OverdueJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(CrmCustomerStore) store = g_weak_ref_get (&job->store);
  g_autoptr(GError) error = NULL;
  gboolean found;

  found = g_task_propagate_boolean (G_TASK (result), &error);
  if (error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (store == NULL)
    {
      g_task_return_boolean (task, FALSE);
      return;
    }

  /* The flags are written here, on the store's own connection, by the
   * same check run again in a transaction: whatever changed since the
   * worker read, what is raised is what is true now. */
  if (found)
    {
      if (!crm_key_follow_up_flag_overdue (crm_customer_store_get_database (store), &error))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      crm_customer_store_emit_changed (store, 0);
    }

  g_task_return_boolean (task, found);
}

/**
 * crm_key_follow_up_flag_overdue_async:
 * @store: the customer store
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the check is done
 * @user_data: data for @callback
 *
 * Does what crm_key_follow_up_flag_overdue() does without holding up the
 * calling thread on a large database: a worker thread reads, on a
 * connection of its own, whether any customer is to be flagged, which
 * is rarely the case; only then are the flags raised, in the calling
 * thread, and @store emits #CrmCustomerStore::changed so lists show them.
 */
void
crm_key_follow_up_flag_overdue_async (CrmCustomerStore    *store,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  GTask *task;
  g_autoptr(GTask) worker = NULL;
  OverdueJob *job;

  g_return_if_fail (CRM_IS_CUSTOMER_STORE (store));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, crm_key_follow_up_flag_overdue_async);
  job = g_new0 (OverdueJob, 1);
  g_weak_ref_init (&job->store, store);
  job->path = g_strdup (crm_database_get_path (crm_customer_store_get_database (store)));
  worker = g_task_new (NULL, cancellable, find_overdue_cb, task);
  g_task_set_task_data (worker, job, (GDestroyNotify)overdue_job_free);
  g_task_run_in_thread (worker, find_overdue_thread);
}

/**
 * crm_key_follow_up_flag_overdue_finish:
 *
 * Returns: %TRUE when customers were flagged, %FALSE when none was to be
 *   (or the store is gone) or on error
 */
gboolean
crm_key_follow_up_flag_overdue_finish (GAsyncResult  *result,
                                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * crm_key_follow_up_write_clear:
 * @db: a database, inside the caller's transaction
 * @customer_id: a flagged customer
 * @reason: why the flag is cleared
 * @error: return location for an error
 *
 * Returns: %TRUE on success; an error when the customer is not flagged
 *   or @reason is blank
 */
gboolean
crm_key_follow_up_write_clear (CrmDatabase  *db,
                               gint64        customer_id,
                               const char   *reason,
                               GError      **error)
{
  g_autofree char *now = crm_upkeep_now_utc ();
  g_autofree char *who = crm_upkeep_current_user ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (crm_database_in_transaction (db), FALSE);

  if (crm_upkeep_is_blank (reason))
    {
      g_set_error_literal (error, CRM_CUSTOMER_STORE_ERROR, CRM_CUSTOMER_STORE_ERROR_INVALID,
                           _("Reason: say why the customer no longer needs key follow-up."));
      return FALSE;
    }

  stmt = crm_database_prepare (db,
                               "UPDATE key_follow_up SET cleared_at = ?2, clear_reason = ?3, cleared_by = ?4"
                               "  WHERE customer_id = ?1 AND cleared_at IS NULL",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, customer_id);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, reason, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, who, -1, SQLITE_TRANSIENT);
  if (!crm_database_step_done (db, stmt, error))
    return FALSE;

  if (sqlite3_changes (crm_database_get_handle (db)) == 0)
    {
      g_set_error_literal (error, CRM_CUSTOMER_STORE_ERROR, CRM_CUSTOMER_STORE_ERROR_STATE,
                           _("The customer is not flagged for key follow-up."));
      return FALSE;
    }

  return crm_follow_up_replan (db, customer_id, error);
}

typedef struct
{
  gint64      customer_id;
  const char *reason;
} FlagData;

static gboolean
clear_in_transaction (CrmDatabase  *db,
                      gpointer      user_data,
                      GError      **error)
{
  FlagData *data = user_data;

  return crm_key_follow_up_write_clear (db, data->customer_id, data->reason, error);
}

static gboolean
mark_in_transaction (CrmDatabase  *db,
                     gpointer      user_data,
                     GError      **error)
{
  FlagData *data = user_data;

  return crm_key_follow_up_raise (db, data->customer_id, data->reason, error);
}

/**
 * crm_key_follow_up_mark:
 * @store: the customer store
 * @customer_id: a customer
 * @reason: why the manager flags it
 * @error: return location for an error
 *
 * Flags a customer by hand, as one undoable action.
 *
 * Returns: %TRUE on success
 */
gboolean
crm_key_follow_up_mark (CrmCustomerStore  *store,
                        gint64             customer_id,
                        const char        *reason,
                        GError           **error)
{
  FlagData data = { customer_id, reason };

  g_return_val_if_fail (CRM_IS_CUSTOMER_STORE (store), FALSE);

  if (crm_upkeep_is_blank (reason))
    {
      g_set_error_literal (error, CRM_CUSTOMER_STORE_ERROR, CRM_CUSTOMER_STORE_ERROR_INVALID,
                           _("Reason: say why the customer needs key follow-up."));
      return FALSE;
    }

  return crm_customer_store_record (store, N_("Flag for key follow-up"),
                                    mark_in_transaction, &data, error);
}

/**
 * crm_key_follow_up_clear:
 * @store: the customer store
 * @customer_id: a flagged customer
 * @reason: why the flag is cleared
 * @error: return location for an error
 *
 * Clears the flag, keeping @reason, as one undoable action.
 *
 * Returns: %TRUE on success
 */
gboolean
crm_key_follow_up_clear (CrmCustomerStore  *store,
                         gint64             customer_id,
                         const char        *reason,
                         GError           **error)
{
  FlagData data = { customer_id, reason };

  g_return_val_if_fail (CRM_IS_CUSTOMER_STORE (store), FALSE);

  return crm_customer_store_record (store, N_("Clear key follow-up"),
                                    clear_in_transaction, &data, error);
}

/**
 * crm_key_follow_up_dup_reason:
 * @db: a database
 * @customer_id: a customer
 *
 * Returns: (transfer full) (nullable): why the customer is flagged, or
 *   %NULL when it is not
 */
char *
crm_key_follow_up_dup_reason (CrmDatabase *db,
                              gint64       customer_id)
{
  char *reason = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CRM_IS_DATABASE (db), NULL);

  stmt = crm_database_prepare (db,
                               "SELECT reason FROM key_follow_up WHERE customer_id = ? AND cleared_at IS NULL",
                               NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, customer_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    reason = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);

  return reason;
}
