/* test-figure-set-util.h — what the figure set tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "crm-figure-set.h"

/* The figures of @period_text ("2026Q3" …) for the segment @segment_key
 * (%NULL: every customer), which must compute. */
static inline CrmFigureSet *
test_compute_figures (CrmDatabase *db,
                      const char  *period_text,
                      const char  *segment_key)
{
  g_autoptr(GError) error = NULL;
  g_auto(CrmSegment) segment = { 0 };
  CrmPeriod period;
  CrmFigureSet *set;

  g_assert_true (crm_period_parse (&period, period_text, &error));
  g_assert_true (crm_segment_parse (&segment, segment_key));
  set = crm_figure_set_compute (db, &period, &segment, &error);
  g_assert_no_error (error);
  g_assert_nonnull (set);

  return set;
}

/* The value of figure @id, which @set must have. */
static inline double
test_figure_value (CrmFigureSet *set,
                   CrmFigureId   id)
{
  const CrmFigure *figure = crm_figure_set_get (set, id);

  g_assert_nonnull (figure);
  g_assert_true (figure->has_value);

  return figure->value;
}
