/* crm-requirement-list-query.c — the query behind CrmRequirementList
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * A list's query is made from its status and filter as SQL text and
 * parameters, which any connection can run: the list's own, or a worker
 * thread's reader connection when a board's list reads the rest of its
 * ids after the first frame (see crm-requirement-list.c).
 */

#define G_LOG_DOMAIN "crm-requirement-list"

#include "crm-customer-types.h"
#include "crm-requirement-list-private.h"

struct _CrmRequirementQuery
{
  char      *sql;
  int        status;
  gint64     numbers[4];
  guint      n_numbers;
  GPtrArray *texts;
};

int
crm_requirement_entry_compare (const CrmRequirementEntry *a,
                               const CrmRequirementEntry *b)
{
  if (a->status != b->status)
    return a->status < b->status ? -1 : 1;
  if (a->position != b->position)
    return a->position < b->position ? -1 : 1;
  if (a->id != b->id)
    return a->id < b->id ? -1 : 1;
  return 0;
}

/**
 * crm_requirement_query_new:
 * @status: a CrmRequirementStatus, or -1 for every status
 * @filter: what to show, with its texts stripped and blank ones %NULL
 * @only_id: restricts the query to this requirement when not 0
 * @limit: restricts the query to its first rows when not 0
 *
 * Returns: (transfer full): the query, which copies what it needs
 */
CrmRequirementQuery *
crm_requirement_query_new (int                         status,
                           const CrmRequirementFilter *filter,
                           gint64                      only_id,
                           guint                       limit)
{
  CrmRequirementQuery *query = g_new0 (CrmRequirementQuery, 1);
  g_autoptr(GString) sql = g_string_new ("SELECT r.id, r.status, r.position FROM requirement r");
  g_auto(GStrv) words = NULL;

  query->status = status;
  query->texts = g_ptr_array_new_with_free_func (g_free);

  /* Parameters: ?1…?4 numbers, then texts from ?10 on. */
  if (filter->tier >= 0)
    g_string_append (sql, " LEFT JOIN customer c ON c.id = r.customer_id");
  g_string_append (sql, " WHERE r.merged_into IS NULL");

  if (status >= 0)
    {
      g_string_append_printf (sql, " AND r.status = ?%u", 10 + query->texts->len);
      g_ptr_array_add (query->texts, g_strdup (crm_requirement_enum_to_string (CRM_REQUIREMENT_ENUM_STATUS, status)));
    }
  if (only_id > 0)
    {
      query->numbers[query->n_numbers++] = only_id;
      g_string_append_printf (sql, " AND r.id = ?%u", query->n_numbers);
    }
  if (filter->customer_id > 0)
    {
      query->numbers[query->n_numbers++] = filter->customer_id;
      g_string_append_printf (sql, " AND r.id IN (SELECT requirement_id FROM requirement_customer"
                                   " WHERE customer_id = ?%u)", query->n_numbers);
    }
  if (filter->owner != NULL && filter->owner[0] == '\0')
    g_string_append (sql, " AND r.owner IS NULL");
  else if (filter->owner != NULL)
    {
      g_string_append_printf (sql, " AND r.owner = ?%u", 10 + query->texts->len);
      g_ptr_array_add (query->texts, g_strdup (filter->owner));
    }
  if (filter->tier == CRM_TIER_NONE)
    g_string_append (sql, " AND c.tier IS NULL");
  else if (filter->tier > 0)
    {
      g_string_append_printf (sql, " AND c.tier = ?%u", 10 + query->texts->len);
      g_ptr_array_add (query->texts, g_strdup (crm_tier_to_string (filter->tier)));
    }
  if (filter->category > 0)
    {
      g_string_append_printf (sql, " AND r.category = ?%u", 10 + query->texts->len);
      g_ptr_array_add (query->texts, g_strdup (crm_requirement_enum_to_string (CRM_REQUIREMENT_ENUM_CATEGORY,
                                                                        filter->category)));
    }
  else if (filter->category == CRM_REQUIREMENT_CATEGORY_NONE)
    g_string_append (sql, " AND r.category IS NULL");
  if (filter->quadrant >= 0)
    {
      gboolean important = filter->quadrant == CRM_QUADRANT_DO_NOW || filter->quadrant == CRM_QUADRANT_PLAN;
      gboolean urgent = filter->quadrant == CRM_QUADRANT_DO_NOW || filter->quadrant == CRM_QUADRANT_STANDARDISE;

      g_string_append_printf (sql, " AND r.importance %s %d AND r.urgency %s %d",
                              important ? ">=" : "<", CRM_QUADRANT_THRESHOLD,
                              urgent ? ">=" : "<", CRM_QUADRANT_THRESHOLD);
    }
  if (filter->search_text != NULL)
    {
      words = g_strsplit_set (filter->search_text, " \t", -1);
      for (guint i = 0; words[i] != NULL; i++)
        {
          guint n;

          if (words[i][0] == '\0')
            continue;
          n = 10 + query->texts->len;
          g_string_append_printf (sql,
                                  " AND (instr (r.title, ?%u) OR instr (r.code, ?%u)"
                                  " OR instr (ifnull (r.description, ''), ?%u)"
                                  " OR r.customer_id IN (SELECT id FROM customer WHERE instr (name, ?%u)))",
                                  n, n, n, n);
          g_ptr_array_add (query->texts, g_strdup (words[i]));
        }
    }

  if (filter->customer_text != NULL)
    {
      g_string_append_printf (sql, " AND r.customer_id IN (SELECT id FROM customer WHERE instr (name, ?%u))",
                              10 + query->texts->len);
      g_ptr_array_add (query->texts, g_strdup (filter->customer_text));
    }

  g_string_append (sql, status >= 0 ? " ORDER BY r.position, r.id"
                                     : " ORDER BY r.status = 'rejected', r.status = 'done',"
                                       " r.status = 'in_progress', r.position, r.id");
  if (limit > 0)
    g_string_append_printf (sql, " LIMIT %u", limit);

  query->sql = g_string_free (g_steal_pointer (&sql), FALSE);

  return query;
}

