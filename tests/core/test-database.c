/* test-database.c — opening, creating, migrating and refusing databases
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "crm-database.h"
#include "crm-schema.h"
#include "test-util.h"

static void
test_create_default_location (void)
{
  g_autofree char *path = crm_database_default_path ();
  g_autofree char *folder = g_path_get_dirname (path);
  g_autoptr(CrmDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *handle;
  struct stat st;

  g_assert_true (g_str_has_prefix (path, g_get_user_data_dir ()));
  g_assert_true (g_str_has_suffix (path, "/rapport/rapport.db"));
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));

  db = crm_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (db);

  /* Customer data is personal: only the user may read it. */
  g_assert_cmpint (g_stat (folder, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  handle = crm_database_get_handle (db);
  g_assert_cmpint (test_query_int (handle, "PRAGMA application_id"), ==, CRM_DATABASE_APPLICATION_ID);
  g_assert_cmpint (test_query_int (handle, "PRAGMA user_version"), ==, crm_schema_get_latest ());
  g_assert_cmpint (test_query_int (handle, "PRAGMA foreign_keys"), ==, 1);
  /* 2 is FULL. */
  g_assert_cmpint (test_query_int (handle, "PRAGMA synchronous"), ==, 2);
  g_assert_cmpuint (crm_database_get_schema_version (db), ==, crm_schema_get_latest ());
  g_assert_null (crm_database_get_backup_path (db));

  {
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (sqlite3_prepare_v2 (handle, "PRAGMA journal_mode", -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 0), ==, "wal");
    sqlite3_finalize (stmt);
  }
}

static void
test_environment_path (void)
{
  g_setenv ("RAPPORT_DATABASE", "/tmp/elsewhere.db", TRUE);
  g_assert_cmpstr (crm_database_path_from_environment (), ==, "/tmp/elsewhere.db");
  g_setenv ("RAPPORT_DATABASE", "", TRUE);
  g_assert_null (crm_database_path_from_environment ());
  g_unsetenv ("RAPPORT_DATABASE");
  g_assert_null (crm_database_path_from_environment ());
}

static void
test_reopen_keeps_data (void)
{
  g_autofree char *path = test_tmp_path ("reopen.db");
  g_autoptr(GError) error = NULL;
  CrmDatabase *db;

  db = crm_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (crm_database_exec (db, "INSERT INTO customer (name) VALUES ('北京科技有限公司')", &error));
  g_assert_no_error (error);
  g_assert_finalize_object (db);

  db = crm_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (test_query_int (crm_database_get_handle (db), "SELECT count(*) FROM customer"), ==, 1);
  g_assert_null (crm_database_get_backup_path (db));
  g_assert_finalize_object (db);
}

/* Rows that each schema version can hold, so a migration can be seen to
 * keep them. */
static void
fill_version (sqlite3 *handle,
              guint    version)
{
  if (version >= 1)
    test_exec (handle, "INSERT INTO setting (key, value) VALUES ('owner', '王经理')");
  if (version >= 2)
    test_exec (handle, "INSERT INTO customer (name) VALUES ('上海贸易有限公司')");
  if (version >= 3)
    test_exec (handle, "INSERT INTO contact (customer_id, name, phone) VALUES (1, '赵六', '13800138000')");
}

static void
check_version (sqlite3 *handle,
               guint    version)
{
  if (version >= 1)
    g_assert_cmpint (test_query_int (handle, "SELECT count(*) FROM setting WHERE value = '王经理'"), ==, 1);
  if (version >= 2)
    g_assert_cmpint (test_query_int (handle, "SELECT count(*) FROM customer WHERE name = '上海贸易有限公司'"), ==, 1);
  if (version >= 3)
    g_assert_cmpint (test_query_int (handle, "SELECT count(*) FROM contact WHERE name = '赵六'"), ==, 1);
}

static void
test_migrate_from_every_version (void)
{
  guint latest = crm_schema_get_latest ();
  guint n_steps = 0;
  const CrmSchemaStep *steps = crm_schema_get_steps (&n_steps);

  g_assert_cmpuint (latest, >=, 2);

  /* Versions may skip (branches number their steps apart), so only the
   * versions that exist are tried. */
  for (guint step = 0; step + 1 < n_steps; step++)
    {
      guint version = steps[step].version;
      g_autofree char *name = g_strdup_printf ("v%u.db", version);
      g_autofree char *path = test_tmp_path (name);
      g_autoptr(GError) error = NULL;
      CrmDatabase *db;
      sqlite3 *backup = NULL;

      db = crm_database_open_at_version (path, version, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (crm_database_get_schema_version (db), ==, version);
      fill_version (crm_database_get_handle (db), version);
      g_assert_finalize_object (db);

      db = crm_database_open (path, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (crm_database_get_schema_version (db), ==, latest);
      g_assert_cmpint (test_query_int (crm_database_get_handle (db), "PRAGMA user_version"), ==, latest);
      check_version (crm_database_get_handle (db), version);

      /* The copy taken before migrating is the old database, whole. */
      g_assert_nonnull (crm_database_get_backup_path (db));
      g_assert_true (g_file_test (crm_database_get_backup_path (db), G_FILE_TEST_IS_REGULAR));
      g_assert_cmpint (sqlite3_open_v2 (crm_database_get_backup_path (db), &backup,
                                        SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
      g_assert_cmpint (test_query_int (backup, "PRAGMA user_version"), ==, version);
      check_version (backup, version);
      sqlite3_close (backup);

      g_assert_finalize_object (db);
    }
}

static void
test_migration_failure_rolls_back (void)
{
  g_autofree char *path = test_tmp_path ("blocked.db");
  g_autoptr(GError) error = NULL;
  CrmDatabase *db;
  sqlite3 *handle = NULL;

  /* A version-1 database where step 2 cannot run: its table exists. */
  db = crm_database_open_at_version (path, 1, &error);
  g_assert_no_error (error);
  g_assert_true (crm_database_exec (db, "CREATE TABLE customer (x)", &error));
  g_assert_finalize_object (db);

  db = crm_database_open (path, &error);
  g_assert_error (error, CRM_DATABASE_ERROR, CRM_DATABASE_ERROR_MIGRATION);
  g_assert_null (db);
  g_assert_nonnull (strstr (error->message, path));

  g_assert_cmpint (sqlite3_open_v2 (path, &handle, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (test_query_int (handle, "PRAGMA user_version"), ==, 1);
  g_assert_cmpint (test_query_int (handle, "SELECT count(*) FROM sqlite_schema WHERE name = 'customer_name'"), ==, 0);
  sqlite3_close (handle);
}

static void
assert_refused (const char *path,
                int         code)
{
  g_autofree char *before = test_checksum_file (path);
  g_autofree char *after = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmDatabase) db = NULL;

  db = crm_database_open (path, &error);
  g_assert_error (error, CRM_DATABASE_ERROR, code);
  g_assert_null (db);

  /* The message names the file, so the user knows which one is meant. */
  g_assert_nonnull (strstr (error->message, path));

  after = test_checksum_file (path);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static void
test_refuse_newer (void)
{
  g_autofree char *path = test_tmp_path ("newer.db");
  g_autofree char *sql = NULL;
  g_autoptr(GError) error = NULL;
  CrmDatabase *db;

  db = crm_database_open (path, &error);
  g_assert_no_error (error);
  sql = g_strdup_printf ("PRAGMA journal_mode = DELETE; PRAGMA user_version = %u",
                         crm_schema_get_latest () + 1);
  g_assert_true (crm_database_exec (db, sql, &error));
  g_assert_finalize_object (db);

  assert_refused (path, CRM_DATABASE_ERROR_NEWER);
}

static void
test_refuse_garbage (void)
{
  g_autofree char *path = test_tmp_path ("garbage.db");

  g_assert_true (g_file_set_contents (path, "客户,电话\n张三,13800138000\n", -1, NULL));
  assert_refused (path, CRM_DATABASE_ERROR_CORRUPT);
}

static void
test_refuse_damaged (void)
{
  g_autofree char *path = test_tmp_path ("damaged.db");
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  CrmDatabase *db;
  gsize length;

  db = crm_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (crm_database_exec (db, "PRAGMA journal_mode = DELETE", &error));
  g_assert_finalize_object (db);

  /* Scribble over the schema table's page, past the 100-byte header. */
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 4096);
  memset (contents + 100, 0xA5, 1000);
  g_assert_true (g_file_set_contents (path, contents, length, NULL));

  assert_refused (path, CRM_DATABASE_ERROR_CORRUPT);
}

static void
test_refuse_foreign (void)
{
  g_autofree char *plain = test_tmp_path ("other-program.db");
  g_autofree char *tagged = test_tmp_path ("other-app-id.db");

  test_make_sqlite_file (plain, "CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL);"
                                "INSERT INTO invoices (total) VALUES (12.5);");
  assert_refused (plain, CRM_DATABASE_ERROR_FOREIGN);

  test_make_sqlite_file (tagged, "PRAGMA application_id = 1234; CREATE TABLE t (x);");
  assert_refused (tagged, CRM_DATABASE_ERROR_FOREIGN);
}

static void
test_refuse_unwritable (void)
{
  g_autofree char *blocker = test_tmp_path ("a-file");
  g_autofree char *path = g_build_filename (blocker, "rapport.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmDatabase) db = NULL;

  /* A folder that cannot be created: its parent is a file. This holds even
   * for root, for whom permission bits do not. */
  g_assert_true (g_file_set_contents (blocker, "x", -1, NULL));
  db = crm_database_open (path, &error);
  g_assert_error (error, CRM_DATABASE_ERROR, CRM_DATABASE_ERROR_UNWRITABLE);
  g_assert_null (db);
  {
    g_autofree char *expected = g_compute_checksum_for_string (G_CHECKSUM_SHA256, "x", -1);
    g_autofree char *actual = test_checksum_file (blocker);

    g_assert_cmpstr (actual, ==, expected);
  }
}

static void
test_refuse_read_only_file (void)
{
  g_autofree char *path = test_tmp_path ("read-only.db");
  g_autoptr(GError) error = NULL;
  CrmDatabase *db;

  if (geteuid () == 0)
    {
      g_test_skip ("root can write a read-only file");
      return;
    }

  db = crm_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (crm_database_exec (db, "PRAGMA journal_mode = DELETE", &error));
  g_assert_finalize_object (db);
  g_assert_cmpint (g_chmod (path, 0400), ==, 0);

  assert_refused (path, CRM_DATABASE_ERROR_UNWRITABLE);
}

static void
test_refuse_folder (void)
{
  g_autofree char *path = test_tmp_path ("folder.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmDatabase) db = NULL;

  g_assert_cmpint (g_mkdir_with_parents (path, 0700), ==, 0);
  db = crm_database_open (path, &error);
  g_assert_error (error, CRM_DATABASE_ERROR, CRM_DATABASE_ERROR_UNWRITABLE);
}

static void
test_empty_file_is_initialised (void)
{
  g_autofree char *path = test_tmp_path ("empty.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmDatabase) db = NULL;

  g_assert_true (g_file_set_contents (path, "", 0, NULL));
  db = crm_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (crm_database_get_schema_version (db), ==, crm_schema_get_latest ());
}

static void
test_statement_cache (void)
{
  g_autofree char *path = test_tmp_path ("cache.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmDatabase) db = crm_database_open (path, &error);
  sqlite3_stmt *first;
  sqlite3_stmt *second;

  g_assert_no_error (error);
  first = crm_database_prepare (db, "SELECT count(*) FROM customer WHERE name = ?", &error);
  g_assert_no_error (error);
  sqlite3_bind_text (first, 1, "x", -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (first), ==, SQLITE_ROW);

  /* The same text gives the same statement back, reset and unbound. */
  second = crm_database_prepare (db, "SELECT count(*) FROM customer WHERE name = ?", &error);
  g_assert_true (first == second);
  g_assert_false (sqlite3_stmt_busy (second));

  g_assert_null (crm_database_prepare (db, "SELECT nonsense FROM nowhere", &error));
  g_assert_error (error, CRM_DATABASE_ERROR, CRM_DATABASE_ERROR_SQL);
}

static gboolean
insert_two_then (CrmDatabase  *db,
                 gpointer      user_data,
                 GError      **error)
{
  gboolean fail = GPOINTER_TO_INT (user_data);

  if (!crm_database_exec (db, "INSERT INTO customer (name) VALUES ('甲'); "
                              "INSERT INTO customer (name) VALUES ('乙')", error))
    return FALSE;

  if (fail)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "stop");
      return FALSE;
    }

  return TRUE;
}

static gboolean
nested_failure (CrmDatabase  *db,
                gpointer      user_data,
                GError      **error)
{
  g_autoptr(GError) inner = NULL;

  if (!crm_database_exec (db, "INSERT INTO customer (name) VALUES ('外')", error))
    return FALSE;

  /* The inner failure rolls back only the inner work. */
  g_assert_false (crm_database_transaction (db, insert_two_then, GINT_TO_POINTER (TRUE), &inner));
  g_assert_error (inner, G_IO_ERROR, G_IO_ERROR_FAILED);

  return TRUE;
}

static void
test_transaction (void)
{
  g_autofree char *path = test_tmp_path ("transaction.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmDatabase) db = crm_database_open (path, &error);
  sqlite3 *handle = crm_database_get_handle (db);

  g_assert_false (crm_database_transaction (db, insert_two_then, GINT_TO_POINTER (TRUE), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_false (crm_database_in_transaction (db));
  g_assert_cmpint (test_query_int (handle, "SELECT count(*) FROM customer"), ==, 0);

  g_assert_true (crm_database_transaction (db, insert_two_then, GINT_TO_POINTER (FALSE), &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_query_int (handle, "SELECT count(*) FROM customer"), ==, 2);

  g_assert_true (crm_database_transaction (db, nested_failure, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_query_int (handle, "SELECT count(*) FROM customer"), ==, 3);
  g_assert_cmpint (test_query_int (handle, "SELECT count(*) FROM customer WHERE name = '外'"), ==, 1);
}

static void
test_check_file (void)
{
  g_autofree char *path = test_tmp_path ("check.db");
  g_autofree char *old = test_tmp_path ("old.db");
  g_autofree char *other = test_tmp_path ("other.db");
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  CrmDatabaseHealth health = -1;
  CrmDatabase *db;

  db = crm_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_finalize_object (db);
  g_assert_true (crm_database_check_file (path, &health, report, &error));
  g_assert_no_error (error);
  g_assert_cmpint (health, ==, CRM_DATABASE_HEALTH_OK);
  g_assert_nonnull (strstr (report->str, "ok"));

  db = crm_database_open_at_version (old, 1, &error);
  g_assert_no_error (error);
  g_assert_finalize_object (db);
  {
    g_autofree char *before = test_checksum_file (old);
    g_autofree char *after = NULL;

    g_assert_true (crm_database_check_file (old, &health, NULL, &error));
    g_assert_cmpint (health, ==, CRM_DATABASE_HEALTH_OLDER);
    /* Checking never migrates. */
    after = test_checksum_file (old);
    g_assert_cmpstr (before, ==, after);
  }

  test_make_sqlite_file (other, "CREATE TABLE t (x);");
  g_assert_false (crm_database_check_file (other, &health, NULL, &error));
  g_assert_error (error, CRM_DATABASE_ERROR, CRM_DATABASE_ERROR_FOREIGN);
}

static void
test_backup (void)
{
  g_autofree char *path = test_tmp_path ("source.db");
  g_autofree char *copy = test_tmp_path ("copy.db");
  g_autofree char *copy2 = test_tmp_path ("copy2.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmDatabase) db = crm_database_open (path, &error);
  sqlite3 *handle = NULL;

  g_assert_true (crm_database_exec (db, "INSERT INTO customer (name) VALUES ('广州服务有限公司')", &error));
  g_assert_true (crm_database_backup_to (db, copy, &error));
  g_assert_no_error (error);

  g_assert_cmpint (sqlite3_open_v2 (copy, &handle, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (test_query_int (handle, "SELECT count(*) FROM customer"), ==, 1);
  g_assert_cmpint (test_query_int (handle, "PRAGMA application_id"), ==, CRM_DATABASE_APPLICATION_ID);
  sqlite3_close (handle);

  /* An existing file is never overwritten. */
  g_assert_false (crm_database_backup_to (db, copy, &error));
  g_assert_error (error, CRM_DATABASE_ERROR, CRM_DATABASE_ERROR_BACKUP);
  g_clear_error (&error);

  g_assert_true (crm_database_backup_file (path, copy2, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (copy2, G_FILE_TEST_IS_REGULAR));
}

/* What another program sees in the file, read with the sqlite3 tool. */
static gint64
count_on_disk (const char *path,
               const char *sql)
{
  const char *argv[] = { "sqlite3", path, sql, NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  return g_ascii_strtoll (out, NULL, 10);
}

/* A worker's reader connection, opened and closed while the app's own
 * connection is open, must not cost the app its later commits (a close()
 * of the file outside SQLite drops the process's locks; the reader's close
 * could then delete the write-ahead log the app still writes to). */
static void
test_reader_keeps_writes (void)
{
  g_autofree char *path = test_tmp_path ("reader.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmDatabase) db = crm_database_open (path, &error);

  g_assert_no_error (error);
  g_assert_true (crm_database_exec (db, "INSERT INTO setting VALUES ('a', '1')", &error));

  for (int i = 0; i < 3; i++)
    {
      g_autoptr(CrmDatabase) reader = crm_database_open_reader (path, &error);
      g_autofree char *sql = g_strdup_printf ("INSERT INTO setting VALUES ('b%d', '2')", i);

      g_assert_no_error (error);
      g_assert_cmpuint (crm_database_get_schema_version (reader), ==, crm_schema_get_latest ());
      g_assert_cmpint (test_query_int (crm_database_get_handle (reader), "SELECT count(*) FROM setting"),
                       ==, i + 1);
      g_clear_object (&reader);

      g_assert_true (crm_database_exec (db, sql, &error));
      g_assert_no_error (error);
      g_assert_cmpint (count_on_disk (path, "SELECT count(*) FROM setting"), ==, i + 2);
    }

  /* A reader cannot write. */
  {
    g_autoptr(CrmDatabase) reader = crm_database_open_reader (path, &error);

    g_assert_false (crm_database_exec (reader, "DELETE FROM setting", &error));
    g_assert_nonnull (error);
  }
}

/* search_short's tokenizer (schema 25) gives, token for token and
 * position for position, what unicode61 made of the text with a space
 * around each CJK character (crm_cjk_spaced(), up to schema 24). */
static void
test_search_short_tokens (void)
{
  static const char *texts[] = {
    "北京华达科技有限公司 2026-MFG-001 重点客户 张三 13800138000 zhang.san@example.cn",
    "ＡＢＣ贸易（上海）有限公司 Café Müller 李四Li 　王五 wang5",
    "すずき商事 スズキ 서울무역 ㄅㄆㄇ 々〇 ⺀ abc张三def 1二3",
    "",
    "Ω 中文English混合 ÉCOLE 末尾字",
  };
  g_autofree char *path = test_tmp_path ("tokens.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmDatabase) db = crm_database_open (path, &error);
  sqlite3 *handle;

  g_assert_no_error (error);
  handle = crm_database_get_handle (db);
  test_exec (handle,
             "CREATE TEMP TABLE text (id INTEGER PRIMARY KEY, body TEXT);"
             "CREATE VIRTUAL TABLE temp.now USING fts5 (body, tokenize = 'crm_short', prefix = '1 2');"
             "CREATE VIRTUAL TABLE temp.before USING fts5 (body, tokenize = 'unicode61', prefix = '1 2');"
             "CREATE VIRTUAL TABLE temp.now_terms USING fts5vocab (temp, now, 'instance');"
             "CREATE VIRTUAL TABLE temp.before_terms USING fts5vocab (temp, before, 'instance');");

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (handle, "INSERT INTO temp.text (body) VALUES (?)", -1, &stmt, NULL),
                       ==, SQLITE_OK);
      sqlite3_bind_text (stmt, 1, texts[i], -1, SQLITE_STATIC);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
      sqlite3_finalize (stmt);
    }
  test_exec (handle,
             "INSERT INTO temp.now (rowid, body) SELECT id, body FROM temp.text;"
             "INSERT INTO temp.before (rowid, body) SELECT id, crm_cjk_spaced (body) FROM temp.text;");

  g_assert_cmpint (test_query_int (handle, "SELECT count(*) FROM temp.now_terms"), >, 50);
  g_assert_cmpint (test_query_int (handle, "SELECT count(*) FROM temp.now_terms"),
                   ==, test_query_int (handle, "SELECT count(*) FROM temp.before_terms"));
  g_assert_cmpint (test_query_int (handle,
                                   "SELECT count(*) FROM (SELECT term, doc, offset FROM temp.now_terms"
                                   "  EXCEPT SELECT term, doc, offset FROM temp.before_terms)"),
                   ==, 0);

  /* A query is cut the same way: "张三" is the phrase 张 三. */
  g_assert_cmpint (test_query_int (handle, "SELECT count(*) FROM temp.now WHERE now MATCH '\"张三\"'"), ==, 2);
  g_assert_cmpint (test_query_int (handle, "SELECT count(*) FROM temp.now WHERE now MATCH '\"张 三\"'"), ==, 2);
  g_assert_cmpint (test_query_int (handle, "SELECT count(*) FROM temp.now WHERE now MATCH '\"ab\"*'"), ==, 1);
}

/* How many rows of search_short match @query (FTS5 syntax). */
static gint64
short_matches (sqlite3    *handle,
               const char *query)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_prepare_v2 (handle, "SELECT count(*) FROM search_short WHERE search_short MATCH ?",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, query, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return n;
}

/* A database of schema 24 gets search_short made again from the text of
 * search_customer, and it stays in step with it through edits. */
static void
test_search_short_migration (void)
{
  g_autofree char *path = test_tmp_path ("v24-search.db");
  g_autoptr(GError) error = NULL;
  CrmDatabase *db;
  sqlite3 *handle;

  db = crm_database_open_at_version (path, 24, &error);
  g_assert_no_error (error);
  g_assert_true (crm_database_exec (db, "BEGIN IMMEDIATE", &error));
  g_assert_true (crm_database_exec (db,
                                    "INSERT INTO customer (name) VALUES ('张三贸易有限公司');"
                                    "INSERT INTO contact (customer_id, name, phone) VALUES (1, '李四', '13800138000');"
                                    "INSERT INTO customer (name) VALUES ('Acme Trading');",
                                    &error));
  g_assert_true (crm_database_commit (db, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (db);

  db = crm_database_open (path, &error);
  g_assert_no_error (error);
  handle = crm_database_get_handle (db);
  g_assert_cmpint (short_matches (handle, "\"张\""), ==, 1);
  g_assert_cmpint (short_matches (handle, "\"李 四\""), ==, 1);
  g_assert_cmpint (short_matches (handle, "\"13\"*"), ==, 1);
  g_assert_cmpint (short_matches (handle, "\"ac\"*"), ==, 1);

  /* An edit takes the old words out of both indexes. */
  g_assert_true (crm_database_exec (db, "BEGIN IMMEDIATE", &error));
  g_assert_true (crm_database_exec (db,
                                    "UPDATE customer SET name = '王五科技有限公司' WHERE id = 1;"
                                    "DELETE FROM contact;"
                                    "DELETE FROM customer WHERE id = 2;",
                                    &error));
  g_assert_true (crm_database_commit (db, &error));
  g_assert_no_error (error);
  g_assert_cmpint (short_matches (handle, "\"张\""), ==, 0);
  g_assert_cmpint (short_matches (handle, "\"李 四\""), ==, 0);
  g_assert_cmpint (short_matches (handle, "\"13\"*"), ==, 0);
  g_assert_cmpint (short_matches (handle, "\"ac\"*"), ==, 0);
  g_assert_cmpint (short_matches (handle, "\"王 五\""), ==, 1);
  test_exec (handle, "INSERT INTO search_short (search_short) VALUES ('integrity-check')");
  test_exec (handle, "INSERT INTO search_customer (search_customer) VALUES ('integrity-check')");

  /* A reader connection knows the tokenizer too. */
  {
    g_autoptr(CrmDatabase) reader = crm_database_open_reader (path, &error);

    g_assert_no_error (error);
    g_assert_cmpint (test_query_int (crm_database_get_handle (reader),
                                     "SELECT count(*) FROM search_short WHERE search_short MATCH '\"科 技\"'"),
                     ==, 1);
  }

  g_assert_finalize_object (db);
}

/* Schema 25 writes the customer's checks of type and tier with OR
 * instead of IN (see crm-schema.c): they still refuse what they refused,
 * on the connection that migrated and on a new one, and the file stays
 * intact. */
static void
test_customer_checks_without_lists (void)
{
  g_autofree char *path = test_tmp_path ("checks.db");
  g_autoptr(GError) error = NULL;
  CrmDatabase *db;

  db = crm_database_open_at_version (path, 24, &error);
  g_assert_no_error (error);
  g_assert_true (crm_database_exec (db, "INSERT INTO customer (name, tier, customer_type) VALUES ('甲', 'S', 'returning')", &error));
  g_assert_finalize_object (db);

  for (guint i = 0; i < 2; i++)
    {
      sqlite3 *handle;

      db = crm_database_open (path, &error);
      g_assert_no_error (error);
      handle = crm_database_get_handle (db);

      g_assert_cmpint (test_query_int (handle, "SELECT count(*) FROM sqlite_schema WHERE name = 'customer'"
                                               "  AND (sql LIKE '%tier IN%' OR sql LIKE '%customer_type IN%')"), ==, 0);
      g_assert_cmpint (test_query_int (handle, "SELECT count(*) FROM sqlite_schema WHERE name = 'customer'"
                                               "  AND sql LIKE '%CHECK (tier = ''S'' OR%'"
                                               "  AND sql LIKE '%CHECK (customer_type = ''new'' OR%'"), ==, 1);
      g_assert_false (crm_database_exec (db, "INSERT INTO customer (name, tier) VALUES ('乙', 'D')", &error));
      g_assert_nonnull (strstr (error->message, "CHECK"));
      g_clear_error (&error);
      g_assert_false (crm_database_exec (db, "INSERT INTO customer (name, customer_type) VALUES ('乙', 'vip')", &error));
      g_clear_error (&error);
      g_assert_true (crm_database_exec (db, "INSERT INTO customer (name, tier, customer_type) VALUES ('乙', NULL, 'strategic');"
                                            "DELETE FROM customer WHERE name = '乙'", &error));
      g_assert_no_error (error);
      g_assert_cmpint (test_query_int (handle, "SELECT count(*) FROM customer WHERE tier = 'S' AND customer_type = 'returning'"), ==, 1);
      g_assert_cmpint (test_query_int (handle, "SELECT count(*) FROM pragma_integrity_check WHERE integrity_check = 'ok'"), ==, 1);
      g_assert_finalize_object (db);
    }
}

/* Turns SQLite's defensive mode on for every connection opened after it,
 * as a build of SQLite with SQLITE_DEFAULT_DEFENSIVE would. */
static int
defensive_on (sqlite3                        *handle,
              char                          **message,
              const struct sqlite3_api_routines *api)
{
  sqlite3_db_config (handle, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
  return SQLITE_OK;
}

/* The upgrade to schema 25 edits the customer table's SQL in place,
 * which defensive mode forbids: it still upgrades a schema 24 file, and
 * the connection is defensive again afterwards. */
static void
test_migrate_when_defensive (void)
{
  g_autofree char *path = test_tmp_path ("defensive.db");
  g_autoptr(GError) error = NULL;
  CrmDatabase *db;
  int defensive = -1;

  db = crm_database_open_at_version (path, 24, &error);
  g_assert_no_error (error);
  g_assert_finalize_object (db);

  sqlite3_auto_extension ((void (*) (void)) defensive_on);
  db = crm_database_open (path, &error);
  sqlite3_cancel_auto_extension ((void (*) (void)) defensive_on);
  g_assert_no_error (error);
  g_assert_cmpuint (crm_database_get_schema_version (db), ==, crm_schema_get_latest ());
  g_assert_cmpint (test_query_int (crm_database_get_handle (db),
                                   "SELECT count(*) FROM sqlite_schema WHERE name = 'customer'"
                                   "  AND sql LIKE '%CHECK (tier = ''S'' OR%'"), ==, 1);
  sqlite3_db_config (crm_database_get_handle (db), SQLITE_DBCONFIG_DEFENSIVE, -1, &defensive);
  g_assert_cmpint (defensive, ==, 1);
  g_assert_finalize_object (db);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/database/create-default-location", test_create_default_location);
  g_test_add_func ("/database/environment-path", test_environment_path);
  g_test_add_func ("/database/reopen-keeps-data", test_reopen_keeps_data);
  g_test_add_func ("/database/migrate-from-every-version", test_migrate_from_every_version);
  g_test_add_func ("/database/migration-failure-rolls-back", test_migration_failure_rolls_back);
  g_test_add_func ("/database/refuse/newer", test_refuse_newer);
  g_test_add_func ("/database/refuse/garbage", test_refuse_garbage);
  g_test_add_func ("/database/refuse/damaged", test_refuse_damaged);
  g_test_add_func ("/database/refuse/foreign", test_refuse_foreign);
  g_test_add_func ("/database/refuse/unwritable-folder", test_refuse_unwritable);
  g_test_add_func ("/database/refuse/read-only-file", test_refuse_read_only_file);
  g_test_add_func ("/database/refuse/folder", test_refuse_folder);
  g_test_add_func ("/database/empty-file-is-initialised", test_empty_file_is_initialised);
  g_test_add_func ("/database/statement-cache", test_statement_cache);
  g_test_add_func ("/database/transaction", test_transaction);
  g_test_add_func ("/database/check-file", test_check_file);
  g_test_add_func ("/database/backup", test_backup);
  g_test_add_func ("/database/reader-keeps-writes", test_reader_keeps_writes);
  g_test_add_func ("/database/search-short/tokens", test_search_short_tokens);
  g_test_add_func ("/database/search-short/migration", test_search_short_migration);
  g_test_add_func ("/database/customer-checks-without-lists", test_customer_checks_without_lists);
  g_test_add_func ("/database/migrate-when-defensive", test_migrate_when_defensive);

  return g_test_run ();
}
