/* crm-upkeep-format.h — how due dates read, and asking for a reason
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

typedef void (*CrmReasonFunc) (const char *reason,
                               gpointer    user_data);

char *crm_format_due  (const char    *due_utc,
                       GDateTime     *now,
                       const char   **css_class);
void  crm_show_toast  (GtkWindow     *window,
                       const char    *text,
                       gboolean       undoable);
void  crm_ask_reason  (GtkWindow     *parent,
                       const char    *heading,
                       const char    *body,
                       const char    *response_label,
                       CrmReasonFunc  func,
                       gpointer       user_data,
                       GDestroyNotify destroy);

G_END_DECLS
