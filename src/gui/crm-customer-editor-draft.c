/* crm-customer-editor-draft.c — the customer form as a GVariant, kept as a draft
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The form's state is everything the user typed or chose, as typed, in an
 * a{sv}. It is what a draft keeps (printed as GVariant text, so a crash
 * loses nothing), and comparing it with the state as loaded tells whether
 * the user changed anything.
 */

#define G_LOG_DOMAIN "crm-customer-editor"

#include <glib/gi18n.h>

#include "crm-customer-editor-private.h"
#include "crm-customer-input.h"
#include "crm-drafts.h"

/* A draft is written once typing pauses this long. */
#define DRAFT_DELAY_MS 300

/* The version of the draft format, kept in each draft. Readers take what
 * they know from any version and leave the rest at its default. */
#define DRAFT_VERSION 1

/* The form as a variant ------------------------------------------------- */

CrmCustomerKind
crm_customer_editor_get_kind (CrmCustomerEditor *self)
{
  return adw_combo_row_get_selected (self->kind_row) == CRM_CUSTOMER_KIND_INDIVIDUAL
    ? CRM_CUSTOMER_KIND_INDIVIDUAL
    : CRM_CUSTOMER_KIND_ENTERPRISE;
}

gint64
crm_customer_editor_get_industry_id (CrmCustomerEditor *self)
{
  CrmIndustry *industry = adw_combo_row_get_selected_item (self->industry_row);

  return industry != NULL ? crm_industry_get_id (industry) : 0;
}

static void
crm_customer_editor_set_industry_id (CrmCustomerEditor *self,
                                     gint64             industry_id)
{
  GListModel *model = G_LIST_MODEL (self->industries);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CrmIndustry) industry = g_list_model_get_item (model, i);

      if (crm_industry_get_id (industry) == industry_id)
        {
          adw_combo_row_set_selected (self->industry_row, i);
          return;
        }
    }

  adw_combo_row_set_selected (self->industry_row, 0);
}

/* A text field, by its key in the state; the row or view itself is found
 * by its place in CrmCustomerEditor. */
typedef struct
{
  const char *key;
  gsize       offset;
} TextField;

static const TextField entry_fields[] = {
  { "name", G_STRUCT_OFFSET (CrmCustomerEditor, name_row) },
  { "credit-code", G_STRUCT_OFFSET (CrmCustomerEditor, credit_code_row) },
  { "id-number", G_STRUCT_OFFSET (CrmCustomerEditor, id_number_row) },
  { "founded-on", G_STRUCT_OFFSET (CrmCustomerEditor, founded_row) },
  { "employees", G_STRUCT_OFFSET (CrmCustomerEditor, employees_row) },
  { "annual-revenue", G_STRUCT_OFFSET (CrmCustomerEditor, revenue_row) },
  { "owner", G_STRUCT_OFFSET (CrmCustomerEditor, owner_row) },
  { "tags", G_STRUCT_OFFSET (CrmCustomerEditor, tags_row) },
  { "province", G_STRUCT_OFFSET (CrmCustomerEditor, province_row) },
  { "city", G_STRUCT_OFFSET (CrmCustomerEditor, city_row) },
  { "district", G_STRUCT_OFFSET (CrmCustomerEditor, district_row) },
  { "street", G_STRUCT_OFFSET (CrmCustomerEditor, street_row) },
};

static const TextField view_fields[] = {
  { "pain-points", G_STRUCT_OFFSET (CrmCustomerEditor, pain_points_view) },
  { "decision-chain", G_STRUCT_OFFSET (CrmCustomerEditor, decision_chain_view) },
  { "notes", G_STRUCT_OFFSET (CrmCustomerEditor, notes_view) },
};

#define FIELD_AT(self, offset) (G_STRUCT_MEMBER (gpointer, (self), (offset)))

/* Everything the user typed or chose, as typed: a draft must keep input
 * that does not pass its checks yet. Empty contact rows are left out, so
 * adding one and leaving it blank changes nothing. */
