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
 *
 * - The undo journal's session extension copies every row an action
 *   writes, and the changeset it makes is stored with the action: for
 *   100 000 customers 80 MB, a quarter of the database, and about a sixth
 *   of the import's time. Every row a bulk insert adds has an id above the
 *   largest before it (customers, tags) or belongs to such a customer
 *   (contacts, cooperation records, tag links: ON DELETE CASCADE), so
 *   while one runs under the journal (crm_bulk_insert_track()) the
 *   journal leaves those tables (crm_schema_is_bulk_table()) out of its
 *   session and stores crm_bulk_insert_take_record() instead: the last
 *   ids before and the numbers of rows added. Undo
 *   (crm_bulk_insert_undo()) deletes those rows under a session and keeps
 *   what it deleted as the action's changeset, so redo, and every undo
 *   after it, work as for any other action. Undo always reverts the
 *   newest action still done, so the rows above those ids are the ones
 *   the action added; a count that differs refuses the undo.
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
  gint64       max_tag_id;
  GPtrArray   *saved;       /* the CREATE statements of what was dropped */
};

/* What a database's journal needs to know of its bulk inserts. */
typedef struct
{
  gboolean tracking;        /* a journal is recording the transaction */
  gboolean running;         /* between begin and end (or free) */
  gboolean has_record;
  gint64   customer_after;
  gint64   n_customers;
  gint64   tag_after;
  gint64   n_tags;
  GHashTable *tag_ids;      /* tag name → id, while running */
} BulkState;

static void
free_state (gpointer data)
{
  BulkState *state = data;

  g_clear_pointer (&state->tag_ids, g_hash_table_unref);
  g_free (state);
}

static BulkState *
get_state (CrmDatabase *database)
{
  static GQuark quark;
  BulkState *state;

  if (quark == 0)
    quark = g_quark_from_static_string ("crm-bulk-insert-state");

  state = g_object_get_qdata (G_OBJECT (database), quark);
  if (state == NULL)
    {
      state = g_new0 (BulkState, 1);
      g_object_set_qdata_full (G_OBJECT (database), quark, state, free_state);
    }

  return state;
}

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
      !query_int64 (database, "SELECT ifnull (max (id), 0) FROM tag", &self->max_tag_id, error) ||
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

  get_state (database)->running = TRUE;

  return g_steal_pointer (&self);
}

/* Notes the rows added, for the journal's undo record. */
static gboolean
note_record (CrmBulkInsert  *self,
             GError        **error)
{
  BulkState *state = get_state (self->database);
  gint64 n_customers = 0;
  gint64 n_tags = 0;
  sqlite3_stmt *stmt;

  if (!state->tracking)
    return TRUE;

  stmt = crm_database_prepare (self->database,
                               "SELECT (SELECT count(*) FROM customer WHERE id > ?1),"
                               "       (SELECT count(*) FROM tag WHERE id > ?2)",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->max_id);
  sqlite3_bind_int64 (stmt, 2, self->max_tag_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      crm_database_set_sql_error (self->database, error, "count the rows added");
      sqlite3_reset (stmt);
      return FALSE;
    }
  n_customers = sqlite3_column_int64 (stmt, 0);
  n_tags = sqlite3_column_int64 (stmt, 1);
  sqlite3_reset (stmt);

  /* A second bulk insert in the same action adds above the first. */
  if (!state->has_record)
    {
      state->has_record = TRUE;
      state->customer_after = self->max_id;
      state->tag_after = self->max_tag_id;
      state->n_customers = 0;
      state->n_tags = 0;
    }
  state->n_customers += n_customers;
  state->n_tags += n_tags;

  return TRUE;
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

  return crm_database_step_done (self->database, stmt, error) &&
         note_record (self, error);
}

void
crm_bulk_insert_free (CrmBulkInsert *self)
{
  if (self == NULL)
    return;

  get_state (self->database)->running = FALSE;
  g_clear_pointer (&get_state (self->database)->tag_ids, g_hash_table_unref);
  g_ptr_array_unref (self->saved);
  g_object_unref (self->database);
  g_free (self);
}

/**
 * crm_bulk_insert_track:
 * @database: a #CrmDatabase
 * @tracking: whether a journal records the transaction now open
 *
 * The journal calls this around each action it records: while tracked,
 * a bulk insert leaves an undo record for crm_bulk_insert_take_record().
 * Either call forgets a record not taken.
 */
void
crm_bulk_insert_track (CrmDatabase *database,
                       gboolean     tracking)
{
  BulkState *state;

  g_return_if_fail (CRM_IS_DATABASE (database));

  state = get_state (database);
  state->tracking = tracking;
  state->has_record = FALSE;
}

/**
 * crm_bulk_insert_is_running:
 * @database: a #CrmDatabase
 *
 * Returns: %TRUE between crm_bulk_insert_begin() and its end, when the
 *   tables crm_schema_is_bulk_table() names are only added to
 */
gboolean
crm_bulk_insert_is_running (CrmDatabase *database)
{
  g_return_val_if_fail (CRM_IS_DATABASE (database), FALSE);

  return get_state (database)->running;
}

