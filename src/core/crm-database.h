/* crm-database.h — the one connection to a Rapport database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>
#include <gio/gio.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/**
 * CrmDatabaseError:
 * @CRM_DATABASE_ERROR_NEWER: the file was written by a newer Rapport
 *   (its schema version is above the one this build knows).
 * @CRM_DATABASE_ERROR_CORRUPT: the file is damaged or is not a database.
 * @CRM_DATABASE_ERROR_FOREIGN: the file is an SQLite database of another
 *   program.
 * @CRM_DATABASE_ERROR_UNWRITABLE: the file or its folder cannot be written.
 * @CRM_DATABASE_ERROR_MIGRATION: a schema migration failed; the database was
 *   rolled back to its previous version and a backup copy is kept.
 * @CRM_DATABASE_ERROR_SQL: an SQL statement failed; the message carries
 *   SQLite's own text.
 * @CRM_DATABASE_ERROR_BACKUP: a backup copy could not be written.
 *
 * Errors in the `crm-database-error-quark` domain. Whenever opening fails
 * with one of the first four codes the file is left byte for byte as it was.
 */
typedef enum
{
  CRM_DATABASE_ERROR_NEWER,
  CRM_DATABASE_ERROR_CORRUPT,
  CRM_DATABASE_ERROR_FOREIGN,
  CRM_DATABASE_ERROR_UNWRITABLE,
  CRM_DATABASE_ERROR_MIGRATION,
  CRM_DATABASE_ERROR_SQL,
  CRM_DATABASE_ERROR_BACKUP,
} CrmDatabaseError;

#define CRM_DATABASE_ERROR (crm_database_error_quark ())

/* The value of `PRAGMA application_id` in every Rapport database ("RPRT"). */
#define CRM_DATABASE_APPLICATION_ID 0x52505254

#define CRM_TYPE_DATABASE (crm_database_get_type ())

G_DECLARE_FINAL_TYPE (CrmDatabase, crm_database, CRM, DATABASE, GObject)

/**
 * CrmDatabaseFunc:
 * @db: the database, inside a transaction
 * @user_data: closure data
 * @error: return location for an error
 *
 * Work run by crm_database_transaction(). Returning %FALSE rolls back.
 */
typedef gboolean (*CrmDatabaseFunc) (CrmDatabase  *db,
                                     gpointer      user_data,
                                     GError      **error);

GQuark        crm_database_error_quark          (void);
char         *crm_database_default_path         (void);
const char   *crm_database_path_from_environment (void);
guint         crm_database_get_latest_version   (void);

CrmDatabase  *crm_database_open                 (const char       *path,
                                                 GError          **error);
CrmDatabase  *crm_database_open_reader          (const char       *path,
                                                 GError          **error);
CrmDatabase  *crm_database_open_at_version      (const char       *path,
                                                 guint             version,
                                                 GError          **error);
const char   *crm_database_get_path             (CrmDatabase      *self);
guint         crm_database_get_schema_version   (CrmDatabase      *self);
const char   *crm_database_get_backup_path      (CrmDatabase      *self);
sqlite3      *crm_database_get_handle           (CrmDatabase      *self);

sqlite3_stmt *crm_database_prepare              (CrmDatabase      *self,
                                                 const char       *sql,
                                                 GError          **error);
gboolean      crm_database_exec                 (CrmDatabase      *self,
                                                 const char       *sql,
                                                 GError          **error);
gboolean      crm_database_step_done            (CrmDatabase      *self,
                                                 sqlite3_stmt     *stmt,
                                                 GError          **error);
gboolean      crm_database_transaction          (CrmDatabase      *self,
                                                 CrmDatabaseFunc   func,
                                                 gpointer          user_data,
                                                 GError          **error);
gboolean      crm_database_in_transaction       (CrmDatabase      *self);
gint64        crm_database_next_code_number     (CrmDatabase      *self,
                                                 int               year,
                                                 const char       *series,
                                                 GError          **error);
gboolean      crm_database_commit               (CrmDatabase      *self,
                                                 GError          **error);

/**
 * CrmDatabaseHealth:
 * @CRM_DATABASE_HEALTH_OK: intact and at this build's schema version.
 * @CRM_DATABASE_HEALTH_DAMAGED: `PRAGMA integrity_check` found problems.
 * @CRM_DATABASE_HEALTH_OLDER: intact, from an older Rapport; opening it in
 *   the app migrates it (after taking a backup copy).
 * @CRM_DATABASE_HEALTH_NEWER: from a newer Rapport; this build will not
 *   open it.
 *
 * What crm_database_check_file() found. The values are also the exit
 * status of `rapport db check`.
 */
typedef enum
{
  CRM_DATABASE_HEALTH_OK = 0,
  CRM_DATABASE_HEALTH_DAMAGED = 1,
  CRM_DATABASE_HEALTH_OLDER = 2,
  CRM_DATABASE_HEALTH_NEWER = 3,
} CrmDatabaseHealth;

gboolean      crm_database_check_file           (const char       *path,
                                                 CrmDatabaseHealth *health,
                                                 GString          *report,
                                                 GError          **error);
gboolean      crm_database_backup_file          (const char       *source,
                                                 const char       *destination,
                                                 GError          **error);
gboolean      crm_database_backup_to            (CrmDatabase      *self,
                                                 const char       *destination,
                                                 GError          **error);

void          crm_database_set_sql_error        (CrmDatabase      *self,
                                                 GError          **error,
                                                 const char       *what);

G_END_DECLS
