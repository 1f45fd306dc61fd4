/* test-cli.c — the command-line verbs of the real binary, without a display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "crm-database.h"
#include "test-util.h"
#include "test-rapport.h"

static char *
make_database (const char *name,
               guint       version)
{
  char *path = test_tmp_path (name);
  g_autoptr(GError) error = NULL;
  CrmDatabase *db = crm_database_open_at_version (path, version, &error);

  g_assert_no_error (error);
  g_assert_finalize_object (db);

  return path;
}

static void
test_version (void)
{
  g_auto(Run) run = { 0 };

  run_rapport (&run, "--version", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "rapport " PACKAGE_VERSION "\n");
}

static void
test_db_check (void)
{
  g_autofree char *current = make_database ("current.db", crm_database_get_latest_version ());
  g_autofree char *old = make_database ("old.db", 1);
  g_autofree char *garbage = test_tmp_path ("garbage.db");

  {
    g_auto(Run) run = { 0 };

    run_rapport (&run, "--database", current, "db", "check", NULL);
    g_assert_cmpint (run.status, ==, CRM_DATABASE_HEALTH_OK);
    g_assert_nonnull (strstr (run.out, "Integrity: ok"));
  }

  {
    g_auto(Run) run = { 0 };

    /* The option may also follow the verb. */
    run_rapport (&run, "db", "check", "--database", old, NULL);
    g_assert_cmpint (run.status, ==, CRM_DATABASE_HEALTH_OLDER);
    g_assert_nonnull (strstr (run.out, "Schema version: 1"));
  }

  {
    g_auto(Run) run = { 0 };

    g_assert_true (g_file_set_contents (garbage, "not a database at all, but long enough to have a header "
                                                 "of a hundred bytes or more if it were one, which it is not", -1, NULL));
    run_rapport (&run, "--database", garbage, "db", "check", NULL);
    g_assert_cmpint (run.status, ==, 4);
    g_assert_nonnull (strstr (run.err, garbage));
  }

  {
    g_auto(Run) run = { 0 };
    g_autofree char *corrupt = make_database ("corrupt.db", crm_database_get_latest_version ());
    g_autofree char *contents = NULL;
    sqlite3 *handle = NULL;
    gsize length;
    gint64 root;

    /* Damage a table's page, leaving the schema readable: integrity_check
     * finds it. */
    g_assert_cmpint (sqlite3_open (corrupt, &handle), ==, SQLITE_OK);
    test_exec (handle, "PRAGMA journal_mode = DELETE");
    for (guint i = 0; i < 200; i++)
      test_exec (handle, "INSERT INTO customer (name) VALUES ('一家很长名字的客户公司用来填满页面')");
    root = test_query_int (handle, "SELECT rootpage FROM sqlite_schema WHERE name = 'customer_name'");
    sqlite3_close (handle);

    g_assert_true (g_file_get_contents (corrupt, &contents, &length, NULL));
    memset (contents + (root - 1) * 4096 + 8, 0xff, 200);
    g_assert_true (g_file_set_contents (corrupt, contents, length, NULL));

    run_rapport (&run, "--database", corrupt, "db", "check", NULL);
    g_assert_cmpint (run.status, ==, CRM_DATABASE_HEALTH_DAMAGED);
  }
}

static void
test_db_backup (void)
{
  g_autofree char *source = make_database ("source.db", crm_database_get_latest_version ());
  g_autofree char *copy = test_tmp_path ("copy.db");

  {
    g_auto(Run) run = { 0 };

    run_rapport (&run, "--database", source, "db", "backup", copy, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (g_file_test (copy, G_FILE_TEST_IS_REGULAR));
  }

  {
    g_auto(Run) run = { 0 };
    g_autofree char *before = test_checksum_file (copy);
    g_autofree char *after = NULL;

    /* An existing file is never overwritten. */
    run_rapport (&run, "--database", source, "db", "backup", copy, NULL);
    g_assert_cmpint (run.status, !=, 0);
    g_assert_nonnull (strstr (run.err, "already exists"));
    after = test_checksum_file (copy);
    g_assert_cmpstr (before, ==, after);
  }

  {
    g_auto(Run) run = { 0 };
    CrmDatabaseHealth health;

    run_rapport (&run, "--database", copy, "db", "check", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (crm_database_check_file (copy, &health, NULL, NULL));
    g_assert_cmpint (health, ==, CRM_DATABASE_HEALTH_OK);
  }
}

static void
test_bad_usage (void)
{
  g_auto(Run) run = { 0 };

  run_rapport (&run, "db", "frobnicate", NULL);
  g_assert_cmpint (run.status, ==, 64);
  g_assert_nonnull (strstr (run.err, "db frobnicate"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cli/version", test_version);
  g_test_add_func ("/cli/db-check", test_db_check);
  g_test_add_func ("/cli/db-backup", test_db_backup);
  g_test_add_func ("/cli/bad-usage", test_bad_usage);

  return g_test_run ();
}
