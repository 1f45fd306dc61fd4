/* crm-customer-detail.c — everything known about one customer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include <glib/gi18n.h>

#include "crm-format.h"
#include "crm-customer-detail.h"
#include "crm-customer-requirements.h"
#include "crm-customer-editor.h"
#include "crm-mask.h"
#include "crm-merge-dialog.h"
#include "crm-window.h"

struct _CrmCustomerDetail
{
  AdwBin               parent_instance;

  CrmCustomerStore    *store;
  gint64               customer_id;
  CrmCustomer         *customer;
  GSettings           *settings;
  gboolean             show_back_button;

  /* The rows made for the contacts and cooperation records shown now,
   * removed from their groups on the next reload. */
  GPtrArray           *contact_rows;
  GPtrArray           *cooperation_rows;

  /* Template widgets */
  GtkButton           *back_button;
  GtkWidget           *actions_box;
  GtkButton           *approve_button;
  GtkStack            *stack;
  GtkScrolledWindow   *scrolled_window;
  GtkLabel            *name_label;
  GtkLabel            *tier_label;
  GtkLabel            *draft_label;
  GtkLabel            *summary_label;
  AdwActionRow        *kind_row;
  AdwActionRow        *legal_id_row;
  AdwActionRow        *founded_row;
  AdwActionRow        *employees_row;
  AdwActionRow        *revenue_row;
  AdwActionRow        *spend_row;
  AdwActionRow        *owner_row;
  AdwActionRow        *last_contact_row;
  GtkLabel            *address_label;
  GtkLabel            *pain_points_label;
  GtkLabel            *decision_chain_label;
  GtkLabel            *notes_label;
  AdwPreferencesGroup *contacts_group;
  GtkWidget           *no_contacts_row;
  AdwPreferencesGroup *cooperations_group;
  GtkWidget           *no_cooperations_row;
  GtkFlowBox          *tags_box;
  GtkWidget           *no_tags_label;
};

G_DEFINE_FINAL_TYPE (CrmCustomerDetail, crm_customer_detail, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CUSTOMER_ID,
  PROP_CUSTOMER,
  PROP_SHOW_BACK_BUTTON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Formatting ------------------------------------------------------------ */

/* Amounts are whole yuan in the database and 万元 with one decimal on
 * screen, the unit Chinese sales teams count in. */
static char *
format_amount (gint64 yuan)
{
  g_autofree char *number = g_strdup_printf ("%'.1f", yuan / 10000.0);

  /* Translators: an amount of money in units of ten thousand yuan (万元);
   * %s is the number, such as 12.5. In Chinese: “%s 万元”. */
  return g_strdup_printf (_("%s × ¥10k"), number);
}

/* Times are stored in UTC; a date is what a person needs here, in their
 * own time zone. */
static gboolean
is_blank (const char *text)
{
  return text == NULL || *text == '\0';
}

static gboolean
crm_customer_detail_get_masking (CrmCustomerDetail *self)
{
  return g_settings_get_boolean (self->settings, "mask-personal-data");
}

/* Masks @text with @mask_func when the user asked for masking. */
static char *
crm_customer_detail_mask (CrmCustomerDetail *self,
                          char            *(*mask_func) (const char *),
                          const char         *text)
{
  if (text == NULL)
    return NULL;

  if (crm_customer_detail_get_masking (self))
    return mask_func (text);

  return g_strdup (text);
}

/* Sets a field row's value; an unknown one says so instead of leaving a
 * blank that looks like a loading error. */
static void
set_row_value (AdwActionRow *row,
               const char   *value)
{
  if (is_blank (value))
    {
      adw_action_row_set_subtitle (row, _("Not recorded"));
      gtk_widget_add_css_class (GTK_WIDGET (row), "unknown");
    }
  else
    {
      adw_action_row_set_subtitle (row, value);
      gtk_widget_remove_css_class (GTK_WIDGET (row), "unknown");
    }
}

static void
set_text_card (GtkLabel   *label,
               const char *text)
{
  if (is_blank (text))
    {
      gtk_label_set_text (label, _("Not recorded"));
      gtk_widget_add_css_class (GTK_WIDGET (label), "dim-label");
    }
  else
    {
      gtk_label_set_text (label, text);
      gtk_widget_remove_css_class (GTK_WIDGET (label), "dim-label");
    }
}

/* Joins the non-empty strings of @parts with @separator. */
static char *
join_present (const char        *separator,
              const char * const *parts,
              guint               n_parts)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < n_parts; i++)
    {
      if (is_blank (parts[i]))
        continue;

      if (out->len > 0)
        g_string_append (out, separator);
      g_string_append (out, parts[i]);
    }

  return g_string_free (out, FALSE);
}

