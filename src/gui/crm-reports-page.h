/* crm-reports-page.h — figures, charts, notes and printing of analysis reports
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "crm-customer-store.h"
#include "crm-figure-set.h"
#include "crm-report-document.h"
#include "crm-report-types.h"

G_BEGIN_DECLS

#define CRM_TYPE_REPORTS_PAGE (crm_reports_page_get_type ())

G_DECLARE_FINAL_TYPE (CrmReportsPage, crm_reports_page, CRM, REPORTS_PAGE, AdwBin)

GtkWidget         *crm_reports_page_new          (void);
void               crm_reports_page_set_store    (CrmReportsPage   *self,
                                                  CrmCustomerStore *store);
gboolean           crm_reports_page_set_period   (CrmReportsPage   *self,
                                                  const char       *period_key);
gboolean           crm_reports_page_set_segment  (CrmReportsPage   *self,
                                                  const char       *segment_key);
CrmFigureSet      *crm_reports_page_get_figures  (CrmReportsPage   *self);
gboolean           crm_reports_page_is_busy      (CrmReportsPage   *self);
CrmReportDocument *crm_reports_page_get_document (CrmReportsPage   *self);
GtkTextBuffer     *crm_reports_page_get_conclusion_buffer (CrmReportsPage   *self,
                                                  CrmReportSection  section);
gboolean           crm_reports_page_save_conclusions (CrmReportsPage *self);

G_END_DECLS
