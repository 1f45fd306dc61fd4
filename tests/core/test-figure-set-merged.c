/* test-figure-set-merged.c — figures over follow-ups, tier history, requirements and questionnaires
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>
#include <string.h>

#include "crm-figure-set.h"
#include "crm-questionnaire-builtin.h"
#include "crm-questionnaire-json.h"
#include "crm-report-make.h"
#include "test-pdf.h"
#include "test-figure-set-util.h"
#include "test-util.h"
#include "test-report-fixture.h"

/*
 * On top of the six customers of test-report-fixture.h (c1 甲 S, c2 乙 A,
 * c3 丙 B, c4 丁 C, c5 戊 ungraded, c6 己 B; deals in 2026Q3: c1, c3, c5;
 * churned: c2), the figures of 2026Q3 (2026-07-01 to 2026-09-30) worked
 * out by hand:
 *
 * Follow-ups. In the quarter: c1 (f1, f2), c2 (f3), c4 (f5, 23:30 on the
 * last day), c6 (f7): 4 customers; conversion 3 deals ÷ 4 = 75.0%.
 * Overdue: f3 (due 08-20, nothing after it) and f6 (logged in Q2, due
 * 07-02, the next follow-up only on 07-03) = 2; f1 is followed by f2
 * before its due time, f5 falls due after the quarter. c2's last refusal
 * by the end is f3's "预算冻结" (f4's "价格太高" came before).
 *
 * Tier history: t1 c1 A→S on 08-01 (a change), t2 c6 none→B on 07-20 (a
 * first grading), t3 c2 S→A on 10-15 (after), t4 c5 B→none in May: one
 * change. At the end of the quarter (customers c1 c2 c3 c5 c6) S 2 (c1,
 * c2 before t3), A 0, B 2, C 0, ungraded 1; at its start (c2 c5 c6) S 1
 * (c2), ungraded 2 (c5, c6 before t2).
 *
 * Key follow-ups: k1 c2 open since 08-25, k2 c6 cleared 09-15, k3 c1
 * 09-20 cleared 10-10, k4 c4 raised 10-02: up at the end 2 (c2, c1).
 *
 * Requirements raised in the quarter: r1 (c1, functional, 5/5 do now,
 * done), r2 (c2, service, 4/2 plan, rejected), r3 (c3, experience, 2/5
 * standardise, in progress), r5 (no customer, uncategorised, 4/4 do now,
 * pending), r7 (c6, performance, 1/1 defer, done after the quarter): 5;
 * r6 is merged into r1, r4 and r8 were raised before. Closed in the
 * quarter: r1 after 10 days (score 4), r2 after 3.5 → 4 days, r4 after
 * 91 days at its second closing (score 2), r8 after 107.96 → 108 days
 * (score 1): 4; closure rate 4 ÷ 5 = 80.0%; mean time to close 213 ÷ 4 =
 * 53.25 days.
 *
 * Questionnaires (built-in template, rating "satisfaction"): started in
 * the quarter q1 (c1), q2 (c2), q3 (c3, still a draft), q4 (c6, submitted
 * after), q5 (a prospect): 5, submitted by the end 3: 60.0%. Ratings
 * submitted in the quarter: q1 5, q2 3, q5 4, q6 5 (c5, started in Q2);
 * q7's answer is not valid JSON, so no score.
 * Satisfaction (4 + 2 + 1 + 5 + 3 + 4 + 5) ÷ 7 = 24 ÷ 7 = 3.43; by month
 * 2026-07 (4 + 2 + 5 + 5) ÷ 4 = 4.0, 2026-08 (3 + 4) ÷ 2 = 3.5, 2026-09
 * 1.0, no score in the other months.
 *
 * Segment tier:A is c2 alone: conversion 0 ÷ 1; overdue 1 (f3); raised
 * 1 (r2), closed 2 (r2, r8), mean time (4 + 108) ÷ 2 = 56 days;
 * satisfaction (1 + 3) ÷ 2 = 2; response rate 1 ÷ 1; key follow-ups 1.
 */