/* Toasts ---------------------------------------------------------------- */

/* Toasts go to the window's overlay, so they outlive this widget: a
 * deleted customer's detail is cleared while its "Undo" is still shown. */
static void
crm_customer_detail_add_toast (CrmCustomerDetail *self,
                               AdwToast          *toast,
                               gboolean           undoable)
{
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), CRM_TYPE_WINDOW);
  GtkWidget *overlay;

  if (window != NULL)
    {
      if (undoable)
        crm_window_add_undo_toast (CRM_WINDOW (window), toast);
      else
        crm_window_add_toast (CRM_WINDOW (window), toast);
      return;
    }

  overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL)
    {
      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
      return;
    }

  g_debug ("No toast overlay for: %s", adw_toast_get_title (toast));
  g_object_unref (toast);
}

/* Takes ownership of @markup, which must be escaped already. */
static void
crm_customer_detail_show_undo_toast (CrmCustomerDetail *self,
                                     char              *markup)
{
  g_autofree char *title = markup;
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_button_label (toast, _("Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  crm_customer_detail_add_toast (self, toast, TRUE);
}

static void
crm_customer_detail_show_error (CrmCustomerDetail *self,
                                const GError      *error)
{
  g_autofree char *escaped = g_markup_escape_text (error->message, -1);
  AdwToast *toast = adw_toast_new (escaped);

  /* The user just acted and nothing happened: say why at once. */
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  crm_customer_detail_add_toast (self, toast, FALSE);
}

/* Showing a customer ---------------------------------------------------- */

static void
crm_customer_detail_update_actions (CrmCustomerDetail *self)
{
  gboolean loaded = self->customer != NULL && self->store != NULL;
  gboolean draft = loaded && crm_customer_get_review_state (self->customer) == CRM_REVIEW_STATE_DRAFT;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "customer.edit", loaded);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "customer.delete", loaded);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "customer.merge", loaded);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "customer.approve", draft);

  gtk_widget_set_visible (self->actions_box, loaded);
  gtk_widget_set_visible (GTK_WIDGET (self->approve_button), draft);
}

static void
crm_customer_detail_clear_rows (AdwPreferencesGroup *group,
                                GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

static void
crm_customer_detail_show_header (CrmCustomerDetail *self)
{
  CrmCustomer *customer = self->customer;
  CrmTier tier = crm_customer_get_tier (customer);
  gboolean draft = crm_customer_get_review_state (customer) == CRM_REVIEW_STATE_DRAFT;
  g_autofree char *industry = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *tier_class = NULL;
  const char *parts[3];

  gtk_label_set_text (self->name_label, crm_customer_get_name (customer));

  if (tier != CRM_TIER_NONE)
    {
      g_autofree char *tooltip = NULL;

      tier_class = g_ascii_strdown (crm_tier_to_string (tier), -1);
      gtk_widget_set_css_classes (GTK_WIDGET (self->tier_label),
                                  (const char *[]) { "tier-badge", tier_class, NULL });
      gtk_label_set_text (self->tier_label, crm_tier_get_label (tier));
      /* Translators: %s is a customer tier (客户等级): S, A, B or C. */
      tooltip = g_strdup_printf (_("Tier %s"), crm_tier_get_label (tier));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->tier_label), tooltip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->tier_label),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                      -1);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->tier_label), tier != CRM_TIER_NONE);
  gtk_widget_set_visible (GTK_WIDGET (self->draft_label), draft);

  if (crm_customer_get_industry_name (customer) != NULL)
    industry = g_strdup (crm_customer_get_industry_name (customer));

  parts[0] = draft ? NULL : crm_customer_get_code (customer);
  parts[1] = crm_customer_type_get_label (crm_customer_get_customer_type (customer));
  parts[2] = industry;
  summary = join_present (" · ", parts, G_N_ELEMENTS (parts));
  gtk_label_set_text (self->summary_label, summary);
}

