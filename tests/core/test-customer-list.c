/* test-customer-list.c — the lazy customer list: order, search, signals
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "crm-customer-list.h"
#include "test-util.h"

typedef struct
{
  CrmDatabase      *db;
  CrmJournal       *journal;
  CrmCustomerStore *store;
  CrmCustomerList  *list;
  GArray           *changes;
} Fixture;

typedef struct
{
  guint position;
  guint removed;
  guint added;
} Change;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Fixture    *f)
{
  Change change = { position, removed, added };

  g_array_append_val (f->changes, change);
}

static gint64
add (Fixture    *f,
     const char *name,
     const char *contact,
     const char *phone,
     const char *tag)
{
  g_autoptr(CrmCustomer) customer = crm_customer_new ();
  g_autoptr(GPtrArray) contacts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  const char *tags[] = { tag, NULL };
  gint64 id;

  g_object_set (customer, "name", name, NULL);
  if (contact != NULL)
    g_ptr_array_add (contacts, g_object_new (CRM_TYPE_CONTACT, "name", contact, "phone", phone, NULL));

  id = crm_customer_store_save (f->store, customer, contacts, tags, 0, NULL, &error);
  g_assert_no_error (error);

  return id;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = test_tmp_path ("list.db");
  g_autoptr(GError) error = NULL;

  f->db = crm_database_open (path, &error);
  g_assert_no_error (error);
  f->journal = crm_journal_new (f->db);
  f->store = crm_customer_store_new (f->journal);

  add (f, "张三", NULL, NULL, NULL);
  add (f, "北京科技有限公司", "王小明", "13800138000", "技术升级");
  add (f, "李四", NULL, NULL, NULL);
  add (f, "上海贸易有限公司", "张伟", "021-55556666", "成本优化");
  add (f, "阿里巴巴", NULL, NULL, NULL);

  f->list = crm_customer_list_new (f->store);
  f->changes = g_array_new (FALSE, FALSE, sizeof (Change));
  g_signal_connect (f->list, "items-changed", G_CALLBACK (on_items_changed), f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_array_unref (f->changes);
  g_assert_finalize_object (f->list);
  g_assert_finalize_object (f->store);
  g_assert_finalize_object (f->journal);
  g_assert_finalize_object (f->db);
}

static char *
names (Fixture *f)
{
  GString *out = g_string_new (NULL);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (f->list));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CrmCustomer) customer = g_list_model_get_item (G_LIST_MODEL (f->list), i);

      g_string_append_printf (out, "%s%s", i ? "," : "", crm_customer_get_name (customer));
    }

  return g_string_free (out, FALSE);
}

static void
assert_names (Fixture    *f,
              const char *expected)
{
  g_autofree char *actual = names (f);

  g_assert_cmpstr (actual, ==, expected);
}

static void
search (Fixture    *f,
        const char *text,
        const char *expected)
{
  g_test_message ("search: %s", text);
  crm_customer_list_set_search_text (f->list, text);
  assert_names (f, expected);
}

static void
test_pinyin_order (Fixture       *f,
                   gconstpointer  data)
{
  /* a li ba ba, bei jing, li si, shang hai, zhang san */
  assert_names (f, "阿里巴巴,北京科技有限公司,李四,上海贸易有限公司,张三");

  crm_customer_list_set_sort (f->list, CRM_CUSTOMER_SORT_NAME, TRUE);
  assert_names (f, "张三,上海贸易有限公司,李四,北京科技有限公司,阿里巴巴");
}

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  /* One CJK character finds it anywhere: in names and in contacts. */
  search (f, "张", "上海贸易有限公司,张三");
  /* Two characters must stand together. */
  search (f, "北京", "北京科技有限公司");
  search (f, "京北", "");
  /* Three or more: trigram. */
  search (f, "科技有", "北京科技有限公司");
  search (f, "有限公司", "北京科技有限公司,上海贸易有限公司");
  /* Contacts' phones, names; tags. */
  search (f, "0013", "北京科技有限公司");
  search (f, "5555", "上海贸易有限公司");
  search (f, "王小明", "北京科技有限公司");
  search (f, "成本优化", "上海贸易有限公司");
  /* Pinyin initials. */
  search (f, "bjkj", "北京科技有限公司");
  search (f, "zs", "张三");
  search (f, "ZS", "张三");
  /* Several words must all match. */
  search (f, "有限 上海", "上海贸易有限公司");
  search (f, "有限\u3000上海", "上海贸易有限公司");
  /* Query syntax is text, never FTS operators: quotes are ignored. */
  search (f, "\"张", "上海贸易有限公司,张三");
  search (f, "OR", "");
  search (f, "", "阿里巴巴,北京科技有限公司,李四,上海贸易有限公司,张三");
}

