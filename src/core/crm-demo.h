/* crm-demo.h — deterministic, realistic sample customers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "crm-customer-store.h"

G_BEGIN_DECLS

/* How many customers `rapport demo` adds when not told. */
#define CRM_DEMO_DEFAULT_CUSTOMERS 200

/* Up to this many, crm_demo_generate() is one undoable action; larger
 * runs skip the undo journal (see crm-demo.c for the measurements). */
#define CRM_DEMO_UNDO_LIMIT 10000

/**
 * CrmDemoSummary:
 * @n_customers: customers added
 * @n_contacts: their contacts
 * @n_cooperations: their cooperation records
 * @n_approved: customers approved, with a customer code
 *
 * What crm_demo_generate() added.
 */
typedef struct
{
  guint n_customers;
  guint n_contacts;
  guint n_cooperations;
  guint n_approved;
} CrmDemoSummary;

gboolean crm_demo_generate (CrmCustomerStore  *store,
                            guint              n_customers,
                            CrmDemoSummary    *summary,
                            GError           **error);

G_END_DECLS
