/* crm-template-editor.h — editing a questionnaire template
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "crm-questionnaire-store.h"

G_BEGIN_DECLS

#define CRM_TYPE_TEMPLATE_EDITOR (crm_template_editor_get_type ())

G_DECLARE_FINAL_TYPE (CrmTemplateEditor, crm_template_editor, CRM, TEMPLATE_EDITOR, GtkWidget)

/* Signal "closed" (no arguments): the person went back. */

void crm_template_editor_edit (CrmTemplateEditor     *self,
                               CrmQuestionnaireStore *store,
                               CrmQuestionnaire      *questionnaire);

G_END_DECLS
