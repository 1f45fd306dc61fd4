/* crm-drafts.c — unsaved editor input kept in the database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "crm-drafts.h"

gboolean
crm_drafts_set (CrmDatabase  *db,
                const char   *key,
                const char   *value,
                GError      **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CRM_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  stmt = crm_database_prepare (db,
                               "INSERT INTO draft (key, value) VALUES (?1, ?2)"
                               "  ON CONFLICT (key) DO UPDATE SET value = ?2,"
                               "  updated_at = strftime ('%Y-%m-%dT%H:%M:%SZ', 'now')",
                               error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, value, -1, SQLITE_TRANSIENT);

  return crm_database_step_done (db, stmt, error);
}

/**
 * crm_drafts_get:
 * @db: a #CrmDatabase
 * @key: what the draft is of
 *
 * Returns: (transfer full) (nullable): the draft, if one was left
 */
char *
crm_drafts_get (CrmDatabase *db,
                const char  *key)
{
  sqlite3_stmt *stmt;
  char *value = NULL;

  g_return_val_if_fail (CRM_IS_DATABASE (db), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  stmt = crm_database_prepare (db, "SELECT value FROM draft WHERE key = ?", NULL);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);

  return value;
}

gboolean
crm_drafts_clear (CrmDatabase  *db,
                  const char   *key,
                  GError      **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CRM_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  stmt = crm_database_prepare (db, "DELETE FROM draft WHERE key = ?", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);

  return crm_database_step_done (db, stmt, error);
}

/**
 * crm_drafts_list:
 * @db: a #CrmDatabase
 * @prefix: a key prefix such as "customer:"
 *
 * Returns: (transfer full): the keys of the drafts left, newest first
 */
GStrv
crm_drafts_list (CrmDatabase *db,
                 const char  *prefix)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CRM_IS_DATABASE (db), NULL);

  stmt = crm_database_prepare (db,
                               "SELECT key FROM draft WHERE substr (key, 1, length (?1)) = ?1"
                               "  ORDER BY updated_at DESC",
                               NULL);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, prefix != NULL ? prefix : "", -1, SQLITE_TRANSIENT);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_strv_builder_add (builder, (const char *)sqlite3_column_text (stmt, 0));
      sqlite3_reset (stmt);
    }

  return g_strv_builder_end (builder);
}
