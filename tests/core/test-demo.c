/* test-demo.c — `rapport demo`: deterministic, valid, realistic sample data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>
#include <sys/wait.h>

#include "crm-demo.h"
#include "crm-validate.h"
#include "test-util.h"
#include "test-store-fixture.h"
#include "test-rapport.h"

typedef StoreFixture Fixture;

static void
generate (Fixture        *f,
          guint           n,
          CrmDemoSummary *summary)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (crm_demo_generate (f->store, n, summary, &error));
  g_assert_no_error (error);
}

/* One line per customer: what must come out the same every time. */
static char *
dump_customers (Fixture *f)
{
  GString *out = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (crm_database_get_handle (f->db),
                                       "SELECT c.name, ifnull (c.code, '-'), ifnull (c.credit_code, '-'),"
                                       "       ifnull (c.id_number, '-'), ifnull (c.tier, '-'), c.annual_spend,"
                                       "       (SELECT group_concat (k.name || k.phone || k.email, '|')"
                                       "          FROM contact k WHERE k.customer_id = c.id)"
                                       "  FROM customer c ORDER BY c.id",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int i = 0; i < 7; i++)
        g_string_append_printf (out, "%s\t", (const char *) sqlite3_column_text (stmt, i));
      g_string_append_c (out, '\n');
    }
  sqlite3_finalize (stmt);

  return g_string_free (out, FALSE);
}

static void
test_deterministic (void)
{
  Fixture a = { 0 }, b = { 0 };
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  store_fixture_open (&a, "a.db");
  store_fixture_open (&b, "b.db");
  generate (&a, 50, NULL);
  generate (&b, 50, NULL);

  first = dump_customers (&a);
  second = dump_customers (&b);
  g_assert_cmpuint (strlen (first), >, 0);
  g_assert_cmpstr (first, ==, second);

  store_fixture_close (&a);
  store_fixture_close (&b);
}

