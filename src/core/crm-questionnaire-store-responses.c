/* crm-questionnaire-store-responses.c — filling in, saving and submitting responses
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "crm-questionnaire-store"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "crm-questionnaire-store-private.h"

#define MAX_ANSWER_TEXT 5000

static gboolean
write_answer (CrmDatabase      *db,
              gint64            response_id,
              const char       *question_id,
              const CrmAnswer  *answer,
              GError          **error)
{
  sqlite3_stmt *stmt;

  if (crm_answer_is_empty (answer))
    {
      stmt = crm_database_prepare (db,
                                   "DELETE FROM questionnaire_answer WHERE response_id = ? AND question_id = ?",
                                   error);
      if (stmt == NULL)
        return FALSE;
    }
  else
    {
      g_autofree char *json = crm_answer_values_to_json ((const char * const *)answer->values);

      stmt = crm_database_prepare (db,
                                   "INSERT OR REPLACE INTO questionnaire_answer (response_id, question_id, value, other)"
                                   "  VALUES (?, ?, ?, ?)",
                                   error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 3, json, -1, SQLITE_TRANSIENT);
      if (answer->other != NULL)
        sqlite3_bind_text (stmt, 4, answer->other, -1, SQLITE_TRANSIENT);
    }

  sqlite3_bind_int64 (stmt, 1, response_id);
  sqlite3_bind_text (stmt, 2, question_id, -1, SQLITE_TRANSIENT);

  return crm_database_step_done (db, stmt, error);
}

/* The answer a question starts with, from the customer record. */
static CrmAnswer *
prefill_answer (CrmQuestion *question,
                CrmCustomer *customer,
                CrmContact  *contact,
                const char  *prospect_name)
{
  g_autofree char *value = NULL;
  const char *prefill = question->prefill;

  if (prefill == NULL)
    return NULL;

  if (g_str_equal (prefill, "name"))
    value = g_strdup (customer != NULL ? crm_customer_get_name (customer) : prospect_name);
  else if (customer == NULL)
    return NULL;
  else if (g_str_equal (prefill, "industry"))
    value = g_strdup (crm_customer_get_industry_code (customer));
  else if (g_str_equal (prefill, "employees") && crm_customer_get_employees (customer) >= 0)
    value = g_strdup_printf ("%d", crm_customer_get_employees (customer));
  else if (contact != NULL && g_str_equal (prefill, "contact.name"))
    value = g_strdup (crm_contact_get_name (contact));
  else if (contact != NULL && g_str_equal (prefill, "contact.title"))
    value = g_strdup (crm_contact_get_title (contact));
  else if (contact != NULL && g_str_equal (prefill, "contact.phone"))
    value = g_strdup (crm_contact_get_phone (contact));

  if (value == NULL || *value == '\0')
    return NULL;

  return crm_answer_new ((const char * const[]) { value, NULL }, NULL);
}

typedef struct
{
  CrmQuestionnaire *questionnaire;
  gint64            template_id;
  gint64            customer_id;
  const char       *prospect_name;
  CrmCustomer      *customer;
  CrmContact       *contact;
  gint64            id;
} StartData;

