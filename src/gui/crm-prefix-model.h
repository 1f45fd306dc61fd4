/* crm-prefix-model.h — the first items of a list, growing as they are scrolled to
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define CRM_TYPE_PREFIX_MODEL (crm_prefix_model_get_type ())

G_DECLARE_FINAL_TYPE (CrmPrefixModel, crm_prefix_model, CRM, PREFIX_MODEL, GObject)

CrmPrefixModel *crm_prefix_model_new        (GListModel     *model,
                                             guint           limit);
GListModel     *crm_prefix_model_get_model  (CrmPrefixModel *self);
guint           crm_prefix_model_get_limit  (CrmPrefixModel *self);
void            crm_prefix_model_set_limit  (CrmPrefixModel *self,
                                             guint           limit);

G_END_DECLS
