/* crm-database-file.c — a database file looked at from outside: probing
 * it before opening, checking it, backing it up
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

static gboolean
file_has_sqlite_header (const char  *path,
                        gboolean    *empty,
                        GError     **error)
{
  static const char magic[16] = "SQLite format 3";
  char header[100];
  ssize_t n;
  int fd;

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, CRM_DATABASE_ERROR, CRM_DATABASE_ERROR_UNWRITABLE,
                   _("“%s” cannot be read: %s."), path, g_strerror (saved_errno));
      return FALSE;
    }

  n = read (fd, header, sizeof header);
  close (fd);

  *empty = (n == 0);
  if (n == 0)
    return TRUE;

  if (n < (ssize_t)sizeof header || memcmp (header, magic, sizeof magic) != 0)
    {
      g_set_error (error, CRM_DATABASE_ERROR, CRM_DATABASE_ERROR_CORRUPT,
                   _("“%s” is damaged or is not a database."), path);
      return FALSE;
    }

  return TRUE;
}

/*
 * Looks at an existing file without writing to it: a read-only connection
 * never changes the main database file, so whatever we refuse stays byte
 * for byte as it was.
 */
gboolean
crm_database_probe_existing (const char  *path,
                             gboolean     deep,
                             guint       *version,
                             GError     **error)
{
  sqlite3 *handle = NULL;
  gboolean empty = FALSE;
  gint64 application_id = 0;
  gint64 user_version = 0;
  gint64 n_objects = 0;
  gboolean ret = FALSE;

  if (!file_has_sqlite_header (path, &empty, error))
    return FALSE;

  if (empty)
    {
      *version = 0;
      return TRUE;
    }

  if (sqlite3_open_v2 (path, &handle, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    {
      crm_database_set_handle_error (handle, path, error, "open");
      goto out;
    }

  if (!crm_database_query_int (handle, path, "PRAGMA application_id", &application_id, error) ||
      !crm_database_query_int (handle, path, "PRAGMA user_version", &user_version, error) ||
      !crm_database_query_int (handle, path, "SELECT count(*) FROM sqlite_schema", &n_objects, error))
    goto out;

  if (application_id != CRM_DATABASE_APPLICATION_ID && !(application_id == 0 && n_objects == 0))
    {
      g_set_error (error, CRM_DATABASE_ERROR, CRM_DATABASE_ERROR_FOREIGN,
                   _("“%s” is a database of another program, not of Rapport."), path);
      goto out;
    }

  if (user_version > crm_schema_get_latest ())
    {
      g_set_error (error, CRM_DATABASE_ERROR, CRM_DATABASE_ERROR_NEWER,
                   _("“%s” was written by a newer version of Rapport "
                     "(schema %u; this version knows up to %u). Open it with a newer Rapport."),
                   path, (guint)user_version, crm_schema_get_latest ());
      goto out;
    }

  /* Migrating a damaged file would spread the damage; a full check costs a
   * read of the whole file, so it is only paid before a migration. */
  if (deep && user_version > 0 && user_version < crm_schema_get_latest ())
    {
      sqlite3_stmt *stmt = NULL;

      if (sqlite3_prepare_v2 (handle, "PRAGMA quick_check(1)", -1, &stmt, NULL) != SQLITE_OK ||
          sqlite3_step (stmt) != SQLITE_ROW)
        {
          crm_database_set_handle_error (handle, path, error, "quick_check");
          sqlite3_finalize (stmt);
          goto out;
        }

      if (g_strcmp0 ((const char *)sqlite3_column_text (stmt, 0), "ok") != 0)
        {
          g_set_error (error, CRM_DATABASE_ERROR, CRM_DATABASE_ERROR_CORRUPT,
                       _("“%s” is damaged: %s"), path, sqlite3_column_text (stmt, 0));
          sqlite3_finalize (stmt);
          goto out;
        }

      sqlite3_finalize (stmt);
    }

  *version = (guint)user_version;
  ret = TRUE;

out:
  sqlite3_close (handle);

  return ret;
}

gboolean
crm_database_check_writable (const char  *path,
                             GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);

  /* WAL mode creates files beside the database, so the folder must be
   * writable as well as the file. */
  if (g_access (path, W_OK) != 0 || g_access (dir, W_OK) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, CRM_DATABASE_ERROR, CRM_DATABASE_ERROR_UNWRITABLE,
                   _("“%s” cannot be written: %s."), path, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

gboolean
crm_database_create_empty_file (const char  *path,
                                GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  gboolean dir_existed = g_file_test (dir, G_FILE_TEST_IS_DIR);
  int fd;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, CRM_DATABASE_ERROR, CRM_DATABASE_ERROR_UNWRITABLE,
                   _("The folder “%s” cannot be created: %s."), dir, g_strerror (saved_errno));
      return FALSE;
    }

  /* Customer data is personal data: a folder we create is private. */
  if (!dir_existed)
    g_chmod (dir, 0700);

  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, CRM_DATABASE_ERROR, CRM_DATABASE_ERROR_UNWRITABLE,
                   _("“%s” cannot be created: %s."), path, g_strerror (saved_errno));
      return FALSE;
    }

  close (fd);

  return TRUE;
}

