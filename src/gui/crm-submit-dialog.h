/* crm-submit-dialog.h — what submitting a questionnaire will change, to confirm
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "crm-submit-plan.h"

G_BEGIN_DECLS

GtkWidget *crm_submit_dialog_new (GtkWindow     *parent,
                                  CrmSubmitPlan *plan);

G_END_DECLS
