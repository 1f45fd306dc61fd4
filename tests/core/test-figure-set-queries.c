/* test-figure-set-queries.c — figures whose queries read the indexes of schema step 23
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>

#include "crm-figure-set.h"
#include "crm-priority.h"
#include "crm-requirement-types.h"
#include "test-figure-set-util.h"
#include "test-util.h"
#include "test-report-fixture.h"

/*
 * On top of the six customers of test-report-fixture.h (c1 甲 MFG S 王,
 * c2 乙 MFG A 李, c3 丙 RET B 王, c4 丁 RET C 李, c5 戊 NET ungraded 王,
 * c6 己 NET B 李), worked out by hand for 2026Q3 (2026-07-01 to
 * 2026-09-30):
 *
 * Requirements (importance/urgency, status, raised):
 *   p1 c1 5/5 pending      2026-09-30 23:59:59   do now
 *   p2 c2 4/2 in progress  2026-01-01            plan
 *   p3 c3 2/5 pending      2026-10-01 00:00:00   standardise, after Q3
 *   p4 c1 5/5 done         2026-07-01            closed: not open
 *   p5 c2 4/4 pending, merged into p1, 2026-08-01: left out
 *   p6 —  1/1 pending      2026-08-01            defer, no customer
 *   p7 c5 4/4 pending      2026-07-01 00:00:00   do now
 *   p8 c6 3/3 pending      2026-06-30 23:59:59   defer, before Q3
 *   p9 c1 1/5 done         2026-09-15            uncategorised, standardise
 *
 * Priority matrix (open by the end of the period): Q3 do now 2 (p1, p7),
 * plan 1 (p2), standardise 0, defer 2 (p6, p8); Q4 adds p3 to
 * standardise. tier:A (c2): plan 1 (p2). owner:王 (c1, c3, c5): do now 2.
 *
 * Raised in Q3 (not merged): p1, p4, p6, p7, p9 = 5; by status pending 3
 * (p1, p6, p7), done 2 (p4, p9); by category functional 2 (p1, p4),
 * service 1 (p7), uncategorised 2 (p6, p9). industry MFG (c1, c2): p1,
 * p4, p9 = 3.
 */
static const char * const requirements_sql =
  "INSERT INTO requirement (id, code, title, category, importance, urgency, status, customer_id,"
  "                         merged_into, created_at) VALUES"
  "  (1, 'P-1', '一', 'functional', 5, 5, 'pending', 1, NULL, '2026-09-30T23:59:59Z'),"
  "  (2, 'P-2', '二', 'service', 4, 2, 'in_progress', 2, NULL, '2026-01-01T00:00:00Z'),"
  "  (3, 'P-3', '三', 'experience', 2, 5, 'pending', 3, NULL, '2026-10-01T00:00:00Z'),"
  "  (4, 'P-4', '四', 'functional', 5, 5, 'done', 1, NULL, '2026-07-01T08:00:00Z'),"
  "  (5, 'P-5', '五', 'functional', 4, 4, 'pending', 2, 1, '2026-08-01T00:00:00Z'),"
  "  (6, 'P-6', '六', NULL, 1, 1, 'pending', NULL, NULL, '2026-08-01T00:00:00Z'),"
  "  (7, 'P-7', '七', 'service', 4, 4, 'pending', 5, NULL, '2026-07-01T00:00:00Z'),"
  "  (8, 'P-8', '八', 'commercial', 3, 3, 'pending', 6, NULL, '2026-06-30T23:59:59Z'),"
  "  (9, 'P-9', '九', NULL, 1, 5, 'done', 1, NULL, '2026-09-15T00:00:00Z');";

typedef struct
{
  char        *path;
  CrmDatabase *db;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->path = test_tmp_path ("queries.db");
  f->db = crm_database_open (f->path, &error);
  g_assert_no_error (error);
  test_exec (crm_database_get_handle (f->db), fixture_sql);
  test_exec (crm_database_get_handle (f->db), requirements_sql);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_assert_finalize_object (f->db);
  g_free (f->path);
}

static char *
industry_key (Fixture    *f,
              const char *code)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM industry WHERE code = '%s'", code);

  return g_strdup_printf ("industry:%" G_GINT64_FORMAT, test_query_int (crm_database_get_handle (f->db), sql));
}