static void
test_valid (void)
{
  Fixture f = { 0 };
  sqlite3_stmt *stmt = NULL;
  sqlite3 *handle;
  guint n_enterprises = 0;

  store_fixture_open (&f, "valid.db");
  generate (&f, 500, NULL);
  handle = crm_database_get_handle (f.db);

  g_assert_cmpint (sqlite3_prepare_v2 (handle,
                                       "SELECT kind, credit_code, id_number, name FROM customer",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *kind = (const char *) sqlite3_column_text (stmt, 0);
      const char *credit_code = (const char *) sqlite3_column_text (stmt, 1);
      const char *id_number = (const char *) sqlite3_column_text (stmt, 2);
      g_autoptr(GError) error = NULL;
      g_autofree char *warning = NULL;
      g_autofree char *normal = NULL;

      if (g_strcmp0 (kind, "enterprise") == 0)
        {
          n_enterprises++;
          g_assert_nonnull (credit_code);
          g_assert_null (id_number);
          /* Valid, and with the right check character (no warning). */
          normal = crm_validate_credit_code (credit_code, NULL, &warning, &error);
          g_assert_no_error (error);
          g_assert_null (warning);
          g_assert_cmpstr (normal, ==, credit_code);
          g_assert_true (g_str_has_suffix ((const char *) sqlite3_column_text (stmt, 3), "公司"));
        }
      else
        {
          g_assert_cmpstr (kind, ==, "individual");
          g_assert_null (credit_code);
          normal = crm_validate_id_number (id_number, NULL, &error);
          g_assert_no_error (error);
          g_assert_cmpstr (normal, ==, id_number);
        }
    }
  sqlite3_finalize (stmt);

  /* About nine in ten are enterprises. */
  g_assert_cmpuint (n_enterprises, >, 400);
  g_assert_cmpuint (n_enterprises, <, 490);

  g_assert_cmpint (sqlite3_prepare_v2 (handle, "SELECT phone, email FROM contact", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *phone = (const char *) sqlite3_column_text (stmt, 0);
      const char *email = (const char *) sqlite3_column_text (stmt, 1);
      g_autoptr(GError) error = NULL;
      g_autofree char *mobile = NULL;
      g_autofree char *address = NULL;

      mobile = crm_validate_mobile (phone, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (mobile, ==, phone);
      g_assert_true (g_regex_match_simple ("^1[3-9][0-9]{9}$", phone, 0, 0));

      address = crm_validate_email (email, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (address, ==, email);
      g_assert_true (g_regex_match_simple ("^[a-z]+\\.[a-z]+[0-9]*@([a-z]+\\.)?example\\.cn$", email, 0, 0));
    }
  sqlite3_finalize (stmt);

  /* One to four contacts each, about three on average. */
  g_assert_cmpint (test_query_int (handle, "SELECT count(*) FROM customer c WHERE"
                                           " (SELECT count(*) FROM contact k WHERE k.customer_id = c.id)"
                                           " NOT BETWEEN 1 AND 4"), ==, 0);
  g_assert_cmpint (test_query_int (handle, "SELECT count(*) FROM contact"), >, 2 * 500);

  /* Tiers follow the twelve-month spend rules. */
  g_assert_cmpint (test_query_int (handle, "SELECT count(*) FROM customer WHERE"
                                           " (tier = 'S' AND annual_spend < 500000) OR"
                                           " (tier = 'A' AND annual_spend NOT BETWEEN 200000 AND 499999) OR"
                                           " (tier = 'B' AND annual_spend NOT BETWEEN 50000 AND 199999) OR"
                                           " (tier = 'C' AND annual_spend >= 50000) OR"
                                           " (tier IS NULL AND annual_spend != 0)"), ==, 0);
  /* An S customer has cooperated for two years or more. */
  g_assert_cmpint (test_query_int (handle, "SELECT count(*) FROM customer c WHERE tier = 'S' AND"
                                           " (SELECT min (started_on) FROM cooperation o WHERE o.customer_id = c.id)"
                                           "   > date ('now', '-2 years')"), ==, 0);

  /* Approved ones have codes from the counters; drafts none. */
  g_assert_cmpint (test_query_int (handle, "SELECT count(*) FROM customer WHERE"
                                           " (review_state = 'approved') != (code IS NOT NULL)"), ==, 0);
  g_assert_cmpint (test_query_int (handle, "SELECT count(*) FROM customer WHERE review_state = 'approved'"), >, 100);
  g_assert_cmpint (test_query_int (handle, "SELECT count(*) FROM customer WHERE review_state = 'draft'"), >, 100);
  g_assert_cmpint (test_query_int (handle, "SELECT count(*) FROM customer c JOIN industry i ON i.id = c.industry_id"
                                           " WHERE c.code IS NOT NULL AND c.code NOT GLOB"
                                           " (strftime ('%Y', 'now') || '-' || i.code || '-[0-9][0-9][0-9]')"), ==, 0);
  g_assert_cmpint (test_query_int (handle, "SELECT sum (last_seq) FROM code_counter"), ==,
                   test_query_int (handle, "SELECT count(*) FROM customer WHERE code IS NOT NULL"));

  /* Names are unique; owners few; tags from the small set. */
  g_assert_cmpint (test_query_int (handle, "SELECT count(DISTINCT name_key) FROM customer"), ==, 500);
  g_assert_cmpint (test_query_int (handle, "SELECT count(DISTINCT owner) FROM customer"), >=, 5);
  g_assert_cmpint (test_query_int (handle, "SELECT count(DISTINCT owner) FROM customer"), <=, 8);
  g_assert_cmpint (test_query_int (handle, "SELECT count(*) FROM tag WHERE name NOT IN"
                                           " ('成本优化', '技术升级', '市场拓展', '合规', '重点客户',"
                                           "  '续约风险', '数字化转型', '价格敏感')"), ==, 0);

  store_fixture_close (&f);
}

static void
test_summary (void)
{
  Fixture f = { 0 };
  CrmDemoSummary summary;
  sqlite3 *handle;

  store_fixture_open (&f, "summary.db");
  generate (&f, 120, &summary);
  handle = crm_database_get_handle (f.db);

  g_assert_cmpuint (summary.n_customers, ==, 120);
  g_assert_cmpint (summary.n_customers, ==, test_query_int (handle, "SELECT count(*) FROM customer"));
  g_assert_cmpint (summary.n_contacts, ==, test_query_int (handle, "SELECT count(*) FROM contact"));
  g_assert_cmpint (summary.n_cooperations, ==, test_query_int (handle, "SELECT count(*) FROM cooperation"));
  g_assert_cmpint (summary.n_approved, ==,
                   test_query_int (handle, "SELECT count(*) FROM customer WHERE review_state = 'approved'"));

  /* The search index was brought up to date at the commit. */
  g_assert_cmpint (test_query_int (handle, "SELECT count(*) FROM search_customer"), ==, 120);

  store_fixture_close (&f);
}

static void
test_adds_and_undoes (void)
{
  Fixture f = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  sqlite3 *handle;

  store_fixture_open (&f, "adds.db");
  handle = crm_database_get_handle (f.db);

  generate (&f, 40, NULL);
  generate (&f, 40, NULL);

  /* The second run continues instead of repeating the first. */
  g_assert_cmpint (test_query_int (handle, "SELECT count(*) FROM customer"), ==, 80);
  g_assert_cmpint (test_query_int (handle, "SELECT count(DISTINCT name_key) FROM customer"), ==, 80);
  g_assert_cmpint (test_query_int (handle, "SELECT count(DISTINCT credit_code) FROM customer"), ==,
                   test_query_int (handle, "SELECT count(credit_code) FROM customer"));

  /* Each run is one undoable action. */
  g_assert_cmpuint (crm_journal_count (f.journal), ==, 2);
  label = crm_journal_undo (f.journal, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (label, ==, "Add sample customers");
  g_assert_cmpint (test_query_int (handle, "SELECT count(*) FROM customer"), ==, 40);
  g_assert_cmpint (test_query_int (handle, "SELECT count(*) FROM contact WHERE customer_id > 40"), ==, 0);
  g_assert_cmpint (test_query_int (handle, "SELECT count(*) FROM search_customer"), ==, 40);

  store_fixture_close (&f);
}

static void
test_cli (void)
{
  g_autofree char *path = test_tmp_path ("cli.db");
  g_auto(Run) run = { 0 };

  run_rapport (&run, "--database", path, "demo", "--customers", "30", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "Added 30 sample customers with "));

  /* The default is 200. */
  run_rapport (&run, "--database", path, "demo", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "Added 200 sample customers with "));

  {
    sqlite3 *handle = NULL;

    g_assert_cmpint (sqlite3_open (path, &handle), ==, SQLITE_OK);
    g_assert_cmpint (test_query_int (handle, "SELECT count(*) FROM customer"), ==, 230);
    sqlite3_close (handle);
  }

  run_rapport (&run, "--database", path, "demo", "--customers", "-3", NULL);
  g_assert_cmpint (run.status, ==, 64);
  g_assert_nonnull (strstr (run.err, "--customers"));

  run_rapport (&run, "--database", path, "demo", "--customers", "many", NULL);
  g_assert_cmpint (run.status, ==, 64);

  run_rapport (&run, "--database", path, "demo", "extra", NULL);
  g_assert_cmpint (run.status, ==, 64);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/demo/deterministic", test_deterministic);
  g_test_add_func ("/demo/valid-and-realistic", test_valid);
  g_test_add_func ("/demo/summary", test_summary);
  g_test_add_func ("/demo/adds-and-undoes", test_adds_and_undoes);
  g_test_add_func ("/demo/cli", test_cli);

  return g_test_run ();
}
