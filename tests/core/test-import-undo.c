/* test-import-undo.c — an import's undo record, and search right after it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * An import is a bulk insert: its undo record names the rows it added
 * instead of holding them (crm-bulk-insert.c). These tests check what a
 * user sees of that: undo removes every row the import added and nothing
 * else, redo brings them back, both can be repeated, an undo that would
 * remove rows the import did not add is refused, and the imported
 * customers are found by every kind of search at once.
 */

#include "crm-customer-import.h"
#include "crm-customer-list.h"
#include "crm-journal.h"
#include "test-util.h"
#include "test-store-fixture.h"

typedef StoreFixture Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  store_fixture_open (f, "import-undo.db");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  store_fixture_close (f);
}

static gint64
count (Fixture    *f,
       const char *sql)
{
  return test_query_int (crm_database_get_handle (f->db), sql);
}

static char *
write_file (const char *name,
            const char *text)
{
  char *path = test_tmp_path (name);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));

  return path;
}

static void
import (Fixture    *f,
        const char *path,
        guint       expected)
{
  g_autoptr(GError) error = NULL;
  g_auto(CrmImportSummary) summary = { 0 };

  g_assert_true (crm_customer_import_run (f->store, path, CRM_IMPORT_DEFAULT, NULL, NULL, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.n_imported, ==, expected);
}

static void
step (Fixture    *f,
      gboolean    undo)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;

  label = undo ? crm_journal_undo (f->journal, &error) : crm_journal_redo (f->journal, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (label, ==, "Import customers");
}

/* One customer, one contact and one tag before the import. */
static void
add_existing (Fixture *f)
{
  g_autoptr(CrmCustomer) customer = crm_customer_new ();
  g_autoptr(GPtrArray) contacts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  const char *tags[] = { "老客户标签", NULL };

  g_object_set (customer, "name", "原有客户有限公司", NULL);
  g_ptr_array_add (contacts, g_object_new (CRM_TYPE_CONTACT, "name", "原有联系人", NULL));
  g_assert_cmpint (crm_customer_store_save (f->store, customer, contacts, tags, 0, NULL, &error), >, 0);
  g_assert_no_error (error);
}

static const char imported_csv[] =
  "客户名称,联系人,电话,标签\n"
  "杭州云帆科技有限公司,王小明,13800000001,老客户标签;新标签甲\n"
  "苏州星河贸易有限公司,李华;赵敏,13800000002;13800000003,新标签乙\n"
  "宁波海风服务有限公司,陈晨,13800000004,\n";

static void
assert_only_existing (Fixture *f)
{
  g_assert_cmpint (count (f, "SELECT count(*) FROM customer"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM contact"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM customer_tag"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM tag"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM tag WHERE name = '老客户标签'"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM search_customer"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM search_short"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM search_pending"), ==, 0);
}

static void
assert_imported (Fixture *f)
{
  g_assert_cmpint (count (f, "SELECT count(*) FROM customer"), ==, 4);
  g_assert_cmpint (count (f, "SELECT count(*) FROM contact"), ==, 5);
  g_assert_cmpint (count (f, "SELECT count(*) FROM tag"), ==, 3);
  g_assert_cmpint (count (f, "SELECT count(*) FROM customer_tag"), ==, 4);
  g_assert_cmpint (count (f, "SELECT count(*) FROM search_customer"), ==, 4);
  g_assert_cmpint (count (f, "SELECT count(*) FROM search_short"), ==, 4);
  g_assert_cmpint (count (f, "SELECT count(*) FROM search_customer WHERE search_customer MATCH '\"赵敏\"'"), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM search_short WHERE search_short MATCH '\"赵 敏\"'"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM search_customer WHERE search_customer MATCH '\"新标签乙\"'"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM search_pending"), ==, 0);
}

/* Undo removes exactly what the import added: its customers with their
 * contacts and tag links, the tags it created and their search rows, but
 * not the tag it shared with an older customer. Redo and undo can then
 * be repeated. */
static void
test_undo_redo (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = write_file ("tagged.csv", imported_csv);

  add_existing (f);
  import (f, path, 3);
  assert_imported (f);
  /* New customers have their first contact planned, as in the editor. */
  g_assert_cmpint (count (f, "SELECT count(*) FROM customer WHERE next_due_at ="
                             "  strftime ('%Y-%m-%dT%H:%M:%SZ', created_at, '+24 hours')"), ==, 4);
  /* The record names the rows; it does not hold them. */
  g_assert_cmpint (count (f, "SELECT count(*) FROM journal WHERE inserted IS NOT NULL"), ==, 1);
  g_assert_cmpint (count (f, "SELECT length (changeset) FROM journal ORDER BY id DESC LIMIT 1"), ==, 0);

  step (f, TRUE);
  assert_only_existing (f);
  g_assert_cmpint (count (f, "SELECT count(*) FROM journal WHERE inserted IS NOT NULL"), ==, 0);

  step (f, FALSE);
  assert_imported (f);

  step (f, TRUE);
  assert_only_existing (f);

  step (f, FALSE);
  assert_imported (f);
  g_assert_cmpuint (crm_journal_count (f->journal), ==, 2);
}

/* Rows above the record's ids that the import did not add (here written
 * behind the journal's back) make the undo refuse, and change nothing. */
static void
test_undo_refuses_other_rows (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *path = write_file ("tagged.csv", imported_csv);
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;

  add_existing (f);
  import (f, path, 3);
  g_assert_cmpint (sqlite3_exec (crm_database_get_handle (f->db),
                                 "INSERT INTO customer (name) VALUES ('后来的客户')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);

  label = crm_journal_undo (f->journal, &error);
  g_assert_error (error, CRM_JOURNAL_ERROR, CRM_JOURNAL_ERROR_CONFLICT);
  g_assert_null (label);
  g_assert_cmpint (count (f, "SELECT count(*) FROM customer"), ==, 5);
  g_assert_cmpint (count (f, "SELECT count(*) FROM contact"), ==, 5);
  g_assert_cmpint (count (f, "SELECT count(*) FROM tag"), ==, 3);
  g_assert_true (crm_journal_can_undo (f->journal));
}

static char *
search (CrmCustomerList *list,
        const char      *text)
{
  GString *out = g_string_new (NULL);

  crm_customer_list_set_search_text (list, text);
  while (!crm_customer_list_is_complete (list))
    g_main_context_iteration (NULL, TRUE);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      g_autoptr(CrmCustomer) customer = g_list_model_get_item (G_LIST_MODEL (list), i);

      g_string_append_printf (out, "%s%s", i ? "," : "", crm_customer_get_name (customer));
    }

  return g_string_free (out, FALSE);
}

/* Right after an import, small or taking the bulk path's large flush, its
 * customers are found by one or two Chinese characters, by three or
 * more (trigram), by pinyin initials and by a contact's phone. */
static void
test_search_after_import (Fixture       *f,
                          gconstpointer  data)
{
  static const struct { const char *text; const char *expected; } searches[] = {
    { "帆", "杭州云帆科技有限公司" },
    { "星河", "苏州星河贸易有限公司" },
    { "海风服务", "宁波海风服务有限公司" },
    { "赵", "苏州星河贸易有限公司" },
    { "hzyf", "杭州云帆科技有限公司" },
    { "NBHF", "宁波海风服务有限公司" },
    { "13800000002", "苏州星河贸易有限公司" },
    { "新标签甲", "杭州云帆科技有限公司" },
  };
  const guint n_filler = GPOINTER_TO_UINT (data);
  g_autoptr(GString) csv = g_string_new (imported_csv);
  g_autoptr(CrmCustomerList) list = NULL;
  g_autofree char *path = NULL;

  /* Enough other rows for the flush of a large import. */
  for (guint i = 0; i < n_filler; i++)
    g_string_append_printf (csv, "填充%05u号客户,某人,139%08u,\n", i, i);
  path = write_file ("search.csv", csv->str);

  import (f, path, 3 + n_filler);
  list = crm_customer_list_new (f->store);

  for (guint i = 0; i < G_N_ELEMENTS (searches); i++)
    {
      g_autofree char *found = search (list, searches[i].text);

      g_test_message ("search: %s", searches[i].text);
      g_assert_cmpstr (found, ==, searches[i].expected);
    }
}

/* An import whose every row is rejected adds nothing, so it leaves no
 * action to undo, as before it took the bulk path. */
static void
test_nothing_added_nothing_to_undo (Fixture       *f,
                                    gconstpointer  data)
{
  g_autofree char *path = write_file ("duplicates.csv",
                                      "客户名称,联系人\n原有客户有限公司,某人\n原有客户有限公司,另一人\n");
  g_autoptr(GError) error = NULL;
  g_auto(CrmImportSummary) summary = { 0 };

  add_existing (f);
  g_assert_true (crm_customer_import_run (f->store, path, CRM_IMPORT_DEFAULT, NULL, NULL, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.n_imported, ==, 0);
  g_assert_cmpuint (summary.n_rejected, ==, 2);
  g_assert_cmpuint (crm_journal_count (f->journal), ==, 1);
  assert_only_existing (f);
}

/* An import that fails leaves no search rows and nothing to index. */
static void
test_failed_import_leaves_no_search_rows (Fixture       *f,
                                          gconstpointer  data)
{
  g_autoptr(GString) csv = g_string_new ("客户名称,联系人\n");
  g_autoptr(GError) error = NULL;
  g_auto(CrmImportSummary) summary = { 0 };
  g_autofree char *path = NULL;

  add_existing (f);
  for (guint i = 0; i < 2500; i++)
    g_string_append_printf (csv, "失败客户%u,王五\n", i);
  g_string_append (csv, "\"从未结束的引号,赵六\n");
  path = write_file ("broken.csv", csv->str);

  g_assert_false (crm_customer_import_run (f->store, path, CRM_IMPORT_DEFAULT, NULL, NULL, &summary, &error));
  g_assert_error (error, CRM_IMPORT_ERROR, CRM_IMPORT_ERROR_MALFORMED);
  g_clear_error (&error);
  assert_only_existing (f);
  g_assert_cmpint (count (f, "SELECT count(*) FROM journal WHERE inserted IS NOT NULL"), ==, 0);
  g_assert_cmpuint (crm_journal_count (f->journal), ==, 1);

  /* The next action records as usual, with no bulk record of its own. */
  {
    g_autoptr(CrmCustomer) customer = crm_customer_new ();

    g_object_set (customer, "name", "之后的客户", NULL);
    g_assert_cmpint (crm_customer_store_save (f->store, customer, NULL, NULL, 0, NULL, &error), >, 0);
    g_assert_no_error (error);
    g_assert_cmpint (count (f, "SELECT count(*) FROM journal WHERE inserted IS NOT NULL"), ==, 0);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, data, func) \
  g_test_add ((path), Fixture, (data), fixture_set_up, (func), fixture_tear_down)

  ADD ("/import-undo/undo-redo-repeated", NULL, test_undo_redo);
  ADD ("/import-undo/refuses-rows-it-did-not-add", NULL, test_undo_refuses_other_rows);
  ADD ("/import-undo/search-after-small-import", GUINT_TO_POINTER (0), test_search_after_import);
  ADD ("/import-undo/search-after-large-import", GUINT_TO_POINTER (2500), test_search_after_import);
  ADD ("/import-undo/failed-import-leaves-no-search-rows", NULL, test_failed_import_leaves_no_search_rows);
  ADD ("/import-undo/nothing-added-nothing-to-undo", NULL, test_nothing_added_nothing_to_undo);

  return g_test_run ();
}
