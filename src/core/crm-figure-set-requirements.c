/* crm-figure-set-requirements.c — figures over requirements and their status history
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Requirements raised in the period (by category, quadrant and current
 * status), the closure rate and the mean time to close. A requirement is
 * raised when its record is created; it is closed in the period when its
 * status history has a move to Done or Rejected dated in the period (a
 * requirement closed, reopened and closed again in the period counts
 * once, at its last closing). Merged duplicates are left out: their
 * survivor counts. A requirement belongs to the segment of its customer;
 * every requirement, with a customer or none, belongs to "all customers".
 */

#define G_LOG_DOMAIN "crm-figures"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "crm-figure-set-private.h"
#include "crm-priority.h"
#include "crm-requirement-types.h"

static gboolean
has_requirements (CrmFigureSet  *self,
                  gboolean      *has_rows,
                  GError       **error)
{
  return crm_figure_set_has_rows (self, "SELECT EXISTS (SELECT 1 FROM requirement)", has_rows, error);
}

static CrmChartData *
new_bar_chart (const char *title)
{
  CrmChartData *chart = crm_chart_data_new (CRM_CHART_BAR, title);

  crm_chart_data_add_series (chart, _("Requirements"));

  return chart;
}

/* One bar per value of @type, in its order, from @counts; the NONE value
 * of an optional field (0) comes last, and only when it counts any. */
static CrmChartData *
chart_of_enum (const char         *title,
               CrmRequirementEnum  type,
               gboolean            has_none,
               const gint64       *counts)
{
  CrmChartData *chart = new_bar_chart (title);
  guint n_values = crm_requirement_enum_n_values (type);
  guint n = 0;

  for (guint i = has_none ? 1 : 0; i < n_values; i++)
    {
      crm_chart_data_add_category (chart, crm_requirement_enum_get_label (type, i));
      crm_chart_data_set_value (chart, 0, n++, counts[i]);
    }
  if (has_none && counts[0] > 0)
    {
      crm_chart_data_add_category (chart, crm_requirement_enum_get_label (type, 0));
      crm_chart_data_set_value (chart, 0, n, counts[0]);
    }

  return chart;
}

/* The values stored for @type, a JSON array: null for the NONE value of
 * an optional field. */
static char *
stored_values_json (CrmRequirementEnum type)
{
  GString *json = g_string_new ("[");

  for (guint i = 0; i < crm_requirement_enum_n_values (type); i++)
    {
      const char *stored = crm_requirement_enum_to_string (type, i);

      if (i > 0)
        g_string_append_c (json, ',');
      if (stored != NULL)
        g_string_append_printf (json, "\"%s\"", stored);
      else
        g_string_append (json, "null");
    }
  g_string_append_c (json, ']');

  return g_string_free (json, FALSE);
}

/* Requirements raised in the period; fills the three charts of the
 * "core needs" section from the same counts by category, scores and
 * status. The quadrant comes from crm_quadrant_for(), as on the
 * priority matrix. */
