/* crm-requirement-editor.h — a window to add or edit a requirement
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "crm-customer-store.h"
#include "crm-requirement-store.h"

G_BEGIN_DECLS

#define CRM_TYPE_REQUIREMENT_EDITOR (crm_requirement_editor_get_type ())

G_DECLARE_FINAL_TYPE (CrmRequirementEditor, crm_requirement_editor, CRM, REQUIREMENT_EDITOR, AdwWindow)

GtkWidget *crm_requirement_editor_new   (GtkWindow            *parent,
                                         CrmRequirementStore  *store,
                                         CrmCustomerStore     *customer_store,
                                         CrmRequirement       *requirement,
                                         gint64                customer_id);
gboolean   crm_requirement_editor_save  (CrmRequirementEditor *self);
CrmRequirement *crm_requirement_editor_get_requirement (CrmRequirementEditor *self);

G_END_DECLS
