/* crm-import-row-converter.c — turning a row of an imported file into a customer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "crm-customer-import"

#include <glib/gi18n-lib.h>

#include "crm-import-row-converter.h"
#include "crm-import-values.h"

/* Beyond these a value is a mistake (a whole document pasted into a cell),
 * not data. */
#define MAX_SHORT_TEXT 100
#define MAX_ADDRESS 500
#define MAX_LONG_TEXT 10000
#define MAX_TAG 30

struct _CrmImportRowConverter
{
  CrmCustomerStore *store;
  GHashTable       *industries;    /* name or code → id */
};

/**
 * crm_import_row_converter_new:
 * @store: the store the rows go into
 *
 * Returns: (transfer full): a converter for rows going into @store
 */
CrmImportRowConverter *
crm_import_row_converter_new (CrmCustomerStore *store)
{
  CrmImportRowConverter *self;
  GListModel *industry_list;

  g_return_val_if_fail (CRM_IS_CUSTOMER_STORE (store), NULL);

  self = g_new0 (CrmImportRowConverter, 1);
  self->store = g_object_ref (store);
  self->industries = g_hash_table_new (g_str_hash, g_str_equal);

  industry_list = crm_customer_store_list_industries (store);
  for (guint i = 0; i < g_list_model_get_n_items (industry_list); i++)
    {
      /* The model holds the industries, so their strings outlive the table. */
      g_autoptr(CrmIndustry) industry = g_list_model_get_item (industry_list, i);
      gpointer id = GSIZE_TO_POINTER ((gsize) crm_industry_get_id (industry));

      g_hash_table_insert (self->industries, (gpointer) crm_industry_get_name (industry), id);
      g_hash_table_insert (self->industries, (gpointer) crm_industry_get_code (industry), id);
    }

  return self;
}

void
crm_import_row_converter_free (CrmImportRowConverter *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->industries, g_hash_table_unref);
  g_clear_object (&self->store);
  g_free (self);
}

static gboolean
check_length (CrmImportHeaderMap  *columns,
              CrmImportField       field,
              const char          *value,
              glong                limit,
              char               **reason)
{
  if (g_utf8_strlen (value, -1) <= limit)
    return TRUE;

  *reason = g_strdup_printf (_("%s: at most %ld characters."),
                             crm_import_header_map_get_title (columns, field), limit);

  return FALSE;
}

/* Builds the contacts from the contact columns; several contacts are
 * separated by semicolons in each (as crm-customer-export.c writes them). */