/**
 * crm_bulk_insert_lookup_tag:
 * @database: a #CrmDatabase
 * @name: a tag's name
 *
 * While a bulk insert runs, tags are only added, so a tag's id, once
 * read, stays what it is: the customer store reads it once per bulk
 * insert instead of once per customer (crm_bulk_insert_remember_tag()).
 *
 * Returns: the id of the tag @name, or 0 when it is not known or no bulk
 *   insert is running
 */
gint64
crm_bulk_insert_lookup_tag (CrmDatabase *database,
                            const char  *name)
{
  BulkState *state;

  g_return_val_if_fail (CRM_IS_DATABASE (database), 0);
  g_return_val_if_fail (name != NULL, 0);

  state = get_state (database);
  if (!state->running || state->tag_ids == NULL)
    return 0;

  return GPOINTER_TO_SIZE (g_hash_table_lookup (state->tag_ids, name));
}

/**
 * crm_bulk_insert_remember_tag:
 * @database: a #CrmDatabase
 * @name: a tag's name
 * @id: its id
 *
 * Keeps the id of a tag for crm_bulk_insert_lookup_tag() until the bulk
 * insert ends; does nothing when none is running.
 */
void
crm_bulk_insert_remember_tag (CrmDatabase *database,
                              const char  *name,
                              gint64       id)
{
  BulkState *state;

  g_return_if_fail (CRM_IS_DATABASE (database));
  g_return_if_fail (name != NULL);

  state = get_state (database);
  if (!state->running || id <= 0 || (guint64) id > G_MAXSIZE)
    return;

  if (state->tag_ids == NULL)
    state->tag_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_hash_table_insert (state->tag_ids, g_strdup (name), GSIZE_TO_POINTER ((gsize) id));
}

/**
 * crm_bulk_insert_take_record:
 * @database: a #CrmDatabase tracked with crm_bulk_insert_track()
 *
 * Returns: (transfer full) (nullable): which rows the bulk inserts of the
 *   action added, as JSON for crm_bulk_insert_undo(), or %NULL when they
 *   added none
 */
char *
crm_bulk_insert_take_record (CrmDatabase *database)
{
  BulkState *state;

  g_return_val_if_fail (CRM_IS_DATABASE (database), NULL);

  state = get_state (database);
  if (!state->has_record)
    return NULL;

  state->has_record = FALSE;

  /* Like an empty changeset, a bulk insert that added nothing (every row
   * of the file rejected) leaves nothing to undo. */
  if (state->n_customers == 0 && state->n_tags == 0)
    return NULL;

  return g_strdup_printf ("{\"customer\":[%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT "],"
                          "\"tag\":[%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT "]}",
                          state->customer_after, state->n_customers,
                          state->tag_after, state->n_tags);
}

/* Deletes the rows of @table above the id at @path[0] of @record and
 * checks that there were @path[1] of them. */
static gboolean
delete_above (CrmDatabase  *database,
              const char   *sql,
              const char   *record,
              const char   *path,
              gboolean     *conflicted,
              GError      **error)
{
  g_autofree char *after_path = g_strconcat (path, "[0]", NULL);
  g_autofree char *count_path = g_strconcat (path, "[1]", NULL);
  sqlite3_stmt *stmt;
  gint64 after, expected;

  stmt = crm_database_prepare (database, "SELECT json_extract (?1, ?2), json_extract (?1, ?3)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, record, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, after_path, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, count_path, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW ||
      sqlite3_column_type (stmt, 0) != SQLITE_INTEGER ||
      sqlite3_column_type (stmt, 1) != SQLITE_INTEGER)
    {
      sqlite3_reset (stmt);
      *conflicted = TRUE;
      return FALSE;
    }
  after = sqlite3_column_int64 (stmt, 0);
  expected = sqlite3_column_int64 (stmt, 1);
  sqlite3_reset (stmt);

  stmt = crm_database_prepare (database, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, after);
  if (!crm_database_step_done (database, stmt, error))
    return FALSE;

  if (sqlite3_changes64 (crm_database_get_handle (database)) != expected)
    {
      *conflicted = TRUE;
      return FALSE;
    }

  return TRUE;
}

/**
 * crm_bulk_insert_undo:
 * @database: a database inside the transaction of the undo
 * @record: what crm_bulk_insert_take_record() gave for the action
 * @conflicted: (out): set when the rows are not those the action added
 * @error: return location for an error
 *
 * Deletes the rows @record names: the customers (with their contacts,
 * cooperation records and tag links) and the tags the action added.
 *
 * Returns: %TRUE on success; %FALSE with @conflicted set or @error set
 */
gboolean
crm_bulk_insert_undo (CrmDatabase  *database,
                      const char   *record,
                      gboolean     *conflicted,
                      GError      **error)
{
  g_return_val_if_fail (CRM_IS_DATABASE (database), FALSE);
  g_return_val_if_fail (record != NULL, FALSE);
  g_return_val_if_fail (conflicted != NULL, FALSE);

  *conflicted = FALSE;

  return delete_above (database, "DELETE FROM customer WHERE id > ?", record, "$.customer",
                       conflicted, error) &&
         delete_above (database, "DELETE FROM tag WHERE id > ?", record, "$.tag",
                       conflicted, error);
}