static void
wait_complete (Fixture *f)
{
  while (!crm_customer_list_is_complete (f->list))
    g_main_context_iteration (NULL, TRUE);
}

/* A search that would take long answers with its first rows at once and
 * appends the rest; the budgets here force that path on a small list: the
 * index is never read before answering, every row is probed. */
static void
test_search_first_rows_then_rest (Fixture       *f,
                                  gconstpointer  data)
{
  static const struct { const char *text; const char *expected; } searches[] = {
    { "张", "上海贸易有限公司,张三" },
    { "京北", "" },
    { "有限公司", "北京科技有限公司,上海贸易有限公司" },
    { "0013", "北京科技有限公司" },
    { "bjkj", "北京科技有限公司" },
    { "1", "北京科技有限公司" },
    { "有限 上海", "上海贸易有限公司" },
    /* Trigram words are tested against the text, folded as SQLite folds
     * it; cased letters beyond ASCII are left to the index. */
    { "ACM", "Acme 中国" },
    { "cme 中", "Acme 中国" },
    { "ünï", "Ünïcode 公司" },
    { "ÜNÏ", "Ünïcode 公司" },
  };

  add (f, "Acme 中国", NULL, NULL, NULL);
  add (f, "Ünïcode 公司", NULL, NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (searches); i++)
    {
      g_autofree char *first = NULL;
      g_autofree char *all = NULL;
      guint n_first;

      g_test_message ("search: %s", searches[i].text);
      crm_customer_list_set_search_limits (f->list, 1, 0, G_MAXINT32);
      crm_customer_list_set_search_text (f->list, searches[i].text);
      n_first = g_list_model_get_n_items (G_LIST_MODEL (f->list));
      first = names (f);
      g_assert_cmpuint (n_first, <=, 1);

      g_array_set_size (f->changes, 0);
      wait_complete (f);
      all = names (f);
      g_assert_cmpstr (all, ==, searches[i].expected);
      /* The first rows stay; the rest is appended. */
      g_assert_true (g_str_has_prefix (all, first));
      if (g_list_model_get_n_items (G_LIST_MODEL (f->list)) > n_first)
        {
          g_assert_cmpuint (f->changes->len, ==, 1);
          g_assert_cmpuint (g_array_index (f->changes, Change, 0).position, ==, n_first);
          g_assert_cmpuint (g_array_index (f->changes, Change, 0).removed, ==, 0);
        }

      /* The same answer when the index is read at once. */
      crm_customer_list_set_search_text (f->list, NULL);
      crm_customer_list_set_search_limits (f->list, 100, G_MAXINT32, G_MAXINT32);
      search (f, searches[i].text, searches[i].expected);
      g_assert_true (crm_customer_list_is_complete (f->list));
      crm_customer_list_set_search_text (f->list, NULL);
    }

  /* A change while the rest is being read starts the search again. */
  crm_customer_list_set_search_limits (f->list, 1, 0, G_MAXINT32);
  crm_customer_list_set_search_text (f->list, "有限公司");
  g_assert_false (crm_customer_list_is_complete (f->list));
  add (f, "广州有限公司", NULL, NULL, NULL);
  wait_complete (f);
  assert_names (f, "北京科技有限公司,广州有限公司,上海贸易有限公司");
}

