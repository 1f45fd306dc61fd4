/* crm-report-builder.h — an analysis report from figures and the manager's notes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "crm-figure-set.h"
#include "crm-report-document.h"
#include "crm-report-types.h"

G_BEGIN_DECLS

/**
 * CrmReportContent:
 * @figures: the figures, charts and lists of the period and segment
 * @segment_label: (nullable): the segment as the reader knows it
 *   ("制造业", "S 级"); %NULL for every customer
 * @conclusions: (nullable): the manager's conclusion of each section
 * @plan: (nullable) (element-type CrmPlanItem): the execution plan
 * @mask: mask contacts' names and phones and individuals' names
 * @generated_on: (nullable): the date printed on the title page; %NULL
 *   for today
 *
 * What a report is made of.
 */
typedef struct
{
  CrmFigureSet *figures;
  const char   *segment_label;
  const char   *conclusions[CRM_REPORT_N_SECTIONS];
  GPtrArray    *plan;
  gboolean      mask;
  const char   *generated_on;
} CrmReportContent;

CrmReportDocument *crm_report_build (const CrmReportContent *content);

G_END_DECLS
