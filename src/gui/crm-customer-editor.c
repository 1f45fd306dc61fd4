/* crm-customer-editor.c — the window that adds or edits one customer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "crm-customer-editor"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

#include "crm-contact-row.h"
#include "crm-customer-editor.h"
#include "crm-drafts.h"
#include "crm-validate.h"

/* A draft is written once typing pauses this long. */
#define DRAFT_DELAY_MS 300

/* The version of the draft format, kept in each draft. Readers take what
 * they know from any version and leave the rest at its default. */
#define DRAFT_VERSION 1

#define DRAFT_PREFIX "customer:"

struct _CrmCustomerEditor
{
  AdwWindow            parent_instance;

  CrmCustomerStore    *store;
  /* 0 for a new customer, or one whose record went away meanwhile. */
  gint64               customer_id;
  /* The record as loaded: saving starts from a copy of it, so the fields
   * this window does not show (review state, code, annual spend) stay. */
  CrmCustomer         *original;
  char                *draft_key;
  /* The form as loaded, to tell whether the user changed anything. */
  GVariant            *baseline;
  /* The CrmContactRows in order; the contacts group owns them. */
  GPtrArray           *contact_rows;
  GListStore          *no_industry;
  GtkFlattenListModel *industries;

  /* The last contact removed, for the toast's Undo. */
  GVariant            *removed_contact;
  guint                removed_position;

  guint                draft_source;
  guint                loading;
  gboolean             dirty;
  gboolean             draft_written;
  gboolean             close_confirmed;

  /* Template widgets */
  AdwToastOverlay     *toast_overlay;
  AdwWindowTitle      *window_title;
  GtkWidget           *save_button;
  GtkInfoBar          *restored_bar;
  GtkInfoBar          *error_bar;
  GtkLabel            *error_label;
  AdwPreferencesPage  *page;
  AdwComboRow         *kind_row;
  AdwEntryRow         *name_row;
  AdwEntryRow         *credit_code_row;
  AdwEntryRow         *id_number_row;
  AdwEntryRow         *founded_row;
  GtkCalendar         *calendar;
  GtkPopover          *calendar_popover;
  AdwComboRow         *industry_row;
  AdwEntryRow         *employees_row;
  AdwEntryRow         *revenue_row;
  AdwComboRow         *type_row;
  AdwComboRow         *tier_row;
  AdwEntryRow         *owner_row;
  AdwEntryRow         *tags_row;
  AdwEntryRow         *province_row;
  AdwEntryRow         *city_row;
  AdwEntryRow         *district_row;
  AdwEntryRow         *street_row;
  AdwPreferencesGroup *contacts_group;
  GtkTextView         *pain_points_view;
  GtkTextView         *decision_chain_view;
  GtkTextView         *notes_view;
};

