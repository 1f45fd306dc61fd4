/* crm-report-types.h — the sections of a report and its execution plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * CrmReportSection:
 * @CRM_REPORT_SECTION_STATUS: customer status analysis (客户现状分析)
 * @CRM_REPORT_SECTION_NEEDS: core needs summary (核心需求总结)
 * @CRM_REPORT_SECTION_PROBLEMS: problems found (现存问题)
 * @CRM_REPORT_SECTION_STRATEGIES: maintenance strategies (维护策略)
 * @CRM_REPORT_SECTION_PLAN: execution plan (执行计划)
 * @CRM_REPORT_SECTION_EFFECT: expected effect (效果预估)
 *
 * The sections of an analysis report, in print order. The manager writes
 * a conclusion for each; it is stored under crm_report_section_to_string().
 */
typedef enum
{
  CRM_REPORT_SECTION_STATUS,
  CRM_REPORT_SECTION_NEEDS,
  CRM_REPORT_SECTION_PROBLEMS,
  CRM_REPORT_SECTION_STRATEGIES,
  CRM_REPORT_SECTION_PLAN,
  CRM_REPORT_SECTION_EFFECT,
  CRM_REPORT_N_SECTIONS
} CrmReportSection;

const char       *crm_report_section_to_string   (CrmReportSection  section);
CrmReportSection  crm_report_section_from_string (const char       *text);
const char       *crm_report_section_get_title   (CrmReportSection  section);

/**
 * CrmPlanItem:
 * @id: its row id, 0 until saved
 * @segment: (nullable): the customers it is for (“S 级客户”)
 * @strategy: (nullable): the strategy
 * @measures: (nullable): the concrete measures
 * @owner: (nullable): who carries it out
 * @deadline: (nullable): "YYYY-MM-DD"
 * @expected_effect: (nullable): what it should achieve
 *
 * One row of a report's execution plan (执行计划).
 */
typedef struct
{
  gint64  id;
  char   *segment;
  char   *strategy;
  char   *measures;
  char   *owner;
  char   *deadline;
  char   *expected_effect;
} CrmPlanItem;

#define CRM_TYPE_PLAN_ITEM (crm_plan_item_get_type ())

GType        crm_plan_item_get_type (void) G_GNUC_CONST;
CrmPlanItem *crm_plan_item_new      (void);
CrmPlanItem *crm_plan_item_copy     (const CrmPlanItem *item);
void         crm_plan_item_free     (CrmPlanItem       *item);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmPlanItem, crm_plan_item_free)

G_END_DECLS
