/* crm-customer-store-check.c — validating customer records and finding duplicates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "crm-customer-store"

#include <glib/gi18n-lib.h>

#include "crm-customer-store-private.h"
#include "crm-validate.h"

/* Validation ------------------------------------------------------------ */

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      if (!g_unichar_isspace (g_utf8_get_char (p)))
        return FALSE;
    }

  return TRUE;
}

/* @label_format names the field in a message, with @name for its "%s"
 * (a contact's name) or none. The label is made only for a message:
 * an import checks hundreds of thousands of phones and e-mails. */
static gboolean
check_optional (char       *(*validate) (const char *, const char *, GError **),
                const char   *value,
                const char   *label_format,
                const char   *name,
                char        **normalised,
                GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *label = NULL;

  *normalised = NULL;
  if (value == NULL || *value == '\0')
    return TRUE;

  *normalised = validate (value, NULL, NULL);
  if (*normalised != NULL)
    return TRUE;

  label = name != NULL ? g_strdup_printf (label_format, name) : g_strdup (label_format);
  g_free (validate (value, label, &local_error));
  g_set_error_literal (error, CRM_CUSTOMER_STORE_ERROR, CRM_CUSTOMER_STORE_ERROR_INVALID,
                       local_error->message);

  return FALSE;
}

static char *
validate_phone_any (const char  *value,
                    const char  *label,
                    GError     **error)
{
  return crm_validate_phone (value, label, NULL, error);
}

/**
 * crm_customer_store_check:
 * @self: a #CrmCustomerStore
 * @customer: the record as the user entered it; its identifiers are
 *   replaced by their normal forms when they pass
 * @contacts: (nullable) (element-type CrmContact): its contacts, whose
 *   phones and e-mails are normalised likewise
 * @warnings: (out) (optional): messages to show that do not block saving
 * @error: return location for a %CRM_CUSTOMER_STORE_ERROR_INVALID naming
 *   the field and the reason
 *
 * Returns: %TRUE when the record may be saved
 */
gboolean
crm_customer_store_check (CrmCustomerStore  *self,
                          CrmCustomer       *customer,
                          GPtrArray         *contacts,
                          GStrv             *warnings,
                          GError           **error)
{
  g_autoptr(GStrvBuilder) warned = g_strv_builder_new ();
  const char *name;
  g_autofree char *credit_code = NULL;
  g_autofree char *id_number = NULL;

  g_return_val_if_fail (CRM_IS_CUSTOMER_STORE (self), FALSE);
  g_return_val_if_fail (CRM_IS_CUSTOMER (customer), FALSE);

  if (warnings != NULL)
    *warnings = NULL;

  name = crm_customer_get_name (customer);
  if (is_blank (name))
    {
      g_set_error (error, CRM_CUSTOMER_STORE_ERROR, CRM_CUSTOMER_STORE_ERROR_INVALID,
                   _("Name: enter the customer’s full name."));
      return FALSE;
    }

  if (g_utf8_strlen (name, -1) > 200)
    {
      g_set_error (error, CRM_CUSTOMER_STORE_ERROR, CRM_CUSTOMER_STORE_ERROR_INVALID,
                   _("Name: at most 200 characters."));
      return FALSE;
    }

  {
    const char *value = crm_customer_get_credit_code (customer);

    if (value != NULL && *value != '\0')
      {
        g_autoptr(GError) local_error = NULL;
        g_autofree char *warning = NULL;

        credit_code = crm_validate_credit_code (value, _("Unified social credit code"),
                                                &warning, &local_error);
        if (credit_code == NULL)
          {
            g_set_error_literal (error, CRM_CUSTOMER_STORE_ERROR,
                                 CRM_CUSTOMER_STORE_ERROR_INVALID, local_error->message);
            return FALSE;
          }
        if (warning != NULL)
          g_strv_builder_add (warned, warning);
        crm_customer_set_credit_code (customer, credit_code);
      }
  }

  if (!check_optional (crm_validate_id_number, crm_customer_get_id_number (customer),
                       _("ID card number"), NULL, &id_number, error))
    return FALSE;
  if (id_number != NULL)
    crm_customer_set_id_number (customer, id_number);

  for (guint i = 0; contacts != NULL && i < contacts->len; i++)
    {
      CrmContact *contact = g_ptr_array_index (contacts, i);
      const char *contact_name = crm_contact_get_name (contact);
      g_autofree char *phone = NULL;
      g_autofree char *email = NULL;

      if (contact_name == NULL || *contact_name == '\0')
        {
          g_set_error (error, CRM_CUSTOMER_STORE_ERROR, CRM_CUSTOMER_STORE_ERROR_INVALID,
                       _("Contact %u: enter a name."), i + 1);
          return FALSE;
        }

      /* Translators: the field label of a contact's phone, e.g. "张三’s phone". */
      if (!check_optional (validate_phone_any, crm_contact_get_phone (contact), _("%s’s phone"),
                           contact_name, &phone, error))
        return FALSE;
      if (phone != NULL)
        crm_contact_set_phone (contact, phone);

      /* Translators: the field label of a contact's e-mail address. */
      if (!check_optional (crm_validate_email, crm_contact_get_email (contact), _("%s’s e-mail"),
                           contact_name, &email, error))
        return FALSE;
      if (email != NULL)
        crm_contact_set_email (contact, email);
    }

  if (warnings != NULL)
    *warnings = g_strv_builder_end (warned);

  return TRUE;
}