G_DEFINE_FINAL_TYPE (CrmCustomerEditor, crm_customer_editor, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CUSTOMER_ID,
  PROP_DIRTY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The open editors by draft key, so two windows never write one draft and
 * opening a customer twice shows the window already open. Weak values:
 * an editor removes itself when disposed. */
static GHashTable *open_editors;

static void crm_customer_editor_save (CrmCustomerEditor *self,
                                      CrmSaveFlags       flags);

/* Closes the editor after the user saved or discarded the input. Not
 * gtk_window_close(), which does nothing to a window not yet shown. */
static void
crm_customer_editor_finish (CrmCustomerEditor *self)
{
  self->close_confirmed = TRUE;
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Parsing ---------------------------------------------------------------- */

/* @text in NFKC (full-width digits and punctuation become ASCII) without
 * surrounding whitespace. Never NULL. */
static char *
normalize_text (const char *text)
{
  char *normal = g_utf8_normalize (text != NULL ? text : "", -1, G_NORMALIZE_NFKC);

  if (normal == NULL)
    return g_strdup ("");

  return g_strstrip (normal);
}

/* The text of an entry row without surrounding whitespace, or NULL. */
static char *
dup_entry_text (AdwEntryRow *row)
{
  char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (*text == '\0')
    g_clear_pointer (&text, g_free);

  return text;
}

static char *
dup_view_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static char *
dup_view_text_or_null (GtkTextView *view)
{
  char *text = g_strstrip (dup_view_text (view));

  if (*text == '\0')
    g_clear_pointer (&text, g_free);

  return text;
}

static gboolean
is_digits (const char *text,
           gsize       min,
           gsize       max)
{
  gsize len = strlen (text);

  if (len < min || len > max)
    return FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (!g_ascii_isdigit (*p))
        return FALSE;
    }

  return TRUE;
}

/* Founding dates as people write them: 2015-06-30, 2015/6/30, 2015.6.30,
 * 2015年6月30日. The result is ISO 8601, or NULL for an empty field. */
static CrmFieldState
parse_founded (const char  *text,
               char       **iso,
               char       **message)
{
  g_autofree char *normal = normalize_text (text);
  g_autoptr(GRegex) regex = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(GDateTime) now = NULL;
  int year, month, day;

  *iso = NULL;
  *message = NULL;

  if (*normal == '\0')
    return CRM_FIELD_OK;

  regex = g_regex_new ("^(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?$",
                       0, 0, NULL);
  if (!g_regex_match (regex, normal, 0, &match))
    {
      *message = g_strdup (_("Founded: enter a date such as 2015-06-30."));
      return CRM_FIELD_ERROR;
    }

  {
    g_autofree char *y = g_match_info_fetch (match, 1);
    g_autofree char *m = g_match_info_fetch (match, 2);
    g_autofree char *d = g_match_info_fetch (match, 3);

    year = atoi (y);
    month = atoi (m);
    day = atoi (d);
  }

  if (year < 1800 || !g_date_valid_dmy (day, month, year))
    {
      *message = g_strdup (_("Founded: enter a date such as 2015-06-30."));
      return CRM_FIELD_ERROR;
    }

  *iso = g_strdup_printf ("%04d-%02d-%02d", year, month, day);

  now = g_date_time_new_now_local ();
  {
    g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

    if (strcmp (*iso, today) > 0)
      {
        g_clear_pointer (iso, g_free);
        *message = g_strdup (_("Founded: the date is in the future."));
        return CRM_FIELD_ERROR;
      }
  }

  return CRM_FIELD_OK;
}

/* Removes the thousands separators people type, "1,200" or "1，200". */
static char *
strip_separators (const char *normal)
{
  GString *out = g_string_new (NULL);

  for (const char *p = normal; *p != '\0'; p++)
    {
      if (*p != ',' && *p != ' ')
        g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

static CrmFieldState
parse_employees (const char  *text,
                 int         *employees,
                 char       **message)
{
  g_autofree char *normal = normalize_text (text);
  g_autofree char *digits = strip_separators (normal);

  *employees = -1;
  *message = NULL;

  if (*digits == '\0')
    return CRM_FIELD_OK;

  if (!is_digits (digits, 1, 9))
    {
      *message = g_strdup (_("Employees: enter a whole number, such as 120."));
      return CRM_FIELD_ERROR;
    }

  *employees = atoi (digits);

  return CRM_FIELD_OK;
}

/* Annual revenue is typed in 万元 and kept in whole yuan, so up to four
 * decimals are exact; the arithmetic stays in integers. */
static CrmFieldState
parse_revenue (const char  *text,
               gint64      *yuan,
               char       **message)
{
  g_autofree char *normal = normalize_text (text);
  g_autofree char *number = strip_separators (normal);
  g_auto(GStrv) parts = NULL;
  gint64 value;

  *yuan = -1;
  *message = NULL;

  if (*number == '\0')
    return CRM_FIELD_OK;

  parts = g_strsplit (number, ".", 3);
  if (!is_digits (parts[0], 1, 12) ||
      (parts[1] != NULL && !is_digits (parts[1], 1, 4)) ||
      (parts[1] != NULL && parts[2] != NULL))
    {
      /* Translators: the amount is in 万元; say so in the unit your
       * language uses for it. */
      *message = g_strdup (_("Annual revenue: enter an amount in units of 10,000 CNY "
                             "with at most four decimals, such as 350 or 12.5."));
      return CRM_FIELD_ERROR;
    }

  value = g_ascii_strtoll (parts[0], NULL, 10) * 10000;
  if (parts[1] != NULL)
    {
      char frac[5] = "0000";

      memcpy (frac, parts[1], strlen (parts[1]));
      value += g_ascii_strtoll (frac, NULL, 10);
    }

  *yuan = value;

  return CRM_FIELD_OK;
}

static char *
format_revenue (gint64 yuan)
{
  g_autofree char *frac = NULL;
  gsize len;

  if (yuan < 0)
    return g_strdup ("");

  if (yuan % 10000 == 0)
    return g_strdup_printf ("%" G_GINT64_FORMAT, yuan / 10000);

  frac = g_strdup_printf ("%04d", (int)(yuan % 10000));
  len = strlen (frac);
  while (len > 0 && frac[len - 1] == '0')
    frac[--len] = '\0';

  return g_strdup_printf ("%" G_GINT64_FORMAT ".%s", yuan / 10000, frac);
}

/* Tags are typed in one line, separated the ways Chinese and English text
 * separates list items. Empty and repeated tags are dropped. */
static CrmFieldState
parse_tags (const char   *text,
            GStrv        *tags,
            char        **message)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GRegex) regex = g_regex_new ("[,，、;；\\n]", 0, 0, NULL);
  g_auto(GStrv) parts = g_regex_split (regex, text != NULL ? text : "", 0);
  CrmFieldState state = CRM_FIELD_OK;

  *message = NULL;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *tag = g_strstrip (parts[i]);

      if (*tag == '\0' || g_hash_table_contains (seen, tag))
        continue;

      if (g_utf8_strlen (tag, -1) > 30 && state == CRM_FIELD_OK)
        {
          *message = g_strdup_printf (_("Tags: “%s” has more than 30 characters."), tag);
          state = CRM_FIELD_ERROR;
        }

      g_hash_table_add (seen, tag);
      g_strv_builder_add (builder, tag);
    }

  *tags = g_strv_builder_end (builder);

  return state;
}

