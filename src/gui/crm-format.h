/* crm-format.h — how record values read on screen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *crm_format_local_date (const char *iso);

G_END_DECLS
