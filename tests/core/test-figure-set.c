/* test-figure-set.c — report figures against hand-computed fixtures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "crm-figure-set.h"
#include "test-figure-set-util.h"
#include "test-util.h"
#include "test-report-fixture.h"

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

  f->path = test_tmp_path ("figures.db");
  f->db = crm_database_open (f->path, &error);
  g_assert_no_error (error);
  if (data != NULL)
    test_exec (crm_database_get_handle (f->db), data);
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

static double
value (CrmFigureSet *set,
       CrmFigureId   id)
{
  return test_figure_value (set, id);
}

static void
assert_no_data (CrmFigureSet *set,
                CrmFigureId   id)
{
  const CrmFigure *figure = crm_figure_set_get (set, id);
  g_autofree char *text = NULL;

  g_assert_nonnull (figure);
  g_assert_false (figure->has_value);
  text = crm_figure_format (figure);
  g_assert_cmpstr (text, ==, "no data");
}

static double
chart_value (CrmChartData *chart,
             const char   *category)
{
  for (guint i = 0; i < crm_chart_data_get_n_categories (chart); i++)
    if (g_strcmp0 (crm_chart_data_get_category (chart, i), category) == 0)
      return crm_chart_data_get_value (chart, 0, i);

  g_error ("no category %s in %s", category, crm_chart_data_get_title (chart));
}

static void
test_quarter (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(CrmFigureSet) set = compute (f, "2026Q3", NULL);
  const CrmFigure *churn = crm_figure_set_get (set, CRM_FIGURE_CHURN_RATE);
  g_autofree char *churn_text = crm_figure_format (churn);
  g_autofree char *amount_text = crm_figure_format (crm_figure_set_get (set, CRM_FIGURE_DEAL_AMOUNT));

  g_assert_cmpfloat (value (set, CRM_FIGURE_NEW_CUSTOMERS), ==, 2);
  g_assert_cmpfloat (value (set, CRM_FIGURE_CUSTOMERS), ==, 5);
  g_assert_cmpfloat (value (set, CRM_FIGURE_ACTIVE_CUSTOMERS), ==, 4);
  g_assert_cmpfloat (value (set, CRM_FIGURE_DEALS), ==, 3);
  g_assert_cmpfloat (value (set, CRM_FIGURE_DEAL_AMOUNT), ==, 680000);
  g_assert_cmpfloat (value (set, CRM_FIGURE_CHURNED), ==, 1);
  g_assert_cmpfloat (value (set, CRM_FIGURE_CHURN_RATE), ==, 0.25);
  g_assert_cmpint (churn->numerator, ==, 1);
  g_assert_cmpint (churn->denominator, ==, 4);
  g_assert_cmpstr (churn_text, ==, "25.0%");
  g_assert_cmpstr (amount_text, ==, "68.0 × 10k yuan");
}

static void
test_charts (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(CrmFigureSet) set = compute (f, "2026Q3", NULL);
  CrmChartData *tiers = crm_figure_set_get_tier_mix (set);
  CrmChartData *industries = crm_figure_set_get_industry_mix (set);
  CrmChartData *deals = crm_figure_set_get_deal_value_by_industry (set);
  CrmChartData *trend = crm_figure_set_get_new_customers_trend (set);

  /* c4 was created after the quarter: not counted. */
  g_assert_cmpfloat (crm_chart_data_get_total (tiers, 0), ==, 5);
  g_assert_cmpfloat (crm_chart_data_get_value (tiers, 0, 0), ==, 1);  /* S */
  g_assert_cmpfloat (crm_chart_data_get_value (tiers, 0, 1), ==, 1);  /* A */
  g_assert_cmpfloat (crm_chart_data_get_value (tiers, 0, 2), ==, 2);  /* B */
  g_assert_cmpfloat (crm_chart_data_get_value (tiers, 0, 3), ==, 0);  /* C */
  g_assert_cmpfloat (crm_chart_data_get_value (tiers, 0, 4), ==, 1);  /* not graded */

  g_assert_cmpfloat (chart_value (industries, "制造业"), ==, 2);
  g_assert_cmpfloat (chart_value (industries, "零售业"), ==, 1);
  g_assert_cmpfloat (chart_value (industries, "互联网"), ==, 2);

  g_assert_cmpfloat (chart_value (deals, "制造业"), ==, 50);
  g_assert_cmpfloat (chart_value (deals, "零售业"), ==, 10);
  g_assert_cmpfloat (chart_value (deals, "互联网"), ==, 8);

  g_assert_cmpuint (crm_chart_data_get_n_categories (trend), ==, 12);
  g_assert_cmpstr (crm_chart_data_get_category (trend, 0), ==, "2025-10");
  g_assert_cmpstr (crm_chart_data_get_category (trend, 11), ==, "2026-09");
  g_assert_cmpfloat (chart_value (trend, "2025-12"), ==, 1);
  g_assert_cmpfloat (chart_value (trend, "2026-02"), ==, 1);
  g_assert_cmpfloat (chart_value (trend, "2026-07"), ==, 1);
  g_assert_cmpfloat (chart_value (trend, "2026-09"), ==, 1);
  g_assert_cmpfloat (crm_chart_data_get_total (trend, 0), ==, 4);
}

