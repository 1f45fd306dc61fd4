/* crm-questionnaire-fill.h — filling in a questionnaire, one module at a time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "crm-questionnaire-store.h"

G_BEGIN_DECLS

#define CRM_TYPE_QUESTIONNAIRE_FILL (crm_questionnaire_fill_get_type ())

G_DECLARE_FINAL_TYPE (CrmQuestionnaireFill, crm_questionnaire_fill, CRM, QUESTIONNAIRE_FILL, GtkWidget)

/*
 * Signal "closed" (no arguments): the person left the questionnaire
 * (its answers are saved) or submitted it.
 */

gboolean crm_questionnaire_fill_open        (CrmQuestionnaireFill  *self,
                                             CrmQuestionnaireStore *store,
                                             gint64                 response_id,
                                             GError               **error);
gint64   crm_questionnaire_fill_get_response_id (CrmQuestionnaireFill *self);

G_END_DECLS
