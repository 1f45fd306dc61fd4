/* crm-requirement-types.c — the enumerations of a requirement record (需求)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * One table per enumeration holds, for each value, the text stored in the
 * database, the translated label a person reads, and the Chinese term the
 * CSV export writes (a file format, so not translated). from_string()
 * never fails: a value it does not know, say from a newer Rapport, reads
 * as the first value of the enumeration.
 */

#define G_LOG_DOMAIN "crm-requirement-types"

#include <glib/gi18n-lib.h>

#include "crm-requirement-types.h"

typedef struct
{
  const char *stored;
  const char *context;
  const char *label;
  const char *chinese;
} EnumValue;

static const EnumValue statuses[] = {
  { "pending", "requirement status", NC_("requirement status", "Pending"), "待处理" },
  { "in_progress", "requirement status", NC_("requirement status", "In Progress"), "处理中" },
  { "done", "requirement status", NC_("requirement status", "Done"), "已完成" },
  { "rejected", "requirement status", NC_("requirement status", "Rejected"), "已驳回" },
};

static const EnumValue sources[] = {
  { NULL, "requirement source", NC_("requirement source", "Unknown"), "" },
  { "interview", "requirement source", NC_("requirement source", "Customer interview"), "客户访谈" },
  { "survey", "requirement source", NC_("requirement source", "Survey"), "问卷调研" },
  { "support", "requirement source", NC_("requirement source", "Support ticket"), "客服工单" },
  { "sales", "requirement source", NC_("requirement source", "Sales feedback"), "销售反馈" },
  { "industry_report", "requirement source", NC_("requirement source", "Industry report"), "行业报告" },
  { "competitor_analysis", "requirement source", NC_("requirement source", "Competitor analysis"), "竞品分析" },
};

static const EnumValue natures[] = {
  { NULL, "requirement nature", NC_("requirement nature", "Unknown"), "" },
  { "explicit", "requirement nature", NC_("requirement nature", "Explicit"), "显性" },
  { "implicit", "requirement nature", NC_("requirement nature", "Implicit"), "隐性" },
  { "pain_point", "requirement nature", NC_("requirement nature", "Pain point"), "痛点" },
};

static const EnumValue categories[] = {
  { NULL, "requirement category", NC_("requirement category", "Uncategorised"), "" },
  { "functional", "requirement category", NC_("requirement category", "Functional"), "功能" },
  { "service", "requirement category", NC_("requirement category", "Service"), "服务" },
  { "experience", "requirement category", NC_("requirement category", "Experience"), "体验" },
  { "commercial", "requirement category", NC_("requirement category", "Commercial"), "商务" },
  { "performance", "requirement category", NC_("requirement category", "Performance"), "性能" },
};

static const EnumValue kanos[] = {
  { NULL, "Kano class", NC_("Kano class", "Unclassified"), "" },
  { "must_be", "Kano class", NC_("Kano class", "Must-be"), "刚需" },
  { "performance", "Kano class", NC_("Kano class", "Performance"), "期望" },
  { "attractive", "Kano class", NC_("Kano class", "Attractive"), "兴奋" },
};

static const EnumValue relations[] = {
  { NULL, "requirement relation", NC_("requirement relation", "Unknown"), "" },
  { "new", "requirement relation", NC_("requirement relation", "New"), "新增" },
  { "enhancement", "requirement relation", NC_("requirement relation", "Enhancement"), "改进" },
  { "replacement", "requirement relation", NC_("requirement relation", "Replacement"), "替代" },
};

static const EnumValue moscows[] = {
  { NULL, "MoSCoW", NC_("MoSCoW", "Not set"), "" },
  { "must", "MoSCoW", NC_("MoSCoW", "Must have"), "必须有" },
  { "should", "MoSCoW", NC_("MoSCoW", "Should have"), "应该有" },
  { "could", "MoSCoW", NC_("MoSCoW", "Could have"), "可以有" },
  { "wont", "MoSCoW", NC_("MoSCoW", "Won’t have"), "暂不做" },
};

static const EnumValue quadrants[] = {
  { "do_now", "quadrant", NC_("quadrant", "Do now"), "重要且紧急" },
  { "plan", "quadrant", NC_("quadrant", "Plan"), "重要不紧急" },
  { "standardise", "quadrant", NC_("quadrant", "Standardise"), "紧急不重要" },
  { "defer", "quadrant", NC_("quadrant", "Defer"), "不重要不紧急" },
};

static const EnumValue evidence_kinds[] = {
  { "note", "evidence", NC_("evidence", "Note"), "备注" },
  { "follow_up", "evidence", NC_("evidence", "Follow-up"), "跟进记录" },
  { "answer", "evidence", NC_("evidence", "Questionnaire answer"), "问卷回答" },
};

