/* crm-search-tokenizer.h — the FTS5 tokenizer of one- and two-character searches
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* Whether @c is a character of a CJK script (Han, kana, Hangul,
 * bopomofo), which search_short indexes as a token of its own. */
gboolean crm_search_is_cjk             (gunichar  c);

int      crm_search_tokenizer_register (sqlite3  *handle);

G_END_DECLS
