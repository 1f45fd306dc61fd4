/* crm-string-field.h — storing a string field of a record object
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean crm_string_field_set (char       **field,
                               const char  *value);

G_END_DECLS
