/* crm-text-cell.h — one line of text in a long list, measured without shaping it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CRM_TYPE_TEXT_CELL (crm_text_cell_get_type ())

G_DECLARE_FINAL_TYPE (CrmTextCell, crm_text_cell, CRM, TEXT_CELL, GtkWidget)

GtkWidget  *crm_text_cell_new           (void);
const char *crm_text_cell_get_text      (CrmTextCell *self);
void        crm_text_cell_set_text      (CrmTextCell *self,
                                         const char  *text);
float       crm_text_cell_get_xalign    (CrmTextCell *self);
void        crm_text_cell_set_xalign    (CrmTextCell *self,
                                         float        xalign);
gboolean    crm_text_cell_get_tabular   (CrmTextCell *self);
void        crm_text_cell_set_tabular   (CrmTextCell *self,
                                         gboolean     tabular);
guint       crm_text_cell_get_width_chars (CrmTextCell *self);
void        crm_text_cell_set_width_chars (CrmTextCell *self,
                                           guint        width_chars);

G_END_DECLS
