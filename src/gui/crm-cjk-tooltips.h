/* crm-cjk-tooltips.h — tooltips as wide as their Chinese text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void crm_cjk_tooltips_install      (void);
void crm_cjk_tooltips_watch_label  (GtkLabel *label);
int  crm_cjk_tooltips_text_columns (const char *text);

G_END_DECLS
