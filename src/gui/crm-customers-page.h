/* crm-customers-page.h — the list of customers beside one customer's detail
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "crm-customer-store.h"

G_BEGIN_DECLS

#define CRM_TYPE_CUSTOMERS_PAGE (crm_customers_page_get_type ())

G_DECLARE_FINAL_TYPE (CrmCustomersPage, crm_customers_page, CRM, CUSTOMERS_PAGE, AdwBin)

GtkWidget        *crm_customers_page_new                (void);
CrmCustomerStore *crm_customers_page_get_store          (CrmCustomersPage *self);
void              crm_customers_page_set_store          (CrmCustomersPage *self,
                                                         CrmCustomerStore *store);
gint64            crm_customers_page_get_selected_id    (CrmCustomersPage *self);
gboolean          crm_customers_page_select_customer    (CrmCustomersPage *self,
                                                         gint64            customer_id);

G_END_DECLS
