/* test-import.c — importing customers from CSV files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <signal.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "crm-customer-import.h"
#include "crm-import-values.h"
#include "crm-validate.h"
#include "test-util.h"
#include "test-store-fixture.h"
#include "test-rapport.h"

typedef StoreFixture Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  store_fixture_open (f, "import.db");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  store_fixture_close (f);
}

/* A valid credit code from 17 characters. */
static char *
credit_code (const char *first17)
{
  return g_strdup_printf ("%s%c", first17, crm_credit_code_check_character (first17));
}

static char *
write_file (const char *name,
            const char *data,
            gssize      length)
{
  char *path = test_tmp_path (name);

  g_assert_true (g_file_set_contents (path, data, length, NULL));

  return path;
}

static gint64
count (Fixture    *f,
       const char *sql)
{
  return test_query_int (crm_database_get_handle (f->db), sql);
}

static CrmCustomer *
customer_named (Fixture    *f,
                const char *name)
{
  sqlite3_stmt *stmt = NULL;
  gint64 id = 0;

  g_assert_cmpint (sqlite3_prepare_v2 (crm_database_get_handle (f->db),
                                       "SELECT id FROM customer WHERE name = ?", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  g_assert_cmpint (id, >, 0);

  return crm_customer_store_get (f->store, id, NULL);
}

static gboolean
strv_has (const char * const *strv,
          const char         *text)
{
  return strv != NULL && g_strv_contains (strv, text);
}

static gboolean
warnings_mention (CrmImportSummary *summary,
                  const char       *text)
{
  guint n = 0;

  for (guint i = 0; summary->warnings != NULL && summary->warnings[i] != NULL; i++)
    {
      if (strstr (summary->warnings[i], text) != NULL)
        n++;
    }

  return n == 1;
}

static void
test_utf8_bom (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *code = credit_code ("91330106MA2B3C4D5");
  g_autofree char *csv = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(CrmImportSummary) summary = { 0 };
  g_autoptr(CrmCustomer) first = NULL;
  g_autoptr(CrmCustomer) second = NULL;
  g_autoptr(GPtrArray) contacts = NULL;

  /* Chinese headers (one with a unit and full-width brackets, one marked
   * required), CRLF line ends, quoted cells with commas, doubled quotes
   * and line breaks, a column nobody knows. */
  csv = g_strdup_printf ("\xef\xbb\xbf"
                         "*客户名称,统一社会信用代码,所属行业,客户等级,客户类型,联系人,电话,邮箱,备注,"
                         "标签,年营收（万元）,爱好\r\n"
                         "杭州鑫泰科技有限公司,%s,互联网,A,老客户,\"张伟; 李娜\","
                         "\"13800138000; 139 0013 9000\",\"zhang.wei@example.cn; li.na@example.cn\","
                         "\"第一行, 带逗号\r\n第二行 \"\"引号\"\"\",重点客户；技术升级,120,爬山\r\n"
                         "成都华达贸易有限公司,,TRA,b级,new,王芳,+86 138-0013-8001,,,\"市场拓展、合规\",,\r\n",
                         code);
  path = write_file ("bom.csv", csv, -1);

  g_assert_true (crm_customer_import_run (f->store, path, CRM_IMPORT_DEFAULT, NULL, NULL, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (summary.encoding, ==, "UTF-8");
  g_assert_cmpuint (summary.n_rows, ==, 2);
  g_assert_cmpuint (summary.n_imported, ==, 2);
  g_assert_cmpuint (summary.n_rejected, ==, 0);
  g_assert_null (summary.rejected_path);
  g_assert_true (warnings_mention (&summary, "“爱好”"));

  first = customer_named (f, "杭州鑫泰科技有限公司");
  g_assert_cmpstr (crm_customer_get_credit_code (first), ==, code);
  g_assert_cmpstr (crm_customer_get_industry_code (first), ==, "NET");
  g_assert_cmpint (crm_customer_get_tier (first), ==, CRM_TIER_A);
  g_assert_cmpint (crm_customer_get_customer_type (first), ==, CRM_CUSTOMER_TYPE_RETURNING);
  g_assert_cmpstr (crm_customer_get_notes (first), ==, "第一行, 带逗号\n第二行 \"引号\"");
  g_assert_cmpint (crm_customer_get_annual_revenue (first), ==, 1200000);
  g_assert_cmpint (crm_customer_get_kind (first), ==, CRM_CUSTOMER_KIND_ENTERPRISE);
  g_assert_true (strv_has (crm_customer_get_tags (first), "重点客户"));
  g_assert_true (strv_has (crm_customer_get_tags (first), "技术升级"));

  contacts = crm_customer_store_list_contacts (f->store, crm_customer_get_id (first));
  g_assert_cmpuint (contacts->len, ==, 2);
  g_assert_cmpstr (crm_contact_get_name (g_ptr_array_index (contacts, 0)), ==, "张伟");
  g_assert_cmpstr (crm_contact_get_phone (g_ptr_array_index (contacts, 0)), ==, "13800138000");
  g_assert_cmpstr (crm_contact_get_email (g_ptr_array_index (contacts, 0)), ==, "zhang.wei@example.cn");
  g_assert_cmpstr (crm_contact_get_name (g_ptr_array_index (contacts, 1)), ==, "李娜");
  g_assert_cmpstr (crm_contact_get_phone (g_ptr_array_index (contacts, 1)), ==, "13900139000");
  g_clear_pointer (&contacts, g_ptr_array_unref);

  second = customer_named (f, "成都华达贸易有限公司");
  g_assert_cmpstr (crm_customer_get_industry_code (second), ==, "TRA");
  g_assert_cmpint (crm_customer_get_tier (second), ==, CRM_TIER_B);
  g_assert_cmpint (crm_customer_get_customer_type (second), ==, CRM_CUSTOMER_TYPE_NEW);
  g_assert_cmpint (crm_customer_get_annual_revenue (second), ==, -1);
  g_assert_true (strv_has (crm_customer_get_tags (second), "市场拓展"));
  g_assert_true (strv_has (crm_customer_get_tags (second), "合规"));
  contacts = crm_customer_store_list_contacts (f->store, crm_customer_get_id (second));
  g_assert_cmpuint (contacts->len, ==, 1);
  g_assert_cmpstr (crm_contact_get_phone (g_ptr_array_index (contacts, 0)), ==, "13800138001");
}

static void
test_gb18030 (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *code = credit_code ("91440300MA5F6G7H8");
  g_autofree char *utf8 = NULL;
  g_autofree char *gb = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(CrmImportSummary) summary = { 0 };
  g_autoptr(CrmCustomer) customer = NULL;
  g_autoptr(CrmCustomer) person = NULL;
  g_autoptr(GPtrArray) contacts = NULL;
  gsize length = 0;

  /* English headers in other spellings, LF line ends, what Excel writes
   * on a Chinese Windows. */
  utf8 = g_strdup_printf ("Customer Name,Credit_Code,Industry,Tier,Type,Owner,Province,City,District,"
                          "Address,Contact,Phone,E-mail,Notes,Tags,Employees,Annual Revenue,ID Number\n"
                          "深圳华恒技术服务有限公司,%s,制造业,S,strategic,王芳,广东省,深圳市,南山区,"
                          "\"科技园, 1号\",陈静,13912345678,chen.jing@example.cn,"
                          "\"两行\n备注\",\"合规|重点客户\",\"1,200\",\"3.5亿\",\n"
                          "吕小明,,,,,,,,,,,13712345678,,,,,,11010519491231002X\n",
                          code);
  gb = g_convert (utf8, -1, "GB18030", "UTF-8", NULL, &length, &error);
  g_assert_no_error (error);
  g_assert_false (g_utf8_validate (gb, length, NULL));
  path = write_file ("gb.csv", gb, length);

  g_assert_true (crm_customer_import_run (f->store, path, CRM_IMPORT_DEFAULT, NULL, NULL, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (summary.encoding, ==, "GB18030");
  g_assert_cmpuint (summary.n_imported, ==, 2);
  g_assert_cmpuint (summary.n_rejected, ==, 0);

  customer = customer_named (f, "深圳华恒技术服务有限公司");
  g_assert_cmpstr (crm_customer_get_credit_code (customer), ==, code);
  g_assert_cmpstr (crm_customer_get_industry_code (customer), ==, "MFG");
  g_assert_cmpint (crm_customer_get_tier (customer), ==, CRM_TIER_S);
  g_assert_cmpint (crm_customer_get_customer_type (customer), ==, CRM_CUSTOMER_TYPE_STRATEGIC);
  g_assert_cmpstr (crm_customer_get_owner (customer), ==, "王芳");
  g_assert_cmpstr (crm_customer_get_province (customer), ==, "广东省");
  g_assert_cmpstr (crm_customer_get_city (customer), ==, "深圳市");
  g_assert_cmpstr (crm_customer_get_district (customer), ==, "南山区");
  g_assert_cmpstr (crm_customer_get_street (customer), ==, "科技园, 1号");
  g_assert_cmpstr (crm_customer_get_notes (customer), ==, "两行\n备注");
  g_assert_cmpint (crm_customer_get_employees (customer), ==, 1200);
  g_assert_cmpint (crm_customer_get_annual_revenue (customer), ==, 350000000);
  g_assert_true (strv_has (crm_customer_get_tags (customer), "合规"));
  g_assert_true (strv_has (crm_customer_get_tags (customer), "重点客户"));
  contacts = crm_customer_store_list_contacts (f->store, crm_customer_get_id (customer));
  g_assert_cmpuint (contacts->len, ==, 1);
  g_assert_cmpstr (crm_contact_get_name (g_ptr_array_index (contacts, 0)), ==, "陈静");
  g_assert_cmpstr (crm_contact_get_email (g_ptr_array_index (contacts, 0)), ==, "chen.jing@example.cn");
  g_clear_pointer (&contacts, g_ptr_array_unref);

  /* A person with an ID number is an individual customer, and their own
   * contact. */
  person = customer_named (f, "吕小明");
  g_assert_cmpint (crm_customer_get_kind (person), ==, CRM_CUSTOMER_KIND_INDIVIDUAL);
  g_assert_cmpstr (crm_customer_get_id_number (person), ==, "11010519491231002X");
  contacts = crm_customer_store_list_contacts (f->store, crm_customer_get_id (person));
  g_assert_cmpuint (contacts->len, ==, 1);
  g_assert_cmpstr (crm_contact_get_name (g_ptr_array_index (contacts, 0)), ==, "吕小明");
  g_assert_cmpstr (crm_contact_get_phone (g_ptr_array_index (contacts, 0)), ==, "13712345678");
}

/* Header, then: a good row; a credit code with a letter the standard
 * leaves out; a name repeating row 2; the name of a customer already in
 * the database; an empty name; a good row that reuses the credit code of
 * the empty-name row (rejected rows claim nothing); a bad phone. */
static char *
write_bad_rows (Fixture *f)
{
  g_autofree char *good = credit_code ("91110108MA01ABCD2");
  g_autofree char *other = credit_code ("91110108MA01ABCD3");
  g_autoptr(CrmCustomer) existing = crm_customer_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;

  crm_customer_set_name (existing, "已存在科技有限公司");
  g_assert_cmpint (crm_customer_store_save (f->store, existing, NULL, NULL, CRM_SAVE_DEFAULT, NULL, &error), >, 0);
  g_assert_no_error (error);

  csv = g_strdup_printf ("\xef\xbb\xbf客户名称,统一社会信用代码,联系人,电话\r\n"
                         "好客户有限公司,%s,张三,13800138000\r\n"
                         "坏代码有限公司,91110108MA01ABCDI0,,\r\n"
                         "好客户有限公司,,,\r\n"
                         "已存在科技有限公司,,,\r\n"
                         ",%s,,\r\n"
                         "第二个好客户,%s,,\r\n"
                         "电话不对有限公司,,李四,12345\r\n",
                         good, other, other);

  return write_file ("bad.csv", csv, -1);
}

static void
check_rejected_file (const char *path)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "\xef\xbb\xbf\"客户名称\",\"统一社会信用代码\",\"联系人\",\"电话\",\"原因\"\r\n"));

  lines = g_strsplit (contents, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 7);  /* header, five rows, "" */
  g_assert_true (g_str_has_prefix (lines[1], "\"坏代码有限公司\",\"91110108MA01ABCDI0\",\"\",\"\",\"Row 3: "));
  g_assert_nonnull (strstr (lines[1], "Unified social credit code contains “I”"));
  g_assert_true (g_str_has_suffix (lines[2], "\"Row 4: Row 2 of this file has the same name.\""));
  g_assert_true (g_str_has_suffix (lines[3], "\"Row 5: “已存在科技有限公司” has the same name.\""));
  g_assert_true (g_str_has_suffix (lines[4], "\"Row 6: Name: enter the customer’s full name.\""));
  g_assert_true (g_str_has_prefix (lines[5], "\"电话不对有限公司\",\"\",\"李四\",\"12345\",\"Row 8: 李四’s phone"));
  g_assert_cmpstr (lines[6], ==, "");
}

static void
test_bad_rows (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *path = write_bad_rows (f);
  g_autofree char *rejected = crm_customer_import_dup_rejected_path (path);
  g_autoptr(GError) error = NULL;
  g_auto(CrmImportSummary) summary = { 0 };

  g_assert_true (g_str_has_suffix (rejected, "/bad.rejected.csv"));

  g_assert_true (crm_customer_import_run (f->store, path, CRM_IMPORT_DEFAULT, NULL, NULL, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.n_rows, ==, 7);
  g_assert_cmpuint (summary.n_imported, ==, 2);
  g_assert_cmpuint (summary.n_rejected, ==, 5);
  g_assert_cmpstr (summary.rejected_path, ==, rejected);

  g_assert_cmpint (count (f, "SELECT count(*) FROM customer"), ==, 3);
  g_assert_cmpint (count (f, "SELECT count(*) FROM customer WHERE name IN ('好客户有限公司', '第二个好客户')"), ==, 2);
  g_assert_cmpint (count (f, "SELECT count(*) FROM contact"), ==, 1);

  check_rejected_file (rejected);
}

static void
test_dry_run (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *path = write_bad_rows (f);
  g_autofree char *rejected = crm_customer_import_dup_rejected_path (path);
  g_autoptr(GError) error = NULL;
  g_auto(CrmImportSummary) summary = { 0 };
  guint journal_before = crm_journal_count (f->journal);
  g_autofree char *checksum = NULL;

  g_assert_true (crm_customer_import_run (f->store, path, CRM_IMPORT_DRY_RUN, NULL, NULL, &summary, &error));
  g_assert_no_error (error);

  /* The same verdicts as a real import ... */
  g_assert_cmpuint (summary.n_rows, ==, 7);
  g_assert_cmpuint (summary.n_imported, ==, 2);
  g_assert_cmpuint (summary.n_rejected, ==, 5);
  check_rejected_file (rejected);

  /* ... and nothing changed. */
  g_assert_cmpint (count (f, "SELECT count(*) FROM customer"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM contact"), ==, 0);
  g_assert_cmpuint (crm_journal_count (f->journal), ==, journal_before);

  /* The real import after it agrees. */
  checksum = test_checksum_file (rejected);
  crm_import_summary_clear (&summary);
  g_assert_true (crm_customer_import_run (f->store, path, CRM_IMPORT_DEFAULT, NULL, NULL, &summary, &error));
  g_assert_cmpuint (summary.n_imported, ==, 2);
  g_assert_cmpint (count (f, "SELECT count(*) FROM customer"), ==, 3);
  {
    g_autofree char *again = test_checksum_file (rejected);

    g_assert_cmpstr (again, ==, checksum);
  }
}

static char *
write_many (const char *name,
            guint       n_rows)
{
  g_autoptr(GString) csv = g_string_new ("客户名称,联系人,电话,备注\n");

  for (guint i = 0; i < n_rows; i++)
    g_string_append_printf (csv, "第%05u号测试客户有限公司,联系人%u,138%08u,\"一段备注, 用来让文件大一些\"\n",
                            i, i % 100, i);

  return write_file (name, csv->str, csv->len);
}

static void
test_undo (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *path = write_many ("many.csv", 500);
  g_autoptr(GError) error = NULL;
  g_auto(CrmImportSummary) summary = { 0 };
  g_autofree char *label = NULL;

  g_assert_true (crm_customer_import_run (f->store, path, CRM_IMPORT_DEFAULT, NULL, NULL, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.n_imported, ==, 500);
  g_assert_cmpint (count (f, "SELECT count(*) FROM customer"), ==, 500);
  g_assert_cmpint (count (f, "SELECT count(*) FROM search_customer"), ==, 500);
  g_assert_cmpuint (crm_journal_count (f->journal), ==, 1);

  label = crm_journal_undo (f->journal, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (label, ==, "Import customers");
  g_assert_cmpint (count (f, "SELECT count(*) FROM customer"), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM contact"), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM search_customer"), ==, 0);
  g_clear_pointer (&label, g_free);

  label = crm_journal_redo (f->journal, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM customer"), ==, 500);
}

static char *
dup_schema (Fixture *f)
{
  sqlite3 *handle = crm_database_get_handle (f->db);
  sqlite3_stmt *stmt = NULL;
  GString *out = g_string_new (NULL);

  g_assert_cmpint (sqlite3_prepare_v2 (handle,
                                       "SELECT type, name, ifnull (sql, '') FROM sqlite_schema ORDER BY name",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (out, "%s %s %s\n", sqlite3_column_text (stmt, 0),
                            sqlite3_column_text (stmt, 1), sqlite3_column_text (stmt, 2));
  sqlite3_finalize (stmt);

  return g_string_free (out, FALSE);
}

static void
assert_intact (Fixture    *f,
               const char *schema)
{
  g_autofree char *now = dup_schema (f);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpstr (now, ==, schema);
  g_assert_cmpint (sqlite3_prepare_v2 (crm_database_get_handle (f->db), "PRAGMA integrity_check",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);
  g_assert_cmpint (count (f, "SELECT count(*) FROM search_pending"), ==, 0);
}

/* A large import takes the bulk path: the search triggers and some
 * indexes are dropped while the rows go in and made again at the end, and
 * the full-text indexes are built with a larger buffer. None of that may
 * show: the schema is the same after it, after its undo and its redo,
 * every row is searchable, and the undo removes every row. */
static void
test_large_import (Fixture       *f,
                   gconstpointer  data)
{
  const guint n = 2500;
  g_autofree char *path = write_many ("large.csv", n);
  g_autofree char *schema = dup_schema (f);
  g_autoptr(GError) error = NULL;
  g_auto(CrmImportSummary) summary = { 0 };
  g_autofree char *label = NULL;

  g_assert_true (crm_customer_import_run (f->store, path, CRM_IMPORT_DEFAULT, NULL, NULL, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.n_imported, ==, n);
  assert_intact (f, schema);
  g_assert_cmpint (count (f, "SELECT count(*) FROM customer"), ==, n);
  g_assert_cmpint (count (f, "SELECT count(*) FROM contact"), ==, n);
  g_assert_cmpint (count (f, "SELECT count(*) FROM search_customer WHERE search_customer MATCH '\"02499号\"'"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM search_customer WHERE search_customer MATCH '\"联系人99\"'"), ==, n / 100);
  g_assert_cmpint (count (f, "SELECT count(*) FROM search_short WHERE search_short MATCH '\"测 试\"'"), ==, n);
  g_assert_cmpint (count (f, "SELECT count(*) FROM search_short WHERE search_short MATCH '\"13\"*'"), ==, n);
  /* The larger buffer was for this flush only. */
  g_assert_cmpint (count (f, "SELECT v FROM search_customer_config WHERE k = 'hashsize'"), ==, 1048576);

  /* A small import into the large table keeps its indexes. */
  {
    g_autofree char *small = write_file ("small.csv", "客户名称,联系人\n小客户甲,张三\n小客户乙,李四\n", -1);
    g_auto(CrmImportSummary) small_summary = { 0 };

    g_assert_true (crm_customer_import_run (f->store, small, CRM_IMPORT_DEFAULT, NULL, NULL,
                                            &small_summary, &error));
    g_assert_no_error (error);
    assert_intact (f, schema);
    g_assert_cmpint (count (f, "SELECT count(*) FROM search_customer WHERE search_customer MATCH '\"小客户\"'"), ==, 2);
    label = crm_journal_undo (f->journal, &error);
    g_assert_no_error (error);
    g_clear_pointer (&label, g_free);
  }

  label = crm_journal_undo (f->journal, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (label, ==, "Import customers");
  assert_intact (f, schema);
  g_assert_cmpint (count (f, "SELECT count(*) FROM customer"), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM contact"), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM search_customer"), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM search_short"), ==, 0);
  g_clear_pointer (&label, g_free);

  label = crm_journal_redo (f->journal, &error);
  g_assert_no_error (error);
  assert_intact (f, schema);
  g_assert_cmpint (count (f, "SELECT count(*) FROM customer"), ==, n);
  g_assert_cmpint (count (f, "SELECT count(*) FROM search_customer WHERE search_customer MATCH '\"02499号\"'"), ==, 1);
}

/* The tags of a large import: a tag already there and new ones shared by
 * many rows are each one tag, linked to every customer that names them,
 * and undo takes the new ones away with the links. */
static void
test_large_import_tags (Fixture       *f,
                        gconstpointer  data)
{
  const guint n = 1500;
  g_autoptr(GString) csv = g_string_new ("客户名称,标签\n");
  g_autofree char *first = write_file ("first.csv", "客户名称,标签\n已有客户,老标签\n", -1);
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(CrmImportSummary) summary = { 0 };
  g_auto(CrmImportSummary) first_summary = { 0 };
  g_autofree char *label = NULL;
  g_autoptr(CrmCustomer) customer = NULL;

  g_assert_true (crm_customer_import_run (f->store, first, CRM_IMPORT_DEFAULT, NULL, NULL,
                                          &first_summary, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (csv, "标签测试客户%u,\"老标签；新标签%u, 共同\"\n", i, i % 7);
  path = write_file ("tags.csv", csv->str, csv->len);

  g_assert_true (crm_customer_import_run (f->store, path, CRM_IMPORT_DEFAULT, NULL, NULL, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.n_imported, ==, n);
  g_assert_cmpint (count (f, "SELECT count(*) FROM tag"), ==, 1 + 7 + 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM customer_tag"), ==, 1 + 3 * n);
  g_assert_cmpint (count (f, "SELECT count(*) FROM customer_tag JOIN tag ON tag.id = tag_id"
                             "  WHERE tag.name = '老标签'"), ==, 1 + n);
  g_assert_cmpint (count (f, "SELECT count(*) FROM customer_tag JOIN tag ON tag.id = tag_id"
                             "  WHERE tag.name = '新标签3'"), ==, (n + 3) / 7);
  g_assert_cmpint (count (f, "SELECT count(*) FROM search_customer WHERE search_customer MATCH '\"新标签6\"'"),
                   ==, n / 7);
  customer = customer_named (f, "标签测试客户10");
  g_assert_true (strv_has (crm_customer_get_tags (customer), "老标签"));
  g_assert_true (strv_has (crm_customer_get_tags (customer), "新标签3"));
  g_assert_true (strv_has (crm_customer_get_tags (customer), "共同"));

  label = crm_journal_undo (f->journal, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM tag"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM customer_tag"), ==, 1);
  g_clear_pointer (&label, g_free);

  label = crm_journal_redo (f->journal, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM tag"), ==, 1 + 7 + 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM customer_tag"), ==, 1 + 3 * n);
}

/* A large import that fails half way leaves nothing, its dropped triggers
 * and indexes included. */
static void
test_large_import_fails (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GString) csv = g_string_new ("客户名称,联系人\n");
  g_autofree char *schema = dup_schema (f);
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(CrmImportSummary) summary = { 0 };

  for (guint i = 0; i < 3000; i++)
    g_string_append_printf (csv, "失败测试客户%u,王五\n", i);
  /* A quoted field never closed: the file is not valid CSV. */
  g_string_append (csv, "\"最后一个客户,赵六\n");
  path = write_file ("broken.csv", csv->str, csv->len);

  g_assert_false (crm_customer_import_run (f->store, path, CRM_IMPORT_DEFAULT, NULL, NULL, &summary, &error));
  g_assert_error (error, CRM_IMPORT_ERROR, CRM_IMPORT_ERROR_MALFORMED);
  assert_intact (f, schema);
  g_assert_cmpint (count (f, "SELECT count(*) FROM customer"), ==, 0);
  g_assert_false (crm_journal_can_undo (f->journal));
}

static void
record_progress (double   fraction,
                 gpointer user_data)
{
  GArray *fractions = user_data;

  g_array_append_val (fractions, fraction);
}

static void
test_progress (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *path = write_many ("progress.csv", 6000);
  g_autoptr(GArray) fractions = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;
  g_auto(CrmImportSummary) summary = { 0 };

  g_assert_true (crm_customer_import_run (f->store, path, CRM_IMPORT_DEFAULT,
                                          record_progress, fractions, &summary, &error));
  g_assert_no_error (error);

  /* Several reports, rising, ending at 1, never more than one a percent. */
  g_assert_cmpuint (fractions->len, >, 3);
  g_assert_cmpuint (fractions->len, <=, 101);
  for (guint i = 1; i < fractions->len; i++)
    g_assert_cmpfloat (g_array_index (fractions, double, i), >, g_array_index (fractions, double, i - 1));
  g_assert_cmpfloat (g_array_index (fractions, double, fractions->len - 1), ==, 1.0);
}

typedef struct
{
  int          write_fd;
  CrmDatabase *db;
} ChildState;

static void
signal_then_hang (double   fraction,
                  gpointer user_data)
{
  ChildState *state = user_data;
  char ready = 'r';

  if (fraction >= 0.5)
    {
      /* Force the uncommitted pages into the WAL, so the kill lands on a
       * half-written transaction on disk. */
      sqlite3_db_cacheflush (crm_database_get_handle (state->db));
      if (write (state->write_fd, &ready, 1) != 1)
        _exit (3);
      for (;;)
        pause ();
    }
}

static void
test_kill (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *path = write_many ("kill.csv", 8000);
  int fds[2];
  pid_t pid;
  char ready = 0;
  int status = 0;

  g_assert_cmpint (pipe (fds), ==, 0);

  pid = fork ();
  g_assert_cmpint (pid, >=, 0);

  if (pid == 0)
    {
      CrmImportSummary summary = { 0 };
      ChildState state = { fds[1], NULL };
      CrmDatabase *db;
      CrmCustomerStore *store;

      close (fds[0]);
      db = crm_database_open (f->path, NULL);
      if (db == NULL)
        _exit (2);
      state.db = db;
      store = crm_customer_store_new (crm_journal_new (db));
      crm_customer_import_run (store, path, CRM_IMPORT_DEFAULT, signal_then_hang, &state, &summary, NULL);
      _exit (4);
    }

  close (fds[1]);
  g_assert_cmpint (read (fds[0], &ready, 1), ==, 1);
  g_assert_cmpint (ready, ==, 'r');
  close (fds[0]);

  g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status));

  /* The fixture's connection sees what a restart would: none of it. */
  {
    sqlite3 *handle = NULL;
    g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
    sqlite3_stmt *stmt = NULL;

    g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
    g_assert_cmpint (sqlite3_open (f->path, &handle), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_prepare_v2 (handle, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
    sqlite3_finalize (stmt);
    g_assert_cmpint (test_query_int (handle, "SELECT count(*) FROM customer"), ==, 0);
    g_assert_cmpint (test_query_int (handle, "SELECT count(*) FROM contact"), ==, 0);
    g_assert_cmpint (test_query_int (handle, "SELECT count(*) FROM journal"), ==, 0);
    sqlite3_close (handle);
  }

  /* And it imports fine afterwards. */
  {
    g_autoptr(GError) error = NULL;
    g_auto(CrmImportSummary) summary = { 0 };

    g_assert_true (crm_customer_import_run (f->store, path, CRM_IMPORT_DEFAULT, NULL, NULL, &summary, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (summary.n_imported, ==, 8000);
  }
}

static void
check_refused (Fixture    *f,
               const char *name,
               const char *data,
               gssize      length,
               int         code,
               const char *message_part)
{
  g_autofree char *path = write_file (name, data, length);
  g_autofree char *rejected = crm_customer_import_dup_rejected_path (path);
  g_autoptr(GError) error = NULL;
  g_auto(CrmImportSummary) summary = { 0 };

  g_assert_false (crm_customer_import_run (f->store, path, CRM_IMPORT_DEFAULT, NULL, NULL, &summary, &error));
  g_assert_error (error, CRM_IMPORT_ERROR, code);
  g_assert_nonnull (strstr (error->message, message_part));
  g_assert_cmpuint (summary.n_imported, ==, 0);
  g_assert_false (g_file_test (rejected, G_FILE_TEST_EXISTS));
  g_assert_cmpint (count (f, "SELECT count(*) FROM customer"), ==, 0);
  g_assert_cmpuint (crm_journal_count (f->journal), ==, 0);
}

static void
test_bad_input (Fixture       *f,
                gconstpointer  data)
{
  static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01";

  check_refused (f, "image.csv", png, sizeof png - 1, CRM_IMPORT_ERROR_ENCODING, "image.csv");
  check_refused (f, "utf16.csv", "\xff\xfe\x61\0\x62\0", 6, CRM_IMPORT_ERROR_ENCODING, "UTF-16");
  check_refused (f, "sheet.csv", "PK\x03\x04\x14\0\x06\0", 8, CRM_IMPORT_ERROR_ENCODING, "spreadsheet");
  check_refused (f, "noise.csv", "\x81\x30\x81", 3, CRM_IMPORT_ERROR_ENCODING, "neither UTF-8 nor GB18030");
  check_refused (f, "empty.csv", "", 0, CRM_IMPORT_ERROR_EMPTY, "“empty.csv” is empty");
  check_refused (f, "bom.csv", "\xef\xbb\xbf\r\n\r\n", -1, CRM_IMPORT_ERROR_EMPTY, "is empty");
  check_refused (f, "header.csv", "客户名称,电话\r\n", -1, CRM_IMPORT_ERROR_EMPTY, "no rows below it");
  check_refused (f, "noname.csv", "电话,邮箱\r\n13800138000,a@example.cn\r\n", -1,
                 CRM_IMPORT_ERROR_NO_NAME_COLUMN, "“客户名称”");
  check_refused (f, "open.csv", "客户名称,备注\n好客户,\"没有结束\n下一行\n", -1,
                 CRM_IMPORT_ERROR_MALFORMED, "row 2");
  check_refused (f, "stray.csv", "客户名称,备注\n好客户,ok\n坏客户,\"引号\"之后\n", -1,
                 CRM_IMPORT_ERROR_MALFORMED, "row 3");

  {
    g_autoptr(GError) error = NULL;
    g_auto(CrmImportSummary) summary = { 0 };
    g_autofree char *missing = test_tmp_path ("missing.csv");

    g_assert_false (crm_customer_import_run (f->store, missing, CRM_IMPORT_DEFAULT, NULL, NULL, &summary, &error));
    g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  }
}

static void
test_values (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(CrmImportSummary) summary = { 0 };
  g_autofree char *rejected = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(CrmCustomer) dated = NULL;

  path = write_file ("values.csv",
                     "名称,成立日期,员工数,年营收,客户等级,客户类型,所属行业,标签,客户编号,审核状态,年采购额（元）\n"
                     "日期一公司,2024/3/1,50人,\"1,234,567\",S级,战略,其他,a|b,2024-OTH-001,已审核,99\n"
                     "日期二公司,2024年13月1日,,,,,,,,,\n"
                     "等级公司,,,,D,,,,,,\n"
                     "类型公司,,,,,VIP,,,,,\n"
                     "行业公司,,,,,,航天,,,,\n"
                     "人数公司,,很多,,,,,,,,\n"
                     "标签公司,,,,,,,一个非常非常非常非常非常非常非常非常非常非常非常非常非常非常非常长的标签名字,,,\n"
                     "'=公式公司,,,,,,,,,,\n",
                     -1);

  g_assert_true (crm_customer_import_run (f->store, path, CRM_IMPORT_DEFAULT, NULL, NULL, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.n_imported, ==, 2);
  g_assert_cmpuint (summary.n_rejected, ==, 6);
  /* Recognised columns that are not imported are not warned about. */
  g_assert_null (summary.warnings[0]);

  dated = customer_named (f, "日期一公司");
  g_assert_cmpstr (crm_customer_get_founded_on (dated), ==, "2024-03-01");
  g_assert_cmpint (crm_customer_get_employees (dated), ==, 50);
  g_assert_cmpint (crm_customer_get_annual_revenue (dated), ==, 1234567);
  g_assert_cmpint (crm_customer_get_tier (dated), ==, CRM_TIER_S);
  g_assert_cmpint (crm_customer_get_customer_type (dated), ==, CRM_CUSTOMER_TYPE_STRATEGIC);
  g_assert_cmpstr (crm_customer_get_industry_code (dated), ==, "OTH");
  /* Imported customers are drafts; codes come from approval. */
  g_assert_null (crm_customer_get_code (dated));
  g_assert_cmpint (crm_customer_get_review_state (dated), ==, CRM_REVIEW_STATE_DRAFT);

  /* The formula guard is taken off again. */
  g_clear_object (&dated);
  dated = customer_named (f, "=公式公司");

  rejected = crm_customer_import_dup_rejected_path (path);
  g_assert_true (g_file_get_contents (rejected, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "Row 3: 成立日期: “2024年13月1日” is not a past date"));
  g_assert_nonnull (strstr (contents, "Row 4: 客户等级: “D” is not one of S, A, B and C."));
  g_assert_nonnull (strstr (contents, "Row 5: 客户类型: “VIP” is not one of"));
  g_assert_nonnull (strstr (contents, "Row 6: 所属行业: “航天” is not an industry"));
  g_assert_nonnull (strstr (contents, "Row 7: 员工数: “很多” is not a number of people."));
  g_assert_nonnull (strstr (contents, "Row 8: 标签: at most 30 characters."));
}

static void
test_cli (void)
{
  g_autofree char *database = test_tmp_path ("cli.db");
  g_autofree char *path = write_file ("cli.csv",
                                      "客户名称,电话,联系人\r\n"
                                      "一号客户有限公司,13800138000,张三\r\n"
                                      "二号客户有限公司,,\r\n"
                                      "一号客户有限公司,,\r\n",
                                      -1);
  g_autofree char *rejected = crm_customer_import_dup_rejected_path (path);

  {
    g_auto(Run) run = { 0 };
    g_autofree char *expected = g_strdup_printf ("Would import 2 customers; rejected 1 row (see %s).\n"
                                                 "Nothing was changed (dry run).\n", rejected);

    run_rapport (&run, "--database", database, "import", "customers", path, "--dry-run", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.out, ==, expected);
  }

  {
    g_auto(Run) run = { 0 };
    g_autofree char *expected = g_strdup_printf ("Imported 2 customers; rejected 1 row (see %s).\n", rejected);

    run_rapport (&run, "import", "customers", path, "--database", database, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.out, ==, expected);
    /* Progress goes to stderr, one line per step when not a terminal. */
    g_assert_nonnull (strstr (run.err, "Importing… 100%\n"));
  }

  {
    g_auto(Run) run = { 0 };

    /* Everything again: all duplicates now. */
    run_rapport (&run, "--database", database, "import", "customers", path, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (g_str_has_prefix (run.out, "Imported 0 customers; rejected 3 rows"));
  }

  {
    g_auto(Run) run = { 0 };
    g_autofree char *empty = write_file ("empty.csv", "", 0);

    run_rapport (&run, "--database", database, "import", "customers", empty, NULL);
    g_assert_cmpint (run.status, ==, 4);
    g_assert_cmpstr (run.out, ==, "");
    g_assert_nonnull (strstr (run.err, "“empty.csv” is empty."));
  }

  {
    g_auto(Run) run = { 0 };

    run_rapport (&run, "--database", database, "import", "customers", NULL);
    g_assert_cmpint (run.status, ==, 64);
  }

  {
    sqlite3 *handle = NULL;

    g_assert_cmpint (sqlite3_open (database, &handle), ==, SQLITE_OK);
    g_assert_cmpint (test_query_int (handle, "SELECT count(*) FROM customer"), ==, 2);
    sqlite3_close (handle);
  }
}

/* How a cell of several values is split: tags on ; , | and their
 * full-width forms, contacts' fields on ; alone, keeping empty places
 * between values (the third phone stays with the third name) but not
 * after the last one. */
static void
test_split_list (void)
{
  static const struct
  {
    const char *text;
    const char *separators;
    gboolean    keep_empty;
    const char *joined;       /* the pieces joined with "/" */
    guint       n_pieces;
  } cases[] = {
    { "", ";", TRUE, "", 0 },
    { " ", ";", TRUE, "", 0 },
    { "张三", ";", TRUE, "张三", 1 },
    { " 张三 ; 李四 ", ";", TRUE, "张三/李四", 2 },
    { "张三;;王五", ";", TRUE, "张三//王五", 3 },
    { "张三;", ";", TRUE, "张三", 1 },
    { ";李四; ;", ";", TRUE, "/李四", 2 },
    { "张三；李四", ";", TRUE, "张三/李四", 2 },
    /* A full-width separator that does not separate becomes ASCII. */
    { "张三，李四", ";", TRUE, "张三,李四", 1 },
    { "a、b｜c", ";", TRUE, "a,b|c", 1 },
    { "重点客户；技术升级,VIP|a、b｜c，d", ";,|", FALSE, "重点客户/技术升级/VIP/a/b/c/d", 7 },
    { ";; ,|", ";,|", FALSE, "", 0 },
    { "\t标签\n", ";,|", FALSE, "标签", 1 },
    /* Other full-width characters are left alone. */
    { "Ａ；Ｂ：Ｃ", ";", TRUE, "Ａ/Ｂ：Ｃ", 2 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(GStrv) pieces = crm_import_split_list (cases[i].text, cases[i].separators,
                                                     cases[i].keep_empty);
      g_autofree char *joined = g_strjoinv ("/", pieces);

      g_assert_cmpstr (joined, ==, cases[i].joined);
      g_assert_cmpuint (g_strv_length (pieces), ==, cases[i].n_pieces);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add ((path), Fixture, NULL, fixture_set_up, (func), fixture_tear_down)

  ADD ("/import/utf8-bom-crlf-chinese-headers", test_utf8_bom);
  ADD ("/import/gb18030-lf-english-headers", test_gb18030);
  ADD ("/import/bad-rows", test_bad_rows);
  ADD ("/import/dry-run", test_dry_run);
  ADD ("/import/undo", test_undo);
  ADD ("/import/large-bulk-path-undo-redo", test_large_import);
  ADD ("/import/large-bulk-path-fails", test_large_import_fails);
  ADD ("/import/large-bulk-path-tags", test_large_import_tags);
  ADD ("/import/progress", test_progress);
  ADD ("/import/kill", test_kill);
  ADD ("/import/bad-input", test_bad_input);
  ADD ("/import/values", test_values);
  g_test_add_func ("/import/cli", test_cli);
  g_test_add_func ("/import/split-list", test_split_list);

  return g_test_run ();
}
