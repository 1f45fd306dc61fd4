/* crm-cli-upkeep.h — the command-line verbs of relationship upkeep
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "crm-customer-store.h"

G_BEGIN_DECLS

/* Options parsed by crm-cli.c; crm_cli_upkeep_reset() clears them. */
extern const GOptionEntry crm_cli_regrade_options[];
extern const GOptionEntry crm_cli_export_agenda_options[];
extern int crm_cli_opt_follow_ups;

void              crm_cli_upkeep_reset        (void);
int               crm_cli_verb_regrade        (const char  *database_path,
                                               char       **args);
int               crm_cli_verb_export_agenda  (const char  *database_path,
                                               char       **args);
int               crm_cli_demo_follow_ups_check (void);
int               crm_cli_demo_follow_ups     (CrmCustomerStore *store,
                                               guint        n_customers);

/* In crm-cli.c. */
CrmCustomerStore *crm_cli_open_store          (const char  *database_path,
                                               GError     **error);

G_END_DECLS
