/* crm-agenda.h — the customers due for a follow-up, by owner
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "crm-agenda-item.h"
#include "crm-paged-list.h"

G_BEGIN_DECLS

CrmPagedList *crm_agenda_new       (CrmCustomerStore *store);
void          crm_agenda_set_until (CrmPagedList     *agenda,
                                    GDateTime        *until);

G_END_DECLS
