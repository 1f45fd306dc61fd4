/* crm-follow-up-store.c — recording follow-ups with customers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * A follow-up is a real contact: logging one moves the customer's last
 * contact (customer.last_contact_at) and re-plans its next follow-up
 * (crm-follow-up-plan.c), in the same transaction and the same undoable
 * action as the follow-up itself.
 */

#define G_LOG_DOMAIN "crm-follow-up-store"

#include <glib/gi18n-lib.h>

#include "crm-follow-up-plan.h"
#include "crm-follow-up-store.h"
#include "crm-sql-bind.h"

struct _CrmFollowUpStore
{
  GObject           parent_instance;

  CrmCustomerStore *customers;
};

G_DEFINE_FINAL_TYPE (CrmFollowUpStore, crm_follow_up_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (crm-follow-up-error-quark, crm_follow_up_error)

enum {
  PROP_0,
  PROP_CUSTOMER_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Content longer than this is refused; the schema has the same limit. */
#define MAX_CONTENT 5000
/* A follow-up may be logged a little ahead of the clock (a visit that is
 * about to start), not days ahead. */
#define MAX_AHEAD_HOURS 24

static void
crm_follow_up_store_dispose (GObject *object)
{
  CrmFollowUpStore *self = (CrmFollowUpStore *)object;

  g_clear_object (&self->customers);

  G_OBJECT_CLASS (crm_follow_up_store_parent_class)->dispose (object);
}

static void
crm_follow_up_store_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  CrmFollowUpStore *self = CRM_FOLLOW_UP_STORE (object);

  switch (prop_id)
    {
    case PROP_CUSTOMER_STORE:
      g_value_set_object (value, self->customers);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_follow_up_store_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  CrmFollowUpStore *self = CRM_FOLLOW_UP_STORE (object);

  switch (prop_id)
    {
    case PROP_CUSTOMER_STORE:
      self->customers = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_follow_up_store_class_init (CrmFollowUpStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = crm_follow_up_store_dispose;
  object_class->get_property = crm_follow_up_store_get_property;
  object_class->set_property = crm_follow_up_store_set_property;

  properties[PROP_CUSTOMER_STORE] =
    g_param_spec_object ("customer-store", NULL, NULL,
                         CRM_TYPE_CUSTOMER_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
crm_follow_up_store_init (CrmFollowUpStore *self)
{
}

/**
 * crm_follow_up_store_new:
 * @customers: the customer store, whose journal records every change
 *
 * Returns: (transfer full): a follow-up store
 */
CrmFollowUpStore *
crm_follow_up_store_new (CrmCustomerStore *customers)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER_STORE (customers), NULL);

  return g_object_new (CRM_TYPE_FOLLOW_UP_STORE, "customer-store", customers, NULL);
}

CrmCustomerStore *
crm_follow_up_store_get_customer_store (CrmFollowUpStore *self)
{
  g_return_val_if_fail (CRM_IS_FOLLOW_UP_STORE (self), NULL);

  return self->customers;
}

/**
 * crm_follow_up_channel_get_label:
 * @channel: "phone", "visit", "email" or "meeting"
 *
 * Returns: the channel's name in the user's language
 */
const char *
crm_follow_up_channel_get_label (const char *channel)
{
  if (g_strcmp0 (channel, "phone") == 0)
    return C_("follow-up channel", "Phone");
  if (g_strcmp0 (channel, "visit") == 0)
    return C_("follow-up channel", "Visit");
  if (g_strcmp0 (channel, "email") == 0)
    return C_("follow-up channel", "E-mail");
  if (g_strcmp0 (channel, "meeting") == 0)
    return C_("follow-up channel", "Online Meeting");

  return "";
}

/**
 * crm_follow_up_feedback_get_label:
 * @feedback: "clear-need", "pending" or "refused"
 *
 * Returns: the feedback's name in the user's language
 */
const char *
crm_follow_up_feedback_get_label (const char *feedback)
{
  if (g_strcmp0 (feedback, "clear-need") == 0)
    return C_("customer feedback", "Clear Need");
  if (g_strcmp0 (feedback, "pending") == 0)
    return C_("customer feedback", "To Be Confirmed");
  if (g_strcmp0 (feedback, "refused") == 0)
    return C_("customer feedback", "Refused");

  return "";
}

static gboolean
invalid (GError     **error,
         const char  *message)
{
  g_set_error_literal (error, CRM_FOLLOW_UP_ERROR, CRM_FOLLOW_UP_ERROR_INVALID, message);

  return FALSE;
}

/**
 * crm_follow_up_store_check:
 * @self: a #CrmFollowUpStore
 * @follow_up: a follow-up as entered
 * @error: return location for a #CrmFollowUpError
 *
 * Returns: %TRUE when it can be saved; otherwise @error names the first
 *   field in the form's order that is wrong, and why
 */
gboolean
crm_follow_up_store_check (CrmFollowUpStore  *self,
                           CrmFollowUp       *follow_up,
                           GError           **error)
{
  g_autoptr(GDateTime) happened = NULL;
  g_autoptr(GDateTime) due = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  const char *channel = crm_follow_up_get_channel (follow_up);
  const char *feedback = crm_follow_up_get_feedback (follow_up);
  const char *content = crm_follow_up_get_content (follow_up);

  g_return_val_if_fail (CRM_IS_FOLLOW_UP_STORE (self), FALSE);
  g_return_val_if_fail (CRM_IS_FOLLOW_UP (follow_up), FALSE);

  if (crm_follow_up_get_customer_id (follow_up) <= 0)
    return invalid (error, _("Customer: choose the customer this follow-up was with."));

  happened = crm_time_parse_utc (crm_follow_up_get_happened_at (follow_up));
  if (happened == NULL)
    return invalid (error, _("Date and time: enter when it happened, such as 2026-03-01 14:30."));
  if (g_date_time_difference (happened, now) > MAX_AHEAD_HOURS * G_TIME_SPAN_HOUR)
    return invalid (error, _("Date and time: a follow-up cannot be logged more than a day ahead."));

  if (g_strcmp0 (channel, "phone") != 0 && g_strcmp0 (channel, "visit") != 0 &&
      g_strcmp0 (channel, "email") != 0 && g_strcmp0 (channel, "meeting") != 0)
    return invalid (error, _("Channel: choose phone, visit, e-mail or online meeting."));

  if (crm_upkeep_is_blank (content))
    return invalid (error, _("Content: say what was discussed."));
  if (g_utf8_strlen (content, -1) > MAX_CONTENT)
    return invalid (error, _("Content: keep it under 5000 characters."));

  if (g_strcmp0 (feedback, "clear-need") != 0 && g_strcmp0 (feedback, "pending") != 0 &&
      g_strcmp0 (feedback, "refused") != 0)
    return invalid (error, _("Customer feedback: choose clear need, to be confirmed or refused."));
  if (g_strcmp0 (feedback, "refused") == 0 && crm_upkeep_is_blank (crm_follow_up_get_refusal_reason (follow_up)))
    return invalid (error, _("Reason for refusal: say why the customer refused."));

  if (crm_follow_up_get_next_action_due (follow_up) != NULL)
    {
      due = crm_time_parse_utc (crm_follow_up_get_next_action_due (follow_up));
      if (due == NULL)
        return invalid (error, _("Next action due: enter a date such as 2026-03-08."));
      if (crm_upkeep_is_blank (crm_follow_up_get_next_action (follow_up)))
        return invalid (error, _("Next action: say what is to be done by the due date."));
      if (g_date_time_compare (due, happened) < 0)
        return invalid (error, _("Next action due: the date cannot be before the follow-up."));
    }

  return TRUE;
}

static void
bind_follow_up (sqlite3_stmt *stmt,
                CrmFollowUp  *f)
{
  const char *feedback = crm_follow_up_get_feedback (f);

  sqlite3_bind_int64 (stmt, 1, crm_follow_up_get_customer_id (f));
  crm_sql_bind_text_or_null (stmt, 2, crm_follow_up_get_happened_at (f));
  crm_sql_bind_text_or_null (stmt, 3, crm_follow_up_get_owner (f));
  crm_sql_bind_text_or_null (stmt, 4, crm_follow_up_get_channel (f));
  crm_sql_bind_text_or_null (stmt, 5, crm_follow_up_get_content (f));
  crm_sql_bind_text_or_null (stmt, 6, feedback != NULL ? feedback : "pending");
  /* A reason is kept only with a refusal. */
  crm_sql_bind_text_or_null (stmt, 7, g_strcmp0 (feedback, "refused") == 0
                               ? crm_follow_up_get_refusal_reason (f) : NULL);
  crm_sql_bind_text_or_null (stmt, 8, crm_follow_up_get_next_action (f));
  crm_sql_bind_text_or_null (stmt, 9, crm_follow_up_get_next_action_due (f));
}

/**
 * crm_follow_up_store_update_last_contact:
 * @db: a database, inside a transaction
 * @customer_id: a customer whose follow-ups changed
 * @removed_at: (nullable): the time of a follow-up removed or moved
 * @error: return location for an error
 *
 * The customer's last contact is its latest follow-up; with none left, a
 * last contact recorded otherwise (an import) stays unless it was the
 * follow-up removed. Re-plans the next follow-up too.
 *
 * Returns: %TRUE on success
 */
gboolean
crm_follow_up_store_update_last_contact (CrmDatabase  *db,
                                         gint64        customer_id,
                                         const char   *removed_at,
                                         GError      **error)
{
  sqlite3_stmt *stmt;

  stmt = crm_database_prepare (db,
                               "UPDATE customer SET last_contact_at = coalesce ("
                               "    (SELECT max (happened_at) FROM follow_up WHERE customer_id = ?1),"
                               "    CASE WHEN last_contact_at IS ?2 THEN NULL ELSE last_contact_at END)"
                               "  WHERE id = ?1 AND last_contact_at IS NOT coalesce ("
                               "    (SELECT max (happened_at) FROM follow_up WHERE customer_id = ?1),"
                               "    CASE WHEN last_contact_at IS ?2 THEN NULL ELSE last_contact_at END)",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, customer_id);
  crm_sql_bind_text_or_null (stmt, 2, removed_at);
  if (!crm_database_step_done (db, stmt, error))
    return FALSE;

  return crm_follow_up_replan (db, customer_id, error);
}

/**
 * crm_follow_up_store_update_last_contact_after:
 * @db: a database, inside a transaction
 * @after_id: a customer id
 * @error: return location for an error
 *
 * crm_follow_up_store_update_last_contact() with no follow-up removed,
 * for every customer whose id is above @after_id, in one statement, and
 * their re-planning in one pass (crm_follow_up_replan_after()): for
 * follow-ups added in bulk (the sample follow-ups of crm-demo-follow-ups.c).
 *
 * Returns: %TRUE on success
 */
gboolean
crm_follow_up_store_update_last_contact_after (CrmDatabase  *db,
                                               gint64        after_id,
                                               GError      **error)
{
  sqlite3_stmt *stmt;

  stmt = crm_database_prepare (db,
                               "UPDATE customer SET last_contact_at = coalesce ("
                               "    (SELECT max (happened_at) FROM follow_up WHERE customer_id = customer.id),"
                               "    last_contact_at)"
                               "  WHERE id > ?1 AND last_contact_at IS NOT coalesce ("
                               "    (SELECT max (happened_at) FROM follow_up WHERE customer_id = customer.id),"
                               "    last_contact_at)",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, after_id);
  if (!crm_database_step_done (db, stmt, error))
    return FALSE;

  return crm_follow_up_replan_after (db, after_id, error);
}

/* Inserts the row only: the caller updates the customer's last contact
 * and plan afterwards. Returns the new follow-up's id, or 0 with @error
 * set. */
static gint64
insert_row (CrmDatabase  *db,
            CrmFollowUp  *follow_up,
            GError      **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (crm_database_in_transaction (db), 0);

  stmt = crm_database_prepare (db,
                               "INSERT INTO follow_up (customer_id, happened_at, owner, channel,"
                               "  content, feedback, refusal_reason, next_action, next_action_due)"
                               "  VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                               error);
  if (stmt == NULL)
    return 0;
  bind_follow_up (stmt, follow_up);
  if (!crm_database_step_done (db, stmt, error))
    return 0;

  return sqlite3_last_insert_rowid (crm_database_get_handle (db));
}

/**
 * crm_follow_up_store_write:
 * @db: a database, inside a transaction
 * @follow_up: a checked follow-up; saved as new when its id is 0
 * @error: return location for an error
 *
 * Writes the follow-up, moves the customer's last contact and re-plans
 * its next follow-up, inside the caller's transaction, without checking
 * (see crm_follow_up_store_check()).
 *
 * Returns: the follow-up's id, or 0 with @error set
 */
gint64
crm_follow_up_store_write (CrmDatabase  *db,
                           CrmFollowUp  *follow_up,
                           GError      **error)
{
  gint64 id = crm_follow_up_get_id (follow_up);
  g_autofree char *old_at = NULL;
  gint64 old_customer = 0;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (crm_database_in_transaction (db), 0);

  if (id > 0)
    {
      stmt = crm_database_prepare (db, "SELECT customer_id, happened_at FROM follow_up WHERE id = ?",
                                   error);
      if (stmt == NULL)
        return 0;
      sqlite3_bind_int64 (stmt, 1, id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          old_customer = sqlite3_column_int64 (stmt, 0);
          old_at = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
        }
      sqlite3_reset (stmt);

      if (old_customer == 0)
        {
          g_set_error (error, CRM_FOLLOW_UP_ERROR, CRM_FOLLOW_UP_ERROR_NOT_FOUND,
                       _("The follow-up no longer exists."));
          return 0;
        }

      stmt = crm_database_prepare (db,
                                   "UPDATE follow_up SET customer_id = ?1, happened_at = ?2, owner = ?3,"
                                   "  channel = ?4, content = ?5, feedback = ?6, refusal_reason = ?7,"
                                   "  next_action = ?8, next_action_due = ?9 WHERE id = ?10",
                                   error);
      if (stmt == NULL)
        return 0;
      bind_follow_up (stmt, follow_up);
      sqlite3_bind_int64 (stmt, 10, id);
      if (!crm_database_step_done (db, stmt, error))
        return 0;
    }
  else
    {
      id = insert_row (db, follow_up, error);
      if (id == 0)
        return 0;
    }

  if (old_customer != 0 && old_customer != crm_follow_up_get_customer_id (follow_up) &&
      !crm_follow_up_store_update_last_contact (db, old_customer, old_at, error))
    return 0;
  if (!crm_follow_up_store_update_last_contact (db, crm_follow_up_get_customer_id (follow_up), old_at, error))
    return 0;

  return id;
}

typedef struct
{
  CrmFollowUp *follow_up;
  gint64       id;
} WriteData;

static gboolean
write_in_transaction (CrmDatabase  *db,
                      gpointer      user_data,
                      GError      **error)
{
  WriteData *data = user_data;

  data->id = crm_follow_up_store_write (db, data->follow_up, error);

  return data->id != 0;
}

static gboolean
customer_exists (CrmFollowUpStore  *self,
                 gint64             customer_id,
                 GError           **error)
{
  g_autoptr(CrmCustomer) customer = crm_customer_store_get (self->customers, customer_id, NULL);

  if (customer != NULL)
    return TRUE;

  g_set_error (error, CRM_FOLLOW_UP_ERROR, CRM_FOLLOW_UP_ERROR_NOT_FOUND,
               _("The customer no longer exists."));
  return FALSE;
}

/**
 * crm_follow_up_store_add:
 * @self: a #CrmFollowUpStore
 * @follow_up: the follow-up as entered; its id is set when saved
 * @error: return location for a #CrmFollowUpError
 *
 * Checks and saves the follow-up as one undoable action ("Log
 * follow-up"), which also moves the customer's last contact and next
 * follow-up.
 *
 * Returns: the new follow-up's id, or 0 with @error set
 */
gint64
crm_follow_up_store_add (CrmFollowUpStore  *self,
                         CrmFollowUp       *follow_up,
                         GError           **error)
{
  WriteData data = { follow_up, 0 };

  g_return_val_if_fail (CRM_IS_FOLLOW_UP_STORE (self), 0);
  g_return_val_if_fail (CRM_IS_FOLLOW_UP (follow_up), 0);

  crm_follow_up_set_id (follow_up, 0);
  if (!crm_follow_up_store_check (self, follow_up, error) ||
      !customer_exists (self, crm_follow_up_get_customer_id (follow_up), error))
    return 0;

  if (!crm_customer_store_record (self->customers, N_("Log follow-up"),
                                  write_in_transaction, &data, error))
    return 0;

  crm_follow_up_set_id (follow_up, data.id);

  return data.id;
}

/**
 * crm_follow_up_store_update:
 * @self: a #CrmFollowUpStore
 * @follow_up: the follow-up as edited, with its id
 * @error: return location for a #CrmFollowUpError
 *
 * Checks and saves the edit as one undoable action ("Edit follow-up").
 *
 * Returns: %TRUE when saved
 */
gboolean
crm_follow_up_store_update (CrmFollowUpStore  *self,
                            CrmFollowUp       *follow_up,
                            GError           **error)
{
  WriteData data = { follow_up, 0 };

  g_return_val_if_fail (CRM_IS_FOLLOW_UP_STORE (self), FALSE);
  g_return_val_if_fail (CRM_IS_FOLLOW_UP (follow_up), FALSE);
  g_return_val_if_fail (crm_follow_up_get_id (follow_up) > 0, FALSE);

  if (!crm_follow_up_store_check (self, follow_up, error))
    return FALSE;

  return crm_customer_store_record (self->customers, N_("Edit follow-up"),
                                    write_in_transaction, &data, error);
}

static gboolean
delete_in_transaction (CrmDatabase  *db,
                       gpointer      user_data,
                       GError      **error)
{
  gint64 id = *(gint64 *)user_data;
  g_autofree char *happened_at = NULL;
  gint64 customer_id = 0;
  sqlite3_stmt *stmt;

  stmt = crm_database_prepare (db, "SELECT customer_id, happened_at FROM follow_up WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      customer_id = sqlite3_column_int64 (stmt, 0);
      happened_at = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
    }
  sqlite3_reset (stmt);

  if (customer_id == 0)
    {
      g_set_error (error, CRM_FOLLOW_UP_ERROR, CRM_FOLLOW_UP_ERROR_NOT_FOUND,
                   _("The follow-up no longer exists."));
      return FALSE;
    }

  stmt = crm_database_prepare (db, "DELETE FROM follow_up WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!crm_database_step_done (db, stmt, error))
    return FALSE;

  return crm_follow_up_store_update_last_contact (db, customer_id, happened_at, error);
}

/**
 * crm_follow_up_store_delete:
 * @self: a #CrmFollowUpStore
 * @id: a follow-up
 * @error: return location for a #CrmFollowUpError
 *
 * Deletes the follow-up as one undoable action ("Delete follow-up").
 *
 * Returns: %TRUE when deleted
 */
gboolean
crm_follow_up_store_delete (CrmFollowUpStore  *self,
                            gint64             id,
                            GError           **error)
{
  g_return_val_if_fail (CRM_IS_FOLLOW_UP_STORE (self), FALSE);

  return crm_customer_store_record (self->customers, N_("Delete follow-up"),
                                    delete_in_transaction, &id, error);
}

/**
 * crm_follow_up_store_get:
 * @self: a #CrmFollowUpStore
 * @id: a follow-up
 * @error: return location for a #CrmFollowUpError
 *
 * Returns: (transfer full) (nullable): the follow-up as stored
 */
CrmFollowUp *
crm_follow_up_store_get (CrmFollowUpStore  *self,
                         gint64             id,
                         GError           **error)
{
  CrmDatabase *db;
  CrmFollowUp *f = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CRM_IS_FOLLOW_UP_STORE (self), NULL);

  db = crm_customer_store_get_database (self->customers);
  stmt = crm_database_prepare (db,
                               "SELECT id, customer_id, happened_at, owner, channel, content, feedback,"
                               "       refusal_reason, next_action, next_action_due"
                               "  FROM follow_up WHERE id = ?",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    f = g_object_new (CRM_TYPE_FOLLOW_UP,
                      "id", sqlite3_column_int64 (stmt, 0),
                      "customer-id", sqlite3_column_int64 (stmt, 1),
                      "happened-at", sqlite3_column_text (stmt, 2),
                      "owner", sqlite3_column_text (stmt, 3),
                      "channel", sqlite3_column_text (stmt, 4),
                      "content", sqlite3_column_text (stmt, 5),
                      "feedback", sqlite3_column_text (stmt, 6),
                      "refusal-reason", sqlite3_column_text (stmt, 7),
                      "next-action", sqlite3_column_text (stmt, 8),
                      "next-action-due", sqlite3_column_text (stmt, 9),
                      NULL);
  sqlite3_reset (stmt);

  if (f == NULL)
    g_set_error (error, CRM_FOLLOW_UP_ERROR, CRM_FOLLOW_UP_ERROR_NOT_FOUND,
                 _("The follow-up no longer exists."));

  return f;
}
