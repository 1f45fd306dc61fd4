/* crm-figure-set-feedback.c — satisfaction and questionnaire figures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Satisfaction scores come from two places: the score (1–5) given when a
 * requirement is closed as Done (see crm-figure-set-requirements.c for
 * when a requirement counts as closed), and the answers of submitted
 * questionnaires to rating questions that feed the customer's
 * satisfaction (the built-in template's "Overall satisfaction"; any
 * template's rating question marked `"feeds": ["satisfaction"]`). Each
 * score counts once; a questionnaire rating is dated by its submission.
 * Answers are stored as JSON arrays of strings (crm-questionnaire-store-
 * responses.c), a rating as ["4"].
 */

#define G_LOG_DOMAIN "crm-figures"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "crm-figure-set-private.h"
#include "crm-questionnaire-json.h"

#define TREND_MONTHS CRM_FIGURE_SET_TREND_MONTHS

typedef struct
{
  gint64  template_id;
  char   *question_id;
} Rating;

static void
rating_clear (Rating *rating)
{
  g_free (rating->question_id);
}

/* The rating questions that feed satisfaction, in every template version
 * with a submitted response. A definition that no longer parses (say,
 * from a newer Rapport) is skipped rather than failing the report. */
static GArray *
list_ratings (CrmFigureSet  *self,
              GError       **error)
{
  g_autoptr(GArray) ratings = g_array_new (FALSE, FALSE, sizeof (Rating));
  sqlite3_stmt *stmt;
  int rc;

  g_array_set_clear_func (ratings, (GDestroyNotify)rating_clear);
  stmt = crm_figure_set_prepare (self,
                                 "SELECT t.id, t.definition FROM questionnaire_template t"
                                 "  WHERE t.id IN (SELECT template_id FROM questionnaire_response"
                                 "                 WHERE state = 'submitted')",
                                 error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(CrmQuestionnaire) template = NULL;
      g_autoptr(GPtrArray) questions = NULL;
      g_autoptr(GError) local_error = NULL;

      template = crm_questionnaire_from_json ((const char *)sqlite3_column_text (stmt, 1), -1, &local_error);
      if (template == NULL)
        {
          g_debug ("Template %" G_GINT64_FORMAT " left out of satisfaction: %s",
                   (gint64)sqlite3_column_int64 (stmt, 0), local_error->message);
          continue;
        }

      questions = crm_questionnaire_list_questions (template);
      for (guint i = 0; i < questions->len; i++)
        {
          CrmQuestion *question = g_ptr_array_index (questions, i);
          Rating rating = { sqlite3_column_int64 (stmt, 0), NULL };

          if (question->kind != CRM_QUESTION_RATING || !crm_question_feeds (question, "satisfaction"))
            continue;
          rating.question_id = g_strdup (question->id);
          g_array_append_val (ratings, rating);
        }
    }
  if (!crm_figure_set_finish (self, stmt, rc, error))
    return NULL;

  return g_steal_pointer (&ratings);
}

/* Scores of rating ?7 of template ?6 in submitted responses of the
 * segment's customers, submitted in @when; rows of @select. A value that
 * is not a JSON array of a rating 1–5 is no score. */
#define RATINGS_SQL(select, when, group) \
  "SELECT " select " FROM (" \
  "  SELECT r.submitted_at AS at," \
  "         CASE WHEN json_valid (a.value) THEN CAST (json_extract (a.value, '$[0]') AS INTEGER) END AS score" \
  "    FROM questionnaire_response r" \
  "    JOIN questionnaire_answer a ON a.response_id = r.id AND a.question_id = ?7" \
  "    WHERE r.template_id = ?6 AND r.state = 'submitted' AND " when \
  "      AND" CRM_SEGMENT_HAS ("r.customer_id") ")" \
  "  WHERE score BETWEEN 1 AND 5 " group

/* The first day of the trend's first month, as in the new customers
 * trend: eleven months before the month of the period's end. */
#define TREND_START "date (?5, 'start of month', '-11 months')"

/* Adds each row of @stmt (month "YYYY-MM" or NULL, count, sum) to @counts
 * and @sums: at @first_month's index when the row has no month, by its
 * month otherwise. Resets @stmt. */
static gboolean
add_scores (CrmFigureSet  *self,
            sqlite3_stmt  *stmt,
            int            first_month,
            gint64        *counts,
            gint64        *sums,
            guint          n_slots,
            GError       **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *month = (const char *)sqlite3_column_text (stmt, 0);
      int slot = month != NULL ? crm_figure_set_month_index (month) - first_month : 0;

      if (slot < 0 || (guint)slot >= n_slots)
        continue;
      counts[slot] += sqlite3_column_int64 (stmt, 1);
      sums[slot] += sqlite3_column_int64 (stmt, 2);
    }

  return crm_figure_set_finish (self, stmt, rc, error);
}

/* Adds the questionnaire ratings of @ratings, by month of the trend when
 * @by_month, else over the period, to @counts and @sums. */
