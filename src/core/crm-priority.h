/* crm-priority.h — where a requirement sits on a priority matrix, and its rank
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "crm-requirement-types.h"

G_BEGIN_DECLS

/**
 * CrmPriorityView:
 * @CRM_PRIORITY_VIEW_QUADRANT: 四象限: a 5×5 grid, importance 5 (top) to 1
 *   (bottom) by urgency 5 (left) to 1 (right), so the top-left quarter is
 *   "do now". The quadrant of a cell is crm_quadrant_for() of its scores.
 * @CRM_PRIORITY_VIEW_VALUE_COST: a 5×5 grid, value band 5 (top) to 1 by
 *   cost band 1 (left) to 5, so high value and low cost is top-left.
 * @CRM_PRIORITY_VIEW_MOSCOW: one row of five lanes: Must, Should, Could,
 *   Won't (this time), and Not set.
 *
 * The three matrices of the priorities page. Each puts the most pressing
 * cell at the top left.
 */
typedef enum
{
  CRM_PRIORITY_VIEW_QUADRANT,
  CRM_PRIORITY_VIEW_VALUE_COST,
  CRM_PRIORITY_VIEW_MOSCOW,
} CrmPriorityView;

#define CRM_PRIORITY_N_VIEWS 3
/* Scores and bands run from 1 to this. */
#define CRM_PRIORITY_SCALE 5

/**
 * CrmPriorityScores:
 * @importance: 1–5
 * @urgency: 1–5
 * @value: whole yuan, -1 when not estimated
 * @cost: whole yuan, -1 when not estimated
 * @moscow: a #CrmMoscow
 *
 * The fields of a requirement that the matrices place it by and a drop
 * changes.
 */
typedef struct
{
  int    importance;
  int    urgency;
  gint64 value;
  gint64 cost;
  int    moscow;
} CrmPriorityScores;

/**
 * CrmPriorityEntry:
 *
 * What the matrices and the ranking need of one requirement: its scores,
 * what orders equal scores (due date, age) and what a card shows. The
 * strings belong to whoever made the entry (a #CrmPriorityModel).
 */
typedef struct
{
  gint64             id;
  CrmPriorityScores  scores;
  int                kano;        /* a CrmKano */
  int                status;      /* a CrmRequirementStatus */
  const char        *code;
  const char        *title;
  const char        *due_on;      /* "2024-03-01", NULL for none */
  const char        *created_at;  /* ISO 8601 UTC */
  const char        *owner;
  const char        *customer_name;
  int                customer_tier; /* a CrmTier */
} CrmPriorityEntry;

guint        crm_priority_view_get_n_rows       (CrmPriorityView          view);
guint        crm_priority_view_get_n_columns    (CrmPriorityView          view);
const char  *crm_priority_view_get_label        (CrmPriorityView          view);

int          crm_priority_amount_band           (gint64                   yuan);
gint64       crm_priority_band_amount           (int                      band);
gint64       crm_priority_band_lower            (int                      band);

gboolean     crm_priority_cell_of               (CrmPriorityView          view,
                                                 const CrmPriorityScores *scores,
                                                 guint                   *row,
                                                 guint                   *column);
void         crm_priority_apply_cell            (CrmPriorityView          view,
                                                 guint                    row,
                                                 guint                    column,
                                                 CrmPriorityScores       *scores);
int          crm_priority_cell_quadrant         (CrmPriorityView          view,
                                                 guint                    row,
                                                 guint                    column);
char        *crm_priority_dup_cell_label        (CrmPriorityView          view,
                                                 guint                    row,
                                                 guint                    column);
char        *crm_priority_dup_row_label         (CrmPriorityView          view,
                                                 guint                    row);
char        *crm_priority_dup_column_label      (CrmPriorityView          view,
                                                 guint                    column);

const char  *crm_quadrant_get_heading           (CrmQuadrant              quadrant);
const char  *crm_priority_band_get_label        (int                      band);

int          crm_priority_compare               (const CrmPriorityEntry  *a,
                                                 const CrmPriorityEntry  *b);

G_END_DECLS
