/* test-demo-derived.c — sample data writes what the normal write path would
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Sample customers are written in bulk (crm-demo-writer.c) and their
 * follow-ups' effects on the customers are brought up to date once at the
 * end (crm-demo-follow-ups.c). These tests wipe every derived column,
 * recompute it through the application's own per-record path (the
 * customer store's write, annual spend and approval re-planning, the
 * follow-up store's last-contact update) and check that nothing differs;
 * and that search finds sample customers as it finds any other.
 */

#include <string.h>

#include "crm-customer-list.h"
#include "crm-demo.h"
#include "crm-demo-follow-ups.h"
#include "crm-follow-up-plan.h"
#include "crm-follow-up-store.h"
#include "crm-pinyin.h"
#include "test-util.h"
#include "test-store-fixture.h"

typedef StoreFixture Fixture;

#define N_CUSTOMERS 300

/* Every column derived from others, one line per customer. */
static char *
dump_derived (Fixture *f)
{
  GString *out = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (crm_database_get_handle (f->db),
                                       "SELECT id, name_key, name_initials, hex (sort_key), annual_spend,"
                                       "       ifnull (next_due_at, '-'), ifnull (next_action, '-'),"
                                       "       ifnull (last_contact_at, '-'), ifnull (code, '-'), review_state,"
                                       "       ifnull (approved_at, '-')"
                                       "  FROM customer ORDER BY id",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int i = 0; i < 11; i++)
        g_string_append_printf (out, "%s\t", (const char *) sqlite3_column_text (stmt, i));
      g_string_append_c (out, '\n');
    }
  sqlite3_finalize (stmt);

  return g_string_free (out, FALSE);
}

static void
exec (Fixture    *f,
      const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (crm_database_exec (f->db, sql, &error));
  g_assert_no_error (error);
}

static GArray *
customer_ids (Fixture *f)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (crm_database_get_handle (f->db),
                                       "SELECT id FROM customer ORDER BY id", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_finalize (stmt);

  return ids;
}

static void
test_customers_as_normal_path (void)
{
  Fixture f = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autofree char *written = NULL;
  g_autofree char *recomputed = NULL;

  store_fixture_open (&f, "customers.db");
  g_assert_true (crm_demo_generate (f.store, N_CUSTOMERS, NULL, &error));
  g_assert_no_error (error);
  written = dump_derived (&f);
  ids = customer_ids (&f);
  g_assert_cmpuint (ids->len, ==, N_CUSTOMERS);

  /* Wipe what the demo derived, then let the store derive it again, as
   * it does when a record is saved, its cooperation records change or it
   * is re-planned. The approval's code and time are not derived: they
   * stay. */
  exec (&f, "BEGIN IMMEDIATE");
  exec (&f, "UPDATE customer SET name_key = '', name_initials = '', sort_key = x'',"
            "  annual_spend = 123, next_due_at = NULL, next_action = 'wiped'");
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_autoptr(CrmCustomer) customer = crm_customer_store_get (f.store, id, &error);

      g_assert_no_error (error);
      g_assert_nonnull (customer);
      g_assert_cmpint (crm_customer_store_write (f.store, customer, NULL, NULL, &error), ==, id);
      g_assert_no_error (error);
      g_assert_true (crm_customer_store_update_annual_spend (f.store, id, &error));
      g_assert_no_error (error);
    }
  g_assert_true (crm_follow_up_replan_all (f.db, &error));
  g_assert_no_error (error);
  recomputed = dump_derived (&f);
  exec (&f, "ROLLBACK");

  g_assert_cmpstr (recomputed, ==, written);

  /* The codes were drawn in order, one counter per year and industry,
   * as approving the customers one by one draws them. */
  g_assert_cmpint (test_query_int (crm_database_get_handle (f.db),
                                   "SELECT count(*) FROM customer c WHERE c.code IS NOT NULL"
                                   "  AND CAST (substr (c.code, -3) AS INTEGER) !="
                                   "      (SELECT count(*) FROM customer d WHERE d.code IS NOT NULL"
                                   "         AND d.industry_id = c.industry_id AND d.id <= c.id)"), ==, 0);
  g_assert_cmpint (test_query_int (crm_database_get_handle (f.db),
                                   "SELECT count(*) FROM customer WHERE (approved_at IS NULL) != (code IS NULL)"
                                   "  OR updated_at < created_at"), ==, 0);

  store_fixture_close (&f);
}

