/* crm-timeline.c — a customer's timeline, newest first, read lazily
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The timeline is the timeline_entry view (see crm-schema.c), one UNION
 * ALL arm per kind of event, filtered on the customer and read a page at
 * a time by CrmPagedList. A new kind of event is a new arm of the view;
 * nothing here changes.
 */

#define G_LOG_DOMAIN "crm-timeline"

#include "crm-timeline.h"

static gpointer
entry_from_row (sqlite3_stmt *stmt)
{
  return g_object_new (CRM_TYPE_TIMELINE_ENTRY,
                       "kind", sqlite3_column_text (stmt, 0),
                       "row-id", sqlite3_column_int64 (stmt, 1),
                       "customer-id", sqlite3_column_int64 (stmt, 2),
                       "at", sqlite3_column_text (stmt, 3),
                       "actor", sqlite3_column_text (stmt, 4),
                       "title", sqlite3_column_text (stmt, 5),
                       "body", sqlite3_column_text (stmt, 6),
                       "detail", sqlite3_column_text (stmt, 7),
                       "extra", sqlite3_column_text (stmt, 8),
                       NULL);
}

/**
 * crm_timeline_new:
 * @store: the customer store
 * @customer_id: the customer, or 0 for none yet (set the list's "key")
 *
 * Returns: (transfer full): a list of #CrmTimelineEntry, newest first
 */
CrmPagedList *
crm_timeline_new (CrmCustomerStore *store,
                  gint64            customer_id)
{
  CrmPagedList *list;

  list = crm_paged_list_new (store, CRM_TYPE_TIMELINE_ENTRY,
                             "SELECT count(*) FROM timeline_entry WHERE customer_id = ?1",
                             "SELECT kind, row_id, customer_id, at, actor, title, body, detail, extra"
                             "  FROM timeline_entry WHERE customer_id = ?1"
                             "  ORDER BY at DESC, row_id DESC LIMIT ?3 OFFSET ?4",
                             entry_from_row);
  crm_paged_list_set_key (list, customer_id);

  return list;
}