static const char * const merged_sql =
  "INSERT INTO follow_up (id, customer_id, happened_at, channel, content, feedback, refusal_reason,"
  "                       next_action, next_action_due) VALUES"
  "  (1, 1, '2026-07-05T10:00:00Z', 'phone', '回访', 'pending', NULL, '报价', '2026-07-20T09:00:00Z'),"
  "  (2, 1, '2026-07-18T10:00:00Z', 'visit', '拜访', 'clear-need', NULL, NULL, NULL),"
  "  (3, 2, '2026-08-10T10:00:00Z', 'phone', '续约', 'refused', '预算冻结', '再沟通', '2026-08-20T00:00:00Z'),"
  "  (4, 2, '2026-06-01T10:00:00Z', 'email', '报价', 'refused', '价格太高', NULL, NULL),"
  "  (5, 4, '2026-09-30T23:30:00Z', 'phone', '初访', 'pending', NULL, '演示', '2026-10-05T00:00:00Z'),"
  "  (6, 6, '2026-06-30T23:59:59Z', 'meeting', '会议', 'pending', NULL, '合同', '2026-07-02T00:00:00Z'),"
  "  (7, 6, '2026-07-03T08:00:00Z', 'phone', '跟进', 'pending', NULL, NULL, NULL),"
  "  (8, 3, '2026-10-01T00:00:00Z', 'phone', '跟进', 'pending', NULL, NULL, NULL);"
  "INSERT INTO tier_history (customer_id, changed_at, from_tier, to_tier, reason) VALUES"
  "  (1, '2026-08-01T00:00:00Z', 'A', 'S', '年采购额达到 50 万'),"
  "  (6, '2026-07-20T00:00:00Z', NULL, 'B', '首次定级'),"
  "  (2, '2026-10-15T00:00:00Z', 'S', 'A', '季度复评'),"
  "  (5, '2026-05-01T00:00:00Z', 'B', NULL, '取消定级');"
  "INSERT INTO key_follow_up (customer_id, reason, raised_at, cleared_at) VALUES"
  "  (2, '满意度 2 分', '2026-08-25T00:00:00Z', NULL),"
  "  (6, '需求未解决', '2026-07-10T00:00:00Z', '2026-09-15T00:00:00Z'),"
  "  (1, '需求未解决', '2026-09-20T00:00:00Z', '2026-10-10T00:00:00Z'),"
  "  (4, '满意度 1 分', '2026-10-02T00:00:00Z', NULL);"
  "INSERT INTO requirement (id, code, title, category, importance, urgency, status, satisfaction,"
  "                         customer_id, merged_into, created_at) VALUES"
  "  (1, 'REQ-0001', '批量导出', 'functional', 5, 5, 'done', 4, 1, NULL, '2026-07-10T08:00:00Z'),"
  "  (2, 'REQ-0002', '上门培训', 'service', 4, 2, 'rejected', NULL, 2, NULL, '2026-08-01T00:00:00Z'),"
  "  (3, 'REQ-0003', '界面简化', 'experience', 2, 5, 'in_progress', NULL, 3, NULL, '2026-09-01T00:00:00Z'),"
  "  (4, 'REQ-0004', '账期延长', 'commercial', 3, 3, 'done', 2, 5, NULL, '2026-05-01T00:00:00Z'),"
  "  (5, 'REQ-0005', '行业报告提到的需求', NULL, 4, 4, 'pending', NULL, NULL, NULL, '2026-09-10T00:00:00Z'),"
  "  (6, 'REQ-0006', '批量导出（重复）', 'functional', 5, 5, 'pending', NULL, 1, 1, '2026-08-15T00:00:00Z'),"
  "  (7, 'REQ-0007', '响应更快', 'performance', 1, 1, 'done', 5, 6, NULL, '2026-07-01T00:00:00Z'),"
  "  (8, 'REQ-0008', '对账单', 'functional', 3, 3, 'done', 1, 2, NULL, '2026-06-15T00:00:00Z');"
  "INSERT INTO requirement_customer (requirement_id, customer_id)"
  "  SELECT id, customer_id FROM requirement WHERE customer_id IS NOT NULL;"
  "INSERT INTO requirement_status_history (requirement_id, from_status, to_status, changed_at) VALUES"
  "  (1, NULL, 'pending', '2026-07-10T08:00:00.000Z'), (1, 'pending', 'done', '2026-07-20T08:00:00.000Z'),"
  "  (2, NULL, 'pending', '2026-08-01T00:00:00.000Z'), (2, 'pending', 'rejected', '2026-08-04T12:00:00.000Z'),"
  "  (3, NULL, 'pending', '2026-09-01T00:00:00.000Z'), (3, 'pending', 'in_progress', '2026-09-02T00:00:00.000Z'),"
  "  (4, NULL, 'pending', '2026-05-01T00:00:00.000Z'), (4, 'pending', 'done', '2026-06-01T00:00:00.000Z'),"
  "  (4, 'done', 'pending', '2026-07-05T00:00:00.000Z'), (4, 'pending', 'done', '2026-07-31T00:00:00.000Z'),"
  "  (5, NULL, 'pending', '2026-09-10T00:00:00.000Z'),"
  "  (6, NULL, 'pending', '2026-08-15T00:00:00.000Z'), (6, 'pending', 'done', '2026-08-16T00:00:00.000Z'),"
  "  (7, NULL, 'pending', '2026-07-01T00:00:00.000Z'), (7, 'pending', 'done', '2026-10-02T00:00:00.000Z'),"
  "  (8, NULL, 'pending', '2026-06-15T00:00:00.000Z'), (8, 'pending', 'done', '2026-09-30T23:00:00.000Z');"
  "INSERT INTO questionnaire_response (id, template_id, customer_id, prospect_name, state, created_at,"
  "                                    submitted_at) VALUES"
  "  (1, 1, 1, NULL, 'submitted', '2026-07-02T09:00:00Z', '2026-07-03T10:00:00Z'),"
  "  (2, 1, 2, NULL, 'submitted', '2026-08-10T09:00:00Z', '2026-08-12T10:00:00Z'),"
  "  (3, 1, 3, NULL, 'draft', '2026-09-29T09:00:00Z', NULL),"
  "  (4, 1, 6, NULL, 'submitted', '2026-09-30T20:00:00Z', '2026-10-01T09:00:00Z'),"
  "  (5, 1, NULL, '新客户', 'submitted', '2026-08-01T09:00:00Z', '2026-08-01T11:00:00Z'),"
  "  (6, 1, 5, NULL, 'submitted', '2026-06-20T09:00:00Z', '2026-07-01T01:00:00Z');"
  "INSERT INTO questionnaire_answer (response_id, question_id, value) VALUES"
  "  (1, 'satisfaction', '[\"5\"]'), (2, 'satisfaction', '[\"3\"]'), (3, 'satisfaction', '[\"1\"]'),"
  "  (4, 'satisfaction', '[\"2\"]'), (5, 'satisfaction', '[\"4\"]'), (6, 'satisfaction', '[\"5\"]'),"
  "  (1, 'products', '[\"云平台\"]');"
  /* Not a rating: left out rather than failing the report. */
  "INSERT INTO questionnaire_response (id, template_id, customer_id, state, created_at, submitted_at)"
  "  VALUES (7, 1, NULL, 'submitted', '2026-06-01T09:00:00Z', '2026-08-02T10:00:00Z');"
  "INSERT INTO questionnaire_answer (response_id, question_id, value) VALUES (7, 'satisfaction', '[\"5');";

