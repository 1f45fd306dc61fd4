/* test-questionnaire-responses.c — filling in, drafts that survive a kill, submitting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>
#include <signal.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "crm-answer-chart.h"
#include "crm-key-follow-up.h"
#include "crm-questionnaire-builtin.h"
#include "crm-questionnaire-results.h"
#include "crm-timeline.h"
#include "test-questionnaire-fixture.h"


static gint64
industry_id (Fixture    *f,
             const char *code)
{
  GListModel *industries = crm_customer_store_list_industries (f->base.store);

  for (guint i = 0; i < g_list_model_get_n_items (industries); i++)
    {
      g_autoptr(CrmIndustry) industry = g_list_model_get_item (industries, i);

      if (g_str_equal (crm_industry_get_code (industry), code))
        return crm_industry_get_id (industry);
    }

  g_assert_not_reached ();
}

static gint64
add_named_customer (Fixture         *f,
                    const char      *name,
                    CrmCustomerType  type)
{
  g_autoptr(CrmCustomer) customer = crm_customer_new ();
  g_autoptr(CrmContact) contact = crm_contact_new ();
  g_autoptr(GPtrArray) contacts = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *tags[] = { "老朋友", NULL };
  gint64 id;

  crm_customer_set_name (customer, name);
  crm_customer_set_industry_id (customer, industry_id (f, "NET"));
  crm_customer_set_employees (customer, 120);
  crm_customer_set_customer_type (customer, type);
  crm_contact_set_name (contact, "王芳");
  crm_contact_set_title (contact, "采购经理");
  crm_contact_set_phone (contact, "13812345678");
  g_ptr_array_add (contacts, contact);

  id = crm_customer_store_save (f->base.store, customer, contacts, tags, CRM_SAVE_DEFAULT, NULL, &error);
  g_assert_no_error (error);

  return id;
}

static gint64
add_customer (Fixture         *f,
              CrmCustomerType  type)
{
  return add_named_customer (f, "杭州云帆科技有限公司", type);
}

static void
set (Fixture    *f,
     gint64      response_id,
     const char *question,
     const char *value,
     const char *other)
{
  g_autoptr(CrmAnswer) answer = crm_answer_new ((const char * const[]) { value, NULL }, other);
  g_autoptr(GError) error = NULL;

  g_assert_true (crm_questionnaire_store_set_answer (f->questionnaires, response_id, question, answer, &error));
  g_assert_no_error (error);
}

static void
set_many (Fixture            *f,
          gint64              response_id,
          const char         *question,
          const char * const *values,
          const char         *other)
{
  g_autoptr(CrmAnswer) answer = crm_answer_new (values, other);
  g_autoptr(GError) error = NULL;

  g_assert_true (crm_questionnaire_store_set_answer (f->questionnaires, response_id, question, answer, &error));
  g_assert_no_error (error);
}

static const char *
value_of (CrmQuestionnaireResponse *response,
          const char               *question)
{
  const CrmAnswer *answer = crm_questionnaire_response_get_answer (response, question);

  return answer != NULL && answer->values[0] != NULL ? answer->values[0] : NULL;
}

static void
test_start_prefills_from_customer (Fixture       *f,
                                   gconstpointer  data)
{
  gint64 customer_id = add_customer (f, CRM_CUSTOMER_TYPE_RETURNING);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmQuestionnaireResponse) response = NULL;
  gint64 id;

  id = crm_questionnaire_store_start (f->questionnaires, crm_questionnaire_store_get_builtin_id (f->questionnaires),
                                      customer_id, NULL, &error);
  g_assert_no_error (error);

  response = crm_questionnaire_store_get_response (f->questionnaires, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (value_of (response, "company"), ==, "杭州云帆科技有限公司");
  g_assert_cmpstr (value_of (response, "industry"), ==, "NET");
  g_assert_cmpstr (value_of (response, "employees"), ==, "120");
  g_assert_cmpstr (value_of (response, "contact"), ==, "王芳");
  g_assert_cmpstr (value_of (response, "contact-phone"), ==, "13812345678");
  g_assert_cmpstr (crm_questionnaire_response_get_current_module (response), ==, "basic");
  g_assert_cmpint (crm_questionnaire_store_find_draft (f->questionnaires, customer_id), ==, id);
  g_assert_cmpuint (g_list_model_get_n_items (crm_questionnaire_store_list_drafts (f->questionnaires)), ==, 1);

  /* A prospect needs a name. */
  g_assert_cmpint (crm_questionnaire_store_start (f->questionnaires,
                                                  crm_questionnaire_store_get_builtin_id (f->questionnaires),
                                                  0, "", &error), ==, 0);
  g_assert_error (error, CRM_QUESTIONNAIRE_STORE_ERROR, CRM_QUESTIONNAIRE_STORE_ERROR_INVALID);
}

