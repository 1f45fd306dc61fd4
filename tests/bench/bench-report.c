/* bench-report.c — report figures and the full report PDF on 100 000 customers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * On a 100 000-customer sample database (crm_demo_generate(), as
 * `rapport demo --customers 100000` makes it), times a figure set for one
 * period (target ≤ 100 ms) and the full report written as PDF, the way
 * `rapport report` does it (target ≤ 1 s), each repeated; p50 and max are
 * printed as TAP comments. It fails only if something breaks, never on
 * timing. The database also holds the 1 000 000 follow-ups (10
 * per customer) and 200 000 requirements, made as `rapport demo
 * --follow-ups 10 --requirements 200000` makes them.
 *
 * `bench-report --database PATH` times an existing database instead of
 * making one (it is opened, never changed by the timings).
 *
 * Output goes through printf(), not g_print(), which would turn Chinese
 * into question marks under a C locale.
 */

#include <stdio.h>
#include <time.h>

#include <glib/gstdio.h>

#include "crm-customer-store.h"
#include "crm-demo.h"
#include "crm-demo-follow-ups.h"
#include "crm-demo-requirements.h"
#include "bench-util.h"
#include "crm-figure-set.h"
#include "crm-report-make.h"

#define RUNS 7

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (GArray *times)
{
  g_array_sort (times, compare_doubles);

  return g_array_index (times, double, (times->len - 1) / 2);
}

/* Processor time of the whole process in ms: a figure set reads half
 * of its figures in a second thread. */
static double
process_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);

  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* Wall time, the CPU time of this thread and of the whole process (what
 * the machine's other work does not inflate; with two threads, wall time
 * on an idle machine is about the larger of the two threads' times). */
static void
print_stats (const char *what,
             GArray     *times,
             GArray     *cpu_times,
             GArray     *process_times,
             double      target)
{
  double p50 = median (times);
  double max = g_array_index (times, double, times->len - 1);

  printf ("# %-40s p50 %7.1f ms (cpu: thread %7.1f ms, process %7.1f ms)  max %7.1f ms  (%u runs, target %.0f ms)%s\n",
          what, p50, median (cpu_times), median (process_times), max, times->len, target,
          p50 > target ? "  over target" : "");
}

static gboolean
time_figures (CrmDatabase *db,
              const char  *period_text,
              const char  *segment_key)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cpu_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) process_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;
  g_auto(CrmSegment) segment = { 0 };
  g_autofree char *what = NULL;
  CrmPeriod period;
  double new_customers = 0, churn = 0;

  crm_period_parse (&period, period_text, NULL);
  crm_segment_parse (&segment, segment_key);

  for (guint run = 0; run < RUNS; run++)
    {
      gint64 start = g_get_monotonic_time ();
      double cpu_start = bench_thread_cpu_ms ();
      double process_start = process_cpu_ms ();
      g_autoptr(CrmFigureSet) set = crm_figure_set_compute (db, &period, &segment, &error);
      double ms = (g_get_monotonic_time () - start) / 1000.0;
      double cpu_ms = bench_thread_cpu_ms () - cpu_start;
      double process_ms = process_cpu_ms () - process_start;

      if (set == NULL)
        {
          printf ("not ok 1 %s\n", error->message);
          return FALSE;
        }
      g_array_append_val (times, ms);
      g_array_append_val (cpu_times, cpu_ms);
      g_array_append_val (process_times, process_ms);
      new_customers = crm_figure_set_get (set, CRM_FIGURE_CUSTOMERS)->value;
      churn = crm_figure_set_get (set, CRM_FIGURE_CHURNED)->value;
    }

  what = g_strdup_printf ("figure set %s %s", period.key, segment_key != NULL ? segment_key : "(all)");
  print_stats (what, times, cpu_times, process_times, 100);
  printf ("#   %.0f customers, %.0f churned\n", new_customers, churn);

  return TRUE;
}

