/* crm-follow-up-dialog.h — the form that logs or edits a follow-up
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "crm-follow-up-store.h"

G_BEGIN_DECLS

#define CRM_TYPE_FOLLOW_UP_DIALOG (crm_follow_up_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CrmFollowUpDialog, crm_follow_up_dialog, CRM, FOLLOW_UP_DIALOG, AdwWindow)

/*
 * Signal "saved" (gint64 customer_id): the follow-up was saved (or
 * deleted) as one undoable action; the dialog closes itself after it.
 */

CrmFollowUpDialog *crm_follow_up_dialog_new (GtkWindow        *parent,
                                             CrmFollowUpStore *store,
                                             CrmFollowUp      *follow_up);

G_END_DECLS
