/* crm-priority.c — where a requirement sits on a priority matrix, and its rank
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * A cell of a matrix is a pair of scores, nothing more: the card of a
 * requirement sits in the cell its scores name, and dropping it on another
 * cell gives it that cell's scores (crm_priority_apply_cell()). So the
 * mapping must be exact both ways at every edge, which the core tests
 * check cell by cell.
 *
 * Quadrant view (四象限): row r (0 at the top) is importance 5 − r and
 * column c (0 at the left) is urgency 5 − c. "Important" and "urgent" are
 * crm_quadrant_for()'s: a score of CRM_QUADRANT_THRESHOLD (4) or more, so
 * the top-left 2×2 cells are "do now", the top-right 2×3 "plan", the
 * bottom-left 3×2 "standardise" and the rest "defer". The requirement
 * board's quadrant badge calls the same function.
 *
 * Value–cost view: value and cost are amounts in whole yuan, placed in five
 * bands whose edges are the method's tier thresholds (1万, 5万, 20万,
 * 50万): band 1 under 1万 … band 5 50万 or more. Row r is value band 5 − r
 * and column c cost band c + 1, so the top-left cell is high value at low
 * cost. A drop into another band sets the amount to that band's typical
 * amount (crm_priority_band_amount()); within its band an amount is kept.
 * A requirement without an estimate of both is on no cell.
 *
 * MoSCoW view: one row of lanes Must, Should, Could, Won't and Not set.
 *
 * Rank (the ranked list beside the matrix): importance, highest first;
 * then urgency, highest first; then due date, earliest first, requirements
 * without one last; then age, oldest first; then id, so the order is total.
 */

#define G_LOG_DOMAIN "crm-priority"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "crm-priority.h"

/* The lower edge of each amount band, in yuan; band b covers
 * [band_lower[b - 1], band_lower[b]). */
static const gint64 band_lower[CRM_PRIORITY_SCALE] = { 0, 10000, 50000, 200000, 500000 };
/* The amount a drop into a band sets: a round figure inside it. */
static const gint64 band_amount[CRM_PRIORITY_SCALE] = { 5000, 30000, 100000, 300000, 800000 };

static const CrmMoscow moscow_lanes[] = {
  CRM_MOSCOW_MUST, CRM_MOSCOW_SHOULD, CRM_MOSCOW_COULD, CRM_MOSCOW_WONT, CRM_MOSCOW_NONE,
};
static const char *moscow_lane_labels[] = {
  NC_("MoSCoW lane", "Must have"),
  NC_("MoSCoW lane", "Should have"),
  NC_("MoSCoW lane", "Could have"),
  NC_("MoSCoW lane", "Won’t have this time"),
  NC_("MoSCoW lane", "Not set"),
};

guint
crm_priority_view_get_n_rows (CrmPriorityView view)
{
  return view == CRM_PRIORITY_VIEW_MOSCOW ? 1 : CRM_PRIORITY_SCALE;
}

guint
crm_priority_view_get_n_columns (CrmPriorityView view)
{
  return view == CRM_PRIORITY_VIEW_MOSCOW ? G_N_ELEMENTS (moscow_lanes) : CRM_PRIORITY_SCALE;
}

/**
 * crm_priority_view_get_label:
 *
 * Returns: the translated name of @view
 */
