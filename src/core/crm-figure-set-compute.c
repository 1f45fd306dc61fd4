/* crm-figure-set-compute.c — computing a figure set, in two threads where it can
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The steps of a figure set: the counts over customers and cooperation
 * records here, the charts in crm-figure-set-charts.c, the figures over
 * follow-ups, tier history, requirements and questionnaires in
 * crm-figure-set-upkeep.c, crm-figure-set-requirements.c and
 * crm-figure-set-feedback.c. Those that need nothing of the others run
 * in a second thread on a connection of its own (see
 * crm_figure_set_compute()).
 */

#define G_LOG_DOMAIN "crm-figures"

#include <time.h>

#include "crm-figure-set-private.h"

/* Processor time of the calling thread in ms, logged beside wall time:
 * on a busy machine, or with two threads, wall time says little of the
 * work a step does. */
static double
thread_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);

  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static gboolean
compute_counts (CrmFigureSet  *self,
                GError       **error)
{
  gint64 active, deals[2];
  guint churned;

  /* Each query reads indexes (see schema step 8) more than rows. New
   * customers are counted with the mix (compute_mix()). */
  if (/* In customer order, so no temporary b-tree of ids is needed. */
      !crm_figure_set_query_int (self,
                                 "SELECT count(DISTINCT k.customer_id) FROM cooperation k INDEXED BY cooperation_period"
                                 "  WHERE k.started_on <= ?5 AND (k.ended_on IS NULL OR k.ended_on >= ?4)"
                                 "    AND" CRM_SEGMENT_HAS ("k.customer_id"),
                                 &active, error) ||
      !crm_figure_set_query_ints (self,
                                  "SELECT count(DISTINCT k.customer_id), total (k.amount) FROM cooperation k"
                                  "  WHERE k.started_on BETWEEN ?4 AND ?5 AND" CRM_SEGMENT_HAS ("k.customer_id"),
                                  deals, 2, error) ||
      !crm_figure_set_list_customers (self,
                                      "SELECT c.name, i.name, c.tier, c.owner, last.amount,"
                                      "       " FIRST_CONTACT ("name") ", " FIRST_CONTACT ("phone") ","
                                      "       c.pain_points, last.product, last.ended_on, c.kind"
                                      "  FROM customer c LEFT JOIN industry i ON i.id = c.industry_id"
                                      "  JOIN cooperation last ON last.id = (SELECT x.id FROM cooperation x"
                                      "       WHERE x.customer_id = c.id ORDER BY x.ended_on DESC, x.id DESC LIMIT 1)"
                                      "  WHERE" CHURNED_WHERE
                                      "  ORDER BY last.amount DESC, c.id",
                                      self->churned_customers, &churned, error))
    return FALSE;

  crm_figure_set_count (&self->figures[CRM_FIGURE_ACTIVE_CUSTOMERS], active);
  crm_figure_set_count (&self->figures[CRM_FIGURE_DEALS], deals[0]);
  crm_figure_set_count (&self->figures[CRM_FIGURE_DEAL_AMOUNT], deals[1]);
  crm_figure_set_count (&self->figures[CRM_FIGURE_CHURNED], churned);
  crm_figure_set_ratio (&self->figures[CRM_FIGURE_CHURN_RATE], churned, active);

  for (guint i = CRM_FIGURE_NEW_CUSTOMERS; i <= CRM_FIGURE_CHURN_RATE; i++)
    self->available[i] = TRUE;

  return TRUE;
}

typedef gboolean (*MergeFunc) (CrmFigureSet *self, CrmFigure *figure, GError **error);

typedef struct
{
  CrmFigureId id;
  MergeFunc   func;
} MergedFigure;

static gboolean
compute_figures (CrmFigureSet        *self,
                 const MergedFigure  *merged,
                 guint                n_merged,
                 GError             **error)
{
  for (guint i = 0; i < n_merged; i++)
    {
      GError *local_error = NULL;
      gint64 start = g_get_monotonic_time ();
      double cpu_start = thread_cpu_ms ();

      self->available[merged[i].id] = merged[i].func (self, &self->figures[merged[i].id], &local_error);
      g_debug ("  %s: %.1f ms (processor %.1f ms)", crm_figure_get_title (merged[i].id),
               (g_get_monotonic_time () - start) / 1000.0, thread_cpu_ms () - cpu_start);
      if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          return FALSE;
        }
    }

  return TRUE;
}

