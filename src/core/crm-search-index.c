/* crm-search-index.c — the full-text indexes of customers: their tokenizer and their upkeep
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Two FTS5 tables find customers by the text of search_source (name, code,
 * notes, contacts, tags): search_customer, trigram, for three or more
 * characters, and search_short for one or two. Triggers mark the
 * customers whose text changed in search_pending, and every commit
 * rebuilds their rows (crm_search_index_flush()).
 *
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

#include "crm-database-private.h"
#include "crm-search-index.h"

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
/* Reports the piece [@from, @to) of @word as a token; the first piece
 * keeps the word's flags. */
static int
emit_piece (Cut        *cut,
            int        *flags,
            const char *word,
            int         n_word,
            int         start,
            int         end,
            const char *from,
            const char *to)
{
  gboolean exact = end - start == n_word;
  int rc;

  rc = cut->token (cut->context, *flags, from, (int) (to - from),
                   exact ? start + (int) (from - word) : start,
                   exact ? start + (int) (to - word) : end);
  *flags = 0;

  return rc;
}

static int
cut_word (void       *data,
          int         flags,
          const char *word,
          int         n_word,
          int         start,
          int         end)
{
  Cut *cut = data;
  const char *stop = word + n_word;
  const char *run = word;
  int rc = SQLITE_OK;

  for (const char *p = word; p < stop && rc == SQLITE_OK; )
    {
      const char *next = g_utf8_next_char (p);

      /* ASCII is never CJK. */
      if ((guchar) *p < 0x80 || !crm_search_is_cjk (g_utf8_get_char (p)))
        {
          p = next;
          continue;
        }

      if (run < p)
        rc = emit_piece (cut, &flags, word, n_word, start, end, run, p);
      if (rc == SQLITE_OK)
        rc = emit_piece (cut, &flags, word, n_word, start, end, p, next);
      run = p = next;
    }

  if (rc == SQLITE_OK && run < stop)
    rc = emit_piece (cut, &flags, word, n_word, start, end, run, stop);

  return rc;
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

/* Makes the tokenizer "crm_short" known to @handle; every connection that
 * reads or writes search_short needs it. Returns an SQLite result code. */
static int
register_tokenizer (sqlite3 *handle)
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

/*
 * crm_cjk_spaced(TEXT): the text with every CJK character standing alone
 * between spaces, so that FTS5's unicode61 tokenizer makes each one a token
 * and a one- or two-character query can be answered as a phrase. What
 * search_short held up to schema 24; step 11 still uses it, and the
 * tokenizer above now does the same while it reads.
 */
static void
sql_cjk_spaced (sqlite3_context  *context,
                int               argc,
                sqlite3_value   **argv)
{
  const char *text = (const char *)sqlite3_value_text (argv[0]);
  g_autoptr(GString) out = NULL;

  if (text == NULL)
    {
      sqlite3_result_null (context);
      return;
    }

  out = g_string_sized_new (strlen (text) * 2);
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (crm_search_is_cjk (c))
        {
          g_string_append_c (out, ' ');
          g_string_append_unichar (out, c);
          g_string_append_c (out, ' ');
        }
      else
        {
          g_string_append_unichar (out, c);
        }
    }

  sqlite3_result_text (context, out->str, out->len, SQLITE_TRANSIENT);
}

/**
 * crm_search_index_add_functions:
 * @handle: a connection
 * @path: its file, for messages
 * @error: return location for an error
 *
 * Adds what the search tables need on every connection: crm_cjk_spaced()
 * for step 11 of the schema and the tokenizer of search_short.
 *
 * Returns: %TRUE on success
 */
gboolean
crm_search_index_add_functions (sqlite3     *handle,
                                const char  *path,
                                GError     **error)
{
  sqlite3_create_function_v2 (handle, "crm_cjk_spaced", 1,
                              SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                              NULL, sql_cjk_spaced, NULL, NULL, NULL);

  if (register_tokenizer (handle) != SQLITE_OK)
    {
      crm_database_set_handle_error (handle, path, error, "the search tokenizer");
      return FALSE;
    }

  return TRUE;
}

/* Customers to index at one commit from which the FTS buffer grows
 * (tests/core/test-import.c imports more). */
