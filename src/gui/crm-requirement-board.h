/* crm-requirement-board.h — the kanban board of requirements
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "crm-customer-store.h"
#include "crm-requirement-close-dialog.h"
#include "crm-requirement-merge-dialog.h"
#include "crm-requirement-store.h"

G_BEGIN_DECLS

#define CRM_TYPE_REQUIREMENT_BOARD (crm_requirement_board_get_type ())

G_DECLARE_FINAL_TYPE (CrmRequirementBoard, crm_requirement_board, CRM, REQUIREMENT_BOARD, AdwBin)

GtkWidget           *crm_requirement_board_new           (void);
CrmRequirementStore *crm_requirement_board_get_store     (CrmRequirementBoard  *self);
void                 crm_requirement_board_set_stores    (CrmRequirementBoard  *self,
                                                          CrmRequirementStore  *store,
                                                          CrmCustomerStore     *customer_store);
void                 crm_requirement_board_request_move  (CrmRequirementBoard  *self,
                                                          CrmRequirement       *requirement,
                                                          CrmRequirementStatus  status,
                                                          gint64                before_id);
CrmRequirementCloseDialog *crm_requirement_board_get_close_dialog (CrmRequirementBoard *self);
void                 crm_requirement_board_request_merge (CrmRequirementBoard  *self,
                                                          CrmRequirement       *requirement);
CrmRequirementMergeDialog *crm_requirement_board_get_merge_dialog (CrmRequirementBoard *self);
guint                crm_requirement_board_get_count     (CrmRequirementBoard  *self,
                                                          CrmRequirementStatus  status);
gboolean             crm_requirement_board_get_narrow    (CrmRequirementBoard  *self);
gboolean             crm_requirement_board_get_wip_exceeded (CrmRequirementBoard *self,
                                                          CrmRequirementStatus  status);
void                 crm_requirement_board_set_search_text (CrmRequirementBoard *self,
                                                          const char           *text);

G_END_DECLS
