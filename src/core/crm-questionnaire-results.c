/* crm-questionnaire-results.c — what the answers to a questionnaire add up to
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Results cover the submitted responses to every version of a template
 * (its family), matched by question id, and are reported against the
 * questions of the version asked for. A filter on industry or tier reads
 * the customer as it is now. The response rate is the share of customers
 * (under the same filter) who submitted at least one response.
 */

#define G_LOG_DOMAIN "crm-questionnaire-results"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "crm-csv-writer.h"
#include "crm-industry.h"
#include "crm-questionnaire-results.h"

struct _CrmQuestionnaireResults
{
  GObject           parent_instance;

  CrmQuestionnaire *questionnaire;
  GPtrArray        *questions;
  GHashTable       *by_id;
  guint             n_responses;
  guint             n_drafts;
  guint             n_customers;
  guint             n_responded;
};

G_DEFINE_FINAL_TYPE (CrmQuestionnaireResults, crm_questionnaire_results, G_TYPE_OBJECT)

/* The responses counted: of the family ?1, customers filtered by
 * industry ?2 (0: any) and tier ?3 (NULL: any). */
#define RESPONSES_OF_FAMILY \
  "SELECT r.id, r.customer_id, r.state FROM questionnaire_response r" \
  "  JOIN questionnaire_template t ON t.id = r.template_id" \
  "  LEFT JOIN customer c ON c.id = r.customer_id" \
  "  WHERE t.family = ?1 AND (?2 = 0 OR c.industry_id = ?2) AND (?3 IS NULL OR c.tier = ?3)"

static void
result_free (CrmQuestionResult *result)
{
  g_ptr_array_unref (result->labels);
  g_array_unref (result->counts);
  g_free (result);
}

/**
 * crm_question_result_get_share:
 *
 * Returns: the share (0 to 1) of the answers that chose @option
 */
double
crm_question_result_get_share (const CrmQuestionResult *result,
                               guint                    option)
{
  g_return_val_if_fail (option < result->counts->len, 0);

  if (result->n_answered == 0)
    return 0;

  return (double)g_array_index (result->counts, guint, option) / result->n_answered;
}

/**
 * crm_question_result_get_average:
 *
 * Returns: the average of a rating or number question, or NAN when
 *   nobody answered it
 */
double
crm_question_result_get_average (const CrmQuestionResult *result)
{
  if (result->n_answered == 0)
    return NAN;

  return result->sum / result->n_answered;
}

static void
crm_questionnaire_results_finalize (GObject *object)
{
  CrmQuestionnaireResults *self = (CrmQuestionnaireResults *)object;

  g_clear_object (&self->questionnaire);
  g_ptr_array_unref (self->questions);
  g_hash_table_unref (self->by_id);

  G_OBJECT_CLASS (crm_questionnaire_results_parent_class)->finalize (object);
}

static void
crm_questionnaire_results_class_init (CrmQuestionnaireResultsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = crm_questionnaire_results_finalize;
}

static void
crm_questionnaire_results_init (CrmQuestionnaireResults *self)
{
  self->questions = g_ptr_array_new_with_free_func ((GDestroyNotify)result_free);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
}

static void
add_question (CrmQuestionnaireResults *self,
              CrmQuestion             *question,
              GListModel              *industries)
{
  CrmQuestionResult *result = g_new0 (CrmQuestionResult, 1);
  guint zero = 0;

  result->question = question;
  result->labels = g_ptr_array_new_with_free_func (g_free);
  result->counts = g_array_new (FALSE, TRUE, sizeof (guint));

  if (question->kind == CRM_QUESTION_RATING)
    for (int i = 1; i <= 5; i++)
      g_ptr_array_add (result->labels, g_strdup_printf ("%d", i));
  else if (g_strcmp0 (question->options_from, "industries") == 0)
    for (guint i = 0; i < g_list_model_get_n_items (industries); i++)
      {
        g_autoptr(CrmIndustry) industry = g_list_model_get_item (industries, i);

        g_ptr_array_add (result->labels, g_strdup (crm_industry_get_name (industry)));
      }
  for (guint i = 0; i < question->options->len; i++)
    g_ptr_array_add (result->labels, g_strdup (((CrmQuestionOption *)g_ptr_array_index (question->options, i))->label));

  for (guint i = 0; i < result->labels->len; i++)
    g_array_append_val (result->counts, zero);

  g_ptr_array_add (self->questions, result);
  g_hash_table_insert (self->by_id, question->id, result);
}