/**
 * crm_customer_store_find_duplicate:
 * @self: a #CrmCustomerStore
 * @customer: a record, saved or not
 * @reason: (out) (optional): why the other record is a duplicate, naming it
 *
 * Looks for another customer with the same credit code, ID number or
 * normalised name.
 *
 * Returns: (transfer full) (nullable): the existing customer
 */
CrmCustomer *
crm_customer_store_find_duplicate (CrmCustomerStore  *self,
                                   CrmCustomer       *customer,
                                   char             **reason)
{
  static const char *queries[] = {
    "SELECT id FROM customer WHERE credit_code = ? AND id != ? LIMIT 1",
    "SELECT id FROM customer WHERE id_number = ? AND id != ? LIMIT 1",
    "SELECT id FROM customer WHERE name_key = ? AND id != ? LIMIT 1",
  };
  g_autofree char *name_key = NULL;
  const char *values[3];

  g_return_val_if_fail (CRM_IS_CUSTOMER_STORE (self), NULL);
  g_return_val_if_fail (CRM_IS_CUSTOMER (customer), NULL);

  name_key = crm_normalize_name (crm_customer_get_name (customer));
  values[0] = crm_customer_get_credit_code (customer);
  values[1] = crm_customer_get_id_number (customer);
  values[2] = name_key;

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      sqlite3_stmt *stmt;
      gint64 other = 0;
      CrmCustomer *existing;

      if (values[i] == NULL || *values[i] == '\0')
        continue;

      stmt = crm_database_prepare (self->database, queries[i], NULL);
      if (stmt == NULL)
        continue;
      sqlite3_bind_text (stmt, 1, values[i], -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, crm_customer_get_id (customer));
      if (sqlite3_step (stmt) == SQLITE_ROW)
        other = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);

      if (other == 0)
        continue;

      existing = crm_customer_store_get (self, other, NULL);
      if (existing == NULL)
        continue;

      if (reason != NULL)
        {
          const char *code = crm_customer_get_code (existing);
          g_autofree char *who = code != NULL
            ? g_strdup_printf ("“%s” (%s)", crm_customer_get_name (existing), code)
            : g_strdup_printf ("“%s”", crm_customer_get_name (existing));

          switch (i)
            {
            case 0:
              *reason = g_strdup_printf (_("%s already has this unified social credit code."), who);
              break;
            case 1:
              *reason = g_strdup_printf (_("%s already has this ID card number."), who);
              break;
            default:
              *reason = g_strdup_printf (_("%s has the same name."), who);
              break;
            }
        }

      return existing;
    }

  return NULL;
}
