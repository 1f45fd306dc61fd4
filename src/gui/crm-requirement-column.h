/* crm-requirement-column.h — one column of cards on a board
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "crm-requirement-list.h"

G_BEGIN_DECLS

#define CRM_TYPE_REQUIREMENT_COLUMN (crm_requirement_column_get_type ())

G_DECLARE_FINAL_TYPE (CrmRequirementColumn, crm_requirement_column, CRM, REQUIREMENT_COLUMN, GtkWidget)

/* A before_id of "move-requested" that means "the top of that column". */
#define CRM_REQUIREMENT_COLUMN_TOP (-1)

/*
 * A lazy list of requirement cards (a GtkListView over a
 * CrmRequirementList) that is also a drop target: while a card is dragged
 * over it, the column is highlighted and a line before or after the card
 * under the pointer shows where it would land.
 *
 * It does not change anything itself. A drop, a card's "Move to" menu or
 * its shortcuts emit "move-requested" (CrmRequirement *requirement, int
 * status, gint64 before_id: the card to land before, 0 for the end,
 * CRM_REQUIREMENT_COLUMN_TOP for the top of another column); activating
 * a card (double click, Enter) or its Edit item emits "edit-requested"
 * (CrmRequirement *requirement); its Merge Into item emits
 * "merge-requested" (CrmRequirement *requirement). The board decides,
 * asks and moves.
 */

GtkWidget          *crm_requirement_column_new              (CrmRequirementList   *list);
CrmRequirementList *crm_requirement_column_get_list         (CrmRequirementColumn *self);
int                 crm_requirement_column_get_status       (CrmRequirementColumn *self);
gboolean            crm_requirement_column_focus_requirement (CrmRequirementColumn *self,
                                                             gint64                id);
gint64              crm_requirement_column_before_id_at     (CrmRequirementColumn *self,
                                                             double                y,
                                                             gint64                dragged_id);

G_END_DECLS