/* The index of the option @value among the result's labels. */
static int
option_index (CrmQuestionResult *result,
              const char        *value,
              GListModel        *industries)
{
  CrmQuestion *question = result->question;

  if (question->kind == CRM_QUESTION_RATING)
    return value[0] >= '1' && value[0] <= '5' && value[1] == '\0' ? value[0] - '1' : -1;

  if (g_strcmp0 (question->options_from, "industries") == 0)
    for (guint i = 0; i < g_list_model_get_n_items (industries); i++)
      {
        g_autoptr(CrmIndustry) industry = g_list_model_get_item (industries, i);

        if (g_strcmp0 (crm_industry_get_code (industry), value) == 0)
          return i;
      }

  for (guint i = 0; i < question->options->len; i++)
    if (g_strcmp0 (((CrmQuestionOption *)g_ptr_array_index (question->options, i))->id, value) == 0)
      return result->labels->len - question->options->len + i;

  return -1;
}

static void
count_answer (CrmQuestionResult *result,
              GStrv              values,
              gboolean           has_other,
              GListModel        *industries)
{
  CrmQuestionKind kind = result->question->kind;

  if (values[0] == NULL && !has_other)
    return;

  result->n_answered++;
  if (has_other)
    result->n_other++;

  if (kind == CRM_QUESTION_RATING || kind == CRM_QUESTION_NUMBER)
    result->sum += g_ascii_strtod (values[0] != NULL ? values[0] : "0", NULL);

  for (guint i = 0; values[i] != NULL; i++)
    {
      int index = option_index (result, values[i], industries);

      if (index >= 0)
        g_array_index (result->counts, guint, index)++;
    }
}

static void
bind_filter (sqlite3_stmt *stmt,
             const char   *family,
             gint64        industry_id,
             CrmTier       tier)
{
  sqlite3_bind_text (stmt, 1, family, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, industry_id);
  if (crm_tier_to_string (tier) != NULL)
    sqlite3_bind_text (stmt, 3, crm_tier_to_string (tier), -1, SQLITE_STATIC);
}

static gboolean
count_rows (CrmQuestionnaireResults  *self,
            CrmDatabase              *db,
            const char               *family,
            gint64                    industry_id,
            CrmTier                   tier,
            GListModel               *industries,
            GError                  **error)
{
  sqlite3_stmt *stmt;

  stmt = crm_database_prepare (db,
                               "SELECT (SELECT count (*) FROM (" RESPONSES_OF_FAMILY ") WHERE state = 'submitted'),"
                               "       (SELECT count (*) FROM (" RESPONSES_OF_FAMILY ") WHERE state = 'draft'),"
                               "       (SELECT count (*) FROM customer c"
                               "          WHERE (?2 = 0 OR c.industry_id = ?2) AND (?3 IS NULL OR c.tier = ?3)),"
                               "       (SELECT count (DISTINCT customer_id) FROM (" RESPONSES_OF_FAMILY ")"
                               "          WHERE state = 'submitted')",
                               error);
  if (stmt == NULL)
    return FALSE;

  bind_filter (stmt, family, industry_id, tier);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      self->n_responses = sqlite3_column_int (stmt, 0);
      self->n_drafts = sqlite3_column_int (stmt, 1);
      self->n_customers = sqlite3_column_int (stmt, 2);
      self->n_responded = sqlite3_column_int (stmt, 3);
    }
  sqlite3_reset (stmt);

  stmt = crm_database_prepare (db,
                               "SELECT a.question_id, a.value, a.other FROM questionnaire_answer a"
                               "  JOIN (" RESPONSES_OF_FAMILY ") r ON r.id = a.response_id"
                               "  WHERE r.state = 'submitted'",
                               error);
  if (stmt == NULL)
    return FALSE;

  bind_filter (stmt, family, industry_id, tier);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      CrmQuestionResult *result = g_hash_table_lookup (self->by_id, sqlite3_column_text (stmt, 0));
      g_auto(GStrv) values = NULL;

      if (result == NULL)
        continue;

      values = crm_answer_values_from_json ((const char *)sqlite3_column_text (stmt, 1));
      count_answer (result, values, sqlite3_column_type (stmt, 2) != SQLITE_NULL, industries);
    }
  sqlite3_reset (stmt);

  return TRUE;
}

