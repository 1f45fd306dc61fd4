/* crm-requirement-merge-dialog.h — choosing the requirement a duplicate merges into
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "crm-requirement-store.h"

G_BEGIN_DECLS

#define CRM_TYPE_REQUIREMENT_MERGE_DIALOG (crm_requirement_merge_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CrmRequirementMergeDialog, crm_requirement_merge_dialog,
                      CRM, REQUIREMENT_MERGE_DIALOG, AdwMessageDialog)

/*
 * Lists the other requirements (searchable, lazily) so the user picks the
 * one @duplicate is merged into. Responses: "cancel" and "merge" (enabled
 * once one is chosen). The board does the merge.
 */

GtkWidget *crm_requirement_merge_dialog_new          (GtkWindow                 *parent,
                                                      CrmRequirementStore       *store,
                                                      CrmRequirement            *duplicate);
gint64     crm_requirement_merge_dialog_get_duplicate_id (CrmRequirementMergeDialog *self);
gint64     crm_requirement_merge_dialog_get_survivor_id  (CrmRequirementMergeDialog *self);
void       crm_requirement_merge_dialog_set_search_text  (CrmRequirementMergeDialog *self,
                                                          const char                *text);
gboolean   crm_requirement_merge_dialog_select           (CrmRequirementMergeDialog *self,
                                                          gint64                     survivor_id);

G_END_DECLS
