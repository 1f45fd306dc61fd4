/* crm-cooperation.h — a cooperation record (合作记录)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define CRM_TYPE_COOPERATION (crm_cooperation_get_type ())

G_DECLARE_FINAL_TYPE (CrmCooperation, crm_cooperation, CRM, COOPERATION, GObject)

/*
 * Properties (read-write, explicit notify): id (gint64), customer-id
 * (gint64), product, started-on and ended-on (ISO dates, ended-on NULL
 * while running), amount (gint64, whole yuan, 0 or more).
 *
 * Setters store an empty string as NULL and notify only when the value
 * changes.
 */

CrmCooperation *crm_cooperation_new             (void);
gint64          crm_cooperation_get_id          (CrmCooperation *self);
void            crm_cooperation_set_id          (CrmCooperation *self,
                                                 gint64          id);
gint64          crm_cooperation_get_customer_id (CrmCooperation *self);
void            crm_cooperation_set_customer_id (CrmCooperation *self,
                                                 gint64          customer_id);
const char     *crm_cooperation_get_product     (CrmCooperation *self);
void            crm_cooperation_set_product     (CrmCooperation *self,
                                                 const char     *product);
const char     *crm_cooperation_get_started_on  (CrmCooperation *self);
void            crm_cooperation_set_started_on  (CrmCooperation *self,
                                                 const char     *started_on);
const char     *crm_cooperation_get_ended_on    (CrmCooperation *self);
void            crm_cooperation_set_ended_on    (CrmCooperation *self,
                                                 const char     *ended_on);
gint64          crm_cooperation_get_amount      (CrmCooperation *self);
void            crm_cooperation_set_amount      (CrmCooperation *self,
                                                 gint64          amount);

G_END_DECLS
