/* crm-customer-editor-check.c — checking the customer form and showing its messages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Every edit checks the whole form: Save is enabled only when nothing
 * blocks it, and its tooltip says what does. When a field's message is
 * shown is for crm_field_update() to judge ("punished late, rewarded
 * early"); a save attempt shows them all.
 */

#define G_LOG_DOMAIN "crm-customer-editor"

#include <glib/gi18n.h>

#include "crm-customer-editor-private.h"
#include "crm-customer-input.h"
#include "crm-validate.h"

static void
crm_customer_editor_check_name (CrmCustomerEditor *self,
                                CrmFieldState     *state,
                                char             **message)
{
  g_autofree char *name = crm_customer_input_dup_entry_text (self->name_row);

  *state = CRM_FIELD_ERROR;
  if (name == NULL)
    *message = g_strdup (_("Name: enter the customer’s full name."));
  else if (g_utf8_strlen (name, -1) > 200)
    *message = g_strdup (_("Name: at most 200 characters."));
  else
    *state = CRM_FIELD_OK;
}

static void
crm_customer_editor_check_identifier (CrmCustomerEditor *self,
                                      AdwEntryRow       *row,
                                      CrmFieldState     *state,
                                      char             **message)
{
  g_autofree char *text = crm_customer_input_dup_entry_text (row);
  g_autofree char *value = NULL;
  g_autoptr(GError) error = NULL;

  *state = CRM_FIELD_OK;

  /* Only the identifier of the kind shown counts; the other one is not
   * saved. */
  if (text == NULL || !gtk_widget_get_visible (GTK_WIDGET (row)))
    return;

  if (row == self->credit_code_row)
    {
      g_autofree char *warning = NULL;

      value = crm_validate_credit_code (text, _("Unified social credit code"), &warning, &error);
      if (warning != NULL)
        {
          *state = CRM_FIELD_WARNING;
          *message = g_steal_pointer (&warning);
        }
    }
  else
    {
      value = crm_validate_id_number (text, _("ID card number"), &error);
    }

  if (error != NULL)
    {
      *state = CRM_FIELD_ERROR;
      g_free (*message);
      *message = g_strdup (error->message);
    }
}

/* Records the first blocking message, for the Save button's tooltip. */
static gboolean
note_state (CrmFieldState   state,
            const char     *message,
            char          **first_error)
{
  if (state != CRM_FIELD_ERROR)
    return TRUE;

  if (*first_error == NULL)
    *first_error = g_strdup (message);

  return FALSE;
}

/* Shows the message of @row as due, and records it when it blocks
 * saving. */
static gboolean
show_state (AdwEntryRow    *row,
            CrmFieldState   state,
            const char     *message,
            char          **first_error)
{
  crm_field_update (GTK_WIDGET (row), state, message);

  return note_state (state, message, first_error);
}

/* Checks every field and shows the messages that are due. Saving is
 * possible when nothing blocks it. */
