/* crm-report-print.c — printing a report and saving it as PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Printing draws the same pages as the PDF writer: GtkPrintOperation's
 * draw-page hands crm_report_document_draw_page() a cairo context in
 * points, scaled down when the paper is smaller than A4. Saving as PDF
 * runs in a worker thread on a connection of its own, so the window stays
 * responsive on a large database.
 */

#define G_LOG_DOMAIN "crm-report"

#include <glib/gi18n.h>

#include "crm-report-make.h"
#include "crm-report-print.h"

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                CrmReportDocument *document)
{
  gtk_print_operation_set_n_pages (operation, crm_report_document_paginate (document));
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              CrmReportDocument *document)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double scale = MIN (gtk_print_context_get_width (context) / CRM_REPORT_PAGE_WIDTH,
                      gtk_print_context_get_height (context) / CRM_REPORT_PAGE_HEIGHT);

  cairo_save (cr);
  cairo_scale (cr, scale, scale);
  crm_report_document_draw_page (document, cr, page_nr);
  cairo_restore (cr);
}

/**
 * crm_report_print_operation_new:
 * @document: the report
 *
 * Returns: (transfer full): a print operation for @document on A4,
 *   the whole sheet in points (the report has its own margins)
 */
GtkPrintOperation *
crm_report_print_operation_new (CrmReportDocument *document)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);

  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_job_name (operation, _("Customer analysis report"));

  /* The page may make a new report while the dialog is open; this one
   * stays until the operation is done with it. */
  g_object_set_data_full (G_OBJECT (operation), "crm-report-document",
                          g_object_ref (document), g_object_unref);

  /* Known before the dialog opens, so its page range is right. */
  gtk_print_operation_set_n_pages (operation, crm_report_document_paginate (document));
  g_signal_connect_object (operation, "begin-print", G_CALLBACK (begin_print_cb), document, 0);
  g_signal_connect_object (operation, "draw-page", G_CALLBACK (draw_page_cb), document, 0);

  return operation;
}

/**
 * crm_report_print:
 * @document: the report
 * @parent: (nullable): the window the print dialog belongs to
 * @action: %GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG to ask the user (with
 *   the system dialog and its preview), %GTK_PRINT_OPERATION_ACTION_EXPORT
 *   to write @export_filename as PDF through the print system
 * @export_filename: (nullable): the PDF file, for
 *   %GTK_PRINT_OPERATION_ACTION_EXPORT
 * @error: return location for a #GtkPrintError
 *
 * Runs the print operation; the dialog is modal to @parent.
 *
 * Returns: the result of gtk_print_operation_run()
 */
GtkPrintOperationResult
crm_report_print (CrmReportDocument        *document,
                  GtkWindow                *parent,
                  GtkPrintOperationAction   action,
                  const char               *export_filename,
                  GError                  **error)
{
  g_autoptr(GtkPrintOperation) operation = crm_report_print_operation_new (document);

  if (export_filename != NULL)
    gtk_print_operation_set_export_filename (operation, export_filename);

  return gtk_print_operation_run (operation, action, parent, error);
}

typedef struct
{
  char       *database_path;
  CrmPeriod   period;
  CrmSegment  segment;
  gboolean    mask;
  char       *path;
} SaveJob;

static void
save_job_free (SaveJob *job)
{
  g_free (job->database_path);
  crm_segment_clear (&job->segment);
  g_free (job->path);
  g_free (job);
}

static void
save_pdf_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  SaveJob *job = task_data;
  g_autoptr(CrmDatabase) database = NULL;
  g_autoptr(GError) error = NULL;
  guint n_pages = 0;

  database = crm_database_open (job->database_path, &error);
  if (database == NULL ||
      !crm_report_write_pdf (database, &job->period, &job->segment, job->mask, job->path,
                             CRM_REPORT_WRITE_OVERWRITE, &n_pages, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_int (task, n_pages);
}

/**
 * crm_report_save_pdf_async:
 * @database: the open database (the worker opens the same file again)
 * @period: the period
 * @segment: the segment
 * @mask: mask personal data
 * @path: the PDF file; replaced when it exists (the file chooser asked)
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the file is written or failed
 * @user_data: data for @callback
 *
 * Writes the same report as `rapport report` in a worker thread.
 */
void
crm_report_save_pdf_async (CrmDatabase         *database,
                           const CrmPeriod     *period,
                           const CrmSegment    *segment,
                           gboolean             mask,
                           const char          *path,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  SaveJob *job = g_new0 (SaveJob, 1);

  job->database_path = g_strdup (crm_database_get_path (database));
  job->period = *period;
  job->segment = *segment;
  job->segment.owner = g_strdup (segment->owner);
  job->mask = mask;
  job->path = g_strdup (path);

  g_task_set_source_tag (task, crm_report_save_pdf_async);
  g_task_set_task_data (task, job, (GDestroyNotify)save_job_free);
  g_task_run_in_thread (task, save_pdf_thread);
}

gboolean
crm_report_save_pdf_finish (GAsyncResult  *result,
                            guint         *n_pages,
                            GError       **error)
{
  gssize pages = g_task_propagate_int (G_TASK (result), error);

  if (pages < 0)
    return FALSE;

  if (n_pages != NULL)
    *n_pages = (guint)pages;

  return TRUE;
}
