/* crm-priority-cell.h — one cell of a priority matrix: a drop target with its cards
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "crm-priority-chip.h"

G_BEGIN_DECLS

#define CRM_TYPE_PRIORITY_CELL (crm_priority_cell_get_type ())

G_DECLARE_FINAL_TYPE (CrmPriorityCell, crm_priority_cell, CRM, PRIORITY_CELL, GtkWidget)

/*
 * A cell shows the first few cards of its requirements (in rank order),
 * the number of requirements it holds, and, when there are more than it
 * shows, a "+N more" button that opens a list of all of them. It accepts
 * a dropped CrmRequirement and is highlighted (CSS class "drop-hover")
 * while a card is dragged over it.
 *
 * Signals:
 *   "requirement-dropped" (gint64 id): a card was dropped on the cell.
 *   "expand-requested": the "+N more" button was pressed; answer with
 *     crm_priority_cell_show_all().
 *   "chip-added" (CrmPriorityChip *chip): a card was added (to the cell or
 *     its list), for the owner to connect to its signals.
 */

GtkWidget       *crm_priority_cell_new         (guint            row,
                                                guint            column);
guint            crm_priority_cell_get_row     (CrmPriorityCell *self);
guint            crm_priority_cell_get_column  (CrmPriorityCell *self);
void             crm_priority_cell_set_label   (CrmPriorityCell *self,
                                                const char      *label);
void             crm_priority_cell_clear       (CrmPriorityCell *self);
CrmPriorityChip *crm_priority_cell_add_chip    (CrmPriorityCell *self,
                                                CrmRequirement  *requirement);
void             crm_priority_cell_set_count   (CrmPriorityCell *self,
                                                guint            count);
GtkWidget       *crm_priority_cell_get_first_chip (CrmPriorityCell *self);
CrmPriorityChip *crm_priority_cell_find_chip   (CrmPriorityCell *self,
                                                gint64           id);
void             crm_priority_cell_show_all    (CrmPriorityCell *self,
                                                GListModel      *requirements);

G_END_DECLS
