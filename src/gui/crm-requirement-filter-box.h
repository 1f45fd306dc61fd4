/* crm-requirement-filter-box.h — the requirement filters, as one widget
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "crm-priority-model.h"

G_BEGIN_DECLS

#define CRM_TYPE_REQUIREMENT_FILTER_BOX (crm_requirement_filter_box_get_type ())

G_DECLARE_FINAL_TYPE (CrmRequirementFilterBox, crm_requirement_filter_box,
                      CRM, REQUIREMENT_FILTER_BOX, GtkWidget)

/*
 * The requirement filters — customer (part of the name), owner, customer
 * tier, category, quadrant, and unless hidden the Kano class and the
 * status (open requirements by default: Done and Rejected hidden). A
 * grid of labelled drop-downs for a popover.
 *
 * Signal "changed": a filter changed.
 */

GtkWidget          *crm_requirement_filter_box_new        (void);
void                crm_requirement_filter_box_set_store  (CrmRequirementFilterBox *self,
                                                           CrmRequirementStore     *store);
void                crm_requirement_filter_box_set_show_status_and_kano
                                                          (CrmRequirementFilterBox *self,
                                                           gboolean                 show);
const char * const *crm_requirement_filter_box_get_owners (CrmRequirementFilterBox *self);
void                crm_requirement_filter_box_get_filter (CrmRequirementFilterBox *self,
                                                           CrmPriorityFilter       *filter);
void                crm_requirement_filter_box_clear      (CrmRequirementFilterBox *self);
gboolean            crm_requirement_filter_box_is_default (CrmRequirementFilterBox *self);

G_END_DECLS
