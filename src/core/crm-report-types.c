/* crm-report-types.c — the sections of a report and its execution plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n-lib.h>

#include "crm-report-types.h"

static const struct
{
  const char *key;
  const char *title;
} sections[CRM_REPORT_N_SECTIONS] = {
  { "status", N_("Customer status analysis") },
  { "needs", N_("Core needs summary") },
  { "problems", N_("Problems found") },
  { "strategies", N_("Maintenance strategies") },
  { "plan", N_("Execution plan") },
  { "effect", N_("Expected effect") },
};

const char *
crm_report_section_to_string (CrmReportSection section)
{
  g_return_val_if_fail (section < CRM_REPORT_N_SECTIONS, NULL);

  return sections[section].key;
}

/* Returns: the section, or CRM_REPORT_N_SECTIONS for an unknown key. */
CrmReportSection
crm_report_section_from_string (const char *text)
{
  for (guint i = 0; i < CRM_REPORT_N_SECTIONS; i++)
    if (g_strcmp0 (text, sections[i].key) == 0)
      return i;

  return CRM_REPORT_N_SECTIONS;
}

const char *
crm_report_section_get_title (CrmReportSection section)
{
  g_return_val_if_fail (section < CRM_REPORT_N_SECTIONS, NULL);

  return _(sections[section].title);
}

G_DEFINE_BOXED_TYPE (CrmPlanItem, crm_plan_item, crm_plan_item_copy, crm_plan_item_free)

CrmPlanItem *
crm_plan_item_new (void)
{
  return g_new0 (CrmPlanItem, 1);
}

CrmPlanItem *
crm_plan_item_copy (const CrmPlanItem *item)
{
  CrmPlanItem *copy = crm_plan_item_new ();

  copy->id = item->id;
  copy->segment = g_strdup (item->segment);
  copy->strategy = g_strdup (item->strategy);
  copy->measures = g_strdup (item->measures);
  copy->owner = g_strdup (item->owner);
  copy->deadline = g_strdup (item->deadline);
  copy->expected_effect = g_strdup (item->expected_effect);

  return copy;
}

void
crm_plan_item_free (CrmPlanItem *item)
{
  if (item == NULL)
    return;

  g_free (item->segment);
  g_free (item->strategy);
  g_free (item->measures);
  g_free (item->owner);
  g_free (item->deadline);
  g_free (item->expected_effect);
  g_free (item);
}
