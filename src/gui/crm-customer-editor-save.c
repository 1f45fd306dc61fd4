/* crm-customer-editor-save.c — turning the customer form into a record and saving it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "crm-customer-editor"

#include <glib/gi18n.h>

#include "crm-customer-editor-private.h"
#include "crm-customer-input.h"

/* The record the form describes, with @tags apart as the store takes
 * them. It starts from a copy of the record as loaded, so the fields the
 * form does not show keep their values. */
static CrmCustomer *
crm_customer_editor_build_customer (CrmCustomerEditor  *self,
                                    GStrv              *tags)
{
  CrmCustomer *customer;
  CrmCustomerKind kind = crm_customer_editor_get_kind (self);
  g_autofree char *name = crm_customer_input_dup_entry_text (self->name_row);
  g_autofree char *credit_code = NULL;
  g_autofree char *id_number = NULL;
  g_autofree char *founded_on = NULL;
  g_autofree char *message = NULL;
  int employees;
  gint64 revenue;

  customer = self->original != NULL ? crm_customer_copy (self->original) : crm_customer_new ();
  crm_customer_set_id (customer, self->customer_id);

  if (kind == CRM_CUSTOMER_KIND_ENTERPRISE)
    credit_code = crm_customer_input_dup_entry_text (self->credit_code_row);
  else
    id_number = crm_customer_input_dup_entry_text (self->id_number_row);

  crm_customer_input_parse_founded (gtk_editable_get_text (GTK_EDITABLE (self->founded_row)),
                                    &founded_on, &message);
  g_clear_pointer (&message, g_free);
  crm_customer_input_parse_employees (gtk_editable_get_text (GTK_EDITABLE (self->employees_row)),
                                      &employees, &message);
  g_clear_pointer (&message, g_free);
  crm_customer_input_parse_revenue (gtk_editable_get_text (GTK_EDITABLE (self->revenue_row)),
                                    &revenue, &message);
  g_clear_pointer (&message, g_free);
  crm_customer_input_parse_tags (gtk_editable_get_text (GTK_EDITABLE (self->tags_row)),
                                 tags, &message);

  crm_customer_set_name (customer, name);
  crm_customer_set_kind (customer, kind);
  crm_customer_set_credit_code (customer, credit_code);
  crm_customer_set_id_number (customer, id_number);
  crm_customer_set_founded_on (customer, founded_on);
  crm_customer_set_industry_id (customer, crm_customer_editor_get_industry_id (self));
  crm_customer_set_employees (customer, employees);
  crm_customer_set_annual_revenue (customer, revenue);
  crm_customer_set_customer_type (customer, adw_combo_row_get_selected (self->type_row));
  crm_customer_set_tier (customer, adw_combo_row_get_selected (self->tier_row));
  crm_customer_set_tags (customer, (const char * const *)*tags);

  {
    struct { AdwEntryRow *row; void (*set) (CrmCustomer *, const char *); } entries[] = {
      { self->owner_row, crm_customer_set_owner },
      { self->province_row, crm_customer_set_province },
      { self->city_row, crm_customer_set_city },
      { self->district_row, crm_customer_set_district },
      { self->street_row, crm_customer_set_street },
    };
    struct { GtkTextView *view; void (*set) (CrmCustomer *, const char *); } views[] = {
      { self->pain_points_view, crm_customer_set_pain_points },
      { self->decision_chain_view, crm_customer_set_decision_chain },
      { self->notes_view, crm_customer_set_notes },
    };

    for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
      {
        g_autofree char *text = crm_customer_input_dup_entry_text (entries[i].row);

        entries[i].set (customer, text);
      }

    for (guint i = 0; i < G_N_ELEMENTS (views); i++)
      {
        g_autofree char *text = crm_customer_input_dup_view_text_or_null (views[i].view);

        views[i].set (customer, text);
      }
  }

  return customer;
}

static void
crm_customer_editor_duplicate_response_cb (CrmCustomerEditor *self,
                                           const char        *response,
                                           AdwMessageDialog  *dialog)
{
  if (g_strcmp0 (response, "save-anyway") == 0)
    crm_customer_editor_save (self, CRM_SAVE_ALLOW_DUPLICATE);
}

static void
crm_customer_editor_ask_duplicate (CrmCustomerEditor *self,
                                   const char        *reason)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Possible Duplicate"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), "%s\n%s",
                                  reason,
                                  _("Save this customer anyway, as a separate record?"));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "save-anyway", _("Save _Anyway"),
                                    NULL);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response",
                           G_CALLBACK (crm_customer_editor_duplicate_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Checks the form and saves it; a possible duplicate is saved only once
 * the user says so (%CRM_SAVE_ALLOW_DUPLICATE). */
void
crm_customer_editor_save (CrmCustomerEditor *self,
                          CrmSaveFlags       flags)
{
  g_autoptr(CrmCustomer) customer = NULL;
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) tags = NULL;
  g_auto(GStrv) warnings = NULL;
  GtkWidget *first;
  gint64 id;

  crm_customer_editor_show_all_messages (self);

  if (!crm_customer_editor_check (self))
    {
      first = crm_customer_editor_first_message_row (self);
      if (first != NULL)
        gtk_widget_grab_focus (first);
      return;
    }

  crm_customer_editor_update_dirty (self);

  /* Nothing changed in a saved record: there is nothing to record. */
  if (!self->dirty && self->customer_id > 0)
    {
      crm_customer_editor_clear_draft (self);
      crm_customer_editor_finish (self);
      return;
    }

  customer = crm_customer_editor_build_customer (self, &tags);
  contacts = crm_customer_editor_build_contacts (self);

  id = crm_customer_store_save (self->store, customer, contacts,
                                (const char * const *)tags, flags, &warnings, &error);
  if (id <= 0)
    {
      if (g_error_matches (error, CRM_CUSTOMER_STORE_ERROR, CRM_CUSTOMER_STORE_ERROR_DUPLICATE))
        crm_customer_editor_ask_duplicate (self, error->message);
      else
        crm_customer_editor_show_save_error (self, error);
      /* The input stays in the form and in the draft. */
      return;
    }

  gtk_info_bar_set_revealed (self->error_bar, FALSE);

  crm_customer_editor_saved (self, id);
}
