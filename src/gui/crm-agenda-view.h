/* crm-agenda-view.h — the customers due for a follow-up, by owner
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "crm-customer-store.h"

G_BEGIN_DECLS

#define CRM_TYPE_AGENDA_VIEW (crm_agenda_view_get_type ())

G_DECLARE_FINAL_TYPE (CrmAgendaView, crm_agenda_view, CRM, AGENDA_VIEW, AdwBin)

/*
 * Signal "customer-activated" (gint64 customer_id): a row was clicked;
 * the page shows that customer's detail.
 */

GtkWidget  *crm_agenda_view_new         (void);
void        crm_agenda_view_set_store   (CrmAgendaView    *self,
                                         CrmCustomerStore *store);
GListModel *crm_agenda_view_get_model   (CrmAgendaView    *self);
void        crm_agenda_view_refresh     (CrmAgendaView    *self);

G_END_DECLS
