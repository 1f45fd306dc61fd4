/* crm-report-document.h — a paginated report for paper and PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "crm-chart.h"

G_BEGIN_DECLS

/* A4 in points. */
#define CRM_REPORT_PAGE_WIDTH  595.2756
#define CRM_REPORT_PAGE_HEIGHT 841.8898

/**
 * CrmReportWriteFlags:
 * @CRM_REPORT_WRITE_DEFAULT: refuse to replace an existing file
 *   (%G_IO_ERROR_EXISTS).
 * @CRM_REPORT_WRITE_OVERWRITE: replace an existing file.
 */
typedef enum
{
  CRM_REPORT_WRITE_DEFAULT = 0,
  CRM_REPORT_WRITE_OVERWRITE = 1 << 0,
} CrmReportWriteFlags;

/**
 * CrmReportTextStyle:
 * @CRM_REPORT_TEXT_BODY: ordinary text.
 * @CRM_REPORT_TEXT_NOTE: smaller grey text (a figure's definition, a
 *   placeholder for a conclusion not written yet).
 */
typedef enum
{
  CRM_REPORT_TEXT_BODY,
  CRM_REPORT_TEXT_NOTE,
} CrmReportTextStyle;

#define CRM_TYPE_REPORT_DOCUMENT (crm_report_document_get_type ())

G_DECLARE_FINAL_TYPE (CrmReportDocument, crm_report_document, CRM, REPORT_DOCUMENT, GObject)

const char        *crm_report_default_font_family   (void);

CrmReportDocument *crm_report_document_new          (const char          *title,
                                                     const char          *subtitle);
void               crm_report_document_set_font_family (CrmReportDocument *self,
                                                     const char          *family);
const char        *crm_report_document_get_font_family (CrmReportDocument *self);
void               crm_report_document_add_title_line (CrmReportDocument *self,
                                                     const char          *text);
void               crm_report_document_add_heading  (CrmReportDocument   *self,
                                                     guint                level,
                                                     const char          *text);
void               crm_report_document_add_text     (CrmReportDocument   *self,
                                                     CrmReportTextStyle   style,
                                                     const char          *text);
void               crm_report_document_add_table    (CrmReportDocument   *self,
                                                     const char * const  *headers,
                                                     const double        *widths);
void               crm_report_document_add_row      (CrmReportDocument   *self,
                                                     const char * const  *cells);
void               crm_report_document_add_charts   (CrmReportDocument   *self,
                                                     CrmChartData        *first,
                                                     CrmChartData        *second,
                                                     double               height);
void               crm_report_document_add_page_break (CrmReportDocument *self);

guint              crm_report_document_paginate     (CrmReportDocument   *self);
guint              crm_report_document_get_n_pages  (CrmReportDocument   *self);
void               crm_report_document_draw_page    (CrmReportDocument   *self,
                                                     cairo_t             *cr,
                                                     guint                page);
gboolean           crm_report_document_write_pdf    (CrmReportDocument   *self,
                                                     const char          *path,
                                                     CrmReportWriteFlags  flags,
                                                     GCancellable        *cancellable,
                                                     GError             **error);

G_END_DECLS
