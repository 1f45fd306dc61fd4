/* crm-requirement-close-dialog.h — asking how a requirement was closed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "crm-requirement.h"

G_BEGIN_DECLS

#define CRM_TYPE_REQUIREMENT_CLOSE_DIALOG (crm_requirement_close_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CrmRequirementCloseDialog, crm_requirement_close_dialog,
                      CRM, REQUIREMENT_CLOSE_DIALOG, AdwMessageDialog)

/*
 * Moving a card to Done asks for the resolution and the customer's
 * satisfaction (1–5, may be skipped); moving it to Rejected asks for the
 * reason. Responses: "cancel" and "close" (enabled once the text is not
 * blank).
 */

GtkWidget *crm_requirement_close_dialog_new              (GtkWindow                 *parent,
                                                          CrmRequirement            *requirement,
                                                          CrmRequirementStatus       status);
CrmRequirementStatus crm_requirement_close_dialog_get_status (CrmRequirementCloseDialog *self);
char      *crm_requirement_close_dialog_dup_resolution   (CrmRequirementCloseDialog *self);
void       crm_requirement_close_dialog_set_resolution   (CrmRequirementCloseDialog *self,
                                                          const char                *resolution);
int        crm_requirement_close_dialog_get_satisfaction (CrmRequirementCloseDialog *self);
void       crm_requirement_close_dialog_set_satisfaction (CrmRequirementCloseDialog *self,
                                                          int                        satisfaction);

G_END_DECLS
