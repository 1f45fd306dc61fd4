/* crm-tag.h — a tag customers carry (标签)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define CRM_TYPE_TAG (crm_tag_get_type ())

G_DECLARE_FINAL_TYPE (CrmTag, crm_tag, CRM, TAG, GObject)

/*
 * Properties (read-write, explicit notify): id (gint64), name, n-customers
 * (guint, how many customers carry it, for filters).
 */

CrmTag     *crm_tag_new             (gint64      id,
                                     const char *name,
                                     guint       n_customers);
gint64      crm_tag_get_id          (CrmTag     *self);
void        crm_tag_set_id          (CrmTag     *self,
                                     gint64      id);
const char *crm_tag_get_name        (CrmTag     *self);
void        crm_tag_set_name        (CrmTag     *self,
                                     const char *name);
guint       crm_tag_get_n_customers (CrmTag     *self);
void        crm_tag_set_n_customers (CrmTag     *self,
                                     guint       n_customers);

G_END_DECLS