gboolean
crm_figure_set_compute_requirements (CrmFigureSet  *self,
                                     CrmFigure     *figure,
                                     GError       **error)
{
  gint64 by_category[CRM_REQUIREMENT_CATEGORY_PERFORMANCE + 1] = { 0 };
  gint64 by_quadrant[CRM_N_QUADRANTS] = { 0 };
  gint64 by_status[CRM_REQUIREMENT_N_STATUSES] = { 0 };
  gboolean recorded = FALSE;
  gint64 raised = 0;
  sqlite3_stmt *stmt;
  int rc;

  if (!has_requirements (self, &recorded, error) || !recorded)
    return FALSE;

  /* One count per group, each the period's range of the group in the
   * requirement_report index, which is in the order of category, scores
   * (1–5, as the table's checks say), status and raising time: a period
   * reads its own requirements and seeks past the others, where one scan
   * read every requirement raised in any period. The categories and
   * statuses, ?6 and ?7, are JSON arrays of their stored values. */
  stmt = crm_figure_set_prepare (self,
                                 "WITH RECURSIVE score (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM score WHERE n < 5)"
                                 "SELECT k.value, i.n, u.n, s.value,"
                                 "  (SELECT count(*) FROM requirement r INDEXED BY requirement_report"
                                 "    WHERE r.category IS k.value AND r.importance = i.n AND r.urgency = u.n"
                                 "      AND r.status = s.value AND" CRM_IN_PERIOD ("r.created_at")
                                 "      AND r.merged_into IS NULL AND" CRM_SEGMENT_HAS ("r.customer_id") ")"
                                 "  FROM json_each (?6) k, score i, score u, json_each (?7) s",
                                 error);
  if (stmt == NULL)
    return FALSE;

  {
    g_autofree char *categories = stored_values_json (CRM_REQUIREMENT_ENUM_CATEGORY);
    g_autofree char *statuses = stored_values_json (CRM_REQUIREMENT_ENUM_STATUS);

    sqlite3_bind_text (stmt, 6, categories, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text (stmt, 7, statuses, -1, SQLITE_TRANSIENT);
  }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int category = crm_requirement_enum_from_string (CRM_REQUIREMENT_ENUM_CATEGORY,
                                                       (const char *)sqlite3_column_text (stmt, 0));
      CrmQuadrant quadrant = crm_quadrant_for (sqlite3_column_int (stmt, 1), sqlite3_column_int (stmt, 2));
      int status = crm_requirement_enum_from_string (CRM_REQUIREMENT_ENUM_STATUS,
                                                     (const char *)sqlite3_column_text (stmt, 3));
      gint64 count = sqlite3_column_int64 (stmt, 4);

      by_category[category] += count;
      by_quadrant[quadrant] += count;
      by_status[status] += count;
      raised += count;
    }
  if (!crm_figure_set_finish (self, stmt, rc, error))
    return FALSE;

  g_clear_pointer (&self->requirements_by_category, crm_chart_data_unref);
  g_clear_pointer (&self->requirements_by_quadrant, crm_chart_data_unref);
  g_clear_pointer (&self->requirements_by_status, crm_chart_data_unref);
  self->requirements_by_category = chart_of_enum (_("Requirements by category"),
                                                  CRM_REQUIREMENT_ENUM_CATEGORY, TRUE, by_category);
  self->requirements_by_quadrant = new_bar_chart (_("Requirements by quadrant"));
  for (CrmQuadrant q = 0; q < CRM_N_QUADRANTS; q++)
    {
      crm_chart_data_add_category (self->requirements_by_quadrant, crm_quadrant_get_heading (q));
      crm_chart_data_set_value (self->requirements_by_quadrant, 0, q, by_quadrant[q]);
    }
  self->requirements_by_status = chart_of_enum (_("Requirements by current status"),
                                                CRM_REQUIREMENT_ENUM_STATUS, FALSE, by_status);

  crm_figure_set_count (figure, raised);

  return TRUE;
}

/* Built by crm_figure_set_compute_requirements() in its pass; handed
 * over here. */
CrmChartData *
crm_figure_set_compute_requirements_by_category (CrmFigureSet  *self,
                                                 GError       **error)
{
  return g_steal_pointer (&self->requirements_by_category);
}

/* Months counted from year 0: "2026-03…" is 2026 × 12 + 3. */
int
crm_figure_set_month_index (const char *time)
{
  if (time == NULL || strlen (time) < 7)
    return -1;

  return (int)g_ascii_strtoll (time, NULL, 10) * 12 + (int)g_ascii_strtoll (time + 5, NULL, 10);
}

/* The month index of the first month of the trend charts: eleven months
 * before the month of the period's end, as the new customers trend. */
int
crm_figure_set_trend_first_month (CrmFigureSet *self)
{
  return crm_figure_set_month_index (self->period.to) - (CRM_FIGURE_SET_TREND_MONTHS - 1);
}

/* Seconds since 1970 of a UTC time "YYYY-MM-DDTHH:MM:SS…", or of its
 * date alone; parsed by hand, as it is done for every closing read. */
static gint64
parse_seconds (const char *text)
{
  int parts[6] = { 0 };
  static const int offsets[6] = { 0, 5, 8, 11, 14, 17 };
  static const int widths[6] = { 4, 2, 2, 2, 2, 2 };
  size_t length = text != NULL ? strlen (text) : 0;
  int y, m, era;
  unsigned yoe, doy, doe;

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    for (int j = 0; j < widths[i] && (size_t)(offsets[i] + j) < length; j++)
      if (g_ascii_isdigit (text[offsets[i] + j]))
        parts[i] = parts[i] * 10 + (text[offsets[i] + j] - '0');

  /* Days from 1970-01-01 of a proleptic Gregorian date (H. Hinnant). */
  y = parts[0] - (parts[1] <= 2);
  m = parts[1];
  era = (y >= 0 ? y : y - 399) / 400;
  yoe = (unsigned)(y - era * 400);
  doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + parts[2] - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

  return ((gint64)era * 146097 + doe - 719468) * 86400 + parts[3] * 3600 + parts[4] * 60 + parts[5];
}

/* Whole days from @from to @to, rounded as SQLite's
 * round (julianday (to) - julianday (from)). */
static gint64
whole_days (const char *from,
            const char *to)
{
  return (gint64)round ((parse_seconds (to) - parse_seconds (from)) / 86400.0);
}

/* What the closing moves read so far say of one requirement; an array of
 * these indexed by requirement id costs less than a hash table. */
