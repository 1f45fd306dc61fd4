/* crm-merge-dialog.h — choosing a duplicate to fold into a customer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "crm-customer-store.h"

G_BEGIN_DECLS

#define CRM_TYPE_MERGE_DIALOG (crm_merge_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CrmMergeDialog, crm_merge_dialog, CRM, MERGE_DIALOG, AdwWindow)

/*
 * Signal "merged" (const char *duplicate_name): the chosen duplicate was
 * merged into the survivor and removed, as one undoable action; the
 * dialog closes right after.
 */

CrmMergeDialog *crm_merge_dialog_new             (GtkWindow        *parent,
                                                  CrmCustomerStore *store,
                                                  gint64            survivor_id);
gint64          crm_merge_dialog_get_survivor_id (CrmMergeDialog   *self);

G_END_DECLS
