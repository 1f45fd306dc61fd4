/* crm-customer-matcher.c — which customers a search text finds
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * A search text is split into words; a customer matches when it matches
 * every word. A word of three or more characters is a substring found by
 * the trigram index (search_customer); one or two CJK characters are a
 * phrase of single-character tokens in search_short; one or two other
 * characters start a word of search_short (a prefix query, which the
 * index's prefix option answers without visiting every word). A word of
 * ASCII letters also matches the pinyin initials of the name ("bjkj").
 *
 * For each word the matcher keeps a bitmap of the ids found so far. The
 * full-text indexes return rowids in ascending order, so after reading up
 * to rowid R every match up to R is in the bitmap; a customer above R is
 * tested with a probe (the same MATCH with `rowid = ?`, which the index
 * answers by seeking, not scanning). Reading can stop at a deadline and
 * resume later (from rowid R on, so no statement stays open in between), which is what lets the customer list show the first
 * screen of a search that matches most customers within a few
 * milliseconds and count the rest in idle time.
 */

#define G_LOG_DOMAIN "crm-customer-matcher"

#include <string.h>

#include "crm-customer-matcher.h"
#include "crm-pinyin.h"

/* Rows read between two looks at the clock. */
#define ROWS_PER_CHECK 64

typedef struct
{
  sqlite3_stmt *scan;       /* NULL once every row is read */
  sqlite3_stmt *probe;
  sqlite3_stmt *body;       /* trigram words only: the indexed text of a row */
  char         *folded;     /* the word as the trigram tokenizer folds it */
  gint64        scanned_to; /* every match ≤ this is in bits */
  guint8       *bits;       /* index matches read so far, and initials matches */
} Term;

struct _CrmCustomerMatcher
{
  CrmDatabase *database;
  gint64       max_id;
  GArray      *terms;       /* Term */
  GString     *scratch;
};

static void
term_clear (gpointer data)
{
  Term *term = data;

  g_clear_pointer (&term->scan, sqlite3_finalize);
  g_clear_pointer (&term->probe, sqlite3_finalize);
  g_clear_pointer (&term->body, sqlite3_finalize);
  g_clear_pointer (&term->folded, g_free);
  g_clear_pointer (&term->bits, g_free);
}

/*
 * The trigram tokenizer (case_sensitive=0) lowercases ASCII and Unicode
 * cased letters one character at a time, and a phrase of trigrams
 * matches where the folded word is a substring of the folded text. Text
 * without cased non-ASCII characters is folded here exactly as SQLite
 * does (ASCII only); for other text this returns FALSE and the index is
 * asked instead, so that no difference between SQLite's case tables and
 * GLib's can make the two disagree.
 */
static gboolean
fold_like_trigram (const char *text,
                   GString    *out)
{
  g_string_truncate (out, 0);

  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if (c < 0x80)
        {
          g_string_append_c (out, g_ascii_tolower (c));
          continue;
        }

      {
        gunichar u = g_utf8_get_char_validated (p, -1);
        const char *next;

        if (u == (gunichar) -1 || u == (gunichar) -2 ||
            g_unichar_tolower (u) != u || g_unichar_toupper (u) != u || g_unichar_istitle (u))
          return FALSE;

        next = g_utf8_next_char (p);
        g_string_append_len (out, p, next - p);
        p = next - 1;
      }
    }

  return TRUE;
}

static inline void
set_bit (guint8 *bits,
         gint64  id)
{
  bits[id >> 3] |= 1u << (id & 7);
}

static inline gboolean
get_bit (const guint8 *bits,
         gint64        id)
{
  return (bits[id >> 3] >> (id & 7)) & 1;
}

static gboolean
has_cjk (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      GUnicodeScript script = g_unichar_get_script (g_utf8_get_char (p));

      if (script == G_UNICODE_SCRIPT_HAN || script == G_UNICODE_SCRIPT_HIRAGANA ||
          script == G_UNICODE_SCRIPT_KATAKANA || script == G_UNICODE_SCRIPT_HANGUL ||
          script == G_UNICODE_SCRIPT_BOPOMOFO)
        return TRUE;
    }

  return FALSE;
}

/* An FTS5 string literal: the term in double quotes, quotes doubled, so
 * nothing the user types is read as query syntax. */
