/* crm-requirement-board-narrow.c — the board in a narrow window: one column at a time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Four columns of cards need about 940 px. Wider than NARROW_WIDTH and
 * narrower than that, the board scrolls sideways; narrower, not even two
 * columns fit, and the board shows one column at a time, the one chosen
 * in a row of linked buttons above it (the status switcher), in every
 * lane. A card moved to another column takes the switcher with it, so
 * the keyboard focus can follow the card.
 *
 * The board's width is the page size of its scroller's horizontal
 * adjustment, which GTK sets while it allocates; showing and hiding
 * columns then would ask for another allocation in the middle of that
 * one, so the change waits for the end of the frame clock's layout phase
 * (as the customer list's columns do, see crm-customers-page-columns.c),
 * and the frame is painted with the new columns only.
 */

#include "crm-requirement-board-private.h"

/* Below this width of the board's scroller, two 220 px columns and their
 * spacing and margins do not fit. */
#define NARROW_WIDTH 480

/* Shows the columns and headers the width allows. */
void
crm_requirement_board_update_narrow (CrmRequirementBoard *self)
{
  gtk_widget_set_visible (self->status_switcher, self->narrow);

  for (guint status = 0; status < CRM_REQUIREMENT_N_STATUSES; status++)
    {
      gboolean visible = !self->narrow || status == self->narrow_status;

      gtk_widget_set_visible (self->headers[status].box, visible);
      for (guint i = 0; i < self->lanes->len; i++)
        {
          Lane *lane = g_ptr_array_index (self->lanes, i);

          gtk_widget_set_visible (GTK_WIDGET (lane->columns[status]), visible);
        }
    }
}

/**
 * crm_requirement_board_follow_status:
 * @status: the column a card went to
 *
 * In a narrow window, shows column @status.
 */
void
crm_requirement_board_follow_status (CrmRequirementBoard  *self,
                                     CrmRequirementStatus  status)
{
  if (self->narrow && status != self->narrow_status)
    gtk_toggle_button_set_active (self->status_buttons[status], TRUE);
}

static void
status_toggled_cb (GtkToggleButton     *button,
                   CrmRequirementBoard *self)
{
  if (!gtk_toggle_button_get_active (button))
    return;

  for (guint status = 0; status < CRM_REQUIREMENT_N_STATUSES; status++)
    if (self->status_buttons[status] == button)
      self->narrow_status = status;
  crm_requirement_board_update_narrow (self);
}

static void
width_changed_cb (CrmRequirementBoard *self,
                  GParamSpec          *pspec,
                  GtkAdjustment       *adjustment)
{
  double width = gtk_adjustment_get_page_size (adjustment);

  if (width <= 0)
    return;

  self->pending_narrow = width < NARROW_WIDTH;
  if (self->pending_narrow != self->narrow && gtk_widget_get_realized (GTK_WIDGET (self)))
    gdk_frame_clock_request_phase (gtk_widget_get_frame_clock (GTK_WIDGET (self)),
                                   GDK_FRAME_CLOCK_PHASE_LAYOUT);
}

/* After the window's own layout handler (G_CONNECT_AFTER): the new
 * columns ask for another allocation, which the frame clock makes before
 * it paints. */
static void
layout_cb (CrmRequirementBoard *self,
           GdkFrameClock       *frame_clock)
{
  if (self->pending_narrow == self->narrow)
    return;

  self->narrow = self->pending_narrow;
  crm_requirement_board_update_narrow (self);
}

void
crm_requirement_board_watch_layout (CrmRequirementBoard *self)
{
  GdkFrameClock *frame_clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  self->layout_handler_id = g_signal_connect_object (frame_clock, "layout", G_CALLBACK (layout_cb),
                                                     self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  if (self->pending_narrow != self->narrow)
    gdk_frame_clock_request_phase (frame_clock, GDK_FRAME_CLOCK_PHASE_LAYOUT);
}

void
crm_requirement_board_unwatch_layout (CrmRequirementBoard *self)
{
  g_clear_signal_handler (&self->layout_handler_id, gtk_widget_get_frame_clock (GTK_WIDGET (self)));
}

/**
 * crm_requirement_board_init_narrow:
 *
 * Fills the status switcher and watches the board's width.
 */
void
crm_requirement_board_init_narrow (CrmRequirementBoard *self)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_hadjustment (self->board_scroller);

  for (guint status = 0; status < CRM_REQUIREMENT_N_STATUSES; status++)
    {
      const char *title = crm_requirement_enum_get_label (CRM_REQUIREMENT_ENUM_STATUS, status);
      GtkWidget *button = gtk_toggle_button_new ();
      GtkWidget *label = gtk_label_new (title);

      /* In the narrowest window a long title gives up room rather than
       * widening the window. */
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_button_set_child (GTK_BUTTON (button), label);
      gtk_widget_set_tooltip_text (button, title);
      self->status_buttons[status] = GTK_TOGGLE_BUTTON (button);
      if (status > 0)
        gtk_toggle_button_set_group (self->status_buttons[status], self->status_buttons[0]);
      gtk_widget_set_hexpand (button, TRUE);
      g_signal_connect_object (button, "toggled", G_CALLBACK (status_toggled_cb), self, 0);
      gtk_box_append (GTK_BOX (self->status_switcher), button);
    }
  gtk_toggle_button_set_active (self->status_buttons[0], TRUE);

  g_signal_connect_object (adjustment, "notify::page-size", G_CALLBACK (width_changed_cb),
                           self, G_CONNECT_SWAPPED);
}

/**
 * crm_requirement_board_get_narrow:
 *
 * Returns: whether the board shows one column at a time
 */
gboolean
crm_requirement_board_get_narrow (CrmRequirementBoard *self)
{
  g_return_val_if_fail (CRM_IS_REQUIREMENT_BOARD (self), FALSE);

  return self->narrow;
}
