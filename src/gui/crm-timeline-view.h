/* crm-timeline-view.h — a customer's timeline in its detail
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "crm-customer-store.h"

G_BEGIN_DECLS

#define CRM_TYPE_TIMELINE_VIEW (crm_timeline_view_get_type ())

G_DECLARE_FINAL_TYPE (CrmTimelineView, crm_timeline_view, CRM, TIMELINE_VIEW, AdwBin)

GtkWidget  *crm_timeline_view_new             (void);
void        crm_timeline_view_set_store       (CrmTimelineView  *self,
                                               CrmCustomerStore *store);
void        crm_timeline_view_set_customer_id (CrmTimelineView  *self,
                                               gint64            customer_id);
gint64      crm_timeline_view_get_customer_id (CrmTimelineView  *self);
GListModel *crm_timeline_view_get_model       (CrmTimelineView  *self);

G_END_DECLS
