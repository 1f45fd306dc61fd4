/* crm-template-item-dialog.h — editing one module or question of a template
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "crm-questionnaire.h"

G_BEGIN_DECLS

/**
 * CrmTemplateItemApplied:
 * @user_data: closure data
 *
 * Called after the dialog changed the item in place.
 */
typedef void (*CrmTemplateItemApplied) (gpointer user_data);

GtkWidget *crm_template_item_dialog_new (GtkWindow              *parent,
                                         CrmQuestionnaire       *questionnaire,
                                         CrmQuestionModule      *module,
                                         CrmQuestion            *question,
                                         CrmTemplateItemApplied  applied,
                                         gpointer                user_data);

G_END_DECLS
