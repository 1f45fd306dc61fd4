/* crm-application.h — the Rapport application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CRM_TYPE_APPLICATION (crm_application_get_type ())

G_DECLARE_FINAL_TYPE (CrmApplication, crm_application, CRM, APPLICATION, AdwApplication)

CrmApplication *crm_application_new               (void);
void            crm_application_set_database_path (CrmApplication *self,
                                                   const char     *path);
const char     *crm_application_get_database_path (CrmApplication *self);

G_END_DECLS