typedef struct
{
  char        *path;
  CrmDatabase *db;
} Fixture;

static void
insert_builtin_template (sqlite3 *handle)
{
  g_autoptr(CrmQuestionnaire) builtin = crm_questionnaire_builtin_new ();
  g_autofree char *json = crm_questionnaire_to_json (builtin);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (handle,
                                       "INSERT INTO questionnaire_template (id, family, version, name, builtin, definition)"
                                       "  VALUES (1, ?, 1, ?, 1, ?)",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, CRM_QUESTIONNAIRE_BUILTIN_FAMILY, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, crm_questionnaire_get_name (builtin), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, json, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
}

/* @data: TRUE for the whole fixture, FALSE for customers and cooperation
 * only (no follow-up, requirement, questionnaire … recorded). */
static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *handle;

  f->path = test_tmp_path ("merged.db");
  f->db = crm_database_open (f->path, &error);
  g_assert_no_error (error);
  handle = crm_database_get_handle (f->db);
  test_exec (handle, fixture_sql);
  if (GPOINTER_TO_INT (data))
    {
      insert_builtin_template (handle);
      test_exec (handle, merged_sql);
    }
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_assert_finalize_object (f->db);
  g_free (f->path);
}

static CrmFigureSet *
compute (Fixture    *f,
         const char *period_text,
         const char *segment_key)
{
  return test_compute_figures (f->db, period_text, segment_key);
}

