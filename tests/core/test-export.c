/* test-export.c — exporting customers to CSV, and importing them back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>
#include <sys/wait.h>

#include <csv.h>

#include "crm-customer-export.h"
#include "crm-customer-import.h"
#include "crm-demo.h"
#include "test-util.h"
#include "test-store-fixture.h"
#include "test-rapport.h"

typedef StoreFixture Fixture;

static void
export (Fixture        *f,
        const char     *path,
        CrmExportFlags  flags,
        guint           expected)
{
  g_autoptr(GError) error = NULL;
  guint n = 0;

  g_assert_true (crm_customer_export_run (f->store, path, flags, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, expected);
}

/* The file as rows of cells, read with the same library the import uses,
 * without the BOM. */
typedef struct
{
  GPtrArray *rows;
  GPtrArray *cells;
} Parse;

static void
on_field (void   *data,
          size_t  length,
          void   *user_data)
{
  Parse *parse = user_data;

  g_ptr_array_add (parse->cells, g_strndup (data, length));
}

static void
on_row (int   terminator,
        void *user_data)
{
  Parse *parse = user_data;

  g_ptr_array_add (parse->cells, NULL);
  g_ptr_array_add (parse->rows, g_ptr_array_free (parse->cells, FALSE));
  parse->cells = g_ptr_array_new ();
}

static GPtrArray *
read_csv (const char *path)
{
  g_autofree char *contents = NULL;
  struct csv_parser parser;
  Parse parse = { g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev), g_ptr_array_new () };
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "\xef\xbb\xbf"));
  g_assert_true (g_utf8_validate (contents, length, NULL));

  g_assert_cmpint (csv_init (&parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL), ==, 0);
  g_assert_cmpuint (csv_parse (&parser, contents + 3, length - 3, on_field, on_row, &parse), ==, length - 3);
  g_assert_cmpint (csv_fini (&parser, on_field, on_row, &parse), ==, 0);
  csv_free (&parser);
  g_ptr_array_free (parse.cells, TRUE);

  return parse.rows;
}

static int
column (GPtrArray  *rows,
        const char *header)
{
  char **names = g_ptr_array_index (rows, 0);

  for (int i = 0; names[i] != NULL; i++)
    {
      if (strcmp (names[i], header) == 0)
        return i;
    }

  g_assert_not_reached ();
}

/* The file's text without the amount columns, whose eleven-digit yuan
 * figures would look like phone numbers to a regular expression. */
static char *
text_without_amounts (const char *path)
{
  g_autoptr(GPtrArray) rows = read_csv (path);
  int skip[] = {
    column (rows, "员工数"), column (rows, "年营收（元）"), column (rows, "年采购额（元）"),
  };
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < rows->len; i++)
    {
      char **cells = g_ptr_array_index (rows, i);

      for (int j = 0; cells[j] != NULL; j++)
        {
          if (j != skip[0] && j != skip[1] && j != skip[2])
            g_string_append_printf (text, "%s\n", cells[j]);
        }
    }

  return g_string_free (text, FALSE);
}