/* The form as a variant ------------------------------------------------- */

static CrmCustomerKind
crm_customer_editor_get_kind (CrmCustomerEditor *self)
{
  return adw_combo_row_get_selected (self->kind_row) == CRM_CUSTOMER_KIND_INDIVIDUAL
    ? CRM_CUSTOMER_KIND_INDIVIDUAL
    : CRM_CUSTOMER_KIND_ENTERPRISE;
}

static gint64
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

static const struct
{
  const char *key;
  gsize       offset;
} entry_fields[] = {
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

static const struct
{
  const char *key;
  gsize       offset;
} view_fields[] = {
  { "pain-points", G_STRUCT_OFFSET (CrmCustomerEditor, pain_points_view) },
  { "decision-chain", G_STRUCT_OFFSET (CrmCustomerEditor, decision_chain_view) },
  { "notes", G_STRUCT_OFFSET (CrmCustomerEditor, notes_view) },
};

#define FIELD_AT(self, offset) (G_STRUCT_MEMBER (gpointer, (self), (offset)))

/* Everything the user typed or chose, as typed: a draft must keep input
 * that does not pass its checks yet. Empty contact rows are left out, so
 * adding one and leaving it blank changes nothing. */
static GVariant *
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
      g_autofree char *text = dup_view_text (FIELD_AT (self, view_fields[i].offset));

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
static GVariant *
state_from_record (CrmCustomer *customer,
                   GPtrArray   *contacts)
{
  g_auto(GVariantBuilder) builder = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE_VARDICT);
  g_auto(GVariantBuilder) contact_builder = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE ("aa{sv}"));
  const char * const *tags = crm_customer_get_tags (customer);
  g_autofree char *tag_text = tags != NULL ? g_strjoinv ("，", (GStrv)tags) : g_strdup ("");
  g_autofree char *employees = crm_customer_get_employees (customer) >= 0
    ? g_strdup_printf ("%d", crm_customer_get_employees (customer))
    : g_strdup ("");
  g_autofree char *revenue = format_revenue (crm_customer_get_annual_revenue (customer));
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

static void crm_customer_editor_contact_changed_cb          (CrmCustomerEditor *self,
                                                             gboolean           edited,
                                                             CrmContactRow     *row);
static void crm_customer_editor_contact_remove_requested_cb (CrmCustomerEditor *self,
                                                             CrmContactRow     *row);

static void
crm_customer_editor_update_contacts_description (CrmCustomerEditor *self)
{
  adw_preferences_group_set_description (self->contacts_group,
                                         self->contact_rows->len == 0 ? _("No contacts yet") : NULL);
}

static void
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

static void
crm_customer_editor_remove_contact_rows (CrmCustomerEditor *self)
{
  while (self->contact_rows->len > 0)
    {
      GtkWidget *row = g_ptr_array_steal_index (self->contact_rows, self->contact_rows->len - 1);

      adw_preferences_group_remove (self->contacts_group, row);
    }

  crm_customer_editor_update_contacts_description (self);
}

static void
crm_customer_editor_update_kind (CrmCustomerEditor *self)
{
  gboolean enterprise = crm_customer_editor_get_kind (self) == CRM_CUSTOMER_KIND_ENTERPRISE;

  gtk_widget_set_visible (GTK_WIDGET (self->credit_code_row), enterprise);
  gtk_widget_set_visible (GTK_WIDGET (self->id_number_row), !enterprise);
}

/* Fills the form from @state, a record's or a draft's. */
static void
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

/* Checking --------------------------------------------------------------- */

