/* crm-submit-plan.h — what submitting a questionnaire will change
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "crm-customer.h"
#include "crm-questionnaire.h"
#include "crm-questionnaire-response.h"

G_BEGIN_DECLS

/**
 * CrmPlanChangeKind:
 * @CRM_PLAN_CHANGE_FIELD: a customer field gets a new value.
 * @CRM_PLAN_CHANGE_CONTACT: a contact is added or one of its fields changes.
 * @CRM_PLAN_CHANGE_TAG: the customer gets a tag.
 * @CRM_PLAN_CHANGE_REQUIREMENT: a draft requirement (source: survey) is
 *   created, with the answer as evidence.
 * @CRM_PLAN_CHANGE_KEY_FOLLOW_UP: the customer is flagged for key
 *   follow-up (重点跟进).
 */
typedef enum
{
  CRM_PLAN_CHANGE_FIELD,
  CRM_PLAN_CHANGE_CONTACT,
  CRM_PLAN_CHANGE_TAG,
  CRM_PLAN_CHANGE_REQUIREMENT,
  CRM_PLAN_CHANGE_KEY_FOLLOW_UP,
} CrmPlanChangeKind;

/*
 * One change. @target says what changes, untranslated: a customer field
 * ("name", "industry", "employees", "pain_points"), "contact.NAME.FIELD",
 * a tag's name, a requirement's title, or "key_follow_up". @label is what
 * a person reads; @old_value and @new_value what it was and will be;
 * @evidence the question and the answer it comes from.
 */
typedef struct
{
  CrmPlanChangeKind  kind;
  char              *target;
  char              *label;
  char              *old_value;
  char              *new_value;
  char              *question_id;
  char              *evidence;
} CrmPlanChange;

#define CRM_TYPE_SUBMIT_PLAN (crm_submit_plan_get_type ())

G_DECLARE_FINAL_TYPE (CrmSubmitPlan, crm_submit_plan, CRM, SUBMIT_PLAN, GObject)

CrmSubmitPlan *crm_submit_plan_new               (CrmQuestionnaire          *questionnaire,
                                                  CrmQuestionnaireResponse  *response,
                                                  CrmCustomer               *customer,
                                                  GPtrArray                 *contacts,
                                                  GListModel                *industries);
gboolean       crm_submit_plan_is_new_customer   (CrmSubmitPlan *self);
CrmCustomer   *crm_submit_plan_get_customer      (CrmSubmitPlan *self);
GPtrArray     *crm_submit_plan_get_contacts      (CrmSubmitPlan *self);
const char * const *crm_submit_plan_get_tags     (CrmSubmitPlan *self);
GPtrArray     *crm_submit_plan_get_changes       (CrmSubmitPlan *self);
guint          crm_submit_plan_count             (CrmSubmitPlan     *self,
                                                  CrmPlanChangeKind  kind);
const CrmPlanChange *crm_submit_plan_find        (CrmSubmitPlan     *self,
                                                  CrmPlanChangeKind  kind,
                                                  const char        *target);
gboolean       crm_submit_plan_get_key_follow_up (CrmSubmitPlan *self);
GStrv          crm_submit_plan_dup_missing       (CrmSubmitPlan *self);

G_END_DECLS