static void
crm_customer_detail_show_fields (CrmCustomerDetail *self)
{
  CrmCustomer *customer = self->customer;
  gboolean individual = crm_customer_get_kind (customer) == CRM_CUSTOMER_KIND_INDIVIDUAL;
  g_autofree char *id_number = NULL;
  g_autofree char *employees = NULL;
  g_autofree char *revenue = NULL;
  g_autofree char *spend = NULL;
  g_autofree char *last_contact = NULL;
  g_autofree char *address = NULL;
  const char *address_parts[4];

  set_row_value (self->kind_row, crm_customer_kind_get_label (crm_customer_get_kind (customer)));

  /* An individual has an ID card number, an enterprise a unified social
   * credit code; only the first is personal data. */
  if (individual)
    {
      id_number = crm_customer_detail_mask (self, crm_mask_id_number,
                                            crm_customer_get_id_number (customer));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->legal_id_row), _("ID Card Number"));
      set_row_value (self->legal_id_row, id_number);
    }
  else
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->legal_id_row), _("Unified Social Credit Code"));
      set_row_value (self->legal_id_row, crm_customer_get_credit_code (customer));
    }

  gtk_widget_set_visible (GTK_WIDGET (self->founded_row), !individual);
  set_row_value (self->founded_row, crm_customer_get_founded_on (customer));

  if (crm_customer_get_employees (customer) >= 0)
    employees = g_strdup_printf ("%d", crm_customer_get_employees (customer));
  set_row_value (self->employees_row, employees);

  if (crm_customer_get_annual_revenue (customer) >= 0)
    revenue = format_amount (crm_customer_get_annual_revenue (customer));
  set_row_value (self->revenue_row, revenue);

  spend = format_amount (crm_customer_get_annual_spend (customer));
  set_row_value (self->spend_row, spend);

  set_row_value (self->owner_row, crm_customer_get_owner (customer));

  last_contact = crm_format_local_date (crm_customer_get_last_contact_at (customer));
  if (last_contact == NULL)
    /* Translators: the customer was never contacted (no follow-up yet). */
    last_contact = g_strdup (_("Never"));
  set_row_value (self->last_contact_row, last_contact);

  address_parts[0] = crm_customer_get_province (customer);
  address_parts[1] = crm_customer_get_city (customer);
  address_parts[2] = crm_customer_get_district (customer);
  address_parts[3] = crm_customer_get_street (customer);
  address = join_present (" ", address_parts, G_N_ELEMENTS (address_parts));
  set_text_card (self->address_label, address);

  set_text_card (self->pain_points_label, crm_customer_get_pain_points (customer));
  set_text_card (self->decision_chain_label, crm_customer_get_decision_chain (customer));
  set_text_card (self->notes_label, crm_customer_get_notes (customer));
}