static void
crm_customer_editor_check_name (CrmCustomerEditor *self,
                                CrmFieldState     *state,
                                char             **message)
{
  g_autofree char *name = dup_entry_text (self->name_row);

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
  g_autofree char *text = dup_entry_text (row);
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

/* Checks every field and shows the messages that are due. Saving is
 * possible when nothing blocks it. */
static gboolean
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

        for (guint i = 0; i < G_N_ELEMENTS (entry_fields); i++)
          {
            GtkWidget *row = FIELD_AT (self, entry_fields[i].offset);

            if (row != GTK_WIDGET (self->name_row) && crm_field_get_done (row))
              started = TRUE;
          }
        if (started)
          crm_field_set_shown (GTK_WIDGET (self->name_row), TRUE);
      }

    crm_field_update (GTK_WIDGET (self->name_row), state, message);
    ok &= note_state (state, message, &first_error);
  }

  {
    g_autofree char *message = NULL;

    crm_customer_editor_check_identifier (self, self->credit_code_row, &state, &message);
    crm_field_update (GTK_WIDGET (self->credit_code_row), state, message);
    ok &= note_state (state, message, &first_error);
  }

  {
    g_autofree char *message = NULL;

    crm_customer_editor_check_identifier (self, self->id_number_row, &state, &message);
    crm_field_update (GTK_WIDGET (self->id_number_row), state, message);
    ok &= note_state (state, message, &first_error);
  }

  {
    g_autofree char *message = NULL;
    g_autofree char *iso = NULL;

    state = parse_founded (gtk_editable_get_text (GTK_EDITABLE (self->founded_row)), &iso, &message);
    crm_field_update (GTK_WIDGET (self->founded_row), state, message);
    ok &= note_state (state, message, &first_error);
  }

  {
    g_autofree char *message = NULL;
    int employees;

    state = parse_employees (gtk_editable_get_text (GTK_EDITABLE (self->employees_row)), &employees, &message);
    crm_field_update (GTK_WIDGET (self->employees_row), state, message);
    ok &= note_state (state, message, &first_error);
  }

  {
    g_autofree char *message = NULL;
    gint64 yuan;

    state = parse_revenue (gtk_editable_get_text (GTK_EDITABLE (self->revenue_row)), &yuan, &message);
    crm_field_update (GTK_WIDGET (self->revenue_row), state, message);
    ok &= note_state (state, message, &first_error);
  }

  {
    g_autofree char *message = NULL;
    g_auto(GStrv) tags = NULL;

    state = parse_tags (gtk_editable_get_text (GTK_EDITABLE (self->tags_row)), &tags, &message);
    crm_field_update (GTK_WIDGET (self->tags_row), state, message);
    ok &= note_state (state, message, &first_error);
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

/* Drafts ----------------------------------------------------------------- */

static void
crm_customer_editor_show_error (CrmCustomerEditor *self,
                                const char        *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_info_bar_set_revealed (self->error_bar, TRUE);
}

static void
crm_customer_editor_dismiss_error_cb (CrmCustomerEditor *self,
                                      GtkButton         *button)
{
  gtk_info_bar_set_revealed (self->error_bar, FALSE);
}

static void
crm_customer_editor_update_dirty (CrmCustomerEditor *self)
{
  g_autoptr(GVariant) state = crm_customer_editor_dup_state (self);
  gboolean dirty;

  dirty = !g_variant_equal (state, self->baseline);

  if (dirty != self->dirty)
    {
      self->dirty = dirty;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRTY]);
    }
}

static void
crm_customer_editor_clear_draft (CrmCustomerEditor *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->draft_source, g_source_remove);

  if (!crm_drafts_clear (crm_customer_store_get_database (self->store), self->draft_key, &error))
    g_warning ("Could not remove the draft %s: %s", self->draft_key, error->message);

  self->draft_written = FALSE;
}

static void
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

/* The user changed something: keep it, and check it. */
static void
crm_customer_editor_edited (CrmCustomerEditor *self)
{
  if (self->loading > 0)
    return;

  crm_customer_editor_update_dirty (self);

  g_clear_handle_id (&self->draft_source, g_source_remove);
  self->draft_source = g_timeout_add (DRAFT_DELAY_MS, crm_customer_editor_draft_timeout_cb, self);

  crm_customer_editor_check (self);
}

static void
crm_customer_editor_field_cb (GtkWidget *row,
                              gboolean   edited,
                              gpointer   user_data)
{
  CrmCustomerEditor *self = user_data;

  if (self->loading > 0)
    return;

  if (edited)
    crm_customer_editor_edited (self);
  else
    crm_customer_editor_check (self);
}

static void
crm_customer_editor_buffer_changed_cb (CrmCustomerEditor *self,
                                       GtkTextBuffer     *buffer)
{
  crm_customer_editor_edited (self);
}

static void
crm_customer_editor_combo_changed_cb (CrmCustomerEditor *self,
                                      GParamSpec        *pspec,
                                      AdwComboRow       *row)
{
  crm_customer_editor_edited (self);
}

static void
crm_customer_editor_kind_changed_cb (CrmCustomerEditor *self,
                                     GParamSpec        *pspec,
                                     AdwComboRow       *row)
{
  crm_customer_editor_update_kind (self);
  crm_customer_editor_edited (self);
}

