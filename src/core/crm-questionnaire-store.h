/* crm-questionnaire-store.h — questionnaire templates and responses in the database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "crm-customer-store.h"
#include "crm-questionnaire.h"
#include "crm-questionnaire-response.h"
#include "crm-submit-plan.h"

G_BEGIN_DECLS

/**
 * CrmQuestionnaireStoreError:
 * @CRM_QUESTIONNAIRE_STORE_ERROR_NOT_FOUND: no template or response has
 *   that id (any more).
 * @CRM_QUESTIONNAIRE_STORE_ERROR_SUBMITTED: the response was submitted
 *   already; its answers no longer change.
 * @CRM_QUESTIONNAIRE_STORE_ERROR_MISSING: required questions have no
 *   answer; the message names them.
 * @CRM_QUESTIONNAIRE_STORE_ERROR_INVALID: the template or an answer does
 *   not fit (an unknown question, a rating outside 1–5, a bad number or
 *   date); the message says which and why.
 */
typedef enum
{
  CRM_QUESTIONNAIRE_STORE_ERROR_NOT_FOUND,
  CRM_QUESTIONNAIRE_STORE_ERROR_SUBMITTED,
  CRM_QUESTIONNAIRE_STORE_ERROR_MISSING,
  CRM_QUESTIONNAIRE_STORE_ERROR_INVALID,
} CrmQuestionnaireStoreError;

#define CRM_QUESTIONNAIRE_STORE_ERROR (crm_questionnaire_store_error_quark ())

#define CRM_TYPE_QUESTIONNAIRE_STORE (crm_questionnaire_store_get_type ())

G_DECLARE_FINAL_TYPE (CrmQuestionnaireStore, crm_questionnaire_store, CRM, QUESTIONNAIRE_STORE, GObject)

/*
 * Signal "changed" (no arguments): templates or responses changed (also
 * after an undo), so views reload. Answers saved while filling in do not
 * emit it; the filling view knows what it wrote.
 */

GQuark                 crm_questionnaire_store_error_quark  (void);
CrmQuestionnaireStore *crm_questionnaire_store_new          (CrmCustomerStore       *customers);
CrmCustomerStore      *crm_questionnaire_store_get_customer_store (CrmQuestionnaireStore *self);
CrmDatabase           *crm_questionnaire_store_get_database (CrmQuestionnaireStore  *self);

GListModel            *crm_questionnaire_store_list_templates (CrmQuestionnaireStore *self);
CrmQuestionnaire      *crm_questionnaire_store_get_template (CrmQuestionnaireStore  *self,
                                                             gint64                  id,
                                                             GError                **error);
gint64                 crm_questionnaire_store_get_builtin_id (CrmQuestionnaireStore *self);
gboolean               crm_questionnaire_store_template_in_use (CrmQuestionnaireStore *self,
                                                                gint64                 id);
gint64                 crm_questionnaire_store_save_template (CrmQuestionnaireStore  *self,
                                                              CrmQuestionnaire       *questionnaire,
                                                              GError                **error);
gint64                 crm_questionnaire_store_import_template (CrmQuestionnaireStore *self,
                                                                const char            *path,
                                                                GError               **error);

gint64                 crm_questionnaire_store_start        (CrmQuestionnaireStore  *self,
                                                             gint64                  template_id,
                                                             gint64                  customer_id,
                                                             const char             *prospect_name,
                                                             GError                **error);
gint64                 crm_questionnaire_store_find_draft   (CrmQuestionnaireStore  *self,
                                                             gint64                  customer_id);
GListModel            *crm_questionnaire_store_list_drafts  (CrmQuestionnaireStore  *self);
CrmQuestionnaireResponse *crm_questionnaire_store_get_response (CrmQuestionnaireStore *self,
                                                                gint64                 id,
                                                                GError               **error);
gboolean               crm_questionnaire_store_check_answer (CrmQuestionnaire       *questionnaire,
                                                             const char             *question_id,
                                                             const CrmAnswer        *answer,
                                                             GError                **error);
gboolean               crm_questionnaire_store_set_answer   (CrmQuestionnaireStore  *self,
                                                             gint64                  response_id,
                                                             const char             *question_id,
                                                             const CrmAnswer        *answer,
                                                             GError                **error);
gboolean               crm_questionnaire_store_set_current_module (CrmQuestionnaireStore *self,
                                                                   gint64                 response_id,
                                                                   const char            *module_id,
                                                                   GError               **error);
gboolean               crm_questionnaire_store_discard      (CrmQuestionnaireStore  *self,
                                                             gint64                  response_id,
                                                             GError                **error);
CrmSubmitPlan         *crm_questionnaire_store_plan         (CrmQuestionnaireStore  *self,
                                                             gint64                  response_id,
                                                             GError                **error);
gint64                 crm_questionnaire_store_submit       (CrmQuestionnaireStore  *self,
                                                             gint64                  response_id,
                                                             GError                **error);

G_END_DECLS