static void
test_round_trip (void)
{
  Fixture a = { 0 }, b = { 0 };
  g_autofree char *first = test_tmp_path ("first.csv");
  g_autofree char *second = test_tmp_path ("second.csv");
  g_autoptr(GError) error = NULL;
  g_auto(CrmImportSummary) summary = { 0 };
  g_autoptr(GPtrArray) rows_a = NULL;
  g_autoptr(GPtrArray) rows_b = NULL;
  int code, state, spend;

  store_fixture_open (&a, "a.db");
  store_fixture_open (&b, "b.db");
  g_assert_true (crm_demo_generate (a.store, 150, NULL, &error));
  g_assert_no_error (error);

  export (&a, first, CRM_EXPORT_DEFAULT, 150);
  g_assert_true (crm_customer_import_run (b.store, first, CRM_IMPORT_DEFAULT, NULL, NULL, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.n_imported, ==, 150);
  g_assert_cmpuint (summary.n_rejected, ==, 0);
  g_assert_cmpuint (g_strv_length (summary.warnings), ==, 0);
  export (&b, second, CRM_EXPORT_DEFAULT, 150);

  /* Every cell comes back but the customer code, the review state and
   * the annual spend, which the import does not take (see
   * crm-customer-import.c). */
  rows_a = read_csv (first);
  rows_b = read_csv (second);
  g_assert_cmpuint (rows_a->len, ==, 151);
  g_assert_cmpuint (rows_b->len, ==, 151);
  code = column (rows_a, "客户编号");
  state = column (rows_a, "审核状态");
  spend = column (rows_a, "年采购额（元）");

  for (guint i = 0; i < rows_a->len; i++)
    {
      char **cells_a = g_ptr_array_index (rows_a, i);
      char **cells_b = g_ptr_array_index (rows_b, i);

      g_assert_cmpuint (g_strv_length (cells_a), ==, g_strv_length (cells_b));
      for (int j = 0; cells_a[j] != NULL; j++)
        {
          if (i > 0 && (j == code || j == state || j == spend))
            continue;
          g_assert_cmpstr (cells_a[j], ==, cells_b[j]);
        }
    }

  /* And through the objects: the customer fields, contacts and tags. */
  {
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (sqlite3_prepare_v2 (crm_database_get_handle (a.db), "SELECT id, name FROM customer",
                                         -1, &stmt, NULL), ==, SQLITE_OK);
    while (sqlite3_step (stmt) == SQLITE_ROW)
      {
        g_autoptr(CrmCustomer) original = crm_customer_store_get (a.store, sqlite3_column_int64 (stmt, 0), NULL);
        g_autoptr(CrmCustomer) copy = NULL;
        g_autoptr(GPtrArray) contacts_a = NULL;
        g_autoptr(GPtrArray) contacts_b = NULL;
        sqlite3_stmt *find = NULL;

        g_assert_cmpint (sqlite3_prepare_v2 (crm_database_get_handle (b.db), "SELECT id FROM customer WHERE name = ?",
                                             -1, &find, NULL), ==, SQLITE_OK);
        sqlite3_bind_text (find, 1, (const char *) sqlite3_column_text (stmt, 1), -1, SQLITE_TRANSIENT);
        g_assert_cmpint (sqlite3_step (find), ==, SQLITE_ROW);
        copy = crm_customer_store_get (b.store, sqlite3_column_int64 (find, 0), NULL);
        sqlite3_finalize (find);

        g_object_set (copy,
                      "review-state", crm_customer_get_review_state (original),
                      "annual-spend", crm_customer_get_annual_spend (original),
                      NULL);
        g_assert_true (crm_customer_equal_fields (original, copy));

        contacts_a = crm_customer_store_list_contacts (a.store, crm_customer_get_id (original));
        contacts_b = crm_customer_store_list_contacts (b.store, crm_customer_get_id (copy));
        g_assert_cmpuint (contacts_a->len, ==, contacts_b->len);
        for (guint i = 0; i < contacts_a->len; i++)
          g_assert_true (crm_contact_equal_fields (g_ptr_array_index (contacts_a, i),
                                                   g_ptr_array_index (contacts_b, i)));
      }
    sqlite3_finalize (stmt);
  }

  store_fixture_close (&a);
  store_fixture_close (&b);
}

static void
test_mask (void)
{
  Fixture f = { 0 };
  g_autofree char *path = test_tmp_path ("masked.csv");
  g_autofree char *plain = test_tmp_path ("plain.csv");
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  int name, kind, id_number, contact, phone, email;
  guint n_individuals = 0;

  store_fixture_open (&f, "mask.db");
  g_assert_true (crm_demo_generate (f.store, 100, NULL, &error));
  g_assert_no_error (error);
  export (&f, path, CRM_EXPORT_MASK, 100);
  export (&f, plain, CRM_EXPORT_DEFAULT, 100);

  /* No mobile number in full anywhere, and the masked form is there; the
   * unmasked export of the same data has them. */
  contents = text_without_amounts (path);
  g_assert_false (g_regex_match_simple ("(?<![0-9])1[3-9][0-9]{9}(?![0-9])", contents, 0, 0));
  g_assert_true (g_regex_match_simple ("(?<![0-9])1[3-9][0-9]\\*{4}[0-9]{4}(?![0-9])", contents, 0, 0));
  g_clear_pointer (&contents, g_free);
  contents = text_without_amounts (plain);
  g_assert_true (g_regex_match_simple ("(?<![0-9])1[3-9][0-9]{9}(?![0-9])", contents, 0, 0));

  rows = read_csv (path);
  name = column (rows, "客户名称");
  kind = column (rows, "客户类别");
  id_number = column (rows, "身份证号");
  contact = column (rows, "联系人");
  phone = column (rows, "电话");
  email = column (rows, "邮箱");

  for (guint i = 1; i < rows->len; i++)
    {
      char **cells = g_ptr_array_index (rows, i);
      g_auto(GStrv) names = g_strsplit (cells[contact], "; ", -1);
      g_auto(GStrv) phones = g_strsplit (cells[phone], "; ", -1);
      g_auto(GStrv) emails = g_strsplit (cells[email], "; ", -1);

      if (strcmp (cells[kind], "个人") == 0)
        {
          n_individuals++;
          g_assert_true (g_regex_match_simple ("^[0-9]{6}\\*{8}[0-9]{3}[0-9X]$", cells[id_number], 0, 0));
          g_assert_true (g_regex_match_simple ("^\\p{Han}\\*+$", cells[name], 0, 0));
        }
      else
        {
          g_assert_cmpstr (cells[id_number], ==, "");
          g_assert_true (g_str_has_suffix (cells[name], "公司"));
        }

      for (guint j = 0; names[j] != NULL; j++)
        {
          g_assert_true (g_regex_match_simple ("^\\p{Han}\\*+$", names[j], 0, 0));
          g_assert_true (g_regex_match_simple ("^1[3-9][0-9]\\*{4}[0-9]{4}$", phones[j], 0, 0));
          g_assert_true (g_regex_match_simple ("^[a-z]\\*+@[a-z.]+$", emails[j], 0, 0));
        }
    }
  g_assert_cmpuint (n_individuals, >, 0);

  store_fixture_close (&f);
}

static void
test_no_overwrite (void)
{
  Fixture f = { 0 };
  g_autofree char *path = test_tmp_path ("exists.csv");
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmCustomer) customer = crm_customer_new ();

  store_fixture_open (&f, "overwrite.db");
  crm_customer_set_name (customer, "唯一客户有限公司");
  /* A formula-looking note is guarded against spreadsheets. */
  crm_customer_set_notes (customer, "=HYPERLINK(\"http://example.cn\")");
  g_assert_cmpint (crm_customer_store_save (f.store, customer, NULL, NULL, CRM_SAVE_DEFAULT, NULL, &error), >, 0);
  g_assert_no_error (error);

  g_assert_true (g_file_set_contents (path, "keep me", -1, NULL));

  g_assert_false (crm_customer_export_run (f.store, path, CRM_EXPORT_DEFAULT, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "exists.csv"));
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "keep me");
  g_clear_pointer (&contents, g_free);

  export (&f, path, CRM_EXPORT_OVERWRITE, 1);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "\xef\xbb\xbf\"客户编号\",\"客户名称\","));
  g_assert_true (g_str_has_suffix (contents, "\r\n"));
  g_assert_nonnull (strstr (contents, "\"'=HYPERLINK(\"\"http://example.cn\"\")\""));

  store_fixture_close (&f);
}

