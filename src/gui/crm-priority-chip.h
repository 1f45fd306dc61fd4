/* crm-priority-chip.h — one requirement as a small card in a priority matrix cell
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "crm-requirement.h"

G_BEGIN_DECLS

#define CRM_TYPE_PRIORITY_CHIP (crm_priority_chip_get_type ())

G_DECLARE_FINAL_TYPE (CrmPriorityChip, crm_priority_chip, CRM, PRIORITY_CHIP, GtkWidget)

/*
 * A one-line card: the requirement's Kano badge and title. A matrix cell
 * holds a few of them, so they are much smaller than the board's
 * CrmRequirementCard, but they keep its drag contract: the drag offers the
 * CrmRequirement, and its quadrant colours (the .quadrant-badge classes).
 *
 * Signals:
 *   "move-requested" (int rows, int columns): an arrow key asked to move
 *     the card one cell (rows and columns are -1, 0 or 1; -1 is up/left).
 *   "open-requested": Enter, Space or a double click asked to open it.
 *   "dragging" (gboolean): a drag of the card began (TRUE) or ended.
 *
 * Property "requirement" (CrmRequirement, read-write, explicit notify).
 */

GtkWidget      *crm_priority_chip_new             (CrmRequirement  *requirement);
CrmRequirement *crm_priority_chip_get_requirement (CrmPriorityChip *self);
void            crm_priority_chip_set_requirement (CrmPriorityChip *self,
                                                   CrmRequirement  *requirement);
gint64          crm_priority_chip_get_id          (CrmPriorityChip *self);

G_END_DECLS
