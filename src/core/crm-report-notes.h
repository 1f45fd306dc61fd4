/* crm-report-notes.h — the manager's conclusions and execution plan of a report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "crm-database.h"
#include "crm-journal.h"
#include "crm-period.h"
#include "crm-report-types.h"
#include "crm-segment.h"

G_BEGIN_DECLS

/**
 * CrmReportNotesError:
 * @CRM_REPORT_NOTES_ERROR_INVALID: a field failed validation; the message
 *   names the field and the reason.
 * @CRM_REPORT_NOTES_ERROR_NOT_FOUND: the plan item is gone (undone or
 *   removed).
 */
typedef enum
{
  CRM_REPORT_NOTES_ERROR_INVALID,
  CRM_REPORT_NOTES_ERROR_NOT_FOUND,
} CrmReportNotesError;

#define CRM_REPORT_NOTES_ERROR (crm_report_notes_error_quark ())

/* Longest conclusion and plan field, in characters. */
#define CRM_REPORT_CONCLUSION_MAX 20000
#define CRM_REPORT_PLAN_FIELD_MAX 1000

#define CRM_TYPE_REPORT_NOTES (crm_report_notes_get_type ())

G_DECLARE_FINAL_TYPE (CrmReportNotes, crm_report_notes, CRM, REPORT_NOTES, GObject)

GQuark          crm_report_notes_error_quark     (void);
CrmReportNotes *crm_report_notes_load            (CrmDatabase        *database,
                                                  const CrmPeriod    *period,
                                                  const CrmSegment   *segment,
                                                  GError            **error);
const char     *crm_report_notes_get_conclusion  (CrmReportNotes     *self,
                                                  CrmReportSection    section);
GPtrArray      *crm_report_notes_get_plan        (CrmReportNotes     *self);

gboolean        crm_report_notes_set_conclusion  (CrmJournal         *journal,
                                                  const CrmPeriod    *period,
                                                  const CrmSegment   *segment,
                                                  CrmReportSection    section,
                                                  const char         *text,
                                                  GError            **error);
gint64          crm_report_notes_add_plan_item   (CrmJournal         *journal,
                                                  const CrmPeriod    *period,
                                                  const CrmSegment   *segment,
                                                  const CrmPlanItem  *item,
                                                  GError            **error);
gboolean        crm_report_notes_update_plan_item (CrmJournal        *journal,
                                                  const CrmPlanItem  *item,
                                                  GError            **error);
gboolean        crm_report_notes_remove_plan_item (CrmJournal        *journal,
                                                  gint64              id,
                                                  GError            **error);
gboolean        crm_report_notes_check_plan_item (const CrmPlanItem  *item,
                                                  GError            **error);

G_END_DECLS