static void
test_answers_checked (Fixture       *f,
                      gconstpointer  data)
{
  gint64 id = crm_questionnaire_store_start (f->questionnaires,
                                             crm_questionnaire_store_get_builtin_id (f->questionnaires),
                                             0, "新客户", NULL);
  struct {
    const char *question;
    const char *value;
    const char *other;
  } bad[] = {
    { "satisfaction", "6", NULL },
    { "satisfaction", "good", NULL },
    { "employees", "many", NULL },
    { "budget", "a-lot", NULL },
    { "budget", "under-50k", "cash" },
    { "nonexistent", "x", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(CrmAnswer) answer = crm_answer_new ((const char * const[]) { bad[i].value, NULL }, bad[i].other);
      g_autoptr(GError) error = NULL;

      g_assert_false (crm_questionnaire_store_set_answer (f->questionnaires, id, bad[i].question, answer, &error));
      g_assert_error (error, CRM_QUESTIONNAIRE_STORE_ERROR, CRM_QUESTIONNAIRE_STORE_ERROR_INVALID);
      g_test_message ("%s", error->message);
    }

  g_assert_cmpint (test_query_int (crm_database_get_handle (f->base.db),
                                   "SELECT count(*) FROM questionnaire_answer WHERE question_id <> 'company'"),
                   ==, 0);

  /* Answers are not undoable actions: the journal stays empty. */
  set (f, id, "satisfaction", "4", NULL);
  g_assert_cmpuint (crm_journal_count (f->base.journal), ==, 0);
}

/* Fills the built-in questionnaire for a returning customer. */
static gint64
fill_in (Fixture    *f,
         gint64      customer_id,
         const char *satisfaction)
{
  gint64 id = crm_questionnaire_store_start (f->questionnaires,
                                             crm_questionnaire_store_get_builtin_id (f->questionnaires),
                                             customer_id, NULL, NULL);

  g_assert_cmpint (id, >, 0);
  set (f, id, "industry", "MFG", NULL);
  set (f, id, "employees", "350", NULL);
  set (f, id, "contact", "李强", NULL);
  set (f, id, "contact-title", "技术总监", NULL);
  set (f, id, "contact-phone", "13987654321", NULL);
  set_many (f, id, "concerns", (const char * const[]) { "cost", "compliance", NULL }, "数据安全");
  set (f, id, "pain-point", "月底对账要三个人手工核对两天", NULL);
  set (f, id, "satisfaction", satisfaction, NULL);
  set (f, id, "frequency", "monthly", NULL);
  set (f, id, "plans", "明年在成都开新工厂", NULL);

  return id;
}

static void
test_submit_plan (Fixture       *f,
                  gconstpointer  data)
{
  gint64 customer_id = add_customer (f, CRM_CUSTOMER_TYPE_RETURNING);
  gint64 id = fill_in (f, customer_id, "2");
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmSubmitPlan) plan = crm_questionnaire_store_plan (f->questionnaires, id, &error);
  const CrmPlanChange *change;
  g_auto(GStrv) missing = NULL;

  g_assert_no_error (error);
  g_assert_false (crm_submit_plan_is_new_customer (plan));

  change = crm_submit_plan_find (plan, CRM_PLAN_CHANGE_FIELD, "industry");
  g_assert_nonnull (change);
  g_assert_cmpstr (change->old_value, ==, "互联网");
  g_assert_cmpstr (change->new_value, ==, "制造业");
  g_assert_nonnull (strstr (change->evidence, "制造业"));

  change = crm_submit_plan_find (plan, CRM_PLAN_CHANGE_FIELD, "employees");
  g_assert_cmpstr (change->old_value, ==, "120");
  g_assert_cmpstr (change->new_value, ==, "350");

  change = crm_submit_plan_find (plan, CRM_PLAN_CHANGE_FIELD, "pain_points");
  g_assert_cmpstr (change->new_value, ==, "月底对账要三个人手工核对两天");

  /* A new contact, since 李强 is not one yet. */
  g_assert_cmpuint (crm_submit_plan_count (plan, CRM_PLAN_CHANGE_CONTACT), ==, 3);
  g_assert_cmpuint (crm_submit_plan_get_contacts (plan)->len, ==, 2);

  /* Tags from concerns (with the "other" answer) and the preference; the
   * tag the customer had is kept. */
  g_assert_nonnull (crm_submit_plan_find (plan, CRM_PLAN_CHANGE_TAG, "Cost reduction"));
  g_assert_nonnull (crm_submit_plan_find (plan, CRM_PLAN_CHANGE_TAG, "Compliance"));
  g_assert_nonnull (crm_submit_plan_find (plan, CRM_PLAN_CHANGE_TAG, "数据安全"));
  g_assert_nonnull (crm_submit_plan_find (plan, CRM_PLAN_CHANGE_TAG, "Contact monthly"));
  g_assert_true (g_strv_contains (crm_submit_plan_get_tags (plan), "老朋友"));
  g_assert_cmpuint (g_strv_length ((GStrv)crm_submit_plan_get_tags (plan)), ==, 5);

  /* Draft requirements from the pain point and the expansion plans. */
  g_assert_cmpuint (crm_submit_plan_count (plan, CRM_PLAN_CHANGE_REQUIREMENT), ==, 2);
  change = crm_submit_plan_find (plan, CRM_PLAN_CHANGE_REQUIREMENT, "明年在成都开新工厂");
  g_assert_nonnull (change);
  g_assert_nonnull (strstr (change->evidence, "明年在成都开新工厂"));

  /* Satisfaction 2 flags the customer for key follow-up. */
  g_assert_true (crm_submit_plan_get_key_follow_up (plan));
  g_assert_cmpuint (crm_submit_plan_count (plan, CRM_PLAN_CHANGE_KEY_FOLLOW_UP), ==, 1);

  missing = crm_submit_plan_dup_missing (plan);
  g_assert_cmpuint (g_strv_length (missing), ==, 0);
}

