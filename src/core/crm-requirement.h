/* crm-requirement.h — one customer requirement (需求)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "crm-requirement-types.h"

G_BEGIN_DECLS

#define CRM_TYPE_REQUIREMENT (crm_requirement_get_type ())

G_DECLARE_FINAL_TYPE (CrmRequirement, crm_requirement, CRM, REQUIREMENT, GObject)

/*
 * A CrmRequirement is a snapshot of one row of the `requirement` table,
 * with one GObject property per field (all read-write, explicit notify;
 * setters store "" as NULL and notify only on a real change):
 *
 *   id (gint64, 0 = not saved), code ("REQ-0001", assigned when saved),
 *   title, description, user-story (作为…我希望…以便…), who, what, when,
 *   where, why, how (5W1H), source, nature, category, kano, relation,
 *   moscow (the enumerations of crm-requirement-types.h, as int), importance
 *   and urgency (1–5, default 3), value and cost (gint64 whole yuan, -1 =
 *   unknown), status (CrmRequirementStatus), position (double, its place
 *   in its board column), owner, due-on ("2024-03-01"), acceptance,
 *   resolution, satisfaction (1–5, 0 = not rated), customer-id (gint64,
 *   the main customer, 0 = none), created-at, updated-at;
 *   and, read from the customer table for the board: customer-name,
 *   customer-tier (CrmTier as int).
 */

CrmRequirement       *crm_requirement_new               (void);
CrmRequirement       *crm_requirement_copy              (CrmRequirement *self);
gboolean              crm_requirement_equal_fields      (CrmRequirement *self,
                                                         CrmRequirement *other);

gint64                crm_requirement_get_id            (CrmRequirement *self);
const char           *crm_requirement_get_code          (CrmRequirement *self);
const char           *crm_requirement_get_title         (CrmRequirement *self);
void                  crm_requirement_set_title         (CrmRequirement *self,
                                                         const char     *title);
CrmRequirementStatus  crm_requirement_get_status        (CrmRequirement *self);
int                   crm_requirement_get_importance    (CrmRequirement *self);
int                   crm_requirement_get_urgency       (CrmRequirement *self);
CrmQuadrant           crm_requirement_get_quadrant      (CrmRequirement *self);
const char           *crm_requirement_get_owner         (CrmRequirement *self);
const char           *crm_requirement_get_due_on        (CrmRequirement *self);
gboolean              crm_requirement_is_overdue        (CrmRequirement *self,
                                                         const char     *today);
gint64                crm_requirement_get_customer_id   (CrmRequirement *self);
void                  crm_requirement_set_customer_id   (CrmRequirement *self,
                                                         gint64          customer_id);
const char           *crm_requirement_get_customer_name (CrmRequirement *self);
int                   crm_requirement_get_customer_tier (CrmRequirement *self);
double                crm_requirement_get_position      (CrmRequirement *self);
int                   crm_requirement_get_satisfaction  (CrmRequirement *self);
const char           *crm_requirement_get_resolution    (CrmRequirement *self);
const char           *crm_requirement_get_string        (CrmRequirement *self,
                                                         const char     *property);
gint64                crm_requirement_get_number        (CrmRequirement *self,
                                                         const char     *property);

G_END_DECLS