/* The matrix holds one count per pair of scores; summed by quadrant. */
static void
assert_matrix (CrmFigureSet *set,
               double        do_now,
               double        plan,
               double        standardise,
               double        defer)
{
  CrmChartData *matrix = crm_figure_set_get_priority_matrix (set);
  double by_quadrant[CRM_N_QUADRANTS] = { 0 };

  g_assert_nonnull (matrix);
  g_assert_cmpuint (crm_chart_data_get_n_categories (matrix), ==, CRM_PRIORITY_SCALE * CRM_PRIORITY_SCALE);
  for (int importance = 1; importance <= CRM_PRIORITY_SCALE; importance++)
    for (int urgency = 1; urgency <= CRM_PRIORITY_SCALE; urgency++)
      by_quadrant[crm_quadrant_for (importance, urgency)] +=
        crm_chart_data_get_value (matrix, 0, (importance - 1) * CRM_PRIORITY_SCALE + urgency - 1);

  g_assert_cmpfloat (by_quadrant[CRM_QUADRANT_DO_NOW], ==, do_now);
  g_assert_cmpfloat (by_quadrant[CRM_QUADRANT_PLAN], ==, plan);
  g_assert_cmpfloat (by_quadrant[CRM_QUADRANT_STANDARDISE], ==, standardise);
  g_assert_cmpfloat (by_quadrant[CRM_QUADRANT_DEFER], ==, defer);
}

/* One count per pair of scores, each up to the end of the period. */
static void
test_priority_matrix (Fixture       *f,
                      gconstpointer  data)
{
  {
    g_autoptr(CrmFigureSet) set = test_compute_figures (f->db, "2026Q3", NULL);

    assert_matrix (set, 2, 1, 0, 2);
  }
  {
    g_autoptr(CrmFigureSet) set = test_compute_figures (f->db, "2026Q4", NULL);

    assert_matrix (set, 2, 1, 1, 2);
  }
  {
    g_autoptr(CrmFigureSet) set = test_compute_figures (f->db, "2026Q3", "tier:A");

    assert_matrix (set, 0, 1, 0, 0);
  }
  {
    g_autoptr(CrmFigureSet) set = test_compute_figures (f->db, "2026Q3", "owner:王");

    assert_matrix (set, 2, 0, 0, 0);
  }
}

static double
status_count (CrmFigureSet       *set,
              CrmRequirementStatus status)
{
  return crm_chart_data_get_value (crm_figure_set_get_requirements_by_status (set), 0, status);
}

/* The requirements raised in the period, counted group by group, to the
 * second at both ends of the period, with and without a category. */
static void
test_requirements_raised (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *mfg = industry_key (f, "MFG");

  {
    g_autoptr(CrmFigureSet) set = test_compute_figures (f->db, "2026Q3", NULL);
    CrmChartData *categories = crm_figure_set_get_requirements_by_category (set);

    g_assert_cmpfloat (test_figure_value (set, CRM_FIGURE_REQUIREMENTS), ==, 5);
    g_assert_cmpfloat (status_count (set, CRM_REQUIREMENT_STATUS_PENDING), ==, 3);
    g_assert_cmpfloat (status_count (set, CRM_REQUIREMENT_STATUS_IN_PROGRESS), ==, 0);
    g_assert_cmpfloat (status_count (set, CRM_REQUIREMENT_STATUS_DONE), ==, 2);
    g_assert_cmpfloat (status_count (set, CRM_REQUIREMENT_STATUS_REJECTED), ==, 0);
    /* Functional, service, experience, commercial, performance, then
     * the requirements without a category. */
    g_assert_cmpuint (crm_chart_data_get_n_categories (categories), ==, 6);
    g_assert_cmpfloat (crm_chart_data_get_value (categories, 0, 0), ==, 2);
    g_assert_cmpfloat (crm_chart_data_get_value (categories, 0, 1), ==, 1);
    g_assert_cmpfloat (crm_chart_data_get_value (categories, 0, 2), ==, 0);
    g_assert_cmpfloat (crm_chart_data_get_value (categories, 0, 5), ==, 2);
  }
  {
    g_autoptr(CrmFigureSet) set = test_compute_figures (f->db, "2026Q3", mfg);

    g_assert_cmpfloat (test_figure_value (set, CRM_FIGURE_REQUIREMENTS), ==, 3);
    g_assert_cmpfloat (status_count (set, CRM_REQUIREMENT_STATUS_PENDING), ==, 1);
    g_assert_cmpfloat (status_count (set, CRM_REQUIREMENT_STATUS_DONE), ==, 2);
  }
  {
    /* p8 alone, raised a second before Q3. */
    g_autoptr(CrmFigureSet) set = test_compute_figures (f->db, "2026-06-30..2026-06-30", NULL);

    g_assert_cmpfloat (test_figure_value (set, CRM_FIGURE_REQUIREMENTS), ==, 1);
  }
}

