/* test-customer-store.c — saving, approving, deleting and merging customers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "crm-customer-store.h"
#include "test-util.h"
#include "test-store-fixture.h"

typedef StoreFixture Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  store_fixture_open (f, "customers.db");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  store_fixture_close (f);
}

static gint64
industry_id (Fixture    *f,
             const char *code)
{
  GListModel *industries = crm_customer_store_list_industries (f->store);

  for (guint i = 0; i < g_list_model_get_n_items (industries); i++)
    {
      g_autoptr(CrmIndustry) industry = g_list_model_get_item (industries, i);

      if (g_strcmp0 (crm_industry_get_code (industry), code) == 0)
        return crm_industry_get_id (industry);
    }

  g_assert_not_reached ();
}

static CrmContact *
contact_new (const char *name,
             const char *phone,
             const char *email)
{
  return g_object_new (CRM_TYPE_CONTACT, "name", name, "phone", phone, "email", email, NULL);
}

static gint64
add_customer (Fixture    *f,
              const char *name,
              const char *industry_code,
              const char *credit_code)
{
  g_autoptr(CrmCustomer) customer = crm_customer_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_object_set (customer,
                "name", name,
                "credit-code", credit_code,
                "industry-id", industry_code ? industry_id (f, industry_code) : 0,
                NULL);
  id = crm_customer_store_save (f->store, customer, NULL, NULL, CRM_SAVE_DEFAULT, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  return id;
}

static gint64
count (Fixture    *f,
       const char *sql)
{
  return test_query_int (crm_database_get_handle (f->db), sql);
}

static void
test_save_and_read_back (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(CrmCustomer) customer = crm_customer_new ();
  g_autoptr(CrmCustomer) stored = NULL;
  g_autoptr(GPtrArray) contacts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) read_back = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) warnings = NULL;
  const char *tags[] = { "成本优化", "技术升级", NULL };
  gint64 id;

  g_object_set (customer,
                "name", "  北京科技有限公司 ",
                "kind", CRM_CUSTOMER_KIND_ENTERPRISE,
                /* Full-width and lower case: stored in normal form. */
                "credit-code", "91350100m000100y43",
                "industry-id", industry_id (f, "NET"),
                "tier", CRM_TIER_A,
                "owner", "王经理",
                "province", "北京市",
                NULL);
  g_ptr_array_add (contacts, contact_new ("张三", "138 0013 8000", "ZHANG@Example.COM"));
  g_ptr_array_add (contacts, contact_new ("李四", "(010) 1234-5678", NULL));

  id = crm_customer_store_save (f->store, customer, contacts, tags, CRM_SAVE_DEFAULT, &warnings, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (crm_customer_get_id (customer), ==, id);

  stored = crm_customer_store_get (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (crm_customer_get_name (stored), ==, "北京科技有限公司");
  g_assert_cmpstr (crm_customer_get_credit_code (stored), ==, "91350100M000100Y43");
  g_assert_cmpstr (crm_customer_get_industry_code (stored), ==, "NET");
  g_assert_cmpint (crm_customer_get_tier (stored), ==, CRM_TIER_A);
  g_assert_cmpint (crm_customer_get_review_state (stored), ==, CRM_REVIEW_STATE_DRAFT);
  g_assert_null (crm_customer_get_code (stored));
  g_assert_cmpuint (g_strv_length ((GStrv)crm_customer_get_tags (stored)), ==, 2);

  read_back = crm_customer_store_list_contacts (f->store, id);
  g_assert_cmpuint (read_back->len, ==, 2);
  g_assert_cmpstr (crm_contact_get_phone (g_ptr_array_index (read_back, 0)), ==, "13800138000");
  g_assert_cmpstr (crm_contact_get_phone (g_ptr_array_index (read_back, 1)), ==, "010-12345678");
  g_assert_cmpstr (crm_contact_get_email (g_ptr_array_index (read_back, 0)), ==, "ZHANG@example.com");

  /* Pinyin initials for search. */
  g_assert_cmpint (count (f, "SELECT count(*) FROM customer WHERE name_initials = 'bjkjyxgs'"), ==, 1);
}

static void
test_invalid_fields_named (Fixture       *f,
                           gconstpointer  data)
{
  struct {
    const char *property;
    const char *value;
    const char *field;
  } cases[] = {
    { "credit-code", "91350100M00010", "Unified social credit code" },
    { "credit-code", "9135010OM000100Y43", "Unified social credit code" },
    { "id-number", "110105199902300012", "ID card number" },
    { "name", "   ", "Name" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CrmCustomer) customer = crm_customer_new ();
      g_autoptr(GError) error = NULL;

      g_object_set (customer, "name", "测试公司", NULL);
      g_object_set (customer, cases[i].property, cases[i].value, NULL);
      g_assert_cmpint (crm_customer_store_save (f->store, customer, NULL, NULL, 0, NULL, &error), ==, 0);
      g_assert_error (error, CRM_CUSTOMER_STORE_ERROR, CRM_CUSTOMER_STORE_ERROR_INVALID);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, cases[i].field));
    }

  {
    g_autoptr(CrmCustomer) customer = crm_customer_new ();
    g_autoptr(GPtrArray) contacts = g_ptr_array_new_with_free_func (g_object_unref);
    g_autoptr(GError) error = NULL;

    g_object_set (customer, "name", "测试公司", NULL);
    g_ptr_array_add (contacts, contact_new ("王五", "12345", NULL));
    g_assert_cmpint (crm_customer_store_save (f->store, customer, contacts, NULL, 0, NULL, &error), ==, 0);
    g_assert_error (error, CRM_CUSTOMER_STORE_ERROR, CRM_CUSTOMER_STORE_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "王五"));
  }

  g_assert_cmpint (count (f, "SELECT count(*) FROM customer"), ==, 0);
}