static const CrmFigure *
get (CrmFigureSet *set,
     CrmFigureId   id)
{
  const CrmFigure *figure = crm_figure_set_get (set, id);

  g_assert_nonnull (figure);

  return figure;
}

static double
value (CrmFigureSet *set,
       CrmFigureId   id)
{
  return test_figure_value (set, id);
}

static void
assert_ratio (CrmFigureSet *set,
              CrmFigureId   id,
              gint64        numerator,
              gint64        denominator)
{
  const CrmFigure *figure = get (set, id);

  g_assert_cmpint (figure->numerator, ==, numerator);
  g_assert_cmpint (figure->denominator, ==, denominator);
  g_assert_true (figure->has_value);
  g_assert_cmpfloat_with_epsilon (figure->value, (double)numerator / denominator, 1e-9);
}

static void
assert_no_data (CrmFigureSet *set,
                CrmFigureId   id)
{
  const CrmFigure *figure = get (set, id);
  g_autofree char *text = crm_figure_format (figure);

  g_assert_false (figure->has_value);
  g_assert_cmpstr (text, ==, "no data");
}

static void
assert_chart (CrmChartData       *chart,
              const char * const *labels,
              const double       *values)
{
  guint n = g_strv_length ((char **)labels);

  g_assert_nonnull (chart);
  g_assert_cmpuint (crm_chart_data_get_n_categories (chart), ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpstr (crm_chart_data_get_category (chart, i), ==, labels[i]);
      g_assert_cmpfloat (crm_chart_data_get_value (chart, 0, i), ==, values[i]);
    }
}

static void
test_follow_ups (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(CrmFigureSet) set = compute (f, "2026Q3", NULL);
  g_autofree char *conversion = crm_figure_format (get (set, CRM_FIGURE_CONVERSION_RATE));
  const char * const reasons[] = { "预算冻结", NULL };
  const double counts[] = { 1 };

  assert_ratio (set, CRM_FIGURE_CONVERSION_RATE, 3, 4);
  g_assert_cmpstr (conversion, ==, "75.0%");
  g_assert_cmpfloat (value (set, CRM_FIGURE_OVERDUE_FOLLOW_UPS), ==, 2);
  assert_chart (crm_figure_set_get_churn_reasons (set), reasons, counts);
}

static void
test_tiers (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(CrmFigureSet) set = compute (f, "2026Q3", NULL);
  CrmChartData *tiers = crm_figure_set_get_tier_mix (set);
  const double end[] = { 2, 0, 2, 0, 1 };
  const double start[] = { 1, 0, 0, 0, 2 };

  g_assert_cmpfloat (value (set, CRM_FIGURE_TIER_CHANGES), ==, 1);
  g_assert_cmpuint (crm_chart_data_get_n_series (tiers), ==, 2);
  for (guint i = 0; i < G_N_ELEMENTS (end); i++)
    {
      g_assert_cmpfloat (crm_chart_data_get_value (tiers, 0, i), ==, end[i]);
      g_assert_cmpfloat (crm_chart_data_get_value (tiers, 1, i), ==, start[i]);
    }
}

