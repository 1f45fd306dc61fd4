/* crm-requirement-drag.h — a widget that drags a requirement
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "crm-requirement.h"

G_BEGIN_DECLS

typedef CrmRequirement *(*CrmRequirementGetter) (GtkWidget *widget);

GtkDragSource *crm_requirement_drag_source_add (GtkWidget            *widget,
                                                CrmRequirementGetter  getter);

G_END_DECLS