/* The follow-up and tier figures that depend on the counts and the mix
 * (conversion: the deals; tier changes: the tier mix; churn reasons: the
 * churned customers). */
static gboolean
compute_upkeep (CrmFigureSet  *self,
                GError       **error)
{
  static const MergedFigure merged[] = {
    { CRM_FIGURE_CONVERSION_RATE, crm_figure_set_compute_conversion_rate },
    { CRM_FIGURE_TIER_CHANGES, crm_figure_set_compute_tier_changes },
  };

  if (!compute_figures (self, merged, G_N_ELEMENTS (merged), error))
    return FALSE;

  self->churn_reasons = crm_figure_set_compute_churn_reasons (self, error);

  return error == NULL || *error == NULL;
}

/* The requirement, satisfaction, overdue, key follow-up and
 * questionnaire figures and the new customers trend, which need nothing
 * of the other steps: they
 * may run on a connection and thread of their own (see
 * crm_figure_set_compute()). */
static const MergedFigure independent_figures[] = {
  { CRM_FIGURE_SATISFACTION, crm_figure_set_compute_satisfaction },
  { CRM_FIGURE_REQUIREMENTS, crm_figure_set_compute_requirements },
  { CRM_FIGURE_CLOSURE_RATE, crm_figure_set_compute_closure_rate },
  { CRM_FIGURE_MEAN_TIME_TO_CLOSE, crm_figure_set_compute_mean_time_to_close },
  { CRM_FIGURE_OVERDUE_FOLLOW_UPS, crm_figure_set_compute_overdue_follow_ups },
  { CRM_FIGURE_KEY_FOLLOW_UPS, crm_figure_set_compute_key_follow_ups },
  { CRM_FIGURE_RESPONSE_RATE, crm_figure_set_compute_response_rate },
};

static gboolean
compute_independent (CrmFigureSet  *self,
                     GError       **error)
{
  if (!compute_figures (self, independent_figures, G_N_ELEMENTS (independent_figures), error))
    return FALSE;

  self->requirements_by_category = crm_figure_set_compute_requirements_by_category (self, error);
  if (error != NULL && *error != NULL)
    return FALSE;
  self->satisfaction_trend = crm_figure_set_compute_satisfaction_trend (self, error);
  if (error != NULL && *error != NULL)
    return FALSE;
  self->priority_matrix = crm_figure_set_compute_priority_matrix (self, error);
  if (error != NULL && *error != NULL)
    return FALSE;

  return crm_figure_set_compute_trend (self, error);
}

/* Walks the annual-spend index from the top; skipped when the period
 * has no customers, as it would then walk all of it for nothing. The
 * segment is told by id from the index entry, before the row is read:
 * by its columns, SQLite would read all of the segment's rows from
 * their own index and sort them. */
static gboolean
compute_key_customers (CrmFigureSet  *self,
                       GError       **error)
{
  if (self->figures[CRM_FIGURE_CUSTOMERS].value == 0)
    return TRUE;

  return crm_figure_set_list_customers (self,
                                        "SELECT c.name, i.name, c.tier, c.owner, c.annual_spend,"
                                        "       " FIRST_CONTACT ("name") ", " FIRST_CONTACT ("phone") ","
                                        "       c.pain_points, NULL, NULL, c.kind"
                                        "  FROM customer c INDEXED BY customer_spend LEFT JOIN industry i ON i.id = c.industry_id"
                                        "  WHERE" CRM_SEGMENT_HAS ("c.id") "AND c.created_at < date (?5, '+1 day')"
                                        "    AND c.annual_spend > 0"
                                        "  ORDER BY c.annual_spend DESC, c.id LIMIT ?6",
                                        self->key_customers, NULL, error);
}

/* Requirements and follow-ups (by their largest ids, which cost nothing
 * to read) from which the figures are read in two threads. */
#define PARALLEL_ROWS 20000

typedef gboolean (*StepFunc) (CrmFigureSet *self, GError **error);

typedef struct
{
  const char *name;
  StepFunc    func;
} Step;