static void
test_items_changed_precise (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmCustomer) first = NULL;
  g_autoptr(CrmCustomer) again = NULL;
  Change *change;
  gint64 id;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->list)), ==, 5);
  first = g_list_model_get_item (G_LIST_MODEL (f->list), 0);

  /* 陈 (chen) goes between 北京 (bei) and 李 (li). */
  id = add (f, "陈先生", NULL, NULL, NULL);
  g_assert_cmpuint (f->changes->len, ==, 1);
  change = &g_array_index (f->changes, Change, 0);
  g_assert_cmpuint (change->position, ==, 2);
  g_assert_cmpuint (change->removed, ==, 0);
  g_assert_cmpuint (change->added, ==, 1);

  /* Rows that did not change keep their objects. */
  again = g_list_model_get_item (G_LIST_MODEL (f->list), 0);
  g_assert_true (first == again);

  /* An edit that keeps the place redraws exactly that row. */
  {
    g_autoptr(CrmCustomer) edit = crm_customer_store_get (f->store, id, &error);

    g_object_set (edit, "notes", "新备注", NULL);
    g_assert_cmpint (crm_customer_store_save (f->store, edit, NULL, NULL, 0, NULL, &error), ==, id);
    g_assert_cmpuint (f->changes->len, ==, 2);
    change = &g_array_index (f->changes, Change, 1);
    g_assert_cmpuint (change->position, ==, 2);
    g_assert_cmpuint (change->removed, ==, 1);
    g_assert_cmpuint (change->added, ==, 1);
  }

  /* A delete removes exactly that row. */
  g_assert_true (crm_customer_store_delete (f->store, id, &error));
  g_assert_cmpuint (f->changes->len, ==, 3);
  change = &g_array_index (f->changes, Change, 2);
  g_assert_cmpuint (change->position, ==, 2);
  g_assert_cmpuint (change->removed, ==, 1);
  g_assert_cmpuint (change->added, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->list)), ==, 5);

  /* A rename that moves the row: removed from one place, added at another,
   * within one reported range. */
  {
    g_autoptr(CrmCustomer) edit = crm_customer_store_get (f->store, crm_customer_list_get_id (f->list, 0), &error);

    g_object_set (edit, "name", "左先生", NULL);
    crm_customer_store_save (f->store, edit, NULL, NULL, 0, NULL, &error);
    g_assert_no_error (error);
    assert_names (f, "北京科技有限公司,李四,上海贸易有限公司,张三,左先生");
  }
}

static void
test_filters (Fixture       *f,
              gconstpointer  data)
{
  GListModel *tags = crm_customer_store_list_tags (f->store);
  g_autoptr(CrmTag) tag = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (tags), ==, 2);
  tag = g_list_model_get_item (tags, 0);
  g_object_set (f->list, "tag-id", crm_tag_get_id (tag), NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->list)), ==, 1);
  g_object_set (f->list, "tag-id", (gint64)0, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->list)), ==, 5);

  g_object_set (f->list, "review-state", CRM_REVIEW_STATE_APPROVED, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->list)), ==, 0);
  g_object_set (f->list, "review-state", CRM_REVIEW_STATE_DRAFT, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->list)), ==, 5);
}

static void
test_many_rows_load_lazily (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  /* More rows than one page: every position answers, in order. */
  for (guint i = 0; i < 300; i++)
    {
      g_autofree char *name = g_strdup_printf ("客户%04u", i);

      add (f, name, NULL, NULL, NULL);
    }

  crm_customer_list_set_search_text (f->list, "客户");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->list)), ==, 300);

  for (guint i = 0; i < 300; i += 37)
    {
      g_autoptr(CrmCustomer) customer = g_list_model_get_item (G_LIST_MODEL (f->list), i);
      g_autofree char *expected = g_strdup_printf ("客户%04u", i);

      g_assert_cmpstr (crm_customer_get_name (customer), ==, expected);
    }

  g_assert_null (g_list_model_get_item (G_LIST_MODEL (f->list), 300));
}