/* Flags up at the end of the period are all counted, however many; the
 * list holds the first CRM_FIGURE_SET_LIST_LIMIT, the longest flagged
 * first. c1 has 35 flags raised in Q3 and cleared after it, c2 3, c3 one
 * cleared in Q3 and c4 one raised after it. */
static void
test_key_follow_ups_over_limit (Fixture       *f,
                                gconstpointer  data)
{
  test_exec (crm_database_get_handle (f->db),
             "WITH RECURSIVE n (i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 34)"
             "INSERT INTO key_follow_up (customer_id, reason, raised_at, cleared_at)"
             "  SELECT 1, '需求未解决 ' || i, strftime ('%Y-%m-%dT%H:%M:%SZ', '2026-07-02', '+' || i || ' days'),"
             "         '2026-11-01T00:00:00Z' FROM n;"
             "INSERT INTO key_follow_up (customer_id, reason, raised_at, cleared_at) VALUES"
             "  (2, '满意度 2 分', '2026-07-01T00:00:00Z', NULL),"
             "  (2, '满意度 1 分', '2026-08-01T00:00:00Z', '2026-10-01T00:00:00Z'),"
             "  (2, '需求未解决', '2026-09-30T23:59:59Z', '2026-12-01T00:00:00Z'),"
             "  (3, '需求未解决', '2026-07-05T00:00:00Z', '2026-09-30T23:59:59Z'),"
             "  (4, '满意度 1 分', '2026-10-01T00:00:00Z', NULL);");

  {
    g_autoptr(CrmFigureSet) set = test_compute_figures (f->db, "2026Q3", NULL);
    GPtrArray *customers = crm_figure_set_get_key_follow_up_customers (set);
    CrmReportCustomer *first = g_ptr_array_index (customers, 0);
    CrmReportCustomer *second = g_ptr_array_index (customers, 1);
    CrmReportCustomer *last = g_ptr_array_index (customers, CRM_FIGURE_SET_LIST_LIMIT - 1);

    g_assert_cmpfloat (test_figure_value (set, CRM_FIGURE_KEY_FOLLOW_UPS), ==, 38);
    g_assert_cmpuint (customers->len, ==, CRM_FIGURE_SET_LIST_LIMIT);
    g_assert_cmpstr (first->name, ==, "乙公司");
    g_assert_cmpstr (first->date, ==, "2026-07-01");
    g_assert_cmpstr (second->name, ==, "甲公司");
    g_assert_cmpstr (second->reason, ==, "需求未解决 0");
    g_assert_cmpstr (second->phone, ==, "13812345678");
    /* Then c1's flags, a day apart, up to its 29th on 2026-07-30. */
    g_assert_cmpstr (last->date, ==, "2026-07-30");
  }
  {
    g_autoptr(CrmFigureSet) set = test_compute_figures (f->db, "2026Q3", "tier:A");
    GPtrArray *customers = crm_figure_set_get_key_follow_up_customers (set);

    g_assert_cmpfloat (test_figure_value (set, CRM_FIGURE_KEY_FOLLOW_UPS), ==, 3);
    g_assert_cmpuint (customers->len, ==, 3);
    g_assert_cmpstr (((CrmReportCustomer *)g_ptr_array_index (customers, 2))->date, ==, "2026-09-30");
  }
  {
    g_autoptr(CrmFigureSet) set = test_compute_figures (f->db, "2026Q3", "tier:B");

    g_assert_cmpfloat (test_figure_value (set, CRM_FIGURE_KEY_FOLLOW_UPS), ==, 0);
    g_assert_cmpuint (crm_figure_set_get_key_follow_up_customers (set)->len, ==, 0);
  }
}

/* The key customers of a segment, largest annual spend first, walked
 * from the spend index with the segment told by id. */
static void
test_key_customers_by_segment (Fixture       *f,
                               gconstpointer  data)
{
  g_autofree char *mfg = industry_key (f, "MFG");

  {
    g_autoptr(CrmFigureSet) set = test_compute_figures (f->db, "2026Q3", mfg);
    GPtrArray *key = crm_figure_set_get_key_customers (set);

    g_assert_cmpuint (key->len, ==, 2);
    g_assert_cmpstr (((CrmReportCustomer *)g_ptr_array_index (key, 0))->name, ==, "甲公司");
    g_assert_cmpstr (((CrmReportCustomer *)g_ptr_array_index (key, 1))->name, ==, "乙公司");
  }
  {
    /* c3 (created on the last second of Q3); c6 spends nothing. */
    g_autoptr(CrmFigureSet) set = test_compute_figures (f->db, "2026Q3", "tier:B");
    GPtrArray *key = crm_figure_set_get_key_customers (set);

    g_assert_cmpuint (key->len, ==, 1);
    g_assert_cmpstr (((CrmReportCustomer *)g_ptr_array_index (key, 0))->name, ==, "丙公司");
  }
}

