/* crm-requirement-store-scores.h — re-scoring a requirement from a priority matrix
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "crm-priority.h"
#include "crm-requirement-store.h"

G_BEGIN_DECLS

gboolean crm_requirement_store_get_scores (CrmRequirementStore      *self,
                                           gint64                    id,
                                           CrmPriorityScores        *scores,
                                           GError                  **error);
gboolean crm_requirement_store_set_scores (CrmRequirementStore      *self,
                                           gint64                    id,
                                           const CrmPriorityScores  *scores,
                                           GError                  **error);
gboolean crm_requirement_store_move_to_cell (CrmRequirementStore    *self,
                                             gint64                  id,
                                             CrmPriorityView         view,
                                             guint                   row,
                                             guint                   column,
                                             GError                **error);

G_END_DECLS
