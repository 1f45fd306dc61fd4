/* crm-database.c — the one connection to a Rapport database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "crm-database"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "crm-database-private.h"
#include "crm-schema.h"
#include "crm-search-index.h"


struct _CrmDatabase
{
  GObject     parent_instance;

  char       *path;
  char       *backup_path;
  sqlite3    *handle;
  GHashTable *statements;
  guint       schema_version;
};

G_DEFINE_TYPE (CrmDatabase, crm_database, G_TYPE_OBJECT)

G_DEFINE_QUARK (crm-database-error-quark, crm_database_error)

enum {
  PROP_0,
  PROP_PATH,
  PROP_SCHEMA_VERSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
crm_database_finalize (GObject *object)
{
  CrmDatabase *self = (CrmDatabase *)object;

  /* Statements must be finalized before the connection can close. */
  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->handle != NULL)
    {
      if (sqlite3_close (self->handle) != SQLITE_OK)
        g_warning ("Could not close %s: %s", self->path, sqlite3_errmsg (self->handle));
      self->handle = NULL;
    }
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->backup_path, g_free);

  G_OBJECT_CLASS (crm_database_parent_class)->finalize (object);
}

static void
crm_database_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  CrmDatabase *self = CRM_DATABASE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;

    case PROP_SCHEMA_VERSION:
      g_value_set_uint (value, self->schema_version);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_database_class_init (CrmDatabaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = crm_database_finalize;
  object_class->get_property = crm_database_get_property;

  /* SQLite counts every allocation it makes under a global mutex, for
   * sqlite3_memory_used() and a soft heap limit, neither of which Rapport
   * uses: an import of 100 000 customers takes that lock tens of
   * millions of times. This must come before the first connection, and
   * fails harmlessly (SQLITE_MISUSE) if something opened one already. */
  sqlite3_config (SQLITE_CONFIG_MEMSTATUS, 0);

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SCHEMA_VERSION] =
    g_param_spec_uint ("schema-version", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
finalize_statement (gpointer data)
{
  sqlite3_finalize (data);
}

/* The statement cache's hash: the length and three words of the text.
 * g_str_hash() reads every byte, one at a time, and statements are a few
 * hundred bytes long and looked up several times per row of an import;
 * the texts this mixes tell the cached statements apart as well, and
 * g_str_equal() decides the rest. */
static guint
sql_hash (gconstpointer key)
{
  const char *sql = key;
  gsize length = strlen (sql);
  guint64 words[3] = { 0, 0, 0 };
  guint64 hash;

  if (length >= sizeof words[0])
    {
      memcpy (&words[0], sql, sizeof words[0]);
      memcpy (&words[1], sql + (length - sizeof words[1]) / 2, sizeof words[1]);
      memcpy (&words[2], sql + length - sizeof words[2], sizeof words[2]);
    }
  else
    {
      memcpy (&words[0], sql, length);
    }

  hash = length;
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    hash = (hash ^ words[i]) * G_GUINT64_CONSTANT (0x100000001b3);

  return (guint) (hash ^ (hash >> 32));
}

static void
crm_database_init (CrmDatabase *self)
{
  self->statements = g_hash_table_new_full (sql_hash, g_str_equal,
                                            g_free,
                                            finalize_statement);
}

/**
 * crm_database_default_path:
 *
 * Returns: (transfer full): `$XDG_DATA_HOME/rapport/rapport.db`
 */
char *
crm_database_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "rapport", "rapport.db", NULL);
}

/**
 * crm_database_path_from_environment:
 *
 * Returns: (nullable): the database named by `RAPPORT_DATABASE`, if set
 */
const char *
crm_database_path_from_environment (void)
{
  const char *path = g_getenv ("RAPPORT_DATABASE");

  return (path != NULL && *path != '\0') ? path : NULL;
}

guint
crm_database_get_latest_version (void)
{
  return crm_schema_get_latest ();
}

static int
error_code_for_sqlite (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return CRM_DATABASE_ERROR_CORRUPT;

    case SQLITE_CANTOPEN:
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_FULL:
      return CRM_DATABASE_ERROR_UNWRITABLE;

    default:
      return CRM_DATABASE_ERROR_SQL;
    }
}

