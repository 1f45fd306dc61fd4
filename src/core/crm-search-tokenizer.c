/* crm-search-tokenizer.c — the FTS5 tokenizer of one- and two-character searches
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * search_short answers searches of one or two characters (see
 * crm-customer-matcher.c): a CJK character is a token of its own, so that
 * "张" finds 张三 and "张三" is a phrase of two tokens; other text is cut
 * into words as FTS5's unicode61 tokenizer cuts it, and the index's
 * prefix option finds words that start with "1" or "ab".
 *
 * The table used to hold its own copy of the text with a space around
 * every CJK character (crm_cjk_spaced()) for unicode61 to read. This
 * tokenizer ("crm_short") gives the same tokens from the text as it is:
 * it runs unicode61 and cuts each word it reports at its CJK characters.
 * So search_short needs no copy of its own: it reads the text of
 * search_customer (an external content table), and a bulk flush neither
 * builds the spaced text nor writes it. unicode61 folds case and
 * diacritics one character at a time and never changes a CJK character,
 * so cutting its words gives what it makes of the spaced text.
 */

#define G_LOG_DOMAIN "crm-database"

#include <string.h>

#include "crm-search-tokenizer.h"

#define TOKENIZER_NAME "crm_short"

gboolean
crm_search_is_cjk (gunichar c)
{
  GUnicodeScript script;

  /* ASCII and the CJK unified ideographs, most of any text here,
   * without the script table's binary search. */
  if (c < 0x80)
    return FALSE;
  if (c >= 0x4e00 && c <= 0x9fff)
    return TRUE;

  script = g_unichar_get_script (c);

  return script == G_UNICODE_SCRIPT_HAN ||
         script == G_UNICODE_SCRIPT_HIRAGANA ||
         script == G_UNICODE_SCRIPT_KATAKANA ||
         script == G_UNICODE_SCRIPT_HANGUL ||
         script == G_UNICODE_SCRIPT_BOPOMOFO;
}

typedef struct
{
  fts5_tokenizer  unicode61;
  Fts5Tokenizer  *inner;
} ShortTokenizer;

typedef struct
{
  void  *context;
  int  (*token) (void       *context,
                 int         flags,
                 const char *token,
                 int         n_token,
                 int         start,
                 int         end);
} Cut;

/* The unicode61 tokenizer of a connection, found at registration. */
typedef struct
{
  fts5_tokenizer  tokenizer;
  void           *context;
} Unicode61;

static int
short_create (void          *context,
              const char   **args,
              int            n_args,
              Fts5Tokenizer **out)
{
  Unicode61 *unicode61 = context;
  ShortTokenizer *self = g_new0 (ShortTokenizer, 1);
  int rc;

  self->unicode61 = unicode61->tokenizer;
  rc = self->unicode61.xCreate (unicode61->context, args, n_args, &self->inner);
  if (rc != SQLITE_OK)
    {
      g_free (self);
      return rc;
    }

  *out = (Fts5Tokenizer *) self;

  return SQLITE_OK;
}

static void
short_delete (Fts5Tokenizer *tokenizer)
{
  ShortTokenizer *self = (ShortTokenizer *) tokenizer;

  self->unicode61.xDelete (self->inner);
  g_free (self);
}

/* Reports a word of unicode61 as tokens: each CJK character alone, the
 * runs of other characters between them as they are. Offsets into the
 * text are exact when folding kept the word's length, and the word's
 * otherwise; nothing here reads them (no highlight() or snippet()). */
static int
cut_word (void       *data,
          int         flags,
          const char *word,
          int         n_word,
          int         start,
          int         end)
{
  Cut *cut = data;
  gboolean exact = end - start == n_word;
  const char *run = word;
  const char *p = word;
  const char *stop = word + n_word;
  int rc;

  for (const char *q = word; q < stop; q++)
    {
      if ((guchar) *q >= 0x80)
        goto cut;
    }

  return cut->token (cut->context, flags, word, n_word, start, end);

cut:
  while (p < stop)
    {
      const char *next = g_utf8_next_char (p);
      gunichar c = g_utf8_get_char (p);

      if (!crm_search_is_cjk (c))
        {
          p = next;
          continue;
        }

      if (run < p)
        {
          rc = cut->token (cut->context, flags,
                           run, p - run,
                           exact ? start + (int) (run - word) : start,
                           exact ? start + (int) (p - word) : end);
          if (rc != SQLITE_OK)
            return rc;
          flags = 0;
        }

      rc = cut->token (cut->context, flags,
                       p, next - p,
                       exact ? start + (int) (p - word) : start,
                       exact ? start + (int) (next - word) : end);
      if (rc != SQLITE_OK)
        return rc;
      flags = 0;
      run = p = next;
    }

  if (run < stop)
    return cut->token (cut->context, flags,
                       run, stop - run,
                       exact ? start + (int) (run - word) : start,
                       end);

  return SQLITE_OK;
}

static int
short_tokenize (Fts5Tokenizer *tokenizer,
                void          *context,
                int            flags,
                const char    *text,
                int            n_text,
                int          (*token) (void       *context,
                                       int         flags,
                                       const char *token,
                                       int         n_token,
                                       int         start,
                                       int         end))
{
  ShortTokenizer *self = (ShortTokenizer *) tokenizer;
  Cut cut = { context, token };

  return self->unicode61.xTokenize (self->inner, &cut, flags, text, n_text, cut_word);
}

static fts5_api *
get_fts5_api (sqlite3 *handle)
{
  fts5_api *api = NULL;
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (handle, "SELECT fts5(?1)", -1, &stmt, NULL) != SQLITE_OK)
    return NULL;

  sqlite3_bind_pointer (stmt, 1, &api, "fts5_api_ptr", NULL);
  sqlite3_step (stmt);
  sqlite3_finalize (stmt);

  return api;
}

/**
 * crm_search_tokenizer_register:
 * @handle: a connection
 *
 * Makes the tokenizer "crm_short" known to @handle; every connection that
 * reads or writes search_short needs it.
 *
 * Returns: an SQLite result code
 */
int
crm_search_tokenizer_register (sqlite3 *handle)
{
  fts5_tokenizer tokenizer = { short_create, short_delete, short_tokenize };
  fts5_api *api = get_fts5_api (handle);
  Unicode61 *unicode61;
  int rc;

  if (api == NULL || api->iVersion < 2)
    return SQLITE_ERROR;

  unicode61 = g_new0 (Unicode61, 1);
  rc = api->xFindTokenizer (api, "unicode61", &unicode61->context, &unicode61->tokenizer);
  if (rc != SQLITE_OK)
    {
      g_free (unicode61);
      return rc;
    }

  /* FTS5 frees @unicode61 with the connection. */
  return api->xCreateTokenizer (api, TOKENIZER_NAME, unicode61, &tokenizer, g_free);
}
