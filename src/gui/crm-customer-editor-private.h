/* crm-customer-editor-private.h — what the parts of CrmCustomerEditor share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "crm-contact-row.h"
#include "crm-customer-editor.h"

G_BEGIN_DECLS

/*
 * CrmCustomerEditor is one class in five files, split by responsibility:
 * crm-customer-editor.c is the window (opening, closing, actions, and
 * reacting to edits), crm-customer-editor-draft.c turns the form into a
 * GVariant and back and keeps it as a draft, crm-customer-editor-check.c
 * checks the fields and shows their messages, crm-customer-editor-contacts.c
 * manages the contact rows, and crm-customer-editor-save.c turns the form
 * into a record and saves it.
 */
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

/* crm-customer-editor.c */
void            crm_customer_editor_finish                      (CrmCustomerEditor *self);
void            crm_customer_editor_saved                       (CrmCustomerEditor *self,
                                                                 gint64             customer_id);
void            crm_customer_editor_show_error                  (CrmCustomerEditor *self,
                                                                 const char        *message);
void            crm_customer_editor_update_kind                 (CrmCustomerEditor *self);
void            crm_customer_editor_update_dirty                (CrmCustomerEditor *self);
void            crm_customer_editor_edited                      (CrmCustomerEditor *self);
void            crm_customer_editor_field_changed               (CrmCustomerEditor *self,
                                                                 gboolean           edited);

/* crm-customer-editor-draft.c */
guint           crm_customer_editor_get_n_text_fields           (void);
GtkWidget      *crm_customer_editor_get_text_field              (CrmCustomerEditor *self,
                                                                 guint              position);
CrmCustomerKind crm_customer_editor_get_kind                    (CrmCustomerEditor *self);
gint64          crm_customer_editor_get_industry_id             (CrmCustomerEditor *self);
GVariant       *crm_customer_editor_dup_state                   (CrmCustomerEditor *self);
GVariant       *crm_customer_editor_dup_record_state            (CrmCustomer       *customer,
                                                                 GPtrArray         *contacts);
void            crm_customer_editor_apply_state                 (CrmCustomerEditor *self,
                                                                 GVariant          *state);
void            crm_customer_editor_schedule_draft              (CrmCustomerEditor *self);
void            crm_customer_editor_write_draft                 (CrmCustomerEditor *self);
void            crm_customer_editor_clear_draft                 (CrmCustomerEditor *self);
gboolean        crm_customer_editor_restore_draft               (CrmCustomerEditor *self);

/* crm-customer-editor-check.c */
gboolean        crm_customer_editor_check                       (CrmCustomerEditor *self);
void            crm_customer_editor_show_all_messages           (CrmCustomerEditor *self);
GtkWidget      *crm_customer_editor_first_message_row           (CrmCustomerEditor *self);
void            crm_customer_editor_show_save_error             (CrmCustomerEditor *self,
                                                                 const GError      *error);

/* crm-customer-editor-contacts.c */
void            crm_customer_editor_update_contacts_description (CrmCustomerEditor *self);
void            crm_customer_editor_insert_contact_row          (CrmCustomerEditor *self,
                                                                 CrmContactRow     *row,
                                                                 guint              position);
void            crm_customer_editor_remove_contact_rows         (CrmCustomerEditor *self);
GPtrArray      *crm_customer_editor_build_contacts              (CrmCustomerEditor *self);
void            crm_customer_editor_add_contact_action          (GtkWidget         *widget,
                                                                 const char        *action_name,
                                                                 GVariant          *param);
void            crm_customer_editor_undo_remove_contact_action  (GtkWidget         *widget,
                                                                 const char        *action_name,
                                                                 GVariant          *param);

/* crm-customer-editor-save.c */
void            crm_customer_editor_save                        (CrmCustomerEditor *self,
                                                                 CrmSaveFlags       flags);

G_END_DECLS