static void
test_key_follow_ups (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(CrmFigureSet) set = compute (f, "2026Q3", NULL);
  GPtrArray *customers = crm_figure_set_get_key_follow_up_customers (set);
  CrmReportCustomer *first;

  g_assert_cmpfloat (value (set, CRM_FIGURE_KEY_FOLLOW_UPS), ==, 2);
  g_assert_cmpuint (customers->len, ==, 2);
  first = g_ptr_array_index (customers, 0);
  g_assert_cmpstr (first->name, ==, "乙公司");
  g_assert_cmpstr (first->reason, ==, "满意度 2 分");
  g_assert_cmpstr (first->date, ==, "2026-08-25");
  g_assert_cmpstr (first->phone, ==, "13698765432");
  g_assert_cmpstr (((CrmReportCustomer *)g_ptr_array_index (customers, 1))->name, ==, "甲公司");
}

static void
test_requirements (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(CrmFigureSet) set = compute (f, "2026Q3", NULL);
  g_autofree char *mean = NULL;
  const char * const categories[] = { "Functional", "Service", "Experience", "Commercial", "Performance",
                                      "Uncategorised", NULL };
  const double by_category[] = { 1, 1, 1, 0, 1, 1 };
  const char * const quadrants[] = { "Important and urgent: do now", "Important, not urgent: plan",
                                     "Urgent, not important: standardise or delegate", "Neither: defer", NULL };
  const double by_quadrant[] = { 2, 1, 1, 1 };
  const char * const statuses[] = { "Pending", "In Progress", "Done", "Rejected", NULL };
  const double by_status[] = { 1, 1, 2, 1 };
  CrmChartData *matrix;

  g_assert_cmpfloat (value (set, CRM_FIGURE_REQUIREMENTS), ==, 5);
  assert_ratio (set, CRM_FIGURE_CLOSURE_RATE, 4, 5);
  assert_ratio (set, CRM_FIGURE_MEAN_TIME_TO_CLOSE, 10 + 4 + 91 + 108, 4);
  mean = crm_figure_format (get (set, CRM_FIGURE_MEAN_TIME_TO_CLOSE));
  g_assert_cmpstr (mean, ==, "53.2 days");
  assert_chart (crm_figure_set_get_requirements_by_category (set), categories, by_category);
  assert_chart (crm_figure_set_get_requirements_by_quadrant (set), quadrants, by_quadrant);
  assert_chart (crm_figure_set_get_requirements_by_status (set), statuses, by_status);

  /* The matrix counts open requirements by their two scores: REQ-0003
   * (importance 2, urgency 5) and REQ-0005 (4, 4); the merged REQ-0006
   * and the closed ones are not on it. */
  matrix = crm_figure_set_get_priority_matrix (set);
  g_assert_nonnull (matrix);
  g_assert_cmpint (crm_chart_data_get_kind (matrix), ==, CRM_CHART_MATRIX);
  g_assert_cmpuint (crm_chart_data_get_n_categories (matrix), ==, 25);
  g_assert_cmpstr (crm_chart_data_get_category (matrix, 3 * 5 + 3), ==, "Importance 4, urgency 4");
  for (int importance = 1; importance <= 5; importance++)
    for (int urgency = 1; urgency <= 5; urgency++)
      {
        gboolean open = (importance == 2 && urgency == 5) || (importance == 4 && urgency == 4);

        g_assert_cmpfloat (crm_chart_data_get_value (matrix, 0, (importance - 1) * 5 + urgency - 1), ==, open ? 1 : 0);
      }
}