gboolean
crm_customer_editor_check (CrmCustomerEditor *self)
{
  g_autofree char *first_error = NULL;
  CrmFieldState state;
  gboolean ok = TRUE;
  guint position = 0;

  {
    g_autofree char *message = NULL;

    crm_customer_editor_check_name (self, &state, &message);

    /* A missing name is due once the user is done with another field:
     * until then they may still be on their way to it. */
    if (state != CRM_FIELD_OK)
      {
        gboolean started = FALSE;

        for (guint i = 0; i < crm_customer_editor_get_n_text_fields (); i++)
          {
            GtkWidget *row = crm_customer_editor_get_text_field (self, i);

            /* The text views have no messages, so nothing tells when
             * the user is done with them. */
            if (ADW_IS_ENTRY_ROW (row) && row != GTK_WIDGET (self->name_row) &&
                crm_field_get_done (row))
              started = TRUE;
          }
        if (started)
          crm_field_set_shown (GTK_WIDGET (self->name_row), TRUE);
      }

    ok &= show_state (self->name_row, state, message, &first_error);
  }

  {
    g_autofree char *message = NULL;

    crm_customer_editor_check_identifier (self, self->credit_code_row, &state, &message);
    ok &= show_state (self->credit_code_row, state, message, &first_error);
  }

  {
    g_autofree char *message = NULL;

    crm_customer_editor_check_identifier (self, self->id_number_row, &state, &message);
    ok &= show_state (self->id_number_row, state, message, &first_error);
  }

  {
    const char *text = gtk_editable_get_text (GTK_EDITABLE (self->founded_row));
    g_autofree char *message = NULL;
    g_autofree char *iso = NULL;

    state = crm_customer_input_parse_founded (text, &iso, &message);
    ok &= show_state (self->founded_row, state, message, &first_error);
  }

  {
    const char *text = gtk_editable_get_text (GTK_EDITABLE (self->employees_row));
    g_autofree char *message = NULL;
    int employees;

    state = crm_customer_input_parse_employees (text, &employees, &message);
    ok &= show_state (self->employees_row, state, message, &first_error);
  }

  {
    const char *text = gtk_editable_get_text (GTK_EDITABLE (self->revenue_row));
    g_autofree char *message = NULL;
    gint64 yuan;

    state = crm_customer_input_parse_revenue (text, &yuan, &message);
    ok &= show_state (self->revenue_row, state, message, &first_error);
  }

  {
    const char *text = gtk_editable_get_text (GTK_EDITABLE (self->tags_row));
    g_autofree char *message = NULL;
    g_auto(GStrv) tags = NULL;

    state = crm_customer_input_parse_tags (text, &tags, &message);
    ok &= show_state (self->tags_row, state, message, &first_error);
  }

  for (guint i = 0; i < self->contact_rows->len; i++)
    {
      CrmContactRow *row = g_ptr_array_index (self->contact_rows, i);
      g_autofree char *message = NULL;

      /* Numbered as the core numbers the contacts it is given, which
       * leaves out blank rows. */
      if (!crm_contact_row_is_empty (row))
        position++;
      if (!crm_contact_row_check (row, MAX (position, 1), &message))
        ok &= note_state (CRM_FIELD_ERROR, message, &first_error);
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", ok);

  /* An insensitive Save says why, even before the message is due. */
  gtk_widget_set_tooltip_text (self->save_button,
                               first_error != NULL ? first_error : _("Save (Ctrl+S)"));

  return ok;
}

/* Whatever the user skipped now gets its message. */
void
crm_customer_editor_show_all_messages (CrmCustomerEditor *self)
{
  AdwEntryRow *rows[] = {
    self->name_row, self->credit_code_row, self->id_number_row, self->founded_row,
    self->employees_row, self->revenue_row, self->tags_row,
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    crm_field_set_shown (GTK_WIDGET (rows[i]), TRUE);
  for (guint i = 0; i < self->contact_rows->len; i++)
    crm_contact_row_show_all_messages (g_ptr_array_index (self->contact_rows, i));
}

/* The rows in the order they appear, for finding the first message. */
GtkWidget *
crm_customer_editor_first_message_row (CrmCustomerEditor *self)
{
  AdwEntryRow *rows[] = {
    self->name_row, self->credit_code_row, self->id_number_row, self->founded_row,
    self->employees_row, self->revenue_row, self->tags_row,
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      if (crm_field_get_message (GTK_WIDGET (rows[i])) != NULL &&
          gtk_widget_has_css_class (GTK_WIDGET (rows[i]), "error"))
        return GTK_WIDGET (rows[i]);
    }

  for (guint i = 0; i < self->contact_rows->len; i++)
    {
      GtkWidget *row = crm_contact_row_get_first_error (g_ptr_array_index (self->contact_rows, i));

      if (row != NULL)
        return row;
    }

  return NULL;
}

/* Shows an error from saving next to the field it names, if it names one
 * the form has; otherwise in the bar at the top. */
void
crm_customer_editor_show_save_error (CrmCustomerEditor *self,
                                     const GError      *error)
{
  /* The core's messages start with the field's label. The name's are
   * matched whole, as "Name" also starts many a contact's name. */
  struct { AdwEntryRow *row; const char *label; } fields[] = {
    { self->name_row, _("Name: enter the customer’s full name.") },
    { self->name_row, _("Name: at most 200 characters.") },
    { self->credit_code_row, _("Unified social credit code") },
    { self->id_number_row, _("ID card number") },
  };
  guint position = 0;

  if (g_error_matches (error, CRM_CUSTOMER_STORE_ERROR, CRM_CUSTOMER_STORE_ERROR_INVALID))
    {
      for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
        {
          if (gtk_widget_get_visible (GTK_WIDGET (fields[i].row)) &&
              g_str_has_prefix (error->message, fields[i].label))
            {
              crm_field_set_save_error (GTK_WIDGET (fields[i].row), error->message);
              gtk_widget_grab_focus (GTK_WIDGET (fields[i].row));
              return;
            }
        }

      for (guint i = 0; i < self->contact_rows->len; i++)
        {
          CrmContactRow *row = g_ptr_array_index (self->contact_rows, i);

          if (crm_contact_row_is_empty (row))
            continue;

          position++;
          if (crm_contact_row_show_save_error (row, position, error->message))
            return;
        }
    }

  crm_customer_editor_show_error (self, error->message);
}