static GtkWidget *
crm_customer_detail_make_contact_row (CrmCustomerDetail *self,
                                      CrmContact        *contact)
{
  g_autofree char *name = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *email = NULL;
  g_autofree char *line1 = NULL;
  g_autofree char *line2 = NULL;
  g_autofree char *line3 = NULL;
  g_autofree char *subtitle = NULL;
  const char *parts[3];
  GtkWidget *row;

  name = crm_customer_detail_mask (self, crm_mask_name, crm_contact_get_name (contact));
  phone = crm_customer_detail_mask (self, crm_mask_phone, crm_contact_get_phone (contact));
  email = crm_customer_detail_mask (self, crm_mask_email, crm_contact_get_email (contact));

  parts[0] = crm_contact_get_title (contact);
  parts[1] = crm_contact_get_role (contact);
  line1 = join_present (" · ", parts, 2);

  parts[0] = phone;
  parts[1] = email;
  line2 = join_present (" · ", parts, 2);

  parts[0] = crm_contact_get_preferred_channel (contact);
  parts[1] = crm_contact_get_preferred_frequency (contact);
  line3 = join_present (" · ", parts, 2);
  if (*line3 != '\0')
    {
      g_autofree char *plain = g_steal_pointer (&line3);

      /* Translators: how the contact likes to be reached, such as
       * “Prefers: 电话 · 每周” (channel and frequency). */
      line3 = g_strdup_printf (_("Prefers: %s"), plain);
    }

  parts[0] = line1;
  parts[1] = line2;
  parts[2] = line3;
  subtitle = join_present ("\n", parts, 3);

  row = adw_action_row_new ();
  /* Names and e-mail addresses are plain text, not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), is_blank (name) ? _("Unnamed contact") : name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_icon_name (ADW_ACTION_ROW (row), "avatar-default-symbolic");
  gtk_widget_add_css_class (row, "contact");

  return row;
}

static GtkWidget *
crm_customer_detail_make_cooperation_row (CrmCustomerDetail *self,
                                          CrmCooperation    *cooperation)
{
  g_autofree char *period = NULL;
  g_autofree char *amount = NULL;
  const char *started = crm_cooperation_get_started_on (cooperation);
  const char *ended = crm_cooperation_get_ended_on (cooperation);
  GtkWidget *row;
  GtkWidget *label;

  if (ended != NULL)
    /* Translators: a period of cooperation: start date – end date. */
    period = g_strdup_printf (_("%s – %s"), started, ended);
  else
    /* Translators: a cooperation that is still running, since the date %s. */
    period = g_strdup_printf (_("Since %s"), started != NULL ? started : "?");

  amount = format_amount (crm_cooperation_get_amount (cooperation));

  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), crm_cooperation_get_product (cooperation));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), period);

  label = gtk_label_new (amount);
  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);

  return row;
}

static void
crm_customer_detail_show_lists (CrmCustomerDetail *self)
{
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(GPtrArray) cooperations = NULL;
  const char * const *tags;
  GtkWidget *child;

  crm_customer_detail_clear_rows (self->contacts_group, self->contact_rows);
  crm_customer_detail_clear_rows (self->cooperations_group, self->cooperation_rows);

  contacts = crm_customer_store_list_contacts (self->store, self->customer_id);
  for (guint i = 0; i < contacts->len; i++)
    {
      GtkWidget *row = crm_customer_detail_make_contact_row (self, g_ptr_array_index (contacts, i));

      adw_preferences_group_add (self->contacts_group, row);
      g_ptr_array_add (self->contact_rows, row);
    }
  gtk_widget_set_visible (self->no_contacts_row, contacts->len == 0);

  cooperations = crm_customer_store_list_cooperations (self->store, self->customer_id);
  for (guint i = 0; i < cooperations->len; i++)
    {
      GtkWidget *row = crm_customer_detail_make_cooperation_row (self, g_ptr_array_index (cooperations, i));

      adw_preferences_group_add (self->cooperations_group, row);
      g_ptr_array_add (self->cooperation_rows, row);
    }
  gtk_widget_set_visible (self->no_cooperations_row, cooperations->len == 0);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->tags_box))) != NULL)
    gtk_flow_box_remove (self->tags_box, child);

  tags = crm_customer_get_tags (self->customer);
  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    {
      GtkWidget *pill = gtk_label_new (tags[i]);

      gtk_widget_add_css_class (pill, "tag-pill");
      gtk_flow_box_append (self->tags_box, pill);
      /* Pills to read, not to select: Tab does not stop at each one. */
      gtk_widget_set_focusable (gtk_widget_get_parent (pill), FALSE);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->tags_box), tags != NULL && tags[0] != NULL);
  gtk_widget_set_visible (self->no_tags_label, tags == NULL || tags[0] == NULL);
}