static void
test_empty (void)
{
  Fixture f = { 0 };
  g_autofree char *path = test_tmp_path ("empty.csv");
  g_autoptr(GPtrArray) rows = NULL;

  store_fixture_open (&f, "empty.db");
  export (&f, path, CRM_EXPORT_DEFAULT, 0);
  rows = read_csv (path);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpstr (((char **) g_ptr_array_index (rows, 0))[1], ==, "客户名称");

  store_fixture_close (&f);
}

static void
test_cli (void)
{
  g_autofree char *database = test_tmp_path ("cli.db");
  g_autofree char *path = test_tmp_path ("cli.csv");
  g_autofree char *masked = test_tmp_path ("cli-masked.csv");
  g_auto(Run) run = { 0 };

  run_rapport (&run, "--database", database, "demo", "--customers", "25", NULL);
  g_assert_cmpint (run.status, ==, 0);

  {
    g_autofree char *expected = g_strdup_printf ("Exported 25 customers to “%s”.\n", path);

    run_rapport (&run, "--database", database, "export", "customers", "-o", path, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.out, ==, expected);
  }

  {
    g_autofree char *before = test_checksum_file (path);
    g_autofree char *after = NULL;

    /* Never over an existing file without --force. */
    run_rapport (&run, "--database", database, "export", "customers", "-o", path, NULL);
    g_assert_cmpint (run.status, ==, 4);
    g_assert_nonnull (strstr (run.err, "exists already"));
    g_assert_nonnull (strstr (run.err, "--force"));
    after = test_checksum_file (path);
    g_assert_cmpstr (before, ==, after);
  }

  run_rapport (&run, "--database", database, "export", "customers", "--output", path, "--force", NULL);
  g_assert_cmpint (run.status, ==, 0);

  {
    g_autofree char *contents = NULL;

    run_rapport (&run, "export", "customers", "--mask", "-o", masked, "--database", database, NULL);
    g_assert_cmpint (run.status, ==, 0);
    contents = text_without_amounts (masked);
    g_assert_false (g_regex_match_simple ("(?<![0-9])1[3-9][0-9]{9}(?![0-9])", contents, 0, 0));
    g_assert_true (g_regex_match_simple ("1[3-9][0-9]\\*{4}[0-9]{4}", contents, 0, 0));
  }

  run_rapport (&run, "--database", database, "export", "customers", NULL);
  g_assert_cmpint (run.status, ==, 64);
  g_assert_nonnull (strstr (run.err, "-o"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/export/round-trip", test_round_trip);
  g_test_add_func ("/export/mask", test_mask);
  g_test_add_func ("/export/no-overwrite-and-formula-guard", test_no_overwrite);
  g_test_add_func ("/export/empty", test_empty);
  g_test_add_func ("/export/cli", test_cli);

  return g_test_run ();
}
