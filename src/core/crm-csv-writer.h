/* crm-csv-writer.h — writing a table of the database to a CSV file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "crm-database.h"

G_BEGIN_DECLS

/* The rows are flushed to the stream when this much is buffered. */
#define CRM_CSV_FLUSH_SIZE (256 * 1024)

/**
 * CrmCsvRowsFunc:
 * @db: the database, inside a read transaction
 * @stream: the file; the BOM is written already
 * @user_data: closure data
 * @error: return location for an error
 *
 * Writes the header and the rows. Returning %FALSE removes the file.
 */
typedef gboolean (*CrmCsvRowsFunc) (CrmDatabase    *db,
                                    GOutputStream  *stream,
                                    gpointer        user_data,
                                    GError        **error);

void     crm_csv_append_field  (GString        *out,
                                const char     *text,
                                gboolean        first);
void     crm_csv_append_row    (GString        *out,
                                const char     *const *fields,
                                guint           n_fields);
gboolean crm_csv_flush         (GOutputStream  *stream,
                                GString        *out,
                                gboolean        force,
                                GError        **error);
gboolean crm_csv_write_file    (CrmDatabase    *db,
                                const char     *path,
                                gboolean        overwrite,
                                CrmCsvRowsFunc  func,
                                gpointer        user_data,
                                GError        **error);

G_END_DECLS