static void
crm_customer_detail_reload (CrmCustomerDetail *self)
{
  g_autoptr(CrmCustomer) customer = NULL;
  g_autoptr(GError) error = NULL;

  if (self->store != NULL && self->customer_id > 0)
    customer = crm_customer_store_get (self->store, self->customer_id, &error);

  if (error != NULL && !g_error_matches (error, CRM_CUSTOMER_STORE_ERROR, CRM_CUSTOMER_STORE_ERROR_NOT_FOUND))
    g_warning ("Could not read customer %" G_GINT64_FORMAT ": %s", self->customer_id, error->message);

  if (g_set_object (&self->customer, customer))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CUSTOMER]);

  if (self->customer == NULL)
    {
      crm_customer_detail_clear_rows (self->contacts_group, self->contact_rows);
      crm_customer_detail_clear_rows (self->cooperations_group, self->cooperation_rows);
      gtk_stack_set_visible_child_name (self->stack, self->customer_id > 0 && self->store != NULL ? "missing" : "empty");
      crm_customer_detail_update_actions (self);
      return;
    }

  crm_customer_detail_show_header (self);
  crm_customer_detail_show_fields (self);
  crm_customer_detail_show_lists (self);

  gtk_stack_set_visible_child_name (self->stack, "customer");
  crm_customer_detail_update_actions (self);
}

static void
crm_customer_detail_store_changed_cb (CrmCustomerDetail *self,
                                      gint64             customer_id,
                                      CrmCustomerStore  *store)
{
  if (customer_id == 0 || customer_id == self->customer_id)
    crm_customer_detail_reload (self);
}

static void
crm_customer_detail_mask_changed_cb (CrmCustomerDetail *self,
                                     const char        *key,
                                     GSettings         *settings)
{
  if (self->customer != NULL)
    crm_customer_detail_reload (self);
}

/* Actions --------------------------------------------------------------- */

static GtkWindow *
crm_customer_detail_get_parent_window (CrmCustomerDetail *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
crm_customer_detail_edit_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *param)
{
  CrmCustomerDetail *self = CRM_CUSTOMER_DETAIL (widget);
  GtkWidget *editor;

  if (self->customer == NULL)
    return;

  editor = crm_customer_editor_new (crm_customer_detail_get_parent_window (self),
                                    self->store,
                                    self->customer_id);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
crm_customer_detail_approve_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *param)
{
  CrmCustomerDetail *self = CRM_CUSTOMER_DETAIL (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *code = NULL;

  if (self->customer == NULL)
    return;

  code = crm_customer_store_approve (self->store, self->customer_id, &error);
  if (code == NULL)
    {
      crm_customer_detail_show_error (self, error);
      return;
    }

  crm_customer_detail_show_undo_toast (self,
                                       /* Translators: %s is the new customer code, such as 2026-TRA-001. */
                                       g_markup_printf_escaped (_("Approved as %s"), code));
}

static void
crm_customer_detail_delete_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *param)
{
  CrmCustomerDetail *self = CRM_CUSTOMER_DETAIL (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  if (self->customer == NULL)
    return;

  /* Kept before deleting: the store's "changed" clears the detail. */
  name = g_strdup (crm_customer_get_name (self->customer));

  if (!crm_customer_store_delete (self->store, self->customer_id, &error))
    {
      crm_customer_detail_show_error (self, error);
      return;
    }

  crm_customer_detail_show_undo_toast (self,
                                       /* Translators: %s is a customer name. */
                                       g_markup_printf_escaped (_("Deleted “%s”"), name));
}

static void
crm_customer_detail_merged_cb (CrmCustomerDetail *self,
                               const char        *duplicate_name,
                               CrmMergeDialog    *dialog)
{
  const char *survivor_name = self->customer != NULL ? crm_customer_get_name (self->customer) : "";

  crm_customer_detail_show_undo_toast (self,
                                       /* Translators: the first %s is the customer that was folded
                                        * into the second and removed. */
                                       g_markup_printf_escaped (_("Merged “%s” into “%s”"),
                                                                duplicate_name, survivor_name));
}

static void
crm_customer_detail_merge_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *param)
{
  CrmCustomerDetail *self = CRM_CUSTOMER_DETAIL (widget);
  CrmMergeDialog *dialog;

  if (self->customer == NULL)
    return;

  dialog = crm_merge_dialog_new (crm_customer_detail_get_parent_window (self),
                                 self->store,
                                 self->customer_id);
  g_signal_connect_object (dialog, "merged",
                           G_CALLBACK (crm_customer_detail_merged_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* GObject --------------------------------------------------------------- */

/* Beside a list the detail asks for a sidebar's width, whatever it shows:
 * the list gets the rest of the window, and does not jump when the detail
 * changes from one customer to another. */
#define NATURAL_WIDTH 420

static void
crm_customer_detail_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  GTK_WIDGET_CLASS (crm_customer_detail_parent_class)->measure (widget, orientation, for_size,
                                                                minimum, natural,
                                                                minimum_baseline, natural_baseline);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *natural = MAX (*minimum, NATURAL_WIDTH);
}

static void
crm_customer_detail_dispose (GObject *object)
{
  CrmCustomerDetail *self = (CrmCustomerDetail *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), CRM_TYPE_CUSTOMER_DETAIL);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);

  g_clear_object (&self->store);
  g_clear_object (&self->customer);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->contact_rows, g_ptr_array_unref);
  g_clear_pointer (&self->cooperation_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (crm_customer_detail_parent_class)->dispose (object);
}

