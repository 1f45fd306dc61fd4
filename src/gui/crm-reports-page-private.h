/* crm-reports-page-private.h — what the parts of the Reports page share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "crm-period.h"
#include "crm-report-notes.h"
#include "crm-reports-page.h"
#include "crm-segment.h"

G_BEGIN_DECLS

struct _CrmReportsPage
{
  AdwBin             parent_instance;

  CrmCustomerStore  *store;
  GSettings         *settings;
  GSignalGroup      *journal_signals;
  GSignalGroup      *store_signals;

  CrmPeriod          period;
  CrmSegment         segment;
  GPtrArray         *period_keys;     /* char *, as in period_dropdown */
  GPtrArray         *segment_keys;    /* char *, as in segment_dropdown */

  CrmFigureSet      *figures;
  GCancellable      *cancellable;     /* of the figures being computed */
  CrmReportDocument *document;        /* built when first needed */
  guint              preview_page;
  guint              refresh_id;
  /* Figures were wanted while the page was hidden: they are computed
   * when it shows, not by a worker at start-up behind another page. */
  gboolean           refresh_pending;

  /* Notes: one text buffer per section, saved a moment after typing
   * stops and when the text loses focus. */
  GtkTextBuffer     *buffers[CRM_REPORT_N_SECTIONS];
  GtkLabel          *buffer_errors[CRM_REPORT_N_SECTIONS];
  guint              save_ids[CRM_REPORT_N_SECTIONS];
  GPtrArray         *plan_rows;       /* AdwExpanderRow, in plan order */
  gboolean           saving;          /* our own edit is being recorded */

  /* Template widgets */
  GtkDropDown       *period_dropdown;
  GtkDropDown       *segment_dropdown;
  GtkFlowBox        *figures_box;
  GtkFlowBox        *charts_box;
  GtkBox            *notes_box;
  AdwPreferencesGroup *plan_group;
  GtkLabel          *plan_error;
  GtkDrawingArea    *preview_area;
  GtkLabel          *preview_label;
  GtkLabel          *error_label;
};

static inline CrmDatabase *
crm_reports_page_get_database (CrmReportsPage *self)
{
  return self->store != NULL ? crm_customer_store_get_database (self->store) : NULL;
}

/* crm-reports-page-figures.c */
void crm_reports_page_show_figures    (CrmReportsPage *self);

/* crm-reports-page-output.c */
void crm_reports_page_update_preview_label (CrmReportsPage *self);
void crm_reports_page_draw_preview    (GtkDrawingArea *area,
                                       cairo_t        *cr,
                                       int             width,
                                       int             height,
                                       gpointer        user_data);
void crm_reports_page_turn_page_action (GtkWidget     *widget,
                                       const char     *action_name,
                                       GVariant       *param);
void crm_reports_page_print_action    (GtkWidget      *widget,
                                       const char     *action_name,
                                       GVariant       *param);
void crm_reports_page_save_pdf_action (GtkWidget      *widget,
                                       const char     *action_name,
                                       GVariant       *param);

/* crm-reports-page-notes.c */
void crm_reports_page_init_notes      (CrmReportsPage *self);
void crm_reports_page_load_notes      (CrmReportsPage *self);
void crm_reports_page_flush_notes     (CrmReportsPage *self);
void crm_reports_page_notes_changed   (CrmReportsPage *self);
void crm_reports_page_add_plan_item   (CrmReportsPage *self);
void crm_reports_page_show_error      (CrmReportsPage *self,
                                       const GError   *error);

G_END_DECLS
