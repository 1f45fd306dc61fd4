/* crm-questionnaire-response.h — one filled-in questionnaire (问卷答卷)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "crm-customer.h"

G_BEGIN_DECLS

/*
 * One answer: the chosen option ids, or the one typed value (text, a
 * number, a rating "1"–"5", an ISO date); @other is the typed "other"
 * fill-in of a multiple-choice question.
 */
typedef struct
{
  GStrv  values;
  char  *other;
} CrmAnswer;

CrmAnswer *crm_answer_new          (const char * const *values,
                                    const char         *other);
void       crm_answer_free         (CrmAnswer          *answer);
gboolean   crm_answer_is_empty     (const CrmAnswer    *answer);
char      *crm_answer_values_to_json (const char * const *values);
GStrv      crm_answer_values_from_json (const char       *json);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmAnswer, crm_answer_free)

/**
 * CrmResponseState:
 * @CRM_RESPONSE_DRAFT: being filled in; every answer is already saved.
 * @CRM_RESPONSE_SUBMITTED: submitted; its answers changed the customer.
 */
typedef enum
{
  CRM_RESPONSE_DRAFT,
  CRM_RESPONSE_SUBMITTED,
} CrmResponseState;

#define CRM_TYPE_QUESTIONNAIRE_RESPONSE (crm_questionnaire_response_get_type ())

G_DECLARE_FINAL_TYPE (CrmQuestionnaireResponse, crm_questionnaire_response, CRM, QUESTIONNAIRE_RESPONSE, GObject)

/*
 * A snapshot of a response row and its answers. Properties (read-only
 * after construction): id, template-id, customer-id (0 for a prospect),
 * prospect-name, customer-name (the customer's or the prospect's),
 * state, current-module (the module the person was on), updated-at.
 */

CrmQuestionnaireResponse *crm_questionnaire_response_new (gint64            id,
                                                          gint64            template_id,
                                                          gint64            customer_id,
                                                          const char       *prospect_name,
                                                          const char       *customer_name,
                                                          CrmResponseState  state,
                                                          const char       *current_module,
                                                          const char       *updated_at);
gint64            crm_questionnaire_response_get_id             (CrmQuestionnaireResponse *self);
gint64            crm_questionnaire_response_get_template_id    (CrmQuestionnaireResponse *self);
gint64            crm_questionnaire_response_get_customer_id    (CrmQuestionnaireResponse *self);
const char       *crm_questionnaire_response_get_prospect_name  (CrmQuestionnaireResponse *self);
const char       *crm_questionnaire_response_get_customer_name  (CrmQuestionnaireResponse *self);
CrmResponseState  crm_questionnaire_response_get_state          (CrmQuestionnaireResponse *self);
const char       *crm_questionnaire_response_get_current_module (CrmQuestionnaireResponse *self);
const char       *crm_questionnaire_response_get_updated_at     (CrmQuestionnaireResponse *self);
GHashTable       *crm_questionnaire_response_get_answers        (CrmQuestionnaireResponse *self);
const CrmAnswer  *crm_questionnaire_response_get_answer         (CrmQuestionnaireResponse *self,
                                                                 const char               *question_id);
void              crm_questionnaire_response_take_answer        (CrmQuestionnaireResponse *self,
                                                                 const char               *question_id,
                                                                 CrmAnswer                *answer);
GHashTable       *crm_questionnaire_response_dup_values         (CrmQuestionnaireResponse *self);
GHashTable       *crm_questionnaire_customer_fields             (CrmCustomer              *customer);

G_END_DECLS