/**
 * crm_questionnaire_results_compute:
 * @template_id: a version of the template; its family's responses count
 * @industry_id: only customers of this industry, or 0 for all
 * @tier: only customers of this tier, or %CRM_TIER_NONE for all
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the results
 */
CrmQuestionnaireResults *
crm_questionnaire_results_compute (CrmQuestionnaireStore  *store,
                                   gint64                  template_id,
                                   gint64                  industry_id,
                                   CrmTier                 tier,
                                   GError                **error)
{
  g_autoptr(CrmQuestionnaireResults) self = NULL;
  g_autoptr(CrmQuestionnaire) questionnaire = NULL;
  g_autoptr(GPtrArray) questions = NULL;
  CrmCustomerStore *customers;
  GListModel *industries;

  g_return_val_if_fail (CRM_IS_QUESTIONNAIRE_STORE (store), NULL);

  questionnaire = crm_questionnaire_store_get_template (store, template_id, error);
  if (questionnaire == NULL)
    return NULL;

  customers = crm_questionnaire_store_get_customer_store (store);
  industries = crm_customer_store_list_industries (customers);

  self = g_object_new (CRM_TYPE_QUESTIONNAIRE_RESULTS, NULL);
  self->questionnaire = g_object_ref (questionnaire);

  questions = crm_questionnaire_list_questions (questionnaire);
  for (guint i = 0; i < questions->len; i++)
    add_question (self, g_ptr_array_index (questions, i), industries);

  if (!count_rows (self, crm_questionnaire_store_get_database (store),
                   crm_questionnaire_get_family (questionnaire), industry_id, tier, industries, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * crm_questionnaire_results_get_questionnaire:
 *
 * Returns: (transfer none): the template version the results follow
 */
CrmQuestionnaire *
crm_questionnaire_results_get_questionnaire (CrmQuestionnaireResults *self)
{
  g_return_val_if_fail (CRM_IS_QUESTIONNAIRE_RESULTS (self), NULL);
  return self->questionnaire;
}

guint
crm_questionnaire_results_get_n_responses (CrmQuestionnaireResults *self)
{
  g_return_val_if_fail (CRM_IS_QUESTIONNAIRE_RESULTS (self), 0);
  return self->n_responses;
}

guint
crm_questionnaire_results_get_n_drafts (CrmQuestionnaireResults *self)
{
  g_return_val_if_fail (CRM_IS_QUESTIONNAIRE_RESULTS (self), 0);
  return self->n_drafts;
}

guint
crm_questionnaire_results_get_n_customers (CrmQuestionnaireResults *self)
{
  g_return_val_if_fail (CRM_IS_QUESTIONNAIRE_RESULTS (self), 0);
  return self->n_customers;
}

guint
crm_questionnaire_results_get_n_responded (CrmQuestionnaireResults *self)
{
  g_return_val_if_fail (CRM_IS_QUESTIONNAIRE_RESULTS (self), 0);
  return self->n_responded;
}

/**
 * crm_questionnaire_results_get_response_rate:
 *
 * Returns: the share (0 to 1) of the customers under the filter who
 *   submitted a response
 */
double
crm_questionnaire_results_get_response_rate (CrmQuestionnaireResults *self)
{
  g_return_val_if_fail (CRM_IS_QUESTIONNAIRE_RESULTS (self), 0);

  return self->n_customers > 0 ? (double)self->n_responded / self->n_customers : 0;
}

/**
 * crm_questionnaire_results_get_questions:
 *
 * Returns: (transfer none) (element-type CrmQuestionResult): one result
 *   per question, in order
 */
GPtrArray *
crm_questionnaire_results_get_questions (CrmQuestionnaireResults *self)
{
  g_return_val_if_fail (CRM_IS_QUESTIONNAIRE_RESULTS (self), NULL);
  return self->questions;
}
