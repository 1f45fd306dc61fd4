/* crm-agenda.c — the customers due for a follow-up, by owner
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Every customer whose next follow-up (customer.next_due_at, see
 * crm-follow-up-plan.c) falls before a time, overdue ones included,
 * ordered by owner and then by due time: the index customer_agenda gives
 * exactly that order, so the first screen costs a screen of rows.
 */

#define G_LOG_DOMAIN "crm-agenda"

#include "crm-agenda.h"
#include "crm-cadence.h"

static gpointer
item_from_row (sqlite3_stmt *stmt)
{
  return g_object_new (CRM_TYPE_AGENDA_ITEM,
                       "customer-id", sqlite3_column_int64 (stmt, 0),
                       "customer-name", sqlite3_column_text (stmt, 1),
                       "owner", sqlite3_column_text (stmt, 2),
                       "tier", sqlite3_column_text (stmt, 3),
                       "due-at", sqlite3_column_text (stmt, 4),
                       "next-action", sqlite3_column_text (stmt, 5),
                       "last-contact-at", sqlite3_column_text (stmt, 6),
                       "key-reason", sqlite3_column_text (stmt, 7),
                       NULL);
}

/**
 * crm_agenda_new:
 * @store: the customer store
 *
 * Returns: (transfer full): an empty list of #CrmAgendaItem; fill it
 *   with crm_agenda_set_until()
 */
CrmPagedList *
crm_agenda_new (CrmCustomerStore *store)
{
  return crm_paged_list_new (store, CRM_TYPE_AGENDA_ITEM,
                             "SELECT count(*) FROM customer"
                             "  WHERE next_due_at IS NOT NULL AND next_due_at < ?2",
                             "SELECT c.id, c.name, c.owner, c.tier, c.next_due_at, c.next_action,"
                             "       c.last_contact_at,"
                             "       (SELECT k.reason FROM key_follow_up k"
                             "        WHERE k.customer_id = c.id AND k.cleared_at IS NULL)"
                             "  FROM customer c INDEXED BY customer_agenda"
                             "  WHERE c.next_due_at IS NOT NULL AND c.next_due_at < ?2"
                             "  ORDER BY c.owner, c.next_due_at, c.id LIMIT ?3 OFFSET ?4",
                             item_from_row);
}

/**
 * crm_agenda_set_until:
 * @agenda: a list from crm_agenda_new()
 * @until: the list holds customers due before this time
 */
void
crm_agenda_set_until (CrmPagedList *agenda,
                      GDateTime    *until)
{
  g_autofree char *text = NULL;

  g_return_if_fail (CRM_IS_PAGED_LIST (agenda));
  g_return_if_fail (until != NULL);

  text = crm_time_format_utc (until);
  crm_paged_list_set_text (agenda, text);
}