#define LARGE_FLUSH 2000
#define LARGE_FLUSH_HASHSIZE 67108864

static gboolean
exec_statements (CrmDatabase         *self,
                 const char * const  *statements,
                 guint                n_statements,
                 GError             **error)
{
  for (guint i = 0; i < n_statements; i++)
    {
      sqlite3_stmt *stmt = crm_database_prepare (self, statements[i], error);

      if (stmt == NULL || !crm_database_step_done (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * crm_search_index_flush:
 * @self: a database inside a transaction
 * @error: return location for an error
 *
 * Rebuilds the search rows of the customers the triggers marked, once per
 * transaction however many of their rows it touched; crm_database_commit()
 * calls it.
 *
 * Returns: %TRUE on success
 */
gboolean
crm_search_index_flush (CrmDatabase  *self,
                        GError      **error)
{
  /* search_short indexes the text search_customer holds (schema 25): its
   * rows go first, while that text is still the one it indexed, and the
   * new text is read back from search_customer's table of it, gathered
   * from search_source once for both indexes. */
  static const char *flush[] = {
    "DELETE FROM search_short WHERE rowid IN (SELECT customer_id FROM search_pending)",
    "DELETE FROM search_customer WHERE rowid IN (SELECT customer_id FROM search_pending)",
    "INSERT INTO search_customer (rowid, body)"
    "  SELECT s.customer_id, s.body FROM search_pending p JOIN search_source s USING (customer_id)",
    "INSERT INTO search_short (rowid, c0)"
    "  SELECT id, c0 FROM search_customer_content WHERE id IN (SELECT customer_id FROM search_pending)",
    "DELETE FROM search_pending",
  };
  /* Up to schema 24 search_short kept its own copy of the text, spaced. */
  static const char *flush_24[] = {
    "DELETE FROM search_customer WHERE rowid IN (SELECT customer_id FROM search_pending)",
    "DELETE FROM search_short WHERE rowid IN (SELECT customer_id FROM search_pending)",
    "INSERT INTO search_customer (rowid, body)"
    "  SELECT s.customer_id, s.body FROM search_pending p JOIN search_source s USING (customer_id)",
    "INSERT INTO search_short (rowid, body)"
    "  SELECT s.customer_id, crm_cjk_spaced (s.body)"
    "  FROM search_pending p JOIN search_source s USING (customer_id)",
    "DELETE FROM search_pending",
  };

  /* FTS5 writes its in-memory index out as a new segment (and merges
   * segments) whenever it exceeds "hashsize", 1 MB by default: for an
   * import of 100 000 customers, hundreds of times. A larger buffer for
   * large flushes makes a quarter less work; the setting is put back, so
   * ordinary edits keep the default. */
  static const char *large[] = {
    "INSERT INTO search_customer (search_customer, rank) VALUES ('hashsize', " G_STRINGIFY (LARGE_FLUSH_HASHSIZE) ")",
    "INSERT INTO search_short (search_short, rank) VALUES ('hashsize', " G_STRINGIFY (LARGE_FLUSH_HASHSIZE) ")",
  };
  static const char *normal[] = {
    "INSERT INTO search_customer (search_customer, rank) VALUES ('hashsize', 1048576)",
    "INSERT INTO search_short (search_short, rank) VALUES ('hashsize', 1048576)",
  };
  sqlite3_stmt *stmt;
  gint64 n_pending;

  if (crm_database_get_schema_version (self) < 3)
    return TRUE;

  stmt = crm_database_prepare (self, "SELECT count(*) FROM search_pending", error);
  if (stmt == NULL)
    return FALSE;
  n_pending = sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  sqlite3_reset (stmt);

  if (n_pending == 0)
    return TRUE;

  if (crm_database_get_schema_version (self) < 25)
    return exec_statements (self, flush_24, G_N_ELEMENTS (flush_24), error);

  if (n_pending < LARGE_FLUSH)
    return exec_statements (self, flush, G_N_ELEMENTS (flush), error);

  return exec_statements (self, large, G_N_ELEMENTS (large), error) &&
         exec_statements (self, flush, G_N_ELEMENTS (flush), error) &&
         exec_statements (self, normal, G_N_ELEMENTS (normal), error);
}