GVariant *
crm_customer_editor_dup_state (CrmCustomerEditor *self)
{
  g_auto(GVariantBuilder) builder = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE_VARDICT);
  g_auto(GVariantBuilder) contacts = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE ("aa{sv}"));
  const char *tier = crm_tier_to_string (adw_combo_row_get_selected (self->tier_row));

  g_variant_builder_add (&builder, "{sv}", "version", g_variant_new_int32 (DRAFT_VERSION));
  g_variant_builder_add (&builder, "{sv}", "customer-id", g_variant_new_int64 (self->customer_id));
  g_variant_builder_add (&builder, "{sv}", "kind",
                         g_variant_new_string (crm_customer_kind_to_string (crm_customer_editor_get_kind (self))));

  for (guint i = 0; i < G_N_ELEMENTS (entry_fields); i++)
    {
      GtkEditable *row = FIELD_AT (self, entry_fields[i].offset);

      g_variant_builder_add (&builder, "{sv}", entry_fields[i].key,
                             g_variant_new_string (gtk_editable_get_text (row)));
    }

  for (guint i = 0; i < G_N_ELEMENTS (view_fields); i++)
    {
      g_autofree char *text =
        crm_customer_input_dup_view_text (FIELD_AT (self, view_fields[i].offset));

      g_variant_builder_add (&builder, "{sv}", view_fields[i].key, g_variant_new_string (text));
    }

  g_variant_builder_add (&builder, "{sv}", "industry-id",
                         g_variant_new_int64 (crm_customer_editor_get_industry_id (self)));
  g_variant_builder_add (&builder, "{sv}", "customer-type",
                         g_variant_new_string (crm_customer_type_to_string (adw_combo_row_get_selected (self->type_row))));
  g_variant_builder_add (&builder, "{sv}", "tier", g_variant_new_string (tier != NULL ? tier : ""));

  for (guint i = 0; i < self->contact_rows->len; i++)
    {
      CrmContactRow *row = g_ptr_array_index (self->contact_rows, i);

      if (!crm_contact_row_is_empty (row))
        g_variant_builder_add_value (&contacts, crm_contact_row_to_variant (row));
    }
  g_variant_builder_add (&builder, "{sv}", "contacts", g_variant_builder_end (&contacts));

  return g_variant_ref_sink (g_variant_builder_end (&builder));
}

