/* crm-key-follow-up.h — customers flagged for key follow-up (重点跟进)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "crm-customer-store.h"

G_BEGIN_DECLS

/* A satisfaction score (1–5) below this flags the customer. */
#define CRM_KEY_FOLLOW_UP_MIN_SATISFACTION 3

gboolean  crm_key_follow_up_raise                  (CrmDatabase       *db,
                                                    gint64             customer_id,
                                                    const char        *reason,
                                                    GError           **error);
gboolean  crm_key_follow_up_check_satisfaction     (CrmDatabase       *db,
                                                    gint64             customer_id,
                                                    int                score,
                                                    const char        *source,
                                                    GError           **error);
gboolean  crm_key_follow_up_check_overdue_requirements (CrmDatabase   *db,
                                                    GError           **error);
gboolean  crm_key_follow_up_flag_overdue           (CrmDatabase       *db,
                                                    GError           **error);
void      crm_key_follow_up_flag_overdue_async     (CrmCustomerStore    *store,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
gboolean  crm_key_follow_up_flag_overdue_finish    (GAsyncResult      *result,
                                                    GError           **error);
gboolean  crm_key_follow_up_write_clear            (CrmDatabase       *db,
                                                    gint64             customer_id,
                                                    const char        *reason,
                                                    GError           **error);
gboolean  crm_key_follow_up_mark                   (CrmCustomerStore  *store,
                                                    gint64             customer_id,
                                                    const char        *reason,
                                                    GError           **error);
gboolean  crm_key_follow_up_clear                  (CrmCustomerStore  *store,
                                                    gint64             customer_id,
                                                    const char        *reason,
                                                    GError           **error);
char     *crm_key_follow_up_dup_reason             (CrmDatabase       *db,
                                                    gint64             customer_id);

G_END_DECLS
