/* crm-agenda-item.h — one customer due for a follow-up
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define CRM_TYPE_AGENDA_ITEM (crm_agenda_item_get_type ())

G_DECLARE_FINAL_TYPE (CrmAgendaItem, crm_agenda_item, CRM, AGENDA_ITEM, GObject)

/*
 * Properties (read-write, explicit notify): customer-id, customer-name,
 * owner (nullable), tier ("S"…"C" or NULL), due-at (UTC time),
 * next-action (nullable), last-contact-at (nullable), key-reason (the
 * open key follow-up's reason, NULL when not flagged).
 */

CrmAgendaItem *crm_agenda_item_new                 (void);
gint64      crm_agenda_item_get_customer_id     (CrmAgendaItem *self);
void        crm_agenda_item_set_customer_id     (CrmAgendaItem *self,
                                                 gint64 customer_id);
const char *crm_agenda_item_get_customer_name   (CrmAgendaItem *self);
void        crm_agenda_item_set_customer_name   (CrmAgendaItem *self,
                                                 const char *customer_name);
const char *crm_agenda_item_get_owner           (CrmAgendaItem *self);
void        crm_agenda_item_set_owner           (CrmAgendaItem *self,
                                                 const char *owner);
const char *crm_agenda_item_get_tier            (CrmAgendaItem *self);
void        crm_agenda_item_set_tier            (CrmAgendaItem *self,
                                                 const char *tier);
const char *crm_agenda_item_get_due_at          (CrmAgendaItem *self);
void        crm_agenda_item_set_due_at          (CrmAgendaItem *self,
                                                 const char *due_at);
const char *crm_agenda_item_get_next_action     (CrmAgendaItem *self);
void        crm_agenda_item_set_next_action     (CrmAgendaItem *self,
                                                 const char *next_action);
const char *crm_agenda_item_get_last_contact_at (CrmAgendaItem *self);
void        crm_agenda_item_set_last_contact_at (CrmAgendaItem *self,
                                                 const char *last_contact_at);
const char *crm_agenda_item_get_key_reason      (CrmAgendaItem *self);
void        crm_agenda_item_set_key_reason      (CrmAgendaItem *self,
                                                 const char *key_reason);

G_END_DECLS