static void
test_submit_plan_thresholds_and_skips (Fixture       *f,
                                       gconstpointer  data)
{
  gint64 returning = add_customer (f, CRM_CUSTOMER_TYPE_RETURNING);
  gint64 id = fill_in (f, returning, "3");
  g_autoptr(CrmSubmitPlan) plan = crm_questionnaire_store_plan (f->questionnaires, id, NULL);
  g_autoptr(CrmSubmitPlan) plan2 = NULL;
  g_autoptr(CrmCustomer) customer = NULL;
  g_autoptr(GError) error = NULL;
  gint64 prospect;

  /* 3 is not below 3. */
  g_assert_false (crm_submit_plan_get_key_follow_up (plan));

  /* A prospect is a new customer: the history module is skipped, so its
   * satisfaction answer (given before the type was known) counts for
   * nothing, and its required questions are not missing. */
  prospect = crm_questionnaire_store_start (f->questionnaires,
                                            crm_questionnaire_store_get_builtin_id (f->questionnaires),
                                            0, "宁波海港贸易有限公司", &error);
  g_assert_no_error (error);
  set (f, prospect, "satisfaction", "1", NULL);
  plan2 = crm_questionnaire_store_plan (f->questionnaires, prospect, &error);
  g_assert_no_error (error);
  g_assert_true (crm_submit_plan_is_new_customer (plan2));
  g_assert_false (crm_submit_plan_get_key_follow_up (plan2));
  {
    g_auto(GStrv) missing = crm_submit_plan_dup_missing (plan2);

    /* Industry and core concerns; not satisfaction. */
    g_assert_cmpuint (g_strv_length (missing), ==, 2);
    g_assert_false (g_strv_contains ((const char * const *)missing, "Overall satisfaction"));
  }

  g_assert_cmpint (crm_questionnaire_store_submit (f->questionnaires, prospect, &error), ==, 0);
  g_assert_error (error, CRM_QUESTIONNAIRE_STORE_ERROR, CRM_QUESTIONNAIRE_STORE_ERROR_MISSING);
  g_assert_nonnull (strstr (error->message, "Industry"));
  g_clear_error (&error);

  set (f, prospect, "industry", "TRA", NULL);
  set_many (f, prospect, "concerns", (const char * const[]) { "market", NULL }, NULL);
  prospect = crm_questionnaire_store_submit (f->questionnaires, prospect, &error);
  g_assert_no_error (error);
  customer = crm_customer_store_get (f->base.store, prospect, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (crm_customer_get_name (customer), ==, "宁波海港贸易有限公司");
  g_assert_cmpstr (crm_customer_get_industry_code (customer), ==, "TRA");
  g_assert_true (g_strv_contains (crm_customer_get_tags (customer), "Market expansion"));
}

static void
test_submit_applies_and_undoes (Fixture       *f,
                                gconstpointer  data)
{
  gint64 customer_id = add_customer (f, CRM_CUSTOMER_TYPE_RETURNING);
  gint64 id = fill_in (f, customer_id, "2");
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmCustomer) customer = NULL;
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(CrmQuestionnaireResponse) response = NULL;
  guint journal = crm_journal_count (f->base.journal);
  g_autofree char *label = NULL;

  g_assert_cmpint (crm_questionnaire_store_submit (f->questionnaires, id, &error), ==, customer_id);
  g_assert_no_error (error);
  g_assert_cmpuint (crm_journal_count (f->base.journal), ==, journal + 1);

  customer = crm_customer_store_get (f->base.store, customer_id, &error);
  g_assert_cmpstr (crm_customer_get_industry_code (customer), ==, "MFG");
  g_assert_cmpint (crm_customer_get_employees (customer), ==, 350);
  g_assert_cmpstr (crm_customer_get_pain_points (customer), ==, "月底对账要三个人手工核对两天");
  g_assert_true (g_strv_contains (crm_customer_get_tags (customer), "Cost reduction"));
  g_assert_true (g_strv_contains (crm_customer_get_tags (customer), "数据安全"));
  g_assert_true (g_strv_contains (crm_customer_get_tags (customer), "老朋友"));
  contacts = crm_customer_store_list_contacts (f->base.store, customer_id);
  g_assert_cmpuint (contacts->len, ==, 2);
  g_assert_cmpstr (crm_contact_get_name (g_ptr_array_index (contacts, 1)), ==, "李强");
  g_assert_cmpstr (crm_contact_get_phone (g_ptr_array_index (contacts, 1)), ==, "13987654321");

  /* The pain point and the expansion plans became draft requirements of
   * the customer, from the survey, with the answers as evidence; the
   * satisfaction of 2 flagged the customer; the timeline shows it all. */
  {
    sqlite3 *handle = crm_database_get_handle (f->base.db);
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM requirement r"
                                            "  JOIN requirement_customer rc ON rc.requirement_id = r.id"
                                            "  WHERE rc.customer_id = %" G_GINT64_FORMAT
                                            "    AND r.source = 'survey' AND r.status = 'pending'"
                                            "    AND EXISTS (SELECT 1 FROM requirement_evidence e"
                                            "                WHERE e.requirement_id = r.id AND e.kind = 'answer'"
                                            "                  AND e.source_id = %" G_GINT64_FORMAT ")",
                                            customer_id, id);
    g_autofree char *reason = crm_key_follow_up_dup_reason (f->base.db, customer_id);
    g_autoptr(CrmPagedList) timeline = crm_timeline_new (f->base.store, customer_id);
    g_autoptr(CrmTimelineEntry) newest = NULL;

    g_assert_cmpint (test_query_int (handle, sql), ==, 2);
    g_assert_cmpint (test_query_int (handle, "SELECT count(*) FROM requirement WHERE title = '明年在成都开新工厂'"),
                     ==, 1);
    g_assert_nonnull (reason);
    g_assert_nonnull (strstr (reason, "2"));
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (timeline)), >=, 4);
    newest = g_list_model_get_item (G_LIST_MODEL (timeline), 0);
    g_assert_nonnull (newest);
  }

  response = crm_questionnaire_store_get_response (f->questionnaires, id, &error);
  g_assert_cmpint (crm_questionnaire_response_get_state (response), ==, CRM_RESPONSE_SUBMITTED);
  g_assert_cmpuint (g_list_model_get_n_items (crm_questionnaire_store_list_drafts (f->questionnaires)), ==, 0);

  /* A submitted response's answers no longer change. */
  {
    g_autoptr(CrmAnswer) answer = crm_answer_new ((const char * const[]) { "5", NULL }, NULL);

    g_assert_false (crm_questionnaire_store_set_answer (f->questionnaires, id, "satisfaction", answer, &error));
    g_assert_error (error, CRM_QUESTIONNAIRE_STORE_ERROR, CRM_QUESTIONNAIRE_STORE_ERROR_SUBMITTED);
    g_clear_error (&error);
  }

  /* One undo takes all of it back and reopens the draft. */
  label = crm_journal_undo (f->base.journal, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (label, ==, "Submit questionnaire");
  g_clear_object (&customer);
  customer = crm_customer_store_get (f->base.store, customer_id, &error);
  g_assert_cmpstr (crm_customer_get_industry_code (customer), ==, "NET");
  g_assert_false (g_strv_contains (crm_customer_get_tags (customer), "Cost reduction"));
  g_assert_cmpuint (g_list_model_get_n_items (crm_questionnaire_store_list_drafts (f->questionnaires)), ==, 1);
  g_assert_cmpint (test_query_int (crm_database_get_handle (f->base.db), "SELECT count(*) FROM requirement"), ==, 0);
  g_assert_null (crm_key_follow_up_dup_reason (f->base.db, customer_id));
}