static void
test_satisfaction (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(CrmFigureSet) set = compute (f, "2026Q3", NULL);
  g_autofree char *text = crm_figure_format (get (set, CRM_FIGURE_SATISFACTION));
  CrmChartData *trend = crm_figure_set_get_satisfaction_trend (set);

  assert_ratio (set, CRM_FIGURE_SATISFACTION, 24, 7);
  g_assert_cmpstr (text, ==, "3.43");

  g_assert_nonnull (trend);
  g_assert_cmpuint (crm_chart_data_get_n_categories (trend), ==, 12);
  g_assert_cmpstr (crm_chart_data_get_category (trend, 0), ==, "2025-10");
  g_assert_cmpstr (crm_chart_data_get_category (trend, 11), ==, "2026-09");
  for (guint i = 0; i < 9; i++)
    g_assert_true (isnan (crm_chart_data_get_value (trend, 0, i)));
  g_assert_cmpfloat (crm_chart_data_get_value (trend, 0, 9), ==, 4.0);
  g_assert_cmpfloat (crm_chart_data_get_value (trend, 0, 10), ==, 3.5);
  g_assert_cmpfloat (crm_chart_data_get_value (trend, 0, 11), ==, 1.0);
}

static void
test_response_rate (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(CrmFigureSet) set = compute (f, "2026Q3", NULL);

  assert_ratio (set, CRM_FIGURE_RESPONSE_RATE, 3, 5);
}

static void
test_segment (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(CrmFigureSet) set = compute (f, "2026Q3", "tier:A");

  assert_ratio (set, CRM_FIGURE_CONVERSION_RATE, 0, 1);
  g_assert_cmpfloat (value (set, CRM_FIGURE_OVERDUE_FOLLOW_UPS), ==, 1);
  g_assert_cmpfloat (value (set, CRM_FIGURE_TIER_CHANGES), ==, 0);
  g_assert_cmpfloat (value (set, CRM_FIGURE_REQUIREMENTS), ==, 1);
  assert_ratio (set, CRM_FIGURE_CLOSURE_RATE, 2, 1);
  assert_ratio (set, CRM_FIGURE_MEAN_TIME_TO_CLOSE, 4 + 108, 2);
  assert_ratio (set, CRM_FIGURE_SATISFACTION, 1 + 3, 2);
  assert_ratio (set, CRM_FIGURE_RESPONSE_RATE, 1, 1);
  g_assert_cmpfloat (value (set, CRM_FIGURE_KEY_FOLLOW_UPS), ==, 1);
}

/* Ids far apart (an import may leave them so) count the same: one more
 * customer followed up, one more requirement closed in the quarter after
 * 2 days with a score of 5. */
static void
test_sparse_ids (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(CrmFigureSet) set = NULL;

  test_exec (crm_database_get_handle (f->db),
             "INSERT INTO customer (id, name, created_at) VALUES (900000000, '远方公司', '2026-01-01T00:00:00Z');"
             "INSERT INTO follow_up (customer_id, happened_at, channel, content)"
             "  VALUES (900000000, '2026-09-01T00:00:00Z', 'phone', '回访');"
             "INSERT INTO requirement (id, code, title, status, satisfaction, created_at)"
             "  VALUES (900000000, 'REQ-9', '远处的需求', 'done', 5, '2026-09-01T00:00:00Z');"
             "INSERT INTO requirement_status_history (requirement_id, from_status, to_status, changed_at)"
             "  VALUES (900000000, 'pending', 'done', '2026-09-03T00:00:00.000Z');");
  set = compute (f, "2026Q3", NULL);

  assert_ratio (set, CRM_FIGURE_CONVERSION_RATE, 3, 5);
  assert_ratio (set, CRM_FIGURE_CLOSURE_RATE, 5, 6);
  assert_ratio (set, CRM_FIGURE_MEAN_TIME_TO_CLOSE, 213 + 2, 5);
  assert_ratio (set, CRM_FIGURE_SATISFACTION, 24 + 5, 8);
  g_assert_cmpfloat (crm_chart_data_get_value (crm_figure_set_get_satisfaction_trend (set), 0, 11), ==, 3.0);
}

/* Nothing happened in 2020Q1: counts are 0 and every rate and average
 * over nothing is "no data", never 0 or NaN. */
