/* test-requirement-cli.c — `rapport demo --requirements N` and
 * `rapport export requirements`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "crm-database.h"
#include "test-rapport.h"
#include "test-util.h"

static void
test_demo_and_export (void)
{
  g_autofree char *db = test_tmp_path ("cli.db");
  g_autofree char *csv = test_tmp_path ("requirements.csv");
  g_autofree char *masked = test_tmp_path ("masked.csv");
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(Run) run = { 0 };
  sqlite3 *handle = NULL;

  run_rapport (&run, "--database", db, "demo", "--customers", "20", "--requirements", "50", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Added 50 sample requirements"));

  /* Nothing is written without -o, and bad sizes are refused. */
  run_rapport (&run, "--database", db, "export", "requirements", NULL);
  g_assert_cmpint (run.status, !=, 0);
  g_assert_nonnull (strstr (run.err, "-o"));
  run_rapport (&run, "--database", db, "demo", "--requirements", "-3", NULL);
  g_assert_cmpint (run.status, !=, 0);
  g_assert_nonnull (strstr (run.err, "--requirements"));

  run_rapport (&run, "--database", db, "export", "requirements", "-o", csv, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Exported 50 requirements"));
  g_assert_true (g_file_get_contents (csv, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "\xef\xbb\xbf\"需求编号\",\"标题\",\"状态\""));
  lines = g_strsplit (contents, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 52);  /* header, 50 rows, "" */
  g_assert_true (g_str_has_prefix (lines[1], "\"REQ-"));

  /* An existing file is left alone without --force. */
  run_rapport (&run, "--database", db, "export", "requirements", "-o", csv, NULL);
  g_assert_cmpint (run.status, !=, 0);
  g_assert_nonnull (strstr (run.err, "--force"));

  run_rapport (&run, "--database", db, "export", "requirements", "-o", masked, "--mask", NULL);
  g_assert_cmpint (run.status, ==, 0);
  {
    g_autofree char *text = NULL;

    g_assert_true (g_file_get_contents (masked, &text, NULL, NULL));
    /* The demo's owners are two-character names: masked to 王*. */
    g_assert_null (strstr (text, "\"王芳\""));
    g_assert_null (strstr (text, "\"李娜\""));
  }

  g_assert_cmpint (sqlite3_open (db, &handle), ==, SQLITE_OK);
  g_assert_cmpint (test_query_int (handle, "SELECT count(*) FROM requirement"), ==, 50);
  g_assert_cmpint (test_query_int (handle, "SELECT count(*) FROM requirement WHERE status = 'done'"
                                           "  AND resolution IS NULL"), ==, 0);
  g_assert_cmpint (test_query_int (handle, "SELECT count(*) FROM requirement_evidence"), ==, 50);
  g_assert_cmpint (test_query_int (handle, "SELECT count(*) FROM requirement_status_history"), ==, 50);
  sqlite3_close (handle);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/requirement-cli/demo-and-export", test_demo_and_export);

  return g_test_run ();
}