static void
crm_customer_editor_contact_changed_cb (CrmCustomerEditor *self,
                                        gboolean           edited,
                                        CrmContactRow     *row)
{
  if (self->loading > 0)
    return;

  if (edited)
    crm_customer_editor_edited (self);
  else
    crm_customer_editor_check (self);
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

/* Saving ----------------------------------------------------------------- */

static CrmCustomer *
crm_customer_editor_build_customer (CrmCustomerEditor  *self,
                                    GStrv              *tags)
{
  CrmCustomer *customer;
  CrmCustomerKind kind = crm_customer_editor_get_kind (self);
  g_autofree char *name = dup_entry_text (self->name_row);
  g_autofree char *credit_code = NULL;
  g_autofree char *id_number = NULL;
  g_autofree char *founded_on = NULL;
  g_autofree char *message = NULL;
  int employees;
  gint64 revenue;

  customer = self->original != NULL ? crm_customer_copy (self->original) : crm_customer_new ();
  crm_customer_set_id (customer, self->customer_id);

  if (kind == CRM_CUSTOMER_KIND_ENTERPRISE)
    credit_code = dup_entry_text (self->credit_code_row);
  else
    id_number = dup_entry_text (self->id_number_row);

  parse_founded (gtk_editable_get_text (GTK_EDITABLE (self->founded_row)), &founded_on, &message);
  g_clear_pointer (&message, g_free);
  parse_employees (gtk_editable_get_text (GTK_EDITABLE (self->employees_row)), &employees, &message);
  g_clear_pointer (&message, g_free);
  parse_revenue (gtk_editable_get_text (GTK_EDITABLE (self->revenue_row)), &revenue, &message);
  g_clear_pointer (&message, g_free);
  parse_tags (gtk_editable_get_text (GTK_EDITABLE (self->tags_row)), tags, &message);

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
        g_autofree char *text = dup_entry_text (entries[i].row);

        entries[i].set (customer, text);
      }

    for (guint i = 0; i < G_N_ELEMENTS (views); i++)
      {
        g_autofree char *text = dup_view_text_or_null (views[i].view);

        views[i].set (customer, text);
      }
  }

  return customer;
}

static GPtrArray *
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

/* The rows in the order they appear, for finding the first message. */
static GtkWidget *
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
static void
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

static void
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

  /* Whatever the user skipped now gets its message. */
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

  if (self->customer_id != id)
    {
      self->customer_id = id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CUSTOMER_ID]);
    }

  crm_customer_editor_clear_draft (self);
  self->close_confirmed = TRUE;

  /* Kept alive for the handlers, which may look at the editor. */
  g_object_ref (self);
  g_signal_emit (self, signals[SAVED], 0, id);
  crm_customer_editor_finish (self);
  g_object_unref (self);
}

/* Actions ---------------------------------------------------------------- */

static void
crm_customer_editor_save_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *param)
{
  crm_customer_editor_save (CRM_CUSTOMER_EDITOR (widget), CRM_SAVE_DEFAULT);
}

static void
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

static void
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

static void
crm_customer_editor_discard_draft_action (GtkWidget  *widget,
                                          const char *action_name,
                                          GVariant   *param)
{
  CrmCustomerEditor *self = CRM_CUSTOMER_EDITOR (widget);

  crm_customer_editor_clear_draft (self);
  crm_customer_editor_finish (self);
}

static void
crm_customer_editor_close_response_cb (CrmCustomerEditor *self,
                                       const char        *response,
                                       AdwMessageDialog  *dialog)
{
  if (g_strcmp0 (response, "discard") == 0)
    {
      crm_customer_editor_clear_draft (self);
      crm_customer_editor_finish (self);
    }
  else if (g_strcmp0 (response, "save") == 0)
    {
      crm_customer_editor_save (self, CRM_SAVE_DEFAULT);
    }
}

static gboolean
crm_customer_editor_close_request (GtkWindow *window)
{
  CrmCustomerEditor *self = CRM_CUSTOMER_EDITOR (window);
  GtkWidget *dialog;

  if (self->close_confirmed)
    return GTK_WINDOW_CLASS (crm_customer_editor_parent_class)->close_request (window);

  crm_customer_editor_update_dirty (self);

  if (!self->dirty)
    {
      if (self->draft_written || gtk_info_bar_get_revealed (self->restored_bar))
        crm_customer_editor_clear_draft (self);
      return GTK_WINDOW_CLASS (crm_customer_editor_parent_class)->close_request (window);
    }

  /* Keep the input while the user decides. */
  crm_customer_editor_write_draft (self);

  dialog = adw_message_dialog_new (window, _("Save Changes?"),
                                   _("This customer has changes that are not saved yet. "
                                     "Discarded changes cannot be recovered."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  /* Saving would be refused: say so by offering only the other choices. */
  if (!crm_customer_editor_check (self))
    adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "save", FALSE);

  g_signal_connect_object (dialog, "response",
                           G_CALLBACK (crm_customer_editor_close_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));

  return TRUE;
}

/* The founding date's calendar ------------------------------------------ */

static void
crm_customer_editor_day_selected_cb (CrmCustomerEditor *self,
                                     GtkCalendar       *calendar)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);
  g_autofree char *iso = g_date_time_format (date, "%Y-%m-%d");

  gtk_editable_set_text (GTK_EDITABLE (self->founded_row), iso);
  crm_field_set_shown (GTK_WIDGET (self->founded_row), TRUE);
  crm_customer_editor_check (self);
  gtk_popover_popdown (self->calendar_popover);
}

