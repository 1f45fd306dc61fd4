/* crm-questionnaire-results.h — what the answers to a questionnaire add up to
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "crm-questionnaire-store.h"

G_BEGIN_DECLS

/*
 * The results of one question over the submitted responses: for a
 * choice, how many chose each option (@counts, in the order of
 * @labels) and how many gave an "other" answer; for a rating or a
 * number, the average of the @n_answered values.
 */
typedef struct
{
  CrmQuestion *question;
  guint        n_answered;
  GPtrArray   *labels;
  GArray      *counts;
  guint        n_other;
  double       sum;
} CrmQuestionResult;

double crm_question_result_get_share   (const CrmQuestionResult *result,
                                        guint                    option);
double crm_question_result_get_average (const CrmQuestionResult *result);

#define CRM_TYPE_QUESTIONNAIRE_RESULTS (crm_questionnaire_results_get_type ())

G_DECLARE_FINAL_TYPE (CrmQuestionnaireResults, crm_questionnaire_results, CRM, QUESTIONNAIRE_RESULTS, GObject)

CrmQuestionnaireResults *crm_questionnaire_results_compute (CrmQuestionnaireStore  *store,
                                                            gint64                  template_id,
                                                            gint64                  industry_id,
                                                            CrmTier                 tier,
                                                            GError                **error);
CrmQuestionnaire *crm_questionnaire_results_get_questionnaire (CrmQuestionnaireResults *self);
guint             crm_questionnaire_results_get_n_responses   (CrmQuestionnaireResults *self);
guint             crm_questionnaire_results_get_n_drafts      (CrmQuestionnaireResults *self);
guint             crm_questionnaire_results_get_n_customers   (CrmQuestionnaireResults *self);
guint             crm_questionnaire_results_get_n_responded   (CrmQuestionnaireResults *self);
double            crm_questionnaire_results_get_response_rate (CrmQuestionnaireResults *self);
GPtrArray        *crm_questionnaire_results_get_questions     (CrmQuestionnaireResults *self);

gboolean          crm_questionnaire_results_export_csv        (CrmQuestionnaireStore   *store,
                                                               gint64                   template_id,
                                                               const char              *path,
                                                               gboolean                 overwrite,
                                                               guint                   *n_responses,
                                                               GError                 **error);

G_END_DECLS
