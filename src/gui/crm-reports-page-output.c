/* crm-reports-page-output.c — the Reports page's preview, printing and PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "crm-reports-page"

#include <glib/gi18n.h>

#include "crm-report-print.h"
#include "crm-reports-page-private.h"
#include "crm-window.h"

void
crm_reports_page_update_preview_label (CrmReportsPage *self)
{
  guint n_pages = self->document != NULL ? crm_report_document_get_n_pages (self->document) : 0;
  g_autofree char *text = NULL;

  if (n_pages > 0)
    {
      self->preview_page = MIN (self->preview_page, n_pages - 1);
      text = g_strdup_printf (_("Page %u of %u"), self->preview_page + 1, n_pages);
    }
  gtk_label_set_text (self->preview_label, text != NULL ? text : "");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.previous-page", self->preview_page > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.next-page", self->preview_page + 1 < n_pages);
}

void
crm_reports_page_draw_preview (GtkDrawingArea *area,
                               cairo_t        *cr,
                               int             width,
                               int             height,
                               gpointer        user_data)
{
  CrmReportsPage *self = user_data;
  CrmReportDocument *document = crm_reports_page_get_document (self);
  double scale = MIN (width / CRM_REPORT_PAGE_WIDTH, 1.0);
  double x = (width - CRM_REPORT_PAGE_WIDTH * scale) / 2;

  if (document == NULL)
    return;

  gtk_drawing_area_set_content_height (area, (int)(CRM_REPORT_PAGE_HEIGHT * scale) + 1);

  cairo_translate (cr, x, 0);
  cairo_scale (cr, scale, scale);
  crm_report_document_draw_page (document, cr, self->preview_page);

  /* The sheet's edge. */
  cairo_rectangle (cr, 0, 0, CRM_REPORT_PAGE_WIDTH, CRM_REPORT_PAGE_HEIGHT);
  cairo_set_source_rgb (cr, 0.6, 0.6, 0.6);
  cairo_set_line_width (cr, 1 / scale);
  cairo_stroke (cr);
}

void
crm_reports_page_turn_page_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *param)
{
  CrmReportsPage *self = CRM_REPORTS_PAGE (widget);

  if (g_str_equal (action_name, "reports.next-page"))
    self->preview_page++;
  else if (self->preview_page > 0)
    self->preview_page--;

  crm_reports_page_update_preview_label (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->preview_area));
}

void
crm_reports_page_print_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *param)
{
  CrmReportsPage *self = CRM_REPORTS_PAGE (widget);
  CrmReportDocument *document = crm_reports_page_get_document (self);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GError) error = NULL;

  if (document == NULL)
    return;

  if (crm_report_print (document, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                        GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, NULL, &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    crm_reports_page_show_error (self, error);
}

static void
save_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(CrmReportsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  guint n_pages = 0;

  if (!crm_report_save_pdf_finish (result, &n_pages, &error))
    {
      crm_reports_page_show_error (self, error);
      return;
    }

  {
    CrmWindow *window = CRM_WINDOW (gtk_widget_get_ancestor (GTK_WIDGET (self), CRM_TYPE_WINDOW));
    /* Translators: a toast after saving the report as PDF. */
    g_autofree char *text = g_strdup_printf (ngettext ("Saved the report (%u page)", "Saved the report (%u pages)",
                                                       n_pages), n_pages);

    if (window != NULL)
      crm_window_add_toast (window, adw_toast_new (text));
  }
}

static void
save_response_cb (GtkNativeDialog *dialog,
                  int              response,
                  gpointer         user_data)
{
  CrmReportsPage *self = user_data;

  if (response == GTK_RESPONSE_ACCEPT && crm_reports_page_get_database (self) != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        crm_report_save_pdf_async (crm_reports_page_get_database (self), &self->period, &self->segment,
                                   g_settings_get_boolean (self->settings, "mask-personal-data"),
                                   path, NULL, save_done_cb, g_object_ref (self));
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_object_unref (self);
}

void
crm_reports_page_save_pdf_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *param)
{
  CrmReportsPage *self = CRM_REPORTS_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  /* Translators: the suggested file name of a saved report; %s is the
   * period, e.g. "report-2026Q3.pdf". */
  g_autofree char *name = g_strdup_printf (_("report-%s.pdf"), self->period.key);

  crm_reports_page_flush_notes (self);

  dialog = gtk_file_chooser_native_new (_("Save Report as PDF"),
                                        GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Save"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (save_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}
