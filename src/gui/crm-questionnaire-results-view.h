/* crm-questionnaire-results-view.h — per-question results with charts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "crm-questionnaire-store.h"

G_BEGIN_DECLS

#define CRM_TYPE_QUESTIONNAIRE_RESULTS_VIEW (crm_questionnaire_results_view_get_type ())

G_DECLARE_FINAL_TYPE (CrmQuestionnaireResultsView, crm_questionnaire_results_view, CRM, QUESTIONNAIRE_RESULTS_VIEW, GtkWidget)

/* Signal "closed" (no arguments): the person went back. */

void crm_questionnaire_results_view_show (CrmQuestionnaireResultsView *self,
                                          CrmQuestionnaireStore       *store,
                                          gint64                       template_id);

G_END_DECLS