static void
test_check_character_warning (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(CrmCustomer) customer = crm_customer_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) warnings = NULL;

  /* The valid code ends in 3; 4 fails only the check character. */
  g_object_set (customer, "name", "早期企业", "credit-code", "91350100M000100Y44", NULL);
  g_assert_cmpint (crm_customer_store_save (f->store, customer, NULL, NULL, 0, &warnings, &error), >, 0);
  g_assert_no_error (error);
  g_assert_nonnull (warnings);
  g_assert_cmpuint (g_strv_length (warnings), ==, 1);
}

static void
test_duplicates (Fixture       *f,
                 gconstpointer  data)
{
  gint64 first = add_customer (f, "上海贸易（集团）有限公司", "TRA", "91350100M000100Y43");
  g_autoptr(CrmCustomer) same_name = crm_customer_new ();
  g_autoptr(CrmCustomer) same_code = crm_customer_new ();
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (first, >, 0);

  g_object_set (same_name, "name", "上海贸易(集团)有限公司 ", NULL);
  g_assert_cmpint (crm_customer_store_save (f->store, same_name, NULL, NULL, 0, NULL, &error), ==, 0);
  g_assert_error (error, CRM_CUSTOMER_STORE_ERROR, CRM_CUSTOMER_STORE_ERROR_DUPLICATE);
  g_assert_nonnull (strstr (error->message, "上海贸易（集团）有限公司"));
  g_clear_error (&error);

  g_object_set (same_code, "name", "另一家公司", "credit-code", "91350100M000100Y43", NULL);
  g_assert_cmpint (crm_customer_store_save (f->store, same_code, NULL, NULL, 0, NULL, &error), ==, 0);
  g_assert_error (error, CRM_CUSTOMER_STORE_ERROR, CRM_CUSTOMER_STORE_ERROR_DUPLICATE);
  g_assert_nonnull (strstr (error->message, "credit code"));
  g_clear_error (&error);

  /* The user saw the warning and saves anyway. */
  g_assert_cmpint (crm_customer_store_save (f->store, same_name, NULL, NULL,
                                            CRM_SAVE_ALLOW_DUPLICATE, NULL, &error), >, 0);
  g_assert_no_error (error);

  /* Editing a record is not a duplicate of itself. */
  g_object_set (same_name, "notes", "备注", NULL);
  g_assert_cmpint (crm_customer_store_save (f->store, same_name, NULL, NULL,
                                            CRM_SAVE_ALLOW_DUPLICATE, NULL, &error), >, 0);
  g_assert_no_error (error);
}