void
crm_database_set_handle_error (sqlite3     *handle,
                               const char  *path,
                               GError     **error,
                               const char  *what)
{
  int rc = sqlite3_extended_errcode (handle);
  int code = error_code_for_sqlite (rc);

  if (code == CRM_DATABASE_ERROR_CORRUPT)
    g_set_error (error, CRM_DATABASE_ERROR, code,
                 _("“%s” is damaged or is not a database (%s)."),
                 path, sqlite3_errmsg (handle));
  else if (code == CRM_DATABASE_ERROR_UNWRITABLE)
    g_set_error (error, CRM_DATABASE_ERROR, code,
                 _("“%s” cannot be written (%s)."),
                 path, sqlite3_errmsg (handle));
  else
    g_set_error (error, CRM_DATABASE_ERROR, code,
                 "%s: %s", what, sqlite3_errmsg (handle));
}

/**
 * crm_database_set_sql_error:
 * @self: a #CrmDatabase
 * @error: return location for an error
 * @what: what was being done, for the message
 *
 * Sets @error from the connection's last SQLite error.
 */
void
crm_database_set_sql_error (CrmDatabase  *self,
                            GError      **error,
                            const char   *what)
{
  g_return_if_fail (CRM_IS_DATABASE (self));

  crm_database_set_handle_error (self->handle, self->path, error, what);
}

static gboolean
exec_on (sqlite3     *handle,
         const char  *path,
         const char  *sql,
         GError     **error)
{
  if (sqlite3_exec (handle, sql, NULL, NULL, NULL) != SQLITE_OK)
    {
      crm_database_set_handle_error (handle, path, error, sql);
      return FALSE;
    }

  return TRUE;
}

gboolean
crm_database_query_int (sqlite3     *handle,
                        const char  *path,
                        const char  *sql,
                        gint64      *value,
                        GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      crm_database_set_handle_error (handle, path, error, sql);
      return FALSE;
    }

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      crm_database_set_handle_error (handle, path, error, sql);
      sqlite3_finalize (stmt);
      return FALSE;
    }

  *value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return TRUE;
}

static char *
choose_backup_path (const char *path,
                    guint       from_version)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  char *candidate = g_strdup_printf ("%s.v%u-%s.bak", path, from_version, stamp);
  guint i = 1;

  while (g_file_test (candidate, G_FILE_TEST_EXISTS))
    {
      g_free (candidate);
      candidate = g_strdup_printf ("%s.v%u-%s-%u.bak", path, from_version, stamp, i++);
    }

  return candidate;
}

static gboolean
do_nothing (CrmDatabase  *self,
            gpointer      user_data,
            GError      **error)
{
  return TRUE;
}

