/* crm-contact.h — a customer's contact person (联系人)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define CRM_TYPE_CONTACT (crm_contact_get_type ())

G_DECLARE_FINAL_TYPE (CrmContact, crm_contact, CRM, CONTACT, GObject)

/*
 * Properties (read-write, explicit notify): id (gint64, 0 = not saved),
 * customer-id (gint64), name, title, phone, email, role (role in the
 * decision chain), preferred-channel, preferred-frequency.
 *
 * Setters store an empty string as NULL and notify only when the value
 * changes. crm_contact_equal_fields() compares all but id and customer-id.
 */

CrmContact *crm_contact_new                     (void);
CrmContact *crm_contact_copy                    (CrmContact *self);
gboolean    crm_contact_equal_fields            (CrmContact *self,
                                                 CrmContact *other);

gint64      crm_contact_get_id                  (CrmContact *self);
void        crm_contact_set_id                  (CrmContact *self,
                                                 gint64      id);
gint64      crm_contact_get_customer_id         (CrmContact *self);
void        crm_contact_set_customer_id         (CrmContact *self,
                                                 gint64      customer_id);
const char *crm_contact_get_name                (CrmContact *self);
void        crm_contact_set_name                (CrmContact *self,
                                                 const char *name);
const char *crm_contact_get_title               (CrmContact *self);
void        crm_contact_set_title               (CrmContact *self,
                                                 const char *title);
const char *crm_contact_get_phone               (CrmContact *self);
void        crm_contact_set_phone               (CrmContact *self,
                                                 const char *phone);
const char *crm_contact_get_email               (CrmContact *self);
void        crm_contact_set_email               (CrmContact *self,
                                                 const char *email);
const char *crm_contact_get_role                (CrmContact *self);
void        crm_contact_set_role                (CrmContact *self,
                                                 const char *role);
const char *crm_contact_get_preferred_channel   (CrmContact *self);
void        crm_contact_set_preferred_channel   (CrmContact *self,
                                                 const char *preferred_channel);
const char *crm_contact_get_preferred_frequency (CrmContact *self);
void        crm_contact_set_preferred_frequency (CrmContact *self,
                                                 const char *preferred_frequency);

G_END_DECLS