void
crm_requirement_query_free (CrmRequirementQuery *query)
{
  if (query == NULL)
    return;

  g_free (query->sql);
  g_ptr_array_unref (query->texts);
  g_free (query);
}

/**
 * crm_requirement_query_run:
 * @db: the connection to run it on, in the calling thread
 *
 * Returns: (transfer full) (nullable): the matching entries in list
 *   order, or %NULL with @error set
 */
GArray *
crm_requirement_query_run (const CrmRequirementQuery  *query,
                           CrmDatabase                *db,
                           GError                    **error)
{
  g_autoptr(GArray) entries = g_array_new (FALSE, FALSE, sizeof (CrmRequirementEntry));
  sqlite3 *handle = crm_database_get_handle (db);
  sqlite3_stmt *stmt = NULL;
  int rc;

  /* The text varies with the filters, so it is prepared each time rather
   * than filling the statement cache with every combination. */
  if (sqlite3_prepare_v2 (handle, query->sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      crm_database_set_sql_error (db, error, "requirement");
      return NULL;
    }

  for (guint i = 0; i < query->n_numbers; i++)
    sqlite3_bind_int64 (stmt, i + 1, query->numbers[i]);
  for (guint i = 0; i < query->texts->len; i++)
    sqlite3_bind_text (stmt, 10 + i, g_ptr_array_index (query->texts, i), -1, SQLITE_STATIC);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CrmRequirementEntry entry = {
        sqlite3_column_int64 (stmt, 0),
        /* A column knows its status: no text to compare per row. */
        query->status >= 0 ? query->status
        : crm_requirement_enum_from_string (CRM_REQUIREMENT_ENUM_STATUS,
                                            (const char *)sqlite3_column_text (stmt, 1)),
        sqlite3_column_double (stmt, 2),
      };

      g_array_append_val (entries, entry);
    }
  if (rc != SQLITE_DONE)
    {
      crm_database_set_sql_error (db, error, "requirement");
      sqlite3_finalize (stmt);
      return NULL;
    }

  sqlite3_finalize (stmt);

  /* With all statuses the SQL orders by status in board order already;
   * sorting here keeps that order and the binary search in one place. */
  if (query->status < 0)
    g_array_sort (entries, (GCompareFunc)crm_requirement_entry_compare);

  return g_steal_pointer (&entries);
}

typedef struct
{
  CrmRequirementQuery *query;
  char                *path;
} RunJob;

static void
run_job_free (RunJob *job)
{
  crm_requirement_query_free (job->query);
  g_free (job->path);
  g_free (job);
}

static void
run_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  RunJob *job = task_data;
  g_autoptr(CrmDatabase) reader = NULL;
  g_autoptr(GError) error = NULL;
  GArray *entries = NULL;

  reader = crm_database_open_reader (job->path, &error);
  if (reader != NULL)
    entries = crm_requirement_query_run (job->query, reader, &error);

  if (entries == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, entries, (GDestroyNotify)g_array_unref);
}

/**
 * crm_requirement_query_run_async:
 * @query: (transfer full): the query
 * @path: the database file; the worker opens a connection of its own
 *
 * Runs @query in a worker thread.
 */
void
crm_requirement_query_run_async (CrmRequirementQuery *query,
                                 const char          *path,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, NULL, callback, user_data);
  RunJob *job = g_new0 (RunJob, 1);

  job->query = query;
  job->path = g_strdup (path);
  g_task_set_source_tag (task, crm_requirement_query_run_async);
  g_task_set_task_data (task, job, (GDestroyNotify)run_job_free);
  g_task_run_in_thread (task, run_thread);
}

/* Returns: (transfer full) (nullable): the entries, or %NULL with @error set */
GArray *
crm_requirement_query_run_finish (GAsyncResult  *result,
                                  GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}
