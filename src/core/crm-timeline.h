/* crm-timeline.h — a customer's timeline, newest first, read lazily
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "crm-paged-list.h"
#include "crm-timeline-entry.h"

G_BEGIN_DECLS

CrmPagedList *crm_timeline_new (CrmCustomerStore *store,
                                gint64            customer_id);

G_END_DECLS