static void
test_approve_assigns_codes (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  int year = g_date_time_get_year (now);
  gint64 a = add_customer (f, "甲贸易", "TRA", NULL);
  gint64 b = add_customer (f, "乙贸易", "TRA", NULL);
  gint64 c = add_customer (f, "丙制造", "MFG", NULL);
  gint64 d = add_customer (f, "丁贸易", "TRA", NULL);
  gint64 none = add_customer (f, "无行业", NULL, NULL);
  g_autofree char *code_a = NULL, *code_b = NULL, *code_c = NULL, *code_d = NULL, *again = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;

  code_a = crm_customer_store_approve (f->store, a, &error);
  g_assert_no_error (error);
  expected = g_strdup_printf ("%d-TRA-001", year);
  g_assert_cmpstr (code_a, ==, expected);

  code_c = crm_customer_store_approve (f->store, c, &error);
  g_free (expected);
  expected = g_strdup_printf ("%d-MFG-001", year);
  g_assert_cmpstr (code_c, ==, expected);

  /* Approving twice is refused; a customer without industry cannot get a code. */
  g_assert_null (crm_customer_store_approve (f->store, a, &error));
  g_assert_error (error, CRM_CUSTOMER_STORE_ERROR, CRM_CUSTOMER_STORE_ERROR_STATE);
  g_clear_error (&error);
  g_assert_null (crm_customer_store_approve (f->store, none, &error));
  g_assert_error (error, CRM_CUSTOMER_STORE_ERROR, CRM_CUSTOMER_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Industry"));
  g_clear_error (&error);

  /* Undoing an approval, or deleting the customer, never frees a number. */
  code_b = crm_customer_store_approve (f->store, b, &error);
  g_free (expected);
  expected = g_strdup_printf ("%d-TRA-002", year);
  g_assert_cmpstr (code_b, ==, expected);
  g_free (crm_journal_undo (f->journal, &error));
  g_assert_no_error (error);
  g_assert_true (crm_customer_store_delete (f->store, a, &error));

  code_d = crm_customer_store_approve (f->store, d, &error);
  g_free (expected);
  expected = g_strdup_printf ("%d-TRA-003", year);
  g_assert_cmpstr (code_d, ==, expected);

  again = crm_customer_store_approve (f->store, b, &error);
  g_free (expected);
  expected = g_strdup_printf ("%d-TRA-004", year);
  g_assert_cmpstr (again, ==, expected);
}

static void
approve_in_child (const char *path,
                  gint64      first,
                  guint       n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmDatabase) db = crm_database_open (path, &error);
  g_autoptr(CrmJournal) journal = NULL;
  g_autoptr(CrmCustomerStore) store = NULL;

  if (db == NULL)
    _exit (2);
  journal = crm_journal_new (db);
  store = crm_customer_store_new (journal);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *code = crm_customer_store_approve (store, first + 2 * i, &error);

      if (code == NULL)
        _exit (3);
    }

  _exit (0);
}

static void
test_two_writers_never_share_a_code (Fixture       *f,
                                     gconstpointer  data)
{
  const guint n = 40;
  gint64 first = 0;
  pid_t children[2];

  for (guint i = 0; i < 2 * n; i++)
    {
      g_autofree char *name = g_strdup_printf ("并发贸易%03u", i);
      gint64 id = add_customer (f, name, "TRA", NULL);

      if (i == 0)
        first = id;
    }

  /* Two processes approve interleaved customers at the same time. */
  for (guint w = 0; w < 2; w++)
    {
      children[w] = fork ();
      g_assert_cmpint (children[w], >=, 0);
      if (children[w] == 0)
        approve_in_child (f->path, first + w, n);
    }

  for (guint w = 0; w < 2; w++)
    {
      int status = 0;

      g_assert_cmpint (waitpid (children[w], &status, 0), ==, children[w]);
      g_assert_true (WIFEXITED (status));
      g_assert_cmpint (WEXITSTATUS (status), ==, 0);
    }

  g_assert_cmpint (count (f, "SELECT count(*) FROM customer WHERE code IS NOT NULL"), ==, 2 * n);
  g_assert_cmpint (count (f, "SELECT count(DISTINCT code) FROM customer"), ==, 2 * n);
  g_assert_cmpint (count (f, "SELECT max(CAST(substr(code, 10) AS INTEGER)) FROM customer"), ==, 2 * n);
}

