/* crm-window.h — the main window of Rapport
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "crm-application.h"
#include "crm-customer-store.h"
#include "crm-database.h"
#include "crm-journal.h"
#include "crm-requirement-store.h"

G_BEGIN_DECLS

#define CRM_TYPE_WINDOW (crm_window_get_type ())

G_DECLARE_FINAL_TYPE (CrmWindow, crm_window, CRM, WINDOW, AdwApplicationWindow)

CrmWindow        *crm_window_new                (CrmApplication *app,
                                                 CrmDatabase    *db,
                                                 CrmJournal     *journal);
CrmDatabase      *crm_window_get_database       (CrmWindow      *self);
CrmJournal       *crm_window_get_journal        (CrmWindow      *self);
CrmCustomerStore *crm_window_get_customer_store (CrmWindow      *self);
void              crm_window_set_database       (CrmWindow      *self,
                                                 CrmDatabase    *db,
                                                 CrmJournal     *journal);
const char       *crm_window_get_visible_page   (CrmWindow      *self);
void              crm_window_add_toast          (CrmWindow      *self,
                                                 AdwToast       *toast);
void              crm_window_add_undo_toast     (CrmWindow      *self,
                                                 AdwToast       *toast);
CrmRequirementStore *crm_window_get_requirement_store (CrmWindow   *self);

G_END_DECLS