static void
test_records_stay_while_held (Fixture       *f,
                              gconstpointer  data)
{
  GListModel *model = G_LIST_MODEL (f->list);
  g_autoptr(CrmCustomer) held = NULL;
  guint n;

  /* More rows than the list keeps alive on its own (512), so walking
   * through all of them lets the first ones go. */
  for (guint i = 0; i < 700; i++)
    {
      g_autofree char *name = g_strdup_printf ("客户%04u", i);

      add (f, name, NULL, NULL, NULL);
    }

  crm_customer_list_set_search_text (f->list, "客户");
  /* On a slow (sanitizer) build the search answers with its first
   * screen and reads the rest in idle time. */
  while (!crm_customer_list_is_complete (f->list))
    g_main_context_iteration (NULL, TRUE);
  n = g_list_model_get_n_items (model);
  g_assert_cmpuint (n, ==, 700);

  held = g_list_model_get_item (model, 0);
  for (guint round = 0; round < 2; round++)
    {
      for (guint i = 0; i < n; i++)
        g_object_unref (g_list_model_get_item (model, i));

      /* A record a view still holds is the same object... */
      {
        g_autoptr(CrmCustomer) again = g_list_model_get_item (model, 0);

        g_assert_true (again == held);
      }

      /* ...and one nobody held any more is read again, whole. */
      for (guint i = 1; i < 64; i += 31)
        {
          g_autoptr(CrmCustomer) customer = g_list_model_get_item (model, i);
          g_autofree char *expected = g_strdup_printf ("客户%04u", i);

          g_assert_cmpstr (crm_customer_get_name (customer), ==, expected);
        }
    }
}

static void
test_customers_of_schema_2_are_searchable (void)
{
  g_autofree char *path = test_tmp_path ("schema2.db");
  g_autoptr(GError) error = NULL;
  CrmDatabase *db;
  CrmJournal *journal;
  CrmCustomerStore *store;
  CrmCustomerList *list;

  db = crm_database_open_at_version (path, 2, &error);
  g_assert_no_error (error);
  g_assert_true (crm_database_exec (db, "INSERT INTO customer (name) VALUES ('北京科技有限公司'), ('张三')", &error));
  g_assert_finalize_object (db);

  /* After the upgrade the old rows get their search text, pinyin initials
   * and sort keys. */
  db = crm_database_open (path, &error);
  g_assert_no_error (error);
  journal = crm_journal_new (db);
  store = crm_customer_store_new (journal);
  list = crm_customer_list_new (store);

  crm_customer_list_set_search_text (list, "科技有");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  crm_customer_list_set_search_text (list, "张");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  crm_customer_list_set_search_text (list, "bjkj");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  crm_customer_list_set_search_text (list, NULL);
  g_assert_cmpint (crm_customer_list_get_id (list, 0), ==, 1);

  g_assert_finalize_object (list);
  g_assert_finalize_object (store);
  g_assert_finalize_object (journal);
  g_assert_finalize_object (db);
}

/* The list's records are brief: each field a list shows is the stored
 * one, the others are left for crm_customer_store_get(). */