static gboolean
start_in_transaction (CrmDatabase  *db,
                      gpointer      user_data,
                      GError      **error)
{
  StartData *data = user_data;
  g_autoptr(GPtrArray) questions = crm_questionnaire_list_questions (data->questionnaire);
  CrmQuestionModule *first = crm_questionnaire_get_module (data->questionnaire, 0);
  sqlite3_stmt *stmt;

  stmt = crm_database_prepare (db,
                               "INSERT INTO questionnaire_response (template_id, customer_id, prospect_name, current_module)"
                               "  VALUES (?, ?, ?, ?)",
                               error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, data->template_id);
  if (data->customer_id > 0)
    sqlite3_bind_int64 (stmt, 2, data->customer_id);
  if (data->prospect_name != NULL)
    sqlite3_bind_text (stmt, 3, data->prospect_name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, first->id, -1, SQLITE_TRANSIENT);
  if (!crm_database_step_done (db, stmt, error))
    return FALSE;

  data->id = sqlite3_last_insert_rowid (crm_database_get_handle (db));

  for (guint i = 0; i < questions->len; i++)
    {
      g_autoptr(CrmAnswer) answer = prefill_answer (g_ptr_array_index (questions, i), data->customer,
                                                    data->contact, data->prospect_name);

      if (answer != NULL &&
          !write_answer (db, data->id, ((CrmQuestion *)g_ptr_array_index (questions, i))->id, answer, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * crm_questionnaire_store_start:
 * @template_id: the template version to fill in
 * @customer_id: the customer, or 0 for a new prospect
 * @prospect_name: (nullable): the prospect's name, when @customer_id is 0
 * @error: return location for an error
 *
 * Starts a response, with the answers the customer record already gives
 * (name, industry, size, main contact) filled in and saved.
 *
 * Returns: the id of the new draft response, or 0 with @error set
 */
gint64
crm_questionnaire_store_start (CrmQuestionnaireStore  *self,
                               gint64                  template_id,
                               gint64                  customer_id,
                               const char             *prospect_name,
                               GError                **error)
{
  g_autoptr(CrmQuestionnaire) questionnaire = NULL;
  g_autoptr(CrmCustomer) customer = NULL;
  g_autoptr(GPtrArray) contacts = NULL;
  StartData data = { NULL, template_id, customer_id, prospect_name, NULL, NULL, 0 };

  g_return_val_if_fail (CRM_IS_QUESTIONNAIRE_STORE (self), 0);

  questionnaire = crm_questionnaire_store_get_template (self, template_id, error);
  if (questionnaire == NULL)
    return 0;

  if (customer_id > 0)
    {
      customer = crm_customer_store_get (self->customers, customer_id, error);
      if (customer == NULL)
        return 0;
      contacts = crm_customer_store_list_contacts (self->customers, customer_id);
      if (contacts != NULL && contacts->len > 0)
        data.contact = g_ptr_array_index (contacts, 0);
    }
  else if (prospect_name == NULL || *prospect_name == '\0')
    {
      g_set_error (error, CRM_QUESTIONNAIRE_STORE_ERROR, CRM_QUESTIONNAIRE_STORE_ERROR_INVALID,
                   _("Name the prospect the questionnaire is for."));
      return 0;
    }

  data.questionnaire = questionnaire;
  data.customer = customer;

  if (!crm_database_transaction (self->database, start_in_transaction, &data, error))
    return 0;

  crm_questionnaire_store_emit_changed (self);

  return data.id;
}

/**
 * crm_questionnaire_store_find_draft:
 *
 * Returns: the id of the customer's most recent draft, or 0
 */
gint64
crm_questionnaire_store_find_draft (CrmQuestionnaireStore *self,
                                    gint64                 customer_id)
{
  g_return_val_if_fail (CRM_IS_QUESTIONNAIRE_STORE (self), 0);

  return crm_questionnaire_store_query_id (self->database,
                                           "SELECT id FROM questionnaire_response"
                                           "  WHERE customer_id = ? AND state = 'draft'"
                                           "  ORDER BY updated_at DESC, id DESC LIMIT 1",
                                           customer_id);
}

/**
 * crm_questionnaire_store_get_response:
 *
 * Returns: (transfer full) (nullable): the response @id with its answers
 */
CrmQuestionnaireResponse *
crm_questionnaire_store_get_response (CrmQuestionnaireStore  *self,
                                      gint64                  id,
                                      GError                **error)
{
  g_autoptr(CrmQuestionnaireResponse) response = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CRM_IS_QUESTIONNAIRE_STORE (self), NULL);

  stmt = crm_questionnaire_store_select_row (self->database,
                                             "SELECT r.template_id, ifnull (r.customer_id, 0), r.prospect_name,"
                                             "       ifnull (c.name, r.prospect_name), r.state,"
                                             "       r.current_module, r.updated_at"
                                             "  FROM questionnaire_response r"
                                             "  LEFT JOIN customer c ON c.id = r.customer_id"
                                             "  WHERE r.id = ?",
                                             id, _("The questionnaire response no longer exists."),
                                             error);
  if (stmt == NULL)
    return NULL;

  response = crm_questionnaire_response_new (id,
                                             sqlite3_column_int64 (stmt, 0),
                                             sqlite3_column_int64 (stmt, 1),
                                             crm_questionnaire_store_column_text (stmt, 2),
                                             crm_questionnaire_store_column_text (stmt, 3),
                                             g_strcmp0 (crm_questionnaire_store_column_text (stmt, 4), "submitted") == 0
                                               ? CRM_RESPONSE_SUBMITTED : CRM_RESPONSE_DRAFT,
                                             crm_questionnaire_store_column_text (stmt, 5),
                                             crm_questionnaire_store_column_text (stmt, 6));
  sqlite3_reset (stmt);

  stmt = crm_database_prepare (self->database,
                               "SELECT question_id, value, other FROM questionnaire_answer WHERE response_id = ?",
                               error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_auto(GStrv) values = crm_answer_values_from_json (crm_questionnaire_store_column_text (stmt, 1));

      crm_questionnaire_response_take_answer (response, crm_questionnaire_store_column_text (stmt, 0),
                                              crm_answer_new ((const char * const *)values,
                                                              crm_questionnaire_store_column_text (stmt, 2)));
    }
  sqlite3_reset (stmt);

  return g_steal_pointer (&response);
}

static gboolean
invalid_answer (GError      **error,
                CrmQuestion  *question,
                const char   *reason)
{
  /* Translators: “question”: why the answer does not fit. */
  g_set_error (error, CRM_QUESTIONNAIRE_STORE_ERROR, CRM_QUESTIONNAIRE_STORE_ERROR_INVALID,
               _("“%s”: %s"), question->title, reason);
  return FALSE;
}

/**
 * crm_questionnaire_store_check_answer:
 * @error: return location for a #CrmQuestionnaireStoreError naming the
 *   question and why the answer does not fit
 *
 * Returns: %TRUE when @answer fits the question @question_id
 */
gboolean
crm_questionnaire_store_check_answer (CrmQuestionnaire  *questionnaire,
                                      const char        *question_id,
                                      const CrmAnswer   *answer,
                                      GError           **error)
{
  CrmQuestion *question = crm_questionnaire_find_question (questionnaire, question_id, NULL);
  guint n;

  if (question == NULL)
    {
      g_set_error (error, CRM_QUESTIONNAIRE_STORE_ERROR, CRM_QUESTIONNAIRE_STORE_ERROR_INVALID,
                   _("The template has no question “%s”."), question_id);
      return FALSE;
    }

  if (crm_answer_is_empty (answer))
    return TRUE;

  n = answer->values != NULL ? g_strv_length (answer->values) : 0;

  if (answer->other != NULL && !(question->kind == CRM_QUESTION_MULTIPLE && question->allow_other))
    return invalid_answer (error, question, _("this question has no “Other” answer."));
  if (answer->other != NULL && g_utf8_strlen (answer->other, -1) > MAX_ANSWER_TEXT)
    return invalid_answer (error, question, _("the answer is too long."));

  switch (question->kind)
    {
    case CRM_QUESTION_SINGLE:
    case CRM_QUESTION_MULTIPLE:
      if (question->kind == CRM_QUESTION_SINGLE && n != 1)
        return invalid_answer (error, question, _("choose one option."));
      for (guint i = 0; i < n && question->options_from == NULL; i++)
        if (crm_question_find_option (question, answer->values[i]) == NULL)
          return invalid_answer (error, question, _("that option is not one of the question's."));
      return TRUE;

    case CRM_QUESTION_TEXT:
      if (n != 1 || g_utf8_strlen (answer->values[0], -1) > MAX_ANSWER_TEXT)
        return invalid_answer (error, question, _("the answer is too long."));
      return TRUE;

    case CRM_QUESTION_RATING:
      if (n != 1 || strlen (answer->values[0]) != 1 || answer->values[0][0] < '1' || answer->values[0][0] > '5')
        return invalid_answer (error, question, _("a rating is a whole number from 1 to 5."));
      return TRUE;

    case CRM_QUESTION_NUMBER:
      {
        char *end = NULL;

        if (n == 1)
          g_ascii_strtod (answer->values[0], &end);
        if (n != 1 || end == answer->values[0] || *end != '\0')
          return invalid_answer (error, question, _("enter a number, such as 120 or 3.5."));
        return TRUE;
      }

    case CRM_QUESTION_DATE:
      {
        int y = 0, m = 0, d = 0;
        char tail = 0;

        if (n != 1 || sscanf (answer->values[0], "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3 ||
            !g_date_valid_dmy (d, m, y))
          return invalid_answer (error, question, _("enter a date as YYYY-MM-DD, such as 2024-03-01."));
        return TRUE;
      }

    default:
      return FALSE;
    }
}

typedef struct
{
  gint64           response_id;
  const char      *question_id;
  const CrmAnswer *answer;
  const char      *module_id;
} AnswerData;

gboolean
crm_questionnaire_store_check_draft (CrmDatabase  *db,
                                     gint64        response_id,
                                     GError      **error)
{
  sqlite3_stmt *stmt = crm_database_prepare (db, "SELECT state FROM questionnaire_response WHERE id = ?", error);
  g_autofree char *state = NULL;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, response_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    state = g_strdup (crm_questionnaire_store_column_text (stmt, 0));
  sqlite3_reset (stmt);

  if (state == NULL)
    {
      g_set_error (error, CRM_QUESTIONNAIRE_STORE_ERROR, CRM_QUESTIONNAIRE_STORE_ERROR_NOT_FOUND,
                   _("The questionnaire response no longer exists."));
      return FALSE;
    }
  if (!g_str_equal (state, "draft"))
    {
      g_set_error (error, CRM_QUESTIONNAIRE_STORE_ERROR, CRM_QUESTIONNAIRE_STORE_ERROR_SUBMITTED,
                   _("The questionnaire was submitted already; its answers no longer change."));
      return FALSE;
    }

  return TRUE;
}

static gboolean
touch (CrmDatabase  *db,
       AnswerData   *data,
       GError      **error)
{
  sqlite3_stmt *stmt;

  stmt = crm_database_prepare (db,
                               "UPDATE questionnaire_response"
                               "  SET updated_at = strftime ('%Y-%m-%dT%H:%M:%SZ', 'now'),"
                               "      current_module = ifnull (?2, current_module)"
                               "  WHERE id = ?1",
                               error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, data->response_id);
  if (data->module_id != NULL)
    sqlite3_bind_text (stmt, 2, data->module_id, -1, SQLITE_TRANSIENT);

  return crm_database_step_done (db, stmt, error);
}

static gboolean
set_answer_in_transaction (CrmDatabase  *db,
                           gpointer      user_data,
                           GError      **error)
{
  AnswerData *data = user_data;

  return crm_questionnaire_store_check_draft (db, data->response_id, error) &&
         (data->question_id == NULL ||
          write_answer (db, data->response_id, data->question_id, data->answer, error)) &&
         touch (db, data, error);
}

/**
 * crm_questionnaire_store_set_answer:
 * @answer: (nullable): the answer; %NULL or empty clears it
 * @error: return location for a #CrmQuestionnaireStoreError
 *
 * Saves one answer of a draft at once (committed before returning), after
 * checking it fits its question. Not an undoable action: the answers are
 * input being typed, like an editor's draft.
 *
 * Returns: %TRUE when saved
 */
gboolean
crm_questionnaire_store_set_answer (CrmQuestionnaireStore  *self,
                                    gint64                  response_id,
                                    const char             *question_id,
                                    const CrmAnswer        *answer,
                                    GError                **error)
{
  AnswerData data = { response_id, question_id, answer, NULL };
  g_autoptr(CrmQuestionnaire) questionnaire = NULL;
  gint64 template_id;

  g_return_val_if_fail (CRM_IS_QUESTIONNAIRE_STORE (self), FALSE);
  g_return_val_if_fail (question_id != NULL, FALSE);

  template_id = crm_questionnaire_store_query_id (self->database,
                                                  "SELECT template_id FROM questionnaire_response WHERE id = ?",
                                                  response_id);
  questionnaire = crm_questionnaire_store_get_template (self, template_id, NULL);
  if (questionnaire == NULL)
    {
      g_set_error (error, CRM_QUESTIONNAIRE_STORE_ERROR, CRM_QUESTIONNAIRE_STORE_ERROR_NOT_FOUND,
                   _("The questionnaire response no longer exists."));
      return FALSE;
    }

  if (!crm_questionnaire_store_check_answer (questionnaire, question_id, answer, error))
    return FALSE;

  return crm_database_transaction (self->database, set_answer_in_transaction, &data, error);
}

/**
 * crm_questionnaire_store_set_current_module:
 *
 * Remembers the module the person is on, so the draft reopens there.
 *
 * Returns: %TRUE when saved
 */
gboolean
crm_questionnaire_store_set_current_module (CrmQuestionnaireStore  *self,
                                            gint64                  response_id,
                                            const char             *module_id,
                                            GError                **error)
{
  AnswerData data = { response_id, NULL, NULL, module_id };

  g_return_val_if_fail (CRM_IS_QUESTIONNAIRE_STORE (self), FALSE);
  g_return_val_if_fail (module_id != NULL, FALSE);

  return crm_database_transaction (self->database, set_answer_in_transaction, &data, error);
}

static gboolean
discard_in_transaction (CrmDatabase  *db,
                        gpointer      user_data,
                        GError      **error)
{
  gint64 *id = user_data;
  sqlite3_stmt *stmt;

  if (!crm_questionnaire_store_check_draft (db, *id, error))
    return FALSE;

  stmt = crm_database_prepare (db, "DELETE FROM questionnaire_response WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, *id);

  return crm_database_step_done (db, stmt, error);
}

/**
 * crm_questionnaire_store_discard:
 *
 * Deletes a draft and its answers as one undoable action.
 *
 * Returns: %TRUE when deleted
 */
gboolean
crm_questionnaire_store_discard (CrmQuestionnaireStore  *self,
                                 gint64                  response_id,
                                 GError                **error)
{
  gboolean ok;

  g_return_val_if_fail (CRM_IS_QUESTIONNAIRE_STORE (self), FALSE);

  self->recording++;
  ok = crm_journal_record (self->journal, N_("Discard questionnaire draft"),
                           discard_in_transaction, &response_id, error);
  self->recording--;

  if (ok)
    crm_questionnaire_store_emit_changed (self);

  return ok;
}