static char *
fts_phrase (const char *term)
{
  GString *out = g_string_new ("\"");

  for (const char *p = term; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');

  return g_string_free (out, FALSE);
}

/* The MATCH expression and the index for one word of the search. */
static char *
match_for_word (const char  *word,
                const char **table)
{
  glong length = g_utf8_strlen (word, -1);

  if (length >= 3)
    {
      /* Trigram FTS finds any substring of three or more characters. */
      *table = "search_customer";
      return fts_phrase (word);
    }

  *table = "search_short";

  if (has_cjk (word))
    {
      /* One or two CJK characters: each is a token of search_short, and
       * two of them must stand side by side (a phrase). */
      GString *spaced = g_string_new ("\"");

      for (const char *p = word; *p != '\0'; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          if (c == '"')
            continue;
          g_string_append_unichar (spaced, c);
          g_string_append_c (spaced, ' ');
        }
      g_string_append_c (spaced, '"');

      return g_string_free (spaced, FALSE);
    }

  /* One or two other characters: words that start with them. */
  {
    g_autofree char *phrase = fts_phrase (word);

    return g_strconcat (phrase, "*", NULL);
  }
}

static sqlite3_stmt *
prepare (CrmCustomerMatcher *self,
         const char         *sql)
{
  sqlite3 *handle = crm_database_get_handle (self->database);
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      g_warning ("Customer search failed: %s", sqlite3_errmsg (handle));
      return NULL;
    }

  return stmt;
}

/* Pinyin initials are matched as a prefix, with a range the index on
 * name_initials answers: "bjkj" ≤ x < "bjkk". There are few, so they are
 * read at once. */
static void
add_initials (CrmCustomerMatcher *self,
              Term               *term,
              const char         *word)
{
  g_autofree char *low = g_ascii_strdown (word, -1);
  g_autofree char *high = g_strdup (low);
  sqlite3_stmt *stmt;

  high[strlen (high) - 1]++;

  stmt = crm_database_prepare (self->database,
                               "SELECT id FROM customer WHERE name_initials >= ? AND name_initials < ?",
                               NULL);
  if (stmt == NULL)
    return;

  sqlite3_bind_text (stmt, 1, low, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, high, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      if (id > 0 && id <= self->max_id)
        set_bit (term->bits, id);
    }
  sqlite3_reset (stmt);
}

/**
 * crm_customer_matcher_new:
 * @database: the database
 * @search_text: what the user typed; words are separated by spaces
 * @max_id: the largest customer id that will be tested
 *
 * Prepares the queries of each word and reads the pinyin-initials matches;
 * reads nothing from the full-text indexes yet.
 *
 * Returns: (transfer full): a matcher
 */
CrmCustomerMatcher *
crm_customer_matcher_new (CrmDatabase *database,
                          const char  *search_text,
                          gint64       max_id)
{
  CrmCustomerMatcher *self;
  g_autoptr(GString) text = NULL;
  g_auto(GStrv) words = NULL;
  gsize n_bytes;

  g_return_val_if_fail (CRM_IS_DATABASE (database), NULL);
  g_return_val_if_fail (search_text != NULL, NULL);

  self = g_new0 (CrmCustomerMatcher, 1);
  self->database = g_object_ref (database);
  self->max_id = MAX (max_id, 0);
  self->terms = g_array_new (FALSE, TRUE, sizeof (Term));
  self->scratch = g_string_new (NULL);
  g_array_set_clear_func (self->terms, term_clear);
  n_bytes = self->max_id / 8 + 1;

  /* The ideographic space (U+3000) separates words too; the split works
   * on bytes, so it becomes an ASCII space first. */
  text = g_string_new (search_text);
  g_string_replace (text, "\u3000", " ", 0);
  words = g_strsplit_set (text->str, " \t", -1);

  for (guint i = 0; words[i] != NULL; i++)
    {
      const char *word = words[i];
      const char *table = NULL;
      g_autofree char *match = NULL;
      g_autofree char *scan_sql = NULL;
      g_autofree char *probe_sql = NULL;
      Term term = { 0 };

      if (*word == '\0')
        continue;

      match = match_for_word (word, &table);
      scan_sql = g_strdup_printf ("SELECT rowid FROM %s WHERE %s MATCH ?1 AND rowid > ?2 ORDER BY rowid",
                                  table, table);
      probe_sql = g_strdup_printf ("SELECT 1 FROM %s WHERE %s MATCH ? AND rowid = ?", table, table);

      term.bits = g_malloc0 (n_bytes);
      term.scanned_to = 0;
      term.scan = prepare (self, scan_sql);
      term.probe = prepare (self, probe_sql);
      if (term.scan != NULL)
        sqlite3_bind_text (term.scan, 1, match, -1, SQLITE_TRANSIENT);
      if (term.probe != NULL)
        sqlite3_bind_text (term.probe, 1, match, -1, SQLITE_TRANSIENT);
      if (term.scan == NULL || term.probe == NULL)
        {
          /* Nothing can be found for it: it matches nothing. */
          g_clear_pointer (&term.scan, sqlite3_finalize);
          g_clear_pointer (&term.probe, sqlite3_finalize);
          term.scanned_to = G_MAXINT64;
        }

      /* A trigram word is tested against the row's text rather than by
       * an index probe, which costs about ten times as much. The text is
       * the FTS table's own copy (its %_content table). */
      if (term.probe != NULL && g_str_equal (table, "search_customer"))
        {
          g_autoptr(GString) folded = g_string_new (NULL);

          if (fold_like_trigram (word, folded))
            {
              term.body = prepare (self, "SELECT c0 FROM search_customer_content WHERE id = ?");
              term.folded = g_string_free (g_steal_pointer (&folded), FALSE);
            }
        }

      if (crm_pinyin_is_initials_query (word))
        add_initials (self, &term, word);

      g_array_append_val (self->terms, term);
    }

  return self;
}

