/* test-cli-upkeep.c — `rapport demo --follow-ups`, `regrade` and
 * `export agenda` of the real binary
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include <libical/ical.h>

#include "test-util.h"
#include "test-rapport.h"

static gint64
query (const char *path,
       const char *sql)
{
  sqlite3 *handle = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_open (path, &handle), ==, SQLITE_OK);
  value = test_query_int (handle, sql);
  sqlite3_close (handle);

  return value;
}

static void
test_demo_follow_ups (void)
{
  g_autofree char *path = test_tmp_path ("demo.db");
  g_auto(Run) run = { 0 };
  g_auto(Run) bad = { 0 };

  run_rapport (&bad, "--database", path, "demo", "--customers", "5", "--follow-ups", "101", NULL);
  g_assert_cmpint (bad.status, ==, 64);
  g_assert_nonnull (strstr (bad.err, "--follow-ups"));
  /* Refused before anything was added. */
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS) &&
                  query (path, "SELECT count(*) FROM customer") > 0);

  run_rapport (&run, "--database", path, "demo", "--customers", "20", "--follow-ups", "2", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Added 40 sample follow-ups"));
  g_assert_cmpint (query (path, "SELECT count(*) FROM follow_up"), ==, 40);
  g_assert_cmpint (query (path, "SELECT count(*) FROM customer WHERE last_contact_at IS NULL"), ==, 0);
  g_assert_cmpint (query (path,
                          "SELECT count(*) FROM customer c WHERE last_contact_at ="
                          "  (SELECT max (happened_at) FROM follow_up f WHERE f.customer_id = c.id)"), ==, 20);
}

static void
test_regrade (void)
{
  g_autofree char *path = test_tmp_path ("regrade.db");
  g_auto(Run) demo = { 0 };
  g_auto(Run) bad_quarter = { 0 };
  g_auto(Run) no_reason = { 0 };
  g_auto(Run) propose = { 0 };
  g_auto(Run) apply = { 0 };
  g_auto(Run) again = { 0 };

  run_rapport (&demo, "--database", path, "demo", "--customers", "50", "--follow-ups", "0", NULL);
  g_assert_cmpint (demo.status, ==, 0);

  run_rapport (&bad_quarter, "--database", path, "regrade", "--quarter", "2026Q9", NULL);
  g_assert_cmpint (bad_quarter.status, ==, 64);
  g_assert_nonnull (strstr (bad_quarter.err, "Quarter: “2026Q9”"));

  run_rapport (&no_reason, "--database", path, "regrade", "--quarter", "2026Q3", "--apply", NULL);
  g_assert_cmpint (no_reason.status, ==, 64);
  g_assert_nonnull (strstr (no_reason.err, "--reason"));

  run_rapport (&propose, "--database", path, "regrade", "--quarter", "2026Q3", NULL);
  g_assert_cmpint (propose.status, ==, 0);
  g_assert_nonnull (strstr (propose.out, "2026Q3: "));
  g_assert_nonnull (strstr (propose.out, "--apply --reason"));
  g_assert_cmpint (query (path, "SELECT count(*) FROM tier_history"), ==, 0);

  run_rapport (&apply, "--database", path, "regrade", "--quarter", "2026Q3",
               "--apply", "--reason", "2026 年第三季度复评", NULL);
  g_assert_cmpint (apply.status, ==, 0);
  g_assert_nonnull (strstr (apply.out, "as one undoable action"));
  g_assert_cmpint (query (path, "SELECT count(*) FROM tier_history WHERE reason = '2026 年第三季度复评'"), >, 0);
  g_assert_cmpint (query (path, "SELECT count(*) FROM journal WHERE label = 'Re-grade customers'"), ==, 1);

  /* Once applied, the same quarter proposes nothing. */
  run_rapport (&again, "--database", path, "regrade", "--quarter", "2026Q3", NULL);
  g_assert_cmpint (again.status, ==, 0);
  g_assert_nonnull (strstr (again.out, "0 upgrades, 0 downgrades and 0 first grades"));
}

static void
test_export_agenda (void)
{
  g_autofree char *path = test_tmp_path ("agenda.db");
  g_autofree char *ics = test_tmp_path ("agenda.ics");
  g_autofree char *contents = NULL;
  g_auto(Run) demo = { 0 };
  g_auto(Run) missing = { 0 };
  g_auto(Run) export = { 0 };
  g_auto(Run) again = { 0 };
  icalcomponent *calendar;

  run_rapport (&demo, "--database", path, "demo", "--customers", "30", NULL);
  g_assert_cmpint (demo.status, ==, 0);

  run_rapport (&missing, "--database", path, "export", "agenda", NULL);
  g_assert_cmpint (missing.status, ==, 64);
  g_assert_nonnull (strstr (missing.err, "-o"));

  run_rapport (&export, "--database", path, "export", "agenda", "-o", ics, "--days", "3660", NULL);
  g_assert_cmpint (export.status, ==, 0);
  g_assert_nonnull (strstr (export.out, "Exported 30 follow-ups"));

  g_assert_true (g_file_get_contents (ics, &contents, NULL, NULL));
  calendar = icalparser_parse_string (contents);
  g_assert_cmpint (icalcomponent_count_components (calendar, ICAL_VTODO_COMPONENT), ==, 30);
  icalcomponent_free (calendar);

  run_rapport (&again, "--database", path, "export", "agenda", "-o", ics, NULL);
  g_assert_cmpint (again.status, ==, 4);
  g_assert_nonnull (strstr (again.err, "--force"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cli-upkeep/demo-follow-ups", test_demo_follow_ups);
  g_test_add_func ("/cli-upkeep/regrade", test_regrade);
  g_test_add_func ("/cli-upkeep/export-agenda", test_export_agenda);

  return g_test_run ();
}
