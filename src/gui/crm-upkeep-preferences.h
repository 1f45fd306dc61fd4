/* crm-upkeep-preferences.h — follow-up cadence and tier rules in Preferences
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "crm-customer-store.h"

G_BEGIN_DECLS

#define CRM_TYPE_UPKEEP_PREFERENCES (crm_upkeep_preferences_get_type ())

G_DECLARE_FINAL_TYPE (CrmUpkeepPreferences, crm_upkeep_preferences, CRM, UPKEEP_PREFERENCES, AdwPreferencesPage)

GtkWidget *crm_upkeep_preferences_new   (CrmCustomerStore     *store);
gboolean   crm_upkeep_preferences_apply (CrmUpkeepPreferences *self,
                                         GError              **error);
void       crm_upkeep_preferences_set_value (CrmUpkeepPreferences *self,
                                             const char           *key,
                                             double                value);

G_END_DECLS
