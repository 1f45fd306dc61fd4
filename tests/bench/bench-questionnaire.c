/* bench-questionnaire.c — what answering, submitting and results cost
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * On a database with 2 000 demo customers: the time to save one answer
 * (a committed write with synchronous=FULL, what every click and
 * keystroke of the filling view costs), to compute a submit plan and to
 * submit, over 200 responses to the built-in questionnaire; then the time
 * to compute the results over them, unfiltered and filtered, and to
 * export them as CSV. Figures are TAP comments; it fails only if
 * something breaks, never on timing.
 */

#include <stdio.h>

#include <glib/gstdio.h>

#include "crm-demo.h"
#include "crm-questionnaire-results.h"

#define N_CUSTOMERS 2000
#define N_RESPONSES 200

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a;
  double y = *(const double *)b;

  return x < y ? -1 : x > y;
}

static void
print_stats (const char *what,
             GArray     *times)
{
  guint n = times->len;

  g_array_sort (times, compare_doubles);
  printf ("# %-37s p50 %7.2f ms  p95 %7.2f ms  max %7.2f ms  (%u timings)\n", what,
          g_array_index (times, double, n / 2),
          g_array_index (times, double, MIN (n - 1, (guint)(n * 0.95))),
          g_array_index (times, double, n - 1), n);
}

static double
elapsed_ms (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
answer (CrmQuestionnaireStore *store,
        gint64                 id,
        const char            *question,
        const char            *value,
        GArray                *times)
{
  g_autoptr(CrmAnswer) a = crm_answer_new ((const char * const[]) { value, NULL }, NULL);
  gint64 start = g_get_monotonic_time ();
  double ms;

  g_assert_true (crm_questionnaire_store_set_answer (store, id, question, a, NULL));
  ms = elapsed_ms (start);
  g_array_append_val (times, ms);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *folder = g_dir_make_tmp ("rapport-bench-questionnaire-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (folder, "bench.db", NULL);
  g_autofree char *csv = g_build_filename (folder, "responses.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmDatabase) db = NULL;
  g_autoptr(CrmJournal) journal = NULL;
  g_autoptr(CrmCustomerStore) customers = NULL;
  g_autoptr(CrmQuestionnaireStore) store = NULL;
  g_autoptr(GArray) answer_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) plan_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) submit_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) result_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) filtered_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) export_times = g_array_new (FALSE, FALSE, sizeof (double));
  const char *satisfaction[] = { "1", "2", "3", "4", "5" };
  gint64 template_id;

  printf ("1..1\n");

  db = crm_database_open (path, &error);
  g_assert_no_error (error);
  journal = crm_journal_new (db);
  customers = crm_customer_store_new (journal);
  g_assert_true (crm_demo_generate (customers, N_CUSTOMERS, NULL, &error));
  g_assert_no_error (error);
  store = crm_questionnaire_store_new (customers);
  template_id = crm_questionnaire_store_get_builtin_id (store);

  for (guint i = 0; i < N_RESPONSES; i++)
    {
      gint64 id = crm_questionnaire_store_start (store, template_id, i + 1, NULL, &error);
      g_autoptr(CrmSubmitPlan) plan = NULL;
      g_autoptr(CrmAnswer) concerns = crm_answer_new ((const char * const[]) { "cost", "market", NULL }, "数据安全");
      gint64 start;
      double ms;

      g_assert_no_error (error);
      answer (store, id, "industry", i % 2 ? "MFG" : "NET", answer_times);
      answer (store, id, "employees", "250", answer_times);
      answer (store, id, "pain-point", "月底对账要三个人手工核对两天", answer_times);
      answer (store, id, "satisfaction", satisfaction[i % 5], answer_times);
      answer (store, id, "frequency", "monthly", answer_times);
      answer (store, id, "plans", "明年在成都开新工厂", answer_times);
      g_assert_true (crm_questionnaire_store_set_answer (store, id, "concerns", concerns, NULL));

      start = g_get_monotonic_time ();
      plan = crm_questionnaire_store_plan (store, id, &error);
      ms = elapsed_ms (start);
      g_assert_nonnull (plan);
      g_array_append_val (plan_times, ms);

      start = g_get_monotonic_time ();
      if (crm_questionnaire_store_submit (store, id, &error) <= 0)
        {
          /* A demo customer whose record fails a check today (there are
           * none, but say so rather than fail on timing). */
          printf ("# response %u not submitted: %s\n", i, error->message);
          g_clear_error (&error);
          continue;
        }
      ms = elapsed_ms (start);
      g_array_append_val (submit_times, ms);
    }

  for (guint run = 0; run < 10; run++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(CrmQuestionnaireResults) results = crm_questionnaire_results_compute (store, template_id, 0,
                                                                                      CRM_TIER_NONE, &error);
      double ms = elapsed_ms (start);

      g_assert_nonnull (results);
      g_array_append_val (result_times, ms);

      start = g_get_monotonic_time ();
      g_clear_object (&results);
      results = crm_questionnaire_results_compute (store, template_id, 1, CRM_TIER_B, &error);
      ms = elapsed_ms (start);
      g_assert_nonnull (results);
      g_array_append_val (filtered_times, ms);

      start = g_get_monotonic_time ();
      g_assert_true (crm_questionnaire_results_export_csv (store, template_id, csv, TRUE, NULL, &error));
      ms = elapsed_ms (start);
      g_array_append_val (export_times, ms);
    }

  print_stats ("save one answer (write-through)", answer_times);
  print_stats ("compute a submit plan", plan_times);
  print_stats ("submit (one undoable action)", submit_times);
  print_stats ("results, 200 responses", result_times);
  print_stats ("results, filtered by industry, tier", filtered_times);
  print_stats ("CSV export, 200 responses", export_times);
  printf ("ok 1 - answered, submitted %u responses, computed and exported results\n", submit_times->len);

  g_clear_object (&store);
  g_clear_object (&customers);
  g_clear_object (&journal);
  g_clear_object (&db);
  {
    g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *file = g_build_filename (folder, name, NULL);

        g_remove (file);
      }
  }
  g_rmdir (folder);

  return 0;
}
