/* crm-requirement-drag.c — a widget that drags a requirement
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The drag contract of requirement cards, on the board and on the
 * priority matrices: the drag offers the CrmRequirement (drop targets ask
 * for CRM_TYPE_REQUIREMENT), the card itself is the drag icon, and the
 * card carries the CSS class "dragged" while it is dragged. The board's
 * cards (crm-requirement-card.c) and the matrices' chips both use it.
 */

#include "crm-requirement-drag.h"

static GdkContentProvider *
drag_prepare_cb (GtkDragSource        *source,
                 double                x,
                 double                y,
                 CrmRequirementGetter  getter)
{
  CrmRequirement *requirement = getter (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source)));

  if (requirement == NULL)
    return NULL;

  return gdk_content_provider_new_typed (CRM_TYPE_REQUIREMENT, requirement);
}

static void
drag_begin_cb (GtkDragSource *source,
               GdkDrag       *drag,
               gpointer       user_data)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);

  gtk_drag_source_set_icon (source, paintable, 12, 12);
  gtk_widget_add_css_class (widget, "dragged");
}

static void
drag_end_cb (GtkDragSource *source,
             GdkDrag       *drag,
             gboolean       delete_data,
             gpointer       user_data)
{
  gtk_widget_remove_css_class (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source)), "dragged");
}

/**
 * crm_requirement_drag_source_add:
 * @widget: a card
 * @getter: returns the requirement @widget shows, or %NULL
 *
 * Makes @widget drag its requirement.
 *
 * Returns: (transfer none): the drag source added to @widget
 */
GtkDragSource *
crm_requirement_drag_source_add (GtkWidget            *widget,
                                 CrmRequirementGetter  getter)
{
  GtkDragSource *source;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);
  g_return_val_if_fail (getter != NULL, NULL);

  source = gtk_drag_source_new ();
  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (drag_prepare_cb), getter);
  g_signal_connect (source, "drag-begin", G_CALLBACK (drag_begin_cb), NULL);
  g_signal_connect (source, "drag-end", G_CALLBACK (drag_end_cb), NULL);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (source));

  return source;
}