gboolean
crm_database_backup_handle (sqlite3     *source,
                            const char  *source_path,
                            const char  *destination,
                            GError     **error)
{
  g_autofree char *tmp = g_strconcat (destination, ".part", NULL);
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int rc;
  int fd;

  /* Write beside the destination and rename, so a crash never leaves a
   * half-written copy under the final name. */
  g_unlink (tmp);
  fd = g_open (tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, CRM_DATABASE_ERROR, CRM_DATABASE_ERROR_BACKUP,
                   _("The backup “%s” cannot be written: %s."), destination,
                   g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);

  if (sqlite3_open_v2 (tmp, &dest, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
    goto fail;

  backup = sqlite3_backup_init (dest, "main", source, "main");
  if (backup == NULL)
    goto fail;

  do
    rc = sqlite3_backup_step (backup, -1);
  while (rc == SQLITE_BUSY || rc == SQLITE_LOCKED);

  sqlite3_backup_finish (backup);
  if (rc != SQLITE_DONE)
    goto fail;

  if (sqlite3_close (dest) != SQLITE_OK)
    goto fail;
  dest = NULL;

  if (g_rename (tmp, destination) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, CRM_DATABASE_ERROR, CRM_DATABASE_ERROR_BACKUP,
                   _("The backup “%s” cannot be written: %s."), destination,
                   g_strerror (saved_errno));
      g_unlink (tmp);
      return FALSE;
    }

  return TRUE;

fail:
  g_set_error (error, CRM_DATABASE_ERROR, CRM_DATABASE_ERROR_BACKUP,
               _("The backup “%s” cannot be written: %s."), destination,
               dest != NULL ? sqlite3_errmsg (dest) : sqlite3_errmsg (source));
  sqlite3_close (dest);
  g_unlink (tmp);

  return FALSE;
}

/**
 * crm_database_check_file:
 * @path: a database file
 * @health: (out): what was found
 * @report: (nullable): receives one line per finding
 * @error: return location for an error
 *
 * Checks the integrity and the schema version of @path without changing
 * it, as `rapport db check` does.
 *
 * Returns: %FALSE when the file cannot be opened as a Rapport database
 */
gboolean
crm_database_check_file (const char         *path,
                         CrmDatabaseHealth  *health,
                         GString            *report,
                         GError            **error)
{
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;
  guint version = 0;
  guint latest = crm_schema_get_latest ();
  gboolean damaged = FALSE;
  GError *local_error = NULL;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (health != NULL, FALSE);

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, CRM_DATABASE_ERROR, CRM_DATABASE_ERROR_UNWRITABLE,
                   _("“%s” does not exist or is not a file."), path);
      return FALSE;
    }

  if (!crm_database_probe_existing (path, FALSE, &version, &local_error))
    {
      if (g_error_matches (local_error, CRM_DATABASE_ERROR, CRM_DATABASE_ERROR_NEWER))
        {
          *health = CRM_DATABASE_HEALTH_NEWER;
          if (report != NULL)
            g_string_append_printf (report, "%s\n", local_error->message);
          g_clear_error (&local_error);
          return TRUE;
        }

      g_propagate_error (error, local_error);
      return FALSE;
    }

  if (sqlite3_open_v2 (path, &handle, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (handle, "PRAGMA integrity_check(100)", -1, &stmt, NULL) != SQLITE_OK)
    {
      crm_database_set_handle_error (handle, path, error, "integrity_check");
      sqlite3_close (handle);
      return FALSE;
    }

  for (int rc = sqlite3_step (stmt); ; rc = sqlite3_step (stmt))
    {
      const char *line;

      if (rc != SQLITE_ROW)
        {
          if (rc != SQLITE_DONE)
            {
              damaged = TRUE;
              if (report != NULL)
                g_string_append_printf (report, _("Integrity: %s\n"), sqlite3_errmsg (handle));
            }
          break;
        }

      line = (const char *)sqlite3_column_text (stmt, 0);
      if (g_strcmp0 (line, "ok") == 0)
        continue;

      damaged = TRUE;
      if (report != NULL)
        g_string_append_printf (report, _("Integrity: %s\n"), line);
    }

  sqlite3_finalize (stmt);
  sqlite3_close (handle);

  if (report != NULL)
    {
      if (!damaged)
        g_string_append (report, _("Integrity: ok\n"));
      g_string_append_printf (report, _("Schema version: %u (this Rapport: %u)\n"), version, latest);
    }

  if (damaged)
    *health = CRM_DATABASE_HEALTH_DAMAGED;
  else if (version < latest)
    *health = CRM_DATABASE_HEALTH_OLDER;
  else
    *health = CRM_DATABASE_HEALTH_OK;

  return TRUE;
}