static void
crm_customer_editor_calendar_show_cb (CrmCustomerEditor *self,
                                      GtkPopover        *popover)
{
  g_autofree char *iso = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GDateTime) date = NULL;

  parse_founded (gtk_editable_get_text (GTK_EDITABLE (self->founded_row)), &iso, &message);
  if (iso != NULL)
    {
      int year, month, day;

      if (sscanf (iso, "%d-%d-%d", &year, &month, &day) == 3)
        date = g_date_time_new_local (year, month, day, 0, 0, 0);
    }

  if (date == NULL)
    date = g_date_time_new_now_local ();

  g_signal_handlers_block_by_func (self->calendar, crm_customer_editor_day_selected_cb, self);
  gtk_calendar_select_day (self->calendar, date);
  g_signal_handlers_unblock_by_func (self->calendar, crm_customer_editor_day_selected_cb, self);
}

/* GObject ---------------------------------------------------------------- */

static void
crm_customer_editor_unregister (CrmCustomerEditor *self)
{
  if (open_editors != NULL && self->draft_key != NULL &&
      g_hash_table_lookup (open_editors, self->draft_key) == self)
    g_hash_table_remove (open_editors, self->draft_key);
}

static void
crm_customer_editor_dispose (GObject *object)
{
  CrmCustomerEditor *self = (CrmCustomerEditor *)object;

  /* Closed without a decision (the application quit, the parent went
   * away): whatever was typed last stays as the draft. */
  if (self->draft_source != 0 && !self->close_confirmed && self->store != NULL)
    crm_customer_editor_write_draft (self);
  g_clear_handle_id (&self->draft_source, g_source_remove);

  crm_customer_editor_unregister (self);

  /* Our dialogs go with us. They are let go of first: a dialog that
   * outlives the editor inside its own "response" (Save Anyway closes the
   * editor) would otherwise keep a dangling transient parent in GTK 4.8. */
  {
    GListModel *toplevels = gtk_window_get_toplevels ();

    for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
      {
        g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i - 1);

        if (gtk_window_get_transient_for (window) == GTK_WINDOW (self))
          {
            gtk_window_set_transient_for (window, NULL);
            gtk_window_destroy (window);
          }
      }
  }

  /* Rows going away emit changes: nothing is left to react to them. */
  self->loading++;
  g_ptr_array_set_size (self->contact_rows, 0);

  gtk_widget_dispose_template (GTK_WIDGET (self), CRM_TYPE_CUSTOMER_EDITOR);

  g_clear_object (&self->industries);
  g_clear_object (&self->no_industry);
  g_clear_object (&self->original);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (crm_customer_editor_parent_class)->dispose (object);
}

static void
crm_customer_editor_finalize (GObject *object)
{
  CrmCustomerEditor *self = (CrmCustomerEditor *)object;

  g_clear_pointer (&self->contact_rows, g_ptr_array_unref);
  g_clear_pointer (&self->baseline, g_variant_unref);
  g_clear_pointer (&self->removed_contact, g_variant_unref);
  g_clear_pointer (&self->draft_key, g_free);

  G_OBJECT_CLASS (crm_customer_editor_parent_class)->finalize (object);
}

static void
crm_customer_editor_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  CrmCustomerEditor *self = CRM_CUSTOMER_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_CUSTOMER_ID:
      g_value_set_int64 (value, self->customer_id);
      break;

    case PROP_DIRTY:
      g_value_set_boolean (value, self->dirty);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_customer_editor_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  CrmCustomerEditor *self = CRM_CUSTOMER_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_customer_editor_constructed (GObject *object)
{
  CrmCustomerEditor *self = (CrmCustomerEditor *)object;
  g_autoptr(GListStore) models = g_list_store_new (G_TYPE_LIST_MODEL);
  g_autoptr(CrmIndustry) none = NULL;

  G_OBJECT_CLASS (crm_customer_editor_parent_class)->constructed (object);

  g_return_if_fail (CRM_IS_CUSTOMER_STORE (self->store));

  /* "None" first, then the industries as the store keeps them. */
  self->no_industry = g_list_store_new (CRM_TYPE_INDUSTRY);
  none = crm_industry_new (0, "", _("None"));
  g_list_store_append (self->no_industry, none);
  g_list_store_append (models, self->no_industry);
  g_list_store_append (models, crm_customer_store_list_industries (self->store));
  self->industries = gtk_flatten_list_model_new (G_LIST_MODEL (g_steal_pointer (&models)));

  self->loading++;
  adw_combo_row_set_expression (self->industry_row,
                                gtk_property_expression_new (CRM_TYPE_INDUSTRY, NULL, "name"));
  adw_combo_row_set_model (self->industry_row, G_LIST_MODEL (self->industries));
  self->loading--;
}

