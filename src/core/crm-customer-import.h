/* crm-customer-import.h — importing customers from a CSV file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "crm-customer-store.h"

G_BEGIN_DECLS

/**
 * CrmImportError:
 * @CRM_IMPORT_ERROR_EMPTY: the file has no header or no rows.
 * @CRM_IMPORT_ERROR_ENCODING: the file is neither UTF-8 nor GB18030 text
 *   (a binary file, a spreadsheet, UTF-16).
 * @CRM_IMPORT_ERROR_NO_NAME_COLUMN: no column of the header holds the
 *   customer name.
 * @CRM_IMPORT_ERROR_MALFORMED: the file is not valid CSV (a quote left
 *   open, text after a closing quote); the message names the row.
 *
 * Errors in the `crm-import-error-quark` domain. With any of them nothing
 * was imported.
 */
typedef enum
{
  CRM_IMPORT_ERROR_EMPTY,
  CRM_IMPORT_ERROR_ENCODING,
  CRM_IMPORT_ERROR_NO_NAME_COLUMN,
  CRM_IMPORT_ERROR_MALFORMED,
} CrmImportError;

#define CRM_IMPORT_ERROR (crm_import_error_quark ())

/**
 * CrmImportFlags:
 * @CRM_IMPORT_DEFAULT: import the valid rows.
 * @CRM_IMPORT_DRY_RUN: check every row and write the rejected rows, but
 *   change nothing in the database.
 */
typedef enum
{
  CRM_IMPORT_DEFAULT = 0,
  CRM_IMPORT_DRY_RUN = 1 << 0,
} CrmImportFlags;

/**
 * CrmImportSummary:
 * @n_rows: data rows read (blank rows are not counted)
 * @n_imported: customers imported (or, in a dry run, that would be)
 * @n_rejected: rows rejected
 * @rejected_path: where the rejected rows were written, or %NULL when no
 *   row was rejected
 * @encoding: the encoding the file was read in, "UTF-8" or "GB18030"
 * @warnings: (nullable): messages that did not stop any row, such as
 *   columns that were not recognised or credit codes accepted with a
 *   warning
 *
 * Filled in by crm_customer_import_run(); release it with
 * crm_import_summary_clear().
 */
typedef struct
{
  guint  n_rows;
  guint  n_imported;
  guint  n_rejected;
  char  *rejected_path;
  char  *encoding;
  GStrv  warnings;
} CrmImportSummary;

/**
 * CrmImportProgressFunc:
 * @fraction: how much of the file is done, 0 to 1
 * @user_data: closure data
 *
 * Called in the thread that runs the import, while the import's
 * transaction is open, about a hundred times per file.
 */
typedef void (*CrmImportProgressFunc) (double   fraction,
                                       gpointer user_data);

GQuark    crm_import_error_quark      (void);
void      crm_import_summary_clear    (CrmImportSummary       *summary);
char     *crm_customer_import_dup_rejected_path (const char *path);
gboolean  crm_customer_import_run     (CrmCustomerStore       *store,
                                       const char             *path,
                                       CrmImportFlags          flags,
                                       CrmImportProgressFunc   progress,
                                       gpointer                progress_data,
                                       CrmImportSummary       *summary,
                                       GError                **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CrmImportSummary, crm_import_summary_clear)

G_END_DECLS