static void
test_follow_ups_as_normal_path (void)
{
  Fixture f = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autofree char *written = NULL;
  g_autofree char *recomputed = NULL;
  guint n_added = 0;

  store_fixture_open (&f, "follow-ups.db");
  g_assert_true (crm_demo_generate (f.store, N_CUSTOMERS, NULL, &error));
  g_assert_no_error (error);
  /* Follow-ups for the newest two thirds only: the others keep their
   * plan from the customers' run. */
  g_assert_true (crm_demo_follow_ups_generate (f.store, 200, 3, &n_added, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_added, ==, 600);
  written = dump_derived (&f);
  ids = customer_ids (&f);

  /* Some of them name a next action, which then sets the plan. */
  g_assert_cmpint (test_query_int (crm_database_get_handle (f.db),
                                   "SELECT count(*) FROM customer WHERE next_action IS NOT NULL"), >, 0);
  g_assert_cmpint (test_query_int (crm_database_get_handle (f.db),
                                   "SELECT count(*) FROM customer WHERE last_contact_at IS NOT NULL"), ==, 200);

  /* Each customer's last contact and plan, as logging a follow-up updates
   * them, one customer at a time. */
  exec (&f, "BEGIN IMMEDIATE");
  exec (&f, "UPDATE customer SET last_contact_at = NULL, next_due_at = NULL, next_action = 'wiped'");
  for (guint i = 0; i < ids->len; i++)
    {
      g_assert_true (crm_follow_up_store_update_last_contact (f.db, g_array_index (ids, gint64, i),
                                                              NULL, &error));
      g_assert_no_error (error);
    }
  recomputed = dump_derived (&f);
  exec (&f, "ROLLBACK");

  g_assert_cmpstr (recomputed, ==, written);

  store_fixture_close (&f);
}

static void
assert_found (CrmCustomerList *list,
              const char      *text,
              gint64           id)
{
  g_test_message ("search: %s", text);
  crm_customer_list_set_search_text (list, text);
  g_assert_true (crm_customer_list_is_complete (list));
  g_assert_cmpuint (crm_customer_list_find (list, id), !=, G_MAXUINT);
}

static void
test_search_finds_them (void)
{
  Fixture f = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmCustomerList) list = NULL;
  sqlite3_stmt *stmt = NULL;
  guint n_checked = 0;

  store_fixture_open (&f, "search.db");
  g_assert_true (crm_demo_generate (f.store, N_CUSTOMERS, NULL, &error));
  g_assert_no_error (error);

  list = crm_customer_list_new (f.store);
  crm_customer_list_set_search_limits (list, 1000, G_MAXINT32, G_MAXINT32);

  /* Every tenth customer, by one, two, three and all characters of its
   * name, by its name's pinyin initials and by a contact's phone. */
  g_assert_cmpint (sqlite3_prepare_v2 (crm_database_get_handle (f.db),
                                       "SELECT c.id, c.name, (SELECT k.phone FROM contact k"
                                       "  WHERE k.customer_id = c.id ORDER BY k.position LIMIT 1)"
                                       "  FROM customer c WHERE c.id % 10 = 1 ORDER BY c.id",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const char *name = (const char *) sqlite3_column_text (stmt, 1);
      const char *phone = (const char *) sqlite3_column_text (stmt, 2);
      g_autofree char *initials = crm_pinyin_initials (name);
      glong length = g_utf8_strlen (name, -1);

      for (glong n = 1; n <= 3 && n <= length; n++)
        {
          /* The last n characters: for a company, its trade and suffix. */
          const char *start = g_utf8_offset_to_pointer (name, length - n);

          assert_found (list, start, id);
        }
      assert_found (list, name, id);
      g_assert_cmpuint (strlen (initials), >=, 2);
      assert_found (list, initials, id);
      assert_found (list, phone, id);
      n_checked++;
    }
  sqlite3_finalize (stmt);
  g_assert_cmpuint (n_checked, ==, N_CUSTOMERS / 10);

  g_assert_finalize_object (g_steal_pointer (&list));
  store_fixture_close (&f);
}

static void
test_undo_and_redo (void)
{
  Fixture f = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  sqlite3 *handle;

  store_fixture_open (&f, "undo.db");
  handle = crm_database_get_handle (f.db);
  g_assert_true (crm_demo_generate (f.store, 100, NULL, &error));
  g_assert_no_error (error);
  before = dump_derived (&f);
  g_assert_true (crm_demo_follow_ups_generate (f.store, 100, 3, NULL, &error));
  g_assert_no_error (error);

  /* Two actions, undone newest first. */
  g_assert_cmpuint (crm_journal_count (f.journal), ==, 2);
  g_free (crm_journal_undo (f.journal, &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_query_int (handle, "SELECT count(*) FROM follow_up"), ==, 0);
  {
    g_autofree char *after = dump_derived (&f);

    g_assert_cmpstr (after, ==, before);
  }
  g_free (crm_journal_undo (f.journal, &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_query_int (handle, "SELECT count(*) FROM customer"), ==, 0);
  g_assert_cmpint (test_query_int (handle, "SELECT count(*) FROM cooperation"), ==, 0);
  g_assert_cmpint (test_query_int (handle, "SELECT count(*) FROM search_customer"), ==, 0);

  /* Redo brings both back as they were. */
  g_free (crm_journal_redo (f.journal, &error));
  g_assert_no_error (error);
  {
    g_autofree char *after = dump_derived (&f);

    g_assert_cmpstr (after, ==, before);
  }
  g_free (crm_journal_redo (f.journal, &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_query_int (handle, "SELECT count(*) FROM follow_up"), ==, 300);
  g_assert_cmpint (test_query_int (handle, "SELECT count(*) FROM search_customer"), ==, 100);

  store_fixture_close (&f);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/demo-derived/customers-as-normal-path", test_customers_as_normal_path);
  g_test_add_func ("/demo-derived/follow-ups-as-normal-path", test_follow_ups_as_normal_path);
  g_test_add_func ("/demo-derived/search-finds-them", test_search_finds_them);
  g_test_add_func ("/demo-derived/undo-and-redo", test_undo_and_redo);

  return g_test_run ();
}