static void
test_brief_records (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(CrmCustomer) customer = crm_customer_new ();
  g_autoptr(CrmCustomer) whole = NULL;
  g_autoptr(CrmCustomer) brief = NULL;
  g_autoptr(GError) error = NULL;
  const char *tags[] = { "重点客户", NULL };
  GListModel *model = G_LIST_MODEL (f->list);
  guint position;
  gint64 id;

  g_object_set (customer,
                "name", "深圳华强电子有限公司",
                "industry-id", (gint64) 1,
                "tier", CRM_TIER_A,
                "customer-type", CRM_CUSTOMER_TYPE_STRATEGIC,
                "owner", "李娜",
                "city", "深圳市",
                "notes", "年底有扩产计划",
                NULL);
  id = crm_customer_store_save (f->store, customer, NULL, tags, 0, NULL, &error);
  g_assert_no_error (error);
  {
    g_autofree char *code = crm_customer_store_approve (f->store, id, &error);

    g_assert_no_error (error);
    g_assert_nonnull (code);
  }
  /* Spend and last contact come from cooperation records and follow-ups;
   * written here directly, as those would. */
  {
    g_autofree char *sql = g_strdup_printf ("UPDATE customer SET annual_spend = 1250000,"
                                            " last_contact_at = '2026-11-20T08:00:00Z'"
                                            " WHERE id = %" G_GINT64_FORMAT, id);

    g_assert_true (crm_database_exec (f->db, sql, &error));
    g_assert_no_error (error);
  }
  whole = crm_customer_store_get (f->store, id, &error);
  g_assert_no_error (error);

  position = crm_customer_list_find (f->list, id);
  g_assert_cmpuint (position, <, g_list_model_get_n_items (model));
  brief = g_list_model_get_item (model, position);

  g_assert_cmpint (crm_customer_get_id (brief), ==, id);
  g_assert_nonnull (crm_customer_get_code (whole));
  g_assert_cmpstr (crm_customer_get_code (brief), ==, crm_customer_get_code (whole));
  g_assert_cmpstr (crm_customer_get_name (brief), ==, crm_customer_get_name (whole));
  g_assert_cmpint (crm_customer_get_kind (brief), ==, crm_customer_get_kind (whole));
  g_assert_cmpint (crm_customer_get_industry_id (brief), ==, 1);
  g_assert_cmpstr (crm_customer_get_industry_name (brief), ==, crm_customer_get_industry_name (whole));
  g_assert_cmpstr (crm_customer_get_industry_code (brief), ==, crm_customer_get_industry_code (whole));
  g_assert_cmpint (crm_customer_get_tier (brief), ==, CRM_TIER_A);
  g_assert_cmpint (crm_customer_get_customer_type (brief), ==, CRM_CUSTOMER_TYPE_STRATEGIC);
  g_assert_cmpstr (crm_customer_get_owner (brief), ==, "李娜");
  g_assert_cmpint (crm_customer_get_review_state (brief), ==, crm_customer_get_review_state (whole));
  g_assert_cmpint (crm_customer_get_annual_spend (brief), ==, 1250000);
  g_assert_cmpstr (crm_customer_get_last_contact_at (brief), ==, "2026-11-20T08:00:00Z");

  /* The rest is the whole record's. */
  g_assert_cmpstr (crm_customer_get_notes (whole), ==, "年底有扩产计划");
  g_assert_null (crm_customer_get_notes (brief));
  g_assert_nonnull (crm_customer_get_tags (whole));
  g_assert_null (crm_customer_get_tags (brief));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/customer-list/pinyin-order", test_pinyin_order);
  ADD ("/customer-list/search", test_search);
  ADD ("/customer-list/search-first-rows-then-rest", test_search_first_rows_then_rest);
  ADD ("/customer-list/items-changed-precise", test_items_changed_precise);
  ADD ("/customer-list/filters", test_filters);
  ADD ("/customer-list/many-rows-load-lazily", test_many_rows_load_lazily);
  ADD ("/customer-list/records-stay-while-held", test_records_stay_while_held);
  ADD ("/customer-list/brief-records", test_brief_records);

#undef ADD

  g_test_add_func ("/customer-list/customers-of-schema-2-are-searchable",
                   test_customers_of_schema_2_are_searchable);

  return g_test_run ();
}
