/* crm-requirement-card.h — one requirement as a card on a board
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "crm-requirement.h"

G_BEGIN_DECLS

#define CRM_TYPE_REQUIREMENT_CARD (crm_requirement_card_get_type ())

G_DECLARE_FINAL_TYPE (CrmRequirementCard, crm_requirement_card, CRM, REQUIREMENT_CARD, GtkWidget)

/*
 * A card shows a requirement's title, customer, quadrant badge, owner and
 * due date (in red when overdue), and has a "Move to" menu. It is the
 * drag source of board moves: it offers its CrmRequirement.
 *
 * It knows nothing of columns: its menu items and shortcuts emit
 * "move-requested" (int status, or -1 with int delta ±1 for up and down
 * within its column), "edit-requested" and "merge-requested", which the
 * board turns into store actions. Shortcuts: Ctrl+Left and Ctrl+Right move to the column on
 * either side, Alt+Up and Alt+Down move up and down, Shift+F10 or Menu
 * opens the menu.
 *
 * Property "requirement" (CrmRequirement, read-write, explicit notify).
 */

GtkWidget      *crm_requirement_card_new             (void);
CrmRequirement *crm_requirement_card_get_requirement (CrmRequirementCard *self);
void            crm_requirement_card_set_requirement (CrmRequirementCard *self,
                                                      CrmRequirement     *requirement);
void            crm_requirement_card_set_drop_mark   (CrmRequirementCard *self,
                                                      int                 mark);
void            crm_requirement_card_set_today       (const char         *today);

/* Where a dragged card would land relative to this one: nowhere (0),
 * before (-1) or after (1). */
#define CRM_DROP_MARK_NONE 0
#define CRM_DROP_MARK_BEFORE (-1)
#define CRM_DROP_MARK_AFTER 1

G_END_DECLS