static gboolean
add_ratings (CrmFigureSet  *self,
             GArray        *ratings,
             gboolean       by_month,
             int            first_month,
             gint64        *counts,
             gint64        *sums,
             guint          n_slots,
             GError       **error)
{
  for (guint i = 0; i < ratings->len; i++)
    {
      Rating *rating = &g_array_index (ratings, Rating, i);
      sqlite3_stmt *stmt;

      if (by_month)
        stmt = crm_figure_set_prepare (self,
                                       RATINGS_SQL ("substr (at, 1, 7) AS month, count(*), total (score)",
                                                    "r.submitted_at >= " TREND_START
                                                    " AND r.submitted_at < date (?5, '+1 day')",
                                                    "GROUP BY month"),
                                       error);
      else
        stmt = crm_figure_set_prepare (self,
                                       RATINGS_SQL ("NULL, count(*), total (score)",
                                                    CRM_IN_PERIOD ("r.submitted_at"), ""),
                                       error);
      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_int64 (stmt, 6, rating->template_id);
      sqlite3_bind_text (stmt, 7, rating->question_id, -1, SQLITE_TRANSIENT);
      if (!add_scores (self, stmt, first_month, counts, sums, n_slots, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
has_sources (CrmFigureSet  *self,
             gboolean      *requirements,
             gboolean      *responses,
             GError       **error)
{
  return crm_figure_set_has_rows (self, "SELECT EXISTS (SELECT 1 FROM requirement)", requirements, error) &&
         crm_figure_set_has_rows (self, "SELECT EXISTS (SELECT 1 FROM questionnaire_response)", responses, error);
}

/* The sum of the satisfaction scores given in the period ÷ their number. */
gboolean
crm_figure_set_compute_satisfaction (CrmFigureSet  *self,
                                     CrmFigure     *figure,
                                     GError       **error)
{
  g_autoptr(GArray) ratings = NULL;
  gboolean requirements = FALSE, responses = FALSE;
  gint64 count = 0, sum = 0;

  if (!has_sources (self, &requirements, &responses, error) || !(requirements || responses))
    return FALSE;

  if (requirements)
    {
      if (!crm_figure_set_read_closures (self, error))
        return FALSE;
      count += self->n_closing_scores;
      sum += self->closing_score_sum;
    }

  if (responses)
    {
      ratings = list_ratings (self, error);
      if (ratings == NULL || !add_ratings (self, ratings, FALSE, 0, &count, &sum, 1, error))
        return FALSE;
    }

  crm_figure_set_ratio (figure, sum, count);

  return TRUE;
}

/* The average satisfaction score of each of the twelve months up to the
 * period's end; NAN for a month without a score, which the line chart
 * leaves as a gap. NULL when no month has a score. */
CrmChartData *
crm_figure_set_compute_satisfaction_trend (CrmFigureSet  *self,
                                           GError       **error)
{
  g_autoptr(CrmChartData) chart = NULL;
  g_autoptr(GArray) ratings = NULL;
  gboolean requirements = FALSE, responses = FALSE;
  gint64 counts[TREND_MONTHS] = { 0 }, sums[TREND_MONTHS] = { 0 };
  int first_month = crm_figure_set_trend_first_month (self);
  gboolean any = FALSE;

  if (!has_sources (self, &requirements, &responses, error) || !(requirements || responses))
    return NULL;

  if (requirements)
    {
      if (!crm_figure_set_read_closures (self, error))
        return NULL;
      memcpy (counts, self->trend_score_counts, sizeof counts);
      memcpy (sums, self->trend_score_sums, sizeof sums);
    }

  if (responses)
    {
      ratings = list_ratings (self, error);
      if (ratings == NULL ||
          !add_ratings (self, ratings, TRUE, first_month, counts, sums, TREND_MONTHS, error))
        return NULL;
    }

  chart = crm_chart_data_new (CRM_CHART_LINE, _("Satisfaction per month"));
  crm_chart_data_add_series (chart, _("Satisfaction"));
  crm_chart_data_set_value_format (chart, "%.1f");
  for (guint i = 0; i < TREND_MONTHS; i++)
    {
      int m = first_month + (int)i - 1;
      g_autofree char *label = g_strdup_printf ("%04d-%02d", m / 12, m % 12 + 1);

      crm_chart_data_add_category (chart, label);
      crm_chart_data_set_value (chart, 0, i, counts[i] > 0 ? (double)sums[i] / counts[i] : NAN);
      any |= counts[i] > 0;
    }

  return any ? g_steal_pointer (&chart) : NULL;
}

/* Questionnaires started in the period and submitted by its end ÷
 * questionnaires started in the period. */
gboolean
crm_figure_set_compute_response_rate (CrmFigureSet  *self,
                                      CrmFigure     *figure,
                                      GError       **error)
{
  gboolean recorded = FALSE;
  gint64 started = 0, submitted = 0;
  sqlite3_stmt *stmt;
  int rc;

  if (!crm_figure_set_has_rows (self, "SELECT EXISTS (SELECT 1 FROM questionnaire_response)", &recorded, error) ||
      !recorded)
    return FALSE;

  stmt = crm_figure_set_prepare (self,
                                 "SELECT count(*),"
                                 "       count(CASE WHEN r.state = 'submitted' AND r.submitted_at < date (?5, '+1 day')"
                                 "             THEN 1 END)"
                                 "  FROM questionnaire_response r"
                                 "  WHERE" CRM_IN_PERIOD ("r.created_at") "AND" CRM_SEGMENT_HAS ("r.customer_id"),
                                 error);
  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      started = sqlite3_column_int64 (stmt, 0);
      submitted = sqlite3_column_int64 (stmt, 1);
      rc = sqlite3_step (stmt);
    }
  if (!crm_figure_set_finish (self, stmt, rc, error))
    return FALSE;

  crm_figure_set_ratio (figure, submitted, started);

  return TRUE;
}
