/* crm-database-private.h — what the two parts of CrmDatabase share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "crm-database.h"

G_BEGIN_DECLS

/*
 * CrmDatabase is one class in two files, split by responsibility:
 * crm-database.c is the connection (opening, migrating, statements,
 * transactions, the search index), crm-database-file.c looks at the file
 * from outside (probing it before opening, `db check`, backups).
 */

/* How long a writer waits for another connection's lock before giving up. */
#define BUSY_TIMEOUT_MS 5000

void     crm_database_set_handle_error  (sqlite3      *handle,
                                         const char   *path,
                                         GError      **error,
                                         const char   *what);
gboolean crm_database_query_int         (sqlite3      *handle,
                                         const char   *path,
                                         const char   *sql,
                                         gint64       *value,
                                         GError      **error);
gboolean crm_database_probe_existing    (const char   *path,
                                         gboolean      deep,
                                         guint        *version,
                                         GError      **error);
gboolean crm_database_check_writable    (const char   *path,
                                         GError      **error);
gboolean crm_database_create_empty_file (const char   *path,
                                         GError      **error);
gboolean crm_database_backup_handle     (sqlite3      *source,
                                         const char   *source_path,
                                         const char   *destination,
                                         GError      **error);

G_END_DECLS