typedef struct
{
  gint32 period_days;   /* from raising to its last closing in the period */
  gint8  in_period;     /* closed in the period */
  gint8  period_score;  /* of that closing, when as Done; 0: none */
  gint8  month;         /* 1 + month of its last closing in the trend; 0: none */
  gint8  month_score;   /* of that closing, when as Done; 0: none */
} Closure;

/* Requirement ids up to this index an array of Closure (8 bytes each);
 * sparser ids, say from an import, a hash table. */
#define DENSE_IDS (8 << 20)

typedef struct
{
  Closure    *array;   /* by id, when ids are dense */
  GHashTable *table;   /* gint64 * → Closure *, otherwise */
} Closures;

static Closure *
closure_for (Closures *closures,
             gint64    id)
{
  Closure *closure;

  if (closures->array != NULL)
    return &closures->array[id];

  closure = g_hash_table_lookup (closures->table, &id);
  if (closure == NULL)
    {
      closure = g_new0 (Closure, 1);
      g_hash_table_insert (closures->table, g_memdup2 (&id, sizeof id), closure);
    }

  return closure;
}

static void
add_closure (CrmFigureSet  *self,
             const Closure *closure)
{
  if (closure->in_period)
    {
      self->n_closed++;
      self->closing_days += closure->period_days;
      if (closure->period_score > 0)
        {
          self->n_closing_scores++;
          self->closing_score_sum += closure->period_score;
        }
    }
  if (closure->month > 0 && closure->month_score > 0)
    {
      self->trend_score_counts[closure->month - 1]++;
      self->trend_score_sums[closure->month - 1] += closure->month_score;
    }
}

/* The requirements closed in the period and in the trend's months, read
 * in one pass over the closing moves of both, in time order, so a later
 * closing of a requirement replaces an earlier one. Gives the closure
 * rate and the mean time to close (each requirement's days from raising
 * to closing, rounded to whole days), and the satisfaction scores of
 * those whose last closing was as Done, for the period and per month. */
gboolean
crm_figure_set_read_closures (CrmFigureSet  *self,
                              GError       **error)
{
  Closures closures = { NULL, NULL };
  int first_month = crm_figure_set_trend_first_month (self);
  gint64 max_id = 0;
  sqlite3_stmt *stmt;
  int rc;

  if (self->closures_read)
    return TRUE;

  if (!crm_figure_set_query_int (self, "SELECT max (id) FROM requirement", &max_id, error))
    return FALSE;

  stmt = crm_figure_set_prepare (self,
                                 "SELECT h.requirement_id, h.changed_at,"
                                 "       CASE h.to_status WHEN 'done' THEN ifnull (r.satisfaction, 0) ELSE 0 END,"
                                 "       r.created_at, " CRM_IN_PERIOD ("h.changed_at")
                                 "  FROM requirement_status_history h INDEXED BY requirement_closed"
                                 "  JOIN requirement r INDEXED BY requirement_closure ON r.id = h.requirement_id"
                                 "  WHERE h.to_status IN ('done', 'rejected')"
                                 "    AND h.changed_at >= min (?4, date (?5, 'start of month', '-11 months'))"
                                 "    AND h.changed_at < date (?5, '+1 day')"
                                 "    AND r.merged_into IS NULL AND" CRM_SEGMENT_HAS ("r.customer_id")
                                 "  ORDER BY h.changed_at",
                                 error);
  if (stmt == NULL)
    return FALSE;

  if (max_id < DENSE_IDS)
    closures.array = g_new0 (Closure, max_id + 1);
  else
    closures.table = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const char *closed = (const char *)sqlite3_column_text (stmt, 1);
      int month = crm_figure_set_month_index (closed) - first_month;
      int score = sqlite3_column_int (stmt, 2);
      Closure *closure;

      if (id < 0 || id > max_id)
        continue;

      closure = closure_for (&closures, id);
      if (sqlite3_column_int (stmt, 4))
        {
          closure->in_period = TRUE;
          closure->period_days = whole_days ((const char *)sqlite3_column_text (stmt, 3), closed);
          closure->period_score = score;
        }
      if (month >= 0 && month < CRM_FIGURE_SET_TREND_MONTHS)
        {
          closure->month = month + 1;
          closure->month_score = score;
        }
    }
  if (crm_figure_set_finish (self, stmt, rc, error))
    {
      if (closures.array != NULL)
        {
          for (gint64 id = 0; id <= max_id; id++)
            add_closure (self, &closures.array[id]);
        }
      else
        {
          GHashTableIter iter;
          gpointer closure;

          g_hash_table_iter_init (&iter, closures.table);
          while (g_hash_table_iter_next (&iter, NULL, &closure))
            add_closure (self, closure);
        }
      self->closures_read = TRUE;
    }

  g_free (closures.array);
  g_clear_pointer (&closures.table, g_hash_table_unref);

  return self->closures_read;
}