static void
test_delete_and_undo (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(CrmCustomer) customer = crm_customer_new ();
  g_autoptr(GPtrArray) contacts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  const char *tags[] = { "重点", NULL };
  g_autofree char *label = NULL;
  gint64 id;

  g_object_set (customer, "name", "广州服务有限公司", NULL);
  g_ptr_array_add (contacts, contact_new ("赵六", "13900139000", NULL));
  id = crm_customer_store_save (f->store, customer, contacts, tags, 0, NULL, &error);
  g_assert_no_error (error);

  g_assert_true (crm_customer_store_delete (f->store, id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM customer"), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM contact"), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM search_customer"), ==, 0);

  label = crm_journal_undo (f->journal, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (label, ==, "Delete customer");
  g_assert_cmpint (count (f, "SELECT count(*) FROM customer"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM contact WHERE name = '赵六'"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM customer_tag"), ==, 1);
  /* The search index follows the undo. */
  g_assert_cmpint (count (f, "SELECT count(*) FROM search_customer WHERE search_customer MATCH '\"13900139000\"'"), ==, 1);

  g_assert_false (crm_customer_store_delete (f->store, 9999, &error));
  g_assert_error (error, CRM_CUSTOMER_STORE_ERROR, CRM_CUSTOMER_STORE_ERROR_NOT_FOUND);
}

static void
test_merge_and_undo (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(CrmCustomer) survivor = crm_customer_new ();
  g_autoptr(CrmCustomer) duplicate = crm_customer_new ();
  g_autoptr(CrmCustomer) merged = NULL;
  g_autoptr(GPtrArray) a_contacts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) b_contacts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(CrmCooperation) record = NULL;
  g_autoptr(GError) error = NULL;
  const char *a_tags[] = { "成本优化", NULL };
  const char *b_tags[] = { "成本优化", "合规", NULL };
  gint64 a, b;

  g_object_set (survivor, "name", "深圳网络科技有限公司", NULL);
  g_ptr_array_add (a_contacts, contact_new ("张三", NULL, NULL));
  a = crm_customer_store_save (f->store, survivor, a_contacts, a_tags, 0, NULL, &error);
  g_assert_no_error (error);

  g_object_set (duplicate, "name", "深圳网络科技", "credit-code", "91350100M000100Y43",
                "owner", "李经理", NULL);
  g_ptr_array_add (b_contacts, contact_new ("李四", NULL, NULL));
  g_ptr_array_add (b_contacts, contact_new ("王五", NULL, NULL));
  b = crm_customer_store_save (f->store, duplicate, b_contacts, b_tags, 0, NULL, &error);
  g_assert_no_error (error);

  record = g_object_new (CRM_TYPE_COOPERATION, "customer-id", b, "product", "云服务",
                         "started-on", "2026-01-15", "amount", (gint64)120000, NULL);
  g_assert_cmpint (crm_customer_store_add_cooperation (f->store, record, &error), >, 0);
  g_assert_no_error (error);

  g_assert_true (crm_customer_store_merge (f->store, a, b, &error));
  g_assert_no_error (error);

  merged = crm_customer_store_get (f->store, a, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (crm_customer_get_credit_code (merged), ==, "91350100M000100Y43");
  g_assert_cmpstr (crm_customer_get_owner (merged), ==, "李经理");
  g_assert_cmpint (crm_customer_get_annual_spend (merged), ==, 120000);
  g_assert_cmpint (count (f, "SELECT count(*) FROM customer"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM contact WHERE customer_id = 1"), ==, 3);
  g_assert_cmpint (count (f, "SELECT count(*) FROM cooperation WHERE customer_id = 1"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM customer_tag WHERE customer_id = 1"), ==, 2);

  g_free (crm_journal_undo (f->journal, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM customer"), ==, 2);
  g_assert_cmpint (count (f, "SELECT count(*) FROM contact WHERE customer_id = 2"), ==, 2);
  g_assert_cmpint (count (f, "SELECT count(*) FROM cooperation WHERE customer_id = 2"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM customer_tag WHERE customer_id = 1"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM customer WHERE id = 1 AND credit_code IS NULL"), ==, 1);

  g_assert_false (crm_customer_store_merge (f->store, a, a, &error));
  g_assert_error (error, CRM_CUSTOMER_STORE_ERROR, CRM_CUSTOMER_STORE_ERROR_STATE);
}

static void
record_changed (CrmCustomerStore *store,
                gint64            customer_id,
                GArray           *seen)
{
  g_array_append_val (seen, customer_id);
}

static void
test_changed_signal (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GArray) seen = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_signal_connect (f->store, "changed", G_CALLBACK (record_changed), seen);

  id = add_customer (f, "信号公司", NULL, NULL);
  g_assert_cmpuint (seen->len, ==, 1);
  g_assert_cmpint (g_array_index (seen, gint64, 0), ==, id);

  g_assert_true (crm_customer_store_delete (f->store, id, &error));
  g_assert_cmpuint (seen->len, ==, 2);
  g_assert_cmpint (g_array_index (seen, gint64, 1), ==, id);

  /* An undo may touch any record: 0 says so. */
  g_free (crm_journal_undo (f->journal, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (seen->len, ==, 3);
  g_assert_cmpint (g_array_index (seen, gint64, 2), ==, 0);

  g_signal_handlers_disconnect_by_func (f->store, record_changed, seen);
}

static void
test_industries (Fixture       *f,
                 gconstpointer  data)
{
  GListModel *industries = crm_customer_store_list_industries (f->store);
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (industries), ==, 7);
  g_assert_cmpint (crm_customer_store_add_industry (f->store, "EDU", "教育", &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (industries), ==, 8);

  g_assert_cmpint (crm_customer_store_add_industry (f->store, "edu", "教育培训", &error), ==, 0);
  g_assert_error (error, CRM_CUSTOMER_STORE_ERROR, CRM_CUSTOMER_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (crm_customer_store_add_industry (f->store, "EDX", "教育", &error), ==, 0);
  g_assert_error (error, CRM_CUSTOMER_STORE_ERROR, CRM_CUSTOMER_STORE_ERROR_DUPLICATE);
  g_clear_error (&error);

  /* Renaming keeps the code, refuses a name in use, and is undoable. */
  {
    gint64 id = industry_id (f, "EDU");
    gint64 customer = add_customer (f, "北京教育科技", "EDU", NULL);
    g_autoptr(CrmCustomer) read_back = NULL;

    g_assert_true (crm_customer_store_rename_industry (f->store, id, " 教育培训 ", &error));
    g_assert_no_error (error);
    read_back = crm_customer_store_get (f->store, customer, &error);
    g_assert_cmpstr (crm_customer_get_industry_name (read_back), ==, "教育培训");
    g_assert_cmpstr (crm_customer_get_industry_code (read_back), ==, "EDU");

    g_assert_false (crm_customer_store_rename_industry (f->store, id, "贸易", &error));
    g_assert_error (error, CRM_CUSTOMER_STORE_ERROR, CRM_CUSTOMER_STORE_ERROR_DUPLICATE);
    g_clear_error (&error);
    g_assert_false (crm_customer_store_rename_industry (f->store, id, "  ", &error));
    g_assert_error (error, CRM_CUSTOMER_STORE_ERROR, CRM_CUSTOMER_STORE_ERROR_INVALID);
    g_clear_error (&error);

    g_free (crm_journal_undo (f->journal, &error));
    g_assert_no_error (error);
    g_assert_cmpint (count (f, "SELECT count(*) FROM industry WHERE code = 'EDU' AND name = '教育'"), ==, 1);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/customer-store/save-and-read-back", test_save_and_read_back);
  ADD ("/customer-store/invalid-fields-named", test_invalid_fields_named);
  ADD ("/customer-store/check-character-warning", test_check_character_warning);
  ADD ("/customer-store/duplicates", test_duplicates);
  ADD ("/customer-store/approve-assigns-codes", test_approve_assigns_codes);
  ADD ("/customer-store/two-writers-never-share-a-code", test_two_writers_never_share_a_code);
  ADD ("/customer-store/delete-and-undo", test_delete_and_undo);
  ADD ("/customer-store/merge-and-undo", test_merge_and_undo);
  ADD ("/customer-store/changed-signal", test_changed_signal);
  ADD ("/customer-store/industries", test_industries);

#undef ADD

  return g_test_run ();
}