/**
 * crm_customer_matcher_scan:
 * @self: a #CrmCustomerMatcher
 * @deadline: a g_get_monotonic_time() value; 0 for no deadline
 *
 * Reads matches from the full-text indexes until all are read or the
 * deadline has passed; a later call goes on where this one stopped.
 *
 * Returns: %TRUE when every match has been read
 */
gboolean
crm_customer_matcher_scan (CrmCustomerMatcher *self,
                           gint64              deadline)
{
  g_return_val_if_fail (self != NULL, FALSE);

  for (guint i = 0; i < self->terms->len; i++)
    {
      Term *term = &g_array_index (self->terms, Term, i);
      guint n_rows = 0;

      if (term->scan != NULL)
        sqlite3_bind_int64 (term->scan, 2, term->scanned_to);

      while (term->scan != NULL)
        {
          int rc;

          if (deadline > 0 && n_rows++ % ROWS_PER_CHECK == 0 && g_get_monotonic_time () >= deadline)
            {
              /* Reset, so no read transaction stays open until the next
               * call: a write on this connection meanwhile could not
               * start one. The next call goes on after scanned_to. */
              sqlite3_reset (term->scan);
              return FALSE;
            }

          rc = sqlite3_step (term->scan);
          if (rc == SQLITE_ROW)
            {
              gint64 id = sqlite3_column_int64 (term->scan, 0);

              if (id > 0 && id <= self->max_id)
                set_bit (term->bits, id);
              term->scanned_to = id;
            }
          else
            {
              if (rc != SQLITE_DONE)
                g_warning ("Customer search failed: %s",
                           sqlite3_errmsg (crm_database_get_handle (self->database)));
              g_clear_pointer (&term->scan, sqlite3_finalize);
              term->scanned_to = G_MAXINT64;
            }
        }
    }

  return TRUE;
}

gboolean
crm_customer_matcher_is_done (CrmCustomerMatcher *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  for (guint i = 0; i < self->terms->len; i++)
    {
      if (g_array_index (self->terms, Term, i).scan != NULL)
        return FALSE;
    }

  return TRUE;
}

/* Whether the folded text of row @id contains the word: 1 yes, 0 no,
 * -1 when only the index can tell. */
static int
probe_text (Term    *term,
            GString *scratch,
            gint64   id)
{
  const char *body;
  int found = 0;

  sqlite3_reset (term->body);
  sqlite3_bind_int64 (term->body, 1, id);
  if (sqlite3_step (term->body) == SQLITE_ROW &&
      (body = (const char *) sqlite3_column_text (term->body, 0)) != NULL)
    found = fold_like_trigram (body, scratch) ? strstr (scratch->str, term->folded) != NULL : -1;
  sqlite3_reset (term->body);

  return found;
}

static gboolean
probe (CrmCustomerMatcher *self,
       Term               *term,
       gint64              id)
{
  gboolean found;

  if (term->body != NULL)
    {
      int answer = probe_text (term, self->scratch, id);

      if (answer >= 0)
        return answer;
    }

  sqlite3_reset (term->probe);
  sqlite3_bind_int64 (term->probe, 2, id);
  found = sqlite3_step (term->probe) == SQLITE_ROW;
  sqlite3_reset (term->probe);

  return found;
}

/**
 * crm_customer_matcher_test:
 * @self: a #CrmCustomerMatcher
 * @id: a customer id, at most the max_id given to crm_customer_matcher_new()
 *
 * Whether the customer matches every word: from what was read where that
 * suffices, with a probe of the index where it does not.
 *
 * Returns: %TRUE when it matches
 */
gboolean
crm_customer_matcher_test (CrmCustomerMatcher *self,
                           gint64              id)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (id <= 0 || id > self->max_id)
    return FALSE;

  for (guint i = 0; i < self->terms->len; i++)
    {
      Term *term = &g_array_index (self->terms, Term, i);

      if (get_bit (term->bits, id))
        continue;
      if (id <= term->scanned_to || term->probe == NULL || !probe (self, term, id))
        return FALSE;
    }

  return TRUE;
}

void
crm_customer_matcher_free (CrmCustomerMatcher *self)
{
  if (self == NULL)
    return;

  g_array_unref (self->terms);
  g_string_free (self->scratch, TRUE);
  g_object_unref (self->database);
  g_free (self);
}