static const struct
{
  const EnumValue *values;
  guint            n_values;
} tables[] = {
  [CRM_REQUIREMENT_ENUM_STATUS] = { statuses, G_N_ELEMENTS (statuses) },
  [CRM_REQUIREMENT_ENUM_SOURCE] = { sources, G_N_ELEMENTS (sources) },
  [CRM_REQUIREMENT_ENUM_NATURE] = { natures, G_N_ELEMENTS (natures) },
  [CRM_REQUIREMENT_ENUM_CATEGORY] = { categories, G_N_ELEMENTS (categories) },
  [CRM_REQUIREMENT_ENUM_KANO] = { kanos, G_N_ELEMENTS (kanos) },
  [CRM_REQUIREMENT_ENUM_RELATION] = { relations, G_N_ELEMENTS (relations) },
  [CRM_REQUIREMENT_ENUM_MOSCOW] = { moscows, G_N_ELEMENTS (moscows) },
  [CRM_REQUIREMENT_ENUM_QUADRANT] = { quadrants, G_N_ELEMENTS (quadrants) },
  [CRM_REQUIREMENT_ENUM_EVIDENCE_KIND] = { evidence_kinds, G_N_ELEMENTS (evidence_kinds) },
};

static const EnumValue *
lookup (CrmRequirementEnum type,
        int                value)
{
  g_return_val_if_fail (type < G_N_ELEMENTS (tables), NULL);
  g_return_val_if_fail (value >= 0 && (guint)value < tables[type].n_values, NULL);

  return &tables[type].values[value];
}

/**
 * crm_requirement_enum_n_values:
 * @type: an enumeration
 *
 * Returns: how many values @type has, its NONE value included
 */
guint
crm_requirement_enum_n_values (CrmRequirementEnum type)
{
  g_return_val_if_fail (type < G_N_ELEMENTS (tables), 0);

  return tables[type].n_values;
}

/**
 * crm_requirement_enum_to_string:
 *
 * Returns: (nullable): the text stored in the database for @value, %NULL
 *   for the NONE value of an optional field
 */
const char *
crm_requirement_enum_to_string (CrmRequirementEnum type,
                                int                value)
{
  const EnumValue *entry = lookup (type, value);

  return entry != NULL ? entry->stored : NULL;
}

int
crm_requirement_enum_from_string (CrmRequirementEnum  type,
                                  const char         *text)
{
  g_return_val_if_fail (type < G_N_ELEMENTS (tables), 0);

  for (guint i = 0; i < tables[type].n_values; i++)
    {
      if (g_strcmp0 (tables[type].values[i].stored, text) == 0)
        return i;
    }

  return 0;
}

/**
 * crm_requirement_enum_get_label:
 *
 * Returns: the translated label of @value
 */
const char *
crm_requirement_enum_get_label (CrmRequirementEnum type,
                                int                value)
{
  const EnumValue *entry = lookup (type, value);

  if (entry == NULL)
    return NULL;

  return g_dpgettext2 (GETTEXT_PACKAGE, entry->context, entry->label);
}

/**
 * crm_requirement_enum_from_label:
 * @label: a translated label, an English label or the Chinese term of the
 *   CSV export
 *
 * Returns: the value, or -1 when @label names none
 */
int
crm_requirement_enum_from_label (CrmRequirementEnum  type,
                                 const char         *label)
{
  g_return_val_if_fail (type < G_N_ELEMENTS (tables), -1);

  if (label == NULL)
    return -1;

  for (guint i = 0; i < tables[type].n_values; i++)
    {
      const EnumValue *entry = &tables[type].values[i];

      if (g_strcmp0 (label, entry->label) == 0 ||
          g_strcmp0 (label, entry->chinese) == 0 ||
          g_strcmp0 (label, entry->stored) == 0 ||
          g_strcmp0 (label, crm_requirement_enum_get_label (type, i)) == 0)
        return i;
    }

  return -1;
}

/**
 * crm_requirement_enum_get_chinese:
 *
 * Returns: the Chinese term of @value as the CSV export writes it ("" for
 *   an unset optional field)
 */
const char *
crm_requirement_enum_get_chinese (CrmRequirementEnum type,
                                  int                value)
{
  const EnumValue *entry = lookup (type, value);

  return entry != NULL ? entry->chinese : NULL;
}

/**
 * crm_quadrant_for:
 * @importance: 1–5
 * @urgency: 1–5
 *
 * Returns: the quadrant of a requirement; see CRM_QUADRANT_THRESHOLD
 */
CrmQuadrant
crm_quadrant_for (int importance,
                  int urgency)
{
  gboolean important = importance >= CRM_QUADRANT_THRESHOLD;
  gboolean urgent = urgency >= CRM_QUADRANT_THRESHOLD;

  if (important)
    return urgent ? CRM_QUADRANT_DO_NOW : CRM_QUADRANT_PLAN;

  return urgent ? CRM_QUADRANT_STANDARDISE : CRM_QUADRANT_DEFER;
}
