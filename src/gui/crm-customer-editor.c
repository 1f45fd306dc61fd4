/* crm-customer-editor.c — the window that adds or edits one customer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The window: opening (and restoring drafts), closing, the actions, and
 * reacting to edits. See crm-customer-editor-private.h for the other
 * parts of the class.
 */

#define G_LOG_DOMAIN "crm-customer-editor"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "crm-button-names.h"
#include "crm-customer-editor-private.h"
#include "crm-customer-input.h"
#include "crm-drafts.h"

#define DRAFT_PREFIX "customer:"

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

/* Closes the editor after the user saved or discarded the input. Not
 * gtk_window_close(), which does nothing to a window not yet shown. */
void
crm_customer_editor_finish (CrmCustomerEditor *self)
{
  self->close_confirmed = TRUE;
  gtk_window_destroy (GTK_WINDOW (self));
}

/* The record is saved as @customer_id: announces it, and closes. */
void
crm_customer_editor_saved (CrmCustomerEditor *self,
                           gint64             customer_id)
{
  if (self->customer_id != customer_id)
    {
      self->customer_id = customer_id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CUSTOMER_ID]);
    }

  crm_customer_editor_clear_draft (self);
  self->close_confirmed = TRUE;

  /* Kept alive for the handlers, which may look at the editor. */
  g_object_ref (self);
  g_signal_emit (self, signals[SAVED], 0, customer_id);
  crm_customer_editor_finish (self);
  g_object_unref (self);
}

/* Editing ---------------------------------------------------------------- */

/* Only the identifier of the kind chosen is asked for. */
void
crm_customer_editor_update_kind (CrmCustomerEditor *self)
{
  gboolean enterprise = crm_customer_editor_get_kind (self) == CRM_CUSTOMER_KIND_ENTERPRISE;

  gtk_widget_set_visible (GTK_WIDGET (self->credit_code_row), enterprise);
  gtk_widget_set_visible (GTK_WIDGET (self->id_number_row), !enterprise);
}

/* An error no field can show, in the bar at the top. */
void
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

/* Compares the form with the record as loaded. */
void
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

/* The user changed something: keep it, and check it. */
void
crm_customer_editor_edited (CrmCustomerEditor *self)
{
  if (self->loading > 0)
    return;

  crm_customer_editor_update_dirty (self);
  crm_customer_editor_schedule_draft (self);
  crm_customer_editor_check (self);
}

/* A field or a contact changed: @edited by the user, or only its
 * message is due. */
void
crm_customer_editor_field_changed (CrmCustomerEditor *self,
                                   gboolean           edited)
{
  if (self->loading > 0)
    return;

  if (edited)
    crm_customer_editor_edited (self);
  else
    crm_customer_editor_check (self);
}

static void
crm_customer_editor_field_cb (GtkWidget *row,
                              gboolean   edited,
                              gpointer   user_data)
{
  crm_customer_editor_field_changed (user_data, edited);
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

/* Actions ---------------------------------------------------------------- */

static void
crm_customer_editor_save_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *param)
{
  crm_customer_editor_save (CRM_CUSTOMER_EDITOR (widget), CRM_SAVE_DEFAULT);
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

  crm_customer_input_parse_founded (gtk_editable_get_text (GTK_EDITABLE (self->founded_row)),
                                    &iso, &message);
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
  crm_button_names_fix (GTK_WIDGET (self));

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

  for (guint i = 0; i < crm_customer_editor_get_n_text_fields (); i++)
    {
      GtkWidget *field = crm_customer_editor_get_text_field (self, i);

      if (GTK_IS_TEXT_VIEW (field))
        g_signal_connect_object (gtk_text_view_get_buffer (GTK_TEXT_VIEW (field)), "changed",
                                 G_CALLBACK (crm_customer_editor_buffer_changed_cb),
                                 self, G_CONNECT_SWAPPED);
      else
        crm_field_watch (field, crm_customer_editor_field_cb, self);
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
      g_autoptr(GVariant) state = crm_customer_editor_dup_record_state (self->original, contacts);

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
