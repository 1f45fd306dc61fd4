/* crm-questionnaire-store-submit.c — what submitting a response changes, and submitting it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "crm-questionnaire-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "crm-key-follow-up.h"
#include "crm-questionnaire-store-private.h"
#include "crm-requirement-store.h"

/**
 * crm_questionnaire_store_plan:
 *
 * Returns: (transfer full) (nullable): what submitting the response
 *   @response_id would change now
 */
CrmSubmitPlan *
crm_questionnaire_store_plan (CrmQuestionnaireStore  *self,
                              gint64                  response_id,
                              GError                **error)
{
  g_autoptr(CrmQuestionnaireResponse) response = NULL;
  g_autoptr(CrmQuestionnaire) questionnaire = NULL;
  g_autoptr(CrmCustomer) customer = NULL;
  g_autoptr(GPtrArray) contacts = NULL;
  gint64 customer_id;

  g_return_val_if_fail (CRM_IS_QUESTIONNAIRE_STORE (self), NULL);

  response = crm_questionnaire_store_get_response (self, response_id, error);
  if (response == NULL)
    return NULL;

  questionnaire = crm_questionnaire_store_get_template (self, crm_questionnaire_response_get_template_id (response), error);
  if (questionnaire == NULL)
    return NULL;

  customer_id = crm_questionnaire_response_get_customer_id (response);
  if (customer_id > 0)
    {
      customer = crm_customer_store_get (self->customers, customer_id, error);
      if (customer == NULL)
        return NULL;
      contacts = crm_customer_store_list_contacts (self->customers, customer_id);
    }

  return crm_submit_plan_new (questionnaire, response, customer, contacts,
                              crm_customer_store_list_industries (self->customers));
}

typedef struct
{
  CrmQuestionnaireStore *self;
  gint64                 response_id;
  CrmSubmitPlan         *plan;
  gint64                 customer_id;
} SubmitData;

/* A pain point or an expansion need becomes a draft requirement of the
 * customer (source: survey), with the answer as its evidence. */
static gboolean
write_draft_requirement (SubmitData     *data,
                         CrmPlanChange  *change,
                         GError        **error)
{
  g_autoptr(CrmRequirementStore) requirements =
    crm_requirement_store_new (crm_customer_store_get_journal (data->self->customers));
  g_autoptr(CrmRequirement) requirement = crm_requirement_new ();
  gint64 id;

  g_object_set (requirement,
                "title", change->target,
                "description", change->new_value,
                "source", CRM_REQUIREMENT_SOURCE_SURVEY,
                "status", CRM_REQUIREMENT_STATUS_PENDING,
                "customer-id", data->customer_id,
                NULL);
  if (!crm_requirement_store_check (requirements, requirement, error))
    return FALSE;

  id = crm_requirement_store_write (requirements, requirement, error);
  if (id <= 0)
    return FALSE;

  return crm_requirement_store_write_evidence (requirements, id, CRM_EVIDENCE_KIND_ANSWER,
                                               data->response_id,
                                               change->evidence != NULL ? change->evidence : change->new_value,
                                               error) > 0;
}

static gboolean
submit_in_transaction (CrmDatabase  *db,
                       gpointer      user_data,
                       GError      **error)
{
  SubmitData *data = user_data;
  CrmSubmitPlan *plan = data->plan;
  GPtrArray *changes = crm_submit_plan_get_changes (plan);
  sqlite3_stmt *stmt;

  if (!crm_questionnaire_store_check_draft (db, data->response_id, error))
    return FALSE;

  /* The customer's fields, contacts and tags, as the plan shows them. */
  data->customer_id = crm_customer_store_write (data->self->customers,
                                                crm_submit_plan_get_customer (plan),
                                                crm_submit_plan_get_contacts (plan),
                                                crm_submit_plan_get_tags (plan),
                                                error);
  if (data->customer_id <= 0)
    return FALSE;

  for (guint i = 0; i < changes->len; i++)
    {
      CrmPlanChange *change = g_ptr_array_index (changes, i);

      if (change->kind == CRM_PLAN_CHANGE_REQUIREMENT)
        {
          if (!write_draft_requirement (data, change, error))
            return FALSE;
        }
      else if (change->kind == CRM_PLAN_CHANGE_KEY_FOLLOW_UP)
        {
          if (!crm_key_follow_up_raise (db, data->customer_id, change->new_value, error))
            return FALSE;
        }
    }

  stmt = crm_database_prepare (db,
                               "UPDATE questionnaire_response SET state = 'submitted', customer_id = ?2,"
                               "  submitted_at = strftime ('%Y-%m-%dT%H:%M:%SZ', 'now'),"
                               "  updated_at = strftime ('%Y-%m-%dT%H:%M:%SZ', 'now')"
                               "  WHERE id = ?1",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, data->response_id);
  sqlite3_bind_int64 (stmt, 2, data->customer_id);

  return crm_database_step_done (db, stmt, error);
}

/**
 * crm_questionnaire_store_submit:
 * @error: return location for a #CrmQuestionnaireStoreError or a
 *   #CrmCustomerStoreError (a field that fails its check, a duplicate)
 *
 * Applies crm_questionnaire_store_plan() as one undoable action
 * ("Submit questionnaire"): the customer's fields, contacts and tags
 * change (a prospect becomes a new customer) and the response is marked
 * submitted. Refused while required questions have no answer.
 *
 * Returns: the id of the customer, or 0 with @error set
 */
gint64
crm_questionnaire_store_submit (CrmQuestionnaireStore  *self,
                                gint64                  response_id,
                                GError                **error)
{
  g_autoptr(CrmSubmitPlan) plan = NULL;
  g_auto(GStrv) missing = NULL;
  SubmitData data = { self, response_id, NULL, 0 };
  gboolean ok;

  g_return_val_if_fail (CRM_IS_QUESTIONNAIRE_STORE (self), 0);

  plan = crm_questionnaire_store_plan (self, response_id, error);
  if (plan == NULL)
    return 0;

  missing = crm_submit_plan_dup_missing (plan);
  if (missing[0] != NULL)
    {
      g_autofree char *list = g_strjoinv (_("”, “"), missing);

      g_set_error (error, CRM_QUESTIONNAIRE_STORE_ERROR, CRM_QUESTIONNAIRE_STORE_ERROR_MISSING,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The required question “%s” has no answer yet.",
                                "The required questions “%s” have no answer yet.",
                                g_strv_length (missing)),
                   list);
      return 0;
    }

  if (!crm_customer_store_check (self->customers, crm_submit_plan_get_customer (plan),
                                 crm_submit_plan_get_contacts (plan), NULL, error))
    return 0;

  if (crm_submit_plan_is_new_customer (plan))
    {
      g_autofree char *reason = NULL;
      g_autoptr(CrmCustomer) existing = crm_customer_store_find_duplicate (self->customers,
                                                                           crm_submit_plan_get_customer (plan),
                                                                           &reason);

      if (existing != NULL)
        {
          g_set_error_literal (error, CRM_CUSTOMER_STORE_ERROR, CRM_CUSTOMER_STORE_ERROR_DUPLICATE, reason);
          return 0;
        }
    }

  data.plan = plan;
  self->recording++;
  ok = crm_customer_store_record (self->customers, N_("Submit questionnaire"),
                                  submit_in_transaction, &data, error);
  self->recording--;

  if (!ok)
    return 0;

  crm_questionnaire_store_emit_changed (self);

  return data.customer_id;
}
