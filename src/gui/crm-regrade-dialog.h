/* crm-regrade-dialog.h — the quarterly re-grade, confirmed by the manager
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "crm-customer-store.h"

G_BEGIN_DECLS

#define CRM_TYPE_REGRADE_DIALOG (crm_regrade_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CrmRegradeDialog, crm_regrade_dialog, CRM, REGRADE_DIALOG, AdwWindow)

CrmRegradeDialog *crm_regrade_dialog_new           (GtkWindow        *parent,
                                                    CrmCustomerStore *store);
GListModel       *crm_regrade_dialog_get_proposals (CrmRegradeDialog *self);
void              crm_regrade_dialog_propose       (CrmRegradeDialog *self,
                                                    const char       *quarter);

G_END_DECLS
