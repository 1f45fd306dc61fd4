/* crm-import-encoding.h — telling the encoding of an imported file and decoding it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *crm_import_encoding_decode (const char  *path,
                                  char        *data,
                                  gsize        length,
                                  char       **encoding,
                                  GError     **error);

G_END_DECLS
