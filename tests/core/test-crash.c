/* test-crash.c — a process killed inside a write loses nothing committed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <signal.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "crm-journal.h"
#include "test-util.h"

typedef struct
{
  int write_fd;
} ChildState;

static gboolean
insert_then_hang (CrmDatabase  *db,
                  gpointer      user_data,
                  GError      **error)
{
  ChildState *state = user_data;
  char ready = 'r';

  for (guint i = 0; i < 2000; i++)
    {
      sqlite3_stmt *stmt = crm_database_prepare (db, "INSERT INTO customer (name) VALUES (?)", error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, "未提交的客户", -1, SQLITE_STATIC);
      if (!crm_database_step_done (db, stmt, error))
        return FALSE;
    }

  /* Force the uncommitted pages out of the cache into the WAL, so the kill
   * lands on a half-written transaction on disk, not only in memory. */
  sqlite3_db_cacheflush (crm_database_get_handle (db));

  if (write (state->write_fd, &ready, 1) != 1)
    _exit (3);

  for (;;)
    pause ();

  return TRUE;
}

static void
run_killed_child (const char *path,
                  gboolean    through_journal)
{
  int fds[2];
  pid_t pid;
  char ready = 0;
  int status = 0;

  g_assert_cmpint (pipe (fds), ==, 0);

  pid = fork ();
  g_assert_cmpint (pid, >=, 0);

  if (pid == 0)
    {
      ChildState state = { fds[1] };
      CrmDatabase *db;
      GError *error = NULL;

      close (fds[0]);
      db = crm_database_open (path, &error);
      if (db == NULL)
        _exit (2);

      if (through_journal)
        {
          CrmJournal *journal = crm_journal_new (db);
          crm_journal_record (journal, "Import customers", insert_then_hang, &state, &error);
        }
      else
        {
          crm_database_transaction (db, insert_then_hang, &state, &error);
        }

      _exit (4);
    }

  close (fds[1]);
  g_assert_cmpint (read (fds[0], &ready, 1), ==, 1);
  g_assert_cmpint (ready, ==, 'r');
  close (fds[0]);

  g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status));
  g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);
}

static void
check_after_crash (gboolean through_journal)
{
  g_autofree char *path = test_tmp_path ("crash.db");
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr(GError) error = NULL;
  CrmDatabase *db;
  sqlite3 *handle;

  db = crm_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (crm_database_exec (db, "INSERT INTO customer (name) VALUES ('已提交的客户')", &error));
  g_assert_finalize_object (db);

  run_killed_child (path, through_journal);

  /* The killed writer left its WAL behind, with the uncommitted frames. */
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));

  db = crm_database_open (path, &error);
  g_assert_no_error (error);
  handle = crm_database_get_handle (db);

  {
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (sqlite3_prepare_v2 (handle, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 0), ==, "ok");
    sqlite3_finalize (stmt);
  }

  g_assert_cmpint (test_query_int (handle, "SELECT count(*) FROM customer WHERE name = '已提交的客户'"), ==, 1);
  g_assert_cmpint (test_query_int (handle, "SELECT count(*) FROM customer WHERE name = '未提交的客户'"), ==, 0);
  g_assert_cmpint (test_query_int (handle, "SELECT count(*) FROM journal"), ==, 0);

  /* And the database takes writes again. */
  g_assert_true (crm_database_exec (db, "INSERT INTO customer (name) VALUES ('之后的客户')", &error));
  g_assert_no_error (error);
  g_assert_finalize_object (db);
}

static void
test_kill_in_transaction (void)
{
  check_after_crash (FALSE);
}

static void
test_kill_in_journaled_action (void)
{
  check_after_crash (TRUE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/crash/kill-in-transaction", test_kill_in_transaction);
  g_test_add_func ("/crash/kill-in-journaled-action", test_kill_in_journaled_action);

  return g_test_run ();
}
