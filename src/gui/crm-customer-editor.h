/* crm-customer-editor.h — the window that adds or edits one customer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "crm-customer-store.h"

G_BEGIN_DECLS

#define CRM_TYPE_CUSTOMER_EDITOR (crm_customer_editor_get_type ())

G_DECLARE_FINAL_TYPE (CrmCustomerEditor, crm_customer_editor, CRM, CUSTOMER_EDITOR, AdwWindow)

/*
 * Properties: store (CrmCustomerStore, construct-only), customer-id
 * (gint64, 0 until a new customer is saved), dirty (gboolean, read-only:
 * the form differs from the record as loaded).
 *
 * Signal "saved" (gint64 customer_id): the customer was saved; the editor
 * closes right after.
 *
 * Unsaved input is kept in the database as a draft (crm-drafts.h) under
 * "customer:new" (or "customer:new-N" while several new customers are
 * edited) or "customer:<id>", so a crash loses nothing.
 */

GtkWidget *crm_customer_editor_new             (GtkWindow         *parent,
                                                CrmCustomerStore  *store,
                                                gint64             customer_id);
void       crm_customer_editor_restore_drafts  (GtkWindow         *parent,
                                                CrmCustomerStore  *store);
gint64     crm_customer_editor_get_customer_id (CrmCustomerEditor *self);
gboolean   crm_customer_editor_get_dirty       (CrmCustomerEditor *self);

G_END_DECLS
