/* crm-customer-list.h — a lazy, filtered, sorted list of customers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "crm-customer-store.h"

G_BEGIN_DECLS

/**
 * CrmCustomerSort:
 *
 * The columns a customer list can be sorted by. Names sort in pinyin
 * order; every sort ends on the name, then the id, so the order is total.
 */
typedef enum
{
  CRM_CUSTOMER_SORT_NAME,
  CRM_CUSTOMER_SORT_CODE,
  CRM_CUSTOMER_SORT_INDUSTRY,
  CRM_CUSTOMER_SORT_TIER,
  CRM_CUSTOMER_SORT_TYPE,
  CRM_CUSTOMER_SORT_OWNER,
  CRM_CUSTOMER_SORT_ANNUAL_SPEND,
  CRM_CUSTOMER_SORT_LAST_CONTACT,
} CrmCustomerSort;

#define CRM_TYPE_CUSTOMER_LIST (crm_customer_list_get_type ())

G_DECLARE_FINAL_TYPE (CrmCustomerList, crm_customer_list, CRM, CUSTOMER_LIST, GObject)

/*
 * A GListModel of CrmCustomer. It holds the ids of the matching customers
 * in order and loads the records a page at a time as they are asked for,
 * so 100 000 customers cost what one screen of rows costs. The records are
 * brief, with the fields a list shows (crm_customer_store_get_many_brief());
 * crm_customer_store_get() reads a whole one. After a change
 * it emits items-changed for exactly the rows that moved or changed.
 *
 * Properties (read-write, explicit notify): store (construct-only),
 * search-text, industry-id (gint64, 0 = any), tier (int, CrmTier, -1 =
 * any), customer-type (int, -1 = any), tag-id (gint64, 0 = any),
 * review-state (int, -1 = any), owner (string, NULL = any), sort
 * (CrmCustomerSort as int), sort-descending (boolean); n-items and
 * complete (read-only; see crm_customer_list_is_complete()).
 */

CrmCustomerList *crm_customer_list_new            (CrmCustomerStore *store);
CrmCustomerStore *crm_customer_list_get_store     (CrmCustomerList  *self);
void             crm_customer_list_set_search_text (CrmCustomerList *self,
                                                   const char       *text);
void             crm_customer_list_set_sort       (CrmCustomerList  *self,
                                                   CrmCustomerSort   sort,
                                                   gboolean          descending);
guint            crm_customer_list_find           (CrmCustomerList  *self,
                                                   gint64            customer_id);
gint64           crm_customer_list_get_id         (CrmCustomerList  *self,
                                                   guint             position);
gboolean         crm_customer_list_is_complete    (CrmCustomerList  *self);
void             crm_customer_list_set_search_limits (CrmCustomerList *self,
                                                   guint             first_screen,
                                                   gint64            scan_budget_us,
                                                   gint64            probe_budget_us);

G_END_DECLS
