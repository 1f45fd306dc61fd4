/* crm-demo-follow-ups.h — deterministic sample follow-ups
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "crm-customer-store.h"

G_BEGIN_DECLS

/* How many follow-ups `rapport demo` gives each new customer when not told. */
#define CRM_DEMO_DEFAULT_FOLLOW_UPS 3

gboolean crm_demo_follow_ups_generate (CrmCustomerStore  *store,
                                       guint              n_customers,
                                       guint              per_customer,
                                       guint             *n_added,
                                       GError           **error);

G_END_DECLS
