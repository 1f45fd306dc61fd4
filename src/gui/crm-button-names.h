/* crm-button-names.h — buttons with a mnemonic named once for screen readers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void crm_button_names_fix     (GtkWidget *widget);
void crm_button_names_install (void);

G_END_DECLS
