/* crm-preferences-window.h — the preferences of Rapport
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "crm-customer-store.h"

G_BEGIN_DECLS

#define CRM_TYPE_PREFERENCES_WINDOW (crm_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (CrmPreferencesWindow, crm_preferences_window, CRM, PREFERENCES_WINDOW, AdwPreferencesWindow)

CrmPreferencesWindow *crm_preferences_window_new       (GtkWindow            *parent,
                                                        CrmCustomerStore     *store);
CrmCustomerStore     *crm_preferences_window_get_store (CrmPreferencesWindow *self);

G_END_DECLS
