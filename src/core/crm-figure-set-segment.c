/* crm-figure-set-segment.c — the customers of a figure set's segment, for SQL
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The figures over follow-ups, requirements and questionnaires keep the
 * rows of a segment's customers with CRM_SEGMENT_HAS (id), which calls
 * crm_figure_segment_has (id). A figure set reads its segment's customer
 * ids once into a bitmap (a hash table for ids too far apart), and each
 * connection that computes it has the function look ids up there: a
 * bit test per row, where "id IN (SELECT …)" probed a temporary b-tree
 * of 14 000 ids for each of 200 000 requirements.
 */

#define G_LOG_DOMAIN "crm-figures"

#include "crm-figure-set-private.h"

/* Customer ids below this are in the bitmap (8 MB at most). */
#define BITMAP_IDS (64 << 20)

#define FUNCTION_KEY "crm-figure-set-segment-function"

struct _CrmSegmentIds
{
  guint8     *bits;
  gint64      n_bits;
  GHashTable *others;  /* gint64 * ids from n_bits on; NULL when none */
};

/* What crm_figure_segment_has() of one connection looks ids up in. */
typedef struct
{
  CrmSegmentIds *ids;
} SegmentFunction;

static void
segment_ids_clear (CrmSegmentIds *ids)
{
  g_free (ids->bits);
  g_clear_pointer (&ids->others, g_hash_table_unref);
}

CrmSegmentIds *
crm_segment_ids_ref (CrmSegmentIds *ids)
{
  return g_atomic_rc_box_acquire (ids);
}

void
crm_segment_ids_unref (CrmSegmentIds *ids)
{
  g_atomic_rc_box_release_full (ids, (GDestroyNotify)segment_ids_clear);
}

static gboolean
segment_ids_contain (CrmSegmentIds *ids,
                     gint64         id)
{
  if (id < 0)
    return FALSE;
  if (id < ids->n_bits)
    return (ids->bits[id / 8] & (1 << (id % 8))) != 0;

  return ids->others != NULL && g_hash_table_contains (ids->others, &id);
}

/* Reads the ids of the customers of @self's segment. */
CrmSegmentIds *
crm_segment_ids_load (CrmFigureSet  *self,
                      GError       **error)
{
  CrmSegmentIds *ids = g_atomic_rc_box_new0 (CrmSegmentIds);
  gint64 max_id = 0;
  sqlite3_stmt *stmt;
  int rc;

  if (!crm_figure_set_query_int (self, "SELECT max (id) FROM customer", &max_id, error))
    {
      crm_segment_ids_unref (ids);
      return NULL;
    }
  ids->n_bits = MIN (max_id + 1, BITMAP_IDS);
  ids->bits = g_malloc0 (ids->n_bits / 8 + 1);

  stmt = crm_figure_set_prepare (self, "SELECT c.id FROM customer c WHERE" CRM_SEGMENT_WHERE, error);
  if (stmt == NULL)
    {
      crm_segment_ids_unref (ids);
      return NULL;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      if (id >= 0 && id < ids->n_bits)
        ids->bits[id / 8] |= 1 << (id % 8);
      else
        {
          if (ids->others == NULL)
            ids->others = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
          g_hash_table_add (ids->others, g_memdup2 (&id, sizeof id));
        }
    }
  if (!crm_figure_set_finish (self, stmt, rc, error))
    {
      crm_segment_ids_unref (ids);
      return NULL;
    }

  return ids;
}

static void
sql_segment_has (sqlite3_context  *context,
                 int               argc,
                 sqlite3_value   **argv)
{
  SegmentFunction *function = sqlite3_user_data (context);

  /* A NULL id, like "NULL IN (…)", is in no segment. */
  if (function->ids == NULL || sqlite3_value_type (argv[0]) == SQLITE_NULL)
    sqlite3_result_int (context, 0);
  else
    sqlite3_result_int (context, segment_ids_contain (function->ids, sqlite3_value_int64 (argv[0])));
}

/* Has crm_figure_segment_has() on @database look ids up in @ids (%NULL:
 * every customer, when CRM_SEGMENT_HAS never calls it, but each query
 * needs it to exist) until crm_segment_ids_detach(). The function is
 * made once per connection,
 * as making it again would make SQLite prepare every statement again;
 * the connection frees it when it closes. */
gboolean
crm_segment_ids_attach (CrmSegmentIds  *ids,
                        CrmDatabase    *database,
                        GError        **error)
{
  SegmentFunction *function = g_object_get_data (G_OBJECT (database), FUNCTION_KEY);

  if (function == NULL)
    {
      function = g_new0 (SegmentFunction, 1);
      if (sqlite3_create_function_v2 (crm_database_get_handle (database), "crm_figure_segment_has", 1,
                                      SQLITE_UTF8 | SQLITE_DIRECTONLY, function, sql_segment_has,
                                      NULL, NULL, g_free) != SQLITE_OK)
        {
          crm_database_set_sql_error (database, error, "crm_figure_segment_has");
          return FALSE;
        }
      g_object_set_data (G_OBJECT (database), FUNCTION_KEY, function);
    }
  function->ids = ids;

  return TRUE;
}

void
crm_segment_ids_detach (CrmDatabase *database)
{
  SegmentFunction *function = g_object_get_data (G_OBJECT (database), FUNCTION_KEY);

  if (function != NULL)
    function->ids = NULL;
}
