/* crm-priority-matrix.h — an editable priority matrix of requirement cards
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "crm-priority-cell.h"
#include "crm-priority-model.h"

G_BEGIN_DECLS

#define CRM_TYPE_PRIORITY_MATRIX (crm_priority_matrix_get_type ())

G_DECLARE_FINAL_TYPE (CrmPriorityMatrix, crm_priority_matrix, CRM, PRIORITY_MATRIX, GtkWidget)

/*
 * The cells of one CrmPriorityView with their headings (and, on the
 * quadrant view, the four quadrants' names and actions), filled from a
 * CrmPriorityModel. Dropping a card on a cell, or moving a focused card
 * with an arrow key, gives the requirement that cell's scores as one
 * undoable action (crm_requirement_store_move_to_cell()) and shows a toast
 * with Undo.
 *
 * Signal "open-requested" (gint64 id): Enter or a double click on a card.
 * Properties: model (CrmPriorityModel), view (int, a CrmPriorityView).
 */

GtkWidget       *crm_priority_matrix_new       (void);
CrmPriorityModel *crm_priority_matrix_get_model (CrmPriorityMatrix *self);
void             crm_priority_matrix_set_model (CrmPriorityMatrix *self,
                                                CrmPriorityModel  *model);
CrmPriorityView  crm_priority_matrix_get_view  (CrmPriorityMatrix *self);
void             crm_priority_matrix_set_view  (CrmPriorityMatrix *self,
                                                CrmPriorityView    view);
CrmPriorityCell *crm_priority_matrix_get_cell  (CrmPriorityMatrix *self,
                                                guint              row,
                                                guint              column);
gboolean         crm_priority_matrix_move      (CrmPriorityMatrix *self,
                                                gint64             id,
                                                guint              row,
                                                guint              column);
gboolean         crm_priority_matrix_focus     (CrmPriorityMatrix *self,
                                                gint64             id);

G_END_DECLS