/* Each step's time is logged (G_MESSAGES_DEBUG=crm-figures). */
static gboolean
run_steps (CrmFigureSet  *self,
           const Step    *steps,
           guint          n_steps,
           GError       **error)
{
  for (guint i = 0; i < n_steps; i++)
    {
      gint64 start = g_get_monotonic_time ();
      double cpu_start = thread_cpu_ms ();

      if (!steps[i].func (self, error))
        return FALSE;
      g_debug ("%s %s: %.1f ms (processor %.1f ms)", self->period.key, steps[i].name,
               (g_get_monotonic_time () - start) / 1000.0, thread_cpu_ms () - cpu_start);
    }

  return TRUE;
}

static CrmFigureSet *
figure_set_new (CrmDatabase      *database,
                const CrmPeriod  *period,
                const CrmSegment *segment)
{
  CrmFigureSet *self = g_object_new (CRM_TYPE_FIGURE_SET, NULL);

  self->database = g_object_ref (database);
  self->period = *period;
  if (segment != NULL)
    {
      self->segment = *segment;
      self->segment.owner = g_strdup (segment->owner);
    }

  return self;
}

/* The steps of compute_independent(), in a second thread on a second
 * connection to the file at @path, which the thread opens itself: the
 * schema it reads on opening is then read while the first thread works. */
typedef struct
{
  const char   *path;
  CrmFigureSet *like;    /* the set whose period and segment to take */
  CrmFigureSet *set;     /* the set made, with the figures */
  GError       *error;
  gboolean      done;
} Half;

static const Step independent_step = { "requirements and feedback", compute_independent };

static gpointer
compute_half (gpointer data)
{
  Half *half = data;
  g_autoptr(CrmDatabase) reader = crm_database_open_reader (half->path, &half->error);

  if (reader == NULL)
    return NULL;

  half->set = figure_set_new (reader, &half->like->period, &half->like->segment);
  if (half->like->segment_ids != NULL)
    half->set->segment_ids = crm_segment_ids_ref (half->like->segment_ids);
  if (!crm_segment_ids_attach (half->set->segment_ids, reader, &half->error))
    return NULL;
  half->done = run_steps (half->set, &independent_step, 1, &half->error);
  crm_segment_ids_detach (reader);
  g_clear_object (&half->set->database);

  return NULL;
}

/* Moves the figures and charts compute_independent() made in @other. */
static void
take_independent (CrmFigureSet *self,
                  CrmFigureSet *other)
{
  for (guint i = 0; i < G_N_ELEMENTS (independent_figures); i++)
    {
      CrmFigureId id = independent_figures[i].id;

      self->figures[id] = other->figures[id];
      self->available[id] = other->available[id];
    }

  self->requirements_by_category = g_steal_pointer (&other->requirements_by_category);
  self->requirements_by_quadrant = g_steal_pointer (&other->requirements_by_quadrant);
  self->requirements_by_status = g_steal_pointer (&other->requirements_by_status);
  self->satisfaction_trend = g_steal_pointer (&other->satisfaction_trend);
  self->priority_matrix = g_steal_pointer (&other->priority_matrix);
  self->new_customers_trend = g_steal_pointer (&other->new_customers_trend);
  g_ptr_array_extend_and_steal (self->key_follow_up_customers,
                                g_steal_pointer (&other->key_follow_up_customers));
}

/**
 * crm_figure_set_compute:
 * @database: the database to read
 * @period: the period
 * @segment: (nullable): the customers to count; %NULL for all
 * @error: return location for a database error
 *
 * Computes every figure whose source is in @database. Safe to run in a
 * worker thread on a connection of its own.
 *
 * The figures over requirements, satisfaction, overdue and key
 * follow-ups and questionnaires need nothing of the others, so they are
 * read at the same time in a second thread, on a second connection, when
 * @database is a file outside a transaction.
 *
 * Returns: (transfer full) (nullable): the figure set
 */