static void
crm_customer_detail_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  CrmCustomerDetail *self = CRM_CUSTOMER_DETAIL (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_CUSTOMER_ID:
      g_value_set_int64 (value, self->customer_id);
      break;

    case PROP_CUSTOMER:
      g_value_set_object (value, self->customer);
      break;

    case PROP_SHOW_BACK_BUTTON:
      g_value_set_boolean (value, self->show_back_button);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_customer_detail_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  CrmCustomerDetail *self = CRM_CUSTOMER_DETAIL (object);

  switch (prop_id)
    {
    case PROP_STORE:
      crm_customer_detail_set_store (self, g_value_get_object (value));
      break;

    case PROP_CUSTOMER_ID:
      crm_customer_detail_set_customer_id (self, g_value_get_int64 (value));
      break;

    case PROP_SHOW_BACK_BUTTON:
      crm_customer_detail_set_show_back_button (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_customer_detail_class_init (CrmCustomerDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_customer_detail_dispose;
  object_class->get_property = crm_customer_detail_get_property;
  object_class->set_property = crm_customer_detail_set_property;

  widget_class->measure = crm_customer_detail_measure;

  /**
   * CrmCustomerDetail:store:
   *
   * The store the customer is read from and changed through.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         CRM_TYPE_CUSTOMER_STORE,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * CrmCustomerDetail:customer-id:
   *
   * The customer shown, or 0 for none.
   */
  properties[PROP_CUSTOMER_ID] =
    g_param_spec_int64 ("customer-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  /**
   * CrmCustomerDetail:customer:
   *
   * The record shown, as last read from the store; %NULL when there is
   * none or it no longer exists.
   */
  properties[PROP_CUSTOMER] =
    g_param_spec_object ("customer", NULL, NULL,
                         CRM_TYPE_CUSTOMER,
                         (G_PARAM_READABLE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * CrmCustomerDetail:show-back-button:
   *
   * Whether to show a button that activates customers.back, for when the
   * detail covers the list it was opened from.
   */
  properties[PROP_SHOW_BACK_BUTTON] =
    g_param_spec_boolean ("show-back-button", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE |
                           G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CRM_TYPE_CUSTOMER_REQUIREMENTS);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/rapportcrm/Rapport/crm-customer-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmCustomerDetail, back_button);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomerDetail, actions_box);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomerDetail, approve_button);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomerDetail, stack);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomerDetail, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomerDetail, name_label);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomerDetail, tier_label);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomerDetail, draft_label);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomerDetail, summary_label);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomerDetail, kind_row);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomerDetail, legal_id_row);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomerDetail, founded_row);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomerDetail, employees_row);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomerDetail, revenue_row);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomerDetail, spend_row);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomerDetail, owner_row);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomerDetail, last_contact_row);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomerDetail, address_label);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomerDetail, pain_points_label);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomerDetail, decision_chain_label);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomerDetail, notes_label);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomerDetail, contacts_group);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomerDetail, no_contacts_row);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomerDetail, cooperations_group);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomerDetail, no_cooperations_row);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomerDetail, tags_box);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomerDetail, no_tags_label);

  gtk_widget_class_install_action (widget_class, "customer.edit", NULL, crm_customer_detail_edit_action);
  gtk_widget_class_install_action (widget_class, "customer.approve", NULL, crm_customer_detail_approve_action);
  gtk_widget_class_install_action (widget_class, "customer.delete", NULL, crm_customer_detail_delete_action);
  gtk_widget_class_install_action (widget_class, "customer.merge", NULL, crm_customer_detail_merge_action);

  gtk_widget_class_set_css_name (widget_class, "customerdetail");
}

