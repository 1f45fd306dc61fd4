/* crm-sql-bind.h — binding optional values to statements
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* An empty or missing text is stored as NULL, so "unset" has one form in
 * the database as in the record objects. */
static inline void
crm_sql_bind_text_or_null (sqlite3_stmt *stmt,
                           int           index,
                           const char   *text)
{
  if (text == NULL || *text == '\0')
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

/* @null_value (-1 for "unknown", 0 for "none") is stored as NULL. */
static inline void
crm_sql_bind_int_or_null (sqlite3_stmt *stmt,
                          int           index,
                          gint64        value,
                          gint64        null_value)
{
  if (value == null_value)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int64 (stmt, index, value);
}

G_END_DECLS