static void
crm_customer_editor_class_init (CrmCustomerEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = crm_customer_editor_constructed;
  object_class->dispose = crm_customer_editor_dispose;
  object_class->finalize = crm_customer_editor_finalize;
  object_class->get_property = crm_customer_editor_get_property;
  object_class->set_property = crm_customer_editor_set_property;

  window_class->close_request = crm_customer_editor_close_request;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         CRM_TYPE_CUSTOMER_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_CUSTOMER_ID] =
    g_param_spec_int64 ("customer-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_DIRTY] =
    g_param_spec_boolean ("dirty", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/rapportcrm/Rapport/crm-customer-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmCustomerEditor, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomerEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomerEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomerEditor, restored_bar);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomerEditor, error_bar);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomerEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomerEditor, page);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomerEditor, kind_row);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomerEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomerEditor, credit_code_row);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomerEditor, id_number_row);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomerEditor, founded_row);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomerEditor, calendar);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomerEditor, calendar_popover);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomerEditor, industry_row);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomerEditor, employees_row);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomerEditor, revenue_row);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomerEditor, type_row);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomerEditor, tier_row);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomerEditor, owner_row);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomerEditor, tags_row);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomerEditor, province_row);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomerEditor, city_row);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomerEditor, district_row);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomerEditor, street_row);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomerEditor, contacts_group);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomerEditor, pain_points_view);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomerEditor, decision_chain_view);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomerEditor, notes_view);
  gtk_widget_class_bind_template_callback (widget_class, crm_customer_editor_kind_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, crm_customer_editor_combo_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, crm_customer_editor_dismiss_error_cb);
  gtk_widget_class_bind_template_callback (widget_class, crm_customer_editor_calendar_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, crm_customer_editor_day_selected_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, crm_customer_editor_save_action);
  gtk_widget_class_install_action (widget_class, "editor.add-contact", NULL, crm_customer_editor_add_contact_action);
  gtk_widget_class_install_action (widget_class, "editor.undo-remove-contact", NULL,
                                   crm_customer_editor_undo_remove_contact_action);
  gtk_widget_class_install_action (widget_class, "editor.discard-draft", NULL,
                                   crm_customer_editor_discard_draft_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
crm_customer_editor_init (CrmCustomerEditor *self)
{
  g_autoptr(GtkStringList) kinds = NULL;
  g_autoptr(GtkStringList) types = NULL;
  g_autoptr(GtkStringList) tiers = NULL;

  self->contact_rows = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->loading++;

  /* In the order of the enumerations, so a position is a value. */
  kinds = gtk_string_list_new (NULL);
  for (CrmCustomerKind kind = CRM_CUSTOMER_KIND_ENTERPRISE; kind <= CRM_CUSTOMER_KIND_INDIVIDUAL; kind++)
    gtk_string_list_append (kinds, crm_customer_kind_get_label (kind));
  types = gtk_string_list_new (NULL);
  for (CrmCustomerType type = CRM_CUSTOMER_TYPE_NEW; type <= CRM_CUSTOMER_TYPE_STRATEGIC; type++)
    gtk_string_list_append (types, crm_customer_type_get_label (type));
  tiers = gtk_string_list_new (NULL);
  for (CrmTier tier = CRM_TIER_NONE; tier <= CRM_TIER_C; tier++)
    gtk_string_list_append (tiers, crm_tier_get_label (tier));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  adw_combo_row_set_model (self->type_row, G_LIST_MODEL (types));
  adw_combo_row_set_model (self->tier_row, G_LIST_MODEL (tiers));

  for (guint i = 0; i < G_N_ELEMENTS (entry_fields); i++)
    crm_field_watch (FIELD_AT (self, entry_fields[i].offset), crm_customer_editor_field_cb, self);

  for (guint i = 0; i < G_N_ELEMENTS (view_fields); i++)
    {
      GtkTextView *view = FIELD_AT (self, view_fields[i].offset);

      g_signal_connect_object (gtk_text_view_get_buffer (view), "changed",
                               G_CALLBACK (crm_customer_editor_buffer_changed_cb),
                               self, G_CONNECT_SWAPPED);
    }

  crm_customer_editor_update_kind (self);
  crm_customer_editor_update_contacts_description (self);

  self->loading--;
}

/* Opening ---------------------------------------------------------------- */

static void
crm_customer_editor_update_title (CrmCustomerEditor *self)
{
  const char *title = self->customer_id > 0 ? _("Edit Customer") : _("New Customer");

  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title,
                                 self->original != NULL ? crm_customer_get_name (self->original) : NULL);
}

/* A key no open editor uses: "customer:new", then "customer:new-2"… */
static char *
dup_new_draft_key (void)
{
  if (open_editors == NULL || !g_hash_table_contains (open_editors, DRAFT_PREFIX "new"))
    return g_strdup (DRAFT_PREFIX "new");

  for (guint i = 2; ; i++)
    {
      g_autofree char *key = g_strdup_printf (DRAFT_PREFIX "new-%u", i);

      if (!g_hash_table_contains (open_editors, key))
        return g_steal_pointer (&key);
    }
}

