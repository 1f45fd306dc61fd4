/* crm-cli.h — the command-line verbs, which need no display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean crm_cli_is_verb (int    argc,
                          char **argv);
int      crm_cli_run     (int    argc,
                          char **argv);

G_END_DECLS
