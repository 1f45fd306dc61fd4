/* crm-customer-editor-contacts.c — the contact rows of the customer editor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "crm-customer-editor"

#include <glib/gi18n.h>

#include "crm-customer-editor-private.h"

/*
 * The contacts group holds one CrmContactRow per contact; the editor keeps
 * them in contact_rows as well, in order, since AdwPreferencesGroup 1.2
 * cannot list its rows. A removed contact can come back from the toast.
 */

void
crm_customer_editor_update_contacts_description (CrmCustomerEditor *self)
{
  adw_preferences_group_set_description (self->contacts_group,
                                         self->contact_rows->len == 0 ? _("No contacts yet") : NULL);
}

static void
crm_customer_editor_contact_changed_cb (CrmCustomerEditor *self,
                                        gboolean           edited,
                                        CrmContactRow     *row)
{
  crm_customer_editor_field_changed (self, edited);
}

static void
crm_customer_editor_contact_remove_requested_cb (CrmCustomerEditor *self,
                                                 CrmContactRow     *row)
{
  guint position;

  if (!g_ptr_array_find (self->contact_rows, row, &position))
    return;

  g_clear_pointer (&self->removed_contact, g_variant_unref);

  /* A blank row goes without a word; a filled one can come back. */
  if (!crm_contact_row_is_empty (row))
    {
      g_autofree char *title = NULL;
      g_autofree char *escaped = NULL;
      AdwToast *toast;

      self->removed_contact = g_variant_ref_sink (crm_contact_row_to_variant (row));
      self->removed_position = position;

      escaped = g_markup_escape_text (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), -1);
      /* Translators: a toast; %s is the contact's name. */
      title = g_strdup_printf (_("Removed contact “%s”"), escaped);
      toast = adw_toast_new (title);
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "editor.undo-remove-contact");
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }

  g_ptr_array_remove_index (self->contact_rows, position);
  adw_preferences_group_remove (self->contacts_group, GTK_WIDGET (row));
  crm_customer_editor_update_contacts_description (self);

  crm_customer_editor_edited (self);
}

/* Puts @row at @position in the group, or last for G_MAXUINT; the group
 * takes it. */
void
crm_customer_editor_insert_contact_row (CrmCustomerEditor *self,
                                        CrmContactRow     *row,
                                        guint              position)
{
  g_signal_connect_object (row, "changed",
                           G_CALLBACK (crm_customer_editor_contact_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "remove-requested",
                           G_CALLBACK (crm_customer_editor_contact_remove_requested_cb),
                           self, G_CONNECT_SWAPPED);

  position = MIN (position, self->contact_rows->len);

  if (position == self->contact_rows->len)
    {
      adw_preferences_group_add (self->contacts_group, GTK_WIDGET (row));
    }
  else
    {
      /* AdwPreferencesGroup 1.2 only appends: put the row in its list box
       * at the right place instead. */
      GtkWidget *next = g_ptr_array_index (self->contact_rows, position);
      GtkListBox *list = GTK_LIST_BOX (gtk_widget_get_parent (next));

      gtk_list_box_insert (list, GTK_WIDGET (row),
                           gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (next)));
    }

  g_ptr_array_insert (self->contact_rows, position, row);
  crm_customer_editor_update_contacts_description (self);
}

void
crm_customer_editor_remove_contact_rows (CrmCustomerEditor *self)
{
  while (self->contact_rows->len > 0)
    {
      GtkWidget *row = g_ptr_array_steal_index (self->contact_rows, self->contact_rows->len - 1);

      adw_preferences_group_remove (self->contacts_group, row);
    }

  crm_customer_editor_update_contacts_description (self);
}

/* The contacts of the rows that are not blank, for saving. */
GPtrArray *
crm_customer_editor_build_contacts (CrmCustomerEditor *self)
{
  GPtrArray *contacts = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < self->contact_rows->len; i++)
    {
      CrmContactRow *row = g_ptr_array_index (self->contact_rows, i);

      if (!crm_contact_row_is_empty (row))
        g_ptr_array_add (contacts, crm_contact_row_dup_contact (row));
    }

  return contacts;
}

void
crm_customer_editor_add_contact_action (GtkWidget  *widget,
                                        const char *action_name,
                                        GVariant   *param)
{
  CrmCustomerEditor *self = CRM_CUSTOMER_EDITOR (widget);
  CrmContactRow *row = crm_contact_row_new (NULL);

  crm_customer_editor_insert_contact_row (self, row, G_MAXUINT);
  crm_contact_row_focus_name (row);
  crm_customer_editor_check (self);
}

void
crm_customer_editor_undo_remove_contact_action (GtkWidget  *widget,
                                                const char *action_name,
                                                GVariant   *param)
{
  CrmCustomerEditor *self = CRM_CUSTOMER_EDITOR (widget);
  CrmContactRow *row;

  if (self->removed_contact == NULL)
    return;

  row = crm_contact_row_new_from_variant (self->removed_contact);
  g_clear_pointer (&self->removed_contact, g_variant_unref);

  crm_customer_editor_insert_contact_row (self, row, self->removed_position);
  crm_customer_editor_edited (self);
}
