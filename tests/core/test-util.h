/* test-util.h — helpers shared by the core tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

/* A fresh folder per test, removed by the isolated-dirs machinery. */
static inline char *
test_tmp_path (const char *name)
{
  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0700), ==, 0);

  return g_build_filename (g_get_user_data_dir (), name, NULL);
}

static inline char *
test_checksum_file (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));

  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *)contents, length);
}

static inline gint64
test_query_int (sqlite3    *handle,
                const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return value;
}

static inline void
test_exec (sqlite3    *handle,
           const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (handle, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

/* Makes a plain SQLite file, as another program would. */
static inline void
test_make_sqlite_file (const char *path,
                       const char *sql)
{
  sqlite3 *handle = NULL;

  g_assert_cmpint (sqlite3_open (path, &handle), ==, SQLITE_OK);
  test_exec (handle, sql);
  g_assert_cmpint (sqlite3_close (handle), ==, SQLITE_OK);
}