static gboolean
time_report (CrmDatabase *db,
             const char  *dir,
             const char  *period_text,
             gboolean     mask)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cpu_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) build_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) build_cpu_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) process_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) build_process_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, "report.pdf", NULL);
  g_autofree char *what = NULL;
  CrmPeriod period;
  guint n_pages = 0;

  crm_period_parse (&period, period_text, NULL);

  for (guint run = 0; run < RUNS; run++)
    {
      gint64 start = g_get_monotonic_time ();
      double cpu_start = bench_thread_cpu_ms ();
      double process_start = process_cpu_ms ();
      double ms;

      if (!crm_report_write_pdf (db, &period, NULL, mask, path, CRM_REPORT_WRITE_OVERWRITE, &n_pages, &error))
        {
          printf ("not ok 1 %s\n", error->message);
          return FALSE;
        }
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (times, ms);
      ms = bench_thread_cpu_ms () - cpu_start;
      g_array_append_val (cpu_times, ms);
      ms = process_cpu_ms () - process_start;
      g_array_append_val (process_times, ms);

      start = g_get_monotonic_time ();
      cpu_start = bench_thread_cpu_ms ();
      process_start = process_cpu_ms ();
      {
        g_autoptr(CrmReportDocument) doc = crm_report_make (db, &period, NULL, mask, NULL);

        crm_report_document_paginate (doc);
      }
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (build_times, ms);
      ms = bench_thread_cpu_ms () - cpu_start;
      g_array_append_val (build_cpu_times, ms);
      ms = process_cpu_ms () - process_start;
      g_array_append_val (build_process_times, ms);
    }

  what = g_strdup_printf ("report PDF %s%s (%u pages)", period.key, mask ? " masked" : "", n_pages);
  print_stats (what, times, cpu_times, process_times, 1000);
  g_free (what);
  what = g_strdup_printf ("  of which figures + layout %s", period.key);
  print_stats (what, build_times, build_cpu_times, build_process_times, 1000);
  g_unlink (path);

  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  BenchDatabase bench = { 0 };
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *this_quarter = g_strdup_printf ("%dQ%d", g_date_time_get_year (now),
                                                   (g_date_time_get_month (now) - 1) / 3 + 1);
  g_autofree char *last_year = g_strdup_printf ("%dQ2", g_date_time_get_year (now) - 1);
  guint n_customers = 100000;
  CrmDatabase *db;
  const char *dir;
  gboolean ok;

  if (argc > 2 && g_strcmp0 (argv[1], "--customers") == 0)
    n_customers = (guint) g_ascii_strtoull (argv[2], NULL, 10);
  printf ("1..1\n");

  if (argc > 2 && g_strcmp0 (argv[1], "--database") == 0)
    {
      g_autoptr(GError) error = NULL;

      bench.dir = g_dir_make_tmp ("rapport-bench-report-XXXXXX", &error);
      if (bench.dir != NULL)
        bench.db = crm_database_open (argv[2], &error);
      if (bench.db == NULL)
        {
          printf ("Bail out! %s\n", error->message);
          return 1;
        }
      db = bench.db;
      dir = bench.dir;
    }
  else if (!bench_database_open (&bench, "report", n_customers))
    return 1;
  else
    {
      db = bench.db;
      dir = bench.dir;
    }

  /* Ten follow-ups per customer and two requirements per customer, as
   * `rapport demo --follow-ups 10 --requirements N` makes them. */
  if (bench.store != NULL)
    {
      g_autoptr(CrmRequirementStore) requirements = crm_requirement_store_new (bench.journal);
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();

      if (!crm_demo_follow_ups_generate (bench.store, n_customers, 10, NULL, &error) ||
          !crm_demo_requirements_generate (requirements, 2 * n_customers, &error))
        {
          printf ("Bail out! %s\n", error->message);
          return 1;
        }
      printf ("# %u follow-ups and %u requirements made in %.1f s\n", 10 * n_customers, 2 * n_customers,
              (g_get_monotonic_time () - start) / 1e6);
    }

  ok = time_figures (db, this_quarter, NULL) &&
       time_figures (db, last_year, NULL) &&
       time_figures (db, this_quarter, "tier:S") &&
       time_figures (db, this_quarter, "industry:1") &&
       time_figures (db, last_year, "industry:1") &&
       time_report (db, dir, this_quarter, FALSE) &&
       time_report (db, dir, last_year, TRUE);

  if (ok)
    printf ("ok 1 report figures on %u customers\n", n_customers);

  bench_database_close (&bench);

  return ok ? 0 : 1;
}
