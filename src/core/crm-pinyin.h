/* crm-pinyin.h — pinyin of Chinese names, for search and sorting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * Pinyin comes from ICU's Han-Latin transliterator, one character at a
 * time and cached, with a few phrases whose reading differs from that of
 * the character alone (银行 yin hang, 厦门 xia men, 重庆 chong qing, …).
 * Other heteronyms (多音字) get their most common reading. Input is NFKC
 * normalised first, so full-width letters count as ASCII. Letters and
 * digits that are not Chinese are kept, in lower case; punctuation and
 * spaces only separate words. All functions are thread-safe.
 */

/* "北京科技有限公司" → "bei jing ke ji you xian gong si";
 * "ABC科技" → "abc ke ji". */
char     *crm_pinyin_full                (const char *utf8);

/* "北京科技有限公司" → "bjkjyxgs"; "ABC科技" → "abckj". */
char     *crm_pinyin_initials            (const char *utf8);

/* The same for a person's name: the surname is read as a surname, so
 * 单 is "shan", 曾 "zeng", 解 "xie", 尉迟 "yu chi". */
char     *crm_pinyin_full_for_person     (const char *name);
char     *crm_pinyin_initials_for_person (const char *name);

/* TRUE if @query is two or more ASCII letters and nothing else: search
 * then also matches it against the initials ("bjkj" finds 北京科技). */
gboolean  crm_pinyin_is_initials_query   (const char *query);

/*
 * A binary sort key for @utf8: comparing two keys with memcmp() (shorter
 * key first on a common prefix, as SQLite orders BLOBs) orders the strings
 * as the locale does. For any Chinese locale (zh, zh_CN.UTF-8, zh_TW, …)
 * that is pinyin order, 阿里巴巴 < 百度 < 腾讯; other locales get the
 * Unicode root order. Digits compare as numbers (第2 < 第10). @locale NULL
 * means the process's LC_COLLATE.
 *
 * Keys depend on the ICU version: store crm_collation_version() beside
 * them and recompute them all when it changes.
 */
GBytes   *crm_collation_key              (const char *utf8,
                                          const char *locale);
char     *crm_collation_version          (const char *locale);

G_END_DECLS
