/* crm-questionnaires-page.h — the Questionnaires page of the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "crm-questionnaire-store.h"

G_BEGIN_DECLS

#define CRM_TYPE_QUESTIONNAIRES_PAGE (crm_questionnaires_page_get_type ())

G_DECLARE_FINAL_TYPE (CrmQuestionnairesPage, crm_questionnaires_page, CRM, QUESTIONNAIRES_PAGE, GtkWidget)

void                   crm_questionnaires_page_set_store        (CrmQuestionnairesPage *self,
                                                                 CrmQuestionnaireStore *store);
CrmQuestionnaireStore *crm_questionnaires_page_get_store        (CrmQuestionnairesPage *self);
void                   crm_questionnaires_page_fill_for_customer (CrmQuestionnairesPage *self,
                                                                  gint64                 customer_id);

G_END_DECLS
