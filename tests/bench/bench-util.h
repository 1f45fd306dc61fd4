/* bench-util.h — what the C benchmarks share: a sample database and timing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <stdio.h>
#include <time.h>

#include <glib/gstdio.h>

#include "crm-customer-store.h"
#include "crm-demo.h"

typedef struct
{
  char             *dir;
  CrmDatabase      *db;
  CrmJournal       *journal;
  CrmCustomerStore *store;
} BenchDatabase;

/* Makes @n_customers demo customers in a new database in a temporary
 * folder, printing how long it took; prints "Bail out!" and returns
 * FALSE on failure. */
static inline gboolean
bench_database_open (BenchDatabase *bench,
                     const char    *name,
                     guint          n_customers)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *template = g_strdup_printf ("rapport-bench-%s-XXXXXX", name);
  g_autofree char *path = NULL;
  gint64 start;

  bench->dir = g_dir_make_tmp (template, &error);
  if (bench->dir == NULL)
    {
      printf ("Bail out! %s\n", error->message);
      return FALSE;
    }
  path = g_build_filename (bench->dir, "bench.db", NULL);

  bench->db = crm_database_open (path, &error);
  if (bench->db == NULL)
    {
      printf ("Bail out! %s\n", error->message);
      return FALSE;
    }
  bench->journal = crm_journal_new (bench->db);
  bench->store = crm_customer_store_new (bench->journal);

  start = g_get_monotonic_time ();
  if (!crm_demo_generate (bench->store, n_customers, NULL, &error))
    {
      printf ("Bail out! %s\n", error->message);
      return FALSE;
    }
  printf ("# %u sample customers made in %.1f s\n", n_customers, (g_get_monotonic_time () - start) / 1e6);

  return TRUE;
}

/* Closes the database and removes its folder (with its WAL and any
 * backup copy). */
static inline void
bench_database_close (BenchDatabase *bench)
{
  g_clear_object (&bench->store);
  g_clear_object (&bench->journal);
  g_clear_object (&bench->db);

  if (bench->dir != NULL)
    {
      g_autoptr(GDir) contents = g_dir_open (bench->dir, 0, NULL);
      const char *name;

      while (contents != NULL && (name = g_dir_read_name (contents)) != NULL)
        {
          g_autofree char *file = g_build_filename (bench->dir, name, NULL);

          g_unlink (file);
        }
      g_rmdir (bench->dir);
      g_clear_pointer (&bench->dir, g_free);
    }
}

/* CPU time of the calling thread in ms: unlike wall time, it does not
 * count the time other processes on a busy machine take. */
static inline double
bench_thread_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);

  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}