/* Results ------------------------------------------------------------------ */

static const CrmQuestionResult *
result_of (CrmQuestionnaireResults *results,
           const char              *question_id)
{
  GPtrArray *questions = crm_questionnaire_results_get_questions (results);

  for (guint i = 0; i < questions->len; i++)
    {
      CrmQuestionResult *result = g_ptr_array_index (questions, i);

      if (g_str_equal (result->question->id, question_id))
        return result;
    }

  g_assert_not_reached ();
}

static guint
count_of (const CrmQuestionResult *result,
          const char              *label)
{
  for (guint i = 0; i < result->labels->len; i++)
    if (g_str_equal (g_ptr_array_index (result->labels, i), label))
      return g_array_index (result->counts, guint, i);

  g_assert_not_reached ();
}

static void
test_results (Fixture       *f,
              gconstpointer  data)
{
  gint64 a = add_named_customer (f, "甲公司", CRM_CUSTOMER_TYPE_RETURNING);
  gint64 b = add_named_customer (f, "乙公司", CRM_CUSTOMER_TYPE_RETURNING);
  gint64 template_id = crm_questionnaire_store_get_builtin_id (f->questionnaires);
  g_autoptr(CrmQuestionnaireResults) results = NULL;
  g_autoptr(CrmQuestionnaireResults) filtered = NULL;
  g_autoptr(GError) error = NULL;
  const CrmQuestionResult *result;
  gint64 draft;

  add_named_customer (f, "丙公司", CRM_CUSTOMER_TYPE_NEW);
  g_assert_cmpint (crm_questionnaire_store_submit (f->questionnaires, fill_in (f, a, "2"), &error), ==, a);
  g_assert_no_error (error);
  g_assert_cmpint (crm_questionnaire_store_submit (f->questionnaires, fill_in (f, b, "5"), &error), ==, b);
  g_assert_no_error (error);
  draft = crm_questionnaire_store_start (f->questionnaires, template_id, 0, "丁公司", &error);
  g_assert_no_error (error);
  set (f, draft, "budget", "over-500k", NULL);

  results = crm_questionnaire_results_compute (f->questionnaires, template_id, 0, CRM_TIER_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (crm_questionnaire_results_get_n_responses (results), ==, 2);
  g_assert_cmpuint (crm_questionnaire_results_get_n_drafts (results), ==, 1);
  g_assert_cmpuint (crm_questionnaire_results_get_n_customers (results), ==, 3);
  g_assert_cmpfloat_with_epsilon (crm_questionnaire_results_get_response_rate (results), 2.0 / 3, 1e-9);

  result = result_of (results, "satisfaction");
  g_assert_cmpuint (result->n_answered, ==, 2);
  g_assert_cmpfloat_with_epsilon (crm_question_result_get_average (result), 3.5, 1e-9);
  g_assert_cmpuint (count_of (result, "2"), ==, 1);
  g_assert_cmpuint (count_of (result, "5"), ==, 1);

  result = result_of (results, "concerns");
  g_assert_cmpuint (count_of (result, "Cost reduction"), ==, 2);
  g_assert_cmpuint (count_of (result, "Market expansion"), ==, 0);
  g_assert_cmpuint (result->n_other, ==, 2);
  g_assert_cmpfloat_with_epsilon (crm_question_result_get_share (result, 0), 1.0, 1e-9);

  /* The draft's budget is not counted. */
  g_assert_cmpuint (result_of (results, "budget")->n_answered, ==, 0);

  /* Filters read the customer as it is now: both that answered became
   * 制造业; only 丙公司, who did not answer, is still 互联网. */
  filtered = crm_questionnaire_results_compute (f->questionnaires, template_id, industry_id (f, "NET"),
                                                CRM_TIER_NONE, &error);
  g_assert_cmpuint (crm_questionnaire_results_get_n_responses (filtered), ==, 0);
  g_assert_cmpuint (crm_questionnaire_results_get_n_customers (filtered), ==, 1);
  g_assert_cmpfloat_with_epsilon (crm_questionnaire_results_get_response_rate (filtered), 0, 1e-9);
  g_clear_object (&filtered);
  filtered = crm_questionnaire_results_compute (f->questionnaires, template_id, industry_id (f, "MFG"),
                                                CRM_TIER_NONE, &error);
  g_assert_cmpuint (crm_questionnaire_results_get_n_responses (filtered), ==, 2);
  g_assert_cmpfloat_with_epsilon (crm_questionnaire_results_get_response_rate (filtered), 1.0, 1e-9);
  g_clear_object (&filtered);
  filtered = crm_questionnaire_results_compute (f->questionnaires, template_id, 0, CRM_TIER_S, &error);
  g_assert_cmpuint (crm_questionnaire_results_get_n_responses (filtered), ==, 0);
  g_assert_cmpuint (result_of (filtered, "satisfaction")->n_answered, ==, 0);
  g_assert_true (isnan (crm_question_result_get_average (result_of (filtered, "satisfaction"))));
}

static void
test_results_csv (Fixture       *f,
                  gconstpointer  data)
{
  gint64 a = add_named_customer (f, "甲公司", CRM_CUSTOMER_TYPE_RETURNING);
  gint64 template_id = crm_questionnaire_store_get_builtin_id (f->questionnaires);
  g_autofree char *path = test_tmp_path ("responses.csv");
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 0;

  g_assert_cmpint (crm_questionnaire_store_submit (f->questionnaires, fill_in (f, a, "2"), &error), ==, a);
  g_assert_true (crm_questionnaire_results_export_csv (f->questionnaires, template_id, path, FALSE, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 1);

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "\xef\xbb\xbf\"Response\""));
  lines = g_strsplit (contents, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_nonnull (strstr (lines[0], "\"Overall satisfaction\""));
  g_assert_nonnull (strstr (lines[1], "\"甲公司\",\"制造业\""));
  g_assert_nonnull (strstr (lines[1], "\"Cost reduction; Compliance; 数据安全\""));
  g_assert_nonnull (strstr (lines[1], "\"月底对账要三个人手工核对两天\""));

  /* An existing file is left as it is unless replacing is asked for. */
  g_assert_false (crm_questionnaire_results_export_csv (f->questionnaires, template_id, path, FALSE, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_true (crm_questionnaire_results_export_csv (f->questionnaires, template_id, path, TRUE, NULL, &error));
  g_assert_no_error (error);
}

static void
test_chart_draws_bars (void)
{
  const CrmAnswerBar bars[] = { { "降低成本", 3 }, { "Compliance", 1 }, { "市场拓展", 0 } };
  const double blue[3] = { 0.21, 0.52, 0.89 };
  const double red[3] = { 1.0, 0.0, 0.0 };
  double height = crm_answer_chart_bars_height (G_N_ELEMENTS (bars));
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 400, (int)height);
  cairo_t *cr = cairo_create (surface);
  guint32 *pixels;
  int stride;

  crm_answer_chart_draw_bars (cr, 400, "Sans 10", bars, G_N_ELEMENTS (bars), 4, blue, red);
  cairo_surface_flush (surface);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);

  pixels = (guint32 *)cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface) / 4;

  /* The first bar (3 of 4) is filled in its colour a little way in; the
   * third (0) only shows its pale track there. */
  {
    guint32 first = pixels[11 * stride + 160];
    guint32 third = pixels[(11 + 60) * stride + 160];

    /* Within cairo's rounding of the colour. */
    g_assert_cmpint (ABS ((int)((first >> 16) & 0xff) - (int)(blue[0] * 255)), <=, 2);
    g_assert_cmpint (ABS ((int)((first >> 8) & 0xff) - (int)(blue[1] * 255)), <=, 2);
    g_assert_cmpint (ABS ((int)(first & 0xff) - (int)(blue[2] * 255)), <=, 2);
    g_assert_cmphex (first >> 24, ==, 0xff);
    g_assert_cmphex (third >> 24, <, 0x80);
  }

  /* The labels are drawn in the text colour asked for (the theme's, on
   * screen), not a fixed dark grey that a dark style would hide. */
  {
    guint n_red = 0, n_other = 0;

    for (int y = 0; y < 22; y++)
      for (int x = 0; x < 140; x++)
        {
          guint32 pixel = pixels[y * stride + x];
          guint alpha = pixel >> 24;

          /* Premultiplied: pure red keeps red at alpha, the rest at 0. */
          if (alpha < 0x80)
            continue;
          if (((pixel >> 16) & 0xff) + 8 >= alpha && ((pixel >> 8) & 0xff) < 0x10 && (pixel & 0xff) < 0x10)
            n_red++;
          else
            n_other++;
        }
    g_assert_cmpuint (n_red, >, 10);
    g_assert_cmpuint (n_other, ==, 0);
  }

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* Draft recovery after SIGKILL ------------------------------------------- */

static const struct {
  const char *question;
  const char *value;
  const char *module;
} kill_answers[] = {
  { "employees", "88", "basic" },
  { "contact", "赵敏", "basic" },
  { "pain-point", "仓库盘点靠纸质单据", "needs" },
  { "budget", "50k-200k", "needs" },
  { "frequency", "weekly", "relationship" },
};

static void
test_draft_survives_sigkill (Fixture       *f,
                             gconstpointer  data)
{
  gint64 template_id = crm_questionnaire_store_get_builtin_id (f->questionnaires);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmQuestionnaireResponse) response = NULL;
  g_autoptr(CrmQuestionnaireStore) reopened_store = NULL;
  int fds[2];
  pid_t pid;
  guint given = 0;
  char ready;
  int status = 0;

  g_assert_cmpint (pipe (fds), ==, 0);

  pid = fork ();
  g_assert_cmpint (pid, >=, 0);

  if (pid == 0)
    {
      /* The helper process: its own connection, answering one question
       * after another and telling the parent after each; the parent kills
       * it in the middle. */
      CrmDatabase *db;
      CrmJournal *journal;
      CrmCustomerStore *store;
      CrmQuestionnaireStore *questionnaires;
      gint64 id;

      close (fds[0]);
      db = crm_database_open (f->base.path, NULL);
      if (db == NULL)
        _exit (2);
      journal = crm_journal_new (db);
      store = crm_customer_store_new (journal);
      questionnaires = crm_questionnaire_store_new (store);
      id = crm_questionnaire_store_start (questionnaires, template_id, 0, "温州鞋业有限公司", NULL);
      if (id <= 0)
        _exit (3);

      for (guint i = 0;; i = (i + 1) % G_N_ELEMENTS (kill_answers))
        {
          g_autoptr(CrmAnswer) answer = crm_answer_new ((const char * const[]) { kill_answers[i].value, NULL }, NULL);
          char step = 'a';

          if (!crm_questionnaire_store_set_current_module (questionnaires, id, kill_answers[i].module, NULL) ||
              !crm_questionnaire_store_set_answer (questionnaires, id, kill_answers[i].question, answer, NULL))
            _exit (4);
          if (write (fds[1], &step, 1) != 1)
            _exit (5);
          if (i == G_N_ELEMENTS (kill_answers) - 1)
            for (;;)
              pause ();
        }
    }

  close (fds[1]);
  /* Kill it after the fourth answer was reported saved; it may be halfway
   * through the fifth. */
  while (given < 4 && read (fds[0], &ready, 1) == 1)
    given++;
  g_assert_cmpuint (given, ==, 4);
  g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status));
  g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);
  close (fds[0]);

  /* Reopened (here with a fresh store on the parent's connection), the
   * draft is listed, holds every answer reported saved, and reopens on
   * the module it was left at (needs, or relationship if the fifth
   * answer got through). */
  reopened_store = crm_questionnaire_store_new (f->base.store);
  g_assert_cmpuint (g_list_model_get_n_items (crm_questionnaire_store_list_drafts (reopened_store)), ==, 1);
  response = g_list_model_get_item (crm_questionnaire_store_list_drafts (reopened_store), 0);
  g_assert_cmpstr (crm_questionnaire_response_get_customer_name (response), ==, "温州鞋业有限公司");
  for (guint i = 0; i < 4; i++)
    g_assert_cmpstr (value_of (response, kill_answers[i].question), ==, kill_answers[i].value);
  g_assert_true (g_strcmp0 (crm_questionnaire_response_get_current_module (response), "needs") == 0 ||
                 g_strcmp0 (crm_questionnaire_response_get_current_module (response), "relationship") == 0);

  g_assert_cmpint (test_query_int (crm_database_get_handle (f->base.db), "PRAGMA quick_check = 1") , ==, 0);

  /* And answering goes on. */
  set (f, crm_questionnaire_response_get_id (response), "remarks", "继续", NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/questionnaire/responses/prefilled-from-customer", test_start_prefills_from_customer);
  ADD ("/questionnaire/responses/answers-checked", test_answers_checked);
  ADD ("/questionnaire/submit/plan", test_submit_plan);
  ADD ("/questionnaire/submit/thresholds-and-skips", test_submit_plan_thresholds_and_skips);
  ADD ("/questionnaire/submit/applies-and-undoes", test_submit_applies_and_undoes);
  ADD ("/questionnaire/responses/draft-survives-sigkill", test_draft_survives_sigkill);
  ADD ("/questionnaire/results/counts-shares-averages-filters", test_results);
  ADD ("/questionnaire/results/csv", test_results_csv);
#undef ADD
  g_test_add_func ("/questionnaire/results/chart", test_chart_draws_bars);

  return g_test_run ();
}
