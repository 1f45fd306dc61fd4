/* bench-requirement-move.c — committing a card move on a board of 200 000
 * requirements
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * What a drop costs once the user lets go: crm_requirement_store_move()
 * with a status change (pending → in progress, and back), the card's new
 * position among its neighbours, the status-history row and the undo
 * journal entry, committed to disk (WAL, synchronous=FULL). Measured on a
 * copy of the benchmark database of bench-requirement-board.py (made here
 * when missing), first with nothing listening, then with the two board
 * columns' lists attached, which update in place. Target: 2 ms a move.
 *
 * Output is TAP with the figures as comments; not pass/fail on timing.
 */

#include <stdio.h>

#include <glib/gstdio.h>

#include "bench-stats.h"

#include "crm-demo-requirements.h"
#include "crm-demo.h"
#include "crm-requirement-list.h"

#define N_REQUIREMENTS 200000
#define N_MOVES 400

static void
print_stats (const char *what,
             GArray     *times)
{
  g_array_sort (times, bench_compare_doubles);
  printf ("# %-44s p50 %5.2f ms  p95 %5.2f ms  max %6.2f ms  (%u moves)%s\n",
          what, bench_percentile (times, 0.5), bench_percentile (times, 0.95),
          g_array_index (times, double, times->len - 1), times->len,
          bench_percentile (times, 0.5) > 2.0 ? "  p50 over 2 ms" : "");
}

static GArray *
column_ids (CrmDatabase *db,
            const char  *status)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = crm_database_prepare (db,
                                             "SELECT id FROM requirement WHERE status = ?"
                                             " AND merged_into IS NULL ORDER BY position, id", NULL);

  sqlite3_bind_text (stmt, 1, status, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);

  return ids;
}

/* N_MOVES moves between Pending and In progress, each before a random
 * card of the target column; returns their times in ms. */
static GArray *
run_moves (CrmRequirementStore *store,
           GRand               *rand)
{
  CrmDatabase *db = crm_requirement_store_get_database (store);
  GArray *times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) pending = column_ids (db, "pending");
  g_autoptr(GArray) doing = column_ids (db, "in_progress");

  for (guint i = 0; i < N_MOVES; i++)
    {
      gboolean forward = i % 2 == 0;
      GArray *from = forward ? pending : doing;
      GArray *to = forward ? doing : pending;
      guint from_index = g_rand_int_range (rand, 0, from->len);
      guint to_index = g_rand_int_range (rand, 0, to->len);
      gint64 id = g_array_index (from, gint64, from_index);
      gint64 before_id = g_array_index (to, gint64, to_index);
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();
      double ms;

      if (!crm_requirement_store_move (store, id,
                                       forward ? CRM_REQUIREMENT_STATUS_IN_PROGRESS
                                               : CRM_REQUIREMENT_STATUS_PENDING,
                                       before_id, NULL, &error))
        g_error ("move failed: %s", error->message);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (times, ms);

      g_array_remove_index (from, from_index);
      g_array_insert_val (to, to_index, id);
    }

  return times;
}

static char *
cached_database (void)
{
  const char *builddir = g_getenv ("G_TEST_BUILDDIR");
  g_autofree char *path = g_build_filename (builddir != NULL ? builddir : ".", "bench",
                                            "bench-requirements-200000.db", NULL);
  g_autofree char *partial = NULL;
  g_autoptr(CrmDatabase) db = NULL;
  g_autoptr(CrmJournal) journal = NULL;
  g_autoptr(CrmCustomerStore) customers = NULL;
  g_autoptr(CrmRequirementStore) store = NULL;
  g_autoptr(GError) error = NULL;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return g_steal_pointer (&path);

  printf ("# making %s (200 customers, %d requirements)\n", path, N_REQUIREMENTS);
  partial = g_strconcat (path, ".partial", NULL);
  g_unlink (partial);
  db = crm_database_open (partial, &error);
  g_assert_no_error (error);
  journal = crm_journal_new (db);
  customers = crm_customer_store_new (journal);
  store = crm_requirement_store_new (journal);
  if (!crm_demo_generate (customers, 200, NULL, &error) ||
      !crm_demo_requirements_generate (store, N_REQUIREMENTS, &error))
    g_error ("%s", error->message);
  g_clear_object (&store);
  g_clear_object (&customers);
  g_clear_object (&journal);
  g_clear_object (&db);
  g_rename (partial, path);

  return g_steal_pointer (&path);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *source = cached_database ();
  g_autofree char *folder = g_dir_make_tmp ("rapport-bench-move-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (folder, "moves.db", NULL);
  g_autoptr(CrmDatabase) db = NULL;
  g_autoptr(CrmJournal) journal = NULL;
  g_autoptr(CrmRequirementStore) store = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) bare = NULL;
  g_autoptr(GArray) listed = NULL;

  printf ("1..1\n");

  if (!crm_database_backup_file (source, path, &error))
    g_error ("%s", error->message);
  db = crm_database_open (path, &error);
  g_assert_no_error (error);
  journal = crm_journal_new (db);
  store = crm_requirement_store_new (journal);

  bare = run_moves (store, rand);
  print_stats ("move, store and journal only", bare);

  {
    g_autoptr(CrmRequirementList) pending = crm_requirement_list_new (store, CRM_REQUIREMENT_STATUS_PENDING);
    g_autoptr(CrmRequirementList) doing = crm_requirement_list_new (store, CRM_REQUIREMENT_STATUS_IN_PROGRESS);

    printf ("# columns: %u pending, %u in progress\n",
            g_list_model_get_n_items (G_LIST_MODEL (pending)),
            g_list_model_get_n_items (G_LIST_MODEL (doing)));
    listed = run_moves (store, rand);
    print_stats ("move, with both columns' lists updating", listed);
  }

  /* The same without waiting for the disk, to tell the work from the
   * fsync of each commit (the app keeps synchronous=FULL). */
  {
    g_autoptr(GArray) unsynced = NULL;

    crm_database_exec (db, "PRAGMA synchronous = NORMAL", NULL);
    unsynced = run_moves (store, rand);
    print_stats ("move without fsync (synchronous=NORMAL)", unsynced);
  }

  printf ("ok 1 - moves measured\n");

  g_clear_object (&store);
  g_clear_object (&journal);
  g_clear_object (&db);
  g_unlink (path);
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);

    g_unlink (wal);
    g_unlink (shm);
  }
  g_rmdir (folder);

  return 0;
}
