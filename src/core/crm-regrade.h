/* crm-regrade.h — the quarterly re-grade of customer tiers (季度复评)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "crm-customer-store.h"
#include "crm-regrade-proposal.h"

G_BEGIN_DECLS

GListModel *crm_regrade_propose        (CrmDatabase       *db,
                                        const char        *quarter,
                                        GError           **error);
gboolean    crm_regrade_apply          (CrmCustomerStore  *store,
                                        GListModel        *proposals,
                                        const char        *quarter,
                                        const char        *reason,
                                        guint             *n_applied,
                                        GError           **error);
gboolean    crm_regrade_write          (CrmDatabase       *db,
                                        GListModel        *proposals,
                                        const char        *quarter,
                                        const char        *reason,
                                        guint             *n_applied,
                                        GError           **error);

G_END_DECLS