static void
test_empty_period (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(CrmFigureSet) set = compute (f, "2020Q1", NULL);
  CrmChartData *tiers = crm_figure_set_get_tier_mix (set);

  assert_no_data (set, CRM_FIGURE_CONVERSION_RATE);
  g_assert_cmpfloat (value (set, CRM_FIGURE_TIER_CHANGES), ==, 0);
  assert_no_data (set, CRM_FIGURE_SATISFACTION);
  g_assert_cmpfloat (value (set, CRM_FIGURE_REQUIREMENTS), ==, 0);
  assert_no_data (set, CRM_FIGURE_CLOSURE_RATE);
  assert_no_data (set, CRM_FIGURE_MEAN_TIME_TO_CLOSE);
  g_assert_cmpfloat (value (set, CRM_FIGURE_OVERDUE_FOLLOW_UPS), ==, 0);
  g_assert_cmpfloat (value (set, CRM_FIGURE_KEY_FOLLOW_UPS), ==, 0);
  assert_no_data (set, CRM_FIGURE_RESPONSE_RATE);

  g_assert_cmpfloat (crm_chart_data_get_total (crm_figure_set_get_requirements_by_category (set), 0), ==, 0);
  g_assert_cmpuint (crm_chart_data_get_n_categories (crm_figure_set_get_churn_reasons (set)), ==, 0);
  g_assert_null (crm_figure_set_get_satisfaction_trend (set));
  g_assert_cmpfloat (crm_chart_data_get_total (tiers, 0), ==, 0);
  g_assert_cmpfloat (crm_chart_data_get_total (tiers, 1), ==, 0);
  g_assert_cmpuint (crm_figure_set_get_key_follow_up_customers (set)->len, ==, 0);
}

/* A database where the team records no follow-up, tier change,
 * requirement, key follow-up or questionnaire leaves those figures out. */
static void
test_unrecorded_left_out (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(CrmFigureSet) set = compute (f, "2026Q3", NULL);

  for (CrmFigureId id = CRM_FIGURE_CONVERSION_RATE; id < CRM_N_FIGURES; id++)
    g_assert_null (crm_figure_set_get (set, id));
  g_assert_null (crm_figure_set_get_requirements_by_category (set));
  g_assert_null (crm_figure_set_get_requirements_by_quadrant (set));
  g_assert_null (crm_figure_set_get_requirements_by_status (set));
  g_assert_null (crm_figure_set_get_churn_reasons (set));
  g_assert_null (crm_figure_set_get_satisfaction_trend (set));
  g_assert_cmpuint (crm_chart_data_get_n_series (crm_figure_set_get_tier_mix (set)), ==, 1);
}

/* A next action due later today, in the current quarter, is not overdue
 * yet; one due an hour ago with nothing logged since is. */
static void
test_overdue_until_now (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *quarter = g_strdup_printf ("%dQ%d", g_date_time_get_year (now),
                                              (g_date_time_get_month (now) - 1) / 3 + 1);
  g_autoptr(CrmFigureSet) before = NULL;
  g_autoptr(CrmFigureSet) after = NULL;

  test_exec (crm_database_get_handle (f->db),
             "DELETE FROM follow_up;"
             "INSERT INTO follow_up (customer_id, happened_at, channel, content, next_action, next_action_due)"
             "  VALUES (3, strftime ('%Y-%m-%dT%H:%M:%SZ', 'now', '-2 minutes'), 'phone', '回访', '报价',"
             "          strftime ('%Y-%m-%dT%H:%M:%SZ', 'now', '+1 minute'));");
  before = compute (f, quarter, NULL);
  g_assert_cmpfloat (value (before, CRM_FIGURE_OVERDUE_FOLLOW_UPS), ==, 0);

  test_exec (crm_database_get_handle (f->db),
             "UPDATE follow_up SET next_action_due = strftime ('%Y-%m-%dT%H:%M:%SZ', 'now', '-1 minute');");
  after = compute (f, quarter, NULL);
  g_assert_cmpfloat (value (after, CRM_FIGURE_OVERDUE_FOLLOW_UPS), ==, 1);
}

/* The figure's row in the report: its title and value on one line of
 * the laid-out text. */
static void
assert_row (const char *text,
            const char *title,
            const char *value)
{
  g_autofree char *pattern = g_strdup_printf ("%s\\s+%s", title, value);

  if (!g_regex_match_simple (pattern, text, 0, 0))
    g_error ("“%s  %s” not found in the report:\n%s", title, value, text);
}