/**
 * crm_database_backup_to:
 * @self: a #CrmDatabase
 * @destination: the copy to write; must not exist
 * @error: return location for an error
 *
 * Writes a consistent copy of the open database with SQLite's backup API.
 *
 * Returns: %TRUE when the copy was written
 */
gboolean
crm_database_backup_to (CrmDatabase  *self,
                        const char   *destination,
                        GError      **error)
{
  g_return_val_if_fail (CRM_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (destination != NULL, FALSE);

  if (g_file_test (destination, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, CRM_DATABASE_ERROR, CRM_DATABASE_ERROR_BACKUP,
                   _("“%s” already exists; choose a new file for the backup."), destination);
      return FALSE;
    }

  return crm_database_backup_handle (crm_database_get_handle (self), crm_database_get_path (self),
                                     destination, error);
}

/**
 * crm_database_backup_file:
 * @source: a Rapport database
 * @destination: the copy to write; must not exist
 * @error: return location for an error
 *
 * Copies @source without migrating or otherwise changing it.
 *
 * Returns: %TRUE when the copy was written
 */
gboolean
crm_database_backup_file (const char  *source,
                          const char  *destination,
                          GError     **error)
{
  sqlite3 *handle = NULL;
  guint version = 0;
  gboolean ret;

  g_return_val_if_fail (source != NULL, FALSE);
  g_return_val_if_fail (destination != NULL, FALSE);

  if (!g_file_test (source, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, CRM_DATABASE_ERROR, CRM_DATABASE_ERROR_UNWRITABLE,
                   _("“%s” does not exist or is not a file."), source);
      return FALSE;
    }

  if (g_file_test (destination, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, CRM_DATABASE_ERROR, CRM_DATABASE_ERROR_BACKUP,
                   _("“%s” already exists; choose a new file for the backup."), destination);
      return FALSE;
    }

  if (!crm_database_probe_existing (source, FALSE, &version, error))
    return FALSE;

  if (sqlite3_open_v2 (source, &handle, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    {
      crm_database_set_handle_error (handle, source, error, "open");
      sqlite3_close (handle);
      return FALSE;
    }

  sqlite3_busy_timeout (handle, BUSY_TIMEOUT_MS);
  ret = crm_database_backup_handle (handle, source, destination, error);
  sqlite3_close (handle);

  return ret;
}