/* A segment's customer with an id far from the others (an import may
 * leave one so) is in the segment like any other. */
static void
test_segment_sparse_id (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(CrmFigureSet) set = NULL;

  test_exec (crm_database_get_handle (f->db),
             "INSERT INTO customer (id, name, tier, created_at) VALUES (900000000, '远方公司', 'A', '2026-01-01T00:00:00Z');"
             "INSERT INTO requirement (code, title, importance, urgency, status, customer_id, created_at)"
             "  VALUES ('P-10', '远处的需求', 5, 1, 'pending', 900000000, '2026-09-01T00:00:00Z');");
  set = test_compute_figures (f->db, "2026Q3", "tier:A");

  g_assert_cmpfloat (test_figure_value (set, CRM_FIGURE_REQUIREMENTS), ==, 1);
  assert_matrix (set, 0, 2, 0, 0);
}

/* Inside a transaction, whose changes a second connection would not see,
 * every figure is read on the connection given, the uncommitted
 * requirement included. */
static void
test_in_transaction (Fixture       *f,
                     gconstpointer  data)
{
  sqlite3 *handle = crm_database_get_handle (f->db);

  test_exec (handle,
             "BEGIN;"
             "INSERT INTO requirement (code, title, importance, urgency, status, customer_id, created_at)"
             "  VALUES ('P-11', '未提交的需求', 1, 1, 'pending', 2, '2026-08-15T00:00:00Z');");
  {
    g_autoptr(CrmFigureSet) set = test_compute_figures (f->db, "2026Q3", NULL);

    g_assert_cmpfloat (test_figure_value (set, CRM_FIGURE_REQUIREMENTS), ==, 6);
    assert_matrix (set, 2, 1, 0, 3);
  }
  test_exec (handle, "ROLLBACK;");
  {
    g_autoptr(CrmFigureSet) set = test_compute_figures (f->db, "2026Q3", NULL);

    g_assert_cmpfloat (test_figure_value (set, CRM_FIGURE_REQUIREMENTS), ==, 5);
  }
}

static void
assert_same_chart (CrmChartData *a,
                   CrmChartData *b)
{
  g_assert_true ((a == NULL) == (b == NULL));
  if (a == NULL)
    return;

  g_assert_cmpstr (crm_chart_data_get_title (a), ==, crm_chart_data_get_title (b));
  g_assert_cmpuint (crm_chart_data_get_n_series (a), ==, crm_chart_data_get_n_series (b));
  g_assert_cmpuint (crm_chart_data_get_n_categories (a), ==, crm_chart_data_get_n_categories (b));
  for (guint i = 0; i < crm_chart_data_get_n_categories (a); i++)
    {
      g_assert_cmpstr (crm_chart_data_get_category (a, i), ==, crm_chart_data_get_category (b, i));
      for (guint series = 0; series < crm_chart_data_get_n_series (a); series++)
        {
          double x = crm_chart_data_get_value (a, series, i), y = crm_chart_data_get_value (b, series, i);

          g_assert_true ((isnan (x) && isnan (y)) || x == y);
        }
    }
}

static void
assert_same_list (GPtrArray *a,
                  GPtrArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    {
      CrmReportCustomer *x = g_ptr_array_index (a, i), *y = g_ptr_array_index (b, i);

      g_assert_cmpstr (x->name, ==, y->name);
      g_assert_cmpstr (x->date, ==, y->date);
      g_assert_cmpstr (x->reason, ==, y->reason);
    }
}