static gboolean
read_contacts (CrmImportHeaderMap  *columns,
               GPtrArray           *cells,
               CrmCustomer         *customer,
               GPtrArray           *contacts,
               char               **reason)
{
  static const struct
  {
    CrmImportField  field;
    void          (*set) (CrmContact *contact,
                          const char *value);
    glong           limit;
  } fields[] = {
    { CRM_IMPORT_FIELD_CONTACT_NAME, crm_contact_set_name, MAX_SHORT_TEXT },
    { CRM_IMPORT_FIELD_CONTACT_TITLE, crm_contact_set_title, MAX_SHORT_TEXT },
    { CRM_IMPORT_FIELD_CONTACT_PHONE, crm_contact_set_phone, MAX_SHORT_TEXT },
    { CRM_IMPORT_FIELD_CONTACT_EMAIL, crm_contact_set_email, 254 },
    { CRM_IMPORT_FIELD_CONTACT_ROLE, crm_contact_set_role, MAX_SHORT_TEXT },
    { CRM_IMPORT_FIELD_CONTACT_CHANNEL, crm_contact_set_preferred_channel, MAX_SHORT_TEXT },
    { CRM_IMPORT_FIELD_CONTACT_FREQUENCY, crm_contact_set_preferred_frequency, MAX_SHORT_TEXT },
  };
  GStrv values[G_N_ELEMENTS (fields)] = { NULL, };
  guint n_contacts = 0;
  gboolean ok = TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autofree char *text = crm_import_header_map_dup_cell (columns, cells, fields[i].field);

      values[i] = crm_import_split_list (text, ";", TRUE);
      n_contacts = MAX (n_contacts, g_strv_length (values[i]));
    }

  for (guint n = 0; n < n_contacts && ok; n++)
    {
      CrmContact *contact = crm_contact_new ();

      g_ptr_array_add (contacts, contact);
      for (guint i = 0; i < G_N_ELEMENTS (fields) && ok; i++)
        {
          const char *value = n < g_strv_length (values[i]) ? values[i][n] : "";

          if (*value == '\0')
            continue;
          ok = check_length (columns, fields[i].field, value, fields[i].limit, reason);
          fields[i].set (contact, value);
        }

      if (!ok || crm_contact_get_name (contact) != NULL)
        continue;

      /* A list of people has their phone beside their name: the customer
       * is their own contact. A company's phone needs a person. */
      if (crm_customer_get_kind (customer) == CRM_CUSTOMER_KIND_INDIVIDUAL)
        crm_contact_set_name (contact, crm_customer_get_name (customer));
      else
        {
          const char *name_title =
            crm_import_header_map_has_field (columns, CRM_IMPORT_FIELD_CONTACT_NAME)
            ? crm_import_header_map_get_title (columns, CRM_IMPORT_FIELD_CONTACT_NAME)
            : "联系人";

          *reason = g_strdup_printf (_("Contact %u has a phone, e-mail or title but no name; "
                                       "put the name in the “%s” column."),
                                     n + 1, name_title);
          ok = FALSE;
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    g_strfreev (values[i]);

  return ok;
}

/**
 * crm_import_row_converter_read:
 * @self: a row converter
 * @columns: the header of the file
 * @cells: the cells of a row below the header
 * @customer: a new customer, to fill in
 * @contacts: an empty array, to fill with the customer's contacts
 * @tags: (out) (transfer full): the customer's tags
 * @reason: (out) (transfer full): why the row cannot be imported
 *
 * Turns the cells into a customer. Whether the customer is valid and new
 * is for crm_customer_store_check() and the duplicate search to say.
 *
 * Returns: %FALSE with @reason set when a value is not one its field
 *   takes
 */
gboolean
crm_import_row_converter_read (CrmImportRowConverter  *self,
                               CrmImportHeaderMap     *columns,
                               GPtrArray              *cells,
                               CrmCustomer            *customer,
                               GPtrArray              *contacts,
                               GStrv                  *tags,
                               char                  **reason)
{
  static const struct
  {
    CrmImportField  field;
    void          (*set) (CrmCustomer *customer,
                          const char  *value);
    glong           limit;
  } texts[] = {
    /* The length of the name is crm_customer_store_check()'s to judge. */
    { CRM_IMPORT_FIELD_NAME, crm_customer_set_name, G_MAXLONG },
    { CRM_IMPORT_FIELD_CREDIT_CODE, crm_customer_set_credit_code, MAX_SHORT_TEXT },
    { CRM_IMPORT_FIELD_ID_NUMBER, crm_customer_set_id_number, MAX_SHORT_TEXT },
    { CRM_IMPORT_FIELD_OWNER, crm_customer_set_owner, MAX_SHORT_TEXT },
    { CRM_IMPORT_FIELD_PROVINCE, crm_customer_set_province, MAX_SHORT_TEXT },
    { CRM_IMPORT_FIELD_CITY, crm_customer_set_city, MAX_SHORT_TEXT },
    { CRM_IMPORT_FIELD_DISTRICT, crm_customer_set_district, MAX_SHORT_TEXT },
    { CRM_IMPORT_FIELD_STREET, crm_customer_set_street, MAX_ADDRESS },
    { CRM_IMPORT_FIELD_PAIN_POINTS, crm_customer_set_pain_points, MAX_LONG_TEXT },
    { CRM_IMPORT_FIELD_DECISION_CHAIN, crm_customer_set_decision_chain, MAX_LONG_TEXT },
    { CRM_IMPORT_FIELD_NOTES, crm_customer_set_notes, MAX_LONG_TEXT },
  };
  g_autofree char *value = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (columns != NULL, FALSE);
  g_return_val_if_fail (cells != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_free (value);
      value = crm_import_header_map_dup_cell (columns, cells, texts[i].field);
      if (*value == '\0')
        continue;
      if (!check_length (columns, texts[i].field, value, texts[i].limit, reason))
        return FALSE;
      texts[i].set (customer, value);
    }

  g_free (value);
  value = crm_import_header_map_dup_cell (columns, cells, CRM_IMPORT_FIELD_KIND);
  if (*value != '\0')
    {
      CrmCustomerKind kind;

      if (!crm_import_parse_kind (value, &kind))
        {
          const char *title = crm_import_header_map_get_title (columns, CRM_IMPORT_FIELD_KIND);

          *reason = g_strdup_printf (_("%s: “%s” is neither 企业 (enterprise) nor 个人 (individual)."),
                                     title, value);
          return FALSE;
        }
      crm_customer_set_kind (customer, kind);
    }
  else if (crm_customer_get_id_number (customer) != NULL &&
           crm_customer_get_credit_code (customer) == NULL)
    {
      /* A person is known by an ID number, an organisation by a credit code. */
      crm_customer_set_kind (customer, CRM_CUSTOMER_KIND_INDIVIDUAL);
    }

  g_free (value);
  value = crm_import_header_map_dup_cell (columns, cells, CRM_IMPORT_FIELD_FOUNDED_ON);
  if (*value != '\0')
    {
      g_autofree char *date = crm_import_parse_date (value);

      if (date == NULL)
        {
          const char *title =
            crm_import_header_map_get_title (columns, CRM_IMPORT_FIELD_FOUNDED_ON);

          *reason = g_strdup_printf (_("%s: “%s” is not a past date such as 2024-03-01."),
                                     title, value);
          return FALSE;
        }
      crm_customer_set_founded_on (customer, date);
    }

  g_free (value);
  value = crm_import_header_map_dup_cell (columns, cells, CRM_IMPORT_FIELD_INDUSTRY);
  if (*value != '\0')
    {
      g_autofree char *upper = g_ascii_strup (value, -1);
      gpointer id = g_hash_table_lookup (self->industries, value);

      if (id == NULL)
        id = g_hash_table_lookup (self->industries, upper);
      if (id == NULL)
        {
          const char *title = crm_import_header_map_get_title (columns, CRM_IMPORT_FIELD_INDUSTRY);
          GListModel *industries = crm_customer_store_list_industries (self->store);
          g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
          g_autofree char *list = NULL;

          for (guint i = 0; i < g_list_model_get_n_items (industries); i++)
            {
              g_autoptr(CrmIndustry) industry = g_list_model_get_item (industries, i);

              g_ptr_array_add (names, g_strdup (crm_industry_get_name (industry)));
            }
          g_ptr_array_add (names, NULL);
          list = g_strjoinv ("、", (char **) names->pdata);

          *reason = g_strdup_printf (_("%s: “%s” is not an industry of this database (%s)."),
                                     title, value, list);
          return FALSE;
        }
      crm_customer_set_industry_id (customer, GPOINTER_TO_SIZE (id));
    }

  g_free (value);
  value = crm_import_header_map_dup_cell (columns, cells, CRM_IMPORT_FIELD_EMPLOYEES);
  if (*value != '\0')
    {
      gint64 employees = crm_import_parse_amount (value, 1, TRUE);

      if (employees < 0 || employees > G_MAXINT)
        {
          const char *title = crm_import_header_map_get_title (columns, CRM_IMPORT_FIELD_EMPLOYEES);

          *reason = g_strdup_printf (_("%s: “%s” is not a number of people."),
                                     title, value);
          return FALSE;
        }
      crm_customer_set_employees (customer, (int) employees);
    }

  g_free (value);
  value = crm_import_header_map_dup_cell (columns, cells, CRM_IMPORT_FIELD_ANNUAL_REVENUE);
  if (*value != '\0')
    {
      gint64 multiplier = crm_import_header_map_get_revenue_in_wan (columns) ? 10000 : 1;
      gint64 revenue = crm_import_parse_amount (value, multiplier, FALSE);

      if (revenue < 0)
        {
          const char *title =
            crm_import_header_map_get_title (columns, CRM_IMPORT_FIELD_ANNUAL_REVENUE);

          *reason = g_strdup_printf (_("%s: “%s” is not an amount."),
                                     title, value);
          return FALSE;
        }
      crm_customer_set_annual_revenue (customer, revenue);
    }

  g_free (value);
  value = crm_import_header_map_dup_cell (columns, cells, CRM_IMPORT_FIELD_TYPE);
  if (*value != '\0')
    {
      CrmCustomerType type;

      if (!crm_import_parse_type (value, &type))
        {
          const char *title = crm_import_header_map_get_title (columns, CRM_IMPORT_FIELD_TYPE);

          *reason = g_strdup_printf (_("%s: “%s” is not one of 新客户, 老客户 and 战略客户 "
                                       "(new, returning, strategic)."),
                                     title, value);
          return FALSE;
        }
      crm_customer_set_customer_type (customer, type);
    }

  g_free (value);
  value = crm_import_header_map_dup_cell (columns, cells, CRM_IMPORT_FIELD_TIER);
  if (*value != '\0')
    {
      CrmTier tier;

      if (!crm_import_parse_tier (value, &tier))
        {
          const char *title = crm_import_header_map_get_title (columns, CRM_IMPORT_FIELD_TIER);

          *reason = g_strdup_printf (_("%s: “%s” is not one of S, A, B and C."),
                                     title, value);
          return FALSE;
        }
      crm_customer_set_tier (customer, tier);
    }

  g_free (value);
  value = crm_import_header_map_dup_cell (columns, cells, CRM_IMPORT_FIELD_TAGS);
  *tags = crm_import_split_list (value, ";,|", FALSE);
  for (guint i = 0; (*tags)[i] != NULL; i++)
    {
      if (!check_length (columns, CRM_IMPORT_FIELD_TAGS, (*tags)[i], MAX_TAG, reason))
        return FALSE;
    }

  return read_contacts (columns, cells, customer, contacts, reason);
}