static void
test_lists (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(CrmFigureSet) set = compute (f, "2026Q3", NULL);
  GPtrArray *key = crm_figure_set_get_key_customers (set);
  GPtrArray *churned = crm_figure_set_get_churned_customers (set);
  CrmReportCustomer *first, *lost;

  /* By annual spend; c6 spends nothing, c4 came later. */
  g_assert_cmpuint (key->len, ==, 4);
  first = g_ptr_array_index (key, 0);
  g_assert_cmpstr (first->name, ==, "甲公司");
  g_assert_cmpstr (first->contact, ==, "张三");
  g_assert_cmpstr (first->phone, ==, "13812345678");
  g_assert_cmpint (first->amount, ==, 600000);
  g_assert_cmpstr (((CrmReportCustomer *)g_ptr_array_index (key, 2))->name, ==, "戊公司");

  g_assert_cmpuint (churned->len, ==, 1);
  lost = g_ptr_array_index (churned, 0);
  g_assert_cmpstr (lost->name, ==, "乙公司");
  g_assert_cmpstr (lost->product, ==, "咨询");
  g_assert_cmpstr (lost->date, ==, "2026-08-31");
  g_assert_cmpint (lost->amount, ==, 300000);
}

static void
test_previous_quarter (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(CrmFigureSet) set = compute (f, "2026Q2", NULL);

  /* c2, c5 and c6 ran in Q2; c6's last record ended on its last day. */
  g_assert_cmpfloat (value (set, CRM_FIGURE_NEW_CUSTOMERS), ==, 0);
  g_assert_cmpfloat (value (set, CRM_FIGURE_ACTIVE_CUSTOMERS), ==, 3);
  g_assert_cmpfloat (value (set, CRM_FIGURE_CHURNED), ==, 1);
  g_assert_cmpfloat (value (set, CRM_FIGURE_CHURN_RATE), ==, 1.0 / 3);
  g_assert_cmpfloat (value (set, CRM_FIGURE_DEALS), ==, 0);
  g_assert_cmpfloat (value (set, CRM_FIGURE_DEAL_AMOUNT), ==, 0);
}

static void
test_segments (Fixture       *f,
               gconstpointer  data)
{
  {
    g_autoptr(CrmFigureSet) set = compute (f, "2026Q3", "owner:王");

    g_assert_cmpfloat (value (set, CRM_FIGURE_NEW_CUSTOMERS), ==, 2);
    g_assert_cmpfloat (value (set, CRM_FIGURE_CUSTOMERS), ==, 3);
    g_assert_cmpfloat (value (set, CRM_FIGURE_ACTIVE_CUSTOMERS), ==, 3);
    g_assert_cmpfloat (value (set, CRM_FIGURE_DEALS), ==, 3);
    g_assert_cmpfloat (value (set, CRM_FIGURE_CHURNED), ==, 0);
    /* 0 of 3 is a rate of 0, not "no data". */
    g_assert_cmpfloat (value (set, CRM_FIGURE_CHURN_RATE), ==, 0);
  }

  {
    g_autoptr(CrmFigureSet) set = compute (f, "2026Q3", "tier:A");

    g_assert_cmpfloat (value (set, CRM_FIGURE_NEW_CUSTOMERS), ==, 0);
    g_assert_cmpfloat (value (set, CRM_FIGURE_ACTIVE_CUSTOMERS), ==, 1);
    g_assert_cmpfloat (value (set, CRM_FIGURE_CHURN_RATE), ==, 1);
  }

  {
    g_autoptr(CrmDatabase) db = g_object_ref (f->db);
    g_autofree char *key = g_strdup_printf ("industry:%" G_GINT64_FORMAT,
                                            test_query_int (crm_database_get_handle (db),
                                                            "SELECT id FROM industry WHERE code = 'RET'"));
    g_autoptr(CrmFigureSet) set = compute (f, "2026Q3", key);

    g_assert_cmpfloat (value (set, CRM_FIGURE_NEW_CUSTOMERS), ==, 1);
    g_assert_cmpfloat (value (set, CRM_FIGURE_DEALS), ==, 1);
    g_assert_cmpfloat (value (set, CRM_FIGURE_DEAL_AMOUNT), ==, 100000);
    g_assert_cmpfloat (crm_chart_data_get_total (crm_figure_set_get_tier_mix (set), 0), ==, 1);
  }

  {
    /* Only c4, created after the quarter: nobody to divide by. */
    g_autoptr(CrmFigureSet) set = compute (f, "2026Q3", "tier:C");

    g_assert_cmpfloat (value (set, CRM_FIGURE_CUSTOMERS), ==, 0);
    assert_no_data (set, CRM_FIGURE_CHURN_RATE);
  }
}