static void
assert_same_figures (CrmFigureSet *a,
                     CrmFigureSet *b)
{
  for (CrmFigureId id = 0; id < CRM_N_FIGURES; id++)
    {
      const CrmFigure *x = crm_figure_set_get (a, id), *y = crm_figure_set_get (b, id);

      g_assert_true ((x == NULL) == (y == NULL));
      if (x == NULL)
        continue;
      g_assert_cmpint (x->has_value, ==, y->has_value);
      g_assert_cmpint (x->numerator, ==, y->numerator);
      g_assert_cmpint (x->denominator, ==, y->denominator);
      g_assert_cmpfloat (x->value, ==, y->value);
    }

  assert_same_chart (crm_figure_set_get_tier_mix (a), crm_figure_set_get_tier_mix (b));
  assert_same_chart (crm_figure_set_get_industry_mix (a), crm_figure_set_get_industry_mix (b));
  assert_same_chart (crm_figure_set_get_new_customers_trend (a), crm_figure_set_get_new_customers_trend (b));
  assert_same_chart (crm_figure_set_get_deal_value_by_industry (a), crm_figure_set_get_deal_value_by_industry (b));
  assert_same_chart (crm_figure_set_get_requirements_by_category (a),
                     crm_figure_set_get_requirements_by_category (b));
  assert_same_chart (crm_figure_set_get_requirements_by_quadrant (a),
                     crm_figure_set_get_requirements_by_quadrant (b));
  assert_same_chart (crm_figure_set_get_requirements_by_status (a), crm_figure_set_get_requirements_by_status (b));
  assert_same_chart (crm_figure_set_get_churn_reasons (a), crm_figure_set_get_churn_reasons (b));
  assert_same_chart (crm_figure_set_get_satisfaction_trend (a), crm_figure_set_get_satisfaction_trend (b));
  assert_same_chart (crm_figure_set_get_priority_matrix (a), crm_figure_set_get_priority_matrix (b));
  assert_same_list (crm_figure_set_get_key_customers (a), crm_figure_set_get_key_customers (b));
  assert_same_list (crm_figure_set_get_churned_customers (a), crm_figure_set_get_churned_customers (b));
  assert_same_list (crm_figure_set_get_key_follow_up_customers (a), crm_figure_set_get_key_follow_up_customers (b));
}

/* With enough follow-ups (25 000) for the figures to be read in two
 * threads, they are the same as read on one connection (in a
 * transaction), for every customer and for each kind of segment. */
static void
test_two_threads (Fixture       *f,
                  gconstpointer  data)
{
  sqlite3 *handle = crm_database_get_handle (f->db);
  g_autofree char *net = industry_key (f, "NET");
  const char *segments[] = { NULL, "tier:B", "owner:李", net };

  test_exec (handle,
             "WITH RECURSIVE n (i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 24999)"
             "INSERT INTO follow_up (customer_id, happened_at, channel, content, feedback, refusal_reason,"
             "                       next_action_due)"
             "  SELECT 1 + i % 6, strftime ('%Y-%m-%dT%H:%M:%SZ', '2026-01-01', '+' || (i * 37 % 525600) || ' minutes'),"
             "         'phone', '回访', CASE WHEN i % 5 = 0 THEN 'refused' ELSE 'pending' END,"
             "         CASE WHEN i % 5 = 0 THEN '预算 ' || i % 3 END,"
             "         CASE WHEN i % 4 = 0"
             "           THEN strftime ('%Y-%m-%dT%H:%M:%SZ', '2026-01-01', '+' || (i * 37 % 525600 + 2880) || ' minutes') END"
             "    FROM n;"
             "INSERT INTO requirement_status_history (requirement_id, from_status, to_status, changed_at) VALUES"
             "  (4, 'pending', 'done', '2026-08-01T00:00:00.000Z'), (9, 'pending', 'done', '2026-09-20T00:00:00.000Z');"
             "UPDATE requirement SET satisfaction = 4 WHERE id IN (4, 9);"
             "INSERT INTO key_follow_up (customer_id, reason, raised_at) VALUES (2, '满意度 2 分', '2026-08-25T00:00:00Z');"
             "INSERT INTO tier_history (customer_id, changed_at, from_tier, to_tier, reason)"
             "  VALUES (1, '2026-08-01T00:00:00Z', 'A', 'S', '年采购额达到 50 万');");

  for (guint i = 0; i < G_N_ELEMENTS (segments); i++)
    {
      g_autoptr(CrmFigureSet) two = test_compute_figures (f->db, "2026Q3", segments[i]);
      g_autoptr(CrmFigureSet) one = NULL;

      test_exec (handle, "BEGIN;");
      one = test_compute_figures (f->db, "2026Q3", segments[i]);
      test_exec (handle, "COMMIT;");
      if (segments[i] == NULL)
        g_assert_cmpfloat (test_figure_value (two, CRM_FIGURE_CONVERSION_RATE), >, 0);

      assert_same_figures (two, one);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/figure-set-queries/priority-matrix", test_priority_matrix);
  ADD ("/figure-set-queries/requirements-raised", test_requirements_raised);
  ADD ("/figure-set-queries/key-follow-ups-over-limit", test_key_follow_ups_over_limit);
  ADD ("/figure-set-queries/key-customers-by-segment", test_key_customers_by_segment);
  ADD ("/figure-set-queries/segment-sparse-id", test_segment_sparse_id);
  ADD ("/figure-set-queries/in-transaction", test_in_transaction);
  ADD ("/figure-set-queries/two-threads", test_two_threads);

#undef ADD

  return g_test_run ();
}
