/* crm-contact-row.h — one contact (联系人) in the customer editor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "crm-contact.h"

G_BEGIN_DECLS

#define CRM_TYPE_CONTACT_ROW (crm_contact_row_get_type ())

G_DECLARE_FINAL_TYPE (CrmContactRow, crm_contact_row, CRM, CONTACT_ROW, AdwExpanderRow)

/*
 * Signals:
 *   "changed" (gboolean edited): the user edited a field (TRUE), or a
 *     field's message should be refreshed (FALSE).
 *   "remove-requested": the user pressed the row's remove button.
 */

CrmContactRow *crm_contact_row_new              (CrmContact    *contact);
gint64         crm_contact_row_get_contact_id   (CrmContactRow *self);
gboolean       crm_contact_row_is_empty         (CrmContactRow *self);
CrmContact    *crm_contact_row_dup_contact      (CrmContactRow *self);
GVariant      *crm_contact_row_to_variant       (CrmContactRow *self);
CrmContactRow *crm_contact_row_new_from_variant (GVariant      *variant);
gboolean       crm_contact_row_check            (CrmContactRow *self,
                                                 guint          position,
                                                 char         **first_error);
void           crm_contact_row_show_all_messages (CrmContactRow *self);
gboolean       crm_contact_row_show_save_error  (CrmContactRow *self,
                                                 guint          position,
                                                 const char    *message);
void           crm_contact_row_focus_name       (CrmContactRow *self);
GtkWidget     *crm_contact_row_get_first_error  (CrmContactRow *self);

/*
 * Field messages, shared by the customer editor and the contact rows.
 *
 * A watched AdwEntryRow calls @func with @edited TRUE when the user edits
 * it, and with @edited FALSE when only its message should be refreshed
 * (the user left it or paused typing). Its message
 * (an error or a warning, shown in a row right below it, with the entry
 * row styled and its accessible description set) is "punished late,
 * rewarded early": editing hides it, and it comes back once the user
 * leaves the field or pauses typing, or when the owner asks for all
 * messages (a save attempt).
 */

typedef enum
{
  CRM_FIELD_OK,
  CRM_FIELD_WARNING,
  CRM_FIELD_ERROR,
} CrmFieldState;

typedef void (*CrmFieldFunc) (GtkWidget *row,
                              gboolean   edited,
                              gpointer   user_data);

void           crm_field_watch                  (GtkWidget     *row,
                                                 CrmFieldFunc   func,
                                                 gpointer       user_data);
void           crm_field_reset                  (GtkWidget     *row,
                                                 gboolean       shown);
void           crm_field_set_shown              (GtkWidget     *row,
                                                 gboolean       shown);
void           crm_field_set_save_error         (GtkWidget     *row,
                                                 const char    *message);
void           crm_field_update                 (GtkWidget     *row,
                                                 CrmFieldState  state,
                                                 const char    *message);
const char    *crm_field_get_message            (GtkWidget     *row);
gboolean       crm_field_get_done               (GtkWidget     *row);

G_END_DECLS