/* The state of a record as it would look in the form. */
GVariant *
crm_customer_editor_dup_record_state (CrmCustomer *customer,
                                      GPtrArray   *contacts)
{
  g_auto(GVariantBuilder) builder = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE_VARDICT);
  g_auto(GVariantBuilder) contact_builder = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE ("aa{sv}"));
  const char * const *tags = crm_customer_get_tags (customer);
  g_autofree char *tag_text = tags != NULL ? g_strjoinv ("，", (GStrv)tags) : g_strdup ("");
  g_autofree char *employees = crm_customer_get_employees (customer) >= 0
    ? g_strdup_printf ("%d", crm_customer_get_employees (customer))
    : g_strdup ("");
  g_autofree char *revenue =
    crm_customer_input_format_revenue (crm_customer_get_annual_revenue (customer));
  const char *tier = crm_tier_to_string (crm_customer_get_tier (customer));
  struct { const char *key; const char *value; } texts[] = {
    { "name", crm_customer_get_name (customer) },
    { "credit-code", crm_customer_get_credit_code (customer) },
    { "id-number", crm_customer_get_id_number (customer) },
    { "founded-on", crm_customer_get_founded_on (customer) },
    { "employees", employees },
    { "annual-revenue", revenue },
    { "owner", crm_customer_get_owner (customer) },
    { "tags", tag_text },
    { "province", crm_customer_get_province (customer) },
    { "city", crm_customer_get_city (customer) },
    { "district", crm_customer_get_district (customer) },
    { "street", crm_customer_get_street (customer) },
    { "pain-points", crm_customer_get_pain_points (customer) },
    { "decision-chain", crm_customer_get_decision_chain (customer) },
    { "notes", crm_customer_get_notes (customer) },
  };

  g_variant_builder_add (&builder, "{sv}", "kind",
                         g_variant_new_string (crm_customer_kind_to_string (crm_customer_get_kind (customer))));
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    g_variant_builder_add (&builder, "{sv}", texts[i].key,
                           g_variant_new_string (texts[i].value != NULL ? texts[i].value : ""));
  g_variant_builder_add (&builder, "{sv}", "industry-id",
                         g_variant_new_int64 (crm_customer_get_industry_id (customer)));
  g_variant_builder_add (&builder, "{sv}", "customer-type",
                         g_variant_new_string (crm_customer_type_to_string (crm_customer_get_customer_type (customer))));
  g_variant_builder_add (&builder, "{sv}", "tier", g_variant_new_string (tier != NULL ? tier : ""));

  for (guint i = 0; contacts != NULL && i < contacts->len; i++)
    {
      CrmContact *contact = g_ptr_array_index (contacts, i);
      g_auto(GVariantBuilder) c = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE_VARDICT);
      struct { const char *key; const char *value; } fields[] = {
        { "name", crm_contact_get_name (contact) },
        { "title", crm_contact_get_title (contact) },
        { "phone", crm_contact_get_phone (contact) },
        { "email", crm_contact_get_email (contact) },
        { "role", crm_contact_get_role (contact) },
        { "preferred-channel", crm_contact_get_preferred_channel (contact) },
        { "preferred-frequency", crm_contact_get_preferred_frequency (contact) },
      };

      g_variant_builder_add (&c, "{sv}", "id", g_variant_new_int64 (crm_contact_get_id (contact)));
      for (guint j = 0; j < G_N_ELEMENTS (fields); j++)
        g_variant_builder_add (&c, "{sv}", fields[j].key,
                               g_variant_new_string (fields[j].value != NULL ? fields[j].value : ""));
      g_variant_builder_add_value (&contact_builder, g_variant_builder_end (&c));
    }
  g_variant_builder_add (&builder, "{sv}", "contacts", g_variant_builder_end (&contact_builder));

  return g_variant_ref_sink (g_variant_builder_end (&builder));
}

/* The text fields by position, for the parts that treat them alike: the
 * entry rows, then the text views. */
guint
crm_customer_editor_get_n_text_fields (void)
{
  return G_N_ELEMENTS (entry_fields) + G_N_ELEMENTS (view_fields);
}

GtkWidget *
crm_customer_editor_get_text_field (CrmCustomerEditor *self,
                                    guint              position)
{
  g_return_val_if_fail (position < crm_customer_editor_get_n_text_fields (), NULL);

  if (position < G_N_ELEMENTS (entry_fields))
    return FIELD_AT (self, entry_fields[position].offset);

  return FIELD_AT (self, view_fields[position - G_N_ELEMENTS (entry_fields)].offset);
}

/* Fills the form from @state, a record's or a draft's. */
void
crm_customer_editor_apply_state (CrmCustomerEditor *self,
                                 GVariant          *state)
{
  g_autoptr(GVariantDict) dict = g_variant_dict_new (state);
  g_autoptr(GVariant) contacts = NULL;
  const char *text;
  gint64 industry_id = 0;

  self->loading++;

  if (!g_variant_dict_lookup (dict, "kind", "&s", &text))
    text = NULL;
  adw_combo_row_set_selected (self->kind_row, crm_customer_kind_from_string (text));
  crm_customer_editor_update_kind (self);

  for (guint i = 0; i < G_N_ELEMENTS (entry_fields); i++)
    {
      GtkWidget *row = FIELD_AT (self, entry_fields[i].offset);

      if (!g_variant_dict_lookup (dict, entry_fields[i].key, "&s", &text))
        text = "";
      gtk_editable_set_text (GTK_EDITABLE (row), text);
      /* Input from a record or a draft shows its problems at once. */
      crm_field_reset (row, *text != '\0');
    }

  for (guint i = 0; i < G_N_ELEMENTS (view_fields); i++)
    {
      GtkTextView *view = FIELD_AT (self, view_fields[i].offset);

      if (!g_variant_dict_lookup (dict, view_fields[i].key, "&s", &text))
        text = "";
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text, -1);
    }

  g_variant_dict_lookup (dict, "industry-id", "x", &industry_id);
  crm_customer_editor_set_industry_id (self, industry_id);

  if (!g_variant_dict_lookup (dict, "customer-type", "&s", &text))
    text = NULL;
  adw_combo_row_set_selected (self->type_row, crm_customer_type_from_string (text));

  if (!g_variant_dict_lookup (dict, "tier", "&s", &text))
    text = NULL;
  adw_combo_row_set_selected (self->tier_row, crm_tier_from_string (text));

  crm_customer_editor_remove_contact_rows (self);
  contacts = g_variant_dict_lookup_value (dict, "contacts", G_VARIANT_TYPE ("aa{sv}"));
  if (contacts != NULL)
    {
      GVariantIter iter;
      GVariant *child;

      g_variant_iter_init (&iter, contacts);
      while ((child = g_variant_iter_next_value (&iter)) != NULL)
        {
          CrmContactRow *row = crm_contact_row_new_from_variant (child);

          crm_customer_editor_insert_contact_row (self, row, G_MAXUINT);
          g_variant_unref (child);
        }
    }

  self->loading--;
}

