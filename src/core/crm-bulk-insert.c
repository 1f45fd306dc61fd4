/* crm-bulk-insert.c — writing many new customers in one transaction, fast
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Inserting 100 000 customers row by row spends much of its time on work
 * that can be done once at the end:
 *
 * - Triggers put every new customer, contact and tag link into
 *   search_pending, about 550 000 small inserts. New customers get ids
 *   above the largest id before the insert (INTEGER PRIMARY KEY without
 *   AUTOINCREMENT hands out max + 1), so the bulk insert drops those
 *   triggers (crm_schema_get_bulk_triggers()) and marks its customers with
 *   one INSERT … SELECT at the end.
 * - Secondary indexes that no insert reads (crm_schema_get_bulk_indexes())
 *   are updated at a random place for every row. When the insert at least
 *   doubles the customers, they are dropped and made again at the end, a
 *   sort of the whole table, which costs less. A small insert into a large
 *   table keeps them: remaking them would cost more than it saves.
 *
 * Both are DDL inside the caller's transaction: the schema is the same
 * after crm_bulk_insert_end(), and a rollback (an error, a kill) restores
 * it with the rows. The undo journal records rows, not DDL, so the action
 * stays one undoable action whose undo removes exactly the rows added.
 * Nothing about durability changes (synchronous=FULL, one transaction).
 */

#define G_LOG_DOMAIN "crm-bulk-insert"

#include "crm-bulk-insert.h"
#include "crm-schema.h"

/* Fewer rows than this are written the ordinary way. */
#define MIN_ROWS_FOR_INDEXES 1000

struct _CrmBulkInsert
{
  CrmDatabase *database;
  gint64       max_id;
  GPtrArray   *saved;       /* the CREATE statements of what was dropped */
};

static gboolean
query_int64 (CrmDatabase  *db,
             const char   *sql,
             gint64       *value,
             GError      **error)
{
  sqlite3_stmt *stmt = crm_database_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;

  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      crm_database_set_sql_error (db, error, sql);
      sqlite3_reset (stmt);
      return FALSE;
    }

  *value = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return TRUE;
}

/* Drops the trigger or index @name, keeping its CREATE statement. */
static gboolean
drop (CrmBulkInsert  *self,
      const char     *name,
      GError        **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *type = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *statement = NULL;

  stmt = crm_database_prepare (self->database,
                               "SELECT type, sql FROM sqlite_schema WHERE name = ?"
                               "  AND type IN ('index', 'trigger') AND sql IS NOT NULL",
                               error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      type = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      sql = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
    }
  sqlite3_reset (stmt);

  /* A database without it (an older schema) has nothing to drop. */
  if (sql == NULL)
    return TRUE;

  statement = g_strdup_printf ("DROP %s \"%s\"", g_str_equal (type, "index") ? "INDEX" : "TRIGGER", name);
  if (!crm_database_exec (self->database, statement, error))
    return FALSE;

  g_ptr_array_add (self->saved, g_steal_pointer (&sql));

  return TRUE;
}

/**
 * crm_bulk_insert_begin:
 * @database: a database inside a transaction
 * @expected_rows: about how many customers will be inserted
 * @error: return location for an error
 *
 * Call before inserting many new customers (never updating existing
 * ones) in the open transaction, and crm_bulk_insert_end() after, in the
 * same transaction.
 *
 * Returns: (transfer full) (nullable): the bulk insert, or %NULL with
 *   @error set (roll back then)
 */
CrmBulkInsert *
crm_bulk_insert_begin (CrmDatabase  *database,
                       guint         expected_rows,
                       GError      **error)
{
  g_autoptr(CrmBulkInsert) self = NULL;
  gint64 n_customers = 0;

  g_return_val_if_fail (CRM_IS_DATABASE (database), NULL);
  g_return_val_if_fail (crm_database_in_transaction (database), NULL);

  self = g_new0 (CrmBulkInsert, 1);
  self->database = g_object_ref (database);
  self->saved = g_ptr_array_new_with_free_func (g_free);

  if (!query_int64 (database, "SELECT ifnull (max (id), 0) FROM customer", &self->max_id, error) ||
      !query_int64 (database, "SELECT count(*) FROM customer", &n_customers, error))
    return NULL;

  for (const char * const *name = crm_schema_get_bulk_triggers (); *name != NULL; name++)
    {
      if (!drop (self, *name, error))
        return NULL;
    }

  if (expected_rows >= MIN_ROWS_FOR_INDEXES && expected_rows >= n_customers)
    {
      for (const char * const *name = crm_schema_get_bulk_indexes (); *name != NULL; name++)
        {
          if (!drop (self, *name, error))
            return NULL;
        }
    }

  return g_steal_pointer (&self);
}

/**
 * crm_bulk_insert_end:
 * @self: (transfer full): a bulk insert
 * @error: return location for an error
 *
 * Makes the dropped indexes and triggers again and marks the new
 * customers for the search index, which crm_database_commit() then
 * builds. Frees @self.
 *
 * Returns: %TRUE on success; on failure roll the transaction back
 */
gboolean
crm_bulk_insert_end (CrmBulkInsert  *self,
                     GError        **error)
{
  g_autoptr(CrmBulkInsert) bulk = self;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (self != NULL, FALSE);

  for (guint i = 0; i < self->saved->len; i++)
    {
      if (!crm_database_exec (self->database, g_ptr_array_index (self->saved, i), error))
        return FALSE;
    }

  stmt = crm_database_prepare (self->database,
                               "INSERT OR IGNORE INTO search_pending SELECT id FROM customer WHERE id > ?",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->max_id);

  return crm_database_step_done (self->database, stmt, error);
}

void
crm_bulk_insert_free (CrmBulkInsert *self)
{
  if (self == NULL)
    return;

  g_ptr_array_unref (self->saved);
  g_object_unref (self->database);
  g_free (self);
}