/* TRUE when requirements are recorded and their closures are read. */
static gboolean
closures_recorded (CrmFigureSet  *self,
                   GError       **error)
{
  gboolean recorded = FALSE;

  return has_requirements (self, &recorded, error) && recorded &&
         crm_figure_set_read_closures (self, error);
}

/* Requirements closed in the period ÷ requirements raised in it. */
gboolean
crm_figure_set_compute_closure_rate (CrmFigureSet  *self,
                                     CrmFigure     *figure,
                                     GError       **error)
{
  if (!closures_recorded (self, error))
    return FALSE;

  crm_figure_set_ratio (figure, self->n_closed, self->figures[CRM_FIGURE_REQUIREMENTS].numerator);

  return TRUE;
}

/* Days from raising to closing ÷ requirements closed in the period. */
gboolean
crm_figure_set_compute_mean_time_to_close (CrmFigureSet  *self,
                                           CrmFigure     *figure,
                                           GError       **error)
{
  if (!closures_recorded (self, error))
    return FALSE;

  crm_figure_set_ratio (figure, self->closing_days, self->n_closed);

  return TRUE;
}

/* Returns: (nullable): requirements raised in the period by quadrant;
 *   %NULL when no requirement is recorded */
CrmChartData *
crm_figure_set_get_requirements_by_quadrant (CrmFigureSet *self)
{
  g_return_val_if_fail (CRM_IS_FIGURE_SET (self), NULL);

  return self->requirements_by_quadrant;
}

/* Returns: (nullable): requirements raised in the period by their current
 *   status; %NULL when no requirement is recorded */
CrmChartData *
crm_figure_set_get_requirements_by_status (CrmFigureSet *self)
{
  g_return_val_if_fail (CRM_IS_FIGURE_SET (self), NULL);

  return self->requirements_by_status;
}

/* The priority matrix (四象限) of the segment's open requirements (pending
 * or in progress, not merged) raised by the end of the period: how many
 * have each pair of importance and urgency scores, drawn as on the
 * Priorities page (see CRM_CHART_MATRIX). */
CrmChartData *
crm_figure_set_compute_priority_matrix (CrmFigureSet  *self,
                                        GError       **error)
{
  gint64 by_scores[CRM_PRIORITY_SCALE * CRM_PRIORITY_SCALE] = { 0 };
  g_autoptr(CrmChartData) chart = NULL;
  gboolean recorded = FALSE;
  sqlite3_stmt *stmt;
  int rc;

  if (!has_requirements (self, &recorded, error) || !recorded)
    return NULL;

  /* One count per pair of scores (each 1–5, as the table's checks
   * say), each a range of the requirement_open index (schema step 23):
   * a past period reads none of the requirements raised after it. */
  stmt = crm_figure_set_prepare (self,
                                 "WITH RECURSIVE score (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM score WHERE n < 5)"
                                 "SELECT i.n, u.n,"
                                 "  (SELECT count(*) FROM requirement r INDEXED BY requirement_open"
                                 "    WHERE r.importance = i.n AND r.urgency = u.n"
                                 "      AND r.status IN ('pending', 'in_progress') AND r.merged_into IS NULL"
                                 "      AND r.created_at < date (?5, '+1 day')"
                                 "      AND" CRM_SEGMENT_HAS ("r.customer_id") ")"
                                 "  FROM score i, score u",
                                 error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int importance = CLAMP (sqlite3_column_int (stmt, 0), 1, CRM_PRIORITY_SCALE);
      int urgency = CLAMP (sqlite3_column_int (stmt, 1), 1, CRM_PRIORITY_SCALE);

      by_scores[(importance - 1) * CRM_PRIORITY_SCALE + urgency - 1] += sqlite3_column_int64 (stmt, 2);
    }
  if (!crm_figure_set_finish (self, stmt, rc, error))
    return NULL;

  chart = crm_chart_data_new (CRM_CHART_MATRIX, _("Open requirements by priority"));
  crm_chart_data_add_series (chart, _("Requirements"));
  for (int importance = 1; importance <= CRM_PRIORITY_SCALE; importance++)
    for (int urgency = 1; urgency <= CRM_PRIORITY_SCALE; urgency++)
      {
        g_autofree char *label = g_strdup_printf (_("Importance %d, urgency %d"), importance, urgency);
        guint index = (importance - 1) * CRM_PRIORITY_SCALE + urgency - 1;

        crm_chart_data_add_category (chart, label);
        crm_chart_data_set_value (chart, 0, index, by_scores[index]);
      }

  return g_steal_pointer (&chart);
}
