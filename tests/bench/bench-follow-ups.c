/* bench-follow-ups.c — the agenda, the timeline and the quarterly re-grade
 * on 100 000 customers and 1 000 000 follow-ups
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * On a sample database of 100 000 customers with ten follow-ups each
 * (crm_demo_generate() and crm_demo_follow_ups_generate(), kept in the
 * folder given as the first argument so later runs reuse it), times:
 *
 * - opening the agenda: a new list up to the end of the week, its count
 *   and the first screen of 30 rows (target ≤ 16 ms);
 * - a customer's timeline: a new list, its count and its first 20
 *   entries, for 500 customers picked at random (target ≤ 16 ms);
 * - the quarterly re-grade of every customer: the proposals, and
 *   applying all of them as one undoable action (target ≤ 1 s), then the
 *   undo.
 *
 * Figures are TAP comments; it fails only if something breaks.
 */

#include <stdio.h>

#include <glib/gstdio.h>

#include "bench-stats.h"

#include "crm-agenda.h"
#include "crm-cadence.h"
#include "crm-demo.h"
#include "crm-demo-follow-ups.h"
#include "crm-follow-up-plan.h"
#include "crm-regrade.h"
#include "crm-tier-rules.h"
#include "crm-timeline.h"

#define N_CUSTOMERS 100000
#define PER_CUSTOMER 10
#define RUNS 20
#define TIMELINES 500

static void
print_stats (const char *what,
             GArray     *times,
             double      budget)
{
  g_array_sort (times, bench_compare_doubles);
  printf ("# %-40s p50 %7.2f ms  p95 %7.2f ms  max %7.2f ms  (%u timings)%s\n",
          what, bench_percentile (times, 0.5), bench_percentile (times, 0.95),
          g_array_index (times, double, times->len - 1), times->len,
          g_array_index (times, double, times->len - 1) > budget ? "  max over budget" : "");
}