/* Drafts ----------------------------------------------------------------- */

/* The input was saved or discarded: nothing is left to keep. */
void
crm_customer_editor_clear_draft (CrmCustomerEditor *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->draft_source, g_source_remove);

  if (!crm_drafts_clear (crm_customer_store_get_database (self->store), self->draft_key, &error))
    g_warning ("Could not remove the draft %s: %s", self->draft_key, error->message);

  self->draft_written = FALSE;
}

/* Keeps the form as the draft now, rather than once typing pauses. */
void
crm_customer_editor_write_draft (CrmCustomerEditor *self)
{
  g_autoptr(GVariant) state = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_clear_handle_id (&self->draft_source, g_source_remove);

  crm_customer_editor_update_dirty (self);

  /* Back to what was loaded: nothing to keep. */
  if (!self->dirty)
    {
      if (self->draft_written)
        crm_customer_editor_clear_draft (self);
      return;
    }

  state = crm_customer_editor_dup_state (self);
  text = g_variant_print (state, TRUE);

  if (!crm_drafts_set (crm_customer_store_get_database (self->store), self->draft_key, text, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Your input could not be kept as a draft: %s"),
                                                  error->message);

      crm_customer_editor_show_error (self, message);
      return;
    }

  self->draft_written = TRUE;
}

static gboolean
crm_customer_editor_draft_timeout_cb (gpointer user_data)
{
  CrmCustomerEditor *self = user_data;

  self->draft_source = 0;
  crm_customer_editor_write_draft (self);

  return G_SOURCE_REMOVE;
}

/* The user changed something: keep it once typing pauses. */
void
crm_customer_editor_schedule_draft (CrmCustomerEditor *self)
{
  g_clear_handle_id (&self->draft_source, g_source_remove);
  self->draft_source = g_timeout_add (DRAFT_DELAY_MS, crm_customer_editor_draft_timeout_cb, self);
}

/* Takes the draft under the editor's key, if one is left, into the form.
 * Returns whether it did. */
gboolean
crm_customer_editor_restore_draft (CrmCustomerEditor *self)
{
  g_autofree char *text = NULL;
  g_autoptr(GVariant) state = NULL;
  g_autoptr(GError) error = NULL;

  text = crm_drafts_get (crm_customer_store_get_database (self->store), self->draft_key);
  if (text == NULL)
    return FALSE;

  state = g_variant_parse (G_VARIANT_TYPE_VARDICT, text, NULL, NULL, &error);
  if (state == NULL)
    {
      /* Left in place: it may be from a newer Rapport. */
      g_warning ("Could not read the draft %s: %s", self->draft_key, error->message);
      return FALSE;
    }

  crm_customer_editor_apply_state (self, state);
  crm_customer_editor_update_dirty (self);

  if (!self->dirty)
    {
      /* The draft says what the record says already. */
      crm_customer_editor_clear_draft (self);
      return FALSE;
    }

  self->draft_written = TRUE;
  gtk_info_bar_set_revealed (self->restored_bar, TRUE);

  return TRUE;
}
