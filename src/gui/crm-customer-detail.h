/* crm-customer-detail.h — everything known about one customer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "crm-customer-store.h"

G_BEGIN_DECLS

#define CRM_TYPE_CUSTOMER_DETAIL (crm_customer_detail_get_type ())

G_DECLARE_FINAL_TYPE (CrmCustomerDetail, crm_customer_detail, CRM, CUSTOMER_DETAIL, AdwBin)

GtkWidget        *crm_customer_detail_new                  (void);
CrmCustomerStore *crm_customer_detail_get_store            (CrmCustomerDetail *self);
void              crm_customer_detail_set_store            (CrmCustomerDetail *self,
                                                            CrmCustomerStore  *store);
gint64            crm_customer_detail_get_customer_id      (CrmCustomerDetail *self);
void              crm_customer_detail_set_customer_id      (CrmCustomerDetail *self,
                                                            gint64             customer_id);
CrmCustomer      *crm_customer_detail_get_customer         (CrmCustomerDetail *self);
gboolean          crm_customer_detail_get_show_back_button (CrmCustomerDetail *self);
void              crm_customer_detail_set_show_back_button (CrmCustomerDetail *self,
                                                            gboolean           show_back_button);

G_END_DECLS
