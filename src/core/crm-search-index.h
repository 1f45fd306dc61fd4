/* crm-search-index.h — the full-text indexes of customers: their tokenizer and their upkeep
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "crm-database.h"

G_BEGIN_DECLS

/* Whether @c is a character of a CJK script (Han, kana, Hangul,
 * bopomofo), which search_short indexes as a token of its own. */
gboolean crm_search_is_cjk              (gunichar      c);

gboolean crm_search_index_add_functions (sqlite3      *handle,
                                         const char   *path,
                                         GError      **error);
gboolean crm_search_index_flush         (CrmDatabase  *self,
                                         GError      **error);

G_END_DECLS