/* Takes the draft under the editor's key, if one is left, into the form.
 * Returns whether it did. */
static gboolean
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

static CrmCustomerEditor *
crm_customer_editor_create (GtkWindow        *parent,
                            CrmCustomerStore *store,
                            gint64            customer_id,
                            char             *draft_key,
                            gboolean         *restored)
{
  CrmCustomerEditor *self;
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(GError) error = NULL;

  self = g_object_new (CRM_TYPE_CUSTOMER_EDITOR,
                       "store", store,
                       "transient-for", parent,
                       "application", parent != NULL ? gtk_window_get_application (parent) : NULL,
                       NULL);

  self->draft_key = draft_key;
  if (open_editors == NULL)
    open_editors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_hash_table_insert (open_editors, g_strdup (draft_key), self);

  if (customer_id > 0)
    {
      self->original = crm_customer_store_get (store, customer_id, &error);
      if (self->original == NULL)
        crm_customer_editor_show_error (self, error->message);
      else
        {
          self->customer_id = customer_id;
          contacts = crm_customer_store_list_contacts (store, customer_id);
        }
    }

  if (self->original != NULL)
    {
      g_autoptr(GVariant) state = state_from_record (self->original, contacts);

      crm_customer_editor_apply_state (self, state);
    }

  /* What "unchanged" means: the form as filled from the record. */
  self->baseline = crm_customer_editor_dup_state (self);

  *restored = crm_customer_editor_restore_draft (self);

  crm_customer_editor_update_title (self);
  crm_customer_editor_check (self);

  /* Start in the name, without selecting it: a keystroke must not wipe
   * out a saved name. */
  gtk_text_grab_focus_without_selecting (GTK_TEXT (gtk_editable_get_delegate (GTK_EDITABLE (self->name_row))));

  return self;
}

/**
 * crm_customer_editor_new:
 * @parent: (nullable): the window the editor belongs to
 * @store: the customers
 * @customer_id: the customer to edit, or 0 for a new one
 *
 * Creates an editor, for the caller to present. A draft left for the same
 * customer (or for a new one) is restored into it. When @customer_id is
 * open in an editor already, that editor is returned.
 *
 * Returns: (transfer none): the editor, owned by GTK until it is closed
 */
GtkWidget *
crm_customer_editor_new (GtkWindow        *parent,
                         CrmCustomerStore *store,
                         gint64            customer_id)
{
  char *key;
  gboolean restored;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (CRM_IS_CUSTOMER_STORE (store), NULL);
  g_return_val_if_fail (customer_id >= 0, NULL);

  if (customer_id > 0)
    {
      CrmCustomerEditor *open;

      key = g_strdup_printf (DRAFT_PREFIX "%" G_GINT64_FORMAT, customer_id);
      open = open_editors != NULL ? g_hash_table_lookup (open_editors, key) : NULL;
      if (open != NULL && open->store == store)
        {
          g_free (key);
          return GTK_WIDGET (open);
        }
    }
  else
    {
      key = dup_new_draft_key ();
    }

  return GTK_WIDGET (crm_customer_editor_create (parent, store, customer_id, key, &restored));
}

/**
 * crm_customer_editor_restore_drafts:
 * @parent: (nullable): the window the editors belong to
 * @store: the customers
 *
 * Opens an editor for each customer draft left in the database, by a
 * crash say, with the draft restored and a bar that offers to discard it.
 */
void
crm_customer_editor_restore_drafts (GtkWindow        *parent,
                                    CrmCustomerStore *store)
{
  g_auto(GStrv) keys = NULL;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (CRM_IS_CUSTOMER_STORE (store));

  keys = crm_drafts_list (crm_customer_store_get_database (store), DRAFT_PREFIX);

  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    {
      const char *suffix = keys[i] + strlen (DRAFT_PREFIX);
      CrmCustomerEditor *editor;
      guint64 id = 0;
      gboolean restored;

      if (open_editors != NULL && g_hash_table_contains (open_editors, keys[i]))
        continue;

      /* "customer:42" edits customer 42; anything else was a new one. */
      if (!g_ascii_string_to_unsigned (suffix, 10, 1, G_MAXINT64, &id, NULL))
        id = 0;

      editor = crm_customer_editor_create (parent, store, (gint64)id, g_strdup (keys[i]), &restored);
      if (restored)
        gtk_window_present (GTK_WINDOW (editor));
      else
        gtk_window_destroy (GTK_WINDOW (editor));
    }
}

gint64
crm_customer_editor_get_customer_id (CrmCustomerEditor *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER_EDITOR (self), 0);

  return self->customer_id;
}

gboolean
crm_customer_editor_get_dirty (CrmCustomerEditor *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER_EDITOR (self), FALSE);

  return self->dirty;
}
