/* crm-csv-writer.h — writing CSV files for spreadsheets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/*
 * What every CSV export shares: cells quoted by libcsv, with a formula
 * guard; a file created (or, when asked, replaced only once complete) and
 * removed again when writing fails.
 */

typedef struct _CrmCsvWriter CrmCsvWriter;

void          crm_csv_append_field  (GString       *out,
                                     const char    *text,
                                     gboolean       first);
CrmCsvWriter *crm_csv_writer_open   (const char    *path,
                                     gboolean       overwrite,
                                     GError       **error);
GOutputStream *crm_csv_writer_get_stream (CrmCsvWriter *self);
gboolean      crm_csv_writer_close  (CrmCsvWriter  *self,
                                     gboolean       ok,
                                     GError       **error);

G_END_DECLS