static void
crm_customer_detail_init (CrmCustomerDetail *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->contact_rows = g_ptr_array_new ();
  self->cooperation_rows = g_ptr_array_new ();

  self->settings = g_settings_new (APP_ID);
  g_signal_connect_object (self->settings, "changed::mask-personal-data",
                           G_CALLBACK (crm_customer_detail_mask_changed_cb),
                           self, G_CONNECT_SWAPPED);

  /* Field values are plain text: a name with "&" must not be read as
   * markup. The rows of the template are set here once. */
  {
    AdwActionRow *rows[] = {
      self->kind_row, self->legal_id_row, self->founded_row,
      self->employees_row, self->revenue_row, self->spend_row,
      self->owner_row, self->last_contact_row,
    };

    for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
      {
        adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (rows[i]), FALSE);
        adw_action_row_set_subtitle_lines (rows[i], 0);
        gtk_widget_add_css_class (GTK_WIDGET (rows[i]), "property");
      }
  }

  crm_customer_detail_reload (self);
}

/**
 * crm_customer_detail_new:
 *
 * Returns: (transfer floating): a detail that shows no customer yet
 */
GtkWidget *
crm_customer_detail_new (void)
{
  return g_object_new (CRM_TYPE_CUSTOMER_DETAIL, NULL);
}

/**
 * crm_customer_detail_get_store:
 *
 * Returns: (transfer none) (nullable): the store
 */
CrmCustomerStore *
crm_customer_detail_get_store (CrmCustomerDetail *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER_DETAIL (self), NULL);

  return self->store;
}

/**
 * crm_customer_detail_set_store:
 * @store: (nullable): the store to read the customer from
 */
void
crm_customer_detail_set_store (CrmCustomerDetail *self,
                               CrmCustomerStore  *store)
{
  g_return_if_fail (CRM_IS_CUSTOMER_DETAIL (self));
  g_return_if_fail (store == NULL || CRM_IS_CUSTOMER_STORE (store));

  if (self->store == store)
    return;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);

  g_set_object (&self->store, store);

  if (store != NULL)
    g_signal_connect_object (store, "changed",
                             G_CALLBACK (crm_customer_detail_store_changed_cb),
                             self, G_CONNECT_SWAPPED);

  crm_customer_detail_reload (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

gint64
crm_customer_detail_get_customer_id (CrmCustomerDetail *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER_DETAIL (self), 0);

  return self->customer_id;
}

/**
 * crm_customer_detail_set_customer_id:
 * @customer_id: the customer to show, or 0 for none
 */
void
crm_customer_detail_set_customer_id (CrmCustomerDetail *self,
                                     gint64             customer_id)
{
  g_return_if_fail (CRM_IS_CUSTOMER_DETAIL (self));
  g_return_if_fail (customer_id >= 0);

  if (self->customer_id == customer_id)
    return;

  self->customer_id = customer_id;
  crm_customer_detail_reload (self);

  /* Another customer starts at its top; a reload of the same one keeps
   * the place the user scrolled to. */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window), 0);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CUSTOMER_ID]);
}

/**
 * crm_customer_detail_get_customer:
 *
 * Returns: (transfer none) (nullable): the record shown
 */
CrmCustomer *
crm_customer_detail_get_customer (CrmCustomerDetail *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER_DETAIL (self), NULL);

  return self->customer;
}

gboolean
crm_customer_detail_get_show_back_button (CrmCustomerDetail *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER_DETAIL (self), FALSE);

  return self->show_back_button;
}

void
crm_customer_detail_set_show_back_button (CrmCustomerDetail *self,
                                          gboolean           show_back_button)
{
  g_return_if_fail (CRM_IS_CUSTOMER_DETAIL (self));

  show_back_button = !!show_back_button;
  if (self->show_back_button == show_back_button)
    return;

  self->show_back_button = show_back_button;
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), show_back_button);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_BACK_BUTTON]);
}
