/* crm-requirement-types.h — the enumerations of a requirement record (需求)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* 待处理 / 处理中 / 已完成 / 已驳回: the board's columns, in this order. */
typedef enum
{
  CRM_REQUIREMENT_STATUS_PENDING,
  CRM_REQUIREMENT_STATUS_IN_PROGRESS,
  CRM_REQUIREMENT_STATUS_DONE,
  CRM_REQUIREMENT_STATUS_REJECTED,
} CrmRequirementStatus;

#define CRM_REQUIREMENT_N_STATUSES 4

/* Where the requirement was heard: 客户访谈, 问卷调研, 客服工单, 销售反馈,
 * 行业报告, 竞品分析. */
typedef enum
{
  CRM_REQUIREMENT_SOURCE_NONE,
  CRM_REQUIREMENT_SOURCE_INTERVIEW,
  CRM_REQUIREMENT_SOURCE_SURVEY,
  CRM_REQUIREMENT_SOURCE_SUPPORT,
  CRM_REQUIREMENT_SOURCE_SALES,
  CRM_REQUIREMENT_SOURCE_INDUSTRY_REPORT,
  CRM_REQUIREMENT_SOURCE_COMPETITOR_ANALYSIS,
} CrmRequirementSource;

/* 显性 / 隐性 / 痛点 */
typedef enum
{
  CRM_REQUIREMENT_NATURE_NONE,
  CRM_REQUIREMENT_NATURE_EXPLICIT,
  CRM_REQUIREMENT_NATURE_IMPLICIT,
  CRM_REQUIREMENT_NATURE_PAIN_POINT,
} CrmRequirementNature;

/* 功能 / 服务 / 体验 / 商务 / 性能 */
typedef enum
{
  CRM_REQUIREMENT_CATEGORY_NONE,
  CRM_REQUIREMENT_CATEGORY_FUNCTIONAL,
  CRM_REQUIREMENT_CATEGORY_SERVICE,
  CRM_REQUIREMENT_CATEGORY_EXPERIENCE,
  CRM_REQUIREMENT_CATEGORY_COMMERCIAL,
  CRM_REQUIREMENT_CATEGORY_PERFORMANCE,
} CrmRequirementCategory;

/* Kano model: 刚需 (must-be) / 期望 (performance) / 兴奋 (attractive). */
typedef enum
{
  CRM_KANO_NONE,
  CRM_KANO_MUST_BE,
  CRM_KANO_PERFORMANCE,
  CRM_KANO_ATTRACTIVE,
} CrmKano;

/* The requirement's relation to the product: 新增 / 改进 / 替代. */
typedef enum
{
  CRM_REQUIREMENT_RELATION_NONE,
  CRM_REQUIREMENT_RELATION_NEW,
  CRM_REQUIREMENT_RELATION_ENHANCEMENT,
  CRM_REQUIREMENT_RELATION_REPLACEMENT,
} CrmRequirementRelation;

/* MoSCoW: must have, should have, could have, won't have (this time). */
typedef enum
{
  CRM_MOSCOW_NONE,
  CRM_MOSCOW_MUST,
  CRM_MOSCOW_SHOULD,
  CRM_MOSCOW_COULD,
  CRM_MOSCOW_WONT,
} CrmMoscow;

/*
 * 四象限. A requirement is important when its importance is at least
 * CRM_QUADRANT_THRESHOLD (4 of 5) and urgent when its urgency is: a 3 is
 * the scale's middle, "neither", so only a 4 or 5 lifts a requirement out
 * of "defer".
 */
typedef enum
{
  CRM_QUADRANT_DO_NOW,      /* important and urgent */
  CRM_QUADRANT_PLAN,        /* important, not urgent */
  CRM_QUADRANT_STANDARDISE, /* urgent, not important */
  CRM_QUADRANT_DEFER,       /* neither */
} CrmQuadrant;

#define CRM_QUADRANT_THRESHOLD 4
#define CRM_N_QUADRANTS 4

/* What a piece of evidence points at: a follow-up (跟进记录), a
 * questionnaire answer, or a note typed in the editor. */
typedef enum
{
  CRM_EVIDENCE_KIND_NOTE,
  CRM_EVIDENCE_KIND_FOLLOW_UP,
  CRM_EVIDENCE_KIND_ANSWER,
} CrmEvidenceKind;

/**
 * CrmRequirementEnum:
 *
 * Names the enumerations above for the generic accessors below, which
 * map a value to the text stored in the database (see the CHECK
 * constraints in crm-schema.c) and to its translated label. The NONE
 * value of an optional field is stored as NULL.
 */
typedef enum
{
  CRM_REQUIREMENT_ENUM_STATUS,
  CRM_REQUIREMENT_ENUM_SOURCE,
  CRM_REQUIREMENT_ENUM_NATURE,
  CRM_REQUIREMENT_ENUM_CATEGORY,
  CRM_REQUIREMENT_ENUM_KANO,
  CRM_REQUIREMENT_ENUM_RELATION,
  CRM_REQUIREMENT_ENUM_MOSCOW,
  CRM_REQUIREMENT_ENUM_QUADRANT,
  CRM_REQUIREMENT_ENUM_EVIDENCE_KIND,
} CrmRequirementEnum;

guint        crm_requirement_enum_n_values    (CrmRequirementEnum  type);
const char  *crm_requirement_enum_to_string   (CrmRequirementEnum  type,
                                               int                 value);
int          crm_requirement_enum_from_string (CrmRequirementEnum  type,
                                               const char         *text);
const char  *crm_requirement_enum_get_label   (CrmRequirementEnum  type,
                                               int                 value);
int          crm_requirement_enum_from_label  (CrmRequirementEnum  type,
                                               const char         *label);
const char  *crm_requirement_enum_get_chinese (CrmRequirementEnum  type,
                                               int                 value);

CrmQuadrant  crm_quadrant_for                 (int                 importance,
                                               int                 urgency);

G_END_DECLS