const char *
crm_priority_view_get_label (CrmPriorityView view)
{
  switch (view)
    {
    case CRM_PRIORITY_VIEW_QUADRANT:
      return _("Importance–Urgency");
    case CRM_PRIORITY_VIEW_VALUE_COST:
      return _("Value–Cost");
    case CRM_PRIORITY_VIEW_MOSCOW:
      return _("MoSCoW");
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * crm_priority_amount_band:
 * @yuan: an amount in whole yuan, or -1
 *
 * Returns: the band 1–5 of @yuan, 0 when it is not estimated (negative)
 */
int
crm_priority_amount_band (gint64 yuan)
{
  if (yuan < 0)
    return 0;

  for (int band = CRM_PRIORITY_SCALE; band > 1; band--)
    {
      if (yuan >= band_lower[band - 1])
        return band;
    }

  return 1;
}

/**
 * crm_priority_band_amount:
 * @band: 1–5
 *
 * Returns: the amount a drop into @band gives a value or a cost
 */
gint64
crm_priority_band_amount (int band)
{
  g_return_val_if_fail (band >= 1 && band <= CRM_PRIORITY_SCALE, -1);

  return band_amount[band - 1];
}

/**
 * crm_priority_band_lower:
 * @band: 1–5
 *
 * Returns: the smallest amount in @band
 */
gint64
crm_priority_band_lower (int band)
{
  g_return_val_if_fail (band >= 1 && band <= CRM_PRIORITY_SCALE, -1);

  return band_lower[band - 1];
}

/**
 * crm_priority_band_get_label:
 * @band: 1–5
 *
 * Returns: the translated range of amounts of @band
 */
const char *
crm_priority_band_get_label (int band)
{
  switch (band)
    {
    case 1:
      return _("Under ¥10k");
    case 2:
      return _("¥10k–50k");
    case 3:
      return _("¥50k–200k");
    case 4:
      return _("¥200k–500k");
    case 5:
      return _("¥500k or more");
    default:
      g_return_val_if_reached (NULL);
    }
}

static gboolean
is_score (int score)
{
  return score >= 1 && score <= CRM_PRIORITY_SCALE;
}

/**
 * crm_priority_cell_of:
 * @scores: a requirement's scores
 * @row: (out): its row, 0 at the top
 * @column: (out): its column, 0 at the left
 *
 * Returns: %TRUE when the requirement has a cell on @view; a value–cost
 *   matrix has none for a requirement without both estimates
 */
gboolean
crm_priority_cell_of (CrmPriorityView          view,
                      const CrmPriorityScores *scores,
                      guint                   *row,
                      guint                   *column)
{
  int value_band, cost_band;

  g_return_val_if_fail (scores != NULL, FALSE);

  switch (view)
    {
    case CRM_PRIORITY_VIEW_QUADRANT:
      if (!is_score (scores->importance) || !is_score (scores->urgency))
        return FALSE;
      *row = CRM_PRIORITY_SCALE - scores->importance;
      *column = CRM_PRIORITY_SCALE - scores->urgency;
      return TRUE;

    case CRM_PRIORITY_VIEW_VALUE_COST:
      value_band = crm_priority_amount_band (scores->value);
      cost_band = crm_priority_amount_band (scores->cost);
      if (value_band == 0 || cost_band == 0)
        return FALSE;
      *row = CRM_PRIORITY_SCALE - value_band;
      *column = cost_band - 1;
      return TRUE;

    case CRM_PRIORITY_VIEW_MOSCOW:
      for (guint i = 0; i < G_N_ELEMENTS (moscow_lanes); i++)
        {
          if ((int)moscow_lanes[i] == scores->moscow)
            {
              *row = 0;
              *column = i;
              return TRUE;
            }
        }
      return FALSE;

    default:
      g_return_val_if_reached (FALSE);
    }
}

/**
 * crm_priority_apply_cell:
 * @scores: (inout): a requirement's scores
 *
 * Gives @scores the values of the cell (@row, @column) of @view: both
 * scores of a quadrant cell, both bands of a value–cost cell (an amount
 * already in its band is kept), the lane of a MoSCoW cell. The other
 * fields are left alone.
 */
void
crm_priority_apply_cell (CrmPriorityView    view,
                         guint              row,
                         guint              column,
                         CrmPriorityScores *scores)
{
  g_return_if_fail (scores != NULL);
  g_return_if_fail (row < crm_priority_view_get_n_rows (view));
  g_return_if_fail (column < crm_priority_view_get_n_columns (view));

  switch (view)
    {
    case CRM_PRIORITY_VIEW_QUADRANT:
      scores->importance = CRM_PRIORITY_SCALE - row;
      scores->urgency = CRM_PRIORITY_SCALE - column;
      break;

    case CRM_PRIORITY_VIEW_VALUE_COST:
      if (crm_priority_amount_band (scores->value) != CRM_PRIORITY_SCALE - (int)row)
        scores->value = crm_priority_band_amount (CRM_PRIORITY_SCALE - row);
      if (crm_priority_amount_band (scores->cost) != (int)column + 1)
        scores->cost = crm_priority_band_amount (column + 1);
      break;

    case CRM_PRIORITY_VIEW_MOSCOW:
      scores->moscow = moscow_lanes[column];
      break;

    default:
      g_return_if_reached ();
    }
}

/**
 * crm_priority_cell_quadrant:
 *
 * Returns: the #CrmQuadrant of a cell of the quadrant view, -1 on the
 *   other views
 */
int
crm_priority_cell_quadrant (CrmPriorityView view,
                            guint           row,
                            guint           column)
{
  if (view != CRM_PRIORITY_VIEW_QUADRANT)
    return -1;

  return crm_quadrant_for (CRM_PRIORITY_SCALE - row, CRM_PRIORITY_SCALE - column);
}

/**
 * crm_priority_dup_row_label:
 *
 * Returns: (transfer full): what the row's heading says
 */
char *
crm_priority_dup_row_label (CrmPriorityView view,
                            guint           row)
{
  switch (view)
    {
    case CRM_PRIORITY_VIEW_QUADRANT:
      return g_strdup_printf (_("Importance %u"), CRM_PRIORITY_SCALE - row);
    case CRM_PRIORITY_VIEW_VALUE_COST:
      return g_strdup_printf (_("Value %s"), crm_priority_band_get_label (CRM_PRIORITY_SCALE - row));
    case CRM_PRIORITY_VIEW_MOSCOW:
      return g_strdup ("");
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * crm_priority_dup_column_label:
 *
 * Returns: (transfer full): what the column's heading says
 */
char *
crm_priority_dup_column_label (CrmPriorityView view,
                               guint           column)
{
  switch (view)
    {
    case CRM_PRIORITY_VIEW_QUADRANT:
      return g_strdup_printf (_("Urgency %u"), CRM_PRIORITY_SCALE - column);
    case CRM_PRIORITY_VIEW_VALUE_COST:
      return g_strdup_printf (_("Cost %s"), crm_priority_band_get_label (column + 1));
    case CRM_PRIORITY_VIEW_MOSCOW:
      g_return_val_if_fail (column < G_N_ELEMENTS (moscow_lane_labels), NULL);
      return g_strdup (g_dpgettext2 (GETTEXT_PACKAGE, "MoSCoW lane", moscow_lane_labels[column]));
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * crm_priority_dup_cell_label:
 *
 * Returns: (transfer full): the cell's name, for accessibility and for
 *   the toast that says where a card went
 */
char *
crm_priority_dup_cell_label (CrmPriorityView view,
                             guint           row,
                             guint           column)
{
  g_autofree char *row_label = NULL;
  g_autofree char *column_label = NULL;

  if (view == CRM_PRIORITY_VIEW_MOSCOW)
    return crm_priority_dup_column_label (view, column);

  row_label = crm_priority_dup_row_label (view, row);
  column_label = crm_priority_dup_column_label (view, column);

  /* Translators: a cell of the priority matrix, e.g. "Importance 5,
   * Urgency 4". */
  return g_strdup_printf (_("%s, %s"), row_label, column_label);
}

/**
 * crm_quadrant_get_heading:
 *
 * Returns: the translated name and action of @quadrant, as the matrix
 *   labels it ("Important and urgent: do now")
 */
const char *
crm_quadrant_get_heading (CrmQuadrant quadrant)
{
  switch (quadrant)
    {
    case CRM_QUADRANT_DO_NOW:
      return _("Important and urgent: do now");
    case CRM_QUADRANT_PLAN:
      return _("Important, not urgent: plan");
    case CRM_QUADRANT_STANDARDISE:
      return _("Urgent, not important: standardise or delegate");
    case CRM_QUADRANT_DEFER:
      return _("Neither: defer");
    default:
      g_return_val_if_reached (NULL);
    }
}

/* NULL (no due date) sorts after every date. */
static int
compare_due (const char *a,
             const char *b)
{
  if (a == NULL || b == NULL)
    return (a == NULL) - (b == NULL);

  return strcmp (a, b);
}

/**
 * crm_priority_compare:
 *
 * The priority order of the ranked list: importance descending, urgency
 * descending, due date ascending with no due date last, age (created_at)
 * ascending, then id.
 *
 * Returns: negative when @a ranks before @b, positive when after, 0 only
 *   for the same requirement
 */
int
crm_priority_compare (const CrmPriorityEntry *a,
                      const CrmPriorityEntry *b)
{
  int order;

  if (a->scores.importance != b->scores.importance)
    return b->scores.importance - a->scores.importance;
  if (a->scores.urgency != b->scores.urgency)
    return b->scores.urgency - a->scores.urgency;
  if ((order = compare_due (a->due_on, b->due_on)) != 0)
    return order;
  if ((order = g_strcmp0 (a->created_at, b->created_at)) != 0)
    return order;

  return (a->id > b->id) - (a->id < b->id);
}