/* An empty period: counts are 0, rates are "no data", charts are empty. */
static void
test_empty_period (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(CrmFigureSet) set = compute (f, "2020Q1", NULL);

  g_assert_cmpfloat (value (set, CRM_FIGURE_NEW_CUSTOMERS), ==, 0);
  g_assert_cmpfloat (value (set, CRM_FIGURE_CUSTOMERS), ==, 0);
  g_assert_cmpfloat (value (set, CRM_FIGURE_ACTIVE_CUSTOMERS), ==, 0);
  g_assert_cmpfloat (value (set, CRM_FIGURE_CHURNED), ==, 0);
  assert_no_data (set, CRM_FIGURE_CHURN_RATE);
  g_assert_cmpfloat (crm_chart_data_get_total (crm_figure_set_get_tier_mix (set), 0), ==, 0);
  g_assert_cmpuint (crm_chart_data_get_n_categories (crm_figure_set_get_industry_mix (set)), ==, 0);
  g_assert_cmpfloat (crm_chart_data_get_total (crm_figure_set_get_new_customers_trend (set), 0), ==, 0);
  g_assert_cmpuint (crm_figure_set_get_key_customers (set)->len, ==, 0);
  g_assert_cmpuint (crm_figure_set_get_churned_customers (set)->len, ==, 0);
}

/* Figures whose sources are not in this database (no follow-up,
 * requirement or questionnaire recorded at all) are left out, never shown
 * as 0; test-figure-set-merged.c tests them against their own fixtures. */
static void
test_unavailable_left_out (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(CrmFigureSet) set = compute (f, "2026Q3", NULL);

  for (CrmFigureId id = CRM_FIGURE_CONVERSION_RATE; id < CRM_N_FIGURES; id++)
    {
      g_assert_null (crm_figure_set_get (set, id));
      g_assert_nonnull (crm_figure_get_definition (id));
    }
  g_assert_null (crm_figure_set_get_requirements_by_category (set));
  g_assert_null (crm_figure_set_get_churn_reasons (set));
  g_assert_null (crm_figure_set_get_satisfaction_trend (set));
}

static void
test_period_parse (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  CrmPeriod period, previous;

  g_assert_true (crm_period_parse (&period, "2026q4", &error));
  g_assert_cmpstr (period.from, ==, "2026-10-01");
  g_assert_cmpstr (period.to, ==, "2026-12-31");
  g_assert_cmpstr (period.key, ==, "2026Q4");

  g_assert_true (crm_period_parse (&period, "2024-Q1", &error));
  g_assert_cmpstr (period.to, ==, "2024-03-31");
  label = crm_period_get_label (&period);
  g_assert_cmpstr (label, ==, "2024 Q1");
  crm_period_previous (&period, &previous);
  g_assert_cmpstr (previous.key, ==, "2023Q4");

  /* A range that is a quarter is that quarter. */
  g_assert_true (crm_period_parse (&period, "2026-07-01..2026-09-30", &error));
  g_assert_cmpstr (period.key, ==, "2026Q3");

  g_assert_true (crm_period_parse (&period, "2026", &error));
  g_assert_cmpstr (period.from, ==, "2026-01-01");
  g_assert_cmpstr (period.to, ==, "2026-12-31");
  g_assert_cmpstr (period.key, ==, "2026-01-01..2026-12-31");
  g_assert_no_error (error);

  g_assert_false (crm_period_parse (&period, "2026Q5", &error));
  g_assert_error (error, CRM_PERIOD_ERROR, CRM_PERIOD_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "2026Q5"));
  g_clear_error (&error);

  g_assert_false (crm_period_parse (&period, "2026-02-30..2026-03-01", &error));
  g_assert_nonnull (strstr (error->message, "2026-02-30"));
  g_clear_error (&error);

  g_assert_false (crm_period_parse (&period, "2026-09-01..2026-08-01", &error));
  g_assert_error (error, CRM_PERIOD_ERROR, CRM_PERIOD_ERROR_INVALID);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/figure-set/period/parse", test_period_parse);
  g_test_add ("/figure-set/quarter", Fixture, fixture_sql, fixture_setup, test_quarter, fixture_teardown);
  g_test_add ("/figure-set/charts", Fixture, fixture_sql, fixture_setup, test_charts, fixture_teardown);
  g_test_add ("/figure-set/lists", Fixture, fixture_sql, fixture_setup, test_lists, fixture_teardown);
  g_test_add ("/figure-set/previous-quarter", Fixture, fixture_sql, fixture_setup, test_previous_quarter,
              fixture_teardown);
  g_test_add ("/figure-set/segments", Fixture, fixture_sql, fixture_setup, test_segments, fixture_teardown);
  g_test_add ("/figure-set/empty-period", Fixture, fixture_sql, fixture_setup, test_empty_period,
              fixture_teardown);
  g_test_add ("/figure-set/empty-database", Fixture, NULL, fixture_setup, test_empty_period,
              fixture_teardown);
  g_test_add ("/figure-set/unavailable-left-out", Fixture, fixture_sql, fixture_setup,
              test_unavailable_left_out, fixture_teardown);

  return g_test_run ();
}
