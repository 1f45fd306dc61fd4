/* crm-customers-page-agenda.c — the agenda on the customers page, and the
 * key follow-up mark in the list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The Agenda toggle in the list's toolbar puts the customers due for a
 * follow-up in the list's place (the search and the filters do not apply
 * to it, so they step aside); a customer picked in the agenda opens in
 * the detail as one picked in the list would. Customers flagged for key
 * follow-up (重点跟进) are marked in the list's name column.
 */

#include <glib/gi18n.h>

#include "crm-customers-page-private.h"
#include "crm-key-follow-up.h"

void
crm_customers_page_agenda_toggled_cb (CrmCustomersPage *self,
                                      GtkToggleButton  *button)
{
  gboolean agenda = gtk_toggle_button_get_active (button);

  gtk_widget_set_visible (GTK_WIDGET (self->list_stack), !agenda);
  gtk_widget_set_visible (GTK_WIDGET (self->count_label), !agenda);
  gtk_widget_set_visible (GTK_WIDGET (self->search_entry), !agenda);
  gtk_widget_set_visible (GTK_WIDGET (self->filter_button), !agenda);
  gtk_widget_set_visible (GTK_WIDGET (self->agenda_view), agenda);
  /* The New button keeps its place at the end of the toolbar. */
  gtk_widget_set_hexpand (GTK_WIDGET (self->agenda_button), agenda);
  gtk_widget_set_halign (GTK_WIDGET (self->agenda_button), GTK_ALIGN_START);
}

void
crm_customers_page_agenda_activated_cb (CrmCustomersPage *self,
                                        gint64            customer_id,
                                        CrmAgendaView    *view)
{
  /* The list's search or filters may hide the customer; the detail shows
   * it all the same. */
  if (!crm_customers_page_select_customer (self, customer_id))
    crm_customers_page_show_customer (self, customer_id);

  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->detail));
}

#define KEY_FOLLOW_UP_TOOLTIP "crm-key-follow-up-tooltip"

static gboolean
key_follow_up_query_tooltip_cb (GtkWidget  *label,
                                int         x,
                                int         y,
                                gboolean    keyboard,
                                GtkTooltip *tooltip,
                                gpointer    user_data)
{
  const char *text = g_object_get_data (G_OBJECT (label), KEY_FOLLOW_UP_TOOLTIP);

  if (text == NULL)
    return FALSE;

  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

void
crm_customers_page_mark_key_follow_up (CrmCustomersPage *self,
                                       CrmCustomer      *customer,
                                       CrmTextCell      *label)
{
  g_autofree char *reason = NULL;
  g_autofree char *text = NULL;
  char *tooltip;

  if (self == NULL || self->store == NULL)
    return;

  /* The tooltip is made when asked for: setting a tooltip's text asks the
   * X server where the pointer is, and a jump through the list binds a
   * few hundred rows at once. */
  if (!gtk_widget_get_has_tooltip (GTK_WIDGET (label)))
    {
      g_signal_connect (label, "query-tooltip", G_CALLBACK (key_follow_up_query_tooltip_cb), NULL);
      gtk_widget_set_has_tooltip (GTK_WIDGET (label), TRUE);
    }

  reason = crm_key_follow_up_dup_reason (crm_customer_store_get_database (self->store),
                                         crm_customer_get_id (customer));
  if (reason == NULL)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (label), "key-follow-up");
      if (g_object_get_data (G_OBJECT (label), KEY_FOLLOW_UP_TOOLTIP) != NULL)
        {
          g_object_set_data (G_OBJECT (label), KEY_FOLLOW_UP_TOOLTIP, NULL);
          gtk_accessible_reset_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
        }
      return;
    }

  /* The flag character and the colour mark it; the tooltip and the
   * accessible description say why. */
  text = g_strdup_printf ("⚑ %s", crm_text_cell_get_text (label));
  /* Translators: %s is why the customer is flagged (重点跟进). */
  tooltip = g_strdup_printf (_("Key follow-up: %s"), reason);
  crm_text_cell_set_text (label, text);
  gtk_widget_add_css_class (GTK_WIDGET (label), "key-follow-up");
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, tooltip, -1);
  g_object_set_data_full (G_OBJECT (label), KEY_FOLLOW_UP_TOOLTIP, tooltip, g_free);
}