static gboolean
migrate (CrmDatabase  *self,
         guint         target,
         GError      **error)
{
  const CrmSchemaStep *steps;
  guint n_steps;
  int defensive = 0;
  gboolean ok = TRUE;

  if (self->schema_version >= target)
    return TRUE;

  if (self->schema_version > 0)
    {
      g_autoptr(GError) local_error = NULL;

      self->backup_path = choose_backup_path (self->path, self->schema_version);
      if (!crm_database_backup_handle (self->handle, self->path, self->backup_path, &local_error))
        {
          g_clear_pointer (&self->backup_path, g_free);
          g_set_error (error, CRM_DATABASE_ERROR, CRM_DATABASE_ERROR_MIGRATION,
                       _("“%s” needs an upgrade, but no backup copy could be taken first, "
                         "so it was left as it was. %s"),
                       self->path, local_error->message);
          return FALSE;
        }
    }

  /* Schema 25 edits a table's SQL in place (PRAGMA writable_schema),
   * which SQLite's defensive mode forbids. Debian builds SQLite with it
   * off; a build that turns it on by default would fail that step, so
   * this connection runs the steps without it and gets it back after. */
  sqlite3_db_config (self->handle, SQLITE_DBCONFIG_DEFENSIVE, -1, &defensive);
  if (defensive)
    sqlite3_db_config (self->handle, SQLITE_DBCONFIG_DEFENSIVE, 0, NULL);

  steps = crm_schema_get_steps (&n_steps);
  for (guint i = 0; ok && i < n_steps; i++)
    {
      const CrmSchemaStep *step = &steps[i];
      g_autofree char *pragmas = NULL;
      g_autoptr(GError) local_error = NULL;

      if (step->version <= self->schema_version || step->version > target)
        continue;

      pragmas = g_strdup_printf ("PRAGMA user_version = %u; PRAGMA application_id = %d;",
                                 step->version, CRM_DATABASE_APPLICATION_ID);

      if (!exec_on (self->handle, self->path, "BEGIN IMMEDIATE", &local_error) ||
          !exec_on (self->handle, self->path, step->sql, &local_error) ||
          !exec_on (self->handle, self->path, pragmas, &local_error) ||
          !exec_on (self->handle, self->path, "COMMIT", &local_error))
        {
          if (!sqlite3_get_autocommit (self->handle))
            sqlite3_exec (self->handle, "ROLLBACK", NULL, NULL, NULL);

          g_set_error (error, CRM_DATABASE_ERROR, CRM_DATABASE_ERROR_MIGRATION,
                       _("Upgrading “%s” to schema %u (%s) failed, and the step was undone: %s"),
                       self->path, step->version, step->summary, local_error->message);
          ok = FALSE;
          continue;
        }

      self->schema_version = step->version;
      g_debug ("Migrated %s to schema %u (%s)", self->path, step->version, step->summary);
    }

  if (defensive)
    sqlite3_db_config (self->handle, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
  if (!ok)
    return FALSE;

  /* An empty transaction still commits through crm_database_commit(),
   * which indexes the rows a step marked for the search index. */
  return crm_database_transaction (self, do_nothing, NULL, error);
}

/**
 * crm_database_open_reader:
 * @path: a database this process already has open with crm_database_open()
 * @error: return location for an error
 *
 * Opens a second, read-only connection to @path for a worker thread (a
 * report, the figures of the Reports page, a re-grade's proposals). It
 * neither probes nor migrates the file: probing opens and closes the file
 * outside SQLite, and a close() cancels every POSIX lock this process
 * holds on it, SQLite's own included, after which a closing connection
 * may delete the write-ahead log the other one still writes to, losing
 * its commits (see “How To Corrupt An SQLite Database File”, 2.2).
 *
 * Returns: (transfer full) (nullable): the connection, or %NULL with
 *   @error set
 */
CrmDatabase *
crm_database_open_reader (const char  *path,
                          GError     **error)
{
  g_autoptr(CrmDatabase) self = NULL;
  gint64 version = 0;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (CRM_TYPE_DATABASE, NULL);
  self->path = g_strdup (path);

  if (sqlite3_open_v2 (path, &self->handle, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    {
      crm_database_set_handle_error (self->handle, path, error, "open");
      return NULL;
    }

  sqlite3_extended_result_codes (self->handle, TRUE);
  sqlite3_busy_timeout (self->handle, BUSY_TIMEOUT_MS);
  if (!crm_search_index_add_functions (self->handle, path, error))
    return NULL;

  if (!crm_database_query_int (self->handle, path, "PRAGMA user_version", &version, error))
    return NULL;
  self->schema_version = (guint)version;

  return g_steal_pointer (&self);
}

/**
 * crm_database_open_at_version:
 * @path: the database file
 * @version: the schema version to bring the file to; tests use this to
 *   build databases of older releases
 * @error: return location for a #CrmDatabaseError
 *
 * Like crm_database_open(), but stops migrating at @version.
 *
 * Returns: (transfer full) (nullable): the database
 */
CrmDatabase *
crm_database_open_at_version (const char  *path,
                              guint        version,
                              GError     **error)
{
  g_autoptr(CrmDatabase) self = NULL;
  guint current = 0;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (version <= crm_schema_get_latest (), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, CRM_DATABASE_ERROR, CRM_DATABASE_ERROR_UNWRITABLE,
                   _("“%s” is a folder, not a database file."), path);
      return NULL;
    }

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      if (!crm_database_probe_existing (path, TRUE, &current, error) || !crm_database_check_writable (path, error))
        return NULL;
    }
  else if (!crm_database_create_empty_file (path, error))
    {
      return NULL;
    }

  self = g_object_new (CRM_TYPE_DATABASE, NULL);
  self->path = g_strdup (path);
  self->schema_version = current;

  rc = sqlite3_open_v2 (path, &self->handle, SQLITE_OPEN_READWRITE, NULL);
  if (rc != SQLITE_OK)
    {
      crm_database_set_handle_error (self->handle, path, error, "open");
      return NULL;
    }

  sqlite3_extended_result_codes (self->handle, TRUE);
  sqlite3_busy_timeout (self->handle, BUSY_TIMEOUT_MS);
  if (!crm_search_index_add_functions (self->handle, path, error))
    return NULL;

  /* WAL keeps readers and the writer apart; FULL syncs the WAL on every
   * commit, so a power cut cannot lose a committed edit. A 16 MB page
   * cache (the default is 2 MB) keeps the pages that report figures look
   * customers up in across queries. */
  if (!exec_on (self->handle, path,
                "PRAGMA journal_mode = WAL;"
                "PRAGMA synchronous = FULL;"
                "PRAGMA foreign_keys = ON;"
                "PRAGMA cache_size = -16000;",
                error))
    return NULL;

  if (!migrate (self, version, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * crm_database_open:
 * @path: the database file; created (with its folder) when missing
 * @error: return location for a #CrmDatabaseError
 *
 * Opens a Rapport database, bringing an older one to the current schema
 * after taking a backup copy. Refuses, leaving the file untouched, a file
 * of a newer Rapport, a damaged file, another program's database and a
 * file that cannot be written.
 *
 * Returns: (transfer full) (nullable): the database
 */
CrmDatabase *
crm_database_open (const char  *path,
                   GError     **error)
{
  return crm_database_open_at_version (path, crm_schema_get_latest (), error);
}

const char *
crm_database_get_path (CrmDatabase *self)
{
  g_return_val_if_fail (CRM_IS_DATABASE (self), NULL);

  return self->path;
}

guint
crm_database_get_schema_version (CrmDatabase *self)
{
  g_return_val_if_fail (CRM_IS_DATABASE (self), 0);

  return self->schema_version;
}

/**
 * crm_database_get_backup_path:
 * @self: a #CrmDatabase
 *
 * Returns: (nullable): the copy taken before this open migrated the file
 */
const char *
crm_database_get_backup_path (CrmDatabase *self)
{
  g_return_val_if_fail (CRM_IS_DATABASE (self), NULL);

  return self->backup_path;
}

sqlite3 *
crm_database_get_handle (CrmDatabase *self)
{
  g_return_val_if_fail (CRM_IS_DATABASE (self), NULL);

  return self->handle;
}

/**
 * crm_database_prepare:
 * @self: a #CrmDatabase
 * @sql: one SQL statement, with `?` parameters for every value
 * @error: return location for an error
 *
 * Returns the cached statement for @sql, reset and with its bindings
 * cleared. The statement belongs to the cache: do not finalize it, and do
 * not prepare the same text again while stepping it.
 *
 * Returns: (transfer none) (nullable): the statement
 */
sqlite3_stmt *
crm_database_prepare (CrmDatabase  *self,
                      const char   *sql,
                      GError      **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CRM_IS_DATABASE (self), NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  if (sqlite3_prepare_v3 (self->handle, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      crm_database_set_handle_error (self->handle, self->path, error, sql);
      return NULL;
    }

  g_hash_table_insert (self->statements, g_strdup (sql), stmt);

  return stmt;
}

/**
 * crm_database_exec:
 * @self: a #CrmDatabase
 * @sql: statements without parameters (never built from user text)
 * @error: return location for an error
 *
 * Returns: %TRUE when every statement ran
 */
gboolean
crm_database_exec (CrmDatabase  *self,
                   const char   *sql,
                   GError      **error)
{
  g_return_val_if_fail (CRM_IS_DATABASE (self), FALSE);

  return exec_on (self->handle, self->path, sql, error);
}

/**
 * crm_database_next_code_number:
 * @self: a #CrmDatabase inside a write transaction
 * @year: the counter's year (0 for a series that does not restart)
 * @series: the counter's series, such as an industry code
 * @error: return location for an error
 *
 * Draws the next number of the (@year, @series) counter of the codes
 * records get (customer codes, requirement numbers). The counter is
 * bumped in the transaction that uses the number, under BEGIN IMMEDIATE,
 * so two writers never draw the same one; it is outside the journal, so
 * an undone action keeps its number spent and no number is reused.
 *
 * Returns: the number, from 1, or 0 with @error set
 */
gint64
crm_database_next_code_number (CrmDatabase  *self,
                               int           year,
                               const char   *series,
                               GError      **error)
{
  sqlite3_stmt *stmt;
  gint64 number;

  g_return_val_if_fail (CRM_IS_DATABASE (self), 0);
  g_return_val_if_fail (series != NULL, 0);

  stmt = crm_database_prepare (self,
                               "INSERT INTO code_counter (year, industry_code, last_seq) VALUES (?, ?, 1)"
                               "  ON CONFLICT (year, industry_code) DO UPDATE SET last_seq = last_seq + 1"
                               "  RETURNING last_seq",
                               error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int (stmt, 1, year);
  sqlite3_bind_text (stmt, 2, series, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      crm_database_set_sql_error (self, error, "code_counter");
      sqlite3_reset (stmt);
      return 0;
    }
  number = sqlite3_column_int64 (stmt, 0);
  sqlite3_step (stmt);
  sqlite3_reset (stmt);

  return number;
}

/**
 * crm_database_step_done:
 * @self: a #CrmDatabase
 * @stmt: a statement that returns no rows
 * @error: return location for an error
 *
 * Runs @stmt to completion and resets it.
 *
 * Returns: %TRUE on success
 */
gboolean
crm_database_step_done (CrmDatabase   *self,
                        sqlite3_stmt  *stmt,
                        GError       **error)
{
  int rc;

  g_return_val_if_fail (CRM_IS_DATABASE (self), FALSE);

  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      crm_database_set_handle_error (self->handle, self->path, error, sqlite3_sql (stmt));
      return FALSE;
    }

  return TRUE;
}

/**
 * crm_database_commit:
 * @self: a #CrmDatabase
 * @error: return location for an error
 *
 * Brings derived data (the search index) up to date and commits the open
 * transaction. Every top-level commit goes through here.
 *
 * Returns: %TRUE when committed; on failure the transaction is still open
 *   and the caller rolls it back
 */
gboolean
crm_database_commit (CrmDatabase  *self,
                     GError      **error)
{
  g_return_val_if_fail (CRM_IS_DATABASE (self), FALSE);

  return crm_search_index_flush (self, error) &&
         crm_database_exec (self, "COMMIT", error);
}

gboolean
crm_database_in_transaction (CrmDatabase *self)
{
  g_return_val_if_fail (CRM_IS_DATABASE (self), FALSE);

  return !sqlite3_get_autocommit (self->handle);
}

/**
 * crm_database_transaction:
 * @self: a #CrmDatabase
 * @func: the work to do
 * @user_data: data for @func
 * @error: return location for an error
 *
 * Runs @func inside `BEGIN IMMEDIATE` … `COMMIT`, or inside a savepoint
 * when a transaction is already open, and rolls back when @func fails, so
 * its changes land whole or not at all.
 *
 * Returns: %TRUE when @func succeeded and its changes were committed
 */
gboolean
crm_database_transaction (CrmDatabase      *self,
                          CrmDatabaseFunc   func,
                          gpointer          user_data,
                          GError          **error)
{
  gboolean nested;

  g_return_val_if_fail (CRM_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  nested = crm_database_in_transaction (self);

  if (!crm_database_exec (self, nested ? "SAVEPOINT crm_nested" : "BEGIN IMMEDIATE", error))
    return FALSE;

  if (!func (self, user_data, error))
    {
      if (nested)
        sqlite3_exec (self->handle, "ROLLBACK TO crm_nested; RELEASE crm_nested", NULL, NULL, NULL);
      else
        sqlite3_exec (self->handle, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }

  if (nested ? !crm_database_exec (self, "RELEASE crm_nested", error)
             : !crm_database_commit (self, error))
    {
      if (!nested && crm_database_in_transaction (self))
        sqlite3_exec (self->handle, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }

  return TRUE;
}
