/* crm-priorities-page.h — the priorities page: matrices and the ranked list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "crm-priority-matrix.h"
#include "crm-requirement-store.h"

G_BEGIN_DECLS

#define CRM_TYPE_PRIORITIES_PAGE (crm_priorities_page_get_type ())

G_DECLARE_FINAL_TYPE (CrmPrioritiesPage, crm_priorities_page, CRM, PRIORITIES_PAGE, AdwBin)

GtkWidget         *crm_priorities_page_new        (void);
void               crm_priorities_page_set_store  (CrmPrioritiesPage   *self,
                                                   CrmRequirementStore *store);
CrmPriorityMatrix *crm_priorities_page_get_matrix (CrmPrioritiesPage   *self);
CrmPriorityModel  *crm_priorities_page_get_model  (CrmPrioritiesPage   *self);
void               crm_priorities_page_set_view   (CrmPrioritiesPage   *self,
                                                   CrmPriorityView      view);

G_END_DECLS