static double
since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static gboolean
make_database (const char  *path,
               GError     **error)
{
  g_autoptr(CrmDatabase) db = crm_database_open (path, error);
  g_autoptr(CrmJournal) journal = NULL;
  g_autoptr(CrmCustomerStore) store = NULL;
  gint64 start = g_get_monotonic_time ();

  if (db == NULL)
    return FALSE;
  journal = crm_journal_new (db);
  store = crm_customer_store_new (journal);

  if (!crm_demo_generate (store, N_CUSTOMERS, NULL, error) ||
      !crm_demo_follow_ups_generate (store, N_CUSTOMERS, PER_CUSTOMER, NULL, error))
    return FALSE;

  printf ("# made the sample database in %.1f s\n", since (start) / 1000.0);
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(CrmDatabase) db = NULL;
  g_autoptr(CrmJournal) journal = NULL;
  g_autoptr(CrmCustomerStore) store = NULL;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GTimeZone) zone = g_time_zone_new_local ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) week = crm_cadence_end_of_week (now, zone);
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  guint n_agenda = 0;

  setvbuf (stdout, NULL, _IOLBF, 0);
  printf ("1..1\n");

  dir = argc > 1 ? g_strdup (argv[1]) : g_dir_make_tmp ("rapport-bench-follow-ups-XXXXXX", NULL);
  path = g_build_filename (dir, "follow-ups-100k.db", NULL);
  if (!g_file_test (path, G_FILE_TEST_EXISTS) && !make_database (path, &error))
    {
      printf ("not ok 1 %s\n", error->message);
      return 1;
    }

  db = crm_database_open (path, &error);
  if (db == NULL)
    {
      printf ("not ok 1 %s\n", error->message);
      return 1;
    }
  journal = crm_journal_new (db);
  store = crm_customer_store_new (journal);
  {
    sqlite3_stmt *stmt = crm_database_prepare (db, "SELECT count(*) FROM follow_up", NULL);
    gint64 n_follow_ups = 0;

    if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
      n_follow_ups = sqlite3_column_int64 (stmt, 0);
    if (stmt != NULL)
      sqlite3_reset (stmt);
    printf ("# %u customers, %" G_GINT64_FORMAT " follow-ups\n",
            crm_customer_store_count (store), n_follow_ups);
  }

  /* The agenda, as the Customers page opens it. */
  for (guint run = 0; run < RUNS; run++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(CrmPagedList) agenda = crm_agenda_new (store);
      double ms;

      crm_agenda_set_until (agenda, week);
      n_agenda = g_list_model_get_n_items (G_LIST_MODEL (agenda));
      for (guint i = 0; i < MIN (n_agenda, 30); i++)
        g_object_unref (g_list_model_get_item (G_LIST_MODEL (agenda), i));
      ms = since (start);
      if (run == 0)
        printf ("# agenda, first open (cold statements): %.2f ms\n", ms);
      g_array_append_val (times, ms);
    }
  printf ("# agenda to the end of the week holds %u customers\n", n_agenda);
  print_stats ("agenda open: count + first 30 rows", times, 16.0);

  /* A customer's timeline, as the detail opens it. */
  g_array_set_size (times, 0);
  for (guint run = 0; run < TIMELINES; run++)
    {
      gint64 id = g_rand_int_range (rand, 1, N_CUSTOMERS + 1);
      gint64 start = g_get_monotonic_time ();
      g_autoptr(CrmPagedList) timeline = crm_timeline_new (store, id);
      guint n = g_list_model_get_n_items (G_LIST_MODEL (timeline));
      double ms;

      for (guint i = 0; i < MIN (n, 20); i++)
        g_object_unref (g_list_model_get_item (G_LIST_MODEL (timeline), i));
      ms = since (start);
      g_array_append_val (times, ms);
    }
  print_stats ("timeline: count + first 20 entries", times, 16.0);

  /* The quarterly re-grade of every customer. */
  g_array_set_size (times, 0);
  {
    g_autoptr(GListModel) proposals = NULL;
    GDate today;
    g_autofree char *quarter = NULL;
    guint applied = 0;
    gint64 start;
    double ms;

    g_date_clear (&today, 1);
    g_date_set_time_t (&today, time (NULL));
    quarter = crm_quarter_for_date (&today);

    for (guint run = 0; run < 3; run++)
      {
        g_clear_object (&proposals);
        start = g_get_monotonic_time ();
        proposals = crm_regrade_propose (db, quarter, &error);
        ms = since (start);
        if (proposals == NULL)
          {
            printf ("not ok 1 %s\n", error->message);
            return 1;
          }
        g_array_append_val (times, ms);
      }
    print_stats ("re-grade: proposals for every customer", times, 1000.0);
    printf ("# %s: %u of %d customers change tier\n", quarter,
            g_list_model_get_n_items (proposals), N_CUSTOMERS);

    start = g_get_monotonic_time ();
    if (!crm_regrade_apply (store, proposals, quarter, "bench", &applied, &error))
      {
        printf ("not ok 1 %s\n", error->message);
        return 1;
      }
    printf ("# re-grade: applying %u changes as one undoable action: %.0f ms\n", applied, since (start));

    start = g_get_monotonic_time ();
    g_free (crm_journal_undo (journal, &error));
    if (error != NULL)
      {
        printf ("not ok 1 %s\n", error->message);
        return 1;
      }
    printf ("# re-grade: undoing it: %.0f ms\n", since (start));
  }

  /* A cadence change in Preferences re-plans every customer. */
  {
    CrmCadence cadence;
    CrmTierRules rules;
    gint64 start;

    crm_upkeep_rules_load (db, &cadence, &rules);
    cadence.interval_days[CRM_TIER_B] += 1;
    start = g_get_monotonic_time ();
    if (!crm_upkeep_rules_save (store, &cadence, &rules, &error))
      {
        printf ("not ok 1 %s\n", error->message);
        return 1;
      }
    printf ("# cadence change: re-planning every customer as one undoable action: %.0f ms\n", since (start));
    start = g_get_monotonic_time ();
    g_free (crm_journal_undo (journal, &error));
    printf ("# cadence change: undoing it: %.0f ms\n", since (start));
  }

  printf ("ok 1 agenda, timeline and re-grade on %d customers\n", N_CUSTOMERS);

  return 0;
}
