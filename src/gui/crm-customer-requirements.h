/* crm-customer-requirements.h — a customer's requirements, in its detail
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CRM_TYPE_CUSTOMER_REQUIREMENTS (crm_customer_requirements_get_type ())

G_DECLARE_FINAL_TYPE (CrmCustomerRequirements, crm_customer_requirements,
                      CRM, CUSTOMER_REQUIREMENTS, AdwBin)

/*
 * The requirements a customer belongs to (any of their customers), with
 * their status and quadrant, and a button to add one; activating a row
 * opens the requirement editor. It finds the stores through the window it
 * is in (crm_window_get_requirement_store()), so the customer detail only
 * binds its "customer-id" property (gint64, read-write) to this one's.
 */

GtkWidget *crm_customer_requirements_new             (void);
gint64     crm_customer_requirements_get_customer_id (CrmCustomerRequirements *self);
void       crm_customer_requirements_set_customer_id (CrmCustomerRequirements *self,
                                                      gint64                   customer_id);
guint      crm_customer_requirements_get_n_shown     (CrmCustomerRequirements *self);

G_END_DECLS
