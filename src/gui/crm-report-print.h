/* crm-report-print.h — printing a report and saving it as PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "crm-database.h"
#include "crm-period.h"
#include "crm-report-document.h"
#include "crm-segment.h"

G_BEGIN_DECLS

GtkPrintOperation *crm_report_print_operation_new (CrmReportDocument        *document);
GtkPrintOperationResult crm_report_print          (CrmReportDocument        *document,
                                                   GtkWindow                *parent,
                                                   GtkPrintOperationAction   action,
                                                   const char               *export_filename,
                                                   GError                  **error);
void               crm_report_save_pdf_async      (CrmDatabase              *database,
                                                   const CrmPeriod          *period,
                                                   const CrmSegment         *segment,
                                                   gboolean                  mask,
                                                   const char               *path,
                                                   GCancellable             *cancellable,
                                                   GAsyncReadyCallback       callback,
                                                   gpointer                  user_data);
gboolean           crm_report_save_pdf_finish     (GAsyncResult             *result,
                                                   guint                    *n_pages,
                                                   GError                  **error);

G_END_DECLS