CrmFigureSet *
crm_figure_set_compute (CrmDatabase       *database,
                        const CrmPeriod   *period,
                        const CrmSegment  *segment,
                        GError           **error)
{
  static const Step steps[] = {
    { "counts", compute_counts },
    { "mix", crm_figure_set_compute_mix },
    { "upkeep", compute_upkeep },
    { "deal value", crm_figure_set_compute_deal_value },
    { "key customers", compute_key_customers },
  };
  g_autoptr(CrmFigureSet) self = NULL;
  Half half = { NULL, NULL, NULL, NULL, FALSE };
  GThread *thread = NULL;
  gboolean done;

  g_return_val_if_fail (CRM_IS_DATABASE (database), NULL);
  g_return_val_if_fail (period != NULL, NULL);

  self = figure_set_new (database, period, segment);
  if (self->segment.kind != CRM_SEGMENT_ALL)
    {
      self->segment_ids = crm_segment_ids_load (self, error);
      if (self->segment_ids == NULL)
        return NULL;
    }
  if (!crm_segment_ids_attach (self->segment_ids, database, error))
    return NULL;

  /* A second connection would not see the changes of a transaction
   * still open on this one; on a small database, opening it would cost
   * more than the second thread saves. */
  half.path = crm_database_get_path (database);
  if (crm_database_in_transaction (database))
    half.path = NULL;
  if (half.path != NULL)
    {
      gint64 rows = 0;

      if (!crm_figure_set_query_int (self,
                                     "SELECT ifnull ((SELECT max (id) FROM requirement), 0)"
                                     "     + ifnull ((SELECT max (id) FROM follow_up), 0)",
                                     &rows, error))
        {
          crm_segment_ids_detach (database);
          return NULL;
        }
      if (rows < PARALLEL_ROWS)
        half.path = NULL;
    }
  if (half.path != NULL)
    {
      half.like = self;
      thread = g_thread_new ("crm-figures", compute_half, &half);
    }

  done = run_steps (self, steps, G_N_ELEMENTS (steps), error);

  if (thread != NULL)
    g_thread_join (thread);
  if (half.set == NULL && half.error != NULL)
    g_debug ("Figures read on one connection: %s", half.error->message);
  else if (done && !half.done && half.error != NULL)
    g_propagate_error (error, g_steal_pointer (&half.error));
  g_clear_error (&half.error);

  if (done && half.done)
    take_independent (self, half.set);
  else if (done && half.set == NULL)
    done = run_steps (self, &independent_step, 1, error);
  else
    done = FALSE;
  g_clear_object (&half.set);
  crm_segment_ids_detach (database);

  if (!done)
    return NULL;

  /* The set is read-only from here on and may outlive the connection. */
  g_clear_object (&self->database);

  return g_steal_pointer (&self);
}

typedef struct
{
  char       *database_path;
  CrmPeriod   period;
  CrmSegment  segment;
} ComputeJob;

static void
compute_job_free (ComputeJob *job)
{
  g_free (job->database_path);
  crm_segment_clear (&job->segment);
  g_free (job);
}

static void
compute_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  ComputeJob *job = task_data;
  g_autoptr(CrmDatabase) database = NULL;
  g_autoptr(GError) error = NULL;
  CrmFigureSet *set = NULL;

  database = crm_database_open_reader (job->database_path, &error);
  if (database != NULL)
    set = crm_figure_set_compute (database, &job->period, &job->segment, &error);

  if (set == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, set, g_object_unref);
}

/**
 * crm_figure_set_compute_async:
 * @database_path: the database file; the worker opens a connection of
 *   its own
 * @period: the period
 * @segment: (nullable): the customers; %NULL for all
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the figure set
 * @user_data: data for @callback
 *
 * Computes a figure set in a worker thread, so a window stays responsive
 * on a large database.
 */
void
crm_figure_set_compute_async (const char          *database_path,
                              const CrmPeriod     *period,
                              const CrmSegment    *segment,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  ComputeJob *job = g_new0 (ComputeJob, 1);

  g_return_if_fail (database_path != NULL);
  g_return_if_fail (period != NULL);

  job->database_path = g_strdup (database_path);
  job->period = *period;
  if (segment != NULL)
    {
      job->segment = *segment;
      job->segment.owner = g_strdup (segment->owner);
    }
  else
    crm_segment_init_all (&job->segment);

  g_task_set_source_tag (task, crm_figure_set_compute_async);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_set_task_data (task, job, (GDestroyNotify)compute_job_free);
  g_task_run_in_thread (task, compute_thread);
}

/* Returns: (transfer full) (nullable): the figure set */
CrmFigureSet *
crm_figure_set_compute_finish (GAsyncResult  *result,
                               GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}
