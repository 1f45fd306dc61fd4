/* crm-priority-model.h — the requirements of the priority matrices, in rank order
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "crm-priority.h"
#include "crm-requirement-list.h"

G_BEGIN_DECLS

/* The statuses shown by default: Done and Rejected are hidden. */
#define CRM_PRIORITY_OPEN_STATUSES \
  ((1u << CRM_REQUIREMENT_STATUS_PENDING) | (1u << CRM_REQUIREMENT_STATUS_IN_PROGRESS))
#define CRM_PRIORITY_ALL_STATUSES ((1u << CRM_REQUIREMENT_N_STATUSES) - 1)

/**
 * CrmPriorityFilter:
 * @board: the requirement board's filter (customer, owner, tier, category,
 *   quadrant, search text), with the board's meaning
 * @statuses: a mask of (1 << CrmRequirementStatus); 0 reads as
 *   %CRM_PRIORITY_OPEN_STATUSES
 * @kano: a #CrmKano, -1 for any
 */
typedef struct
{
  CrmRequirementFilter board;
  guint                statuses;
  int                  kano;
} CrmPriorityFilter;

#define CRM_PRIORITY_FILTER_INIT { CRM_REQUIREMENT_FILTER_INIT, CRM_PRIORITY_OPEN_STATUSES, -1 }

#define CRM_TYPE_PRIORITY_MODEL (crm_priority_model_get_type ())

G_DECLARE_FINAL_TYPE (CrmPriorityModel, crm_priority_model, CRM, PRIORITY_MODEL, GObject)

/*
 * A GListModel of CrmRequirement in priority order (crm_priority_compare())
 * — the ranked list — that also hands out the compact entries the matrices
 * place. It reads the scores of every matching requirement in one query
 * (about 100 bytes a requirement); its items carry only those fields (see
 * crm-priority-model.c). It follows the store's changes.
 *
 * Properties: store (construct-only), n-items (read-only, notified).
 */

CrmPriorityModel       *crm_priority_model_new          (CrmRequirementStore     *store);
CrmRequirementStore    *crm_priority_model_get_store    (CrmPriorityModel        *self);
void                    crm_priority_model_set_filter   (CrmPriorityModel        *self,
                                                         const CrmPriorityFilter *filter);
const CrmPriorityEntry *crm_priority_model_get_entries  (CrmPriorityModel        *self,
                                                         guint                   *n_entries);
guint                   crm_priority_model_find         (CrmPriorityModel        *self,
                                                         gint64                   id);
void                    crm_priority_model_reload       (CrmPriorityModel        *self);

G_END_DECLS