static void
assert_contains (const char *text,
                 const char *needle)
{
  if (strstr (text, needle) == NULL)
    g_error ("“%s” not found in the report:\n%s", needle, text);
}

static void
test_report_pdf (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = test_tmp_path ("merged.pdf");
  const char *argv[] = { "pdftotext", "-layout", "-enc", "UTF-8", pdf, "-", NULL };
  g_autofree char *text = NULL;
  g_autofree char *masked = NULL;
  CrmPeriod period;

  g_assert_true (crm_period_parse (&period, "2026Q3", &error));
  g_assert_true (crm_report_write_pdf (f->db, &period, NULL, FALSE, pdf, CRM_REPORT_WRITE_OVERWRITE,
                                       NULL, &error));
  g_assert_no_error (error);
  text = pdf_run (argv);

  assert_row (text, "Conversion rate", "75\\.0%");
  assert_row (text, "Tier changes", "1");
  assert_row (text, "Requirements raised", "5");
  assert_row (text, "Closure rate", "80\\.0%");
  assert_row (text, "Mean time to close", "53\\.2 days");
  assert_row (text, "Satisfaction", "3\\.43");
  assert_row (text, "Overdue follow-ups", "2");
  assert_row (text, "Key follow-ups", "2");
  assert_row (text, "Questionnaire response rate", "60\\.0%");

  assert_contains (text, "Tier distribution in the period");
  assert_row (text, "S", "1\\s+2\\s+\\+1");
  assert_contains (text, "Requirements by category");
  assert_contains (text, "Requirements by quadrant");
  assert_contains (text, "Requirements by current status");
  assert_contains (text, "Satisfaction per month");
  assert_contains (text, "Churned customers by reason");
  assert_contains (text, "预算冻结");
  assert_contains (text, "Customers for key follow-up");
  assert_contains (text, "满意度 2 分");
  assert_contains (text, "13698765432");

  /* The appendix defines every figure shown: each title is there twice. */
  for (CrmFigureId id = CRM_FIGURE_CONVERSION_RATE; id < CRM_N_FIGURES; id++)
    {
      const char *title = crm_figure_get_title (id);
      const char *first = strstr (text, title);

      g_assert_nonnull (first);
      if (strstr (first + strlen (title), title) == NULL)
        g_error ("“%s” is not defined in the appendix:\n%s", title, text);
    }

  g_assert_true (crm_report_write_pdf (f->db, &period, NULL, TRUE, pdf, CRM_REPORT_WRITE_OVERWRITE,
                                       NULL, &error));
  g_assert_no_error (error);
  masked = pdf_run (argv);
  assert_contains (masked, "满意度 2 分");
  assert_contains (masked, "136****5432");
  g_assert_null (strstr (masked, "13698765432"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func, full) \
  g_test_add (path, Fixture, GINT_TO_POINTER (full), fixture_setup, func, fixture_teardown)

  ADD ("/figure-set-merged/follow-ups", test_follow_ups, TRUE);
  ADD ("/figure-set-merged/tiers", test_tiers, TRUE);
  ADD ("/figure-set-merged/key-follow-ups", test_key_follow_ups, TRUE);
  ADD ("/figure-set-merged/requirements", test_requirements, TRUE);
  ADD ("/figure-set-merged/satisfaction", test_satisfaction, TRUE);
  ADD ("/figure-set-merged/response-rate", test_response_rate, TRUE);
  ADD ("/figure-set-merged/segment", test_segment, TRUE);
  ADD ("/figure-set-merged/sparse-ids", test_sparse_ids, TRUE);
  ADD ("/figure-set-merged/empty-period", test_empty_period, TRUE);
  ADD ("/figure-set-merged/unrecorded-left-out", test_unrecorded_left_out, FALSE);
  ADD ("/figure-set-merged/overdue-until-now", test_overdue_until_now, TRUE);
  ADD ("/figure-set-merged/report-pdf", test_report_pdf, TRUE);

#undef ADD

  return g_test_run ();
}
